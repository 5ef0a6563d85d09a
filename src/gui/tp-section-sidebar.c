/* tp-section-sidebar.c
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

#define G_LOG_DOMAIN "tp-section-sidebar"

#include "config.h"

#include "tp-section-sidebar.h"

/*
 * TpSectionSidebar lists the pages of an AdwViewStack as a navigation
 * sidebar: an icon, the title and a badge with the page's badge number
 * (the Follow-ups count). Activating a row shows its page; when the
 * sidebar sits in a folded AdwLeaflet, it also moves the leaflet to the
 * leaflet's "content" page. :title is the visible section's title, for the
 * narrow layout's back bar.
 *
 * The sidebar is one stop in the Tab chain: Tab enters it on the selected
 * row and leaves it at once; Up and Down (Home, End) move between the rows,
 * and so between the sections. A GtkListBox alone would Tab from row to
 * row, switching the section each time, and never let focus go on to the
 * section's content.
 */

struct _TpSectionSidebar
{
  GtkWidget     parent_instance;

  GtkWidget    *list_box;
  AdwViewStack *stack;
  AdwLeaflet   *leaflet;
  gulong        visible_child_handler;
};

G_DEFINE_FINAL_TYPE (TpSectionSidebar, tp_section_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LEAFLET,
  PROP_STACK,
  PROP_TITLE,
  N_PROPS
};

enum {
  SECTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AdwViewStackPage *page = item;
  GtkWidget *row, *box, *image, *label, *badge;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  image = gtk_image_new ();
  g_object_bind_property (page, "icon-name", image, "icon-name", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), image);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_use_underline (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  g_object_bind_property (page, "title", label, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), label);

  badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (badge, "tp-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  g_object_bind_property (page, "badge-number", badge, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "badge-number", badge, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), badge);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "tp-page-name",
                          g_strdup (adw_view_stack_page_get_name (page)), g_free);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);

  return row;
}

/**
 * tp_section_sidebar_get_title:
 * @self: a #TpSectionSidebar
 *
 * Returns: (nullable): the title of the visible section
 */
const char *
tp_section_sidebar_get_title (TpSectionSidebar *self)
{
  GtkWidget *child;

  g_return_val_if_fail (TP_IS_SECTION_SIDEBAR (self), NULL);

  if (self->stack == NULL)
    return NULL;

  child = adw_view_stack_get_visible_child (self->stack);
  if (child == NULL)
    return NULL;

  return adw_view_stack_page_get_title (adw_view_stack_get_page (self->stack, child));
}

/**
 * tp_section_sidebar_show_sections:
 * @self: a #TpSectionSidebar
 *
 * In a folded leaflet, goes back from a section to the list of sections.
 */
void
tp_section_sidebar_show_sections (TpSectionSidebar *self)
{
  g_return_if_fail (TP_IS_SECTION_SIDEBAR (self));

  if (self->leaflet != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
select_visible_child (TpSectionSidebar *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  for (GtkWidget *child = gtk_widget_get_first_child (self->list_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), "tp-page-name"), name) == 0)
        {
          gtk_list_box_select_row (GTK_LIST_BOX (self->list_box), GTK_LIST_BOX_ROW (child));
          return;
        }
    }
}

static void
on_list_box_row_selected_cb (TpSectionSidebar *self,
                             GtkListBoxRow    *row)
{
  const char *name;

  if (row == NULL || self->stack == NULL)
    return;

  name = g_object_get_data (G_OBJECT (row), "tp-page-name");
  if (name != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

static void
on_list_box_row_activated_cb (TpSectionSidebar *self,
                              GtkListBoxRow    *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), "tp-page-name");

  if (self->stack != NULL && name != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);

  if (self->leaflet != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");

  g_signal_emit (self, signals[SECTION_ACTIVATED], 0);
}

static gboolean
tp_section_sidebar_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  TpSectionSidebar *self = TP_SECTION_SIDEBAR (widget);
  GtkListBoxRow *row;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return gtk_widget_child_focus (self->list_box, direction);

  /* Tab and Shift+Tab leave the sidebar from whichever row has focus. */
  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;

  /* They enter it on the selected row, the section shown. */
  row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list_box));
  if (row != NULL && gtk_widget_get_visible (GTK_WIDGET (row)))
    return gtk_widget_grab_focus (GTK_WIDGET (row));

  return gtk_widget_child_focus (self->list_box, direction);
}

