/* test-sample.c
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

#define G_LOG_DOMAIN "test-sample"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "tp-analytics.h"
#include "tp-test-engine.h"
#include "tp-cli.h"
#include "tp-migrations-private.h"
#include "tp-sample-private.h"

/* 2026-03-18T12:00:00Z */
#define NOW G_GINT64_CONSTANT (1773835200)

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tp-sample-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = tp_test_engine_new_shared_database (f->dir, "business.db");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  const char *name;
  GDir *dir = g_dir_open (f->dir, 0, NULL);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_unlink (child);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_rmdir (f->dir);

  g_free (f->path);
  g_free (f->dir);
}

static TpDatabase *
open_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  TpDatabase *db = tp_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);

  return db;
}

static gint64
query_int (TpDatabase *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt;
  gint64 value;

  stmt = tp_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  value = tp_statement_get_int64 (stmt, 0);
  tp_statement_reset (stmt);

  return value;
}

static char *
query_text (TpDatabase *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt;
  char *value;

  stmt = tp_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  value = g_strdup (tp_statement_get_text (stmt, 0));
  tp_statement_reset (stmt);

  return value;
}

static void
fill_small (TpDatabase *db)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (NOW);
  g_autoptr(GError) error = NULL;

  g_assert_true (_tp_sample_fill_full (db, NULL, now, &error));
  g_assert_no_error (error);
}

/* Customers whose stored figures differ from what their touches and
 * orders say; 0 when the triggers' work is right */
static gint64
count_wrong_figures (TpDatabase *db)
{
  return query_int (db,
                    "SELECT count(*) FROM customers c WHERE"
                    " touch_count != (SELECT count(*) FROM touches"
                    "                 WHERE customer_id = c.id AND done = 1)"
                    " OR last_touch_at IS NOT (SELECT max(happened_at) FROM touches"
                    "                          WHERE customer_id = c.id AND done = 1)"
                    " OR order_count != (SELECT count(*) FROM orders"
                    "                    WHERE customer_id = c.id AND status != 'cancelled')"
                    " OR first_order_at IS NOT (SELECT min(ordered_at) FROM orders"
                    "                           WHERE customer_id = c.id AND status != 'cancelled')"
                    " OR total_spent_minor != (SELECT coalesce(sum(amount_minor), 0) FROM orders"
                    "                          WHERE customer_id = c.id AND status != 'cancelled')");
}

/* Every row of @sql, its columns joined by ':' (NULL as nothing), the
 * rows by '|': the same text on both engines */
static char *
dump_rows (TpDatabase *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  TpStatement *stmt = tp_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  while (tp_statement_step (stmt, &error))
    {
      int n = tp_statement_get_n_columns (stmt);

      if (out->len > 0)
        g_string_append_c (out, '|');
      for (int i = 0; i < n; i++)
        {
          const char *text = tp_statement_get_text (stmt, i);

          g_string_append_printf (out, "%s%s", i > 0 ? ":" : "", text != NULL ? text : "");
        }
    }
  g_assert_no_error (error);
  tp_statement_reset (stmt);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dump_figures (TpDatabase *db)
{
  return dump_rows (db, "SELECT id, touch_count, last_touch_at, order_count, first_order_at,"
                        " total_spent_minor FROM customers ORDER BY id");
}

/* Makes the schema's triggers compute every customer's figures again, so
 * that a test can compare them with what is stored */
static void
recompute_with_triggers (TpDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tp_database_exec (db,
                                   "UPDATE touches SET done = done;"
                                   "UPDATE orders SET status = status",
                                   &error));
  g_assert_no_error (error);
}

/* What Results reads, as the tables hold it (the ids of results_days
 * are only row numbers) */
static char *
dump_results (TpDatabase *db)
{
  g_autofree char *customers = NULL;
  g_autofree char *days = NULL;

  customers = dump_rows (db, "SELECT id, audience_id, stage, order_count, first_touch_id,"
                             " first_touch_at, first_tactic_id, first_place_id, first_channel,"
                             " first_order_id, first_order_at, touches_before_order,"
                             " last_touch_id, last_touch_at, last_tactic_id, last_place_id"
                             " FROM results_customers ORDER BY id");
  days = dump_rows (db, "SELECT day, tactic_id, place_id, audience_id, n_touches"
                        " FROM results_days ORDER BY day, tactic_id, place_id, audience_id");

  return g_strjoin ("#", customers, days, NULL);
}

