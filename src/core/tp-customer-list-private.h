/* tp-customer-list-private.h
 *
 * Copyright 2026 The Touchpoint authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tp-customer-list.h"

G_BEGIN_DECLS

/* How many rows the worker sends ahead of the rest of a query (200): tests
 * make it small, to see first rows with a few customers. */
void _tp_customer_list_set_first_rows (TpCustomerList *self,
                                       guint           first_rows);

GArray *_tp_customer_list_find_first_rows (TpCustomerList  *self,
                                           GError         **error);

G_END_DECLS
