import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAnnouncements, parseAnnouncement } from './load-announcements';

describe('parseAnnouncement', () => {
  it('reads the title and date lines, then the Markdown after the blank line', () => {
    expect(parseAnnouncement('title: Orders moved\ndate: 2026-03-01\n\nThe **orders** tables moved.\n')).toEqual({
      title: 'Orders moved',
      date: '2026-03-01',
      markdown: 'The **orders** tables moved.\n',
    });
  });

  it('takes the lines in either order, with Windows line ends and a byte-order mark', () => {
    expect(parseAnnouncement('\uFEFFdate: 2026-03-01\r\ntitle:  Hello \r\n\r\nText\r\n')).toEqual({ title: 'Hello', date: '2026-03-01', markdown: 'Text\n' });
  });

  it('takes a post with a header only', () => {
    expect(parseAnnouncement('title: Hello\ndate: 2026-03-01')).toEqual({ title: 'Hello', date: '2026-03-01', markdown: '' });
  });

  it.each([
    ['date: 2026-03-01\n\nText', /^no "title:" line; start it with a "title: …" line and a "date: YYYY-MM-DD" line, then a blank line/],
    ['title: Hello\n\nText', /^no "date:" line/],
    ['Hello\n\nText', /^"Hello" is not a "name: value" header line/],
    ['', /^no "title:" and "date:" line/],
    ['title: Hello\ndate: 2026-03-01\nText right after', /^"Text right after" is not a "name: value" header line; .* then a blank line/],
    ['title: Hello\nauthor: Liv\ndate: 2026-03-01\n\nText', /^"author:" is not a header Nansen reads/],
    ['title: Hello\ntitle: Again\ndate: 2026-03-01', /^"title:" appears twice/],
    ['title:\ndate: 2026-03-01', /^the title is empty/],
    [`title: ${'x'.repeat(201)}\ndate: 2026-03-01`, /^the title is longer than 200 characters/],
    ['title: Hello\ndate: 2026-02-30', /^"date: 2026-02-30" is not a date written YYYY-MM-DD/],
    ['title: Hello\ndate: 1 March 2026', /^"date: 1 March 2026" is not a date/],
    ['title: Hello\ndate: 2026-3-1', /is not a date written YYYY-MM-DD/],
  ])('says what is wrong with %j', (source, problem) => {
    const parsed = parseAnnouncement(source);
    expect('problem' in parsed && parsed.problem).toMatch(problem);
  });
});

describe('parseAnnouncement, at the edges', () => {
  const problemOf = (source: string) => {
    const parsed = parseAnnouncement(source);
    return 'problem' in parsed ? parsed.problem : undefined;
  };

  it('takes a line of spaces as the blank line that ends the header', () => {
    expect(parseAnnouncement('title: Hello\ndate: 2026-03-01\n   \nText')).toEqual({ title: 'Hello', date: '2026-03-01', markdown: 'Text' });
  });

  it('strips only a leading byte-order mark', () => {
    expect(parseAnnouncement('title: Hello\ndate: 2026-03-01\n\nzero\uFEFFwidth')).toMatchObject({ markdown: 'zero\uFEFFwidth' });
  });

  it('reads a header line only from its start to its end', () => {
    expect(problemOf(' title: Hello\ndate: 2026-03-01')).toMatch(/^" title: Hello" is not a "name: value" header line/);
    expect(problemOf('title: Hello\rdate: 2026-03-01')).toMatch(/is not a "name: value" header line/);
  });

  it('takes a title of 200 characters', () => {
    expect(parseAnnouncement(`title: ${'x'.repeat(200)}\ndate: 2026-03-01`)).toMatchObject({ title: 'x'.repeat(200) });
  });

  it('takes only real calendar dates written YYYY-MM-DD and nothing around them', () => {
    expect(parseAnnouncement('title: Leap\ndate: 2028-02-29')).toMatchObject({ date: '2028-02-29' });
    for (const date of ['2026-13-01', '2026-02-29', '2026-04-31', '0099-01-01', 'x2026-03-01', '2026-03-01x']) {
      expect(problemOf(`title: Hello\ndate: ${date}`), date).toBe(`"date: ${date}" is not a date written YYYY-MM-DD (such as 2026-03-01)`);
    }
  });

  it('shows at most 60 characters of a bad line', () => {
    expect(problemOf(`${'x'.repeat(60)}\n\nText`)).toMatch(new RegExp(`^"${'x'.repeat(60)}" is not`));
    expect(problemOf(`${'x'.repeat(61)}\n\nText`)).toMatch(new RegExp(`^"${'x'.repeat(60)}…" is not`));
  });
});

