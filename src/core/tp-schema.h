/* tp-schema.h
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

#include <glib-object.h>

G_BEGIN_DECLS

/* The longest text a field accepts, in characters. */
#define TP_SCHEMA_MAX_TEXT_LENGTH 100000

/* Amounts stop well below where sums of many orders could overflow. */
#define TP_SCHEMA_MAX_AMOUNT_MINOR G_GINT64_CONSTANT (1000000000000000)

/* Times are stored as "YYYY-MM-DDTHH:MM:SSZ": UTC, to the second, the
 * year in four digits. Valid from the first to the last second that form
 * can hold. */
#define TP_SCHEMA_TIME_LENGTH 20
#define TP_SCHEMA_TIME_MIN    "0001-01-01T00:00:00Z"
#define TP_SCHEMA_TIME_MAX    "9999-12-31T23:59:59Z"
/* The same bounds as Unix time */
#define TP_SCHEMA_UNIX_TIME_MIN G_GINT64_CONSTANT (-62135596800)
#define TP_SCHEMA_UNIX_TIME_MAX G_GINT64_CONSTANT (253402300799)

typedef enum
{
  TP_SCHEMA_ID,    /* the integer primary key, min … max */
  TP_SCHEMA_INT,   /* a whole number, min … max */
  TP_SCHEMA_REF,   /* the id of a row of ref_table */
  TP_SCHEMA_TEXT,  /* UTF-8 text of at most max characters */
  TP_SCHEMA_TIME,  /* a time in the canonical form above */
  TP_SCHEMA_BOOL,  /* 0 or 1 */
  TP_SCHEMA_ENUM,  /* the nick of a value of enum_type */
} TpSchemaKind;

typedef enum
{
  TP_SCHEMA_REQUIRED      = 1 << 0,  /* text: not blank */
  TP_SCHEMA_NULLABLE      = 1 << 1,  /* may be NULL (unset); otherwise never NULL */
  TP_SCHEMA_DERIVED       = 1 << 2,  /* kept by triggers: read, never written */
  TP_SCHEMA_AUTO          = 1 << 3,  /* created_at and updated_at */
  TP_SCHEMA_DEFAULT_NOW   = 1 << 4,  /* a time that defaults to now when unset */
  TP_SCHEMA_CURRENCY      = 1 << 5,  /* an ISO 4217 code: three capital letters */
  TP_SCHEMA_CASCADE       = 1 << 6,  /* reference: ON DELETE CASCADE, otherwise SET NULL */
  TP_SCHEMA_UNIQUE        = 1 << 7,  /* no two rows hold the same value */
  TP_SCHEMA_UNIQUE_NOCASE = 1 << 8,  /* … with ASCII letters folded */
  TP_SCHEMA_UNIQUE_ONE    = 1 << 9,  /* at most one row holds 1 */
  TP_SCHEMA_EMAIL         = 1 << 10, /* text: empty or one address, name@domain, no spaces */
  TP_SCHEMA_VERSIONED     = 1 << 11, /* the row's version: 1 when added, one more on each update */
} TpSchemaFlags;

typedef struct
{
  const char    *name;          /* the column */
  const char    *property;      /* the property of the model object, or NULL */
  TpSchemaKind   kind;
  TpSchemaFlags  flags;
  const char    *label;         /* for messages; marked with N_() */
  const char    *ref_table;     /* TP_SCHEMA_REF: the table referred to */
  gint64         min;           /* ID, INT: the range; TEXT: max is the length */
  gint64         max;
  GType        (*enum_type) (void);  /* TP_SCHEMA_ENUM */
  const char    *has_property;  /* nullable enum: the boolean property that says it is set */
  const char    *default_value; /* the canonical text of the default, or NULL */
} TpSchemaColumn;

typedef struct
{
  const char           *name;
  const TpSchemaColumn *columns;
  guint                 n_columns;
  gboolean              derived;  /* kept whole by triggers: not backed up, not imported */
} TpSchemaTable;

const TpSchemaTable  *tp_schema_get_tables         (guint                 *n_tables);
const TpSchemaTable  *tp_schema_find_table         (const char            *name);
const TpSchemaColumn *tp_schema_table_find_column  (const TpSchemaTable   *table,
                                                    const char            *name);

gboolean              tp_schema_column_check_null  (const TpSchemaColumn  *column,
                                                    GError               **error);
gboolean              tp_schema_column_check_int   (const TpSchemaColumn  *column,
                                                    gint64                 value,
                                                    GError               **error);
gboolean              tp_schema_column_check_text  (const TpSchemaColumn  *column,
                                                    const char            *text,
                                                    GError               **error);
char                 *tp_schema_column_normalize   (const TpSchemaColumn  *column,
                                                    const char            *text,
                                                    GError               **error);
gboolean              tp_schema_column_check       (const TpSchemaColumn  *column,
                                                    const GValue          *value,
                                                    GError               **error);

gboolean              tp_schema_is_blank           (const char            *text);

char                 *tp_schema_format_time        (GDateTime             *time);
gboolean              tp_schema_format_unix_time   (gint64                 unix_time,
                                                    char                   out[TP_SCHEMA_TIME_LENGTH + 1]);
GDateTime            *tp_schema_parse_time         (const char            *text);
char                 *tp_schema_normalize_time     (const char            *text);
gboolean              tp_schema_time_is_canonical  (const char            *text,
                                                    gsize                  length);

G_END_DECLS
