// A word-level diff of two texts: how a description changed in its history, or how a colleague's
// description differs from one's own in the conflict view. The longest common subsequence of their
// words and the spaces between them, as runs of kept, removed and added text that give both texts
// back exactly. Descriptions are short (750 characters by default), so the quadratic table is small;
// past MAX_CELLS the whole text is shown as replaced rather than spending the time.

export type DiffKind = 'same' | 'removed' | 'added';
export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** Above this many cells (words before × words after, once the common start and end are cut) no table is built. */
export const MAX_CELLS = 250_000;

/** Words and the runs of white space between them, in order; joined they give the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

const isSpace = (text: string) => /^\s+$/.test(text);

/** Adjacent parts of the same kind become one; empty parts go. */
function merge(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = merged.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/** The longest common subsequence of two token lists, as parts (removed before added at each change). */
function diffTokens(before: string[], after: string[]): DiffPart[] {
  const n = before.length;
  const m = after.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    return [
      { kind: 'removed', text: before.join('') },
      { kind: 'added', text: after.join('') },
    ];
  }
  // lengths[i][j]: the LCS length of before[i..] and after[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        before[i] === after[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      parts.push({ kind: 'same', text: before[i]! });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      parts.push({ kind: 'removed', text: before[i]! });
      i++;
    } else {
      parts.push({ kind: 'added', text: after[j]! });
      j++;
    }
  }
  for (; i < n; i++) parts.push({ kind: 'removed', text: before[i]! });
  for (; j < m; j++) parts.push({ kind: 'added', text: after[j]! });
  return parts;
}

/**
 * Puts each change's removed text before its added text, and lets a change swallow a lone space
 * that the two texts happen to share ("the quick" → "a slow" reads as one change, not two).
 */
function tidy(parts: DiffPart[]): DiffPart[] {
  const result: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    result.push({ kind: 'removed', text: removed }, { kind: 'added', text: added });
    removed = '';
    added = '';
  };
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    if (part.kind === 'removed') removed += part.text;
    else if (part.kind === 'added') added += part.text;
    else {
      const inChange = removed !== '' || added !== '';
      const next = parts[k + 1];
      if (inChange && isSpace(part.text) && next && next.kind !== 'same') {
        removed += part.text;
        added += part.text;
        continue;
      }
      flush();
      result.push(part);
    }
  }
  flush();
  return merge(result);
}

/** How `before` became `after`, word by word; a null text counts as empty. */
export function diffWords(before: string | null, after: string | null): DiffPart[] {
  const a = tokenize(before ?? '');
  const b = tokenize(after ?? '');
  // The common start and end need no table.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const middle = diffTokens(a.slice(start, a.length - end), b.slice(start, b.length - end));
  return tidy([{ kind: 'same', text: a.slice(0, start).join('') }, ...middle, { kind: 'same', text: a.slice(a.length - end).join('') }]);
}

/** The text on one side of a diff: `before` (kept and removed parts) or `after` (kept and added). */
export function sideOf(parts: DiffPart[], side: 'before' | 'after'): string {
  const skip: DiffKind = side === 'before' ? 'added' : 'removed';
  return parts
    .filter((p) => p.kind !== skip)
    .map((p) => p.text)
    .join('');
}

/**
 * Whether part `i` is a change right after another change with no space between them (a removal
 * "shop" then an addition "placed"): shown marked side by side they would read as one word, so the
 * views put a space between them, seen only (screen readers hear the marks' own brackets).
 */
export function runsIntoPrevious(parts: readonly DiffPart[], i: number): boolean {
  const part = parts[i];
  const previous = parts[i - 1];
  return !!part && !!previous && part.kind !== 'same' && previous.kind !== 'same' && !/\s$/.test(previous.text) && !/^\s/.test(part.text);
}
