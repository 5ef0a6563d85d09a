/* tp-database.h
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

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define TP_DATABASE_ERROR (tp_database_error_quark ())

typedef enum
{
  TP_DATABASE_ERROR_FAILED,       /* any other failure of the engine */
  TP_DATABASE_ERROR_NOT_DATABASE, /* not a database, or damaged */
  TP_DATABASE_ERROR_NEWER,        /* written by a newer Touchpoint */
  TP_DATABASE_ERROR_PERMISSION,   /* cannot read or write the file */
  TP_DATABASE_ERROR_BUSY,         /* locked by another writer */
  TP_DATABASE_ERROR_FULL,         /* disk (or max_page_count) full */
  TP_DATABASE_ERROR_CONSTRAINT,   /* a value broke a rule of the schema */
  TP_DATABASE_ERROR_INVALID,      /* a value was refused before SQL */
  TP_DATABASE_ERROR_UNREACHABLE,  /* a database server cannot be reached */
  TP_DATABASE_ERROR_PASSWORD,     /* a database server refused the password */
  TP_DATABASE_ERROR_EMPTY,        /* an empty team database, left as it is
                                   * (TP_DATABASE_OPEN_NO_SETUP) */
  TP_DATABASE_ERROR_CONFLICT,     /* the row was changed by someone else since it was
                                   * read (its version moved on) */
} TpDatabaseError;

GQuark tp_database_error_quark (void);

/**
 * TpDatabaseOpenFlags:
 * @TP_DATABASE_OPEN_DEFAULT: open or create, upgrade an older file
 * @TP_DATABASE_OPEN_EXISTING: a second connection (a worker's): the file
 *   must exist and be a current Touchpoint database; never creates it
 * @TP_DATABASE_OPEN_READ_ONLY: as %TP_DATABASE_OPEN_EXISTING, read-only
 * @TP_DATABASE_OPEN_NO_SETUP: an empty team database is not set up but
 *   refused with %TP_DATABASE_ERROR_EMPTY (the owner is asked first)
 */
typedef enum
{
  TP_DATABASE_OPEN_DEFAULT   = 0,
  TP_DATABASE_OPEN_EXISTING  = 1 << 0,
  TP_DATABASE_OPEN_READ_ONLY = 1 << 1,
  TP_DATABASE_OPEN_NO_SETUP  = 1 << 2,
} TpDatabaseOpenFlags;

/* TpStatement: a prepared statement, owned (and cached) by its TpDatabase. */
typedef struct _TpStatement TpStatement;

#define TP_TYPE_DATABASE (tp_database_get_type ())

G_DECLARE_FINAL_TYPE (TpDatabase, tp_database, TP, DATABASE, GObject)

TpDatabase   *tp_database_open            (const char   *path,
                                           GError      **error);
TpDatabase   *tp_database_open_full       (const char   *path,
                                           TpDatabaseOpenFlags flags,
                                           GError      **error);
TpDatabase   *tp_database_open_server     (const char   *uri,
                                           const char   *password,
                                           TpDatabaseOpenFlags flags,
                                           GError      **error);
void          tp_database_try_open_async  (const char   *path,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer      user_data);
gboolean      tp_database_try_open_finish (GAsyncResult *result,
                                           GError      **error);
gboolean      tp_database_copy_file       (const char   *source,
                                           const char   *dest,
                                           GError      **error);
gboolean      tp_database_get_pages_checked (TpDatabase *self);
void          tp_database_check_pages_async (const char  *path,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer      user_data);
gboolean      tp_database_check_pages_finish (GAsyncResult *result,
                                           GError      **error);
const char   *tp_database_get_path        (TpDatabase   *self);
const char   *tp_database_get_display_name (TpDatabase  *self);
gboolean      tp_database_is_server       (TpDatabase   *self);
gboolean      tp_database_path_can_reopen (const char   *path);
gboolean      tp_database_path_is_server  (const char   *path);
void          tp_database_set_server_password (const char *uri,
                                           const char   *password);
gboolean      tp_database_can_write       (TpDatabase   *self);
const char   *tp_database_get_server_user (TpDatabase   *self);
gboolean      tp_database_check_connection (TpDatabase  *self);
int           tp_database_get_server_socket (TpDatabase *self);
void          tp_database_reconnect_async (TpDatabase   *self,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer      user_data);
gboolean      tp_database_reconnect_finish (TpDatabase  *self,
                                           GAsyncResult *result,
                                           GError      **error);
gboolean      tp_database_listen_changes  (TpDatabase   *self,
                                           GError      **error);
gboolean      tp_database_announce_changes (TpDatabase  *self,
                                           const char  *changes,
                                           GError     **error);
gboolean      tp_database_announce_reload (TpDatabase   *self,
                                           const char  *table,
                                           GError     **error);
char         *tp_database_take_changes    (TpDatabase   *self);
char         *tp_database_name_for_path   (const char   *path);
sqlite3      *tp_database_get_handle      (TpDatabase   *self);
gboolean      tp_database_exec            (TpDatabase   *self,
                                           const char   *sql,
                                           GError      **error);
TpStatement  *tp_database_prepare         (TpDatabase   *self,
                                           const char   *sql,
                                           GError      **error);
gboolean      tp_database_begin           (TpDatabase   *self,
                                           GError      **error);
gboolean      tp_database_begin_read      (TpDatabase   *self,
                                           GError      **error);
gboolean      tp_database_commit          (TpDatabase   *self,
                                           GError      **error);
void          tp_database_rollback        (TpDatabase   *self);
gint64        tp_database_last_insert_id  (TpDatabase   *self);

/* Additions to the first contract. */
void          tp_database_set_busy_timeout (TpDatabase  *self,
                                           int           milliseconds);
guint         tp_database_get_depth       (TpDatabase   *self);
gint64        tp_database_changes         (TpDatabase   *self);
gboolean      tp_database_check_integrity (TpDatabase   *self,
                                           GError      **error);

/* Loading a whole business at once (restore, copy) */
gboolean      tp_database_begin_load      (TpDatabase   *self,
                                           GError      **error);
gboolean      tp_database_end_load        (TpDatabase   *self,
                                           GError      **error);
gboolean      tp_database_find_broken_reference (TpDatabase *self,
                                           char        **table,
                                           gint64       *id,
                                           char        **parent,
                                           GError      **error);

void          tp_statement_bind_int64     (TpStatement  *stmt,
                                           int           index,
                                           gint64        value);
void          tp_statement_bind_text      (TpStatement  *stmt,
                                           int           index,
                                           const char   *value);
void          tp_statement_bind_null      (TpStatement  *stmt,
                                           int           index);
gboolean      tp_statement_step           (TpStatement  *stmt,
                                           GError      **error);
gint64        tp_statement_get_int64      (TpStatement  *stmt,
                                           int           column);
const char   *tp_statement_get_text       (TpStatement  *stmt,
                                           int           column);
gboolean      tp_statement_is_null        (TpStatement  *stmt,
                                           int           column);
void          tp_statement_reset          (TpStatement  *stmt);

/* Additions to the first contract. */
void          tp_statement_bind_double    (TpStatement  *stmt,
                                           int           index,
                                           double        value);
void          tp_statement_bind_value     (TpStatement  *stmt,
                                           int           index,
                                           GVariant     *value);
double        tp_statement_get_double     (TpStatement  *stmt,
                                           int           column);
int           tp_statement_get_n_columns  (TpStatement  *stmt);
const char   *tp_statement_get_column_name (TpStatement *stmt,
                                           int           column);
GVariant     *tp_statement_dup_value      (TpStatement  *stmt,
                                           int           column);

G_END_DECLS
