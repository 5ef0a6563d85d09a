/* tp-backup.h
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

#pragma once

#include <gio/gio.h>

#include "tp-database.h"

G_BEGIN_DECLS

/* The "format" member of every backup, and the newest "version" this
 * build writes and reads. */
#define TP_BACKUP_FORMAT  "touchpoint-backup"
#define TP_BACKUP_VERSION 1

#define TP_BACKUP_ERROR (tp_backup_error_quark ())

typedef enum
{
  TP_BACKUP_ERROR_NOT_BACKUP,       /* empty, not JSON, or not a Touchpoint backup */
  TP_BACKUP_ERROR_NEWER_VERSION,    /* written by a newer Touchpoint */
  TP_BACKUP_ERROR_UNKNOWN_VERSION,  /* "version" missing or not a version we ever wrote */
  TP_BACKUP_ERROR_INVALID,          /* broken JSON, or a value the data does not allow */
  TP_BACKUP_ERROR_TARGET_NOT_EMPTY, /* a copy's target exists or holds a business */
} TpBackupError;

/**
 * TpBackupProgressFunc:
 * @fraction: how much is done, from 0 to 1
 * @user_data: the data passed with the function
 *
 * Reports the progress of a backup or a restore.
 */
typedef void (*TpBackupProgressFunc) (double   fraction,
                                      gpointer user_data);

GQuark   tp_backup_error_quark   (void);

gboolean tp_backup_export        (TpDatabase            *db,
                                  GFile                 *file,
                                  TpBackupProgressFunc   progress,
                                  gpointer               progress_data,
                                  GCancellable          *cancellable,
                                  GError               **error);
void     tp_backup_export_async  (const char            *db_path,
                                  GFile                 *file,
                                  TpBackupProgressFunc   progress,
                                  gpointer               progress_data,
                                  GDestroyNotify         progress_data_destroy,
                                  GCancellable          *cancellable,
                                  GAsyncReadyCallback    callback,
                                  gpointer               user_data);
gboolean tp_backup_export_finish (GAsyncResult          *result,
                                  GError               **error);

gboolean tp_backup_validate      (TpDatabase            *db,
                                  GFile                 *file,
                                  GCancellable          *cancellable,
                                  GError               **error);

gboolean tp_backup_restore       (TpDatabase            *db,
                                  GFile                 *file,
                                  char                 **saved_copy,
                                  TpBackupProgressFunc   progress,
                                  gpointer               progress_data,
                                  GCancellable          *cancellable,
                                  GError               **error);
void     tp_backup_restore_async (const char            *db_path,
                                  GFile                 *file,
                                  TpBackupProgressFunc   progress,
                                  gpointer               progress_data,
                                  GDestroyNotify         progress_data_destroy,
                                  GCancellable          *cancellable,
                                  GAsyncReadyCallback    callback,
                                  gpointer               user_data);
gboolean tp_backup_restore_finish (GAsyncResult         *result,
                                   char                **saved_copy,
                                   GError              **error);

gboolean tp_backup_copy          (TpDatabase            *source,
                                  const char            *target,
                                  TpBackupProgressFunc   progress,
                                  gpointer               progress_data,
                                  GCancellable          *cancellable,
                                  GError               **error);
void     tp_backup_copy_async    (const char            *db_path,
                                  const char            *target,
                                  TpBackupProgressFunc   progress,
                                  gpointer               progress_data,
                                  GDestroyNotify         progress_data_destroy,
                                  GCancellable          *cancellable,
                                  GAsyncReadyCallback    callback,
                                  gpointer               user_data);
gboolean tp_backup_copy_finish   (GAsyncResult          *result,
                                  GError               **error);

G_END_DECLS