describe('loadAnnouncements', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-announcements-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);

  it('returns the posts newest first (same day: by file name), rendered, ignoring other files', () => {
    write('b-older.md', 'title: Older\ndate: 2025-12-24\n\nOld *news*.');
    write('z-newest.md', 'title: Newest\ndate: 2026-02-01\n\nNew.');
    write('a-same-day.md', 'title: Same day A\ndate: 2026-01-10\n\nA.');
    write('c-same-day.MD', 'title: Same day C\ndate: 2026-01-10\n\nC.');
    write('notes.txt', 'not a post');
    write('old.md.bak', 'not a post');
    fs.mkdirSync(path.join(dir, 'drafts.md'));
    const result = loadAnnouncements(dir);
    expect(result.problems).toEqual([]);
    expect(result.posts).toEqual([
      { title: 'Newest', date: '2026-02-01', html_content: '<p>New.</p>\n' },
      { title: 'Same day A', date: '2026-01-10', html_content: '<p>A.</p>\n' },
      { title: 'Same day C', date: '2026-01-10', html_content: '<p>C.</p>\n' },
      { title: 'Older', date: '2025-12-24', html_content: '<p>Old <em>news</em>.</p>\n' },
    ]);
  });

  it('escapes raw HTML and drops unsafe links of a post', () => {
    write('post.md', 'title: Hi\ndate: 2026-01-01\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1))');
    expect(loadAnnouncements(dir).posts![0]!.html_content).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>click</p>\n');
  });

  it('returns an empty list for an empty folder', () => {
    expect(loadAnnouncements(dir)).toEqual({ posts: [], problems: [] });
  });

  it('names every bad file and what it lacks', () => {
    write('good.md', 'title: Good\ndate: 2026-01-01\n\nFine.');
    write('no-date.md', 'title: Hello\n\nText');
    write('bad-date.md', 'title: Hello\ndate: yesterday\n\nText');
    const result = loadAnnouncements(dir);
    expect(result.posts).toBeUndefined();
    expect(result.problems).toEqual([
      expect.stringMatching(new RegExp(`^announcement ${escapeRegExp(path.join(dir, 'bad-date.md'))}: "date: yesterday" is not a date written YYYY-MM-DD`)),
      expect.stringMatching(new RegExp(`^announcement ${escapeRegExp(path.join(dir, 'no-date.md'))}: no "date:" line`)),
    ]);
  });

  it('names a missing folder', () => {
    const missing = path.join(dir, 'nope');
    expect(loadAnnouncements(missing).problems).toEqual([
      `announcements.directory: the folder ${missing} does not exist; create it, or point announcements.directory (relative to this file) at the folder of *.md posts`,
    ]);
  });

  it('names a folder that cannot be read, and why', () => {
    const unreadable = path.join(dir, 'x'.repeat(300));
    expect(loadAnnouncements(unreadable).problems).toEqual([
      `announcements.directory: the folder ${unreadable} cannot be read (ENAMETOOLONG); create it, or point announcements.directory (relative to this file) at the folder of *.md posts`,
    ]);
  });

  it('names a file given as the folder', () => {
    write('file.md', 'title: x\ndate: 2026-01-01');
    expect(loadAnnouncements(path.join(dir, 'file.md')).problems[0]).toMatch(/is not a folder/);
  });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
