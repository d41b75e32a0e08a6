import { describe, expect, it } from 'vitest';
import { resultsStatus, type SettledSearch } from './results-status';

const search = (fields: Partial<SettledSearch>): SettledSearch => ({ resource: 'table', total: 198, term: 'customers', searched: true, filtered: false, pageIndex: 0, perPage: 10, ...fields });

describe('what the search page says once a search has settled', () => {
  it('says how many for what, and which ones after the first page', () => {
    expect(resultsStatus(search({}))).toBe('198 tables for “customers”.');
    expect(resultsStatus(search({ total: 1, resource: 'dashboard' }))).toBe('1 dashboard for “customers”.');
    expect(resultsStatus(search({ pageIndex: 1 }))).toBe('198 tables for “customers”, showing 11–20.');
    expect(resultsStatus(search({ filtered: true }))).toBe('198 tables for “customers” with these filters.');
    expect(resultsStatus(search({ term: '', searched: false, filtered: true }))).toBe('198 tables matching the filters.');
    expect(resultsStatus(search({ total: 10_000, pageIndex: 100 }))).toBe('10,000+ tables for “customers”, showing 1,001–1,010.');
  });

  it('says what was searched instead of a term that matched nothing', () => {
    expect(resultsStatus(search({ term: 'custmers', didYouMean: 'customers', total: 3 }))).toBe('3 tables for “customers”, as nothing matched “custmers”.');
  });

  it('says that none was found, in other words than the empty state\'s title', () => {
    expect(resultsStatus(search({ total: 0, term: 'zzzz' }))).toBe('No tables found for “zzzz”.');
    expect(resultsStatus(search({ total: 0, resource: 'user', filtered: true }))).toBe('No people found for “customers” with these filters.');
    expect(resultsStatus(search({ total: 0, term: '%', searched: false, filtered: true }))).toBe('No tables found with these filters.');
  });

  it('says a page past the last one', () => {
    expect(resultsStatus(search({ total: 25, pageIndex: 9 }))).toBe('25 tables for “customers”. This page is past the last page of results.');
  });
});
