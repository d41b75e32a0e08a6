/** A database import that cannot start (bad URL or file, server unreachable, refused): the message names the option and the fix. */
export class DatabaseImportError extends Error {
  override name = 'DatabaseImportError';
}
