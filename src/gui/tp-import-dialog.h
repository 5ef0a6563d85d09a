/* tp-import-dialog.h
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

#include "tp-csv.h"

G_BEGIN_DECLS

/* What the dialog imports or exports */
typedef enum
{
  TP_IMPORT_KIND_CUSTOMERS,  /* CSV */
  TP_IMPORT_KIND_TOUCHES,    /* CSV */
  TP_IMPORT_KIND_ORDERS,     /* CSV */
  TP_IMPORT_KIND_BACKUP,     /* the full JSON backup */
} TpImportKind;

#define TP_TYPE_IMPORT_DIALOG (tp_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TpImportDialog, tp_import_dialog, TP, IMPORT_DIALOG, AdwWindow)

TpImportDialog *tp_import_dialog_new         (GtkWindow      *parent,
                                              const char     *db_path);
TpImportDialog *tp_export_run                (GtkWindow      *parent,
                                              const char     *db_path);
gboolean        tp_import_dialog_get_export  (TpImportDialog *self);
const char     *tp_import_dialog_get_page    (TpImportDialog *self);
TpCsvImporter  *tp_import_dialog_get_importer (TpImportDialog *self);
void            tp_import_dialog_open_file   (TpImportDialog *self,
                                              TpImportKind    kind,
                                              GFile          *file);
void            tp_import_dialog_save_file   (TpImportDialog *self,
                                              TpImportKind    kind,
                                              GFile          *file);
void            tp_import_dialog_start       (TpImportDialog *self);
void            tp_import_dialog_skip_bad_rows (TpImportDialog *self);
void            tp_import_dialog_cancel      (TpImportDialog *self);

G_END_DECLS
