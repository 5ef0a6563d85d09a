/* test-power-loss.c
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

#define G_LOG_DOMAIN "test-power-loss"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include <glib/gstdio.h>

#include "tp-csv.h"
#include "tp-store.h"

/*
 * Power loss, the way SQLite tests itself. Killing a process (see
 * test-durability) keeps the kernel's page cache, so it cannot tell a
 * commit that reached the disk from one that only reached the cache.
 * Here the disk is simulated instead:
 *
 * A VFS shim ("tp-power-loss") wraps the default unix VFS and is made the
 * default, so TpDatabase and TpStore open their files through it without
 * knowing. Every write goes through to the real file (what the running
 * program sees), and the shim also keeps, per inode, the content as of
 * its last xSync (what the disk holds for certain) and every write and
 * truncation since. Names are modelled apart from inodes: a new file, or
 * a deletion, is only durable once the folder is synced. The unix VFS
 * syncs the folder at the first xSync of a WAL or journal it created,
 * and when SQLite deletes with dirSync; the shim follows it there.
 *
 * The program is a run of user actions through TpStore, one transaction
 * each: customers added, touches logged and deleted, stages and notes
 * changed, a CSV import on a worker connection as the import dialog runs
 * it, a restart; with checkpoints while the store is open (the WAL then
 * starts again from its beginning) and at the restart.
 *
 * At a random I/O operation the power goes: that operation and every one
 * after it fails, as for a program that no longer runs. Once the
 * program's connections are closed, every file is rewritten as the disk
 * would hold it after the cut: its durable content, plus, depending on
 * the round, none, a random subset, or torn pieces (512-byte pieces kept,
 * lost or turned to garbage) of the writes since its last sync; files
 * whose name never became durable are gone, deleted files whose deletion
 * never became durable come back. Then the database is opened the normal
 * way and must pass integrity_check and hold exactly the state after the
 * last user action that reported success, or after the one that was
 * running (it may have reached the disk although it reported failure).
 *
 * A real xSync is not made: the shim is the disk, and the rounds stay
 * fast.
 */

#define SHIM_NAME "tp-power-loss"
#define PIECE 512

typedef enum
{
  LOSS_CLEAN,     /* every unsynced write is lost */
  LOSS_SUBSET,    /* each unsynced write is kept or lost, whole */
  LOSS_TORN,      /* each 512-byte piece of each is kept, lost or garbage */
  N_LOSS_MODES
} LossMode;

static const char * const loss_names[] = { "clean", "subset", "torn" };

typedef struct
{
  gint64      offset;   /* -1 for a truncation */
  gint64      size;     /* the new size of a truncation */
  GByteArray *data;
} PendingOp;

typedef struct
{
  int         ref_count;
  GByteArray *durable;   /* the content as of the last xSync */
  GArray     *pending;   /* PendingOp since then, in order */
} Inode;

typedef struct
{
  char  *path;
  Inode *durable;   /* what the name points to on the disk; NULL: absent */
  Inode *current;   /* what it points to for the running program */
} Name;

typedef struct
{
  sqlite3_file  base;
  Inode        *inode;
  gboolean      dir_sync;   /* the unix VFS syncs the folder at the first xSync */
  gint64        pad;        /* keeps the wrapped file aligned */
} ShimFile;

#define REAL(f) ((sqlite3_file *)(((ShimFile *)(f)) + 1))

static struct
{
  GMutex       lock;
  sqlite3_vfs *real;
  GHashTable  *names;    /* path → Name */
  guint64      n_ops;
  guint64      cut_at;   /* the operation the power goes at */
  gboolean     cut;
  gboolean     trace;    /* print every operation of this round */
  guint        n_open;   /* files open through the shim */
} shim;

#define TRACE(...) G_STMT_START { if (shim.trace) g_printerr (__VA_ARGS__); } G_STMT_END

static void
pending_op_clear (gpointer data)
{
  PendingOp *op = data;

  g_clear_pointer (&op->data, g_byte_array_unref);
}

static Inode *
inode_new (void)
{
  Inode *inode = g_new0 (Inode, 1);

  inode->ref_count = 1;
  inode->durable = g_byte_array_new ();
  inode->pending = g_array_new (FALSE, TRUE, sizeof (PendingOp));
  g_array_set_clear_func (inode->pending, pending_op_clear);
  return inode;
}

