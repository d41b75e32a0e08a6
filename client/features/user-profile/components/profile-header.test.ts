import { describe, expect, it } from 'vitest';
import { githubUrl, humanizeKey, otherFacts, slackUrl } from './profile-header';

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

describe('other facts about a person', () => {
  it('labels keys in words, keeping all-capital ones', () => {
    expect(['office', 'cost_center', 'costCenter', 'cost-center', 'team.lead', 'PII_owner', 'x', '__'].map(humanizeKey)).toEqual([
      'Office', 'Cost center', 'Cost center', 'Cost center', 'Team lead', 'PII owner', 'X', '__',
    ]);
  });

  it('shows each value as text, in order, leaving out empty ones and never a label twice', () => {
    expect(otherFacts({ office: 'Oslo', cost_center: 'CC-42', blank: '  ', Email: 'x@example.org', email: 'y@example.org' }, ['Email'])).toEqual([
      { label: 'Office', value: 'Oslo' },
      { label: 'Cost center', value: 'CC-42' },
      { label: 'email', value: 'y@example.org' },
    ]);
    expect(otherFacts({}, [])).toEqual([]);
  });
});
