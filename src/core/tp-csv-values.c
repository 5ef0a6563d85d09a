/* tp-csv-values.c
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

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tp-core-enum-types.h"
#include "tp-csv-private.h"
#include "tp-enums.h"
#include "tp-schema.h"

/*
 * The values of a row's cells, read for the import: ids, times, choices
 * (a stage, a channel… as Touchpoint, other programs or the user's
 * language write them), yes or no, amounts in minor units; each checked
 * against the schema's rules, and a value that cannot be right refused
 * with a message that names its line and column. Also the messages of a
 * row: refused, skipped or noted.
 */

const TpCsvAlias _tp_csv_channel_aliases[] = {
  { "e-mail", "email" },
  { "phone", "call" },
  { "phone-call", "call" },
  { "telephone", "call" },
  { "social", "social-post" },
  { "post", "social-post" },
  { "dm", "direct-message" },
  { "message", "direct-message" },
  { "chat", "direct-message" },
  { "web", "website" },
  { "advert", "ad" },
  { "advertisement", "ad" },
  { "ads", "ad" },
  { "letter", "mail" },
  { "visit", "meeting" },
  { NULL, NULL }
};

/* HubSpot's lifecycle stages, as values and as labels */
const TpCsvAlias _tp_csv_stage_aliases[] = {
  { "subscriber", "lead" },
  { "marketingqualifiedlead", "prospect" },
  { "marketing-qualified-lead", "prospect" },
  { "salesqualifiedlead", "prospect" },
  { "sales-qualified-lead", "prospect" },
  { "opportunity", "prospect" },
  { "evangelist", "repeat" },
  { "repeat-customer", "repeat" },
  { "churned", "lost" },
  { NULL, NULL }
};

const TpCsvAlias _tp_csv_direction_aliases[] = {
  { "out", "outbound" },
  { "outgoing", "outbound" },
  { "sent", "outbound" },
  { "in", "inbound" },
  { "incoming", "inbound" },
  { "received", "inbound" },
  { NULL, NULL }
};

const TpCsvAlias _tp_csv_status_aliases[] = {
  { "paid", "fulfilled" },
  { "complete", "fulfilled" },
  { "completed", "fulfilled" },
  { "shipped", "fulfilled" },
  { "delivered", "fulfilled" },
  { "pending", "open" },
  { "processing", "open" },
  { "new", "open" },
  { "unpaid", "open" },
  { "unfulfilled", "open" },
  { "partial", "open" },
  { "on-hold", "open" },
  { "failed", "cancelled" },
  { "restocked", "cancelled" },
  { "canceled", "cancelled" },
  { "refunded", "cancelled" },
  { "void", "cancelled" },
  { "voided", "cancelled" },
  { NULL, NULL }
};

static const char *
column_name (TpCsvImport *self,
             TpCsvRow    *row,
             TpCsvField   field)
{
  if (row->column[field] >= 0)
    return g_ptr_array_index (self->headers, row->column[field]);

  return tp_csv_field_get_name (field);
}

/* "line 17: field “email”: " and what @format says */
static char *
field_message (TpCsvImport *self,
               TpCsvRow    *row,
               TpCsvField   field,
               const char  *format,
               va_list      args) G_GNUC_PRINTF (4, 0);

static char *
field_message (TpCsvImport *self,
               TpCsvRow    *row,
               TpCsvField   field,
               const char  *format,
               va_list      args)
{
  g_autofree char *header = _tp_schema_excerpt (column_name (self, row, field));
  g_autofree char *message = g_strdup_vprintf (format, args);

  return g_strdup_printf (/* Translators: "line 17: field “email”: …"; %u is a line number,
                           * then the name of a column and what is wrong with its value */
                          _("line %u: field “%s”: %s"),
                          row->line, header, message);
}

gboolean
_tp_csv_fail_field (TpCsvImport  *self,
                    TpCsvRow     *row,
                    TpCsvField    field,
                    GError      **error,
                    const char   *format,
                    ...)
{
  va_list args;

  /* import_record() (tp-csv-import.c) makes this a row that cannot be imported */
  g_free (self->row_problem);
  va_start (args, format);
  self->row_problem = field_message (self, row, field, format, args);
  va_end (args);
  g_set_error (error, TP_CSV_ERROR, TP_CSV_ERROR_INVALID, "%s: %s",
               self->name, self->row_problem);
  return FALSE;
}

