// A notice from the UI config shown above a resource page (`resourceConfig.<type>.notices`): the
// operator's HTML, sanitized, in the colours of its severity. Alerts are announced.
import type { Notice } from '../../contract/ui-config';
import { cx } from './class-names';
import { SanitizedHtml } from './markdown';
import { matchNotice } from './notice-match';
import './notice.css';

const SEVERITY_LABEL: Record<Notice['severity'], string> = { info: 'Note', warning: 'Warning', alert: 'Alert' };

export function ResourceNotice({ resourceKey, notices }: { resourceKey: string; notices: Record<string, Notice> }) {
  const notice = matchNotice(resourceKey, notices);
  if (!notice) return null;
  return (
    <div className={cx('notice', `notice--${notice.severity}`)} role={notice.severity === 'alert' ? 'alert' : 'note'} data-testid="resource-notice">
      <span className="notice__label">{SEVERITY_LABEL[notice.severity]}</span>
      <SanitizedHtml html={notice.messageHtml} className="notice__message" headingsFrom={2} />
    </div>
  );
}
