/* tp-cli.c
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

#define G_LOG_DOMAIN "tp-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-cli.h"

/*
 * The headless commands of DESIGN.md §7. TpApplication adds these entries
 * to its options and calls tp_cli_run() from handle-local-options; the
 * commands run without a window, print a one-line message on failure and
 * return the exit status.
 *
 * Each command is one entry below and one handler in tp_cli_run().
 */

static const GOptionEntry entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH instead of the default one"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

const GOptionEntry *
tp_cli_get_option_entries (void)
{
  return entries;
}

/**
 * tp_cli_get_default_database_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/touchpoint/touchpoint.db`
 */
char *
tp_cli_get_default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "touchpoint", "touchpoint.db", NULL);
}

/**
 * tp_cli_run:
 * @options: the parsed command-line options
 *
 * Runs the headless command that @options asks for, if any.
 *
 * Returns: -1 when @options asks for no headless command (the app then
 *   opens its window), otherwise the exit status
 */
int
tp_cli_run (GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("touchpoint %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}
