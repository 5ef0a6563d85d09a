/* tp-backup-json.c
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

#define G_LOG_DOMAIN "tp-backup"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tp-backup-private.h"

/*
 * The JSON of a backup read (overview in tp-backup.c): a small pull
 * parser over the mapped file, strict RFC 8259 with UTF-8 checked, whose
 * messages name the file and the line.
 */

#define MAX_DEPTH        256
#define MAX_TEXT_BYTES   (TP_STORE_MAX_TEXT_LENGTH * 4)

gboolean
_tp_backup_fail (TpBackupReader  *r,
                 guint            line,
                 GError         **error,
                 int              code,
                 const char      *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, TP_BACKUP_ERROR, code,
               /* Translators: "people.json: line 17: field “email”: …"; the first %s is
                * a file name, %u a line number, the last %s says what is wrong there */
               _("%s: line %u: %s"),
               r->name, line, message);
  return FALSE;
}

gboolean
_tp_backup_fail_file (TpBackupReader  *r,
                      GError         **error,
                      int              code,
                      const char      *message)
{
  g_set_error (error, TP_BACKUP_ERROR, code, "%s: %s", r->name, message);
  return FALSE;
}

gboolean
_tp_backup_fail_truncated (TpBackupReader  *r,
                           GError         **error)
{
  return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                          _("the file ends too early; it may have been cut off"));
}

/* A short, one-line excerpt of a value for a message */
char *
_tp_backup_excerpt (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0' && n < 40; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  if (*text != '\0' && n == 40 && g_utf8_strlen (text, -1) > 40)
    g_string_append (out, "…");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
_tp_backup_expect (TpBackupReader  *r,
                   char             c,
                   GError         **error)
{
  int next = _tp_backup_peek (r);

  if (next < 0)
    return _tp_backup_fail_truncated (r, error);

  if (next != c)
    return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                            /* Translators: %c is a punctuation mark of JSON, such as : or , */
                            _("broken JSON: expected “%c” here"), c);

  r->pos++;
  return TRUE;
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (TpBackupReader *r,
           gunichar       *out)
{
  gunichar value = 0;

  if (r->len - r->pos < 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (r->data[r->pos + i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (gunichar)digit;
    }

  r->pos += 4;
  *out = value;
  return TRUE;
}

/* Reads a string at r->pos (a '"') into @out, unescaped. */
static gboolean
read_string (TpBackupReader  *r,
             GString         *out,
             GError         **error)
{
  g_string_truncate (out, 0);
  r->pos++;

  for (;;)
    {
      gsize start = r->pos;
      guchar high = 0;
      guchar c;

      while (r->pos < r->len)
        {
          c = r->data[r->pos];
          if (c == '"' || c == '\\' || c < 0x20)
            break;
          high |= c;
          r->pos++;
        }

      if (r->pos > start)
        {
          if ((high & 0x80) != 0 &&
              !g_utf8_validate_len ((const char *)r->data + start, r->pos - start, NULL))
            return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                    _("the text is not valid UTF-8"));
          if (out->len + (r->pos - start) > MAX_TEXT_BYTES)
            return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                    _("a text is too long"));
          g_string_append_len (out, (const char *)r->data + start, (gssize)(r->pos - start));
        }

      if (r->pos >= r->len)
        return _tp_backup_fail_truncated (r, error);

      c = r->data[r->pos++];
      if (c == '"')
        return TRUE;

      if (c != '\\')
        return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                _("broken JSON: a line break or control character inside quotes"));

      if (r->pos >= r->len)
        return _tp_backup_fail_truncated (r, error);

      c = r->data[r->pos++];
      switch (c)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar unit, low;

            if (!read_hex4 (r, &unit))
              return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                      _("broken JSON: “\\u” must be followed by four "
                                        "hexadecimal digits"));

            if (unit >= 0xd800 && unit <= 0xdbff)
              {
                if (r->len - r->pos < 2 || r->data[r->pos] != '\\' ||
                    r->data[r->pos + 1] != 'u')
                  return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                          _("broken JSON: half of a UTF-16 surrogate pair"));
                r->pos += 2;
                if (!read_hex4 (r, &low) || low < 0xdc00 || low > 0xdfff)
                  return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                          _("broken JSON: half of a UTF-16 surrogate pair"));
                unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (unit >= 0xdc00 && unit <= 0xdfff)
              {
                return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                        _("broken JSON: half of a UTF-16 surrogate pair"));
              }
            else if (unit == 0)
              {
                return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                        _("the text contains a NUL character"));
              }

            g_string_append_unichar (out, unit);
          }
          break;

        default:
          return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                  _("broken JSON: an unknown escape after “\\”"));
        }

      if (out->len > MAX_TEXT_BYTES)
        return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                _("a text is too long"));
    }
}

typedef enum
{
  NUMBER_INTEGER,
  NUMBER_FRACTION,   /* a valid JSON number, not a whole one */
  NUMBER_TOO_LARGE,
} NumberKind;

static gboolean
is_digit (TpBackupReader *r)
{
  return r->pos < r->len && g_ascii_isdigit (r->data[r->pos]);
}

