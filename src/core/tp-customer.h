/* tp-customer.h
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

#define TP_TYPE_CUSTOMER (tp_customer_get_type ())

G_DECLARE_FINAL_TYPE (TpCustomer, tp_customer, TP, CUSTOMER, TpRecord)

TpCustomer *tp_customer_new                    (void);
const char *tp_customer_get_name               (TpCustomer *self);
void        tp_customer_set_name               (TpCustomer *self,
                                                const char *name);
const char *tp_customer_get_email              (TpCustomer *self);
void        tp_customer_set_email              (TpCustomer *self,
                                                const char *email);
const char *tp_customer_get_phone              (TpCustomer *self);
void        tp_customer_set_phone              (TpCustomer *self,
                                                const char *phone);
gint64      tp_customer_get_audience_id        (TpCustomer *self);
void        tp_customer_set_audience_id        (TpCustomer *self,
                                                gint64      audience_id);
TpChannel   tp_customer_get_source_channel     (TpCustomer *self);
void        tp_customer_set_source_channel     (TpCustomer *self,
                                                TpChannel   source_channel);
gboolean    tp_customer_get_has_source_channel (TpCustomer *self);
void        tp_customer_set_has_source_channel (TpCustomer *self,
                                                gboolean    has_source_channel);
TpStage     tp_customer_get_stage              (TpCustomer *self);
void        tp_customer_set_stage              (TpCustomer *self,
                                                TpStage     stage);
const char *tp_customer_get_notes              (TpCustomer *self);
void        tp_customer_set_notes              (TpCustomer *self,
                                                const char *notes);
gint64      tp_customer_get_touch_count        (TpCustomer *self);
void        tp_customer_set_touch_count        (TpCustomer *self,
                                                gint64      touch_count);
const char *tp_customer_get_last_touch_at      (TpCustomer *self);
void        tp_customer_set_last_touch_at      (TpCustomer *self,
                                                const char *last_touch_at);
const char *tp_customer_get_first_order_at     (TpCustomer *self);
void        tp_customer_set_first_order_at     (TpCustomer *self,
                                                const char *first_order_at);
gint64      tp_customer_get_order_count        (TpCustomer *self);
void        tp_customer_set_order_count        (TpCustomer *self,
                                                gint64      order_count);
gint64      tp_customer_get_total_spent_minor  (TpCustomer *self);
void        tp_customer_set_total_spent_minor  (TpCustomer *self,
                                                gint64      total_spent_minor);
const char *tp_customer_get_stage_person       (TpCustomer *self);
void        tp_customer_set_stage_person       (TpCustomer *self,
                                                const char *stage_person);

G_END_DECLS
