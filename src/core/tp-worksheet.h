/* tp-worksheet.h
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

#include <gio/gio.h>

#include "tp-database.h"
#include "tp-enums.h"

G_BEGIN_DECLS

/* The number of cadence periods the plan worksheet shows per tactic. */
#define TP_WORKSHEET_N_PERIODS 8

typedef enum
{
  TP_WORKSHEET_KIND_BRAND,
  TP_WORKSHEET_KIND_AUDIENCE,
  TP_WORKSHEET_KIND_PLAN,
} TpWorksheetKind;

typedef enum
{
  TP_WORKSHEET_PAPER_A4,
  TP_WORKSHEET_PAPER_LETTER,
} TpWorksheetPaper;

/* How well a tactic kept its cadence in one period. */
typedef enum
{
  TP_WORKSHEET_CELL_MISSED,
  TP_WORKSHEET_CELL_PARTLY,
  TP_WORKSHEET_CELL_DONE,
} TpWorksheetCell;

typedef struct
{
  char *name;
  char *positioning;
  char *strengths;
  char *weaknesses;
} TpWorksheetCompetitor;

typedef struct
{
  TpPlaceKind  kind;
  char        *name;
  char        *link;
  char        *notes;
} TpWorksheetPlace;

typedef struct
{
  char            *name;
  TpChannel        channel;
  guint            cadence_count;
  TpCadencePeriod  cadence_period;
  gboolean         active;
  /* Oldest period first; the last cell is the current period. */
  TpWorksheetCell  cells[TP_WORKSHEET_N_PERIODS];
  /* Periods in a row, up to the current one, in which the cadence was kept. */
  guint            streak;
} TpWorksheetTactic;

typedef struct
{
  gint64      id;
  char       *name;
  char       *who;
  char       *looks_like;
  char       *needs;
  char       *message;
  gboolean    is_primary;
  GPtrArray  *places;  /* TpWorksheetPlace */
  GPtrArray  *tactics; /* TpWorksheetTactic that reach this audience */
} TpWorksheetAudience;

typedef struct
{
  char       *business_name;
  GPtrArray  *brand_words; /* char* */
  char       *friends_words;
  char       *positioning;
  char       *differentiators;
  char       *tagline;
  GPtrArray  *competitors; /* TpWorksheetCompetitor */
  GPtrArray  *audiences;   /* TpWorksheetAudience */
  GPtrArray  *tactics;     /* TpWorksheetTactic, every tactic */
  guint       band_low;
  guint       band_high;
  GDateTime  *month;       /* any time in the month the figures below count */
  guint       month_touches;
  guint       month_first_purchases;
  GPtrArray  *findings;    /* char*: what worked in the month, see tp_results_compute() */

  /*< private >*/
  gatomicrefcount ref_count;
} TpWorksheetData;

#define TP_TYPE_WORKSHEET_DATA (tp_worksheet_data_get_type ())

GType                  tp_worksheet_data_get_type        (void) G_GNUC_CONST;
TpWorksheetData       *tp_worksheet_data_new             (void);
TpWorksheetData       *tp_worksheet_data_ref             (TpWorksheetData      *data);
void                   tp_worksheet_data_unref           (TpWorksheetData      *data);
TpWorksheetCompetitor *tp_worksheet_data_add_competitor  (TpWorksheetData      *data,
                                                          const char           *name,
                                                          const char           *positioning,
                                                          const char           *strengths,
                                                          const char           *weaknesses);
TpWorksheetAudience   *tp_worksheet_data_add_audience    (TpWorksheetData      *data,
                                                          gint64                id,
                                                          const char           *name,
                                                          const char           *who,
                                                          const char           *looks_like,
                                                          const char           *needs,
                                                          const char           *message,
                                                          gboolean              is_primary);
TpWorksheetPlace      *tp_worksheet_audience_add_place   (TpWorksheetAudience  *audience,
                                                          TpPlaceKind           kind,
                                                          const char           *name,
                                                          const char           *link,
                                                          const char           *notes);
TpWorksheetTactic     *tp_worksheet_data_add_tactic      (TpWorksheetData      *data,
                                                          TpWorksheetAudience  *audience,
                                                          const char           *name,
                                                          TpChannel             channel,
                                                          guint                 cadence_count,
                                                          TpCadencePeriod       cadence_period,
                                                          gboolean              active);
TpWorksheetAudience   *tp_worksheet_data_find_audience   (TpWorksheetData      *data,
                                                          gint64                id);
TpWorksheetAudience   *tp_worksheet_data_get_primary_audience (TpWorksheetData *data);
guint                  tp_worksheet_data_count_active_tactics (TpWorksheetData *data);

TpWorksheetData       *tp_worksheet_data_load            (TpDatabase           *db,
                                                          GDateTime            *now,
                                                          GError              **error);
void                   tp_worksheet_data_load_async      (const char           *database_path,
                                                          GDateTime            *now,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
TpWorksheetData       *tp_worksheet_data_load_finish     (GAsyncResult         *result,
                                                          GError              **error);

const char            *tp_worksheet_kind_to_string       (TpWorksheetKind       kind);
gboolean               tp_worksheet_kind_from_string     (const char           *string,
                                                          TpWorksheetKind      *kind);
const char            *tp_worksheet_kind_get_title       (TpWorksheetKind       kind);
gboolean               tp_worksheet_paper_from_string    (const char           *string,
                                                          TpWorksheetPaper     *paper);
void                   tp_worksheet_paper_get_size       (TpWorksheetPaper      paper,
                                                          double               *width,
                                                          double               *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpWorksheetData, tp_worksheet_data_unref)

G_END_DECLS
