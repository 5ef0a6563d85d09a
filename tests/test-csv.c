/* test-csv.c
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

#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "tp-backup.h"
#include "tp-cli.h"
#include "tp-csv.h"
#include "tp-database.h"
#include "tp-sample.h"
#include "tp-test-engine.h"

/* Each test runs on the engine TP_TEST_ENGINE names: a database called
 * "x.db" is that file in the fixture's folder, or on PostgreSQL a new
 * server database made the first time the name is used. */
typedef struct
{
  char       *dir;
  GHashTable *databases;  /* name → path or URI */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tp-csv-XXXXXX", &error);
  g_assert_no_error (error);
  f->databases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
  g_hash_table_unref (f->databases);
}

static char *
fixture_path (Fixture    *f,
              const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* The database called @name on the engine under test */
static char *
fixture_db (Fixture    *f,
            const char *name)
{
  const char *known = g_hash_table_lookup (f->databases, name);

  if (known == NULL)
    {
      known = tp_test_engine_new_shared_database (f->dir, name);
      g_hash_table_insert (f->databases, g_strdup (name), (char *)known);
    }

  return g_strdup (known);
}

static void
exec_sql (TpDatabase *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  tp_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

/* Runs @sql with @text bound to ?1 */
static void
exec_with_text (TpDatabase *db,
                const char *sql,
                const char *text)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt = tp_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  tp_statement_bind_text (stmt, 1, text);
  g_assert_false (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  tp_statement_reset (stmt);
}

static TpDatabase *
open_database (Fixture    *f,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_db (f, name);
  TpDatabase *db;

  db = tp_database_open (path, &error);
  g_assert_no_error (error);

  return db;
}

/* The small sample, plus customers whose text tries the edges of CSV */
static TpDatabase *
open_filled (Fixture    *f,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  TpDatabase *db = open_database (f, name);

  tp_sample_fill (db, TP_SAMPLE_SIZE_SMALL, &error);
  g_assert_no_error (error);

  exec_with_text (db,
                  "INSERT INTO customers (id, name, email, phone, notes, stage, source_channel,"
                  " created_at, updated_at) VALUES"
                  " (500, 'Zoë \"Zed\", Ärger', 'zoe@example.com', ' +49 30 1 ', ?1,"
                  " 'lost', NULL, '2020-02-29T23:59:59Z', '2021-01-01T00:00:00Z')",
                  "two\r\nlines, \"quoted\"\nthree");
  exec_sql (db,
            "INSERT INTO customers (id, name, email, phone, notes, stage, source_channel,"
            " created_at, updated_at) VALUES"
            " (501, 'Same Name', '', '', '', 'lead', 'ad', '2026-01-01T00:00:00Z',"
            " '2026-01-01T00:00:00Z'),"
            " (503, 'Same Name', '', '', '', 'lead', 'ad', '2026-01-01T00:00:00Z',"
            " '2026-01-01T00:00:00Z');"
            "INSERT INTO touches (id, customer_id, happened_at, channel, direction, note, done,"
            " created_at, updated_at) VALUES (900, 500, '2030-01-01T09:00:00Z', 'call', 'outbound',"
            " '', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
            " (901, 501, '2026-03-01T09:00:00Z', 'email', 'inbound', ';\t;', 1,"
            " '2026-03-01T09:00:00Z', '2026-03-01T09:00:00Z'),"
            " (902, 503, '2026-03-02T09:00:00Z', 'ad', 'outbound', '', 1,"
            " '2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z');"
            "INSERT INTO orders (customer_id, ordered_at, item, amount_minor, currency, status,"
            " created_at, updated_at) VALUES (500, '2026-03-02T09:00:00Z', '  Big  ', 12345,"
            " 'JPY', 'open', '2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z'),"
            " (503, '2026-03-03T09:00:00Z', 'Gone', 100, 'EUR', 'cancelled',"
            " '2026-03-03T09:00:00Z', '2026-03-03T09:00:00Z');");

  return db;
}

/* Every row of @table, each value with its type as both engines give it,
 * numbered as SQLite numbers them ("1:" a whole number, "2:" a real one,
 * "3:" text, "4:" bytes), NULL as "NULL" */
static char *
dump_table (TpDatabase *db,
            const char *table)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", table);
  TpStatement *stmt = tp_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  while (tp_statement_step (stmt, &error))
    {
      for (int c = 0; c < tp_statement_get_n_columns (stmt); c++)
        {
          g_autoptr(GVariant) value = tp_statement_dup_value (stmt, c);

          if (value == NULL)
            g_string_append (out, "NULL|");
          else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
            g_string_append_printf (out, "1:%" G_GINT64_FORMAT "|", g_variant_get_int64 (value));
          else if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
            g_string_append_printf (out, "2:%g|", g_variant_get_double (value));
          else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
            g_string_append_printf (out, "3:%s|", g_variant_get_string (value, NULL));
          else
            {
              g_autofree char *printed = g_variant_print (value, FALSE);

              g_string_append_printf (out, "4:%s|", printed);
            }
        }
      g_string_append_c (out, '\n');
    }
  g_assert_no_error (error);
  tp_statement_reset (stmt);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dump (TpDatabase *db)
{
  g_autofree char *customers = dump_table (db, "customers");
  g_autofree char *touches = dump_table (db, "touches");
  g_autofree char *orders = dump_table (db, "orders");
  g_autofree char *audiences = dump_table (db, "audiences");

  return g_strconcat (customers, touches, orders, audiences, NULL);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (f, name);

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static TpCsvReport *
import_full (TpDatabase       *db,
             GFile            *file,
             TpCsvTable        table,
             TpCsvDuplicates   duplicates,
             gboolean          skip_bad_rows,
             GError          **error)
{
  g_autoptr(TpCsvImporter) importer = tp_csv_importer_new (file, table);

  tp_csv_importer_set_duplicates (importer, duplicates);
  tp_csv_importer_set_skip_bad_rows (importer, skip_bad_rows);
  return tp_csv_importer_run (importer, db, NULL, NULL, NULL, error);
}

static TpCsvReport *
import (TpDatabase       *db,
        GFile            *file,
        TpCsvTable        table,
        TpCsvDuplicates   duplicates,
        GError          **error)
{
  return import_full (db, file, table, duplicates, FALSE, error);
}

static void
export (TpDatabase *db,
        TpCsvTable  table,
        GFile      *file)
{
  g_autoptr(GError) error = NULL;

  tp_csv_export (db, table, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static gint64
count_rows (TpDatabase *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(GError) error = NULL;
  TpStatement *stmt = tp_database_prepare (db, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_true (tp_statement_step (stmt, &error));
  n = tp_statement_get_int64 (stmt, 0);
  tp_statement_reset (stmt);

  return n;
}

static void
assert_message (GError     *error,
                const char *pattern)
{
  g_assert_nonnull (error);
  if (!g_pattern_match_simple (pattern, error->message))
    g_error ("message “%s” does not match “%s”", error->message, pattern);
}

/* Customers, touches and orders exported to CSV import again into the
 * same business unchanged: every value, id and time, and the figures the
 * triggers derive. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TpDatabase) source = open_filled (f, "source.db");
  g_autoptr(TpDatabase) target = NULL;
  g_autoptr(GFile) customers = NULL;
  g_autoptr(GFile) touches = NULL;
  g_autoptr(GFile) orders = NULL;
  g_autofree char *target_path = fixture_db (f, "target.db");
  g_autofree char *expected = dump (source);
  g_autofree char *dumped = NULL;
  g_autofree char *contents = NULL;
  const TpCsvTable tables[] = { TP_CSV_TABLE_CUSTOMERS, TP_CSV_TABLE_TOUCHES, TP_CSV_TABLE_ORDERS };
  GFile *files[3];
  g_autoptr(GError) copy_error = NULL;

  customers = write_file (f, "customers.csv", "", 0);
  touches = write_file (f, "touches.csv", "", 0);
  orders = write_file (f, "orders.csv", "", 0);
  files[0] = customers;
  files[1] = touches;
  files[2] = orders;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    export (source, tables[i], files[i]);

  g_file_load_contents (customers, NULL, &contents, NULL, NULL, NULL);
  g_assert_true (g_str_has_prefix (contents, "id,name,email,phone,audience,source_channel,stage,"
                                             "notes,touch_count,last_touch_at,first_order_at,"
                                             "order_count,total_spent_minor,created_at,"
                                             "updated_at\r\n"));
  g_assert_nonnull (strstr (contents, "500,\"Zoë \"\"Zed\"\", Ärger\",zoe@example.com,"
                                      "\" +49 30 1 \",,,lost,\"two\r\nlines, \"\"quoted\"\"\n"
                                      "three\",0,,2026-03-02T09:00:00Z,1,12345,2020-02-29T23:59:59Z,"
                                      "2021-01-01T00:00:00Z\r\n"));

  /* The same business without its customers (and so without touches and
   * orders): audiences and tactics stay for the names to find */
  tp_backup_copy (source, target_path, NULL, NULL, NULL, &copy_error);
  g_assert_no_error (copy_error);

  target = open_database (f, "target.db");
  exec_sql (target, "DELETE FROM customers");

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(TpCsvReport) report = NULL;
      g_autoptr(GError) error = NULL;

      report = import (target, files[i], tables[i], TP_CSV_DUPLICATES_SKIP, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tp_csv_report_get_skipped (report), ==, 0);
      g_assert_cmpuint (tp_csv_report_get_merged (report), ==, 0);
      g_assert_cmpuint (tp_csv_report_get_n_messages (report), ==, 0);
    }

  dumped = dump (target);
  g_assert_cmpstr (dumped, ==, expected);

  /* Importing the same files again, merging, changes nothing */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(TpCsvReport) report = NULL;
      g_autoptr(GError) error = NULL;

      report = import (target, files[i], tables[i], TP_CSV_DUPLICATES_MERGE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tp_csv_report_get_imported (report), ==, 0);
      g_assert_cmpuint (tp_csv_report_get_merged (report), >, 0);
    }

  g_clear_pointer (&dumped, g_free);
  dumped = dump (target);
  g_assert_cmpstr (dumped, ==, expected);
}

/* The headers of other programs' exports are recognised */
static void
test_mapping (Fixture       *f,
              gconstpointer  data)
{
  static const struct
  {
    const char *name;
    TpCsvTable  table;
    const char *header;
    TpCsvField  fields[8];
  } cases[] = {
    { "google", TP_CSV_TABLE_CUSTOMERS,
      "Name,Given Name,Family Name,Notes,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Value\n",
      { TP_CSV_FIELD_NAME, TP_CSV_FIELD_FIRST_NAME, TP_CSV_FIELD_LAST_NAME, TP_CSV_FIELD_NOTES,
        TP_CSV_FIELD_IGNORE, TP_CSV_FIELD_EMAIL, TP_CSV_FIELD_PHONE } },
    { "google-2023", TP_CSV_TABLE_CUSTOMERS,
      "First Name,Middle Name,Last Name,E-mail 1 - Value,Phone 1 - Value\n",
      { TP_CSV_FIELD_FIRST_NAME, TP_CSV_FIELD_MIDDLE_NAME, TP_CSV_FIELD_LAST_NAME,
        TP_CSV_FIELD_EMAIL, TP_CSV_FIELD_PHONE } },
    { "hubspot", TP_CSV_TABLE_CUSTOMERS,
      "Record ID,First Name,Last Name,Email,Phone Number,Lifecycle Stage,Create Date\n",
      { TP_CSV_FIELD_IGNORE, TP_CSV_FIELD_FIRST_NAME, TP_CSV_FIELD_LAST_NAME, TP_CSV_FIELD_EMAIL,
        TP_CSV_FIELD_PHONE, TP_CSV_FIELD_STAGE, TP_CSV_FIELD_CREATED_AT } },
    { "outlook", TP_CSV_TABLE_CUSTOMERS,
      "First Name,Middle Name,Last Name,E-mail Address,Mobile Phone,Business Phone,Notes\n",
      { TP_CSV_FIELD_FIRST_NAME, TP_CSV_FIELD_MIDDLE_NAME, TP_CSV_FIELD_LAST_NAME,
        TP_CSV_FIELD_EMAIL, TP_CSV_FIELD_PHONE, TP_CSV_FIELD_PHONE, TP_CSV_FIELD_NOTES } },
    { "monica", TP_CSV_TABLE_CUSTOMERS,
      "first_name,last_name,nickname,email,phone,description\n",
      { TP_CSV_FIELD_FIRST_NAME, TP_CSV_FIELD_LAST_NAME, TP_CSV_FIELD_IGNORE, TP_CSV_FIELD_EMAIL,
        TP_CSV_FIELD_PHONE, TP_CSV_FIELD_NOTES } },
    { "touchpoint-touches", TP_CSV_TABLE_TOUCHES,
      "id,customer_id,customer_name,customer_email,happened_at,channel,direction,note\n",
      { TP_CSV_FIELD_ID, TP_CSV_FIELD_CUSTOMER_ID, TP_CSV_FIELD_CUSTOMER_NAME,
        TP_CSV_FIELD_CUSTOMER_EMAIL, TP_CSV_FIELD_HAPPENED_AT, TP_CSV_FIELD_CHANNEL,
        TP_CSV_FIELD_DIRECTION, TP_CSV_FIELD_NOTE } },
    { "shop-orders", TP_CSV_TABLE_ORDERS,
      "Order Date,Email,Product,Total,Currency,Status,Name\n",
      { TP_CSV_FIELD_ORDERED_AT, TP_CSV_FIELD_CUSTOMER_EMAIL, TP_CSV_FIELD_ITEM,
        TP_CSV_FIELD_AMOUNT, TP_CSV_FIELD_CURRENCY, TP_CSV_FIELD_STATUS,
        TP_CSV_FIELD_CUSTOMER_NAME } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = write_file (f, "mapping.csv", cases[i].header, -1);
      g_autoptr(TpCsvImporter) importer = tp_csv_importer_new (file, cases[i].table);
      g_autoptr(GError) error = NULL;

      g_test_message ("mapping: %s", cases[i].name);
      tp_csv_importer_load (importer, 5, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tp_csv_importer_get_n_preview_rows (importer), ==, 0);

      for (guint c = 0; c < tp_csv_importer_get_n_columns (importer); c++)
        g_assert_cmpint (tp_csv_importer_get_column_field (importer, c), ==, cases[i].fields[c]);
    }
}

/* A Google Contacts file imports with names put together; the caller
 * may map a column the guess left out. */
static void
test_google_contacts (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_database (f, "db.sqlite");
  g_autoptr(GFile) file = NULL;
  g_autoptr(TpCsvImporter) importer = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *dumped = NULL;

  file = write_file (f, "contacts.csv",
                     "\xef\xbb\xbf" "Name,Given Name,Family Name,E-mail 1 - Value,Phone 1 - Value,Phone 2 - Value,Group Membership\r\n"
                     ",Ada,Lovelace,ada@example.org,,+44 1,* myContacts\r\n"
                     "Grace Hopper,Grace,Hopper,grace@example.org,+1 2,,* myContacts ::: Navy\r\n"
                     ",,,nobody@example.org,,,\r\n",
                     -1);
  importer = tp_csv_importer_new (file, TP_CSV_TABLE_CUSTOMERS);
  tp_csv_importer_load (importer, 10, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (tp_csv_importer_get_separator (importer), ==, ',');
  g_assert_false (tp_csv_importer_get_latin1 (importer));
  g_assert_cmpuint (tp_csv_importer_get_n_columns (importer), ==, 7);
  g_assert_cmpstr (tp_csv_importer_get_header (importer, 0), ==, "Name");
  g_assert_cmpuint (tp_csv_importer_get_n_preview_rows (importer), ==, 3);
  g_assert_cmpstr (tp_csv_importer_get_preview_value (importer, 1, 0), ==, "Grace Hopper");
  g_assert_cmpint (tp_csv_importer_get_column_field (importer, 5), ==, TP_CSV_FIELD_IGNORE);

  /* The second phone column fills in where the first is empty */
  tp_csv_importer_set_column_field (importer, 5, TP_CSV_FIELD_PHONE);
  g_assert_true (tp_csv_importer_check_mapping (importer, NULL));

  tp_csv_importer_set_skip_bad_rows (importer, TRUE);
  report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  summary = tp_csv_report_to_string (report);
  g_assert_cmpstr (summary, ==, "2 customers imported, 1 row skipped — line 4: field “Name”: "
                                "no name");

  dumped = dump_table (db, "customers");
  g_assert_true (g_pattern_match_simple ("1:1|3:Ada Lovelace|3:ada@example.org|3:+44 1|NULL|NULL|"
                                         "3:lead|3:|1:0|NULL|NULL|1:0|1:0|*\n"
                                         "1:2|3:Grace Hopper|3:grace@example.org|3:+1 2|*",
                                         dumped));
}

/* Semicolons, tabs, CRLF, quotes with separators and line breaks inside,
 * and line numbers that count the lines inside quotes */
static void
test_dialects (Fixture       *f,
               gconstpointer  data)
{
  static const struct
  {
    const char *contents;
    char        separator;
    const char *summary;
  } cases[] = {
    { "Name;Email;Notes\n\"Müller; Anna\";anna@example.org;\"x\ny\"\n;;\"only\nnotes\"\n",
      ';', "1 customer imported, 1 row skipped — line 4: field “Name”: no name" },
    { "Name\tEmail\tNotes\r\nBo\tbo@example.org\t\"tab\tand \"\"quote\"\"\"\r\n\r\n\t\tn\r\n",
      '\t', "1 customer imported, 1 row skipped — line 4: field “Name”: no name" },
    { "name,email,notes\n\"A\r\nB\r\nC\",a@example.org,\"1,2\"\n\n\n,,\"late\"\n",
      ',', "1 customer imported, 1 row skipped — line 7: field “name”: no name" },
    { "name,email\r\nNo Newline At End,end@example.org", ',', "1 customer imported" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TpDatabase) db = NULL;
      g_autoptr(GFile) file = write_file (f, "dialect.csv", cases[i].contents, -1);
      g_autoptr(TpCsvImporter) importer = tp_csv_importer_new (file, TP_CSV_TABLE_CUSTOMERS);
      g_autoptr(TpCsvReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *db_name = g_strdup_printf ("dialect-%u.db", i);
      g_autofree char *summary = NULL;

      db = open_database (f, db_name);
      tp_csv_importer_load (importer, 10, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (tp_csv_importer_get_separator (importer), ==, cases[i].separator);

      tp_csv_importer_set_skip_bad_rows (importer, TRUE);
      report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      summary = tp_csv_report_to_string (report);
      g_assert_cmpstr (summary, ==, cases[i].summary);
    }
}

/* A file that is not UTF-8 is read as Latin-1, and the report says so;
 * UTF-16 with a byte-order mark is read too */
static void
test_encodings (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_database (f, "db.sqlite");
  g_autoptr(GFile) latin1 = write_file (f, "latin1.csv",
                                        "name,email\nJ\xfcrgen M\xfcller,jm@example.org\n"
                                        "\x80uro,e@example.org\n", -1);
  g_autoptr(GFile) utf16 = NULL;
  g_autoptr(TpCsvImporter) importer = tp_csv_importer_new (latin1, TP_CSV_TABLE_CUSTOMERS);
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(TpCsvReport) report16 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text16 = NULL;
  g_autofree char *dumped = NULL;
  gsize len16 = 0;

  tp_csv_importer_load (importer, 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tp_csv_importer_get_latin1 (importer));
  g_assert_cmpstr (tp_csv_importer_get_preview_value (importer, 0, 0), ==, "Jürgen Müller");

  report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tp_csv_report_get_imported (report), ==, 2);
  g_assert_cmpstr (tp_csv_report_get_messages (report)[0], ==,
                   "the file is not in UTF-8, so it was read as Latin-1 (Windows-1252): check "
                   "the accented letters");

  text16 = g_convert ("\xef\xbb\xbfname,email\nŁucja Ørsted,lo@example.org\n", -1,
                      "UTF-16LE", "UTF-8", NULL, &len16, &error);
  g_assert_no_error (error);
  utf16 = write_file (f, "utf16.csv", text16, (gssize)len16);
  report16 = import (db, utf16, TP_CSV_TABLE_CUSTOMERS, TP_CSV_DUPLICATES_SKIP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tp_csv_report_get_imported (report16), ==, 1);

  dumped = dump_table (db, "customers");
  g_assert_nonnull (strstr (dumped, "|3:Jürgen Müller|"));
  g_assert_nonnull (strstr (dumped, "|3:€uro|"));
  g_assert_nonnull (strstr (dumped, "|3:Łucja Ørsted|"));
}

typedef struct
{
  const char *name;
  TpCsvTable  table;
  const char *contents;
  gssize      len;
  int         code;
  const char *message;
} BadCsv;

static const BadCsv bad_csvs[] = {
  { "ragged", TP_CSV_TABLE_CUSTOMERS, "name,email\nAda,ada@example.org\nBob\n", -1,
    TP_CSV_ERROR_SYNTAX,
    "people.csv: line 3: this row has 1 field, but the first line names 2 columns" },
  { "too-many-fields", TP_CSV_TABLE_CUSTOMERS, "name,email\n\"A\nB\",a@example.org,x\n", -1,
    TP_CSV_ERROR_SYNTAX,
    "people.csv: line 2: this row has 3 fields, but the first line names 2 columns" },
  { "unterminated-quote", TP_CSV_TABLE_CUSTOMERS, "name,email\nAda,ada@example.org\n\"Bob,b\n", -1,
    TP_CSV_ERROR_SYNTAX, "people.csv: line 3: a quoted field is never closed" },
  { "stray-quote", TP_CSV_TABLE_CUSTOMERS, "name,email\nAda,ada@example.org\n\n5\" disk,x@y.z\n", -1,
    TP_CSV_ERROR_SYNTAX, "people.csv: line 4: a quote mark in the wrong place*" },
  { "empty", TP_CSV_TABLE_CUSTOMERS, "", 0, TP_CSV_ERROR_EMPTY,
    "people.csv: the file is empty: a CSV file starts with a line of column names" },
  { "only-bom-and-blank-lines", TP_CSV_TABLE_CUSTOMERS, "\xef\xbb\xbf\r\n\r\n", -1,
    TP_CSV_ERROR_EMPTY, "people.csv: the file is empty*" },
  { "binary", TP_CSV_TABLE_CUSTOMERS, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20,
    TP_CSV_ERROR_NOT_TEXT, "people.csv: this is not a CSV file: it contains binary data" },
  { "bad-email", TP_CSV_TABLE_CUSTOMERS, "Name,Email\nAda,ada@example.org\nBob,bob at example\n",
    -1, TP_CSV_ERROR_REJECTED,
    "people.csv: line 3: field “Email”: “Email” is not an email address: “bob at example”." },
  { "bad-stage", TP_CSV_TABLE_CUSTOMERS, "name,stage\nAda,vip\n", -1, TP_CSV_ERROR_REJECTED,
    "people.csv: line 2: field “stage”: “Stage” cannot be “vip”: it is one of lead, prospect, "
    "customer, repeat, lost." },
  { "bad-date", TP_CSV_TABLE_TOUCHES,
    "customer_email,happened_at,channel\nada@example.org,2026-01-01,call\n"
    "ada@example.org,yesterday,call\n", -1, TP_CSV_ERROR_REJECTED,
    "people.csv: line 3: field “happened_at”: “Date” is not a date and time from 0001-01-01 to "
    "9999-12-31: “yesterday”. Write it as 2026-11-28 or 2026-11-28T12:00:00Z." },
  { "bad-channel", TP_CSV_TABLE_TOUCHES,
    "customer_email,happened_at,channel\nada@example.org,2026-01-01,pigeon\n", -1,
    TP_CSV_ERROR_REJECTED, "people.csv: line 2: field “channel”: “Channel” cannot be “pigeon”: it is one of email, *" },
  { "bad-amount", TP_CSV_TABLE_ORDERS,
    "Email,Date,Item,Amount\nada@example.org,2026-01-01,Tea,12.50\n"
    "ada@example.org,2026-01-02,Tea,twelve\n", -1, TP_CSV_ERROR_REJECTED,
    "people.csv: line 3: field “Amount”: “twelve” is not an amount such as 12.50" },
  { "negative-amount", TP_CSV_TABLE_ORDERS,
    "Email,Date,Item,Amount\nada@example.org,2026-01-02,Tea,-3\n", -1, TP_CSV_ERROR_REJECTED,
    "people.csv: line 2: field “Amount”: “-3” is below zero" },
  { "bad-id", TP_CSV_TABLE_CUSTOMERS, "id,name\nx7,Ada\n", -1, TP_CSV_ERROR_REJECTED,
    "people.csv: line 2: field “id”: “x7” is not a Touchpoint id (a whole number above 0)" },
  { "no-name-column", TP_CSV_TABLE_CUSTOMERS, "email,phone\nada@example.org,1\n", -1,
    TP_CSV_ERROR_MAPPING, "people.csv: no column holds the name; choose which one does" },
  { "no-channel-column", TP_CSV_TABLE_TOUCHES, "email,date\nada@example.org,2026-01-01\n", -1,
    TP_CSV_ERROR_MAPPING, "people.csv: no column holds the channel; choose which one does" },
};

/* Each bad file gives its message and leaves the database as it was,
 * rows before the bad one included */
static void
test_bad_inputs (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_filled (f, "db.sqlite");
  g_autofree char *before = NULL;

  exec_sql (db, "INSERT INTO customers (name, email, created_at, updated_at) VALUES"
                " ('Ada', 'ada@example.org', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
  before = dump (db);

  for (guint i = 0; i < G_N_ELEMENTS (bad_csvs); i++)
    {
      const BadCsv *bad = &bad_csvs[i];
      g_autoptr(GFile) file = write_file (f, "people.csv", bad->contents, bad->len);
      g_autoptr(TpCsvReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("bad input: %s", bad->name);

      report = import (db, file, bad->table, TP_CSV_DUPLICATES_MERGE, &error);
      g_assert_null (report);
      g_assert_error (error, TP_CSV_ERROR, bad->code);
      assert_message (error, bad->message);
      g_assert_null (strchr (error->message, '\n'));

      after = dump (db);
      g_assert_cmpstr (after, ==, before);
    }
}

/* A quote that is never closed in a large file stops at a bounded field
 * size instead of reading the rest of the file into one field */
static void
test_huge_field (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_database (f, "db.sqlite");
  g_autoptr(GString) contents = g_string_new ("name,notes\nAda,\"");
  g_autoptr(GFile) file = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append (contents, "nonsense\n");

  file = write_file (f, "big.csv", contents->str, (gssize)contents->len);
  report = import (db, file, TP_CSV_TABLE_CUSTOMERS, TP_CSV_DUPLICATES_SKIP, &error);
  g_assert_error (error, TP_CSV_ERROR, TP_CSV_ERROR_SYNTAX);
  assert_message (error, "big.csv: line 2: field “notes”: longer than 1 MB, or a quote mark "
                         "that opens it is never closed");
}

/* A record may not have more fields or more bytes than the bounds in
 * tp-csv.h: a file of one endless row is refused with the line and the
 * field, before it takes endless memory */
static void
test_bounded_records (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_filled (f, "db.sqlite");
  g_autofree char *before = dump (db);
  g_autoptr(GString) wide = g_string_new ("name,email\nAda,ada@example.org\nBob");
  g_autoptr(GString) endless = g_string_new ("name,email\nAda,ada@example.org\n\nBob");
  g_autoptr(GString) header = g_string_new (NULL);
  g_autoptr(GString) heavy = g_string_new (NULL);
  g_autoptr(GString) fits = g_string_new (NULL);
  g_autofree char *chunk = g_strnfill (TP_CSV_MAX_FIELD_BYTES - 16, 'x');
  const struct
  {
    const char *name;
    GString    *contents;
    const char *message;
  } cases[] = {
    { "one field too many", wide,
      "people.csv: line 3: field “1001”: a row may have at most 1000 fields" },
    { "an endless row", endless,
      "people.csv: line 4: field “1001”: a row may have at most 1000 fields" },
    { "too many columns", header,
      "people.csv: line 1: field “1001”: a row may have at most 1000 fields" },
    { "too many bytes", heavy,
      "people.csv: line 2: field “c9”: the row is longer than 8 MB" },
  };

  /* 1001 fields, then two million */
  for (guint i = 1; i < TP_CSV_MAX_FIELDS + 1; i++)
    g_string_append (wide, ",x");
  g_string_append_c (wide, '\n');
  for (guint i = 0; i < 2000000; i++)
    g_string_append_c (endless, ',');

  for (guint i = 0; i <= TP_CSV_MAX_FIELDS; i++)
    g_string_append_printf (header, "%sc%u", i > 0 ? "," : "", i);
  g_string_append (header, "\nAda\n");

  /* Nine fields that each fit, together longer than a row may be */
  g_string_append (heavy, "name,email,notes,c3,c4,c5,c6,c7,c8,c9\n\"Ada\"");
  for (guint i = 0; i < 9; i++)
    g_string_append_printf (heavy, ",%s", chunk);
  g_string_append_c (heavy, '\n');

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = write_file (f, "people.csv", cases[i].contents->str,
                                          (gssize)cases[i].contents->len);
      g_autoptr(TpCsvReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("bounds: %s", cases[i].name);
      report = import_full (db, file, TP_CSV_TABLE_CUSTOMERS, TP_CSV_DUPLICATES_SKIP, TRUE,
                            &error);
      g_assert_null (report);
      g_assert_error (error, TP_CSV_ERROR, TP_CSV_ERROR_TOO_LARGE);
      g_assert_cmpstr (error->message, ==, cases[i].message);

      after = dump (db);
      g_assert_cmpstr (after, ==, before);
    }

  /* Right at the bounds: 1000 fields, and a row of nearly 8 MB */
  g_string_append (fits, "name");
  for (guint i = 1; i < TP_CSV_MAX_FIELDS; i++)
    g_string_append_printf (fits, ",c%u", i);
  g_string_append (fits, "\nWide");
  for (guint i = 1; i < TP_CSV_MAX_FIELDS; i++)
    g_string_append (fits, ",x");
  g_string_append (fits, "\nHeavy");
  for (guint i = 0; i < 8; i++)
    g_string_append_printf (fits, ",%s", chunk);
  for (guint i = 9; i < TP_CSV_MAX_FIELDS; i++)
    g_string_append (fits, ",");
  g_string_append_c (fits, '\n');

  {
    g_autoptr(GFile) file = write_file (f, "fits.csv", fits->str, (gssize)fits->len);
    g_autoptr(TpCsvReport) report = NULL;
    g_autoptr(GError) error = NULL;

    report = import (db, file, TP_CSV_TABLE_CUSTOMERS, TP_CSV_DUPLICATES_SKIP, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tp_csv_report_get_imported (report), ==, 2);
  }
}

static void
count_problem_cb (const char *message,
                  gpointer    user_data)
{
  GPtrArray *problems = user_data;

  g_ptr_array_add (problems, g_strdup (message));
}

/* Without skipping bad rows, every row that cannot be imported is named
 * (the first 200 in the message, all of them to the problem function)
 * and nothing is imported; skipping them, the others are imported and
 * the report counts the rows left out */
static void
test_skip_bad_rows (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_database (f, "db.sqlite");
  g_autoptr(GString) contents = g_string_new ("customer_email,happened_at,channel,note\n");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) file = NULL;
  g_autoptr(TpCsvImporter) importer = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *dumped = NULL;

  exec_sql (db, "INSERT INTO customers (id, name, email, created_at, updated_at) VALUES"
                " (1, 'Ada', 'ada@example.org', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");

  /* 300 good rows, and between them 250 bad ones of two kinds: every
   * second row from the fourth (lines 5, 7 … 503) */
  for (guint i = 0; i < 550; i++)
    {
      gboolean bad = i >= 3 && i <= 501 && i % 2 == 1;

      if (bad && i < 403)
        g_string_append_printf (contents, "ada@example.org,someday,call,%u\n", i);
      else if (bad)
        g_string_append_printf (contents, "nobody%u@example.org,2026-01-01,call,\n", i);
      else
        g_string_append_printf (contents, "ada@example.org,2026-01-01,call,%u\n", i);
    }
  file = write_file (f, "touches.csv", contents->str, (gssize)contents->len);

  importer = tp_csv_importer_new (file, TP_CSV_TABLE_TOUCHES);
  tp_csv_importer_set_problem_func (importer, count_problem_cb, problems);
  g_assert_false (tp_csv_importer_get_skip_bad_rows (importer));
  report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, TP_CSV_ERROR, TP_CSV_ERROR_REJECTED);

  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 201);
  g_assert_cmpstr (lines[0], ==, "touches.csv: line 5: field “happened_at”: “Date” is not a date "
                                 "and time from 0001-01-01 to 9999-12-31: “someday”. Write it "
                                 "as 2026-11-28 or 2026-11-28T12:00:00Z.");
  g_assert_cmpstr (lines[1], ==, "touches.csv: line 7: field “happened_at”: “Date” is not a date "
                                 "and time from 0001-01-01 to 9999-12-31: “someday”. Write it "
                                 "as 2026-11-28 or 2026-11-28T12:00:00Z.");
  g_assert_cmpstr (lines[200], ==, "touches.csv: and 50 more rows that cannot be imported");
  g_assert_cmpuint (problems->len, ==, 250);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, lines[0]);
  g_assert_cmpstr (g_ptr_array_index (problems, 199), ==, lines[199]);
  g_assert_cmpstr (g_ptr_array_index (problems, 249), ==,
                   "touches.csv: line 503: field “customer_email”: there is no customer with "
                   "the email “nobody501@example.org”");

  dumped = dump_table (db, "touches");
  g_assert_cmpstr (dumped, ==, "");
  g_clear_error (&error);

  /* The same importer, asked to skip them */
  g_ptr_array_set_size (problems, 0);
  tp_csv_importer_set_skip_bad_rows (importer, TRUE);
  report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tp_csv_report_get_imported (report), ==, 300);
  g_assert_cmpuint (tp_csv_report_get_skipped (report), ==, 250);
  g_assert_cmpuint (tp_csv_report_get_n_messages (report), ==, 250);
  g_assert_cmpstr (tp_csv_report_get_messages (report)[0], ==,
                   "line 5: field “happened_at”: “Date” is not a date and time from "
                   "0001-01-01 to 9999-12-31: “someday”. Write it as 2026-11-28 or "
                   "2026-11-28T12:00:00Z.");
  g_assert_cmpuint (problems->len, ==, 250);
  g_assert_cmpint (count_rows (db, "touches"), ==, 300);
}

/* Cells a spreadsheet would run as a formula are written with a quote
 * mark before them, and come back without it: the round trip keeps
 * every value, values that start with quote marks themselves included */
static void
test_formulas (Fixture       *f,
               gconstpointer  data)
{
  static const struct
  {
    const char *value;
    const char *written;  /* as a cell of the file */
  } cases[] = {
    { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    { "+1+2", "'+1+2" },
    { "-2+3", "'-2+3" },
    { "@SUM(A1:A2)", "'@SUM(A1:A2)" },
    { "\t=1+1", "'\t=1+1" },
    { "\r=1+1", "\"'\r=1+1\"" },
    { "'=1+1", "''=1+1" },
    { "''-x", "'''-x" },
    { "'quoted", "'quoted" },
    { "-12", "-12" },
    { "a=b", "a=b" },
  };
  g_autoptr(TpDatabase) source = open_database (f, "source.db");
  g_autoptr(TpDatabase) target = open_database (f, "target.db");
  g_autoptr(GFile) customers = write_file (f, "customers.csv", "", 0);
  g_autoptr(GFile) orders = write_file (f, "orders.csv", "", 0);
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *dumped = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      exec_with_text (source,
                      "INSERT INTO customers (name, email, phone, notes, created_at,"
                      " updated_at) VALUES (?1, '', ?1, ?1, '2026-01-01T00:00:00Z',"
                      " '2026-01-01T00:00:00Z')",
                      cases[i].value);
    }
  exec_sql (source, "INSERT INTO orders (customer_id, ordered_at, item, amount_minor, currency,"
                    " status, created_at, updated_at) SELECT id, '2026-02-01T00:00:00Z', name,"
                    " 100, 'EUR', 'open', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z'"
                    " FROM customers");

  export (source, TP_CSV_TABLE_CUSTOMERS, customers);
  export (source, TP_CSV_TABLE_ORDERS, orders);

  /* The bytes of the name, email, phone and notes */
  g_file_load_contents (customers, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cells = g_strdup_printf ("\r\n%u,%s,,%s,,,lead,%s,", i + 1,
                                                cases[i].written, cases[i].written,
                                                cases[i].written);

      g_test_message ("formula: %s", cases[i].written);
      g_assert_nonnull (strstr (contents, cells));
    }
  g_clear_pointer (&contents, g_free);

  /* …of the customer's name and the item of an order */
  g_file_load_contents (orders, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cells = g_strdup_printf (",%s,,2026-02-01T00:00:00Z,%s,100,EUR,",
                                                cases[i].written, cases[i].written);

      g_assert_nonnull (strstr (contents, cells));
    }

  /* Back, identical */
  report = import (target, customers, TP_CSV_TABLE_CUSTOMERS, TP_CSV_DUPLICATES_SKIP, &error);
  g_assert_no_error (error);
  g_clear_pointer (&report, tp_csv_report_unref);
  report = import (target, orders, TP_CSV_TABLE_ORDERS, TP_CSV_DUPLICATES_SKIP, &error);
  g_assert_no_error (error);

  expected = dump (source);
  dumped = dump (target);
  g_assert_cmpstr (dumped, ==, expected);
}

/* Customers with the same email are skipped or merged, as asked */
static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_database (f, "db.sqlite");
  g_autoptr(GFile) first = write_file (f, "first.csv",
                                       "name,email,phone,notes\n"
                                       "Ada,ada@example.org,1,first\n"
                                       "Bob,,2,\n", -1);
  g_autoptr(GFile) second = write_file (f, "second.csv",
                                        "name,email,phone,notes\n"
                                        "Ada L.,ADA@example.org,3,\n"
                                        "Bob,,2,\n", -1);
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *dumped = NULL;

  report = import (db, first, TP_CSV_TABLE_CUSTOMERS, TP_CSV_DUPLICATES_SKIP, &error);
  g_assert_no_error (error);
  g_clear_pointer (&report, tp_csv_report_unref);

  report = import (db, second, TP_CSV_TABLE_CUSTOMERS, TP_CSV_DUPLICATES_SKIP, &error);
  g_assert_no_error (error);
  summary = tp_csv_report_to_string (report);
  /* Bob has no email: another Bob */
  g_assert_cmpstr (summary, ==, "1 customer imported, 1 row skipped — line 2: “Ada L.” is "
                                "already there and was left as it is");
  g_clear_pointer (&report, tp_csv_report_unref);
  g_clear_pointer (&summary, g_free);

  report = import (db, second, TP_CSV_TABLE_CUSTOMERS, TP_CSV_DUPLICATES_MERGE, &error);
  g_assert_no_error (error);
  summary = tp_csv_report_to_string (report);
  g_assert_cmpstr (summary, ==, "1 customer imported, 1 merged into one already there");

  /* Merged: the name and phone of the file, the notes kept */
  dumped = dump_table (db, "customers");
  g_assert_true (g_pattern_match_simple ("1:1|3:Ada L.|3:ada@example.org|3:3|NULL|NULL|3:lead|"
                                         "3:first|*", dumped));
}

/* Touches and orders find their customer by id, email or name */
static void
test_linking (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_database (f, "db.sqlite");
  g_autoptr(GFile) touches = NULL;
  g_autoptr(GFile) orders = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *dumped = NULL;

  exec_sql (db, "INSERT INTO customers (id, name, email, created_at, updated_at) VALUES"
                " (1, 'Ada', 'ada@example.org', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                " (2, 'Twin', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                " (3, 'Twin', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");

  touches = write_file (f, "touches.csv",
                        "Contact,Email,Date,Type,Notes,Done\n"
                        ",ada@example.org,2026-02-01,Phone call,called,yes\n"
                        "ada,,2026-02-02 10:00,E-mail,sent,\n"
                        "Twin,,2026-02-03,meeting,,\n"
                        "Nobody,,2026-02-04,meeting,,\n"
                        "Ada,,2099-01-01,Call,planned,\n", -1);
  /* Rows that cannot be linked fail the import, each on its line, and
   * change nothing */
  report = import (db, touches, TP_CSV_TABLE_TOUCHES, TP_CSV_DUPLICATES_SKIP, &error);
  g_assert_null (report);
  g_assert_error (error, TP_CSV_ERROR, TP_CSV_ERROR_REJECTED);
  g_assert_cmpstr (error->message, ==,
                   "touches.csv: line 4: field “Contact”: more than one customer is called "
                   "“Twin”; add a column with their email to tell them apart\n"
                   "touches.csv: line 5: field “Contact”: there is no customer “Nobody”");
  g_clear_error (&error);
  dumped = dump_table (db, "touches");
  g_assert_cmpstr (dumped, ==, "");
  g_clear_pointer (&dumped, g_free);

  /* Asked to, the import leaves them out */
  report = import_full (db, touches, TP_CSV_TABLE_TOUCHES, TP_CSV_DUPLICATES_SKIP, TRUE, &error);
  g_assert_no_error (error);
  summary = tp_csv_report_to_string (report);
  g_assert_cmpstr (summary, ==, "3 touches imported, 2 rows skipped — line 4: field “Contact”: "
                                "more than one customer is called “Twin”; add a column with "
                                "their email to tell them apart; line 5: field “Contact”: there "
                                "is no customer “Nobody”");
  g_clear_pointer (&report, tp_csv_report_unref);
  g_clear_pointer (&summary, g_free);

  dumped = dump_table (db, "touches");
  g_assert_true (g_pattern_match_simple ("1:1|1:1|3:2026-02-01T00:00:00Z|3:call|3:outbound|"
                                         "3:called|NULL|NULL|1:1|*\n"
                                         "1:2|1:1|3:2026-02-02T10:00:00Z|3:email|*|1:1|*\n"
                                         "1:3|1:1|3:2099-01-01T00:00:00Z|3:call|*|1:0|*\n",
                                         dumped));
  g_clear_pointer (&dumped, g_free);

  orders = write_file (f, "orders.csv",
                       "customer_id,customer_name,ordered_at,item,amount,currency,status\n"
                       "3,Twin,2026-02-05,Tea,\"1.234,50\",EUR,paid\n"
                       "1,Ada,2026-02-06,Cup,€ 12.5,,\n"
                       "1,Ada,2026-02-07,Pot,1200,JPY,canceled\n"
                       "2,,2026-02-08,Box,\"1,234\",EUR,\n", -1);
  report = import (db, orders, TP_CSV_TABLE_ORDERS, TP_CSV_DUPLICATES_SKIP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tp_csv_report_get_imported (report), ==, 4);

  dumped = dump_table (db, "orders");
  g_assert_true (g_pattern_match_simple ("1:1|1:3|3:2026-02-05T00:00:00Z|3:Tea|1:123450|3:EUR|"
                                         "3:fulfilled|*\n"
                                         "1:2|1:1|*|3:Cup|1:1250|3:EUR|3:open|*\n"
                                         "1:3|1:1|*|3:Pot|1:1200|3:JPY|3:cancelled|*\n"
                                         "1:4|1:2|*|3:Box|1:123400|3:EUR|3:open|*\n",
                                         dumped));
  g_clear_pointer (&dumped, g_free);

  /* The triggers counted them */
  dumped = dump_table (db, "customers");
  g_assert_true (g_pattern_match_simple ("1:1|3:Ada|*|1:2|3:2026-02-02T10:00:00Z|"
                                         "3:2026-02-06T00:00:00Z|1:1|1:1250|*", dumped));
}

static void
cancel_cb (double   fraction,
           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* A cancelled import changes nothing */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_database (f, "db.sqlite");
  g_autoptr(GString) contents = g_string_new ("name,email\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(TpCsvImporter) importer = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dumped = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (contents, "Customer %u,c%u@example.org\n", i, i);
  file = write_file (f, "many.csv", contents->str, (gssize)contents->len);

  importer = tp_csv_importer_new (file, TP_CSV_TABLE_CUSTOMERS);
  report = tp_csv_importer_run (importer, db, cancel_cb, cancellable, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  dumped = dump_table (db, "customers");
  g_assert_cmpstr (dumped, ==, "");
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  guint         n_progress;
} AsyncData;

static void
async_progress_cb (double   fraction,
                   gpointer user_data)
{
  AsyncData *async = user_data;

  async->n_progress++;
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncData *async = user_data;

  async->result = g_object_ref (result);
  g_main_loop_quit (async->loop);
}

/* Import and export run on a worker and report progress in the caller's
 * main context */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TpDatabase) target = open_database (f, "target.db");
  g_autofree char *source_path = fixture_db (f, "source.db");
  g_autofree char *target_path = fixture_db (f, "target.db");
  g_autoptr(GFile) file = write_file (f, "customers.csv", "", 0);
  g_autoptr(TpCsvImporter) importer = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dumped = NULL;
  AsyncData async = { g_main_loop_new (NULL, FALSE), NULL, 0 };

  g_object_unref (open_filled (f, "source.db"));
  tp_csv_export_async (source_path, TP_CSV_TABLE_CUSTOMERS, file, async_progress_cb, &async,
                       NULL, NULL, async_done_cb, &async);
  g_main_loop_run (async.loop);
  tp_csv_export_finish (async.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (async.n_progress, >, 0);
  g_clear_object (&async.result);

  async.n_progress = 0;
  importer = tp_csv_importer_new (file, TP_CSV_TABLE_CUSTOMERS);
  tp_csv_importer_load (importer, 3, NULL, &error);
  g_assert_no_error (error);
  tp_csv_importer_run_async (importer, target_path, async_progress_cb, &async, NULL, NULL,
                             async_done_cb, &async);
  g_main_loop_run (async.loop);
  report = tp_csv_importer_run_finish (importer, async.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tp_csv_report_get_imported (report), ==, TP_SAMPLE_SMALL_N_CUSTOMERS + 3);
  g_assert_cmpuint (async.n_progress, >, 0);
  g_clear_object (&async.result);

  dumped = dump_table (target, "customers");
  g_assert_nonnull (strstr (dumped, "Zoë"));

  g_main_loop_unref (async.loop);
}

typedef struct
{
  GThread *thread;
  int      released;
} Released;

static void
released_cb (gpointer data)
{
  Released *released = data;

  released->thread = g_thread_self ();
  g_atomic_int_set (&released->released, TRUE);
}

static void
ignore_progress_cb (double   fraction,
                    gpointer user_data)
{
}

static gpointer
drop_last_ref (gpointer data)
{
  g_object_unref (data);
  return NULL;
}

/* The progress data (the import dialog) and the importer belong to the
 * caller's thread. Whichever thread drops the task last, as the worker
 * does when it ends after the callback, they are released in the
 * caller's context. */
static void
test_async_release (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TpDatabase) target = open_database (f, "target.db");
  g_autofree char *target_path = fixture_db (f, "target.db");
  g_autoptr(GFile) file = write_file (f, "customers.csv", "name\nAda\n", -1);
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dumped = NULL;
  TpCsvImporter *importer = tp_csv_importer_new (file, TP_CSV_TABLE_CUSTOMERS);
  AsyncData async = { g_main_loop_new (NULL, FALSE), NULL, 0 };
  Released progress = { NULL, FALSE };
  Released source = { NULL, FALSE };
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_object_set_data_full (G_OBJECT (importer), "test-released", &source, released_cb);
  tp_csv_importer_load (importer, 3, NULL, &error);
  g_assert_no_error (error);
  tp_csv_importer_run_async (importer, target_path, ignore_progress_cb, &progress, released_cb,
                             NULL, async_done_cb, &async);
  g_main_loop_run (async.loop);
  report = tp_csv_importer_run_finish (importer, async.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tp_csv_report_get_imported (report), ==, 1);
  dumped = dump_table (target, "customers");
  g_assert_nonnull (strstr (dumped, "Ada"));

  /* The worker lets go; then another thread holds the last reference */
  while (g_atomic_int_get (&G_OBJECT (async.result)->ref_count) > 1)
    g_usleep (1000);
  g_object_unref (importer);
  g_thread_join (g_thread_new ("drop", drop_last_ref, g_steal_pointer (&async.result)));

  while (!g_atomic_int_get (&progress.released) || !g_atomic_int_get (&source.released))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (progress.thread == g_thread_self ());
  g_assert_true (source.thread == g_thread_self ());

  g_main_loop_unref (async.loop);
}

/* The command line prints one line naming the file, line and field, exits
 * with 1 and changes nothing */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("TP_TEST_DIR");
      g_autofree char *db_path = g_strdup (g_getenv ("TP_TEST_DB"));
      g_autofree char *csv_path = g_build_filename (dir, "people.csv", NULL);
      GVariantDict *options = g_variant_dict_new (NULL);
      int status;

      g_variant_dict_insert_value (options, "database", g_variant_new_bytestring (db_path));
      g_variant_dict_insert_value (options, "import-csv", g_variant_new_bytestring (csv_path));
      g_variant_dict_insert (options, "table", "s", "customers");
      status = tp_cli_run (options);
      /* exit() runs no cleanup of this scope: free what it holds first */
      g_variant_dict_unref (options);
      g_clear_pointer (&db_path, g_free);
      g_clear_pointer (&csv_path, g_free);
      exit (status);
    }
  else
    {
      g_autoptr(TpDatabase) db = open_database (f, "cli.db");
      g_autofree char *db_path = fixture_db (f, "cli.db");
      g_autofree char *dumped = NULL;

      g_object_unref (write_file (f, "people.csv",
                                  "name,email\nAda,ada@example.org\nBob,bob(at)x\n", -1));
      g_setenv ("TP_TEST_DIR", f->dir, TRUE);
      g_setenv ("TP_TEST_DB", db_path, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_failed ();
      g_test_trap_assert_stderr ("touchpoint: people.csv: line 3: field “email”: “Email” is not "
                                 "an email address: “bob(at)x”.\n");

      dumped = dump_table (db, "customers");
      g_assert_cmpstr (dumped, ==, "");
    }
}

/* Rows of a query, "a|b|c" a line, NULL as "-" */
static char *
query_rows (TpDatabase *db,
            const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  TpStatement *stmt = tp_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  while (tp_statement_step (stmt, &error))
    {
      for (int c = 0; c < tp_statement_get_n_columns (stmt); c++)
        {
          const char *text = tp_statement_get_text (stmt, c);

          g_string_append_printf (out, "%s%s", c > 0 ? "|" : "", text != NULL ? text : "-");
        }
      g_string_append_c (out, '\n');
    }
  g_assert_no_error (error);
  tp_statement_reset (stmt);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define CUSTOMERS_SQL "SELECT name, email, phone, stage, notes FROM customers ORDER BY id"
#define ORDERS_SQL \
  "SELECT c.name, o.ordered_at, o.item, o.amount_minor, o.currency, o.status, o.fulfilled_at" \
  " FROM orders AS o JOIN customers AS c ON c.id = o.customer_id ORDER BY o.id"

/* Each export, with the columns its platform documents: recognised from
 * its header, imported into the table it fills, and imported a second
 * time without a change. */
typedef struct
{
  const char  *file;
  TpCsvFormat  format;
  const char  *customers;
  const char  *orders;
} FormatCase;

static const FormatCase format_cases[] = {
  { "google-contacts.csv", TP_CSV_FORMAT_GOOGLE_CONTACTS,
    "Grace Brewster Hopper|grace@example.org|+1 202 555 0101|lead|Met at the fair\n"
    "Alan Turing|alan@example.org||lead|\n", "" },
  { "outlook-contacts.csv", TP_CSV_FORMAT_OUTLOOK_CONTACTS,
    "Katherine Johnson|katherine@example.org|+1 757 555 0199|lead|Orbits\n"
    "Dorothy Vaughan|dorothy@example.org|+1 757 555 0123|lead|\n", "" },
  { "shopify-customers.csv", TP_CSV_FORMAT_SHOPIFY_CUSTOMERS,
    "Ada Lovelace|ada@example.org|+44 20 7946 0000|lead|Likes blue\n"
    "Bob Brown|bob@example.org|+44 113 496 0000|lead|\n", "" },
  { "shopify-orders.csv", TP_CSV_FORMAT_SHOPIFY_ORDERS,
    "Ada Lovelace|ada@example.org||customer|\n"
    "Bob Brown|bob@example.org||customer|\n",
    /* "2026-03-01 14:30:00 +0100"; an order of two items in two rows */
    "Ada Lovelace|2026-03-01T13:30:00Z|Blue Mug, Poster|5400|EUR|fulfilled|2026-03-03T09:00:00Z\n"
    "Bob Brown|2026-03-02T09:05:00Z|Tea Towel|1250|EUR|open|-\n" },
  { "etsy-sold-order-items.csv", TP_CSV_FORMAT_ETSY_ORDERS,
    "Mary Jackson|||customer|\n"
    "Christine Darden|||customer|\n",
    /* Etsy writes MM/DD/YY: 03/04/26 is 4 March */
    "Mary Jackson|2026-03-01T00:00:00Z|Linen Apron, Oven Mitt|5100|USD|open|2026-03-04T00:00:00Z\n"
    "Christine Darden|2026-03-02T00:00:00Z|Linen Apron|3200|USD|open|-\n" },
  { "woocommerce-customers.csv", TP_CSV_FORMAT_WOOCOMMERCE_CUSTOMERS,
    "Hedy Lamarr|hedy@example.org||lead|\n"
    "Emmy Noether|emmy@example.org||lead|\n", "" },
  { "woocommerce-orders.csv", TP_CSV_FORMAT_WOOCOMMERCE_ORDERS,
    "Hedy Lamarr|||customer|\n",
    "Hedy Lamarr|2026-03-05T16:20:00Z|Candle|1800|EUR|fulfilled|-\n"
    "Hedy Lamarr|2026-03-06T08:00:00Z|Candle, Matches|2150|EUR|open|-\n" },
  { "square-customers.csv", TP_CSV_FORMAT_SQUARE_CUSTOMERS,
    "Mae Jemison|mae@example.org|+1 312 555 0142|lead|Oat milk\n", "" },
  { "square-item-sales.csv", TP_CSV_FORMAT_SQUARE_ORDERS,
    "Mae Jemison|||customer|\n",
    /* The date and the time of day in two columns; two items of one sale */
    "Mae Jemison|2026-03-14T14:30:05Z|Flat White, Croissant|625|EUR|open|-\n" },
};

static TpCsvReport *
import_export (TpDatabase       *db,
               const char       *path,
               TpCsvFormat       format,
               GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpCsvImporter) importer = tp_csv_importer_new (file, TP_CSV_TABLE_CUSTOMERS);

  tp_csv_importer_load (importer, 5, NULL, error);
  g_assert_no_error (*error);
  g_assert_cmpint (tp_csv_importer_get_format (importer), ==, format);
  tp_csv_importer_set_table (importer, tp_csv_format_get_table (format));

  return tp_csv_importer_run (importer, db, NULL, NULL, NULL, error);
}

static void
test_formats (Fixture       *f,
              gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      const FormatCase *c = &format_cases[i];
      g_autofree char *db_name = g_strdup_printf ("format-%u.db", i);
      g_autoptr(TpDatabase) db = open_database (f, db_name);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "imports", c->file,
                                                     NULL);
      g_autoptr(TpCsvReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *customers = NULL;
      g_autofree char *orders = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s", c->file);
      report = import_export (db, path, c->format, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tp_csv_report_get_imported (report), >, 0);

      customers = query_rows (db, CUSTOMERS_SQL);
      orders = query_rows (db, ORDERS_SQL);
      g_assert_cmpstr (customers, ==, c->customers);
      g_assert_cmpstr (orders, ==, c->orders);

      /* The same file again changes nothing */
      before = dump (db);
      g_clear_pointer (&report, tp_csv_report_unref);
      report = import_export (db, path, c->format, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tp_csv_report_get_imported (report), ==, 0);
      after = dump (db);
      g_assert_cmpstr (after, ==, before);
    }
}

/* Dates as people write them, each stored in the canonical form */
static void
test_date_forms (Fixture       *f,
                 gconstpointer  data)
{
  static const struct
  {
    const char     *written;
    TpCsvDateOrder  order;
    const char     *stored;
  } cases[] = {
    { "2026-03-01", TP_CSV_DATE_ORDER_UNKNOWN, "2026-03-01T00:00:00Z" },
    { "2026-03-01T14:30:00Z", TP_CSV_DATE_ORDER_UNKNOWN, "2026-03-01T14:30:00Z" },
    { "2026-03-01 14:30:00 +0000", TP_CSV_DATE_ORDER_UNKNOWN, "2026-03-01T14:30:00Z" },
    { "2026-03-01 14:30:00 +0100", TP_CSV_DATE_ORDER_UNKNOWN, "2026-03-01T13:30:00Z" },
    { "2026-03-01T14:30-02:30", TP_CSV_DATE_ORDER_UNKNOWN, "2026-03-01T17:00:00Z" },
    { "2026-03-01 14:30", TP_CSV_DATE_ORDER_UNKNOWN, "2026-03-01T14:30:00Z" },
    { "2026-03-01 14:30:00 UTC", TP_CSV_DATE_ORDER_UNKNOWN, "2026-03-01T14:30:00Z" },
    { "2026/03/01", TP_CSV_DATE_ORDER_MDY, "2026-03-01T00:00:00Z" },
    { "01/03/2026", TP_CSV_DATE_ORDER_DMY, "2026-03-01T00:00:00Z" },
    { "1.3.2026", TP_CSV_DATE_ORDER_DMY, "2026-03-01T00:00:00Z" },
    { "01-03-2026 14:30", TP_CSV_DATE_ORDER_DMY, "2026-03-01T14:30:00Z" },
    { "3/1/2026", TP_CSV_DATE_ORDER_MDY, "2026-03-01T00:00:00Z" },
    { "3/1/26 2:30 PM", TP_CSV_DATE_ORDER_MDY, "2026-03-01T14:30:00Z" },
    { "3/1/26 12:05 AM", TP_CSV_DATE_ORDER_MDY, "2026-03-01T00:05:00Z" },
    { "01/03/26", TP_CSV_DATE_ORDER_DMY, "2026-03-01T00:00:00Z" },
    { "31/12/99", TP_CSV_DATE_ORDER_DMY, "1999-12-31T00:00:00Z" },
    { "1/1/68", TP_CSV_DATE_ORDER_DMY, "2068-01-01T00:00:00Z" },
    { "26/03/01", TP_CSV_DATE_ORDER_YMD, "2026-03-01T00:00:00Z" },
    { "01/01/2026", TP_CSV_DATE_ORDER_UNKNOWN, "2026-01-01T00:00:00Z" },
  };
  static const char * const refused[] = {
    "30/02/2026", "13/13/2026", "2026-03-01 25:00", "3/1/26 13:00 PM", "1/2/3", "01/03",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("dates-%u.db", i);
      g_autofree char *csv = g_strdup_printf ("name,created_at\nCase %u,\"%s\"\n", i,
                                              cases[i].written);
      g_autoptr(TpDatabase) db = open_database (f, name);
      g_autoptr(GFile) file = write_file (f, "dates.csv", csv, -1);
      g_autoptr(TpCsvImporter) importer = tp_csv_importer_new (file, TP_CSV_TABLE_CUSTOMERS);
      g_autoptr(TpCsvReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = NULL;
      g_autofree char *expected = g_strdup_printf ("%s\n", cases[i].stored);
      g_autofree char *normalized = tp_csv_normalize_time (cases[i].written, cases[i].order);

      g_test_message ("%s", cases[i].written);
      g_assert_cmpstr (normalized, ==, cases[i].stored);

      tp_csv_importer_set_date_order (importer, cases[i].order);
      report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      stored = query_rows (db, "SELECT created_at FROM customers");
      g_assert_cmpstr (stored, ==, expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *normalized = NULL;

      for (TpCsvDateOrder o = TP_CSV_DATE_ORDER_UNKNOWN; o <= TP_CSV_DATE_ORDER_YMD; o++)
        {
          normalized = tp_csv_normalize_time (refused[i], o);
          if (normalized != NULL)
            g_error ("“%s” read as %s", refused[i], normalized);
        }
    }
}

/* Day first or month first: found from the file when one date says, asked
 * when none does */
static void
test_date_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_database (f, "db.sqlite");
  g_autoptr(GFile) dmy = write_file (f, "dmy.csv",
                                     "name,created_at\nAda,01/03/2026\nBob,13/03/2026\n", -1);
  g_autoptr(GFile) mdy = write_file (f, "mdy.csv",
                                     "name,created_at\nCy,3/1/26\nDi,3/13/26\n", -1);
  g_autoptr(GFile) ambiguous = write_file (f, "ambiguous.csv",
                                           "name,Signed up\nEd,2026-03-01\nFa,03/04/2026\n"
                                           "Gu,05/06/2026\n", -1);
  g_autoptr(TpCsvImporter) importer = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  /* Bob's 13 can only be a day */
  importer = tp_csv_importer_new (dmy, TP_CSV_TABLE_CUSTOMERS);
  g_assert_true (tp_csv_importer_load (importer, 1, NULL, &error));
  g_assert_true (tp_csv_importer_scan_dates (importer, NULL, &error));
  g_assert_false (tp_csv_importer_get_dates_ambiguous (importer));
  {
    g_autofree char *preview = tp_csv_importer_get_preview_stored (importer, 0, 1);

    g_assert_cmpstr (preview, ==, "2026-03-01T00:00:00Z");
  }
  report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&report, tp_csv_report_unref);
  g_clear_object (&importer);

  /* Di's 13 can only be a day, second */
  importer = tp_csv_importer_new (mdy, TP_CSV_TABLE_CUSTOMERS);
  report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&report, tp_csv_report_unref);
  g_clear_object (&importer);

  stored = query_rows (db, "SELECT name, created_at FROM customers ORDER BY id");
  g_assert_cmpstr (stored, ==,
                   "Ada|2026-03-01T00:00:00Z\nBob|2026-03-13T00:00:00Z\n"
                   "Cy|2026-03-01T00:00:00Z\nDi|2026-03-13T00:00:00Z\n");
  g_clear_pointer (&stored, g_free);

  /* Nothing says which: the import names the first such date and changes
   * nothing */
  importer = tp_csv_importer_new (ambiguous, TP_CSV_TABLE_CUSTOMERS);
  g_assert_true (tp_csv_importer_load (importer, 2, NULL, &error));
  g_assert_true (tp_csv_importer_map_column (importer, "created_at", "signed up", &error));
  g_assert_true (tp_csv_importer_scan_dates (importer, NULL, &error));
  g_assert_true (tp_csv_importer_get_dates_ambiguous (importer));
  report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, TP_CSV_ERROR, TP_CSV_ERROR_DATE_ORDER);
  g_assert_cmpstr (error->message, ==,
                   "ambiguous.csv: line 3: field “Signed up”: “03/04/2026” can be read day first "
                   "or month first, and no date in the file says which; say which with the date "
                   "order (--date-order dmy or mdy)");
  g_clear_error (&error);
  g_assert_cmpint (count_rows (db, "customers"), ==, 4);

  /* Told, it imports */
  tp_csv_importer_set_date_order (importer, TP_CSV_DATE_ORDER_MDY);
  g_assert_false (tp_csv_importer_get_dates_ambiguous (importer));
  {
    g_autofree char *preview = tp_csv_importer_get_preview_stored (importer, 1, 1);

    g_assert_cmpstr (preview, ==, "2026-03-04T00:00:00Z");
  }
  report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  stored = query_rows (db, "SELECT name, created_at FROM customers WHERE id > 4 ORDER BY id");
  g_assert_cmpstr (stored, ==,
                   "Ed|2026-03-01T00:00:00Z\nFa|2026-03-04T00:00:00Z\nGu|2026-05-06T00:00:00Z\n");
  g_clear_pointer (&report, tp_csv_report_unref);
  g_clear_object (&importer);

  /* The dates of a long file written year first are not all read for
   * the order; a date further on that could be either is refused with
   * its row */
  {
    g_autoptr(GString) csv = g_string_new ("name,created_at\n");
    g_autoptr(GFile) late = NULL;

    for (guint i = 0; i < 10001; i++)
      g_string_append_printf (csv, "Person %u,2026-01-01T00:00:00Z\n", i);
    g_string_append (csv, "Late,03/04/2026\n");
    late = write_file (f, "late.csv", csv->str, -1);

    importer = tp_csv_importer_new (late, TP_CSV_TABLE_CUSTOMERS);
    report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
    g_assert_null (report);
    g_assert_error (error, TP_CSV_ERROR, TP_CSV_ERROR_REJECTED);
    g_assert_cmpstr (error->message, ==,
                     "late.csv: line 10003: field “created_at”: “03/04/2026” can be read day "
                     "first or month first; say which with the date order (--date-order dmy "
                     "or mdy)");
    g_assert_cmpint (count_rows (db, "customers"), ==, 7);
  }
}

