/* test-analytics.c
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

#define G_LOG_DOMAIN "test-analytics"

#include "config.h"

#include <string.h>

#include "tp-analytics.h"
#include "tp-test-engine.h"

/*
 * Every figure is checked against a small business built by hand at fixed
 * dates, whose answers are worked out below. "Now" is Wednesday
 * 2026-03-18 12:00 UTC; the band is 5–12 touches and the follow-up
 * interval 14 days unless a test says otherwise.
 */

#define MINUTE G_GINT64_CONSTANT (60)
#define HOUR   G_GINT64_CONSTANT (3600)
#define DAY    G_GINT64_CONSTANT (86400)

/* 2026-03-18T12:00:00Z, a Wednesday */
#define NOW G_GINT64_CONSTANT (1773835200)

static char *
iso (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static gint64
parse_iso (const char *text)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static GDateTime *
now_utc (void)
{
  return g_date_time_new_from_unix_utc (NOW);
}

static TpDatabase *
open_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tp_test_engine_new_database ();
  TpDatabase *db = tp_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);

  return db;
}

static void
run (TpStatement *stmt)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  tp_statement_reset (stmt);
}

static TpStatement *
prepare (TpDatabase *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt = tp_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stmt);

  return stmt;
}

static gint64
query_count (TpDatabase *db,
             const char *sql)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt = prepare (db, sql);
  gint64 value;

  g_assert_true (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  value = tp_statement_get_int64 (stmt, 0);
  tp_statement_reset (stmt);

  return value;
}

static gint64
add_customer (TpDatabase *db,
              const char *name,
              const char *stage,
              gint64      created)
{
  g_autofree char *created_text = iso (created);
  TpStatement *stmt = prepare (db,
                               "INSERT INTO customers (name, stage, created_at, updated_at)"
                               " VALUES (?1, ?2, ?3, ?3)");

  tp_statement_bind_text (stmt, 1, name);
  tp_statement_bind_text (stmt, 2, stage);
  tp_statement_bind_text (stmt, 3, created_text);
  run (stmt);

  return tp_database_last_insert_id (db);
}

static gint64
add_touch (TpDatabase *db,
           gint64      customer_id,
           gint64      at,
           const char *channel,
           gboolean    done)
{
  g_autofree char *at_text = iso (at);
  TpStatement *stmt = prepare (db,
                               "INSERT INTO touches (customer_id, happened_at, channel, done,"
                               " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?2, ?2)");

  tp_statement_bind_int64 (stmt, 1, customer_id);
  tp_statement_bind_text (stmt, 2, at_text);
  tp_statement_bind_text (stmt, 3, channel);
  tp_statement_bind_int64 (stmt, 4, done);
  run (stmt);

  return tp_database_last_insert_id (db);
}

/* n done touches, one a day, the last one at @last */
static void
add_daily_touches (TpDatabase *db,
                   gint64      customer_id,
                   guint       n,
                   gint64      last,
                   const char *channel)
{
  for (guint i = 0; i < n; i++)
    add_touch (db, customer_id, last - (n - 1 - i) * DAY, channel, TRUE);
}

static void
add_order (TpDatabase *db,
           gint64      customer_id,
           gint64      at,
           gint64      amount,
           const char *status)
{
  g_autofree char *at_text = iso (at);
  TpStatement *stmt = prepare (db,
                               "INSERT INTO orders (customer_id, ordered_at, item, amount_minor,"
                               " currency, status, created_at, updated_at)"
                               " VALUES (?1, ?2, 'Treats', ?3, 'EUR', ?4, ?2, ?2)");

  tp_statement_bind_int64 (stmt, 1, customer_id);
  tp_statement_bind_text (stmt, 2, at_text);
  tp_statement_bind_int64 (stmt, 3, amount);
  tp_statement_bind_text (stmt, 4, status);
  run (stmt);
}

static void
add_setting (TpDatabase *db,
             const char *key,
             const char *value)
{
  TpStatement *stmt = prepare (db,
                               "INSERT INTO settings (key, value, created_at, updated_at)"
                               " VALUES (?1, ?2, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");

  tp_statement_bind_text (stmt, 1, key);
  tp_statement_bind_text (stmt, 2, value);
  run (stmt);
}

static gint64
add_tactic (TpDatabase *db,
            guint       cadence_count,
            const char *cadence_period)
{
  TpStatement *stmt = prepare (db,
                               "INSERT INTO tactics (name, channel, cadence_count, cadence_period,"
                               " created_at, updated_at)"
                               " VALUES ('Tactic', 'social-post', ?1, ?2,"
                               " '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')");

  tp_statement_bind_int64 (stmt, 1, cadence_count);
  tp_statement_bind_text (stmt, 2, cadence_period);
  run (stmt);

  return tp_database_last_insert_id (db);
}

static gint64
add_tactic_created (TpDatabase *db,
                    guint       cadence_count,
                    const char *cadence_period,
                    const char *created_at)
{
  TpStatement *stmt = prepare (db,
                               "INSERT INTO tactics (name, channel, cadence_count, cadence_period,"
                               " created_at, updated_at)"
                               " VALUES ('Tactic', 'social-post', ?1, ?2, ?3, ?3)");

  tp_statement_bind_int64 (stmt, 1, cadence_count);
  tp_statement_bind_text (stmt, 2, cadence_period);
  tp_statement_bind_text (stmt, 3, created_at);
  run (stmt);

  return tp_database_last_insert_id (db);
}

static void
add_log (TpDatabase *db,
         gint64      tactic_id,
         const char *done_at)
{
  TpStatement *stmt = prepare (db,
                               "INSERT INTO tactic_log (tactic_id, done_at, created_at, updated_at)"
                               " VALUES (?1, ?2, ?2, ?2)");

  tp_statement_bind_int64 (stmt, 1, tactic_id);
  tp_statement_bind_text (stmt, 2, done_at);
  run (stmt);
}

/* The hand-built business. Customers, in id order, with their done
 * touches (tc), whether they bought, and the done touches before their
 * first purchase:
 *
 *   1 Ada   tc 4, last touch 20 days ago                     under
 *   2 Bert  tc 5, bought after 3 touches (email, email, call)  inside
 *   3 Cleo  tc 12, last touch 30 days ago, a planned touch in
 *           3 days (not counted)                              inside
 *   4 Dirk  tc 13 ads, bought after all 13, a planned touch
 *           due exactly now                                   over
 *   5 Eve   never touched, created 20 days ago                under
 *   6 Finn  never touched, created 3 days ago                 under
 *   7 Gus   tc 6, last touch 15 days ago, only a cancelled
 *           order (not a purchase)                            inside
 *   8 Hana  tc 2, lost                                        under
 *   9 Ivo   tc 3, last touch 30 days ago, a planned touch
 *           due 2 days ago                                    under
 *  10 Jo    tc 1 20 days ago, a planned touch in 5 days       under
 *  11 Kai   tc 13: bought after 12 social posts (a cancelled
 *           order before them does not count), then an email
 *           and a second order                                over
 *  12 Lea   tc 5: a cancelled order, then bought after 4 emails
 *           and a meeting at the very time of the order; an
 *           overdue planned call before the order             inside
 *  13 Mo    never touched, bought 5 days ago (0 touches)      under
 *  14 Nia   tc 1, exactly 14 days ago                         under
 *  15 Ole   tc 1, 13 days 23 hours ago                        under
 *  16 Pia   tc 11, last touch 25 days ago                     inside
 */
