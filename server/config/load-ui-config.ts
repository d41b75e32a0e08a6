// The runtime UI config: the UI_CONFIG_FILE JSON file, read and validated once at start-up together
// with what it points at (the announcements folder, the logo), and resolved into what the SPA reads
// from GET /api/config. Every problem is reported at once, naming the file and the option.
import path from 'node:path';
import * as v from 'valibot';
import type { Announcement } from '../../contract/api-common';
import { toClientConfig, UiConfigFileSchema, type ClientConfig } from '../../contract/ui-config';
import { loadAnnouncements } from './load-announcements';
import { ConfigError } from './load-config';
import { loadLogo, type BrandingLogo } from './load-logo';
import { readJsonFile } from './read-json-file';
import { describeUiConfigIssues } from './ui-config-issues';

export interface UiConfig {
  readonly clientConfig: ClientConfig;
  /** The posts, newest first; null when announcements are off. */
  readonly announcements: readonly Announcement[] | null;
  readonly logo: BrandingLogo | null;
}

export interface UiConfigContext {
  readonly providerName: string;
  /** INDEX_USERS when it is set: it wins over the file's indexUsers.enabled. */
  readonly indexUsers: boolean | undefined;
  /** indexDashboards.enabled defaults to true with the embedded catalog (it indexes dashboards), else false. */
  readonly embeddedCatalog: boolean;
}

/** `file` is absolute, or undefined for every option at its default. Throws ConfigError. */
export function loadUiConfig(file: string | undefined, context: UiConfigContext): UiConfig {
  const fail = (problems: string[]): never => {
    throw new ConfigError(problems.map((problem) => `UI_CONFIG_FILE (${file}): ${problem}`));
  };
  const json =
    file === undefined
      ? {}
      : readJsonFile(
          file,
          {
            setting: 'UI_CONFIG_FILE',
            whenMissing: 'create it (docs/ui-config.sample.json holds every option with its default) or unset UI_CONFIG_FILE',
            whenEmpty: 'write {} to keep every option at its default',
          },
          fail,
        );
  const parsed = v.safeParse(UiConfigFileSchema, json);
  if (!parsed.success) return fail(describeUiConfigIssues(UiConfigFileSchema, parsed.issues));
  const options = parsed.output;
  const folder = file === undefined ? process.cwd() : path.dirname(file);

  const problems: string[] = [];
  let logo: BrandingLogo | null = null;
  if (options.logoPath !== null) {
    const result = loadLogo(path.resolve(folder, options.logoPath));
    if (result.logo) logo = result.logo;
    else problems.push(result.problem);
  }
  let announcements: Announcement[] | null = null;
  if (options.announcements.enabled) {
    const result = loadAnnouncements(path.resolve(folder, options.announcements.directory));
    if (result.posts) announcements = result.posts;
    else problems.push(...result.problems);
  }
  if (problems.length > 0) fail(problems);

  const clientConfig = toClientConfig(options, {
    providerName: context.providerName,
    indexUsers: context.indexUsers ?? options.indexUsers.enabled,
    indexDashboards: options.indexDashboards?.enabled ?? context.embeddedCatalog,
    logoUrl: logo?.url ?? null,
  });
  return Object.freeze({ clientConfig, announcements, logo });
}

