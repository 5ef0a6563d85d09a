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
 * What a worker thread of core hands back to the thread that started it
 * (tp-csv-task.c, tp-backup-task.c): progress, posted to the caller's
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
