/* tp-worker.c
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

#define G_LOG_DOMAIN "tp-worker"

#include "config.h"

#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "tp-worker-private.h"

/*
 * The worker threads of core: a job run on the worker's own connection
 * (_tp_worker_run_async(): the CSV import and export, the backup's
 * export, restore and copy, the chart's figures), and what a worker hands
 * back to the thread that started it: progress, posted to the caller's
 * main context and reported there; the caller's objects (a dialog's
 * progress data, the importer), released in that context and never on
 * the worker; and the worker's big one-off allocations, given back.
 */

/* Progress from a worker thread, delivered in the caller's context */

struct _TpWorkerProgress
{
  GMainContext         *context;
  TpWorkerProgressFunc  func;
  gpointer              data;
  GDestroyNotify        destroy;
};

typedef struct
{
  TpWorkerProgress *target;
  double            fraction;
} ProgressUpdate;

static void
progress_clear (gpointer data)
{
  TpWorkerProgress *progress = data;

  if (progress->destroy != NULL)
    progress->destroy (progress->data);
  g_main_context_unref (progress->context);
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

  g_atomic_rc_box_release_full (update->target, progress_clear);
  g_free (update);
}

/*
 * _tp_worker_progress_new:
 * @func: (nullable): the caller's progress callback
 * @data: its data
 * @destroy: (nullable): frees @data, in the caller's context
 *
 * Called on the caller's thread, whose thread-default main context
 * receives the progress.
 *
 * Returns: (nullable): the progress to post to, or %NULL if @func is
 *   %NULL (then @data is freed at once)
 */
TpWorkerProgress *
_tp_worker_progress_new (TpWorkerProgressFunc func,
                         gpointer             data,
                         GDestroyNotify       destroy)
{
  TpWorkerProgress *progress;

  if (func == NULL)
    {
      if (destroy != NULL)
        destroy (data);
      return NULL;
    }

  progress = g_atomic_rc_box_new0 (TpWorkerProgress);
  progress->context = g_main_context_ref_thread_default ();
  progress->func = func;
  progress->data = data;
  progress->destroy = destroy;

  return progress;
}

/* Drops the caller's reference; the last one frees the data, which is
 * why it must be dropped in the caller's context. */
void
_tp_worker_progress_release (TpWorkerProgress *progress)
{
  g_atomic_rc_box_release_full (progress, progress_clear);
}

/*
 * _tp_worker_progress_post:
 * @fraction: from 0 to 1
 * @progress: a #TpWorkerProgress
 *
 * Posts @fraction to the caller's context, from any thread; a progress
 * function in the shape of TpCsvProgressFunc and TpBackupProgressFunc.
 */
void
_tp_worker_progress_post (double   fraction,
                          gpointer progress)
{
  TpWorkerProgress *target = progress;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  update->target = g_atomic_rc_box_acquire (target);
  update->fraction = fraction;

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_update_dispatch, update, progress_update_free);
  g_source_set_static_name (source, "[touchpoint] worker progress");
  g_source_attach (source, target->context);
}

/* The caller's objects */

static gboolean
do_nothing (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/*
 * _tp_worker_release:
 * @context: the caller's context
 * @data: what belongs to the caller's thread
 * @free_func: frees @data
 *
 * Frees @data now if this thread owns @context, else in @context. A
 * worker may hold the last reference to its task, and so free its task
 * data; what the caller's thread owns must not be released there.
 */
void
_tp_worker_release (GMainContext   *context,
                    gpointer        data,
                    GDestroyNotify  free_func)
{
  g_autoptr(GSource) source = NULL;

  if (g_main_context_is_owner (context))
    {
      free_func (data);
      return;
    }

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, do_nothing, data, free_func);
  g_source_set_static_name (source, "[touchpoint] worker release");
  g_source_attach (source, context);
}

/* A worker's big, one-off allocations (the page cache of its connection,
 * the sorting of index builds) would otherwise stay in the heap of the
 * app after it finishes. */
