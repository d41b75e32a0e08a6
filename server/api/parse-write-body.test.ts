import type { Request } from 'express';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { toClientConfig, UiConfigFileSchema } from '../../contract/ui-config';
import { InputError } from '../http/errors';
import {
  parseBookmarkBody, parseColumnDescriptionBody, parseOwnerBody, parseTableDescriptionBody, parseTagBody, parseTypeMetadataDescriptionBody,
} from './parse-write-body';

const ORDERS = 'hive://gold.sales/orders';
const DASHBOARD = 'mode_dashboard://gold.sales/revenue';
const config = toClientConfig(v.parse(UiConfigFileSchema, { editableText: { tableDescLength: 10, columnDescLength: 5 } }), {
  providerName: 'IdP', indexUsers: false, indexDashboards: true, logoUrl: null,
});
const req = (body: unknown) => ({ body }) as Request;
/** The InputError a parser throws: its code and message. */
const refusal = (parse: () => unknown) => {
  try {
    parse();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return { code: (err as InputError).code, message: (err as InputError).message };
  }
  throw new Error('the body was accepted');
};

describe('description bodies', () => {
  it('accept a text within the UI config limit, with the base it started from', () => {
    expect(parseTableDescriptionBody(req({ key: ORDERS, description: '1234567890', base: null }), config)).toEqual({ key: ORDERS, description: '1234567890', base: null });
    expect(parseColumnDescriptionBody(req({ key: ORDERS, column_name: 'id', description: '12345', base: 'old' }), config).description).toBe('12345');
  });

  it('refuse a text one character over the limit, naming the setting', () => {
    expect(refusal(() => parseTableDescriptionBody(req({ key: ORDERS, description: '12345678901', base: null }), config))).toEqual({
      code: 'invalid_body', message: '"description" is 11 characters long; at most 10 are allowed (editableText.tableDescLength in the UI config).',
    });
    expect(refusal(() => parseColumnDescriptionBody(req({ key: ORDERS, column_name: 'id', description: '123456', base: null }), config)).message)
      .toMatch(/at most 5 .*editableText\.columnDescLength/);
    expect(refusal(() => parseTypeMetadataDescriptionBody(req({ key: ORDERS, type_metadata_key: `${ORDERS}/p/type/p`, description: '123456', base: null }), config)).message)
      .toMatch(/editableText\.columnDescLength/);
  });

  it('take an edit of a text already over the limit (an import) as long as it does not grow, and refuse one that does, saying why', () => {
    const imported = 'x'.repeat(30); // three times tableDescLength
    const fixed = `${'x'.repeat(28)}y`; // a typo fixed, one character shorter
    expect(parseTableDescriptionBody(req({ key: ORDERS, description: fixed, base: imported }), config).description).toBe(fixed);
    expect(parseTableDescriptionBody(req({ key: ORDERS, description: imported.replace('x', 'z'), base: imported }), config).description).toHaveLength(30);
    expect(refusal(() => parseTableDescriptionBody(req({ key: ORDERS, description: `${imported}!`, base: imported }), config))).toEqual({
      code: 'invalid_body',
      message: '"description" is 31 characters long; at most 30 are allowed: the text it began from was already over the 10 of editableText.tableDescLength in the UI config, and an edit may not make it longer.',
    });
    // Columns and nested types by their own limit; a base within the limit allows no more than the limit.
    expect(parseColumnDescriptionBody(req({ key: ORDERS, column_name: 'id', description: '12345678', base: '123456789' }), config).description).toBe('12345678');
    expect(parseTypeMetadataDescriptionBody(req({ key: ORDERS, type_metadata_key: `${ORDERS}/p/type/p`, description: '1234567', base: '1234567' }), config).description).toBe('1234567');
    expect(refusal(() => parseColumnDescriptionBody(req({ key: ORDERS, column_name: 'id', description: '123456', base: '1234' }), config)).message).toMatch(/at most 5 are allowed \(editableText/);
  });

  it('count an emoji as one character, as the page does: ten emoji fit a limit of 10, eleven are refused as 11 characters', () => {
    const ten = '😀'.repeat(10); // 20 UTF-16 units
    expect(parseTableDescriptionBody(req({ key: ORDERS, description: ten, base: null }), config).description).toBe(ten);
    expect(refusal(() => parseTableDescriptionBody(req({ key: ORDERS, description: `${ten}😀`, base: null }), config)).message).toMatch(/^"description" is 11 characters long; at most 10/);
    expect(parseColumnDescriptionBody(req({ key: ORDERS, column_name: 'id', description: '📦📦📦📦📦', base: null }), config).description).toBe('📦📦📦📦📦');
  });

  // The exploratory tester's PUT of "a\u0000b \u202Eevil\u202C ok" was stored (200).
  it('refuse a NUL or other control character, and a bidirectional override, naming the character and its position', () => {
    const wide = toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'IdP', indexUsers: false, indexDashboards: true, logoUrl: null });
    expect(refusal(() => parseTableDescriptionBody(req({ key: ORDERS, description: 'a\u0000b \u202Eevil\u202C ok', base: null }), wide))).toEqual({
      code: 'invalid_body',
      message: '"description" holds a control character (U+0000) at character 2; remove it. Only tab, line feed and carriage return are allowed among control characters, and no bidirectional embeddings or overrides (U+202A–U+202E).',
    });
    expect(refusal(() => parseColumnDescriptionBody(req({ key: ORDERS, column_name: 'id', description: '😀 \u202Eevil', base: null }), wide)).message)
      .toMatch(/^"description" holds a bidirectional override \(U\+202E\) at character 3;/);
    for (const control of ['\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F', '\u202A']) {
      expect(refusal(() => parseTypeMetadataDescriptionBody(req({ key: ORDERS, type_metadata_key: `${ORDERS}/p/type/p`, description: `x${control}`, base: null }), wide)).code).toBe('invalid_body');
    }
    // Tab, line feed, carriage return, and what right-to-left text needs (isolates, marks), stay.
    const kept = 'a\tb\r\nc \u2067שלום\u2069 \u200F.';
    expect(parseTableDescriptionBody(req({ key: ORDERS, description: kept, base: null }), wide).description).toBe(kept);
  });

  it('refuse a body without "base", saying what it holds and what it is for', () => {
    for (const parse of [
      () => parseTableDescriptionBody(req({ key: ORDERS, description: 'x' }), config),
      () => parseColumnDescriptionBody(req({ key: ORDERS, column_name: 'id', description: 'x' }), config),
      () => parseTypeMetadataDescriptionBody(req({ key: ORDERS, type_metadata_key: `${ORDERS}/p/type/p`, description: 'x' }), config),
    ]) {
      expect(refusal(parse)).toEqual({
        code: 'invalid_body',
        message: expect.stringMatching(/^"base" is required: the description the edit began from, as read before editing \(null when there was none\)\. It detects conflicting edits: .*409 edit_conflict/),
      });
    }
  });

  it('refuse a column name that is empty or holds a slash, an empty nested type key and a key that is no table key', () => {
    for (const column_name of ['', ' ', 'a/b']) {
      expect(refusal(() => parseColumnDescriptionBody(req({ key: ORDERS, column_name, description: 'x', base: null }), config)).message).toMatch(/"column_name"/);
    }
    expect(refusal(() => parseTypeMetadataDescriptionBody(req({ key: ORDERS, type_metadata_key: ' ', description: 'x', base: null }), config)).message).toMatch(/"type_metadata_key"/);
    expect(refusal(() => parseTableDescriptionBody(req({ key: 'hive://orders', description: 'x', base: null }), config))).toMatchObject({ code: 'invalid_key' });
    expect(refusal(() => parseTableDescriptionBody(req({ key: `hive://gold.s/${'t'.repeat(2048)}`, description: 'x', base: null }), config)).message).toMatch(/longer than 2048/);
  });
});

