/* tp-chart-layout.h
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
#include <pango/pango.h>

#include "tp-chart-data.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} TpChartRect;

/* The colour role of a bar (and of a legend swatch). */
typedef enum
{
  TP_CHART_BAR_BOUGHT,
  TP_CHART_BAR_NOT_BOUGHT,
  TP_CHART_BAR_IN_BAND,
  TP_CHART_BAR_OUT_OF_BAND,
  TP_CHART_BAR_CHANNEL,
  TP_CHART_BAR_BAND,     /* legend swatch of the band */
  TP_CHART_BAR_MEDIAN,   /* legend swatch of the median line */
} TpChartBarKind;

typedef enum
{
  TP_CHART_BAR_FOCUSED = 1 << 0,
  TP_CHART_BAR_HOVERED = 1 << 1,
  TP_CHART_BAR_VISIBLE = 1 << 2,  /* the bar overlaps the plot area */
} TpChartBarFlags;

/* One laid-out bar. Positions are in pixels (or points) from the top left. */
typedef struct
{
  TpChartRect     rect;         /* the bar, clipped by the painter to the plot */
  TpChartRect     hit;          /* pointer target: its whole column or row, clipped */
  TpChartBarKind  kind;
  TpChartBarFlags flags;
  guint           position;     /* in the chart's order: sort position, bucket, row */
  gint64          customer_id;  /* 0 outside TP_CHART_MODE_TOUCHES */
  guint           value;        /* touches, customers or channel touches */
} TpChartBar;

typedef struct
{
  double value;
  double position;  /* y of a horizontal grid line, or x of a vertical one */
} TpChartTick;

typedef enum
{
  TP_CHART_LABEL_TICK,
  TP_CHART_LABEL_ITEM,        /* customer name, bucket, channel */
  TP_CHART_LABEL_VALUE,       /* figure at the end of a channel bar */
  TP_CHART_LABEL_AXIS_TITLE,
  TP_CHART_LABEL_LEGEND,
  TP_CHART_LABEL_BAND,
  TP_CHART_LABEL_SUMMARY,
  TP_CHART_LABEL_EMPTY_TITLE,
  TP_CHART_LABEL_EMPTY_DETAIL,
} TpChartLabelRole;

/* A label: paint @layout at (@x, @y), turned by @angle radians around that point.
 * @extents is its axis-aligned bounding box. Item labels of a scrolling chart are
 * clipped to the plot's columns. */
typedef struct
{
  PangoLayout      *layout;
  TpChartLabelRole  role;
  guint             index;   /* bar index for item and value labels, else 0 */
  double            x;
  double            y;
  double            angle;
  TpChartRect       extents;
} TpChartLabel;

typedef struct
{
  TpChartRect    swatch;
  TpChartBarKind kind;
} TpChartLegendEntry;

/* What a layout is asked for. Start from tp_chart_params_init(). */
typedef struct
{
  TpChartMode   mode;
  TpChartSort   sort;
  double        width;
  double        height;
  double        scroll_x;  /* offset of the plot into the bars, clamped */
  int           focus;     /* position of the focused bar, or -1 */
  int           hover;     /* position of the hovered bar, or -1 */
  PangoContext *context;   /* (nullable): fonts; a default one if NULL */
} TpChartParams;

/* TpChartLayout: one frame, immutable. */
typedef struct _TpChartLayout TpChartLayout;

#define TP_TYPE_CHART_LAYOUT (tp_chart_layout_get_type ())

void                tp_chart_params_init            (TpChartParams             *params,
                                                     TpChartMode                mode,
                                                     double                     width,
                                                     double                     height);

GType               tp_chart_layout_get_type        (void) G_GNUC_CONST;
TpChartLayout      *tp_chart_layout_new             (TpChartData               *data,
                                                     const TpChartParams       *params);
TpChartLayout      *tp_chart_layout_ref             (TpChartLayout             *self);
void                tp_chart_layout_unref           (TpChartLayout             *self);
const TpChartParams *tp_chart_layout_get_params     (const TpChartLayout       *self);
gboolean            tp_chart_layout_is_empty        (const TpChartLayout       *self);
const TpChartRect  *tp_chart_layout_get_plot_area   (const TpChartLayout       *self);
gboolean            tp_chart_layout_is_horizontal   (const TpChartLayout       *self);
double              tp_chart_layout_get_axis_max    (const TpChartLayout       *self);
guint               tp_chart_layout_get_n_positions (const TpChartLayout       *self);
double              tp_chart_layout_get_content_width (const TpChartLayout     *self);
double              tp_chart_layout_get_scroll_x    (const TpChartLayout       *self);
gboolean            tp_chart_layout_get_position_span (const TpChartLayout     *self,
                                                     guint                      position,
                                                     double                    *start,
                                                     double                    *end);
const TpChartBar   *tp_chart_layout_get_bars        (const TpChartLayout       *self,
                                                     guint                     *n_bars);
const TpChartTick  *tp_chart_layout_get_ticks       (const TpChartLayout       *self,
                                                     guint                     *n_ticks);
const TpChartLabel *tp_chart_layout_get_labels      (const TpChartLayout       *self,
                                                     guint                     *n_labels);
const TpChartLegendEntry *tp_chart_layout_get_legend (const TpChartLayout      *self,
                                                     guint                     *n_entries);
gboolean            tp_chart_layout_get_band        (const TpChartLayout       *self,
                                                     TpChartRect               *rect);
gboolean            tp_chart_layout_get_median      (const TpChartLayout       *self,
                                                     double                    *x);
const TpChartBar   *tp_chart_layout_hit_test        (const TpChartLayout       *self,
                                                     double                     x,
                                                     double                     y);
const TpChartBar   *tp_chart_layout_find_bar        (const TpChartLayout       *self,
                                                     guint                      position);
char               *tp_chart_layout_dup_tooltip     (const TpChartLayout       *self,
                                                     const TpChartBar          *bar);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpChartLayout, tp_chart_layout_unref)

G_END_DECLS
