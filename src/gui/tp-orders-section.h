/* tp-orders-section.h
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

typedef enum
{
  TP_ORDERS_PERIOD_THIS_MONTH,
  TP_ORDERS_PERIOD_LAST_MONTH,
  TP_ORDERS_PERIOD_THIS_YEAR,
  TP_ORDERS_PERIOD_ALL,
} TpOrdersPeriod;

#define TP_TYPE_ORDERS_SECTION (tp_orders_section_get_type ())

G_DECLARE_FINAL_TYPE (TpOrdersSection, tp_orders_section, TP, ORDERS_SECTION, GtkWidget)

TpStore        *tp_orders_section_get_store      (TpOrdersSection *self);
void            tp_orders_section_set_store      (TpOrdersSection *self,
                                                  TpStore         *store);
TpOrdersPeriod  tp_orders_section_get_period     (TpOrdersSection *self);
void            tp_orders_section_set_period     (TpOrdersSection *self,
                                                  TpOrdersPeriod   period);
GListModel     *tp_orders_section_get_orders     (TpOrdersSection *self);
const char     *tp_orders_section_get_totals     (TpOrdersSection *self);
gboolean        tp_orders_section_get_counting   (TpOrdersSection *self);
GtkWindow      *tp_orders_section_add_order      (TpOrdersSection *self);

G_END_DECLS
