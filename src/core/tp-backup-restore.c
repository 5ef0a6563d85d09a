/* tp-backup-restore.c
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

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tp-backup-private.h"
#include "tp-migrations-private.h"

/*
 * A backup restored (overview in tp-backup.c): the first pass checks the
 * whole file and changes nothing; then the old database is kept (a file
 * copied beside itself, a team database written as a backup) and the
 * second pass replaces every row in one transaction.
 */

#define PAGES_PER_STEP   4096

static void
restore_clear (TpBackupRestore *self)
{
  if (self->states != NULL)
    {
      for (guint i = 0; i < self->schema->tables->len; i++)
        {
          TpBackupTable *table = g_ptr_array_index (self->schema->tables, i);

          g_clear_pointer (&self->states[i].ids, g_array_unref);
          if (self->states[i].uniques != NULL)
            {
              for (guint j = 0; j < table->n_columns; j++)
                g_clear_pointer (&self->states[i].uniques[j], g_hash_table_unref);
              g_free (self->states[i].uniques);
            }
        }
      g_free (self->states);
    }

  if (self->slots != NULL)
    {
      for (guint i = 0; i < TP_BACKUP_BATCH_ROWS * self->schema->max_columns; i++)
        g_string_free (self->slots[i].text, TRUE);
      g_free (self->slots);
    }

  if (self->key != NULL)
    g_string_free (self->key, TRUE);
  g_clear_pointer (&self->figures, g_free);
  g_clear_pointer (&self->schema, _tp_backup_schema_free);
  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->insert_one, tp_statement_reset);
  g_clear_pointer (&self->insert_batch, tp_statement_reset);
}

static gboolean
restore_init (TpBackupRestore  *self,
              TpDatabase       *db,
              GFile            *file,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autofree char *path = g_file_get_path (file);

  memset (self, 0, sizeof *self);
  self->db = db;
  self->cancellable = cancellable;
  self->name = g_file_get_basename (file);
  self->reader.name = self->name;
  self->reader.line = 1;

  if (path != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      self->mapped = g_mapped_file_new (path, FALSE, &local_error);
      if (self->mapped == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       "%s: %s", self->name, local_error->message);
          return FALSE;
        }
      self->reader.data = (const guchar *)g_mapped_file_get_contents (self->mapped);
      self->reader.len = g_mapped_file_get_length (self->mapped);
    }
  else
    {
      self->bytes = g_file_load_bytes (file, cancellable, NULL, error);
      if (self->bytes == NULL)
        return FALSE;
      self->reader.data = g_bytes_get_data (self->bytes, &self->reader.len);
    }

  /* A file describes its own tables; a team database has the tables of
   * the same migration steps. */
  self->schema = tp_database_get_handle (db) != NULL
                 ? _tp_backup_schema_load (tp_database_get_handle (db), error)
                 : _tp_backup_schema_load_model (error);
  if (self->schema == NULL)
    return FALSE;

  self->states = g_new0 (TpBackupTableState, self->schema->tables->len);
  for (guint i = 0; i < self->schema->tables->len; i++)
    {
      TpBackupTable *table = g_ptr_array_index (self->schema->tables, i);

      self->states[i].ids = g_array_new (FALSE, FALSE, sizeof (TpBackupIdLine));
      self->states[i].ascending = TRUE;
      self->states[i].uniques = g_new0 (GHashTable *, table->n_columns);
      for (guint j = 0; j < table->n_columns; j++)
        {
          if (table->columns[j].unique != TP_BACKUP_UNIQUE_NONE)
            self->states[i].uniques[j] = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                g_free, NULL);
        }
    }

  self->slots = g_new0 (TpBackupSlot, TP_BACKUP_BATCH_ROWS * self->schema->max_columns);
  for (guint i = 0; i < TP_BACKUP_BATCH_ROWS * self->schema->max_columns; i++)
    self->slots[i].text = g_string_new (NULL);
  self->row = self->slots;
  self->key = g_string_new (NULL);

  return TRUE;
}

