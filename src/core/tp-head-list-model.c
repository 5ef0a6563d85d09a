/* tp-head-list-model.c
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
 * TpHeadListModel: the first @size items of a list, announced with the
 * smallest changes. GtkSliceListModel (GTK 4.8) announces an item
 * inserted at the top of its slice as the whole slice replaced, and a
 * GtkListBox bound to it builds every row again; here the same insert is
 * one item in at the top and one out at the bottom.
 *
 * A change of the list is passed on in two steps: first the change itself,
 * clipped to the head, then the tail of the head growing or shrinking to
 * @size. Between the two the head holds the changed items and, after them,
 * the items it showed before (@gap_at and @gap say where those are in the
 * list now).
 */

#define G_LOG_DOMAIN "tp-head-list-model"

#include "config.h"

#include "tp-head-list-model.h"

struct _TpHeadListModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       size;
  guint       n_items;   /* what the head announced it holds */

  guint       gap_at;    /* during a change: from here on ... */
  guint       gap;       /* ... item i is the list's item i + gap */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TpHeadListModel, tp_head_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
tp_head_list_model_get_item_type (GListModel *list)
{
  TpHeadListModel *self = TP_HEAD_LIST_MODEL (list);

  return self->model != NULL ? g_list_model_get_item_type (self->model) : G_TYPE_OBJECT;
}

static guint
tp_head_list_model_get_n_items (GListModel *list)
{
  TpHeadListModel *self = TP_HEAD_LIST_MODEL (list);

  return self->n_items;
}

static gpointer
tp_head_list_model_get_item (GListModel *list,
                             guint       position)
{
  TpHeadListModel *self = TP_HEAD_LIST_MODEL (list);

  /* Disposed, the model is gone. */
  if (self->model == NULL || position >= self->n_items)
    return NULL;

  if (position >= self->gap_at)
    position += self->gap;

  return g_list_model_get_item (self->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tp_head_list_model_get_item_type;
  iface->get_n_items = tp_head_list_model_get_n_items;
  iface->get_item = tp_head_list_model_get_item;
}

/* Grows or shrinks the head at its end to what the list and @size allow. */
static void
fit_tail (TpHeadListModel *self)
{
  guint old_n = self->n_items;
  guint new_n = MIN (g_list_model_get_n_items (self->model), self->size);

  self->gap_at = G_MAXUINT;
  self->gap = 0;
  self->n_items = new_n;

  if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
}

static void
items_changed_cb (TpHeadListModel *self,
                  guint            position,
                  guint            removed,
                  guint            added,
                  GListModel      *model)
{
  guint old_n = self->n_items;
  guint new_n = MIN (g_list_model_get_n_items (model), self->size);
  guint removed_in, added_in;

  if (position >= old_n && position >= new_n)
    return;

  removed_in = MIN (removed, old_n - MIN (position, old_n));
  added_in = MIN (added, new_n - MIN (position, new_n));

  /* The changed items; the ones after them are the ones shown before,
   * now further on in the list when more came in than the head shows. */
  self->n_items = old_n - removed_in + added_in;
  self->gap_at = position + added_in;
  self->gap = added - added_in;
  if (removed_in > 0 || added_in > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed_in, added_in);

  fit_tail (self);
}

static void
tp_head_list_model_dispose (GObject *object)
{
  TpHeadListModel *self = TP_HEAD_LIST_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (tp_head_list_model_parent_class)->dispose (object);
}

static void
tp_head_list_model_class_init (TpHeadListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tp_head_list_model_dispose;
}

static void
tp_head_list_model_init (TpHeadListModel *self)
{
  self->gap_at = G_MAXUINT;
}

/**
 * tp_head_list_model_new:
 * @model: (transfer none): the list to show the head of
 * @size: how many of its first items to show
 *
 * Returns: (transfer full): a new #TpHeadListModel
 */
TpHeadListModel *
tp_head_list_model_new (GListModel *model,
                        guint       size)
{
  TpHeadListModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (TP_TYPE_HEAD_LIST_MODEL, NULL);
  self->model = g_object_ref (model);
  self->size = size;
  self->n_items = MIN (g_list_model_get_n_items (model), size);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

GListModel *
tp_head_list_model_get_model (TpHeadListModel *self)
{
  g_return_val_if_fail (TP_IS_HEAD_LIST_MODEL (self), NULL);

  return self->model;
}

guint
tp_head_list_model_get_size (TpHeadListModel *self)
{
  g_return_val_if_fail (TP_IS_HEAD_LIST_MODEL (self), 0);

  return self->size;
}

/**
 * tp_head_list_model_set_size:
 * @self: a #TpHeadListModel
 * @size: how many of the list's first items to show
 *
 * Shows more or fewer items, added or taken at the end.
 */
void
tp_head_list_model_set_size (TpHeadListModel *self,
                             guint            size)
{
  g_return_if_fail (TP_IS_HEAD_LIST_MODEL (self));

  self->size = size;
  fit_tail (self);
}
