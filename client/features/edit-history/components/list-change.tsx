// A tag, owner or badge edit: what it added and what it removed.
import { Chip } from '../../../components/chip';

function Values({ label, values, tone }: { label: string; values: string[]; tone: 'added' | 'removed' }) {
  if (values.length === 0) return null;
  return (
    <div className={`list-change__row list-change__row--${tone}`}>
      <dt>{label}</dt>
      <dd>
        <ul className="chip-list" aria-label={label}>
          {values.map((value) => (
            <li key={value}>
              <Chip label={value} />
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}

export function ListChange({ added, removed }: { added: string[]; removed: string[] }) {
  if (added.length === 0 && removed.length === 0) return <p className="muted">No change</p>;
  return (
    <dl className="list-change">
      <Values label="Added" values={added} tone="added" />
      <Values label="Removed" values={removed} tone="removed" />
    </dl>
  );
}
