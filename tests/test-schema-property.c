/* test-schema-property.c
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

/*
 * The schema description against every path that stores a value: the
 * store, backup export and restore, CSV export and import, and the SQL
 * the migrations create.
 *
 * The property test walks every column of every table the store writes
 * with edge and random values. What the store accepts must come back
 * identical through a backup and, for the tables CSV covers, through a
 * CSV export and import; what it refuses, restore and CSV import must
 * refuse with the same message (after their file, line and field).
 */

#define G_LOG_DOMAIN "test-schema-property"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "tp-backup.h"
#include "tp-core-enum-types.h"
#include "tp-csv.h"
#include "tp-database.h"
#include "tp-sample.h"
#include "tp-schema.h"
#include "tp-store.h"

#include <sqlite3.h>

typedef struct
{
  char *dir;
  guint n_files;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tp-schema-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }

  g_rmdir (f->dir);
  g_free (f->dir);
}

/* A new file name in the fixture's directory */
static char *
new_path (Fixture    *f,
          const char *stem)
{
  return g_strdup_printf ("%s/%s-%u", f->dir, stem, f->n_files++);
}

static TpDatabase *
new_database (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path (f, "db");
  TpDatabase *db = tp_database_open (path, &error);

  g_assert_no_error (error);
  /* Durability is not what is tested here: keep the test quick on a
   * busy disk */
  g_assert_cmpint (sqlite3_exec (tp_database_get_handle (db), "PRAGMA synchronous = OFF", NULL,
                                 NULL, NULL), ==, SQLITE_OK);
  return db;
}

static void
exec_sql (TpDatabase *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (tp_database_get_handle (db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
count_rows (TpDatabase *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (tp_database_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static GFile *
export_backup (Fixture    *f,
               TpDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path (f, "backup");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tp_backup_export (db, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

static GFile *
write_file (Fixture    *f,
            const char *stem,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path (f, stem);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static TpCsvReport *
import_csv (TpDatabase  *db,
            GFile       *file,
            TpCsvTable   table,
            GError     **error)
{
  g_autoptr(TpCsvImporter) importer = tp_csv_importer_new (file, table);

  if (!tp_csv_importer_load (importer, 0, NULL, error))
    return NULL;
  return tp_csv_importer_run (importer, db, NULL, NULL, NULL, error);
}

/* Every row of @table (or of every table) with the type of each value,
 * @columns (a comma-separated list, or "*") in order of id */
static char *
dump (TpDatabase *db,
      const char *table,
      const char *columns)
{
  sqlite3 *handle = tp_database_get_handle (db);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY id", columns, table);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          int type = sqlite3_column_type (stmt, c);

          g_string_append_printf (out, "%s%s=%d:", c > 0 ? "|" : "", sqlite3_column_name (stmt, c),
                                  type);
          if (type == SQLITE_INTEGER)
            g_string_append_printf (out, "%" G_GINT64_FORMAT,
                                    (gint64)sqlite3_column_int64 (stmt, c));
          else if (type == SQLITE_TEXT)
            g_string_append_len (out, (const char *)sqlite3_column_text (stmt, c),
                                 sqlite3_column_bytes (stmt, c));
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dump_all (TpDatabase *db)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const TpSchemaTable *tables;
  guint n_tables;

  tables = tp_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    {
      /* The ids of the days counted are an accident of the order of
       * writing; what they count is not */
      g_autofree char *rows = g_str_equal (tables[t].name, "results_days")
                              ? dump (db, "(SELECT day AS id, tactic_id, place_id, audience_id,"
                                          " n_touches FROM results_days WHERE n_touches != 0)",
                                      "*")
                              : dump (db, tables[t].name, "*");

      g_string_append_printf (out, "%s:\n%s", tables[t].name, rows);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The created SQL holds every table and column of the description, with
 * the same order, type, NOT NULL, default and reference. */
static void
test_migrations (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TpDatabase) db = new_database (f);
  sqlite3 *handle = tp_database_get_handle (db);
  const TpSchemaTable *tables;
  guint n_tables;

  tables = tp_schema_get_tables (&n_tables);
  g_assert_cmpuint (n_tables, ==, 13);

  for (guint t = 0; t < n_tables; t++)
    {
      const TpSchemaTable *table = &tables[t];
      sqlite3_stmt *stmt = NULL;
      guint c = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                           "SELECT name, type, \"notnull\", dflt_value, pk "
                                           "FROM pragma_table_info (?1) ORDER BY cid",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_STATIC);
      for (; sqlite3_step (stmt) == SQLITE_ROW; c++)
        {
          const TpSchemaColumn *column;
          const char *type = (const char *)sqlite3_column_text (stmt, 1);
          const char *dflt = (const char *)sqlite3_column_text (stmt, 3);
          gboolean integer;

          g_assert_cmpuint (c, <, table->n_columns);
          column = &table->columns[c];
          g_test_message ("%s.%s", table->name, column->name);
          g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, column->name);

          integer = column->kind == TP_SCHEMA_ID || column->kind == TP_SCHEMA_INT ||
                    column->kind == TP_SCHEMA_REF || column->kind == TP_SCHEMA_BOOL;
          g_assert_cmpstr (type, ==, integer ? "INTEGER" : "TEXT");
          g_assert_cmpint (sqlite3_column_int (stmt, 4) != 0, ==, column->kind == TP_SCHEMA_ID);
          if (column->kind != TP_SCHEMA_ID)
            g_assert_cmpint (sqlite3_column_int (stmt, 2) != 0, ==,
                             !(column->flags & TP_SCHEMA_NULLABLE));

          if (column->default_value == NULL)
            {
              g_assert_null (dflt);
            }
          else
            {
              g_autofree char *expected = integer ? g_strdup (column->default_value)
                                                  : g_strdup_printf ("'%s'", column->default_value);

              g_assert_cmpstr (dflt, ==, expected);
            }
        }
      sqlite3_finalize (stmt);
      g_assert_cmpuint (c, ==, table->n_columns);

      /* References: the table, and what a delete does */
      g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                           "SELECT \"from\", \"table\", \"to\", on_delete "
                                           "FROM pragma_foreign_key_list (?1)",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_STATIC);
      c = 0;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const TpSchemaColumn *column;

          column = tp_schema_table_find_column (table, (const char *)sqlite3_column_text (stmt, 0));
          g_assert_nonnull (column);
          g_assert_cmpint (column->kind, ==, TP_SCHEMA_REF);
          g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==, column->ref_table);
          g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 2), ==, "id");
          g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 3), ==,
                           column->flags & TP_SCHEMA_CASCADE ? "CASCADE" : "SET NULL");
          c++;
        }
      sqlite3_finalize (stmt);

      for (guint i = 0; i < table->n_columns; i++)
        if (table->columns[i].kind == TP_SCHEMA_REF)
          c--;
      g_assert_cmpuint (c, ==, 0);
    }
}

