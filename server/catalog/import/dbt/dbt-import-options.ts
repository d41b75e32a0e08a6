// The dbt import's mapping options as the command line (`--name-from`) and POST /import/dbt
// (`?name_from=`) give them: checked once here, with the same messages for both.
import type { DbtMappingOptions } from './map-dbt-project';
import type { DbtManifest } from './read-dbt-artifacts';

/** POST /import/dbt's query parameters: any other is refused (a misspelt `prunee` would import without prune). */
export const DBT_QUERY_PARAMETERS = ['database', 'name_from', 'tags_as', 'source_url', 'project', 'prune', 'allow_large_prune', 'dry_run'] as const;

export interface RawDbtOptions {
  database?: string;
  nameFrom?: string;
  tagsAs?: string;
  sourceUrl?: string;
  project?: string;
}

/** Which name each option has where it is given (`--name-from` or `name_from`). */
export type OptionNamer = (option: 'database' | 'name-from' | 'tags-as') => string;

function oneOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${name} must be ${allowed.join(' or ')}, got "${value}"`);
  return value as T;
}

/**
 * The options that need no manifest, checked: for the command line to refuse a wrong one before it
 * reads anything or says anything else. Throws an Error whose message names the option and the fix.
 */
export function checkDbtOptionValues(raw: RawDbtOptions, nameOf: OptionNamer): Omit<DbtMappingOptions, 'database'> & { database?: string } {
  const database = raw.database || undefined;
  if (database !== undefined && !/^[a-z0-9_+-]+$/i.test(database)) {
    throw new Error(`${nameOf('database')} must be an engine name of letters, digits, _, + or - (it starts every table key), got "${database}"`);
  }
  return {
    database,
    nameFrom: oneOf(raw.nameFrom, nameOf('name-from'), ['name', 'alias'] as const, 'name'),
    tagsAs: oneOf(raw.tagsAs, nameOf('tags-as'), ['tag', 'badge'] as const, 'tag'),
    sourceUrl: raw.sourceUrl || undefined,
    project: raw.project || undefined,
  };
}

/** Throws an Error whose message names the option and the fix; callers wrap it in their error type. */
export function resolveDbtOptions(raw: RawDbtOptions, manifest: DbtManifest, nameOf: OptionNamer): DbtMappingOptions {
  const checked = checkDbtOptionValues(raw, nameOf);
  const database = checked.database ?? manifest.metadata.adapter_type;
  if (!database) {
    throw new Error(`${nameOf('database')} is required: the manifest does not name its adapter (metadata.adapter_type); give the engine, e.g. ${nameOf('database')} postgres`);
  }
  if (!/^[a-z0-9_+-]+$/i.test(database)) {
    throw new Error(`the manifest's adapter (metadata.adapter_type) "${database}" is not an engine name of letters, digits, _, + or -: give the engine with ${nameOf('database')}, e.g. ${nameOf('database')} postgres`);
  }
  return { ...checked, database };
}
