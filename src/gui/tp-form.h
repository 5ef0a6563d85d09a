/* tp-form.h
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

/* Converts between a widget's value and an object's; returns FALSE when
 * there is nothing to convert (no selection, say). */
typedef gboolean (*TpFormTransform) (const GValue *from,
                                     GValue       *to,
                                     gpointer      user_data);

#define TP_TYPE_FORM (tp_form_get_type ())

G_DECLARE_FINAL_TYPE (TpForm, tp_form, TP, FORM, GObject)

TpForm     *tp_form_new             (void);
TpStore    *tp_form_get_store       (TpForm          *self);
void        tp_form_set_store       (TpForm          *self,
                                     TpStore         *store);
GObject    *tp_form_get_object      (TpForm          *self);
void        tp_form_set_object      (TpForm          *self,
                                     GObject         *object);
const char *tp_form_get_error       (TpForm          *self);
void        tp_form_set_error_label (TpForm          *self,
                                     GtkLabel        *label);
void        tp_form_add_field       (TpForm          *self,
                                     GtkWidget       *widget,
                                     const char      *widget_property,
                                     const char      *object_property,
                                     const char      *required_message);
void        tp_form_add_field_full  (TpForm          *self,
                                     GtkWidget       *widget,
                                     const char      *widget_property,
                                     const char      *object_property,
                                     const char      *required_message,
                                     TpFormTransform  to_object,
                                     TpFormTransform  to_widget,
                                     gpointer         user_data);
void        tp_form_reload_field    (TpForm          *self,
                                     GtkWidget       *widget);
gboolean    tp_form_get_pending     (TpForm          *self);
gboolean    tp_form_flush           (TpForm          *self);

G_END_DECLS
