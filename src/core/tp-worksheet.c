/* tp-worksheet.c
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

#define G_LOG_DOMAIN "tp-worksheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-analytics.h"
#include "tp-core-enum-types.h"
#include "tp-results.h"
#include "tp-schema.h"
#include "tp-worksheet.h"

/*
 * TpWorksheetData is everything the printed worksheets show, copied out
 * of the database in one go, so that laying out and painting pages never
 * touches SQL and tests can build it by hand.
 */

G_STATIC_ASSERT (TP_WORKSHEET_N_PERIODS == TP_CONSISTENCY_N_PERIODS);

G_DEFINE_BOXED_TYPE (TpWorksheetData, tp_worksheet_data,
                     tp_worksheet_data_ref, tp_worksheet_data_unref)

static void
competitor_free (gpointer data)
{
  TpWorksheetCompetitor *competitor = data;

  g_free (competitor->name);
  g_free (competitor->positioning);
  g_free (competitor->strengths);
  g_free (competitor->weaknesses);
  g_free (competitor);
}

static void
place_free (gpointer data)
{
  TpWorksheetPlace *place = data;

  g_free (place->name);
  g_free (place->link);
  g_free (place->notes);
  g_free (place);
}

static void
audience_free (gpointer data)
{
  TpWorksheetAudience *audience = data;

  g_free (audience->name);
  g_free (audience->who);
  g_free (audience->looks_like);
  g_free (audience->needs);
  g_free (audience->message);
  g_ptr_array_unref (audience->places);
  g_ptr_array_unref (audience->tactics);
  g_free (audience);
}

static void
tactic_free (gpointer data)
{
  TpWorksheetTactic *tactic = data;

  g_free (tactic->name);
  g_free (tactic);
}

/**
 * tp_worksheet_data_new:
 *
 * Creates empty worksheet data: no business name, no audiences, the
 * 5–12 touch band and the current month.
 *
 * Returns: (transfer full): the new data
 */
TpWorksheetData *
tp_worksheet_data_new (void)
{
  TpWorksheetData *data = g_new0 (TpWorksheetData, 1);

  g_atomic_ref_count_init (&data->ref_count);
  data->business_name = g_strdup ("");
  data->brand_words = g_ptr_array_new_with_free_func (g_free);
  data->friends_words = g_strdup ("");
  data->positioning = g_strdup ("");
  data->differentiators = g_strdup ("");
  data->tagline = g_strdup ("");
  data->competitors = g_ptr_array_new_with_free_func (competitor_free);
  data->audiences = g_ptr_array_new_with_free_func (audience_free);
  data->tactics = g_ptr_array_new_with_free_func (tactic_free);
  data->findings = g_ptr_array_new_with_free_func (g_free);
  data->band_low = TP_ANALYTICS_DEFAULT_BAND_LOW;
  data->band_high = TP_ANALYTICS_DEFAULT_BAND_HIGH;
  data->month = g_date_time_new_now_local ();

  return data;
}

/**
 * tp_worksheet_data_ref:
 * @data: a #TpWorksheetData
 *
 * Returns: (transfer full): @data
 */
TpWorksheetData *
tp_worksheet_data_ref (TpWorksheetData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  g_atomic_ref_count_inc (&data->ref_count);

  return data;
}

/**
 * tp_worksheet_data_unref:
 * @data: (transfer full): a #TpWorksheetData
 */
void
tp_worksheet_data_unref (TpWorksheetData *data)
{
  g_return_if_fail (data != NULL);

  if (!g_atomic_ref_count_dec (&data->ref_count))
    return;

  g_free (data->business_name);
  g_ptr_array_unref (data->brand_words);
  g_free (data->friends_words);
  g_free (data->positioning);
  g_free (data->differentiators);
  g_free (data->tagline);
  g_ptr_array_unref (data->competitors);
  g_ptr_array_unref (data->audiences);
  g_ptr_array_unref (data->tactics);
  g_ptr_array_unref (data->findings);
  g_date_time_unref (data->month);
  g_free (data);
}

