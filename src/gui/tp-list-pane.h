/* tp-list-pane.h
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

#include "tp-store.h"

G_BEGIN_DECLS

/* Makes the row of an item; the pane adds dragging and the item's id. */
typedef GtkListBoxRow *(*TpListPaneCreateRowFunc) (gpointer item,
                                                   gpointer user_data);

#define TP_TYPE_LIST_PANE (tp_list_pane_get_type ())

G_DECLARE_FINAL_TYPE (TpListPane, tp_list_pane, TP, LIST_PANE, GtkWidget)

TpStore    *tp_list_pane_get_store           (TpListPane              *self);
void        tp_list_pane_set_store           (TpListPane              *self,
                                              TpStore                 *store);
GListModel *tp_list_pane_get_model           (TpListPane              *self);
void        tp_list_pane_set_model           (TpListPane              *self,
                                              GListModel              *model,
                                              TpListPaneCreateRowFunc  create_row,
                                              gpointer                 user_data);
gint64      tp_list_pane_get_selected_id     (TpListPane              *self);
gpointer    tp_list_pane_dup_selected        (TpListPane              *self);
void        tp_list_pane_select_id           (TpListPane              *self,
                                              gint64                   id);
gboolean    tp_list_pane_move_selected       (TpListPane              *self,
                                              int                      delta);
gboolean    tp_list_pane_has_focus           (TpListPane              *self);
void        tp_list_pane_focus_selected      (TpListPane              *self);
GtkListBox *tp_list_pane_get_list_box        (TpListPane              *self);

G_END_DECLS
