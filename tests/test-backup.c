/* test-backup.c
 *
 * Copyright 2026 The Touchpoint authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-backup"

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "tp-backup.h"
#include "tp-database.h"
#include "tp-sample.h"
#include "tp-schema.h"
#include "tp-test-engine.h"

/* Each test runs on the engine TP_TEST_ENGINE names: a database called
 * "x.db" is that file in the fixture's folder, or on PostgreSQL a new
 * server database made the first time the name is used. */
typedef struct
{
  char       *dir;
  GHashTable *databases;  /* name → path or URI */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tp-backup-XXXXXX", &error);
  g_assert_no_error (error);
  f->databases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }

  g_rmdir (f->dir);
  g_free (f->dir);
  g_hash_table_unref (f->databases);
}

static char *
fixture_path (Fixture    *f,
              const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* The database called @name on the engine under test */
static char *
fixture_db (Fixture    *f,
            const char *name)
{
  const char *known = g_hash_table_lookup (f->databases, name);

  if (known == NULL)
    {
      known = tp_test_engine_new_shared_database (f->dir, name);
      g_hash_table_insert (f->databases, g_strdup (name), (char *)known);
    }

  return g_strdup (known);
}

static void
exec_sql (TpDatabase *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  tp_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

static gint64
query_int (TpDatabase *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt = tp_database_prepare (db, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_true (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  value = tp_statement_get_int64 (stmt, 0);
  tp_statement_reset (stmt);

  return value;
}

/* The small sample business, plus rows that try the edges of JSON: quotes,
 * backslashes, control characters, characters beyond the BMP, NULLs and
 * large numbers. */
static TpDatabase *
open_filled_at (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) huge = g_string_new ("INSERT INTO competitors (name, strengths, created_at,"
                                          " updated_at) VALUES ('Huge', '");
  TpDatabase *db;

  db = tp_database_open (path, &error);
  g_assert_no_error (error);

  tp_sample_fill (db, TP_SAMPLE_SIZE_SMALL, &error);
  g_assert_no_error (error);

  exec_sql (db,
            "INSERT INTO settings (key, value, created_at, updated_at) VALUES"
            " ('currency', 'EUR', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'),"
            " ('band_low', '4', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
            "INSERT INTO audiences (id, name, is_primary, position, created_at, updated_at)"
            " VALUES (50, 'Extra', 0, 9, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
            "INSERT INTO brand_words (word, position, created_at, updated_at)"
            " VALUES ('Zesty', 9, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
            " ('zingy', 10, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
            "INSERT INTO customers (id, name, email, phone, notes, stage, created_at, updated_at)"
            " VALUES (500, 'Zoë \"Zed\" Ärger \\ 😀', '', ' +49 30 1 ',"
            " 'line one\ntab\tbell\aend\r \xe2\x80\xa8 \xe2\x80\x8f\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d"
            " e\xcc\x81 \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 \xef\xbf\xbf"
            " \xf4\x8f\xbf\xbf \xef\xbb\xbf \\u0000 ''quoted''',"
            " 'lost', '2020-02-29T23:59:59Z', '2021-01-01T00:00:00Z');"
            "INSERT INTO touches (customer_id, happened_at, channel, direction, note, done,"
            " created_at, updated_at) VALUES (500, '2030-01-01T09:00:00Z', 'call', 'outbound',"
            " 'planned', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
            " (500, '2026-03-01T09:00:00Z', 'email', 'inbound', '', 1, '2026-03-01T09:00:00Z',"
            " '2026-03-01T09:00:00Z');"
            "INSERT INTO orders (customer_id, ordered_at, item, amount_minor, currency, status,"
            " created_at, updated_at) VALUES (500, '2026-03-02T09:00:00Z', 'Big', 999999999999999,"
            " 'JPY', 'open', '2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z'),"
            " (500, '2026-03-03T09:00:00Z', 'Gone', 100, 'EUR', 'cancelled',"
            " '2026-03-03T09:00:00Z', '2026-03-03T09:00:00Z');");

  /* The longest text a field holds, every character beyond ASCII */
  for (guint i = 0; i < TP_SCHEMA_MAX_TEXT_LENGTH / 2; i++)
    g_string_append (huge, "\xc3\xa4\xf0\x9f\x98\x80");
  g_string_append (huge, "', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
  exec_sql (db, huge->str);

  return db;
}

static TpDatabase *
open_filled (Fixture    *f,
             const char *name)
{
  g_autofree char *path = fixture_db (f, name);

  return open_filled_at (path);
}

/* Every row of every table with the kind of each value (a number, text
 * or null), as the backup writes them, without the time it was made:
 * two databases with the same dump hold the same data, on either
 * engine. */
static char *
dump (TpDatabase *db)
{
  static const char * const derived[] = {
    "SELECT day, tactic_id, place_id, audience_id, n_touches FROM results_days "
    "WHERE n_touches != 0 ORDER BY 1, 2, 3, 4",
    "SELECT * FROM results_customers ORDER BY id",
  };
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-dump-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "dump.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) stamp = g_regex_new ("\"exported_at\": \"[^\"]*\"", 0, 0, NULL);

  g_assert_no_error (error);
  tp_backup_export (db, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);

  {
    g_autofree char *rows = g_regex_replace_literal (stamp, contents, -1, 0,
                                                     "\"exported_at\": \"2000-01-01T00:00:00Z\"",
                                                     0, NULL);

    out = g_string_new (rows);
  }

  /* What the triggers keep for Results is not in a backup but worked out
   * again: the ids of its days are an accident of the order of writing,
   * what they count is not. */
  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    {
      TpStatement *stmt = tp_database_prepare (db, derived[i], &error);

      g_assert_no_error (error);
      g_string_append_printf (out, "[%s]\n", derived[i]);
      while (tp_statement_step (stmt, &error))
        {
          for (int c = 0; c < tp_statement_get_n_columns (stmt); c++)
            g_string_append_printf (out, "%s|", tp_statement_is_null (stmt, c)
                                                ? "NULL" : tp_statement_get_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      g_assert_no_error (error);
      tp_statement_reset (stmt);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What is not rows: SQLite's tables, indexes and triggers with their
 * SQL; the server's triggers and whether each is on. */
static char *
dump_schema (TpDatabase *db)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  TpStatement *stmt;

  stmt = tp_database_prepare (db, tp_database_is_server (db)
                                  ? "SELECT tgname || ' ' || CAST (tgenabled AS text) FROM pg_trigger "
                                    "WHERE NOT tgisinternal ORDER BY 1"
                                  : "SELECT type || ' ' || name || ' ' || sql FROM sqlite_schema "
                                    "ORDER BY name", &error);
  g_assert_no_error (error);
  while (tp_statement_step (stmt, &error))
    g_string_append_printf (out, "%s\n", tp_statement_get_text (stmt, 0));
  g_assert_no_error (error);
  tp_statement_reset (stmt);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
export_to_string (Fixture    *f,
                  TpDatabase *db,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (f, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *contents = NULL;

  tp_backup_export (db, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* The copies a restore keeps: beside a file, or in Touchpoint's data
 * folder for a team database. */
static guint
count_saved_copies (Fixture *f)
{
  g_autofree char *team_path = g_build_filename (g_get_user_data_dir (), "touchpoint", NULL);
  g_autoptr(GDir) team = g_dir_open (team_path, 0, NULL);
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (team != NULL && (name = g_dir_read_name (team)) != NULL)
    {
      if (strstr (name, ".before-restore-") != NULL)
        n++;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (strstr (name, ".before-restore-") != NULL && !g_str_has_suffix (name, "-journal"))
        n++;
    }

  return n;
}

static void
assert_clean_database (TpDatabase *db)
{
  g_autoptr(GError) error = NULL;

  tp_database_check_integrity (db, &error);
  g_assert_no_error (error);
}

static void
restore_string (Fixture     *f,
                TpDatabase  *db,
                const char  *json,
                gssize       len,
                char       **saved_copy,
                GError     **error)
{
  g_autofree char *path = fixture_path (f, "in.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;

  g_file_set_contents (path, json, len, &local_error);
  g_assert_no_error (local_error);

  tp_backup_restore (db, file, saved_copy, NULL, NULL, NULL, error);
}

/* Export, restore into an empty and into a full database: every row,
 * value and type comes back, the derived customer figures included, and
 * the old database is kept beside the new one. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TpDatabase) source = open_filled (f, "source.db");
  g_autoptr(TpDatabase) empty = NULL;
  g_autoptr(TpDatabase) full = NULL;
  g_autoptr(TpDatabase) kept = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *empty_path = fixture_db (f, "empty.db");
  g_autofree char *full_path = fixture_db (f, "full.db");
  g_autofree char *json = export_to_string (f, source, "backup.json");
  g_autofree char *json_again = NULL;
  g_autofree char *expected = dump (source);
  g_autofree char *full_before = NULL;
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *dumped = NULL;
  JsonObject *root;

  /* Valid JSON that says what it is */
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "touchpoint-backup");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (root, "exported_at"), "Z"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
                     json_object_get_object_member (root, "tables"), "touches")),
                   ==, TP_SAMPLE_SMALL_N_TOUCHES + 2);
  /* Every table has rows to carry */
  {
    JsonObject *tables = json_object_get_object_member (root, "tables");
    g_autoptr(GList) names = json_object_get_members (tables);

    g_assert_cmpuint (g_list_length (names), >=, 11);
    /* but not the search index, which is built again */
    for (GList *l = names; l != NULL; l = l->next)
      g_assert_false (g_str_has_prefix (l->data, "customers_search"));
    for (GList *l = names; l != NULL; l = l->next)
      {
        g_test_message ("table %s", (char *)l->data);
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (tables, l->data)),
                          >, 0);
      }
  }

  empty = tp_database_open (empty_path, &error);
  g_assert_no_error (error);
  restore_string (f, empty, json, -1, &copy, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  if (tp_database_is_server (empty))
    {
      g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "touchpoint", "team-",
                                                  NULL);

      g_assert_true (g_str_has_prefix (copy, folder));
      g_assert_true (g_str_has_suffix (copy, ".json"));
    }
  else
    {
      g_assert_true (g_str_has_prefix (copy, empty_path));
    }
  g_clear_pointer (&copy, g_free);
  dumped = dump (empty);
  g_assert_cmpstr (dumped, ==, expected);
  assert_clean_database (empty);

  /* Over another business, which is kept in the copy */
  full = tp_database_open (full_path, &error);
  g_assert_no_error (error);
  tp_sample_fill (full, TP_SAMPLE_SIZE_SMALL, &error);
  g_assert_no_error (error);
  exec_sql (full, "UPDATE customers SET name = 'Someone else'; DELETE FROM orders WHERE id % 2 = 0");
  full_before = dump (full);
  schema_before = dump_schema (full);
  restore_string (f, full, json, -1, &copy, &error);
  g_assert_no_error (error);
  g_clear_pointer (&dumped, g_free);
  dumped = dump (full);
  g_assert_cmpstr (dumped, ==, expected);
  assert_clean_database (full);
  /* Indexes and triggers (and on the server, the triggers switched on) */
  schema_after = dump_schema (full);
  g_assert_cmpstr (schema_after, ==, schema_before);

  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  if (tp_database_is_server (full))
    {
      /* The copy of a team database is its backup */
      g_autoptr(GFile) kept_file = g_file_new_for_path (copy);

      kept = tp_database_open (":memory:", &error);
      g_assert_no_error (error);
      tp_backup_restore (kept, kept_file, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  else
    {
      kept = tp_database_open (copy, &error);
      g_assert_no_error (error);
    }
  g_clear_pointer (&dumped, g_free);
  dumped = dump (kept);
  g_assert_cmpstr (dumped, ==, full_before);

  /* The triggers are back and work */
  exec_sql (full, "INSERT INTO touches (customer_id, happened_at, channel, created_at, updated_at)"
                  " VALUES (500, '2026-04-01T00:00:00Z', 'ad', '2026-04-01T00:00:00Z',"
                  " '2026-04-01T00:00:00Z')");
  {
    TpStatement *stmt = tp_database_prepare (full, "SELECT touch_count, last_touch_at "
                                                   "FROM customers WHERE id = 500", &error);

    g_assert_no_error (error);
    g_assert_true (tp_statement_step (stmt, &error));
    g_assert_cmpint (tp_statement_get_int64 (stmt, 0), ==, 2);
    g_assert_cmpstr (tp_statement_get_text (stmt, 1), ==, "2026-04-01T00:00:00Z");
    tp_statement_reset (stmt);
  }

  /* The search index holds the customers restored, not those replaced */
  if (!tp_database_is_server (full))
    {
      g_assert_cmpint (query_int (full, "SELECT count(*) FROM customers_search"
                                        " WHERE customers_search MATCH '\"someone else\"'"), ==, 0);
      g_assert_cmpint (query_int (full, "SELECT count(*) FROM customers_search"
                                        " WHERE customers_search MATCH '\"example\"'"), ==,
                       query_int (full, "SELECT count(*) FROM customers WHERE email LIKE '%example%'"
                                        " OR name LIKE '%example%' OR phone LIKE '%example%'"
                                        " OR notes LIKE '%example%'"));
      exec_sql (full, "INSERT INTO customers_search (customers_search, rank)"
                      " VALUES ('integrity-check', 1)");
    }

  /* Exporting the restored database gives the same file, but for the time */
  json_again = export_to_string (f, empty, "again.json");
  g_assert_cmpstr (strstr (json_again, "\"tables\""), ==, strstr (json, "\"tables\""));
}

/* The figures the triggers keep are recomputed, whatever the file says */
static void
test_derived_figures (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TpDatabase) source = open_filled (f, "source.db");
  g_autoptr(TpDatabase) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = NULL;
  g_autofree char *target_path = fixture_db (f, "target.db");
  g_autofree char *exported = export_to_string (f, source, "backup.json");
  g_autofree char *expected = dump (source);
  g_autofree char *dumped = NULL;

  json = g_string_new (exported);
  g_assert_cmpint (g_string_replace (json, "\"touch_count\":", "\"touch_count\":7", 0), >, 0);
  g_assert_cmpint (g_string_replace (json, "\"total_spent_minor\":",
                                     "\"total_spent_minor\":1", 0), >, 0);
  g_assert_cmpint (g_string_replace (json, "\"last_touch_at\":\"2026", "\"last_touch_at\":\"1999", 0),
                   >, 0);

  target = tp_database_open (target_path, &error);
  g_assert_no_error (error);
  restore_string (f, target, json->str, -1, NULL, &error);
  g_assert_no_error (error);
  dumped = dump (target);
  g_assert_cmpstr (dumped, ==, expected);
}

/* A backup made before touches named their place restores: the touches
 * come back without one */
static void
test_before_places (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TpDatabase) source = open_filled (f, "source.db");
  g_autoptr(TpDatabase) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) field = g_regex_new ("\"place_id\" *: *null *,?", 0, 0, NULL);
  g_autofree char *target_path = fixture_db (f, "target.db");
  g_autofree char *exported = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *older = NULL;
  g_autofree char *dumped = NULL;

  /* As an older Touchpoint had them: no touch at a place */
  g_assert_true (tp_database_exec (source, "UPDATE touches SET place_id = NULL", &error));
  g_assert_no_error (error);
  exported = export_to_string (f, source, "backup.json");
  expected = dump (source);
  g_assert_nonnull (strstr (exported, "\"place_id\""));
  older = g_regex_replace_literal (field, exported, -1, 0, "", 0, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (older, "place_id"));

  target = tp_database_open (target_path, &error);
  g_assert_no_error (error);
  restore_string (f, target, older, -1, NULL, &error);
  g_assert_no_error (error);
  dumped = dump (target);
  g_assert_cmpstr (dumped, ==, expected);
}

/* Tables may come in any order, and "tables" before "version" */
static void
test_any_order (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TpDatabase) source = open_filled (f, "source.db");
  g_autoptr(TpDatabase) target = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) built = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target_path = fixture_db (f, "target.db");
  g_autofree char *exported = export_to_string (f, source, "backup.json");
  g_autofree char *expected = dump (source);
  g_autofree char *reordered = NULL;
  g_autofree char *dumped = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *root;
  JsonObject *tables;

  json_parser_load_from_data (parser, exported, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  tables = json_object_get_object_member (root, "tables");
  names = json_object_get_members (tables);
  names = g_list_reverse (names);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);
  for (GList *l = names; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_value (builder, json_node_copy (json_object_get_member (tables, l->data)));
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, "2026-11-28T12:00:00Z");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "touchpoint-backup");
  json_builder_end_object (builder);

  built = json_builder_get_root (builder);
  json_generator_set_root (generator, built);
  json_generator_set_pretty (generator, TRUE);
  reordered = json_generator_to_data (generator, NULL);
  g_assert_true (strstr (reordered, "\"orders\"") < strstr (reordered, "\"customers\""));

  target = tp_database_open (target_path, &error);
  g_assert_no_error (error);
  restore_string (f, target, reordered, -1, NULL, &error);
  g_assert_no_error (error);
  dumped = dump (target);
  g_assert_cmpstr (dumped, ==, expected);
}

