// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-error';
import { descriptionDraftSlot, type DraftSlot } from '../lib/description-drafts';
import { EditableDescription } from './editable-description';
import { pageStatus, pageStatuses, renderWithApp, testConfig } from './testing/render-with-app';

afterEach(cleanup);

/** A `beforeunload` as the browser sends it when the page is left: true when the page asked to stay. */
const leavingIsQuestioned = () => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

const conflict = (description: string | null, edited_by: string | null = 'liv@example.org', edited_at: string | null = '2026-12-06T03:00:00Z', edited_by_id: string | null = edited_by) =>
  new ApiError(409, 'ConflictError', 'Someone else changed this description.', 'edit_conflict', {
    error: { name: 'ConflictError', message: 'Someone else changed this description.', code: 'edit_conflict' },
    current: { description, edited_by, edited_at, edited_by_id },
  });

function renderDescription(save: (text: string, base: string | null) => Promise<unknown>, props: { value?: string | null; canEdit?: boolean; maxLength?: number; markdown?: boolean; submitOnEnter?: boolean; draft?: DraftSlot } = {}) {
  const value = props.value === undefined ? 'Orders placed in the shop' : props.value;
  return renderWithApp(
    <EditableDescription
      value={value}
      canEdit={props.canEdit ?? true}
      editText="Edit description"
      fieldLabel="Description of sales.orders"
      maxLength={props.maxLength ?? 750}
      markdown={props.markdown ?? true}
      submitOnEnter={props.submitOnEnter}
      save={save}
      draft={props.draft}
    >
      <p>{value ?? 'No description yet.'}</p>
    </EditableDescription>,
    { config: testConfig({ date: { default: 'YYYY-MM-DD', dateTimeShort: 'YYYY-MM-DD HH:mm', dateTimeLong: 'YYYY-MM-DD HH:mm' } }) },
  );
}

