import express, { type Router } from 'express';
import type { TableDetailResponse } from '../../contract/bff-api';
import type { SessionAuth } from '../auth/session-auth';
import type { MetadataClient } from '../upstream/metadata-client';
import { toTableDetail } from './map-table';
import { parseTableKeyQuery } from './parse-read-query';

/** `/api/metadata/v0/table?key=`: a table's page. */
export function createTableRoutes(auth: SessionAuth, metadata: MetadataClient): Router {
  const router = express.Router();
  router.get('/table', async (req, res) => {
    auth.requireUser(req);
    const key = parseTableKeyQuery(req);
    const table = await auth.withAccessToken(req, (token) => metadata.getTable(token, key));
    const body: TableDetailResponse = { msg: 'Success', tableData: toTableDetail(table, true) };
    res.json(body);
  });
  return router;
}
