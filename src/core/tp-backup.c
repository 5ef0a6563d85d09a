/* tp-backup.c
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

#define G_LOG_DOMAIN "tp-backup"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tp-backup-private.h"
#include "tp-migrations-private.h"

/*
 * The full JSON backup of DESIGN.md §6:
 *
 *   {
 *     "format": "touchpoint-backup",
 *     "version": 1,
 *     "exported_at": "2026-11-28T12:00:00Z",
 *     "tables": {
 *       "settings": [
 *         {"id":1,"key":"currency","value":"EUR",…},
 *         …
 *       ],
 *       …
 *     }
 *   }
 *
 * Every table of the schema is there, parents before children, one row
 * per line, each row an object of all its columns: integers as numbers
 * (amounts in minor units), text as strings (times in UTC), NULL as null.
 *
 * The code is generic over tables: it reads them, their columns, their
 * defaults and their foreign keys from the database itself. The rules of
 * each value (ranges, enum values, times, blank names, the customer
 * figures kept by triggers) come from the schema description
 * (tp-schema.c), whose checks word the refusal as the store does.
 *
 * Speed (DESIGN.md §8) decides the two unusual choices here:
 *
 * - Backups are written and read as a stream. A JsonParser tree of the
 *   large business (1,000,000 touches, 220 MB of JSON) takes 15 s and
 *   2.3 GB to build, so the reader (tp-backup-json.c) is a small pull
 *   parser over the mapped file (strict RFC 8259, UTF-8 checked), used
 *   twice: once to validate the whole file and once to load it.
 *
 * - The load runs in one transaction opened by tp_database_begin_load():
 *   on SQLite with the indexes and the triggers dropped and the foreign
 *   keys off (the first pass has already checked every reference), which
 *   tp_database_end_load() rebuilds; on PostgreSQL with the tables'
 *   triggers off and their foreign keys and indexes dropped. The figures the triggers keep on each customer are
 *   computed during validation, exactly as the triggers of schema step 1
 *   compute them, and inserted with the customer. Firing a trigger per
 *   touch instead costs about 10 s.
 *
 * The load writes through TpStatement only, so a backup made on either
 * engine restores on either. Before anything is replaced, the old
 * database is kept: a file is copied beside itself with SQLite's backup
 * API ("touchpoint.db.before-restore-…Z"), a team database is written as
 * a backup into Touchpoint's data folder ("team-shop.before-restore-…Z.json"),
 * from inside the restore's transaction.
 *
 * The backup's files, sharing tp-backup-private.h:
 *   tp-backup.c          the errors, and the tables and columns a backup
 *                        holds, read from a database (this file)
 *   tp-backup-export.c   the JSON written
 *   tp-backup-json.c     the JSON read: a strict pull parser
 *   tp-backup-rows.c     one table's rows, read, checked and inserted
 *   tp-backup-restore.c  the restore: both passes over the file, the old
 *                        database kept first, the replacement
 *   tp-backup-copy.c     a database copied into another
 *   tp-backup-task.c     the jobs of the *_async functions (tp-worker.c)
 */

G_DEFINE_QUARK (tp-backup-error-quark, tp_backup_error)

/* Schema */

static void
table_free (gpointer data)
{
  TpBackupTable *table = data;

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_free (table->columns[i].name);
      g_free (table->columns[i].json_key);
      g_free (table->columns[i].default_text);
      g_free (table->columns[i].ref_name);
    }

  g_free (table->columns);
  g_free (table->name);
  g_free (table->select_sql);
  g_free (table->insert_sql);
  g_free (table);
}

void
_tp_backup_schema_free (TpBackupSchema *schema)
{
  g_clear_pointer (&schema->tables, g_ptr_array_unref);
  g_free (schema);
}

char *
_tp_backup_quote_identifier (const char *name)
{
  g_autoptr(GString) out = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }

  g_string_append_c (out, '"');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
_tp_backup_set_sqlite_error (GError  **error,
                             sqlite3  *handle,
                             int       rc)
{
  g_set_error (error, TP_DATABASE_ERROR,
               (rc & 0xff) == SQLITE_CONSTRAINT ? TP_DATABASE_ERROR_CONSTRAINT
                                                : TP_DATABASE_ERROR_FAILED,
               /* Translators: %s is what SQLite said */
               _("The database refused the data: %s"),
               sqlite3_errmsg (handle));
  return FALSE;
}

