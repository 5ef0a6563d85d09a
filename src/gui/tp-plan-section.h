/* tp-plan-section.h
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

G_BEGIN_DECLS

#define TP_TYPE_PLAN_SECTION (tp_plan_section_get_type ())

G_DECLARE_FINAL_TYPE (TpPlanSection, tp_plan_section, TP, PLAN_SECTION, GtkWidget)

TpStore  *tp_plan_section_get_store (TpPlanSection *self);
void      tp_plan_section_set_store (TpPlanSection *self,
                                     TpStore       *store);
void      tp_plan_section_refresh   (TpPlanSection *self);
char     *tp_plan_section_dup_text  (TpPlanSection *self);

G_END_DECLS
