/* test-worksheet.c
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

#define G_LOG_DOMAIN "test-worksheet"

#include "config.h"

#include <locale.h>

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tp-worksheet-layout.h"
#include "tp-worksheet.h"

/*
 * The worksheets are rendered to real PDF files and read back with
 * poppler's pdftotext, page by page, so that the tests see what a printer
 * would print.
 */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-worksheet-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_assert_cmpint (g_remove (child), ==, 0);
    }

  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* poppler */

static guint
pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        return (guint)g_ascii_strtoull (g_strchug (lines[i] + 6), NULL, 10);
    }

  g_assert_not_reached ();
  return 0;
}

static char *
pdf_page_size (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Page size:"))
        return g_strdup (g_strstrip (lines[i] + 10));
    }

  g_assert_not_reached ();
  return NULL;
}

/* The text of page @page (from 1), with runs of white space made one space. */
static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) space = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static GPtrArray *
pdf_pages (const char *path)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);
  guint n = pdf_n_pages (path);

  for (guint i = 1; i <= n; i++)
    g_ptr_array_add (pages, pdf_page_text (path, i));

  return pages;
}

static void
assert_on_page (GPtrArray  *pages,
                guint       page,
                const char *word)
{
  const char *text;

  g_assert_cmpuint (page, <, pages->len);
  text = g_ptr_array_index (pages, page);
  if (strstr (text, word) == NULL)
    g_error ("“%s” is not on page %u: %s", word, page + 1, text);
}

static void
assert_nowhere (GPtrArray  *pages,
                const char *word)
{
  for (guint i = 0; i < pages->len; i++)
    {
      if (strstr (g_ptr_array_index (pages, i), word) != NULL)
        g_error ("“%s” should not be printed, but is on page %u", word, i + 1);
    }
}

static guint
count_in (const char *text,
          const char *word)
{
  guint n = 0;

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    n++;

  return n;
}

/* Data */

static TpWorksheetData *
make_data (void)
{
  TpWorksheetData *data = tp_worksheet_data_new ();
  TpWorksheetAudience *brides, *anniversary;
  TpWorksheetTactic *tactic;

  g_free (data->business_name);
  data->business_name = g_strdup ("Goldleaf Rings");
  g_ptr_array_add (data->brand_words, g_strdup ("Warm"));
  g_ptr_array_add (data->brand_words, g_strdup ("Crafted"));
  g_ptr_array_add (data->brand_words, g_strdup ("Honest"));
  g_free (data->friends_words);
  data->friends_words = g_strdup ("Patient, never pushy");
  g_free (data->positioning);
  data->positioning = g_strdup ("For couples about to marry, the workshop that designs the ring with them");
  g_free (data->differentiators);
  data->differentiators = g_strdup ("Recycled gold only");
  g_free (data->tagline);
  data->tagline = g_strdup ("Made for the two of you");

  tp_worksheet_data_add_competitor (data, "Diamond Direct", "Lowest price", "Choice", "Pushy");
  tp_worksheet_data_add_competitor (data, "Atelier Nova", "Avant-garde", "Press", "Waiting list");

  brides = tp_worksheet_data_add_audience (data, 7, "Brides-to-be", "Engaged couples",
                                           "Pinterest boards", "A ring of their own",
                                           "Made with you", TRUE);
  tp_worksheet_audience_add_place (brides, TP_PLACE_KIND_EVENT, "Spring Bridal Fair",
                                   "https://fair.example", "Stand 14");
  anniversary = tp_worksheet_data_add_audience (data, 9, "Anniversary buyers", "Long married",
                                                NULL, NULL, NULL, FALSE);
  tp_worksheet_audience_add_place (anniversary, TP_PLACE_KIND_FORUM, "Silver Forum", NULL, NULL);

  tactic = tp_worksheet_data_add_tactic (data, brides, "Ring reels", TP_CHANNEL_SOCIAL_POST, 2,
                                         TP_CADENCE_PERIOD_WEEK, TRUE);
  tactic->cells[7] = TP_WORKSHEET_CELL_DONE;
  tactic->streak = 3;
  tp_worksheet_data_add_tactic (data, anniversary, "Anniversary letter", TP_CHANNEL_MAIL, 1,
                                TP_CADENCE_PERIOD_MONTH, TRUE);
  tp_worksheet_data_add_tactic (data, NULL, "Paused billboard", TP_CHANNEL_AD, 1,
                                TP_CADENCE_PERIOD_MONTH, FALSE);

  data->month_touches = 143;
  data->month_first_purchases = 6;

  return data;
}

