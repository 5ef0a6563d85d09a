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

#include <errno.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tp-backup.h"
#include "tp-core-enum-types.h"
#include "tp-migrations-private.h"
#include "tp-schema.h"
#include "tp-store.h"

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
 *   2.3 GB to build, so the reader below is a small pull parser over the
 *   mapped file (strict RFC 8259, UTF-8 checked), used twice: once to
 *   validate the whole file and once to load it.
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
 */

#define MAX_DEPTH        256
#define MAX_TEXT_BYTES   (TP_STORE_MAX_TEXT_LENGTH * 4)
#define FLUSH_SIZE       (256 * 1024)
#define ROWS_PER_CHECK   2048
#define BATCH_ROWS       256  /* rows per INSERT: one statement per row costs twice as much */
#define PAGES_PER_STEP   4096
#define TIME_LENGTH      TP_SCHEMA_TIME_LENGTH

G_DEFINE_QUARK (tp-backup-error-quark, tp_backup_error)

/* Schema */

typedef enum
{
  RULE_NONE,
  RULE_ID,            /* the primary key: ids are recorded for references */
  RULE_DERIVED,       /* kept by triggers: computed, never read */
} Rule;

typedef enum
{
  UNIQUE_NONE,
  UNIQUE_EXACT,
  UNIQUE_NOCASE,      /* SQLite's NOCASE: ASCII letters fold */
  UNIQUE_WHEN_ONE,    /* at most one row holds 1 */
} Unique;

typedef enum
{
  VALUE_MISSING,
  VALUE_NULL,
  VALUE_INT,
  VALUE_TEXT,
} ValueKind;

typedef struct
{
  char       *name;
  char       *json_key;      /* "\"name\":" */
  ValueKind   default_kind;  /* VALUE_MISSING: the column is required */
  gint64      default_int;
  char       *default_text;
  Rule        rule;
  Unique      unique;
  const TpSchemaColumn *schema;  /* its rules; NULL for a column the schema does not know */
  int         ref_table;     /* where a foreign key points, or -1 */
  char       *ref_name;      /* the name of that table */
  guint       is_integer : 1;
  guint       not_null : 1;
} Column;

typedef struct
{
  char   *name;
  Column *columns;
  guint   n_columns;
  char   *select_sql;
  char   *insert_sql;
} Table;

typedef struct
{
  GPtrArray *tables;   /* of Table, parents before children */
  guint      max_columns;

  /* What the customer triggers of schema step 1 read and write */
  int customers;
  int touches;
  int orders;
  int c_touch_count, c_last_touch_at, c_first_order_at, c_order_count, c_total_spent;
  int t_customer, t_happened_at, t_done;
  int o_customer, o_ordered_at, o_status, o_amount;
} Schema;

static void
table_free (gpointer data)
{
  Table *table = data;

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

static void
schema_free (Schema *schema)
{
  g_clear_pointer (&schema->tables, g_ptr_array_unref);
  g_free (schema);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Schema, schema_free)

static char *
quote_identifier (const char *name)
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

static gboolean
set_sqlite_error (GError  **error,
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
column_set_default (Column     *column,
                    const char *dflt)
{
  gint64 number;

  if (dflt == NULL)
    {
      column->default_kind = column->not_null ? VALUE_MISSING : VALUE_NULL;
      return;
    }

  if (g_ascii_strcasecmp (dflt, "NULL") == 0)
    {
      column->default_kind = VALUE_NULL;
    }
  else if (g_ascii_string_to_signed (dflt, 10, G_MININT64, G_MAXINT64, &number, NULL))
    {
      column->default_kind = VALUE_INT;
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

      column->default_kind = VALUE_TEXT;
      column->default_text = g_string_free (text, FALSE);
    }
  else
    {
      column->default_kind = VALUE_MISSING;
    }
}

static int
schema_find_table (Schema     *schema,
                   const char *name)
{
  for (guint i = 0; i < schema->tables->len; i++)
    {
      Table *table = g_ptr_array_index (schema->tables, i);

      if (g_str_equal (table->name, name))
        return (int)i;
    }

  return -1;
}

static int
table_find_column (Table      *table,
                   const char *name)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (g_str_equal (table->columns[i].name, name))
        return (int)i;
    }

  return -1;
}

static int
schema_column (Schema     *schema,
               int         table,
               const char *name)
{
  int column;

  g_assert (table >= 0);
  column = table_find_column (g_ptr_array_index (schema->tables, table), name);
  g_assert (column >= 0);

  return column;
}

static Table *
load_table (sqlite3     *handle,
            const char  *name,
            GError     **error)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autofree char *quoted = quote_identifier (name);
  g_autoptr(GHashTable) references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const TpSchemaTable *schema_table = tp_schema_find_table (name);
  sqlite3_stmt *stmt = NULL;
  Table *table;
  int rc;

  rc = sqlite3_prepare_v2 (handle,
                           "SELECT \"from\", \"table\" FROM pragma_foreign_key_list (?1)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return (set_sqlite_error (error, handle, rc), NULL);
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
    return (set_sqlite_error (error, handle, rc), NULL);

  rc = sqlite3_prepare_v2 (handle,
                           "SELECT name, type, \"notnull\", dflt_value, pk "
                           "FROM pragma_table_info (?1) ORDER BY cid",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return (set_sqlite_error (error, handle, rc), NULL);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Column column = { 0 };
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
        column.default_kind = VALUE_MISSING;
      else
        column_set_default (&column, (const char *)sqlite3_column_text (stmt, 3));

      if (sqlite3_column_int (stmt, 4) != 0 && g_str_equal (column.name, "id"))
        column.rule = RULE_ID;

      if (schema_table != NULL)
        column.schema = tp_schema_table_find_column (schema_table, column.name);
      if (column.schema != NULL)
        {
          TpSchemaFlags flags = column.schema->flags;

          if (flags & TP_SCHEMA_DERIVED)
            column.rule = RULE_DERIVED;
          if (flags & TP_SCHEMA_UNIQUE)
            column.unique = UNIQUE_EXACT;
          else if (flags & TP_SCHEMA_UNIQUE_NOCASE)
            column.unique = UNIQUE_NOCASE;
          else if (flags & TP_SCHEMA_UNIQUE_ONE)
            column.unique = UNIQUE_WHEN_ONE;
        }

      g_array_append_val (columns, column);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < columns->len; i++)
        {
          Column *column = &g_array_index (columns, Column, i);

          g_free (column->name);
          g_free (column->json_key);
          g_free (column->default_text);
          g_free (column->ref_name);
        }
      return (set_sqlite_error (error, handle, rc), NULL);
    }

  g_string_append_printf (insert, "INSERT INTO %s (", quoted);
  for (guint i = 0; i < columns->len; i++)
    {
      Column *column = &g_array_index (columns, Column, i);
      g_autofree char *quoted_column = quote_identifier (column->name);

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
      has_id = has_id || g_array_index (columns, Column, i).rule == RULE_ID;
    g_string_append_printf (select, " FROM %s ORDER BY %s", quoted, has_id ? "id" : "rowid");
  }

  table = g_new0 (Table, 1);
  table->name = g_strdup (name);
  table->n_columns = columns->len;
  table->columns = (Column *)(void *)g_array_free (g_steal_pointer (&columns), FALSE);
  table->insert_sql = g_string_free (g_steal_pointer (&insert), FALSE);
  table->select_sql = g_string_free (g_steal_pointer (&select), FALSE);

  return table;
}

static gboolean
table_is_ready (Schema *schema,
                Table  *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *parent = table->columns[i].ref_name;

      if (parent != NULL && !g_str_equal (parent, table->name) &&
          schema_find_table (schema, parent) < 0)
        return FALSE;
    }

  return TRUE;
}

/* Reads the tables of the database, parents before children (in the
 * order of creation when there is a choice). */
