// The write routes' bodies (contract/api-edits.ts), validated beyond their shapes: keys that are table
// keys or dashboard uris, tags by Amundsen's rule, owners that a metadata route can carry, descriptions
// within the UI config's length limits (in code points: an emoji is one character), or no longer than
// the text they began from when that was already over the limit (decision 059), and free of control
// characters and bidirectional overrides (decision 082). Each problem is a
// 400 naming the field (the owner's in words: the page shows that one to the person who typed the owner).
import type { Request } from 'express';
import * as v from 'valibot';
import {
  BookmarkBodySchema, PutColumnDescriptionBodySchema, PutTableDescriptionBodySchema, PutTypeMetadataDescriptionBodySchema,
  TableOwnerBodySchema, TagBodySchema, TagNameSchema, type BookmarkBody, type ClientConfig, type PutColumnDescriptionBody,
  type PutTableDescriptionBody, type PutTypeMetadataDescriptionBody, type TableOwnerBody, type TagBody,
} from '../../contract/bff-api';
import { refusedCharacterProblem } from '../../contract/description-characters';
import { allowedDescriptionLength, countCharacters } from '../../contract/text-length';
import { InputError } from '../http/errors';
import { parseBody } from '../http/parse-request';
import { ownerIdProblem } from '../upstream/table-owner-path';
import { requireDashboardUri, requireTableKey } from './parse-read-query';

const MAX_KEY_LENGTH = 2048;
/** An email is at most 320 characters. */
const MAX_OWNER_LENGTH = 320;

/**
 * A key becomes part of the path of a metadata call (`/table/<key>/description`, keys keep their
 * slashes): a `.` or `..` segment, which a proxy in front of the service may resolve, could make the
 * call reach another resource than the one whose rights were checked. No real key has one.
 */
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

function checkKey(key: string, kind: 'table' | 'dashboard', field = 'key'): string {
  if (key.length > MAX_KEY_LENGTH) throw new InputError(`"${field}" is longer than ${MAX_KEY_LENGTH} characters.`, 'invalid_body');
  if (DOT_SEGMENT.test(key)) throw new InputError(`"${field}" must not contain "." or ".." path segments.`, 'invalid_key');
  return kind === 'table' ? requireTableKey(key, `"${field}":`) : requireDashboardUri(key, `"${field}":`);
}

/**
 * Counted in code points, as the page's live count does (contract/text-length.ts). A text that was
 * already over the limit (`base`, which the write holds to the stored text) may be edited as long as
 * it does not grow (decision 059).
 */
function checkLength(description: string, base: string | null, limit: number, setting: string): void {
  const length = countCharacters(description);
  const allowed = allowedDescriptionLength(limit, base);
  if (length <= allowed) return;
  if (allowed > limit) {
    throw new InputError(`"description" is ${length} characters long; at most ${allowed} are allowed: the text it began from was already over the ${limit} of ${setting} in the UI config, and an edit may not make it longer.`, 'invalid_body');
  }
  throw new InputError(`"description" is ${length} characters long; at most ${limit} are allowed (${setting} in the UI config).`, 'invalid_body');
}

/** Control characters and bidirectional overrides (contract/description-characters.ts, decision 082). */
function checkCharacters(description: string): void {
  const problem = refusedCharacterProblem(description);
  if (problem) throw new InputError(problem, 'invalid_body');
}

/**
 * `base` is our extension of Amundsen's description bodies, so a client written for Amundsen leaves it
 * out: the refusal says what it holds and why, not only that it is required.
 */
function requireBase(req: Request): void {
  const body: unknown = req.body;
  if (body && typeof body === 'object' && !Array.isArray(body) && !('base' in body)) {
    throw new InputError(
      '"base" is required: the description the edit began from, as read before editing (null when there was none). It detects conflicting edits: when the stored description is no longer "base", someone changed it meanwhile and the write is refused with 409 edit_conflict instead of overwriting their change.',
      'invalid_body',
    );
  }
}

