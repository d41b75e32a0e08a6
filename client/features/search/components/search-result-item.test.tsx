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
});