static Inode *
inode_ref (Inode *inode)
{
  if (inode != NULL)
    inode->ref_count++;
  return inode;
}

static void
inode_unref (Inode *inode)
{
  if (inode == NULL || --inode->ref_count > 0)
    return;

  g_byte_array_unref (inode->durable);
  g_array_unref (inode->pending);
  g_free (inode);
}

static void
apply_op (GByteArray      *content,
          const PendingOp *op)
{
  if (op->offset < 0)
    {
      g_byte_array_set_size (content, op->size);
      return;
    }

  if ((gint64)content->len < op->offset + op->data->len)
    {
      guint old = content->len;

      g_byte_array_set_size (content, op->offset + op->data->len);
      memset (content->data + old, 0, content->len - old);
    }
  memcpy (content->data + op->offset, op->data->data, op->data->len);
}

/* What is on the disk after the cut: the synced content, and whatever the
 * loss mode lets through of the writes since. */
static GByteArray *
inode_after_loss (Inode    *inode,
                  LossMode  mode)
{
  GByteArray *content = g_byte_array_sized_new (inode->durable->len);

  g_byte_array_append (content, inode->durable->data, inode->durable->len);

  for (guint i = 0; i < inode->pending->len && mode != LOSS_CLEAN; i++)
    {
      PendingOp *op = &g_array_index (inode->pending, PendingOp, i);

      if (mode == LOSS_SUBSET || op->offset < 0)
        {
          TRACE ("after the cut: %p %s %" G_GINT64_FORMAT "\n", inode,
                 op->offset < 0 ? "truncation to" : "write at",
                 op->offset < 0 ? op->size : op->offset);
          if (g_test_rand_bit ())
            apply_op (content, op);
          continue;
        }

      for (guint start = 0; start < op->data->len; start += PIECE)
        {
          g_autoptr(GByteArray) piece = g_byte_array_new ();
          guint len = MIN (PIECE, op->data->len - start);
          PendingOp part = { op->offset + start, 0, piece };

          switch (g_test_rand_int_range (0, 3))
            {
            case 0:   /* lost */
              continue;
            case 1:   /* written */
              TRACE ("after the cut: %p piece at %" G_GINT64_FORMAT " written\n", inode,
                     op->offset + start);
              g_byte_array_append (piece, op->data->data + start, len);
              break;
            default:  /* torn: garbage */
              TRACE ("after the cut: %p piece at %" G_GINT64_FORMAT " garbage\n", inode,
                     op->offset + start);
              g_byte_array_set_size (piece, len);
              for (guint b = 0; b < len; b++)
                piece->data[b] = g_test_rand_int_range (0, 256);
              break;
            }
          apply_op (content, &part);
        }
    }

  return content;
}

static void
name_free (gpointer data)
{
  Name *name = data;

  inode_unref (name->durable);
  inode_unref (name->current);
  g_free (name->path);
  g_free (name);
}

static Name *
lookup_name (const char *path)
{
  Name *name = g_hash_table_lookup (shim.names, path);

  if (name == NULL)
    {
      name = g_new0 (Name, 1);
      name->path = g_strdup (path);
      g_hash_table_insert (shim.names, name->path, name);
    }

  return name;
}

/* A folder sync makes every name durable as it is now (all the files
 * live in one folder). */
static void
sync_folder (void)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, shim.names);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Name *name = value;

      if (name->durable != name->current)
        {
          inode_unref (name->durable);
          name->durable = inode_ref (name->current);
        }
    }
}

typedef enum
{
  POWER_ON,
  POWER_CUT_NOW,   /* this operation is the one the power goes in */
  POWER_OFF,
} Power;

/* Counts a write operation, and says whether the power still runs. */
static Power
power (void)
{
  if (shim.cut)
    return POWER_OFF;

  if (shim.n_ops++ < shim.cut_at)
    return POWER_ON;

  shim.cut = TRUE;
  return POWER_CUT_NOW;
}

static gboolean
power_on (void)
{
  return power () == POWER_ON;
}

