// Tables and dashboards in a list (popular, bookmarks, a person's lists, a dashboard's tables, a
// table's dashboards): name as a link, where it lives (named and placed as search results do:
// contract/resource-labels.ts), the start of its description as plain text (a description is
// Markdown; its page renders it) or "No description", and what the page adds to each item (the bookmark
// star) beside the link, never inside it. A name wraps after `_`, `.` or `/`, never inside a word.
// The item action comes from the `itemAction` prop or, for lists a page holds deep inside other
// features (a profile's tabs, a dashboard's tables), from `ResourceItemActions` around them: features
// may not import each other, so the route that shows the list says what each item gets. A list that
// keeps a removed row in place (`isRemoved`, decision 040) shows it muted, saying "Removed", its
// action still beside it (the star that puts it back).
import { createContext, use, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { DashboardSummary } from '../../contract/api-dashboard';
import type { TableSummary } from '../../contract/api-table';
import { useUiConfig } from '../app/app-data';
import { dashboardPath, tablePath } from '../app/paths';
import { markdownToPlainText } from '../../contract/markdown-plain-text';
import { tableDisplayName, tableLocation } from '../../contract/resource-labels';
import { BreakableText } from './breakable-text';
import { cx } from './class-names';
import './resource-list.css';

export type ResourceSummary = TableSummary | DashboardSummary;

/** What a page adds to an item of a list (its bookmark star), given the item and its name as people read it. */
export type ResourceItemAction = (item: ResourceSummary, name: string) => ReactNode;

const ItemActionContext = createContext<ResourceItemAction | null>(null);

/** `<ResourceItemActions value={action}>`: every `ResourceList` inside without an `itemAction` of its own has this one. */
export const ResourceItemActions = ItemActionContext;

/** A resource's name as people read it: `schema.table` for a table, a dashboard's name. */
export function resourceName(item: ResourceSummary): string {
  return item.type === 'table' ? tableDisplayName(item) : item.name;
}

export interface ResourceListProps {
  items: ResourceSummary[];
  label: string;
  itemAction?: ResourceItemAction | null;
  /** Items gone from the list but kept in their place until it is next loaded (decision 040). */
  isRemoved?: (item: ResourceSummary) => boolean;
}

export function ResourceList({ items, label, itemAction, isRemoved }: ResourceListProps) {
  const action = itemAction ?? use(ItemActionContext);
  return (
    <ul className="resource-list" aria-label={label}>
      {items.map((item) => (
        <li key={`${item.type}:${item.key}`} className={cx('resource-list__item', isRemoved?.(item) && 'resource-list__item--removed')}>
          <ResourceSummaryItem item={item} removed={isRemoved?.(item) ?? false} />
          {action ? <div className="resource-list__action">{action(item, resourceName(item))}</div> : null}
        </li>
      ))}
    </ul>
  );
}

/** Starts the line under a removed item's name: said with the item, before where it lives. */
function RemovedMark({ removed }: { removed: boolean }) {
  return removed ? (
    <>
      <span className="resource-list__removed">Removed</span>
      <span aria-hidden="true"> · </span>
    </>
  ) : null;
}

function ResourceSummaryItem({ item, removed }: { item: ResourceSummary; removed: boolean }) {
  const { resourceConfig } = useUiConfig();
  if (item.type === 'table') {
    return (
      <>
        <Link className="resource-list__name" to={tablePath(item)}>
          <BreakableText text={resourceName(item)} />
        </Link>
        <span className="resource-list__meta">
          <RemovedMark removed={removed} />
          <span className="visually-hidden">Table in </span>
          {tableLocation(item, resourceConfig.table.supportedSources)}
        </span>
        <DescriptionStart source={item.description} />
      </>
    );
  }
  const product = resourceConfig.dashboard.supportedSources[item.product]?.displayName ?? item.product;
  return (
    <>
      <Link className="resource-list__name" to={dashboardPath(item.uri)}>
        <BreakableText text={item.name} />
      </Link>
      <span className="resource-list__meta">
        <RemovedMark removed={removed} />
        <span className="visually-hidden">Dashboard in </span>
        {product}
        {item.group_name ? ` · ${item.group_name}` : ''}
      </span>
      <DescriptionStart source={item.description} />
    </>
  );
}

/** The start of the description, or "No description" (muted) as search results say it. */
function DescriptionStart({ source }: { source: string | null }) {
  const text = source ? markdownToPlainText(source) : '';
  return text ? <p className="resource-list__description">{text}</p> : <p className="resource-list__description resource-list__description--none">No description</p>;
}
