import { describe, expect, it } from 'vitest';
import type { CatalogDatabase } from './open-catalog-database';
import { tempCatalogDatabases } from '../testing/temp-catalog-databases';
import { createTagBadgeRows } from './tag-badge-rows';

const catalogs = tempCatalogDatabases('tag-badge-rows-');
let db: CatalogDatabase;
const open = () => {
  db = catalogs.open();
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
