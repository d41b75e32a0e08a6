// Local stand-ins for the people directories we do not own, answering with their documented response
// shapes: Okta's Users API (GET /api/v1/users?q=&limit=, a starts-with search), Google's People API
// (GET /v1/people:searchDirectoryPeople, readMask and sources required) and a SCIM 2.0 service
// (GET /scim/v2/Users?filter=userName eq "…", a ListResponse). Each checks its credential, counts its
// calls, and can be taken down or slowed to test that a page never waits on it for long.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DirectoryPerson {
  email: string;
  givenName: string;
  familyName: string;
  title?: string;
  department?: string;
  managerName?: string;
  active?: boolean;
}

export const DIRECTORY_PEOPLE: DirectoryPerson[] = [
  { email: 'emmy.noether@example.org', givenName: 'Emmy', familyName: 'Noether', title: 'Mathematician', department: 'Algebra', managerName: 'David Hilbert' },
  { email: 'sofia.kovalevskaya@example.org', givenName: 'Sofia', familyName: 'Kovalevskaya', title: 'Professor', department: 'Analysis', active: false },
  { email: 'henri.poincare@example.org', givenName: 'Henri', familyName: 'Poincare', title: 'Physicist', department: 'Topology' },
];

export const OKTA_API_TOKEN = '00okta-api-token-for-tests';
export const SCIM_TOKEN = 'scim-bearer-token-for-tests';

export interface DirectoryFakes {
  url: string;
  /** Requests per API ('okta', 'google', 'scim'). */
  hits(api: 'okta' | 'google' | 'scim'): number;
  /** The Authorization headers each API received, newest last. */
  authorizations(api: 'okta' | 'google' | 'scim'): string[];
  /** Answer every request with 503 (true) or normally again (false). */
  setDown(down: boolean): void;
  /** Wait this long before answering. */
  setDelay(ms: number): void;
  /** Bearer tokens the Okta and Google APIs accept from a signed-in user. */
  acceptUserToken(token: string): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
  res.end(JSON.stringify(body));
}

const oktaUser = (p: DirectoryPerson, i: number) => ({
  id: `00u${i}fake${p.givenName.toLowerCase()}`,
  status: p.active === false ? 'DEPROVISIONED' : 'ACTIVE',
  created: '2024-01-01T00:00:00.000Z',
  profile: {
    login: p.email, email: p.email, firstName: p.givenName, lastName: p.familyName, title: p.title ?? null,
    department: p.department ?? null, manager: p.managerName ?? null, mobilePhone: null, secondEmail: null,
  },
  _links: { self: { href: `https://acme.okta.com/api/v1/users/00u${i}` } },
});

const googlePerson = (p: DirectoryPerson, i: number) => ({
  resourceName: `people/10${i}`,
  etag: `%Eg${i}`,
  names: [{ metadata: { primary: true, source: { type: 'DOMAIN_PROFILE', id: `10${i}` } }, displayName: `${p.givenName} ${p.familyName}`, familyName: p.familyName, givenName: p.givenName }],
  emailAddresses: [{ metadata: { primary: true }, value: p.email }],
  organizations: [{ metadata: { primary: true }, title: p.title, department: p.department }],
  ...(p.managerName ? { relations: [{ person: p.managerName, type: 'manager' }] } : {}),
});

const scimUser = (p: DirectoryPerson, i: number) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
  id: `2819c223-7f76-453a-919d-41341${i}`,
  userName: p.email,
  name: { formatted: `${p.givenName} ${p.familyName}`, familyName: p.familyName, givenName: p.givenName },
  displayName: `${p.givenName} ${p.familyName}`,
  title: p.title,
  active: p.active !== false,
  emails: [{ value: p.email, type: 'work', primary: true }],
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: p.department, ...(p.managerName ? { manager: { value: '26118915-6090-4610-87e4-49d8ca9f808d', displayName: p.managerName } } : {}) },
  meta: { resourceType: 'User', location: `https://scim.example.com/scim/v2/Users/${i}` },
});

export async function startDirectoryFakes(people: DirectoryPerson[] = DIRECTORY_PEOPLE): Promise<DirectoryFakes> {
  const hits = { okta: 0, google: 0, scim: 0 };
  const auth: Record<keyof typeof hits, string[]> = { okta: [], google: [], scim: [] };
  const userTokens = new Set<string>();
  let down = false;
  let delay = 0;

  function answer(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const authorization = req.headers.authorization ?? '';
    const bearer = /^Bearer (.+)$/.exec(authorization)?.[1];
    if (url.pathname === '/api/v1/users') {
      hits.okta += 1;
      auth.okta.push(authorization);
      if (down) return send(res, 503, { errorCode: 'E0000009', errorSummary: 'Internal Server Error' });
      if (authorization !== `SSWS ${OKTA_API_TOKEN}` && !(bearer && userTokens.has(bearer))) {
        return send(res, 401, { errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorLink: 'E0000011', errorId: 'oae1', errorCauses: [] });
      }
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      const limit = Number(url.searchParams.get('limit') ?? 200);
      // Okta's q: starts-with on first name, last name or email.
      const found = people.map(oktaUser).filter((u) => [u.profile.firstName, u.profile.lastName, u.profile.email].some((v) => v.toLowerCase().startsWith(q)) && u.status !== 'DEPROVISIONED');
      return send(res, 200, found.slice(0, limit));
    }
    if (url.pathname === '/v1/people:searchDirectoryPeople') {
      hits.google += 1;
      auth.google.push(authorization);
      if (down) return send(res, 503, { error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' } });
      if (!bearer || !userTokens.has(bearer)) return send(res, 401, { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } });
      if (!url.searchParams.get('readMask') || !url.searchParams.get('sources')) {
        return send(res, 400, { error: { code: 400, message: 'readMask and sources are required', status: 'INVALID_ARGUMENT' } });
      }
      const query = (url.searchParams.get('query') ?? '').toLowerCase();
      const found = people.map(googlePerson).filter((p) => p.emailAddresses.some((e) => e.value.toLowerCase().startsWith(query)) || p.names[0]!.displayName.toLowerCase().startsWith(query));
      return send(res, 200, found.length ? { people: found, totalSize: found.length } : {});
    }
    if (url.pathname === '/scim/v2/Users') {
      hits.scim += 1;
      auth.scim.push(authorization);
      if (down) return send(res, 503, { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '503', detail: 'unavailable' }, 'application/scim+json');
      if (bearer !== SCIM_TOKEN) return send(res, 401, { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401', detail: 'invalid token' }, 'application/scim+json');
      const filter = /^userName eq "((?:[^"\\]|\\.)*)"$/.exec(url.searchParams.get('filter') ?? '');
      if (!filter) return send(res, 400, { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], scimType: 'invalidFilter', status: '400', detail: 'unsupported filter' }, 'application/scim+json');
      const userName = JSON.parse(`"${filter[1]}"`) as string;
      const found = people.map(scimUser).filter((u) => u.userName.toLowerCase() === userName.toLowerCase());
      return send(res, 200, { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: found.length, startIndex: 1, itemsPerPage: found.length, Resources: found }, 'application/scim+json');
    }
    send(res, 404, { error: 'not found' });
  }

  const server: Server = createServer((req, res) => {
    if (delay > 0) setTimeout(() => answer(req, res), delay);
    else answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    hits: (api) => hits[api],
    authorizations: (api) => [...auth[api]],
    setDown: (value) => void (down = value),
    setDelay: (ms) => void (delay = ms),
    acceptUserToken: (token) => void userTokens.add(token),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
