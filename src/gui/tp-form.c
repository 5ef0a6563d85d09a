/* tp-form.c
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

#define G_LOG_DOMAIN "tp-form"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "tp-form.h"
#include "tp-marketing-util.h"
#include "tp-read-only-private.h"

/*
 * TpForm ties the fields of an editor to the properties of one stored
 * object, so that everything saves as it is typed.
 *
 * A field is a widget property (an entry's :text, a switch's :active, a
 * combo row's :selected…) and an object property. When the owner changes
 * a field, the form marks it; text waits until typing pauses for
 * TP_SAVE_DELAY_MS, anything else saves at once. Saving copies every
 * marked field to the object and calls the store once: one transaction
 * per edit. A required field left blank is not copied: it shows its
 * message instead, and the stored value stays.
 *
 * When the object changes from elsewhere (an undo, another view), fields
 * that the owner is not editing follow it. tp_form_flush() saves what is
 * pending at once: editors call it before they show another object,
 * delete or go away.
 *
 * Nobody's edit is lost to another's. Each field remembers the object's
 * value from when the owner began to edit it. When someone else changed
 * that value meanwhile (on another desktop: the change feed brought it
 * into the object, or the store refused the save as a conflict and the
 * form read the row again), the field shows their value and, under it, a
 * choice: Keep Theirs, or Put Back Mine. Fields that only they changed
 * follow them; fields that only the owner changed are saved over their
 * version without asking.
 */

typedef struct
{
  TpForm          *form;
  GtkWidget       *widget;
  const char      *widget_property;  /* interned */
  const char      *object_property;  /* interned */
  char            *required_message;
  TpFormTransform  to_object;
  TpFormTransform  to_widget;
  gpointer         user_data;
  gulong           notify_id;
  gboolean         debounce;
  gboolean         dirty;
  gboolean         invalid;
  GValue           base;      /* the object's value when the owner began this edit */
  GValue           mine;      /* in a conflict: the owner's value */
  GValue           stored;    /* while a save runs: the object's value before it */
  GtkWidget       *conflict;  /* in a conflict: the choice under the field (owned) */
  GtkLabel        *conflict_label;
} Field;

struct _TpForm
{
  GObject    parent_instance;

  TpStore   *store;
  GObject   *object;
  gulong     object_notify_id;
  GPtrArray *fields;
  GtkLabel  *error_label;
  char      *error;
  guint      save_source;
  gboolean   syncing;
};

