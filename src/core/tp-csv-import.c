/* tp-csv-import.c
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

#define G_LOG_DOMAIN "tp-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tp-csv-private.h"
#include "tp-store.h"
#include "tp-vcard-private.h"

/*
 * Running an import: the whole file read again, each record made a row
 * of fields and handed to the table's row import (tp-csv-rows.c), all in
 * one transaction that a row that cannot be imported fails, unless bad
 * rows are skipped; new touches staged in a temporary table and moved
 * with one statement; and the same on a worker thread.
 */

#define IMPORT_CACHE_KB 131072

/* A touch import stages its new rows in a temporary table and moves them
 * with one INSERT … SELECT, as the sqlite3 tool's .import does: one
 * statement instead of one a row, for the triggers and the checks of
 * each. */
static gboolean
stage_touches (TpDatabase  *db,
               GError     **error)
{
  return tp_database_exec (db,
                           "DROP TABLE IF EXISTS temp.tp_import_touches;"
                           "CREATE TEMP TABLE tp_import_touches (id INTEGER UNIQUE,"
                           " customer_id INTEGER, happened_at TEXT, channel TEXT, direction TEXT,"
                           " note TEXT, tactic_id INTEGER, done INTEGER, created_at TEXT,"
                           " updated_at TEXT, place_id INTEGER)",
                           error);
}

static gboolean
move_staged_touches (TpDatabase  *db,
                     GError     **error)
{
  return tp_database_exec (db,
                           "INSERT INTO touches (id, customer_id, happened_at, channel, direction,"
                           " note, tactic_id, done, created_at, updated_at, place_id)"
                           " SELECT id, customer_id, happened_at, channel, direction, note,"
                           " tactic_id, done, created_at, updated_at, place_id"
                           " FROM temp.tp_import_touches ORDER BY rowid",
                           error);
}

static gboolean
import_record (GPtrArray  *fields,
               guint       line,
               gpointer    data,
               GError    **error)
{
  TpCsvImport *self = data;
  GError *local_error = NULL;
  gboolean ok;
  TpCsvRow row;

  if (!self->header_seen)
    {
      self->header_seen = TRUE;
      if (fields->len != self->mapping->len)
        return _tp_csv_fail_line (error, TP_CSV_ERROR_SYNTAX, self->name, line,
                                  _("the line of column names has changed since the file was "
                                    "opened; open it again"));
      return TRUE;
    }

  if (fields->len != self->mapping->len)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (ngettext ("this row has %u field, but the first line names %u "
                                           "columns",
                                           "this row has %u fields, but the first line names %u "
                                           "columns",
                                           fields->len),
                                 fields->len, self->mapping->len);
      return _tp_csv_fail_line (error, TP_CSV_ERROR_SYNTAX, self->name, line, message);
    }

  /* Spreadsheets leave rows of empty cells at the end */
  for (guint i = 0; i < fields->len; i++)
    {
      if (!_tp_csv_is_blank (g_ptr_array_index (fields, i)))
        break;
      if (i + 1 == fields->len)
        return TRUE;
    }

  memset (row.value, 0, sizeof row.value);
  for (guint i = 0; i < TP_CSV_N_FIELDS; i++)
    row.column[i] = -1;
  row.line = line;

  for (guint i = 0; i < fields->len; i++)
    {
      TpCsvField field = g_array_index (self->mapping, TpCsvField, i);
      const char *value = g_ptr_array_index (fields, i);

      if (field == TP_CSV_FIELD_IGNORE)
        continue;
      if (row.column[field] < 0)
        row.column[field] = (int)i;
      if (_tp_csv_is_blank (row.value[field]))
        row.value[field] = value;
    }

  if (++self->rows % TP_CSV_ROWS_PER_CHECK == 0 &&
      g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  switch (self->table)
    {
    case TP_CSV_TABLE_CUSTOMERS:
      ok = _tp_csv_import_customer (self, &row, &local_error);
      break;

    case TP_CSV_TABLE_TOUCHES:
      ok = _tp_csv_import_touch (self, &row, &local_error);
      break;

    case TP_CSV_TABLE_ORDERS:
    default:
      ok = _tp_csv_import_order (self, &row, &local_error);
      break;
    }

  /* A value the data does not allow is found before the row writes
   * anything: the row cannot be imported, the file goes on. */
  if (!ok && g_error_matches (local_error, TP_CSV_ERROR, TP_CSV_ERROR_INVALID))
    {
      _tp_csv_add_problem (self, self->row_problem != NULL ? g_steal_pointer (&self->row_problem)
                                                           : g_strdup (local_error->message));
      g_clear_error (&local_error);
      return TRUE;
    }

  if (!ok)
    g_propagate_error (error, local_error);

  return ok;
}