typedef struct
{
  const char *name;
  const char *find;       /* in the good backup; NULL: use @replace as the whole file */
  const char *replace;
  GQuark    (*domain) (void);
  int         code;
  const char *message;    /* a pattern the whole message must match */
} BadInput;

static const BadInput bad_inputs[] = {
  { "truncated", "\"orders\"", NULL, tp_backup_error_quark, TP_BACKUP_ERROR_INVALID,
    "in.json: line * the file ends too early; it may have been cut off" },
  { "wrong-type", "\"amount_minor\":999999999999999,", "\"amount_minor\":\"999999999999999\",",
    tp_backup_error_quark, TP_BACKUP_ERROR_INVALID,
    "in.json: line *: field “amount_minor”: expected a whole number, found text" },
  { "fraction", "\"amount_minor\":999999999999999,", "\"amount_minor\":90.5,",
    tp_backup_error_quark, TP_BACKUP_ERROR_INVALID,
    "in.json: line *: field “amount_minor”: expected a whole number" },
  { "too-large", "\"amount_minor\":999999999999999,", "\"amount_minor\":9223372036854775808,",
    tp_backup_error_quark, TP_BACKUP_ERROR_INVALID,
    "in.json: line *: field “amount_minor”: the number is too large" },
  { "text-as-number", "\"stage\":\"lost\"", "\"stage\":3", tp_backup_error_quark,
    TP_BACKUP_ERROR_INVALID, "in.json: line *: field “stage”: expected text in quotes, found a number" },
  { "unknown-version", "\"version\": 1,", "\"version\": 0,", tp_backup_error_quark,
    TP_BACKUP_ERROR_UNKNOWN_VERSION, "in.json: line 3: “version” must be a whole number from 1 to 1*" },
  { "version-as-text", "\"version\": 1,", "\"version\": \"1\",", tp_backup_error_quark,
    TP_BACKUP_ERROR_UNKNOWN_VERSION, "in.json: line 3: “version” must be *" },
  { "newer-version", "\"version\": 1,", "\"version\": 2,", tp_backup_error_quark,
    TP_BACKUP_ERROR_NEWER_VERSION,
    "in.json: this backup was made by a newer version of Touchpoint (backup version 2; this "
    "version reads up to 1). Update Touchpoint to restore it." },
  { "no-version", "\"version\": 1,", "", tp_backup_error_quark, TP_BACKUP_ERROR_UNKNOWN_VERSION,
    "in.json: the backup does not say its “version”" },
  { "missing-field", "\"name\":\"Zoë \\\"Zed\\\" Ärger \\\\ 😀\",", "", tp_backup_error_quark,
    TP_BACKUP_ERROR_INVALID, "in.json: line *: field “name”: is missing" },
  { "null-field", "\"name\":\"Zoë \\\"Zed\\\" Ärger \\\\ 😀\",", "\"name\":null,",
    tp_backup_error_quark, TP_BACKUP_ERROR_INVALID,
    "in.json: line *: field “name”: “Name” cannot be empty." },
  { "blank-name", "\"name\":\"Zoë \\\"Zed\\\" Ärger \\\\ 😀\",", "\"name\":\"  \",",
    tp_backup_error_quark, TP_BACKUP_ERROR_INVALID,
    "in.json: line *: field “name”: “Name” cannot be empty." },
  { "duplicate-id", "{\"id\":500,", "{\"id\":1,", tp_backup_error_quark, TP_BACKUP_ERROR_INVALID,
    "in.json: line *: field “id”: 1 is used twice in “customers” (also on line *)" },
  { "dangling-reference", "\"customer_id\":500,\"happened_at\":\"2030-01-01T09:00:00Z\"",
    "\"customer_id\":99999,\"happened_at\":\"2030-01-01T09:00:00Z\"",
    tp_backup_error_quark, TP_BACKUP_ERROR_INVALID,
    "in.json: line *: field “customer_id”: there is no row with id 99999 in “customers”" },
  { "dangling-audience", "\"audience_id\":null,\"source_channel\":null,\"stage\":\"lost\"",
    "\"audience_id\":77,\"source_channel\":null,\"stage\":\"lost\"",
    tp_backup_error_quark, TP_BACKUP_ERROR_INVALID,
    "in.json: line *: field “audience_id”: there is no row with id 77 in “audiences”" },
  { "unknown-enum", "\"stage\":\"lost\"", "\"stage\":\"vip\"", tp_backup_error_quark,
    TP_BACKUP_ERROR_INVALID,
    "in.json: line *: field “stage”: “Stage” cannot be “vip”: it is one of lead, prospect, customer, "
    "repeat, lost." },
  { "bad-time", "\"ordered_at\":\"2026-03-02T09:00:00Z\"", "\"ordered_at\":\"2026-02-30T09:00:00Z\"",
    tp_backup_error_quark, TP_BACKUP_ERROR_INVALID,
    "in.json: line *: field “ordered_at”: “Date” is not a date and time from 0001-01-01 to "
    "9999-12-31: “2026-02-30T09:00:00Z”. Write it as 2026-11-28 or 2026-11-28T12:00:00Z." },
  { "local-time", "\"ordered_at\":\"2026-03-02T09:00:00Z\"", "\"ordered_at\":\"2026-03-02 09:00\"",
    tp_backup_error_quark, TP_BACKUP_ERROR_INVALID, "in.json: line *: field “ordered_at”: *" },
  { "negative-amount", "\"amount_minor\":100,\"currency\":\"EUR\",\"status\":\"cancelled\"",
    "\"amount_minor\":-100,\"currency\":\"EUR\",\"status\":\"cancelled\"", tp_backup_error_quark,
    TP_BACKUP_ERROR_INVALID, "in.json: line *: field “amount_minor”: “Amount” cannot be negative." },
  { "currency", "\"currency\":\"JPY\"", "\"currency\":\"jpy\"", tp_backup_error_quark,
    TP_BACKUP_ERROR_INVALID, "in.json: line *: field “currency”: “Currency” must be a three-letter currency code *" },
  { "flag", "\"done\":0,", "\"done\":2,", tp_backup_error_quark, TP_BACKUP_ERROR_INVALID,
    "in.json: line *: field “done”: “Done” must be between 0 and 1." },
  { "two-primaries", "\"name\":\"Extra\",\"who\":\"\",\"looks_like\":\"\",\"needs\":\"\","
    "\"message\":\"\",\"is_primary\":0", "\"name\":\"Extra\",\"who\":\"\",\"looks_like\":\"\","
    "\"needs\":\"\",\"message\":\"\",\"is_primary\":1", tp_backup_error_quark,
    TP_BACKUP_ERROR_INVALID, "in.json: line *: field “is_primary”: only one row may have 1 here *" },
  { "same-word-twice", "\"word\":\"zingy\"", "\"word\":\"ZESTY\"", tp_backup_error_quark,
    TP_BACKUP_ERROR_INVALID, "in.json: line *: field “word”: “ZESTY” appears twice (also on line *)" },
  { "unknown-field", "\"stage\":\"lost\",", "\"stage\":\"lost\",\"vip\":1,",
    tp_backup_error_quark, TP_BACKUP_ERROR_INVALID,
    "in.json: line *: unknown field “vip” in table “customers”" },
  { "field-twice", "\"stage\":\"lost\",", "\"stage\":\"lost\",\"stage\":\"lead\",",
    tp_backup_error_quark, TP_BACKUP_ERROR_INVALID,
    "in.json: line *: field “stage”: appears twice in the same row" },
  { "unknown-table", "\"orders\":", "\"sales\":", tp_backup_error_quark, TP_BACKUP_ERROR_INVALID,
    "in.json: line *: unknown table “sales”" },
  { "not-utf8", "Ärger", "\xc4rger", tp_backup_error_quark,
    TP_BACKUP_ERROR_INVALID, "in.json: line *: the text is not valid UTF-8" },
  { "nul", "Ärger", "\\u0000rger", tp_backup_error_quark,
    TP_BACKUP_ERROR_INVALID, "in.json: line *: the text contains a NUL character" },
  { "lone-surrogate", "Ärger", "\\ud800rger", tp_backup_error_quark,
    TP_BACKUP_ERROR_INVALID, "in.json: line *: broken JSON: half of a UTF-16 surrogate pair" },
  { "control-character", "Ärger", "\trger", tp_backup_error_quark,
    TP_BACKUP_ERROR_INVALID, "in.json: line *: broken JSON: a line break or control character *" },
  { "missing-comma", "\"stage\":\"lost\",", "\"stage\":\"lost\"",
    tp_backup_error_quark, TP_BACKUP_ERROR_INVALID,
    "in.json: line *: broken JSON: expected “,” or “}” here" },
  { "trailing-text", "\n  }\n}\n", "\n  }\n}\n}\n", tp_backup_error_quark,
    TP_BACKUP_ERROR_INVALID, "in.json: line *: broken JSON: there is more text after the end *" },
  { "missing-table", NULL, "{\"format\":\"touchpoint-backup\",\"version\":1,"
    "\"exported_at\":\"2026-11-28T12:00:00Z\",\"tables\":{}}", tp_backup_error_quark,
    TP_BACKUP_ERROR_INVALID, "in.json: line 1: table “settings” is missing from “tables”" },
  { "no-tables", NULL, "{\"format\":\"touchpoint-backup\",\"version\":1,"
    "\"exported_at\":\"2026-11-28T12:00:00Z\"}", tp_backup_error_quark,
    TP_BACKUP_ERROR_INVALID, "in.json: the backup has no “tables”" },
  { "other-format", NULL, "{\"format\":\"vcard\",\"version\":1}", tp_backup_error_quark,
    TP_BACKUP_ERROR_NOT_BACKUP,
    "in.json: this is not a Touchpoint backup: its “format” is not “touchpoint-backup”" },
  { "other-json", NULL, "{\"name\":\"package\",\"dependencies\":{\"a\":[1,2,{\"b\":null}]}}",
    tp_backup_error_quark, TP_BACKUP_ERROR_NOT_BACKUP,
    "in.json: this is not a Touchpoint backup: it has no “format”" },
  { "array", NULL, "[1, 2, 3]", tp_backup_error_quark, TP_BACKUP_ERROR_NOT_BACKUP,
    "in.json: this is not a Touchpoint backup, which is a JSON file that starts with “{”" },
  { "empty", NULL, "", tp_backup_error_quark, TP_BACKUP_ERROR_NOT_BACKUP,
    "in.json: the file is empty, so it is not a Touchpoint backup" },
  { "spaces", NULL, " \n\t\r\n", tp_backup_error_quark, TP_BACKUP_ERROR_NOT_BACKUP,
    "in.json: the file is empty, so it is not a Touchpoint backup" },
};