/* A row that cannot be imported. Without skip_bad_rows, the import goes
 * on to find every such row, then fails and changes nothing; with it,
 * the row is left out. Either way, each is told once. */
void
_tp_csv_add_problem (TpCsvImport *self,
                     char        *message)
{
  g_autofree char *line = g_strdup_printf ("%s: %s", self->name, message);

  self->n_problems++;
  self->report->skipped++;

  if (self->problem_func != NULL)
    self->problem_func (line, self->problem_data);

  if (!self->skip_bad_rows && self->n_problems <= TP_CSV_MAX_MESSAGES)
    {
      if (self->problems->len > 0)
        g_string_append_c (self->problems, '\n');
      g_string_append (self->problems, line);
    }

  _tp_csv_report_add (self->report, message);
}

/* The first of three fields that has a column, to name in a message */
TpCsvField
_tp_csv_first_mapped (TpCsvRow   *row,
                      TpCsvField  first,
                      TpCsvField  second,
                      TpCsvField  third)
{
  if (row->column[first] < 0 && row->column[second] >= 0)
    return second;
  if (row->column[first] < 0 && row->column[third] >= 0)
    return third;
  return first;
}

void
_tp_csv_reject_row (TpCsvImport *self,
                    TpCsvRow    *row,
                    TpCsvField   field,
                    const char  *format,
                    ...)
{
  char *message;
  va_list args;

  va_start (args, format);
  message = field_message (self, row, field, format, args);
  va_end (args);

  _tp_csv_add_problem (self, message);
}

void
_tp_csv_note_row (TpCsvImport *self,
                  TpCsvRow    *row,
                  const char  *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: "line 17: no name"; %u is a line number, %s what happened */
  _tp_csv_report_add (self->report, g_strdup_printf (_("line %u: %s"), row->line, message));
}

/* The column of the schema that @field fills, or NULL */
const TpSchemaColumn *
_tp_csv_field_column (TpCsvImport *self,
                      TpCsvField   field)
{
  return tp_schema_table_find_column (tp_schema_find_table (tp_csv_table_to_string (self->table)),
                                      tp_csv_field_get_name (field));
}

/* Refuses a value with the schema's message, which every path gives */
gboolean
_tp_csv_fail_schema (TpCsvImport  *self,
                     TpCsvRow     *row,
                     TpCsvField    field,
                     GError      **schema_error,
                     GError      **error)
{
  g_autoptr(GError) cause = g_steal_pointer (schema_error);

  return _tp_csv_fail_field (self, row, field, error, "%s", cause->message);
}

gboolean
_tp_csv_check_text (TpCsvImport  *self,
                    TpCsvRow     *row,
                    TpCsvField    field,
                    const char   *text,
                    GError      **error)
{
  const TpSchemaColumn *column = _tp_csv_field_column (self, field);
  GError *local_error = NULL;

  g_assert (column != NULL);
  if (text != NULL && !tp_schema_column_check_text (column, text, &local_error))
    return _tp_csv_fail_schema (self, row, field, &local_error, error);

  return TRUE;
}

gboolean
_tp_csv_parse_id (TpCsvImport  *self,
                  TpCsvRow     *row,
                  TpCsvField    field,
                  gint64       *id,
                  GError      **error)
{
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  *id = 0;
  if (_tp_csv_is_blank (row->value[field]))
    return TRUE;

  /* As Touchpoint writes it */
  if (g_ascii_string_to_signed (row->value[field], 10, 1, G_MAXINT64, id, NULL))
    return TRUE;

  text = g_strstrip (g_strdup (row->value[field]));
  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL))
    return TRUE;

  shown = _tp_schema_excerpt (text);
  return _tp_csv_fail_field (self, row, field, error,
                             /* Translators: %s is the value found */
                             _("“%s” is not a Touchpoint id (a whole number above 0)"), shown);
}

