/* tp-worksheet-audience-sheet.c
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

#define G_LOG_DOMAIN "tp-worksheet-audience-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-worksheet-layout-private.h"

/*
 * What an audience worksheet says: who the people are, what they need and
 * what to say to them, where they spend time, and the tactics that reach
 * them. One audience a part; a blank sheet leaves more room to write.
 */

static void
add_audience_places (TpWorksheetLayout   *self,
                     TpWorksheetAudience *audience)
{
  const char * const titles[] = {
    _("Kind of place"),
    _("Name"),
    _("Link"),
    _("Notes"),
  };
  const double fractions[] = { 0.2, 0.26, 0.27, 0.27 };
  Table table;
  Row *row;

  _tp_worksheet_table_begin (self, &table, titles, fractions, G_N_ELEMENTS (titles), 10);

  if (audience != NULL && audience->places->len > 0)
    {
      for (guint i = 0; i < audience->places->len; i++)
        {
          TpWorksheetPlace *place = g_ptr_array_index (audience->places, i);

          row = _tp_worksheet_table_row (self, &table);
          _tp_worksheet_table_text (self, &table, row, 0, tp_place_kind_get_label (place->kind),
                                    &style_cell);
          _tp_worksheet_table_text (self, &table, row, 1, place->name, &style_cell_strong);
          _tp_worksheet_table_text (self, &table, row, 2, place->link, &style_cell);
          _tp_worksheet_table_text (self, &table, row, 3, place->notes, &style_cell);
        }
      return;
    }

  for (guint i = 0; i < 4; i++)
    _tp_worksheet_table_blank_row (self, &table, 1);
}

static void
add_audience_tactics (TpWorksheetLayout   *self,
                      TpWorksheetAudience *audience)
{
  const char * const titles[] = {
    _("Tactic"),
    _("Channel"),
    _("How often"),
  };
  const double fractions[] = { 0.46, 0.24, 0.30 };
  guint n_rows = 0;
  Table table;
  Row *row;

  _tp_worksheet_table_begin (self, &table, titles, fractions, G_N_ELEMENTS (titles), 10);

  for (guint i = 0; audience != NULL && i < audience->tactics->len; i++)
    {
      TpWorksheetTactic *tactic = g_ptr_array_index (audience->tactics, i);
      g_autofree char *cadence = NULL;

      if (!tactic->active)
        continue;

      cadence = _tp_worksheet_format_cadence (tactic->cadence_count, tactic->cadence_period);
      row = _tp_worksheet_table_row (self, &table);
      _tp_worksheet_table_text (self, &table, row, 0, tactic->name, &style_cell_strong);
      _tp_worksheet_table_text (self, &table, row, 1, tp_channel_get_label (tactic->channel),
                                &style_cell);
      _tp_worksheet_table_text (self, &table, row, 2, cadence, &style_cell);
      n_rows++;
    }

  for (guint i = n_rows; i < (n_rows == 0 ? 3 : 0); i++)
    _tp_worksheet_table_blank_row (self, &table, 1);
}

void
_tp_worksheet_build_audience (TpWorksheetLayout   *self,
                              TpWorksheetAudience *audience)
{
  /* A blank sheet runs over two pages anyway: more room to write. */
  guint extra = audience == NULL ? 1 : 0;
  Row *row;

  self->section = 0;

  _tp_worksheet_add_header (self,
                            _("Not everyone is your audience. Describe one group of people as if "
                              "it were a single person you know well."));

  if (audience != NULL)
    {
      g_autofree char *date = _tp_worksheet_format_date (self->data->month);
      g_autofree char *meta = NULL;

      if (audience->is_primary)
        /* Translators: %s is a date as in "28 November 2026" */
        meta = g_strdup_printf (_("Your primary audience · Filled in from Touchpoint on %s"), date);
      else
        /* Translators: %s is a date as in "28 November 2026" */
        meta = g_strdup_printf (_("Filled in from Touchpoint on %s"), date);

      row = _tp_worksheet_add_paragraph (self, 0, audience->name, &style_name, 10);
      row->keep_with_next = TRUE;
      row = _tp_worksheet_add_paragraph (self, 0, meta, &style_meta, 4);
      row->keep_with_next = TRUE;
    }
  else
    {
      row = _tp_worksheet_add_row (self, 4);
      _tp_worksheet_add_fill_in (self, row, 0, self->width, _("Audience"), &style_meta);
      row->keep_with_next = TRUE;
    }
  _tp_worksheet_add_header_end (self, NULL, FALSE);

  _tp_worksheet_add_section (self, _("Who they are"),
                             _("Their situation, age and work, and the moment that makes them need "
                               "what you sell."));
  _tp_worksheet_add_answer (self, audience != NULL ? audience->who : NULL,
                            &style_body, 3 + extra, 8);

  _tp_worksheet_add_section (self, _("What they look like"),
                             _("What would you notice about them in a shop, online or at an "
                               "event?"));
  _tp_worksheet_add_answer (self, audience != NULL ? audience->looks_like : NULL,
                            &style_body, 2 + extra, 8);

  _tp_worksheet_add_section (self, _("What they need"),
                             _("The problem they want solved, in their own words, and what holds "
                               "them back from buying."));
  _tp_worksheet_add_answer (self, audience != NULL ? audience->needs : NULL,
                            &style_body, 3 + extra, 8);

  _tp_worksheet_add_section (self, _("What to say to them"),
                             _("One message that answers that need, in words they would use "
                               "themselves."));
  _tp_worksheet_add_answer (self, audience != NULL ? audience->message : NULL,
                            &style_body, 2 + extra, 8);

  _tp_worksheet_add_section (self, _("Where they spend time"),
                             _("Forums, online groups, social networks, events, and businesses "
                               "that already serve the same people."));
  add_audience_places (self, audience);

  _tp_worksheet_add_section (self, _("Tactics that reach them"),
                             _("The few things you repeat to reach these people, and how often you "
                               "do them."));
  add_audience_tactics (self, audience);
}
