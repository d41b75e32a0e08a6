// @vitest-environment jsdom
// A page rendered for roald while another tab has logged in as liv: its writes name roald and are
// refused, it says so with a way to reload, it notices on focus too, and typed text stays on screen.
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { normalizeUser } from '../../../contract/user';
import { EditableDescription } from '../../components/editable-description';
import { renderWithApp } from '../../components/testing/render-with-app';
import { requestJson, setPageUser } from '../../lib/api-client';
import { shouldRetry } from '../../lib/query-client';
import { SessionUserNotice, useSessionUserChange } from './session-user-check';

const ROALD = normalizeUser({ user_id: 'roald.amundsen@example.org', email: 'roald.amundsen@example.org', first_name: 'Roald', last_name: 'Amundsen' })!;
const LIV = normalizeUser({ user_id: 'liv.arnesen@example.org', email: 'liv.arnesen@example.org', first_name: 'Liv', last_name: 'Arnesen' })!;
const LIV_NOW = 'You are now signed in as Liv Arnesen in another tab or window; reload this page.';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refusal = () => json({ error: { name: 'ConflictError', message: LIV_NOW, code: 'session_user_changed' } }, 409);

/** The BFF as the other tab left it: the session is `sessionUser`'s; writes naming someone else are refused. */
function stubBff(sessionUser: () => typeof ROALD) {
  const fetchFn = vi.fn(async (path: string, init: RequestInit) => {
    if (path === '/api/auth_user') return json({ msg: 'Success', user: sessionUser() });
    const named = (init.headers as Record<string, string>)['X-Nansen-User'];
    return named === encodeURIComponent(sessionUser().user_id) ? json({ msg: 'Success' }) : refusal();
  });
  vi.stubGlobal('fetch', fetchFn);
  return fetchFn;
}

function Shell({ reload }: { reload: () => void }) {
  return <SessionUserNotice message={useSessionUserChange()} reload={reload} />;
}

beforeEach(() => setPageUser(ROALD.user_id));
afterEach(() => {
  cleanup();
  setPageUser(null);
  vi.unstubAllGlobals();
});

describe('a page whose session another tab has given to someone else', () => {
  it('names its own user, percent-encoded, on writes and on no read', async () => {
    setPageUser('signe.ødegård@example.org');
    const fetchFn = stubBff(() => ROALD);
    await requestJson('/api/auth_user', v.unknown());
    await requestJson('/api/x', v.unknown(), { method: 'PUT', body: {} }).catch(() => {});
    await requestJson('/api/x', v.unknown(), { method: 'DELETE', body: {} }).catch(() => {});
    const named = fetchFn.mock.calls.map(([, init]) => (init.headers as Record<string, string>)['X-Nansen-User']);
    expect(named).toEqual([undefined, 'signe.%C3%B8deg%C3%A5rd%40example.org', 'signe.%C3%B8deg%C3%A5rd%40example.org']);
  });

  it('shows the refusal of a write with a Reload button, and the refusal is not retried', async () => {
    const fetchFn = stubBff(() => LIV);
    const reload = vi.fn();
    render(<Shell reload={reload} />);
    expect(screen.queryByRole('alert')).toBeNull();
    const error = await act(() => requestJson('/api/metadata/v0/user/bookmark', v.unknown(), { method: 'PUT', body: { type: 'table', key: 'k' } }).catch((e: unknown) => e));
    expect(error).toMatchObject({ status: 409, code: 'session_user_changed', message: LIV_NOW });
    expect(shouldRetry(0, error)).toBe(false);
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect((await screen.findByRole('alert')).textContent).toContain(LIV_NOW);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reload this page' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does not take another 409 (a description conflict) for a change of user', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ error: { name: 'ConflictError', message: 'Changed meanwhile', code: 'edit_conflict' }, current: { description: 'x', edited_by: null, edited_at: null } }, 409)));
    render(<Shell reload={vi.fn()} />);
    await act(() => requestJson('/api/x', v.unknown(), { method: 'PUT', body: {} }).catch(() => {}));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks who is signed in when the window gets focus or the tab becomes visible, and says so until it is the page user again', async () => {
    let session = ROALD;
    const fetchFn = stubBff(() => session);
    render(<Shell reload={vi.fn()} />);
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await vi.waitFor(() => expect(fetchFn).toHaveBeenCalledTimes(1));
    // Let that check finish: one at a time (focus and visibilitychange often come together).
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.queryByRole('alert')).toBeNull();

    session = LIV;
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect((await screen.findByRole('alert')).textContent).toContain(LIV_NOW);
    expect(fetchFn.mock.calls.map(([path]) => path)).toEqual(['/api/auth_user', '/api/auth_user']);

    session = ROALD;
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('keeps the typed description on screen when its save is refused, with the reason', async () => {
    stubBff(() => LIV);
    const user = userEvent.setup();
    const save = (text: string, base: string | null) =>
      requestJson('/api/metadata/v0/put_table_description', v.unknown(), { method: 'PUT', body: { key: 'k', description: text, base } });
    renderWithApp(
      <EditableDescription value="Orders" canEdit editText="Edit description" fieldLabel="Description of orders" maxLength={750} markdown={false} save={save}>
        <p>Orders</p>
      </EditableDescription>,
      { user: ROALD },
    );
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox'), ' placed in the shop');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain(LIV_NOW);
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Orders placed in the shop');
  });
});
