/* tp-database-statement.c
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



#include "tp-database-private.h"

/*
 * TpStatement (overview in tp-database.c): a cached prepared statement,
 * its parameters and its columns, on either engine.
 */

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
      _tp_database_set_error_from_handle (error, self, rc);
      return NULL;
    }

  stmt = g_new0 (TpStatement, 1);
  stmt->db = self;
  stmt->stmt = raw;
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
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

  _tp_database_set_error_from_handle (error, stmt->db, rc);
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
