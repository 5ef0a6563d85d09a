/* tp-touch.h
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

#define TP_TYPE_TOUCH (tp_touch_get_type ())

G_DECLARE_FINAL_TYPE (TpTouch, tp_touch, TP, TOUCH, TpRecord)

TpTouch *   tp_touch_new             (void);
gint64      tp_touch_get_customer_id (TpTouch *self);
void        tp_touch_set_customer_id (TpTouch *self,
                                      gint64   customer_id);
const char *tp_touch_get_happened_at (TpTouch *self);
void        tp_touch_set_happened_at (TpTouch    *self,
                                      const char *happened_at);
TpChannel   tp_touch_get_channel     (TpTouch *self);
void        tp_touch_set_channel     (TpTouch   *self,
                                      TpChannel  channel);
TpDirection tp_touch_get_direction   (TpTouch *self);
void        tp_touch_set_direction   (TpTouch     *self,
                                      TpDirection  direction);
const char *tp_touch_get_note        (TpTouch *self);
void        tp_touch_set_note        (TpTouch    *self,
                                      const char *note);
gint64      tp_touch_get_tactic_id   (TpTouch *self);
void        tp_touch_set_tactic_id   (TpTouch *self,
                                      gint64   tactic_id);
gint64      tp_touch_get_place_id    (TpTouch *self);
void        tp_touch_set_place_id    (TpTouch *self,
                                      gint64   place_id);
gboolean    tp_touch_get_done        (TpTouch *self);
void        tp_touch_set_done        (TpTouch  *self,
                                      gboolean  done);
const char *tp_touch_get_person      (TpTouch *self);
void        tp_touch_set_person      (TpTouch    *self,
                                      const char *person);

G_END_DECLS
