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

#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <signal.h>
#include <string.h>

#include "tp-backup.h"
#include "tp-cli.h"
#include "tp-csv.h"
#include "tp-database.h"
#include "tp-results.h"
#include "tp-sample.h"
#include "tp-worksheet-layout.h"

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
  { "sample", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Fill an empty database with a sample business: small, or large or huge for benchmarks"),
    N_("small|large|huge") },
  { "worksheet", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write a worksheet to the PDF file given with --output"), N_("brand|audience|plan") },
  { "blank", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --worksheet: leave room to write by hand instead of filling in the data"), NULL },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --worksheet: the PDF file to write"), N_("FILE") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --worksheet: the paper size (default a4)"), N_("a4|letter") },
  { "export-backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a full backup of the database to FILE (JSON)"), N_("FILE") },
  { "import-backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the contents of the database with the backup in FILE, keeping a copy of "
       "the old database beside it"), N_("FILE") },
  { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the CSV file FILE into the table given with --table; if a row cannot be "
       "imported, nothing is"), N_("FILE") },
  { "import-vcard", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the contacts of the vCard file FILE (.vcf) as customers; if a contact cannot be "
       "imported, none is"), N_("FILE") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the table given with --table to the CSV file FILE"), N_("FILE") },
  { "table", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-csv or --export-csv: the table (for an import, found from the file's "
       "columns when it is a known export; --export-csv also takes results: what each "
       "tactic, place and audience produced this quarter)"),
    N_("customers|touches|orders|results") },
  { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("With --import-csv: import the column COLUMN as the field FIELD (such as "
       "ordered_at=\"Created at\"); may be given more than once"), N_("FIELD=COLUMN") },
  { "date-order", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-csv: read dates such as 03/04/2026 day first, month first or year "
       "first, when the file does not show which"), N_("dmy|mdy|ymd") },
  { "duplicates", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-csv: merge rows that are already there (the same email) into them, "
       "or skip them (the default)"), N_("merge|skip") },
  { "copy-to", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Copy the whole business into TARGET, a new database file or an empty team database "
       "(postgresql://user@host/database), in one transaction"), N_("TARGET") },
  { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-csv: import the rows that can be imported and list the others, instead "
       "of importing nothing"), NULL },
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

/* The "database" option, or the default path with its folder made */
static char *
sample_database_path (GVariantDict *options)
{
  g_autofree char *dir = NULL;
  char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    return path;

  path = tp_cli_get_default_database_path ();
  dir = g_path_get_dirname (path);
  g_mkdir_with_parents (dir, 0700);

  return path;
}

/* --sample small|large|huge: fills an empty database */
static int
run_sample (GVariantDict *options)
{
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample_database_path (options);
  g_autofree char *name = tp_database_name_for_path (path);
  g_autofree char *size_name = NULL;
  TpSampleSize size;

  g_variant_dict_lookup (options, "sample", "s", &size_name);
  if (!tp_sample_size_from_string (size_name, &size))
    {
      g_printerr ("touchpoint: %s: ", name);
      /* Translators: %s is what was typed after --sample */
      g_printerr (_("“%s” is not a sample size: use small, large or huge"), size_name);
      g_printerr ("\n");
      return 1;
    }

  db = tp_database_open (path, &error);
  if (db == NULL || !tp_sample_fill (db, size, &error))
    {
      g_printerr ("touchpoint: %s: %s\n", name, error->message);
      return 1;
    }

  return 0;
}

