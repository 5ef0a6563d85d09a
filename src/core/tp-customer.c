/* tp-customer.c
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

#define G_LOG_DOMAIN "tp-customer"

#include "config.h"

#include "tp-customer.h"
#include "tp-core-enum-types.h"

/**
 * TpCustomer:
 *
 * A customer (or lead) and the figures derived from their touches and orders.
 *
 * Each property is a column of the `customers` table. Times are ISO 8601
 * UTC text ("2026-11-28T12:00:00Z"); a reference to another row is its
 * id, 0 for none. TpStore loads, saves and keeps the object up to date,
 * so every view showing the same row sees its changes.
 */

struct _TpCustomer
{
  TpRecord   parent_instance;

  char     *name;
  char     *email;
  char     *phone;
  gint64    audience_id;
  TpChannel source_channel;
  guint     has_source_channel : 1;
  TpStage   stage;
  char     *notes;
  char     *stage_person;
  gint64    touch_count;
  char     *last_touch_at;
  char     *first_order_at;
  gint64    order_count;
  gint64    total_spent_minor;
};

G_DEFINE_FINAL_TYPE (TpCustomer, tp_customer, TP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_AUDIENCE_ID,
  PROP_SOURCE_CHANNEL,
  PROP_HAS_SOURCE_CHANNEL,
  PROP_STAGE,
  PROP_NOTES,
  PROP_STAGE_PERSON,
  PROP_TOUCH_COUNT,
  PROP_LAST_TOUCH_AT,
  PROP_FIRST_ORDER_AT,
  PROP_ORDER_COUNT,
  PROP_TOTAL_SPENT_MINOR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * tp_customer_new:
 *
 * Creates an empty TpCustomer with the column defaults, not yet stored.
 *
 * Returns: (transfer full): a new #TpCustomer
 */
TpCustomer *
tp_customer_new (void)
{
  return g_object_new (TP_TYPE_CUSTOMER, NULL);
}

static void
tp_customer_finalize (GObject *object)
{
  TpCustomer *self = (TpCustomer *)object;

  g_free (self->name);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->notes);
  g_free (self->stage_person);
  g_free (self->last_touch_at);
  g_free (self->first_order_at);

  G_OBJECT_CLASS (tp_customer_parent_class)->finalize (object);
}

