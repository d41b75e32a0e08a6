import { describe, expect, it } from 'vitest';
import { personDetails, tableDisplayName, tableLocation } from './resource-labels';

describe('resource labels', () => {
  it('names a table schema.table and places it by its database display name and cluster', () => {
    expect(tableDisplayName({ schema: 'core', name: 'customers' })).toBe('core.customers');
    expect(tableLocation({ database: 'hive', cluster: 'gold' }, { hive: { displayName: 'Hive' } })).toBe('Hive · gold');
    expect(tableLocation({ database: 'duckdb', cluster: 'local' }, {})).toBe('duckdb · local');
  });

  it('says a person\'s role and team, then their email, never their email twice', () => {
    const liv = { user_id: 'liv@example.org', display_name: 'Liv Arnesen', email: 'liv@example.org' };
    expect(personDetails({ ...liv, role_name: 'Data engineer', team_name: 'Platform' })).toEqual(['Data engineer', 'Platform', 'liv@example.org']);
    expect(personDetails({ ...liv, role_name: null, team_name: 'Platform' })).toEqual(['Platform', 'liv@example.org']);
    expect(personDetails({ ...liv, role_name: ' ', team_name: undefined })).toEqual(['liv@example.org']);
    // Known only by their email: it is their name already.
    expect(personDetails({ user_id: 'x@example.org', display_name: 'x@example.org', email: 'x@example.org', role_name: 'Analyst' })).toEqual(['Analyst']);
    expect(personDetails({ user_id: 'x@example.org', display_name: 'x@example.org', email: 'x@example.org' })).toEqual([]);
    // No email: the id, unless that is the name.
    expect(personDetails({ user_id: 'u42', display_name: 'Ada', email: null })).toEqual(['u42']);
    expect(personDetails({ user_id: 'u42', display_name: 'u42', email: null })).toEqual([]);
  });
});
