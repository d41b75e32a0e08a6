// @vitest-environment jsdom
// Where a profile's side panel stands under the person's lists (820 px and less), the end of the header
// says how to reach them, email and manager, with the link down to the panel (decision 108).
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalizeUser } from '../../../../contract/user';
import { renderWithApp, testConfig } from '../../../components/testing/render-with-app';
import { profileKeyFacts, UserProfilePage } from './user-profile-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

function stubCatalog(user: Record<string, unknown>) {
  vi.stubGlobal('fetch', vi.fn(async (path: string) => {
    if (path.includes('/user/own')) return json({ msg: 'Success', own: { table: [], dashboard: [] } });
    if (path.includes('/user/read')) return json({ msg: 'Success', read: [] });
    return json({ msg: 'Success', user: normalizeUser(user) });
  }));
}

const bookmarks = { isPending: true } as never;
const keyFactPairs = (facts: HTMLElement) => within(facts).getAllByRole('term').map((term) => [term.textContent, term.nextElementSibling?.textContent]);

describe("a profile's key facts", () => {
  it('says their manager and email at the end of the header, with a link that goes to the side panel', async () => {
    stubCatalog({ user_id: 'shafi.goldwasser@example.org', email: 'shafi.goldwasser@example.org', full_name: 'Shafi Goldwasser', manager_fullname: 'Fridtjof Nansen', manager_id: 'fridtjof.nansen@example.org' });
    renderWithApp(<UserProfilePage userId="shafi.goldwasser@example.org" bookmarks={bookmarks} />, { config: testConfig({}, { indexUsers: true }) });
    const facts = await screen.findByTestId('key-facts');
    expect(screen.getByRole('heading', { level: 1 }).closest('header')!.contains(facts)).toBe(true);
    expect(keyFactPairs(facts)).toEqual([
      ['Manager', 'Fridtjof Nansen'],
      ['Email', 'shafi.goldwasser@example.org'],
    ]);
    const side = screen.getByRole('complementary', { name: 'About Shafi Goldwasser' });
    expect(within(facts).getByRole('link', { name: 'Manager, email and more' }).getAttribute('href')).toBe(`#${side.id}`);
  });

  it('says "No manager" for someone with an email and no manager', () => {
    const facts = profileKeyFacts(normalizeUser({ user_id: 'liv', email: 'liv@example.org' })!);
    expect(facts?.facts.map((f) => [f.label, f.names.length > 0 ? f.names.join() : f.none])).toEqual([
      ['Manager', 'No manager'],
      ['Email', 'liv@example.org'],
    ]);
  });

  it('has none for someone known only by an id (no email address, no manager): the panel is short and says so', async () => {
    expect(profileKeyFacts(normalizeUser({ user_id: 'ghost' })!)).toBeUndefined();
    stubCatalog({ user_id: 'ghost' });
    renderWithApp(<UserProfilePage userId="ghost" bookmarks={bookmarks} />, { config: testConfig({}, { indexUsers: true }) });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('ghost');
    expect(screen.queryByTestId('key-facts')).toBeNull();
  });
});
