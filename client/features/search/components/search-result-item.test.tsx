// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../components/testing/render-with-app';
import { dashboard, person, table } from '../testing/search-fixtures';
import { SearchResultItem, type ResultAction } from './search-result-item';

afterEach(cleanup);

const action: ResultAction = (result) => <button type="button">{`Act on ${result.type} ${result.name}`}</button>;

describe('SearchResultItem', () => {
  it('shows what another feature adds (the bookmark toggle) beside the name of a table or dashboard result', () => {
    renderWithApp(
      <ol>
        <SearchResultItem result={table('orders')} action={action} />
        <SearchResultItem result={dashboard('Revenue')} action={action} />
        <SearchResultItem result={person('Liv Arnesen')} action={action} />
      </ol>,
    );
    const [orders, revenue, liv] = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-search-result'));
    expect(within(orders!).getByRole('button', { name: 'Act on table orders' })).toBeTruthy();
    expect(within(revenue!).getByRole('button', { name: 'Act on dashboard Revenue' })).toBeTruthy();
    // People cannot be bookmarked.
    expect(within(liv!).queryByRole('button')).toBeNull();
  });

  it('shows no action where none is given', () => {
    renderWithApp(
      <ol>
        <SearchResultItem result={table('orders')} />
      </ol>,
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('heading', { name: 'orders' })).toBeTruthy();
  });

  // Finding 7 of the curate pass: results showed a description's Markdown source.
  it('shows a Markdown description as plain text, and a matching fragment of one with its matches still marked', () => {
    const description = '# Orders\n\nEvery **paid** order, see [the wiki](https://wiki.example.org/orders).\n\n| a | b |\n|---|---|';
    renderWithApp(
      <ol>
        <SearchResultItem result={table('orders', { description })} />
        <SearchResultItem result={dashboard('Revenue', { description: '## Weekly **revenue**', highlight: { description: ['## Weekly **<em>revenue</em>** by [<em>region</em>](https://x.example.org/<em>revenue</em>)'] } })} />
      </ol>,
    );
    const [orders, revenue] = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-search-result'));
    expect(orders!.querySelector('.result__description')?.textContent).toBe('Orders Every paid order, see the wiki. a · b');
    const fragment = revenue!.querySelector('.result__description')!;
    expect(fragment.textContent).toBe('Weekly revenue by region');
    expect([...fragment.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['revenue', 'region']);
  });
});

