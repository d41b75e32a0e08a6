import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { toClientConfig, UiConfigFileSchema } from '../../contract/ui-config';
import { normalizeUser } from '../../contract/user';
import { requireIndexed, resolveVisibleUser } from './index-switches';

const config = (indexUsers: boolean, indexDashboards: boolean) =>
  toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'IdP', indexUsers, indexDashboards, logoUrl: null });
const liv = normalizeUser({ user_id: 'liv.arnesen@example.org', email: 'liv.arnesen@example.org' })!;

describe('index switches', () => {
  it('serves the signed-in user always, other people only while people are indexed', () => {
    expect(resolveVisibleUser(config(false, true), liv, undefined)).toBe('liv.arnesen@example.org');
    expect(resolveVisibleUser(config(false, true), liv, 'liv.arnesen@example.org')).toBe('liv.arnesen@example.org');
    expect(resolveVisibleUser(config(true, true), liv, 'roald.amundsen@example.org')).toBe('roald.amundsen@example.org');
    expect(() => resolveVisibleUser(config(false, true), liv, 'roald.amundsen@example.org')).toThrow(
      expect.objectContaining({ status: 404, code: 'users_not_indexed' }),
    );
  });

  it('answers 404 for switched-off dashboards and for features, never for tables', () => {
    expect(() => requireIndexed(config(true, false), 'dashboard')).toThrow(expect.objectContaining({ status: 404, code: 'dashboards_not_indexed' }));
    expect(() => requireIndexed(config(true, true), 'feature')).toThrow(expect.objectContaining({ status: 404, code: 'features_not_indexed' }));
    expect(() => requireIndexed(config(false, false), 'table')).not.toThrow();
    expect(() => requireIndexed(config(true, true), 'user')).not.toThrow();
  });
});
