/* tp-stable-list.h
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

G_BEGIN_DECLS

#define TP_TYPE_STABLE_LIST (tp_stable_list_get_type ())

G_DECLARE_FINAL_TYPE (TpStableList, tp_stable_list, TP, STABLE_LIST, GObject)

TpStableList *tp_stable_list_new        (GListModel   *model);
GListModel   *tp_stable_list_get_model  (TpStableList *self);

G_END_DECLS
