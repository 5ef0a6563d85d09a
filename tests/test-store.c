/* test-store.c
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

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "tp-core-enum-types.h"
#include "tp-store.h"
#include "tp-test-engine.h"

/* Every row of every table, as text: two dumps are equal when every
 * column of every row is. */
static char *
dump_tables (TpDatabase *db)
{
  static const char * const names[] = {
    "settings", "audiences", "audience_places", "brand", "brand_words", "competitors",
    "tactics", "tactic_log", "customers", "touches", "orders",
  };
  GString *out = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (names); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", names[t]);
      TpStatement *stmt = tp_database_prepare (db, sql, &error);

      g_assert_no_error (error);
      g_string_append_printf (out, "[%s]\n", names[t]);
      while (tp_statement_step (stmt, &error))
        {
          for (int c = 0; c < tp_statement_get_n_columns (stmt); c++)
            {
              g_autoptr(GVariant) value = tp_statement_dup_value (stmt, c);
              g_autofree char *text = value != NULL ? g_variant_print (value, TRUE)
                                                    : g_strdup ("NULL");

              g_string_append_printf (out, "%s=%s ", tp_statement_get_column_name (stmt, c), text);
            }
          g_string_append_c (out, '\n');
        }
      g_assert_no_error (error);
      tp_statement_reset (stmt);
    }

  return g_string_free (out, FALSE);
}

