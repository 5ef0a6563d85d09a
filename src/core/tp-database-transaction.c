/* tp-database-transaction.c
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

#define G_LOG_DOMAIN "tp-database"

#include "config.h"


#include <glib/gi18n-lib.h>

#include "tp-database-private.h"
#include "tp-migrations-private.h"

/*
 * Transactions of TpDatabase (overview in tp-database.c): nested
 * levels (BEGIN IMMEDIATE outside, SAVEPOINTs inside), the abort SQLite
 * may do on its own, a bulk load without indexes and triggers, and the
 * integrity checks.
 */

/**
 * tp_database_get_depth:
 * @self: a #TpDatabase
 *
 * Returns: the number of open transaction levels, 0 outside a transaction
 */
guint
tp_database_get_depth (TpDatabase *self)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), 0);

  return self->depth;
}

static gboolean
in_transaction (TpDatabase *self)
{
  if (self->pg != NULL)
    return _tp_pg_in_transaction (self->pg) && !_tp_pg_in_failed_transaction (self->pg);

  return !sqlite3_get_autocommit (self->handle);
}

static gboolean
exec_control (TpDatabase  *self,
              const char  *sql,
              GError     **error)
{
  if (self->pg != NULL)
    return _tp_pg_exec (self->pg, sql, error);

  return _tp_database_exec_sql (self->handle, self->path, sql, error);
}

static void
set_abort_error (TpDatabase  *self,
                 const char  *detail,
                 GError     **error)
{
  if (self->pg != NULL)
    _tp_pg_set_transaction_error (self->pg, detail, error);
  else
    _tp_database_set_error (error, self->path, SQLITE_ABORT, detail);
}

/**
 * tp_database_begin:
 * @self: a #TpDatabase
 * @error: return location for a #GError
 *
 * Opens a transaction level: BEGIN IMMEDIATE outside a transaction, a
 * SAVEPOINT inside one. Every successful call must be matched by
 * tp_database_commit() or tp_database_rollback().
 *
 * Returns: %TRUE if the level is open
 */
gboolean
tp_database_begin (TpDatabase  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);

  if (self->depth == 0)
    {
      if (!exec_control (self, self->pg != NULL ? "BEGIN" : "BEGIN IMMEDIATE", error))
        return FALSE;
      self->aborted = FALSE;
    }
  else
    {
      if (self->aborted || !in_transaction (self))
        {
          self->aborted = TRUE;
          set_abort_error (self, _("the transaction was already rolled back"), error);
          return FALSE;
        }

      sql = g_strdup_printf ("SAVEPOINT tp_%u", self->depth);
      if (!exec_control (self, sql, error))
        return FALSE;
    }

  self->depth++;

  return TRUE;
}

/**
 * tp_database_begin_read:
 * @self: a #TpDatabase outside any transaction
 * @error: return location for a #GError
 *
 * Opens a read transaction: every query until the matching
 * tp_database_commit() sees the data of one moment, without holding back
 * other writers (SQLite: BEGIN DEFERRED; PostgreSQL: a read-only
 * repeatable-read transaction).
 *
 * Returns: %TRUE if the transaction is open
 */
gboolean
tp_database_begin_read (TpDatabase  *self,
                        GError     **error)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (!exec_control (self,
                     self->pg != NULL ? "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                                      : "BEGIN DEFERRED",
                     error))
    return FALSE;

  self->aborted = FALSE;
  self->depth++;

  return TRUE;
}

static void end_load (TpDatabase *self);

static void
end_level (TpDatabase *self,
           gboolean    committed)
{
  guint level = self->depth;

  self->depth--;
  if (self->depth == 0)
    self->aborted = FALSE;
  if (self->depth == 0 && self->loading)
    {
      if (self->pg != NULL)
        _tp_pg_after_load (self->pg, committed);
      end_load (self);
    }

  g_signal_emit (self, _tp_database_signals[TP_DATABASE_TRANSACTION_ENDED], 0, level, committed);
}

/**
 * tp_database_rollback:
 * @self: a #TpDatabase
 *
 * Undoes everything since the matching tp_database_begin() and closes
 * that level.
 */
void
tp_database_rollback (TpDatabase *self)
{
  g_return_if_fail (TP_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    {
      if (self->pg != NULL ? _tp_pg_in_transaction (self->pg) : in_transaction (self))
        exec_control (self, "ROLLBACK", NULL);
    }
  else if (!self->aborted &&
           (self->pg != NULL ? _tp_pg_in_transaction (self->pg) : in_transaction (self)))
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO tp_%u; RELEASE tp_%u",
                                              self->depth - 1, self->depth - 1);

      if (!exec_control (self, sql, NULL))
        self->aborted = TRUE;
    }
  else
    {
      /* SQLite already rolled the whole transaction back (after a full
       * disk, for instance): the outer levels can only roll back too. */
      self->aborted = TRUE;
    }

  end_level (self, FALSE);
}

