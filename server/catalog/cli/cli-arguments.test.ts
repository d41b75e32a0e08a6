import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './cli-arguments';

const options = { db: { type: 'string' }, quiet: { type: 'boolean', short: 'q' }, schema: { type: 'string', multiple: true } } as const;
const mistakeOf = (args: string[], allowPositionals = false): string => {
  try {
    parseCliArgs({ args, options, allowPositionals });
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a UsageError');
};

describe('parseCliArgs', () => {
  it('names an unknown option in one short line, without Node\'s advice about positional arguments', () => {
    expect(mistakeOf(['--bogus'], true)).toBe('unknown option --bogus');
    expect(mistakeOf(['-x'])).toBe('unknown option -x');
    expect(mistakeOf(['-qz'])).toBe('unknown option -z');
    // Only the name: a value written with it may be a secret (--urll=postgres://app:pw@db/shop).
    expect(mistakeOf(['--urll=postgres://app:pw@db/shop'])).toBe('unknown option --urll');
  });

  it('says which option needs a value or takes none, and what argument it did not expect', () => {
    expect(mistakeOf(['--db'])).toBe('--db needs a value');
    expect(mistakeOf(['--db', '--quiet'])).toBe('--db needs a value');
    expect(mistakeOf(['--quiet=yes'])).toBe('--quiet takes no value');
    expect(mistakeOf(['file.ndjson'])).toBe('unexpected argument "file.ndjson"');
    expect(mistakeOf(['--', '--bogus'])).toBe('unexpected argument "--bogus"');
  });

  it('reads good arguments as parseArgs does', () => {
    expect(parseCliArgs({ args: ['--db', 'a.sqlite', '-q', '--schema', 's1', '--schema', 's2'], options })).toEqual({ values: { db: 'a.sqlite', quiet: true, schema: ['s1', 's2'] }, positionals: [] });
    expect(parseCliArgs({ args: ['--db=-odd-name', '-'], options, allowPositionals: true })).toEqual({ values: { db: '-odd-name' }, positionals: ['-'] });
    expect(parseCliArgs({ args: ['--db', 'a', '--', '--bogus'], options, allowPositionals: true }).positionals).toEqual(['--bogus']);
  });
});
