/* tp-reset-list-model.h
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

#define TP_TYPE_RESET_LIST_MODEL (tp_reset_list_model_get_type ())

G_DECLARE_FINAL_TYPE (TpResetListModel, tp_reset_list_model, TP, RESET_LIST_MODEL, GObject)

TpResetListModel *tp_reset_list_model_new       (GListModel       *model);
GListModel       *tp_reset_list_model_get_model (TpResetListModel *self);
void              tp_reset_list_model_set_model (TpResetListModel *self,
                                                 GListModel       *model);

G_END_DECLS
