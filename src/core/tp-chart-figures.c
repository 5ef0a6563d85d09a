/* tp-chart-figures.c
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

#define G_LOG_DOMAIN "tp-chart-figures"

#include "config.h"

#include "tp-chart-figures.h"
#include "tp-core-enum-types.h"

/*
 * The figures of the touches chart, read for the customers that pass a
 * TpCustomerFilter: the customer list's filter, so that the chart shows
 * whom the list shows. The queries are those of tp-analytics (touches per
 * customer, touches before the first purchase and their channels) with the
 * filter's condition added; like them, they read the customer figures that
 * the schema's triggers keep. The chart runs them on its worker thread, on
 * a connection of its own.
 */

/* @head, the filter's condition (which binds ?1 to ?4), then @tail. */
static TpStatement *
prepare_filtered (TpDatabase              *db,
                  const char              *head,
                  const TpCustomerFilter  *filter,
                  const char              *tail,
                  GError                 **error)
{
  const char *where = filter != NULL ? tp_customer_filter_get_where (filter) : "1 = 1";
  g_autofree char *sql = g_strconcat (head, "(", where, ")", tail, NULL);
  TpStatement *stmt;

  stmt = tp_database_prepare (db, sql, error);
  if (stmt != NULL && filter != NULL)
    tp_customer_filter_bind (filter, stmt);

  return stmt;
}

static gboolean
finish (TpStatement  *stmt,
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

static gboolean
load_items (TpChartData             *data,
            TpDatabase              *db,
            const TpCustomerFilter  *filter,
            GError                 **error)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (TpChartItem));
  g_autoptr(GStringChunk) names = g_string_chunk_new (64 * 1024);
  GError *local_error = NULL;
  TpStatement *stmt;

  /* A search reads every row anyway: one pass over the table, in any
   * order, since the chart sorts for itself. */
  stmt = prepare_filtered (db,
                           "SELECT c.id, c.name, c.touch_count, c.order_count > 0,"
                           " coalesce(unixepoch(c.last_touch_at), 0)"
                           " FROM customers c WHERE ",
                           filter, "", error);
  if (stmt == NULL)
    return FALSE;

  while (tp_statement_step (stmt, &local_error))
    {
      const char *name = tp_statement_get_text (stmt, 1);
      TpChartItem item;

      item.customer_id = tp_statement_get_int64 (stmt, 0);
      item.name = g_string_chunk_insert_const (names, name != NULL ? name : "");
      item.touches = (guint) CLAMP (tp_statement_get_int64 (stmt, 2), 0, G_MAXUINT);
      item.bought = tp_statement_get_int64 (stmt, 3) != 0;
      item.last_touch_unix = tp_statement_get_int64 (stmt, 4);
      g_array_append_val (items, item);
    }

  if (!finish (stmt, local_error, error))
    return FALSE;

  tp_chart_data_set_items (data, (const TpChartItem *) (gpointer) items->data, items->len);

  return TRUE;
}

static gboolean
load_histogram (TpChartData             *data,
                TpDatabase              *db,
                const TpCustomerFilter  *filter,
                GError                 **error)
{
  g_autoptr(GArray) histogram = g_array_new (FALSE, TRUE, sizeof (guint));
  GError *local_error = NULL;
  TpStatement *stmt;

  stmt = prepare_filtered (db,
                           "SELECT (SELECT count(*) FROM touches t"
                           "         WHERE t.customer_id = c.id AND t.done = 1"
                           "           AND t.happened_at <= c.first_order_at)"
                           " FROM customers c WHERE c.order_count > 0 AND ",
                           filter, "", error);
  if (stmt == NULL)
    return FALSE;

  while (tp_statement_step (stmt, &local_error))
    {
      guint touches = (guint) CLAMP (tp_statement_get_int64 (stmt, 0), 0, G_MAXUINT - 1);

      if (touches >= histogram->len)
        g_array_set_size (histogram, touches + 1);
      g_array_index (histogram, guint, touches)++;
    }

  if (!finish (stmt, local_error, error))
    return FALSE;

  tp_chart_data_set_purchase_histogram (data, (const guint *) (gpointer) histogram->data, histogram->len);

  return TRUE;
}

static gboolean
load_channels (TpChartData             *data,
               TpDatabase              *db,
               const TpCustomerFilter  *filter,
               GError                 **error)
{
  g_autoptr(GArray) channels = g_array_new (FALSE, FALSE, sizeof (TpChartChannelCount));
  GError *local_error = NULL;
  TpStatement *stmt;

  /* CROSS JOIN keeps the buyers outside, so that only their touches are read */
  stmt = prepare_filtered (db,
                           "SELECT t.channel, count(*) FROM customers c"
                           " CROSS JOIN touches t ON t.customer_id = c.id"
                           " WHERE c.order_count > 0 AND t.done = 1"
                           "   AND t.happened_at <= c.first_order_at AND ",
                           filter, " GROUP BY t.channel", error);
  if (stmt == NULL)
    return FALSE;

  while (tp_statement_step (stmt, &local_error))
    {
      TpChartChannelCount entry;
      int channel;

      if (!tp_enum_from_nick (TP_TYPE_CHANNEL, tp_statement_get_text (stmt, 0), &channel))
        channel = TP_CHANNEL_OTHER;

      entry.channel = channel;
      entry.touches = (guint) CLAMP (tp_statement_get_int64 (stmt, 1), 0, G_MAXUINT);
      g_array_append_val (channels, entry);
    }

  if (!finish (stmt, local_error, error))
    return FALSE;

  tp_chart_data_set_channels (data, (const TpChartChannelCount *) (gpointer) channels->data, channels->len);

  return TRUE;
}