static char *
dump_business (TpDatabase *db)
{
  g_autofree char *customers = NULL;
  g_autofree char *touches = NULL;
  g_autofree char *orders = NULL;
  g_autofree char *log = NULL;

  customers = dump_rows (db, "SELECT name, email, phone, audience_id, source_channel, stage,"
                             " notes, created_at, updated_at FROM customers ORDER BY id");
  touches = dump_rows (db, "SELECT customer_id, happened_at, channel, direction, note, tactic_id,"
                           " done, created_at FROM touches ORDER BY id");
  orders = dump_rows (db, "SELECT customer_id, ordered_at, item, amount_minor, currency, status,"
                          " fulfilled_at FROM orders ORDER BY id");
  log = dump_rows (db, "SELECT tactic_id, done_at FROM tactic_log ORDER BY id");

  return g_strjoin ("#", customers, touches, orders, log, NULL);
}

static void
test_small (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_database (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *business = NULL;

  g_assert_true (tp_sample_fill (db, TP_SAMPLE_SIZE_SMALL, &error));
  g_assert_no_error (error);

  /* The counts tp-sample.h documents */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audiences"), ==, TP_SAMPLE_N_AUDIENCES);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audience_places"), ==, TP_SAMPLE_N_PLACES);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM brand_words"), ==, TP_SAMPLE_N_BRAND_WORDS);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM competitors"), ==, TP_SAMPLE_N_COMPETITORS);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tactics WHERE active = 1"), ==,
                   TP_SAMPLE_N_TACTICS);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tactics"), ==, TP_SAMPLE_N_TACTICS);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers"), ==, TP_SAMPLE_SMALL_N_CUSTOMERS);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches"), ==, TP_SAMPLE_SMALL_N_TOUCHES);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches WHERE done = 0"), ==,
                   TP_SAMPLE_SMALL_N_PLANNED);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM orders"), ==, TP_SAMPLE_SMALL_N_ORDERS);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM orders WHERE status = 'cancelled'"), ==,
                   TP_SAMPLE_SMALL_N_CANCELLED);

  /* Good Boy Bakery, with a primary audience and a place or more for each */
  business = query_text (db, "SELECT business_name FROM brand WHERE id = 1");
  g_assert_cmpstr (business, ==, "Good Boy Bakery");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM brand WHERE tagline != ''"
                                  " AND positioning != '' AND differentiators != ''"
                                  " AND friends_words != ''"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audiences WHERE is_primary = 1"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audiences a WHERE who != ''"
                                  " AND looks_like != '' AND needs != '' AND message != ''"
                                  " AND (SELECT count(*) FROM audience_places"
                                  "      WHERE audience_id = a.id) BETWEEN 2 AND 3"), ==, 2);

  /* Every tactic has a log over the last weeks, none of it in the future */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tactics t WHERE"
                                  " (SELECT count(*) FROM tactic_log WHERE tactic_id = t.id) >= 2"),
                   ==, TP_SAMPLE_N_TACTICS);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tactic_log"
                                  " WHERE done_at > strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                  " OR done_at < strftime ('%Y-%m-%dT%H:%M:%SZ', 'now', '-71 days')"),
                   ==, 0);
}

