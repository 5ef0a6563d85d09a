/* tp-activity-item.h
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

#include <gio/gio.h>

G_BEGIN_DECLS

/* One line of the activity: a done touch or an order. */
#define TP_TYPE_ACTIVITY_ITEM (tp_activity_item_get_type ())

G_DECLARE_FINAL_TYPE (TpActivityItem, tp_activity_item, TP, ACTIVITY_ITEM, GObject)

TpActivityItem *tp_activity_item_new             (GObject        *object);
GObject        *tp_activity_item_get_object      (TpActivityItem *self);
gint64          tp_activity_item_get_customer_id (TpActivityItem *self);
const char     *tp_activity_item_get_time        (TpActivityItem *self);

G_END_DECLS
