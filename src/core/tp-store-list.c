/* tp-store-list.c
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

#define G_LOG_DOMAIN "tp-store-list"

#include "config.h"

#include "tp-store-list.h"
#include "tp-store-private.h"

/*
 * TpStoreList is the list model of one collection of rows: the audiences,
 * the places of one audience, the touches of one customer… It holds only
 * the ordered ids that its query returns and asks the store for the live
 * object of a row when a view asks for an item.
 *
 * When the store announces a change to its table, the list runs its
 * query again and compares the new ids with the old ones: what lies
 * between the common start and the common end is what changed, which is
 * one precise items-changed for an add, a delete or a move. A row that
 * changed in place is announced as itself removed and added again, so
 * that views redraw it.
 *
 * The collections it serves are small or read through an index (the
 * touches of one customer), so running the query again costs little; the
 * customer list, which can hold 100,000 rows, is TpCustomerList.
 */

/* Items recently handed out are kept alive, so that scrolling back and
 * forth does not reload them. */
#define CACHE_SIZE 256

struct _TpStoreList
{
  GObject     parent_instance;

  TpStore    *store;
  GType       item_type;
  char       *table;
  char       *ids_sql;
  gint64      parent_id;

  GArray     *ids;        /* gint64, in list order */
  GObject    *cache[CACHE_SIZE];
  guint       cache_next;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TpStoreList, tp_store_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_TABLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GArray *
query_ids (TpStoreList *self)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  TpStatement *stmt;

  stmt = tp_database_prepare (tp_store_get_database (self->store), self->ids_sql, &error);
  if (stmt == NULL)
    {
      g_debug ("Could not list %s: %s", self->table, error->message);
      return ids;
    }

  tp_statement_bind_int64 (stmt, 1, self->parent_id);
  while (tp_statement_step (stmt, &error))
    {
      gint64 id = tp_statement_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  tp_statement_reset (stmt);

  if (error != NULL)
    g_debug ("Could not list %s: %s", self->table, error->message);

  return ids;
}

static guint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}

static void
store_changed_cb (TpStoreList   *self,
                  const char    *table,
                  gint64         id,
                  TpStoreChange  kind,
                  TpStore       *store)
{
  g_autoptr(GArray) old_ids = NULL;
  guint old_n, new_n, prefix = 0, suffix = 0;

  old_ids = g_steal_pointer (&self->ids);
  self->ids = query_ids (self);

  old_n = old_ids->len;
  new_n = self->ids->len;

  while (prefix < old_n && prefix < new_n &&
         g_array_index (old_ids, gint64, prefix) == g_array_index (self->ids, gint64, prefix))
    prefix++;

  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_array_index (old_ids, gint64, old_n - 1 - suffix) ==
         g_array_index (self->ids, gint64, new_n - 1 - suffix))
    suffix++;

  if (prefix == old_n && prefix == new_n)
    {
      guint position;

      /* Same rows in the same order: a row that changed in place is
       * redrawn; anything else did not concern this list. */
      if (kind != TP_STORE_CHANGE_UPDATED)
        return;

      position = find_id (self->ids, id);
      if (position != G_MAXUINT)
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_n - prefix - suffix, new_n - prefix - suffix);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static GType
tp_store_list_get_item_type (GListModel *model)
{
  TpStoreList *self = TP_STORE_LIST (model);

  return self->item_type;
}

static guint
tp_store_list_get_n_items (GListModel *model)
{
  TpStoreList *self = TP_STORE_LIST (model);

  return self->ids->len;
}

