/* tp-place-row.h
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

#include "tp-store.h"

G_BEGIN_DECLS

#define TP_TYPE_PLACE_ROW (tp_place_row_get_type ())

G_DECLARE_FINAL_TYPE (TpPlaceRow, tp_place_row, TP, PLACE_ROW, AdwExpanderRow)

GtkWidget *tp_place_row_new            (TpStore    *store,
                                        TpPlace    *place);
TpPlace   *tp_place_row_get_place      (TpPlaceRow *self);
void       tp_place_row_set_neighbours (TpPlaceRow *self,
                                        gboolean    has_previous,
                                        gboolean    has_next);
void       tp_place_row_edit_name      (TpPlaceRow *self);
gboolean   tp_place_row_flush          (TpPlaceRow *self);

G_END_DECLS
