/* tp-csv-private.h
 *
 * Copyright 2026 The Touchpoint authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the files of the CSV family (tp-csv*.c, overview in tp-csv.c)
 * share among themselves, and nobody else: the structs of the importer
 * and the report, the source, the parser and the import as it runs, and
 * the functions each file offers the others, in the order a file goes
 * through them.
 */

#pragma once

#include <csv.h>
#include <gio/gio.h>

#include "tp-csv.h"
#include "tp-database.h"
#include "tp-schema.h"
#include "tp-schema-private.h"
#include "tp-worker-private.h"

G_BEGIN_DECLS

/* The messages a report or an error keeps; the rest are counted */
#define TP_CSV_MAX_MESSAGES   200
/* How many rows an import or an export goes between looks at its
 * cancellable */
#define TP_CSV_ROWS_PER_CHECK 1024

/* tp-csv.c */

gboolean _tp_csv_table_has_field (TpCsvTable  table,
                                  TpCsvField  field);
gboolean _tp_csv_is_blank        (const char *text);

/* tp-csv-source.c */

typedef struct
{
  GInputStream *stream;
  guint64       size;      /* of the file, 0 if unknown */
  guint64       consumed;
  gboolean      latin1;
  GString      *text;      /* the last chunk, as UTF-8 */
  guchar       *buffer;
  gboolean      unread;    /* text holds a chunk _tp_csv_source_read() gives again */
} TpCsvSource;

gboolean _tp_csv_source_open   (TpCsvSource   *source,
                                GFile         *file,
                                const char    *name,
                                GCancellable  *cancellable,
                                GError       **error);
gssize   _tp_csv_source_read   (TpCsvSource   *source,
                                const char    *name,
                                GCancellable  *cancellable,
                                GError       **error);
gssize   _tp_csv_source_peek   (TpCsvSource   *source,
                                const char    *name,
                                GCancellable  *cancellable,
                                GError       **error);
void     _tp_csv_source_clear  (TpCsvSource   *source);
gboolean _tp_csv_scan_encoding (GFile         *file,
                                const char    *name,
                                guint64        limit,
                                gboolean      *is_utf8,
                                GCancellable  *cancellable,
                                GError       **error);
gboolean _tp_csv_prefix_error  (GError       **error,
                                GError        *local_error,
                                const char    *name);
gboolean _tp_csv_fail_file     (GError       **error,
                                int            code,
                                const char    *name,
                                const char    *message);

/* tp-csv-parser.c */

/* Called with each record; returns FALSE to stop, with @error set on
 * error */
typedef gboolean (*TpCsvRecordFunc) (GPtrArray  *fields,
                                     guint       line,
                                     gpointer    data,
                                     GError    **error);

typedef struct
{
  struct csv_parser  csv;
  const char        *name;
  TpCsvRecordFunc    func;
  gpointer           func_data;
  GPtrArray         *fields;       /* of char *, the record being read */
  guint              line;         /* where the next record starts */
  guint              extra_lines;  /* line breaks inside the quotes of this record */
  gboolean           after_cr;
  gboolean           stop;         /* the record function wants no more */
  GError            *error;
  guint              raw_line;     /* line of the next byte fed, for parse errors */
  gboolean           raw_after_cr;
  GPtrArray         *headers;      /* (nullable): the names of the columns, for messages */
  gsize              record_bytes; /* of the fields of this record so far */
} TpCsvParser;

void     _tp_csv_parser_init         (TpCsvParser        *parser,
                                      const char         *name,
                                      GPtrArray          *headers,
                                      char                separator,
                                      TpCsvRecordFunc     func,
                                      gpointer            func_data);
gboolean _tp_csv_parser_feed         (TpCsvParser        *parser,
                                      const char         *data,
                                      gsize               len,
                                      GError            **error);
gboolean _tp_csv_parser_finish       (TpCsvParser        *parser,
                                      GError            **error);
gboolean _tp_csv_parser_read         (TpCsvParser        *parser,
                                      TpCsvSource        *source,
                                      TpCsvProgressFunc   progress,
                                      gpointer            progress_data,
                                      GCancellable       *cancellable,
                                      GError            **error);