typedef struct
{
  gint64 ada, bert, cleo, dirk, eve, finn, gus, hana, ivo, jo, kai, lea, mo, nia, ole, pia;
  gint64 cleo_planned, dirk_planned, ivo_planned, jo_planned, lea_planned;
} Business;

static void
build_business (TpDatabase *db,
                Business   *b)
{
  gint64 old = NOW - 100 * DAY;

  b->ada = add_customer (db, "Ada", "prospect", old);
  add_daily_touches (db, b->ada, 4, NOW - 20 * DAY, "email");

  b->bert = add_customer (db, "Bert", "customer", old);
  add_touch (db, b->bert, NOW - 60 * DAY, "email", TRUE);
  add_touch (db, b->bert, NOW - 59 * DAY, "email", TRUE);
  add_touch (db, b->bert, NOW - 58 * DAY, "call", TRUE);
  add_order (db, b->bert, NOW - 57 * DAY, 2500, "fulfilled");
  add_touch (db, b->bert, NOW - 50 * DAY, "social-post", TRUE);
  add_touch (db, b->bert, NOW - 49 * DAY, "social-post", TRUE);

  b->cleo = add_customer (db, "Cleo", "prospect", old);
  add_daily_touches (db, b->cleo, 12, NOW - 30 * DAY, "email");
  b->cleo_planned = add_touch (db, b->cleo, NOW + 3 * DAY, "email", FALSE);

  b->dirk = add_customer (db, "Dirk", "customer", old);
  add_daily_touches (db, b->dirk, 13, NOW - 58 * DAY, "ad");
  add_order (db, b->dirk, NOW - 58 * DAY + HOUR, 4000, "fulfilled");
  b->dirk_planned = add_touch (db, b->dirk, NOW, "call", FALSE);

  b->eve = add_customer (db, "Eve", "lead", NOW - 20 * DAY);
  b->finn = add_customer (db, "Finn", "lead", NOW - 3 * DAY);

  b->gus = add_customer (db, "Gus", "prospect", old);
  add_daily_touches (db, b->gus, 6, NOW - 15 * DAY, "email");
  add_order (db, b->gus, NOW - 16 * DAY, 1000, "cancelled");

  b->hana = add_customer (db, "Hana", "lost", old);
  add_daily_touches (db, b->hana, 2, NOW - 40 * DAY, "email");

  b->ivo = add_customer (db, "Ivo", "prospect", old);
  add_daily_touches (db, b->ivo, 3, NOW - 30 * DAY, "email");
  b->ivo_planned = add_touch (db, b->ivo, NOW - 2 * DAY, "call", FALSE);

  b->jo = add_customer (db, "Jo", "lead", old);
  add_touch (db, b->jo, NOW - 20 * DAY, "email", TRUE);
  b->jo_planned = add_touch (db, b->jo, NOW + 5 * DAY, "call", FALSE);

  b->kai = add_customer (db, "Kai", "repeat", old);
  add_order (db, b->kai, NOW - 90 * DAY, 1200, "cancelled");
  add_daily_touches (db, b->kai, 12, NOW - 69 * DAY, "social-post");
  add_order (db, b->kai, NOW - 69 * DAY + HOUR, 1500, "fulfilled");
  add_touch (db, b->kai, NOW - 60 * DAY, "email", TRUE);
  add_order (db, b->kai, NOW - 40 * DAY, 2000, "open");

  b->lea = add_customer (db, "Lea", "customer", old);
  add_touch (db, b->lea, NOW - 55 * DAY, "email", TRUE);
  add_touch (db, b->lea, NOW - 52 * DAY, "email", TRUE);
  add_order (db, b->lea, NOW - 50 * DAY, 900, "cancelled");
  add_touch (db, b->lea, NOW - 48 * DAY, "email", TRUE);
  add_touch (db, b->lea, NOW - 45 * DAY, "email", TRUE);
  b->lea_planned = add_touch (db, b->lea, NOW - 40 * DAY, "call", FALSE);
  add_touch (db, b->lea, NOW - 30 * DAY, "meeting", TRUE);
  add_order (db, b->lea, NOW - 30 * DAY, 3000, "fulfilled");

  b->mo = add_customer (db, "Mo", "customer", NOW - 10 * DAY);
  add_order (db, b->mo, NOW - 5 * DAY, 990, "open");

  b->nia = add_customer (db, "Nia", "lead", old);
  add_touch (db, b->nia, NOW - 14 * DAY, "email", TRUE);

  b->ole = add_customer (db, "Ole", "lead", old);
  add_touch (db, b->ole, NOW - 14 * DAY + HOUR, "email", TRUE);

  b->pia = add_customer (db, "Pia", "prospect", old);
  add_daily_touches (db, b->pia, 11, NOW - 25 * DAY, "email");
}

static const TpAnalyticsSettings default_settings = { 5, 12, 14, "EUR" };

/* Settings */

