/* tp-database-pg-private.h
 *
 * Copyright 2026 The Touchpoint authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>

#include "tp-database-private.h"

G_BEGIN_DECLS

/*
 * The PostgreSQL engine's own pieces, shared by its files (map atop
 * tp-database-pg.c).
 */

#define PG_TYPE_BOOL    16
#define PG_TYPE_BYTEA   17
#define PG_TYPE_INT8    20
#define PG_TYPE_INT2    21
#define PG_TYPE_INT4    23
#define PG_TYPE_TEXT    25
#define PG_TYPE_FLOAT4  700
#define PG_TYPE_FLOAT8  701
#define PG_TYPE_NUMERIC 1700

/* pg_advisory_xact_lock key while the schema is created: "TchP" */
#define SCHEMA_LOCK_KEY "1415800912"

struct _TpPgDatabase
{
  PGconn *conn;
  char   *display_name;  /* the URI without its password */
  char   *password;      /* to scrub from the server's messages */
  gint64  last_insert_id;
  gint64  changes;
  gboolean can_write;    /* the role may change rows, the server takes writes */
  GPtrArray *load_creates; /* inside a load: what makes the dropped indexes and keys again */
};

struct _TpPgStatement
{
  TpPgDatabase *db;
  char         *sql;          /* PostgreSQL's */
  guint         n_params;
  GVariant    **params;       /* n_params, NULL for NULL */
  GByteArray   *referenced;   /* whether the SQL uses each parameter */
  PGresult     *result;
  int           row;          /* the current row of result, -1 before the first */
  guint         executed : 1;
  guint         returns_id : 1;  /* an INSERT given RETURNING id here */
  char         *copy_sql;     /* inside a load: the COPY … FROM STDIN that takes its rows */
  guint         copy_columns; /* the columns of each of its rows */
};

/* tp-database-pg.c: the connection, its errors, running SQL */
char           *_tp_pg_scrub                  (TpPgDatabase        *db,
                                               const char          *text);
void            _tp_pg_set_result_error       (TpPgDatabase        *db,
                                               PGresult            *result,
                                               GError             **error);
gboolean        _tp_pg_run                    (TpPgDatabase        *db,
                                               const char          *sql,
                                               GError             **error);
void            _tp_pg_run_quietly            (TpPgDatabase        *db,
                                               const char          *sql);
PGresult       *_tp_pg_run_guarded            (TpPgDatabase        *db,
                                               const char          *sql,
                                               int                  n_params,
                                               const Oid           *types,
                                               const char * const  *values,
                                               const int           *lengths,
                                               const int           *formats,
                                               GError             **error);

/* tp-database-pg-sql.c: SQLite's SQL said as PostgreSQL says it */
gboolean        _tp_pg_is_word_start          (char                 c);
gboolean        _tp_pg_is_word_char           (char                 c);
const char     *_tp_pg_skip_space             (const char          *p);
gboolean        _tp_pg_word_is                (const char          *p,
                                               const char          *word);
gboolean        _tp_pg_has_word               (const char          *sql,
                                               const char          *word);
gboolean        _tp_pg_is_insert              (const char          *sql);
char           *_tp_pg_translate              (const char          *sql,
                                               guint               *n_params,
                                               GByteArray         **referenced);

/* tp-database-pg-schema.c: the schema created, upgraded, checked */
gboolean        _tp_pg_query_int              (TpPgDatabase        *db,
                                               const char          *sql,
                                               gint64              *value,
                                               GError             **error);
gboolean        _tp_pg_check_schema           (TpPgDatabase        *db,
                                               TpDatabaseOpenFlags  flags,
                                               GError             **error);

/* tp-database-pg-load.c: a bulk load, its rows sent by COPY */
char           *_tp_pg_copy_for_insert        (const char          *translated,
                                               guint                n_params,
                                               guint               *n_columns);
gboolean        _tp_pg_execute_copy           (TpPgStatement       *stmt,
                                               GError             **error);

/* tp-database-pg-statement.c */
char           *_tp_pg_bytea_hex              (GVariant            *value);

G_END_DECLS
