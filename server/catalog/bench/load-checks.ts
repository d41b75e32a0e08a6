// The checks bench:load makes after its load, on what it read back through the BFF.

/** A description edit the BFF acknowledged (200): `base` is what the session read before it. */
export interface DescriptionEdit {
  key: string;
  base: string | null;
  description: string;
  /** A word only this description holds, to find it by search. */
  word: string;
}

/**
 * One table's acknowledged edits against its edit log and its description now. Every acknowledged
 * edit must be in the log; the edits form one chain (each one's base is the one before), and the
 * table reads its last link. Two acknowledged edits on the same base mean one overwrote the other
 * unseen: a lost update. Answers the problems, none when all is well; `tail` is the last link.
 */
export function checkDescriptionChain(key: string, chain: readonly DescriptionEdit[], logged: ReadonlySet<string>, current: string | null | undefined) {
  const problems: string[] = [];
  for (const e of chain) if (!logged.has(e.description)) problems.push(`lost edit: "${e.description}" on ${key} is not in its edit log`);
  const bases = new Set(chain.map((e) => e.base));
  const tails = chain.filter((e) => !bases.has(e.description));
  const tail = tails.length === 1 && tails[0]!.description === current ? tails[0] : undefined;
  if (!tail) problems.push(`lost edit: ${key} reads "${current}", the last acknowledged edit(s): ${tails.map((t) => `"${t.description}"`).join(', ')}`);
  return { problems, tail };
}
