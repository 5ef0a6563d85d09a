/* tp-follow-up-item.h
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

/* One entry of the follow-up queue (TpFollowUpQueue). */
#define TP_TYPE_FOLLOW_UP_ITEM (tp_follow_up_item_get_type ())

G_DECLARE_FINAL_TYPE (TpFollowUpItem, tp_follow_up_item, TP, FOLLOW_UP_ITEM, GObject)

gint64      tp_follow_up_item_get_customer_id      (TpFollowUpItem *self);
const char *tp_follow_up_item_get_name             (TpFollowUpItem *self);
gboolean    tp_follow_up_item_get_planned          (TpFollowUpItem *self);
gint64      tp_follow_up_item_get_planned_touch_id (TpFollowUpItem *self);
const char *tp_follow_up_item_get_planned_detail   (TpFollowUpItem *self);
guint       tp_follow_up_item_get_days_quiet       (TpFollowUpItem *self);
guint       tp_follow_up_item_get_touch_count      (TpFollowUpItem *self);
gint64      tp_follow_up_item_get_due_at           (TpFollowUpItem *self);
char       *tp_follow_up_item_dup_key              (TpFollowUpItem *self);

G_END_DECLS