/* --worksheet brand|audience|plan [--blank] [--paper a4|letter] --output F.pdf */
static int
run_worksheet (GVariantDict *options)
{
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(TpWorksheetData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  const char *kind_name = NULL;
  const char *paper_name = NULL;
  TpWorksheetPaper paper = TP_WORKSHEET_PAPER_A4;
  TpWorksheetKind kind;
  gboolean blank = g_variant_dict_contains (options, "blank");

  g_variant_dict_lookup (options, "worksheet", "&s", &kind_name);
  if (!tp_worksheet_kind_from_string (kind_name, &kind))
    {
      g_printerr ("touchpoint: --worksheet: ");
      /* Translators: %s is what was typed after --worksheet */
      g_printerr (_("“%s” is not a worksheet: use brand, audience or plan"), kind_name);
      g_printerr ("\n");
      return 1;
    }

  if (g_variant_dict_lookup (options, "paper", "&s", &paper_name) &&
      !tp_worksheet_paper_from_string (paper_name, &paper))
    {
      g_printerr ("touchpoint: --paper: ");
      /* Translators: %s is what was typed after --paper */
      g_printerr (_("“%s” is not a paper size: use a4 or letter"), paper_name);
      g_printerr ("\n");
      return 1;
    }

  if (!g_variant_dict_lookup (options, "output", "^ay", &output) || output[0] == '\0')
    {
      g_printerr ("touchpoint: --worksheet: %s\n",
                  _("say which PDF file to write with --output FILE"));
      return 1;
    }

  if (!g_variant_dict_lookup (options, "database", "^ay", &path))
    path = tp_cli_get_default_database_path ();

  if (tp_database_path_is_server (path) || g_file_test (path, G_FILE_TEST_EXISTS))
    {
      db = tp_database_open (path, &error);
      if (db != NULL)
        data = tp_worksheet_data_load (db, NULL, &error);
      if (data == NULL)
        {
          g_autofree char *name = tp_database_name_for_path (path);

          g_printerr ("touchpoint: %s: %s\n", name, error->message);
          return 1;
        }
    }
  else if (blank)
    {
      /* A blank worksheet needs no business: don't create one for it. */
      data = tp_worksheet_data_new ();
    }
  else
    {
      g_printerr ("touchpoint: %s: %s\n", path,
                  _("there is no database here to fill the worksheet from; name one with "
                    "--database, or add --blank for a blank worksheet"));
      return 1;
    }

  if (!tp_worksheet_export_pdf (data, kind, 0, blank, paper, output, &error))
    {
      g_printerr ("touchpoint: %s: %s\n", output, error->message);
      return 1;
    }

  return 0;
}

/* The database for --export-backup, --import-backup, --import-csv and
 * --export-csv. Exports need an existing database; imports create one. */
static TpDatabase *
open_io_database (GVariantDict *options,
                  gboolean      must_exist,
                  gboolean     *created)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TpDatabase *db;

  if (!g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      g_autofree char *dir = NULL;

      path = tp_cli_get_default_database_path ();
      dir = g_path_get_dirname (path);
      if (!must_exist)
        g_mkdir_with_parents (dir, 0700);
    }

  /* A team database on a server: the server says whether it is there. */
  if (must_exist && !tp_database_path_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("touchpoint: %s: %s\n", path,
                  _("there is no database here; name one with --database"));
      return NULL;
    }

  if (created != NULL)
    *created = !tp_database_path_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS);

  db = tp_database_open (path, &error);
  if (db == NULL)
    g_printerr ("touchpoint: %s\n", error->message);

  return db;
}

/* An import into a database that it created, and that then failed, leaves
 * no new empty database behind: bad input changes nothing. */
static void
remove_created_database (TpDatabase **db)
{
  g_autofree char *path = g_strdup (tp_database_get_path (*db));
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_remove (name);
    }
}

/* --table customers|touches|orders */
static gboolean
lookup_csv_table (GVariantDict *options,
                  const char   *command,
                  TpCsvTable   *table)
{
  const char *name = NULL;

  if (!g_variant_dict_lookup (options, "table", "&s", &name))
    {
      g_printerr ("touchpoint: %s: %s\n", command,
                  _("say which table with --table customers, touches or orders"));
      return FALSE;
    }

  if (!tp_csv_table_from_string (name, table))
    {
      g_printerr ("touchpoint: --table: ");
      /* Translators: %s is what was typed after --table */
      g_printerr (_("“%s” is not a table: use customers, touches or orders"), name);
      g_printerr ("\n");
      return FALSE;
    }

  return TRUE;
}

/* --export-backup F.json */
static int
run_export_backup (GVariantDict *options)
{
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;

  g_variant_dict_lookup (options, "export-backup", "^ay", &name);
  db = open_io_database (options, TRUE, NULL);
  if (db == NULL)
    return 1;

  file = g_file_new_for_commandline_arg (name);
  if (!tp_backup_export (db, file, NULL, NULL, NULL, &error))
    {
      g_printerr ("touchpoint: %s\n", error->message);
      return 1;
    }

  return 0;
}

