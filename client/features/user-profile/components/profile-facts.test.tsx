// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp, testUser } from '../../../components/testing/render-with-app';
import { normalizeUser } from '../../../../contract/user';
import { ProfileFacts } from './profile-header';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const renderFacts = (otherKeyValues: Record<string, string>) => {
  const user = { ...normalizeUser({ user_id: 'roald', email: 'roald.amundsen@example.org', full_name: 'Roald Amundsen' })!, other_key_values: otherKeyValues };
  return render(
    <MemoryRouter>
      <ProfileFacts user={user} />
    </MemoryRouter>,
  );
};

/** The description list as [term, description] pairs. */
const pairs = (list: HTMLElement) => within(list).getAllByRole('term').map((term) => [term.textContent, term.nextElementSibling?.textContent]);

describe('a profile\'s other facts', () => {
  it('shows metadata\'s other_key_values as labelled facts after the others, values as text', () => {
    const { container } = renderFacts({ office: 'Oslo', cost_center: 'CC-42', note: '<b>bold</b>' });
    expect(pairs(container.querySelector('dl')!)).toEqual([
      ['Email', 'roald.amundsen@example.org'],
      ['Office', 'Oslo'],
      ['Cost center', 'CC-42'],
      ['Note', '<b>bold</b>'],
    ]);
    expect(container.querySelector('b')).toBeNull();
  });

  it('shows nothing more when there are none', () => {
    const { container } = renderFacts({});
    expect(pairs(container.querySelector('dl')!)).toEqual([['Email', 'roald.amundsen@example.org']]);
    expect(screen.queryByText('Office')).toBeNull();
  });
});

/** A fetch that knows only the people in `known`: 404 for anybody else. Returns the ids asked about. */
function stubPeople(known: string[]): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const id = new URL(String(input), 'http://nansen.test').searchParams.get('user_id')!;
    asked.push(id);
    return known.includes(id)
      ? new Response(JSON.stringify({ msg: 'Success', user: testUser({ user_id: id }) }), { status: 200, headers: { 'content-type': 'application/json' } })
      : new Response(JSON.stringify({ error: { name: 'NotFoundError', code: 'not_found', message: `No user ${id}` } }), { status: 404, headers: { 'content-type': 'application/json' } });
  }));
  return asked;
}

const withManager = (fields: Parameters<typeof normalizeUser>[0]) => normalizeUser({ user_id: 'roald', email: 'roald.amundsen@example.org', full_name: 'Roald Amundsen', ...fields })!;
const managerFact = (container: HTMLElement) => within(container.querySelector('dl')!).getByText('Manager').nextElementSibling as HTMLElement;

describe('a profile\'s manager', () => {
  it('links to the manager\'s profile once the catalog has it', async () => {
    const asked = stubPeople(['fridtjof@example.org']);
    const { container } = renderWithApp(<ProfileFacts user={withManager({ manager_id: 'fridtjof@example.org', manager_fullname: 'Fridtjof Nansen' })} />);
    const link = await within(container).findByRole('link', { name: 'Fridtjof Nansen' });
    expect(link.getAttribute('href')).toBe('/user/fridtjof%40example.org');
    expect(asked).toEqual(['fridtjof@example.org']);
  });

  it('writes to a manager the catalog does not have, by their address, rather than linking to "No such person"', async () => {
    stubPeople([]);
    const { container } = renderWithApp(<ProfileFacts user={withManager({ manager_id: 'hjalmar@example.org', manager_fullname: 'Hjalmar Johansen' })} />);
    // Plain text while asking.
    expect(managerFact(container).querySelector('a')).toBeNull();
    const link = await within(container).findByRole('link', { name: 'Hjalmar Johansen' });
    expect(link.getAttribute('href')).toBe('mailto:hjalmar@example.org');
  });

  it('names an unknown manager with no address as plain text', async () => {
    const asked = stubPeople([]);
    const { container } = renderWithApp(<ProfileFacts user={withManager({ manager_id: 'hjalmar', manager_fullname: 'Hjalmar Johansen' })} />);
    await vi.waitFor(() => expect(asked).toEqual(['hjalmar']));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(managerFact(container).textContent).toBe('Hjalmar Johansen');
    expect(managerFact(container).querySelector('a')).toBeNull();
  });
});

describe('a profile\'s email', () => {
  it('is shown only when it is an address: a bare id named as an owner ("liv", "<b>x</b>") has none', () => {
    for (const id of ['liv', '<b>x</b>']) {
      const { container, unmount } = render(<MemoryRouter><ProfileFacts user={normalizeUser({ user_id: id, email: id })!} /></MemoryRouter>);
      expect(within(container).queryByText('Email')).toBeNull();
      expect(within(container).queryByText(id)).toBeNull();
      expect(within(container).getByText('The catalog knows nothing more about them than their id.')).toBeTruthy();
      unmount();
    }
  });
});

describe('a profile\'s profile page', () => {
  const withProfileUrl = (profile_url: string) => normalizeUser({ user_id: 'roald', email: 'roald.amundsen@example.org', full_name: 'Roald Amundsen', profile_url })!;

  it('is a link for a web address', () => {
    const { container } = render(<MemoryRouter><ProfileFacts user={withProfileUrl('https://people.example.org/roald')} /></MemoryRouter>);
    expect(within(container).getByRole('link', { name: /Profile page/ }).getAttribute('href')).toBe('https://people.example.org/roald');
  });

  it('is left out, never a link nor a dead label, for an address that is not http(s)', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.org/roald', 'not a url']) {
      const { container, unmount } = render(<MemoryRouter><ProfileFacts user={withProfileUrl(url)} /></MemoryRouter>);
      expect(within(container).queryByText('Profile'), url).toBeNull();
      expect(within(container).queryByText('Profile page'), url).toBeNull();
      expect(container.querySelector('a[href^="javascript"], a[href^="data"]')).toBeNull();
      unmount();
    }
  });
});
