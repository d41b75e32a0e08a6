// A dashboard's writes under /api/metadata/v0: its tags (its description and owners come from the BI
// tool and are read-only, as in Amundsen). 404 while dashboards are not indexed.
import express, { type Router } from 'express';
import type { WriteResponse } from '../../contract/bff-api';
import { dashboardEditTarget, editSubjectOf, requireRight } from './edit-targets';
import { requireIndexed } from './index-switches';
import { parseTagBody } from './parse-write-body';
import type { WriteDeps } from './write-table-routes';

export function createWriteDashboardRoutes({ auth, metadata, clientConfig, policy, searchDocuments }: WriteDeps): Router {
  const router = express.Router();
  for (const method of ['put', 'delete'] as const) {
    router[method]('/update_dashboard_tags', async (req, res) => {
      const subject = editSubjectOf(auth, req);
      const change = method === 'put' ? 'add' : 'remove';
      const { key, tag } = parseTagBody(req, 'dashboard', change);
      requireIndexed(clientConfig, 'dashboard');
      const msg = await auth.withAccessToken(req, async (token) => {
        const dashboard = await metadata.getDashboard(token, key);
        requireRight(policy.rightsFor(subject, dashboardEditTarget(dashboard)), 'tags', `the dashboard ${key}`);
        await (change === 'add' ? metadata.addTag(token, 'dashboard', key, tag) : metadata.removeTag(token, 'dashboard', key, tag));
        return searchDocuments.afterTagChange(token, change, 'dashboard', key, tag);
      });
      const body: WriteResponse = { msg };
      res.json(body);
    });
  }
  return router;
}
