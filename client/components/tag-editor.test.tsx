// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { REPEAT_PRESS_MS } from './focus-after-removal';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tagSearchPath } from '../app/paths';
import { TAG_RULE, TagEditor, tagProblem } from './tag-editor';
import { ApiError } from '../lib/api-error';
import { renderWithApp } from './testing/render-with-app';
import { deferred } from './testing/deferred';

afterEach(cleanup);

function renderTags(props: Partial<Parameters<typeof TagEditor>[0]> = {}) {
  const onAdd = vi.fn((_tag: string) => Promise.resolve());
  const onRemove = vi.fn();
  renderWithApp(<TagEditor tags={['sales', 'kpi']} resource="table" canEdit knownTags={['finance', 'finance_core', 'kpi', 'pii']} onAdd={onAdd} onRemove={onRemove} {...props} />);
  return { onAdd, onRemove };
}

describe('tagProblem', () => {
  it('accepts lower-case letters, digits and _ up to 80 characters, and nothing already there', () => {
    expect(tagProblem('finance_core_2', [])).toBeNull();
    expect(tagProblem('Finance', [])).toBe(TAG_RULE);
    expect(tagProblem('two words', [])).toBe(TAG_RULE);
    expect(tagProblem('a'.repeat(81), [])).toBe(TAG_RULE);
    expect(tagProblem('kpi', ['kpi'])).toBe('Already tagged kpi.');
  });
});

