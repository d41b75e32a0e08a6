// Refuses a write sent by a page rendered for someone other than the session's user: a tab still
// showing roald after another tab logged out and in as liv must not write to liv's account. The SPA's
// API client names the page's user in a header (contract/page-user.ts) on every write; see decision 030.
import type { RequestHandler } from 'express';
import { decodePageUser, PAGE_USER_HEADER, PAGE_USER_MISSING, SESSION_USER_CHANGED, sessionUserChangedMessage } from '../../contract/page-user';
import { ConflictError, InputError } from '../http/errors';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Reads sent as POST (a search's body is too large for a query string): they change nothing. Paths under /api. */
const READ_POSTS = new Set(['/search/v1/search']);

/** For the /api chain, after the session middleware; a request with no signed-in user passes on (its route answers 401). */
export function pageUserGuard(): RequestHandler {
  return (req, _res, next) => {
    if (READ_METHODS.has(req.method)) return next();
    if (req.method === 'POST' && READ_POSTS.has(req.path.toLowerCase().replace(/\/$/, ''))) return next();
    const user = req.session?.user;
    if (!user) return next();
    const stated = req.get(PAGE_USER_HEADER);
    if (stated === undefined) {
      return next(new InputError(
        `This write does not say whose page sent it (the ${PAGE_USER_HEADER} header): reload the page. A script must send the signed-in user's id, percent-encoded, in that header.`,
        PAGE_USER_MISSING,
      ));
    }
    const pageUser = decodePageUser(stated);
    if (pageUser === null) return next(new InputError(`The ${PAGE_USER_HEADER} header is not valid percent-encoding.`, 'invalid_page_user'));
    if (pageUser !== user.user_id) {
      return next(new ConflictError(sessionUserChangedMessage(user.display_name), SESSION_USER_CHANGED));
    }
    next();
  };
}