static void
test_settings_defaults (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GError) error = NULL;
  TpAnalyticsSettings settings;

  memset (&settings, 0xff, sizeof settings);
  g_assert_true (tp_analytics_settings_load (&settings, db, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (settings.band_low, ==, 5);
  g_assert_cmpuint (settings.band_high, ==, 12);
  g_assert_cmpuint (settings.followup_days, ==, 14);
  g_assert_cmpstr (settings.currency, ==, "EUR");
}

static void
test_settings_stored (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GError) error = NULL;
  TpAnalyticsSettings settings;

  add_setting (db, "band_low", "4");
  add_setting (db, "band_high", "11");
  add_setting (db, "followup_days", "30");
  add_setting (db, "currency", "USD");
  add_setting (db, "window_width", "800");

  g_assert_true (tp_analytics_settings_load (&settings, db, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (settings.band_low, ==, 4);
  g_assert_cmpuint (settings.band_high, ==, 11);
  g_assert_cmpuint (settings.followup_days, ==, 30);
  g_assert_cmpstr (settings.currency, ==, "USD");
}

static void
test_settings_invalid (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GError) error = NULL;
  TpAnalyticsSettings settings;

  /* Not numbers, a band upside down, no interval, a lower-case code:
   * each keeps its default */
  add_setting (db, "band_low", "13");
  add_setting (db, "band_high", "12 touches");
  add_setting (db, "followup_days", "0");
  add_setting (db, "currency", "usd");

  g_assert_true (tp_analytics_settings_load (&settings, db, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (settings.band_low, ==, 5);
  g_assert_cmpuint (settings.band_high, ==, 12);
  g_assert_cmpuint (settings.followup_days, ==, 14);
  g_assert_cmpstr (settings.currency, ==, "EUR");
}

static void
test_settings_band_upside_down (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GError) error = NULL;
  TpAnalyticsSettings settings;

  add_setting (db, "band_low", "9");
  add_setting (db, "band_high", "3");

  g_assert_true (tp_analytics_settings_load (&settings, db, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (settings.band_low, ==, 5);
  g_assert_cmpuint (settings.band_high, ==, 12);
}

/* Touches per customer */

typedef struct
{
  const char *name;
  guint       touch_count;
  gboolean    bought;
} Expected;

static void
test_touches_per_customer (void)
{
  /* most touches first; ties: the newest customer first */
  static const Expected by_touches[] = {
    { "Kai", 13, TRUE }, { "Dirk", 13, TRUE }, { "Cleo", 12, FALSE }, { "Pia", 11, FALSE },
    { "Gus", 6, FALSE }, { "Lea", 5, TRUE }, { "Bert", 5, TRUE }, { "Ada", 4, FALSE },
    { "Ivo", 3, FALSE }, { "Hana", 2, FALSE }, { "Ole", 1, FALSE }, { "Nia", 1, FALSE },
    { "Jo", 1, FALSE }, { "Mo", 0, TRUE }, { "Finn", 0, FALSE }, { "Eve", 0, FALSE },
  };
  static const char * const by_name[] = {
    "Ada", "Bert", "Cleo", "Dirk", "Eve", "Finn", "Gus", "Hana",
    "Ivo", "Jo", "Kai", "Lea", "Mo", "Nia", "Ole", "Pia",
  };
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) customers = NULL;
  Business b;

  build_business (db, &b);

  customers = tp_analytics_touches_per_customer (db, TP_TOUCHES_ORDER_BY_TOUCHES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (customers->len, ==, G_N_ELEMENTS (by_touches));

  for (guint i = 0; i < customers->len; i++)
    {
      const TpCustomerTouches *entry = &g_array_index (customers, TpCustomerTouches, i);

      g_assert_cmpstr (entry->name, ==, by_touches[i].name);
      g_assert_cmpuint (entry->touch_count, ==, by_touches[i].touch_count);
      g_assert_cmpint (entry->bought, ==, by_touches[i].bought);
      if (entry->touch_count == 0)
        g_assert_cmpint (entry->last_touch_at, ==, 0);
    }

  /* Figures that identify the rows: ids and last touches */
  g_assert_cmpint (g_array_index (customers, TpCustomerTouches, 0).customer_id, ==, b.kai);
  g_assert_cmpint (g_array_index (customers, TpCustomerTouches, 0).last_touch_at, ==, NOW - 60 * DAY);
  g_assert_cmpint (g_array_index (customers, TpCustomerTouches, 1).customer_id, ==, b.dirk);
  g_assert_cmpint (g_array_index (customers, TpCustomerTouches, 1).last_touch_at, ==, NOW - 58 * DAY);
  g_assert_cmpint (g_array_index (customers, TpCustomerTouches, 7).customer_id, ==, b.ada);
  g_assert_cmpint (g_array_index (customers, TpCustomerTouches, 7).last_touch_at, ==, NOW - 20 * DAY);
  /* Cleo's planned touch in three days is neither counted nor her last touch */
  g_assert_cmpint (g_array_index (customers, TpCustomerTouches, 2).last_touch_at, ==, NOW - 30 * DAY);
  g_clear_pointer (&customers, g_array_unref);

  customers = tp_analytics_touches_per_customer (db, TP_TOUCHES_ORDER_BY_NAME, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (customers->len, ==, G_N_ELEMENTS (by_name));
  for (guint i = 0; i < customers->len; i++)
    g_assert_cmpstr (g_array_index (customers, TpCustomerTouches, i).name, ==, by_name[i]);
  g_clear_pointer (&customers, g_array_unref);

  /* Latest first (ties by newest id), the never touched last */
  customers = tp_analytics_touches_per_customer (db, TP_TOUCHES_ORDER_BY_LAST_TOUCH, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (customers->len, ==, 16);
  g_assert_cmpstr (g_array_index (customers, TpCustomerTouches, 0).name, ==, "Ole");
  g_assert_cmpstr (g_array_index (customers, TpCustomerTouches, 1).name, ==, "Nia");
  g_assert_cmpstr (g_array_index (customers, TpCustomerTouches, 2).name, ==, "Gus");
  g_assert_cmpstr (g_array_index (customers, TpCustomerTouches, 3).name, ==, "Jo");
  g_assert_cmpstr (g_array_index (customers, TpCustomerTouches, 4).name, ==, "Ada");
  g_assert_cmpstr (g_array_index (customers, TpCustomerTouches, 5).name, ==, "Pia");
  g_assert_cmpstr (g_array_index (customers, TpCustomerTouches, 13).name, ==, "Mo");
  g_assert_cmpstr (g_array_index (customers, TpCustomerTouches, 14).name, ==, "Finn");
  g_assert_cmpstr (g_array_index (customers, TpCustomerTouches, 15).name, ==, "Eve");
}

/* Touches before the first purchase */

static void
test_first_purchase (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(TpFirstPurchaseStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  Business b;

  build_business (db, &b);

  stats = tp_analytics_touches_before_first_purchase (db, &default_settings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);

  /* Bert 3, Dirk 13, Kai 12, Lea 5, Mo 0; Gus only cancelled */
  g_assert_cmpuint (stats->n_buyers, ==, 5);
  g_assert_cmpuint (stats->buyers->len, ==, 5);
  g_assert_cmpint (g_array_index (stats->buyers, TpFirstPurchase, 0).customer_id, ==, b.bert);
  g_assert_cmpuint (g_array_index (stats->buyers, TpFirstPurchase, 0).touches, ==, 3);
  g_assert_cmpint (g_array_index (stats->buyers, TpFirstPurchase, 1).customer_id, ==, b.dirk);
  g_assert_cmpuint (g_array_index (stats->buyers, TpFirstPurchase, 1).touches, ==, 13);
  g_assert_cmpint (g_array_index (stats->buyers, TpFirstPurchase, 2).customer_id, ==, b.kai);
  g_assert_cmpuint (g_array_index (stats->buyers, TpFirstPurchase, 2).touches, ==, 12);
  g_assert_cmpint (g_array_index (stats->buyers, TpFirstPurchase, 3).customer_id, ==, b.lea);
  g_assert_cmpuint (g_array_index (stats->buyers, TpFirstPurchase, 3).touches, ==, 5);
  g_assert_cmpint (g_array_index (stats->buyers, TpFirstPurchase, 4).customer_id, ==, b.mo);
  g_assert_cmpuint (g_array_index (stats->buyers, TpFirstPurchase, 4).touches, ==, 0);

  /* Histogram up to 13 touches */
  g_assert_cmpuint (stats->histogram->len, ==, 14);
  for (guint i = 0; i < stats->histogram->len; i++)
    {
      guint expected = (i == 0 || i == 3 || i == 5 || i == 12 || i == 13) ? 1 : 0;

      g_assert_cmpuint (g_array_index (stats->histogram, guint, i), ==, expected);
    }

  /* 0 3 5 12 13: the median is 5; Lea (5) and Kai (12) sit on the band's
   * edges, inside; Bert and Mo under, Dirk over */
  g_assert_cmpfloat (stats->median, ==, 5.0);
  g_assert_cmpuint (stats->n_inside_band, ==, 2);
  g_assert_cmpfloat_with_epsilon (stats->share_inside_band, 0.4, 1e-9);
  g_clear_pointer (&stats, tp_first_purchase_stats_free);

  /* A sixth buyer with 4 touches: 0 3 4 5 12 13, the median is 4.5 */
  {
    gint64 quinn = add_customer (db, "Quinn", "customer", NOW - 30 * DAY);

    add_daily_touches (db, quinn, 4, NOW - 20 * DAY, "website");
    add_order (db, quinn, NOW - 19 * DAY, 1000, "open");
  }

  stats = tp_analytics_touches_before_first_purchase (db, &default_settings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->n_buyers, ==, 6);
  g_assert_cmpfloat (stats->median, ==, 4.5);
  g_assert_cmpuint (stats->n_inside_band, ==, 2);
  g_assert_cmpfloat_with_epsilon (stats->share_inside_band, 2.0 / 6.0, 1e-9);
  g_assert_cmpuint (g_array_index (stats->histogram, guint, 4), ==, 1);
  g_clear_pointer (&stats, tp_first_purchase_stats_free);

  /* The band from the settings table: 4–11 takes Quinn (4) and Lea (5) */
  add_setting (db, "band_low", "4");
  add_setting (db, "band_high", "11");
  stats = tp_analytics_touches_before_first_purchase (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->n_inside_band, ==, 2);
  g_assert_cmpint (g_array_index (stats->buyers, TpFirstPurchase, 5).touches, ==, 4);
}

/* Band counts */

static void
test_band_counts (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GError) error = NULL;
  TpBandCounts counts;
  Business b;

  build_business (db, &b);

  /* Under 5: Ada 4, Eve 0, Finn 0, Hana 2, Ivo 3, Jo 1, Mo 0, Nia 1, Ole 1.
   * 5–12: Bert 5, Cleo 12, Gus 6, Lea 5, Pia 11. Over 12: Dirk 13, Kai 13. */
  g_assert_true (tp_analytics_band_counts (db, &default_settings, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.under, ==, 9);
  g_assert_cmpuint (counts.inside, ==, 5);
  g_assert_cmpuint (counts.over, ==, 2);

  /* From the settings table, 4–11: Ada moves in, Cleo out */
  add_setting (db, "band_low", "4");
  add_setting (db, "band_high", "11");
  g_assert_true (tp_analytics_band_counts (db, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.under, ==, 8);
  g_assert_cmpuint (counts.inside, ==, 5);
  g_assert_cmpuint (counts.over, ==, 3);
}

static void
test_band_edges (void)
{
  static const guint touches[] = { 4, 5, 12, 13 };
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GError) error = NULL;
  TpBandCounts counts;

  for (guint i = 0; i < G_N_ELEMENTS (touches); i++)
    {
      g_autofree char *name = g_strdup_printf ("Edge %u", touches[i]);
      gint64 id = add_customer (db, name, "prospect", NOW - 100 * DAY);

      add_daily_touches (db, id, touches[i], NOW - 40 * DAY, "email");
      /* planned touches never count */
      add_touch (db, id, NOW - 30 * DAY, "email", FALSE);
    }

  g_assert_true (tp_analytics_band_counts (db, &default_settings, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.under, ==, 1);
  g_assert_cmpuint (counts.inside, ==, 2);
  g_assert_cmpuint (counts.over, ==, 1);
}

/* Follow-ups */

typedef struct
{
  const char       *name;
  TpFollowUpReason  reason;
  guint             days_quiet;
  guint             touch_count;
  gint64            due_at;
} ExpectedFollowUp;

static void
test_follow_ups (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GDateTime) now = now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) queue = NULL;
  Business b;
  const ExpectedFollowUp expected[] = {
    /* Lea bought, but her planned call was never done */
    { "Lea", TP_FOLLOW_UP_REASON_PLANNED_DUE, 30, 5, NOW - 40 * DAY },
    { "Pia", TP_FOLLOW_UP_REASON_QUIET, 25, 11, NOW - 11 * DAY },
    /* same time: by name */
    { "Ada", TP_FOLLOW_UP_REASON_QUIET, 20, 4, NOW - 6 * DAY },
    /* never touched: quiet since created */
    { "Eve", TP_FOLLOW_UP_REASON_QUIET, 20, 0, NOW - 6 * DAY },
    { "Ivo", TP_FOLLOW_UP_REASON_PLANNED_DUE, 30, 3, NOW - 2 * DAY },
    /* a cancelled order is not a purchase */
    { "Gus", TP_FOLLOW_UP_REASON_QUIET, 15, 6, NOW - DAY },
    /* due exactly now */
    { "Dirk", TP_FOLLOW_UP_REASON_PLANNED_DUE, 58, 13, NOW },
    /* quiet for exactly the interval */
    { "Nia", TP_FOLLOW_UP_REASON_QUIET, 14, 1, NOW },
  };
  /* Left out: Bert, Kai, Mo bought; Cleo has 12 touches (the band's top)
   * and a planned touch; Finn is new; Hana is lost; Jo has a planned touch
   * ahead; Ole has been quiet an hour short of 14 days */

  build_business (db, &b);

  queue = tp_analytics_follow_ups (db, &default_settings, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < queue->len; i++)
    {
      const TpFollowUp *entry = &g_array_index (queue, TpFollowUp, i);

      g_assert_cmpstr (entry->name, ==, expected[i].name);
      g_assert_cmpint (entry->reason, ==, expected[i].reason);
      g_assert_cmpuint (entry->days_quiet, ==, expected[i].days_quiet);
      g_assert_cmpuint (entry->touch_count, ==, expected[i].touch_count);
      g_assert_cmpint (entry->due_at, ==, expected[i].due_at);
      if (entry->reason == TP_FOLLOW_UP_REASON_QUIET)
        g_assert_cmpint (entry->planned_touch_id, ==, 0);
    }

  g_assert_cmpint (g_array_index (queue, TpFollowUp, 0).customer_id, ==, b.lea);
  g_assert_cmpint (g_array_index (queue, TpFollowUp, 0).planned_touch_id, ==, b.lea_planned);
  g_assert_cmpint (g_array_index (queue, TpFollowUp, 4).planned_touch_id, ==, b.ivo_planned);
  g_assert_cmpint (g_array_index (queue, TpFollowUp, 6).planned_touch_id, ==, b.dirk_planned);
  g_assert_cmpint (g_array_index (queue, TpFollowUp, 7).customer_id, ==, b.nia);

  /* Once Ivo's call is done, he is no longer in the queue: the done call
   * is his last touch, two days ago */
  {
    TpStatement *stmt = prepare (db, "UPDATE touches SET done = 1 WHERE id = ?1");

    tp_statement_bind_int64 (stmt, 1, b.ivo_planned);
    run (stmt);
  }
  g_clear_pointer (&queue, g_array_unref);
  queue = tp_analytics_follow_ups (db, &default_settings, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, G_N_ELEMENTS (expected) - 1);
  for (guint i = 0; i < queue->len; i++)
    g_assert_cmpint (g_array_index (queue, TpFollowUp, i).customer_id, !=, b.ivo);
}

/* The follow-up queue worked out from the touches and orders alone,
 * without the figures or indexes the database keeps: every customer,
 * their done touches counted and dated here. */
typedef struct
{
  gint64  id;
  char   *name;
  gint64  due;
  gint64  planned_id;
  guint   touch_count;
  guint   reason;
} RefEntry;

static void
ref_entry_clear (gpointer data)
{
  g_free (((RefEntry *) data)->name);
}

static int
ref_entry_compare (gconstpointer a,
                   gconstpointer b)
{
  const RefEntry *x = a, *y = b;
  g_autofree char *xn = g_ascii_strdown (x->name, -1);
  g_autofree char *yn = g_ascii_strdown (y->name, -1);
  int c;

  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;
  c = strcmp (xn, yn);
  if (c != 0)
    return c;
  if (x->id != y->id)
    return x->id < y->id ? -1 : 1;
  return x->planned_id < y->planned_id ? -1 : x->planned_id > y->planned_id;
}

static GArray *
reference_follow_ups (TpDatabase *db,
                      const TpAnalyticsSettings *settings)
{
  g_autoptr(GError) error = NULL;
  GArray *queue = g_array_new (FALSE, FALSE, sizeof (RefEntry));
  gint64 interval = settings->followup_days * DAY;
  TpStatement *stmt;

  g_array_set_clear_func (queue, ref_entry_clear);

  /* Customers: bought? lost? planned touches? done touches and the last */
  stmt = prepare (db,
                  "SELECT c.id, c.name, c.stage, c.created_at,"
                  " (SELECT count(*) FROM orders o WHERE o.customer_id = c.id"
                  "  AND o.status != 'cancelled'),"
                  " (SELECT count(*) FROM touches t WHERE t.customer_id = c.id AND t.done = 0),"
                  " (SELECT count(*) FROM touches t WHERE t.customer_id = c.id AND t.done = 1),"
                  " (SELECT max (t.happened_at) FROM touches t WHERE t.customer_id = c.id"
                  "  AND t.done = 1)"
                  " FROM customers c");
  while (tp_statement_step (stmt, &error))
    {
      const char *last = tp_statement_get_text (stmt, 7);
      gint64 quiet_since = parse_iso (last != NULL ? last : tp_statement_get_text (stmt, 3));
      RefEntry entry = { 0 };

      if (tp_statement_get_int64 (stmt, 4) > 0 ||
          g_str_equal (tp_statement_get_text (stmt, 2), "lost") ||
          tp_statement_get_int64 (stmt, 5) > 0 ||
          tp_statement_get_int64 (stmt, 6) >= settings->band_high ||
          quiet_since + interval > NOW)
        continue;
      entry.id = tp_statement_get_int64 (stmt, 0);
      entry.name = g_strdup (tp_statement_get_text (stmt, 1));
      entry.due = quiet_since + interval;
      entry.touch_count = (guint) tp_statement_get_int64 (stmt, 6);
      entry.reason = TP_FOLLOW_UP_REASON_QUIET;
      g_array_append_val (queue, entry);
    }
  g_assert_no_error (error);
  tp_statement_reset (stmt);

  stmt = prepare (db,
                  "SELECT c.id, c.name, t.id, t.happened_at,"
                  " (SELECT count(*) FROM touches d WHERE d.customer_id = c.id AND d.done = 1)"
                  " FROM touches t JOIN customers c ON c.id = t.customer_id WHERE t.done = 0");
  while (tp_statement_step (stmt, &error))
    {
      RefEntry entry = { 0 };

      entry.due = parse_iso (tp_statement_get_text (stmt, 3));
      if (entry.due > NOW)
        continue;
      entry.id = tp_statement_get_int64 (stmt, 0);
      entry.name = g_strdup (tp_statement_get_text (stmt, 1));
      entry.planned_id = tp_statement_get_int64 (stmt, 2);
      entry.touch_count = (guint) tp_statement_get_int64 (stmt, 4);
      entry.reason = TP_FOLLOW_UP_REASON_PLANNED_DUE;
      g_array_append_val (queue, entry);
    }
  g_assert_no_error (error);
  tp_statement_reset (stmt);

  g_array_sort (queue, ref_entry_compare);

  return queue;
}

static guint
assert_follow_ups_match_reference (TpDatabase                *db,
                                   const TpAnalyticsSettings *settings,
                                   guint                     *n_planned)
{
  g_autoptr(GDateTime) now = now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) queue = tp_analytics_follow_ups (db, settings, now, &error);
  g_autoptr(GArray) expected = reference_follow_ups (db, settings);

  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, expected->len);
  for (guint i = 0; i < queue->len; i++)
    {
      const TpFollowUp *entry = &g_array_index (queue, TpFollowUp, i);
      const RefEntry *want = &g_array_index (expected, RefEntry, i);

      g_assert_cmpint (entry->customer_id, ==, want->id);
      g_assert_cmpstr (entry->name, ==, want->name);
      g_assert_cmpint (entry->reason, ==, want->reason);
      g_assert_cmpint (entry->due_at, ==, want->due);
      g_assert_cmpint (entry->planned_touch_id, ==, want->planned_id);
      g_assert_cmpuint (entry->touch_count, ==, want->touch_count);
      *n_planned += entry->reason == TP_FOLLOW_UP_REASON_PLANNED_DUE;
    }

  return queue->len;
}

/* The band counts against a plain count of each customer's done touches,
 * bucketed here; returns how many customers were counted */
static guint
assert_band_counts_match_reference (TpDatabase                *db,
                                    const TpAnalyticsSettings *settings)
{
  g_autoptr(GError) error = NULL;
  TpBandCounts counts;
  TpBandCounts expected = { 0, 0, 0 };
  TpStatement *stmt = prepare (db, "SELECT (SELECT count(*) FROM touches t"
                                   " WHERE t.customer_id = c.id AND t.done = 1) FROM customers c");

  while (tp_statement_step (stmt, &error))
    {
      gint64 n = tp_statement_get_int64 (stmt, 0);

      if (n < settings->band_low)
        expected.under++;
      else if (n <= settings->band_high)
        expected.inside++;
      else
        expected.over++;
    }
  g_assert_no_error (error);
  tp_statement_reset (stmt);

  g_assert_true (tp_analytics_band_counts (db, settings, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.under, ==, expected.under);
  g_assert_cmpuint (counts.inside, ==, expected.inside);
  g_assert_cmpuint (counts.over, ==, expected.over);

  return expected.under + expected.inside + expected.over;
}

/* Random writes, deletes and undos (a deleted row put back with its id):
 * after each round the queue the database keeps (its figures and the
 * indexes of schema step 7) is the one worked out from the touches and
 * orders alone, and so are the touch counts and the band counts. */
static void
test_follow_ups_random (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (0xF011);
  g_autoptr(GArray) customers = g_array_new (FALSE, FALSE, sizeof (gint64));
  static const char * const names[] = { "ada", "Ada", "Bert", "bea", "Zoe", "Émile", "ada", "Carl" };
  static const char * const stages[] = { "lead", "prospect", "customer", "lost" };
  static const char * const statuses[] = { "open", "fulfilled", "cancelled" };
  guint n_entries = 0;
  guint n_planned = 0;
  guint n_banded = 0;

  for (guint round = 0; round < 12; round++)
    {
      for (guint op = 0; op < 25; op++)
        {
          g_autoptr(GError) error = NULL;
          guint kind = g_rand_int_range (rand, 0, 10);
          gint64 customer = customers->len > 0
            ? g_array_index (customers, gint64, g_rand_int_range (rand, 0, customers->len))
            : 0;
          /* Times on a few days and hours, so that some are equal */
          gint64 at = NOW - g_rand_int_range (rand, 0, 30) * DAY - g_rand_int_range (rand, 0, 2) * HOUR
                      + g_rand_int_range (rand, 0, 3) * DAY;

          if (customers->len < 3 || kind == 0)
            {
              gint64 id = add_customer (db, names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))],
                                        stages[g_rand_int_range (rand, 0, 4)],
                                        NOW - g_rand_int_range (rand, 0, 40) * DAY);

              g_array_append_val (customers, id);
            }
          else if (kind <= 4)
            add_touch (db, customer, at, "email", g_rand_int_range (rand, 0, 4) != 0);
          else if (kind == 5)
            add_order (db, customer, at, 100, statuses[g_rand_int_range (rand, 0, 3)]);
          else if (kind == 6)
            {
              /* Delete a touch, and maybe undo it */
              g_autofree char *sql = NULL;
              TpStatement *stmt = prepare (db, "SELECT id, customer_id, happened_at, done FROM touches"
                                               " ORDER BY id LIMIT 1 OFFSET ?1");
              gint64 n = query_count (db, "SELECT count(*) FROM touches");

              if (n == 0)
                {
                  tp_statement_reset (stmt);
                  continue;
                }
              tp_statement_bind_int64 (stmt, 1, g_rand_int_range (rand, 0, n));
              g_assert_true (tp_statement_step (stmt, &error));
              sql = g_strdup_printf ("DELETE FROM touches WHERE id = %" G_GINT64_FORMAT ";",
                                     tp_statement_get_int64 (stmt, 0));
              if (g_rand_boolean (rand))
                {
                  g_autofree char *undo = g_strdup_printf (
                    "%s INSERT INTO touches (id, customer_id, happened_at, channel, done,"
                    " created_at, updated_at) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                    ", '%s', 'email', %d, 'c', 'u');", sql, tp_statement_get_int64 (stmt, 0),
                    tp_statement_get_int64 (stmt, 1), tp_statement_get_text (stmt, 2),
                    (int) tp_statement_get_int64 (stmt, 3));

                  g_free (sql);
                  sql = g_steal_pointer (&undo);
                }
              tp_statement_reset (stmt);
              g_assert_true (tp_database_exec (db, sql, &error));
            }
          else if (kind == 7)
            {
              /* A planned touch done, a done one planned again, or moved */
              g_autofree char *sql = g_strdup_printf (
                "UPDATE touches SET done = 1 - done, customer_id = CASE WHEN id %% 3 = 0"
                " THEN %" G_GINT64_FORMAT " ELSE customer_id END WHERE id %% 7 = %d;",
                customer, g_rand_int_range (rand, 0, 7));

              g_assert_true (tp_database_exec (db, sql, &error));
            }
          else if (kind == 8)
            {
              g_autofree char *sql = g_strdup_printf (
                "UPDATE customers SET stage = '%s' WHERE id = %" G_GINT64_FORMAT ";"
                "UPDATE orders SET status = '%s' WHERE customer_id = %" G_GINT64_FORMAT ";",
                stages[g_rand_int_range (rand, 0, 4)], customer,
                statuses[g_rand_int_range (rand, 0, 3)], customer);

              g_assert_true (tp_database_exec (db, sql, &error));
            }
          else
            {
              /* A customer deleted: their touches and orders go too */
              g_autofree char *sql = g_strdup_printf ("DELETE FROM customers WHERE id = %" G_GINT64_FORMAT,
                                                      customer);

              g_assert_true (tp_database_exec (db, sql, &error));
              for (guint i = 0; i < customers->len; i++)
                if (g_array_index (customers, gint64, i) == customer)
                  g_array_remove_index_fast (customers, i--);
            }
          g_assert_no_error (error);
        }

      n_entries += assert_follow_ups_match_reference (db, &default_settings, &n_planned);
      {
        TpAnalyticsSettings narrow = { 1, 2, 3, "EUR" };

        n_entries += assert_follow_ups_match_reference (db, &narrow, &n_planned);
        n_banded += assert_band_counts_match_reference (db, &default_settings);
        n_banded += assert_band_counts_match_reference (db, &narrow);
      }
      g_assert_cmpint (query_count (db, "SELECT count(*) FROM customers c WHERE touch_count !="
                                        " (SELECT count(*) FROM touches t WHERE t.customer_id = c.id"
                                        " AND t.done = 1)"), ==, 0);
    }
  g_assert_cmpuint (customers->len, >, 10);
  /* Both kinds of entries were compared, many of them */
  g_test_message ("%u entries compared, %u planned", n_entries, n_planned);
  g_assert_cmpuint (n_entries, >, 100);
  g_assert_cmpuint (n_planned, >, 10);
  g_assert_cmpuint (n_banded, >, 100);
}

static void
test_follow_ups_settings (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GDateTime) now = now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) queue = NULL;
  Business b;

  build_business (db, &b);

  /* A 30-day interval from the settings table: nobody has been quiet that
   * long, so only the planned touches that are due remain */
  add_setting (db, "followup_days", "30");
  queue = tp_analytics_follow_ups (db, NULL, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 3);
  g_assert_cmpstr (g_array_index (queue, TpFollowUp, 0).name, ==, "Lea");
  g_assert_cmpstr (g_array_index (queue, TpFollowUp, 1).name, ==, "Ivo");
  g_assert_cmpstr (g_array_index (queue, TpFollowUp, 2).name, ==, "Dirk");
  for (guint i = 0; i < queue->len; i++)
    g_assert_cmpint (g_array_index (queue, TpFollowUp, i).reason, ==,
                     TP_FOLLOW_UP_REASON_PLANNED_DUE);
  g_clear_pointer (&queue, g_array_unref);

  /* A band whose top is 5 leaves out Pia (11) and Gus (6) */
  {
    TpAnalyticsSettings low_band = { 2, 5, 14, "EUR" };

    queue = tp_analytics_follow_ups (db, &low_band, now, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (queue->len, ==, 6);
    g_assert_cmpstr (g_array_index (queue, TpFollowUp, 0).name, ==, "Lea");
    g_assert_cmpstr (g_array_index (queue, TpFollowUp, 1).name, ==, "Ada");
    g_assert_cmpstr (g_array_index (queue, TpFollowUp, 2).name, ==, "Eve");
    g_assert_cmpstr (g_array_index (queue, TpFollowUp, 3).name, ==, "Ivo");
    g_assert_cmpstr (g_array_index (queue, TpFollowUp, 4).name, ==, "Dirk");
    g_assert_cmpstr (g_array_index (queue, TpFollowUp, 5).name, ==, "Nia");
  }
}

