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
#include <unistd.h>

#include <glib/gstdio.h>

#include "tp-csv.h"

/*
 * libFuzzer target for the CSV import. The first byte chooses the table
 * (customers, touches, orders), the separator (detected, comma,
 * semicolon, tab) and the duplicates policy; the rest is the file. Each
 * input imports into an in-memory business of three customers, one
 * audience and one tactic, reset afterwards.
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

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char separators[] = { 0, ',', ';', '\t' };
  g_autoptr(TpCsvImporter) importer = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

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

  report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
  if (report != NULL)
    {
      g_autofree char *summary = tp_csv_report_to_string (report);

      g_assert_nonnull (summary);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (tp_database_get_depth (db) == 0);
    }

  return 0;
}
