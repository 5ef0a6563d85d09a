/* tp-chart-data-private.h
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

#include "tp-chart-data.h"

G_BEGIN_DECLS

/* TpChartData's fields, which the layout reads to place a frame, and the
 * number formats the description and the labels share. */

#define N_SORTS (TP_CHART_SORT_LAST_TOUCH + 1)

typedef struct
{
  TpChartItem  item;     /* item.name points at name */
  char        *name;
  char        *collate;  /* built with the name order */
} Entry;

struct _TpChartData
{
  gatomicrefcount  ref_count;
  guint            generation;

  TpChartBand      band;

  GArray          *entries;           /* Entry */
  GHashTable      *index_by_id;       /* gint64 id → entry index + 1 */
  guint           *order[N_SORTS];    /* position → entry index, built lazily */
  guint           *inverse[N_SORTS];  /* entry index → position */
  guint            max_touches;
  guint            n_bought;
  guint            under;
  guint            inside;
  guint            over;

  guint           *histogram;
  guint            n_histogram;
  guint            n_first_purchases;

  GArray          *channels;          /* TpChartChannelCount, most touches first */
  guint            channel_total;
};

void        _tp_chart_data_ensure_order   (TpChartData       *self,
                                           TpChartSort        sort);
char       *_tp_chart_data_share_sentence (TpChartData       *self);

const char *_tp_chart_item_name           (const TpChartItem *item);
char       *_tp_chart_format_count        (guint64            n);
char       *_tp_chart_format_median       (double             median);
char       *_tp_chart_format_band         (const TpChartBand *band);

G_END_DECLS