/* --import-backup F.json */
static int
run_import_backup (GVariantDict *options)
{
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *saved_copy = NULL;
  gboolean created = FALSE;

  g_variant_dict_lookup (options, "import-backup", "^ay", &name);
  db = open_io_database (options, FALSE, &created);
  if (db == NULL)
    return 1;

  file = g_file_new_for_commandline_arg (name);
  if (!tp_backup_restore (db, file, &saved_copy, NULL, NULL, NULL, &error))
    {
      g_printerr ("touchpoint: %s\n", error->message);
      if (created)
        remove_created_database (&db);
      return 1;
    }

  if (saved_copy != NULL)
    {
      /* Translators: %s is a file name */
      g_print (_("Restored. The database as it was before is kept in %s"), saved_copy);
      g_print ("\n");
    }

  return 0;
}

/* --copy-to TARGET: the copy runs on a worker while this thread shows
 * its progress on stderr and turns Ctrl+C into a cancellation, which
 * leaves the target empty. */
typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  GAsyncResult *result;
  int           shown;
  gboolean      on_terminal;
} CopyRun;

static void
copy_progress_cb (double   fraction,
                  gpointer user_data)
{
  CopyRun *run = user_data;
  int percent = (int)(fraction * 100.0);

  if (percent == run->shown)
    return;
  run->shown = percent;
  /* Translators: the progress of --copy-to, %d is a percentage */
  g_printerr (_("Copying… %d%%"), percent);
  g_printerr (run->on_terminal ? "\r" : "\n");
}

static void
copy_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CopyRun *run = user_data;

  run->result = g_object_ref (result);
  g_main_loop_quit (run->loop);
}

static gboolean
copy_interrupted_cb (gpointer user_data)
{
  CopyRun *run = user_data;

  g_cancellable_cancel (run->cancellable);

  return G_SOURCE_CONTINUE;
}

static int
run_copy_to (GVariantDict *options)
{
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autofree char *target = NULL;
  g_autofree char *target_name = NULL;
  CopyRun run = { 0 };
  g_autoptr(GSource) sigint = g_unix_signal_source_new (SIGINT);
  g_autoptr(GSource) sigterm = g_unix_signal_source_new (SIGTERM);
  gboolean ok;

  g_variant_dict_lookup (options, "copy-to", "^ay", &target);
  target_name = tp_database_name_for_path (target);
  db = open_io_database (options, TRUE, NULL);
  if (db == NULL)
    return 1;

  g_main_context_push_thread_default (context);
  run.loop = g_main_loop_new (context, FALSE);
  run.cancellable = g_cancellable_new ();
  run.shown = -1;
  run.on_terminal = isatty (STDERR_FILENO);

  /* In this loop's context, which the default one's sources do not reach */
  g_source_set_callback (sigint, copy_interrupted_cb, &run, NULL);
  g_source_set_callback (sigterm, copy_interrupted_cb, &run, NULL);
  g_source_attach (sigint, context);
  g_source_attach (sigterm, context);
  tp_backup_copy_async (tp_database_get_path (db), target, copy_progress_cb, &run, NULL,
                        run.cancellable, copy_done_cb, &run);
  g_main_loop_run (run.loop);
  g_source_destroy (sigint);
  g_source_destroy (sigterm);

  ok = tp_backup_copy_finish (run.result, &error);
  g_clear_object (&run.result);
  /* The progress updates still queued */
  while (g_main_context_iteration (context, FALSE))
    ;
  if (run.on_terminal && run.shown >= 0)
    g_printerr ("\n");

  g_main_loop_unref (run.loop);
  g_clear_object (&run.cancellable);
  g_main_context_pop_thread_default (context);

  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_printerr ("touchpoint: ");
          /* Translators: %s is a database file or address */
          g_printerr (_("the copy was stopped; nothing was copied into “%s”"), target_name);
          g_printerr ("\n");
        }
      else
        {
          g_printerr ("touchpoint: %s\n", error->message);
        }
      return 1;
    }

  /* Translators: %s is a database file or address */
  g_print (_("Copied the business into %s"), target_name);
  g_print ("\n");

  return 0;
}

/* Each line of a message, as a line of its own */
static void
print_error_lines (const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_printerr ("touchpoint: %s\n", lines[i]);
}

