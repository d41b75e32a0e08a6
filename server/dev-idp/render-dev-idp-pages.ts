import { escapeHtml } from '../http/html-page';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
.warning{border:2px solid #b45309;background:#fffbeb;padding:.5rem .75rem;border-radius:4px}
.error{border:2px solid #b91c1c;background:#fef2f2;padding:.5rem .75rem;border-radius:4px}
label{display:block;margin-top:1rem;font-weight:600}input{font-size:1rem;padding:.4rem;width:100%;box-sizing:border-box}
button{margin-top:1.25rem;font-size:1rem;padding:.5rem 1rem}.actions{display:flex;gap:.75rem}code{font-size:1rem}`;

/**
 * No icon of its own: without one a browser asks for /favicon.ico, which the provider answers 404, and
 * the console shows that error on every login page. The empty data URL asks for nothing.
 */
const NO_ICON = '<link rel="icon" href="data:,">';

function renderPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${NO_ICON}
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body>
</html>`;
}

const DEVELOPMENT_WARNING =
  '<p class="warning" role="note"><strong>Development only.</strong> This identity provider accepts any password and must never be used in production.</p>';

export interface LoginPageInput {
  action: string;
  /** Where Cancel posts: the provider ends the login with access_denied, and the application says it was cancelled. */
  cancelAction: string;
  logins: readonly string[];
  /** Each person's groups (the groups claim), shown beside the name so that edit rules can be tried. */
  groupsOf?: (login: string) => readonly string[];
  error?: string;
  login?: string;
}

export function renderLoginPage({ action, cancelAction, logins, groupsOf = () => [], error, login = '' }: LoginPageInput): string {
  const names = logins
    .map((name) => {
      const groups = groupsOf(name);
      return `<code>${escapeHtml(name)}</code>${groups.length > 0 ? ` (groups ${groups.map(escapeHtml).join(', ')})` : ''}`;
    })
    .join(', ');
  const errorBlock = error ? `<p class="error" role="alert" id="login-error">${escapeHtml(error)}</p>` : '';
  const describedBy = error ? ' aria-describedby="login-error" aria-invalid="true"' : '';
  return renderPage(
    'Nansen development login',
    `<h1>Nansen development login</h1>
${DEVELOPMENT_WARNING}
<p>Log in as: ${names} — any password.</p>
${errorBlock}
<form method="post" action="${escapeHtml(action)}">
<label for="login">Log-in name</label>
<input id="login" name="login" type="text" autocomplete="username" required autofocus value="${escapeHtml(login)}"${describedBy}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions">
<button type="submit">Log in</button>
<button type="submit" form="cancel-login" formnovalidate>Cancel</button>
</div>
</form>
<form id="cancel-login" method="post" action="${escapeHtml(cancelAction)}"></form>`,
  );
}

/** A link back to the application (the BFF's public URL). */
function renderBackLink(applicationUrl: string, after: string): string {
  return `<p><a href="${escapeHtml(applicationUrl)}">Go back to Nansen</a>${escapeHtml(after)}</p>`;
}

export function renderErrorPage(title: string, message: string, applicationUrl: string): string {
  return renderPage(
    title,
    `<h1>${escapeHtml(title)}</h1>
${DEVELOPMENT_WARNING}
<p class="error" role="alert">${escapeHtml(message)}</p>
${renderBackLink(applicationUrl, ' and start again.')}`,
  );
}

/**
 * The RP-initiated logout page. oidc-provider hands us a form with an anti-forgery token; when the
 * application proved who asked (an `id_token_hint`, or its session's `sid` as `logout_hint`:
 * logout-request-proved.ts), we submit it straight away so the user returns to the application
 * without an extra click. Without a script, the button does the same.
 */
export function renderLogoutPage(form: string, autoSubmit: boolean): string {
  const script = autoSubmit
    ? `<script>(function(){var f=document.getElementById('op.logoutForm');var i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();})();</script>`
    : '';
  return renderPage(
    'Sign out of Nansen development login',
    `<h1>Sign out of Nansen development login?</h1>
${DEVELOPMENT_WARNING}
${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>
${script}`,
  );
}

export function renderSignedOutPage(applicationUrl: string): string {
  return renderPage(
    'Signed out',
    `<h1>You are signed out</h1>
${DEVELOPMENT_WARNING}
<p>You have signed out of the Nansen development login.</p>
${renderBackLink(applicationUrl, ', or close this tab.')}`,
  );
}
