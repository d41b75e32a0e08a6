// A word-level diff of two texts (the longest common subsequence of their words), for showing how a
// colleague's description differs from one's own. Whitespace travels with the word before it.

export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Past this many word pairs the texts are shown as wholly replaced (a description is far smaller). */
const MAX_CELLS = 400_000;

function words(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** The parts that turn `before` into `after`, in order: kept, removed (only in before) and added (only in after). */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = words(before);
  const b = words(after);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else if (text) parts.push({ kind, text });
  };
  if (a.length * b.length > MAX_CELLS) {
    push('removed', before);
    push('added', after);
    return parts;
  }
  // lcs[i][j]: length of the common subsequence of a[i..] and b[j..], words compared without trailing space.
  const same = (i: number, j: number) => a[i]!.trimEnd() === b[j]!.trimEnd();
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = same(i, j) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(i, j)) {
      push('same', b[j]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      push('removed', a[i++]!);
    } else {
      push('added', b[j++]!);
    }
  }
  while (i < a.length) push('removed', a[i++]!);
  while (j < b.length) push('added', b[j++]!);
  return parts;
}
