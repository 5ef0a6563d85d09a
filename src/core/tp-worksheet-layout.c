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

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tp-worksheet-layout.h"

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
 */

/* Measures, in points. */
#define INDENT          30.0  /* section content sits right of the number */
#define BADGE_SIZE      20.0
#define LINE_PITCH      23.0  /* writing lines: about 8 mm for handwriting */
#define CELL_PAD_X      6.0
#define CELL_PAD_Y      5.0
#define SQUARE_SIZE     9.0
#define SQUARE_GAP      3.0
#define FOOTER_SPACE    28.0
#define SECTION_SPACE   15.0
#define MIN_CONTENT     72.0
#define CHIP_PAD_X      9.0
#define CHIP_PAD_Y      4.5
#define CHIP_GAP        6.0
#define BOX_HEIGHT      30.0
#define BOX_GAP         8.0
#define STAT_PAD        10.0
#define STAT_BLANK_HEIGHT 30.0

typedef struct
{
  double r, g, b;
} Color;

static const Color ink = { 0.13, 0.13, 0.15 };
static const Color muted = { 0.39, 0.39, 0.43 };
static const Color rule_color = { 0.70, 0.70, 0.73 };
static const Color grid_color = { 0.78, 0.78, 0.81 };
static const Color fill_color = { 0.945, 0.95, 0.965 };
static const Color accent = { 0.10, 0.37, 0.71 };
static const Color accent_fill = { 0.91, 0.94, 0.98 };
static const Color white = { 1.0, 1.0, 1.0 };

typedef struct
{
  const char     *font;
  const Color    *color;
  float           line_spacing;
  PangoAlignment  align;
  double          letter_spacing;
  gboolean        ellipsize;
} Style;

static const Style style_eyebrow = { "Sans Bold 8", &accent, 0, PANGO_ALIGN_LEFT, 1.4 };
static const Style style_title = { "Sans Bold 24", &ink, 0, PANGO_ALIGN_LEFT, 0 };
static const Style style_name = { "Sans Bold 15", &ink, 0, PANGO_ALIGN_LEFT, 0 };
static const Style style_tagline = { "Sans Italic 12", &ink, 1.2f, PANGO_ALIGN_LEFT, 0 };
static const Style style_intro = { "Sans 10.5", &muted, 1.3f, PANGO_ALIGN_LEFT, 0 };
static const Style style_meta = { "Sans 8.5", &muted, 0, PANGO_ALIGN_LEFT, 0 };
static const Style style_heading = { "Sans Bold 13", &ink, 0, PANGO_ALIGN_LEFT, 0 };
static const Style style_method = { "Sans Italic 9.5", &muted, 1.25f, PANGO_ALIGN_LEFT, 0 };
static const Style style_label = { "Sans Bold 9.5", &ink, 0, PANGO_ALIGN_LEFT, 0 };
static const Style style_body = { "Sans 10.5", &ink, 1.3f, PANGO_ALIGN_LEFT, 0 };
static const Style style_head_cell = { "Sans Bold 8.5", &ink, 1.15f, PANGO_ALIGN_LEFT, 0 };
static const Style style_cell = { "Sans 9.5", &ink, 1.2f, PANGO_ALIGN_LEFT, 0 };
static const Style style_cell_strong = { "Sans Bold 9.5", &ink, 1.2f, PANGO_ALIGN_LEFT, 0 };
static const Style style_badge = { "Sans Bold 10", &white, 0, PANGO_ALIGN_CENTER, 0 };
static const Style style_chip = { "Sans Bold 10", &accent, 0, PANGO_ALIGN_LEFT, 0 };
static const Style style_hint = { "Sans 9", &muted, 1.25f, PANGO_ALIGN_LEFT, 0 };
static const Style style_stat_number = { "Sans Bold 20", &ink, 0, PANGO_ALIGN_CENTER, 0 };
static const Style style_stat_label = { "Sans 8.5", &muted, 1.15f, PANGO_ALIGN_CENTER, 0 };
static const Style style_legend = { "Sans 8", &muted, 0, PANGO_ALIGN_LEFT, 0 };
static const Style style_warning = { "Sans Bold 9.5", &ink, 1.2f, PANGO_ALIGN_LEFT, 0 };
static const Style style_footer = { "Sans 8", &muted, 0, PANGO_ALIGN_LEFT, 0, TRUE };
static const Style style_footer_right = { "Sans 8", &muted, 0, PANGO_ALIGN_RIGHT, 0, TRUE };

/* A measured piece of text. Each line is a place the page may break. */
typedef struct
{
  PangoLayout *layout;
  const Color *color;
  guint        n_lines;
  double      *line_x;
  double      *baseline;
  double      *bottom;   /* where each line's band ends: the next line's top */
  double       width;    /* logical width of the widest line */
  double       height;
} Text;

typedef enum
{
  CONTENT_TEXT,     /* wrapped text */
  CONTENT_LINES,    /* ruled lines to write on */
  CONTENT_SQUARES,  /* a row of consistency squares */
  CONTENT_CHIPS,    /* words in rounded boxes, flowed into rows */
  CONTENT_BOXES,    /* empty boxes to write a word in */
  CONTENT_BADGE,    /* a section number in a circle */
  CONTENT_RULE,     /* a solid bar across the cell */
  CONTENT_BAR,      /* a bar down the cell's left edge */
  CONTENT_STAT,     /* a figure above its label */
} ContentKind;

