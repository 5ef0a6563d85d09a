/* tp-csv-importer.c
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
#include "tp-vcard-private.h"

/*
 * TpCsvImporter: a file to import and how. It loads the beginning of the
 * file (its encoding, separator, header and first rows; a vCard file
 * through tp-vcard.c), recognises where it comes from, guesses the field
 * of each column and lets the caller change it, finds the order of day
 * and month of its dates, and checks that the mapping gives what every
 * row needs. The preview (tp-csv-preview.c) and the run
 * (tp-csv-import.c) are its other parts.
 */

#define PREVIEW_SCAN_SIZE (4 * 1024 * 1024)

G_DEFINE_FINAL_TYPE (TpCsvImporter, tp_csv_importer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TABLE,
  PROP_SEPARATOR,
  PROP_DUPLICATES,
  PROP_SKIP_BAD_ROWS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tp_csv_importer_finalize (GObject *object)
{
  TpCsvImporter *self = (TpCsvImporter *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_array_unref);
  g_clear_pointer (&self->ambiguous_column, g_free);
  g_clear_pointer (&self->ambiguous_value, g_free);

  G_OBJECT_CLASS (tp_csv_importer_parent_class)->finalize (object);
}

static void
tp_csv_importer_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TpCsvImporter *self = TP_CSV_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TABLE:
      g_value_set_int (value, self->table);
      break;

    case PROP_SEPARATOR:
      g_value_set_schar (value, self->separator);
      break;

    case PROP_DUPLICATES:
      g_value_set_int (value, self->duplicates);
      break;

    case PROP_SKIP_BAD_ROWS:
      g_value_set_boolean (value, self->skip_bad_rows);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_csv_importer_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TpCsvImporter *self = TP_CSV_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      self->name = self->file != NULL ? g_file_get_basename (self->file) : NULL;
      break;

    case PROP_TABLE:
      self->table = (TpCsvTable)g_value_get_int (value);
      break;

    case PROP_SEPARATOR:
      tp_csv_importer_set_separator (self, g_value_get_schar (value));
      break;

    case PROP_DUPLICATES:
      tp_csv_importer_set_duplicates (self, (TpCsvDuplicates)g_value_get_int (value));
      break;

    case PROP_SKIP_BAD_ROWS:
      tp_csv_importer_set_skip_bad_rows (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_csv_importer_class_init (TpCsvImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_csv_importer_finalize;
  object_class->get_property = tp_csv_importer_get_property;
  object_class->set_property = tp_csv_importer_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TABLE] =
    g_param_spec_int ("table", NULL, NULL,
                      TP_CSV_TABLE_CUSTOMERS, TP_CSV_TABLE_ORDERS, TP_CSV_TABLE_CUSTOMERS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SEPARATOR] =
    g_param_spec_char ("separator", NULL, NULL,
                       0, G_MAXINT8, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DUPLICATES] =
    g_param_spec_int ("duplicates", NULL, NULL,
                      TP_CSV_DUPLICATES_SKIP, TP_CSV_DUPLICATES_MERGE, TP_CSV_DUPLICATES_SKIP,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SKIP_BAD_ROWS] =
    g_param_spec_boolean ("skip-bad-rows", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_csv_importer_init (TpCsvImporter *self)
{
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  self->mapping = g_array_new (FALSE, TRUE, sizeof (TpCsvField));
}

/**
 * tp_csv_importer_new:
 * @file: the CSV file
 * @table: what it holds
 *
 * Returns: (transfer full): a new importer
 */
TpCsvImporter *
tp_csv_importer_new (GFile      *file,
                     TpCsvTable  table)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (table <= TP_CSV_TABLE_ORDERS, NULL);

  return g_object_new (TP_TYPE_CSV_IMPORTER, "file", file, "table", (int)table, NULL);
}

/**
 * tp_csv_importer_get_file:
 * @self: a #TpCsvImporter
 *
 * Returns: (transfer none): the file
 */
GFile *
tp_csv_importer_get_file (TpCsvImporter *self)
{
  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), NULL);
  return self->file;
}

/**
 * tp_csv_importer_get_table:
 * @self: a #TpCsvImporter
 *
 * Returns: the table the rows go to
 */
TpCsvTable
tp_csv_importer_get_table (TpCsvImporter *self)
{
  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), 0);
  return self->table;
}