describe('keys', () => {
  it('refuse a "." or ".." path segment, which a proxy could resolve to another resource than the one checked', () => {
    for (const key of [`${ORDERS}/../customers`, 'hive://gold.sales/./orders', `${ORDERS}/..`, '../hive://gold.sales/orders', './hive://gold.sales/orders']) {
      expect(refusal(() => parseTagBody(req({ key, tag: 'x' }), 'table', 'add'))).toEqual({ code: 'invalid_key', message: '"key" must not contain "." or ".." path segments.' });
    }
    const typeKey = `${ORDERS}/payload/type/payload/../../../../customers/id/type/id`;
    expect(refusal(() => parseTypeMetadataDescriptionBody(req({ key: ORDERS, type_metadata_key: typeKey, description: 'x', base: null }), config)).code).toBe('invalid_key');
    // Dots inside a name are no segment.
    expect(parseTagBody(req({ key: 'hive://gold.sales/orders..v2', tag: 'x' }), 'table', 'add').key).toBe('hive://gold.sales/orders..v2');
  });
});

describe('tag bodies', () => {
  it("take a new tag only by Amundsen's rule", () => {
    expect(parseTagBody(req({ key: ORDERS, tag: 'finance_2025' }), 'table', 'add')).toEqual({ key: ORDERS, tag: 'finance_2025' });
    expect(refusal(() => parseTagBody(req({ key: ORDERS, tag: 'Finance' }), 'table', 'add'))).toEqual({
      code: 'invalid_tag', message: 'The tag "Finance" must use only lower-case letters, digits and _ (such as "finance_core").',
    });
  });

  it('remove any one-segment tag the catalog may hold, even one the rule would refuse now', () => {
    expect(parseTagBody(req({ key: DASHBOARD, tag: 'Legacy Tag' }), 'dashboard', 'remove').tag).toBe('Legacy Tag');
    for (const tag of ['', 'a/b']) expect(refusal(() => parseTagBody(req({ key: ORDERS, tag }), 'table', 'remove')).code).toBe('invalid_tag');
  });

  it('check the key against the resource: a table key for a table, a dashboard uri for a dashboard', () => {
    expect(refusal(() => parseTagBody(req({ key: 'orders', tag: 'x' }), 'table', 'add')).code).toBe('invalid_key');
    expect(refusal(() => parseTagBody(req({ key: 'revenue', tag: 'x' }), 'dashboard', 'add')).message).toMatch(/not a dashboard uri/);
  });
});

