/* tp-schema.c
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

#define G_LOG_DOMAIN "tp-schema"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tp-core-enum-types.h"
#include "tp-database.h"
#include "tp-schema.h"
#include "tp-schema-private.h"

/*
 * The one description of the data: every table, every column, its type,
 * range, enum, reference and whether it may be unset. The store's
 * validation, CSV import and export, backup export and restore and the
 * sample business take their rules from here, and each value is checked
 * by one function that words its refusal the same on every path (CSV and
 * backup put the file, line and field in front).
 *
 * Nothing here is SQLite's: types are kinds of values, defaults are the
 * canonical text of a value, references name a table and what a delete
 * of its row does. The SQL of tp-migrations.c creates these tables; the
 * schema test checks that it still does.
 *
 * Canonical text forms, as stored and as exported:
 * - times: "YYYY-MM-DDTHH:MM:SSZ" in UTC with a four-digit year, from
 *   0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z; an offset on input is
 *   converted to UTC, and a time outside the range is refused;
 * - amounts: whole numbers of the currency's minor unit (cents);
 * - currency codes: three capital letters (ISO 4217);
 * - booleans: 0 or 1;
 * - enums: the nick of the value (lead, social-post, …);
 * - email addresses: empty, or one "@" with text on both sides and no
 *   white space.
 */

#define MAX_TEXT TP_SCHEMA_MAX_TEXT_LENGTH

#define ID_COLUMN \
  { "id", "id", TP_SCHEMA_ID, 0, N_("Touchpoint id"), NULL, 1, G_MAXINT64, NULL, NULL, NULL }
#define TIME_COLUMNS \
  { "created_at", "created-at", TP_SCHEMA_TIME, TP_SCHEMA_AUTO, N_("Created"), NULL, 0, 0, NULL, \
    NULL, NULL }, \
  { "updated_at", "updated-at", TP_SCHEMA_TIME, TP_SCHEMA_AUTO, N_("Changed"), NULL, 0, 0, NULL, \
    NULL, NULL }
/* The version of a row (schema step 8), after the columns of the steps
 * before it in every table the store changes in place. The store adds one on every update and updates only
 * the version its editor read: a row changed by someone else meanwhile is
 * a conflict (TP_DATABASE_ERROR_CONFLICT), never overwritten. A backup
 * carries it and a restore keeps it (a file without it restores at 1);
 * CSV neither exports nor imports it; a row that CSV adds or merges into
 * starts at 1 or goes one up. */
#define VERSION_COLUMN \
  { "version", "version", TP_SCHEMA_INT, TP_SCHEMA_VERSIONED, N_("Version"), NULL, 1, G_MAXINT64, \
    NULL, NULL, "1" }
#define TEXT(col, prop, flags, label, dflt) \
  { col, prop, TP_SCHEMA_TEXT, flags, label, NULL, 0, MAX_TEXT, NULL, NULL, dflt }
#define NAME(col, label) TEXT (col, col, TP_SCHEMA_REQUIRED, label, NULL)
#define OPTIONAL_TEXT(col, prop, label) TEXT (col, prop, 0, label, "")
#define POSITION \
  { "position", "position", TP_SCHEMA_INT, 0, N_("Position"), NULL, G_MININT32, G_MAXINT32, \
    NULL, NULL, "0" }
#define BOOL(col, label, dflt) \
  { col, col, TP_SCHEMA_BOOL, 0, label, NULL, 0, 1, NULL, NULL, dflt }
#define ENUM(col, flags, label, type, dflt) \
  { col, col, TP_SCHEMA_ENUM, flags, label, NULL, 0, 0, type, NULL, dflt }
#define REF(col, prop, flags, label, table) \
  { col, prop, TP_SCHEMA_REF, flags, label, table, 1, G_MAXINT64, NULL, NULL, NULL }
#define TIME(col, prop, flags, label) \
  { col, prop, TP_SCHEMA_TIME, flags, label, NULL, 0, 0, NULL, NULL, NULL }
