// @vitest-environment jsdom
// The Markdown renderer's code (marked, DOMPurify) may not arrive: the server restarting, or a newer
// version deployed whose files replaced this page's. A description then stays plain text, and the page
// around it stays.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown, SanitizedHtml } from './markdown';

vi.mock('./markdown-renderer', () => {
  throw new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/markdown-renderer-0ld.js');
});

afterEach(cleanup);

// Until the renderer's import has failed (the plain text before it is the same), and React has rendered after.
const settle = () => act(() => import('./markdown-renderer').then(() => {}, () => {}));

describe('Markdown whose renderer does not arrive', () => {
  it('shows the description as the plain text it was written as, in the page', async () => {
    const { container } = render(
      <main>
        <h1>orders</h1>
        <Markdown source={'Daily **orders**.\nOne row per order.'} />
      </main>,
    );
    await settle();
    const text = container.querySelector('.markdown')!;
    expect(text.textContent).toBe('Daily **orders**.\nOne row per order.');
    expect(text.classList.contains('markdown--plain')).toBe(true);
    expect(text.querySelector('strong')).toBeNull();
    expect(screen.getByRole('heading', { name: 'orders' })).toBeTruthy();
  });

  it('shows operator HTML as its words only: no element of it is made, nothing of it runs', async () => {
    const { container } = render(<SanitizedHtml html={'<p>Maintenance <b>tonight</b>.</p><img src="x" onerror="window.ran = true"><script>window.ran = true</script>'} />);
    await settle();
    const text = container.querySelector('.markdown')!;
    expect(text.textContent).toBe('Maintenance tonight.window.ran = true');
    expect(text.querySelector('b, img, script')).toBeNull();
    expect((window as { ran?: boolean }).ran).toBeUndefined();
  });
});
