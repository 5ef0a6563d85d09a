/* tp-test-records.c
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

#include "config.h"

#include "tp-test-records.h"

gint64
tp_test_add_customer (TpStore    *store,
                      const char *name,
                      const char *created_at,
                      TpStage     stage)
{
  g_autoptr(TpCustomer) customer = tp_customer_new ();
  g_autoptr(GError) error = NULL;

  tp_customer_set_name (customer, name);
  tp_record_set_created_at (TP_RECORD (customer), created_at);
  tp_customer_set_stage (customer, stage);
  g_assert_true (tp_store_add_customer (store, customer, &error));
  g_assert_no_error (error);

  return tp_record_get_id (TP_RECORD (customer));
}

gint64
tp_test_add_touch (TpStore    *store,
                   gint64      customer_id,
                   const char *happened_at,
                   TpChannel   channel,
                   gboolean    done,
                   const char *note)
{
  g_autoptr(TpTouch) touch = tp_touch_new ();
  g_autoptr(GError) error = NULL;

  tp_touch_set_customer_id (touch, customer_id);
  tp_touch_set_happened_at (touch, happened_at);
  tp_touch_set_channel (touch, channel);
  tp_touch_set_done (touch, done);
  tp_touch_set_note (touch, note);
  g_assert_true (tp_store_add_touch (store, touch, &error));
  g_assert_no_error (error);

  return tp_record_get_id (TP_RECORD (touch));
}
