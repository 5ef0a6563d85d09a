/* tp-database-pg-statement.c
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

#include <string.h>


#include "tp-database-pg-private.h"

/*
 * A statement of a team database (overview in tp-database-pg.c): its
 * parameters sent as text with their types, run once, its rows read.
 */

TpPgStatement *
_tp_pg_prepare (TpPgDatabase  *db,
                const char    *sql,
                GError       **error)
{
  TpPgStatement *stmt = g_new0 (TpPgStatement, 1);
  g_autofree char *translated = _tp_pg_translate (sql, &stmt->n_params, &stmt->referenced);

  stmt->db = db;
  stmt->row = -1;
  stmt->params = g_new0 (GVariant *, MAX (stmt->n_params, 1));
  if (db->load_creates != NULL)
    stmt->copy_sql = _tp_pg_copy_for_insert (translated, stmt->n_params, &stmt->copy_columns);
  if (_tp_pg_is_insert (sql) && !_tp_pg_has_word (sql, "RETURNING"))
    {
      g_strchomp (translated);
      if (g_str_has_suffix (translated, ";"))
        translated[strlen (translated) - 1] = '\0';
      stmt->sql = g_strconcat (translated, " RETURNING id", NULL);
      stmt->returns_id = TRUE;
    }
  else
    stmt->sql = g_steal_pointer (&translated);

  (void) error;

  return stmt;
}

void
_tp_pg_statement_reset (TpPgStatement *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  stmt->row = -1;
  stmt->executed = FALSE;
  for (guint i = 0; i < stmt->n_params; i++)
    g_clear_pointer (&stmt->params[i], g_variant_unref);
}

void
_tp_pg_statement_free (TpPgStatement *stmt)
{
  _tp_pg_statement_reset (stmt);
  g_free (stmt->params);
  g_byte_array_unref (stmt->referenced);
  g_free (stmt->sql);
  g_free (stmt->copy_sql);
  g_free (stmt);
}

void
_tp_pg_statement_bind (TpPgStatement *stmt,
                       int            index,
                       GVariant      *value)
{
  /* SQLite ignores a value for a parameter the statement does not have */
  if (index < 1 || (guint) index > stmt->n_params)
    {
      if (value != NULL)
        g_variant_unref (g_variant_ref_sink (value));
      return;
    }

  g_clear_pointer (&stmt->params[index - 1], g_variant_unref);
  if (value != NULL)
    stmt->params[index - 1] = g_variant_ref_sink (value);
}

char *
_tp_pg_bytea_hex (GVariant *value)
{
  gsize len;
  const guint8 *data = g_variant_get_fixed_array (value, &len, 1);
  GString *s = g_string_sized_new (2 + 2 * len);

  g_string_append (s, "\\x");
  for (gsize i = 0; i < len; i++)
    g_string_append_printf (s, "%02x", data[i]);

  return g_string_free (s, FALSE);
}

static gboolean
execute (TpPgStatement  *stmt,
         GError        **error)
{
  guint n = stmt->n_params;
  g_autofree Oid *types = g_new0 (Oid, MAX (n, 1));
  g_autofree const char **values = g_new0 (const char *, MAX (n, 1));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  TpPgDatabase *db = stmt->db;

  for (guint i = 0; i < n; i++)
    {
      GVariant *v = stmt->params[i];
      char *text = NULL;

      /* A parameter the SQL does not use (SQLite numbers them freely)
       * still needs a type. */
      if (!stmt->referenced->data[i])
        {
          types[i] = PG_TYPE_TEXT;
          continue;
        }
      if (v == NULL)
        continue;
      if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
        {
          types[i] = PG_TYPE_INT8;
          text = g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (v));
        }
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
        {
          types[i] = PG_TYPE_FLOAT8;
          text = g_malloc (G_ASCII_DTOSTR_BUF_SIZE);
          g_ascii_dtostr (text, G_ASCII_DTOSTR_BUF_SIZE, g_variant_get_double (v));
        }
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
        {
          values[i] = g_variant_get_string (v, NULL);
          continue;
        }
      else
        {
          types[i] = PG_TYPE_BYTEA;
          text = _tp_pg_bytea_hex (v);
        }
      g_ptr_array_add (texts, text);
      values[i] = text;
    }

  stmt->executed = TRUE;
  stmt->result = _tp_pg_run_guarded (db, stmt->sql, (int) n, types,
                                     (const char * const *) values, NULL, NULL, error);
  if (stmt->result == NULL)
    return FALSE;

  db->changes = g_ascii_strtoll (PQcmdTuples (stmt->result), NULL, 10);
  if (stmt->returns_id)
    {
      int n_rows = PQntuples (stmt->result);

      if (n_rows > 0)
        db->last_insert_id = g_ascii_strtoll (PQgetvalue (stmt->result, n_rows - 1, 0), NULL, 10);
      g_clear_pointer (&stmt->result, PQclear);
    }

  return TRUE;
}

