/* tp-results.c
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

#define G_LOG_DOMAIN "tp-results"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tp-analytics.h"
#include "tp-analytics-private.h"
#include "tp-core-enum-types.h"
#include "tp-csv-private.h"
#include "tp-results.h"
#include "tp-results-private.h"
#include "tp-schema.h"

/*
 * What each tactic, place and audience produced in a period, and in the
 * period before: the Results section, the plan worksheet and the results
 * CSV all read this one computation. The rules (HACKING.md, "Attribution"):
 *
 * - only done touches count; planned ones (done = 0) are ignored;
 * - touches are ordered by time, then by id (the order they were logged):
 *   that order breaks ties;
 * - a customer is *reached* by the tactic and place of their first touch
 *   ever, in the period that touch lies in;
 * - a *first purchase* is a customer's first order that is not cancelled;
 *   it is counted once, for the first touch at or before it (first touch)
 *   and once for the last touch at or before it (last touch); a purchase
 *   with no touch before it is counted for nobody (without_touch);
 * - the audience of a touch is that of its place, else of its tactic,
 *   else of its customer; the funnel uses the customer's own audience;
 * - revenue is the orders (not cancelled, in the business currency) that
 *   a first-touch buyer placed in the period;
 * - a touch whose tactic was deleted has no tactic any more: it counts for
 *   "No tactic", as do touches logged without one.
 *
 * Every time is UTC. compute_fast() reads what the triggers of schema
 * step 5 keep for it; the straightforward queries of compute_range(),
 * which read none of that, are the reference it is tested against.
 */

#define SECONDS_PER_DAY  G_GINT64_CONSTANT (86400)
#define SECONDS_PER_WEEK (7 * SECONDS_PER_DAY)

typedef struct
{
  gint64          id;
  gint64          created;
  guint           cadence_count;
  TpCadencePeriod cadence_period;
} TacticPlan;

typedef struct
{
  TpResultsKind  kind;
  GArray        *rows;     /* TpResultsRow */
  GHashTable    *index;    /* id → position + 1 */
  GPtrArray     *medians;  /* GArray of double per row, of the range being computed */
} Dim;

typedef struct
{
  gint64  audience_id;
  guint   leads, prospects, customers, repeats;
  GArray *days;
  GArray *touches;
} FunnelAcc;

static void
row_clear (gpointer data)
{
  TpResultsRow *row = data;

  g_clear_pointer (&row->name, g_free);
}

static void
funnel_clear (gpointer data)
{
  TpResultsFunnel *funnel = data;

  g_clear_pointer (&funnel->name, g_free);
}

static void
finding_free (gpointer data)
{
  TpResultsFinding *finding = data;

  g_free (finding->text);
  g_free (finding);
}

static void
funnel_acc_free (gpointer data)
{
  FunnelAcc *acc = data;

  g_array_unref (acc->days);
  g_array_unref (acc->touches);
  g_free (acc);
}

/**
 * tp_results_free:
 * @results: (transfer full): figures from tp_results_compute()
 */
void
tp_results_free (TpResults *results)
{
  if (results == NULL)
    return;

  g_clear_pointer (&results->tactics, g_array_unref);
  g_clear_pointer (&results->places, g_array_unref);
  g_clear_pointer (&results->audiences, g_array_unref);
  g_clear_pointer (&results->funnels, g_array_unref);
  g_clear_pointer (&results->weekly_touches, g_array_unref);
  g_clear_pointer (&results->findings, g_ptr_array_unref);
  g_free (results);
}

/* Periods */

static gint64
utc_unix (int year,
          int month)
{
  g_autoptr(GDateTime) dt = NULL;

  while (month > 12)
    {
      month -= 12;
      year++;
    }
  while (month < 1)
    {
      month += 12;
      year--;
    }

  dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  return g_date_time_to_unix (dt);
}

static int
period_months (TpResultsPeriod period)
{
  switch (period)
    {
    case TP_RESULTS_PERIOD_MONTH: return 1;
    case TP_RESULTS_PERIOD_QUARTER: return 3;
    case TP_RESULTS_PERIOD_YEAR: return 12;
    case TP_RESULTS_PERIOD_CUSTOM:
    default:
      return 0;
    }
}

/**
 * tp_results_period_range:
 * @period: a calendar period (not %TP_RESULTS_PERIOD_CUSTOM)
 * @now: the time whose month, quarter or year it is
 * @start: (out): its first second (Unix time, UTC)
 * @end: (out): the first second after it
 */
void
tp_results_period_range (TpResultsPeriod  period,
                         GDateTime       *now,
                         gint64          *start,
                         gint64          *end)
{
  g_autoptr(GDateTime) utc = NULL;
  int year, month, day;
  int months = period_months (period);

  g_return_if_fail (now != NULL);
  g_return_if_fail (months > 0);

  utc = g_date_time_to_utc (now);
  g_date_time_get_ymd (utc, &year, &month, &day);
  if (period == TP_RESULTS_PERIOD_QUARTER)
    month = (month - 1) / 3 * 3 + 1;
  else if (period == TP_RESULTS_PERIOD_YEAR)
    month = 1;

  *start = utc_unix (year, month);
  *end = utc_unix (year, month + months);
}

/**
 * tp_results_previous_range:
 * @period: the kind of period
 * @start: its first second
 * @end: the first second after it
 * @previous_start: (out): the first second of the period before
 * @previous_end: (out): the first second after it (= @start)
 *
 * The calendar month, quarter or year before; for a custom period, as
 * many seconds just before it.
 */
void
tp_results_previous_range (TpResultsPeriod  period,
                           gint64           start,
                           gint64           end,
                           gint64          *previous_start,
                           gint64          *previous_end)
{
  int months = period_months (period);

  *previous_end = start;
  if (months == 0)
    {
      *previous_start = start - (end - start);
    }
  else
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (start);

      *previous_start = utc_unix (g_date_time_get_year (dt),
                                  g_date_time_get_month (dt) - months);
    }
}

/* Rows */

static void
dim_init (Dim           *dim,
          TpResultsKind  kind)
{
  dim->kind = kind;
  dim->rows = g_array_new (FALSE, TRUE, sizeof (TpResultsRow));
  g_array_set_clear_func (dim->rows, row_clear);
  dim->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  dim->medians = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
}

static void
dim_clear (Dim *dim)
{
  g_clear_pointer (&dim->rows, g_array_unref);
  g_clear_pointer (&dim->index, g_hash_table_unref);
  g_clear_pointer (&dim->medians, g_ptr_array_unref);
}

static void
dim_add (Dim        *dim,
         gint64      id,
         const char *name,
         gboolean    active)
{
  TpResultsRow row = { dim->kind, id, g_strdup (name), active };

  g_array_append_val (dim->rows, row);
  g_hash_table_insert (dim->index, g_memdup2 (&id, sizeof id),
                       GUINT_TO_POINTER (dim->rows->len));
}

static const char *
none_name (TpResultsKind kind)
{
  switch (kind)
    {
    case TP_RESULTS_TACTIC: return _("No tactic");
    case TP_RESULTS_PLACE: return _("No place");
    case TP_RESULTS_AUDIENCE:
    default:
      return _("No audience");
    }
}

/* The position of the row of @id; "No …" (id 0) for 0 and for an id no
 * longer there, added when first needed. */
static guint
dim_find (Dim    *dim,
          gint64  id)
{
  gpointer pos = g_hash_table_lookup (dim->index, &id);

  if (pos == NULL && id != 0)
    return dim_find (dim, 0);

  if (pos == NULL)
    {
      dim_add (dim, 0, none_name (dim->kind), FALSE);
      return dim->rows->len - 1;
    }

  return GPOINTER_TO_UINT (pos) - 1;
}

static TpResultsFigures *
dim_figures (Dim      *dim,
             gint64    id,
             gboolean  current,
             guint    *position)
{
  guint pos = dim_find (dim, id);
  TpResultsRow *row = &g_array_index (dim->rows, TpResultsRow, pos);

  if (position != NULL)
    *position = pos;

  return current ? &row->current : &row->previous;
}

