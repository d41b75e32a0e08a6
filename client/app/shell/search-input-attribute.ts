/**
 * The search input the "/" key focuses (the nav bar's, or the home page's big one). In a module of its
 * own so that the search box, which the home page's chunk shares with the entry, does not pull the
 * shortcuts dialog into that shared set: rolldown then splits the entry's shared code into an extra
 * chunk (~1 KB gzip more on the first page).
 */
export const SEARCH_INPUT_ATTRIBUTE = 'data-search-input';
