/* tp-backup-private.h
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

/*
 * What the files of the backup (tp-backup*.c, map in tp-backup.c) share
 * among themselves, and nobody else: the tables and columns a backup
 * holds, progress, the JSON reader, the restore as it runs, and the
 * functions each file offers the others.
 */

#pragma once

#include <sqlite3.h>

#include "tp-backup.h"
#include "tp-database.h"
#include "tp-schema.h"
#include "tp-store.h"

G_BEGIN_DECLS

/* How many rows an export, a restore or a copy goes between looks at its
 * cancellable */
#define TP_BACKUP_ROWS_PER_CHECK 2048
/* Rows per INSERT: one statement per row costs twice as much */
#define TP_BACKUP_BATCH_ROWS     256

/* tp-backup.c: the tables and columns of a backup */

typedef enum
{
  TP_BACKUP_RULE_NONE,
  TP_BACKUP_RULE_ID,            /* the primary key: ids are recorded for references */
  TP_BACKUP_RULE_DERIVED,       /* kept by triggers: computed, never read */
} TpBackupRule;

typedef enum
{
  TP_BACKUP_UNIQUE_NONE,
  TP_BACKUP_UNIQUE_EXACT,
  TP_BACKUP_UNIQUE_NOCASE,      /* SQLite's NOCASE: ASCII letters fold */
  TP_BACKUP_UNIQUE_WHEN_ONE,    /* at most one row holds 1 */
} TpBackupUnique;

typedef enum
{
  TP_BACKUP_VALUE_MISSING,
  TP_BACKUP_VALUE_NULL,
  TP_BACKUP_VALUE_INT,
  TP_BACKUP_VALUE_TEXT,
} TpBackupValueKind;

typedef struct
{
  char                 *name;
  char                 *json_key;      /* "\"name\":" */
  TpBackupValueKind     default_kind;  /* MISSING: the column is required */
  gint64                default_int;
  char                 *default_text;
  TpBackupRule          rule;
  TpBackupUnique        unique;
  const TpSchemaColumn *schema;        /* its rules; NULL for a column the schema does not know */
  int                   ref_table;     /* where a foreign key points, or -1 */
  char                 *ref_name;      /* the name of that table */
  guint                 is_integer : 1;
  guint                 not_null : 1;
} TpBackupColumn;

typedef struct
{
  char           *name;
  TpBackupColumn *columns;
  guint           n_columns;
  char           *select_sql;
  char           *insert_sql;
} TpBackupTable;

typedef struct
{
  GPtrArray *tables;   /* of TpBackupTable, parents before children */
  guint      max_columns;

  /* What the customer triggers of schema step 1 read and write */
  int customers;
  int touches;
  int orders;
  int c_touch_count, c_last_touch_at, c_first_order_at, c_order_count, c_total_spent;
  int t_customer, t_happened_at, t_done;
  int o_customer, o_ordered_at, o_status, o_amount;
} TpBackupSchema;

void            _tp_backup_schema_free       (TpBackupSchema  *schema);
TpBackupSchema *_tp_backup_schema_load       (sqlite3         *handle,
                                              GError         **error);
TpBackupSchema *_tp_backup_schema_load_model (GError         **error);
int             _tp_backup_schema_find_table (TpBackupSchema  *schema,
                                              const char      *name);
int             _tp_backup_table_find_column (TpBackupTable   *table,
                                              const char      *name);
char           *_tp_backup_quote_identifier  (const char      *name);
gboolean        _tp_backup_set_sqlite_error  (GError         **error,
                                              sqlite3         *handle,
                                              int              rc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpBackupSchema, _tp_backup_schema_free)

/* tp-backup.c: progress, as a part of the whole */

typedef struct
{
  TpBackupProgressFunc  func;
  gpointer              data;
  double                from;
  double                to;
  int                   last_permille;
} TpBackupProgress;

void _tp_backup_progress_report (TpBackupProgress *progress,
                                 double            fraction);
void _tp_backup_progress_range  (TpBackupProgress *progress,
                                 double            from,
                                 double            to);

/* tp-backup-export.c */

gboolean _tp_backup_export_to_stream     (TpDatabase        *db,
                                          TpBackupSchema    *schema,
                                          GOutputStream     *stream,
                                          TpBackupProgress  *progress,
                                          GCancellable      *cancellable,
                                          GError           **error);
gint64   _tp_backup_count_rows_statement (TpDatabase        *db,
                                          TpBackupTable     *table);

/* tp-backup-json.c */

