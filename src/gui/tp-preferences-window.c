/* tp-preferences-window.c
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

#define G_LOG_DOMAIN "tp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-preferences-window.h"
#include "tp-read-only-private.h"

/*
 * The business settings that travel with the database: the touch band,
 * the follow-up interval and the currency. Each change is written to the
 * database's settings table through the store as soon as it is made; the
 * store then notifies every view that shows the band or the interval.
 * Whether to remind with the window closed is the computer's, not the
 * business's: a GSettings key, which TpApplication follows.
 */

struct _TpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwActionRow         *band_low_row;
  AdwActionRow         *band_high_row;
  GtkSpinButton        *band_low_spin;
  GtkSpinButton        *band_high_spin;
  GtkSpinButton        *followup_spin;
  GtkLabel             *followup_unit_label;
  AdwComboRow          *currency_row;
  AdwActionRow         *remind_row;
  GtkSwitch            *remind_switch;
  AdwEntryRow          *person_row;

  GSettings            *settings;        /* the app's preferences, not the business's */
  TpStore              *store;
  GPtrArray            *currency_codes;  /* char*, parallel to the combo row's model */
  guint                 updating;        /* > 0 while the widgets follow the store */
};

G_DEFINE_FINAL_TYPE (TpPreferencesWindow, tp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *code;
  const char *name;
} common_currencies[] = {
  { "EUR", N_("Euro") },
  { "USD", N_("US Dollar") },
  { "GBP", N_("British Pound") },
  { "CHF", N_("Swiss Franc") },
  { "CAD", N_("Canadian Dollar") },
  { "AUD", N_("Australian Dollar") },
  { "NZD", N_("New Zealand Dollar") },
  { "JPY", N_("Japanese Yen") },
  { "SEK", N_("Swedish Krona") },
  { "NOK", N_("Norwegian Krone") },
  { "DKK", N_("Danish Krone") },
  { "PLN", N_("Polish Złoty") },
  { "CZK", N_("Czech Koruna") },
  { "INR", N_("Indian Rupee") },
  { "BRL", N_("Brazilian Real") },
};

/**
 * tp_preferences_window_new:
 * @parent: (nullable): the window the preferences belong to
 * @store: the store whose settings they show
 *
 * Returns: (transfer full): a new preferences window
 */
TpPreferencesWindow *
tp_preferences_window_new (GtkWindow *parent,
                           TpStore   *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TP_IS_STORE (store), NULL);

  return g_object_new (TP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

/**
 * tp_preferences_window_get_store:
 * @self: a #TpPreferencesWindow
 *
 * Returns: (transfer none): the store whose settings the window shows
 */
TpStore *
tp_preferences_window_get_store (TpPreferencesWindow *self)
{
  g_return_val_if_fail (TP_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}

static void
show_error (TpPreferencesWindow *self,
            const GError        *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
set_band_error (TpPreferencesWindow *self,
                gboolean             invalid)
{
  if (invalid)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->band_high_spin), "error");
      adw_action_row_set_subtitle (self->band_high_row,
                                   _("Must be more than the fewest touches"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->band_high_spin), "error");
      adw_action_row_set_subtitle (self->band_high_row, _("Where the band ends"));
    }

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->band_high_spin),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
update_followup_unit (TpPreferencesWindow *self)
{
  guint days = (guint) gtk_spin_button_get_value_as_int (self->followup_spin);

  /* Translators: the unit after the follow-up interval's number, as in "14 days" */
  gtk_label_set_label (self->followup_unit_label, ngettext ("day", "days", days));
}

static void
load_currencies (TpPreferencesWindow *self)
{
  const char *current = tp_store_get_currency (self->store);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_ptr_array_set_size (self->currency_codes, 0);

  for (guint i = 0; i < G_N_ELEMENTS (common_currencies); i++)
    {
      /* Translators: a currency's name and its ISO 4217 code, as in "Euro (EUR)" */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"),
                                                gettext (common_currencies[i].name),
                                                common_currencies[i].code);

      if (g_strcmp0 (current, common_currencies[i].code) == 0)
        selected = i;

      gtk_string_list_append (names, label);
      g_ptr_array_add (self->currency_codes, g_strdup (common_currencies[i].code));
    }

  /* A code chosen elsewhere (an import, say) stays choosable. */
  if (selected == GTK_INVALID_LIST_POSITION && current != NULL)
    {
      selected = self->currency_codes->len;
      gtk_string_list_append (names, current);
      g_ptr_array_add (self->currency_codes, g_strdup (current));
    }

  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->currency_row, selected);
}

/* Shows what the store holds, without writing it back. */
static void
sync_from_store (TpPreferencesWindow *self)
{
  if (self->store == NULL)
    return;

  self->updating++;

  gtk_spin_button_set_value (self->band_low_spin, tp_store_get_band_low (self->store));
  gtk_spin_button_set_value (self->band_high_spin, tp_store_get_band_high (self->store));
  set_band_error (self, FALSE);
  gtk_spin_button_set_value (self->followup_spin, tp_store_get_followup_days (self->store));
  update_followup_unit (self);
  load_currencies (self);

  self->updating--;
}

static void
on_band_spin_value_changed_cb (TpPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint low, high;

  if (self->updating > 0 || self->store == NULL)
    return;

  low = (guint) gtk_spin_button_get_value_as_int (self->band_low_spin);
  high = (guint) gtk_spin_button_get_value_as_int (self->band_high_spin);

  /* The band keeps its last valid value until both ends make sense. */
  set_band_error (self, low >= high);
  if (low >= high)
    return;

  if (low == tp_store_get_band_low (self->store) && high == tp_store_get_band_high (self->store))
    return;

  if (!tp_store_set_band (self->store, low, high, &error))
    show_error (self, error);
}