#define COUNT(col, prop, label) \
  { col, prop, TP_SCHEMA_INT, TP_SCHEMA_DERIVED, label, NULL, 0, G_MAXINT64, NULL, NULL, "0" }

static const TpSchemaColumn setting_columns[] = {
  ID_COLUMN,
  TEXT ("key", NULL, TP_SCHEMA_REQUIRED | TP_SCHEMA_UNIQUE, N_("Setting"), NULL),
  TEXT ("value", NULL, 0, N_("Value"), NULL),
  TIME_COLUMNS,
};

static const TpSchemaColumn audience_columns[] = {
  ID_COLUMN,
  NAME ("name", N_("Name")),
  OPTIONAL_TEXT ("who", "who", N_("Who they are")),
  OPTIONAL_TEXT ("looks_like", "looks-like", N_("What they look like")),
  OPTIONAL_TEXT ("needs", "needs", N_("Needs")),
  OPTIONAL_TEXT ("message", "message", N_("Message")),
  { "is_primary", "is-primary", TP_SCHEMA_BOOL, TP_SCHEMA_UNIQUE_ONE, N_("Primary"), NULL, 0, 1,
    NULL, NULL, "0" },
  POSITION,
  TIME_COLUMNS,
  VERSION_COLUMN,
};

static const TpSchemaColumn place_columns[] = {
  ID_COLUMN,
  REF ("audience_id", "audience-id", TP_SCHEMA_CASCADE, N_("Audience"), "audiences"),
  ENUM ("kind", 0, N_("Kind"), tp_place_kind_get_type, NULL),
  NAME ("name", N_("Name")),
  OPTIONAL_TEXT ("link", "link", N_("Link")),
  OPTIONAL_TEXT ("notes", "notes", N_("Notes")),
  POSITION,
  TIME_COLUMNS,
  VERSION_COLUMN,
};

static const TpSchemaColumn brand_columns[] = {
  /* The single row */
  { "id", "id", TP_SCHEMA_ID, 0, N_("Touchpoint id"), NULL, 1, 1, NULL, NULL, NULL },
  OPTIONAL_TEXT ("business_name", "business-name", N_("Business name")),
  OPTIONAL_TEXT ("friends_words", "friends-words", N_("Words friends use")),
  OPTIONAL_TEXT ("positioning", "positioning", N_("Positioning")),
  OPTIONAL_TEXT ("differentiators", "differentiators", N_("Differentiators")),
  OPTIONAL_TEXT ("tagline", "tagline", N_("Tagline")),
  TIME_COLUMNS,
  VERSION_COLUMN,
};

static const TpSchemaColumn brand_word_columns[] = {
  ID_COLUMN,
  TEXT ("word", "word", TP_SCHEMA_REQUIRED | TP_SCHEMA_UNIQUE_NOCASE, N_("Word"), NULL),
  POSITION,
  TIME_COLUMNS,
  VERSION_COLUMN,
};

static const TpSchemaColumn competitor_columns[] = {
  ID_COLUMN,
  NAME ("name", N_("Name")),
  OPTIONAL_TEXT ("positioning", "positioning", N_("Positioning")),
  OPTIONAL_TEXT ("strengths", "strengths", N_("Strengths")),
  OPTIONAL_TEXT ("weaknesses", "weaknesses", N_("Weaknesses")),
  OPTIONAL_TEXT ("link", "link", N_("Link")),
  POSITION,
  TIME_COLUMNS,
  VERSION_COLUMN,
};