typedef struct
{
  ContentKind      kind;
  double           x;        /* the cell's box, relative to the content area */
  double           width;
  double           pad;      /* horizontal padding inside the box */
  double           top;      /* where the content starts below the row's padding */
  gboolean         boxed;    /* a card: rounded border and a light fill */
  Text            *text;     /* TEXT, BADGE; the label of a STAT */
  Text            *number;   /* STAT; NULL leaves a line to write on */
  GPtrArray       *chips;    /* CHIPS: Text */
  double          *chip_x;
  double          *chip_y;
  double          *chip_bottom;
  guint            n;        /* LINES, SQUARES, BOXES: how many */
  double           pitch;    /* LINES: line spacing; RULE: thickness */
  const Color     *color;    /* RULE, BAR */
  TpWorksheetCell  squares[TP_WORKSHEET_N_PERIODS];
  GArray          *bottoms;  /* double: where the page may break, from the row's content top */
} Cell;

typedef struct _Row Row;

struct _Row
{
  GPtrArray *cells;
  double     pad_top;
  double     pad_bottom;
  double     space_before;
  guint      keep_with_next : 1;
  guint      grid : 1;     /* a table row: borders around every cell */
  guint      header : 1;   /* a table's header row */
  guint      fill : 1;     /* a highlighted row */
  guint      splittable : 1; /* may break across pages when it does not fit */
  guint      min_first;    /* units to keep together at a page's end */
  guint      min_last;     /* units to keep together at a page's start */
  Row       *table_header; /* the header to repeat above this row on a new page */
  GArray    *stops;        /* double: 0, then every break point, ending at the height */
};

typedef struct
{
  Row    *row;
  guint   from;  /* stop indexes */
  guint   to;
  double  y;
} Piece;

struct _TpWorksheetLayout
{
  GObject           parent_instance;

  TpWorksheetData  *data;
  TpWorksheetKind   kind;
  gboolean          blank;
  gint64            audience_id;
  double            page_width;
  double            page_height;
  double            margin_top;
  double            margin_right;
  double            margin_bottom;
  double            margin_left;

  PangoContext     *context;
  GPtrArray        *rows;      /* Row */
  GPtrArray        *pages;     /* GArray of Piece */
  GPtrArray        *footers;   /* Text, two per page */
  double            width;     /* of the content area, while building */
  double            scale;     /* of fonts and spacing, while building */
  guint             section;   /* the last section number used */
  guint             paginated : 1;
};

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

/* Text */

static void
text_free (gpointer data)
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
static Text *
text_new (TpWorksheetLayout *self,
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

/* Cells and rows */

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  text_free (cell->text);
  text_free (cell->number);
  g_clear_pointer (&cell->chips, g_ptr_array_unref);
  g_free (cell->chip_x);
  g_free (cell->chip_y);
  g_free (cell->chip_bottom);
  g_array_unref (cell->bottoms);
  g_free (cell);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_ptr_array_unref (row->cells);
  g_clear_pointer (&row->stops, g_array_unref);
  g_free (row);
}

