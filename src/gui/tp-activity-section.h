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

/* One line of the activity: a done touch or an order. */
#define TP_TYPE_ACTIVITY_ITEM (tp_activity_item_get_type ())

G_DECLARE_FINAL_TYPE (TpActivityItem, tp_activity_item, TP, ACTIVITY_ITEM, GObject)

GObject    *tp_activity_item_get_object      (TpActivityItem *self);
gint64      tp_activity_item_get_customer_id (TpActivityItem *self);
const char *tp_activity_item_get_time        (TpActivityItem *self);

G_END_DECLS
