/* tp-csv-export.c
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

#include "tp-csv-private.h"

/*
 * Writing a table as CSV: every row of customers, touches or orders, with
 * a header line, in UTF-8 with commas and CR LF line ends (RFC 4180),
 * cells that a spreadsheet would run as a formula guarded with a quote
 * mark (see tp-csv-parser.c); and the same on a worker thread. What it
 * writes imports again unchanged: ids, times, enum nicks and amounts in
 * minor units as stored.
 */

#define FLUSH_SIZE (256 * 1024)

/* The columns of the export, in order */
static const char * const customer_columns[] = {
  "id", "name", "email", "phone", "audience", "source_channel", "stage", "notes",
  "touch_count", "last_touch_at", "first_order_at", "order_count", "total_spent_minor",
  "created_at", "updated_at", NULL
};

static const char * const touch_columns[] = {
  "id", "customer_id", "customer_name", "customer_email", "happened_at", "channel",
  "direction", "note", "tactic", "place", "done", "created_at", "updated_at", NULL
};

static const char * const order_columns[] = {
  "id", "customer_id", "customer_name", "customer_email", "ordered_at", "item",
  "amount_minor", "currency", "status", "fulfilled_at", "created_at", "updated_at", NULL
};

static const char * const export_sql[] = {
  "SELECT c.id, c.name, c.email, c.phone, a.name, c.source_channel, c.stage, c.notes,"
  " c.touch_count, c.last_touch_at, c.first_order_at, c.order_count, c.total_spent_minor,"
  " c.created_at, c.updated_at"
  " FROM customers AS c LEFT JOIN audiences AS a ON a.id = c.audience_id ORDER BY c.id",

  "SELECT t.id, t.customer_id, c.name, c.email, t.happened_at, t.channel, t.direction,"
  " t.note, ta.name, p.name, t.done, t.created_at, t.updated_at"
  " FROM touches AS t JOIN customers AS c ON c.id = t.customer_id"
  " LEFT JOIN tactics AS ta ON ta.id = t.tactic_id"
  " LEFT JOIN audience_places AS p ON p.id = t.place_id ORDER BY t.id",

  "SELECT o.id, o.customer_id, c.name, c.email, o.ordered_at, o.item, o.amount_minor,"
  " o.currency, o.status, o.fulfilled_at, o.created_at, o.updated_at"
  " FROM orders AS o JOIN customers AS c ON c.id = o.customer_id ORDER BY o.id",
};

/* One cell, in quotes when it needs them, with the quote mark before a
 * formula (see _tp_csv_needs_formula_guard()) */
static void
append_field (GString    *out,
              const char *text)
{
  gsize len = strlen (text);
  gboolean guard = _tp_csv_needs_formula_guard (text);
  gboolean quote = len > 0 && ((!guard && g_ascii_isspace (text[0])) ||
                               g_ascii_isspace (text[len - 1]));

  for (gsize i = 0; i < len && !quote; i++)
    {
      if (text[i] == ',' || text[i] == '"' || text[i] == '\n' || text[i] == '\r')
        quote = TRUE;
    }

  if (!quote)
    {
      if (guard)
        g_string_append_c (out, '\'');
      g_string_append_len (out, text, (gssize)len);
      return;
    }

  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, text[i]);
    }
  g_string_append_c (out, '"');
}

/* The same, for the other CSV files core writes (the results table) */
void
_tp_csv_append_field (GString    *out,
                      const char *text)
{
  append_field (out, text);
}

