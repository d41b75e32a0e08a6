// Catalog-wide reads under /api/metadata/v0: popular resources, tags in use, badges, last update.
import { sendJson } from '../http/send-json';
import express, { type Router } from 'express';
import type { BadgesResponse, ClientConfig, LastIndexedResponse, PopularResourcesResponse, TagsResponse } from '../../contract/bff-api';
import type { SessionAuth } from '../auth/session-auth';
import type { MetadataClient } from '../upstream/metadata-client';
import { isIndexed } from './index-switches';
import { toDashboardSummary } from './map-dashboard';
import { toTableSummary } from './map-table';
import { parsePopularTypes } from './parse-read-query';

const POPULAR_RESOURCES_COUNT = 12;

export function createCatalogRoutes(auth: SessionAuth, metadata: MetadataClient, clientConfig: ClientConfig): Router {
  const router = express.Router();

  // Dashboards only when they are indexed; a type not asked for (or switched off) is [].
  router.get('/popular_resources', async (req, res) => {
    auth.requireUser(req);
    const types = parsePopularTypes(req).filter((t) => t !== 'dashboard' || isIndexed(clientConfig, 'dashboard'));
    const popular = types.length
      ? await auth.withAccessToken(req, (token) => metadata.getPopularResources(token, POPULAR_RESOURCES_COUNT, types))
      : { Table: [], Dashboard: [] };
    const body: PopularResourcesResponse = {
      msg: 'Success',
      results: {
        table: types.includes('table') ? popular.Table.map(toTableSummary) : [],
        dashboard: types.includes('dashboard') ? popular.Dashboard.map(toDashboardSummary) : [],
      },
    };
    sendJson(res, body);
  });

  router.get('/tags', async (req, res) => {
    auth.requireUser(req);
    const body: TagsResponse = { msg: 'Success', tags: await auth.withAccessToken(req, (token) => metadata.getTagUsages(token)) };
    sendJson(res, body);
  });

  router.get('/badges', async (req, res) => {
    auth.requireUser(req);
    const body: BadgesResponse = { msg: 'Success', badges: await auth.withAccessToken(req, (token) => metadata.getBadges(token)) };
    sendJson(res, body);
  });

  router.get('/get_last_indexed', async (req, res) => {
    auth.requireUser(req);
    const body: LastIndexedResponse = { msg: 'Success', timestamp: await auth.withAccessToken(req, (token) => metadata.getLastIndexed(token)) };
    sendJson(res, body);
  });

  return router;
}