describe('owner and bookmark bodies', () => {
  it('add an owner id trimmed, with or without "/", refusing one with a space, an empty one and one over 320 characters', () => {
    expect(parseOwnerBody(req({ key: ORDERS, owner: '  ann@example.org ' }), 'add')).toEqual({ key: ORDERS, owner: 'ann@example.org' });
    expect(parseOwnerBody(req({ key: ORDERS, owner: ' team/ana@example.org' }), 'add')).toEqual({ key: ORDERS, owner: 'team/ana@example.org' });
    for (const owner of ['', ' ', 'ann berg', 'ann\tberg', `${'a'.repeat(309)}@example.org`]) {
      expect(refusal(() => parseOwnerBody(req({ key: ORDERS, owner }), 'add')).message, owner).toMatch(/^An owner must be a user id/);
    }
    expect(parseOwnerBody(req({ key: ORDERS, owner: `${'a'.repeat(308)}@example.org` }), 'add').owner).toHaveLength(320);
  });

  it('remove any owner the table can show, exactly as sent: spaces, "/", more than 320 characters', () => {
    for (const owner of ['Jane Doe', ' ann@example.org ', 'team/ana@example.org', "o'brien/ä#1?x=y z", 'x'.repeat(2048)]) {
      expect(parseOwnerBody(req({ key: ORDERS, owner }), 'remove'), owner).toEqual({ key: ORDERS, owner });
    }
    expect(refusal(() => parseOwnerBody(req({ key: ORDERS, owner: '' }), 'remove'))).toEqual({ code: 'invalid_body', message: 'There can be no owner "".' });
    expect(refusal(() => parseOwnerBody(req({ key: ORDERS, owner: 'x'.repeat(2049) }), 'remove')).code).toBe('invalid_body');
  });

  it('refuse, to add or to remove, an owner id with a control character, before asking the metadata service', () => {
    for (const change of ['add', 'remove'] as const) {
      for (const owner of ['ann\u0001@example.org', 'team/ann\u007f@example.org', ...(change === 'remove' ? ['ann\n@example.org', 'ann@example.org\r\n'] : [])]) {
        expect(refusal(() => parseOwnerBody(req({ key: ORDERS, owner }), change)), `${change} ${JSON.stringify(owner)}`).toEqual({
          code: 'invalid_user_id', message: `The user id ${JSON.stringify(owner)} holds a line break or another control character, which no person's id has.`,
        });
      }
    }
  });

  it('refuse, to add or to remove, an owner id no metadata route can carry, saying why', () => {
    for (const change of ['add', 'remove'] as const) {
      for (const owner of ['a/../b@example.org', './b@example.org', 'team/.', '..', '.']) {
        expect(refusal(() => parseOwnerBody(req({ key: ORDERS, owner }), change)), `${change} ${owner}`).toEqual({
          code: 'invalid_user_id', message: `The user id "${owner}" has a "." or ".." path segment, which the metadata service may not see as part of the id.`,
        });
      }
      for (const owner of ['team/own/ana@example.org', 'team/follow/ana@example.org', 'team/own']) {
        expect(refusal(() => parseOwnerBody(req({ key: ORDERS, owner }), change)), `${change} ${owner}`).toEqual({
          code: 'invalid_user_id', message: `The user id "${owner}" has "/own" or "/follow" between slashes, where Amundsen's metadata service would end the id.`,
        });
      }
      // Dots inside a segment, and "own" as the first segment or inside one, are ids like any other.
      for (const owner of ['a/b..c@example.org', 'own/ana@example.org', 'team/owner/ana@example.org', 'own@example.org']) {
        expect(parseOwnerBody(req({ key: ORDERS, owner }), change).owner, `${change} ${owner}`).toBe(owner);
      }
    }
  });

  it('take a bookmark of a table by its key and of a dashboard by its uri', () => {
    expect(parseBookmarkBody(req({ type: 'dashboard', key: DASHBOARD }))).toEqual({ type: 'dashboard', key: DASHBOARD });
    expect(refusal(() => parseBookmarkBody(req({ type: 'table', key: 'hive://orders' }))).code).toBe('invalid_key');
    expect(refusal(() => parseBookmarkBody(req({ type: 'user', key: ORDERS }))).message).toMatch(/"type"/);
  });
});

