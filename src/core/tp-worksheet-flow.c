/* tp-worksheet-flow.c
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

#define G_LOG_DOMAIN "tp-worksheet-flow"

#include "config.h"

#include <string.h>

#include "tp-worksheet-layout-private.h"

/*
 * The page-flow engine of the worksheets: text measured line by line,
 * cells and the rows that hold them side by side, and pagination, which
 * fills pages with pieces of rows. It knows nothing of what a worksheet
 * says; the sheets (tp-worksheet-*-sheet.c) build rows with it, and
 * tp-worksheet-paint.c draws the pieces it places.
 */

/* Text */

void
_tp_worksheet_text_free (gpointer data)
{
  Text *text = data;

  if (text == NULL)
    return;

  g_object_unref (text->layout);
  g_free (text->line_x);
  g_free (text->baseline);
  g_free (text->bottom);
  g_free (text);
}

/* Lays out @string in @style, wrapped at @width points (or not wrapped
 * when @width is negative). User text is never parsed as markup. */
Text *
_tp_worksheet_text_new (TpWorksheetLayout *self,
                        const char        *string,
                        const Style       *style,
                        double             width)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style->font);
  PangoLayoutIter *iter;
  PangoRectangle logical;
  Text *text;
  guint i = 0;

  text = g_new0 (Text, 1);
  text->color = style->color;
  text->layout = pango_layout_new (self->context);
  if (self->scale != 1.0)
    pango_font_description_set_size (font, pango_font_description_get_size (font) * self->scale);
  pango_layout_set_font_description (text->layout, font);
  pango_layout_set_alignment (text->layout, style->align);
  if (style->line_spacing > 0)
    pango_layout_set_line_spacing (text->layout, style->line_spacing);
  if (width >= 0)
    {
      pango_layout_set_width (text->layout, (int)(MAX (width, 1.0) * PANGO_SCALE));
      pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);
    }
  if (style->letter_spacing > 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs,
                              pango_attr_letter_spacing_new ((int)(style->letter_spacing * PANGO_SCALE)));
      pango_layout_set_attributes (text->layout, attrs);
      pango_attr_list_unref (attrs);
    }
  if (style->ellipsize)
    pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (text->layout, string != NULL ? string : "", -1);

  pango_layout_get_extents (text->layout, NULL, &logical);
  text->width = (double)logical.width / PANGO_SCALE;
  text->height = (double)(logical.y + logical.height) / PANGO_SCALE;

  text->n_lines = pango_layout_get_line_count (text->layout);
  text->line_x = g_new0 (double, text->n_lines);
  text->baseline = g_new0 (double, text->n_lines);
  text->bottom = g_new0 (double, text->n_lines);

  iter = pango_layout_get_iter (text->layout);
  do
    {
      PangoRectangle line;

      g_assert (i < text->n_lines);

      pango_layout_iter_get_line_extents (iter, NULL, &line);
      text->line_x[i] = (double)line.x / PANGO_SCALE;
      text->baseline[i] = (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      if (i > 0)
        text->bottom[i - 1] = (double)line.y / PANGO_SCALE;
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  text->n_lines = i;
  text->bottom[i - 1] = text->height;

  return text;
}

/* Cells and rows */

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  _tp_worksheet_text_free (cell->text);
  _tp_worksheet_text_free (cell->number);
  g_clear_pointer (&cell->chips, g_ptr_array_unref);
  g_free (cell->chip_x);
  g_free (cell->chip_y);
  g_free (cell->chip_bottom);
  g_array_unref (cell->bottoms);
  g_free (cell);
}

void
_tp_worksheet_row_free (gpointer data)
{
  Row *row = data;

  g_ptr_array_unref (row->cells);
  g_clear_pointer (&row->stops, g_array_unref);
  g_free (row);
}

Row *
_tp_worksheet_add_row (TpWorksheetLayout *self,
                       double             space_before)
{
  Row *row = g_new0 (Row, 1);

  row->cells = g_ptr_array_new_with_free_func (cell_free);
  row->space_before = space_before * self->scale;
  row->min_first = 2;
  row->min_last = 2;
  row->splittable = TRUE;
  g_ptr_array_add (self->rows, row);

  return row;
}

