// The directory USER_DIRECTORY names, built from the config (a module is loaded here, once).
import type { UserDirectorySource } from '../../config/config-schema';
import { createGoogleDirectory } from './google-directory';
import { loadModuleDirectory } from './module-directory';
import { createOktaDirectory } from './okta-directory';
import { createScimDirectory } from './scim-directory';
import type { UserDirectory } from './user-directory';

/** undefined with USER_DIRECTORY=none; throws when a module cannot be loaded (Nansen does not start). */
export async function createUserDirectory(source: UserDirectorySource): Promise<UserDirectory | undefined> {
  switch (source.kind) {
    case 'none':
      return undefined;
    case 'okta':
      return createOktaDirectory({ orgUrl: source.orgUrl, apiToken: source.apiToken });
    case 'google':
      return createGoogleDirectory({ apiUrl: source.apiUrl });
    case 'scim':
      return createScimDirectory({ baseUrl: source.baseUrl, token: source.token, attribute: source.attribute });
    case 'module':
      return loadModuleDirectory(source.file);
  }
}
