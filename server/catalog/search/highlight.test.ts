import { describe, expect, it } from 'vitest';
import { buildHighlight } from './highlight';

describe('buildHighlight', () => {
  it('cuts each long entry of a long-text list to one fragment around its match, in list order', () => {
    const long = `${'Lorem ipsum dolor sit amet. '.repeat(10)}The carrier delivering the parcel. ${'Consectetur adipiscing elit. '.repeat(10)}`;
    const { column_descriptions: fragments } = buildHighlight({
      column_descriptions: { longTexts: ['Nothing here', long, 'Who is <delivering>?'] },
    }, ['deliver']);
    expect(fragments).toHaveLength(2);
    expect(fragments[0]).toContain('The carrier <em>delivering</em> the parcel.');
    // A piece of the text, well short of all of it, that does not cut a word in half.
    const plain = fragments[0].replace(/<\/?em>/g, '');
    const start = long.indexOf(plain);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(plain.length).toBeLessThan(long.length / 2);
    expect(/[a-z]/i.test(long[start - 1] ?? ' ') && /[a-z]/i.test(plain[0])).toBe(false);
    expect(fragments[1]).toBe('Who is &lt;<em>delivering</em>&gt;?');
  });

  it('leaves out a long-text list without a match, and keeps name lists whole', () => {
    expect(buildHighlight({ column_descriptions: { longTexts: ['Nothing here'] }, columns: ['order_id', 'customer'] }, ['order']))
      .toEqual({ columns: ['<em>order</em>_id'] });
  });

  it('lists a dotted path only when its last name matches, highlighted whole', () => {
    const paths = { paths: [['payload', 'customer_email'], ['payload', 'address'], ['payload', 'address', 'city'], ['customer', 'id']] };
    expect(buildHighlight({ nested_fields: paths }, ['customer'])).toEqual({ nested_fields: ['payload.<em>customer</em>_email'] });
    expect(buildHighlight({ nested_fields: paths }, ['payload', 'addr'])).toEqual({ nested_fields: ['<em>payload</em>.<em>address</em>'] });
    expect(buildHighlight({ nested_fields: paths }, ['payload'])).toEqual({});
  });

  it('quotes a name holding a dot, so the column of a path is told apart (decision 067)', () => {
    const paths = { paths: [['a.b', 'city'], ['a', 'b.city']] };
    expect(buildHighlight({ nested_fields: paths }, ['city'])).toEqual({ nested_fields: ['`a.b`.<em>city</em>', 'a.`b.<em>city</em>`'] });
  });
});
