/* tp-csv-dates.c
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

#define G_LOG_DOMAIN "tp-csv"

#include "config.h"

#include <string.h>

#include "tp-csv-private.h"
#include "tp-schema.h"

/*
 * Dates in a file: the forms people and programs write them in, read
 * into the schema's canonical time, in an order of day and month given
 * or found from the file (see TpCsvImporter's scan of the dates).
 */

/**
 * tp_csv_date_order_from_string:
 * @text: (nullable): "dmy", "mdy" or "ymd"
 * @order: (out): the order
 *
 * Returns: %TRUE if @text names an order
 */
gboolean
tp_csv_date_order_from_string (const char     *text,
                               TpCsvDateOrder *order)
{
  static const char * const names[] = { "dmy", "mdy", "ymd" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (text, names[i]) == 0)
        {
          *order = (TpCsvDateOrder)(TP_CSV_DATE_ORDER_DMY + i);
          return TRUE;
        }
    }

  return FALSE;
}

/* Dates as people and programs write them
 *
 * Read here, besides the canonical form: ISO 8601 with or without a time,
 * with "T" or a space before it, with or without seconds and an offset
 * ("2026-03-01 14:30:00 +0000", "2026-03-01T14:30:00Z",
 * "2026-03-01T14:30+01:00"); and dates of three numbers separated by "/",
 * "." or "-" ("01/03/2026", "3/1/26", "1.3.2026"), optionally followed by
 * a time of day with AM or PM. A four-digit first number is a year, so
 * "2026/03/01" is year, month, day; otherwise the year comes last and the
 * day and month are in the order of the file. A two-digit year is read as
 * POSIX strptime() reads %y: 69–99 are 1969–1999, 00–68 are 2000–2068.
 * A time without an offset is UTC. */

typedef struct
{
  int  numbers[3];
  int  digits[3];
  int  hour;
  int  minute;
  int  second;
  int  offset;      /* seconds east of UTC */
} WrittenTime;

static int
read_number (const char **p,
             int          max_digits,
             int         *digits)
{
  int value = 0;
  int n = 0;

  while (g_ascii_isdigit (**p) && n < max_digits + 1)
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }

  *digits = n;
  return n == 0 || n > max_digits ? -1 : value;
}

/* The time of day and the offset after a date; TRUE if @p holds nothing
 * else */
static gboolean
read_clock (const char  *p,
            WrittenTime *out)
{
  int digits;

  out->hour = out->minute = out->second = out->offset = 0;

  if (*p == '\0')
    return TRUE;
  if (*p != 'T' && *p != ' ')
    return FALSE;
  while (*p == ' ' || *p == 'T')
    p++;

  out->hour = read_number (&p, 2, &digits);
  if (out->hour < 0 || *p++ != ':')
    return FALSE;
  out->minute = read_number (&p, 2, &digits);
  if (out->minute < 0 || digits != 2)
    return FALSE;
  if (*p == ':')
    {
      p++;
      out->second = read_number (&p, 2, &digits);
      if (out->second < 0 || digits != 2)
        return FALSE;
      if (*p == '.' || *p == ',')
        {
          p++;
          while (g_ascii_isdigit (*p))
            p++;
        }
    }

  while (*p == ' ')
    p++;

  if (g_ascii_strncasecmp (p, "AM", 2) == 0 || g_ascii_strncasecmp (p, "PM", 2) == 0)
    {
      if (out->hour < 1 || out->hour > 12)
        return FALSE;
      out->hour = out->hour % 12 + (g_ascii_toupper (*p) == 'P' ? 12 : 0);
      p += 2;
      while (*p == ' ')
        p++;
    }

  if (*p == 'Z' && p[1] == '\0')
    return TRUE;
  if ((g_ascii_strcasecmp (p, "UTC") == 0 || g_ascii_strcasecmp (p, "GMT") == 0))
    return TRUE;
  if (*p == '+' || *p == '-')
    {
      int sign = *p == '-' ? -1 : 1;
      int hours, minutes = 0;

      /* +01, +0100 or +01:00 */
      p++;
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
        return FALSE;
      hours = (p[0] - '0') * 10 + (p[1] - '0');
      p += 2;
      if (*p == ':')
        p++;
      if (*p != '\0')
        {
          if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
            return FALSE;
          minutes = (p[0] - '0') * 10 + (p[1] - '0');
          p += 2;
        }
      if (hours > 23 || minutes > 59)
        return FALSE;
      out->offset = sign * (hours * 3600 + minutes * 60);
    }

  return *p == '\0';
}

