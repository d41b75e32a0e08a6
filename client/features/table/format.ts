// Turning the catalog's raw values into text for people: ISO times, column statistics, watermarks.
import type { Stat, Watermark } from '../../../contract/api-table';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Epoch seconds of an ISO 8601 date or date-time (`2025-05-31`, `2025-05-31T23:00:00`, with an
 * optional fraction and zone). Amundsen's watermark `create_time` comes without a zone: it is read
 * as UTC, as the catalog writes it. Null for anything else.
 */
export function isoToEpochSeconds(text: string | null | undefined): number | null {
  const match = text ? ISO.exec(text.trim()) : null;
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second, Number(`0.${fraction || '0'}`) * 1000);
  if (new Date(ms).getUTCDate() !== day) return null; // 2025-02-30
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms / 1000;
}

const STAT_LABELS: Record<string, string> = {
  num_nulls: 'Null values',
  null_count: 'Null values',
  distinct_values: 'Distinct values',
  num_distinct: 'Distinct values',
  count: 'Values',
  num_rows: 'Rows',
  min: 'Minimum',
  max: 'Maximum',
  avg: 'Average',
  mean: 'Average',
  median: 'Median',
  stddev: 'Standard deviation',
  std_dev: 'Standard deviation',
};

/** "distinct_values" → "Distinct values"; unknown types are made readable the same way. */
export function formatStatType(type: string): string {
  const known = STAT_LABELS[type.trim().toLowerCase().replace(/[\s-]+/g, '_')];
  if (known) return known;
  const words = type.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : type;
}

/**
 * Numbers with thousands separators ("1843211" → "1,843,211", "-1234.5" → "-1,234.5"), digits kept
 * exactly as the catalog wrote them (no rounding, a sign on "-0.5" and "-0" kept); any other value
 * (exponents, dates, words) as it is.
 */
export function formatStatValue(value: string | null): string {
  if (value === null || value.trim() === '') return '—';
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(value.trim());
  if (!match) return value;
  const [, sign = '', digits = '', fraction = ''] = match;
  // Grouped as text, not through a number: BigInt("-0") is 0 and would lose the sign.
  const grouped = digits.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${grouped}${fraction}`;
}

/**
 * The days a statistic was measured over, as epoch seconds of its first and last day (decision 045):
 * an end exactly at a UTC midnight after the start is the end of the day before (a period of "May 31"
 * is [May 31 00:00, Jun 01 00:00) in UTC), so one day measured reads as that one day.
 */
export function statPeriodDays(start: number | null, end: number | null): { first: number | null; last: number | null } {
  const lastDay = end !== null && start !== null && end > start && end % 86400 === 0 ? end - 1 : end;
  return { first: start, last: lastDay };
}

export interface StatRow {
  label: string;
  value: string;
  start: number | null;
  end: number | null;
}

export function describeStats(stats: readonly Stat[]): StatRow[] {
  return stats.map((s) => ({ label: formatStatType(s.stat_type), value: formatStatValue(s.stat_val), start: s.start_epoch, end: s.end_epoch }));
}

export interface WatermarkRange {
  partitionKey: string | null;
  low: Watermark | null;
  high: Watermark | null;
  other: Watermark[];
}

/** The low and high watermarks (Amundsen's "date range") and any others. */
export function describeWatermarks(watermarks: readonly Watermark[]): WatermarkRange | null {
  if (watermarks.length === 0) return null;
  const low = watermarks.find((w) => w.watermark_type === 'low_watermark') ?? null;
  const high = watermarks.find((w) => w.watermark_type === 'high_watermark') ?? null;
  const other = watermarks.filter((w) => w !== low && w !== high);
  return { partitionKey: high?.partition_key ?? low?.partition_key ?? null, low, high, other };
}
