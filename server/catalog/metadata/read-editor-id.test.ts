import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { readEditorId, UNKNOWN_EDITOR } from './read-editor-id';

const withPrincipal = (principal: unknown) => ({ locals: { principal } }) as unknown as Response;

describe('readEditorId', () => {
  it('prefers the email, then the subject, then "unknown"', () => {
    expect(readEditorId(withPrincipal({ subject: 's1', email: 'a@example.org', claims: {} }))).toBe('a@example.org');
    expect(readEditorId(withPrincipal({ subject: 's1', email: null, claims: {} }))).toBe('s1');
    expect(readEditorId(withPrincipal(undefined))).toBe(UNKNOWN_EDITOR);
  });
});
