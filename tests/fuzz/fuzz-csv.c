/* fuzz-csv.c
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

#define G_LOG_DOMAIN "fuzz-csv"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tp-csv.h"

/*
 * libFuzzer target for the CSV import. The first byte chooses the table
 * (customers, touches, orders), the separator (detected, comma,
 * semicolon, tab) and the duplicates policy; the rest is the file. Each
 * input imports into an in-memory business of three customers, one
 * audience and one tactic, reset afterwards.
 *
 * Besides crashes, it finds imports that break their promise: one that
 * fails must leave every row of every table as it was, and one that
 * succeeds adds exactly the rows its report counts, leaves no broken
 * reference and, when it imported and merged nothing, changes nothing.
 */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char reset_sql[] =
  "DELETE FROM customers; DELETE FROM audiences; DELETE FROM tactics;"
  "INSERT INTO audiences (id, name, created_at, updated_at)"
  " VALUES (1, 'Dog owners', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
  "INSERT INTO tactics (id, name, channel, created_at, updated_at)"
  " VALUES (1, 'Newsletter', 'email', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
  "INSERT INTO customers (id, name, email, created_at, updated_at) VALUES"
  " (1, 'Ada', 'ada@example.org', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
  " (2, 'Twin', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
  " (3, 'Twin', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');";

static TpDatabase *db;
static char *path;

static void
remove_file (void)
{
  g_unlink (path);
}

static void
check_sqlite (int rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (tp_database_get_handle (db)));
}

/* A digest of every value of every table, in the order of the rowids */
static char *
digest (void)
{
  sqlite3 *handle = tp_database_get_handle (db);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *tables = NULL;
  int rc;

  check_sqlite (sqlite3_prepare_v2 (handle,
                                    "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                    /* not the search index's tables, which follow customers */
                                    "AND name NOT IN (SELECT name FROM pragma_table_list "
                                    "WHERE schema = 'main' AND type != 'table') ORDER BY name",
                                    -1, &tables, NULL));
  while ((rc = sqlite3_step (tables)) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", name);
      sqlite3_stmt *rows = NULL;

      g_checksum_update (checksum, (const guchar *)name, (gssize)strlen (name) + 1);
      check_sqlite (sqlite3_prepare_v2 (handle, sql, -1, &rows, NULL));
      while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            {
              guchar type = (guchar)sqlite3_column_type (rows, i);
              const void *bytes = sqlite3_column_blob (rows, i);
              int len = sqlite3_column_bytes (rows, i);

              g_checksum_update (checksum, &type, 1);
              g_checksum_update (checksum, (const guchar *)&len, sizeof len);
              if (len > 0)
                g_checksum_update (checksum, bytes, len);
            }
        }
      check_sqlite (rc);
      sqlite3_finalize (rows);
    }
  check_sqlite (rc);
  sqlite3_finalize (tables);

  return g_strdup (g_checksum_get_string (checksum));
}

static gint64
count_rows (const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  check_sqlite (sqlite3_prepare_v2 (tp_database_get_handle (db), sql, -1, &stmt, NULL));
  check_sqlite (sqlite3_step (stmt));
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static gboolean
references_hold (void)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  check_sqlite (sqlite3_prepare_v2 (tp_database_get_handle (db), "PRAGMA foreign_key_check",
                                    -1, &stmt, NULL));
  rc = sqlite3_step (stmt);
  check_sqlite (rc);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE;
}

/* evolution-data-server 3.46 (Debian 12) warns about each vCard line it
 * cannot read, then skips the line; later versions only say so in debug
 * builds. Those warnings are not faults of the import: every other
 * warning stays fatal. */
static gboolean
fatal_unless_vcard_parser (const char     *log_domain,
                           GLogLevelFlags  log_level,
                           const char     *message,
                           gpointer        user_data)
{
  return g_strcmp0 (log_domain, "libebook-contacts") != 0 ||
         (log_level & G_LOG_LEVEL_MASK) != G_LOG_LEVEL_WARNING;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char separators[] = { 0, ',', ';', '\t' };
  static const char * const tables[] = { "customers", "touches", "orders" };
  g_autoptr(TpCsvImporter) importer = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 n_before;

  if (size < 1)
    return 0;

  if (db == NULL)
    {
      int fd = g_file_open_tmp ("fuzz-csv-XXXXXX.csv", &path, &error);

      g_assert_no_error (error);
      close (fd);
      atexit (remove_file);

      db = tp_database_open (":memory:", &error);
      g_assert_no_error (error);

      g_test_log_set_fatal_handler (fatal_unless_vcard_parser, NULL);
    }

  tp_database_exec (db, reset_sql, &error);
  g_assert_no_error (error);

  g_file_set_contents_full (path, (const char *)data + 1, (gssize)(size - 1),
                            G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  importer = tp_csv_importer_new (file, (TpCsvTable)(data[0] % 3));
  tp_csv_importer_set_separator (importer, separators[(data[0] / 3) % 4]);
  tp_csv_importer_set_duplicates (importer, (data[0] & 0x80) != 0 ? TP_CSV_DUPLICATES_MERGE
                                                                   : TP_CSV_DUPLICATES_SKIP);

  if (!tp_csv_importer_load (importer, 3, NULL, &error))
    {
      g_assert_nonnull (error);
      return 0;
    }

  for (guint c = 0; c < tp_csv_importer_get_n_columns (importer); c++)
    {
      g_assert_nonnull (tp_csv_importer_get_header (importer, c));
      for (guint r = 0; r < tp_csv_importer_get_n_preview_rows (importer); r++)
        g_assert_nonnull (tp_csv_importer_get_preview_value (importer, r, c));
    }

  before = digest ();
  n_before = count_rows (tables[data[0] % 3]);

  report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
  after = digest ();
  if (report != NULL)
    {
      g_autofree char *summary = tp_csv_report_to_string (report);

      g_assert_nonnull (summary);
      g_assert_cmpint (count_rows (tables[data[0] % 3]), ==,
                       n_before + tp_csv_report_get_imported (report));
      g_assert_true (references_hold ());
      if (tp_csv_report_get_imported (report) == 0 && tp_csv_report_get_merged (report) == 0)
        g_assert_cmpstr (after, ==, before);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (tp_database_get_depth (db) == 0);
      /* A failed import changed nothing */
      g_assert_cmpstr (after, ==, before);
    }

  return 0;
}
