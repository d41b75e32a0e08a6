// Okta's Users API, as Amundsen's OIDC guide uses it: GET {org}/api/v1/users?q=<id>&limit=1. `q` is a
// starts-with match on first name, last name and email, so the answer must name the person exactly.
// Authenticated with an API token (a service credential, "SSWS") or the signed-in user's access token
// from the org authorization server with the okta.users.read scope.
import { z } from 'zod';
import { type DirectoryUser, fetchDirectoryJson, sameId, type UserDirectory, DirectoryUnavailableError } from './user-directory';

export interface OktaDirectoryOptions {
  /** The org URL (https://acme.okta.com), not a custom authorization server's issuer. */
  orgUrl: string;
  /** An Okta API token; without it the signed-in user's access token is sent. */
  apiToken?: string;
}

const OktaUserSchema = z.object({
  status: z.string().optional(),
  profile: z.looseObject({
    login: z.string().optional(),
    email: z.string().nullish(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    displayName: z.string().nullish(),
    title: z.string().nullish(),
    department: z.string().nullish(),
    userType: z.string().nullish(),
    manager: z.string().nullish(),
    managerId: z.string().nullish(),
    profileUrl: z.string().nullish(),
  }),
});
const OktaUsersSchema = z.array(OktaUserSchema);

/** Okta statuses of people who can no longer sign in. */
const INACTIVE = new Set(['DEPROVISIONED', 'SUSPENDED']);

export function toDirectoryUser(user: z.infer<typeof OktaUserSchema>): DirectoryUser {
  const p = user.profile;
  return {
    email: p.email ?? undefined,
    first_name: p.firstName ?? undefined,
    last_name: p.lastName ?? undefined,
    display_name: p.displayName ?? undefined,
    role_name: p.title ?? undefined,
    team_name: p.department ?? undefined,
    employee_type: p.userType ?? undefined,
    manager_fullname: p.manager ?? undefined,
    profile_url: p.profileUrl ?? undefined,
    is_active: user.status ? !INACTIVE.has(user.status) : undefined,
  };
}

export function createOktaDirectory(options: OktaDirectoryOptions): UserDirectory {
  const base = options.orgUrl.replace(/\/+$/, '');
  return {
    name: 'okta',
    async getUserDetails(userId, context) {
      const url = new URL(`${base}/api/v1/users`);
      url.searchParams.set('q', userId);
      url.searchParams.set('limit', '1');
      const authorization = options.apiToken ? `SSWS ${options.apiToken}` : `Bearer ${context.accessToken}`;
      const body = await fetchDirectoryJson(url, { headers: { authorization }, signal: context.signal }, "Okta's Users API");
      if (body === null) return null;
      const parsed = OktaUsersSchema.safeParse(body);
      if (!parsed.success) throw new DirectoryUnavailableError("Okta's Users API answered with an unexpected shape");
      const found = parsed.data.find((u) => sameId(u.profile.login, userId) || sameId(u.profile.email, userId));
      return found ? toDirectoryUser(found) : null;
    },
  };
}
