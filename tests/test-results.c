/* test-results.c
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

#define G_LOG_DOMAIN "test-results"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "tp-backup.h"
#include "tp-csv.h"
#include "tp-migrations-private.h"
#include "tp-results.h"
#include "tp-results-private.h"
#include "tp-store.h"
#include "tp-results-chart.h"
#include "tp-schema.h"
#include "tp-test-engine.h"

/*
 * A small business built by hand, whose every figure is worked out below.
 * "Now" is Friday 2026-03-20 12:00 UTC; the period is March 2026 (from
 * Sunday 1 March), the period before is February.
 *
 * Audiences: 1 Dog owners, 2 Vets. Places: 1 Dog forum and 2 Farmers
 * market (Dog owners), 3 Vet conference (Vets). Tactics, created 1
 * January, all active: 1 Market stall (weekly, Dog owners), 2 Instagram
 * post (weekly, Dog owners), 3 Vet newsletter (monthly, Vets), and 4 Old
 * flyers, deleted at the end: its touch keeps no tactic.
 *
 * Log: Market stall done 2, 9, 16 March and 9, 16 February; Instagram post
 * 3, 10, 17 March; Vet newsletter 5 March.
 *
 * Customers (touches at 10:00 unless said; "T1@P2" = tactic 1 at place 2):
 * 1 Ada (Dog owners): T1@P2 2 Mar, T2 6 Mar, T2@P1 8 Mar, no tactic 18 Mar;
 *   orders 10 Mar 10:00 50.00 and 15 Mar 20.00. Stage repeat.
 * 2 Bob (Dog owners): T2@P1 20 Feb, T1@P2 3 Mar; a cancelled order 2 Mar
 *   (99.00, not a purchase) and one 4 Mar 30.00. Stage customer.
 * 3 Cleo (Dog owners): two touches at the same second, 5 Mar 09:00, T1@P2
 *   logged first, then T2; an order at that very second, 10.00 (a tie:
 *   first touch T1, last touch T2). Stage customer.
 * 4 Dan (Vets): no touch; order 12 Mar 40.00 (a new customer no touch
 *   brought).
 * 5 Eve (Vets): T4@P3 7 Mar (T4 deleted later), order 11 Mar 10:00 25.00,
 *   then T3 12 Mar. Stage customer.
 * 6 Finn (Dog owners): T2 12 Mar; a planned touch T1 25 Mar (ignored).
 *   Stage prospect.
 * 7 Gus (no audience): created 14 Mar, no touch. Stage lead.
 * 8 Hal (Dog owners): T1 10 Jan, T2 13 Mar. Stage lead.
 * 9 Ivy (Dog owners): T1@P2 10 Feb, order 12 Feb 60.00. Stage customer.
 */

#define NOW_TEXT "2026-03-20T12:00:00Z"

static const char business[] =
  "INSERT INTO audiences (id, name, position, created_at, updated_at) VALUES"
  " (1, 'Dog owners', 0, 'c', 'u'), (2, 'Vets', 1, 'c', 'u');"
  "INSERT INTO audience_places (id, audience_id, kind, name, position, created_at, updated_at) VALUES"
  " (1, 1, 'forum', 'Dog forum', 0, 'c', 'u'),"
  " (2, 1, 'event', 'Farmers market', 1, 'c', 'u'),"
  " (3, 2, 'event', 'Vet conference', 0, 'c', 'u');"
  "INSERT INTO tactics (id, name, channel, audience_id, cadence_count, cadence_period, position,"
  "    created_at, updated_at) VALUES"
  " (1, 'Market stall', 'event', 1, 1, 'week', 0, '2026-01-01T00:00:00Z', 'u'),"
  " (2, 'Instagram post', 'social-post', 1, 1, 'week', 1, '2026-01-01T00:00:00Z', 'u'),"
  " (3, 'Vet newsletter', 'email', 2, 1, 'month', 2, '2026-01-01T00:00:00Z', 'u'),"
  " (4, 'Old flyers', 'mail', NULL, 1, 'week', 3, '2026-01-01T00:00:00Z', 'u');"
  "INSERT INTO tactic_log (tactic_id, done_at, created_at, updated_at) VALUES"
  " (1, '2026-03-02T08:00:00Z', 'c', 'u'), (1, '2026-03-09T08:00:00Z', 'c', 'u'),"
  " (1, '2026-03-16T08:00:00Z', 'c', 'u'), (1, '2026-02-09T08:00:00Z', 'c', 'u'),"
  " (1, '2026-02-16T08:00:00Z', 'c', 'u'),"
  " (2, '2026-03-03T08:00:00Z', 'c', 'u'), (2, '2026-03-10T08:00:00Z', 'c', 'u'),"
  " (2, '2026-03-17T08:00:00Z', 'c', 'u'),"
  " (3, '2026-03-05T08:00:00Z', 'c', 'u'),"
  " (4, '2026-03-07T08:00:00Z', 'c', 'u');"
  "INSERT INTO customers (id, name, audience_id, stage, created_at, updated_at) VALUES"
  " (1, 'Ada', 1, 'repeat', '2026-01-01T00:00:00Z', 'u'),"
  " (2, 'Bob', 1, 'customer', '2026-01-01T00:00:00Z', 'u'),"
  " (3, 'Cleo', 1, 'customer', '2026-01-01T00:00:00Z', 'u'),"
  " (4, 'Dan', 2, 'customer', '2026-01-01T00:00:00Z', 'u'),"
  " (5, 'Eve', 2, 'customer', '2026-01-01T00:00:00Z', 'u'),"
  " (6, 'Finn', 1, 'prospect', '2026-01-01T00:00:00Z', 'u'),"
  " (7, 'Gus', NULL, 'lead', '2026-03-14T00:00:00Z', 'u'),"
  " (8, 'Hal', 1, 'lead', '2026-01-01T00:00:00Z', 'u'),"
  " (9, 'Ivy', 1, 'customer', '2026-01-01T00:00:00Z', 'u');"
  "INSERT INTO touches (customer_id, happened_at, channel, tactic_id, place_id, done,"
  "    created_at, updated_at) VALUES"
  " (1, '2026-03-02T10:00:00Z', 'event', 1, 2, 1, 'c', 'u'),"
  " (1, '2026-03-06T10:00:00Z', 'social-post', 2, NULL, 1, 'c', 'u'),"
  " (1, '2026-03-08T10:00:00Z', 'social-post', 2, 1, 1, 'c', 'u'),"
  " (1, '2026-03-18T10:00:00Z', 'call', NULL, NULL, 1, 'c', 'u'),"
  " (2, '2026-02-20T10:00:00Z', 'social-post', 2, 1, 1, 'c', 'u'),"
  " (2, '2026-03-03T10:00:00Z', 'event', 1, 2, 1, 'c', 'u'),"
  " (3, '2026-03-05T09:00:00Z', 'event', 1, 2, 1, 'c', 'u'),"
  " (3, '2026-03-05T09:00:00Z', 'social-post', 2, NULL, 1, 'c', 'u'),"
  " (5, '2026-03-07T10:00:00Z', 'mail', 4, 3, 1, 'c', 'u'),"
  " (5, '2026-03-12T10:00:00Z', 'email', 3, NULL, 1, 'c', 'u'),"
  " (6, '2026-03-12T10:00:00Z', 'social-post', 2, NULL, 1, 'c', 'u'),"
  " (6, '2026-03-25T10:00:00Z', 'event', 1, NULL, 0, 'c', 'u'),"
  " (8, '2026-01-10T10:00:00Z', 'event', 1, NULL, 1, 'c', 'u'),"
  " (8, '2026-03-13T10:00:00Z', 'social-post', 2, NULL, 1, 'c', 'u'),"
  " (9, '2026-02-10T10:00:00Z', 'event', 1, 2, 1, 'c', 'u');"
  "INSERT INTO orders (customer_id, ordered_at, item, amount_minor, currency, status,"
  "    created_at, updated_at) VALUES"
  " (1, '2026-03-10T10:00:00Z', 'Treats', 5000, 'EUR', 'fulfilled', 'c', 'u'),"
  " (1, '2026-03-15T10:00:00Z', 'Treats', 2000, 'EUR', 'open', 'c', 'u'),"
  " (2, '2026-03-02T10:00:00Z', 'Big box', 9900, 'EUR', 'cancelled', 'c', 'u'),"
  " (2, '2026-03-04T10:00:00Z', 'Treats', 3000, 'EUR', 'open', 'c', 'u'),"
  " (3, '2026-03-05T09:00:00Z', 'Chews', 1000, 'EUR', 'open', 'c', 'u'),"
  " (4, '2026-03-12T10:00:00Z', 'Treats', 4000, 'EUR', 'open', 'c', 'u'),"
  " (5, '2026-03-11T10:00:00Z', 'Treats', 2500, 'EUR', 'open', 'c', 'u'),"
  " (9, '2026-02-12T10:00:00Z', 'Treats', 6000, 'EUR', 'open', 'c', 'u');"
  /* The tactic goes; its touch stays, without a tactic */
  "DELETE FROM tactics WHERE id = 4;";

