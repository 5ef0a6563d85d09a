/* tp-order.h
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

#include <glib-object.h>

#include "tp-enums.h"
#include "tp-record.h"

G_BEGIN_DECLS

#define TP_TYPE_ORDER (tp_order_get_type ())

G_DECLARE_FINAL_TYPE (TpOrder, tp_order, TP, ORDER, TpRecord)

TpOrder *     tp_order_new              (void);
gint64        tp_order_get_customer_id  (TpOrder *self);
void          tp_order_set_customer_id  (TpOrder *self,
                                         gint64   customer_id);
const char *  tp_order_get_ordered_at   (TpOrder *self);
void          tp_order_set_ordered_at   (TpOrder    *self,
                                         const char *ordered_at);
const char *  tp_order_get_item         (TpOrder *self);
void          tp_order_set_item         (TpOrder    *self,
                                         const char *item);
gint64        tp_order_get_amount_minor (TpOrder *self);
void          tp_order_set_amount_minor (TpOrder *self,
                                         gint64   amount_minor);
const char *  tp_order_get_currency     (TpOrder *self);
void          tp_order_set_currency     (TpOrder    *self,
                                         const char *currency);
TpOrderStatus tp_order_get_status       (TpOrder *self);
void          tp_order_set_status       (TpOrder       *self,
                                         TpOrderStatus  status);
const char *  tp_order_get_fulfilled_at (TpOrder *self);
void          tp_order_set_fulfilled_at (TpOrder    *self,
                                         const char *fulfilled_at);
const char *  tp_order_get_person       (TpOrder *self);
void          tp_order_set_person       (TpOrder    *self,
                                         const char *person);

G_END_DECLS
