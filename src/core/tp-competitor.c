/* tp-competitor.c
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

#define G_LOG_DOMAIN "tp-competitor"

#include "config.h"

#include "tp-competitor.h"
#include "tp-core-enum-types.h"

/**
 * TpCompetitor:
 *
 * A competitor and how it positions itself.
 *
 * Each property is a column of the `competitors` table. Times are ISO 8601
 * UTC text ("2026-11-28T12:00:00Z"); a reference to another row is its
 * id, 0 for none. TpStore loads, saves and keeps the object up to date,
 * so every view showing the same row sees its changes.
 */

struct _TpCompetitor
{
  TpRecord parent_instance;

  char   *name;
  char   *positioning;
  char   *strengths;
  char   *weaknesses;
  char   *link;
  gint64  position;
};

G_DEFINE_FINAL_TYPE (TpCompetitor, tp_competitor, TP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_POSITIONING,
  PROP_STRENGTHS,
  PROP_WEAKNESSES,
  PROP_LINK,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * tp_competitor_new:
 *
 * Creates an empty TpCompetitor with the column defaults, not yet stored.
 *
 * Returns: (transfer full): a new #TpCompetitor
 */
TpCompetitor *
tp_competitor_new (void)
{
  return g_object_new (TP_TYPE_COMPETITOR, NULL);
}

static void
tp_competitor_finalize (GObject *object)
{
  TpCompetitor *self = (TpCompetitor *)object;

  g_free (self->name);
  g_free (self->positioning);
  g_free (self->strengths);
  g_free (self->weaknesses);
  g_free (self->link);

  G_OBJECT_CLASS (tp_competitor_parent_class)->finalize (object);
}

static void
tp_competitor_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TpCompetitor *self = TP_COMPETITOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_POSITIONING:
      g_value_set_string (value, self->positioning);
      break;

    case PROP_STRENGTHS:
      g_value_set_string (value, self->strengths);
      break;

    case PROP_WEAKNESSES:
      g_value_set_string (value, self->weaknesses);
      break;

    case PROP_LINK:
      g_value_set_string (value, self->link);
      break;

    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_competitor_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TpCompetitor *self = TP_COMPETITOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      tp_competitor_set_name (self, g_value_get_string (value));
      break;

    case PROP_POSITIONING:
      tp_competitor_set_positioning (self, g_value_get_string (value));
      break;

    case PROP_STRENGTHS:
      tp_competitor_set_strengths (self, g_value_get_string (value));
      break;

    case PROP_WEAKNESSES:
      tp_competitor_set_weaknesses (self, g_value_get_string (value));
      break;

    case PROP_LINK:
      tp_competitor_set_link (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      tp_competitor_set_position (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_competitor_class_init (TpCompetitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_competitor_finalize;
  object_class->get_property = tp_competitor_get_property;
  object_class->set_property = tp_competitor_set_property;

  /**
   * TpCompetitor:name:
   *
   * The competitor's name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCompetitor:positioning:
   *
   * How it positions itself.
   */
  properties[PROP_POSITIONING] =
    g_param_spec_string ("positioning", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCompetitor:strengths:
   *
   * Its strengths.
   */
  properties[PROP_STRENGTHS] =
    g_param_spec_string ("strengths", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCompetitor:weaknesses:
   *
   * Its weaknesses.
   */
  properties[PROP_WEAKNESSES] =
    g_param_spec_string ("weaknesses", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCompetitor:link:
   *
   * A web address, or empty.
   */
  properties[PROP_LINK] =
    g_param_spec_string ("link", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCompetitor:position:
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
tp_competitor_init (TpCompetitor *self)
{
  self->name = g_strdup ("");
  self->positioning = g_strdup ("");
  self->strengths = g_strdup ("");
  self->weaknesses = g_strdup ("");
  self->link = g_strdup ("");
}

/**
 * tp_competitor_get_name:
 * @self: a #TpCompetitor
 *
 * Returns: the competitor's name
 */
const char *
tp_competitor_get_name (TpCompetitor *self)
{
  g_return_val_if_fail (TP_IS_COMPETITOR (self), NULL);

  return self->name;
}

/**
 * tp_competitor_set_name:
 * @self: a #TpCompetitor
 * @name: the competitor's name
 *
 * Sets #TpCompetitor:name. This changes only the object: TpStore saves it.
 */
void
tp_competitor_set_name (TpCompetitor *self,
                        const char   *name)
{
  g_return_if_fail (TP_IS_COMPETITOR (self));

  if (name == NULL)
    name = "";

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * tp_competitor_get_positioning:
 * @self: a #TpCompetitor
 *
 * Returns: how it positions itself
 */
const char *
tp_competitor_get_positioning (TpCompetitor *self)
{
  g_return_val_if_fail (TP_IS_COMPETITOR (self), NULL);

  return self->positioning;
}

/**
 * tp_competitor_set_positioning:
 * @self: a #TpCompetitor
 * @positioning: how it positions itself
 *
 * Sets #TpCompetitor:positioning. This changes only the object: TpStore saves it.
 */
void
tp_competitor_set_positioning (TpCompetitor *self,
                               const char   *positioning)
{
  g_return_if_fail (TP_IS_COMPETITOR (self));

  if (positioning == NULL)
    positioning = "";

  if (g_strcmp0 (self->positioning, positioning) == 0)
    return;

  g_free (self->positioning);
  self->positioning = g_strdup (positioning);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITIONING]);
}

/**
 * tp_competitor_get_strengths:
 * @self: a #TpCompetitor
 *
 * Returns: its strengths
 */
const char *
tp_competitor_get_strengths (TpCompetitor *self)
{
  g_return_val_if_fail (TP_IS_COMPETITOR (self), NULL);

  return self->strengths;
}

/**
 * tp_competitor_set_strengths:
 * @self: a #TpCompetitor
 * @strengths: its strengths
 *
 * Sets #TpCompetitor:strengths. This changes only the object: TpStore saves it.
 */
void
tp_competitor_set_strengths (TpCompetitor *self,
                             const char   *strengths)
{
  g_return_if_fail (TP_IS_COMPETITOR (self));

  if (strengths == NULL)
    strengths = "";

  if (g_strcmp0 (self->strengths, strengths) == 0)
    return;

  g_free (self->strengths);
  self->strengths = g_strdup (strengths);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRENGTHS]);
}

/**
 * tp_competitor_get_weaknesses:
 * @self: a #TpCompetitor
 *
 * Returns: its weaknesses
 */
const char *
tp_competitor_get_weaknesses (TpCompetitor *self)
{
  g_return_val_if_fail (TP_IS_COMPETITOR (self), NULL);

  return self->weaknesses;
}

/**
 * tp_competitor_set_weaknesses:
 * @self: a #TpCompetitor
 * @weaknesses: its weaknesses
 *
 * Sets #TpCompetitor:weaknesses. This changes only the object: TpStore saves it.
 */
void
tp_competitor_set_weaknesses (TpCompetitor *self,
                              const char   *weaknesses)
{
  g_return_if_fail (TP_IS_COMPETITOR (self));

  if (weaknesses == NULL)
    weaknesses = "";

  if (g_strcmp0 (self->weaknesses, weaknesses) == 0)
    return;

  g_free (self->weaknesses);
  self->weaknesses = g_strdup (weaknesses);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEAKNESSES]);
}

/**
 * tp_competitor_get_link:
 * @self: a #TpCompetitor
 *
 * Returns: a web address, or empty
 */
const char *
tp_competitor_get_link (TpCompetitor *self)
{
  g_return_val_if_fail (TP_IS_COMPETITOR (self), NULL);

  return self->link;
}

/**
 * tp_competitor_set_link:
 * @self: a #TpCompetitor
 * @link: a web address, or empty
 *
 * Sets #TpCompetitor:link. This changes only the object: TpStore saves it.
 */
void
tp_competitor_set_link (TpCompetitor *self,
                        const char   *link)
{
  g_return_if_fail (TP_IS_COMPETITOR (self));

  if (link == NULL)
    link = "";

  if (g_strcmp0 (self->link, link) == 0)
    return;

  g_free (self->link);
  self->link = g_strdup (link);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINK]);
}

/**
 * tp_competitor_get_position:
 * @self: a #TpCompetitor
 *
 * Returns: the place in the list, smallest first
 */
gint64
tp_competitor_get_position (TpCompetitor *self)
{
  g_return_val_if_fail (TP_IS_COMPETITOR (self), 0);

  return self->position;
}

/**
 * tp_competitor_set_position:
 * @self: a #TpCompetitor
 * @position: the place in the list, smallest first
 *
 * Sets #TpCompetitor:position. This changes only the object: TpStore saves it.
 */
void
tp_competitor_set_position (TpCompetitor *self,
                            gint64        position)
{
  g_return_if_fail (TP_IS_COMPETITOR (self));

  if (self->position == position)
    return;

  self->position = position;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}
