// Characters a description may not hold, checked by the BFF's write routes and by the catalog's own
// metadata API alike (one rule, decision 082): the C0 controls and DEL but tab, line feed and carriage
// return (a NUL cuts text short in C code, the others draw nothing or garbage), and the bidirectional
// embeddings and overrides U+202A–U+202E, which reorder the text after them and can make a description
// read other than it is written ("Trojan Source"). Isolates and marks (U+2066–U+2069, U+200E, U+200F)
// stay allowed: they are what right-to-left text needs and reorder nothing outside themselves.
// Imported text (ingest, dbt, OpenLineage) is stored as given and not checked (decision 059).
import { countCharacters } from './text-length';

const REFUSED_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E]/u;

/**
 * Why `description` may not be stored, as a sentence naming the first refused character (U+XXXX) and
 * its position (in code points from 1, as the length is counted), or null when it holds none.
 * `field` is how the message names the text (such as `"description"`).
 */
export function refusedCharacterProblem(description: string, field = '"description"'): string | null {
  const found = REFUSED_CHARACTER.exec(description);
  if (!found) return null;
  const code = found[0].codePointAt(0)!;
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const position = countCharacters(description.slice(0, found.index)) + 1;
  const kind = code >= 0x202a ? 'a bidirectional override' : 'a control character';
  return `${field} holds ${kind} (${name}) at character ${position}; remove it. Only tab, line feed and carriage return are allowed among control characters, and no bidirectional embeddings or overrides (U+202A–U+202E).`;
}