static Schema *
schema_load (sqlite3  *handle,
             GError  **error)
{
  g_autoptr(Schema) schema = g_new0 (Schema, 1);
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
    return (set_sqlite_error (error, handle, rc), NULL);

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
    return (set_sqlite_error (error, handle, rc), NULL);

  for (guint i = 0; i < names->len; i++)
    {
      Table *table = load_table (handle, g_ptr_array_index (names, i), error);

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
      Table *table = g_ptr_array_index (schema->tables, i);

      for (guint j = 0; j < table->n_columns; j++)
        {
          if (table->columns[j].ref_name != NULL)
            table->columns[j].ref_table = schema_find_table (schema, table->columns[j].ref_name);
        }
    }

  for (guint i = 0; i < schema->tables->len; i++)
    {
      Table *table = g_ptr_array_index (schema->tables, i);

      schema->max_columns = MAX (schema->max_columns, table->n_columns);
    }

  schema->customers = schema_find_table (schema, "customers");
  schema->touches = schema_find_table (schema, "touches");
  schema->orders = schema_find_table (schema, "orders");
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

/* Progress */

typedef struct
{
  TpBackupProgressFunc  func;
  gpointer              data;
  double                from;
  double                to;
  int                   last_permille;
} Progress;

static void
progress_report (Progress *progress,
                 double    fraction)
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

static void
progress_range (Progress *progress,
                double    from,
                double    to)
{
  progress->from = from;
  progress->to = to;
}

/* Export */

typedef struct
{
  GOutputStream *stream;
  GString       *buffer;
  GCancellable  *cancellable;
} Writer;

static gboolean
writer_flush (Writer  *writer,
              GError **error)
{
  if (writer->buffer->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (writer->stream, writer->buffer->str, writer->buffer->len,
                                  NULL, writer->cancellable, error))
    return FALSE;

  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

static void
append_json_string (GString    *out,
                    const char *text,
                    gsize       len)
{
  g_autofree char *valid = NULL;
  gsize start = 0;

  if (!g_utf8_validate_len (text, len, NULL))
    {
      /* SQLite does not check text; JSON must be UTF-8. */
      valid = g_utf8_make_valid (text, len);
      text = valid;
      len = strlen (valid);
    }

  g_string_append_c (out, '"');

  for (gsize i = 0; i < len; i++)
    {
      guchar c = text[i];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, text + start, i - start);
      start = i + 1;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
    }

  g_string_append_len (out, text + start, len - start);
  g_string_append_c (out, '"');
}

static gint64
count_rows (sqlite3 *handle,
            Table   *table)
{
  g_autofree char *quoted = quote_identifier (table->name);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", quoted);
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static gboolean
write_table (Writer     *writer,
             sqlite3    *handle,
             Table      *table,
             Progress   *progress,
             gint64     *rows_done,
             gint64      rows_total,
             GError    **error)
{
  GString *out = writer->buffer;
  sqlite3_stmt *stmt = NULL;
  gboolean first = TRUE;
  int rc;

  rc = sqlite3_prepare_v2 (handle, table->select_sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (error, handle, rc);

  g_string_append (out, "    ");
  append_json_string (out, table->name, strlen (table->name));
  g_string_append (out, ": [");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (out, first ? "\n      {" : ",\n      {");
      first = FALSE;

      for (guint i = 0; i < table->n_columns; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append (out, table->columns[i].json_key);

          switch (sqlite3_column_type (stmt, (int)i))
            {
            case SQLITE_INTEGER:
              g_string_append_printf (out, "%" G_GINT64_FORMAT,
                                      (gint64)sqlite3_column_int64 (stmt, (int)i));
              break;

            case SQLITE_FLOAT:
              {
                char number[G_ASCII_DTOSTR_BUF_SIZE];

                g_string_append (out, g_ascii_dtostr (number, sizeof number,
                                                      sqlite3_column_double (stmt, (int)i)));
              }
              break;

            case SQLITE_NULL:
              g_string_append (out, "null");
              break;

            case SQLITE_TEXT:
            case SQLITE_BLOB:
            default:
              {
                const char *text = (const char *)sqlite3_column_text (stmt, (int)i);

                append_json_string (out, text != NULL ? text : "",
                                    (gsize)sqlite3_column_bytes (stmt, (int)i));
              }
              break;
            }
        }

      g_string_append_c (out, '}');

      if (out->len >= FLUSH_SIZE)
        {
          if (!writer_flush (writer, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }

      if (++(*rows_done) % ROWS_PER_CHECK == 0)
        {
          if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
          progress_report (progress, (double)*rows_done / (double)MAX (rows_total, 1));
        }
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, handle, rc);

  g_string_append (out, first ? "]" : "\n    ]");

  return TRUE;
}

/* write_table() through TpStatement, for a team database: the server's
 * columns are typed, so an integer column holds integers and every other
 * column text (or NULL). */
static gboolean
write_table_statement (Writer      *writer,
                       TpDatabase  *db,
                       Table       *table,
                       Progress    *progress,
                       gint64      *rows_done,
                       gint64       rows_total,
                       GError     **error)
{
  GString *out = writer->buffer;
  GError *local_error = NULL;
  TpStatement *stmt;
  gboolean first = TRUE;

  stmt = tp_database_prepare (db, table->select_sql, error);
  if (stmt == NULL)
    return FALSE;

  g_string_append (out, "    ");
  append_json_string (out, table->name, strlen (table->name));
  g_string_append (out, ": [");

  while (tp_statement_step (stmt, &local_error))
    {
      g_string_append (out, first ? "\n      {" : ",\n      {");
      first = FALSE;

      for (guint i = 0; i < table->n_columns; i++)
        {
          const char *text = tp_statement_get_text (stmt, (int)i);

          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append (out, table->columns[i].json_key);

          if (text == NULL)
            g_string_append (out, "null");
          else if (table->columns[i].is_integer)
            g_string_append_printf (out, "%" G_GINT64_FORMAT, tp_statement_get_int64 (stmt, (int)i));
          else
            append_json_string (out, text, strlen (text));
        }

      g_string_append_c (out, '}');

      if ((out->len >= FLUSH_SIZE && !writer_flush (writer, error)) ||
          (++(*rows_done) % ROWS_PER_CHECK == 0 &&
           g_cancellable_set_error_if_cancelled (writer->cancellable, error)))
        {
          tp_statement_reset (stmt);
          return FALSE;
        }
      if (*rows_done % ROWS_PER_CHECK == 0)
        progress_report (progress, (double)*rows_done / (double)MAX (rows_total, 1));
    }
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  g_string_append (out, first ? "]" : "\n    ]");

  return TRUE;
}

static gint64
count_rows_statement (TpDatabase *db,
                      Table      *table)
{
  g_autofree char *quoted = quote_identifier (table->name);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", quoted);
  TpStatement *stmt = tp_database_prepare (db, sql, NULL);
  gint64 n = 0;

  if (stmt != NULL && tp_statement_step (stmt, NULL))
    n = tp_statement_get_int64 (stmt, 0);
  if (stmt != NULL)
    tp_statement_reset (stmt);

  return n;
}

/* The tables of a team database as SQLite describes them: read from the
 * schema the migration steps build in memory, so that a backup of a team
 * database has the tables, columns and order of a file's. */
static Schema *
schema_load_model (GError **error)
{
  const char * const *steps;
  sqlite3 *model = NULL;
  Schema *schema = NULL;
  guint n_steps;
  int rc;

  steps = _tp_migrations_get (&n_steps);
  rc = sqlite3_open_v2 (":memory:", &model, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < n_steps; i++)
    rc = sqlite3_exec (model, steps[i], NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    schema = schema_load (model, error);
  else
    set_sqlite_error (error, model, rc);
  sqlite3_close_v2 (model);

  return schema;
}

static gboolean
export_to_stream (TpDatabase     *db,
                  Schema         *schema,
                  GOutputStream  *stream,
                  Progress       *progress,
                  GCancellable   *cancellable,
                  GError        **error)
{
  sqlite3 *handle = tp_database_get_handle (db);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exported_at = tp_schema_format_time (now);
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_SIZE + 64 * 1024);
  Writer writer = { stream, buffer, cancellable };
  gint64 rows_total = 0;
  gint64 rows_done = 0;

  for (guint i = 0; i < schema->tables->len; i++)
    rows_total += handle != NULL ? count_rows (handle, g_ptr_array_index (schema->tables, i))
                                 : count_rows_statement (db, g_ptr_array_index (schema->tables, i));

  g_string_append_printf (buffer,
                          "{\n"
                          "  \"format\": \"%s\",\n"
                          "  \"version\": %d,\n"
                          "  \"exported_at\": \"%s\",\n"
                          "  \"tables\": {\n",
                          TP_BACKUP_FORMAT, TP_BACKUP_VERSION, exported_at);

  for (guint i = 0; i < schema->tables->len; i++)
    {
      Table *table = g_ptr_array_index (schema->tables, i);

      if (handle != NULL ? !write_table (&writer, handle, table, progress, &rows_done,
                                         rows_total, error)
                         : !write_table_statement (&writer, db, table, progress, &rows_done,
                                                   rows_total, error))
        return FALSE;

      g_string_append (buffer, i + 1 < schema->tables->len ? ",\n" : "\n");
    }

  g_string_append (buffer, "  }\n}\n");

  if (!writer_flush (&writer, error))
    return FALSE;

  progress_report (progress, 1.0);

  return TRUE;
}

/**
 * tp_backup_export:
 * @db: the database to back up
 * @file: the JSON file to write
 * @progress: (nullable) (scope call): called as the work goes on
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes every row of every table of @db to @file, from one consistent
 * snapshot. @file is replaced only once it is complete: if the export
 * fails or is cancelled, an existing file is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_backup_export (TpDatabase            *db,
                  GFile                 *file,
                  TpBackupProgressFunc   progress,
                  gpointer               progress_data,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_autoptr(Schema) schema = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) discard = NULL;
  sqlite3 *handle;
  Progress report = { progress, progress_data, 0.0, 1.0, -1 };
  gboolean existed;
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (TP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* NULL on a team database */
  handle = tp_database_get_handle (db);

  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  /* One read transaction: all tables from the same moment */
  own_transaction = tp_database_get_depth (db) == 0;
  if (own_transaction && !tp_database_begin_read (db, error))
    {
      ok = FALSE;
    }
  else
    {
      schema = handle != NULL ? schema_load (handle, error) : schema_load_model (error);
      ok = schema != NULL &&
           export_to_stream (db, schema, G_OUTPUT_STREAM (stream), &report, cancellable, error);

      if (own_transaction)
        tp_database_commit (db, NULL);
    }

  if (ok)
    return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);

  /* Closing with a cancelled cancellable drops the temporary file that
   * g_file_replace() writes beside an existing one. */
  discard = g_cancellable_new ();
  g_cancellable_cancel (discard);
  g_output_stream_close (G_OUTPUT_STREAM (stream), discard, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);

  return FALSE;
}

/* Reading JSON */

typedef struct
{
  const guchar *data;
  gsize         len;
  gsize         pos;
  guint         line;
  const char   *name;   /* the file, for messages */
} Reader;

typedef struct
{
  ValueKind  kind;
  gint64     integer;
  GString   *text;
  guint      line;
} Slot;

static gboolean
fail (Reader     *r,
      guint       line,
      GError    **error,
      int         code,
      const char *format,
      ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail (Reader     *r,
      guint       line,
      GError    **error,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, TP_BACKUP_ERROR, code,
               /* Translators: "people.json: line 17: field “email”: …"; the first %s is
                * a file name, %u a line number, the last %s says what is wrong there */
               _("%s: line %u: %s"),
               r->name, line, message);
  return FALSE;
}

static gboolean
fail_file (Reader     *r,
           GError    **error,
           int         code,
           const char *message)
{
  g_set_error (error, TP_BACKUP_ERROR, code, "%s: %s", r->name, message);
  return FALSE;
}

static gboolean
fail_truncated (Reader  *r,
                GError **error)
{
  return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
               _("the file ends too early; it may have been cut off"));
}

/* A short, one-line excerpt of a value for a message */
static char *
excerpt (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0' && n < 40; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  if (*text != '\0' && n == 40 && g_utf8_strlen (text, -1) > 40)
    g_string_append (out, "…");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static inline void
skip_space (Reader *r)
{
  while (r->pos < r->len)
    {
      guchar c = r->data[r->pos];

      if (c == '\n')
        r->line++;
      else if (c != ' ' && c != '\t' && c != '\r')
        break;
      r->pos++;
    }
}

static inline int
peek (Reader *r)
{
  skip_space (r);
  return r->pos < r->len ? r->data[r->pos] : -1;
}

static gboolean
expect (Reader      *r,
        char         c,
        GError     **error)
{
  int next = peek (r);

  if (next < 0)
    return fail_truncated (r, error);

  if (next != c)
    return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                 /* Translators: %c is a punctuation mark of JSON, such as : or , */
                 _("broken JSON: expected “%c” here"), c);

  r->pos++;
  return TRUE;
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Reader   *r,
           gunichar *out)
{
  gunichar value = 0;

  if (r->len - r->pos < 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (r->data[r->pos + i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (gunichar)digit;
    }

  r->pos += 4;
  *out = value;
  return TRUE;
}

/* Reads a string at r->pos (a '"') into @out, unescaped. */
static gboolean
read_string (Reader   *r,
             GString  *out,
             GError  **error)
{
  g_string_truncate (out, 0);
  r->pos++;

  for (;;)
    {
      gsize start = r->pos;
      guchar high = 0;
      guchar c;

      while (r->pos < r->len)
        {
          c = r->data[r->pos];
          if (c == '"' || c == '\\' || c < 0x20)
            break;
          high |= c;
          r->pos++;
        }

      if (r->pos > start)
        {
          if ((high & 0x80) != 0 &&
              !g_utf8_validate_len ((const char *)r->data + start, r->pos - start, NULL))
            return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                         _("the text is not valid UTF-8"));
          if (out->len + (r->pos - start) > MAX_TEXT_BYTES)
            return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                         _("a text is too long"));
          g_string_append_len (out, (const char *)r->data + start, (gssize)(r->pos - start));
        }

      if (r->pos >= r->len)
        return fail_truncated (r, error);

      c = r->data[r->pos++];
      if (c == '"')
        return TRUE;

      if (c != '\\')
        return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                     _("broken JSON: a line break or control character inside quotes"));

      if (r->pos >= r->len)
        return fail_truncated (r, error);

      c = r->data[r->pos++];
      switch (c)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar unit, low;

            if (!read_hex4 (r, &unit))
              return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                           _("broken JSON: “\\u” must be followed by four hexadecimal digits"));

            if (unit >= 0xd800 && unit <= 0xdbff)
              {
                if (r->len - r->pos < 2 || r->data[r->pos] != '\\' ||
                    r->data[r->pos + 1] != 'u')
                  return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                               _("broken JSON: half of a UTF-16 surrogate pair"));
                r->pos += 2;
                if (!read_hex4 (r, &low) || low < 0xdc00 || low > 0xdfff)
                  return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                               _("broken JSON: half of a UTF-16 surrogate pair"));
                unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (unit >= 0xdc00 && unit <= 0xdfff)
              {
                return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                             _("broken JSON: half of a UTF-16 surrogate pair"));
              }
            else if (unit == 0)
              {
                return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                             _("the text contains a NUL character"));
              }

            g_string_append_unichar (out, unit);
          }
          break;

        default:
          return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                       _("broken JSON: an unknown escape after “\\”"));
        }

      if (out->len > MAX_TEXT_BYTES)
        return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                     _("a text is too long"));
    }
}

