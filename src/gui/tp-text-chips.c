/* tp-text-chips.c
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

#define G_LOG_DOMAIN "tp-text-chips"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tp-text-chips.h"

/*
 * TpTextChips shows one text column as chips, as TpWordChips shows the
 * personality words: "Words Friends Use" is the brand's friends_words
 * text. A chip is a piece of the text between commas or line breaks,
 * trimmed; so text written before there were chips shows as chips
 * without being changed. Adding or removing a chip writes the chips back
 * one a line, and notifies :text, which a TpForm saves.
 */

struct _TpTextChips
{
  GtkWidget      parent_instance;

  GtkFlowBox    *flow_box;
  GtkEntry      *entry;
  GtkWidget     *add_button;
  GtkLabel      *error_label;

  GtkStringList *chips;
  char          *text;
};

G_DEFINE_FINAL_TYPE (TpTextChips, tp_text_chips, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * tp_text_chips_split:
 * @text: (nullable): the stored text
 *
 * Returns: (transfer full): its chips: the pieces between commas and line
 *   breaks, trimmed, the empty ones left out
 */
char **
tp_text_chips_split (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) pieces = NULL;

  if (text == NULL)
    return g_strv_builder_end (builder);

  pieces = g_strsplit_set (text, ",\n", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_strstrip (pieces[i]);
      if (pieces[i][0] != '\0')
        g_strv_builder_add (builder, pieces[i]);
    }

  return g_strv_builder_end (builder);
}

static void
set_error (TpTextChips *self,
           const char  *error)
{
  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
}

/* The chips, one a line, as :text */
static void
write_back (TpTextChips *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->chips));

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, gtk_string_list_get_string (self->chips, i));
    }

  g_free (self->text);
  self->text = g_string_free (g_steal_pointer (&text), FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
on_remove_clicked_cb (GtkButton   *button,
                      TpTextChips *self)
{
  GtkWidget *child = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_FLOW_BOX_CHILD);

  if (child != NULL)
    tp_text_chips_remove (self, gtk_flow_box_child_get_index (GTK_FLOW_BOX_CHILD (child)));
}

static GtkWidget *
create_chip (gpointer item,
             gpointer user_data)
{
  TpTextChips *self = user_data;
  const char *chip = gtk_string_object_get_string (item);
  g_autofree char *remove_label = NULL;
  GtkWidget *child, *box, *label, *button;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_add_css_class (box, "tp-chip");

  label = gtk_label_new (chip);
  /* Short ones on one line, as wide as their words (a width in
   * characters is wider than most words); a long quote wraps at about 40
   * characters. */
  if (g_utf8_strlen (chip, -1) > 40)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 30);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  /* Translators: %s is what a friend said; a button that removes it */
  remove_label = g_strdup_printf (_("Remove “%s”"), chip);
  button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  /* As wide as what it says, not as the column */
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  child = gtk_flow_box_child_new ();
  gtk_widget_set_halign (child, GTK_ALIGN_START);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, chip,
                                  -1);

  return child;
}

/**
 * tp_text_chips_add:
 * @self: a #TpTextChips
 * @chip: what to add
 *
 * Adds @chip at the end, or refuses it, with a message under the entry,
 * when it is blank or already there (in any case). Commas and line breaks
 * in it make several chips.
 *
 * Returns: %TRUE if anything was added
 */
gboolean
tp_text_chips_add (TpTextChips *self,
                   const char  *chip)
{
  g_auto(GStrv) pieces = NULL;
  guint added = 0;

  g_return_val_if_fail (TP_IS_TEXT_CHIPS (self), FALSE);

  pieces = tp_text_chips_split (chip);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (pieces[i], -1);
      gboolean there = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (self->chips)) && !there; j++)
        {
          g_autofree char *other = g_utf8_casefold (gtk_string_list_get_string (self->chips, j), -1);

          there = g_strcmp0 (folded, other) == 0;
        }

      if (there)
        {
          g_autofree char *message = NULL;

          /* Translators: %s is what a friend said, already in the list */
          message = g_strdup_printf (_("“%s” is already there"), pieces[i]);
          set_error (self, message);
          continue;
        }

      gtk_string_list_append (self->chips, pieces[i]);
      added++;
    }

  if (added == 0)
    return FALSE;

  set_error (self, NULL);
  write_back (self);
  return TRUE;
}

/**
 * tp_text_chips_remove:
 * @self: a #TpTextChips
 * @position: the chip's position
 *
 * Removes a chip.
 */
