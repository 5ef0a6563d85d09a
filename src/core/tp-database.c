/* tp-database.c
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

/*
 * TpDatabase owns one SQLite connection. A connection belongs to the
 * thread that opened it; a worker opens its own TpDatabase on the same
 * path (WAL lets it read while the window's connection writes).
 *
 * Opening never writes to a file it is going to refuse: the version and
 * the shape of an existing file are checked before anything (the switch
 * to WAL included) is written. A new file is built under a temporary name
 * beside the final one and moved into place only once its schema is
 * complete, so a crash while creating never leaves a half-made database
 * behind.
 *
 * Transactions nest: the outermost tp_database_begin() is a
 * BEGIN IMMEDIATE, inner ones are SAVEPOINTs, so a store action can run
 * alone or inside a larger import.
 *
 * A postgresql:// URI opens a team database on a server instead: then
 * self->pg is set, self->handle is NULL, and every call below goes to the
 * PostgreSQL engine (tp-database-pg*.c), which holds everything that
 * differs between the two dialects. The SQLite code here is the
 * embedded engine, unchanged by the second.
 *
 * TpDatabase's files, sharing tp-database-private.h:
 *   tp-database.c              the object (this file): signals, errors,
 *                              SQLite's calls, what a database is (file
 *                              or server), reconnecting, the change feed
 *   tp-database-checks.c       whether a file is Touchpoint's, decided
 *                              before anything is written to it; the
 *                              pages of a large file checked on a worker
 *   tp-database-open.c         opening, creating, migrating; a file copied
 *   tp-database-transaction.c  nested transactions, a bulk load, the
 *                              integrity checks
 *   tp-database-statement.c    TpStatement: prepared, bound, stepped, read
 *   tp-database-pg*.c          the PostgreSQL engine (map atop
 *                              tp-database-pg.c)
 */

G_DEFINE_FINAL_TYPE (TpDatabase, tp_database, G_TYPE_OBJECT)

guint _tp_database_signals[TP_DATABASE_N_SIGNALS];

G_DEFINE_QUARK (tp-database-error-quark, tp_database_error)

static void
statement_free (gpointer data)
{
  TpStatement *stmt = data;

  if (stmt->pg != NULL)
    _tp_pg_statement_free (stmt->pg);
  else
    sqlite3_finalize (stmt->stmt);
  g_free (stmt);
}

static void
tp_database_finalize (GObject *object)
{
  TpDatabase *self = (TpDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->load_creates, g_ptr_array_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_clear_pointer (&self->pg, _tp_pg_close);
  g_free (self->path);

  G_OBJECT_CLASS (tp_database_parent_class)->finalize (object);
}

static void
tp_database_class_init (TpDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_database_finalize;

  /**
   * TpDatabase::transaction-ended:
   * @self: the database
   * @depth: the level that ended: 1 is the outermost transaction
   * @committed: %TRUE if the level was committed (or released), %FALSE
   *   if it was rolled back
   *
   * Emitted after a transaction level ends. A level 1 commit means the
   * data is now in the file; TpStore uses this to announce its changes
   * only once they are committed.
   */
  _tp_database_signals[TP_DATABASE_TRANSACTION_ENDED] =
    g_signal_new ("transaction-ended",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  /**
   * TpDatabase::before-commit:
   * @self: the database
   *
   * Emitted on a team database only, inside the outermost transaction
   * just before its COMMIT: the last moment to announce its changes with
   * tp_database_announce_changes() (TpStore does).
   */
  _tp_database_signals[TP_DATABASE_BEFORE_COMMIT] =
    g_signal_new ("before-commit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * TpDatabase::reconnected:
   * @self: the database
   *
   * Emitted after tp_database_reconnect_finish() put a new connection in
   * place of a lost one: what listened on the old one listens no more,
   * and others may have changed the business meanwhile.
   */
  _tp_database_signals[TP_DATABASE_RECONNECTED] =
    g_signal_new ("reconnected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tp_database_init (TpDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
}

const char *
_tp_database_display_name (const char *path)
{
  return path != NULL ? path : ":memory:";
}

/* Maps a SQLite result code to an error that names the file, what is
 * wrong and what to do about it. */
void
_tp_database_set_error (GError     **error,
                        const char  *path,
                        int          rc,
                        const char  *detail)
{
  const char *name = _tp_database_display_name (path);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NOT_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is not a Touchpoint database or is damaged. "
                     "Choose another file or start a new database."),
                   name);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION,
                   /* Translators: the first %s is a file name, the second what SQLite said */
                   _("Could not open or write “%s” (%s). Check that the file and its folder "
                     "exist and that you may read and write them."),
                   name, detail != NULL ? detail : sqlite3_errstr (rc));
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_BUSY,
                   /* Translators: %s is a file name */
                   _("“%s” is in use by another program that is writing to it. "
                     "Close that program or try again in a moment."),
                   name);
      break;

    case SQLITE_FULL:
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FULL,
                   /* Translators: %s is a file name */
                   _("Could not save to “%s”: the disk is full. Nothing was changed; "
                     "free some space and try again."),
                   name);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONSTRAINT,
                   /* Translators: the first %s is a file name, the second what SQLite said */
                   _("A value was refused by a rule of “%s”: %s"),
                   name, detail != NULL ? detail : sqlite3_errstr (rc));
      break;

    default:
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second what SQLite said */
                   _("Could not use the database “%s”: %s"),
                   name, detail != NULL ? detail : sqlite3_errstr (rc));
      break;
    }
}

