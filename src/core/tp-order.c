/* tp-order.c
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

#define G_LOG_DOMAIN "tp-order"

#include "config.h"

#include "tp-order.h"
#include "tp-core-enum-types.h"

/**
 * TpOrder:
 *
 * An order a customer placed.
 *
 * Each property is a column of the `orders` table. Times are ISO 8601
 * UTC text ("2026-11-28T12:00:00Z"); a reference to another row is its
 * id, 0 for none. TpStore loads, saves and keeps the object up to date,
 * so every view showing the same row sees its changes.
 */

struct _TpOrder
{
  TpRecord       parent_instance;

  gint64        customer_id;
  char         *ordered_at;
  char         *item;
  char         *person;
  gint64        amount_minor;
  char         *currency;
  TpOrderStatus status;
  char         *fulfilled_at;
};

G_DEFINE_FINAL_TYPE (TpOrder, tp_order, TP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CUSTOMER_ID,
  PROP_ORDERED_AT,
  PROP_ITEM,
  PROP_PERSON,
  PROP_AMOUNT_MINOR,
  PROP_CURRENCY,
  PROP_STATUS,
  PROP_FULFILLED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * tp_order_new:
 *
 * Creates an empty TpOrder with the column defaults, not yet stored.
 *
 * Returns: (transfer full): a new #TpOrder
 */
TpOrder *
tp_order_new (void)
{
  return g_object_new (TP_TYPE_ORDER, NULL);
}

static void
tp_order_finalize (GObject *object)
{
  TpOrder *self = (TpOrder *)object;

  g_free (self->ordered_at);
  g_free (self->item);
  g_free (self->person);
  g_free (self->currency);
  g_free (self->fulfilled_at);

  G_OBJECT_CLASS (tp_order_parent_class)->finalize (object);
}

static void
tp_order_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TpOrder *self = TP_ORDER (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_ORDERED_AT:
      g_value_set_string (value, self->ordered_at);
      break;

    case PROP_ITEM:
      g_value_set_string (value, self->item);
      break;

    case PROP_PERSON:
      g_value_set_string (value, self->person);
      break;

    case PROP_AMOUNT_MINOR:
      g_value_set_int64 (value, self->amount_minor);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_FULFILLED_AT:
      g_value_set_string (value, self->fulfilled_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_order_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  TpOrder *self = TP_ORDER (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      tp_order_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_ORDERED_AT:
      tp_order_set_ordered_at (self, g_value_get_string (value));
      break;

    case PROP_ITEM:
      tp_order_set_item (self, g_value_get_string (value));
      break;

    case PROP_PERSON:
      tp_order_set_person (self, g_value_get_string (value));
      break;

    case PROP_AMOUNT_MINOR:
      tp_order_set_amount_minor (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      tp_order_set_currency (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      tp_order_set_status (self, g_value_get_enum (value));
      break;

    case PROP_FULFILLED_AT:
      tp_order_set_fulfilled_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_order_class_init (TpOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_order_finalize;
  object_class->get_property = tp_order_get_property;
  object_class->set_property = tp_order_set_property;

  /**
   * TpOrder:customer-id:
   *
   * The customer who ordered.
   */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpOrder:ordered-at:
   *
   * When it was ordered, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ".
   */
  properties[PROP_ORDERED_AT] =
    g_param_spec_string ("ordered-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpOrder:item:
   *
   * What was ordered.
   */
  properties[PROP_ITEM] =
    g_param_spec_string ("item", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpOrder:person:
   *
   * Who did it: the name the desktop that added it recorded, or "" for
   * a row from before names were kept.
   */
  properties[PROP_PERSON] =
    g_param_spec_string ("person", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpOrder:amount-minor:
   *
   * The amount in minor units (cents); TpStore refuses a negative one.
   */
  properties[PROP_AMOUNT_MINOR] =
    g_param_spec_int64 ("amount-minor", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpOrder:currency:
   *
   * The ISO 4217 currency code, e.g. "EUR".
   */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpOrder:status:
   *
   * Open, fulfilled or cancelled.
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       TP_TYPE_ORDER_STATUS, TP_ORDER_STATUS_OPEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpOrder:fulfilled-at:
   *
   * When it was fulfilled, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ", or %NULL.
   */
  properties[PROP_FULFILLED_AT] =
    g_param_spec_string ("fulfilled-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_order_init (TpOrder *self)
{
  self->item = g_strdup ("");
  self->person = g_strdup ("");
  self->currency = g_strdup ("");
  self->status = TP_ORDER_STATUS_OPEN;
}

/**
 * tp_order_get_customer_id:
 * @self: a #TpOrder
 *
 * Returns: the customer who ordered
 */
gint64
tp_order_get_customer_id (TpOrder *self)
{
  g_return_val_if_fail (TP_IS_ORDER (self), 0);

  return self->customer_id;
}

/**
 * tp_order_set_customer_id:
 * @self: a #TpOrder
 * @customer_id: the customer who ordered
 *
 * Sets #TpOrder:customer-id. This changes only the object: TpStore saves it.
 */
void
tp_order_set_customer_id (TpOrder *self,
                          gint64   customer_id)
{
  g_return_if_fail (TP_IS_ORDER (self));
  g_return_if_fail (customer_id >= 0);

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

/**
 * tp_order_get_ordered_at:
 * @self: a #TpOrder
 *
 * Returns: (nullable): when it was ordered, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ"
 */
const char *
tp_order_get_ordered_at (TpOrder *self)
{
  g_return_val_if_fail (TP_IS_ORDER (self), NULL);

  return self->ordered_at;
}

/**
 * tp_order_set_ordered_at:
 * @self: a #TpOrder
 * @ordered_at: (nullable): when it was ordered, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ"
 *
 * Sets #TpOrder:ordered-at. This changes only the object: TpStore saves it.
 */
void
tp_order_set_ordered_at (TpOrder    *self,
                         const char *ordered_at)
{
  g_return_if_fail (TP_IS_ORDER (self));

  if (g_strcmp0 (self->ordered_at, ordered_at) == 0)
    return;

  g_free (self->ordered_at);
  self->ordered_at = g_strdup (ordered_at);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDERED_AT]);
}

/**
 * tp_order_get_item:
 * @self: a #TpOrder
 *
 * Returns: what was ordered
 */
const char *
tp_order_get_item (TpOrder *self)
{
  g_return_val_if_fail (TP_IS_ORDER (self), NULL);

  return self->item;
}

/**
 * tp_order_set_item:
 * @self: a #TpOrder
 * @item: what was ordered
 *
 * Sets #TpOrder:item. This changes only the object: TpStore saves it.
 */
void
tp_order_set_item (TpOrder    *self,
                   const char *item)
{
  g_return_if_fail (TP_IS_ORDER (self));

  if (item == NULL)
    item = "";

  if (g_strcmp0 (self->item, item) == 0)
    return;

  g_free (self->item);
  self->item = g_strdup (item);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * tp_order_get_amount_minor:
 * @self: a #TpOrder
 *
 * Returns: the amount in minor units (cents); TpStore refuses a negative one
 */
gint64
tp_order_get_amount_minor (TpOrder *self)
{
  g_return_val_if_fail (TP_IS_ORDER (self), 0);

  return self->amount_minor;
}

/**
 * tp_order_set_amount_minor:
 * @self: a #TpOrder
 * @amount_minor: the amount in minor units (cents); TpStore refuses a negative one
 *
 * Sets #TpOrder:amount-minor. This changes only the object: TpStore saves it.
 */
void
tp_order_set_amount_minor (TpOrder *self,
                           gint64   amount_minor)
{
  g_return_if_fail (TP_IS_ORDER (self));

  if (self->amount_minor == amount_minor)
    return;

  self->amount_minor = amount_minor;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT_MINOR]);
}

/**
 * tp_order_get_currency:
 * @self: a #TpOrder
 *
 * Returns: the ISO 4217 currency code, e.g. "EUR"
 */
const char *
tp_order_get_currency (TpOrder *self)
{
  g_return_val_if_fail (TP_IS_ORDER (self), NULL);

  return self->currency;
}

/**
 * tp_order_set_currency:
 * @self: a #TpOrder
 * @currency: the ISO 4217 currency code, e.g. "EUR"
 *
 * Sets #TpOrder:currency. This changes only the object: TpStore saves it.
 */
void
tp_order_set_currency (TpOrder    *self,
                       const char *currency)
{
  g_return_if_fail (TP_IS_ORDER (self));

  if (currency == NULL)
    currency = "";

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

/**
 * tp_order_get_status:
 * @self: a #TpOrder
 *
 * Returns: open, fulfilled or cancelled
 */
TpOrderStatus
tp_order_get_status (TpOrder *self)
{
  g_return_val_if_fail (TP_IS_ORDER (self), 0);

  return self->status;
}

/**
 * tp_order_set_status:
 * @self: a #TpOrder
 * @status: open, fulfilled or cancelled
 *
 * Sets #TpOrder:status. This changes only the object: TpStore saves it.
 */
void
tp_order_set_status (TpOrder      *self,
                     TpOrderStatus status)
{
  g_return_if_fail (TP_IS_ORDER (self));
  g_return_if_fail (tp_enum_to_nick (TP_TYPE_ORDER_STATUS, status) != NULL);

  if (self->status == status)
    return;

  self->status = status;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * tp_order_get_fulfilled_at:
 * @self: a #TpOrder
 *
 * Returns: (nullable): when it was fulfilled, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ", or %NULL
 */
const char *
tp_order_get_fulfilled_at (TpOrder *self)
{
  g_return_val_if_fail (TP_IS_ORDER (self), NULL);

  return self->fulfilled_at;
}

/**
 * tp_order_set_fulfilled_at:
 * @self: a #TpOrder
 * @fulfilled_at: (nullable): when it was fulfilled, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ", or %NULL
 *
 * Sets #TpOrder:fulfilled-at. This changes only the object: TpStore saves it.
 */
void
tp_order_set_fulfilled_at (TpOrder    *self,
                           const char *fulfilled_at)
{
  g_return_if_fail (TP_IS_ORDER (self));

  if (g_strcmp0 (self->fulfilled_at, fulfilled_at) == 0)
    return;

  g_free (self->fulfilled_at);
  self->fulfilled_at = g_strdup (fulfilled_at);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULFILLED_AT]);
}

/**
 * tp_order_get_person:
 * @self: a #TpOrder
 *
 * Returns: who did it, or "" if unknown
 */
const char *
tp_order_get_person (TpOrder *self)
{
  g_return_val_if_fail (TP_IS_ORDER (self), NULL);

  return self->person;
}

/**
 * tp_order_set_person:
 * @self: a #TpOrder
 * @person: who did it
 *
 * Sets #TpOrder:person. This changes only the object: TpStore saves it,
 * and fills it in with its person when a new row has none.
 */
void
tp_order_set_person (TpOrder    *self,
                     const char *person)
{
  g_return_if_fail (TP_IS_ORDER (self));

  if (person == NULL)
    person = "";

  if (g_strcmp0 (self->person, person) == 0)
    return;

  g_free (self->person);
  self->person = g_strdup (person);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}
