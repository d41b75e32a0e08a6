// @vitest-environment jsdom
// A long text is clamped with a Show more / Show less button; a short one is shown whole, with no button.
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ClampedText } from './clamped-text';
import { renderWithApp } from './testing/render-with-app';
import { modelTextHeights } from './testing/text-heights';

modelTextHeights();
afterEach(cleanup);

const LONG = 'A very long imported description. '.repeat(1_650); // 56,100 characters

describe('ClampedText', () => {
  it('shows a short text whole, with no button', () => {
    renderWithApp(<ClampedText label="the description of sales.orders"><p>Orders placed in the shop.</p></ClampedText>);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByTestId('clamped-text').style.maxHeight).toBe('');
  });

  it('shows a text only a little taller than the clamp whole: no button that opens a line or two', () => {
    renderWithApp(<ClampedText label="the description"><p>{'x'.repeat(3_500)}</p></ClampedText>);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('clamps a long text with a "Show more" button that controls it, opens it and closes it again, by mouse and by keyboard', async () => {
    const user = userEvent.setup();
    renderWithApp(<ClampedText label="the description of sales.orders"><p>{LONG}</p></ClampedText>);
    const box = screen.getByTestId('clamped-text');
    const more = screen.getByRole('button', { name: 'Show more of the description of sales.orders' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(more.getAttribute('aria-controls')).toBe(box.id);
    expect(box.style.maxHeight).toBe('18rem');
    expect(box.className).toContain('clamped-text__box--clamped');
    // The whole text is there (found by search in the page, read by a screen reader), only cut visually.
    expect(box.textContent).toBe(LONG);

    await user.click(more);
    const less = screen.getByRole('button', { name: 'Show less of the description of sales.orders' });
    expect(less).toBe(more);
    expect(less.getAttribute('aria-expanded')).toBe('true');
    expect(box.style.maxHeight).toBe('');

    less.focus();
    await user.keyboard('{Enter}');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(box.style.maxHeight).toBe('18rem');
    await user.keyboard(' ');
    expect(more.getAttribute('aria-expanded')).toBe('true');
  });

  it('clamps a column\'s description lower (6rem)', () => {
    renderWithApp(<ClampedText size="short" label="the description of email"><span>{'y'.repeat(1_500)}</span></ClampedText>);
    expect(screen.getByTestId('clamped-text').style.maxHeight).toBe('6rem');
    expect(screen.getByRole('button', { name: 'Show more of the description of email' })).toBeTruthy();
  });

  it('opens when Tab reaches a link hidden under the fold, so focus never lands out of sight', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <ClampedText label="the description">
        <p>{LONG}</p>
        <a href="https://example.org/docs">the docs</a>
      </ClampedText>,
    );
    await user.tab();
    expect(document.activeElement?.textContent).toBe('the docs');
    expect(screen.getByRole('button', { name: /^Show less/ }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('clamped-text').style.maxHeight).toBe('');
  });
});