typedef struct
{
  char       *dir;
  char       *path;
  TpDatabase *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-results-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "business.db", NULL);
  f->db = tp_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (tp_database_exec (f->db, business, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->db);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static TpResults *
compute_march (Fixture *f)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (NOW_TEXT, NULL);
  g_autoptr(GError) error = NULL;
  TpResults *results;
  gint64 start, end;

  tp_results_period_range (TP_RESULTS_PERIOD_MONTH, now, &start, &end);
  results = tp_results_compute (f->db, TP_RESULTS_PERIOD_MONTH, start, end, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);

  return results;
}

static void
assert_figures (const TpResultsFigures *figures,
                guint                   planned,
                guint                   done,
                guint                   touches,
                guint                   reached,
                guint                   first_touch,
                guint                   last_touch,
                gint64                  revenue_minor,
                double                  median_touches)
{
  g_assert_cmpuint (figures->planned, ==, planned);
  g_assert_cmpuint (figures->done, ==, done);
  g_assert_cmpuint (figures->touches, ==, touches);
  g_assert_cmpuint (figures->reached, ==, reached);
  g_assert_cmpuint (figures->first_touch, ==, first_touch);
  g_assert_cmpuint (figures->last_touch, ==, last_touch);
  g_assert_cmpint (figures->revenue_minor, ==, revenue_minor);
  g_assert_cmpfloat_with_epsilon (figures->median_touches, median_touches, 1e-9);
}

static const TpResultsRow *
row (TpResults     *results,
     TpResultsKind  kind,
     gint64         id,
     const char    *name)
{
  const TpResultsRow *found = tp_results_find_row (results, kind, id);

  g_assert_nonnull (found);
  g_assert_cmpstr (found->name, ==, name);

  return found;
}

static void
test_periods (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-05-17T08:30:00Z", NULL);
  gint64 start, end, prev_start, prev_end;

  tp_results_period_range (TP_RESULTS_PERIOD_MONTH, now, &start, &end);
  g_assert_cmpint (start, ==, 1777593600);  /* 2026-05-01 */
  g_assert_cmpint (end, ==, 1780272000);    /* 2026-06-01 */
  tp_results_previous_range (TP_RESULTS_PERIOD_MONTH, start, end, &prev_start, &prev_end);
  g_assert_cmpint (prev_start, ==, 1775001600);  /* 2026-04-01 */
  g_assert_cmpint (prev_end, ==, start);

  tp_results_period_range (TP_RESULTS_PERIOD_QUARTER, now, &start, &end);
  g_assert_cmpint (start, ==, 1775001600);  /* 2026-04-01 */
  g_assert_cmpint (end, ==, 1782864000);    /* 2026-07-01 */
  tp_results_previous_range (TP_RESULTS_PERIOD_QUARTER, start, end, &prev_start, &prev_end);
  g_assert_cmpint (prev_start, ==, 1767225600);  /* 2026-01-01 */

  tp_results_period_range (TP_RESULTS_PERIOD_YEAR, now, &start, &end);
  g_assert_cmpint (start, ==, 1767225600);  /* 2026-01-01 */
  g_assert_cmpint (end, ==, 1798761600);    /* 2027-01-01 */
  tp_results_previous_range (TP_RESULTS_PERIOD_YEAR, start, end, &prev_start, &prev_end);
  g_assert_cmpint (prev_start, ==, 1735689600);  /* 2025-01-01 */

  /* A custom period: as long a stretch just before it */
  tp_results_previous_range (TP_RESULTS_PERIOD_CUSTOM, 1000, 1600, &prev_start, &prev_end);
  g_assert_cmpint (prev_start, ==, 400);
  g_assert_cmpint (prev_end, ==, 1000);
}