static void
assert_message_matches (GError     *error,
                        const char *pattern)
{
  if (!g_pattern_match_simple (pattern, error->message))
    g_error ("message “%s” does not match “%s”", error->message, pattern);
}

/* Each bad file gives its message and leaves the database as it was */
static void
test_bad_inputs (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_filled (f, "target.db");
  g_autofree char *good = export_to_string (f, db, "good.json");
  g_autofree char *before = NULL;

  exec_sql (db, "UPDATE customers SET notes = 'changed since the backup' WHERE id = 1");
  before = dump (db);

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      const BadInput *bad = &bad_inputs[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) json = NULL;
      g_autofree char *after = NULL;
      g_autofree char *copy = NULL;

      g_test_message ("bad input: %s", bad->name);

      if (bad->find == NULL)
        {
          json = g_string_new (bad->replace);
        }
      else if (bad->replace == NULL)
        {
          const char *cut = strstr (good, bad->find);

          g_assert_nonnull (cut);
          json = g_string_new_len (good, cut - good + 10);
        }
      else
        {
          json = g_string_new (good);
          g_assert_cmpint (g_string_replace (json, bad->find, bad->replace, 1), ==, 1);
        }

      restore_string (f, db, json->str, (gssize)json->len, &copy, &error);
      g_assert_error (error, bad->domain (), bad->code);
      assert_message_matches (error, bad->message);
      g_assert_null (strchr (error->message, '\n'));
      g_assert_null (copy);

      after = dump (db);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (count_saved_copies (f), ==, 0);

      /* Validating alone says the same */
      {
        g_autofree char *in_path = fixture_path (f, "in.json");
        g_autoptr(GFile) in = g_file_new_for_path (in_path);
        g_autoptr(GError) validate_error = NULL;

        tp_backup_validate (db, in, NULL, &validate_error);
        g_assert_error (validate_error, bad->domain (), bad->code);
        g_assert_cmpstr (validate_error->message, ==, error->message);
      }
    }
}

