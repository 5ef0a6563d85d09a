/* tp-worksheet-layout.c
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

#define G_LOG_DOMAIN "tp-worksheet-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tp-worksheet-layout-private.h"

/*
 * TpWorksheetLayout lays the printed worksheets out in points and paints
 * them onto any cairo_t, so that printing, PDF export and the tests share
 * one path.
 *
 * A worksheet is a column of rows. A row holds cells side by side (a
 * section number beside its heading, the columns of a table, the cards
 * of the month's figures); each cell's content says where a page may
 * break inside it (between lines of text, between writing lines). A
 * row's break points are the union of its cells', so a table row whose
 * cells hold 10,000 characters breaks across pages like a paragraph, and
 * nothing is ever clipped: every box grows with its text.
 *
 * Pagination fills pages with pieces of rows, keeps headings with what
 * follows them, repeats a table's header row at the top of every page the
 * table continues on, and then numbers the pages in the footer. Painting
 * draws line by line, so each word exists once, on its page.
 *
 * This file holds the object itself: its settings, and paginate(), which
 * builds each part of a worksheet and breaks it into pages. The engine,
 * the painting, the building blocks, each sheet's content and the PDF
 * output live in the files tp-worksheet-layout-private.h lists.
 */

G_DEFINE_FINAL_TYPE (TpWorksheetLayout, tp_worksheet_layout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATA,
  PROP_KIND,
  PROP_BLANK,
  PROP_AUDIENCE,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Forgets the pages: the layout must be paginated again. */
static void
clear_layout (TpWorksheetLayout *self,
              gboolean           notify)
{
  gboolean had_pages = self->paginated && self->pages->len > 0;

  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->footers, 0);
  self->paginated = FALSE;

  if (notify && had_pages)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

static void
build_contents (TpWorksheetLayout   *self,
                TpWorksheetAudience *audience)
{
  self->section = 0;

  switch (self->kind)
    {
    case TP_WORKSHEET_KIND_BRAND:
      _tp_worksheet_build_brand (self);
      break;

    case TP_WORKSHEET_KIND_AUDIENCE:
      _tp_worksheet_build_audience (self, audience);
      break;

    case TP_WORKSHEET_KIND_PLAN:
    default:
      _tp_worksheet_build_plan (self);
      break;
    }
}

/* Lays out one part of the worksheet (one audience, or the whole sheet)
 * from a new page. A part meant to be a one-pager that runs a little
 * over is set slightly tighter; if even that does not fit it keeps its
 * full size and goes on over the next page. */
static void
add_part (TpWorksheetLayout   *self,
          TpWorksheetAudience *audience,
          gboolean             one_page)
{
  static const double scales[] = { 1.0, 0.94, 0.88 };
  guint first_row = self->rows->len;
  guint first_page = self->pages->len;

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      self->scale = scales[i];
      build_contents (self, audience);
      _tp_worksheet_finish_rows (self, first_row);
      _tp_worksheet_paginate_rows (self, first_row);

      if (!one_page || self->pages->len - first_page <= 1)
        break;

      g_ptr_array_set_size (self->pages, first_page);
      g_ptr_array_set_size (self->rows, first_row);

      if (i + 1 == G_N_ELEMENTS (scales))
        {
          self->scale = 1.0;
          build_contents (self, audience);
          _tp_worksheet_finish_rows (self, first_row);
          _tp_worksheet_paginate_rows (self, first_row);
        }
    }

  self->scale = 1.0;
}

static void
tp_worksheet_layout_finalize (GObject *object)
{
  TpWorksheetLayout *self = (TpWorksheetLayout *)object;

  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->footers);
  g_clear_object (&self->context);
  g_clear_pointer (&self->data, tp_worksheet_data_unref);

  G_OBJECT_CLASS (tp_worksheet_layout_parent_class)->finalize (object);
}

