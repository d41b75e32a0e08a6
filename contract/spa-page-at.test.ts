// The page a path shows: matched as react-router matches the client's routes (the same patterns, from
// contract/spa-pages.ts), then read as the client's pages read it.
import { matchRoutes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { dashboardPath, tablePath, userPath } from './page-paths';
import { matchSpaPage, spaPageAt, type PageSwitches } from './spa-page-at';
import { SPA_PAGES } from './spa-pages';

const ALL_ON: PageSwitches = { indexUsers: { enabled: true }, indexDashboards: { enabled: true }, announcements: { enabled: true } };
const ALL_OFF: PageSwitches = { indexUsers: { enabled: false }, indexDashboards: { enabled: false }, announcements: { enabled: false } };

/** The client's route table as the router gets it (client/app/router.tsx maps SPA_PAGES the same way). */
const ROUTES = SPA_PAGES.map(({ path }) => ({ path }));
const routerMatch = (pathname: string) => matchRoutes(ROUTES, pathname)?.[0]?.route.path;

/** A small seeded generator, so a failure names a path that fails again. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEGMENTS = ['', 'search', 'SEARCH', 'Browse', 'announcements', 'table_detail', 'Table_Detail', 'lineage', 'table', 'tablez', 'dashboard', 'user', 'USER',
  'u', 'x.y', '%73earch', '%75ser', '%E0', '%', 'a%2Fb', '%2F', '%20', ' ', 'ä', '%C3%A4', '..', '.', 'İ', 'ſearch', 'K', 'a%25b', 'table_detail%2F'];

describe('matchSpaPage', () => {
  it('matches what react-router matches, for every page and many odd paths', () => {
    const next = random(91);
    const paths = ['/', '//', '///', '/search', '/search/', '/search//', '//search', '/table_detail/c/d/s/t', '/table_detail/c//s/t', '/table_detail/c/d/s/t/',
      '/lineage/table/c/d/s/t', '/Lineage/TABLE/c/d/s/t//', '/lineage/table/c/d/%E0/t', '/lineage/table/c/d/s/t/u'];
    for (let i = 0; i < 4_000; i++) {
      const count = Math.floor(next() * 7);
      const segments = Array.from({ length: count }, () => SEGMENTS[Math.floor(next() * SEGMENTS.length)]!);
      paths.push(`/${segments.join('/')}${next() < 0.2 ? '/' : ''}`);
    }
    vi.spyOn(console, 'warn').mockImplementation(() => {}); // react-router's word on each malformed escape
    const pages = new Set<string>();
    const disagreements: string[] = [];
    for (const path of paths) {
      const page = matchSpaPage(path)?.path ?? '*';
      pages.add(page);
      if (page !== routerMatch(path)) disagreements.push(`${path}: ${page}, react-router ${routerMatch(path)}`);
    }
    vi.restoreAllMocks();
    expect(disagreements).toEqual([]);
    // The corpus reaches every page, the catch-all included.
    expect([...pages].sort()).toEqual(SPA_PAGES.map((page) => page.path).sort());
  });
});

describe('spaPageAt', () => {
  it("reads each page's key from the path, as its builder wrote it", () => {
    expect(spaPageAt('/', ALL_ON)).toEqual({ page: 'home' });
    expect(spaPageAt('/BROWSE/', ALL_ON)).toEqual({ page: 'browse' });
    expect(spaPageAt('/search', ALL_ON)).toEqual({ page: 'search' });
    expect(spaPageAt('/announcements', ALL_ON)).toEqual({ page: 'announcements' });
    const table = { database: 'hive', cluster: 'gold', schema: 'sales', name: '50%2F50 a/b' };
    expect(spaPageAt(tablePath(table), ALL_ON)).toEqual({ page: 'table', key: 'hive://gold.sales/50%2F50 a/b', table });
    expect(spaPageAt(`/lineage/table/gold/hive/sales/${encodeURIComponent('50%2F50 a/b')}`, ALL_ON)).toEqual({ page: 'lineage', key: 'hive://gold.sales/50%2F50 a/b', table });
    expect(spaPageAt(dashboardPath('mode_dashboard://gold.ops/d1'), ALL_ON)).toEqual({ page: 'dashboard', uri: 'mode_dashboard://gold.ops/d1' });
    expect(spaPageAt(userPath("o'brien/ä#1?x=y z"), ALL_ON)).toEqual({ page: 'user', userId: "o'brien/ä#1?x=y z" });
    expect(spaPageAt(userPath('50%2F50'), ALL_ON)).toEqual({ page: 'user', userId: '50%2F50' });
  });

  it('is not found where no page matches, or the page cannot read its key', () => {
    for (const path of ['/nonsense', '/table', '/tablez/x', '/search/more', '/table_detail/c/d/s', '/table_detail/c//s/t', '//search', '/user', '/user/a/b',
      '/user/%20', '/user/%E0', '/dashboard/%20%20', '/table_detail/%E0/d/s/t', '/lineage/table/c/d/s/t/x', '/%75ser/liv']) {
      expect(spaPageAt(path, ALL_ON), path).toEqual({ page: 'not-found' });
    }
  });

  it('is not found, saying which setting, for a page a setting turns off; the other pages stay', () => {
    expect(spaPageAt('/user/liv', ALL_OFF)).toEqual({ page: 'not-found', turnedOff: 'profiles' });
    expect(spaPageAt('/dashboard/d', ALL_OFF)).toEqual({ page: 'not-found', turnedOff: 'dashboards' });
    expect(spaPageAt('/announcements', ALL_OFF)).toEqual({ page: 'not-found', turnedOff: 'announcements' });
    // A path with no key is no page whatever the setting.
    expect(spaPageAt('/user/%20', ALL_OFF)).toEqual({ page: 'not-found' });
    for (const path of ['/', '/search', '/browse', '/table_detail/c/d/s/t', '/lineage/table/c/d/s/t']) expect(spaPageAt(path, ALL_OFF).page, path).not.toBe('not-found');
  });
});
