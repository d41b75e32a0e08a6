// A text field of the filter panel. For a filter whose values the catalog lists (tags, badges, the
// sources: filter-values.ts) it is a combobox that completes the value being typed (after the last
// comma) with those values, as the search box completes `tag:pi`; the lists are fetched once the field is
// used. With nothing typed after the last comma, clicking the field, ↓ or Alt+↓ (not Tab alone: decision
// 111) lists the most used values, with their counts where the catalog counts (tags), as DataHub's filters do; typing
// narrows the list, Escape closes it (decision 099); a second Escape keeps the text, a filter applied, rather than
// clearing it unseen as a search field would (decision 106). Other filters (schema, cluster, column…) have nothing to list: a plain field. Either way any
// text can be typed; Enter applies it, as choosing a value does.
import { useId, useState } from 'react';
import type { FilterCategory } from '../../../../contract/ui-config';
import { splitValues } from '../../../../contract/search-url';
import { useUiConfig } from '../../../app/app-data';
import { formatWholeNumber } from '../../../lib/format-number';
import { Combobox, type ComboboxOption } from '../../../components/combobox';
import { TextField } from '../../../components/field';
import { matchingValues, useFilterValues, valueSourceOf } from '../filter-values';
import { searchableResources } from '../resources';
import './filter-field.css';

/** How many values a field lists with nothing typed after the last comma (the most used first). */
export const LISTED_WHEN_EMPTY = 10;

export interface FilterFieldProps {
  category: FilterCategory;
  value: string;
  /** Each keystroke. */
  onValueChange: (text: string) => void;
  /** Enter, or a value chosen from the list (`text` is the field's new text). */
  onApply: (text: string) => void;
  /** Focus left the field. */
  onLeave: () => void;
}

export function FilterField({ category, value, onValueChange, onApply, onLeave }: FilterFieldProps) {
  const config = useUiConfig();
  const resources = searchableResources(config);
  const [used, setUsed] = useState(false);
  const values = useFilterValues(category, resources, config, used);
  const common = { autoComplete: 'off', spellCheck: false, maxLength: 1000 } as const;
  const inputId = useId();
  const hintId = `${inputId}-hint`;

  if (valueSourceOf(category, resources, config) === null) {
    return (
      <TextField
        label={category.displayName}
        hint={category.helpText}
        value={value}
        {...common}
        onChange={(event) => onValueChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          onApply(value);
        }}
        onBlur={onLeave}
      />
    );
  }

  // The values before the last comma stay; the one after it is completed.
  const before = value.slice(0, value.lastIndexOf(',') + 1);
  const partial = value.slice(before.length).trim();
  const known = new Map(values?.map((v) => [v.value, v]));
  const options = (values ? matchingValues(partial, splitValues(before), values, partial ? 6 : LISTED_WHEN_EMPTY) : []).map((chosen): ComboboxOption => {
    const { name, count } = known.get(chosen) ?? {};
    return {
      id: chosen,
      label: (
        <>
          {chosen}
          {name && name !== chosen ? (
            <>
              <span className="visually-hidden">, </span>
              <span className="filter-field__name">{name}</span>
            </>
          ) : null}
          {count === undefined ? null : (
            <>
              <span className="filter-field__count" aria-hidden="true">
                {formatWholeNumber(count)}
              </span>
              <span className="visually-hidden">
                , used {formatWholeNumber(count)} {count === 1 ? 'time' : 'times'}
              </span>
            </>
          )}
        </>
      ),
      onSelect: () => onApply(`${before}${before ? ' ' : ''}${chosen}`),
    };
  });
  const noun = category.displayName.toLowerCase();
  const status =
    values === undefined
      ? 'Loading known values…'
      : values === null || options.length > 0
        ? undefined
        : partial
          ? `No known ${noun} matches; the filter uses what you typed.`
          : `No ${before ? 'other ' : ''}known ${noun}; type any value.`;
  return (
    <div className="field" onFocus={() => setUsed(true)} onBlur={onLeave}>
      <label htmlFor={inputId} className="field__label">
        {category.displayName}
      </label>
      <Combobox
        id={inputId}
        label={category.displayName}
        value={value}
        onValueChange={onValueChange}
        groups={[{ id: 'values', label: category.displayName, options }]}
        status={status}
        onSubmitValue={onApply}
        escape="keeps"
        listEmpty
        aria-describedby={category.helpText ? hintId : undefined}
        {...common}
      />
      {category.helpText ? (
        <p id={hintId} className="field__hint">
          {category.helpText}
        </p>
      ) : null}
    </div>
  );
}
