/* tp-sample-generated.c
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

#define G_LOG_DOMAIN "tp-sample"

#include "config.h"

#include <string.h>

#include "tp-sample-filler.h"

/*
 * The generated crowd of customers of the large and huge samples (and of
 * the tests' smaller shapes): how many touch and order rows each
 * customer gets (make_plans()), then the rows themselves, customer by
 * customer (_tp_sample_fill_generated()). tp-sample.c describes the load.
 */

/* Names for the large sample */
static const char * const first_names[] = {
  "Anna", "Ben", "Carla", "David", "Elif", "Felix", "Greta", "Hugo", "Ines", "Jonas",
  "Kira", "Liam", "Marta", "Nico", "Olga", "Pablo", "Rania", "Simon", "Tara", "Umar",
  "Vera", "Wim", "Yara", "Zeynep", "Aiko", "Bruno", "Chiara", "Dmitri", "Eva", "Farah",
  "Gustav", "Hana", "Ivan", "Julia", "Kofi", "Lucia", "Malik", "Nina", "Omar", "Priya",
  "Quentin", "Rosa", "Stefan", "Theresa", "Ulla", "Viktor", "Wendy", "Xavier",
};

static const char * const last_names[] = {
  "Albrecht", "Bauer", "Costa", "Dahl", "Eriksen", "Fontaine", "Gruber", "Hansen",
  "Ibrahim", "Jovanović", "Keller", "Lambert", "Moreau", "Nakamura", "Olsen", "Peters",
  "Quinn", "Rahman", "Santos", "Tanaka", "Ulrich", "Vogel", "Walsh", "Yilmaz", "Zimmer",
  "Brennan", "Carvalho", "De Vries", "Engel", "Fischer", "Gallo", "Horvat", "Ivanova",
  "Jensen", "Kaur", "Lindgren", "Meier", "Novak", "O'Brien", "Pereira", "Richter",
  "Schultz", "Torres", "Varga", "Weiss", "Young", "Zhang", "Acker",
};

typedef struct
{
  guint16 rows;    /* touch rows, planned one included */
  guint8  orders;  /* order rows, cancelled ones included */
} Plan;

static guint
draw_touch_rows (GRand *rand)
{
  double r = g_rand_double (rand);

  /* Many under the band, many inside, some over: mean about 10 */
  if (r < 0.38)
    return g_rand_int_range (rand, 0, 5);
  if (r < 0.82)
    return g_rand_int_range (rand, 5, 13);
  return g_rand_int_range (rand, 13, 49);
}

static double
buy_weight (guint rows)
{
  if (rows == 0)
    return 0.0;
  if (rows < 3)
    return 0.03;
  if (rows < 5)
    return 0.10;
  if (rows <= 12)
    return 0.30;
  return 0.35;
}

/* Picks a random index in [1, n) whose plan passes @accept, or 0 */
static guint
pick (GRand       *rand,
      const Plan  *plans,
      guint        n,
      gboolean   (*accept) (const Plan *plan))
{
  guint start;

  if (n < 2)
    return 0;

  for (guint tries = 0; tries < 64; tries++)
    {
      guint i = g_rand_int_range (rand, 1, n);

      if (accept (&plans[i]))
        return i;
    }

  start = g_rand_int_range (rand, 1, n);
  for (guint k = 0; k < n - 1; k++)
    {
      guint i = 1 + (start - 1 + k) % (n - 1);

      if (accept (&plans[i]))
        return i;
    }

  return 0;
}

static gboolean
can_grow_rows (const Plan *plan)
{
  return plan->rows >= 13 && plan->rows < MAX_ROWS;
}

static gboolean
can_grow_rows_any (const Plan *plan)
{
  return plan->rows < MAX_ROWS;
}

static gboolean
can_shrink_rows (const Plan *plan)
{
  return plan->rows > 13;
}

static gboolean
can_shrink_rows_any (const Plan *plan)
{
  return plan->rows > 0;
}

static gboolean
can_repeat (const Plan *plan)
{
  return plan->orders > 0 && plan->orders < MAX_ORDERS;
}

static gboolean
can_first_buy (const Plan *plan)
{
  return plan->orders == 0;
}