static int
shim_close (sqlite3_file *file)
{
  ShimFile *self = (ShimFile *)file;
  int rc = REAL (file)->pMethods->xClose (REAL (file));

  g_mutex_lock (&shim.lock);
  g_clear_pointer (&self->inode, inode_unref);
  shim.n_open--;
  g_mutex_unlock (&shim.lock);

  return rc;
}

static int
shim_read (sqlite3_file *file,
           void         *buffer,
           int           amount,
           sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static int
shim_write (sqlite3_file *file,
            const void   *buffer,
            int           amount,
            sqlite3_int64 offset)
{
  ShimFile *self = (ShimFile *)file;
  PendingOp op = { offset, 0, g_byte_array_new () };
  Power state;

  g_byte_array_append (op.data, buffer, amount);

  g_mutex_lock (&shim.lock);
  state = power ();
  TRACE ("%" G_GUINT64_FORMAT ": %p write at %" G_GINT64_FORMAT ", %d bytes%s\n", shim.n_ops,
         self->inode, (gint64) offset, amount, state == POWER_ON ? "" : " (power gone)");
  /* The write the power went in may have reached the disk in part. */
  if (state != POWER_OFF)
    g_array_append_val (self->inode->pending, op);
  else
    g_byte_array_unref (op.data);
  g_mutex_unlock (&shim.lock);

  if (state != POWER_ON)
    return SQLITE_IOERR_WRITE;

  return REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
}

static int
shim_truncate (sqlite3_file *file,
               sqlite3_int64 size)
{
  ShimFile *self = (ShimFile *)file;
  PendingOp op = { -1, size, NULL };
  gboolean on;

  g_mutex_lock (&shim.lock);
  on = power_on ();
  if (on)
    g_array_append_val (self->inode->pending, op);
  g_mutex_unlock (&shim.lock);

  if (!on)
    return SQLITE_IOERR_TRUNCATE;

  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
shim_sync (sqlite3_file *file,
           int           flags)
{
  ShimFile *self = (ShimFile *)file;
  Inode *inode = self->inode;

  g_mutex_lock (&shim.lock);
  TRACE ("%" G_GUINT64_FORMAT ": %p sync%s%s\n", shim.n_ops, self->inode,
         self->dir_sync ? " and folder sync" : "", shim.cut ? " (power gone)" : "");
  if (!power_on ())
    {
      g_mutex_unlock (&shim.lock);
      return SQLITE_IOERR_FSYNC;
    }

  for (guint i = 0; i < inode->pending->len; i++)
    apply_op (inode->durable, &g_array_index (inode->pending, PendingOp, i));
  g_array_set_size (inode->pending, 0);

  if (self->dir_sync)
    {
      self->dir_sync = FALSE;
      sync_folder ();
    }
  g_mutex_unlock (&shim.lock);

  /* The disk is simulated: no real fsync. */
  return SQLITE_OK;
}

static int
shim_file_size (sqlite3_file  *file,
                sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
shim_lock (sqlite3_file *file,
           int           level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
shim_unlock (sqlite3_file *file,
             int           level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
shim_check_reserved_lock (sqlite3_file *file,
                          int          *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
shim_file_control (sqlite3_file *file,
                   int           op,
                   void         *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
shim_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
shim_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

/* The -shm file is not written through xWrite: SQLite rebuilds it from
 * the WAL when the first connection opens the database after a cut. */
static int
shim_shm_map (sqlite3_file  *file,
              int            page,
              int            page_size,
              int            extend,
              void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, page_size, extend, out);
}

static int
shim_shm_lock (sqlite3_file *file,
               int           offset,
               int           n,
               int           flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
shim_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
shim_shm_unmap (sqlite3_file *file,
                int           delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

/* Version 2: no xFetch, so every read and write goes through the shim. */
static const sqlite3_io_methods shim_io_methods = {
  2,
  shim_close,
  shim_read,
  shim_write,
  shim_truncate,
  shim_sync,
  shim_file_size,
  shim_lock,
  shim_unlock,
  shim_check_reserved_lock,
  shim_file_control,
  shim_sector_size,
  shim_device_characteristics,
  shim_shm_map,
  shim_shm_lock,
  shim_shm_barrier,
  shim_shm_unmap,
  NULL,
  NULL,
};

static int
shim_open (sqlite3_vfs  *vfs,
           const char   *path,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  ShimFile *self = (ShimFile *)file;
  int type = flags & 0x0FFF00;
  gboolean exists;
  int rc;

  memset (self, 0, sizeof *self);

  /* Temporary files have no name and never outlive the connection. */
  if (path == NULL)
    return shim.real->xOpen (shim.real, path, file, flags, out_flags);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  g_mutex_lock (&shim.lock);
  if (!exists && (flags & SQLITE_OPEN_CREATE) && !power_on ())
    {
      g_mutex_unlock (&shim.lock);
      return SQLITE_CANTOPEN;
    }
  g_mutex_unlock (&shim.lock);

  rc = shim.real->xOpen (shim.real, path, REAL (file), flags, out_flags);
  if (rc != SQLITE_OK)
    return rc;

  g_mutex_lock (&shim.lock);
  {
    Name *name = lookup_name (path);

    if (name->current == NULL)
      {
        name->current = inode_new ();
        if (exists)
          {
            g_autofree char *contents = NULL;
            gsize len = 0;

            /* A file from before the round: on the disk for certain. */
            g_file_get_contents (path, &contents, &len, NULL);
            g_byte_array_append (name->current->durable, (guint8 *)contents, len);
            inode_unref (name->durable);
            name->durable = inode_ref (name->current);
          }
      }
    self->inode = inode_ref (name->current);
    shim.n_open++;
    TRACE ("open %s: %p%s\n", path, self->inode, exists ? "" : ", new");

    /* os_unix.c: a WAL or journal it creates gets its folder synced at
     * its first xSync (UNIXFILE_DIRSYNC). */
    self->dir_sync = !exists &&
                     (type == SQLITE_OPEN_WAL || type == SQLITE_OPEN_MAIN_JOURNAL ||
                      type == SQLITE_OPEN_SUPER_JOURNAL);
  }
  g_mutex_unlock (&shim.lock);

  self->base.pMethods = &shim_io_methods;
  return SQLITE_OK;
}

static int
shim_delete (sqlite3_vfs *vfs,
             const char  *path,
             int          dir_sync)
{
  int rc;

  g_mutex_lock (&shim.lock);
  if (!power_on ())
    {
      g_mutex_unlock (&shim.lock);
      return SQLITE_IOERR_DELETE;
    }

  /* Not a real folder sync: that is the model's. */
  TRACE ("%" G_GUINT64_FORMAT ": delete %s%s\n", shim.n_ops, path,
         dir_sync ? " and folder sync" : "");
  rc = shim.real->xDelete (shim.real, path, 0);
  if (rc == SQLITE_OK)
    {
      Name *name = lookup_name (path);

      g_clear_pointer (&name->current, inode_unref);
      if (dir_sync)
        sync_folder ();
    }
  g_mutex_unlock (&shim.lock);

  return rc;
}

static int
shim_access (sqlite3_vfs *vfs,
             const char  *path,
             int          flags,
             int         *out)
{
  return shim.real->xAccess (shim.real, path, flags, out);
}

static int
shim_full_pathname (sqlite3_vfs *vfs,
                    const char  *path,
                    int          n_out,
                    char        *out)
{
  return shim.real->xFullPathname (shim.real, path, n_out, out);
}

static void *
shim_dl_open (sqlite3_vfs *vfs,
              const char  *path)
{
  return shim.real->xDlOpen (shim.real, path);
}

static void
shim_dl_error (sqlite3_vfs *vfs,
               int          n,
               char        *out)
{
  shim.real->xDlError (shim.real, n, out);
}

static void (*
shim_dl_sym (sqlite3_vfs *vfs,
             void        *handle,
             const char  *symbol)) (void)
{
  return shim.real->xDlSym (shim.real, handle, symbol);
}

static void
shim_dl_close (sqlite3_vfs *vfs,
               void        *handle)
{
  shim.real->xDlClose (shim.real, handle);
}

static int
shim_randomness (sqlite3_vfs *vfs,
                 int          n,
                 char        *out)
{
  return shim.real->xRandomness (shim.real, n, out);
}

static int
shim_sleep (sqlite3_vfs *vfs,
            int          microseconds)
{
  return shim.real->xSleep (shim.real, microseconds);
}

static int
shim_current_time (sqlite3_vfs *vfs,
                   double      *out)
{
  return shim.real->xCurrentTime (shim.real, out);
}

static int
shim_get_last_error (sqlite3_vfs *vfs,
                     int          n,
                     char        *out)
{
  return shim.real->xGetLastError (shim.real, n, out);
}

static int
shim_current_time_int64 (sqlite3_vfs   *vfs,
                         sqlite3_int64 *out)
{
  return shim.real->xCurrentTimeInt64 (shim.real, out);
}

static sqlite3_vfs shim_vfs = {
  2,
  0,        /* szOsFile, set from the real VFS */
  0,        /* mxPathname, likewise */
  NULL,
  SHIM_NAME,
  NULL,
  shim_open,
  shim_delete,
  shim_access,
  shim_full_pathname,
  shim_dl_open,
  shim_dl_error,
  shim_dl_sym,
  shim_dl_close,
  shim_randomness,
  shim_sleep,
  shim_current_time,
  shim_get_last_error,
  shim_current_time_int64,
  NULL,
  NULL,
  NULL,
};

static void
shim_register (void)
{
  G_STATIC_ASSERT (sizeof (ShimFile) % 8 == 0);

  shim.real = sqlite3_vfs_find ("unix");
  g_assert_nonnull (shim.real);
  shim_vfs.szOsFile = sizeof (ShimFile) + shim.real->szOsFile;
  shim_vfs.mxPathname = shim.real->mxPathname;
  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 0), ==, SQLITE_OK);
  shim.names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, name_free);
}

/* From here on every connection the program opens goes through the shim,
 * and the power goes at operation @cut_at. */
static void
shim_power_on (guint64 cut_at)
{
  g_hash_table_remove_all (shim.names);
  shim.n_ops = 0;
  shim.cut_at = cut_at;
  shim.cut = FALSE;
  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
}

/* Replaces @path with @len bytes, without a sync (the real disk does not
 * matter here). g_file_set_contents_full() without the CONSISTENT flag
 * writes over the old content in place, and would leave its tail. */
static void
replace_file (const char *path,
              const void *data,
              gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_unlink (path);
  g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_NONE, 0644, &error);
  g_assert_no_error (error);
}

/* After every connection has closed: writes each file as the disk holds
 * it after the cut, and gives the default VFS back to unix. */
static void
shim_power_loss (LossMode mode)
{
  GHashTableIter iter;
  gpointer value;

  /* The program is gone: none of its files may still be open. */
  g_assert_cmpuint (shim.n_open, ==, 0);
  g_assert_cmpint (sqlite3_vfs_register (shim.real, 1), ==, SQLITE_OK);

  g_hash_table_iter_init (&iter, shim.names);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Name *name = value;

      if (name->durable == NULL)
        {
          g_unlink (name->path);
        }
      else
        {
          g_autoptr(GByteArray) content = inode_after_loss (name->durable, mode);

          replace_file (name->path, content->data, content->len);
        }
    }
  g_hash_table_remove_all (shim.names);
}

/* The workload: user actions through the store, one transaction each. */

typedef enum
{
  ACTION_ADD_CUSTOMER,
  ACTION_LOG_TOUCH,
  ACTION_SET_STAGE,
  ACTION_EDIT_NOTES,
  ACTION_DELETE_TOUCH,
  ACTION_IMPORT_CSV,
  ACTION_REOPEN,        /* quit and start again: a checkpoint, the WAL deleted */
  N_ACTIONS
} Action;

#define N_STEPS 40

typedef struct
{
  char    *dir;
  char    *path;
  char    *baseline;
  char    *csv;
  Action   actions[N_STEPS];
  guint32  args[N_STEPS];
  char    *expected[N_STEPS + 1];   /* the state after each step */
  guint64  n_ops;                   /* write operations of a whole run */
} Fixture;

/* Everything a user would see of customers and touches, except the times
 * (which come from the clock). */
static char *
state_of (TpDatabase *db)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt;
  char *state;

  stmt = tp_database_prepare (db,
    "SELECT coalesce ((SELECT group_concat (c, ';') FROM"
    "  (SELECT id || ',' || name || ',' || stage || ',' || notes || ',' || touch_count AS c"
    "   FROM customers ORDER BY id)), '') || ' | ' ||"
    " coalesce ((SELECT group_concat (t, ';') FROM"
    "  (SELECT id || ',' || customer_id || ',' || channel || ',' || note AS t"
    "   FROM touches ORDER BY id)), '')",
    &error);
  g_assert_no_error (error);
  g_assert_true (tp_statement_step (stmt, &error));
  g_assert_no_error (error);
  state = g_strdup (tp_statement_get_text (stmt, 0));
  tp_statement_reset (stmt);

  return state;
}

static gint64
query_int (TpStore    *store,
           const char *sql,
           gint64      arg)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt = tp_database_prepare (tp_store_get_database (store), sql, &error);
  gint64 value = 0;

  g_assert_no_error (error);
  tp_statement_bind_int64 (stmt, 1, arg);
  if (tp_statement_step (stmt, &error))
    value = tp_statement_get_int64 (stmt, 0);
  g_assert_no_error (error);
  tp_statement_reset (stmt);

  return value;
}

/* The id of the row @n (modulo their number) of customers or touches. */
static gint64
nth_id (TpStore    *store,
        const char *table,
        guint32     n)
{
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) + 0 * ?1 FROM %s", table);
  g_autofree char *id_sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id LIMIT 1 OFFSET ?1",
                                             table);
  gint64 count = query_int (store, count_sql, 0);

  g_assert_cmpint (count, >, 0);
  return query_int (store, id_sql, n % count);
}