/* Tactic consistency */

static void
assert_period (const TpTacticConsistency *c,
               guint                      index,
               const char                *start,
               const char                *end,
               guint                      done,
               TpPeriodState              state)
{
  const TpConsistencyPeriod *p = &c->periods[index];

  g_assert_cmpint (p->start, ==, parse_iso (start));
  g_assert_cmpint (p->end, ==, parse_iso (end));
  g_assert_cmpuint (p->planned, ==, state == TP_PERIOD_STATE_BEFORE ? 0 : c->cadence_count);
  g_assert_cmpuint (p->done, ==, done);
  g_assert_cmpint (p->state, ==, state);
}

static void
test_consistency_week (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GDateTime) now = now_utc ();
  g_autoptr(GError) error = NULL;
  TpTacticConsistency c;
  gint64 tactic = add_tactic (db, 2, "week");

  /* Before the eight weeks: done, but the streak is broken before it */
  add_log (db, tactic, "2026-01-19T10:00:00Z");
  add_log (db, tactic, "2026-01-21T10:00:00Z");
  /* week of Monday 26 January: done */
  add_log (db, tactic, "2026-01-26T09:00:00Z");
  add_log (db, tactic, "2026-01-30T09:00:00Z");
  /* 2 February: missed; 9 February: partly */
  add_log (db, tactic, "2026-02-12T09:00:00Z");
  /* 16 February: its first and last second */
  add_log (db, tactic, "2026-02-16T00:00:00Z");
  add_log (db, tactic, "2026-02-22T23:59:59Z");
  /* 23 February: Saturday 28 February and Sunday 1 March, across a month */
  add_log (db, tactic, "2026-02-28T10:00:00Z");
  add_log (db, tactic, "2026-03-01T23:59:59Z");
  /* 2 March: done */
  add_log (db, tactic, "2026-03-02T00:00:00Z");
  add_log (db, tactic, "2026-03-05T10:00:00Z");
  /* 9 March: more than planned */
  add_log (db, tactic, "2026-03-09T08:00:00Z");
  add_log (db, tactic, "2026-03-11T08:00:00Z");
  add_log (db, tactic, "2026-03-13T08:00:00Z");
  /* 16 March, the current week: once so far */
  add_log (db, tactic, "2026-03-16T08:00:00Z");
  /* next week: ignored */
  add_log (db, tactic, "2026-03-23T08:00:00Z");

  g_assert_true (tp_analytics_tactic_consistency (db, tactic, now, &c, &error));
  g_assert_no_error (error);

  g_assert_cmpint (c.tactic_id, ==, tactic);
  g_assert_cmpint (c.period, ==, TP_CADENCE_PERIOD_WEEK);
  g_assert_cmpuint (c.cadence_count, ==, 2);
  assert_period (&c, 0, "2026-01-26T00:00:00Z", "2026-02-02T00:00:00Z", 2, TP_PERIOD_STATE_DONE);
  assert_period (&c, 1, "2026-02-02T00:00:00Z", "2026-02-09T00:00:00Z", 0, TP_PERIOD_STATE_MISSED);
  assert_period (&c, 2, "2026-02-09T00:00:00Z", "2026-02-16T00:00:00Z", 1, TP_PERIOD_STATE_PARTLY);
  assert_period (&c, 3, "2026-02-16T00:00:00Z", "2026-02-23T00:00:00Z", 2, TP_PERIOD_STATE_DONE);
  assert_period (&c, 4, "2026-02-23T00:00:00Z", "2026-03-02T00:00:00Z", 2, TP_PERIOD_STATE_DONE);
  assert_period (&c, 5, "2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z", 2, TP_PERIOD_STATE_DONE);
  assert_period (&c, 6, "2026-03-09T00:00:00Z", "2026-03-16T00:00:00Z", 3, TP_PERIOD_STATE_DONE);
  assert_period (&c, 7, "2026-03-16T00:00:00Z", "2026-03-23T00:00:00Z", 1, TP_PERIOD_STATE_PARTLY);

  /* The current week is not over: the streak runs from 9 March back to
   * 16 February */
  g_assert_cmpuint (c.streak, ==, 4);
  g_assert_cmpuint (c.planned_total, ==, 16);
  g_assert_cmpuint (c.done_total, ==, 2 + 0 + 1 + 2 + 2 + 2 + 2 + 1);

  /* A second post this week completes it, and the streak takes it in */
  add_log (db, tactic, "2026-03-17T08:00:00Z");
  g_assert_true (tp_analytics_tactic_consistency (db, tactic, now, &c, &error));
  g_assert_no_error (error);
  assert_period (&c, 7, "2026-03-16T00:00:00Z", "2026-03-23T00:00:00Z", 2, TP_PERIOD_STATE_DONE);
  g_assert_cmpuint (c.streak, ==, 5);
  g_assert_cmpuint (c.done_total, ==, 13);
}