gboolean
_tp_csv_parse_time (TpCsvImport  *self,
                    TpCsvRow     *row,
                    TpCsvField    field,
                    char        **out,
                    GError      **error)
{
  g_autofree char *text = NULL;
  GError *local_error = NULL;

  *out = NULL;
  if (_tp_csv_is_blank (row->value[field]))
    return TRUE;

  /* As Touchpoint writes it */
  if (tp_schema_time_is_canonical (row->value[field], strlen (row->value[field])) &&
      (field != TP_CSV_FIELD_ORDERED_AT || _tp_csv_is_blank (VALUE (row, ORDER_TIME))))
    {
      *out = g_strdup (row->value[field]);
      return TRUE;
    }

  /* The date and the time of day in two columns */
  if (field == TP_CSV_FIELD_ORDERED_AT && !_tp_csv_is_blank (VALUE (row, ORDER_TIME)))
    text = g_strstrip (g_strconcat (row->value[field], " ", VALUE (row, ORDER_TIME), NULL));
  else
    text = g_strstrip (g_strdup (row->value[field]));

  *out = tp_csv_normalize_time (text, self->date_order);

  if (*out == NULL && self->date_order == TP_CSV_DATE_ORDER_UNKNOWN &&
      _tp_csv_written_orders (text) == (TP_CSV_ORDER_BIT (TP_CSV_DATE_ORDER_DMY) |
                                        TP_CSV_ORDER_BIT (TP_CSV_DATE_ORDER_MDY)))
    {
      g_autofree char *shown = _tp_schema_excerpt (text);

      return _tp_csv_fail_field (self, row, field, error,
                                 /* Translators: %s is a date such as 03/04/2026 */
                                 _("“%s” can be read day first or month first; say which "
                                   "with the date order (--date-order dmy or mdy)"),
                                 shown);
    }

  /* Refused with the schema's words */
  if (*out == NULL)
    *out = tp_schema_column_normalize (_tp_csv_field_column (self, field), text, &local_error);

  if (*out != NULL)
    return TRUE;

  return _tp_csv_fail_schema (self, row, field, &local_error, error);
}

static const char *
enum_label (GType type,
            int   value)
{
  if (type == TP_TYPE_CHANNEL)
    return tp_channel_get_label ((TpChannel)value);
  if (type == TP_TYPE_STAGE)
    return tp_stage_get_label ((TpStage)value);
  if (type == TP_TYPE_DIRECTION)
    return tp_direction_get_label ((TpDirection)value);
  if (type == TP_TYPE_ORDER_STATUS)
    return tp_order_status_get_label ((TpOrderStatus)value);
  return NULL;
}

/* Reads a stage, channel… as its nick, its label in English or in the
 * user's language, or a name other programs use. */
gboolean
_tp_csv_parse_choice (TpCsvImport       *self,
                      TpCsvRow          *row,
                      TpCsvField         field,
                      GType              type,
                      const TpCsvAlias  *aliases,
                      const char       **nick,
                      GError           **error)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *text = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  GError *local_error = NULL;
  GEnumValue *value;

  *nick = NULL;
  if (_tp_csv_is_blank (row->value[field]))
    return TRUE;

  klass = g_type_class_ref (type);

  /* As Touchpoint writes it */
  value = g_enum_get_value_by_nick (klass, row->value[field]);
  if (value != NULL)
    {
      *nick = value->value_nick;
      return TRUE;
    }

  text = g_strstrip (g_strdup (row->value[field]));
  normal = g_utf8_strdown (text, -1);
  for (char *p = normal; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '_')
        *p = '-';
    }

  value = g_enum_get_value_by_nick (klass, normal);
  if (value != NULL)
    {
      *nick = value->value_nick;
      return TRUE;
    }

  for (guint i = 0; aliases != NULL && aliases[i].alias != NULL; i++)
    {
      if (g_str_equal (aliases[i].alias, normal))
        {
          *nick = aliases[i].nick;
          return TRUE;
        }
    }

  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < klass->n_values; i++)
    {
      g_autofree char *label = g_utf8_casefold (enum_label (type, klass->values[i].value), -1);

      if (g_str_equal (label, folded))
        {
          *nick = klass->values[i].value_nick;
          return TRUE;
        }
    }

  /* Not a nick, so the schema refuses it */
  if (!tp_schema_column_check_text (_tp_csv_field_column (self, field), text, &local_error))
    return _tp_csv_fail_schema (self, row, field, &local_error, error);

  g_assert_not_reached ();
}

