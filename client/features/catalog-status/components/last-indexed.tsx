// "Catalog updated …": when the metadata last changed, in the UI config's date format. Quiet while
// loading and when unknown: it is a footnote, not content.
import { useFormatDate } from '../../../app/app-data';
import { useLastIndexed } from '../api/get-last-indexed';

export function LastIndexed({ className }: { className?: string }) {
  const query = useLastIndexed();
  const formatDate = useFormatDate();
  const when = formatDate(query.data, 'dateTimeShort');
  return (
    <p className={className} data-testid="last-indexed">
      {when ? (
        <>
          Catalog last updated <time dateTime={new Date(query.data! * 1000).toISOString()}>{when}</time>
        </>
      ) : query.isError ? (
        'When the catalog was last updated is not known right now.'
      ) : (
        '\u00a0'
      )}
    </p>
  );
}