static void
test_tactics (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(TpResults) results = compute_march (f);
  const TpResultsRow *r;

  g_assert_cmpuint (results->new_customers, ==, 5);           /* Ada, Bob, Cleo, Dan, Eve */
  g_assert_cmpuint (results->without_touch, ==, 1);           /* Dan */
  g_assert_cmpuint (results->previous_new_customers, ==, 1);  /* Ivy */
  g_assert_cmpint (results->revenue_minor, ==, 17500);        /* 7000+3000+1000+4000+2500 */
  g_assert_cmpint (results->previous_revenue_minor, ==, 6000);
  g_assert_cmpuint (results->touches, ==, 11);                /* the planned one left out */
  g_assert_cmpuint (results->previous_touches, ==, 2);
  g_assert_cmpuint (results->n_active_tactics, ==, 3);
  g_assert_cmpstr (results->currency, ==, "EUR");

  /* The tactics' order, then the touches without one (deleted or never
   * given) */
  g_assert_cmpuint (results->tactics->len, ==, 4);

  /* Weeks overlapping 1–20 March: those of 23 Feb, 2, 9 and 16 March.
   * First touch of Ada and Cleo (Cleo's tie: logged first); last touch of
   * Bob. Medians: Ada 3 and Cleo 2 touches. */
  r = row (results, TP_RESULTS_TACTIC, 1, "Market stall");
  g_assert_true (r == &g_array_index (results->tactics, TpResultsRow, 0));
  assert_figures (&r->current, 4, 3, 3, 2, 2, 1, 8000, 2.5);
  /* February: weeks of 26 Jan to 23 Feb; Ivy reached and bought. */
  assert_figures (&r->previous, 5, 2, 1, 1, 1, 1, 6000, 1);

  r = row (results, TP_RESULTS_TACTIC, 2, "Instagram post");
  assert_figures (&r->current, 4, 3, 5, 1, 1, 2, 3000, 2);
  assert_figures (&r->previous, 5, 0, 1, 1, 0, 0, 0, 0);

  /* Done, touched Eve, but only after her purchase */
  r = row (results, TP_RESULTS_TACTIC, 3, "Vet newsletter");
  assert_figures (&r->current, 1, 1, 1, 0, 0, 0, 0, 0);

  /* Eve's first and last touch came through the deleted tactic; Ada's
   * 18 March touch had none. The deleted tactic's log went with it. */
  r = row (results, TP_RESULTS_TACTIC, 0, "No tactic");
  assert_figures (&r->current, 0, 0, 2, 1, 1, 1, 2500, 1);
  g_assert_false (r->active);
}

static void
test_places_audiences (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TpResults) results = compute_march (f);
  const TpResultsRow *r;

  r = row (results, TP_RESULTS_PLACE, 1, "Dog forum");
  assert_figures (&r->current, 0, 0, 1, 0, 1, 1, 3000, 2);
  r = row (results, TP_RESULTS_PLACE, 2, "Farmers market");
  assert_figures (&r->current, 0, 0, 3, 2, 2, 1, 8000, 2.5);
  assert_figures (&r->previous, 0, 0, 1, 1, 1, 1, 6000, 1);
  r = row (results, TP_RESULTS_PLACE, 3, "Vet conference");
  assert_figures (&r->current, 0, 0, 1, 1, 1, 1, 2500, 1);
  /* Cleo's last touch had no place */
  r = row (results, TP_RESULTS_PLACE, 0, "No place");
  assert_figures (&r->current, 0, 0, 6, 1, 0, 1, 0, 0);

  /* A touch's audience: its place's, else its tactic's, else its
   * customer's (Ada's 18 March touch) */
  r = row (results, TP_RESULTS_AUDIENCE, 1, "Dog owners");
  assert_figures (&r->current, 0, 0, 9, 3, 3, 3, 11000, 2);
  r = row (results, TP_RESULTS_AUDIENCE, 2, "Vets");
  assert_figures (&r->current, 0, 0, 2, 1, 1, 1, 2500, 1);
  g_assert_null (tp_results_find_row (results, TP_RESULTS_AUDIENCE, 0));

  /* Touches per week from 1 March, up to now (20 March): the weeks ahead
   * are left out */
  g_assert_cmpuint (results->weekly_touches->len, ==, 3);
  g_assert_cmpuint (g_array_index (results->weekly_touches, guint, 0), ==, 6);
  g_assert_cmpuint (g_array_index (results->weekly_touches, guint, 1), ==, 4);
  g_assert_cmpuint (g_array_index (results->weekly_touches, guint, 2), ==, 1);
}

static void
test_funnels (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(TpResults) results = compute_march (f);
  const TpResultsFunnel *funnel;

  /* First reached in March: Ada, Cleo, Finn (Dog owners), Eve (Vets);
   * Gus, untouched, created in March. Bob and Hal were reached before. */
  g_assert_cmpuint (results->funnels->len, ==, 3);

  funnel = &g_array_index (results->funnels, TpResultsFunnel, 0);
  g_assert_cmpstr (funnel->name, ==, "Dog owners");
  g_assert_cmpuint (funnel->leads, ==, 3);
  g_assert_cmpuint (funnel->prospects, ==, 3);
  g_assert_cmpuint (funnel->customers, ==, 2);
  g_assert_cmpuint (funnel->repeats, ==, 1);
  /* Ada: 8 days, 3 touches; Cleo: 0 days, 2 touches */
  g_assert_cmpfloat_with_epsilon (funnel->median_days, 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (funnel->median_touches, 2.5, 1e-9);

  funnel = &g_array_index (results->funnels, TpResultsFunnel, 1);
  g_assert_cmpstr (funnel->name, ==, "Vets");
  g_assert_cmpuint (funnel->leads, ==, 1);
  g_assert_cmpuint (funnel->customers, ==, 1);
  g_assert_cmpuint (funnel->repeats, ==, 0);
  g_assert_cmpfloat_with_epsilon (funnel->median_days, 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (funnel->median_touches, 1, 1e-9);

  funnel = &g_array_index (results->funnels, TpResultsFunnel, 2);
  g_assert_cmpstr (funnel->name, ==, "No audience");
  g_assert_cmpuint (funnel->leads, ==, 1);
  g_assert_cmpuint (funnel->prospects, ==, 0);
  g_assert_cmpfloat_with_epsilon (funnel->median_days, 0, 1e-9);
}

static void
test_findings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(TpResults) results = compute_march (f);
  static const char * const expected[] = {
    "5 new customers in this period, 1 in the one before",
    "Market stall: done 3 of 4 times, first touch for 2 of the 5 new customers",
    "Instagram post: done 3 of 4 times, first touch for 1 of the 5 new customers",
    "Farmers market: first touch for 2 of the 5 new customers",
    "Vet newsletter: done 1 of 1 times, no first purchases in 20 days",
    "3 tactics are active; the two with the least results are Vet newsletter and Market stall",
  };

  g_assert_cmpuint (results->findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const TpResultsFinding *finding = g_ptr_array_index (results->findings, i);

      g_assert_cmpstr (finding->text, ==, expected[i]);
    }
  g_assert_cmpint (((TpResultsFinding *)g_ptr_array_index (results->findings, 1))->id, ==, 1);
  g_assert_cmpint (((TpResultsFinding *)g_ptr_array_index (results->findings, 3))->kind, ==,
                   TP_RESULTS_PLACE);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(TpResults) results = compute_march (f);
  g_autofree char *csv = tp_results_to_csv (results);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);

  g_assert_cmpstr (lines[0], ==,
                   "kind,id,name,planned,done,touches,reached,first_touch,last_touch,"
                   "revenue_minor,currency,median_touches,previous_planned,previous_done,"
                   "previous_touches,previous_reached,previous_first_touch,"
                   "previous_last_touch,previous_revenue_minor");
  g_assert_cmpstr (lines[1], ==, "tactic,1,Market stall,4,3,3,2,2,1,8000,EUR,2.5,5,2,1,1,1,1,6000");
  g_assert_cmpstr (lines[4], ==, "tactic,,No tactic,0,0,2,1,1,1,2500,EUR,1.0,0,0,0,0,0,0,0");
  g_assert_cmpstr (lines[5], ==, "place,1,Dog forum,0,0,1,0,1,1,3000,EUR,2.0,0,0,1,1,0,0,0");
  /* 3 tactics and none, 3 places and none, 2 audiences, the final CR LF */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 4 + 4 + 2 + 1);
}

