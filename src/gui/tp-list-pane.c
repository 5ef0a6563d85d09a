/* tp-list-pane.c
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

#define G_LOG_DOMAIN "tp-list-pane"

#include "config.h"

#include "tp-list-pane.h"
#include "tp-marketing-util.h"
#include "tp-read-only-private.h"

/*
 * TpListPane is the list side of a list and its editor: a title, an add
 * button and the rows of a list of stored objects (audiences,
 * competitors, tactics), one of them selected.
 *
 * The selection follows an id, not a row: when the list changes, the same
 * object stays selected, and when it goes away its neighbour is selected
 * instead. Rows move with Alt+Up and Alt+Down or by dragging, which
 * renumbers the positions in one transaction; Delete activates the
 * action named by :delete-action-name on the section around the pane.
 */

struct _TpListPane
{
  GtkWidget                parent_instance;

  GtkLabel                *title_label;
  GtkButton               *add_button;
  GtkListBox              *list_box;

  TpStore                 *store;
  GListModel              *model;
  TpListPaneCreateRowFunc  create_row;
  gpointer                 create_row_data;
  gint64                   selected_id;
  guint                    selected_position;
  char                    *delete_action_name;
  gboolean                 changing;
};

G_DEFINE_FINAL_TYPE (TpListPane, tp_list_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ADD_ACTION_NAME,
  PROP_ADD_LABEL,
  PROP_DELETE_ACTION_NAME,
  PROP_STORE,
  PROP_SELECTED_ID,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gint64
row_get_id (GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "tp-id");

  return id != NULL ? *id : 0;
}

static GtkListBoxRow *
find_row (TpListPane *self,
          gint64      id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && row_get_id (GTK_LIST_BOX_ROW (child)) == id)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static void
set_selected_id (TpListPane *self,
                 gint64      id)
{
  if (id != 0)
    self->selected_position = _tp_marketing_find_position (self->model, id);

  if (self->selected_id == id)
    return;

  self->selected_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

static gboolean
move_item (TpListPane *self,
           gint64      id,
           guint       to)
{
  g_autoptr(GError) error = NULL;
  gboolean had_focus = tp_list_pane_has_focus (self);
  guint from;

  if (self->model == NULL || self->store == NULL)
    return FALSE;

  from = _tp_marketing_find_position (self->model, id);
  if (from == GTK_INVALID_LIST_POSITION || to >= g_list_model_get_n_items (self->model))
    return FALSE;

  if (!_tp_marketing_move_item (self->store, self->model, from, to, &error))
    {
      _tp_marketing_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  if (had_focus)
    tp_list_pane_focus_selected (self);

  return TRUE;
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    GtkListBoxRow *row)
{
  TpListPane *self = TP_LIST_PANE (gtk_widget_get_ancestor (GTK_WIDGET (row), TP_TYPE_LIST_PANE));

  /* A role that may only read moves nothing */
  if (self == NULL || !_tp_store_can_write (self->store))
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_INT64, row_get_id (row));
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  GtkListBoxRow *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (row));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            GtkListBoxRow *row)
{
  TpListPane *self = TP_LIST_PANE (gtk_widget_get_ancestor (GTK_WIDGET (row), TP_TYPE_LIST_PANE));
  int index = gtk_list_box_row_get_index (row);

  if (self == NULL || index < 0 || !G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  return move_item (self, g_value_get_int64 (value), (guint) index);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  TpListPane *self = user_data;
  GtkListBoxRow *row = self->create_row (item, self->create_row_data);
  GtkDragSource *source;
  GtkDropTarget *target;
  gint64 *id = g_new (gint64, 1);

  *id = _tp_marketing_get_id (item);
  g_object_set_data_full (G_OBJECT (row), "tp-id", id, g_free);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), row);
  gtk_widget_add_controller (GTK_WIDGET (row), GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), row);
  gtk_widget_add_controller (GTK_WIDGET (row), GTK_EVENT_CONTROLLER (target));

  return GTK_WIDGET (row);
}

static void
reselect (TpListPane *self)
{
  GtkListBoxRow *row = NULL;
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  if (n == 0)
    {
      set_selected_id (self, 0);
      return;
    }

  if (self->selected_id != 0)
    row = find_row (self, self->selected_id);

  if (row == NULL)
    {
      /* The selected item went away: its neighbour takes its place. */
      guint position = MIN (self->selected_position, n - 1);

      row = gtk_list_box_get_row_at_index (self->list_box, (int) position);
    }

  if (row == NULL)
    return;

  self->changing = TRUE;
  gtk_list_box_select_row (self->list_box, row);
  self->changing = FALSE;

  set_selected_id (self, row_get_id (row));
}

