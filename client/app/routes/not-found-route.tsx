import { Link, useLocation } from 'react-router';
import { PageTitle } from '../../components/page-title';

export function NotFoundRoute() {
  const { pathname } = useLocation();
  return (
    <section className="not-found">
      <PageTitle title="Page not found" />
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{pathname}</code>.
      </p>
      <p>
        <Link className="button" to="/">
          Go to the home page
        </Link>
      </p>
    </section>
  );
}