/* Reads a column default as PRAGMA table_info gives it: a number, a
 * quoted text or NULL. Anything else makes the column required. */
static void
column_set_default (TpBackupColumn *column,
                    const char     *dflt)
{
  gint64 number;

  if (dflt == NULL)
    {
      column->default_kind = column->not_null ? TP_BACKUP_VALUE_MISSING : TP_BACKUP_VALUE_NULL;
      return;
    }

  if (g_ascii_strcasecmp (dflt, "NULL") == 0)
    {
      column->default_kind = TP_BACKUP_VALUE_NULL;
    }
  else if (g_ascii_string_to_signed (dflt, 10, G_MININT64, G_MAXINT64, &number, NULL))
    {
      column->default_kind = TP_BACKUP_VALUE_INT;
      column->default_int = number;
    }
  else if (dflt[0] == '\'' && strlen (dflt) >= 2 && dflt[strlen (dflt) - 1] == '\'')
    {
      GString *text = g_string_new (NULL);
      gsize len = strlen (dflt);

      for (gsize i = 1; i + 1 < len; i++)
        {
          g_string_append_c (text, dflt[i]);
          if (dflt[i] == '\'' && dflt[i + 1] == '\'')
            i++;
        }

      column->default_kind = TP_BACKUP_VALUE_TEXT;
      column->default_text = g_string_free (text, FALSE);
    }
  else
    {
      column->default_kind = TP_BACKUP_VALUE_MISSING;
    }
}

int
_tp_backup_schema_find_table (TpBackupSchema *schema,
                              const char     *name)
{
  for (guint i = 0; i < schema->tables->len; i++)
    {
      TpBackupTable *table = g_ptr_array_index (schema->tables, i);

      if (g_str_equal (table->name, name))
        return (int)i;
    }

  return -1;
}

int
_tp_backup_table_find_column (TpBackupTable *table,
                              const char    *name)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (g_str_equal (table->columns[i].name, name))
        return (int)i;
    }

  return -1;
}

static int
schema_column (TpBackupSchema *schema,
               int             table,
               const char     *name)
{
  int column;

  g_assert (table >= 0);
  column = _tp_backup_table_find_column (g_ptr_array_index (schema->tables, table), name);
  g_assert (column >= 0);

  return column;
}