static gint64
count_rows (TpStore    *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt = tp_database_prepare (tp_store_get_database (store), sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_true (tp_statement_step (stmt, &error));
  n = tp_statement_get_int64 (stmt, 0);
  tp_statement_reset (stmt);

  return n;
}

static TpStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tp_test_engine_new_database ();
  TpStore *store = tp_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* Records ::changed emissions as "table:id:kind" lines. */
static void
changed_cb (TpStore       *store,
            const char    *table,
            gint64         id,
            TpStoreChange  kind,
            GString       *log)
{
  static const char kinds[] = { 'a', 'u', 'r', 'R' };

  g_string_append_printf (log, "%s:%" G_GINT64_FORMAT ":%c ", table, id, kinds[kind]);
}

static TpCustomer *
add_customer (TpStore    *store,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  TpCustomer *customer = tp_customer_new ();

  tp_customer_set_name (customer, name);
  g_assert_true (tp_store_add_customer (store, customer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tp_record_get_id (TP_RECORD (customer)), >, 0);

  return customer;
}

static TpOrder *
add_order (TpStore       *store,
           gint64         customer_id,
           const char    *item,
           gint64         amount,
           TpOrderStatus  status)
{
  g_autoptr(GError) error = NULL;
  TpOrder *order = tp_order_new ();

  tp_order_set_customer_id (order, customer_id);
  tp_order_set_item (order, item);
  tp_order_set_amount_minor (order, amount);
  tp_order_set_status (order, status);
  g_assert_true (tp_store_add_order (store, order, &error));
  g_assert_no_error (error);

  return order;
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
test_settings (void)
{
  g_autoptr(TpStore) store = new_store ();
  g_autoptr(TpStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  guint notified = 0;

  g_assert_cmpuint (tp_store_get_band_low (store), ==, 5);
  g_assert_cmpuint (tp_store_get_band_high (store), ==, 12);
  g_assert_cmpuint (tp_store_get_followup_days (store), ==, 14);
  g_assert_cmpstr (tp_store_get_currency (store), ==, "EUR");
  g_assert_cmpstr (tp_store_get_business_name (store), ==, "");

  g_signal_connect (store, "changed::settings", G_CALLBACK (changed_cb), log);
  g_signal_connect_swapped (store, "notify::band-low", G_CALLBACK (count_cb), &notified);

  g_assert_true (tp_store_set_band (store, 3, 9, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tp_store_get_band_low (store), ==, 3);
  g_assert_cmpuint (tp_store_get_band_high (store), ==, 9);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (tp_store_set_followup_days (store, 30, &error));
  g_assert_true (tp_store_set_currency (store, "GBP", &error));
  g_assert_true (tp_store_set_business_name (store, "Barkery “Gluten-free”", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tp_store_get_business_name (store), ==, "Barkery “Gluten-free”");
  /* One notice per user action: the band is one transaction. */
  g_assert_cmpstr (log->str, ==, "settings:0:u settings:0:u settings:0:u ");

  /* Refused values change nothing and name the setting. */
  g_assert_false (tp_store_set_band (store, 10, 4, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Touch band"));
  g_clear_error (&error);
  g_assert_false (tp_store_set_currency (store, "euro", &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Currency"));
  g_clear_error (&error);
  g_assert_false (tp_store_set_followup_days (store, 0, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* They live in the database, so another store on it reads them. */
  other = tp_store_new (tp_store_get_database (store));
  g_assert_cmpuint (tp_store_get_band_low (other), ==, 3);
  g_assert_cmpuint (tp_store_get_band_high (other), ==, 9);
  g_assert_cmpuint (tp_store_get_followup_days (other), ==, 30);
  g_assert_cmpstr (tp_store_get_currency (other), ==, "GBP");
  g_assert_cmpstr (tp_store_get_business_name (other), ==, "Barkery “Gluten-free”");
  g_assert_cmpint (count_rows (store, "SELECT value FROM settings WHERE key = 'band_low'"), ==, 3);
}

static void
test_customer_crud (void)
{
  g_autoptr(TpStore) store = new_store ();
  g_autoptr(TpStore) fresh = NULL;
  g_autoptr(TpCustomer) customer = NULL;
  g_autoptr(TpCustomer) same = NULL;
  g_autoptr(TpCustomer) reread = NULL;
  g_autoptr(TpAudience) audience = tp_audience_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(TpUndo) undo = NULL;
  gint64 id;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), log);

  tp_audience_set_name (audience, "Dog owners who buy premium food");
  g_assert_true (tp_store_add_audience (store, audience, &error));
  g_assert_no_error (error);

  customer = tp_customer_new ();
  tp_customer_set_name (customer, "Ada Lovelace");
  tp_customer_set_email (customer, "ada@example.com");
  tp_customer_set_phone (customer, "+44 20 7946 0000");
  tp_customer_set_audience_id (customer, tp_record_get_id (TP_RECORD (audience)));
  tp_customer_set_source_channel (customer, TP_CHANNEL_EVENT);
  tp_customer_set_has_source_channel (customer, TRUE);
  tp_customer_set_stage (customer, TP_STAGE_PROSPECT);
  tp_customer_set_notes (customer, "Met at the dog show");
  g_assert_true (tp_store_add_customer (store, customer, &error));
  g_assert_no_error (error);
  id = tp_record_get_id (TP_RECORD (customer));
  g_assert_cmpint (id, >, 0);
  g_assert_nonnull (tp_record_get_created_at (TP_RECORD (customer)));
  g_assert_cmpstr (tp_record_get_created_at (TP_RECORD (customer)), ==, tp_record_get_updated_at (TP_RECORD (customer)));

  /* The stored object is the live one every view gets. */
  same = tp_store_get_customer (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (same == customer);

  tp_customer_set_name (customer, "Ada King");
  g_assert_true (tp_store_save_customer (store, customer, &error));
  g_assert_no_error (error);

  /* A second store has no live objects: it reads the file. */
  fresh = tp_store_new (tp_store_get_database (store));
  reread = tp_store_get_customer (fresh, id, &error);
  g_assert_no_error (error);
  g_assert_true (reread != customer);
  g_assert_cmpstr (tp_customer_get_name (reread), ==, "Ada King");
  g_assert_cmpstr (tp_customer_get_email (reread), ==, "ada@example.com");
  g_assert_cmpstr (tp_customer_get_phone (reread), ==, "+44 20 7946 0000");
  g_assert_cmpint (tp_customer_get_audience_id (reread), ==, tp_record_get_id (TP_RECORD (audience)));
  g_assert_true (tp_customer_get_has_source_channel (reread));
  g_assert_cmpint (tp_customer_get_source_channel (reread), ==, TP_CHANNEL_EVENT);
  g_assert_cmpint (tp_customer_get_stage (reread), ==, TP_STAGE_PROSPECT);
  g_assert_cmpstr (tp_customer_get_notes (reread), ==, "Met at the dog show");
  g_assert_cmpstr (tp_record_get_created_at (TP_RECORD (reread)), ==, tp_record_get_created_at (TP_RECORD (customer)));

  g_assert_true (tp_store_set_customer_stage (store, id, TP_STAGE_LOST, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tp_customer_get_stage (customer), ==, TP_STAGE_LOST);

  undo = tp_store_delete_customer (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpstr (tp_undo_get_title (undo), ==, "Customer “Ada King” deleted");
  g_assert_null (tp_store_get_customer (store, id, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpstr (log->str, ==,
                   "audiences:1:a customers:1:a customers:1:u customers:1:u customers:1:r ");

  /* Saving or deleting what is gone is an error, not a crash. */
  g_assert_false (tp_store_save_customer (store, customer, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tp_store_delete_customer (store, id, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
}

static void
assert_refused (gboolean    ok,
                GError    **error,
                const char *field)
{
  g_assert_false (ok);
  g_assert_error (*error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
  g_test_message ("%s", (*error)->message);
  if (field != NULL)
    g_assert_nonnull (strstr ((*error)->message, field));
  g_clear_error (error);
}

static void
test_bad_values (void)
{
  g_autoptr(TpStore) store = new_store ();
  g_autoptr(TpCustomer) customer = NULL;
  g_autoptr(TpCustomer) other = tp_customer_new ();
  g_autoptr(TpOrder) order = tp_order_new ();
  g_autoptr(TpTouch) touch = tp_touch_new ();
  g_autoptr(TpTactic) tactic = tp_tactic_new ();
  g_autoptr(TpBrandWord) word = tp_brand_word_new ();
  g_autoptr(TpBrandWord) word2 = tp_brand_word_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *megabyte = g_strnfill (1024 * 1024, 'x');
  g_autofree char *limit = g_strnfill (TP_STORE_MAX_TEXT_LENGTH, 'y');

  customer = add_customer (store, "Grace");
  before = dump_tables (tp_store_get_database (store));
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), log);

  tp_customer_set_name (other, "");
  assert_refused (tp_store_add_customer (store, other, &error), &error, "Name");
  tp_customer_set_name (other, " \t\n\u00a0 ");
  assert_refused (tp_store_add_customer (store, other, &error), &error, "Name");
  tp_customer_set_name (other, "Valid \xff\xfe name");
  assert_refused (tp_store_add_customer (store, other, &error), &error, "Name");
  tp_customer_set_name (other, "Ok");
  tp_customer_set_notes (other, megabyte);
  assert_refused (tp_store_add_customer (store, other, &error), &error, "Notes");
  tp_customer_set_notes (other, "");
  tp_customer_set_audience_id (other, 4242);
  assert_refused (tp_store_add_customer (store, other, &error), &error, "Audience");
  g_assert_cmpint (tp_record_get_id (TP_RECORD (other)), ==, 0);

  /* A failed save leaves the row as it was. */
  tp_customer_set_name (customer, "   ");
  assert_refused (tp_store_save_customer (store, customer, &error), &error, "Name");
  tp_customer_set_name (customer, "Grace");

  g_assert_false (tp_store_set_customer_stage (store, tp_record_get_id (TP_RECORD (customer)), 42, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Stage"));
  g_clear_error (&error);

  tp_order_set_customer_id (order, tp_record_get_id (TP_RECORD (customer)));
  tp_order_set_item (order, "Pumpkin biscuits");
  tp_order_set_amount_minor (order, -100);
  assert_refused (tp_store_add_order (store, order, &error), &error, "Amount");
  tp_order_set_amount_minor (order, 1250);
  tp_order_set_ordered_at (order, "2026-02-30T10:00:00Z");
  assert_refused (tp_store_add_order (store, order, &error), &error, "Date");
  tp_order_set_ordered_at (order, "2026-13-01");
  assert_refused (tp_store_add_order (store, order, &error), &error, "Date");
  tp_order_set_ordered_at (order, "last Tuesday");
  assert_refused (tp_store_add_order (store, order, &error), &error, "Date");
  tp_order_set_ordered_at (order, "2026-03-01");
  tp_order_set_currency (order, "eur");
  assert_refused (tp_store_add_order (store, order, &error), &error, "Currency");
  tp_order_set_currency (order, "");
  tp_order_set_item (order, "");
  assert_refused (tp_store_add_order (store, order, &error), &error, "Item");
  tp_order_set_customer_id (order, 0);
  tp_order_set_item (order, "Biscuits");
  assert_refused (tp_store_add_order (store, order, &error), &error, "Customer");

  tp_touch_set_customer_id (touch, 999);
  assert_refused (tp_store_add_touch (store, touch, &error), &error, "Customer");
  g_assert_null (tp_store_log_touch (store, tp_record_get_id (TP_RECORD (customer)), 99, NULL, NULL, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  tp_tactic_set_name (tactic, "Weekly post");
  tp_tactic_set_cadence_count (tactic, 0);
  assert_refused (tp_store_add_tactic (store, tactic, &error), &error, "Times per period");

  after = dump_tables (tp_store_get_database (store));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (log->str, ==, "");

  /* The limit itself is accepted; a second spelling of a brand word is not. */
  tp_customer_set_notes (customer, limit);
  g_assert_true (tp_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
  tp_brand_word_set_word (word, "Playful");
  g_assert_true (tp_store_add_brand_word (store, word, &error));
  g_assert_no_error (error);
  tp_brand_word_set_word (word2, "playful");
  assert_refused (tp_store_add_brand_word (store, word2, &error), &error, "playful");

  /* A bare date is midnight UTC; an offset is turned into UTC. */
  tp_order_set_customer_id (order, tp_record_get_id (TP_RECORD (customer)));
  tp_order_set_ordered_at (order, "2026-03-01");
  g_assert_true (tp_store_add_order (store, order, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tp_order_get_ordered_at (order), ==, "2026-03-01T00:00:00Z");
  g_assert_cmpstr (tp_order_get_currency (order), ==, "EUR");
  tp_order_set_ordered_at (order, "2026-03-01T10:30:00+02:00");
  g_assert_true (tp_store_save_order (store, order, &error));
  g_assert_cmpstr (tp_order_get_ordered_at (order), ==, "2026-03-01T08:30:00Z");
}

static void
test_text_round_trip (void)
{
  static const char * const texts[] = {
    "O'Brien & \"Sons\"",
    "Robert'); DROP TABLE customers;--",
    "100% of_the \\ backslash \\\\ and ? ?1 :name @x $y",
    "Zoë Ångström — Łódź ✓",
    "שלום עליכם",
    "👩‍👩‍👧‍👦 family 🐕‍🦺",
    "e\u0301 combining, zero\u200bwidth, bom\ufeff",
    "line one\nline two\r\n\ttabbed",
    "    leading and trailing spaces    ",
  };
  /* Addresses: one "@", no white space, anything else */
  static const char * const emails[] = {
    "o'brien+\"sons\"@example.org",
    "zoë.ångström@łódź.example",
    "שלום@עליכם.example",
    "👩‍👩‍👧‍👦@🐕.example",
    "e\u0301\u200b\ufeff@x",
    "Robert');DROP--@x",
  };
  g_autoptr(TpStore) store = new_store ();
  g_autoptr(TpStore) fresh = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(TpCustomer) customer = tp_customer_new ();
      gint64 id;

      tp_customer_set_name (customer, texts[i]);
      tp_customer_set_notes (customer, texts[(i + 1) % G_N_ELEMENTS (texts)]);
      tp_customer_set_email (customer, emails[i % G_N_ELEMENTS (emails)]);
      g_assert_true (tp_store_add_customer (store, customer, &error));
      g_assert_no_error (error);
      id = tp_record_get_id (TP_RECORD (customer));
      g_array_append_val (ids, id);
    }

  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM customers"), ==, G_N_ELEMENTS (texts));

  fresh = tp_store_new (tp_store_get_database (store));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(TpCustomer) customer = NULL;

      customer = tp_store_get_customer (fresh, g_array_index (ids, gint64, i), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (tp_customer_get_name (customer), ==, texts[i]);
      g_assert_cmpstr (tp_customer_get_notes (customer), ==, texts[(i + 1) % G_N_ELEMENTS (texts)]);
      g_assert_cmpstr (tp_customer_get_email (customer), ==, emails[i % G_N_ELEMENTS (emails)]);
    }
}

static void
test_derived_figures (void)
{
  g_autoptr(TpStore) store = new_store ();
  g_autoptr(TpCustomer) customer = add_customer (store, "Linus");
  g_autoptr(TpTouch) t1 = NULL;
  g_autoptr(TpTouch) t2 = NULL;
  g_autoptr(TpTouch) planned = tp_touch_new ();
  g_autoptr(TpOrder) o1 = NULL;
  g_autoptr(TpOrder) o2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpUndo) undo = NULL;
  gint64 id = tp_record_get_id (TP_RECORD (customer));

  t1 = tp_store_log_touch (store, id, TP_CHANNEL_EMAIL, "2026-01-05T09:00:00Z", "Hello", &error);
  g_assert_no_error (error);
  t2 = tp_store_log_touch (store, id, TP_CHANNEL_CALL, "2026-01-09T09:00:00Z", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tp_touch_get_direction (t2), ==, TP_DIRECTION_OUTBOUND);
  g_assert_true (tp_touch_get_done (t2));

  tp_touch_set_customer_id (planned, id);
  tp_touch_set_done (planned, FALSE);
  tp_touch_set_happened_at (planned, "2099-01-01T09:00:00Z");
  g_assert_true (tp_store_add_touch (store, planned, &error));
  g_assert_no_error (error);

  /* The live customer follows the triggers; planned touches do not count. */
  g_assert_cmpint (tp_customer_get_touch_count (customer), ==, 2);
  g_assert_cmpstr (tp_customer_get_last_touch_at (customer), ==, "2026-01-09T09:00:00Z");

  o1 = add_order (store, id, "Treats", 1500, TP_ORDER_STATUS_FULFILLED);
  o2 = add_order (store, id, "More treats", 2500, TP_ORDER_STATUS_OPEN);
  tp_order_set_ordered_at (o1, "2026-01-10T00:00:00Z");
  g_assert_true (tp_store_save_order (store, o1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tp_customer_get_order_count (customer), ==, 2);
  g_assert_cmpint (tp_customer_get_total_spent_minor (customer), ==, 4000);
  g_assert_cmpstr (tp_customer_get_first_order_at (customer), ==, "2026-01-10T00:00:00Z");

  tp_order_set_status (o2, TP_ORDER_STATUS_CANCELLED);
  g_assert_true (tp_store_save_order (store, o2, &error));
  g_assert_cmpint (tp_customer_get_order_count (customer), ==, 1);
  g_assert_cmpint (tp_customer_get_total_spent_minor (customer), ==, 1500);

  undo = tp_store_delete_touch (store, tp_record_get_id (TP_RECORD (t2)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (tp_customer_get_touch_count (customer), ==, 1);
  g_assert_cmpstr (tp_customer_get_last_touch_at (customer), ==, "2026-01-05T09:00:00Z");
  g_assert_true (tp_store_undo (store, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tp_customer_get_touch_count (customer), ==, 2);
  g_assert_cmpstr (tp_customer_get_last_touch_at (customer), ==, "2026-01-09T09:00:00Z");
}

/* Touches, orders and tactic-log entries record who added them: the
 * name set, else the default (the server role on a team database, the
 * user's real name in a file); a change by someone else keeps it. A
 * follow-up's notice is claimed once per person on a team database, and
 * always in a file. */
static void
test_people (void)
{
  g_autoptr(TpStore) store = new_store ();
  g_autoptr(TpCustomer) ada = add_customer (store, "Ada");
  g_autoptr(TpTouch) touch = NULL;
  g_autoptr(TpOrder) order = NULL;
  g_autoptr(TpTactic) tactic = tp_tactic_new ();
  g_autoptr(TpTacticLogEntry) entry = tp_tactic_log_entry_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) people = NULL;
  g_autofree char *fallback = g_strdup (tp_store_get_person (store));
  TpDatabase *db = tp_store_get_database (store);
  gboolean server = tp_database_is_server (db);
  gboolean claimed = FALSE;

  if (server)
    g_assert_cmpstr (fallback, ==, tp_database_get_server_user (db));
  else if (g_strcmp0 (g_get_real_name (), "Unknown") != 0 && g_get_real_name ()[0] != '\0')
    g_assert_cmpstr (fallback, ==, g_get_real_name ());
  else
    g_assert_cmpstr (fallback, ==, g_get_user_name ());

  /* Whoever adds a customer sets its first stage */
  g_assert_cmpstr (tp_customer_get_stage_person (ada), ==, fallback);

  /* Nothing recorded yet: no names to show */
  people = tp_store_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (people), ==, 0);
  g_clear_pointer (&people, g_strfreev);

  touch = tp_store_log_touch (store, tp_record_get_id (TP_RECORD (ada)), TP_CHANNEL_CALL, NULL,
                              NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tp_touch_get_person (touch), ==, fallback);

  tp_store_set_person (store, "Anna Berg");
  g_assert_cmpstr (tp_store_get_person (store), ==, "Anna Berg");
  order = add_order (store, tp_record_get_id (TP_RECORD (ada)), "Ring", 100, TP_ORDER_STATUS_OPEN);
  g_assert_cmpstr (tp_order_get_person (order), ==, "Anna Berg");
  tp_tactic_set_name (tactic, "Newsletter");
  tp_tactic_set_channel (tactic, TP_CHANNEL_EMAIL);
  g_assert_true (tp_store_add_tactic (store, tactic, &error));
  tp_tactic_log_entry_set_tactic_id (entry, tp_record_get_id (TP_RECORD (tactic)));
  g_assert_true (tp_store_add_tactic_log_entry (store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tp_tactic_log_entry_get_person (entry), ==, "Anna Berg");

  /* Anna changing the touch leaves it the other person's */
  tp_touch_set_note (touch, "Called back");
  g_assert_true (tp_store_save_touch (store, touch, &error));
  g_assert_no_error (error);
  g_clear_object (&touch);
  {
    g_autoptr(TpStore) again = tp_store_new (db);
    g_autoptr(TpTouch) read = NULL;
    g_autoptr(GListModel) touches = tp_store_list_touches (again, tp_record_get_id (TP_RECORD (ada)));

    read = g_list_model_get_item (touches, 0);
    g_assert_cmpstr (tp_touch_get_note (read), ==, "Called back");
    g_assert_cmpstr (tp_touch_get_person (read), ==, fallback);
  }

  people = tp_store_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (people), ==, g_str_equal (fallback, "Anna Berg") ? 1 : 2);
  g_assert_true (g_strv_contains ((const char * const *) people, "Anna Berg"));
  g_assert_true (g_strv_contains ((const char * const *) people, fallback));

  /* The stage: moved by Anna's order, then set by Tom, then moved by
   * Anna's next order */
  g_assert_cmpint (tp_customer_get_stage (ada), ==, TP_STAGE_CUSTOMER);
  g_assert_cmpstr (tp_customer_get_stage_person (ada), ==, "Anna Berg");
  tp_store_set_person (store, "Tom Keller");
  g_assert_true (tp_store_set_customer_stage (store, tp_record_get_id (TP_RECORD (ada)),
                                              TP_STAGE_PROSPECT, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tp_customer_get_stage_person (ada), ==, "Tom Keller");
  tp_store_set_person (store, "Anna Berg");
  g_clear_object (&order);
  order = add_order (store, tp_record_get_id (TP_RECORD (ada)), "Chain", 100,
                     TP_ORDER_STATUS_OPEN);
  g_assert_cmpint (tp_customer_get_stage (ada), ==, TP_STAGE_REPEAT);
  g_assert_cmpstr (tp_customer_get_stage_person (ada), ==, "Anna Berg");

  /* A blank name is the default again */
  tp_store_set_person (store, "   ");
  g_assert_cmpstr (tp_store_get_person (store), ==, fallback);

  g_assert_true (tp_store_claim_notice (store, "follow-up-1", "2099-01-01", &claimed, &error));
  g_assert_no_error (error);
  g_assert_true (claimed);
  g_assert_true (tp_store_claim_notice (store, "follow-up-1", "2099-01-01", &claimed, &error));
  g_assert_no_error (error);
  g_assert_true (claimed == !server);
}

static void
test_stage_rule (void)
{
  g_autoptr(TpStore) store = new_store ();
  g_autoptr(TpCustomer) lead = add_customer (store, "Lead");
  g_autoptr(TpCustomer) prospect = add_customer (store, "Prospect");
  g_autoptr(TpCustomer) lost = add_customer (store, "Lost");
  g_autoptr(GError) error = NULL;
  g_autoptr(TpOrder) o1 = NULL;
  g_autoptr(TpOrder) o2 = NULL;
  g_autoptr(TpOrder) o3 = NULL;
  g_autoptr(TpOrder) o4 = NULL;
  g_autoptr(TpOrder) o5 = NULL;

  g_assert_true (tp_store_set_customer_stage (store, tp_record_get_id (TP_RECORD (prospect)),
                                              TP_STAGE_PROSPECT, &error));
  g_assert_true (tp_store_set_customer_stage (store, tp_record_get_id (TP_RECORD (lost)),
                                              TP_STAGE_LOST, &error));
  g_assert_no_error (error);

  /* A cancelled order is no purchase. */
  o1 = add_order (store, tp_record_get_id (TP_RECORD (prospect)), "Sample", 0, TP_ORDER_STATUS_CANCELLED);
  g_assert_cmpint (tp_customer_get_stage (prospect), ==, TP_STAGE_PROSPECT);

  o2 = add_order (store, tp_record_get_id (TP_RECORD (lead)), "First", 900, TP_ORDER_STATUS_OPEN);
  g_assert_cmpint (tp_customer_get_stage (lead), ==, TP_STAGE_CUSTOMER);
  o3 = add_order (store, tp_record_get_id (TP_RECORD (lead)), "Second", 900, TP_ORDER_STATUS_OPEN);
  g_assert_cmpint (tp_customer_get_stage (lead), ==, TP_STAGE_REPEAT);

  /* Reinstating the cancelled order makes the prospect a customer. */
  tp_order_set_status (o1, TP_ORDER_STATUS_FULFILLED);
  g_assert_true (tp_store_save_order (store, o1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tp_customer_get_stage (prospect), ==, TP_STAGE_CUSTOMER);

  /* The owner's "lost" stands. */
  o4 = add_order (store, tp_record_get_id (TP_RECORD (lost)), "Surprise", 100, TP_ORDER_STATUS_OPEN);
  o5 = add_order (store, tp_record_get_id (TP_RECORD (lost)), "Again", 100, TP_ORDER_STATUS_OPEN);
  g_assert_cmpint (tp_customer_get_stage (lost), ==, TP_STAGE_LOST);
}

static void
test_changes_after_commit (void)
{
  g_autoptr(TpStore) store = new_store ();
  TpDatabase *db = tp_store_get_database (store);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpCustomer) kept = tp_customer_new ();
  g_autoptr(TpCustomer) dropped = tp_customer_new ();

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), log);

  /* Store actions inside a larger transaction are announced at its end. */
  g_assert_true (tp_database_begin (db, &error));
  tp_customer_set_name (kept, "Kept");
  g_assert_true (tp_store_add_customer (store, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tp_record_get_id (TP_RECORD (kept)), ==, 1);
  g_assert_cmpstr (log->str, ==, "");

  /* An inner level that is rolled back takes its changes with it. */
  g_assert_true (tp_database_begin (db, &error));
  tp_customer_set_name (dropped, "Dropped");
  g_assert_true (tp_store_add_customer (store, dropped, &error));
  g_assert_cmpint (tp_record_get_id (TP_RECORD (dropped)), ==, 2);
  tp_database_rollback (db);
  g_assert_cmpint (tp_record_get_id (TP_RECORD (dropped)), ==, 0);

  g_assert_true (tp_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, "customers:1:a ");
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM customers"), ==, 1);

  /* A rolled-back outer transaction announces nothing. */
  g_string_truncate (log, 0);
  g_assert_true (tp_database_begin (db, &error));
  tp_customer_set_name (kept, "Renamed");
  g_assert_true (tp_store_save_customer (store, kept, &error));
  tp_database_rollback (db);
  g_assert_cmpstr (log->str, ==, "");
  /* …and the live object is back to what the file holds. */
  g_assert_cmpstr (tp_customer_get_name (kept), ==, "Kept");

  /* Many changes at once are announced as one reload of the table. */
  g_assert_true (tp_database_begin (db, &error));
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(TpCustomer) customer = tp_customer_new ();

      tp_customer_set_name (customer, "Bulk");
      g_assert_true (tp_store_add_customer (store, customer, &error));
    }
  g_assert_true (tp_database_commit (db, &error));
  g_assert_cmpstr (log->str, ==, "customers:0:R ");
}

static void
test_full_disk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-store-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "full.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *big = g_strnfill (90000, 'n');
  g_autoptr(GString) log = g_string_new (NULL);
  TpStore *store;
  g_autoptr(TpCustomer) customer = NULL;
  g_autoptr(TpCustomer) huge = tp_customer_new ();
  g_autofree char *sql = NULL;
  gint64 pages;

  store = tp_store_open (path, &error);
  g_assert_no_error (error);
  customer = add_customer (store, "Before");
  before = dump_tables (tp_store_get_database (store));

  pages = count_rows (store, "PRAGMA page_count");
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 3);
  g_assert_true (tp_database_exec (tp_store_get_database (store), sql, &error));

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), log);
  tp_customer_set_name (huge, "Huge");
  tp_customer_set_notes (huge, big);
  g_assert_false (tp_store_add_customer (store, huge, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);
  g_assert_cmpint (tp_record_get_id (TP_RECORD (huge)), ==, 0);
  g_assert_cmpstr (log->str, ==, "");

  after = dump_tables (tp_store_get_database (store));
  g_assert_cmpstr (before, ==, after);

  /* Small writes still fit. */
  tp_customer_set_name (customer, "After");
  g_assert_true (tp_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_primary_audience_and_brand (void)
{
  g_autoptr(TpStore) store = new_store ();
  g_autoptr(TpAudience) a = tp_audience_new ();
  g_autoptr(TpAudience) b = tp_audience_new ();
  g_autoptr(TpBrand) brand = NULL;
  g_autoptr(GError) error = NULL;

  tp_audience_set_name (a, "Brides");
  tp_audience_set_is_primary (a, TRUE);
  g_assert_true (tp_store_add_audience (store, a, &error));
  tp_audience_set_name (b, "Grooms");
  tp_audience_set_is_primary (b, TRUE);
  g_assert_true (tp_store_add_audience (store, b, &error));
  g_assert_no_error (error);
  g_assert_false (tp_audience_get_is_primary (a));
  g_assert_true (tp_audience_get_is_primary (b));

  brand = tp_store_get_brand (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tp_record_get_id (TP_RECORD (brand)), ==, 1);
  g_assert_cmpstr (tp_brand_get_tagline (brand), ==, "");
  tp_brand_set_tagline (brand, "Treats dogs can eat");
  tp_brand_set_business_name (brand, "Barkery");
  g_assert_true (tp_store_save_brand (store, brand, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tp_store_get_business_name (store), ==, "Barkery");
  g_assert_true (tp_store_set_business_name (store, "Barkery & Co", &error));
  g_assert_cmpstr (tp_brand_get_business_name (brand), ==, "Barkery & Co");
  g_assert_cmpstr (tp_brand_get_tagline (brand), ==, "Treats dogs can eat");
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM brand"), ==, 1);
}

static void
assert_undo_restores (TpStore  *store,
                      TpUndo *(*delete_func) (TpStore *, gint64, GError **),
                      gint64    id,
                      guint     n_rows,
                      const char *title)
{
  TpDatabase *db = tp_store_get_database (store);
  g_autofree char *before = dump_tables (db);
  g_autofree char *deleted = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpUndo) undo = NULL;

  undo = delete_func (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpuint (tp_undo_get_n_rows (undo), ==, n_rows);
  g_assert_cmpstr (tp_undo_get_title (undo), ==, title);
  g_assert_cmpint (tp_undo_get_id (undo), ==, id);
  deleted = dump_tables (db);
  g_assert_cmpstr (deleted, !=, before);

  g_assert_true (tp_store_undo (store, undo, &error));
  g_assert_no_error (error);
  after = dump_tables (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (tp_database_check_integrity (db, &error));
  g_assert_no_error (error);

  /* An undo works once. */
  g_assert_false (tp_store_undo (store, undo, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
}

static void
test_undo_exact (void)
{
  g_autoptr(TpStore) store = new_store ();
  g_autoptr(TpAudience) audience = tp_audience_new ();
  g_autoptr(TpAudience) other = tp_audience_new ();
  g_autoptr(TpTactic) tactic = tp_tactic_new ();
  g_autoptr(TpCustomer) ada = NULL;
  g_autoptr(TpCustomer) bob = NULL;
  g_autoptr(TpCompetitor) competitor = tp_competitor_new ();
  g_autoptr(TpBrandWord) word = tp_brand_word_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TpUndo) undo = NULL;

  tp_audience_set_name (audience, "Premium dog food buyers");
  tp_audience_set_needs (audience, "No gluten, ever");
  g_assert_true (tp_store_add_audience (store, audience, &error));
  tp_audience_set_name (other, "Vets");
  g_assert_true (tp_store_add_audience (store, other, &error));
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(TpPlace) place = tp_place_new ();
      g_autofree char *name = g_strdup_printf ("Forum %d", i);

      tp_place_set_audience_id (place, tp_record_get_id (TP_RECORD (audience)));
      tp_place_set_kind (place, TP_PLACE_KIND_FORUM);
      tp_place_set_name (place, name);
      tp_place_set_position (place, i);
      g_assert_true (tp_store_add_place (store, place, &error));
      g_assert_no_error (error);
    }

  tp_tactic_set_name (tactic, "Post in the forum");
  tp_tactic_set_audience_id (tactic, tp_record_get_id (TP_RECORD (audience)));
  tp_tactic_set_channel (tactic, TP_CHANNEL_SOCIAL_POST);
  tp_tactic_set_cadence_count (tactic, 3);
  g_assert_true (tp_store_add_tactic (store, tactic, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(TpTacticLogEntry) entry = tp_tactic_log_entry_new ();

      tp_tactic_log_entry_set_tactic_id (entry, tp_record_get_id (TP_RECORD (tactic)));
      tp_tactic_log_entry_set_note (entry, "done");
      g_assert_true (tp_store_add_tactic_log_entry (store, entry, &error));
      g_assert_no_error (error);
    }

  ada = add_customer (store, "Ada");
  tp_customer_set_audience_id (ada, tp_record_get_id (TP_RECORD (audience)));
  g_assert_true (tp_store_save_customer (store, ada, &error));
  bob = add_customer (store, "Bob");
  tp_customer_set_audience_id (bob, tp_record_get_id (TP_RECORD (other)));
  g_assert_true (tp_store_save_customer (store, bob, &error));
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(TpTouch) touch = tp_touch_new ();

      tp_touch_set_customer_id (touch, tp_record_get_id (TP_RECORD (ada)));
      tp_touch_set_tactic_id (touch, i % 2 ? tp_record_get_id (TP_RECORD (tactic)) : 0);
      /* Places 1, 2, 3 of the audience, then none */
      tp_touch_set_place_id (touch, i < 3 ? i + 1 : 0);
      tp_touch_set_happened_at (touch, "2026-02-01T10:00:00Z");
      tp_touch_set_note (touch, "touch");
      g_assert_true (tp_store_add_touch (store, touch, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&competitor);
  competitor = tp_competitor_new ();
  tp_competitor_set_name (competitor, "Big Pet Co");
  g_assert_true (tp_store_add_competitor (store, competitor, &error));
  tp_brand_word_set_word (word, "Honest");
  g_assert_true (tp_store_add_brand_word (store, word, &error));
  g_object_unref (add_order (store, tp_record_get_id (TP_RECORD (ada)), "Biscuits", 1299, TP_ORDER_STATUS_OPEN));
  g_object_unref (add_order (store, tp_record_get_id (TP_RECORD (ada)), "Chews", 799, TP_ORDER_STATUS_CANCELLED));

  /* A customer comes back with their 5 touches and 2 orders. */
  assert_undo_restores (store, tp_store_delete_customer, tp_record_get_id (TP_RECORD (ada)), 8,
                        "Customer “Ada” deleted");
  /* An audience comes back with its 3 places and its links from a
   * tactic and a customer, and the touches at its places name them
   * again. */
  assert_undo_restores (store, tp_store_delete_audience, tp_record_get_id (TP_RECORD (audience)), 4,
                        "Audience “Premium dog food buyers” deleted");
  /* A tactic comes back with its log and its links from touches. */
  assert_undo_restores (store, tp_store_delete_tactic, tp_record_get_id (TP_RECORD (tactic)), 5,
                        "Tactic “Post in the forum” deleted");
  assert_undo_restores (store, tp_store_delete_competitor, tp_record_get_id (TP_RECORD (competitor)), 1,
                        "Competitor “Big Pet Co” deleted");
  assert_undo_restores (store, tp_store_delete_brand_word, tp_record_get_id (TP_RECORD (word)), 1,
                        "Brand word “Honest” deleted");
  assert_undo_restores (store, tp_store_delete_order, 1, 1, "Order “Biscuits” deleted");
  assert_undo_restores (store, tp_store_delete_touch, 3, 1, "Touch deleted");
  /* A place comes back with its links from touches. */
  assert_undo_restores (store, tp_store_delete_place, 2, 1, "Place “Forum 1” deleted");
  assert_undo_restores (store, tp_store_delete_tactic_log_entry, 4, 1, "Log entry deleted");

  /* The object views hold is the one the undo fills again. */
  undo = tp_store_delete_customer (store, tp_record_get_id (TP_RECORD (ada)), &error);
  g_assert_no_error (error);
  g_assert_true (tp_store_undo (store, undo, &error));
  {
    g_autoptr(TpCustomer) again = tp_store_get_customer (store, tp_record_get_id (TP_RECORD (ada)), &error);

    g_assert_true (again == ada);
    g_assert_cmpint (tp_customer_get_touch_count (ada), ==, 5);
  }
  g_clear_pointer (&undo, tp_undo_unref);

  /* The live objects views hold follow a delete and its undo. */
  undo = tp_store_delete_audience (store, tp_record_get_id (TP_RECORD (audience)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (tp_customer_get_audience_id (ada), ==, 0);
  g_assert_cmpint (tp_tactic_get_audience_id (tactic), ==, 0);
  g_assert_true (tp_store_undo (store, undo, &error));
  g_assert_cmpint (tp_customer_get_audience_id (ada), ==, tp_record_get_id (TP_RECORD (audience)));
  g_assert_cmpint (tp_tactic_get_audience_id (tactic), ==, tp_record_get_id (TP_RECORD (audience)));
  g_clear_pointer (&undo, tp_undo_unref);

  /* A change made after the delete is not overwritten by the undo. */
  undo = tp_store_delete_audience (store, tp_record_get_id (TP_RECORD (audience)), &error);
  tp_customer_set_audience_id (ada, tp_record_get_id (TP_RECORD (other)));
  g_assert_true (tp_store_save_customer (store, ada, &error));
  g_assert_true (tp_store_undo (store, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tp_customer_get_audience_id (ada), ==, tp_record_get_id (TP_RECORD (other)));
  g_assert_cmpint (tp_tactic_get_audience_id (tactic), ==, tp_record_get_id (TP_RECORD (audience)));
  g_clear_pointer (&undo, tp_undo_unref);

  /* A touch whose customer went too cannot come back alone. */
  undo = tp_store_delete_touch (store, 2, &error);
  g_assert_no_error (error);
  tp_undo_unref (tp_store_delete_customer (store, tp_record_get_id (TP_RECORD (ada)), &error));
  g_assert_false (tp_store_undo (store, undo, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
}

static void
test_undo_keeps_ids (void)
{
  g_autoptr(TpStore) store = new_store ();
  g_autoptr(TpCustomer) first = add_customer (store, "First");
  g_autoptr(TpCustomer) last = add_customer (store, "Last");
  g_autoptr(TpCustomer) newer = NULL;
  g_autoptr(TpUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last_id = tp_record_get_id (TP_RECORD (last));

  undo = tp_store_delete_customer (store, last_id, &error);
  g_assert_no_error (error);

  /* SQLite would give the freed id to the next row; the store does not,
   * so the undo can still put the deleted customer back as it was. */
  newer = add_customer (store, "Newer");
  g_assert_cmpint (tp_record_get_id (TP_RECORD (newer)), >, last_id);
  g_assert_cmpint (tp_record_get_id (TP_RECORD (first)), <, last_id);

  g_assert_true (tp_store_undo (store, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tp_customer_get_name (last), ==, "Last");
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM customers"), ==, 3);
}

/* Two desktops on one database (two stores, each with its own
 * connection) both load a customer; A saves, then B saves what it loaded:
 * B is told of the conflict, nothing of A's is overwritten, and B sees
 * A's values once it reads the row again. Adding touches, orders and
 * tactic-log entries never conflicts with an edit. */
static void
test_no_lost_update (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tp-store-XXXXXX", NULL);
  g_autofree char *path = tp_test_engine_new_shared_database (dir, "shared.db");
  g_autoptr(TpStore) a = NULL;
  g_autoptr(TpStore) b = NULL;
  g_autoptr(TpStore) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpCustomer) added = NULL;
  g_autoptr(TpCustomer) on_a = NULL;
  g_autoptr(TpCustomer) on_b = NULL;
  g_autoptr(TpCustomer) stored = NULL;
  g_autoptr(TpTactic) tactic = NULL;
  g_autoptr(TpTactic) tactic_on_b = NULL;
  g_autoptr(TpTacticLogEntry) entry = NULL;
  g_autoptr(TpTouch) touch = NULL;
  g_autoptr(TpUndo) undo = NULL;
  gint64 id;

  a = tp_store_open (path, &error);
  g_assert_no_error (error);
  b = tp_store_open (path, &error);
  g_assert_no_error (error);

  added = add_customer (a, "Ada");
  id = tp_record_get_id (TP_RECORD (added));
  g_assert_cmpint (tp_record_get_version (TP_RECORD (added)), ==, 1);
  tp_customer_set_notes (added, "Likes tea");
  g_assert_true (tp_store_save_customer (a, added, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tp_record_get_version (TP_RECORD (added)), ==, 2);

  on_a = tp_record_copy (TP_RECORD (added));
  on_b = tp_store_get_customer (b, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tp_record_get_version (TP_RECORD (on_b)), ==, 2);

  /* A renames; B, still at version 2, changes the notes and the stage */
  tp_customer_set_name (on_a, "Ada Lovelace");
  g_assert_true (tp_store_save_customer (a, on_a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tp_record_get_version (TP_RECORD (on_a)), ==, 3);

  tp_customer_set_notes (on_b, "Prefers coffee");
  tp_customer_set_stage (on_b, TP_STAGE_PROSPECT);
  g_assert_false (tp_store_save_customer (b, on_b, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Ada"));
  g_clear_error (&error);

  check = tp_store_open (path, &error);
  g_assert_no_error (error);
  stored = tp_store_get_customer (check, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tp_customer_get_name (stored), ==, "Ada Lovelace");
  g_assert_cmpstr (tp_customer_get_notes (stored), ==, "Likes tea");
  g_assert_cmpint (tp_customer_get_stage (stored), ==, TP_STAGE_LEAD);
  g_assert_cmpint (tp_record_get_version (TP_RECORD (stored)), ==, 3);
  g_clear_object (&stored);

  /* Read again, B holds what A stored, and saves over it */
  g_assert_true (tp_store_refresh (b, on_b, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tp_customer_get_name (on_b), ==, "Ada Lovelace");
  g_assert_cmpstr (tp_customer_get_notes (on_b), ==, "Likes tea");
  g_assert_cmpint (tp_record_get_version (TP_RECORD (on_b)), ==, 3);

  /* A touch and a tactic-log entry added meanwhile do not conflict */
  tactic = tp_tactic_new ();
  tp_tactic_set_name (tactic, "Newsletter");
  tp_tactic_set_channel (tactic, TP_CHANNEL_EMAIL);
  g_assert_true (tp_store_add_tactic (a, tactic, &error));
  g_assert_no_error (error);
  tactic_on_b = tp_store_get_tactic (b, tp_record_get_id (TP_RECORD (tactic)), &error);
  g_assert_no_error (error);
  touch = tp_touch_new ();
  tp_touch_set_customer_id (touch, id);
  tp_touch_set_channel (touch, TP_CHANNEL_EMAIL);
  g_assert_true (tp_store_add_touch (a, touch, &error));
  g_assert_no_error (error);
  entry = tp_tactic_log_entry_new ();
  tp_tactic_log_entry_set_tactic_id (entry, tp_record_get_id (TP_RECORD (tactic)));
  g_assert_true (tp_store_add_tactic_log_entry (a, entry, &error));
  g_assert_no_error (error);

  tp_customer_set_notes (on_b, "Prefers coffee");
  g_assert_true (tp_store_save_customer (b, on_b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tp_record_get_version (TP_RECORD (on_b)), ==, 4);
  tp_tactic_set_notes (tactic_on_b, "Every Monday");
  g_assert_true (tp_store_save_tactic (b, tactic_on_b, &error));
  g_assert_no_error (error);

  stored = tp_store_get_customer (check, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tp_customer_get_name (stored), ==, "Ada Lovelace");
  g_assert_cmpstr (tp_customer_get_notes (stored), ==, "Prefers coffee");
  g_assert_cmpint (tp_customer_get_touch_count (stored), ==, 1);
  g_clear_object (&stored);

  /* A's copy is now behind too; and a row deleted meanwhile is gone,
   * not a conflict */
  tp_customer_set_phone (on_a, "555");
  g_assert_false (tp_store_save_customer (a, on_a, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);
  undo = tp_store_delete_customer (b, id, &error);
  g_assert_no_error (error);
  g_assert_false (tp_store_save_customer (a, on_a, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tp_store_refresh (a, on_a, &error));
  g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);

  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&check);
  if (!tp_test_engine_is_pg ())
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/touchpoint/store/settings", test_settings);
  g_test_add_func ("/touchpoint/store/customer-crud", test_customer_crud);
  g_test_add_func ("/touchpoint/store/bad-values", test_bad_values);
  g_test_add_func ("/touchpoint/store/text-round-trip", test_text_round_trip);
  g_test_add_func ("/touchpoint/store/derived-figures", test_derived_figures);
  g_test_add_func ("/touchpoint/store/stage-rule", test_stage_rule);
  g_test_add_func ("/touchpoint/store/people", test_people);
  g_test_add_func ("/touchpoint/store/changes-after-commit", test_changes_after_commit);
  g_test_add_func ("/touchpoint/store/full-disk", test_full_disk);
  g_test_add_func ("/touchpoint/store/primary-audience-and-brand", test_primary_audience_and_brand);
  g_test_add_func ("/touchpoint/store/undo-exact", test_undo_exact);
  g_test_add_func ("/touchpoint/store/undo-keeps-ids", test_undo_keeps_ids);
  g_test_add_func ("/touchpoint/store/no-lost-update", test_no_lost_update);

  return g_test_run ();
}