void     _tp_csv_parser_clear        (TpCsvParser        *parser);
char     _tp_csv_detect_separator    (const char         *text,
                                      gsize               len);
gboolean _tp_csv_needs_formula_guard (const char         *text);
gboolean _tp_csv_fail_line           (GError            **error,
                                      int                 code,
                                      const char         *name,
                                      guint               line,
                                      const char         *message);

/* tp-csv-formats.c */

TpCsvFormat    _tp_csv_detect_format         (GPtrArray   *headers);
gboolean       _tp_csv_format_field          (TpCsvFormat  format,
                                              TpCsvTable   table,
                                              const char  *header,
                                              TpCsvField  *field);
TpCsvField     _tp_csv_guess_field           (TpCsvTable   table,
                                              const char  *header);
TpCsvDateOrder _tp_csv_format_get_date_order (TpCsvFormat  format);
gboolean       _tp_csv_format_adds_customers (TpCsvFormat  format);

/* tp-csv-dates.c */

/* A bit for each TpCsvDateOrder */
#define TP_CSV_ORDER_BIT(order) (1u << (order))

guint _tp_csv_written_orders (const char *text);

/* tp-csv-importer.c */

struct _TpCsvImporter
{
  GObject          parent_instance;

  GFile           *file;
  char            *name;
  TpCsvTable       table;
  char             separator;           /* 0: detect */
  char             detected_separator;
  TpCsvDuplicates  duplicates;
  gboolean         skip_bad_rows;
  TpCsvProblemFunc problem_func;
  gpointer         problem_data;

  gboolean         loaded;
  gboolean         latin1;
  GPtrArray       *headers;             /* of char * */
  GPtrArray       *preview;             /* of GPtrArray of char * */
  GArray          *mapping;             /* of TpCsvField, one per column */
  guint            max_preview_rows;
  TpCsvFormat      format;
  gboolean         vcard;

  TpCsvDateOrder   date_order;          /* UNKNOWN: found from the file */
  gboolean         dates_scanned;
  TpCsvDateOrder   detected_order;
  gboolean         dates_ambiguous;
  guint            ambiguous_line;
  char            *ambiguous_column;
  char            *ambiguous_value;
};

gboolean       _tp_csv_importer_is_time_field            (TpCsvField     field);
TpCsvDateOrder _tp_csv_importer_get_effective_date_order (TpCsvImporter *self);
gboolean       _tp_csv_importer_is_mapped                (TpCsvImporter *self,
                                                          TpCsvField     field);

/* tp-csv-import.c */

/* A record of the file, as the fields it fills */
typedef struct
{
  const char *value[TP_CSV_N_FIELDS];
  int         column[TP_CSV_N_FIELDS];
  guint       line;
} TpCsvRow;

/* One import as it runs */
typedef struct
{
  TpDatabase        *db;
  const char        *name;
  TpCsvTable         table;
  TpCsvDuplicates    duplicates;
  GArray            *mapping;
  GPtrArray         *headers;
  gboolean           header_seen;
  TpCsvReport       *report;
  char              *now;
  char              *currency;
  GCancellable      *cancellable;
  guint              rows;
  gboolean           skip_bad_rows;
  TpCsvProblemFunc   problem_func;
  gpointer           problem_data;
  guint              n_problems;  /* rows that cannot be imported */
  GString           *problems;    /* without skip_bad_rows: the first ones, a line each */
  char              *row_problem; /* what _tp_csv_fail_field() said, without the file name */
  TpCsvDateOrder     date_order;
  gboolean           adds_customers;
  char              *last_ref;    /* the order number of the row before */
  gint64             last_order;  /* its order; 0 if it was left out */
  GHashTable        *customers;   /* id → "name\nemail" of customers looked up */
  GHashTable        *tactics;     /* name → id (0: none), of tactics looked up */
  gint64             max_id;      /* no touch or order has a higher id */
} TpCsvImport;

/* The first non-blank value of a field in a row */
#define VALUE(row, field) ((row)->value[TP_CSV_FIELD_##field])

/* tp-csv-values.c */

/* Another name for the nick of an enum value */
typedef struct
{
  const char *alias;
  const char *nick;
} TpCsvAlias;

