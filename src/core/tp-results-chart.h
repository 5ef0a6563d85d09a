/* tp-results-chart.h
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

#include <cairo.h>

#include "tp-chart-paint.h"
#include "tp-results.h"

G_BEGIN_DECLS

typedef enum
{
  TP_RESULTS_CHART_TACTICS,    /* a bar per tactic: first purchases it was first touch for */
  TP_RESULTS_CHART_FUNNEL,     /* leads → prospects → customers → repeat, every audience */
  TP_RESULTS_CHART_SPARKLINE,  /* touches per week */
} TpResultsChartKind;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} TpResultsRect;

typedef struct
{
  char          *label;       /* what the bar is */
  char          *value_text;  /* its figure */
  TpResultsRect  label_box;   /* where the label goes */
  TpResultsRect  bar;         /* the bar; width 0 for 0 */
  TpResultsRect  value_box;   /* where the figure goes, after the bar */
} TpResultsBar;

typedef struct
{
  TpResultsChartKind  kind;
  double              width;
  double              height;
  GArray             *bars;    /* TpResultsBar, top to bottom */
  GArray             *points;  /* double pairs x, y: the sparkline, left to right */
} TpResultsChartLayout;

#define TP_RESULTS_CHART_ROW_HEIGHT       28.0
#define TP_RESULTS_CHART_SPARKLINE_HEIGHT 40.0

double                tp_results_chart_natural_height (TpResults                  *results,
                                                       TpResultsChartKind          kind);
TpResultsChartLayout *tp_results_chart_layout_new     (TpResults                  *results,
                                                       TpResultsChartKind          kind,
                                                       double                      width,
                                                       double                      height);
void                  tp_results_chart_layout_free    (TpResultsChartLayout       *layout);
void                  tp_results_chart_paint          (const TpResultsChartLayout *layout,
                                                       cairo_t                    *cr,
                                                       const TpChartColors        *colors);
char                 *tp_results_chart_describe       (TpResults                  *results,
                                                       TpResultsChartKind          kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpResultsChartLayout, tp_results_chart_layout_free)

G_END_DECLS
