/* tp-analytics.c
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

#define G_LOG_DOMAIN "tp-analytics"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tp-analytics.h"
#include "tp-analytics-private.h"
#include "tp-core-enum-types.h"
#include "tp-schema.h"

/*
 * The figures behind the Sales tab, the touches chart and the tactic
 * consistency of the Marketing tab. Each is one or two queries with bound
 * parameters, and each reads the customer figures that the schema's
 * triggers keep (touch_count, last_touch_at, first_order_at, order_count):
 * nothing here aggregates the touches of every customer when a
 * denormalised column answers the question.
 *
 * Only done touches count (done = 1); planned touches (done = 0) are the
 * to-do list. Cancelled orders are not purchases. Every time is UTC.
 *
 * The functions run synchronously on the connection they are given; with a
 * large business, call them from a worker thread with its own TpDatabase.
 */

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/* A time as stored, held to the valid range so that comparisons with
 * stored times stay right at its ends */
static char *
format_time (gint64 unix_time)
{
  char text[TP_SCHEMA_TIME_LENGTH + 1];

  tp_schema_format_unix_time (CLAMP (unix_time, TP_SCHEMA_UNIX_TIME_MIN, TP_SCHEMA_UNIX_TIME_MAX),
                              text);
  return g_strdup (text);
}

static gint64
days_from_civil (gint64 year,
                 gint64 month,
                 gint64 day)
{
  gint64 era, yoe, doy, doe;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = year - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static gboolean
parse_digits (const char *text,
              guint       n,
              gint64     *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }

  return TRUE;
}

/* Parses stored time text ("2026-11-28T12:00:00Z") as Unix time, quickly:
 * the chart reads one per customer. Anything else goes through
 * GDateTime; 0 when it is not a time at all. */
