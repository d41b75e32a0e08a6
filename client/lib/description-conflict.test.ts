import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { descriptionConflictOf } from './description-conflict';

const conflictBody = {
  error: { name: 'ConflictError', message: 'Someone changed this description.', code: 'edit_conflict' },
  current: { description: 'Theirs', edited_by: 'liv@example.org', edited_at: '2026-12-06T03:00:00Z' },
};

describe('descriptionConflictOf', () => {
  it('reads the stored description and its author from a 409 conflict body', () => {
    expect(descriptionConflictOf(new ApiError(409, 'ConflictError', 'x', 'edit_conflict', conflictBody))).toEqual(conflictBody.current);
  });

  it('is null for other failures, and for a 409 without the conflict fields', () => {
    expect(descriptionConflictOf(new ApiError(403, 'NotAllowedError', 'x', 'edit_forbidden', { error: conflictBody.error }))).toBeNull();
    expect(descriptionConflictOf(new ApiError(409, 'ConflictError', 'x', 'edit_conflict', { error: conflictBody.error }))).toBeNull();
    expect(descriptionConflictOf(new Error('boom'))).toBeNull();
  });
});
