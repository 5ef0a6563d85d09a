/* tp-marketing-page.h
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

#define TP_TYPE_MARKETING_PAGE (tp_marketing_page_get_type ())

G_DECLARE_FINAL_TYPE (TpMarketingPage, tp_marketing_page, TP, MARKETING_PAGE, GtkWidget)

AdwViewStack *tp_marketing_page_get_stack (TpMarketingPage *self);
TpStore      *tp_marketing_page_get_store (TpMarketingPage *self);
void          tp_marketing_page_set_store (TpMarketingPage *self,
                                           TpStore         *store);
void          tp_marketing_page_show_section (TpMarketingPage *self,
                                              const char      *name);

G_END_DECLS