void
_tp_database_set_error_from_handle (GError     **error,
                                    TpDatabase  *self,
                                    int          rc)
{
  _tp_database_set_error (error, self->path, rc, sqlite3_errmsg (self->handle));
}

gboolean
_tp_database_exec_sql (sqlite3     *handle,
                       const char  *path,
                       const char  *sql,
                       GError     **error)
{
  int rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _tp_database_set_error (error, path, sqlite3_extended_errcode (handle), sqlite3_errmsg (handle));
      return FALSE;
    }

  return TRUE;
}

gboolean
_tp_database_query_int (sqlite3     *handle,
                        const char  *path,
                        const char  *sql,
                        gint64      *value,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    _tp_database_set_error (error, path, rc, sqlite3_errmsg (handle));

  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

sqlite3 *
_tp_database_open_handle (const char  *path,
                          int          flags,
                          GError     **error)
{
  return _tp_database_open_uri (path, path, flags, error);
}

/* Opens @uri (a file name, or a file: URI with SQLITE_OPEN_URI) for the
 * database @path, which errors name. */
sqlite3 *
_tp_database_open_uri (const char  *path,
                       const char  *uri,
                       int          flags,
                       GError     **error)
{
  sqlite3 *handle = NULL;
  int rc;

  rc = sqlite3_open_v2 (uri, &handle, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _tp_database_set_error (error, path, rc, handle != NULL ? sqlite3_errmsg (handle) : NULL);
      sqlite3_close_v2 (handle);
      return NULL;
    }

  sqlite3_extended_result_codes (handle, 1);
  sqlite3_busy_timeout (handle, DEFAULT_BUSY_TIMEOUT_MS);

  return handle;
}


/**
 * tp_database_get_path:
 * @self: a #TpDatabase
 *
 * Returns: the file name the database was opened with, or ":memory:"
 */
const char *
tp_database_get_path (TpDatabase *self)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * tp_database_get_display_name:
 * @self: a #TpDatabase
 *
 * What to call the database in messages and titles: the file name, or a
 * team database's postgresql:// address without its password or other
 * parameters.
 *
 * Returns: the name
 */
const char *
tp_database_get_display_name (TpDatabase *self)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), NULL);

  return self->pg != NULL ? _tp_pg_get_display_name (self->pg) : self->path;
}

/**
 * tp_database_is_server:
 * @self: a #TpDatabase
 *
 * Returns: %TRUE for a team database on a PostgreSQL server, %FALSE for
 *   a SQLite file (or one in memory)
 */
gboolean
tp_database_is_server (TpDatabase *self)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);

  return self->pg != NULL;
}

/**
 * tp_database_path_can_reopen:
 * @path: (nullable): the path a database was opened with
 *
 * Whether a second connection, a worker's, opens the same database from
 * @path. An in-memory database (and a URI, which may name one) is only
 * reachable through the connection that made it.
 *
 * Returns: %TRUE for a file
 */
gboolean
tp_database_path_can_reopen (const char *path)
{
  return path != NULL && path[0] != '\0' &&
         g_strcmp0 (path, ":memory:") != 0 &&
         !g_str_has_prefix (path, "file:");
}

