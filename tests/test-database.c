/* test-database.c
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

#define G_LOG_DOMAIN "test-database"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tp-analytics.h"
#include "tp-database.h"
#include "tp-migrations-private.h"
#include "tp-worksheet.h"

/* A temporary folder for one test, removed with everything in it. */
typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tp-database-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return g_strdup ("(unreadable)");

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
}

static gint64
query_int (TpDatabase *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt;
  gint64 value;

  stmt = tp_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  value = tp_statement_get_int64 (stmt, 0);
  tp_statement_reset (stmt);

  return value;
}

/* Writes a small valid database, closes it and returns its path. */
static char *
make_database (Fixture    *f,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (tp_database_exec (db,
                                   "INSERT INTO customers (name, created_at, updated_at) "
                                   "VALUES ('Ada', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                                   "INSERT INTO customers (name, created_at, updated_at) "
                                   "VALUES ('Grace', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                                   "PRAGMA wal_checkpoint(TRUNCATE);",
                                   &error));
  g_assert_no_error (error);

  return path;
}

static void
test_open_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;

  db = tp_database_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpstr (tp_database_get_path (db), ==, ":memory:");
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, TP_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'customers'"),
                   ==, 1);
}

static void
test_open_new_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *path = g_build_filename (f->dir, "new.db", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  TpStatement *stmt;

  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, TP_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  /* synchronous=FULL is 2: every commit is on the disk (test-power-loss) */
  g_assert_cmpint (query_int (db, "PRAGMA synchronous"), ==, 2);

  stmt = tp_database_prepare (db, "PRAGMA journal_mode", &error);
  g_assert_no_error (error);
  g_assert_true (tp_statement_step (stmt, &error));
  g_assert_cmpstr (tp_statement_get_text (stmt, 0), ==, "wal");
  tp_statement_reset (stmt);

  /* No temporary file is left beside it. */
  dir = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (name, "new.db"));
}

static void
test_reopen_keeps_data (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *path = make_database (f, "keep.db");

  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers"), ==, 2);
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "x.db", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "no-such-folder", NULL);

  db = tp_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, path));
  /* The folder is not made behind the user's back. */
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
test_statements (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  TpStatement *stmt;
  TpStatement *again;
  const char *insert =
    "INSERT INTO brand_words (word, position, created_at, updated_at) VALUES (?, ?, ?, ?)";
  const char *tricky = "Robert'); DROP TABLE brand_words;-- \"ü\" 🐕";

  db = tp_database_open (":memory:", &error);
  g_assert_no_error (error);

  stmt = tp_database_prepare (db, insert, &error);
  g_assert_no_error (error);
  tp_statement_bind_text (stmt, 1, tricky);
  tp_statement_bind_int64 (stmt, 2, 7);
  tp_statement_bind_text (stmt, 3, "2026-01-01T00:00:00Z");
  tp_statement_bind_text (stmt, 4, "2026-01-01T00:00:00Z");
  g_assert_false (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  tp_statement_reset (stmt);
  g_assert_cmpint (tp_database_last_insert_id (db), ==, 1);
  g_assert_cmpint (tp_database_changes (db), ==, 1);

  /* The same SQL gives the cached statement, reset and unbound: running it
   * without bindings breaks the NOT NULL rule. */
  again = tp_database_prepare (db, insert, &error);
  g_assert_no_error (error);
  g_assert_true (again == stmt);
  g_assert_false (tp_statement_step (again, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONSTRAINT);
  tp_statement_reset (again);
  g_clear_error (&error);

  stmt = tp_database_prepare (db, "SELECT word, position, NULL FROM brand_words", &error);
  g_assert_no_error (error);
  g_assert_true (tp_statement_step (stmt, &error));
  g_assert_cmpstr (tp_statement_get_text (stmt, 0), ==, tricky);
  g_assert_cmpint (tp_statement_get_int64 (stmt, 1), ==, 7);
  g_assert_true (tp_statement_is_null (stmt, 2));
  g_assert_false (tp_statement_is_null (stmt, 1));
  g_assert_cmpint (tp_statement_get_n_columns (stmt), ==, 3);
  g_assert_cmpstr (tp_statement_get_column_name (stmt, 0), ==, "word");
  g_assert_false (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  tp_statement_reset (stmt);

  /* A syntax error is reported, not crashed on. */
  g_assert_null (tp_database_prepare (db, "SELEC nothing", &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FAILED);
}

static void
test_values_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  TpStatement *stmt;
  const guint8 blob[] = { 0, 1, 2, 0xff };
  GVariant *values[5] = { NULL, };

  db = tp_database_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_true (tp_database_exec (db, "CREATE TEMP TABLE t (a, b, c, d, e)", &error));

  values[0] = g_variant_ref_sink (g_variant_new_int64 (G_MININT64));
  values[1] = g_variant_ref_sink (g_variant_new_double (0.25));
  values[2] = g_variant_ref_sink (g_variant_new_string ("“quoted” 'x'"));
  values[3] = g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, blob,
                                                            sizeof blob, 1));
  values[4] = NULL;

  stmt = tp_database_prepare (db, "INSERT INTO t VALUES (?, ?, ?, ?, ?)", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 5; i++)
    tp_statement_bind_value (stmt, i + 1, values[i]);
  g_assert_false (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  tp_statement_reset (stmt);

  stmt = tp_database_prepare (db, "SELECT a, b, c, d, e FROM t", &error);
  g_assert_no_error (error);
  g_assert_true (tp_statement_step (stmt, &error));
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(GVariant) v = tp_statement_dup_value (stmt, i);

      g_assert_true (g_variant_equal (v, values[i]));
    }
  g_assert_null (tp_statement_dup_value (stmt, 4));
  g_assert_cmpfloat (tp_statement_get_double (stmt, 1), ==, 0.25);
  tp_statement_reset (stmt);

  for (int i = 0; i < 4; i++)
    g_variant_unref (values[i]);
}

static gint64
count_words (TpDatabase *db)
{
  return query_int (db, "SELECT count(*) FROM brand_words");
}

static void
add_word (TpDatabase *db,
          const char *word)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt;

  stmt = tp_database_prepare (db,
                              "INSERT INTO brand_words (word, created_at, updated_at) "
                              "VALUES (?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                              &error);
  g_assert_no_error (error);
  tp_statement_bind_text (stmt, 1, word);
  g_assert_false (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  tp_statement_reset (stmt);
}

static void
transaction_ended_cb (TpDatabase *db,
                      guint       depth,
                      gboolean    committed,
                      GString    *log)
{
  g_string_append_printf (log, "%u%c ", depth, committed ? 'c' : 'r');
}

static void
test_nested_transactions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GString) log = g_string_new (NULL);

  db = tp_database_open (":memory:", &error);
  g_assert_no_error (error);
  g_signal_connect (db, "transaction-ended", G_CALLBACK (transaction_ended_cb), log);

  g_assert_true (tp_database_begin (db, &error));
  add_word (db, "bold");
  g_assert_cmpuint (tp_database_get_depth (db), ==, 1);

  /* An inner level that fails undoes only itself. */
  g_assert_true (tp_database_begin (db, &error));
  g_assert_cmpuint (tp_database_get_depth (db), ==, 2);
  add_word (db, "playful");
  g_assert_cmpint (count_words (db), ==, 2);
  tp_database_rollback (db);
  g_assert_cmpint (count_words (db), ==, 1);

  /* An inner level that succeeds is kept by the outer one. */
  g_assert_true (tp_database_begin (db, &error));
  add_word (db, "warm");
  g_assert_true (tp_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_true (tp_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tp_database_get_depth (db), ==, 0);
  g_assert_cmpint (count_words (db), ==, 2);

  /* Rolling back the outer level undoes a released inner one too. */
  g_assert_true (tp_database_begin (db, &error));
  g_assert_true (tp_database_begin (db, &error));
  add_word (db, "quiet");
  g_assert_true (tp_database_commit (db, &error));
  tp_database_rollback (db);
  g_assert_cmpint (count_words (db), ==, 2);

  g_assert_cmpstr (log->str, ==, "2r 2c 1c 2c 1r ");
}

static void
test_newer_version_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *path = make_database (f, "newer.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *newer = g_strdup_printf ("%d", TP_SCHEMA_VERSION + 1);
  g_autofree char *wal = NULL;
  sqlite3 *raw = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d;"
                                          "PRAGMA journal_mode = DELETE;",
                                          TP_SCHEMA_VERSION + 1);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  before = file_checksum (path);
  db = tp_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, newer));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  /* Still in rollback-journal mode: nothing switched it to WAL. */
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
assert_refused_unchanged (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;

  db = tp_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_damaged_random (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "random.db", NULL);
  g_autofree guint8 *bytes = g_malloc (8192);

  for (int i = 0; i < 8192; i++)
    bytes[i] = g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, (const char *)bytes, 8192, NULL));

  assert_refused_unchanged (path, TP_DATABASE_ERROR_NOT_DATABASE);
}

