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

/*
 * TpCompetitorsSection lists the competitors beside the editor of the
 * selected one (see TpListSection); narrow, the two fold into one column.
 * Without any competitor it explains what they are for and offers to add
 * the first.
 *
 * Actions: competitors.add, competitor.delete, competitor.move-up and
 * competitor.move-down, competitors.show-list and competitors.show-editor
 * (TpListSection's).
 */

struct _TpCompetitorsSection
{
  TpListSection       parent_instance;

  TpCompetitorEditor *editor;
};

G_DEFINE_FINAL_TYPE (TpCompetitorsSection, tp_competitors_section, TP_TYPE_LIST_SECTION)

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
create_row (TpListSection *section,
            gpointer       item)
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

static gpointer
new_item (TpListSection *section,
          gint64         position)
{
  TpCompetitor *competitor = tp_competitor_new ();

  tp_competitor_set_name (competitor, _("New Competitor"));
  tp_competitor_set_position (competitor, position);

  return competitor;
}

static gboolean
add (TpStore  *store,
     gpointer  item,
     GError  **error)
{
  return tp_store_add_competitor (store, item, error);
}

static void
set_item (TpListSection *section,
          gpointer       item)
{
  tp_competitor_editor_set_competitor (TP_COMPETITORS_SECTION (section)->editor, item);
}

static void
flush (TpListSection *section)
{
  tp_competitor_editor_flush (TP_COMPETITORS_SECTION (section)->editor);
}

static void
edit_name (TpListSection *section)
{
  tp_competitor_editor_edit_name (TP_COMPETITORS_SECTION (section)->editor);
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
tp_competitors_section_class_init (TpCompetitorsSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TpListSectionClass *section_class = TP_LIST_SECTION_CLASS (klass);

  section_class->list = tp_store_list_competitors;
  section_class->create_row = create_row;
  section_class->new_item = new_item;
  section_class->add = add;
  section_class->delete = tp_store_delete_competitor;
  section_class->set_item = set_item;
  section_class->flush = flush;
  section_class->edit_name = edit_name;
  tp_list_section_class_set_actions (section_class, "competitors", "competitor");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-competitors-section.ui");
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorsSection, editor);
}

static void
tp_competitors_section_init (TpCompetitorsSection *self)
{
  g_type_ensure (TP_TYPE_COMPETITOR_EDITOR);

  gtk_widget_init_template (GTK_WIDGET (self));
}
