// Machine clients (docs/decisions/015-machine-access.md): pipelines and CI jobs that call the catalog
// with an access token from the provider's client-credentials grant. Such a token speaks for a
// client, not a person. Clients on the allow-list (CATALOG_MACHINE_CLIENTS) may load metadata — POST
// /ingest, POST /import/dbt and POST /api/v1/lineage (decision 033 added the dbt import) — and
// nothing else: every other route, reads, metadata writes and the SQLite upload alike, answers 403. A
// token that looks like a client-credentials token from a client not on the list is refused
// everywhere. People's tokens pass as before.
import type { RequestHandler } from 'express';
import type { TokenPrincipal } from './create-bearer-auth';
import { sendJson } from '../http/send-json';

/** Where the client id is in an access token: RFC 9068 `client_id`, then `azp` (OIDC, Keycloak, Entra v2), `cid` (Okta), `appid` (Entra v1). */
const CLIENT_ID_CLAIMS = ['client_id', 'azp', 'cid', 'appid'] as const;

export function readClientId(claims: Record<string, unknown>): string | undefined {
  for (const name of CLIENT_ID_CLAIMS) {
    const value = claims[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/**
 * What the providers put in a client-credentials token instead of an end user: `sub` = the client
 * id (RFC 9068 §2.2, oidc-provider, Okta), `{client id}@clients` with `gty: client-credentials`
 * (Auth0), `idtyp: app` (Entra, an optional claim), a `service-account-{client id}` user (Keycloak).
 */
function looksLikeClientToken(claims: Record<string, unknown>, clientId: string | undefined): boolean {
  const sub = claims.sub;
  if (clientId !== undefined && (sub === clientId || sub === `${clientId}@clients`)) return true;
  if (claims.gty === 'client-credentials' || claims.idtyp === 'app') return true;
  return typeof claims.preferred_username === 'string' && claims.preferred_username.startsWith('service-account-');
}

export type Caller =
  | { kind: 'person' }
  | { kind: 'machine'; clientId: string; listed: true }
  | { kind: 'machine'; clientId: string | undefined; listed: false };

/**
 * A token from a listed client is a machine token whatever its `sub` (register a client of its own
 * for pipelines: people who log in through a listed client get a machine's rights, no more). A token
 * from any other client that looks like a client-credentials token is an unlisted machine.
 */
export function classifyCaller(principal: Pick<TokenPrincipal, 'claims'>, machineClients: ReadonlySet<string>): Caller {
  const clientId = readClientId(principal.claims);
  if (clientId !== undefined && machineClients.has(clientId)) return { kind: 'machine', clientId, listed: true };
  if (looksLikeClientToken(principal.claims, clientId)) return { kind: 'machine', clientId, listed: false };
  return { kind: 'person' };
}

export interface MachineAccess {
  /** After the bearer check on the loading routes (LOADING_ROUTES): people and listed clients pass. */
  allowLoaders: RequestHandler;
  /** After the bearer check on every other route: people pass, machines get 403. */
  peopleOnly: RequestHandler;
}

/** The routes a listed machine client may call, as its 403 elsewhere names them (create-catalog.ts mounts them behind allowLoaders). */
export const LOADING_ROUTES = ['POST /ingest', 'POST /import/dbt', 'POST /api/v1/lineage'] as const;

function forbid(res: Parameters<RequestHandler>[1], message: string): void {
  sendJson(res, 403, { message });
}

function unlistedMessage(clientId: string | undefined): string {
  return `The access token is a client's (${clientId === undefined ? 'no client id' : `client "${clientId}"`}), not a person's, and that client is not one of the catalog's machine clients (CATALOG_MACHINE_CLIENTS).`;
}

export function createMachineAccess(machineClients: readonly string[]): MachineAccess {
  const listed = new Set(machineClients);
  const classify = (res: Parameters<RequestHandler>[1]): Caller => {
    const principal = res.locals.principal as TokenPrincipal | undefined;
    // A deployment whose authenticate middleware sets no principal (tests' stand-ins) has people only.
    return principal?.claims ? classifyCaller(principal, listed) : { kind: 'person' };
  };
  return {
    allowLoaders(_req, res, next) {
      const caller = classify(res);
      if (caller.kind === 'person') return next();
      if (!caller.listed) return forbid(res, unlistedMessage(caller.clientId));
      // The edit log records the client's writes under its id (read-editor-id.ts takes the email, then the subject).
      const principal = res.locals.principal as TokenPrincipal;
      res.locals.principal = { ...principal, subject: caller.clientId, email: null, machineClient: caller.clientId };
      next();
    },
    peopleOnly(req, res, next) {
      const caller = classify(res);
      if (caller.kind === 'person') return next();
      if (!caller.listed) return forbid(res, unlistedMessage(caller.clientId));
      forbid(res, `Machine client "${caller.clientId}" may only load metadata (${LOADING_ROUTES.join(', ')}); ${req.method} ${req.path} is for people.`);
    },
  };
}

/** `authenticate` then `check`, as one middleware (the catalog's apps take one). */
export function chainAuth(authenticate: RequestHandler, check: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const result = authenticate(req, res, (error?: unknown) => {
      if (error !== undefined && error !== null) return next(error);
      check(req, res, next);
    });
    if (result instanceof Promise) result.catch(next);
  };
}
