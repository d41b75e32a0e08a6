// GET /api/metadata/v0/owner_candidates?key=<table>&owner=<typed id>: who a user id typed as a new
// owner means, for the owner box without profiles (contract/api-edits.ts). Amundsen adds any id as an
// owner and creates the user; an id nobody has ("roald" for roald.amundsen@example.org) then makes a
// second, nameless person. The page asks here first and says "No one is known as …, did you mean …"
// (decision 082). Only for those who may change the table's owners: with indexUsers off this is the
// one way to learn whom an id names, and it answers no more than adding that owner would show.
import express, { type Router } from 'express';
import type { OwnerCandidatesResponse, User } from '../../contract/bff-api';
import { isBareUser, peopleSimilarTo } from '../../contract/people-known-by';
import { MAX_USER_ID_LENGTH, normalizeUser } from '../../contract/user';
import type { SessionAuth } from '../auth/session-auth';
import { NotFoundError } from '../http/errors';
import type { Logger } from '../http/logger';
import { parseRequiredQuery } from '../http/parse-request';
import { sendJson } from '../http/send-json';
import type { MetadataClient } from '../upstream/metadata-client';
import type { SearchClient } from '../upstream/search-client';
import type { EditPolicy } from './edit-rights';
import { editSubjectOf, requireRight, tableEditTarget } from './edit-targets';
import { parseTableKeyQuery } from './parse-read-query';

/** How many people the user search is asked for: the few known by an id are among the first. */
const SEARCHED = 20;
/** How many people a typed id is said to perhaps mean, at most. */
const SUGGESTED = 3;

export interface OwnerCandidatesDeps {
  auth: SessionAuth;
  metadata: MetadataClient;
  search: SearchClient;
  policy: EditPolicy;
  logger?: Logger;
}

export function createOwnerCandidatesRoutes({ auth, metadata, search, policy, logger }: OwnerCandidatesDeps): Router {
  const router = express.Router();
  router.get('/owner_candidates', async (req, res) => {
    const subject = editSubjectOf(auth, req);
    const key = parseTableKeyQuery(req);
    const owner = parseRequiredQuery(req, 'owner', MAX_USER_ID_LENGTH).trim();
    const body = await auth.withAccessToken(req, async (token): Promise<OwnerCandidatesResponse> => {
      const table = await metadata.getTable(token, key);
      requireRight(policy.rightsFor(subject, tableEditTarget(key, table)), 'owners', `the table ${key}`);
      const [exact, found] = await Promise.all([
        metadata.getUser(token, owner).then(normalizeUser, (error: unknown) => {
          if (error instanceof NotFoundError) return null;
          throw error;
        }),
        // A search service without people (Amundsen's, when no user job ran) only loses the suggestions.
        searchPeople(token, owner).catch((error: unknown) => {
          logger?.warn('owner candidates: the user search failed, so an owner id gets no suggestions', error);
          return [];
        }),
      ]);
      const known = exact && !isBareUser(exact) ? exact : null;
      const others = found.filter((p) => p.user_id !== known?.user_id && !isBareUser(p));
      // "roald@other.org" may mean roald.amundsen@example.org too: its part before the @ is looked up as well.
      const local = owner.split('@')[0]!;
      const similar = peopleSimilarTo(owner, others).concat(local && local !== owner ? peopleSimilarTo(local, others) : []);
      return { msg: 'Success', known, similar: similar.filter((p, i) => similar.findIndex((q) => q.user_id === p.user_id) === i).slice(0, SUGGESTED) };
    });
    sendJson(res, body);
  });

  async function searchPeople(token: string, owner: string): Promise<User[]> {
    const local = owner.split('@')[0]!;
    const answer = await search.search(token, {
      query_term: local || owner, resource_types: ['user'], page_index: 0, results_per_page: SEARCHED, filters: [], highlight_options: {},
    });
    return (answer.results.user?.results ?? []).flatMap((hit) => {
      const user = normalizeUser({ user_id: hit.user_id, email: hit.email, first_name: hit.first_name, last_name: hit.last_name, full_name: hit.full_name });
      return user ? [user] : [];
    });
  }

  return router;
}