static gboolean
flush (GOutputStream  *stream,
       GString        *buffer,
       GCancellable   *cancellable,
       GError        **error)
{
  if (!g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;

  g_string_truncate (buffer, 0);
  return TRUE;
}

static gboolean
export_rows (TpDatabase         *db,
             TpCsvTable          table,
             GOutputStream      *stream,
             TpCsvProgressFunc   progress,
             gpointer            progress_data,
             GCancellable       *cancellable,
             GError            **error)
{
  const char * const *columns = table == TP_CSV_TABLE_CUSTOMERS ? customer_columns
                                : table == TP_CSV_TABLE_TOUCHES ? touch_columns
                                : order_columns;
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_SIZE + 64 * 1024);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s",
                                                tp_csv_table_to_string (table));
  GError *local_error = NULL;
  TpStatement *stmt;
  guint n_columns = g_strv_length ((char **)columns);
  gint64 total = 0;
  gint64 done = 0;
  int last_permille = -1;

  stmt = tp_database_prepare (db, count_sql, error);
  if (stmt == NULL)
    return FALSE;
  if (tp_statement_step (stmt, NULL))
    total = tp_statement_get_int64 (stmt, 0);
  tp_statement_reset (stmt);

  for (guint i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (buffer, ',');
      g_string_append (buffer, columns[i]);
    }
  g_string_append (buffer, "\r\n");

  stmt = tp_database_prepare (db, export_sql[table], error);
  if (stmt == NULL)
    return FALSE;

  while (tp_statement_step (stmt, &local_error))
    {
      for (guint i = 0; i < n_columns; i++)
        {
          if (i > 0)
            g_string_append_c (buffer, ',');
          if (!tp_statement_is_null (stmt, (int)i))
            append_field (buffer, tp_statement_get_text (stmt, (int)i));
        }
      g_string_append (buffer, "\r\n");

      if (buffer->len >= FLUSH_SIZE && !flush (stream, buffer, cancellable, &local_error))
        break;

      if (++done % TP_CSV_ROWS_PER_CHECK == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
            break;

          if (progress != NULL && total > 0 && (int)(1000 * done / total) != last_permille)
            {
              last_permille = (int)(1000 * done / total);
              progress ((double)done / (double)total, progress_data);
            }
        }
    }
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (!flush (stream, buffer, cancellable, error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, progress_data);

  return TRUE;
}

/**
 * tp_csv_export:
 * @db: the database
 * @table: which table to write
 * @file: the CSV file to write
 * @progress: (nullable) (scope call): called as the work goes on
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes every row of @table, with a header line, in UTF-8 with commas
 * and CR LF line ends (RFC 4180). Customers come with the figures derived
 * from their touches and orders; touches and orders with the name and
 * email of their customer. The file imports again unchanged. @file is
 * replaced only once complete.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_csv_export (TpDatabase         *db,
               TpCsvTable          table,
               GFile              *file,
               TpCsvProgressFunc   progress,
               gpointer            progress_data,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) discard = NULL;
  gboolean own_transaction;
  gboolean existed;
  gboolean ok;

  g_return_val_if_fail (TP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (table <= TP_CSV_TABLE_ORDERS, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  /* A read transaction: the rows of one moment */
  own_transaction = tp_database_get_depth (db) == 0;
  if (own_transaction)
    own_transaction = tp_database_begin_read (db, NULL);

  ok = export_rows (db, table, G_OUTPUT_STREAM (stream), progress, progress_data,
                    cancellable, error);

  if (own_transaction)
    tp_database_commit (db, NULL);

  if (ok)
    return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);

  /* Closing with a cancelled cancellable drops the temporary file that
   * g_file_replace() writes beside an existing one. */
  discard = g_cancellable_new ();
  g_cancellable_cancel (discard);
  g_output_stream_close (G_OUTPUT_STREAM (stream), discard, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);

  return FALSE;
}

typedef struct
{
  TpCsvTable  table;
  GFile      *file;
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  g_object_unref (export->file);
  g_free (export);
}

static gboolean
export_job (TpWorkerJob  *job,
            GError      **error)
{
  Export *export = job->data;

  return tp_csv_export (job->db, export->table, export->file, job->progress, job->progress_data,
                        job->cancellable, error);
}

/**
 * tp_csv_export_async:
 * @db_path: the database file (the worker opens its own connection)
 * @table: which table to write
 * @file: the CSV file to write
 * @progress: (nullable): called in the thread-default main context of the
 *   caller as the work goes on
 * @progress_data: data for @progress
 * @progress_data_destroy: (nullable): frees @progress_data at the end
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the export is done
 * @user_data: data for @callback
 *
 * Runs tp_csv_export() on a worker thread.
 */
void
tp_csv_export_async (const char          *db_path,
                     TpCsvTable           table,
                     GFile               *file,
                     TpCsvProgressFunc    progress,
                     gpointer             progress_data,
                     GDestroyNotify       progress_data_destroy,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  Export *export;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (table <= TP_CSV_TABLE_ORDERS);
  g_return_if_fail (G_IS_FILE (file));

  export = g_new0 (Export, 1);
  export->table = table;
  export->file = g_object_ref (file);
  _tp_worker_run_async (NULL, tp_csv_export_async, db_path, TP_DATABASE_OPEN_READ_ONLY,
                        export_job, export, export_free,
                        progress, progress_data, progress_data_destroy,
                        cancellable, callback, user_data);
}

/**
 * tp_csv_export_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tp_csv_export_finish (GAsyncResult  *result,
                      GError       **error)
{
  return _tp_worker_run_finish (result, NULL, tp_csv_export_async, NULL, error);
}
