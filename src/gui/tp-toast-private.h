/* tp-toast-private.h
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

/* Called with the widget that deleted and the id the undo restored. */
typedef void (*TpUndoneFunc) (GtkWidget *widget,
                              gint64     id);

/* What a toast's Undo button does. */
typedef void (*TpToastUndoFunc) (gpointer user_data);

void  _tp_toast_show           (GtkWidget       *widget,
                                AdwToast        *toast);
void  _tp_toast_show_kind      (GtkWidget       *widget,
                                AdwToast        *toast,
                                const char      *kind);
guint _tp_toast_count          (GtkWidget       *widget,
                                const char      *kind);
void  _tp_toast_show_error     (GtkWidget       *widget,
                                const GError    *error);
void  _tp_toast_show_undo      (GtkWidget       *widget,
                                const char      *title,
                                TpToastUndoFunc  undo_func,
                                gpointer         user_data,
                                GDestroyNotify   destroy);
void  _tp_toast_show_undo_delete (GtkWidget     *widget,
                                  TpStore       *store,
                                  TpUndo        *undo,
                                  TpUndoneFunc   undone_func);

G_END_DECLS