static void
tp_customer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TpCustomer *self = TP_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_AUDIENCE_ID:
      g_value_set_int64 (value, self->audience_id);
      break;

    case PROP_SOURCE_CHANNEL:
      g_value_set_enum (value, self->source_channel);
      break;

    case PROP_HAS_SOURCE_CHANNEL:
      g_value_set_boolean (value, self->has_source_channel);
      break;

    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_STAGE_PERSON:
      g_value_set_string (value, self->stage_person);
      break;

    case PROP_TOUCH_COUNT:
      g_value_set_int64 (value, self->touch_count);
      break;

    case PROP_LAST_TOUCH_AT:
      g_value_set_string (value, self->last_touch_at);
      break;

    case PROP_FIRST_ORDER_AT:
      g_value_set_string (value, self->first_order_at);
      break;

    case PROP_ORDER_COUNT:
      g_value_set_int64 (value, self->order_count);
      break;

    case PROP_TOTAL_SPENT_MINOR:
      g_value_set_int64 (value, self->total_spent_minor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_customer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TpCustomer *self = TP_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      tp_customer_set_name (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      tp_customer_set_email (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      tp_customer_set_phone (self, g_value_get_string (value));
      break;

    case PROP_AUDIENCE_ID:
      tp_customer_set_audience_id (self, g_value_get_int64 (value));
      break;

    case PROP_SOURCE_CHANNEL:
      tp_customer_set_source_channel (self, g_value_get_enum (value));
      break;

    case PROP_HAS_SOURCE_CHANNEL:
      tp_customer_set_has_source_channel (self, g_value_get_boolean (value));
      break;

    case PROP_STAGE:
      tp_customer_set_stage (self, g_value_get_enum (value));
      break;

    case PROP_NOTES:
      tp_customer_set_notes (self, g_value_get_string (value));
      break;

    case PROP_STAGE_PERSON:
      tp_customer_set_stage_person (self, g_value_get_string (value));
      break;

    case PROP_TOUCH_COUNT:
      tp_customer_set_touch_count (self, g_value_get_int64 (value));
      break;

    case PROP_LAST_TOUCH_AT:
      tp_customer_set_last_touch_at (self, g_value_get_string (value));
      break;

    case PROP_FIRST_ORDER_AT:
      tp_customer_set_first_order_at (self, g_value_get_string (value));
      break;

    case PROP_ORDER_COUNT:
      tp_customer_set_order_count (self, g_value_get_int64 (value));
      break;

    case PROP_TOTAL_SPENT_MINOR:
      tp_customer_set_total_spent_minor (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_customer_class_init (TpCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_customer_finalize;
  object_class->get_property = tp_customer_get_property;
  object_class->set_property = tp_customer_set_property;

  /**
   * TpCustomer:name:
   *
   * The customer's name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomer:email:
   *
   * An email address, or empty.
   */
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomer:phone:
   *
   * A phone number, or empty.
   */
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomer:audience-id:
   *
   * The audience they belong to, or 0 for none.
   */
  properties[PROP_AUDIENCE_ID] =
    g_param_spec_int64 ("audience-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomer:source-channel:
   *
   * The channel they first came through; meaningful only when #TpCustomer:has-source-channel is set.
   */
  properties[PROP_SOURCE_CHANNEL] =
    g_param_spec_enum ("source-channel", NULL, NULL,
                       TP_TYPE_CHANNEL, TP_CHANNEL_OTHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomer:has-source-channel:
   *
   * Whether #TpCustomer:source-channel is known.
   */
  properties[PROP_HAS_SOURCE_CHANNEL] =
    g_param_spec_boolean ("has-source-channel", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomer:stage:
   *
   * Where they are in the pipeline.
   */
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL,
                       TP_TYPE_STAGE, TP_STAGE_LEAD,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomer:notes:
   *
   * Free notes.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomer:stage-person:
   *
   * Who set the stage last (the person of the desktop that did, or of
   * the order that moved it), or "" if unknown.
   */
  properties[PROP_STAGE_PERSON] =
    g_param_spec_string ("stage-person", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomer:touch-count:
   *
   * Done touches (derived: kept by the database).
   */
  properties[PROP_TOUCH_COUNT] =
    g_param_spec_int64 ("touch-count", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomer:last-touch-at:
   *
   * The latest done touch, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ", or %NULL (derived).
   */
  properties[PROP_LAST_TOUCH_AT] =
    g_param_spec_string ("last-touch-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomer:first-order-at:
   *
   * The first order that was not cancelled, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ", or %NULL (derived).
   */
  properties[PROP_FIRST_ORDER_AT] =
    g_param_spec_string ("first-order-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomer:order-count:
   *
   * Orders that were not cancelled (derived).
   */
  properties[PROP_ORDER_COUNT] =
    g_param_spec_int64 ("order-count", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomer:total-spent-minor:
   *
   * The sum of the orders that were not cancelled, in minor units (derived).
   */
  properties[PROP_TOTAL_SPENT_MINOR] =
    g_param_spec_int64 ("total-spent-minor", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_customer_init (TpCustomer *self)
{
  self->name = g_strdup ("");
  self->email = g_strdup ("");
  self->phone = g_strdup ("");
  self->source_channel = TP_CHANNEL_OTHER;
  self->stage = TP_STAGE_LEAD;
  self->notes = g_strdup ("");
  self->stage_person = g_strdup ("");
}

/**
 * tp_customer_get_name:
 * @self: a #TpCustomer
 *
 * Returns: the customer's name
 */
const char *
tp_customer_get_name (TpCustomer *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER (self), NULL);

  return self->name;
}

/**
 * tp_customer_set_name:
 * @self: a #TpCustomer
 * @name: the customer's name
 *
 * Sets #TpCustomer:name. This changes only the object: TpStore saves it.
 */
void
tp_customer_set_name (TpCustomer *self,
                      const char *name)
{
  g_return_if_fail (TP_IS_CUSTOMER (self));

  if (name == NULL)
    name = "";

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * tp_customer_get_email:
 * @self: a #TpCustomer
 *
 * Returns: an email address, or empty
 */
const char *
tp_customer_get_email (TpCustomer *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER (self), NULL);

  return self->email;
}

/**
 * tp_customer_set_email:
 * @self: a #TpCustomer
 * @email: an email address, or empty
 *
 * Sets #TpCustomer:email. This changes only the object: TpStore saves it.
 */
void
tp_customer_set_email (TpCustomer *self,
                       const char *email)
{
  g_return_if_fail (TP_IS_CUSTOMER (self));

  if (email == NULL)
    email = "";

  if (g_strcmp0 (self->email, email) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (email);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

/**
 * tp_customer_get_phone:
 * @self: a #TpCustomer
 *
 * Returns: a phone number, or empty
 */
const char *
tp_customer_get_phone (TpCustomer *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER (self), NULL);

  return self->phone;
}

/**
 * tp_customer_set_phone:
 * @self: a #TpCustomer
 * @phone: a phone number, or empty
 *
 * Sets #TpCustomer:phone. This changes only the object: TpStore saves it.
 */
void
tp_customer_set_phone (TpCustomer *self,
                       const char *phone)
{
  g_return_if_fail (TP_IS_CUSTOMER (self));

  if (phone == NULL)
    phone = "";

  if (g_strcmp0 (self->phone, phone) == 0)
    return;

  g_free (self->phone);
  self->phone = g_strdup (phone);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

/**
 * tp_customer_get_audience_id:
 * @self: a #TpCustomer
 *
 * Returns: the audience they belong to, or 0 for none
 */
gint64
tp_customer_get_audience_id (TpCustomer *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER (self), 0);

  return self->audience_id;
}

/**
 * tp_customer_set_audience_id:
 * @self: a #TpCustomer
 * @audience_id: the audience they belong to, or 0 for none
 *
 * Sets #TpCustomer:audience-id. This changes only the object: TpStore saves it.
 */
void
tp_customer_set_audience_id (TpCustomer *self,
                             gint64      audience_id)
{
  g_return_if_fail (TP_IS_CUSTOMER (self));
  g_return_if_fail (audience_id >= 0);

  if (self->audience_id == audience_id)
    return;

  self->audience_id = audience_id;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIENCE_ID]);
}

/**
 * tp_customer_get_source_channel:
 * @self: a #TpCustomer
 *
 * Returns: the channel they first came through; meaningful only when #TpCustomer:has-source-channel is set
 */
TpChannel
tp_customer_get_source_channel (TpCustomer *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER (self), 0);

  return self->source_channel;
}

/**
 * tp_customer_set_source_channel:
 * @self: a #TpCustomer
 * @source_channel: the channel they first came through; meaningful only when #TpCustomer:has-source-channel is set
 *
 * Sets #TpCustomer:source-channel. This changes only the object: TpStore saves it.
 */
void
tp_customer_set_source_channel (TpCustomer *self,
                                TpChannel   source_channel)
{
  g_return_if_fail (TP_IS_CUSTOMER (self));
  g_return_if_fail (tp_enum_to_nick (TP_TYPE_CHANNEL, source_channel) != NULL);

  if (self->source_channel == source_channel)
    return;

  self->source_channel = source_channel;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_CHANNEL]);
}

/**
 * tp_customer_get_has_source_channel:
 * @self: a #TpCustomer
 *
 * Returns: whether #TpCustomer:source-channel is known
 */
gboolean
tp_customer_get_has_source_channel (TpCustomer *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER (self), FALSE);

  return self->has_source_channel;
}

/**
 * tp_customer_set_has_source_channel:
 * @self: a #TpCustomer
 * @has_source_channel: whether #TpCustomer:source-channel is known
 *
 * Sets #TpCustomer:has-source-channel. This changes only the object: TpStore saves it.
 */
void
tp_customer_set_has_source_channel (TpCustomer *self,
                                    gboolean    has_source_channel)
{
  g_return_if_fail (TP_IS_CUSTOMER (self));

  has_source_channel = !!has_source_channel;

  if (self->has_source_channel == (guint)has_source_channel)
    return;

  self->has_source_channel = has_source_channel;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SOURCE_CHANNEL]);
}

/**
 * tp_customer_get_stage:
 * @self: a #TpCustomer
 *
 * Returns: where they are in the pipeline
 */
TpStage
tp_customer_get_stage (TpCustomer *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER (self), 0);

  return self->stage;
}

/**
 * tp_customer_set_stage:
 * @self: a #TpCustomer
 * @stage: where they are in the pipeline
 *
 * Sets #TpCustomer:stage. This changes only the object: TpStore saves it.
 */
void
tp_customer_set_stage (TpCustomer *self,
                       TpStage     stage)
{
  g_return_if_fail (TP_IS_CUSTOMER (self));
  g_return_if_fail (tp_enum_to_nick (TP_TYPE_STAGE, stage) != NULL);

  if (self->stage == stage)
    return;

  self->stage = stage;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

/**
 * tp_customer_get_notes:
 * @self: a #TpCustomer
 *
 * Returns: free notes
 */
const char *
tp_customer_get_notes (TpCustomer *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER (self), NULL);

  return self->notes;
}

/**
 * tp_customer_set_notes:
 * @self: a #TpCustomer
 * @notes: free notes
 *
 * Sets #TpCustomer:notes. This changes only the object: TpStore saves it.
 */
void
tp_customer_set_notes (TpCustomer *self,
                       const char *notes)
{
  g_return_if_fail (TP_IS_CUSTOMER (self));

  if (notes == NULL)
    notes = "";

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = g_strdup (notes);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * tp_customer_get_touch_count:
 * @self: a #TpCustomer
 *
 * Returns: done touches (derived: kept by the database)
 */
gint64
tp_customer_get_touch_count (TpCustomer *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER (self), 0);

  return self->touch_count;
}

/**
 * tp_customer_set_touch_count:
 * @self: a #TpCustomer
 * @touch_count: done touches (derived: kept by the database)
 *
 * Sets #TpCustomer:touch-count. This changes only the object: TpStore saves it.
 */
void
tp_customer_set_touch_count (TpCustomer *self,
                             gint64      touch_count)
{
  g_return_if_fail (TP_IS_CUSTOMER (self));
  g_return_if_fail (touch_count >= 0);

  if (self->touch_count == touch_count)
    return;

  self->touch_count = touch_count;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOUCH_COUNT]);
}

/**
 * tp_customer_get_last_touch_at:
 * @self: a #TpCustomer
 *
 * Returns: (nullable): the latest done touch, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ", or %NULL (derived)
 */
const char *
tp_customer_get_last_touch_at (TpCustomer *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER (self), NULL);

  return self->last_touch_at;
}

/**
 * tp_customer_set_last_touch_at:
 * @self: a #TpCustomer
 * @last_touch_at: (nullable): the latest done touch, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ", or %NULL (derived)
 *
 * Sets #TpCustomer:last-touch-at. This changes only the object: TpStore saves it.
 */
void
tp_customer_set_last_touch_at (TpCustomer *self,
                               const char *last_touch_at)
{
  g_return_if_fail (TP_IS_CUSTOMER (self));

  if (g_strcmp0 (self->last_touch_at, last_touch_at) == 0)
    return;

  g_free (self->last_touch_at);
  self->last_touch_at = g_strdup (last_touch_at);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_TOUCH_AT]);
}

