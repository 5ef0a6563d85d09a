/* tp-csv-preview.c
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

#include "tp-csv-private.h"

/*
 * What a loaded TpCsvImporter shows before it imports: the first rows of
 * the file as written, and as they will be stored (dates in the
 * canonical form, the parts of a name joined, the items and amounts of
 * an order of several rows summed up).
 */

/**
 * tp_csv_importer_get_n_preview_rows:
 * @self: a #TpCsvImporter
 *
 * Returns: how many rows the preview holds
 */
guint
tp_csv_importer_get_n_preview_rows (TpCsvImporter *self)
{
  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), 0);
  return self->preview->len;
}

/**
 * tp_csv_importer_get_preview_value:
 * @self: a #TpCsvImporter
 * @row: a row of the preview
 * @column: a column
 *
 * Returns: the text in the file at @row and @column; "" where a row is
 *   shorter than the header
 */
const char *
tp_csv_importer_get_preview_value (TpCsvImporter *self,
                                   guint          row,
                                   guint          column)
{
  GPtrArray *values;

  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), NULL);
  g_return_val_if_fail (row < self->preview->len, NULL);

  values = g_ptr_array_index (self->preview, row);
  if (column >= values->len)
    return "";

  return g_ptr_array_index (values, column);
}

/**
 * tp_csv_importer_get_preview_stored:
 * @self: a loaded #TpCsvImporter
 * @row: a row of the preview
 * @column: a column
 *
 * Gets the value at @row and @column as it will be stored: a date in the
 * canonical form, in the order chosen or found.
 *
 * Returns: (transfer full): the value; a date that cannot be read, as it
 *   is in the file
 */
char *
tp_csv_importer_get_preview_stored (TpCsvImporter *self,
                                    guint          row,
                                    guint          column)
{
  const char *value;
  TpCsvField field;

  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), NULL);

  value = tp_csv_importer_get_preview_value (self, row, column);
  field = tp_csv_importer_get_column_field (self, column);
  if (_tp_csv_importer_is_time_field (field) && !_tp_csv_is_blank (value))
    {
      char *stored = tp_csv_normalize_time (value,
                                            _tp_csv_importer_get_effective_date_order (self));

      if (stored != NULL)
        return stored;
    }

  return g_strstrip (g_strdup (value));
}

/**
 * tp_csv_importer_get_preview_fields:
 * @self: a loaded #TpCsvImporter
 * @n_fields: (out): how many
 *
 * Gets the fields the mapping fills, in the order of the table, as a
 * preview shows them: the parts of a name as the name, the time of day
 * with the date.
 *
 * Returns: (array length=n_fields) (transfer full): the fields
 */
TpCsvField *
tp_csv_importer_get_preview_fields (TpCsvImporter *self,
                                    guint         *n_fields)
{
  const TpCsvField *fields;
  TpCsvField *shown;
  guint n_shown = 0;
  guint n;

  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), NULL);

  fields = tp_csv_table_get_fields (self->table, &n);
  shown = g_new0 (TpCsvField, n);
  for (guint i = 1; i < n; i++)
    {
      TpCsvField field = fields[i];
      gboolean mapped = _tp_csv_importer_is_mapped (self, field);

      if (field == TP_CSV_FIELD_FIRST_NAME || field == TP_CSV_FIELD_MIDDLE_NAME ||
          field == TP_CSV_FIELD_LAST_NAME || field == TP_CSV_FIELD_ORDER_TIME)
        continue;
      if (field == TP_CSV_FIELD_NAME)
        mapped = mapped || _tp_csv_importer_is_mapped (self, TP_CSV_FIELD_FIRST_NAME) ||
                 _tp_csv_importer_is_mapped (self, TP_CSV_FIELD_MIDDLE_NAME) ||
                 _tp_csv_importer_is_mapped (self, TP_CSV_FIELD_LAST_NAME);
      if (mapped)
        shown[n_shown++] = field;
    }

  *n_fields = n_shown;
  return shown;
}

/* The first value of @row in a column mapped to @field */
static const char *
preview_value (TpCsvImporter *self,
               guint          row,
               TpCsvField     field)
{
  for (guint c = 0; c < self->mapping->len; c++)
    {
      const char *value;

      if (g_array_index (self->mapping, TpCsvField, c) != field)
        continue;
      value = tp_csv_importer_get_preview_value (self, row, c);
      if (!_tp_csv_is_blank (value))
        return value;
    }

  return NULL;
}

