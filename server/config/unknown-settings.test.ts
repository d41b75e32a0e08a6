import { describe, expect, it } from 'vitest';
import { EnvSchema } from './config-schema';
import { closestKnownName, editDistance, findUnknownSettings, KNOWN_NAMES, SETTING_PREFIXES } from './unknown-settings';

describe('findUnknownSettings', () => {
  it('warns about a mistyped setting, naming the setting it was probably meant to be', () => {
    expect(findUnknownSettings({ OIDC_ISSUER_URL: 'https://login.example.com' })).toEqual([
      'OIDC_ISSUER_URL is set but Nansen has no such setting, so it is ignored: did you mean OIDC_ISSUER?',
    ]);
    expect(findUnknownSettings({ SESSION_SECRETS: 'x', OIDC_CLIENTID: 'nansen' })).toEqual([
      'OIDC_CLIENTID is set but Nansen has no such setting, so it is ignored: did you mean OIDC_CLIENT_ID?',
    ]);
  });

  it('points Redis\'s usual separate settings at REDIS_URL, not at the closest name (REDIS_HOST was "did you mean HOST?")', () => {
    for (const name of ['REDIS_HOST', 'REDIS_PORT', 'REDIS_PASSWORD']) {
      const [warning, ...others] = findUnknownSettings({ [name]: name === 'REDIS_PORT' ? '6379' : 'x' });
      expect(others).toEqual([]);
      expect(warning).toBe(`${name} is set but Nansen has no such setting, so it is ignored: Nansen takes Redis's host, port, user, password and database in one setting, REDIS_URL: redis://user:password@host:6379/0 (rediss:// for TLS), with SESSION_STORE=redis`);
    }
  });

  it('says where the settings are listed when no setting is close', () => {
    expect(findUnknownSettings({ USER_DETAIL_METHOD: 'get_user_details' })).toEqual([
      'USER_DETAIL_METHOD is set but Nansen has no such setting, so it is ignored; the README lists the settings',
    ]);
  });

  it("looks at every prefix of Nansen's settings, and lists the names in order", () => {
    const names = ['OIDC_X1', 'SESSION_X1', 'CATALOG_X1', 'RATE_LIMIT_X1', 'UPSTREAM_X1', 'METADATA_X1', 'SEARCH_X1', 'DEV_IDP_X1', 'UI_X1', 'EDIT_X1', 'USER_X1', 'REDIS_X1', 'METRICS_X1', 'FIRST_SEARCH_X1', 'TRUST_PROXYS'];
    const warned = findUnknownSettings(Object.fromEntries(names.map((n) => [n, 'on'])));
    expect(warned.map((w) => w.split(' ')[0])).toEqual([...names].sort());
  });

  it('warns about a misspelled setting with any of the settings\' beginnings, not only a hand-picked few (DATA_DIRECTORY put the catalog in ./data without a word)', () => {
    expect(findUnknownSettings({ DATA_DIRECTORY: '/srv/nansen', PUBLIC_URI: 'https://catalog.example.com', LOG_FORMATS: 'json', INDEX_USER: 'true', METRICS_ENABLE: 'true' })).toEqual([
      'DATA_DIRECTORY is set but Nansen has no such setting, so it is ignored: did you mean DATA_DIR?',
      'INDEX_USER is set but Nansen has no such setting, so it is ignored: did you mean INDEX_USERS?',
      'LOG_FORMATS is set but Nansen has no such setting, so it is ignored: did you mean LOG_FORMAT?',
      'METRICS_ENABLE is set but Nansen has no such setting, so it is ignored: did you mean METRICS_ENABLED?',
      'PUBLIC_URI is set but Nansen has no such setting, so it is ignored: did you mean PUBLIC_URL?',
    ]);
    expect(findUnknownSettings({ LOG_LEVEL: 'debug' })).toEqual(['LOG_LEVEL is set but Nansen has no such setting, so it is ignored; the README lists the settings']);
  });

  it('takes the beginnings from the settings themselves: each one\'s first word, except NODE_, which Node.js shares', () => {
    const firstWords = new Set(Object.keys(EnvSchema.shape).filter((n) => n.includes('_') && !n.startsWith('NODE_')).map((n) => `${n.split('_')[0]}_`));
    expect([...SETTING_PREFIXES].sort()).toEqual([...firstWords].sort());
    expect(SETTING_PREFIXES).toEqual(expect.arrayContaining(['DATA_', 'PUBLIC_', 'LOG_', 'INDEX_', 'METRICS_', 'OIDC_', 'CATALOG_', 'SESSION_', 'TRUST_']));
    expect(SETTING_PREFIXES).not.toContain('NODE_');
    expect(SETTING_PREFIXES).not.toContain('FLASK_');
  });

  it('warns about a name without those beginnings that is spelled within two edits of a setting (one for a short setting), or in other letter case', () => {
    expect(findUnknownSettings({ PUBLC_URL: 'x', NODE_EVN: 'production', CATALGO_DB: 'x', PORTT: '80', public_url: 'x', data_dir: 'x', FLASK_OIDC_CLIENTID: 'x' })).toEqual([
      'CATALGO_DB is set but Nansen has no such setting, so it is ignored: did you mean CATALOG_DB?',
      'FLASK_OIDC_CLIENTID is set but Nansen has no such setting, so it is ignored: did you mean FLASK_OIDC_CLIENT_ID?',
      'NODE_EVN is set but Nansen has no such setting, so it is ignored: did you mean NODE_ENV?',
      'PORTT is set but Nansen has no such setting, so it is ignored: did you mean PORT?',
      'PUBLC_URL is set but Nansen has no such setting, so it is ignored: did you mean PUBLIC_URL?',
      'data_dir is set but Nansen has no such setting, so it is ignored: did you mean DATA_DIR?',
      'public_url is set but Nansen has no such setting, so it is ignored: did you mean PUBLIC_URL?',
    ]);
    // Three edits, or two from a four-letter setting: another program's name, not a misspelling.
    expect(findUnknownSettings({ PUBLXYZ_URL: 'x', HOME: '/root', NODE: '/usr/bin/node', HOSTNAME: 'web-1' })).toEqual([]);
  });

  it('says nothing on an ordinary machine: a shell\'s, npm\'s, Node\'s, Docker\'s, CI\'s and a desktop\'s variables', () => {
    const ordinary = [
      // a login shell and a terminal
      'HOME', 'PATH', 'PWD', 'OLDPWD', 'SHLVL', 'SHELL', 'TERM', 'TERM_PROGRAM', 'COLORTERM', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE', 'USER', 'LOGNAME',
      'MAIL', 'EDITOR', 'VISUAL', 'PAGER', 'LESS', 'TMPDIR', 'TZ', 'HOSTNAME', 'HOSTTYPE', 'DISPLAY', 'XDG_RUNTIME_DIR', 'XDG_SESSION_TYPE', 'XDG_DATA_DIRS',
      'XDG_CONFIG_HOME', 'DBUS_SESSION_BUS_ADDRESS', 'SSH_AUTH_SOCK', 'SSH_CONNECTION', 'SSH_TTY', 'SESSION_MANAGER', 'DESKTOP_SESSION', 'WAYLAND_DISPLAY', '_',
      // npm run (npm start) and Node.js
      'INIT_CWD', 'NODE', 'COLOR', 'EDITOR', 'npm_config_cache', 'npm_config_user_agent', 'npm_lifecycle_event', 'npm_lifecycle_script', 'npm_package_name',
      'npm_package_version', 'npm_package_json', 'npm_node_execpath', 'npm_execpath', 'npm_command', 'NODE_OPTIONS', 'NODE_PATH', 'NODE_EXTRA_CA_CERTS',
      'NODE_TLS_REJECT_UNAUTHORIZED', 'NODE_NO_WARNINGS', 'NODE_DEBUG', 'NODE_V8_COVERAGE', 'NODE_VERSION', 'NODE_COMPILE_CACHE', 'YARN_VERSION', 'COREPACK_HOME',
      // Docker, Kubernetes, CI, proxies and certificates
      'container', 'DEBIAN_FRONTEND', 'CONTAINER_NAME', 'KUBERNETES_SERVICE_HOST', 'KUBERNETES_PORT', 'CI', 'GITHUB_ACTIONS', 'GITHUB_WORKSPACE', 'RUNNER_OS',
      'RUNNER_TEMP', 'BUILD_NUMBER', 'JENKINS_URL', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'SSL_CERT_FILE',
      'SSL_CERT_DIR', 'CURL_CA_BUNDLE', 'REQUESTS_CA_BUNDLE', 'GIT_SSL_CAINFO', 'PYTHONUNBUFFERED', 'JAVA_HOME', 'GOPATH', 'CARGO_HOME', 'RUSTUP_HOME',
    ];
    expect(findUnknownSettings(Object.fromEntries(ordinary.map((n) => [n, n === 'KUBERNETES_PORT' ? 'tcp://10.0.0.1:443' : 'x'])))).toEqual([]);
  });

  it('says nothing about known settings, Amundsen\'s aliases, unset names, or variables with other prefixes', () => {
    const known = Object.fromEntries(KNOWN_NAMES.map((n) => [n, 'x']));
    expect(findUnknownSettings({ ...known, OIDC_TYPO: undefined, PATH: '/usr/bin', HOME: '/root', NODE_OPTIONS: '', FLASK_OIDC_WHITELISTED_ENDPOINTS: 'x' })).toEqual([]);
    expect(KNOWN_NAMES).toEqual(expect.arrayContaining([...Object.keys(EnvSchema.shape), 'FLASK_OIDC_CONFIG_URL', 'METADATASERVICE_BASE', 'REDIS_SERVER_PATH']));
  });

  it("says nothing about other programs' variables: a desktop session's, and Kubernetes' service links", () => {
    expect(findUnknownSettings({
      SESSION_MANAGER: 'local/host:@/tmp/.ICE-unix/1',
      REDIS_SERVICE_HOST: '10.0.0.11',
      REDIS_SERVICE_PORT: '6379',
      REDIS_SERVICE_PORT_CLIENT: '6379',
      REDIS_PORT: 'tcp://10.0.0.11:6379',
      SEARCH_PORT: 'udp://10.0.0.12:53',
      METADATA_PORT: 'sctp://10.0.0.13:5002',
      REDIS_PORT_6379_TCP: 'tcp://10.0.0.11:6379',
      REDIS_PORT_6379_TCP_PROTO: 'tcp',
      REDIS_PORT_6379_TCP_PORT: '6379',
      REDIS_PORT_6379_TCP_ADDR: '10.0.0.11',
      SEARCH_PORT_53_UDP: 'udp://10.0.0.12:53',
      METADATA_PORT_5002_SCTP: 'sctp://10.0.0.13:5002',
    })).toEqual([]);
  });

  it('still warns about a port setting that is no service link', () => {
    expect(findUnknownSettings({ CATALOG_PORT: '5002', REDIS_PORT: '6379', SEARCH_PORT_X: 'tcp://1', SESSION_MANAGERS: 'x', REDIS_SERVICE_HOSTS: 'x', REDIS_PORT_6379_HTTP: 'x' }).map((w) => w.split(' ')[0]))
      .toEqual(['CATALOG_PORT', 'REDIS_PORT', 'REDIS_PORT_6379_HTTP', 'REDIS_SERVICE_HOSTS', 'SEARCH_PORT_X', 'SESSION_MANAGERS']);
    expect(findUnknownSettings({ XREDIS_SERVICE_HOST: 'x', REDIS_SERVICE_HOST_X: 'x', REDIS_PORT_X6379_TCP: 'x', REDIS_PORT_6379_TCP_PROTOX: 'x', REDIS_PORTS: 'tcp://x', METADATA_PORT: 'http://x' }).map((w) => w.split(' ')[0]))
      .toEqual(['METADATA_PORT', 'REDIS_PORTS', 'REDIS_PORT_6379_TCP_PROTOX', 'REDIS_PORT_X6379_TCP', 'REDIS_SERVICE_HOST_X']);
    expect(findUnknownSettings({ REDIS_SERVICE_PORTS: '6379', SEARCH_PORT: 'see tcp://10.0.0.12:53' }).map((w) => w.split(' ')[0])).toEqual(['REDIS_SERVICE_PORTS', 'SEARCH_PORT']);
  });
});

