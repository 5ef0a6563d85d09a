/* tp-vcard.c
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

#define G_LOG_DOMAIN "tp-vcard"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
/* evolution-data-server 3.46 still names GTimeVal in its headers */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "tp-csv.h"
#include "tp-vcard-private.h"

/*
 * vCard files (.vcf: what phones, GNOME Contacts, Google and Outlook
 * export), read as rows for the CSV importer, so that a vCard import maps,
 * previews, skips what is already there and reports as a CSV import does.
 *
 * The file is cut into its cards at the BEGIN:VCARD and END:VCARD lines;
 * each card is parsed by EVCard of evolution-data-server's
 * libebook-contacts (GNOME's own vCard parser: line folding, quoted
 * printable, escaping, vCard 2.1, 3.0 and 4.0). Each card becomes a row
 * of the columns below, whose line is that of its BEGIN:VCARD.
 */

#define MAX_FILE_SIZE (256 * 1024 * 1024)

static const char * const columns[] = { "FN", "N (given)", "N (family)", "EMAIL", "TEL", "NOTE" };

/**
 * _tp_vcard_is_vcard:
 * @data: the start of a file
 * @len: its length
 *
 * Returns: %TRUE if the file starts (after a byte-order mark and blank
 *   lines) with BEGIN:VCARD
 */
