/* tp-sales-page.h
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

#define TP_TYPE_SALES_PAGE (tp_sales_page_get_type ())

G_DECLARE_FINAL_TYPE (TpSalesPage, tp_sales_page, TP, SALES_PAGE, GtkWidget)

AdwViewStack *tp_sales_page_get_stack         (TpSalesPage *self);
TpStore      *tp_sales_page_get_store         (TpSalesPage *self);
void          tp_sales_page_set_store         (TpSalesPage *self,
                                               TpStore     *store);
gboolean      tp_sales_page_show_customer     (TpSalesPage *self,
                                               gint64       id);

G_END_DECLS
