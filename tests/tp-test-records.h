/* tp-test-records.h
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

#include "tp-models.h"
#include "tp-store.h"

G_BEGIN_DECLS

/* Records a test adds through the store, asserting that it worked. */

gint64 tp_test_add_customer (TpStore    *store,
                             const char *name,
                             const char *created_at,
                             TpStage     stage);
gint64 tp_test_add_touch    (TpStore    *store,
                             gint64      customer_id,
                             const char *happened_at,
                             TpChannel   channel,
                             gboolean    done,
                             const char *note);

G_END_DECLS
