/* tp-store-customers.c
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
 * Customers in TpStore (overview in tp-store.c): read, added, saved,
 * deleted, moved to a stage, and listed as those a tactic may have
 * reached.
 */

/**
 * tp_store_get_customer:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Gets the live object of a customer: the same object every view of the
 * row holds, kept up to date by the store.
 *
 * Returns: (transfer full) (nullable): the customer, or %NULL if there is none
 */
TpCustomer *
tp_store_get_customer (TpStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return (TpCustomer *)_tp_store_dup_live (self, TP_STORE_TABLE_CUSTOMERS, id, error);
}

/**
 * tp_store_add_customer:
 * @self: a #TpStore
 * @customer: a new #TpCustomer, whose id is 0 (or an id that is free, to keep it)
 * @error: return location for a #GError
 *
 * Checks and stores @customer in one transaction. On success @customer has its
 * id and becomes the live object of the row. A value that breaks a rule
 * is refused with %TP_DATABASE_ERROR_INVALID and a message naming the
 * field.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_add_customer (TpStore     *self,
                       TpCustomer  *customer,
                       GError     **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_CUSTOMER (customer), FALSE);

  return _tp_store_save_row (self, TP_STORE_TABLE_CUSTOMERS, G_OBJECT (customer), TRUE, error);
}

/**
 * tp_store_save_customer:
 * @self: a #TpStore
 * @customer: a stored #TpCustomer with changed properties
 * @error: return location for a #GError
 *
 * Checks and writes every column of @customer in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_save_customer (TpStore     *self,
                        TpCustomer  *customer,
                        GError     **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_CUSTOMER (customer), FALSE);

  return _tp_store_save_row (self, TP_STORE_TABLE_CUSTOMERS, G_OBJECT (customer), FALSE, error);
}

/**
 * tp_store_delete_customer:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Deletes a customer in one transaction. Their touches and orders go with them (the undo puts them back).
 *
 * Returns: (transfer full) (nullable): what tp_store_undo() needs to put it
 *   back, or %NULL on error
 */
TpUndo *
tp_store_delete_customer (TpStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return _tp_store_delete_row (self, TP_STORE_TABLE_CUSTOMERS, id, error);
}

/**
 * tp_store_set_customer_stage:
 * @self: a #TpStore
 * @id: the customer
 * @stage: the new stage
 * @error: return location for a #GError
 *
 * Moves a customer to @stage in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_set_customer_stage (TpStore  *self,
                             gint64    id,
                             TpStage   stage,
                             GError  **error)
{
  g_autofree char *now = tp_store_now ();
  const char *nick;
  TpStatement *stmt;

  g_return_val_if_fail (TP_IS_STORE (self), FALSE);

  nick = tp_enum_to_nick (TP_TYPE_STAGE, stage);
  if (nick == NULL)
    return _tp_store_set_invalid (error, _("“%s” has an unknown value."), _("Stage"));

  if (!tp_database_begin (self->database, error))
    return FALSE;

  stmt = tp_database_prepare (self->database,
                              "UPDATE customers SET stage = ?2, updated_at = ?3, stage_person = ?4, "
                              "version = version + 1 "
                              "WHERE id = ?1 AND stage != ?2",
                              error);
  if (stmt == NULL)
    goto fail;

  tp_statement_bind_int64 (stmt, 1, id);
  tp_statement_bind_text (stmt, 2, nick);
  tp_statement_bind_text (stmt, 3, now);
  tp_statement_bind_text (stmt, 4, tp_store_get_person (self));
  if (!_tp_store_run_statement (stmt, error))
    goto fail;

  if (tp_database_changes (self->database) > 0)
    {
      _tp_store_record_change (self, TP_STORE_TABLE_CUSTOMERS, id, TP_STORE_CHANGE_UPDATED, NULL);
    }
  else
    {
      gboolean exists = FALSE;

      if (!_tp_store_row_exists (self, TP_STORE_TABLE_CUSTOMERS, id, &exists, error))
        goto fail;
      if (!exists)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          _tp_store_set_invalid (error,
                                 /* Translators: %s is the number of a row */
                                 _("Item %s no longer exists: it may have been deleted."),
                                 id_text);
          goto fail;
        }
    }

  return tp_database_commit (self->database, error);

fail:
  tp_database_rollback (self->database);
  return FALSE;
}

/**
 * tp_store_list_reachable_customers:
 * @self: a #TpStore
 * @audience_id: an audience, or 0 for every customer
 * @limit: at most this many
 *
 * The customers a tactic aimed at @audience_id may have reached, the ones
 * touched last first (then the newest): those a "done" can log a touch
 * with.
 *
 * Returns: (transfer full): a list of #TpCustomer
 */
GListModel *
tp_store_list_reachable_customers (TpStore *self,
                                   gint64   audience_id,
                                   guint    limit)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  /* @limit is a number, not text: nothing typed reaches the SQL */
  if (audience_id > 0)
    sql = g_strdup_printf ("SELECT id FROM customers WHERE audience_id = ?1"
                           " ORDER BY last_touch_at DESC NULLS LAST, id DESC LIMIT %u", limit);
  else
    sql = g_strdup_printf ("SELECT id FROM customers WHERE ?1 = 0"
                           " ORDER BY last_touch_at DESC NULLS LAST, id DESC LIMIT %u", limit);

  return G_LIST_MODEL (_tp_store_list_new (self, "customers", sql, MAX (audience_id, 0)));
}
