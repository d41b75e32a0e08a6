import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeUser } from '../../../contract/user';
import { startDirectoryFakes, type DirectoryFakes } from '../../testing/start-directory-fakes';
import { createGoogleDirectory } from './google-directory';

const context = (accessToken: string) => ({ accessToken, signedInUser: normalizeUser({ user_id: 'r@example.org' })!, signal: AbortSignal.timeout(2000) });

describe('the google user directory (People API searchDirectoryPeople)', () => {
  let fakes: DirectoryFakes;
  beforeAll(async () => {
    fakes = await startDirectoryFakes();
    fakes.acceptUserToken('ya29.user-token');
  });
  afterAll(() => fakes.close());

  it('searches the domain profiles with the signed-in user\'s token and maps names, organization and manager', async () => {
    const directory = createGoogleDirectory({ apiUrl: fakes.url });
    expect(await directory.getUserDetails('emmy.noether@example.org', context('ya29.user-token'))).toEqual({
      email: 'emmy.noether@example.org', first_name: 'Emmy', last_name: 'Noether', full_name: 'Emmy Noether', display_name: 'Emmy Noether',
      role_name: 'Mathematician', team_name: 'Algebra', manager_fullname: 'David Hilbert',
    });
    expect(fakes.authorizations('google').at(-1)).toBe('Bearer ya29.user-token');
  });

  it('answers null when no profile has that email, and is unavailable when the token is refused', async () => {
    const directory = createGoogleDirectory({ apiUrl: fakes.url });
    expect(await directory.getUserDetails('emmy@example.org', context('ya29.user-token'))).toBeNull();
    await expect(directory.getUserDetails('emmy.noether@example.org', context('expired'))).rejects.toThrow(/HTTP 401/);
  });
});