static void
tp_worksheet_layout_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TpWorksheetLayout *self = TP_WORKSHEET_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_DATA:
      g_value_set_boxed (value, self->data);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_BLANK:
      g_value_set_boolean (value, self->blank);
      break;

    case PROP_AUDIENCE:
      g_value_set_int64 (value, self->audience_id);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, tp_worksheet_layout_get_n_pages (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_worksheet_layout_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TpWorksheetLayout *self = TP_WORKSHEET_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_DATA:
      self->data = g_value_dup_boxed (value);
      if (self->data == NULL)
        self->data = tp_worksheet_data_new ();
      break;

    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;

    case PROP_BLANK:
      self->blank = g_value_get_boolean (value);
      break;

    case PROP_AUDIENCE:
      tp_worksheet_layout_set_audience (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_worksheet_layout_class_init (TpWorksheetLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_worksheet_layout_finalize;
  object_class->get_property = tp_worksheet_layout_get_property;
  object_class->set_property = tp_worksheet_layout_set_property;

  /**
   * TpWorksheetLayout:data:
   *
   * What the worksheet shows.
   */
  properties[PROP_DATA] =
    g_param_spec_boxed ("data", NULL, NULL,
                        TP_TYPE_WORKSHEET_DATA,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TpWorksheetLayout:kind:
   *
   * Which worksheet: a #TpWorksheetKind.
   */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       TP_WORKSHEET_KIND_BRAND, TP_WORKSHEET_KIND_PLAN, TP_WORKSHEET_KIND_BRAND,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TpWorksheetLayout:blank:
   *
   * Whether the worksheet leaves room to write instead of showing the data.
   */
  properties[PROP_BLANK] =
    g_param_spec_boolean ("blank", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TpWorksheetLayout:audience:
   *
   * The audience the audience worksheet shows, or 0 for every audience.
   */
  properties[PROP_AUDIENCE] =
    g_param_spec_int64 ("audience", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpWorksheetLayout:n-pages:
   *
   * The number of pages, once paginated; 0 before.
   */
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_worksheet_layout_init (TpWorksheetLayout *self)
{
  self->rows = g_ptr_array_new_with_free_func (_tp_worksheet_row_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  self->footers = g_ptr_array_new_with_free_func (_tp_worksheet_text_free);

  tp_worksheet_paper_get_size (TP_WORKSHEET_PAPER_A4, &self->page_width, &self->page_height);
  self->scale = 1.0;
  self->margin_top = self->margin_right = TP_WORKSHEET_DEFAULT_MARGIN;
  self->margin_bottom = self->margin_left = TP_WORKSHEET_DEFAULT_MARGIN;
}

/**
 * tp_worksheet_layout_new:
 * @data: what the worksheet shows
 * @kind: which worksheet
 * @blank: %TRUE for a blank worksheet with room to write by hand
 *
 * Creates a layout for an A4 page with the default margins; change them
 * with tp_worksheet_layout_set_page_size() and
 * tp_worksheet_layout_set_margins(), then call
 * tp_worksheet_layout_paginate().
 *
 * Returns: (transfer full): a new #TpWorksheetLayout
 */
TpWorksheetLayout *
tp_worksheet_layout_new (TpWorksheetData *data,
                         TpWorksheetKind  kind,
                         gboolean         blank)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (kind <= TP_WORKSHEET_KIND_PLAN, NULL);

  return g_object_new (TP_TYPE_WORKSHEET_LAYOUT,
                       "data", data,
                       "kind", kind,
                       "blank", blank,
                       NULL);
}

/**
 * tp_worksheet_layout_get_data:
 * @self: a #TpWorksheetLayout
 *
 * Returns: (transfer none): what the worksheet shows
 */
TpWorksheetData *
tp_worksheet_layout_get_data (TpWorksheetLayout *self)
{
  g_return_val_if_fail (TP_IS_WORKSHEET_LAYOUT (self), NULL);

  return self->data;
}

TpWorksheetKind
tp_worksheet_layout_get_kind (TpWorksheetLayout *self)
{
  g_return_val_if_fail (TP_IS_WORKSHEET_LAYOUT (self), TP_WORKSHEET_KIND_BRAND);

  return self->kind;
}

gboolean
tp_worksheet_layout_get_blank (TpWorksheetLayout *self)
{
  g_return_val_if_fail (TP_IS_WORKSHEET_LAYOUT (self), FALSE);

  return self->blank;
}

gint64
tp_worksheet_layout_get_audience (TpWorksheetLayout *self)
{
  g_return_val_if_fail (TP_IS_WORKSHEET_LAYOUT (self), 0);

  return self->audience_id;
}

/**
 * tp_worksheet_layout_set_audience:
 * @self: a #TpWorksheetLayout
 * @audience_id: an audience's row id, or 0 for every audience
 *
 * Chooses the audience the audience worksheet shows. The layout must be
 * paginated again.
 */
void
tp_worksheet_layout_set_audience (TpWorksheetLayout *self,
                                  gint64             audience_id)
{
  g_return_if_fail (TP_IS_WORKSHEET_LAYOUT (self));
  g_return_if_fail (audience_id >= 0);

  if (self->audience_id == audience_id)
    return;

  self->audience_id = audience_id;
  clear_layout (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIENCE]);
}

/**
 * tp_worksheet_layout_set_page_size:
 * @self: a #TpWorksheetLayout
 * @width: the paper's width in points
 * @height: the paper's height in points
 *
 * Sets the paper size. The layout must be paginated again.
 */
void
tp_worksheet_layout_set_page_size (TpWorksheetLayout *self,
                                   double             width,
                                   double             height)
{
  g_return_if_fail (TP_IS_WORKSHEET_LAYOUT (self));
  g_return_if_fail (width > 0 && height > 0);

  self->page_width = width;
  self->page_height = height;
  clear_layout (self, TRUE);
}

void
tp_worksheet_layout_get_page_size (TpWorksheetLayout *self,
                                   double            *width,
                                   double            *height)
{
  g_return_if_fail (TP_IS_WORKSHEET_LAYOUT (self));

  if (width != NULL)
    *width = self->page_width;
  if (height != NULL)
    *height = self->page_height;
}

/**
 * tp_worksheet_layout_set_margins:
 * @self: a #TpWorksheetLayout
 * @top: the top margin in points
 * @right: the right margin in points
 * @bottom: the bottom margin in points
 * @left: the left margin in points
 *
 * Sets the margins, inside which everything is drawn, the footer
 * included. The layout must be paginated again.
 */
void
tp_worksheet_layout_set_margins (TpWorksheetLayout *self,
                                 double             top,
                                 double             right,
                                 double             bottom,
                                 double             left)
{
  g_return_if_fail (TP_IS_WORKSHEET_LAYOUT (self));
  g_return_if_fail (top >= 0 && right >= 0 && bottom >= 0 && left >= 0);

  self->margin_top = top;
  self->margin_right = right;
  self->margin_bottom = bottom;
  self->margin_left = left;
  clear_layout (self, TRUE);
}

/**
 * tp_worksheet_layout_create_pango_context:
 *
 * Creates a Pango context that measures in points, without hinting, as
 * a PDF or a printer draws: what tp_worksheet_layout_paginate() uses
 * when given none.
 *
 * Returns: (transfer full): a new #PangoContext
 */
PangoContext *
tp_worksheet_layout_create_pango_context (void)
{
  PangoContext *context;
  cairo_font_options_t *options;

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (context, 72.0);

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

/**
 * tp_worksheet_layout_paginate:
 * @self: a #TpWorksheetLayout
 * @context: (nullable): the Pango context to measure text with, in
 *   points (a print context's, for printing); %NULL for one from
 *   tp_worksheet_layout_create_pango_context()
 *
 * Lays the worksheet out for the page size and margins and breaks it
 * into pages. Text is never cut: long answers continue on the next page,
 * and tables repeat their header row there.
 */
void
tp_worksheet_layout_paginate (TpWorksheetLayout *self,
                              PangoContext      *context)
{
  guint old_n_pages = tp_worksheet_layout_get_n_pages (self);
  const char *name;
  guint n_pages;

  g_return_if_fail (TP_IS_WORKSHEET_LAYOUT (self));
  g_return_if_fail (context == NULL || PANGO_IS_CONTEXT (context));

  clear_layout (self, FALSE);

  if (context != NULL)
    g_set_object (&self->context, context);
  else
    {
      g_clear_object (&self->context);
      self->context = tp_worksheet_layout_create_pango_context ();
    }

  self->width = MAX (self->page_width - self->margin_left - self->margin_right,
                     MIN_CONTENT + INDENT);

  if (self->kind == TP_WORKSHEET_KIND_AUDIENCE && !self->blank && self->data->audiences->len > 0)
    {
      TpWorksheetAudience *only = NULL;

      if (self->audience_id != 0)
        only = tp_worksheet_data_find_audience (self->data, self->audience_id);

      /* Each audience on a page of its own. */
      for (guint i = 0; i < self->data->audiences->len; i++)
        {
          TpWorksheetAudience *audience = g_ptr_array_index (self->data->audiences, i);

          if (only == NULL || audience == only)
            add_part (self, audience, TRUE);
        }
    }
  else
    {
      add_part (self, NULL, self->kind == TP_WORKSHEET_KIND_PLAN);
    }

  n_pages = self->pages->len;
  name = _tp_worksheet_business_name (self);
  if (name == NULL)
    name = tp_worksheet_kind_get_title (self->kind);

  for (guint i = 0; i < n_pages; i++)
    {
      /* Translators: the page number in the footer of a printed worksheet */
      g_autofree char *number = g_strdup_printf (_("Page %u of %u"), i + 1, n_pages);
      Text *right = _tp_worksheet_text_new (self, number, &style_footer_right, self->width * 0.3);
      Text *left = _tp_worksheet_text_new (self, name, &style_footer, self->width * 0.65);

      g_ptr_array_add (self->footers, left);
      g_ptr_array_add (self->footers, right);
    }

  self->paginated = TRUE;
  if (n_pages != old_n_pages)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

/**
 * tp_worksheet_layout_get_n_pages:
 * @self: a #TpWorksheetLayout
 *
 * Returns: the number of pages, or 0 if the layout is not paginated
 */
guint
tp_worksheet_layout_get_n_pages (TpWorksheetLayout *self)
{
  g_return_val_if_fail (TP_IS_WORKSHEET_LAYOUT (self), 0);

  return self->paginated ? self->pages->len : 0;
}
