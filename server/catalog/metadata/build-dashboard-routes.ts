// /dashboard/KEY/… routes (API.md §4.6). Unknown dashboards are 404 everywhere (Amundsen: 500 on
// some description and tag paths).
import { NotFoundError } from '../http/catalog-errors';
import type { CatalogRoute } from '../http/route-decoded-path';
import { sendJson } from '../http/send-json';
import type { CatalogStore } from '../store/create-catalog-store';
import type { BadgePolicy } from './create-badge-policy';
import { buildBadgeRoutes, buildTagRoutes } from './build-tag-badge-routes';
import { buildDescriptionRoutes, type DescriptionRouteOptions } from './build-description-routes';

const DASHBOARD = '/dashboard/(?<key>.+)';
const dashboardMissing = ({ key }: Record<string, string>) => `dashboard_id ${key} does not exist`;

export function buildDashboardRoutes(store: CatalogStore, badges: BadgePolicy, descriptions: DescriptionRouteOptions): CatalogRoute[] {
  const target = { prefix: DASHBOARD, keyOf: (p: Record<string, string>) => p.key, notFound: dashboardMissing };
  return [
    ...buildDescriptionRoutes(DASHBOARD, (p) => ({ type: 'dashboard', key: p.key }), dashboardMissing, store, descriptions),
    ...buildTagRoutes({ ...target, type: 'dashboard' }, store.resources, badges),
    ...buildBadgeRoutes({ ...target, type: 'dashboard' }, store.resources, badges),
    {
      method: 'GET',
      pattern: new RegExp(`^${DASHBOARD}$`),
      handle(_req, res, params) {
        const dashboard = store.dashboards.getDashboardDetail(params.key);
        if (!dashboard) throw new NotFoundError(dashboardMissing(params));
        sendJson(res, 200, dashboard);
      },
    },
  ];
}