/* Splits a written date into its three numbers and its time. */
static gboolean
read_written_time (const char  *text,
                   WrittenTime *out)
{
  const char *p = text;
  char separator = 0;

  for (guint i = 0; i < 3; i++)
    {
      out->numbers[i] = read_number (&p, 4, &out->digits[i]);
      if (out->numbers[i] < 0)
        return FALSE;
      if (i < 2)
        {
          if (*p != '/' && *p != '.' && *p != '-')
            return FALSE;
          if (separator != 0 && *p != separator)
            return FALSE;
          separator = *p++;
        }
    }

  /* "1.3.2026." is how some write it in German */
  if (separator == '.' && *p == '.')
    p++;

  if (out->digits[0] == 4)
    {
      if (out->digits[1] > 2 || out->digits[2] > 2)
        return FALSE;
    }
  else if (out->digits[0] > 2 || out->digits[1] > 2 || (out->digits[2] != 2 &&
                                                          out->digits[2] != 4))
    {
      return FALSE;
    }

  return read_clock (p, out);
}

static int
full_year (int year,
           int digits)
{
  if (digits != 2)
    return year;

  return year >= 69 ? 1900 + year : 2000 + year;
}

/* The time @written means in @order, in the canonical form; NULL if it is
 * no date in that order */
static char *
format_written (const WrittenTime *written,
                TpCsvDateOrder     order)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) time = NULL;
  int year, month, day;

  if (written->digits[0] == 4)
    order = TP_CSV_DATE_ORDER_YMD;

  switch (order)
    {
    case TP_CSV_DATE_ORDER_DMY:
      day = written->numbers[0];
      month = written->numbers[1];
      year = full_year (written->numbers[2], written->digits[2]);
      break;

    case TP_CSV_DATE_ORDER_MDY:
      month = written->numbers[0];
      day = written->numbers[1];
      year = full_year (written->numbers[2], written->digits[2]);
      break;

    case TP_CSV_DATE_ORDER_YMD:
      if (written->digits[2] == 4)
        return NULL;
      year = full_year (written->numbers[0], written->digits[0]);
      month = written->numbers[1];
      day = written->numbers[2];
      break;

    case TP_CSV_DATE_ORDER_UNKNOWN:
    default:
      return NULL;
    }

  if (year < 1 || year > 9999 ||
      !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year) ||
      written->hour > 23 || written->minute > 59 || written->second > 59)
    return NULL;

  utc = g_time_zone_new_utc ();
  local = g_date_time_new (utc, year, month, day, written->hour, written->minute,
                           written->second);
  if (local == NULL)
    return NULL;
  time = g_date_time_add_seconds (local, -written->offset);

  return time != NULL ? tp_schema_format_time (time) : NULL;
}

/* The orders (TP_CSV_ORDER_BIT) in which @text is a date; 0 if it is
 * none or if it is written year first. */
guint
_tp_csv_written_orders (const char *text)
{
  g_autofree char *dmy = NULL;
  g_autofree char *mdy = NULL;
  WrittenTime written;
  guint orders = 0;

  if (!read_written_time (text, &written) || written.digits[0] == 4)
    return 0;

  dmy = format_written (&written, TP_CSV_DATE_ORDER_DMY);
  mdy = format_written (&written, TP_CSV_DATE_ORDER_MDY);
  if (dmy != NULL)
    orders |= TP_CSV_ORDER_BIT (TP_CSV_DATE_ORDER_DMY);
  if (mdy != NULL)
    orders |= TP_CSV_ORDER_BIT (TP_CSV_DATE_ORDER_MDY);

  /* 01/01/2026 is the same day either way */
  if (dmy != NULL && mdy != NULL && g_str_equal (dmy, mdy))
    orders |= TP_CSV_ORDER_BIT (TP_CSV_DATE_ORDER_UNKNOWN);

  return orders;
}

/**
 * tp_csv_normalize_time:
 * @text: a date, with or without a time, as written in a file
 * @order: how to read dates such as 03/04/2026
 *
 * Reads a date in one of the forms people and programs write (see above)
 * and gives it in the canonical form of the schema.
 *
 * Returns: (transfer full) (nullable): "2026-03-01T14:30:00Z", or %NULL
 *   if @text is no date (in @order)
 */
char *
tp_csv_normalize_time (const char     *text,
                       TpCsvDateOrder  order)
{
  g_autofree char *stripped = NULL;
  WrittenTime written;
  char *canonical;

  g_return_val_if_fail (text != NULL, NULL);

  if (tp_schema_time_is_canonical (text, strlen (text)))
    return g_strdup (text);

  stripped = g_strstrip (g_strdup (text));
  if (read_written_time (stripped, &written))
    {
      canonical = format_written (&written, order);
      if (canonical != NULL)
        return canonical;

      /* 01/01/2026 needs no order */
      if (order == TP_CSV_DATE_ORDER_UNKNOWN &&
          (_tp_csv_written_orders (stripped) &
           TP_CSV_ORDER_BIT (TP_CSV_DATE_ORDER_UNKNOWN)) != 0)
        return format_written (&written, TP_CSV_DATE_ORDER_DMY);

      return NULL;
    }

  return tp_schema_normalize_time (stripped);
}

