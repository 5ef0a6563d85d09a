/* tp-backup-export.c
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

#define G_LOG_DOMAIN "tp-backup"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tp-backup-private.h"

/*
 * The backup written (overview in tp-backup.c): every table, parents
 * first, one row per line, as a stream of JSON, from a file or a team
 * database.
 */

#define FLUSH_SIZE       (256 * 1024)

typedef struct
{
  GOutputStream *stream;
  GString       *buffer;
  GCancellable  *cancellable;
} Writer;

static gboolean
writer_flush (Writer  *writer,
              GError **error)
{
  if (writer->buffer->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (writer->stream, writer->buffer->str, writer->buffer->len,
                                  NULL, writer->cancellable, error))
    return FALSE;

  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

static void
append_json_string (GString    *out,
                    const char *text,
                    gsize       len)
{
  g_autofree char *valid = NULL;
  gsize start = 0;

  if (!g_utf8_validate_len (text, len, NULL))
    {
      /* SQLite does not check text; JSON must be UTF-8. */
      valid = g_utf8_make_valid (text, len);
      text = valid;
      len = strlen (valid);
    }

  g_string_append_c (out, '"');

  for (gsize i = 0; i < len; i++)
    {
      guchar c = text[i];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, text + start, i - start);
      start = i + 1;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
    }

  g_string_append_len (out, text + start, len - start);
  g_string_append_c (out, '"');
}

