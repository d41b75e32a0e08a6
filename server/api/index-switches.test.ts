import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { toClientConfig, UiConfigFileSchema } from '../../contract/ui-config';
import { normalizeUser } from '../../contract/user';
import { isIndexed, requireIndexed, resolveVisibleUser } from './index-switches';

const config = (indexUsers: boolean, indexDashboards: boolean) =>
  toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'IdP', indexUsers, indexDashboards, logoUrl: null });
const liv = normalizeUser({ user_id: 'liv.arnesen@example.org', email: 'liv.arnesen@example.org' })!;

describe('index switches', () => {
  it('serves the signed-in user always, other people only while people are indexed', () => {
    expect(resolveVisibleUser(config(false, true), liv, undefined)).toBe('liv.arnesen@example.org');
    expect(resolveVisibleUser(config(false, true), liv, 'liv.arnesen@example.org')).toBe('liv.arnesen@example.org');
    expect(resolveVisibleUser(config(true, true), liv, 'roald.amundsen@example.org')).toBe('roald.amundsen@example.org');
    expect(() => resolveVisibleUser(config(false, true), liv, 'roald.amundsen@example.org')).toThrow(
      expect.objectContaining({
        status: 404, code: 'users_not_indexed', message: 'People are not indexed in this catalog (indexUsers is off): only your own profile and lists can be read.',
      }),
    );
  });

  it('knows the signed-in user by id and by email when the two differ, and refuses another person without an email match', () => {
    const ada = normalizeUser({ user_id: 'ada', email: 'ada.lovelace@example.org' })!;
    expect(resolveVisibleUser(config(false, true), ada, 'ada')).toBe('ada');
    expect(resolveVisibleUser(config(false, true), ada, 'ada.lovelace@example.org')).toBe('ada.lovelace@example.org');
    const noEmail = normalizeUser({ user_id: 'ada' })!;
    expect(noEmail.email).toBeNull();
    expect(() => resolveVisibleUser(config(false, true), noEmail, 'ada.lovelace@example.org')).toThrow(expect.objectContaining({ code: 'users_not_indexed' }));
  });

  it('counts tables always indexed, features never, people and dashboards by their switches', () => {
    expect(isIndexed(config(false, false), 'table')).toBe(true);
    expect(isIndexed(config(true, true), 'feature')).toBe(false);
    expect([isIndexed(config(true, false), 'user'), isIndexed(config(true, false), 'dashboard')]).toEqual([true, false]);
    expect([isIndexed(config(false, true), 'user'), isIndexed(config(false, true), 'dashboard')]).toEqual([false, true]);
  });

  it('answers 404 for switched-off dashboards and for features, never for tables', () => {
    expect(() => requireIndexed(config(true, false), 'dashboard')).toThrow(
      expect.objectContaining({ status: 404, code: 'dashboards_not_indexed', message: 'Dashboards are not indexed in this catalog (indexDashboards is off).' }),
    );
    expect(() => requireIndexed(config(true, true), 'feature')).toThrow(
      expect.objectContaining({ status: 404, code: 'features_not_indexed', message: 'ML features are not indexed in this catalog.' }),
    );
    expect(() => requireIndexed(config(false, false), 'table')).not.toThrow();
    expect(() => requireIndexed(config(true, true), 'user')).not.toThrow();
  });
});
