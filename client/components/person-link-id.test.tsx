// @vitest-environment jsdom
// Without profiles, two people of one name are told apart by their user id: a tooltip on the name and
// said after it by screen readers; an email-like id makes the name an email link.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PersonLink } from './person-link';
import { renderWithApp, testConfig } from './testing/render-with-app';

afterEach(cleanup);

const off = { config: testConfig({}, { indexUsers: false }) };

describe('PersonLink without profiles', () => {
  it('makes the name of a person with an email-like id an email link, the id its tooltip and said after the name', () => {
    renderWithApp(<PersonLink user={{ user_id: 'liv.arnesen@example.org', display_name: 'Liv Arnesen', profile_url: null }} />, off);
    const link = screen.getByRole('link', { name: /^Liv Arnesen ?\(email liv\.arnesen@example\.org\)$/ });
    expect(link.getAttribute('href')).toBe('mailto:liv.arnesen@example.org');
    expect(link.getAttribute('title')).toBe('Email liv.arnesen@example.org');
  });

  it('tells two people of one name apart by their ids when neither can be linked', () => {
    renderWithApp(
      <ul>
        <li><PersonLink user={{ user_id: 'liv', display_name: 'Liv Arnesen', profile_url: null }} /></li>
        <li><PersonLink user={{ user_id: 'liv2', display_name: 'Liv Arnesen', profile_url: null }} /></li>
      </ul>,
      off,
    );
    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Liv Arnesen (liv)', 'Liv Arnesen (liv2)']);
    expect(items.map((item) => item.querySelector('[title]')?.getAttribute('title'))).toEqual(['liv', 'liv2']);
  });

  it('adds nothing to a name that is the id itself, and leaves profile links (profiles on) as they were', () => {
    renderWithApp(<PersonLink user={{ user_id: 'svc-loader', display_name: 'svc-loader', profile_url: null }} />, off);
    expect(screen.getByText('svc-loader').getAttribute('title')).toBeNull();
    cleanup();
    renderWithApp(<PersonLink user={{ user_id: 'liv.arnesen@example.org', display_name: 'Liv Arnesen', profile_url: null }} />, { config: testConfig({}, { indexUsers: true }) });
    const link = screen.getByRole('link', { name: 'Liv Arnesen' });
    expect(link.getAttribute('href')).toBe('/user/liv.arnesen%40example.org');
    expect(link.getAttribute('title')).toBeNull();
  });
});
