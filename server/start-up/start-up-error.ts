// A start-up failure that is the operator's to fix (a port in use, the catalog not starting): its
// message says what and how, so it is logged as one line, without a stack trace. Anything else that
// stops Nansen starting is unexpected, and keeps its stack.

export class StartUpError extends Error {
  override name = 'StartUpError';
}

/** Listen errors that mean the address is none of this machine's: a name that does not resolve, or an address of another machine. */
const NOT_AN_ADDRESS_HERE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EADDRNOTAVAIL']);

/** Where a listener was asked to listen, and the setting that says so (HOST, CATALOG_HOST). */
export interface ListenAddress {
  readonly host: string;
  readonly setting: string;
}

/**
 * The error to report when listening on `port` (the setting `setting`) failed: a port in use, or an
 * address that is not this machine's (CATALOG_HOST=example.com), in words; else the error as it is.
 */
export function listenError(err: NodeJS.ErrnoException, port: number, setting: string, address?: ListenAddress): Error {
  if (err.code === 'EADDRINUSE')
    return new StartUpError(`Port ${port} (${setting}) is already in use: stop whatever uses it, or choose another port with the setting shown in the README.`);
  if (address && err.code && NOT_AN_ADDRESS_HERE.has(err.code))
    return new StartUpError(
      `${address.setting} (${address.host}) is not an address of this machine (${err.code}): Nansen listens there, so it must be a local address — 127.0.0.1 (this machine only, the default), 0.0.0.0 (every interface) or one of this machine's own addresses; set ${address.setting} to one of them.`,
    );
  return err;
}