static gint64
parse_time (const char *text)
{
  gint64 year, month, day, hour, minute, second;

  if (text == NULL)
    return 0;

  if (strlen (text) == 20 && text[4] == '-' && text[7] == '-' && text[10] == 'T' &&
      text[13] == ':' && text[16] == ':' && text[19] == 'Z' &&
      parse_digits (text, 4, &year) && parse_digits (text + 5, 2, &month) &&
      parse_digits (text + 8, 2, &day) && parse_digits (text + 11, 2, &hour) &&
      parse_digits (text + 14, 2, &minute) && parse_digits (text + 17, 2, &second) &&
      month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 &&
      second < 61)
    return days_from_civil (year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;

  {
    g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (text, NULL);

    return dt != NULL ? g_date_time_to_unix (dt) : 0;
  }
}

/* Steps @stmt past its last row; FALSE with @error set on failure. */
static gboolean
finish_rows (TpStatement  *stmt,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  while (tp_statement_step (stmt, &local_error))
    ;
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
propagate_step_error (TpStatement  *stmt,
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

/* Settings */

/**
 * tp_analytics_settings_init_defaults:
 * @settings: the settings to fill
 *
 * Fills @settings with the defaults: a band of 5–12 touches, a follow-up
 * interval of 14 days and the currency EUR.
 */
void
tp_analytics_settings_init_defaults (TpAnalyticsSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->band_low = TP_ANALYTICS_DEFAULT_BAND_LOW;
  settings->band_high = TP_ANALYTICS_DEFAULT_BAND_HIGH;
  settings->followup_days = TP_ANALYTICS_DEFAULT_FOLLOWUP_DAYS;
  g_strlcpy (settings->currency, TP_ANALYTICS_DEFAULT_CURRENCY, sizeof settings->currency);
}

static gboolean
parse_count (const char *text,
             guint       min,
             guint       max,
             guint      *out)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    return FALSE;

  *out = (guint) value;
  return TRUE;
}

static gboolean
is_currency_code (const char *text)
{
  if (text == NULL || strlen (text) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      if (!g_ascii_isupper (text[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * tp_analytics_settings_load:
 * @settings: the settings to fill
 * @db: the database
 * @error: return location for an error
 *
 * Reads the band, the follow-up interval and the currency from the
 * settings table (keys "band_low", "band_high", "followup_days" and
 * "currency"). A key that is missing, or whose value is not usable (not a
 * whole number, a band whose top is below its bottom, a follow-up interval
 * of zero days, a currency that is not three capital letters), keeps its
 * default; the two band keys are taken or dropped together.
 *
 * Returns: %TRUE on success; on failure @settings holds the defaults
 */
gboolean
tp_analytics_settings_load (TpAnalyticsSettings  *settings,
                            TpDatabase           *db,
                            GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;
  guint band_low = TP_ANALYTICS_DEFAULT_BAND_LOW;
  guint band_high = TP_ANALYTICS_DEFAULT_BAND_HIGH;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (TP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tp_analytics_settings_init_defaults (settings);

  stmt = tp_database_prepare (db,
                              "SELECT key, value FROM settings"
                              " WHERE key IN ('band_low', 'band_high', 'followup_days', 'currency')",
                              error);
  if (stmt == NULL)
    return FALSE;

  while (tp_statement_step (stmt, &local_error))
    {
      const char *key = tp_statement_get_text (stmt, 0);
      const char *value = tp_statement_get_text (stmt, 1);

      if (g_strcmp0 (key, "band_low") == 0)
        parse_count (value, 0, 100000, &band_low);
      else if (g_strcmp0 (key, "band_high") == 0)
        parse_count (value, 0, 100000, &band_high);
      else if (g_strcmp0 (key, "followup_days") == 0)
        parse_count (value, 1, 36500, &settings->followup_days);
      else if (g_strcmp0 (key, "currency") == 0 && is_currency_code (value))
        g_strlcpy (settings->currency, value, sizeof settings->currency);
    }

  if (!propagate_step_error (stmt, g_steal_pointer (&local_error), error))
    {
      tp_analytics_settings_init_defaults (settings);
      return FALSE;
    }

  if (band_low <= band_high)
    {
      settings->band_low = band_low;
      settings->band_high = band_high;
    }

  return TRUE;
}

static const TpAnalyticsSettings *
resolve_settings (TpDatabase                 *db,
                  const TpAnalyticsSettings  *given,
                  TpAnalyticsSettings        *storage,
                  GError                    **error)
{
  if (given != NULL)
    return given;

  if (!tp_analytics_settings_load (storage, db, error))
    return NULL;

  return storage;
}

/* Touches per customer */

static void
customer_touches_clear (gpointer data)
{
  TpCustomerTouches *entry = data;

  g_clear_pointer (&entry->name, g_free);
}

/**
 * tp_analytics_touches_per_customer:
 * @db: the database
 * @order: how to order the customers
 * @error: return location for an error
 *
 * Lists every customer with the number of done touches, whether they
 * bought, and when they were last touched: the bars of the touches chart.
 * It reads the customer figures only, so it stays fast with 100,000
 * customers and a million touches.
 *
 * Returns: (transfer full) (element-type TpCustomerTouches): the customers,
 *   or %NULL on error
 */
GArray *
tp_analytics_touches_per_customer (TpDatabase      *db,
                                   TpTouchesOrder   order,
                                   GError         **error)
{
  static const char * const queries[] = {
    /* Each order walks an index of the schema, without sorting */
    [TP_TOUCHES_ORDER_BY_TOUCHES] =
      "SELECT id, name, touch_count, order_count > 0, last_touch_at"
      " FROM customers ORDER BY touch_count DESC, id DESC",
    [TP_TOUCHES_ORDER_BY_NAME] =
      "SELECT id, name, touch_count, order_count > 0, last_touch_at"
      " FROM customers ORDER BY name COLLATE NOCASE, id",
    [TP_TOUCHES_ORDER_BY_LAST_TOUCH] =
      "SELECT id, name, touch_count, order_count > 0, last_touch_at"
      " FROM customers ORDER BY last_touch_at DESC, id DESC",
  };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) result = NULL;
  TpStatement *stmt;

  g_return_val_if_fail (TP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (order <= TP_TOUCHES_ORDER_BY_LAST_TOUCH, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = tp_database_prepare (db, queries[order], error);
  if (stmt == NULL)
    return NULL;

  result = g_array_new (FALSE, FALSE, sizeof (TpCustomerTouches));
  g_array_set_clear_func (result, customer_touches_clear);

  while (tp_statement_step (stmt, &local_error))
    {
      TpCustomerTouches entry;

      entry.customer_id = tp_statement_get_int64 (stmt, 0);
      entry.name = g_strdup (tp_statement_get_text (stmt, 1));
      entry.touch_count = (guint) tp_statement_get_int64 (stmt, 2);
      entry.bought = tp_statement_get_int64 (stmt, 3) != 0;
      entry.last_touch_at = parse_time (tp_statement_get_text (stmt, 4));
      g_array_append_val (result, entry);
    }

  if (!propagate_step_error (stmt, g_steal_pointer (&local_error), error))
    return NULL;

  return g_steal_pointer (&result);
}

/* Touches before the first purchase */

/**
 * tp_first_purchase_stats_free:
 * @stats: (nullable): the statistics
 *
 * Frees @stats and its arrays.
 */
void
tp_first_purchase_stats_free (TpFirstPurchaseStats *stats)
{
  if (stats == NULL)
    return;

  g_clear_pointer (&stats->buyers, g_array_unref);
  g_clear_pointer (&stats->histogram, g_array_unref);
  g_free (stats);
}

static guint
histogram_value_at (GArray *histogram,
                    guint   position)
{
  guint seen = 0;

  for (guint i = 0; i < histogram->len; i++)
    {
      seen += g_array_index (histogram, guint, i);
      if (seen > position)
        return i;
    }

  g_assert_not_reached ();
  return 0;
}

/**
 * tp_analytics_touches_before_first_purchase:
 * @db: the database
 * @settings: (nullable): the band to use, or %NULL to read the settings table
 * @error: return location for an error
 *
 * For every customer who bought (an order that is not cancelled), counts the
 * done touches that happened at or before the first such order; then the
 * histogram of those counts, their median (the mean of the two middle
 * values when the number of buyers is even) and the share of buyers whose
 * count lies inside the band (both ends included).
 *
 * Returns: (transfer full): the statistics, or %NULL on error
 */
TpFirstPurchaseStats *
tp_analytics_touches_before_first_purchase (TpDatabase                 *db,
                                            const TpAnalyticsSettings  *settings,
                                            GError                    **error)
{
  g_autoptr(TpFirstPurchaseStats) stats = NULL;
  g_autoptr(GError) local_error = NULL;
  TpAnalyticsSettings storage;
  TpStatement *stmt;

  g_return_val_if_fail (TP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  settings = resolve_settings (db, settings, &storage, error);
  if (settings == NULL)
    return NULL;

  stmt = tp_database_prepare (db,
                              "SELECT c.id, (SELECT count(*) FROM touches t"
                              "               WHERE t.customer_id = c.id AND t.done = 1"
                              "                 AND t.happened_at <= c.first_order_at)"
                              " FROM customers c WHERE c.order_count > 0 ORDER BY c.id",
                              error);
  if (stmt == NULL)
    return NULL;

  stats = g_new0 (TpFirstPurchaseStats, 1);
  stats->buyers = g_array_new (FALSE, FALSE, sizeof (TpFirstPurchase));
  stats->histogram = g_array_new (FALSE, TRUE, sizeof (guint));

  while (tp_statement_step (stmt, &local_error))
    {
      TpFirstPurchase entry;

      entry.customer_id = tp_statement_get_int64 (stmt, 0);
      entry.touches = (guint) tp_statement_get_int64 (stmt, 1);
      g_array_append_val (stats->buyers, entry);

      if (entry.touches >= stats->histogram->len)
        g_array_set_size (stats->histogram, entry.touches + 1);
      g_array_index (stats->histogram, guint, entry.touches)++;

      if (entry.touches >= settings->band_low && entry.touches <= settings->band_high)
        stats->n_inside_band++;
    }

  if (!propagate_step_error (stmt, g_steal_pointer (&local_error), error))
    return NULL;

  stats->n_buyers = stats->buyers->len;
  if (stats->n_buyers > 0)
    {
      guint low = histogram_value_at (stats->histogram, (stats->n_buyers - 1) / 2);
      guint high = histogram_value_at (stats->histogram, stats->n_buyers / 2);

      stats->median = (low + high) / 2.0;
      stats->share_inside_band = (double) stats->n_inside_band / stats->n_buyers;
    }

  return g_steal_pointer (&stats);
}

/* Band counts */

/**
 * tp_analytics_band_counts:
 * @db: the database
 * @settings: (nullable): the band to use, or %NULL to read the settings table
 * @counts: (out caller-allocates): the counts
 * @error: return location for an error
 *
 * Counts every customer by done touches: under the band (fewer than its
 * bottom), inside it (bottom and top included) and over it.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_analytics_band_counts (TpDatabase                 *db,
                          const TpAnalyticsSettings  *settings,
                          TpBandCounts               *counts,
                          GError                    **error)
{
  g_autoptr(GError) local_error = NULL;
  TpAnalyticsSettings storage;
  TpStatement *stmt;

  g_return_val_if_fail (TP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *counts = (TpBandCounts) { 0, 0, 0 };

  settings = resolve_settings (db, settings, &storage, error);
  if (settings == NULL)
    return FALSE;

  stmt = tp_database_prepare (db,
                              "SELECT count(*) FILTER (WHERE touch_count < ?1),"
                              "       count(*) FILTER (WHERE touch_count BETWEEN ?1 AND ?2),"
                              "       count(*) FILTER (WHERE touch_count > ?2)"
                              " FROM customers",
                              error);
  if (stmt == NULL)
    return FALSE;

  tp_statement_bind_int64 (stmt, 1, settings->band_low);
  tp_statement_bind_int64 (stmt, 2, settings->band_high);

  if (tp_statement_step (stmt, &local_error))
    {
      counts->under = (guint) tp_statement_get_int64 (stmt, 0);
      counts->inside = (guint) tp_statement_get_int64 (stmt, 1);
      counts->over = (guint) tp_statement_get_int64 (stmt, 2);
      return finish_rows (stmt, error);
    }

  return propagate_step_error (stmt, g_steal_pointer (&local_error), error);
}

/* Follow-ups */

static void
follow_up_clear (gpointer data)
{
  TpFollowUp *entry = data;

  g_clear_pointer (&entry->name, g_free);
}

/* SQLite's NOCASE, as the queue's parts are sorted: ASCII letters
 * folded, then bytes */
static int
compare_nocase (const char *a,
                const char *b)
{
  const guchar *x = (const guchar *) (a != NULL ? a : "");
  const guchar *y = (const guchar *) (b != NULL ? b : "");

  while (*x != '\0' && g_ascii_tolower (*x) == g_ascii_tolower (*y))
    x++, y++;

  return (int) (guchar) g_ascii_tolower (*x) - (int) (guchar) g_ascii_tolower (*y);
}

/* The queue's order: when each came due, then name, customer, touch */
static int
compare_follow_ups (const TpFollowUp *a,
                    const TpFollowUp *b)
{
  int by_name;

  if (a->due_at != b->due_at)
    return a->due_at < b->due_at ? -1 : 1;
  by_name = compare_nocase (a->name, b->name);
  if (by_name != 0)
    return by_name;
  if (a->customer_id != b->customer_id)
    return a->customer_id < b->customer_id ? -1 : 1;
  if (a->planned_touch_id != b->planned_touch_id)
    return a->planned_touch_id < b->planned_touch_id ? -1 : 1;

  return 0;
}

/**
 * tp_analytics_follow_ups:
 * @db: the database
 * @settings: (nullable): the band and interval to use, or %NULL to read the
 *   settings table
 * @now: the current time
 * @error: return location for an error
 *
 * Builds the follow-up queue. It holds two kinds of entries:
 *
 * - %TP_FOLLOW_UP_REASON_QUIET: a customer who has not bought (no order
 *   that is not cancelled), is not lost, has fewer done touches than the
 *   band's top, and has been quiet for the follow-up interval or longer:
 *   the last done touch is at least that old. A customer who was never
 *   touched counts from the day they were created, so that a new lead
 *   left alone comes up too. A customer with a planned touch (due or not)
 *   is left out: their follow-up is already planned, and shows up as the
 *   entry below once it is due.
 * - %TP_FOLLOW_UP_REASON_PLANNED_DUE: every planned touch (done = 0) whose
 *   time is at or before @now, whoever the customer is.
 *
 * The most urgent come first: the entries are ordered by the time they came
 * due (a quiet customer comes due the follow-up interval after the last
 * touch), oldest first, then by name.
 *
 * Returns: (transfer full) (element-type TpFollowUp): the queue, or %NULL on
 *   error
 */
GArray *
tp_analytics_follow_ups (TpDatabase                 *db,
                         const TpAnalyticsSettings  *settings,
                         GDateTime                  *now,
                         GError                    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) result = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *cutoff_text = NULL;
  g_autoptr(GArray) quiet = g_array_new (FALSE, FALSE, sizeof (TpFollowUp));
  g_autoptr(GArray) untouched = g_array_new (FALSE, FALSE, sizeof (TpFollowUp));
  g_autoptr(GArray) planned = g_array_new (FALSE, FALSE, sizeof (TpFollowUp));
  GArray *parts[3] = { quiet, untouched, planned };
  guint next[3] = { 0, 0, 0 };
  TpAnalyticsSettings storage;
  TpStatement *stmt;
  gint64 now_unix;
  gint64 interval;
  /* The quiet customers who were touched, by their last touch; those
   * never touched, by when they were added (schema step 7's indexes);
   * the planned touches that came due. A customer with a planned touch
   * has their follow-up planned already. */
  static const char * const part_sql[] = {
    "SELECT c.id, c.name, c.touch_count, c.last_touch_at FROM customers c"
    " WHERE c.order_count = 0 AND c.stage != 'lost' AND c.touch_count > 0"
    "   AND c.touch_count < ?2 AND c.last_touch_at <= ?1"
    "   AND c.id NOT IN (SELECT customer_id FROM touches WHERE done = 0)"
    " ORDER BY c.last_touch_at, c.name COLLATE NOCASE, c.id",
    "SELECT c.id, c.name, c.touch_count, c.created_at FROM customers c"
    " WHERE c.order_count = 0 AND c.stage != 'lost' AND c.touch_count = 0"
    "   AND c.touch_count < ?2 AND c.created_at <= ?1"
    "   AND c.id NOT IN (SELECT customer_id FROM touches WHERE done = 0)"
    " ORDER BY c.created_at, c.name COLLATE NOCASE, c.id",
    "SELECT c.id, c.name, c.touch_count, coalesce (c.last_touch_at, c.created_at), t.id,"
    "       t.happened_at"
    " FROM touches t JOIN customers c ON c.id = t.customer_id"
    " WHERE t.done = 0 AND t.happened_at <= ?1"
    " ORDER BY t.happened_at, c.name COLLATE NOCASE, c.id, t.id",
  };

  g_return_val_if_fail (TP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  settings = resolve_settings (db, settings, &storage, error);
  if (settings == NULL)
    return NULL;

  now_unix = g_date_time_to_unix (now);
  interval = settings->followup_days * SECONDS_PER_DAY;
  now_text = format_time (now_unix);
  cutoff_text = format_time (now_unix - interval);

  /* Each part in the queue's order, from an index; then merged. */
  for (guint part = 0; part < G_N_ELEMENTS (parts); part++)
    {
      g_array_set_clear_func (parts[part], follow_up_clear);

      stmt = tp_database_prepare (db, part_sql[part], error);
      if (stmt == NULL)
        return NULL;
      tp_statement_bind_text (stmt, 1, part == 2 ? now_text : cutoff_text);
      if (part < 2)
        tp_statement_bind_int64 (stmt, 2, settings->band_high);

      while (tp_statement_step (stmt, &local_error))
        {
          TpFollowUp entry;
          gint64 quiet_since = parse_time (tp_statement_get_text (stmt, 3));

          entry.customer_id = tp_statement_get_int64 (stmt, 0);
          entry.name = g_strdup (tp_statement_get_text (stmt, 1));
          entry.reason = part == 2 ? TP_FOLLOW_UP_REASON_PLANNED_DUE : TP_FOLLOW_UP_REASON_QUIET;
          entry.touch_count = (guint) tp_statement_get_int64 (stmt, 2);
          entry.days_quiet = now_unix > quiet_since ? (guint) ((now_unix - quiet_since) / SECONDS_PER_DAY) : 0;
          entry.planned_touch_id = part == 2 ? tp_statement_get_int64 (stmt, 4) : 0;
          entry.due_at = part == 2 ? parse_time (tp_statement_get_text (stmt, 5))
                                   : quiet_since + interval;
          g_array_append_val (parts[part], entry);
        }

      if (!propagate_step_error (stmt, g_steal_pointer (&local_error), error))
        return NULL;
    }

  result = g_array_sized_new (FALSE, FALSE, sizeof (TpFollowUp),
                              parts[0]->len + parts[1]->len + parts[2]->len);
  g_array_set_clear_func (result, follow_up_clear);
  for (;;)
    {
      int best = -1;

      for (guint part = 0; part < G_N_ELEMENTS (parts); part++)
        if (next[part] < parts[part]->len &&
            (best < 0 ||
             compare_follow_ups (&g_array_index (parts[part], TpFollowUp, next[part]),
                                 &g_array_index (parts[best], TpFollowUp, next[best])) < 0))
          best = (int) part;
      if (best < 0)
        break;

      /* The name moves to the queue */
      g_array_append_val (result, g_array_index (parts[best], TpFollowUp, next[best]));
      g_array_index (parts[best], TpFollowUp, next[best]).name = NULL;
      next[best]++;
    }

  return g_steal_pointer (&result);
}

/* Tactic consistency */

GDateTime *
_tp_cadence_period_start (GDateTime       *utc,
              TpCadencePeriod  period)
{
  int year, month, day;

  g_date_time_get_ymd (utc, &year, &month, &day);

  switch (period)
    {
    case TP_CADENCE_PERIOD_DAY:
      return g_date_time_new_utc (year, month, day, 0, 0, 0);

    case TP_CADENCE_PERIOD_WEEK:
      {
        g_autoptr(GDateTime) midnight = g_date_time_new_utc (year, month, day, 0, 0, 0);

        /* ISO weeks start on Monday, day 1 of the week */
        return g_date_time_add_days (midnight, 1 - g_date_time_get_day_of_week (midnight));
      }

    case TP_CADENCE_PERIOD_MONTH:
      return g_date_time_new_utc (year, month, 1, 0, 0, 0);

    default:
      g_assert_not_reached ();
      return NULL;
    }
}

GDateTime *
_tp_cadence_period_add (GDateTime       *start,
            TpCadencePeriod  period,
            int              n)
{
  switch (period)
    {
    case TP_CADENCE_PERIOD_DAY:
      return g_date_time_add_days (start, n);

    case TP_CADENCE_PERIOD_WEEK:
      return g_date_time_add_weeks (start, n);

    case TP_CADENCE_PERIOD_MONTH:
      return g_date_time_add_months (start, n);

    default:
      g_assert_not_reached ();
      return NULL;
    }
}

static TpPeriodState
classify (guint done,
          guint planned)
{
  if (done == 0)
    return TP_PERIOD_STATE_MISSED;
  if (done < planned)
    return TP_PERIOD_STATE_PARTLY;
  return TP_PERIOD_STATE_DONE;
}

typedef struct
{
  gint64 start;
  guint  count;
} PeriodCount;

/**
 * tp_analytics_tactic_consistency:
 * @db: the database
 * @tactic_id: the tactic
 * @now: the current time
 * @consistency: (out caller-allocates): the result
 * @error: return location for an error
 *
 * Compares what a tactic's cadence planned (N times per day, week or month)
 * with what its log says was done, over the last %TP_CONSISTENCY_N_PERIODS
 * periods; the last of them holds @now. Periods are UTC days, ISO weeks
 * starting on Monday, or calendar months. A period is done when the log
 * holds at least N entries in it, partly done with fewer, missed with none.
 * Only the periods from the one in which the tactic was created (or, when
 * the log goes back further, the one of its first entry) are planned; the
 * ones over before are %TP_PERIOD_STATE_BEFORE, with nothing planned.
 *
 * The streak counts the fully done periods in a row that end with the
 * current period when it is already done, or else with the previous one:
 * the current period is not over, so falling short in it does not break a
 * streak yet. The streak looks back through the whole log, not only the
 * last %TP_CONSISTENCY_N_PERIODS periods. Log entries after the current
 * period are ignored.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_NOT_FOUND when there
 *   is no such tactic
 */
gboolean
tp_analytics_tactic_consistency (TpDatabase           *db,
                                 gint64                tactic_id,
                                 GDateTime            *now,
                                 TpTacticConsistency  *consistency,
                                 GError              **error)
{
  /* Each gives the start of the period that holds done_at, as Unix time */
  static const char * const queries[] = {
    [TP_CADENCE_PERIOD_DAY] =
      "SELECT unixepoch (done_at, 'start of day') AS p, count(*) FROM tactic_log"
      " WHERE tactic_id = ?1 AND done_at < ?2 GROUP BY p ORDER BY p DESC",
    [TP_CADENCE_PERIOD_WEEK] =
      "SELECT unixepoch (done_at, 'start of day', 'weekday 0', '-6 days') AS p, count(*)"
      " FROM tactic_log WHERE tactic_id = ?1 AND done_at < ?2 GROUP BY p ORDER BY p DESC",
    [TP_CADENCE_PERIOD_MONTH] =
      "SELECT unixepoch (done_at, 'start of month') AS p, count(*) FROM tactic_log"
      " WHERE tactic_id = ?1 AND done_at < ?2 GROUP BY p ORDER BY p DESC",
  };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autofree char *end_text = NULL;
  TpStatement *stmt;
  const char *nick;
  int period_value;
  gint64 expected;
  gint64 started;
  guint row;

  g_return_val_if_fail (TP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (consistency != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (consistency, 0, sizeof *consistency);
  consistency->tactic_id = tactic_id;

  stmt = tp_database_prepare (db,
                              "SELECT cadence_count, cadence_period,"
                              " min (unixepoch (created_at), coalesce ((SELECT unixepoch (min (done_at))"
                              "   FROM tactic_log WHERE tactic_id = ?1), unixepoch (created_at)))"
                              " FROM tactics WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  tp_statement_bind_int64 (stmt, 1, tactic_id);
  if (!tp_statement_step (stmt, &local_error))
    {
      tp_statement_reset (stmt);
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, tactic_id);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       /* Translators: %s is a number */
                       _("There is no tactic with id %s"), id_text);
        }
      return FALSE;
    }

  consistency->cadence_count = (guint) tp_statement_get_int64 (stmt, 0);
  nick = tp_statement_get_text (stmt, 1);
  if (!tp_enum_from_nick (TP_TYPE_CADENCE_PERIOD, nick, &period_value))
    {
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID,
                   /* Translators: %s is the stored value, e.g. "fortnight" */
                   _("The tactic’s cadence period “%s” is not day, week or month"), nick);
      tp_statement_reset (stmt);
      return FALSE;
    }
  consistency->period = period_value;
  started = tp_statement_get_int64 (stmt, 2);
  if (!finish_rows (stmt, error))
    return FALSE;

  /* The periods, oldest first */
  utc = g_date_time_to_utc (now);
  current = _tp_cadence_period_start (utc, consistency->period);
  start = _tp_cadence_period_add (current, consistency->period, 1 - TP_CONSISTENCY_N_PERIODS);

  for (guint i = 0; i < TP_CONSISTENCY_N_PERIODS; i++)
    {
      g_autoptr(GDateTime) next = _tp_cadence_period_add (start, consistency->period, 1);

      consistency->periods[i].start = g_date_time_to_unix (start);
      consistency->periods[i].end = g_date_time_to_unix (next);
      /* Nothing was planned before the tactic existed. */
      consistency->periods[i].planned = consistency->periods[i].end > started
                                        ? consistency->cadence_count : 0;

      g_date_time_unref (start);
      start = g_steal_pointer (&next);
    }

  /* The log, counted per period, newest first */
  stmt = tp_database_prepare (db, queries[consistency->period], error);
  if (stmt == NULL)
    return FALSE;

  end_text = format_time (consistency->periods[TP_CONSISTENCY_N_PERIODS - 1].end);
  tp_statement_bind_int64 (stmt, 1, tactic_id);
  tp_statement_bind_text (stmt, 2, end_text);

  counts = g_array_new (FALSE, FALSE, sizeof (PeriodCount));
  while (tp_statement_step (stmt, &local_error))
    {
      PeriodCount pc;

      pc.start = tp_statement_get_int64 (stmt, 0);
      pc.count = (guint) tp_statement_get_int64 (stmt, 1);
      g_array_append_val (counts, pc);
    }

  if (!propagate_step_error (stmt, g_steal_pointer (&local_error), error))
    return FALSE;

  for (guint i = 0; i < counts->len; i++)
    {
      const PeriodCount *pc = &g_array_index (counts, PeriodCount, i);

      for (guint j = 0; j < TP_CONSISTENCY_N_PERIODS; j++)
        {
          if (consistency->periods[j].start == pc->start)
            consistency->periods[j].done = pc->count;
        }
    }

  for (guint j = 0; j < TP_CONSISTENCY_N_PERIODS; j++)
    {
      TpConsistencyPeriod *p = &consistency->periods[j];

      p->state = p->planned > 0 ? classify (p->done, p->planned) : TP_PERIOD_STATE_BEFORE;
      consistency->planned_total += p->planned;
      consistency->done_total += MIN (p->done, p->planned);
    }

  /* The streak: walk back from the current period through the counts */
  g_clear_pointer (&start, g_date_time_unref);
  start = g_date_time_ref (current);
  if (consistency->periods[TP_CONSISTENCY_N_PERIODS - 1].state != TP_PERIOD_STATE_DONE)
    {
      g_autoptr(GDateTime) previous = _tp_cadence_period_add (start, consistency->period, -1);

      g_date_time_unref (start);
      start = g_steal_pointer (&previous);
    }

  expected = g_date_time_to_unix (start);
  row = 0;
  while (row < counts->len)
    {
      const PeriodCount *pc = &g_array_index (counts, PeriodCount, row);
      g_autoptr(GDateTime) previous = NULL;

      if (pc->start > expected)
        {
          row++;
          continue;
        }

      if (pc->start < expected || pc->count < consistency->cadence_count)
        break;

      consistency->streak++;
      row++;

      previous = _tp_cadence_period_add (start, consistency->period, -1);
      g_date_time_unref (start);
      start = g_steal_pointer (&previous);
      expected = g_date_time_to_unix (start);
    }

  return TRUE;
}

/* Channels before first purchases */

static int
compare_channel_counts (gconstpointer a,
                        gconstpointer b)
{
  const TpChannelCount *ca = a;
  const TpChannelCount *cb = b;

  if (ca->count != cb->count)
    return ca->count > cb->count ? -1 : 1;

  return (int) ca->channel - (int) cb->channel;
}

/**
 * tp_analytics_first_purchase_channels:
 * @db: the database
 * @error: return location for an error
 *
 * Counts, per channel, the done touches that happened at or before a
 * customer's first purchase (the first order that is not cancelled): which
 * channels the touches that led to first purchases came through. Channels
 * without any such touch are left out.
 *
 * Returns: (transfer full) (element-type TpChannelCount): the counts, the
 *   largest first (ties in the order of #TpChannel), or %NULL on error
 */
GArray *
tp_analytics_first_purchase_channels (TpDatabase  *db,
                                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) result = NULL;
  TpStatement *stmt;

  g_return_val_if_fail (TP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* CROSS JOIN keeps the buyers outside, so that only their touches are read */
  stmt = tp_database_prepare (db,
                              "SELECT t.channel, count(*) FROM customers c"
                              " CROSS JOIN touches t ON t.customer_id = c.id"
                              " WHERE c.order_count > 0 AND t.done = 1"
                              "   AND t.happened_at <= c.first_order_at"
                              " GROUP BY t.channel",
                              error);
  if (stmt == NULL)
    return NULL;

  result = g_array_new (FALSE, FALSE, sizeof (TpChannelCount));
  while (tp_statement_step (stmt, &local_error))
    {
      TpChannelCount entry;
      int channel;

      if (!tp_enum_from_nick (TP_TYPE_CHANNEL, tp_statement_get_text (stmt, 0), &channel))
        channel = TP_CHANNEL_OTHER;

      entry.channel = channel;
      entry.count = (guint) tp_statement_get_int64 (stmt, 1);
      g_array_append_val (result, entry);
    }

  if (!propagate_step_error (stmt, g_steal_pointer (&local_error), error))
    return NULL;

  g_array_sort (result, compare_channel_counts);

  return g_steal_pointer (&result);
}
