// Another tab may log out and in as someone else while this page still shows the user it was rendered
// for. The BFF refuses this page's reads and writes then (409, server/auth/page-user-guard.ts), so it never
// shows the other user's data under this page's user; this shell part says so with a way to reload, and
// also notices on its own, when the window comes back into focus.
// It never swaps the user this page shows: unsaved text (kept per user) stays on screen until the reload.
import { useEffect, useState } from 'react';
import { sessionUserChangedMessage } from '../../../contract/page-user';
import { Button } from '../../components/button';
import { getPageUser, getSessionUserRefusal, SESSION_USER_CHANGED_EVENT } from '../../lib/api-client';
import type { ApiError } from '../../lib/api-error';
import { fetchSessionUser } from '../app-data';
import './session-user-notice.css';

/**
 * The sentence to show when the session now belongs to someone other than this page's user, else null.
 * Asks GET /api/auth_user (which the BFF never refuses) whenever the window gets focus or the tab becomes
 * visible; a refused read or write says it too, also one refused before this module was loaded.
 * A failed check says nothing (a 401 is met by the page's next request, which sends the browser to log in).
 */
export function useSessionUserChange(): string | null {
  const [message, setMessage] = useState<string | null>(() => getSessionUserRefusal()?.message ?? null);
  useEffect(() => {
    let checking = false;
    const check = () => {
      const pageUser = getPageUser();
      if (document.visibilityState !== 'visible' || pageUser === null || checking) return;
      checking = true;
      fetchSessionUser()
        .then((now) => setMessage(now.user_id === pageUser ? null : sessionUserChangedMessage(now.display_name)))
        .catch(() => {})
        .finally(() => {
          checking = false;
        });
    };
    const onRefused = (event: Event) => setMessage((event as CustomEvent<ApiError>).detail.message);
    window.addEventListener(SESSION_USER_CHANGED_EVENT, onRefused);
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    // A refusal between the first render and now sent its event to no one.
    const missed = getSessionUserRefusal();
    if (missed) setMessage(missed.message);
    return () => {
      window.removeEventListener(SESSION_USER_CHANGED_EVENT, onRefused);
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, []);
  return message;
}

/** The notice above the page, announced, with the reload it asks for. */
export function SessionUserNotice({ message, reload = () => window.location.reload() }: { message: string | null; reload?: () => void }) {
  if (message === null) return null;
  return (
    <div className="session-user-notice" role="alert">
      <p className="session-user-notice__message">{message}</p>
      <Button variant="primary" size="sm" onClick={reload}>
        Reload this page
      </Button>
    </div>
  );
}

/** The check and its notice together: the shell loads this module after the first page has rendered. */
export default function SessionUserCheck() {
  return <SessionUserNotice message={useSessionUserChange()} />;
}
