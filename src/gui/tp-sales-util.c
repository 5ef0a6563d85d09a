/* tp-sales-util.c
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

#define G_LOG_DOMAIN "tp-sales-util"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "tp-sales-util-private.h"
#include "tp-window.h"

/* Amounts stop where the store stops them. */
#define MAX_MINOR G_GINT64_CONSTANT (1000000000000000)

/* Times
 *
 * The database holds UTC; the screen shows local time. Typed times use
 * one unambiguous form, "2026-11-28 14:05", which every locale reads the
 * same way; "28.11.2026 14:05" is read too. */

static GDateTime *
parse_utc_local (const char *utc)
{
  g_autoptr(GDateTime) time = NULL;

  if (utc == NULL || utc[0] == '\0')
    return NULL;

  time = tp_schema_parse_time (utc);
  if (time == NULL)
    return NULL;

  return g_date_time_to_local (time);
}

/**
 * _tp_format_date:
 * @utc: (nullable): a stored time
 *
 * Returns: (transfer full): the local date of @utc, or "" when there is none
 */
char *
_tp_format_date (const char *utc)
{
  g_autoptr(GDateTime) local = parse_utc_local (utc);

  if (local == NULL)
    return g_strdup ("");

  /* Translators: a date as shown in lists, see the strftime manual; "Nov 28, 2026" */
  return g_date_time_format (local, _("%b %-d, %Y"));
}

/**
 * _tp_format_date_time:
 * @utc: (nullable): a stored time
 *
 * Returns: (transfer full): the local date and time of @utc, or ""
 */
char *
_tp_format_date_time (const char *utc)
{
  g_autoptr(GDateTime) local = parse_utc_local (utc);

  if (local == NULL)
    return g_strdup ("");

  /* Translators: a date and time as shown in the touch timeline, see the
   * strftime manual; "Nov 28, 2026 14:05" */
  return g_date_time_format (local, _("%b %-d, %Y %H:%M"));
}

/**
 * _tp_format_entry_time:
 * @time: a time
 *
 * Returns: (transfer full): @time in local time, as a time entry shows it
 */
char *
_tp_format_entry_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/**
 * _tp_format_entry_utc:
 * @utc: (nullable): a stored time
 *
 * Returns: (transfer full): @utc in local time, as a time entry shows it,
 *   or "" when there is none
 */
char *
_tp_format_entry_utc (const char *utc)
{
  g_autoptr(GDateTime) local = parse_utc_local (utc);

  if (local == NULL)
    return g_strdup ("");

  return _tp_format_entry_time (local);
}

static gboolean
valid_date (int year,
            int month,
            int day)
{
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 &&
         day >= 1 && day <= g_date_get_days_in_month (month, year);
}

/**
 * _tp_parse_entry_time:
 * @text: a typed local time, "2026-11-28 14:05", "2026-11-28" or
 *   "28.11.2026 14:05"
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the time, or %NULL with a message
 *   that says what to type
 */
