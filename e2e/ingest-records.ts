// Journeys that need records of their own load them into the instance's catalog file through ingest
// itself (what `npm run catalog:ingest` does), and fail at once if any record is rejected.
import { ingestNdjson } from '../server/catalog/ingest/ingest-ndjson';
import { openCatalogDatabase } from '../server/catalog/store/open-catalog-database';
import { expect } from './fixtures';

export async function ingestRecords(catalogDbPath: string, records: readonly object[]): Promise<void> {
  const db = openCatalogDatabase(catalogDbPath);
  try {
    const summary = await ingestNdjson(db, records.map((r) => `${JSON.stringify(r)}\n`));
    expect(summary.rejected).toEqual([]);
  } finally {
    db.close();
  }
}
