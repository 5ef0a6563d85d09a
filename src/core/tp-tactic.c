/* tp-tactic.c
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

#define G_LOG_DOMAIN "tp-tactic"

#include "config.h"

#include "tp-tactic.h"
#include "tp-core-enum-types.h"

/**
 * TpTactic:
 *
 * A marketing tactic repeated on a cadence: N times per day, week or month.
 *
 * Each property is a column of the `tactics` table. Times are ISO 8601
 * UTC text ("2026-11-28T12:00:00Z"); a reference to another row is its
 * id, 0 for none. TpStore loads, saves and keeps the object up to date,
 * so every view showing the same row sees its changes.
 */

struct _TpTactic
{
  TpRecord         parent_instance;

  char           *name;
  TpChannel       channel;
  gint64          audience_id;
  gint64          cadence_count;
  TpCadencePeriod cadence_period;
  guint           active : 1;
  char           *notes;
  gint64          position;
};

G_DEFINE_FINAL_TYPE (TpTactic, tp_tactic, TP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CHANNEL,
  PROP_AUDIENCE_ID,
  PROP_CADENCE_COUNT,
  PROP_CADENCE_PERIOD,
  PROP_ACTIVE,
  PROP_NOTES,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * tp_tactic_new:
 *
 * Creates an empty TpTactic with the column defaults, not yet stored.
 *
 * Returns: (transfer full): a new #TpTactic
 */
TpTactic *
tp_tactic_new (void)
{
  return g_object_new (TP_TYPE_TACTIC, NULL);
}

static void
tp_tactic_finalize (GObject *object)
{
  TpTactic *self = (TpTactic *)object;

  g_free (self->name);
  g_free (self->notes);

  G_OBJECT_CLASS (tp_tactic_parent_class)->finalize (object);
}

static void
tp_tactic_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TpTactic *self = TP_TACTIC (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;

    case PROP_AUDIENCE_ID:
      g_value_set_int64 (value, self->audience_id);
      break;

    case PROP_CADENCE_COUNT:
      g_value_set_int64 (value, self->cadence_count);
      break;

    case PROP_CADENCE_PERIOD:
      g_value_set_enum (value, self->cadence_period);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_tactic_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TpTactic *self = TP_TACTIC (object);

  switch (prop_id)
    {
    case PROP_NAME:
      tp_tactic_set_name (self, g_value_get_string (value));
      break;

    case PROP_CHANNEL:
      tp_tactic_set_channel (self, g_value_get_enum (value));
      break;

    case PROP_AUDIENCE_ID:
      tp_tactic_set_audience_id (self, g_value_get_int64 (value));
      break;

    case PROP_CADENCE_COUNT:
      tp_tactic_set_cadence_count (self, g_value_get_int64 (value));
      break;

    case PROP_CADENCE_PERIOD:
      tp_tactic_set_cadence_period (self, g_value_get_enum (value));
      break;

    case PROP_ACTIVE:
      tp_tactic_set_active (self, g_value_get_boolean (value));
      break;

    case PROP_NOTES:
      tp_tactic_set_notes (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      tp_tactic_set_position (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_tactic_class_init (TpTacticClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_tactic_finalize;
  object_class->get_property = tp_tactic_get_property;
  object_class->set_property = tp_tactic_set_property;

  /**
   * TpTactic:name:
   *
   * The tactic's name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTactic:channel:
   *
   * The channel it uses.
   */
  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       TP_TYPE_CHANNEL, TP_CHANNEL_OTHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTactic:audience-id:
   *
   * The audience it aims at, or 0 for none.
   */
  properties[PROP_AUDIENCE_ID] =
    g_param_spec_int64 ("audience-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTactic:cadence-count:
   *
   * How many times per period it is planned, 1 to 1000 (TpStore checks).
   */
  properties[PROP_CADENCE_COUNT] =
    g_param_spec_int64 ("cadence-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTactic:cadence-period:
   *
   * The period of the cadence.
   */
  properties[PROP_CADENCE_PERIOD] =
    g_param_spec_enum ("cadence-period", NULL, NULL,
                       TP_TYPE_CADENCE_PERIOD, TP_CADENCE_PERIOD_WEEK,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTactic:active:
   *
   * Whether the tactic is in use.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTactic:notes:
   *
   * Free notes.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTactic:position:
   *
   * The place in the list, smallest first.
   */
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_tactic_init (TpTactic *self)
{
  self->name = g_strdup ("");
  self->channel = TP_CHANNEL_OTHER;
  self->cadence_count = 1;
  self->cadence_period = TP_CADENCE_PERIOD_WEEK;
  self->active = TRUE;
  self->notes = g_strdup ("");
}

/**
 * tp_tactic_get_name:
 * @self: a #TpTactic
 *
 * Returns: the tactic's name
 */
const char *
tp_tactic_get_name (TpTactic *self)
{
  g_return_val_if_fail (TP_IS_TACTIC (self), NULL);

  return self->name;
}

/**
 * tp_tactic_set_name:
 * @self: a #TpTactic
 * @name: the tactic's name
 *
 * Sets #TpTactic:name. This changes only the object: TpStore saves it.
 */
void
tp_tactic_set_name (TpTactic   *self,
                    const char *name)
{
  g_return_if_fail (TP_IS_TACTIC (self));

  if (name == NULL)
    name = "";

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * tp_tactic_get_channel:
 * @self: a #TpTactic
 *
 * Returns: the channel it uses
 */
TpChannel
tp_tactic_get_channel (TpTactic *self)
{
  g_return_val_if_fail (TP_IS_TACTIC (self), 0);

  return self->channel;
}

/**
 * tp_tactic_set_channel:
 * @self: a #TpTactic
 * @channel: the channel it uses
 *
 * Sets #TpTactic:channel. This changes only the object: TpStore saves it.
 */
void
tp_tactic_set_channel (TpTactic *self,
                       TpChannel channel)
{
  g_return_if_fail (TP_IS_TACTIC (self));
  g_return_if_fail (tp_enum_to_nick (TP_TYPE_CHANNEL, channel) != NULL);

  if (self->channel == channel)
    return;

  self->channel = channel;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

/**
 * tp_tactic_get_audience_id:
 * @self: a #TpTactic
 *
 * Returns: the audience it aims at, or 0 for none
 */
gint64
tp_tactic_get_audience_id (TpTactic *self)
{
  g_return_val_if_fail (TP_IS_TACTIC (self), 0);

  return self->audience_id;
}

/**
 * tp_tactic_set_audience_id:
 * @self: a #TpTactic
 * @audience_id: the audience it aims at, or 0 for none
 *
 * Sets #TpTactic:audience-id. This changes only the object: TpStore saves it.
 */
void
tp_tactic_set_audience_id (TpTactic *self,
                           gint64    audience_id)
{
  g_return_if_fail (TP_IS_TACTIC (self));
  g_return_if_fail (audience_id >= 0);

  if (self->audience_id == audience_id)
    return;

  self->audience_id = audience_id;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIENCE_ID]);
}

/**
 * tp_tactic_get_cadence_count:
 * @self: a #TpTactic
 *
 * Returns: how many times per period it is planned, 1 to 1000 (TpStore checks)
 */
gint64
tp_tactic_get_cadence_count (TpTactic *self)
{
  g_return_val_if_fail (TP_IS_TACTIC (self), 0);

  return self->cadence_count;
}

/**
 * tp_tactic_set_cadence_count:
 * @self: a #TpTactic
 * @cadence_count: how many times per period it is planned, 1 to 1000 (TpStore checks)
 *
 * Sets #TpTactic:cadence-count. This changes only the object: TpStore saves it.
 */
void
tp_tactic_set_cadence_count (TpTactic *self,
                             gint64    cadence_count)
{
  g_return_if_fail (TP_IS_TACTIC (self));

  if (self->cadence_count == cadence_count)
    return;

  self->cadence_count = cadence_count;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CADENCE_COUNT]);
}

/**
 * tp_tactic_get_cadence_period:
 * @self: a #TpTactic
 *
 * Returns: the period of the cadence
 */
TpCadencePeriod
tp_tactic_get_cadence_period (TpTactic *self)
{
  g_return_val_if_fail (TP_IS_TACTIC (self), 0);

  return self->cadence_period;
}

/**
 * tp_tactic_set_cadence_period:
 * @self: a #TpTactic
 * @cadence_period: the period of the cadence
 *
 * Sets #TpTactic:cadence-period. This changes only the object: TpStore saves it.
 */
void
tp_tactic_set_cadence_period (TpTactic       *self,
                              TpCadencePeriod cadence_period)
{
  g_return_if_fail (TP_IS_TACTIC (self));
  g_return_if_fail (tp_enum_to_nick (TP_TYPE_CADENCE_PERIOD, cadence_period) != NULL);

  if (self->cadence_period == cadence_period)
    return;

  self->cadence_period = cadence_period;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CADENCE_PERIOD]);
}

/**
 * tp_tactic_get_active:
 * @self: a #TpTactic
 *
 * Returns: whether the tactic is in use
 */
gboolean
tp_tactic_get_active (TpTactic *self)
{
  g_return_val_if_fail (TP_IS_TACTIC (self), FALSE);

  return self->active;
}

/**
 * tp_tactic_set_active:
 * @self: a #TpTactic
 * @active: whether the tactic is in use
 *
 * Sets #TpTactic:active. This changes only the object: TpStore saves it.
 */
void
tp_tactic_set_active (TpTactic *self,
                      gboolean  active)
{
  g_return_if_fail (TP_IS_TACTIC (self));

  active = !!active;

  if (self->active == (guint)active)
    return;

  self->active = active;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/**
 * tp_tactic_get_notes:
 * @self: a #TpTactic
 *
 * Returns: free notes
 */
const char *
tp_tactic_get_notes (TpTactic *self)
{
  g_return_val_if_fail (TP_IS_TACTIC (self), NULL);

  return self->notes;
}

/**
 * tp_tactic_set_notes:
 * @self: a #TpTactic
 * @notes: free notes
 *
 * Sets #TpTactic:notes. This changes only the object: TpStore saves it.
 */
void
tp_tactic_set_notes (TpTactic   *self,
                     const char *notes)
{
  g_return_if_fail (TP_IS_TACTIC (self));

  if (notes == NULL)
    notes = "";

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = g_strdup (notes);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * tp_tactic_get_position:
 * @self: a #TpTactic
 *
 * Returns: the place in the list, smallest first
 */
gint64
tp_tactic_get_position (TpTactic *self)
{
  g_return_val_if_fail (TP_IS_TACTIC (self), 0);

  return self->position;
}

/**
 * tp_tactic_set_position:
 * @self: a #TpTactic
 * @position: the place in the list, smallest first
 *
 * Sets #TpTactic:position. This changes only the object: TpStore saves it.
 */
void
tp_tactic_set_position (TpTactic *self,
                        gint64    position)
{
  g_return_if_fail (TP_IS_TACTIC (self));

  if (self->position == position)
    return;

  self->position = position;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}