static void
test_consistency_month (void)
{
  static const char * const month_ends[] = {
    "2025-03-31T23:59:59Z", "2025-04-30T23:59:59Z", "2025-05-31T23:59:59Z",
    "2025-06-30T23:59:59Z", "2025-07-31T23:59:59Z", "2025-08-31T23:59:59Z",
    "2025-09-30T23:59:59Z", "2025-10-31T23:59:59Z", "2025-11-30T23:59:59Z",
    "2025-12-31T23:59:59Z", "2026-01-31T23:59:59Z", "2026-02-28T23:59:59Z",
  };
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GDateTime) now = now_utc ();
  g_autoptr(GError) error = NULL;
  TpTacticConsistency c;
  gint64 tactic = add_tactic (db, 1, "month");

  /* The last second of every month from March 2025, and the first second
   * of March 2026; nothing in February 2025 */
  add_log (db, tactic, "2025-01-15T10:00:00Z");
  for (guint i = 0; i < G_N_ELEMENTS (month_ends); i++)
    add_log (db, tactic, month_ends[i]);
  add_log (db, tactic, "2026-03-01T00:00:00Z");

  g_assert_true (tp_analytics_tactic_consistency (db, tactic, now, &c, &error));
  g_assert_no_error (error);

  g_assert_cmpint (c.period, ==, TP_CADENCE_PERIOD_MONTH);
  assert_period (&c, 0, "2025-08-01T00:00:00Z", "2025-09-01T00:00:00Z", 1, TP_PERIOD_STATE_DONE);
  assert_period (&c, 1, "2025-09-01T00:00:00Z", "2025-10-01T00:00:00Z", 1, TP_PERIOD_STATE_DONE);
  assert_period (&c, 6, "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z", 1, TP_PERIOD_STATE_DONE);
  assert_period (&c, 7, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z", 1, TP_PERIOD_STATE_DONE);

  /* March 2025 to March 2026, beyond the eight months shown */
  g_assert_cmpuint (c.streak, ==, 13);
  g_assert_cmpuint (c.planned_total, ==, 8);
  g_assert_cmpuint (c.done_total, ==, 8);
}

