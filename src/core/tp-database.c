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

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tp-database-private.h"
#include "tp-migrations-private.h"

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
 * PostgreSQL engine (tp-database-pg.c), which holds everything that
 * differs between the two dialects. The SQLite code here is the
 * embedded engine, unchanged by the second.
 */

#define DEFAULT_BUSY_TIMEOUT_MS 5000

/* Files up to this many pages (16 MiB with 4 KiB pages) have every page
 * checked before they are opened: about 70 ms warm. A larger file is
 * checked on a worker (tp_database_check_pages_async()), because the
 * large sample business takes 1 s warm and 4 s cold, far beyond the
 * window's first-frame budget. */
#define MAX_CHECKED_PAGES 4096
#define SQLITE_HEADER "SQLite format 3"

struct _TpStatement
{
  TpDatabase    *db;   /* not owned: the database owns its statements */
  sqlite3_stmt  *stmt;
  TpPgStatement *pg;   /* instead of stmt on a team database */
};

struct _TpDatabase
{
  GObject     parent_instance;

  sqlite3    *handle;
  TpPgDatabase *pg;         /* a team database: instead of handle */
  char       *path;
  GHashTable *statements;   /* SQL text → TpStatement */
  guint       depth;        /* open transaction levels */
  guint       pages_checked : 1;
  guint       aborted : 1;  /* SQLite rolled the outer transaction back */
  guint       read_only : 1;  /* opened read-only, or the role may not write */
  guint       loading : 1;  /* between tp_database_begin_load() and the end of its transaction */
  guint       second : 1;   /* a team database opened as a worker's second connection */
  GPtrArray  *load_creates; /* SQLite: the indexes and triggers the load dropped */
  gint64      load_cache_size;
  gint64      load_temp_store;
};

G_DEFINE_FINAL_TYPE (TpDatabase, tp_database, G_TYPE_OBJECT)

