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
#include "tp-record.h"

G_BEGIN_DECLS

#define TP_TYPE_BRAND_WORD (tp_brand_word_get_type ())

G_DECLARE_FINAL_TYPE (TpBrandWord, tp_brand_word, TP, BRAND_WORD, TpRecord)

TpBrandWord *tp_brand_word_new            (void);
const char * tp_brand_word_get_word       (TpBrandWord *self);
void         tp_brand_word_set_word       (TpBrandWord *self,
                                           const char  *word);
gint64       tp_brand_word_get_position   (TpBrandWord *self);
void         tp_brand_word_set_position   (TpBrandWord *self,
                                           gint64       position);

G_END_DECLS