void
_tp_worker_give_back_memory (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

/* A job on the worker's own connection */

typedef struct
{
  GMainContext         *context;
  GObject              *source_object;
  char                 *db_path;
  TpDatabaseOpenFlags   flags;
  TpWorkerJobFunc       job;
  gpointer              job_data;
  GDestroyNotify        job_data_free;
  TpWorkerProgress     *target;
} Run;

static void
run_free_here (gpointer data)
{
  Run *run = data;

  if (run->job_data_free != NULL)
    run->job_data_free (run->job_data);
  g_clear_object (&run->source_object);
  g_free (run->db_path);
  if (run->target != NULL)
    _tp_worker_progress_release (run->target);
  g_main_context_unref (run->context);
  g_free (run);
}

/* The worker may hold the last reference to the task. The job's data,
 * the progress data (a dialog) and the source object (an importer)
 * belong to the caller's thread, so they are released in its context,
 * never on the worker. */
static void
run_free (gpointer data)
{
  Run *run = data;

  _tp_worker_release (run->context, run, run_free_here);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Run *run = task_data;
  TpWorkerJob job = {
    .source_object = run->source_object,
    .data = run->job_data,
    .progress = run->target != NULL ? _tp_worker_progress_post : NULL,
    .progress_data = run->target,
    .cancellable = cancellable,
  };
  GError *error = NULL;

  job.db = tp_database_open_full (run->db_path, run->flags, &error);
  if (job.db != NULL && run->job (&job, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  g_clear_object (&job.db);
  _tp_worker_give_back_memory ();
}

/*
 * _tp_worker_run_async:
 * @source_object: (nullable): the object the job belongs to
 * @source_tag: the public function that starts it
 * @db_path: the database (the worker opens its own connection)
 * @flags: how the worker opens it: %TP_DATABASE_OPEN_READ_ONLY to read,
 *   %TP_DATABASE_OPEN_EXISTING to write
 * @job: what the worker runs on its connection
 * @job_data: (transfer full): the job's input and output
 * @job_data_free: (nullable): frees @job_data, in the caller's context
 * @progress: (nullable): the caller's progress callback, called in its
 *   thread-default main context
 * @progress_data: data for @progress
 * @progress_data_destroy: (nullable): frees @progress_data at the end,
 *   in the caller's context
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the job is done
 * @user_data: data for @callback
 *
 * Runs @job on a worker thread with its own connection to @db_path. A
 * finished job stands even if the caller cancels after its last step.
 */
void
_tp_worker_run_async (gpointer              source_object,
                      gpointer              source_tag,
                      const char           *db_path,
                      TpDatabaseOpenFlags   flags,
                      TpWorkerJobFunc       job,
                      gpointer              job_data,
                      GDestroyNotify        job_data_free,
                      TpWorkerProgressFunc  progress,
                      gpointer              progress_data,
                      GDestroyNotify        progress_data_destroy,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  Run *run = g_new0 (Run, 1);

  run->context = g_main_context_ref_thread_default ();
  run->source_object = source_object != NULL ? g_object_ref (source_object) : NULL;
  run->db_path = g_strdup (db_path);
  run->flags = flags;
  run->job = job;
  run->job_data = job_data;
  run->job_data_free = job_data_free;
  run->target = _tp_worker_progress_new (progress, progress_data, progress_data_destroy);

  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, run, run_free);
  g_task_set_source_tag (task, source_tag);
  g_task_run_in_thread (task, run_thread);
}

/*
 * _tp_worker_run_finish:
 * @result: the result passed to the callback
 * @source_object: (nullable): as given to _tp_worker_run_async()
 * @source_tag: as given to _tp_worker_run_async()
 * @job_data: (out) (optional) (transfer none): the job's data, valid
 *   while @result is
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the job succeeded
 */
gboolean
_tp_worker_run_finish (GAsyncResult  *result,
                       gpointer       source_object,
                       gpointer       source_tag,
                       gpointer      *job_data,
                       GError       **error)
{
  Run *run;

  g_return_val_if_fail (g_task_is_valid (result, source_object), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  run = g_task_get_task_data (G_TASK (result));
  if (job_data != NULL)
    *job_data = run->job_data;

  return g_task_propagate_boolean (G_TASK (result), error);
}
