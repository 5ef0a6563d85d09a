/* tp-competitor-editor.c
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

#define G_LOG_DOMAIN "tp-competitor-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-competitor-editor.h"
#include "tp-form.h"
#include "tp-marketing-util.h"
#include "tp-text-area.h"

/*
 * TpCompetitorEditor edits one competitor: name, link, how they position
 * themselves, strengths and weaknesses. Their positioning stands beside
 * the owner's own (from the brand), side by side when there is room, so
 * that the difference shows.
 */

struct _TpCompetitorEditor
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  AdwEntryRow       *name_row;
  AdwEntryRow       *link_row;
  GtkLabel          *error_label;
  GtkBox            *compare_box;
  TpTextArea        *positioning_area;
  GtkLabel          *own_positioning_label;
  GtkWidget         *write_positioning_button;
  TpTextArea        *strengths_area;
  TpTextArea        *weaknesses_area;

  TpStore           *store;
  TpBrand           *brand;
  TpCompetitor      *competitor;
  TpForm            *form;
  guint              orientation_source;
};

G_DEFINE_FINAL_TYPE (TpCompetitorEditor, tp_competitor_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_COMPETITOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_own_positioning (TpCompetitorEditor *self)
{
  const char *positioning = self->brand != NULL ? tp_brand_get_positioning (self->brand) : NULL;
  gboolean empty = _tp_marketing_is_blank (positioning);

  if (empty)
    {
      gtk_label_set_text (self->own_positioning_label,
                          _("You have not written your positioning statement yet."));
      gtk_widget_add_css_class (GTK_WIDGET (self->own_positioning_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->own_positioning_label, positioning);
      gtk_widget_remove_css_class (GTK_WIDGET (self->own_positioning_label), "dim-label");
    }

  gtk_widget_set_visible (self->write_positioning_button, empty);
}

/* Side by side when there is room for two columns of text. */
#define SIDE_BY_SIDE_WIDTH 600

static gboolean
update_orientation_cb (gpointer data)
{
  TpCompetitorEditor *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  gboolean wide = gtk_adjustment_get_page_size (adjustment) >= SIDE_BY_SIDE_WIDTH;
  GtkOrientation orientation = wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL;

  self->orientation_source = 0;

  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->compare_box)) != orientation)
    {
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->compare_box), orientation);
      gtk_box_set_homogeneous (self->compare_box, wide);
      gtk_box_set_spacing (self->compare_box, wide ? 18 : 24);
    }

  return G_SOURCE_REMOVE;
}

static void
on_width_changed_cb (TpCompetitorEditor *self)
{
  /* Not while the window lays itself out. */
  if (self->orientation_source == 0)
    {
      self->orientation_source = g_idle_add (update_orientation_cb, self);
      g_source_set_name_by_id (self->orientation_source, "[touchpoint] competitor layout");
    }
}

TpStore *
tp_competitor_editor_get_store (TpCompetitorEditor *self)
{
  g_return_val_if_fail (TP_IS_COMPETITOR_EDITOR (self), NULL);

  return self->store;
}

