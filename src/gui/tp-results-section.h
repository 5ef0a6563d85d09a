/* tp-results-section.h
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

#include "tp-results.h"
#include "tp-store.h"

G_BEGIN_DECLS

#define TP_TYPE_RESULTS_SECTION (tp_results_section_get_type ())

G_DECLARE_FINAL_TYPE (TpResultsSection, tp_results_section, TP, RESULTS_SECTION, GtkWidget)

TpStore   *tp_results_section_get_store   (TpResultsSection *self);
void       tp_results_section_set_store   (TpResultsSection *self,
                                           TpStore          *store);
void       tp_results_section_set_now     (TpResultsSection *self,
                                           GDateTime        *now);
void       tp_results_section_refresh     (TpResultsSection *self);
TpResults *tp_results_section_get_results (TpResultsSection *self);
gboolean   tp_results_section_get_loading (TpResultsSection *self);
char      *tp_results_section_dup_text    (TpResultsSection *self);

G_END_DECLS