/* --map: a column of another name for a field, and mistakes named */
static void
test_map_column (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "orders.csv", "Who,When,What,How much\n", -1);
  g_autoptr(TpCsvImporter) importer = tp_csv_importer_new (file, TP_CSV_TABLE_ORDERS);
  g_autoptr(GError) error = NULL;

  g_assert_true (tp_csv_importer_load (importer, 0, NULL, &error));
  g_assert_false (tp_csv_importer_check_mapping (importer, &error));
  g_assert_error (error, TP_CSV_ERROR, TP_CSV_ERROR_MAPPING);
  g_clear_error (&error);

  g_assert_true (tp_csv_importer_map_column (importer, "customer_name", "Who", &error));
  g_assert_true (tp_csv_importer_map_column (importer, "ordered_at", "when", &error));
  g_assert_true (tp_csv_importer_map_column (importer, "item", "What", &error));
  g_assert_true (tp_csv_importer_map_column (importer, "amount", "How much", &error));
  g_assert_true (tp_csv_importer_check_mapping (importer, &error));
  g_assert_cmpint (tp_csv_importer_get_column_field (importer, 1), ==, TP_CSV_FIELD_ORDERED_AT);

  /* One column per field: mapping another moves it */
  g_assert_true (tp_csv_importer_map_column (importer, "item", "Who", &error));
  g_assert_cmpint (tp_csv_importer_get_column_field (importer, 0), ==, TP_CSV_FIELD_ITEM);
  g_assert_cmpint (tp_csv_importer_get_column_field (importer, 2), ==, TP_CSV_FIELD_IGNORE);

  g_assert_false (tp_csv_importer_map_column (importer, "stage", "Who", &error));
  g_assert_error (error, TP_CSV_ERROR, TP_CSV_ERROR_MAPPING);
  g_assert_true (g_str_has_prefix (error->message, "“stage” is not a field of orders: use one of "
                                   "customer_name, customer_email"));
  g_clear_error (&error);

  g_assert_false (tp_csv_importer_map_column (importer, "item", "Where", &error));
  g_assert_error (error, TP_CSV_ERROR, TP_CSV_ERROR_MAPPING);
  g_assert_cmpstr (error->message, ==, "orders.csv: there is no column “Where”");
}

