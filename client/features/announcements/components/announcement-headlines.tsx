// The home page's latest announcements: titles and dates, each leading to the post, and a link to all.
import type { QueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useFormatDate } from '../../../app/app-data';
import { announcementsPath } from '../../../app/paths';
import { Panel } from '../../../components/panel';
import { QueryState } from '../../../components/query-state';
import { announcementsQueryOptions, useAnnouncements } from '../api/get-announcements';
import { postAnchor, postDateToEpochSeconds } from '../post-date';

const LATEST = 3;

/** For the home page's prefetch, which loads this module only when announcements are on. */
export function prefetchAnnouncements(queryClient: QueryClient) {
  void queryClient.prefetchQuery(announcementsQueryOptions());
}

export function AnnouncementHeadlines() {
  const query = useAnnouncements();
  const formatDate = useFormatDate();
  return (
    <Panel title="Announcements" footer={<Link to={announcementsPath}>All announcements</Link>}>
      <QueryState query={query} loadingLabel="Loading announcements" errorTitle="Announcements could not be loaded" isEmpty={(posts) => posts.length === 0} empty={<p className="muted">No announcements yet.</p>}>
        {(posts) => (
            <ul className="headlines">
              {posts.slice(0, LATEST).map((post) => (
                <li key={postAnchor(post)}>
                  <Link to={`${announcementsPath}#${postAnchor(post)}`}>{post.title}</Link>
                  <time className="headlines__date" dateTime={post.date}>
                    {formatDate(postDateToEpochSeconds(post.date)) ?? post.date}
                  </time>
                </li>
              ))}
            </ul>
        )}
      </QueryState>
    </Panel>
  );
}