describe('EditableDescription', () => {
  it('offers no Edit button to a person who may not edit', () => {
    renderDescription(vi.fn(), { canEdit: false });
    expect(screen.getByText('Orders placed in the shop')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Edit/ })).toBeNull();
  });

  it('edits in place with a live count and a Markdown preview, saves with Ctrl+Enter sending the text it began from, and returns focus to Edit', async () => {
    const user = userEvent.setup();
    const save = vi.fn(async () => ({}));
    renderDescription(save);
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    const box = screen.getByRole('textbox', { name: 'Description of sales.orders' });
    expect((box as HTMLTextAreaElement).value).toBe('Orders placed in the shop');
    expect(document.activeElement).toBe(box);
    await user.clear(box);
    await user.type(box, 'Orders **paid** online');
    expect(screen.getByText(/22 \/ 750 characters/)).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Preview' }));
    expect(await screen.findByText('paid', { selector: 'strong' })).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'Write' }));

    await user.type(screen.getByRole('textbox', { name: 'Description of sales.orders' }), '{Control>}{Enter}{/Control}');
    expect(save).toHaveBeenCalledWith('Orders **paid** online', 'Orders placed in the shop');
    await waitFor(() => expect(screen.queryByRole('textbox')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit description' }));
  });

  it('opens with the caret after the text, so typing goes on from its end', async () => {
    const user = userEvent.setup();
    renderDescription(vi.fn(async () => ({})));
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    const box = screen.getByRole('textbox', { name: 'Description of sales.orders' }) as HTMLTextAreaElement;
    expect(document.activeElement).toBe(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([box.value.length, box.value.length]);
    await user.keyboard(' (gross)');
    expect(box.value).toBe('Orders placed in the shop (gross)');
  });

  it('closes at once on Escape when the text is unchanged, saving nothing, and returns focus to Edit', async () => {
    const user = userEvent.setup();
    const save = vi.fn(async () => ({}));
    renderDescription(save);
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox'), ' and more');
    await user.type(screen.getByRole('textbox'), '{Backspace}'.repeat(9)); // typed, then put back as it was
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(save).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit description' }));
  });

  it('asks before Escape or Cancel throws changed text away: Keep editing keeps it, Discard changes drops it and returns focus to Edit', async () => {
    const user = userEvent.setup();
    const save = vi.fn(async () => ({}));
    renderDescription(save);
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox'), ' and more');
    await user.keyboard('{Escape}');
    const dialog = screen.getByRole('dialog', { name: 'Discard your changes?' });
    expect(dialog.textContent).toContain('Your changes to the description of sales.orders are not saved.');
    // Focus starts on the safe choice.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep editing' }));
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Orders placed in the shop and more');
    expect(document.activeElement).toBe(screen.getByRole('textbox'));

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Discard your changes?' })).getByRole('button', { name: 'Discard changes' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(save).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit description' }));
  });

  it('asks before the page is left only while the editor holds changed text', async () => {
    const user = userEvent.setup();
    renderDescription(vi.fn(async () => ({})));
    expect(leavingIsQuestioned()).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    expect(leavingIsQuestioned()).toBe(false); // open, nothing changed
    await user.type(screen.getByRole('textbox'), '!');
    expect(leavingIsQuestioned()).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('textbox')).toBeNull());
    expect(leavingIsQuestioned()).toBe(false); // saved
  });

  it('lets the page go to log in when a save meets an ended session, the text being kept', async () => {
    const user = userEvent.setup();
    const slot = descriptionDraftSlot('roald.amundsen@example.org', 'table:hive://gold.sales/orders:description');
    renderDescription(vi.fn(async () => {
      throw new ApiError(401, 'Unauthorized', 'Log in to continue.');
    }), { draft: slot });
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox'), '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('alert');
    expect(leavingIsQuestioned()).toBe(false);
    sessionStorage.clear();
  });

  it('counts an emoji as one character, as the server does', async () => {
    const user = userEvent.setup();
    const save = vi.fn(async () => ({}));
    renderDescription(save, { value: '', maxLength: 5 });
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.click(screen.getByRole('textbox'));
    await user.paste('😀😀😀😀😀');
    expect(screen.getByText('5 / 5 characters')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(save).toHaveBeenCalledWith('😀😀😀😀😀', '');
  });

  it('saves a short description with Enter where submitOnEnter, Shift+Enter making a new line', async () => {
    const user = userEvent.setup();
    const save = vi.fn(async () => ({}));
    renderDescription(save, { value: null, markdown: false, submitOnEnter: true });
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox'), 'first{Shift>}{Enter}{/Shift}second{Enter}');
    expect(save).toHaveBeenCalledWith('first\nsecond', null);
  });

  it('refuses to save a text over the limit and says by how much', async () => {
    const user = userEvent.setup();
    const save = vi.fn(async () => ({}));
    renderDescription(save, { value: '', maxLength: 10 });
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox'), 'twelve chars{Control>}{Enter}{/Control}');
    expect(screen.getByText(/12 \/ 10 characters · 2 too many/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    expect(save).not.toHaveBeenCalled();
  });

  it('lets a typo be fixed in a text already over the limit (an import) while it does not grow, and says so; a longer text is refused', async () => {
    const user = userEvent.setup();
    const save = vi.fn(async () => ({}));
    const imported = `Teh ${'long imported text '.repeat(20)}`.trim(); // 383 characters
    renderDescription(save, { value: imported, maxLength: 100, markdown: false });
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    const box = screen.getByRole('textbox');
    expect(screen.getByText('383 / 100 characters · already over the limit when you began: you can save it as long as it stays at most 383')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBeNull();
    await user.type(box, '!');
    expect(screen.getByText(/384 \/ 100 characters · 1 more than the 383 it had: it was already over the limit, so it may not grow\. Shorten it to save/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    await user.type(box, '{Backspace}');
    // The typo fixed: "Teh" → "The", the same length.
    (box as HTMLTextAreaElement).setSelectionRange(0, 3);
    await user.keyboard('The');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(save).toHaveBeenCalledWith(imported.replace('Teh', 'The'), imported);
  });

  it('keeps the editor open with the typed text and the reason when a save fails', async () => {
    const user = userEvent.setup();
    const save = vi.fn(async () => {
      throw new ApiError(503, 'UpstreamUnavailable', 'The metadata service did not answer.');
    });
    renderDescription(save);
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox'), ' (gross)');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The metadata service did not answer.');
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Orders placed in the shop (gross)');
  });

  it('keeps the focus on Save while it saves (not disabled, which sends the focus to the page), and saves once however often it is pressed', async () => {
    const user = userEvent.setup();
    let fail!: (error: unknown) => void;
    const save = vi.fn(() => new Promise((_resolve, reject) => (fail = reject)));
    renderDescription(save);
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox'), ' (gross)');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const saving = screen.getByRole('button', { name: 'Saving…' });
    expect(saving.hasAttribute('disabled')).toBe(false);
    expect(saving.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(saving);
    await user.click(saving);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(save).toHaveBeenCalledTimes(1);
    fail(new ApiError(503, 'UpstreamUnavailable', 'The metadata service did not answer.'));
    expect((await screen.findByRole('alert')).textContent).toContain('The metadata service did not answer.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save' }));
  });
});

describe('EditableDescription after a conflict', () => {
  async function reachConflict(save: ReturnType<typeof vi.fn>, theirs = 'Orders paid in the web shop') {
    const user = userEvent.setup();
    save.mockRejectedValueOnce(conflict(theirs));
    renderDescription(save as (text: string, base: string | null) => Promise<unknown>);
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    const box = screen.getByRole('textbox');
    await user.clear(box);
    await user.type(box, 'Orders placed online');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const region = await screen.findByRole('region', { name: 'Someone else changed this description' });
    return { user, region };
  }

  it('shows theirs with who and when beside mine, the words that differ, and a merge box that starts as mine', async () => {
    const { region } = await reachConflict(vi.fn());
    expect(within(region).getByTestId('conflict-theirs').textContent).toBe('Orders paid in the web shop');
    expect(within(region).getByTestId('conflict-mine').textContent).toBe('Orders placed online');
    expect(within(region).getByTestId('conflict-byline').textContent).toMatch(/^Saved by liv@example.org on 2026-12-06 \d\d:00 \S+ while you were editing\.$/);
    const diff = within(region).getByTestId('conflict-diff');
    expect([...diff.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['[only in theirs: paid in the web shop]']);
    expect([...diff.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['[only in mine: placed online]']);
    // As seen: the removed and the added words do not run together ("shopplaced").
    const seen = diff.cloneNode(true) as HTMLElement;
    seen.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
    expect(seen.textContent).toBe('Orders paid in the web shop placed online');
    expect((within(region).getByRole('textbox', { name: 'Merged description' }) as HTMLTextAreaElement).value).toBe('Orders placed online');
    expect(document.activeElement).toBe(within(region).getByRole('heading', { name: 'Someone else changed this description' }));
  });

  it('asks on Escape before dropping my text; discarding it keeps theirs and returns focus to Edit', async () => {
    const save = vi.fn(async () => ({}));
    const { user, region } = await reachConflict(save);
    within(region).getByRole('textbox', { name: 'Merged description' }).focus();
    await user.keyboard('{Escape}');
    const dialog = screen.getByRole('dialog', { name: 'Discard your changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByRole('region', { name: 'Someone else changed this description' })).toBeTruthy();
    await user.keyboard('{Escape}');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Discard changes' }));
    expect(screen.queryByRole('region', { name: 'Someone else changed this description' })).toBeNull();
    expect(screen.getByText('Orders placed in the shop')).toBeTruthy();
    expect(save).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit description' }));
  });

  it('has a Cancel button that asks before dropping my text: Keep editing keeps both texts and the merge and returns focus to Cancel; Discard changes returns focus to Edit', async () => {
    const save = vi.fn(async () => ({}));
    const { user, region } = await reachConflict(save);
    const merge = within(region).getByRole('textbox', { name: 'Merged description' });
    await user.type(merge, ' and by phone');
    await user.click(within(region).getByRole('button', { name: 'Cancel' }));
    const dialog = screen.getByRole('dialog', { name: 'Discard your changes?' });
    expect(dialog.textContent).toContain('the text saved meanwhile stays');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep editing' }));
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    const still = screen.getByRole('region', { name: 'Someone else changed this description' });
    expect(within(still).getByTestId('conflict-mine').textContent).toBe('Orders placed online');
    expect((within(still).getByRole('textbox', { name: 'Merged description' }) as HTMLTextAreaElement).value).toBe('Orders placed online and by phone');
    expect(document.activeElement).toBe(within(still).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Enter}');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Discard changes' }));
    expect(screen.queryByRole('region', { name: 'Someone else changed this description' })).toBeNull();
    expect(save).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit description' }));
  });

  it('says the signed-in person changed it in another tab or window when the other save was their own', async () => {
    const user = userEvent.setup();
    const save = vi.fn<(text: string, base: string | null) => Promise<unknown>>();
    save.mockRejectedValueOnce(conflict('Saved in the other tab', 'Roald Amundsen', '2026-12-06T03:00:00Z', 'roald.amundsen@example.org'));
    renderDescription(save);
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox'), '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const region = await screen.findByRole('region', { name: 'You changed this description in another tab or window' });
    expect(region.textContent).not.toContain('Someone else');
    expect(within(region).getByTestId('conflict-byline').textContent).toMatch(/^Saved by you on 2026-12-06 \d\d:00 \S+ in another tab or window, while you were editing here\.$/);
    // Nothing speaks of "theirs" when both texts are the person's own.
    expect(region.textContent).not.toMatch(/theirs/i);
    expect(within(region).getByRole('region', { name: 'The other tab’s' })).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Keep the other tab’s' })).toBeTruthy();
  });

  it('Keep mine saves my text as an edit of theirs', async () => {
    const save = vi.fn(async () => ({}));
    const { user, region } = await reachConflict(save);
    await user.click(within(region).getByRole('button', { name: 'Keep mine' }));
    expect(save).toHaveBeenLastCalledWith('Orders placed online', 'Orders paid in the web shop');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Someone else changed this description' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit description' }));
  });

  it('Keep theirs drops my text without saving', async () => {
    const save = vi.fn(async () => ({}));
    const { user, region } = await reachConflict(save);
    await user.click(within(region).getByRole('button', { name: 'Keep theirs' }));
    expect(save).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('region', { name: 'Someone else changed this description' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit description' }));
  });

  it('saves the merge as an edit of theirs, and shows the newer text again if theirs changed once more, keeping my merge', async () => {
    const save = vi.fn(async () => ({}));
    const { user, region } = await reachConflict(save);
    const merge = within(region).getByRole('textbox', { name: 'Merged description' });
    await user.clear(merge);
    await user.type(merge, 'Orders paid online');
    save.mockRejectedValueOnce(conflict('Third version', null, null));
    await user.click(within(region).getByRole('button', { name: 'Save merged' }));
    expect(save).toHaveBeenLastCalledWith('Orders paid online', 'Orders paid in the web shop');
    await waitFor(() => expect(screen.getByTestId('conflict-theirs').textContent).toBe('Third version'));
    expect(screen.getByText('Saved while you were editing, by someone else or by you in another tab or window.')).toBeTruthy();
    // Without an author (Amundsen keeps no edit log), the title blames no one.
    expect(screen.getByRole('heading', { name: 'This description changed while you were editing' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Merged description' }) as HTMLTextAreaElement).value).toBe('Orders paid online');
    await user.click(screen.getByRole('button', { name: 'Save merged' }));
    expect(save).toHaveBeenLastCalledWith('Orders paid online', 'Third version');
  });

  it('keeps the conflict view and both texts when saving from it fails for another reason', async () => {
    const save = vi.fn();
    const { user, region } = await reachConflict(save);
    save.mockRejectedValueOnce(new ApiError(0, 'NetworkError', 'Could not reach the server.'));
    await user.click(within(region).getByRole('button', { name: 'Keep mine' }));
    expect((await within(region).findByRole('alert')).textContent).toContain('Could not reach the server.');
    expect(within(region).getByTestId('conflict-mine').textContent).toBe('Orders placed online');
    // The button pressed was never disabled, so it keeps the focus for the next try.
    expect(document.activeElement).toBe(within(region).getByRole('button', { name: 'Keep mine' }));
    expect(within(region).getByRole('button', { name: 'Keep mine' }).hasAttribute('aria-disabled')).toBe(false);
  });
});

describe('EditableDescription keeping unsaved text', () => {
  const slot = () => descriptionDraftSlot('roald.amundsen@example.org', 'table:hive://gold.sales/orders:description');
  const sessionEnded = () => new ApiError(401, 'Unauthorized', 'Log in to continue.');
  afterEach(() => sessionStorage.clear());

  it('keeps the text while it is typed and when a save answers 401, says so, and shows it again with a notice on the next visit', async () => {
    const user = userEvent.setup();
    const save = vi.fn<(text: string, base: string | null) => Promise<unknown>>(async () => {
      throw sessionEnded();
    });
    const first = renderDescription(save, { draft: slot() });
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    expect(slot().read()).toBeNull(); // nothing typed, nothing kept
    await user.type(screen.getByRole('textbox'), ' (gross)');
    expect(slot().read()).toEqual({ text: 'Orders placed in the shop (gross)', base: 'Orders placed in the shop' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Not saved: your session has ended. Your text is kept: after you log in again it will be back here, to save again.');
    first.unmount(); // off to log in: the page goes away

    // Back from logging in: the page is new, the text is back in the editor with the notice.
    save.mockImplementation(async () => ({}));
    renderDescription(save, { draft: slot() });
    const box = screen.getByRole('textbox', { name: 'Description of sales.orders' }) as HTMLTextAreaElement;
    expect(box.value).toBe('Orders placed in the shop (gross)');
    expect(pageStatus().textContent).toBe('Your unsaved text was restored. It is not saved yet.');
    expect(box.getAttribute('aria-describedby')?.split(' ')).toContain(pageStatus().parentElement!.id);
    expect(document.activeElement).toBe(box);

    // Saved as an edit of the text it began from (so a change by someone else meanwhile is a conflict), then dropped.
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(save).toHaveBeenLastCalledWith('Orders placed in the shop (gross)', 'Orders placed in the shop');
    await waitFor(() => expect(screen.queryByRole('textbox')).toBeNull());
    expect(slot().read()).toBeNull();
    expect(pageStatuses()).toEqual([]);
  });

  it('drops the restored text when the person discards it, and puts focus on Edit', async () => {
    const user = userEvent.setup();
    slot().write({ text: 'Half a thought', base: 'Orders placed in the shop' });
    const save = vi.fn(async () => ({}));
    renderDescription(save, { draft: slot() });
    await user.click(screen.getByRole('button', { name: 'Discard it (Description of sales.orders)' }));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(slot().read()).toBeNull();
    expect(save).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit description' }));
  });

  it('drops the kept text when Cancel is confirmed, and when the text is put back as it was', async () => {
    const user = userEvent.setup();
    renderDescription(vi.fn(), { draft: slot(), markdown: false });
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox'), '!');
    expect(slot().read()?.text).toBe('Orders placed in the shop!');
    await user.type(screen.getByRole('textbox'), '{Backspace}');
    expect(slot().read()).toBeNull();
    await user.type(screen.getByRole('textbox'), '?');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(slot().read()?.text).toBe('Orders placed in the shop?'); // only asked so far
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(slot().read()).toBeNull();
  });

  it('keeps the text while a save fails for another reason, to restore after a reload', async () => {
    const user = userEvent.setup();
    const save = vi.fn(async () => {
      throw new ApiError(503, 'UpstreamUnavailable', 'The metadata service did not answer.');
    });
    renderDescription(save, { draft: slot(), markdown: false });
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox'), '.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Your text is still here.');
    expect(slot().read()).toEqual({ text: 'Orders placed in the shop.', base: 'Orders placed in the shop' });
  });

  it('does not reopen a kept text that is what is saved now, nor for a person who may no longer edit, and drops it', () => {
    slot().write({ text: 'Orders placed in the shop', base: 'Orders' });
    const one = renderDescription(vi.fn(), { draft: slot() });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(slot().read()).toBeNull();
    one.unmount();

    slot().write({ text: 'Words', base: 'Orders placed in the shop' });
    renderDescription(vi.fn(), { draft: slot(), canEdit: false });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(slot().read()).toBeNull();
  });
});
