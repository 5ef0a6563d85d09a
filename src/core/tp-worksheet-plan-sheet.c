/* tp-worksheet-plan-sheet.c
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

#define G_LOG_DOMAIN "tp-worksheet-plan-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-worksheet-layout-private.h"

/*
 * What the one-page plan says: the primary audience, how the business
 * comes across, the tactics it repeats with their consistency squares and
 * streaks, the month's figures, and what worked.
 */

static char *
format_streak (guint           streak,
               TpCadencePeriod period)
{
  switch (period)
    {
    case TP_CADENCE_PERIOD_DAY:
      /* Translators: how many periods in a row a tactic kept its cadence */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", streak),
                              streak);

    case TP_CADENCE_PERIOD_WEEK:
      /* Translators: how many periods in a row a tactic kept its cadence */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week", "%u weeks", streak),
                              streak);

    case TP_CADENCE_PERIOD_MONTH:
    default:
      /* Translators: how many periods in a row a tactic kept its cadence */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", streak),
                              streak);
    }
}

static void
add_legend (TpWorksheetLayout *self)
{
  static const TpWorksheetCell kinds[] = {
    TP_WORKSHEET_CELL_DONE,
    TP_WORKSHEET_CELL_PARTLY,
    TP_WORKSHEET_CELL_MISSED,
  };
  const char *labels[] = {
    _("Cadence kept"),
    _("Partly kept"),
    _("Missed"),
  };
  Row *row = _tp_worksheet_add_row (self, 6);
  double x = INDENT;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      Cell *text;
      double line;

      _tp_worksheet_add_squares_cell (row, x, SQUARE_SIZE + 4, 0, 0, &kinds[i], 1);
      text = _tp_worksheet_add_text_cell (self, row, x + SQUARE_SIZE + 5,
                                          MAX (self->width - x - SQUARE_SIZE - 5, 10), 0,
                                          labels[i], &style_legend);
      line = _tp_worksheet_cell_first_line_height (text);
      if (line > SQUARE_SIZE)
        {
          Cell *square = g_ptr_array_index (row->cells, row->cells->len - 2);

          _tp_worksheet_cell_set_top (square, (line - SQUARE_SIZE) / 2);
        }
      x += SQUARE_SIZE + 5 + text->text->width + 16;
    }
}