/* The small charts: where each bar goes, what it says, what a screen
 * reader hears, and that the bars are painted where they were laid out */
static void
test_charts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TpResults) results = compute_march (f);
  g_autoptr(TpResultsChartLayout) bars = NULL;
  g_autoptr(TpResultsChartLayout) funnel = NULL;
  g_autoptr(TpResultsChartLayout) line = NULL;
  g_autofree char *words = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  TpChartColors colors;
  const TpResultsBar *bar;
  guint32 pixel;

  /* Market stall 2, Instagram post 1, Vet newsletter 0, No tactic 1 */
  g_assert_cmpfloat (tp_results_chart_natural_height (results, TP_RESULTS_CHART_TACTICS), ==, 4 * 28);
  bars = tp_results_chart_layout_new (results, TP_RESULTS_CHART_TACTICS, 400, 112);
  g_assert_cmpuint (bars->bars->len, ==, 4);
  bar = &g_array_index (bars->bars, TpResultsBar, 0);
  g_assert_cmpstr (bar->label, ==, "Market stall");
  g_assert_cmpstr (bar->value_text, ==, "2");
  /* Labels take 38 % (152 px), a gap of 8, the figure 72 px: 168 px of bar */
  g_assert_cmpfloat_with_epsilon (bar->bar.x, 160, 1e-9);
  g_assert_cmpfloat_with_epsilon (bar->bar.width, 168, 1e-9);
  g_assert_cmpfloat_with_epsilon (bar->bar.y, 5.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (bar->bar.height, 16.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (bars->bars, TpResultsBar, 1).bar.width, 84, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (bars->bars, TpResultsBar, 2).bar.width, 0, 1e-9);
  g_assert_cmpstr (g_array_index (bars->bars, TpResultsBar, 3).label, ==, "No tactic");
  words = tp_results_chart_describe (results, TP_RESULTS_CHART_TACTICS);
  g_assert_cmpstr (words, ==, "First purchases per tactic, as first touch: Market stall: 2; "
                              "Instagram post: 1; Vet newsletter: 0; No tactic: 1");
  g_clear_pointer (&words, g_free);

  /* Every audience together: 5 leads, 4 prospects, 3 customers, 1 repeat */
  funnel = tp_results_chart_layout_new (results, TP_RESULTS_CHART_FUNNEL, 400, 112);
  g_assert_cmpuint (funnel->bars->len, ==, 4);
  g_assert_cmpstr (g_array_index (funnel->bars, TpResultsBar, 1).value_text, ==, "4 (80%)");
  g_assert_cmpstr (g_array_index (funnel->bars, TpResultsBar, 3).value_text, ==, "1 (33%)");
  words = tp_results_chart_describe (results, TP_RESULTS_CHART_FUNNEL);
  g_assert_cmpstr (words, ==, "Funnel of the people first reached in the period: Leads: 5; "
                              "Prospects: 4 (80%); Customers: 3 (75%); Repeat customers: 1 (33%)");
  g_clear_pointer (&words, g_free);

  /* Weeks 6, 4, 1 on 100 × 40 px, 2 px inside the edges */
  line = tp_results_chart_layout_new (results, TP_RESULTS_CHART_SPARKLINE, 100, 40);
  g_assert_cmpuint (line->points->len, ==, 6);
  g_assert_cmpfloat_with_epsilon (g_array_index (line->points, double, 0), 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (line->points, double, 1), 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (line->points, double, 2), 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (line->points, double, 3), 14, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (line->points, double, 4), 98, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (line->points, double, 5), 32, 1e-9);
  words = tp_results_chart_describe (results, TP_RESULTS_CHART_SPARKLINE);
  g_assert_cmpstr (words, ==, "Touches per week: 6, 4, 1");

  /* Painted: the middle of the first bar has the bar colour, past its
   * end (and before the figure) there is nothing */
  tp_chart_colors_init_light (&colors);
  colors.in_band = (TpChartColor) { 1, 0, 0, 1 };
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 112);
  cr = cairo_create (surface);
  tp_results_chart_paint (bars, cr, &colors);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel = *(guint32 *) (void *) (cairo_image_surface_get_data (surface) +
                       14 * cairo_image_surface_get_stride (surface) + 240 * 4);
  g_assert_cmphex (pixel, ==, 0xffff0000);
  pixel = *(guint32 *) (void *) (cairo_image_surface_get_data (surface) +
                       (28 + 14) * cairo_image_surface_get_stride (surface) + 260 * 4);
  g_assert_cmphex (pixel, ==, 0);
  cairo_surface_destroy (surface);
}

/* How a customer came through: the first touch, ties by the order logged */
static void
test_came_through (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(TpCameThrough) cleo = { 0 };
  g_auto(TpCameThrough) eve = { 0 };
  g_auto(TpCameThrough) dan = { 0 };

  g_assert_true (tp_results_came_through (f->db, 3, &cleo, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cleo.tactic, ==, "Market stall");
  g_assert_cmpstr (cleo.place, ==, "Farmers market");
  g_assert_cmpint (cleo.channel, ==, TP_CHANNEL_EVENT);
  g_assert_cmpstr (cleo.happened_at, ==, "2026-03-05T09:00:00Z");

  /* Its tactic was deleted: the place and channel stay */
  g_assert_true (tp_results_came_through (f->db, 5, &eve, &error));
  g_assert_null (eve.tactic);
  g_assert_cmpstr (eve.place, ==, "Vet conference");
  g_assert_cmpint (eve.channel, ==, TP_CHANNEL_MAIL);

  /* No touch */
  g_assert_true (tp_results_came_through (f->db, 4, &dan, &error));
  g_assert_cmpint (dan.touch_id, ==, 0);
  g_assert_null (dan.tactic);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TpResults **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = tp_results_compute_finish (result, &error);
  g_assert_no_error (error);
}

/* The worker's own read-only connection sees the same figures */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (NOW_TEXT, NULL);
  g_autoptr(TpResults) results = NULL;
  gint64 start, end;

  tp_results_period_range (TP_RESULTS_PERIOD_MONTH, now, &start, &end);
  tp_results_compute_async (f->path, TP_RESULTS_PERIOD_MONTH, start, end, now, NULL,
                            computed_cb, &results);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (results->new_customers, ==, 5);
  assert_figures (&tp_results_find_row (results, TP_RESULTS_TACTIC, 1)->current,
                  4, 3, 3, 2, 2, 1, 8000, 2.5);
}

