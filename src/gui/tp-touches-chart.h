/* tp-touches-chart.h
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

#include "tp-chart-layout.h"

G_BEGIN_DECLS

#define TP_TYPE_TOUCHES_CHART (tp_touches_chart_get_type ())

G_DECLARE_FINAL_TYPE (TpTouchesChart, tp_touches_chart, TP, TOUCHES_CHART, GtkWidget)

GtkWidget           *tp_touches_chart_new                    (void);

TpChartMode          tp_touches_chart_get_mode               (TpTouchesChart            *self);
void                 tp_touches_chart_set_mode               (TpTouchesChart            *self,
                                                              TpChartMode                mode);
TpChartSort          tp_touches_chart_get_sort               (TpTouchesChart            *self);
void                 tp_touches_chart_set_sort               (TpTouchesChart            *self,
                                                              TpChartSort                sort);
guint                tp_touches_chart_get_band_low           (TpTouchesChart            *self);
guint                tp_touches_chart_get_band_high          (TpTouchesChart            *self);
void                 tp_touches_chart_set_band               (TpTouchesChart            *self,
                                                              guint                      low,
                                                              guint                      high);

void                 tp_touches_chart_set_items              (TpTouchesChart            *self,
                                                              const TpChartItem         *items,
                                                              gsize                      n_items);
void                 tp_touches_chart_update_item            (TpTouchesChart            *self,
                                                              const TpChartItem         *item);
void                 tp_touches_chart_remove_item            (TpTouchesChart            *self,
                                                              gint64                     customer_id);
void                 tp_touches_chart_set_data               (TpTouchesChart            *self,
                                                              TpChartData               *data);
const char          *tp_touches_chart_get_caption            (TpTouchesChart            *self);
void                 tp_touches_chart_set_caption            (TpTouchesChart            *self,
                                                              const char                *caption);
void                 tp_touches_chart_set_purchase_histogram (TpTouchesChart            *self,
                                                              const guint               *counts,
                                                              gsize                      n_counts);
void                 tp_touches_chart_set_channels           (TpTouchesChart            *self,
                                                              const TpChartChannelCount *channels,
                                                              gsize                      n_channels);

TpChartData         *tp_touches_chart_get_data               (TpTouchesChart            *self);
const TpChartLayout *tp_touches_chart_get_layout             (TpTouchesChart            *self);
gint64               tp_touches_chart_get_customer_at        (TpTouchesChart            *self,
                                                              double                     x,
                                                              double                     y);
int                  tp_touches_chart_get_focus_position     (TpTouchesChart            *self);
void                 tp_touches_chart_set_focus_position     (TpTouchesChart            *self,
                                                              int                        position);

gboolean             tp_touches_chart_save                   (TpTouchesChart            *self,
                                                              GFile                     *file,
                                                              GError                   **error);

G_END_DECLS
