/* tp-touch.c
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

#define G_LOG_DOMAIN "tp-touch"

#include "config.h"

#include "tp-touch.h"
#include "tp-core-enum-types.h"

/**
 * TpTouch:
 *
 * One touch with a customer: an email, a post, a call, a meeting… A touch dated in the future and not done is planned.
 *
 * Each property is a column of the `touches` table. Times are ISO 8601
 * UTC text ("2026-11-28T12:00:00Z"); a reference to another row is its
 * id, 0 for none. TpStore loads, saves and keeps the object up to date,
 * so every view showing the same row sees its changes.
 */

struct _TpTouch
{
  TpRecord     parent_instance;

  gint64      customer_id;
  char       *happened_at;
  TpChannel   channel;
  TpDirection direction;
  char       *note;
  char       *person;
  gint64      tactic_id;
  gint64      place_id;
  guint       done : 1;
};

G_DEFINE_FINAL_TYPE (TpTouch, tp_touch, TP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CUSTOMER_ID,
  PROP_HAPPENED_AT,
  PROP_CHANNEL,
  PROP_DIRECTION,
  PROP_NOTE,
  PROP_PERSON,
  PROP_TACTIC_ID,
  PROP_PLACE_ID,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * tp_touch_new:
 *
 * Creates an empty TpTouch with the column defaults, not yet stored.
 *
 * Returns: (transfer full): a new #TpTouch
 */
TpTouch *
tp_touch_new (void)
{
  return g_object_new (TP_TYPE_TOUCH, NULL);
}

static void
tp_touch_finalize (GObject *object)
{
  TpTouch *self = (TpTouch *)object;

  g_free (self->happened_at);
  g_free (self->note);
  g_free (self->person);

  G_OBJECT_CLASS (tp_touch_parent_class)->finalize (object);
}

static void
tp_touch_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TpTouch *self = TP_TOUCH (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_HAPPENED_AT:
      g_value_set_string (value, self->happened_at);
      break;

    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_PERSON:
      g_value_set_string (value, self->person);
      break;

    case PROP_TACTIC_ID:
      g_value_set_int64 (value, self->tactic_id);
      break;

    case PROP_PLACE_ID:
      g_value_set_int64 (value, self->place_id);
      break;

    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_touch_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  TpTouch *self = TP_TOUCH (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      tp_touch_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_HAPPENED_AT:
      tp_touch_set_happened_at (self, g_value_get_string (value));
      break;

    case PROP_CHANNEL:
      tp_touch_set_channel (self, g_value_get_enum (value));
      break;

    case PROP_DIRECTION:
      tp_touch_set_direction (self, g_value_get_enum (value));
      break;

    case PROP_NOTE:
      tp_touch_set_note (self, g_value_get_string (value));
      break;

    case PROP_PERSON:
      tp_touch_set_person (self, g_value_get_string (value));
      break;

    case PROP_TACTIC_ID:
      tp_touch_set_tactic_id (self, g_value_get_int64 (value));
      break;

    case PROP_PLACE_ID:
      tp_touch_set_place_id (self, g_value_get_int64 (value));
      break;

    case PROP_DONE:
      tp_touch_set_done (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_touch_class_init (TpTouchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_touch_finalize;
  object_class->get_property = tp_touch_get_property;
  object_class->set_property = tp_touch_set_property;

  /**
   * TpTouch:customer-id:
   *
   * The customer touched.
   */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTouch:happened-at:
   *
   * When it happened (or is planned), as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ".
   */
  properties[PROP_HAPPENED_AT] =
    g_param_spec_string ("happened-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTouch:channel:
   *
   * The channel.
   */
  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       TP_TYPE_CHANNEL, TP_CHANNEL_EMAIL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTouch:direction:
   *
   * Who reached out.
   */
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       TP_TYPE_DIRECTION, TP_DIRECTION_OUTBOUND,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTouch:note:
   *
   * A note.
   */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTouch:person:
   *
   * Who did it: the name the desktop that added it recorded, or "" for
   * a row from before names were kept.
   */
  properties[PROP_PERSON] =
    g_param_spec_string ("person", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTouch:tactic-id:
   *
   * The tactic it was part of, or 0 for none.
   */
  properties[PROP_TACTIC_ID] =
    g_param_spec_int64 ("tactic-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTouch:place-id:
   *
   * The audience's place where it happened (a forum, a group, an event,
   * a partner), or 0 for none.
   */
  properties[PROP_PLACE_ID] =
    g_param_spec_int64 ("place-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTouch:done:
   *
   * Whether it happened; %FALSE for a planned touch.
   */
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_touch_init (TpTouch *self)
{
  self->channel = TP_CHANNEL_EMAIL;
  self->direction = TP_DIRECTION_OUTBOUND;
  self->note = g_strdup ("");
  self->person = g_strdup ("");
  self->done = TRUE;
}

/**
 * tp_touch_get_customer_id:
 * @self: a #TpTouch
 *
 * Returns: the customer touched
 */
gint64
tp_touch_get_customer_id (TpTouch *self)
{
  g_return_val_if_fail (TP_IS_TOUCH (self), 0);

  return self->customer_id;
}

/**
 * tp_touch_set_customer_id:
 * @self: a #TpTouch
 * @customer_id: the customer touched
 *
 * Sets #TpTouch:customer-id. This changes only the object: TpStore saves it.
 */
void
tp_touch_set_customer_id (TpTouch *self,
                          gint64   customer_id)
{
  g_return_if_fail (TP_IS_TOUCH (self));
  g_return_if_fail (customer_id >= 0);

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

/**
 * tp_touch_get_happened_at:
 * @self: a #TpTouch
 *
 * Returns: (nullable): when it happened (or is planned), as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ"
 */
const char *
tp_touch_get_happened_at (TpTouch *self)
{
  g_return_val_if_fail (TP_IS_TOUCH (self), NULL);

  return self->happened_at;
}

/**
 * tp_touch_set_happened_at:
 * @self: a #TpTouch
 * @happened_at: (nullable): when it happened (or is planned), as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ"
 *
 * Sets #TpTouch:happened-at. This changes only the object: TpStore saves it.
 */
void
tp_touch_set_happened_at (TpTouch    *self,
                          const char *happened_at)
{
  g_return_if_fail (TP_IS_TOUCH (self));

  if (g_strcmp0 (self->happened_at, happened_at) == 0)
    return;

  g_free (self->happened_at);
  self->happened_at = g_strdup (happened_at);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAPPENED_AT]);
}

/**
 * tp_touch_get_channel:
 * @self: a #TpTouch
 *
 * Returns: the channel
 */
TpChannel
tp_touch_get_channel (TpTouch *self)
{
  g_return_val_if_fail (TP_IS_TOUCH (self), 0);

  return self->channel;
}

/**
 * tp_touch_set_channel:
 * @self: a #TpTouch
 * @channel: the channel
 *
 * Sets #TpTouch:channel. This changes only the object: TpStore saves it.
 */
void
tp_touch_set_channel (TpTouch  *self,
                      TpChannel channel)
{
  g_return_if_fail (TP_IS_TOUCH (self));
  g_return_if_fail (tp_enum_to_nick (TP_TYPE_CHANNEL, channel) != NULL);

  if (self->channel == channel)
    return;

  self->channel = channel;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

/**
 * tp_touch_get_direction:
 * @self: a #TpTouch
 *
 * Returns: who reached out
 */
TpDirection
tp_touch_get_direction (TpTouch *self)
{
  g_return_val_if_fail (TP_IS_TOUCH (self), 0);

  return self->direction;
}

/**
 * tp_touch_set_direction:
 * @self: a #TpTouch
 * @direction: who reached out
 *
 * Sets #TpTouch:direction. This changes only the object: TpStore saves it.
 */
void
tp_touch_set_direction (TpTouch    *self,
                        TpDirection direction)
{
  g_return_if_fail (TP_IS_TOUCH (self));
  g_return_if_fail (tp_enum_to_nick (TP_TYPE_DIRECTION, direction) != NULL);

  if (self->direction == direction)
    return;

  self->direction = direction;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

/**
 * tp_touch_get_note:
 * @self: a #TpTouch
 *
 * Returns: a note
 */
const char *
tp_touch_get_note (TpTouch *self)
{
  g_return_val_if_fail (TP_IS_TOUCH (self), NULL);

  return self->note;
}

/**
 * tp_touch_set_note:
 * @self: a #TpTouch
 * @note: a note
 *
 * Sets #TpTouch:note. This changes only the object: TpStore saves it.
 */
void
tp_touch_set_note (TpTouch    *self,
                   const char *note)
{
  g_return_if_fail (TP_IS_TOUCH (self));

  if (note == NULL)
    note = "";

  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * tp_touch_get_tactic_id:
 * @self: a #TpTouch
 *
 * Returns: the tactic it was part of, or 0 for none
 */
gint64
tp_touch_get_tactic_id (TpTouch *self)
{
  g_return_val_if_fail (TP_IS_TOUCH (self), 0);

  return self->tactic_id;
}

/**
 * tp_touch_set_tactic_id:
 * @self: a #TpTouch
 * @tactic_id: the tactic it was part of, or 0 for none
 *
 * Sets #TpTouch:tactic-id. This changes only the object: TpStore saves it.
 */
void
tp_touch_set_tactic_id (TpTouch *self,
                        gint64   tactic_id)
{
  g_return_if_fail (TP_IS_TOUCH (self));
  g_return_if_fail (tactic_id >= 0);

  if (self->tactic_id == tactic_id)
    return;

  self->tactic_id = tactic_id;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TACTIC_ID]);
}

/**
 * tp_touch_get_place_id:
 * @self: a #TpTouch
 *
 * Returns: the place where it happened, or 0 for none
 */
gint64
tp_touch_get_place_id (TpTouch *self)
{
  g_return_val_if_fail (TP_IS_TOUCH (self), 0);

  return self->place_id;
}

/**
 * tp_touch_set_place_id:
 * @self: a #TpTouch
 * @place_id: the place where it happened, or 0 for none
 *
 * Sets #TpTouch:place-id. This changes only the object: TpStore saves it.
 */
void
tp_touch_set_place_id (TpTouch *self,
                       gint64   place_id)
{
  g_return_if_fail (TP_IS_TOUCH (self));
  g_return_if_fail (place_id >= 0);

  if (self->place_id == place_id)
    return;

  self->place_id = place_id;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE_ID]);
}

/**
 * tp_touch_get_done:
 * @self: a #TpTouch
 *
 * Returns: whether it happened; %FALSE for a planned touch
 */
gboolean
tp_touch_get_done (TpTouch *self)
{
  g_return_val_if_fail (TP_IS_TOUCH (self), FALSE);

  return self->done;
}

/**
 * tp_touch_set_done:
 * @self: a #TpTouch
 * @done: whether it happened; %FALSE for a planned touch
 *
 * Sets #TpTouch:done. This changes only the object: TpStore saves it.
 */
void
tp_touch_set_done (TpTouch *self,
                   gboolean done)
{
  g_return_if_fail (TP_IS_TOUCH (self));

  done = !!done;

  if (self->done == (guint)done)
    return;

  self->done = done;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

/**
 * tp_touch_get_person:
 * @self: a #TpTouch
 *
 * Returns: who did it, or "" if unknown
 */
const char *
tp_touch_get_person (TpTouch *self)
{
  g_return_val_if_fail (TP_IS_TOUCH (self), NULL);

  return self->person;
}

/**
 * tp_touch_set_person:
 * @self: a #TpTouch
 * @person: who did it
 *
 * Sets #TpTouch:person. This changes only the object: TpStore saves it,
 * and fills it in with its person when a new row has none.
 */
void
tp_touch_set_person (TpTouch    *self,
                     const char *person)
{
  g_return_if_fail (TP_IS_TOUCH (self));

  if (person == NULL)
    person = "";

  if (g_strcmp0 (self->person, person) == 0)
    return;

  g_free (self->person);
  self->person = g_strdup (person);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}
