// What an input is when its first bytes say it is not NDJSON records: a SQLite database, a dbt
// artifact or another JSON document written over many lines, OpenLineage events, a compressed or
// binary file. A load of such a file would reject it line by line — hundreds of "invalid JSON"
// reasons for what is one mistake, the wrong file or the wrong command — so the command names what
// the file looks like and the command that reads it instead, and loads nothing.
//
// Only what cannot be ingest records is recognised: a first line that is a record (an object with a
// "type") is NDJSON whatever follows, and a file that merely has bad lines is left to the line-by-line
// reasons.

/** How many bytes of the input are looked at: a dbt artifact's metadata comes first, well within. */
export const HEAD_BYTES = 64 * 1024;

export type ForeignInput =
  | { kind: 'nansen-catalog' }
  | { kind: 'sqlite' }
  | { kind: 'gzip' }
  | { kind: 'utf16' }
  | { kind: 'binary' }
  | { kind: 'dbt'; artifact: 'manifest' | 'catalog' | 'run-results' | 'sources' | 'other' }
  | { kind: 'openlineage' }
  | { kind: 'json-array'; spansLines: boolean }
  | { kind: 'json-document' };

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const DBT_SCHEMA = /"dbt_schema_version"\s*:\s*"[^"]*\/(manifest|catalog|run-results|sources)\/v\d+/;
const DBT_ANY = /"dbt_schema_version"\s*:/;
const OPENLINEAGE_SCHEMA = /"schemaURL"\s*:\s*"[^"]*openlineage/i;

/**
 * What `head` (the first HEAD_BYTES of the input, or all of it) is when it is no NDJSON of ingest
 * records; undefined when it may be. `isNansenCatalog` tells a catalog backup from another program's
 * SQLite database (the caller opens the file; stdin has no file to open).
 */