static gboolean
read_number (TpBackupReader  *r,
             gint64          *value,
             NumberKind      *kind,
             GError         **error)
{
  gboolean negative = FALSE;
  guint64 magnitude = 0;
  gboolean overflow = FALSE;

  *kind = NUMBER_INTEGER;

  if (r->data[r->pos] == '-')
    {
      negative = TRUE;
      r->pos++;
    }

  if (!is_digit (r))
    {
      if (r->pos >= r->len)
        return _tp_backup_fail_truncated (r, error);
      return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                              _("broken JSON: a number is not written correctly"));
    }

  if (r->data[r->pos] == '0')
    {
      r->pos++;
    }
  else
    {
      while (is_digit (r))
        {
          guint digit = r->data[r->pos++] - '0';

          if (magnitude > (G_MAXUINT64 - digit) / 10)
            overflow = TRUE;
          else
            magnitude = magnitude * 10 + digit;
        }
    }

  if (r->pos < r->len && r->data[r->pos] == '.')
    {
      r->pos++;
      if (!is_digit (r))
        return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                _("broken JSON: a number is not written correctly"));
      while (is_digit (r))
        r->pos++;
      *kind = NUMBER_FRACTION;
    }

  if (r->pos < r->len && (r->data[r->pos] == 'e' || r->data[r->pos] == 'E'))
    {
      r->pos++;
      if (r->pos < r->len && (r->data[r->pos] == '+' || r->data[r->pos] == '-'))
        r->pos++;
      if (!is_digit (r))
        return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                _("broken JSON: a number is not written correctly"));
      while (is_digit (r))
        r->pos++;
      *kind = NUMBER_FRACTION;
    }

  if (*kind == NUMBER_INTEGER)
    {
      if (overflow || magnitude > (guint64)G_MAXINT64 + (negative ? 1 : 0))
        *kind = NUMBER_TOO_LARGE;
      else if (negative)
        *value = magnitude == (guint64)G_MAXINT64 + 1 ? G_MININT64 : -(gint64)magnitude;
      else
        *value = (gint64)magnitude;
    }

  return TRUE;
}

static gboolean
read_literal (TpBackupReader  *r,
              const char      *word,
              GError         **error)
{
  gsize len = strlen (word);

  if (r->len - r->pos < len || memcmp (r->data + r->pos, word, len) != 0)
    {
      if (r->len - r->pos < len && memcmp (r->data + r->pos, word, r->len - r->pos) == 0)
        return _tp_backup_fail_truncated (r, error);
      return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                              _("broken JSON: expected a value here"));
    }

  r->pos += len;
  return TRUE;
}

/* Reads one scalar, or fails on anything else; a container is reported
 * through @container so that the caller can name the field. */
gboolean
_tp_backup_read_scalar (TpBackupReader      *r,
                        GString             *text,
                        gint64              *integer,
                        TpBackupScalarKind  *kind,
                        GError             **error)
{
  int c = _tp_backup_peek (r);
  NumberKind number_kind;

  switch (c)
    {
    case -1:
      return _tp_backup_fail_truncated (r, error);

    case '"':
      *kind = TP_BACKUP_SCALAR_STRING;
      return read_string (r, text, error);

    case '{':
    case '[':
      *kind = TP_BACKUP_SCALAR_CONTAINER;
      return TRUE;

    case 't':
      *kind = TP_BACKUP_SCALAR_BOOLEAN;
      return read_literal (r, "true", error);

    case 'f':
      *kind = TP_BACKUP_SCALAR_BOOLEAN;
      return read_literal (r, "false", error);

    case 'n':
      *kind = TP_BACKUP_SCALAR_NULL;
      return read_literal (r, "null", error);

    default:
      if (c == '-' || g_ascii_isdigit (c))
        {
          if (!read_number (r, integer, &number_kind, error))
            return FALSE;
          *kind = number_kind == NUMBER_INTEGER ? TP_BACKUP_SCALAR_INTEGER
                  : number_kind == NUMBER_FRACTION ? TP_BACKUP_SCALAR_FRACTION
                  : TP_BACKUP_SCALAR_TOO_LARGE;
          return TRUE;
        }
      return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                              _("broken JSON: expected a value here"));
    }
}

gboolean
_tp_backup_read_key (TpBackupReader  *r,
                     GString         *key,
                     GError         **error)
{
  int c = _tp_backup_peek (r);

  if (c < 0)
    return _tp_backup_fail_truncated (r, error);
  if (c != '"')
    return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                            _("broken JSON: expected a name in quotes"));

  return read_string (r, key, error) && _tp_backup_expect (r, ':', error);
}

/* Skips any value, checking that it is well-formed JSON. */
gboolean
_tp_backup_skip_value (TpBackupReader  *r,
                       GError         **error)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  char closers[MAX_DEPTH];
  guint depth = 0;

  for (;;)
    {
      gint64 integer;
      TpBackupScalarKind kind;
      int c;

      /* A value is expected here */
      if (!_tp_backup_read_scalar (r, scratch, &integer, &kind, error))
        return FALSE;

      if (kind == TP_BACKUP_SCALAR_CONTAINER)
        {
          char closer = r->data[r->pos] == '{' ? '}' : ']';

          if (depth == MAX_DEPTH)
            return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                    _("the data is nested too deeply"));

          closers[depth++] = closer;
          r->pos++;

          c = _tp_backup_peek (r);
          if (c != closer)
            {
              if (closer == '}' && !_tp_backup_read_key (r, scratch, error))
                return FALSE;
              continue;
            }

          r->pos++;
          depth--;
        }

      /* After a value: close containers, or go on to the next value */
      for (;;)
        {
          if (depth == 0)
            return TRUE;

          c = _tp_backup_peek (r);
          if (c < 0)
            return _tp_backup_fail_truncated (r, error);

          if (c == closers[depth - 1])
            {
              r->pos++;
              depth--;
              continue;
            }

          if (c != ',')
            return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                                    /* Translators: %c is } or ] */
                                    _("broken JSON: expected “,” or “%c” here"),
                                    closers[depth - 1]);

          r->pos++;
          if (closers[depth - 1] == '}' && !_tp_backup_read_key (r, scratch, error))
            return FALSE;
          break;
        }
    }
}