static void
test_damaged_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "notes.txt", NULL);

  g_assert_true (g_file_set_contents (path, "Buy more biscuits\n", -1, NULL));
  assert_refused_unchanged (path, TP_DATABASE_ERROR_NOT_DATABASE);
}

static void
test_damaged_truncated (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = make_database (f, "truncated.db");
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096 * 3);
  g_assert_true (g_file_set_contents (path, contents, len / 2, NULL));

  assert_refused_unchanged (path, TP_DATABASE_ERROR_NOT_DATABASE);
}

static void
test_damaged_pages (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = make_database (f, "scribbled.db");
  g_autofree char *contents = NULL;
  gsize len;

  /* The header survives but the schema page is overwritten. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  memset (contents + 100, 0xa5, 4096 - 100);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));

  assert_refused_unchanged (path, TP_DATABASE_ERROR_NOT_DATABASE);
}

static void
test_damaged_empty (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "empty.db", NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_refused_unchanged (path, TP_DATABASE_ERROR_NOT_DATABASE);
}

static void
test_damaged_directory (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *path = g_build_filename (f->dir, "folder.db", NULL);
  g_autofree char *inside = g_build_filename (path, "keep", NULL);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", -1, NULL));

  db = tp_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
}

static void
test_foreign_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "other-app.db", NULL);
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT);"
                                      "INSERT INTO recipes (title) VALUES ('Bread');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  assert_refused_unchanged (path, TP_DATABASE_ERROR_NOT_DATABASE);
}

/* Opens @path as user nobody in a child process, so that a file mode
 * means what it says even when the tests run as root. Returns the error
 * code, or -1 if the open succeeded. */
static int
open_as_other_user (const char *path)
{
  pid_t pid;
  int status;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TpDatabase) db = NULL;

      if (getuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (100);

      db = tp_database_open (path, &error);
      if (db != NULL)
        _exit (101);
      if (error->domain != TP_DATABASE_ERROR || strstr (error->message, path) == NULL)
        _exit (102);
      _exit (error->code);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) == 101)
    return -1;
  g_assert_cmpint (WEXITSTATUS (status), <, 100);

  return WEXITSTATUS (status);
}