static TpBackupTable *
load_table (sqlite3     *handle,
            const char  *name,
            GError     **error)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (TpBackupColumn));
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autofree char *quoted = _tp_backup_quote_identifier (name);
  g_autoptr(GHashTable) references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const TpSchemaTable *schema_table = tp_schema_find_table (name);
  sqlite3_stmt *stmt = NULL;
  TpBackupTable *table;
  int rc;

  rc = sqlite3_prepare_v2 (handle,
                           "SELECT \"from\", \"table\" FROM pragma_foreign_key_list (?1)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return (_tp_backup_set_sqlite_error (error, handle, rc), NULL);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *parent = (const char *)sqlite3_column_text (stmt, 1);

      g_hash_table_insert (references,
                           g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                           g_strdup (parent));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return (_tp_backup_set_sqlite_error (error, handle, rc), NULL);

  rc = sqlite3_prepare_v2 (handle,
                           "SELECT name, type, \"notnull\", dflt_value, pk "
                           "FROM pragma_table_info (?1) ORDER BY cid",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return (_tp_backup_set_sqlite_error (error, handle, rc), NULL);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TpBackupColumn column = { 0 };
      const char *type = (const char *)sqlite3_column_text (stmt, 1);
      g_autofree char *escaped = NULL;

      column.name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      escaped = g_strescape (column.name, NULL);
      column.json_key = g_strdup_printf ("\"%s\":", escaped);
      column.is_integer = type != NULL && g_ascii_strncasecmp (type, "INT", 3) == 0;
      column.not_null = sqlite3_column_int (stmt, 2) != 0 || sqlite3_column_int (stmt, 4) != 0;
      column.ref_table = -1;
      column.ref_name = g_strdup (g_hash_table_lookup (references, column.name));
      /* The INTEGER PRIMARY KEY is the rowid: required, never defaulted */
      if (sqlite3_column_int (stmt, 4) != 0)
        column.default_kind = TP_BACKUP_VALUE_MISSING;
      else
        column_set_default (&column, (const char *)sqlite3_column_text (stmt, 3));

      if (sqlite3_column_int (stmt, 4) != 0 && g_str_equal (column.name, "id"))
        column.rule = TP_BACKUP_RULE_ID;

      if (schema_table != NULL)
        column.schema = tp_schema_table_find_column (schema_table, column.name);
      if (column.schema != NULL)
        {
          TpSchemaFlags flags = column.schema->flags;

          if (flags & TP_SCHEMA_DERIVED)
            column.rule = TP_BACKUP_RULE_DERIVED;
          if (flags & TP_SCHEMA_UNIQUE)
            column.unique = TP_BACKUP_UNIQUE_EXACT;
          else if (flags & TP_SCHEMA_UNIQUE_NOCASE)
            column.unique = TP_BACKUP_UNIQUE_NOCASE;
          else if (flags & TP_SCHEMA_UNIQUE_ONE)
            column.unique = TP_BACKUP_UNIQUE_WHEN_ONE;
        }

      g_array_append_val (columns, column);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < columns->len; i++)
        {
          TpBackupColumn *column = &g_array_index (columns, TpBackupColumn, i);

          g_free (column->name);
          g_free (column->json_key);
          g_free (column->default_text);
          g_free (column->ref_name);
        }
      return (_tp_backup_set_sqlite_error (error, handle, rc), NULL);
    }

  g_string_append_printf (insert, "INSERT INTO %s (", quoted);
  for (guint i = 0; i < columns->len; i++)
    {
      TpBackupColumn *column = &g_array_index (columns, TpBackupColumn, i);
      g_autofree char *quoted_column = _tp_backup_quote_identifier (column->name);

      g_string_append_printf (insert, "%s%s", i > 0 ? ", " : "", quoted_column);
      g_string_append_printf (select, "%s%s", i > 0 ? ", " : "", quoted_column);
    }
  g_string_append (insert, ") VALUES (");
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (insert, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append (insert, ")");
  /* The id is SQLite's rowid: the same order, also on a team database */
  {
    gboolean has_id = FALSE;

    for (guint i = 0; i < columns->len; i++)
      has_id = has_id || g_array_index (columns, TpBackupColumn, i).rule == TP_BACKUP_RULE_ID;
    g_string_append_printf (select, " FROM %s ORDER BY %s", quoted, has_id ? "id" : "rowid");
  }

  table = g_new0 (TpBackupTable, 1);
  table->name = g_strdup (name);
  table->n_columns = columns->len;
  table->columns = (TpBackupColumn *)(void *)g_array_free (g_steal_pointer (&columns), FALSE);
  table->insert_sql = g_string_free (g_steal_pointer (&insert), FALSE);
  table->select_sql = g_string_free (g_steal_pointer (&select), FALSE);

  return table;
}

static gboolean
table_is_ready (TpBackupSchema *schema,
                TpBackupTable  *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *parent = table->columns[i].ref_name;

      if (parent != NULL && !g_str_equal (parent, table->name) &&
          _tp_backup_schema_find_table (schema, parent) < 0)
        return FALSE;
    }

  return TRUE;
}

/* Reads the tables of the database, parents before children (in the
 * order of creation when there is a choice). */