static gsize
max_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gsize)usage.ru_maxrss;
}

static void
write_nonsense (const char *path,
                const char *prefix,
                gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                        NULL, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autofree guint32 *chunk = g_new (guint32, 256 * 1024);
  gsize written = 0;

  g_assert_no_error (error);
  g_output_stream_write_all (G_OUTPUT_STREAM (stream), prefix, strlen (prefix), NULL, NULL, &error);
  g_assert_no_error (error);

  while (written < size)
    {
      for (guint i = 0; i < 256 * 1024; i++)
        chunk[i] = g_rand_int (rand);
      g_output_stream_write_all (G_OUTPUT_STREAM (stream), chunk, 1024 * 1024, NULL, NULL, &error);
      g_assert_no_error (error);
      written += 1024 * 1024;
    }

  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);
}

/* 100 MB of nonsense is refused at once, without reading it into memory:
 * random bytes, and random bytes after a believable beginning. */
static void
test_nonsense (Fixture       *f,
               gconstpointer  data)
{
  static const char * const prefixes[] = {
    "\x89PNG",
    "{\"format\":\"touchpoint-backup\",\"version\":1,\"tables\":{\"settings\":[",
    "{\"format\":\"touchpoint-backup\",\"version\":1,\"x\":\"",
  };
  static const char * const messages[] = {
    "big.json: this is not a Touchpoint backup, which is a JSON file that starts with “{”",
    "big.json: line *",
    "big.json: line *",
  };
  g_autoptr(TpDatabase) db = open_filled (f, "target.db");
  g_autofree char *before = dump (db);
  g_autofree char *path = fixture_path (f, "big.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      gsize rss_before;

      write_nonsense (path, prefixes[i], 100 * 1024 * 1024);
      rss_before = max_rss_kb ();

      tp_backup_restore (db, file, NULL, NULL, NULL, NULL, &error);
      g_assert_nonnull (error);
      assert_message_matches (error, messages[i]);

      /* No more than a few MB: the file is mapped and read from the start */
      g_assert_cmpuint (max_rss_kb () - rss_before, <, 32 * 1024);

      after = dump (db);
      g_assert_cmpstr (after, ==, before);
    }
}

