// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { tagSearchPath } from '../app/paths';
import { HighlightedText } from './highlighted-text';
import { TagCloud } from './tag-cloud';

afterEach(cleanup);

describe('TagCloud', () => {
  it('lists tags as links to the search filtered by them, each with how often it is used', () => {
    render(
      <MemoryRouter>
        <TagCloud label="All tags" tags={[{ name: 'pii', count: 1250 }, { name: 'new_tag' }]} />
      </MemoryRouter>,
    );
    const list = screen.getByRole('list', { name: 'All tags' });
    const pii = within(list).getByRole('link', { name: 'pii, used 1,250 times' });
    // Counts add up tables and dashboards: the search opens whichever carries the tag.
    expect(pii.getAttribute('href')).toBe('/search?term=&resource=any&filters=%7B%22tag%22%3A%7B%22value%22%3A%22pii%22%7D%7D');
    expect(pii.getAttribute('title')).toBe('Search for tables or dashboards tagged pii');
    expect(within(list).getByRole('link', { name: 'new_tag' }).getAttribute('href')).toBe(tagSearchPath('new_tag', 'any'));
  });

  it('leads to dashboards when asked', () => {
    render(
      <MemoryRouter>
        <TagCloud label="Tags" resource="dashboard" tags={[{ name: 'kpi', count: 3 }]} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link').getAttribute('href')).toBe(tagSearchPath('kpi', 'dashboard'));
  });
});

describe('HighlightedText', () => {
  it('marks matches and keeps the rest as plain text, so names keep their spaces', () => {
    render(
      <a href="/user/liv">
        <HighlightedText source="<em>Liv</em> Arnesen &amp; co" />
      </a>,
    );
    const link = screen.getByRole('link', { name: 'Liv Arnesen & co' });
    expect(within(link).getByText('Liv').tagName).toBe('MARK');
  });
});
