// A tag, owner or badge edit: what it added and what it removed. Owners are people: each is named and
// linked as everywhere else (PersonLink: their profile when profiles are on), from the people the
// entry carries; an id the catalog does not know stays as written.
import type { EditPerson } from '../../../../contract/api-edits';
import { Chip } from '../../../components/chip';
import { PersonLink } from '../../../components/person-link';

function Value({ value, people }: { value: string; people: Map<string, EditPerson> | undefined }) {
  if (!people) return <Chip label={value} />;
  const person = people.get(value);
  return (
    <span className="chip chip--person">
      {person ? <PersonLink user={{ user_id: person.user_id, display_name: person.display_name ?? person.user_id, profile_url: null, is_active: person.is_active }} /> : value}
    </span>
  );
}

function Values({ label, values, tone, people }: { label: string; values: string[]; tone: 'added' | 'removed'; people: Map<string, EditPerson> | undefined }) {
  if (values.length === 0) return null;
  return (
    <div className={`list-change__row list-change__row--${tone}`}>
      <dt>{label}</dt>
      <dd>
        <ul className="chip-list" aria-label={label}>
          {values.map((value) => (
            <li key={value}>
              <Value value={value} people={people} />
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}

/** `people`: the values are user ids (an owner edit), named by these people where known. */
export function ListChange({ added, removed, people }: { added: string[]; removed: string[]; people?: EditPerson[] }) {
  if (added.length === 0 && removed.length === 0) return <p className="muted">No change</p>;
  const known = people ? new Map(people.map((p) => [p.user_id, p])) : undefined;
  return (
    <dl className="list-change">
      <Values label="Added" values={added} tone="added" people={known} />
      <Values label="Removed" values={removed} tone="removed" people={known} />
    </dl>
  );
}
