/* fuzz-backup.c
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

#define G_LOG_DOMAIN "fuzz-backup"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "tp-backup.h"

/*
 * libFuzzer target for the JSON restore: any input either fails with a
 * message or restores. What it restores must be JSON to json-glib as
 * well, and the backup written from the result must validate again.
 */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static TpDatabase *db;
static char *in_path;
static char *out_path;

static void
remove_files (void)
{
  g_unlink (in_path);
  g_unlink (out_path);
}

static char *
make_temp (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp (tmpl, &path, &error);

  g_assert_no_error (error);
  close (fd);

  return path;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) in = NULL;
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    {
      db = tp_database_open (":memory:", &error);
      g_assert_no_error (error);
      in_path = make_temp ("fuzz-backup-in-XXXXXX.json");
      out_path = make_temp ("fuzz-backup-out-XXXXXX.json");
      atexit (remove_files);
    }

  g_file_set_contents_full (in_path, (const char *)data, (gssize)size,
                            G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
  in = g_file_new_for_path (in_path);

  if (tp_backup_restore (db, in, NULL, NULL, NULL, NULL, &error))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GFile) out = g_file_new_for_path (out_path);
      gsize bom = size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

      if (!json_parser_load_from_data (parser, (const char *)data + bom, (gssize)(size - bom),
                                       &error))
        g_error ("restored from a file json-glib refuses: %s", error->message);

      if (!tp_backup_export (db, out, NULL, NULL, NULL, &error) ||
          !tp_backup_validate (db, out, NULL, &error))
        g_error ("the backup of a restored database is refused: %s", error->message);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
    }

  return 0;
}
