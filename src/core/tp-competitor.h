/* tp-competitor.h
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

#define TP_TYPE_COMPETITOR (tp_competitor_get_type ())

G_DECLARE_FINAL_TYPE (TpCompetitor, tp_competitor, TP, COMPETITOR, TpRecord)

TpCompetitor *tp_competitor_new             (void);
const char *  tp_competitor_get_name        (TpCompetitor *self);
void          tp_competitor_set_name        (TpCompetitor *self,
                                             const char   *name);
const char *  tp_competitor_get_positioning (TpCompetitor *self);
void          tp_competitor_set_positioning (TpCompetitor *self,
                                             const char   *positioning);
const char *  tp_competitor_get_strengths   (TpCompetitor *self);
void          tp_competitor_set_strengths   (TpCompetitor *self,
                                             const char   *strengths);
const char *  tp_competitor_get_weaknesses  (TpCompetitor *self);
void          tp_competitor_set_weaknesses  (TpCompetitor *self,
                                             const char   *weaknesses);
const char *  tp_competitor_get_link        (TpCompetitor *self);
void          tp_competitor_set_link        (TpCompetitor *self,
                                             const char   *link);
gint64        tp_competitor_get_position    (TpCompetitor *self);
void          tp_competitor_set_position    (TpCompetitor *self,
                                             gint64        position);

G_END_DECLS
