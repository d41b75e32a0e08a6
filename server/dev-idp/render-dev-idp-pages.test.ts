import { describe, expect, it } from 'vitest';
import { renderErrorPage, renderLoginPage, renderLogoutPage, renderSignedOutPage } from './render-dev-idp-pages';

describe("the development IdP's pages", () => {
  it('an error page says what went wrong and links back to Nansen, everything escaped', () => {
    const html = renderErrorPage('Login <failed>', 'invalid_request: "state" & <script>', 'http://localhost:5000/?a="b"&c=<d>');
    expect(html).toContain('<h1>Login &lt;failed&gt;</h1>');
    expect(html).toContain('<p class="error" role="alert">invalid_request: &quot;state&quot; &amp; &lt;script&gt;</p>');
    expect(html).toContain('<a href="http://localhost:5000/?a=&quot;b&quot;&amp;c=&lt;d&gt;">Go back to Nansen</a> and start again.');
    expect(html).not.toContain('<script>');
  });

  it('the login page names each demo person with their groups, escaped', () => {
    const html = renderLoginPage({ action: '/interaction/x/login', cancelAction: '/interaction/x/cancel', logins: ['roald', 'liv'], groupsOf: (login) => (login === 'roald' ? ['nansen-admins', '<x>'] : []) });
    expect(html).toContain('<p>Log in as: <code>roald</code> (groups nansen-admins, &lt;x&gt;), <code>liv</code> — any password.</p>');
  });

  it('the login page has a Cancel after Log in that posts, unchecked, to the cancel action', () => {
    const html = renderLoginPage({ action: '/interaction/x/login', cancelAction: '/interaction/x/cancel?a=1&b="2"', logins: ['roald'] });
    expect(html).toContain('<button type="submit">Log in</button>\n<button type="submit" form="cancel-login" formnovalidate>Cancel</button>');
    expect(html).toContain('<form id="cancel-login" method="post" action="/interaction/x/cancel?a=1&amp;b=&quot;2&quot;"></form>');
  });

  it('the signed-out page links back to Nansen', () => {
    expect(renderSignedOutPage('http://localhost:5000/')).toContain('<a href="http://localhost:5000/">Go back to Nansen</a>, or close this tab.');
  });

  it('every page names an empty icon, so the browser asks the provider for no /favicon.ico (a 404 in the console at each login)', () => {
    const pages = [
      renderLoginPage({ action: '/interaction/x/login', cancelAction: '/interaction/x/cancel', logins: ['roald'] }),
      renderErrorPage('Login failed', 'invalid_request', 'http://localhost:5000/'),
      renderLogoutPage('<form id="op.logoutForm"></form>', false),
      renderSignedOutPage('http://localhost:5000/'),
    ];
    for (const html of pages) expect(html.slice(0, html.indexOf('</head>'))).toContain('<link rel="icon" href="data:,">');
  });
});