/* A new owner: nothing to tell, and no finding made up */
static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = tp_database_open (":memory:", &error);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (NOW_TEXT, NULL);
  g_autoptr(TpResults) results = NULL;
  gint64 start, end;

  g_assert_no_error (error);
  tp_results_period_range (TP_RESULTS_PERIOD_QUARTER, now, &start, &end);
  results = tp_results_compute (db, TP_RESULTS_PERIOD_QUARTER, start, end, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->tactics->len, ==, 0);
  g_assert_cmpuint (results->findings->len, ==, 0);
  g_assert_cmpuint (results->funnels->len, ==, 0);
  /* 1 January to 20 March: 78.5 days, 12 weeks begun */
  g_assert_cmpuint (results->weekly_touches->len, ==, 12);
}

/* A generated business: random touches over two years, many at the same
 * second, planned ones, touches without tactic or place, tactics and
 * places of other audiences, a deleted tactic; orders, cancelled ones and
 * ones in another currency. Whatever the period, the figures are those
 * of the straightforward queries. */
static void
generate_business (TpDatabase *db,
                   guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  gint64 base = 1735689600; /* 2025-01-01 */
  gint64 span = 26 * 30 * 86400;

  g_string_append (sql,
                   "INSERT INTO audiences (id, name, position, created_at, updated_at) VALUES"
                   " (1, 'A', 0, 'c', 'u'), (2, 'B', 1, 'c', 'u'), (3, 'C', 2, 'c', 'u');"
                   "INSERT INTO audience_places (id, audience_id, kind, name, position, created_at,"
                   "    updated_at) VALUES"
                   " (1, 1, 'forum', 'P1', 0, 'c', 'u'), (2, 1, 'event', 'P2', 1, 'c', 'u'),"
                   " (3, 2, 'event', 'P3', 0, 'c', 'u'), (4, 3, 'forum', 'P4', 0, 'c', 'u');"
                   "INSERT INTO tactics (id, name, channel, audience_id, cadence_count,"
                   "    cadence_period, position, created_at, updated_at) VALUES"
                   " (1, 'T1', 'event', 1, 1, 'week', 0, '2025-01-01T00:00:00Z', 'u'),"
                   " (2, 'T2', 'email', 2, 2, 'month', 1, '2025-06-01T00:00:00Z', 'u'),"
                   " (3, 'T3', 'ad', NULL, 1, 'week', 2, '2025-01-01T00:00:00Z', 'u'),"
                   " (4, 'T4', 'mail', 3, 1, 'week', 3, '2025-01-01T00:00:00Z', 'u'),"
                   " (5, 'T5', 'call', NULL, 1, 'week', 4, '2025-01-01T00:00:00Z', 'u');");

  for (guint id = 1; id <= 300; id++)
    {
      char created[TP_SCHEMA_TIME_LENGTH + 1];
      static const char * const stages[] = { "lead", "prospect", "customer", "repeat", "lost" };
      guint audience = g_rand_int_range (rand, 0, 4);
      guint n_touches = g_rand_int_range (rand, 0, 14);
      guint n_orders = g_rand_int_range (rand, 0, 10) < 4 ? g_rand_int_range (rand, 1, 4) : 0;
      gint64 first = base + g_rand_int_range (rand, 0, (gint32)(span / 60)) * 60;

      tp_schema_format_unix_time (first - g_rand_int_range (rand, 0, 90) * 86400, created);
      g_string_append_printf (sql,
                              "INSERT INTO customers (id, name, audience_id, stage, created_at,"
                              " updated_at) VALUES (%u, 'C%u', %s%.0u, '%s', '%s', 'u');",
                              id, id, audience == 0 ? "NULL" : "", audience,
                              stages[g_rand_int_range (rand, 0, 5)], created);

      for (guint i = 0; i < n_touches; i++)
        {
          char at[TP_SCHEMA_TIME_LENGTH + 1];
          /* Whole hours, so that touches and orders fall at the same second */
          gint64 t = first + (gint64)g_rand_int_range (rand, 0, 24 * 200) * 3600;
          guint tactic = g_rand_int_range (rand, 0, 6);
          guint place = g_rand_int_range (rand, 0, 5);

          tp_schema_format_unix_time (t, at);
          g_string_append_printf (sql,
                                  "INSERT INTO touches (customer_id, happened_at, channel,"
                                  " tactic_id, place_id, done, created_at, updated_at) VALUES"
                                  " (%u, '%s', 'other', %s%.0u, %s%.0u, %d, 'c', 'u');",
                                  id, at, tactic == 0 ? "NULL" : "", tactic,
                                  place == 0 ? "NULL" : "", place,
                                  g_rand_int_range (rand, 0, 10) > 0);
          if (g_rand_int_range (rand, 0, 6) == 0)
            g_string_append_printf (sql,
                                    "INSERT INTO touches (customer_id, happened_at, channel,"
                                    " tactic_id, done, created_at, updated_at) VALUES"
                                    " (%u, '%s', 'other', %u, 1, 'c', 'u');",
                                    id, at, g_rand_int_range (rand, 1, 6));
        }

      for (guint i = 0; i < n_orders; i++)
        {
          char at[TP_SCHEMA_TIME_LENGTH + 1];
          gint64 t = first + (gint64)g_rand_int_range (rand, -24 * 10, 24 * 250) * 3600;
          guint kind = g_rand_int_range (rand, 0, 8);

          tp_schema_format_unix_time (t, at);
          g_string_append_printf (sql,
                                  "INSERT INTO orders (customer_id, ordered_at, item, amount_minor,"
                                  " currency, status, created_at, updated_at) VALUES"
                                  " (%u, '%s', 'X', %u, '%s', '%s', 'c', 'u');",
                                  id, at, g_rand_int_range (rand, 100, 9000),
                                  kind == 0 ? "USD" : "EUR", kind == 1 ? "cancelled" : "open");
        }
    }

  /* Its touches stay, without a tactic */
  g_string_append (sql, "DELETE FROM tactics WHERE id = 5; COMMIT;");
  g_assert_true (tp_database_exec (db, sql->str, &error));
  g_assert_no_error (error);
}