/* The store as the window opens it. The app checkpoints the WAL into the
 * file every 1,000 pages; a run this short needs a lower mark to
 * checkpoint, and then restart the WAL from its start, while it is open. */
static TpStore *
open_store (const char  *path,
            GError     **error)
{
  g_autoptr(TpStore) store = tp_store_open (path, error);

  if (store == NULL ||
      !tp_database_exec (tp_store_get_database (store), "PRAGMA wal_autocheckpoint = 16", error))
    return NULL;

  return g_steal_pointer (&store);
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Runs step @i; FALSE when it reported an error (the power is gone). */
static gboolean
run_step (Fixture  *f,
          TpStore **store,
          guint     i)
{
  g_autoptr(GError) error = NULL;
  guint32 arg = f->args[i];
  gboolean ok = FALSE;

  switch (f->actions[i])
    {
    case ACTION_ADD_CUSTOMER:
      {
        g_autoptr(TpCustomer) customer = tp_customer_new ();
        g_autofree char *name = g_strdup_printf ("Customer of step %u", i);

        tp_customer_set_name (customer, name);
        tp_customer_set_notes (customer, "Met at the market.");
        ok = tp_store_add_customer (*store, customer, &error);
      }
      break;

    case ACTION_LOG_TOUCH:
      {
        gint64 id = nth_id (*store, "customers", arg);
        g_autofree char *note = g_strdup_printf ("Touch of step %u", i);
        g_autoptr(TpTouch) touch = NULL;

        g_assert_cmpint (id, >, 0);
        touch = tp_store_log_touch (*store, id, TP_CHANNEL_CALL, NULL, note, &error);
        ok = touch != NULL;
      }
      break;

    case ACTION_SET_STAGE:
      ok = tp_store_set_customer_stage (*store, nth_id (*store, "customers", arg),
                                        arg % 2 ? TP_STAGE_PROSPECT : TP_STAGE_CUSTOMER,
                                        &error);
      break;

    case ACTION_EDIT_NOTES:
      {
        g_autoptr(TpCustomer) customer = tp_store_get_customer (*store, nth_id (*store, "customers", arg),
                                                                &error);
        g_autofree char *notes = g_strdup_printf ("Edited in step %u. %s", i,
                                                  "Prefers calls in the morning.");

        g_assert_no_error (error);
        g_assert_nonnull (customer);
        tp_customer_set_notes (customer, notes);
        ok = tp_store_save_customer (*store, customer, &error);
      }
      break;

    case ACTION_DELETE_TOUCH:
      {
        gint64 id = nth_id (*store, "touches", arg);
        g_autoptr(TpUndo) undo = NULL;

        g_assert_cmpint (id, >, 0);
        undo = tp_store_delete_touch (*store, id, &error);
        ok = undo != NULL;
      }
      break;

    case ACTION_IMPORT_CSV:
      {
        g_autoptr(GFile) file = g_file_new_for_path (f->csv);
        g_autoptr(TpCsvImporter) importer = tp_csv_importer_new (file, TP_CSV_TABLE_CUSTOMERS);
        g_autoptr(TpCsvReport) report = NULL;
        g_autoptr(GAsyncResult) result = NULL;

        /* As the import dialog runs it: on a worker thread, with its
         * own connection. */
        tp_csv_importer_set_duplicates (importer, TP_CSV_DUPLICATES_MERGE);
        tp_csv_importer_run_async (importer, f->path, NULL, NULL, NULL, NULL,
                                   import_done, &result);
        while (result == NULL)
          g_main_context_iteration (NULL, TRUE);
        report = tp_csv_importer_run_finish (importer, result, &error);
        ok = report != NULL;
        if (ok)
          tp_store_notify_external_change (*store);
      }
      break;

    case ACTION_REOPEN:
      g_clear_object (store);
      *store = open_store (f->path, &error);
      ok = *store != NULL;
      break;

    case N_ACTIONS:
    default:
      g_assert_not_reached ();
    }

  /* Only a failure of the disk may make an action fail. */
  if (!ok)
    g_assert_true (shim.cut);

  return ok;
}

static void
reset_database (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *other = g_strconcat (f->path, suffixes[i], NULL);

      g_unlink (other);
    }

  g_file_get_contents (f->baseline, &contents, &len, &error);
  g_assert_no_error (error);
  replace_file (f->path, contents, len);
}

