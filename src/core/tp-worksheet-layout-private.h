/* tp-worksheet-layout-private.h
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

#pragma once

#include <pango/pango.h>

#include "tp-worksheet-layout.h"

G_BEGIN_DECLS

/*
 * What the files of TpWorksheetLayout share: the measures, colours and
 * type styles of the printed worksheets (written once, here), the rows
 * and cells the page-flow engine lays out, the layout's struct, and the
 * functions one file calls in another.
 *
 *   tp-worksheet-layout.c           the object: settings, paginate(), parts
 *   tp-worksheet-flow.c             page-flow engine: text, cells, rows, pages
 *   tp-worksheet-paint.c            painting a page onto any cairo_t
 *   tp-worksheet-blocks.c           header, sections, answers, tables
 *   tp-worksheet-brand-sheet.c      what the brand worksheet says
 *   tp-worksheet-audience-sheet.c   what an audience worksheet says
 *   tp-worksheet-plan-sheet.c       what the plan says, "What worked" included
 *   tp-worksheet-pdf.c              PDF output
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

typedef struct
{
  guint   n;
  double  x[6];
  double  w[6];
  Row    *header;
} Table;

/* tp-worksheet-flow.c */
void        _tp_worksheet_text_free              (gpointer data);
Text       *_tp_worksheet_text_new               (TpWorksheetLayout *self,
                                                  const char        *string,
                                                  const Style       *style,
                                                  double             width);
void        _tp_worksheet_row_free               (gpointer data);
Row        *_tp_worksheet_add_row                (TpWorksheetLayout *self,
                                                  double             space_before);
Cell       *_tp_worksheet_add_cell               (Row         *row,
                                                  ContentKind  kind,
                                                  double       x,
                                                  double       width,
                                                  double       pad);
double      _tp_worksheet_cell_inner_width       (Cell *cell);
void        _tp_worksheet_cell_add_bottom        (Cell   *cell,
                                                  double  bottom);
Cell       *_tp_worksheet_add_text_cell          (TpWorksheetLayout *self,
                                                  Row               *row,
                                                  double             x,
                                                  double             width,
                                                  double             pad,
                                                  const char        *string,
                                                  const Style       *style);
Cell       *_tp_worksheet_add_lines_cell         (Row    *row,
                                                  double  x,
                                                  double  width,
                                                  double  pad,
                                                  guint   n_lines);
Cell       *_tp_worksheet_add_squares_cell       (Row                   *row,
                                                  double                 x,
                                                  double                 width,
                                                  double                 pad,
                                                  double                 top,
                                                  const TpWorksheetCell *squares,
                                                  guint                  n);
Cell       *_tp_worksheet_add_chips_cell         (TpWorksheetLayout *self,
                                                  Row               *row,
                                                  double             x,
                                                  double             width,
                                                  GPtrArray         *words);
Cell       *_tp_worksheet_add_boxes_cell         (Row    *row,
                                                  double  x,
                                                  double  width,
                                                  guint   n);
Cell       *_tp_worksheet_add_rule_cell          (Row         *row,
                                                  double       x,
                                                  double       width,
                                                  double       thickness,
                                                  const Color *color);
Cell       *_tp_worksheet_add_bar_cell           (Row    *row,
                                                  double  x);
Cell       *_tp_worksheet_add_stat_cell          (TpWorksheetLayout *self,
                                                  Row               *row,
                                                  double             x,
                                                  double             width,
                                                  const char        *number,
                                                  const char        *label);
void        _tp_worksheet_cell_set_top           (Cell   *cell,
                                                  double  top);
double      _tp_worksheet_cell_first_line_height (Cell *cell);
double      _tp_worksheet_row_stop               (Row   *row,
                                                  guint  index);
double      _tp_worksheet_piece_height           (Row   *row,
                                                  guint  from,
                                                  guint  to);
double      _tp_worksheet_content_height         (TpWorksheetLayout *self);
void        _tp_worksheet_paginate_rows          (TpWorksheetLayout *self,
                                                  guint              first);
void        _tp_worksheet_finish_rows            (TpWorksheetLayout *self,
                                                  guint              first);

/* tp-worksheet-blocks.c */
Row        *_tp_worksheet_add_paragraph          (TpWorksheetLayout *self,
                                                  double             x,
                                                  const char        *string,
                                                  const Style       *style,
                                                  double             space_before);
gboolean    _tp_worksheet_is_empty               (const char *string);
const char *_tp_worksheet_business_name          (TpWorksheetLayout *self);
char       *_tp_worksheet_format_date            (GDateTime *time);
char       *_tp_worksheet_format_month           (GDateTime *time);
void        _tp_worksheet_add_fill_in            (TpWorksheetLayout *self,
                                                  Row               *row,
                                                  double             x,
                                                  double             width,
                                                  const char        *label,
                                                  const Style       *style);
void        _tp_worksheet_add_header             (TpWorksheetLayout *self,
                                                  const char        *intro);
void        _tp_worksheet_add_header_end         (TpWorksheetLayout *self,
                                                  const char        *second_label,
                                                  gboolean           show_date);
void        _tp_worksheet_add_section            (TpWorksheetLayout *self,
                                                  const char        *heading,
                                                  const char        *method);
Row        *_tp_worksheet_add_label              (TpWorksheetLayout *self,
                                                  const char        *label,
                                                  double             space_before);
void        _tp_worksheet_add_answer             (TpWorksheetLayout *self,
                                                  const char        *answer,
                                                  const Style       *style,
                                                  guint              n_lines,
                                                  double             space_before);
void        _tp_worksheet_add_brand_words        (TpWorksheetLayout *self,
                                                  gboolean           with_examples);
void        _tp_worksheet_table_begin            (TpWorksheetLayout  *self,
                                                  Table              *table,
                                                  const char * const *titles,
                                                  const double       *fractions,
                                                  guint               n,
                                                  double              space_before);
Row        *_tp_worksheet_table_row              (TpWorksheetLayout *self,
                                                  Table             *table);
void        _tp_worksheet_table_text             (TpWorksheetLayout *self,
                                                  Table             *table,
                                                  Row               *row,
                                                  guint              column,
                                                  const char        *text,
                                                  const Style       *style);
Row        *_tp_worksheet_table_blank_row        (TpWorksheetLayout *self,
                                                  Table             *table,
                                                  guint              n_lines);
void        _tp_worksheet_table_lines            (Table *table,
                                                  Row   *row,
                                                  guint  column,
                                                  guint  n_lines);
char       *_tp_worksheet_format_cadence         (guint           count,
                                                  TpCadencePeriod period);

/* tp-worksheet-brand-sheet.c */
void        _tp_worksheet_build_brand            (TpWorksheetLayout *self);

/* tp-worksheet-audience-sheet.c */
void        _tp_worksheet_build_audience         (TpWorksheetLayout   *self,
                                                  TpWorksheetAudience *audience);

/* tp-worksheet-plan-sheet.c */
void        _tp_worksheet_build_plan             (TpWorksheetLayout *self);

G_END_DECLS
