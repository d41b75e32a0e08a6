// Amundsen's metadata service (and the embedded catalog, which answers as it does) says what is
// missing in its own terms: "table_uri hive://gold.sales/nope does not exist". People read these
// messages on the page, so the BFF says them in words; any other message passes through unchanged.

const IN_WORDS: readonly [RegExp, (...parts: string[]) => string][] = [
  [/^table_uri (.+) with column (.+) does not exist$/, (key, column) => `There is no column ${column} in the table ${key}.`],
  [/^table_uri (.+) does not exist$/, (key) => `There is no table ${key} in the catalog.`],
  [/^dashboard_(?:id|uri) (.+) does not exist$/, (key) => `There is no dashboard ${key} in the catalog.`],
  [/^user_id (.+) does not exist$/, (id) => `There is no person ${id} in the catalog.`],
];

/** A 404's message from the metadata service, in words when it is one of Amundsen's "<field> <key> does not exist". */
export function wordNotFound(message: string): string {
  for (const [pattern, words] of IN_WORDS) {
    const match = pattern.exec(message);
    if (match) return words(...match.slice(1));
  }
  return message;
}