static void
test_consistency_day (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GDateTime) now = now_utc ();
  g_autoptr(GError) error = NULL;
  TpTacticConsistency c;
  gint64 tactic = add_tactic (db, 1, "day");

  add_log (db, tactic, "2026-03-10T23:59:59Z");  /* before the eight days */
  add_log (db, tactic, "2026-03-11T00:00:00Z");
  add_log (db, tactic, "2026-03-13T07:00:00Z");
  add_log (db, tactic, "2026-03-13T19:00:00Z");
  add_log (db, tactic, "2026-03-14T12:00:00Z");
  add_log (db, tactic, "2026-03-15T12:00:00Z");
  add_log (db, tactic, "2026-03-16T12:00:00Z");
  add_log (db, tactic, "2026-03-17T23:59:59Z");

  g_assert_true (tp_analytics_tactic_consistency (db, tactic, now, &c, &error));
  g_assert_no_error (error);

  assert_period (&c, 0, "2026-03-11T00:00:00Z", "2026-03-12T00:00:00Z", 1, TP_PERIOD_STATE_DONE);
  assert_period (&c, 1, "2026-03-12T00:00:00Z", "2026-03-13T00:00:00Z", 0, TP_PERIOD_STATE_MISSED);
  assert_period (&c, 2, "2026-03-13T00:00:00Z", "2026-03-14T00:00:00Z", 2, TP_PERIOD_STATE_DONE);
  assert_period (&c, 6, "2026-03-17T00:00:00Z", "2026-03-18T00:00:00Z", 1, TP_PERIOD_STATE_DONE);
  /* today: nothing yet, which does not break the streak */
  assert_period (&c, 7, "2026-03-18T00:00:00Z", "2026-03-19T00:00:00Z", 0, TP_PERIOD_STATE_MISSED);
  g_assert_cmpuint (c.streak, ==, 5);
  g_assert_cmpuint (c.done_total, ==, 6);
}