GDateTime *
_tp_parse_entry_time (const char  *text,
                      GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  char tail = 0;
  gboolean parsed = FALSE;
  g_autoptr(GTimeZone) zone = NULL;

  if (copy[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Enter a date, such as 2026-11-28 14:05."));
      return NULL;
    }

  /* The separator between date and time may be a space or a "T". */
  for (char *p = copy; *p != '\0'; p++)
    if (*p == 'T' || *p == 't')
      *p = ' ';

  if (sscanf (copy, "%4d-%2d-%2d %2d:%2d:%2d%c", &year, &month, &day, &hour, &minute, &second, &tail) == 6 ||
      sscanf (copy, "%4d-%2d-%2d %2d:%2d%c", &year, &month, &day, &hour, &minute, &tail) == 5 ||
      sscanf (copy, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3)
    parsed = TRUE;
  else
    {
      year = month = day = hour = minute = second = 0;
      if (sscanf (copy, "%2d.%2d.%4d %2d:%2d%c", &day, &month, &year, &hour, &minute, &tail) == 5 ||
          sscanf (copy, "%2d.%2d.%4d%c", &day, &month, &year, &tail) == 3)
        parsed = TRUE;
    }

  if (!parsed || !valid_date (year, month, day) ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is what was typed */
                   _("“%s” is not a date. Enter one such as 2026-11-28 14:05."),
                   copy);
      return NULL;
    }

  zone = g_time_zone_new_local ();
  return g_date_time_new (zone, year, month, day, hour, minute, second);
}

/**
 * _tp_is_future:
 * @utc: (nullable): a stored time
 *
 * Returns: whether @utc lies after now
 */
gboolean
_tp_is_future (const char *utc)
{
  g_autofree char *now = tp_store_now ();

  /* Stored times sort as text. */
  return utc != NULL && strcmp (utc, now) > 0;
}

/* Amounts */

/**
 * _tp_currency_digits:
 * @currency: (nullable): an ISO 4217 code
 *
 * Returns: how many digits follow the decimal point in @currency
 */
guint
_tp_currency_digits (const char *currency)
{
  static const char * const none[] = {
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
    "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
  };
  static const char * const three[] = {
    "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND",
  };

  if (currency == NULL)
    return 2;

  for (guint i = 0; i < G_N_ELEMENTS (none); i++)
    if (g_str_equal (currency, none[i]))
      return 0;
  for (guint i = 0; i < G_N_ELEMENTS (three); i++)
    if (g_str_equal (currency, three[i]))
      return 3;

  return 2;
}

static guint64
power_of_ten (guint digits)
{
  guint64 value = 1;

  while (digits-- > 0)
    value *= 10;

  return value;
}

static const char *
decimal_point (void)
{
  const char *point = localeconv ()->decimal_point;

  return point != NULL && point[0] != '\0' ? point : ".";
}

/**
 * _tp_format_amount_entry:
 * @minor: an amount in minor units
 * @currency: (nullable): its currency
 *
 * Returns: (transfer full): the amount without grouping, as an amount
 *   entry shows it ("1234.50", or "1234,50" where a comma is the decimal
 *   point)
 */
char *
_tp_format_amount_entry (gint64      minor,
                         const char *currency)
{
  guint digits = _tp_currency_digits (currency);
  guint64 scale = power_of_ten (digits);
  guint64 value = (guint64)ABS (minor);

  if (digits == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, minor < 0 ? "-" : "", value);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%0*" G_GUINT64_FORMAT,
                          minor < 0 ? "-" : "", value / scale, decimal_point (),
                          (int)digits, value % scale);
}

/**
 * _tp_format_money:
 * @minor: an amount in minor units
 * @currency: (nullable): its currency
 *
 * Returns: (transfer full): the amount with the locale's grouping and
 *   decimal point, and its currency: "1,234.50 EUR"
 */
char *
_tp_format_money (gint64      minor,
                  const char *currency)
{
  guint digits = _tp_currency_digits (currency);
  guint64 scale = power_of_ten (digits);
  guint64 value = (guint64)ABS (minor);
  g_autofree char *major = NULL;
  g_autofree char *amount = NULL;

  /* The ' flag groups thousands the way the locale does. */
  major = g_strdup_printf ("%'" G_GUINT64_FORMAT, value / scale);

  if (digits == 0)
    amount = g_strdup_printf ("%s%s", minor < 0 ? "−" : "", major);
  else
    amount = g_strdup_printf ("%s%s%s%0*" G_GUINT64_FORMAT, minor < 0 ? "−" : "",
                              major, decimal_point (), (int)digits, value % scale);

  /* Translators: an amount of money, then its currency code: "12.50 EUR" */
  return g_strdup_printf (C_("money", "%1$s %2$s"), amount, currency != NULL ? currency : "");
}

static gboolean
is_separator (gunichar c)
{
  return c == '.' || c == ',' || c == '\'' || c == ' ' || c == 0x00A0 || c == 0x202F;
}

/**
 * _tp_parse_money:
 * @text: a typed amount: "12,50", "12.50", "1.234,50", "1,234.50", "12"
 * @currency: (nullable): the currency of the amount
 * @minor: (out): the amount in minor units
 * @error: return location for a #GError
 *
 * Reads a typed amount whatever the decimal point: the last point or comma
 * followed by no more digits than @currency has is the decimal point; the
 * other points, commas and spaces group thousands. The currency's code or
 * symbol may come before or after the number. Negative amounts are refused.
 *
 * Returns: %TRUE if @text is an amount
 */
