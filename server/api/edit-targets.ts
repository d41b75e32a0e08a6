// From what metadata returned to what the EditPolicy decides on (edit-rights.ts): the subject (the
// session's user and groups), the target (a table or dashboard with its owners' ids), and the refusal
// of a write the rights do not allow.
import type { Request } from 'express';
import type { EditRights } from '../../contract/bff-api';
import type { SessionAuth } from '../auth/session-auth';
import { NotAllowedError } from '../http/errors';
import type { AmundsenDashboardDetail, AmundsenTable, AmundsenUser } from '../upstream/amundsen-schemas';
import type { EditSubject, EditTarget } from './edit-rights';

export function editSubjectOf(auth: SessionAuth, req: Request): EditSubject {
  return { user_id: auth.requireUser(req).user_id, groups: auth.groupsOf(req) };
}

const ownerIds = (owners: readonly AmundsenUser[]) => owners.flatMap((o) => (o.user_id ?? o.email ? [(o.user_id ?? o.email)!] : []));

export function tableEditTarget(key: string, table: AmundsenTable): EditTarget {
  return { type: 'table', key, database: table.database, cluster: table.cluster, schema: table.schema, name: table.name, owners: ownerIds(table.owners) };
}

const productOf = (uri: string) => {
  const end = uri.indexOf('_dashboard://');
  return end > 0 ? uri.slice(0, end) : '';
};

export function dashboardEditTarget(dashboard: AmundsenDashboardDetail): EditTarget {
  return {
    type: 'dashboard',
    key: dashboard.uri,
    // Amundsen derives the product from the key's prefix (`mode_dashboard://…`, API.md §9.11).
    product: dashboard.product ?? productOf(dashboard.uri),
    cluster: dashboard.cluster,
    group: dashboard.group_name ?? '',
    name: dashboard.name,
    owners: ownerIds(dashboard.owners),
  };
}

const WHAT: Record<Exclude<keyof EditRights, 'reason'>, string> = {
  descriptions: 'descriptions',
  tags: 'tags',
  owners: 'owners',
};

/** 403 `edit_forbidden` unless `rights` allow the change; the message is the policy's reason. */
export function requireRight(rights: EditRights, right: Exclude<keyof EditRights, 'reason'>, resource: string): void {
  if (rights[right]) return;
  throw new NotAllowedError(rights.reason ?? `You may not change the ${WHAT[right]} of ${resource}.`, 'edit_forbidden');
}