static void
test_consistency_time_zone (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GDateTime) utc = now_utc ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+13:00");
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GError) error = NULL;
  TpTacticConsistency c;
  gint64 tactic = add_tactic (db, 1, "week");

  /* In +13:00 it is already Thursday 01:00; the weeks are still UTC weeks */
  g_assert_nonnull (tz);
  local = g_date_time_to_timezone (utc, tz);
  add_log (db, tactic, "2026-03-15T23:30:00Z");

  g_assert_true (tp_analytics_tactic_consistency (db, tactic, local, &c, &error));
  g_assert_no_error (error);
  assert_period (&c, 6, "2026-03-09T00:00:00Z", "2026-03-16T00:00:00Z", 1, TP_PERIOD_STATE_DONE);
  assert_period (&c, 7, "2026-03-16T00:00:00Z", "2026-03-23T00:00:00Z", 0, TP_PERIOD_STATE_MISSED);
  g_assert_cmpuint (c.streak, ==, 1);
}

static void
test_consistency_new_tactic (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GDateTime) now = now_utc ();
  g_autoptr(GError) error = NULL;
  TpTacticConsistency c;
  gint64 tactic;

  /* Created a second ago, twice a week: only this week is planned, and
   * it is not over, so nothing is missed yet. */
  tactic = add_tactic_created (db, 2, "week", "2026-03-18T11:59:59Z");
  g_assert_true (tp_analytics_tactic_consistency (db, tactic, now, &c, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpint (c.periods[i].state, ==, TP_PERIOD_STATE_BEFORE);
  assert_period (&c, 0, "2026-01-26T00:00:00Z", "2026-02-02T00:00:00Z", 0, TP_PERIOD_STATE_BEFORE);
  assert_period (&c, 7, "2026-03-16T00:00:00Z", "2026-03-23T00:00:00Z", 0, TP_PERIOD_STATE_MISSED);
  g_assert_cmpuint (c.planned_total, ==, 2);
  g_assert_cmpuint (c.done_total, ==, 0);
  g_assert_cmpuint (c.streak, ==, 0);

  /* Created on Wednesday 25 February: from that week on. */
  tactic = add_tactic_created (db, 1, "week", "2026-02-25T15:00:00Z");
  add_log (db, tactic, "2026-02-26T10:00:00Z");
  add_log (db, tactic, "2026-03-10T10:00:00Z");
  g_assert_true (tp_analytics_tactic_consistency (db, tactic, now, &c, &error));
  g_assert_no_error (error);
  assert_period (&c, 3, "2026-02-16T00:00:00Z", "2026-02-23T00:00:00Z", 0, TP_PERIOD_STATE_BEFORE);
  assert_period (&c, 4, "2026-02-23T00:00:00Z", "2026-03-02T00:00:00Z", 1, TP_PERIOD_STATE_DONE);
  assert_period (&c, 5, "2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z", 0, TP_PERIOD_STATE_MISSED);
  assert_period (&c, 6, "2026-03-09T00:00:00Z", "2026-03-16T00:00:00Z", 1, TP_PERIOD_STATE_DONE);
  g_assert_cmpuint (c.planned_total, ==, 4);
  g_assert_cmpuint (c.done_total, ==, 2);
  g_assert_cmpuint (c.streak, ==, 1);

  /* A log that goes back before the tactic (entered later, or restored)
   * counts from its first entry. */
  add_log (db, tactic, "2026-02-10T10:00:00Z");
  g_assert_true (tp_analytics_tactic_consistency (db, tactic, now, &c, &error));
  g_assert_no_error (error);
  assert_period (&c, 1, "2026-02-02T00:00:00Z", "2026-02-09T00:00:00Z", 0, TP_PERIOD_STATE_BEFORE);
  assert_period (&c, 2, "2026-02-09T00:00:00Z", "2026-02-16T00:00:00Z", 1, TP_PERIOD_STATE_DONE);
  assert_period (&c, 3, "2026-02-16T00:00:00Z", "2026-02-23T00:00:00Z", 0, TP_PERIOD_STATE_MISSED);
  g_assert_cmpuint (c.planned_total, ==, 6);
  g_assert_cmpuint (c.done_total, ==, 3);
}

static void
test_consistency_unknown_tactic (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GDateTime) now = now_utc ();
  g_autoptr(GError) error = NULL;
  TpTacticConsistency c;

  g_assert_false (tp_analytics_tactic_consistency (db, 42, now, &c, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "42"));
}

