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
 * The PostgreSQL engine (tp-database-pg.c) under TpDatabase. TpDatabase
 * and TpStatement keep their one API; when the database was opened from
 * a postgresql:// URI, each call goes to these functions instead of
 * SQLite's. Everything that differs between the two dialects lives in
 * tp-database-pg.c: the SQL callers write is SQLite's (`?N` parameters,
 * `COLLATE NOCASE`, `IS NOT`, …) and is translated there.
 */

typedef struct _TpPgDatabase  TpPgDatabase;
typedef struct _TpPgStatement TpPgStatement;

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