static void
dim_add_median (Dim    *dim,
                guint   position,
                double  value)
{
  while (dim->medians->len <= position)
    g_ptr_array_add (dim->medians, g_array_new (FALSE, FALSE, sizeof (double)));

  g_array_append_val (g_ptr_array_index (dim->medians, position), value);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  guint n = values != NULL ? values->len : 0;

  if (n == 0)
    return 0;

  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);

  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static void
dim_finish_medians (Dim      *dim,
                    gboolean  current)
{
  for (guint i = 0; i < dim->medians->len; i++)
    {
      TpResultsRow *row = &g_array_index (dim->rows, TpResultsRow, i);
      TpResultsFigures *figures = current ? &row->current : &row->previous;

      figures->median_touches = median (g_ptr_array_index (dim->medians, i));
    }
  g_ptr_array_set_size (dim->medians, 0);
}

/* Queries */

static gboolean
step_error (TpStatement  *stmt,
            GError       *local_error,
            GError      **error)
{
  tp_statement_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static gint64
column_id (TpStatement *stmt,
           int          column)
{
  return tp_statement_is_null (stmt, column) ? 0 : tp_statement_get_int64 (stmt, column);
}

static gint64
column_time (TpStatement *stmt,
             int          column)
{
  g_autoptr(GDateTime) dt = NULL;

  if (tp_statement_is_null (stmt, column))
    return 0;

  dt = tp_schema_parse_time (tp_statement_get_text (stmt, column));
  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

static gboolean
load_rows (TpDatabase  *db,
           Dim         *tactics,
           GArray      *plans,
           Dim         *places,
           Dim         *audiences,
           GError     **error)
{
  GError *local_error = NULL;
  TpStatement *stmt;

  stmt = tp_database_prepare (db,
                              "SELECT id, name, active, created_at, cadence_count, cadence_period"
                              " FROM tactics ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  while (tp_statement_step (stmt, &local_error))
    {
      int period = TP_CADENCE_PERIOD_WEEK;
      TacticPlan plan;

      tp_enum_from_nick (TP_TYPE_CADENCE_PERIOD, tp_statement_get_text (stmt, 5), &period);
      plan.id = tp_statement_get_int64 (stmt, 0);
      plan.created = column_time (stmt, 3);
      plan.cadence_count = (guint)tp_statement_get_int64 (stmt, 4);
      plan.cadence_period = period;

      dim_add (tactics, plan.id, tp_statement_get_text (stmt, 1),
               tp_statement_get_int64 (stmt, 2) != 0);
      g_array_append_val (plans, plan);
    }
  if (!step_error (stmt, local_error, error))
    return FALSE;

  stmt = tp_database_prepare (db,
                              "SELECT p.id, p.name FROM audience_places AS p"
                              " JOIN audiences AS a ON a.id = p.audience_id"
                              " ORDER BY a.position, a.id, p.position, p.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  while (tp_statement_step (stmt, &local_error))
    dim_add (places, tp_statement_get_int64 (stmt, 0), tp_statement_get_text (stmt, 1), FALSE);
  if (!step_error (stmt, local_error, error))
    return FALSE;

  stmt = tp_database_prepare (db, "SELECT id, name FROM audiences ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  while (tp_statement_step (stmt, &local_error))
    dim_add (audiences, tp_statement_get_int64 (stmt, 0), tp_statement_get_text (stmt, 1), FALSE);

  return step_error (stmt, local_error, error);
}

/* How many of the tactic's cadence periods overlap [from, to) */
static guint
count_cadence_periods (TpCadencePeriod period,
                       gint64          from,
                       gint64          to)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) p = NULL;
  guint n = 0;

  if (to <= from)
    return 0;

  first = g_date_time_new_from_unix_utc (from);
  p = _tp_cadence_period_start (first, period);
  while (g_date_time_to_unix (p) < to)
    {
      GDateTime *next = _tp_cadence_period_add (p, period, 1);

      n++;
      g_date_time_unref (p);
      p = next;
    }

  return n;
}

typedef struct
{
  Dim        tactics;
  Dim        places;
  Dim        audiences;
  GArray    *plans;    /* TacticPlan, in the order of the tactic rows */
  GHashTable *funnel;  /* audience id → FunnelAcc */
  TpResults *results;
} Compute;

static void
add_touch_figures (Compute  *c,
                   gboolean  current,
                   gint64    tactic,
                   gint64    place,
                   gint64    audience,
                   gsize     offset,
                   gint64    amount)
{
  Dim *dims[] = { &c->tactics, &c->places, &c->audiences };
  gint64 ids[] = { tactic, place, audience };

  for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
    {
      TpResultsFigures *figures = dim_figures (dims[d], ids[d], current, NULL);

      if (offset == G_STRUCT_OFFSET (TpResultsFigures, revenue_minor))
        G_STRUCT_MEMBER (gint64, figures, offset) += amount;
      else
        G_STRUCT_MEMBER (guint, figures, offset) += (guint)amount;
    }
}

/* One person of the period's funnel cohort: first reached in it
 * (@touched, at @first_touch, their first touch ever) or created in it
 * without a touch; @touches: their done touches up to @first_order */
static void
funnel_add (Compute    *c,
            gint64      audience,
            const char *stage,
            gint64      orders,
            gboolean    touched,
            gint64      first_touch,
            gboolean    has_first_order,
            gint64      first_order,
            guint       touches)
{
  FunnelAcc *acc = g_hash_table_lookup (c->funnel, &audience);

  if (acc == NULL)
    {
      acc = g_new0 (FunnelAcc, 1);
      acc->audience_id = audience;
      acc->days = g_array_new (FALSE, FALSE, sizeof (double));
      acc->touches = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_insert (c->funnel, &acc->audience_id, acc);
    }

  acc->leads++;
  if (orders > 0 || g_strcmp0 (stage, "prospect") == 0 || g_strcmp0 (stage, "customer") == 0 ||
      g_strcmp0 (stage, "repeat") == 0)
    acc->prospects++;
  if (orders > 0 || g_strcmp0 (stage, "customer") == 0 || g_strcmp0 (stage, "repeat") == 0)
    acc->customers++;
  if (orders > 1 || g_strcmp0 (stage, "repeat") == 0)
    acc->repeats++;

  if (touched && orders > 0 && has_first_order)
    {
      double days = (double)(first_order - first_touch) / SECONDS_PER_DAY;
      double n = (double)touches;

      if (first_order >= first_touch)
        {
          g_array_append_val (acc->days, days);
          g_array_append_val (acc->touches, n);
        }
    }
}

/* Planned and done, per tactic */
static gboolean
compute_planned (Compute     *c,
               TpDatabase  *db,
               gint64       start,
               gint64       end,
               gint64       now,
               gboolean     current,
               GError     **error)
{
  char from[TP_SCHEMA_TIME_LENGTH + 1];
  char to[TP_SCHEMA_TIME_LENGTH + 1];
  GError *local_error = NULL;
  TpStatement *stmt;

  tp_schema_format_unix_time (start, from);
  tp_schema_format_unix_time (end, to);

  /* Planned and done */
  for (guint i = 0; i < c->plans->len; i++)
    {
      const TacticPlan *plan = &g_array_index (c->plans, TacticPlan, i);
      guint pos = dim_find (&c->tactics, plan->id);
      TpResultsRow *row = &g_array_index (c->tactics.rows, TpResultsRow, pos);
      TpResultsFigures *figures = current ? &row->current : &row->previous;

      if (row->active)
        figures->planned = plan->cadence_count *
                           count_cadence_periods (plan->cadence_period, MAX (start, plan->created),
                                                  MIN (end, now));
    }

  stmt = tp_database_prepare (db,
                              "SELECT tactic_id, count(*) FROM tactic_log"
                              " WHERE done_at >= ?1 AND done_at < ?2 GROUP BY tactic_id",
                              error);
  if (stmt == NULL)
    return FALSE;
  tp_statement_bind_text (stmt, 1, from);
  tp_statement_bind_text (stmt, 2, to);
  while (tp_statement_step (stmt, &local_error))
    dim_figures (&c->tactics, tp_statement_get_int64 (stmt, 0), current, NULL)->done +=
      (guint)tp_statement_get_int64 (stmt, 1);
  if (!step_error (stmt, local_error, error))
    return FALSE;

  return TRUE;
}

/* The straightforward queries, one range at a time: the reference the
 * tests hold compute_fast() to */
static gboolean
compute_range (Compute     *c,
               TpDatabase  *db,
               gint64       start,
               gint64       end,
               gint64       now,
               gboolean     current,
               GError     **error)
{
  char from[TP_SCHEMA_TIME_LENGTH + 1];
  char to[TP_SCHEMA_TIME_LENGTH + 1];
  GError *local_error = NULL;
  TpStatement *stmt;
  TpResults *results = c->results;

  if (!compute_planned (c, db, start, end, now, current, error))
    return FALSE;

  tp_schema_format_unix_time (start, from);
  tp_schema_format_unix_time (end, to);

  /* Touches, and touches per week, from the index of done touches by
   * time; the audience of its place or tactic where it has one */
  stmt = tp_database_prepare (db,
                              "SELECT t.tactic_id, t.place_id, coalesce (p.audience_id, ta.audience_id),"
                              " (unixepoch (t.happened_at) - unixepoch (?1)) / 604800,"
                              " count(*)"
                              " FROM touches AS t"
                              " LEFT JOIN audience_places AS p ON p.id = t.place_id"
                              " LEFT JOIN tactics AS ta ON ta.id = t.tactic_id"
                              " WHERE t.happened_at >= ?1 AND t.happened_at < ?2 AND t.done = 1"
                              " GROUP BY 1, 2, 3, 4",
                              error);
  if (stmt == NULL)
    return FALSE;
  tp_statement_bind_text (stmt, 1, from);
  tp_statement_bind_text (stmt, 2, to);
  while (tp_statement_step (stmt, &local_error))
    {
      gint64 n = tp_statement_get_int64 (stmt, 4);
      gint64 week = tp_statement_get_int64 (stmt, 3);

      dim_figures (&c->tactics, column_id (stmt, 0), current, NULL)->touches += (guint)n;
      dim_figures (&c->places, column_id (stmt, 1), current, NULL)->touches += (guint)n;
      if (!tp_statement_is_null (stmt, 2))
        dim_figures (&c->audiences, tp_statement_get_int64 (stmt, 2), current, NULL)->touches +=
          (guint)n;
      if (current)
        {
          results->touches += (guint)n;
          if (week >= 0 && week < results->weekly_touches->len)
            g_array_index (results->weekly_touches, guint, week) += (guint)n;
        }
      else
        {
          results->previous_touches += (guint)n;
        }
    }
  if (!step_error (stmt, local_error, error))
    return FALSE;

  /* The other touches count for their customer's audience: counted per
   * customer first, so that each customer is looked up once */
  stmt = tp_database_prepare (db,
                              "SELECT c.audience_id, sum (u.n) FROM"
                              " (SELECT t.customer_id, count(*) AS n FROM touches AS t"
                              "  LEFT JOIN audience_places AS p ON p.id = t.place_id"
                              "  LEFT JOIN tactics AS ta ON ta.id = t.tactic_id"
                              "  WHERE t.happened_at >= ?1 AND t.happened_at < ?2 AND t.done = 1"
                              "  AND coalesce (p.audience_id, ta.audience_id) IS NULL"
                              "  GROUP BY t.customer_id) AS u"
                              " JOIN customers AS c ON c.id = u.customer_id"
                              " GROUP BY 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  tp_statement_bind_text (stmt, 1, from);
  tp_statement_bind_text (stmt, 2, to);
  while (tp_statement_step (stmt, &local_error))
    dim_figures (&c->audiences, column_id (stmt, 0), current, NULL)->touches +=
      (guint)tp_statement_get_int64 (stmt, 1);
  if (!step_error (stmt, local_error, error))
    return FALSE;

  /* Reached: the first touch ever lies in the period. The funnel's cohort
   * is those people, and the untouched customers created in it. */
  stmt = tp_database_prepare (db,
                              "SELECT f.tactic_id, f.place_id,"
                              " coalesce (p.audience_id, ta.audience_id, c.audience_id),"
                              " c.audience_id, c.stage, c.order_count, c.first_order_at, f.happened_at,"
                              " (SELECT count(*) FROM touches AS n WHERE n.customer_id = c.id"
                              "  AND n.done = 1 AND n.happened_at <= c.first_order_at)"
                              " FROM (SELECT DISTINCT customer_id AS id FROM touches"
                              "  WHERE happened_at >= ?1 AND happened_at < ?2 AND done = 1) AS cs"
                              " JOIN customers AS c ON c.id = cs.id"
                              " JOIN touches AS f ON f.id = (SELECT x.id FROM touches AS x"
                              "  WHERE x.customer_id = cs.id AND x.done = 1"
                              "  ORDER BY x.happened_at, x.id LIMIT 1)"
                              " LEFT JOIN audience_places AS p ON p.id = f.place_id"
                              " LEFT JOIN tactics AS ta ON ta.id = f.tactic_id"
                              " WHERE f.happened_at >= ?1"
                              " UNION ALL"
                              " SELECT NULL, NULL, NULL, c.audience_id, c.stage, c.order_count,"
                              " c.first_order_at, NULL, 0 FROM customers AS c"
                              " WHERE c.touch_count = 0 AND c.created_at >= ?1 AND c.created_at < ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  tp_statement_bind_text (stmt, 1, from);
  tp_statement_bind_text (stmt, 2, to);
  while (tp_statement_step (stmt, &local_error))
    {
      gboolean touched = !tp_statement_is_null (stmt, 7);
      gint64 audience = column_id (stmt, 3);
      const char *stage = tp_statement_get_text (stmt, 4);
      gint64 orders = tp_statement_get_int64 (stmt, 5);

      if (touched)
        add_touch_figures (c, current, column_id (stmt, 0), column_id (stmt, 1),
                           column_id (stmt, 2), G_STRUCT_OFFSET (TpResultsFigures, reached), 1);

      if (current)
        funnel_add (c, audience, stage, orders, touched, column_time (stmt, 7),
                    !tp_statement_is_null (stmt, 6), column_time (stmt, 6),
                    (guint)tp_statement_get_int64 (stmt, 8));
    }
  if (!step_error (stmt, local_error, error))
    return FALSE;

  /* First purchases: first and last touch at or before them */
  stmt = tp_database_prepare (db,
                              "SELECT ft.id, ft.tactic_id, ft.place_id,"
                              " coalesce (fp.audience_id, fta.audience_id, c.audience_id),"
                              " lt.tactic_id, lt.place_id,"
                              " coalesce (lp.audience_id, lta.audience_id, c.audience_id),"
                              " (SELECT count(*) FROM touches AS n WHERE n.customer_id = c.id"
                              "  AND n.done = 1 AND n.happened_at <= c.first_order_at),"
                              " (SELECT coalesce (sum (o.amount_minor), 0) FROM orders AS o"
                              "  WHERE o.customer_id = c.id AND o.status != 'cancelled'"
                              "  AND o.currency = ?3 AND o.ordered_at >= ?1 AND o.ordered_at < ?2)"
                              " FROM customers AS c"
                              " LEFT JOIN touches AS ft ON ft.id = (SELECT x.id FROM touches AS x"
                              "  WHERE x.customer_id = c.id AND x.done = 1"
                              "  AND x.happened_at <= c.first_order_at"
                              "  ORDER BY x.happened_at, x.id LIMIT 1)"
                              " LEFT JOIN audience_places AS fp ON fp.id = ft.place_id"
                              " LEFT JOIN tactics AS fta ON fta.id = ft.tactic_id"
                              " LEFT JOIN touches AS lt ON lt.id = (SELECT x.id FROM touches AS x"
                              "  WHERE x.customer_id = c.id AND x.done = 1"
                              "  AND x.happened_at <= c.first_order_at"
                              "  ORDER BY x.happened_at DESC, x.id DESC LIMIT 1)"
                              " LEFT JOIN audience_places AS lp ON lp.id = lt.place_id"
                              " LEFT JOIN tactics AS lta ON lta.id = lt.tactic_id"
                              " WHERE c.first_order_at >= ?1 AND c.first_order_at < ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  tp_statement_bind_text (stmt, 1, from);
  tp_statement_bind_text (stmt, 2, to);
  tp_statement_bind_text (stmt, 3, results->currency);
  while (tp_statement_step (stmt, &local_error))
    {
      gint64 revenue = tp_statement_get_int64 (stmt, 8);
      double touches = (double)tp_statement_get_int64 (stmt, 7);
      Dim *dims[] = { &c->tactics, &c->places, &c->audiences };

      if (current)
        {
          results->new_customers++;
          results->revenue_minor += revenue;
        }
      else
        {
          results->previous_new_customers++;
          results->previous_revenue_minor += revenue;
        }

      if (tp_statement_is_null (stmt, 0))
        {
          if (current)
            results->without_touch++;
          continue;
        }

      for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
        {
          guint pos;
          TpResultsFigures *first = dim_figures (dims[d], column_id (stmt, 1 + (int)d), current, &pos);
          TpResultsFigures *last;

          first->first_touch++;
          first->revenue_minor += revenue;
          dim_add_median (dims[d], pos, touches);

          last = dim_figures (dims[d], column_id (stmt, 4 + (int)d), current, NULL);
          last->last_touch++;
        }
    }
  if (!step_error (stmt, local_error, error))
    return FALSE;

  dim_finish_medians (&c->tactics, current);
  dim_finish_medians (&c->places, current);
  dim_finish_medians (&c->audiences, current);

  return TRUE;
}

/* The fast path. The straightforward queries above read, for each
 * customer touched in a period, all of their touches through the table to
 * find their first one, and group a period's touches with a sorter. Here
 * they read what the triggers of schema step 5 keep (HACKING.md,
 * "Attribution"): the done touches counted per day, tactic, place and
 * customer's audience (results_days), and each customer's first touch,
 * first purchase, the touches at or before it and the last of them
 * (results_customers), by the indexes of first touch and first purchase.
 * So a period costs in proportion to its days and to the people first
 * reached or first buying in it, not to the business. A range that does
 * not start and end at midnight (a custom period given to the second)
 * counts its touches from the index of done touches by time instead, as
 * days would straddle its weeks. The figures are those of
 * compute_range(), which the tests keep as the reference; a stored time
 * not in the form Touchpoint writes sends the computation to it, before
 * any figure is counted. */

enum { PREVIOUS, CURRENT };

/* Done touches of one day (or one touch), tactic, place and audience */
typedef struct
{
  gint64 time;
  gint64 tactic;
  gint64 place;
  gint64 audience;   /* the customer's, 0 for none */
  gint64 n;
} TouchCount;

/* Someone first reached in a range */
typedef struct
{
  gint64      first_touch;
  gint64      tactic;
  gint64      place;
  gint64      audience;      /* the customer's */
  const char *stage;
  gint64      order_count;
  gboolean    has_first_order;
  gint64      first_order;
  guint       touches;       /* done touches at or before the first purchase */
} Reached;

/* A first purchase in a range */
typedef struct
{
  gint64 audience;           /* the customer's */
  guint  touches;            /* done touches at or before it; 0: without a touch */
  gint64 first_tactic;
  gint64 first_place;
  gint64 last_tactic;
  gint64 last_place;
  gint64 revenue;
} Purchase;

typedef struct
{
  GHashTable *place_audience;   /* place id → audience id */
  GHashTable *tactic_audience;  /* tactic id → audience id */
  GArray     *touches[2];       /* TouchCount */
  GArray     *reached[2];       /* Reached */
  GArray     *purchases[2];     /* Purchase */
  GArray     *untouched;        /* Reached (no touch): created in the period */
} Fast;

/* The stages the funnel tells apart, without a copy per customer */
static const char *
funnel_stage (const char *stage)
{
  static const char * const stages[] = { "prospect", "customer", "repeat" };

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    if (g_strcmp0 (stage, stages[i]) == 0)
      return stages[i];

  return "lead";
}

static int
digits (const char *text,
        int         n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }

  return value;
}

/* The last day stored_time() worked out: touches come by time */
typedef struct
{
  char   text[11];
  gint64 days;
} DayCache;

/* The Unix time of a stored time in the form Touchpoint writes
 * (2026-03-20T12:00:00Z), in which text order is time order; FALSE for
 * any other text */
static gboolean
stored_time (const char *text,
             DayCache   *cache,
             gint64     *unix_time)
{
  static const int days_before[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
  int hour, minute, second;

  if (text == NULL || strlen (text) != TP_SCHEMA_TIME_LENGTH || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return FALSE;

  if (memcmp (text, cache->text, 10) != 0)
    {
      int year = digits (text, 4);
      int month = digits (text + 5, 2);
      int day = digits (text + 8, 2);
      gint64 y = year - 1;

      if (text[4] != '-' || text[7] != '-' || year < 1 || month < 1 || month > 12 || day < 1 ||
          day > g_date_get_days_in_month ((GDateMonth)month, (GDateYear)year))
        return FALSE;

      /* Days since 1970-01-01 */
      cache->days = y * 365 + y / 4 - y / 100 + y / 400 + days_before[month - 1] + day - 1 - 719162;
      if (month > 2 && g_date_is_leap_year ((GDateYear)year))
        cache->days++;
      memcpy (cache->text, text, 10);
    }

  hour = digits (text + 11, 2);
  minute = digits (text + 14, 2);
  second = digits (text + 17, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return FALSE;

  *unix_time = cache->days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
  return TRUE;
}


static gint64
map_lookup (GHashTable *map,
            gint64      id)
{
  gpointer value = g_hash_table_lookup (map, &id);

  return value != NULL ? *(gint64 *)value : 0;
}

/* The audience a touch counts for: of its place, else of its tactic, else
 * @customer_audience */
static gint64
touch_audience (Fast   *f,
                gint64  tactic,
                gint64  place,
                gint64  customer_audience)
{
  gint64 audience = place != 0 ? map_lookup (f->place_audience, place) : 0;

  if (audience == 0 && tactic != 0)
    audience = map_lookup (f->tactic_audience, tactic);

  return audience != 0 ? audience : customer_audience;
}

/* A day of results_days ("2026-03-20") as the Unix time of its midnight */
static gboolean
day_time (const char *day,
          DayCache   *cache,
          gint64     *unix_time)
{
  char text[TP_SCHEMA_TIME_LENGTH + 1];

  if (day == NULL || strlen (day) != 10)
    return FALSE;

  memcpy (text, day, 10);
  memcpy (text + 10, "T00:00:00Z", 11);
  return stored_time (text, cache, unix_time);
}

static gboolean
fast_load_audiences (Fast        *f,
                     TpDatabase  *db,
                     GError     **error)
{
  GError *local_error = NULL;
  GHashTable *maps[] = { f->place_audience, f->tactic_audience };
  const char *map_sql[] = {
    "SELECT id, audience_id FROM audience_places WHERE audience_id IS NOT NULL",
    "SELECT id, audience_id FROM tactics WHERE audience_id IS NOT NULL",
  };

  for (guint m = 0; m < G_N_ELEMENTS (maps); m++)
    {
      TpStatement *stmt = tp_database_prepare (db, map_sql[m], error);

      if (stmt == NULL)
        return FALSE;
      while (tp_statement_step (stmt, &local_error))
        {
          gint64 *pair = g_new (gint64, 2);

          pair[0] = tp_statement_get_int64 (stmt, 0);
          pair[1] = tp_statement_get_int64 (stmt, 1);
          g_hash_table_insert (maps[m], &pair[0], &pair[1]);
        }
      if (!step_error (stmt, local_error, error))
        return FALSE;
    }

  return TRUE;
}

/* Whether a done touch has a time not in the form Touchpoint writes: the
 * triggers count it on the day '' */
static gboolean
fast_has_odd_touch (TpDatabase  *db,
                    gboolean    *odd,
                    GError     **error)
{
  GError *local_error = NULL;
  TpStatement *stmt;

  stmt = tp_database_prepare (db,
                              "SELECT 1 FROM results_days WHERE day = '' AND n_touches != 0 LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  *odd = tp_statement_step (stmt, &local_error);

  return step_error (stmt, local_error, error);
}

/* The done touches of [@start, @end): from the days when the range runs
 * from midnight to midnight, else touch by touch */
static gboolean
fast_read_touches (Fast        *f,
                   TpDatabase  *db,
                   int          range,
                   gint64       start,
                   gint64       end,
                   gboolean    *odd,
                   GError     **error)
{
  char from[TP_SCHEMA_TIME_LENGTH + 1];
  char to[TP_SCHEMA_TIME_LENGTH + 1];
  gboolean days = start % SECONDS_PER_DAY == 0 && end % SECONDS_PER_DAY == 0;
  GError *local_error = NULL;
  DayCache cache = { "", 0 };
  TpStatement *stmt;

  tp_schema_format_unix_time (start, from);
  tp_schema_format_unix_time (end, to);

  if (days)
    {
      from[10] = to[10] = '\0';
      stmt = tp_database_prepare (db,
                                  "SELECT day, tactic_id, place_id, audience_id, n_touches"
                                  " FROM results_days WHERE day >= ?1 AND day < ?2"
                                  " AND n_touches != 0",
                                  error);
    }
  else
    {
      stmt = tp_database_prepare (db,
                                  "SELECT t.happened_at, t.tactic_id, t.place_id, c.audience_id, 1"
                                  " FROM touches AS t JOIN customers AS c ON c.id = t.customer_id"
                                  " WHERE t.happened_at >= ?1 AND t.happened_at < ?2 AND t.done = 1",
                                  error);
    }
  if (stmt == NULL)
    return FALSE;
  tp_statement_bind_text (stmt, 1, from);
  tp_statement_bind_text (stmt, 2, to);
  while (tp_statement_step (stmt, &local_error))
    {
      TouchCount count;
      const char *text = tp_statement_get_text (stmt, 0);

      if (!(days ? day_time (text, &cache, &count.time) : stored_time (text, &cache, &count.time)))
        {
          *odd = TRUE;
          break;
        }
      count.tactic = column_id (stmt, 1);
      count.place = column_id (stmt, 2);
      count.audience = column_id (stmt, 3);
      count.n = tp_statement_get_int64 (stmt, 4);
      g_array_append_val (f->touches[range], count);
    }

  return step_error (stmt, local_error, error);
}

/* The people first reached in [@from, @to), and in the period the people
 * added without a touch */
static gboolean
fast_read_reached (Fast        *f,
                   TpDatabase  *db,
                   int          range,
                   const char  *from,
                   const char  *to,
                   gboolean    *odd,
                   GError     **error)
{
  GError *local_error = NULL;
  DayCache cache = { "", 0 };
  TpStatement *stmt;

  stmt = tp_database_prepare (db,
                              "SELECT first_touch_at, first_tactic_id, first_place_id,"
                              " audience_id, stage, order_count, first_order_at,"
                              " touches_before_order FROM results_customers"
                              " WHERE first_touch_at >= ?1 AND first_touch_at < ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  tp_statement_bind_text (stmt, 1, from);
  tp_statement_bind_text (stmt, 2, to);
  while (tp_statement_step (stmt, &local_error))
    {
      Reached reached = { 0 };

      reached.has_first_order = !tp_statement_is_null (stmt, 6);
      if (!stored_time (tp_statement_get_text (stmt, 0), &cache, &reached.first_touch) ||
          (reached.has_first_order &&
           !stored_time (tp_statement_get_text (stmt, 6), &cache, &reached.first_order)))
        {
          *odd = TRUE;
          break;
        }
      reached.tactic = column_id (stmt, 1);
      reached.place = column_id (stmt, 2);
      reached.audience = column_id (stmt, 3);
      reached.stage = funnel_stage (tp_statement_get_text (stmt, 4));
      reached.order_count = tp_statement_get_int64 (stmt, 5);
      reached.touches = (guint)tp_statement_get_int64 (stmt, 7);
      g_array_append_val (f->reached[range], reached);
    }
  if (!step_error (stmt, local_error, error))
    return FALSE;
  if (*odd || range != CURRENT)
    return TRUE;

  /* Named: without statistics SQLite would take the index by touch count
   * and read each untouched customer's row */
  stmt = tp_database_prepare (db,
                              "SELECT audience_id, stage, order_count"
                              " FROM customers INDEXED BY customers_untouched_by_created"
                              " WHERE touch_count = 0 AND created_at >= ?1 AND created_at < ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  tp_statement_bind_text (stmt, 1, from);
  tp_statement_bind_text (stmt, 2, to);
  while (tp_statement_step (stmt, &local_error))
    {
      Reached untouched = { 0 };

      untouched.audience = column_id (stmt, 0);
      untouched.stage = funnel_stage (tp_statement_get_text (stmt, 1));
      untouched.order_count = tp_statement_get_int64 (stmt, 2);
      g_array_append_val (f->untouched, untouched);
    }

  return step_error (stmt, local_error, error);
}

/* The first purchases in [@from, @to), with the first and the last touch
 * at or before each, and the buyer's orders in the range */
static gboolean
fast_read_purchases (Fast        *f,
                     TpDatabase  *db,
                     int          range,
                     const char  *from,
                     const char  *to,
                     const char  *currency,
                     GError     **error)
{
  g_autoptr(GHashTable) revenue = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GError *local_error = NULL;
  TpStatement *stmt;

  /* The range's orders, added up by customer, from the covering index
   * orders_results */
  stmt = tp_database_prepare (db,
                              "SELECT customer_id, amount_minor FROM orders"
                              " WHERE ordered_at >= ?1 AND ordered_at < ?2"
                              " AND status != 'cancelled' AND currency = ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  tp_statement_bind_text (stmt, 1, from);
  tp_statement_bind_text (stmt, 2, to);
  tp_statement_bind_text (stmt, 3, currency);
  while (tp_statement_step (stmt, &local_error))
    {
      gint64 customer = tp_statement_get_int64 (stmt, 0);
      gint64 *sum = g_hash_table_lookup (revenue, &customer);

      if (sum == NULL)
        {
          gint64 *pair = g_new0 (gint64, 2);

          pair[0] = customer;
          sum = &pair[1];
          g_hash_table_insert (revenue, &pair[0], sum);
        }
      *sum += tp_statement_get_int64 (stmt, 1);
    }
  if (!step_error (stmt, local_error, error))
    return FALSE;

  stmt = tp_database_prepare (db,
                              "SELECT audience_id, touches_before_order, first_tactic_id,"
                              " first_place_id, last_tactic_id, last_place_id, id"
                              " FROM results_customers"
                              " WHERE first_order_at >= ?1 AND first_order_at < ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  tp_statement_bind_text (stmt, 1, from);
  tp_statement_bind_text (stmt, 2, to);
  while (tp_statement_step (stmt, &local_error))
    {
      Purchase purchase;

      purchase.audience = column_id (stmt, 0);
      purchase.touches = (guint)tp_statement_get_int64 (stmt, 1);
      purchase.first_tactic = column_id (stmt, 2);
      purchase.first_place = column_id (stmt, 3);
      purchase.last_tactic = column_id (stmt, 4);
      purchase.last_place = column_id (stmt, 5);
      purchase.revenue = map_lookup (revenue, tp_statement_get_int64 (stmt, 6));
      g_array_append_val (f->purchases[range], purchase);
    }

  return step_error (stmt, local_error, error);
}

/* Counts what was read into the figures of @range */
static void
fast_count (Compute *c,
            Fast    *f,
            int      range)
{
  TpResults *results = c->results;
  gboolean current = range == CURRENT;
  GArray *weekly = results->weekly_touches;
  Dim *dims[] = { &c->tactics, &c->places, &c->audiences };

  for (guint i = 0; i < f->touches[range]->len; i++)
    {
      const TouchCount *count = &g_array_index (f->touches[range], TouchCount, i);
      guint n = (guint)count->n;

      dim_figures (&c->tactics, count->tactic, current, NULL)->touches += n;
      dim_figures (&c->places, count->place, current, NULL)->touches += n;
      dim_figures (&c->audiences, touch_audience (f, count->tactic, count->place, count->audience),
                   current, NULL)->touches += n;
      if (current)
        {
          gint64 week = (count->time - results->start) / SECONDS_PER_WEEK;

          results->touches += n;
          if (week >= 0 && week < weekly->len)
            g_array_index (weekly, guint, week) += n;
        }
      else
        {
          results->previous_touches += n;
        }
    }

  for (guint i = 0; i < f->reached[range]->len; i++)
    {
      const Reached *reached = &g_array_index (f->reached[range], Reached, i);

      add_touch_figures (c, current, reached->tactic, reached->place,
                         touch_audience (f, reached->tactic, reached->place, reached->audience),
                         G_STRUCT_OFFSET (TpResultsFigures, reached), 1);
      if (current)
        funnel_add (c, reached->audience, reached->stage, reached->order_count, TRUE,
                    reached->first_touch, reached->has_first_order, reached->first_order,
                    reached->touches);
    }

  if (current)
    for (guint i = 0; i < f->untouched->len; i++)
      {
        const Reached *untouched = &g_array_index (f->untouched, Reached, i);

        funnel_add (c, untouched->audience, untouched->stage, untouched->order_count, FALSE, 0,
                    FALSE, 0, 0);
      }

  for (guint i = 0; i < f->purchases[range]->len; i++)
    {
      const Purchase *purchase = &g_array_index (f->purchases[range], Purchase, i);
      gint64 first_ids[3], last_ids[3];

      if (current)
        {
          results->new_customers++;
          results->revenue_minor += purchase->revenue;
        }
      else
        {
          results->previous_new_customers++;
          results->previous_revenue_minor += purchase->revenue;
        }

      if (purchase->touches == 0)
        {
          if (current)
            results->without_touch++;
          continue;
        }

      first_ids[0] = purchase->first_tactic;
      first_ids[1] = purchase->first_place;
      first_ids[2] = touch_audience (f, purchase->first_tactic, purchase->first_place,
                                     purchase->audience);
      last_ids[0] = purchase->last_tactic;
      last_ids[1] = purchase->last_place;
      last_ids[2] = touch_audience (f, purchase->last_tactic, purchase->last_place,
                                    purchase->audience);
      for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
        {
          guint pos;
          TpResultsFigures *figures = dim_figures (dims[d], first_ids[d], current, &pos);

          figures->first_touch++;
          figures->revenue_minor += purchase->revenue;
          dim_add_median (dims[d], pos, (double)purchase->touches);
          dim_figures (dims[d], last_ids[d], current, NULL)->last_touch++;
        }
    }

  dim_finish_medians (&c->tactics, current);
  dim_finish_medians (&c->places, current);
  dim_finish_medians (&c->audiences, current);
}

/* Touches, reached people, funnels and first purchases of the period and
 * of the one before; FALSE with *@odd set when a stored time is not in
 * the form Touchpoint writes, before any figure is counted */
static gboolean
compute_fast (Compute     *c,
              TpDatabase  *db,
              gboolean    *odd,
              GError     **error)
{
  TpResults *results = c->results;
  gint64 starts[2] = { results->previous_start, results->start };
  gint64 ends[2] = { results->previous_end, results->end };
  Fast f = { 0 };
  gboolean ok;

  *odd = FALSE;
  f.place_audience = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  f.tactic_audience = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (int r = PREVIOUS; r <= CURRENT; r++)
    {
      f.touches[r] = g_array_new (FALSE, FALSE, sizeof (TouchCount));
      f.reached[r] = g_array_new (FALSE, FALSE, sizeof (Reached));
      f.purchases[r] = g_array_new (FALSE, FALSE, sizeof (Purchase));
    }
  f.untouched = g_array_new (FALSE, FALSE, sizeof (Reached));

  ok = fast_load_audiences (&f, db, error) && fast_has_odd_touch (db, odd, error);
  for (int r = PREVIOUS; ok && !*odd && r <= CURRENT; r++)
    {
      char from[TP_SCHEMA_TIME_LENGTH + 1];
      char to[TP_SCHEMA_TIME_LENGTH + 1];

      tp_schema_format_unix_time (starts[r], from);
      tp_schema_format_unix_time (ends[r], to);
      ok = fast_read_touches (&f, db, r, starts[r], ends[r], odd, error) && !*odd &&
           fast_read_reached (&f, db, r, from, to, odd, error) && !*odd &&
           fast_read_purchases (&f, db, r, from, to, results->currency, error);
    }
  ok = ok && !*odd;

  /* Everything was read: only now is anything counted */
  if (ok)
    {
      fast_count (c, &f, CURRENT);
      fast_count (c, &f, PREVIOUS);
    }

  g_hash_table_unref (f.place_audience);
  g_hash_table_unref (f.tactic_audience);
  for (int r = PREVIOUS; r <= CURRENT; r++)
    {
      g_array_unref (f.touches[r]);
      g_array_unref (f.reached[r]);
      g_array_unref (f.purchases[r]);
    }
  g_array_unref (f.untouched);

  return ok;
}

/* Findings */

static void
add_finding (TpResults     *results,
             TpResultsKind  kind,
             gint64         id,
             char          *text)
{
  TpResultsFinding *finding = g_new0 (TpResultsFinding, 1);

  finding->text = text;
  finding->kind = kind;
  finding->id = id;
  g_ptr_array_add (results->findings, finding);
}

static guint
results_score (const TpResultsRow *row)
{
  return row->current.first_touch + row->current.last_touch;
}

static int
compare_most_first_touch (gconstpointer a,
                          gconstpointer b)
{
  const TpResultsRow *x = *(TpResultsRow * const *)a;
  const TpResultsRow *y = *(TpResultsRow * const *)b;

  if (x->current.first_touch != y->current.first_touch)
    return x->current.first_touch > y->current.first_touch ? -1 : 1;

  return 0;
}

static int
compare_least_results (gconstpointer a,
                       gconstpointer b)
{
  const TpResultsRow *x = *(TpResultsRow * const *)a;
  const TpResultsRow *y = *(TpResultsRow * const *)b;

  if (results_score (x) != results_score (y))
    return results_score (x) < results_score (y) ? -1 : 1;
  if (x->current.touches != y->current.touches)
    return x->current.touches < y->current.touches ? -1 : 1;

  return 0;
}

static char *
first_touch_text (const TpResultsRow *row,
                  guint               new_customers)
{
  if (row->kind == TP_RESULTS_TACTIC && row->current.planned > 0)
    /* Translators: a finding of the Results section. The first %s is a
     * tactic; then how often it was done, how often it was planned, for
     * how many of the period's new customers it was the first touch, and
     * how many new customers there were. */
    return g_strdup_printf (ngettext ("%s: done %u of %u times, first touch for %u of the %u new customer",
                                      "%s: done %u of %u times, first touch for %u of the %u new customers",
                                      new_customers),
                            row->name, row->current.done, row->current.planned,
                            row->current.first_touch, new_customers);

  /* Translators: a finding of the Results section. %s is a tactic or a
   * place; then for how many of the period's new customers it was the
   * first touch, and how many new customers there were. */
  return g_strdup_printf (ngettext ("%s: first touch for %u of the %u new customer",
                                    "%s: first touch for %u of the %u new customers",
                                    new_customers),
                          row->name, row->current.first_touch, new_customers);
}

static void
build_findings (TpResults *results,
                gint64     now)
{
  g_autoptr(GPtrArray) winners = g_ptr_array_new ();
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  gint64 until = MIN (results->end, MAX (now, results->start));
  guint days = (guint)((until - results->start + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY);

  if (results->touches == 0 && results->new_customers == 0)
    return;

  add_finding (results, TP_RESULTS_TACTIC, 0,
               /* Translators: a finding of the Results section: new customers
                * (first purchases) in the chosen period and in the one before */
               g_strdup_printf (ngettext ("%u new customer in this period, %u in the one before",
                                          "%u new customers in this period, %u in the one before",
                                          results->new_customers),
                                results->new_customers, results->previous_new_customers));

  for (guint i = 0; i < results->tactics->len; i++)
    {
      TpResultsRow *row = &g_array_index (results->tactics, TpResultsRow, i);

      if (row->id != 0 && row->current.first_touch > 0)
        g_ptr_array_add (winners, row);
      if (row->id != 0 && row->active)
        g_ptr_array_add (active, row);
    }

  g_ptr_array_sort (winners, compare_most_first_touch);
  for (guint i = 0; i < MIN (winners->len, 3); i++)
    {
      const TpResultsRow *row = g_ptr_array_index (winners, i);

      add_finding (results, TP_RESULTS_TACTIC, row->id,
                   first_touch_text (row, results->new_customers));
    }

  for (guint i = 0; i < results->places->len; i++)
    {
      TpResultsRow *row = &g_array_index (results->places, TpResultsRow, i);

      if (row->id != 0 && row->current.first_touch > 0)
        g_ptr_array_add (places, row);
    }
  g_ptr_array_sort (places, compare_most_first_touch);
  if (places->len > 0)
    {
      const TpResultsRow *row = g_ptr_array_index (places, 0);

      add_finding (results, TP_RESULTS_PLACE, row->id,
                   first_touch_text (row, results->new_customers));
    }

  for (guint i = 0; i < active->len; i++)
    {
      const TpResultsRow *row = g_ptr_array_index (active, i);

      if (row->current.done + row->current.touches > 0 && results_score (row) == 0)
        add_finding (results, TP_RESULTS_TACTIC, row->id,
                     /* Translators: a finding of the Results section. %s is a
                      * tactic; then how often it was done, how often it was
                      * planned, and the days of the period so far. */
                     g_strdup_printf (ngettext ("%s: done %u of %u times, no first purchases in %u day",
                                                "%s: done %u of %u times, no first purchases in %u days",
                                                days),
                                      row->name, row->current.done, row->current.planned, days));
    }

  if (active->len >= 3)
    {
      const TpResultsRow *least;
      const TpResultsRow *next;

      g_ptr_array_sort (active, compare_least_results);
      least = g_ptr_array_index (active, 0);
      next = g_ptr_array_index (active, 1);
      add_finding (results, TP_RESULTS_TACTIC, least->id,
                   /* Translators: a finding of the Results section: the number
                    * of active tactics, then the names of the two that brought
                    * the fewest first purchases */
                   g_strdup_printf (ngettext ("%u tactic is active; the two with the least results are %s and %s",
                                              "%u tactics are active; the two with the least results are %s and %s",
                                              active->len),
                                    active->len, least->name, next->name));
    }
}

/* Funnels, in the audiences' order, customers without one last */
static void
add_funnel (Compute    *c,
            gint64      id,
            const char *name)
{
  FunnelAcc *acc = g_hash_table_lookup (c->funnel, &id);
  TpResultsFunnel funnel = { 0 };

  if (acc == NULL || acc->leads == 0)
    return;

  funnel.audience_id = id;
  funnel.name = g_strdup (name);
  funnel.leads = acc->leads;
  funnel.prospects = acc->prospects;
  funnel.customers = acc->customers;
  funnel.repeats = acc->repeats;
  funnel.median_days = median (acc->days);
  funnel.median_touches = median (acc->touches);
  g_array_append_val (c->results->funnels, funnel);
}

static void
build_funnels (Compute *c)
{
  for (guint i = 0; i < c->audiences.rows->len; i++)
    {
      const TpResultsRow *row = &g_array_index (c->audiences.rows, TpResultsRow, i);

      if (row->id != 0)
        add_funnel (c, row->id, row->name);
    }

  add_funnel (c, 0, none_name (TP_RESULTS_AUDIENCE));
}

static TpResults *
compute (TpDatabase       *db,
         TpResultsPeriod   period,
         gint64            start,
         gint64            end,
         GDateTime        *now,
         gboolean          reference,
         GError          **error)
{
  g_autoptr(TpResults) results = g_new0 (TpResults, 1);
  g_autoptr(GDateTime) now_owned = NULL;
  TpAnalyticsSettings settings;
  Compute c = { 0 };
  gint64 now_unix;
  gboolean own_transaction;
  gboolean ok;
  guint weeks;

  g_return_val_if_fail (TP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (end > start, NULL);

  if (now == NULL)
    now = now_owned = g_date_time_new_now_utc ();
  now_unix = g_date_time_to_unix (now);

  if (!tp_analytics_settings_load (&settings, db, error))
    return NULL;

  results->start = start;
  results->end = end;
  tp_results_previous_range (period, start, end, &results->previous_start, &results->previous_end);
  memcpy (results->currency, settings.currency, sizeof results->currency);
  results->funnels = g_array_new (FALSE, TRUE, sizeof (TpResultsFunnel));
  g_array_set_clear_func (results->funnels, funnel_clear);
  results->findings = g_ptr_array_new_with_free_func (finding_free);
  /* Weeks up to now: the weeks still ahead have no touches yet, and a
   * line falling to zero there would read as a decline */
  weeks = (guint)((MAX (MIN (end, now_unix), start + 1) - start + SECONDS_PER_WEEK - 1) /
                  SECONDS_PER_WEEK);
  results->weekly_touches = g_array_sized_new (FALSE, TRUE, sizeof (guint), weeks);
  g_array_set_size (results->weekly_touches, weeks);

  dim_init (&c.tactics, TP_RESULTS_TACTIC);
  dim_init (&c.places, TP_RESULTS_PLACE);
  dim_init (&c.audiences, TP_RESULTS_AUDIENCE);
  c.plans = g_array_new (FALSE, FALSE, sizeof (TacticPlan));
  c.funnel = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, funnel_acc_free);
  c.results = results;

  /* One read snapshot for every query (also on a read-only connection,
   * and on either engine); inside a caller's transaction, that one */
  own_transaction = tp_database_get_depth (db) == 0;
  ok = !own_transaction || tp_database_begin_read (db, error);
  if (ok)
    {
      ok = load_rows (db, &c.tactics, c.plans, &c.places, &c.audiences, error);
      if (ok && reference)
        ok = compute_range (&c, db, start, end, now_unix, TRUE, error) &&
             compute_range (&c, db, results->previous_start, results->previous_end,
                            MIN (now_unix, results->previous_end), FALSE, error);
      else if (ok)
        {
          gboolean odd = FALSE;

          /* Times in another form: the straightforward queries count
           * them as SQLite compares them, before any figure was counted */
          if (compute_fast (&c, db, &odd, error))
            ok = compute_planned (&c, db, start, end, now_unix, TRUE, error) &&
                 compute_planned (&c, db, results->previous_start, results->previous_end,
                                  MIN (now_unix, results->previous_end), FALSE, error);
          else if (odd)
            {
              /* The weeks were being counted */
              memset (results->weekly_touches->data, 0, weeks * sizeof (guint));
              ok = compute_range (&c, db, start, end, now_unix, TRUE, error) &&
                   compute_range (&c, db, results->previous_start, results->previous_end,
                                  MIN (now_unix, results->previous_end), FALSE, error);
            }
          else
            {
              ok = FALSE;
            }
        }
      /* Nothing was written: ending the read is all there is to do */
      if (own_transaction)
        tp_database_rollback (db);
    }

  if (ok)
    {
      for (guint i = 0; i < c.tactics.rows->len; i++)
        if (g_array_index (c.tactics.rows, TpResultsRow, i).active)
          results->n_active_tactics++;

      build_funnels (&c);
      results->tactics = g_steal_pointer (&c.tactics.rows);
      results->places = g_steal_pointer (&c.places.rows);
      results->audiences = g_steal_pointer (&c.audiences.rows);
      build_findings (results, now_unix);
    }

  dim_clear (&c.tactics);
  dim_clear (&c.places);
  dim_clear (&c.audiences);
  g_array_unref (c.plans);
  g_hash_table_unref (c.funnel);

  return ok ? g_steal_pointer (&results) : NULL;
}

/**
 * tp_results_compute:
 * @db: a database
 * @period: the kind of period
 * @start: its first second (Unix time, UTC)
 * @end: the first second after it
 * @now: (nullable): the present, for what was planned so far; %NULL for
 *   the current time
 * @error: return location for a #GError
 *
 * Computes what each tactic, place and audience produced in the period
 * and in the one before, the funnels and the findings. The rules are
 * those written in HACKING.md.
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL on error
 */
TpResults *
tp_results_compute (TpDatabase       *db,
                    TpResultsPeriod   period,
                    gint64            start,
                    gint64            end,
                    GDateTime        *now,
                    GError          **error)
{
  return compute (db, period, start, end, now, FALSE, error);
}

/*
 * _tp_results_compute_reference:
 *
 * As tp_results_compute(), with the straightforward queries that read
 * each customer's touches through the table: much slower on a large
 * business, kept so that the tests can hold the fast path to it.
 */
TpResults *
_tp_results_compute_reference (TpDatabase       *db,
                               TpResultsPeriod   period,
                               gint64            start,
                               gint64            end,
                               GDateTime        *now,
                               GError          **error)
{
  return compute (db, period, start, end, now, TRUE, error);
}

typedef struct
{
  char            *path;
  TpResultsPeriod  period;
  gint64           start;
  gint64           end;
  GDateTime       *now;
} ComputeTask;

static void
compute_task_free (gpointer data)
{
  ComputeTask *task = data;

  g_free (task->path);
  g_clear_pointer (&task->now, g_date_time_unref);
  g_free (task);
}

static void
compute_thread_cb (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ComputeTask *data = task_data;
  g_autoptr(TpDatabase) db = NULL;
  TpResults *results = NULL;
  GError *error = NULL;

  db = tp_database_open_full (data->path, TP_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL)
    results = tp_results_compute (db, data->period, data->start, data->end, data->now, &error);

  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify)tp_results_free);
}

/**
 * tp_results_compute_async:
 * @database_path: the database file
 * @period: as for tp_results_compute()
 * @start: as for tp_results_compute()
 * @end: as for tp_results_compute()
 * @now: (nullable): as for tp_results_compute()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the figures are ready
 * @user_data: data for @callback
 *
 * Computes the figures on a worker thread, with its own read-only
 * connection to @database_path.
 */
void
tp_results_compute_async (const char          *database_path,
                          TpResultsPeriod      period,
                          gint64               start,
                          gint64               end,
                          GDateTime           *now,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ComputeTask *data;

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (end > start);

  data = g_new0 (ComputeTask, 1);
  data->path = g_strdup (database_path);
  data->period = period;
  data->start = start;
  data->end = end;
  data->now = now != NULL ? g_date_time_ref (now) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_results_compute_async);
  g_task_set_task_data (task, data, compute_task_free);
  g_task_run_in_thread (task, compute_thread_cb);
}

/**
 * tp_results_compute_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL on error
 */
TpResults *
tp_results_compute_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * tp_results_find_row:
 * @results: figures
 * @kind: tactic, place or audience
 * @id: its id, or 0 for the "No …" row
 *
 * Returns: (transfer none) (nullable): the row, or %NULL
 */
const TpResultsRow *
tp_results_find_row (TpResults     *results,
                     TpResultsKind  kind,
                     gint64         id)
{
  GArray *rows;

  g_return_val_if_fail (results != NULL, NULL);

  rows = kind == TP_RESULTS_TACTIC ? results->tactics
         : kind == TP_RESULTS_PLACE ? results->places : results->audiences;
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, TpResultsRow, i).id == id)
      return &g_array_index (rows, TpResultsRow, i);

  return NULL;
}

/**
 * tp_results_to_csv:
 * @results: figures
 *
 * The results table as CSV: one line per tactic, place and audience,
 * with the figures of the period and of the period before. Amounts are
 * in minor units of the business currency, as everywhere in the CSV
 * files Touchpoint writes.
 *
 * Returns: (transfer full): the CSV text, lines ending in CR LF
 */
char *
tp_results_to_csv (TpResults *results)
{
  static const char * const kinds[] = { "tactic", "place", "audience" };
  GArray *tables[] = { results->tactics, results->places, results->audiences };
  GString *out = g_string_new ("kind,id,name,planned,done,touches,reached,first_touch,"
                               "last_touch,revenue_minor,currency,median_touches,"
                               "previous_planned,previous_done,previous_touches,"
                               "previous_reached,previous_first_touch,previous_last_touch,"
                               "previous_revenue_minor\r\n");

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (guint i = 0; i < tables[t]->len; i++)
      {
        const TpResultsRow *row = &g_array_index (tables[t], TpResultsRow, i);
        const TpResultsFigures *a = &row->current;
        const TpResultsFigures *b = &row->previous;
        char median_text[G_ASCII_DTOSTR_BUF_SIZE];

        g_string_append_printf (out, "%s,", kinds[t]);
        if (row->id != 0)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, row->id);
        g_string_append_c (out, ',');
        _tp_csv_append_field (out, row->name);
        g_ascii_formatd (median_text, sizeof median_text, "%.1f", a->median_touches);
        g_string_append_printf (out, ",%u,%u,%u,%u,%u,%u,%" G_GINT64_FORMAT ",%s,%s,"
                                "%u,%u,%u,%u,%u,%u,%" G_GINT64_FORMAT "\r\n",
                                a->planned, a->done, a->touches, a->reached, a->first_touch,
                                a->last_touch, a->revenue_minor, results->currency, median_text,
                                b->planned, b->done, b->touches, b->reached, b->first_touch,
                                b->last_touch, b->revenue_minor);
      }

  return g_string_free (out, FALSE);
}

/**
 * tp_results_came_through:
 * @db: a database
 * @customer_id: a customer
 * @came_through: (out caller-allocates): their first done touch (the same
 *   first touch Results attributes them by); touch_id 0 when there is none
 * @error: return location for a #GError
 *
 * One look-up through the index of touches by customer: cheap enough for
 * the main thread.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_results_came_through (TpDatabase     *db,
                         gint64          customer_id,
                         TpCameThrough  *came_through,
                         GError        **error)
{
  GError *local_error = NULL;
  TpStatement *stmt;

  g_return_val_if_fail (TP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (came_through != NULL, FALSE);

  memset (came_through, 0, sizeof *came_through);

  stmt = tp_database_prepare (db,
                              "SELECT t.id, t.happened_at, t.channel, ta.name, p.name"
                              " FROM touches AS t"
                              " LEFT JOIN tactics AS ta ON ta.id = t.tactic_id"
                              " LEFT JOIN audience_places AS p ON p.id = t.place_id"
                              " WHERE t.customer_id = ?1 AND t.done = 1"
                              " ORDER BY t.happened_at, t.id LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  tp_statement_bind_int64 (stmt, 1, customer_id);
  if (tp_statement_step (stmt, &local_error))
    {
      int channel = TP_CHANNEL_OTHER;

      tp_enum_from_nick (TP_TYPE_CHANNEL, tp_statement_get_text (stmt, 2), &channel);
      came_through->touch_id = tp_statement_get_int64 (stmt, 0);
      came_through->happened_at = g_strdup (tp_statement_get_text (stmt, 1));
      came_through->channel = channel;
      if (!tp_statement_is_null (stmt, 3))
        came_through->tactic = g_strdup (tp_statement_get_text (stmt, 3));
      if (!tp_statement_is_null (stmt, 4))
        came_through->place = g_strdup (tp_statement_get_text (stmt, 4));
    }

  return step_error (stmt, local_error, error);
}

/**
 * tp_came_through_clear:
 * @came_through: what tp_results_came_through() filled in
 */
void
tp_came_through_clear (TpCameThrough *came_through)
{
  g_clear_pointer (&came_through->happened_at, g_free);
  g_clear_pointer (&came_through->tactic, g_free);
  g_clear_pointer (&came_through->place, g_free);
  came_through->touch_id = 0;
}