static void
on_followup_spin_value_changed_cb (TpPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint days;

  update_followup_unit (self);

  if (self->updating > 0 || self->store == NULL)
    return;

  days = (guint) gtk_spin_button_get_value_as_int (self->followup_spin);
  if (days == tp_store_get_followup_days (self->store))
    return;

  if (!tp_store_set_followup_days (self->store, days, &error))
    show_error (self, error);
}

static void
on_currency_row_selected_cb (TpPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint selected;
  const char *code;

  if (self->updating > 0 || self->store == NULL)
    return;

  selected = adw_combo_row_get_selected (self->currency_row);
  if (selected >= self->currency_codes->len)
    return;

  code = g_ptr_array_index (self->currency_codes, selected);
  if (g_strcmp0 (code, tp_store_get_currency (self->store)) == 0)
    return;

  if (!tp_store_set_currency (self->store, code, &error))
    show_error (self, error);
}

static void
on_store_band_changed_cb (TpPreferencesWindow *self)
{
  guint low = (guint) gtk_spin_button_get_value_as_int (self->band_low_spin);
  guint high = (guint) gtk_spin_button_get_value_as_int (self->band_high_spin);

  /* Leave a half-typed band alone when the store only echoes it. */
  if (low == tp_store_get_band_low (self->store) && high == tp_store_get_band_high (self->store))
    return;

  sync_from_store (self);
}

static void
on_store_followup_days_changed_cb (TpPreferencesWindow *self)
{
  if ((guint) gtk_spin_button_get_value_as_int (self->followup_spin) == tp_store_get_followup_days (self->store))
    return;

  sync_from_store (self);
}

static void
on_store_currency_changed_cb (TpPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->currency_row);

  if (selected < self->currency_codes->len &&
      g_strcmp0 (g_ptr_array_index (self->currency_codes, selected),
                 tp_store_get_currency (self->store)) == 0)
    return;

  sync_from_store (self);
}

static void
set_store (TpPreferencesWindow *self,
           TpStore             *store)
{
  g_assert (self->store == NULL);

  if (store == NULL)
    return;

  self->store = g_object_ref (store);

  g_signal_connect_object (store, "notify::band-low",
                           G_CALLBACK (on_store_band_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::band-high",
                           G_CALLBACK (on_store_band_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::followup-days",
                           G_CALLBACK (on_store_followup_days_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::currency",
                           G_CALLBACK (on_store_currency_changed_cb), self, G_CONNECT_SWAPPED);

  /* The business's settings: a role that may only read sees them */
  _tp_field_set_read_only (GTK_WIDGET (self->band_low_spin), !_tp_store_can_write (store));
  _tp_field_set_read_only (GTK_WIDGET (self->band_high_spin), !_tp_store_can_write (store));
  _tp_field_set_read_only (GTK_WIDGET (self->followup_spin), !_tp_store_can_write (store));
  _tp_field_set_read_only (GTK_WIDGET (self->currency_row), !_tp_store_can_write (store));

  sync_from_store (self);
}

static void
tp_preferences_window_dispose (GObject *object)
{
  TpPreferencesWindow *self = TP_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_preferences_window_parent_class)->dispose (object);
}

static void
tp_preferences_window_finalize (GObject *object)
{
  TpPreferencesWindow *self = TP_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->currency_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (tp_preferences_window_parent_class)->finalize (object);
}

static void
tp_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TpPreferencesWindow *self = TP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TpPreferencesWindow *self = TP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_preferences_window_class_init (TpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_preferences_window_dispose;
  object_class->finalize = tp_preferences_window_finalize;
  object_class->get_property = tp_preferences_window_get_property;
  object_class->set_property = tp_preferences_window_set_property;

  /**
   * TpPreferencesWindow:store:
   *
   * The store whose settings the window shows and changes.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TpPreferencesWindow, band_low_row);
  gtk_widget_class_bind_template_child (widget_class, TpPreferencesWindow, band_high_row);
  gtk_widget_class_bind_template_child (widget_class, TpPreferencesWindow, band_low_spin);
  gtk_widget_class_bind_template_child (widget_class, TpPreferencesWindow, band_high_spin);
  gtk_widget_class_bind_template_child (widget_class, TpPreferencesWindow, followup_spin);
  gtk_widget_class_bind_template_child (widget_class, TpPreferencesWindow, followup_unit_label);
  gtk_widget_class_bind_template_child (widget_class, TpPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, TpPreferencesWindow, remind_row);
  gtk_widget_class_bind_template_child (widget_class, TpPreferencesWindow, remind_switch);
  gtk_widget_class_bind_template_child (widget_class, TpPreferencesWindow, person_row);
  gtk_widget_class_bind_template_callback (widget_class, on_band_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_followup_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_currency_row_selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tp_preferences_window_init (TpPreferencesWindow *self)
{
  self->currency_codes = g_ptr_array_new_with_free_func (g_free);

  /* The template's signals must not write while it builds itself. */
  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating--;

  update_followup_unit (self);

  self->settings = g_settings_new (BASE_ID);
  g_settings_bind (self->settings, "person-name", self->person_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "remind-when-closed", self->remind_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}
