/* tp-section-sidebar.h
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

G_BEGIN_DECLS

#define TP_TYPE_SECTION_SIDEBAR (tp_section_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (TpSectionSidebar, tp_section_sidebar, TP, SECTION_SIDEBAR, GtkWidget)

AdwViewStack *tp_section_sidebar_get_stack         (TpSectionSidebar *self);
void          tp_section_sidebar_set_stack         (TpSectionSidebar *self,
                                                    AdwViewStack     *stack);
AdwLeaflet   *tp_section_sidebar_get_leaflet       (TpSectionSidebar *self);
void          tp_section_sidebar_set_leaflet       (TpSectionSidebar *self,
                                                    AdwLeaflet       *leaflet);
const char   *tp_section_sidebar_get_title         (TpSectionSidebar *self);
void          tp_section_sidebar_show_sections     (TpSectionSidebar *self);

G_END_DECLS
