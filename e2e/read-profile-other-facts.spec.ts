// What metadata keeps about a person beyond the usual fields (`other_key_values`: office, cost center…)
// on their profile: each under its key in words, a long value wrapping within the side panel at every
// width (no sideways scroll: captureWidths checks it).
import { openCatalogDatabase } from '../server/catalog/store/open-catalog-database';
import { captureWidths, expect, test } from './fixtures';

test.use({ profiles: 'on' });

const PERSON = { id: 'hedy.lamarr@example.org', name: 'Hedy Lamarr' };
const LONG = 'Frequency-hopping spread spectrum, shared with the whole expedition team as one unbroken string: ' + 'x'.repeat(120);

function giveOtherFacts(dbPath: string) {
  const db = openCatalogDatabase(dbPath);
  try {
    const changed = db.prepare('UPDATE users SET other_key_values = ? WHERE user_id = ?').run(JSON.stringify({ office: 'Oslo', cost_center: 'CC-42', research_note: LONG }), PERSON.id).changes;
    expect(changed, `${PERSON.id} is in the demo catalog`).toBe(1);
  } finally {
    db.close();
  }
}

test("a profile lists metadata's other facts about the person, long ones wrapped", async ({ page, catalogDbPath }, testInfo) => {
  giveOtherFacts(catalogDbPath);
  await page.goto(`/user/${encodeURIComponent(PERSON.id)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PERSON.name);
  const about = page.getByRole('complementary', { name: `About ${PERSON.name}` });
  for (const [label, value] of [['Office', 'Oslo'], ['Cost center', 'CC-42'], ['Research note', LONG]]) {
    await expect(about.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) })).toBeVisible();
    await expect(about.getByRole('definition').filter({ hasText: value })).toBeVisible();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, 'profile-other-facts');
});
