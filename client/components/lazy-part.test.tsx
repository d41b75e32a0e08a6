// @vitest-environment jsdom
// A lazily loaded part whose code does not arrive (a 404 after a deploy, the server restarting) shows
// its fallback and leaves the page around it; its next render a second or more later asks for the code again.
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyPart } from './lazy-part';

afterEach(cleanup);

/** lazyPart asks again no sooner than a second after a failure. */
const waitOutTheRetryDelay = () => act(() => new Promise((resolve) => setTimeout(resolve, 1_100)));

function Greeting({ name }: { name: string }) {
  return <p>Hello, {name}</p>;
}

/** A loader that fails (as Vite's preload does when a chunk's CSS is gone) until `arrive()`. */
function flakyLoader() {
  const loader = {
    calls: 0,
    available: false,
    load: async () => {
      loader.calls++;
      if (!loader.available) throw new Error('Unable to preload CSS for /assets/greeting-0ld.css');
      return { default: Greeting };
    },
  };
  return loader;
}

function Page({ Part }: { Part: (props: { name: string }) => React.ReactNode }) {
  const [name, setName] = useState('Ada');
  return (
    <main>
      <h1>The page</h1>
      <button type="button" onClick={() => setName('Grace')}>
        Greet Grace
      </button>
      <Suspense fallback={<p>Loading</p>}>
        <Part name={name} />
      </Suspense>
    </main>
  );
}

describe('lazyPart', () => {
  it('shows a part whose code arrives', async () => {
    const Part = lazyPart(async () => ({ default: Greeting }));
    render(<Page Part={Part} />);
    expect(await screen.findByText('Hello, Ada')).toBeTruthy();
  });

  it('shows the fallback with the part’s props when its code does not arrive, and keeps the page', async () => {
    const loader = flakyLoader();
    const Part = lazyPart(loader.load, ({ name }) => <p>Plain {name}</p>);
    render(<Page Part={Part} />);
    expect(await screen.findByText('Plain Ada')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'The page' })).toBeTruthy();
    // Not asked again and again while nothing renders it anew.
    await waitOutTheRetryDelay();
    expect(loader.calls).toBe(1);
    expect(screen.getByText('Plain Ada')).toBeTruthy();
  });

  it('shows nothing in its place by default', async () => {
    const loader = flakyLoader();
    const Part = lazyPart(loader.load);
    render(<Page Part={Part} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByText('Loading')).toBeNull();
    expect(screen.queryByText(/Hello/)).toBeNull();
    expect(screen.getByRole('heading', { name: 'The page' })).toBeTruthy();
  });

  it('asks for the code again on a render a second later, and shows the part once the code arrives', async () => {
    const loader = flakyLoader();
    const Part = lazyPart(loader.load, ({ name }) => <p>Plain {name}</p>);
    render(<Page Part={Part} />);
    expect(await screen.findByText('Plain Ada')).toBeTruthy();

    loader.available = true;
    await waitOutTheRetryDelay();
    await act(async () => screen.getByRole('button', { name: 'Greet Grace' }).click());
    expect(await screen.findByText('Hello, Grace')).toBeTruthy();
    expect(loader.calls).toBe(2);
  });

  it('does not ask again within a second of a failure, and asks again after that while the code is still missing', async () => {
    const loader = flakyLoader();
    const Part = lazyPart(loader.load, ({ name }) => <p>Plain {name}</p>);
    render(<Page Part={Part} />);
    expect(await screen.findByText('Plain Ada')).toBeTruthy();
    await act(async () => screen.getByRole('button', { name: 'Greet Grace' }).click());
    expect(await screen.findByText('Plain Grace')).toBeTruthy();
    expect(loader.calls).toBe(1);

    cleanup();
    await waitOutTheRetryDelay();
    render(<Page Part={Part} />);
    expect(await screen.findByText('Plain Ada')).toBeTruthy();
    expect(loader.calls).toBe(2);
  });

  it('asks again with its code for a stylesheet that failed, as Vite does not, but leaves one still loading', async () => {
    const stylesheet = (href: string) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      document.head.append(link);
      return link;
    };
    // Chromium keeps an empty sheet for a stylesheet answered 404; one still loading has none yet (nor has any in jsdom).
    const failed = stylesheet('http://localhost/assets/part-0ld.css');
    Object.defineProperty(failed, 'sheet', { value: { cssRules: [] } });
    const loading = stylesheet('http://localhost/assets/other-part.css');
    const loader = flakyLoader();
    const Part = lazyPart(loader.load, ({ name }) => <p>Plain {name}</p>);
    render(<Page Part={Part} />);
    expect(await screen.findByText('Plain Ada')).toBeTruthy();
    expect(failed.isConnected).toBe(true); // not on the first try

    loader.available = true;
    await waitOutTheRetryDelay();
    await act(async () => screen.getByRole('button', { name: 'Greet Grace' }).click());
    expect(await screen.findByText('Hello, Grace')).toBeTruthy();
    expect(failed.isConnected).toBe(false);
    expect([...document.head.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')].map((link) => link.href)).toEqual([failed.href, loading.href]);
    expect(loading.isConnected).toBe(true);
    for (const link of document.head.querySelectorAll('link')) link.remove();
  });
});
