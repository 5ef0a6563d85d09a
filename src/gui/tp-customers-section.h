/* tp-customers-section.h
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

#include "tp-customer-detail.h"
#include "tp-customer-list.h"
#include "tp-store.h"

G_BEGIN_DECLS

#define TP_TYPE_CUSTOMERS_SECTION (tp_customers_section_get_type ())

G_DECLARE_FINAL_TYPE (TpCustomersSection, tp_customers_section, TP, CUSTOMERS_SECTION, GtkWidget)

TpStore          *tp_customers_section_get_store       (TpCustomersSection *self);
void              tp_customers_section_set_store       (TpCustomersSection *self,
                                                        TpStore            *store);
TpCustomerList   *tp_customers_section_get_list        (TpCustomersSection *self);
TpCustomerDetail *tp_customers_section_get_detail      (TpCustomersSection *self);
gboolean          tp_customers_section_show_customer   (TpCustomersSection *self,
                                                        gint64              id);
TpCustomer       *tp_customers_section_add_customer    (TpCustomersSection *self);
void              tp_customers_section_clear_filters   (TpCustomersSection *self);
gboolean          tp_customers_section_get_detail_shown (TpCustomersSection *self);

G_END_DECLS
