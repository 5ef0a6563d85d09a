/* tp-stable-list.c
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

#define G_LOG_DOMAIN "tp-stable-list"

#include "config.h"

#include "tp-stable-list.h"

/*
 * TpStableList passes on the items of a store list, except the changes
 * that put the very same objects back where they were. A store list
 * announces a row saved in place as removed and added again, so that
 * views redraw it; but the rows of the Marketing tab bind to the live
 * objects and follow their properties by themselves, and a list box that
 * rebuilt a row on every save would take the focus from the field being
 * typed in, and the selection from the list.
 *
 * It keeps a reference to each item, which keeps the store's live objects
 * alive while they are shown: the lists of the Marketing tab are short.
 */

struct _TpStableList
{
  GObject     parent_instance;

  GListModel *model;
  GPtrArray  *items;
  gulong      items_changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TpStableList, tp_stable_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
tp_stable_list_get_item_type (GListModel *model)
{
  TpStableList *self = TP_STABLE_LIST (model);

  return g_list_model_get_item_type (self->model);
}

static guint
tp_stable_list_get_n_items (GListModel *model)
{
  TpStableList *self = TP_STABLE_LIST (model);

  return self->items->len;
}

static gpointer
tp_stable_list_get_item (GListModel *model,
                         guint       position)
{
  TpStableList *self = TP_STABLE_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tp_stable_list_get_item_type;
  iface->get_n_items = tp_stable_list_get_n_items;
  iface->get_item = tp_stable_list_get_item;
}

static void
on_items_changed_cb (TpStableList *self,
                     guint         position,
                     guint         removed,
                     guint         added,
                     GListModel   *model)
{
  gboolean same = removed == added;

  if (same)
    {
      for (guint i = 0; i < added; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, position + i);

          if (item != g_ptr_array_index (self->items, position + i))
            {
              same = FALSE;
              break;
            }
        }
    }

  if (same)
    return;

  g_ptr_array_remove_range (self->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->items, position + i, g_list_model_get_item (model, position + i));

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
tp_stable_list_dispose (GObject *object)
{
  TpStableList *self = TP_STABLE_LIST (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_object (&self->model);
  if (self->items != NULL)
    g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (tp_stable_list_parent_class)->dispose (object);
}

static void
tp_stable_list_finalize (GObject *object)
{
  TpStableList *self = TP_STABLE_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (tp_stable_list_parent_class)->finalize (object);
}

static void
tp_stable_list_class_init (TpStableListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tp_stable_list_dispose;
  object_class->finalize = tp_stable_list_finalize;
}

static void
tp_stable_list_init (TpStableList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * tp_stable_list_new:
 * @model: (transfer full): a list of model objects
 *
 * Returns: (transfer full): a list of the same items
 */
TpStableList *
tp_stable_list_new (GListModel *model)
{
  TpStableList *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (TP_TYPE_STABLE_LIST, NULL);
  self->model = model;

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->items, g_list_model_get_item (model, i));

  self->items_changed_id = g_signal_connect_object (model, "items-changed",
                                                    G_CALLBACK (on_items_changed_cb), self,
                                                    G_CONNECT_SWAPPED);

  return self;
}

/**
 * tp_stable_list_get_model:
 * @self: a #TpStableList
 *
 * Returns: (transfer none): the list it follows
 */
GListModel *
tp_stable_list_get_model (TpStableList *self)
{
  g_return_val_if_fail (TP_IS_STABLE_LIST (self), NULL);

  return self->model;
}