static const TpSchemaColumn tactic_columns[] = {
  ID_COLUMN,
  NAME ("name", N_("Name")),
  ENUM ("channel", 0, N_("Channel"), tp_channel_get_type, NULL),
  REF ("audience_id", "audience-id", TP_SCHEMA_NULLABLE, N_("Audience"), "audiences"),
  { "cadence_count", "cadence-count", TP_SCHEMA_INT, 0, N_("Times per period"), NULL, 1, 1000,
    NULL, NULL, "1" },
  { "cadence_period", "cadence-period", TP_SCHEMA_ENUM, 0, N_("Period"), NULL, 0, 0,
    tp_cadence_period_get_type, NULL, "week" },
  BOOL ("active", N_("Active"), "1"),
  OPTIONAL_TEXT ("notes", "notes", N_("Notes")),
  POSITION,
  TIME_COLUMNS,
  VERSION_COLUMN,
};

static const TpSchemaColumn tactic_log_columns[] = {
  ID_COLUMN,
  REF ("tactic_id", "tactic-id", TP_SCHEMA_CASCADE, N_("Tactic"), "tactics"),
  TIME ("done_at", "done-at", TP_SCHEMA_DEFAULT_NOW, N_("Done on")),
  OPTIONAL_TEXT ("note", "note", N_("Note")),
  TIME_COLUMNS,
  VERSION_COLUMN,
  /* Who added it (schema step 9): the desktop's person, "" before */
  OPTIONAL_TEXT ("person", "person", N_("Person")),
};

static const TpSchemaColumn customer_columns[] = {
  ID_COLUMN,
  NAME ("name", N_("Name")),
  TEXT ("email", "email", TP_SCHEMA_EMAIL, N_("Email"), ""),
  OPTIONAL_TEXT ("phone", "phone", N_("Phone")),
  REF ("audience_id", "audience-id", TP_SCHEMA_NULLABLE, N_("Audience"), "audiences"),
  { "source_channel", "source-channel", TP_SCHEMA_ENUM, TP_SCHEMA_NULLABLE, N_("Came through"),
    NULL, 0, 0, tp_channel_get_type, "has-source-channel", NULL },
  { "stage", "stage", TP_SCHEMA_ENUM, 0, N_("Stage"), NULL, 0, 0, tp_stage_get_type, NULL,
    "lead" },
  OPTIONAL_TEXT ("notes", "notes", N_("Notes")),
  COUNT ("touch_count", "touch-count", N_("Touches")),
  TIME ("last_touch_at", "last-touch-at", TP_SCHEMA_DERIVED | TP_SCHEMA_NULLABLE, N_("Last touch")),
  TIME ("first_order_at", "first-order-at", TP_SCHEMA_DERIVED | TP_SCHEMA_NULLABLE,
        N_("First order")),
  COUNT ("order_count", "order-count", N_("Orders")),
  COUNT ("total_spent_minor", "total-spent-minor", N_("Total spent")),
  TIME_COLUMNS,
  VERSION_COLUMN,
  /* Who set the stage last (schema step 9) */
  OPTIONAL_TEXT ("stage_person", "stage-person", N_("Stage set by")),
};

static const TpSchemaColumn touch_columns[] = {
  ID_COLUMN,
  REF ("customer_id", "customer-id", TP_SCHEMA_CASCADE, N_("Customer"), "customers"),
  TIME ("happened_at", "happened-at", TP_SCHEMA_DEFAULT_NOW, N_("Date")),
  ENUM ("channel", 0, N_("Channel"), tp_channel_get_type, NULL),
  ENUM ("direction", 0, N_("Direction"), tp_direction_get_type, "outbound"),
  OPTIONAL_TEXT ("note", "note", N_("Note")),
  REF ("tactic_id", "tactic-id", TP_SCHEMA_NULLABLE, N_("Tactic"), "tactics"),
  REF ("place_id", "place-id", TP_SCHEMA_NULLABLE, N_("Place"), "audience_places"),
  BOOL ("done", N_("Done"), "1"),
  TIME_COLUMNS,
  VERSION_COLUMN,
  /* Who added it (schema step 9): the desktop's person, "" before */
  OPTIONAL_TEXT ("person", "person", N_("Person")),
};

