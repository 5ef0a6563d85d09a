/* tp-backup-copy.c
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
#include <glib/gstdio.h>

#include "tp-backup-private.h"
#include "tp-migrations-private.h"

/*
 * A database copied into another (overview in tp-backup.c), table by
 * table through TpStatement, so a file becomes a team database or a team
 * database a file.
 */

/* INSERT INTO table (…) VALUES (?1, …), (…), … for @rows rows */
static char *
insert_rows_sql (TpBackupTable *table,
                 guint          rows)
{
  GString *sql = g_string_new (table->insert_sql);

  for (guint k = 1; k < rows; k++)
    {
      g_string_append (sql, ", (");
      for (guint i = 0; i < table->n_columns; i++)
        g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", k * table->n_columns + i + 1);
      g_string_append_c (sql, ')');
    }

  return g_string_free (sql, FALSE);
}

/* Inserts the first @rows rows of @values (rows × columns, NULL for
 * NULL) into @table of @target. */
static gboolean
copy_rows (TpDatabase     *target,
           TpBackupTable  *table,
           GVariant      **values,
           guint           rows,
           GError        **error)
{
  g_autofree char *sql = insert_rows_sql (table, rows);
  TpStatement *stmt = tp_database_prepare (target, sql, error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;

  for (guint k = 0; k < rows * table->n_columns; k++)
    tp_statement_bind_value (stmt, (int)k + 1, values[k]);
  tp_statement_step (stmt, &local_error);
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
copy_table (TpDatabase        *source,
            TpDatabase        *target,
            TpBackupTable     *table,
            TpBackupProgress  *progress,
            gint64            *rows_done,
            gint64             rows_total,
            GCancellable      *cancellable,
            GError           **error)
{
  g_autofree GVariant **values = g_new0 (GVariant *, TP_BACKUP_BATCH_ROWS * table->n_columns);
  GError *local_error = NULL;
  TpStatement *stmt;
  guint pending = 0;
  gboolean ok = TRUE;

  stmt = tp_database_prepare (source, table->select_sql, error);
  if (stmt == NULL)
    return FALSE;

  while (ok && tp_statement_step (stmt, &local_error))
    {
      for (guint i = 0; i < table->n_columns; i++)
        values[pending * table->n_columns + i] = tp_statement_dup_value (stmt, (int)i);

      if (++pending == TP_BACKUP_BATCH_ROWS)
        {
          ok = copy_rows (target, table, values, pending, error);
          for (guint k = 0; k < pending * table->n_columns; k++)
            g_clear_pointer (&values[k], g_variant_unref);
          pending = 0;
        }

      if (ok && ++(*rows_done) % TP_BACKUP_ROWS_PER_CHECK == 0)
        {
          ok = !g_cancellable_set_error_if_cancelled (cancellable, error);
          _tp_backup_progress_report (progress, (double)*rows_done / (double)MAX (rows_total, 1));
        }
    }
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      ok = FALSE;
    }

  if (ok && pending > 0)
    ok = copy_rows (target, table, values, pending, error);
  for (guint k = 0; k < pending * table->n_columns; k++)
    g_clear_pointer (&values[k], g_variant_unref);

  return ok;
}

/* The target of a copy: a new file, or a team database that holds no
 * rows (an empty server database gets the schema when it is opened). */
static TpDatabase *
open_copy_target (const char      *target,
                  gboolean        *created,
                  TpBackupSchema  *schema,
                  GError         **error)
{
  g_autoptr(TpDatabase) db = NULL;
  gboolean is_server = tp_database_path_is_server (target);

  *created = FALSE;
  if (!is_server && g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TP_BACKUP_ERROR, TP_BACKUP_ERROR_TARGET_NOT_EMPTY,
                   /* Translators: %s is a file name */
                   _("“%s” already exists. Copy the business to a new file, so that no "
                     "other file is changed."),
                   target);
      return NULL;
    }

  db = tp_database_open (target, error);
  if (db == NULL)
    return NULL;
  *created = !is_server;

  for (guint i = 0; i < schema->tables->len; i++)
    {
      if (_tp_backup_count_rows_statement (db, g_ptr_array_index (schema->tables, i)) > 0)
        {
          g_set_error (error, TP_BACKUP_ERROR, TP_BACKUP_ERROR_TARGET_NOT_EMPTY,
                       /* Translators: %s is a database address */
                       _("“%s” already holds a business. Copy into an empty database, so "
                         "that nothing there is replaced."),
                       tp_database_get_display_name (db));
          return NULL;
        }
    }

  return g_steal_pointer (&db);
}

/* A file the copy made and could not fill goes again, with SQLite's
 * working files. */
static void
remove_created_file (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_remove (name);
    }
}

/**
 * tp_backup_copy:
 * @source: the database to copy
 * @target: a file name that does not exist yet, or the URI of a team
 *   database that holds no business
 * @progress: (nullable) (scope call): called as the work goes on
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Copies every row of every table of @source, from one consistent
 * snapshot, into @target in one transaction: either engine to either.
 * A target that already exists (a file) or holds rows (a team database)
 * is refused with %TP_BACKUP_ERROR_TARGET_NOT_EMPTY and left as it is.
 * If the copy fails or is cancelled, nothing of it is committed: a team
 * database is left without rows, and a file the copy made is removed.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_backup_copy (TpDatabase            *source,
                const char            *target,
                TpBackupProgressFunc   progress,
                gpointer               progress_data,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autoptr(TpBackupSchema) schema = NULL;
  g_autoptr(TpDatabase) dest = NULL;
  TpBackupProgress report = { progress, progress_data, 0.0, 1.0, -1 };
  gboolean created = FALSE;
  gboolean ok = FALSE;
  gint64 rows_total = 0;
  gint64 rows_done = 0;

  g_return_val_if_fail (TP_IS_DATABASE (source), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (tp_database_get_depth (source) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  schema = _tp_backup_schema_load_model (error);
  if (schema == NULL)
    return FALSE;

  dest = open_copy_target (target, &created, schema, error);
  if (dest == NULL)
    return FALSE;

  _tp_backup_progress_report (&report, 0.0);

  /* Every table from the same moment */
  if (tp_database_begin_read (source, error))
    {
      for (guint i = 0; i < schema->tables->len; i++)
        rows_total += _tp_backup_count_rows_statement (source,
                                                       g_ptr_array_index (schema->tables, i));

      if (tp_database_begin_load (dest, error))
        {
          ok = TRUE;
          for (guint i = 0; ok && i < schema->tables->len; i++)
            ok = copy_table (source, dest, g_ptr_array_index (schema->tables, i), &report,
                             &rows_done, rows_total, cancellable, error);

          /* What the triggers keep for Results is worked out again */
          ok = ok && !g_cancellable_set_error_if_cancelled (cancellable, error) &&
               tp_database_end_load (dest, error) &&
               tp_database_exec (dest, _tp_migrations_results_rebuild (), error) &&
               !g_cancellable_set_error_if_cancelled (cancellable, error);
          if (ok)
            ok = tp_database_commit (dest, error);
          else
            tp_database_rollback (dest);
        }

      tp_database_commit (source, NULL);
    }

  if (!ok && created)
    {
      g_clear_object (&dest);
      remove_created_file (target);
    }

  if (ok)
    _tp_backup_progress_report (&report, 1.0);

  return ok;
}
