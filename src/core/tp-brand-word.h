/* tp-brand-word.h
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

#pragma once

#include <glib-object.h>

#include "tp-enums.h"

G_BEGIN_DECLS

#define TP_TYPE_BRAND_WORD (tp_brand_word_get_type ())

G_DECLARE_FINAL_TYPE (TpBrandWord, tp_brand_word, TP, BRAND_WORD, GObject)

TpBrandWord *tp_brand_word_new            (void);
gint64       tp_brand_word_get_id         (TpBrandWord *self);
void         tp_brand_word_set_id         (TpBrandWord *self,
                                           gint64       id);
const char * tp_brand_word_get_word       (TpBrandWord *self);
void         tp_brand_word_set_word       (TpBrandWord *self,
                                           const char  *word);
gint64       tp_brand_word_get_position   (TpBrandWord *self);
void         tp_brand_word_set_position   (TpBrandWord *self,
                                           gint64       position);
const char * tp_brand_word_get_created_at (TpBrandWord *self);
void         tp_brand_word_set_created_at (TpBrandWord *self,
                                           const char  *created_at);
const char * tp_brand_word_get_updated_at (TpBrandWord *self);
void         tp_brand_word_set_updated_at (TpBrandWord *self,
                                           const char  *updated_at);

G_END_DECLS
