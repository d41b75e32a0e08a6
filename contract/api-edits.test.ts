import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  BookmarkBodySchema,
  EditEntrySchema,
  PutColumnDescriptionBodySchema,
  PutTableDescriptionBodySchema,
  PutTypeMetadataDescriptionBodySchema,
  TableOwnerBodySchema,
  TagBodySchema,
  TagNameSchema,
  TAG_MAX_LENGTH,
} from './api-edits';

/** The messages of the issues valibot reports, each with its path. */
function problems(schema: v.GenericSchema, input: unknown): string[] {
  const result = v.safeParse(schema, input);
  return result.success ? [] : result.issues.map((issue) => `${v.getDotPath(issue) ?? '(top)'}: ${issue.message}`);
}

describe('a tag name (Amundsen\'s rule)', () => {
  it('is lower-case letters, digits and underscores', () => {
    for (const tag of ['finance', 'finance_core', 'q4_2026', '_', 'x'.repeat(TAG_MAX_LENGTH)]) expect(problems(TagNameSchema, tag)).toEqual([]);
  });

  it('refuses capitals, spaces, dashes, an empty name and text around a good name, saying the rule', () => {
    const rule = '(top): must use only lower-case letters, digits and _ (such as "finance_core")';
    for (const tag of ['Finance', 'two words', 'fin-ance', '', 'finance!', '!finance', 'über']) expect(problems(TagNameSchema, tag)).toEqual([rule]);
  });

  it(`refuses a name longer than ${TAG_MAX_LENGTH} characters`, () => {
    expect(problems(TagNameSchema, 'x'.repeat(TAG_MAX_LENGTH + 1))).toEqual([`(top): must be at most ${TAG_MAX_LENGTH} characters`]);
  });
});

describe('the write bodies', () => {
  it('require the text a description edit started from, which may be null', () => {
    expect(problems(PutTableDescriptionBodySchema, { key: 'k', description: 'd', base: null })).toEqual([]);
    expect(problems(PutTableDescriptionBodySchema, { key: 'k', description: 'd' }).map((p) => p.split(':')[0])).toEqual(['base']);
    expect(problems(PutColumnDescriptionBodySchema, { key: 'k', description: 'd', base: 'b' }).map((p) => p.split(':')[0])).toEqual(['column_name']);
    expect(problems(PutTypeMetadataDescriptionBodySchema, { key: 'k', description: 'd', base: 'b' }).map((p) => p.split(':')[0])).toEqual(['type_metadata_key']);
  });

  it('require every field of an owner, tag and bookmark change, and a bookmark of a table or dashboard', () => {
    expect(problems(TableOwnerBodySchema, {}).map((p) => p.split(':')[0])).toEqual(['key', 'owner']);
    expect(problems(TagBodySchema, {}).map((p) => p.split(':')[0])).toEqual(['key', 'tag']);
    expect(problems(BookmarkBodySchema, { type: 'table', key: 'k' })).toEqual([]);
    expect(problems(BookmarkBodySchema, { type: 'dashboard', key: 'k' })).toEqual([]);
    expect(problems(BookmarkBodySchema, { type: 'user', key: 'k' }).map((p) => p.split(':')[0])).toEqual(['type']);
  });
});

describe('an edit history entry', () => {
  const entry = {
    id: '1', resource_type: 'table', resource_key: 'hive://gold.core/orders', parent_key: 'hive://gold.core/orders', subject: null,
    field: 'owners', action: 'add', before: [], after: ['roald@example.org'], editor: { user_id: 'roald@example.org', display_name: 'Roald' },
    edited_at: 1,
  };

  it('names what changed with one of the known resources, fields and actions', () => {
    expect(problems(EditEntrySchema, entry)).toEqual([]);
    for (const resource_type of ['table', 'column', 'type_metadata', 'dashboard'])
      for (const field of ['description', 'tags', 'owners', 'badges'])
        for (const action of ['update', 'add', 'remove']) expect(problems(EditEntrySchema, { ...entry, resource_type, field, action })).toEqual([]);
    expect(problems(EditEntrySchema, { ...entry, resource_type: 'user', field: 'name', action: 'rename' }).map((p) => p.split(':')[0])).toEqual([
      'resource_type',
      'field',
      'action',
    ]);
  });
});
