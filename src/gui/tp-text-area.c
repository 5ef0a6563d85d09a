/* tp-text-area.c
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

#define G_LOG_DOMAIN "tp-text-area"

#include "config.h"

#include "tp-text-area.h"

/*
 * TpTextArea is a text of a few lines with its title and a one-line hint
 * that teaches what to write there. :text follows every keystroke; the
 * text view is labelled by the title and described by the hint.
 */

struct _TpTextArea
{
  GtkWidget    parent_instance;

  GtkLabel    *title_label;
  GtkLabel    *hint_label;
  GtkTextView *text_view;

  char        *title;
  char        *hint;
  char        *text;
};

G_DEFINE_FINAL_TYPE (TpTextArea, tp_text_area, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_HINT,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
tp_text_area_new (void)
{
  return g_object_new (TP_TYPE_TEXT_AREA, NULL);
}

const char *
tp_text_area_get_title (TpTextArea *self)
{
  g_return_val_if_fail (TP_IS_TEXT_AREA (self), NULL);

  return self->title;
}

void
tp_text_area_set_title (TpTextArea *self,
                        const char *title)
{
  g_return_if_fail (TP_IS_TEXT_AREA (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  gtk_label_set_text_with_mnemonic (self->title_label, title != NULL ? title : "");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
tp_text_area_get_hint (TpTextArea *self)
{
  g_return_val_if_fail (TP_IS_TEXT_AREA (self), NULL);

  return self->hint;
}

void
tp_text_area_set_hint (TpTextArea *self,
                       const char *hint)
{
  g_return_if_fail (TP_IS_TEXT_AREA (self));

  if (g_strcmp0 (self->hint, hint) == 0)
    return;

  g_free (self->hint);
  self->hint = g_strdup (hint);
  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL && hint[0] != '\0');

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINT]);
}

/**
 * tp_text_area_get_text:
 * @self: a #TpTextArea
 *
 * Returns: (not nullable): the text
 */
const char *
tp_text_area_get_text (TpTextArea *self)
{
  g_return_val_if_fail (TP_IS_TEXT_AREA (self), NULL);

  return self->text;
}

void
tp_text_area_set_text (TpTextArea *self,
                       const char *text)
{
  g_return_if_fail (TP_IS_TEXT_AREA (self));

  if (text == NULL)
    text = "";

  if (g_strcmp0 (self->text, text) == 0)
    return;

  /* The buffer's ::changed stores the text and notifies. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

/**
 * tp_text_area_get_text_view:
 * @self: a #TpTextArea
 *
 * Returns: (transfer none): the text view
 */
GtkTextView *
tp_text_area_get_text_view (TpTextArea *self)
{
  g_return_val_if_fail (TP_IS_TEXT_AREA (self), NULL);

  return self->text_view;
}

static void
on_buffer_changed_cb (TpTextArea    *self,
                      GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_steal_pointer (&text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static gboolean
tp_text_area_grab_focus (GtkWidget *widget)
{
  TpTextArea *self = TP_TEXT_AREA (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
tp_text_area_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_TEXT_AREA);

  /* The template's box is not a bound child: take it away too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tp_text_area_parent_class)->dispose (object);
}

static void
tp_text_area_finalize (GObject *object)
{
  TpTextArea *self = TP_TEXT_AREA (object);

  g_free (self->title);
  g_free (self->hint);
  g_free (self->text);

  G_OBJECT_CLASS (tp_text_area_parent_class)->finalize (object);
}

static void
tp_text_area_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TpTextArea *self = TP_TEXT_AREA (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_HINT:
      g_value_set_string (value, self->hint);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_text_area_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TpTextArea *self = TP_TEXT_AREA (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      tp_text_area_set_title (self, g_value_get_string (value));
      break;

    case PROP_HINT:
      tp_text_area_set_hint (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      tp_text_area_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_text_area_class_init (TpTextAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_text_area_dispose;
  object_class->finalize = tp_text_area_finalize;
  object_class->get_property = tp_text_area_get_property;
  object_class->set_property = tp_text_area_set_property;

  widget_class->grab_focus = tp_text_area_grab_focus;

  /**
   * TpTextArea:title:
   *
   * What the text is, with an optional mnemonic.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpTextArea:hint:
   *
   * One line that explains what to write.
   */
  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpTextArea:text:
   *
   * The text, never %NULL.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-text-area.ui");
  gtk_widget_class_bind_template_child (widget_class, TpTextArea, title_label);
  gtk_widget_class_bind_template_child (widget_class, TpTextArea, hint_label);
  gtk_widget_class_bind_template_child (widget_class, TpTextArea, text_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tp-text-area");
}

static void
tp_text_area_init (TpTextArea *self)
{
  self->text = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->hint_label, NULL,
                                  -1);
}