static const TpSchemaColumn order_columns[] = {
  ID_COLUMN,
  REF ("customer_id", "customer-id", TP_SCHEMA_CASCADE, N_("Customer"), "customers"),
  TIME ("ordered_at", "ordered-at", TP_SCHEMA_DEFAULT_NOW, N_("Date")),
  NAME ("item", N_("Item")),
  { "amount_minor", "amount-minor", TP_SCHEMA_INT, 0, N_("Amount"), NULL, 0,
    TP_SCHEMA_MAX_AMOUNT_MINOR, NULL, NULL, NULL },
  { "currency", "currency", TP_SCHEMA_TEXT, TP_SCHEMA_CURRENCY, N_("Currency"), NULL, 0, 3, NULL,
    NULL, NULL },
  ENUM ("status", 0, N_("Status"), tp_order_status_get_type, "open"),
  TIME ("fulfilled_at", "fulfilled-at", TP_SCHEMA_NULLABLE, N_("Fulfilled on")),
  TIME_COLUMNS,
  VERSION_COLUMN,
  /* Who added it (schema step 9): the desktop's person, "" before */
  OPTIONAL_TEXT ("person", "person", N_("Person")),
};

/* What Results reads, kept by the triggers of schema step 5 */
#define RESULTS_ID(col, label) \
  { col, NULL, TP_SCHEMA_INT, TP_SCHEMA_DERIVED | TP_SCHEMA_NULLABLE, label, NULL, G_MININT64, \
    G_MAXINT64, NULL, NULL, NULL }
#define RESULTS_KEY(col, label) \
  { col, NULL, TP_SCHEMA_INT, TP_SCHEMA_DERIVED, label, NULL, G_MININT64, G_MAXINT64, NULL, \
    NULL, NULL }
#define RESULTS_TIME(col, label) \
  { col, NULL, TP_SCHEMA_TIME, TP_SCHEMA_DERIVED | TP_SCHEMA_NULLABLE, label, NULL, 0, 0, NULL, \
    NULL, NULL }

static const TpSchemaColumn results_customer_columns[] = {
  ID_COLUMN,
  RESULTS_ID ("audience_id", N_("Audience")),
  { "stage", NULL, TP_SCHEMA_TEXT, TP_SCHEMA_DERIVED | TP_SCHEMA_NULLABLE, N_("Stage"), NULL, 0,
    MAX_TEXT, NULL, NULL, NULL },
  COUNT ("order_count", NULL, N_("Orders")),
  RESULTS_ID ("first_touch_id", N_("First touch")),
  RESULTS_TIME ("first_touch_at", N_("First touch")),
  RESULTS_ID ("first_tactic_id", N_("Tactic")),
  RESULTS_ID ("first_place_id", N_("Place")),
  { "first_channel", NULL, TP_SCHEMA_TEXT, TP_SCHEMA_DERIVED | TP_SCHEMA_NULLABLE, N_("Channel"),
    NULL, 0, MAX_TEXT, NULL, NULL, NULL },
  RESULTS_ID ("first_order_id", N_("First order")),
  RESULTS_TIME ("first_order_at", N_("First order")),
  COUNT ("touches_before_order", NULL, N_("Touches")),
  RESULTS_ID ("last_touch_id", N_("Last touch")),
  RESULTS_TIME ("last_touch_at", N_("Last touch")),
  RESULTS_ID ("last_tactic_id", N_("Tactic")),
  RESULTS_ID ("last_place_id", N_("Place")),
};

static const TpSchemaColumn results_day_columns[] = {
  ID_COLUMN,
  { "day", NULL, TP_SCHEMA_TEXT, TP_SCHEMA_DERIVED, N_("Date"), NULL, 0, MAX_TEXT, NULL, NULL,
    NULL },
  RESULTS_KEY ("tactic_id", N_("Tactic")),
  RESULTS_KEY ("place_id", N_("Place")),
  RESULTS_KEY ("audience_id", N_("Audience")),
  RESULTS_KEY ("n_touches", N_("Touches")),
};

