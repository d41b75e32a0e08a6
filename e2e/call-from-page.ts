// A BFF API call sent by the page's own JavaScript: same origin, the session cookie, and on a write the
// page user's header, as the SPA's API client sends it (contract/page-user.ts, decision 030). Its reads
// name no one, as a script's do, and are answered for the session's user. For specs that set up data or
// forge requests without clicking through the UI.
import type { Page } from '@playwright/test';

export interface PageAnswer<B = unknown> {
  status: number;
  /** The parsed JSON answer, or null when it was none. */
  body: B;
}

export function callFromPage<B = unknown>(page: Page, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<PageAnswer<B>> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (method !== 'GET') {
        const { user } = (await (await fetch('/api/auth_user')).json()) as { user: { user_id: string } };
        headers['X-Nansen-User'] = encodeURIComponent(user.user_id);
      }
      const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, url, body },
  ) as Promise<PageAnswer<B>>;
}
