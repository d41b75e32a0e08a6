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
  /** indexUsers.enabled and indexDashboards.enabled default to true with the embedded catalog (it indexes people and dashboards), else false. */
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
  const problems = parsed.success ? [] : describeUiConfigIssues(UiConfigFileSchema, parsed.issues);
  // The files the options point at are checked even when other options are wrong, so that every
  // problem is printed at once (docs/ui-config.md); an option that is wrong itself is not looked further at.
  const wrong = new Set(parsed.success ? [] : parsed.issues.map((issue) => String(issue.path?.[0]?.key ?? '')));
  const { logoPath, announcementsDirectory } = parsed.success
    ? { logoPath: parsed.output.logoPath, announcementsDirectory: parsed.output.announcements.enabled ? parsed.output.announcements.directory : null }
    : filesNamedIn(json, wrong);
  const folder = file === undefined ? process.cwd() : path.dirname(file);

  let logo: BrandingLogo | null = null;
  if (logoPath !== null) {
    const result = loadLogo(path.resolve(folder, logoPath));
    if (result.logo) logo = result.logo;
    else problems.push(result.problem);
  }
  let announcements: Announcement[] | null = null;
  if (announcementsDirectory !== null) {
    const result = loadAnnouncements(path.resolve(folder, announcementsDirectory));
    if (result.posts) announcements = result.posts;
    else problems.push(...result.problems);
  }
  if (problems.length > 0 || !parsed.success) return fail(problems);
  const options = parsed.output;

  const clientConfig = toClientConfig(options, {
    providerName: context.providerName,
    indexUsers: context.indexUsers ?? options.indexUsers?.enabled ?? context.embeddedCatalog,
    indexDashboards: options.indexDashboards?.enabled ?? context.embeddedCatalog,
    // Amundsen's search service refuses unknown request keys (API.md §5.1): only ours takes `sort`.
    tableSort: context.embeddedCatalog,
    logoUrl: logo?.url ?? null,
  });
  return Object.freeze({ clientConfig, announcements, logo });
}

/** logoPath and the announcements folder of a file the schema refused, where those options themselves are right. */
function filesNamedIn(json: unknown, wrong: ReadonlySet<string>): { logoPath: string | null; announcementsDirectory: string | null } {
  const options = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const logoPath = !wrong.has('logoPath') && typeof options.logoPath === 'string' ? options.logoPath.trim() : null;
  const section = options.announcements as { enabled?: unknown; directory?: unknown } | undefined;
  const announcementsDirectory =
    !wrong.has('announcements') && section?.enabled === true ? (typeof section.directory === 'string' ? section.directory.trim() : 'announcements') : null;
  return { logoPath, announcementsDirectory };
}