static Row *
add_row (TpWorksheetLayout *self,
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

static Cell *
add_cell (Row         *row,
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

static double
cell_inner_width (Cell *cell)
{
  return cell->width - 2 * cell->pad;
}

static void
add_bottom (Cell   *cell,
            double  bottom)
{
  g_array_append_val (cell->bottoms, bottom);
}

static Cell *
add_text_cell (TpWorksheetLayout *self,
               Row               *row,
               double             x,
               double             width,
               double             pad,
               const char        *string,
               const Style       *style)
{
  Cell *cell = add_cell (row, CONTENT_TEXT, x, width, pad);

  cell->text = text_new (self, string, style, cell_inner_width (cell));
  for (guint i = 0; i < cell->text->n_lines; i++)
    add_bottom (cell, cell->text->bottom[i]);

  return cell;
}

static Cell *
add_lines_cell (Row    *row,
                double  x,
                double  width,
                double  pad,
                guint   n_lines)
{
  Cell *cell = add_cell (row, CONTENT_LINES, x, width, pad);

  cell->n = n_lines;
  cell->pitch = LINE_PITCH;
  for (guint i = 1; i <= n_lines; i++)
    add_bottom (cell, i * LINE_PITCH);

  return cell;
}

static Cell *
add_squares_cell (Row                   *row,
                  double                 x,
                  double                 width,
                  double                 pad,
                  double                 top,
                  const TpWorksheetCell *squares,
                  guint                  n)
{
  Cell *cell = add_cell (row, CONTENT_SQUARES, x, width, pad);

  g_assert (n >= 1 && n <= TP_WORKSHEET_N_PERIODS);

  cell->n = n;
  cell->top = top;
  if (squares != NULL)
    memcpy (cell->squares, squares, n * sizeof (TpWorksheetCell));
  add_bottom (cell, top + SQUARE_SIZE + 1);

  return cell;
}

static Cell *
add_chips_cell (TpWorksheetLayout *self,
                Row               *row,
                double             x,
                double             width,
                GPtrArray         *words)
{
  Cell *cell = add_cell (row, CONTENT_CHIPS, x, width, 0);
  double cx = 0, cy = 0, row_height = 0;
  guint row_start = 0;

  cell->chips = g_ptr_array_new_with_free_func (text_free);
  cell->chip_x = g_new0 (double, words->len);
  cell->chip_y = g_new0 (double, words->len);
  cell->chip_bottom = g_new0 (double, words->len);

  for (guint i = 0; i < words->len; i++)
    {
      Text *text = text_new (self, g_ptr_array_index (words, i), &style_chip,
                             width - 2 * CHIP_PAD_X);
      double w = text->width + 2 * CHIP_PAD_X;
      double h = text->height + 2 * CHIP_PAD_Y;

      if (cx > 0 && cx + w > width)
        {
          for (guint j = row_start; j < i; j++)
            cell->chip_bottom[j] = cy + row_height;
          add_bottom (cell, cy + row_height);
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
  add_bottom (cell, cy + row_height);

  return cell;
}

static Cell *
add_boxes_cell (Row    *row,
                double  x,
                double  width,
                guint   n)
{
  Cell *cell = add_cell (row, CONTENT_BOXES, x, width, 0);

  cell->n = n;
  add_bottom (cell, BOX_HEIGHT);

  return cell;
}

static Cell *
add_rule_cell (Row         *row,
               double       x,
               double       width,
               double       thickness,
               const Color *color)
{
  Cell *cell = add_cell (row, CONTENT_RULE, x, width, 0);

  cell->pitch = thickness;
  cell->color = color;
  add_bottom (cell, thickness);

  return cell;
}

static Cell *
add_bar_cell (Row    *row,
              double  x)
{
  Cell *cell = add_cell (row, CONTENT_BAR, x, 3, 0);

  cell->color = &accent;

  return cell;
}

static Cell *
add_stat_cell (TpWorksheetLayout *self,
               Row               *row,
               double             x,
               double             width,
               const char        *number,
               const char        *label)
{
  Cell *cell = add_cell (row, CONTENT_STAT, x, width, STAT_PAD);
  double height;

  cell->boxed = TRUE;
  if (number != NULL)
    cell->number = text_new (self, number, &style_stat_number, cell_inner_width (cell));
  cell->text = text_new (self, label, &style_stat_label, cell_inner_width (cell));

  height = STAT_PAD + (cell->number != NULL ? cell->number->height : STAT_BLANK_HEIGHT)
           + 4 + cell->text->height + STAT_PAD;
  add_bottom (cell, height);

  return cell;
}

/* Moves a cell's content down by @top. */
static void
cell_set_top (Cell   *cell,
              double  top)
{
  double delta = top - cell->top;

  for (guint i = 0; i < cell->bottoms->len; i++)
    g_array_index (cell->bottoms, double, i) += delta;
  cell->top = top;
}

static double
cell_first_line_height (Cell *cell)
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

static double
row_stop (Row   *row,
          guint  index)
{
  return g_array_index (row->stops, double, index);
}

static double
piece_height (Row   *row,
              guint  from,
              guint  to)
{
  return row->pad_top + row_stop (row, to) - row_stop (row, from) + row->pad_bottom;
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

  return piece_height (row, 0, row_can_split (row) ? MIN (row->min_first, n) : n);
}

/* Building blocks of the worksheets */

static Row *
add_paragraph (TpWorksheetLayout *self,
               double             x,
               const char        *string,
               const Style       *style,
               double             space_before)
{
  Row *row = add_row (self, space_before);

  add_text_cell (self, row, x, self->width - x, 0, string, style);

  return row;
}

static gboolean
is_empty (const char *string)
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

static const char *
business_name (TpWorksheetLayout *self)
{
  return is_empty (self->data->business_name) ? NULL : self->data->business_name;
}

static char *
format_date (GDateTime *time)
{
  /* Translators: a day as in "28 November 2026"; see g_date_time_format() */
  return g_date_time_format (time, _("%-d %B %Y"));
}

static char *
format_month (GDateTime *time)
{
  /* Translators: a month as in "November 2026"; see g_date_time_format() */
  return g_date_time_format (time, _("%B %Y"));
}

/* A label sitting on a writing line, for the blank headers. */
static void
add_fill_in (TpWorksheetLayout *self,
             Row               *row,
             double             x,
             double             width,
             const char        *label,
             const Style       *style)
{
  Cell *cell = add_text_cell (self, row, x, width * 0.6, 0, label, style);
  double label_width = cell->text->width + 8;

  cell_set_top (cell, LINE_PITCH - cell->text->baseline[0] - 3);
  add_lines_cell (row, x + label_width, width - label_width, 0, 1);
}

static void
add_header (TpWorksheetLayout *self,
            const char        *intro)
{
  const char *title = tp_worksheet_kind_get_title (self->kind);
  g_autofree char *eyebrow = NULL;
  Row *row;

  eyebrow = g_utf8_strup (business_name (self) != NULL ? business_name (self) : "Touchpoint", -1);
  row = add_paragraph (self, 0, eyebrow, &style_eyebrow, 0);
  row->keep_with_next = TRUE;

  row = add_paragraph (self, 0, title, &style_title, 2);
  row->keep_with_next = TRUE;

  if (intro != NULL)
    {
      row = add_paragraph (self, 0, intro, &style_intro, 6);
      row->keep_with_next = TRUE;
    }
}

/* Ends the header: in a blank sheet, lines for the business and a date
 * (or @second_label); in a filled one, the date it was printed if
 * @show_date; then the accent rule. */
static void
add_header_end (TpWorksheetLayout *self,
                const char        *second_label,
                gboolean           show_date)
{
  Row *row;

  if (self->blank)
    {
      const char *label = second_label != NULL ? second_label : _("Date");

      /* The business's name is already on the sheet when it is known. */
      row = add_row (self, 4);
      if (business_name (self) == NULL)
        {
          add_fill_in (self, row, 0, self->width * 0.58, _("Business"), &style_meta);
          add_fill_in (self, row, self->width * 0.64, self->width * 0.36, label, &style_meta);
        }
      else
        {
          add_fill_in (self, row, 0, self->width * 0.36, label, &style_meta);
        }
      row->keep_with_next = TRUE;
    }
  else if (show_date)
    {
      g_autofree char *date = format_date (self->data->month);
      /* Translators: %s is a date as in "28 November 2026" */
      g_autofree char *meta = g_strdup_printf (_("Filled in from Touchpoint on %s"), date);

      row = add_paragraph (self, 0, meta, &style_meta, 8);
      row->keep_with_next = TRUE;
    }

  row = add_row (self, 10);
  add_rule_cell (row, 0, self->width, 1.5, &accent);
}

static void
add_section (TpWorksheetLayout *self,
             const char        *heading,
             const char        *method)
{
  g_autofree char *number = g_strdup_printf ("%u", ++self->section);
  Row *row = add_row (self, SECTION_SPACE);
  Cell *badge;
  Cell *text;
  double line;

  badge = add_cell (row, CONTENT_BADGE, 0, BADGE_SIZE, 0);
  badge->text = text_new (self, number, &style_badge, BADGE_SIZE);
  add_bottom (badge, BADGE_SIZE);

  text = add_text_cell (self, row, INDENT, self->width - INDENT, 0, heading, &style_heading);
  line = cell_first_line_height (text);
  if (line < BADGE_SIZE)
    cell_set_top (text, (BADGE_SIZE - line) / 2);
  else
    cell_set_top (badge, (line - BADGE_SIZE) / 2);
  row->keep_with_next = TRUE;

  row = add_paragraph (self, INDENT, method, &style_method, 2);
  row->keep_with_next = TRUE;
}

static Row *
add_label (TpWorksheetLayout *self,
           const char        *label,
           double             space_before)
{
  Row *row = add_paragraph (self, INDENT, label, &style_label, space_before);

  row->keep_with_next = TRUE;

  return row;
}

/* The answer to a question: the text, or lines to write it on when the
 * sheet is blank or nothing is written down yet. */
static void
add_answer (TpWorksheetLayout *self,
            const char        *answer,
            const Style       *style,
            guint              n_lines,
            double             space_before)
{
  Row *row;

  if (!self->blank && !is_empty (answer))
    {
      add_paragraph (self, INDENT, answer, style, space_before);
      return;
    }

  row = add_row (self, space_before > 0 ? space_before - 6 : 0);
  add_lines_cell (row, INDENT, self->width - INDENT, 0, n_lines);
  row->min_first = row->min_last = 1;
}

static void
add_word_boxes (TpWorksheetLayout *self,
                guint              n)
{
  Row *row = add_row (self, 8);

  add_boxes_cell (row, INDENT, self->width - INDENT, n);
}

static void
add_brand_words (TpWorksheetLayout *self,
                 gboolean           with_examples)
{
  Row *row;

  if (!self->blank && self->data->brand_words->len > 0)
    {
      row = add_row (self, 8);
      add_chips_cell (self, row, INDENT, self->width - INDENT, self->data->brand_words);
      row->min_first = row->min_last = 1;
      return;
    }

  add_word_boxes (self, 5);

  if (with_examples)
    add_paragraph (self, INDENT,
                   _("For example: playful, bold, buttoned-up, warm, expert, down-to-earth, "
                     "premium, quirky, calm, generous"),
                   &style_hint, 6);
}

typedef struct
{
  guint   n;
  double  x[6];
  double  w[6];
  Row    *header;
} Table;

static void
table_begin (TpWorksheetLayout  *self,
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

  table->header = add_row (self, space_before);
  table->header->grid = TRUE;
  table->header->header = TRUE;
  table->header->keep_with_next = TRUE;
  table->header->pad_top = table->header->pad_bottom = CELL_PAD_Y;
  for (guint i = 0; i < n; i++)
    add_text_cell (self, table->header, table->x[i], table->w[i], CELL_PAD_X,
                   titles[i], &style_head_cell);
}

static Row *
table_row (TpWorksheetLayout *self,
           Table             *table)
{
  Row *row = add_row (self, 0);

  row->grid = TRUE;
  row->table_header = table->header;
  row->pad_top = row->pad_bottom = CELL_PAD_Y;

  return row;
}

static void
table_text (TpWorksheetLayout *self,
            Table             *table,
            Row               *row,
            guint              column,
            const char        *text,
            const Style       *style)
{
  g_assert (column < table->n);

  if (!is_empty (text))
    add_text_cell (self, row, table->x[column], table->w[column], CELL_PAD_X, text, style);
  else
    add_cell (row, CONTENT_TEXT, table->x[column], table->w[column], CELL_PAD_X);
}

/* A row of empty cells, each with @n_lines writing lines. */
static Row *
table_blank_row (TpWorksheetLayout *self,
                 Table             *table,
                 guint              n_lines)
{
  Row *row = table_row (self, table);

  /* The line pitch already leaves room to write above each line. */
  row->pad_top = 0;
  row->pad_bottom = 4;
  for (guint j = 0; j < table->n; j++)
    add_lines_cell (row, table->x[j], table->w[j], CELL_PAD_X, n_lines);

  return row;
}

static void
table_lines (Table *table,
             Row   *row,
             guint  column,
             guint  n_lines)
{
  g_assert (column < table->n);

  add_lines_cell (row, table->x[column], table->w[column], CELL_PAD_X, n_lines);
}

/* Brand */

static void
build_brand (TpWorksheetLayout *self)
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

  add_header (self,
              _("A brand sets you apart: how you come across, the words other people use "
                "about you, and where you stand against each competitor."));
  add_header_end (self, NULL, TRUE);

  add_section (self, _("Personality"),
               _("Pick three to five words for how your business should feel to a customer. "
                 "Playful? Bold? Buttoned-up?"));
  add_brand_words (self, self->blank || data->brand_words->len == 0);

  add_section (self, _("The words friends use"),
               _("Ask a few friends and customers to describe you in three words, and write "
                 "down exactly what they say, not what you hoped to hear."));
  add_answer (self, data->friends_words, &style_body, 3, 8);

  add_section (self, _("Positioning"),
               _("Complete the sentence: for [who], we are the [what] that [benefit], unlike "
                 "[competitor]."));
  add_answer (self, data->positioning, &style_body, 4, 8);

  add_section (self, _("What sets you apart"),
               _("List what you do that competitors do not: something a customer would "
                 "notice and tell a friend about."));
  add_answer (self, data->differentiators, &style_body, 4, 8);

  add_section (self, _("Tagline"),
               _("Your positioning in fewer than ten words that a customer could repeat."));
  add_answer (self, data->tagline, &style_tagline, 2, 8);

  add_section (self, _("Competitors"),
               _("Write how each competitor positions itself, what it does well and where it "
                 "falls short. Your place is the gap between them."));
  table_begin (self, &table, titles, fractions, G_N_ELEMENTS (titles), 10);

  /* The owner's own line first, so the grid reads against it. */
  row = table_row (self, &table);
  row->fill = TRUE;
  table_text (self, &table, row, 0, C_("competitor grid", "You"), &style_cell_strong);
  if (!self->blank && !is_empty (data->positioning))
    table_text (self, &table, row, 1, data->positioning, &style_cell);
  else
    table_lines (&table, row, 1, 3);
  if (!self->blank && !is_empty (data->differentiators))
    table_text (self, &table, row, 2, data->differentiators, &style_cell);
  else
    table_lines (&table, row, 2, 3);
  table_lines (&table, row, 3, 3);

  if (!self->blank && data->competitors->len > 0)
    {
      for (guint i = 0; i < data->competitors->len; i++)
        {
          TpWorksheetCompetitor *competitor = g_ptr_array_index (data->competitors, i);

          row = table_row (self, &table);
          table_text (self, &table, row, 0, competitor->name, &style_cell_strong);
          table_text (self, &table, row, 1, competitor->positioning, &style_cell);
          table_text (self, &table, row, 2, competitor->strengths, &style_cell);
          table_text (self, &table, row, 3, competitor->weaknesses, &style_cell);
        }

      /* Room for the one that comes up at the table. */
      table_blank_row (self, &table, 2);
    }
  else
    {
      for (guint i = 0; i < 4; i++)
        table_blank_row (self, &table, 3);
    }
}

/* Audience */

static char *
format_cadence (guint           count,
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

  table_begin (self, &table, titles, fractions, G_N_ELEMENTS (titles), 10);

  if (audience != NULL && audience->places->len > 0)
    {
      for (guint i = 0; i < audience->places->len; i++)
        {
          TpWorksheetPlace *place = g_ptr_array_index (audience->places, i);

          row = table_row (self, &table);
          table_text (self, &table, row, 0, tp_place_kind_get_label (place->kind), &style_cell);
          table_text (self, &table, row, 1, place->name, &style_cell_strong);
          table_text (self, &table, row, 2, place->link, &style_cell);
          table_text (self, &table, row, 3, place->notes, &style_cell);
        }
      return;
    }

  for (guint i = 0; i < 4; i++)
    table_blank_row (self, &table, 1);
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

  table_begin (self, &table, titles, fractions, G_N_ELEMENTS (titles), 10);

  for (guint i = 0; audience != NULL && i < audience->tactics->len; i++)
    {
      TpWorksheetTactic *tactic = g_ptr_array_index (audience->tactics, i);
      g_autofree char *cadence = NULL;

      if (!tactic->active)
        continue;

      cadence = format_cadence (tactic->cadence_count, tactic->cadence_period);
      row = table_row (self, &table);
      table_text (self, &table, row, 0, tactic->name, &style_cell_strong);
      table_text (self, &table, row, 1, tp_channel_get_label (tactic->channel), &style_cell);
      table_text (self, &table, row, 2, cadence, &style_cell);
      n_rows++;
    }

  for (guint i = n_rows; i < (n_rows == 0 ? 3 : 0); i++)
    table_blank_row (self, &table, 1);
}

static void
build_audience_page (TpWorksheetLayout   *self,
                     TpWorksheetAudience *audience)
{
  /* A blank sheet runs over two pages anyway: more room to write. */
  guint extra = audience == NULL ? 1 : 0;
  Row *row;

  self->section = 0;

  add_header (self,
              _("Not everyone is your audience. Describe one group of people as if it were "
                "a single person you know well."));

  if (audience != NULL)
    {
      g_autofree char *date = format_date (self->data->month);
      g_autofree char *meta = NULL;

      if (audience->is_primary)
        /* Translators: %s is a date as in "28 November 2026" */
        meta = g_strdup_printf (_("Your primary audience · Filled in from Touchpoint on %s"), date);
      else
        /* Translators: %s is a date as in "28 November 2026" */
        meta = g_strdup_printf (_("Filled in from Touchpoint on %s"), date);

      row = add_paragraph (self, 0, audience->name, &style_name, 10);
      row->keep_with_next = TRUE;
      row = add_paragraph (self, 0, meta, &style_meta, 4);
      row->keep_with_next = TRUE;
    }
  else
    {
      row = add_row (self, 4);
      add_fill_in (self, row, 0, self->width, _("Audience"), &style_meta);
      row->keep_with_next = TRUE;
    }
  add_header_end (self, NULL, FALSE);

  add_section (self, _("Who they are"),
               _("Their situation, age and work, and the moment that makes them need what "
                 "you sell."));
  add_answer (self, audience != NULL ? audience->who : NULL, &style_body, 3 + extra, 8);

  add_section (self, _("What they look like"),
               _("What would you notice about them in a shop, online or at an event?"));
  add_answer (self, audience != NULL ? audience->looks_like : NULL, &style_body, 2 + extra, 8);

  add_section (self, _("What they need"),
               _("The problem they want solved, in their own words, and what holds them back "
                 "from buying."));
  add_answer (self, audience != NULL ? audience->needs : NULL, &style_body, 3 + extra, 8);

  add_section (self, _("What to say to them"),
               _("One message that answers that need, in words they would use themselves."));
  add_answer (self, audience != NULL ? audience->message : NULL, &style_body, 2 + extra, 8);

  add_section (self, _("Where they spend time"),
               _("Forums, online groups, social networks, events, and businesses that already "
                 "serve the same people."));
  add_audience_places (self, audience);

  add_section (self, _("Tactics that reach them"),
               _("The few things you repeat to reach these people, and how often you do "
                 "them."));
  add_audience_tactics (self, audience);
}

/* Plan */

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
  Row *row = add_row (self, 6);
  double x = INDENT;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      Cell *text;
      double line;

      add_squares_cell (row, x, SQUARE_SIZE + 4, 0, 0, &kinds[i], 1);
      text = add_text_cell (self, row, x + SQUARE_SIZE + 5,
                            MAX (self->width - x - SQUARE_SIZE - 5, 10), 0,
                            labels[i], &style_legend);
      line = cell_first_line_height (text);
      if (line > SQUARE_SIZE)
        {
          Cell *square = g_ptr_array_index (row->cells, row->cells->len - 2);

          cell_set_top (square, (line - SQUARE_SIZE) / 2);
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

  table_begin (self, &table, titles, fractions, G_N_ELEMENTS (titles), 10);

  for (guint i = 0; !self->blank && i < data->tactics->len; i++)
    {
      TpWorksheetTactic *tactic = g_ptr_array_index (data->tactics, i);
      g_autofree char *cadence = NULL;
      g_autofree char *streak = NULL;
      Cell *name;

      if (!tactic->active)
        continue;

      cadence = format_cadence (tactic->cadence_count, tactic->cadence_period);
      streak = format_streak (tactic->streak, tactic->cadence_period);
      row = table_row (self, &table);
      table_text (self, &table, row, 0, tactic->name, &style_cell_strong);
      table_text (self, &table, row, 1, tp_channel_get_label (tactic->channel), &style_cell);
      table_text (self, &table, row, 2, cadence, &style_cell);
      name = g_ptr_array_index (row->cells, 0);
      add_squares_cell (row, table.x[3], table.w[3], CELL_PAD_X,
                        MAX (0, (cell_first_line_height (name) - SQUARE_SIZE) / 2),
                        tactic->cells, TP_WORKSHEET_N_PERIODS);
      table_text (self, &table, row, 4, streak, &style_cell);
      n_rows++;
    }

  for (guint i = n_rows; i < (n_rows == 0 ? 4 : 0); i++)
    {
      Cell *squares;

      /* Tick boxes instead of a line in the consistency column. */
      row = table_blank_row (self, &table, 1);
      squares = g_ptr_array_index (row->cells, 3);
      squares->kind = CONTENT_SQUARES;
      squares->n = TP_WORKSHEET_N_PERIODS;
      g_array_set_size (squares->bottoms, 0);
      cell_set_top (squares, LINE_PITCH - SQUARE_SIZE - 4);
      add_bottom (squares, squares->top + SQUARE_SIZE + 1);
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
      row = add_row (self, 8);
      row->pad_top = row->pad_bottom = 3;
      add_bar_cell (row, INDENT);
      add_text_cell (self, row, INDENT + 10, self->width - INDENT - 10, 0, warning, &style_warning);
    }

  add_legend (self);
}

static void
add_plan_figures (TpWorksheetLayout *self)
{
  TpWorksheetData *data = self->data;
  g_autofree char *month = format_month (data->month);
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

  row = add_row (self, 10);
  add_stat_cell (self, row, INDENT, card, band, _("touches before most first purchases"));
  add_stat_cell (self, row, INDENT + card + gap, card, touches, touches_label);
  add_stat_cell (self, row, INDENT + 2 * (card + gap), card, first_purchases, purchases_label);
}

static void
build_plan (TpWorksheetLayout *self)
{
  TpWorksheetData *data = self->data;
  TpWorksheetAudience *audience = NULL;
  g_autofree char *month = format_month (data->month);
  Row *row;

  add_header (self, NULL);

  if (!self->blank)
    {
      /* Translators: %s is a month as in "November 2026" */
      g_autofree char *meta = g_strdup_printf (_("The plan for %s"), month);

      if (!is_empty (data->tagline))
        {
          row = add_paragraph (self, 0, data->tagline, &style_tagline, 6);
          row->keep_with_next = TRUE;
        }
      row = add_paragraph (self, 0, meta, &style_meta, 8);
      row->keep_with_next = TRUE;
    }
  add_header_end (self, _("Month"), FALSE);

  if (!self->blank)
    {
      audience = tp_worksheet_data_get_primary_audience (data);
      if (audience == NULL && data->audiences->len > 0)
        audience = g_ptr_array_index (data->audiences, 0);
    }

  add_section (self, _("Who it is for"),
               _("One primary audience: the people you plan around first."));
  if (audience != NULL)
    {
      row = add_paragraph (self, INDENT, audience->name, &style_label, 8);
      row->keep_with_next = TRUE;
      add_answer (self, audience->who, &style_body, 2, 2);

      if (!is_empty (audience->message))
        {
          add_label (self, _("What to say to them"), 8);
          add_answer (self, audience->message, &style_body, 2, 2);
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
          add_paragraph (self, INDENT, where, &style_hint, 6);
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
          row = add_row (self, 2);
          add_fill_in (self, row, INDENT, self->width - INDENT, labels[i], &style_label);
          row->keep_with_next = i + 1 < G_N_ELEMENTS (labels);
        }
    }

  add_section (self, _("How you come across"),
               _("The personality words and the positioning that every touch should carry."));
  add_brand_words (self, FALSE);
  add_label (self, _("Positioning"), 10);
  add_answer (self, data->positioning, &style_body, 2, 2);

  add_section (self, _("What you repeat"),
               _("Three or four tactics on a steady cadence: focus beats variety."));
  add_plan_tactics (self);

  add_section (self, _("Touches this month"),
               _("Most sales come after 5 to 12 touches. Not buying the first time is normal: "
                 "the answer is the next touch."));
  add_plan_figures (self);

  if (!self->blank)
    {
      add_section (self, _("What worked"),
                   _("What each tactic and place brought this month: keep what brings "
                     "customers in, drop what does not."));
      if (data->findings->len == 0)
        add_paragraph (self, INDENT, _("Nothing to tell yet: log touches with their tactic and "
                                       "place, and the orders that follow."), &style_body, 4);
      for (guint i = 0; i < data->findings->len; i++)
        add_paragraph (self, INDENT, g_ptr_array_index (data->findings, i), &style_body, 3);
    }
}

/* Pagination */

static double
content_height (TpWorksheetLayout *self)
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

  while (to < n && piece_height (row, from, to + 1) <= available)
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
      need += piece_height (row, 0, row_n_units (row));
    }

  return y + need <= content_height (self);
}

static void
paginate_rows (TpWorksheetLayout *self,
               guint              first)
{
  double bottom = content_height (self);
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
              y = piece_height (header, 0, row_n_units (header));
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
              y += space + piece_height (row, from, to);
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
      build_brand (self);
      break;

    case TP_WORKSHEET_KIND_AUDIENCE:
      build_audience_page (self, audience);
      break;

    case TP_WORKSHEET_KIND_PLAN:
    default:
      build_plan (self);
      break;
    }
}