typedef enum
{
  NUMBER_INTEGER,
  NUMBER_FRACTION,   /* a valid JSON number, not a whole one */
  NUMBER_TOO_LARGE,
} NumberKind;

static gboolean
is_digit (Reader *r)
{
  return r->pos < r->len && g_ascii_isdigit (r->data[r->pos]);
}

static gboolean
read_number (Reader      *r,
             gint64      *value,
             NumberKind  *kind,
             GError     **error)
{
  gboolean negative = FALSE;
  guint64 magnitude = 0;
  gboolean overflow = FALSE;

  *kind = NUMBER_INTEGER;

  if (r->data[r->pos] == '-')
    {
      negative = TRUE;
      r->pos++;
    }

  if (!is_digit (r))
    {
      if (r->pos >= r->len)
        return fail_truncated (r, error);
      return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                   _("broken JSON: a number is not written correctly"));
    }

  if (r->data[r->pos] == '0')
    {
      r->pos++;
    }
  else
    {
      while (is_digit (r))
        {
          guint digit = r->data[r->pos++] - '0';

          if (magnitude > (G_MAXUINT64 - digit) / 10)
            overflow = TRUE;
          else
            magnitude = magnitude * 10 + digit;
        }
    }

  if (r->pos < r->len && r->data[r->pos] == '.')
    {
      r->pos++;
      if (!is_digit (r))
        return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                     _("broken JSON: a number is not written correctly"));
      while (is_digit (r))
        r->pos++;
      *kind = NUMBER_FRACTION;
    }

  if (r->pos < r->len && (r->data[r->pos] == 'e' || r->data[r->pos] == 'E'))
    {
      r->pos++;
      if (r->pos < r->len && (r->data[r->pos] == '+' || r->data[r->pos] == '-'))
        r->pos++;
      if (!is_digit (r))
        return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                     _("broken JSON: a number is not written correctly"));
      while (is_digit (r))
        r->pos++;
      *kind = NUMBER_FRACTION;
    }

  if (*kind == NUMBER_INTEGER)
    {
      if (overflow || magnitude > (guint64)G_MAXINT64 + (negative ? 1 : 0))
        *kind = NUMBER_TOO_LARGE;
      else if (negative)
        *value = magnitude == (guint64)G_MAXINT64 + 1 ? G_MININT64 : -(gint64)magnitude;
      else
        *value = (gint64)magnitude;
    }

  return TRUE;
}

static gboolean
read_literal (Reader      *r,
              const char  *word,
              GError     **error)
{
  gsize len = strlen (word);

  if (r->len - r->pos < len || memcmp (r->data + r->pos, word, len) != 0)
    {
      if (r->len - r->pos < len && memcmp (r->data + r->pos, word, r->len - r->pos) == 0)
        return fail_truncated (r, error);
      return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                   _("broken JSON: expected a value here"));
    }

  r->pos += len;
  return TRUE;
}

/* Reads one scalar, or fails on anything else; a container is reported
 * through @container so that the caller can name the field. */
typedef enum
{
  SCALAR_STRING,
  SCALAR_INTEGER,
  SCALAR_FRACTION,
  SCALAR_TOO_LARGE,
  SCALAR_BOOLEAN,
  SCALAR_NULL,
  SCALAR_CONTAINER,
} ScalarKind;

static gboolean
read_scalar (Reader      *r,
             GString     *text,
             gint64      *integer,
             ScalarKind  *kind,
             GError     **error)
{
  int c = peek (r);
  NumberKind number_kind;

  switch (c)
    {
    case -1:
      return fail_truncated (r, error);

    case '"':
      *kind = SCALAR_STRING;
      return read_string (r, text, error);

    case '{':
    case '[':
      *kind = SCALAR_CONTAINER;
      return TRUE;

    case 't':
      *kind = SCALAR_BOOLEAN;
      return read_literal (r, "true", error);

    case 'f':
      *kind = SCALAR_BOOLEAN;
      return read_literal (r, "false", error);

    case 'n':
      *kind = SCALAR_NULL;
      return read_literal (r, "null", error);

    default:
      if (c == '-' || g_ascii_isdigit (c))
        {
          if (!read_number (r, integer, &number_kind, error))
            return FALSE;
          *kind = number_kind == NUMBER_INTEGER ? SCALAR_INTEGER
                  : number_kind == NUMBER_FRACTION ? SCALAR_FRACTION
                  : SCALAR_TOO_LARGE;
          return TRUE;
        }
      return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                   _("broken JSON: expected a value here"));
    }
}

static gboolean
read_key (Reader   *r,
          GString  *key,
          GError  **error)
{
  int c = peek (r);

  if (c < 0)
    return fail_truncated (r, error);
  if (c != '"')
    return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                 _("broken JSON: expected a name in quotes"));

  return read_string (r, key, error) && expect (r, ':', error);
}

/* Skips any value, checking that it is well-formed JSON. */
static gboolean
skip_value (Reader   *r,
            GError  **error)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  char closers[MAX_DEPTH];
  guint depth = 0;

  for (;;)
    {
      gint64 integer;
      ScalarKind kind;
      int c;

      /* A value is expected here */
      if (!read_scalar (r, scratch, &integer, &kind, error))
        return FALSE;

      if (kind == SCALAR_CONTAINER)
        {
          char closer = r->data[r->pos] == '{' ? '}' : ']';

          if (depth == MAX_DEPTH)
            return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                         _("the data is nested too deeply"));

          closers[depth++] = closer;
          r->pos++;

          c = peek (r);
          if (c != closer)
            {
              if (closer == '}' && !read_key (r, scratch, error))
                return FALSE;
              continue;
            }

          r->pos++;
          depth--;
        }

      /* After a value: close containers, or go on to the next value */
      for (;;)
        {
          if (depth == 0)
            return TRUE;

          c = peek (r);
          if (c < 0)
            return fail_truncated (r, error);

          if (c == closers[depth - 1])
            {
              r->pos++;
              depth--;
              continue;
            }

          if (c != ',')
            return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                         /* Translators: %c is } or ] */
                         _("broken JSON: expected “,” or “%c” here"), closers[depth - 1]);

          r->pos++;
          if (closers[depth - 1] == '}' && !read_key (r, scratch, error))
            return FALSE;
          break;
        }
    }
}

/* Validation and loading */

typedef struct
{
  gint64 id;
  guint  line;
} IdLine;

typedef struct
{
  gint64 touch_count;
  gint64 order_count;
  gint64 total_spent;
  char   last_touch_at[TIME_LENGTH + 1];
  char   first_order_at[TIME_LENGTH + 1];
} Figures;

typedef struct
{
  gboolean     seen;
  gboolean     done;
  gsize        offset;      /* of the '[' of its rows */
  guint        line;
  gsize        end;         /* just after the ']' */
  GArray      *ids;         /* of IdLine, sorted by id once done */
  gboolean     ascending;
  GHashTable **uniques;     /* per column, text → line */
} TableState;

typedef struct
{
  TpDatabase     *db;
  Schema         *schema;
  Reader          reader;
  GMappedFile    *mapped;
  GBytes         *bytes;
  char           *name;
  GCancellable   *cancellable;
  Progress        progress;

  TableState     *states;
  Slot           *slots;        /* BATCH_ROWS rows of max_columns */
  Slot           *row;          /* the row being read */
  guint           row_lines[BATCH_ROWS];
  guint           pending;      /* rows read and not inserted yet */
  GString        *key;
  Figures        *figures;      /* per customer, in the order of the sorted ids */
  guint           primary_line; /* of the primary audience, 0 if none */

  gboolean        loading;      /* second pass: insert the rows */
  TpStatement    *insert_one;   /* owned by db */
  TpStatement    *insert_batch;
  gsize           bytes_done;
  gsize           bytes_total;
  guint           rows_since_check;

  gboolean        format_seen;
  gboolean        version_seen;
  gboolean        exported_at_seen;
  gboolean        tables_seen;
  gsize           tables_offset;
  guint           tables_line;
} Restore;

static void
restore_clear (Restore *self)
{
  if (self->states != NULL)
    {
      for (guint i = 0; i < self->schema->tables->len; i++)
        {
          Table *table = g_ptr_array_index (self->schema->tables, i);

          g_clear_pointer (&self->states[i].ids, g_array_unref);
          if (self->states[i].uniques != NULL)
            {
              for (guint j = 0; j < table->n_columns; j++)
                g_clear_pointer (&self->states[i].uniques[j], g_hash_table_unref);
              g_free (self->states[i].uniques);
            }
        }
      g_free (self->states);
    }

  if (self->slots != NULL)
    {
      for (guint i = 0; i < BATCH_ROWS * self->schema->max_columns; i++)
        g_string_free (self->slots[i].text, TRUE);
      g_free (self->slots);
    }

  if (self->key != NULL)
    g_string_free (self->key, TRUE);
  g_clear_pointer (&self->figures, g_free);
  g_clear_pointer (&self->schema, schema_free);
  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->insert_one, tp_statement_reset);
  g_clear_pointer (&self->insert_batch, tp_statement_reset);
}

