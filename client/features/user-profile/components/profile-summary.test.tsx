// @vitest-environment jsdom
// Under a profile's name, the role and the team each say what they are: "Role" and "Team" labels, not
// two bare words ("Polar explorer · Expeditions") a reader has to guess between.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalizeUser } from '../../../../contract/user';
import { renderWithApp, testConfig } from '../../../components/testing/render-with-app';
import { UserProfilePage } from './user-profile-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

function renderProfile(user: Record<string, unknown>) {
  vi.stubGlobal('fetch', vi.fn(async (path: string) => {
    if (path.includes('/user/own')) return json({ msg: 'Success', own: { table: [], dashboard: [] } });
    if (path.includes('/user/read')) return json({ msg: 'Success', read: [] });
    return json({ msg: 'Success', user: normalizeUser(user) });
  }));
  renderWithApp(<UserProfilePage userId={String(user['user_id'])} bookmarks={{ isPending: true } as never} />, { config: testConfig({}, { indexUsers: true }) });
}

const pairs = (list: HTMLElement) => within(list).getAllByRole('term').map((term) => [term.textContent, term.nextElementSibling?.textContent]);

describe("a profile's role and team", () => {
  it('are each under a label, in the header under the name', async () => {
    renderProfile({ user_id: 'roald', full_name: 'Roald Amundsen', role_name: 'Polar explorer', team_name: 'Expeditions' });
    const summary = await screen.findByTestId('profile-summary');
    expect(screen.getByRole('heading', { level: 1 }).closest('header')!.contains(summary)).toBe(true);
    expect(pairs(summary)).toEqual([
      ['Role', 'Polar explorer'],
      ['Team', 'Expeditions'],
    ]);
  });

  it('say only what is known: a team without a role is labelled a team', async () => {
    renderProfile({ user_id: 'liv', full_name: 'Liv Arnesen', team_name: 'Expeditions' });
    expect(pairs(await screen.findByTestId('profile-summary'))).toEqual([['Team', 'Expeditions']]);
  });

  it('are left out when neither is known', async () => {
    renderProfile({ user_id: 'borge', full_name: 'Børge Ousland' });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Børge Ousland');
    expect(screen.queryByTestId('profile-summary')).toBeNull();
  });
});
