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
gboolean        tp_customer_list_get_loading         (TpCustomerList *self);
gboolean        tp_customer_list_get_partial         (TpCustomerList *self);

/* TpCustomerFilter: the filter of a TpCustomerList at one moment, to use
 * elsewhere, for example on a worker thread with its own connection. */
typedef struct _TpCustomerFilter TpCustomerFilter;

TpCustomerFilter *tp_customer_list_dup_filter        (TpCustomerList         *self);
TpCustomerFilter *tp_customer_filter_copy            (const TpCustomerFilter *filter);
void              tp_customer_filter_free            (TpCustomerFilter       *filter);
gboolean          tp_customer_filter_equal           (const TpCustomerFilter *a,
                                                      const TpCustomerFilter *b);
gboolean          tp_customer_filter_is_empty        (const TpCustomerFilter *filter);
const char       *tp_customer_filter_get_search_text (const TpCustomerFilter *filter);
int               tp_customer_filter_get_stage       (const TpCustomerFilter *filter);
gint64            tp_customer_filter_get_audience    (const TpCustomerFilter *filter);
guint             tp_customer_filter_get_quiet_days  (const TpCustomerFilter *filter);
const char       *tp_customer_filter_get_where       (const TpCustomerFilter *filter);
void              tp_customer_filter_bind            (const TpCustomerFilter *filter,
                                                      TpStatement            *stmt);
gboolean          tp_customer_filter_matches         (const TpCustomerFilter *filter,
                                                      TpDatabase             *db,
                                                      gint64                  id,
                                                      GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpCustomerFilter, tp_customer_filter_free)

G_END_DECLS