describe('TagEditor', () => {
  it('shows the tags as links to their search, with no edit controls for a person who may not edit', () => {
    renderTags({ canEdit: false });
    expect(screen.getByRole('link', { name: 'sales' }).getAttribute('href')).toBe(tagSearchPath('sales', 'table'));
    expect(screen.queryByRole('button', { name: /Remove tag/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add tag' })).toBeNull();
  });

  it('removes a tag with its own button', async () => {
    const { onRemove } = renderTags();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Remove tag kpi' }));
    expect(onRemove).toHaveBeenCalledWith('kpi');
  });

  it('takes a second press of × straight after a removal, on the next tag focus moved to, as the same press (no undo for a removal)', async () => {
    let now = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const user = userEvent.setup();
    const { onRemove } = renderTags({ tags: ['sales', 'kpi', 'pii'] });
    screen.getByRole('button', { name: 'Remove tag sales' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove tag kpi' }));
    now += 120; // a double Enter, or a double click as the next × slides under the pointer
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Remove tag kpi' }));
    expect(onRemove.mock.calls).toEqual([['sales']]);
    now += 500; // a choice: half a second on
    await user.keyboard('{Enter}');
    expect(onRemove.mock.calls).toEqual([['sales'], ['kpi']]);
    vi.restoreAllMocks();
  });

  it('suggests tags in use that the resource lacks and adds the one chosen, staying open for the next', async () => {
    const user = userEvent.setup();
    const { onAdd } = renderTags();
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    const box = screen.getByRole('combobox', { name: 'Add tag' });
    expect(document.activeElement).toBe(box);
    await user.type(box, 'fin');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['finance', 'finance_core', 'Add new tag “fin”']);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(onAdd).toHaveBeenCalledWith('finance_core');
    expect((screen.getByRole('combobox', { name: 'Add tag' }) as HTMLInputElement).value).toBe('');
  });

  it('adds a new tag that follows the rule with Enter', async () => {
    const user = userEvent.setup();
    const { onAdd } = renderTags();
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await user.type(screen.getByRole('combobox', { name: 'Add tag' }), 'churn_2026{Enter}');
    expect(onAdd).toHaveBeenCalledWith('churn_2026');
  });

  it('shows the rule instead of adding a tag that breaks it', async () => {
    const user = userEvent.setup();
    const { onAdd } = renderTags();
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    const box = screen.getByRole('combobox', { name: 'Add tag' });
    await user.type(box, 'Churn Risk{Enter}');
    expect(onAdd).not.toHaveBeenCalled();
    expect(screen.getByText(TAG_RULE).id).toBe(box.getAttribute('aria-describedby'));
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });

  it('adds a tag typed with capitals in lower case with Enter, saying so before (the tag box did nothing for “Finance”)', async () => {
    const user = userEvent.setup();
    const { onAdd } = renderTags();
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    const box = screen.getByRole('combobox', { name: 'Add tag' });
    await user.type(box, 'Churn_2026');
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toBe('Tags are lower case: Enter adds “churn_2026”.');
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('option', { name: 'Add new tag “churn_2026”' })).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(onAdd).toHaveBeenCalledWith('churn_2026');
  });

  it('shows the lower-case hint atop the open suggestion list, not as an option, keeping the spoken count and the active option', async () => {
    const user = userEvent.setup();
    const { onAdd } = renderTags();
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    const box = screen.getByRole('combobox', { name: 'Add tag' });
    await user.type(box, 'Fin');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    const listbox = screen.getByRole('listbox');
    const popup = listbox.parentElement!;
    // The first line of the open popup, above the options (the list covers the hint under the box).
    const note = popup.firstElementChild as HTMLElement;
    expect(note.textContent).toBe('Tags are lower case: Enter adds “fin”.');
    expect(note).not.toBe(listbox);
    expect(listbox.contains(note)).toBe(false);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['finance', 'finance_core', 'Add new tag “fin”']);
    expect(box.parentElement!.querySelector('[role=status]')!.textContent).toBe('Tags are lower case: Enter adds “fin”. 3 suggestions; use the arrow keys to choose one.');

    await user.keyboard('{ArrowDown}');
    const first = screen.getByRole('option', { name: 'finance' });
    expect(box.getAttribute('aria-activedescendant')).toBe(first.id);
    expect(first.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    expect(onAdd).toHaveBeenCalledWith('finance');
  });

  it('shows a problem atop the open suggestion list, where the list would cover it under the box, and says it before the count', async () => {
    const user = userEvent.setup();
    const { onAdd } = renderTags({ tags: ['finance'] });
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    const box = screen.getByRole('combobox', { name: 'Add tag' });
    const said = () => box.parentElement!.querySelector('[role=status]')!.textContent;
    await user.type(box, 'finance');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const listbox = screen.getByRole('listbox');
    const line = listbox.parentElement!.firstElementChild as HTMLElement;
    expect(line.textContent).toBe('Already tagged finance.');
    expect(line.className).toContain('combobox__note--problem');
    expect(listbox.contains(line)).toBe(false);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['finance_core']);
    expect(said()).toBe('Already tagged finance. 1 suggestion; use the arrow keys to choose one.');
    // Still the box's description, for when the list is closed.
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toBe('Already tagged finance.');

    await user.clear(box);
    await user.type(box, 'churn risk');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect((screen.getByRole('listbox').parentElement!.firstElementChild as HTMLElement).textContent).toBe(TAG_RULE);
    expect(said()).toBe(`${TAG_RULE} No matching tags`);
    await user.keyboard('{Enter}');
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('says a tag typed with capitals is there already when its lower case is', async () => {
    const user = userEvent.setup();
    const { onAdd } = renderTags();
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await user.type(screen.getByRole('combobox', { name: 'Add tag' }), 'KPI{Enter}');
    expect(screen.getByText('Already tagged kpi.')).toBeTruthy();
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('closes with one Escape when nothing is typed, and returns focus to Add tag', async () => {
    const user = userEvent.setup();
    renderTags();
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('combobox')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add tag' })));
  });

  it('closes the suggestions with the first Escape (the text kept) and the box with the second, not a third', async () => {
    const user = userEvent.setup();
    renderTags();
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    const box = screen.getByRole('combobox', { name: 'Add tag' }) as HTMLInputElement;
    await user.type(box, 'pi');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.value).toBe('pi');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('combobox')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add tag' })));
  });

  it('keeps the box open, with what was typed, when focus leaves it', async () => {
    const user = userEvent.setup();
    renderTags();
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await user.type(screen.getByRole('combobox', { name: 'Add tag' }), 'pi');
    await user.tab();
    expect((screen.getByRole('combobox', { name: 'Add tag' }) as HTMLInputElement).value).toBe('pi');
  });

  it('keeps the typed text while the tag is on its way (with no "Already tagged" for it), and clears it once the server took it', async () => {
    const user = userEvent.setup();
    const write = deferred();
    renderLive(() => write.promise);
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    const box = screen.getByRole('combobox', { name: 'Add tag' }) as HTMLInputElement;
    await user.type(box, 'churn_2026{Enter}');
    expect(screen.getByRole('link', { name: 'churn_2026' })).toBeTruthy();
    expect(box.value).toBe('churn_2026');
    expect(screen.queryByText('Already tagged churn_2026.')).toBeNull();
    expect(box.getAttribute('aria-invalid')).toBeNull();
    await act(async () => write.resolve());
    expect(box.value).toBe('');
  });

  it('keeps the typed text when the add was refused, so it can be corrected', async () => {
    const user = userEvent.setup();
    const write = deferred();
    renderLive(() => write.promise);
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    const box = screen.getByRole('combobox', { name: 'Add tag' }) as HTMLInputElement;
    await user.type(box, 'churn_2026{Enter}');
    await act(async () => write.reject(new Error('Changing tags needs the editor role.')));
    expect(screen.queryByRole('link', { name: 'churn_2026' })).toBeNull();
    expect(box.value).toBe('churn_2026');
    expect(document.activeElement).toBe(box);
    // The field says why, as the toast did (which may be gone, or read once), and is marked invalid
    // until the text changes.
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toBe('Not added: Changing tags needs the editor role.');
    await user.type(box, 'x');
    expect(box.hasAttribute('aria-invalid')).toBe(false);
    expect(box.hasAttribute('aria-describedby')).toBe(false);
  });

  it('leaves a refusal because another tab signed in as someone else to the notice of the shell, not the field', async () => {
    const user = userEvent.setup();
    const write = deferred();
    renderLive(() => write.promise);
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    const box = screen.getByRole('combobox', { name: 'Add tag' }) as HTMLInputElement;
    await user.type(box, 'churn_2026{Enter}');
    await act(async () => write.reject(new ApiError(409, 'ConflictError', 'You are now signed in as Liv Arnesen in another tab or window; reload this page.', 'session_user_changed')));
    expect(box.value).toBe('churn_2026');
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(/Not added/)).toBeNull();
  });

  it('counts "Add new tag" among the suggestions it announces', async () => {
    const user = userEvent.setup();
    renderTags();
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    const box = screen.getByRole('combobox', { name: 'Add tag' });
    const said = () => screen.getAllByRole('status').map((s) => s.textContent).join('');
    await user.type(box, 'zzznewtag');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Add new tag “zzznewtag”']);
    expect(said()).toBe('1 suggestion; use the arrow keys to choose one.');
    await user.clear(box);
    await user.type(box, 'fin');
    expect(said()).toBe('3 suggestions; use the arrow keys to choose one.');
    await user.clear(box);
    await user.type(box, 'zz z');
    expect(said()).toBe(`${TAG_RULE} No matching tags`);
  });

  it('keeps what was typed after the add when the server answers', async () => {
    const user = userEvent.setup();
    const write = deferred();
    renderLive(() => write.promise);
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    const box = screen.getByRole('combobox', { name: 'Add tag' }) as HTMLInputElement;
    await user.type(box, 'churn{Enter}');
    await user.type(box, '_2026');
    await act(async () => write.resolve());
    expect(box.value).toBe('churn_2026');
  });

  it('moves focus after a removal to the next tag’s remove button, else the previous one, else Add tag', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const user = userEvent.setup();
    renderLive(() => Promise.resolve(), ['sales', 'kpi', 'pii']);
    screen.getByRole('button', { name: 'Remove tag sales' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('link', { name: 'sales' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove tag kpi' }));
    screen.getByRole('button', { name: 'Remove tag pii' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove tag kpi' }));
    // A moment on: a press straight after a removal is taken for the same press again (isRepeatedPress).
    now += REPEAT_PRESS_MS;
    await user.keyboard('{Enter}');
    expect(screen.getByText('No tags')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add tag' }));
    vi.restoreAllMocks();
  });

  it('brings focus back to a tag’s remove button when the server refused its removal and the tag is back', async () => {
    const user = userEvent.setup();
    const removal = deferred();
    renderLive(() => Promise.resolve(), ['sales', 'kpi', 'pii'], () => removal.promise);
    screen.getByRole('button', { name: 'Remove tag kpi' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove tag pii' }));
    await act(async () => removal.reject(new Error('refused')));
    expect(screen.getByRole('link', { name: 'kpi' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove tag kpi' })));
  });
});

/** The editor over tags that change as the table page's do: at once, and back when the write fails. */
function LiveTags({ initial, write, removal }: { initial: string[]; write: (tag: string) => Promise<void>; removal?: () => Promise<void> }) {
  const [tags, setTags] = useState(initial);
  return (
    <TagEditor
      tags={tags}
      resource="table"
      canEdit
      knownTags={[]}
      onAdd={(tag) => {
        setTags((current) => [...current, tag]);
        return write(tag).catch((error: unknown) => {
          setTags((current) => current.filter((t) => t !== tag));
          throw error;
        });
      }}
      onRemove={(tag) => {
        setTags((current) => current.filter((t) => t !== tag));
        return removal?.().catch((error: unknown) => {
          setTags((current) => initial.filter((t) => t === tag || current.includes(t)));
          throw error;
        });
      }}
    />
  );
}

function renderLive(write: (tag: string) => Promise<void>, initial = ['sales'], removal?: () => Promise<void>) {
  renderWithApp(<LiveTags initial={initial} write={write} removal={removal} />);
}
