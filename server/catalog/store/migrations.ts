// The catalog schema as an ordered list of migrations. `schema_version` records which ones ran;
// open-catalog-database.ts applies the missing ones in one transaction each. Append new migrations,
// never edit an applied one.
//
// Design: one row per entity, join tables for many-to-many links, integer ids for joins and the
// Amundsen string keys (table key, user email, tag name) as unique natural keys. Derived data lives in
// two places the store keeps in step: `tables.popularity` (from table_readers) and the search index
// (`table_search` + the FTS5 table `table_search_fts`, see search-index.ts).

import { FOLDABLE_ANY_CASE_GLOB_CLASS, FOLDABLE_GLOB_CLASS } from '../search/fold-diacritics';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'amundsen model: tables, columns, users, tags, badges, usage, lineage, dashboards, search index',
    sql: `
      CREATE TABLE catalog_settings (name TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;

      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        user_id TEXT NOT NULL UNIQUE,          -- Amundsen user key: the email
        email TEXT,
        first_name TEXT,
        last_name TEXT,
        full_name TEXT,
        display_name TEXT,
        is_active INTEGER NOT NULL DEFAULT 1,
        github_username TEXT,
        team_name TEXT,
        slack_id TEXT,
        employee_type TEXT,
        manager_user_id TEXT,                   -- user_id of the manager (may not exist yet)
        role_name TEXT,
        profile_url TEXT,
        other_key_values TEXT NOT NULL DEFAULT '{}'  -- JSON object string -> string
      );

      CREATE TABLE schemas (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,               -- {database}://{cluster}.{schema}
        database TEXT NOT NULL,
        cluster TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT
      );

      CREATE TABLE tables (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,               -- {database}://{cluster}.{schema}/{name}
        schema_id INTEGER NOT NULL REFERENCES schemas(id),
        name TEXT NOT NULL,
        description TEXT,
        description_source TEXT,
        is_view INTEGER NOT NULL DEFAULT 0,
        last_updated_timestamp INTEGER,         -- epoch seconds
        source_type TEXT,
        source_url TEXT,
        total_reads INTEGER NOT NULL DEFAULT 0, -- derived from table_readers
        reader_count INTEGER NOT NULL DEFAULT 0,
        popularity REAL NOT NULL DEFAULT 0      -- reader_count * ln(1 + total_reads)
      );
      CREATE INDEX tables_by_popularity ON tables(popularity DESC, key);
      CREATE INDEX tables_by_schema ON tables(schema_id);

      CREATE TABLE columns (
        id INTEGER PRIMARY KEY,
        table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        description TEXT,
        col_type TEXT NOT NULL,
        sort_order INTEGER NOT NULL,
        UNIQUE (table_id, name)
      );

      CREATE TABLE column_stats (
        column_id INTEGER NOT NULL REFERENCES columns(id) ON DELETE CASCADE,
        stat_type TEXT NOT NULL,
        stat_val TEXT,
        start_epoch INTEGER,
        end_epoch INTEGER,
        is_metric INTEGER,
        PRIMARY KEY (column_id, stat_type)
      ) WITHOUT ROWID;

      -- Complex column types (struct/array/map); top-level rows have parent_id NULL.
      CREATE TABLE type_metadata (
        id INTEGER PRIMARY KEY,
        column_id INTEGER NOT NULL REFERENCES columns(id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES type_metadata(id) ON DELETE CASCADE,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT,
        data_type TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      );
      CREATE INDEX type_metadata_by_column ON type_metadata(column_id);

      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        tag_type TEXT NOT NULL DEFAULT 'default'
      );
      CREATE TABLE badges (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        category TEXT NOT NULL,
        UNIQUE (name, category)
      );

      CREATE TABLE table_tags (
        table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id),
        PRIMARY KEY (table_id, tag_id)
      ) WITHOUT ROWID;
      CREATE INDEX table_tags_by_tag ON table_tags(tag_id);

      CREATE TABLE table_badges (
        table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
        badge_id INTEGER NOT NULL REFERENCES badges(id),
        PRIMARY KEY (table_id, badge_id)
      ) WITHOUT ROWID;
      CREATE TABLE column_badges (
        column_id INTEGER NOT NULL REFERENCES columns(id) ON DELETE CASCADE,
        badge_id INTEGER NOT NULL REFERENCES badges(id),
        PRIMARY KEY (column_id, badge_id)
      ) WITHOUT ROWID;
      CREATE TABLE type_metadata_badges (
        type_metadata_id INTEGER NOT NULL REFERENCES type_metadata(id) ON DELETE CASCADE,
        badge_id INTEGER NOT NULL REFERENCES badges(id),
        PRIMARY KEY (type_metadata_id, badge_id)
      ) WITHOUT ROWID;

      CREATE TABLE table_owners (
        table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (table_id, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX table_owners_by_user ON table_owners(user_id);

      -- Usage: one row per (table, reader), as databuilder's TableColumnUsage aggregates it.
      CREATE TABLE table_readers (
        table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        read_count INTEGER NOT NULL,
        PRIMARY KEY (table_id, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX table_readers_by_user ON table_readers(user_id, read_count DESC);

      CREATE TABLE watermarks (
        table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
        watermark_type TEXT NOT NULL,           -- high_watermark | low_watermark
        partition_key TEXT,
        partition_value TEXT,
        create_time TEXT,
        PRIMARY KEY (table_id, watermark_type)
      ) WITHOUT ROWID;

      CREATE TABLE programmatic_descriptions (
        table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (table_id, source)
      ) WITHOUT ROWID;

      CREATE TABLE applications (
        id INTEGER PRIMARY KEY,
        app_key TEXT NOT NULL UNIQUE,           -- Amundsen Application.id, e.g. dag/task id
        name TEXT,
        description TEXT,
        application_url TEXT
      );
      CREATE TABLE table_applications (
        table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
        application_id INTEGER NOT NULL REFERENCES applications(id),
        kind TEXT NOT NULL,                     -- Producing | Consuming
        PRIMARY KEY (table_id, application_id)
      ) WITHOUT ROWID;

      CREATE TABLE resource_reports (
        table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        url TEXT NOT NULL,
        PRIMARY KEY (table_id, name)
      ) WITHOUT ROWID;

      -- Lineage is keyed by strings: either end may be outside the catalog (in_amundsen = false).
      CREATE TABLE table_lineage (
        upstream_key TEXT NOT NULL,
        downstream_key TEXT NOT NULL,
        PRIMARY KEY (upstream_key, downstream_key)
      ) WITHOUT ROWID;
      CREATE INDEX table_lineage_by_downstream ON table_lineage(downstream_key, upstream_key);
      CREATE TABLE column_lineage (
        upstream_key TEXT NOT NULL,
        downstream_key TEXT NOT NULL,
        PRIMARY KEY (upstream_key, downstream_key)
      ) WITHOUT ROWID;
      CREATE INDEX column_lineage_by_downstream ON column_lineage(downstream_key, upstream_key);

      -- Dashboards (phase 2 endpoints; schema here so the model is complete from the start).
      CREATE TABLE dashboard_groups (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,               -- {product}_dashboard://{cluster}.{group_id}
        product TEXT NOT NULL,
        cluster TEXT NOT NULL,
        name TEXT,
        url TEXT,
        description TEXT
      );
      CREATE TABLE dashboards (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,               -- {product}_dashboard://{cluster}.{group_id}/{id}
        group_id INTEGER NOT NULL REFERENCES dashboard_groups(id),
        name TEXT NOT NULL,
        url TEXT,
        description TEXT,
        created_timestamp INTEGER,
        updated_timestamp INTEGER,
        last_successful_run_timestamp INTEGER,
        last_run_timestamp INTEGER,
        last_run_state TEXT,
        total_views INTEGER NOT NULL DEFAULT 0,
        popularity REAL NOT NULL DEFAULT 0
      );
      CREATE INDEX dashboards_by_popularity ON dashboards(popularity DESC, key);
      CREATE TABLE dashboard_tables (
        dashboard_id INTEGER NOT NULL REFERENCES dashboards(id) ON DELETE CASCADE,
        table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
        PRIMARY KEY (dashboard_id, table_id)
      ) WITHOUT ROWID;
      CREATE INDEX dashboard_tables_by_table ON dashboard_tables(table_id);
      CREATE TABLE dashboard_owners (
        dashboard_id INTEGER NOT NULL REFERENCES dashboards(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (dashboard_id, user_id)
      ) WITHOUT ROWID;
      CREATE TABLE dashboard_tags (
        dashboard_id INTEGER NOT NULL REFERENCES dashboards(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id),
        PRIMARY KEY (dashboard_id, tag_id)
      ) WITHOUT ROWID;
      CREATE TABLE dashboard_badges (
        dashboard_id INTEGER NOT NULL REFERENCES dashboards(id) ON DELETE CASCADE,
        badge_id INTEGER NOT NULL REFERENCES badges(id),
        PRIMARY KEY (dashboard_id, badge_id)
      ) WITHOUT ROWID;
      CREATE TABLE dashboard_queries (
        dashboard_id INTEGER NOT NULL REFERENCES dashboards(id) ON DELETE CASCADE,
        sort_order INTEGER NOT NULL,
        name TEXT,
        url TEXT,
        query_text TEXT,
        PRIMARY KEY (dashboard_id, sort_order)
      ) WITHOUT ROWID;
      CREATE TABLE dashboard_charts (
        dashboard_id INTEGER NOT NULL REFERENCES dashboards(id) ON DELETE CASCADE,
        sort_order INTEGER NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (dashboard_id, sort_order)
      ) WITHOUT ROWID;
      CREATE TABLE dashboard_viewers (
        dashboard_id INTEGER NOT NULL REFERENCES dashboards(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        view_count INTEGER NOT NULL,
        PRIMARY KEY (dashboard_id, user_id)
      ) WITHOUT ROWID;

      -- Bookmarks ("follow"); resource_key may point at a table, dashboard or feature.
      CREATE TABLE bookmarks (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        resource_type TEXT NOT NULL,
        resource_key TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, resource_type, resource_key)
      ) WITHOUT ROWID;

      -- Search index for tables, kept in step by search-index.ts. doc_id encodes the rank:
      -- (inverted quantised popularity << 32) | table_id, so FTS5 walks matches most popular first
      -- and ORDER BY doc_id LIMIT k stops after k rows instead of ranking every match.
      CREATE TABLE table_search (
        doc_id INTEGER PRIMARY KEY,
        table_id INTEGER NOT NULL UNIQUE REFERENCES tables(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        database TEXT NOT NULL,
        cluster TEXT NOT NULL,
        schema_name TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT,
        column_names TEXT NOT NULL,             -- JSON array of strings
        tag_names TEXT NOT NULL,                -- JSON array of strings
        badge_names TEXT NOT NULL,              -- JSON array of strings
        popularity REAL NOT NULL,
        name_lc TEXT NOT NULL,
        key_lc TEXT NOT NULL,
        database_lc TEXT NOT NULL,
        cluster_lc TEXT NOT NULL,
        schema_lc TEXT NOT NULL
      );
      CREATE INDEX table_search_by_name ON table_search(name_lc, doc_id);

      -- Multi-valued filter fields (tag, badges, column), lower-cased, for GLOB filters.
      CREATE TABLE table_search_values (
        table_id INTEGER NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (table_id, field, value)
      ) WITHOUT ROWID;
      CREATE INDEX table_search_values_by_value ON table_search_values(field, value, table_id);

      CREATE VIRTUAL TABLE table_search_fts USING fts5(
        name, schema_name, description, column_names, tag_names, badge_names,
        content = 'table_search', content_rowid = 'doc_id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER table_search_after_insert AFTER INSERT ON table_search BEGIN
        INSERT INTO table_search_fts(rowid, name, schema_name, description, column_names, tag_names, badge_names)
        VALUES (new.doc_id, new.name, new.schema_name, new.description, new.column_names, new.tag_names, new.badge_names);
      END;
      CREATE TRIGGER table_search_after_delete AFTER DELETE ON table_search BEGIN
        INSERT INTO table_search_fts(table_search_fts, rowid, name, schema_name, description, column_names, tag_names, badge_names)
        VALUES ('delete', old.doc_id, old.name, old.schema_name, old.description, old.column_names, old.tag_names, old.badge_names);
      END;
    `,
  },
  {
    // Metadata writes (issue 3): the edit log, and indexes for the user pages (owned dashboards,
    // viewed dashboards, who bookmarked a resource).
    version: 2,
    name: 'edit log; indexes for user-owned dashboards, dashboard viewers and bookmarks by resource',
    sql: `
      -- One row per metadata write that changed something: who, when, what, and the value before and
      -- after (JSON). Read newest first through GET /edits (edit-log.ts).
      CREATE TABLE edit_log (
        id INTEGER PRIMARY KEY,
        resource_key TEXT NOT NULL,             -- table/column/type-metadata/dashboard key or user id
        resource_type TEXT NOT NULL,            -- table | column | type_metadata | dashboard | user
        action TEXT NOT NULL,                   -- update | add | remove | create
        field TEXT NOT NULL,                    -- description | tag | badge | owner | follow | user
        before TEXT,                            -- JSON, NULL when there was nothing
        after TEXT,                             -- JSON, NULL when nothing is left
        user_id TEXT NOT NULL,                  -- the caller: token email, else subject
        edited_at TEXT NOT NULL                 -- ISO-8601 UTC
      );
      CREATE INDEX edit_log_by_resource ON edit_log(resource_key, id);

      CREATE INDEX dashboard_owners_by_user ON dashboard_owners(user_id);
      CREATE INDEX dashboard_viewers_by_user ON dashboard_viewers(user_id);
      CREATE INDEX bookmarks_by_resource ON bookmarks(resource_type, resource_key);
    `,
  },
  {
    // Search at scale (issue 3, search half): the table index is rebuilt around two contentless FTS5
    // tables fed with documents built in JS (see store/search-index.ts and search/search-terms.ts),
    // and dashboards and users get search documents of their own.
    version: 3,
    name: 'search index v2: name + text/facet FTS for tables; dashboard and user search documents',
    sql: `
      DROP TRIGGER IF EXISTS table_search_after_insert;
      DROP TRIGGER IF EXISTS table_search_after_delete;
      DROP TABLE IF EXISTS table_search_fts;
      DROP TABLE IF EXISTS table_search_values;
      DROP TABLE IF EXISTS table_search;

      -- One document per table: what a hit shows and what filters and highlights read.
      -- doc_id = (inverted log-quantised popularity << 32) | table_id (search-terms.ts buildDocId):
      -- rowid order is popularity order, in this table and in both FTS tables.
      CREATE TABLE table_search (
        doc_id INTEGER PRIMARY KEY,
        table_id INTEGER NOT NULL UNIQUE REFERENCES tables(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        database TEXT NOT NULL,
        cluster TEXT NOT NULL,
        schema_name TEXT NOT NULL,
        name TEXT NOT NULL,
        name_norm TEXT NOT NULL,                -- name tokens joined by spaces: the "exact name" form
        description TEXT,
        column_names TEXT NOT NULL,             -- JSON array of strings
        tag_names TEXT NOT NULL,                -- JSON array of strings
        badge_names TEXT NOT NULL,              -- JSON array of strings
        popularity REAL NOT NULL
      );
      CREATE INDEX table_search_by_name ON table_search(name_norm, doc_id);
      -- Name tokens only (positions kept for "name starts with"); small, so prefix indexes are cheap.
      CREATE VIRTUAL TABLE table_name_fts USING fts5(
        name, content = '', contentless_delete = 1, prefix = '1 2 3',
        tokenize = 'unicode61 remove_diacritics 2');
      -- text: the distinct tokens of name, schema, description, tags, badges, column names and column
      -- descriptions; facets: one token per filterable (field, value) (search-terms.ts facetToken).
      -- Prefix indexes for 1–3 characters keep short search-as-you-type prefixes lazy (no merge of
      -- every matching term's doclist); longer prefixes are expanded with search_vocabulary.
      CREATE VIRTUAL TABLE table_text_fts USING fts5(
        text, facets, content = '', contentless_delete = 1, detail = column, prefix = '1 2 3',
        tokenize = 'unicode61 remove_diacritics 2');
      -- Every word ever put in table_text_fts's text column (never pruned: a stale word matches
      -- nothing). A typed prefix of 4+ characters becomes an OR of the words it starts, which FTS5
      -- walks lazily in rowid order instead of materialising one merged doclist.
      CREATE TABLE search_vocabulary (term TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TRIGGER table_search_after_delete AFTER DELETE ON table_search BEGIN
        DELETE FROM table_name_fts WHERE rowid = old.doc_id;
        DELETE FROM table_text_fts WHERE rowid = old.doc_id;
      END;

      CREATE TABLE dashboard_search (
        doc_id INTEGER PRIMARY KEY,
        dashboard_id INTEGER NOT NULL UNIQUE REFERENCES dashboards(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        name_norm TEXT NOT NULL,
        description TEXT,
        product TEXT,
        cluster TEXT,
        group_name TEXT,
        group_url TEXT,
        url TEXT,
        last_successful_run_timestamp INTEGER,
        chart_names TEXT NOT NULL,              -- JSON array of strings
        query_names TEXT NOT NULL,              -- JSON array of strings
        tag_names TEXT NOT NULL,                -- JSON array of strings
        badge_names TEXT NOT NULL,              -- JSON array of strings
        popularity REAL NOT NULL
      );
      CREATE INDEX dashboard_search_by_name ON dashboard_search(name_norm, doc_id);
      CREATE VIRTUAL TABLE dashboard_search_fts USING fts5(
        name, text, content = '', contentless_delete = 1, prefix = '1 2 3',
        tokenize = 'unicode61 remove_diacritics 2');
      CREATE TRIGGER dashboard_search_after_delete AFTER DELETE ON dashboard_search BEGIN
        DELETE FROM dashboard_search_fts WHERE rowid = old.doc_id;
      END;

      CREATE TABLE user_search (
        doc_id INTEGER PRIMARY KEY,
        user_row_id INTEGER NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        email TEXT,
        first_name TEXT,
        last_name TEXT,
        full_name TEXT,
        name_norm TEXT NOT NULL,
        popularity REAL NOT NULL                -- ln(1 + reads of tables by this user)
      );
      CREATE INDEX user_search_by_name ON user_search(name_norm, doc_id);
      CREATE VIRTUAL TABLE user_search_fts USING fts5(
        name, text, content = '', contentless_delete = 1, prefix = '1 2 3',
        tokenize = 'unicode61 remove_diacritics 2');
      CREATE TRIGGER user_search_after_delete AFTER DELETE ON user_search BEGIN
        DELETE FROM user_search_fts WHERE rowid = old.doc_id;
      END;

      -- Existing catalogs: the search app rebuilds every document on its next start.
      INSERT OR REPLACE INTO catalog_settings (name, value)
        SELECT 'search_index_stale', '1' WHERE EXISTS (SELECT 1 FROM tables) OR EXISTS (SELECT 1 FROM users);
    `,
  },
  {
    // Load speed (issue 3): the table text index was the largest cost of a load — every token also
    // fed three prefix indexes and a second (facets) column. It becomes one column, no positions
    // (detail = none), prefix indexes for 1–2 characters only; a typed prefix of 3+ characters is
    // expanded to the most common words it starts (search_vocabulary.docs).
    // See docs/decisions/005-lighter-text-index.md.
    version: 4,
    name: 'table text index: one column, no positions, prefix indexes 1-2; vocabulary with document counts',
    sql: `
      DROP TABLE IF EXISTS table_text_fts;
      -- The distinct words of name, schema, description, tags, badges, column names and column
      -- descriptions, then one facet token per filterable (field, value) (search-terms.ts facetToken).
      CREATE VIRTUAL TABLE table_text_fts USING fts5(
        text, content = '', contentless_delete = 1, detail = none, prefix = '1 2',
        tokenize = 'unicode61 remove_diacritics 2');
      DROP TABLE IF EXISTS search_vocabulary;
      -- Every word put in table_text_fts, with the number of documents it was written to (counted
      -- up on every write, recounted exactly by a full rebuild): a typed prefix of 3+ characters
      -- becomes an OR of the most common words it starts.
      CREATE TABLE search_vocabulary (term TEXT PRIMARY KEY, docs INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;

      -- Existing catalogs: the search app rebuilds every document on its next start.
      INSERT OR REPLACE INTO catalog_settings (name, value)
        SELECT 'search_index_stale', '1' WHERE EXISTS (SELECT 1 FROM tables) OR EXISTS (SELECT 1 FROM users);
    `,
  },
  {
    // PUT /user and the ingest `user` record carry the manager's name and email (Amundsen's User
    // fields manager_fullname, manager_email). Until now only the manager's user id was kept and both
    // were read from the manager's own row, so a manager the catalog does not know came back nameless.
    // Existing rows get NULL: what they answered before (see USER_COLUMNS in read-tables.ts).
    version: 5,
    name: 'users: the manager name and email a profile gave',
    sql: `
      ALTER TABLE users ADD COLUMN manager_fullname TEXT;
      ALTER TABLE users ADD COLUMN manager_email TEXT;
    `,
  },
  {
    // Filtered searches (issue 3): the name tiers checked a filter per name match, reading each
    // match's document row (~3 µs each); a filter that rejects most of 150 000 name matches took
    // half a second at 1 M tables, so they looked at 5 000 candidates at most and ranked later name
    // matches below description matches. The name index gets a second column with the facet tokens
    // of database, cluster, schema, tags and badges (not columns: ~20 per table), so FTS5 intersects
    // name matches with those filters itself, lazily in doc_id order.
    version: 6,
    name: 'table name index: facet tokens of database, cluster, schema, tags and badges',
    sql: `
      DROP TABLE IF EXISTS table_name_fts;
      CREATE VIRTUAL TABLE table_name_fts USING fts5(
        name, facets, content = '', contentless_delete = 1, prefix = '1 2 3',
        tokenize = 'unicode61 remove_diacritics 2');

      -- Existing catalogs: the search app rebuilds every document on its next start.
      INSERT OR REPLACE INTO catalog_settings (name, value)
        SELECT 'search_index_stale', '1' WHERE EXISTS (SELECT 1 FROM tables) OR EXISTS (SELECT 1 FROM users);
    `,
  },
  {
    // Edit history (issue 12): a table's history lists the edits of its columns and nested types too,
    // and a person's profile lists their edits. `parent_key` is the table (or dashboard) an edit
    // belongs to; existing rows get it from their key (a column key is `{table_key}/{column}`) or,
    // for nested types, from the type's column.
    version: 7,
    name: 'edit log: the table or dashboard each edit belongs to; indexes by it and by editor',
    sql: `
      ALTER TABLE edit_log ADD COLUMN parent_key TEXT;
      UPDATE edit_log SET parent_key = CASE resource_type
        WHEN 'table' THEN resource_key
        WHEN 'dashboard' THEN resource_key
        WHEN 'column' THEN substr(resource_key, 1, length(rtrim(resource_key, replace(resource_key, '/', ''))) - 1)
        WHEN 'type_metadata' THEN (SELECT t.key FROM type_metadata tm JOIN columns c ON c.id = tm.column_id
          JOIN tables t ON t.id = c.table_id WHERE tm.key = edit_log.resource_key)
        ELSE NULL END;
      CREATE INDEX edit_log_by_parent ON edit_log(parent_key, id);
      CREATE INDEX edit_log_by_user ON edit_log(user_id, id);
    `,
  },
  {
    // Edit counts (the profile's Edits tab, GET /edits?with_total=true): a history is one person's or
    // one table's edits of some resource types, so counting it read every matching row for its type.
    // With resource_type in the index after id, the count reads only the index and the newest-first
    // page keeps its order: 200 000 of one person's edits in a log of 1 000 000 counted in 15 ms
    // instead of 84 ms (docs/benchmarks.md), with no index added to each write.
    version: 8,
    name: 'edit log: resource_type in the indexes by parent and by editor, for counts',
    sql: `
      DROP INDEX edit_log_by_parent;
      DROP INDEX edit_log_by_user;
      CREATE INDEX edit_log_by_parent ON edit_log(parent_key, id, resource_type);
      CREATE INDEX edit_log_by_user ON edit_log(user_id, id, resource_type);
    `,
  },
  {
    // Nested fields in search (decision 058): a table's document holds the names and descriptions of
    // its columns' nested fields (type_metadata below a column's top node). No table changes; a
    // catalog that has nested fields gets its documents rebuilt by the search app on its next start,
    // as after migrations 3, 4 and 6 (one without any keeps its index: nothing in it would change).
    version: 9,
    name: 'search documents: the names and descriptions of nested fields',
    sql: `
      INSERT OR REPLACE INTO catalog_settings (name, value)
        SELECT 'search_index_stale', '1' WHERE EXISTS (SELECT 1 FROM type_metadata WHERE parent_id IS NOT NULL);
    `,
  },
  {
    // Key warnings (decision 066): a table key that differs only in case from one the catalog has is
    // warned of, whichever spelling came first — a lower-case key (what importers and databuilder
    // write) against a catalog's mixed-case one too. This index finds that one by its lower-case
    // spelling (SQLite's lower(): ASCII letters). Partial: only keys not in lower case, so a catalog
    // of lower-case keys holds nothing in it and a write of one costs one comparison.
    version: 10,
    name: 'tables: an index of the keys not in lower case, by their lower-case spelling',
    sql: `
      CREATE INDEX tables_by_other_case ON tables(lower(key)) WHERE key <> lower(key);
    `,
  },
  {
    // The `column` search filter matches nested fields' paths too (decision 067): each table document
    // keeps them (a JSON array, NULL without any) for the filter's SQL check, and its text index row a
    // facet token for each. A catalog with nested fields gets its documents rebuilt by the search app on
    // its next start, as after migration 9.
    version: 11,
    name: 'search documents: nested field paths as column filter values',
    sql: `
      ALTER TABLE table_search ADD COLUMN nested_paths TEXT;
      INSERT OR REPLACE INTO catalog_settings (name, value)
        SELECT 'search_index_stale', '1' WHERE EXISTS (SELECT 1 FROM type_metadata WHERE parent_id IS NOT NULL);
    `,
  },
  {
    // Accents (decision 071): the words the search keeps in JS — search_vocabulary, name_norm — lose
    // their diacritics as FTS5 removes them from the words it indexes (search/fold-diacritics.ts). The
    // FTS tables do not change. Only a word holding a letter that folds can change (é, not ø), so a
    // catalog whose vocabulary and names have none keeps its index; one that has some is rebuilt by
    // the search app on its next start, as after migration 9. (The demo catalog's only non-ASCII
    // word is a user's "børge", which stays as it is.)
    version: 12,
    name: 'search words: diacritics removed as the full-text index removes them',
    sql: `
      INSERT OR REPLACE INTO catalog_settings (name, value)
        SELECT 'search_index_stale', '1' WHERE EXISTS (SELECT 1 FROM search_vocabulary WHERE term GLOB '*${FOLDABLE_GLOB_CLASS}*')
          OR EXISTS (SELECT 1 FROM dashboard_search WHERE name_norm GLOB '*${FOLDABLE_GLOB_CLASS}*')
          OR EXISTS (SELECT 1 FROM user_search WHERE name_norm GLOB '*${FOLDABLE_GLOB_CLASS}*');
    `,
  },
  {
    // Accents in filters (decision 076): a facet token (search/search-terms.ts facetToken) stands for
    // its value without diacritics, as words do, so `schema:cafe` finds the schema `café`. Only a
    // value holding a letter that folds (é or É, not ø) gets another token: a catalog that has one
    // among its databases, clusters, schemas, tags, badges, columns or nested fields is re-indexed by
    // the search app on its next start, as after migration 12; others keep their index.
    version: 13,
    name: 'filter values: diacritics removed as from words',
    sql: `
      INSERT OR REPLACE INTO catalog_settings (name, value)
        SELECT 'search_index_stale', '1' WHERE EXISTS (SELECT 1 FROM schemas WHERE database || ' ' || cluster || ' ' || name GLOB '*${FOLDABLE_ANY_CASE_GLOB_CLASS}*')
          OR EXISTS (SELECT 1 FROM tags WHERE name GLOB '*${FOLDABLE_ANY_CASE_GLOB_CLASS}*')
          OR EXISTS (SELECT 1 FROM badges WHERE name GLOB '*${FOLDABLE_ANY_CASE_GLOB_CLASS}*')
          OR EXISTS (SELECT 1 FROM columns WHERE name GLOB '*${FOLDABLE_ANY_CASE_GLOB_CLASS}*')
          OR EXISTS (SELECT 1 FROM type_metadata WHERE name GLOB '*${FOLDABLE_ANY_CASE_GLOB_CLASS}*');
    `,
  },
  {
    version: 14,
    name: 'no search documents for users known by nothing but an id',
    sql: `
      -- Existing catalogs: the search app rebuilds every document on its next start, leaving out
      -- bare users (search-index.ts, BARE_USER) such as owners added by a mistyped id.
      INSERT OR REPLACE INTO catalog_settings (name, value)
        SELECT 'search_index_stale', '1' WHERE EXISTS (
          SELECT 1 FROM user_search s JOIN users u ON u.id = s.user_row_id
          WHERE coalesce(u.first_name, u.last_name, u.full_name, u.display_name) IS NULL
            AND (u.email IS NULL OR u.email = u.user_id) AND instr(u.user_id, '@') = 0);
    `,
  },
  {
    // Bookmarks list newest first (decision 089), so when each was made orders them: milliseconds from
    // now on (edit-users.ts), and the seconds written before in the same unit.
    version: 15,
    name: 'bookmark times in milliseconds',
    sql: `UPDATE bookmarks SET created_at = created_at * 1000;`,
  },
];
