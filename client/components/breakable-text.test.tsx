// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BreakableText } from './breakable-text';

const html = (ui: React.ReactElement) => render(ui).container.innerHTML;

describe('BreakableText', () => {
  it('offers a line break after each underscore, dot and slash, and nowhere else', () => {
    expect(html(<BreakableText text="core.customer_lifetime_value" />)).toBe('core.<wbr>customer_<wbr>lifetime_<wbr>value');
    expect(html(<BreakableText text="customers" />)).toBe('customers');
  });

  it('takes other break characters, such as those of a type', () => {
    expect(html(<BreakableText text="struct<a:int,b:array<string>>" breakAfter=",<" />)).toBe('struct&lt;<wbr>a:int,<wbr>b:array&lt;<wbr>string&gt;&gt;');
    expect(html(<BreakableText text="a-b]c" breakAfter="-]" />)).toBe('a-<wbr>b]<wbr>c');
  });
});
