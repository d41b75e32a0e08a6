// Tables and dashboards in a list (popular, bookmarks, a person's lists, a dashboard's tables, a
// table's dashboards): name as a link, where it lives, and the start of its description as plain
// text (a description is Markdown; its page renders it).
import { Link } from 'react-router';
import type { DashboardSummary } from '../../contract/api-dashboard';
import type { TableSummary } from '../../contract/api-table';
import { useUiConfig } from '../app/app-data';
import { dashboardPath, tablePath } from '../app/paths';
import { markdownToPlainText } from '../../contract/markdown-plain-text';
import './resource-list.css';

export type ResourceSummary = TableSummary | DashboardSummary;

export function ResourceList({ items, label }: { items: ResourceSummary[]; label: string }) {
  return (
    <ul className="resource-list" aria-label={label}>
      {items.map((item) => (
        <li key={`${item.type}:${item.key}`} className="resource-list__item">
          <ResourceSummaryItem item={item} />
        </li>
      ))}
    </ul>
  );
}

function ResourceSummaryItem({ item }: { item: ResourceSummary }) {
  const { resourceConfig } = useUiConfig();
  if (item.type === 'table') {
    const source = resourceConfig.table.supportedSources[item.database]?.displayName ?? item.database;
    return (
      <>
        <Link className="resource-list__name" to={tablePath(item)}>
          {item.schema}.{item.name}
        </Link>
        <span className="resource-list__meta">
          <span className="visually-hidden">Table in </span>
          {source} · {item.cluster}
        </span>
        <DescriptionStart source={item.description} />
      </>
    );
  }
  const product = resourceConfig.dashboard.supportedSources[item.product]?.displayName ?? item.product;
  return (
    <>
      <Link className="resource-list__name" to={dashboardPath(item.uri)}>
        {item.name}
      </Link>
      <span className="resource-list__meta">
        <span className="visually-hidden">Dashboard in </span>
        {product}
        {item.group_name ? ` · ${item.group_name}` : ''}
      </span>
      <DescriptionStart source={item.description} />
    </>
  );
}

function DescriptionStart({ source }: { source: string | null }) {
  const text = source ? markdownToPlainText(source) : '';
  return text ? <p className="resource-list__description">{text}</p> : null;
}
