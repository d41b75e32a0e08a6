// Dashboards under /api/metadata/v0: a dashboard's page and the dashboards using a table. Both are
// 404 while dashboards are not indexed (indexDashboards off).
import { sendJson } from '../http/send-json';
import express, { type Router } from 'express';
import type { ClientConfig, DashboardResponse, TableDashboardsResponse } from '../../contract/bff-api';
import type { SessionAuth } from '../auth/session-auth';
import type { MetadataClient } from '../upstream/metadata-client';
import type { PeopleResolver } from '../users/people-resolver';
import { requireIndexed } from './index-switches';
import type { EditPolicy } from './edit-rights';
import { dashboardEditTarget, editSubjectOf } from './edit-targets';
import { toDashboardDetail, toDashboardSummary } from './map-dashboard';
import { parseDashboardUri, parseTableKeyPath } from './parse-read-query';

export function createDashboardRoutes(auth: SessionAuth, metadata: MetadataClient, clientConfig: ClientConfig, policy: EditPolicy, people?: PeopleResolver): Router {
  const router = express.Router();

  router.get('/dashboard', async (req, res) => {
    const subject = editSubjectOf(auth, req);
    const uri = parseDashboardUri(req);
    requireIndexed(clientConfig, 'dashboard');
    const { dashboard, rights } = await auth.withAccessToken(req, async (token, caller) => {
      const found = await metadata.getDashboard(token, uri);
      const rights = policy.rightsFor(subject, dashboardEditTarget(found));
      if (!people) return { dashboard: found, rights };
      const context = { token, accessToken: caller.accessToken, signedInUser: caller.user };
      const [owners, frequentUsers] = await Promise.all([people.fillUsers(context, found.owners), people.fillUsers(context, found.frequent_users)]);
      return { dashboard: { ...found, owners, frequent_users: frequentUsers }, rights };
    });
    const body: DashboardResponse = { msg: 'Success', dashboard: toDashboardDetail(dashboard, rights) };
    sendJson(res, body);
  });

  // The key holds `://` and `/`: a wildcard takes every segment up to the last `/dashboards`.
  router.get('/table/*key/dashboards', async (req, res) => {
    auth.requireUser(req);
    const key = parseTableKeyPath(req.params.key);
    requireIndexed(clientConfig, 'dashboard');
    const dashboards = await auth.withAccessToken(req, (token) => metadata.getTableDashboards(token, key));
    const body: TableDashboardsResponse = { msg: 'Success', dashboards: dashboards.map(toDashboardSummary) };
    sendJson(res, body);
  });

  return router;
}
