// @vitest-environment jsdom
// The HTML preview of the first results (decision 023): every text escaped, highlights drawn as <mark>
// from the contract's format (never the catalog's markup), the count and range as the app writes them,
// links to the same pages, nothing interactive.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { DashboardSearchResult, SearchResponse, TableSearchResult, UserSearchResult } from '../../contract/api-search';
import { planSearch, parseSearchState } from '../../contract/search-url';
import { toClientConfig, UiConfigFileSchema } from '../../contract/ui-config';
import { normalizeUser } from '../../contract/user';
import { PREVIEW_ATTRIBUTE, renderFirstResults } from './first-results-html';

const XSS = `<img src=x onerror=alert(1)>"'&`;
const CONFIG = toClientConfig(v.parse(UiConfigFileSchema, { searchPagination: { resultsPerPage: 10 } }), {
  providerName: 'Test IdP',
  indexUsers: true,
  indexDashboards: true,
  logoUrl: null,
});
const USER = normalizeUser({ email: 'liv@example.org', full_name: 'Liv Arnesen' })!;

const table = (over: Partial<TableSearchResult> = {}): TableSearchResult => ({
  type: 'table',
  key: 'hive://gold.sales/orders',
  name: 'orders',
  cluster: 'gold',
  database: 'hive',
  schema: 'sales',
  description: 'Every order',
  badges: [],
  tags: [],
  search_score: 1,
  highlight: {},
  ...over,
});

function render(url: string, response: Omit<SearchResponse, 'search_term' | 'msg'>, config = CONFIG) {
  const plan = planSearch(parseSearchState(new URLSearchParams(url.split('?')[1])), config);
  const answer: SearchResponse = { search_term: plan.term, msg: 'Success', ...response };
  return renderFirstResults({ plan, overview: answer, page: answer, config, user: USER });
}

