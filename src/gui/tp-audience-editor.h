/* tp-audience-editor.h
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

#define TP_TYPE_AUDIENCE_EDITOR (tp_audience_editor_get_type ())

G_DECLARE_FINAL_TYPE (TpAudienceEditor, tp_audience_editor, TP, AUDIENCE_EDITOR, GtkWidget)

TpStore    *tp_audience_editor_get_store     (TpAudienceEditor *self);
void        tp_audience_editor_set_store     (TpAudienceEditor *self,
                                              TpStore          *store);
TpAudience *tp_audience_editor_get_audience  (TpAudienceEditor *self);
void        tp_audience_editor_set_audience  (TpAudienceEditor *self,
                                              TpAudience       *audience);
void        tp_audience_editor_edit_name     (TpAudienceEditor *self);
gboolean    tp_audience_editor_flush         (TpAudienceEditor *self);
GListModel *tp_audience_editor_get_places    (TpAudienceEditor *self);

G_END_DECLS