gboolean
_tp_vcard_is_vcard (const char *data,
                    gsize       len)
{
  const char *p = data;
  const char *end = data + len;

  if (len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;

  return (gsize)(end - p) >= 11 && g_ascii_strncasecmp (p, "BEGIN:VCARD", 11) == 0;
}

static char *
attribute_value (EVCard     *card,
                 const char *name)
{
  EVCardAttribute *attribute = e_vcard_get_attribute (card, name);
  char *value;

  if (attribute == NULL)
    return NULL;

  value = e_vcard_attribute_get_value (attribute);
  if (value == NULL)
    return NULL;

  /* vCard 4.0 may write a telephone number as a URI */
  if (g_ascii_strncasecmp (value, "tel:", 4) == 0)
    memmove (value, value + 4, strlen (value + 4) + 1);

  return g_strstrip (value);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

/* Whether @line starts as evolution-data-server reads it without a
 * complaint: an optional group and a name, each of letters, digits, '-'
 * and '_'; then parameters, each a name with a value (NAME=a,b) or a bare
 * word (vCard 2.1), where values are any text but control characters and
 * '=' unless in quotes; then ':'. Version 3.46 warns about any other line
 * before it skips it, and leaks memory on two groups or a second '='. */
static gboolean
is_property_line (const char *line)
{
  const char *p = line;
  gboolean dot = FALSE;

  for (; *p != '\0' && *p != ';' && *p != ':'; p++)
    {
      if (*p == '.' && !dot && p > line && is_name_char (p[1]))
        dot = TRUE;
      else if (!is_name_char (*p))
        return FALSE;
    }
  if (p == line)
    return FALSE;

  while (*p == ';')
    {
      gboolean value = FALSE;
      gboolean quoted = FALSE;

      for (p++; *p != '\0' && (quoted || (*p != ';' && *p != ':')); p++)
        {
          if ((guchar)*p < 0x20 || *p == 0x7f)
            return FALSE;
          else if (*p == '"')
            quoted = !quoted;
          else if (quoted || is_name_char (*p))
            continue;
          else if (*p == '=' && !value)
            value = TRUE;
          else if (!value || *p == '=')
            return FALSE;
        }
    }

  return *p == ':';
}

/* Whether @line, the first line of a property, has a quoted-printable
 * value (vCard 2.1), whose soft line breaks ('=' at the end of a line)
 * go on in the next line without the leading space of a folded line */
static gboolean
is_quoted_printable (const char *line)
{
  const char *colon = strchr (line, ':');
  g_autofree char *params = NULL;

  if (colon == NULL)
    return FALSE;

  params = g_ascii_strup (line, colon - line);

  return strstr (params, "QUOTED-PRINTABLE") != NULL;
}

static gboolean
emit_card (const char  *text,
           guint        line,
           TpVcardRecordFunc func,
           gpointer     data,
           GError     **error)
{
  EContact *contact = e_contact_new_from_vcard (text);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  EContactName *name;

  name = e_contact_get (contact, E_CONTACT_NAME);
  g_ptr_array_add (fields, g_strdup (e_contact_get_const (contact, E_CONTACT_FULL_NAME)));
  g_ptr_array_add (fields, g_strdup (name != NULL ? name->given : NULL));
  g_ptr_array_add (fields, g_strdup (name != NULL ? name->family : NULL));
  g_ptr_array_add (fields, attribute_value (E_VCARD (contact), EVC_EMAIL));
  g_ptr_array_add (fields, attribute_value (E_VCARD (contact), EVC_TEL));
  g_ptr_array_add (fields, g_strdup (e_contact_get_const (contact, E_CONTACT_NOTE)));
  g_clear_pointer (&name, e_contact_name_free);
  g_object_unref (contact);

  for (guint i = 0; i < fields->len; i++)
    {
      if (g_ptr_array_index (fields, i) == NULL)
        g_ptr_array_index (fields, i) = g_strdup ("");
    }

  return func (fields, line, data, error);
}

/**
 * _tp_vcard_read:
 * @file: a vCard file
 * @name: its name, for messages
 * @func: called with the names of the columns, then with each card
 * @data: data for @func
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the cards of @file in order, until @func returns %FALSE.
 *
 * Returns: %FALSE on error, with @error set by @func or here
 */
gboolean
_tp_vcard_read (GFile              *file,
                const char         *name,
                TpVcardRecordFunc   func,
                gpointer            data,
                GCancellable       *cancellable,
                GError            **error)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) card = g_string_new (NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length = 0;
  guint start = 0;
  gboolean inside = FALSE;
  guint n_cards = 0;
  gboolean keep = TRUE;
  gboolean quoted_printable = FALSE;
  gboolean continued = FALSE;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name,
                   local_error->message);
      return FALSE;
    }

  if (length > MAX_FILE_SIZE || memchr (contents, '\0', length) != NULL ||
      !g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error (error, TP_CSV_ERROR, TP_CSV_ERROR_NOT_TEXT, "%s: %s", name,
                   _("this is not a vCard file Touchpoint can read: it is not UTF-8 text"));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_ptr_array_add (header, (gpointer)columns[i]);
  if (!func (header, 1, data, error))
    return error == NULL || *error == NULL;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';

      if (!inside && g_ascii_strcasecmp (line, "BEGIN:VCARD") == 0)
        {
          inside = TRUE;
          start = i + 1;
          g_string_truncate (card, 0);
          keep = TRUE;
          quoted_printable = FALSE;
          continued = FALSE;
        }

      if (inside)
        {
          /* A folded line (RFC 6350 §3.2) or the rest of a
           * quoted-printable value belongs to the line before it; any
           * other line the parser cannot read is left out, as the parser
           * itself would */
          if (!continued && line[0] != ' ' && line[0] != '\t')
            {
              keep = is_property_line (line);
              quoted_printable = keep && is_quoted_printable (line);
            }
          continued = quoted_printable && len > 0 && line[len - 1] == '=';

          if (keep)
            {
              g_string_append (card, line);
              g_string_append (card, "\r\n");
            }
        }

      if (inside && g_ascii_strcasecmp (line, "END:VCARD") == 0)
        {
          inside = FALSE;
          n_cards++;
          if (!emit_card (card->str, start, func, data, error))
            return error == NULL || *error == NULL;
        }
    }

  if (n_cards == 0 || inside)
    {
      g_set_error (error, TP_CSV_ERROR, TP_CSV_ERROR_SYNTAX, "%s: %s", name,
                   inside ? _("a card that begins with BEGIN:VCARD never ends with END:VCARD")
                          : _("there is no card in this file"));
      return FALSE;
    }

  return TRUE;
}
