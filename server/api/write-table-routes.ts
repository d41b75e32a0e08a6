// A table's writes under /api/metadata/v0 (contract/api-edits.ts; the Amundsen frontend's paths and
// bodies, FRONTEND.md §4): its description and its columns' and nested types' (never overwriting a
// newer edit: write-description.ts), its tags and its owners. Each write reads the table first: a
// missing table is 404, and the EditPolicy decides on the table as metadata describes it (403
// `edit_forbidden` with the policy's reason). The same-origin guard (create-bff-app.ts) runs first.
import express, { type Request, type Router } from 'express';
import type { ClientConfig, DescriptionSavedResponse, WriteResponse } from '../../contract/bff-api';
import type { SessionAuth } from '../auth/session-auth';
import { ConflictError, NotFoundError } from '../http/errors';
import type { AmundsenTable } from '../upstream/amundsen-schemas';
import type { MetadataClient } from '../upstream/metadata-client';
import type { EditPolicy } from './edit-rights';
import { editSubjectOf, requireRight, tableEditTarget } from './edit-targets';
import {
  parseColumnDescriptionBody, parseOwnerBody, parseTableDescriptionBody, parseTagBody, parseTypeMetadataDescriptionBody,
} from './parse-write-body';
import type { SearchDocumentSync } from './sync-search-documents';
import { writeDescription } from './write-description';

type TableRight = 'descriptions' | 'tags' | 'owners';

/** What the write routes need: the session, metadata, the UI config's limits, the edit policy and the search-document sync. */
export interface WriteDeps {
  auth: SessionAuth;
  metadata: MetadataClient;
  clientConfig: ClientConfig;
  policy: EditPolicy;
  searchDocuments: SearchDocumentSync;
}

/** Does the table hold a nested type with this key (in any column's type tree)? */
function holdsTypeMetadata(table: AmundsenTable, typeMetadataKey: string): boolean {
  type Node = { key: string; children: readonly Node[] };
  const stack: Node[] = table.columns.flatMap((c) => (c.type_metadata ? [c.type_metadata] : []));
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.key === typeMetadataKey) return true;
    stack.push(...node.children);
  }
  return false;
}

/**
 * User ids are matched exactly, so "ROALD" beside the owner "roald" would be a second person who looks
 * like the first: 409 `owner_differs_in_case`, naming the owner already there.
 */
function refuseCaseTwin(table: AmundsenTable, owner: string): void {
  const twin = table.owners.find((o) => o.user_id && o.user_id !== owner && o.user_id.toLowerCase() === owner.toLowerCase());
  if (twin?.user_id) {
    throw new ConflictError(
      `“${owner}” differs only in case from “${twin.user_id}”, who already owns this table. User ids are matched exactly, so it would be a second person: not added.`,
      'owner_differs_in_case',
    );
  }
}

export function createWriteTableRoutes({ auth, metadata, clientConfig, policy, searchDocuments }: WriteDeps): Router {
  const router = express.Router();

  /** Reads the table and refuses unless the signed-in person has `right` on it; then runs `write`. */
  const withTableRight = <T>(req: Request, key: string, right: TableRight, write: (token: string, table: AmundsenTable) => Promise<T>) => {
    const subject = editSubjectOf(auth, req);
    return auth.withAccessToken(req, async (token) => {
      const table = await metadata.getTable(token, key);
      requireRight(policy.rightsFor(subject, tableEditTarget(key, table)), right, `the table ${key}`);
      return write(token, table);
    });
  };
  const saved = (description: string): DescriptionSavedResponse => ({ msg: 'Success', description });

  router.put('/put_table_description', async (req, res) => {
    auth.requireUser(req);
    const { key, description, base } = parseTableDescriptionBody(req, clientConfig);
    const answer = await withTableRight(req, key, 'descriptions', async (token): Promise<DescriptionSavedResponse> => {
      const stored = await writeDescription(metadata, token, { ref: { type: 'table', tableKey: key }, logKey: key, base, description });
      return { msg: await searchDocuments.afterTableDescriptionChange(token, key, stored), description: stored };
    });
    res.json(answer);
  });

  router.put('/put_column_description', async (req, res) => {
    auth.requireUser(req);
    const { key, column_name: column, description, base } = parseColumnDescriptionBody(req, clientConfig);
    const stored = await withTableRight(req, key, 'descriptions', (token, table) => {
      if (!table.columns.some((c) => c.name === column)) throw new NotFoundError(`The table ${key} has no column ${column}.`, 'not_found');
      return writeDescription(metadata, token, { ref: { type: 'column', tableKey: key, column }, logKey: `${key}/${column}`, base, description });
    });
    res.json(saved(stored));
  });

  router.put('/put_type_metadata_description', async (req, res) => {
    auth.requireUser(req);
    const { key, type_metadata_key: typeKey, description, base } = parseTypeMetadataDescriptionBody(req, clientConfig);
    const stored = await withTableRight(req, key, 'descriptions', (token, table) => {
      // The rights are the table's: a nested type of another table may not ride on this one's.
      if (!holdsTypeMetadata(table, typeKey)) throw new NotFoundError(`The table ${key} has no nested type ${typeKey}.`, 'not_found');
      return writeDescription(metadata, token, { ref: { type: 'type_metadata', typeMetadataKey: typeKey }, logKey: typeKey, base, description });
    });
    res.json(saved(stored));
  });

  for (const method of ['put', 'delete'] as const) {
    router[method]('/update_table_owner', async (req, res) => {
      auth.requireUser(req);
      const { key, owner } = parseOwnerBody(req, method === 'put' ? 'add' : 'remove');
      await withTableRight(req, key, 'owners', (token, table) => {
        if (method === 'delete') return metadata.removeTableOwner(token, key, owner);
        refuseCaseTwin(table, owner);
        return metadata.addTableOwner(token, key, owner);
      });
      const body: WriteResponse = { msg: 'Success' };
      res.json(body);
    });

    router[method]('/update_table_tags', async (req, res) => {
      auth.requireUser(req);
      const change = method === 'put' ? 'add' : 'remove';
      const { key, tag } = parseTagBody(req, 'table', change);
      const msg = await withTableRight(req, key, 'tags', async (token) => {
        await (change === 'add' ? metadata.addTag(token, 'table', key, tag) : metadata.removeTag(token, 'table', key, tag));
        return searchDocuments.afterTagChange(token, change, 'table', key, tag);
      });
      const body: WriteResponse = { msg };
      res.json(body);
    });
  }

  return router;
}
