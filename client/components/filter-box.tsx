// A list's own filter: a search field with a hidden label, above a long list (the lineage lists, a
// table's columns), styled by grow-list.css. A plain input, not the form's TextField: importing that
// into GrowList regrouped the shared chunks and made the home page's first load heavier.
export function FilterBox({ id, label, placeholder, value, onChange, controls, testId, className }: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  /** The id of the list it filters, while that list is shown. */
  controls?: string;
  testId: string;
  className?: string;
}) {
  return (
    <div className={className ? `lineage__filter ${className}` : 'lineage__filter'}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        className="lineage__filter-input"
        type="search"
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-controls={controls}
        data-testid={testId}
      />
    </div>
  );
}