/**
 * tp_database_commit:
 * @self: a #TpDatabase
 * @error: return location for a #GError
 *
 * Closes the level opened by the matching tp_database_begin(), keeping
 * its changes: COMMIT for the outermost level, RELEASE for a savepoint.
 * If the commit fails, the level is rolled back and closed, so the
 * caller must not call tp_database_rollback() after it.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_database_commit (TpDatabase  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  /* The change feed's announcements go with the commit (a failed one
   * leaves the transaction failed, and it is rolled back below) */
  if (self->pg != NULL && self->depth == 1 && !self->aborted && in_transaction (self))
    g_signal_emit (self, _tp_database_signals[TP_DATABASE_BEFORE_COMMIT], 0);

  if (self->aborted || !in_transaction (self))
    {
      set_abort_error (self, _("the transaction was rolled back after an earlier error"), error);
      tp_database_rollback (self);
      return FALSE;
    }

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE tp_%u", self->depth - 1);

  if (!exec_control (self, sql, error))
    {
      tp_database_rollback (self);
      return FALSE;
    }

  end_level (self, TRUE);

  return TRUE;
}

/**
 * tp_database_last_insert_id:
 * @self: a #TpDatabase
 *
 * Returns: the rowid of the last row this connection inserted
 */
gint64
tp_database_last_insert_id (TpDatabase *self)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), 0);

  if (self->pg != NULL)
    return _tp_pg_last_insert_id (self->pg);

  return sqlite3_last_insert_rowid (self->handle);
}

/**
 * tp_database_changes:
 * @self: a #TpDatabase
 *
 * Returns: how many rows the last INSERT, UPDATE or DELETE changed
 */
gint64
tp_database_changes (TpDatabase *self)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), 0);

  if (self->pg != NULL)
    return _tp_pg_changes (self->pg);

  return sqlite3_changes64 (self->handle);
}

/**
 * tp_database_check_integrity:
 * @self: a #TpDatabase
 * @error: return location for a #GError
 *
 * Runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check`. This
 * reads the whole file: do not call it on the main thread with a large
 * database.
 *
 * Returns: %TRUE if SQLite found nothing wrong
 */
gboolean
tp_database_check_integrity (TpDatabase  *self,
                             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);

  /* The server keeps its pages and its foreign keys itself. */
  if (self->pg != NULL)
    return TRUE;

  rc = sqlite3_prepare_v2 (self->handle, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _tp_database_set_error_from_handle (error, self, rc);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      _tp_database_set_error (error, self->path, SQLITE_CORRUPT, NULL);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);

  if (!ok)
    return FALSE;

  rc = sqlite3_prepare_v2 (self->handle, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      _tp_database_set_error (error, self->path, SQLITE_CORRUPT, NULL);
      ok = FALSE;
    }
  else if (rc != SQLITE_DONE)
    {
      _tp_database_set_error_from_handle (error, self, rc);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);

  return ok;
}

/* Loading a whole business ------------------------------------------- */

#define LOAD_CACHE_KB 32768

static gint64
pragma_int (sqlite3    *handle,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* After the load's transaction, committed or not: SQLite's settings as
 * they were. */
static void
end_load (TpDatabase *self)
{
  self->loading = FALSE;
  g_clear_pointer (&self->load_creates, g_ptr_array_unref);

  if (self->handle != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_keys = ON; "
                                              "PRAGMA cache_size = %" G_GINT64_FORMAT "; "
                                              "PRAGMA temp_store = %" G_GINT64_FORMAT,
                                              self->load_cache_size, self->load_temp_store);

      sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
    }
}

/**
 * tp_database_begin_load:
 * @self: a #TpDatabase outside any transaction
 * @error: return location for a #GError
 *
 * Opens the transaction in which a whole business is written at once (a
 * restore, a copy): the rows go in with their ids, the figures the
 * triggers keep on each customer included, and nothing is checked or
 * kept up to date row by row. SQLite: foreign keys off, indexes and
 * triggers dropped (tp_database_end_load() makes them again from their
 * own SQL), a big cache. PostgreSQL: the tables' own triggers disabled,
 * which needs the role that owns the tables, and the foreign keys and
 * the indexes that refuse nothing dropped (tp_database_end_load() makes
 * them again, and refuses a reference to a missing row then).
 *
 * Call tp_database_end_load(), then tp_database_commit(); or
 * tp_database_rollback(), which undoes everything.
 *
 * Returns: %TRUE if the transaction is open
 */
