// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { REPEAT_PRESS_MS } from './focus-after-removal';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../contract/api-common';
import { OwnerEditor, type OwnerEditorProps, type PeoplePicker } from './owner-editor';
import { ApiError } from '../lib/api-error';
import { renderWithApp, testConfig, testUser } from './testing/render-with-app';
import { deferred } from './testing/deferred';

afterEach(cleanup);

const roald = testUser();
const liv = { user_id: 'liv.arnesen@example.org', display_name: 'Liv Arnesen', email: 'liv.arnesen@example.org' };
const fridtjof = testUser({ user_id: 'fridtjof.nansen@example.org', email: 'fridtjof.nansen@example.org', first_name: 'Fridtjof', last_name: 'Nansen' });
const borge = testUser({ user_id: 'borge.ousland@example.org', email: 'borge.ousland@example.org', first_name: 'Børge', last_name: 'Ousland' });

/** The editor over owners that change as the table page's do: at once, and back when the write fails. */
function Harness({ initial, picker, canEdit, onAdd, onRemove, lookUp }: { initial: User[]; picker: PeoplePicker | null; canEdit: boolean; onAdd: (u: User) => Promise<void>; onRemove: (u: User) => Promise<void> | void; lookUp?: OwnerEditorProps['lookUp'] }) {
  const [term, setTerm] = useState('');
  const [owners, setOwners] = useState(initial);
  return (
    <OwnerEditor
      owners={owners}
      canEdit={canEdit}
      term={term}
      onTermChange={setTerm}
      picker={picker}
      lookUp={lookUp}
      onAdd={(owner) => {
        setOwners((current) => [...current, owner]);
        return onAdd(owner).catch((error: unknown) => {
          setOwners((current) => current.filter((o) => o.user_id !== owner.user_id));
          throw error;
        });
      }}
      onRemove={(owner) => {
        setOwners((current) => current.filter((o) => o.user_id !== owner.user_id));
        return Promise.resolve(onRemove(owner)).catch((error: unknown) => {
          setOwners((current) => [...initial.filter((o) => o.user_id === owner.user_id), ...current]);
          throw error;
        });
      }}
    />
  );
}

function renderOwners(
  picker: PeoplePicker | null,
  canEdit = true,
  { owners = [roald], write = () => Promise.resolve(), remove, lookUp }: { owners?: User[]; write?: () => Promise<void>; remove?: () => Promise<void>; lookUp?: OwnerEditorProps['lookUp'] } = {},
) {
  const onAdd = vi.fn((_owner: User) => write());
  const onRemove = vi.fn((_owner: User) => remove?.());
  // Profiles on (people search, owners linked to their profiles) exactly when there is a picker.
  renderWithApp(<Harness initial={owners} picker={picker} canEdit={canEdit} onAdd={onAdd} onRemove={onRemove} lookUp={lookUp} />, { config: testConfig({}, { indexUsers: picker !== null }) });
  return { onAdd, onRemove };
}

async function openPicker() {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Add owner' }));
  return { user, box: screen.getByRole('combobox', { name: 'Add owner' }) as HTMLInputElement };
}

