import { describe, expect, it } from 'vitest';
import { githubUrl, slackUrl } from './profile-header';

describe('profile links', () => {
  it('links GitHub user names only', () => {
    expect(githubUrl('fridtjof')).toBe('https://github.com/fridtjof');
    expect(githubUrl('a-b-c9')).toBe('https://github.com/a-b-c9');
    for (const name of ['-lead', 'trail-', 'two--hyphens', 'x/../evil', 'a b', 'a'.repeat(40), '', null]) expect(githubUrl(name)).toBeNull();
  });

  it('links Slack ids, encoded, and nothing else', () => {
    expect(slackUrl('U024BE7LH')).toBe('https://slack.com/app_redirect?channel=U024BE7LH');
    expect(slackUrl('roald')).toBe('https://slack.com/app_redirect?channel=roald');
    for (const id of ['a&b=c', 'javascript:alert(1)', '', null]) expect(slackUrl(id)).toBeNull();
  });
});
