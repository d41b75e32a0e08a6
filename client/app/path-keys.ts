// A page's key read back from its path (contract/page-path-keys.ts): imported by the pages that read
// one, not through paths.ts, so the first page does not load it (decision 007's budget).
export { dashboardUriFromPath, lineageTableKeyFromPath, tableKeyFromPath, userIdFromPath } from '../../contract/page-path-keys';
