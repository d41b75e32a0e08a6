// Tags with how often each is used, each leading to the search filtered by it (browse, home): to the
// tables carrying it, or its dashboards when only dashboards do.
import { tagSearchPath } from '../app/paths';
import { Chip } from './chip';
import './chip.css';

export interface TagCount {
  name: string;
  /** Resources carrying the tag; unknown for a curated tag nothing carries yet. */
  count?: number;
}

const CARRIERS = { any: 'tables or dashboards', table: 'tables', dashboard: 'dashboards' } as const;

/**
 * `resource`: what the links search. `any` (the default: a tag's count adds up the tables and
 * dashboards carrying it) opens the search on whichever of the two carries it, tables first.
 */
export function TagCloud({ tags, label, resource = 'any' }: { tags: TagCount[]; label: string; resource?: 'any' | 'table' | 'dashboard' }) {
  if (tags.length === 0) return null;
  return (
    <ul className="chip-list chip-list--cloud" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag.name}>
          <Chip label={tag.name} count={tag.count} to={tagSearchPath(tag.name, resource)} title={`Search for ${CARRIERS[resource]} tagged ${tag.name}`} />
        </li>
      ))}
    </ul>
  );
}
