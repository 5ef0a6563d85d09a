/* tp-analytics.h
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

/* Settings */

#define TP_ANALYTICS_DEFAULT_BAND_LOW      5
#define TP_ANALYTICS_DEFAULT_BAND_HIGH     12
#define TP_ANALYTICS_DEFAULT_FOLLOWUP_DAYS 14
#define TP_ANALYTICS_DEFAULT_CURRENCY      "EUR"

typedef struct
{
  guint band_low;       /* "band_low": fewest touches inside the band */
  guint band_high;      /* "band_high": most touches inside the band */
  guint followup_days;  /* "followup_days": quiet days before a follow-up */
  char  currency[4];    /* "currency": ISO 4217 code, e.g. "EUR" */
} TpAnalyticsSettings;

void     tp_analytics_settings_init_defaults (TpAnalyticsSettings        *settings);
gboolean tp_analytics_settings_load          (TpAnalyticsSettings        *settings,
                                              TpDatabase                 *db,
                                              GError                    **error);

/* Touches per customer */

typedef enum
{
  TP_TOUCHES_ORDER_BY_TOUCHES,     /* most touches first, then the newest customer */
  TP_TOUCHES_ORDER_BY_NAME,        /* name (case-insensitive), then id */
  TP_TOUCHES_ORDER_BY_LAST_TOUCH,  /* latest touch first, never touched last */
} TpTouchesOrder;

typedef struct
{
  gint64    customer_id;
  char     *name;
  guint     touch_count;    /* done touches only */
  gboolean  bought;         /* at least one order that is not cancelled */
  gint64    last_touch_at;  /* Unix time (UTC); 0 when touch_count is 0 */
} TpCustomerTouches;

GArray  *tp_analytics_touches_per_customer   (TpDatabase                 *db,
                                              TpTouchesOrder              order,
                                              GError                    **error);

/* Touches before the first purchase */

typedef struct
{
  gint64 customer_id;
  guint  touches;           /* done touches at or before the first order */
} TpFirstPurchase;

typedef struct
{
  GArray *buyers;           /* TpFirstPurchase, by customer id */
  GArray *histogram;        /* guint: buyers per number of touches; index = touches */
  guint   n_buyers;
  double  median;           /* 0 when there is no buyer */
  guint   n_inside_band;
  double  share_inside_band; /* 0–1; 0 when there is no buyer */
} TpFirstPurchaseStats;

TpFirstPurchaseStats *tp_analytics_touches_before_first_purchase (TpDatabase                 *db,
                                                                  const TpAnalyticsSettings  *settings,
                                                                  GError                    **error);
void                  tp_first_purchase_stats_free               (TpFirstPurchaseStats       *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpFirstPurchaseStats, tp_first_purchase_stats_free)

/* Customers under, inside and over the band */

typedef struct
{
  guint under;
  guint inside;
  guint over;
} TpBandCounts;

gboolean tp_analytics_band_counts            (TpDatabase                 *db,
                                              const TpAnalyticsSettings  *settings,
                                              TpBandCounts               *counts,
                                              GError                    **error);

/* The follow-up queue */

typedef enum
{
  TP_FOLLOW_UP_REASON_QUIET,        /* has not bought and has gone quiet */
  TP_FOLLOW_UP_REASON_PLANNED_DUE,  /* a planned touch has come due */
} TpFollowUpReason;

typedef struct
{
  gint64            customer_id;
  char             *name;
  TpFollowUpReason  reason;
  guint             days_quiet;       /* whole days since the last done touch
                                       * (or since the customer was created) */
  guint             touch_count;
  gint64            planned_touch_id; /* 0 unless reason is PLANNED_DUE */
  gint64            due_at;           /* Unix time the follow-up came due */
} TpFollowUp;

GArray  *tp_analytics_follow_ups             (TpDatabase                 *db,
                                              const TpAnalyticsSettings  *settings,
                                              GDateTime                  *now,
                                              GError                    **error);

/* Tactic consistency */

#define TP_CONSISTENCY_N_PERIODS 8

typedef enum
{
  TP_PERIOD_STATE_MISSED,  /* nothing done */
  TP_PERIOD_STATE_PARTLY,  /* done, but fewer times than the cadence */
  TP_PERIOD_STATE_DONE,    /* done at least as often as the cadence */
  TP_PERIOD_STATE_BEFORE,  /* over before the tactic existed: nothing planned */
} TpPeriodState;

typedef struct
{
  gint64        start;    /* Unix time (UTC) of the first second */
  gint64        end;      /* Unix time (UTC) of the next period's start */
  guint         planned;  /* the cadence count; 0 before the tactic existed */
  guint         done;     /* log entries in [start, end) */
  TpPeriodState state;
} TpConsistencyPeriod;

typedef struct
{
  gint64              tactic_id;
  TpCadencePeriod     period;
  guint               cadence_count;
  /* Oldest first; the last one is the period that holds "now". */
  TpConsistencyPeriod periods[TP_CONSISTENCY_N_PERIODS];
  guint               streak;         /* fully done periods in a row, see below */
  guint               planned_total;  /* Σ planned over the periods */
  guint               done_total;     /* Σ min (done, planned) over the periods */
} TpTacticConsistency;

gboolean tp_analytics_tactic_consistency     (TpDatabase                 *db,
                                              gint64                      tactic_id,
                                              GDateTime                  *now,
                                              TpTacticConsistency        *consistency,
                                              GError                    **error);

/* Channels of the touches that preceded first purchases */

typedef struct
{
  TpChannel channel;
  guint     count;
} TpChannelCount;

GArray  *tp_analytics_first_purchase_channels (TpDatabase                *db,
                                               GError                   **error);

G_END_DECLS
