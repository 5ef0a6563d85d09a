/* test-durability.c
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

#define G_LOG_DOMAIN "test-durability"

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "tp-database.h"

/*
 * A writer process (tp-durability-writer) is killed with SIGKILL at a
 * random moment, again and again: while it creates the file, while it
 * migrates, in the middle of a transaction, during a WAL checkpoint.
 * After each kill the database must open, pass integrity_check, and hold
 * every customer the writer said it had committed, with its touch.
 *
 * The kernel's page cache survives a killed process, so this cannot see
 * a missing fsync: test-power-loss simulates a power cut.
 */

static guint
n_rounds (void)
{
  const char *env = g_getenv ("TP_DURABILITY_ROUNDS");
  guint64 n;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 100000, &n, NULL))
    return n;

  return 200;
}

/* Reads what the writer printed; only whole lines are promises. */
static void
read_ids (int     fd,
          GArray *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  char buffer[4096];
  ssize_t n;

  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (text, buffer, n);
    }

  lines = g_strsplit (text->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      guint64 id;

      g_assert_true (g_ascii_string_to_unsigned (lines[i], 10, 1, G_MAXINT64, &id, NULL));
      g_array_append_val (ids, id);
    }
}

static gint64
query_int (TpDatabase *db,
           const char *sql,
           gint64      arg)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt = tp_database_prepare (db, sql, &error);
  gint64 value = -1;

  g_assert_no_error (error);
  tp_statement_bind_int64 (stmt, 1, arg);
  if (tp_statement_step (stmt, &error))
    value = tp_statement_get_int64 (stmt, 0);
  g_assert_no_error (error);
  tp_statement_reset (stmt);

  return value;
}

static void
test_kill_writer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-durability-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "business.db", NULL);
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "tp-durability-writer", NULL);
  g_autoptr(GArray) promised = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint rounds = n_rounds ();
  guint kills_before_first_commit = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_test (writer, G_FILE_TEST_IS_EXECUTABLE));

  for (guint round = 0; round < rounds; round++)
    {
      const char *argv[] = { writer, path, NULL };
      g_autoptr(TpDatabase) db = NULL;
      guint first_new = promised->len;
      GPid pid;
      int out_fd;
      int status;

      g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      /* A slow machine (valgrind, a loaded CI) may not reach a first
       * commit in any round: the last round then waits for the writer's
       * first promise, so the run always checks a committed transaction. */
      if (round == rounds - 1 && promised->len == 0)
        {
          struct pollfd pfd = { .fd = out_fd, .events = POLLIN };

          g_assert_cmpint (poll (&pfd, 1, 120000), ==, 1);
        }

      /* Early rounds die young, while the file is made; later ones at
       * any moment of a run of commits. */
      g_usleep (g_test_rand_int_range (0, round < rounds / 10 ? 3000 : 60000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);

      read_ids (out_fd, promised);
      close (out_fd);
      if (promised->len == first_new)
        kills_before_first_commit++;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          /* Killed before the new file was moved into place: nothing
           * was promised and nothing half-made is left. */
          g_assert_cmpuint (promised->len, ==, 0);
          continue;
        }

      db = tp_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (tp_database_check_integrity (db, &error));
      g_assert_no_error (error);

      for (guint i = first_new; i < promised->len; i++)
        {
          gint64 id = g_array_index (promised, gint64, i);

          /* The customer and the touch of its transaction, both. */
          g_assert_cmpint (query_int (db, "SELECT touch_count FROM customers WHERE id = ?1", id), ==, 1);
          g_assert_cmpint (query_int (db, "SELECT count(*) FROM touches WHERE customer_id = ?1", id), ==, 1);
        }

      /* Nothing promised earlier went missing, and nothing half-done
       * is there: every customer has its touch. */
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers WHERE id <= ?1",
                                  promised->len > 0 ? g_array_index (promised, gint64, promised->len - 1) : 0),
                       >=, promised->len);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers WHERE touch_count != ?1", 1), ==, 0);
    }

  g_test_message ("%u rounds, %u committed customers, %u kills before the first commit",
                  rounds, promised->len, kills_before_first_commit);
  g_assert_cmpuint (promised->len, >, 0);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/touchpoint/durability/kill-writer", test_kill_writer);

  return g_test_run ();
}
