// The page a browser shows when a login is refused by the login rate limit (decision 034): in the
// shell of the other login pages (html-page.ts), in words, with when to try again and a way to, and
// nothing of the request but the return path the caller checked.
import { renderPage } from './html-page';
import type { RateLimitRefusal } from './rate-limit';

function inSeconds(seconds: number): string {
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/** `tryAgainHref` is a path of ours (checked by the caller against open redirects); it is escaped here as every value is. */
export function renderLoginRateLimitPage(refusal: RateLimitRefusal, tryAgainHref: string): string {
  const who = refusal.over === 'address'
    ? `There have been too many login attempts from your network this minute: Nansen takes at most ${refusal.limit} a minute from one network address, and everyone behind the same office or home connection counts together.`
    : `This browser has started too many logins this minute: Nansen takes at most ${refusal.limit} a minute from one session.`;
  return renderPage('Too many login attempts', [
    who,
    `Wait ${inSeconds(refusal.retryAfter)}, then try again.`,
    'If this keeps happening, tell your administrator: the limits are the RATE_LIMIT_LOGIN settings.',
  ], { label: 'Try again', href: tryAgainHref });
}
