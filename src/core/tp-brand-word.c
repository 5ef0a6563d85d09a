/* tp-brand-word.c
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

#define G_LOG_DOMAIN "tp-brand-word"

#include "config.h"

#include "tp-brand-word.h"
#include "tp-core-enum-types.h"

/**
 * TpBrandWord:
 *
 * A personality word of the brand (playful, bold, buttoned-up…).
 *
 * Each property is a column of the `brand_words` table. Times are ISO 8601
 * UTC text ("2026-11-28T12:00:00Z"); a reference to another row is its
 * id, 0 for none. TpStore loads, saves and keeps the object up to date,
 * so every view showing the same row sees its changes.
 */

struct _TpBrandWord
{
  TpRecord parent_instance;

  char   *word;
  gint64  position;
};

G_DEFINE_FINAL_TYPE (TpBrandWord, tp_brand_word, TP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_WORD,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * tp_brand_word_new:
 *
 * Creates an empty TpBrandWord with the column defaults, not yet stored.
 *
 * Returns: (transfer full): a new #TpBrandWord
 */
TpBrandWord *
tp_brand_word_new (void)
{
  return g_object_new (TP_TYPE_BRAND_WORD, NULL);
}

static void
tp_brand_word_finalize (GObject *object)
{
  TpBrandWord *self = (TpBrandWord *)object;

  g_free (self->word);

  G_OBJECT_CLASS (tp_brand_word_parent_class)->finalize (object);
}

static void
tp_brand_word_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TpBrandWord *self = TP_BRAND_WORD (object);

  switch (prop_id)
    {
    case PROP_WORD:
      g_value_set_string (value, self->word);
      break;

    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_brand_word_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TpBrandWord *self = TP_BRAND_WORD (object);

  switch (prop_id)
    {
    case PROP_WORD:
      tp_brand_word_set_word (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      tp_brand_word_set_position (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_brand_word_class_init (TpBrandWordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_brand_word_finalize;
  object_class->get_property = tp_brand_word_get_property;
  object_class->set_property = tp_brand_word_set_property;

  /**
   * TpBrandWord:word:
   *
   * The word.
   */
  properties[PROP_WORD] =
    g_param_spec_string ("word", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpBrandWord:position:
   *
   * The place among the words, smallest first.
   */
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_brand_word_init (TpBrandWord *self)
{
  self->word = g_strdup ("");
}

/**
 * tp_brand_word_get_word:
 * @self: a #TpBrandWord
 *
 * Returns: the word
 */
const char *
tp_brand_word_get_word (TpBrandWord *self)
{
  g_return_val_if_fail (TP_IS_BRAND_WORD (self), NULL);

  return self->word;
}

/**
 * tp_brand_word_set_word:
 * @self: a #TpBrandWord
 * @word: the word
 *
 * Sets #TpBrandWord:word. This changes only the object: TpStore saves it.
 */
void
tp_brand_word_set_word (TpBrandWord *self,
                        const char  *word)
{
  g_return_if_fail (TP_IS_BRAND_WORD (self));

  if (word == NULL)
    word = "";

  if (g_strcmp0 (self->word, word) == 0)
    return;

  g_free (self->word);
  self->word = g_strdup (word);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORD]);
}

/**
 * tp_brand_word_get_position:
 * @self: a #TpBrandWord
 *
 * Returns: the place among the words, smallest first
 */
gint64
tp_brand_word_get_position (TpBrandWord *self)
{
  g_return_val_if_fail (TP_IS_BRAND_WORD (self), 0);

  return self->position;
}

/**
 * tp_brand_word_set_position:
 * @self: a #TpBrandWord
 * @position: the place among the words, smallest first
 *
 * Sets #TpBrandWord:position. This changes only the object: TpStore saves it.
 */
void
tp_brand_word_set_position (TpBrandWord *self,
                            gint64       position)
{
  g_return_if_fail (TP_IS_BRAND_WORD (self));

  if (self->position == position)
    return;

  self->position = position;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}
