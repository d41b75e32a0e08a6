// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DescriptionChange } from './description-change';

afterEach(cleanup);

// The exploratory tester's case: a 3,239-character description changed at its very end.
const LONG = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');

describe('DescriptionChange', () => {
  it('folds a long unchanged stretch before a change into a button that says how much it holds, and unfolds it in place', async () => {
    render(<DescriptionChange before={`${LONG} ends.`} after={`${LONG} ends here.`} />);
    const diff = screen.getByTestId('description-diff');
    expect(diff.textContent!.length).toBeLessThan(300);
    expect(diff.textContent).toContain('word298 word299 [removed: ends.]');
    const fold = screen.getByRole('button', { name: /^… [\d,]+ unchanged characters …$/ });
    const hidden = Number(/([\d,]+)/.exec(fold.textContent!)![1]!.replace(/,/g, ''));
    expect(hidden).toBeGreaterThan(LONG.length - 200);
    expect(diff.textContent).not.toContain('word10 ');

    await userEvent.setup().click(fold);
    expect(diff.textContent).toContain('word0 word1 word2');
    expect(diff.textContent).toContain(`${LONG} [removed: ends.]`);
    expect(screen.queryByRole('button', { name: /unchanged characters/ })).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toContain('word10 '));
  });

  it('parts a removal and the addition right after it, so their words do not run together', () => {
    render(<DescriptionChange before="Orders paid in the web shop" after="Orders placed online" />);
    expect(screen.getByTestId('description-diff').textContent).toBe('Orders [removed: paid in the web shop] [added: placed online]');
  });

  it('keeps both ends of a long stretch between two changes, and short stretches whole', () => {
    // 150 words: few enough for the word diff to find the two changes (word-diff.ts, MAX_CELLS).
    const middle = LONG.split(' ').slice(0, 150).join(' ');
    render(<DescriptionChange before={`Start. ${middle} End.`} after={`Begin. ${middle} Finish.`} />);
    const text = screen.getByTestId('description-diff').textContent!;
    expect(text).toMatch(/\] word0 word1 .*… [\d,]+ unchanged characters ….* word148 word149 \[/);
    cleanup();
    render(<DescriptionChange before="One row per order." after="One row per paid order." />);
    expect(screen.queryByRole('button', { name: /unchanged characters/ })).toBeNull();
  });
  it('clamps a long first description to its first ~400 characters, and shows all of it in place on demand, moving the focus there', async () => {
    render(<DescriptionChange before={null} after={LONG} />);
    const diff = screen.getByTestId('description-diff');
    expect(diff.textContent!.length).toBeLessThan(500);
    expect(diff.textContent).toMatch(/^\[added: word0 word1 /);
    expect(diff.textContent).not.toContain('word299');
    const more = screen.getByRole('button', { name: `Show all ${LONG.length.toLocaleString('en-US')} added characters` });

    await userEvent.setup().click(more);
    expect(diff.textContent).toBe(`[added: ${LONG}]`);
    expect(diff.querySelectorAll('ins')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /^Show all/ })).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toContain('word299'));
  });

  it('clamps a long text replaced whole on both sides, each with its own button, and leaves short changes whole', async () => {
    const other = LONG.replace(/word/g, 'term');
    render(<DescriptionChange before={LONG} after={other} />);
    const diff = screen.getByTestId('description-diff');
    expect(diff.textContent!.length).toBeLessThan(1000);
    expect(screen.getByRole('button', { name: /^Show all [\d,]+ removed characters$/ })).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: /^Show all [\d,]+ added characters$/ }));
    expect(diff.querySelector('ins')!.textContent).toContain('term299');
    expect(diff.querySelector('del')!.textContent).not.toContain('word299');
    cleanup();

    render(<DescriptionChange before={null} after="A short first description." />);
    expect(screen.getByTestId('description-diff').textContent).toBe('[added: A short first description.]');
    expect(screen.queryByRole('button', { name: /^Show all/ })).toBeNull();
  });
});
