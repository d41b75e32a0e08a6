// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { namesInWords, personInWords } from './key-facts';
import { ResourcePage } from './resource-page';

afterEach(cleanup);

function renderPage(withSide = true) {
  return render(
    <ResourcePage
      eyebrow="Table · Hive"
      title="sales.orders"
      header={<a href="/lineage">Lineage</a>}
      side={
        withSide ? (
          <ul aria-label="Owners">
            <li>
              <a href="/user/roald">Roald Amundsen</a>
            </li>
          </ul>
        ) : undefined
      }
      sideLabel="About this table"
      keyFacts={{
        facts: [
          { label: 'Owners', names: ['Roald Amundsen', 'Liv Arnesen', 'Børge Ousland', 'Fridtjof Nansen'], none: 'No owners' },
          { label: 'Tags', names: [], none: 'No tags' },
        ],
        linkText: 'Owners, tags and more',
      }}
    >
      <p>Columns</p>
    </ResourcePage>,
  );
}

describe('namesInWords and personInWords', () => {
  it('names the first few and counts the rest, or says there are none', () => {
    expect(namesInWords(['a', 'b', 'c'], 'No owners')).toBe('a, b, c');
    expect(namesInWords(['a', 'b', 'c', 'd', 'e'], 'No owners')).toBe('a, b, c and 2 more');
    expect(namesInWords(['a', 'b'], 'No tags', 1)).toBe('a and 1 more');
    expect(namesInWords([], 'No tags')).toBe('No tags');
  });

  it('names a person by the name shown, else the id, saying one who has left is no longer active', () => {
    expect(personInWords({ user_id: 'roald', display_name: 'Roald Amundsen' })).toBe('Roald Amundsen');
    expect(personInWords({ user_id: 'roald', display_name: '' })).toBe('roald');
    expect(personInWords({ user_id: 'roald', display_name: 'Roald Amundsen', is_active: false })).toBe('Roald Amundsen (no longer active)');
  });
});

describe('the key facts of a resource page', () => {
  it('end the page header, as text with one link, before the main column and the side panel in the page', () => {
    renderPage();
    const facts = screen.getByTestId('key-facts');
    const header = screen.getByRole('heading', { level: 1 }).closest('header')!;
    expect(header.lastElementChild).toBe(facts);
    expect(within(facts).getByText('Owners', { selector: 'dt' }).nextElementSibling!.textContent).toBe('Roald Amundsen, Liv Arnesen, Børge Ousland and 1 more');
    expect(within(facts).getByText('Tags', { selector: 'dt' }).nextElementSibling!.textContent).toBe('No tags');
    // One stop, not the panel's person and tag links again.
    expect(within(facts).getAllByRole('link').map((l) => l.textContent)).toEqual(['Owners, tags and more ↓']);
    expect(within(facts).getByRole('link', { name: 'Owners, tags and more' })).toBeTruthy(); // the arrow is not said
    const side = screen.getByRole('complementary', { name: 'About this table' });
    expect(facts.compareDocumentPosition(side) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('moves the focus to the side panel with its link (scrolled to), so Tab goes on from the panel’s first link', async () => {
    renderPage();
    const side = screen.getByRole('complementary', { name: 'About this table' });
    const scrolled = vi.fn();
    side.scrollIntoView = scrolled;
    const link = screen.getByRole('link', { name: /Owners, tags and more/ });
    expect(link.getAttribute('href')).toBe(`#${side.id}`);
    // Focusable by the link only: no Tab stop of its own.
    expect(side.tabIndex).toBe(-1);
    const user = userEvent.setup();
    await user.click(link);
    expect(document.activeElement).toBe(side);
    expect(scrolled).toHaveBeenCalledWith({ block: 'start' });
    await user.tab();
    expect(document.activeElement).toBe(within(side).getByRole('link', { name: 'Roald Amundsen' }));
  });

  it('are not there without a side panel, and the panel is no focus target without them', () => {
    renderPage(false);
    expect(screen.queryByTestId('key-facts')).toBeNull();
    cleanup();
    render(
      <ResourcePage eyebrow="Person" title="Liv Arnesen" side={<p>Email</p>} sideLabel="About Liv">
        <p>Tables</p>
      </ResourcePage>,
    );
    const side = screen.getByRole('complementary', { name: 'About Liv' });
    expect(side.hasAttribute('tabindex')).toBe(false);
    expect(side.hasAttribute('id')).toBe(false);
  });
});
