import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogDatabase, type CatalogDatabase } from './open-catalog-database';
import { createTagBadgeRows } from './tag-badge-rows';

let dir: string;
let db: CatalogDatabase;
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});
const open = () => {
  dir = mkdtempSync(join(tmpdir(), 'tag-badge-rows-'));
  db = openCatalogDatabase(join(dir, 'catalog.db'));
  return createTagBadgeRows(db);
};

describe('tag and badge rows', () => {
  it('creates a tag once and finds the same row after, keeping the type it was created with', () => {
    const rows = open();
    expect(rows.findTag('pii')).toBeUndefined();
    const id = rows.ensureTag('pii', 'curated');
    expect(rows.ensureTag('pii')).toBe(id);
    expect(rows.findTag('pii')).toBe(id);
    expect(db.prepare('SELECT tag_type FROM tags WHERE id = ?').pluck().get(id)).toBe('curated');
    expect(db.prepare('SELECT tag_type FROM tags WHERE id = ?').pluck().get(rows.ensureTag('finance'))).toBe('default');
  });

  it('tells badges apart by name and category', () => {
    const rows = open();
    const column = rows.ensureBadge({ badge_name: 'PK', category: 'column' });
    expect(rows.ensureBadge({ badge_name: 'PK', category: 'column' })).toBe(column);
    expect(rows.ensureBadge({ badge_name: 'PK', category: 'table_status' })).not.toBe(column);
    expect(rows.findBadge({ badge_name: 'PK', category: 'other' })).toBeUndefined();
    expect(db.prepare('SELECT count(*) FROM badges').pluck().get()).toBe(2);
  });
});