/* One run of the workload with the power going at operation @cut_at:
 * returns how many steps reported success. */
static guint
run_workload (Fixture *f,
              guint64  cut_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpStore) store = NULL;
  guint done = 0;

  reset_database (f);
  shim_power_on (cut_at);

  store = open_store (f->path, &error);
  if (store == NULL)
    {
      g_assert_true (shim.cut);
      return 0;
    }

  while (done < N_STEPS && run_step (f, &store, done))
    done++;

  return done;
}

static void
fixture_set_up (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("name,email,notes\n");
  g_autoptr(TpStore) store = NULL;

  f->dir = g_dir_make_tmp ("tp-power-loss-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "business.db", NULL);
  f->baseline = g_build_filename (f->dir, "baseline.db", NULL);
  f->csv = g_build_filename (f->dir, "customers.csv", NULL);

  /* A business with some customers, made the normal way and closed: its
   * file is the starting point of every round. */
  store = tp_store_open (f->baseline, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(TpCustomer) customer = tp_customer_new ();
      g_autoptr(TpTouch) touch = NULL;
      g_autofree char *name = g_strdup_printf ("Regular %u", i);

      tp_customer_set_name (customer, name);
      g_assert_true (tp_store_add_customer (store, customer, &error));
      g_assert_no_error (error);
      touch = tp_store_log_touch (store, tp_record_get_id (TP_RECORD (customer)), TP_CHANNEL_EMAIL,
                                  NULL, "Welcome", &error);
      g_assert_no_error (error);
      g_assert_nonnull (touch);
    }
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (f->baseline, "-wal", NULL);

    /* Closing checkpointed everything into the one file. */
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }

  /* An import large enough to spread over many pages. */
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (csv, "Imported customer %u,imported%u@example.com,"
                            "\"A longer note, so that the rows fill pages: %u\"\n", i, i, i);
  g_file_set_contents (f->csv, csv->str, csv->len, &error);
  g_assert_no_error (error);

  /* The steps: mostly the everyday actions, one import, one restart. */
  for (guint i = 0; i < N_STEPS; i++)
    {
      static const Action everyday[] = {
        ACTION_ADD_CUSTOMER, ACTION_LOG_TOUCH, ACTION_LOG_TOUCH, ACTION_LOG_TOUCH,
        ACTION_SET_STAGE, ACTION_EDIT_NOTES, ACTION_DELETE_TOUCH,
      };

      f->actions[i] = everyday[g_test_rand_int_range (0, G_N_ELEMENTS (everyday))];
      f->args[i] = g_test_rand_int_range (0, G_MAXINT32);
    }
  f->actions[N_STEPS / 3] = ACTION_IMPORT_CSV;
  f->actions[N_STEPS / 2] = ACTION_REOPEN;

  /* A run without a cut: what each step leaves, and how many write
   * operations there are to cut into. */
  reset_database (f);
  {
    g_autoptr(TpDatabase) db = tp_database_open (f->path, &error);

    g_assert_no_error (error);
    f->expected[0] = state_of (db);
  }

  shim_power_on (G_MAXUINT64);
  store = open_store (f->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_STEPS; i++)
    {
      g_assert_true (run_step (f, &store, i));
      f->expected[i + 1] = state_of (tp_store_get_database (store));
    }
  g_clear_object (&store);
  f->n_ops = shim.n_ops;
  shim_power_loss (LOSS_CLEAN);

  g_test_message ("%u steps, %" G_GUINT64_FORMAT " write operations in a run without a cut",
                  N_STEPS, f->n_ops);
}

