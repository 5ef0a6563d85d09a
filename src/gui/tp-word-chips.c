/* tp-word-chips.c
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

#define G_LOG_DOMAIN "tp-word-chips"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-marketing-util.h"
#include "tp-stable-list.h"
#include "tp-word-chips.h"
#include "tp-toast-private.h"

/*
 * TpWordChips shows the brand's personality words as chips and adds one
 * when a word is typed and Enter pressed. A word that is already there
 * (in any case) is refused with a message under the entry. A chip goes
 * with a click on its button, or with Backspace or Delete while it has
 * the focus; Backspace in the empty entry takes the last chip. Every
 * removal shows a toast with Undo.
 */

struct _TpWordChips
{
  GtkWidget     parent_instance;

  GtkFlowBox   *flow_box;
  GtkEntry     *entry;
  GtkWidget    *add_button;
  GtkLabel     *error_label;

  TpStore      *store;
  TpStableList *words;
  char         *error;
};

G_DEFINE_FINAL_TYPE (TpWordChips, tp_word_chips, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_error (TpWordChips *self,
           const char  *error)
{
  if (g_strcmp0 (self->error, error) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (error);

  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               error != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
remove_word (TpWordChips *self,
             gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpUndo) undo = NULL;

  undo = tp_store_delete_brand_word (self->store, id, &error);
  if (undo == NULL)
    {
      _tp_marketing_show_error (GTK_WIDGET (self), error);
      return;
    }

  _tp_toast_show_undo_delete (GTK_WIDGET (self), self->store, undo, NULL);
}

static void
on_remove_clicked_cb (GtkButton   *button,
                      TpWordChips *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "tp-word-id"));

  remove_word (self, id);
}

static GtkWidget *
create_chip (gpointer item,
             gpointer user_data)
{
  TpWordChips *self = user_data;
  TpBrandWord *word = item;
  g_autofree char *remove_label = NULL;
  GtkWidget *child, *box, *label, *button;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_add_css_class (box, "tp-chip");

  label = gtk_label_new (NULL);
  g_object_bind_property (word, "word", label, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), label);

  /* Translators: %s is a brand word; a button that removes it */
  remove_label = g_strdup_printf (_("Remove “%s”"), tp_brand_word_get_word (word));
  button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_focusable (button, FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_object_set_data (G_OBJECT (button), "tp-word-id",
                     GSIZE_TO_POINTER ((gsize) tp_record_get_id (TP_RECORD (word))));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  child = gtk_flow_box_child_new ();
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  g_object_set_data (G_OBJECT (child), "tp-word-id",
                     GSIZE_TO_POINTER ((gsize) tp_record_get_id (TP_RECORD (word))));
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tp_brand_word_get_word (word),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Press Delete or Backspace to remove"),
                                  -1);

  return child;
}

static void
focus_chip_near (TpWordChips *self,
                 int          index)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->words));
  GtkFlowBoxChild *child;

  if (n == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->entry));
      return;
    }

  child = gtk_flow_box_get_child_at_index (self->flow_box, MIN ((guint) index, n - 1));
  if (child != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (child));
}

static gboolean
on_flow_box_key_pressed_cb (TpWordChips           *self,
                            guint                  keyval,
                            guint                  keycode,
                            GdkModifierType        state,
                            GtkEventControllerKey *controller)
{
  GtkWidget *focus;
  GtkWidget *child;
  int index;

  if (keyval != GDK_KEY_BackSpace && keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete)
    return FALSE;

  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  child = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_FLOW_BOX_CHILD) : NULL;
  if (child == NULL || gtk_widget_get_parent (child) != GTK_WIDGET (self->flow_box))
    return FALSE;

  index = gtk_flow_box_child_get_index (GTK_FLOW_BOX_CHILD (child));
  remove_word (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (child), "tp-word-id")));
  focus_chip_near (self, keyval == GDK_KEY_BackSpace ? MAX (index - 1, 0) : index);

  return TRUE;
}

static gboolean
on_entry_key_pressed_cb (TpWordChips           *self,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         GtkEventControllerKey *controller)
{
  guint n;
  g_autoptr(TpBrandWord) last = NULL;

  if (keyval != GDK_KEY_BackSpace || (state & GDK_MODIFIER_MASK) != 0)
    return FALSE;
  if (gtk_entry_buffer_get_length (gtk_entry_get_buffer (self->entry)) > 0)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->words));
  if (n == 0)
    return FALSE;

  last = g_list_model_get_item (G_LIST_MODEL (self->words), n - 1);
  remove_word (self, tp_record_get_id (TP_RECORD (last)));

  return TRUE;
}