/**
 * tp_customer_get_first_order_at:
 * @self: a #TpCustomer
 *
 * Returns: (nullable): the first order that was not cancelled, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ", or %NULL (derived)
 */
const char *
tp_customer_get_first_order_at (TpCustomer *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER (self), NULL);

  return self->first_order_at;
}

/**
 * tp_customer_set_first_order_at:
 * @self: a #TpCustomer
 * @first_order_at: (nullable): the first order that was not cancelled, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ", or %NULL (derived)
 *
 * Sets #TpCustomer:first-order-at. This changes only the object: TpStore saves it.
 */
void
tp_customer_set_first_order_at (TpCustomer *self,
                                const char *first_order_at)
{
  g_return_if_fail (TP_IS_CUSTOMER (self));

  if (g_strcmp0 (self->first_order_at, first_order_at) == 0)
    return;

  g_free (self->first_order_at);
  self->first_order_at = g_strdup (first_order_at);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_ORDER_AT]);
}

/**
 * tp_customer_get_order_count:
 * @self: a #TpCustomer
 *
 * Returns: orders that were not cancelled (derived)
 */
gint64
tp_customer_get_order_count (TpCustomer *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER (self), 0);

  return self->order_count;
}

/**
 * tp_customer_set_order_count:
 * @self: a #TpCustomer
 * @order_count: orders that were not cancelled (derived)
 *
 * Sets #TpCustomer:order-count. This changes only the object: TpStore saves it.
 */
