// The order of table results (decision 107): a labelled native select beside the results' range,
// shown only when the search service can sort (the embedded catalog: ClientConfig.tableSort). The
// order is in the URL (`sort`), so a link shares it and Back restores it; the status region says it.
import { parseTableSort, type TableSearchSort } from '../../../../contract/search-sort';
import { SORT_CHOICES } from '../../../../contract/search-sort-choices';
import { SelectField } from '../../../components/select-field';

const OPTIONS = SORT_CHOICES.map(({ value, label }) => ({ value, label }));

export function SortSelect({ value, onChange }: { value: TableSearchSort | undefined; onChange: (next: TableSearchSort | undefined) => void }) {
  return (
    <SelectField
      inline
      className="search-sort"
      label="Sort by"
      options={OPTIONS}
      value={value ?? 'relevance'}
      onChange={(next) => onChange(parseTableSort(next))}
      data-testid="search-sort"
    />
  );
}
