/* tp-place.c
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

#define G_LOG_DOMAIN "tp-place"

#include "config.h"

#include "tp-place.h"
#include "tp-core-enum-types.h"

/**
 * TpPlace:
 *
 * A place where an audience spends time: a forum, a group, an event, a partner business.
 *
 * Each property is a column of the `audience_places` table. Times are ISO 8601
 * UTC text ("2026-11-28T12:00:00Z"); a reference to another row is its
 * id, 0 for none. TpStore loads, saves and keeps the object up to date,
 * so every view showing the same row sees its changes.
 */

struct _TpPlace
{
  TpRecord     parent_instance;

  gint64      audience_id;
  TpPlaceKind kind;
  char       *name;
  char       *link;
  char       *notes;
  gint64      position;
};

G_DEFINE_FINAL_TYPE (TpPlace, tp_place, TP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_AUDIENCE_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_LINK,
  PROP_NOTES,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * tp_place_new:
 *
 * Creates an empty TpPlace with the column defaults, not yet stored.
 *
 * Returns: (transfer full): a new #TpPlace
 */
TpPlace *
tp_place_new (void)
{
  return g_object_new (TP_TYPE_PLACE, NULL);
}

static void
tp_place_finalize (GObject *object)
{
  TpPlace *self = (TpPlace *)object;

  g_free (self->name);
  g_free (self->link);
  g_free (self->notes);

  G_OBJECT_CLASS (tp_place_parent_class)->finalize (object);
}

static void
tp_place_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TpPlace *self = TP_PLACE (object);

  switch (prop_id)
    {
    case PROP_AUDIENCE_ID:
      g_value_set_int64 (value, self->audience_id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_LINK:
      g_value_set_string (value, self->link);
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
tp_place_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  TpPlace *self = TP_PLACE (object);

  switch (prop_id)
    {
    case PROP_AUDIENCE_ID:
      tp_place_set_audience_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      tp_place_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_NAME:
      tp_place_set_name (self, g_value_get_string (value));
      break;

    case PROP_LINK:
      tp_place_set_link (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      tp_place_set_notes (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      tp_place_set_position (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_place_class_init (TpPlaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_place_finalize;
  object_class->get_property = tp_place_get_property;
  object_class->set_property = tp_place_set_property;

  /**
   * TpPlace:audience-id:
   *
   * The audience the place belongs to.
   */
  properties[PROP_AUDIENCE_ID] =
    g_param_spec_int64 ("audience-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpPlace:kind:
   *
   * What kind of place it is.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       TP_TYPE_PLACE_KIND, TP_PLACE_KIND_OTHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpPlace:name:
   *
   * The name of the place.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpPlace:link:
   *
   * A web address, or empty.
   */
  properties[PROP_LINK] =
    g_param_spec_string ("link", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpPlace:notes:
   *
   * Free notes.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpPlace:position:
   *
   * The place in the audience's list, smallest first.
   */
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_place_init (TpPlace *self)
{
  self->kind = TP_PLACE_KIND_OTHER;
  self->name = g_strdup ("");
  self->link = g_strdup ("");
  self->notes = g_strdup ("");
}

/**
 * tp_place_get_audience_id:
 * @self: a #TpPlace
 *
 * Returns: the audience the place belongs to
 */
gint64
tp_place_get_audience_id (TpPlace *self)
{
  g_return_val_if_fail (TP_IS_PLACE (self), 0);

  return self->audience_id;
}

/**
 * tp_place_set_audience_id:
 * @self: a #TpPlace
 * @audience_id: the audience the place belongs to
 *
 * Sets #TpPlace:audience-id. This changes only the object: TpStore saves it.
 */
void
tp_place_set_audience_id (TpPlace *self,
                          gint64   audience_id)
{
  g_return_if_fail (TP_IS_PLACE (self));
  g_return_if_fail (audience_id >= 0);

  if (self->audience_id == audience_id)
    return;

  self->audience_id = audience_id;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIENCE_ID]);
}

/**
 * tp_place_get_kind:
 * @self: a #TpPlace
 *
 * Returns: what kind of place it is
 */
TpPlaceKind
tp_place_get_kind (TpPlace *self)
{
  g_return_val_if_fail (TP_IS_PLACE (self), 0);

  return self->kind;
}

/**
 * tp_place_set_kind:
 * @self: a #TpPlace
 * @kind: what kind of place it is
 *
 * Sets #TpPlace:kind. This changes only the object: TpStore saves it.
 */
void
tp_place_set_kind (TpPlace    *self,
                   TpPlaceKind kind)
{
  g_return_if_fail (TP_IS_PLACE (self));
  g_return_if_fail (tp_enum_to_nick (TP_TYPE_PLACE_KIND, kind) != NULL);

  if (self->kind == kind)
    return;

  self->kind = kind;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * tp_place_get_name:
 * @self: a #TpPlace
 *
 * Returns: the name of the place
 */
const char *
tp_place_get_name (TpPlace *self)
{
  g_return_val_if_fail (TP_IS_PLACE (self), NULL);

  return self->name;
}

/**
 * tp_place_set_name:
 * @self: a #TpPlace
 * @name: the name of the place
 *
 * Sets #TpPlace:name. This changes only the object: TpStore saves it.
 */
void
tp_place_set_name (TpPlace    *self,
                   const char *name)
{
  g_return_if_fail (TP_IS_PLACE (self));

  if (name == NULL)
    name = "";

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * tp_place_get_link:
 * @self: a #TpPlace
 *
 * Returns: a web address, or empty
 */
const char *
tp_place_get_link (TpPlace *self)
{
  g_return_val_if_fail (TP_IS_PLACE (self), NULL);

  return self->link;
}

/**
 * tp_place_set_link:
 * @self: a #TpPlace
 * @link: a web address, or empty
 *
 * Sets #TpPlace:link. This changes only the object: TpStore saves it.
 */
void
tp_place_set_link (TpPlace    *self,
                   const char *link)
{
  g_return_if_fail (TP_IS_PLACE (self));

  if (link == NULL)
    link = "";

  if (g_strcmp0 (self->link, link) == 0)
    return;

  g_free (self->link);
  self->link = g_strdup (link);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINK]);
}

/**
 * tp_place_get_notes:
 * @self: a #TpPlace
 *
 * Returns: free notes
 */
const char *
tp_place_get_notes (TpPlace *self)
{
  g_return_val_if_fail (TP_IS_PLACE (self), NULL);

  return self->notes;
}

/**
 * tp_place_set_notes:
 * @self: a #TpPlace
 * @notes: free notes
 *
 * Sets #TpPlace:notes. This changes only the object: TpStore saves it.
 */
void
tp_place_set_notes (TpPlace    *self,
                    const char *notes)
{
  g_return_if_fail (TP_IS_PLACE (self));

  if (notes == NULL)
    notes = "";

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = g_strdup (notes);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * tp_place_get_position:
 * @self: a #TpPlace
 *
 * Returns: the place in the audience's list, smallest first
 */
gint64
tp_place_get_position (TpPlace *self)
{
  g_return_val_if_fail (TP_IS_PLACE (self), 0);

  return self->position;
}

/**
 * tp_place_set_position:
 * @self: a #TpPlace
 * @position: the place in the audience's list, smallest first
 *
 * Sets #TpPlace:position. This changes only the object: TpStore saves it.
 */
void
tp_place_set_position (TpPlace *self,
                       gint64   position)
{
  g_return_if_fail (TP_IS_PLACE (self));

  if (self->position == position)
    return;

  self->position = position;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}
