/* tp-analytics-private.h
 *
 * Copyright 2026 The Touchpoint authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tp-enums.h"

G_BEGIN_DECLS

/* The cadence periods of tactics, in UTC: days, ISO weeks (from Monday),
 * calendar months. */
GDateTime *_tp_cadence_period_start (GDateTime       *utc,
                                     TpCadencePeriod  period);
GDateTime *_tp_cadence_period_add   (GDateTime       *start,
                                     TpCadencePeriod  period,
                                     int              n);

G_END_DECLS