TpBackupSchema *
_tp_backup_schema_load (sqlite3  *handle,
                        GError  **error)
{
  g_autoptr(TpBackupSchema) schema = g_new0 (TpBackupSchema, 1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (table_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  schema->tables = g_ptr_array_new_with_free_func (table_free);

  rc = sqlite3_prepare_v2 (handle,
                           "SELECT name FROM sqlite_schema WHERE type = 'table' "
                           "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                           /* not the search index (a virtual table and its shadow tables) */
                           "AND name NOT IN (SELECT name FROM pragma_table_list "
                           "WHERE schema = 'main' AND type != 'table') ORDER BY rowid",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return (_tp_backup_set_sqlite_error (error, handle, rc), NULL);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 0);
      const TpSchemaTable *described = tp_schema_find_table (name);

      /* What the triggers keep whole is worked out again after a restore */
      if (described == NULL || !described->derived)
        g_ptr_array_add (names, g_strdup (name));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return (_tp_backup_set_sqlite_error (error, handle, rc), NULL);

  for (guint i = 0; i < names->len; i++)
    {
      TpBackupTable *table = load_table (handle, g_ptr_array_index (names, i), error);

      if (table == NULL)
        return NULL;
      g_ptr_array_add (pending, table);
    }

  /* Topological order: take the first table whose parents are all taken. */
  while (pending->len > 0)
    {
      guint i = 0;

      while (i < pending->len && !table_is_ready (schema, g_ptr_array_index (pending, i)))
        i++;

      /* A cycle of foreign keys: the schema has none. */
      g_assert (i < pending->len);

      g_ptr_array_add (schema->tables, g_ptr_array_steal_index (pending, i));
    }

  for (guint i = 0; i < schema->tables->len; i++)
    {
      TpBackupTable *table = g_ptr_array_index (schema->tables, i);

      for (guint j = 0; j < table->n_columns; j++)
        {
          if (table->columns[j].ref_name != NULL)
            table->columns[j].ref_table = _tp_backup_schema_find_table (schema,
                                                                        table->columns[j].ref_name);
        }
    }

  for (guint i = 0; i < schema->tables->len; i++)
    {
      TpBackupTable *table = g_ptr_array_index (schema->tables, i);

      schema->max_columns = MAX (schema->max_columns, table->n_columns);
    }

  schema->customers = _tp_backup_schema_find_table (schema, "customers");
  schema->touches = _tp_backup_schema_find_table (schema, "touches");
  schema->orders = _tp_backup_schema_find_table (schema, "orders");
  schema->c_touch_count = schema_column (schema, schema->customers, "touch_count");
  schema->c_last_touch_at = schema_column (schema, schema->customers, "last_touch_at");
  schema->c_first_order_at = schema_column (schema, schema->customers, "first_order_at");
  schema->c_order_count = schema_column (schema, schema->customers, "order_count");
  schema->c_total_spent = schema_column (schema, schema->customers, "total_spent_minor");
  schema->t_customer = schema_column (schema, schema->touches, "customer_id");
  schema->t_happened_at = schema_column (schema, schema->touches, "happened_at");
  schema->t_done = schema_column (schema, schema->touches, "done");
  schema->o_customer = schema_column (schema, schema->orders, "customer_id");
  schema->o_ordered_at = schema_column (schema, schema->orders, "ordered_at");
  schema->o_status = schema_column (schema, schema->orders, "status");
  schema->o_amount = schema_column (schema, schema->orders, "amount_minor");

  return g_steal_pointer (&schema);
}

/* The tables of a team database as SQLite describes them: read from the
 * schema the migration steps build in memory, so that a backup of a team
 * database has the tables, columns and order of a file's. */
TpBackupSchema *
_tp_backup_schema_load_model (GError **error)
{
  sqlite3 *model = NULL;
  TpBackupSchema *schema = NULL;
  int rc;

  rc = _tp_migrations_open_model (&model);
  if (rc == SQLITE_OK)
    schema = _tp_backup_schema_load (model, error);
  else
    _tp_backup_set_sqlite_error (error, model, rc);
  sqlite3_close_v2 (model);

  return schema;
}

/* Progress */

void
_tp_backup_progress_report (TpBackupProgress *progress,
                            double            fraction)
{
  double value;
  int permille;

  if (progress->func == NULL)
    return;

  value = progress->from + (progress->to - progress->from) * CLAMP (fraction, 0.0, 1.0);
  permille = (int)(value * 1000.0);
  if (permille == progress->last_permille)
    return;

  progress->last_permille = permille;
  progress->func (value, progress->data);
}

void
_tp_backup_progress_range (TpBackupProgress *progress,
                           double            from,
                           double            to)
{
  progress->from = from;
  progress->to = to;
}
