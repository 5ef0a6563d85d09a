/* tp-place.h
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

#define TP_TYPE_PLACE (tp_place_get_type ())

G_DECLARE_FINAL_TYPE (TpPlace, tp_place, TP, PLACE, TpRecord)

TpPlace *   tp_place_new             (void);
gint64      tp_place_get_audience_id (TpPlace *self);
void        tp_place_set_audience_id (TpPlace *self,
                                      gint64   audience_id);
TpPlaceKind tp_place_get_kind        (TpPlace *self);
void        tp_place_set_kind        (TpPlace     *self,
                                      TpPlaceKind  kind);
const char *tp_place_get_name        (TpPlace *self);
void        tp_place_set_name        (TpPlace    *self,
                                      const char *name);
const char *tp_place_get_link        (TpPlace *self);
void        tp_place_set_link        (TpPlace    *self,
                                      const char *link);
const char *tp_place_get_notes       (TpPlace *self);
void        tp_place_set_notes       (TpPlace    *self,
                                      const char *notes);
gint64      tp_place_get_position    (TpPlace *self);
void        tp_place_set_position    (TpPlace *self,
                                      gint64   position);

G_END_DECLS
