// What the search page calls a "did you mean" that is a filter: the embedded catalog answers a term
// that names a source, cluster or schema with that filter's tables and `did_you_mean: database:snowflake`
// (decision 097), the filter's id, which any UI config types. The page says it as the Filters panel
// names the filter — `source:snowflake` for "Source" —, which typed in the box is the same filter
// (contract/typed-filters.ts takes a category's name too). Anything else is shown as it came.
import type { FilterCategory } from '../../../contract/ui-config';
import { categoryNamed } from '../../../contract/typed-filters';

// One typed filter and nothing else: a field, a colon, a quoted value or one without spaces.
const ONE_FILTER = /^([\p{L}_]+):("[^"]*"|[^\s"]+)$/u;

export function didYouMeanAsShown(didYouMean: string, categories: readonly FilterCategory[]): string {
  const match = ONE_FILTER.exec(didYouMean);
  const category = match ? categoryNamed(match[1]!, categories) : undefined;
  if (!match || !category) return didYouMean;
  return `${category.displayName.toLowerCase().replace(/\s+/g, '_')}:${match[2]}`;
}