/**
 * tp_csv_importer_get_separator:
 * @self: a #TpCsvImporter
 *
 * Returns: the separator chosen, or else the one detected by
 *   tp_csv_importer_load(), or 0 before
 */
char
tp_csv_importer_get_separator (TpCsvImporter *self)
{
  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), 0);
  return self->separator != 0 ? self->separator : self->detected_separator;
}

/**
 * tp_csv_importer_set_separator:
 * @self: a #TpCsvImporter
 * @separator: ',', ';' or '\t', or 0 to detect it
 *
 * Chooses the separator. Call tp_csv_importer_load() again afterwards.
 */
void
tp_csv_importer_set_separator (TpCsvImporter *self,
                               char           separator)
{
  g_return_if_fail (TP_IS_CSV_IMPORTER (self));
  g_return_if_fail (separator == 0 || separator == ',' || separator == ';' || separator == '\t');

  if (self->separator == separator)
    return;

  self->separator = separator;
  self->loaded = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEPARATOR]);
}

/**
 * tp_csv_importer_get_duplicates:
 * @self: a #TpCsvImporter
 *
 * Returns: what happens to rows already in the database
 */
TpCsvDuplicates
tp_csv_importer_get_duplicates (TpCsvImporter *self)
{
  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), 0);
  return self->duplicates;
}

/**
 * tp_csv_importer_set_duplicates:
 * @self: a #TpCsvImporter
 * @duplicates: what to do with rows already in the database
 *
 * A customer is already there when a customer has the same email (or,
 * without an email, the same Touchpoint id and name); a touch or an order
 * when it has the same Touchpoint id and customer.
 */
void
tp_csv_importer_set_duplicates (TpCsvImporter   *self,
                                TpCsvDuplicates  duplicates)
{
  g_return_if_fail (TP_IS_CSV_IMPORTER (self));
  g_return_if_fail (duplicates <= TP_CSV_DUPLICATES_MERGE);

  if (self->duplicates == duplicates)
    return;

  self->duplicates = duplicates;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUPLICATES]);
}

/**
 * tp_csv_importer_get_skip_bad_rows:
 * @self: a #TpCsvImporter
 *
 * Returns: %TRUE if rows that cannot be imported are left out
 */
gboolean
tp_csv_importer_get_skip_bad_rows (TpCsvImporter *self)
{
  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), FALSE);
  return self->skip_bad_rows;
}

/**
 * tp_csv_importer_set_skip_bad_rows:
 * @self: a #TpCsvImporter
 * @skip_bad_rows: whether to leave out the rows that cannot be imported
 *
 * A row cannot be imported when a value is not one the data allows (a
 * date that is not one, an unknown stage) or when something it needs is
 * missing (no name, no such customer). By default, such a row fails the
 * whole import, which changes nothing and names every such row
 * (%TP_CSV_ERROR_REJECTED); with @skip_bad_rows the other rows are
 * imported and the report names the rows left out.
 */
void
tp_csv_importer_set_skip_bad_rows (TpCsvImporter *self,
                                   gboolean       skip_bad_rows)
{
  g_return_if_fail (TP_IS_CSV_IMPORTER (self));

  skip_bad_rows = !!skip_bad_rows;
  if (self->skip_bad_rows == skip_bad_rows)
    return;

  self->skip_bad_rows = skip_bad_rows;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKIP_BAD_ROWS]);
}

/**
 * tp_csv_importer_set_problem_func:
 * @self: a #TpCsvImporter
 * @func: (nullable) (scope forever): called for each row that cannot be
 *   imported
 * @user_data: data for @func
 *
 * Lets the caller hear of every row that cannot be imported, however
 * many (the report and the error keep only the first 200), for example
 * to print each one. @func runs on the thread that runs the import;
 * @user_data must live as long as @self or until @func is replaced.
 */
void
tp_csv_importer_set_problem_func (TpCsvImporter    *self,
                                  TpCsvProblemFunc  func,
                                  gpointer          user_data)
{
  g_return_if_fail (TP_IS_CSV_IMPORTER (self));

  self->problem_func = func;
  self->problem_data = user_data;
}

typedef struct
{
  TpCsvImporter *self;
  gboolean       header_seen;
} LoadData;

