/* tp-audience.c
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

#define G_LOG_DOMAIN "tp-audience"

#include "config.h"

#include "tp-audience.h"
#include "tp-core-enum-types.h"

/**
 * TpAudience:
 *
 * A persona the business is for: who they are, what they need and what to say to them.
 *
 * Each property is a column of the `audiences` table. Times are ISO 8601
 * UTC text ("2026-11-28T12:00:00Z"); a reference to another row is its
 * id, 0 for none. TpStore loads, saves and keeps the object up to date,
 * so every view showing the same row sees its changes.
 */

struct _TpAudience
{
  TpRecord parent_instance;

  char   *name;
  char   *who;
  char   *looks_like;
  char   *needs;
  char   *message;
  guint   is_primary : 1;
  gint64  position;
};

G_DEFINE_FINAL_TYPE (TpAudience, tp_audience, TP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_WHO,
  PROP_LOOKS_LIKE,
  PROP_NEEDS,
  PROP_MESSAGE,
  PROP_IS_PRIMARY,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * tp_audience_new:
 *
 * Creates an empty TpAudience with the column defaults, not yet stored.
 *
 * Returns: (transfer full): a new #TpAudience
 */
TpAudience *
tp_audience_new (void)
{
  return g_object_new (TP_TYPE_AUDIENCE, NULL);
}

static void
tp_audience_finalize (GObject *object)
{
  TpAudience *self = (TpAudience *)object;

  g_free (self->name);
  g_free (self->who);
  g_free (self->looks_like);
  g_free (self->needs);
  g_free (self->message);

  G_OBJECT_CLASS (tp_audience_parent_class)->finalize (object);
}

static void
tp_audience_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TpAudience *self = TP_AUDIENCE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_WHO:
      g_value_set_string (value, self->who);
      break;

    case PROP_LOOKS_LIKE:
      g_value_set_string (value, self->looks_like);
      break;

    case PROP_NEEDS:
      g_value_set_string (value, self->needs);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_IS_PRIMARY:
      g_value_set_boolean (value, self->is_primary);
      break;

    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_audience_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TpAudience *self = TP_AUDIENCE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      tp_audience_set_name (self, g_value_get_string (value));
      break;

    case PROP_WHO:
      tp_audience_set_who (self, g_value_get_string (value));
      break;

    case PROP_LOOKS_LIKE:
      tp_audience_set_looks_like (self, g_value_get_string (value));
      break;

    case PROP_NEEDS:
      tp_audience_set_needs (self, g_value_get_string (value));
      break;

    case PROP_MESSAGE:
      tp_audience_set_message (self, g_value_get_string (value));
      break;

    case PROP_IS_PRIMARY:
      tp_audience_set_is_primary (self, g_value_get_boolean (value));
      break;

    case PROP_POSITION:
      tp_audience_set_position (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_audience_class_init (TpAudienceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_audience_finalize;
  object_class->get_property = tp_audience_get_property;
  object_class->set_property = tp_audience_set_property;

  /**
   * TpAudience:name:
   *
   * The persona's short name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpAudience:who:
   *
   * Who they are.
   */
  properties[PROP_WHO] =
    g_param_spec_string ("who", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpAudience:looks-like:
   *
   * What they look like.
   */
  properties[PROP_LOOKS_LIKE] =
    g_param_spec_string ("looks-like", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpAudience:needs:
   *
   * What they need.
   */
  properties[PROP_NEEDS] =
    g_param_spec_string ("needs", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpAudience:message:
   *
   * What to say to them.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpAudience:is-primary:
   *
   * Whether this is the primary audience (at most one is).
   */
  properties[PROP_IS_PRIMARY] =
    g_param_spec_boolean ("is-primary", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpAudience:position:
   *
   * The place in the list of audiences, smallest first.
   */
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_audience_init (TpAudience *self)
{
  self->name = g_strdup ("");
  self->who = g_strdup ("");
  self->looks_like = g_strdup ("");
  self->needs = g_strdup ("");
  self->message = g_strdup ("");
}

/**
 * tp_audience_get_name:
 * @self: a #TpAudience
 *
 * Returns: the persona's short name
 */
const char *
tp_audience_get_name (TpAudience *self)
{
  g_return_val_if_fail (TP_IS_AUDIENCE (self), NULL);

  return self->name;
}

/**
 * tp_audience_set_name:
 * @self: a #TpAudience
 * @name: the persona's short name
 *
 * Sets #TpAudience:name. This changes only the object: TpStore saves it.
 */
void
tp_audience_set_name (TpAudience *self,
                      const char *name)
{
  g_return_if_fail (TP_IS_AUDIENCE (self));

  if (name == NULL)
    name = "";

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * tp_audience_get_who:
 * @self: a #TpAudience
 *
 * Returns: who they are
 */
const char *
tp_audience_get_who (TpAudience *self)
{
  g_return_val_if_fail (TP_IS_AUDIENCE (self), NULL);

  return self->who;
}

/**
 * tp_audience_set_who:
 * @self: a #TpAudience
 * @who: who they are
 *
 * Sets #TpAudience:who. This changes only the object: TpStore saves it.
 */
void
tp_audience_set_who (TpAudience *self,
                     const char *who)
{
  g_return_if_fail (TP_IS_AUDIENCE (self));

  if (who == NULL)
    who = "";

  if (g_strcmp0 (self->who, who) == 0)
    return;

  g_free (self->who);
  self->who = g_strdup (who);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHO]);
}

/**
 * tp_audience_get_looks_like:
 * @self: a #TpAudience
 *
 * Returns: what they look like
 */
const char *
tp_audience_get_looks_like (TpAudience *self)
{
  g_return_val_if_fail (TP_IS_AUDIENCE (self), NULL);

  return self->looks_like;
}

/**
 * tp_audience_set_looks_like:
 * @self: a #TpAudience
 * @looks_like: what they look like
 *
 * Sets #TpAudience:looks-like. This changes only the object: TpStore saves it.
 */
void
tp_audience_set_looks_like (TpAudience *self,
                            const char *looks_like)
{
  g_return_if_fail (TP_IS_AUDIENCE (self));

  if (looks_like == NULL)
    looks_like = "";

  if (g_strcmp0 (self->looks_like, looks_like) == 0)
    return;

  g_free (self->looks_like);
  self->looks_like = g_strdup (looks_like);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOKS_LIKE]);
}

/**
 * tp_audience_get_needs:
 * @self: a #TpAudience
 *
 * Returns: what they need
 */
const char *
tp_audience_get_needs (TpAudience *self)
{
  g_return_val_if_fail (TP_IS_AUDIENCE (self), NULL);

  return self->needs;
}

/**
 * tp_audience_set_needs:
 * @self: a #TpAudience
 * @needs: what they need
 *
 * Sets #TpAudience:needs. This changes only the object: TpStore saves it.
 */
void
tp_audience_set_needs (TpAudience *self,
                       const char *needs)
{
  g_return_if_fail (TP_IS_AUDIENCE (self));

  if (needs == NULL)
    needs = "";

  if (g_strcmp0 (self->needs, needs) == 0)
    return;

  g_free (self->needs);
  self->needs = g_strdup (needs);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS]);
}

/**
 * tp_audience_get_message:
 * @self: a #TpAudience
 *
 * Returns: what to say to them
 */
const char *
tp_audience_get_message (TpAudience *self)
{
  g_return_val_if_fail (TP_IS_AUDIENCE (self), NULL);

  return self->message;
}

/**
 * tp_audience_set_message:
 * @self: a #TpAudience
 * @message: what to say to them
 *
 * Sets #TpAudience:message. This changes only the object: TpStore saves it.
 */
void
tp_audience_set_message (TpAudience *self,
                         const char *message)
{
  g_return_if_fail (TP_IS_AUDIENCE (self));

  if (message == NULL)
    message = "";

  if (g_strcmp0 (self->message, message) == 0)
    return;

  g_free (self->message);
  self->message = g_strdup (message);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

/**
 * tp_audience_get_is_primary:
 * @self: a #TpAudience
 *
 * Returns: whether this is the primary audience (at most one is)
 */
gboolean
tp_audience_get_is_primary (TpAudience *self)
{
  g_return_val_if_fail (TP_IS_AUDIENCE (self), FALSE);

  return self->is_primary;
}

/**
 * tp_audience_set_is_primary:
 * @self: a #TpAudience
 * @is_primary: whether this is the primary audience (at most one is)
 *
 * Sets #TpAudience:is-primary. This changes only the object: TpStore saves it.
 */
void
tp_audience_set_is_primary (TpAudience *self,
                            gboolean    is_primary)
{
  g_return_if_fail (TP_IS_AUDIENCE (self));

  is_primary = !!is_primary;

  if (self->is_primary == (guint)is_primary)
    return;

  self->is_primary = is_primary;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_PRIMARY]);
}

/**
 * tp_audience_get_position:
 * @self: a #TpAudience
 *
 * Returns: the place in the list of audiences, smallest first
 */
gint64
tp_audience_get_position (TpAudience *self)
{
  g_return_val_if_fail (TP_IS_AUDIENCE (self), 0);

  return self->position;
}

/**
 * tp_audience_set_position:
 * @self: a #TpAudience
 * @position: the place in the list of audiences, smallest first
 *
 * Sets #TpAudience:position. This changes only the object: TpStore saves it.
 */
void
tp_audience_set_position (TpAudience *self,
                          gint64      position)
{
  g_return_if_fail (TP_IS_AUDIENCE (self));

  if (self->position == position)
    return;

  self->position = position;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}
