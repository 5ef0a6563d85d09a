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
 * The worker threads of tp_backup_export_async(),
 * tp_backup_restore_async() and tp_backup_copy_async(): the task and its
 * data; progress goes to the caller's main context, and the caller's
 * objects are released there, through tp-worker.c.
 */

/* Asynchronous variants: a worker thread with its own connection, and
 * progress reported in the caller's main context. */

typedef struct
{
  GMainContext     *context;
  char             *db_path;
  char             *copy_target;
  GFile            *file;
  TpWorkerProgress *target;
  char             *saved_copy;
} TaskData;

static void
task_data_free_here (gpointer data)
{
  TaskData *task_data = data;

  g_free (task_data->db_path);
  g_free (task_data->copy_target);
  g_clear_object (&task_data->file);
  if (task_data->target != NULL)
    _tp_worker_progress_release (task_data->target);
  g_free (task_data->saved_copy);
  g_main_context_unref (task_data->context);
  g_free (task_data);
}

/* The worker may hold the last reference to the task. The progress data
 * (the import dialog) belongs to the caller's thread, so it is released
 * in its context, never on the worker. */
static void
task_data_free (gpointer data)
{
  TaskData *task_data = data;

  _tp_worker_release (task_data->context, task_data, task_data_free_here);
}

static GTask *
task_new (const char           *db_path,
          GFile                *file,
          TpBackupProgressFunc  progress,
          gpointer              progress_data,
          GDestroyNotify        progress_data_destroy,
          GCancellable         *cancellable,
          GAsyncReadyCallback   callback,
          gpointer              user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  TaskData *data = g_new0 (TaskData, 1);

  data->context = g_main_context_ref_thread_default ();
  data->db_path = g_strdup (db_path);
  data->file = file != NULL ? g_object_ref (file) : NULL;
  data->target = _tp_worker_progress_new (progress, progress_data, progress_data_destroy);

  /* The result stands even if the user cancels after the last step. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, task_data_free);

  return task;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(TpDatabase) db = NULL;
  GError *error = NULL;

  db = tp_database_open_full (data->db_path, TP_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL &&
      tp_backup_export (db, data->file,
                        data->target != NULL ? _tp_worker_progress_post : NULL, data->target,
                        cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  g_clear_object (&db);
  _tp_worker_give_back_memory ();
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = task_new (db_path, file, progress, progress_data, progress_data_destroy,
                   cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_backup_export_async);
  g_task_run_in_thread (task, export_thread);
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
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tp_backup_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(TpDatabase) db = NULL;
  GError *error = NULL;

  db = tp_database_open_full (data->db_path, TP_DATABASE_OPEN_EXISTING, &error);
  if (db != NULL &&
      tp_backup_restore (db, data->file, &data->saved_copy,
                         data->target != NULL ? _tp_worker_progress_post : NULL, data->target,
                         cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  g_clear_object (&db);
  _tp_worker_give_back_memory ();
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = task_new (db_path, file, progress, progress_data, progress_data_destroy,
                   cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_backup_restore_async);
  g_task_run_in_thread (task, restore_thread);
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
  TaskData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tp_backup_restore_async, FALSE);

  if (saved_copy != NULL)
    *saved_copy = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (saved_copy != NULL)
    *saved_copy = g_strdup (data->saved_copy);

  return TRUE;
}

static void
copy_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(TpDatabase) db = NULL;
  GError *error = NULL;

  db = tp_database_open_full (data->db_path, TP_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL &&
      tp_backup_copy (db, data->copy_target,
                      data->target != NULL ? _tp_worker_progress_post : NULL, data->target, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  g_clear_object (&db);
  _tp_worker_give_back_memory ();
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
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (target != NULL);

  task = task_new (db_path, NULL, progress, progress_data, progress_data_destroy,
                   cancellable, callback, user_data);
  data = g_task_get_task_data (task);
  data->copy_target = g_strdup (target);
  g_task_set_source_tag (task, tp_backup_copy_async);
  g_task_run_in_thread (task, copy_thread);
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
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tp_backup_copy_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
