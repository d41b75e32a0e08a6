// USER_DIRECTORY=module: a JS or TS module of your own exporting
//   getUserDetails(userId: string, context: { accessToken, signedInUser, signal }): Promise<User fields | null>
// loaded once at start-up; what it returns is cleaned to the User's fields.
import { pathToFileURL } from 'node:url';
import { cleanDirectoryUser, type DirectoryContext, type UserDirectory } from './user-directory';

type GetUserDetails = (userId: string, context: DirectoryContext) => unknown;

export async function loadModuleDirectory(file: string): Promise<UserDirectory> {
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`USER_DIRECTORY_MODULE (${file}) could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
  }
  const fn = (loaded.getUserDetails ?? (loaded.default as Record<string, unknown> | undefined)?.getUserDetails) as GetUserDetails | undefined;
  if (typeof fn !== 'function') throw new Error(`USER_DIRECTORY_MODULE (${file}) must export a function getUserDetails(userId, context)`);
  return {
    name: 'module',
    async getUserDetails(userId, context) {
      const answer = await fn(userId, context);
      return answer === null || answer === undefined ? null : cleanDirectoryUser(answer);
    },
  };
}
