// /user… routes (API.md §4.5). Deliberate differences from Amundsen:
// - GET /user/UID of an unknown user is 404 JSON (Amundsen: 500);
// - GET /user with no users is 200 [] (Amundsen: 500);
// - follow/own/read listings of a user the catalog has never seen are 200 with empty lists (as
//   Amundsen); a follow PUT creates that user, like an owner PUT does;
// - follow/own PUT/DELETE on a missing resource is 404, an unknown TYPE 400 (Amundsen: 500);
// - /user/UID/own/TYPE/KEY honours TYPE (table or dashboard); Amundsen always means a table.
// UID may hold "/" (Amundsen binds it with `<path:…>`), sent raw or as %2F: the path is decoded first,
// then told apart by its fixed suffix, as Werkzeug does (decision 032). So every suffix route comes
// before the detail route, and a UID ending in /follow, /own or /read (slash or not) has no detail
// route: GET /user/x/own is the redirect to x's owned list, in Amundsen too.
import { InputError, NotFoundError } from '../http/catalog-errors';
import type { CatalogRoute } from '../http/route-decoded-path';
import { sendJson } from '../http/send-json';
import type { CatalogStore } from '../store/create-catalog-store';
import type { BookmarkType } from '../store/edit-users';
import { parseUserProfile } from './parse-user-profile';
import { parseJsonBody, readRawBody } from './read-json-body';
import { readEditorId } from './read-editor-id';
import { redirectWithSlash } from './redirect-with-slash';

/** The whole UID before a fixed suffix: `/user/a/b@x.org/own/` is a/b@x.org's owned list. */
const USER = '/user/(?<uid>.+)';
/**
 * Before `/TYPE/KEY`, where the KEY holds "/" too: the shortest UID followed by /follow/ or /own/ and a
 * TYPE, as Werkzeug's non-greedy `<path:>` reads it — but a TYPE the routes know first (KNOWN_TYPE), so
 * `team/own/lead@x.org` stays one UID in `/user/team/own/lead@x.org/own/table/KEY`. Only a UID holding
 * `/own/table/` (or dashboard, or /follow/…) is read as ending there.
 */
const USER_BEFORE_KEY = '/user/(?<uid>.+?)';
/** `table` or `dashboard` in any case (Amundsen lower-cases TYPE); the rest of the path stays case-sensitive. */
const KNOWN_TYPE = ['table', 'dashboard'].map((t) => [...t].map((c) => `[${c}${c.toUpperCase()}]`).join('')).join('|');
/** Any other TYPE still reaches the handler, for its 400 naming it. */
const ANY_TYPE = '[^/]+';

function parseResourceType(raw: string): BookmarkType {
  const type = raw.toLowerCase();
  if (type === 'table' || type === 'dashboard') return type;
  throw new InputError(`Unknown resource type "${raw}"; use table or dashboard`);
}

const missing = (type: BookmarkType, key: string) =>
  type === 'table' ? `table_uri ${key} does not exist` : `dashboard_id ${key} does not exist`;

export function buildUserRoutes(store: CatalogStore): CatalogRoute[] {
  /** PUT and DELETE of `/user/UID/<list>/TYPE/KEY`: known TYPEs first, then any (see USER_BEFORE_KEY). */
  const writeRoutes = (list: 'follow' | 'own', put: CatalogRoute['handle'], remove: CatalogRoute['handle']): CatalogRoute[] =>
    [KNOWN_TYPE, ANY_TYPE].flatMap((type) => {
      const pattern = new RegExp(`^${USER_BEFORE_KEY}/${list}/(?<type>${type})/(?<key>.+)$`);
      return [{ method: 'PUT', pattern, handle: put }, { method: 'DELETE', pattern, handle: remove }];
    });
  return [
    {
      method: 'GET',
      pattern: /^\/user$/,
      handle(_req, res) {
        sendJson(res, 200, store.users.listActiveUsers());
      },
    },
    {
      method: 'PUT',
      pattern: /^\/user$/,
      before: [readRawBody],
      handle(req, res) {
        const profile = parseUserProfile(parseJsonBody(req));
        const { user, created } = store.userEdits.putUser(profile, readEditorId(res));
        // Amundsen returns `schema.dumps(user)`, which Flask-RESTful encodes again: a JSON string.
        sendJson(res, created ? 201 : 200, JSON.stringify(user));
      },
    },
    redirectWithSlash(new RegExp(`^${USER}/follow$`)),
    {
      method: 'GET',
      pattern: new RegExp(`^${USER}/follow/$`),
      handle(_req, res, { uid }) {
        sendJson(res, 200, store.users.listFollowed(uid));
      },
    },
    ...writeRoutes(
      'follow',
      (_req, res, { uid, type, key }) => {
        const resourceType = parseResourceType(type);
        if (!store.userEdits.follow(uid, resourceType, key, readEditorId(res))) throw new NotFoundError(missing(resourceType, key));
        sendJson(res, 200, { message: `The user ${uid} for id ${key} resource type ${resourceType} is added successfully` });
      },
      (_req, res, { uid, type, key }) => {
        const resourceType = parseResourceType(type);
        if (!store.userEdits.unfollow(uid, resourceType, key, readEditorId(res))) throw new NotFoundError(missing(resourceType, key));
        sendJson(res, 200, { message: `The user ${uid} for id ${key} resource type ${resourceType} is deleted successfully` });
      },
    ),
    redirectWithSlash(new RegExp(`^${USER}/own$`)),
    {
      method: 'GET',
      pattern: new RegExp(`^${USER}/own/$`),
      handle(_req, res, { uid }) {
        sendJson(res, 200, store.users.listOwned(uid));
      },
    },
    ...writeRoutes(
      'own',
      (_req, res, { uid, type, key }) => {
        const resourceType = parseResourceType(type);
        if (!store.resources.addOwner({ type: resourceType, key }, uid, readEditorId(res))) throw new NotFoundError(missing(resourceType, key));
        sendJson(res, 200, { message: `The owner ${uid} for id ${key} resource type ${resourceType} is added successfully` });
      },
      (_req, res, { uid, type, key }) => {
        const resourceType = parseResourceType(type);
        if (!store.resources.removeOwner({ type: resourceType, key }, uid, readEditorId(res))) throw new NotFoundError(missing(resourceType, key));
        sendJson(res, 200, { message: `The owner ${uid} for id ${key} resource type ${resourceType} is deleted successfully` });
      },
    ),
    redirectWithSlash(new RegExp(`^${USER}/read$`)),
    {
      method: 'GET',
      pattern: new RegExp(`^${USER}/read/$`),
      handle(_req, res, { uid }) {
        sendJson(res, 200, { table: store.users.listRead(uid) });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${USER}$`),
      handle(_req, res, { uid }) {
        const user = store.users.getUser(uid);
        if (!user) throw new NotFoundError(`user_id ${uid} does not exist`);
        sendJson(res, 200, user);
      },
    },
  ];
}