/* Measures the rows from @first on and sets how they may break. */
static void
finish_rows (TpWorksheetLayout *self,
             guint              first)
{
  for (guint i = first; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      finish_row (row);

      /* A table row shorter than a quarter page moves whole to the next
       * page rather than leaving a few lines of each cell behind. */
      if (row->grid && piece_height (row, 0, row_n_units (row)) <= content_height (self) / 4)
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

      total = piece_height (header, 0, row_n_units (header));
      while (last + 1 < self->rows->len)
        {
          Row *next = g_ptr_array_index (self->rows, last + 1);

          if (next->table_header != header)
            break;
          total += piece_height (next, 0, row_n_units (next));
          last++;
        }

      if (total <= content_height (self) / 3)
        {
          for (guint j = i; j < last; j++)
            ((Row *)g_ptr_array_index (self->rows, j))->keep_with_next = TRUE;
        }
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
      finish_rows (self, first_row);
      paginate_rows (self, first_row);

      if (!one_page || self->pages->len - first_page <= 1)
        break;

      g_ptr_array_set_size (self->pages, first_page);
      g_ptr_array_set_size (self->rows, first_row);

      if (i + 1 == G_N_ELEMENTS (scales))
        {
          self->scale = 1.0;
          build_contents (self, audience);
          finish_rows (self, first_row);
          paginate_rows (self, first_row);
        }
    }

  self->scale = 1.0;
}

