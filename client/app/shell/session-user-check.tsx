// Another tab may log out and in as someone else while this page still shows the user it was rendered
// for. The BFF refuses this page's reads and writes then (409, server/auth/page-user-guard.ts), so it never
// shows the other user's data under this page's user; this shell part says so with a way to reload, and
// also notices on its own, when the window comes back into focus.
// Another tab may also just log out (or the session end): the focus check, or a refresh of what is on screen
// meeting 401 (lib/query-client.ts), then says so, with a way to log in again and come back here; it does not
// go there by itself, so the person can still copy what is on screen.
// It never swaps the user this page shows: unsaved text (kept per user) stays on screen until the reload.
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { sessionUserChangedMessage } from '../../../contract/page-user';
import { Button, ButtonLink } from '../../components/button';
import { getPageUser, getSessionUserRefusal, SESSION_USER_CHANGED_EVENT } from '../../lib/api-client';
import { isUnauthorized, type ApiError } from '../../lib/api-error';
import { buildLoginUrl, SESSION_ENDED_EVENT, sessionEndMissed } from '../../lib/login-redirect';
import { fetchSessionUser } from '../app-data';
import './session-user-notice.css';

/** What the notice says when the focus check finds no session (401). */
export const LOGGED_OUT_MESSAGE = 'You are logged out — in another tab, or your session ended. Log in again to go on; unsaved text is kept.';

/** What the shell's notice says: the session is now someone else's (the sentence to show), or it is gone. */
export type SessionNotice = { kind: 'user-changed'; message: string } | { kind: 'logged-out' };

const userChanged = (message: string): SessionNotice => ({ kind: 'user-changed', message });
const LOGGED_OUT: SessionNotice = { kind: 'logged-out' };

/**
 * What to say when the session now belongs to someone other than this page's user, or to no one; else null.
 * Asks GET /api/auth_user (which the BFF never refuses for another user) whenever the window gets focus or
 * the tab becomes visible; a refused read or write says it too, and so does a refresh meeting 401, also before this module was loaded.
 * A 401 from the check, or from a refresh of data on screen (SESSION_ENDED_EVENT), means no session: another
 * tab logged out, or the session ended. Any other failed check (the network, the server) says nothing and
 * keeps what was said.
 */
export function useSessionCheck(): SessionNotice | null {
  const [notice, setNotice] = useState<SessionNotice | null>(() => {
    const refused = getSessionUserRefusal();
    return refused ? userChanged(refused.message) : null;
  });
  useEffect(() => {
    let checking = false;
    const check = () => {
      const pageUser = getPageUser();
      if (document.visibilityState !== 'visible' || pageUser === null || checking) return;
      checking = true;
      fetchSessionUser()
        .then((now) => setNotice(now.user_id === pageUser ? null : userChanged(sessionUserChangedMessage(now.display_name))))
        .catch((error: unknown) => {
          if (isUnauthorized(error)) setNotice(LOGGED_OUT);
        })
        .finally(() => {
          checking = false;
        });
    };
    const onRefused = (event: Event) => setNotice(userChanged((event as CustomEvent<ApiError>).detail.message));
    const onEnded = (event: Event) => {
      event.preventDefault(); // heard: not missed (lib/login-redirect.ts)
      setNotice(LOGGED_OUT);
    };
    window.addEventListener(SESSION_USER_CHANGED_EVENT, onRefused);
    window.addEventListener(SESSION_ENDED_EVENT, onEnded);
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    // A refusal, or a refresh meeting 401, between the first render and now sent its event to no one.
    const missed = getSessionUserRefusal();
    if (missed) setNotice(userChanged(missed.message));
    else if (sessionEndMissed()) setNotice(LOGGED_OUT);
    return () => {
      window.removeEventListener(SESSION_USER_CHANGED_EVENT, onRefused);
      window.removeEventListener(SESSION_ENDED_EVENT, onEnded);
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, []);
  return notice;
}

/** The notice above the page, announced, with the way on it asks for: a reload, or logging in again. */
export function SessionUserNotice({ notice, reload = () => window.location.reload() }: { notice: SessionNotice | null; reload?: () => void }) {
  if (notice === null) return null;
  return (
    <div className="session-user-notice" role="alert" data-toasts-below>
      {notice.kind === 'logged-out' ? (
        <>
          <p className="session-user-notice__message">{LOGGED_OUT_MESSAGE}</p>
          <LogInAgain />
        </>
      ) : (
        <>
          <p className="session-user-notice__message">{notice.message}</p>
          <Button variant="primary" size="sm" onClick={reload}>
            Reload this page
          </Button>
        </>
      )}
    </div>
  );
}

/**
 * To the BFF's login and back to the page shown now (the same URL a 401 on a request goes to: lib/login-redirect.ts),
 * as a full page load. Kept drafts come back there, as after any login (app/use-description-draft.ts).
 */
function LogInAgain() {
  const here = useLocation();
  return (
    <ButtonLink variant="primary" size="sm" to={buildLoginUrl(here)} reloadDocument>
      Log in again
    </ButtonLink>
  );
}

/** The check and its notice together: the shell loads this module after the first page has rendered. */
export default function SessionUserCheck() {
  return <SessionUserNotice notice={useSessionCheck()} />;
}
