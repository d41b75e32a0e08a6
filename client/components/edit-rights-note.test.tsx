// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EditRightsNote } from './edit-rights-note';

afterEach(cleanup);

describe('EditRightsNote', () => {
  it('says nothing when every right that applies is granted', () => {
    render(<EditRightsNote rights={{ descriptions: false, tags: true, owners: false, reason: null }} applies={['tags']} resource="dashboard" />);
    expect(screen.queryByTestId('edit-rights-note')).toBeNull();
  });

  it('gives the reason the server gave', () => {
    render(<EditRightsNote rights={{ descriptions: true, tags: false, owners: false, reason: 'Changing tags and owners of hive tables needs the editor role' }} applies={['descriptions', 'tags', 'owners']} resource="table" />);
    expect(screen.getByTestId('edit-rights-note').textContent).toContain('Changing tags and owners of hive tables needs the editor role');
  });

  it('says so plainly when the server gave no reason', () => {
    render(<EditRightsNote rights={{ descriptions: false, tags: false, owners: false, reason: null }} applies={['descriptions', 'tags', 'owners']} resource="table" />);
    expect(screen.getByTestId('edit-rights-note').textContent).toContain('You may view this table but not edit it.');
  });
});
