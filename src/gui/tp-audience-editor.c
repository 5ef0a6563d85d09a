/* tp-audience-editor.c
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

#define G_LOG_DOMAIN "tp-audience-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-audience-editor.h"
#include "tp-form.h"
#include "tp-marketing-util.h"
#include "tp-place-row.h"
#include "tp-read-only-private.h"
#include "tp-stable-list.h"
#include "tp-text-area.h"

/*
 * TpAudienceEditor edits one audience: the persona (name, who they are,
 * what they look like, what they need, what to say to them), whether it is
 * the primary audience, and the places where these people spend their
 * time. Everything saves as it is typed.
 */

struct _TpAudienceEditor
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  AdwEntryRow       *name_row;
  GtkSwitch         *primary_switch;
  GtkLabel          *error_label;
  TpTextArea        *who_area;
  TpTextArea        *looks_like_area;
  TpTextArea        *needs_area;
  TpTextArea        *message_area;
  GtkListBox        *places_list;

  TpStore           *store;
  TpAudience        *audience;
  TpForm            *form;
  TpStableList      *places;
};

G_DEFINE_FINAL_TYPE (TpAudienceEditor, tp_audience_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_AUDIENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_place_row (gpointer item,
                  gpointer user_data)
{
  TpAudienceEditor *self = user_data;

  return g_object_new (TP_TYPE_PLACE_ROW,
                       "store", self->store,
                       "place", item,
                       "list", self->places,
                       NULL);
}

static void
update_neighbours (TpAudienceEditor *self)
{
  GtkWidget *child;
  guint n = self->places != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->places)) : 0;
  guint i = 0;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->places_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!TP_IS_PLACE_ROW (child))
        continue;

      tp_place_row_set_neighbours (TP_PLACE_ROW (child), i > 0, i + 1 < n);
      i++;
    }
}

static void
on_places_changed_cb (TpAudienceEditor *self)
{
  update_neighbours (self);
}

static void
flush_places (TpAudienceEditor *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->places_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (TP_IS_PLACE_ROW (child))
        tp_place_row_flush (TP_PLACE_ROW (child));
    }
}

static void
load_places (TpAudienceEditor *self)
{
  flush_places (self);

  if (self->places != NULL)
    g_signal_handlers_disconnect_by_func (self->places, on_places_changed_cb, self);
  g_clear_object (&self->places);

  if (self->store != NULL && self->audience != NULL)
    {
      gint64 id = tp_record_get_id (TP_RECORD (self->audience));

      self->places = tp_stable_list_new (tp_store_list_places (self->store, id));
    }

  if (self->places != NULL)
    {
      gtk_list_box_bind_model (self->places_list, G_LIST_MODEL (self->places),
                               create_place_row, self, NULL);
      g_signal_connect_object (self->places, "items-changed",
                               G_CALLBACK (on_places_changed_cb), self, G_CONNECT_SWAPPED);
    }
  else
    {
      gtk_list_box_bind_model (self->places_list, NULL, NULL, NULL, NULL);
    }

  update_neighbours (self);
}

static GtkWidget *
find_place_row (TpAudienceEditor *self,
                gint64            id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->places_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (TP_IS_PLACE_ROW (child) &&
          tp_record_get_id (TP_RECORD (tp_place_row_get_place (TP_PLACE_ROW (child)))) == id)
        return child;
    }

  return NULL;
}

static void
add_place_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpAudienceEditor *self = TP_AUDIENCE_EDITOR (widget);
  g_autoptr(TpPlace) place = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  if (self->store == NULL || self->audience == NULL)
    return;

  tp_audience_editor_flush (self);

  place = tp_place_new ();
  tp_place_set_audience_id (place, tp_record_get_id (TP_RECORD (self->audience)));
  tp_place_set_name (place, _("New Place"));
  tp_place_set_kind (place, TP_PLACE_KIND_ONLINE_GROUP);
  tp_place_set_position (place, _tp_marketing_next_position (G_LIST_MODEL (self->places)));

  if (!tp_store_add_place (self->store, place, &error))
    {
      _tp_marketing_show_error (widget, error);
      return;
    }

  row = find_place_row (self, tp_record_get_id (TP_RECORD (place)));
  if (row != NULL)
    tp_place_row_edit_name (TP_PLACE_ROW (row));
}

TpStore *
tp_audience_editor_get_store (TpAudienceEditor *self)
{
  g_return_val_if_fail (TP_IS_AUDIENCE_EDITOR (self), NULL);

  return self->store;
}