static void
assert_same_results (TpResults *fast,
                     TpResults *reference)
{
  g_autofree char *fast_csv = tp_results_to_csv (fast);
  g_autofree char *reference_csv = tp_results_to_csv (reference);

  g_assert_cmpstr (fast_csv, ==, reference_csv);
  g_assert_cmpstr (fast->currency, ==, reference->currency);
  g_assert_cmpuint (fast->new_customers, ==, reference->new_customers);
  g_assert_cmpuint (fast->previous_new_customers, ==, reference->previous_new_customers);
  g_assert_cmpuint (fast->without_touch, ==, reference->without_touch);
  g_assert_cmpint (fast->revenue_minor, ==, reference->revenue_minor);
  g_assert_cmpint (fast->previous_revenue_minor, ==, reference->previous_revenue_minor);
  g_assert_cmpuint (fast->touches, ==, reference->touches);
  g_assert_cmpuint (fast->previous_touches, ==, reference->previous_touches);
  g_assert_cmpuint (fast->n_active_tactics, ==, reference->n_active_tactics);

  for (int k = 0; k < 3; k++)
    {
      GArray *a = k == 0 ? fast->tactics : k == 1 ? fast->places : fast->audiences;
      GArray *b = k == 0 ? reference->tactics : k == 1 ? reference->places : reference->audiences;

      g_assert_cmpuint (a->len, ==, b->len);
      for (guint i = 0; i < a->len; i++)
        {
          const TpResultsRow *x = &g_array_index (a, TpResultsRow, i);
          const TpResultsRow *y = &g_array_index (b, TpResultsRow, i);

          g_assert_cmpint (x->id, ==, y->id);
          g_assert_cmpfloat (x->current.median_touches, ==, y->current.median_touches);
          g_assert_cmpfloat (x->previous.median_touches, ==, y->previous.median_touches);
        }
    }

  g_assert_cmpuint (fast->funnels->len, ==, reference->funnels->len);
  for (guint i = 0; i < fast->funnels->len; i++)
    {
      const TpResultsFunnel *x = &g_array_index (fast->funnels, TpResultsFunnel, i);
      const TpResultsFunnel *y = &g_array_index (reference->funnels, TpResultsFunnel, i);

      g_assert_cmpint (x->audience_id, ==, y->audience_id);
      g_assert_cmpuint (x->leads, ==, y->leads);
      g_assert_cmpuint (x->prospects, ==, y->prospects);
      g_assert_cmpuint (x->customers, ==, y->customers);
      g_assert_cmpuint (x->repeats, ==, y->repeats);
      g_assert_cmpfloat (x->median_days, ==, y->median_days);
      g_assert_cmpfloat (x->median_touches, ==, y->median_touches);
    }

  g_assert_cmpuint (fast->weekly_touches->len, ==, reference->weekly_touches->len);
  g_assert_cmpmem (fast->weekly_touches->data, fast->weekly_touches->len * sizeof (guint),
                   reference->weekly_touches->data,
                   reference->weekly_touches->len * sizeof (guint));

  g_assert_cmpuint (fast->findings->len, ==, reference->findings->len);
  for (guint i = 0; i < fast->findings->len; i++)
    g_assert_cmpstr (((TpResultsFinding *)g_ptr_array_index (fast->findings, i))->text, ==,
                     ((TpResultsFinding *)g_ptr_array_index (reference->findings, i))->text);
}

