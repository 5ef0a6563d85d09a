/* tp-preferences-window.h
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

#define TP_TYPE_PREFERENCES_WINDOW (tp_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (TpPreferencesWindow, tp_preferences_window, TP, PREFERENCES_WINDOW, AdwPreferencesWindow)

TpPreferencesWindow *tp_preferences_window_new       (GtkWindow           *parent,
                                                      TpStore             *store);
TpStore             *tp_preferences_window_get_store (TpPreferencesWindow *self);

G_END_DECLS