/* vCard 3.0 and 4.0, read by libebook-contacts: folded and escaped lines,
 * a telephone number as a URI, a card with N but no FN */
static void
test_vcard (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_database (f, "db.sqlite");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "imports", "contacts.vcf",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) broken = write_file (f, "broken.vcf", "BEGIN:VCARD\r\nFN:Ada\r\n", -1);
  g_autoptr(TpCsvImporter) importer = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  importer = tp_csv_importer_new (file, TP_CSV_TABLE_CUSTOMERS);
  g_assert_true (tp_csv_importer_load (importer, 10, NULL, &error));
  g_assert_cmpint (tp_csv_importer_get_format (importer), ==, TP_CSV_FORMAT_VCARD);
  g_assert_cmpuint (tp_csv_importer_get_n_preview_rows (importer), ==, 3);
  g_assert_cmpstr (tp_csv_importer_get_preview_value (importer, 2, 2), ==, "Curie");

  report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  customers = query_rows (db, CUSTOMERS_SQL);
  g_assert_cmpstr (customers, ==,
                   "Rosalind Franklin|rosalind@example.org|+44 20 7946 0001|lead|Met at the "
                   "market, bought two mugs. Wants the autumn glaze when it is back in stock.\n"
                   "Lise Meitner|lise@example.org|+43-1-555-0100|lead|\n"
                   "Marie Curie|marie@example.org||lead|\n");

  /* Again: nothing changes */
  before = dump (db);
  g_clear_pointer (&report, tp_csv_report_unref);
  g_clear_object (&importer);
  importer = tp_csv_importer_new (file, TP_CSV_TABLE_CUSTOMERS);
  report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tp_csv_report_get_imported (report), ==, 0);
  after = dump (db);
  g_assert_cmpstr (after, ==, before);
  g_clear_object (&importer);

  importer = tp_csv_importer_new (broken, TP_CSV_TABLE_CUSTOMERS);
  g_assert_false (tp_csv_importer_load (importer, 10, NULL, &error));
  g_assert_error (error, TP_CSV_ERROR, TP_CSV_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==,
                   "broken.vcf: a card that begins with BEGIN:VCARD never ends with END:VCARD");
}

