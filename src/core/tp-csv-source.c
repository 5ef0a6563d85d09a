/* tp-csv-source.c
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

#include <glib/gi18n-lib.h>

#include "tp-csv-private.h"

/*
 * The bytes of a file as text, chunk by chunk: a UTF-8 byte-order mark
 * dropped, UTF-16 with a mark converted, a file that is not UTF-8 read
 * as Latin-1 with the Windows-1252 letters in 0x80–0x9F; and the scan
 * that decides, before reading, whether a file is text at all (no NUL
 * bytes, few control characters) and whether it is UTF-8.
 */

#define CHUNK_SIZE        (64 * 1024)
#define SNIFF_SIZE        (64 * 1024)

void
_tp_csv_source_clear (TpCsvSource *source)
{
  g_clear_object (&source->stream);
  if (source->text != NULL)
    g_string_free (source->text, TRUE);
  g_free (source->buffer);
  memset (source, 0, sizeof *source);
}

gboolean
_tp_csv_prefix_error (GError     **error,
                      GError      *local_error,
                      const char  *name)
{
  g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
  g_error_free (local_error);
  return FALSE;
}

gboolean
_tp_csv_source_open (TpCsvSource   *source,
                     GFile         *file,
                     const char    *name,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  GError *local_error = NULL;
  const guchar *peek;
  gsize available = 0;

  memset (source, 0, sizeof *source);
  source->text = g_string_sized_new (CHUNK_SIZE * 3);
  source->buffer = g_malloc (CHUNK_SIZE);

  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    return _tp_csv_prefix_error (error, local_error, name);

  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL)
    source->size = (guint64)g_file_info_get_size (info);

  buffered = g_buffered_input_stream_new_sized (G_INPUT_STREAM (in), CHUNK_SIZE);
  while (available < 4)
    {
      gssize n = g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 4,
                                               cancellable, &local_error);

      if (n < 0)
        return _tp_csv_prefix_error (error, local_error, name);
      available = g_buffered_input_stream_get_available (G_BUFFERED_INPUT_STREAM (buffered));
      if (n == 0)
        break;
    }

  peek = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &available);

  if (available >= 3 && peek[0] == 0xef && peek[1] == 0xbb && peek[2] == 0xbf)
    {
      g_input_stream_skip (buffered, 3, cancellable, NULL);
      source->stream = g_steal_pointer (&buffered);
    }
  else if (available >= 2 && ((peek[0] == 0xff && peek[1] == 0xfe) ||
                              (peek[0] == 0xfe && peek[1] == 0xff)))
    {
      g_autoptr(GCharsetConverter) converter = NULL;

      converter = g_charset_converter_new ("UTF-8", peek[0] == 0xff ? "UTF-16LE" : "UTF-16BE",
                                           &local_error);
      if (converter == NULL)
        return _tp_csv_prefix_error (error, local_error, name);
      g_input_stream_skip (buffered, 2, cancellable, NULL);
      source->stream = g_converter_input_stream_new (buffered, G_CONVERTER (converter));
      /* The size no longer says how far the text has come */
      source->size = 0;
    }
  else
    {
      source->stream = g_steal_pointer (&buffered);
    }

  return TRUE;
}

/* Windows-1252 in 0x80–0x9F, the rest of Latin-1 maps to itself. */
static const gunichar cp1252[32] = {
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};

static void
append_latin1 (GString      *out,
               const guchar *data,
               gsize         len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = data[i];

      if (c < 0x80)
        g_string_append_c (out, (char)c);
      else if (c < 0xa0)
        g_string_append_unichar (out, cp1252[c - 0x80]);
      else
        g_string_append_unichar (out, c);
    }
}

/* Reads the next chunk into source->text; returns its length, 0 at the
 * end, -1 on error. */
gssize
_tp_csv_source_read (TpCsvSource   *source,
                     const char    *name,
                     GCancellable  *cancellable,
                     GError       **error)
{
  GError *local_error = NULL;
  gssize n;

  /* The chunk _tp_csv_source_peek() read */
  if (source->unread)
    {
      source->unread = FALSE;
      return (gssize)source->text->len;
    }

  n = g_input_stream_read (source->stream, source->buffer, CHUNK_SIZE, cancellable, &local_error);
  if (n < 0)
    return _tp_csv_prefix_error (error, local_error, name), -1;

  source->consumed += (guint64)n;
  g_string_truncate (source->text, 0);
  if (source->latin1)
    append_latin1 (source->text, source->buffer, (gsize)n);
  else
    g_string_append_len (source->text, (const char *)source->buffer, n);

  return (gssize)source->text->len;
}

