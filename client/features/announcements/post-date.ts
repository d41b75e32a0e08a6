/**
 * A post's `YYYY-MM-DD` as epoch seconds at noon local time (so the UI config's date format shows
 * that calendar day in every time zone); null when it is not such a date.
 */
export function postDateToEpochSeconds(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const value = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12).getTime();
  return Number.isFinite(value) ? value / 1000 : null;
}

/** The id of a post's heading, for links from the home page (`/announcements#post-2026-01-15-welcome`). */
export function postAnchor(post: { date: string; title: string }): string {
  const slug = post.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `post-${post.date}-${slug}`;
}
