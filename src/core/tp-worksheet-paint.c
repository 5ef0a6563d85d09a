/* tp-worksheet-paint.c
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

#define G_LOG_DOMAIN "tp-worksheet-paint"

#include "config.h"

#include <pango/pangocairo.h>

#include "tp-cairo-util.h"
#include "tp-worksheet-layout-private.h"

/*
 * Painting the worksheets: each piece of a row that pagination placed on a
 * page, cell by cell, and the footer. Only draws: everything was measured
 * by tp_worksheet_layout_paginate(). Draws line by line, so each word
 * exists once, on its page.
 */

static void
text_draw_lines (Text    *text,
                 cairo_t *cr,
                 double   x,
                 double   y,
                 double   from,
                 double   to)
{
  cairo_set_source_rgb (cr, text->color->r, text->color->g, text->color->b);

  for (guint i = 0; i < text->n_lines; i++)
    {
      if (text->bottom[i] <= from + 0.01 || text->bottom[i] > to + 0.01)
        continue;

      cairo_move_to (cr, x + text->line_x[i], y + text->baseline[i]);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (text->layout, i));
    }
}

/* Painting */

static void
set_color (cairo_t     *cr,
           const Color *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

static void
draw_square (cairo_t         *cr,
             double           x,
             double           y,
             double           size,
             TpWorksheetCell  state)
{
  cairo_rectangle (cr, x + 0.3, y + 0.3, size - 0.6, size - 0.6);

  switch (state)
    {
    case TP_WORKSHEET_CELL_DONE:
      set_color (cr, &accent);
      cairo_fill (cr);
      break;

    case TP_WORKSHEET_CELL_PARTLY:
      set_color (cr, &accent);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
      cairo_move_to (cr, x, y + size);
      cairo_line_to (cr, x + size, y + size);
      cairo_line_to (cr, x + size, y);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case TP_WORKSHEET_CELL_MISSED:
    default:
      set_color (cr, &muted);
      cairo_set_line_width (cr, 0.6);
      cairo_stroke (cr);
      break;
    }
}

static gboolean
in_range (double value,
          double from,
          double to)
{
  return value > from + 0.01 && value <= to + 0.01;
}

/* Draws the part of @cell whose break points lie in (@from, @to]; @y is
 * where the row's content at @from lands. */
static void
draw_cell (TpWorksheetLayout *self,
           Cell              *cell,
           cairo_t           *cr,
           double             y,
           double             from,
           double             to,
           double             piece_top,
           double             piece_height)
{
  double x = self->margin_left + cell->x;
  double inner = _tp_worksheet_cell_inner_width (cell);
  double top = y - from + cell->top;

  /* Text leaves a current point behind; arcs must not join it. */
  cairo_new_path (cr);

  if (cell->boxed)
    {
      _tp_cairo_rounded_rectangle (cr, x + 0.5, piece_top + 0.5, cell->width - 1, piece_height - 1,
                                   6);
      set_color (cr, &fill_color);
      cairo_fill_preserve (cr);
      set_color (cr, &grid_color);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
    }

  switch (cell->kind)
    {
    case CONTENT_TEXT:
      if (cell->text != NULL)
        text_draw_lines (cell->text, cr, x + cell->pad, top, from - cell->top, to - cell->top);
      break;

    case CONTENT_LINES:
      set_color (cr, &rule_color);
      cairo_set_line_width (cr, 0.6);
      for (guint i = 1; i <= cell->n; i++)
        {
          double line = cell->top + i * cell->pitch;

          if (!in_range (line, from, to))
            continue;

          cairo_move_to (cr, x + cell->pad, y - from + line - 0.3);
          cairo_line_to (cr, x + cell->pad + inner, y - from + line - 0.3);
          cairo_stroke (cr);
        }
      break;

    case CONTENT_SQUARES:
      if (in_range (cell->top + SQUARE_SIZE + 1, from, to))
        {
          double size = MIN (SQUARE_SIZE, (inner - (cell->n - 1) * SQUARE_GAP) / cell->n);

          for (guint i = 0; i < cell->n; i++)
            draw_square (cr, x + cell->pad + i * (size + SQUARE_GAP), top, MAX (size, 2),
                         cell->squares[i]);
        }
      break;

    case CONTENT_CHIPS:
      for (guint i = 0; i < cell->chips->len; i++)
        {
          Text *text = g_ptr_array_index (cell->chips, i);
          double cx = x + cell->chip_x[i];
          double cy = top + cell->chip_y[i];
          double height = text->height + 2 * CHIP_PAD_Y;

          if (!in_range (cell->top + cell->chip_bottom[i], from, to))
            continue;

          _tp_cairo_rounded_rectangle (cr, cx + 0.4, cy + 0.4,
                                       text->width + 2 * CHIP_PAD_X - 0.8, height - 0.8,
                                       height / 2);
          set_color (cr, &accent_fill);
          cairo_fill_preserve (cr);
          set_color (cr, &accent);
          cairo_set_line_width (cr, 0.8);
          cairo_stroke (cr);
          text_draw_lines (text, cr, cx + CHIP_PAD_X, cy + CHIP_PAD_Y, -1, G_MAXDOUBLE);
        }
      break;

    case CONTENT_BOXES:
      if (in_range (cell->top + BOX_HEIGHT, from, to))
        {
          double width = (cell->width - (cell->n - 1) * BOX_GAP) / cell->n;

          set_color (cr, &rule_color);
          cairo_set_line_width (cr, 0.8);
          for (guint i = 0; i < cell->n; i++)
            {
              _tp_cairo_rounded_rectangle (cr, x + i * (width + BOX_GAP) + 0.4, top + 0.4,
                                           width - 0.8, BOX_HEIGHT - 0.8, 4);
              cairo_stroke (cr);
            }
        }
      break;

    case CONTENT_BADGE:
      if (in_range (cell->top + BADGE_SIZE, from, to))
        {
          cairo_arc (cr, x + BADGE_SIZE / 2, top + BADGE_SIZE / 2, BADGE_SIZE / 2, 0, 2 * G_PI);
          set_color (cr, &accent);
          cairo_fill (cr);
          text_draw_lines (cell->text, cr, x, top + (BADGE_SIZE - cell->text->height) / 2,
                           -1, G_MAXDOUBLE);
        }
      break;

    case CONTENT_RULE:
      if (in_range (cell->top + cell->pitch, from, to))
        {
          set_color (cr, cell->color);
          cairo_rectangle (cr, x, top, cell->width, cell->pitch);
          cairo_fill (cr);
        }
      break;

    case CONTENT_BAR:
      set_color (cr, cell->color);
      cairo_rectangle (cr, x, piece_top, cell->width, piece_height);
      cairo_fill (cr);
      break;

    case CONTENT_STAT:
      if (in_range (g_array_index (cell->bottoms, double, 0), from, to))
        {
          double ty = top + STAT_PAD;

          if (cell->number != NULL)
            {
              text_draw_lines (cell->number, cr, x + cell->pad, ty, -1, G_MAXDOUBLE);
              ty += cell->number->height;
            }
          else
            {
              set_color (cr, &rule_color);
              cairo_set_line_width (cr, 0.6);
              cairo_move_to (cr, x + cell->width * 0.25, ty + STAT_BLANK_HEIGHT - 2);
              cairo_line_to (cr, x + cell->width * 0.75, ty + STAT_BLANK_HEIGHT - 2);
              cairo_stroke (cr);
              ty += STAT_BLANK_HEIGHT;
            }
          text_draw_lines (cell->text, cr, x + cell->pad, ty + 4, -1, G_MAXDOUBLE);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
draw_piece (TpWorksheetLayout *self,
            cairo_t           *cr,
            Piece             *piece)
{
  Row *row = piece->row;
  double from = _tp_worksheet_row_stop (row, piece->from);
  double to = _tp_worksheet_row_stop (row, piece->to);
  double top = self->margin_top + piece->y;
  double height = _tp_worksheet_piece_height (row, piece->from, piece->to);
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE;

  for (guint i = 0; i < row->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (row->cells, i);

      left = MIN (left, self->margin_left + cell->x);
      right = MAX (right, self->margin_left + cell->x + cell->width);
    }

  if (row->cells->len > 0 && (row->header || row->fill))
    {
      set_color (cr, row->header ? &fill_color : &accent_fill);
      cairo_rectangle (cr, left, top, right - left, height);
      cairo_fill (cr);
    }

  for (guint i = 0; i < row->cells->len; i++)
    draw_cell (self, g_ptr_array_index (row->cells, i), cr,
               top + row->pad_top, from, to, top, height);

  if (row->grid && row->cells->len > 0)
    {
      set_color (cr, &grid_color);
      cairo_set_line_width (cr, 0.6);

      if (row->header)
        {
          cairo_move_to (cr, left, top);
          cairo_line_to (cr, right, top);
        }
      cairo_move_to (cr, left, top + height);
      cairo_line_to (cr, right, top + height);
      for (guint i = 0; i < row->cells->len; i++)
        {
          Cell *cell = g_ptr_array_index (row->cells, i);

          cairo_move_to (cr, self->margin_left + cell->x, top);
          cairo_line_to (cr, self->margin_left + cell->x, top + height);
        }
      cairo_move_to (cr, right, top);
      cairo_line_to (cr, right, top + height);
      cairo_stroke (cr);
    }
}

/**
 * tp_worksheet_layout_draw_page:
 * @self: a paginated #TpWorksheetLayout
 * @cr: a cairo context whose origin is the paper's top left corner and
 *   whose unit is the point
 * @page: the page, from 0
 *
 * Paints one page. Only draws: everything was measured by
 * tp_worksheet_layout_paginate().
 */
void
tp_worksheet_layout_draw_page (TpWorksheetLayout *self,
                               cairo_t           *cr,
                               guint              page)
{
  GArray *pieces;
  Text *left, *right;
  double footer_top;

  g_return_if_fail (TP_IS_WORKSHEET_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->paginated);
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  pieces = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < pieces->len; i++)
    draw_piece (self, cr, &g_array_index (pieces, Piece, i));

  footer_top = self->margin_top + _tp_worksheet_content_height (self) + FOOTER_SPACE - 18;
  set_color (cr, &grid_color);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, self->margin_left, footer_top);
  cairo_line_to (cr, self->margin_left + self->width, footer_top);
  cairo_stroke (cr);

  left = g_ptr_array_index (self->footers, 2 * page);
  right = g_ptr_array_index (self->footers, 2 * page + 1);
  text_draw_lines (left, cr, self->margin_left, footer_top + 6, -1, G_MAXDOUBLE);
  text_draw_lines (right, cr, self->margin_left + self->width * 0.7, footer_top + 6,
                   -1, G_MAXDOUBLE);

  cairo_restore (cr);
}
