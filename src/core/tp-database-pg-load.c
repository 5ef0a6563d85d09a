/* tp-database-pg-load.c
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
#include "tp-schema.h"

/*
 * A bulk load into a team database (overview in tp-database-pg.c): its
 * indexes and keys dropped and made again at the end, and an INSERT of
 * parameters sent as COPY … FROM STDIN.
 */

/* Loading a whole business (tp_database_begin_load()) ---------------- */

/* The tables' own triggers (the customer figures, the ids) are off while
 * the rows go in with their ids and figures. The foreign keys and the
 * indexes that refuse nothing are dropped, and made again at the end, as
 * SQLite's load does: a key checked row by row and an index kept up row
 * by row cost several times what one pass over the loaded table costs
 * (on the large sample, 1,000,000 touches with three keys and eight
 * indexes). The unique indexes stay, they are rules. A reference to a
 * missing row is still refused, when its key is made again. ALTER TABLE
 * takes each table's exclusive lock: other desktops wait until the load
 * is committed or rolled back, and every change is undone with the
 * transaction. */
gboolean
_tp_pg_begin_load (TpPgDatabase  *db,
                   GError       **error)
{
  const TpSchemaTable *tables;
  guint n_tables;
  PGresult *result;
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);

  g_clear_pointer (&db->load_creates, g_ptr_array_unref);
  db->load_creates = g_ptr_array_new_with_free_func (g_free);
  result = PQexec (db->conn,
                   "SELECT 'ALTER TABLE ' || c.conrelid::regclass::text || "
                   "       ' DROP CONSTRAINT ' || quote_ident (c.conname), "
                   "       'ALTER TABLE ' || c.conrelid::regclass::text || "
                   "       ' ADD CONSTRAINT ' || quote_ident (c.conname) || ' ' || "
                   "       pg_get_constraintdef (c.oid) "
                   "FROM pg_catalog.pg_constraint c "
                   "JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace "
                   "WHERE c.contype = 'f' AND n.nspname = current_schema () "
                   "UNION ALL "
                   "SELECT 'DROP INDEX ' || i.indexrelid::regclass::text, "
                   "       pg_get_indexdef (i.indexrelid) "
                   "FROM pg_catalog.pg_index i "
                   "JOIN pg_catalog.pg_class t ON t.oid = i.indrelid "
                   "JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace "
                   "WHERE NOT i.indisunique AND n.nspname = current_schema () "
                   "AND t.relname <> 'touchpoint_schema'");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      _tp_pg_set_result_error (db, result, error);
      PQclear (result);
      return FALSE;
    }
  for (int r = 0; r < PQntuples (result); r++)
    {
      gboolean is_index = g_str_has_prefix (PQgetvalue (result, r, 0), "DROP INDEX");

      g_ptr_array_add (drops, g_strdup (PQgetvalue (result, r, 0)));
      /* The indexes first: the keys are checked faster with them */
      g_ptr_array_insert (db->load_creates, is_index ? 0 : -1,
                          g_strdup (PQgetvalue (result, r, 1)));
    }
  PQclear (result);

  for (guint i = 0; i < drops->len; i++)
    if (!_tp_pg_run (db, g_ptr_array_index (drops, i), error))
      return FALSE;

  tables = tp_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    {
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE %s DISABLE TRIGGER USER",
                                              tables[t].name);

      if (!_tp_pg_run (db, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* The triggers back on, and each id sequence past the highest id, so
 * that the next row gets a new one (as tp_assign_id () would have).
 * Each table is analysed too: the planner's figures still say what was
 * there before the load (nothing, for a new database), and the
 * statements that follow in the same transaction (the Results tables
 * worked out again) and right after it would be planned for that. */
gboolean
_tp_pg_end_load (TpPgDatabase  *db,
                 GError       **error)
{
  const TpSchemaTable *tables;
  guint n_tables;

  /* The indexes, then the keys, which check every row once */
  for (guint i = 0; db->load_creates != NULL && i < db->load_creates->len; i++)
    if (!_tp_pg_run (db, g_ptr_array_index (db->load_creates, i), error))
      return FALSE;
  g_clear_pointer (&db->load_creates, g_ptr_array_unref);

  tables = tp_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    {
      const char *name = tables[t].name;
      g_autofree char *sql = NULL;

      sql = g_strdup_printf ("ALTER TABLE %s ENABLE TRIGGER USER;"
                             "ANALYZE %s;"
                             "SELECT setval (seq, v) FROM ("
                             "  SELECT seq, GREATEST ((SELECT max (id) FROM %s),"
                             "                        pg_sequence_last_value (seq::regclass)) AS v"
                             "  FROM (SELECT pg_get_serial_sequence ('%s', 'id') AS seq) s) q "
                             "WHERE v IS NOT NULL",
                             name, name, name, name);
      if (!_tp_pg_run (db, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* After a load's transaction: once committed, the planner's figures
 * for the tables the triggers keep, which were worked out again after
 * _tp_pg_end_load () analysed the rest. A failure here changes nothing
 * that was saved. */
void
_tp_pg_after_load (TpPgDatabase *db,
                   gboolean      committed)
{
  const TpSchemaTable *tables;
  guint n_tables;

  /* Rolled back: the dropped indexes and keys are back with the rest */
  g_clear_pointer (&db->load_creates, g_ptr_array_unref);
  if (!committed)
    return;

  tables = tp_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    if (tables[t].derived)
      {
        g_autofree char *sql = g_strdup_printf ("ANALYZE %s", tables[t].name);

        _tp_pg_run_quietly (db, sql);
      }
}

/* Loads through COPY ---------------------------------------------------- */

/* Inside a load (a restore, a copy), rows are inserted by
 * `INSERT INTO t (c1, …, cN) VALUES (?1, …, ?N), (?N+1, …), …` with every
 * value a parameter in order, and nothing after the values: such an
 * insert sends its rows as one COPY t (c1, …, cN) FROM STDIN instead, in
 * COPY's text format, which the server takes several times faster than
 * the VALUES it would parse and plan. The rules are the same (keys,
 * checks, NOT NULL; the tables' triggers are off in a load) and so are
 * the errors: a refused row refuses the statement, which is undone alone
 * (a savepoint, as for any statement), and the caller finds the row by
 * inserting the batch one by one. Only an insert that sets the id
 * column goes by COPY, since COPY gives no id of the last row. Returns
 * the COPY for @sql, or NULL. */
char *
_tp_pg_copy_for_insert (const char *translated,
                        guint       n_params,
                        guint      *n_columns)
{
  const char *values = strstr (translated, " VALUES ");
  const char *open;
  guint columns = 1;
  guint next = 1;

  if (values == NULL || n_params == 0 || !g_str_has_prefix (translated, "INSERT INTO "))
    return NULL;
  open = strchr (translated, '(');
  if (open == NULL || open > values)
    return NULL;
  for (const char *c = open; c < values; c++)
    if (*c == ',')
      columns++;

  /* Only when the caller sets the ids: COPY tells nobody the id of the
   * last row (a generated sample reads it after each customer) */
  {
    g_autofree char *list = g_strndup (open + 1, values - open - 1);
    g_auto(GStrv) names = NULL;
    gboolean has_id = FALSE;

    g_strdelimit (list, ")\"", ' ');
    names = g_strsplit (list, ",", -1);
    for (guint i = 0; names[i] != NULL && !has_id; i++)
      has_id = g_strcmp0 (g_strstrip (names[i]), "id") == 0;
    if (!has_id)
      return NULL;
  }

  /* Only parameters in order: $1, …, $N between parentheses and commas */
  for (const char *p = values + 8; *p != '\0'; )
    {
      if (*p == '$')
        {
          char *end;
          guint64 n = g_ascii_strtoull (p + 1, &end, 10);

          if (end == p + 1 || n != next)
            return NULL;
          next++;
          p = end;
        }
      else if (*p == '(' || *p == ')' || *p == ',' || g_ascii_isspace (*p))
        p++;
      else
        return NULL;
    }
  if (next - 1 != n_params || n_params % columns != 0)
    return NULL;

  *n_columns = columns;
  return g_strdup_printf ("COPY%.*s FROM STDIN",
                          (int) (values - (translated + 11)), translated + 11);
}

/* @text as a value of COPY's text format */
static void
append_copy_text (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '\t': g_string_append (out, "\\t"); break;
      default: g_string_append_c (out, *p); break;
      }
}

gboolean
_tp_pg_execute_copy (TpPgStatement  *stmt,
                     GError        **error)
{
  TpPgDatabase *db = stmt->db;
  g_autoptr(GString) data = g_string_sized_new (64 * stmt->n_params);
  g_autofree char *sql = NULL;
  gboolean guarded = PQtransactionStatus (db->conn) == PQTRANS_INTRANS;
  gint64 rows = stmt->n_params / stmt->copy_columns;
  PGresult *result;
  PGresult *next;
  gboolean ok;

  for (guint i = 0; i < stmt->n_params; i++)
    {
      GVariant *v = stmt->params[i];

      if (v == NULL)
        g_string_append (data, "\\N");
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
        g_string_append_printf (data, "%" G_GINT64_FORMAT, g_variant_get_int64 (v));
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append (data, g_ascii_dtostr (buffer, sizeof buffer, g_variant_get_double (v)));
        }
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
        append_copy_text (data, g_variant_get_string (v, NULL));
      else
        {
          g_autofree char *hex = _tp_pg_bytea_hex (v);

          append_copy_text (data, hex);
        }
      g_string_append_c (data, (i + 1) % stmt->copy_columns == 0 ? '\n' : '\t');
    }

  /* The savepoint and the COPY in one round trip */
  sql = g_strconcat (guarded ? "SAVEPOINT tp_statement; " : "", stmt->copy_sql, NULL);
  stmt->executed = TRUE;
  result = PQexec (db->conn, sql);
  ok = PQresultStatus (result) == PGRES_COPY_IN;
  if (ok)
    {
      PQclear (result);
      ok = PQputCopyData (db->conn, data->str, (int) data->len) == 1;
      ok = PQputCopyEnd (db->conn, ok ? NULL : "not sent") == 1 && ok;
      result = PQgetResult (db->conn);
      ok = ok && PQresultStatus (result) == PGRES_COMMAND_OK;
    }
  if (!ok)
    _tp_pg_set_result_error (db, result, error);
  PQclear (result);
  while ((next = PQgetResult (db->conn)) != NULL)
    PQclear (next);

  if (!ok)
    {
      if (guarded)
        _tp_pg_run_quietly (db, "ROLLBACK TO SAVEPOINT tp_statement; RELEASE SAVEPOINT tp_statement");
      return FALSE;
    }
  if (guarded && !_tp_pg_run (db, "RELEASE SAVEPOINT tp_statement", error))
    return FALSE;

  db->changes = rows;
  return TRUE;
}
