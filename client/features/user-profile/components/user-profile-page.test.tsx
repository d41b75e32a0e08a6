// @vitest-environment jsdom
// An id no one can have (`/user/..%2F..%2Fapi`, refused by the BFF) is a person who is not there, in
// plain words with the ways on of "No such person", not a failure worded for developers.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp, testConfig } from '../../../components/testing/render-with-app';
import { UserProfilePage } from './user-profile-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function stubError(status: number, name: string, message: string, code: string) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { name, message, code } }), { status, headers: { 'content-type': 'application/json' } })));
}

const bookmarks = { isPending: true } as never;

describe('UserProfilePage', () => {
  it('says “No such person” with the ways on, in plain words, for an id no one can have', async () => {
    stubError(400, 'InputError', 'The user id "../../api" has a "." or ".." between slashes, which the metadata service may not see as part of the id.', 'invalid_user_id');
    renderWithApp(<UserProfilePage userId="../../api" bookmarks={bookmarks} />, { config: testConfig({}, { indexUsers: true }) });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('No such person');
    expect(document.title).toMatch(/^No such person/);
    expect(screen.getByText('../../api', { selector: 'code' })).toBeTruthy();
    expect(screen.getByText(/No one in the catalog can have the id/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Search people' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toBeTruthy();
    expect(screen.queryByText(/metadata service|between slashes/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('quotes an id nobody has, so that whitespace around it shows', async () => {
    stubError(404, 'NotFoundError', 'No user  liv ', 'not_found');
    renderWithApp(<UserProfilePage userId=" liv " bookmarks={bookmarks} />, { config: testConfig({}, { indexUsers: true }) });
    const sentence = await screen.findByText(/Nobody with the id/);
    expect(sentence.textContent).toMatch(/^Nobody with the id “ liv ” is in the catalog\./);
    expect(screen.getByText(' liv ', { selector: 'code', normalizer: (text) => text })).toBeTruthy();
  });

  it('still says the profile could not be loaded when the catalog failed', async () => {
    stubError(502, 'UpstreamError', 'The metadata service did not answer.', 'upstream_unavailable');
    renderWithApp(<UserProfilePage userId="liv" bookmarks={bookmarks} />, { config: testConfig({}, { indexUsers: true }) });
    expect(await screen.findByText('This profile could not be loaded')).toBeTruthy();
  });
});
