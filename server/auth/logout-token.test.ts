import { describe, expect, it } from 'vitest';
import { toLogoutRequest } from './oidc-client';

const EVENT = 'http://schemas.openid.net/event/backchannel-logout';
const ISSUER = 'https://login.example.com';
const valid = { iss: ISSUER, aud: 'nansen', iat: 1_772_000_000, jti: 'jti-1', events: { [EVENT]: {} } };

describe('a back-channel logout token, once its signature and claims are verified', () => {
  it('names the provider session, or the subject, or both, and how long its jti is remembered', () => {
    expect(toLogoutRequest({ ...valid, sid: 'idp-session' }, ISSUER)).toEqual({ issuer: ISSUER, providerSessionId: 'idp-session', jti: 'jti-1', expiresAt: (1_772_000_000 + 300) * 1000 });
    expect(toLogoutRequest({ ...valid, sub: 'roald' }, ISSUER)).toEqual({ issuer: ISSUER, subject: 'roald', jti: 'jti-1', expiresAt: (1_772_000_000 + 300) * 1000 });
    expect(toLogoutRequest({ ...valid, sid: 's', sub: 'roald' }, ISSUER)).toMatchObject({ providerSessionId: 's', subject: 'roald' });
    expect(toLogoutRequest({ ...valid, iat: undefined, sub: 'roald' }, ISSUER).expiresAt).toBe(300_000);
  });

  it('must carry the back-channel logout event', () => {
    for (const events of [undefined, 'logout', { other: {} }, { [EVENT]: 'yes' }, null]) {
      expect(() => toLogoutRequest({ ...valid, sub: 'roald', events }, ISSUER), JSON.stringify(events)).toThrow('the logout token has no back-channel logout event');
    }
  });

  it('must not carry a nonce (an ID token is not a logout token)', () => {
    expect(() => toLogoutRequest({ ...valid, sub: 'roald', nonce: 'n' }, ISSUER)).toThrow('a logout token must not contain a nonce');
  });

  it('must name a session or a subject, as non-empty text', () => {
    for (const who of [{}, { sid: '', sub: '' }, { sid: 42 }, { sub: ['roald'] }] as Record<string, unknown>[]) {
      expect(() => toLogoutRequest({ ...valid, ...who }, ISSUER), JSON.stringify(who)).toThrow('the logout token names neither a session (sid) nor a subject (sub)');
    }
    expect(toLogoutRequest({ ...valid, sid: '', sub: 'roald' }, ISSUER)).not.toHaveProperty('providerSessionId');
    expect(toLogoutRequest({ ...valid, sid: 's', sub: '' }, ISSUER)).not.toHaveProperty('subject');
  });

  it('must have a jti to refuse its replay', () => {
    for (const jti of [undefined, '', 7]) {
      expect(() => toLogoutRequest({ ...valid, sub: 'roald', jti: jti as string }, ISSUER)).toThrow('the logout token has no jti');
    }
  });
});
