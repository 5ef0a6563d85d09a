/* tp-competitors-section.c
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

#define G_LOG_DOMAIN "tp-competitors-section"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tp-competitors-section.h"
#include "tp-marketing-util.h"
#include "tp-read-only-private.h"
#include "tp-stable-list.h"
#include "tp-toast-private.h"

/*
 * TpCompetitorsSection lists the competitors beside the editor of the
 * selected one; narrow, the two fold into one column. Without any
 * competitor it explains what they are for and offers to add the first.
 *
 * Actions: competitors.add (Ctrl+N through the page), competitor.delete
 * (Delete in the list), competitor.move-up and competitor.move-down
 * (Alt+Up, Alt+Down in the list), competitors.show-list and competitors.show-editor
 * (which side shows, when folded).
 */

struct _TpCompetitorsSection
{
  GtkWidget           parent_instance;

  GtkStack           *stack;
  AdwLeaflet         *leaflet;
  TpListPane         *list_pane;
  GtkLabel           *editor_title;
  TpCompetitorEditor *editor;

  TpStore            *store;
  GListModel         *competitors;
  TpCompetitor       *titled;
  GBinding           *title_binding;
};

G_DEFINE_FINAL_TYPE (TpCompetitorsSection, tp_competitors_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
first_line (GBinding     *binding,
            const GValue *from,
            GValue       *to,
            gpointer      user_data)
{
  const char *text = g_value_get_string (from);
  const char *end;

  if (text == NULL)
    text = "";

  end = strchr (text, '\n');
  g_value_take_string (to, end != NULL ? g_strndup (text, end - text) : g_strdup (text));

  return TRUE;
}

static gboolean
not_blank (GBinding     *binding,
           const GValue *from,
           GValue       *to,
           gpointer      user_data)
{
  g_value_set_boolean (to, !_tp_marketing_is_blank (g_value_get_string (from)));

  return TRUE;
}

static GtkListBoxRow *
create_row (gpointer item,
            gpointer user_data)
{
  TpCompetitor *competitor = item;
  GtkWidget *row, *labels, *name, *positioning;

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  g_object_bind_property (competitor, "name", name, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (labels), name);

  positioning = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (positioning), 0);
  gtk_label_set_ellipsize (GTK_LABEL (positioning), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (positioning, "dim-label");
  gtk_widget_add_css_class (positioning, "caption");
  g_object_bind_property_full (competitor, "positioning", positioning, "label",
                               G_BINDING_SYNC_CREATE, first_line, NULL, NULL, NULL);
  g_object_bind_property_full (competitor, "positioning", positioning, "visible",
                               G_BINDING_SYNC_CREATE, not_blank, NULL, NULL, NULL);
  gtk_box_append (GTK_BOX (labels), positioning);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), labels);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, positioning, NULL,
                                  -1);

  return GTK_LIST_BOX_ROW (row);
}

static void
update_page (TpCompetitorsSection *self)
{
  gboolean empty = self->competitors == NULL || g_list_model_get_n_items (self->competitors) == 0;
  /* A role that may only read adds, deletes and moves nothing */
  gboolean can_write = _tp_store_can_write (self->store);
  gboolean has_selection = can_write && tp_list_pane_get_selected_id (self->list_pane) != 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "competitors.add", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "competitor.delete", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "competitor.move-up", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "competitor.move-down", has_selection);
}

static void
on_competitors_changed_cb (TpCompetitorsSection *self)
{
  update_page (self);
}

static void
on_list_pane_selected_id_cb (TpCompetitorsSection *self)
{
  g_autoptr(TpCompetitor) competitor = tp_list_pane_dup_selected (self->list_pane);

  g_clear_pointer (&self->title_binding, g_binding_unbind);
  g_clear_object (&self->titled);

  tp_competitor_editor_set_competitor (self->editor, competitor);

  if (competitor != NULL)
    {
      self->titled = g_object_ref (competitor);
      self->title_binding = g_object_bind_property (competitor, "name",
                                                    self->editor_title, "label",
                                                    G_BINDING_SYNC_CREATE);
    }
  else
    gtk_label_set_label (self->editor_title, "");

  update_page (self);
}