G_DEFINE_FINAL_TYPE (TpForm, tp_form, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_OBJECT,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_clear_conflict (Field *field)
{
  GtkWidget *host = field->conflict;
  GtkWidget *parent;

  if (G_IS_VALUE (&field->mine))
    g_value_unset (&field->mine);

  if (host == NULL)
    return;

  field->conflict = NULL;
  field->conflict_label = NULL;
  parent = gtk_widget_get_parent (host);
  if (GTK_IS_LIST_BOX (parent))
    gtk_list_box_remove (GTK_LIST_BOX (parent), host);
  else if (GTK_IS_BOX (parent))
    gtk_box_remove (GTK_BOX (parent), host);
  g_object_unref (host);
}

static void
field_free (gpointer data)
{
  Field *field = data;

  field_clear_conflict (field);
  if (G_IS_VALUE (&field->base))
    g_value_unset (&field->base);
  if (G_IS_VALUE (&field->stored))
    g_value_unset (&field->stored);
  g_clear_signal_handler (&field->notify_id, field->widget);
  g_clear_object (&field->widget);
  g_free (field->required_message);
  g_free (field);
}

static void
set_error (TpForm     *self,
           const char *error)
{
  if (g_strcmp0 (self->error, error) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (error);

  if (self->error_label != NULL)
    {
      gtk_label_set_text (self->error_label, error != NULL ? error : "");
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
update_error (TpForm *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->invalid)
        {
          set_error (self, field->required_message);
          return;
        }
    }

  set_error (self, NULL);
}

static void
field_set_invalid (Field    *field,
                   gboolean  invalid)
{
  if (field->invalid == invalid)
    return;

  field->invalid = invalid;

  if (invalid)
    gtk_widget_add_css_class (field->widget, "error");
  else
    gtk_widget_remove_css_class (field->widget, "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (field->widget),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* A role that may only read sees the values but cannot type over them */
static gboolean
is_read_only (TpForm *self)
{
  return self->store != NULL && !_tp_store_can_write (self->store);
}

static gboolean
default_transform (const GValue *from,
                   GValue       *to)
{
  GType from_type = G_VALUE_TYPE (from);

  if (G_VALUE_HOLDS_ENUM (to))
    {
      guint selected;

      if (from_type != G_TYPE_UINT)
        return FALSE;

      selected = g_value_get_uint (from);
      if (selected == GTK_INVALID_LIST_POSITION)
        return FALSE;

      g_value_set_enum (to, (int) selected);
      return TRUE;
    }

  if (G_VALUE_HOLDS_ENUM (from) && G_VALUE_HOLDS_UINT (to))
    {
      g_value_set_uint (to, (guint) g_value_get_enum (from));
      return TRUE;
    }

  if (G_VALUE_HOLDS_DOUBLE (from) && G_VALUE_HOLDS_INT64 (to))
    {
      g_value_set_int64 (to, (gint64) round (g_value_get_double (from)));
      return TRUE;
    }

  if (G_VALUE_HOLDS_STRING (from) && G_VALUE_HOLDS_STRING (to))
    {
      const char *text = g_value_get_string (from);

      g_value_set_string (to, text != NULL ? text : "");
      return TRUE;
    }

  return g_value_transform (from, to);
}

static gboolean
field_read_widget (Field  *field,
                   GValue *object_value)
{
  GParamSpec *wspec = g_object_class_find_property (G_OBJECT_GET_CLASS (field->widget),
                                                    field->widget_property);
  g_auto(GValue) widget_value = G_VALUE_INIT;

  g_value_init (&widget_value, wspec->value_type);
  g_object_get_property (G_OBJECT (field->widget), field->widget_property, &widget_value);

  if (field->to_object != NULL)
    return field->to_object (&widget_value, object_value, field->user_data);

  return default_transform (&widget_value, object_value);
}

static GParamSpec *
field_object_pspec (Field *field)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (field->form->object),
                                       field->object_property);
}

static void
field_get_object_value (Field  *field,
                        GValue *value)
{
  g_value_init (value, field_object_pspec (field)->value_type);
  g_object_get_property (field->form->object, field->object_property, value);
}

/* Whether the object holds @value in the field's property */
static gboolean
field_object_holds (Field        *field,
                    const GValue *value)
{
  g_auto(GValue) current = G_VALUE_INIT;

  field_get_object_value (field, &current);
  return g_param_values_cmp (field_object_pspec (field), &current, value) == 0;
}

/* Shows @object_value, a value of the object's property, in the field. */
static void
field_show (Field        *field,
            const GValue *object_value)
{
  TpForm *self = field->form;
  GParamSpec *wspec = g_object_class_find_property (G_OBJECT_GET_CLASS (field->widget),
                                                    field->widget_property);
  g_auto(GValue) widget_value = G_VALUE_INIT;
  g_auto(GValue) current = G_VALUE_INIT;
  gboolean converted;

  g_value_init (&widget_value, wspec->value_type);
  if (field->to_widget != NULL)
    converted = field->to_widget (object_value, &widget_value, field->user_data);
  else
    converted = default_transform (object_value, &widget_value);

  if (!converted)
    return;

  /* Setting an entry's text moves its cursor: only set what differs. */
  g_value_init (&current, wspec->value_type);
  g_object_get_property (G_OBJECT (field->widget), field->widget_property, &current);
  if (g_param_values_cmp (wspec, &current, &widget_value) == 0)
    return;

  self->syncing = TRUE;
  g_object_set_property (G_OBJECT (field->widget), field->widget_property, &widget_value);
  self->syncing = FALSE;
}

/* Shows the object's value in the field. */
static void
field_load (Field *field)
{
  g_auto(GValue) object_value = G_VALUE_INIT;

  field_get_object_value (field, &object_value);
  field_show (field, &object_value);
}

static gboolean
save_timeout_cb (gpointer data)
{
  TpForm *self = data;

  self->save_source = 0;
  tp_form_flush (self);

  return G_SOURCE_REMOVE;
}

static void
on_field_notify_cb (GtkWidget  *widget,
                    GParamSpec *pspec,
                    Field      *field)
{
  TpForm *self = field->form;

  if (self->syncing || self->object == NULL)
    return;

  /* What the object held when the owner began: whoever changes it
   * meanwhile is someone else */
  if (!field->dirty && !G_IS_VALUE (&field->base))
    field_get_object_value (field, &field->base);
  field->dirty = TRUE;

  if (field->debounce)
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      self->save_source = g_timeout_add (TP_SAVE_DELAY_MS, save_timeout_cb, self);
      g_source_set_name_by_id (self->save_source, "[touchpoint] save form");
    }
  else
    {
      tp_form_flush (self);
    }
}

static void
on_object_notify_cb (GObject    *object,
                     GParamSpec *pspec,
                     TpForm     *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->dirty || field->object_property != g_intern_string (pspec->name))
        continue;

      field_load (field);
      if (field->invalid)
        {
          field_set_invalid (field, FALSE);
          update_error (self);
        }
    }
}

