// OIDC_LOGOUT_ID_TOKEN_HINT's values, apart from the config schema so that the provider presets can
// name them without importing the schema that imports them (decision 049).

/**
 * OIDC_LOGOUT_ID_TOKEN_HINT: whether the provider's logout gets the ID token, and how (decision 049).
 * `none`: never; the browser is sent to the end-session endpoint with client_id and the post-logout
 * redirect URI. `form_post`: as id_token_hint in a form the browser POSTs there, never in a URL.
 */
export const LOGOUT_ID_TOKEN_HINTS = ['none', 'form_post'] as const;
export type LogoutIdTokenHint = (typeof LOGOUT_ID_TOKEN_HINTS)[number];