Cell *
_tp_worksheet_add_cell (Row         *row,
                        ContentKind  kind,
                        double       x,
                        double       width,
                        double       pad)
{
  Cell *cell = g_new0 (Cell, 1);

  cell->kind = kind;
  cell->x = x;
  cell->width = MAX (width, 2 * pad + 1);
  cell->pad = pad;
  cell->bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  g_ptr_array_add (row->cells, cell);

  return cell;
}

double
_tp_worksheet_cell_inner_width (Cell *cell)
{
  return cell->width - 2 * cell->pad;
}

void
_tp_worksheet_cell_add_bottom (Cell   *cell,
                               double  bottom)
{
  g_array_append_val (cell->bottoms, bottom);
}

Cell *
_tp_worksheet_add_text_cell (TpWorksheetLayout *self,
                             Row               *row,
                             double             x,
                             double             width,
                             double             pad,
                             const char        *string,
                             const Style       *style)
{
  Cell *cell = _tp_worksheet_add_cell (row, CONTENT_TEXT, x, width, pad);

  cell->text = _tp_worksheet_text_new (self, string, style, _tp_worksheet_cell_inner_width (cell));
  for (guint i = 0; i < cell->text->n_lines; i++)
    _tp_worksheet_cell_add_bottom (cell, cell->text->bottom[i]);

  return cell;
}

Cell *
_tp_worksheet_add_lines_cell (Row    *row,
                              double  x,
                              double  width,
                              double  pad,
                              guint   n_lines)
{
  Cell *cell = _tp_worksheet_add_cell (row, CONTENT_LINES, x, width, pad);

  cell->n = n_lines;
  cell->pitch = LINE_PITCH;
  for (guint i = 1; i <= n_lines; i++)
    _tp_worksheet_cell_add_bottom (cell, i * LINE_PITCH);

  return cell;
}

Cell *
_tp_worksheet_add_squares_cell (Row                   *row,
                                double                 x,
                                double                 width,
                                double                 pad,
                                double                 top,
                                const TpWorksheetCell *squares,
                                guint                  n)
{
  Cell *cell = _tp_worksheet_add_cell (row, CONTENT_SQUARES, x, width, pad);

  g_assert (n >= 1 && n <= TP_WORKSHEET_N_PERIODS);

  cell->n = n;
  cell->top = top;
  if (squares != NULL)
    memcpy (cell->squares, squares, n * sizeof (TpWorksheetCell));
  _tp_worksheet_cell_add_bottom (cell, top + SQUARE_SIZE + 1);

  return cell;
}

Cell *
_tp_worksheet_add_chips_cell (TpWorksheetLayout *self,
                              Row               *row,
                              double             x,
                              double             width,
                              GPtrArray         *words)
{
  Cell *cell = _tp_worksheet_add_cell (row, CONTENT_CHIPS, x, width, 0);
  double cx = 0, cy = 0, row_height = 0;
  guint row_start = 0;

  cell->chips = g_ptr_array_new_with_free_func (_tp_worksheet_text_free);
  cell->chip_x = g_new0 (double, words->len);
  cell->chip_y = g_new0 (double, words->len);
  cell->chip_bottom = g_new0 (double, words->len);

  for (guint i = 0; i < words->len; i++)
    {
      Text *text = _tp_worksheet_text_new (self, g_ptr_array_index (words, i), &style_chip,
                                           width - 2 * CHIP_PAD_X);
      double w = text->width + 2 * CHIP_PAD_X;
      double h = text->height + 2 * CHIP_PAD_Y;

      if (cx > 0 && cx + w > width)
        {
          for (guint j = row_start; j < i; j++)
            cell->chip_bottom[j] = cy + row_height;
          _tp_worksheet_cell_add_bottom (cell, cy + row_height);
          cy += row_height + CHIP_GAP;
          cx = 0;
          row_height = 0;
          row_start = i;
        }

      cell->chip_x[i] = cx;
      cell->chip_y[i] = cy;
      cx += w + CHIP_GAP;
      row_height = MAX (row_height, h);
      g_ptr_array_add (cell->chips, text);
    }

  for (guint j = row_start; j < words->len; j++)
    cell->chip_bottom[j] = cy + row_height;
  _tp_worksheet_cell_add_bottom (cell, cy + row_height);

  return cell;
}

