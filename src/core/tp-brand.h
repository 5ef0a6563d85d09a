/* tp-brand.h
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

#define TP_TYPE_BRAND (tp_brand_get_type ())

G_DECLARE_FINAL_TYPE (TpBrand, tp_brand, TP, BRAND, TpRecord)

TpBrand *   tp_brand_new                 (void);
const char *tp_brand_get_business_name   (TpBrand *self);
void        tp_brand_set_business_name   (TpBrand    *self,
                                          const char *business_name);
const char *tp_brand_get_friends_words   (TpBrand *self);
void        tp_brand_set_friends_words   (TpBrand    *self,
                                          const char *friends_words);
const char *tp_brand_get_positioning     (TpBrand *self);
void        tp_brand_set_positioning     (TpBrand    *self,
                                          const char *positioning);
const char *tp_brand_get_differentiators (TpBrand *self);
void        tp_brand_set_differentiators (TpBrand    *self,
                                          const char *differentiators);
const char *tp_brand_get_tagline         (TpBrand *self);
void        tp_brand_set_tagline         (TpBrand    *self,
                                          const char *tagline);

G_END_DECLS
