/* tp-audiences-section.c
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

#define G_LOG_DOMAIN "tp-audiences-section"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tp-audiences-section.h"
#include "tp-marketing-util.h"

/*
 * TpAudiencesSection lists the audiences beside the editor of the
 * selected one (see TpListSection); narrow, the two fold into one column.
 * Without any audience it explains what they are for and offers to add
 * the first.
 *
 * Actions: audiences.add, audience.delete, audience.move-up and
 * audience.move-down, audiences.show-list and audiences.show-editor
 * (TpListSection's).
 */

struct _TpAudiencesSection
{
  TpListSection     parent_instance;

  TpAudienceEditor *editor;
};

G_DEFINE_FINAL_TYPE (TpAudiencesSection, tp_audiences_section, TP_TYPE_LIST_SECTION)

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
  TpAudience *audience = item;
  GtkWidget *row, *box, *labels, *name, *who, *primary;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), labels);

  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  g_object_bind_property (audience, "name", name, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (labels), name);

  who = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (who), 0);
  gtk_label_set_ellipsize (GTK_LABEL (who), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (who, "dim-label");
  gtk_widget_add_css_class (who, "caption");
  g_object_bind_property_full (audience, "who", who, "label", G_BINDING_SYNC_CREATE,
                               first_line, NULL, NULL, NULL);
  g_object_bind_property_full (audience, "who", who, "visible", G_BINDING_SYNC_CREATE,
                               not_blank, NULL, NULL, NULL);
  gtk_box_append (GTK_BOX (labels), who);

  primary = gtk_label_new (_("Primary"));
  gtk_widget_set_valign (primary, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (primary, "tp-tag");
  g_object_bind_property (audience, "is-primary", primary, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), primary);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, who, NULL,
                                  -1);

  return GTK_LIST_BOX_ROW (row);
}

static gpointer
new_item (TpListSection *section,
          gint64         position)
{
  TpAudience *audience = tp_audience_new ();

  tp_audience_set_name (audience, _("New Audience"));
  tp_audience_set_position (audience, position);
  /* The first audience is the one served first until another is chosen. */
  tp_audience_set_is_primary (audience,
                              g_list_model_get_n_items (tp_list_section_get_items (section)) == 0);

  return audience;
}

static gboolean
add (TpStore  *store,
     gpointer  item,
     GError  **error)
{
  return tp_store_add_audience (store, item, error);
}

static void
set_item (TpListSection *section,
          gpointer       item)
{
  tp_audience_editor_set_audience (TP_AUDIENCES_SECTION (section)->editor, item);
}

static void
flush (TpListSection *section)
{
  tp_audience_editor_flush (TP_AUDIENCES_SECTION (section)->editor);
}

static void
edit_name (TpListSection *section)
{
  tp_audience_editor_edit_name (TP_AUDIENCES_SECTION (section)->editor);
}

/**
 * tp_audiences_section_get_editor:
 * @self: a #TpAudiencesSection
 *
 * Returns: (transfer none): the editor of the selected audience
 */
TpAudienceEditor *
tp_audiences_section_get_editor (TpAudiencesSection *self)
{
  g_return_val_if_fail (TP_IS_AUDIENCES_SECTION (self), NULL);

  return self->editor;
}

static void
tp_audiences_section_class_init (TpAudiencesSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TpListSectionClass *section_class = TP_LIST_SECTION_CLASS (klass);

  section_class->list = tp_store_list_audiences;
  section_class->create_row = create_row;
  section_class->new_item = new_item;
  section_class->add = add;
  section_class->delete = tp_store_delete_audience;
  section_class->set_item = set_item;
  section_class->flush = flush;
  section_class->edit_name = edit_name;
  tp_list_section_class_set_actions (section_class, "audiences", "audience");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-audiences-section.ui");
  gtk_widget_class_bind_template_child (widget_class, TpAudiencesSection, editor);
}

static void
tp_audiences_section_init (TpAudiencesSection *self)
{
  g_type_ensure (TP_TYPE_AUDIENCE_EDITOR);

  gtk_widget_init_template (GTK_WIDGET (self));
}