static gboolean
parents_done (TpBackupRestore *self,
              int              table_index)
{
  TpBackupTable *table = g_ptr_array_index (self->schema->tables, table_index);

  for (guint i = 0; i < table->n_columns; i++)
    {
      int parent = table->columns[i].ref_table;

      if (parent >= 0 && parent != table_index && !self->states[parent].done)
        return FALSE;
    }

  return TRUE;
}

static gboolean
seek_and_process (TpBackupRestore  *self,
                  int               table_index,
                  GError          **error)
{
  TpBackupReader *r = &self->reader;
  gsize pos = r->pos;
  guint line = r->line;

  r->pos = self->states[table_index].offset;
  r->line = self->states[table_index].line;

  if (!_tp_backup_process_table (self, table_index, error))
    return FALSE;

  r->pos = pos;
  r->line = line;

  return TRUE;
}

/* Validates the "tables" object at the reader's position. Tables come in
 * any order; one whose parents have not been read yet is read later. */
static gboolean
validate_tables (TpBackupRestore  *self,
                 GError          **error)
{
  TpBackupReader *r = &self->reader;
  TpBackupSchema *schema = self->schema;
  int c;

  c = _tp_backup_peek (r);
  if (c < 0)
    return _tp_backup_fail_truncated (r, error);
  if (c != '{')
    return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                            _("“tables” must be an object in braces"));
  r->pos++;

  if (_tp_backup_peek (r) == '}')
    {
      r->pos++;
    }
  else
    {
      for (;;)
        {
          TpBackupTableState *state;
          int index;

          if (!_tp_backup_read_key (r, self->key, error))
            return FALSE;

          index = _tp_backup_schema_find_table (schema, self->key->str);
          if (index < 0)
            {
              g_autofree char *shown = _tp_backup_excerpt (self->key->str);

              return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                                      /* Translators: %s is the name of a table */
                                      _("unknown table “%s”"), shown);
            }

          state = &self->states[index];
          if (state->seen)
            return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                                    /* Translators: %s is the name of a table */
                                    _("table “%s” appears twice"), self->key->str);
          state->seen = TRUE;

          if (parents_done (self, index))
            {
              if (!_tp_backup_process_table (self, index, error))
                return FALSE;
            }
          else
            {
              c = _tp_backup_peek (r);
              if (c != '[')
                return _tp_backup_process_table (self, index, error);
              state->offset = r->pos;
              state->line = r->line;
              if (!_tp_backup_skip_value (r, error))
                return FALSE;
            }

          c = _tp_backup_peek (r);
          if (c < 0)
            return _tp_backup_fail_truncated (r, error);
          r->pos++;
          if (c == '}')
            break;
          if (c != ',')
            {
              r->pos--;
              return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                      _("broken JSON: expected “,” or “}” here"));
            }
        }
    }

  for (guint i = 0; i < schema->tables->len; i++)
    {
      TpBackupTable *table = g_ptr_array_index (schema->tables, i);

      if (!self->states[i].seen)
        return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                                /* Translators: %s is the name of a table */
                                _("table “%s” is missing from “tables”"), table->name);

      if (!self->states[i].done && !seek_and_process (self, (int)i, error))
        return FALSE;
    }

  return TRUE;
}

/* The first pass: reads the whole file and checks everything, changing
 * nothing. */
