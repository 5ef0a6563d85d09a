/* tp-audience.h
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

#include <glib-object.h>

#include "tp-enums.h"
#include "tp-record.h"

G_BEGIN_DECLS

#define TP_TYPE_AUDIENCE (tp_audience_get_type ())

G_DECLARE_FINAL_TYPE (TpAudience, tp_audience, TP, AUDIENCE, TpRecord)

TpAudience *tp_audience_new            (void);
const char *tp_audience_get_name       (TpAudience *self);
void        tp_audience_set_name       (TpAudience *self,
                                        const char *name);
const char *tp_audience_get_who        (TpAudience *self);
void        tp_audience_set_who        (TpAudience *self,
                                        const char *who);
const char *tp_audience_get_looks_like (TpAudience *self);
void        tp_audience_set_looks_like (TpAudience *self,
                                        const char *looks_like);
const char *tp_audience_get_needs      (TpAudience *self);
void        tp_audience_set_needs      (TpAudience *self,
                                        const char *needs);
const char *tp_audience_get_message    (TpAudience *self);
void        tp_audience_set_message    (TpAudience *self,
                                        const char *message);
gboolean    tp_audience_get_is_primary (TpAudience *self);
void        tp_audience_set_is_primary (TpAudience *self,
                                        gboolean    is_primary);
gint64      tp_audience_get_position   (TpAudience *self);
void        tp_audience_set_position   (TpAudience *self,
                                        gint64      position);

G_END_DECLS