static void
print_problem_cb (const char *message,
                  gpointer    user_data)
{
  g_printerr ("touchpoint: %s\n", message);
}

/* --import-csv F.csv [--table customers|touches|orders] [--map FIELD=COLUMN]…
 * [--date-order dmy|mdy|ymd] [--duplicates merge|skip] [--skip-bad-rows], and
 * --import-vcard F.vcf (the same importer, which reads the cards as rows): a
 * row that cannot be imported fails the import with a line for each such
 * row (however many), and changes nothing; with --skip-bad-rows, each is
 * listed and the other rows are imported */
static int
run_import_csv (GVariantDict *options)
{
  g_autoptr(TpCsvImporter) importer = NULL;
  g_autoptr(TpCsvReport) report = NULL;
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  const char *duplicates = NULL;
  gboolean created = FALSE;
  const char *order_name = NULL;
  g_autofree const char **maps = NULL;
  TpCsvTable table = TP_CSV_TABLE_CUSTOMERS;
  gboolean table_given = g_variant_dict_contains (options, "table");
  TpCsvDateOrder order;

  gboolean vcard = g_variant_dict_contains (options, "import-vcard");

  if (vcard)
    {
      g_variant_dict_lookup (options, "import-vcard", "^ay", &name);
      table_given = TRUE;
    }
  else
    {
      g_variant_dict_lookup (options, "import-csv", "^ay", &name);
    }

  if (!vcard && table_given && !lookup_csv_table (options, "--import-csv", &table))
    return 1;

  if (g_variant_dict_lookup (options, "date-order", "&s", &order_name) &&
      !tp_csv_date_order_from_string (order_name, &order))
    {
      g_printerr ("touchpoint: --date-order: ");
      /* Translators: %s is what was typed after --date-order */
      g_printerr (_("“%s” is not a date order: use dmy, mdy or ymd"), order_name);
      g_printerr ("\n");
      return 1;
    }

  file = g_file_new_for_commandline_arg (name);
  importer = tp_csv_importer_new (file, table);
  if (order_name != NULL)
    tp_csv_importer_set_date_order (importer, order);

  /* The header says where the file comes from, and so what it holds */
  if (!tp_csv_importer_load (importer, 0, NULL, &error))
    {
      print_error_lines (error->message);
      return 1;
    }

  if (vcard && tp_csv_importer_get_format (importer) != TP_CSV_FORMAT_VCARD)
    {
      g_printerr ("touchpoint: %s: %s\n", name,
                  _("this is not a vCard file: it does not start with BEGIN:VCARD"));
      return 1;
    }

  if (!table_given)
    {
      TpCsvFormat format = tp_csv_importer_get_format (importer);

      if (format == TP_CSV_FORMAT_GENERIC || format == TP_CSV_FORMAT_TOUCHPOINT)
        {
          g_printerr ("touchpoint: --import-csv: %s\n",
                      _("say which table with --table customers, touches or orders"));
          return 1;
        }
      tp_csv_importer_set_table (importer, tp_csv_format_get_table (format));
    }

  if (g_variant_dict_lookup (options, "map", "^a&s", &maps))
    {
      for (guint i = 0; maps[i] != NULL; i++)
        {
          const char *equals = strchr (maps[i], '=');
          g_autofree char *field = NULL;

          if (equals == NULL)
            {
              g_printerr ("touchpoint: --map: ");
              /* Translators: %s is what was typed after --map */
              g_printerr (_("“%s” is not FIELD=COLUMN, such as ordered_at=Date"), maps[i]);
              g_printerr ("\n");
              return 1;
            }

          field = g_strndup (maps[i], (gsize)(equals - maps[i]));
          if (!tp_csv_importer_map_column (importer, field, equals + 1, &error))
            {
              g_printerr ("touchpoint: --map: %s\n", error->message);
              return 1;
            }
        }
    }

  if (g_variant_dict_lookup (options, "duplicates", "&s", &duplicates))
    {
      if (g_str_equal (duplicates, "merge"))
        tp_csv_importer_set_duplicates (importer, TP_CSV_DUPLICATES_MERGE);
      else if (!g_str_equal (duplicates, "skip"))
        {
          g_printerr ("touchpoint: --duplicates: ");
          /* Translators: %s is what was typed after --duplicates */
          g_printerr (_("“%s” is not a choice: use merge or skip"), duplicates);
          g_printerr ("\n");
          return 1;
        }
    }

  tp_csv_importer_set_skip_bad_rows (importer, g_variant_dict_contains (options, "skip-bad-rows"));
  tp_csv_importer_set_problem_func (importer, print_problem_cb, NULL);

  db = open_io_database (options, FALSE, &created);
  if (db == NULL)
    return 1;

  report = tp_csv_importer_run (importer, db, NULL, NULL, NULL, &error);
  if (report == NULL)
    {
      /* The rows that cannot be imported were printed one by one */
      if (!g_error_matches (error, TP_CSV_ERROR, TP_CSV_ERROR_REJECTED))
        print_error_lines (error->message);
      if (created)
        remove_created_database (&db);
      return 1;
    }

  summary = tp_csv_report_to_string (report);
  g_print ("%s\n", summary);

  return 0;
}

