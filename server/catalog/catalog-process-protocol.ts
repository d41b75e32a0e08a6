// The messages between server/main.ts and the embedded catalog's own process (catalog-main.ts), over
// the IPC channel of child_process.fork. Settings travel here, never on the command line.

/** What the catalog process needs; no secrets (it verifies tokens against the issuer's public keys). */
export interface CatalogProcessSettings {
  dbPath: string;
  demoTables: number;
  issuer: string;
  audience: string | undefined;
  allowInsecureHttp: boolean;
  /** The address both APIs listen on (CATALOG_HOST; 127.0.0.1 unless other machines must reach them). */
  host: string;
  metadataPort: number;
  searchPort: number;
  /** Client ids of the pipelines that may load metadata (CATALOG_MACHINE_CLIENTS; docs/decisions/015-machine-access.md). */
  machineClients: readonly string[];
  /** LOG_FORMAT: the catalog's own process writes its lines in the BFF's format (the BFF marks them as the catalog's). */
  logFormat?: 'json' | 'text';
}

export type ToCatalogProcess = { type: 'start'; settings: CatalogProcessSettings };

export type FromCatalogProcess =
  | { type: 'ready'; pid: number }
  /** Start-up failed; the process exits right after with code 1. */
  | { type: 'failed'; message: string };

export function isFromCatalogProcess(message: unknown): message is FromCatalogProcess {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'ready' || type === 'failed';
}

export function isToCatalogProcess(message: unknown): message is ToCatalogProcess {
  return (message as { type?: unknown } | null)?.type === 'start';
}
