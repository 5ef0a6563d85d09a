/* tp-competitor-editor.h
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

#define TP_TYPE_COMPETITOR_EDITOR (tp_competitor_editor_get_type ())

G_DECLARE_FINAL_TYPE (TpCompetitorEditor, tp_competitor_editor, TP, COMPETITOR_EDITOR, GtkWidget)

TpStore      *tp_competitor_editor_get_store           (TpCompetitorEditor *self);
void          tp_competitor_editor_set_store           (TpCompetitorEditor *self,
                                                        TpStore            *store);
TpCompetitor *tp_competitor_editor_get_competitor      (TpCompetitorEditor *self);
void          tp_competitor_editor_set_competitor      (TpCompetitorEditor *self,
                                                        TpCompetitor       *competitor);
void          tp_competitor_editor_edit_name           (TpCompetitorEditor *self);
gboolean      tp_competitor_editor_flush               (TpCompetitorEditor *self);
const char   *tp_competitor_editor_get_own_positioning (TpCompetitorEditor *self);

G_END_DECLS