gboolean
_tp_parse_money (const char  *text,
                 const char  *currency,
                 gint64      *minor,
                 GError     **error)
{
  static const char * const symbols[] = { "€", "$", "£", "¥", "₹", "CHF", "Fr." };
  guint digits = _tp_currency_digits (currency);
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GString) number = g_string_new (NULL);
  const char *last_separator = NULL;
  guint64 major = 0, fraction = 0;
  guint n_fraction = 0;
  char *p;

  g_return_val_if_fail (minor != NULL, FALSE);

  *minor = 0;

  if (copy[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Enter an amount, such as 12.50."));
      return FALSE;
    }

  if (copy[0] == '-' || g_str_has_prefix (copy, "−") ||
      (strchr (copy, '-') != NULL && strspn (copy, "0123456789.,' -") == strlen (copy)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("An amount cannot be negative."));
      return FALSE;
    }

  /* Drop the currency where the owner typed it. */
  p = copy;
  if (currency != NULL && g_ascii_strncasecmp (p, currency, strlen (currency)) == 0)
    p += strlen (currency);
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_str_has_prefix (p, symbols[i]))
      p += strlen (symbols[i]);
  g_string_assign (number, p);
  g_strstrip (number->str);
  number->len = strlen (number->str);
  if (currency != NULL && number->len > strlen (currency) &&
      g_ascii_strcasecmp (number->str + number->len - strlen (currency), currency) == 0)
    g_string_truncate (number, number->len - strlen (currency));
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_str_has_suffix (number->str, symbols[i]))
      g_string_truncate (number, number->len - strlen (symbols[i]));
  g_strstrip (number->str);
  number->len = strlen (number->str);

  if (g_str_has_prefix (number->str, "-") || g_str_has_prefix (number->str, "−"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("An amount cannot be negative."));
      return FALSE;
    }

  /* Only digits and separators, starting with a digit. */
  if (number->len == 0 || !g_ascii_isdigit (number->str[0]) ||
      !g_utf8_validate (number->str, -1, NULL))
    goto not_an_amount;

  for (const char *q = number->str; *q != '\0'; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (c == '.' || c == ',')
        last_separator = q;
      else if (!g_ascii_isdigit (c) && !is_separator (c))
        goto not_an_amount;
    }

  /* The last point or comma is the decimal point when few enough digits
   * follow it; three digits after it group thousands ("1.234"). */
  if (last_separator != NULL)
    {
      gsize after = strspn (last_separator + 1, "0123456789");

      if (last_separator[1 + after] != '\0')
        last_separator = NULL;  /* grouping spaces follow: not a decimal point */
      else if (after == 3 && digits != 3)
        last_separator = NULL;
      else if (after > digits)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       ngettext ("An amount in %s has at most %u digit after the decimal point.",
                                 "An amount in %s has at most %u digits after the decimal point.",
                                 digits),
                       currency != NULL ? currency : "", digits);
          return FALSE;
        }
    }

  for (const char *q = number->str; *q != '\0'; q++)
    {
      if (q == last_separator)
        {
          for (q++; g_ascii_isdigit (*q); q++)
            {
              fraction = fraction * 10 + (guint64)(*q - '0');
              n_fraction++;
            }
          break;
        }

      if (!g_ascii_isdigit (*q))
        continue;

      major = major * 10 + (guint64)(*q - '0');
      if (major > (guint64)MAX_MINOR)
        goto too_large;
    }

  while (n_fraction < digits)
    {
      fraction *= 10;
      n_fraction++;
    }

  if (major > (guint64)MAX_MINOR / power_of_ten (digits))
    goto too_large;

  *minor = (gint64)(major * power_of_ten (digits) + fraction);
  if (*minor > MAX_MINOR)
    goto too_large;

  return TRUE;

not_an_amount:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: %s is what was typed */
               _("“%s” is not an amount. Enter a number such as 12.50."),
               copy);
  return FALSE;

