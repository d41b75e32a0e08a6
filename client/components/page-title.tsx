// React 19 hoists <title> into <head>; render exactly one per page.
export function PageTitle({ title }: { title?: string }) {
  return <title>{title ? `${title} · Nansen` : 'Nansen'}</title>;
}
