import { Fragment } from 'react';

const escape = (chars: string) => chars.replace(/[\\\]^-]/g, '\\$&');

/**
 * An identifier that may wrap only after one of `breakAfter` (by default `_`, `.` and `/`:
 * customer_lifetime_value_usd), never in the middle of a word. Give its container
 * `overflow-wrap: break-word` as a last resort for a single overlong word.
 */
export function BreakableText({ text, breakAfter = '_./' }: { text: string; breakAfter?: string }) {
  const parts = text.split(new RegExp(`(?<=[${escape(breakAfter)}])`));
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
