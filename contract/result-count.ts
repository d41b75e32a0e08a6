// How a search's count of results reads, on the search page (tabs, heading, range) and in the BFF's
// preview of it (server/spa/first-results-html.ts): the same everywhere, "10,000+" at the cap.
import { formatWholeNumber } from './format-number';

/** Search services count matches up to 10,000 (as Elasticsearch does by default); more reads "10,000+". */
export const RESULT_COUNT_CAP = 10_000;

export const formatResultCount = (n: number): string => `${formatWholeNumber(n)}${n >= RESULT_COUNT_CAP ? '+' : ''}`;