/* The conflict choice */

static void
keep_theirs_cb (GtkButton *button,
                Field     *field)
{
  field_clear_conflict (field);
  field_load (field);
}

static void
put_back_mine_cb (GtkButton *button,
                  Field     *field)
{
  TpForm *self = field->form;
  g_auto(GValue) mine = G_VALUE_INIT;

  g_value_init (&mine, G_VALUE_TYPE (&field->mine));
  g_value_copy (&field->mine, &mine);
  field_clear_conflict (field);

  /* As if the owner typed it again over their value */
  if (G_IS_VALUE (&field->base))
    g_value_unset (&field->base);
  field_get_object_value (field, &field->base);
  field_show (field, &mine);
  field->dirty = TRUE;
  tp_form_flush (self);
}

/* Puts @conflict right under the field: a row after the field's row in a
 * boxed list, or a child after it in a box. Returns what was inserted. */
static GtkWidget *
insert_under_field (Field     *field,
                    GtkWidget *conflict)
{
  for (GtkWidget *w = field->widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);

      if (GTK_IS_LIST_BOX_ROW (w) && GTK_IS_LIST_BOX (parent))
        {
          GtkWidget *row = gtk_list_box_row_new ();

          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
          gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), conflict);
          gtk_list_box_insert (GTK_LIST_BOX (parent), row,
                               gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (w)) + 1);
          return row;
        }

      if (GTK_IS_BOX (parent))
        {
          gtk_box_insert_child_after (GTK_BOX (parent), conflict, w);
          return conflict;
        }
    }

  return NULL;
}

/* Someone else changed the field's value while the owner edited it: the
 * field shows theirs, and under it the choice. */
static void
field_show_conflict (Field        *field,
                     const GValue *mine)
{
  g_autofree char *text = NULL;
  GtkWidget *box, *line, *icon, *label, *buttons, *keep, *put, *host;

  field_clear_conflict (field);
  g_value_init (&field->mine, G_VALUE_TYPE (mine));
  g_value_copy (mine, &field->mine);
  field_load (field);

  if (G_VALUE_HOLDS_STRING (mine) && g_value_get_string (mine) != NULL &&
      g_value_get_string (mine)[0] != '\0')
    {
      const char *typed = g_value_get_string (mine);
      g_autofree char *excerpt = NULL;

      /* The first 60 characters, on one line */
      if (g_utf8_strlen (typed, -1) > 60)
        excerpt = g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (typed, 60) - typed),
                                   typed);
      else
        excerpt = g_strdup (typed);

      g_strdelimit (excerpt, "\n\r\t", ' ');
      /* Translators: under a field; %s is what the owner had typed there */
      text = g_strdup_printf (_("Someone else changed this while you were editing. Yours was "
                                "“%s”."), excerpt);
    }
  else
    {
      text = g_strdup (_("Someone else changed this while you were editing."));
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "tp-conflict");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (line), icon);
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (box), line);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  keep = gtk_button_new_with_label (_("Keep Theirs"));
  put = gtk_button_new_with_label (_("Put Back Mine"));
  gtk_widget_set_tooltip_text (keep, _("Leave their value as it is"));
  gtk_widget_set_tooltip_text (put, _("Save your value over theirs"));
  g_signal_connect (keep, "clicked", G_CALLBACK (keep_theirs_cb), field);
  g_signal_connect (put, "clicked", G_CALLBACK (put_back_mine_cb), field);
  gtk_box_append (GTK_BOX (buttons), keep);
  gtk_box_append (GTK_BOX (buttons), put);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);

  host = insert_under_field (field, box);
  if (host == NULL)
    {
      /* Nowhere to put it: the form's error line says it instead */
      g_object_ref_sink (box);
      g_object_unref (box);
      set_error (field->form, text);
      return;
    }

  field->conflict = g_object_ref (host);
  field->conflict_label = GTK_LABEL (label);
}

