// A start-up failure that is the operator's to fix (a port in use, the catalog not starting): its
// message says what and how, so it is logged as one line, without a stack trace. Anything else that
// stops Nansen starting is unexpected, and keeps its stack.

export class StartUpError extends Error {
  override name = 'StartUpError';
}

/** The error to report when listening on `port` (the setting `setting`) failed: a port in use in words, else the error as it is. */
export function listenError(err: NodeJS.ErrnoException, port: number, setting: string): Error {
  return err.code === 'EADDRINUSE'
    ? new StartUpError(`Port ${port} (${setting}) is already in use: stop whatever uses it, or choose another port with the setting shown in the README.`)
    : err;
}
