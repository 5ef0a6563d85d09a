/* tp-worker-private.h
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

/*
 * What the worker tasks of core (the CSV import and export, the backup's
 * export, restore and copy, the chart's figures) share: one task that
 * opens the worker's own connection and runs a job on it
 * (_tp_worker_run_async()), progress posted from the worker to the
 * caller's main context, the caller's objects released there, and the
 * memory a worker gives back when it ends.
 */

#pragma once

#include <gio/gio.h>

#include "tp-database.h"

G_BEGIN_DECLS

/* The progress callback of a caller, with the data it is called with:
 * the same shape as TpCsvProgressFunc and TpBackupProgressFunc. */
typedef void (*TpWorkerProgressFunc) (double   fraction,
                                      gpointer data);

typedef struct _TpWorkerProgress TpWorkerProgress;

TpWorkerProgress *_tp_worker_progress_new     (TpWorkerProgressFunc  func,
                                               gpointer              data,
                                               GDestroyNotify        destroy);
void              _tp_worker_progress_release (TpWorkerProgress     *progress);
void              _tp_worker_progress_post    (double                fraction,
                                               gpointer              progress);
void              _tp_worker_release          (GMainContext         *context,
                                               gpointer              data,
                                               GDestroyNotify        free_func);
void              _tp_worker_give_back_memory (void);

/* A job of a worker thread, and what it runs with: @db, the worker's own
 * connection; @data, the job's input and output, which the caller reads
 * after _tp_worker_run_finish(); @progress (NULL when the caller gave
 * none) with @progress_data. */
typedef struct
{
  TpDatabase           *db;
  gpointer              source_object;
  gpointer              data;
  TpWorkerProgressFunc  progress;
  gpointer              progress_data;
  GCancellable         *cancellable;
} TpWorkerJob;

typedef gboolean (*TpWorkerJobFunc) (TpWorkerJob  *job,
                                     GError      **error);

void              _tp_worker_run_async        (gpointer              source_object,
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
                                               gpointer              user_data);
gboolean          _tp_worker_run_finish       (GAsyncResult         *result,
                                               gpointer              source_object,
                                               gpointer              source_tag,
                                               gpointer             *job_data,
                                               GError              **error);

G_END_DECLS
