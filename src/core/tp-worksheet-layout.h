/* tp-worksheet-layout.h
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

#include <cairo.h>
#include <pango/pango.h>

#include "tp-worksheet.h"

G_BEGIN_DECLS

/* The margin the worksheets use unless the page setup asks for more, in points. */
#define TP_WORKSHEET_DEFAULT_MARGIN 42.0

#define TP_TYPE_WORKSHEET_LAYOUT (tp_worksheet_layout_get_type ())

G_DECLARE_FINAL_TYPE (TpWorksheetLayout, tp_worksheet_layout, TP, WORKSHEET_LAYOUT, GObject)

TpWorksheetLayout *tp_worksheet_layout_new            (TpWorksheetData    *data,
                                                       TpWorksheetKind     kind,
                                                       gboolean            blank);
TpWorksheetData   *tp_worksheet_layout_get_data       (TpWorksheetLayout  *self);
TpWorksheetKind    tp_worksheet_layout_get_kind       (TpWorksheetLayout  *self);
gboolean           tp_worksheet_layout_get_blank      (TpWorksheetLayout  *self);
gint64             tp_worksheet_layout_get_audience   (TpWorksheetLayout  *self);
void               tp_worksheet_layout_set_audience   (TpWorksheetLayout  *self,
                                                       gint64              audience_id);
void               tp_worksheet_layout_set_page_size  (TpWorksheetLayout  *self,
                                                       double              width,
                                                       double              height);
void               tp_worksheet_layout_get_page_size  (TpWorksheetLayout  *self,
                                                       double             *width,
                                                       double             *height);
void               tp_worksheet_layout_set_margins    (TpWorksheetLayout  *self,
                                                       double              top,
                                                       double              right,
                                                       double              bottom,
                                                       double              left);
PangoContext      *tp_worksheet_layout_create_pango_context (void);
void               tp_worksheet_layout_paginate       (TpWorksheetLayout  *self,
                                                       PangoContext       *context);
guint              tp_worksheet_layout_get_n_pages    (TpWorksheetLayout  *self);
void               tp_worksheet_layout_draw_page      (TpWorksheetLayout  *self,
                                                       cairo_t            *cr,
                                                       guint               page);
gboolean           tp_worksheet_layout_write_pdf      (TpWorksheetLayout  *self,
                                                       const char         *path,
                                                       GError            **error);

gboolean           tp_worksheet_export_pdf            (TpWorksheetData    *data,
                                                       TpWorksheetKind     kind,
                                                       gint64              audience_id,
                                                       gboolean            blank,
                                                       TpWorksheetPaper    paper,
                                                       const char         *path,
                                                       GError            **error);

G_END_DECLS
