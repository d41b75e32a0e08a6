// @vitest-environment jsdom
import * as v from 'valibot';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BOOTSTRAP_ELEMENT_ID } from '../../contract/bootstrap';
import { toClientConfig, UiConfigFileSchema } from '../../contract/ui-config';
import { normalizeUser } from '../../contract/user';
import { getPageUser, setPageUser } from '../lib/api-client';
import { authUserQueryOptions, clientConfigQueryOptions, seedFromPage } from './app-data';

const USER = normalizeUser({ email: 'liv@example.org', first_name: 'Liv', last_name: 'Arnesen' })!;
const CONFIG = toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'Test IdP', indexUsers: false, indexDashboards: true, logoUrl: null });

function pageWith(text: string | null): Document {
  const doc = document.implementation.createHTMLDocument();
  if (text !== null) {
    const block = doc.createElement('script');
    block.type = 'application/json';
    block.id = BOOTSTRAP_ELEMENT_ID;
    block.textContent = text;
    doc.head.append(block);
  }
  return doc;
}

describe('seedFromPage', () => {
  it('puts the user and the UI config the BFF wrote into the page in the query cache', () => {
    const client = new QueryClient();
    seedFromPage(client, pageWith(JSON.stringify({ user: USER, config: CONFIG })));
    expect(client.getQueryData(authUserQueryOptions().queryKey)).toEqual(USER);
    expect(client.getQueryData(clientConfigQueryOptions().queryKey)).toEqual(CONFIG);
  });

  it.each([
    ['no data block', null],
    ['broken JSON', '{"user":'],
    ['another shape', JSON.stringify({ user: { name: 'x' }, config: CONFIG })],
  ])('leaves the cache empty (so the shell asks) with %s', (_what, text) => {
    const client = new QueryClient();
    seedFromPage(client, pageWith(text));
    expect(client.getQueryData(authUserQueryOptions().queryKey)).toBeUndefined();
    expect(client.getQueryData(clientConfigQueryOptions().queryKey)).toBeUndefined();
  });
});

describe('the page user (named on every write)', () => {
  afterEach(() => {
    setPageUser(null);
    vi.unstubAllGlobals();
  });

  it('is the user the BFF wrote into the page, and a later answer naming someone else does not change it', async () => {
    seedFromPage(new QueryClient(), pageWith(JSON.stringify({ user: USER, config: CONFIG })));
    expect(getPageUser()).toBe('liv@example.org');
    const roald = normalizeUser({ email: 'roald@example.org', first_name: 'Roald', last_name: 'Amundsen' })!;
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ msg: 'Success', user: roald }), { status: 200 })));
    expect(await new QueryClient().fetchQuery(authUserQueryOptions())).toEqual(roald);
    expect(getPageUser()).toBe('liv@example.org');
  });

  it('is the first /api/auth_user answer when the page carried no user', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ msg: 'Success', user: USER }), { status: 200 })));
    expect(getPageUser()).toBeNull();
    await new QueryClient().fetchQuery(authUserQueryOptions());
    expect(getPageUser()).toBe('liv@example.org');
  });
});