describe('closestKnownName', () => {
  it('takes the fewest edits: one, two or three away', () => {
    expect(closestKnownName('SEARCH_URI')).toBe('SEARCH_URL');
    expect(closestKnownName('SESION_STOR')).toBe('SESSION_STORE');
    expect(closestKnownName('OIDC_SCOPE')).toBe('OIDC_SCOPES');
    expect(closestKnownName('CATALOG_DB_X')).toBe('CATALOG_DB');
    expect(closestKnownName('UI_CONFIG_FILE_')).toBe('UI_CONFIG_FILE');
    expect(closestKnownName('SEARCH_XYZ')).toBe('SEARCH_URL');
  });

  it('takes the first of the settings as the schema lists them when two are as close', () => {
    expect(closestKnownName('SESSION_SECRETZ')).toBe('SESSION_SECRET');
  });

  it('takes a closer setting listed after one that is close enough', () => {
    expect(closestKnownName('SESSION_SECRETSS')).toBe('SESSION_SECRETS');
  });

  it('takes a name one holds inside the other, however far apart', () => {
    expect(closestKnownName('RATE_LIMIT_SEARCH_PER_MINUTE')).toBe('RATE_LIMIT_SEARCH_PER_MIN');
    expect(closestKnownName('MY_OIDC_ISSUER_SETTING')).toBe('OIDC_ISSUER');
    expect(closestKnownName('DIRECTORY')).toBe('USER_DIRECTORY');
  });

  it('names nothing four edits away or more', () => {
    expect(closestKnownName('OIDC_WXYZ_ID')).toBeUndefined();
    expect(closestKnownName('SEARCH_ABCD')).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts inserts, deletes and replacements', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('', 'ab')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcd', 'acbd')).toBe(2);
    expect(editDistance('flaw', 'lawn')).toBe(2);
  });
});
