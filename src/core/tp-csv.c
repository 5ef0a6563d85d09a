/* tp-csv.c
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

#define G_LOG_DOMAIN "tp-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-csv-private.h"

/*
 * CSV in and out for customers, touches and orders (DESIGN.md §6).
 *
 * Reading goes through libcsv (RFC 4180: quoted fields with commas,
 * doubled quotes and line breaks), fed in chunks so that memory stays
 * bounded whatever the size of the file. Around it:
 *
 * - the encoding: a UTF-8 byte-order mark is dropped, UTF-16 with a mark
 *   is converted, a file that is not valid UTF-8 is read as Latin-1 (with
 *   the Windows-1252 letters in 0x80–0x9F) and the report says so, and a
 *   file with NUL bytes or many control characters is refused as binary;
 * - the separator: comma, semicolon or tab, counted on the header line
 *   unless the caller chose one;
 * - line numbers: every message names the line where its row starts in
 *   the file, counting the line breaks inside quoted fields.
 *
 * The first row is the header. Each column is mapped to a field: guessed
 * from the headers of Touchpoint's own export and of Google Contacts,
 * HubSpot, Outlook and Monica, or taken from the columns of a recognised
 * shop export, and changeable by the caller. Dates are read in the forms
 * people write (tp_csv_normalize_time()), the order of day and month
 * found from the file or given. A vCard file is read by tp-vcard.c, each
 * card a row of fixed columns. A whole import runs in one transaction. A
 * row that cannot be imported (a value that cannot be right, such as a
 * date that is not one or an unknown stage; or something missing, such as
 * no name or no such customer) fails the import, which reads on to name
 * every such row and then changes nothing; unless the caller asks to skip
 * bad rows, which leaves them out and reports them (DESIGN.md §7). A file
 * that is broken as a whole (a quote never closed, a ragged row, a record
 * beyond the bounds in tp-csv.h) fails at once.
 *
 * Cells a spreadsheet would run as a formula are written with a leading
 * quote mark and read back without it: see tp-csv-parser.c.
 *
 * What Touchpoint exports imports again unchanged: ids, times, enum nicks
 * and amounts in minor units are written as stored, and the columns the
 * triggers derive (touch_count…) are written for spreadsheets but
 * recomputed on import.
 *
 * The family, one job a file, sharing tp-csv-private.h:
 *
 * - tp-csv.c: this overview, the error domain, the tables and the fields
 *   a column can be imported as, and whether a cell is blank;
 * - tp-csv-source.c: a file's bytes as text, its encoding;
 * - tp-csv-parser.c: records out of text (libcsv), the formula guard;
 * - tp-csv-formats.c: the exports recognised from their header, the
 *   headers of other programs;
 * - tp-csv-dates.c: dates as people write them;
 * - tp-csv-importer.c: TpCsvImporter, its load, mapping and date scan;
 * - tp-csv-preview.c: the importer's preview;
 * - tp-csv-import.c: the run of an import, sync and async (the worker
 *   through tp-worker.c);
 * - tp-csv-values.c: the values of a row's cells, and its messages;
 * - tp-csv-rows.c: customers, touches and orders written to the database;
 * - tp-csv-report.c: TpCsvReport, the outcome of an import;
 * - tp-csv-export.c: a table written as CSV, sync and async;
 * - tp-vcard.c: vCard files read as rows for the importer.
 */

G_DEFINE_QUARK (tp-csv-error-quark, tp_csv_error)

/* Tables and fields */

static const char * const table_names[] = { "customers", "touches", "orders" };

