/* tp-print-worksheets-dialog.h
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

#include "tp-database.h"
#include "tp-worksheet.h"

G_BEGIN_DECLS

#define TP_TYPE_PRINT_WORKSHEETS_DIALOG (tp_print_worksheets_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TpPrintWorksheetsDialog, tp_print_worksheets_dialog,
                      TP, PRINT_WORKSHEETS_DIALOG, AdwWindow)

TpPrintWorksheetsDialog *tp_print_worksheets_dialog_new          (GtkWindow               *parent,
                                                                  TpDatabase              *db);
TpWorksheetKind          tp_print_worksheets_dialog_get_kind     (TpPrintWorksheetsDialog *self);
void                     tp_print_worksheets_dialog_set_kind     (TpPrintWorksheetsDialog *self,
                                                                  TpWorksheetKind          kind);
gboolean                 tp_print_worksheets_dialog_get_blank    (TpPrintWorksheetsDialog *self);
void                     tp_print_worksheets_dialog_set_blank    (TpPrintWorksheetsDialog *self,
                                                                  gboolean                 blank);
gint64                   tp_print_worksheets_dialog_get_audience (TpPrintWorksheetsDialog *self);
void                     tp_print_worksheets_dialog_set_audience (TpPrintWorksheetsDialog *self,
                                                                  gint64                   audience_id);
gboolean                 tp_print_worksheets_dialog_get_ready    (TpPrintWorksheetsDialog *self);
gboolean                 tp_print_worksheets_dialog_export_pdf   (TpPrintWorksheetsDialog *self,
                                                                  GFile                   *file,
                                                                  GError                 **error);

G_END_DECLS
