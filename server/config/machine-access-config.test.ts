// CATALOG_MACHINE_CLIENTS and CATALOG_HOST: the allow-list of pipelines' clients and where the
// embedded catalog listens.
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config';
import { envProblemsOf as problemsOf } from './testing/config-problems';

const REAL_PROVIDER = { OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_ID: 'nansen', OIDC_CLIENT_SECRET: 'secret' };

describe('CATALOG_MACHINE_CLIENTS', () => {
  it('lists the development provider\'s pipeline client when unset and the development provider runs, and none with a real provider', () => {
    expect(loadConfig({}).catalog.machineClients).toEqual(['nansen-pipeline']);
    expect(loadConfig(REAL_PROVIDER).catalog.machineClients).toEqual([]);
  });

  it('takes a comma-separated list of client ids', () => {
    expect(loadConfig({ ...REAL_PROVIDER, CATALOG_MACHINE_CLIENTS: ' airflow-prod, 0oa1ci-loader ' }).catalog.machineClients).toEqual(['airflow-prod', '0oa1ci-loader']);
  });

  // docs/ingest.md: "a list with an empty entry or a space is refused" (a,,b used to start with clients a and b).
  it.each([
    ['an empty list', ' , '], ['a client id with a space', 'airflow prod'], ['one good id and one with a space', 'airflow,ci loader'],
    ['an empty entry', 'a,,b'], ['a trailing comma', 'airflow,'], ['a leading comma', ',airflow'],
  ])('refuses %s, naming the setting and the form', (_what, value) => {
    expect(problemsOf({ ...REAL_PROVIDER, CATALOG_MACHINE_CLIENTS: value }).join('\n'))
      .toMatch(/^CATALOG_MACHINE_CLIENTS must be a comma-separated list of client ids/m);
  });

  it('shows the list it refused', () => {
    expect(problemsOf({ ...REAL_PROVIDER, CATALOG_MACHINE_CLIENTS: 'a,,b' })).toEqual([
      'CATALOG_MACHINE_CLIENTS must be a comma-separated list of client ids (the OAuth clients of your pipelines, such as nansen-pipeline,ci-loader), without spaces or empty entries; leave it unset for none; it is "a,,b"',
    ]);
  });

  it('refuses Nansen\'s own client, whose tokens are people\'s', () => {
    expect(problemsOf({ ...REAL_PROVIDER, CATALOG_MACHINE_CLIENTS: 'airflow,nansen' }).join('\n'))
      .toMatch(/CATALOG_MACHINE_CLIENTS names Nansen's own client \(nansen\)/);
    expect(problemsOf({ CATALOG_MACHINE_CLIENTS: 'nansen-bff' }).join('\n')).toMatch(/Nansen's own client \(nansen-bff\)/);
  });

  it('refuses the setting with Amundsen\'s own services, which do not read it', () => {
    expect(problemsOf({ CATALOG_MACHINE_CLIENTS: 'airflow', METADATA_URL: 'http://m:5002', SEARCH_URL: 'http://s:5001' }).join('\n'))
      .toMatch(/CATALOG_MACHINE_CLIENTS is set but METADATA_URL points at other metadata services/);
  });
});

describe('CATALOG_HOST', () => {
  it('is 127.0.0.1 unless set', () => {
    expect(loadConfig({}).catalog.host).toBe('127.0.0.1');
  });

  it('reaches the catalog on loopback when it listens on every interface, and at its address otherwise', () => {
    expect(loadConfig({ CATALOG_HOST: '0.0.0.0' }).catalog).toMatchObject({ host: '0.0.0.0', metadataUrl: 'http://127.0.0.1:5002', searchUrl: 'http://127.0.0.1:5001' });
    expect(loadConfig({ CATALOG_HOST: '10.0.0.5' }).catalog).toMatchObject({ host: '10.0.0.5', metadataUrl: 'http://10.0.0.5:5002' });
    expect(loadConfig({ CATALOG_HOST: 'fd00::5' }).catalog).toMatchObject({ metadataUrl: 'http://[fd00::5]:5002' });
    for (const everyInterface of ['::', '[::]']) {
      expect(loadConfig({ CATALOG_HOST: everyInterface }).catalog, everyInterface).toMatchObject({ metadataUrl: 'http://127.0.0.1:5002', searchUrl: 'http://127.0.0.1:5001' });
    }
    expect(loadConfig({ CATALOG_HOST: '[::1]' }).catalog).toMatchObject({ host: '[::1]', metadataUrl: 'http://[::1]:5002' });
  });

  it('refuses what is not an address or a host name', () => {
    expect(problemsOf({ CATALOG_HOST: 'http://0.0.0.0:5002' }).join('\n')).toMatch(/^CATALOG_HOST must be an address or host name to listen on/m);
  });
});

describe('the embedded catalog\'s settings with METADATA_URL', () => {
  const amundsen = { METADATA_URL: 'http://m:5002', SEARCH_URL: 'http://s:5001' };
  it.each([['CATALOG_DB', 'other.sqlite'], ['CATALOG_HOST', '0.0.0.0'], ['CATALOG_DEMO_TABLES', '0'], ['CATALOG_TOKEN_AUDIENCE', 'api://default']])(
    'refuses %s, which nothing reads then, as CATALOG_MACHINE_CLIENTS is refused',
    (name, value) => {
      expect(problemsOf({ ...amundsen, [name]: value })).toEqual([
        expect.stringMatching(new RegExp(`^${name} is set but METADATA_URL points at other metadata services: .* is the embedded catalog's, which this Nansen does not run; remove it, or unset METADATA_URL and SEARCH_URL$`)),
      ]);
    },
  );

  it('takes them without METADATA_URL, and METADATA_URL without them', () => {
    expect(loadConfig({ CATALOG_DB: 'other.sqlite', CATALOG_HOST: '0.0.0.0', CATALOG_DEMO_TABLES: '0', CATALOG_TOKEN_AUDIENCE: 'api://default' }).catalog.embedded).toBe(true);
    expect(loadConfig(amundsen).catalog.embedded).toBe(false);
  });
});
