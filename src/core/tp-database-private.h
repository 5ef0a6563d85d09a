/* tp-database-private.h
 *
 * Copyright 2026 The Touchpoint authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tp-database.h"

G_BEGIN_DECLS

/*
 * The PostgreSQL engine (tp-database-pg*.c) under TpDatabase. TpDatabase
 * and TpStatement keep their one API; when the database was opened from
 * a postgresql:// URI, each call goes to these functions instead of
 * SQLite's. Everything that differs between the two dialects lives in
 * tp-database-pg*.c: the SQL callers write is SQLite's (`?N` parameters,
 * `COLLATE NOCASE`, `IS NOT`, …) and is translated there.
 */

typedef struct _TpPgDatabase  TpPgDatabase;
typedef struct _TpPgStatement TpPgStatement;

/*
 * TpDatabase itself, shared by its files (map atop tp-database.c):
 * tp-database.c (the object, errors, the engine it runs on),
 * tp-database-checks.c, tp-database-open.c, tp-database-transaction.c
 * and tp-database-statement.c.
 */

#define DEFAULT_BUSY_TIMEOUT_MS 5000

/* Files up to this many pages (16 MiB with 4 KiB pages) have every page
 * checked before they are opened: about 70 ms warm. A larger file is
 * checked on a worker (tp_database_check_pages_async()), because the
 * large sample business takes 1 s warm and 4 s cold, far beyond the
 * window's first-frame budget. */
#define MAX_CHECKED_PAGES 4096

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

enum {
  TP_DATABASE_TRANSACTION_ENDED,
  TP_DATABASE_BEFORE_COMMIT,
  TP_DATABASE_RECONNECTED,
  TP_DATABASE_N_SIGNALS
};

extern guint _tp_database_signals[TP_DATABASE_N_SIGNALS];

/* tp-database.c: errors and SQLite's calls */
const char     *_tp_database_display_name     (const char          *path);
void            _tp_database_set_error        (GError             **error,
                                               const char          *path,
                                               int                  rc,
                                               const char          *detail);
void            _tp_database_set_error_from_handle (GError        **error,
                                               TpDatabase          *self,
                                               int                  rc);
gboolean        _tp_database_exec_sql         (sqlite3             *handle,
                                               const char          *path,
                                               const char          *sql,
                                               GError             **error);
gboolean        _tp_database_query_int        (sqlite3             *handle,
                                               const char          *path,
                                               const char          *sql,
                                               gint64              *value,
                                               GError             **error);
sqlite3        *_tp_database_open_handle      (const char          *path,
                                               int                  flags,
                                               GError             **error);
sqlite3        *_tp_database_open_uri         (const char          *path,
                                               const char          *uri,
                                               int                  flags,
                                               GError             **error);

/* tp-database-checks.c: whether a file is ours, before writing to it */
/* What the first 100 bytes of a database file say, read without SQLite. */
typedef struct
{
  gboolean valid;           /* FALSE for an empty file (its data is in the WAL) */
  guint32  user_version;    /* offset 60 */
  guint32  application_id;  /* offset 68 */
} TpDatabaseFileHeader;

gboolean        _tp_database_is_memory_path   (const char          *path);
gboolean        _tp_database_exists           (const char          *path);
void            _tp_database_set_foreign_error (GError            **error,
                                               const char          *path);
gboolean        _tp_database_check_existing_file (const char       *path,
                                               TpDatabaseFileHeader *out,
                                               GError             **error);
gboolean        _tp_database_check_identity   (const char          *path,
                                               gint64               application_id,
                                               gint64               version,
                                               gboolean            *legacy,
                                               GError             **error);
gboolean        _tp_database_check_pages      (sqlite3             *handle,
                                               const char          *path,
                                               GError             **error);
gboolean        _tp_database_check_ownership  (const char          *path,
                                               const TpDatabaseFileHeader *header,
                                               gboolean             check_all_pages,
                                               gboolean            *pages_checked,
                                               gboolean            *deferred,
                                               GError             **error);