#define TABLE(name, columns) { name, columns, G_N_ELEMENTS (columns), FALSE }
#define DERIVED_TABLE(name, columns) { name, columns, G_N_ELEMENTS (columns), TRUE }

/* Parents before children */
static const TpSchemaTable tables[] = {
  TABLE ("settings", setting_columns),
  TABLE ("audiences", audience_columns),
  TABLE ("audience_places", place_columns),
  TABLE ("brand", brand_columns),
  TABLE ("brand_words", brand_word_columns),
  TABLE ("competitors", competitor_columns),
  TABLE ("tactics", tactic_columns),
  TABLE ("tactic_log", tactic_log_columns),
  TABLE ("customers", customer_columns),
  TABLE ("touches", touch_columns),
  TABLE ("orders", order_columns),
  DERIVED_TABLE ("results_customers", results_customer_columns),
  DERIVED_TABLE ("results_days", results_day_columns),
};

/**
 * tp_schema_get_tables:
 * @n_tables: (out): the number of tables
 *
 * Returns: (transfer none) (array length=n_tables): every table, parents
 *   before the tables that refer to them
 */
const TpSchemaTable *
tp_schema_get_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (tables);
  return tables;
}

/**
 * tp_schema_find_table:
 * @name: the name of a table
 *
 * Returns: (transfer none) (nullable): the table, or %NULL
 */
const TpSchemaTable *
tp_schema_find_table (const char *name)
{
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    if (g_strcmp0 (tables[t].name, name) == 0)
      return &tables[t];

  return NULL;
}

/**
 * tp_schema_table_find_column:
 * @table: a table
 * @name: the name of one of its columns
 *
 * Returns: (transfer none) (nullable): the column, or %NULL
 */
const TpSchemaColumn *
tp_schema_table_find_column (const TpSchemaTable *table,
                             const char          *name)
{
  for (guint c = 0; c < table->n_columns; c++)
    if (g_strcmp0 (table->columns[c].name, name) == 0)
      return &table->columns[c];

  return NULL;
}

/* Times */

static gboolean
in_range (gint64 unix_time)
{
  return unix_time >= TP_SCHEMA_UNIX_TIME_MIN && unix_time <= TP_SCHEMA_UNIX_TIME_MAX;
}

/**
 * tp_schema_format_unix_time:
 * @unix_time: seconds since 1970-01-01T00:00:00Z
 * @out: where to write the time and its terminating NUL
 *
 * Formats a time in the canonical form without a #GDateTime (the large
 * sample formats millions of them).
 *
 * Returns: %FALSE if @unix_time is outside the valid range
 */
gboolean
tp_schema_format_unix_time (gint64 unix_time,
                            char   out[TP_SCHEMA_TIME_LENGTH + 1])
{
  const gint64 day_secs = 86400;
  gint64 days, secs, z, era, doe, yoe, doy, mp, year, month, day;

  if (!in_range (unix_time))
    return FALSE;

  days = unix_time >= 0 ? unix_time / day_secs : (unix_time - day_secs + 1) / day_secs;
  secs = unix_time - days * day_secs;

  /* Civil date from days since 1970-01-01 (proleptic Gregorian) */
  z = days + 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = yoe + era * 400 + (month <= 2);

  g_snprintf (out, TP_SCHEMA_TIME_LENGTH + 1, "%04d-%02d-%02dT%02d:%02d:%02dZ",
              (int)year, (int)month, (int)day, (int)(secs / 3600), (int)(secs % 3600 / 60),
              (int)(secs % 60));
  return TRUE;
}

/**
 * tp_schema_format_time:
 * @time: a time
 *
 * Formats @time the way the database stores it: "2026-11-28T12:00:00Z",
 * in UTC, the year in four digits (GLib's "%Y" would write 999 for 0999).
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if @time in UTC
 *   is outside 0001-01-01T00:00:00Z … 9999-12-31T23:59:59Z
 */
