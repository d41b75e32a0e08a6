// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Badge } from '../../../../contract/api-common';
import { renderWithApp } from '../../../components/testing/render-with-app';
import { HomeBrowse } from './home-browse';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function stubCatalog(badges: Badge[]) {
  vi.stubGlobal('fetch', vi.fn(async (path: string) => {
    const body = path.endsWith('/badges') ? { msg: 'Success', badges } : { msg: 'Success', tags: [] };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }));
}

describe('the home page\'s Browse card', () => {
  it('says there are no badges yet, as it says of tags, in an empty catalog (not a bare heading)', async () => {
    stubCatalog([]);
    renderWithApp(<HomeBrowse />);
    expect(await screen.findByText('No tags yet.')).toBeTruthy();
    expect(await screen.findByText('No badges yet.')).toBeTruthy();
  });

  it('counts only table badges: with column badges alone it has none to show', async () => {
    stubCatalog([{ badge_name: 'pk', category: 'column' }]);
    renderWithApp(<HomeBrowse />);
    expect(await screen.findByText('No badges yet.')).toBeTruthy();
  });

  it('lists the table badges when there are some', async () => {
    stubCatalog([{ badge_name: 'gold', category: 'table_status' }]);
    renderWithApp(<HomeBrowse />);
    expect(await screen.findByRole('list', { name: 'Badges' })).toBeTruthy();
    expect(screen.queryByText('No badges yet.')).toBeNull();
  });
});
