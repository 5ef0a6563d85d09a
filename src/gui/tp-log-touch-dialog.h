/* tp-log-touch-dialog.h
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

#include <adwaita.h>

#include "tp-store.h"

G_BEGIN_DECLS

#define TP_TYPE_LOG_TOUCH_DIALOG (tp_log_touch_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TpLogTouchDialog, tp_log_touch_dialog, TP, LOG_TOUCH_DIALOG, AdwWindow)

TpLogTouchDialog *tp_log_touch_dialog_new          (TpStore          *store,
                                                    TpCustomer       *customer);
TpStore          *tp_log_touch_dialog_get_store    (TpLogTouchDialog *self);
TpCustomer       *tp_log_touch_dialog_get_customer (TpLogTouchDialog *self);
gboolean          tp_log_touch_dialog_save         (TpLogTouchDialog *self);

G_END_DECLS
