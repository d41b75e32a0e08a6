// A person's recent edits on their profile (indexUsers on): each edit with the table or dashboard it
// changed, newest first.
import { useUserEdits } from '../api/get-user-edits';
import { HistoryView } from './history-view';

export function UserEdits({ userId, name, isMe }: { userId: string; name: string; isMe: boolean }) {
  const query = useUserEdits(userId);
  return (
    <HistoryView
      query={query}
      show="resource"
      label={isMe ? 'Your edits, newest first' : `Edits by ${name}, newest first`}
      loadingLabel="Loading recent edits"
      errorTitle="Recent edits could not be loaded"
      empty={isMe ? 'You have not edited any descriptions, tags or owners yet.' : `${name} has not edited any descriptions, tags or owners yet.`}
    />
  );
}
