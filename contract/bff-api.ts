// The shapes the BFF answers and the SPA reads: the Amundsen frontend's API (`/api/...`), with
// runtime schemas so neither side trusts an unchecked cast. Both client/ and server/ import these
// modules; they stay free of Node and browser APIs. One file per part of the API; this one gathers them.
export * from './api-common';
export * from './api-table';
export * from './api-dashboard';
export * from './api-user-lists';
export * from './api-search';
export * from './api-edits';
export { ClientConfigSchema, type ClientConfig, type FilterCategory, type Notice, type ResourceUiConfig } from './client-config';
