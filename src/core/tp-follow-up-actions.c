/* tp-follow-up-actions.c
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

#define G_LOG_DOMAIN "tp-follow-up-actions"

#include "config.h"

#include "tp-follow-up-actions.h"
#include "tp-models.h"
#include "tp-schema.h"

/*
 * What the one click on a follow-up does: log a touch now through the
 * usual channel, or mark a planned touch done now; and taking the latter
 * back. Single-row writes on the store, for the Follow-Ups section.
 */

/* How many of a customer's latest touches to look through for a channel. */
#define CHANNEL_LOOKBACK 20

/* The channel the customer was last touched through: what "the usual"
 * means for a one-click touch; else the planned touch's, else the one
 * they came through, else email. */
static TpChannel
usual_channel (TpStore *store,
               gint64   customer_id,
               gint64   planned_touch_id)
{
  g_autoptr(GListModel) touches = tp_store_list_touches (store, customer_id);
  g_autoptr(TpCustomer) customer = NULL;
  guint n = MIN (g_list_model_get_n_items (touches), CHANNEL_LOOKBACK);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpTouch) touch = g_list_model_get_item (touches, i);

      if (tp_touch_get_done (touch))
        return tp_touch_get_channel (touch);
    }

  if (planned_touch_id > 0)
    {
      g_autoptr(TpTouch) planned = tp_store_get_touch (store, planned_touch_id, NULL);

      if (planned != NULL)
        return tp_touch_get_channel (planned);
    }

  customer = tp_store_get_customer (store, customer_id, NULL);
  if (customer != NULL && tp_customer_get_has_source_channel (customer))
    return tp_customer_get_source_channel (customer);

  return TP_CHANNEL_EMAIL;
}

static char *
dup_time_text (GDateTime *now)
{
  g_autoptr(GDateTime) utc = NULL;

  if (now == NULL)
    return NULL;

  utc = g_date_time_to_utc (now);
  return tp_schema_format_time (utc);
}

/**
 * tp_follow_up_log_touch:
 * @store: a #TpStore
 * @customer_id: the customer to follow up with
 * @planned_touch_id: the planned touch that came due, or 0
 * @now: (nullable): when it happened, or %NULL for now
 * @error: return location for a #GError
 *
 * Logs a done touch with the customer through the usual channel.
 *
 * Returns: (transfer full) (nullable): the touch logged
 */
TpTouch *
tp_follow_up_log_touch (TpStore    *store,
                        gint64      customer_id,
                        gint64      planned_touch_id,
                        GDateTime  *now,
                        GError    **error)
{
  g_autofree char *happened_at = dup_time_text (now);

  g_return_val_if_fail (TP_IS_STORE (store), NULL);

  return tp_store_log_touch (store, customer_id,
                             usual_channel (store, customer_id, planned_touch_id),
                             happened_at, NULL, error);
}

/**
 * tp_follow_up_mark_done:
 * @store: a #TpStore
 * @touch_id: a planned touch
 * @now: (nullable): when it was done, or %NULL for now
 * @planned_at: (out) (optional): when it was planned for, for
 *   tp_follow_up_unmark_done()
 * @error: return location for a #GError
 *
 * Marks the planned touch done: it happened now, which is when the owner
 * says it was done.
 *
 * Returns: (transfer full) (nullable): the touch, done
 */
TpTouch *
tp_follow_up_mark_done (TpStore     *store,
                        gint64       touch_id,
                        GDateTime   *now,
                        char       **planned_at,
                        GError     **error)
{
  g_autoptr(TpTouch) touch = NULL;
  g_autofree char *before = NULL;
  g_autofree char *now_text = dup_time_text (now);

  g_return_val_if_fail (TP_IS_STORE (store), NULL);

  touch = tp_store_get_touch (store, touch_id, error);
  if (touch == NULL)
    return NULL;

  before = g_strdup (tp_touch_get_happened_at (touch));
  if (now_text == NULL)
    now_text = tp_store_now ();

  tp_touch_set_done (touch, TRUE);
  tp_touch_set_happened_at (touch, now_text);
  if (!tp_store_save_touch (store, touch, error))
    return NULL;

  if (planned_at != NULL)
    *planned_at = g_steal_pointer (&before);

  return g_steal_pointer (&touch);
}

/**
 * tp_follow_up_unmark_done:
 * @store: a #TpStore
 * @touch_id: a touch tp_follow_up_mark_done() marked done
 * @planned_at: when it was planned for
 * @error: return location for a #GError
 *
 * Takes tp_follow_up_mark_done() back: the touch is planned again, for
 * when it was.
 *
 * Returns: whether it was saved
 */
gboolean
tp_follow_up_unmark_done (TpStore     *store,
                          gint64       touch_id,
                          const char  *planned_at,
                          GError     **error)
{
  g_autoptr(TpTouch) touch = NULL;

  g_return_val_if_fail (TP_IS_STORE (store), FALSE);

  touch = tp_store_get_touch (store, touch_id, error);
  if (touch == NULL)
    return FALSE;

  tp_touch_set_done (touch, FALSE);
  tp_touch_set_happened_at (touch, planned_at);
  return tp_store_save_touch (store, touch, error);
}
