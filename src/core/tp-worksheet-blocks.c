/* tp-worksheet-blocks.c
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

#define G_LOG_DOMAIN "tp-worksheet-blocks"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "tp-worksheet-layout-private.h"

/*
 * The building blocks every worksheet is made of, on top of the page-flow
 * engine: the header, numbered sections, questions and their answers (or
 * lines to write them on), the brand words, and tables whose header row
 * repeats on every page they continue on.
 */

/* Building blocks of the worksheets */

Row *
_tp_worksheet_add_paragraph (TpWorksheetLayout *self,
                             double             x,
                             const char        *string,
                             const Style       *style,
                             double             space_before)
{
  Row *row = _tp_worksheet_add_row (self, space_before);

  _tp_worksheet_add_text_cell (self, row, x, self->width - x, 0, string, style);

  return row;
}

gboolean
_tp_worksheet_is_empty (const char *string)
{
  if (string == NULL)
    return TRUE;

  for (const char *p = string; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

const char *
_tp_worksheet_business_name (TpWorksheetLayout *self)
{
  return _tp_worksheet_is_empty (self->data->business_name) ? NULL : self->data->business_name;
}

char *
_tp_worksheet_format_date (GDateTime *time)
{
  /* Translators: a day as in "28 November 2026"; see g_date_time_format() */
  return g_date_time_format (time, _("%-d %B %Y"));
}

char *
_tp_worksheet_format_month (GDateTime *time)
{
  /* Translators: a month as in "November 2026"; see g_date_time_format() */
  return g_date_time_format (time, _("%B %Y"));
}

/* A label sitting on a writing line, for the blank headers. */
void
_tp_worksheet_add_fill_in (TpWorksheetLayout *self,
                           Row               *row,
                           double             x,
                           double             width,
                           const char        *label,
                           const Style       *style)
{
  Cell *cell = _tp_worksheet_add_text_cell (self, row, x, width * 0.6, 0, label, style);
  double label_width = cell->text->width + 8;

  _tp_worksheet_cell_set_top (cell, LINE_PITCH - cell->text->baseline[0] - 3);
  _tp_worksheet_add_lines_cell (row, x + label_width, width - label_width, 0, 1);
}

void
_tp_worksheet_add_header (TpWorksheetLayout *self,
                          const char        *intro)
{
  const char *title = tp_worksheet_kind_get_title (self->kind);
  g_autofree char *eyebrow = NULL;
  Row *row;

  eyebrow = g_utf8_strup (_tp_worksheet_business_name (self) != NULL
                          ? _tp_worksheet_business_name (self) : "Touchpoint", -1);
  row = _tp_worksheet_add_paragraph (self, 0, eyebrow, &style_eyebrow, 0);
  row->keep_with_next = TRUE;

  row = _tp_worksheet_add_paragraph (self, 0, title, &style_title, 2);
  row->keep_with_next = TRUE;

  if (intro != NULL)
    {
      row = _tp_worksheet_add_paragraph (self, 0, intro, &style_intro, 6);
      row->keep_with_next = TRUE;
    }
}

/* Ends the header: in a blank sheet, lines for the business and a date
 * (or @second_label); in a filled one, the date it was printed if
 * @show_date; then the accent rule. */
void
_tp_worksheet_add_header_end (TpWorksheetLayout *self,
                              const char        *second_label,
                              gboolean           show_date)
{
  Row *row;

  if (self->blank)
    {
      const char *label = second_label != NULL ? second_label : _("Date");

      /* The business's name is already on the sheet when it is known. */
      row = _tp_worksheet_add_row (self, 4);
      if (_tp_worksheet_business_name (self) == NULL)
        {
          _tp_worksheet_add_fill_in (self, row, 0, self->width * 0.58, _("Business"), &style_meta);
          _tp_worksheet_add_fill_in (self, row, self->width * 0.64, self->width * 0.36, label,
                                     &style_meta);
        }
      else
        {
          _tp_worksheet_add_fill_in (self, row, 0, self->width * 0.36, label, &style_meta);
        }
      row->keep_with_next = TRUE;
    }
  else if (show_date)
    {
      g_autofree char *date = _tp_worksheet_format_date (self->data->month);
      /* Translators: %s is a date as in "28 November 2026" */
      g_autofree char *meta = g_strdup_printf (_("Filled in from Touchpoint on %s"), date);

      row = _tp_worksheet_add_paragraph (self, 0, meta, &style_meta, 8);
      row->keep_with_next = TRUE;
    }

  row = _tp_worksheet_add_row (self, 10);
  _tp_worksheet_add_rule_cell (row, 0, self->width, 1.5, &accent);
}

void
_tp_worksheet_add_section (TpWorksheetLayout *self,
                           const char        *heading,
                           const char        *method)
{
  g_autofree char *number = g_strdup_printf ("%u", ++self->section);
  Row *row = _tp_worksheet_add_row (self, SECTION_SPACE);
  Cell *badge;
  Cell *text;
  double line;

  badge = _tp_worksheet_add_cell (row, CONTENT_BADGE, 0, BADGE_SIZE, 0);
  badge->text = _tp_worksheet_text_new (self, number, &style_badge, BADGE_SIZE);
  _tp_worksheet_cell_add_bottom (badge, BADGE_SIZE);

  text = _tp_worksheet_add_text_cell (self, row, INDENT, self->width - INDENT, 0, heading,
                                      &style_heading);
  line = _tp_worksheet_cell_first_line_height (text);
  if (line < BADGE_SIZE)
    _tp_worksheet_cell_set_top (text, (BADGE_SIZE - line) / 2);
  else
    _tp_worksheet_cell_set_top (badge, (line - BADGE_SIZE) / 2);
  row->keep_with_next = TRUE;

  row = _tp_worksheet_add_paragraph (self, INDENT, method, &style_method, 2);
  row->keep_with_next = TRUE;
}

Row *
_tp_worksheet_add_label (TpWorksheetLayout *self,
                         const char        *label,
                         double             space_before)
{
  Row *row = _tp_worksheet_add_paragraph (self, INDENT, label, &style_label, space_before);

  row->keep_with_next = TRUE;

  return row;
}

/* The answer to a question: the text, or lines to write it on when the
 * sheet is blank or nothing is written down yet. */
void
_tp_worksheet_add_answer (TpWorksheetLayout *self,
                          const char        *answer,
                          const Style       *style,
                          guint              n_lines,
                          double             space_before)
{
  Row *row;

  if (!self->blank && !_tp_worksheet_is_empty (answer))
    {
      _tp_worksheet_add_paragraph (self, INDENT, answer, style, space_before);
      return;
    }

  row = _tp_worksheet_add_row (self, space_before > 0 ? space_before - 6 : 0);
  _tp_worksheet_add_lines_cell (row, INDENT, self->width - INDENT, 0, n_lines);
  row->min_first = row->min_last = 1;
}

static void
add_word_boxes (TpWorksheetLayout *self,
                guint              n)
{
  Row *row = _tp_worksheet_add_row (self, 8);

  _tp_worksheet_add_boxes_cell (row, INDENT, self->width - INDENT, n);
}

void
_tp_worksheet_add_brand_words (TpWorksheetLayout *self,
                               gboolean           with_examples)
{
  Row *row;

  if (!self->blank && self->data->brand_words->len > 0)
    {
      row = _tp_worksheet_add_row (self, 8);
      _tp_worksheet_add_chips_cell (self, row, INDENT, self->width - INDENT,
                                    self->data->brand_words);
      row->min_first = row->min_last = 1;
      return;
    }

  add_word_boxes (self, 5);

  if (with_examples)
    _tp_worksheet_add_paragraph (self, INDENT,
                                 _("For example: playful, bold, buttoned-up, warm, expert, "
                                   "down-to-earth, premium, quirky, calm, generous"),
                                 &style_hint, 6);
}

void
_tp_worksheet_table_begin (TpWorksheetLayout  *self,
                           Table              *table,
                           const char * const *titles,
                           const double       *fractions,
                           guint               n,
                           double              space_before)
{
  double x = INDENT;
  double total = self->width - INDENT;

  g_assert (n <= G_N_ELEMENTS (table->x));

  table->n = n;
  for (guint i = 0; i < n; i++)
    {
      table->x[i] = x;
      table->w[i] = i + 1 < n ? floor (total * fractions[i]) : INDENT + total - x;
      x += table->w[i];
    }

  table->header = _tp_worksheet_add_row (self, space_before);
  table->header->grid = TRUE;
  table->header->header = TRUE;
  table->header->keep_with_next = TRUE;
  table->header->pad_top = table->header->pad_bottom = CELL_PAD_Y;
  for (guint i = 0; i < n; i++)
    _tp_worksheet_add_text_cell (self, table->header, table->x[i], table->w[i], CELL_PAD_X,
                                 titles[i], &style_head_cell);
}

Row *
_tp_worksheet_table_row (TpWorksheetLayout *self,
                         Table             *table)
{
  Row *row = _tp_worksheet_add_row (self, 0);

  row->grid = TRUE;
  row->table_header = table->header;
  row->pad_top = row->pad_bottom = CELL_PAD_Y;

  return row;
}

void
_tp_worksheet_table_text (TpWorksheetLayout *self,
                          Table             *table,
                          Row               *row,
                          guint              column,
                          const char        *text,
                          const Style       *style)
{
  g_assert (column < table->n);

  if (!_tp_worksheet_is_empty (text))
    _tp_worksheet_add_text_cell (self, row, table->x[column], table->w[column], CELL_PAD_X, text,
                                 style);
  else
    _tp_worksheet_add_cell (row, CONTENT_TEXT, table->x[column], table->w[column], CELL_PAD_X);
}

/* A row of empty cells, each with @n_lines writing lines. */
Row *
_tp_worksheet_table_blank_row (TpWorksheetLayout *self,
                               Table             *table,
                               guint              n_lines)
{
  Row *row = _tp_worksheet_table_row (self, table);

  /* The line pitch already leaves room to write above each line. */
  row->pad_top = 0;
  row->pad_bottom = 4;
  for (guint j = 0; j < table->n; j++)
    _tp_worksheet_add_lines_cell (row, table->x[j], table->w[j], CELL_PAD_X, n_lines);

  return row;
}

void
_tp_worksheet_table_lines (Table *table,
                           Row   *row,
                           guint  column,
                           guint  n_lines)
{
  g_assert (column < table->n);

  _tp_worksheet_add_lines_cell (row, table->x[column], table->w[column], CELL_PAD_X, n_lines);
}

char *
_tp_worksheet_format_cadence (guint           count,
                              TpCadencePeriod period)
{
  switch (period)
    {
    case TP_CADENCE_PERIOD_DAY:
      /* Translators: how often a tactic is done */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time a day", "%u times a day",
                                           count),
                              count);

    case TP_CADENCE_PERIOD_WEEK:
      /* Translators: how often a tactic is done */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time a week", "%u times a week",
                                           count),
                              count);

    case TP_CADENCE_PERIOD_MONTH:
    default:
      /* Translators: how often a tactic is done */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time a month",
                                           "%u times a month", count),
                              count);
    }
}
