/* test-database-pg.c — the PostgreSQL engine under TpDatabase, on a real
 * throwaway server (tests/pg-cluster).
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

#define G_LOG_DOMAIN "test-database-pg"

#include "config.h"

#include <string.h>

#include "tp-analytics.h"
#include "tp-database.h"
#include "tp-database-private.h"
#include "tp-migrations-private.h"
#include "tp-models.h"
#include "tp-schema.h"
#include "tp-store.h"
#include "tp-test-engine.h"

static TpDatabase *
open_new (char **out_uri)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = tp_test_pg_new_database ();
  TpDatabase *db = tp_database_open (uri, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  if (out_uri != NULL)
    *out_uri = g_steal_pointer (&uri);

  return db;
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

/* An empty server database gets every table and column of the schema
 * description, and the version; opening it again changes nothing. */
static void
test_schema_created (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(TpDatabase) db = open_new (&uri);
  g_autoptr(TpDatabase) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *n_indexes = NULL;
  const TpSchemaTable *tables;
  guint n_tables;

  g_assert_true (tp_database_is_server (db));
  g_assert_true (g_str_has_prefix (tp_database_get_display_name (db), "postgresql://tp_owner@"));

  tables = tp_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    {
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autofree char *sql = NULL;
      g_autofree char *found = NULL;

      for (guint c = 0; c < tables[t].n_columns; c++)
        g_string_append_printf (expected, "%s%s", c > 0 ? "," : "", tables[t].columns[c].name);
      sql = g_strdup_printf ("SELECT string_agg (column_name, ',' ORDER BY ordinal_position) "
                             "FROM information_schema.columns WHERE table_name = '%s'",
                             tables[t].name);
      found = tp_test_pg_query (uri, sql);
      g_assert_cmpstr (found, ==, expected->str);
    }

  version = tp_test_pg_query (uri, "SELECT version FROM touchpoint_schema");
  g_assert_cmpint (atoi (version), ==, TP_SCHEMA_VERSION);

  /* The indexes of the migration steps, the customer list's included */
  n_indexes = tp_test_pg_query (uri, "SELECT count(*) FROM pg_indexes WHERE indexname IN "
                                     "('customers_by_name', 'customers_by_last_touch', "
                                     "'touches_by_customer', 'brand_words_unique', "
                                     "'audiences_one_primary')");
  g_assert_cmpstr (n_indexes, ==, "5");

  g_assert_true (tp_database_exec (db, "INSERT INTO brand_words (word, created_at, updated_at) "
                                       "VALUES ('warm', 'x', 'x')", &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  again = tp_database_open (uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (again, "SELECT count(*) FROM brand_words"), ==, 1);
}

/* SQLite's SQL runs unchanged: ?N parameters, ids of inserted rows,
 * NULLs, COLLATE NOCASE, IS NOT, and the triggers that keep the
 * customer figures. */
static void
test_statements (void)
{
  g_autoptr(TpDatabase) db = open_new (NULL);
  g_autoptr(GError) error = NULL;
  TpStatement *stmt;
  gint64 customer;
  gint64 second;

  stmt = tp_database_prepare (db, "INSERT INTO customers (name, email, audience_id, created_at, "
                                  "updated_at) VALUES (?1, ?2, ?3, ?4, ?4)", &error);
  g_assert_no_error (error);
  tp_statement_bind_text (stmt, 1, "Ada O'Neil");
  tp_statement_bind_text (stmt, 2, "ada@example.org");
  tp_statement_bind_null (stmt, 3);
  tp_statement_bind_text (stmt, 4, "2026-01-02T03:04:05Z");
  g_assert_false (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  tp_statement_reset (stmt);
  customer = tp_database_last_insert_id (db);
  g_assert_cmpint (customer, >, 0);
  g_assert_cmpint (tp_database_changes (db), ==, 1);

  stmt = tp_database_prepare (db, "INSERT INTO customers (name, created_at, updated_at) "
                                  "VALUES (?, ?, ?)", &error);
  tp_statement_bind_text (stmt, 1, "Bo");
  tp_statement_bind_text (stmt, 2, "2026-01-02T03:04:05Z");
  tp_statement_bind_text (stmt, 3, "2026-01-02T03:04:05Z");
  g_assert_false (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  second = tp_database_last_insert_id (db);
  g_assert_cmpint (second, >, customer);

  stmt = tp_database_prepare (db, "SELECT name, email, audience_id, touch_count FROM customers "
                                  "WHERE id = ?1 AND name = ?2 COLLATE NOCASE "
                                  "AND audience_id IS NOT ?3", &error);
  g_assert_no_error (error);
  tp_statement_bind_int64 (stmt, 1, customer);
  tp_statement_bind_text (stmt, 2, "ADA o'neil");
  tp_statement_bind_int64 (stmt, 3, 7);
  g_assert_true (tp_statement_step (stmt, &error));
  g_assert_cmpstr (tp_statement_get_text (stmt, 0), ==, "Ada O'Neil");
  g_assert_cmpstr (tp_statement_get_text (stmt, 1), ==, "ada@example.org");
  g_assert_true (tp_statement_is_null (stmt, 2));
  g_assert_null (tp_statement_get_text (stmt, 2));
  g_assert_cmpint (tp_statement_get_int64 (stmt, 3), ==, 0);
  g_assert_cmpstr (tp_statement_get_column_name (stmt, 3), ==, "touch_count");
  g_assert_false (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  tp_statement_reset (stmt);

  /* The trigger keeps the figures, as in SQLite */
  stmt = tp_database_prepare (db, "INSERT INTO touches (customer_id, happened_at, channel, "
                                  "created_at, updated_at) VALUES (?1, ?2, 'call', ?2, ?2)",
                              &error);
  tp_statement_bind_int64 (stmt, 1, customer);
  tp_statement_bind_text (stmt, 2, "2026-03-01T10:00:00Z");
  g_assert_false (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  tp_statement_reset (stmt);
  g_assert_cmpint (query_int (db, "SELECT touch_count FROM customers WHERE id = 1"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT unixepoch (last_touch_at) FROM customers WHERE id = 1"),
                   ==, 1772359200);
}

/* A rule of the schema refuses a value with a constraint error; inside a
 * transaction the failed statement alone is undone, as in SQLite, and a
 * savepoint rolls back only its own level. */
static void
test_transactions (void)
{
  g_autoptr(TpDatabase) db = open_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (tp_database_begin (db, &error));
  g_assert_true (tp_database_exec (db, "INSERT INTO brand_words (word, created_at, updated_at) "
                                       "VALUES ('Warm', 'x', 'x')", &error));
  /* the same word in other letters: refused by the NOCASE index */
  g_assert_false (tp_database_exec (db, "INSERT INTO brand_words (word, created_at, updated_at) "
                                        "VALUES ('wARM', 'x', 'x')", &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (tp_database_exec (db, "INSERT INTO tactics (name, channel, created_at, "
                                        "updated_at) VALUES ('x', 'carrier-pigeon', 'x', 'x')",
                                    &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (tp_database_begin (db, &error));
  g_assert_cmpint (tp_database_get_depth (db), ==, 2);
  g_assert_true (tp_database_exec (db, "INSERT INTO brand_words (word, created_at, updated_at) "
                                       "VALUES ('Kind', 'x', 'x')", &error));
  tp_database_rollback (db);
  g_assert_true (tp_database_exec (db, "INSERT INTO brand_words (word, created_at, updated_at) "
                                       "VALUES ('Quick', 'x', 'x')", &error));
  g_assert_true (tp_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tp_database_get_depth (db), ==, 0);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM brand_words"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM brand_words WHERE word = 'kind' "
                                  "COLLATE NOCASE"), ==, 0);
}

/* A database set up by a newer Touchpoint is refused and left alone. */
static void
test_newer_refused (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(TpDatabase) db = open_new (&uri);
  g_autoptr(TpDatabase) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;

  g_clear_object (&db);
  tp_test_pg_admin (uri, "UPDATE touchpoint_schema SET version = 99");

  again = tp_database_open (uri, &error);
  g_assert_null (again);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "99"));
  version = tp_test_pg_query (uri, "SELECT version FROM touchpoint_schema");
  g_assert_cmpstr (version, ==, "99");
}

/* What step 8 added: the rows' versions */
#define DROP_VERSIONS \
  "ALTER TABLE audiences DROP COLUMN version;" \
  "ALTER TABLE audience_places DROP COLUMN version;" \
  "ALTER TABLE brand DROP COLUMN version;" \
  "ALTER TABLE brand_words DROP COLUMN version;" \
  "ALTER TABLE competitors DROP COLUMN version;" \
  "ALTER TABLE tactics DROP COLUMN version;" \
  "ALTER TABLE tactic_log DROP COLUMN version;" \
  "ALTER TABLE customers DROP COLUMN version;" \
  "ALTER TABLE touches DROP COLUMN version;" \
  "ALTER TABLE orders DROP COLUMN version;"

/* What step 9 added: who did what, and the follow-up notices */
#define DROP_PEOPLE \
  "ALTER TABLE touches DROP COLUMN person;" \
  "ALTER TABLE orders DROP COLUMN person;" \
  "ALTER TABLE tactic_log DROP COLUMN person;" \
  "ALTER TABLE customers DROP COLUMN stage_person;" \
  "DROP TABLE follow_up_notices;"

/* A team database of version 5 gets the search indexes of step 6 (and
 * those of step 7) when it is opened, and keeps its rows. */
static void
test_upgrade_from_5 (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(TpDatabase) db = open_new (&uri);
  g_autoptr(TpDatabase) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *n_indexes = NULL;

  g_assert_true (tp_database_exec (db, "INSERT INTO customers (name, created_at, updated_at) "
                                       "VALUES ('Ada', 'x', 'x')", &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  tp_test_pg_admin (uri, "DROP INDEX customers_search_name, customers_search_email, "
                         "customers_search_phone, customers_search_notes;"
                         "DROP EXTENSION pg_trgm;"
                         "DROP INDEX customers_quiet, customers_quiet_eq, "
                         "customers_quiet_untouched, customers_quiet_untouched_eq;"
                         DROP_VERSIONS
                         DROP_PEOPLE
                         "UPDATE touchpoint_schema SET version = 5");

  again = tp_database_open (uri, &error);
  g_assert_no_error (error);
  version = tp_test_pg_query (uri, "SELECT version FROM touchpoint_schema");
  g_assert_cmpint (atoi (version), ==, TP_SCHEMA_VERSION);
  n_indexes = tp_test_pg_query (uri, "SELECT count(*) FROM pg_indexes WHERE indexname LIKE "
                                     "'customers\\_search\\_%' AND indexdef LIKE '%gin_trgm_ops%'");
  g_assert_cmpstr (n_indexes, ==, "4");
  g_assert_cmpint (query_int (again, "SELECT count(*) FROM customers WHERE name LIKE '%DA%'"), ==, 1);
}

/* A team database of version 8 gets who did what (step 9) when it is
 * opened: its rows keep no name, new ones record the server role, and a
 * follow-up's notice is claimed once per person and day. */
static void
test_upgrade_from_8 (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(TpDatabase) db = open_new (&uri);
  g_autoptr(TpDatabase) again = NULL;
  g_autoptr(TpDatabase) other = NULL;
  g_autoptr(TpStore) store = NULL;
  g_autoptr(TpStore) other_store = NULL;
  g_autoptr(TpTouch) touch = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) people = NULL;
  g_autofree char *version = NULL;
  g_autofree char *old_person = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *next_day = g_date_time_format (tomorrow, "%Y-%m-%d");
  gboolean claimed = FALSE;

  g_assert_true (tp_database_exec (db, "INSERT INTO customers (id, name, created_at, updated_at) "
                                       "VALUES (1, 'Ada', 'x', 'x');"
                                       "INSERT INTO touches (customer_id, happened_at, channel,"
                                       " created_at, updated_at)"
                                       " VALUES (1, '2026-01-01T00:00:00Z', 'call', 'x', 'x')",
                                   &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  tp_test_pg_admin (uri, DROP_PEOPLE "UPDATE touchpoint_schema SET version = 8");

  again = tp_database_open (uri, &error);
  g_assert_no_error (error);
  version = tp_test_pg_query (uri, "SELECT version FROM touchpoint_schema");
  g_assert_cmpint (atoi (version), ==, TP_SCHEMA_VERSION);
  old_person = tp_test_pg_query (uri, "SELECT person FROM touches");
  g_assert_cmpstr (old_person, ==, "");

  store = tp_store_new (again);
  people = tp_store_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (people), ==, 0);
  g_clear_pointer (&people, g_strfreev);

  /* The server role, unless a name is set */
  g_assert_cmpstr (tp_store_get_person (store), ==, tp_database_get_server_user (again));
  touch = tp_store_log_touch (store, 1, TP_CHANNEL_EMAIL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tp_touch_get_person (touch), ==, tp_database_get_server_user (again));
  g_clear_object (&touch);
  tp_store_set_person (store, "  Bea  ");
  touch = tp_store_log_touch (store, 1, TP_CHANNEL_EMAIL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tp_touch_get_person (touch), ==, "Bea");
  people = tp_store_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (people), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) people, "Bea"));

  /* Two windows of one person: one claims the notice; another person
   * claims their own */
  other = tp_database_open (uri, &error);
  g_assert_no_error (error);
  other_store = tp_store_new (other);
  tp_store_set_person (other_store, "Bea");
  g_assert_true (tp_store_claim_notice (store, "follow-up-1", today, &claimed, &error));
  g_assert_no_error (error);
  g_assert_true (claimed);
  g_assert_true (tp_store_claim_notice (other_store, "follow-up-1", today, &claimed,
                                        &error));
  g_assert_no_error (error);
  g_assert_false (claimed);
  g_assert_true (tp_store_claim_notice (other_store, "follow-up-1", next_day, &claimed,
                                        &error));
  g_assert_true (claimed);
  tp_store_set_person (other_store, NULL);
  g_assert_true (tp_store_claim_notice (other_store, "follow-up-1", today, &claimed,
                                        &error));
  g_assert_no_error (error);
  g_assert_true (claimed);
}

/* A team database of version 6 gets the follow-up queue's indexes of
 * step 7 when it is opened, sorting names as the queue does, and the
 * queue reads from them. */
static void
test_upgrade_from_6 (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(TpDatabase) db = open_new (&uri);
  g_autoptr(TpDatabase) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) queue = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 18, 12, 0, 0);
  const TpAnalyticsSettings settings = { 5, 12, 14, "EUR" };
  g_autofree char *version = NULL;
  g_autofree char *n_indexes = NULL;
  g_autofree char *definition = NULL;

  g_assert_true (tp_database_exec (db, "INSERT INTO customers (name, created_at, updated_at) "
                                       "VALUES ('bea', '2026-01-01T00:00:00Z', 'x'),"
                                       " ('Ada', '2026-01-01T00:00:00Z', 'x')", &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  tp_test_pg_admin (uri, "DROP INDEX customers_quiet, customers_quiet_eq, "
                         "customers_quiet_untouched, customers_quiet_untouched_eq;"
                         DROP_VERSIONS
                         DROP_PEOPLE
                         "UPDATE touchpoint_schema SET version = 6");

  again = tp_database_open (uri, &error);
  g_assert_no_error (error);
  version = tp_test_pg_query (uri, "SELECT version FROM touchpoint_schema");
  g_assert_cmpint (atoi (version), ==, TP_SCHEMA_VERSION);
  n_indexes = tp_test_pg_query (uri, "SELECT count(*) FROM pg_indexes WHERE indexname LIKE "
                                     "'customers\\_quiet%'");
  g_assert_cmpstr (n_indexes, ==, "4");
  definition = tp_test_pg_query (uri, "SELECT indexdef FROM pg_indexes WHERE indexname = "
                                      "'customers_quiet'");
  g_assert_nonnull (strstr (definition, "lower((name COLLATE \"C\"))"));
  g_assert_null (strstr (definition, "touch_count NULLS FIRST, id"));

  queue = tp_analytics_follow_ups (again, &settings, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 2);
  g_assert_cmpstr (g_array_index (queue, TpFollowUp, 0).name, ==, "Ada");
  g_assert_cmpstr (g_array_index (queue, TpFollowUp, 1).name, ==, "bea");
}

/* A team database of version 7 gets the rows' versions of step 8 when it
 * is opened: its rows start at 1, and a save over a version someone
 * else moved on is refused. */
static void
test_upgrade_from_7 (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(TpDatabase) db = open_new (&uri);
  g_autoptr(TpDatabase) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *n_columns = NULL;
  g_autofree char *definition = NULL;

  g_assert_true (tp_database_exec (db, "INSERT INTO customers (name, created_at, updated_at) "
                                       "VALUES ('Ada', '2026-01-01T00:00:00Z', 'x')", &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  tp_test_pg_admin (uri, DROP_PEOPLE DROP_VERSIONS "UPDATE touchpoint_schema SET version = 7");

  again = tp_database_open (uri, &error);
  g_assert_no_error (error);
  version = tp_test_pg_query (uri, "SELECT version FROM touchpoint_schema");
  g_assert_cmpint (atoi (version), ==, TP_SCHEMA_VERSION);
  n_columns = tp_test_pg_query (uri, "SELECT count(*) FROM information_schema.columns "
                                     "WHERE table_schema = current_schema () "
                                     "AND column_name = 'version' AND is_nullable = 'NO' "
                                     "AND column_default = '1'");
  g_assert_cmpstr (n_columns, ==, "10");
  g_assert_cmpint (query_int (again, "SELECT version FROM customers WHERE name = 'Ada'"), ==, 1);

  /* The same column as a new team database has, its range included */
  definition = tp_test_pg_query (uri, "SELECT count(*) FROM pg_constraint "
                                      "WHERE conrelid = 'customers'::regclass AND contype = 'c' "
                                      "AND pg_get_constraintdef (oid) LIKE '%version >= 1%'");
  g_assert_cmpstr (definition, ==, "1");
}

/* Another program's database is refused, and gets no table of ours. */
static void
test_foreign_refused (void)
{
  g_autofree char *uri = tp_test_pg_new_database ();
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *n_tables = NULL;

  tp_test_pg_admin (uri, "CREATE TABLE invoices (id integer PRIMARY KEY)");

  db = tp_database_open (uri, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NOT_DATABASE);
  n_tables = tp_test_pg_query (uri, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
  g_assert_cmpstr (n_tables, ==, "1");
}

/* The URI of @uri's database for @user (with @password) */
static char *
uri_for_user (const char *uri,
              const char *user,
              const char *password)
{
  const char *at = strchr (uri, '@');

  return g_strdup_printf ("postgresql://%s%s%s%s", user, password != NULL ? ":" : "",
                          password != NULL ? password : "", at);
}

/* A wrong password is named as such, and the password is never in the
 * message. */
static void
test_wrong_password (void)
{
  g_autofree char *uri = tp_test_pg_new_database ();
  g_autofree char *wrong = uri_for_user (uri, "tp_pw", "not-the-pw-42");
  g_autofree char *none = uri_for_user (uri, "tp_pw", NULL);
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = tp_database_open (wrong, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PASSWORD);
  g_assert_null (strstr (error->message, "not-the-pw-42"));
  g_assert_nonnull (strstr (error->message, "tp_pw@"));
  g_clear_error (&error);

  g_unsetenv ("PGPASSWORD");
  g_setenv ("PGPASSFILE", "/nonexistent", TRUE);
  db = tp_database_open (none, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PASSWORD);
}

/* A role that may not create tables gets a message that says so, and the
 * database stays empty: the schema is made in one transaction. */
static void
test_missing_privileges (void)
{
  g_autofree char *uri = tp_test_pg_new_database ();
  g_autofree char *user = uri_for_user (uri, "tp_pw", "tp-secret-pw");
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *n_objects = NULL;

  db = tp_database_open (user, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION);
  g_assert_null (strstr (error->message, "tp-secret-pw"));
  n_objects = tp_test_pg_query (uri, "SELECT count(*) FROM pg_class c JOIN pg_namespace n "
                                     "ON n.oid = c.relnamespace WHERE n.nspname = 'public'");
  g_assert_cmpstr (n_objects, ==, "0");
  g_clear_error (&error);

  /* Once the owner set it up, the same role works (with the GRANTs of
   * HACKING.md) */
  g_clear_object (&db);
  db = tp_database_open (uri, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  tp_test_pg_admin (uri, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
                         "TO tp_pw; GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public "
                         "TO tp_pw");
  db = tp_database_open (user, &error);
  g_assert_no_error (error);
  g_assert_true (tp_database_exec (db, "INSERT INTO competitors (name, created_at, updated_at) "
                                       "VALUES ('Rival', 'x', 'x')", &error));
  g_assert_no_error (error);
  /* … and put a row back under its id, as undo does */
  g_assert_true (tp_database_exec (db, "INSERT INTO competitors (id, name, created_at, "
                                       "updated_at) VALUES (40, 'Back', 'x', 'x')", &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  /* A role without those rights is told so, by name of the database */
  {
    g_autofree char *reader = uri_for_user (uri, "tp_reader", NULL);

    db = tp_database_open (reader, &error);
    g_assert_null (db);
    g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION);
    g_assert_nonnull (strstr (error->message, "postgresql://tp_reader@"));
  }
}

/* With TP_DATABASE_OPEN_NO_SETUP an empty database is reported as
 * such and stays empty; the owner's consent (a normal open) sets it up,
 * after which the flag changes nothing. */
static void
test_setup_asked (void)
{
  g_autofree char *uri = tp_test_pg_new_database ();
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *n_objects = NULL;
  g_autofree char *foreign = tp_test_pg_new_database ();

  db = tp_database_open_full (uri, TP_DATABASE_OPEN_NO_SETUP, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_EMPTY);
  g_clear_error (&error);
  n_objects = tp_test_pg_query (uri, "SELECT count(*) FROM pg_class c JOIN pg_namespace n "
                                     "ON n.oid = c.relnamespace WHERE n.nspname = 'public'");
  g_assert_cmpstr (n_objects, ==, "0");

  db = tp_database_open (uri, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  db = tp_database_open_full (uri, TP_DATABASE_OPEN_NO_SETUP, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (tp_database_can_write (db));

  /* Another program's database is not called empty */
  tp_test_pg_admin (foreign, "CREATE TABLE invoices (id integer PRIMARY KEY)");
  g_clear_object (&db);
  db = tp_database_open_full (foreign, TP_DATABASE_OPEN_NO_SETUP, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NOT_DATABASE);
}

/* A password given through tp_database_set_server_password() opens the
 * database for every connection to that URI (a worker's too), and is
 * never part of its path or name. */
static void
test_password_kept (void)
{
  g_autofree char *uri = tp_test_pg_new_database ();
  g_autofree char *user = uri_for_user (uri, "tp_pw", NULL);
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(TpDatabase) worker = NULL;
  g_autoptr(GError) error = NULL;

  g_unsetenv ("PGPASSWORD");
  g_setenv ("PGPASSFILE", "/nonexistent", TRUE);
  /* the owner sets it up and lets tp_pw in */
  db = tp_database_open (uri, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  tp_test_pg_admin (uri, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
                         "TO tp_pw; GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public "
                         "TO tp_pw");

  tp_database_set_server_password (user, "not-the-pw-42");
  db = tp_database_open (user, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PASSWORD);
  g_assert_null (strstr (error->message, "not-the-pw-42"));
  g_clear_error (&error);

  tp_database_set_server_password (user, "tp-secret-pw");
  db = tp_database_open (user, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (tp_database_get_path (db), "tp-secret-pw"));
  g_assert_null (strstr (tp_database_get_display_name (db), "tp-secret-pw"));
  worker = tp_database_open_full (tp_database_get_path (db), TP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (tp_database_can_write (worker));
  g_assert_true (tp_database_can_write (db));
  g_clear_object (&worker);
  g_clear_object (&db);

  tp_database_set_server_password (user, NULL);
  db = tp_database_open (user, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PASSWORD);
}

/* The roles of HACKING.md: the owner sets the database up, staff may
 * change rows but not the schema, a reader may only read and the
 * connection says so. */
static void
test_roles (void)
{
  g_autofree char *uri = tp_test_pg_new_database ();
  g_autofree char *staff = uri_for_user (uri, "tp_pw", "tp-secret-pw");
  g_autofree char *reader = uri_for_user (uri, "tp_reader", NULL);
  g_autofree char *dbname = g_strdup (strrchr (uri, '/') + 1);
  g_autofree char *grants = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = tp_database_open (uri, &error);
  g_assert_no_error (error);
  g_assert_true (tp_database_can_write (db));
  g_clear_object (&db);

  /* exactly the GRANTs of HACKING.md */
  grants = g_strdup_printf ("GRANT CONNECT ON DATABASE %s TO tp_pw;"
                            "GRANT USAGE ON SCHEMA public TO tp_pw;"
                            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tp_pw;"
                            "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO tp_pw;"
                            "GRANT CONNECT ON DATABASE %s TO tp_reader;"
                            "GRANT USAGE ON SCHEMA public TO tp_reader;"
                            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO tp_reader;",
                            dbname, dbname);
  tp_test_pg_admin (uri, grants);

  db = tp_database_open (staff, &error);
  g_assert_no_error (error);
  g_assert_true (tp_database_can_write (db));
  g_assert_true (tp_database_exec (db, "INSERT INTO competitors (name, created_at, updated_at) "
                                       "VALUES ('Rival', 'x', 'x')", &error));
  g_assert_no_error (error);
  g_assert_false (tp_database_exec (db, "CREATE TABLE extra (id integer)", &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (tp_database_exec (db, "ALTER TABLE competitors ADD COLUMN extra text", &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_object (&db);

  db = tp_database_open (reader, &error);
  g_assert_no_error (error);
  g_assert_false (tp_database_can_write (db));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM competitors"), ==, 1);
  g_assert_false (tp_database_exec (db, "DELETE FROM competitors", &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION);
}

/* A server that is not there is named, quickly, without a crash. */
static void
test_unreachable (void)
{
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = tp_database_open ("postgresql://someone:hunter2@%2Fnonexistent%2Fsocket/shop", &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "postgresql://someone@/nonexistent/socket/shop"));
  g_assert_null (strstr (error->message, "hunter2"));
  g_clear_error (&error);

  db = tp_database_open ("postgresql://[broken", &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
}

/* The lists' orders come from the indexes, as in SQLite: the latest
 * touches, a customer's timeline and the customer list by name or last
 * touch are read in order, never sorted whole (on 1,000,000 touches a
 * sort of the latest ones took 400 ms a logged touch). With sorting made
 * as dear as the planner allows, a plan that still sorts had no index to
 * walk. */
static void
test_lists_from_indexes (void)
{
  static const char * const queries[] = {
    "SELECT id FROM touches WHERE done = 1 ORDER BY happened_at DESC, id DESC LIMIT 50",
    "SELECT id FROM touches WHERE customer_id = 7 ORDER BY happened_at DESC, id DESC",
    "SELECT id FROM orders WHERE customer_id = 7 ORDER BY ordered_at DESC, id DESC",
    "SELECT c.id FROM customers c WHERE 1 = 1 ORDER BY c.name COLLATE NOCASE ASC, c.id ASC",
    "SELECT c.id FROM customers c WHERE 1 = 1 ORDER BY c.name COLLATE NOCASE DESC, c.id DESC",
    "SELECT c.id FROM customers c WHERE 1 = 1 ORDER BY c.last_touch_at DESC, c.id DESC",
    "SELECT c.id FROM customers c WHERE 1 = 1 ORDER BY c.touch_count ASC, c.id ASC",
    /* A backup's export reads each table by id */
    "SELECT id, customer_id, happened_at FROM touches ORDER BY id",
  };
  g_autofree char *uri = NULL;
  g_autoptr(TpDatabase) db = open_new (&uri);

  /* the schema, made by Touchpoint */
  g_assert_nonnull (db);
  tp_test_pg_admin (uri,
                    "INSERT INTO customers (name, created_at, updated_at) "
                    "SELECT 'Customer ' || g, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' "
                    "FROM generate_series (1, 200) g;"
                    "INSERT INTO touches (customer_id, happened_at, channel, done, created_at, "
                    "updated_at) SELECT 1 + g % 200, '2026-02-01T00:00:00Z', 'call', g % 2, "
                    "'2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z' "
                    "FROM generate_series (1, 2000) g;"
                    "ANALYZE");

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *pg = _tp_pg_translate_sql (queries[i], NULL);
      g_autofree char *sql = g_strdup_printf ("SET enable_sort = off; "
                                              "EXPLAIN (FORMAT JSON) %s", pg);
      g_autofree char *plan = tp_test_pg_query (uri, sql);

      if (strstr (plan, "\"Node Type\": \"Sort\"") != NULL)
        g_error ("%s sorts: %s", pg, plan);
    }

  /* Walked backwards, the name index gives SQLite's order: ASCII
   * letters folded, then the bytes, then the id */
  tp_test_pg_admin (uri, "DELETE FROM touches; DELETE FROM customers;"
                         "INSERT INTO customers (id, name, created_at, updated_at) VALUES "
                         "(1, 'b', 'x', 'x'), (2, 'B', 'x', 'x'), (3, 'a', 'x', 'x'), "
                         "(4, '_', 'x', 'x'), (5, 'ä', 'x', 'x')");
  {
    g_autofree char *pg = _tp_pg_translate_sql ("SELECT c.name FROM customers c "
                                                "ORDER BY c.name COLLATE NOCASE DESC, c.id DESC",
                                                NULL);
    g_autofree char *sql = g_strdup_printf ("SET enable_sort = off; SET enable_seqscan = off; "
                                            "SELECT string_agg (name, ',') FROM (%s) q", pg);
    g_autofree char *names = tp_test_pg_query (uri, sql);

    g_assert_cmpstr (names, ==, "ä,B,b,a,_");
  }
}

/* A whole business loaded at once (a restore, a copy) is analysed before
 * it is worked on: the planner knows the tables' sizes at once, not when
 * the server's autovacuum comes by, and the Results tables worked out
 * after the load are planned for the rows there are. */
static void
test_load_analysed (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(TpDatabase) db = open_new (&uri);
  g_autoptr(GError) error = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *days = NULL;

  g_assert_true (tp_database_begin_load (db, &error));
  g_assert_no_error (error);
  g_assert_true (tp_database_exec (db, "INSERT INTO customers (id, name, created_at, updated_at) "
                                       "SELECT g, 'C' || g, 'x', 'x' "
                                       "FROM generate_series (1, 300) g", &error));
  g_assert_no_error (error);
  g_assert_true (tp_database_end_load (db, &error));
  g_assert_no_error (error);
  g_assert_true (tp_database_exec (db, _tp_migrations_results_rebuild (), &error));
  g_assert_no_error (error);
  g_assert_true (tp_database_commit (db, &error));
  g_assert_no_error (error);

  customers = tp_test_pg_query (uri, "SELECT reltuples::bigint FROM pg_class "
                                     "WHERE relname = 'customers'");
  days = tp_test_pg_query (uri, "SELECT reltuples::bigint FROM pg_class "
                                "WHERE relname = 'results_days'");
  g_assert_cmpstr (customers, ==, "300");
  /* -1: never analysed */
  g_assert_cmpstr (days, ==, "0");
}

/* In a load the rows may come in any order: the foreign keys and the
 * indexes that refuse nothing are made again at its end, each in one
 * pass. A reference to a missing row is refused there, and rolling
 * back leaves the keys, the indexes and the rows as they were. */
static void
test_load_keys_at_end (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(TpDatabase) db = open_new (&uri);
  g_autoptr(GError) error = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *indexes = NULL;
  g_autofree char *keys_after = NULL;
  g_autofree char *indexes_after = NULL;
  const char *count_keys = "SELECT count(*) FROM pg_constraint WHERE contype = 'f'";
  const char *count_indexes = "SELECT count(*) || string_agg (indexdef, ';' ORDER BY indexname) "
                              "FROM pg_indexes WHERE schemaname = 'public'";

  keys = tp_test_pg_query (uri, count_keys);
  indexes = tp_test_pg_query (uri, count_indexes);
  g_assert_cmpint (atoi (keys), >, 5);

  /* The touch before its customer */
  g_assert_true (tp_database_begin_load (db, &error));
  g_assert_no_error (error);
  g_assert_true (tp_database_exec (db, "INSERT INTO touches (id, customer_id, happened_at, channel, "
                                       "created_at, updated_at) VALUES (4, 1, "
                                       "'2026-03-01T10:00:00Z', 'call', 'x', 'x')", &error));
  g_assert_no_error (error);
  g_assert_true (tp_database_exec (db, "INSERT INTO customers (id, name, touch_count, created_at, "
                                       "updated_at) VALUES (1, 'Ada', 1, 'x', 'x')", &error));
  g_assert_no_error (error);
  g_assert_true (tp_database_end_load (db, &error));
  g_assert_no_error (error);
  g_assert_true (tp_database_commit (db, &error));
  g_assert_no_error (error);

  keys_after = tp_test_pg_query (uri, count_keys);
  indexes_after = tp_test_pg_query (uri, count_indexes);
  g_assert_cmpstr (keys_after, ==, keys);
  g_assert_cmpstr (indexes_after, ==, indexes);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches"), ==, 1);

  /* A touch of a customer that is not there */
  g_assert_true (tp_database_begin_load (db, &error));
  g_assert_no_error (error);
  g_assert_true (tp_database_exec (db, "INSERT INTO touches (id, customer_id, happened_at, channel, "
                                       "created_at, updated_at) VALUES (5, 99, "
                                       "'2026-03-01T10:00:00Z', 'call', 'x', 'x')", &error));
  g_assert_no_error (error);
  g_assert_false (tp_database_end_load (db, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONSTRAINT);
  tp_database_rollback (db);

  g_clear_pointer (&keys_after, g_free);
  g_clear_pointer (&indexes_after, g_free);
  keys_after = tp_test_pg_query (uri, count_keys);
  indexes_after = tp_test_pg_query (uri, count_indexes);
  g_assert_cmpstr (keys_after, ==, keys);
  g_assert_cmpstr (indexes_after, ==, indexes);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches"), ==, 1);

  /* And the next load finds them all again */
  g_clear_error (&error);
  g_assert_true (tp_database_begin_load (db, &error));
  g_assert_no_error (error);
  g_assert_true (tp_database_end_load (db, &error));
  g_assert_no_error (error);
  g_assert_true (tp_database_commit (db, &error));
  g_assert_no_error (error);
  g_clear_pointer (&indexes_after, g_free);
  indexes_after = tp_test_pg_query (uri, count_indexes);
  g_assert_cmpstr (indexes_after, ==, indexes);
}

/* Inside a load, the rows of a multi-row insert go to the server as
 * COPY's text: every character of a text arrives as it was (tabs, line
 * ends, backslashes, "\N"; NULL as NULL), and a refused
 * row refuses its statement alone, as an INSERT's would, with the load
 * going on. */
static void
test_load_copy (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(TpDatabase) db = open_new (&uri);
  g_autoptr(GError) error = NULL;
  const char *insert = "INSERT INTO \"customers\" (\"id\", \"name\", \"notes\", \"audience_id\", "
                       "\"created_at\", \"updated_at\") VALUES (?1, ?2, ?3, ?4, ?5, ?6), "
                       "(?7, ?8, ?9, ?10, ?11, ?12)";
  const char *names[] = { "Tab\there", "Line\nend\r\n", "Back\\slash \\N \\t", "Zoë 🙂 \"q\" 'a'" };
  const char *notes[] = { "", "\\N", "\\", "x\ty\nz" };
  TpStatement *stmt;

  g_assert_true (tp_database_begin_load (db, &error));
  g_assert_no_error (error);
  for (guint batch = 0; batch < 2; batch++)
    {
      stmt = tp_database_prepare (db, insert, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < 2; k++)
        {
          guint row = batch * 2 + k;
          int p = (int) k * 6;

          tp_statement_bind_int64 (stmt, p + 1, row + 1);
          tp_statement_bind_text (stmt, p + 2, names[row]);
          tp_statement_bind_text (stmt, p + 3, notes[row]);
          tp_statement_bind_null (stmt, p + 4);
          tp_statement_bind_text (stmt, p + 5, "2026-03-01T10:00:00Z");
          tp_statement_bind_text (stmt, p + 6, "2026-03-01T10:00:00Z");
        }
      g_assert_false (tp_statement_step (stmt, &error));
      g_assert_no_error (error);
      g_assert_cmpint (tp_database_changes (db), ==, 2);
      tp_statement_reset (stmt);
    }

  /* Id 4 again in the second row: neither row goes in, the load goes on */
  stmt = tp_database_prepare (db, insert, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < 2; k++)
    {
      int p = (int) k * 6;

      tp_statement_bind_int64 (stmt, p + 1, k == 0 ? 5 : 4);
      tp_statement_bind_text (stmt, p + 2, "Again");
      tp_statement_bind_text (stmt, p + 3, "");
      tp_statement_bind_null (stmt, p + 4);
      tp_statement_bind_text (stmt, p + 5, "2026-03-01T10:00:00Z");
      tp_statement_bind_text (stmt, p + 6, "2026-03-01T10:00:00Z");
    }
  g_assert_false (tp_statement_step (stmt, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  tp_statement_reset (stmt);

  /* An insert that leaves the id to the server is not a COPY: the one who
   * inserts (a generated sample) reads the new row's id */
  stmt = tp_database_prepare (db, "INSERT INTO audiences (name, created_at, updated_at)"
                                  " VALUES (?1, ?2, ?3)", &error);
  g_assert_no_error (error);
  tp_statement_bind_text (stmt, 1, "Server's id");
  tp_statement_bind_text (stmt, 2, "2026-03-01T10:00:00Z");
  tp_statement_bind_text (stmt, 3, "2026-03-01T10:00:00Z");
  g_assert_false (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  tp_statement_reset (stmt);
  {
    gint64 id = tp_database_last_insert_id (db);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audiences"
                                            " WHERE id = %" G_GINT64_FORMAT
                                            " AND name = 'Server''s id'", id);

    g_assert_cmpint (id, >, 0);
    g_assert_cmpint (query_int (db, sql), ==, 1);
  }

  g_assert_true (tp_database_end_load (db, &error));
  g_assert_no_error (error);
  g_assert_true (tp_database_commit (db, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers WHERE audience_id IS NULL"), ==, 4);
  stmt = tp_database_prepare (db, "SELECT name, notes FROM customers ORDER BY id", &error);
  g_assert_no_error (error);
  for (guint row = 0; row < 4; row++)
    {
      g_assert_true (tp_statement_step (stmt, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (tp_statement_get_text (stmt, 0), ==, names[row]);
      g_assert_cmpstr (tp_statement_get_text (stmt, 1), ==, notes[row]);
    }
  g_assert_false (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  tp_statement_reset (stmt);
}

/* SQLite's SQL as the server reads it; text in quotes is never touched. */
static void
test_translate (void)
{
  static const struct { const char *sqlite; const char *pg; guint n; } cases[] = {
    { "SELECT ?1, ?, ?3, ?", "SELECT $1, $2, $3, $4", 4 },
    { "SELECT '?1 IS NOT x', \"LIKE\" FROM t WHERE a LIKE ?2 ESCAPE '\\'",
      "SELECT '?1 IS NOT x', \"LIKE\" FROM t WHERE a ILIKE $2 ESCAPE '\\'", 2 },
    { "WHERE a IS NOT b AND c IS d AND e IS NULL AND f IS NOT NULL",
      "WHERE a IS DISTINCT FROM b AND c IS NOT DISTINCT FROM d AND e IS NULL AND f IS NOT NULL", 0 },
    { "SELECT id FROM c NOT INDEXED ORDER BY name COLLATE NOCASE DESC, id LIMIT 5",
      "SELECT id FROM c ORDER BY lower(name COLLATE \"C\") COLLATE \"C\" DESC NULLS LAST, "
      "id LIMIT 5", 0 },
    /* A sort by NOCASE is SQLite's; a comparison keeps the collation. */
    { "SELECT id FROM c WHERE email = ?1 COLLATE NOCASE "
      "ORDER BY (SELECT a.name FROM a WHERE a.id = c.a) COLLATE NOCASE, c.id",
      "SELECT id FROM c WHERE email = $1 COLLATE tp_nocase "
      "ORDER BY lower((SELECT a.name FROM a WHERE a.id = c.a) COLLATE \"C\") COLLATE \"C\" "
      "NULLS FIRST, c.id", 1 },
    { "SELECT * FROM a CROSS JOIN b ON b.x = a.id ORDER BY f (x, y) NULLS LAST",
      "SELECT * FROM a JOIN b ON b.x = a.id ORDER BY f (x, y) NULLS LAST", 0 },
    { "SELECT (SELECT x FROM t ORDER BY y) FROM u",
      "SELECT (SELECT x FROM t ORDER BY y NULLS FIRST) FROM u", 0 },
    /* An id is never NULL: the primary key's index serves its order */
    { "SELECT id FROM t ORDER BY id",  "SELECT id FROM t ORDER BY id", 0 },
    { "SELECT id FROM t ORDER BY t.id DESC, valid, idx LIMIT 1",
      "SELECT id FROM t ORDER BY t.id DESC, valid NULLS FIRST, idx NULLS FIRST LIMIT 1", 0 },
    /* SQLite's search index has no table on the server: the trigram
     * indexes serve the LIKE beside it */
    { "SELECT c.id FROM customers c NOT INDEXED WHERE c.id IN (SELECT rowid FROM "
      "customers_search WHERE customers_search MATCH ?6) AND (c.name LIKE ?1 ESCAPE '\\')",
      "SELECT c.id FROM customers c WHERE c.id IS NOT NULL AND (c.name ILIKE $1 ESCAPE '\\')", 1 },
    { "SELECT id FROM t WHERE id IN (SELECT rowid FROM other WHERE other MATCH ?1)",
      "SELECT id FROM t WHERE id IN (SELECT ctid FROM other WHERE other MATCH $1)", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint n = 99;
      g_autofree char *pg = _tp_pg_translate_sql (cases[i].sqlite, &n);

      g_assert_cmpstr (pg, ==, cases[i].pg);
      g_assert_cmpuint (n, ==, cases[i].n);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/touchpoint/database-pg/translate", test_translate);
  g_test_add_func ("/touchpoint/database-pg/schema-created", test_schema_created);
  g_test_add_func ("/touchpoint/database-pg/statements", test_statements);
  g_test_add_func ("/touchpoint/database-pg/transactions", test_transactions);
  g_test_add_func ("/touchpoint/database-pg/newer-refused", test_newer_refused);
  g_test_add_func ("/touchpoint/database-pg/upgrade-from-5", test_upgrade_from_5);
  g_test_add_func ("/touchpoint/database-pg/upgrade-from-6", test_upgrade_from_6);
  g_test_add_func ("/touchpoint/database-pg/upgrade-from-7", test_upgrade_from_7);
  g_test_add_func ("/touchpoint/database-pg/upgrade-from-8", test_upgrade_from_8);
  g_test_add_func ("/touchpoint/database-pg/foreign-refused", test_foreign_refused);
  g_test_add_func ("/touchpoint/database-pg/wrong-password", test_wrong_password);
  g_test_add_func ("/touchpoint/database-pg/missing-privileges", test_missing_privileges);
  g_test_add_func ("/touchpoint/database-pg/unreachable", test_unreachable);
  g_test_add_func ("/touchpoint/database-pg/setup-asked", test_setup_asked);
  g_test_add_func ("/touchpoint/database-pg/password-kept", test_password_kept);
  g_test_add_func ("/touchpoint/database-pg/roles", test_roles);
  g_test_add_func ("/touchpoint/database-pg/lists-from-indexes", test_lists_from_indexes);
  g_test_add_func ("/touchpoint/database-pg/load-analysed", test_load_analysed);
  g_test_add_func ("/touchpoint/database-pg/load-keys-at-end", test_load_keys_at_end);
  g_test_add_func ("/touchpoint/database-pg/load-copy", test_load_copy);

  return g_test_run ();
}
