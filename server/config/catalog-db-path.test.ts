import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogDbFromEnv, catalogDbPathFromEnv, describeCatalogDbSource, resolveCatalogDbPath, type CatalogDbSource } from './catalog-db-path';
import { loadConfig } from './load-config';

describe('where the embedded catalog is', () => {
  it('is CATALOG_DB, from DATA_DIR, else catalog.sqlite in DATA_DIR, else data/catalog.sqlite', () => {
    expect(catalogDbPathFromEnv({})).toBe(path.resolve('data', 'catalog.sqlite'));
    expect(catalogDbPathFromEnv({ DATA_DIR: '/srv/nansen' })).toBe('/srv/nansen/catalog.sqlite');
    expect(catalogDbPathFromEnv({ DATA_DIR: '/srv/nansen', CATALOG_DB: 'dbt.sqlite' })).toBe('/srv/nansen/dbt.sqlite');
    expect(catalogDbPathFromEnv({ DATA_DIR: '/srv/nansen', CATALOG_DB: '/var/lib/catalog.sqlite' })).toBe('/var/lib/catalog.sqlite');
    expect(catalogDbPathFromEnv({ DATA_DIR: ' ', CATALOG_DB: '' })).toBe(path.resolve('data', 'catalog.sqlite'));
    expect(resolveCatalogDbPath('/d', undefined)).toBe('/d/catalog.sqlite');
  });

  it('says which setting chose the file: CATALOG_DB, DATA_DIR, or neither', () => {
    expect(catalogDbFromEnv({ DATA_DIR: '/srv/nansen', CATALOG_DB: 'dbt.sqlite' })).toEqual({ path: '/srv/nansen/dbt.sqlite', from: 'CATALOG_DB' });
    expect(catalogDbFromEnv({ CATALOG_DB: '/var/lib/catalog.sqlite' })).toEqual({ path: '/var/lib/catalog.sqlite', from: 'CATALOG_DB' });
    expect(catalogDbFromEnv({ DATA_DIR: '/srv/nansen', CATALOG_DB: ' ' })).toEqual({ path: '/srv/nansen/catalog.sqlite', from: 'DATA_DIR' });
    expect(catalogDbFromEnv({ DATA_DIR: '' })).toEqual({ path: path.resolve('data', 'catalog.sqlite'), from: 'default' });
    expect(['--db', 'CATALOG_DB', 'DATA_DIR', 'default'].map((from) => describeCatalogDbSource(from as CatalogDbSource)))
      .toEqual(['from --db', 'from CATALOG_DB', 'from DATA_DIR', 'the default: CATALOG_DB and DATA_DIR are unset']);
  });

  it('is the same file the server opens with that environment', () => {
    for (const env of [{}, { DATA_DIR: 'tmp/x' }, { DATA_DIR: '/srv/n', CATALOG_DB: 'c.sqlite' }, { CATALOG_DB: '/abs/c.sqlite' }]) {
      expect(catalogDbPathFromEnv(env)).toBe(loadConfig(env).catalog.dbPath);
    }
  });
});
