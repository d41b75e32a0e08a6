// The development provider's machine client: a pipeline's OAuth client with the client-credentials
// grant, for trying POST /ingest, POST /import/dbt and POST /api/v1/lineage (README, "Machine access"). Its secret is
// known on purpose — the development provider never runs in production (start-dev-idp.ts refuses).
export const DEV_MACHINE_CLIENT = {
  clientId: 'nansen-pipeline',
  clientSecret: 'nansen-pipeline-dev-secret',
} as const;
