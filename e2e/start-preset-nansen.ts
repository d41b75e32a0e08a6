// Nansen (server/main.ts, as operators run it) against a preset test provider that behaves like Google,
// Okta, Keycloak, Auth0 or Entra ID, with the settings the README gives for that provider. Nansen's
// OIDC discovery is lazy, so the provider's port is chosen first and the provider starts once Nansen's
// redirect URI is known.
import { getFreePort } from '../server/testing/free-port';
import type { OidcProviderId } from '../server/config/provider-presets';
import { presetIssuer, startPresetProvider, type PresetProvider } from '../server/testing/start-preset-provider';
import { PRESET_CLIENT, README_SETTINGS } from '../server/testing/start-preset-stack';
import { startNansen, type NansenServer } from './start-nansen';

export interface PresetNansen {
  nansen: NansenServer;
  provider: PresetProvider;
  stop(): Promise<void>;
}

export async function startPresetNansen(preset: OidcProviderId): Promise<PresetNansen> {
  const providerPort = await getFreePort();
  const nansen = await startNansen({
    name: `provider-${preset}`,
    env: {
      OIDC_PROVIDER: preset,
      OIDC_ISSUER: presetIssuer(preset, `http://localhost:${providerPort}`),
      OIDC_CLIENT_ID: PRESET_CLIENT.clientId,
      OIDC_CLIENT_SECRET: PRESET_CLIENT.clientSecret,
      CATALOG_DEMO_TABLES: '40',
      ...README_SETTINGS[preset],
    },
  });
  const provider = await startPresetProvider({
    preset,
    port: providerPort,
    client: { ...PRESET_CLIENT, redirectUris: [`${nansen.baseUrl}/auth`], postLogoutRedirectUris: [`${nansen.baseUrl}/logged-out`] },
  });
  return {
    nansen,
    provider,
    async stop() {
      await nansen.stop();
      await provider.close();
    },
  };
}
