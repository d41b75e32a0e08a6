// @vitest-environment jsdom
// People among the search box's suggestions: their name, then (after a comma only screen readers get)
// whether they have left and their email — but a person known by no name, shown by their id, is not
// named twice ("ghost@example.org, ghost@example.org").
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { searchPath } from '../../../app/paths';
import { person, renderAt, stubSearch, testConfig } from '../testing/search-fixtures';
import { loadSuggestions, SearchForm } from './search-form';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('people among the search suggestions', () => {
  it('say a person’s email after their name, and a person with no name by their id once', async () => {
    stubSearch(() => ({
      user: {
        total_results: 3,
        results: [
          person('Liv Arnesen'),
          { ...person('ghost'), user_id: 'ghost@example.org', email: 'ghost@example.org', display_name: 'ghost@example.org', full_name: null },
          { ...person('gone'), user_id: 'gone@example.org', email: 'gone@example.org', display_name: 'gone@example.org', full_name: null, is_active: false },
        ],
      },
    }));
    renderAt('/', '*', <SearchForm variant="home" label="Search for data" placeholder="Search" searchPathFor={(term) => searchPath({ term })} />, testConfig({}, { indexUsers: true }));
    await act(() => loadSuggestions());
    await userEvent.setup().type(await screen.findByRole('combobox', { name: 'Search for data' }), 'gh');
    const people = within(await screen.findByRole('group', { name: 'People' }));
    expect((await people.findAllByRole('option')).map((o) => o.textContent)).toEqual([
      'Liv Arnesen, liv.arnesen@example.org',
      'ghost@example.org',
      'gone@example.org, No longer active',
    ]);
  });
});