static void
test_small_makes_sense (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_database (f->path);

  fill_small (db);

  /* Believable people: a name and a unique e-mail address each */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT email) FROM customers"
                                  " WHERE email LIKE '%_@example.%'"), ==,
                   TP_SAMPLE_SMALL_N_CUSTOMERS);

  /* 0–15 done touches each, over the last months; the planned ones partly
   * ahead, partly overdue */
  g_assert_cmpint (query_int (db, "SELECT min(touch_count) FROM customers"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT max(touch_count) FROM customers"), ==, 15);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches WHERE done = 1"
                                  " AND (happened_at > '2026-03-18T12:00:00Z'"
                                  "      OR happened_at < '2025-09-01T00:00:00Z')"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches WHERE done = 0"
                                  " AND happened_at > '2026-03-18T12:00:00Z'"), ==, 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches WHERE done = 0"
                                  " AND happened_at <= '2026-03-18T12:00:00Z'"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches t JOIN customers c"
                                  " ON c.id = t.customer_id WHERE t.happened_at < c.created_at"
                                  " OR t.created_at < c.created_at"), ==, 0);

  /* Orders in the past, in EUR (the default currency), after the customer
   * was created */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM orders o JOIN customers c"
                                  " ON c.id = o.customer_id WHERE o.ordered_at < c.created_at"
                                  " OR o.ordered_at > '2026-03-18T12:00:00Z'"
                                  " OR o.currency != 'EUR' OR o.amount_minor <= 0"), ==, 0);

  /* Stages that go with the orders and touches */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers WHERE"
                                  " (order_count >= 2 AND stage != 'repeat')"
                                  " OR (order_count = 1 AND stage != 'customer')"
                                  " OR (order_count = 0 AND stage IN ('customer', 'repeat'))"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT stage) FROM customers"), ==, 5);

  /* The chart is interesting: all three parts of the band are there */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers WHERE touch_count < 5"), >, 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers WHERE touch_count BETWEEN 5 AND 12"),
                   >, 10);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers WHERE touch_count > 12"), >, 2);

  g_assert_cmpint (count_wrong_figures (db), ==, 0);
}

static void
test_small_follow_ups (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_database (f->path);
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (NOW);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) queue = NULL;
  g_autoptr(TpFirstPurchaseStats) stats = NULL;
  guint planned = 0;

  fill_small (db);

  /* The three overdue planned touches are in the queue, and so is
   * somebody who went quiet */
  queue = tp_analytics_follow_ups (db, NULL, now, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < queue->len; i++)
    {
      if (g_array_index (queue, TpFollowUp, i).reason == TP_FOLLOW_UP_REASON_PLANNED_DUE)
        planned++;
    }
  g_assert_cmpuint (planned, ==, 3);
  g_assert_cmpuint (queue->len, >, planned);

  /* 18 buyers (Ella's only order was cancelled); each bought after the
   * number of touches the table in tp-sample.c gives: 3, 4, 5, 5, 5, 6, 6,
   * 6, 7, 7, 8, 8, 9, 9, 10, 11, 11, 12 */
  stats = tp_analytics_touches_before_first_purchase (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->n_buyers, ==, 18);
  g_assert_cmpuint (stats->n_inside_band, ==, 16);
  g_assert_cmpfloat (stats->median, ==, 7.0);
  g_assert_cmpuint (stats->histogram->len, ==, 13);
  g_assert_cmpuint (g_array_index (stats->histogram, guint, 5), ==, 3);
  g_assert_cmpuint (g_array_index (stats->histogram, guint, 6), ==, 3);
}

static void
test_currency (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_database (f->path);
  g_autoptr(GError) error = NULL;

  g_assert_true (tp_database_exec (db,
                                   "INSERT INTO settings (key, value, created_at, updated_at)"
                                   " VALUES ('currency', 'CHF', '2026-01-01T00:00:00Z',"
                                   " '2026-01-01T00:00:00Z')",
                                   &error));
  g_assert_no_error (error);

  /* settings hold preferences, not a business: the sample still fills */
  fill_small (db);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM orders WHERE currency = 'CHF'"), ==,
                   TP_SAMPLE_SMALL_N_ORDERS);
}