/* One form, four-digit years, UTC, and a range with refusals past it */
static void
test_times (void)
{
  static const struct
  {
    const char *in;
    const char *out;  /* NULL: refused */
  } cases[] = {
    { "0999-03-01", "0999-03-01T00:00:00Z" },
    { "0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z" },
    { "9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z" },
    { "0099-12-31T23:59:59+00:00", "0099-12-31T23:59:59Z" },
    { "2026-11-28T13:30:00+01:30", "2026-11-28T12:00:00Z" },
    { "2026-11-28T12:00:00.999Z", "2026-11-28T12:00:00Z" },
    { "1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z" },
    { "0001-01-01T00:30:00+01:00", NULL },
    { "9999-12-31T23:00:00-05:00", NULL },
    { "0000-12-31T23:59:59Z", NULL },
    { "10000-01-01T00:00:00Z", NULL },
    { "0000-01-01", NULL },
    { "2026-02-29", NULL },
    { "999-03-01T00:00:00Z", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normal = tp_schema_normalize_time (cases[i].in);

      g_test_message ("%s", cases[i].in);
      g_assert_cmpstr (normal, ==, cases[i].out);
      if (normal != NULL)
        g_assert_true (tp_schema_time_is_canonical (normal, strlen (normal)));
    }

  for (gint64 t = TP_SCHEMA_UNIX_TIME_MIN; t <= TP_SCHEMA_UNIX_TIME_MAX;
       t += G_GINT64_CONSTANT (86400) * 997 + 3607)
    {
      char text[TP_SCHEMA_TIME_LENGTH + 1];
      g_autoptr(GDateTime) parsed = NULL;

      g_assert_true (tp_schema_format_unix_time (t, text));
      parsed = tp_schema_parse_time (text);
      g_assert_nonnull (parsed);
      g_assert_cmpint (g_date_time_to_unix (parsed), ==, t);
    }

  {
    char text[TP_SCHEMA_TIME_LENGTH + 1];

    g_assert_true (tp_schema_format_unix_time (TP_SCHEMA_UNIX_TIME_MIN, text));
    g_assert_cmpstr (text, ==, TP_SCHEMA_TIME_MIN);
    g_assert_true (tp_schema_format_unix_time (TP_SCHEMA_UNIX_TIME_MAX, text));
    g_assert_cmpstr (text, ==, TP_SCHEMA_TIME_MAX);
    g_assert_false (tp_schema_format_unix_time (TP_SCHEMA_UNIX_TIME_MIN - 1, text));
    g_assert_false (tp_schema_format_unix_time (TP_SCHEMA_UNIX_TIME_MAX + 1, text));
  }
}

static gint64
add_customer (TpStore    *store,
              const char *name)
{
  g_autoptr(TpCustomer) customer = tp_customer_new ();
  g_autoptr(GError) error = NULL;

  tp_customer_set_name (customer, name);
  tp_store_add_customer (store, customer, &error);
  g_assert_no_error (error);
  return tp_record_get_id (TP_RECORD (customer));
}

/* Issue 14, case 2: a touch dated 0999-03-01 in a CSV file is stored with
 * a four-digit year, sorts before this century, and the database's own
 * backup restores. */
static void
test_year_0999 (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TpDatabase) db = new_database (f);
  g_autoptr(TpDatabase) target = new_database (f);
  g_autoptr(TpStore) store = tp_store_new (db);
  g_autoptr(GFile) csv = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *touches = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 old, recent;

  old = add_customer (store, "Old");
  recent = add_customer (store, "Recent");
  contents = g_strdup_printf ("customer_id,happened_at,channel\n"
                              "%" G_GINT64_FORMAT ",0999-03-01,call\n"
                              "%" G_GINT64_FORMAT ",2026-03-01,call\n"
                              "%" G_GINT64_FORMAT ",0999-03-02,email\n",
                              old, recent, recent);
  csv = write_file (f, "touches.csv", contents, -1);
  report = import_csv (db, csv, TP_CSV_TABLE_TOUCHES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tp_csv_report_get_imported (report), ==, 3);

  touches = dump (db, "touches", "happened_at");
  g_assert_cmpstr (touches, ==,
                   "happened_at=3:0999-03-01T00:00:00Z\n"
                   "happened_at=3:2026-03-01T00:00:00Z\n"
                   "happened_at=3:0999-03-02T00:00:00Z\n");
  /* The last touch of "Recent" is the one of 2026 */
  customers = dump (db, "customers", "name, last_touch_at");
  g_assert_cmpstr (customers, ==,
                   "name=3:Old|last_touch_at=3:0999-03-01T00:00:00Z\n"
                   "name=3:Recent|last_touch_at=3:2026-03-01T00:00:00Z\n");

  backup = export_backup (f, db);
  tp_backup_restore (target, backup, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  before = dump_all (db);
  after = dump_all (target);
  g_assert_cmpstr (after, ==, before);
}

/* Issue 14, case 3: an amount above the store's largest is refused by
 * the store, CSV import and restore, in the same words. */
static void
test_amount_limit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TpDatabase) db = new_database (f);
  g_autoptr(TpStore) store = tp_store_new (db);
  g_autoptr(TpOrder) order = tp_order_new ();
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GError) csv_error = NULL;
  g_autoptr(GError) backup_error = NULL;
  g_autoptr(GFile) csv = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *json = NULL;
  g_autofree char *bad_json = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) bad_backup = NULL;
  const char *expected = "“Amount” must be between 0 and 1000000000000000.";
  gint64 customer;
  char *at;

  customer = add_customer (store, "Ada");

  /* The largest amount is stored */
  tp_order_set_customer_id (order, customer);
  tp_order_set_item (order, "Ship");
  tp_order_set_currency (order, "EUR");
  tp_order_set_amount_minor (order, TP_SCHEMA_MAX_AMOUNT_MINOR);
  tp_store_add_order (store, order, &store_error);
  g_assert_no_error (store_error);

  /* One more is not */
  g_clear_object (&order);
  order = tp_order_new ();
  tp_order_set_customer_id (order, customer);
  tp_order_set_item (order, "Ship");
  tp_order_set_currency (order, "EUR");
  tp_order_set_amount_minor (order, TP_SCHEMA_MAX_AMOUNT_MINOR + 1);
  g_assert_false (tp_store_add_order (store, order, &store_error));
  g_assert_error (store_error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
  g_assert_cmpstr (store_error->message, ==, expected);

  before = dump_all (db);

  contents = g_strdup_printf ("customer_id,ordered_at,item,amount_minor,currency\n"
                              "%" G_GINT64_FORMAT ",2026-01-01,Tea,1000000000000001,EUR\n",
                              customer);
  csv = write_file (f, "orders.csv", contents, -1);
  report = import_csv (db, csv, TP_CSV_TABLE_ORDERS, &csv_error);
  g_assert_null (report);
  g_assert_error (csv_error, TP_CSV_ERROR, TP_CSV_ERROR_REJECTED);
  g_assert_true (g_str_has_suffix (csv_error->message,
                                   ": line 2: field “amount_minor”: “Amount” must be between 0 and "
                                   "1000000000000000."));

  /* A backup that holds one more than the largest */
  backup = export_backup (f, db);
  g_assert_true (g_file_load_contents (backup, NULL, &json, NULL, NULL, NULL));
  at = strstr (json, "\"amount_minor\":1000000000000000,");
  g_assert_nonnull (at);
  bad_json = g_strdup_printf ("%.*s\"amount_minor\":1000000000000001,%s", (int)(at - json), json,
                              at + strlen ("\"amount_minor\":1000000000000000,"));
  bad_backup = write_file (f, "bad.json", bad_json, -1);
  tp_backup_restore (db, bad_backup, NULL, NULL, NULL, NULL, &backup_error);
  g_assert_error (backup_error, TP_BACKUP_ERROR, TP_BACKUP_ERROR_INVALID);
  g_assert_true (g_str_has_suffix (backup_error->message,
                                   ": field “amount_minor”: “Amount” must be between 0 and "
                                   "1000000000000000."));

  after = dump_all (db);
  g_assert_cmpstr (after, ==, before);
}

