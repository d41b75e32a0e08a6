import express, { type Router } from 'express';
import type { AuthUserResponse, PopularResourcesResponse, TableDetailResponse } from '../../contract/bff-api';
import { normalizeUser } from '../../contract/user';
import { parseTableKey } from '../../contract/table-key';
import type { SessionAuth } from '../auth/session-auth';
import { InputError, NotFoundError } from '../http/errors';
import { parseRequiredQuery } from '../http/parse-request';
import type { MetadataClient } from '../upstream/metadata-client';
import { toTableDetail, toTableSummary } from './map-table';

const POPULAR_TABLES_COUNT = 12;

/** `/api/metadata/v0/...`, the Amundsen frontend's metadata routes. */
export function createMetadataRoutes(auth: SessionAuth, metadata: MetadataClient): Router {
  const router = express.Router();

  router.get('/popular_resources', async (req, res) => {
    auth.requireUser(req);
    const tables = await metadata.getPopularTables(await auth.getAccessToken(req), POPULAR_TABLES_COUNT);
    const body: PopularResourcesResponse = { msg: 'Success', results: { table: tables.map(toTableSummary), dashboard: [] } };
    res.json(body);
  });

  router.get('/table', async (req, res) => {
    auth.requireUser(req);
    const key = parseRequiredQuery(req, 'key');
    if (!parseTableKey(key)) throw new InputError(`"${key}" is not a table key; expected database://cluster.schema/table`, 'invalid_key');
    const table = await metadata.getTable(await auth.getAccessToken(req), key);
    const body: TableDetailResponse = { msg: 'Success', tableData: toTableDetail(table, true) };
    res.json(body);
  });

  router.get('/user', async (req, res) => {
    auth.requireUser(req);
    const userId = parseRequiredQuery(req, 'user_id', 320);
    const user = normalizeUser(await metadata.getUser(await auth.getAccessToken(req), userId));
    if (!user) throw new NotFoundError(`No user ${userId}`, 'not_found');
    const body: AuthUserResponse = { msg: 'Success', user };
    res.json(body);
  });

  return router;
}
