import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeUser } from '../../../contract/user';
import { loadModuleDirectory } from './module-directory';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-directory-module-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const context = { accessToken: 'at', signedInUser: normalizeUser({ user_id: 'liv@example.org' })!, signal: AbortSignal.timeout(1000) };

describe('the module user directory (USER_DIRECTORY_MODULE)', () => {
  it('loads a TypeScript module and keeps only the User fields it returns', async () => {
    const file = path.join(dir, 'people.ts');
    fs.writeFileSync(
      file,
      `export async function getUserDetails(userId: string, context: { signedInUser: { user_id: string } }) {
        if (userId !== 'ada@example.org') return null;
        return { first_name: 'Ada', last_name: 'Lovelace', team_name: ' Engines ', asked_by: context.signedInUser.user_id, is_active: false, profile_url: 'javascript:x', user_id: 'someone-else' };
      }`,
    );
    const directory = await loadModuleDirectory(file);
    expect(await directory.getUserDetails('ada@example.org', context)).toEqual({ first_name: 'Ada', last_name: 'Lovelace', team_name: 'Engines', is_active: false });
    expect(await directory.getUserDetails('bob@example.org', context)).toBeNull();
  });

  it('takes a JavaScript module with a default export, and refuses one without getUserDetails', async () => {
    const js = path.join(dir, 'people.mjs');
    fs.writeFileSync(js, 'export default { getUserDetails: (id) => ({ email: id }) };');
    expect(await (await loadModuleDirectory(js)).getUserDetails('x@example.org', context)).toEqual({ email: 'x@example.org' });
    const wrong = path.join(dir, 'wrong.mjs');
    fs.writeFileSync(wrong, 'export const lookUp = () => null;');
    await expect(loadModuleDirectory(wrong)).rejects.toThrow(/must export a function getUserDetails\(userId, context\)/);
    await expect(loadModuleDirectory(path.join(dir, 'missing.mjs'))).rejects.toThrow(/could not be loaded/);
  });
});