gboolean
_tp_pg_statement_step (TpPgStatement  *stmt,
                       GError        **error)
{
  /* An insert sends no rows back */
  if (!stmt->executed && stmt->copy_sql != NULL)
    {
      _tp_pg_execute_copy (stmt, error);
      return FALSE;
    }
  if (!stmt->executed && !execute (stmt, error))
    return FALSE;

  if (stmt->result == NULL)
    return FALSE;

  stmt->row++;
  return stmt->row < PQntuples (stmt->result);
}

static gboolean
has_row (TpPgStatement *stmt,
         int            column)
{
  return stmt->result != NULL && stmt->row >= 0 && stmt->row < PQntuples (stmt->result) &&
         column >= 0 && column < PQnfields (stmt->result);
}

gboolean
_tp_pg_statement_is_null (TpPgStatement *stmt,
                          int            column)
{
  return !has_row (stmt, column) || PQgetisnull (stmt->result, stmt->row, column);
}

const char *
_tp_pg_statement_get_text (TpPgStatement *stmt,
                           int            column)
{
  if (_tp_pg_statement_is_null (stmt, column))
    return NULL;

  return PQgetvalue (stmt->result, stmt->row, column);
}

gint64
_tp_pg_statement_get_int64 (TpPgStatement *stmt,
                            int            column)
{
  const char *text = _tp_pg_statement_get_text (stmt, column);

  if (text == NULL)
    return 0;
  if (PQftype (stmt->result, column) == PG_TYPE_BOOL)
    return text[0] == 't';
  if (strchr (text, '.') != NULL || strchr (text, 'e') != NULL)
    return (gint64) g_ascii_strtod (text, NULL);

  return g_ascii_strtoll (text, NULL, 10);
}

double
_tp_pg_statement_get_double (TpPgStatement *stmt,
                             int            column)
{
  const char *text = _tp_pg_statement_get_text (stmt, column);

  if (text == NULL)
    return 0;
  if (PQftype (stmt->result, column) == PG_TYPE_BOOL)
    return text[0] == 't';

  return g_ascii_strtod (text, NULL);
}

int
_tp_pg_statement_get_n_columns (TpPgStatement *stmt)
{
  /* Known once it ran, as the callers ask after stepping. */
  return stmt->result != NULL ? PQnfields (stmt->result) : 0;
}

const char *
_tp_pg_statement_get_column_name (TpPgStatement *stmt,
                                  int            column)
{
  return stmt->result != NULL ? PQfname (stmt->result, column) : NULL;
}

GVariant *
_tp_pg_statement_dup_value (TpPgStatement *stmt,
                            int            column)
{
  const char *text = _tp_pg_statement_get_text (stmt, column);

  if (text == NULL)
    return NULL;

  switch (PQftype (stmt->result, column))
    {
    case PG_TYPE_INT2:
    case PG_TYPE_INT4:
    case PG_TYPE_INT8:
    case PG_TYPE_BOOL:
      return g_variant_ref_sink (g_variant_new_int64 (_tp_pg_statement_get_int64 (stmt, column)));

    case PG_TYPE_NUMERIC:
      if (strchr (text, '.') == NULL)
        return g_variant_ref_sink (g_variant_new_int64 (g_ascii_strtoll (text, NULL, 10)));
      G_GNUC_FALLTHROUGH;

    case PG_TYPE_FLOAT4:
    case PG_TYPE_FLOAT8:
      return g_variant_ref_sink (g_variant_new_double (g_ascii_strtod (text, NULL)));

    case PG_TYPE_BYTEA:
      {
        size_t len = 0;
        guchar *data = PQunescapeBytea ((const guchar *) text, &len);
        GVariant *v = g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE,
                                                                     data, len, 1));

        PQfreemem (data);
        return v;
      }

    default:
      return g_variant_ref_sink (g_variant_new_string (text));
    }
}