static void
on_items_changed_cb (TpListPane *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *model)
{
  reselect (self);
}

static void
on_list_box_row_selected_cb (TpListPane    *self,
                             GtkListBoxRow *row)
{
  /* A row going away unselects itself; on_items_changed_cb() picks the
   * next one. */
  if (row == NULL || self->changing)
    return;

  set_selected_id (self, row_get_id (row));
}

static void
on_list_box_row_activated_cb (TpListPane    *self,
                              GtkListBoxRow *row)
{
  set_selected_id (self, row_get_id (row));
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TpListPane *self = TP_LIST_PANE (widget);

  tp_list_pane_move_selected (self, g_str_equal (action_name, "list.move-up") ? -1 : 1);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpListPane *self = TP_LIST_PANE (widget);

  if (self->delete_action_name != NULL && self->selected_id != 0)
    gtk_widget_activate_action (widget, self->delete_action_name, NULL);
}

TpStore *
tp_list_pane_get_store (TpListPane *self)
{
  g_return_val_if_fail (TP_IS_LIST_PANE (self), NULL);

  return self->store;
}

void
tp_list_pane_set_store (TpListPane *self,
                        TpStore    *store)
{
  g_return_if_fail (TP_IS_LIST_PANE (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  /* A role that may only read moves and deletes nothing */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.move-up", _tp_store_can_write (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.move-down", _tp_store_can_write (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.delete", _tp_store_can_write (store));
}

/**
 * tp_list_pane_get_model:
 * @self: a #TpListPane
 *
 * Returns: (transfer none) (nullable): the list the pane shows
 */
GListModel *
tp_list_pane_get_model (TpListPane *self)
{
  g_return_val_if_fail (TP_IS_LIST_PANE (self), NULL);

  return self->model;
}

/**
 * tp_list_pane_set_model:
 * @self: a #TpListPane
 * @model: (nullable): a list of stored objects, by position
 * @create_row: makes the row of an item
 * @user_data: for @create_row
 *
 * Shows @model and selects its first item.
 */
void
tp_list_pane_set_model (TpListPane              *self,
                        GListModel              *model,
                        TpListPaneCreateRowFunc  create_row,
                        gpointer                 user_data)
{
  g_return_if_fail (TP_IS_LIST_PANE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);

  g_set_object (&self->model, model);
  self->create_row = create_row;
  self->create_row_data = user_data;
  self->selected_id = 0;
  self->selected_position = 0;

  if (model != NULL)
    {
      gtk_list_box_bind_model (self->list_box, model, create_row_cb, self, NULL);
      /* After the list box's own handler, so that the rows exist. */
      g_signal_connect_object (model, "items-changed",
                               G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
    }
  else
    {
      gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
    }

  reselect (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/**
 * tp_list_pane_get_selected_id:
 * @self: a #TpListPane
 *
 * Returns: the id of the selected item, 0 when the list is empty
 */
gint64
tp_list_pane_get_selected_id (TpListPane *self)
{
  g_return_val_if_fail (TP_IS_LIST_PANE (self), 0);

  return self->selected_id;
}

/**
 * tp_list_pane_dup_selected:
 * @self: a #TpListPane
 *
 * Returns: (transfer full) (nullable): the selected item
 */
gpointer
tp_list_pane_dup_selected (TpListPane *self)
{
  guint position;

  g_return_val_if_fail (TP_IS_LIST_PANE (self), NULL);

  position = _tp_marketing_find_position (self->model, self->selected_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;

  return g_list_model_get_item (self->model, position);
}

/**
 * tp_list_pane_select_id:
 * @self: a #TpListPane
 * @id: the id of an item of the list
 *
 * Selects that item.
 */
void
tp_list_pane_select_id (TpListPane *self,
                        gint64      id)
{
  GtkListBoxRow *row;

  g_return_if_fail (TP_IS_LIST_PANE (self));

  row = find_row (self, id);
  if (row == NULL)
    return;

  self->changing = TRUE;
  gtk_list_box_select_row (self->list_box, row);
  self->changing = FALSE;

  set_selected_id (self, id);
}

/**
 * tp_list_pane_move_selected:
 * @self: a #TpListPane
 * @delta: -1 to move up, 1 to move down
 *
 * Moves the selected item, in one transaction.
 *
 * Returns: whether it moved
 */
gboolean
tp_list_pane_move_selected (TpListPane *self,
                            int         delta)
{
  guint from;

  g_return_val_if_fail (TP_IS_LIST_PANE (self), FALSE);

  from = _tp_marketing_find_position (self->model, self->selected_id);
  if (from == GTK_INVALID_LIST_POSITION || (delta < 0 && from == 0))
    return FALSE;

  return move_item (self, self->selected_id, from + delta);
}

/**
 * tp_list_pane_has_focus:
 * @self: a #TpListPane
 *
 * Returns: whether the focus is in the list
 */
gboolean
tp_list_pane_has_focus (TpListPane *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (TP_IS_LIST_PANE (self), FALSE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_box));
}

/**
 * tp_list_pane_focus_selected:
 * @self: a #TpListPane
 *
 * Gives the focus to the selected row.
 */
void
tp_list_pane_focus_selected (TpListPane *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (TP_IS_LIST_PANE (self));

  row = find_row (self, self->selected_id);
  if (row != NULL)
    _tp_marketing_focus_when_shown (GTK_WIDGET (row));
}

/**
 * tp_list_pane_get_list_box:
 * @self: a #TpListPane
 *
 * Returns: (transfer none): the list box
 */
GtkListBox *
tp_list_pane_get_list_box (TpListPane *self)
{
  g_return_val_if_fail (TP_IS_LIST_PANE (self), NULL);

  return self->list_box;
}

static void
tp_list_pane_dispose (GObject *object)
{
  TpListPane *self = TP_LIST_PANE (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_LIST_PANE);

  /* The template's box is not a bound child: take it away too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_list_pane_parent_class)->dispose (object);
}

static void
tp_list_pane_finalize (GObject *object)
{
  TpListPane *self = TP_LIST_PANE (object);

  g_free (self->delete_action_name);

  G_OBJECT_CLASS (tp_list_pane_parent_class)->finalize (object);
}

static void
tp_list_pane_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TpListPane *self = TP_LIST_PANE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;

    case PROP_ADD_ACTION_NAME:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (self->add_button)));
      break;

    case PROP_ADD_LABEL:
      g_value_set_string (value, gtk_widget_get_tooltip_text (GTK_WIDGET (self->add_button)));
      break;

    case PROP_DELETE_ACTION_NAME:
      g_value_set_string (value, self->delete_action_name);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_list_pane_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TpListPane *self = TP_LIST_PANE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      gtk_label_set_label (self->title_label, g_value_get_string (value));
      break;

    case PROP_ADD_ACTION_NAME:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), g_value_get_string (value));
      break;

    case PROP_ADD_LABEL:
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), g_value_get_string (value));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                      -1);
      break;

    case PROP_DELETE_ACTION_NAME:
      g_free (self->delete_action_name);
      self->delete_action_name = g_value_dup_string (value);
      break;

    case PROP_STORE:
      tp_list_pane_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_list_pane_class_init (TpListPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_list_pane_dispose;
  object_class->finalize = tp_list_pane_finalize;
  object_class->get_property = tp_list_pane_get_property;
  object_class->set_property = tp_list_pane_set_property;

  /**
   * TpListPane:title:
   *
   * The heading over the list.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /**
   * TpListPane:add-action-name:
   *
   * The action of the add button.
   */
  properties[PROP_ADD_ACTION_NAME] =
    g_param_spec_string ("add-action-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /**
   * TpListPane:add-label:
   *
   * The tooltip and accessible name of the add button.
   */
  properties[PROP_ADD_LABEL] =
    g_param_spec_string ("add-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /**
   * TpListPane:delete-action-name:
   *
   * The action that Delete activates on the selected row.
   */
  properties[PROP_DELETE_ACTION_NAME] =
    g_param_spec_string ("delete-action-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /**
   * TpListPane:store:
   *
   * The store that saves the new order of moved rows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpListPane:selected-id:
   *
   * The id of the selected item, 0 for none.
   */
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpListPane::activated:
   *
   * A row was activated (clicked, or Enter pressed on it).
   */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-list-pane.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, TpListPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, TpListPane, add_button);
  gtk_widget_class_bind_template_child (widget_class, TpListPane, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "list.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "list.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "list.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "list.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "list.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "list.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "list.delete", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_list_pane_init (TpListPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
