// GET /api/metadata/v0/owner_candidates?key=&owner=: whom a user id typed as a new owner names, asked
// by the owner box without profiles before it adds the id (decision 082). Asked once per Enter, not cached.
import { OwnerCandidatesResponseSchema, type OwnerCandidatesResponse } from '../../../../contract/api-edits';
import { requestJson } from '../../../lib/api-client';

export function lookUpOwner(tableKey: string, owner: string): Promise<OwnerCandidatesResponse> {
  return requestJson(`/api/metadata/v0/owner_candidates?${new URLSearchParams({ key: tableKey, owner })}`, OwnerCandidatesResponseSchema);
}
