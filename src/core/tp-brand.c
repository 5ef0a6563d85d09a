/* tp-brand.c
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

#define G_LOG_DOMAIN "tp-brand"

#include "config.h"

#include "tp-brand.h"
#include "tp-core-enum-types.h"

/**
 * TpBrand:
 *
 * The business's brand: one row, whose id is always 1.
 *
 * Each property is a column of the `brand` table. Times are ISO 8601
 * UTC text ("2026-11-28T12:00:00Z"); a reference to another row is its
 * id, 0 for none. TpStore loads, saves and keeps the object up to date,
 * so every view showing the same row sees its changes.
 */

struct _TpBrand
{
  TpRecord parent_instance;

  char   *business_name;
  char   *friends_words;
  char   *positioning;
  char   *differentiators;
  char   *tagline;
};

G_DEFINE_FINAL_TYPE (TpBrand, tp_brand, TP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_BUSINESS_NAME,
  PROP_FRIENDS_WORDS,
  PROP_POSITIONING,
  PROP_DIFFERENTIATORS,
  PROP_TAGLINE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * tp_brand_new:
 *
 * Creates an empty TpBrand with the column defaults, not yet stored.
 *
 * Returns: (transfer full): a new #TpBrand
 */
TpBrand *
tp_brand_new (void)
{
  return g_object_new (TP_TYPE_BRAND, NULL);
}

static void
tp_brand_finalize (GObject *object)
{
  TpBrand *self = (TpBrand *)object;

  g_free (self->business_name);
  g_free (self->friends_words);
  g_free (self->positioning);
  g_free (self->differentiators);
  g_free (self->tagline);

  G_OBJECT_CLASS (tp_brand_parent_class)->finalize (object);
}

static void
tp_brand_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TpBrand *self = TP_BRAND (object);

  switch (prop_id)
    {
    case PROP_BUSINESS_NAME:
      g_value_set_string (value, self->business_name);
      break;

    case PROP_FRIENDS_WORDS:
      g_value_set_string (value, self->friends_words);
      break;

    case PROP_POSITIONING:
      g_value_set_string (value, self->positioning);
      break;

    case PROP_DIFFERENTIATORS:
      g_value_set_string (value, self->differentiators);
      break;

    case PROP_TAGLINE:
      g_value_set_string (value, self->tagline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_brand_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  TpBrand *self = TP_BRAND (object);

  switch (prop_id)
    {
    case PROP_BUSINESS_NAME:
      tp_brand_set_business_name (self, g_value_get_string (value));
      break;

    case PROP_FRIENDS_WORDS:
      tp_brand_set_friends_words (self, g_value_get_string (value));
      break;

    case PROP_POSITIONING:
      tp_brand_set_positioning (self, g_value_get_string (value));
      break;

    case PROP_DIFFERENTIATORS:
      tp_brand_set_differentiators (self, g_value_get_string (value));
      break;

    case PROP_TAGLINE:
      tp_brand_set_tagline (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_brand_class_init (TpBrandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_brand_finalize;
  object_class->get_property = tp_brand_get_property;
  object_class->set_property = tp_brand_set_property;

  /**
   * TpBrand:business-name:
   *
   * The name of the business.
   */
  properties[PROP_BUSINESS_NAME] =
    g_param_spec_string ("business-name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpBrand:friends-words:
   *
   * The words friends actually use about the business.
   */
  properties[PROP_FRIENDS_WORDS] =
    g_param_spec_string ("friends-words", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpBrand:positioning:
   *
   * The positioning statement.
   */
  properties[PROP_POSITIONING] =
    g_param_spec_string ("positioning", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpBrand:differentiators:
   *
   * What sets the business apart.
   */
  properties[PROP_DIFFERENTIATORS] =
    g_param_spec_string ("differentiators", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpBrand:tagline:
   *
   * The tagline.
   */
  properties[PROP_TAGLINE] =
    g_param_spec_string ("tagline", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_brand_init (TpBrand *self)
{
  self->business_name = g_strdup ("");
  self->friends_words = g_strdup ("");
  self->positioning = g_strdup ("");
  self->differentiators = g_strdup ("");
  self->tagline = g_strdup ("");
}

/**
 * tp_brand_get_business_name:
 * @self: a #TpBrand
 *
 * Returns: the name of the business
 */
const char *
tp_brand_get_business_name (TpBrand *self)
{
  g_return_val_if_fail (TP_IS_BRAND (self), NULL);

  return self->business_name;
}

/**
 * tp_brand_set_business_name:
 * @self: a #TpBrand
 * @business_name: the name of the business
 *
 * Sets #TpBrand:business-name. This changes only the object: TpStore saves it.
 */
void
tp_brand_set_business_name (TpBrand    *self,
                            const char *business_name)
{
  g_return_if_fail (TP_IS_BRAND (self));

  if (business_name == NULL)
    business_name = "";

  if (g_strcmp0 (self->business_name, business_name) == 0)
    return;

  g_free (self->business_name);
  self->business_name = g_strdup (business_name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSINESS_NAME]);
}

/**
 * tp_brand_get_friends_words:
 * @self: a #TpBrand
 *
 * Returns: the words friends actually use about the business
 */
const char *
tp_brand_get_friends_words (TpBrand *self)
{
  g_return_val_if_fail (TP_IS_BRAND (self), NULL);

  return self->friends_words;
}

/**
 * tp_brand_set_friends_words:
 * @self: a #TpBrand
 * @friends_words: the words friends actually use about the business
 *
 * Sets #TpBrand:friends-words. This changes only the object: TpStore saves it.
 */
void
tp_brand_set_friends_words (TpBrand    *self,
                            const char *friends_words)
{
  g_return_if_fail (TP_IS_BRAND (self));

  if (friends_words == NULL)
    friends_words = "";

  if (g_strcmp0 (self->friends_words, friends_words) == 0)
    return;

  g_free (self->friends_words);
  self->friends_words = g_strdup (friends_words);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRIENDS_WORDS]);
}

/**
 * tp_brand_get_positioning:
 * @self: a #TpBrand
 *
 * Returns: the positioning statement
 */
const char *
tp_brand_get_positioning (TpBrand *self)
{
  g_return_val_if_fail (TP_IS_BRAND (self), NULL);

  return self->positioning;
}

/**
 * tp_brand_set_positioning:
 * @self: a #TpBrand
 * @positioning: the positioning statement
 *
 * Sets #TpBrand:positioning. This changes only the object: TpStore saves it.
 */
void
tp_brand_set_positioning (TpBrand    *self,
                          const char *positioning)
{
  g_return_if_fail (TP_IS_BRAND (self));

  if (positioning == NULL)
    positioning = "";

  if (g_strcmp0 (self->positioning, positioning) == 0)
    return;

  g_free (self->positioning);
  self->positioning = g_strdup (positioning);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITIONING]);
}

/**
 * tp_brand_get_differentiators:
 * @self: a #TpBrand
 *
 * Returns: what sets the business apart
 */
const char *
tp_brand_get_differentiators (TpBrand *self)
{
  g_return_val_if_fail (TP_IS_BRAND (self), NULL);

  return self->differentiators;
}

/**
 * tp_brand_set_differentiators:
 * @self: a #TpBrand
 * @differentiators: what sets the business apart
 *
 * Sets #TpBrand:differentiators. This changes only the object: TpStore saves it.
 */
void
tp_brand_set_differentiators (TpBrand    *self,
                              const char *differentiators)
{
  g_return_if_fail (TP_IS_BRAND (self));

  if (differentiators == NULL)
    differentiators = "";

  if (g_strcmp0 (self->differentiators, differentiators) == 0)
    return;

  g_free (self->differentiators);
  self->differentiators = g_strdup (differentiators);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFFERENTIATORS]);
}

/**
 * tp_brand_get_tagline:
 * @self: a #TpBrand
 *
 * Returns: the tagline
 */
const char *
tp_brand_get_tagline (TpBrand *self)
{
  g_return_val_if_fail (TP_IS_BRAND (self), NULL);

  return self->tagline;
}

/**
 * tp_brand_set_tagline:
 * @self: a #TpBrand
 * @tagline: the tagline
 *
 * Sets #TpBrand:tagline. This changes only the object: TpStore saves it.
 */
void
tp_brand_set_tagline (TpBrand    *self,
                      const char *tagline)
{
  g_return_if_fail (TP_IS_BRAND (self));

  if (tagline == NULL)
    tagline = "";

  if (g_strcmp0 (self->tagline, tagline) == 0)
    return;

  g_free (self->tagline);
  self->tagline = g_strdup (tagline);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGLINE]);
}
