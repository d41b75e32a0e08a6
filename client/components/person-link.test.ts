import { describe, expect, it } from 'vitest';
import { choosePersonTarget } from './person-link';
import { safeHttpUrl } from './safe-url';

describe('choosePersonTarget', () => {
  const owner = { user_id: 'ada@example.com', profile_url: 'https://people.example.com/ada' };

  it('links to the in-app profile when users are indexed', () => {
    expect(choosePersonTarget(owner, true)).toEqual({ kind: 'internal', to: '/user/ada%40example.com' });
  });

  it('links to the external profile when users are not indexed', () => {
    expect(choosePersonTarget(owner, false)).toEqual({ kind: 'external', href: 'https://people.example.com/ada' });
  });

  it('links an email-like user id to an email without a profile url, and shows any other id as plain text', () => {
    expect(choosePersonTarget({ ...owner, profile_url: null }, false)).toEqual({ kind: 'mail', href: 'mailto:ada@example.com' });
    expect(choosePersonTarget({ ...owner, profile_url: '' }, false)).toEqual({ kind: 'mail', href: 'mailto:ada@example.com' });
    expect(choosePersonTarget({ user_id: 'ada', profile_url: null }, false)).toEqual({ kind: 'none' });
    // Not an address a mail program would read as this id.
    for (const user_id of ['a/b@x.org', 'ada@localhost', 'a b@x.org', 'a@x.org?cc=eve@x.org', 'ada@x.org#1', '@x.org', 'ada@.org']) {
      expect(choosePersonTarget({ user_id, profile_url: null }, false), user_id).toEqual({ kind: 'none' });
    }
  });

  it('never links to a script or relative url', () => {
    expect(choosePersonTarget({ user_id: 'ada', profile_url: 'javascript:alert(1)' }, false)).toEqual({ kind: 'none' });
    expect(choosePersonTarget({ user_id: 'ada', profile_url: '/people/ada' }, false)).toEqual({ kind: 'none' });
  });

  it('encodes user ids with slashes', () => {
    expect(choosePersonTarget({ user_id: 'team/ada', profile_url: null }, true)).toEqual({
      kind: 'internal',
      to: '/user/team%2Fada',
    });
  });
});

describe('safeHttpUrl', () => {
  it('accepts http and https only', () => {
    expect(safeHttpUrl('http://a.example/x')).toBe('http://a.example/x');
    expect(safeHttpUrl('HTTPS://a.example')).toBe('https://a.example/');
    expect(safeHttpUrl('data:text/html,hi')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });
});
