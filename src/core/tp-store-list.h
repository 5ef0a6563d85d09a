/* tp-store-list.h
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

#include <gio/gio.h>

#include "tp-store.h"

G_BEGIN_DECLS

#define TP_TYPE_STORE_LIST (tp_store_list_get_type ())

G_DECLARE_FINAL_TYPE (TpStoreList, tp_store_list, TP, STORE_LIST, GObject)

TpStore    *tp_store_list_get_store (TpStoreList *self);
const char *tp_store_list_get_table (TpStoreList *self);
gint64      tp_store_list_get_id    (TpStoreList *self,
                                     guint        position);
guint       tp_store_list_find      (TpStoreList *self,
                                     gint64       id);

G_END_DECLS
