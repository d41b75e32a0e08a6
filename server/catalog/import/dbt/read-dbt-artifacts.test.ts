import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DbtArtifactError, parseCatalog, parseManifest, readDbtArtifacts, readManifestVersion } from './read-dbt-artifacts';

const manifestOf = (version: string) => ({
  metadata: { dbt_schema_version: `https://schemas.getdbt.com/dbt/manifest/${version}.json`, adapter_type: 'postgres' },
  nodes: {},
});

describe('reading the manifest version', () => {
  it.each([
    ['v4', 'v4 (dbt 1.0)'],
    ['v8', 'v8 (dbt 1.4)'],
    ['v11', 'v11 (dbt 1.7)'],
    ['v12', 'v12 (dbt 1.8 and later)'],
    ['v20', 'v20 (the dbt Fusion engine)'],
  ])('accepts manifest %s and names it %s', (version, label) => {
    expect(readManifestVersion(manifestOf(version)).label).toBe(label);
  });

  it('refuses a manifest older than dbt 1.0, naming its version and what to do', () => {
    expect(() => readManifestVersion(manifestOf('v3'), 'old/manifest.json')).toThrow(
      'old/manifest.json: manifest schema v3 (dbt 0.21) is older than this importer reads (v4, dbt 1.0, and later). ' +
        'Run the project with dbt 1.0 or newer (`dbt docs generate`) and import the new target/manifest.json.',
    );
    expect(() => readManifestVersion(manifestOf('v1'))).toThrow(/manifest schema v1 \(dbt 0\.19\) is older/);
  });

  it('refuses a version it does not know by name', () => {
    expect(() => readManifestVersion(manifestOf('v13'))).toThrow(/manifest schema v13 is not one this importer knows \(v4 to v12, and v20\)/);
  });

  it('refuses a file that is not a dbt manifest', () => {
    expect(() => readManifestVersion({ nodes: {} })).toThrow(DbtArtifactError);
    expect(() => readManifestVersion({ metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/catalog/v1.json' } }))
      .toThrow(/not a dbt manifest \(metadata.dbt_schema_version is "https:\/\/schemas.getdbt.com\/dbt\/catalog\/v1.json"/);
  });

  it('reads a manifest without sources or exposures as having none, and refuses one without nodes', () => {
    const { manifest } = parseManifest(manifestOf('v12'));
    expect(manifest.sources).toEqual({});
    expect(manifest.exposures).toEqual({});
    expect(() => parseManifest({ metadata: manifestOf('v12').metadata })).toThrow('manifest.json: manifest v12 (dbt 1.8 and later) has no "nodes" object');
  });

  it('refuses a catalog.json that is not dbt\'s catalog (a manifest given twice)', () => {
    expect(() => parseCatalog(manifestOf('v12'), 'target/manifest.json')).toThrow(/^target\/manifest.json: not a dbt catalog/);
    expect(parseCatalog({ metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/catalog/v1.json' }, nodes: {} })).toEqual({ nodes: {}, sources: {} });
  });
});

describe('an empty artifact file', () => {
  it('is refused as an empty export, nothing loaded, not as a JSON syntax error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nansen-dbt-empty-'));
    try {
      const manifest = join(dir, 'manifest.json');
      writeFileSync(manifest, '');
      expect(() => readDbtArtifacts(manifest, undefined)).toThrow(new DbtArtifactError(
        `${manifest}: no manifest in it: nothing loaded (the file is empty; an empty manifest.json usually means the dbt run that writes it failed: \`dbt docs generate\` writes target/manifest.json)`,
      ));
      const catalog = join(dir, 'catalog.json');
      writeFileSync(catalog, '\uFEFF\n \n');
      writeFileSync(manifest, JSON.stringify(manifestOf('v12')));
      expect(() => readDbtArtifacts(manifest, catalog)).toThrow(`${catalog}: no catalog in it: nothing loaded (the file has only blank lines;`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
