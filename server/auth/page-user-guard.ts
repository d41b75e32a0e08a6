// Refuses a request sent by a page rendered for someone other than the session's user: a tab still
// showing roald after another tab logged out and in as liv must not write to liv's account, nor show
// liv's data under roald's name. The SPA's API client names the page's user in a header
// (contract/page-user.ts) on every request; see decision 030.
import type { RequestHandler } from 'express';
import { decodePageUser, PAGE_USER_HEADER, PAGE_USER_MISSING, SESSION_USER_CHANGED, sessionUserChangedMessage } from '../../contract/page-user';
import { ConflictError, InputError } from '../http/errors';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Reads sent as POST (a search's body is too large for a query string): they change nothing. Paths under /api. */
const READ_POSTS = new Set(['/search/v1/search']);
/**
 * Where the SPA learns who the session's user is (GET /api/auth_user: client/app/app-data.tsx, and the
 * shell's focus check): never refused, whatever page user it names, or a stale page could never learn
 * who is signed in now. Under /api.
 */
const SESSION_USER_PATH = '/auth_user';

/** A path under /api as Express routes it: in any case, with or without a trailing slash. */
const routedPath = (path: string) => path.toLowerCase().replace(/\/$/, '');

/**
 * For the /api chain, after the session middleware; a request with no signed-in user passes on (its route answers 401).
 * A write must name the page's user; a read may name none (a script, curl), but one naming someone else is refused
 * like a write. Costs a header read and a string comparison: the session is already loaded.
 */
export function pageUserGuard(): RequestHandler {
  return (req, _res, next) => {
    const user = req.session?.user;
    if (!user) return next();
    const read = READ_METHODS.has(req.method) || (req.method === 'POST' && READ_POSTS.has(routedPath(req.path)));
    const stated = req.get(PAGE_USER_HEADER);
    if (stated === undefined) {
      if (read) return next();
      return next(new InputError(
        `This write does not say whose page sent it (the ${PAGE_USER_HEADER} header): reload the page. A script must send the signed-in user's id, percent-encoded, in that header.`,
        PAGE_USER_MISSING,
      ));
    }
    if (read && routedPath(req.path) === SESSION_USER_PATH) return next();
    const pageUser = decodePageUser(stated);
    if (pageUser === null) return next(new InputError(`The ${PAGE_USER_HEADER} header is not valid percent-encoding.`, 'invalid_page_user'));
    if (pageUser !== user.user_id) {
      return next(new ConflictError(sessionUserChangedMessage(user.display_name), SESSION_USER_CHANGED));
    }
    next();
  };
}
