import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config';
import { parseClaimMap } from './parse-claim-map';

describe('OIDC_CLAIM_MAP', () => {
  it('takes a claim or a list of claims per User field', () => {
    expect(parseClaimMap('{"team_name": "department", "manager_email": ["manager_email", " manager.email "]}')).toEqual({
      map: { team_name: ['department'], manager_email: ['manager_email', 'manager.email'] },
    });
  });

  it('names every problem: JSON syntax with its column, unknown fields, user_id, empty claims', () => {
    expect(parseClaimMap('{"team_name": "department",}')).toEqual({ problems: [expect.stringMatching(/^OIDC_CLAIM_MAP is not valid JSON \(column \d+: /)] });
    expect(parseClaimMap('["department"]')).toEqual({ problems: [expect.stringMatching(/must be a JSON object/)] });
    for (const notAnObject of ['null', '5', 'true', '"department"']) {
      expect(parseClaimMap(notAnObject), notAnObject).toEqual({
        problems: ['OIDC_CLAIM_MAP must be a JSON object of User field to claim, such as {"team_name": "department", "manager_email": "manager.email"}'],
      });
    }
    // Every claim of a list must be a name: one good one does not carry an empty or a non-string one.
    for (const claims of ['["department", ""]', '["department", 5]', '" "', '[" "]']) {
      expect(parseClaimMap(`{"team_name": ${claims}}`), claims).toEqual({
        problems: ['OIDC_CLAIM_MAP.team_name must be a claim name (or a dotted path such as address.locality), or a list of them tried in order'],
      });
    }
    expect(parseClaimMap('{"team": "department", "user_id": "sub", "slack_id": [], "role_name": 3}')).toEqual({
      problems: [
        expect.stringMatching(/has "team", which is not a User field; map any of first_name, /),
        'OIDC_CLAIM_MAP maps user_id: the user id comes from OIDC_USER_ID_CLAIM; set that instead',
        expect.stringMatching(/^OIDC_CLAIM_MAP\.slack_id must be a claim name/),
        expect.stringMatching(/^OIDC_CLAIM_MAP\.role_name must be a claim name/),
      ],
    });
  });

  it('is merged over the defaults and the preset\'s mapping, and its problems are reported with the others', () => {
    const { claims } = loadConfig({ OIDC_CLAIM_MAP: '{"team_name": "department"}' }).oidc;
    expect(claims.map).toMatchObject({ first_name: ['given_name'], email: ['email'], team_name: ['department'] });
    expect(claims.requested).toEqual(['department']);
    try {
      loadConfig({ OIDC_CLAIM_MAP: '{"x": "y"}', PORT: '1', OIDC_REDIRECT_URI: 'nope' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems).toHaveLength(2);
    }
  });

  it('groups: OIDC_GROUPS_CLAIM (the preset\'s by default, none to keep none) and OIDC_GROUPS_MAX', () => {
    expect(loadConfig({}).oidc.claims).toMatchObject({ groupsClaim: 'groups', maxGroups: 100 });
    expect(loadConfig({ OIDC_PROVIDER: 'google', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' }).oidc.claims.groupsClaim).toBeUndefined();
    expect(loadConfig({ OIDC_GROUPS_CLAIM: 'None' }).oidc.claims.groupsClaim).toBeUndefined();
    expect(loadConfig({ OIDC_GROUPS_CLAIM: 'https://acme.example/groups', OIDC_GROUPS_MAX: '20' }).oidc.claims).toMatchObject({ groupsClaim: 'https://acme.example/groups', maxGroups: 20, requested: ['https://acme.example/groups'] });
  });
});