static void
test_refuse_filled (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TpDatabase) db = open_database (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fill_small (db);
  before = dump_business (db);

  g_assert_false (tp_sample_fill (db, TP_SAMPLE_SIZE_SMALL, &error));
  g_assert_error (error, TP_SAMPLE_ERROR, TP_SAMPLE_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, tp_database_get_display_name (db)));
  g_clear_error (&error);

  g_assert_false (tp_sample_fill (db, TP_SAMPLE_SIZE_LARGE, &error));
  g_assert_error (error, TP_SAMPLE_ERROR, TP_SAMPLE_ERROR_NOT_EMPTY);
  g_clear_error (&error);

  g_assert_false (tp_sample_fill (db, TP_SAMPLE_SIZE_HUGE, &error));
  g_assert_error (error, TP_SAMPLE_ERROR, TP_SAMPLE_ERROR_NOT_EMPTY);

  after = dump_business (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers"), ==, TP_SAMPLE_SMALL_N_CUSTOMERS);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audiences"), ==, TP_SAMPLE_N_AUDIENCES);
  g_assert_cmpuint (tp_database_get_depth (db), ==, 0);
}

static void
test_refuse_any_table (Fixture       *f,
                       gconstpointer  data)
{
  /* One row in any one business table is enough to refuse */
  static const char * const rows[] = {
    "INSERT INTO audiences (name, created_at, updated_at) VALUES ('Vets', 'x', 'x')",
    "INSERT INTO brand (id, business_name, created_at, updated_at) VALUES (1, 'Mine', 'x', 'x')",
    "INSERT INTO brand_words (word, created_at, updated_at) VALUES ('Bold', 'x', 'x')",
    "INSERT INTO competitors (name, created_at, updated_at) VALUES ('Them', 'x', 'x')",
    "INSERT INTO tactics (name, channel, created_at, updated_at) VALUES ('Ads', 'ad', 'x', 'x')",
    "INSERT INTO customers (name, created_at, updated_at) VALUES ('Ann', 'x', 'x')",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *name = g_strdup_printf ("business-%u.db", i);
      g_autofree char *path = tp_test_engine_new_shared_database (f->dir, name);
      g_autoptr(TpDatabase) db = open_database (path);
      g_autoptr(GError) error = NULL;

      g_assert_true (tp_database_exec (db, rows[i], &error));
      g_assert_no_error (error);

      g_assert_false (tp_sample_fill (db, TP_SAMPLE_SIZE_SMALL, &error));
      g_assert_error (error, TP_SAMPLE_ERROR, TP_SAMPLE_ERROR_NOT_EMPTY);
      g_assert_cmpint (query_int (db,
                                  "SELECT (SELECT count(*) FROM audiences) + (SELECT count(*) FROM brand)"
                                  " + (SELECT count(*) FROM brand_words)"
                                  " + (SELECT count(*) FROM competitors)"
                                  " + (SELECT count(*) FROM tactics) + (SELECT count(*) FROM customers)"
                                  " + (SELECT count(*) FROM touches) + (SELECT count(*) FROM orders)"),
                       ==, 1);

    }
}

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *other = tp_test_engine_new_shared_database (f->dir, "other.db");
  g_autoptr(TpDatabase) a = open_database (f->path);
  g_autoptr(TpDatabase) b = open_database (other);
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;

  fill_small (a);
  fill_small (b);

  dump_a = dump_business (a);
  dump_b = dump_business (b);
  g_assert_cmpstr (dump_a, ==, dump_b);

  g_clear_object (&b);
  g_unlink (other);
}