char *
tp_schema_format_time (GDateTime *time)
{
  char text[TP_SCHEMA_TIME_LENGTH + 1];

  g_return_val_if_fail (time != NULL, NULL);

  if (!tp_schema_format_unix_time (g_date_time_to_unix (time), text))
    return NULL;

  return g_strdup (text);
}

/**
 * tp_schema_time_is_canonical:
 * @text: a text
 * @length: its length in bytes
 *
 * Returns: whether @text is a valid time in the canonical stored form
 */
gboolean
tp_schema_time_is_canonical (const char *text,
                             gsize       length)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";
  int year, month, day, hour, minute, second;

  if (text == NULL || length != TP_SCHEMA_TIME_LENGTH)
    return FALSE;

  for (guint i = 0; i < TP_SCHEMA_TIME_LENGTH; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
        return FALSE;
    }

#define DIGITS2(p) (((p)[0] - '0') * 10 + ((p)[1] - '0'))
  year = DIGITS2 (text) * 100 + DIGITS2 (text + 2);
  month = DIGITS2 (text + 5);
  day = DIGITS2 (text + 8);
  hour = DIGITS2 (text + 11);
  minute = DIGITS2 (text + 14);
  second = DIGITS2 (text + 17);
#undef DIGITS2

  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year) &&
         hour < 24 && minute < 60 && second < 60;
}

/**
 * tp_schema_parse_time:
 * @text: (nullable): an ISO 8601 date and time, or a date ("2026-11-28")
 *
 * Parses a time as the database stores it, or as a person or another
 * program may write it: with an offset (converted to UTC) or without one
 * (then UTC), or a bare date (midnight UTC). Impossible dates, such as
 * 30 February, and times outside the valid range are refused.
 *
 * Returns: (transfer full) (nullable): the time in UTC, or %NULL if @text
 *   is not one in the range
 */
GDateTime *
tp_schema_parse_time (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) time = NULL;
  gsize length;

  if (text == NULL)
    return NULL;

  utc = g_time_zone_new_utc ();
  length = strlen (text);

  if (length == 10 && text[4] == '-' && text[7] == '-' &&
      g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && g_ascii_isdigit (text[2]) &&
      g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6]) &&
      g_ascii_isdigit (text[8]) && g_ascii_isdigit (text[9]))
    {
      int year = (int)g_ascii_strtoll (text, NULL, 10);
      int month = (int)g_ascii_strtoll (text + 5, NULL, 10);
      int day = (int)g_ascii_strtoll (text + 8, NULL, 10);

      if (year < 1 || !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
        return NULL;

      return g_date_time_new (utc, year, month, day, 0, 0, 0);
    }

  time = g_date_time_new_from_iso8601 (text, utc);
  if (time == NULL || !in_range (g_date_time_to_unix (time)))
    return NULL;

  return g_date_time_to_utc (time);
}

/**
 * tp_schema_normalize_time:
 * @text: (nullable): a time as tp_schema_parse_time() reads it
 *
 * Returns: (transfer full) (nullable): @text in the canonical form, or
 *   %NULL if it is not a time in the valid range
 */
char *
tp_schema_normalize_time (const char *text)
{
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL)
    return NULL;

  if (tp_schema_time_is_canonical (text, strlen (text)))
    return g_strdup (text);

  time = tp_schema_parse_time (text);
  if (time == NULL)
    return NULL;

  return tp_schema_format_time (time);
}

/* Checks */

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID, message);

  return FALSE;
}