static gboolean
restore_init (Restore       *self,
              TpDatabase    *db,
              GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *path = g_file_get_path (file);

  memset (self, 0, sizeof *self);
  self->db = db;
  self->cancellable = cancellable;
  self->name = g_file_get_basename (file);
  self->reader.name = self->name;
  self->reader.line = 1;

  if (path != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      self->mapped = g_mapped_file_new (path, FALSE, &local_error);
      if (self->mapped == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       "%s: %s", self->name, local_error->message);
          return FALSE;
        }
      self->reader.data = (const guchar *)g_mapped_file_get_contents (self->mapped);
      self->reader.len = g_mapped_file_get_length (self->mapped);
    }
  else
    {
      self->bytes = g_file_load_bytes (file, cancellable, NULL, error);
      if (self->bytes == NULL)
        return FALSE;
      self->reader.data = g_bytes_get_data (self->bytes, &self->reader.len);
    }

  /* A file describes its own tables; a team database has the tables of
   * the same migration steps. */
  self->schema = tp_database_get_handle (db) != NULL
                 ? schema_load (tp_database_get_handle (db), error)
                 : schema_load_model (error);
  if (self->schema == NULL)
    return FALSE;

  self->states = g_new0 (TableState, self->schema->tables->len);
  for (guint i = 0; i < self->schema->tables->len; i++)
    {
      Table *table = g_ptr_array_index (self->schema->tables, i);

      self->states[i].ids = g_array_new (FALSE, FALSE, sizeof (IdLine));
      self->states[i].ascending = TRUE;
      self->states[i].uniques = g_new0 (GHashTable *, table->n_columns);
      for (guint j = 0; j < table->n_columns; j++)
        {
          if (table->columns[j].unique != UNIQUE_NONE)
            self->states[i].uniques[j] = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                g_free, NULL);
        }
    }

  self->slots = g_new0 (Slot, BATCH_ROWS * self->schema->max_columns);
  for (guint i = 0; i < BATCH_ROWS * self->schema->max_columns; i++)
    self->slots[i].text = g_string_new (NULL);
  self->row = self->slots;
  self->key = g_string_new (NULL);

  return TRUE;
}

static int
compare_id_lines (gconstpointer a,
                  gconstpointer b)
{
  const IdLine *x = a;
  const IdLine *y = b;

  if (x->id != y->id)
    return x->id < y->id ? -1 : 1;
  return x->line < y->line ? -1 : x->line > y->line;
}

/* The index of @id in the sorted ids of a finished table, or -1 */
static gssize
find_id (TableState *state,
         gint64      id)
{
  gsize low = 0;
  gsize high = state->ids->len;

  while (low < high)
    {
      gsize middle = low + (high - low) / 2;
      gint64 here = g_array_index (state->ids, IdLine, middle).id;

      if (here == id)
        return (gssize)middle;
      if (here < id)
        low = middle + 1;
      else
        high = middle;
    }

  return -1;
}

static gboolean
fail_field (Restore    *self,
            guint       line,
            Column     *column,
            GError    **error,
            const char *format,
            ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail_field (Restore    *self,
            guint       line,
            Column     *column,
            GError    **error,
            const char *format,
            ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  return fail (&self->reader, line, error, TP_BACKUP_ERROR_INVALID,
               /* Translators: the first %s is the name of a field, the second says
                * what is wrong with its value */
               _("field “%s”: %s"), column->name, what);
}

/* Refuses a value with the schema's message, which every path gives */
static gboolean
fail_schema (Restore  *self,
             guint     line,
             Column   *column,
             GError  **schema_error,
             GError  **error)
{
  g_autoptr(GError) cause = g_steal_pointer (schema_error);

  return fail_field (self, line, column, error, "%s", cause->message);
}

/* Reads one row object into the slots. */
static gboolean
read_row (Restore  *self,
          Table    *table,
          guint    *row_line,
          GError  **error)
{
  Reader *r = &self->reader;
  int c;

  for (guint i = 0; i < table->n_columns; i++)
    self->row[i].kind = VALUE_MISSING;

  c = peek (r);
  if (c < 0)
    return fail_truncated (r, error);
  if (c != '{')
    return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                 /* Translators: %s is the name of a table */
                 _("each row of “%s” must be an object in braces"), table->name);

  *row_line = r->line;
  r->pos++;

  if (peek (r) == '}')
    {
      r->pos++;
      return TRUE;
    }

  for (guint n_keys = 0;; n_keys++)
    {
      Column *column;
      Slot *slot;
      ScalarKind kind;
      guint line;
      int index;

      /* Backups list the columns in order, with names that need no
       * unescaping: check for that first */
      skip_space (r);
      index = -1;
      if (n_keys < table->n_columns && r->pos < r->len && r->data[r->pos] == '"')
        {
          const char *name = table->columns[n_keys].name;
          gsize len = strlen (name);

          if (r->len - r->pos > len + 1 && memcmp (r->data + r->pos + 1, name, len) == 0 &&
              r->data[r->pos + 1 + len] == '"')
            {
              r->pos += len + 2;
              if (!expect (r, ':', error))
                return FALSE;
              index = (int)n_keys;
            }
        }

      if (index < 0)
        {
          if (!read_key (r, self->key, error))
            return FALSE;

          if (n_keys < table->n_columns && g_str_equal (table->columns[n_keys].name, self->key->str))
            index = (int)n_keys;
          else
            index = table_find_column (table, self->key->str);
        }
      if (index < 0)
        {
          g_autofree char *name = excerpt (self->key->str);

          return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                       /* Translators: the first %s is a field name, the second a table */
                       _("unknown field “%s” in table “%s”"), name, table->name);
        }

      column = &table->columns[index];
      slot = &self->row[index];
      if (slot->kind != VALUE_MISSING)
        return fail_field (self, r->line, column, error, "%s",
                           _("appears twice in the same row"));

      skip_space (r);
      line = r->line;
      if (!read_scalar (r, slot->text, &slot->integer, &kind, error))
        return FALSE;

      slot->line = line;
      switch (kind)
        {
        case SCALAR_NULL:
          slot->kind = VALUE_NULL;
          break;

        case SCALAR_INTEGER:
          if (!column->is_integer)
            return fail_field (self, line, column, error, "%s",
                               _("expected text in quotes, found a number"));
          slot->kind = VALUE_INT;
          break;

        case SCALAR_STRING:
          if (column->is_integer)
            return fail_field (self, line, column, error, "%s",
                               _("expected a whole number, found text"));
          slot->kind = VALUE_TEXT;
          break;

        case SCALAR_TOO_LARGE:
          return fail_field (self, line, column, error, "%s", _("the number is too large"));

        case SCALAR_FRACTION:
          return fail_field (self, line, column, error, "%s",
                             column->is_integer ? _("expected a whole number")
                                                : _("expected text in quotes, found a number"));

        case SCALAR_BOOLEAN:
          return fail_field (self, line, column, error, "%s",
                             column->is_integer ? _("expected a whole number, found true or false")
                                                : _("expected text in quotes, found true or false"));

        case SCALAR_CONTAINER:
        default:
          return fail_field (self, line, column, error, "%s",
                             column->is_integer ? _("expected a whole number, found a list or an object")
                                                : _("expected text in quotes, found a list or an object"));
        }

      c = peek (r);
      if (c < 0)
        return fail_truncated (r, error);
      r->pos++;
      if (c == '}')
        return TRUE;
      if (c != ',')
        {
          r->pos--;
          return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                       _("broken JSON: expected “,” or “}” here"));
        }
    }
}

/* Checks the values of the row in the slots against the schema, fills in
 * defaults, and during validation records ids, references and figures. */
static gboolean
check_row (Restore  *self,
           int       table_index,
           guint     row_line,
           GError  **error)
{
  Schema *schema = self->schema;
  Table *table = g_ptr_array_index (schema->tables, table_index);
  TableState *state = &self->states[table_index];
  GError *local_error = NULL;
  gssize customer = -1;

  for (guint i = 0; i < table->n_columns; i++)
    {
      Column *column = &table->columns[i];
      Slot *slot = &self->row[i];
      const char *text = slot->text->str;

      if (column->rule == RULE_DERIVED)
        {
          slot->kind = VALUE_MISSING;
          continue;
        }

      if (slot->kind == VALUE_MISSING)
        {
          if (column->default_kind == VALUE_MISSING)
            return fail_field (self, row_line, column, error, "%s", _("is missing"));

          slot->kind = column->default_kind;
          slot->integer = column->default_int;
          g_string_assign (slot->text, column->default_text != NULL ? column->default_text : "");
          slot->line = row_line;
          text = slot->text->str;
        }

      if (slot->kind == VALUE_NULL)
        {
          if (column->schema != NULL && !tp_schema_column_check_null (column->schema, &local_error))
            return fail_schema (self, slot->line, column, &local_error, error);
          if (column->not_null)
            return fail_field (self, slot->line, column, error, "%s",
                               _("must have a value, not null"));
          continue;
        }

      /* Times are stored in UTC in one form: another program's offsets
       * are converted (in both passes, cheaply when there is nothing to
       * do) */
      if (column->schema != NULL && column->schema->kind == TP_SCHEMA_TIME &&
          !tp_schema_time_is_canonical (text, slot->text->len))
        {
          g_autofree char *normal = tp_schema_column_normalize (column->schema, text, &local_error);

          if (normal == NULL)
            return fail_schema (self, slot->line, column, &local_error, error);
          g_string_assign (slot->text, normal);
          text = slot->text->str;
        }

      /* The first pass checked the rest */
      if (self->loading)
        continue;

      if (column->schema != NULL &&
          !(slot->kind == VALUE_INT
            ? tp_schema_column_check_int (column->schema, slot->integer, &local_error)
            : tp_schema_column_check_text (column->schema, text, &local_error)))
        return fail_schema (self, slot->line, column, &local_error, error);

      if (column->ref_table >= 0)
        {
          TableState *parent = &self->states[column->ref_table];
          gssize index = find_id (parent, slot->integer);

          if (index < 0)
            {
              Table *parent_table = g_ptr_array_index (schema->tables, column->ref_table);
              g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, slot->integer);

              return fail_field (self, slot->line, column, error,
                                 /* Translators: the first %s is a number, the second the
                                  * name of a table */
                                 _("there is no row with id %s in “%s”"),
                                 id, parent_table->name);
            }

          if (column->ref_table == schema->customers)
            customer = index;
        }

      if (column->unique != UNIQUE_NONE)
        {
          g_autofree char *unique_key = NULL;
          guint earlier;

          if (column->unique == UNIQUE_WHEN_ONE)
            {
              if (slot->integer == 1)
                {
                  if (self->primary_line != 0)
                    return fail_field (self, slot->line, column, error,
                                       /* Translators: %u is a line number */
                                       _("only one row may have 1 here (line %u has it too)"),
                                       self->primary_line);
                  self->primary_line = slot->line;
                }
              continue;
            }

          unique_key = column->unique == UNIQUE_NOCASE ? g_ascii_strdown (text, -1)
                                                       : g_strdup (text);
          earlier = GPOINTER_TO_UINT (g_hash_table_lookup (state->uniques[i], unique_key));
          if (earlier != 0)
            {
              g_autofree char *shown = excerpt (text);

              return fail_field (self, slot->line, column, error,
                                 /* Translators: %s is a value, %u a line number */
                                 _("“%s” appears twice (also on line %u)"), shown, earlier);
            }
          g_hash_table_insert (state->uniques[i], g_steal_pointer (&unique_key),
                               GUINT_TO_POINTER (slot->line));
        }

      if (column->rule == RULE_ID)
        {
          IdLine entry = { slot->integer, slot->line };

          if (state->ids->len > 0 &&
              g_array_index (state->ids, IdLine, state->ids->len - 1).id >= slot->integer)
            state->ascending = FALSE;
          g_array_append_val (state->ids, entry);
        }
    }

  /* The figures the customer triggers of schema step 1 keep: done touches
   * count and date the last touch; orders that are not cancelled count,
   * date the first order and add up. */
  if (!self->loading && customer >= 0 && table_index == schema->touches)
    {
      Figures *figures = &self->figures[customer];
      Slot *happened = &self->row[schema->t_happened_at];

      if (self->row[schema->t_done].integer == 1)
        {
          figures->touch_count++;
          if (strcmp (happened->text->str, figures->last_touch_at) > 0)
            memcpy (figures->last_touch_at, happened->text->str, TIME_LENGTH + 1);
        }
    }
  else if (!self->loading && customer >= 0 && table_index == schema->orders)
    {
      Figures *figures = &self->figures[customer];
      Slot *ordered = &self->row[schema->o_ordered_at];

      if (!g_str_equal (self->row[schema->o_status].text->str, "cancelled"))
        {
          figures->order_count++;
          if (self->row[schema->o_amount].integer > G_MAXINT64 - figures->total_spent)
            return fail_field (self, self->row[schema->o_amount].line,
                               &table->columns[schema->o_amount], error, "%s",
                               _("the orders of this customer add up to more than can be stored"));
          figures->total_spent += self->row[schema->o_amount].integer;
          if (figures->first_order_at[0] == '\0' ||
              strcmp (ordered->text->str, figures->first_order_at) < 0)
            memcpy (figures->first_order_at, ordered->text->str, TIME_LENGTH + 1);
        }
    }

  return TRUE;
}