describe('the exact refusals (what the page shows, and the code it branches on)', () => {
  const longKey = (length: number) => `hive://gold.s/${'t'.repeat(length - 'hive://gold.s/'.length)}`;

  it('take a key of exactly 2048 characters and refuse one of 2049 with invalid_body, naming the field', () => {
    expect(parseTagBody(req({ key: longKey(2048), tag: 'x' }), 'table', 'add').key).toHaveLength(2048);
    expect(refusal(() => parseTagBody(req({ key: longKey(2049), tag: 'x' }), 'table', 'add'))).toEqual({ code: 'invalid_body', message: '"key" is longer than 2048 characters.' });
  });

  it('name the field and the expected form of a key that is no table key or dashboard uri', () => {
    expect(refusal(() => parseTagBody(req({ key: 'orders', tag: 'x' }), 'table', 'add')).message).toBe('"key": "orders" is not a table key; expected database://cluster.schema/table');
    expect(refusal(() => parseTagBody(req({ key: 'revenue', tag: 'x' }), 'dashboard', 'add')).message)
      .toBe('"key": "revenue" is not a dashboard uri; expected product_dashboard://cluster.group/dashboard');
  });

  it('refuse a column name, a nested type key and an owner with invalid_body and the message saying why', () => {
    expect(refusal(() => parseColumnDescriptionBody(req({ key: ORDERS, column_name: 'a/b', description: 'x', base: null }), config)))
      .toEqual({ code: 'invalid_body', message: '"column_name" must name one column.' });
    expect(refusal(() => parseTypeMetadataDescriptionBody(req({ key: ORDERS, type_metadata_key: ' ', description: 'x', base: null }), config)))
      .toEqual({ code: 'invalid_body', message: '"type_metadata_key" must not be empty.' });
    expect(refusal(() => parseOwnerBody(req({ key: ORDERS, owner: 'a b' }), 'add'))).toEqual({
      code: 'invalid_body', message: 'An owner must be a user id, such as an email address: at most 320 characters, with no spaces.',
    });
  });

  it('take a nested type key of exactly 2048 characters and refuse one of 2049 as no nested type\'s key', () => {
    const typeKey = (length: number) => `${ORDERS}/${'p'.repeat(length - ORDERS.length - 1)}`;
    expect(parseTypeMetadataDescriptionBody(req({ key: ORDERS, type_metadata_key: typeKey(2048), description: 'x', base: null }), config).type_metadata_key).toHaveLength(2048);
    expect(refusal(() => parseTypeMetadataDescriptionBody(req({ key: ORDERS, type_metadata_key: typeKey(2049), description: 'x', base: null }), config)))
      .toEqual({ code: 'invalid_key', message: '"type_metadata_key" is not a nested type\'s key.' });
  });

  it('remove a tag of exactly 2048 characters and refuse one of 2049, quoting it', () => {
    expect(parseTagBody(req({ key: ORDERS, tag: 'T'.repeat(2048) }), 'table', 'remove').tag).toHaveLength(2048);
    expect(refusal(() => parseTagBody(req({ key: ORDERS, tag: 'a/b' }), 'table', 'remove'))).toEqual({ code: 'invalid_tag', message: 'There can be no tag "a/b".' });
    expect(refusal(() => parseTagBody(req({ key: ORDERS, tag: 'T'.repeat(2049) }), 'table', 'remove')).code).toBe('invalid_tag');
  });

  it('check the key of column and nested type descriptions and of owners as a table key (hive://gold would pass as a dashboard uri)', () => {
    const notATable = { code: 'invalid_key', message: '"key": "hive://gold" is not a table key; expected database://cluster.schema/table' };
    expect(refusal(() => parseColumnDescriptionBody(req({ key: 'hive://gold', column_name: 'id', description: 'x', base: null }), config))).toEqual(notATable);
    expect(refusal(() => parseTypeMetadataDescriptionBody(req({ key: 'hive://gold', type_metadata_key: `${ORDERS}/p/type/p`, description: 'x', base: null }), config))).toEqual(notATable);
    expect(refusal(() => parseOwnerBody(req({ key: 'hive://gold', owner: 'ann@example.org' }), 'add'))).toEqual(notATable);
    expect(refusal(() => parseOwnerBody(req({ key: 'hive://gold', owner: 'team/ana@example.org' }), 'remove'))).toEqual(notATable);
  });
});
