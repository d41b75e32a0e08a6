import { describe, expect, it } from 'vitest';
import { catalogLogLine, catalogProcessEnv } from './start-catalog-process';

describe('the environment of the catalog process', () => {
  it('keeps ordinary settings and drops every secret the BFF holds', () => {
    const env = catalogProcessEnv({
      PATH: '/usr/bin',
      NODE_ENV: 'production',
      DATA_DIR: '/var/lib/nansen',
      CATALOG_TOKEN_AUDIENCE: 'api://catalog',
      SESSION_SECRET: 's'.repeat(32),
      SESSION_SECRETS: 'a,b',
      OIDC_CLIENT_SECRET: 'client-secret',
      FLASK_OIDC_CLIENT_SECRET: 'flask-secret',
      OIDC_CLIENT_PRIVATE_KEY_FILE: '/keys/client.pem',
      REDIS_URL: 'redis://:password@redis:6379',
      USER_DIRECTORY_SCIM_TOKEN: 'scim',
      USER_DIRECTORY_OKTA_API_TOKEN: 'okta',
    });
    expect(env).toEqual({ PATH: '/usr/bin', NODE_ENV: 'production', DATA_DIR: '/var/lib/nansen', CATALOG_TOKEN_AUDIENCE: 'api://catalog' });
  });
});

describe('the catalog process\'s lines as the BFF writes them', () => {
  const at = () => new Date('2026-12-06T10:00:00.000Z');

  it('prefixes them with [catalog] in text', () => {
    expect(catalogLogLine('2026-12-06T10:00:00.000Z info catalog: demo catalog: building indexes…', 'stderr', 'text')).toBe(
      '[catalog] 2026-12-06T10:00:00.000Z info catalog: demo catalog: building indexes…',
    );
  });

  // With LOG_FORMAT=json the catalog's lines were still "[catalog] 2026-… info …" text.
  it('keeps a JSON line\'s fields, its request id among them, and adds that it is the catalog\'s', () => {
    const line = JSON.stringify({ time: '2026-12-06T09:59:59.000Z', level: 'warn', msg: 'slow query', request_id: 'req-42', ms: 812 });
    expect(JSON.parse(catalogLogLine(line, 'stderr', 'json', at))).toEqual({ time: '2026-12-06T09:59:59.000Z', level: 'warn', source: 'catalog', msg: 'slow query', request_id: 'req-42', ms: 812 });
  });

  it('wraps anything else it prints (Node\'s warnings, a crash\'s stack) in a JSON object, secrets redacted', () => {
    expect(JSON.parse(catalogLogLine('    at Object.<anonymous> (file.ts:1:1)', 'stderr', 'json', at))).toEqual({
      time: '2026-12-06T10:00:00.000Z', level: 'warn', source: 'catalog', msg: '    at Object.<anonymous> (file.ts:1:1)',
    });
    expect(JSON.parse(catalogLogLine('{not json', 'stdout', 'json', at))).toMatchObject({ level: 'info', msg: '{not json' });
    expect(JSON.parse(catalogLogLine('[1,2]', 'stdout', 'json', at))).toMatchObject({ msg: '[1,2]' });
    expect(catalogLogLine('Authorization: Bearer abc.def', 'stderr', 'json', at)).not.toContain('abc.def');
  });
});
