/* tp-chart-layout-private.h
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

#include "tp-chart-data-private.h"
#include "tp-chart-layout.h"

G_BEGIN_DECLS

/* TpChartLayout's fields: tp-chart-layout.c owns them, and
 * tp-chart-layout-views.c fills them for one frame. */

struct _TpChartLayout
{
  gatomicrefcount       ref_count;

  TpChartData          *data;
  guint                 generation;
  TpChartParams         params;

  PangoFontDescription *font;
  PangoFontDescription *small_font;
  PangoFontDescription *bold_font;
  double                small_line;

  gboolean              empty;
  gboolean              horizontal;
  TpChartRect           plot;
  double                axis_max;
  guint                 n_positions;
  double                pitch;
  double                lead;
  double                content_width;
  double                scroll_x;

  gboolean              has_band;
  TpChartRect           band;
  gboolean              has_median;
  double                median_x;
  guint                 histogram_cap;   /* last bucket, holding "cap or more" */
  gboolean              histogram_overflow;

  GArray               *bars;      /* TpChartBar */
  GArray               *ticks;     /* TpChartTick */
  GArray               *labels;    /* TpChartLabel */
  GArray               *legend;    /* TpChartLegendEntry */
};

void _tp_chart_layout_compute (TpChartLayout *self);

G_END_DECLS