/* The store refused the save: someone else stored the row meanwhile. The
 * object reads what they stored; each field the owner saved that they
 * did not change is saved again over their version, each field both
 * changed offers the choice. Returns whether everything was saved. */
static gboolean
resolve_conflict (TpForm    *self,
                  GObject   *object,
                  GPtrArray *written)
{
  g_autoptr(GError) error = NULL;
  gboolean again = FALSE;
  gboolean clean = TRUE;

  if (!tp_store_refresh (self->store, object, &error))
    {
      g_autofree char *text = _tp_marketing_error_text (error);

      set_error (self, text);
      return FALSE;
    }

  for (guint i = 0; i < written->len; i++)
    {
      Field *field = g_ptr_array_index (written, i);

      if (G_IS_VALUE (&field->base) && field_object_holds (field, &field->base))
        {
          g_object_set_property (object, field->object_property, &field->mine);
          g_value_unset (&field->mine);
          again = TRUE;
        }
      else
        {
          g_auto(GValue) mine = G_VALUE_INIT;

          g_value_init (&mine, G_VALUE_TYPE (&field->mine));
          g_value_copy (&field->mine, &mine);
          field_show_conflict (field, &mine);
          clean = FALSE;
        }
      if (G_IS_VALUE (&field->base))
        g_value_unset (&field->base);
      if (G_IS_VALUE (&field->stored))
        g_value_unset (&field->stored);
    }

  if (again && !_tp_marketing_save_object (self->store, object, &error))
    {
      g_autofree char *text = _tp_marketing_error_text (error);

      set_error (self, text);
      return FALSE;
    }

  return clean;
}

/**
 * tp_form_new:
 *
 * Returns: (transfer full): a form without fields
 */
TpForm *
tp_form_new (void)
{
  return g_object_new (TP_TYPE_FORM, NULL);
}

TpStore *
tp_form_get_store (TpForm *self)
{
  g_return_val_if_fail (TP_IS_FORM (self), NULL);

  return self->store;
}

void
tp_form_set_store (TpForm  *self,
                   TpStore *store)
{
  g_return_if_fail (TP_IS_FORM (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  tp_form_flush (self);

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      _tp_field_set_read_only (field->widget, is_read_only (self));
    }
}

/**
 * tp_form_get_object:
 * @self: a #TpForm
 *
 * Returns: (transfer none) (nullable): the object the fields edit
 */
GObject *
tp_form_get_object (TpForm *self)
{
  g_return_val_if_fail (TP_IS_FORM (self), NULL);

  return self->object;
}

/**
 * tp_form_set_object:
 * @self: a #TpForm
 * @object: (nullable): a stored object
 *
 * Saves what is pending for the old object, then shows @object in the
 * fields.
 */
void
tp_form_set_object (TpForm  *self,
                    GObject *object)
{
  g_return_if_fail (TP_IS_FORM (self));
  g_return_if_fail (object == NULL || G_IS_OBJECT (object));

  if (self->object == object)
    return;

  tp_form_flush (self);

  if (self->object != NULL)
    g_clear_signal_handler (&self->object_notify_id, self->object);

  g_set_object (&self->object, object);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      field->dirty = FALSE;
      field_clear_conflict (field);
      if (G_IS_VALUE (&field->base))
        g_value_unset (&field->base);
      field_set_invalid (field, FALSE);
      if (self->object != NULL)
        field_load (field);
    }
  set_error (self, NULL);

  if (self->object != NULL)
    self->object_notify_id = g_signal_connect (self->object, "notify",
                                               G_CALLBACK (on_object_notify_cb), self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECT]);
}

/**
 * tp_form_get_error:
 * @self: a #TpForm
 *
 * Returns: (nullable): what keeps the last edit from being saved
 */
const char *
tp_form_get_error (TpForm *self)
{
  g_return_val_if_fail (TP_IS_FORM (self), NULL);

  return self->error;
}

/**
 * tp_form_set_error_label:
 * @self: a #TpForm
 * @label: a label that shows the form's error, hidden while there is none
 */
void
tp_form_set_error_label (TpForm   *self,
                         GtkLabel *label)
{
  g_return_if_fail (TP_IS_FORM (self));
  g_return_if_fail (GTK_IS_LABEL (label));

  self->error_label = label;
  gtk_widget_set_visible (GTK_WIDGET (label), self->error != NULL);
}

