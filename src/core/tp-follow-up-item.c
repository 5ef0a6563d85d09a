/* tp-follow-up-item.c
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

#define G_LOG_DOMAIN "tp-follow-up-item"

#include "config.h"

#include "tp-follow-up-item-private.h"

/*
 * One entry of the follow-up queue: who, why (gone quiet, or a planned
 * touch that came due), since when, and what identifies it for the
 * notifications. Immutable: a load that finds it changed makes a new one.
 */

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

struct _TpFollowUpItem
{
  GObject   parent_instance;

  gint64    customer_id;
  char     *name;
  gboolean  planned;
  gint64    planned_touch_id;
  guint     days_quiet;
  guint     touch_count;
  gint64    due_at;
  gint64    quiet_since;  /* the last done touch, or when the customer was added */
  char     *planned_detail;
};

G_DEFINE_FINAL_TYPE (TpFollowUpItem, tp_follow_up_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_CUSTOMER_ID,
  ITEM_PROP_NAME,
  ITEM_PROP_PLANNED,
  ITEM_PROP_PLANNED_TOUCH_ID,
  ITEM_PROP_PLANNED_DETAIL,
  ITEM_PROP_DAYS_QUIET,
  ITEM_PROP_TOUCH_COUNT,
  ITEM_PROP_DUE_AT,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

/* @planned_detail: (nullable): what a planned touch is, see
 * tp_follow_up_item_get_planned_detail() */
TpFollowUpItem *
_tp_follow_up_item_new (const TpFollowUp *entry,
                        guint             followup_days,
                        const char       *planned_detail)
{
  TpFollowUpItem *self = g_object_new (TP_TYPE_FOLLOW_UP_ITEM, NULL);

  self->customer_id = entry->customer_id;
  self->name = g_strdup (entry->name);
  self->planned = entry->reason == TP_FOLLOW_UP_REASON_PLANNED_DUE;
  self->planned_touch_id = entry->planned_touch_id;
  self->days_quiet = entry->days_quiet;
  self->touch_count = entry->touch_count;
  self->due_at = entry->due_at;
  self->quiet_since = self->planned ? 0 : entry->due_at - followup_days * SECONDS_PER_DAY;
  self->planned_detail = g_strdup (planned_detail);

  return self;
}

gint64
tp_follow_up_item_get_customer_id (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), 0);

  return self->customer_id;
}

const char *
tp_follow_up_item_get_name (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), NULL);

  return self->name;
}

gboolean
tp_follow_up_item_get_planned (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), FALSE);

  return self->planned;
}

gint64
tp_follow_up_item_get_planned_touch_id (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), 0);

  return self->planned_touch_id;
}

/**
 * tp_follow_up_item_get_planned_detail:
 * @self: a #TpFollowUpItem
 *
 * Returns: (nullable): what the planned touch is: its channel, and its
 *   note ("Call: ask about the fitting"); %NULL for a quiet customer
 */
const char *
tp_follow_up_item_get_planned_detail (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), NULL);

  return self->planned_detail;
}

guint
tp_follow_up_item_get_days_quiet (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), 0);

  return self->days_quiet;
}

guint
tp_follow_up_item_get_touch_count (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), 0);

  return self->touch_count;
}

gint64
tp_follow_up_item_get_due_at (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), 0);

  return self->due_at;
}

gboolean
_tp_follow_up_item_equal (TpFollowUpItem *a,
                          TpFollowUpItem *b)
{
  return a->customer_id == b->customer_id &&
         a->planned == b->planned &&
         a->planned_touch_id == b->planned_touch_id &&
         a->days_quiet == b->days_quiet &&
         a->touch_count == b->touch_count &&
         a->due_at == b->due_at &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->planned_detail, b->planned_detail) == 0;
}

gboolean
_tp_follow_up_item_same (TpFollowUpItem *a,
                         TpFollowUpItem *b)
{
  return a->customer_id == b->customer_id && a->planned_touch_id == b->planned_touch_id;
}

/* The queue's order, as tp_analytics_follow_ups() sorts it: when it came
 * due, then the name (ASCII letters folded, as SQLite's NOCASE does), the
 * customer and the planned touch. */
int
_tp_follow_up_item_compare (TpFollowUpItem *a,
                            TpFollowUpItem *b)
{
  int cmp;

  if (a->due_at != b->due_at)
    return a->due_at < b->due_at ? -1 : 1;

  cmp = g_ascii_strcasecmp (a->name != NULL ? a->name : "", b->name != NULL ? b->name : "");
  if (cmp != 0)
    return cmp;

  if (a->customer_id != b->customer_id)
    return a->customer_id < b->customer_id ? -1 : 1;

  if (a->planned_touch_id != b->planned_touch_id)
    return a->planned_touch_id < b->planned_touch_id ? -1 : 1;

  return 0;
}

/**
 * tp_follow_up_item_dup_key:
 * @self: a #TpFollowUpItem
 *
 * What identifies one follow-up for notifications: a quiet spell ends
 * with a touch, so a new one starts at another time; a new follow-up
 * interval does not make it another one.
 *
 * Returns: (transfer full): the key
 */
char *
tp_follow_up_item_dup_key (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), NULL);

  if (self->planned)
    return g_strdup_printf ("planned-%" G_GINT64_FORMAT, self->planned_touch_id);

  return g_strdup_printf ("quiet-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                          self->customer_id, self->quiet_since);
}

static void
tp_follow_up_item_finalize (GObject *object)
{
  TpFollowUpItem *self = TP_FOLLOW_UP_ITEM (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->planned_detail, g_free);

  G_OBJECT_CLASS (tp_follow_up_item_parent_class)->finalize (object);
}

static void
tp_follow_up_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TpFollowUpItem *self = TP_FOLLOW_UP_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case ITEM_PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case ITEM_PROP_PLANNED:
      g_value_set_boolean (value, self->planned);
      break;

    case ITEM_PROP_PLANNED_TOUCH_ID:
      g_value_set_int64 (value, self->planned_touch_id);
      break;

    case ITEM_PROP_PLANNED_DETAIL:
      g_value_set_string (value, self->planned_detail);
      break;

    case ITEM_PROP_DAYS_QUIET:
      g_value_set_uint (value, self->days_quiet);
      break;

    case ITEM_PROP_TOUCH_COUNT:
      g_value_set_uint (value, self->touch_count);
      break;

    case ITEM_PROP_DUE_AT:
      g_value_set_int64 (value, self->due_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_follow_up_item_class_init (TpFollowUpItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_follow_up_item_finalize;
  object_class->get_property = tp_follow_up_item_get_property;

  item_properties[ITEM_PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_PLANNED] =
    g_param_spec_boolean ("planned", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_PLANNED_TOUCH_ID] =
    g_param_spec_int64 ("planned-touch-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_PLANNED_DETAIL] =
    g_param_spec_string ("planned-detail", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_DAYS_QUIET] =
    g_param_spec_uint ("days-quiet", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_TOUCH_COUNT] =
    g_param_spec_uint ("touch-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_DUE_AT] =
    g_param_spec_int64 ("due-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
tp_follow_up_item_init (TpFollowUpItem *self)
{
}