static void
export (Fixture          *fixture,
        TpWorksheetData  *data,
        TpWorksheetKind   kind,
        gint64            audience_id,
        gboolean          blank,
        TpWorksheetPaper  paper,
        char            **path)
{
  g_autoptr(GError) error = NULL;

  *path = g_strdup_printf ("%s/%s-%s-%u.pdf", fixture->dir, tp_worksheet_kind_to_string (kind),
                           blank ? "blank" : "filled", paper);
  tp_worksheet_export_pdf (data, kind, audience_id, blank, paper, *path, &error);
  g_assert_no_error (error);
}

static void
assert_footers (GPtrArray  *pages,
                const char *name)
{
  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, pages->len);

      assert_on_page (pages, i, number);
      if (name != NULL)
        assert_on_page (pages, i, name);
    }
}

/* Tests */

static void
test_brand_filled (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(TpWorksheetData) data = make_data ();

  for (TpWorksheetPaper paper = TP_WORKSHEET_PAPER_A4; paper <= TP_WORKSHEET_PAPER_LETTER; paper++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) pages = NULL;
      g_autofree char *all = NULL;

      export (fixture, data, TP_WORKSHEET_KIND_BRAND, 0, FALSE, paper, &path);
      pages = pdf_pages (path);
      g_assert_cmpuint (pages->len, >=, 1);

      assert_on_page (pages, 0, "Brand Worksheet");
      assert_on_page (pages, 0, "Pick three to five words");
      assert_on_page (pages, 0, "Warm");
      assert_on_page (pages, 0, "Crafted");
      assert_on_page (pages, 0, "Patient, never pushy");
      assert_on_page (pages, 0, "Made for the two of you");
      assert_footers (pages, "Goldleaf Rings");

      g_ptr_array_add (pages, NULL);
      all = g_strjoinv (" ", (char **)pages->pdata);
      g_assert_nonnull (strstr (all, "Diamond Direct"));
      g_assert_nonnull (strstr (all, "Waiting list"));
      /* The owner's own line in the grid carries the positioning again. */
      g_assert_cmpuint (count_in (all, "Recycled gold only"), ==, 2);
    }
}

static void
test_brand_blank (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(TpWorksheetData) data = make_data ();

  for (TpWorksheetPaper paper = TP_WORKSHEET_PAPER_A4; paper <= TP_WORKSHEET_PAPER_LETTER; paper++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) pages = NULL;

      export (fixture, data, TP_WORKSHEET_KIND_BRAND, 0, TRUE, paper, &path);
      pages = pdf_pages (path);

      assert_on_page (pages, 0, "Brand Worksheet");
      assert_on_page (pages, 0, "Personality");
      assert_on_page (pages, 0, "For example: playful, bold");
      assert_on_page (pages, 0, "Date");
      assert_on_page (pages, pages->len - 1, "Where they fall short");
      assert_footers (pages, "Goldleaf Rings");

      /* Blank means blank: no answer from the data is printed. */
      assert_nowhere (pages, "Warm");
      assert_nowhere (pages, "Patient, never pushy");
      assert_nowhere (pages, "Diamond Direct");
      assert_nowhere (pages, "Recycled gold");
    }
}

static void
test_brand_blank_nameless (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(TpWorksheetData) data = tp_worksheet_data_new ();
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) pages = NULL;

  /* Without a business name the sheet asks for one. */
  export (fixture, data, TP_WORKSHEET_KIND_BRAND, 0, TRUE, TP_WORKSHEET_PAPER_A4, &path);
  pages = pdf_pages (path);
  assert_on_page (pages, 0, "Business");
  assert_on_page (pages, 0, "Date");
  assert_footers (pages, "Brand Worksheet");
}

static void
test_audience_filled (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(TpWorksheetData) data = make_data ();

  for (TpWorksheetPaper paper = TP_WORKSHEET_PAPER_A4; paper <= TP_WORKSHEET_PAPER_LETTER; paper++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) pages = NULL;
      guint second = 0;

      export (fixture, data, TP_WORKSHEET_KIND_AUDIENCE, 0, FALSE, paper, &path);
      pages = pdf_pages (path);

      /* One audience per page: the second starts a page of its own. */
      g_assert_cmpuint (pages->len, ==, 2);
      assert_on_page (pages, 0, "Brides-to-be");
      assert_on_page (pages, 0, "Your primary audience");
      assert_on_page (pages, 0, "Engaged couples");
      assert_on_page (pages, 0, "Spring Bridal Fair");
      assert_on_page (pages, 0, "Ring reels");
      assert_on_page (pages, 0, "2 times a week");
      second = 1;
      assert_on_page (pages, second, "Audience Worksheet");
      assert_on_page (pages, second, "Anniversary buyers");
      assert_on_page (pages, second, "Silver Forum");
      assert_on_page (pages, second, "Anniversary letter");
      g_assert_null (strstr (g_ptr_array_index (pages, 0), "Anniversary buyers"));
      assert_nowhere (pages, "Paused billboard");
      assert_footers (pages, "Goldleaf Rings");
    }
}