static gboolean
load_record (GPtrArray  *fields,
             guint       line,
             gpointer    data,
             GError    **error)
{
  LoadData *load = data;
  TpCsvImporter *self = load->self;
  GPtrArray *row;

  if (!load->header_seen)
    {
      load->header_seen = TRUE;
      for (guint i = 0; i < fields->len; i++)
        g_ptr_array_add (self->headers, g_strdup (g_ptr_array_index (fields, i)));
      return self->max_preview_rows > 0;
    }

  row = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < fields->len; i++)
    g_ptr_array_add (row, g_strdup (g_ptr_array_index (fields, i)));
  g_ptr_array_add (self->preview, row);

  return self->preview->len < self->max_preview_rows;
}

static void
guess_mapping (TpCsvImporter *self)
{
  gboolean taken[TP_CSV_N_FIELDS] = { FALSE };

  g_array_set_size (self->mapping, self->headers->len);
  self->dates_scanned = FALSE;

  for (guint i = 0; i < self->headers->len; i++)
    {
      TpCsvField known;
      TpCsvField field;

      /* A format's own columns: several may fill one field, the first
       * with a value in a row giving it */
      if (_tp_csv_format_field (self->format, self->table, g_ptr_array_index (self->headers, i),
                                &known))
        {
          g_array_index (self->mapping, TpCsvField, i) = known;
          continue;
        }

      field = _tp_csv_guess_field (self->table, g_ptr_array_index (self->headers, i));

      /* Several phone columns may fill one phone; other fields take the
       * first column that names them. */
      if (field != TP_CSV_FIELD_PHONE && taken[field])
        field = TP_CSV_FIELD_IGNORE;

      taken[field] = TRUE;
      g_array_index (self->mapping, TpCsvField, i) = field;
    }
}

/* A vCard file is read by tp-vcard.c instead of the CSV parser */
static gboolean
sniff_vcard (TpCsvImporter  *self,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  GError *local_error = NULL;
  char start[512];
  gsize n = 0;

  in = g_file_read (self->file, cancellable, &local_error);
  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), start, sizeof start, &n, cancellable,
                                &local_error))
    return _tp_csv_prefix_error (error, local_error, self->name);

  self->vcard = _tp_vcard_is_vcard (start, n);
  return TRUE;
}

/**
 * tp_csv_importer_load:
 * @self: a #TpCsvImporter
 * @max_preview_rows: how many rows after the header to keep for a preview
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the beginning of the file: its encoding, its separator (unless
 * one was chosen), the header and the first rows; and guesses which field
 * each column holds.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_csv_importer_load (TpCsvImporter  *self,
                      guint           max_preview_rows,
                      GCancellable   *cancellable,
                      GError        **error)
{
  LoadData load = { self, FALSE };
  TpCsvSource source;
  TpCsvParser parser;
  gboolean utf8 = TRUE;
  gboolean ok = FALSE;
  gboolean first = TRUE;

  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->loaded = FALSE;
  self->max_preview_rows = max_preview_rows;
  g_ptr_array_set_size (self->headers, 0);
  g_ptr_array_set_size (self->preview, 0);
  g_array_set_size (self->mapping, 0);

  if (!sniff_vcard (self, cancellable, error))
    return FALSE;

  if (self->vcard)
    {
      if (!_tp_vcard_read (self->file, self->name, load_record, &load, cancellable, error))
        return FALSE;
      self->format = TP_CSV_FORMAT_VCARD;
      guess_mapping (self);
      self->loaded = TRUE;
      return TRUE;
    }

  if (!_tp_csv_scan_encoding (self->file, self->name, PREVIEW_SCAN_SIZE, &utf8, cancellable, error))
    return FALSE;

  self->latin1 = !utf8;

  if (!_tp_csv_source_open (&source, self->file, self->name, cancellable, error))
    {
      _tp_csv_source_clear (&source);
      return FALSE;
    }
  source.latin1 = self->latin1;

  if (_tp_csv_source_peek (&source, self->name, cancellable, error) < 0)
    goto out;

  self->detected_separator = _tp_csv_detect_separator (source.text->str, source.text->len);
  _tp_csv_parser_init (&parser, self->name, self->headers, tp_csv_importer_get_separator (self),
                       load_record, &load);
  first = FALSE;

  if (!_tp_csv_parser_read (&parser, &source, NULL, NULL, cancellable, error))
    goto out;

  if (self->headers->len == 0)
    {
      _tp_csv_fail_file (error, TP_CSV_ERROR_EMPTY, self->name,
                         _("the file is empty: a CSV file starts with a line of column names"));
      goto out;
    }

  self->format = _tp_csv_detect_format (self->headers);
  guess_mapping (self);
  self->loaded = TRUE;
  ok = TRUE;

out:
  if (!first)
    _tp_csv_parser_clear (&parser);
  _tp_csv_source_clear (&source);

  return ok;
}

/**
 * tp_csv_importer_get_latin1:
 * @self: a #TpCsvImporter
 *
 * Returns: %TRUE if the file is not UTF-8 and is read as Latin-1
 */