/* evolution-data-server 3.46 (Debian 12) warns about each vCard line it
 * cannot read before it skips the line; later versions stay quiet. Only
 * those warnings are let through here: every other one stays fatal. */
static gboolean
fatal_unless_vcard_parser (const char     *log_domain,
                           GLogLevelFlags  log_level,
                           const char     *message,
                           gpointer        user_data)
{
  return g_strcmp0 (log_domain, "libebook-contacts") != 0 ||
         (log_level & G_LOG_LEVEL_MASK) != G_LOG_LEVEL_WARNING;
}

static void
ignore_vcard_parser (const char     *log_domain,
                     GLogLevelFlags  log_level,
                     const char     *message,
                     gpointer        user_data)
{
  g_test_message ("%s: %s", log_domain, message);
}

/* A card with lines no vCard reader understands (a bad property name, a
 * group with two dots, a stray escape) still brings in what it can read,
 * and the card after it, with a quoted-printable value over two lines
 * (vCard 2.1), is read whole */
static void
test_vcard_damaged (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_database (f, "db.sqlite");
  g_autoptr(GFile) file = write_file (f, "damaged.vcf",
                                      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\n"
                                      "E@MAIL:wrong@example.org\r\nA.B.C:x\r\n"
                                      "EMAIL:ada@example.org\r\nNOTE:two\\qthree\r\n"
                                      "END:VCARD\r\n"
                                      "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Grace Hopper\r\n"
                                      "NOTE;ENCODING=QUOTED-PRINTABLE:Navy=0Acompiler =\r\n"
                                      "pioneer\r\n"
                                      "END:VCARD\r\n", -1);
  g_autoptr(TpCsvImporter) importer = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *notes = NULL;

  g_log_set_handler ("libebook-contacts", G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL,
                     ignore_vcard_parser, NULL);
  g_test_log_set_fatal_handler (fatal_unless_vcard_parser, NULL);

  importer = tp_csv_importer_new (file, TP_CSV_TABLE_CUSTOMERS);
  report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tp_csv_report_get_imported (report), ==, 2);
  customers = query_rows (db, "SELECT name, email, phone, stage FROM customers ORDER BY id");
  g_assert_cmpstr (customers, ==,
                   "Ada Lovelace|ada@example.org||lead\n"
                   "Grace Hopper|||lead\n");
  notes = query_rows (db, "SELECT notes FROM customers ORDER BY id");
  g_assert_true (g_str_has_prefix (notes, "two\\qthree\nNavy\ncompiler "));
  /* libebook-contacts 3.46 keeps the soft line break; whatever it makes
   * of it, the value's second line is not lost */
  g_assert_true (g_str_has_suffix (notes, "pioneer\n"));
}

