// The people of the embedded default: they log in at the development IdP and own, read and
// bookmark tables in the demo catalog. Log-in names are shown on the IdP's login page.

export interface DemoPerson {
  /** What to type on the development IdP's login page; also the OIDC `sub`. */
  login: string;
  given_name: string;
  family_name: string;
  email: string;
  team_name: string;
  role_name: string;
  /**
   * Sent as the `groups` claim, so that edit rules can be tried with them: with docs/edit-rules.sample.json
   * roald is an admin, fridtjof an owner-editor, liv an editor, and borge a viewer who edits only the
   * finance schema in snowflake (and, as everyone, the tables he owns).
   */
  groups: readonly string[];
}

export const DEMO_PEOPLE: readonly DemoPerson[] = Object.freeze([
  { login: 'roald', given_name: 'Roald', family_name: 'Amundsen', email: 'roald.amundsen@example.org', team_name: 'Polar Data Platform', role_name: 'Data Engineer', groups: ['polar-data-platform', 'nansen-admins'] },
  { login: 'fridtjof', given_name: 'Fridtjof', family_name: 'Nansen', email: 'fridtjof.nansen@example.org', team_name: 'Analytics', role_name: 'Analytics Lead', groups: ['analytics', 'data-stewards'] },
  { login: 'liv', given_name: 'Liv', family_name: 'Arnesen', email: 'liv.arnesen@example.org', team_name: 'Growth', role_name: 'Data Scientist', groups: ['growth', 'data-editors'] },
  { login: 'borge', given_name: 'Børge', family_name: 'Ousland', email: 'borge.ousland@example.org', team_name: 'Finance Data', role_name: 'Analyst', groups: ['finance-data'] },
]);