/**
 * tp_worksheet_data_add_competitor:
 * @data: a #TpWorksheetData
 * @name: the competitor's name
 * @positioning: (nullable): how they position themselves
 * @strengths: (nullable): what they do well
 * @weaknesses: (nullable): where they fall short
 *
 * Returns: (transfer none): the new competitor, owned by @data
 */
TpWorksheetCompetitor *
tp_worksheet_data_add_competitor (TpWorksheetData *data,
                                  const char      *name,
                                  const char      *positioning,
                                  const char      *strengths,
                                  const char      *weaknesses)
{
  TpWorksheetCompetitor *competitor;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  competitor = g_new0 (TpWorksheetCompetitor, 1);
  competitor->name = g_strdup (name);
  competitor->positioning = g_strdup (positioning != NULL ? positioning : "");
  competitor->strengths = g_strdup (strengths != NULL ? strengths : "");
  competitor->weaknesses = g_strdup (weaknesses != NULL ? weaknesses : "");
  g_ptr_array_add (data->competitors, competitor);

  return competitor;
}

/**
 * tp_worksheet_data_add_audience:
 * @data: a #TpWorksheetData
 * @id: the audience's row id
 * @name: the audience's name
 * @who: (nullable): who they are
 * @looks_like: (nullable): what they look like
 * @needs: (nullable): what they need
 * @message: (nullable): what to say to them
 * @is_primary: whether this is the primary audience
 *
 * Returns: (transfer none): the new audience, owned by @data
 */
TpWorksheetAudience *
tp_worksheet_data_add_audience (TpWorksheetData *data,
                                gint64           id,
                                const char      *name,
                                const char      *who,
                                const char      *looks_like,
                                const char      *needs,
                                const char      *message,
                                gboolean         is_primary)
{
  TpWorksheetAudience *audience;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  audience = g_new0 (TpWorksheetAudience, 1);
  audience->id = id;
  audience->name = g_strdup (name);
  audience->who = g_strdup (who != NULL ? who : "");
  audience->looks_like = g_strdup (looks_like != NULL ? looks_like : "");
  audience->needs = g_strdup (needs != NULL ? needs : "");
  audience->message = g_strdup (message != NULL ? message : "");
  audience->is_primary = !!is_primary;
  audience->places = g_ptr_array_new_with_free_func (place_free);
  audience->tactics = g_ptr_array_new ();
  g_ptr_array_add (data->audiences, audience);

  return audience;
}

/**
 * tp_worksheet_audience_add_place:
 * @audience: a #TpWorksheetAudience
 * @kind: what kind of place it is
 * @name: the place's name
 * @link: (nullable): a web address
 * @notes: (nullable): notes
 *
 * Returns: (transfer none): the new place, owned by @audience
 */
TpWorksheetPlace *
tp_worksheet_audience_add_place (TpWorksheetAudience *audience,
                                 TpPlaceKind          kind,
                                 const char          *name,
                                 const char          *link,
                                 const char          *notes)
{
  TpWorksheetPlace *place;

  g_return_val_if_fail (audience != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  place = g_new0 (TpWorksheetPlace, 1);
  place->kind = kind;
  place->name = g_strdup (name);
  place->link = g_strdup (link != NULL ? link : "");
  place->notes = g_strdup (notes != NULL ? notes : "");
  g_ptr_array_add (audience->places, place);

  return place;
}

/**
 * tp_worksheet_data_add_tactic:
 * @data: a #TpWorksheetData
 * @audience: (nullable): the audience the tactic reaches
 * @name: the tactic's name
 * @channel: the channel it uses
 * @cadence_count: how many times per period
 * @cadence_period: the period
 * @active: whether the owner is doing it now
 *
 * Adds a tactic with every period missed; set its cells and streak
 * afterwards.
 *
 * Returns: (transfer none): the new tactic, owned by @data
 */
TpWorksheetTactic *
tp_worksheet_data_add_tactic (TpWorksheetData     *data,
                              TpWorksheetAudience *audience,
                              const char          *name,
                              TpChannel            channel,
                              guint                cadence_count,
                              TpCadencePeriod      cadence_period,
                              gboolean             active)
{
  TpWorksheetTactic *tactic;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  tactic = g_new0 (TpWorksheetTactic, 1);
  tactic->name = g_strdup (name);
  tactic->channel = channel;
  tactic->cadence_count = MAX (cadence_count, 1);
  tactic->cadence_period = cadence_period;
  tactic->active = !!active;
  g_ptr_array_add (data->tactics, tactic);

  if (audience != NULL)
    g_ptr_array_add (audience->tactics, tactic);

  return tactic;
}

/**
 * tp_worksheet_data_find_audience:
 * @data: a #TpWorksheetData
 * @id: an audience's row id
 *
 * Returns: (transfer none) (nullable): the audience with @id
 */
TpWorksheetAudience *
tp_worksheet_data_find_audience (TpWorksheetData *data,
                                 gint64           id)
{
  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; i < data->audiences->len; i++)
    {
      TpWorksheetAudience *audience = g_ptr_array_index (data->audiences, i);

      if (audience->id == id)
        return audience;
    }

  return NULL;
}

