/* tp-order-dialog.h
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

#pragma once

#include <adwaita.h>

#include "tp-store.h"

G_BEGIN_DECLS

#define TP_TYPE_ORDER_DIALOG (tp_order_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TpOrderDialog, tp_order_dialog, TP, ORDER_DIALOG, AdwWindow)

TpOrderDialog *tp_order_dialog_new          (TpStore       *store,
                                             TpCustomer    *customer,
                                             TpOrder       *order);
TpStore       *tp_order_dialog_get_store    (TpOrderDialog *self);
TpCustomer    *tp_order_dialog_get_customer (TpOrderDialog *self);
void           tp_order_dialog_set_customer (TpOrderDialog *self,
                                             TpCustomer    *customer);
TpOrder       *tp_order_dialog_get_order    (TpOrderDialog *self);
gboolean       tp_order_dialog_save         (TpOrderDialog *self);

G_END_DECLS
