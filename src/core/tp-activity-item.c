/* tp-activity-item.c
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

#define G_LOG_DOMAIN "tp-activity-item"

#include "config.h"

#include "tp-activity-item.h"
#include "tp-models.h"

/*
 * One line of the activity timeline (TpActivitySection): a done touch or
 * an order, with the customer and the time the timeline merges by.
 */

struct _TpActivityItem
{
  GObject  parent_instance;

  GObject *object;  /* TpTouch or TpOrder */
};

G_DEFINE_FINAL_TYPE (TpActivityItem, tp_activity_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_OBJECT,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

/**
 * tp_activity_item_new:
 * @object: a #TpTouch or a #TpOrder
 *
 * Returns: (transfer full): a line of the activity for @object
 */
TpActivityItem *
tp_activity_item_new (GObject *object)
{
  TpActivityItem *self = g_object_new (TP_TYPE_ACTIVITY_ITEM, NULL);

  self->object = g_object_ref (object);

  return self;
}

/**
 * tp_activity_item_get_object:
 * @self: a #TpActivityItem
 *
 * Returns: (transfer none): the #TpTouch or #TpOrder
 */
GObject *
tp_activity_item_get_object (TpActivityItem *self)
{
  g_return_val_if_fail (TP_IS_ACTIVITY_ITEM (self), NULL);

  return self->object;
}

gint64
tp_activity_item_get_customer_id (TpActivityItem *self)
{
  g_return_val_if_fail (TP_IS_ACTIVITY_ITEM (self), 0);

  if (TP_IS_TOUCH (self->object))
    return tp_touch_get_customer_id (TP_TOUCH (self->object));

  return tp_order_get_customer_id (TP_ORDER (self->object));
}

/**
 * tp_activity_item_get_time:
 * @self: a #TpActivityItem
 *
 * Returns: when the touch happened or the order was placed, in UTC
 */
const char *
tp_activity_item_get_time (TpActivityItem *self)
{
  g_return_val_if_fail (TP_IS_ACTIVITY_ITEM (self), NULL);

  if (TP_IS_TOUCH (self->object))
    return tp_touch_get_happened_at (TP_TOUCH (self->object));

  return tp_order_get_ordered_at (TP_ORDER (self->object));
}

static void
tp_activity_item_dispose (GObject *object)
{
  TpActivityItem *self = TP_ACTIVITY_ITEM (object);

  g_clear_object (&self->object);

  G_OBJECT_CLASS (tp_activity_item_parent_class)->dispose (object);
}

static void
tp_activity_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TpActivityItem *self = TP_ACTIVITY_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_OBJECT:
      g_value_set_object (value, self->object);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_activity_item_class_init (TpActivityItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tp_activity_item_dispose;
  object_class->get_property = tp_activity_item_get_property;

  item_properties[ITEM_PROP_OBJECT] =
    g_param_spec_object ("object", NULL, NULL,
                         G_TYPE_OBJECT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
tp_activity_item_init (TpActivityItem *self)
{
}
