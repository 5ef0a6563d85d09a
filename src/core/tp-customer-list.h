/* tp-customer-list.h
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

typedef enum
{
  TP_CUSTOMER_SORT_NAME,
  TP_CUSTOMER_SORT_AUDIENCE,
  TP_CUSTOMER_SORT_STAGE,
  TP_CUSTOMER_SORT_TOUCHES,
  TP_CUSTOMER_SORT_LAST_TOUCH,
  TP_CUSTOMER_SORT_ORDERS,
  TP_CUSTOMER_SORT_TOTAL_SPENT,
  TP_CUSTOMER_SORT_CREATED,
} TpCustomerSort;

#define TP_TYPE_CUSTOMER_SORT (tp_customer_sort_get_type ())
GType tp_customer_sort_get_type (void);

#define TP_TYPE_CUSTOMER_LIST (tp_customer_list_get_type ())

G_DECLARE_FINAL_TYPE (TpCustomerList, tp_customer_list, TP, CUSTOMER_LIST, GObject)

TpCustomerList *tp_customer_list_new                 (TpStore        *store);
TpStore        *tp_customer_list_get_store           (TpCustomerList *self);
const char     *tp_customer_list_get_search_text     (TpCustomerList *self);
void            tp_customer_list_set_search_text     (TpCustomerList *self,
                                                      const char     *search_text);
int             tp_customer_list_get_stage_filter    (TpCustomerList *self);
void            tp_customer_list_set_stage_filter    (TpCustomerList *self,
                                                      int             stage_filter);
gint64          tp_customer_list_get_audience_filter (TpCustomerList *self);
void            tp_customer_list_set_audience_filter (TpCustomerList *self,
                                                      gint64          audience_filter);
guint           tp_customer_list_get_quiet_days      (TpCustomerList *self);
void            tp_customer_list_set_quiet_days      (TpCustomerList *self,
                                                      guint           quiet_days);
TpCustomerSort  tp_customer_list_get_sort_key        (TpCustomerList *self);
void            tp_customer_list_set_sort_key        (TpCustomerList *self,
                                                      TpCustomerSort  sort_key);
gboolean        tp_customer_list_get_sort_descending (TpCustomerList *self);
void            tp_customer_list_set_sort_descending (TpCustomerList *self,
                                                      gboolean        sort_descending);
gint64          tp_customer_list_get_id              (TpCustomerList *self,
                                                      guint           position);
guint           tp_customer_list_find                (TpCustomerList *self,
                                                      gint64          id);
void            tp_customer_list_reload              (TpCustomerList *self);

G_END_DECLS