static void
test_unreadable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = make_database (f, "private.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* The folder must be enterable by the other user; the file must not be
   * readable. */
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0000), ==, 0);

  before = file_checksum (path);
  g_assert_cmpint (open_as_other_user (path), ==, TP_DATABASE_ERROR_PERMISSION);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* Readable but not writable: refused as well, not half-opened. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (open_as_other_user (path), ==, TP_DATABASE_ERROR_PERMISSION);
  g_free (after);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_parent_is_a_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *file = g_build_filename (f->dir, "plain-file", NULL);
  g_autofree char *path = g_build_filename (file, "touchpoint.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (file, "not a folder", -1, NULL));
  before = file_checksum (file);

  db = tp_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, path));
  after = file_checksum (file);
  g_assert_cmpstr (before, ==, after);
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) holder = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *path = make_database (f, "busy.db");

  holder = tp_database_open (path, &error);
  g_assert_no_error (error);
  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  tp_database_set_busy_timeout (db, 50);

  /* Another writer holds the write lock. */
  g_assert_true (tp_database_begin (holder, &error));
  add_word (holder, "held");

  g_assert_false (tp_database_begin (db, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_cmpuint (tp_database_get_depth (db), ==, 0);

  /* Readers still see the last committed state meanwhile. */
  g_assert_cmpint (count_words (db), ==, 0);

  g_assert_true (tp_database_commit (holder, &error));
  g_assert_no_error (error);

  /* Once it is done, the write goes through and nothing was damaged. */
  g_assert_true (tp_database_begin (db, &error));
  add_word (db, "after");
  g_assert_true (tp_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_words (db), ==, 2);
  g_assert_true (tp_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *path = make_database (f, "full.db");
  g_autofree char *big = NULL;
  g_autofree char *sql = NULL;
  gint64 pages;
  TpStatement *stmt;

  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  add_word (db, "before");

  pages = query_int (db, "PRAGMA page_count");
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 2);
  g_assert_true (tp_database_exec (db, sql, &error));

  big = g_strnfill (64 * 1024, 'x');
  g_assert_true (tp_database_begin (db, &error));
  add_word (db, "inside");
  stmt = tp_database_prepare (db,
                              "INSERT INTO customers (name, notes, created_at, updated_at) "
                              "VALUES ('Big', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                              &error);
  g_assert_no_error (error);
  tp_statement_bind_text (stmt, 1, big);
  g_assert_false (tp_statement_step (stmt, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, path));
  tp_statement_reset (stmt);
  g_clear_error (&error);
  tp_database_rollback (db);
  g_assert_cmpuint (tp_database_get_depth (db), ==, 0);

  /* Everything before is intact; the failed transaction left nothing. */
  g_assert_cmpint (count_words (db), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers"), ==, 2);
  g_assert_true (tp_database_check_integrity (db, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_words (db), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers"), ==, 2);
}

static void
test_migration_from_empty (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v0.db", NULL);
  sqlite3 *raw = NULL;

  /* A version-0 SQLite file with no tables (as a failed first run of an
   * older build could leave) is brought up to date. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA page_size = 4096; VACUUM;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (raw);

  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, TP_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'orders'"),
                   ==, 1);
}

/* Checksums of a database file and of each file SQLite keeps beside it
 * ("-" for one that does not exist). */
static char *
files_checksum_full (const char *path,
                     gboolean    with_shm)
{
  const char *suffixes[] = { "", "-wal", "-journal", "-shm" };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes) - (with_shm ? 0 : 1); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (name, G_FILE_TEST_EXISTS))
        {
          g_autofree char *sum = file_checksum (name);

          g_string_append_printf (text, "%s=%s ", suffixes[i], sum);
        }
      else
        g_string_append_printf (text, "%s=- ", suffixes[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
files_checksum (const char *path)
{
  return files_checksum_full (path, TRUE);
}

/* Opening @path is refused with @code and a message naming it, and
 * neither the file nor its -wal, -journal or -shm changed. */
static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *before = files_checksum (path);
  g_autofree char *after = NULL;

  db = tp_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);

  after = files_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

/* Another program's notes, at several user_versions: 1 is Touchpoint's
 * released version, the next one and 9999 are beyond the current one. */
static void
test_foreign_versions (Fixture       *f,
                       gconstpointer  data)
{
  const int versions[] = { 0, 1, TP_SCHEMA_VERSION, TP_SCHEMA_VERSION + 1, 9999 };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *name = g_strdup_printf ("notes-%d.db", versions[i]);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *sql = g_strdup_printf ("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                                              "INSERT INTO notes (body) VALUES ('call the mill');"
                                              "PRAGMA user_version = %d;", versions[i]);

      exec_raw (path, sql);
      assert_refused_untouched (path, TP_DATABASE_ERROR_NOT_DATABASE);
    }
}

/* Another program's id, even on a file with Touchpoint's tables. */
static void
test_foreign_application_id (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = make_database (f, "other-id.db");

  exec_raw (path, "PRAGMA journal_mode = DELETE; PRAGMA application_id = 42;");
  assert_refused_untouched (path, TP_DATABASE_ERROR_NOT_DATABASE);
}

/* A file shaped like Touchpoint's first version with one more table is
 * not a Touchpoint file. */
static void
test_foreign_lookalike (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "lookalike.db", NULL);
  const char * const *steps;
  guint n_steps;

  steps = _tp_migrations_get (&n_steps);
  exec_raw (path, steps[0]);
  exec_raw (path, "CREATE TABLE notes (id INTEGER PRIMARY KEY); PRAGMA user_version = 1;");
  assert_refused_untouched (path, TP_DATABASE_ERROR_NOT_DATABASE);
}

/* Runs @sql in a child process that dies without committing or
 * checkpointing (killed, as by a crash), leaving a hot journal or WAL
 * behind. Killed rather than exiting: under valgrind a child that exits
 * is checked for leaks, and what it drops on purpose would count. */
static void
crash_after (const char *path,
             const char *sql)
{
  pid_t pid;
  int status;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *raw = NULL;

      if (sqlite3_open (path, &raw) != SQLITE_OK ||
          sqlite3_exec (raw, sql, NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      kill (getpid (), SIGKILL);
      _exit (2);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : -1;
}

/* Another program died in the middle of a transaction: its journal is
 * hot. Opening it read-write would roll it back. */
static void
test_foreign_hot_journal (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "hot-journal.db", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  exec_raw (path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body BLOB);"
                  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)"
                  "  INSERT INTO notes (body) SELECT randomblob (2000) FROM n;"
                  "PRAGMA user_version = 1;");
  /* A tiny cache makes SQLite write changed pages into the file before
   * the commit that never comes. */
  crash_after (path, "PRAGMA cache_size = 1; BEGIN;"
                     "UPDATE notes SET body = randomblob (3000);");
  g_assert_cmpint (file_size (journal), >, 512);

  assert_refused_untouched (path, TP_DATABASE_ERROR_NOT_DATABASE);
}

/* Another program in WAL mode died before a checkpoint: its tables are
 * only in the WAL. */
static void
test_foreign_hot_wal (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "hot-wal.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  crash_after (path, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                     "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                     "INSERT INTO notes (body) VALUES ('call the mill');"
                     "PRAGMA user_version = 1;");
  g_assert_cmpint (file_size (wal), >, 0);
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
  assert_refused_untouched (path, TP_DATABASE_ERROR_NOT_DATABASE);

  /* Also when the -shm was not copied along. */
  g_assert_cmpint (g_unlink (shm), ==, 0);
  assert_refused_untouched (path, TP_DATABASE_ERROR_NOT_DATABASE);
}

/* A newer Touchpoint died before a checkpoint: the newer version is only
 * in the WAL, and the file stays as that Touchpoint left it. */
static void
test_newer_in_wal (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = make_database (f, "newer-wal.db");
  g_autofree char *sql = g_strdup_printf ("PRAGMA wal_autocheckpoint = 0;"
                                          "PRAGMA user_version = %d;"
                                          "CREATE TABLE coupons (id INTEGER PRIMARY KEY);",
                                          TP_SCHEMA_VERSION + 1);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;

  crash_after (path, sql);
  g_assert_cmpint (file_size (wal), >, 0);

  /* The header says the file is Touchpoint's, so SQLite may rebuild the
   * -shm (the WAL's index, derived from the WAL) to read it; the file
   * and its WAL are kept as they are: no checkpoint. */
  before = files_checksum_full (path, FALSE);
  db = tp_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, path));
  after = files_checksum_full (path, FALSE);
  g_assert_cmpstr (before, ==, after);
}

/* Damage in the middle of a table, not on page 1: the page check finds
 * it before anything is written. */
static void
test_damaged_table_page (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "bad-page.db", NULL);
  g_autofree char *contents = NULL;
  gint64 page = 0;
  gsize len;

  {
    g_autoptr(TpDatabase) db = tp_database_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (tp_database_exec (db,
                                     "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                                     "  INSERT INTO customers (name, notes, created_at, updated_at)"
                                     "  SELECT 'Customer ' || i, hex (randomblob (100)),"
                                     "    '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n;",
                                     &error));
    g_assert_no_error (error);
    /* A leaf page of the customers table, far from page 1. */
    page = query_int (db, "SELECT max (pageno) FROM dbstat WHERE name = 'customers' AND pagetype = 'leaf'");
  }
  g_assert_cmpint (page, >, 10);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, (gsize) page * 4096);
  memset (contents + (page - 1) * 4096 + 8, 0xa5, 2000);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));

  assert_refused_untouched (path, TP_DATABASE_ERROR_NOT_DATABASE);
}