static gboolean
report_rows (Restore  *self,
             gsize     table_offset,
             GError  **error)
{
  Reader *r = &self->reader;

  if (++self->rows_since_check < ROWS_PER_CHECK)
    return TRUE;

  self->rows_since_check = 0;
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  if (self->loading)
    progress_report (&self->progress,
                     (double)(self->bytes_done + (r->pos - table_offset)) /
                     (double)MAX (self->bytes_total, 1));
  else
    progress_report (&self->progress, (double)r->pos / (double)MAX (r->len, 1));

  return TRUE;
}

static void
bind_row (Restore      *self,
          int           table_index,
          TpStatement  *stmt,
          int           first_param,
          Slot         *row)
{
  Schema *schema = self->schema;
  Table *table = g_ptr_array_index (schema->tables, table_index);
  Figures *figures = NULL;

  if (table_index == schema->customers)
    {
      int id_column = table_find_column (table, "id");
      gssize index = find_id (&self->states[table_index], row[id_column].integer);

      g_assert (index >= 0);
      figures = &self->figures[index];
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      Slot *slot = &row[i];
      int param = first_param + (int)i;

      if (figures != NULL && table->columns[i].rule == RULE_DERIVED)
        {
          if ((int)i == schema->c_touch_count)
            tp_statement_bind_int64 (stmt, param, figures->touch_count);
          else if ((int)i == schema->c_order_count)
            tp_statement_bind_int64 (stmt, param, figures->order_count);
          else if ((int)i == schema->c_total_spent)
            tp_statement_bind_int64 (stmt, param, figures->total_spent);
          else if ((int)i == schema->c_last_touch_at && figures->last_touch_at[0] != '\0')
            tp_statement_bind_text (stmt, param, figures->last_touch_at);
          else if ((int)i == schema->c_first_order_at && figures->first_order_at[0] != '\0')
            tp_statement_bind_text (stmt, param, figures->first_order_at);
          else
            tp_statement_bind_null (stmt, param);
          continue;
        }

      switch (slot->kind)
        {
        case VALUE_INT:
          tp_statement_bind_int64 (stmt, param, slot->integer);
          break;

        case VALUE_TEXT:
          tp_statement_bind_text (stmt, param, slot->text->str);
          break;

        case VALUE_NULL:
        case VALUE_MISSING:
        default:
          tp_statement_bind_null (stmt, param);
          break;
        }
    }
}

/* Inserts the rows read so far: all at once when there is a full batch,
 * else (or if the batch fails, to find the row at fault) one by one. */
static gboolean
insert_pending (Restore  *self,
                int       table_index,
                GError  **error)
{
  Table *table = g_ptr_array_index (self->schema->tables, table_index);
  guint max_columns = self->schema->max_columns;

  if (self->pending == BATCH_ROWS)
    {
      g_autoptr(GError) batch_error = NULL;

      for (guint k = 0; k < BATCH_ROWS; k++)
        bind_row (self, table_index, self->insert_batch, (int)(k * table->n_columns) + 1,
                  &self->slots[k * max_columns]);

      tp_statement_step (self->insert_batch, &batch_error);
      tp_statement_reset (self->insert_batch);
      if (batch_error == NULL)
        {
          self->pending = 0;
          return TRUE;
        }
      /* Anything but a row the rules refuse (a lost connection, a full
       * disk) is the database's own problem, said as it is. */
      if (!g_error_matches (batch_error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONSTRAINT))
        {
          g_propagate_error (error, g_steal_pointer (&batch_error));
          return FALSE;
        }
    }

  for (guint k = 0; k < self->pending; k++)
    {
      g_autoptr(GError) row_error = NULL;

      bind_row (self, table_index, self->insert_one, 1, &self->slots[k * max_columns]);
      tp_statement_step (self->insert_one, &row_error);
      tp_statement_reset (self->insert_one);

      if (row_error != NULL &&
          !g_error_matches (row_error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONSTRAINT))
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          return FALSE;
        }
      if (row_error != NULL)
        return fail (&self->reader, self->row_lines[k], error, TP_BACKUP_ERROR_INVALID,
                     /* Translators: the first %s is a table, the second what the database said */
                     _("the database refused this row of “%s”: %s"),
                     table->name, row_error->message);
    }

  self->pending = 0;
  return TRUE;
}

static gboolean
finish_table (Restore  *self,
              int       table_index,
              GError  **error)
{
  Table *table = g_ptr_array_index (self->schema->tables, table_index);
  TableState *state = &self->states[table_index];

  if (!state->ascending)
    {
      g_array_sort (state->ids, compare_id_lines);

      for (guint i = 1; i < state->ids->len; i++)
        {
          IdLine *here = &g_array_index (state->ids, IdLine, i);
          IdLine *before = &g_array_index (state->ids, IdLine, i - 1);

          if (here->id == before->id)
            {
              g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, here->id);

              return fail (&self->reader, here->line, error, TP_BACKUP_ERROR_INVALID,
                           /* Translators: the first %s is a number, the second a table,
                            * %u a line number */
                           _("field “id”: %s is used twice in “%s” (also on line %u)"),
                           id, table->name, before->line);
            }
        }
    }

  if (table_index == self->schema->customers)
    self->figures = g_new0 (Figures, MAX (state->ids->len, 1));

  return TRUE;
}

/* Reads the list of rows of one table at the reader's position. */
static gboolean
process_table (Restore  *self,
               int       table_index,
               GError  **error)
{
  Reader *r = &self->reader;
  Table *table = g_ptr_array_index (self->schema->tables, table_index);
  TableState *state = &self->states[table_index];
  gsize offset;
  guint row_line = 0;
  int c;

  c = peek (r);
  if (c < 0)
    return fail_truncated (r, error);
  if (c != '[')
    return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                 /* Translators: %s is the name of a table */
                 _("table “%s” must be a list of rows in brackets"), table->name);

  offset = r->pos;
  if (!self->loading)
    {
      state->offset = r->pos;
      state->line = r->line;
    }
  r->pos++;

  if (self->loading)
    {
      g_autoptr(GString) batch = g_string_new (table->insert_sql);

      for (guint k = 1; k < BATCH_ROWS; k++)
        {
          g_string_append (batch, ", (");
          for (guint i = 0; i < table->n_columns; i++)
            g_string_append_printf (batch, "%s?%u", i > 0 ? ", " : "",
                                    k * table->n_columns + i + 1);
          g_string_append_c (batch, ')');
        }

      self->pending = 0;
      self->insert_one = tp_database_prepare (self->db, table->insert_sql, error);
      if (self->insert_one == NULL)
        return FALSE;
      self->insert_batch = tp_database_prepare (self->db, batch->str, error);
      if (self->insert_batch == NULL)
        return FALSE;
    }

  if (peek (r) == ']')
    {
      r->pos++;
    }
  else
    {
      for (;;)
        {
          self->row = &self->slots[self->pending * self->schema->max_columns];

          if (!read_row (self, table, &row_line, error) ||
              !check_row (self, table_index, row_line, error))
            return FALSE;

          if (self->loading)
            {
              self->row_lines[self->pending++] = row_line;
              if (self->pending == BATCH_ROWS && !insert_pending (self, table_index, error))
                return FALSE;
            }

          if (!report_rows (self, offset, error))
            return FALSE;

          c = peek (r);
          if (c < 0)
            return fail_truncated (r, error);
          if (c == ']')
            {
              r->pos++;
              break;
            }
          if (c != ',')
            return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                         _("broken JSON: expected “,” or “]” here"));
          r->pos++;
        }
    }

  self->row = self->slots;

  if (self->loading)
    {
      gboolean ok = insert_pending (self, table_index, error);

      g_clear_pointer (&self->insert_one, tp_statement_reset);
      g_clear_pointer (&self->insert_batch, tp_statement_reset);
      self->bytes_done += r->pos - offset;
      return ok;
    }

  state->end = r->pos;
  state->done = TRUE;

  return finish_table (self, table_index, error);
}

static gboolean
parents_done (Restore *self,
              int      table_index)
{
  Table *table = g_ptr_array_index (self->schema->tables, table_index);

  for (guint i = 0; i < table->n_columns; i++)
    {
      int parent = table->columns[i].ref_table;

      if (parent >= 0 && parent != table_index && !self->states[parent].done)
        return FALSE;
    }

  return TRUE;
}

