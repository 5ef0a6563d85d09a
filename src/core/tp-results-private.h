/* tp-results-private.h
 *
 * Copyright 2026 The Touchpoint authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tp-results.h"

G_BEGIN_DECLS

TpResults *_tp_results_compute_reference (TpDatabase       *db,
                                          TpResultsPeriod   period,
                                          gint64            start,
                                          gint64            end,
                                          GDateTime        *now,
                                          GError          **error);

G_END_DECLS
