// Table and column lineage under /api/metadata/v0, each entity decorated with its table coordinates.
import { sendJson } from '../http/send-json';
import express, { type Router } from 'express';
import type { ClientConfig, LineageResponse } from '../../contract/bff-api';
import type { SessionAuth } from '../auth/session-auth';
import type { MetadataClient } from '../upstream/metadata-client';
import { toLineageResponse } from './map-lineage';
import { parseColumnName, parseLineageDepth, parseLineageDirection, parseTableKeyQuery } from './parse-read-query';

export function createLineageRoutes(auth: SessionAuth, metadata: MetadataClient, clientConfig: ClientConfig): Router {
  const router = express.Router();
  const defaultDepth = clientConfig.tableLineage.defaultLineageDepth;

  router.get('/get_table_lineage', async (req, res) => {
    auth.requireUser(req);
    const key = parseTableKeyQuery(req);
    const query = { depth: parseLineageDepth(req, defaultDepth), direction: parseLineageDirection(req) };
    const lineage = await auth.withAccessToken(req, (token) => metadata.getTableLineage(token, key, query));
    const body: LineageResponse = toLineageResponse(lineage, query, 'table');
    sendJson(res, body);
  });

  router.get('/get_column_lineage', async (req, res) => {
    auth.requireUser(req);
    const key = parseTableKeyQuery(req);
    const column = parseColumnName(req);
    const query = { depth: parseLineageDepth(req, defaultDepth), direction: parseLineageDirection(req) };
    const lineage = await auth.withAccessToken(req, (token) => metadata.getColumnLineage(token, key, column, query));
    const body: LineageResponse = toLineageResponse(lineage, query, 'column');
    sendJson(res, body);
  });

  return router;
}