/* Channels before first purchases */

static void
test_first_purchase_channels (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) channels = NULL;
  Business b;
  static const TpChannelCount expected[] = {
    { TP_CHANNEL_AD, 13 },           /* Dirk */
    { TP_CHANNEL_SOCIAL_POST, 12 },  /* Kai (Bert's posts came after) */
    { TP_CHANNEL_EMAIL, 6 },         /* Bert 2, Lea 4 */
    { TP_CHANNEL_CALL, 1 },          /* Bert (Lea's planned call not done) */
    { TP_CHANNEL_MEETING, 1 },       /* Lea, at the very time of the order */
  };

  build_business (db, &b);

  channels = tp_analytics_first_purchase_channels (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (channels->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < channels->len; i++)
    {
      g_assert_cmpint (g_array_index (channels, TpChannelCount, i).channel, ==, expected[i].channel);
      g_assert_cmpuint (g_array_index (channels, TpChannelCount, i).count, ==, expected[i].count);
    }
}

/* An empty business */

static void
test_empty (void)
{
  g_autoptr(TpDatabase) db = open_database ();
  g_autoptr(GDateTime) now = now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) customers = NULL;
  g_autoptr(GArray) queue = NULL;
  g_autoptr(GArray) channels = NULL;
  g_autoptr(TpFirstPurchaseStats) stats = NULL;
  TpBandCounts counts;

  customers = tp_analytics_touches_per_customer (db, TP_TOUCHES_ORDER_BY_TOUCHES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (customers->len, ==, 0);

  stats = tp_analytics_touches_before_first_purchase (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->n_buyers, ==, 0);
  g_assert_cmpuint (stats->histogram->len, ==, 0);
  g_assert_cmpfloat (stats->median, ==, 0.0);
  g_assert_cmpfloat (stats->share_inside_band, ==, 0.0);

  g_assert_true (tp_analytics_band_counts (db, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.under + counts.inside + counts.over, ==, 0);

  queue = tp_analytics_follow_ups (db, NULL, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 0);

  channels = tp_analytics_first_purchase_channels (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (channels->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/touchpoint/analytics/settings-defaults", test_settings_defaults);
  g_test_add_func ("/touchpoint/analytics/settings-stored", test_settings_stored);
  g_test_add_func ("/touchpoint/analytics/settings-invalid", test_settings_invalid);
  g_test_add_func ("/touchpoint/analytics/settings-band-upside-down", test_settings_band_upside_down);
  g_test_add_func ("/touchpoint/analytics/touches-per-customer", test_touches_per_customer);
  g_test_add_func ("/touchpoint/analytics/first-purchase", test_first_purchase);
  g_test_add_func ("/touchpoint/analytics/band-counts", test_band_counts);
  g_test_add_func ("/touchpoint/analytics/band-edges", test_band_edges);
  g_test_add_func ("/touchpoint/analytics/follow-ups", test_follow_ups);
  g_test_add_func ("/touchpoint/analytics/follow-ups-settings", test_follow_ups_settings);
  g_test_add_func ("/touchpoint/analytics/follow-ups-random", test_follow_ups_random);
  g_test_add_func ("/touchpoint/analytics/consistency-week", test_consistency_week);
  g_test_add_func ("/touchpoint/analytics/consistency-month", test_consistency_month);
  g_test_add_func ("/touchpoint/analytics/consistency-day", test_consistency_day);
  g_test_add_func ("/touchpoint/analytics/consistency-time-zone", test_consistency_time_zone);
  g_test_add_func ("/touchpoint/analytics/consistency-new-tactic", test_consistency_new_tactic);
  g_test_add_func ("/touchpoint/analytics/consistency-unknown-tactic", test_consistency_unknown_tactic);
  g_test_add_func ("/touchpoint/analytics/first-purchase-channels", test_first_purchase_channels);
  g_test_add_func ("/touchpoint/analytics/empty", test_empty);

  return g_test_run ();
}
