// When an RP-initiated logout may end the provider's session without asking the person (OpenID Connect
// RP-Initiated Logout 1.0 §2: without proof of who asked, the provider should ask, or any page could
// log them out). Used by the development provider and by the test providers that behave like Okta,
// Keycloak or Auth0.
import type { KoaContextWithOIDC } from 'oidc-provider';

/**
 * True for a valid `id_token_hint` (oidc-provider validated it before the logout page is drawn) or,
 * as Auth0 takes it, the client's `client_id` with the `sid` of this browser's session for that client
 * as `logout_hint`: only the application the person logged in to knows it (decision 049).
 */
export function logoutRequestProved(ctx: KoaContextWithOIDC): boolean {
  const { params, client, session } = ctx.oidc;
  if (params?.id_token_hint) return true;
  const hint = params?.logout_hint;
  if (typeof hint !== 'string' || !hint || !client || !session) return false;
  return session.sidFor(client.clientId) === hint;
}
