/* tp-customer-header.h
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
#include "tp-customer-list.h"

G_BEGIN_DECLS

#define TP_TYPE_CUSTOMER_HEADER (tp_customer_header_get_type ())

G_DECLARE_FINAL_TYPE (TpCustomerHeader, tp_customer_header, TP, CUSTOMER_HEADER, GtkWidget)

GtkWidget      *tp_customer_header_new                (TpCustomerColumns *columns);
void            tp_customer_header_read_titles        (TpCustomerHeader  *self);
GtkWidget      *tp_customer_header_get_button         (TpCustomerHeader  *self,
                                                       TpCustomerColumn   column);
TpCustomerSort  tp_customer_header_get_sort_key       (TpCustomerHeader  *self);
gboolean        tp_customer_header_get_sort_descending (TpCustomerHeader *self);
void            tp_customer_header_set_sort           (TpCustomerHeader  *self,
                                                       TpCustomerSort     sort_key,
                                                       gboolean           descending);

G_END_DECLS