/* A short, one-line excerpt of a value for a message */
char *
_tp_schema_excerpt (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return g_utf8_make_valid (text, 40);

  for (const char *p = text; *p != '\0' && n < 40; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  if (n == 40 && g_utf8_strlen (text, -1) > 40)
    g_string_append (out, "…");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');

  if (at == NULL || at == text || at[1] == '\0' || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * tp_schema_is_blank:
 * @text: (nullable): a text
 *
 * Returns: whether @text is %NULL, empty or only white space
 */
gboolean
tp_schema_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * tp_schema_column_check_null:
 * @column: a column
 * @error: return location for a %TP_DATABASE_ERROR_INVALID
 *
 * Checks that @column may be unset (NULL).
 *
 * Returns: %TRUE if it may
 */
gboolean
tp_schema_column_check_null (const TpSchemaColumn  *column,
                             GError               **error)
{
  if (column->flags & TP_SCHEMA_NULLABLE)
    return TRUE;

  if (column->kind == TP_SCHEMA_REF)
    /* Translators: %s is the name of a field, like “Customer” */
    return set_invalid (error, _("“%s” must be chosen."), _(column->label));

  /* Translators: %s is the name of a field, like “Name” */
  return set_invalid (error, _("“%s” cannot be empty."), _(column->label));
}

/**
 * tp_schema_column_check_int:
 * @column: a column holding a number (an id, a number, a reference or a
 *   boolean)
 * @value: the value
 * @error: return location for a %TP_DATABASE_ERROR_INVALID
 *
 * Returns: whether @value is in the range of @column
 */
gboolean
tp_schema_column_check_int (const TpSchemaColumn  *column,
                            gint64                 value,
                            GError               **error)
{
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;

  g_return_val_if_fail (column->kind == TP_SCHEMA_ID || column->kind == TP_SCHEMA_INT ||
                        column->kind == TP_SCHEMA_REF || column->kind == TP_SCHEMA_BOOL, FALSE);

  if (value >= column->min && value <= column->max)
    return TRUE;

  if (value < 0 && column->min == 0)
    /* Translators: %s is the name of a field, like “Amount” */
    return set_invalid (error, _("“%s” cannot be negative."), _(column->label));

  min_text = g_strdup_printf ("%" G_GINT64_FORMAT, column->min);
  max_text = g_strdup_printf ("%" G_GINT64_FORMAT, column->max);

  /* Translators: the first %s is the name of a field, the others its limits */
  return set_invalid (error, _("“%s” must be between %s and %s."),
                      _(column->label), min_text, max_text);
}

static char *
enum_nicks (GEnumClass *klass)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
fail_time (const TpSchemaColumn  *column,
           const char            *text,
           GError               **error)
{
  g_autofree char *shown = _tp_schema_excerpt (text);

  return set_invalid (error,
                      /* Translators: the first %s is the name of a field, like “Date”; the
                       * second what was given; then the first and the last valid day */
                      _("“%s” is not a date and time from %s to %s: “%s”. Write it as "
                        "2026-11-28 or 2026-11-28T12:00:00Z."),
                      _(column->label), "0001-01-01", "9999-12-31", shown);
}

/**
 * tp_schema_column_check_text:
 * @column: a column holding text (text, a time or an enum nick)
 * @text: the value
 * @error: return location for a %TP_DATABASE_ERROR_INVALID
 *
 * Checks a value of @column given as text: valid UTF-8, not longer than
 * the column allows, not blank when required, a currency code, a time
 * tp_schema_parse_time() reads, a nick of the column's enum.
 *
 * Returns: whether @text may be stored (times after
 *   tp_schema_column_normalize())
 */
gboolean
tp_schema_column_check_text (const TpSchemaColumn  *column,
                             const char            *text,
                             GError               **error)
{
  gsize length;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    /* Translators: %s is the name of a field, like “Name” */
    return set_invalid (error, _("“%s” is not valid text: it is not UTF-8."), _(column->label));

  length = strlen (text);

  switch (column->kind)
    {
    case TP_SCHEMA_TEXT:
      if (length > (gsize)column->max && g_utf8_strlen (text, (gssize)length) > column->max)
        {
          if (column->flags & TP_SCHEMA_CURRENCY)
            break;
          /* Translators: %s is the name of a field, like “Notes”; %d a number of characters */
          return set_invalid (error, _("“%s” is too long: it may hold at most %d characters."),
                              _(column->label), (int)column->max);
        }

      if ((column->flags & TP_SCHEMA_REQUIRED) && tp_schema_is_blank (text))
        /* Translators: %s is the name of a field, like “Name” */
        return set_invalid (error, _("“%s” cannot be empty."), _(column->label));

      if ((column->flags & TP_SCHEMA_EMAIL) && text[0] != '\0' && !is_email (text))
        {
          g_autofree char *shown = _tp_schema_excerpt (text);

          /* Translators: the first %s is the name of a field, like “Email”, the
           * second the value found */
          return set_invalid (error, _("“%s” is not an email address: “%s”."),
                              _(column->label), shown);
        }
      break;

    case TP_SCHEMA_TIME:
      if (!tp_schema_time_is_canonical (text, length))
        {
          g_autoptr(GDateTime) time = tp_schema_parse_time (text);

          if (time == NULL)
            return fail_time (column, text, error);
        }
      break;

    case TP_SCHEMA_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (column->enum_type ());

        if (g_enum_get_value_by_nick (klass, text) == NULL)
          {
            g_autofree char *shown = _tp_schema_excerpt (text);
            g_autofree char *nicks = enum_nicks (klass);

            return set_invalid (error,
                                /* Translators: the first %s is the name of a field, like
                                 * “Stage”, the second the value found, the third the list
                                 * of values allowed */
                                _("“%s” cannot be “%s”: it is one of %s."),
                                _(column->label), shown, nicks);
          }
      }
      break;

    case TP_SCHEMA_ID:
    case TP_SCHEMA_INT:
    case TP_SCHEMA_REF:
    case TP_SCHEMA_BOOL:
    default:
      g_return_val_if_reached (FALSE);
    }

  if ((column->flags & TP_SCHEMA_CURRENCY) &&
      !(length == 3 &&
        g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]) && g_ascii_isupper (text[2])))
    /* Translators: %s is the name of a field, like “Currency” */
    return set_invalid (error, _("“%s” must be a three-letter currency code in capitals, such "
                                 "as EUR."), _(column->label));

  return TRUE;
}