gboolean
tp_csv_importer_get_latin1 (TpCsvImporter *self)
{
  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), FALSE);
  return self->latin1;
}

/**
 * tp_csv_importer_get_n_columns:
 * @self: a #TpCsvImporter
 *
 * Returns: the number of columns of the header, once loaded
 */
guint
tp_csv_importer_get_n_columns (TpCsvImporter *self)
{
  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), 0);
  return self->headers->len;
}

/**
 * tp_csv_importer_get_header:
 * @self: a #TpCsvImporter
 * @column: a column
 *
 * Returns: the name of @column in the file
 */
const char *
tp_csv_importer_get_header (TpCsvImporter *self,
                            guint          column)
{
  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), NULL);
  g_return_val_if_fail (column < self->headers->len, NULL);

  return g_ptr_array_index (self->headers, column);
}

/**
 * tp_csv_importer_get_column_field:
 * @self: a #TpCsvImporter
 * @column: a column
 *
 * Returns: the field @column is imported as
 */
TpCsvField
tp_csv_importer_get_column_field (TpCsvImporter *self,
                                  guint          column)
{
  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), TP_CSV_FIELD_IGNORE);
  g_return_val_if_fail (column < self->mapping->len, TP_CSV_FIELD_IGNORE);

  return g_array_index (self->mapping, TpCsvField, column);
}

/**
 * tp_csv_importer_set_column_field:
 * @self: a #TpCsvImporter
 * @column: a column
 * @field: a field of the table, or %TP_CSV_FIELD_IGNORE
 *
 * Maps @column to @field. When several columns map to the same field, the
 * first one with a value in a row gives it.
 */
void
tp_csv_importer_set_column_field (TpCsvImporter *self,
                                  guint          column,
                                  TpCsvField     field)
{
  g_return_if_fail (TP_IS_CSV_IMPORTER (self));
  g_return_if_fail (column < self->mapping->len);
  g_return_if_fail (field < TP_CSV_N_FIELDS);
  g_return_if_fail (_tp_csv_table_has_field (self->table, field));

  g_array_index (self->mapping, TpCsvField, column) = field;
  self->dates_scanned = FALSE;
}

/**
 * tp_csv_importer_set_table:
 * @self: a #TpCsvImporter
 * @table: what the file holds
 *
 * Changes the table to import into, and guesses the mapping again if the
 * file was loaded: such as the table of the format that was recognised.
 */
void
tp_csv_importer_set_table (TpCsvImporter *self,
                           TpCsvTable     table)
{
  g_return_if_fail (TP_IS_CSV_IMPORTER (self));
  g_return_if_fail (table <= TP_CSV_TABLE_ORDERS);

  if (self->table == table)
    return;

  self->table = table;
  if (self->loaded)
    guess_mapping (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
}

/**
 * tp_csv_importer_get_format:
 * @self: a loaded #TpCsvImporter
 *
 * Returns: where the file comes from, as its header says
 */
TpCsvFormat
tp_csv_importer_get_format (TpCsvImporter *self)
{
  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), TP_CSV_FORMAT_GENERIC);

  return self->format;
}

/**
 * tp_csv_importer_get_date_order:
 * @self: a #TpCsvImporter
 *
 * Returns: the order the caller chose, or %TP_CSV_DATE_ORDER_UNKNOWN
 */
TpCsvDateOrder
tp_csv_importer_get_date_order (TpCsvImporter *self)
{
  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), TP_CSV_DATE_ORDER_UNKNOWN);

  return self->date_order;
}

