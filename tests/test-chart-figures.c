/* test-chart-figures.c
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

#define G_LOG_DOMAIN "test-chart-figures"

#include "config.h"

#include <string.h>

#include "tp-analytics.h"
#include "tp-chart-figures.h"
#include "tp-customer-list.h"
#include "tp-sample-private.h"

/*
 * The chart follows the customer list's filter: TpCustomerFilter, copied
 * from a TpCustomerList, picks exactly the customers the list shows, and
 * tp_chart_figures_load() reads the chart's figures for them. Checked on a
 * generated business of 1,500 customers against the list itself and
 * against tp-analytics.
 */

typedef struct
{
  TpDatabase     *db;
  TpStore        *store;
  TpCustomerList *list;
  gint64          audience_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const TpSampleShape shape = {
    .n_customers = 1500,
    .n_touches = 12000,
    .n_orders = 300,
    .benchmark_touches = 40,
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  TpStatement *stmt;

  f->db = tp_database_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_true (_tp_sample_fill_full (f->db, &shape, now, &error));
  g_assert_no_error (error);

  f->store = tp_store_new (f->db);
  f->list = tp_customer_list_new (f->store);

  stmt = tp_database_prepare (f->db, "SELECT max(audience_id) FROM customers", &error);
  g_assert_no_error (error);
  g_assert_true (tp_statement_step (stmt, &error));
  f->audience_id = tp_statement_get_int64 (stmt, 0);
  tp_statement_reset (stmt);
  g_assert_cmpint (f->audience_id, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->list);
  g_assert_finalize_object (f->store);
  g_assert_finalize_object (f->db);
}

static void
set_filter (TpCustomerList *list,
            const char     *search,
            int             stage,
            gint64          audience,
            guint           quiet_days)
{
  tp_customer_list_set_search_text (list, search);
  tp_customer_list_set_stage_filter (list, stage);
  tp_customer_list_set_audience_filter (list, audience);
  tp_customer_list_set_quiet_days (list, quiet_days);
}

static gboolean
list_has (TpCustomerList *list,
          gint64          id)
{
  return tp_customer_list_find (list, id) != G_MAXUINT;
}

/* The histogram and channels of @data belong to the buyers among @list's
 * customers: compared with tp-analytics' buyers, kept to those. */
static void
assert_stats_follow_list (Fixture     *f,
                          TpChartData *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpFirstPurchaseStats) stats = NULL;
  g_autoptr(GArray) expected = g_array_new (FALSE, TRUE, sizeof (guint));
  const guint *counts;
  const TpChartChannelCount *channels;
  gsize n_counts, n_channels;
  guint64 touches = 0, channel_touches = 0;

  stats = tp_analytics_touches_before_first_purchase (f->db, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < stats->buyers->len; i++)
    {
      const TpFirstPurchase *buyer = &g_array_index (stats->buyers, TpFirstPurchase, i);

      if (!list_has (f->list, buyer->customer_id))
        continue;
      if (buyer->touches >= expected->len)
        g_array_set_size (expected, buyer->touches + 1);
      g_array_index (expected, guint, buyer->touches)++;
      touches += buyer->touches;
    }

  counts = tp_chart_data_get_purchase_histogram (data, &n_counts);
  g_assert_cmpuint (n_counts, ==, expected->len);
  for (guint i = 0; i < n_counts; i++)
    g_assert_cmpuint (counts[i], ==, g_array_index (expected, guint, i));

  /* Every touch before a first purchase came through one channel. */
  channels = tp_chart_data_get_channels (data, &n_channels);
  for (gsize i = 0; i < n_channels; i++)
    channel_touches += channels[i].touches;
  g_assert_cmpuint (channel_touches, ==, touches);
}

/* For each filter the Customers section can set, the chart's customers are
 * exactly the list's, one by one, and so are its other views. */