static void
fixture_tear_down (Fixture *f)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (f->dir);

  for (guint i = 0; i <= N_STEPS; i++)
    g_free (f->expected[i]);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->baseline);
  g_free (f->csv);
}

static guint
n_cuts (void)
{
  const char *env = g_getenv ("TP_POWER_LOSS_CUTS");
  guint64 n;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 1000000, &n, NULL))
    return n;

  return 300;
}

static void
test_power_loss (void)
{
  Fixture f = { 0, };
  guint cuts = n_cuts ();
  guint failures = 0;
  guint lost_before_open = 0;
  guint running_step_kept = 0;
  guint64 trace_round = G_MAXUINT64;
  const char *trace = g_getenv ("TP_POWER_LOSS_TRACE");

  /* TP_POWER_LOSS_TRACE=ROUND, with the same --seed, prints the
   * operations of one round and what the cut left of them. */
  if (trace != NULL)
    g_assert_true (g_ascii_string_to_unsigned (trace, 10, 0, G_MAXUINT, &trace_round, NULL));

  fixture_set_up (&f);

  for (guint round = 0; round < cuts; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TpDatabase) db = NULL;
      g_autofree char *state = NULL;
      guint64 cut_at = g_test_rand_int_range (0, f.n_ops + 1);
      LossMode mode = round % N_LOSS_MODES;
      guint done;
      const char *problem = NULL;

      shim.trace = round == trace_round;
      done = run_workload (&f, cut_at);
      shim_power_loss (mode);
      if (done == 0)
        lost_before_open++;

      /* Opened the way Touchpoint opens it, through the unix VFS. */
      db = tp_database_open (f.path, &error);
      if (db == NULL)
        problem = error->message;
      else if (!tp_database_check_integrity (db, &error))
        problem = error->message;
      else
        {
          /* Every acknowledged step is there, and the running one
           * wholly or not at all. */
          state = state_of (db);
          if (g_strcmp0 (state, f.expected[done]) == 0)
            ;
          else if (done < N_STEPS && g_strcmp0 (state, f.expected[done + 1]) == 0)
            running_step_kept++;
          else
            problem = "the data is not what the last acknowledged step left";
        }

      shim.trace = FALSE;
      if (problem != NULL)
        {
          failures++;
          if (failures <= 5)
            g_test_message ("round %u: cut at operation %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                            " (%s), %u steps acknowledged: %s (TP_POWER_LOSS_TRACE=%u shows "
                            "the round)",
                            round, cut_at, f.n_ops, loss_names[mode], done, problem, round);
        }
    }

  g_test_message ("%u cuts: %u failed, %u before the first step, %u kept the step that was running",
                  cuts, failures, lost_before_open, running_step_kept);

  fixture_tear_down (&f);

  g_assert_cmpuint (failures, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  shim_register ();

  g_test_add_func ("/touchpoint/power-loss/acknowledged-commits-survive", test_power_loss);

  return g_test_run ();
}
