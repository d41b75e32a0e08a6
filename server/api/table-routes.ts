import { sendJson } from '../http/send-json';
import express, { type Router } from 'express';
import type { TableDetailResponse } from '../../contract/bff-api';
import type { SessionAuth } from '../auth/session-auth';
import type { MetadataClient } from '../upstream/metadata-client';
import type { PeopleResolver } from '../users/people-resolver';
import type { EditPolicy } from './edit-rights';
import { editSubjectOf, tableEditTarget } from './edit-targets';
import { toTableDetail } from './map-table';
import { parseTableKeyQuery } from './parse-read-query';

/**
 * `/api/metadata/v0/table?key=`: a table's page, with what the signed-in person may change on it (the
 * EditPolicy's answer); owners and readers metadata knows only by id are filled from the directory.
 */
export function createTableRoutes(auth: SessionAuth, metadata: MetadataClient, policy: EditPolicy, people?: PeopleResolver): Router {
  const router = express.Router();
  router.get('/table', async (req, res) => {
    const subject = editSubjectOf(auth, req);
    const key = parseTableKeyQuery(req);
    const { table, rights } = await auth.withAccessToken(req, async (token, caller) => {
      const found = await metadata.getTable(token, key);
      const rights = policy.rightsFor(subject, tableEditTarget(key, found));
      if (!people) return { table: found, rights };
      const context = { token, accessToken: caller.accessToken, signedInUser: caller.user };
      const [owners, readers] = await Promise.all([people.fillUsers(context, found.owners), people.fillUsers(context, found.table_readers.map((r) => r.user))]);
      return { table: { ...found, owners, table_readers: found.table_readers.map((r, i) => ({ ...r, user: readers[i]! })) }, rights };
    });
    const body: TableDetailResponse = { msg: 'Success', tableData: toTableDetail(table, rights) };
    sendJson(res, body);
  });
  return router;
}
