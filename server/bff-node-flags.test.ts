import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BFF_NODE_FLAGS } from './bff-node-flags';

const scripts = (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the BFF\'s node options', () => {
  it.each(['start', 'dev'])('are what `npm run %s` gives server/main.ts', (name) => {
    const command = scripts[name]!.split('&&').map((part) => part.trim()).find((part) => part.endsWith('server/main.ts'));
    expect(command).toBe(['tsx', ...BFF_NODE_FLAGS, 'server/main.ts'].join(' '));
  });

  it('give V8 a larger young generation than its default', () => {
    expect(BFF_NODE_FLAGS).toContain('--max-semi-space-size=32');
  });
});
