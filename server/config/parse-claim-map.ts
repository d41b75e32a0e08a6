// OIDC_CLAIM_MAP: which ID-token or UserInfo claims fill which of Amundsen's User fields, as one JSON
// object — {"team_name": "department", "manager_email": ["manager_email", "manager.email"]}. A claim is
// a name (tried as written first, so "https://acme.com/team" works) or a dotted path into nested
// claims ("address.locality"); a list is tried in order.
import { findJsonSyntaxError } from './json-syntax';
import { type ClaimMap, MAPPED_USER_FIELDS, type MappedUserField } from './provider-presets';

const VAR = 'OIDC_CLAIM_MAP';
const EXAMPLE = '{"team_name": "department", "manager_email": "manager.email"}';

/** The parsed map, or the problems with it (each naming the variable and the fix). */
export function parseClaimMap(text: string): { map: ClaimMap } | { problems: string[] } {
  const syntax = findJsonSyntaxError(text);
  if (syntax) return { problems: [`${VAR} is not valid JSON (column ${syntax.column}: ${syntax.problem}); write an object such as ${EXAMPLE}`] };
  const value: unknown = JSON.parse(text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problems: [`${VAR} must be a JSON object of User field to claim, such as ${EXAMPLE}`] };
  const problems: string[] = [];
  const map: Partial<Record<MappedUserField, readonly string[]>> = {};
  for (const [field, claims] of Object.entries(value)) {
    if (field === 'user_id') {
      problems.push(`${VAR} maps user_id: the user id comes from OIDC_USER_ID_CLAIM; set that instead`);
      continue;
    }
    if (!(MAPPED_USER_FIELDS as readonly string[]).includes(field)) {
      problems.push(`${VAR} has "${field}", which is not a User field; map any of ${MAPPED_USER_FIELDS.join(', ')}`);
      continue;
    }
    const list = typeof claims === 'string' ? [claims] : claims;
    if (!Array.isArray(list) || list.length === 0 || !list.every((c) => typeof c === 'string' && c.trim() !== '')) {
      problems.push(`${VAR}.${field} must be a claim name (or a dotted path such as address.locality), or a list of them tried in order`);
      continue;
    }
    map[field as MappedUserField] = list.map((c: string) => c.trim());
  }
  return problems.length > 0 ? { problems } : { map };
}
