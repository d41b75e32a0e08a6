// Reading a JSON settings file (UI_CONFIG_FILE, EDIT_RULES_FILE) with problems a person can act on:
// a missing file, a folder, an unreadable or empty file, JSON syntax by line and column.
import fs from 'node:fs';
import { describeJsonSyntaxError } from './json-syntax';

export interface JsonFileHints {
  /** The setting that names the file, such as UI_CONFIG_FILE. */
  setting: string;
  /** What to do when there is no such file ("create it (…) or unset …"). */
  whenMissing: string;
  /** What to write in an empty file. */
  whenEmpty: string;
}

/** The file's JSON value; otherwise `fail` with the problem (a byte-order mark at the start is ignored). */
export function readJsonFile(file: string, hints: JsonFileHints, fail: (problems: string[]) => never): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail([`there is no such file; ${hints.whenMissing}`]);
    if (code === 'EISDIR') return fail([`this is a folder; ${hints.setting} must name the JSON file itself`]);
    return fail([`the file cannot be read (${code ?? String(err)})`]);
  }
  if (text.trim() === '') return fail([`the file is empty; ${hints.whenEmpty}`]);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    return fail([describeJsonSyntaxError(text, err)]);
  }
}
