import { describe, expect, it } from 'vitest';
import { describeStats, describeWatermarks, formatStatType, formatStatValue, isoToEpochSeconds, statPeriodDays } from './format';

describe('isoToEpochSeconds', () => {
  it('reads a date-time without a zone as UTC, the way the catalog writes watermarks', () => {
    expect(isoToEpochSeconds('2025-05-31T23:00:00')).toBe(Date.UTC(2025, 4, 31, 23) / 1000);
    expect(isoToEpochSeconds('2019-10-01 12:13:14')).toBe(Date.UTC(2019, 9, 1, 12, 13, 14) / 1000);
  });

  it('reads a date alone, fractions and zones', () => {
    expect(isoToEpochSeconds('2025-05-31')).toBe(Date.UTC(2025, 4, 31) / 1000);
    expect(isoToEpochSeconds('2025-05-31T23:00:00.500Z')).toBe(Date.UTC(2025, 4, 31, 23, 0, 0, 500) / 1000);
    expect(isoToEpochSeconds('2025-06-01T01:00:00+02:00')).toBe(Date.UTC(2025, 4, 31, 23) / 1000);
    expect(isoToEpochSeconds('2025-05-31T18:30:00-0430')).toBe(Date.UTC(2025, 4, 31, 23) / 1000);
  });

  it('refuses what is not a real ISO date', () => {
    for (const text of ['', 'yesterday', '2025-13-01', '2025-02-30', '2025-05-31T24:00:00', '31/05/2025', null, undefined]) {
      expect(isoToEpochSeconds(text)).toBeNull();
    }
  });
});

describe('column statistics', () => {
  it('names known statistics and makes others readable', () => {
    expect(formatStatType('distinct_values')).toBe('Distinct values');
    expect(formatStatType('num_nulls')).toBe('Null values');
    expect(formatStatType('distinct values')).toBe('Distinct values');
    expect(formatStatType('p95_latency')).toBe('P95 latency');
  });

  it('groups digits of whole and decimal numbers, even past 2^53, and keeps other values', () => {
    expect(formatStatValue('1843211')).toBe('1,843,211');
    expect(formatStatValue('-1234.50')).toBe('-1,234.50');
    expect(formatStatValue('12345678901234567890')).toBe('12,345,678,901,234,567,890');
    expect(formatStatValue('2025-05-31')).toBe('2025-05-31');
    expect(formatStatValue(null)).toBe('—');
  });

  it('keeps the minus sign of values between -1 and 0, and of -0', () => {
    expect(formatStatValue('-0.0000123')).toBe('-0.0000123');
    expect(formatStatValue('-0.5')).toBe('-0.5');
    expect(formatStatValue('-0')).toBe('-0');
    expect(formatStatValue('-0.0')).toBe('-0.0');
    expect(formatStatValue('-12.5')).toBe('-12.5');
    expect(formatStatValue('0.5')).toBe('0.5');
    expect(formatStatValue(' -1000.25 ')).toBe('-1,000.25');
  });

  it('groups huge integers exactly and leaves exponents and words as they are', () => {
    expect(formatStatValue('-98765432109876543210987')).toBe('-98,765,432,109,876,543,210,987');
    expect(formatStatValue('100')).toBe('100');
    expect(formatStatValue('1000')).toBe('1,000');
    expect(formatStatValue('0001234')).toBe('1,234');
    expect(formatStatValue('1.5e-7')).toBe('1.5e-7');
    expect(formatStatValue('-2E10')).toBe('-2E10');
    expect(formatStatValue('NaN')).toBe('NaN');
    expect(formatStatValue('-')).toBe('-');
    expect(formatStatValue('12.')).toBe('12.');
    expect(formatStatValue('abc 123')).toBe('abc 123');
  });

  it('describes each statistic with its period', () => {
    expect(describeStats([{ stat_type: 'num_nulls', stat_val: '0', start_epoch: 1, end_epoch: 2, is_metric: null }])).toEqual([
      { label: 'Null values', value: '0', start: 1, end: 2 },
    ]);
  });
});

describe('describeWatermarks', () => {
  const mark = (watermark_type: string, partition_value: string) => ({ watermark_type, partition_key: 'ds', partition_value, create_time: null });

  it('picks the low and high watermark and the partition key', () => {
    const low = mark('low_watermark', '2024-01-01');
    const high = mark('high_watermark', '2025-05-31');
    expect(describeWatermarks([high, low])).toEqual({ partitionKey: 'ds', low, high, other: [] });
  });

  it('keeps watermarks of other types, and gives null for none', () => {
    const odd = mark('snapshot', 'x');
    expect(describeWatermarks([odd])).toEqual({ partitionKey: null, low: null, high: null, other: [odd] });
    expect(describeWatermarks([])).toBeNull();
  });
});

describe('statPeriodDays', () => {
  const day = (d: number) => Date.UTC(2025, 4, d) / 1000;
  it('ends a period that ends at a UTC midnight on the day before, so one day reads as one day', () => {
    expect(statPeriodDays(day(31), day(32))).toEqual({ first: day(31), last: day(32) - 1 });
    expect(statPeriodDays(day(25), day(32))).toEqual({ first: day(25), last: day(32) - 1 });
  });
  it('keeps any other end, and a missing start or end', () => {
    expect(statPeriodDays(day(31), day(31) + 3600)).toEqual({ first: day(31), last: day(31) + 3600 });
    expect(statPeriodDays(day(31), day(31))).toEqual({ first: day(31), last: day(31) });
    expect(statPeriodDays(null, day(31))).toEqual({ first: null, last: day(31) });
    expect(statPeriodDays(day(31), null)).toEqual({ first: day(31), last: null });
  });
});