gboolean
tp_database_begin_load (TpDatabase  *self,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *settings = NULL;
  int rc;

  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);
  g_return_val_if_fail (!self->loading, FALSE);

  if (self->pg != NULL)
    {
      if (!tp_database_begin (self, error))
        return FALSE;
      self->loading = TRUE;
      if (!_tp_pg_begin_load (self->pg, error))
        {
          tp_database_rollback (self);
          return FALSE;
        }
      return TRUE;
    }

  /* Foreign keys can only be switched outside a transaction. */
  self->load_cache_size = pragma_int (self->handle, "PRAGMA cache_size");
  self->load_temp_store = pragma_int (self->handle, "PRAGMA temp_store");
  settings = g_strdup_printf ("PRAGMA cache_size = %d; PRAGMA temp_store = MEMORY; "
                              "PRAGMA foreign_keys = OFF", -LOAD_CACHE_KB);
  if (!_tp_database_exec_sql (self->handle, self->path, settings, error))
    {
      end_load (self);
      return FALSE;
    }

  if (!tp_database_begin (self, error))
    {
      end_load (self);
      return FALSE;
    }
  self->loading = TRUE;
  self->load_creates = g_ptr_array_new_with_free_func (g_free);

  rc = sqlite3_prepare_v2 (self->handle,
                           "SELECT type, name, sql FROM sqlite_schema "
                           "WHERE type IN ('index', 'trigger') AND sql IS NOT NULL "
                           "ORDER BY rowid",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *type = (const char *)sqlite3_column_text (stmt, 0);
          const char *name = (const char *)sqlite3_column_text (stmt, 1);

          g_ptr_array_add (drops, g_strdup_printf ("DROP %s \"%s\"",
                                                   g_str_equal (type, "index") ? "INDEX" : "TRIGGER",
                                                   name));
          g_ptr_array_add (self->load_creates,
                           g_strdup ((const char *)sqlite3_column_text (stmt, 2)));
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;

      for (guint i = 0; rc == SQLITE_OK && i < drops->len; i++)
        rc = sqlite3_exec (self->handle, g_ptr_array_index (drops, i), NULL, NULL, NULL);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      _tp_database_set_error_from_handle (error, self, rc);
      tp_database_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * tp_database_end_load:
 * @self: a #TpDatabase inside tp_database_begin_load()
 * @error: return location for a #GError
 *
 * Makes again what tp_database_begin_load() set aside (SQLite: the
 * indexes and triggers, and the search index from the rows now there;
 * PostgreSQL: the triggers, the foreign keys and the indexes, and each id
 * sequence moved past the highest id). The transaction stays open: commit
 * it, or
 * roll it back.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_database_end_load (TpDatabase  *self,
                      GError     **error)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->loading && self->depth == 1, FALSE);

  /* Every other desktop reads the loaded business again */
  if (self->pg != NULL)
    return _tp_pg_end_load (self->pg, error) &&
           tp_database_announce_reload (self, NULL, error);

  for (guint i = 0; i < self->load_creates->len; i++)
    {
      if (!_tp_database_exec_sql (self->handle, self->path, g_ptr_array_index (self->load_creates, i), error))
        return FALSE;
    }
  g_ptr_array_set_size (self->load_creates, 0);

  /* The search index followed none of the rows loaded */
  return _tp_database_exec_sql (self->handle, self->path, _tp_migrations_search_rebuild (), error);
}

/**
 * tp_database_find_broken_reference:
 * @self: a #TpDatabase
 * @table: (out): the table of a row that refers to a missing row
 * @id: (out): that row's id
 * @parent: (out): the table it refers to
 * @error: return location for a #GError
 *
 * Looks for a row that refers to a row that is not there, which only
 * SQLite with its foreign keys off lets in (tp_database_begin_load());
 * PostgreSQL refuses such a row when it is written.
 *
 * Returns: %TRUE if there is one (@table, @id and @parent are set);
 *   %FALSE if there is none, or on error (@error is set)
 */
gboolean
tp_database_find_broken_reference (TpDatabase  *self,
                                   char       **table,
                                   gint64      *id,
                                   char       **parent,
                                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);

  if (self->pg != NULL)
    return FALSE;

  rc = sqlite3_prepare_v2 (self->handle, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *table = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      *id = sqlite3_column_int64 (stmt, 1);
      *parent = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      sqlite3_finalize (stmt);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    _tp_database_set_error_from_handle (error, self, rc);
  sqlite3_finalize (stmt);

  return FALSE;
}
