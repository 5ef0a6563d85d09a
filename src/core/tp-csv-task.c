/* tp-csv-task.c
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

#include "tp-csv-private.h"
#include "tp-worker-private.h"

/*
 * The worker threads of tp_csv_importer_run_async() and
 * tp_csv_export_async(): the task and its data; progress goes to the
 * caller's main context, and the caller's objects are released there,
 * through tp-worker.c.
 */

static void
task_data_free_here (gpointer data)
{
  TpCsvTaskData *task_data = data;

  g_clear_object (&task_data->source_object);
  g_free (task_data->db_path);
  g_clear_object (&task_data->file);
  if (task_data->target != NULL)
    _tp_worker_progress_release (task_data->target);
  g_main_context_unref (task_data->context);
  g_free (task_data);
}

/* The worker may hold the last reference to the task. The progress data
 * (the import dialog) and the importer belong to the caller's thread, so
 * they are released in its context, never on the worker. */
static void
task_data_free (gpointer data)
{
  TpCsvTaskData *task_data = data;

  _tp_worker_release (task_data->context, task_data, task_data_free_here);
}

GTask *
_tp_csv_task_new (gpointer             source_object,
                  const char          *db_path,
                  GFile               *file,
                  TpCsvTable           table,
                  TpCsvProgressFunc    progress,
                  gpointer             progress_data,
                  GDestroyNotify       progress_data_destroy,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);
  TpCsvTaskData *data = g_new0 (TpCsvTaskData, 1);

  data->context = g_main_context_ref_thread_default ();
  data->source_object = source_object != NULL ? g_object_ref (source_object) : NULL;
  data->db_path = g_strdup (db_path);
  data->file = file != NULL ? g_object_ref (file) : NULL;
  data->table = table;
  data->target = _tp_worker_progress_new (progress, progress_data, progress_data_destroy);

  /* A finished import stands even if the user cancels afterwards. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, task_data_free);

  return task;
}
