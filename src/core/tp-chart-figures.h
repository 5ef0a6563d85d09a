/* tp-chart-figures.h
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

#include <gio/gio.h>

#include "tp-chart-layout.h"
#include "tp-customer-list.h"
#include "tp-database.h"

G_BEGIN_DECLS

/* What tp_chart_figures_load() reads. */
typedef enum
{
  TP_CHART_FIGURES_ITEMS = 1 << 0,  /* one bar per customer */
  TP_CHART_FIGURES_STATS = 1 << 1,  /* touches before first purchases, and their channels */
} TpChartFigures;

gboolean tp_chart_figures_load (TpChartData             *data,
                                TpDatabase              *db,
                                const TpCustomerFilter  *filter,
                                TpChartFigures           figures,
                                GError                 **error);

TpChartData *tp_chart_figures_load_new    (TpDatabase              *db,
                                           const TpChartBand       *band,
                                           const TpCustomerFilter  *filter,
                                           TpChartFigures           figures,
                                           GError                 **error);
void         tp_chart_figures_load_async  (const char              *db_path,
                                           const TpChartBand       *band,
                                           const TpCustomerFilter  *filter,
                                           TpChartFigures           figures,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data);
TpChartData *tp_chart_figures_load_finish (GAsyncResult            *result,
                                           GError                 **error);

G_END_DECLS