/**
 * tp_form_add_field:
 * @self: a #TpForm
 * @widget: the widget
 * @widget_property: its property that holds the value
 * @object_property: the property of the object it edits
 * @required_message: (nullable): for a text that cannot be blank, what to
 *   say when it is
 *
 * Adds a field with the usual conversions: text to text, a switch to a
 * boolean, a selected position to an enumeration value, a spin button's
 * value to an integer.
 */
void
tp_form_add_field (TpForm     *self,
                   GtkWidget  *widget,
                   const char *widget_property,
                   const char *object_property,
                   const char *required_message)
{
  tp_form_add_field_full (self, widget, widget_property, object_property, required_message,
                          NULL, NULL, NULL);
}

/**
 * tp_form_add_field_full:
 * @self: a #TpForm
 * @widget: the widget
 * @widget_property: its property that holds the value
 * @object_property: the property of the object it edits
 * @required_message: (nullable): for a text that cannot be blank, what to
 *   say when it is
 * @to_object: (nullable): converts the widget's value
 * @to_widget: (nullable): converts the object's value
 * @user_data: for the conversions
 *
 * Adds a field with conversions of its own.
 */
void
tp_form_add_field_full (TpForm          *self,
                        GtkWidget       *widget,
                        const char      *widget_property,
                        const char      *object_property,
                        const char      *required_message,
                        TpFormTransform  to_object,
                        TpFormTransform  to_widget,
                        gpointer         user_data)
{
  g_autofree char *signal = NULL;
  GParamSpec *wspec;
  Field *field;

  g_return_if_fail (TP_IS_FORM (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  wspec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), widget_property);
  g_return_if_fail (wspec != NULL);

  field = g_new0 (Field, 1);
  field->form = self;
  field->widget = g_object_ref (widget);
  field->widget_property = g_intern_string (widget_property);
  field->object_property = g_intern_string (object_property);
  field->required_message = g_strdup (required_message);
  field->to_object = to_object;
  field->to_widget = to_widget;
  field->user_data = user_data;
  field->debounce = wspec->value_type == G_TYPE_STRING;

  signal = g_strconcat ("notify::", widget_property, NULL);
  field->notify_id = g_signal_connect (widget, signal, G_CALLBACK (on_field_notify_cb), field);

  g_ptr_array_add (self->fields, field);
  _tp_field_set_read_only (widget, is_read_only (self));

  if (self->object != NULL)
    field_load (field);
}

/**
 * tp_form_reload_field:
 * @self: a #TpForm
 * @widget: a field's widget
 *
 * Shows the object's value in the field again, after what its conversion
 * depends on changed (the choices of a combo row, say).
 */
void
tp_form_reload_field (TpForm    *self,
                      GtkWidget *widget)
{
  g_return_if_fail (TP_IS_FORM (self));

  if (self->object == NULL)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->widget == widget && !field->dirty)
        field_load (field);
    }
}

/**
 * tp_form_get_pending:
 * @self: a #TpForm
 *
 * Returns: whether an edit waits to be saved
 */
gboolean
tp_form_get_pending (TpForm *self)
{
  g_return_val_if_fail (TP_IS_FORM (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->dirty)
        return TRUE;
    }

  return FALSE;
}

/* A save was refused: the object holds what is stored again, so that
 * nothing looks saved that is not. A refused value stays in its field,
 * beside the error, for the owner to correct; after any other refusal
 * (the team database's connection lost, say) the fields show what is
 * stored too. */
static void
restore_stored (TpForm       *self,
                GObject      *object,
                GPtrArray    *written,
                const GError *error)
{
  g_object_freeze_notify (object);
  for (guint i = 0; i < written->len; i++)
    {
      Field *field = g_ptr_array_index (written, i);

      if (G_IS_VALUE (&field->stored))
        g_object_set_property (object, field->object_property, &field->stored);
    }
  g_signal_handler_block (object, self->object_notify_id);
  g_object_thaw_notify (object);
  g_signal_handler_unblock (object, self->object_notify_id);

  if (g_error_matches (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID) ||
      g_error_matches (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONSTRAINT))
    return;

  for (guint i = 0; i < written->len; i++)
    field_load (g_ptr_array_index (written, i));
}

/**
 * tp_form_flush:
 * @self: a #TpForm
 *
 * Saves the pending edits now, in one store call.
 *
 * Returns: %FALSE when something could not be saved (the form then shows
 *   why)
 */