static const struct
{
  const char *name;
  const char *label;
} field_info[TP_CSV_N_FIELDS] = {
  [TP_CSV_FIELD_IGNORE] = { "", N_("Do not import") },
  [TP_CSV_FIELD_ID] = { "id", N_("Touchpoint id") },
  [TP_CSV_FIELD_NAME] = { "name", N_("Name") },
  [TP_CSV_FIELD_FIRST_NAME] = { "first_name", N_("First name") },
  [TP_CSV_FIELD_MIDDLE_NAME] = { "middle_name", N_("Middle name") },
  [TP_CSV_FIELD_LAST_NAME] = { "last_name", N_("Last name") },
  [TP_CSV_FIELD_EMAIL] = { "email", N_("Email") },
  [TP_CSV_FIELD_PHONE] = { "phone", N_("Phone") },
  [TP_CSV_FIELD_AUDIENCE] = { "audience", N_("Audience") },
  [TP_CSV_FIELD_SOURCE_CHANNEL] = { "source_channel", N_("Came through") },
  [TP_CSV_FIELD_STAGE] = { "stage", N_("Stage") },
  [TP_CSV_FIELD_NOTES] = { "notes", N_("Notes") },
  [TP_CSV_FIELD_CUSTOMER_ID] = { "customer_id", N_("Customer id") },
  [TP_CSV_FIELD_CUSTOMER_NAME] = { "customer_name", N_("Customer name") },
  [TP_CSV_FIELD_CUSTOMER_EMAIL] = { "customer_email", N_("Customer email") },
  [TP_CSV_FIELD_HAPPENED_AT] = { "happened_at", N_("Date of the touch") },
  [TP_CSV_FIELD_CHANNEL] = { "channel", N_("Channel") },
  [TP_CSV_FIELD_DIRECTION] = { "direction", N_("Direction") },
  [TP_CSV_FIELD_NOTE] = { "note", N_("Note") },
  [TP_CSV_FIELD_TACTIC] = { "tactic", N_("Tactic") },
  [TP_CSV_FIELD_DONE] = { "done", N_("Done") },
  [TP_CSV_FIELD_ORDERED_AT] = { "ordered_at", N_("Order date") },
  [TP_CSV_FIELD_ITEM] = { "item", N_("Item") },
  [TP_CSV_FIELD_AMOUNT_MINOR] = { "amount_minor", N_("Amount in cents") },
  [TP_CSV_FIELD_AMOUNT] = { "amount", N_("Amount") },
  [TP_CSV_FIELD_CURRENCY] = { "currency", N_("Currency") },
  [TP_CSV_FIELD_STATUS] = { "status", N_("Status") },
  [TP_CSV_FIELD_FULFILLED_AT] = { "fulfilled_at", N_("Fulfilled on") },
  [TP_CSV_FIELD_CREATED_AT] = { "created_at", N_("Created") },
  [TP_CSV_FIELD_UPDATED_AT] = { "updated_at", N_("Last changed") },
  [TP_CSV_FIELD_ORDER_REF] = { "order_ref", N_("Order number") },
  [TP_CSV_FIELD_ORDER_TIME] = { "order_time", N_("Time of the order") },
  [TP_CSV_FIELD_PLACE] = { "place", N_("Place") },
};

static const TpCsvField customer_fields[] = {
  TP_CSV_FIELD_IGNORE, TP_CSV_FIELD_NAME, TP_CSV_FIELD_FIRST_NAME, TP_CSV_FIELD_MIDDLE_NAME,
  TP_CSV_FIELD_LAST_NAME, TP_CSV_FIELD_EMAIL, TP_CSV_FIELD_PHONE, TP_CSV_FIELD_AUDIENCE,
  TP_CSV_FIELD_SOURCE_CHANNEL, TP_CSV_FIELD_STAGE, TP_CSV_FIELD_NOTES, TP_CSV_FIELD_ID,
  TP_CSV_FIELD_CREATED_AT, TP_CSV_FIELD_UPDATED_AT,
};

static const TpCsvField touch_fields[] = {
  TP_CSV_FIELD_IGNORE, TP_CSV_FIELD_CUSTOMER_NAME, TP_CSV_FIELD_CUSTOMER_EMAIL,
  TP_CSV_FIELD_CUSTOMER_ID, TP_CSV_FIELD_HAPPENED_AT, TP_CSV_FIELD_CHANNEL,
  TP_CSV_FIELD_DIRECTION, TP_CSV_FIELD_NOTE, TP_CSV_FIELD_TACTIC, TP_CSV_FIELD_PLACE,
  TP_CSV_FIELD_DONE, TP_CSV_FIELD_ID, TP_CSV_FIELD_CREATED_AT, TP_CSV_FIELD_UPDATED_AT,
};

