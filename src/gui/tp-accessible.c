/* tp-accessible.c
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

#define G_LOG_DOMAIN "tp-accessible"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tp-accessible-private.h"

/*
 * Names that GTK 4.8 and libadwaita 1.2 give badly to a screen reader,
 * set right by the app as each widget is mapped:
 *
 * - A button with a mnemonic ("_Log Touch") carries its raw label as its
 *   accessible label, and GTK joins that to the name of its label child:
 *   "_Log Touch Log Touch". Dropping the accessible label leaves the
 *   child's "Log Touch".
 * - The button inside a GtkDropDown has no name ("GtkToggleButton"): it is
 *   named by its drop-down.
 * - The close button of a toast has none either ("GtkImage").
 *
 * Later GTK versions name these widgets well by themselves; the changes
 * only remove a wrong name or add a missing one, so they do no harm there.
 *
 * And two that GTK 4.18 and libadwaita 1.7 give badly:
 *
 * - A GtkDropDown is labelled by its selected item, which hides the name
 *   the app gave it: a screen reader says "All Stages" where it should say
 *   "Stage Filter". Dropping that relation leaves the app's label; the
 *   selected item is still read from the drop-down's button.
 * - A view stack page (a tab or section) carries its title with the
 *   mnemonic underscore ("_Audiences"): the page gets the title without it
 *   from _tp_accessible_name_view_stack_pages() (the app's titles do not
 *   change afterwards).
 */

static void
drop_mnemonic_label (GtkWidget *button)
{
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* "_Plan Overview" as a person reads it: "Plan Overview"; "__" is one "_". */
static char *
strip_mnemonic (const char *text)
{
  GString *stripped = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_' && *++p == '\0')
        break;
      g_string_append_c (stripped, *p);
    }

  return g_string_free (stripped, FALSE);
}

static void
name_view_stack_page (AdwViewStackPage *page)
{
  const char *title = adw_view_stack_page_get_title (page);
  g_autofree char *name = NULL;

  /* libadwaita 1.2's pages are not accessible objects. */
  if (!GTK_IS_ACCESSIBLE (page) || title == NULL || !adw_view_stack_page_get_use_underline (page))
    return;

  name = strip_mnemonic (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (page),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/**
 * _tp_accessible_name_view_stack_pages:
 * @stack: a view stack whose pages have their titles
 *
 * Names each page of @stack by its title without the mnemonic underscore
 * (see above). Call in the init of the widget that holds @stack, after
 * gtk_widget_init_template(): before a screen reader has read a name.
 */
void
_tp_accessible_name_view_stack_pages (AdwViewStack *stack)
{
  g_autoptr (GtkSelectionModel) pages = NULL;
  guint n_pages;

  g_return_if_fail (ADW_IS_VIEW_STACK (stack));

  pages = adw_view_stack_get_pages (stack);
  n_pages = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr (AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      name_view_stack_page (page);
    }
}

static void
fix_widget (GtkWidget *widget)
{
  GtkWidget *parent;

  if (GTK_IS_DROP_DOWN (widget))
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      return;
    }

  if (!GTK_IS_BUTTON (widget))
    return;

  parent = gtk_widget_get_parent (widget);

  if (gtk_button_get_use_underline (GTK_BUTTON (widget)))
    {
      drop_mnemonic_label (widget);

      /* GTK sets it again with each new label ("_Log", "_Plan"). */
      if (g_object_get_data (G_OBJECT (widget), "tp-accessible-watched") == NULL)
        {
          g_object_set_data (G_OBJECT (widget), "tp-accessible-watched", GINT_TO_POINTER (TRUE));
          g_signal_connect_after (widget, "notify::label", G_CALLBACK (drop_mnemonic_label), NULL);
        }
    }
  else if (GTK_IS_DROP_DOWN (parent))
    {
      gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, parent, NULL,
                                      -1);
    }
  else if (parent != NULL &&
           g_strcmp0 (G_OBJECT_TYPE_NAME (parent), "AdwToastWidget") == 0 &&
           g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      /* Translators: the button that closes a message at the bottom of the window */
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close Message"),
                                      -1);
    }
}

static void
fix_tree (GtkWidget *widget)
{
  fix_widget (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fix_tree (child);
}

/* Each widget as it is shown; and when a window is shown, every widget in
 * it, also those on hidden pages, which are in the accessibility tree too. */
static gboolean
on_widget_map_cb (GSignalInvocationHint *hint,
                  guint                  n_params,
                  const GValue          *params,
                  gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (GTK_IS_ROOT (widget))
    fix_tree (widget);
  else
    fix_widget (widget);

  return TRUE;
}

/**
 * _tp_accessible_init:
 *
 * Sets the names above on every widget of the process from now on. Call
 * once, after gtk_init().
 */
void
_tp_accessible_init (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* A signal is only known once its class exists. */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_widget_map_cb, NULL, NULL);

      g_once_init_leave (&installed, 1);
    }
}
