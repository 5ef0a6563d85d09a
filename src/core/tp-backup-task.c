/* tp-backup-task.c
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

#define G_LOG_DOMAIN "tp-backup"

#include "config.h"

#include "tp-backup-private.h"
#include "tp-worker-private.h"

/*
 * tp_backup_export_async(), tp_backup_restore_async() and
 * tp_backup_copy_async(): each a job that _tp_worker_run_async()
 * (tp-worker.c) runs on a worker with its own connection, progress
 * going to the caller's main context.
 */

static gboolean
export_job (TpWorkerJob  *job,
            GError      **error)
{
  return tp_backup_export (job->db, job->data, job->progress, job->progress_data,
                           job->cancellable, error);
}

/**
 * tp_backup_export_async:
 * @db_path: the database file (the worker opens its own connection)
 * @file: the JSON file to write
 * @progress: (nullable): called in the thread-default main context of the
 *   caller as the work goes on
 * @progress_data: data for @progress
 * @progress_data_destroy: (nullable): frees @progress_data at the end
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the export is done
 * @user_data: data for @callback
 *
 * Runs tp_backup_export() on a worker thread.
 */
void
tp_backup_export_async (const char           *db_path,
                        GFile                *file,
                        TpBackupProgressFunc  progress,
                        gpointer              progress_data,
                        GDestroyNotify        progress_data_destroy,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (G_IS_FILE (file));

  _tp_worker_run_async (NULL, tp_backup_export_async, db_path, TP_DATABASE_OPEN_READ_ONLY,
                        export_job, g_object_ref (file), g_object_unref,
                        progress, progress_data, progress_data_destroy,
                        cancellable, callback, user_data);
}

/**
 * tp_backup_export_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the backup was written
 */
gboolean
tp_backup_export_finish (GAsyncResult  *result,
                         GError       **error)
{
  return _tp_worker_run_finish (result, NULL, tp_backup_export_async, NULL, error);
}

typedef struct
{
  GFile *file;
  char  *saved_copy;
} Restore;

static void
restore_free (gpointer data)
{
  Restore *restore = data;

  g_object_unref (restore->file);
  g_free (restore->saved_copy);
  g_free (restore);
}

static gboolean
restore_job (TpWorkerJob  *job,
             GError      **error)
{
  Restore *restore = job->data;

  return tp_backup_restore (job->db, restore->file, &restore->saved_copy,
                            job->progress, job->progress_data, job->cancellable, error);
}

/**
 * tp_backup_restore_async:
 * @db_path: the database file (the worker opens its own connection)
 * @file: a backup
 * @progress: (nullable): called in the thread-default main context of the
 *   caller as the work goes on
 * @progress_data: data for @progress
 * @progress_data_destroy: (nullable): frees @progress_data at the end
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the restore is done
 * @user_data: data for @callback
 *
 * Runs tp_backup_restore() on a worker thread. Other connections to the
 * database see the new contents once it finishes; a #TpStore should then
 * be told with tp_store_notify_external_change().
 */
void
tp_backup_restore_async (const char           *db_path,
                         GFile                *file,
                         TpBackupProgressFunc  progress,
                         gpointer              progress_data,
                         GDestroyNotify        progress_data_destroy,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  Restore *restore;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (G_IS_FILE (file));

  restore = g_new0 (Restore, 1);
  restore->file = g_object_ref (file);
  _tp_worker_run_async (NULL, tp_backup_restore_async, db_path, TP_DATABASE_OPEN_EXISTING,
                        restore_job, restore, restore_free,
                        progress, progress_data, progress_data_destroy,
                        cancellable, callback, user_data);
}

/**
 * tp_backup_restore_finish:
 * @result: the result passed to the callback
 * @saved_copy: (out) (optional) (nullable): where to put the name of the
 *   copy of the old database
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the backup was restored
 */
gboolean
tp_backup_restore_finish (GAsyncResult  *result,
                          char         **saved_copy,
                          GError       **error)
{
  Restore *restore = NULL;

  if (saved_copy != NULL)
    *saved_copy = NULL;

  if (!_tp_worker_run_finish (result, NULL, tp_backup_restore_async, (gpointer *) &restore, error))
    return FALSE;

  if (saved_copy != NULL)
    *saved_copy = g_strdup (restore->saved_copy);

  return TRUE;
}

static gboolean
copy_job (TpWorkerJob  *job,
          GError      **error)
{
  return tp_backup_copy (job->db, job->data, job->progress, job->progress_data,
                         job->cancellable, error);
}

/**
 * tp_backup_copy_async:
 * @db_path: the database to copy (the worker opens its own connection)
 * @target: a file name that does not exist yet, or the URI of an empty
 *   team database
 * @progress: (nullable): called in the thread-default main context of the
 *   caller as the work goes on
 * @progress_data: data for @progress
 * @progress_data_destroy: (nullable): frees @progress_data at the end
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the copy is done
 * @user_data: data for @callback
 *
 * Runs tp_backup_copy() on a worker thread.
 */
void
tp_backup_copy_async (const char           *db_path,
                      const char           *target,
                      TpBackupProgressFunc  progress,
                      gpointer              progress_data,
                      GDestroyNotify        progress_data_destroy,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (target != NULL);

  _tp_worker_run_async (NULL, tp_backup_copy_async, db_path, TP_DATABASE_OPEN_READ_ONLY,
                        copy_job, g_strdup (target), g_free,
                        progress, progress_data, progress_data_destroy,
                        cancellable, callback, user_data);
}

/**
 * tp_backup_copy_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the business was copied
 */
gboolean
tp_backup_copy_finish (GAsyncResult  *result,
                       GError       **error)
{
  return _tp_worker_run_finish (result, NULL, tp_backup_copy_async, NULL, error);
}
