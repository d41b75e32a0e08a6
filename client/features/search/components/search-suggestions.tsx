// The search box's suggestions (loaded on demand by search-form.tsx): while people type, the top
// results of each searchable resource in groups, each leading to its page, and "All results for …".
// Asks once per 250 ms pause; keeps the last answer on screen, dimmed and not choosable, while the
// next one loads. A filter typed in the box (`tag:pi`, decision 076) is completed with that filter's
// values, and is not searched as words (typed-suggestions.ts).
import { useState, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { useNavigate } from 'react-router';
import type { SearchResponse } from '../../../../contract/api-search';
import type { ClientConfig } from '../../../../contract/ui-config';
import { configuredCategories } from '../../../../contract/search-url';
import { useUiConfig } from '../../../app/app-data';
import { dashboardPath, tablePath, userPath, type SearchResource } from '../../../app/paths';
import { Combobox, type ComboboxGroup, type ComboboxOption } from '../../../components/combobox';
import { SUGGESTIONS_PER_RESOURCE, useSuggestions } from '../api/search-catalog';
import { searchableResources } from '../resources';
import { filterBeingTyped, suggestionInput, withValueChosen, type FilterBeingTyped } from '../typed-suggestions';
import { matchingValues, useFilterValues, type FilterValue } from '../filter-values';
import { useDebouncedValue } from '../../../components/use-debounced-value';
import { Highlight } from './highlight';
import './search-suggestions.css';

export const SUGGESTION_DELAY_MS = 250;

export interface SuggestionsInputProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  /** Enter with no suggestion chosen, or "All results for …". */
  onSubmitValue: (value: string) => void;
  /** Passed on to the input as they are (name, placeholder, data attributes…). */
  inputProps: Pick<InputHTMLAttributes<HTMLInputElement>, 'name' | 'placeholder' | 'maxLength' | 'aria-describedby'> & Record<`data-${string}`, string | undefined>;
  className?: string;
  ref?: Ref<HTMLInputElement>;
  /** The list open at once: it takes over from a plain box that has focus and text (search-form.tsx). */
  defaultOpen?: boolean;
}

/** A suggestion's name and, after a comma only screen readers get, its details ("customers, core · Hive"). */
function Suggestion({ name, meta }: { name: ReactNode; meta: ReactNode }) {
  return (
    <>
      <span className="suggestion__name">{name}</span>
      {meta ? (
        <>
          <span className="visually-hidden">, </span>
          <span className="suggestion__meta">{meta}</span>
        </>
      ) : null}
    </>
  );
}

function toGroups(data: SearchResponse | undefined, resources: SearchResource[], config: ClientConfig, go: (path: string) => void): ComboboxGroup[] {
  const { resourceConfig } = config;
  return resources.map((resource) => {
    let options: ComboboxOption[] = [];
    if (resource === 'table') {
      options = (data?.table?.results ?? []).map((t) => ({
        id: `table:${t.key}`,
        label: <Suggestion name={<Highlight fragment={t.highlight['name']?.[0]} text={t.name} />} meta={`${t.schema} · ${resourceConfig.table.supportedSources[t.database]?.displayName ?? t.database}`} />,
        onSelect: () => go(tablePath(t)),
      }));
    } else if (resource === 'dashboard') {
      options = (data?.dashboard?.results ?? []).map((d) => ({
        id: `dashboard:${d.uri}`,
        label: (
          <Suggestion
            name={<Highlight fragment={d.highlight['name']?.[0]} text={d.name} />}
            meta={[d.product ? (resourceConfig.dashboard.supportedSources[d.product]?.displayName ?? d.product) : null, d.group_name].filter(Boolean).join(' · ')}
          />
        ),
        onSelect: () => go(dashboardPath(d.uri)),
      }));
    } else {
      options = (data?.user?.results ?? []).map((u) => ({
        id: `user:${u.user_id}`,
        // Someone who has left is said to be so, as on the People results and in owner lists. Their email
        // only when it is not already their name (someone with no name is shown by it).
        label: <Suggestion name={<Highlight fragment={u.highlight['full_name']?.[0]} text={u.display_name} />} meta={[u.is_active ? null : 'No longer active', u.email === u.display_name ? null : u.email].filter(Boolean).join(' · ')} />,
        onSelect: () => go(userPath(u.user_id)),
      }));
    }
    return { id: resource, label: resourceConfig[resource].displayName, options };
  });
}

