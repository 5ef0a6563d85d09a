/* tp-followups-section.h
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

#include "tp-follow-up-queue.h"
#include "tp-notifier.h"
#include "tp-store.h"

G_BEGIN_DECLS

#define TP_TYPE_FOLLOWUPS_SECTION (tp_followups_section_get_type ())

G_DECLARE_FINAL_TYPE (TpFollowupsSection, tp_followups_section, TP, FOLLOWUPS_SECTION, GtkWidget)

TpStore    *tp_followups_section_get_store        (TpFollowupsSection   *self);
void        tp_followups_section_set_store        (TpFollowupsSection   *self,
                                                   TpStore              *store);
GDateTime  *tp_followups_section_get_now          (TpFollowupsSection   *self);
void        tp_followups_section_set_now          (TpFollowupsSection   *self,
                                                   GDateTime            *now);
guint       tp_followups_section_get_n_follow_ups (TpFollowupsSection   *self);
gboolean    tp_followups_section_get_loading      (TpFollowupsSection   *self);
GListModel *tp_followups_section_get_queue        (TpFollowupsSection   *self);
void        tp_followups_section_refresh          (TpFollowupsSection   *self);
void        tp_followups_section_set_notify_func  (TpFollowupsSection   *self,
                                                   TpFollowUpNotifyFunc  func,
                                                   gpointer              user_data);

G_END_DECLS
