import { Link } from 'react-router';
import type { TableSearchResult } from '../../../../contract/bff-api';
import { tablePath } from '../../../app/paths';
import { BadgeList, TagList } from '../../../components/chip';
import { HighlightedText } from '../../../components/highlighted-text';

function descriptionHighlight(result: TableSearchResult): string | null {
  const fragments = result.highlight['description'];
  if (fragments && fragments.length > 0) return fragments.join(' … ');
  return result.description;
}

export function SearchResultItem({ result }: { result: TableSearchResult }) {
  const description = descriptionHighlight(result);
  return (
    <li className="result">
      <h2 className="result__name">
        <Link to={tablePath(result)}>{result.name}</Link>
      </h2>
      <p className="result__meta">
        {result.database} · {result.cluster} · {result.schema}
      </p>
      {description ? (
        <p className="result__description">
          <HighlightedText source={description} />
        </p>
      ) : (
        <p className="result__description result__description--none">No description</p>
      )}
      <div className="result__chips">
        <BadgeList badges={result.badges.map((b) => b.tag_name)} />
        <TagList tags={result.tags} />
      </div>
    </li>
  );
}
