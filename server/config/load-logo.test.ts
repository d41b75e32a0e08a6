import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLogo } from './load-logo';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('loadLogo', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-logo-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const logoFrom = (name: string, bytes: Buffer | string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return { file, result: loadLogo(file) };
  };

  it.each([
    ['logo.svg', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml'],
    ['logo.svg', '<SVG\nviewBox="0 0 1 1"></SVG>', 'image/svg+xml'],
    ['logo.png', PNG, 'image/png'],
    ['logo.jpg', JPEG, 'image/jpeg'],
    ['logo.jpeg', JPEG, 'image/jpeg'],
    ['logo.webp', WEBP, 'image/webp'],
  ])('serves %s as %s at /branding/logo.<ext>, its content hash in the URL', (name, bytes, contentType) => {
    const { result } = logoFrom(name, bytes);
    const ext = path.extname(name);
    expect(result.logo).toEqual({
      path: `/branding/logo${ext}`,
      url: `/branding/logo${ext}?v=${result.logo!.hash}`,
      hash: expect.stringMatching(/^[\w-]{16}$/),
      contentType,
      body: Buffer.from(bytes),
    });
  });

  it.each([
    ['fake.svg', '<svgs></svgs>', 'an SVG image'],
    ['fake.jpg', PNG, 'a JPEG image'],
    ['fake.jpeg', Buffer.from([0xff, 0xd8, 0xfe]), 'a JPEG image'],
    ['fake.webp', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE')]), 'a WebP image'],
    ['fake2.webp', Buffer.concat([Buffer.from('RIFX'), Buffer.alloc(4), Buffer.from('WEBP')]), 'a WebP image'],
    ['fake.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b]), 'a PNG image'],
  ])('refuses %s, which does not hold %s', (name, bytes, kind) => {
    const { file, result } = logoFrom(name, bytes);
    expect(result.problem).toBe(`logoPath: ${file} is named ${path.extname(name)} but does not hold ${kind}`);
  });

  it('looks for the <svg> tag only in the first 4 KB', () => {
    const { result } = logoFrom('late.svg', `${' '.repeat(4096)}<svg></svg>`);
    expect(result.problem).toMatch(/does not hold an SVG image$/);
  });
});