/**
 * tp_csv_importer_set_date_order:
 * @self: a #TpCsvImporter
 * @order: how to read dates such as 03/04/2026, or
 *   %TP_CSV_DATE_ORDER_UNKNOWN to find it from the file
 */
void
tp_csv_importer_set_date_order (TpCsvImporter  *self,
                                TpCsvDateOrder  order)
{
  g_return_if_fail (TP_IS_CSV_IMPORTER (self));
  g_return_if_fail (order <= TP_CSV_DATE_ORDER_YMD);

  self->date_order = order;
}

gboolean
_tp_csv_importer_is_time_field (TpCsvField field)
{
  return field == TP_CSV_FIELD_HAPPENED_AT || field == TP_CSV_FIELD_ORDERED_AT ||
         field == TP_CSV_FIELD_FULFILLED_AT || field == TP_CSV_FIELD_CREATED_AT ||
         field == TP_CSV_FIELD_UPDATED_AT;
}

/* The order to read dates in: the caller's, the file's, the format's */
TpCsvDateOrder
_tp_csv_importer_get_effective_date_order (TpCsvImporter *self)
{
  if (self->date_order != TP_CSV_DATE_ORDER_UNKNOWN)
    return self->date_order;
  if (self->dates_scanned && self->detected_order != TP_CSV_DATE_ORDER_UNKNOWN)
    return self->detected_order;
  if (tp_csv_format_get_table (self->format) == self->table)
    return _tp_csv_format_get_date_order (self->format);

  return TP_CSV_DATE_ORDER_UNKNOWN;
}

/* A file whose first rows of dates are all written year first (as every
 * export of a program is) is not read to its end for the order */
#define SCAN_YEAR_FIRST_ROWS 10000

typedef struct
{
  TpCsvImporter *self;
  gboolean       header_seen;
  guint          rows;
  gboolean       written;  /* a date such as 03/04/2026 was seen */
} ScanData;

/* The first date that can only be read one way decides the order; a date
 * that can be read both ways is remembered, to name it if none does. */
static gboolean
scan_record (GPtrArray  *fields,
             guint       line,
             gpointer    data,
             GError    **error)
{
  ScanData *scan = data;
  TpCsvImporter *self = scan->self;

  if (!scan->header_seen)
    {
      scan->header_seen = TRUE;
      return TRUE;
    }

  /* A date written otherwise further on, which nothing before decides,
   * is refused with its row (_tp_csv_parse_time()) */
  if (++scan->rows > SCAN_YEAR_FIRST_ROWS && !scan->written)
    return FALSE;

  for (guint i = 0; i < fields->len && i < self->mapping->len; i++)
    {
      const char *value = g_ptr_array_index (fields, i);
      g_autofree char *stripped = NULL;
      guint orders;

      if (!_tp_csv_importer_is_time_field (g_array_index (self->mapping, TpCsvField, i)) ||
          _tp_csv_is_blank (value))
        continue;

      stripped = g_strstrip (g_strdup (value));
      orders = _tp_csv_written_orders (stripped);
      if (orders != 0)
        scan->written = TRUE;
      if (orders == 0 || (orders & TP_CSV_ORDER_BIT (TP_CSV_DATE_ORDER_UNKNOWN)) != 0)
        continue;

      if (orders == TP_CSV_ORDER_BIT (TP_CSV_DATE_ORDER_DMY) ||
          orders == TP_CSV_ORDER_BIT (TP_CSV_DATE_ORDER_MDY))
        {
          self->detected_order = orders == TP_CSV_ORDER_BIT (TP_CSV_DATE_ORDER_DMY)
                                 ? TP_CSV_DATE_ORDER_DMY : TP_CSV_DATE_ORDER_MDY;
          return FALSE;
        }

      if (self->ambiguous_column == NULL)
        {
          self->ambiguous_line = line;
          self->ambiguous_column = g_strdup (g_ptr_array_index (self->headers, i));
          self->ambiguous_value = g_steal_pointer (&stripped);
        }
    }

  return TRUE;
}

