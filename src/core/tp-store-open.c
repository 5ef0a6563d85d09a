/* tp-store-open.c
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

#define G_LOG_DOMAIN "tp-store"

#include "config.h"

#include <string.h>

#include "tp-store-private.h"

/*
 * A store opened on a worker (overview in tp-store.c): a team database's
 * server may take libpq's connect_timeout to answer, and the window must
 * stay alive meanwhile. The store is made on the worker and handed to
 * the caller, whose thread uses it from then on.
 */

typedef struct
{
  char                *path;
  char                *password;  /* (nullable): a team database's, from a dialog */
  gboolean             server;
  TpDatabaseOpenFlags  flags;
} Open;

static void
open_free (gpointer data)
{
  Open *open = data;

  g_free (open->path);
  if (open->password != NULL)
    memset (open->password, 0, strlen (open->password));
  g_free (open->password);
  g_free (open);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Open *open = task_data;
  g_autoptr(TpDatabase) database = NULL;
  GError *error = NULL;

  if (open->server)
    database = tp_database_open_server (open->path, open->password, open->flags, &error);
  else
    database = tp_database_open_full (open->path, open->flags, &error);

  if (database == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, tp_store_new (database), g_object_unref);
}

static void
open_async (Open                *open,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, tp_store_open_async);
  g_task_set_name (task, "[touchpoint] open store");
  g_task_set_task_data (task, open, open_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * tp_store_open_async:
 * @path: a database file or a postgresql:// URI (a team database then
 *   connects with the password tp_database_set_server_password() keeps)
 * @flags: as for tp_database_open_full()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the store is open, or could not be
 * @user_data: data for @callback
 *
 * Opens the database and makes its store on a worker thread; finish
 * with tp_store_open_finish().
 */
void
tp_store_open_async (const char          *path,
                     TpDatabaseOpenFlags  flags,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  Open *open;

  g_return_if_fail (path != NULL);

  open = g_new0 (Open, 1);
  open->path = g_strdup (path);
  open->flags = flags;
  open_async (open, cancellable, callback, user_data);
}

/**
 * tp_store_open_server_async:
 * @uri: a postgresql:// URI without a password
 * @password: (nullable): the password to try, as for
 *   tp_database_open_server()
 * @flags: as for tp_database_open_full()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the store is open, or could not be
 * @user_data: data for @callback
 *
 * Connects to a team database with @password and makes its store on a
 * worker thread; finish with tp_store_open_finish(). The copy of
 * @password is wiped when the task ends.
 */
void
tp_store_open_server_async (const char          *uri,
                            const char          *password,
                            TpDatabaseOpenFlags  flags,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Open *open;

  g_return_if_fail (uri != NULL);

  open = g_new0 (Open, 1);
  open->path = g_strdup (uri);
  open->password = g_strdup (password);
  open->server = TRUE;
  open->flags = flags;
  open_async (open, cancellable, callback, user_data);
}

/**
 * tp_store_open_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the store, or %NULL on error (with
 *   %G_IO_ERROR_CANCELLED once the cancellable was cancelled)
 */
TpStore *
tp_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tp_store_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