static gboolean
seek_and_process (Restore  *self,
                  int       table_index,
                  GError  **error)
{
  Reader *r = &self->reader;
  gsize pos = r->pos;
  guint line = r->line;

  r->pos = self->states[table_index].offset;
  r->line = self->states[table_index].line;

  if (!process_table (self, table_index, error))
    return FALSE;

  r->pos = pos;
  r->line = line;

  return TRUE;
}

/* Validates the "tables" object at the reader's position. Tables come in
 * any order; one whose parents have not been read yet is read later. */
static gboolean
validate_tables (Restore  *self,
                 GError  **error)
{
  Reader *r = &self->reader;
  Schema *schema = self->schema;
  int c;

  c = peek (r);
  if (c < 0)
    return fail_truncated (r, error);
  if (c != '{')
    return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                 _("“tables” must be an object in braces"));
  r->pos++;

  if (peek (r) == '}')
    {
      r->pos++;
    }
  else
    {
      for (;;)
        {
          TableState *state;
          int index;

          if (!read_key (r, self->key, error))
            return FALSE;

          index = schema_find_table (schema, self->key->str);
          if (index < 0)
            {
              g_autofree char *shown = excerpt (self->key->str);

              return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                           /* Translators: %s is the name of a table */
                           _("unknown table “%s”"), shown);
            }

          state = &self->states[index];
          if (state->seen)
            return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                         /* Translators: %s is the name of a table */
                         _("table “%s” appears twice"), self->key->str);
          state->seen = TRUE;

          if (parents_done (self, index))
            {
              if (!process_table (self, index, error))
                return FALSE;
            }
          else
            {
              c = peek (r);
              if (c != '[')
                return process_table (self, index, error);
              state->offset = r->pos;
              state->line = r->line;
              if (!skip_value (r, error))
                return FALSE;
            }

          c = peek (r);
          if (c < 0)
            return fail_truncated (r, error);
          r->pos++;
          if (c == '}')
            break;
          if (c != ',')
            {
              r->pos--;
              return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                           _("broken JSON: expected “,” or “}” here"));
            }
        }
    }

  for (guint i = 0; i < schema->tables->len; i++)
    {
      Table *table = g_ptr_array_index (schema->tables, i);

      if (!self->states[i].seen)
        return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                     /* Translators: %s is the name of a table */
                     _("table “%s” is missing from “tables”"), table->name);

      if (!self->states[i].done && !seek_and_process (self, (int)i, error))
        return FALSE;
    }

  return TRUE;
}

/* The first pass: reads the whole file and checks everything, changing
 * nothing. */
static gboolean
validate (Restore  *self,
          GError  **error)
{
  Reader *r = &self->reader;
  gboolean tables_pending = FALSE;
  int c;

  if (r->len >= 3 && memcmp (r->data, "\xef\xbb\xbf", 3) == 0)
    r->pos = 3;

  c = peek (r);
  if (c < 0)
    return fail_file (r, error, TP_BACKUP_ERROR_NOT_BACKUP,
                      _("the file is empty, so it is not a Touchpoint backup"));
  if (c != '{')
    return fail_file (r, error, TP_BACKUP_ERROR_NOT_BACKUP,
                      _("this is not a Touchpoint backup, which is a JSON file that "
                        "starts with “{”"));
  r->pos++;

  if (peek (r) == '}')
    {
      r->pos++;
    }
  else
    {
      for (;;)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          gint64 integer = 0;
          ScalarKind kind;
          guint line;

          if (!read_key (r, self->key, error))
            return FALSE;

          skip_space (r);
          line = r->line;

          if (g_str_equal (self->key->str, "format"))
            {
              if (self->format_seen)
                return fail (r, line, error, TP_BACKUP_ERROR_INVALID, "%s",
                             _("“format” appears twice"));
              if (!read_scalar (r, text, &integer, &kind, error))
                return FALSE;
              if (kind != SCALAR_STRING || !g_str_equal (text->str, TP_BACKUP_FORMAT))
                return fail_file (r, error, TP_BACKUP_ERROR_NOT_BACKUP,
                                  _("this is not a Touchpoint backup: its “format” is not "
                                    "“touchpoint-backup”"));
              self->format_seen = TRUE;
            }
          else if (g_str_equal (self->key->str, "version"))
            {
              if (self->version_seen)
                return fail (r, line, error, TP_BACKUP_ERROR_INVALID, "%s",
                             _("“version” appears twice"));
              if (!read_scalar (r, text, &integer, &kind, error))
                return FALSE;
              if (kind == SCALAR_TOO_LARGE || (kind == SCALAR_INTEGER && integer > TP_BACKUP_VERSION))
                {
                  g_autofree char *shown = NULL;

                  if (kind == SCALAR_TOO_LARGE)
                    shown = g_strdup ("…");
                  else
                    shown = g_strdup_printf ("%" G_GINT64_FORMAT, integer);

                  g_set_error (error, TP_BACKUP_ERROR, TP_BACKUP_ERROR_NEWER_VERSION,
                               /* Translators: the first %s is a file name, the second a
                                * version number, %d another version number */
                               _("%s: this backup was made by a newer version of Touchpoint "
                                 "(backup version %s; this version reads up to %d). Update "
                                 "Touchpoint to restore it."),
                               self->name, shown, TP_BACKUP_VERSION);
                  return FALSE;
                }
              if (kind != SCALAR_INTEGER || integer < 1)
                return fail (r, line, error, TP_BACKUP_ERROR_UNKNOWN_VERSION,
                             /* Translators: %d is a version number */
                             _("“version” must be a whole number from 1 to %d; this is not a "
                               "backup version Touchpoint knows"),
                             TP_BACKUP_VERSION);
              self->version_seen = TRUE;
            }
          else if (g_str_equal (self->key->str, "exported_at"))
            {
              if (self->exported_at_seen)
                return fail (r, line, error, TP_BACKUP_ERROR_INVALID, "%s",
                             _("“exported_at” appears twice"));
              if (!read_scalar (r, text, &integer, &kind, error))
                return FALSE;
              if (kind != SCALAR_STRING || !tp_schema_time_is_canonical (text->str, text->len))
                return fail (r, line, error, TP_BACKUP_ERROR_INVALID, "%s",
                             _("“exported_at” must be a time in UTC such as "
                               "2026-11-28T12:00:00Z"));
              self->exported_at_seen = TRUE;
            }
          else if (g_str_equal (self->key->str, "tables"))
            {
              if (self->tables_seen)
                return fail (r, line, error, TP_BACKUP_ERROR_INVALID, "%s",
                             _("“tables” appears twice"));
              self->tables_seen = TRUE;

              /* The version decides how to read the tables: if it comes
               * later, come back to them. */
              if (self->format_seen && self->version_seen)
                {
                  if (!validate_tables (self, error))
                    return FALSE;
                }
              else
                {
                  tables_pending = TRUE;
                  self->tables_offset = r->pos;
                  self->tables_line = r->line;
                  if (!skip_value (r, error))
                    return FALSE;
                }
            }
          else if (!skip_value (r, error))
            {
              return FALSE;
            }

          c = peek (r);
          if (c < 0)
            return fail_truncated (r, error);
          r->pos++;
          if (c == '}')
            break;
          if (c != ',')
            {
              r->pos--;
              return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                           _("broken JSON: expected “,” or “}” here"));
            }
        }
    }

  if (peek (r) >= 0)
    return fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                 _("broken JSON: there is more text after the end of the backup"));

  if (!self->format_seen)
    return fail_file (r, error, TP_BACKUP_ERROR_NOT_BACKUP,
                      _("this is not a Touchpoint backup: it has no “format”"));
  if (!self->version_seen)
    return fail_file (r, error, TP_BACKUP_ERROR_UNKNOWN_VERSION,
                      _("the backup does not say its “version”"));
  if (!self->exported_at_seen)
    return fail_file (r, error, TP_BACKUP_ERROR_INVALID,
                      _("the backup does not say when it was made (“exported_at”)"));
  if (!self->tables_seen)
    return fail_file (r, error, TP_BACKUP_ERROR_INVALID,
                      _("the backup has no “tables”"));

  if (tables_pending)
    {
      r->pos = self->tables_offset;
      r->line = self->tables_line;
      if (!validate_tables (self, error))
        return FALSE;
    }

  progress_report (&self->progress, 1.0);

  return TRUE;
}

/**
 * tp_backup_validate:
 * @db: a database, whose schema the backup is checked against
 * @file: a backup
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Checks that @file is a backup that tp_backup_restore() would accept,
 * without changing anything.
 *
 * Returns: %TRUE if @file can be restored
 */
