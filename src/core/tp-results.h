/* tp-results.h
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

#include "tp-database.h"
#include "tp-enums.h"

G_BEGIN_DECLS

/* What worked: the figures of the Results section, for one period and
 * the period before. The attribution rules are in HACKING.md. */

typedef enum
{
  TP_RESULTS_PERIOD_MONTH,    /* the calendar month that holds "now" */
  TP_RESULTS_PERIOD_QUARTER,  /* the calendar quarter that holds "now" */
  TP_RESULTS_PERIOD_YEAR,     /* the calendar year that holds "now" */
  TP_RESULTS_PERIOD_CUSTOM,   /* a start and an end given by the owner */
} TpResultsPeriod;

typedef enum
{
  TP_RESULTS_TACTIC,
  TP_RESULTS_PLACE,
  TP_RESULTS_AUDIENCE,
} TpResultsKind;

typedef struct
{
  guint  planned;         /* tactics: times the cadence asked for (active tactics) */
  guint  done;            /* tactics: entries of its log */
  guint  touches;         /* done touches */
  guint  reached;         /* people whose first touch ever was through it */
  guint  first_touch;     /* first purchases where it was the first touch */
  guint  last_touch;      /* first purchases where it was the last touch before */
  gint64 revenue_minor;   /* orders in the period of its first-touch buyers */
  double median_touches;  /* touches before purchase of its first-touch buyers */
} TpResultsFigures;

typedef struct
{
  TpResultsKind    kind;
  gint64           id;        /* 0: touches without a tactic, place or audience */
  char            *name;
  gboolean         active;    /* tactics: active now */
  TpResultsFigures current;
  TpResultsFigures previous;
} TpResultsRow;

typedef struct
{
  gint64 audience_id;         /* 0: customers without an audience */
  char  *name;
  guint  leads;               /* first reached in the period (or created, untouched) */
  guint  prospects;           /* of them, now prospect or further */
  guint  customers;           /* of them, bought at least once */
  guint  repeats;             /* of them, bought twice or more */
  double median_days;         /* first touch to first purchase, of those who bought */
  double median_touches;      /* touches up to the first purchase, of those who bought */
} TpResultsFunnel;

typedef struct
{
  char          *text;        /* one plain sentence, figures included */
  TpResultsKind  kind;
  gint64         id;          /* the row it is about; 0 for the whole business */
} TpResultsFinding;

typedef struct
{
  gint64     start;           /* Unix time (UTC), first second of the period */
  gint64     end;             /* Unix time (UTC), first second after it */
  gint64     previous_start;
  gint64     previous_end;
  char       currency[4];
  guint      new_customers;           /* first purchases in the period */
  guint      previous_new_customers;
  guint      without_touch;           /* of them, with no touch before the purchase */
  gint64     revenue_minor;           /* orders in the period of the new customers */
  gint64     previous_revenue_minor;
  guint      touches;                 /* done touches in the period */
  guint      previous_touches;
  guint      n_active_tactics;
  GArray    *tactics;                 /* TpResultsRow, the tactics' order, then "none" */
  GArray    *places;                  /* TpResultsRow */
  GArray    *audiences;               /* TpResultsRow */
  GArray    *funnels;                 /* TpResultsFunnel, one per audience with leads */
  GArray    *weekly_touches;          /* guint: done touches per week from start, up to now */
  GPtrArray *findings;                /* TpResultsFinding */
} TpResults;

void       tp_results_period_range      (TpResultsPeriod       period,
                                         GDateTime            *now,
                                         gint64               *start,
                                         gint64               *end);
void       tp_results_previous_range    (TpResultsPeriod       period,
                                         gint64                start,
                                         gint64                end,
                                         gint64               *previous_start,
                                         gint64               *previous_end);

TpResults *tp_results_compute           (TpDatabase           *db,
                                         TpResultsPeriod       period,
                                         gint64                start,
                                         gint64                end,
                                         GDateTime            *now,
                                         GError              **error);
void       tp_results_compute_async     (const char           *database_path,
                                         TpResultsPeriod       period,
                                         gint64                start,
                                         gint64                end,
                                         GDateTime            *now,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
TpResults *tp_results_compute_finish    (GAsyncResult         *result,
                                         GError              **error);
void       tp_results_free              (TpResults            *results);

const TpResultsRow *tp_results_find_row (TpResults            *results,
                                         TpResultsKind         kind,
                                         gint64                id);
char      *tp_results_to_csv            (TpResults            *results);

/* How a customer came through: their first done touch */
typedef struct
{
  gint64     touch_id;      /* 0: no done touch yet */
  char      *happened_at;   /* stored time text */
  TpChannel  channel;
  char      *tactic;        /* (nullable): its tactic's name */
  char      *place;         /* (nullable): its place's name */
} TpCameThrough;

gboolean   tp_results_came_through      (TpDatabase           *db,
                                         gint64                customer_id,
                                         TpCameThrough        *came_through,
                                         GError              **error);
void       tp_came_through_clear        (TpCameThrough        *came_through);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpResults, tp_results_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TpCameThrough, tp_came_through_clear)

G_END_DECLS
