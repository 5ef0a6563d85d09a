/* tp-consistency-cells.h
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

#include "tp-analytics.h"

G_BEGIN_DECLS

#define TP_TYPE_CONSISTENCY_CELLS (tp_consistency_cells_get_type ())

G_DECLARE_FINAL_TYPE (TpConsistencyCells, tp_consistency_cells, TP, CONSISTENCY_CELLS, GtkWidget)

GtkWidget                 *tp_consistency_cells_new             (void);
const TpTacticConsistency *tp_consistency_cells_get_consistency (TpConsistencyCells        *self);
void                       tp_consistency_cells_set_consistency (TpConsistencyCells        *self,
                                                                 const TpTacticConsistency *consistency);
int                        tp_consistency_cells_get_cell_size   (TpConsistencyCells        *self);
void                       tp_consistency_cells_set_cell_size   (TpConsistencyCells        *self,
                                                                 int                        cell_size);
char                      *tp_consistency_cells_describe        (const TpTacticConsistency *consistency);

G_END_DECLS
