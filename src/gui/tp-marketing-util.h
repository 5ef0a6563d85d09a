/* tp-marketing-util.h
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

#include "tp-analytics.h"
#include "tp-store.h"

G_BEGIN_DECLS

/* Helpers shared by the sections of the Marketing tab. */

/* How long typing may pause before a field is saved. */
#define TP_SAVE_DELAY_MS 400

void        _tp_marketing_clear_box        (GtkWidget            *box);
GtkWidget  *_tp_marketing_new_label        (const char           *text,
                                            const char           *style);
void        _tp_marketing_show_error       (GtkWidget            *widget,
                                            const GError         *error);
char       *_tp_marketing_error_text       (const GError         *error);
void        _tp_marketing_edit_when_shown  (GtkWidget            *widget);
void        _tp_marketing_focus_when_shown (GtkWidget            *widget);
gboolean    _tp_marketing_save_object      (TpStore              *store,
                                            GObject              *object,
                                            GError              **error);
gint64      _tp_marketing_next_position    (GListModel           *list);
gboolean    _tp_marketing_move_item        (TpStore              *store,
                                            GListModel           *list,
                                            guint                 from,
                                            guint                 to,
                                            GError              **error);
GListModel *_tp_marketing_enum_labels      (GType                 enum_type);
char       *_tp_marketing_format_day       (const char           *utc_time);
char       *_tp_marketing_cadence_text     (gint64                count,
                                            TpCadencePeriod       period);
char       *_tp_marketing_streak_text      (guint                 n,
                                            TpCadencePeriod       period);
gboolean    _tp_marketing_consistency      (TpStore              *store,
                                            gint64                tactic_id,
                                            TpTacticConsistency  *consistency);
gboolean    _tp_marketing_is_blank         (const char           *text);
guint       _tp_marketing_find_position    (GListModel           *list,
                                            gint64                id);
gint64      _tp_marketing_get_id           (gpointer              object);

G_END_DECLS
