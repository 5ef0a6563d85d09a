/* tp-list-section.c
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

#define G_LOG_DOMAIN "tp-list-section"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-list-section.h"
#include "tp-marketing-util.h"
#include "tp-read-only-private.h"
#include "tp-stable-list.h"
#include "tp-toast-private.h"

/*
 * TpListSection lists the items of one collection (audiences, competitors,
 * tactics) beside the editor of the selected one; narrow, the two fold
 * into one column with a back button over the editor. Without any item it
 * explains what they are for and offers to add the first. It adds, deletes
 * with an undo toast and moves items, and titles the editor with the
 * selected item's name.
 *
 * A subclass is one collection: in its class it names its actions
 * (tp_list_section_class_set_actions()) and fills in the class's functions
 * (the store's list, a row, a new item, the editor); in its template it
 * sets the words of the empty state and the list, the editor, and a header
 * over the list if it has one.
 *
 * Actions, for a collection "things" of items "thing": things.add (Ctrl+N
 * through the page), thing.delete (Delete in the list), thing.move-up and
 * thing.move-down (Alt+Up, Alt+Down in the list), things.show-list and
 * things.show-editor (which side shows, when folded).
 */

typedef struct
{
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkButton     *empty_button;
  GtkBox        *list_page;
  AdwLeaflet    *leaflet;
  TpListPane    *list_pane;
  GtkButton     *back_button;
  GtkLabel      *editor_title;
  GtkBox        *editor_box;

  GtkWidget     *header;
  GtkWidget     *editor;

  TpStore       *store;
  GListModel    *items;
  GObject       *titled;
  GBinding      *title_binding;
} TpListSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TpListSection, tp_list_section, GTK_TYPE_WIDGET)

/* The words of a section, each a property of a widget of the template:
 * the empty state's icon, title, description and button (its label with
 * a mnemonic), the title over the list and the name of its add button,
 * and the name of the button back to the list when folded. */
static const struct {
  const char *name;
  const char *child;
  const char *child_property;
} words[] = {
  { "empty-icon-name", "empty_page", "icon-name" },
  { "empty-title", "empty_page", "title" },
  { "empty-description", "empty_page", "description" },
  { "empty-add-label", "empty_button", "label" },
  { "list-title", "list_pane", "title" },
  { "add-label", "list_pane", "add-label" },
  { "back-label", "back_button", "tooltip-text" },
};

#define N_WORDS 7
G_STATIC_ASSERT (G_N_ELEMENTS (words) == N_WORDS);

enum {
  PROP_0,
  PROP_STORE,
  PROP_EDITING,
  PROP_EDITOR,
  PROP_HEADER,
  PROP_WORDS,
  N_PROPS = PROP_WORDS + N_WORDS
};

static GParamSpec *properties[N_PROPS];

static char *
action_name (TpListSection *self,
             gboolean       collection,
             const char    *name)
{
  TpListSectionClass *klass = TP_LIST_SECTION_GET_CLASS (self);

  return g_strconcat (collection ? klass->collection : klass->item, ".", name, NULL);
}

static void
set_action_enabled (TpListSection *self,
                    gboolean       collection,
                    const char    *name,
                    gboolean       enabled)
{
  g_autofree char *action = action_name (self, collection, name);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, enabled);
}

static void
update_page (TpListSection *self)
{
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);
  TpListSectionClass *klass = TP_LIST_SECTION_GET_CLASS (self);
  gboolean empty = priv->items == NULL || g_list_model_get_n_items (priv->items) == 0;
  /* A role that may only read adds, deletes and moves nothing */
  gboolean can_write = _tp_store_can_write (priv->store);
  gboolean has_selection = can_write && tp_list_pane_get_selected_id (priv->list_pane) != 0;

  gtk_stack_set_visible_child_name (priv->stack, empty ? "empty" : "list");

  if (klass->collection == NULL)
    return;

  set_action_enabled (self, TRUE, "add", can_write);
  set_action_enabled (self, FALSE, "delete", has_selection);
  set_action_enabled (self, FALSE, "move-up", has_selection);
  set_action_enabled (self, FALSE, "move-down", has_selection);

  if (klass->update != NULL)
    klass->update (self, has_selection);
}

static void
on_items_changed_cb (TpListSection *self)
{
  update_page (self);
}

static GtkListBoxRow *
create_row (gpointer item,
            gpointer user_data)
{
  TpListSection *self = user_data;

  return TP_LIST_SECTION_GET_CLASS (self)->create_row (self, item);
}

/* Whether the list still holds @item */
static gboolean
items_hold (TpListSection *self,
            GObject       *item)
{
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);
  gint64 id = _tp_marketing_get_id (item);

  for (guint i = 0; priv->items != NULL && i < g_list_model_get_n_items (priv->items); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (priv->items, i);

      if (_tp_marketing_get_id (other) == id)
        return TRUE;
    }

  return FALSE;
}

