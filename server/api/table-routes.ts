import express, { type Router } from 'express';
import type { TableDetailResponse } from '../../contract/bff-api';
import type { SessionAuth } from '../auth/session-auth';
import type { MetadataClient } from '../upstream/metadata-client';
import type { PeopleResolver } from '../users/people-resolver';
import { TABLE_RIGHTS_WITHOUT_RULES } from './edit-rights';
import { toTableDetail } from './map-table';
import { parseTableKeyQuery } from './parse-read-query';

/** `/api/metadata/v0/table?key=`: a table's page; owners and readers metadata knows only by id are filled from the directory. */
export function createTableRoutes(auth: SessionAuth, metadata: MetadataClient, people?: PeopleResolver): Router {
  const router = express.Router();
  router.get('/table', async (req, res) => {
    auth.requireUser(req);
    const key = parseTableKeyQuery(req);
    const table = await auth.withAccessToken(req, async (token, caller) => {
      const found = await metadata.getTable(token, key);
      if (!people) return found;
      const context = { token, accessToken: caller.accessToken, signedInUser: caller.user };
      const [owners, readers] = await Promise.all([people.fillUsers(context, found.owners), people.fillUsers(context, found.table_readers.map((r) => r.user))]);
      return { ...found, owners, table_readers: found.table_readers.map((r, i) => ({ ...r, user: readers[i]! })) };
    });
    const body: TableDetailResponse = { msg: 'Success', tableData: toTableDetail(table, TABLE_RIGHTS_WITHOUT_RULES) };
    res.json(body);
  });
  return router;
}
