/* tp-results-chart-view.h
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

#include "tp-results-chart.h"

G_BEGIN_DECLS

#define TP_TYPE_RESULTS_CHART_VIEW (tp_results_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (TpResultsChartView, tp_results_chart_view, TP, RESULTS_CHART_VIEW, GtkWidget)

GtkWidget  *tp_results_chart_view_new         (TpResultsChartKind   kind);
void        tp_results_chart_view_set_results (TpResultsChartView  *self,
                                               TpResults           *results);
const char *tp_results_chart_view_get_text    (TpResultsChartView  *self);

G_END_DECLS
