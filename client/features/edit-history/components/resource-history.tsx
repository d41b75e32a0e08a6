// The History tab of a table or dashboard page: its edits from the catalog's edit log (a table's
// include its columns' and nested types'), newest first. Mounted with the tab, which asks for it again:
// its first page is usually there already, asked for as the page opened for the tab's count (decision 048).
import { useEditHistory } from '../api/get-edit-history';
import type { HistoryResourceType } from '../api/query-keys';
import { HistoryView } from './history-view';

export function ResourceHistory({ type, resourceKey, name }: { type: HistoryResourceType; resourceKey: string; name: string }) {
  const query = useEditHistory(type, resourceKey);
  return (
    <section className="resource-history" aria-labelledby="history-heading">
      <h2 id="history-heading" className="visually-hidden">
        History
      </h2>
      <HistoryView
        query={query}
        show="editor"
        label={`Edits of ${name}, newest first`}
        loadingLabel="Loading the history"
        errorTitle="The history could not be loaded"
        empty={`Changes to the ${type === 'table' ? 'description, columns, tags and owners' : 'tags'} of ${name} will show here.`}
      />
    </section>
  );
}