export function parseTableDescriptionBody(req: Request, config: ClientConfig): PutTableDescriptionBody {
  requireBase(req);
  const body = parseBody(req, PutTableDescriptionBodySchema);
  checkKey(body.key, 'table');
  checkLength(body.description, body.base, config.editableText.tableDescLength, 'editableText.tableDescLength');
  checkCharacters(body.description);
  return body;
}

export function parseColumnDescriptionBody(req: Request, config: ClientConfig): PutColumnDescriptionBody {
  requireBase(req);
  const body = parseBody(req, PutColumnDescriptionBodySchema);
  checkKey(body.key, 'table');
  if (body.column_name.trim() === '' || body.column_name.includes('/')) throw new InputError('"column_name" must name one column.', 'invalid_body');
  checkLength(body.description, body.base, config.editableText.columnDescLength, 'editableText.columnDescLength');
  checkCharacters(body.description);
  return body;
}

export function parseTypeMetadataDescriptionBody(req: Request, config: ClientConfig): PutTypeMetadataDescriptionBody {
  requireBase(req);
  const body = parseBody(req, PutTypeMetadataDescriptionBodySchema);
  checkKey(body.key, 'table');
  if (body.type_metadata_key.trim() === '') throw new InputError('"type_metadata_key" must not be empty.', 'invalid_body');
  if (body.type_metadata_key.length > MAX_KEY_LENGTH || DOT_SEGMENT.test(body.type_metadata_key)) {
    throw new InputError('"type_metadata_key" is not a nested type\'s key.', 'invalid_key');
  }
  checkLength(body.description, body.base, config.editableText.columnDescLength, 'editableText.columnDescLength');
  checkCharacters(body.description);
  return body;
}

/**
 * A tag to add must follow Amundsen's rule (400 `invalid_tag` naming it); one to remove may be any
 * tag the catalog holds (an ingest may have loaded tags the rule refuses), as long as it is one path segment.
 */
export function parseTagBody(req: Request, kind: 'table' | 'dashboard', change: 'add' | 'remove'): TagBody {
  const body = parseBody(req, TagBodySchema);
  checkKey(body.key, kind);
  if (change === 'remove') {
    if (body.tag === '' || body.tag.includes('/') || body.tag.length > MAX_KEY_LENGTH) throw new InputError(`There can be no tag "${body.tag}".`, 'invalid_tag');
    return body;
  }
  const tag = v.safeParse(TagNameSchema, body.tag);
  if (!tag.success) throw new InputError(`The tag "${body.tag}" ${tag.issues[0].message}.`, 'invalid_tag');
  return body;
}

/**
 * An owner to add is typed by a person: a user id of at most 320 characters, trimmed, with no spaces
 * (a typed "Jane Doe" is a name, not an id). It may hold "/" (decision 032). An owner to remove is one
 * the table shows, so it is taken exactly as sent: an ingest may have loaded an owner with a space.
 * Either way, an id no metadata route can carry (a "." or ".." segment, or "/own" or "/follow" inside
 * an id with "/": upstream/table-owner-path.ts) is a 400 `invalid_user_id` saying why.
 */
export function parseOwnerBody(req: Request, change: 'add' | 'remove'): TableOwnerBody {
  const body = parseBody(req, TableOwnerBodySchema);
  checkKey(body.key, 'table');
  const owner = change === 'add' ? body.owner.trim() : body.owner;
  if (change === 'add' && (owner === '' || owner.length > MAX_OWNER_LENGTH || /\s/.test(owner))) {
    // Said in words: the page shows it to the person who typed the owner (no field names there).
    throw new InputError(`An owner must be a user id, such as an email address: at most ${MAX_OWNER_LENGTH} characters, with no spaces.`, 'invalid_body');
  }
  if (owner === '' || owner.length > MAX_KEY_LENGTH) throw new InputError(`There can be no owner "${owner}".`, 'invalid_body');
  const problem = ownerIdProblem(owner);
  if (problem) throw new InputError(problem, 'invalid_user_id');
  return { key: body.key, owner };
}

export function parseBookmarkBody(req: Request): BookmarkBody {
  const body = parseBody(req, BookmarkBodySchema);
  checkKey(body.key, body.type);
  return body;
}
