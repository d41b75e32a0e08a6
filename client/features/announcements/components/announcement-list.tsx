// The announcements page: every post, newest first, with its title, date and sanitized HTML.
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useFormatDate } from '../../../app/app-data';
import { SanitizedHtml } from '../../../components/markdown';
import { QueryState } from '../../../components/query-state';
import { EmptyState } from '../../../components/state';
import { useAnnouncements } from '../api/get-announcements';
import { postAnchor, postDateToEpochSeconds } from '../post-date';
import './announcements.css';

export function AnnouncementList() {
  const query = useAnnouncements();
  const formatDate = useFormatDate();
  const { hash } = useLocation();
  const loaded = query.isSuccess;
  // A link to one post (from the home page): bring it into view once the posts are there.
  useEffect(() => {
    if (!loaded || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    const frame = requestAnimationFrame(() => {
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [loaded, hash]);
  return (
    <QueryState
      query={query}
      loadingLabel="Loading announcements"
      errorTitle="Announcements could not be loaded"
      isEmpty={(posts) => posts.length === 0}
      empty={<EmptyState title="No announcements yet">News from the catalog's team appears here.</EmptyState>}
    >
      {(posts) => (
        <ol className="announcements">
          {posts.map((post) => {
            const anchor = postAnchor(post);
            return (
              <li key={anchor} className="announcement">
                <article aria-labelledby={anchor}>
                  <h2 id={anchor} tabIndex={-1}>
                    {post.title}
                  </h2>
                  <p className="announcement__date">
                    <time dateTime={post.date}>{formatDate(postDateToEpochSeconds(post.date)) ?? post.date}</time>
                  </p>
                  <SanitizedHtml html={post.html_content} className="announcement__body" />
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </QueryState>
  );
}
