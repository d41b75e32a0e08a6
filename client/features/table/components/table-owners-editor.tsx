// The table's owners in its side panel, with add and remove for people who may change them: a people
// picker when the catalog has profiles (indexUsers), a user id otherwise (looked up before it is added).
import { useState } from 'react';
import type { TableDetail } from '../../../../contract/api-table';
import { useUiConfig } from '../../../app/app-data';
import { useDebouncedValue } from '../../../components/use-debounced-value';
import { OwnerEditor } from '../../../components/owner-editor';
import { describeError } from '../../../lib/api-error';
import { lookUpOwner } from '../api/owner-candidates';
import { usePeopleSearch } from '../api/search-people';
import { useUpdateTableOwner } from '../api/update-table-owner';

export function TableOwnersEditor({ table }: { table: TableDetail }) {
  const peopleSearch = useUiConfig().indexUsers.enabled;
  const canEdit = table.edit_rights.owners;
  const [term, setTerm] = useState('');
  const debounced = useDebouncedValue(term, 200);
  const people = usePeopleSearch(debounced, canEdit && peopleSearch);
  const mutation = useUpdateTableOwner(table);
  const status = people.isError ? `People search failed: ${describeError(people.error)}` : people.isFetching && !people.data ? 'Searching…' : people.data?.length === 0 ? 'Nobody found' : undefined;
  return (
    <OwnerEditor
      owners={table.owners}
      canEdit={canEdit}
      term={term}
      onTermChange={setTerm}
      picker={peopleSearch ? { people: term.trim() ? (people.data ?? []) : [], status } : null}
      onAdd={(owner) => mutation.mutateAsync({ action: 'add', owner })}
      onRemove={(owner) => mutation.mutateAsync({ action: 'remove', owner })}
      lookUp={peopleSearch ? undefined : (owner) => lookUpOwner(table.key, owner)}
    />
  );
}
