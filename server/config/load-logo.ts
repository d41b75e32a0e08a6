// The logo file (logoPath), checked once at start-up and kept in memory: the BFF serves it at
// /branding/logo.<ext>, and the SPA loads it with its content hash in the URL (cached for a year).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const MAX_LOGO_BYTES = 1024 * 1024;

const IMAGE_TYPES: Record<string, { contentType: string; name: string; looksRight: (bytes: Buffer) => boolean }> = {
  svg: { contentType: 'image/svg+xml', name: 'an SVG image', looksRight: (b) => /<svg[\s>]/i.test(b.subarray(0, 4096).toString('utf8')) },
  png: { contentType: 'image/png', name: 'a PNG image', looksRight: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  jpg: { contentType: 'image/jpeg', name: 'a JPEG image', looksRight: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) },
  jpeg: { contentType: 'image/jpeg', name: 'a JPEG image', looksRight: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) },
  webp: { contentType: 'image/webp', name: 'a WebP image', looksRight: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
};

export interface BrandingLogo {
  /** Where the BFF serves it: /branding/logo.<ext>. */
  readonly path: string;
  /** What the SPA loads: the path with the content hash, so that a new logo is a new URL. */
  readonly url: string;
  readonly hash: string;
  readonly contentType: string;
  readonly body: Buffer;
}

export type LogoResult = { logo: BrandingLogo; problem?: undefined } | { logo?: undefined; problem: string };

/** `file` is absolute: logoPath resolved against the UI config file's folder. */
export function loadLogo(file: string): LogoResult {
  const ext = path.extname(file).slice(1).toLowerCase();
  const type = IMAGE_TYPES[ext];
  if (!type) return { problem: `logoPath: ${file} is not an svg, png, jpg/jpeg or webp file (by its name); convert the logo to one of those` };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { problem: `logoPath: ${file} does not exist (logoPath is relative to the UI config file's folder)` };
  }
  if (!stat.isFile()) return { problem: `logoPath: ${file} is not a file` };
  if (stat.size === 0) return { problem: `logoPath: ${file} is empty` };
  if (stat.size > MAX_LOGO_BYTES)
    return { problem: `logoPath: ${file} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a logo may be at most 1 MB (a logo is shown about 32 pixels high)` };
  const body = fs.readFileSync(file);
  if (!type.looksRight(body)) return { problem: `logoPath: ${file} is named .${ext} but does not hold ${type.name}` };
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
  const servedPath = `/branding/logo.${ext}`;
  return { logo: { path: servedPath, url: `${servedPath}?v=${hash}`, hash, contentType: type.contentType, body } };
}