/**
 * tp_chart_figures_load:
 * @data: the chart data to fill
 * @db: the database
 * @filter: (nullable): the customers to chart, or %NULL for all
 * @figures: what to read
 * @error: return location for an error
 *
 * Reads the chart's figures for the customers that pass @filter into @data:
 * with %TP_CHART_FIGURES_ITEMS each customer's touches, whether they bought
 * and their last touch; with %TP_CHART_FIGURES_STATS how many touches came
 * before each first purchase, and through which channels. With 100,000
 * customers it takes a fraction of a second: run it on a worker thread,
 * with a connection of its own, then tp_chart_data_prepare().
 *
 * Returns: %TRUE on success; on failure @data may hold part of the figures
 */
gboolean
tp_chart_figures_load (TpChartData             *data,
                       TpDatabase              *db,
                       const TpCustomerFilter  *filter,
                       TpChartFigures           figures,
                       GError                 **error)
{
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (TP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((figures & TP_CHART_FIGURES_ITEMS) && !load_items (data, db, filter, error))
    return FALSE;

  if (figures & TP_CHART_FIGURES_STATS)
    {
      if (!load_histogram (data, db, filter, error) ||
          !load_channels (data, db, filter, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * tp_chart_figures_load_new:
 * @db: the database
 * @band: the band of usual touch counts
 * @filter: (nullable): the customers to count, or %NULL for all
 * @figures: what to read
 * @error: return location for a #GError
 *
 * Makes the chart's data with @band and reads @figures into it, as
 * tp_chart_figures_load() does; with %TP_CHART_FIGURES_ITEMS the
 * customers are also sorted in every order (tp_chart_data_prepare()).
 *
 * Returns: (transfer full) (nullable): the data, or %NULL on error
 */
TpChartData *
tp_chart_figures_load_new (TpDatabase              *db,
                           const TpChartBand       *band,
                           const TpCustomerFilter  *filter,
                           TpChartFigures           figures,
                           GError                 **error)
{
  g_autoptr(TpChartData) data = tp_chart_data_new ();

  g_return_val_if_fail (band != NULL, NULL);

  tp_chart_data_set_band (data, band->low, band->high);
  if (!tp_chart_figures_load (data, db, filter, figures, error))
    return NULL;

  if (figures & TP_CHART_FIGURES_ITEMS)
    tp_chart_data_prepare (data);

  return g_steal_pointer (&data);
}

typedef struct
{
  char             *db_path;
  TpChartBand       band;
  TpCustomerFilter *filter;  /* (nullable) */
  TpChartFigures    figures;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_free (load->db_path);
  g_clear_pointer (&load->filter, tp_customer_filter_free);
  g_free (load);
}

/* Everything that grows with the customers happens here, the sorting
 * included: the main thread only swaps a pointer. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(TpDatabase) db = NULL;
  TpChartData *data = NULL;
  GError *error = NULL;

  db = tp_database_open_full (load->db_path, TP_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL)
    data = tp_chart_figures_load_new (db, &load->band, load->filter, load->figures, &error);

  if (data != NULL)
    g_task_return_pointer (task, data, (GDestroyNotify) tp_chart_data_unref);
  else
    g_task_return_error (task, error);
}

/**
 * tp_chart_figures_load_async:
 * @db_path: the database (the worker opens its own read-only connection)
 * @band: the band of usual touch counts
 * @filter: (nullable): the customers to count, or %NULL for all
 * @figures: what to read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the figures are read
 * @user_data: data for @callback
 *
 * Runs tp_chart_figures_load_new() on a worker thread. The task holds
 * nothing of the caller's, so the worker may drop it last.
 */
void
tp_chart_figures_load_async (const char              *db_path,
                             const TpChartBand       *band,
                             const TpCustomerFilter  *filter,
                             TpChartFigures           figures,
                             GCancellable            *cancellable,
                             GAsyncReadyCallback      callback,
                             gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (band != NULL);

  load = g_new0 (Load, 1);
  load->db_path = g_strdup (db_path);
  load->band = *band;
  load->filter = filter != NULL ? tp_customer_filter_copy (filter) : NULL;
  load->figures = figures;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_chart_figures_load_async);
  g_task_set_name (task, "[touchpoint] touches chart");
  g_task_set_task_data (task, load, load_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * tp_chart_figures_load_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the data, or %NULL on error (with
 *   %G_IO_ERROR_CANCELLED once the cancellable was cancelled)
 */
TpChartData *
tp_chart_figures_load_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tp_chart_figures_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
