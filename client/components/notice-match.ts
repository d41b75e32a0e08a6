// Which of the UI config's notices applies to a resource: notices are keyed by a key pattern where `*`
// matches any run of characters (`hive://gold.core/*`, `*://*.finance/*`). An exact key wins; among
// patterns, the most specific (the most literal characters) wins, then the one written first.
import type { Notice } from '../../contract/ui-config';

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, 's');
}

/** The notice for `key`, or null when no pattern matches it. */
export function matchNotice(key: string, notices: Record<string, Notice>): Notice | null {
  const exact = Object.hasOwn(notices, key) ? notices[key] : undefined;
  if (exact) return exact;
  let best: { notice: Notice; literal: number } | null = null;
  for (const [pattern, notice] of Object.entries(notices)) {
    if (!pattern.includes('*') || !patternToRegExp(pattern).test(key)) continue;
    const literal = pattern.replaceAll('*', '').length;
    if (!best || literal > best.literal) best = { notice, literal };
  }
  return best?.notice ?? null;
}