static void
on_list_pane_activated_cb (TpCompetitorsSection *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

static void
competitor_undone_cb (GtkWidget *widget,
                      gint64     id)
{
  TpCompetitorsSection *self = TP_COMPETITORS_SECTION (widget);

  tp_list_pane_select_id (self->list_pane, id);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TpCompetitorsSection *self = TP_COMPETITORS_SECTION (widget);
  g_autoptr(TpCompetitor) competitor = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  tp_competitor_editor_flush (self->editor);

  competitor = tp_competitor_new ();
  tp_competitor_set_name (competitor, _("New Competitor"));
  tp_competitor_set_position (competitor, _tp_marketing_next_position (self->competitors));

  if (!tp_store_add_competitor (self->store, competitor, &error))
    {
      _tp_marketing_show_error (widget, error);
      return;
    }

  tp_list_pane_select_id (self->list_pane, tp_record_get_id (TP_RECORD (competitor)));
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
  tp_competitor_editor_edit_name (self->editor);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpCompetitorsSection *self = TP_COMPETITORS_SECTION (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpUndo) undo = NULL;
  gint64 id = tp_list_pane_get_selected_id (self->list_pane);
  gboolean had_focus = tp_list_pane_has_focus (self->list_pane);

  if (self->store == NULL || id == 0)
    return;

  tp_competitor_editor_flush (self->editor);

  undo = tp_store_delete_competitor (self->store, id, &error);
  if (undo == NULL)
    {
      _tp_marketing_show_error (widget, error);
      return;
    }

  _tp_toast_show_undo_delete (widget, self->store, undo, competitor_undone_cb);

  if (had_focus)
    tp_list_pane_focus_selected (self->list_pane);
  else if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TpCompetitorsSection *self = TP_COMPETITORS_SECTION (widget);

  tp_competitor_editor_flush (self->editor);
  tp_list_pane_move_selected (self->list_pane,
                              g_str_equal (action_name, "competitor.move-up") ? -1 : 1);
}

static void
show_editor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TpCompetitorsSection *self = TP_COMPETITORS_SECTION (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpCompetitorsSection *self = TP_COMPETITORS_SECTION (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  tp_list_pane_focus_selected (self->list_pane);
}

TpStore *
tp_competitors_section_get_store (TpCompetitorsSection *self)
{
  g_return_val_if_fail (TP_IS_COMPETITORS_SECTION (self), NULL);

  return self->store;
}

void
tp_competitors_section_set_store (TpCompetitorsSection *self,
                                  TpStore              *store)
{
  g_return_if_fail (TP_IS_COMPETITORS_SECTION (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  tp_competitor_editor_set_competitor (self->editor, NULL);
  if (self->competitors != NULL)
    g_signal_handlers_disconnect_by_func (self->competitors, on_competitors_changed_cb, self);
  g_clear_object (&self->competitors);

  g_set_object (&self->store, store);

  tp_competitor_editor_set_store (self->editor, store);
  tp_list_pane_set_store (self->list_pane, store);

  if (store != NULL)
    {
      self->competitors = G_LIST_MODEL (tp_stable_list_new (tp_store_list_competitors (store)));
      g_signal_connect_object (self->competitors, "items-changed",
                               G_CALLBACK (on_competitors_changed_cb), self, G_CONNECT_SWAPPED);
    }

  tp_list_pane_set_model (self->list_pane, self->competitors, create_row, self);
  update_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tp_competitors_section_get_editing:
 * @self: a #TpCompetitorsSection
 *
 * Returns: whether the section is folded into one column and shows the
 *   editor, with a back button of its own
 */
gboolean
tp_competitors_section_get_editing (TpCompetitorsSection *self)
{
  g_return_val_if_fail (TP_IS_COMPETITORS_SECTION (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet) &&
         g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "editor") == 0;
}

static void
on_leaflet_changed_cb (TpCompetitorsSection *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

/**
 * tp_competitors_section_get_list:
 * @self: a #TpCompetitorsSection
 *
 * Returns: (transfer none): the list of competitors
 */
TpListPane *
tp_competitors_section_get_list (TpCompetitorsSection *self)
{
  g_return_val_if_fail (TP_IS_COMPETITORS_SECTION (self), NULL);

  return self->list_pane;
}

/**
 * tp_competitors_section_get_editor:
 * @self: a #TpCompetitorsSection
 *
 * Returns: (transfer none): the editor of the selected competitor
 */
TpCompetitorEditor *
tp_competitors_section_get_editor (TpCompetitorsSection *self)
{
  g_return_val_if_fail (TP_IS_COMPETITORS_SECTION (self), NULL);

  return self->editor;
}

static void
tp_competitors_section_dispose (GObject *object)
{
  TpCompetitorsSection *self = TP_COMPETITORS_SECTION (object);

  g_clear_pointer (&self->title_binding, g_binding_unbind);
  g_clear_object (&self->titled);
  if (self->competitors != NULL)
    g_signal_handlers_disconnect_by_func (self->competitors, on_competitors_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_COMPETITORS_SECTION);

  g_clear_object (&self->competitors);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_competitors_section_parent_class)->dispose (object);
}

static void
tp_competitors_section_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TpCompetitorsSection *self = TP_COMPETITORS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_EDITING:
      g_value_set_boolean (value, tp_competitors_section_get_editing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_competitors_section_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TpCompetitorsSection *self = TP_COMPETITORS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_competitors_section_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_competitors_section_class_init (TpCompetitorsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_competitors_section_dispose;
  object_class->get_property = tp_competitors_section_get_property;
  object_class->set_property = tp_competitors_section_set_property;

  /**
   * TpCompetitorsSection:store:
   *
   * The store whose competitors show.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpCompetitorsSection:editing:
   *
   * Whether the section is folded into one column and shows the editor.
   */
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-competitors-section.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorsSection, stack);
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorsSection, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorsSection, list_pane);
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorsSection, editor_title);
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorsSection, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_selected_id_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_activated_cb);

  gtk_widget_class_install_action (widget_class, "competitors.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "competitors.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "competitors.show-editor", NULL, show_editor_action);
  gtk_widget_class_install_action (widget_class, "competitor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "competitor.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "competitor.move-down", NULL, move_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_competitors_section_init (TpCompetitorsSection *self)
{
  g_type_ensure (TP_TYPE_LIST_PANE);
  g_type_ensure (TP_TYPE_COMPETITOR_EDITOR);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (on_leaflet_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (on_leaflet_changed_cb), self, G_CONNECT_SWAPPED);

  update_page (self);
}
