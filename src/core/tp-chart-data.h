/* tp-chart-data.h
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

#include <glib-object.h>

#include "tp-enums.h"

G_BEGIN_DECLS

/* What the touches chart shows. */
typedef enum
{
  TP_CHART_MODE_TOUCHES,          /* one bar per customer */
  TP_CHART_MODE_BEFORE_PURCHASE,  /* histogram of touches before the first order */
  TP_CHART_MODE_CHANNELS,         /* channels of the touches before first orders */
} TpChartMode;

/* Order of the customers' bars in TP_CHART_MODE_TOUCHES. */
typedef enum
{
  TP_CHART_SORT_TOUCHES,     /* most touches first */
  TP_CHART_SORT_NAME,        /* A to Z, in the user's collation */
  TP_CHART_SORT_LAST_TOUCH,  /* most recent touch first */
} TpChartSort;

const char *tp_chart_mode_get_label (TpChartMode mode);
const char *tp_chart_sort_get_label (TpChartSort sort);

/* Input: one customer. Strings are copied by the setters. */
typedef struct
{
  gint64      customer_id;
  const char *name;
  guint       touches;
  gboolean    bought;
  gint64      last_touch_unix;  /* 0 when there is no touch yet */
} TpChartItem;

/* Input: how many touches before first purchases came through a channel. */
typedef struct
{
  TpChannel channel;
  guint     touches;
} TpChartChannelCount;

/* The recommended number of touches, both ends included (5–12). */
typedef struct
{
  guint low;
  guint high;
} TpChartBand;

/* TpChartData: the chart's prepared input, shared by the layouts of every frame. */
typedef struct _TpChartData TpChartData;

#define TP_TYPE_CHART_DATA   (tp_chart_data_get_type ())

GType               tp_chart_data_get_type          (void) G_GNUC_CONST;
TpChartData        *tp_chart_data_new               (void);
TpChartData        *tp_chart_data_ref               (TpChartData               *self);
void                tp_chart_data_unref             (TpChartData               *self);
void                tp_chart_data_set_band          (TpChartData               *self,
                                                     guint                      low,
                                                     guint                      high);
TpChartBand         tp_chart_data_get_band          (TpChartData               *self);
void                tp_chart_data_set_items         (TpChartData               *self,
                                                     const TpChartItem         *items,
                                                     gsize                      n_items);
void                tp_chart_data_update_item       (TpChartData               *self,
                                                     const TpChartItem         *item);
gboolean            tp_chart_data_remove_item       (TpChartData               *self,
                                                     gint64                     customer_id);
void                tp_chart_data_prepare           (TpChartData               *self);
gboolean            tp_chart_data_is_prepared       (TpChartData               *self);
void                tp_chart_data_set_purchase_histogram (TpChartData          *self,
                                                     const guint               *counts,
                                                     gsize                      n_counts);
void                tp_chart_data_set_channels      (TpChartData               *self,
                                                     const TpChartChannelCount *channels,
                                                     gsize                      n_channels);
const guint        *tp_chart_data_get_purchase_histogram (TpChartData          *self,
                                                     gsize                     *n_counts);
const TpChartChannelCount *tp_chart_data_get_channels (TpChartData             *self,
                                                     gsize                     *n_channels);
guint               tp_chart_data_get_n_items       (TpChartData               *self);
const TpChartItem  *tp_chart_data_get_item          (TpChartData               *self,
                                                     TpChartSort                sort,
                                                     guint                      position);
int                 tp_chart_data_find_item         (TpChartData               *self,
                                                     TpChartSort                sort,
                                                     gint64                     customer_id);
void                tp_chart_data_count_band        (TpChartData               *self,
                                                     guint                     *under,
                                                     guint                     *inside,
                                                     guint                     *over);
guint               tp_chart_data_get_n_first_purchases (TpChartData           *self);
gboolean            tp_chart_data_get_purchase_median (TpChartData             *self,
                                                     double                    *median);
guint               tp_chart_data_get_purchase_band_percent (TpChartData       *self);
char               *tp_chart_data_describe          (TpChartData               *self,
                                                     TpChartMode                mode);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpChartData, tp_chart_data_unref)

G_END_DECLS