static void
on_list_pane_selected_id_cb (TpListSection *self)
{
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);
  g_autoptr(GObject) item = tp_list_pane_dup_selected (priv->list_pane);

  /* The item shown was deleted on another desktop: the editor goes back
   * to the list and a toast says why. It offers no Undo: the delete is
   * not this desktop's to undo. */
  if (priv->titled != NULL && priv->store != NULL && tp_store_change_is_remote (priv->store) &&
      !items_hold (self, priv->titled))
    {
      g_autofree char *name = NULL;
      g_autofree char *title = NULL;
      AdwToast *toast;

      g_object_get (priv->titled, "name", &name, NULL);
      /* Translators: %s is the name of an item, like “Big Pet Co” */
      title = g_strdup_printf (_("“%s” was deleted on another desktop"), name != NULL ? name : "");
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
      _tp_toast_show (GTK_WIDGET (self), toast);
      adw_leaflet_set_visible_child_name (priv->leaflet, "list");
    }

  g_clear_pointer (&priv->title_binding, g_binding_unbind);
  g_clear_object (&priv->titled);

  TP_LIST_SECTION_GET_CLASS (self)->set_item (self, item);

  if (item != NULL)
    {
      priv->titled = g_object_ref (item);
      priv->title_binding = g_object_bind_property (item, "name",
                                                    priv->editor_title, "label",
                                                    G_BINDING_SYNC_CREATE);
    }
  else
    gtk_label_set_label (priv->editor_title, "");

  update_page (self);
}

static void
on_list_pane_activated_cb (TpListSection *self)
{
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  adw_leaflet_set_visible_child_name (priv->leaflet, "editor");
}

static void
on_leaflet_changed_cb (TpListSection *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

static void
undone_cb (GtkWidget *widget,
           gint64     id)
{
  TpListSection *self = TP_LIST_SECTION (widget);
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  tp_list_pane_select_id (priv->list_pane, id);
}

static void
add_action (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  TpListSection *self = TP_LIST_SECTION (widget);
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);
  TpListSectionClass *klass = TP_LIST_SECTION_GET_CLASS (self);
  g_autoptr(TpRecord) item = NULL;
  g_autoptr(GError) error = NULL;

  if (priv->store == NULL)
    return;

  klass->flush (self);

  item = klass->new_item (self, _tp_marketing_next_position (priv->items));

  if (!klass->add (priv->store, item, &error))
    {
      _tp_marketing_show_error (widget, error);
      return;
    }

  tp_list_pane_select_id (priv->list_pane, tp_record_get_id (item));
  adw_leaflet_set_visible_child_name (priv->leaflet, "editor");
  klass->edit_name (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  TpListSection *self = TP_LIST_SECTION (widget);
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpUndo) undo = NULL;
  gint64 id = tp_list_pane_get_selected_id (priv->list_pane);
  gboolean had_focus = tp_list_pane_has_focus (priv->list_pane);

  if (priv->store == NULL || id == 0)
    return;

  TP_LIST_SECTION_GET_CLASS (self)->flush (self);

  undo = TP_LIST_SECTION_GET_CLASS (self)->delete (priv->store, id, &error);
  if (undo == NULL)
    {
      _tp_marketing_show_error (widget, error);
      return;
    }

  _tp_toast_show_undo_delete (widget, priv->store, undo, undone_cb);

  if (had_focus)
    tp_list_pane_focus_selected (priv->list_pane);
  else if (adw_leaflet_get_folded (priv->leaflet))
    adw_leaflet_set_visible_child_name (priv->leaflet, "list");
}

static void
move_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  TpListSection *self = TP_LIST_SECTION (widget);
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  TP_LIST_SECTION_GET_CLASS (self)->flush (self);
  tp_list_pane_move_selected (priv->list_pane, g_str_has_suffix (name, ".move-up") ? -1 : 1);
}

static void
show_editor_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  TpListSection *self = TP_LIST_SECTION (widget);
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  adw_leaflet_set_visible_child_name (priv->leaflet, "editor");
}

static void
show_list_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  TpListSection *self = TP_LIST_SECTION (widget);
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  adw_leaflet_set_visible_child_name (priv->leaflet, "list");
  tp_list_pane_focus_selected (priv->list_pane);
}

/**
 * tp_list_section_class_set_actions:
 * @klass: the class of a subclass
 * @collection: the prefix of the section's actions, "tactics"
 * @item: the prefix of the selected item's actions, "tactic"
 *
 * Installs the section's actions under the subclass's names. Call it in
 * the subclass's class_init.
 */
