import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { EditHistoryResponse } from '../../../../contract/api-edits';
import { isEditLogMissing, noteEditLogAnswer } from './edit-log-missing';

const kept: EditHistoryResponse = { msg: 'Success', available: true, edits: [], next_before: null, total: 0 };
const none: EditHistoryResponse = { msg: 'The metadata service keeps no edit history.', available: false, edits: [], next_before: null, total: null };

describe('what a page learns of the edit log', () => {
  it('knows nothing at first, and nothing from an answer with a log (empty or not counted)', () => {
    const client = new QueryClient();
    expect(isEditLogMissing(client)).toBe(false);
    expect(noteEditLogAnswer(client, kept)).toBe(kept);
    noteEditLogAnswer(client, { ...kept, total: null });
    expect(isEditLogMissing(client)).toBe(false);
  });

  it('remembers an answer without a log for that query client (that page) only, and hands the answer on', () => {
    const page = new QueryClient();
    const reloaded = new QueryClient();
    expect(noteEditLogAnswer(page, none)).toBe(none);
    expect(isEditLogMissing(page)).toBe(true);
    noteEditLogAnswer(page, kept);
    expect(isEditLogMissing(page)).toBe(true);
    expect(isEditLogMissing(reloaded)).toBe(false);
  });
});
