import { useDocumentTitle } from '../app/app-data';

/** The most of a page's own title the window title holds (then " · Nansen"); a search's ("<term, 60 at most> – Search") fits whole. */
export const MAX_PAGE_TITLE_LENGTH = 70;
/** How much of a too-long title's start is kept: enough for what kind of page it is ("Lineage of warehouse_…"). */
const KEPT_START = 20;

/**
 * A page's title, bounded: a longer one keeps its start and, mostly, its end, with "…" between
 * ("Lineage of analytics…customer_orders_daily"). The end is what tells apart the pages of tables and
 * dashboards with long shared beginnings; the start says what kind of page it is. Counted in characters
 * (code points), so no emoji is split.
 */
export function boundedTitle(title: string, max = MAX_PAGE_TITLE_LENGTH): string {
  const chars = Array.from(title);
  if (chars.length <= max) return title;
  const kept = Math.min(KEPT_START, Math.floor((max - 1) / 3));
  const start = chars.slice(0, kept).join('').trimEnd();
  const end = chars.slice(chars.length - (max - kept - 1)).join('').trimStart();
  return `${start}…${end}`;
}

// React 19 hoists <title> into <head>; render exactly one per page. Every page's title comes through
// here, so a very long table or dashboard name makes no equally long tab text or announcement.
export function PageTitle({ title }: { title?: string }) {
  const documentTitle = useDocumentTitle();
  return <title>{title ? `${boundedTitle(title)} · ${documentTitle}` : documentTitle}</title>;
}