static void
test_follows_list (Fixture       *f,
                   gconstpointer  data)
{
  const struct {
    const char *search;
    int         stage;
    gboolean    audience;
    guint       quiet_days;
  } cases[] = {
    { "an", -1, FALSE, 0 },
    { "Z", -1, FALSE, 0 },           /* one letter walks the name index */
    { "lu", -1, FALSE, 0 },
    { "100%_", -1, FALSE, 0 },       /* LIKE's wildcards are text */
    { NULL, TP_STAGE_LEAD, FALSE, 0 },
    { NULL, TP_STAGE_CUSTOMER, FALSE, 0 },
    { NULL, -1, TRUE, 0 },
    { NULL, -1, FALSE, 30 },
    { "e", TP_STAGE_PROSPECT, TRUE, 14 },
    { "no such customer at all", -1, FALSE, 0 },
  };
  guint n_nonempty = 0;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(TpCustomerFilter) filter = NULL;
      g_autoptr(TpChartData) chart = tp_chart_data_new ();
      g_autoptr(GError) error = NULL;
      guint n;

      set_filter (f->list, cases[c].search, cases[c].stage,
                  cases[c].audience ? f->audience_id : 0, cases[c].quiet_days);
      filter = tp_customer_list_dup_filter (f->list);
      g_assert_false (tp_customer_filter_is_empty (filter));

      g_assert_true (tp_chart_figures_load (chart, f->db, filter,
                                            TP_CHART_FIGURES_ITEMS | TP_CHART_FIGURES_STATS, &error));
      g_assert_no_error (error);

      n = g_list_model_get_n_items (G_LIST_MODEL (f->list));
      g_assert_cmpuint (tp_chart_data_get_n_items (chart), ==, n);
      for (guint i = 0; i < n; i++)
        g_assert_cmpint (tp_chart_data_find_item (chart, TP_CHART_SORT_TOUCHES,
                                                  tp_customer_list_get_id (f->list, i)), >=, 0);
      if (n > 0 && n < 1500)
        n_nonempty++;

      /* One customer at a time gives the same answer. */
      for (gint64 id = 1; id <= 1500; id += 7)
        {
          g_assert_cmpint (tp_customer_filter_matches (filter, f->db, id, &error), ==, list_has (f->list, id));
          g_assert_no_error (error);
        }

      assert_stats_follow_list (f, chart);
    }

  /* The cases pick some customers, not none or all. */
  g_assert_cmpuint (n_nonempty, >=, G_N_ELEMENTS (cases) - 2);
}