/** The text of the HTML, entities read back (what a person sees). */
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('renderFirstResults', () => {
  it('draws the page as the app does: busy, marked, the count, the range, one row per result linking to its page', () => {
    const html = render('/search?term=orders', { table: { page_index: 0, total_results: 1234, results: [table(), table({ key: 'b', name: 'orders_daily' })] } });
    expect(html.startsWith(`<div ${PREVIEW_ATTRIBUTE}="" aria-busy="true">`)).toBe(true);
    expect(html).toContain('<h1>Results for “orders”</h1>');
    expect(html).toContain('<h2 class="search-results__heading">1,234 tables</h2>');
    expect(html).toContain('Showing 1–10 of 1,234');
    expect(html.match(/data-search-result=""/g)).toHaveLength(2);
    // schema.table and where it lives, as the app's rows and lists say them.
    expect(html).toContain('<a href="/table_detail/gold/hive/sales/orders">sales.<wbr>orders</a>');
    expect(html).toContain('<p class="result__meta"><span class="visually-hidden">Table in </span>Hive · gold</p>');
    // The tab counts, and the other tab's from the overview.
    expect(html).toMatch(/Datasets<span class="count">1,234<\/span>/);
  });

  it('draws the filter panel as the app folds it at 760 px and less: its button (with the active count) and Clear all, inert', () => {
    const plain = render('/search?term=orders', { table: { page_index: 0, total_results: 1, results: [table()] } });
    expect(plain).toContain('<section class="filters filters--folded" inert>');
    expect(textOf(plain.slice(plain.indexOf('<section class="filters'), plain.indexOf('</section>')))).toBe('FiltersFilters');
    const filtered = render(`/search?term=orders&filters=${encodeURIComponent(JSON.stringify({ tag: { value: 'pii' }, schema: { value: ' ' } }))}`, { table: { page_index: 0, total_results: 1, results: [table()] } });
    const panel = filtered.slice(filtered.indexOf('<section class="filters'), filtered.indexOf('</section>'));
    expect(panel).toContain('aria-expanded="false"');
    expect(textOf(panel)).toBe('Filters1Filters (1 active)Clear all filters');
    // Before the results, as the app's panel is.
    expect(filtered.indexOf('<section class="filters')).toBeLessThan(filtered.indexOf('class="search-results"'));
  });

  it('says "1 table" and "10,000+" as the app does', () => {
    expect(render('/search?term=x', { table: { page_index: 0, total_results: 1, results: [table()] } })).toContain('>1 table</h2>');
    const capped = render('/search?term=x', { table: { page_index: 0, total_results: 10_000, results: [table()] } });
    expect(capped).toContain('>10,000+ tables</h2>');
    // The tab's count too, as the heading and the range say it.
    expect(capped).toMatch(/Datasets<span class="count">10,000\+<\/span>/);
  });

  it('draws no list and no range for no results (the app draws its empty state and its actions)', () => {
    const html = render('/search?term=nothing', { table: { page_index: 0, total_results: 0, results: [] } });
    expect(html).toContain('>0 tables</h2>');
    expect(html).toContain('<p class="search-results__range"></p>');
    expect(html).not.toContain('<ol');
    expect(html).not.toContain('data-search-result');
  });

  it('draws nothing when the answer has no group for the shown tab', () => {
    expect(render('/search?term=x', {})).toBe('');
  });

  it('escapes every text: term, names, descriptions, schema, tags, badges, the user, the logo title', () => {
    const config = { ...CONFIG, logoTitle: XSS, badges: { gold: { style: 'positive' as const, displayName: XSS } } };
    const html = render(
      `/search?term=${encodeURIComponent(XSS)}`,
      {
        did_you_mean: XSS,
        table: {
          page_index: 0,
          total_results: 1,
          results: [table({ name: XSS, description: XSS, schema: XSS, cluster: XSS, database: XSS, tags: [XSS], badges: [{ tag_name: 'gold' }], key: XSS })],
        },
      },
      config,
    );
    expect(html).not.toMatch(/<img|<script|onerror=alert\(1\)>/);
    expect(html).not.toMatch(/="[^"]*"[^ >/]/); // no attribute value ended early by a quote
    expect(textOf(html)).toContain(`Results for “${XSS}”`);
    expect(textOf(html)).toContain(XSS);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
  });

  it('escapes the signed-in person and a hostile term in the search box value', () => {
    const plan = planSearch(parseSearchState(new URLSearchParams({ term: '"><script>alert(1)</script>' })), CONFIG);
    const answer: SearchResponse = { search_term: plan.term, msg: 'Success', table: { page_index: 0, total_results: 0, results: [] } };
    const user = normalizeUser({ email: 'x@example.org', full_name: XSS })!;
    const html = renderFirstResults({ plan, overview: answer, page: answer, config: CONFIG, user });
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
  });

  it("draws highlights from the contract's format as <mark>, and never passes the catalog's markup through", () => {
    const html = render('/search?term=orders', {
      table: {
        page_index: 0,
        total_results: 1,
        results: [
          table({
            highlight: {
              name: ['<em>orders</em>_&lt;b&gt;'],
              description: ['<script>alert(1)</script> <em>orders</em> &amp; more', '<img src=x onerror=alert(1)>'],
              columns: ['<em>order</em>_id"><svg onload=alert(1)>'],
              column_descriptions: ['the <em>order</em> &quot;key&quot;'],
              nested_fields: ['payload.lines.<em>order</em>_note&lt;i&gt;', '`a.b`.<em>order</em>'],
            },
          }),
        ],
      },
    });
    expect(html).toContain('<mark>orders</mark>_<wbr>&lt;b&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; <mark>orders</mark> &amp; more');
    expect(html).toContain(' … &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<(script|img|svg|em)\b/);
    // A matching column links to that column of the table, its name read as plain text.
    expect(html).toContain('href="/table_detail/gold/hive/sales/orders?column=order_id%22%3E%3Csvg+onload%3Dalert%281%29%3E"');
    expect(html).toContain('the <mark>order</mark> &quot;key&quot;');
    // A matching nested field is listed by path and links to its column and the field below it.
    expect(html).toContain('<a href="/table_detail/gold/hive/sales/orders?column=payload&amp;field=lines.order_note%3Ci%3E">payload.lines.<mark>order</mark>_note&lt;i&gt;</a>');
    // A column whose own name holds a dot is quoted in the path, and it is the column the link opens.
    expect(html).toContain('<a href="/table_detail/gold/hive/sales/orders?column=a.b&amp;field=order">`a.b`.<mark>order</mark></a>');
    expect(html).toContain('Nested fields');
  });

  it('draws a Markdown description and its highlighted fragments as plain text, as the app does', () => {
    const html = render('/search?term=orders', {
      table: {
        page_index: 0,
        total_results: 2,
        results: [
          table({ description: '# Orders\n\nEvery **paid** order, see [the wiki](https://wiki.example.org/orders).' }),
          table({ name: 'refunds', key: 'hive://gold.sales/refunds', highlight: { description: ['## Every **<em>orders</em>** [refund](https://x.example.org/<em>orders</em>)'] } }),
        ],
      },
    });
    expect(html).toContain('<p class="result__description">Orders Every paid order, see the wiki.</p>');
    expect(html).toContain('<p class="result__description"><span>Every <mark>orders</mark> refund</span></p>');
    expect(html).not.toContain('wiki.example.org');
  });

  it('links tags and table badges to their filtered searches, and draws nothing interactive but links', () => {
    const html = render('/search?term=orders', { table: { page_index: 0, total_results: 1, results: [table({ tags: ['pii'], badges: [{ tag_name: 'certified' }] })] } });
    expect(html).toContain('href="/search?term=&amp;filters=%7B%22tag%22%3A%7B%22value%22%3A%22pii%22%7D%7D"');
    expect(html).toContain('href="/search?term=&amp;filters=%7B%22badges%22%3A%7B%22value%22%3A%22certified%22%7D%7D"');
    // The search box, the tabs and the user menu are drawn, inert; no form, no handler, no script.
    const document = new DOMParser().parseFromString(html, 'text/html');
    const controls = [...document.querySelectorAll('button, input, select, textarea, [tabindex]')];
    expect(controls.length).toBeGreaterThan(0);
    expect(controls.filter((control) => !control.closest('[inert]'))).toEqual([]);
    expect(html).not.toMatch(/<form|<script|\son[a-z]+=/i);
  });

  it('lets a long name wrap after each underscore, dot and slash, as the app draws it (search-result-item.tsx), its matches marked', () => {
    const long = table({ schema: 'finance', name: 'snap_apac_chargebacks_funnel', highlight: { name: ['snap_apac_<em>charge</em>backs_funnel'] } });
    const html = render('/search?term=charge', { table: { page_index: 0, total_results: 1, results: [long] } });
    expect(html).toContain('>finance.<wbr>snap_<wbr>apac_<wbr><mark>charge</mark>backs_<wbr>funnel</a>');
  });

  // The preview said a dashboard's last run on the server's clock, unnamed: a server in Kiritimati (UTC+14) drew
  // "May 17, 2025" for a run at noon UTC on May 16, while the app shows the reader's day.
  it("says a dashboard's last run on UTC's clock and names it, whatever the server's zone", () => {
    const zone = process.env.TZ;
    const run = (at: number, config = CONFIG) =>
      render('/search?term=orders&resource=dashboard', { dashboard: { page_index: 0, total_results: 1, results: [{
        type: 'dashboard', key: 'd', uri: 'mode_dashboard://g/d', name: 'Orders board', cluster: null, group_name: 'Sales', product: 'mode', url: null,
        description: null, last_successful_run_timestamp: at, chart_names: [], query_names: [], tags: [], badges: [], search_score: 1, highlight: {},
      }] } }, config);
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(run(Date.UTC(2025, 4, 16, 12) / 1000)).toMatch(/last successful run May 16, 2025 UTC<\/p>/);
      process.env.TZ = 'America/Los_Angeles';
      expect(run(Date.UTC(2025, 4, 16, 3) / 1000)).toMatch(/last successful run May 16, 2025 UTC<\/p>/);
      // A pattern with a time of day reads it on UTC's clock too; one that names its zone is not named twice.
      const withTime = (pattern: string) => toClientConfig(v.parse(UiConfigFileSchema, { searchPagination: { resultsPerPage: 10 }, date: { default: pattern } }), { providerName: 'Test IdP', indexUsers: true, indexDashboards: true, logoUrl: null });
      expect(run(Date.UTC(2025, 4, 16, 3, 5) / 1000, withTime('YYYY-MM-DD HH:mm'))).toMatch(/last successful run 2025-05-16 03:05 UTC<\/p>/);
      expect(run(Date.UTC(2025, 4, 16, 3, 5) / 1000, withTime('YYYY-MM-DD HH:mm Z'))).toMatch(/last successful run 2025-05-16 03:05 \+00:00<\/p>/);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('draws dashboards and people with their links', () => {
    const dashboard: DashboardSearchResult = {
      type: 'dashboard', key: 'd', uri: 'mode_dashboard://g/d', name: 'Orders board', cluster: null, group_name: 'Sales', product: 'mode', url: null,
      description: null, last_successful_run_timestamp: null, chart_names: [], query_names: [], tags: ['kpi'], badges: [], search_score: 1, highlight: {},
    };
    const person: UserSearchResult = {
      type: 'user', user_id: 'liv', email: 'liv@example.org', display_name: 'Liv', full_name: 'Liv Arnesen', first_name: null, last_name: null, team_name: null, role_name: null, is_active: true, search_score: 1,
      highlight: { full_name: ['<em>Liv</em> Arnesen'] },
    };
    const dashboards = render('/search?term=orders&resource=dashboard', { dashboard: { page_index: 0, total_results: 1, results: [dashboard] } });
    expect(dashboards).toContain('<a href="/dashboard/mode_dashboard%3A%2F%2Fg%2Fd">Orders board</a>');
    const ran = render('/search?term=orders&resource=dashboard', { dashboard: { page_index: 0, total_results: 1, results: [{ ...dashboard, last_successful_run_timestamp: Date.UTC(2025, 4, 16, 12) / 1000 }] } });
    expect(ran).toMatch(/· Sales · last successful run May 16, 2025 UTC<\/p>/);
    expect(dashboards).toContain('<p class="result__description result__description--none">No description</p>');
    expect(dashboards).toContain('>1 dashboard</h2>');
    expect(render('/search?term=orders&resource=dashboard', { dashboard: { page_index: 0, total_results: 2, results: [dashboard, dashboard] } })).toContain('>2 dashboards</h2>');
    const people = render('/search?term=liv&resource=user', { user: { page_index: 0, total_results: 1, results: [person] } });
    expect(people).toContain('<a href="/user/liv"><mark>Liv</mark> Arnesen</a>');
    expect(people).toContain('<p class="result__meta">liv@example.org</p>');
    const gone = render('/search?term=x&resource=user', { user: { page_index: 0, total_results: 1, results: [
      { ...person, user_id: 'x@example.org', email: 'x@example.org', display_name: 'x@example.org', role_name: 'Analyst', team_name: 'Platform', is_active: false, highlight: {} },
    ] } });
    expect(gone).toContain('<p class="result__meta"><span class="result__inactive">No longer active</span> · Analyst · Platform</p>');
    expect(people).toContain('>1 person</h2>');
    expect(render('/search?term=liv&resource=user', { user: { page_index: 0, total_results: 3, results: [person] } })).toContain('>3 people</h2>');
  });
});
