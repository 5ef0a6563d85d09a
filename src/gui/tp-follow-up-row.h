/* tp-follow-up-row.h
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

#include "tp-follow-up-item.h"

G_BEGIN_DECLS

#define TP_TYPE_FOLLOW_UP_ROW (tp_follow_up_row_get_type ())

G_DECLARE_FINAL_TYPE (TpFollowUpRow, tp_follow_up_row, TP, FOLLOW_UP_ROW, GtkGrid)

GtkWidget      *tp_follow_up_row_new        (void);
TpFollowUpItem *tp_follow_up_row_get_item   (TpFollowUpRow  *self);
void            tp_follow_up_row_set_item   (TpFollowUpRow  *self,
                                             TpFollowUpItem *item,
                                             GDateTime      *now);
gboolean        tp_follow_up_row_get_narrow (TpFollowUpRow  *self);
void            tp_follow_up_row_set_narrow (TpFollowUpRow  *self,
                                             gboolean        narrow);

G_END_DECLS
