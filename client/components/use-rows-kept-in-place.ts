// `keepRowsInPlace` across renders: the rows a list shows, kept in place for as long as the component
// using it is on the page (until the list is next loaded). While the list is not known (`undefined`:
// loading, or its answer dropped) the rows shown before stay as they were. `settled`: no change of the
// list is on its way (see keepRowsInPlace).
import { useState } from 'react';
import { keepRowsInPlace, type KeptRow } from './rows-kept-in-place';

interface Kept<T> {
  items: readonly T[] | undefined;
  settled: boolean;
  rows: KeptRow<T>[];
}

export function useRowsKeptInPlace<T>(items: readonly T[] | undefined, keyOf: (item: T) => string, settled = true): KeptRow<T>[] {
  const [state, setState] = useState<Kept<T>>(() => ({ items, settled, rows: items ? keepRowsInPlace([], items, keyOf, settled) : [] }));
  if (items === undefined || (items === state.items && settled === state.settled)) return state.rows;
  // The list or its settling changed: work out the rows during the render (React's "state from the previous render").
  const rows = keepRowsInPlace(state.rows, items, keyOf, settled);
  setState({ items, settled, rows });
  return rows;
}
