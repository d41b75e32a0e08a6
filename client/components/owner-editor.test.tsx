// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../contract/api-common';
import { OwnerEditor, type PeoplePicker } from './owner-editor';
import { renderWithApp, testUser } from './testing/render-with-app';

afterEach(cleanup);

const roald = testUser();
const liv = { user_id: 'liv.arnesen@example.org', display_name: 'Liv Arnesen', email: 'liv.arnesen@example.org' };

function Harness({ picker, canEdit, onAdd, onRemove }: { picker: PeoplePicker | null; canEdit: boolean; onAdd: (u: User) => void; onRemove: (u: User) => void }) {
  const [term, setTerm] = useState('');
  return <OwnerEditor owners={[roald]} canEdit={canEdit} term={term} onTermChange={setTerm} picker={picker} onAdd={onAdd} onRemove={onRemove} />;
}

function renderOwners(picker: PeoplePicker | null, canEdit = true) {
  const onAdd = vi.fn();
  const onRemove = vi.fn();
  renderWithApp(<Harness picker={picker} canEdit={canEdit} onAdd={onAdd} onRemove={onRemove} />);
  return { onAdd, onRemove };
}

describe('OwnerEditor', () => {
  it('lists the owners without edit controls for a person who may not edit', () => {
    renderOwners(null, false);
    expect(screen.getByText('Roald Amundsen')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /owner/ })).toBeNull();
  });

  it('removes an owner named by user id', async () => {
    const { onRemove } = renderOwners(null);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Remove owner roald.amundsen@example.org' }));
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
    await user.keyboard('{Escape}');
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
});