static void
test_audience_one (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(TpWorksheetData) data = make_data ();
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) pages = NULL;

  export (fixture, data, TP_WORKSHEET_KIND_AUDIENCE, 9, FALSE, TP_WORKSHEET_PAPER_A4, &path);
  pages = pdf_pages (path);

  g_assert_cmpuint (pages->len, ==, 1);
  assert_on_page (pages, 0, "Anniversary buyers");
  assert_nowhere (pages, "Brides-to-be");
}

static void
test_audience_blank (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(TpWorksheetData) data = make_data ();

  for (TpWorksheetPaper paper = TP_WORKSHEET_PAPER_A4; paper <= TP_WORKSHEET_PAPER_LETTER; paper++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) pages = NULL;

      export (fixture, data, TP_WORKSHEET_KIND_AUDIENCE, 0, TRUE, paper, &path);
      pages = pdf_pages (path);

      g_assert_cmpuint (pages->len, <=, 2);
      assert_on_page (pages, 0, "Audience Worksheet");
      assert_on_page (pages, 0, "Who they are");
      assert_on_page (pages, 0, "What they need");
      assert_on_page (pages, pages->len - 1, "Tactics that reach them");
      assert_footers (pages, NULL);
      assert_nowhere (pages, "Brides-to-be");
      assert_nowhere (pages, "Engaged couples");
    }
}

static void
test_plan_filled (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(TpWorksheetData) data = make_data ();

  for (TpWorksheetPaper paper = TP_WORKSHEET_PAPER_A4; paper <= TP_WORKSHEET_PAPER_LETTER; paper++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) pages = NULL;

      export (fixture, data, TP_WORKSHEET_KIND_PLAN, 0, FALSE, paper, &path);
      pages = pdf_pages (path);

      /* A one-pager. */
      g_assert_cmpuint (pages->len, ==, 1);
      assert_on_page (pages, 0, "Marketing Plan");
      assert_on_page (pages, 0, "Brides-to-be");
      assert_on_page (pages, 0, "Where to find them: Spring Bridal Fair");
      assert_on_page (pages, 0, "Warm");
      assert_on_page (pages, 0, "For couples about to marry");
      assert_on_page (pages, 0, "Ring reels");
      assert_on_page (pages, 0, "Anniversary letter");
      assert_on_page (pages, 0, "3 weeks");
      assert_on_page (pages, 0, "5–12");
      assert_on_page (pages, 0, "143");
      assert_on_page (pages, 0, "first purchases in");
      assert_on_page (pages, 0, "Page 1 of 1");
      assert_nowhere (pages, "Paused billboard");
      assert_nowhere (pages, "spreads you thin");
    }
}

static void
test_plan_too_many_tactics (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(TpWorksheetData) data = make_data ();
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) pages = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Extra tactic %u", i);

      tp_worksheet_data_add_tactic (data, NULL, name, TP_CHANNEL_EMAIL, 1,
                                    TP_CADENCE_PERIOD_WEEK, TRUE);
    }

  export (fixture, data, TP_WORKSHEET_KIND_PLAN, 0, FALSE, TP_WORKSHEET_PAPER_A4, &path);
  pages = pdf_pages (path);

  assert_on_page (pages, 0, "5 tactics are active");
  assert_on_page (pages, 0, "Extra tactic 2");
}

static void
test_plan_blank (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(TpWorksheetData) data = make_data ();

  for (TpWorksheetPaper paper = TP_WORKSHEET_PAPER_A4; paper <= TP_WORKSHEET_PAPER_LETTER; paper++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) pages = NULL;

      export (fixture, data, TP_WORKSHEET_KIND_PLAN, 0, TRUE, paper, &path);
      pages = pdf_pages (path);

      g_assert_cmpuint (pages->len, ==, 1);
      assert_on_page (pages, 0, "Who it is for");
      assert_on_page (pages, 0, "What you repeat");
      assert_on_page (pages, 0, "Touches this month");
      assert_on_page (pages, 0, "touches logged this month");
      assert_nowhere (pages, "Ring reels");
      assert_nowhere (pages, "143");
    }
}