/* Every value of the small sample business passes the schema: its own
 * backup restores, and each table comes back as it was */
static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TpDatabase) db = new_database (f);
  g_autoptr(TpDatabase) target = new_database (f);
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (tp_sample_fill (db, TP_SAMPLE_SIZE_SMALL, &error));
  g_assert_no_error (error);

  backup = export_backup (f, db);
  tp_backup_restore (target, backup, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  before = dump_all (db);
  after = dump_all (target);
  g_assert_cmpstr (after, ==, before);
}

/* The property test */

typedef struct
{
  GValue      value;     /* G_TYPE_INT64, G_TYPE_STRING or unset for NULL */
  const char *why;
} Candidate;

typedef struct
{
  const TpSchemaTable *table;
  GType              (*get_type) (void);
  int                  csv;     /* a TpCsvTable, or -1: not in CSV */
} StoreTable;

static StoreTable store_tables[] = {
  { NULL, tp_audience_get_type, -1 },
  { NULL, tp_place_get_type, -1 },
  { NULL, tp_brand_word_get_type, -1 },
  { NULL, tp_competitor_get_type, -1 },
  { NULL, tp_tactic_get_type, -1 },
  { NULL, tp_tactic_log_entry_get_type, -1 },
  { NULL, tp_customer_get_type, TP_CSV_TABLE_CUSTOMERS },
  { NULL, tp_touch_get_type, TP_CSV_TABLE_TOUCHES },
  { NULL, tp_order_get_type, TP_CSV_TABLE_ORDERS },
  { NULL, tp_brand_get_type, -1 },
};

