// The main column of a resource page in tabs: "Overview" (the page's own sections) and the tabs other
// parts add ("History"). The open tab is in the URL (`?tab=history`, none for the overview), so a
// reload, Back from another page or a shared link opens it again; choosing a tab replaces the URL
// rather than adding a history entry (arrow keys choose tabs too, and the page keeps its scroll). A
// tab's panel is mounted when its tab is chosen, so it loads its data then, not with the page; the
// overview stays mounted while hidden, so a half-written edit there survives a look at another tab.
// With no other tabs there is no tab list at all. A `?tab=` that names no tab opens the overview and is
// taken out of the URL (replaced).
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { resourceTabOf, withResourceTab } from '../app/paths';
import { Tabs } from './tabs';
import { useCanonicalTabParam } from './use-canonical-params';

export interface ResourceTab {
  value: string;
  label: string;
  /** Shown after the label as the profile's tabs show theirs ("History 12"); undefined shows none (loading, or not known). */
  count?: number;
  panel: ReactNode;
}

const OVERVIEW = 'overview';

export function ResourceTabs({ label, tabs, children }: { label: string; tabs: ResourceTab[]; children: ReactNode }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = resourceTabOf(searchParams);
  const current = tabs.find((tab) => tab.value === requested);
  useCanonicalTabParam(current ? current.value : null);
  if (tabs.length === 0) return <>{children}</>;
  const select = (value: string) => setSearchParams((params) => withResourceTab(params, value === OVERVIEW ? null : value), { replace: true });
  return (
    <Tabs label={label} value={current ? current.value : OVERVIEW} onChange={select} items={[{ value: OVERVIEW, label: 'Overview' }, ...tabs.map(({ value, label, count }) => ({ value, label, count }))]} className="resource-tabs">
      <div hidden={current !== undefined}>{children}</div>
      {current ? current.panel : null}
    </Tabs>
  );
}
