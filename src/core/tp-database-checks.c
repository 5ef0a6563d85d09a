/* tp-database-checks.c
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
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tp-database-private.h"
#include "tp-migrations-private.h"

/*
 * Deciding a file is Touchpoint's before anything is written to it
 * (overview in tp-database.c): its first bytes read without SQLite, its
 * application_id and version, an earlier version's exact tables, every
 * page, all on a connection that cannot change the file or what lies
 * beside it; whether its folder takes new files; the pages of a large
 * file checked on a worker.
 */

#define SQLITE_HEADER "SQLite format 3"

gboolean
_tp_database_is_memory_path (const char *path)
{
  return path[0] == '\0' || g_str_equal (path, ":memory:");
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

static gboolean
has_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* Looks at an existing file before SQLite does, so that a folder, an
 * empty or foreign file or a truncated database gets a clear message and
 * is never written to. */
gboolean
_tp_database_check_existing_file (const char  *path,
                                  TpDatabaseFileHeader *out,
                                  GError     **error)
{
  guint8 header[100];
  GStatBuf st;
  ssize_t n;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("Could not open “%s”: %s. Check that the file and its folder exist "
                     "and that you may read them."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NOT_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is a folder, not a Touchpoint database. Choose a file inside it "
                     "or another file."),
                   path);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NOT_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is not a regular file, so it cannot be a Touchpoint database. "
                     "Choose another file."),
                   path);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("Could not read “%s”: %s. Check that you may read and write the file."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  do
    n = read (fd, header, sizeof header);
  while (n < 0 && errno == EINTR);
  close (fd);

  out->valid = FALSE;

  if (n == 0 && st.st_size == 0)
    {
      /* SQLite would happily treat it as a new database, but an empty
       * file where the user expects their business is more likely a
       * failed copy than a wish to start again. A hot WAL beside it is
       * the one case where the data lives elsewhere. */
      if (has_wal (path))
        return TRUE;

      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NOT_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is empty, so it is not a Touchpoint database. Choose another "
                     "file or start a new database."),
                   path);
      return FALSE;
    }

  if (n < (ssize_t)sizeof header || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    {
      /* A power cut in the middle of a checkpoint can leave page 1 of
       * the file torn while the synced WAL beside it still holds its
       * good copy (test-power-loss): SQLite reads it from there. */
      if (has_wal (path))
        return TRUE;

      _tp_database_set_error (error, path, SQLITE_NOTADB, NULL);
      return FALSE;
    }

  /* The header's page count is trustworthy only while the change counter
   * (offset 24) equals the version-valid-for number (offset 92); a hot
   * WAL may legitimately hold pages past the end of the file. */
  if (!has_wal (path) && read_be32 (header + 24) == read_be32 (header + 92))
    {
      guint32 page_size = ((guint32)header[16] << 8) | header[17];
      guint32 n_pages = read_be32 (header + 28);

      if (page_size == 1)
        page_size = 65536;

      if (n_pages > 0 && (goffset)page_size * n_pages > (goffset)st.st_size)
        {
          g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NOT_DATABASE,
                       /* Translators: %s is a file name */
                       _("“%s” is not a Touchpoint database or is damaged: the file is "
                         "shorter than its contents say (it may have been cut off while "
                         "copying). Choose another file or start a new database."),
                       path);
          return FALSE;
        }
    }

  out->valid = TRUE;
  out->user_version = read_be32 (header + 60);
  out->application_id = read_be32 (header + 68);

  return TRUE;
}

void
_tp_database_set_foreign_error (GError     **error,
                                const char  *path)
{
  g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NOT_DATABASE,
               /* Translators: %s is a file name */
               _("“%s” is a database of another program, not a Touchpoint database. "
                 "Choose another file or start a new database."),
               path);
}

/* Whether a file with this application_id and user_version can be
 * Touchpoint's. *legacy says that only its tables can tell: a file from
 * before TP_APPLICATION_ID_VERSION carries no application_id. */