/* Painting */

static void
set_color (cairo_t     *cr,
           const Color *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
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
  double inner = cell_inner_width (cell);
  double top = y - from + cell->top;

  /* Text leaves a current point behind; arcs must not join it. */
  cairo_new_path (cr);

  if (cell->boxed)
    {
      rounded_rectangle (cr, x + 0.5, piece_top + 0.5, cell->width - 1, piece_height - 1, 6);
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

          rounded_rectangle (cr, cx + 0.4, cy + 0.4, text->width + 2 * CHIP_PAD_X - 0.8,
                             height - 0.8, height / 2);
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
              rounded_rectangle (cr, x + i * (width + BOX_GAP) + 0.4, top + 0.4,
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
  double from = row_stop (row, piece->from);
  double to = row_stop (row, piece->to);
  double top = self->margin_top + piece->y;
  double height = piece_height (row, piece->from, piece->to);
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

/* GObject */

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
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  self->footers = g_ptr_array_new_with_free_func (text_free);

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
  name = business_name (self);
  if (name == NULL)
    name = tp_worksheet_kind_get_title (self->kind);

  for (guint i = 0; i < n_pages; i++)
    {
      /* Translators: the page number in the footer of a printed worksheet */
      g_autofree char *number = g_strdup_printf (_("Page %u of %u"), i + 1, n_pages);
      Text *right = text_new (self, number, &style_footer_right, self->width * 0.3);
      Text *left = text_new (self, name, &style_footer, self->width * 0.65);

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

  footer_top = self->margin_top + content_height (self) + FOOTER_SPACE - 18;
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

/* PDF */

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_cb (void                *user_data,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *closure = user_data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (closure->stream, data, length, NULL, NULL, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/**
 * tp_worksheet_layout_write_pdf:
 * @self: a #TpWorksheetLayout
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes every page to a PDF file, paginating first if needed. The file
 * is replaced only once the whole PDF is written.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_worksheet_layout_write_pdf (TpWorksheetLayout  *self,
                               const char         *path,
                               GError            **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort = NULL;
  WriteClosure closure = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (TP_IS_WORKSHEET_LAYOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->paginated)
    tp_worksheet_layout_paginate (self, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;

  closure.stream = G_OUTPUT_STREAM (stream);
  surface = cairo_pdf_surface_create_for_stream (write_cb, &closure,
                                                 self->page_width, self->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  tp_worksheet_kind_get_title (self->kind));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Touchpoint");

  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      tp_worksheet_layout_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (closure.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      /* Closing with a cancelled cancellable leaves the old file as it was. */
      abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);

      if (closure.error != NULL)
        g_propagate_error (error, closure.error);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     /* Translators: the first %s is a file name, the second what went wrong */
                     _("Could not write the PDF “%s”: %s"),
                     path, cairo_status_to_string (status));
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

/**
 * tp_worksheet_export_pdf:
 * @data: what the worksheet shows
 * @kind: which worksheet
 * @audience_id: for the audience worksheet, the audience to show, or 0
 *   for every audience
 * @blank: %TRUE for a blank worksheet with room to write by hand
 * @paper: the paper size
 * @path: the PDF file to write
 * @error: return location for a #GError
 *
 * Lays a worksheet out with the default margins and writes it to a PDF.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_worksheet_export_pdf (TpWorksheetData   *data,
                         TpWorksheetKind    kind,
                         gint64             audience_id,
                         gboolean           blank,
                         TpWorksheetPaper   paper,
                         const char        *path,
                         GError           **error)
{
  g_autoptr(TpWorksheetLayout) layout = NULL;
  double width, height;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  layout = tp_worksheet_layout_new (data, kind, blank);
  tp_worksheet_layout_set_audience (layout, audience_id);
  tp_worksheet_paper_get_size (paper, &width, &height);
  tp_worksheet_layout_set_page_size (layout, width, height);

  return tp_worksheet_layout_write_pdf (layout, path, error);
}
