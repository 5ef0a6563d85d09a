/* tp-follow-up-actions.h
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

#include "tp-store.h"

G_BEGIN_DECLS

TpTouch  *tp_follow_up_log_touch   (TpStore     *store,
                                    gint64       customer_id,
                                    gint64       planned_touch_id,
                                    GDateTime   *now,
                                    GError     **error);
TpTouch  *tp_follow_up_mark_done   (TpStore     *store,
                                    gint64       touch_id,
                                    GDateTime   *now,
                                    char       **planned_at,
                                    GError     **error);
gboolean  tp_follow_up_unmark_done (TpStore     *store,
                                    gint64       touch_id,
                                    const char  *planned_at,
                                    GError     **error);

G_END_DECLS