gboolean
_tp_database_check_identity (const char  *path,
                             gint64       application_id,
                             gint64       version,
                             gboolean    *legacy,
                             GError     **error)
{
  *legacy = FALSE;

  if (application_id == TP_APPLICATION_ID)
    {
      if (version > TP_SCHEMA_VERSION)
        {
          g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NEWER,
                       /* Translators: %s is a file name; the numbers are database versions */
                       _("“%s” was saved by a newer version of Touchpoint (database version "
                         "%d; this version reads up to %d). Open it with a "
                         "newer Touchpoint, or choose another file."),
                       path, (int) version, TP_SCHEMA_VERSION);
          return FALSE;
        }

      return TRUE;
    }

  if (application_id == 0 && version >= 0 && version < TP_APPLICATION_ID_VERSION)
    {
      *legacy = TRUE;
      return TRUE;
    }

  _tp_database_set_foreign_error (error, path);
  return FALSE;
}

/* The tables and columns of a database, one line per column, in an
 * order that does not depend on how they were made. */
static char *
describe_tables (sqlite3     *handle,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle,
                           "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk "
                           "FROM sqlite_schema AS m, pragma_table_info (m.name) AS p "
                           "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                           "ORDER BY m.name, p.cid",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < 6; i++)
        {
          const char *value = (const char *)sqlite3_column_text (stmt, i);

          g_string_append (text, value != NULL ? value : "");
          g_string_append_c (text, i < 5 ? '|' : '\n');
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _tp_database_set_error (error, path, rc, sqlite3_errmsg (handle));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Whether a file without TP_APPLICATION_ID at user_version @version has
 * exactly the tables and columns Touchpoint's steps up to @version make
 * (version 0: no schema at all). Reads only. */
static gboolean
check_legacy_tables (sqlite3     *handle,
                     const char  *path,
                     guint        version,
                     GError     **error)
{
  g_autofree char *found = NULL;
  g_autofree char *expected = NULL;
  const char * const *steps;
  sqlite3 *model = NULL;
  gint64 n_objects = 0;
  guint n_steps;

  if (version == 0)
    {
      if (!_tp_database_query_int (handle, path, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
        return FALSE;
      if (n_objects > 0)
        {
          _tp_database_set_foreign_error (error, path);
          return FALSE;
        }
      return TRUE;
    }

  found = describe_tables (handle, path, error);
  if (found == NULL)
    return FALSE;

  /* What the released steps make, built in memory. */
  steps = _tp_migrations_get (&n_steps);
  g_assert (version <= n_steps);
  if (sqlite3_open_v2 (":memory:", &model, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      _tp_database_set_error (error, path, SQLITE_NOMEM, NULL);
      sqlite3_close_v2 (model);
      return FALSE;
    }
  for (guint i = 0; i < version; i++)
    if (!_tp_database_exec_sql (model, path, steps[i], error))
      {
        sqlite3_close_v2 (model);
        return FALSE;
      }
  expected = describe_tables (model, path, error);
  sqlite3_close_v2 (model);
  if (expected == NULL)
    return FALSE;

  if (!g_str_equal (found, expected))
    {
      _tp_database_set_foreign_error (error, path);
      return FALSE;
    }

  return TRUE;
}

/* PRAGMA quick_check: every page of every table and index is read and
 * checked (not the unique and foreign keys, which integrity_check adds).
 * It reads the whole file: about 1 s warm, 4 s cold for the large sample
 * business (200 MB). */
gboolean
_tp_database_check_pages (sqlite3     *handle,
                          const char  *path,
                          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_prepare_v2 (handle, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _tp_database_set_error (error, path, rc, sqlite3_errmsg (handle));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  if (!ok)
    {
      g_debug ("%s: quick_check: %s", path, sqlite3_column_text (stmt, 0));
      _tp_database_set_error (error, path, SQLITE_CORRUPT, NULL);
    }
  sqlite3_finalize (stmt);

  return ok;
}

gboolean
_tp_database_exists (const char *path)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0;
}

static char *
read_only_uri (const char *path,
               const char *parameters)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", TRUE);

  return g_strdup_printf ("file://%s?%s", escaped, parameters);
}

/* Opens a connection that can neither write @path nor its -wal, -journal
 * or -shm: no rollback of a hot journal, no WAL checkpoint, no recovery
 * written into the -shm. *tmpdir is set when the file had to be copied
 * for that (see below); remove it after closing. */
static sqlite3 *
open_untouchable (const char  *path,
                  char       **tmpdir,
                  GError     **error)
{
  g_autofree char *uri = NULL;

  *tmpdir = NULL;

  if (!has_wal (path))
    {
      /* Everything is in the main file. immutable: no locks, no journal,
       * no -wal or -shm opened or created. A hot rollback journal is
       * ignored too, so a file cut in the middle of another program's
       * write is read as it lies (and refused if that makes it damaged);
       * Touchpoint itself only writes through a WAL. */
      uri = read_only_uri (path, "mode=ro&immutable=1");
    }
  else
    {
      /* The WAL must be read: it may hold every change since the last
       * checkpoint, page 1 included. Even a read-only connection would
       * rebuild the -shm (and readonly_shm=1 makes SQLite retry for ten
       * seconds when the -shm is stale), so read a private copy of the
       * file and its WAL. Only a file without Touchpoint's application_id
       * in its header comes here (see check_ownership()). */
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *copy = NULL;
      g_autofree char *copy_wal = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GFile) source = g_file_new_for_path (path);
      g_autoptr(GFile) source_wal = g_file_new_for_path (wal);
      g_autoptr(GFile) target = NULL;
      g_autoptr(GFile) target_wal = NULL;

      *tmpdir = g_dir_make_tmp ("touchpoint-open-XXXXXX", &local_error);
      if (*tmpdir != NULL)
        {
          copy = g_build_filename (*tmpdir, "copy.db", NULL);
          copy_wal = g_strconcat (copy, "-wal", NULL);
          target = g_file_new_for_path (copy);
          target_wal = g_file_new_for_path (copy_wal);
        }
      if (*tmpdir == NULL ||
          !g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error) ||
          !g_file_copy (source_wal, target_wal, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
        {
          _tp_database_set_error (error, path, SQLITE_CANTOPEN, local_error->message);
          return NULL;
        }
      uri = read_only_uri (copy, "mode=ro");
    }

  return _tp_database_open_uri (path, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
}

static void
remove_copy (const char *tmpdir)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  if (tmpdir == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat ("copy.db", suffixes[i], NULL);
      g_autofree char *file = g_build_filename (tmpdir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (tmpdir);
}

/* Decides whether the existing file at @path is a Touchpoint database
 * before anything may write to it: first from its header bytes, then on a
 * connection that cannot write (see open_untouchable()). With
 * @check_all_pages, a file of up to MAX_CHECKED_PAGES pages also has each
 * page checked; *pages_checked says whether that happened.
 *
 * A file whose header carries TP_APPLICATION_ID and that has a WAL is
 * Touchpoint's: its version and pages are then checked on the read-write
 * connection (*deferred), which may recover the WAL into the -shm but
 * neither checkpoints nor writes until the file is accepted. */
gboolean
_tp_database_check_ownership (const char  *path,
                              const TpDatabaseFileHeader *header,
                              gboolean     check_all_pages,
                              gboolean    *pages_checked,
                              gboolean    *deferred,
                              GError     **error)
{
  g_autofree char *tmpdir = NULL;
  gint64 application_id = 0;
  gint64 version = 0;
  gint64 n_pages = 0;
  gboolean legacy;
  gboolean ok;
  sqlite3 *handle;

  *pages_checked = FALSE;
  *deferred = FALSE;

  /* The header of the main file can be older than the WAL beside it, but
   * never belongs to another program when the WAL is Touchpoint's. */
  if (header->valid &&
      !_tp_database_check_identity (path, header->application_id, (gint32) header->user_version,
                                    &legacy, error))
    return FALSE;

  if (header->valid && header->application_id == TP_APPLICATION_ID && has_wal (path))
    {
      *deferred = TRUE;
      return TRUE;
    }

  handle = open_untouchable (path, &tmpdir, error);
  if (handle == NULL)
    {
      remove_copy (tmpdir);
      return FALSE;
    }

  ok = _tp_database_query_int (handle, path, "PRAGMA application_id", &application_id, error) &&
       _tp_database_query_int (handle, path, "PRAGMA user_version", &version, error) &&
       _tp_database_check_identity (path, application_id, version, &legacy, error) &&
       (!legacy || check_legacy_tables (handle, path, (guint) version, error)) &&
       _tp_database_query_int (handle, path, "PRAGMA page_count", &n_pages, error);

  if (ok && check_all_pages && n_pages <= MAX_CHECKED_PAGES)
    {
      ok = _tp_database_check_pages (handle, path, error);
      *pages_checked = TRUE;
    }

  sqlite3_close_v2 (handle);
  remove_copy (tmpdir);

  return ok;
}

/*
 * SQLite keeps a database's -wal and -shm (or -journal) beside it, so the
 * folder must take new files. One that does not (the document portal's
 * folder of one file in a Flatpak, a read-only folder around a writable
 * file) makes SQLite fail with "unable to open database file", which
 * says nothing useful: ask SQLite's own file layer (the VFS, so that the
 * answer is the one SQLite gets) to make a file there and say so.
 */
gboolean
_tp_database_folder_takes_new_files (const char *path)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree char *probe = g_strconcat (path, "-tp-probe", NULL);
  g_autofree sqlite3_file *file = NULL;
  int out_flags = 0;
  int rc;

  if (vfs == NULL)
    return TRUE;

  file = g_malloc0 (vfs->szOsFile);
  rc = vfs->xOpen (vfs, probe, file,
                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE |
                   SQLITE_OPEN_DELETEONCLOSE | SQLITE_OPEN_MAIN_JOURNAL,
                   &out_flags);
  if (rc != SQLITE_OK)
    return FALSE;

  if (file->pMethods != NULL)
    file->pMethods->xClose (file);
  vfs->xDelete (vfs, probe, 0);

  return TRUE;
}

/**
 * tp_database_get_pages_checked:
 * @self: a #TpDatabase
 *
 * Whether every page of the file was checked when it was opened. A file
 * larger than 16 MiB is not, to keep the window's start fast: check it
 * with tp_database_check_pages_async() once the window shows.
 *
 * Returns: %TRUE if the pages were checked (or the database is new or in
 *   memory)
 */
gboolean
tp_database_get_pages_checked (TpDatabase *self)
{
  g_return_val_if_fail (TP_IS_DATABASE (self), FALSE);

  return self->pages_checked;
}

static void
check_pages_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *path = task_data;
  GError *error = NULL;
  sqlite3 *handle;

  /* A server keeps its own pages sound. */
  if (_tp_database_is_pg_uri (path))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The window has the file open already: a read-only connection reads
   * its WAL through the live -shm and writes nothing. */
  handle = _tp_database_open_handle (path, SQLITE_OPEN_READONLY, &error);
  if (handle != NULL && _tp_database_check_pages (handle, path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  sqlite3_close_v2 (handle);
}

/**
 * tp_database_check_pages_async:
 * @path: a database file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Checks every page of the database at @path (`PRAGMA quick_check`) on a
 * worker, on a read-only connection. Call it for a database that is open
 * (see tp_database_get_pages_checked()).
 */
void
tp_database_check_pages_async (const char          *path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (tp_database_path_can_reopen (path));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_database_check_pages_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, check_pages_thread);
}

/**
 * tp_database_check_pages_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError: %TP_DATABASE_ERROR_NOT_DATABASE
 *   when a page is damaged
 *
 * Returns: %TRUE if SQLite found every page sound
 */
gboolean
tp_database_check_pages_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