static gboolean
is_single_buyer (const Plan *plan)
{
  return plan->orders == 1;
}

static gboolean
is_buyer (const Plan *plan)
{
  return plan->orders > 0;
}

static Plan *
make_plans (GRand               *rand,
            const TpSampleShape *shape)
{
  g_autofree Plan *plans = g_new0 (Plan, shape->n_customers);
  guint n = shape->n_customers;
  gint64 rows = 0, orders = 0, target_rows, target_orders;
  double weights = 0.0, scale;

  /* Customer 1 (index 0) is the benchmark customer */
  plans[0].rows = shape->benchmark_touches;
  plans[0].orders = MIN (shape->n_orders, 3);

  for (guint i = 1; i < n; i++)
    {
      plans[i].rows = draw_touch_rows (rand);
      rows += plans[i].rows;
      weights += buy_weight (plans[i].rows);
    }

  /* Exactly n_touches rows in all */
  target_rows = (gint64) shape->n_touches - shape->benchmark_touches;
  while (rows != target_rows)
    {
      guint i;

      if (rows < target_rows)
        {
          i = pick (rand, plans, n, can_grow_rows);
          if (i == 0)
            i = pick (rand, plans, n, can_grow_rows_any);
          if (i == 0)
            break;
          plans[i].rows++;
          rows++;
        }
      else
        {
          i = pick (rand, plans, n, can_shrink_rows);
          if (i == 0)
            i = pick (rand, plans, n, can_shrink_rows_any);
          if (i == 0)
            break;
          plans[i].rows--;
          rows--;
        }
    }

  g_assert (rows == target_rows);

  /* About four in five orders are first purchases, the rest repeats */
  target_orders = (gint64) shape->n_orders - plans[0].orders;
  scale = weights > 0.0 ? 0.82 * target_orders / weights : 0.0;
  for (guint i = 1; i < n; i++)
    {
      if (g_rand_double (rand) < MIN (0.95, buy_weight (plans[i].rows) * scale))
        {
          plans[i].orders = 1;
          orders++;
        }
    }

  while (orders != target_orders)
    {
      guint i;

      if (orders < target_orders)
        {
          i = pick (rand, plans, n, can_repeat);
          if (i == 0)
            i = pick (rand, plans, n, can_first_buy);
          if (i == 0)
            break;
          plans[i].orders++;
          orders++;
        }
      else
        {
          i = pick (rand, plans, n, is_single_buyer);
          if (i == 0)
            i = pick (rand, plans, n, is_buyer);
          if (i == 0)
            break;
          plans[i].orders--;
          orders--;
        }
    }

  g_assert (orders == target_orders);

  return g_steal_pointer (&plans);
}

/* What Results reads (results_customers, results_days) is what the
 * triggers of schema step 5 keep, and what
 * _tp_migrations_results_rebuild() works out again from the rows; a
 * generated business counts it here as its rows go in, which is a
 * quarter of the time of working it out again at the end
 * (/touchpoint/sample/medium compares the two). */

typedef struct
{
  gint64    id;
  gint64    at;
  gint64    tactic_id;  /* 0: none */
  gint64    place_id;   /* 0: none */
  TpChannel channel;
} SampleResultsTouch;

/* One customer's row of results_customers, from its done touches in the
 * order of their time (and id), and its first order that counts */
typedef struct
{
  SampleResultsTouch first_touch;  /* id 0: no done touch */
  SampleResultsTouch last_touch;   /* the last at or before the first order; id 0: none */
  gint64             first_order_id;
  gint64             touches_before_order;
} SampleResults;

/* One day's touches of one tactic, place and audience */
typedef struct
{
  gint64 key;  /* first: g_int64_hash() reads it */
  gint64 n_touches;
} SampleResultsDay;

#define DAY_KEY(day, tactic, place, audience) \
  (((day) << 24) | ((tactic) << 16) | ((place) << 8) | (audience))

