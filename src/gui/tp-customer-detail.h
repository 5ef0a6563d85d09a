/* tp-customer-detail.h
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

#define TP_TYPE_CUSTOMER_DETAIL (tp_customer_detail_get_type ())

G_DECLARE_FINAL_TYPE (TpCustomerDetail, tp_customer_detail, TP, CUSTOMER_DETAIL, GtkWidget)

TpStore    *tp_customer_detail_get_store    (TpCustomerDetail *self);
void        tp_customer_detail_set_store    (TpCustomerDetail *self,
                                             TpStore          *store);
TpCustomer *tp_customer_detail_get_customer (TpCustomerDetail *self);
void        tp_customer_detail_set_customer (TpCustomerDetail *self,
                                             TpCustomer       *customer);
void        tp_customer_detail_save_now     (TpCustomerDetail *self);
void        tp_customer_detail_focus_name   (TpCustomerDetail *self);
GtkWindow  *tp_customer_detail_log_touch    (TpCustomerDetail *self);
GtkWindow  *tp_customer_detail_add_order    (TpCustomerDetail *self);
gboolean    tp_customer_detail_delete       (TpCustomerDetail *self);

G_END_DECLS