static gboolean
validate (TpBackupRestore  *self,
          GError          **error)
{
  TpBackupReader *r = &self->reader;
  gboolean tables_pending = FALSE;
  int c;

  if (r->len >= 3 && memcmp (r->data, "\xef\xbb\xbf", 3) == 0)
    r->pos = 3;

  c = _tp_backup_peek (r);
  if (c < 0)
    return _tp_backup_fail_file (r, error, TP_BACKUP_ERROR_NOT_BACKUP,
                                 _("the file is empty, so it is not a Touchpoint backup"));
  if (c != '{')
    return _tp_backup_fail_file (r, error, TP_BACKUP_ERROR_NOT_BACKUP,
                                 _("this is not a Touchpoint backup, which is a JSON file that "
                                   "starts with “{”"));
  r->pos++;

  if (_tp_backup_peek (r) == '}')
    {
      r->pos++;
    }
  else
    {
      for (;;)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          gint64 integer = 0;
          TpBackupScalarKind kind;
          guint line;

          if (!_tp_backup_read_key (r, self->key, error))
            return FALSE;

          _tp_backup_skip_space (r);
          line = r->line;

          if (g_str_equal (self->key->str, "format"))
            {
              if (self->format_seen)
                return _tp_backup_fail (r, line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                        _("“format” appears twice"));
              if (!_tp_backup_read_scalar (r, text, &integer, &kind, error))
                return FALSE;
              if (kind != TP_BACKUP_SCALAR_STRING || !g_str_equal (text->str, TP_BACKUP_FORMAT))
                return _tp_backup_fail_file (r, error, TP_BACKUP_ERROR_NOT_BACKUP,
                                             _("this is not a Touchpoint backup: its “format” "
                                               "is not “touchpoint-backup”"));
              self->format_seen = TRUE;
            }
          else if (g_str_equal (self->key->str, "version"))
            {
              if (self->version_seen)
                return _tp_backup_fail (r, line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                        _("“version” appears twice"));
              if (!_tp_backup_read_scalar (r, text, &integer, &kind, error))
                return FALSE;
              if (kind == TP_BACKUP_SCALAR_TOO_LARGE ||
                  (kind == TP_BACKUP_SCALAR_INTEGER && integer > TP_BACKUP_VERSION))
                {
                  g_autofree char *shown = NULL;

                  if (kind == TP_BACKUP_SCALAR_TOO_LARGE)
                    shown = g_strdup ("…");
                  else
                    shown = g_strdup_printf ("%" G_GINT64_FORMAT, integer);

                  g_set_error (error, TP_BACKUP_ERROR, TP_BACKUP_ERROR_NEWER_VERSION,
                               /* Translators: the first %s is a file name, the second a
                                * version number, %d another version number */
                               _("%s: this backup was made by a newer version of Touchpoint "
                                 "(backup version %s; this version reads up to %d). Update "
                                 "Touchpoint to restore it."),
                               self->name, shown, TP_BACKUP_VERSION);
                  return FALSE;
                }
              if (kind != TP_BACKUP_SCALAR_INTEGER || integer < 1)
                return _tp_backup_fail (r, line, error, TP_BACKUP_ERROR_UNKNOWN_VERSION,
                                        /* Translators: %d is a version number */
                                        _("“version” must be a whole number from 1 to %d; "
                                          "this is not a backup version Touchpoint knows"),
                                        TP_BACKUP_VERSION);
              self->version_seen = TRUE;
            }
          else if (g_str_equal (self->key->str, "exported_at"))
            {
              if (self->exported_at_seen)
                return _tp_backup_fail (r, line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                        _("“exported_at” appears twice"));
              if (!_tp_backup_read_scalar (r, text, &integer, &kind, error))
                return FALSE;
              if (kind != TP_BACKUP_SCALAR_STRING ||
                  !tp_schema_time_is_canonical (text->str, text->len))
                return _tp_backup_fail (r, line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                        _("“exported_at” must be a time in UTC such as "
                                          "2026-11-28T12:00:00Z"));
              self->exported_at_seen = TRUE;
            }
          else if (g_str_equal (self->key->str, "tables"))
            {
              if (self->tables_seen)
                return _tp_backup_fail (r, line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                        _("“tables” appears twice"));
              self->tables_seen = TRUE;

              /* The version decides how to read the tables: if it comes
               * later, come back to them. */
              if (self->format_seen && self->version_seen)
                {
                  if (!validate_tables (self, error))
                    return FALSE;
                }
              else
                {
                  tables_pending = TRUE;
                  self->tables_offset = r->pos;
                  self->tables_line = r->line;
                  if (!_tp_backup_skip_value (r, error))
                    return FALSE;
                }
            }
          else if (!_tp_backup_skip_value (r, error))
            {
              return FALSE;
            }

          c = _tp_backup_peek (r);
          if (c < 0)
            return _tp_backup_fail_truncated (r, error);
          r->pos++;
          if (c == '}')
            break;
          if (c != ',')
            {
              r->pos--;
              return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                      _("broken JSON: expected “,” or “}” here"));
            }
        }
    }

  if (_tp_backup_peek (r) >= 0)
    return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                            _("broken JSON: there is more text after the end of the backup"));

  if (!self->format_seen)
    return _tp_backup_fail_file (r, error, TP_BACKUP_ERROR_NOT_BACKUP,
                                 _("this is not a Touchpoint backup: it has no “format”"));
  if (!self->version_seen)
    return _tp_backup_fail_file (r, error, TP_BACKUP_ERROR_UNKNOWN_VERSION,
                                 _("the backup does not say its “version”"));
  if (!self->exported_at_seen)
    return _tp_backup_fail_file (r, error, TP_BACKUP_ERROR_INVALID,
                                 _("the backup does not say when it was made (“exported_at”)"));
  if (!self->tables_seen)
    return _tp_backup_fail_file (r, error, TP_BACKUP_ERROR_INVALID,
                                 _("the backup has no “tables”"));

  if (tables_pending)
    {
      r->pos = self->tables_offset;
      r->line = self->tables_line;
      if (!validate_tables (self, error))
        return FALSE;
    }

  _tp_backup_progress_report (&self->progress, 1.0);

  return TRUE;
}

