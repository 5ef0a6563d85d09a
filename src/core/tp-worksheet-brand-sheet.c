/* tp-worksheet-brand-sheet.c
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

#define G_LOG_DOMAIN "tp-worksheet-brand-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-worksheet-layout-private.h"

/*
 * What the brand worksheet says: personality, the words friends use,
 * positioning, what sets the business apart, the tagline, and the grid of
 * competitors with the owner's own line first.
 */

void
_tp_worksheet_build_brand (TpWorksheetLayout *self)
{
  const char * const titles[] = {
    _("Competitor"),
    _("How they position themselves"),
    _("What they do well"),
    _("Where they fall short"),
  };
  const double fractions[] = { 0.19, 0.29, 0.26, 0.26 };
  TpWorksheetData *data = self->data;
  Table table;
  Row *row;

  _tp_worksheet_add_header (self,
                            _("A brand sets you apart: how you come across, the words other people "
                              "use about you, and where you stand against each competitor."));
  _tp_worksheet_add_header_end (self, NULL, TRUE);

  _tp_worksheet_add_section (self, _("Personality"),
                             _("Pick three to five words for how your business should feel to a "
                               "customer. Playful? Bold? Buttoned-up?"));
  _tp_worksheet_add_brand_words (self, self->blank || data->brand_words->len == 0);

  _tp_worksheet_add_section (self, _("The words friends use"),
                             _("Ask a few friends and customers to describe you in three words, "
                               "and write down exactly what they say, not what you hoped to "
                               "hear."));
  _tp_worksheet_add_answer (self, data->friends_words, &style_body, 3, 8);

  _tp_worksheet_add_section (self, _("Positioning"),
                             _("Complete the sentence: for [who], we are the [what] that "
                               "[benefit], unlike [competitor]."));
  _tp_worksheet_add_answer (self, data->positioning, &style_body, 4, 8);

  _tp_worksheet_add_section (self, _("What sets you apart"),
                             _("List what you do that competitors do not: something a customer "
                               "would notice and tell a friend about."));
  _tp_worksheet_add_answer (self, data->differentiators, &style_body, 4, 8);

  _tp_worksheet_add_section (self, _("Tagline"),
                             _("Your positioning in fewer than ten words that a customer could "
                               "repeat."));
  _tp_worksheet_add_answer (self, data->tagline, &style_tagline, 2, 8);

  _tp_worksheet_add_section (self, _("Competitors"),
                             _("Write how each competitor positions itself, what it does well and "
                               "where it falls short. Your place is the gap between them."));
  _tp_worksheet_table_begin (self, &table, titles, fractions, G_N_ELEMENTS (titles), 10);

  /* The owner's own line first, so the grid reads against it. */
  row = _tp_worksheet_table_row (self, &table);
  row->fill = TRUE;
  _tp_worksheet_table_text (self, &table, row, 0, C_("competitor grid", "You"), &style_cell_strong);
  if (!self->blank && !_tp_worksheet_is_empty (data->positioning))
    _tp_worksheet_table_text (self, &table, row, 1, data->positioning, &style_cell);
  else
    _tp_worksheet_table_lines (&table, row, 1, 3);
  if (!self->blank && !_tp_worksheet_is_empty (data->differentiators))
    _tp_worksheet_table_text (self, &table, row, 2, data->differentiators, &style_cell);
  else
    _tp_worksheet_table_lines (&table, row, 2, 3);
  _tp_worksheet_table_lines (&table, row, 3, 3);

  if (!self->blank && data->competitors->len > 0)
    {
      for (guint i = 0; i < data->competitors->len; i++)
        {
          TpWorksheetCompetitor *competitor = g_ptr_array_index (data->competitors, i);

          row = _tp_worksheet_table_row (self, &table);
          _tp_worksheet_table_text (self, &table, row, 0, competitor->name, &style_cell_strong);
          _tp_worksheet_table_text (self, &table, row, 1, competitor->positioning, &style_cell);
          _tp_worksheet_table_text (self, &table, row, 2, competitor->strengths, &style_cell);
          _tp_worksheet_table_text (self, &table, row, 3, competitor->weaknesses, &style_cell);
        }

      /* Room for the one that comes up at the table. */
      _tp_worksheet_table_blank_row (self, &table, 2);
    }
  else
    {
      for (guint i = 0; i < 4; i++)
        _tp_worksheet_table_blank_row (self, &table, 3);
    }
}
