import { describe, expect, it } from 'vitest';
import { parseQuerySyntax, positiveTokens } from './parse-query-syntax';

const words = (...tokens: string[]) => tokens.map((t) => ({ tokens: [t], phrase: false, quoted: false }));
const phrase = (...tokens: string[]) => ({ tokens, phrase: tokens.length > 1, quoted: true });

describe('parseQuerySyntax', () => {
  it('leaves a term without quotes, a leading minus or OR to the plain path', () => {
    for (const term of ['orders', 'core.customers', 'order_id', 'e-mail', 'or', 'orders or customers', 'OR', 'OR OR', '', '-', ' - ', 'a -', '"']) {
      expect(parseQuerySyntax(term), term).toBeUndefined();
    }
  });

  it('reads a quoted phrase, a quoted full name for the reference tier, and an unclosed quote as being typed', () => {
    expect(parseQuerySyntax('"core.customers"')).toEqual({
      clauses: [[phrase('core', 'customers')]], excluded: [], lastIsPrefix: false, quotedTerm: 'core.customers',
    });
    expect(parseQuerySyntax('"core.cust')).toMatchObject({ clauses: [[phrase('core', 'cust')]], lastIsPrefix: true });
    expect(parseQuerySyntax('"Ordérs" daily')).toMatchObject({ clauses: [[phrase('orders')], words('daily')], lastIsPrefix: true, quotedTerm: undefined });
  });

  it('reads -word and -"phrase" as exclusions, OR between two parts as either', () => {
    expect(parseQuerySyntax('orders -legacy')).toMatchObject({ clauses: [words('orders')], excluded: words('legacy'), lastIsPrefix: false });
    expect(parseQuerySyntax('customers -"core customers"')).toMatchObject({ excluded: [phrase('core', 'customers')] });
    expect(parseQuerySyntax('-orders')).toMatchObject({ clauses: [], excluded: words('orders') });
    expect(parseQuerySyntax('orders OR refunds daily')).toMatchObject({ clauses: [words('orders', 'refunds'), words('daily')] });
    expect(parseQuerySyntax('"a b" OR c')).toMatchObject({ clauses: [[phrase('a', 'b'), ...words('c')]] });
  });

  it('drops what has nothing to join or exclude', () => {
    expect(parseQuerySyntax('orders OR')).toMatchObject({ clauses: [words('orders')], lastIsPrefix: false });
    expect(parseQuerySyntax('OR orders -')).toMatchObject({ clauses: [words('orders')], excluded: [] });
    expect(parseQuerySyntax('OR orders "')).toMatchObject({ clauses: [words('orders')] });
    expect(parseQuerySyntax('orders OR -legacy')).toMatchObject({ clauses: [words('orders')], excluded: words('legacy') });
    expect(parseQuerySyntax('""')).toBeUndefined();
    expect(parseQuerySyntax('"ǂs1x"')).toMatchObject({ clauses: [[phrase('s1x')]] }); // never a facet token
  });

  it('bounds the parts of a term', () => {
    const syntax = parseQuerySyntax(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' OR '))!;
    expect(syntax.clauses.flat()).toHaveLength(16);
    expect(positiveTokens(parseQuerySyntax('"a b" OR b -c')!)).toEqual(['a', 'b']);
  });
});