static void
count_results_touch (GHashTable               *days,
                     SampleResults            *results,
                     const SampleResultsTouch *touch,
                     gint64                    audience_id,
                     gint64                    first_order_at)
{
  gint64 key;
  SampleResultsDay *day;

  if (results->first_touch.id == 0)
    results->first_touch = *touch;
  if (first_order_at >= 0 && touch->at <= first_order_at)
    {
      results->touches_before_order++;
      results->last_touch = *touch;
    }

  /* The sample's ids are small: each fits in its byte of the key */
  g_assert (touch->tactic_id < 256 && touch->place_id < 256 && audience_id < 256);
  key = DAY_KEY (touch->at / DAY, touch->tactic_id, touch->place_id, audience_id);
  day = g_hash_table_lookup (days, &key);
  if (day == NULL)
    {
      day = g_new0 (SampleResultsDay, 1);
      day->key = key;
      g_hash_table_add (days, day);
    }
  day->n_touches++;
}

static void
bind_id_or_null (TpStatement *stmt,
                 int          column,
                 gint64       id)
{
  if (id > 0)
    tp_statement_bind_int64 (stmt, column, id);
  else
    tp_statement_bind_null (stmt, column);
}

static gboolean
write_results_customer (Filler               *f,
                        gint64                customer_id,
                        gint64                audience_id,
                        TpStage               stage,
                        const SampleResults  *results,
                        GError              **error)
{
  TpStatement *stmt = f->insert_results_customer;
  const SampleResultsTouch *first = &results->first_touch;
  const SampleResultsTouch *last = &results->last_touch;
  char first_touch_text[TIME_LEN];
  char first_order_text[TIME_LEN];
  char last_touch_text[TIME_LEN];
  g_autoptr(GError) local_error = NULL;

  tp_statement_bind_int64 (stmt, 1, customer_id);
  bind_id_or_null (stmt, 2, audience_id);
  tp_statement_bind_text (stmt, 3, f->stage_nicks[stage]);
  tp_statement_bind_int64 (stmt, 4, f->order_count);
  bind_id_or_null (stmt, 5, first->id);
  if (first->id > 0)
    {
      format_time (first->at, first_touch_text);
      tp_statement_bind_text (stmt, 6, first_touch_text);
      tp_statement_bind_text (stmt, 9, f->channel_nicks[first->channel]);
    }
  else
    {
      tp_statement_bind_null (stmt, 6);
      tp_statement_bind_null (stmt, 9);
    }
  bind_id_or_null (stmt, 7, first->tactic_id);
  bind_id_or_null (stmt, 8, first->place_id);
  bind_id_or_null (stmt, 10, results->first_order_id);
  if (results->first_order_id > 0)
    {
      format_time (f->first_order_at, first_order_text);
      tp_statement_bind_text (stmt, 11, first_order_text);
    }
  else
    tp_statement_bind_null (stmt, 11);
  tp_statement_bind_int64 (stmt, 12, results->touches_before_order);
  bind_id_or_null (stmt, 13, last->id);
  if (last->id > 0)
    {
      format_time (last->at, last_touch_text);
      tp_statement_bind_text (stmt, 14, last_touch_text);
    }
  else
    tp_statement_bind_null (stmt, 14);
  bind_id_or_null (stmt, 15, last->tactic_id);
  bind_id_or_null (stmt, 16, last->place_id);

  tp_statement_step (stmt, &local_error);
  tp_statement_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_results_days (Filler      *f,
                    GHashTable  *days,
                    GError     **error)
{
  TpStatement *stmt = f->insert_results_day;
  GHashTableIter iter;
  SampleResultsDay *day;

  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, (gpointer *) &day, NULL))
    {
      g_autoptr(GError) local_error = NULL;
      char text[TIME_LEN];

      format_time ((day->key >> 24) * DAY, text);
      text[10] = '\0';  /* the day: YYYY-MM-DD */
      tp_statement_bind_text (stmt, 1, text);
      tp_statement_bind_int64 (stmt, 2, (day->key >> 16) & 0xff);
      tp_statement_bind_int64 (stmt, 3, (day->key >> 8) & 0xff);
      tp_statement_bind_int64 (stmt, 4, day->key & 0xff);
      tp_statement_bind_int64 (stmt, 5, day->n_touches);
      tp_statement_step (stmt, &local_error);
      tp_statement_reset (stmt);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_tp_sample_fill_generated (Filler               *f,
                           const TpSampleShape  *shape,
                           GError              **error)
{
  static const char * const done_notes[] = { "", "", "", "", "Asked about ingredients", "Sample bag" };
  g_autofree Plan *plans = NULL;
  g_auto(GStrv) first_ascii = g_new0 (char *, G_N_ELEMENTS (first_names) + 1);
  g_auto(GStrv) last_ascii = g_new0 (char *, G_N_ELEMENTS (last_names) + 1);
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (guint8));
  g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (const char *));
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_assert (f->loading);

  plans = make_plans (f->rand, shape);

  /* Lower-case ASCII name parts for the e-mail addresses */
  for (guint i = 0; i < G_N_ELEMENTS (first_names); i++)
    first_ascii[i] = _tp_sample_make_email (first_names[i], 0);
  for (guint i = 0; i < G_N_ELEMENTS (last_names); i++)
    last_ascii[i] = _tp_sample_make_email (last_names[i], 0);
  for (guint i = 0; i < G_N_ELEMENTS (first_names); i++)
    *strchr (first_ascii[i], '@') = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (last_names); i++)
    *strchr (last_ascii[i], '@') = '\0';

  for (guint i = 0; i < shape->n_customers; i++)
    {
      const Plan *plan = &plans[i];
      gboolean benchmark = i == 0;
      gboolean planned = !benchmark && plan->rows >= 2 && g_rand_int_range (f->rand, 0, 25) == 0;
      guint n_done = plan->rows - (planned ? 1 : 0);
      guint audience = g_rand_int_range (f->rand, 0, 100) < 70 ? AUDIENCE_ALLERGY : AUDIENCE_PREMIUM;
      const guint8 *weighted = audience == AUDIENCE_ALLERGY ? _tp_sample_allergy_kinds : _tp_sample_premium_kinds;
      guint n_weighted = audience == AUDIENCE_ALLERGY ? G_N_ELEMENTS (_tp_sample_allergy_kinds)
                                                      : G_N_ELEMENTS (_tp_sample_premium_kinds);
      guint first = g_rand_int_range (f->rand, 0, G_N_ELEMENTS (first_names));
      guint last = g_rand_int_range (f->rand, 0, G_N_ELEMENTS (last_names));
      gboolean cancelled[MAX_ORDERS];
      guint valid_orders = 0;
      guint buy_after = 0;
      gboolean lost, no_audience;
      gint64 created, last_activity, customer_id, order_at, audience_id;
      gint64 planned_at = 0, planned_logged = 0;
      SampleOrder orders[MAX_ORDERS];
      SampleResults results;
      TpStage stage;
      char name[96];
      char email[128];

      if (benchmark)
        {
          created = f->now - 540 * DAY;
          last_activity = f->now - HOUR;
          g_strlcpy (name, TP_SAMPLE_BENCHMARK_CUSTOMER_NAME, sizeof name);
          g_strlcpy (email, "benchmark@example.com", sizeof email);
        }
      else
        {
          created = f->now - _tp_sample_random_between (f->rand, DAY, 540 * DAY);
          last_activity = f->now - _tp_sample_random_between (f->rand, 0, MIN (f->now - created, 120 * DAY));
          g_snprintf (name, sizeof name, "%s %s", first_names[first], last_names[last]);
          g_snprintf (email, sizeof email, "%s.%s.%u@example.com",
                      first_ascii[first], last_ascii[last], i + 1);
        }

      _tp_sample_random_times (f, n_done, created + MINUTE, last_activity);
      g_array_set_size (kinds, n_done);
      for (guint t = 0; t < n_done; t++)
        g_array_index (kinds, guint8, t) = weighted[g_rand_int_range (f->rand, 0, n_weighted)];

      g_assert (plan->orders <= MAX_ORDERS);
      for (guint o = 0; o < plan->orders; o++)
        {
          cancelled[o] = g_rand_int_range (f->rand, 0, 33) == 0;
          valid_orders += cancelled[o] ? 0 : 1;
        }

      if (plan->orders > 0 && n_done > 0)
        {
          guint draw = g_rand_int_range (f->rand, 5, 13);

          if (g_rand_double (f->rand) < 0.75)
            buy_after = MIN (draw, n_done);
          else
            buy_after = g_rand_int_range (f->rand, 1, n_done + 1);
        }

      no_audience = g_rand_int_range (f->rand, 0, 20) == 0;
      lost = g_rand_int_range (f->rand, 0, 20) == 0 && !benchmark && n_done >= 3;

      /* Everything is drawn before the rows are written, so that the
       * customer goes in with its figures, and in the order the draws
       * were always made, so that the business stays the same */
      g_array_set_size (notes, n_done);
      for (guint t = 0; t < n_done; t++)
        g_array_index (notes, const char *, t) =
          done_notes[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (done_notes))];

      if (planned)
        {
          planned_logged = g_array_index (f->times, gint64, n_done - 1);
          planned_at = f->now + _tp_sample_random_between (f->rand, -5 * DAY, 20 * DAY);
          planned_at = MAX (planned_at, planned_logged + HOUR);
        }

      f->touch_count = n_done;
      f->last_touch_at = n_done > 0 ? g_array_index (f->times, gint64, n_done - 1) : 0;
      f->order_count = 0;
      f->total_spent = 0;
      f->first_order_at = -1;
      if (plan->orders > 0)
        {
          order_at = _tp_sample_first_order_time (f, created, buy_after, n_done);
          for (guint o = 0; o < plan->orders; o++)
            {
              if (o > 0)
                order_at = _tp_sample_random_between (f->rand, order_at + HOUR,
                                                      MAX (order_at + HOUR, f->now - HOUR));
              _tp_sample_draw_order (f, MIN (order_at, f->now - MINUTE), cancelled[o], &orders[o]);
            }
        }

      audience_id = no_audience ? 0 : f->audience_ids[audience];
      stage = _tp_sample_stage_for (n_done, valid_orders, lost);
      if (!_tp_sample_insert_customer (f, name, email, "", audience_id,
                                       n_done > 0 ? (int) _tp_sample_touch_kinds[g_array_index (kinds, guint8, 0)].channel : -1,
                                       stage, "", created,
                                       n_done > 0 ? g_array_index (f->times, gint64, n_done - 1) : created,
                                       &customer_id, error))
        return FALSE;

      memset (&results, 0, sizeof results);
      for (guint t = 0; t < n_done; t++)
        {
          const SampleTouchKind *kind = &_tp_sample_touch_kinds[g_array_index (kinds, guint8, t)];
          gint64 at = g_array_index (f->times, gint64, t);
          gint64 tactic_id = kind->direction == TP_DIRECTION_OUTBOUND && (t & 1) == 0
                             ? _tp_sample_tactic_for (f, kind->channel) : 0;
          gint64 place_id = tactic_id > 0 ? _tp_sample_place_for (f, tactic_id) : 0;
          SampleResultsTouch touch;

          if (!_tp_sample_insert_touch (f, customer_id, at, kind->channel, kind->direction,
                                        g_array_index (notes, const char *, t), tactic_id, TRUE,
                                        0, error))
            return FALSE;

          touch.id = tp_database_last_insert_id (f->db);
          touch.at = at;
          touch.tactic_id = tactic_id;
          touch.place_id = place_id;
          touch.channel = kind->channel;
          count_results_touch (days, &results, &touch, audience_id, f->first_order_at);
        }

      if (planned &&
          !_tp_sample_insert_touch (f, customer_id, planned_at, TP_CHANNEL_CALL,
                                    TP_DIRECTION_OUTBOUND, "Follow-up call", 0, FALSE,
                                    planned_logged, error))
        return FALSE;

      for (guint o = 0; o < plan->orders; o++)
        {
          if (!_tp_sample_write_order (f, customer_id, &orders[o], error))
            return FALSE;
          if (!orders[o].cancelled && orders[o].at == f->first_order_at && results.first_order_id == 0)
            results.first_order_id = tp_database_last_insert_id (f->db);
        }

      if ((f->touch_count > 0 || f->order_count > 0) &&
          !write_results_customer (f, customer_id, audience_id, stage, &results, error))
        return FALSE;
    }

  return write_results_days (f, days, error);
}
