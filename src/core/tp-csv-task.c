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

#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "tp-csv-private.h"

/*
 * The worker threads of tp_csv_importer_run_async() and
 * tp_csv_export_async(): the task and its data, progress posted to the
 * caller's main context, and the caller's objects released there.
 */

/* Progress from a worker thread, delivered in the caller's context */

struct _TpCsvProgressTarget
{
  GMainContext      *context;
  TpCsvProgressFunc  func;
  gpointer           data;
  GDestroyNotify     destroy;
};

typedef struct
{
  TpCsvProgressTarget *target;
  double               fraction;
} ProgressUpdate;

static void
progress_target_clear (gpointer data)
{
  TpCsvProgressTarget *target = data;

  if (target->destroy != NULL)
    target->destroy (target->data);
  g_main_context_unref (target->context);
}

static gboolean
progress_update_dispatch (gpointer data)
{
  ProgressUpdate *update = data;

  update->target->func (update->fraction, update->target->data);

  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_atomic_rc_box_release_full (update->target, progress_target_clear);
  g_free (update);
}

void
_tp_csv_progress_to_context (double   fraction,
                             gpointer data)
{
  TpCsvProgressTarget *target = data;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  update->target = g_atomic_rc_box_acquire (target);
  update->fraction = fraction;

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_update_dispatch, update, progress_update_free);
  g_source_set_static_name (source, "[touchpoint] CSV progress");
  g_source_attach (source, target->context);
}

static void
task_data_free_here (gpointer data)
{
  TpCsvTaskData *task_data = data;

  g_clear_object (&task_data->source_object);
  g_free (task_data->db_path);
  g_clear_object (&task_data->file);
  if (task_data->target != NULL)
    g_atomic_rc_box_release_full (task_data->target, progress_target_clear);
  g_main_context_unref (task_data->context);
  g_free (task_data);
}

static gboolean
do_nothing (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* The worker may hold the last reference to the task. The progress data
 * (the import dialog) and the importer belong to the caller's thread, so
 * they are released in its context, never on the worker. */
static void
task_data_free (gpointer data)
{
  TpCsvTaskData *task_data = data;
  g_autoptr(GSource) source = NULL;

  if (g_main_context_is_owner (task_data->context))
    {
      task_data_free_here (task_data);
      return;
    }

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, do_nothing, task_data, task_data_free_here);
  g_source_set_static_name (source, "[touchpoint] CSV task release");
  g_source_attach (source, task_data->context);
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
  if (progress != NULL)
    {
      data->target = g_atomic_rc_box_new0 (TpCsvProgressTarget);
      data->target->context = g_main_context_ref_thread_default ();
      data->target->func = progress;
      data->target->data = progress_data;
      data->target->destroy = progress_data_destroy;
    }
  else if (progress_data_destroy != NULL)
    {
      progress_data_destroy (progress_data);
    }

  /* A finished import stands even if the user cancels afterwards. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, task_data_free);

  return task;
}

/* A worker's big, one-off allocations (the page cache of its connection,
 * the sorting of index builds) would otherwise stay in the heap of the
 * app after it finishes. */
void
_tp_csv_give_back_memory (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

