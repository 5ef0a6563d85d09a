/* tp-tactic-row.h
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

#include <gtk/gtk.h>

#include "tp-consistency-cells.h"
#include "tp-store.h"

G_BEGIN_DECLS

#define TP_TYPE_TACTIC_ROW (tp_tactic_row_get_type ())

G_DECLARE_FINAL_TYPE (TpTacticRow, tp_tactic_row, TP, TACTIC_ROW, GtkListBoxRow)

GtkWidget          *tp_tactic_row_new        (TpStore     *store,
                                              TpTactic    *tactic);
TpTactic           *tp_tactic_row_get_tactic (TpTacticRow *self);
TpConsistencyCells *tp_tactic_row_get_cells  (TpTacticRow *self);
void                tp_tactic_row_refresh    (TpTacticRow *self);

G_END_DECLS
