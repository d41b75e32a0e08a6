// What a dashboard's page calls its link and its group. A BI tool's dashboard opens "in Looker" and sits
// in a group (a Looker folder, a Mode space). A dashboard imported from a dbt exposure is different:
// its product is dbt (server/catalog/import/dbt/map-dbt-project.ts), but its link is the exposure's
// `url` — the BI tool, notebook or app that uses the models, never dbt — and its group is the
// exposure's type ("dashboard"), which a subtitle "In dashboard" would merely repeat. Decision 059.
import type { DashboardDetail } from '../../../contract/api-dashboard';

/** The product the dbt importer gives the dashboards it makes of exposures. */
export const DBT_EXPOSURE_PRODUCT = 'dbt';

/** dbt's exposure types (its `type` field), as a person reads them. */
const EXPOSURE_TYPES: Record<string, string> = {
  dashboard: 'dashboard',
  notebook: 'notebook',
  analysis: 'analysis',
  ml: 'ML model',
  application: 'application',
};

export interface DashboardOrigin {
  /** The text of the button that opens the dashboard itself. */
  openText: string;
  /** Under the title: "In <group>" (linked to the group's page) for a BI tool's dashboard. */
  groupInSubtitle: boolean;
  /** Under the title instead, as plain text: what an exposure is; null for nothing. */
  subtitle: string | null;
  /** The label of the side fact that names the group. */
  groupLabel: string;
  /** That fact's value as plain text, where it is not the group's link (an exposure's type); null: the group's link. */
  groupText: string | null;
  /** Where the description and owners are kept (Nansen does not edit them): "Looker", "the exposure in the dbt project". */
  keptIn: string;
  /** Whether the dashboard's own link is where they are edited (a BI tool's page; an exposure's url is not dbt). */
  editAtLink: boolean;
}

export function describeDashboardOrigin(dashboard: Pick<DashboardDetail, 'product' | 'group_name'>, productName: string): DashboardOrigin {
  if (dashboard.product.toLowerCase() === DBT_EXPOSURE_PRODUCT) {
    const type = dashboard.group_name?.trim() ?? '';
    const noun = EXPOSURE_TYPES[type.toLowerCase()];
    return {
      openText: `Open ${noun ?? 'dashboard'}`,
      groupInSubtitle: false,
      subtitle: type && type.toLowerCase() !== 'exposure' ? `Declared in dbt as an exposure of type ${noun ?? type}` : 'Declared in dbt as an exposure',
      groupLabel: 'Exposure type',
      groupText: noun ?? (type || null),
      keptIn: 'the exposure in the dbt project',
      editAtLink: false,
    };
  }
  return { openText: `Open in ${productName}`, groupInSubtitle: !!dashboard.group_name, subtitle: null, groupLabel: 'Group', groupText: null, keptIn: productName, editAtLink: true };
}
