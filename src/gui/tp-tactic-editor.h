/* tp-tactic-editor.h
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

#include "tp-consistency-cells.h"
#include "tp-store.h"

G_BEGIN_DECLS

#define TP_TYPE_TACTIC_EDITOR (tp_tactic_editor_get_type ())

G_DECLARE_FINAL_TYPE (TpTacticEditor, tp_tactic_editor, TP, TACTIC_EDITOR, GtkWidget)

TpStore            *tp_tactic_editor_get_store      (TpTacticEditor  *self);
void                tp_tactic_editor_set_store      (TpTacticEditor  *self,
                                                     TpStore         *store);
TpTactic           *tp_tactic_editor_get_tactic     (TpTacticEditor  *self);
void                tp_tactic_editor_set_tactic     (TpTacticEditor  *self,
                                                     TpTactic        *tactic);
void                tp_tactic_editor_edit_name      (TpTacticEditor  *self);
gboolean            tp_tactic_editor_flush          (TpTacticEditor  *self);
GDateTime          *tp_tactic_editor_get_done_day   (TpTacticEditor  *self);
void                tp_tactic_editor_set_done_day   (TpTacticEditor  *self,
                                                     GDateTime       *day);
TpTacticLogEntry   *tp_tactic_editor_log_done       (TpTacticEditor  *self,
                                                     GError         **error);
GListModel         *tp_tactic_editor_get_log        (TpTacticEditor  *self);
TpConsistencyCells *tp_tactic_editor_get_cells      (TpTacticEditor  *self);

gboolean          tp_tactic_editor_pick_reached (TpTacticEditor *self,
                                                 gint64          customer_id,
                                                 gboolean        picked);

G_END_DECLS