/**
 * tp_csv_importer_scan_dates:
 * @self: a loaded #TpCsvImporter
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the columns mapped to dates in the whole file to find whether
 * dates such as 03/04/2026 are day first or month first: the first date
 * that can only be read one way (13/04/2026) decides. Afterwards,
 * tp_csv_importer_get_dates_ambiguous() says whether the caller has to
 * ask.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_csv_importer_scan_dates (TpCsvImporter  *self,
                            GCancellable   *cancellable,
                            GError        **error)
{
  ScanData scan = { self, FALSE, 0, FALSE };
  TpCsvSource source;
  TpCsvParser parser;
  gboolean ok = FALSE;
  gboolean any = FALSE;

  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), FALSE);
  g_return_val_if_fail (self->loaded, FALSE);

  self->dates_scanned = FALSE;
  self->detected_order = TP_CSV_DATE_ORDER_UNKNOWN;
  self->dates_ambiguous = FALSE;
  g_clear_pointer (&self->ambiguous_column, g_free);
  g_clear_pointer (&self->ambiguous_value, g_free);

  for (guint i = 0; i < self->mapping->len; i++)
    any = any || _tp_csv_importer_is_time_field (g_array_index (self->mapping, TpCsvField, i));

  if (!any || self->vcard)
    {
      self->dates_scanned = TRUE;
      return TRUE;
    }

  if (!_tp_csv_source_open (&source, self->file, self->name, cancellable, error))
    {
      _tp_csv_source_clear (&source);
      return FALSE;
    }
  source.latin1 = self->latin1;
  _tp_csv_parser_init (&parser, self->name, self->headers,
                       tp_csv_importer_get_separator (self), scan_record, &scan);

  if (!_tp_csv_parser_read (&parser, &source, NULL, NULL, cancellable, error))
    goto out;

  self->dates_scanned = TRUE;
  self->dates_ambiguous = self->detected_order == TP_CSV_DATE_ORDER_UNKNOWN &&
                          self->ambiguous_column != NULL;
  ok = TRUE;

out:
  _tp_csv_parser_clear (&parser);
  _tp_csv_source_clear (&source);

  return ok;
}

/**
 * tp_csv_importer_get_dates_ambiguous:
 * @self: a #TpCsvImporter
 *
 * Returns: %TRUE if tp_csv_importer_scan_dates() found dates that can be
 *   read day first or month first, nothing that says which, and no order
 *   was chosen: the caller has to ask
 */
gboolean
tp_csv_importer_get_dates_ambiguous (TpCsvImporter *self)
{
  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), FALSE);

  return self->dates_scanned && self->dates_ambiguous &&
         _tp_csv_importer_get_effective_date_order (self) == TP_CSV_DATE_ORDER_UNKNOWN;
}

/**
 * tp_csv_importer_map_column:
 * @self: a loaded #TpCsvImporter
 * @field_name: a field of the table, as the export names it ("ordered_at")
 * @column_name: the name of a column of the file, in any case
 * @error: return location for a #GError
 *
 * Maps the column to the field, and no other column to it: what
 * `--map FIELD=COLUMN` does on the command line.
 *
 * Returns: %TRUE if both exist
 */
gboolean
tp_csv_importer_map_column (TpCsvImporter  *self,
                            const char     *field_name,
                            const char     *column_name,
                            GError        **error)
{
  TpCsvField field;
  int column = -1;

  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), FALSE);
  g_return_val_if_fail (self->loaded, FALSE);

  if (!tp_csv_field_from_name (self->table, field_name, &field))
    {
      const TpCsvField *fields;
      guint n_fields;
      g_autoptr(GString) names = g_string_new (NULL);

      fields = tp_csv_table_get_fields (self->table, &n_fields);
      for (guint i = 1; i < n_fields; i++)
        g_string_append_printf (names, "%s%s", i > 1 ? ", " : "",
                                tp_csv_field_get_name (fields[i]));

      g_set_error (error, TP_CSV_ERROR, TP_CSV_ERROR_MAPPING,
                   /* Translators: the first %s is what was typed, the second the table
                    * ("orders"), the third a list of names such as "item, amount" */
                   _("“%s” is not a field of %s: use one of %s"),
                   field_name, tp_csv_table_to_string (self->table), names->str);
      return FALSE;
    }

  for (guint i = 0; i < self->headers->len && column < 0; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->headers, i), column_name))
        column = (int)i;
    }
  for (guint i = 0; i < self->headers->len && column < 0; i++)
    {
      g_autofree char *a = g_utf8_casefold (g_ptr_array_index (self->headers, i), -1);
      g_autofree char *b = g_utf8_casefold (column_name, -1);

      if (g_str_equal (a, b))
        column = (int)i;
    }

  if (column < 0)
    {
      g_set_error (error, TP_CSV_ERROR, TP_CSV_ERROR_MAPPING,
                   /* Translators: the first %s is a file name, the second a column name */
                   _("%s: there is no column “%s”"), self->name, column_name);
      return FALSE;
    }

  for (guint i = 0; i < self->mapping->len; i++)
    {
      if (g_array_index (self->mapping, TpCsvField, i) == field)
        g_array_index (self->mapping, TpCsvField, i) = TP_CSV_FIELD_IGNORE;
    }
  g_array_index (self->mapping, TpCsvField, column) = field;
  self->dates_scanned = FALSE;

  return TRUE;
}

