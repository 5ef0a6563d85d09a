/* tp-chart-section.h
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

#include "tp-customer-list.h"
#include "tp-store.h"
#include "tp-touches-chart.h"

G_BEGIN_DECLS

#define TP_TYPE_CHART_SECTION (tp_chart_section_get_type ())

G_DECLARE_FINAL_TYPE (TpChartSection, tp_chart_section, TP, CHART_SECTION, GtkWidget)

TpStore        *tp_chart_section_get_store         (TpChartSection *self);
void            tp_chart_section_set_store         (TpChartSection *self,
                                                    TpStore        *store);
TpCustomerList *tp_chart_section_get_customer_list (TpChartSection *self);
void            tp_chart_section_set_customer_list (TpChartSection *self,
                                                    TpCustomerList *customer_list);
TpTouchesChart *tp_chart_section_get_chart         (TpChartSection *self);
gboolean        tp_chart_section_get_loading       (TpChartSection *self);

G_END_DECLS
