// What the search page asks the BFF for: shared with the BFF, which answers the first visit's
// requests in the page it serves (contract/search-url.ts).
export { configuredCategories, firstSearchInputs, planSearch, type SearchPlan } from '../../../contract/search-url';
