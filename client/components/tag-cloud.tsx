// Tags with how often each is used, each leading to the search filtered by it (browse, home).
import { tagSearchPath } from '../app/paths';
import { Chip } from './chip';
import './chip.css';

export interface TagCount {
  name: string;
  /** Resources carrying the tag; unknown for a curated tag nothing carries yet. */
  count?: number;
}

export function TagCloud({ tags, label, resource = 'table' }: { tags: TagCount[]; label: string; resource?: 'table' | 'dashboard' }) {
  if (tags.length === 0) return null;
  return (
    <ul className="chip-list chip-list--cloud" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag.name}>
          <Chip label={tag.name} count={tag.count} to={tagSearchPath(tag.name, resource)} title={`Search for ${resource === 'table' ? 'tables' : 'dashboards'} tagged ${tag.name}`} />
        </li>
      ))}
    </ul>
  );
}