gboolean
_tp_csv_importer_is_mapped (TpCsvImporter *self,
                            TpCsvField     field)
{
  for (guint i = 0; i < self->mapping->len; i++)
    {
      if (g_array_index (self->mapping, TpCsvField, i) == field)
        return TRUE;
    }

  return FALSE;
}

static gboolean
fail_unmapped (TpCsvImporter  *self,
               const char     *what,
               GError        **error)
{
  g_set_error (error, TP_CSV_ERROR, TP_CSV_ERROR_MAPPING,
               /* Translators: the first %s is a file name, the second names fields */
               _("%s: no column holds %s; choose which one does"),
               self->name, what);
  return FALSE;
}

/**
 * tp_csv_importer_check_mapping:
 * @self: a loaded #TpCsvImporter
 * @error: return location for a #GError
 *
 * Checks that the columns give what every row needs: a name for
 * customers; a customer, a date and a channel for touches; a customer, a
 * date, an item and an amount for orders.
 *
 * Returns: %TRUE if the import can run
 */
gboolean
tp_csv_importer_check_mapping (TpCsvImporter  *self,
                               GError        **error)
{
  gboolean customer;

  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), FALSE);
  g_return_val_if_fail (self->loaded, FALSE);

  customer = _tp_csv_importer_is_mapped (self, TP_CSV_FIELD_CUSTOMER_ID) ||
             _tp_csv_importer_is_mapped (self, TP_CSV_FIELD_CUSTOMER_NAME) ||
             _tp_csv_importer_is_mapped (self, TP_CSV_FIELD_CUSTOMER_EMAIL);

  switch (self->table)
    {
    case TP_CSV_TABLE_CUSTOMERS:
      if (!_tp_csv_importer_is_mapped (self, TP_CSV_FIELD_NAME) &&
          !_tp_csv_importer_is_mapped (self, TP_CSV_FIELD_FIRST_NAME) &&
          !_tp_csv_importer_is_mapped (self, TP_CSV_FIELD_LAST_NAME))
        return fail_unmapped (self, _("the name"), error);
      break;

    case TP_CSV_TABLE_TOUCHES:
      if (!customer)
        return fail_unmapped (self, _("the customer (a name or an email)"), error);
      if (!_tp_csv_importer_is_mapped (self, TP_CSV_FIELD_HAPPENED_AT))
        return fail_unmapped (self, _("the date of the touch"), error);
      if (!_tp_csv_importer_is_mapped (self, TP_CSV_FIELD_CHANNEL))
        return fail_unmapped (self, _("the channel"), error);
      break;

    case TP_CSV_TABLE_ORDERS:
    default:
      if (!customer)
        return fail_unmapped (self, _("the customer (a name or an email)"), error);
      if (!_tp_csv_importer_is_mapped (self, TP_CSV_FIELD_ORDERED_AT))
        return fail_unmapped (self, _("the order date"), error);
      if (!_tp_csv_importer_is_mapped (self, TP_CSV_FIELD_ITEM))
        return fail_unmapped (self, _("the item"), error);
      if (!_tp_csv_importer_is_mapped (self, TP_CSV_FIELD_AMOUNT) &&
          !_tp_csv_importer_is_mapped (self, TP_CSV_FIELD_AMOUNT_MINOR))
        return fail_unmapped (self, _("the amount"), error);
      break;
    }

  return TRUE;
}

