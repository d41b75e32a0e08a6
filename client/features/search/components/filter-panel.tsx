// The search page's filters, from the UI config's filter categories of the shown resource. Text
// filters take comma-separated values and apply as people type (after a pause), on Enter, on choosing
// a value the catalog lists (filter-field.tsx) and on leaving the field; the first change of a visit
// to a field adds a history entry, the rest replace it, so Back returns to the results before that
// filter and not to each keystroke. Checkboxes and the any/all choice add a history entry each.
// Where the panel stands above the results (760 px and less, search-page.css), it is folded behind a
// "Filters (n active)" disclosure button in its heading, so the results come right after the tabs;
// unfolded, it is where it is in the page, before the results (decision 087). Wider, it is always open.
import { useEffect, useId, useRef, useState } from 'react';
import type { FilterOperation } from '../../../../contract/api-search';
import type { FilterCategory } from '../../../../contract/ui-config';
import type { SearchFilters } from '../../../app/paths';
import { Button } from '../../../components/button';
import { cx } from '../../../components/class-names';
import { DisclosureButton } from '../../../components/disclosure';
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
  // Folded or not: only drawn so where the panel is narrow (the CSS hides the button elsewhere).
  const [unfolded, setUnfolded] = useState(false);
  const bodyId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const toggle = useRef<HTMLSpanElement>(null);
  // "Clear all" leaves the page with the filters it clears: focus goes to the panel's heading (its
  // disclosure button where the panel folds), in view where the button was, and not to <body>.
  const clearAll = () => {
    const button = toggle.current?.querySelector('button');
    if (button && button.getClientRects().length > 0) button.focus();
    else heading.current?.focus();
    onChange({}, 'push');
  };

  return (
    <section className={cx('filters', !unfolded && 'filters--folded')} aria-labelledby="filters-heading">
      <div className="filters__head">
        <h2 id="filters-heading" ref={heading} tabIndex={-1}>
          <span className="filters__title">
            Filters{active > 0 ? <span className="count">{active}</span> : null}
          </span>
          <span ref={toggle} className="filters__toggle-place">
            <DisclosureButton className="filters__toggle" expanded={unfolded} onToggle={() => setUnfolded((u) => !u)} controls={bodyId} testId="filters-toggle">
              Filters{active > 0 ? ` (${active} active)` : null}
            </DisclosureButton>
          </span>
        </h2>
        {active > 0 ? (
          <Button size="sm" variant="ghost" onClick={clearAll}>
            Clear all <span className="visually-hidden">filters</span>
          </Button>
        ) : null}
      </div>
      <div id={bodyId} className="filters__body">
        {categories.map((category) =>
          category.type === 'checkboxFilter' ? (
            <CheckboxFilter key={category.categoryId} category={category} filters={filters} update={update} />
          ) : (
            <InputFilter key={category.categoryId} category={category} filters={filters} update={update} />
          ),
        )}
      </div>
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