static void
test_paper_size (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(TpWorksheetData) data = make_data ();
  g_autofree char *a4 = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *a4_size = NULL;
  g_autofree char *letter_size = NULL;

  export (fixture, data, TP_WORKSHEET_KIND_PLAN, 0, FALSE, TP_WORKSHEET_PAPER_A4, &a4);
  export (fixture, data, TP_WORKSHEET_KIND_PLAN, 0, FALSE, TP_WORKSHEET_PAPER_LETTER, &letter);
  a4_size = pdf_page_size (a4);
  letter_size = pdf_page_size (letter);

  g_assert_true (g_str_has_prefix (a4_size, "595.276 x 841.89"));
  g_assert_true (g_str_has_prefix (letter_size, "612 x 792"));
}

static void
test_table_header_repeats (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(TpWorksheetData) data = make_data ();
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  guint found = 0;
  guint first_page = G_MAXUINT;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Rival%02u", i);

      tp_worksheet_data_add_competitor (data, name, "Cheap and cheerful rings for everyone",
                                        "Lots of stock", "No design help");
    }

  export (fixture, data, TP_WORKSHEET_KIND_BRAND, 0, FALSE, TP_WORKSHEET_PAPER_A4, &path);
  pages = pdf_pages (path);
  g_assert_cmpuint (pages->len, >=, 3);

  for (guint page = 0; page < pages->len; page++)
    {
      const char *text = g_ptr_array_index (pages, page);
      guint here = 0;

      for (guint i = 0; i < 60; i++)
        {
          g_autofree char *name = g_strdup_printf ("Rival%02u", i);

          here += count_in (text, name);
        }

      if (here == 0)
        continue;

      first_page = MIN (first_page, page);
      found += here;
      /* Every page the grid continues on starts with its header row. */
      g_assert_cmpuint (count_in (text, "How they position themselves"), ==, 1);
      g_assert_cmpuint (count_in (text, "Where they fall short"), ==, 1);
    }

  g_assert_cmpuint (found, ==, 60);
  g_assert_cmpuint (first_page, <, pages->len - 2);
}

static char *
numbered_words (const char *prefix,
                guint       n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%04u ", prefix, i);

  return g_string_free (text, FALSE);
}

static void
assert_all_words (const char *all,
                  const char *prefix,
                  guint       n)
{
  const char *from = all;

  /* Every word, once, and in order. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *word = g_strdup_printf ("%s%04u", prefix, i);
      const char *at = strstr (from, word);

      if (at == NULL)
        g_error ("“%s” is missing from the printed text", word);
      g_assert_cmpuint (count_in (all, word), ==, 1);
      from = at;
    }
}

static void
test_long_text (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(TpWorksheetData) data = make_data ();
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *all = NULL;
  g_autofree char *strengths = NULL;
  guint first_page = G_MAXUINT, last_page = 0;

  g_free (data->friends_words);
  data->friends_words = numbered_words ("f", 1700);
  g_assert_cmpuint (strlen (data->friends_words), >=, 10000);
  strengths = numbered_words ("s", 1700);
  tp_worksheet_data_add_competitor (data, "Verbose Rival", NULL, strengths, NULL);
  /* The competitor cell holds 10,000 characters too. */
  g_assert_cmpuint (strlen (((TpWorksheetCompetitor *)g_ptr_array_index (data->competitors, 2))->strengths),
                    >=, 10000);

  export (fixture, data, TP_WORKSHEET_KIND_BRAND, 0, FALSE, TP_WORKSHEET_PAPER_LETTER, &path);
  pages = pdf_pages (path);

  for (guint page = 0; page < pages->len; page++)
    {
      if (strstr (g_ptr_array_index (pages, page), "f0") != NULL)
        {
          first_page = MIN (first_page, page);
          last_page = MAX (last_page, page);
        }
    }
  /* The field wraps onto further pages. */
  g_assert_cmpuint (last_page, >, first_page);

  g_ptr_array_add (pages, NULL);
  all = g_strjoinv (" ", (char **)pages->pdata);
  assert_all_words (all, "f", 1700);
  assert_all_words (all, "s", 1700);
}

/* Draws every page onto a recording surface and checks that nothing lands
 * outside the margins. */
static void
assert_inside_margins (TpWorksheetLayout *layout,
                       double             margin)
{
  double width, height;

  tp_worksheet_layout_get_page_size (layout, &width, &height);

  for (guint page = 0; page < tp_worksheet_layout_get_n_pages (layout); page++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double x, y, w, h;

      tp_worksheet_layout_draw_page (layout, cr, page);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
      cairo_surface_destroy (surface);

      g_assert_cmpfloat (w, >, 0);
      g_assert_cmpfloat (x, >=, margin - 1);
      g_assert_cmpfloat (y, >=, margin - 1);
      g_assert_cmpfloat (x + w, <=, width - margin + 1);
      g_assert_cmpfloat (y + h, <=, height - margin + 1);
    }
}

