import { describe, expect, it } from 'vitest';
import { findUnknownDateTokens, formatDate } from './date-format';

// Local-time dates (the formatter works in the browser's zone), so the expectations hold in any zone.
const local = (year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0) => new Date(year, month - 1, day, hours, minutes, seconds);

describe('formatDate', () => {
  it('writes the UI config\'s default patterns the way Amundsen (moment.js) does', () => {
    const date = local(2026, 3, 1, 14, 5, 9);
    expect(formatDate(date, 'MMM DD, YYYY')).toBe('Mar 01, 2026');
    expect(formatDate(date, 'MMM DD, YYYY h:mm a')).toBe('Mar 01, 2026 2:05 pm');
    expect(formatDate(date, 'MMMM Do YYYY [at] h:mm:ss a')).toBe('March 1st 2026 at 2:05:09 pm');
  });

  it('knows every year, month and day token', () => {
    const date = local(2007, 9, 4);
    expect(formatDate(date, 'YYYY|YY|MMMM|MMM|MM|M|DD|D|Do|dddd|ddd')).toBe('2007|07|September|Sep|09|9|04|4|4th|Tuesday|Tue');
    expect(formatDate(local(2026, 12, 31), 'MMMM MMM MM M dddd ddd')).toBe('December Dec 12 12 Thursday Thu');
    expect(formatDate(local(2026, 1, 4), 'MMMM MM dddd')).toBe('January 01 Sunday');
  });

  it('knows every hour, minute and second token, on the 24- and the 12-hour clock', () => {
    expect(formatDate(local(2026, 1, 1, 9, 7, 3), 'HH H hh h mm m ss s A a')).toBe('09 9 09 9 07 7 03 3 AM am');
    expect(formatDate(local(2026, 1, 1, 21, 30, 45), 'HH H hh h mm m ss s A a')).toBe('21 21 09 9 30 30 45 45 PM pm');
    expect(formatDate(local(2026, 1, 1, 0, 0, 0), 'HH hh h A')).toBe('00 12 12 AM');
    expect(formatDate(local(2026, 1, 1, 12, 0, 0), 'HH hh h A a')).toBe('12 12 12 PM pm');
    expect(formatDate(local(2026, 1, 1, 11, 59, 59), 'h A')).toBe('11 AM');
  });

  it('writes ordinal days with st, nd, rd and th, and th for the teens', () => {
    const days = [1, 2, 3, 4, 10, 11, 12, 13, 14, 20, 21, 22, 23, 24, 30, 31];
    expect(days.map((d) => formatDate(local(2026, 1, d), 'Do')).join(' ')).toBe(
      '1st 2nd 3rd 4th 10th 11th 12th 13th 14th 20th 21st 22nd 23rd 24th 30th 31st',
    );
  });

  it('reads a number as Amundsen\'s epoch seconds', () => {
    const date = local(2026, 3, 1, 14, 5, 9);
    expect(formatDate(date.getTime() / 1000, 'YYYY-MM-DD HH:mm:ss')).toBe('2026-03-01 14:05:09');
  });

  it('writes the zone as an offset and by its short name', () => {
    const zone = process.env.TZ;
    try {
      // Node reads TZ again when it changes: the same instant in three zones.
      const instant = new Date(Date.UTC(2026, 5, 15, 12));
      process.env.TZ = 'UTC';
      expect(formatDate(instant, 'HH:mm Z z')).toBe('12:00 +00:00 UTC');
      process.env.TZ = 'Asia/Kolkata';
      expect(formatDate(instant, 'HH:mm Z z')).toBe('17:30 +05:30 GMT+5:30');
      process.env.TZ = 'America/New_York';
      expect(formatDate(instant, 'HH:mm Z z')).toBe('08:00 -04:00 EDT');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('keeps [bracketed] text and everything that is not a letter as written', () => {
    expect(formatDate(local(2026, 3, 1), '[Day] D [of] MMMM, [YYYY] YYYY; []')).toBe('Day 1 of March, YYYY 2026; ');
    expect(formatDate(local(2026, 3, 1), 'DD/MM/YYYY - HH:mm')).toBe('01/03/2026 - 00:00');
  });

  it('leaves a letter run it does not know as written', () => {
    expect(formatDate(local(2026, 3, 1), 'YYYY Q W')).toBe('2026 Q W');
  });
});

describe('findUnknownDateTokens', () => {
  it('finds nothing in patterns made of tokens, literals and punctuation', () => {
    expect(findUnknownDateTokens('MMMM Do YYYY [at] h:mm:ss a Z z')).toEqual([]);
    expect(findUnknownDateTokens('dddd, DD.MM.YY HH:mm [Uhr]')).toEqual([]);
  });

  it('names each letter run that is neither a token nor in brackets', () => {
    expect(findUnknownDateTokens('YYYY-MM-DD Q wo')).toEqual(['Q', 'wo']);
    expect(findUnknownDateTokens('yyyy-MM-dd')).toEqual(['yyyy', 'dd']);
  });
});
