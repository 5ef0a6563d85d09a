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
 * export, restore and copy) share: progress posted from the worker to the
 * caller's main context, the caller's objects released there, and the
 * memory a worker gives back when it ends.
 */

#pragma once

#include <gio/gio.h>

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

G_END_DECLS