enum {
  TRANSACTION_ENDED,
  BEFORE_COMMIT,
  RECONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
  signals[TRANSACTION_ENDED] =
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
  signals[BEFORE_COMMIT] =
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
  signals[RECONNECTED] =
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

static const char *
display_name (const char *path)
{
  return path != NULL ? path : ":memory:";
}

/* Maps a SQLite result code to an error that names the file, what is
 * wrong and what to do about it. */
static void
set_error (GError     **error,
           const char  *path,
           int          rc,
           const char  *detail)
{
  const char *name = display_name (path);

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

static void
set_error_from_handle (GError     **error,
                       TpDatabase  *self,
                       int          rc)
{
  set_error (error, self->path, rc, sqlite3_errmsg (self->handle));
}

static gboolean
is_memory_path (const char *path)
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

/* What the first 100 bytes of a database file say, read without SQLite. */
typedef struct
{
  gboolean valid;           /* FALSE for an empty file (its data is in the WAL) */
  guint32  user_version;    /* offset 60 */
  guint32  application_id;  /* offset 68 */
} Header;

/* Looks at an existing file before SQLite does, so that a folder, an
 * empty or foreign file or a truncated database gets a clear message and
 * is never written to. */
static gboolean
check_existing_file (const char  *path,
                     Header      *out,
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

      set_error (error, path, SQLITE_NOTADB, NULL);
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

static gboolean
exec_sql (sqlite3     *handle,
          const char  *path,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error (error, path, sqlite3_extended_errcode (handle), sqlite3_errmsg (handle));
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (sqlite3     *handle,
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
    set_error (error, path, rc, sqlite3_errmsg (handle));

  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

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

      if (!exec_sql (handle, path, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!exec_sql (handle, path, steps[version - 1], error) ||
          !exec_sql (handle, path, set_version, error) ||
          !exec_sql (handle, path, "COMMIT", error))
        {
          sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

static sqlite3 *
open_handle (const char  *path,
             int          flags,
             GError     **error)
{
  sqlite3 *handle = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &handle, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, path, rc, handle != NULL ? sqlite3_errmsg (handle) : NULL);
      sqlite3_close_v2 (handle);
      return NULL;
    }

  sqlite3_extended_result_codes (handle, 1);
  sqlite3_busy_timeout (handle, DEFAULT_BUSY_TIMEOUT_MS);

  return handle;
}

static void
set_foreign_error (GError     **error,
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
static gboolean
check_identity (const char  *path,
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

  set_foreign_error (error, path);
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
      set_error (error, path, rc, sqlite3_errmsg (handle));
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
      if (!query_int (handle, path, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
        return FALSE;
      if (n_objects > 0)
        {
          set_foreign_error (error, path);
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
      set_error (error, path, SQLITE_NOMEM, NULL);
      sqlite3_close_v2 (model);
      return FALSE;
    }
  for (guint i = 0; i < version; i++)
    if (!exec_sql (model, path, steps[i], error))
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
      set_foreign_error (error, path);
      return FALSE;
    }

  return TRUE;
}

/* PRAGMA quick_check: every page of every table and index is read and
 * checked (not the unique and foreign keys, which integrity_check adds).
 * It reads the whole file: about 1 s warm, 4 s cold for the large sample
 * business (200 MB). */
static gboolean
check_pages (sqlite3     *handle,
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
      set_error (error, path, rc, sqlite3_errmsg (handle));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  if (!ok)
    {
      g_debug ("%s: quick_check: %s", path, sqlite3_column_text (stmt, 0));
      set_error (error, path, SQLITE_CORRUPT, NULL);
    }
  sqlite3_finalize (stmt);

  return ok;
}

static gboolean
exists (const char *path)
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
  sqlite3 *handle = NULL;
  int rc;

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
          set_error (error, path, SQLITE_CANTOPEN, local_error->message);
          return NULL;
        }
      uri = read_only_uri (copy, "mode=ro");
    }

  rc = sqlite3_open_v2 (uri, &handle,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, path, rc, handle != NULL ? sqlite3_errmsg (handle) : NULL);
      sqlite3_close_v2 (handle);
      return NULL;
    }
  sqlite3_extended_result_codes (handle, 1);
  sqlite3_busy_timeout (handle, DEFAULT_BUSY_TIMEOUT_MS);

  return handle;
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
static gboolean
check_ownership (const char  *path,
                 const Header *header,
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
      !check_identity (path, header->application_id, (gint32) header->user_version,
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

  ok = query_int (handle, path, "PRAGMA application_id", &application_id, error) &&
       query_int (handle, path, "PRAGMA user_version", &version, error) &&
       check_identity (path, application_id, version, &legacy, error) &&
       (!legacy || check_legacy_tables (handle, path, (guint) version, error)) &&
       query_int (handle, path, "PRAGMA page_count", &n_pages, error);

  if (ok && check_all_pages && n_pages <= MAX_CHECKED_PAGES)
    {
      ok = check_pages (handle, path, error);
      *pages_checked = TRUE;
    }

  sqlite3_close_v2 (handle);
  remove_copy (tmpdir);

  return ok;
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

  handle = open_handle (tmpl, SQLITE_OPEN_READWRITE, error);
  if (handle == NULL)
    {
      g_unlink (tmpl);
      return FALSE;
    }

  ok = exec_sql (handle, path, "PRAGMA synchronous = FULL", error) &&
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
  Header header = { FALSE, };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (_tp_database_is_pg_uri (path))
    return open_server (path, NULL, flags, error);

  memory = is_memory_path (path);
  g_return_val_if_fail (!memory || (flags & ~TP_DATABASE_OPEN_NO_SETUP) == 0, NULL);

  if (!memory)
    {
      /* A second connection never creates the file: if it vanished, it
       * says so (check_existing_file() names the file and the reason). */
      if (existing || exists (path))
        {
          if (!check_existing_file (path, &header, error) ||
              !check_ownership (path, &header, !existing, &pages_checked, &deferred, error))
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
  self->handle = open_handle (self->path,
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
  if (!query_int (self->handle, self->path, "PRAGMA user_version", &version, error) ||
      !query_int (self->handle, self->path, "PRAGMA application_id", &application_id, error) ||
      !query_int (self->handle, self->path, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return NULL;

  if (!(memory && version == 0 && n_objects == 0) &&
      !check_identity (self->path, application_id, version, &legacy, error))
    return NULL;

  if (existing && version != TP_SCHEMA_VERSION)
    {
      /* The first connection brought it up to date; this is another file. */
      set_foreign_error (error, self->path);
      return NULL;
    }

  if (!memory && !read_only && sqlite3_db_readonly (self->handle, "main") == 1)
    {
      set_error (error, self->path, SQLITE_READONLY, g_strerror (EACCES));
      return NULL;
    }

  if (deferred && !existing)
    {
      gint64 n_pages = 0;

      if (!query_int (self->handle, self->path, "PRAGMA page_count", &n_pages, error))
        return NULL;
      if (n_pages <= MAX_CHECKED_PAGES)
        {
          if (!check_pages (self->handle, self->path, error))
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
  if (!exec_sql (self->handle, self->path, "PRAGMA journal_mode = WAL", error) ||
      !exec_sql (self->handle, self->path, "PRAGMA synchronous = FULL", error))
    return NULL;

  /* Before foreign keys are on: a step that builds a table anew drops the
   * old one, which must not cascade into the rows that refer to it. */
  if (version < TP_SCHEMA_VERSION &&
      !migrate (self->handle, self->path, (guint)version, error))
    return NULL;

  if (!exec_sql (self->handle, self->path, "PRAGMA foreign_keys = ON", error))
    return NULL;

  return g_steal_pointer (&self);
}

/*
 * SQLite keeps a database's -wal and -shm (or -journal) beside it, so the
 * folder must take new files. One that does not (the document portal's
 * folder of one file in a Flatpak, a read-only folder around a writable
 * file) makes SQLite fail with "unable to open database file", which
 * says nothing useful: ask SQLite's own file layer (the VFS, so that the
 * answer is the one SQLite gets) to make a file there and say so.
 */
static gboolean
folder_takes_new_files (const char *path)
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
      !is_memory_path (path) && exists (path) && !folder_takes_new_files (path))
    {
      g_autofree char *folder = g_path_get_dirname (path);

      g_clear_error (&local_error);
      g_set_error (&local_error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION,
                   /* Translators: the first %s is a file name, the second its folder */
                   _("“%s” cannot be used where it is: Touchpoint keeps two working files "
                     "beside a database while it is open, and its folder “%s” does not "
                     "let it make them. The file has not been changed. Copy it into a "
                     "folder you may write to, or start a new database."),
                   display_name (path), folder);
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

  if (!exists (source))
    {
      set_error (error, source, SQLITE_CANTOPEN, g_strerror (ENOENT));
      return FALSE;
    }
  if (exists (dest))
    {
      set_error (error, dest, SQLITE_CANTOPEN, g_strerror (EEXIST));
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
      set_error (error, source, rc, handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
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
  handle = open_handle (path, SQLITE_OPEN_READONLY, &error);
  if (handle != NULL && check_pages (handle, path, &error))
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

  g_signal_emit (self, signals[RECONNECTED], 0);

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

  return exec_sql (self->handle, self->path, sql, error);
}

/**
 * tp_database_prepare:
 * @self: a #TpDatabase
 * @sql: one SQL statement, with `?` parameters
 * @error: return location for a #GError
 *
 * Gets a prepared statement for @sql. Statements are cached by their
 * text, so preparing the same SQL again is cheap. The statement is
 * returned reset and with its bindings cleared; call
 * tp_statement_reset() when done with it.
 *
 * Returns: (transfer none) (nullable): the statement, owned by @self
 */
TpStatement *
tp_database_prepare (TpDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  TpStatement *stmt;
  sqlite3_stmt *raw = NULL;
  int rc;

  g_return_val_if_fail (TP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      tp_statement_reset (stmt);
      return stmt;
    }

  if (self->pg != NULL)
    {
      TpPgStatement *pg = _tp_pg_prepare (self->pg, sql, error);

      if (pg == NULL)
        return NULL;
      stmt = g_new0 (TpStatement, 1);
      stmt->db = self;
      stmt->pg = pg;
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &raw, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_handle (error, self, rc);
      return NULL;
    }

  stmt = g_new0 (TpStatement, 1);
  stmt->db = self;
  stmt->stmt = raw;
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

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

  return exec_sql (self->handle, self->path, sql, error);
}

static void
set_abort_error (TpDatabase  *self,
                 const char  *detail,
                 GError     **error)
{
  if (self->pg != NULL)
    _tp_pg_set_transaction_error (self->pg, detail, error);
  else
    set_error (error, self->path, SQLITE_ABORT, detail);
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

  g_signal_emit (self, signals[TRANSACTION_ENDED], 0, level, committed);
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
    g_signal_emit (self, signals[BEFORE_COMMIT], 0);

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
      set_error_from_handle (error, self, rc);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      set_error (error, self->path, SQLITE_CORRUPT, NULL);
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
      set_error (error, self->path, SQLITE_CORRUPT, NULL);
      ok = FALSE;
    }
  else if (rc != SQLITE_DONE)
    {
      set_error_from_handle (error, self, rc);
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
  if (!exec_sql (self->handle, self->path, settings, error))
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
      set_error_from_handle (error, self, rc);
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
      if (!exec_sql (self->handle, self->path, g_ptr_array_index (self->load_creates, i), error))
        return FALSE;
    }
  g_ptr_array_set_size (self->load_creates, 0);

  /* The search index followed none of the rows loaded */
  return exec_sql (self->handle, self->path, _tp_migrations_search_rebuild (), error);
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
    set_error_from_handle (error, self, rc);
  sqlite3_finalize (stmt);

  return FALSE;
}

/**
 * tp_statement_bind_int64:
 * @stmt: a #TpStatement
 * @index: the 1-based parameter index
 * @value: the value
 */
void
tp_statement_bind_int64 (TpStatement *stmt,
                         int          index,
                         gint64       value)
{
  g_return_if_fail (stmt != NULL);

  if (G_UNLIKELY (stmt->pg != NULL))
    _tp_pg_statement_bind (stmt->pg, index, g_variant_new_int64 (value));
  else
    sqlite3_bind_int64 (stmt->stmt, index, value);
}

/**
 * tp_statement_bind_double:
 * @stmt: a #TpStatement
 * @index: the 1-based parameter index
 * @value: the value
 */
void
tp_statement_bind_double (TpStatement *stmt,
                          int          index,
                          double       value)
{
  g_return_if_fail (stmt != NULL);

  if (G_UNLIKELY (stmt->pg != NULL))
    _tp_pg_statement_bind (stmt->pg, index, g_variant_new_double (value));
  else
    sqlite3_bind_double (stmt->stmt, index, value);
}

/**
 * tp_statement_bind_text:
 * @stmt: a #TpStatement
 * @index: the 1-based parameter index
 * @value: (nullable): UTF-8 text, copied; %NULL binds NULL
 */
void
tp_statement_bind_text (TpStatement *stmt,
                        int          index,
                        const char  *value)
{
  g_return_if_fail (stmt != NULL);

  if (G_UNLIKELY (stmt->pg != NULL))
    _tp_pg_statement_bind (stmt->pg, index, value != NULL ? g_variant_new_string (value) : NULL);
  else if (value == NULL)
    sqlite3_bind_null (stmt->stmt, index);
  else
    sqlite3_bind_text (stmt->stmt, index, value, -1, SQLITE_TRANSIENT);
}

/**
 * tp_statement_bind_null:
 * @stmt: a #TpStatement
 * @index: the 1-based parameter index
 */
void
tp_statement_bind_null (TpStatement *stmt,
                        int          index)
{
  g_return_if_fail (stmt != NULL);

  if (G_UNLIKELY (stmt->pg != NULL))
    _tp_pg_statement_bind (stmt->pg, index, NULL);
  else
    sqlite3_bind_null (stmt->stmt, index);
}

/**
 * tp_statement_bind_value:
 * @stmt: a #TpStatement
 * @index: the 1-based parameter index
 * @value: (nullable): a #GVariant of type `x`, `d`, `s` or `ay`, or %NULL
 *   for NULL
 *
 * Binds a value of any storage class, as returned by
 * tp_statement_dup_value().
 */
void
tp_statement_bind_value (TpStatement *stmt,
                         int          index,
                         GVariant    *value)
{
  g_return_if_fail (stmt != NULL);

  if (G_UNLIKELY (stmt->pg != NULL))
    _tp_pg_statement_bind (stmt->pg, index, value);
  else if (value == NULL)
    sqlite3_bind_null (stmt->stmt, index);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    sqlite3_bind_int64 (stmt->stmt, index, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    sqlite3_bind_double (stmt->stmt, index, g_variant_get_double (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    sqlite3_bind_text (stmt->stmt, index, g_variant_get_string (value, NULL), -1,
                       SQLITE_TRANSIENT);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BYTESTRING))
    {
      gsize len;
      gconstpointer data = g_variant_get_fixed_array (value, &len, 1);

      sqlite3_bind_blob64 (stmt->stmt, index, data, len, SQLITE_TRANSIENT);
    }
  else
    g_return_if_reached ();
}

/**
 * tp_statement_step:
 * @stmt: a #TpStatement
 * @error: return location for a #GError
 *
 * Runs the statement to its next row.
 *
 * Returns: %TRUE if a row is ready; %FALSE when done or on error (then
 *   @error is set)
 */
gboolean
tp_statement_step (TpStatement  *stmt,
                   GError      **error)
{
  int rc;

  g_return_val_if_fail (stmt != NULL, FALSE);

  if (G_UNLIKELY (stmt->pg != NULL))
    return _tp_pg_statement_step (stmt->pg, error);

  rc = sqlite3_step (stmt->stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    return FALSE;

  set_error_from_handle (error, stmt->db, rc);
  return FALSE;
}

/**
 * tp_statement_get_int64:
 * @stmt: a #TpStatement
 * @column: the 0-based column index
 *
 * Returns: the value of @column in the current row, 0 for NULL
 */
gint64
tp_statement_get_int64 (TpStatement *stmt,
                        int          column)
{
  g_return_val_if_fail (stmt != NULL, 0);

  if (G_UNLIKELY (stmt->pg != NULL))
    return _tp_pg_statement_get_int64 (stmt->pg, column);

  return sqlite3_column_int64 (stmt->stmt, column);
}

/**
 * tp_statement_get_double:
 * @stmt: a #TpStatement
 * @column: the 0-based column index
 *
 * Returns: the value of @column in the current row, 0 for NULL
 */
double
tp_statement_get_double (TpStatement *stmt,
                         int          column)
{
  g_return_val_if_fail (stmt != NULL, 0);

  if (G_UNLIKELY (stmt->pg != NULL))
    return _tp_pg_statement_get_double (stmt->pg, column);

  return sqlite3_column_double (stmt->stmt, column);
}

/**
 * tp_statement_get_text:
 * @stmt: a #TpStatement
 * @column: the 0-based column index
 *
 * Returns: (nullable): the text of @column in the current row, valid
 *   until the next step or reset; %NULL for NULL
 */
const char *
tp_statement_get_text (TpStatement *stmt,
                       int          column)
{
  g_return_val_if_fail (stmt != NULL, NULL);

  if (G_UNLIKELY (stmt->pg != NULL))
    return _tp_pg_statement_get_text (stmt->pg, column);

  return (const char *)sqlite3_column_text (stmt->stmt, column);
}

/**
 * tp_statement_is_null:
 * @stmt: a #TpStatement
 * @column: the 0-based column index
 *
 * Returns: %TRUE if @column is NULL in the current row
 */
gboolean
tp_statement_is_null (TpStatement *stmt,
                      int          column)
{
  g_return_val_if_fail (stmt != NULL, TRUE);

  if (G_UNLIKELY (stmt->pg != NULL))
    return _tp_pg_statement_is_null (stmt->pg, column);

  return sqlite3_column_type (stmt->stmt, column) == SQLITE_NULL;
}

/**
 * tp_statement_get_n_columns:
 * @stmt: a #TpStatement
 *
 * Returns: the number of columns in the statement's result
 */
int
tp_statement_get_n_columns (TpStatement *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);

  if (G_UNLIKELY (stmt->pg != NULL))
    return _tp_pg_statement_get_n_columns (stmt->pg);

  return sqlite3_column_count (stmt->stmt);
}

/**
 * tp_statement_get_column_name:
 * @stmt: a #TpStatement
 * @column: the 0-based column index
 *
 * Returns: the name of @column
 */
const char *
tp_statement_get_column_name (TpStatement *stmt,
                              int          column)
{
  g_return_val_if_fail (stmt != NULL, NULL);

  if (G_UNLIKELY (stmt->pg != NULL))
    return _tp_pg_statement_get_column_name (stmt->pg, column);

  return sqlite3_column_name (stmt->stmt, column);
}

/**
 * tp_statement_dup_value:
 * @stmt: a #TpStatement
 * @column: the 0-based column index
 *
 * Copies a value of any storage class out of the current row, exactly:
 * an integer as `x`, a real as `d`, text as `s`, a blob as `ay`.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL for NULL
 */
GVariant *
tp_statement_dup_value (TpStatement *stmt,
                        int          column)
{
  g_return_val_if_fail (stmt != NULL, NULL);

  if (G_UNLIKELY (stmt->pg != NULL))
    return _tp_pg_statement_dup_value (stmt->pg, column);

  switch (sqlite3_column_type (stmt->stmt, column))
    {
    case SQLITE_INTEGER:
      return g_variant_ref_sink (g_variant_new_int64 (sqlite3_column_int64 (stmt->stmt, column)));

    case SQLITE_FLOAT:
      return g_variant_ref_sink (g_variant_new_double (sqlite3_column_double (stmt->stmt, column)));

    case SQLITE_TEXT:
      {
        const char *text = (const char *)sqlite3_column_text (stmt->stmt, column);

        /* Text that is not UTF-8 (written by another program) is kept
         * byte for byte as a blob rather than lost. */
        if (g_utf8_validate (text, -1, NULL))
          return g_variant_ref_sink (g_variant_new_string (text));
      }
      G_GNUC_FALLTHROUGH;

    case SQLITE_BLOB:
      {
        gconstpointer data = sqlite3_column_blob (stmt->stmt, column);
        int len = sqlite3_column_bytes (stmt->stmt, column);

        return g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE,
                                                              data, len, 1));
      }

    case SQLITE_NULL:
    default:
      return NULL;
    }
}

/**
 * tp_statement_reset:
 * @stmt: a #TpStatement
 *
 * Resets the statement and clears its bindings, releasing what it holds
 * so that the transaction it ran in can end.
 */
void
tp_statement_reset (TpStatement *stmt)
{
  g_return_if_fail (stmt != NULL);

  if (G_UNLIKELY (stmt->pg != NULL))
    {
      _tp_pg_statement_reset (stmt->pg);
      return;
    }

  sqlite3_reset (stmt->stmt);
  sqlite3_clear_bindings (stmt->stmt);
}