static const char * const store_table_names[] = {
  "audiences", "audience_places", "brand_words", "competitors", "tactics", "tactic_log",
  "customers", "touches", "orders", "brand",
};

typedef struct
{
  Fixture    *fixture;
  GRand      *rand;
  TpDatabase *db;
  TpStore    *store;
  TpDatabase *target;       /* for restores that must fail */
  gint64      parents[3];   /* audience, tactic, customer */
  char       *base_backup;  /* one row of every table */
  guint       serial;
  guint       n_accepted;
  guint       n_refused;
  guint       n_csv_refused;
} Property;

static void
candidate_int (GPtrArray  *out,
               gint64      v,
               const char *why)
{
  Candidate *c = g_new0 (Candidate, 1);

  g_value_init (&c->value, G_TYPE_INT64);
  g_value_set_int64 (&c->value, v);
  c->why = why;
  g_ptr_array_add (out, c);
}

static void
candidate_text (GPtrArray  *out,
                const char *text,
                const char *why)
{
  Candidate *c = g_new0 (Candidate, 1);

  if (text != NULL)
    {
      g_value_init (&c->value, G_TYPE_STRING);
      g_value_set_string (&c->value, text);
    }
  c->why = why;
  g_ptr_array_add (out, c);
}

static void
candidate_take_text (GPtrArray  *out,
                     char       *text,
                     const char *why)
{
  candidate_text (out, text, why);
  g_free (text);
}

static void
candidate_free (gpointer data)
{
  Candidate *c = data;

  if (G_IS_VALUE (&c->value))
    g_value_unset (&c->value);
  g_free (c);
}

static char *
random_text (GRand *rand,
             guint  length)
{
  static const gunichar pool[] = {
    'a', 'Z', '7', ' ', ',', '"', '\'', '\\', '%', '?', ';', '\n', '\t',
    0x0301, 0x200b, 0x05d0, 0x05e9, 0x0627, 0x202e, 0x1f600, 0x1f469, 0x200d, 0xfeff,
    0x00e9, 0x4e2d, 0x0001, 0x001f, 0x007f, 0x0085, 0x2028, 0xfffd,
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < length; i++)
    g_string_append_unichar (out, pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))]);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
repeat (const char *unit,
        guint       n)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (out, unit);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The values to try in @column */