static gint64
count_rows (sqlite3       *handle,
            TpBackupTable *table)
{
  g_autofree char *quoted = _tp_backup_quote_identifier (table->name);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", quoted);
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static gboolean
write_table (Writer            *writer,
             sqlite3           *handle,
             TpBackupTable     *table,
             TpBackupProgress  *progress,
             gint64            *rows_done,
             gint64             rows_total,
             GError           **error)
{
  GString *out = writer->buffer;
  sqlite3_stmt *stmt = NULL;
  gboolean first = TRUE;
  int rc;

  rc = sqlite3_prepare_v2 (handle, table->select_sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _tp_backup_set_sqlite_error (error, handle, rc);

  g_string_append (out, "    ");
  append_json_string (out, table->name, strlen (table->name));
  g_string_append (out, ": [");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (out, first ? "\n      {" : ",\n      {");
      first = FALSE;

      for (guint i = 0; i < table->n_columns; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append (out, table->columns[i].json_key);

          switch (sqlite3_column_type (stmt, (int)i))
            {
            case SQLITE_INTEGER:
              g_string_append_printf (out, "%" G_GINT64_FORMAT,
                                      (gint64)sqlite3_column_int64 (stmt, (int)i));
              break;

            case SQLITE_FLOAT:
              {
                char number[G_ASCII_DTOSTR_BUF_SIZE];

                g_string_append (out, g_ascii_dtostr (number, sizeof number,
                                                      sqlite3_column_double (stmt, (int)i)));
              }
              break;

            case SQLITE_NULL:
              g_string_append (out, "null");
              break;

            case SQLITE_TEXT:
            case SQLITE_BLOB:
            default:
              {
                const char *text = (const char *)sqlite3_column_text (stmt, (int)i);

                append_json_string (out, text != NULL ? text : "",
                                    (gsize)sqlite3_column_bytes (stmt, (int)i));
              }
              break;
            }
        }

      g_string_append_c (out, '}');

      if (out->len >= FLUSH_SIZE)
        {
          if (!writer_flush (writer, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }

      if (++(*rows_done) % TP_BACKUP_ROWS_PER_CHECK == 0)
        {
          if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
          _tp_backup_progress_report (progress, (double)*rows_done / (double)MAX (rows_total, 1));
        }
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _tp_backup_set_sqlite_error (error, handle, rc);

  g_string_append (out, first ? "]" : "\n    ]");

  return TRUE;
}

/* write_table() through TpStatement, for a team database: the server's
 * columns are typed, so an integer column holds integers and every other
 * column text (or NULL). */
static gboolean
write_table_statement (Writer            *writer,
                       TpDatabase        *db,
                       TpBackupTable     *table,
                       TpBackupProgress  *progress,
                       gint64            *rows_done,
                       gint64             rows_total,
                       GError           **error)
{
  GString *out = writer->buffer;
  GError *local_error = NULL;
  TpStatement *stmt;
  gboolean first = TRUE;

  stmt = tp_database_prepare (db, table->select_sql, error);
  if (stmt == NULL)
    return FALSE;

  g_string_append (out, "    ");
  append_json_string (out, table->name, strlen (table->name));
  g_string_append (out, ": [");

  while (tp_statement_step (stmt, &local_error))
    {
      g_string_append (out, first ? "\n      {" : ",\n      {");
      first = FALSE;

      for (guint i = 0; i < table->n_columns; i++)
        {
          const char *text = tp_statement_get_text (stmt, (int)i);

          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append (out, table->columns[i].json_key);

          if (text == NULL)
            g_string_append (out, "null");
          else if (table->columns[i].is_integer)
            g_string_append_printf (out, "%" G_GINT64_FORMAT, tp_statement_get_int64 (stmt, (int)i));
          else
            append_json_string (out, text, strlen (text));
        }

      g_string_append_c (out, '}');

      if ((out->len >= FLUSH_SIZE && !writer_flush (writer, error)) ||
          (++(*rows_done) % TP_BACKUP_ROWS_PER_CHECK == 0 &&
           g_cancellable_set_error_if_cancelled (writer->cancellable, error)))
        {
          tp_statement_reset (stmt);
          return FALSE;
        }
      if (*rows_done % TP_BACKUP_ROWS_PER_CHECK == 0)
        _tp_backup_progress_report (progress, (double)*rows_done / (double)MAX (rows_total, 1));
    }
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  g_string_append (out, first ? "]" : "\n    ]");

  return TRUE;
}

gint64
_tp_backup_count_rows_statement (TpDatabase    *db,
                                 TpBackupTable *table)
{
  g_autofree char *quoted = _tp_backup_quote_identifier (table->name);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", quoted);
  TpStatement *stmt = tp_database_prepare (db, sql, NULL);
  gint64 n = 0;

  if (stmt != NULL && tp_statement_step (stmt, NULL))
    n = tp_statement_get_int64 (stmt, 0);
  if (stmt != NULL)
    tp_statement_reset (stmt);

  return n;
}

gboolean
_tp_backup_export_to_stream (TpDatabase        *db,
                             TpBackupSchema    *schema,
                             GOutputStream     *stream,
                             TpBackupProgress  *progress,
                             GCancellable      *cancellable,
                             GError           **error)
{
  sqlite3 *handle = tp_database_get_handle (db);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exported_at = tp_schema_format_time (now);
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_SIZE + 64 * 1024);
  Writer writer = { stream, buffer, cancellable };
  gint64 rows_total = 0;
  gint64 rows_done = 0;

  for (guint i = 0; i < schema->tables->len; i++)
    {
      TpBackupTable *table = g_ptr_array_index (schema->tables, i);

      rows_total += handle != NULL ? count_rows (handle, table)
                                   : _tp_backup_count_rows_statement (db, table);
    }

  g_string_append_printf (buffer,
                          "{\n"
                          "  \"format\": \"%s\",\n"
                          "  \"version\": %d,\n"
                          "  \"exported_at\": \"%s\",\n"
                          "  \"tables\": {\n",
                          TP_BACKUP_FORMAT, TP_BACKUP_VERSION, exported_at);

  for (guint i = 0; i < schema->tables->len; i++)
    {
      TpBackupTable *table = g_ptr_array_index (schema->tables, i);

      if (handle != NULL ? !write_table (&writer, handle, table, progress, &rows_done,
                                         rows_total, error)
                         : !write_table_statement (&writer, db, table, progress, &rows_done,
                                                   rows_total, error))
        return FALSE;

      g_string_append (buffer, i + 1 < schema->tables->len ? ",\n" : "\n");
    }

  g_string_append (buffer, "  }\n}\n");

  if (!writer_flush (&writer, error))
    return FALSE;

  _tp_backup_progress_report (progress, 1.0);

  return TRUE;
}

/**
 * tp_backup_export:
 * @db: the database to back up
 * @file: the JSON file to write
 * @progress: (nullable) (scope call): called as the work goes on
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes every row of every table of @db to @file, from one consistent
 * snapshot. @file is replaced only once it is complete: if the export
 * fails or is cancelled, an existing file is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_backup_export (TpDatabase            *db,
                  GFile                 *file,
                  TpBackupProgressFunc   progress,
                  gpointer               progress_data,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_autoptr(TpBackupSchema) schema = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) discard = NULL;
  sqlite3 *handle;
  TpBackupProgress report = { progress, progress_data, 0.0, 1.0, -1 };
  gboolean existed;
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (TP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* NULL on a team database */
  handle = tp_database_get_handle (db);

  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  /* One read transaction: all tables from the same moment */
  own_transaction = tp_database_get_depth (db) == 0;
  if (own_transaction && !tp_database_begin_read (db, error))
    {
      ok = FALSE;
    }
  else
    {
      schema = handle != NULL ? _tp_backup_schema_load (handle, error)
                              : _tp_backup_schema_load_model (error);
      ok = schema != NULL &&
           _tp_backup_export_to_stream (db, schema, G_OUTPUT_STREAM (stream), &report,
                                        cancellable, error);

      if (own_transaction)
        tp_database_commit (db, NULL);
    }

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
