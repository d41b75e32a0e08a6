// A person's recent edits on their profile (indexUsers on): each edit with the table or dashboard it
// changed, newest first. Under a heading of the tab's level (h2, as the other tabs' "Tables" and
// "Dashboards"; hidden, as the tab names it), so each edit's h3 does not skip a level after the h1.
import { useId } from 'react';
import { useUserEdits } from '../api/get-user-edits';
import { HistoryView } from './history-view';

export function UserEdits({ userId, name, isMe }: { userId: string; name: string; isMe: boolean }) {
  const query = useUserEdits(userId);
  const headingId = useId();
  return (
    <section className="user-edits" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {isMe ? 'Your edits' : `Edits by ${name}`}
      </h2>
      <HistoryView
        query={query}
        show="resource"
        label={isMe ? 'Your edits, newest first' : `Edits by ${name}, newest first`}
        loadingLabel="Loading recent edits"
        errorTitle="Recent edits could not be loaded"
        empty={isMe ? 'You have not edited any descriptions, tags or owners yet.' : `${name} has not edited any descriptions, tags or owners yet.`}
      />
    </section>
  );
}