static GPtrArray *
candidates (GRand                *rand,
            const TpSchemaColumn *column)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (candidate_free);

  switch (column->kind)
    {
    case TP_SCHEMA_INT:
    case TP_SCHEMA_BOOL:
      candidate_int (out, column->min, "the lowest");
      candidate_int (out, column->max, "the highest");
      if (column->min > G_MININT64)
        candidate_int (out, column->min - 1, "one below the lowest");
      if (column->max < G_MAXINT64)
        candidate_int (out, column->max + 1, "one above the highest");
      candidate_int (out, G_MININT64, "the lowest gint64");
      candidate_int (out, G_MAXINT64, "the highest gint64");
      for (guint i = 0; i < 3; i++)
        candidate_int (out, column->min + (gint64)(g_rand_double (rand) *
                                                   ((double)column->max - (double)column->min)),
                       "random in the range");
      break;

    case TP_SCHEMA_TEXT:
      if (column->flags & TP_SCHEMA_CURRENCY)
        {
          candidate_text (out, "EUR", "a code");
          candidate_text (out, "JPY", "a code without decimals");
          candidate_text (out, "ZZZ", "any three capitals");
          candidate_text (out, "EU", "two letters");
          candidate_text (out, "EURO", "four letters");
          candidate_text (out, "€€€", "symbols");
          candidate_text (out, "E1R", "a digit");
          candidate_text (out, "ÄÖÜ", "capitals outside ASCII");
          break;
        }
      if (column->flags & TP_SCHEMA_EMAIL)
        {
          candidate_text (out, "", "empty");
          candidate_text (out, "ada@example.org", "an address");
          candidate_text (out, "zoë+\"x\"@łódź.example", "Unicode and quotes");
          candidate_text (out, "👩‍👩‍👧@🐕.example", "emoji");
          candidate_text (out, "ada at example", "no @");
          candidate_text (out, "a@b@c", "two @");
          candidate_text (out, " ada@example.org", "a leading space");
          candidate_text (out, "@example.org", "nothing before @");
          break;
        }
      candidate_text (out, "", "empty");
      candidate_text (out, "   ", "spaces");
      candidate_text (out, "\u00a0\u2003", "Unicode spaces");
      candidate_text (out, "x", "one letter");
      candidate_text (out, "  both ends  ", "spaces at both ends");
      candidate_text (out, "e\u0301\u0301 combining", "combining marks");
      candidate_text (out, "\u05e9\u05dc\u05d5\u05dd \u202eRTL\u202c", "right to left");
      candidate_text (out, "👩‍👩‍👧‍👦 🐕‍🦺 \U0001F1E9\U0001F1EA", "emoji sequences");
      candidate_text (out, "bell\a tab\t vt\v ff\f esc\x1b del\x7f", "control characters");
      candidate_text (out, "line\r\nline\rline\n", "line breaks");
      candidate_text (out, "=1+2 \"quoted\", 'single' \\ ;", "quotes and separators");
      candidate_take_text (out, repeat ("a", (guint)column->max), "the longest");
      candidate_take_text (out, repeat ("😀", (guint)column->max), "the longest, in emoji");
      candidate_take_text (out, repeat ("a", (guint)column->max + 1), "one too long");
      for (guint i = 0; i < 4; i++)
        candidate_take_text (out, random_text (rand, g_rand_int_range (rand, 1, 200)), "random");
      break;

    case TP_SCHEMA_TIME:
      candidate_text (out, TP_SCHEMA_TIME_MIN, "the first");
      candidate_text (out, TP_SCHEMA_TIME_MAX, "the last");
      candidate_text (out, "0999-03-01", "a year below 1000");
      candidate_text (out, "2026-11-28T13:30:00+01:30", "an offset");
      candidate_text (out, "2024-02-29T23:59:59Z", "a leap day");
      candidate_text (out, "0000-12-31T23:59:59Z", "one before the first");
      candidate_text (out, "10000-01-01T00:00:00Z", "one after the last");
      candidate_text (out, "0001-01-01T00:30:00+01:00", "before the first in UTC");
      candidate_text (out, "9999-12-31T23:00:00-05:00", "after the last in UTC");
      candidate_text (out, "2026-02-29T00:00:00Z", "no such day");
      candidate_text (out, "yesterday", "words");
      for (guint i = 0; i < 3; i++)
        {
          char text[TP_SCHEMA_TIME_LENGTH + 1];
          gint64 t = TP_SCHEMA_UNIX_TIME_MIN +
                     (gint64)(g_rand_double (rand) *
                              (double)(TP_SCHEMA_UNIX_TIME_MAX - TP_SCHEMA_UNIX_TIME_MIN));

          g_assert_true (tp_schema_format_unix_time (t, text));
          candidate_text (out, text, "random in the range");
        }
      if (column->flags & TP_SCHEMA_NULLABLE)
        candidate_text (out, NULL, "unset");
      break;

    case TP_SCHEMA_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (column->enum_type ());

        for (guint i = 0; i < klass->n_values; i++)
          candidate_text (out, klass->values[i].value_nick, "a value");
        candidate_text (out, "not-a-value", "an unknown value");
        candidate_text (out, "l\u00e9ad", "an unknown value with an accent");
        if (column->flags & TP_SCHEMA_NULLABLE)
          candidate_text (out, NULL, "unset");
      }
      break;

    case TP_SCHEMA_ID:
    case TP_SCHEMA_REF:
    default:
      break;
    }

  return out;
}

/* A valid value of each writable column, so that a row is stored */
static void
set_base_values (Property             *p,
                 GObject              *object,
                 const TpSchemaTable  *table)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      const TpSchemaColumn *column = &table->columns[c];

      if (column->kind == TP_SCHEMA_ID ||
          (column->flags & (TP_SCHEMA_DERIVED | TP_SCHEMA_AUTO | TP_SCHEMA_VERSIONED)))
        continue;

      switch (column->kind)
        {
        case TP_SCHEMA_TEXT:
          {
            /* Different in every row: some texts are unique */
            g_autofree char *text = g_strdup_printf ("Base %u", p->serial++);

            g_object_set (object, column->property,
                          column->flags & TP_SCHEMA_CURRENCY ? "EUR"
                          : column->flags & TP_SCHEMA_EMAIL ? "" : text, NULL);
          }
          break;

        case TP_SCHEMA_INT:
          g_object_set (object, column->property, CLAMP ((gint64)1, column->min, column->max), NULL);
          break;

        case TP_SCHEMA_BOOL:
          g_object_set (object, column->property, FALSE, NULL);
          break;

        case TP_SCHEMA_REF:
          g_object_set (object, column->property,
                        p->parents[g_str_equal (column->ref_table, "audiences") ? 0
                                   : g_str_equal (column->ref_table, "tactics") ? 1 : 2],
                        NULL);
          break;

        case TP_SCHEMA_ENUM:
          {
            g_autoptr(GEnumClass) klass = g_type_class_ref (column->enum_type ());

            g_object_set (object, column->property, klass->values[0].value, NULL);
            if (column->has_property != NULL)
              g_object_set (object, column->has_property, TRUE, NULL);
          }
          break;

        case TP_SCHEMA_TIME:
        case TP_SCHEMA_ID:
        default:
          break;
        }
    }
}

/* Sets @value on @object as the store's views would. Returns FALSE if the
 * property cannot hold it (an enum value that does not exist, a boolean
 * of 2): then only the text paths can be given it. */