/* Deep nesting in a member Touchpoint skips does not exhaust the stack */
static void
test_deep_nesting (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_filled (f, "target.db");
  g_autoptr(GString) json = g_string_new ("{\"extra\":");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');

  restore_string (f, db, json->str, (gssize)json->len, NULL, &error);
  g_assert_error (error, TP_BACKUP_ERROR, TP_BACKUP_ERROR_INVALID);
  assert_message_matches (error, "in.json: line 1: the data is nested too deeply");
}

static void
cancel_halfway_cb (double   fraction,
                   gpointer user_data)
{
  if (fraction > 0.6)
    g_cancellable_cancel (user_data);
}

/* A restore cancelled before or in the middle of loading changes nothing
 * and leaves no copy behind. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_filled (f, "target.db");
  g_autofree char *path = fixture_path (f, "good.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *copy = NULL;

  g_free (export_to_string (f, db, "good.json"));
  exec_sql (db, "DELETE FROM orders");
  before = dump (db);

  g_cancellable_cancel (cancellable);
  tp_backup_restore (db, file, &copy, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (copy);
  after = dump (db);
  g_assert_cmpstr (after, ==, before);

  g_clear_error (&error);
  g_clear_object (&cancellable);
  g_clear_pointer (&after, g_free);
  cancellable = g_cancellable_new ();
  tp_backup_restore (db, file, &copy, cancel_halfway_cb, cancellable, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = dump (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_saved_copies (f), ==, 0);
}

/* An export that fails leaves the file it would replace as it was */
static void
test_export_atomic (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_filled (f, "source.db");
  g_autofree char *path = fixture_path (f, "old.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  g_file_set_contents (path, "old contents", -1, &error);
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  tp_backup_export (db, file, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "old contents");

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_prefix (name, "source.db"))
        n_files++;
    }
  g_assert_cmpuint (n_files, ==, 1);
}