static void
test_medium (Fixture       *f,
             gconstpointer  data)
{
  static const TpSampleShape shape = {
    .n_customers = 1000,
    .n_touches = 10000,
    .n_orders = 200,
    .benchmark_touches = 100,
  };
  g_autoptr(TpDatabase) db = open_database (f->path);
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (NOW);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *recomputed = NULL;
  g_autofree char *results = NULL;
  g_autofree char *results_rebuilt = NULL;

  _tp_sample_fill_full (db, &shape, now, &error);
  g_assert_no_error (error);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers"), ==, 1000);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches"), ==, 10000);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM orders"), ==, 200);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audiences"), ==, TP_SAMPLE_N_AUDIENCES);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tactics"), ==, TP_SAMPLE_N_TACTICS);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches WHERE done = 0"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM orders WHERE status = 'cancelled'"), >, 0);

  /* Customer 1 is the benchmark customer */
  name = query_text (db, "SELECT name FROM customers WHERE id = 1");
  g_assert_cmpstr (name, ==, TP_SAMPLE_BENCHMARK_CUSTOMER_NAME);
  g_assert_cmpint (query_int (db, "SELECT touch_count FROM customers WHERE id = 1"), ==, 100);

  /* Many under the band, many inside, some over */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers WHERE touch_count < 5"), >, 250);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers WHERE touch_count BETWEEN 5 AND 12"),
                   >, 300);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers WHERE touch_count > 12"), >, 100);

  /* Nothing dated before its customer or in the future */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches t JOIN customers c"
                                  " ON c.id = t.customer_id WHERE t.happened_at < c.created_at"
                                  " OR t.created_at < c.created_at"
                                  " OR (t.done = 1 AND t.happened_at > '2026-03-18T12:00:00Z')"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM orders o JOIN customers c"
                                  " ON c.id = o.customer_id WHERE o.ordered_at < c.created_at"
                                  " OR o.ordered_at > '2026-03-18T12:00:00Z'"
                                  " OR o.fulfilled_at > '2026-03-18T12:00:00Z'"), ==, 0);

  /* The business was loaded without triggers: what Results reads was
   * worked out at the end (every done touch counted on its day, every
   * customer with a touch or an order), and so was the search index */
  g_assert_cmpint (query_int (db, "SELECT sum(n_touches) FROM results_days"), ==,
                   query_int (db, "SELECT count(*) FROM touches WHERE done = 1"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM results_customers"), ==,
                   query_int (db, "SELECT count(*) FROM customers"
                                  " WHERE touch_count > 0 OR order_count > 0"));
  if (!tp_test_engine_is_pg ())
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers_search"
                                    " WHERE customers_search MATCH '\"example.com\"'"),
                     ==, query_int (db, "SELECT count(*) FROM customers"
                                        " WHERE email LIKE '%example.com%'"));

  /* The sample counts what Results reads as it writes the rows: it is
   * what the schema works out from the touches and orders, and it
   * tells the places, tactics and audiences apart */
  results = dump_results (db);
  g_assert_true (tp_database_exec (db, _tp_migrations_results_rebuild (), &error));
  g_assert_no_error (error);
  results_rebuilt = dump_results (db);
  g_assert_cmpstr (results, ==, results_rebuilt);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT place_id) FROM results_days"), >=, 3);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT audience_id) FROM results_days"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM results_customers"
                                  " WHERE last_touch_id IS NOT NULL"), >, 0);

  /* The customer figures are what the touches and orders say, and what
   * the triggers compute when made to run again */
  g_assert_cmpint (count_wrong_figures (db), ==, 0);
  stored = dump_figures (db);
  recompute_with_triggers (db);
  recomputed = dump_figures (db);
  g_assert_cmpstr (stored, ==, recomputed);

  /* The staging table is gone (SQLite's catalogue of temporary tables) */
  if (!tp_test_engine_is_pg ())
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_temp_schema"), ==, 0);

  g_assert_true (tp_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autoptr(TpDatabase) db = NULL;

  g_variant_dict_insert (options, "database", "^ay", f->path);

  g_variant_dict_insert (options, "sample", "s", "medium");
  g_assert_cmpint (tp_cli_run (options), ==, 1);

  g_variant_dict_insert (options, "sample", "s", "small");
  g_assert_cmpint (tp_cli_run (options), ==, 0);

  db = open_database (f->path);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers"), ==, TP_SAMPLE_SMALL_N_CUSTOMERS);
  g_clear_object (&db);

  /* The second time the database holds data */
  g_assert_cmpint (tp_cli_run (options), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/touchpoint/sample/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("small", test_small);
  ADD ("small-makes-sense", test_small_makes_sense);
  ADD ("small-follow-ups", test_small_follow_ups);
  ADD ("currency", test_currency);
  ADD ("refuse-filled", test_refuse_filled);
  ADD ("refuse-any-table", test_refuse_any_table);
  ADD ("deterministic", test_deterministic);
  ADD ("medium", test_medium);
  ADD ("cli", test_cli);

#undef ADD

  return g_test_run ();
}
