// `--schema` / `--exclude-schema`: globs (`*` any run of characters, `?` one character, matched
// against the whole schema name, case-sensitive as schema names are), given repeatedly or comma-separated.
// A schema is imported when it matches an include (or none was given) and no exclude.

export interface SchemaFilter {
  includes(schema: string): boolean;
  /** The filter in words, for the report: `schemas public, sales_* except sales_tmp`. */
  describe(): string;
  /** The include globs that match none of `schemas` (a misspelt `--schema`); none when no include was given. */
  unmatched(schemas: readonly string[]): string[];
}

function globToRegExp(glob: string): RegExp {
  const pattern = [...glob].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${pattern}$`, 's');
}

const split = (values: string[]) => values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');

export function createSchemaFilter(include: string[] = [], exclude: string[] = []): SchemaFilter {
  const inc = split(include);
  const exc = split(exclude);
  const incRe = inc.map(globToRegExp);
  const excRe = exc.map(globToRegExp);
  return {
    includes: (schema) => (incRe.length === 0 || incRe.some((r) => r.test(schema))) && !excRe.some((r) => r.test(schema)),
    unmatched: (schemas) => inc.filter((_, i) => !schemas.some((schema) => incRe[i].test(schema))),
    describe: () => `${inc.length ? `schemas ${inc.join(', ')}` : 'all schemas'}${exc.length ? ` except ${exc.join(', ')}` : ''}`,
  };
}