static void
add_plan_tactics (TpWorksheetLayout *self)
{
  g_autofree char *periods = NULL;
  const char *titles[5];
  const double fractions[] = { 0.29, 0.16, 0.18, 0.23, 0.14 };
  TpWorksheetData *data = self->data;
  guint n_active = tp_worksheet_data_count_active_tactics (data);
  guint n_rows = 0;
  Table table;
  Row *row;

  periods = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: the column of consistency squares */
                                          "Last %u period", "Last %u periods",
                                          TP_WORKSHEET_N_PERIODS),
                             TP_WORKSHEET_N_PERIODS);
  titles[0] = _("Tactic");
  titles[1] = _("Channel");
  titles[2] = _("How often");
  titles[3] = periods;
  titles[4] = _("Streak");

  _tp_worksheet_table_begin (self, &table, titles, fractions, G_N_ELEMENTS (titles), 10);

  for (guint i = 0; !self->blank && i < data->tactics->len; i++)
    {
      TpWorksheetTactic *tactic = g_ptr_array_index (data->tactics, i);
      g_autofree char *cadence = NULL;
      g_autofree char *streak = NULL;
      Cell *name;

      if (!tactic->active)
        continue;

      cadence = _tp_worksheet_format_cadence (tactic->cadence_count, tactic->cadence_period);
      streak = format_streak (tactic->streak, tactic->cadence_period);
      row = _tp_worksheet_table_row (self, &table);
      _tp_worksheet_table_text (self, &table, row, 0, tactic->name, &style_cell_strong);
      _tp_worksheet_table_text (self, &table, row, 1, tp_channel_get_label (tactic->channel),
                                &style_cell);
      _tp_worksheet_table_text (self, &table, row, 2, cadence, &style_cell);
      name = g_ptr_array_index (row->cells, 0);
      _tp_worksheet_add_squares_cell (row, table.x[3], table.w[3], CELL_PAD_X,
                                      MAX (0, (_tp_worksheet_cell_first_line_height (name)
                                               - SQUARE_SIZE) / 2),
                                      tactic->cells, TP_WORKSHEET_N_PERIODS);
      _tp_worksheet_table_text (self, &table, row, 4, streak, &style_cell);
      n_rows++;
    }

  for (guint i = n_rows; i < (n_rows == 0 ? 4 : 0); i++)
    {
      Cell *squares;

      /* Tick boxes instead of a line in the consistency column. */
      row = _tp_worksheet_table_blank_row (self, &table, 1);
      squares = g_ptr_array_index (row->cells, 3);
      squares->kind = CONTENT_SQUARES;
      squares->n = TP_WORKSHEET_N_PERIODS;
      g_array_set_size (squares->bottoms, 0);
      _tp_worksheet_cell_set_top (squares, LINE_PITCH - SQUARE_SIZE - 4);
      _tp_worksheet_cell_add_bottom (squares, squares->top + SQUARE_SIZE + 1);
    }

  if (!self->blank && n_active > 4)
    {
      g_autofree char *warning = NULL;

      warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: shown when more than four tactics are active */
                                              "%u tactic is active. More than four spreads you "
                                              "thin: pick the three or four that work best.",
                                              "%u tactics are active. More than four spreads you "
                                              "thin: pick the three or four that work best.",
                                              n_active),
                                 n_active);
      row = _tp_worksheet_add_row (self, 8);
      row->pad_top = row->pad_bottom = 3;
      _tp_worksheet_add_bar_cell (row, INDENT);
      _tp_worksheet_add_text_cell (self, row, INDENT + 10, self->width - INDENT - 10, 0, warning,
                                   &style_warning);
    }

  add_legend (self);
}

static void
add_plan_figures (TpWorksheetLayout *self)
{
  TpWorksheetData *data = self->data;
  g_autofree char *month = _tp_worksheet_format_month (data->month);
  g_autofree char *band = NULL;
  g_autofree char *touches = NULL;
  g_autofree char *first_purchases = NULL;
  g_autofree char *touches_label = NULL;
  g_autofree char *purchases_label = NULL;
  double gap = 12;
  double card = (self->width - INDENT - 2 * gap) / 3;
  Row *row;

  /* Translators: the touch band, as in "5–12" */
  band = g_strdup_printf (_("%u–%u"), data->band_low, data->band_high);
  if (!self->blank)
    {
      touches = g_strdup_printf ("%u", data->month_touches);
      first_purchases = g_strdup_printf ("%u", data->month_first_purchases);
      /* Translators: %s is a month as in "November 2026" */
      touches_label = g_strdup_printf (_("touches logged in %s"), month);
      /* Translators: %s is a month as in "November 2026" */
      purchases_label = g_strdup_printf (_("first purchases in %s"), month);
    }
  else
    {
      touches_label = g_strdup (_("touches logged this month"));
      purchases_label = g_strdup (_("first purchases this month"));
    }

  row = _tp_worksheet_add_row (self, 10);
  _tp_worksheet_add_stat_cell (self, row, INDENT, card, band,
                               _("touches before most first purchases"));
  _tp_worksheet_add_stat_cell (self, row, INDENT + card + gap, card, touches, touches_label);
  _tp_worksheet_add_stat_cell (self, row, INDENT + 2 * (card + gap), card, first_purchases,
                               purchases_label);
}