static gboolean
set_value (GObject              *object,
           const TpSchemaColumn *column,
           const GValue         *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), column->property);

  g_assert_nonnull (pspec);

  if (!G_IS_VALUE (value))
    {
      if (column->has_property != NULL)
        g_object_set (object, column->has_property, FALSE, NULL);
      else
        g_object_set (object, column->property, NULL, NULL);
      return TRUE;
    }

  switch (column->kind)
    {
    case TP_SCHEMA_INT:
      {
        GParamSpecInt64 *range = G_PARAM_SPEC_INT64 (pspec);
        gint64 v = g_value_get_int64 (value);

        if (v < range->minimum || v > range->maximum)
          return FALSE;
        g_object_set (object, column->property, v, NULL);
      }
      return TRUE;

    case TP_SCHEMA_BOOL:
      if (g_value_get_int64 (value) != 0 && g_value_get_int64 (value) != 1)
        return FALSE;
      g_object_set (object, column->property, g_value_get_int64 (value) != 0, NULL);
      return TRUE;

    case TP_SCHEMA_ENUM:
      {
        int v;

        if (!tp_enum_from_nick (pspec->value_type, g_value_get_string (value), &v))
          return FALSE;
        g_object_set (object, column->property, v, NULL);
        if (column->has_property != NULL)
          g_object_set (object, column->has_property, TRUE, NULL);
      }
      return TRUE;

    case TP_SCHEMA_TEXT:
    case TP_SCHEMA_TIME:
      g_object_set (object, column->property, g_value_get_string (value), NULL);
      return TRUE;

    case TP_SCHEMA_ID:
    case TP_SCHEMA_REF:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
store_write (TpStore     *store,
             GObject     *object,
             GError     **error)
{
  if (TP_IS_AUDIENCE (object))
    return tp_store_add_audience (store, TP_AUDIENCE (object), error);
  if (TP_IS_PLACE (object))
    return tp_store_add_place (store, TP_PLACE (object), error);
  if (TP_IS_BRAND_WORD (object))
    return tp_store_add_brand_word (store, TP_BRAND_WORD (object), error);
  if (TP_IS_COMPETITOR (object))
    return tp_store_add_competitor (store, TP_COMPETITOR (object), error);
  if (TP_IS_TACTIC (object))
    return tp_store_add_tactic (store, TP_TACTIC (object), error);
  if (TP_IS_TACTIC_LOG_ENTRY (object))
    return tp_store_add_tactic_log_entry (store, TP_TACTIC_LOG_ENTRY (object), error);
  if (TP_IS_CUSTOMER (object))
    return tp_store_add_customer (store, TP_CUSTOMER (object), error);
  if (TP_IS_TOUCH (object))
    return tp_store_add_touch (store, TP_TOUCH (object), error);
  if (TP_IS_ORDER (object))
    return tp_store_add_order (store, TP_ORDER (object), error);
  if (TP_IS_BRAND (object))
    return tp_store_save_brand (store, TP_BRAND (object), error);
  g_assert_not_reached ();
}

static JsonNode *
value_to_json (const GValue *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  if (!G_IS_VALUE (value))
    json_node_init_null (node);
  else if (G_VALUE_HOLDS_INT64 (value))
    json_node_set_int (node, g_value_get_int64 (value));
  else
    json_node_set_string (node, g_value_get_string (value));

  return node;
}

/* Restore refuses @value in @column with @message after its field */
static void
assert_restore_refuses (Property             *p,
                        const TpSchemaTable  *table,
                        const TpSchemaColumn *column,
                        const GValue         *value,
                        const char           *message)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonNode *root;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *suffix = g_strdup_printf ("field “%s”: %s", column->name, message);
  JsonArray *rows;
  JsonObject *row;

  json_parser_load_from_data (parser, p->base_backup, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  rows = json_object_get_array_member (json_object_get_object_member (json_node_get_object (root),
                                                                     "tables"),
                                       table->name);
  g_assert_cmpuint (json_array_get_length (rows), >, 0);
  row = json_array_get_object_element (rows, json_array_get_length (rows) - 1);
  json_object_set_member (row, column->name, value_to_json (value));

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  file = write_file (p->fixture, "bad-backup", text, -1);

  /* A refused restore changes nothing, so one database serves them all */
  tp_backup_restore (p->target, file, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, TP_BACKUP_ERROR, TP_BACKUP_ERROR_INVALID);
  g_file_delete (file, NULL, NULL);
  if (!g_str_has_suffix (error->message, suffix))
    g_error ("restore said “%s”, not “… %s”", error->message, suffix);
}

static char *
csv_quote (const char *text)
{
  g_autoptr(GString) out = g_string_new ("\"");

  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* CSV import refuses @value in @column with @message after its field.
 * CSV reads an empty cell as no value and accepts other spellings of
 * enum values and currency codes (any case): those are not refusals. */
static void
assert_csv_refuses (Property             *p,
                    const StoreTable     *st,
                    const TpSchemaColumn *column,
                    const GValue         *value,
                    const char           *message)
{
  static const char * const base[] = {
    [TP_CSV_TABLE_CUSTOMERS] = "name",
    [TP_CSV_TABLE_TOUCHES] = "customer_id,happened_at,channel",
    [TP_CSV_TABLE_ORDERS] = "customer_id,ordered_at,item,amount_minor,currency",
  };
  g_autoptr(GString) header = g_string_new (NULL);
  g_autoptr(GString) row = g_string_new (NULL);
  g_autofree char *cell = NULL;
  g_autofree char *suffix = g_strdup_printf ("field “%s”: %s", column->name, message);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autofree char *count_sql = NULL;
  g_auto(GStrv) names = NULL;
  gint64 before, after;
  gboolean replaced = FALSE;

  /* CSV names references by their names, and does not read who did
   * what (a file from another tool knows no Touchpoint people) */
  if (st->csv < 0 || !G_IS_VALUE (value) || g_str_equal (column->name, "audience_id") ||
      g_str_equal (column->name, "tactic_id") || g_str_equal (column->name, "person") ||
      g_str_equal (column->name, "stage_person"))
    return;

  if (G_VALUE_HOLDS_INT64 (value))
    {
      /* CSV writes booleans as 1/0 or yes/no, with words of its own */
      if (column->kind == TP_SCHEMA_BOOL)
        return;
      cell = g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
    }
  else
    {
      const char *text = g_value_get_string (value);
      g_autofree char *trimmed = g_strstrip (g_strdup (text));
      g_autofree char *upper = g_ascii_strup (trimmed, -1);

      if (tp_schema_is_blank (text))
        return;
      /* CSV trims addresses and codes, and reads codes in any case */
      if ((column->flags & TP_SCHEMA_CURRENCY) && tp_schema_column_check_text (column, upper, NULL))
        return;
      if ((column->flags & TP_SCHEMA_EMAIL) && tp_schema_column_check_text (column, trimmed, NULL))
        return;
      cell = csv_quote (text);
    }

  names = g_strsplit (base[st->csv], ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *field = names[i];
      g_autofree char *base_cell = NULL;

      if (g_str_equal (field, column->name))
        {
          base_cell = g_strdup (cell);
          replaced = TRUE;
        }
      else if (g_str_equal (field, "customer_id"))
        base_cell = g_strdup_printf ("%" G_GINT64_FORMAT, p->parents[2]);
      else if (g_str_has_suffix (field, "_at"))
        base_cell = g_strdup ("2026-01-01");
      else if (g_str_equal (field, "channel"))
        base_cell = g_strdup ("call");
      else if (g_str_equal (field, "amount_minor"))
        base_cell = g_strdup ("100");
      else if (g_str_equal (field, "currency"))
        base_cell = g_strdup ("EUR");
      else
        base_cell = g_strdup ("Base");

      g_string_append_printf (header, "%s%s", i > 0 ? "," : "", field);
      g_string_append_printf (row, "%s%s", i > 0 ? "," : "", base_cell);
    }
  if (!replaced)
    {
      g_string_append_printf (header, ",%s", column->name);
      g_string_append_printf (row, ",%s", cell);
    }
  g_string_append_printf (header, "\n%s\n", row->str);

  file = write_file (p->fixture, "bad.csv", header->str, -1);
  count_sql = g_strdup_printf ("SELECT count(*) FROM %s", st->table->name);
  before = count_rows (p->db, count_sql);
  report = import_csv (p->db, file, (TpCsvTable)st->csv, &error);
  if (report != NULL)
    g_error ("CSV import of “%s” into %s.%s succeeded: %s", message, st->table->name, column->name,
             tp_csv_report_to_string (report));
  g_assert_error (error, TP_CSV_ERROR, TP_CSV_ERROR_REJECTED);
  if (!g_str_has_suffix (error->message, suffix))
    g_error ("CSV import said “%s”, not “… %s”", error->message, suffix);
  after = count_rows (p->db, count_sql);
  g_file_delete (file, NULL, NULL);
  g_assert_cmpint (after, ==, before);
  p->n_csv_refused++;
}

/* What the store says of @value in @column */
static char *
store_verdict (Property             *p,
               const StoreTable     *st,
               const TpSchemaColumn *column,
               const GValue         *value)
{
  g_autoptr(GObject) object = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (st->table->name, "brand"))
    object = G_OBJECT (tp_store_get_brand (p->store, &error));
  else
    object = g_object_new (st->get_type (), NULL);
  g_assert_no_error (error);

  set_base_values (p, object, st->table);
  if (!set_value (object, column, value))
    {
      /* The model cannot hold it: the store's rule for it is the schema's */
      g_assert_false (tp_schema_column_check (column, value, &error));
      g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
      return g_strdup (error->message);
    }

  if (store_write (p->store, object, &error))
    return NULL;

  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
  return g_strdup (error->message);
}

/* Every accepted row, as the store wrote it, after a backup and a
 * restore; the CSV tables after an export and an import into a copy
 * without their rows */
static void
check_round_trips (Property *p)
{
  g_autoptr(GFile) backup = export_backup (p->fixture, p->db);
  g_autoptr(TpDatabase) restored = new_database (p->fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_all (p->db);
  g_autofree char *after = NULL;

  tp_backup_restore (restored, backup, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  after = dump_all (restored);
  g_assert_cmpstr (after, ==, before);

  for (guint s = 0; s < G_N_ELEMENTS (store_tables); s++)
    {
      const StoreTable *st = &store_tables[s];
      g_autoptr(TpDatabase) copy = NULL;
      g_autoptr(GFile) csv = NULL;
      g_autoptr(TpCsvReport) report = NULL;
      g_autofree char *csv_path = NULL;
      g_autofree char *sql = NULL;
      g_autoptr(GString) columns = g_string_new (NULL);
      g_autofree char *expected = NULL;
      g_autofree char *found = NULL;

      if (st->csv < 0)
        continue;

      /* CSV carries neither what the triggers keep, nor the versions (an
       * imported row starts at version 1), nor who did what (see
       * assert_csv_refuses ()) */
      for (guint c = 0; c < st->table->n_columns; c++)
        if (!(st->table->columns[c].flags & (TP_SCHEMA_DERIVED | TP_SCHEMA_VERSIONED)) &&
            !g_str_equal (st->table->columns[c].name, "person") &&
            !g_str_equal (st->table->columns[c].name, "stage_person"))
          g_string_append_printf (columns, "%s%s", columns->len > 0 ? ", " : "",
                                  st->table->columns[c].name);

      csv_path = new_path (p->fixture, "export.csv");
      csv = g_file_new_for_path (csv_path);
      tp_csv_export (p->db, (TpCsvTable)st->csv, csv, NULL, NULL, NULL, &error);
      g_assert_no_error (error);

      copy = new_database (p->fixture);
      tp_backup_restore (copy, backup, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      sql = g_strdup_printf ("DELETE FROM %s", st->table->name);
      exec_sql (copy, sql);

      report = import_csv (copy, csv, (TpCsvTable)st->csv, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tp_csv_report_get_skipped (report), ==, 0);

      expected = dump (p->db, st->table->name, columns->str);
      found = dump (copy, st->table->name, columns->str);
      g_assert_cmpstr (found, ==, expected);
    }
}

static void
test_property (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) base = NULL;
  Property p = { f };
  guint32 seed;

  if (g_getenv ("TP_PROPERTY_SEED") != NULL)
    seed = (guint32)g_ascii_strtoull (g_getenv ("TP_PROPERTY_SEED"), NULL, 10);
  else
    seed = g_random_int ();
  /* Run again with TP_PROPERTY_SEED=<seed> */
  g_test_message ("seed %u", seed);
  g_printerr ("# property test seed %u\n", seed);
  p.rand = g_rand_new_with_seed (seed);

  p.db = new_database (f);
  p.store = tp_store_new (p.db);
  p.target = new_database (f);

  /* The rows that the others refer to */
  {
    g_autoptr(TpAudience) audience = tp_audience_new ();
    g_autoptr(TpTactic) tactic = tp_tactic_new ();

    tp_audience_set_name (audience, "Parent audience");
    tp_store_add_audience (p.store, audience, &error);
    g_assert_no_error (error);
    p.parents[0] = tp_record_get_id (TP_RECORD (audience));

    tp_tactic_set_name (tactic, "Parent tactic");
    tp_store_add_tactic (p.store, tactic, &error);
    g_assert_no_error (error);
    p.parents[1] = tp_record_get_id (TP_RECORD (tactic));

    p.parents[2] = add_customer (p.store, "Parent customer");
  }

  /* A backup with a row in every table, to break one value at a time */
  for (guint s = 0; s < G_N_ELEMENTS (store_tables); s++)
    {
      StoreTable *st = &store_tables[s];
      g_autoptr(GObject) object = NULL;

      st->table = tp_schema_find_table (store_table_names[s]);
      g_assert_nonnull (st->table);

      if (g_str_equal (st->table->name, "brand"))
        object = G_OBJECT (tp_store_get_brand (p.store, &error));
      else
        object = g_object_new (st->get_type (), NULL);
      g_assert_no_error (error);
      set_base_values (&p, object, st->table);
      store_write (p.store, object, &error);
      g_assert_no_error (error);
    }
  base = export_backup (f, p.db);
  g_assert_true (g_file_load_contents (base, NULL, &p.base_backup, NULL, NULL, NULL));

  for (guint s = 0; s < G_N_ELEMENTS (store_tables); s++)
    {
      const StoreTable *st = &store_tables[s];

      for (guint c = 0; c < st->table->n_columns; c++)
        {
          const TpSchemaColumn *column = &st->table->columns[c];
          g_autoptr(GPtrArray) values = NULL;

          if (column->flags & (TP_SCHEMA_DERIVED | TP_SCHEMA_AUTO | TP_SCHEMA_VERSIONED))
            continue;

          values = candidates (p.rand, column);
          for (guint v = 0; v < values->len; v++)
            {
              Candidate *candidate = g_ptr_array_index (values, v);
              g_autofree char *message = NULL;

              g_test_message ("%s.%s: %s", st->table->name, column->name, candidate->why);
              message = store_verdict (&p, st, column, &candidate->value);
              if (message == NULL)
                {
                  p.n_accepted++;
                  continue;
                }

              p.n_refused++;
              assert_restore_refuses (&p, st->table, column, &candidate->value, message);
              assert_csv_refuses (&p, st, column, &candidate->value, message);
            }
        }
    }

  g_test_message ("%u values accepted, %u refused (%u of them by CSV as well)",
                  p.n_accepted, p.n_refused, p.n_csv_refused);
  g_assert_cmpuint (p.n_accepted, >, 100);
  g_assert_cmpuint (p.n_refused, >, 50);

  check_round_trips (&p);

  g_free (p.base_backup);
  g_object_unref (p.store);
  g_object_unref (p.target);
  g_object_unref (p.db);
  g_rand_free (p.rand);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/touchpoint/schema/migrations", Fixture, NULL, fixture_setup, test_migrations,
              fixture_teardown);
  g_test_add_func ("/touchpoint/schema/times", test_times);
  g_test_add ("/touchpoint/schema/year-0999", Fixture, NULL, fixture_setup, test_year_0999,
              fixture_teardown);
  g_test_add ("/touchpoint/schema/amount-limit", Fixture, NULL, fixture_setup, test_amount_limit,
              fixture_teardown);
  g_test_add ("/touchpoint/schema/sample", Fixture, NULL, fixture_setup, test_sample,
              fixture_teardown);
  g_test_add ("/touchpoint/schema/property", Fixture, NULL, fixture_setup, test_property,
              fixture_teardown);

  return g_test_run ();
}
