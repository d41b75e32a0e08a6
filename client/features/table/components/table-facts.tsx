// The side panel of a table page: when it changed, its partitions, who owns and reads it, tags, where
// it comes from and what reports it. Badges are in the page's header only (table-detail-view.tsx),
// beside the name they qualify, not said twice.
import { useId, useState } from 'react';
import type { Application, Reader, TableDetail, Watermark } from '../../../../contract/api-table';
import { useFormatDate } from '../../../app/app-data';
import { useFormatWallClock } from '../use-day-formats';
import { TagList } from '../../../components/chip';
import { DisclosureButton } from '../../../components/disclosure';
import { ExternalLink } from '../../../components/external-link';
import { FactList } from '../../../components/facts';
import { PersonLink } from '../../../components/person-link';
import { describeWatermarks, isoToEpochSeconds } from '../format';
import { TableOwnersEditor } from './table-owners-editor';
import { TableTagsEditor } from './table-tags-editor';
import { formatWholeNumber } from '../../../lib/format-number';

const SHOWN_READERS = 5;

function FrequentUsers({ readers }: { readers: Reader[] }) {
  const [showAll, setShowAll] = useState(false);
  const moreId = useId();
  const sorted = [...readers].sort((a, b) => b.read_count - a.read_count);
  const item = (reader: Reader) => (
    <li key={reader.user.user_id}>
      <PersonLink user={reader.user} />{' '}
      <span className="muted">
        · {formatWholeNumber(reader.read_count)} {reader.read_count === 1 ? 'read' : 'reads'}
      </span>
    </li>
  );
  return (
    <>
      <ul className="people" aria-label="Frequent users">
        {sorted.slice(0, SHOWN_READERS).map(item)}
      </ul>
      {sorted.length > SHOWN_READERS ? (
        <>
          {showAll ? (
            <ul className="people" id={moreId} aria-label="More frequent users">
              {sorted.slice(SHOWN_READERS).map(item)}
            </ul>
          ) : null}
          <DisclosureButton expanded={showAll} onToggle={() => setShowAll((s) => !s)} controls={moreId} className="people__more">
            {showAll ? 'Show fewer' : `Show ${sorted.length - SHOWN_READERS} more`}
          </DisclosureButton>
        </>
      ) : null}
    </>
  );
}

/**
 * When a watermark was written (decision 045): a time without a zone (Amundsen's usual
 * "2025-05-31T23:00:00") as written, saying it has no zone; one with a zone in the browser's zone,
 * named; anything else as it is.
 */
function WatermarkCreated({ text }: { text: string | null }) {
  const formatDate = useFormatDate();
  const formatWallClock = useFormatWallClock();
  if (!text) return null;
  const asWritten = formatWallClock(text);
  const created = asWritten ? `${asWritten} (no time zone given)` : (formatDate(isoToEpochSeconds(text), 'dateTimeShort') ?? text);
  return <span className="muted watermark__created"> · created {created}</span>;
}

function WatermarkLine({ label, watermark }: { label: string; watermark: Watermark }) {
  return (
    <li>
      <span className="watermark__label">{label}</span> {watermark.partition_value ?? <span className="muted">unknown</span>}
      <WatermarkCreated text={watermark.create_time} />
    </li>
  );
}

function DateRange({ watermarks }: { watermarks: Watermark[] }) {
  const range = describeWatermarks(watermarks);
  if (!range) return null;
  return (
    <>
      {range.partitionKey ? (
        <p className="watermark__key">
          Partitioned by <code>{range.partitionKey}</code>
        </p>
      ) : null}
      <ul className="watermarks" data-testid="watermarks">
        {range.low ? <WatermarkLine label="From" watermark={range.low} /> : null}
        {range.high ? <WatermarkLine label="To" watermark={range.high} /> : null}
        {range.other.map((w, i) => (
          <WatermarkLine key={i} label={w.watermark_type ?? 'Watermark'} watermark={w} />
        ))}
      </ul>
    </>
  );
}

function AppLink({ app }: { app: Application }) {
  return (
    <>
      <ExternalLink href={app.application_url}>{app.name ?? app.id}</ExternalLink>
      {app.kind ? <span className="muted"> · {app.kind}</span> : null}
      {app.description ? <span className="app__description muted">{app.description}</span> : null}
    </>
  );
}

export function TableFacts({ table }: { table: TableDetail }) {
  const formatDate = useFormatDate();
  const writer = table.table_writer;
  const otherApps = (table.table_apps ?? []).filter((app) => app.id !== writer?.id);
  const reports = table.resource_reports ?? [];
  return (
    <FactList
      facts={[
        { label: 'Last updated', value: formatDate(table.last_updated_timestamp, 'dateTimeShort'), placeholder: 'Unknown', testId: 'last-updated' },
        { label: 'Date range', value: table.watermarks.length > 0 ? <DateRange watermarks={table.watermarks} /> : null },
        {
          label: 'Owners',
          placeholder: 'No owners',
          testId: 'owners',
          value: table.edit_rights.owners ? (
            <TableOwnersEditor table={table} />
          ) :
            table.owners.length > 0 ? (
              <ul className="people" aria-label="Owners">
                {table.owners.map((owner) => (
                  <li key={owner.user_id}>
                    <PersonLink user={owner} />
                  </li>
                ))}
              </ul>
            ) : null,
        },
        { label: 'Frequent users', placeholder: 'Nobody yet', testId: 'frequent-users', value: table.table_readers.length > 0 ? <FrequentUsers readers={table.table_readers} /> : null },
        {
          label: 'Tags',
          placeholder: 'No tags',
          value: table.edit_rights.tags ? <TableTagsEditor table={table} /> : table.tags.length > 0 ? <TagList tags={table.tags.map((t) => t.tag_name)} /> : null,
        },
        { label: 'Written by', value: writer ? <AppLink app={writer} /> : null },
        {
          label: 'Applications',
          value:
            otherApps.length > 0 ? (
              <ul className="plain-list">
                {otherApps.map((app) => (
                  <li key={app.id}>
                    <AppLink app={app} />
                  </li>
                ))}
              </ul>
            ) : null,
        },
        { label: 'Source', value: table.source ? <ExternalLink href={table.source.source}>{table.source.source_type}</ExternalLink> : null },
        {
          label: 'Reports',
          value:
            reports.length > 0 ? (
              <ul className="plain-list">
                {reports.map((report) => (
                  <li key={`${report.name}-${report.url}`}>
                    <ExternalLink href={report.url}>{report.name}</ExternalLink>
                  </li>
                ))}
              </ul>
            ) : null,
        },
      ]}
    />
  );
}
