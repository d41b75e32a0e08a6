import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeUser } from '../../../contract/user';
import { OKTA_API_TOKEN, startDirectoryFakes, type DirectoryFakes } from '../../testing/start-directory-fakes';
import { createOktaDirectory } from './okta-directory';
import { DirectoryUnavailableError, type DirectoryContext } from './user-directory';

const context = (accessToken = 'no-token'): DirectoryContext => ({
  accessToken,
  signedInUser: normalizeUser({ user_id: 'roald@example.org' })!,
  signal: AbortSignal.timeout(2000),
});

describe('the okta user directory (Users API)', () => {
  let fakes: DirectoryFakes;
  beforeAll(async () => {
    fakes = await startDirectoryFakes();
  });
  afterAll(() => fakes.close());

  it('finds a person with an API token (SSWS) and maps the Okta profile', async () => {
    const directory = createOktaDirectory({ orgUrl: fakes.url, apiToken: OKTA_API_TOKEN });
    expect(await directory.getUserDetails('emmy.noether@example.org', context())).toEqual({
      email: 'emmy.noether@example.org', first_name: 'Emmy', last_name: 'Noether', role_name: 'Mathematician', team_name: 'Algebra',
      manager_fullname: 'David Hilbert', is_active: true, display_name: undefined, employee_type: undefined, profile_url: undefined,
    });
    expect(fakes.authorizations('okta').at(-1)).toBe(`SSWS ${OKTA_API_TOKEN}`);
  });

  it('sends the signed-in user\'s token without an API token', async () => {
    fakes.acceptUserToken('user-access-token');
    const directory = createOktaDirectory({ orgUrl: `${fakes.url}/` });
    expect((await directory.getUserDetails('henri.poincare@example.org', context('user-access-token')))?.last_name).toBe('Poincare');
    expect(fakes.authorizations('okta').at(-1)).toBe('Bearer user-access-token');
  });

  it('answers null for someone it only finds by prefix (q is a starts-with search), or not at all', async () => {
    const directory = createOktaDirectory({ orgUrl: fakes.url, apiToken: OKTA_API_TOKEN });
    // "henri" starts Henri Poincare's name and email: not the person asked about.
    expect(await directory.getUserDetails('henri', context())).toBeNull();
    expect(await directory.getUserDetails('nobody@example.org', context())).toBeNull();
  });

  it('is unavailable when Okta refuses the credential or is down, saying which', async () => {
    const refused = createOktaDirectory({ orgUrl: fakes.url, apiToken: 'wrong' });
    await expect(refused.getUserDetails('emmy.noether@example.org', context())).rejects.toThrow(/answered HTTP 401 \(the credential was refused or lacks the scope\)/);
    fakes.setDown(true);
    try {
      await expect(createOktaDirectory({ orgUrl: fakes.url, apiToken: OKTA_API_TOKEN }).getUserDetails('emmy.noether@example.org', context())).rejects.toBeInstanceOf(DirectoryUnavailableError);
    } finally {
      fakes.setDown(false);
    }
  });
});
