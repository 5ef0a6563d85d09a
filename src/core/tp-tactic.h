/* tp-tactic.h
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

#define TP_TYPE_TACTIC (tp_tactic_get_type ())

G_DECLARE_FINAL_TYPE (TpTactic, tp_tactic, TP, TACTIC, TpRecord)

TpTactic *      tp_tactic_new                (void);
const char *    tp_tactic_get_name           (TpTactic *self);
void            tp_tactic_set_name           (TpTactic   *self,
                                              const char *name);
TpChannel       tp_tactic_get_channel        (TpTactic *self);
void            tp_tactic_set_channel        (TpTactic  *self,
                                              TpChannel  channel);
gint64          tp_tactic_get_audience_id    (TpTactic *self);
void            tp_tactic_set_audience_id    (TpTactic *self,
                                              gint64    audience_id);
gint64          tp_tactic_get_cadence_count  (TpTactic *self);
void            tp_tactic_set_cadence_count  (TpTactic *self,
                                              gint64    cadence_count);
TpCadencePeriod tp_tactic_get_cadence_period (TpTactic *self);
void            tp_tactic_set_cadence_period (TpTactic        *self,
                                              TpCadencePeriod  cadence_period);
gboolean        tp_tactic_get_active         (TpTactic *self);
void            tp_tactic_set_active         (TpTactic *self,
                                              gboolean  active);
const char *    tp_tactic_get_notes          (TpTactic *self);
void            tp_tactic_set_notes          (TpTactic   *self,
                                              const char *notes);
gint64          tp_tactic_get_position       (TpTactic *self);
void            tp_tactic_set_position       (TpTactic *self,
                                              gint64    position);

G_END_DECLS
