/* tp-csv-parser.c
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

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tp-csv-private.h"

/*
 * Records out of text, with libcsv (RFC 4180: quoted fields with commas,
 * doubled quotes and line breaks), fed in chunks so that memory stays
 * bounded whatever the size of the file: the bounds of a record
 * (tp-csv.h), the line where each record starts (counting the line
 * breaks inside quotes), the quote mark the export puts before a formula
 * taken off again, and the separator found on the header line.
 */

/* Formulas. A spreadsheet runs a cell that starts with "=", "+", "-" or
 * "@" (or a tab or a carriage return, which some strip before looking)
 * as a formula. The export writes such a cell with a quote mark before
 * it, as spreadsheets do themselves and as OWASP advises against "CSV
 * injection"; and so that the quote mark can come off again on import
 * without ambiguity, a cell that already starts with quote marks before
 * such a character gets one more. Reading removes one quote mark from a
 * cell that starts with quote marks and then such a character: what
 * Touchpoint writes comes back unchanged.
 *
 * A plain number ("-12", "3.5") is written as it is: a spreadsheet reads
 * it as that number, never as a formula. Every number column Touchpoint
 * writes (ids, counts, amounts in minor units) is one. */
static gboolean
starts_like_formula (const char *text)
{
  while (*text == '\'')
    text++;

  return *text == '=' || *text == '+' || *text == '-' || *text == '@' ||
         *text == '\t' || *text == '\r';
}

static gboolean
is_plain_number (const char *text)
{
  const char *p = text;

  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  return *p == '\0';
}

gboolean
_tp_csv_needs_formula_guard (const char *text)
{
  return starts_like_formula (text) && !is_plain_number (text);
}

static void *
limited_realloc (void   *data,
                 size_t  size)
{
  /* A field may not grow past TP_CSV_MAX_FIELD_BYTES: a quote that is
   * never closed must not make the whole file one field in memory. */
  if (size > TP_CSV_MAX_FIELD_BYTES + 4096)
    return NULL;

  return realloc (data, size);
}

static guint
count_breaks (const char *text,
              gsize       len,
              gboolean   *after_cr)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '\n')
        {
          if (!*after_cr)
            n++;
          *after_cr = FALSE;
        }
      else if (text[i] == '\r')
        {
          n++;
          *after_cr = TRUE;
        }
      else
        {
          *after_cr = FALSE;
        }
    }

  return n;
}

static char *
field_name (TpCsvParser *parser,
            guint        index)
{
  if (parser->headers != NULL && index < parser->headers->len)
    return _tp_schema_excerpt (g_ptr_array_index (parser->headers, index));

  return g_strdup_printf ("%u", index + 1);
}

static void
fail_record (TpCsvParser *parser,
             guint        index,
             int          code,
             const char  *message)
{
  g_autofree char *name = field_name (parser, index);

  g_set_error (&parser->error, TP_CSV_ERROR, code,
               /* Translators: "people.csv: line 17: field “email”: …"; the first %s is a
                * file name, %u a line number, then the name of a column (or its number)
                * and what is wrong with its value */
               _("%s: line %u: field “%s”: %s"),
               parser->name, parser->line, name, message);
  parser->stop = TRUE;
}

static void
field_cb (void   *data,
          size_t  len,
          void   *user_data)
{
  TpCsvParser *parser = user_data;
  const char *text = data != NULL ? data : "";
  gboolean after_cr = FALSE;

  if (parser->stop || parser->error != NULL)
    return;

  /* Bounded records: a file of one endless row must not take endless
   * memory, field by field */
  if (parser->fields->len >= TP_CSV_MAX_FIELDS)
    {
      g_autofree char *message = g_strdup_printf (/* Translators: %d is a number of fields */
                                                  _("a row may have at most %d fields"),
                                                  TP_CSV_MAX_FIELDS);

      fail_record (parser, parser->fields->len, TP_CSV_ERROR_TOO_LARGE, message);
      return;
    }

  parser->record_bytes += len;
  if (parser->record_bytes > TP_CSV_MAX_RECORD_BYTES)
    {
      g_autofree char *message = g_strdup_printf (/* Translators: %d is a size */
                                                  _("the row is longer than %d MB"),
                                                  TP_CSV_MAX_RECORD_BYTES / (1024 * 1024));

      fail_record (parser, parser->fields->len, TP_CSV_ERROR_TOO_LARGE, message);
      return;
    }

  parser->extra_lines += count_breaks (text, len, &after_cr);

  /* The quote mark the export put before a formula */
  if (text[0] == '\'' && starts_like_formula (text))
    {
      text++;
      len--;
    }

  g_ptr_array_add (parser->fields, g_strndup (text, len));
}

static void
row_cb (int   terminator,
        void *user_data)
{
  TpCsvParser *parser = user_data;
  gboolean line_break = terminator == '\n' || terminator == '\r';

  if (parser->fields->len == 0 ||
      (parser->fields->len == 1 && ((char *)g_ptr_array_index (parser->fields, 0))[0] == '\0'))
    {
      /* A blank line; the LF of a CR LF comes here too */
      if (line_break && !(terminator == '\n' && parser->after_cr))
        parser->line += 1 + parser->extra_lines;
      parser->extra_lines = 0;
      parser->after_cr = terminator == '\r';
      parser->record_bytes = 0;
      g_ptr_array_set_size (parser->fields, 0);
      return;
    }

  if (!parser->stop && parser->error == NULL &&
      !parser->func (parser->fields, parser->line, parser->func_data, &parser->error))
    parser->stop = TRUE;

  parser->line += parser->extra_lines + (line_break ? 1 : 0);
  parser->extra_lines = 0;
  parser->after_cr = terminator == '\r';
  parser->record_bytes = 0;
  g_ptr_array_set_size (parser->fields, 0);
}

