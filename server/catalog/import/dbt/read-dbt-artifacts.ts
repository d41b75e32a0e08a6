// Reads dbt's target/manifest.json and target/catalog.json and checks which artifact schema version
// they are (https://schemas.getdbt.com/). Only the fields the importer maps are typed here, loosely:
// the importer checks each node's fields itself, so one odd node is reported instead of refusing
// the whole project.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeJsonSyntaxError } from '../../../config/json-syntax';

/** Manifest schema versions this importer reads: dbt 1.0 (v4) to 1.8+ (v12); v20 is dbt's newer engine. */
export const SUPPORTED_MANIFEST_VERSIONS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 20] as const;

/** Which dbt release first wrote each manifest version (said in messages and the report). */
const DBT_RELEASE: Record<number, string> = {
  1: 'dbt 0.19', 2: 'dbt 0.20', 3: 'dbt 0.21', 4: 'dbt 1.0', 5: 'dbt 1.1', 6: 'dbt 1.2', 7: 'dbt 1.3',
  8: 'dbt 1.4', 9: 'dbt 1.5', 10: 'dbt 1.6', 11: 'dbt 1.7', 12: 'dbt 1.8 and later', 20: 'the dbt Fusion engine',
};

export interface DbtColumn {
  name?: unknown;
  description?: unknown;
  data_type?: unknown;
  tags?: unknown;
  meta?: unknown;
}

/** A node (model, seed, snapshot, test, …), a source or an exposure: the fields the mapping reads. */
export interface DbtNode {
  unique_id?: unknown;
  resource_type?: unknown;
  package_name?: unknown;
  name?: unknown;
  alias?: unknown;
  identifier?: unknown;
  label?: unknown;
  database?: unknown;
  schema?: unknown;
  description?: unknown;
  columns?: unknown;
  tags?: unknown;
  meta?: unknown;
  config?: unknown;
  depends_on?: unknown;
  original_file_path?: unknown;
  type?: unknown;
  owner?: unknown;
  url?: unknown;
}

export interface DbtManifest {
  metadata: {
    dbt_schema_version: string;
    dbt_version?: string;
    project_name?: string;
    project_id?: string;
    adapter_type?: string;
  };
  nodes: Record<string, DbtNode>;
  sources: Record<string, DbtNode>;
  exposures: Record<string, DbtNode>;
}

export interface DbtCatalogEntry {
  metadata?: { type?: unknown; comment?: unknown };
  columns?: Record<string, { name?: unknown; type?: unknown; index?: unknown; comment?: unknown }>;
}

export interface DbtCatalog {
  nodes: Record<string, DbtCatalogEntry>;
  sources: Record<string, DbtCatalogEntry>;
}

export interface ManifestVersion {
  /** e.g. 12 */
  version: number;
  /** e.g. "v12 (dbt 1.8 and later)" */
  label: string;
}