static void
test_same_as_reference (void)
{
  static const char * const nows[] = {
    "2025-01-20T12:00:00Z", "2025-07-01T00:00:00Z", "2025-11-15T08:30:00Z",
    "2026-02-28T23:59:59Z", "2026-06-10T10:00:00Z", "2027-01-03T00:00:00Z",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tp_test_engine_new_database ();
  g_autoptr(TpDatabase) db = tp_database_open (path, &error);
  guint compared = 0;

  g_assert_no_error (error);
  generate_business (db, 17);

  for (guint n = 0; n < G_N_ELEMENTS (nows); n++)
    for (int p = TP_RESULTS_PERIOD_MONTH; p <= TP_RESULTS_PERIOD_CUSTOM; p++)
      {
        g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (nows[n], NULL);
        g_autoptr(TpResults) fast = NULL;
        g_autoptr(TpResults) reference = NULL;
        gint64 start, end;

        if (p == TP_RESULTS_PERIOD_CUSTOM)
          {
            /* 45 days and 7 hours, ending now */
            end = g_date_time_to_unix (now);
            start = end - 45 * 86400 - 7 * 3600;
          }
        else
          {
            tp_results_period_range ((TpResultsPeriod) p, now, &start, &end);
          }

        fast = tp_results_compute (db, (TpResultsPeriod) p, start, end, now, &error);
        g_assert_no_error (error);
        reference = _tp_results_compute_reference (db, (TpResultsPeriod) p, start, end, now,
                                                   &error);
        g_assert_no_error (error);
        assert_same_results (fast, reference);
        if (reference->touches > 0 && reference->new_customers > 0)
          compared++;
      }

  /* The business is busy enough for the comparison to mean something */
  g_assert_cmpuint (compared, >=, 12);

  /* A time not in the form Touchpoint writes (a date alone, as an older
   * import may have left) is still counted as the queries count it */
  g_assert_true (tp_database_exec (db,
                                   "UPDATE touches SET happened_at = '2026-05-20'"
                                   " WHERE id IN (SELECT id FROM touches WHERE done = 1"
                                   " AND happened_at >= '2026-05-01' LIMIT 3)",
                                   &error));
  g_assert_no_error (error);
  for (int p = TP_RESULTS_PERIOD_MONTH; p <= TP_RESULTS_PERIOD_YEAR; p++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (nows[4], NULL);
      g_autoptr(TpResults) fast = NULL;
      g_autoptr(TpResults) reference = NULL;
      gint64 start, end;

      tp_results_period_range ((TpResultsPeriod) p, now, &start, &end);
      fast = tp_results_compute (db, (TpResultsPeriod) p, start, end, now, &error);
      g_assert_no_error (error);
      reference = _tp_results_compute_reference (db, (TpResultsPeriod) p, start, end, now, &error);
      g_assert_no_error (error);
      assert_same_results (fast, reference);
    }
}

/* What the triggers keep for Results, as text in an order that does not
 * depend on the order of writing (days that count nothing and people
 * without a done touch or a purchase left out) */
static char *
dump_maintained (TpDatabase *db)
{
  static const char * const queries[] = {
    "SELECT id, coalesce (CAST (audience_id AS TEXT), '-'), coalesce (stage, '-'), order_count,"
    " coalesce (CAST (first_touch_id AS TEXT), '-'), coalesce (first_touch_at, '-'),"
    " coalesce (CAST (first_tactic_id AS TEXT), '-'), coalesce (CAST (first_place_id AS TEXT), '-'),"
    " coalesce (first_channel, '-'), coalesce (CAST (first_order_id AS TEXT), '-'),"
    " coalesce (first_order_at, '-'), touches_before_order,"
    " coalesce (CAST (last_touch_id AS TEXT), '-'), coalesce (last_touch_at, '-'),"
    " coalesce (CAST (last_tactic_id AS TEXT), '-'), coalesce (CAST (last_place_id AS TEXT), '-')"
    " FROM results_customers WHERE first_touch_id IS NOT NULL OR first_order_id IS NOT NULL"
    " ORDER BY id",
    "SELECT day, tactic_id, place_id, audience_id, n_touches FROM results_days"
    " WHERE n_touches != 0 ORDER BY day, tactic_id, place_id, audience_id",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      TpStatement *stmt = tp_database_prepare (db, queries[q], &error);

      g_assert_no_error (error);
      while (tp_statement_step (stmt, &error))
        {
          for (int c = 0; c < (q == 0 ? 16 : 5); c++)
            {
              if (c > 0)
                g_string_append_c (out, '|');
              if (tp_statement_is_null (stmt, c))
                g_string_append (out, "NULL");
              else if (q == 1 && c == 0)
                g_string_append (out, tp_statement_get_text (stmt, c));
              else if (q == 0 && c != 0 && c != 3 && c != 11)
                g_string_append (out, tp_statement_get_text (stmt, c));
              else
                g_string_append_printf (out, "%" G_GINT64_FORMAT, tp_statement_get_int64 (stmt, c));
            }
          g_string_append_c (out, '\n');
        }
      g_assert_no_error (error);
      tp_statement_reset (stmt);
      g_string_append (out, "--\n");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What the triggers kept is what working it out anew from the touches
 * and orders gives */
static void
assert_maintained (TpDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = dump_maintained (db);
  g_autofree char *rebuilt = NULL;

  g_assert_true (tp_database_begin (db, &error));
  g_assert_no_error (error);
  g_assert_true (tp_database_exec (db, _tp_migrations_results_rebuild (), &error));
  g_assert_no_error (error);
  rebuilt = dump_maintained (db);
  tp_database_rollback (db);

  g_assert_cmpstr (kept, ==, rebuilt);
  /* Not vacuously: the business has people and days */
  g_assert_cmpuint (strlen (kept), >, 1000);
}

static void
assert_same_as_reference (TpDatabase *db)
{
  static const char * const nows[] = {
    "2025-07-01T00:00:00Z", "2026-02-28T23:59:59Z", "2026-06-10T10:00:00Z",
  };
  g_autoptr(GError) error = NULL;

  for (guint n = 0; n < G_N_ELEMENTS (nows); n++)
    for (int p = TP_RESULTS_PERIOD_MONTH; p <= TP_RESULTS_PERIOD_CUSTOM; p++)
      {
        g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (nows[n], NULL);
        g_autoptr(TpResults) fast = NULL;
        g_autoptr(TpResults) reference = NULL;
        gint64 start, end;

        if (p == TP_RESULTS_PERIOD_CUSTOM)
          {
            end = g_date_time_to_unix (now);
            start = end - 45 * 86400 - 7 * 3600;
          }
        else
          {
            tp_results_period_range ((TpResultsPeriod) p, now, &start, &end);
          }

        fast = tp_results_compute (db, (TpResultsPeriod) p, start, end, now, &error);
        g_assert_no_error (error);
        reference = _tp_results_compute_reference (db, (TpResultsPeriod) p, start, end, now,
                                                   &error);
        g_assert_no_error (error);
        assert_same_results (fast, reference);
      }
}

static void
import_touches (TpDatabase *db,
                GRand      *rand,
                guint       n)
{
  g_autoptr(GString) csv = g_string_new ("customer_id,happened_at,channel,note\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TpCsvImporter) importer = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  TpStatement *stmt;
  int fd;

  stmt = tp_database_prepare (db, "SELECT id FROM customers ORDER BY id", &error);
  g_assert_no_error (error);
  while (tp_statement_step (stmt, &error))
    {
      gint64 id = tp_statement_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  g_assert_no_error (error);
  tp_statement_reset (stmt);
  g_assert_cmpuint (ids->len, >, 0);

  for (guint i = 0; i < n; i++)
    {
      char at[TP_SCHEMA_TIME_LENGTH + 1];

      tp_schema_format_unix_time (1735689600 + (gint64)g_rand_int_range (rand, 0, 24 * 700) * 3600,
                                  at);
      g_string_append_printf (csv, "%" G_GINT64_FORMAT ",%s,call,imported\n",
                              g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len)), at);
    }

  fd = g_file_open_tmp ("test-results-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  importer = tp_csv_importer_new (file, TP_CSV_TABLE_TOUCHES);
  report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tp_csv_report_get_imported (report), ==, n);
  g_unlink (path);
}

/* Random edits of every kind the triggers must follow */
static void
edit_randomly (TpDatabase *db,
               GRand      *rand)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 40; i++)
    {
      char at[TP_SCHEMA_TIME_LENGTH + 1];
      guint customer = g_rand_int_range (rand, 1, 301);
      guint other = g_rand_int_range (rand, 1, 301);
      guint tactic = g_rand_int_range (rand, 0, 5);
      guint place = g_rand_int_range (rand, 0, 5);
      guint touch = g_rand_int_range (rand, 1, 2500);
      guint order = g_rand_int_range (rand, 1, 400);
      guint audience = g_rand_int_range (rand, 0, 4);

      tp_schema_format_unix_time (1735689600 + (gint64)g_rand_int_range (rand, 0, 24 * 700) * 3600,
                                  at);
      switch (g_rand_int_range (rand, 0, 12))
        {
        case 0:
        case 1:
          /* A new touch, maybe planned, maybe the same second as another */
          g_string_append_printf (sql,
                                  "INSERT INTO touches (customer_id, happened_at, channel, tactic_id,"
                                  " place_id, done, created_at, updated_at)"
                                  " SELECT %u, '%s', 'call', %s%.0u, %s%.0u, %d, 'c', 'u'"
                                  " WHERE EXISTS (SELECT 1 FROM customers WHERE id = %u)"
                                  " AND (%u = 0 OR EXISTS (SELECT 1 FROM tactics WHERE id = %u))"
                                  " AND (%u = 0 OR EXISTS (SELECT 1 FROM audience_places WHERE id = %u));",
                                  customer, at, tactic == 0 ? "NULL" : "", tactic,
                                  place == 0 ? "NULL" : "", place, g_rand_int_range (rand, 0, 4) > 0,
                                  customer, tactic, tactic, place, place);
          break;
        case 2:
          g_string_append_printf (sql, "DELETE FROM touches WHERE id = %u;", touch);
          break;
        case 3:
          /* The first touch of someone moves, or goes */
          g_string_append_printf (sql,
                                  "DELETE FROM touches WHERE id = (SELECT first_touch_id"
                                  " FROM results_customers WHERE id = %u);", customer);
          break;
        case 4:
          g_string_append_printf (sql, "UPDATE touches SET happened_at = '%s', done = %d WHERE id = %u;",
                                  at, g_rand_int_range (rand, 0, 2), touch);
          break;
        case 5:
          g_string_append_printf (sql,
                                  "UPDATE touches SET tactic_id = %s%.0u, place_id = %s%.0u,"
                                  " channel = 'email' WHERE id = %u"
                                  " AND (%u = 0 OR EXISTS (SELECT 1 FROM tactics WHERE id = %u))"
                                  " AND (%u = 0 OR EXISTS (SELECT 1 FROM audience_places WHERE id = %u));",
                                  tactic == 0 ? "NULL" : "", tactic, place == 0 ? "NULL" : "", place,
                                  touch, tactic, tactic, place, place);
          break;
        case 6:
          g_string_append_printf (sql,
                                  "UPDATE touches SET customer_id = %u WHERE id = %u"
                                  " AND EXISTS (SELECT 1 FROM customers WHERE id = %u);",
                                  other, touch, other);
          break;
        case 7:
          g_string_append_printf (sql,
                                  "INSERT INTO orders (customer_id, ordered_at, item, amount_minor,"
                                  " currency, status, created_at, updated_at)"
                                  " SELECT %u, '%s', 'X', %d, 'EUR', '%s', 'c', 'u'"
                                  " WHERE EXISTS (SELECT 1 FROM customers WHERE id = %u);",
                                  customer, at, g_rand_int_range (rand, 100, 9000),
                                  g_rand_int_range (rand, 0, 5) == 0 ? "cancelled" : "open", customer);
          break;
        case 8:
          g_string_append_printf (sql, "DELETE FROM orders WHERE id = %u;", order);
          break;
        case 9:
          g_string_append_printf (sql,
                                  "UPDATE orders SET ordered_at = '%s', status = '%s' WHERE id = %u;",
                                  at, g_rand_int_range (rand, 0, 3) == 0 ? "cancelled" : "open", order);
          break;
        case 10:
          g_string_append_printf (sql,
                                  "UPDATE customers SET audience_id = %s%.0u, stage = 'prospect'"
                                  " WHERE id = %u AND (%u = 0 OR EXISTS (SELECT 1 FROM audiences WHERE id = %u));",
                                  audience == 0 ? "NULL" : "", audience, customer, audience, audience);
          break;
        default:
          g_string_append_printf (sql, "DELETE FROM customers WHERE id = %u;", customer);
          break;
        }
    }

  tp_database_exec (db, sql->str, &error);
  g_assert_no_error (error);
}

static void
test_maintained (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tp_test_engine_new_database ();
  g_autoptr(TpStore) store = tp_store_open (path, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (29);
  TpDatabase *db;

  g_assert_no_error (error);
  db = tp_store_get_database (store);
  generate_business (db, 29);
  assert_maintained (db);

  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(TpUndo) kept = NULL;
      g_autoptr(TpUndo) gone = NULL;
      gint64 customer = g_rand_int_range (rand, 1, 301);

      edit_randomly (db, rand);
      assert_maintained (db);

      /* A customer deleted and brought back by undo, another deleted */
      kept = tp_store_delete_customer (store, customer, NULL);
      if (kept != NULL)
        {
          g_assert_true (tp_store_undo (store, kept, &error));
          g_assert_no_error (error);
        }
      gone = tp_store_delete_customer (store, customer + 1, NULL);
      import_touches (db, rand, 25);
      assert_maintained (db);
      assert_same_as_reference (db);
    }

  /* A tactic, a place and an audience go: their touches stay, without */
  g_assert_true (tp_database_exec (db,
                                   "DELETE FROM tactics WHERE id = 1;"
                                   "DELETE FROM audience_places WHERE id = 2;"
                                   "DELETE FROM audiences WHERE id = 3;",
                                   &error));
  g_assert_no_error (error);
  assert_maintained (db);
  assert_same_as_reference (db);

  /* A JSON backup restored (loaded with the triggers off) */
  if (!tp_test_engine_is_pg ())
    {
      g_autofree char *dir = g_dir_make_tmp ("test-results-XXXXXX", &error);
      g_autofree char *json_path = g_build_filename (dir, "backup.json", NULL);
      g_autofree char *copy_path = g_build_filename (dir, "copy.db", NULL);
      g_autofree char *saved = NULL;
      g_autoptr(GFile) json = g_file_new_for_path (json_path);
      g_autoptr(TpDatabase) copy = NULL;

      /* The generated rows say 'c' and 'u' for when they were made */
      g_assert_true (tp_database_exec (db,
                                       "UPDATE audiences SET created_at = '2025-01-01T00:00:00Z', updated_at = '2025-01-01T00:00:00Z';"
                                       "UPDATE audience_places SET created_at = '2025-01-01T00:00:00Z', updated_at = '2025-01-01T00:00:00Z';"
                                       "UPDATE tactics SET updated_at = '2025-01-01T00:00:00Z';"
                                       "UPDATE customers SET updated_at = '2025-01-01T00:00:00Z';"
                                       "UPDATE touches SET created_at = '2025-01-01T00:00:00Z', updated_at = '2025-01-01T00:00:00Z';"
                                       "UPDATE orders SET created_at = '2025-01-01T00:00:00Z', updated_at = '2025-01-01T00:00:00Z';",
                                       &error));
      g_assert_no_error (error);
      g_assert_true (tp_backup_export (db, json, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      copy = tp_database_open (copy_path, &error);
      g_assert_no_error (error);
      tp_backup_restore (copy, json, &saved, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_autofree char *restored = NULL;
      g_autofree char *original = NULL;

      assert_maintained (copy);
      restored = dump_maintained (copy);
      original = dump_maintained (db);
      g_assert_cmpstr (restored, ==, original);
      assert_same_as_reference (copy);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/touchpoint/results/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/touchpoint/results/periods", test_periods);
  g_test_add_func ("/touchpoint/results/empty", test_empty);
  g_test_add_func ("/touchpoint/results/same-as-reference", test_same_as_reference);
  g_test_add_func ("/touchpoint/results/maintained", test_maintained);
  ADD ("tactics", test_tactics);
  ADD ("places-audiences", test_places_audiences);
  ADD ("funnels", test_funnels);
  ADD ("findings", test_findings);
  ADD ("csv", test_csv);
  ADD ("charts", test_charts);
  ADD ("came-through", test_came_through);
  ADD ("async", test_async);

  return g_test_run ();
}
