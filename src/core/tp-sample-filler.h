/* tp-sample-filler.h
 *
 * Copyright 2026 The Touchpoint authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tp-database.h"
#include "tp-enums.h"
#include "tp-sample.h"
#include "tp-sample-private.h"
#include "tp-schema.h"

G_BEGIN_DECLS

/* What tp-sample.c (the marketing side, the small sample, the load) and
 * tp-sample-generated.c (the large and huge crowds of customers) share */

#define MINUTE G_GINT64_CONSTANT (60)
#define HOUR   G_GINT64_CONSTANT (3600)
#define DAY    G_GINT64_CONSTANT (86400)

/* "YYYY-MM-DDTHH:MM:SSZ" and its NUL */
#define TIME_LEN (TP_SCHEMA_TIME_LENGTH + 1)

/* Formats Unix time as stored text, without a GDateTime per call: the
 * large sample formats two million of them. */
static inline void
format_time (gint64 t,
             char   out[TIME_LEN])
{
  if (!tp_schema_format_unix_time (t, out))
    g_assert_not_reached ();
}

/* The most touch rows and order rows of one generated customer */
#define MAX_ROWS   60
#define MAX_ORDERS 6

enum { AUDIENCE_ALLERGY, AUDIENCE_PREMIUM, N_AUDIENCES };
enum { TACTIC_GROUP_POST, TACTIC_NEWSLETTER, TACTIC_MARKET, N_TACTICS };

typedef struct
{
  TpChannel    channel;
  TpDirection  direction;
  const char  *note;
} SampleTouchKind;

/* An order drawn before it is written */
typedef struct
{
  gint64      at;
  gint64      fulfilled;  /* -1: not fulfilled */
  gint64      amount_minor;
  const char *status;
  gboolean    cancelled;
  char        item[64];
} SampleOrder;

#define N_TOUCH_KINDS    11
#define N_WEIGHTED_KINDS 12

extern const SampleTouchKind _tp_sample_touch_kinds[N_TOUCH_KINDS];

/* Indexes into _tp_sample_touch_kinds, weighted by how each audience is
 * reached */
extern const guint8 _tp_sample_allergy_kinds[N_WEIGHTED_KINDS];
extern const guint8 _tp_sample_premium_kinds[N_WEIGHTED_KINDS];

typedef struct
{
  TpDatabase  *db;
  GRand       *rand;
  gint64       now;
  char         currency[4];
  gint64       audience_ids[N_AUDIENCES];
  gint64       tactic_ids[N_TACTICS];
  gint64       place_ids[TP_SAMPLE_N_PLACES];
  const char  *channel_nicks[TP_CHANNEL_OTHER + 1];
  const char  *direction_nicks[TP_DIRECTION_INBOUND + 1];
  const char  *stage_nicks[TP_STAGE_LOST + 1];
  TpStatement *insert_customer;
  TpStatement *insert_touch;
  TpStatement *insert_order;
  GArray      *times;   /* gint64 scratch */
  /* A generated business is loaded (tp_database_begin_load()): no
   * trigger keeps the customer figures, so they are counted here */
  gboolean     loading;
  TpStatement *insert_results_customer;
  TpStatement *insert_results_day;
  /* The figures of the customer being filled */
  gint64       touch_count;
  gint64       last_touch_at;
  gint64       order_count;
  gint64       total_spent;
  gint64       first_order_at;  /* -1: none yet */
} Filler;

gint64   _tp_sample_random_between   (GRand        *rand,
                                      gint64        low,
                                      gint64        high);
void     _tp_sample_random_times     (Filler       *f,
                                      guint         n,
                                      gint64        low,
                                      gint64        high);
gboolean _tp_sample_insert_customer  (Filler       *f,
                                      const char   *name,
                                      const char   *email,
                                      const char   *phone,
                                      gint64        audience_id,
                                      int           source_channel,
                                      TpStage       stage,
                                      const char   *notes,
                                      gint64        created,
                                      gint64        updated,
                                      gint64       *id,
                                      GError      **error);
gboolean _tp_sample_insert_touch     (Filler       *f,
                                      gint64        customer_id,
                                      gint64        at,
                                      TpChannel     channel,
                                      TpDirection   direction,
                                      const char   *note,
                                      gint64        tactic_id,
                                      gboolean      done,
                                      gint64        logged_at,
                                      GError      **error);
gboolean _tp_sample_insert_order     (Filler       *f,
                                      gint64        customer_id,
                                      gint64        at,
                                      gboolean      cancelled,
                                      GError      **error);
void     _tp_sample_draw_order       (Filler       *f,
                                      gint64        at,
                                      gboolean      cancelled,
                                      SampleOrder  *order);
gboolean _tp_sample_write_order      (Filler             *f,
                                      gint64              customer_id,
                                      const SampleOrder  *order,
                                      GError            **error);
gint64   _tp_sample_place_for        (Filler       *f,
                                      gint64        tactic_id);
gint64   _tp_sample_tactic_for       (Filler       *f,
                                      TpChannel     channel);
TpStage  _tp_sample_stage_for        (guint         done_touches,
                                      guint         valid_orders,
                                      gboolean      lost);
gint64   _tp_sample_first_order_time (Filler       *f,
                                      gint64        created,
                                      guint         after,
                                      guint         n_done);
char    *_tp_sample_make_email       (const char   *name,
                                      guint         n);

gboolean _tp_sample_fill_generated   (Filler               *f,
                                      const TpSampleShape  *shape,
                                      GError              **error);

G_END_DECLS