gboolean
tp_backup_validate (TpDatabase    *db,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  Restore self;
  gboolean ok;

  g_return_val_if_fail (TP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = restore_init (&self, db, file, cancellable, error) && validate (&self, error);
  restore_clear (&self);

  return ok;
}

/* Copies the database, as it is at the start of the restore's
 * transaction, to a new file beside it. The restore's connection holds
 * the write lock, so a second, reading connection sees exactly the rows
 * the restore is about to replace. */
static gboolean
copy_aside (Restore  *self,
            char    **copy_path,
            GError  **error)
{
  const char *path = tp_database_get_path (self->db);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H-%M-%SZ");
  g_autofree char *candidate = NULL;
  sqlite3_backup *backup = NULL;
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  guint busy = 0;
  int rc;

  for (guint n = 1; candidate == NULL || g_file_test (candidate, G_FILE_TEST_EXISTS); n++)
    {
      g_free (candidate);
      if (n == 1)
        candidate = g_strdup_printf ("%s.before-restore-%s", path, stamp);
      else
        candidate = g_strdup_printf ("%s.before-restore-%s-%u", path, stamp, n);
    }

  rc = sqlite3_open_v2 (path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (candidate, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second what went wrong */
                   _("Could not keep a copy of the database in “%s”, so nothing was "
                     "restored: %s"),
                   candidate,
                   dest != NULL ? sqlite3_errmsg (dest)
                   : source != NULL ? sqlite3_errmsg (source) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      sqlite3_close (source);
      g_unlink (candidate);
      return FALSE;
    }

  do
    {
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);

      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        {
          if (++busy > 500)
            break;
          sqlite3_sleep (10);
        }

      if (g_cancellable_is_cancelled (self->cancellable))
        break;

      progress_report (&self->progress,
                       1.0 - (double)sqlite3_backup_remaining (backup) /
                             (double)MAX (sqlite3_backup_pagecount (backup), 1));
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      if (!g_cancellable_set_error_if_cancelled (self->cancellable, error))
        g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FAILED,
                     /* Translators: the first %s is a file name, the second what went wrong */
                     _("Could not keep a copy of the database in “%s”, so nothing was "
                       "restored: %s"),
                     candidate, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      sqlite3_close (source);
      g_unlink (candidate);
      return FALSE;
    }

  sqlite3_close (dest);
  sqlite3_close (source);
  *copy_path = g_steal_pointer (&candidate);

  return TRUE;
}

/* A team database has no file to copy: it is kept as a backup in
 * Touchpoint's folder, read in the restore's own transaction, so it holds
 * exactly the rows the restore replaces. */
static gboolean
keep_team_copy (Restore  *self,
                char    **copy_path,
                GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H-%M-%SZ");
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "touchpoint", NULL);
  g_autofree char *name = g_strdup (strrchr (tp_database_get_display_name (self->db), '/') + 1);
  g_autofree char *candidate = NULL;
  g_autoptr(Schema) schema = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_strcanon (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", '-');
  for (guint n = 1; candidate == NULL || g_file_test (candidate, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *base = NULL;

      g_free (candidate);
      if (n == 1)
        base = g_strdup_printf ("team-%s.before-restore-%s.json", name, stamp);
      else
        base = g_strdup_printf ("team-%s.before-restore-%s-%u.json", name, stamp, n);
      candidate = g_build_filename (folder, base, NULL);
    }

  file = g_file_new_for_path (candidate);
  schema = schema_load_model (&local_error);
  ok = schema != NULL && g_mkdir_with_parents (folder, 0700) == 0;
  if (ok)
    stream = g_file_create (file, G_FILE_CREATE_PRIVATE, self->cancellable, &local_error);
  ok = stream != NULL &&
       export_to_stream (self->db, schema, G_OUTPUT_STREAM (stream), &self->progress,
                         self->cancellable, &local_error) &&
       g_output_stream_close (G_OUTPUT_STREAM (stream), self->cancellable, &local_error);

  if (!ok)
    {
      g_file_delete (file, NULL, NULL);
      if (local_error != NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second what went wrong */
                   _("Could not keep a copy of the database in “%s”, so nothing was "
                     "restored: %s"),
                   candidate, local_error != NULL ? local_error->message : g_strerror (errno));
      return FALSE;
    }

  *copy_path = g_steal_pointer (&candidate);

  return TRUE;
}

/* The second pass, in one transaction: replaces every row. */
static gboolean
load (Restore  *self,
      char    **copy_path,
      GError  **error)
{
  Schema *schema = self->schema;
  const char *path = tp_database_get_path (self->db);
  g_autofree char *broken_table = NULL;
  g_autofree char *broken_parent = NULL;
  GError *local_error = NULL;
  gint64 broken_id = 0;

  /* Indexes and triggers go while the rows are loaded (the figures they
   * keep were computed during validation) and come back afterwards. */
  if (!tp_database_begin_load (self->db, error))
    return FALSE;

  if (tp_database_is_server (self->db))
    {
      progress_range (&self->progress, 0.35, 0.45);
      if (!keep_team_copy (self, copy_path, error))
        goto failed;
    }
  else if (!g_str_equal (path, ":memory:"))
    {
      progress_range (&self->progress, 0.35, 0.45);
      if (!copy_aside (self, copy_path, error))
        goto failed;
    }

  for (guint i = schema->tables->len; i > 0; i--)
    {
      Table *table = g_ptr_array_index (schema->tables, i - 1);
      g_autofree char *quoted = quote_identifier (table->name);
      g_autofree char *sql = g_strconcat ("DELETE FROM ", quoted, NULL);

      if (!tp_database_exec (self->db, sql, error))
        goto failed;
    }

  progress_range (&self->progress, 0.45, 0.9);
  self->loading = TRUE;
  self->rows_since_check = 0;
  self->bytes_total = 0;
  for (guint i = 0; i < schema->tables->len; i++)
    self->bytes_total += self->states[i].end - self->states[i].offset;

  for (guint i = 0; i < schema->tables->len; i++)
    {
      if (!seek_and_process (self, (int)i, error))
        goto failed;
    }

  progress_report (&self->progress, 1.0);
  progress_range (&self->progress, 0.9, 0.98);
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error) ||
      !tp_database_end_load (self->db, error))
    goto failed;

  /* What the triggers keep for Results, from the rows just loaded (with
   * the indexes back) */
  if (!tp_database_exec (self->db, _tp_migrations_results_rebuild (), error))
    goto failed;

  progress_report (&self->progress, 1.0);
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    goto failed;

  /* The rows went in with SQLite's foreign keys off; every reference is
   * checked once more before anything is committed, whatever the first
   * pass may have missed. */
  if (tp_database_find_broken_reference (self->db, &broken_table, &broken_id, &broken_parent,
                                         &local_error))
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, broken_id);
      g_autofree char *message = g_strdup_printf (/* Translators: the first %s is a number, the
                                                   * second and third the names of tables */
                                                  _("the row with id %s in “%s” refers to a row "
                                                    "of “%s” that is not in the backup"),
                                                  id, broken_table, broken_parent);

      fail_file (&self->reader, error, TP_BACKUP_ERROR_INVALID, message);
      goto failed;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto failed;
    }

  progress_range (&self->progress, 0.98, 1.0);
  if (!tp_database_commit (self->db, error))
    goto failed_closed;

  progress_report (&self->progress, 1.0);

  return TRUE;

failed:
  tp_database_rollback (self->db);
failed_closed:
  if (*copy_path != NULL)
    {
      g_unlink (*copy_path);
      g_clear_pointer (copy_path, g_free);
    }
  return FALSE;
}

/**
 * tp_backup_restore:
 * @db: the database to replace the contents of
 * @file: a backup written by tp_backup_export()
 * @saved_copy: (out) (optional) (nullable): where to put the name of the
 *   copy of the old database, %NULL for an in-memory database
 * @progress: (nullable) (scope call): called as the work goes on
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces every row of @db with the rows of @file.
 *
 * The whole file is validated first (its format and version, the type of
 * every value, required fields, enum values, times, duplicate ids and
 * references between tables); a problem is reported with the file, line
 * and field, and nothing is changed. Then the database is copied beside
 * itself ("touchpoint.db.before-restore-2026-11-28T12-00-00Z"; a team
 * database as a backup in Touchpoint's data folder,
 * "team-shop.before-restore-….json") and its contents are replaced in one
 * transaction, which a failure or a cancellation rolls back entirely.
 * Either engine restores a backup made on either.
 *
 * @db must not be inside a transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_backup_restore (TpDatabase            *db,
                   GFile                 *file,
                   char                 **saved_copy,
                   TpBackupProgressFunc   progress,
                   gpointer               progress_data,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autofree char *copy_path = NULL;
  Restore self;
  gboolean ok = FALSE;

  g_return_val_if_fail (TP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (tp_database_get_depth (db) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (saved_copy != NULL)
    *saved_copy = NULL;

  if (!restore_init (&self, db, file, cancellable, error))
    {
      restore_clear (&self);
      return FALSE;
    }

  self.progress = (Progress) { progress, progress_data, 0.0, 0.35, -1 };

  if (validate (&self, error))
    ok = load (&self, &copy_path, error);

  restore_clear (&self);

  if (ok && saved_copy != NULL)
    *saved_copy = g_steal_pointer (&copy_path);

  return ok;
}

/* Copy */

/* INSERT INTO table (…) VALUES (?1, …), (…), … for @rows rows */
static char *
insert_rows_sql (Table *table,
                 guint  rows)
{
  GString *sql = g_string_new (table->insert_sql);

  for (guint k = 1; k < rows; k++)
    {
      g_string_append (sql, ", (");
      for (guint i = 0; i < table->n_columns; i++)
        g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", k * table->n_columns + i + 1);
      g_string_append_c (sql, ')');
    }

  return g_string_free (sql, FALSE);
}

/* Inserts the first @rows rows of @values (rows × columns, NULL for
 * NULL) into @table of @target. */
static gboolean
copy_rows (TpDatabase  *target,
           Table       *table,
           GVariant   **values,
           guint        rows,
           GError     **error)
{
  g_autofree char *sql = insert_rows_sql (table, rows);
  TpStatement *stmt = tp_database_prepare (target, sql, error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;

  for (guint k = 0; k < rows * table->n_columns; k++)
    tp_statement_bind_value (stmt, (int)k + 1, values[k]);
  tp_statement_step (stmt, &local_error);
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
copy_table (TpDatabase    *source,
            TpDatabase    *target,
            Table         *table,
            Progress      *progress,
            gint64        *rows_done,
            gint64         rows_total,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree GVariant **values = g_new0 (GVariant *, BATCH_ROWS * table->n_columns);
  GError *local_error = NULL;
  TpStatement *stmt;
  guint pending = 0;
  gboolean ok = TRUE;

  stmt = tp_database_prepare (source, table->select_sql, error);
  if (stmt == NULL)
    return FALSE;

  while (ok && tp_statement_step (stmt, &local_error))
    {
      for (guint i = 0; i < table->n_columns; i++)
        values[pending * table->n_columns + i] = tp_statement_dup_value (stmt, (int)i);

      if (++pending == BATCH_ROWS)
        {
          ok = copy_rows (target, table, values, pending, error);
          for (guint k = 0; k < pending * table->n_columns; k++)
            g_clear_pointer (&values[k], g_variant_unref);
          pending = 0;
        }

      if (ok && ++(*rows_done) % ROWS_PER_CHECK == 0)
        {
          ok = !g_cancellable_set_error_if_cancelled (cancellable, error);
          progress_report (progress, (double)*rows_done / (double)MAX (rows_total, 1));
        }
    }
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      ok = FALSE;
    }

  if (ok && pending > 0)
    ok = copy_rows (target, table, values, pending, error);
  for (guint k = 0; k < pending * table->n_columns; k++)
    g_clear_pointer (&values[k], g_variant_unref);

  return ok;
}

/* The target of a copy: a new file, or a team database that holds no
 * rows (an empty server database gets the schema when it is opened). */
static TpDatabase *
open_copy_target (const char  *target,
                  gboolean    *created,
                  Schema      *schema,
                  GError     **error)
{
  g_autoptr(TpDatabase) db = NULL;
  gboolean is_server = tp_database_path_is_server (target);

  *created = FALSE;
  if (!is_server && g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TP_BACKUP_ERROR, TP_BACKUP_ERROR_TARGET_NOT_EMPTY,
                   /* Translators: %s is a file name */
                   _("“%s” already exists. Copy the business to a new file, so that no "
                     "other file is changed."),
                   target);
      return NULL;
    }

  db = tp_database_open (target, error);
  if (db == NULL)
    return NULL;
  *created = !is_server;

  for (guint i = 0; i < schema->tables->len; i++)
    {
      if (count_rows_statement (db, g_ptr_array_index (schema->tables, i)) > 0)
        {
          g_set_error (error, TP_BACKUP_ERROR, TP_BACKUP_ERROR_TARGET_NOT_EMPTY,
                       /* Translators: %s is a database address */
                       _("“%s” already holds a business. Copy into an empty database, so "
                         "that nothing there is replaced."),
                       tp_database_get_display_name (db));
          return NULL;
        }
    }

  return g_steal_pointer (&db);
}

