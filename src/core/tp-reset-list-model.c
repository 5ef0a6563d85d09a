/* tp-reset-list-model.c
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

#define G_LOG_DOMAIN "tp-reset-list-model"

#include "config.h"

#include "tp-reset-list-model.h"

/*
 * TpResetListModel passes a list model through unchanged, except for one
 * kind of change: when many rows arrive at once in place of others (a new
 * search, a filter, another sort), it says "everything went" and then
 * "everything came" instead of one change that replaces rows.
 *
 * The list views of GTK 4.8 follow some rows (the one at the top, the
 * focused one); when such a row lies in the replaced range, they read
 * every added row to look for it. On a lazy list of 100,000 customers that
 * loads them all, for each keystroke. Told of a removal and then of an
 * addition, they have nothing to look for: the view starts at the top and
 * binds only the rows on screen.
 */

/* More added rows than this are announced as a reset. */
#define MAX_PASSED_THROUGH 64

struct _TpResetListModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       n_items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TpResetListModel, tp_reset_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
tp_reset_list_model_get_item_type (GListModel *list)
{
  TpResetListModel *self = TP_RESET_LIST_MODEL (list);

  return self->model != NULL ? g_list_model_get_item_type (self->model) : G_TYPE_OBJECT;
}

static guint
tp_reset_list_model_get_n_items (GListModel *list)
{
  TpResetListModel *self = TP_RESET_LIST_MODEL (list);

  return self->n_items;
}

static gpointer
tp_reset_list_model_get_item (GListModel *list,
                              guint       position)
{
  TpResetListModel *self = TP_RESET_LIST_MODEL (list);

  if (self->model == NULL || position >= self->n_items)
    return NULL;

  return g_list_model_get_item (self->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tp_reset_list_model_get_item_type;
  iface->get_n_items = tp_reset_list_model_get_n_items;
  iface->get_item = tp_reset_list_model_get_item;
}

/* Announces the whole list anew: first empty, then full. */
static void
reset (TpResetListModel *self)
{
  guint old_n = self->n_items;
  guint new_n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  self->n_items = 0;
  if (old_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);

  self->n_items = new_n;
  if (new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n);

  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
items_changed_cb (TpResetListModel *self,
                  guint             position,
                  guint             removed,
                  guint             added,
                  GListModel       *model)
{
  /* Rows added below the others (the rest of a long search after its
   * first rows) replace nothing: the views have no row to look for, and
   * keep what they show. */
  if (added > MAX_PASSED_THROUGH && (removed > 0 || position < self->n_items))
    {
      reset (self);
      return;
    }

  g_assert (removed <= self->n_items);

  self->n_items = self->n_items - removed + added;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);

  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * tp_reset_list_model_new:
 * @model: (nullable): the list to pass through
 *
 * Returns: (transfer full): a new #TpResetListModel
 */
TpResetListModel *
tp_reset_list_model_new (GListModel *model)
{
  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  return g_object_new (TP_TYPE_RESET_LIST_MODEL, "model", model, NULL);
}

/**
 * tp_reset_list_model_get_model:
 * @self: a #TpResetListModel
 *
 * Returns: (transfer none) (nullable): the list passed through
 */
GListModel *
tp_reset_list_model_get_model (TpResetListModel *self)
{
  g_return_val_if_fail (TP_IS_RESET_LIST_MODEL (self), NULL);

  return self->model;
}

void
tp_reset_list_model_set_model (TpResetListModel *self,
                               GListModel       *model)
{
  g_return_if_fail (TP_IS_RESET_LIST_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);

  g_set_object (&self->model, model);

  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb),
                             self, G_CONNECT_SWAPPED);

  reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

static void
tp_reset_list_model_dispose (GObject *object)
{
  TpResetListModel *self = TP_RESET_LIST_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (tp_reset_list_model_parent_class)->dispose (object);
}

static void
tp_reset_list_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TpResetListModel *self = TP_RESET_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_reset_list_model_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TpResetListModel *self = TP_RESET_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      tp_reset_list_model_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_reset_list_model_class_init (TpResetListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tp_reset_list_model_dispose;
  object_class->get_property = tp_reset_list_model_get_property;
  object_class->set_property = tp_reset_list_model_set_property;

  /**
   * TpResetListModel:model:
   *
   * The list passed through.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpResetListModel:n-items:
   *
   * The number of items.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_reset_list_model_init (TpResetListModel *self)
{
}
