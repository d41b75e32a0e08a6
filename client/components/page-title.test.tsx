// @vitest-environment jsdom
// A window title (tab text, what a screen reader says on arriving) bounded: a very long table or
// dashboard name keeps its start and its end, not all of it.
import { cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { boundedTitle, MAX_PAGE_TITLE_LENGTH, PageTitle } from './page-title';
import { renderWithApp } from './testing/render-with-app';

afterEach(cleanup);

const long = `warehouse_${'x'.repeat(150)}.customer_orders_by_region_and_channel_daily`;

describe('PageTitle', () => {
  it('keeps a long name’s start and end in the window title, with "…" between', async () => {
    renderWithApp(<PageTitle title={long} />);
    await waitFor(() => expect(document.title).toMatch(/^warehouse_x{10}….*customer_orders_by_region_and_channel_daily · Nansen$/));
    expect(Array.from(document.title.replace(/ · Nansen$/, '')).length).toBe(MAX_PAGE_TITLE_LENGTH);
  });

  it('leaves a title of the most length as it is, and a search’s longest', async () => {
    renderWithApp(<PageTitle title={'s.' + 'a'.repeat(MAX_PAGE_TITLE_LENGTH - 2)} />);
    await waitFor(() => expect(document.title).toBe(`s.${'a'.repeat(MAX_PAGE_TITLE_LENGTH - 2)} · Nansen`));
    const search = `${'orders'.repeat(9)}order… – Search`;
    expect(boundedTitle(search)).toBe(search);
  });
});

describe('boundedTitle', () => {
  it('says what kind of page it is and which table', () => {
    const title = boundedTitle(`Lineage of ${long}`);
    expect(title.startsWith('Lineage of warehouse…')).toBe(true);
    expect(title.endsWith('customer_orders_by_region_and_channel_daily')).toBe(true);
  });

  it('splits no emoji and leaves no space by the "…"', () => {
    const emoji = boundedTitle('🧊'.repeat(100));
    expect(Array.from(emoji)).toHaveLength(MAX_PAGE_TITLE_LENGTH);
    expect(emoji.replace(/🧊/g, '')).toBe('…');
    expect(boundedTitle(`Lineage of a long   ${'y'.repeat(80)}   ${'z'.repeat(46)}`)).toBe(`Lineage of a long…${'z'.repeat(46)}`);
  });

  it('keeps a short bound to a third start and the rest end', () => {
    expect(boundedTitle('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abc…uvwxyz');
  });
});