gboolean
_tp_csv_parse_done (TpCsvImport  *self,
                    TpCsvRow     *row,
                    int          *done,
                    GError      **error)
{
  static const char * const yes[] = { "1", "yes", "true", "y", "x", "done", "completed", NULL };
  static const char * const no[] = { "0", "no", "false", "n", "planned", "open", NULL };
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  *done = -1;
  if (_tp_csv_is_blank (VALUE (row, DONE)))
    return TRUE;

  text = g_strstrip (g_strdup (VALUE (row, DONE)));
  for (char *p = text; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  if (g_strv_contains (yes, text))
    *done = 1;
  else if (g_strv_contains (no, text))
    *done = 0;
  else
    {
      shown = _tp_schema_excerpt (VALUE (row, DONE));
      return _tp_csv_fail_field (self, row, TP_CSV_FIELD_DONE, error,
                                 /* Translators: %s is the value found */
                                 _("“%s” is not 1 or 0 (yes or no)"), shown);
    }

  return TRUE;
}

int
_tp_csv_currency_exponent (const char *currency)
{
  static const char zero[] = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
  static const char three[] = "BHD IQD JOD KWD LYD OMR TND";

  if (strstr (zero, currency) != NULL)
    return 0;
  if (strstr (three, currency) != NULL)
    return 3;
  return 2;
}

/* Reads "12.50", "12,50", "1.234,56", "€ 1,234.56" or "12" into minor
 * units. With one kind of mark followed by three digits ("1,234"), the
 * mark groups thousands. */
TpCsvAmountResult
_tp_csv_parse_amount (const char *text,
                      int         exponent,
                      gint64     *minor)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  gboolean negative = FALSE;
  gint64 major = 0;
  gint64 fraction = 0;
  int fraction_digits = 0;
  int decimal = -1;
  guint n_dots = 0;
  guint n_commas = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        g_string_append_c (clean, (char)c);
      else if (c == '.' || c == ',')
        {
          g_string_append_c (clean, (char)c);
          if (c == '.')
            n_dots++;
          else
            n_commas++;
        }
      else if (c == '-' && clean->len == 0)
        negative = TRUE;
      else if (g_unichar_isspace (c) || c == '\'' || c == 0x00a0 || c == 0x202f ||
               g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL ||
               (c < 0x80 && g_ascii_isalpha ((char)c)))
        continue;
      else
        return TP_CSV_AMOUNT_INVALID;
    }

  if (clean->len == 0 || !g_ascii_isdigit (clean->str[0]))
    return TP_CSV_AMOUNT_INVALID;

  if (n_dots + n_commas > 0)
    {
      const char *last_dot = strrchr (clean->str, '.');
      const char *last_comma = strrchr (clean->str, ',');
      const char *mark = last_dot > last_comma ? last_dot : last_comma;
      gsize after = clean->len - (gsize)(mark - clean->str) - 1;

      if (n_dots > 0 && n_commas > 0)
        decimal = (int)(mark - clean->str);
      else if ((n_dots > 1 || n_commas > 1) || (after == 3 && exponent != 3))
        decimal = -1;
      else
        decimal = (int)(mark - clean->str);
    }

  for (gsize i = 0; i < clean->len; i++)
    {
      char c = clean->str[i];

      if ((int)i == decimal)
        continue;

      if (c == '.' || c == ',')
        {
          if (decimal >= 0 && (int)i > decimal)
            return TP_CSV_AMOUNT_INVALID;
          continue;
        }

      if (decimal >= 0 && (int)i > decimal)
        {
          if (++fraction_digits > exponent)
            return TP_CSV_AMOUNT_TOO_PRECISE;
          fraction = fraction * 10 + (c - '0');
        }
      else
        {
          if (major > (G_MAXINT64 - 9) / 10)
            return TP_CSV_AMOUNT_TOO_LARGE;
          major = major * 10 + (c - '0');
        }
    }

  for (; fraction_digits < exponent; fraction_digits++)
    fraction *= 10;

  for (int i = 0; i < exponent; i++)
    {
      if (major > G_MAXINT64 / 10)
        return TP_CSV_AMOUNT_TOO_LARGE;
      major *= 10;
    }

  if (major > G_MAXINT64 - fraction)
    return TP_CSV_AMOUNT_TOO_LARGE;

  if (negative && major + fraction > 0)
    return TP_CSV_AMOUNT_NEGATIVE;

  *minor = major + fraction;
  return TP_CSV_AMOUNT_OK;
}

