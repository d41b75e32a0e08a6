// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeUser } from '../../../../contract/user';
import { ProfileFacts } from './profile-header';

afterEach(cleanup);

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