extern const TpCsvAlias _tp_csv_channel_aliases[];
extern const TpCsvAlias _tp_csv_stage_aliases[];
extern const TpCsvAlias _tp_csv_direction_aliases[];
extern const TpCsvAlias _tp_csv_status_aliases[];

const TpSchemaColumn *_tp_csv_field_column  (TpCsvImport       *self,
                                             TpCsvField         field);
gboolean              _tp_csv_fail_field    (TpCsvImport       *self,
                                             TpCsvRow          *row,
                                             TpCsvField         field,
                                             GError           **error,
                                             const char        *format,
                                             ...) G_GNUC_PRINTF (5, 6);
gboolean              _tp_csv_fail_schema   (TpCsvImport       *self,
                                             TpCsvRow          *row,
                                             TpCsvField         field,
                                             GError           **schema_error,
                                             GError           **error);
void                  _tp_csv_reject_row    (TpCsvImport       *self,
                                             TpCsvRow          *row,
                                             TpCsvField         field,
                                             const char        *format,
                                             ...) G_GNUC_PRINTF (4, 5);
void                  _tp_csv_note_row      (TpCsvImport       *self,
                                             TpCsvRow          *row,
                                             const char        *format,
                                             ...) G_GNUC_PRINTF (3, 4);
void                  _tp_csv_add_problem   (TpCsvImport       *self,
                                             char              *message);
TpCsvField            _tp_csv_first_mapped  (TpCsvRow          *row,
                                             TpCsvField         first,
                                             TpCsvField         second,
                                             TpCsvField         third);
gboolean              _tp_csv_check_text    (TpCsvImport       *self,
                                             TpCsvRow          *row,
                                             TpCsvField         field,
                                             const char        *text,
                                             GError           **error);
gboolean              _tp_csv_parse_id      (TpCsvImport       *self,
                                             TpCsvRow          *row,
                                             TpCsvField         field,
                                             gint64            *id,
                                             GError           **error);
gboolean              _tp_csv_parse_time    (TpCsvImport       *self,
                                             TpCsvRow          *row,
                                             TpCsvField         field,
                                             char             **out,
                                             GError           **error);
gboolean              _tp_csv_parse_choice  (TpCsvImport       *self,
                                             TpCsvRow          *row,
                                             TpCsvField         field,
                                             GType              type,
                                             const TpCsvAlias  *aliases,
                                             const char       **nick,
                                             GError           **error);
gboolean              _tp_csv_parse_done    (TpCsvImport       *self,
                                             TpCsvRow          *row,
                                             int               *done,
                                             GError           **error);

typedef enum
{
  TP_CSV_AMOUNT_OK,
  TP_CSV_AMOUNT_INVALID,
  TP_CSV_AMOUNT_NEGATIVE,
  TP_CSV_AMOUNT_TOO_PRECISE,
  TP_CSV_AMOUNT_TOO_LARGE,
} TpCsvAmountResult;

int               _tp_csv_currency_exponent (const char *currency);
TpCsvAmountResult _tp_csv_parse_amount      (const char *text,
                                             int         exponent,
                                             gint64     *minor);

/* tp-csv-rows.c */

gboolean _tp_csv_import_customer (TpCsvImport  *self,
                                  TpCsvRow     *row,
                                  GError      **error);
gboolean _tp_csv_import_touch    (TpCsvImport  *self,
                                  TpCsvRow     *row,
                                  GError      **error);
gboolean _tp_csv_import_order    (TpCsvImport  *self,
                                  TpCsvRow     *row,
                                  GError      **error);
gint64   _tp_csv_query_id        (TpDatabase   *db,
                                  const char   *sql,
                                  const char   *text,
                                  gint64        number,
                                  GError      **error);

/* tp-csv-report.c */

struct _TpCsvReport
{
  gatomicrefcount  ref_count;
  TpCsvTable       table;
  guint            imported;
  guint            merged;
  guint            skipped;
  guint            customers_added;
  guint            n_messages;   /* including those not kept */
  GPtrArray       *messages;     /* NULL-terminated */
};

TpCsvReport *_tp_csv_report_new (TpCsvTable   table);
void         _tp_csv_report_add (TpCsvReport *self,
                                 char        *message);

/* tp-csv-export.c */

void _tp_csv_append_field (GString    *out,
                           const char *text);

G_END_DECLS
