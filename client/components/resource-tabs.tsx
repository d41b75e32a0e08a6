// The main column of a resource page in tabs: "Overview" (the page's own sections) and the tabs other
// parts add ("History"). A tab's panel is mounted when its tab is chosen, so it loads its data then,
// not with the page; the overview stays mounted while hidden, so a half-written edit there survives a
// look at another tab. With no other tabs there is no tab list at all.
import { useState, type ReactNode } from 'react';
import { Tabs } from './tabs';

export interface ResourceTab {
  value: string;
  label: string;
  panel: ReactNode;
}

const OVERVIEW = 'overview';

export function ResourceTabs({ label, tabs, children }: { label: string; tabs: ResourceTab[]; children: ReactNode }) {
  const [selected, setSelected] = useState(OVERVIEW);
  if (tabs.length === 0) return <>{children}</>;
  const current = tabs.find((tab) => tab.value === selected);
  return (
    <Tabs label={label} value={current ? current.value : OVERVIEW} onChange={setSelected} items={[{ value: OVERVIEW, label: 'Overview' }, ...tabs.map(({ value, label }) => ({ value, label }))]} className="resource-tabs">
      <div hidden={current !== undefined}>{children}</div>
      {current ? current.panel : null}
    </Tabs>
  );
}