/**
 * tp_csv_importer_get_preview_row_continues:
 * @self: a loaded #TpCsvImporter
 * @row: a row of the preview
 *
 * Returns: %TRUE if @row is another item of the order of the row before
 *   (the same order number), which the import joins to that order: a
 *   preview leaves it out, and shows its item and amount with that order
 */
gboolean
tp_csv_importer_get_preview_row_continues (TpCsvImporter *self,
                                           guint          row)
{
  const char *ref;
  const char *before;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), FALSE);
  g_return_val_if_fail (row < self->preview->len, FALSE);

  if (row == 0 || self->table != TP_CSV_TABLE_ORDERS)
    return FALSE;

  ref = preview_value (self, row, TP_CSV_FIELD_ORDER_REF);
  before = preview_value (self, row - 1, TP_CSV_FIELD_ORDER_REF);
  if (ref == NULL || before == NULL)
    return FALSE;

  a = g_strstrip (g_strdup (ref));
  b = g_strstrip (g_strdup (before));
  return g_str_equal (a, b);
}

/**
 * tp_csv_importer_get_preview_field:
 * @self: a loaded #TpCsvImporter
 * @row: a row of the preview
 * @field: one of tp_csv_importer_get_preview_fields()
 *
 * Gets what the import will keep of @row for @field: a date in the
 * canonical form, the parts of a name joined, an amount with its
 * decimals.
 *
 * Returns: (transfer full): the value, "" for none
 */
char *
tp_csv_importer_get_preview_field (TpCsvImporter *self,
                                   guint          row,
                                   TpCsvField     field)
{
  const char *value;

  g_return_val_if_fail (TP_IS_CSV_IMPORTER (self), NULL);
  g_return_val_if_fail (row < self->preview->len, NULL);

  value = preview_value (self, row, field);

  if (field == TP_CSV_FIELD_NAME && value == NULL)
    {
      const TpCsvField parts[] = { TP_CSV_FIELD_FIRST_NAME, TP_CSV_FIELD_MIDDLE_NAME,
                                   TP_CSV_FIELD_LAST_NAME };
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          const char *part = preview_value (self, row, parts[i]);

          if (part != NULL)
            {
              g_autofree char *stripped = g_strstrip (g_strdup (part));

              g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "", stripped);
            }
        }

      return g_string_free (g_steal_pointer (&joined), FALSE);
    }

  /* The items of the rows that continue this order join it */
  if (field == TP_CSV_FIELD_ITEM)
    {
      g_autoptr(GString) items = g_string_new (NULL);

      for (guint r = row; r < self->preview->len; r++)
        {
          const char *item;

          if (r > row && !tp_csv_importer_get_preview_row_continues (self, r))
            break;
          item = preview_value (self, r, field);
          if (item != NULL)
            {
              g_autofree char *stripped = g_strstrip (g_strdup (item));

              g_string_append_printf (items, "%s%s", items->len > 0 ? ", " : "", stripped);
            }
        }

      return g_string_free (g_steal_pointer (&items), FALSE);
    }

  if (value == NULL)
    return g_strdup ("");

  if (_tp_csv_importer_is_time_field (field))
    {
      const char *time = field == TP_CSV_FIELD_ORDERED_AT
                         ? preview_value (self, row, TP_CSV_FIELD_ORDER_TIME) : NULL;
      g_autofree char *text = time != NULL ? g_strconcat (value, " ", time, NULL)
                                           : g_strdup (value);
      char *stored = tp_csv_normalize_time (text, _tp_csv_importer_get_effective_date_order (self));

      return stored != NULL ? stored : g_strstrip (g_steal_pointer (&text));
    }

  if (field == TP_CSV_FIELD_AMOUNT)
    {
      const char *currency = preview_value (self, row, TP_CSV_FIELD_CURRENCY);
      int exponent = _tp_csv_currency_exponent (currency != NULL ? currency : "EUR");
      gint64 amount;

      if (_tp_csv_parse_amount (value, exponent, &amount) == TP_CSV_AMOUNT_OK)
        {
          gint64 unit = 1;

          for (guint r = row + 1; r < self->preview->len &&
               tp_csv_importer_get_preview_row_continues (self, r); r++)
            {
              const char *more = preview_value (self, r, field);
              gint64 added = 0;

              if (more != NULL && _tp_csv_parse_amount (more, exponent, &added) == TP_CSV_AMOUNT_OK)
                amount += added;
            }

          for (int i = 0; i < exponent; i++)
            unit *= 10;
          if (exponent == 0)
            return g_strdup_printf ("%" G_GINT64_FORMAT, amount);
          return g_strdup_printf ("%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT, amount / unit,
                                  exponent, amount % unit);
        }
    }

  return g_strstrip (g_strdup (value));
}

