// The announcements folder, read once at start-up: each *.md file starts with a `title:` and a
// `date: YYYY-MM-DD` line, then a blank line, then Markdown, which is rendered to safe HTML here.
import fs from 'node:fs';
import path from 'node:path';
import type { Announcement } from '../../contract/api-common';
import { renderMarkdown } from './render-markdown';

const FORMAT_HINT = 'start it with a "title: …" line and a "date: YYYY-MM-DD" line, then a blank line, then the Markdown';
const MAX_TITLE_LENGTH = 200;

export type AnnouncementsResult = { posts: Announcement[]; problems: [] } | { posts: undefined; problems: string[] };

/** Every post of `directory`, newest first; or every problem found, each naming its file. */
export function loadAnnouncements(directory: string): AnnouncementsResult {
  let names: string[];
  try {
    names = fs
      .readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.md$/i.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a folder' : `cannot be read (${code ?? String(err)})`;
    return { posts: undefined, problems: [`announcements.directory: the folder ${directory} ${why}; create it, or point announcements.directory (relative to this file) at the folder of *.md posts`] };
  }

  const posts: (Announcement & { file: string })[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const file = path.join(directory, name);
    const parsed = parseAnnouncement(fs.readFileSync(file, 'utf8'));
    if ('problem' in parsed) problems.push(`announcement ${file}: ${parsed.problem}`);
    else posts.push({ file: name, date: parsed.date, title: parsed.title, html_content: renderMarkdown(parsed.markdown) });
  }
  if (problems.length > 0) return { posts: undefined, problems };
  posts.sort((a, b) => b.date.localeCompare(a.date) || a.file.localeCompare(b.file));
  return { posts: posts.map(({ file: _file, ...post }) => post), problems: [] };
}

type Parsed = { title: string; date: string; markdown: string } | { problem: string };

export function parseAnnouncement(source: string): Parsed {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const blank = lines.findIndex((line) => line.trim() === '');
  const header = blank === -1 ? lines : lines.slice(0, blank);
  const fields = new Map<string, string>();
  for (const line of header) {
    const match = /^(\w+):(.*)$/.exec(line);
    if (!match) return { problem: `${JSON.stringify(truncate(line))} is not a "name: value" header line; ${FORMAT_HINT}` };
    const [, name, value] = match as unknown as [string, string, string];
    if (name !== 'title' && name !== 'date') return { problem: `"${name}:" is not a header Nansen reads (only title: and date:); ${FORMAT_HINT}` };
    if (fields.has(name)) return { problem: `"${name}:" appears twice` };
    fields.set(name, value.trim());
  }
  const title = fields.get('title');
  const date = fields.get('date');
  if (title === undefined || date === undefined) {
    const missing = [title === undefined && '"title:"', date === undefined && '"date:"'].filter(Boolean).join(' and ');
    return { problem: `no ${missing} line; ${FORMAT_HINT}` };
  }
  if (title === '') return { problem: 'the title is empty' };
  if (title.length > MAX_TITLE_LENGTH) return { problem: `the title is longer than ${MAX_TITLE_LENGTH} characters` };
  if (!isCalendarDate(date)) return { problem: `"date: ${truncate(date)}" is not a date written YYYY-MM-DD (such as 2026-03-01)` };
  return { title, date, markdown: blank === -1 ? '' : lines.slice(blank + 1).join('\n') };
}

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const truncate = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
