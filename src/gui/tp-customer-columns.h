/* tp-customer-columns.h
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

G_BEGIN_DECLS

/* The columns of the customer list, in the order of TpCustomerSort. */
typedef enum
{
  TP_CUSTOMER_COLUMN_NAME,
  TP_CUSTOMER_COLUMN_AUDIENCE,
  TP_CUSTOMER_COLUMN_STAGE,
  TP_CUSTOMER_COLUMN_TOUCHES,
  TP_CUSTOMER_COLUMN_LAST_TOUCH,
  TP_CUSTOMER_COLUMN_ORDERS,
  TP_CUSTOMER_COLUMN_TOTAL_SPENT,
  TP_N_CUSTOMER_COLUMNS
} TpCustomerColumn;

/* Space at each side of a cell's text. */
#define TP_CUSTOMER_CELL_PADDING 6

#define TP_TYPE_CUSTOMER_COLUMNS (tp_customer_columns_get_type ())

G_DECLARE_FINAL_TYPE (TpCustomerColumns, tp_customer_columns, TP, CUSTOMER_COLUMNS, GObject)

TpCustomerColumns *tp_customer_columns_new              (void);
gboolean           tp_customer_columns_update_metrics   (TpCustomerColumns *self,
                                                         PangoContext      *context);
void               tp_customer_columns_set_title_width  (TpCustomerColumns *self,
                                                         TpCustomerColumn   column,
                                                         int                width);
int                tp_customer_columns_get_line_height  (TpCustomerColumns *self);
int                tp_customer_columns_get_min_width    (TpCustomerColumns *self,
                                                         TpCustomerColumn   column);
int                tp_customer_columns_get_natural_width (TpCustomerColumns *self);
void               tp_customer_columns_place            (TpCustomerColumns *self,
                                                         int                width,
                                                         gboolean           rtl,
                                                         int                x[TP_N_CUSTOMER_COLUMNS],
                                                         int                widths[TP_N_CUSTOMER_COLUMNS]);
gboolean           tp_customer_column_is_numeric        (TpCustomerColumn   column);

void               tp_customer_columns_fit              (const int          min_widths[TP_N_CUSTOMER_COLUMNS],
                                                         int                width,
                                                         int                widths[TP_N_CUSTOMER_COLUMNS]);

G_END_DECLS