void
tp_text_chips_remove (TpTextChips *self,
                      guint        position)
{
  g_return_if_fail (TP_IS_TEXT_CHIPS (self));

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->chips)))
    return;

  gtk_string_list_remove (self->chips, position);
  write_back (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
add_from_entry (TpTextChips *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (tp_text_chips_add (self, text))
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

static void
on_entry_activate_cb (TpTextChips *self)
{
  add_from_entry (self);
}

static void
on_add_button_clicked_cb (TpTextChips *self)
{
  add_from_entry (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
on_entry_changed_cb (TpTextChips *self)
{
  g_auto(GStrv) pieces = tp_text_chips_split (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  set_error (self, NULL);
  gtk_widget_set_sensitive (self->add_button, pieces[0] != NULL);
}

/**
 * tp_text_chips_get_text:
 * @self: a #TpTextChips
 *
 * Returns: the text the chips stand for
 */
const char *
tp_text_chips_get_text (TpTextChips *self)
{
  g_return_val_if_fail (TP_IS_TEXT_CHIPS (self), NULL);

  return self->text != NULL ? self->text : "";
}

/**
 * tp_text_chips_set_text:
 * @self: a #TpTextChips
 * @text: (nullable): the stored text
 *
 * Shows @text as chips. The text is kept as it is until a chip is added
 * or removed.
 */
void
tp_text_chips_set_text (TpTextChips *self,
                        const char  *text)
{
  g_auto(GStrv) pieces = NULL;

  g_return_if_fail (TP_IS_TEXT_CHIPS (self));

  if (g_strcmp0 (text != NULL ? text : "", tp_text_chips_get_text (self)) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text != NULL ? text : "");

  pieces = tp_text_chips_split (text);
  gtk_string_list_splice (self->chips, 0, g_list_model_get_n_items (G_LIST_MODEL (self->chips)),
                          (const char * const *) pieces);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * tp_text_chips_get_chips:
 * @self: a #TpTextChips
 *
 * Returns: (transfer none): the chips, as #GtkStringObject
 */
GListModel *
tp_text_chips_get_chips (TpTextChips *self)
{
  g_return_val_if_fail (TP_IS_TEXT_CHIPS (self), NULL);

  return G_LIST_MODEL (self->chips);
}

/**
 * tp_text_chips_get_entry:
 * @self: a #TpTextChips
 *
 * Returns: (transfer none): the entry a new chip is typed in
 */
GtkEditable *
tp_text_chips_get_entry (TpTextChips *self)
{
  g_return_val_if_fail (TP_IS_TEXT_CHIPS (self), NULL);

  return GTK_EDITABLE (self->entry);
}

static void
tp_text_chips_dispose (GObject *object)
{
  TpTextChips *self = TP_TEXT_CHIPS (object);
  GtkWidget *child;

  if (self->flow_box != NULL)
    gtk_flow_box_bind_model (self->flow_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_TEXT_CHIPS);

  /* The template's box is not a bound child: take it away too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->chips);

  G_OBJECT_CLASS (tp_text_chips_parent_class)->dispose (object);
}

static void
tp_text_chips_finalize (GObject *object)
{
  TpTextChips *self = TP_TEXT_CHIPS (object);

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (tp_text_chips_parent_class)->finalize (object);
}

static void
tp_text_chips_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TpTextChips *self = TP_TEXT_CHIPS (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, tp_text_chips_get_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_text_chips_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TpTextChips *self = TP_TEXT_CHIPS (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      tp_text_chips_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_text_chips_class_init (TpTextChipsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_text_chips_dispose;
  object_class->finalize = tp_text_chips_finalize;
  object_class->get_property = tp_text_chips_get_property;
  object_class->set_property = tp_text_chips_set_property;

  /**
   * TpTextChips:text:
   *
   * The text the chips stand for: as stored until a chip is added or
   * removed, then the chips one a line.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-text-chips.ui");
  gtk_widget_class_bind_template_child (widget_class, TpTextChips, flow_box);
  gtk_widget_class_bind_template_child (widget_class, TpTextChips, entry);
  gtk_widget_class_bind_template_child (widget_class, TpTextChips, add_button);
  gtk_widget_class_bind_template_child (widget_class, TpTextChips, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_text_chips_init (TpTextChips *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chips = gtk_string_list_new (NULL);
  self->text = g_strdup ("");
  gtk_flow_box_bind_model (self->flow_box, G_LIST_MODEL (self->chips), create_chip, self, NULL);
}