typedef struct
{
  GMainLoop *loop;
  GAsyncResult *result;
  double last_fraction;
  guint n_progress;
} AsyncData;

static void
async_progress_cb (double   fraction,
                   gpointer user_data)
{
  AsyncData *async = user_data;

  g_assert_cmpfloat (fraction, >=, async->last_fraction);
  async->last_fraction = fraction;
  async->n_progress++;
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncData *async = user_data;

  async->result = g_object_ref (result);
  g_main_loop_quit (async->loop);
}

/* The asynchronous calls run on a worker with their own connection and
 * report progress in the caller's main context. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TpDatabase) source = open_filled (f, "source.db");
  g_autoptr(TpDatabase) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source_path = fixture_db (f, "source.db");
  g_autofree char *target_path = fixture_db (f, "target.db");
  g_autofree char *json_path = fixture_path (f, "async.json");
  g_autoptr(GFile) file = g_file_new_for_path (json_path);
  g_autofree char *expected = dump (source);
  g_autofree char *dumped = NULL;
  g_autofree char *copy = NULL;
  AsyncData async = { g_main_loop_new (NULL, FALSE), NULL, 0.0, 0 };

  tp_backup_export_async (source_path, file, async_progress_cb, &async, NULL, NULL,
                          async_done_cb, &async);
  g_main_loop_run (async.loop);
  tp_backup_export_finish (async.result, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (async.last_fraction, ==, 1.0);
  g_clear_object (&async.result);

  target = tp_database_open (target_path, &error);
  g_assert_no_error (error);
  async.last_fraction = 0.0;
  async.n_progress = 0;
  tp_backup_restore_async (target_path, file, async_progress_cb, &async, NULL, NULL,
                           async_done_cb, &async);
  g_main_loop_run (async.loop);

  /* Progress arrives before the result */
  g_assert_cmpuint (async.n_progress, >, 1);
  g_assert_cmpfloat (async.last_fraction, ==, 1.0);
  tp_backup_restore_finish (async.result, &copy, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_clear_object (&async.result);

  /* The other connection sees the restored rows */
  dumped = dump (target);
  g_assert_cmpstr (dumped, ==, expected);

  g_main_loop_unref (async.loop);
}

