/* tp-place-row.c
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

#define G_LOG_DOMAIN "tp-place-row"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-core-enum-types.h"
#include "tp-form.h"
#include "tp-marketing-util.h"
#include "tp-place-row.h"
#include "tp-read-only-private.h"
#include "tp-toast-private.h"

/*
 * TpPlaceRow is one place where an audience spends its time: its name
 * and kind in the header, and when expanded the fields that edit it
 * (saved as typed). Its header buttons and keys move it up and down the
 * list (Alt+Up, Alt+Down) and delete it (Delete, with a toast to undo).
 */

struct _TpPlaceRow
{
  AdwExpanderRow  parent_instance;

  GtkWidget      *move_up_button;
  GtkWidget      *move_down_button;
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwEntryRow    *link_row;
  AdwEntryRow    *notes_row;
  GtkWidget      *error_row;
  GtkLabel       *error_label;

  TpStore        *store;
  TpPlace        *place;
  GListModel     *list;
  TpForm         *form;
};

G_DEFINE_FINAL_TYPE (TpPlaceRow, tp_place_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLACE,
  PROP_LIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * tp_place_row_new:
 * @store: the store
 * @place: the place the row shows
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
tp_place_row_new (TpStore *store,
                  TpPlace *place)
{
  return g_object_new (TP_TYPE_PLACE_ROW,
                       "store", store,
                       "place", place,
                       NULL);
}

/**
 * tp_place_row_get_place:
 * @self: a #TpPlaceRow
 *
 * Returns: (transfer none): the place
 */
TpPlace *
tp_place_row_get_place (TpPlaceRow *self)
{
  g_return_val_if_fail (TP_IS_PLACE_ROW (self), NULL);

  return self->place;
}

/**
 * tp_place_row_set_neighbours:
 * @self: a #TpPlaceRow
 * @has_previous: whether a place comes before it
 * @has_next: whether a place comes after it
 *
 * Enables moving up and down as far as there is somewhere to go.
 */
void
tp_place_row_set_neighbours (TpPlaceRow *self,
                             gboolean    has_previous,
                             gboolean    has_next)
{
  g_return_if_fail (TP_IS_PLACE_ROW (self));

  /* A role that may only read moves nothing */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "place.move-up",
                                 has_previous && _tp_store_can_write (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "place.move-down",
                                 has_next && _tp_store_can_write (self->store));
}

/**
 * tp_place_row_edit_name:
 * @self: a #TpPlaceRow
 *
 * Opens the row and puts the cursor in its name, all of it selected so
 * that typing replaces it.
 */
void
tp_place_row_edit_name (TpPlaceRow *self)
{
  g_return_if_fail (TP_IS_PLACE_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  _tp_marketing_edit_when_shown (GTK_WIDGET (self->name_row));
}

/**
 * tp_place_row_flush:
 * @self: a #TpPlaceRow
 *
 * Saves what is being typed now.
 *
 * Returns: %FALSE when it could not be saved
 */
gboolean
tp_place_row_flush (TpPlaceRow *self)
{
  g_return_val_if_fail (TP_IS_PLACE_ROW (self), FALSE);

  return tp_form_flush (self->form);
}

static void
update_header (TpPlaceRow *self)
{
  const char *link = tp_place_get_link (self->place);
  const char *kind = tp_place_kind_get_label (tp_place_get_kind (self->place));
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), tp_place_get_name (self->place));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tp_place_get_name (self->place),
                                  -1);

  if (link != NULL && link[0] != '\0')
    /* Translators: a place's kind, then its link: “Forum · dogforum.example” */
    subtitle = g_strdup_printf (_("%s · %s"), kind, link);
  else
    subtitle = g_strdup (kind);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
on_place_notify_cb (TpPlaceRow *self)
{
  update_header (self);
}

static void
on_form_error_cb (TpPlaceRow *self)
{
  gtk_widget_set_visible (self->error_row, tp_form_get_error (self->form) != NULL);
}

static GtkWidget *
find_row (GtkWidget *list_box,
          gint64     id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (TP_IS_PLACE_ROW (child) && tp_record_get_id (TP_RECORD (TP_PLACE_ROW (child)->place)) == id)
        return child;
    }

  return NULL;
}

static void
move_in_list (TpPlaceRow *self,
              int         delta)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) list_box = NULL;
  gint64 id = tp_record_get_id (TP_RECORD (self->place));
  gboolean expanded = adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self));
  guint from, n;
  TpPlaceRow *moved;

  if (self->list == NULL)
    return;

  n = g_list_model_get_n_items (self->list);
  from = _tp_marketing_find_position (self->list, id);
  if (from == GTK_INVALID_LIST_POSITION || (delta < 0 && from == 0) || (delta > 0 && from + 1 >= n))
    return;

  tp_form_flush (self->form);

  list_box = gtk_widget_get_parent (GTK_WIDGET (self));
  if (list_box != NULL)
    g_object_ref (list_box);

  if (!_tp_marketing_move_item (self->store, self->list, from, from + delta, &error))
    {
      _tp_marketing_show_error (GTK_WIDGET (self), error);
      return;
    }

  /* The list box made a new row for the place: give it the focus back. */
  moved = list_box != NULL ? (TpPlaceRow *) find_row (list_box, id) : NULL;
  if (moved == NULL || moved == self)
    return;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (moved), expanded);
  if (delta < 0 && gtk_widget_is_sensitive (moved->move_up_button))
    _tp_marketing_focus_when_shown (moved->move_up_button);
  else if (delta > 0 && gtk_widget_is_sensitive (moved->move_down_button))
    _tp_marketing_focus_when_shown (moved->move_down_button);
  else
    _tp_marketing_focus_when_shown (GTK_WIDGET (moved));
}