/* A file the copy made and could not fill goes again, with SQLite's
 * working files. */
static void
remove_created_file (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_remove (name);
    }
}

/**
 * tp_backup_copy:
 * @source: the database to copy
 * @target: a file name that does not exist yet, or the URI of a team
 *   database that holds no business
 * @progress: (nullable) (scope call): called as the work goes on
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Copies every row of every table of @source, from one consistent
 * snapshot, into @target in one transaction: either engine to either.
 * A target that already exists (a file) or holds rows (a team database)
 * is refused with %TP_BACKUP_ERROR_TARGET_NOT_EMPTY and left as it is.
 * If the copy fails or is cancelled, nothing of it is committed: a team
 * database is left without rows, and a file the copy made is removed.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_backup_copy (TpDatabase            *source,
                const char            *target,
                TpBackupProgressFunc   progress,
                gpointer               progress_data,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autoptr(Schema) schema = NULL;
  g_autoptr(TpDatabase) dest = NULL;
  Progress report = { progress, progress_data, 0.0, 1.0, -1 };
  gboolean created = FALSE;
  gboolean ok = FALSE;
  gint64 rows_total = 0;
  gint64 rows_done = 0;

  g_return_val_if_fail (TP_IS_DATABASE (source), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (tp_database_get_depth (source) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  schema = schema_load_model (error);
  if (schema == NULL)
    return FALSE;

  dest = open_copy_target (target, &created, schema, error);
  if (dest == NULL)
    return FALSE;

  progress_report (&report, 0.0);

  /* Every table from the same moment */
  if (tp_database_begin_read (source, error))
    {
      for (guint i = 0; i < schema->tables->len; i++)
        rows_total += count_rows_statement (source, g_ptr_array_index (schema->tables, i));

      if (tp_database_begin_load (dest, error))
        {
          ok = TRUE;
          for (guint i = 0; ok && i < schema->tables->len; i++)
            ok = copy_table (source, dest, g_ptr_array_index (schema->tables, i), &report,
                             &rows_done, rows_total, cancellable, error);

          /* What the triggers keep for Results is worked out again */
          ok = ok && !g_cancellable_set_error_if_cancelled (cancellable, error) &&
               tp_database_end_load (dest, error) &&
               tp_database_exec (dest, _tp_migrations_results_rebuild (), error) &&
               !g_cancellable_set_error_if_cancelled (cancellable, error);
          if (ok)
            ok = tp_database_commit (dest, error);
          else
            tp_database_rollback (dest);
        }

      tp_database_commit (source, NULL);
    }

  if (!ok && created)
    {
      g_clear_object (&dest);
      remove_created_file (target);
    }

  if (ok)
    progress_report (&report, 1.0);

  return ok;
}

/* Asynchronous variants: a worker thread with its own connection, and
 * progress reported in the caller's main context. */

typedef struct
{
  GMainContext         *context;
  TpBackupProgressFunc  func;
  gpointer              data;
  GDestroyNotify        destroy;
} ProgressTarget;

typedef struct
{
  ProgressTarget *target;
  double          fraction;
} ProgressUpdate;

static void
progress_target_clear (gpointer data)
{
  ProgressTarget *target = data;

  if (target->destroy != NULL)
    target->destroy (target->data);
  g_main_context_unref (target->context);
}

static gboolean
progress_update_dispatch (gpointer data)
{
  ProgressUpdate *update = data;

  update->target->func (update->fraction, update->target->data);

  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_atomic_rc_box_release_full (update->target, progress_target_clear);
  g_free (update);
}

static void
progress_to_context (double   fraction,
                     gpointer data)
{
  ProgressTarget *target = data;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  update->target = g_atomic_rc_box_acquire (target);
  update->fraction = fraction;

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_update_dispatch, update, progress_update_free);
  g_source_set_static_name (source, "[touchpoint] backup progress");
  g_source_attach (source, target->context);
}

typedef struct
{
  GMainContext   *context;
  char           *db_path;
  char           *copy_target;
  GFile          *file;
  ProgressTarget *target;
  char           *saved_copy;
} TaskData;

static void
task_data_free_here (gpointer data)
{
  TaskData *task_data = data;

  g_free (task_data->db_path);
  g_free (task_data->copy_target);
  g_clear_object (&task_data->file);
  if (task_data->target != NULL)
    g_atomic_rc_box_release_full (task_data->target, progress_target_clear);
  g_free (task_data->saved_copy);
  g_main_context_unref (task_data->context);
  g_free (task_data);
}

static gboolean
do_nothing (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* The worker may hold the last reference to the task. The progress data
 * (the import dialog) belongs to the caller's thread, so it is released
 * in its context, never on the worker. */
static void
task_data_free (gpointer data)
{
  TaskData *task_data = data;
  g_autoptr(GSource) source = NULL;

  if (g_main_context_is_owner (task_data->context))
    {
      task_data_free_here (task_data);
      return;
    }

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, do_nothing, task_data, task_data_free_here);
  g_source_set_static_name (source, "[touchpoint] backup task release");
  g_source_attach (source, task_data->context);
}

static GTask *
task_new (const char           *db_path,
          GFile                *file,
          TpBackupProgressFunc  progress,
          gpointer              progress_data,
          GDestroyNotify        progress_data_destroy,
          GCancellable         *cancellable,
          GAsyncReadyCallback   callback,
          gpointer              user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  TaskData *data = g_new0 (TaskData, 1);

  data->context = g_main_context_ref_thread_default ();
  data->db_path = g_strdup (db_path);
  data->file = file != NULL ? g_object_ref (file) : NULL;
  if (progress != NULL)
    {
      data->target = g_atomic_rc_box_new0 (ProgressTarget);
      data->target->context = g_main_context_ref_thread_default ();
      data->target->func = progress;
      data->target->data = progress_data;
      data->target->destroy = progress_data_destroy;
    }
  else if (progress_data_destroy != NULL)
    {
      progress_data_destroy (progress_data);
    }

  /* The result stands even if the user cancels after the last step. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, task_data_free);

  return task;
}

/* A worker's big, one-off allocations (the page cache of its connection,
 * the sorting of index builds) would otherwise stay in the heap of the
 * app after it finishes. */
static void
give_back_memory (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(TpDatabase) db = NULL;
  GError *error = NULL;

  db = tp_database_open_full (data->db_path, TP_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL &&
      tp_backup_export (db, data->file,
                        data->target != NULL ? progress_to_context : NULL, data->target,
                        cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  g_clear_object (&db);
  give_back_memory ();
}

/**
 * tp_backup_export_async:
 * @db_path: the database file (the worker opens its own connection)
 * @file: the JSON file to write
 * @progress: (nullable): called in the thread-default main context of the
 *   caller as the work goes on
 * @progress_data: data for @progress
 * @progress_data_destroy: (nullable): frees @progress_data at the end
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the export is done
 * @user_data: data for @callback
 *
 * Runs tp_backup_export() on a worker thread.
 */
void
tp_backup_export_async (const char            *db_path,
                        GFile                 *file,
                        TpBackupProgressFunc   progress,
                        gpointer               progress_data,
                        GDestroyNotify         progress_data_destroy,
                        GCancellable          *cancellable,
                        GAsyncReadyCallback    callback,
                        gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = task_new (db_path, file, progress, progress_data, progress_data_destroy,
                   cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_backup_export_async);
  g_task_run_in_thread (task, export_thread);
}

/**
 * tp_backup_export_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the backup was written
 */
gboolean
tp_backup_export_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tp_backup_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(TpDatabase) db = NULL;
  GError *error = NULL;

  db = tp_database_open_full (data->db_path, TP_DATABASE_OPEN_EXISTING, &error);
  if (db != NULL &&
      tp_backup_restore (db, data->file, &data->saved_copy,
                         data->target != NULL ? progress_to_context : NULL, data->target,
                         cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  g_clear_object (&db);
  give_back_memory ();
}

/**
 * tp_backup_restore_async:
 * @db_path: the database file (the worker opens its own connection)
 * @file: a backup
 * @progress: (nullable): called in the thread-default main context of the
 *   caller as the work goes on
 * @progress_data: data for @progress
 * @progress_data_destroy: (nullable): frees @progress_data at the end
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the restore is done
 * @user_data: data for @callback
 *
 * Runs tp_backup_restore() on a worker thread. Other connections to the
 * database see the new contents once it finishes; a #TpStore should then
 * be told with tp_store_notify_external_change().
 */
void
tp_backup_restore_async (const char            *db_path,
                         GFile                 *file,
                         TpBackupProgressFunc   progress,
                         gpointer               progress_data,
                         GDestroyNotify         progress_data_destroy,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = task_new (db_path, file, progress, progress_data, progress_data_destroy,
                   cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_backup_restore_async);
  g_task_run_in_thread (task, restore_thread);
}

/**
 * tp_backup_restore_finish:
 * @result: the result passed to the callback
 * @saved_copy: (out) (optional) (nullable): where to put the name of the
 *   copy of the old database
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the backup was restored
 */
gboolean
tp_backup_restore_finish (GAsyncResult  *result,
                          char         **saved_copy,
                          GError       **error)
{
  TaskData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tp_backup_restore_async, FALSE);

  if (saved_copy != NULL)
    *saved_copy = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (saved_copy != NULL)
    *saved_copy = g_strdup (data->saved_copy);

  return TRUE;
}

static void
copy_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(TpDatabase) db = NULL;
  GError *error = NULL;

  db = tp_database_open_full (data->db_path, TP_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL &&
      tp_backup_copy (db, data->copy_target,
                      data->target != NULL ? progress_to_context : NULL, data->target, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  g_clear_object (&db);
  give_back_memory ();
}

/**
 * tp_backup_copy_async:
 * @db_path: the database to copy (the worker opens its own connection)
 * @target: a file name that does not exist yet, or the URI of an empty
 *   team database
 * @progress: (nullable): called in the thread-default main context of the
 *   caller as the work goes on
 * @progress_data: data for @progress
 * @progress_data_destroy: (nullable): frees @progress_data at the end
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the copy is done
 * @user_data: data for @callback
 *
 * Runs tp_backup_copy() on a worker thread.
 */
void
tp_backup_copy_async (const char            *db_path,
                      const char            *target,
                      TpBackupProgressFunc   progress,
                      gpointer               progress_data,
                      GDestroyNotify         progress_data_destroy,
                      GCancellable          *cancellable,
                      GAsyncReadyCallback    callback,
                      gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (target != NULL);

  task = task_new (db_path, NULL, progress, progress_data, progress_data_destroy,
                   cancellable, callback, user_data);
  data = g_task_get_task_data (task);
  data->copy_target = g_strdup (target);
  g_task_set_source_tag (task, tp_backup_copy_async);
  g_task_run_in_thread (task, copy_thread);
}

/**
 * tp_backup_copy_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the business was copied
 */
gboolean
tp_backup_copy_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tp_backup_copy_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