void
tp_list_section_class_set_actions (TpListSectionClass *klass,
                                   const char         *collection,
                                   const char         *item)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const struct {
    gboolean                 collection;
    const char              *name;
    GtkWidgetActionActivateFunc activate;
  } actions[] = {
    { TRUE, "add", add_action },
    { TRUE, "show-list", show_list_action },
    { TRUE, "show-editor", show_editor_action },
    { FALSE, "delete", delete_action },
    { FALSE, "move-up", move_action },
    { FALSE, "move-down", move_action },
  };

  klass->collection = collection;
  klass->item = item;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *name = g_strconcat (actions[i].collection ? collection : item, ".",
                                           actions[i].name, NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, actions[i].activate);
    }
}

TpStore *
tp_list_section_get_store (TpListSection *self)
{
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  g_return_val_if_fail (TP_IS_LIST_SECTION (self), NULL);

  return priv->store;
}

void
tp_list_section_set_store (TpListSection *self,
                           TpStore       *store)
{
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);
  TpListSectionClass *klass = TP_LIST_SECTION_GET_CLASS (self);

  g_return_if_fail (TP_IS_LIST_SECTION (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (priv->store == store)
    return;

  klass->set_item (self, NULL);
  if (priv->items != NULL)
    g_signal_handlers_disconnect_by_func (priv->items, on_items_changed_cb, self);
  g_clear_object (&priv->items);

  g_set_object (&priv->store, store);

  if (priv->editor != NULL)
    g_object_set (priv->editor, "store", store, NULL);
  tp_list_pane_set_store (priv->list_pane, store);

  if (store != NULL)
    {
      priv->items = G_LIST_MODEL (tp_stable_list_new (klass->list (store)));
      g_signal_connect_object (priv->items, "items-changed",
                               G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
    }

  tp_list_pane_set_model (priv->list_pane, priv->items, create_row, self);
  update_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tp_list_section_get_items:
 * @self: a #TpListSection
 *
 * Returns: (transfer none) (nullable): the items the list shows
 */
GListModel *
tp_list_section_get_items (TpListSection *self)
{
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  g_return_val_if_fail (TP_IS_LIST_SECTION (self), NULL);

  return priv->items;
}

/**
 * tp_list_section_get_editing:
 * @self: a #TpListSection
 *
 * Returns: whether the section is folded into one column and shows the
 *   editor, with a back button of its own
 */
gboolean
tp_list_section_get_editing (TpListSection *self)
{
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  g_return_val_if_fail (TP_IS_LIST_SECTION (self), FALSE);

  return adw_leaflet_get_folded (priv->leaflet) &&
         g_strcmp0 (adw_leaflet_get_visible_child_name (priv->leaflet), "editor") == 0;
}

/**
 * tp_list_section_get_list_pane:
 * @self: a #TpListSection
 *
 * Returns: (transfer none): the list of items
 */
TpListPane *
tp_list_section_get_list_pane (TpListSection *self)
{
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  g_return_val_if_fail (TP_IS_LIST_SECTION (self), NULL);

  return priv->list_pane;
}

/**
 * tp_list_section_get_editor:
 * @self: a #TpListSection
 *
 * Returns: (transfer none) (nullable): the editor of the selected item
 */
GtkWidget *
tp_list_section_get_editor (TpListSection *self)
{
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  g_return_val_if_fail (TP_IS_LIST_SECTION (self), NULL);

  return priv->editor;
}

static void
set_editor (TpListSection *self,
            GtkWidget     *editor)
{
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  if (priv->editor == editor)
    return;

  if (priv->editor != NULL)
    gtk_box_remove (priv->editor_box, priv->editor);
  priv->editor = editor;
  if (editor != NULL)
    {
      gtk_widget_set_vexpand (editor, TRUE);
      gtk_box_append (priv->editor_box, editor);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITOR]);
}

static void
set_header (TpListSection *self,
            GtkWidget     *header)
{
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  if (priv->header == header)
    return;

  if (priv->header != NULL)
    gtk_box_remove (priv->list_page, priv->header);
  priv->header = header;
  if (header != NULL)
    gtk_box_prepend (priv->list_page, header);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER]);
}

static void
tp_list_section_constructed (GObject *object)
{
  TpListSection *self = TP_LIST_SECTION (object);
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);
  TpListSectionClass *klass = TP_LIST_SECTION_GET_CLASS (self);
  g_autofree char *add = NULL;
  g_autofree char *delete = NULL;
  g_autofree char *show_list = NULL;

  G_OBJECT_CLASS (tp_list_section_parent_class)->constructed (object);

  /* The subclass's names are known only once its class is the instance's. */
  g_return_if_fail (klass->collection != NULL);

  add = action_name (self, TRUE, "add");
  delete = action_name (self, FALSE, "delete");
  show_list = action_name (self, TRUE, "show-list");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->empty_button), add);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->back_button), show_list);
  g_object_set (priv->list_pane,
                "add-action-name", add,
                "delete-action-name", delete,
                NULL);

  update_page (self);
}

