// Edit histories under /api/metadata/v0, from the catalog's edit log (our extension, GET /edits):
//   GET /edits?type=table|dashboard&key=…[&before=…]  a table's (with its columns' and nested types') or a dashboard's
//   GET /user/edits?user_id=…[&before=…]              what a person changed (someone else's only with indexUsers)
// Newest first, EDIT_PAGE_SIZE a page; `next_before` is the cursor of the next page; `total` how many
// edits the whole history has (null from a catalog older than that count). Amundsen's services keep
// no log: the answer says `available: false`, with no total, and the page says history is not available
// and asks for no other history (decision 056); the metadata client remembers the service's 404 for a while.
import { sendJson } from '../http/send-json';
import express, { type Request, type Router } from 'express';
import * as v from 'valibot';
import type { ClientConfig, EditHistoryResponse } from '../../contract/bff-api';
import type { SessionAuth } from '../auth/session-auth';
import { InputError } from '../http/errors';
import { parseRequiredQuery } from '../http/parse-request';
import type { EditLogQuery, MetadataClient } from '../upstream/metadata-client';
import { requireIndexed, resolveVisibleUser } from './index-switches';
import { toEditEntry } from './map-edit-history';
import { parseUserId, requireDashboardUri, requireTableKey } from './parse-read-query';

export const EDIT_PAGE_SIZE = 25;
const MAX_KEY_LENGTH = 2048;

function parseBefore(req: Request): number | undefined {
  const raw = req.query.before;
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
    throw new InputError('The query parameter "before" must be the next_before of the previous page.', 'invalid_parameter');
  }
  return Number(raw);
}

const HistoryTypeSchema = v.picklist(['table', 'dashboard']);

async function readHistory(metadata: MetadataClient, token: string, query: Omit<EditLogQuery, 'limit'>): Promise<EditHistoryResponse> {
  // One more than a page: whether there is a next page without asking again.
  const log = await metadata.listEditsWithTotal(token, { ...query, limit: EDIT_PAGE_SIZE + 1 });
  if (log === null) return { msg: 'The metadata service keeps no edit history.', available: false, edits: [], next_before: null, total: null };
  const { edits, total } = log;
  const page = edits.slice(0, EDIT_PAGE_SIZE);
  return {
    msg: 'Success',
    available: true,
    edits: page.flatMap((e) => toEditEntry(e) ?? []),
    next_before: edits.length > EDIT_PAGE_SIZE ? String(page.at(-1)!.id) : null,
    total,
  };
}

export function createEditHistoryRoutes(auth: SessionAuth, metadata: MetadataClient, clientConfig: ClientConfig): Router {
  const router = express.Router();

  router.get('/edits', async (req, res) => {
    auth.requireUser(req);
    const typeParam = parseRequiredQuery(req, 'type');
    const type = v.safeParse(HistoryTypeSchema, typeParam);
    if (!type.success) throw new InputError(`The query parameter "type" must be table or dashboard, not "${typeParam}".`, 'invalid_parameter');
    const key = parseRequiredQuery(req, 'key', MAX_KEY_LENGTH);
    if (type.output === 'table') requireTableKey(key, 'The query parameter "key":');
    else {
      requireDashboardUri(key, 'The query parameter "key":');
      requireIndexed(clientConfig, 'dashboard');
    }
    const before = parseBefore(req);
    const resourceTypes = type.output === 'table' ? (['table', 'column', 'type_metadata'] as const) : (['dashboard'] as const);
    const body = await auth.withAccessToken(req, (token) => readHistory(metadata, token, { parentKey: key, resourceTypes, before }));
    sendJson(res, body);
  });

  router.get('/user/edits', async (req, res) => {
    const userId = resolveVisibleUser(clientConfig, auth.requireUser(req), parseUserId(req));
    const before = parseBefore(req);
    const body = await auth.withAccessToken(req, (token) =>
      readHistory(metadata, token, { userId, resourceTypes: ['table', 'column', 'type_metadata', 'dashboard'], before }));
    sendJson(res, body);
  });

  return router;
}