too_large:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("That amount is too large."));
  return FALSE;
}

/**
 * _tp_band_text:
 * @touches: a customer's touches
 * @band_low: the fewest touches inside the band
 * @band_high: the most touches inside the band
 *
 * Returns: (transfer full): "7 touches — inside 5–12"
 */
char *
_tp_band_text (guint touches,
               guint band_low,
               guint band_high)
{
  if (touches < band_low)
    /* Translators: the touches of a customer against the touch band, "3 touches — under 5–12" */
    return g_strdup_printf (ngettext ("%u touch — under %u–%u",
                                      "%u touches — under %u–%u", touches),
                            touches, band_low, band_high);
  else if (touches <= band_high)
    /* Translators: the touches of a customer against the touch band, "7 touches — inside 5–12" */
    return g_strdup_printf (ngettext ("%u touch — inside %u–%u",
                                      "%u touches — inside %u–%u", touches),
                            touches, band_low, band_high);
  else
    /* Translators: the touches of a customer against the touch band, "14 touches — over 5–12" */
    return g_strdup_printf (ngettext ("%u touch — over %u–%u",
                                      "%u touches — over %u–%u", touches),
                            touches, band_low, band_high);
}

/* Date rows */

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          AdwEntryRow *row)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) typed = _tp_parse_entry_time (gtk_editable_get_text (GTK_EDITABLE (row)), NULL);
  g_autoptr(GDateTime) chosen = NULL;
  g_autofree char *text = NULL;
  GtkWidget *popover;

  /* Keep the time of day that was there. */
  chosen = g_date_time_new_local (g_date_time_get_year (day),
                                  g_date_time_get_month (day),
                                  g_date_time_get_day_of_month (day),
                                  typed != NULL ? g_date_time_get_hour (typed) : 12,
                                  typed != NULL ? g_date_time_get_minute (typed) : 0,
                                  0);
  text = _tp_format_entry_time (chosen);
  gtk_editable_set_text (GTK_EDITABLE (row), text);

  popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
date_popover_show_cb (GtkPopover  *popover,
                      AdwEntryRow *row)
{
  g_autoptr(GDateTime) typed = _tp_parse_entry_time (gtk_editable_get_text (GTK_EDITABLE (row)), NULL);
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));

  if (typed == NULL)
    typed = g_date_time_new_now_local ();

  g_signal_handlers_block_by_func (calendar, calendar_day_selected_cb, row);
  gtk_calendar_select_day (calendar, typed);
  g_signal_handlers_unblock_by_func (calendar, calendar_day_selected_cb, row);
}

/**
 * _tp_setup_date_row:
 * @row: an entry row that holds a local time
 *
 * Adds a button with a calendar to @row, for those who would rather pick
 * a day than type it.
 */
void
_tp_setup_date_row (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Day"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Calendar"),
                                  -1);

  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect_object (popover, "show", G_CALLBACK (date_popover_show_cb), row, 0);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), row, 0);

  adw_entry_row_add_suffix (row, button);
}

/* Currency */

/**
 * _tp_currency_from_symbol:
 * @symbol: (nullable): a locale's international currency symbol, such as
 *   "USD " (the code and a separator)
 *
 * Returns: (transfer full) (nullable): the three-letter code, or %NULL
 *   when @symbol does not start with one (the C locale has none)
 */
char *
_tp_currency_from_symbol (const char *symbol)
{
  if (symbol == NULL || strlen (symbol) < 3)
    return NULL;

  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (symbol[i]))
      return NULL;

  if (symbol[3] != '\0' && g_ascii_isalnum (symbol[3]))
    return NULL;

  return g_strndup (symbol, 3);
}

/**
 * _tp_locale_currency:
 *
 * Returns: (transfer full) (nullable): the currency of the monetary
 *   locale (`LC_MONETARY`), or %NULL when it has none
 */
char *
_tp_locale_currency (void)
{
  /* main() set LC_MONETARY from the environment; POSIX's int_curr_symbol
   * is the ISO 4217 code and a separator. */
  return _tp_currency_from_symbol (localeconv ()->int_curr_symbol);
}