Cell *
_tp_worksheet_add_boxes_cell (Row    *row,
                              double  x,
                              double  width,
                              guint   n)
{
  Cell *cell = _tp_worksheet_add_cell (row, CONTENT_BOXES, x, width, 0);

  cell->n = n;
  _tp_worksheet_cell_add_bottom (cell, BOX_HEIGHT);

  return cell;
}

Cell *
_tp_worksheet_add_rule_cell (Row         *row,
                             double       x,
                             double       width,
                             double       thickness,
                             const Color *color)
{
  Cell *cell = _tp_worksheet_add_cell (row, CONTENT_RULE, x, width, 0);

  cell->pitch = thickness;
  cell->color = color;
  _tp_worksheet_cell_add_bottom (cell, thickness);

  return cell;
}

Cell *
_tp_worksheet_add_bar_cell (Row    *row,
                            double  x)
{
  Cell *cell = _tp_worksheet_add_cell (row, CONTENT_BAR, x, 3, 0);

  cell->color = &accent;

  return cell;
}

Cell *
_tp_worksheet_add_stat_cell (TpWorksheetLayout *self,
                             Row               *row,
                             double             x,
                             double             width,
                             const char        *number,
                             const char        *label)
{
  Cell *cell = _tp_worksheet_add_cell (row, CONTENT_STAT, x, width, STAT_PAD);
  double height;

  cell->boxed = TRUE;
  if (number != NULL)
    cell->number = _tp_worksheet_text_new (self, number, &style_stat_number,
                                           _tp_worksheet_cell_inner_width (cell));
  cell->text = _tp_worksheet_text_new (self, label, &style_stat_label,
                                       _tp_worksheet_cell_inner_width (cell));

  height = STAT_PAD + (cell->number != NULL ? cell->number->height : STAT_BLANK_HEIGHT)
           + 4 + cell->text->height + STAT_PAD;
  _tp_worksheet_cell_add_bottom (cell, height);

  return cell;
}

/* Moves a cell's content down by @top. */
void
_tp_worksheet_cell_set_top (Cell   *cell,
                            double  top)
{
  double delta = top - cell->top;

  for (guint i = 0; i < cell->bottoms->len; i++)
    g_array_index (cell->bottoms, double, i) += delta;
  cell->top = top;
}

double
_tp_worksheet_cell_first_line_height (Cell *cell)
{
  if (cell->kind == CONTENT_TEXT && cell->text != NULL && cell->text->n_lines > 0)
    return cell->text->bottom[0];

  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
finish_row (Row *row)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  double zero = 0;

  for (guint i = 0; i < row->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (row->cells, i);

      g_array_append_vals (all, cell->bottoms->data, cell->bottoms->len);
    }

  g_array_sort (all, compare_doubles);

  row->stops = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (row->stops, zero);

  for (guint i = 0; i < all->len; i++)
    {
      double value = g_array_index (all, double, i);
      double last = g_array_index (row->stops, double, row->stops->len - 1);

      if (value - last > 0.01)
        g_array_append_val (row->stops, value);
    }
}

static guint
row_n_units (Row *row)
{
  return row->stops->len - 1;
}

double
_tp_worksheet_row_stop (Row   *row,
                        guint  index)
{
  return g_array_index (row->stops, double, index);
}

double
_tp_worksheet_piece_height (Row   *row,
                            guint  from,
                            guint  to)
{
  return row->pad_top + _tp_worksheet_row_stop (row, to) - _tp_worksheet_row_stop (row, from)
         + row->pad_bottom;
}

static gboolean
row_can_split (Row *row)
{
  return row->splittable && row_n_units (row) >= row->min_first + row->min_last;
}

/* The least of @row that may stand at the end of a page. */
static double
first_chunk_height (Row *row)
{
  guint n = row_n_units (row);

  return _tp_worksheet_piece_height (row, 0, row_can_split (row) ? MIN (row->min_first, n) : n);
}

/* Pagination */

double
_tp_worksheet_content_height (TpWorksheetLayout *self)
{
  return MAX (self->page_height - self->margin_top - self->margin_bottom - FOOTER_SPACE,
              MIN_CONTENT);
}

