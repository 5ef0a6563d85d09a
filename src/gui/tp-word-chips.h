/* tp-word-chips.h
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

#define TP_TYPE_WORD_CHIPS (tp_word_chips_get_type ())

G_DECLARE_FINAL_TYPE (TpWordChips, tp_word_chips, TP, WORD_CHIPS, GtkWidget)

TpStore     *tp_word_chips_get_store (TpWordChips *self);
void         tp_word_chips_set_store (TpWordChips *self,
                                      TpStore     *store);
GtkEditable *tp_word_chips_get_entry (TpWordChips *self);
gboolean     tp_word_chips_add_word  (TpWordChips *self,
                                      const char  *word);
const char  *tp_word_chips_get_error (TpWordChips *self);

G_END_DECLS
