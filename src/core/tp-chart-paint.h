/* tp-chart-paint.h
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

#include "tp-chart-layout.h"

G_BEGIN_DECLS

/* The same fields, in the same order, as GdkRGBA. */
typedef struct
{
  float red;
  float green;
  float blue;
  float alpha;
} TpChartColor;

/* Every colour the chart uses. The widget fills it from the style; exports
 * start from tp_chart_colors_init_light() or _dark(). */
typedef struct
{
  TpChartColor background;      /* alpha 0: leave the surface as it is */
  TpChartColor foreground;      /* names, legend, summary */
  TpChartColor dim_foreground;  /* ticks and axis titles */
  TpChartColor grid;
  TpChartColor axis;            /* the base line */
  TpChartColor band;            /* the band's shade */
  TpChartColor band_edge;       /* the band's edges and its label */
  TpChartColor bought;
  TpChartColor not_bought;
  TpChartColor in_band;         /* histogram buckets inside the band */
  TpChartColor out_of_band;
  TpChartColor channel;
  TpChartColor median;
  TpChartColor hover;           /* the column under the pointer */
  TpChartColor focus;           /* the focus ring */
} TpChartColors;

void     tp_chart_colors_init_light (TpChartColors       *colors);
void     tp_chart_colors_init_dark  (TpChartColors       *colors);

void     tp_chart_paint             (const TpChartLayout *layout,
                                     cairo_t             *cr,
                                     const TpChartColors *colors);

gboolean tp_chart_save_png          (const TpChartLayout *layout,
                                     const TpChartColors *colors,
                                     double               scale,
                                     const char          *path,
                                     GError             **error);
gboolean tp_chart_save_svg          (const TpChartLayout *layout,
                                     const TpChartColors *colors,
                                     const char          *path,
                                     GError             **error);

G_END_DECLS
