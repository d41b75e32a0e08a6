// The search box's suggestions (loaded on demand by search-form.tsx): while people type, the top
// results of each searchable resource in groups, each leading to its page, and "All results for …".
// Asks once per 250 ms pause; keeps the last answer on screen while the next one loads.
import { useState, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { useNavigate } from 'react-router';
import type { SearchResponse } from '../../../../contract/api-search';
import type { ClientConfig } from '../../../../contract/ui-config';
import { useUiConfig } from '../../../app/app-data';
import { dashboardPath, tablePath, userPath, type SearchResource } from '../../../app/paths';
import { Combobox, type ComboboxGroup, type ComboboxOption } from '../../../components/combobox';
import { useSuggestions } from '../api/search-catalog';
import { searchableResources } from '../resources';
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
        // Someone who has left is said to be so, as on the People results and in owner lists.
        label: <Suggestion name={<Highlight fragment={u.highlight['full_name']?.[0]} text={u.display_name} />} meta={[u.is_active ? null : 'No longer active', u.email].filter(Boolean).join(' · ')} />,
        onSelect: () => go(userPath(u.user_id)),
      }));
    }
    return { id: resource, label: resourceConfig[resource].displayName, options };
  });
}

export function SuggestionsInput({ label, value, onValueChange, onSubmitValue, inputProps, className, ref }: SuggestionsInputProps) {
  const config = useUiConfig();
  const navigate = useNavigate();
  const resources = searchableResources(config);
  // Ask only once people use the box: a term the box shows because of the page (the search page's)
  // needs no suggestions until then.
  const [asking, setAsking] = useState(false);
  const term = value.trim();
  const debounced = useDebouncedValue(asking ? term : '', SUGGESTION_DELAY_MS);
  const query = useSuggestions(debounced, resources);
  const answered = debounced !== '' && query.data !== undefined;

  const go = (path: string) => {
    onValueChange('');
    void navigate(path);
  };
  const groups = answered ? toGroups(query.data, resources, config, go) : [];
  const found = groups.some((g) => g.options.length > 0);
  const footer: ComboboxOption[] = term
    ? [{ id: 'all-results', label: <span className="suggestion__all">All results for “{term}”</span>, onSelect: () => onSubmitValue(term) }]
    : [];
  const status = query.isError
    ? 'Suggestions are not available right now.'
    : !answered || (debounced !== term && !found)
      ? 'Searching…'
      : !found
        ? 'No matches. Press Enter to search every field.'
        : undefined;

  return (
    <div className={className} onFocus={() => setAsking(true)}>
      <Combobox
        ref={ref}
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