AdwViewStack *
tp_section_sidebar_get_stack (TpSectionSidebar *self)
{
  g_return_val_if_fail (TP_IS_SECTION_SIDEBAR (self), NULL);

  return self->stack;
}

AdwLeaflet *
tp_section_sidebar_get_leaflet (TpSectionSidebar *self)
{
  g_return_val_if_fail (TP_IS_SECTION_SIDEBAR (self), NULL);

  return self->leaflet;
}

void
tp_section_sidebar_set_leaflet (TpSectionSidebar *self,
                                AdwLeaflet       *leaflet)
{
  g_return_if_fail (TP_IS_SECTION_SIDEBAR (self));
  g_return_if_fail (leaflet == NULL || ADW_IS_LEAFLET (leaflet));

  /* The leaflet contains the sidebar: a weak pointer, not a reference. */
  if (g_set_weak_pointer (&self->leaflet, leaflet))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAFLET]);
}

void
tp_section_sidebar_set_stack (TpSectionSidebar *self,
                              AdwViewStack     *stack)
{
  g_return_if_fail (TP_IS_SECTION_SIDEBAR (self));
  g_return_if_fail (stack == NULL || ADW_IS_VIEW_STACK (stack));

  if (self->stack == stack)
    return;

  if (self->stack != NULL)
    g_clear_signal_handler (&self->visible_child_handler, self->stack);

  g_set_object (&self->stack, stack);

  if (stack != NULL)
    {
      g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

      gtk_list_box_bind_model (GTK_LIST_BOX (self->list_box), G_LIST_MODEL (pages), create_row, self, NULL);
      self->visible_child_handler =
        g_signal_connect_object (stack, "notify::visible-child",
                                 G_CALLBACK (select_visible_child), self,
                                 G_CONNECT_SWAPPED);
      select_visible_child (self);
    }
  else
    {
      gtk_list_box_bind_model (GTK_LIST_BOX (self->list_box), NULL, NULL, NULL, NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}

static void
tp_section_sidebar_dispose (GObject *object)
{
  TpSectionSidebar *self = (TpSectionSidebar *)object;

  if (self->stack != NULL)
    g_clear_signal_handler (&self->visible_child_handler, self->stack);
  g_clear_object (&self->stack);
  g_clear_weak_pointer (&self->leaflet);
  g_clear_pointer (&self->list_box, gtk_widget_unparent);

  G_OBJECT_CLASS (tp_section_sidebar_parent_class)->dispose (object);
}

static void
tp_section_sidebar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TpSectionSidebar *self = TP_SECTION_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_LEAFLET:
      g_value_set_object (value, self->leaflet);
      break;

    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;

    case PROP_TITLE:
      g_value_set_string (value, tp_section_sidebar_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_section_sidebar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TpSectionSidebar *self = TP_SECTION_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_LEAFLET:
      tp_section_sidebar_set_leaflet (self, g_value_get_object (value));
      break;

    case PROP_STACK:
      tp_section_sidebar_set_stack (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_section_sidebar_class_init (TpSectionSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_section_sidebar_dispose;
  object_class->get_property = tp_section_sidebar_get_property;
  object_class->set_property = tp_section_sidebar_set_property;

  properties[PROP_LEAFLET] =
    g_param_spec_object ("leaflet", NULL, NULL,
                         ADW_TYPE_LEAFLET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL,
                         ADW_TYPE_VIEW_STACK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpSectionSidebar::section-activated:
   *
   * The user chose a section (also when it was already the visible one).
   */
  signals[SECTION_ACTIVATED] =
    g_signal_new ("section-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  widget_class->focus = tp_section_sidebar_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tpsectionsidebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tp_section_sidebar_init (TpSectionSidebar *self)
{
  self->list_box = gtk_list_box_new ();
  gtk_widget_add_css_class (self->list_box, "navigation-sidebar");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list_box), GTK_SELECTION_BROWSE);
  g_signal_connect_object (self->list_box, "row-activated",
                           G_CALLBACK (on_list_box_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_box, "row-selected",
                           G_CALLBACK (on_list_box_row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->list_box, GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self, NULL,
                                  -1);
}
