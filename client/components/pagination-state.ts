// Page arithmetic (contract/pagination-state.ts: the BFF's first-results preview counts the same way).
export { computePagination, type PaginationState } from '../../contract/pagination-state';
