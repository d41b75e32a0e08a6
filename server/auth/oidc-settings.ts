// The OIDC client's settings from the validated Config: one mapping, used by main.ts and by the tests
// that run the BFF against each provider preset with the README's settings.
import type { Config } from '../config/config-schema';
import type { OidcSettings } from './oidc-client';

export interface OidcRuntime {
  /** The issuer in use: OIDC_ISSUER (or the preset's), or the development provider's. */
  issuer: string;
  /** OIDC_CLIENT_SECRET, or the development provider's. */
  clientSecret: string;
  /** The development provider signs with its own algorithm. */
  idTokenSigningAlg?: string;
}

export function toOidcSettings(config: Config, runtime: OidcRuntime): OidcSettings {
  const { oidc } = config;
  return {
    issuer: runtime.issuer,
    clientId: oidc.clientId,
    clientSecret: runtime.clientSecret,
    redirectUri: oidc.redirectUri,
    postLogoutRedirectUri: oidc.postLogoutRedirectUri,
    scopes: oidc.scopes,
    idTokenSigningAlg: runtime.idTokenSigningAlg ?? oidc.idTokenSigningAlg,
    clientAuth: oidc.clientAuth,
    authorizationParams: oidc.authorizationParams,
    tokenParams: oidc.tokenParams,
    logout: oidc.logout,
  };
}