/**
 * tp_backup_validate:
 * @db: a database, whose schema the backup is checked against
 * @file: a backup
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Checks that @file is a backup that tp_backup_restore() would accept,
 * without changing anything.
 *
 * Returns: %TRUE if @file can be restored
 */
gboolean
tp_backup_validate (TpDatabase    *db,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  TpBackupRestore self;
  gboolean ok;

  g_return_val_if_fail (TP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = restore_init (&self, db, file, cancellable, error) && validate (&self, error);
  restore_clear (&self);

  return ok;
}

/* Copies the database, as it is at the start of the restore's
 * transaction, to a new file beside it. The restore's connection holds
 * the write lock, so a second, reading connection sees exactly the rows
 * the restore is about to replace. */
static gboolean
copy_aside (TpBackupRestore  *self,
            char            **copy_path,
            GError          **error)
{
  const char *path = tp_database_get_path (self->db);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H-%M-%SZ");
  g_autofree char *candidate = NULL;
  sqlite3_backup *backup = NULL;
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  guint busy = 0;
  int rc;

  for (guint n = 1; candidate == NULL || g_file_test (candidate, G_FILE_TEST_EXISTS); n++)
    {
      g_free (candidate);
      if (n == 1)
        candidate = g_strdup_printf ("%s.before-restore-%s", path, stamp);
      else
        candidate = g_strdup_printf ("%s.before-restore-%s-%u", path, stamp, n);
    }

  rc = sqlite3_open_v2 (path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (candidate, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second what went wrong */
                   _("Could not keep a copy of the database in “%s”, so nothing was "
                     "restored: %s"),
                   candidate,
                   dest != NULL ? sqlite3_errmsg (dest)
                   : source != NULL ? sqlite3_errmsg (source) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      sqlite3_close (source);
      g_unlink (candidate);
      return FALSE;
    }

  do
    {
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);

      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        {
          if (++busy > 500)
            break;
          sqlite3_sleep (10);
        }

      if (g_cancellable_is_cancelled (self->cancellable))
        break;

      _tp_backup_progress_report (&self->progress,
                                  1.0 - (double)sqlite3_backup_remaining (backup) /
                                  (double)MAX (sqlite3_backup_pagecount (backup), 1));
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      if (!g_cancellable_set_error_if_cancelled (self->cancellable, error))
        g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FAILED,
                     /* Translators: the first %s is a file name, the second what went wrong */
                     _("Could not keep a copy of the database in “%s”, so nothing was "
                       "restored: %s"),
                     candidate, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      sqlite3_close (source);
      g_unlink (candidate);
      return FALSE;
    }

  sqlite3_close (dest);
  sqlite3_close (source);
  *copy_path = g_steal_pointer (&candidate);

  return TRUE;
}

/* A team database has no file to copy: it is kept as a backup in
 * Touchpoint's folder, read in the restore's own transaction, so it holds
 * exactly the rows the restore replaces. */
static gboolean
keep_team_copy (TpBackupRestore  *self,
                char            **copy_path,
                GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H-%M-%SZ");
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "touchpoint", NULL);
  g_autofree char *name = g_strdup (strrchr (tp_database_get_display_name (self->db), '/') + 1);
  g_autofree char *candidate = NULL;
  g_autoptr(TpBackupSchema) schema = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_strcanon (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", '-');
  for (guint n = 1; candidate == NULL || g_file_test (candidate, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *base = NULL;

      g_free (candidate);
      if (n == 1)
        base = g_strdup_printf ("team-%s.before-restore-%s.json", name, stamp);
      else
        base = g_strdup_printf ("team-%s.before-restore-%s-%u.json", name, stamp, n);
      candidate = g_build_filename (folder, base, NULL);
    }

  file = g_file_new_for_path (candidate);
  schema = _tp_backup_schema_load_model (&local_error);
  ok = schema != NULL && g_mkdir_with_parents (folder, 0700) == 0;
  if (ok)
    stream = g_file_create (file, G_FILE_CREATE_PRIVATE, self->cancellable, &local_error);
  ok = stream != NULL &&
       _tp_backup_export_to_stream (self->db, schema, G_OUTPUT_STREAM (stream), &self->progress,
                                    self->cancellable, &local_error) &&
       g_output_stream_close (G_OUTPUT_STREAM (stream), self->cancellable, &local_error);

  if (!ok)
    {
      g_file_delete (file, NULL, NULL);
      if (local_error != NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second what went wrong */
                   _("Could not keep a copy of the database in “%s”, so nothing was "
                     "restored: %s"),
                   candidate, local_error != NULL ? local_error->message : g_strerror (errno));
      return FALSE;
    }

  *copy_path = g_steal_pointer (&candidate);

  return TRUE;
}

/* The second pass, in one transaction: replaces every row. */
static gboolean
load (TpBackupRestore  *self,
      char            **copy_path,
      GError          **error)
{
  TpBackupSchema *schema = self->schema;
  const char *path = tp_database_get_path (self->db);
  g_autofree char *broken_table = NULL;
  g_autofree char *broken_parent = NULL;
  GError *local_error = NULL;
  gint64 broken_id = 0;

  /* Indexes and triggers go while the rows are loaded (the figures they
   * keep were computed during validation) and come back afterwards. */
  if (!tp_database_begin_load (self->db, error))
    return FALSE;

  if (tp_database_is_server (self->db))
    {
      _tp_backup_progress_range (&self->progress, 0.35, 0.45);
      if (!keep_team_copy (self, copy_path, error))
        goto failed;
    }
  else if (!g_str_equal (path, ":memory:"))
    {
      _tp_backup_progress_range (&self->progress, 0.35, 0.45);
      if (!copy_aside (self, copy_path, error))
        goto failed;
    }

  for (guint i = schema->tables->len; i > 0; i--)
    {
      TpBackupTable *table = g_ptr_array_index (schema->tables, i - 1);
      g_autofree char *quoted = _tp_backup_quote_identifier (table->name);
      g_autofree char *sql = g_strconcat ("DELETE FROM ", quoted, NULL);

      if (!tp_database_exec (self->db, sql, error))
        goto failed;
    }

  _tp_backup_progress_range (&self->progress, 0.45, 0.9);
  self->loading = TRUE;
  self->rows_since_check = 0;
  self->bytes_total = 0;
  for (guint i = 0; i < schema->tables->len; i++)
    self->bytes_total += self->states[i].end - self->states[i].offset;

  for (guint i = 0; i < schema->tables->len; i++)
    {
      if (!seek_and_process (self, (int)i, error))
        goto failed;
    }

  _tp_backup_progress_report (&self->progress, 1.0);
  _tp_backup_progress_range (&self->progress, 0.9, 0.98);
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error) ||
      !tp_database_end_load (self->db, error))
    goto failed;

  /* What the triggers keep for Results, from the rows just loaded (with
   * the indexes back) */
  if (!tp_database_exec (self->db, _tp_migrations_results_rebuild (), error))
    goto failed;

  _tp_backup_progress_report (&self->progress, 1.0);
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    goto failed;

  /* The rows went in with SQLite's foreign keys off; every reference is
   * checked once more before anything is committed, whatever the first
   * pass may have missed. */
  if (tp_database_find_broken_reference (self->db, &broken_table, &broken_id, &broken_parent,
                                         &local_error))
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, broken_id);
      g_autofree char *message = g_strdup_printf (/* Translators: the first %s is a number, the
                                                   * second and third the names of tables */
                                                  _("the row with id %s in “%s” refers to a row "
                                                    "of “%s” that is not in the backup"),
                                                  id, broken_table, broken_parent);

      _tp_backup_fail_file (&self->reader, error, TP_BACKUP_ERROR_INVALID, message);
      goto failed;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto failed;
    }

  _tp_backup_progress_range (&self->progress, 0.98, 1.0);
  if (!tp_database_commit (self->db, error))
    goto failed_closed;

  _tp_backup_progress_report (&self->progress, 1.0);

  return TRUE;