describe('OwnerEditor', () => {
  it('lists the owners without edit controls for a person who may not edit', () => {
    renderOwners(null, false);
    expect(screen.getByText('Roald Amundsen')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /owner/ })).toBeNull();
  });

  it('removes an owner with the button named for them', async () => {
    const { onRemove } = renderOwners(null);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Remove owner Roald Amundsen' }));
    expect(onRemove).toHaveBeenCalledWith(roald);
  });

  it('adds an owner by user id when there is no people search, and refuses someone already an owner', async () => {
    const user = userEvent.setup();
    const { onAdd } = renderOwners(null);
    await user.click(screen.getByRole('button', { name: 'Add owner' }));
    const field = screen.getByRole('textbox', { name: 'Add owner' });
    await user.type(field, 'roald.amundsen@example.org{Enter}');
    expect(onAdd).not.toHaveBeenCalled();
    expect(screen.getByText('Roald Amundsen already owns this.')).toBeTruthy();
    await user.clear(field);
    await user.type(field, 'borge.ousland{Enter}');
    expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ user_id: 'borge.ousland', display_name: 'borge.ousland' }));
    await waitFor(() => expect((field as HTMLInputElement).value).toBe(''));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add owner' })));
  });

  describe('without profiles, an id looked up before it is added', () => {
    // The exploratory tester's repro: "nobody_here", "roald" and "ROALD" were all added at once, each
    // a new nameless person ("roald" is Roald's login; his user id is his email).
    const lookUp = vi.fn(async (id: string) =>
      id === fridtjof.user_id ? { known: fridtjof, similar: [] } : { known: null, similar: id.toLowerCase() === 'fridtjof' ? [fridtjof] : [] });
    const openById = async (options: Parameters<typeof renderOwners>[2] = {}) => {
      const rendered = renderOwners(null, true, { lookUp, ...options });
      const user = userEvent.setup();
      await user.click(screen.getByRole('button', { name: 'Add owner' }));
      return { ...rendered, user, field: screen.getByRole('textbox', { name: 'Add owner' }) as HTMLInputElement };
    };

    it('adds the person an id names, as the look-up names them', async () => {
      const { onAdd, user, field } = await openById();
      await user.type(field, `${fridtjof.user_id}{Enter}`);
      await waitFor(() => expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ user_id: fridtjof.user_id, display_name: 'Fridtjof Nansen' })));
    });

    it('says no one is known by an id, suggests whom it may mean, and adds them with their button', async () => {
      const { onAdd, user, field } = await openById();
      await user.type(field, 'FRIDTJOF{Enter}');
      const said = (await screen.findByText(/No one is known as/)).closest('[role="status"]')!;
      expect(said.textContent).toContain('No one is known as “FRIDTJOF” — did you mean Fridtjof Nansen (fridtjof.nansen@example.org)? Enter again adds it as a new user id.');
      expect(field.getAttribute('aria-describedby')).toBe(said.id);
      // The live status is the sentence, not the buttons' names after it.
      expect(said.textContent).toBe('No one is known as “FRIDTJOF” — did you mean Fridtjof Nansen (fridtjof.nansen@example.org)? Enter again adds it as a new user id.');
      expect(onAdd).not.toHaveBeenCalled();
      await user.click(screen.getByRole('button', { name: 'Add Fridtjof Nansen' }));
      expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ user_id: fridtjof.user_id }));
      await waitFor(() => expect(screen.queryByText(/No one is known as/)).toBeNull());
      // The button pressed is gone: the focus goes back to the field, not to the page's body.
      expect(document.activeElement).toBe(field);
    });

    it('does not offer to add a person it may mean who owns this already, and says they do', async () => {
      const { onAdd, user, field } = await openById({ owners: [roald, fridtjof] });
      await user.type(field, 'fridtjof{Enter}');
      const said = (await screen.findByText(/No one is known as/)).closest('[role="status"]')!;
      expect(said.textContent).toBe('No one is known as “fridtjof”. Fridtjof Nansen (fridtjof.nansen@example.org) owns this already. Enter again adds it as a new user id.');
      expect(screen.queryByRole('button', { name: 'Add Fridtjof Nansen' })).toBeNull();
      expect(screen.getByRole('button', { name: 'Add “fridtjof” as a new user id' })).toBeTruthy();
      expect(onAdd).not.toHaveBeenCalled();
    });

    it('adds an id no one has only when asked again: a second Enter or its button', async () => {
      const { onAdd, user, field } = await openById();
      await user.type(field, 'nobody_here{Enter}');
      expect((await screen.findByText(/No one is known as/)).closest('[role="status"]')!.textContent).toContain('No one is known as “nobody_here”. Enter again adds it as a new user id.');
      expect(onAdd).not.toHaveBeenCalled();
      await user.keyboard('{Enter}');
      expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ user_id: 'nobody_here' }));
      await user.type(field, 'svc_etl{Enter}');
      await user.click(await screen.findByRole('button', { name: 'Add “svc_etl” as a new user id' }));
      expect(onAdd).toHaveBeenLastCalledWith(expect.objectContaining({ user_id: 'svc_etl' }));
      expect(document.activeElement).toBe(field);
    });

    it('refuses an id that differs only in case from an owner’s, without asking or adding', async () => {
      lookUp.mockClear();
      const { onAdd, user, field } = await openById();
      await user.type(field, 'Roald.Amundsen@example.org{Enter}');
      expect(screen.getByText(/“Roald.Amundsen@example.org” differs only in case from Roald Amundsen \(roald.amundsen@example.org\), who owns this already/)).toBeTruthy();
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(lookUp).not.toHaveBeenCalled();
      expect(onAdd).not.toHaveBeenCalled();
    });
  });

  it('closes the people list with the first Escape and the box with the second, returning focus to Add owner', async () => {
    renderOwners({ people: [liv] });
    const { user, box } = await openPicker();
    await user.type(box, 'liv');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.value).toBe('liv');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('combobox', { name: 'Add owner' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add owner' })));
  });

  it('picks a person found by the people search', async () => {
    const user = userEvent.setup();
    const { onAdd } = renderOwners({ people: [liv] });
    await user.click(screen.getByRole('button', { name: 'Add owner' }));
    await user.type(screen.getByRole('combobox', { name: 'Add owner' }), 'liv');
    await user.click(screen.getByRole('option', { name: /Liv Arnesen/ }));
    expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ user_id: 'liv.arnesen@example.org', display_name: 'Liv Arnesen' }));
  });

  it('adds the highlighted person with Enter', async () => {
    const { onAdd } = renderOwners({ people: [liv] });
    const { user, box } = await openPicker();
    await user.type(box, 'liv{ArrowDown}{Enter}');
    expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ user_id: 'liv.arnesen@example.org' }));
  });

  it('adds with Enter the one person whose id, email or its part before the @ is what was typed, case aside', async () => {
    const { onAdd } = renderOwners({ people: [fridtjof, liv] });
    const { user, box } = await openPicker();
    await user.type(box, 'Liv.Arnesen{Enter}');
    expect(onAdd).toHaveBeenCalledTimes(1);
    expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ user_id: 'liv.arnesen@example.org', display_name: 'Liv Arnesen' }));
  });

  it('does not add the typed text as a new user id with Enter when it names nobody known, but says how to', async () => {
    const { onAdd } = renderOwners({ people: [liv] });
    const { user, box } = await openPicker();
    // Found by the search (inside a word), but not what begins her name or id: not taken as meaning her.
    await user.type(box, 'nesen{Enter}');
    expect(onAdd).not.toHaveBeenCalled();
    const problem = screen.getByText(/Nobody is known as “nesen”/);
    expect(problem.id).toBe(box.getAttribute('aria-describedby'));
    expect(box.value).toBe('nesen');
    // Chosen on purpose, the list's last line adds it as a user id (Amundsen takes any id).
    await user.keyboard('{ArrowUp}{Enter}');
    expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ user_id: 'nesen', display_name: 'nesen' }));
  });

  it('adds with Enter the one person found when what was typed begins their name or a word of it', async () => {
    const { onAdd } = renderOwners({ people: [liv] });
    const { user, box } = await openPicker();
    await user.type(box, 'liv{Enter}');
    expect(onAdd).toHaveBeenCalledTimes(1);
    expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ user_id: 'liv.arnesen@example.org', display_name: 'Liv Arnesen' }));
    expect(screen.queryByText(/Nobody is known as/)).toBeNull();
    expect(box.getAttribute('aria-invalid')).toBeNull();
  });

  it('asks to choose, adding nobody, when what was typed begins the names of several people found', async () => {
    const { onAdd } = renderOwners({ people: [liv, { user_id: 'liv.ullmann@example.org', display_name: 'Liv Ullmann', email: 'liv.ullmann@example.org' }] });
    const { user, box } = await openPicker();
    await user.type(box, 'liv{Enter}');
    expect(onAdd).not.toHaveBeenCalled();
    const problem = screen.getByText('Several people were found for “liv”: choose one from the list (arrow keys).');
    expect(problem.id).toBe(box.getAttribute('aria-describedby'));
  });

  it('says a problem found on Enter (the list closed), each time, but not a refusal, which its toast says', async () => {
    renderOwners({ people: [liv] }, true, { owners: [roald, testUser({ user_id: liv.user_id, email: liv.email, first_name: 'Liv', last_name: 'Arnesen' })], write: () => Promise.reject(new Error('Changing owners needs the editor role.')) });
    const { user, box } = await openPicker();
    const said = () => screen.getAllByRole('status').map((s) => s.textContent).join(' | ');
    await user.type(box, 'nesen{Enter}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(said()).toContain('Nobody is known as “nesen”.');
    const first = screen.getByText(/^Nobody is known as “nesen”/);
    expect(first.closest('[role=status]')).toBeTruthy();
    await user.keyboard('{Enter}');
    // Said again: a new element, not the same words left in place.
    expect(screen.getByText(/^Nobody is known as “nesen”/)).not.toBe(first);
    await user.clear(box);
    await user.type(box, 'Liv Arnesen{Enter}');
    expect(said()).toContain('Liv Arnesen already owns this.');
    await user.clear(box);
    await user.type(box, 'svc_new{ArrowDown}{Enter}');
    await waitFor(() => expect(box.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Not added: Changing owners needs the editor role.').closest('[role=status]')).toBeNull();
    expect(said()).not.toContain('Not added');
  });

  it('shows its problem atop the suggestion list when the arrow keys it asks for open it again, where the list would cover it under the box, and says it before the count (a refusal, said by its toast, only shown)', async () => {
    const ullmann = { user_id: 'liv.ullmann@example.org', display_name: 'Liv Ullmann', email: 'liv.ullmann@example.org' };
    const { onAdd } = renderOwners({ people: [liv, ullmann] }, true, { write: () => Promise.reject(new Error('Changing owners needs the editor role.')) });
    const { user, box } = await openPicker();
    const said = () => box.parentElement!.querySelector('[role=status]')!.textContent;
    const firstLine = () => screen.getByRole('listbox').parentElement!.firstElementChild as HTMLElement;
    const several = 'Several people were found for “liv”: choose one from the list (arrow keys).';
    await user.type(box, 'liv{Enter}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(firstLine().textContent).toBe(several);
    expect(firstLine().className).toContain('combobox__note--problem');
    expect(screen.getByRole('listbox').contains(firstLine())).toBe(false);
    expect(said()).toBe(`${several} 3 suggestions; use the arrow keys to choose one.`);
    // Still the box's description, for when the list is closed.
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toBe(several);

    // Nobody known by it: the same place.
    await user.clear(box);
    await user.type(box, 'nesen{Enter}{ArrowDown}');
    expect(firstLine().textContent).toMatch(/^Nobody is known as “nesen”/);
    await user.keyboard('{Escape}');

    // Refused by the server: "Not added: …" atop the list too.
    await user.clear(box);
    await user.type(box, 'liv.ullmann{Enter}');
    expect(onAdd).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(box.getAttribute('aria-invalid')).toBe('true'));
    await user.keyboard('{ArrowDown}');
    expect(firstLine().textContent).toBe('Not added: Changing owners needs the editor role.');
    expect(firstLine().className).toContain('combobox__note--problem');
    // Seen, but not said a second time: the toast's alert said it.
    expect(said()).not.toContain('Not added');
    // Typing on clears it, above the list as under the box.
    await user.type(box, 'x');
    expect(screen.queryByText(/Not added/)).toBeNull();
  });

  it('offers the typed text as a user id second to the people it found, as a new id, and not at all for a name with a space', async () => {
    renderOwners({ people: [liv] });
    const { user, box } = await openPicker();
    await user.type(box, 'liv');
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual([expect.stringMatching(/^Liv Arnesen/), 'None of them: add “liv” as a new user id']);
    expect(screen.queryByRole('option', { name: 'Add “liv” as a user id' })).toBeNull();
    await user.type(box, ' Arnesen');
    expect(screen.queryByRole('option', { name: /as a (new )?user id/ })).toBeNull();
    expect(screen.getByRole('option', { name: /Liv Arnesen/ })).toBeTruthy();
  });

  it('offers the typed text plainly as a user id when nobody was found', async () => {
    renderOwners({ people: [] });
    const { user, box } = await openPicker();
    await user.type(box, 'hjalmar');
    expect(screen.getByRole('option', { name: 'Add “hjalmar” as a user id' })).toBeTruthy();
  });

  it('counts "Add … as a user id" among the suggestions it announces, as the tag box counts "Add new tag"', async () => {
    const said = () => screen.getAllByRole('status').map((s) => s.textContent).join('');
    renderOwners({ people: [liv] });
    const { user, box } = await openPicker();
    await user.type(box, 'liv');
    expect(screen.getAllByRole('option')).toHaveLength(2);
    expect(said()).toBe('2 suggestions; use the arrow keys to choose one.');
    // A name (with a space) is not offered as an id: only the person is counted.
    await user.type(box, ' Arnesen');
    expect(said()).toBe('1 suggestion; use the arrow keys to choose one.');
    cleanup();
    // Nobody found: the status shown is said, then the one line there is to choose.
    renderOwners({ people: [], status: 'Nobody found' });
    const second = await openPicker();
    await second.user.type(second.box, 'hjalmar');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Add “hjalmar” as a user id']);
    expect(said()).toBe('Nobody found. 1 suggestion; use the arrow keys to choose one.');
    await second.user.type(second.box, ' johansen');
    expect(said()).toBe('Nobody found');
  });

  it('says someone already owns this when what was typed names an owner, instead of adding it as a new id', async () => {
    const { onAdd } = renderOwners({ people: [fridtjof] }, true, { owners: [roald, fridtjof] });
    const { user, box } = await openPicker();
    await user.type(box, 'fridtjof.nansen{Enter}');
    expect(onAdd).not.toHaveBeenCalled();
    expect(screen.getByText('Fridtjof Nansen already owns this.')).toBeTruthy();
    await user.clear(box);
    await user.type(box, 'fridtjof{Enter}');
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('asks to choose when several people are known by what was typed', async () => {
    const { onAdd } = renderOwners({ people: [liv, { user_id: 'liv.arnesen@example.com', display_name: 'Liv Arnesen (old)', email: 'liv.arnesen@example.com' }] });
    const { user, box } = await openPicker();
    await user.type(box, 'liv.arnesen{Enter}');
    expect(onAdd).not.toHaveBeenCalled();
    expect(screen.getByText(/Several people are known as “liv.arnesen”/)).toBeTruthy();
  });

  it('keeps the typed text while the owner is on its way, clears it once the server took them, and keeps it when refused', async () => {
    const first = deferred();
    const second = deferred();
    const writes = [first, second];
    renderOwners({ people: [liv, borge] }, true, { write: () => writes.shift()!.promise });
    const { user, box } = await openPicker();
    await user.type(box, 'liv.arnesen{Enter}');
    expect(screen.getByRole('link', { name: 'Liv Arnesen' })).toBeTruthy();
    expect(box.value).toBe('liv.arnesen');
    await act(async () => first.resolve());
    expect(box.value).toBe('');
    await user.type(box, 'borge.ousland{Enter}');
    await act(async () => second.reject(new Error('Changing owners needs the editor role.')));
    expect(screen.queryByRole('link', { name: 'Børge Ousland' })).toBeNull();
    expect(box.value).toBe('borge.ousland');
    // The field says why, as the toast did, and is marked invalid until the text changes.
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toBe('Not added: Changing owners needs the editor role.');
    await user.type(box, 'x');
    expect(box.hasAttribute('aria-invalid')).toBe(false);
  });

  it('keeps a user id typed without profiles when the add was refused', async () => {
    const write = deferred();
    renderOwners(null, true, { write: () => write.promise });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add owner' }));
    const field = screen.getByRole('textbox', { name: 'Add owner' }) as HTMLInputElement;
    await user.type(field, 'ann berg{Enter}');
    await act(async () => write.reject(new Error('refused')));
    expect(field.value).toBe('ann berg');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toBe('Not added: refused');
  });

  it('leaves a refusal because another tab signed in as someone else to the notice of the shell, not the field', async () => {
    const write = deferred();
    renderOwners(null, true, { write: () => write.promise });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add owner' }));
    const field = screen.getByRole('textbox', { name: 'Add owner' }) as HTMLInputElement;
    await user.type(field, 'ann.berg{Enter}');
    await act(async () => write.reject(new ApiError(409, 'ConflictError', 'You are now signed in as Liv Arnesen in another tab or window; reload this page.', 'session_user_changed')));
    expect(field.value).toBe('ann.berg');
    expect(field.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(/Not added/)).toBeNull();
  });

  it('names a remove button by the name shown, and brings focus back to it when the server refused the removal', async () => {
    const write = deferred();
    const user = userEvent.setup();
    renderOwners(null, true, { owners: [roald, fridtjof], remove: () => write.promise });
    const remove = screen.getByRole('button', { name: 'Remove owner Roald Amundsen' });
    expect(remove.getAttribute('title')).toBe('Remove owner Roald Amundsen');
    remove.focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByText('Roald Amundsen')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove owner Fridtjof Nansen' }));
    await act(async () => write.reject(new Error('refused')));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove owner Roald Amundsen' })));
  });

  it('moves focus after a removal to the next owner’s remove button, else the previous one, else Add owner', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const user = userEvent.setup();
    renderOwners(null, true, { owners: [roald, fridtjof, borge] });
    screen.getByRole('button', { name: `Remove owner ${roald.display_name}` }).focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByText('Roald Amundsen')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Remove owner ${fridtjof.display_name}` }));
    screen.getByRole('button', { name: `Remove owner ${borge.display_name}` }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Remove owner ${fridtjof.display_name}` }));
    // A moment on: a press straight after a removal is taken for the same press again (isRepeatedPress).
    now += REPEAT_PRESS_MS;
    await user.keyboard('{Enter}');
    expect(screen.getByText('No owners')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add owner' }));
    vi.restoreAllMocks();
  });
});
