/* tp-store-private.h
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

#include "tp-store.h"
#include "tp-store-list.h"

G_BEGIN_DECLS

GObject     *_tp_store_dup_object (TpStore    *self,
                                   const char *table,
                                   gint64      id,
                                   GError    **error);
GObject     *_tp_store_placeholder (const char *table,
                                    gint64      id);
TpStoreList *_tp_store_list_new   (TpStore    *store,
                                   const char *table,
                                   const char *ids_sql,
                                   gint64      parent_id);

G_END_DECLS
