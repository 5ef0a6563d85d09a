/* tp-database-open.c
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

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tp-database-private.h"
#include "tp-migrations-private.h"

/*
 * Opening a database (overview in tp-database.c): a new file built
 * under a temporary name and moved into place, an existing one checked
 * (tp-database-checks.c) and brought up to date by the migration steps,
 * a team database handed to the PostgreSQL engine; a file copied as it
 * is saved.
 */

/* Runs every missing migration step, each in its own transaction that
 * also sets user_version, so an interrupted upgrade resumes cleanly. */
static gboolean
migrate (sqlite3     *handle,
         const char  *path,
         guint        from_version,
         GError     **error)
{
  const char * const *steps;
  guint n_steps;

  steps = _tp_migrations_get (&n_steps);
  g_assert (n_steps == TP_SCHEMA_VERSION);

  for (guint version = from_version + 1; version <= n_steps; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", version);

      if (!_tp_database_exec_sql (handle, path, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!_tp_database_exec_sql (handle, path, steps[version - 1], error) ||
          !_tp_database_exec_sql (handle, path, set_version, error) ||
          !_tp_database_exec_sql (handle, path, "COMMIT", error))
        {
          sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

/* Builds a new database under a temporary name in the same folder and
 * moves it into place when complete. */
static gboolean
create_database (const char  *path,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = NULL;
  sqlite3 *handle;
  gboolean ok;
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION,
                   /* Translators: the first %s is a file name, the second a folder */
                   _("Could not create “%s”: the folder “%s” does not exist or is not a folder."),
                   path, dir);
      return FALSE;
    }

  tmpl = g_strdup_printf ("%s%c.%s.new-XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("Could not create “%s”: %s. Check that you may write to its folder."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  handle = _tp_database_open_handle (tmpl, SQLITE_OPEN_READWRITE, error);
  if (handle == NULL)
    {
      g_unlink (tmpl);
      return FALSE;
    }

  ok = _tp_database_exec_sql (handle, path, "PRAGMA synchronous = FULL", error) &&
       migrate (handle, path, 0, error);
  sqlite3_close_v2 (handle);

  if (ok)
    {
      /* link() refuses to replace a file someone else created meanwhile. */
      if (link (tmpl, path) == 0)
        g_unlink (tmpl);
      else if (errno == EEXIST)
        g_unlink (tmpl);
      else if (g_rename (tmpl, path) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION,
                       /* Translators: the first %s is a file name, the second the system's reason */
                       _("Could not create “%s”: %s."),
                       path, g_strerror (saved_errno));
          ok = FALSE;
        }
    }

  if (!ok)
    g_unlink (tmpl);

  return ok;
}

static TpDatabase *
open_server (const char           *uri,
             const char           *password,
             TpDatabaseOpenFlags   flags,
             GError              **error)
{
  g_autoptr(TpDatabase) self = g_object_new (TP_TYPE_DATABASE, NULL);

  self->pg = _tp_pg_open (uri, password, flags, error);
  if (self->pg == NULL)
    return NULL;
  /* The URI as given, for a worker's second connection; messages name
   * the database by tp_database_get_display_name(). */
  self->path = g_strdup (uri);
  self->pages_checked = TRUE;
  self->read_only = !_tp_pg_can_write (self->pg);
  self->second = (flags & (TP_DATABASE_OPEN_EXISTING | TP_DATABASE_OPEN_READ_ONLY)) != 0;

  return g_steal_pointer (&self);
}

/**
 * tp_database_open_server:
 * @uri: a postgresql:// URI without a password
 * @password: (nullable): the password to try, or %NULL for none (then
 *   libpq looks in PGPASSWORD and ~/.pgpass)
 * @flags: as for tp_database_open_full()
 * @error: return location for a #GError
 *
 * Opens a team database with @password, not the one
 * tp_database_set_server_password() keeps for @uri: a failed attempt
 * leaves that one, which the window's workers use, as it was.
 *
 * Returns: (transfer full) (nullable): the database, or %NULL on error
 */
TpDatabase *
tp_database_open_server (const char           *uri,
                         const char           *password,
                         TpDatabaseOpenFlags   flags,
                         GError              **error)
{
  g_return_val_if_fail (_tp_database_is_pg_uri (uri), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_server (uri, password != NULL ? password : "", flags, error);
}

static TpDatabase *
open_database (const char           *path,
               TpDatabaseOpenFlags   flags,
               GError              **error)
{
  g_autoptr(TpDatabase) self = NULL;
  gboolean memory;
  gboolean existing = (flags & (TP_DATABASE_OPEN_EXISTING | TP_DATABASE_OPEN_READ_ONLY)) != 0;
  gboolean read_only = (flags & TP_DATABASE_OPEN_READ_ONLY) != 0;
  gboolean pages_checked = FALSE;
  gboolean deferred = FALSE;
  gint64 version = 0;
  gint64 application_id = 0;
  gint64 n_objects = 0;
  gboolean legacy = FALSE;
  TpDatabaseFileHeader header = { FALSE, };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (_tp_database_is_pg_uri (path))
    return open_server (path, NULL, flags, error);

  memory = _tp_database_is_memory_path (path);
  g_return_val_if_fail (!memory || (flags & ~TP_DATABASE_OPEN_NO_SETUP) == 0, NULL);

  if (!memory)
    {
      /* A second connection never creates the file: if it vanished, it
       * says so (check_existing_file() names the file and the reason). */
      if (existing || _tp_database_exists (path))
        {
          if (!_tp_database_check_existing_file (path, &header, error) ||
              !_tp_database_check_ownership (path, &header, !existing, &pages_checked, &deferred, error))
            return NULL;
        }
      else if (!create_database (path, error))
        {
          return NULL;
        }
      else
        {
          pages_checked = TRUE;
        }
    }

  self = g_object_new (TP_TYPE_DATABASE, NULL);
  self->path = g_strdup (memory ? ":memory:" : path);
  self->pages_checked = memory || pages_checked;

  /* No SQLITE_OPEN_CREATE: the file exists by now, and must not be
   * recreated if it vanished. Only now, with the file known to be
   * Touchpoint's, may SQLite roll back its journal or recover its WAL. */
  self->handle = _tp_database_open_handle (self->path,
                                           memory ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                                  : read_only ? SQLITE_OPEN_READONLY
                                                              : SQLITE_OPEN_READWRITE,
                                           error);
  if (self->handle == NULL)
    return NULL;
  self->read_only = read_only;

  /* Until the file is accepted, closing must not checkpoint its WAL. */
  sqlite3_db_config (self->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  /* Again on this connection, in case the file was replaced meanwhile. */
  if (!_tp_database_query_int (self->handle, self->path, "PRAGMA user_version", &version, error) ||
      !_tp_database_query_int (self->handle, self->path, "PRAGMA application_id", &application_id, error) ||
      !_tp_database_query_int (self->handle, self->path, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return NULL;

  if (!(memory && version == 0 && n_objects == 0) &&
      !_tp_database_check_identity (self->path, application_id, version, &legacy, error))
    return NULL;

  if (existing && version != TP_SCHEMA_VERSION)
    {
      /* The first connection brought it up to date; this is another file. */
      _tp_database_set_foreign_error (error, self->path);
      return NULL;
    }

  if (!memory && !read_only && sqlite3_db_readonly (self->handle, "main") == 1)
    {
      _tp_database_set_error (error, self->path, SQLITE_READONLY, g_strerror (EACCES));
      return NULL;
    }

  if (deferred && !existing)
    {
      gint64 n_pages = 0;

      if (!_tp_database_query_int (self->handle, self->path, "PRAGMA page_count", &n_pages, error))
        return NULL;
      if (n_pages <= MAX_CHECKED_PAGES)
        {
          if (!_tp_database_check_pages (self->handle, self->path, error))
            return NULL;
          self->pages_checked = TRUE;
        }
    }

  sqlite3_db_config (self->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  /* synchronous = FULL: in WAL mode, NORMAL syncs the WAL only at a
   * checkpoint, so a power cut loses the last commits although the views
   * already showed them as done; FULL syncs the WAL at every commit,
   * before COMMIT returns (one fsync, see "durability" in make bench).
   * test-power-loss fails with NORMAL. */
  if (!_tp_database_exec_sql (self->handle, self->path, "PRAGMA journal_mode = WAL", error) ||
      !_tp_database_exec_sql (self->handle, self->path, "PRAGMA synchronous = FULL", error))
    return NULL;

  /* Before foreign keys are on: a step that builds a table anew drops the
   * old one, which must not cascade into the rows that refer to it. */
  if (version < TP_SCHEMA_VERSION &&
      !migrate (self->handle, self->path, (guint)version, error))
    return NULL;

  if (!_tp_database_exec_sql (self->handle, self->path, "PRAGMA foreign_keys = ON", error))
    return NULL;

  return g_steal_pointer (&self);
}

static TpDatabase *
open_database_checked (const char           *path,
                       TpDatabaseOpenFlags   flags,
                       GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  TpDatabase *self = open_database (path, flags, &local_error);

  if (self != NULL)
    return self;

  if (g_error_matches (local_error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION) &&
      !_tp_database_is_memory_path (path) && _tp_database_exists (path) && !_tp_database_folder_takes_new_files (path))
    {
      g_autofree char *folder = g_path_get_dirname (path);

      g_clear_error (&local_error);
      g_set_error (&local_error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION,
                   /* Translators: the first %s is a file name, the second its folder */
                   _("“%s” cannot be used where it is: Touchpoint keeps two working files "
                     "beside a database while it is open, and its folder “%s” does not "
                     "let it make them. The file has not been changed. Copy it into a "
                     "folder you may write to, or start a new database."),
                   _tp_database_display_name (path), folder);
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * tp_database_copy_file:
 * @source: a database file, perhaps in a folder that takes no new files
 * @dest: a file name that does not exist yet, in a folder that does
 * @error: return location for a #GError
 *
 * Copies the database @source as it is saved into @dest, reading it as
 * immutable: SQLite then needs nothing beside it (no -shm, no -journal),
 * which is what a file handed over by the document portal allows, and
 * nothing is written to it. Changes still in a -wal beside @source (a
 * program still writing it) are not in the copy. Whether the copy is a
 * Touchpoint database is decided when it is opened.
 *
 * Returns: %TRUE when @dest holds the copy
 */
gboolean
tp_database_copy_file (const char  *source,
                       const char  *dest,
                       GError     **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *escaped = NULL;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  if (!_tp_database_exists (source))
    {
      _tp_database_set_error (error, source, SQLITE_CANTOPEN, g_strerror (ENOENT));
      return FALSE;
    }
  if (_tp_database_exists (dest))
    {
      _tp_database_set_error (error, dest, SQLITE_CANTOPEN, g_strerror (EEXIST));
      return FALSE;
    }

  escaped = g_uri_escape_string (source, "/", FALSE);
  uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (handle, "VACUUM INTO ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, dest, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }

  if (rc != SQLITE_OK)
    {
      _tp_database_set_error (error, source, rc, handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
      g_remove (dest);
    }

  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  return rc == SQLITE_OK;
}

/**
 * tp_database_open:
 * @path: a file name, or ":memory:" for a private in-memory database
 * @error: return location for a #GError
 *
 * Opens the Touchpoint database at @path, creating it if it does not
 * exist (its folder must exist), and brings its schema up to
 * %TP_SCHEMA_VERSION.
 *
 * Nothing is written to an existing file before it is known to be
 * Touchpoint's: it carries %TP_APPLICATION_ID, or it is a file of an
 * earlier Touchpoint (no application_id, an earlier user_version and
 * exactly the tables that version made). That is decided on a connection
 * that cannot change the file, its -wal, -journal or -shm. A file that is
 * a folder, empty, not SQLite, cut off, another program's database,
 * written by a newer Touchpoint, held by another program or damaged
 * (every page is checked in a file of up to 16 MiB; see
 * tp_database_get_pages_checked()) is refused with an error of the
 * %TP_DATABASE_ERROR domain that names the file, and is left exactly as
 * it was.
 *
 * Returns: (transfer full) (nullable): the database, or %NULL on error
 */
TpDatabase *
tp_database_open (const char  *path,
                  GError     **error)
{
  return open_database_checked (path, TP_DATABASE_OPEN_DEFAULT, error);
}

/**
 * tp_database_open_full:
 * @path: a file name
 * @flags: how to open it
 * @error: return location for a #GError
 *
 * Opens a database like tp_database_open(). With
 * %TP_DATABASE_OPEN_EXISTING (a worker's second connection to a database
 * the window already opened) the file must exist and be a Touchpoint
 * database of the current version: if it was moved or deleted, the error
 * names it and no file is created. %TP_DATABASE_OPEN_READ_ONLY also makes
 * the connection read-only, for workers that only read.
 *
 * Returns: (transfer full) (nullable): the database, or %NULL on error
 */
TpDatabase *
tp_database_open_full (const char           *path,
                       TpDatabaseOpenFlags   flags,
                       GError              **error)
{
  return open_database_checked (path, flags, error);
}

static void
try_open_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(TpDatabase) db = NULL;
  GError *error = NULL;

  /* Never create it: a file that went away is another error. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  db = tp_database_open (path, &error);
  if (db == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * tp_database_try_open_async:
 * @path: a database file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the attempt is over
 * @user_data: data for @callback
 *
 * Opens @path on a worker thread as tp_database_open() does and closes
 * it again: whether it opens now (a file another program held, say). A
 * file that no longer exists counts as openable and is not created.
 */
void
tp_database_try_open_async (const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_database_try_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, try_open_thread);
}

/**
 * tp_database_try_open_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file opened or no longer exists; %FALSE with
 *   the error that opening gave (%G_IO_ERROR_CANCELLED once the
 *   cancellable was cancelled)
 */
gboolean
tp_database_try_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tp_database_try_open_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