static void
test_margins (void)
{
  g_autoptr(TpWorksheetData) data = make_data ();

  for (TpWorksheetKind kind = TP_WORKSHEET_KIND_BRAND; kind <= TP_WORKSHEET_KIND_PLAN; kind++)
    {
      for (guint blank = 0; blank < 2; blank++)
        {
          g_autoptr(TpWorksheetLayout) layout = tp_worksheet_layout_new (data, kind, blank);
          guint n_pages;

          tp_worksheet_layout_set_page_size (layout, 612, 792);
          tp_worksheet_layout_set_margins (layout, 90, 90, 90, 90);
          tp_worksheet_layout_paginate (layout, NULL);
          n_pages = tp_worksheet_layout_get_n_pages (layout);
          g_assert_cmpuint (n_pages, >=, 1);
          assert_inside_margins (layout, 90);

          /* Wider margins leave less room, so never fewer pages. */
          tp_worksheet_layout_set_margins (layout, 20, 20, 20, 20);
          g_assert_cmpuint (tp_worksheet_layout_get_n_pages (layout), ==, 0);
          tp_worksheet_layout_paginate (layout, NULL);
          g_assert_cmpuint (tp_worksheet_layout_get_n_pages (layout), <=, n_pages);
          assert_inside_margins (layout, 20);
        }
    }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_layout_properties (void)
{
  g_autoptr(TpWorksheetData) data = make_data ();
  TpWorksheetLayout *layout = tp_worksheet_layout_new (data, TP_WORKSHEET_KIND_AUDIENCE, FALSE);
  guint notified = 0;

  g_assert_true (tp_worksheet_layout_get_data (layout) == data);
  g_assert_cmpint (tp_worksheet_layout_get_kind (layout), ==, TP_WORKSHEET_KIND_AUDIENCE);
  g_assert_false (tp_worksheet_layout_get_blank (layout));

  g_signal_connect (layout, "notify::audience", G_CALLBACK (count_notify_cb), &notified);
  tp_worksheet_layout_set_audience (layout, 9);
  tp_worksheet_layout_set_audience (layout, 9);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (tp_worksheet_layout_get_audience (layout), ==, 9);

  tp_worksheet_layout_paginate (layout, NULL);
  g_assert_cmpuint (tp_worksheet_layout_get_n_pages (layout), ==, 1);
  tp_worksheet_layout_set_audience (layout, 0);
  tp_worksheet_layout_paginate (layout, NULL);
  g_assert_cmpuint (tp_worksheet_layout_get_n_pages (layout), ==, 2);

  g_assert_finalize_object (layout);
}

static void
test_kinds_and_papers (void)
{
  TpWorksheetKind kind;
  TpWorksheetPaper paper;
  double width, height;

  for (kind = TP_WORKSHEET_KIND_BRAND; kind <= TP_WORKSHEET_KIND_PLAN; kind++)
    {
      TpWorksheetKind parsed;

      g_assert_true (tp_worksheet_kind_from_string (tp_worksheet_kind_to_string (kind), &parsed));
      g_assert_cmpint (parsed, ==, kind);
    }
  g_assert_false (tp_worksheet_kind_from_string ("brandy", &kind));
  g_assert_false (tp_worksheet_kind_from_string (NULL, &kind));

  g_assert_true (tp_worksheet_paper_from_string ("letter", &paper));
  g_assert_cmpint (paper, ==, TP_WORKSHEET_PAPER_LETTER);
  g_assert_true (tp_worksheet_paper_from_string ("A4", &paper));
  g_assert_cmpint (paper, ==, TP_WORKSHEET_PAPER_A4);
  g_assert_false (tp_worksheet_paper_from_string ("a5", &paper));

  tp_worksheet_paper_get_size (TP_WORKSHEET_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);
}

static void
test_write_error (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(TpWorksheetData) data = make_data ();
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "plan.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (tp_worksheet_export_pdf (data, TP_WORKSHEET_KIND_PLAN, 0, FALSE,
                                           TP_WORKSHEET_PAPER_A4, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Loading from the database */

static void
exec (TpDatabase *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  tp_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

static TpDatabase *
open_business (Fixture  *fixture,
               char    **path)
{
  g_autoptr(GError) error = NULL;
  TpDatabase *db;

  *path = fixture_path (fixture, "business.db");
  db = tp_database_open (*path, &error);
  g_assert_no_error (error);

  exec (db,
        "INSERT INTO brand (id, business_name, friends_words, positioning, differentiators,"
        " tagline, created_at, updated_at) VALUES (1, 'Good Boy Bakery', 'Cheerful',"
        " 'Treats for dogs with sensitive tummies', 'Gluten-free', 'Good dogs deserve it',"
        " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        "INSERT INTO brand_words (word, position, created_at, updated_at) VALUES"
        " ('Playful', 1, 'x', 'x'), ('Caring', 0, 'x', 'x');"
        "INSERT INTO competitors (name, positioning, strengths, weaknesses, position,"
        " created_at, updated_at) VALUES ('Pet Mart', 'Cheap', 'Everywhere', 'Fillers', 0, 'x', 'x');"
        "INSERT INTO audiences (id, name, who, looks_like, needs, message, is_primary, position,"
        " created_at, updated_at) VALUES"
        " (1, 'Agility club', 'Sporty owners', '', '', '', 0, 1, 'x', 'x'),"
        " (2, 'Allergy owners', 'Owners of itchy dogs', 'Read labels', 'Safe treats',"
        " 'No wheat, ever', 1, 0, 'x', 'x');"
        "INSERT INTO audience_places (audience_id, kind, name, link, notes, position, created_at,"
        " updated_at) VALUES (2, 'online-group', 'Itchy Dogs Group', 'https://g.example', '', 0,"
        " 'x', 'x'), (1, 'event', 'Summer trials', '', 'June', 0, 'x', 'x');"
        "INSERT INTO tactics (id, name, channel, audience_id, cadence_count, cadence_period,"
        " active, position, created_at, updated_at) VALUES"
        " (1, 'Tummy tips post', 'social-post', 2, 2, 'week', 1, 0, 'x', 'x'),"
        " (2, 'Trial day stall', 'event', 1, 1, 'month', 0, 1, 'x', 'x');"
        /* Now is Wednesday 18 November 2026: this week done, last week
         * partly, the week before done, the one before that missed. */
        "INSERT INTO tactic_log (tactic_id, done_at, created_at, updated_at) VALUES"
        " (1, '2026-11-16T09:00:00Z', 'x', 'x'), (1, '2026-11-17T09:00:00Z', 'x', 'x'),"
        " (1, '2026-11-10T09:00:00Z', 'x', 'x'),"
        " (1, '2026-11-03T09:00:00Z', 'x', 'x'), (1, '2026-11-04T09:00:00Z', 'x', 'x');"
        "INSERT INTO settings (key, value, created_at, updated_at) VALUES"
        " ('band_low', '4', 'x', 'x'), ('band_high', '10', 'x', 'x');"
        "INSERT INTO customers (id, name, created_at, updated_at) VALUES"
        " (1, 'Ann', 'x', 'x'), (2, 'Bob', 'x', 'x'), (3, 'Cy', 'x', 'x'), (4, 'Di', 'x', 'x');"
        "INSERT INTO touches (customer_id, happened_at, channel, done, created_at, updated_at)"
        " VALUES (1, '2026-11-02T10:00:00Z', 'email', 1, 'x', 'x'),"
        " (2, '2026-11-05T10:00:00Z', 'call', 1, 'x', 'x'),"
        " (2, '2026-11-30T23:59:59Z', 'call', 1, 'x', 'x'),"
        " (3, '2026-11-25T10:00:00Z', 'email', 0, 'x', 'x'),"
        " (3, '2026-10-31T23:59:59Z', 'email', 1, 'x', 'x'),"
        " (4, '2026-12-01T00:00:00Z', 'email', 1, 'x', 'x');"
        "INSERT INTO orders (customer_id, ordered_at, item, amount_minor, currency, status,"
        " created_at, updated_at) VALUES"
        " (1, '2026-10-05T10:00:00Z', 'Biscuits', 500, 'EUR', 'fulfilled', 'x', 'x'),"
        " (1, '2026-11-03T10:00:00Z', 'Biscuits', 500, 'EUR', 'open', 'x', 'x'),"
        " (2, '2026-11-10T10:00:00Z', 'Chews', 700, 'EUR', 'open', 'x', 'x'),"
        " (3, '2026-11-12T10:00:00Z', 'Chews', 700, 'EUR', 'cancelled', 'x', 'x'),"
        " (4, '2026-11-20T10:00:00Z', 'Box', 2500, 'EUR', 'open', 'x', 'x');");

  return db;
}

static void
assert_loaded (TpWorksheetData *data)
{
  TpWorksheetAudience *primary;
  TpWorksheetTactic *tactic;

  g_assert_cmpstr (data->business_name, ==, "Good Boy Bakery");
  g_assert_cmpstr (data->friends_words, ==, "Cheerful");
  g_assert_cmpstr (data->positioning, ==, "Treats for dogs with sensitive tummies");
  g_assert_cmpstr (data->differentiators, ==, "Gluten-free");
  g_assert_cmpstr (data->tagline, ==, "Good dogs deserve it");
  g_assert_cmpuint (data->brand_words->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (data->brand_words, 0), ==, "Caring");
  g_assert_cmpstr (g_ptr_array_index (data->brand_words, 1), ==, "Playful");

  g_assert_cmpuint (data->competitors->len, ==, 1);
  g_assert_cmpstr (((TpWorksheetCompetitor *)g_ptr_array_index (data->competitors, 0))->weaknesses,
                   ==, "Fillers");

  /* In their order, each with its own places and tactics. */
  g_assert_cmpuint (data->audiences->len, ==, 2);
  primary = tp_worksheet_data_get_primary_audience (data);
  g_assert_true (primary == g_ptr_array_index (data->audiences, 0));
  g_assert_cmpstr (primary->name, ==, "Allergy owners");
  g_assert_cmpstr (primary->message, ==, "No wheat, ever");
  g_assert_cmpuint (primary->places->len, ==, 1);
  g_assert_cmpint (((TpWorksheetPlace *)g_ptr_array_index (primary->places, 0))->kind, ==,
                   TP_PLACE_KIND_ONLINE_GROUP);
  g_assert_cmpuint (primary->tactics->len, ==, 1);
  g_assert_cmpuint (tp_worksheet_data_find_audience (data, 1)->places->len, ==, 1);

  g_assert_cmpuint (data->tactics->len, ==, 2);
  g_assert_cmpuint (tp_worksheet_data_count_active_tactics (data), ==, 1);
  tactic = g_ptr_array_index (data->tactics, 0);
  g_assert_true (g_ptr_array_index (primary->tactics, 0) == tactic);
  g_assert_cmpstr (tactic->name, ==, "Tummy tips post");
  g_assert_cmpint (tactic->channel, ==, TP_CHANNEL_SOCIAL_POST);
  g_assert_cmpuint (tactic->cadence_count, ==, 2);
  g_assert_cmpint (tactic->cadence_period, ==, TP_CADENCE_PERIOD_WEEK);
  g_assert_cmpint (tactic->cells[7], ==, TP_WORKSHEET_CELL_DONE);
  g_assert_cmpint (tactic->cells[6], ==, TP_WORKSHEET_CELL_PARTLY);
  g_assert_cmpint (tactic->cells[5], ==, TP_WORKSHEET_CELL_DONE);
  g_assert_cmpint (tactic->cells[4], ==, TP_WORKSHEET_CELL_MISSED);
  g_assert_cmpuint (tactic->streak, ==, 1);
  g_assert_false (((TpWorksheetTactic *)g_ptr_array_index (data->tactics, 1))->active);

  g_assert_cmpuint (data->band_low, ==, 4);
  g_assert_cmpuint (data->band_high, ==, 10);
  /* November's done touches; a planned one and October's do not count. */
  g_assert_cmpuint (data->month_touches, ==, 3);
  /* Bob and Di bought first in November; Ann bought first in October and
   * Cy's only order was cancelled. */
  g_assert_cmpuint (data->month_first_purchases, ==, 2);
}

static void
test_load (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(TpDatabase) db = open_business (fixture, &path);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-18T12:00:00Z", NULL);
  g_autoptr(TpWorksheetData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GPtrArray) pages = NULL;

  data = tp_worksheet_data_load (db, now, &error);
  g_assert_no_error (error);
  assert_loaded (data);

  /* And what was loaded is what the plan prints. */
  export (fixture, data, TP_WORKSHEET_KIND_PLAN, 0, FALSE, TP_WORKSHEET_PAPER_A4, &pdf);
  pages = pdf_pages (pdf);
  assert_on_page (pages, 0, "November 2026");
  assert_on_page (pages, 0, "Allergy owners");
  assert_on_page (pages, 0, "Tummy tips post");
  assert_on_page (pages, 0, "4–10");
  assert_nowhere (pages, "Trial day stall");
}

static void
test_load_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDatabase) db = tp_database_open (":memory:", &error);
  g_autoptr(TpWorksheetData) data = NULL;

  g_assert_no_error (error);
  data = tp_worksheet_data_load (db, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (data->business_name, ==, "");
  g_assert_cmpuint (data->audiences->len, ==, 0);
  g_assert_cmpuint (data->band_low, ==, 5);
  g_assert_cmpuint (data->band_high, ==, 12);
  g_assert_cmpuint (data->month_touches, ==, 0);
}

static void
load_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  TpWorksheetData **data = user_data;
  g_autoptr(GError) error = NULL;

  *data = tp_worksheet_data_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_load_async (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(TpDatabase) db = open_business (fixture, &path);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-18T12:00:00Z", NULL);
  g_autoptr(TpWorksheetData) data = NULL;

  /* The worker reads what this connection wrote, through its own. */
  g_assert_true (TP_IS_DATABASE (db));
  tp_worksheet_data_load_async (path, now, NULL, load_ready_cb, &data);
  while (data == NULL)
    g_main_context_iteration (NULL, TRUE);

  assert_loaded (data);
}

/* Switches the messages to German; returns whether they are.
 *
 * LANGUAGE alone is not enough: glibc ignores it while LC_MESSAGES is C,
 * and since glibc 2.39 also while it is C.UTF-8 (the test environment's
 * LC_ALL). So LC_MESSAGES gets a German locale where one is installed;
 * LANGUAGE=de stays for the systems where C.UTF-8 still honours it. */
static gboolean
use_german_messages (void)
{
  static const char * const names[] = {
    "de_DE.UTF-8", "de_DE.utf8", "de_AT.UTF-8", "de_CH.UTF-8", "de_DE",
  };

  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (setlocale (LC_MESSAGES, names[i]) != NULL)
      break;

  return g_strcmp0 (dgettext (GETTEXT_PACKAGE, "Marketing Plan"), "Marketing Plan") != 0;
}

static void
test_german (Fixture       *fixture,
             gconstpointer  user_data)
{
  gboolean german;
  g_autoptr(TpWorksheetData) data = make_data ();
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) pages = NULL;

  /* The German catalogue as built in this tree. */
  g_assert_true (g_file_test (localedir, G_FILE_TEST_IS_DIR));
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  german = use_german_messages ();

  for (TpWorksheetKind kind = TP_WORKSHEET_KIND_BRAND; kind <= TP_WORKSHEET_KIND_PLAN; kind++)
    {
      for (guint blank = 0; blank < 2; blank++)
        {
          g_autoptr(TpWorksheetLayout) layout = tp_worksheet_layout_new (data, kind, blank);

          tp_worksheet_layout_set_page_size (layout, 612, 792);
          tp_worksheet_layout_paginate (layout, NULL);
          assert_inside_margins (layout, TP_WORKSHEET_DEFAULT_MARGIN);
        }
    }

  export (fixture, data, TP_WORKSHEET_KIND_PLAN, 0, TRUE, TP_WORKSHEET_PAPER_LETTER, &path);
  pages = pdf_pages (path);
  g_assert_cmpuint (pages->len, ==, 1);
  if (german)
    {
      assert_on_page (pages, 0, "Marketingplan");
      assert_on_page (pages, 0, "Seite 1 von 1");
    }
  else
    {
      g_test_message ("no German locale on this system (build-aux/install-deps "
                      "generates de_DE.UTF-8): the German words of the page "
                      "are not checked");
    }

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/touchpoint/worksheet/brand/filled", test_brand_filled);
  ADD ("/touchpoint/worksheet/brand/blank", test_brand_blank);
  ADD ("/touchpoint/worksheet/brand/blank-nameless", test_brand_blank_nameless);
  ADD ("/touchpoint/worksheet/audience/filled", test_audience_filled);
  ADD ("/touchpoint/worksheet/audience/one", test_audience_one);
  ADD ("/touchpoint/worksheet/audience/blank", test_audience_blank);
  ADD ("/touchpoint/worksheet/plan/filled", test_plan_filled);
  ADD ("/touchpoint/worksheet/plan/too-many-tactics", test_plan_too_many_tactics);
  ADD ("/touchpoint/worksheet/plan/blank", test_plan_blank);
  ADD ("/touchpoint/worksheet/paper-size", test_paper_size);
  ADD ("/touchpoint/worksheet/table-header-repeats", test_table_header_repeats);
  ADD ("/touchpoint/worksheet/long-text", test_long_text);
  ADD ("/touchpoint/worksheet/write-error", test_write_error);
  ADD ("/touchpoint/worksheet/load", test_load);
  ADD ("/touchpoint/worksheet/load-async", test_load_async);
  ADD ("/touchpoint/worksheet/german", test_german);
  g_test_add_func ("/touchpoint/worksheet/margins", test_margins);
  g_test_add_func ("/touchpoint/worksheet/layout-properties", test_layout_properties);
  g_test_add_func ("/touchpoint/worksheet/kinds-and-papers", test_kinds_and_papers);
  g_test_add_func ("/touchpoint/worksheet/load-empty", test_load_empty);

#undef ADD

  return g_test_run ();
}
