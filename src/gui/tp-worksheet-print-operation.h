/* tp-worksheet-print-operation.h
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

#include <gtk/gtk.h>

#include "tp-worksheet-layout.h"

G_BEGIN_DECLS

#define TP_TYPE_WORKSHEET_PRINT_OPERATION (tp_worksheet_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (TpWorksheetPrintOperation, tp_worksheet_print_operation,
                      TP, WORKSHEET_PRINT_OPERATION, GtkPrintOperation)

TpWorksheetPrintOperation *tp_worksheet_print_operation_new          (TpWorksheetData           *data,
                                                                      TpWorksheetKind            kind,
                                                                      gboolean                   blank);
TpWorksheetData           *tp_worksheet_print_operation_get_data     (TpWorksheetPrintOperation *self);
TpWorksheetKind            tp_worksheet_print_operation_get_kind     (TpWorksheetPrintOperation *self);
gboolean                   tp_worksheet_print_operation_get_blank    (TpWorksheetPrintOperation *self);
gint64                     tp_worksheet_print_operation_get_audience (TpWorksheetPrintOperation *self);
void                       tp_worksheet_print_operation_set_audience (TpWorksheetPrintOperation *self,
                                                                      gint64                     audience_id);
void                       tp_worksheet_print_operation_set_database (TpWorksheetPrintOperation *self,
                                                                      const char                *database);
GtkPageSetup              *tp_worksheet_print_operation_load_page_setup (void);
GtkPrintSettings          *tp_worksheet_print_operation_load_settings   (void);
void                       tp_worksheet_print_operation_setup_layout    (GtkPageSetup      *page_setup,
                                                                         TpWorksheetLayout *layout);

G_END_DECLS