static gpointer
tp_store_list_get_item (GListModel *model,
                        guint       position)
{
  TpStoreList *self = TP_STORE_LIST (model);
  g_autoptr(GError) error = NULL;
  GObject *item;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  item = _tp_store_dup_object (self->store, self->table, id, &error);
  if (item == NULL)
    {
      /* Gone under another connection; the next change notice will
       * drop it from the list. */
      g_debug ("Could not load %s %" G_GINT64_FORMAT ": %s", self->table, id, error->message);
      return _tp_store_placeholder (self->table, id);
    }

  g_set_object (&self->cache[self->cache_next], item);
  self->cache_next = (self->cache_next + 1) % CACHE_SIZE;

  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tp_store_list_get_item_type;
  iface->get_n_items = tp_store_list_get_n_items;
  iface->get_item = tp_store_list_get_item;
}

static void
tp_store_list_dispose (GObject *object)
{
  TpStoreList *self = (TpStoreList *)object;

  for (guint i = 0; i < CACHE_SIZE; i++)
    g_clear_object (&self->cache[i]);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_store_list_parent_class)->dispose (object);
}

static void
tp_store_list_finalize (GObject *object)
{
  TpStoreList *self = (TpStoreList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self->table);
  g_free (self->ids_sql);

  G_OBJECT_CLASS (tp_store_list_parent_class)->finalize (object);
}

static void
tp_store_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TpStoreList *self = TP_STORE_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, tp_store_list_get_item_type (G_LIST_MODEL (self)));
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    case PROP_TABLE:
      g_value_set_string (value, self->table);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_store_list_class_init (TpStoreListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tp_store_list_dispose;
  object_class->finalize = tp_store_list_finalize;
  object_class->get_property = tp_store_list_get_property;

  /**
   * TpStoreList:item-type:
   *
   * The model type of the items.
   */
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TpStoreList:n-items:
   *
   * The number of items.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TpStoreList:table:
   *
   * The table the items come from.
   */
  properties[PROP_TABLE] =
    g_param_spec_string ("table", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_store_list_init (TpStoreList *self)
{
}

TpStoreList *
_tp_store_list_new (TpStore    *store,
                    const char *table,
                    const char *ids_sql,
                    gint64      parent_id)
{
  TpStoreList *self;
  g_autofree char *signal = g_strconcat ("changed::", table, NULL);
  g_autoptr(GObject) probe = _tp_store_placeholder (table, 0);

  self = g_object_new (TP_TYPE_STORE_LIST, NULL);
  self->store = g_object_ref (store);
  self->item_type = G_OBJECT_TYPE (probe);
  self->table = g_strdup (table);
  self->ids_sql = g_strdup (ids_sql);
  self->parent_id = parent_id;
  self->ids = query_ids (self);

  g_signal_connect_object (store, signal, G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * tp_store_list_get_store:
 * @self: a #TpStoreList
 *
 * Returns: (transfer none): the store the list reads
 */
TpStore *
tp_store_list_get_store (TpStoreList *self)
{
  g_return_val_if_fail (TP_IS_STORE_LIST (self), NULL);

  return self->store;
}

/**
 * tp_store_list_get_table:
 * @self: a #TpStoreList
 *
 * Returns: the table the items come from, such as "touches"
 */
const char *
tp_store_list_get_table (TpStoreList *self)
{
  g_return_val_if_fail (TP_IS_STORE_LIST (self), NULL);

  return self->table;
}

/**
 * tp_store_list_get_id:
 * @self: a #TpStoreList
 * @position: a position in the list
 *
 * Gets the id of the row at @position without loading its object.
 *
 * Returns: the id, or 0 if @position is past the end
 */
gint64
tp_store_list_get_id (TpStoreList *self,
                      guint        position)
{
  g_return_val_if_fail (TP_IS_STORE_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

/**
 * tp_store_list_find:
 * @self: a #TpStoreList
 * @id: a row id
 *
 * Returns: the position of the row, or %G_MAXUINT if it is not in the list
 */
guint
tp_store_list_find (TpStoreList *self,
                    gint64       id)
{
  g_return_val_if_fail (TP_IS_STORE_LIST (self), G_MAXUINT);

  return find_id (self->ids, id);
}