/**
 * tp_worksheet_data_get_primary_audience:
 * @data: a #TpWorksheetData
 *
 * Returns: (transfer none) (nullable): the audience marked primary, or
 *   %NULL if none is
 */
TpWorksheetAudience *
tp_worksheet_data_get_primary_audience (TpWorksheetData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; i < data->audiences->len; i++)
    {
      TpWorksheetAudience *audience = g_ptr_array_index (data->audiences, i);

      if (audience->is_primary)
        return audience;
    }

  return NULL;
}

/**
 * tp_worksheet_data_count_active_tactics:
 * @data: a #TpWorksheetData
 *
 * Returns: how many tactics are active
 */
guint
tp_worksheet_data_count_active_tactics (TpWorksheetData *data)
{
  guint n = 0;

  g_return_val_if_fail (data != NULL, 0);

  for (guint i = 0; i < data->tactics->len; i++)
    {
      TpWorksheetTactic *tactic = g_ptr_array_index (data->tactics, i);

      if (tactic->active)
        n++;
    }

  return n;
}

/* Loading */

static char *
dup_text (TpStatement *stmt,
          int          column)
{
  const char *text = tp_statement_get_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static char *
format_utc (GDateTime *time)
{
  return tp_schema_format_time (time);
}

static GDateTime *
month_start (GDateTime *now)
{
  int year, month;

  g_date_time_get_ymd (now, &year, &month, NULL);

  return g_date_time_new (g_date_time_get_timezone (now), year, month, 1, 0, 0, 0);
}

static gboolean
load_brand (TpDatabase       *db,
            TpWorksheetData  *data,
            GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;

  stmt = tp_database_prepare (db,
                              "SELECT business_name, friends_words, positioning, differentiators,"
                              " tagline FROM brand WHERE id = 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  if (tp_statement_step (stmt, &local_error))
    {
      g_free (data->business_name);
      data->business_name = dup_text (stmt, 0);
      g_free (data->friends_words);
      data->friends_words = dup_text (stmt, 1);
      g_free (data->positioning);
      data->positioning = dup_text (stmt, 2);
      g_free (data->differentiators);
      data->differentiators = dup_text (stmt, 3);
      g_free (data->tagline);
      data->tagline = dup_text (stmt, 4);
    }
  tp_statement_reset (stmt);
  if (local_error != NULL)
    goto fail;

  stmt = tp_database_prepare (db, "SELECT word FROM brand_words ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  while (tp_statement_step (stmt, &local_error))
    g_ptr_array_add (data->brand_words, dup_text (stmt, 0));
  tp_statement_reset (stmt);
  if (local_error != NULL)
    goto fail;

  stmt = tp_database_prepare (db,
                              "SELECT name, positioning, strengths, weaknesses FROM competitors"
                              " ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  while (tp_statement_step (stmt, &local_error))
    tp_worksheet_data_add_competitor (data,
                                      tp_statement_get_text (stmt, 0),
                                      tp_statement_get_text (stmt, 1),
                                      tp_statement_get_text (stmt, 2),
                                      tp_statement_get_text (stmt, 3));
  tp_statement_reset (stmt);
  if (local_error != NULL)
    goto fail;

  return TRUE;

fail:
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
load_audiences (TpDatabase       *db,
                TpWorksheetData  *data,
                GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;

  stmt = tp_database_prepare (db,
                              "SELECT id, name, who, looks_like, needs, message, is_primary"
                              " FROM audiences ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  while (tp_statement_step (stmt, &local_error))
    tp_worksheet_data_add_audience (data,
                                    tp_statement_get_int64 (stmt, 0),
                                    tp_statement_get_text (stmt, 1),
                                    tp_statement_get_text (stmt, 2),
                                    tp_statement_get_text (stmt, 3),
                                    tp_statement_get_text (stmt, 4),
                                    tp_statement_get_text (stmt, 5),
                                    tp_statement_get_int64 (stmt, 6) != 0);
  tp_statement_reset (stmt);
  if (local_error != NULL)
    goto fail;

  stmt = tp_database_prepare (db,
                              "SELECT audience_id, kind, name, link, notes FROM audience_places"
                              " ORDER BY audience_id, position, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  while (tp_statement_step (stmt, &local_error))
    {
      TpWorksheetAudience *audience;
      int kind = TP_PLACE_KIND_OTHER;

      audience = tp_worksheet_data_find_audience (data, tp_statement_get_int64 (stmt, 0));
      if (audience == NULL)
        continue;

      tp_enum_from_nick (TP_TYPE_PLACE_KIND, tp_statement_get_text (stmt, 1), &kind);
      tp_worksheet_audience_add_place (audience, kind,
                                       tp_statement_get_text (stmt, 2),
                                       tp_statement_get_text (stmt, 3),
                                       tp_statement_get_text (stmt, 4));
    }
  tp_statement_reset (stmt);
  if (local_error != NULL)
    goto fail;

  return TRUE;

fail:
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
load_tactics (TpDatabase       *db,
              TpWorksheetData  *data,
              GDateTime        *now,
              GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  TpStatement *stmt;

  stmt = tp_database_prepare (db,
                              "SELECT id, name, channel, audience_id, cadence_count,"
                              " cadence_period, active FROM tactics ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  while (tp_statement_step (stmt, &local_error))
    {
      gint64 id = tp_statement_get_int64 (stmt, 0);
      int channel = TP_CHANNEL_OTHER;
      int period = TP_CADENCE_PERIOD_WEEK;
      TpWorksheetAudience *audience = NULL;

      tp_enum_from_nick (TP_TYPE_CHANNEL, tp_statement_get_text (stmt, 2), &channel);
      tp_enum_from_nick (TP_TYPE_CADENCE_PERIOD, tp_statement_get_text (stmt, 5), &period);
      if (!tp_statement_is_null (stmt, 3))
        audience = tp_worksheet_data_find_audience (data, tp_statement_get_int64 (stmt, 3));

      tp_worksheet_data_add_tactic (data, audience,
                                    tp_statement_get_text (stmt, 1),
                                    channel,
                                    CLAMP (tp_statement_get_int64 (stmt, 4), 1, G_MAXUINT),
                                    period,
                                    tp_statement_get_int64 (stmt, 6) != 0);
      g_array_append_val (ids, id);
    }
  tp_statement_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < data->tactics->len; i++)
    {
      TpWorksheetTactic *tactic = g_ptr_array_index (data->tactics, i);
      TpTacticConsistency consistency;

      if (!tp_analytics_tactic_consistency (db, g_array_index (ids, gint64, i), now,
                                            &consistency, error))
        return FALSE;

      for (guint j = 0; j < TP_WORKSHEET_N_PERIODS; j++)
        {
          switch (consistency.periods[j].state)
            {
            case TP_PERIOD_STATE_DONE:
              tactic->cells[j] = TP_WORKSHEET_CELL_DONE;
              break;

            case TP_PERIOD_STATE_PARTLY:
              tactic->cells[j] = TP_WORKSHEET_CELL_PARTLY;
              break;

            case TP_PERIOD_STATE_BEFORE:
            case TP_PERIOD_STATE_MISSED:
            default:
              tactic->cells[j] = TP_WORKSHEET_CELL_MISSED;
              break;
            }
        }
      tactic->streak = consistency.streak;
    }

  return TRUE;
}

static gboolean
load_figures (TpDatabase       *db,
              TpWorksheetData  *data,
              GDateTime        *now,
              GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) start = month_start (now);
  g_autoptr(GDateTime) end = g_date_time_add_months (start, 1);
  g_autofree char *from = format_utc (start);
  g_autofree char *to = format_utc (end);
  TpAnalyticsSettings settings;
  TpStatement *stmt;

  if (!tp_analytics_settings_load (&settings, db, error))
    return FALSE;
  data->band_low = settings.band_low;
  data->band_high = settings.band_high;

  stmt = tp_database_prepare (db,
                              "SELECT count(*) FROM touches"
                              " WHERE done = 1 AND happened_at >= ?1 AND happened_at < ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  tp_statement_bind_text (stmt, 1, from);
  tp_statement_bind_text (stmt, 2, to);
  if (tp_statement_step (stmt, &local_error))
    data->month_touches = tp_statement_get_int64 (stmt, 0);
  tp_statement_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Through the orders' time index: customers whose first order falls in
   * the month have an order in the month. */
  stmt = tp_database_prepare (db,
                              "SELECT count(DISTINCT o.customer_id) FROM orders o"
                              " JOIN customers c ON c.id = o.customer_id"
                              " WHERE o.ordered_at >= ?1 AND o.ordered_at < ?2"
                              " AND o.status != 'cancelled'"
                              " AND c.first_order_at >= ?1 AND c.first_order_at < ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  tp_statement_bind_text (stmt, 1, from);
  tp_statement_bind_text (stmt, 2, to);
  if (tp_statement_step (stmt, &local_error))
    data->month_first_purchases = tp_statement_get_int64 (stmt, 0);
  tp_statement_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* What worked in the month: the Results section's findings, so that the
 * printed plan says it too */
static gboolean
load_findings (TpDatabase       *db,
               TpWorksheetData  *data,
               GDateTime        *now,
               GError          **error)
{
  g_autoptr(TpResults) results = NULL;
  gint64 start, end;

  tp_results_period_range (TP_RESULTS_PERIOD_MONTH, now, &start, &end);
  results = tp_results_compute (db, TP_RESULTS_PERIOD_MONTH, start, end, now, error);
  if (results == NULL)
    return FALSE;

  for (guint i = 0; i < results->findings->len; i++)
    {
      const TpResultsFinding *finding = g_ptr_array_index (results->findings, i);

      g_ptr_array_add (data->findings, g_strdup (finding->text));
    }

  return TRUE;
}

/**
 * tp_worksheet_data_load:
 * @db: an open #TpDatabase
 * @now: (nullable): the time the figures are for, in the time zone whose
 *   days, weeks and months count; %NULL for now, local time
 * @error: return location for a #GError
 *
 * Reads everything the worksheets show: the brand, the competitors, the
 * audiences with their places and tactics, every tactic's consistency
 * over the last %TP_WORKSHEET_N_PERIODS periods (as
 * tp_analytics_tactic_consistency() counts it), the touch band and the
 * month's touches and first purchases. Only reads.
 *
 * Returns: (transfer full) (nullable): the data, or %NULL on error
 */
TpWorksheetData *
tp_worksheet_data_load (TpDatabase  *db,
                        GDateTime   *now,
                        GError     **error)
{
  g_autoptr(TpWorksheetData) data = NULL;
  g_autoptr(GDateTime) local_now = NULL;

  g_return_val_if_fail (TP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (now == NULL)
    now = local_now = g_date_time_new_now_local ();

  data = tp_worksheet_data_new ();
  g_date_time_unref (data->month);
  data->month = g_date_time_ref (now);

  if (!load_brand (db, data, error) ||
      !load_audiences (db, data, error) ||
      !load_tactics (db, data, now, error) ||
      !load_figures (db, data, now, error) ||
      !load_findings (db, data, now, error))
    return NULL;

  return g_steal_pointer (&data);
}

static void
load_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(TpWorksheetData) data = NULL;
  GError *error = NULL;

  db = tp_database_open_full (path, TP_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL)
    data = tp_worksheet_data_load (db, task_data, &error);

  if (data == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&data),
                           (GDestroyNotify)tp_worksheet_data_unref);
}

/**
 * tp_worksheet_data_load_async:
 * @database_path: the database file
 * @now: (nullable): as for tp_worksheet_data_load()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the data is loaded
 * @user_data: data for @callback
 *
 * Loads the worksheet data on a worker thread, with its own connection
 * to @database_path.
 */
void
tp_worksheet_data_load_async (const char          *database_path,
                              GDateTime           *now,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (database_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_worksheet_data_load_async);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (database_path), g_free);
  g_task_set_task_data (task,
                        now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local (),
                        (GDestroyNotify)g_date_time_unref);
  g_task_run_in_thread (task, load_thread_cb);
}

/**
 * tp_worksheet_data_load_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the data, or %NULL on error
 */
TpWorksheetData *
tp_worksheet_data_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Kinds and papers */

static const char * const kind_names[] = { "brand", "audience", "plan" };

/**
 * tp_worksheet_kind_to_string:
 * @kind: a #TpWorksheetKind
 *
 * Returns: the name the command line uses for @kind: brand, audience or plan
 */
const char *
tp_worksheet_kind_to_string (TpWorksheetKind kind)
{
  g_return_val_if_fail (kind <= TP_WORKSHEET_KIND_PLAN, NULL);

  return kind_names[kind];
}

/**
 * tp_worksheet_kind_from_string:
 * @string: (nullable): brand, audience or plan
 * @kind: (out): where to put the kind
 *
 * Returns: %TRUE if @string names a worksheet
 */
gboolean
tp_worksheet_kind_from_string (const char      *string,
                               TpWorksheetKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_strcmp0 (string, kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * tp_worksheet_kind_get_title:
 * @kind: a #TpWorksheetKind
 *
 * Returns: the translated title of the worksheet
 */
const char *
tp_worksheet_kind_get_title (TpWorksheetKind kind)
{
  switch (kind)
    {
    case TP_WORKSHEET_KIND_BRAND: return _("Brand Worksheet");
    case TP_WORKSHEET_KIND_AUDIENCE: return _("Audience Worksheet");
    case TP_WORKSHEET_KIND_PLAN: return _("Marketing Plan");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * tp_worksheet_paper_from_string:
 * @string: (nullable): a4 or letter
 * @paper: (out): where to put the paper
 *
 * Returns: %TRUE if @string names a paper size
 */
gboolean
tp_worksheet_paper_from_string (const char       *string,
                                TpWorksheetPaper *paper)
{
  if (string == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (string, "a4") == 0)
    *paper = TP_WORKSHEET_PAPER_A4;
  else if (g_ascii_strcasecmp (string, "letter") == 0)
    *paper = TP_WORKSHEET_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

/**
 * tp_worksheet_paper_get_size:
 * @paper: a #TpWorksheetPaper
 * @width: (out): the width in points
 * @height: (out): the height in points
 *
 * Gets the portrait size of @paper.
 */
void
tp_worksheet_paper_get_size (TpWorksheetPaper  paper,
                             double           *width,
                             double           *height)
{
  switch (paper)
    {
    case TP_WORKSHEET_PAPER_LETTER:
      *width = 612.0;
      *height = 792.0;
      break;

    case TP_WORKSHEET_PAPER_A4:
    default:
      *width = 595.2756;
      *height = 841.8898;
      break;
    }
}