void
tp_audience_editor_set_store (TpAudienceEditor *self,
                              TpStore          *store)
{
  g_return_if_fail (TP_IS_AUDIENCE_EDITOR (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  tp_audience_editor_set_audience (self, NULL);
  g_set_object (&self->store, store);
  tp_form_set_store (self->form, store);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tp_audience_editor_get_audience:
 * @self: a #TpAudienceEditor
 *
 * Returns: (transfer none) (nullable): the audience being edited
 */
TpAudience *
tp_audience_editor_get_audience (TpAudienceEditor *self)
{
  g_return_val_if_fail (TP_IS_AUDIENCE_EDITOR (self), NULL);

  return self->audience;
}

/**
 * tp_audience_editor_set_audience:
 * @self: a #TpAudienceEditor
 * @audience: (nullable): a stored audience
 *
 * Saves what is pending for the audience shown, then shows @audience.
 */
void
tp_audience_editor_set_audience (TpAudienceEditor *self,
                                 TpAudience       *audience)
{
  g_return_if_fail (TP_IS_AUDIENCE_EDITOR (self));
  g_return_if_fail (audience == NULL || TP_IS_AUDIENCE (audience));

  if (self->audience == audience)
    return;

  flush_places (self);
  tp_form_set_object (self->form, G_OBJECT (audience));
  g_set_object (&self->audience, audience);
  load_places (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  /* A role that may only read adds no place */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audience.add-place",
                                 audience != NULL && _tp_store_can_write (self->store));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIENCE]);
}

/**
 * tp_audience_editor_edit_name:
 * @self: a #TpAudienceEditor
 *
 * Puts the cursor in the name, all of it selected so that typing
 * replaces it.
 */
void
tp_audience_editor_edit_name (TpAudienceEditor *self)
{
  g_return_if_fail (TP_IS_AUDIENCE_EDITOR (self));

  _tp_marketing_edit_when_shown (GTK_WIDGET (self->name_row));
}

/**
 * tp_audience_editor_flush:
 * @self: a #TpAudienceEditor
 *
 * Saves now what is being typed.
 *
 * Returns: %FALSE when something could not be saved
 */
gboolean
tp_audience_editor_flush (TpAudienceEditor *self)
{
  g_return_val_if_fail (TP_IS_AUDIENCE_EDITOR (self), FALSE);

  flush_places (self);
  return tp_form_flush (self->form);
}

/**
 * tp_audience_editor_get_places:
 * @self: a #TpAudienceEditor
 *
 * Returns: (transfer none) (nullable): the places the editor shows
 */
GListModel *
tp_audience_editor_get_places (TpAudienceEditor *self)
{
  g_return_val_if_fail (TP_IS_AUDIENCE_EDITOR (self), NULL);

  return G_LIST_MODEL (self->places);
}

static void
tp_audience_editor_unmap (GtkWidget *widget)
{
  tp_audience_editor_flush (TP_AUDIENCE_EDITOR (widget));

  GTK_WIDGET_CLASS (tp_audience_editor_parent_class)->unmap (widget);
}

static void
tp_audience_editor_dispose (GObject *object)
{
  TpAudienceEditor *self = TP_AUDIENCE_EDITOR (object);

  if (self->form != NULL)
    tp_audience_editor_flush (self);

  if (self->places_list != NULL)
    gtk_list_box_bind_model (self->places_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->form);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_AUDIENCE_EDITOR);

  g_clear_object (&self->places);
  g_clear_object (&self->audience);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_audience_editor_parent_class)->dispose (object);
}

static void
tp_audience_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TpAudienceEditor *self = TP_AUDIENCE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_AUDIENCE:
      g_value_set_object (value, self->audience);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_audience_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TpAudienceEditor *self = TP_AUDIENCE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_audience_editor_set_store (self, g_value_get_object (value));
      break;

    case PROP_AUDIENCE:
      tp_audience_editor_set_audience (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_audience_editor_class_init (TpAudienceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_audience_editor_dispose;
  object_class->get_property = tp_audience_editor_get_property;
  object_class->set_property = tp_audience_editor_set_property;

  widget_class->unmap = tp_audience_editor_unmap;

  /**
   * TpAudienceEditor:store:
   *
   * The store that saves the audience.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpAudienceEditor:audience:
   *
   * The audience being edited.
   */
  properties[PROP_AUDIENCE] =
    g_param_spec_object ("audience", NULL, NULL,
                         TP_TYPE_AUDIENCE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-audience-editor.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, TpAudienceEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, TpAudienceEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TpAudienceEditor, primary_switch);
  gtk_widget_class_bind_template_child (widget_class, TpAudienceEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TpAudienceEditor, who_area);
  gtk_widget_class_bind_template_child (widget_class, TpAudienceEditor, looks_like_area);
  gtk_widget_class_bind_template_child (widget_class, TpAudienceEditor, needs_area);
  gtk_widget_class_bind_template_child (widget_class, TpAudienceEditor, message_area);
  gtk_widget_class_bind_template_child (widget_class, TpAudienceEditor, places_list);

  gtk_widget_class_install_action (widget_class, "audience.add-place", NULL, add_place_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_audience_editor_init (TpAudienceEditor *self)
{
  GtkWidget *placeholder;

  g_type_ensure (TP_TYPE_TEXT_AREA);

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No places yet. Where do these people spend their time?"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "tp-list-placeholder");
  gtk_list_box_set_placeholder (self->places_list, placeholder);

  self->form = tp_form_new ();
  tp_form_set_error_label (self->form, self->error_label);
  tp_form_add_field (self->form, GTK_WIDGET (self->name_row), "text", "name",
                     _("An audience needs a name."));
  tp_form_add_field (self->form, GTK_WIDGET (self->primary_switch), "active", "is-primary", NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->who_area), "text", "who", NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->looks_like_area), "text", "looks-like", NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->needs_area), "text", "needs", NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->message_area), "text", "message", NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audience.add-place", FALSE);
}