/**
 * tp_database_path_is_server:
 * @path: (nullable): what `--database` was given
 *
 * Returns: %TRUE for the postgresql:// URI of a team database
 */
gboolean
tp_database_path_is_server (const char *path)
{
  return _tp_database_is_pg_uri (path);
}

/**
 * tp_database_set_server_password:
 * @uri: a postgresql:// URI without a password
 * @password: (nullable): its password, or %NULL to forget it
 *
 * Keeps @password in this process's memory (never on disk, in a message
 * or in a URI) for every later connection to @uri: the window's and its
 * workers'. The team database dialog gives it here after the keyring or
 * the person gave it to the dialog.
 */
void
tp_database_set_server_password (const char *uri,
                                 const char *password)
{
  g_return_if_fail (_tp_database_is_pg_uri (uri));

  _tp_pg_set_password (uri, password);
}

/**
 * tp_database_can_write:
 * @self: a #TpDatabase
 *
 * Whether changes can be saved: %FALSE for a connection opened read-only
 * and for a team database whose role may only read (no INSERT, UPDATE or
 * DELETE on any of its tables) or whose server takes no writes.
 *
 * Returns: %TRUE if the database takes changes
 */
gboolean
tp_database_can_write (TpDatabase *self)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);

  return !self->read_only;
}

/**
 * tp_database_get_server_user:
 * @self: a #TpDatabase
 *
 * Returns: (nullable): the role a team database is used as, %NULL for a
 *   file
 */
const char *
tp_database_get_server_user (TpDatabase *self)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), NULL);

  return self->pg != NULL ? _tp_pg_get_user (self->pg) : NULL;
}

/**
 * tp_database_check_connection:
 * @self: a #TpDatabase
 *
 * Whether a team database's connection is still there, without waiting:
 * reads what the server sent meanwhile (a server that shuts down says so
 * and closes the connection). Call it between statements, never inside
 * a transaction. Always %TRUE for a file.
 *
 * Returns: %FALSE if the connection was lost
 */
gboolean
tp_database_check_connection (TpDatabase *self)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);

  return self->pg == NULL || _tp_pg_check_connection (self->pg);
}

/**
 * tp_database_get_server_socket:
 * @self: a #TpDatabase
 *
 * Returns: the socket of a team database's connection, to watch for
 *   what the server sends (see tp_database_check_connection()), or -1
 */
int
tp_database_get_server_socket (TpDatabase *self)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), -1);

  return self->pg != NULL ? _tp_pg_get_socket (self->pg) : -1;
}

static void
reconnect_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  const char *path = task_data;
  TpPgDatabase *pg;
  GError *error = NULL;

  pg = _tp_pg_open (path, NULL, TP_DATABASE_OPEN_EXISTING, &error);
  if (pg == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pg, (GDestroyNotify) _tp_pg_close);
}

/**
 * tp_database_reconnect_async:
 * @self: a team database whose connection was lost
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server answered, or did not
 * @user_data: for @callback
 *
 * Connects to the server again on a worker thread (the main loop never
 * waits for the server); tp_database_reconnect_finish() then puts the new
 * connection in place of the lost one.
 */
void
tp_database_reconnect_async (TpDatabase          *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TP_IS_DATABASE (self));
  g_return_if_fail (self->pg != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_database_reconnect_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, reconnect_thread);
}

/**
 * tp_database_reconnect_finish:
 * @self: a #TpDatabase
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Puts the new connection in place, outside any transaction: statements
 * prepared on the lost one are dropped. Call it on the thread that uses
 * @self, between statements.
 *
 * Returns: %TRUE if @self is connected again
 */
gboolean
tp_database_reconnect_finish (TpDatabase    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  TpPgDatabase *pg;

  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  pg = g_task_propagate_pointer (G_TASK (result), error);
  if (pg == NULL)
    return FALSE;

  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->pg, _tp_pg_close);
  self->pg = pg;
  self->depth = 0;
  self->aborted = FALSE;
  self->read_only = !_tp_pg_can_write (pg);

  g_signal_emit (self, _tp_database_signals[TP_DATABASE_RECONNECTED], 0);

  return TRUE;
}

