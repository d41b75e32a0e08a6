// The table page's day and wall-clock formats (contract/day-format.ts, decision 045), with the UI
// config's patterns: here rather than in app-data.tsx, so that the first page does not load them.
import { useMemo } from 'react';
import { formatDay, formatWallClock } from '../../../contract/day-format';
import { isTime, useUiConfig } from '../../app/app-data';

/** Formats a calendar day given as epoch seconds (a statistic's period): the same day in every zone (decision 045). */
export function useFormatDay(): (epochSeconds: number | null | undefined) => string | null {
  const formats = useUiConfig().date;
  return useMemo(() => (epochSeconds) => (isTime(epochSeconds) ? formatDay(epochSeconds, formats.default) : null), [formats]);
}

/** Formats a date-time written without a zone as written, never shifted (decision 045); null when it is not one. */
export function useFormatWallClock(): (text: string | null | undefined) => string | null {
  const formats = useUiConfig().date;
  return useMemo(() => (text) => formatWallClock(text, formats.dateTimeShort), [formats]);
}