static char *
default_currency (TpDatabase *db)
{
  TpStatement *stmt;
  char *currency = NULL;

  stmt = tp_database_prepare (db, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt != NULL)
    {
      tp_statement_bind_text (stmt, 1, TP_SETTING_CURRENCY);
      if (tp_statement_step (stmt, NULL))
        currency = g_strdup (tp_statement_get_text (stmt, 0));
      tp_statement_reset (stmt);
    }

  if (currency == NULL || strlen (currency) != 3)
    {
      g_free (currency);
      currency = g_strdup (TP_STORE_DEFAULT_CURRENCY);
    }

  return currency;
}

/**
 * tp_csv_importer_run:
 * @self: a #TpCsvImporter
 * @db: the database to import into
 * @progress: (nullable) (scope call): called as the work goes on
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Imports every row of the file, in one transaction: if it fails or is
 * cancelled, nothing is changed. A file with rows that cannot be
 * imported fails with %TP_CSV_ERROR_REJECTED, a line for each such row,
 * unless tp_csv_importer_set_skip_bad_rows() lets it leave them out.
 * Loads the file first if tp_csv_importer_load() was not called.
 *
 * Returns: (transfer full) (nullable): what was imported, merged and
 *   skipped, or %NULL on error
 */
TpCsvReport *
tp_csv_importer_run (TpCsvImporter      *self,
                     TpDatabase         *db,
                     TpCsvProgressFunc   progress,
                     gpointer            progress_data,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(TpCsvReport) report = NULL;
  TpCsvImport import = { 0 };
  TpCsvSource source;
  TpCsvParser parser;
  gboolean utf8 = TRUE;
  gboolean ok = FALSE;
  gint64 cache_size = 0;
  gint64 temp_store = 0;

  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), NULL);
  g_return_val_if_fail (TP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!self->loaded && !tp_csv_importer_load (self, 0, cancellable, error))
    return NULL;

  if (!tp_csv_importer_check_mapping (self, error))
    return NULL;

  /* Dates such as 03/04/2026: in the order chosen, or found in the file */
  if (self->date_order == TP_CSV_DATE_ORDER_UNKNOWN && !self->dates_scanned &&
      !tp_csv_importer_scan_dates (self, cancellable, error))
    return NULL;

  if (tp_csv_importer_get_dates_ambiguous (self))
    {
      g_autofree char *column = _tp_schema_excerpt (self->ambiguous_column);
      g_autofree char *value = _tp_schema_excerpt (self->ambiguous_value);

      g_set_error (error, TP_CSV_ERROR, TP_CSV_ERROR_DATE_ORDER,
                   /* Translators: "shop.csv: line 2: field “Sale Date”: “03/04/26” …"; the
                    * first %s is a file name, %u a line, then a column name and a date */
                   _("%s: line %u: field “%s”: “%s” can be read day first or month first, "
                     "and no date in the file says which; say which with the date order "
                     "(--date-order dmy or mdy)"),
                   self->name, self->ambiguous_line, column, value);
      return NULL;
    }

  if (!_tp_csv_scan_encoding (self->file, self->name, 0, &utf8, cancellable, error))
    return NULL;

  report = _tp_csv_report_new (self->table);
  if (!utf8)
    _tp_csv_report_add (report, g_strdup (_("the file is not in UTF-8, so it was read as Latin-1 "
                                    "(Windows-1252): check the accented letters")));

  import.db = db;
  import.name = self->name;
  import.table = self->table;
  import.duplicates = self->duplicates;
  import.mapping = self->mapping;
  import.headers = self->headers;
  import.report = report;
  import.now = tp_store_now ();
  import.currency = default_currency (db);
  import.cancellable = cancellable;
  import.skip_bad_rows = self->skip_bad_rows;
  import.problem_func = self->problem_func;
  import.problem_data = self->problem_data;
  import.problems = g_string_new (NULL);
  import.customers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify)g_strfreev);
  if (self->table != TP_CSV_TABLE_CUSTOMERS)
    import.max_id = _tp_csv_query_id (db, self->table == TP_CSV_TABLE_TOUCHES
                                          ? "SELECT coalesce (max (id), 0) FROM touches"
                                          : "SELECT coalesce (max (id), 0) FROM orders",
                                      NULL, 0, NULL);
  if (import.max_id < 0)
    import.max_id = G_MAXINT64;
  import.tactics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.date_order = _tp_csv_importer_get_effective_date_order (self);
  import.adds_customers = _tp_csv_format_adds_customers (self->format) &&
                          tp_csv_format_get_table (self->format) == self->table;

  if (!_tp_csv_source_open (&source, self->file, self->name, cancellable, error))
    goto out_source;
  source.latin1 = !utf8;

  _tp_csv_parser_init (&parser, self->name, self->headers,
                       tp_csv_importer_get_separator (self), import_record, &import);

  /* A large import touches many pages of the indexes: give it room, and
   * keep the journal of each statement (which the triggers make large
   * enough to go to a temporary file) in memory */
  cache_size = _tp_csv_query_id (db, "PRAGMA cache_size", NULL, 0, NULL);
  temp_store = _tp_csv_query_id (db, "PRAGMA temp_store", NULL, 0, NULL);
  tp_database_exec (db, "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KB), NULL);
  tp_database_exec (db, "PRAGMA temp_store = MEMORY", NULL);

  if (!tp_database_begin (db, error))
    goto out_parser;

  if (self->table == TP_CSV_TABLE_TOUCHES && !stage_touches (db, error))
    {
      tp_database_rollback (db);
      goto out_parser;
    }

  if (self->vcard)
    ok = _tp_vcard_read (self->file, self->name, import_record, &import, cancellable, error);
  else
    ok = _tp_csv_parser_read (&parser, &source, progress, progress_data, cancellable, error);

  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;

  if (ok && import.n_problems > 0 && !import.skip_bad_rows)
    {
      /* One line per row that cannot be imported, as they came */
      if (import.n_problems > TP_CSV_MAX_MESSAGES)
        {
          guint more = import.n_problems - TP_CSV_MAX_MESSAGES;

          g_string_append_printf (import.problems, "\n%s: ", self->name);
          g_string_append_printf (import.problems,
                                  /* Translators: after a list of the rows of a CSV file that
                                   * cannot be imported; %u is how many more there are */
                                  ngettext ("and %u more row that cannot be imported",
                                            "and %u more rows that cannot be imported", more),
                                  more);
        }
      g_set_error_literal (error, TP_CSV_ERROR, TP_CSV_ERROR_REJECTED, import.problems->str);
      ok = FALSE;
    }

  if (ok && self->table == TP_CSV_TABLE_TOUCHES)
    ok = move_staged_touches (db, error);

  /* Other desktops on a team database read what an import changes again
   * (customers: their figures follow touches and orders) */
  if (ok)
    ok = tp_database_announce_reload (db, "customers", error) &&
         tp_database_announce_reload (db, "touches", error) &&
         tp_database_announce_reload (db, "orders", error);

  if (ok)
    ok = tp_database_commit (db, error);
  else
    tp_database_rollback (db);

  if (self->table == TP_CSV_TABLE_TOUCHES)
    tp_database_exec (db, "DROP TABLE IF EXISTS temp.tp_import_touches", NULL);

  if (ok && progress != NULL)
    progress (1.0, progress_data);

out_parser:
  if (cache_size != 0)
    {
      g_autofree char *restore_cache = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT
                                                        "; PRAGMA temp_store = %" G_GINT64_FORMAT,
                                                        cache_size, MAX (temp_store, 0));

      tp_database_exec (db, restore_cache, NULL);
    }
  _tp_csv_parser_clear (&parser);