static void
move (TpPlaceRow *self,
      int         delta)
{
  /* The list box lets go of the row as the place moves. */
  g_object_ref (self);
  move_in_list (self, delta);
  g_object_unref (self);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (TP_PLACE_ROW (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (TP_PLACE_ROW (widget), 1);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpPlaceRow *self = TP_PLACE_ROW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpUndo) undo = NULL;
  GtkWidget *toast_target;

  tp_form_flush (self->form);

  /* The row goes with the place; the toast belongs to the list around it. */
  toast_target = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP);
  if (toast_target == NULL)
    toast_target = widget;

  undo = tp_store_delete_place (self->store, tp_record_get_id (TP_RECORD (self->place)), &error);
  if (undo == NULL)
    {
      _tp_marketing_show_error (widget, error);
      return;
    }

  _tp_toast_show_undo_delete (toast_target, self->store, undo, NULL);
}

static gboolean
focus_in_fields (TpPlaceRow *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *fields[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->kind_row),
    GTK_WIDGET (self->link_row), GTK_WIDGET (self->notes_row),
  };

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    {
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        if (w == fields[i])
          return TRUE;
    }

  return FALSE;
}

static void
delete_key_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TpPlaceRow *self = TP_PLACE_ROW (widget);

  /* Delete in a field edits the field; on the header it deletes the place. */
  if (!focus_in_fields (self))
    gtk_widget_activate_action (widget, "place.delete", NULL);
}

static gboolean
kind_to_widget (const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static void
setup (TpPlaceRow *self)
{
  g_autoptr(GListModel) kinds = _tp_marketing_enum_labels (TP_TYPE_PLACE_KIND);

  adw_combo_row_set_model (self->kind_row, kinds);

  self->form = tp_form_new ();
  tp_form_set_store (self->form, self->store);
  /* A role that may only read deletes no place */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "place.delete",
                                 _tp_store_can_write (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "place.delete-key",
                                 _tp_store_can_write (self->store));
  tp_form_set_error_label (self->form, self->error_label);
  tp_form_add_field (self->form, GTK_WIDGET (self->name_row), "text", "name",
                     _("A place needs a name."));
  tp_form_add_field_full (self->form, GTK_WIDGET (self->kind_row), "selected", "kind", NULL,
                          NULL, kind_to_widget, NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->link_row), "text", "link", NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->notes_row), "text", "notes", NULL);
  tp_form_set_object (self->form, G_OBJECT (self->place));
  g_signal_connect_object (self->form, "notify::error",
                           G_CALLBACK (on_form_error_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->place, "notify",
                           G_CALLBACK (on_place_notify_cb), self, G_CONNECT_SWAPPED);
  update_header (self);
}

static void
tp_place_row_constructed (GObject *object)
{
  TpPlaceRow *self = TP_PLACE_ROW (object);

  G_OBJECT_CLASS (tp_place_row_parent_class)->constructed (object);

  g_assert (TP_IS_STORE (self->store));
  g_assert (TP_IS_PLACE (self->place));

  setup (self);
}

static void
tp_place_row_unmap (GtkWidget *widget)
{
  TpPlaceRow *self = TP_PLACE_ROW (widget);

  tp_form_flush (self->form);

  GTK_WIDGET_CLASS (tp_place_row_parent_class)->unmap (widget);
}

static void
tp_place_row_dispose (GObject *object)
{
  TpPlaceRow *self = TP_PLACE_ROW (object);

  if (self->form != NULL)
    tp_form_flush (self->form);
  g_clear_object (&self->form);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_PLACE_ROW);

  g_clear_object (&self->place);
  g_clear_object (&self->store);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (tp_place_row_parent_class)->dispose (object);
}

static void
tp_place_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TpPlaceRow *self = TP_PLACE_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PLACE:
      g_value_set_object (value, self->place);
      break;

    case PROP_LIST:
      g_value_set_object (value, self->list);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_place_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TpPlaceRow *self = TP_PLACE_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PLACE:
      self->place = g_value_dup_object (value);
      break;

    case PROP_LIST:
      self->list = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_place_row_class_init (TpPlaceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tp_place_row_constructed;
  object_class->dispose = tp_place_row_dispose;
  object_class->get_property = tp_place_row_get_property;
  object_class->set_property = tp_place_row_set_property;

  widget_class->unmap = tp_place_row_unmap;

  /**
   * TpPlaceRow:store:
   *
   * The store that saves the place.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TpPlaceRow:place:
   *
   * The place the row shows and edits.
   */
  properties[PROP_PLACE] =
    g_param_spec_object ("place", NULL, NULL,
                         TP_TYPE_PLACE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TpPlaceRow:list:
   *
   * The places of the audience in order, within which the row moves.
   */
  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-place-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TpPlaceRow, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, TpPlaceRow, move_down_button);
  gtk_widget_class_bind_template_child (widget_class, TpPlaceRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, TpPlaceRow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TpPlaceRow, link_row);
  gtk_widget_class_bind_template_child (widget_class, TpPlaceRow, notes_row);
  gtk_widget_class_bind_template_child (widget_class, TpPlaceRow, error_row);
  gtk_widget_class_bind_template_child (widget_class, TpPlaceRow, error_label);

  gtk_widget_class_install_action (widget_class, "place.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "place.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "place.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "place.delete-key", NULL, delete_key_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "place.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "place.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "place.delete-key", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "place.delete-key", NULL);
}

static void
tp_place_row_init (TpPlaceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
