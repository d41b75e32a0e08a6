// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { AppLink, appLinkTarget } from './app-link';
import { renderWithApp } from './testing/render-with-app';

afterEach(cleanup);

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

const renderLinks = () =>
  renderWithApp(
    <>
      <Routes>
        <Route path="*" element={<Where />} />
      </Routes>
      <AppLink to="/table_detail/gold/hive/sales/orders?column=id">orders</AppLink>
      <AppLink to="/browse" target="_blank">
        browse in a new tab
      </AppLink>
    </>,
    { route: '/search?term=orders' },
  );

describe('AppLink', () => {
  it('is a plain link with its path as href', () => {
    renderLinks();
    expect(screen.getByRole('link', { name: 'orders' }).getAttribute('href')).toBe('/table_detail/gold/hive/sales/orders?column=id');
  });

  it('moves within the app on a plain click, as a router link does', async () => {
    renderLinks();
    await userEvent.setup().click(screen.getByRole('link', { name: 'orders' }));
    expect(screen.getByTestId('where').textContent).toBe('/table_detail/gold/hive/sales/orders?column=id');
  });

  it('leaves clicks with a modifier key, another button or another target to the browser', () => {
    renderLinks();
    const orders = screen.getByRole('link', { name: 'orders' });
    for (const init of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }]) {
      const notCancelled = fireEvent.click(orders, init);
      expect(notCancelled).toBe(true);
    }
    expect(fireEvent.click(screen.getByRole('link', { name: 'browse in a new tab' }))).toBe(true);
    expect(screen.getByTestId('where').textContent).toBe('/search?term=orders');
  });
});

describe('appLinkTarget', () => {
  const click = (href: string, init: Partial<MouseEvent> = {}) => {
    const a = document.createElement('a');
    a.setAttribute('href', href);
    a.setAttribute('data-app-link', '');
    const inner = a.appendChild(document.createElement('mark'));
    return appLinkTarget({ target: inner, defaultPrevented: false, button: 0, metaKey: false, altKey: false, ctrlKey: false, shiftKey: false, ...init });
  };

  it('is the path of a plain click on an app link (or on what it holds)', () => {
    expect(click('/user/liv')).toBe('/user/liv');
  });

  it('is null for another origin, a click already handled, or an element that is not an app link', () => {
    expect(click('//evil.example/x')).toBeNull();
    expect(click('https://evil.example/x')).toBeNull();
    expect(click('/user/liv', { defaultPrevented: true })).toBeNull();
    const plain = document.createElement('a');
    plain.setAttribute('href', '/user/liv');
    expect(appLinkTarget({ target: plain, defaultPrevented: false, button: 0, metaKey: false, altKey: false, ctrlKey: false, shiftKey: false })).toBeNull();
  });
});