void
tp_customer_set_order_count (TpCustomer *self,
                             gint64      order_count)
{
  g_return_if_fail (TP_IS_CUSTOMER (self));
  g_return_if_fail (order_count >= 0);

  if (self->order_count == order_count)
    return;

  self->order_count = order_count;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER_COUNT]);
}

/**
 * tp_customer_get_total_spent_minor:
 * @self: a #TpCustomer
 *
 * Returns: the sum of the orders that were not cancelled, in minor units (derived)
 */
gint64
tp_customer_get_total_spent_minor (TpCustomer *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER (self), 0);

  return self->total_spent_minor;
}

/**
 * tp_customer_set_total_spent_minor:
 * @self: a #TpCustomer
 * @total_spent_minor: the sum of the orders that were not cancelled, in minor units (derived)
 *
 * Sets #TpCustomer:total-spent-minor. This changes only the object: TpStore saves it.
 */
void
tp_customer_set_total_spent_minor (TpCustomer *self,
                                   gint64      total_spent_minor)
{
  g_return_if_fail (TP_IS_CUSTOMER (self));
  g_return_if_fail (total_spent_minor >= 0);

  if (self->total_spent_minor == total_spent_minor)
    return;

  self->total_spent_minor = total_spent_minor;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_SPENT_MINOR]);
}

/**
 * tp_customer_get_stage_person:
 * @self: a #TpCustomer
 *
 * Returns: who set the stage last, or "" if unknown
 */
const char *
tp_customer_get_stage_person (TpCustomer *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER (self), NULL);

  return self->stage_person;
}

/**
 * tp_customer_set_stage_person:
 * @self: a #TpCustomer
 * @stage_person: who set the stage
 *
 * Sets #TpCustomer:stage-person. This changes only the object: TpStore
 * saves it, and sets it when it changes the stage.
 */
void
tp_customer_set_stage_person (TpCustomer *self,
                              const char *stage_person)
{
  g_return_if_fail (TP_IS_CUSTOMER (self));

  if (stage_person == NULL)
    stage_person = "";

  if (g_strcmp0 (self->stage_person, stage_person) == 0)
    return;

  g_free (self->stage_person);
  self->stage_person = g_strdup (stage_person);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE_PERSON]);
}