/* --export-csv F.csv --table results: the Results section's table, for
 * the quarter that holds today (and the quarter before) */
static int
run_export_results (GVariantDict *options,
                    const char   *name)
{
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TpResults) results = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *csv = NULL;
  gint64 start, end;

  db = open_io_database (options, TRUE, NULL);
  if (db == NULL)
    return 1;

  tp_results_period_range (TP_RESULTS_PERIOD_QUARTER, now, &start, &end);
  results = tp_results_compute (db, TP_RESULTS_PERIOD_QUARTER, start, end, now, &error);
  if (results == NULL)
    {
      g_printerr ("touchpoint: %s\n", error->message);
      return 1;
    }

  csv = tp_results_to_csv (results);
  file = g_file_new_for_commandline_arg (name);
  if (!g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      g_printerr ("touchpoint: %s: %s\n", name, error->message);
      return 1;
    }

  return 0;
}

/* --export-csv F.csv --table customers|touches|orders */
static int
run_export_csv (GVariantDict *options)
{
  g_autoptr(TpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  const char *table_name = NULL;
  TpCsvTable table;

  g_variant_dict_lookup (options, "export-csv", "^ay", &name);
  if (g_variant_dict_lookup (options, "table", "&s", &table_name) &&
      g_strcmp0 (table_name, "results") == 0)
    return run_export_results (options, name);
  if (!lookup_csv_table (options, "--export-csv", &table))
    return 1;

  db = open_io_database (options, TRUE, NULL);
  if (db == NULL)
    return 1;

  file = g_file_new_for_commandline_arg (name);
  if (!tp_csv_export (db, table, file, NULL, NULL, NULL, &error))
    {
      g_printerr ("touchpoint: %s\n", error->message);
      return 1;
    }

  return 0;
}

/* The options that only modify a command, and the command they go with. */
static const struct
{
  const char *option;
  const char *command;
} modifiers[] = {
  { "blank", "--worksheet" },
  { "output", "--worksheet" },
  { "paper", "--worksheet" },
  { "table", "--import-csv / --export-csv" },
  { "map", "--import-csv" },
  { "date-order", "--import-csv" },
  { "duplicates", "--import-csv / --import-vcard" },
  { "skip-bad-rows", "--import-csv / --import-vcard" },
};

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

  if (g_variant_dict_contains (options, "sample"))
    return run_sample (options);

  if (g_variant_dict_contains (options, "worksheet"))
    return run_worksheet (options);

  if (g_variant_dict_contains (options, "export-backup"))
    return run_export_backup (options);

  if (g_variant_dict_contains (options, "import-backup"))
    return run_import_backup (options);

  if (g_variant_dict_contains (options, "import-csv") ||
      g_variant_dict_contains (options, "import-vcard"))
    return run_import_csv (options);

  if (g_variant_dict_contains (options, "export-csv"))
    return run_export_csv (options);

  if (g_variant_dict_contains (options, "copy-to"))
    return run_copy_to (options);

  /* An option that only says how to run a command, given without one, is
   * a mistake to name, not a reason to open the window. */
  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    if (g_variant_dict_contains (options, modifiers[i].option))
      {
        g_printerr ("touchpoint: --%s: ", modifiers[i].option);
        /* Translators: %s is a command-line option, such as --import-csv */
        g_printerr (_("this option goes with %s"), modifiers[i].command);
        g_printerr ("\n");
        return 1;
      }

  return -1;
}
