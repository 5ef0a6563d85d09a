/* tp-text-area.h
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

#define TP_TYPE_TEXT_AREA (tp_text_area_get_type ())

G_DECLARE_FINAL_TYPE (TpTextArea, tp_text_area, TP, TEXT_AREA, GtkWidget)

GtkWidget   *tp_text_area_new           (void);
const char  *tp_text_area_get_title     (TpTextArea *self);
void         tp_text_area_set_title     (TpTextArea *self,
                                         const char *title);
const char  *tp_text_area_get_hint      (TpTextArea *self);
void         tp_text_area_set_hint      (TpTextArea *self,
                                         const char *hint);
const char  *tp_text_area_get_text      (TpTextArea *self);
void         tp_text_area_set_text      (TpTextArea *self,
                                         const char *text);
GtkTextView *tp_text_area_get_text_view (TpTextArea *self);

G_END_DECLS