int
main (int   argc,
      char *argv[])
{
  /* The command line prints in the locale's charset, as in the app */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/touchpoint/csv/round-trip", test_round_trip);
  ADD ("/touchpoint/csv/mapping", test_mapping);
  ADD ("/touchpoint/csv/google-contacts", test_google_contacts);
  ADD ("/touchpoint/csv/dialects", test_dialects);
  ADD ("/touchpoint/csv/encodings", test_encodings);
  ADD ("/touchpoint/csv/bad-inputs", test_bad_inputs);
  ADD ("/touchpoint/csv/huge-field", test_huge_field);
  ADD ("/touchpoint/csv/bounded-records", test_bounded_records);
  ADD ("/touchpoint/csv/skip-bad-rows", test_skip_bad_rows);
  ADD ("/touchpoint/csv/formulas", test_formulas);
  ADD ("/touchpoint/csv/duplicates", test_duplicates);
  ADD ("/touchpoint/csv/linking", test_linking);
  ADD ("/touchpoint/csv/cancel", test_cancel);
  ADD ("/touchpoint/csv/async", test_async);
  ADD ("/touchpoint/csv/async-release", test_async_release);
  ADD ("/touchpoint/csv/cli", test_cli);
  ADD ("/touchpoint/csv/formats", test_formats);
  ADD ("/touchpoint/csv/date-forms", test_date_forms);
  ADD ("/touchpoint/csv/date-order", test_date_order);
  ADD ("/touchpoint/csv/map-column", test_map_column);
  ADD ("/touchpoint/csv/vcard", test_vcard);
  ADD ("/touchpoint/csv/vcard-damaged", test_vcard_damaged);

#undef ADD

  return g_test_run ();
}