/** The group of values completing the filter being typed, each putting itself in the box. */
function valueGroup(typing: FilterBeingTyped | null, values: FilterValue[] | null | undefined, choose: (value: string) => void): ComboboxGroup[] {
  if (!typing || !values) return [];
  const names = new Map(values.map((v) => [v.value, v.name]));
  const options = matchingValues(typing.partial, typing.earlier, values).map(
    (value): ComboboxOption => {
      const name = names.get(value);
      return { id: `filter:${value}`, label: <Suggestion name={value} meta={name && name !== value ? name : null} />, onSelect: () => choose(value) };
    },
  );
  return [{ id: 'filter-values', label: typing.category.displayName, options }];
}

export function SuggestionsInput({ label, value, onValueChange, onSubmitValue, inputProps, className, ref, defaultOpen }: SuggestionsInputProps) {
  const config = useUiConfig();
  const navigate = useNavigate();
  const resources = searchableResources(config);
  // Ask only once people use the box: a term the box shows because of the page (the search page's)
  // needs no suggestions until then.
  const [asking, setAsking] = useState(false);
  const term = value.trim();
  const categoriesOf = (resource: SearchResource) => configuredCategories(config, resource);
  const inputFor = (text: string) => (text.trim() ? suggestionInput(text, resources, categoriesOf, SUGGESTIONS_PER_RESOURCE) : null);
  // The words and filters to search, and the filter being typed at the end of the text, if any.
  const typing = asking ? filterBeingTyped(value, resources.flatMap(categoriesOf)) : null;
  const debounced = useDebouncedValue(asking ? value : '', SUGGESTION_DELAY_MS);
  const input = inputFor(debounced);
  const current = asking ? inputFor(value) : null;
  const query = useSuggestions(input);
  const answered = input !== null && query.data !== undefined;
  const values = useFilterValues(typing?.category, resources, config);

  const go = (path: string) => {
    onValueChange('');
    void navigate(path);
  };
  // The answer on screen is for other text than the box holds: typed since the last pause, or asked
  // and not answered yet (the last answer kept meanwhile). Its results are shown dimmed and cannot be
  // chosen (combobox.tsx), so ↓ and Enter never open a suggestion for a word no longer there.
  const stale = JSON.stringify(input) !== JSON.stringify(current) || query.isPlaceholderData;
  const groups = [
    ...valueGroup(typing, values, (chosen) => typing && onValueChange(withValueChosen(typing, chosen))),
    ...(answered && current !== null ? toGroups(query.data, [...input.resources], config, go).map((g) => ({ ...g, stale })) : []),
  ];
  const found = groups.some((g) => !g.stale && g.options.length > 0);
  const footer: ComboboxOption[] = term
    ? [{ id: 'all-results', label: <span className="suggestion__all">All results for “{term}”</span>, onSelect: () => onSubmitValue(term) }]
    : [];
  const status =
    current === null
      ? // Only a filter being typed: its values, or what Enter does.
        found
        ? undefined
        : typing && values === undefined
          ? 'Searching…'
          : typing
            ? `Press Enter to search with the ${typing.category.displayName.toLowerCase()} filter.`
            : undefined
      : query.isError
        ? 'Suggestions are not available right now.'
        : !answered || stale
          ? 'Searching…'
          : !found
            ? 'No matches. Press Enter to search every field.'
            : undefined;

  return (
    <div className={className} onFocus={() => setAsking(true)}>
      <Combobox
        ref={ref}
        defaultOpen={defaultOpen}
        label={label}
        value={value}
        onValueChange={onValueChange}
        groups={groups}
        footer={footer}
        status={status}
        onSubmitValue={onSubmitValue}
        {...inputProps}
      />
    </div>
  );
}
