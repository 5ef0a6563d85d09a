/* tp-csv.h
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

#include "tp-database.h"

G_BEGIN_DECLS

#define TP_CSV_ERROR (tp_csv_error_quark ())

typedef enum
{
  TP_CSV_ERROR_EMPTY,     /* no header row */
  TP_CSV_ERROR_NOT_TEXT,  /* a binary file */
  TP_CSV_ERROR_SYNTAX,    /* a quote never closed, a stray quote, a ragged row */
  TP_CSV_ERROR_MAPPING,   /* a required field has no column */
  TP_CSV_ERROR_INVALID,   /* a value the data does not allow */
  TP_CSV_ERROR_REJECTED,  /* rows that cannot be imported: one line each */
  TP_CSV_ERROR_TOO_LARGE, /* a record with too many fields or too many bytes */
  TP_CSV_ERROR_DATE_ORDER, /* dates such as 03/04/2026, and no order to read them in */
} TpCsvError;

/* The bounds of one record of a CSV file; a record beyond them is refused
 * before it takes more memory. The longest text Touchpoint keeps
 * (TP_STORE_MAX_TEXT_LENGTH characters of up to 4 bytes) fits in a field. */
#define TP_CSV_MAX_FIELD_BYTES  (1024 * 1024)
#define TP_CSV_MAX_FIELDS       1000
#define TP_CSV_MAX_RECORD_BYTES (8 * 1024 * 1024)

typedef enum
{
  TP_CSV_TABLE_CUSTOMERS,
  TP_CSV_TABLE_TOUCHES,
  TP_CSV_TABLE_ORDERS,
} TpCsvTable;

/* What a column of the file is imported as. */
typedef enum
{
  TP_CSV_FIELD_IGNORE,
  TP_CSV_FIELD_ID,
  TP_CSV_FIELD_NAME,
  TP_CSV_FIELD_FIRST_NAME,
  TP_CSV_FIELD_MIDDLE_NAME,
  TP_CSV_FIELD_LAST_NAME,
  TP_CSV_FIELD_EMAIL,
  TP_CSV_FIELD_PHONE,
  TP_CSV_FIELD_AUDIENCE,
  TP_CSV_FIELD_SOURCE_CHANNEL,
  TP_CSV_FIELD_STAGE,
  TP_CSV_FIELD_NOTES,
  TP_CSV_FIELD_CUSTOMER_ID,
  TP_CSV_FIELD_CUSTOMER_NAME,
  TP_CSV_FIELD_CUSTOMER_EMAIL,
  TP_CSV_FIELD_HAPPENED_AT,
  TP_CSV_FIELD_CHANNEL,
  TP_CSV_FIELD_DIRECTION,
  TP_CSV_FIELD_NOTE,
  TP_CSV_FIELD_TACTIC,
  TP_CSV_FIELD_DONE,
  TP_CSV_FIELD_ORDERED_AT,
  TP_CSV_FIELD_ITEM,
  TP_CSV_FIELD_AMOUNT_MINOR,
  TP_CSV_FIELD_AMOUNT,
  TP_CSV_FIELD_CURRENCY,
  TP_CSV_FIELD_STATUS,
  TP_CSV_FIELD_FULFILLED_AT,
  TP_CSV_FIELD_CREATED_AT,
  TP_CSV_FIELD_UPDATED_AT,
  TP_CSV_FIELD_ORDER_REF,   /* the order number of the shop the file comes from */
  TP_CSV_FIELD_ORDER_TIME,  /* the time of day, when the date is in a column of its own */
  TP_CSV_FIELD_PLACE,
  TP_CSV_N_FIELDS
} TpCsvField;

/* The order of day, month and year in dates such as 03/04/2026 */
typedef enum
{
  TP_CSV_DATE_ORDER_UNKNOWN,  /* found from the file */
  TP_CSV_DATE_ORDER_DMY,
  TP_CSV_DATE_ORDER_MDY,
  TP_CSV_DATE_ORDER_YMD,
} TpCsvDateOrder;