/* A copy of the backup part of a dump (what comes before the Results
 * tables) */
static char *
backup_only (const char *dumped)
{
  const char *derived = strstr (dumped, "\n[SELECT day,");

  g_assert_nonnull (derived);
  return g_strndup (dumped, derived + 1 - dumped);
}

static TpDatabase *
restore_path (Fixture    *f,
              const char *path,
              char       *backup)
{
  g_autofree char *json = backup;
  g_autoptr(GError) error = NULL;
  TpDatabase *db = tp_database_open (path, &error);

  g_assert_no_error (error);
  restore_string (f, db, json, -1, NULL, &error);
  g_assert_no_error (error);

  return db;
}

/* A backup made on one engine restores on the other, identically: the
 * backups of both hold the same bytes (but for the time they were made),
 * there and back again, with every table, odd characters and the
 * longest text. */
static void
test_across_engines (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TpDatabase) server = open_filled (f, "source.db");
  g_autofree char *file_path = fixture_path (f, "file.db");
  g_autofree char *file_source_path = fixture_path (f, "file-source.db");
  g_autofree char *server_again_path = fixture_db (f, "again.db");
  g_autofree char *server_target_path = fixture_db (f, "target.db");
  g_autoptr(TpDatabase) file = NULL;
  g_autoptr(TpDatabase) file_source = NULL;
  g_autoptr(TpDatabase) server_again = NULL;
  g_autoptr(TpDatabase) server_target = NULL;
  g_autofree char *from_server = dump (server);
  g_autofree char *from_file = NULL;
  g_autofree char *back = NULL;
  g_autofree char *file_backup = NULL;
  g_autofree char *onto_server = NULL;

  g_assert_true (tp_database_is_server (server));
  g_assert_nonnull (strstr (from_server, "\\u0007end"));
  g_assert_nonnull (strstr (from_server, "\xf0\x9f\x91\xa9\xe2\x80\x8d"));

  /* Server → file → server */
  file = restore_path (f, file_path, backup_only (from_server));
  g_assert_false (tp_database_is_server (file));
  from_file = dump (file);
  g_assert_cmpstr (from_file, ==, from_server);
  server_again = restore_path (f, server_again_path, backup_only (from_file));
  back = dump (server_again);
  g_assert_cmpstr (back, ==, from_server);

  /* File → server */
  file_source = open_filled_at (file_source_path);
  file_backup = dump (file_source);
  server_target = restore_path (f, server_target_path, backup_only (file_backup));
  onto_server = dump (server_target);
  g_assert_cmpstr (onto_server, ==, file_backup);
}

static void
assert_empty (TpDatabase *db)
{
  static const char * const tables[] = { "settings", "audiences", "brand", "brand_words",
                                         "competitors", "tactics", "tactic_log", "customers",
                                         "touches", "orders" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      TpStatement *stmt = tp_database_prepare (db, sql, &error);

      g_assert_no_error (error);
      g_assert_true (tp_statement_step (stmt, &error));
      g_assert_cmpint (tp_statement_get_int64 (stmt, 0), ==, 0);
      tp_statement_reset (stmt);
    }
}

/* A whole business copied into a new file (and on the server, into an
 * empty team database, and from a file onto the server) holds the same
 * rows; a target that exists or holds rows is refused and left as it
 * is. */
