/* tp-window.h
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

#include "tp-application.h"
#include "tp-store.h"

G_BEGIN_DECLS

#define TP_TYPE_WINDOW (tp_window_get_type ())

G_DECLARE_FINAL_TYPE (TpWindow, tp_window, TP, WINDOW, AdwApplicationWindow)

TpWindow   *tp_window_new               (TpApplication *application);
void        tp_window_open_database     (TpWindow      *self,
                                         const char    *path);
void        tp_window_open_store        (TpWindow      *self,
                                         const char    *path,
                                         TpStore       *store);

/* For the sections' error messages */
gboolean    _tp_window_refuse_quietly   (GtkWidget     *widget,
                                         const GError  *error);
const char *tp_window_get_database_path (TpWindow      *self);
TpStore    *tp_window_get_store         (TpWindow      *self);
void        tp_window_add_toast         (TpWindow      *self,
                                         AdwToast      *toast);

G_END_DECLS
