// Any SCIM 2.0 service provider (RFC 7644): GET {base}/Users?filter=userName eq "<id>", with a bearer
// token from the config. The core User schema and the enterprise extension fill the User fields.
import { z } from 'zod';
import { type DirectoryUser, fetchDirectoryJson, sameId, type UserDirectory, DirectoryUnavailableError } from './user-directory';

export interface ScimDirectoryOptions {
  /** The SCIM base URL, such as https://scim.example.com/scim/v2. */
  baseUrl: string;
  token: string;
  /** The attribute the user id is matched against (default userName; emails.value also works where supported). */
  attribute: string;
}

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const ScimUserSchema = z.looseObject({
  userName: z.string().optional(),
  displayName: z.string().nullish(),
  title: z.string().nullish(),
  userType: z.string().nullish(),
  active: z.boolean().nullish(),
  profileUrl: z.string().nullish(),
  name: z.object({ formatted: z.string().nullish(), givenName: z.string().nullish(), familyName: z.string().nullish() }).nullish(),
  emails: z.array(z.object({ value: z.string(), primary: z.boolean().nullish() })).nullish(),
  [ENTERPRISE]: z
    .object({ department: z.string().nullish(), manager: z.object({ displayName: z.string().nullish(), value: z.string().nullish() }).nullish() })
    .nullish(),
});
const ListResponseSchema = z.object({ totalResults: z.number().optional(), Resources: z.array(ScimUserSchema).optional() });

/** A filter's string value: a JSON string, as RFC 7644 §3.4.2.2 writes them. */
export function scimFilter(attribute: string, value: string): string {
  return `${attribute} eq ${JSON.stringify(value)}`;
}

export function toDirectoryUser(user: z.infer<typeof ScimUserSchema>): DirectoryUser {
  const email = user.emails?.find((e) => e.primary)?.value ?? user.emails?.[0]?.value ?? (user.userName?.includes('@') ? user.userName : undefined);
  const enterprise = user[ENTERPRISE];
  return {
    email,
    first_name: user.name?.givenName ?? undefined,
    last_name: user.name?.familyName ?? undefined,
    full_name: user.name?.formatted ?? undefined,
    display_name: user.displayName ?? undefined,
    role_name: user.title ?? undefined,
    employee_type: user.userType ?? undefined,
    team_name: enterprise?.department ?? undefined,
    manager_fullname: enterprise?.manager?.displayName ?? undefined,
    profile_url: user.profileUrl ?? undefined,
    is_active: user.active ?? undefined,
  };
}

export function createScimDirectory(options: ScimDirectoryOptions): UserDirectory {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    name: 'scim',
    async getUserDetails(userId, context) {
      const url = new URL(`${base}/Users`);
      url.searchParams.set('filter', scimFilter(options.attribute, userId));
      url.searchParams.set('count', '1');
      const body = await fetchDirectoryJson(url, { headers: { authorization: `Bearer ${options.token}`, accept: 'application/scim+json, application/json' }, signal: context.signal }, 'The SCIM service');
      if (body === null) return null;
      const parsed = ListResponseSchema.safeParse(body);
      if (!parsed.success) throw new DirectoryUnavailableError('The SCIM service answered with an unexpected shape');
      const [found] = parsed.data.Resources ?? [];
      if (!found) return null;
      // A service that ignores the filter would answer with someone else.
      if (options.attribute === 'userName' && !sameId(found.userName, userId)) return null;
      return toDirectoryUser(found);
    },
  };
}