static void
test_copy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(TpDatabase) source = open_filled (f, "source.db");
  g_autoptr(TpDatabase) copied = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_path = fixture_path (f, "copy.db");
  g_autofree char *expected = dump (source);
  g_autofree char *dumped = NULL;
  g_autofree char *file_before = NULL;

  tp_backup_copy (source, file_path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  copied = tp_database_open (file_path, &error);
  g_assert_no_error (error);
  dumped = dump (copied);
  g_assert_cmpstr (dumped, ==, expected);
  assert_clean_database (copied);

  /* Never over a file that is there */
  file_before = dump (copied);
  tp_backup_copy (source, file_path, NULL, NULL, NULL, &error);
  g_assert_error (error, TP_BACKUP_ERROR, TP_BACKUP_ERROR_TARGET_NOT_EMPTY);
  assert_message_matches (error, "“*copy.db” already exists. Copy the business to a new file*");
  g_clear_error (&error);
  g_clear_pointer (&dumped, g_free);
  dumped = dump (copied);
  g_assert_cmpstr (dumped, ==, file_before);

  if (tp_database_is_server (source))
    {
      g_autofree char *server_path = fixture_db (f, "server-copy.db");
      g_autofree char *other_path = fixture_db (f, "other.db");
      g_autoptr(TpDatabase) server = NULL;
      g_autoptr(TpDatabase) other = NULL;
      g_autofree char *other_before = NULL;

      /* File → server, into a database that has no tables yet */
      tp_backup_copy (copied, server_path, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      server = tp_database_open (server_path, &error);
      g_assert_no_error (error);
      g_clear_pointer (&dumped, g_free);
      dumped = dump (server);
      g_assert_cmpstr (dumped, ==, expected);
      assert_clean_database (server);

      /* The ids go on after the highest one */
      exec_sql (server, "INSERT INTO customers (name, created_at, updated_at) VALUES "
                        "('New', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
      {
        TpStatement *stmt = tp_database_prepare (server, "SELECT id FROM customers "
                                                         "WHERE name = 'New'", &error);

        g_assert_no_error (error);
        g_assert_true (tp_statement_step (stmt, &error));
        g_assert_cmpint (tp_statement_get_int64 (stmt, 0), ==, 501);
        tp_statement_reset (stmt);
      }

      /* Never into a team database that holds a business */
      other = open_filled (f, "other.db");
      exec_sql (other, "DELETE FROM touches WHERE id % 3 = 0");
      other_before = dump (other);
      tp_backup_copy (source, other_path, NULL, NULL, NULL, &error);
      g_assert_error (error, TP_BACKUP_ERROR, TP_BACKUP_ERROR_TARGET_NOT_EMPTY);
      assert_message_matches (error, "“postgresql://*” already holds a business. *");
      g_clear_pointer (&dumped, g_free);
      dumped = dump (other);
      g_assert_cmpstr (dumped, ==, other_before);
    }
}

static void
cancel_copy_cb (double   fraction,
                gpointer user_data)
{
  if (fraction > 0.0)
    g_cancellable_cancel (user_data);
}

/* A copy cancelled in the middle leaves no file behind, and a team
 * database without rows. */
static void
test_copy_cancel (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TpDatabase) source = open_filled (f, "source.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *file_path = fixture_path (f, "copy.db");

  /* Rows enough for the copy to look at the cancellable on its way */
  exec_sql (source, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                    "WHERE i < 5000) INSERT INTO touches (customer_id, happened_at, channel, "
                    "created_at, updated_at) SELECT 500, '2026-01-01T00:00:00Z', 'call', "
                    "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n");

  tp_backup_copy (source, file_path, cancel_copy_cb, cancellable, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (file_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  if (tp_database_is_server (source))
    {
      g_autofree char *server_path = fixture_db (f, "server-copy.db");
      g_autoptr(TpDatabase) server = NULL;

      g_clear_object (&cancellable);
      cancellable = g_cancellable_new ();
      tp_backup_copy (source, server_path, cancel_copy_cb, cancellable, cancellable, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      server = tp_database_open (server_path, &error);
      g_assert_no_error (error);
      assert_empty (server);
    }
}

/* A private in-memory database can be restored too, with no copy */
static void
test_memory (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TpDatabase) source = open_filled (f, "source.db");
  g_autoptr(TpDatabase) memory = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = export_to_string (f, source, "backup.json");
  g_autofree char *expected = dump (source);
  g_autofree char *dumped = NULL;
  g_autofree char *copy = NULL;

  memory = tp_database_open (":memory:", &error);
  g_assert_no_error (error);
  restore_string (f, memory, json, -1, &copy, &error);
  g_assert_no_error (error);
  g_assert_null (copy);
  dumped = dump (memory);
  g_assert_cmpstr (dumped, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/touchpoint/backup/round-trip", test_round_trip);
  ADD ("/touchpoint/backup/derived-figures", test_derived_figures);
  ADD ("/touchpoint/backup/any-order", test_any_order);
  ADD ("/touchpoint/backup/before-places", test_before_places);
  ADD ("/touchpoint/backup/bad-inputs", test_bad_inputs);
  ADD ("/touchpoint/backup/nonsense", test_nonsense);
  ADD ("/touchpoint/backup/deep-nesting", test_deep_nesting);
  ADD ("/touchpoint/backup/cancel", test_cancel);
  ADD ("/touchpoint/backup/export-atomic", test_export_atomic);
  ADD ("/touchpoint/backup/async", test_async);
  ADD ("/touchpoint/backup/memory", test_memory);
  ADD ("/touchpoint/backup/copy", test_copy);
  ADD ("/touchpoint/backup/copy-cancel", test_copy_cancel);
  /* Under tests/pg-cluster, with the server as the engine */
  if (tp_test_engine_is_pg ())
    ADD ("/touchpoint/backup/across-engines", test_across_engines);

#undef ADD

  return g_test_run ();
}