static gboolean
is_taken (TpWordChips *self,
          const char  *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->words));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpBrandWord) item = g_list_model_get_item (G_LIST_MODEL (self->words), i);
      g_autofree char *other = g_utf8_casefold (tp_brand_word_get_word (item), -1);

      if (g_strcmp0 (folded, other) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * tp_word_chips_add_word:
 * @self: a #TpWordChips
 * @word: a word
 *
 * Adds @word after the others, or says why not under the entry.
 *
 * Returns: whether it was added
 */
gboolean
tp_word_chips_add_word (TpWordChips *self,
                        const char  *word)
{
  g_autoptr(TpBrandWord) brand_word = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (TP_IS_WORD_CHIPS (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (word));
  if (_tp_marketing_is_blank (trimmed))
    return FALSE;

  if (is_taken (self, trimmed))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is a brand word the owner typed a second time */
      message = g_strdup_printf (_("“%s” is already one of your words."), trimmed);
      set_error (self, message);
      return FALSE;
    }

  brand_word = tp_brand_word_new ();
  tp_brand_word_set_word (brand_word, trimmed);
  tp_brand_word_set_position (brand_word, _tp_marketing_next_position (G_LIST_MODEL (self->words)));

  if (!tp_store_add_brand_word (self->store, brand_word, &error))
    {
      g_autofree char *text = _tp_marketing_error_text (error);

      set_error (self, text);
      return FALSE;
    }

  set_error (self, NULL);
  return TRUE;
}

static void
on_entry_activate_cb (TpWordChips *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (tp_word_chips_add_word (self, text))
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

static void
on_add_button_clicked_cb (TpWordChips *self)
{
  on_entry_activate_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
on_entry_changed_cb (TpWordChips *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  gtk_widget_set_sensitive (self->add_button, !_tp_marketing_is_blank (text));
  set_error (self, NULL);
}

TpStore *
tp_word_chips_get_store (TpWordChips *self)
{
  g_return_val_if_fail (TP_IS_WORD_CHIPS (self), NULL);

  return self->store;
}

void
tp_word_chips_set_store (TpWordChips *self,
                         TpStore     *store)
{
  g_return_if_fail (TP_IS_WORD_CHIPS (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_clear_object (&self->words);
  if (store != NULL)
    self->words = tp_stable_list_new (tp_store_list_brand_words (store));

  gtk_flow_box_bind_model (self->flow_box, G_LIST_MODEL (self->words), create_chip, self, NULL);
  set_error (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tp_word_chips_get_entry:
 * @self: a #TpWordChips
 *
 * Returns: (transfer none): the entry that adds words
 */
GtkEditable *
tp_word_chips_get_entry (TpWordChips *self)
{
  g_return_val_if_fail (TP_IS_WORD_CHIPS (self), NULL);

  return GTK_EDITABLE (self->entry);
}

/**
 * tp_word_chips_get_error:
 * @self: a #TpWordChips
 *
 * Returns: (nullable): why the last word was not added
 */
const char *
tp_word_chips_get_error (TpWordChips *self)
{
  g_return_val_if_fail (TP_IS_WORD_CHIPS (self), NULL);

  return self->error;
}

static gboolean
tp_word_chips_grab_focus (GtkWidget *widget)
{
  TpWordChips *self = TP_WORD_CHIPS (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
tp_word_chips_dispose (GObject *object)
{
  TpWordChips *self = TP_WORD_CHIPS (object);
  GtkWidget *child;

  if (self->flow_box != NULL)
    gtk_flow_box_bind_model (self->flow_box, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_WORD_CHIPS);

  /* The template's box is not a bound child: take it away too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->words);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_word_chips_parent_class)->dispose (object);
}

static void
tp_word_chips_finalize (GObject *object)
{
  TpWordChips *self = TP_WORD_CHIPS (object);

  g_free (self->error);

  G_OBJECT_CLASS (tp_word_chips_parent_class)->finalize (object);
}

static void
tp_word_chips_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TpWordChips *self = TP_WORD_CHIPS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_word_chips_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TpWordChips *self = TP_WORD_CHIPS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_word_chips_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_word_chips_class_init (TpWordChipsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_word_chips_dispose;
  object_class->finalize = tp_word_chips_finalize;
  object_class->get_property = tp_word_chips_get_property;
  object_class->set_property = tp_word_chips_set_property;

  widget_class->grab_focus = tp_word_chips_grab_focus;

  /**
   * TpWordChips:store:
   *
   * The store whose brand words show.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpWordChips:error:
   *
   * Why the last word typed was not added.
   */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-word-chips.ui");
  gtk_widget_class_bind_template_child (widget_class, TpWordChips, flow_box);
  gtk_widget_class_bind_template_child (widget_class, TpWordChips, entry);
  gtk_widget_class_bind_template_child (widget_class, TpWordChips, add_button);
  gtk_widget_class_bind_template_child (widget_class, TpWordChips, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_word_chips_init (TpWordChips *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (on_flow_box_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->flow_box), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (on_entry_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label, NULL,
                                  -1);
}