/* A file of Touchpoint's first version (no application_id) is still
 * recognised, upgraded and marked. */
static void
test_upgrade_version_1 (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v1.db", NULL);
  const char * const *steps;
  guint n_steps;

  steps = _tp_migrations_get (&n_steps);
  g_assert_cmpuint (n_steps, >, 1);
  exec_raw (path, "PRAGMA journal_mode = WAL;");
  exec_raw (path, steps[0]);
  exec_raw (path, "INSERT INTO customers (name, created_at, updated_at) "
                  "VALUES ('Ada', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                  "PRAGMA user_version = 1;");

  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, TP_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, TP_APPLICATION_ID);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers WHERE name = 'Ada'"), ==, 1);
  g_clear_object (&db);

  /* And it opens again as it is now. */
  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, TP_APPLICATION_ID);
}

static void
test_new_file_marked (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = make_database (f, "new.db");
  g_autofree char *contents = NULL;
  gsize len;

  /* In the header itself, where another program's reader sees it. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, 100);
  g_assert_cmpmem (contents + 68, 4, "TchP", 4);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(TpWorksheetData) data = tp_worksheet_data_load_finish (result, error);

  g_assert_null (data);
}

/* A worker opens its own connection on the path; if the file was moved
 * meanwhile, it says so and creates nothing there. */
static void
test_worker_file_moved (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *path = make_database (f, "moved.db");
  g_autofree char *moved = g_build_filename (f->dir, "elsewhere.db", NULL);

  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (path, moved), ==, 0);

  tp_worksheet_data_load_async (path, NULL, NULL, loaded_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Writers too. */
  g_assert_null (tp_database_open_full (path, TP_DATABASE_OPEN_EXISTING, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Readers' connections cannot write. */
static void
test_worker_read_only (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(TpDatabase) reader = NULL;
  g_autofree char *path = make_database (f, "shared.db");

  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  reader = tp_database_open_full (path, TP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (reader, "SELECT count(*) FROM customers"), ==, 2);
  g_assert_false (tp_database_exec (reader, "DELETE FROM customers", &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers"), ==, 2);
}

static void
test_migration_channels (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v1.db", NULL);
  const char * const *steps;
  guint n_steps;
  sqlite3 *raw = NULL;

  /* A version-1 database with a tactic, its log, a customer who came
   * from it, a touch that names it and an order. */
  steps = _tp_migrations_get (&n_steps);
  g_assert_cmpuint (n_steps, >=, 2);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, steps[0], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "PRAGMA user_version = 1;"
                                 "INSERT INTO audiences (id, name, created_at, updated_at)"
                                 "  VALUES (3, 'Dog owners', 'x', 'x');"
                                 "INSERT INTO tactics (id, name, channel, audience_id, created_at, updated_at)"
                                 "  VALUES (7, 'Forum answers', 'social-post', 3, 'c', 'u');"
                                 "INSERT INTO tactic_log (tactic_id, done_at, created_at, updated_at)"
                                 "  VALUES (7, '2026-01-05T10:00:00Z', 'x', 'x');"
                                 "INSERT INTO customers (id, name, source_channel, audience_id, created_at, updated_at)"
                                 "  VALUES (5, 'Ada', 'partner', 3, 'c', 'u');"
                                 "INSERT INTO touches (id, customer_id, happened_at, channel, tactic_id, created_at, updated_at)"
                                 "  VALUES (9, 5, '2026-01-06T10:00:00Z', 'social-post', 7, 'c', 'u');"
                                 "INSERT INTO orders (customer_id, ordered_at, item, amount_minor, currency, created_at, updated_at)"
                                 "  VALUES (5, '2026-01-07T10:00:00Z', 'Treats', 1250, 'EUR', 'c', 'u');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, TP_SCHEMA_VERSION);

  /* Nothing lost, nothing cascaded. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tactic_log WHERE tactic_id = 7"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT tactic_id FROM touches WHERE id = 9"), ==, 7);
  g_assert_cmpint (query_int (db, "SELECT audience_id FROM tactics WHERE id = 7"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT touch_count FROM customers WHERE id = 5"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT order_count FROM customers WHERE id = 5"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT total_spent_minor FROM customers WHERE id = 5"), ==, 1250);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_true (tp_database_check_integrity (db, &error));
  g_assert_no_error (error);

  /* The new channels are taken everywhere a channel is stored. */
  g_assert_true (tp_database_exec (db,
                                   "UPDATE tactics SET channel = 'forum' WHERE id = 7;"
                                   "UPDATE customers SET source_channel = 'online-group' WHERE id = 5;"
                                   "INSERT INTO touches (customer_id, happened_at, channel, created_at, updated_at)"
                                   "  VALUES (5, '2026-01-08T10:00:00Z', 'forum', 'c', 'u');",
                                   &error));
  g_assert_no_error (error);
  g_assert_false (tp_database_exec (db, "UPDATE tactics SET channel = 'pigeon' WHERE id = 7", &error));
  g_clear_error (&error);

  /* The triggers came back with the touches. */
  g_assert_cmpint (query_int (db, "SELECT touch_count FROM customers WHERE id = 5"), ==, 2);

  /* Step 4: every touch kept, none at a place; a touch can name one, and
   * deleting the place unsets it. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches WHERE place_id IS NULL"), ==, 2);
  g_assert_true (tp_database_exec (db,
                                   "INSERT INTO audience_places (id, audience_id, kind, name, created_at, updated_at)"
                                   "  VALUES (4, 3, 'forum', 'Dog forum', 'c', 'u');"
                                   "UPDATE touches SET place_id = 4 WHERE id = 9;",
                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT place_id FROM touches WHERE id = 9"), ==, 4);
  g_assert_false (tp_database_exec (db, "UPDATE touches SET place_id = 99 WHERE id = 9", &error));
  g_clear_error (&error);
  g_assert_true (tp_database_exec (db, "DELETE FROM audience_places WHERE id = 4", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches WHERE place_id IS NULL"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches"), ==, 2);

  /* Deleting a tactic still cascades to its log. */
  g_assert_true (tp_database_exec (db, "DELETE FROM tactics WHERE id = 7", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tactic_log"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches WHERE tactic_id IS NULL"), ==, 2);
}

/* Step 5 works out what Results reads for a business that was already
 * there: each customer's first touch and first purchase, and the done
 * touches per day. */
static void
test_migration_results (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v4.db", NULL);
  const char * const *steps;
  guint n_steps;
  sqlite3 *raw = NULL;

  steps = _tp_migrations_get (&n_steps);
  g_assert_cmpuint (n_steps, >=, 5);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (sqlite3_exec (raw, steps[i], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "PRAGMA user_version = 4;"
                                 "INSERT INTO audiences (id, name, created_at, updated_at)"
                                 "  VALUES (3, 'Dog owners', 'x', 'x');"
                                 "INSERT INTO audience_places (id, audience_id, kind, name, created_at, updated_at)"
                                 "  VALUES (4, 3, 'forum', 'Dog forum', 'x', 'x');"
                                 "INSERT INTO tactics (id, name, channel, created_at, updated_at)"
                                 "  VALUES (7, 'Forum answers', 'forum', 'c', 'u');"
                                 "INSERT INTO customers (id, name, audience_id, created_at, updated_at)"
                                 "  VALUES (5, 'Ada', 3, 'c', 'u'), (6, 'Bob', NULL, 'c', 'u'),"
                                 "  (8, 'Cleo', NULL, 'c', 'u');"
                                 /* Ada: reached at the forum, two touches up to her first
                                  * purchase (a planned one and a later one do not count) */
                                 "INSERT INTO touches (id, customer_id, happened_at, channel, tactic_id, place_id, done, created_at, updated_at) VALUES"
                                 "  (9, 5, '2026-01-06T10:00:00Z', 'forum', 7, 4, 1, 'c', 'u'),"
                                 "  (10, 5, '2026-01-06T18:00:00Z', 'email', NULL, NULL, 1, 'c', 'u'),"
                                 "  (11, 5, '2026-01-05T10:00:00Z', 'call', NULL, NULL, 0, 'c', 'u'),"
                                 "  (12, 5, '2026-02-01T10:00:00Z', 'call', 7, NULL, 1, 'c', 'u'),"
                                 "  (13, 6, '2026-01-06T12:00:00Z', 'call', NULL, NULL, 1, 'c', 'u');"
                                 /* A cancelled order first: the purchase is the later one */
                                 "INSERT INTO orders (id, customer_id, ordered_at, item, amount_minor, currency, status, created_at, updated_at) VALUES"
                                 "  (20, 5, '2026-01-06T11:00:00Z', 'Treats', 900, 'EUR', 'cancelled', 'c', 'u'),"
                                 "  (21, 5, '2026-01-07T10:00:00Z', 'Treats', 1250, 'EUR', 'open', 'c', 'u'),"
                                 "  (22, 8, '2026-01-08T10:00:00Z', 'Chews', 500, 'EUR', 'open', 'c', 'u');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, TP_SCHEMA_VERSION);

  /* Ada: first touch 9 at the forum; first purchase order 21, with two
   * done touches at or before it, the last of them 10 */
  g_assert_cmpint (query_int (db, "SELECT first_touch_id FROM results_customers WHERE id = 5"), ==, 9);
  g_assert_cmpint (query_int (db, "SELECT first_place_id FROM results_customers WHERE id = 5"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT first_tactic_id FROM results_customers WHERE id = 5"), ==, 7);
  g_assert_cmpint (query_int (db, "SELECT first_order_id FROM results_customers WHERE id = 5"), ==, 21);
  g_assert_cmpint (query_int (db, "SELECT touches_before_order FROM results_customers WHERE id = 5"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT last_touch_id FROM results_customers WHERE id = 5"), ==, 10);
  g_assert_cmpint (query_int (db, "SELECT audience_id FROM results_customers WHERE id = 5"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT order_count FROM results_customers WHERE id = 5"), ==, 1);
  /* Bob: touched, never bought; Cleo: bought without a touch */
  g_assert_cmpint (query_int (db, "SELECT first_touch_id FROM results_customers WHERE id = 6"), ==, 13);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM results_customers WHERE id = 6 AND first_order_id IS NULL"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT first_order_id FROM results_customers WHERE id = 8"), ==, 22);
  g_assert_cmpint (query_int (db, "SELECT touches_before_order FROM results_customers WHERE id = 8"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM results_customers WHERE id = 8 AND first_touch_id IS NULL"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM results_customers"), ==, 3);

  /* The done touches by day, tactic, place and the customer's audience */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM results_days"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT n_touches FROM results_days WHERE day = '2026-01-06'"
                                  " AND tactic_id = 7 AND place_id = 4 AND audience_id = 3"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT n_touches FROM results_days WHERE day = '2026-01-06'"
                                  " AND tactic_id = 0 AND place_id = 0 AND audience_id = 3"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT n_touches FROM results_days WHERE day = '2026-01-06'"
                                  " AND tactic_id = 0 AND place_id = 0 AND audience_id = 0"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT n_touches FROM results_days WHERE day = '2026-02-01'"
                                  " AND tactic_id = 7 AND place_id = 0 AND audience_id = 3"), ==, 1);

  /* From now on the triggers keep it: an earlier touch for Bob */
  g_assert_true (tp_database_exec (db,
                                   "INSERT INTO touches (id, customer_id, happened_at, channel, done, created_at, updated_at)"
                                   "  VALUES (14, 6, '2026-01-02T09:00:00Z', 'email', 1, 'c', 'u');",
                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT first_touch_id FROM results_customers WHERE id = 6"), ==, 14);
  g_assert_cmpint (query_int (db, "SELECT n_touches FROM results_days WHERE day = '2026-01-02'"), ==, 1);
  g_assert_true (tp_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

/* Step 7 gives a business of version 6 the follow-up queue's indexes,
 * built from the customers it has, and the queue reads from them. */
static void
test_migration_follow_up_indexes (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GArray) queue = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 18, 12, 0, 0);
  g_autofree char *path = g_build_filename (f->dir, "v6.db", NULL);
  const TpAnalyticsSettings settings = { 5, 12, 14, "EUR" };
  const char * const *steps;
  guint n_steps;
  sqlite3 *raw = NULL;

  steps = _tp_migrations_get (&n_steps);
  g_assert_cmpuint (n_steps, >=, 7);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpint (sqlite3_exec (raw, steps[i], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "PRAGMA user_version = 6;"
                                 "INSERT INTO customers (id, name, stage, created_at, updated_at)"
                                 "  VALUES (5, 'bea', 'lead', '2026-01-01T00:00:00Z', 'u'),"
                                 "  (6, 'Ada', 'lead', '2026-01-01T00:00:00Z', 'u'),"
                                 "  (7, 'Cy', 'lost', '2026-01-01T00:00:00Z', 'u'),"
                                 "  (8, 'Dan', 'lead', '2026-03-10T00:00:00Z', 'u');"
                                 "INSERT INTO touches (customer_id, happened_at, channel, done,"
                                 "  created_at, updated_at)"
                                 "  VALUES (5, '2026-02-01T00:00:00Z', 'email', 1, 'c', 'u'),"
                                 "  (7, '2026-02-01T00:00:00Z', 'email', 1, 'c', 'u'),"
                                 "  (8, '2026-02-01T00:00:00Z', 'email', 1, 'c', 'u');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, TP_SCHEMA_VERSION);
  /* Ada (never touched, quiet since January), Bea and Dan (touched in
   * February); Cy is lost */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers INDEXED BY customers_quiet"
                                  " WHERE order_count = 0 AND stage != 'lost' AND touch_count > 0"
                                  " AND last_touch_at <= '2026-03-01T00:00:00Z'"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers INDEXED BY customers_quiet_untouched"
                                  " WHERE order_count = 0 AND stage != 'lost' AND touch_count = 0"
                                  " AND created_at <= '2026-03-01T00:00:00Z'"), ==, 1);

  queue = tp_analytics_follow_ups (db, &settings, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 3);
  g_assert_cmpstr (g_array_index (queue, TpFollowUp, 0).name, ==, "Ada");
  g_assert_cmpstr (g_array_index (queue, TpFollowUp, 1).name, ==, "bea");
  g_assert_cmpstr (g_array_index (queue, TpFollowUp, 2).name, ==, "Dan");
  g_assert_cmpuint (g_array_index (queue, TpFollowUp, 1).touch_count, ==, 1);

  /* Kept from then on: Dan bought */
  g_assert_true (tp_database_exec (db,
                                   "INSERT INTO orders (customer_id, ordered_at, item, amount_minor,"
                                   "  currency, created_at, updated_at)"
                                   "  VALUES (8, '2026-03-01T00:00:00Z', 'Treats', 100, 'EUR', 'c', 'u');",
                                   &error));
  g_assert_no_error (error);
  g_clear_pointer (&queue, g_array_unref);
  queue = tp_analytics_follow_ups (db, &settings, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 2);
  g_assert_true (tp_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

/* Step 6 indexes the customers a business already has for search, and
 * from then on its triggers keep the index in step with every change. */
static void
test_migration_search (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v5.db", NULL);
  const char * const *steps;
  guint n_steps;
  sqlite3 *raw = NULL;

  steps = _tp_migrations_get (&n_steps);
  g_assert_cmpuint (n_steps, >=, 6);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (sqlite3_exec (raw, steps[i], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "PRAGMA user_version = 5;"
                                 "INSERT INTO customers (id, name, email, phone, notes, created_at, updated_at)"
                                 "  VALUES (5, 'Ada Lovelace', 'ada@example.org', '', 'Likes BONES', 'c', 'u'),"
                                 "  (6, 'Bob', '', '+49 30 1234', '', 'c', 'u'),"
                                 "  (8, 'Ćleo \"100%\"', '', '', '', 'c', 'u');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, TP_SCHEMA_VERSION);

  /* Every field of the customers already there, case folded */
  g_assert_cmpint (query_int (db, "SELECT rowid FROM customers_search WHERE customers_search MATCH '\"bones\"'"), ==, 5);
  g_assert_cmpint (query_int (db, "SELECT rowid FROM customers_search WHERE customers_search MATCH '\"E.ORG\"'"), ==, 5);
  g_assert_cmpint (query_int (db, "SELECT rowid FROM customers_search WHERE customers_search MATCH '\"0 12\"'"), ==, 6);
  g_assert_cmpint (query_int (db, "SELECT rowid FROM customers_search WHERE customers_search MATCH '\"ćleo \"\"1\"'"), ==, 8);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers_search WHERE customers_search MATCH '\"lov\"'"), ==, 1);

  /* Added, changed and deleted customers */
  g_assert_true (tp_database_exec (db,
                                   "INSERT INTO customers (id, name, created_at, updated_at)"
                                   "  VALUES (9, 'Dora Lovegood', 'c', 'u');"
                                   "UPDATE customers SET name = 'Robert', phone = '' WHERE id = 6;"
                                   "UPDATE customers SET touch_count = 3 WHERE id = 5;"
                                   "DELETE FROM customers WHERE id = 8;",
                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers_search WHERE customers_search MATCH '\"lov\"'"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT rowid FROM customers_search WHERE customers_search MATCH '\"obe\"'"), ==, 6);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers_search WHERE customers_search MATCH '\"1234\"'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers_search WHERE customers_search MATCH '\"leo\"'"), ==, 0);
  g_assert_true (tp_database_exec (db, "INSERT INTO customers_search (customers_search, rank)"
                                       " VALUES ('integrity-check', 1)", &error));
  g_assert_no_error (error);
  g_assert_true (tp_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

/* Workers open their own connection: only a file can be opened twice. */
static void
test_path_can_reopen (void)
{
  g_assert_true (tp_database_path_can_reopen ("/home/ada/touchpoint.db"));
  g_assert_true (tp_database_path_can_reopen ("relative/touchpoint.db"));
  g_assert_false (tp_database_path_can_reopen (":memory:"));
  g_assert_false (tp_database_path_can_reopen ("file:shared?mode=memory&cache=shared"));
  g_assert_false (tp_database_path_can_reopen (""));
  g_assert_false (tp_database_path_can_reopen (NULL));
}

/* A folder that takes no new files, as the document portal hands a
 * Flatpak one file in a folder of its own: a VFS over the default one
 * refuses to make a file in @locked_folder, as the kernel would there. */
static sqlite3_vfs *real_vfs;
static sqlite3_vfs locked_vfs;
static char *locked_folder;

static int
locked_open (sqlite3_vfs  *vfs,
             const char   *name,
             sqlite3_file *file,
             int           flags,
             int          *out_flags)
{
  if (name != NULL && locked_folder != NULL && (flags & SQLITE_OPEN_CREATE) != 0 &&
      g_str_has_prefix (name, locked_folder) && !g_file_test (name, G_FILE_TEST_EXISTS))
    return SQLITE_CANTOPEN;

  return real_vfs->xOpen (real_vfs, name, file, flags, out_flags);
}

static void
test_folder_takes_no_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-database-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  TpDatabase *db;

  g_assert_no_error (error);

  /* A database made and closed where files may be made. */
  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (tp_database_exec (db, "PRAGMA user_version", &error));
  g_object_unref (db);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  real_vfs = sqlite3_vfs_find (NULL);
  locked_vfs = *real_vfs;
  locked_vfs.zName = "tp-locked-folder";
  locked_vfs.xOpen = locked_open;
  g_assert_cmpint (sqlite3_vfs_register (&locked_vfs, 1), ==, SQLITE_OK);
  locked_folder = g_strconcat (dir, G_DIR_SEPARATOR_S, NULL);

  /* Opening it there says what is wrong and what to do, and changes
   * nothing. */
  db = tp_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "shop.db"));
  g_assert_nonnull (strstr (error->message, "does not let it make them"));
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);

  /* A worker's connection is refused the same way. */
  db = tp_database_open_full (path, TP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_null (db);
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "does not let it make them"));
  g_clear_error (&error);

  /* What the Flatpak does with such a file: a copy in a folder of its
   * own, read without making anything beside the original. */
  {
    g_autofree char *own = g_dir_make_tmp ("tp-database-own-XXXXXX", NULL);
    g_autofree char *copy = g_build_filename (own, "shop.db", NULL);

    g_assert_true (tp_database_copy_file (path, copy, &error));
    g_assert_no_error (error);
    db = tp_database_open (copy, &error);
    g_assert_no_error (error);
    g_assert_true (tp_database_exec (db, "SELECT count(*) FROM customers", &error));
    g_object_unref (db);

    /* Never over another file. */
    g_assert_false (tp_database_copy_file (path, copy, &error));
    g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION);
    g_clear_error (&error);

    {
      g_autoptr(GDir) d = g_dir_open (own, 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *file = g_build_filename (own, name, NULL);
          g_remove (file);
        }
      g_rmdir (own);
    }
  }

  sqlite3_vfs_unregister (&locked_vfs);
  g_clear_pointer (&locked_folder, g_free);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  /* Elsewhere the same file opens as before. */
  db = tp_database_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (db);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_remove (file);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/touchpoint/database/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/touchpoint/database/open-memory", test_open_memory);
  ADD ("open-new-file", test_open_new_file);
  ADD ("reopen-keeps-data", test_reopen_keeps_data);
  ADD ("missing-folder", test_missing_folder);
  g_test_add_func ("/touchpoint/database/statements", test_statements);
  g_test_add_func ("/touchpoint/database/values-round-trip", test_values_round_trip);
  g_test_add_func ("/touchpoint/database/nested-transactions", test_nested_transactions);
  g_test_add_func ("/touchpoint/database/path-can-reopen", test_path_can_reopen);
  g_test_add_func ("/touchpoint/database/folder-takes-no-files", test_folder_takes_no_files);
  ADD ("newer-version-refused", test_newer_version_refused);
  ADD ("damaged/random-bytes", test_damaged_random);
  ADD ("damaged/text-file", test_damaged_text);
  ADD ("damaged/truncated", test_damaged_truncated);
  ADD ("damaged/scribbled-pages", test_damaged_pages);
  ADD ("damaged/empty", test_damaged_empty);
  ADD ("damaged/directory", test_damaged_directory);
  ADD ("damaged/foreign-database", test_foreign_database);
  ADD ("damaged/unreadable", test_unreadable);
  ADD ("damaged/parent-is-a-file", test_parent_is_a_file);
  ADD ("busy", test_busy);
  ADD ("full-disk", test_full_disk);
  ADD ("migration-channels", test_migration_channels);
  ADD ("migration-results", test_migration_results);
  ADD ("migration-follow-up-indexes", test_migration_follow_up_indexes);
  ADD ("migration-search", test_migration_search);
  ADD ("migration-from-empty", test_migration_from_empty);
  ADD ("foreign/versions", test_foreign_versions);
  ADD ("foreign/application-id", test_foreign_application_id);
  ADD ("foreign/lookalike", test_foreign_lookalike);
  ADD ("foreign/hot-journal", test_foreign_hot_journal);
  ADD ("foreign/hot-wal", test_foreign_hot_wal);
  ADD ("newer-version-in-wal", test_newer_in_wal);
  ADD ("damaged/table-page", test_damaged_table_page);
  ADD ("upgrade-version-1", test_upgrade_version_1);
  ADD ("new-file-marked", test_new_file_marked);
  ADD ("worker/file-moved", test_worker_file_moved);
  ADD ("worker/read-only", test_worker_read_only);

#undef ADD

  return g_test_run ();
}