/**
 * tp_schema_column_normalize:
 * @column: a column holding text
 * @text: the value
 * @error: return location for a %TP_DATABASE_ERROR_INVALID
 *
 * Checks @text as tp_schema_column_check_text() does and returns it in
 * its canonical form: times in UTC as "YYYY-MM-DDTHH:MM:SSZ", everything
 * else as it is.
 *
 * Returns: (transfer full) (nullable): the value to store, or %NULL
 */
char *
tp_schema_column_normalize (const TpSchemaColumn  *column,
                            const char            *text,
                            GError               **error)
{
  char *normal;

  if (!tp_schema_column_check_text (column, text, error))
    return NULL;

  if (column->kind != TP_SCHEMA_TIME)
    return g_strdup (text);

  normal = tp_schema_normalize_time (text);
  if (normal == NULL)
    fail_time (column, text, error);

  return normal;
}

/**
 * tp_schema_column_check:
 * @column: a column
 * @value: (nullable): the value: a #gint64, a string or %NULL for unset
 * @error: return location for a %TP_DATABASE_ERROR_INVALID
 *
 * Checks one value of @column as every path that writes it does.
 *
 * Returns: whether @value may be stored
 */
gboolean
tp_schema_column_check (const TpSchemaColumn  *column,
                        const GValue          *value,
                        GError               **error)
{
  if (value == NULL || (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) == NULL))
    return tp_schema_column_check_null (column, error);

  if (G_VALUE_HOLDS_INT64 (value))
    return tp_schema_column_check_int (column, g_value_get_int64 (value), error);

  if (G_VALUE_HOLDS_STRING (value))
    return tp_schema_column_check_text (column, g_value_get_string (value), error);

  g_return_val_if_reached (FALSE);
}