gboolean
tp_form_flush (TpForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = NULL;
  g_autoptr(GPtrArray) written = NULL;
  gboolean changed = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (TP_IS_FORM (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->object == NULL || self->store == NULL || !tp_form_get_pending (self))
    return TRUE;

  object = g_object_ref (self->object);
  written = g_ptr_array_new ();

  g_object_freeze_notify (object);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (!field->dirty)
        continue;

      field->dirty = FALSE;

      g_value_init (&value, field_object_pspec (field)->value_type);
      if (!field_read_widget (field, &value))
        continue;

      if (field->required_message != NULL && G_VALUE_HOLDS_STRING (&value) &&
          _tp_marketing_is_blank (g_value_get_string (&value)))
        {
          field_set_invalid (field, TRUE);
          ok = FALSE;
          continue;
        }

      field_set_invalid (field, FALSE);

      /* Someone else changed it since the owner began (the change feed
       * brought it): theirs shows, and the choice */
      if (G_IS_VALUE (&field->base) && !field_object_holds (field, &field->base))
        {
          g_value_unset (&field->base);
          if (!field_object_holds (field, &value))
            {
              field_show_conflict (field, &value);
              ok = FALSE;
            }
          continue;
        }

      field_clear_conflict (field);
      if (G_IS_VALUE (&field->stored))
        g_value_unset (&field->stored);
      field_get_object_value (field, &field->stored);
      g_object_set_property (object, field->object_property, &value);
      g_value_init (&field->mine, G_VALUE_TYPE (&value));
      g_value_copy (&value, &field->mine);
      g_ptr_array_add (written, field);
      changed = TRUE;
    }

  /* The form's own changes must not come back into the fields. */
  g_signal_handler_block (object, self->object_notify_id);
  g_object_thaw_notify (object);
  g_signal_handler_unblock (object, self->object_notify_id);

  update_error (self);

  if (!changed)
    return ok;

  if (!_tp_marketing_save_object (self->store, object, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONFLICT))
        return resolve_conflict (self, object, written) && ok;

      text = _tp_marketing_error_text (error);
      g_debug ("Could not save %s: %s", G_OBJECT_TYPE_NAME (object), error->message);
      set_error (self, text);
      restore_stored (self, object, written, error);
      g_signal_emit (self, signals[SAVE_FAILED], 0, error);
      ok = FALSE;
    }

  for (guint i = 0; i < written->len; i++)
    {
      Field *field = g_ptr_array_index (written, i);

      if (G_IS_VALUE (&field->stored))
        g_value_unset (&field->stored);
      if (G_IS_VALUE (&field->mine))
        g_value_unset (&field->mine);
      if (G_IS_VALUE (&field->base))
        g_value_unset (&field->base);
    }

  return ok;
}

static void
tp_form_dispose (GObject *object)
{
  TpForm *self = TP_FORM (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->object != NULL)
    g_clear_signal_handler (&self->object_notify_id, self->object);
  g_clear_object (&self->object);
  g_clear_object (&self->store);
  g_ptr_array_set_size (self->fields, 0);
  self->error_label = NULL;

  G_OBJECT_CLASS (tp_form_parent_class)->dispose (object);
}

static void
tp_form_finalize (GObject *object)
{
  TpForm *self = TP_FORM (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (tp_form_parent_class)->finalize (object);
}

static void
tp_form_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  TpForm *self = TP_FORM (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_OBJECT:
      g_value_set_object (value, self->object);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_form_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  TpForm *self = TP_FORM (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_form_set_store (self, g_value_get_object (value));
      break;

    case PROP_OBJECT:
      tp_form_set_object (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_form_class_init (TpFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tp_form_dispose;
  object_class->finalize = tp_form_finalize;
  object_class->get_property = tp_form_get_property;
  object_class->set_property = tp_form_set_property;

  /**
   * TpForm:store:
   *
   * The store that saves the object.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpForm:object:
   *
   * The stored object the fields edit.
   */
  properties[PROP_OBJECT] =
    g_param_spec_object ("object", NULL, NULL,
                         G_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpForm::save-failed:
   * @form: the form
   * @error: why the store refused the save
   *
   * Emitted when the store refused to save the fields' values for another
   * reason than someone else's change (which the fields offer to resolve);
   * the object and its fields show the stored values again.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * TpForm:error:
   *
   * What keeps the last edit from being saved, for the owner to read.
   */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_form_init (TpForm *self)
{
  self->fields = g_ptr_array_new_with_free_func (field_free);
}