out_source:
  _tp_csv_source_clear (&source);
  g_free (import.now);
  g_free (import.currency);
  g_free (import.row_problem);
  g_free (import.last_ref);
  g_clear_pointer (&import.customers, g_hash_table_unref);
  g_clear_pointer (&import.tactics, g_hash_table_unref);
  if (import.problems != NULL)
    g_string_free (import.problems, TRUE);

  return ok ? g_steal_pointer (&report) : NULL;
}

/* The job's data: the report it hands back */
static void
report_holder_free (gpointer data)
{
  TpCsvReport **report = data;

  g_clear_pointer (report, tp_csv_report_unref);
  g_free (report);
}

static gboolean
import_job (TpWorkerJob  *job,
            GError      **error)
{
  TpCsvReport **report = job->data;

  *report = tp_csv_importer_run (job->source_object, job->db, job->progress, job->progress_data,
                                 job->cancellable, error);

  return *report != NULL;
}

/**
 * tp_csv_importer_run_async:
 * @self: a #TpCsvImporter
 * @db_path: the database file (the worker opens its own connection)
 * @progress: (nullable): called in the thread-default main context of the
 *   caller as the work goes on
 * @progress_data: data for @progress
 * @progress_data_destroy: (nullable): frees @progress_data at the end
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the import is done
 * @user_data: data for @callback
 *
 * Runs tp_csv_importer_run() on a worker thread. Do not change @self
 * until it finishes.
 */
void
tp_csv_importer_run_async (TpCsvImporter       *self,
                           const char          *db_path,
                           TpCsvProgressFunc    progress,
                           gpointer             progress_data,
                           GDestroyNotify       progress_data_destroy,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (TP_IS_CSV_IMPORTER (self));
  g_return_if_fail (db_path != NULL);

  _tp_worker_run_async (self, tp_csv_importer_run_async, db_path, TP_DATABASE_OPEN_EXISTING,
                        import_job, g_new0 (TpCsvReport *, 1), report_holder_free,
                        progress, progress_data, progress_data_destroy,
                        cancellable, callback, user_data);
}

/**
 * tp_csv_importer_run_finish:
 * @self: a #TpCsvImporter
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the report, or %NULL on error
 */
TpCsvReport *
tp_csv_importer_run_finish (TpCsvImporter  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  TpCsvReport **report = NULL;

  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), NULL);

  if (!_tp_worker_run_finish (result, self, tp_csv_importer_run_async, (gpointer *) &report, error))
    return NULL;

  return g_steal_pointer (report);
}