failed:
  tp_database_rollback (self->db);
failed_closed:
  if (*copy_path != NULL)
    {
      g_unlink (*copy_path);
      g_clear_pointer (copy_path, g_free);
    }
  return FALSE;
}

/**
 * tp_backup_restore:
 * @db: the database to replace the contents of
 * @file: a backup written by tp_backup_export()
 * @saved_copy: (out) (optional) (nullable): where to put the name of the
 *   copy of the old database, %NULL for an in-memory database
 * @progress: (nullable) (scope call): called as the work goes on
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces every row of @db with the rows of @file.
 *
 * The whole file is validated first (its format and version, the type of
 * every value, required fields, enum values, times, duplicate ids and
 * references between tables); a problem is reported with the file, line
 * and field, and nothing is changed. Then the database is copied beside
 * itself ("touchpoint.db.before-restore-2026-11-28T12-00-00Z"; a team
 * database as a backup in Touchpoint's data folder,
 * "team-shop.before-restore-….json") and its contents are replaced in one
 * transaction, which a failure or a cancellation rolls back entirely.
 * Either engine restores a backup made on either.
 *
 * @db must not be inside a transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_backup_restore (TpDatabase            *db,
                   GFile                 *file,
                   char                 **saved_copy,
                   TpBackupProgressFunc   progress,
                   gpointer               progress_data,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autofree char *copy_path = NULL;
  TpBackupRestore self;
  gboolean ok = FALSE;

  g_return_val_if_fail (TP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (tp_database_get_depth (db) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (saved_copy != NULL)
    *saved_copy = NULL;

  if (!restore_init (&self, db, file, cancellable, error))
    {
      restore_clear (&self);
      return FALSE;
    }

  self.progress = (TpBackupProgress) { progress, progress_data, 0.0, 0.35, -1 };

  if (validate (&self, error))
    ok = load (&self, &copy_path, error);

  restore_clear (&self);

  if (ok && saved_copy != NULL)
    *saved_copy = g_steal_pointer (&copy_path);

  return ok;
}
