// A description write never overwrites an edit silently (docs/decisions/011-no-lost-description-edits.md):
// against an in-memory metadata service that can hold an ETag, lose a race, and keep an edit log.
import { describe, expect, it } from 'vitest';
import { ConflictError, UpstreamError, UpstreamPreconditionFailedError } from '../http/errors';
import type { DescriptionRef, MetadataClient } from '../upstream/metadata-client';
import { writeDescription, type DescriptionWrite } from './write-description';

const REF: DescriptionRef = { type: 'column', tableKey: 'hive://gold.sales/orders', column: 'id' };

interface Stored {
  description: string | null;
  etag: string | null;
  /** Saved by someone else between our read and our write (the write then fails with 412). */
  raceWith?: string;
  log?: { after: unknown; user_id: string; user_display_name?: string | null; edited_at: string }[] | 'failing';
}

function fakeMetadata(stored: Stored) {
  const calls: string[] = [];
  const metadata = {
    async getDescription(_token: string, ref: DescriptionRef) {
      expect(ref).toEqual(REF);
      calls.push('read');
      return { description: stored.description, etag: stored.etag };
    },
    async putDescription(_token: string, ref: DescriptionRef, description: string, ifMatch: string | null) {
      expect(ref).toEqual(REF);
      calls.push(`write ${description} if-match ${ifMatch}`);
      if (stored.raceWith !== undefined) {
        stored.description = stored.raceWith;
        throw new UpstreamPreconditionFailedError('metadata service');
      }
      stored.description = description;
    },
    async listEdits(_token: string, query: unknown) {
      calls.push(`log ${JSON.stringify(query)}`);
      if (stored.log === 'failing') throw new UpstreamError('the log is down', 'upstream_failed');
      return stored.log ?? [];
    },
  };
  return { metadata: metadata as unknown as MetadataClient, calls };
}

const write = (description: string, base: string | null): DescriptionWrite => ({ ref: REF, logKey: 'hive://gold.sales/orders/id', base, description });

async function conflictOf(promise: Promise<unknown>) {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ConflictError);
  const conflict = err as ConflictError;
  expect(conflict.code).toBe('edit_conflict');
  // Someone else only when the edit log names an author; otherwise it may have been this person's other tab.
  const known = (conflict.extra as { current: { edited_by: string | null } }).current.edited_by !== null;
  expect(conflict.message).toBe(
    known
      ? 'Someone else changed this description after you started editing it, so nothing was saved. Compare their text with yours, keep either or merge them, and save again.'
      : 'This description changed after you started editing it (by someone else, or by you in another tab), so nothing was saved. Compare the saved text with yours, keep either or merge them, and save again.',
  );
  return conflict.extra;
}

describe('writeDescription', () => {
  it('writes when the stored text is still the base, with the ETag of its read as the precondition', async () => {
    const { metadata, calls } = fakeMetadata({ description: 'Old.', etag: '"d-1"' });
    await expect(writeDescription(metadata, 't', write('New.', 'Old.'))).resolves.toBe('New.');
    expect(calls).toEqual(['read', 'write New. if-match "d-1"']);
  });

  it('writes without a precondition when the service sends no ETag (Amundsen)', async () => {
    const { metadata, calls } = fakeMetadata({ description: 'Old.', etag: null });
    await writeDescription(metadata, 't', write('New.', 'Old.'));
    expect(calls).toEqual(['read', 'write New. if-match null']);
  });

  it('takes no description and an empty one for the same base', async () => {
    for (const [stored, base] of [[null, ''], ['', null], [null, null]] as const) {
      const { metadata, calls } = fakeMetadata({ description: stored, etag: null });
      await expect(writeDescription(metadata, 't', write('New.', base))).resolves.toBe('New.');
      expect(calls).toEqual(['read', 'write New. if-match null']);
    }
  });

  it('writes nothing when the stored text already is the new text', async () => {
    const { metadata, calls } = fakeMetadata({ description: 'Same.', etag: '"d-1"' });
    await expect(writeDescription(metadata, 't', write('Same.', 'Older.'))).resolves.toBe('Same.');
    expect(calls).toEqual(['read']);
  });

  it('answers 409 with the current text and its author from the edit log when the text changed since the base', async () => {
    const { metadata, calls } = fakeMetadata({
      description: 'Theirs.', etag: null,
      log: [{ after: 'Theirs.', user_id: 'roald', user_display_name: 'Roald Amundsen', edited_at: '2026-12-01T10:00:00Z' }],
    });
    expect(await conflictOf(writeDescription(metadata, 't', write('Mine.', 'Old.')))).toEqual({
      current: { description: 'Theirs.', edited_by: 'Roald Amundsen', edited_at: '2026-12-01T10:00:00Z', edited_by_id: 'roald' },
    });
    expect(calls).toEqual(['read', `log ${JSON.stringify({ resourceKey: 'hive://gold.sales/orders/id', resourceTypes: ['column'], field: 'description', limit: 1 })}`]);
  });

  it('names the author by id without a display name, and no author when the log\'s latest edit is another text, missing or failing', async () => {
    const by = async (log: Stored['log'], description: string | null = 'Theirs.') =>
      ((await conflictOf(writeDescription(fakeMetadata({ description, etag: null, log }).metadata, 't', write('Mine.', 'Old.')))) as { current: unknown }).current;
    expect(await by([{ after: 'Theirs.', user_id: 'roald', user_display_name: null, edited_at: 'then' }])).toEqual({ description: 'Theirs.', edited_by: 'roald', edited_at: 'then', edited_by_id: 'roald' });
    expect(await by([{ after: 'Earlier.', user_id: 'roald', edited_at: 'then' }])).toEqual({ description: 'Theirs.', edited_by: null, edited_at: null, edited_by_id: null });
    expect(await by([])).toEqual({ description: 'Theirs.', edited_by: null, edited_at: null, edited_by_id: null });
    expect(await by('failing')).toEqual({ description: 'Theirs.', edited_by: null, edited_at: null, edited_by_id: null });
    // A cleared description matches a log entry whose text is not a string.
    expect(await by([{ after: null, user_id: 'roald', edited_at: 'then' }], null)).toEqual({ description: null, edited_by: 'roald', edited_at: 'then', edited_by_id: 'roald' });
    expect(await by([{ after: 5, user_id: 'roald', edited_at: 'then' }], null)).toEqual({ description: null, edited_by: 'roald', edited_at: 'then', edited_by_id: 'roald' });
  });

  it('answers 409 with what the other person saved when the write loses a race (412)', async () => {
    const { metadata, calls } = fakeMetadata({ description: 'Old.', etag: '"d-1"', raceWith: 'Theirs.' });
    expect(await conflictOf(writeDescription(metadata, 't', write('Mine.', 'Old.')))).toEqual({
      current: { description: 'Theirs.', edited_by: null, edited_at: null, edited_by_id: null },
    });
    expect(calls.slice(0, 3)).toEqual(['read', 'write Mine. if-match "d-1"', 'read']);
  });

  it('passes on any other failure of the write', async () => {
    const { metadata } = fakeMetadata({ description: 'Old.', etag: null });
    metadata.putDescription = async () => {
      throw new UpstreamError('down', 'upstream_failed');
    };
    await expect(writeDescription(metadata, 't', write('Mine.', 'Old.'))).rejects.toMatchObject({ code: 'upstream_failed' });
  });
});