/**
 * tp_database_listen_changes:
 * @self: a #TpDatabase
 * @error: return location for a #GError
 *
 * Listens to the change feed of a team database: what other connections
 * announce with tp_database_announce_changes() can then be taken with
 * tp_database_take_changes() once libpq has read it (see
 * tp_database_check_connection()). A file, and a worker's second
 * connection to a team database, have no feed.
 *
 * Returns: %TRUE if @self now listens; %FALSE with @error unset if it
 *   has no feed
 */
gboolean
tp_database_listen_changes (TpDatabase  *self,
                            GError     **error)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);

  if (self->pg == NULL || self->second)
    return FALSE;

  return _tp_pg_feed_listen (self->pg, error);
}

/**
 * tp_database_announce_changes:
 * @self: a #TpDatabase inside a transaction
 * @changes: what changed, in the feed's words (see tp-store-feed.c):
 *   at most 7900 bytes, no quotes
 * @error: return location for a #GError
 *
 * On a team database, tells every other connection that listens what
 * this transaction changed: the server delivers it at the commit and
 * drops it if the transaction (or the savepoint around this call) is
 * rolled back. Nothing on a file.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_database_announce_changes (TpDatabase  *self,
                              const char  *changes,
                              GError     **error)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (self->pg == NULL)
    return TRUE;

  g_return_val_if_fail (self->depth > 0, FALSE);

  return _tp_pg_feed_notify (self->pg, changes, error);
}

/**
 * tp_database_announce_reload:
 * @self: a #TpDatabase inside a transaction
 * @table: (nullable): the table that changed wholesale, %NULL for all
 *   of them and the settings
 * @error: return location for a #GError
 *
 * Announces (as tp_database_announce_changes() does) that a bulk write
 * (an import, a restore) changed @table too much to say row by row:
 * every other desktop reads it again.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_database_announce_reload (TpDatabase  *self,
                             const char  *table,
                             GError     **error)
{
  g_autofree char *changes = NULL;

  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);

  if (self->pg == NULL)
    return TRUE;

  changes = g_strdup_printf ("%s:r:0", table != NULL ? table : "*");

  return tp_database_announce_changes (self, changes, error);
}

/**
 * tp_database_take_changes:
 * @self: a #TpDatabase that listens (tp_database_listen_changes())
 *
 * Returns: (transfer full) (nullable): the next announcement another
 *   connection made, as it gave it to tp_database_announce_changes(), or
 *   %NULL if libpq has read no more (this connection's own are skipped)
 */
char *
tp_database_take_changes (TpDatabase *self)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), NULL);

  if (self->pg == NULL)
    return NULL;

  return _tp_pg_feed_take (self->pg);
}

/**
 * tp_database_name_for_path:
 * @path: what `--database` was given
 *
 * What to call the database at @path in a message before it is open: the
 * file name, or a postgresql:// URI without its password and parameters.
 *
 * Returns: (transfer full): the name
 */
char *
tp_database_name_for_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (_tp_database_is_pg_uri (path))
    return _tp_pg_name_for_uri (path);

  return g_strdup (path);
}

/**
 * tp_database_get_handle:
 * @self: a #TpDatabase
 *
 * Returns: (transfer none) (nullable): the SQLite connection, %NULL for a
 *   team database (tp_database_is_server())
 */
sqlite3 *
tp_database_get_handle (TpDatabase *self)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), NULL);

  return self->handle;
}

/**
 * tp_database_set_busy_timeout:
 * @self: a #TpDatabase
 * @milliseconds: how long to wait for another writer, 0 not to wait
 *
 * Sets how long a write waits for another connection's transaction to
 * end before it fails with %TP_DATABASE_ERROR_BUSY. The default is five
 * seconds.
 */
void
tp_database_set_busy_timeout (TpDatabase *self,
                              int         milliseconds)
{
  g_return_if_fail (TP_IS_DATABASE (self));
  g_return_if_fail (milliseconds >= 0);

  if (self->pg == NULL)
    sqlite3_busy_timeout (self->handle, milliseconds);
}

/**
 * tp_database_exec:
 * @self: a #TpDatabase
 * @sql: one or more SQL statements, without parameters
 * @error: return location for a #GError
 *
 * Runs fixed SQL (never SQL built from user text: use
 * tp_database_prepare() and bind the values).
 *
 * Returns: %TRUE on success
 */
gboolean
tp_database_exec (TpDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  if (self->pg != NULL)
    return _tp_pg_exec (self->pg, sql, error);

  return _tp_database_exec_sql (self->handle, self->path, sql, error);
}
