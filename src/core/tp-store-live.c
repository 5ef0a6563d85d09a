/* tp-store-live.c
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

#define G_LOG_DOMAIN "tp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-store-private.h"

/*
 * The live objects of TpStore (overview in tp-store.c): for each table a
 * weak map from id to the model object the views hold, loaded when first
 * asked for and read again after a change; the object of a deleted row is
 * put aside, so that an undo brings back the very object the views still
 * hold.
 */

static void
live_object_finalized_cb (gpointer  data,
                          GObject  *where_the_object_was)
{
  GHashTable *map = data;
  GHashTableIter iter;
  gpointer value;

  /* The key is not known here; the maps are small (only what views hold). */
  g_hash_table_iter_init (&iter, map);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (value == (gpointer)where_the_object_was)
        {
          g_hash_table_iter_remove (&iter);
          break;
        }
    }
}

GObject *
_tp_store_live_lookup (TpStore        *self,
                       TpStoreTableId  table,
                       gint64          id)
{
  return g_hash_table_lookup (self->live[table], &id);
}

void
_tp_store_live_remove (TpStore        *self,
                       TpStoreTableId  table,
                       gint64          id)
{
  GObject *object = _tp_store_live_lookup (self, table, id);

  if (object != NULL)
    {
      g_object_weak_unref (object, live_object_finalized_cb, self->live[table]);
      g_hash_table_remove (self->live[table], &id);
    }
}

/* Moves the object of a deleted row aside, so that an undo puts the row
 * back into the very object the views still hold. */
void
_tp_store_bury (TpStore        *self,
                TpStoreTableId  table,
                gint64          id)
{
  GObject *object = _tp_store_live_lookup (self, table, id);
  GObject *old;

  if (object == NULL)
    return;

  g_object_ref (object);
  _tp_store_live_remove (self, table, id);

  old = g_hash_table_lookup (self->dead[table], &id);
  if (old != NULL)
    {
      g_object_weak_unref (old, live_object_finalized_cb, self->dead[table]);
      g_hash_table_remove (self->dead[table], &id);
    }

  g_hash_table_insert (self->dead[table], g_memdup2 (&id, sizeof id), object);
  g_object_weak_ref (object, live_object_finalized_cb, self->dead[table]);
  g_object_unref (object);
}

void
_tp_store_live_insert (TpStore        *self,
                       TpStoreTableId  table,
                       gint64          id,
                       GObject        *object)
{
  GObject *old = _tp_store_live_lookup (self, table, id);

  if (old == object)
    return;

  if (old != NULL)
    _tp_store_live_remove (self, table, id);

  g_hash_table_insert (self->live[table], g_memdup2 (&id, sizeof id), object);
  g_object_weak_ref (object, live_object_finalized_cb, self->live[table]);
}

/* Gets the live object of a row, loading it if no view holds it yet. */
GObject *
_tp_store_dup_live (TpStore         *self,
                    TpStoreTableId   table,
                    gint64           id,
                    GError         **error)
{
  g_autoptr(GObject) object = NULL;
  GObject *live;
  gboolean found;

  live = _tp_store_live_lookup (self, table, id);
  if (live != NULL)
    return g_object_ref (live);

  object = g_object_new (_tp_store_tables[table].get_type (), NULL);
  if (!_tp_store_load_row (self, table, id, object, &found, error))
    return NULL;

  if (!found)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID,
                   /* Translators: %s is the number of a row */
                   _("Item %s no longer exists: it may have been deleted."),
                   id_text);
      return NULL;
    }

  _tp_store_live_insert (self, table, id, object);

  return g_steal_pointer (&object);
}

GObject *
_tp_store_dup_object (TpStore     *self,
                      const char  *table,
                      gint64       id,
                      GError     **error)
{
  int t = _tp_store_table_from_name (table);

  g_return_val_if_fail (TP_IS_STORE (self), NULL);
  g_return_val_if_fail (t >= 0, NULL);

  return _tp_store_dup_live (self, t, id, error);
}

/* An empty object of the right type, for a list position whose row went
 * away under another connection. */
GObject *
_tp_store_placeholder (const char *table,
                       gint64      id)
{
  int t = _tp_store_table_from_name (table);

  g_return_val_if_fail (t >= 0, NULL);

  return g_object_new (_tp_store_tables[t].get_type (), "id", id, NULL);
}

/* Brings back the object of a row that an undo restored. */
void
_tp_store_resurrect (TpStore        *self,
                     TpStoreTableId  table,
                     gint64          id)
{
  GObject *object = g_hash_table_lookup (self->dead[table], &id);

  if (object == NULL)
    return;

  g_object_weak_unref (object, live_object_finalized_cb, self->dead[table]);
  g_hash_table_remove (self->dead[table], &id);

  if (_tp_store_live_lookup (self, table, id) == NULL)
    _tp_store_live_insert (self, table, id, object);
}

void
_tp_store_reload_live (TpStore        *self,
                       TpStoreTableId  table,
                       gint64          id)
{
  GObject *object = _tp_store_live_lookup (self, table, id);
  g_autoptr(GError) error = NULL;
  gboolean found;

  if (object == NULL)
    return;

  g_object_ref (object);
  if (!_tp_store_load_row (self, table, id, object, &found, &error))
    g_debug ("Could not reload %s %" G_GINT64_FORMAT ": %s",
             _tp_store_tables[table].name, id, error->message);
  g_object_unref (object);
}

static GArray *
map_ids (GHashTable *map)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, map);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *)key);

  return ids;
}

/* After many changes to a table: every live object is read again (and
 * put aside if its row went), and every object put aside whose row came
 * back is live again. */
void
_tp_store_reload_all_live (TpStore        *self,
                           TpStoreTableId  table)
{
  g_autoptr(GArray) live_ids = map_ids (self->live[table]);
  g_autoptr(GArray) dead_ids = map_ids (self->dead[table]);

  for (guint i = 0; i < live_ids->len; i++)
    {
      gint64 id = g_array_index (live_ids, gint64, i);
      g_autoptr(GObject) object = g_object_ref (_tp_store_live_lookup (self, table, id));
      gboolean found = FALSE;

      if (_tp_store_load_row (self, table, id, object, &found, NULL) && !found)
        _tp_store_bury (self, table, id);
    }

  for (guint i = 0; i < dead_ids->len; i++)
    {
      gint64 id = g_array_index (dead_ids, gint64, i);
      g_autoptr(GObject) object = g_object_ref (g_hash_table_lookup (self->dead[table], &id));
      gboolean found = FALSE;

      if (_tp_store_load_row (self, table, id, object, &found, NULL) && found)
        _tp_store_resurrect (self, table, id);
    }
}

void
_tp_store_live_clear (GHashTable **map)
{
  GHashTableIter iter;
  gpointer value;

  if (*map == NULL)
    return;

  g_hash_table_iter_init (&iter, *map);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, live_object_finalized_cb, *map);
  g_clear_pointer (map, g_hash_table_unref);
}
