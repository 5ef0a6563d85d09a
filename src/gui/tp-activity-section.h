/* tp-activity-section.h
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

#include "tp-activity-item.h"
#include "tp-store.h"

G_BEGIN_DECLS

/* The activity filter: a #TpChannel shows that channel's touches. */
#define TP_ACTIVITY_FILTER_ALL    (-1)
#define TP_ACTIVITY_FILTER_ORDERS (-2)

#define TP_TYPE_ACTIVITY_SECTION (tp_activity_section_get_type ())

G_DECLARE_FINAL_TYPE (TpActivitySection, tp_activity_section, TP, ACTIVITY_SECTION, GtkWidget)

TpStore    *tp_activity_section_get_store  (TpActivitySection *self);
void        tp_activity_section_set_store  (TpActivitySection *self,
                                            TpStore           *store);
int         tp_activity_section_get_filter (TpActivitySection *self);
void        tp_activity_section_set_filter (TpActivitySection *self,
                                            int                filter);
guint       tp_activity_section_get_limit  (TpActivitySection *self);
void        tp_activity_section_load_more  (TpActivitySection *self);
GListModel *tp_activity_section_get_items  (TpActivitySection *self);
const char *tp_activity_section_get_person (TpActivitySection *self);
void        tp_activity_section_set_person (TpActivitySection *self,
                                            const char        *person);

G_END_DECLS
