import { describe, expect, it } from 'vitest';
import { decodePageUser, encodePageUser, PAGE_USER_HEADER, PAGE_USER_MISSING, SESSION_USER_CHANGED, sessionUserChangedMessage } from './page-user';

describe('the page-user header', () => {
  it('carries any user id as Latin-1 text and gives it back', () => {
    for (const id of ['roald@example.org', 'Ærøskøbing / 北極 😀', 'a%2Fb', '']) {
      const value = encodePageUser(id);
      expect(value, id).toMatch(/^[\x21-\x7e]*$/);
      expect(decodePageUser(value), id).toBe(id);
    }
    expect(encodePageUser('Ærø')).toBe('%C3%86r%C3%B8');
  });

  it('names no user for a value that is not valid percent-encoding', () => {
    expect(decodePageUser('%E0%A4%A')).toBeNull();
    expect(decodePageUser('100%')).toBeNull();
  });

  // The SPA and the BFF are deployed together, but a tab opened before an upgrade still sends the old
  // header and reads the old codes.
  it('keeps its header name, error codes and message', () => {
    expect(PAGE_USER_HEADER).toBe('X-Nansen-User');
    expect(SESSION_USER_CHANGED).toBe('session_user_changed');
    expect(PAGE_USER_MISSING).toBe('page_user_missing');
    expect(sessionUserChangedMessage('Roald Amundsen')).toBe('You are now signed in as Roald Amundsen in another tab or window; reload this page.');
  });
});