/** The artifacts cannot be imported (unreadable, not a dbt artifact, an unsupported version). */
export class DbtArtifactError extends Error {
  override name = 'DbtArtifactError';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The version named by `metadata.dbt_schema_version`, e.g. ".../dbt/manifest/v12.json" → 12. */
export function readManifestVersion(manifest: unknown, file = 'manifest.json'): ManifestVersion {
  const declared = isObject(manifest) && isObject(manifest.metadata) ? manifest.metadata.dbt_schema_version : undefined;
  const match = typeof declared === 'string' ? /\/manifest\/v(\d+)(?:\.json)?$/.exec(declared) : null;
  if (!match) {
    throw new DbtArtifactError(
      `${file}: not a dbt manifest (metadata.dbt_schema_version is ${declared === undefined ? 'missing' : JSON.stringify(declared)}; ` +
        'expected "https://schemas.getdbt.com/dbt/manifest/vN.json"). Give the manifest.json that dbt writes to target/.',
    );
  }
  const version = Number(match[1]);
  const label = `v${version}${DBT_RELEASE[version] ? ` (${DBT_RELEASE[version]})` : ''}`;
  if (version < 4) {
    throw new DbtArtifactError(
      `${file}: manifest schema ${label} is older than this importer reads (v4, dbt 1.0, and later). ` +
        'Run the project with dbt 1.0 or newer (`dbt docs generate`) and import the new target/manifest.json.',
    );
  }
  if (!(SUPPORTED_MANIFEST_VERSIONS as readonly number[]).includes(version)) {
    throw new DbtArtifactError(
      `${file}: manifest schema ${label} is not one this importer knows (v4 to v12, and v20). ` +
        'Import a manifest written by dbt 1.0 to 1.10 or by the dbt Fusion engine, or update Nansen.',
    );
  }
  return { version, label };
}

function readJsonFile(file: string, what: 'manifest' | 'catalog'): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EISDIR') {
      // `--manifest target/`: the folder dbt writes its artifacts to, not the file.
      throw new DbtArtifactError(`--${what} ${file} is a folder, not dbt's ${what}.json: give the file in it, --${what} ${join(file, `${what}.json`)}`);
    }
    throw new DbtArtifactError(code === 'ENOENT' ? `${what} not found: ${file}` : `cannot read ${what} ${file}: ${(err as Error).message}`);
  }
  // An empty artifact, said as catalog:ingest says an empty export (not as a JSON syntax error).
  if (text.trim() === '') {
    throw new DbtArtifactError(`${file}: no ${what} in it: nothing loaded (the file ${text === '' ? 'is empty' : 'has only blank lines'}; `
      + `an empty ${what}.json usually means the dbt run that writes it failed: \`dbt docs generate\` writes target/${what}.json)`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new DbtArtifactError(`${file}: ${describeJsonSyntaxError(text, err)}`);
  }
}

/** Checks the manifest's version and top-level shape; missing `sources` / `exposures` count as empty. */
export function parseManifest(value: unknown, file = 'manifest.json'): { manifest: DbtManifest; version: ManifestVersion } {
  const version = readManifestVersion(value, file);
  const raw = value as Record<string, unknown>;
  if (!isObject(raw.nodes)) throw new DbtArtifactError(`${file}: manifest ${version.label} has no "nodes" object`);
  const manifest: DbtManifest = {
    metadata: raw.metadata as DbtManifest['metadata'],
    nodes: raw.nodes as Record<string, DbtNode>,
    sources: isObject(raw.sources) ? (raw.sources as Record<string, DbtNode>) : {},
    exposures: isObject(raw.exposures) ? (raw.exposures as Record<string, DbtNode>) : {},
  };
  return { manifest, version };
}

/** catalog.json (`dbt docs generate`): column types and whether a relation is a view. */
export function parseCatalog(value: unknown, file = 'catalog.json'): DbtCatalog {
  const declared = isObject(value) && isObject(value.metadata) ? value.metadata.dbt_schema_version : undefined;
  if (typeof declared !== 'string' || !/\/catalog\/v\d+(?:\.json)?$/.test(declared) || !isObject((value as Record<string, unknown>).nodes)) {
    throw new DbtArtifactError(
      `${file}: not a dbt catalog (expected metadata.dbt_schema_version ".../dbt/catalog/v1.json" and a "nodes" object). ` +
        'Give the catalog.json that `dbt docs generate` writes to target/.',
    );
  }
  const raw = value as Record<string, unknown>;
  return {
    nodes: raw.nodes as Record<string, DbtCatalogEntry>,
    sources: isObject(raw.sources) ? (raw.sources as Record<string, DbtCatalogEntry>) : {},
  };
}

export function readDbtArtifacts(manifestFile: string, catalogFile: string | undefined) {
  const { manifest, version } = parseManifest(readJsonFile(manifestFile, 'manifest'), manifestFile);
  const catalog = catalogFile === undefined ? undefined : parseCatalog(readJsonFile(catalogFile, 'catalog'), catalogFile);
  return { manifest, version, catalog };
}