/* Reads the first chunk into source->text, which the next
 * _tp_csv_source_read() gives again; returns its length, 0 for an empty
 * file, -1 on error. */
gssize
_tp_csv_source_peek (TpCsvSource   *source,
                     const char    *name,
                     GCancellable  *cancellable,
                     GError       **error)
{
  gssize n = _tp_csv_source_read (source, name, cancellable, error);

  source->unread = n >= 0;
  return n;
}

gboolean
_tp_csv_fail_file (GError     **error,
                   int          code,
                   const char  *name,
                   const char  *message)
{
  g_set_error (error, TP_CSV_ERROR, code, "%s: %s", name, message);
  return FALSE;
}

/* Reads up to @limit bytes (0: all) to decide whether the file is text
 * and whether it is UTF-8. */
gboolean
_tp_csv_scan_encoding (GFile         *file,
                       const char    *name,
                       guint64        limit,
                       gboolean      *is_utf8,
                       GCancellable  *cancellable,
                       GError       **error)
{
  TpCsvSource source;
  guchar carry[4];
  gsize n_carry = 0;
  guint64 total = 0;
  guint controls = 0;
  gboolean valid = TRUE;
  gboolean ok = FALSE;

  if (!_tp_csv_source_open (&source, file, name, cancellable, error))
    goto out;

  for (;;)
    {
      g_autofree guchar *joined = NULL;
      const guchar *data;
      const char *end;
      gsize len;
      GError *local_error = NULL;
      gssize n;

      n = g_input_stream_read (source.stream, source.buffer, CHUNK_SIZE, cancellable, &local_error);
      if (n < 0)
        {
          _tp_csv_prefix_error (error, local_error, name);
          goto out;
        }

      if (n == 0)
        {
          if (n_carry > 0)
            valid = FALSE;
          break;
        }

      if (memchr (source.buffer, '\0', (gsize)n) != NULL)
        {
          _tp_csv_fail_file (error, TP_CSV_ERROR_NOT_TEXT, name,
                             _("this is not a CSV file: it contains binary data"));
          goto out;
        }

      if (total < SNIFF_SIZE)
        {
          for (gssize i = 0; i < n && total + (guint64)i < SNIFF_SIZE; i++)
            {
              guchar c = source.buffer[i];

              if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f)
                controls++;
            }

          if (controls > 8 && controls * 100 > MIN (total + (guint64)n, SNIFF_SIZE))
            {
              _tp_csv_fail_file (error, TP_CSV_ERROR_NOT_TEXT, name,
                                 _("this is not a CSV file: it contains binary data"));
              goto out;
            }
        }

      total += (guint64)n;

      if (valid)
        {
          if (n_carry > 0)
            {
              joined = g_malloc (n_carry + (gsize)n);
              memcpy (joined, carry, n_carry);
              memcpy (joined + n_carry, source.buffer, (gsize)n);
              data = joined;
              len = n_carry + (gsize)n;
            }
          else
            {
              data = source.buffer;
              len = (gsize)n;
            }

          n_carry = 0;
          if (!g_utf8_validate_len ((const char *)data, len, &end))
            {
              gsize rest = len - (gsize)((const guchar *)end - data);
              guchar lead = *(const guchar *)end;
              gsize needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
              gboolean prefix = needed > rest && lead < 0xf5;

              /* A character cut by the end of the chunk waits for the next */
              for (gsize i = 1; prefix && i < rest; i++)
                prefix = (((const guchar *)end)[i] & 0xc0) == 0x80;

              if (prefix)
                {
                  memcpy (carry, end, rest);
                  n_carry = rest;
                }
              else
                {
                  valid = FALSE;
                }
            }
        }

      if (limit > 0 && total >= limit)
        break;
    }

  *is_utf8 = valid;
  ok = TRUE;

out:
  _tp_csv_source_clear (&source);
  return ok;
}

