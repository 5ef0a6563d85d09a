/* tp-follow-up-item-private.h
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

#include "tp-analytics.h"
#include "tp-follow-up-item.h"

G_BEGIN_DECLS

TpFollowUpItem *_tp_follow_up_item_new     (const TpFollowUp *entry,
                                            guint             followup_days,
                                            const char       *planned_detail);
gboolean        _tp_follow_up_item_same    (TpFollowUpItem   *a,
                                            TpFollowUpItem   *b);
gboolean        _tp_follow_up_item_equal   (TpFollowUpItem   *a,
                                            TpFollowUpItem   *b);
int             _tp_follow_up_item_compare (TpFollowUpItem   *a,
                                            TpFollowUpItem   *b);

G_END_DECLS