void
_tp_worksheet_build_plan (TpWorksheetLayout *self)
{
  TpWorksheetData *data = self->data;
  TpWorksheetAudience *audience = NULL;
  g_autofree char *month = _tp_worksheet_format_month (data->month);
  Row *row;

  _tp_worksheet_add_header (self, NULL);

  if (!self->blank)
    {
      /* Translators: %s is a month as in "November 2026" */
      g_autofree char *meta = g_strdup_printf (_("The plan for %s"), month);

      if (!_tp_worksheet_is_empty (data->tagline))
        {
          row = _tp_worksheet_add_paragraph (self, 0, data->tagline, &style_tagline, 6);
          row->keep_with_next = TRUE;
        }
      row = _tp_worksheet_add_paragraph (self, 0, meta, &style_meta, 8);
      row->keep_with_next = TRUE;
    }
  _tp_worksheet_add_header_end (self, _("Month"), FALSE);

  if (!self->blank)
    {
      audience = tp_worksheet_data_get_primary_audience (data);
      if (audience == NULL && data->audiences->len > 0)
        audience = g_ptr_array_index (data->audiences, 0);
    }

  _tp_worksheet_add_section (self, _("Who it is for"),
                             _("One primary audience: the people you plan around first."));
  if (audience != NULL)
    {
      row = _tp_worksheet_add_paragraph (self, INDENT, audience->name, &style_label, 8);
      row->keep_with_next = TRUE;
      _tp_worksheet_add_answer (self, audience->who, &style_body, 2, 2);

      if (!_tp_worksheet_is_empty (audience->message))
        {
          _tp_worksheet_add_label (self, _("What to say to them"), 8);
          _tp_worksheet_add_answer (self, audience->message, &style_body, 2, 2);
        }

      if (audience->places->len > 0)
        {
          g_autoptr(GString) names = g_string_new (NULL);
          g_autofree char *where = NULL;

          for (guint i = 0; i < audience->places->len; i++)
            {
              TpWorksheetPlace *place = g_ptr_array_index (audience->places, i);

              if (i > 0)
                g_string_append (names, ", ");
              g_string_append (names, place->name);
            }

          /* Translators: %s is a list of places, as in "Bridal fairs, Wedding forum" */
          where = g_strdup_printf (_("Where to find them: %s"), names->str);
          _tp_worksheet_add_paragraph (self, INDENT, where, &style_hint, 6);
        }
    }
  else
    {
      const char *labels[] = {
        _("Audience"),
        _("Who they are"),
        _("What to say to them"),
      };

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        {
          row = _tp_worksheet_add_row (self, 2);
          _tp_worksheet_add_fill_in (self, row, INDENT, self->width - INDENT, labels[i],
                                     &style_label);
          row->keep_with_next = i + 1 < G_N_ELEMENTS (labels);
        }
    }

  _tp_worksheet_add_section (self, _("How you come across"),
                             _("The personality words and the positioning that every touch should "
                               "carry."));
  _tp_worksheet_add_brand_words (self, FALSE);
  _tp_worksheet_add_label (self, _("Positioning"), 10);
  _tp_worksheet_add_answer (self, data->positioning, &style_body, 2, 2);

  _tp_worksheet_add_section (self, _("What you repeat"),
                             _("Three or four tactics on a steady cadence: focus beats variety."));
  add_plan_tactics (self);

  _tp_worksheet_add_section (self, _("Touches this month"),
                             _("Most sales come after 5 to 12 touches. Not buying the first time "
                               "is normal: the answer is the next touch."));
  add_plan_figures (self);

  if (!self->blank)
    {
      _tp_worksheet_add_section (self, _("What worked"),
                                 _("What each tactic and place brought this month: keep what "
                                   "brings customers in, drop what does not."));
      if (data->findings->len == 0)
        _tp_worksheet_add_paragraph (self, INDENT,
                                     _("Nothing to tell yet: log touches with their tactic and "
                                       "place, and the orders that follow."), &style_body, 4);
      for (guint i = 0; i < data->findings->len; i++)
        _tp_worksheet_add_paragraph (self, INDENT, g_ptr_array_index (data->findings, i),
                                     &style_body, 3);
    }
}