typedef struct
{
  const guchar *data;
  gsize         len;
  gsize         pos;
  guint         line;
  const char   *name;   /* the file, for messages */
} TpBackupReader;

/* A value read, as a row holds it until it is inserted */
typedef struct
{
  TpBackupValueKind  kind;
  gint64             integer;
  GString           *text;
  guint              line;
} TpBackupSlot;

/* What _tp_backup_read_scalar() found */
typedef enum
{
  TP_BACKUP_SCALAR_STRING,
  TP_BACKUP_SCALAR_INTEGER,
  TP_BACKUP_SCALAR_FRACTION,
  TP_BACKUP_SCALAR_TOO_LARGE,
  TP_BACKUP_SCALAR_BOOLEAN,
  TP_BACKUP_SCALAR_NULL,
  TP_BACKUP_SCALAR_CONTAINER,
} TpBackupScalarKind;

static inline void
_tp_backup_skip_space (TpBackupReader *r)
{
  while (r->pos < r->len)
    {
      guchar c = r->data[r->pos];

      if (c == '\n')
        r->line++;
      else if (c != ' ' && c != '\t' && c != '\r')
        break;
      r->pos++;
    }
}

static inline int
_tp_backup_peek (TpBackupReader *r)
{
  _tp_backup_skip_space (r);
  return r->pos < r->len ? r->data[r->pos] : -1;
}

gboolean _tp_backup_fail           (TpBackupReader      *r,
                                    guint                line,
                                    GError             **error,
                                    int                  code,
                                    const char          *format,
                                    ...) G_GNUC_PRINTF (5, 6);
gboolean _tp_backup_fail_file      (TpBackupReader      *r,
                                    GError             **error,
                                    int                  code,
                                    const char          *message);
gboolean _tp_backup_fail_truncated (TpBackupReader      *r,
                                    GError             **error);
char    *_tp_backup_excerpt        (const char          *text);
gboolean _tp_backup_expect         (TpBackupReader      *r,
                                    char                 c,
                                    GError             **error);
gboolean _tp_backup_read_scalar    (TpBackupReader      *r,
                                    GString             *text,
                                    gint64              *integer,
                                    TpBackupScalarKind  *kind,
                                    GError             **error);
gboolean _tp_backup_read_key       (TpBackupReader      *r,
                                    GString             *key,
                                    GError             **error);
gboolean _tp_backup_skip_value     (TpBackupReader      *r,
                                    GError             **error);

/* tp-backup-rows.c, and the restore as it runs */

typedef struct
{
  gint64 id;
  guint  line;
} TpBackupIdLine;

typedef struct
{
  gint64 touch_count;
  gint64 order_count;
  gint64 total_spent;
  char   last_touch_at[TP_SCHEMA_TIME_LENGTH + 1];
  char   first_order_at[TP_SCHEMA_TIME_LENGTH + 1];
} TpBackupFigures;

typedef struct
{
  gboolean     seen;
  gboolean     done;
  gsize        offset;      /* of the '[' of its rows */
  guint        line;
  gsize        end;         /* just after the ']' */
  GArray      *ids;         /* of TpBackupIdLine, sorted by id once done */
  gboolean     ascending;
  GHashTable **uniques;     /* per column, text → line */
} TpBackupTableState;

typedef struct
{
  TpDatabase          *db;
  TpBackupSchema      *schema;
  TpBackupReader       reader;
  GMappedFile         *mapped;
  GBytes              *bytes;
  char                *name;
  GCancellable        *cancellable;
  TpBackupProgress     progress;

  TpBackupTableState  *states;
  TpBackupSlot        *slots;        /* BATCH_ROWS rows of max_columns */
  TpBackupSlot        *row;          /* the row being read */
  guint                row_lines[TP_BACKUP_BATCH_ROWS];
  guint                pending;      /* rows read and not inserted yet */
  GString             *key;
  TpBackupFigures     *figures;      /* per customer, in the order of the sorted ids */
  guint                primary_line; /* of the primary audience, 0 if none */

  gboolean             loading;      /* second pass: insert the rows */
  TpStatement         *insert_one;   /* owned by db */
  TpStatement         *insert_batch;
  gsize                bytes_done;
  gsize                bytes_total;
  guint                rows_since_check;

  gboolean             format_seen;
  gboolean             version_seen;
  gboolean             exported_at_seen;
  gboolean             tables_seen;
  gsize                tables_offset;
  guint                tables_line;
} TpBackupRestore;

gboolean _tp_backup_process_table (TpBackupRestore  *self,
                                   int               table_index,
                                   GError          **error);

G_END_DECLS