gboolean        _tp_database_folder_takes_new_files (const char    *path);


gboolean        _tp_database_is_pg_uri        (const char          *path);
char           *_tp_pg_name_for_uri           (const char          *uri);

TpPgDatabase   *_tp_pg_open                   (const char          *uri,
                                               const char          *password,
                                               TpDatabaseOpenFlags  flags,
                                               GError             **error);
void            _tp_pg_close                  (TpPgDatabase        *db);
void            _tp_pg_set_password           (const char          *uri,
                                               const char          *password);
gboolean        _tp_pg_can_write              (TpPgDatabase        *db);
const char     *_tp_pg_get_user               (TpPgDatabase        *db);
gboolean        _tp_pg_check_connection       (TpPgDatabase        *db);
int             _tp_pg_get_socket             (TpPgDatabase        *db);
const char     *_tp_pg_get_display_name       (TpPgDatabase        *db);
gboolean        _tp_pg_exec                   (TpPgDatabase        *db,
                                               const char          *sql,
                                               GError             **error);
gboolean        _tp_pg_in_failed_transaction  (TpPgDatabase        *db);
gboolean        _tp_pg_in_transaction         (TpPgDatabase        *db);
gint64          _tp_pg_last_insert_id         (TpPgDatabase        *db);
gint64          _tp_pg_changes                (TpPgDatabase        *db);
gboolean        _tp_pg_begin_load             (TpPgDatabase        *db,
                                               GError             **error);
gboolean        _tp_pg_end_load               (TpPgDatabase        *db,
                                               GError             **error);
void            _tp_pg_after_load             (TpPgDatabase        *db,
                                               gboolean             committed);
void            _tp_pg_set_transaction_error  (TpPgDatabase        *db,
                                               const char          *detail,
                                               GError             **error);

TpPgStatement  *_tp_pg_prepare                (TpPgDatabase        *db,
                                               const char          *sql,
                                               GError             **error);
void            _tp_pg_statement_free         (TpPgStatement       *stmt);
void            _tp_pg_statement_reset        (TpPgStatement       *stmt);
void            _tp_pg_statement_bind         (TpPgStatement       *stmt,
                                               int                  index,
                                               GVariant            *value);
gboolean        _tp_pg_statement_step         (TpPgStatement       *stmt,
                                               GError             **error);
gboolean        _tp_pg_statement_is_null      (TpPgStatement       *stmt,
                                               int                  column);
const char     *_tp_pg_statement_get_text     (TpPgStatement       *stmt,
                                               int                  column);
gint64          _tp_pg_statement_get_int64    (TpPgStatement       *stmt,
                                               int                  column);
double          _tp_pg_statement_get_double   (TpPgStatement       *stmt,
                                               int                  column);
int             _tp_pg_statement_get_n_columns (TpPgStatement      *stmt);
const char     *_tp_pg_statement_get_column_name (TpPgStatement    *stmt,
                                               int                  column);
GVariant       *_tp_pg_statement_dup_value    (TpPgStatement       *stmt,
                                               int                  column);

/* The change feed (tp-database-pg-feed.c): LISTEN/NOTIFY on one channel */
#define TP_PG_FEED_CHANNEL     "touchpoint_changes"
#define TP_PG_FEED_MAX_PAYLOAD 7900

struct pg_conn;
struct pg_conn *_tp_pg_get_conn               (TpPgDatabase        *db);
gboolean        _tp_pg_feed_listen            (TpPgDatabase        *db,
                                               GError             **error);
gboolean        _tp_pg_feed_notify            (TpPgDatabase        *db,
                                               const char          *payload,
                                               GError             **error);
char           *_tp_pg_feed_take              (TpPgDatabase        *db);

/* For the tests: the SQL PostgreSQL runs for SQLite's @sql, and the
 * schema it creates. */
char           *_tp_pg_translate_sql          (const char          *sql,
                                               guint               *n_params);
char           *_tp_pg_schema_sql             (GError             **error);

G_END_DECLS
