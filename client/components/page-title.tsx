import { useDocumentTitle } from '../app/app-data';

// React 19 hoists <title> into <head>; render exactly one per page.
export function PageTitle({ title }: { title?: string }) {
  const documentTitle = useDocumentTitle();
  return <title>{title ? `${title} · ${documentTitle}` : documentTitle}</title>;
}