void
tp_competitor_editor_set_store (TpCompetitorEditor *self,
                                TpStore            *store)
{
  g_return_if_fail (TP_IS_COMPETITOR_EDITOR (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  tp_competitor_editor_set_competitor (self, NULL);

  if (self->brand != NULL)
    g_signal_handlers_disconnect_by_func (self->brand, update_own_positioning, self);
  g_clear_object (&self->brand);

  g_set_object (&self->store, store);
  tp_form_set_store (self->form, store);

  if (store != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->brand = tp_store_get_brand (store, &error);
      if (self->brand == NULL)
        g_debug ("No brand to compare with: %s", error->message);
      else
        g_signal_connect_object (self->brand, "notify::positioning",
                                 G_CALLBACK (update_own_positioning), self, G_CONNECT_SWAPPED);
    }

  update_own_positioning (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tp_competitor_editor_get_competitor:
 * @self: a #TpCompetitorEditor
 *
 * Returns: (transfer none) (nullable): the competitor being edited
 */
TpCompetitor *
tp_competitor_editor_get_competitor (TpCompetitorEditor *self)
{
  g_return_val_if_fail (TP_IS_COMPETITOR_EDITOR (self), NULL);

  return self->competitor;
}

void
tp_competitor_editor_set_competitor (TpCompetitorEditor *self,
                                     TpCompetitor       *competitor)
{
  g_return_if_fail (TP_IS_COMPETITOR_EDITOR (self));
  g_return_if_fail (competitor == NULL || TP_IS_COMPETITOR (competitor));

  if (self->competitor == competitor)
    return;

  tp_form_set_object (self->form, G_OBJECT (competitor));
  g_set_object (&self->competitor, competitor);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPETITOR]);
}

/**
 * tp_competitor_editor_edit_name:
 * @self: a #TpCompetitorEditor
 *
 * Puts the cursor in the name, all of it selected.
 */
void
tp_competitor_editor_edit_name (TpCompetitorEditor *self)
{
  g_return_if_fail (TP_IS_COMPETITOR_EDITOR (self));

  _tp_marketing_edit_when_shown (GTK_WIDGET (self->name_row));
}

/**
 * tp_competitor_editor_flush:
 * @self: a #TpCompetitorEditor
 *
 * Saves now what is being typed.
 *
 * Returns: %FALSE when it could not be saved
 */
gboolean
tp_competitor_editor_flush (TpCompetitorEditor *self)
{
  g_return_val_if_fail (TP_IS_COMPETITOR_EDITOR (self), FALSE);

  return tp_form_flush (self->form);
}

/**
 * tp_competitor_editor_get_own_positioning:
 * @self: a #TpCompetitorEditor
 *
 * Returns: what the editor shows of the owner's own positioning
 */
const char *
tp_competitor_editor_get_own_positioning (TpCompetitorEditor *self)
{
  g_return_val_if_fail (TP_IS_COMPETITOR_EDITOR (self), NULL);

  return gtk_label_get_text (self->own_positioning_label);
}

static void
tp_competitor_editor_unmap (GtkWidget *widget)
{
  tp_competitor_editor_flush (TP_COMPETITOR_EDITOR (widget));

  GTK_WIDGET_CLASS (tp_competitor_editor_parent_class)->unmap (widget);
}

static void
tp_competitor_editor_dispose (GObject *object)
{
  TpCompetitorEditor *self = TP_COMPETITOR_EDITOR (object);

  g_clear_handle_id (&self->orientation_source, g_source_remove);

  if (self->form != NULL)
    tp_form_flush (self->form);
  g_clear_object (&self->form);

  if (self->brand != NULL)
    g_signal_handlers_disconnect_by_func (self->brand, update_own_positioning, self);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_COMPETITOR_EDITOR);

  g_clear_object (&self->competitor);
  g_clear_object (&self->brand);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_competitor_editor_parent_class)->dispose (object);
}

static void
tp_competitor_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TpCompetitorEditor *self = TP_COMPETITOR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_COMPETITOR:
      g_value_set_object (value, self->competitor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_competitor_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TpCompetitorEditor *self = TP_COMPETITOR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_competitor_editor_set_store (self, g_value_get_object (value));
      break;

    case PROP_COMPETITOR:
      tp_competitor_editor_set_competitor (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_competitor_editor_class_init (TpCompetitorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_competitor_editor_dispose;
  object_class->get_property = tp_competitor_editor_get_property;
  object_class->set_property = tp_competitor_editor_set_property;

  widget_class->unmap = tp_competitor_editor_unmap;

  /**
   * TpCompetitorEditor:store:
   *
   * The store that saves the competitor.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpCompetitorEditor:competitor:
   *
   * The competitor being edited.
   */
  properties[PROP_COMPETITOR] =
    g_param_spec_object ("competitor", NULL, NULL,
                         TP_TYPE_COMPETITOR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-competitor-editor.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorEditor, link_row);
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorEditor, compare_box);
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorEditor, positioning_area);
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorEditor, own_positioning_label);
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorEditor, write_positioning_button);
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorEditor, strengths_area);
  gtk_widget_class_bind_template_child (widget_class, TpCompetitorEditor, weaknesses_area);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_competitor_editor_init (TpCompetitorEditor *self)
{
  g_type_ensure (TP_TYPE_TEXT_AREA);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->form = tp_form_new ();
  tp_form_set_error_label (self->form, self->error_label);
  tp_form_add_field (self->form, GTK_WIDGET (self->name_row), "text", "name",
                     _("A competitor needs a name."));
  tp_form_add_field (self->form, GTK_WIDGET (self->link_row), "text", "link", NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->positioning_area), "text", "positioning", NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->strengths_area), "text", "strengths", NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->weaknesses_area), "text", "weaknesses", NULL);

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "notify::page-size",
                           G_CALLBACK (on_width_changed_cb), self, G_CONNECT_SWAPPED);

  update_own_positioning (self);
}