static void
tp_list_section_dispose (GObject *object)
{
  TpListSection *self = TP_LIST_SECTION (object);
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  g_clear_pointer (&priv->title_binding, g_binding_unbind);
  g_clear_object (&priv->titled);
  if (priv->items != NULL)
    g_signal_handlers_disconnect_by_func (priv->items, on_items_changed_cb, self);

  /* The stack is the template's one direct child: the rest goes with it.
   * (GTK 4.8's gtk_widget_dispose_template() aborts on this template,
   * whose subclasses have templates of their own.) */
  if (priv->stack != NULL)
    gtk_widget_unparent (GTK_WIDGET (priv->stack));
  priv->stack = NULL;
  priv->editor = NULL;
  priv->header = NULL;

  g_clear_object (&priv->items);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (tp_list_section_parent_class)->dispose (object);
}

static GObject *
word_child (TpListSection *self,
            guint          prop_id)
{
  return gtk_widget_get_template_child (GTK_WIDGET (self), TP_TYPE_LIST_SECTION,
                                        words[prop_id - PROP_WORDS].child);
}

static void
tp_list_section_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TpListSection *self = TP_LIST_SECTION (object);
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;

    case PROP_EDITING:
      g_value_set_boolean (value, tp_list_section_get_editing (self));
      break;

    case PROP_EDITOR:
      g_value_set_object (value, priv->editor);
      break;

    case PROP_HEADER:
      g_value_set_object (value, priv->header);
      break;

    default:
      if (prop_id >= PROP_WORDS && prop_id < N_PROPS)
        g_object_get_property (word_child (self, prop_id), words[prop_id - PROP_WORDS].child_property,
                               value);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_list_section_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TpListSection *self = TP_LIST_SECTION (object);
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_list_section_set_store (self, g_value_get_object (value));
      break;

    case PROP_EDITOR:
      set_editor (self, g_value_get_object (value));
      break;

    case PROP_HEADER:
      set_header (self, g_value_get_object (value));
      break;

    default:
      if (prop_id >= PROP_WORDS && prop_id < N_PROPS)
        {
          GObject *child = word_child (self, prop_id);

          g_object_set_property (child, words[prop_id - PROP_WORDS].child_property, value);
          if (child == G_OBJECT (priv->back_button))
            gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                            -1);
        }
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_list_section_class_init (TpListSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tp_list_section_constructed;
  object_class->dispose = tp_list_section_dispose;
  object_class->get_property = tp_list_section_get_property;
  object_class->set_property = tp_list_section_set_property;

  /**
   * TpListSection:store:
   *
   * The store whose items show.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpListSection:editing:
   *
   * Whether the section is folded into one column and shows the editor.
   */
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * TpListSection:editor:
   *
   * The editor of the selected item, beside the list; it has a "store"
   * property the section sets.
   */
  properties[PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpListSection:header:
   *
   * A widget over the list and the editor, or %NULL.
   */
  properties[PROP_HEADER] =
    g_param_spec_object ("header", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* TpListSection:empty-icon-name and the other words (see words[]) */
  for (guint i = 0; i < N_WORDS; i++)
    properties[PROP_WORDS + i] =
      g_param_spec_string (words[i].name, NULL, NULL,
                           NULL,
                           (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-list-section.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child_private (widget_class, TpListSection, stack);
  gtk_widget_class_bind_template_child_private (widget_class, TpListSection, empty_page);
  gtk_widget_class_bind_template_child_private (widget_class, TpListSection, empty_button);
  gtk_widget_class_bind_template_child_private (widget_class, TpListSection, list_page);
  gtk_widget_class_bind_template_child_private (widget_class, TpListSection, leaflet);
  gtk_widget_class_bind_template_child_private (widget_class, TpListSection, list_pane);
  gtk_widget_class_bind_template_child_private (widget_class, TpListSection, back_button);
  gtk_widget_class_bind_template_child_private (widget_class, TpListSection, editor_title);
  gtk_widget_class_bind_template_child_private (widget_class, TpListSection, editor_box);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_selected_id_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_list_section_init (TpListSection *self)
{
  TpListSectionPrivate *priv = tp_list_section_get_instance_private (self);

  g_type_ensure (TP_TYPE_LIST_PANE);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (priv->leaflet, "notify::folded",
                           G_CALLBACK (on_leaflet_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->leaflet, "notify::visible-child",
                           G_CALLBACK (on_leaflet_changed_cb), self, G_CONNECT_SWAPPED);
}
