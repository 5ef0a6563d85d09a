/* tp-record.c
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

#define G_LOG_DOMAIN "tp-record"

#include "config.h"

#include "tp-record.h"

/**
 * TpRecord:
 *
 * The base of every model: one row of a table.
 *
 * It holds the columns every table has — the row id, when the row was
 * created and last changed, and its version — and copies a row whatever
 * its type. Each model (#TpCustomer, #TpTouch, …) derives from it and
 * adds its own columns as properties. TpStore sets all four when it
 * writes a row.
 */

typedef struct
{
  gint64  id;
  char   *created_at;
  char   *updated_at;
  gint64  version;
} TpRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (TpRecord, tp_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
tp_record_finalize (GObject *object)
{
  TpRecord *self = (TpRecord *)object;
  TpRecordPrivate *priv = tp_record_get_instance_private (self);

  g_free (priv->created_at);
  g_free (priv->updated_at);

  G_OBJECT_CLASS (tp_record_parent_class)->finalize (object);
}

static void
tp_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TpRecord *self = TP_RECORD (object);
  TpRecordPrivate *priv = tp_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, priv->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, priv->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TpRecord *self = TP_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      tp_record_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED_AT:
      tp_record_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      tp_record_set_updated_at (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      tp_record_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_record_class_init (TpRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_record_finalize;
  object_class->get_property = tp_record_get_property;
  object_class->set_property = tp_record_set_property;

  /**
   * TpRecord:id:
   *
   * The row id, 0 until the row is stored.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpRecord:created-at:
   *
   * When the row was created, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ".
   */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpRecord:updated-at:
   *
   * When the row was last changed, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ".
   */
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpRecord:version:
   *
   * The version of the row this object was read as: 1 when the row is
   * added, one more on every update. TpStore saves a change only over
   * the version it names, so that nobody's edit is overwritten unseen.
   */
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        1, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_record_init (TpRecord *self)
{
  TpRecordPrivate *priv = tp_record_get_instance_private (self);

  priv->version = 1;
}

/**
 * tp_record_get_id:
 * @self: a #TpRecord
 *
 * Returns: the row id, 0 until the row is stored
 */
gint64
tp_record_get_id (TpRecord *self)
{
  TpRecordPrivate *priv = tp_record_get_instance_private (self);

  g_return_val_if_fail (TP_IS_RECORD (self), 0);

  return priv->id;
}

/**
 * tp_record_set_id:
 * @self: a #TpRecord
 * @id: the row id, 0 until the row is stored
 *
 * Sets #TpRecord:id. This changes only the object: TpStore saves it.
 */
void
tp_record_set_id (TpRecord *self,
                  gint64    id)
{
  TpRecordPrivate *priv = tp_record_get_instance_private (self);

  g_return_if_fail (TP_IS_RECORD (self));
  g_return_if_fail (id >= 0);

  if (priv->id == id)
    return;

  priv->id = id;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * tp_record_get_created_at:
 * @self: a #TpRecord
 *
 * Returns: (nullable): when the row was created, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ"
 */
const char *
tp_record_get_created_at (TpRecord *self)
{
  TpRecordPrivate *priv = tp_record_get_instance_private (self);

  g_return_val_if_fail (TP_IS_RECORD (self), NULL);

  return priv->created_at;
}

/**
 * tp_record_set_created_at:
 * @self: a #TpRecord
 * @created_at: (nullable): when the row was created, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ"
 *
 * Sets #TpRecord:created-at. This changes only the object: TpStore saves it.
 */
void
tp_record_set_created_at (TpRecord   *self,
                          const char *created_at)
{
  TpRecordPrivate *priv = tp_record_get_instance_private (self);

  g_return_if_fail (TP_IS_RECORD (self));

  if (g_strcmp0 (priv->created_at, created_at) == 0)
    return;

  g_free (priv->created_at);
  priv->created_at = g_strdup (created_at);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

/**
 * tp_record_get_updated_at:
 * @self: a #TpRecord
 *
 * Returns: (nullable): when the row was last changed, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ"
 */
const char *
tp_record_get_updated_at (TpRecord *self)
{
  TpRecordPrivate *priv = tp_record_get_instance_private (self);

  g_return_val_if_fail (TP_IS_RECORD (self), NULL);

  return priv->updated_at;
}

/**
 * tp_record_set_updated_at:
 * @self: a #TpRecord
 * @updated_at: (nullable): when the row was last changed, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ"
 *
 * Sets #TpRecord:updated-at. This changes only the object: TpStore saves it.
 */
void
tp_record_set_updated_at (TpRecord   *self,
                          const char *updated_at)
{
  TpRecordPrivate *priv = tp_record_get_instance_private (self);

  g_return_if_fail (TP_IS_RECORD (self));

  if (g_strcmp0 (priv->updated_at, updated_at) == 0)
    return;

  g_free (priv->updated_at);
  priv->updated_at = g_strdup (updated_at);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/**
 * tp_record_get_version:
 * @self: a #TpRecord
 *
 * Returns: the version of the row this object holds
 */
gint64
tp_record_get_version (TpRecord *self)
{
  TpRecordPrivate *priv = tp_record_get_instance_private (self);

  g_return_val_if_fail (TP_IS_RECORD (self), 0);

  return priv->version;
}

/**
 * tp_record_set_version:
 * @self: a #TpRecord
 * @version: the version of the row, from 1
 *
 * Sets #TpRecord:version. TpStore sets it when it reads or writes a row.
 */
void
tp_record_set_version (TpRecord *self,
                       gint64    version)
{
  TpRecordPrivate *priv = tp_record_get_instance_private (self);

  g_return_if_fail (TP_IS_RECORD (self));
  g_return_if_fail (version >= 1);

  if (priv->version == version)
    return;

  priv->version = version;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * tp_record_copy:
 * @self: a #TpRecord
 *
 * Makes a new object of the same type holding the same value in every
 * column, id and times included. Edit the copy and hand it to TpStore to
 * save: the object TpStore keeps live changes only once the row is stored.
 *
 * Returns: (transfer full) (type TpRecord): a copy of @self, not live
 */
gpointer
tp_record_copy (TpRecord *self)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree const char **names = NULL;
  g_autofree GValue *values = NULL;
  guint n_pspecs = 0;
  guint n_values = 0;
  GObject *copy;

  g_return_val_if_fail (TP_IS_RECORD (self), NULL);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  names = g_new0 (const char *, n_pspecs);
  values = g_new0 (GValue, n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];

      if ((pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      names[n_values] = pspec->name;
      g_value_init (&values[n_values], pspec->value_type);
      g_object_get_property (G_OBJECT (self), pspec->name, &values[n_values]);
      n_values++;
    }

  copy = g_object_new_with_properties (G_OBJECT_TYPE (self), n_values, names, values);

  for (guint i = 0; i < n_values; i++)
    g_value_unset (&values[i]);

  return copy;
}
