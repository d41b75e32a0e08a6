// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { DRAFT_MAX_AGE_MS, descriptionDraftSlot, discardAllDescriptionDrafts, hasDescriptionDraftUnder } from './description-drafts';

afterEach(() => sessionStorage.clear());

const ROALD = 'roald.amundsen@example.org';
const LIV = 'liv.arnesen@example.org';
const ID = 'table:hive://gold.sales/orders:description';

describe('description drafts', () => {
  it('keeps a person’s text and the text it began from in the tab’s session storage, and nothing else', () => {
    descriptionDraftSlot(ROALD, ID).write({ text: 'Orders paid online', base: 'Orders' });
    expect(descriptionDraftSlot(ROALD, ID).read()).toEqual({ text: 'Orders paid online', base: 'Orders' });
    expect(sessionStorage.length).toBe(1);
    const stored = JSON.parse(sessionStorage.getItem(sessionStorage.key(0)!)!) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['base', 'owner', 'savedAt', 'text', 'v']);
  });

  it('keeps one draft per field', () => {
    descriptionDraftSlot(ROALD, ID).write({ text: 'table text', base: null });
    descriptionDraftSlot(ROALD, 'table:hive://gold.sales/orders:column:order_id').write({ text: 'column text', base: null });
    expect(descriptionDraftSlot(ROALD, ID).read()?.text).toBe('table text');
    descriptionDraftSlot(ROALD, ID).discard();
    expect(descriptionDraftSlot(ROALD, ID).read()).toBeNull();
    expect(descriptionDraftSlot(ROALD, 'table:hive://gold.sales/orders:column:order_id').read()?.text).toBe('column text');
  });

  it('never shows one person’s draft to another who signs in in the same tab, and drops it', () => {
    descriptionDraftSlot(ROALD, ID).write({ text: 'Roald’s words', base: null });
    expect(descriptionDraftSlot(LIV, ID).read()).toBeNull();
    expect(hasDescriptionDraftUnder(LIV, 'table:')).toBe(false);
    expect(sessionStorage.length).toBe(0);
  });

  it('drops a draft older than a day, and anything it cannot read', () => {
    let now = 1_000_000;
    descriptionDraftSlot(ROALD, ID, { now: () => now }).write({ text: 'old words', base: null });
    now += DRAFT_MAX_AGE_MS - 1;
    expect(descriptionDraftSlot(ROALD, ID, { now: () => now }).read()?.text).toBe('old words');
    now += 2;
    expect(descriptionDraftSlot(ROALD, ID, { now: () => now }).read()).toBeNull();
    expect(sessionStorage.length).toBe(0);

    sessionStorage.setItem(`nansen:description-draft:${ID}`, '{not json');
    expect(descriptionDraftSlot(ROALD, ID).read()).toBeNull();
    sessionStorage.setItem(`nansen:description-draft:${ID}`, JSON.stringify({ v: 1, owner: ROALD, text: 5, base: null, savedAt: Date.now() }));
    expect(descriptionDraftSlot(ROALD, ID).read()).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });

  it('tells whether any field under a prefix has a draft (a nested field under a closed column)', () => {
    descriptionDraftSlot(ROALD, 'table:T:type:T/address/type/address/geo/lat').write({ text: 'Latitude', base: null });
    expect(hasDescriptionDraftUnder(ROALD, 'table:T:type:T/address/type/address/')).toBe(true);
    expect(hasDescriptionDraftUnder(ROALD, 'table:T:type:T/address/type/address/geo/')).toBe(true);
    expect(hasDescriptionDraftUnder(ROALD, 'table:T:type:T/address/type/address/street/')).toBe(false);
    expect(hasDescriptionDraftUnder(ROALD, 'table:U:')).toBe(false);
  });

  it('drops every draft of the tab on logout, and nothing else kept there', () => {
    descriptionDraftSlot(ROALD, ID).write({ text: 'one', base: null });
    descriptionDraftSlot(ROALD, 'table:T:column:c').write({ text: 'two', base: null });
    sessionStorage.setItem('something-else', 'stays');
    discardAllDescriptionDrafts();
    expect(Object.keys(sessionStorage)).toEqual(['something-else']);
  });

  it('works without storage, and when the storage refuses to write', () => {
    const none = descriptionDraftSlot(ROALD, ID, { storage: null });
    none.write({ text: 'words', base: null });
    expect(none.read()).toBeNull();
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {},
      key: () => null,
      length: 0,
      clear: () => {},
    } satisfies Storage;
    expect(() => descriptionDraftSlot(ROALD, ID, { storage: full }).write({ text: 'words', base: null })).not.toThrow();
  });
});
