import type { TableDetail } from '../../../../contract/bff-api';
import { BadgeList, TagList } from '../../../components/chip';
import { PersonLink } from '../../../components/person-link';
import { safeHttpUrl } from '../../../components/safe-url';
import './table.css';
import { formatEpochSeconds, splitParagraphs } from '../format';
import { ColumnsTable } from './columns-table';

export function TableDetailView({ table }: { table: TableDetail }) {
  const lastUpdated = formatEpochSeconds(table.last_updated_timestamp);
  const paragraphs = table.description ? splitParagraphs(table.description) : [];
  const readers = [...table.table_readers].sort((a, b) => b.read_count - a.read_count);
  const sourceHref = table.source ? safeHttpUrl(table.source.source) : null;
  const writerHref = table.table_writer ? safeHttpUrl(table.table_writer.application_url) : null;

  return (
    <article className="table-detail">
      <header className="table-detail__header">
        <p className="eyebrow">{table.is_view ? 'View' : 'Table'}</p>
        <h1>
          {table.schema}.{table.name}
        </h1>
        <ul className="chip-list" aria-label="Location">
          <li className="chip chip--location">
            <span className="chip__label">Database</span> {table.database}
          </li>
          <li className="chip chip--location">
            <span className="chip__label">Cluster</span> {table.cluster}
          </li>
        </ul>
        <p className="table-detail__key">
          <code>{table.key}</code>
        </p>
      </header>

      <div className="table-detail__layout">
        <div className="table-detail__main">
          <section aria-labelledby="description-heading">
            <h2 id="description-heading">Description</h2>
            {paragraphs.length > 0 ? (
              <div className="description">
                {paragraphs.map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </div>
            ) : (
              <p className="muted">No description yet.</p>
            )}
          </section>

          {table.programmatic_descriptions.length > 0 ? (
            <section aria-labelledby="programmatic-heading">
              <h2 id="programmatic-heading">Other descriptions</h2>
              {table.programmatic_descriptions.map((d, i) => (
                <div key={`${d.source}-${i}`} className="programmatic">
                  <h3>{d.source}</h3>
                  <div className="description">
                    {splitParagraphs(d.text).map((p, j) => (
                      <p key={j}>{p}</p>
                    ))}
                  </div>
                </div>
              ))}
            </section>
          ) : null}

          <section aria-labelledby="columns-heading">
            <h2 id="columns-heading">
              Columns <span className="count">{table.columns.length}</span>
            </h2>
            <ColumnsTable columns={table.columns} />
          </section>
        </div>

        <aside className="table-detail__side" aria-label="Table facts">
          <dl className="facts">
            <dt>Last updated</dt>
            <dd>{lastUpdated ?? <span className="muted">Unknown</span>}</dd>

            <dt>Tags</dt>
            <dd>
              {table.tags.length > 0 ? (
                <TagList tags={table.tags.map((t) => t.tag_name)} />
              ) : (
                <span className="muted">No tags</span>
              )}
            </dd>

            {table.badges.length > 0 ? (
              <>
                <dt>Badges</dt>
                <dd>
                  <BadgeList badges={table.badges.map((b) => b.badge_name)} />
                </dd>
              </>
            ) : null}

            <dt>Owners</dt>
            <dd>
              {table.owners.length > 0 ? (
                <ul className="people">
                  {table.owners.map((owner) => (
                    <li key={owner.user_id}>
                      <PersonLink user={owner} />
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">No owners</span>
              )}
            </dd>

            <dt>Frequent users</dt>
            <dd>
              {readers.length > 0 ? (
                <ul className="people">
                  {readers.map((reader) => (
                    <li key={reader.user.user_id}>
                      <PersonLink user={reader.user} />{' '}
                      <span className="muted">
                        ({reader.read_count.toLocaleString('en-US')} {reader.read_count === 1 ? 'read' : 'reads'})
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">No frequent users</span>
              )}
            </dd>

            {table.watermarks.length > 0 ? (
              <>
                <dt>Watermarks</dt>
                <dd>
                  <ul className="watermarks">
                    {table.watermarks.map((w, i) => (
                      <li key={i}>
                        <span className="watermark__type">{w.watermark_type ?? 'watermark'}</span>{' '}
                        {w.partition_key ? <code>{w.partition_key}</code> : null}
                        {w.partition_value ? <> = {w.partition_value}</> : null}
                        {w.create_time ? <span className="muted"> (created {w.create_time})</span> : null}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}

            {table.table_writer ? (
              <>
                <dt>Written by</dt>
                <dd>
                  {writerHref ? (
                    <a href={writerHref} target="_blank" rel="noopener noreferrer">
                      {table.table_writer.name ?? table.table_writer.id}
                    </a>
                  ) : (
                    (table.table_writer.name ?? table.table_writer.id)
                  )}
                </dd>
              </>
            ) : null}

            {table.source ? (
              <>
                <dt>Source</dt>
                <dd>
                  {sourceHref ? (
                    <a href={sourceHref} target="_blank" rel="noopener noreferrer">
                      {table.source.source_type}
                    </a>
                  ) : (
                    <>
                      {table.source.source_type}: {table.source.source}
                    </>
                  )}
                </dd>
              </>
            ) : null}
          </dl>
        </aside>
      </div>
    </article>
  );
}
