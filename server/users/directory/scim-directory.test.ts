import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeUser } from '../../../contract/user';
import { SCIM_TOKEN, startDirectoryFakes, type DirectoryFakes } from '../../testing/start-directory-fakes';
import { createScimDirectory, scimFilter } from './scim-directory';

const context = () => ({ accessToken: 'unused', signedInUser: normalizeUser({ user_id: 'r@example.org' })!, signal: AbortSignal.timeout(2000) });

describe('the scim user directory (SCIM 2.0 /Users)', () => {
  let fakes: DirectoryFakes;
  beforeAll(async () => {
    fakes = await startDirectoryFakes();
  });
  afterAll(() => fakes.close());

  it('filters on userName with the configured bearer token and maps the core and enterprise attributes', async () => {
    const directory = createScimDirectory({ baseUrl: `${fakes.url}/scim/v2`, token: SCIM_TOKEN, attribute: 'userName' });
    expect(await directory.getUserDetails('sofia.kovalevskaya@example.org', context())).toEqual({
      email: 'sofia.kovalevskaya@example.org', first_name: 'Sofia', last_name: 'Kovalevskaya', full_name: 'Sofia Kovalevskaya', display_name: 'Sofia Kovalevskaya',
      role_name: 'Professor', employee_type: undefined, team_name: 'Analysis', manager_fullname: undefined, profile_url: undefined, is_active: false,
    });
    expect(fakes.authorizations('scim').at(-1)).toBe(`Bearer ${SCIM_TOKEN}`);
    expect(await directory.getUserDetails('nobody@example.org', context())).toBeNull();
  });

  it('writes the filter value as a quoted string, escapes included', () => {
    expect(scimFilter('userName', 'o"brien\\x@example.org')).toBe('userName eq "o\\"brien\\\\x@example.org"');
  });

  it('is unavailable with a refused token', async () => {
    await expect(createScimDirectory({ baseUrl: `${fakes.url}/scim/v2`, token: 'nope', attribute: 'userName' }).getUserDetails('emmy.noether@example.org', context())).rejects.toThrow(/The SCIM service .* answered HTTP 401/);
  });
});