static GArray *
new_page (TpWorksheetLayout *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Piece));

  g_ptr_array_add (self->pages, page);

  return page;
}

static void
place (GArray *page,
       Row    *row,
       guint   from,
       guint   to,
       double  y)
{
  Piece piece = { row, from, to, y };

  g_array_append_val (page, piece);
}

/* The most units of @row, from @from, that fit in @available points;
 * @strict keeps the row's orphan and widow rules. */
static guint
fit_units (Row      *row,
           guint     from,
           double    available,
           gboolean  strict)
{
  guint n = row_n_units (row);
  guint to = from;

  while (to < n && _tp_worksheet_piece_height (row, from, to + 1) <= available)
    to++;

  if (!strict)
    return to;

  if (!row_can_split (row))
    return to == n ? n : from;

  if (from == 0 && to < row->min_first)
    return from;

  if (to < n && n - to < row->min_last)
    to = n - row->min_last > from ? n - row->min_last : from;

  return to;
}

/* Whether @row and the rows it must stay with fit below @y. */
static gboolean
chain_fits (TpWorksheetLayout *self,
            guint              index,
            double             y)
{
  double need = 0;

  for (guint i = index; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      need += row->space_before;
      if (!row->keep_with_next || i + 1 == self->rows->len)
        {
          need += first_chunk_height (row);
          break;
        }
      need += _tp_worksheet_piece_height (row, 0, row_n_units (row));
    }

  return y + need <= _tp_worksheet_content_height (self);
}

void
_tp_worksheet_paginate_rows (TpWorksheetLayout *self,
                             guint              first)
{
  double bottom = _tp_worksheet_content_height (self);
  GArray *page = new_page (self);
  gboolean at_top = TRUE;
  double y = 0;

  for (guint i = first; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      guint n = row_n_units (row);
      guint from = 0;

      if (!at_top && row->keep_with_next && !chain_fits (self, i, y))
        {
          page = new_page (self);
          at_top = TRUE;
          y = 0;
        }

      for (;;)
        {
          double space;
          guint to;

          if (at_top && y == 0 && row->table_header != NULL)
            {
              Row *header = row->table_header;

              place (page, header, 0, row_n_units (header), 0);
              y = _tp_worksheet_piece_height (header, 0, row_n_units (header));
            }

          space = at_top ? 0 : row->space_before;
          to = fit_units (row, from, bottom - y - space, TRUE);

          if (to <= from && at_top)
            {
              /* Taller than a page even on its own: break where it must. */
              to = MAX (fit_units (row, from, bottom - y - space, FALSE), from + 1);
              to = MIN (to, n);
            }

          if (to > from || n == 0)
            {
              place (page, row, from, to, y + space);
              y += space + _tp_worksheet_piece_height (row, from, to);
              at_top = FALSE;
              from = to;
            }

          if (from >= n)
            break;

          page = new_page (self);
          at_top = TRUE;
          y = 0;
        }
    }
}

/* Measures the rows from @first on and sets how they may break. */
void
_tp_worksheet_finish_rows (TpWorksheetLayout *self,
                           guint              first)
{
  for (guint i = first; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      finish_row (row);

      /* A table row shorter than a quarter page moves whole to the next
       * page rather than leaving a few lines of each cell behind. */
      if (row->grid && _tp_worksheet_piece_height (row, 0, row_n_units (row))
                       <= _tp_worksheet_content_height (self) / 4)
        row->splittable = FALSE;
    }

  /* A table short enough stays in one piece with its heading. */
  for (guint i = first; i < self->rows->len; i++)
    {
      Row *header = g_ptr_array_index (self->rows, i);
      double total;
      guint last = i;

      if (!header->header)
        continue;

      total = _tp_worksheet_piece_height (header, 0, row_n_units (header));
      while (last + 1 < self->rows->len)
        {
          Row *next = g_ptr_array_index (self->rows, last + 1);

          if (next->table_header != header)
            break;
          total += _tp_worksheet_piece_height (next, 0, row_n_units (next));
          last++;
        }

      if (total <= _tp_worksheet_content_height (self) / 3)
        {
          for (guint j = i; j < last; j++)
            ((Row *)g_ptr_array_index (self->rows, j))->keep_with_next = TRUE;
        }
    }
}
