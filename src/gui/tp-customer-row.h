/* tp-customer-row.h
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

#include <gtk/gtk.h>

#include "tp-customer-columns.h"
#include "tp-store.h"

G_BEGIN_DECLS

#define TP_TYPE_CUSTOMER_ROW (tp_customer_row_get_type ())

G_DECLARE_FINAL_TYPE (TpCustomerRow, tp_customer_row, TP, CUSTOMER_ROW, GtkWidget)

GtkWidget  *tp_customer_row_new      (TpCustomerColumns *columns);
void        tp_customer_row_bind     (TpCustomerRow     *self,
                                      TpStore           *store,
                                      TpCustomer        *customer);
const char *tp_customer_row_get_text (TpCustomerRow     *self,
                                      TpCustomerColumn   column);

G_END_DECLS