void
_tp_csv_parser_init (TpCsvParser     *parser,
                     const char      *name,
                     GPtrArray       *headers,
                     char             separator,
                     TpCsvRecordFunc  func,
                     gpointer         func_data)
{
  memset (parser, 0, sizeof *parser);
  csv_init (&parser->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL | CSV_APPEND_NULL);
  csv_set_delim (&parser->csv, (unsigned char)separator);
  csv_set_realloc_func (&parser->csv, limited_realloc);
  csv_set_free_func (&parser->csv, free);
  csv_set_blk_size (&parser->csv, 4096);
  parser->name = name;
  parser->headers = headers;
  parser->func = func;
  parser->func_data = func_data;
  parser->fields = g_ptr_array_new_with_free_func (g_free);
  parser->line = 1;
  parser->raw_line = 1;
}

void
_tp_csv_parser_clear (TpCsvParser *parser)
{
  csv_free (&parser->csv);
  g_clear_pointer (&parser->fields, g_ptr_array_unref);
  g_clear_error (&parser->error);
}

gboolean
_tp_csv_fail_line (GError     **error,
                   int          code,
                   const char  *name,
                   guint        line,
                   const char  *message)
{
  g_set_error (error, TP_CSV_ERROR, code,
               /* Translators: "people.csv: line 17: …"; the first %s is a file name,
                * %u a line number, the last %s says what is wrong there */
               _("%s: line %u: %s"),
               name, line, message);
  return FALSE;
}

static gboolean
parser_take_error (TpCsvParser  *parser,
                   GError      **error)
{
  if (parser->error == NULL)
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&parser->error));
  return FALSE;
}

gboolean
_tp_csv_parser_feed (TpCsvParser  *parser,
                     const char   *data,
                     gsize         len,
                     GError      **error)
{
  size_t n = csv_parse (&parser->csv, data, len, field_cb, row_cb, parser);
  gboolean after_cr = parser->raw_after_cr;
  g_autofree char *message = NULL;

  if (!parser_take_error (parser, error))
    return FALSE;

  if (n < len)
    {
      guint line = parser->raw_line + count_breaks (data, n, &after_cr);

      if (csv_error (&parser->csv) == CSV_EPARSE)
        return _tp_csv_fail_line (error, TP_CSV_ERROR_SYNTAX, parser->name, line,
                                  _("a quote mark in the wrong place: a field with quote "
                                    "marks must be in quotes itself, with each quote mark "
                                    "inside doubled"));

      message = g_strdup_printf (/* Translators: %d is a size */
                                 _("longer than %d MB, or a quote mark that opens it is never "
                                   "closed"),
                                 TP_CSV_MAX_FIELD_BYTES / (1024 * 1024));
      fail_record (parser, parser->fields->len, TP_CSV_ERROR_SYNTAX, message);
      return parser_take_error (parser, error);
    }

  parser->raw_line += count_breaks (data, len, &parser->raw_after_cr);

  return TRUE;
}

gboolean
_tp_csv_parser_finish (TpCsvParser  *parser,
                       GError      **error)
{
  if (parser->stop)
    return parser_take_error (parser, error);

  if (csv_fini (&parser->csv, field_cb, row_cb, parser) != 0)
    {
      if (!parser_take_error (parser, error))
        return FALSE;
      return _tp_csv_fail_line (error, TP_CSV_ERROR_SYNTAX, parser->name, parser->line,
                                _("a quoted field is never closed"));
    }

  return parser_take_error (parser, error);
}

/* Feeds @parser the rest of @source, chunk by chunk, up to the end of
 * the file or until the record function stops, telling @progress how
 * far it has come. Returns TRUE at the end or at such a stop. */
gboolean
_tp_csv_parser_read (TpCsvParser        *parser,
                     TpCsvSource        *source,
                     TpCsvProgressFunc   progress,
                     gpointer            progress_data,
                     GCancellable       *cancellable,
                     GError            **error)
{
  int last_permille = -1;

  for (;;)
    {
      gssize n = _tp_csv_source_read (source, parser->name, cancellable, error);

      if (n < 0)
        return FALSE;

      if (n == 0)
        return _tp_csv_parser_finish (parser, error);

      if (!_tp_csv_parser_feed (parser, source->text->str, source->text->len, error))
        return FALSE;

      if (parser->stop)
        return TRUE;

      if (progress != NULL && source->size > 0)
        {
          int permille = (int)(1000 * source->consumed / source->size);

          if (permille != last_permille)
            {
              last_permille = permille;
              progress ((double)source->consumed / (double)source->size, progress_data);
            }
        }
    }
}

/* The separator that occurs most often on the first line, outside
 * quotes; a comma if none does. */
char
_tp_csv_detect_separator (const char *text,
                          gsize       len)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        {
          for (guint j = 0; j < G_N_ELEMENTS (candidates); j++)
            {
              if (c == candidates[j])
                counts[j]++;
            }
        }
    }

  for (guint j = 1; j < G_N_ELEMENTS (candidates); j++)
    {
      if (counts[j] > counts[best])
        best = j;
    }

  return candidates[best];
}