/* Where a file comes from, recognised from its header */
typedef enum
{
  TP_CSV_FORMAT_GENERIC,
  TP_CSV_FORMAT_TOUCHPOINT,
  TP_CSV_FORMAT_GOOGLE_CONTACTS,
  TP_CSV_FORMAT_OUTLOOK_CONTACTS,
  TP_CSV_FORMAT_SHOPIFY_ORDERS,
  TP_CSV_FORMAT_SHOPIFY_CUSTOMERS,
  TP_CSV_FORMAT_ETSY_ORDERS,
  TP_CSV_FORMAT_WOOCOMMERCE_ORDERS,
  TP_CSV_FORMAT_WOOCOMMERCE_CUSTOMERS,
  TP_CSV_FORMAT_SQUARE_ORDERS,
  TP_CSV_FORMAT_SQUARE_CUSTOMERS,
  TP_CSV_FORMAT_VCARD,
  TP_CSV_N_FORMATS
} TpCsvFormat;

/* What to do with a row that is already in the database (for customers:
 * the same email). */
typedef enum
{
  TP_CSV_DUPLICATES_SKIP,
  TP_CSV_DUPLICATES_MERGE,
} TpCsvDuplicates;

/**
 * TpCsvProgressFunc:
 * @fraction: how much is done, from 0 to 1
 * @user_data: the data passed with the function
 *
 * Reports the progress of an import or an export.
 */
typedef void (*TpCsvProgressFunc) (double   fraction,
                                   gpointer user_data);

/**
 * TpCsvProblemFunc:
 * @message: one line, "people.csv: line 17: field “name”: no name"
 * @user_data: the data passed with the function
 *
 * Hears of each row of an import that cannot be imported, in the order
 * of the file, on the thread that runs the import.
 */
typedef void (*TpCsvProblemFunc) (const char *message,
                                  gpointer    user_data);

GQuark            tp_csv_error_quark        (void);

gboolean          tp_csv_table_from_string  (const char   *text,
                                             TpCsvTable   *table);
const char       *tp_csv_table_to_string    (TpCsvTable    table);
const TpCsvField *tp_csv_table_get_fields   (TpCsvTable    table,
                                             guint        *n_fields);
const char       *tp_csv_field_get_name     (TpCsvField    field);
const char       *tp_csv_field_get_label    (TpCsvField    field);
gboolean          tp_csv_field_from_name    (TpCsvTable    table,
                                             const char   *name,
                                             TpCsvField   *field);
const char       *tp_csv_format_get_label   (TpCsvFormat   format);
TpCsvTable        tp_csv_format_get_table   (TpCsvFormat   format);
gboolean          tp_csv_date_order_from_string (const char     *text,
                                                 TpCsvDateOrder *order);
char             *tp_csv_normalize_time     (const char     *text,
                                             TpCsvDateOrder  order);

/* The outcome of an import */
typedef struct _TpCsvReport TpCsvReport;

#define TP_TYPE_CSV_REPORT (tp_csv_report_get_type ())

GType               tp_csv_report_get_type      (void);
TpCsvReport        *tp_csv_report_ref           (TpCsvReport *self);
void                tp_csv_report_unref         (TpCsvReport *self);
TpCsvTable          tp_csv_report_get_table     (TpCsvReport *self);
guint               tp_csv_report_get_imported  (TpCsvReport *self);
guint               tp_csv_report_get_merged    (TpCsvReport *self);
guint               tp_csv_report_get_skipped   (TpCsvReport *self);
const char * const *tp_csv_report_get_messages  (TpCsvReport *self);
guint               tp_csv_report_get_n_messages (TpCsvReport *self);
char               *tp_csv_report_to_string     (TpCsvReport *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpCsvReport, tp_csv_report_unref)

#define TP_TYPE_CSV_IMPORTER (tp_csv_importer_get_type ())

G_DECLARE_FINAL_TYPE (TpCsvImporter, tp_csv_importer, TP, CSV_IMPORTER, GObject)

TpCsvImporter   *tp_csv_importer_new               (GFile            *file,
                                                    TpCsvTable        table);
GFile           *tp_csv_importer_get_file          (TpCsvImporter    *self);
TpCsvTable       tp_csv_importer_get_table         (TpCsvImporter    *self);
void             tp_csv_importer_set_table         (TpCsvImporter    *self,
                                                    TpCsvTable        table);
