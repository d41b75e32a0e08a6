import { describe, expect, it } from 'vitest';
import { normalizeSource, programmaticTextKind } from './programmatic-text-kind';

describe('programmaticTextKind', () => {
  it('shows the database importer\'s view definition and other sources that name code as code, however spelled', () => {
    for (const source of ['view definition', 'view_definition', 'View-Definition', 'sql', 'model_sql', 'compiled sql', 'table ddl', 'source query', 'materialized view definition']) {
      expect(programmaticTextKind(source), source).toBe('code');
    }
  });

  it('shows the foreign keys as plain text with their lines', () => {
    expect(programmaticTextKind('foreign keys')).toBe('plain');
    expect(programmaticTextKind('foreign_keys')).toBe('plain');
  });

  it("keeps Amundsen's own sources, dbt's and any other as Markdown, also one that only mentions sql inside its name", () => {
    for (const source of ['quality_service', 's3_crawler', 'dbt', 'description', 'sql_quality_report', 'definitions of done notes']) {
      expect(programmaticTextKind(source), source).toBe('markdown');
    }
  });

  it('names a source as a person reads it', () => {
    expect(normalizeSource(' Quality_Service ')).toBe('quality service');
  });
});
