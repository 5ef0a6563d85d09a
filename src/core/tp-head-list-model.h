/* tp-head-list-model.h
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

#define TP_TYPE_HEAD_LIST_MODEL (tp_head_list_model_get_type ())

G_DECLARE_FINAL_TYPE (TpHeadListModel, tp_head_list_model, TP, HEAD_LIST_MODEL, GObject)

TpHeadListModel *tp_head_list_model_new      (GListModel      *model,
                                              guint            size);
GListModel      *tp_head_list_model_get_model (TpHeadListModel *self);
guint            tp_head_list_model_get_size  (TpHeadListModel *self);
void             tp_head_list_model_set_size  (TpHeadListModel *self,
                                              guint            size);

G_END_DECLS