/* Without a filter, the figures are tp-analytics' own. */
static void
test_unfiltered (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TpChartData) chart = tp_chart_data_new ();
  g_autoptr(TpCustomerFilter) filter = tp_customer_list_dup_filter (f->list);
  g_autoptr(TpChartData) with_empty = tp_chart_data_new ();
  g_autoptr(GArray) customers = NULL;
  g_autoptr(GArray) channels = NULL;
  g_autoptr(GError) error = NULL;
  const TpChartChannelCount *read;
  gsize n_read;

  g_assert_true (tp_customer_filter_is_empty (filter));
  g_assert_true (tp_chart_figures_load (chart, f->db, NULL,
                                        TP_CHART_FIGURES_ITEMS | TP_CHART_FIGURES_STATS, &error));
  g_assert_no_error (error);
  g_assert_true (tp_chart_figures_load (with_empty, f->db, filter, TP_CHART_FIGURES_ITEMS, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tp_chart_data_get_n_items (with_empty), ==, 1500);

  customers = tp_analytics_touches_per_customer (f->db, TP_TOUCHES_ORDER_BY_TOUCHES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tp_chart_data_get_n_items (chart), ==, customers->len);
  for (guint i = 0; i < customers->len; i++)
    {
      const TpCustomerTouches *expected = &g_array_index (customers, TpCustomerTouches, i);
      int position = tp_chart_data_find_item (chart, TP_CHART_SORT_TOUCHES, expected->customer_id);
      const TpChartItem *item = tp_chart_data_get_item (chart, TP_CHART_SORT_TOUCHES, position);

      g_assert_nonnull (item);
      g_assert_cmpstr (item->name, ==, expected->name);
      g_assert_cmpuint (item->touches, ==, expected->touch_count);
      g_assert_cmpint (item->bought, ==, expected->bought);
      g_assert_cmpint (item->last_touch_unix, ==, expected->last_touch_at);
    }

  assert_stats_follow_list (f, chart);

  channels = tp_analytics_first_purchase_channels (f->db, &error);
  g_assert_no_error (error);
  read = tp_chart_data_get_channels (chart, &n_read);
  g_assert_cmpuint (n_read, ==, channels->len);
  for (guint i = 0; i < channels->len; i++)
    {
      const TpChannelCount *expected = &g_array_index (channels, TpChannelCount, i);
      gboolean found = FALSE;

      for (gsize j = 0; j < n_read; j++)
        if (read[j].channel == expected->channel)
          {
            g_assert_cmpuint (read[j].touches, ==, expected->count);
            found = TRUE;
          }
      g_assert_true (found);
    }

  /* Stats alone leave the customers alone. */
  g_assert_true (tp_chart_figures_load (chart, f->db, NULL, TP_CHART_FIGURES_STATS, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tp_chart_data_get_n_items (chart), ==, customers->len);
}

/* A copied filter is a snapshot: it keeps what the list asked for then,
 * and its SQL never holds the user's text. */
static void
test_filter_snapshot (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TpCustomerFilter) before = NULL;
  g_autoptr(TpCustomerFilter) after = NULL;
  g_autoptr(TpCustomerFilter) copy = NULL;
  g_autoptr(GError) error = NULL;

  before = tp_customer_list_dup_filter (f->list);
  g_assert_true (tp_customer_filter_is_empty (before));
  g_assert_true (tp_customer_filter_is_empty (NULL));
  g_assert_true (tp_customer_filter_equal (before, NULL));
  g_assert_cmpstr (tp_customer_filter_get_where (before), ==, "1 = 1");
  g_assert_null (tp_customer_filter_get_search_text (before));
  g_assert_cmpint (tp_customer_filter_get_stage (before), ==, -1);

  set_filter (f->list, "x') OR 1 --", TP_STAGE_REPEAT, f->audience_id, 60);
  after = tp_customer_list_dup_filter (f->list);
  g_assert_cmpstr (tp_customer_filter_get_search_text (after), ==, "x') OR 1 --");
  g_assert_cmpint (tp_customer_filter_get_stage (after), ==, TP_STAGE_REPEAT);
  g_assert_cmpint (tp_customer_filter_get_audience (after), ==, f->audience_id);
  g_assert_cmpuint (tp_customer_filter_get_quiet_days (after), ==, 60);
  g_assert_null (strstr (tp_customer_filter_get_where (after), "x'"));
  g_assert_false (tp_customer_filter_equal (before, after));
  g_assert_true (tp_customer_filter_is_empty (before));

  copy = tp_customer_filter_copy (after);
  g_assert_true (tp_customer_filter_equal (copy, after));
  g_assert_cmpstr (tp_customer_filter_get_where (copy), ==, tp_customer_filter_get_where (after));

  /* Nobody passes that search; nobody passes as a customer who is not there. */
  g_assert_false (tp_customer_filter_matches (after, f->db, 1, &error));
  g_assert_no_error (error);
  g_assert_false (tp_customer_filter_matches (before, f->db, 999999, &error));
  g_assert_no_error (error);
  g_assert_true (tp_customer_filter_matches (before, f->db, 1, &error));
  g_assert_no_error (error);

  /* The list's own answer is unchanged by the copies. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
  set_filter (f->list, NULL, -1, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 1500);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/touchpoint/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("chart-figures/follows-list", test_follows_list);
  ADD ("chart-figures/unfiltered", test_unfiltered);
  ADD ("customer-filter/snapshot", test_filter_snapshot);

  return g_test_run ();
}
