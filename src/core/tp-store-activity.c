/* tp-store-activity.c
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

#define G_LOG_DOMAIN "tp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-core-enum-types.h"
#include "tp-store-private.h"

/*
 * A customer's activity in TpStore (overview in tp-store.c): touches and
 * orders, each read, added, saved, deleted and listed; a done touch
 * logged in one call.
 */

/**
 * tp_store_get_touch:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Gets the live object of a touch: the same object every view of the
 * row holds, kept up to date by the store.
 *
 * Returns: (transfer full) (nullable): the touch, or %NULL if there is none
 */
TpTouch *
tp_store_get_touch (TpStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return (TpTouch *)_tp_store_dup_live (self, TP_STORE_TABLE_TOUCHES, id, error);
}

/**
 * tp_store_add_touch:
 * @self: a #TpStore
 * @touch: a new #TpTouch, whose id is 0 (or an id that is free, to keep it)
 * @error: return location for a #GError
 *
 * Checks and stores @touch in one transaction. On success @touch has its
 * id and becomes the live object of the row. A value that breaks a rule
 * is refused with %TP_DATABASE_ERROR_INVALID and a message naming the
 * field.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_add_touch (TpStore  *self,
                    TpTouch  *touch,
                    GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_TOUCH (touch), FALSE);

  return _tp_store_save_row (self, TP_STORE_TABLE_TOUCHES, G_OBJECT (touch), TRUE, error);
}

/**
 * tp_store_save_touch:
 * @self: a #TpStore
 * @touch: a stored #TpTouch with changed properties
 * @error: return location for a #GError
 *
 * Checks and writes every column of @touch in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_save_touch (TpStore  *self,
                     TpTouch  *touch,
                     GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_TOUCH (touch), FALSE);

  return _tp_store_save_row (self, TP_STORE_TABLE_TOUCHES, G_OBJECT (touch), FALSE, error);
}

/**
 * tp_store_delete_touch:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Deletes a touch in one transaction.
 *
 * Returns: (transfer full) (nullable): what tp_store_undo() needs to put it
 *   back, or %NULL on error
 */
TpUndo *
tp_store_delete_touch (TpStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return _tp_store_delete_row (self, TP_STORE_TABLE_TOUCHES, id, error);
}

/**
 * tp_store_log_touch:
 * @self: a #TpStore
 * @customer_id: the customer touched
 * @channel: the channel
 * @happened_at: (nullable): when, as tp_schema_parse_time() reads it;
 *   %NULL for now
 * @note: (nullable): a note
 * @error: return location for a #GError
 *
 * Logs a done, outbound touch: the most frequent action, in one call.
 *
 * Returns: (transfer full) (nullable): the new touch, or %NULL on error
 */
TpTouch *
tp_store_log_touch (TpStore     *self,
                    gint64       customer_id,
                    TpChannel    channel,
                    const char  *happened_at,
                    const char  *note,
                    GError     **error)
{
  g_autoptr(TpTouch) touch = NULL;

  g_return_val_if_fail (TP_IS_STORE (self), NULL);
  g_return_val_if_fail (customer_id >= 0, NULL);

  if (tp_enum_to_nick (TP_TYPE_CHANNEL, channel) == NULL)
    {
      _tp_store_set_invalid (error, _("“%s” has an unknown value."), _("Channel"));
      return NULL;
    }

  touch = tp_touch_new ();
  tp_touch_set_customer_id (touch, customer_id);
  tp_touch_set_channel (touch, channel);
  tp_touch_set_happened_at (touch, happened_at);
  tp_touch_set_note (touch, note);

  if (!tp_store_add_touch (self, touch, error))
    return NULL;

  return g_steal_pointer (&touch);
}

/**
 * tp_store_list_touches:
 * @self: a #TpStore
 * @customer_id: a customer
 *
 * Returns: (transfer full): a list of the #TpTouch of the customer,
 *   planned and done, newest first
 */
GListModel *
tp_store_list_touches (TpStore *self,
                       gint64   customer_id)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return G_LIST_MODEL (_tp_store_list_new (self, "touches",
                                           "SELECT id FROM touches WHERE customer_id = ?1 "
                                           "ORDER BY happened_at DESC, id DESC",
                                           customer_id));
}

/**
 * tp_store_list_latest_touches:
 * @self: a #TpStore
 * @limit: how many touches at most
 *
 * Returns: (transfer full): a list of the latest done #TpTouch across
 *   all customers, newest first
 */
GListModel *
tp_store_list_latest_touches (TpStore *self,
                              guint    limit)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return G_LIST_MODEL (_tp_store_list_new (self, "touches",
                                           "SELECT id FROM touches WHERE done = 1 "
                                           "ORDER BY happened_at DESC, id DESC LIMIT ?1",
                                           limit));
}

/**
 * tp_store_get_order:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Gets the live object of an order: the same object every view of the
 * row holds, kept up to date by the store.
 *
 * Returns: (transfer full) (nullable): the order, or %NULL if there is none
 */
TpOrder *
tp_store_get_order (TpStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return (TpOrder *)_tp_store_dup_live (self, TP_STORE_TABLE_ORDERS, id, error);
}

/**
 * tp_store_add_order:
 * @self: a #TpStore
 * @order: a new #TpOrder, whose id is 0 (or an id that is free, to keep it)
 * @error: return location for a #GError
 *
 * Checks and stores @order in one transaction. On success @order has its
 * id and becomes the live object of the row. A value that breaks a rule
 * is refused with %TP_DATABASE_ERROR_INVALID and a message naming the
 * field.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_add_order (TpStore  *self,
                    TpOrder  *order,
                    GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_ORDER (order), FALSE);

  return _tp_store_save_row (self, TP_STORE_TABLE_ORDERS, G_OBJECT (order), TRUE, error);
}

/**
 * tp_store_save_order:
 * @self: a #TpStore
 * @order: a stored #TpOrder with changed properties
 * @error: return location for a #GError
 *
 * Checks and writes every column of @order in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_save_order (TpStore  *self,
                     TpOrder  *order,
                     GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_ORDER (order), FALSE);

  return _tp_store_save_row (self, TP_STORE_TABLE_ORDERS, G_OBJECT (order), FALSE, error);
}

/**
 * tp_store_delete_order:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Deletes an order in one transaction.
 *
 * Returns: (transfer full) (nullable): what tp_store_undo() needs to put it
 *   back, or %NULL on error
 */
TpUndo *
tp_store_delete_order (TpStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return _tp_store_delete_row (self, TP_STORE_TABLE_ORDERS, id, error);
}

/**
 * tp_store_list_orders:
 * @self: a #TpStore
 * @customer_id: a customer, or 0 for every order
 *
 * Returns: (transfer full): a list of #TpOrder, newest first
 */
GListModel *
tp_store_list_orders (TpStore *self,
                      gint64   customer_id)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  if (customer_id == 0)
    return G_LIST_MODEL (_tp_store_list_new (self, "orders",
                                             "SELECT id FROM orders "
                                             "ORDER BY ordered_at DESC, id DESC", 0));

  return G_LIST_MODEL (_tp_store_list_new (self, "orders",
                                           "SELECT id FROM orders WHERE customer_id = ?1 "
                                           "ORDER BY ordered_at DESC, id DESC",
                                           customer_id));
}
