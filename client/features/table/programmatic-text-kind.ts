// How a programmatic description ("From other sources") is shown, decided by its `source`, the only
// thing Amundsen's contract says about it (API.md: `{source, text}`). Amundsen's own sources
// (`quality_service`, `s3_crawler`, a dbt description) write Markdown, and stay Markdown. A source that
// names code — ending in "view definition", "definition", "sql", "ddl" or "query", with `_` or `-`
// between words as databuilder spells them ("view_definition", "table-ddl") — is shown exactly as
// stored, as code: the database importer's "view definition" holds the view's SQL, where Markdown
// would turn `'__init__'` into a bold "init" and join its lines. "foreign keys" (the database
// importer's list, one constraint a line) is plain text with its line breaks. Decision 059.

export type ProgrammaticTextKind = 'code' | 'plain' | 'markdown';

const CODE_ENDINGS = ['definition', 'sql', 'ddl', 'query'];
const PLAIN_SOURCES = new Set(['foreign keys']);

/** "View_Definition " → "view definition". */
export function normalizeSource(source: string): string {
  return source.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

export function programmaticTextKind(source: string): ProgrammaticTextKind {
  const name = normalizeSource(source);
  const lastWord = name.split(' ').pop() ?? '';
  if (CODE_ENDINGS.includes(lastWord)) return 'code';
  if (PLAIN_SOURCES.has(name)) return 'plain';
  return 'markdown';
}
