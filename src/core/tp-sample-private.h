/* tp-sample-private.h
 *
 * Copyright 2026 The Touchpoint authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tp-sample.h"

G_BEGIN_DECLS

/* The size of a generated business (the large sample, or a smaller one
 * for tests). Customer 1 is the benchmark customer with
 * benchmark_touches done touches. */
typedef struct
{
  guint n_customers;
  guint n_touches;          /* rows in touches, planned ones included */
  guint n_orders;           /* rows in orders, cancelled ones included */
  guint benchmark_touches;
} TpSampleShape;

gboolean _tp_sample_fill_full (TpDatabase           *db,
                               const TpSampleShape  *shape,
                               GDateTime            *now,
                               GError              **error);

G_END_DECLS
