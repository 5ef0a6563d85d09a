/* tp-text-chips.h
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

G_BEGIN_DECLS

#define TP_TYPE_TEXT_CHIPS (tp_text_chips_get_type ())

G_DECLARE_FINAL_TYPE (TpTextChips, tp_text_chips, TP, TEXT_CHIPS, GtkWidget)

const char  *tp_text_chips_get_text      (TpTextChips *self);
void         tp_text_chips_set_text      (TpTextChips *self,
                                          const char  *text);
GListModel  *tp_text_chips_get_chips     (TpTextChips *self);
gboolean     tp_text_chips_add           (TpTextChips *self,
                                          const char  *chip);
void         tp_text_chips_remove        (TpTextChips *self,
                                          guint        position);
GtkEditable *tp_text_chips_get_entry     (TpTextChips *self);

char       **tp_text_chips_split         (const char  *text);

G_END_DECLS
