// Google's People API: people:searchDirectoryPeople over the Workspace domain's profiles, with the
// signed-in user's access token (the directory.readonly scope, which the config adds to the scopes).
import { z } from 'zod';
import { type DirectoryUser, fetchDirectoryJson, sameId, type UserDirectory, DirectoryUnavailableError } from './user-directory';


export interface GoogleDirectoryOptions {
  /** https://people.googleapis.com (another base for a proxy or a test). */
  apiUrl: string;
}

const Primary = z.object({ metadata: z.object({ primary: z.boolean().optional() }).optional() });
const PersonSchema = z.object({
  names: z.array(Primary.extend({ displayName: z.string().optional(), givenName: z.string().optional(), familyName: z.string().optional() })).optional(),
  emailAddresses: z.array(Primary.extend({ value: z.string() })).optional(),
  organizations: z.array(Primary.extend({ title: z.string().optional(), department: z.string().optional() })).optional(),
  relations: z.array(z.object({ person: z.string(), type: z.string().optional() })).optional(),
});
const SearchSchema = z.object({ people: z.array(PersonSchema).optional() });

function primaryOf<T extends z.infer<typeof Primary>>(list: T[] | undefined): T | undefined {
  return list?.find((item) => item.metadata?.primary) ?? list?.[0];
}

export function toDirectoryUser(person: z.infer<typeof PersonSchema>): DirectoryUser {
  const name = primaryOf(person.names);
  const organization = primaryOf(person.organizations);
  const manager = person.relations?.find((r) => r.type === 'manager')?.person;
  return {
    email: primaryOf(person.emailAddresses)?.value,
    first_name: name?.givenName,
    last_name: name?.familyName,
    full_name: name?.displayName,
    display_name: name?.displayName,
    role_name: organization?.title,
    team_name: organization?.department,
    ...(manager ? (manager.includes('@') ? { manager_email: manager } : { manager_fullname: manager }) : {}),
  };
}

export function createGoogleDirectory(options: GoogleDirectoryOptions): UserDirectory {
  const base = options.apiUrl.replace(/\/+$/, '');
  return {
    name: 'google',
    async getUserDetails(userId, context) {
      const url = new URL(`${base}/v1/people:searchDirectoryPeople`);
      url.searchParams.set('query', userId);
      url.searchParams.set('readMask', 'names,emailAddresses,organizations,relations');
      url.searchParams.set('sources', 'DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE');
      url.searchParams.set('pageSize', '5');
      const body = await fetchDirectoryJson(url, { headers: { authorization: `Bearer ${context.accessToken}` }, signal: context.signal }, "Google's People API");
      if (body === null) return null;
      const parsed = SearchSchema.safeParse(body);
      if (!parsed.success) throw new DirectoryUnavailableError("Google's People API answered with an unexpected shape");
      const found = parsed.data.people?.find((p) => p.emailAddresses?.some((e) => sameId(e.value, userId)));
      return found ? toDirectoryUser(found) : null;
    },
  };
}
