// The home page's way into browsing: curated tags first, then the most used ones, and table badges
// (when the UI config shows them on the home page), with a link to the browse page for all of them.
import { Link } from 'react-router';
import { useUiConfig } from '../../../app/app-data';
import { browsePath } from '../../../app/paths';
import { BadgeList } from '../../../components/chip';
import { Panel } from '../../../components/panel';
import { QueryState } from '../../../components/query-state';
import { TagCloud } from '../../../components/tag-cloud';
import { useBadges } from '../api/get-badges';
import { useTags } from '../api/get-tags';
import { splitBadges, tagsToFeature } from '../tag-order';

const HOME_TAGS = 16;

export function HomeBrowse() {
  const { browse } = useUiConfig();
  const tags = useTags();
  const badges = useBadges();
  return (
    <Panel title="Browse" footer={<Link to={browsePath}>All tags and badges</Link>}>
      <h3>Tags</h3>
      <QueryState query={tags} loadingLabel="Loading tags" errorTitle="Tags could not be loaded" isEmpty={(t) => t.length === 0} empty={<p className="muted">No tags yet.</p>}>
        {(list) => <TagCloud tags={tagsToFeature(browse.curatedTags, list, HOME_TAGS)} label="Tags" />}
      </QueryState>
      {browse.showBadgesInHome ? (
        <>
          <h3>Badges</h3>
          <QueryState query={badges} loadingLabel="Loading badges" errorTitle="Badges could not be loaded" isEmpty={(b) => splitBadges(b).table.length === 0} empty={<p className="muted">No badges yet.</p>}>
            {(list) => <BadgeList badges={splitBadges(list).table} label="Badges" />}
          </QueryState>
        </>
      ) : null}
    </Panel>
  );
}