export function recogniseForeignInput(head: Buffer, isNansenCatalog: () => boolean = () => false): ForeignInput | undefined {
  if (head.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) return isNansenCatalog() ? { kind: 'nansen-catalog' } : { kind: 'sqlite' };
  if (head[0] === 0x1f && head[1] === 0x8b) return { kind: 'gzip' };
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return { kind: 'utf16' };
  if (head.includes(0)) return { kind: 'binary' }; // UTF-8 text has no NUL byte
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.search(/\S/);
  if (start === -1) return undefined;
  const lineEnd = text.indexOf('\n', start);
  const firstLine = (lineEnd === -1 ? text.slice(start) : text.slice(start, lineEnd)).trim();
  const whole = lineEnd !== -1 || head.length < HEAD_BYTES;
  let value: unknown;
  let parsed = false;
  if (whole) {
    try {
      value = JSON.parse(firstLine);
      parsed = true;
    } catch {
      // not one JSON value on the first line
    }
  }
  if (parsed) {
    if (Array.isArray(value)) return { kind: 'json-array', spansLines: false };
    if (typeof value !== 'object' || value === null) return undefined;
    const object = value as Record<string, unknown>;
    if (typeof object.type === 'string') return undefined; // a record: NDJSON
    if (typeof object.eventTime === 'string' && ('run' in object || 'job' in object || 'dataset' in object)) return { kind: 'openlineage' };
    return recogniseDocument(firstLine);
  }
  if (!whole) {
    // One line longer than what was looked at: a dbt artifact is written on one line, its metadata
    // first; a long record (a table of many columns) is left to the load.
    return recogniseDocument(text.slice(start), { dbtOnly: true });
  }
  // The first line is no JSON value: the start of a document written over many lines ("{", "[",
  // `{"metadata": {`), or a bad line of NDJSON.
  if (/^[[{]$/.test(firstLine) || (/^[[{]/.test(firstLine) && /[[{,]$/.test(firstLine))) {
    return recogniseDocument(text.slice(start)) ?? (firstLine.startsWith('[') ? { kind: 'json-array', spansLines: true } : { kind: 'json-document' });
  }
  return undefined;
}

function recogniseDocument(text: string, options: { dbtOnly?: boolean } = {}): ForeignInput | undefined {
  const dbt = DBT_SCHEMA.exec(text);
  if (dbt) return { kind: 'dbt', artifact: dbt[1] as 'manifest' | 'catalog' | 'run-results' | 'sources' };
  if (DBT_ANY.test(text)) return { kind: 'dbt', artifact: 'other' };
  if (!options.dbtOnly && OPENLINEAGE_SCHEMA.test(text)) return { kind: 'openlineage' };
  return undefined;
}

/**
 * One message for catalog:ingest: what `file` is and the command to use instead. `file` as the
 * person wrote it (`-` for stdin: the commands then name a placeholder).
 */
export function describeForeignInputForIngest(found: ForeignInput, file: string): string {
  const named = file === '-' ? 'the input' : file;
  const arg = file === '-' ? 'FILE' : file;
  const nothing = 'nothing was loaded';
  switch (found.kind) {
    case 'nansen-catalog':
      return `${named} is a Nansen catalog (a backup?), not NDJSON: ${nothing}. To put it in place of the catalog: \`npm run catalog:restore -- --from ${arg}\``;
    case 'sqlite':
      return `${named} is a SQLite database, not NDJSON: ${nothing}. To load its tables and columns: \`npm run catalog:import -- sqlite --file ${arg}\``;
    case 'gzip':
      return `${named} is gzip-compressed: ${nothing}. Decompress it on the way in: \`gunzip -c ${arg} | npm run catalog:ingest -- -\``;
    case 'utf16':
      return `${named} is UTF-16 text, and NDJSON is UTF-8: ${nothing}. Convert it: \`iconv -f UTF-16 -t UTF-8 ${arg} | npm run catalog:ingest -- -\``;
    case 'binary':
      return `${named} is a binary file, not NDJSON (text, one JSON object a line): ${nothing}`;
    case 'dbt':
      switch (found.artifact) {
        case 'manifest':
          return `${named} is one JSON document (a dbt manifest), not NDJSON: ${nothing}. To load a dbt project: \`npm run catalog:import -- dbt --manifest ${arg}\` (add --catalog target/catalog.json for column types)`;
        case 'catalog':
          return `${named} is one JSON document (a dbt catalog.json), not NDJSON: ${nothing}. To load a dbt project: \`npm run catalog:import -- dbt --manifest target/manifest.json --catalog ${arg}\``;
        default:
          return `${named} is one JSON document (a dbt artifact, not its manifest), not NDJSON: ${nothing}. A dbt project is loaded from its manifest: \`npm run catalog:import -- dbt --manifest target/manifest.json\``;
      }
    case 'openlineage':
      return `${named} holds OpenLineage events, not ingest records: ${nothing}. To load them: \`npm run catalog:import -- openlineage --events ${arg}\``;
    case 'json-array':
      return `${named} is one JSON array${found.spansLines ? ' over many lines' : ''}, not NDJSON (one JSON object a line): ${nothing}. If it holds ingest records, write one a line: \`jq -c '.[]' ${arg} | npm run catalog:ingest -- -\``;
    case 'json-document':
      return `${named} is one JSON document over many lines (a dbt manifest?), not NDJSON (one JSON object a line): ${nothing}. A dbt manifest: \`npm run catalog:import -- dbt --manifest ${arg}\`; one ingest record written over many lines: \`jq -c . ${arg} | npm run catalog:ingest -- -\``;
  }
}

/**
 * Whether `head` already holds a whole first line that is an ingest record (an object with a "type"):
 * then the input is NDJSON whatever follows, and a body need not be read further before loading.
 */
export function startsWithRecord(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.search(/\S/);
  if (start === -1) return false;
  const lineEnd = text.indexOf('\n', start);
  if (lineEnd === -1) return false;
  try {
    const value = JSON.parse(text.slice(start, lineEnd)) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string';
  } catch {
    return false;
  }
}

/** One message for POST /ingest: what the body is and where to send it instead (the command line's words, for HTTP). */
export function describeForeignInputForHttp(found: ForeignInput): string {
  const named = 'The request body';
  const nothing = 'nothing was loaded';
  switch (found.kind) {
    case 'nansen-catalog':
    case 'sqlite':
      return `${named} is a SQLite database, not NDJSON: ${nothing}. To load its tables and columns: POST it to /import/sqlite?cluster=NAME as application/vnd.sqlite3`;
    case 'gzip':
      return `${named} is gzip-compressed but was sent without Content-Encoding: gzip: ${nothing}. Add the header (curl -H 'Content-Encoding: gzip' --data-binary @export.ndjson.gz), or send it decompressed`;
    case 'utf16':
      return `${named} is UTF-16 text, and NDJSON is UTF-8: ${nothing}. Convert it: iconv -f UTF-16 -t UTF-8`;
    case 'binary':
      return `${named} is binary, not NDJSON (text, one JSON object a line): ${nothing}`;
    case 'dbt':
      switch (found.artifact) {
        case 'manifest':
          return `${named} is one JSON document (a dbt manifest), not NDJSON: ${nothing}. To load a dbt project: POST {"manifest": …, "catalog": …} to /import/dbt as application/json`;
        case 'catalog':
          return `${named} is one JSON document (a dbt catalog.json), not NDJSON: ${nothing}. To load a dbt project: POST {"manifest": …, "catalog": …} to /import/dbt as application/json`;
        default:
          return `${named} is one JSON document (a dbt artifact, not its manifest), not NDJSON: ${nothing}. A dbt project is loaded from its manifest: POST {"manifest": …} to /import/dbt`;
      }
    case 'openlineage':
      return `${named} holds OpenLineage events, not ingest records: ${nothing}. To load them: POST them to /api/v1/lineage (application/x-ndjson, one event a line)`;
    case 'json-array':
      return `${named} is one JSON array${found.spansLines ? ' over many lines' : ''}, not NDJSON (one JSON object a line): ${nothing}. If it holds ingest records, write one a line: jq -c '.[]'`;
    case 'json-document':
      return `${named} is one JSON document over many lines (a dbt manifest?), not NDJSON (one JSON object a line): ${nothing}. A dbt manifest: POST {"manifest": …} to /import/dbt; one ingest record written over many lines: jq -c .`;
  }
}
