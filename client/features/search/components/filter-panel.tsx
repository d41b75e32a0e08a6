// The search page's filters, from the UI config's filter categories of the shown resource. Text
// filters take comma-separated values and apply as people type (after a pause), on Enter, on choosing
// a value the catalog lists (filter-field.tsx) and on leaving the field; the first change of a visit
// to a field adds a history entry, the rest replace it, so Back returns to the results before that
// filter and not to each keystroke. Checkboxes and the any/all choice add a history entry each.
import { useEffect, useRef, useState } from 'react';
import type { FilterOperation } from '../../../../contract/api-search';
import type { FilterCategory } from '../../../../contract/ui-config';
import type { SearchFilters } from '../../../app/paths';
import { Button } from '../../../components/button';
import { Checkbox } from '../../../components/field';
import { SegmentedControl } from '../../../components/segmented-control';
import { FilterField } from './filter-field';
import { canChooseOperation, countFilters, operationOf, splitValues, toggleValue, withFilterOperation, withFilterValue } from '../filter-state';

export const FILTER_TYPING_DELAY_MS = 400;

export type HistoryMode = 'push' | 'replace';
/** Applies a change to the latest filters; false when it changed nothing. */
type Update = (change: (filters: SearchFilters) => SearchFilters, mode: HistoryMode) => boolean;

export interface FilterPanelProps {
  categories: FilterCategory[];
  filters: SearchFilters;
  onChange: (filters: SearchFilters, mode: HistoryMode) => void;
}

const OPERATIONS: { value: FilterOperation; label: string }[] = [
  { value: 'OR', label: 'Any' },
  { value: 'AND', label: 'All' },
];

export function FilterPanel({ categories, filters, onChange }: FilterPanelProps) {
  // Changes apply to the latest filters, not the ones of the render that scheduled them.
  const latest = useRef(filters);
  latest.current = filters;
  const update: Update = (change, mode) => {
    const next = change(latest.current);
    if (next === latest.current) return false;
    latest.current = next;
    onChange(next, mode);
    return true;
  };
  const active = countFilters(filters);

  return (
    <section className="filters" aria-labelledby="filters-heading">
      <div className="filters__head">
        <h2 id="filters-heading">
          Filters{active > 0 ? <span className="count">{active}</span> : null}
        </h2>
        {active > 0 ? (
          <Button size="sm" variant="ghost" onClick={() => onChange({}, 'push')}>
            Clear all <span className="visually-hidden">filters</span>
          </Button>
        ) : null}
      </div>
      {categories.map((category) =>
        category.type === 'checkboxFilter' ? (
          <CheckboxFilter key={category.categoryId} category={category} filters={filters} update={update} />
        ) : (
          <InputFilter key={category.categoryId} category={category} filters={filters} update={update} />
        ),
      )}
    </section>
  );
}

function OperationChoice({ category, filters, values, update }: { category: FilterCategory; filters: SearchFilters; values: string[]; update: Update }) {
  if (values.length < 2) return null;
  const operation = operationOf(category, filters[category.categoryId]);
  if (!canChooseOperation(category)) {
    return <p className="filter__fixed">{operation === 'AND' ? 'Results match all of these.' : 'Results match any of these.'}</p>;
  }
  return (
    <SegmentedControl
      size="sm"
      className="filter__operation"
      legend={
        <>
          Match <span className="visually-hidden">{category.displayName}</span>
        </>
      }
      options={OPERATIONS}
      value={operation}
      onChange={(op) => update((f) => withFilterOperation(f, category.categoryId, op), 'push')}
    />
  );
}

function InputFilter({ category, filters, update }: { category: FilterCategory; filters: SearchFilters; update: Update }) {
  const name = category.categoryId;
  const applied = filters[name]?.value ?? '';
  const [draft, setDraft] = useState(applied);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pushed = useRef(false);

  // The value this field last put in the URL (or last saw there). When the URL's value differs, it
  // changed by other means (Back, Forward, Clear all, a link): the field shows it, even while focused,
  // and drops a pending change, so leaving the field never re-applies text the URL has moved away from.
  const known = useRef(applied);
  useEffect(() => {
    if (applied === known.current) return;
    known.current = applied;
    clearTimeout(timer.current);
    pushed.current = false;
    setDraft(applied);
  }, [applied]);
  useEffect(() => () => clearTimeout(timer.current), []);

  function apply(text: string) {
    clearTimeout(timer.current);
    const value = text.trim();
    known.current = splitValues(value).length > 0 ? value : '';
    const changed = update((f) => ((f[name]?.value ?? '') === value ? f : withFilterValue(f, name, value)), pushed.current ? 'replace' : 'push');
    if (changed) pushed.current = true;
  }

  return (
    <div className="filter">
      <FilterField
        category={category}
        value={draft}
        onValueChange={(text) => {
          setDraft(text);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => apply(text), FILTER_TYPING_DELAY_MS);
        }}
        onApply={(text) => {
          setDraft(text);
          apply(text);
        }}
        onLeave={() => {
          apply(draft);
          pushed.current = false;
        }}
      />
      <OperationChoice category={category} filters={filters} values={splitValues(applied)} update={update} />
    </div>
  );
}

function CheckboxFilter({ category, filters, update }: { category: FilterCategory; filters: SearchFilters; update: Update }) {
  const name = category.categoryId;
  const applied = filters[name]?.value ?? '';
  const selected = new Set(splitValues(applied));
  return (
    <fieldset className="filter filter--checkboxes">
      <legend className="field__label">{category.displayName}</legend>
      {category.helpText ? <p className="field__hint">{category.helpText}</p> : null}
      {(category.options ?? []).map((option) => (
        <Checkbox
          key={option.value}
          label={option.displayName ?? option.value}
          checked={selected.has(option.value)}
          onChange={(event) => update((f) => withFilterValue(f, name, toggleValue(f[name]?.value ?? '', option.value, event.target.checked)), 'push')}
        />
      ))}
      <OperationChoice category={category} filters={filters} values={[...selected]} update={update} />
    </fieldset>
  );
}
