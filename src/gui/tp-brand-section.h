/* tp-brand-section.h
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

#include <adwaita.h>

#include "tp-store.h"
#include "tp-word-chips.h"

G_BEGIN_DECLS

#define TP_TYPE_BRAND_SECTION (tp_brand_section_get_type ())

G_DECLARE_FINAL_TYPE (TpBrandSection, tp_brand_section, TP, BRAND_SECTION, GtkWidget)

TpStore     *tp_brand_section_get_store (TpBrandSection *self);
void         tp_brand_section_set_store (TpBrandSection *self,
                                         TpStore        *store);
TpWordChips *tp_brand_section_get_chips (TpBrandSection *self);
gboolean     tp_brand_section_flush     (TpBrandSection *self);

G_END_DECLS
