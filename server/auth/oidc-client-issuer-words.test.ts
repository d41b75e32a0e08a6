// The words of an issuer mismatch (decision 074): the issuer a provider declares is its text, shown in a
// log line and a start-up warning, so it is cleaned first. Discovery itself is in oidc-client-discovery.test.ts.
import { describe, expect, it } from 'vitest';
import { describeIssuerMismatch, IssuerMismatchError, showDeclaredIssuer } from './oidc-client';

describe('showDeclaredIssuer', () => {
  it('shows nothing for an issuer that is no string, or empty', () => {
    for (const declared of [undefined, null, 42, ['https://idp.example.com'], { issuer: 'x' }, '']) {
      expect(showDeclaredIssuer(declared), JSON.stringify(declared)).toBeUndefined();
    }
  });

  it('shows an issuer as declared, slashes, ports and paths included', () => {
    for (const issuer of ['http://localhost:7231', 'https://idp.example.com/', 'https://kc.example.com/auth/realms/main', 'https://admin@idp.example.com']) {
      expect(showDeclaredIssuer(issuer)).toBe(issuer);
    }
  });

  it('turns each control and text-direction character into a space, and keeps their neighbours', () => {
    const hidden = ['\u0000', '\u0009', '\u000a', '\u001f', '\u007f', '\u0085', '\u009f', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069'];
    for (const c of hidden) expect(showDeclaredIssuer(`https://a${c}b${c}c`), c.codePointAt(0)!.toString(16)).toBe('https://a b c');
    const kept = ['\u00a0', '\u00e9', '\u200d', '\u2010', '\u2029', '\u202f', '\u2065', '\u206a', '~'];
    for (const c of kept) expect(showDeclaredIssuer(`https://a${c}b`), c.codePointAt(0)!.toString(16)).toBe(`https://a${c}b`);
  });

  it("hides the password of a URL's user, whatever the scheme's case or letters", () => {
    expect(showDeclaredIssuer('https://admin:hunter2@idp.example.com/')).toBe('https://admin:***@idp.example.com/');
    expect(showDeclaredIssuer('HTTPS://Admin:Hunter2@idp.example.com')).toBe('HTTPS://Admin:***@idp.example.com');
    expect(showDeclaredIssuer('git+ssh.x-y://u:p@h')).toBe('git+ssh.x-y://u:***@h');
    expect(showDeclaredIssuer('https://:secret@idp.example.com')).toBe('https://:***@idp.example.com');
    expect(showDeclaredIssuer('https://admin:@idp.example.com')).toBe('https://admin:***@idp.example.com');
  });

  it('leaves alone what only looks like a password: not at the start, not before the host, or no scheme', () => {
    for (const issuer of [
      'see https://admin:hunter2@idp.example.com', // not where a URL starts
      'https://idp.example.com/a:b@c', // a path, not a user
      'https://idp.example.com?a:b@c', // a query
      'https://idp.example.com#a:b@c', // a fragment
      'https://a@b:c@d', // the first @ ends the user
      '1https://u:p@h', // a scheme starts with a letter
      'admin:hunter2@idp.example.com', // no scheme
      'https:/u:p@h', // one slash
    ]) expect(showDeclaredIssuer(issuer), issuer).toBe(issuer);
  });

  it('cuts an issuer longer than 200 characters to 199 and an ellipsis', () => {
    const exact = `https://${'x'.repeat(192)}`;
    expect(showDeclaredIssuer(exact)).toBe(exact);
    const long = `${exact}yz`;
    expect(showDeclaredIssuer(long)).toBe(`${exact.slice(0, 199)}…`);
    expect(showDeclaredIssuer(long)).toHaveLength(200);
  });
});

describe('describeIssuerMismatch', () => {
  it('names both issuers and the fix', () => {
    expect(describeIssuerMismatch('http://127.0.0.1:7231', 'http://localhost:7231')).toBe(
      'OIDC_ISSUER is http://127.0.0.1:7231, but the provider says its issuer is http://localhost:7231; set OIDC_ISSUER to exactly that. '
      + 'They must match character for character (tokens carry the provider\'s issuer): a trailing slash (Auth0\'s issuer has one), 127.0.0.1 against localhost, or Keycloak\'s /auth prefix are the usual differences.',
    );
  });

  it('says a document that names no issuer is no OpenID Connect provider\'s', () => {
    for (const declared of [undefined, '', 7]) {
      expect(describeIssuerMismatch('https://idp.example.com', declared)).toBe(
        "The identity provider's discovery document for OIDC_ISSUER (https://idp.example.com) names no issuer, so it is not an OpenID Connect provider's: check that OIDC_ISSUER is your provider's issuer URL.",
      );
    }
  });

  it('is the message of IssuerMismatchError, which keeps the declared issuer only when it is a string', () => {
    const error = new IssuerMismatchError('https://a.example.com', 'https://u:p@b.example.com');
    expect(error).toMatchObject({ name: 'IssuerMismatchError', code: 'idp_issuer_mismatch', status: 502, expected: 'https://a.example.com', declared: 'https://u:p@b.example.com' });
    expect(error.message).toContain('the provider says its issuer is https://u:***@b.example.com;');
    expect(new IssuerMismatchError('https://a.example.com', 7).declared).toBeUndefined();
  });
});