static const TpCsvField order_fields[] = {
  TP_CSV_FIELD_IGNORE, TP_CSV_FIELD_CUSTOMER_NAME, TP_CSV_FIELD_CUSTOMER_EMAIL,
  TP_CSV_FIELD_CUSTOMER_ID, TP_CSV_FIELD_ORDERED_AT, TP_CSV_FIELD_ITEM, TP_CSV_FIELD_AMOUNT,
  TP_CSV_FIELD_AMOUNT_MINOR, TP_CSV_FIELD_CURRENCY, TP_CSV_FIELD_STATUS,
  TP_CSV_FIELD_FULFILLED_AT, TP_CSV_FIELD_ORDER_REF, TP_CSV_FIELD_ORDER_TIME, TP_CSV_FIELD_ID,
  TP_CSV_FIELD_CREATED_AT, TP_CSV_FIELD_UPDATED_AT,
};

/**
 * tp_csv_field_from_name:
 * @table: a table
 * @name: the name of a field, as the export writes it ("ordered_at")
 * @field: (out): the field
 *
 * Returns: %TRUE if @name is a field of @table
 */
gboolean
tp_csv_field_from_name (TpCsvTable  table,
                        const char *name,
                        TpCsvField *field)
{
  const TpCsvField *fields;
  guint n_fields;

  fields = tp_csv_table_get_fields (table, &n_fields);
  for (guint i = 1; i < n_fields; i++)
    {
      if (g_strcmp0 (field_info[fields[i]].name, name) == 0)
        {
          *field = fields[i];
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * tp_csv_table_from_string:
 * @text: (nullable): "customers", "touches" or "orders"
 * @table: (out): the table
 *
 * Returns: %TRUE if @text names a table
 */
gboolean
tp_csv_table_from_string (const char *text,
                          TpCsvTable *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_names); i++)
    {
      if (g_strcmp0 (text, table_names[i]) == 0)
        {
          *table = (TpCsvTable)i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * tp_csv_table_to_string:
 * @table: a table
 *
 * Returns: "customers", "touches" or "orders"
 */
const char *
tp_csv_table_to_string (TpCsvTable table)
{
  g_return_val_if_fail (table <= TP_CSV_TABLE_ORDERS, NULL);

  return table_names[table];
}

/**
 * tp_csv_table_get_fields:
 * @table: a table
 * @n_fields: (out): the number of fields
 *
 * Gets the fields a column can be mapped to when importing @table, in the
 * order to offer them, %TP_CSV_FIELD_IGNORE first.
 *
 * Returns: (array length=n_fields) (transfer none): the fields
 */
const TpCsvField *
tp_csv_table_get_fields (TpCsvTable  table,
                         guint      *n_fields)
{
  switch (table)
    {
    case TP_CSV_TABLE_CUSTOMERS:
      *n_fields = G_N_ELEMENTS (customer_fields);
      return customer_fields;

    case TP_CSV_TABLE_TOUCHES:
      *n_fields = G_N_ELEMENTS (touch_fields);
      return touch_fields;

    case TP_CSV_TABLE_ORDERS:
    default:
      *n_fields = G_N_ELEMENTS (order_fields);
      return order_fields;
    }
}

/**
 * tp_csv_field_get_name:
 * @field: a field
 *
 * Returns: the header Touchpoint writes for @field ("email"), or "" for
 *   %TP_CSV_FIELD_IGNORE
 */
const char *
tp_csv_field_get_name (TpCsvField field)
{
  g_return_val_if_fail (field < TP_CSV_N_FIELDS, NULL);

  return field_info[field].name;
}

/**
 * tp_csv_field_get_label:
 * @field: a field
 *
 * Returns: the translated name of @field for the mapping step
 */
const char *
tp_csv_field_get_label (TpCsvField field)
{
  g_return_val_if_fail (field < TP_CSV_N_FIELDS, NULL);

  return _(field_info[field].label);
}

gboolean
_tp_csv_table_has_field (TpCsvTable table,
                         TpCsvField field)
{
  const TpCsvField *fields;
  guint n_fields;

  fields = tp_csv_table_get_fields (table, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i] == field)
        return TRUE;
    }

  return FALSE;
}

/* Text of cells, for the whole family */

gboolean
_tp_csv_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