TpCsvFormat      tp_csv_importer_get_format        (TpCsvImporter    *self);
TpCsvDateOrder   tp_csv_importer_get_date_order    (TpCsvImporter    *self);
void             tp_csv_importer_set_date_order    (TpCsvImporter    *self,
                                                    TpCsvDateOrder    order);
gboolean         tp_csv_importer_scan_dates        (TpCsvImporter    *self,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
gboolean         tp_csv_importer_get_dates_ambiguous (TpCsvImporter  *self);
gboolean         tp_csv_importer_map_column        (TpCsvImporter    *self,
                                                    const char       *field_name,
                                                    const char       *column_name,
                                                    GError          **error);
char            *tp_csv_importer_get_preview_stored (TpCsvImporter   *self,
                                                    guint             row,
                                                    guint             column);
TpCsvField      *tp_csv_importer_get_preview_fields (TpCsvImporter   *self,
                                                    guint            *n_fields);
gboolean         tp_csv_importer_get_preview_row_continues (TpCsvImporter *self,
                                                            guint          row);
char            *tp_csv_importer_get_preview_field (TpCsvImporter    *self,
                                                    guint             row,
                                                    TpCsvField        field);
char             tp_csv_importer_get_separator     (TpCsvImporter    *self);
void             tp_csv_importer_set_separator     (TpCsvImporter    *self,
                                                    char              separator);
TpCsvDuplicates  tp_csv_importer_get_duplicates    (TpCsvImporter    *self);
void             tp_csv_importer_set_duplicates    (TpCsvImporter    *self,
                                                    TpCsvDuplicates   duplicates);
gboolean         tp_csv_importer_get_skip_bad_rows (TpCsvImporter    *self);
void             tp_csv_importer_set_skip_bad_rows (TpCsvImporter    *self,
                                                    gboolean          skip_bad_rows);
void             tp_csv_importer_set_problem_func  (TpCsvImporter    *self,
                                                    TpCsvProblemFunc  func,
                                                    gpointer          user_data);
gboolean         tp_csv_importer_load              (TpCsvImporter    *self,
                                                    guint             max_preview_rows,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
gboolean         tp_csv_importer_get_latin1        (TpCsvImporter    *self);
guint            tp_csv_importer_get_n_columns     (TpCsvImporter    *self);
const char      *tp_csv_importer_get_header        (TpCsvImporter    *self,
                                                    guint             column);
guint            tp_csv_importer_get_n_preview_rows (TpCsvImporter   *self);
const char      *tp_csv_importer_get_preview_value (TpCsvImporter    *self,
                                                    guint             row,
                                                    guint             column);
TpCsvField       tp_csv_importer_get_column_field  (TpCsvImporter    *self,
                                                    guint             column);
void             tp_csv_importer_set_column_field  (TpCsvImporter    *self,
                                                    guint             column,
                                                    TpCsvField        field);
gboolean         tp_csv_importer_check_mapping     (TpCsvImporter    *self,
                                                    GError          **error);
TpCsvReport     *tp_csv_importer_run               (TpCsvImporter    *self,
                                                    TpDatabase       *db,
                                                    TpCsvProgressFunc progress,
                                                    gpointer          progress_data,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
void             tp_csv_importer_run_async         (TpCsvImporter    *self,
                                                    const char       *db_path,
                                                    TpCsvProgressFunc progress,
                                                    gpointer          progress_data,
                                                    GDestroyNotify    progress_data_destroy,
                                                    GCancellable     *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer          user_data);
TpCsvReport     *tp_csv_importer_run_finish        (TpCsvImporter    *self,
                                                    GAsyncResult     *result,
                                                    GError          **error);

gboolean         tp_csv_export                     (TpDatabase       *db,
                                                    TpCsvTable        table,
                                                    GFile            *file,
                                                    TpCsvProgressFunc progress,
                                                    gpointer          progress_data,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
void             tp_csv_export_async               (const char       *db_path,
                                                    TpCsvTable        table,
                                                    GFile            *file,
                                                    TpCsvProgressFunc progress,
                                                    gpointer          progress_data,
                                                    GDestroyNotify    progress_data_destroy,
                                                    GCancellable     *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer          user_data);
gboolean         tp_csv_export_finish              (GAsyncResult     *result,
                                                    GError          **error);

G_END_DECLS
