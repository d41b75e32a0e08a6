import { PageTitle } from '../../components/page-title';
import { popularTablesQueryOptions } from '../../features/popular-tables/api/get-popular-tables';
import type { Prefetch } from '../prefetch';
import { PopularTables } from '../../features/popular-tables/components/popular-tables';
import { SearchBox } from '../../features/search/components/search-box';

export function HomeRoute() {
  return (
    <div className="home">
      <PageTitle title="Home" />
      <section className="hero" aria-labelledby="home-heading">
        <h1 id="home-heading">Find the data you need</h1>
        <p className="hero__lead">Search tables by name, column, description or tag.</p>
        <SearchBox variant="home" />
      </section>
      <PopularTables />
    </div>
  );
}

export const prefetch: Prefetch = (queryClient) => {
  void queryClient.prefetchQuery(popularTablesQueryOptions());
};

export default HomeRoute;
