/* tp-log-touch-dialog.c
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

#define G_LOG_DOMAIN "tp-log-touch-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-core-enum-types.h"
#include "tp-log-touch-dialog.h"
#include "tp-customer-list.h"
#include "tp-sales-util-private.h"
#include "tp-toast-private.h"

/*
 * TpLogTouchDialog logs one touch against one customer: the most frequent
 * thing an owner does here, so it asks for three things at most (channel,
 * when, an optional note), defaults the time to now and the channel to the
 * one logged last, and saves on Enter. Direction and tactic sit below for
 * those who want them, and the place (of the tactic's audience, or of the
 * customer's) where the touch happened. A time that lies ahead makes the touch a planned
 * one (done = FALSE): a to-do in Follow-Ups until it is marked done.
 *
 * Opened without a customer (Ctrl+T outside a customer's page), it asks
 * for one first: a search at the top, through TpCustomerList (which
 * queries on its worker), whose first matches show below it; Enter takes
 * the first. It starts on the customer a touch was logged with last.
 */

/* How many matches of the customer search show. */
#define MAX_MATCHES 5

struct _TpLogTouchDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwPreferencesGroup *customer_group;
  AdwEntryRow    *customer_row;
  GtkListBox     *matches_list;
  AdwComboRow    *channel_row;
  AdwEntryRow    *when_row;
  AdwEntryRow    *note_row;
  AdwComboRow    *direction_row;
  AdwComboRow    *tactic_row;
  AdwComboRow    *place_row;
  GtkLabel       *planned_label;
  GtkLabel       *error_label;

  TpStore        *store;
  TpCustomer     *customer;
  GArray         *tactic_ids;  /* gint64 per tactic row item; 0 is none */
  GArray         *place_ids;   /* gint64 per place row item; 0 is none */
  gint64          places_of;   /* the audience whose places place_row offers */

  TpCustomerList *matches;     /* only while searching for a customer */
  gboolean        pick_first;  /* Enter came before the matches */
  gboolean        picking;
};

G_DEFINE_FINAL_TYPE (TpLogTouchDialog, tp_log_touch_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The data key on a TpStore of the id of the customer logged last. */
#define LAST_CUSTOMER_KEY "tp-log-touch-last-customer"

/* The settings key of the channel logged last, offered first next time. */
#define LAST_CHANNEL_KEY "last-channel"

/* The channel logged last (any time before, in any window), or email. */
static TpChannel
get_last_channel (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *nick = g_settings_get_string (settings, LAST_CHANNEL_KEY);
  int channel;

  return tp_enum_from_nick (TP_TYPE_CHANNEL, nick, &channel) ? channel : TP_CHANNEL_EMAIL;
}

static void
set_last_channel (TpChannel channel)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  g_settings_set_string (settings, LAST_CHANNEL_KEY, tp_enum_to_nick (TP_TYPE_CHANNEL, channel));
}

static void
show_error (TpLogTouchDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_when_row_changed_cb (TpLogTouchDialog *self)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gboolean planned;

  when = _tp_parse_entry_time (gtk_editable_get_text (GTK_EDITABLE (self->when_row)), NULL);
  planned = when != NULL && g_date_time_compare (when, now) > 0;

  if (when == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->when_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->when_row), "error");

  gtk_widget_set_visible (GTK_WIDGET (self->planned_label), planned);
  gtk_button_set_label (self->save_button, planned ? _("_Plan") : _("_Log"));
  show_error (self, NULL);
}

static void fill_places (TpLogTouchDialog *self);

static void
set_customer (TpLogTouchDialog *self,
              TpCustomer       *customer)
{
  g_set_object (&self->customer, customer);
  fill_places (self);
  adw_window_title_set_subtitle (self->window_title,
                                 customer != NULL ? tp_customer_get_name (customer) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
}

static void
pick_customer (TpLogTouchDialog *self,
               TpCustomer       *customer)
{
  self->pick_first = FALSE;
  set_customer (self, customer);

  self->picking = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->customer_row), tp_customer_get_name (customer));
  gtk_editable_set_position (GTK_EDITABLE (self->customer_row), -1);
  self->picking = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->matches_list), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->customer_row), "error");
  show_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
}

static void
on_match_activated_cb (TpLogTouchDialog *self,
                       AdwActionRow     *row)
{
  TpCustomer *customer = g_object_get_data (G_OBJECT (row), "tp-customer");

  if (customer != NULL)
    pick_customer (self, customer);
}

static void
on_matches_list_row_activated_cb (TpLogTouchDialog *self,
                                  GtkListBoxRow    *row)
{
  on_match_activated_cb (self, ADW_ACTION_ROW (row));
}

static void
update_matches (TpLogTouchDialog *self)
{
  GtkWidget *child;
  guint n_items;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matches_list))) != NULL)
    gtk_list_box_remove (self->matches_list, child);

  if (self->matches == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->matches_list), FALSE);
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->matches));
  for (guint i = 0; i < MIN (n_items, MAX_MATCHES); i++)
    {
      g_autoptr(TpCustomer) customer = g_list_model_get_item (G_LIST_MODEL (self->matches), i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tp_customer_get_name (customer));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "tp-customer", g_object_ref (customer), g_object_unref);
      gtk_list_box_append (self->matches_list, row);
    }

  if (n_items > MAX_MATCHES)
    {
      g_autofree char *more = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: below the first matches of the customer search */
      more = g_strdup_printf (ngettext ("and %u more: type more of the name",
                                        "and %u more: type more of the name",
                                        n_items - MAX_MATCHES),
                              n_items - MAX_MATCHES);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_can_focus (row, FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->matches_list, row);
    }

  if (n_items == 0 && !tp_customer_list_get_loading (self->matches))
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No customer has that name"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_can_focus (row, FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->matches_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->matches_list), TRUE);
}

static void
on_matches_changed_cb (TpLogTouchDialog *self)
{
  update_matches (self);

  /* Enter came while the worker was still searching. */
  if (self->pick_first && !tp_customer_list_get_loading (self->matches))
    {
      self->pick_first = FALSE;
      if (g_list_model_get_n_items (G_LIST_MODEL (self->matches)) > 0)
        {
          g_autoptr(TpCustomer) first = g_list_model_get_item (G_LIST_MODEL (self->matches), 0);

          pick_customer (self, first);
        }
    }
}

static void
on_customer_row_changed_cb (TpLogTouchDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->customer_row));

  if (self->picking || self->store == NULL)
    return;

  /* Typing chooses anew. */
  if (self->customer != NULL)
    set_customer (self, NULL);
  self->pick_first = FALSE;

  /* An empty search would list every customer: wait for a letter. */
  if (text[0] == '\0')
    {
      if (self->matches != NULL)
        g_signal_handlers_disconnect_by_data (self->matches, self);
      g_clear_object (&self->matches);
      update_matches (self);
      return;
    }

  if (self->matches == NULL)
    {
      self->matches = tp_customer_list_new (self->store);
      g_signal_connect_object (self->matches, "items-changed",
                               G_CALLBACK (on_matches_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->matches, "notify::loading",
                               G_CALLBACK (on_matches_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  tp_customer_list_set_search_text (self->matches, text);
}

static void
on_customer_row_activated_cb (TpLogTouchDialog *self)
{
  if (self->customer != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
      return;
    }

  if (self->matches == NULL)
    return;

  self->pick_first = TRUE;
  on_matches_changed_cb (self);
}

/**
 * tp_log_touch_dialog_save:
 * @self: a #TpLogTouchDialog
 *
 * Stores the touch as filled in and closes the dialog; when something is
 * wrong, says what inline and keeps the dialog open.
 *
 * Returns: whether the touch was stored
 */
gboolean
tp_log_touch_dialog_save (TpLogTouchDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(TpTouch) touch = NULL;
  g_autofree char *happened_at = NULL;
  g_autofree char *title = NULL;
  g_autofree char *kind = NULL;
  TpChannel channel;
  guint tactic;
  guint place;
  guint count;
  gboolean planned;

  g_return_val_if_fail (TP_IS_LOG_TOUCH_DIALOG (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (self->customer == NULL)
    {
      show_error (self, _("Choose the customer the touch was with."));
      gtk_widget_add_css_class (GTK_WIDGET (self->customer_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->customer_row));
      return FALSE;
    }

  when = _tp_parse_entry_time (gtk_editable_get_text (GTK_EDITABLE (self->when_row)), &error);
  if (when == NULL)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->when_row));
      return FALSE;
    }

  utc = g_date_time_to_utc (when);
  happened_at = tp_schema_format_time (utc);
  planned = _tp_is_future (happened_at);
  channel = adw_combo_row_get_selected (self->channel_row);
  tactic = adw_combo_row_get_selected (self->tactic_row);
  place = adw_combo_row_get_selected (self->place_row);

  touch = tp_touch_new ();
  tp_touch_set_customer_id (touch, tp_record_get_id (TP_RECORD (self->customer)));
  tp_touch_set_happened_at (touch, happened_at);
  tp_touch_set_channel (touch, channel);
  tp_touch_set_direction (touch, adw_combo_row_get_selected (self->direction_row));
  tp_touch_set_note (touch, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  if (tactic != GTK_INVALID_LIST_POSITION && tactic < self->tactic_ids->len)
    tp_touch_set_tactic_id (touch, g_array_index (self->tactic_ids, gint64, tactic));
  if (place != GTK_INVALID_LIST_POSITION && place < self->place_ids->len)
    tp_touch_set_place_id (touch, g_array_index (self->place_ids, gint64, place));
  tp_touch_set_done (touch, !planned);

  if (!tp_store_add_touch (self->store, touch, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  set_last_channel (channel);
  g_object_set_data (G_OBJECT (self->store), LAST_CUSTOMER_KEY,
                     GSIZE_TO_POINTER ((gsize) tp_record_get_id (TP_RECORD (self->customer))));

  /* Touches logged in a row with the same customer say so in one toast. */
  kind = g_strdup_printf ("%s:%" G_GINT64_FORMAT, planned ? "touch-planned" : "touch-logged",
                          tp_record_get_id (TP_RECORD (self->customer)));
  count = _tp_toast_count (GTK_WIDGET (self), kind);
  if (planned)
    {
      g_autofree char *date = _tp_format_date_time (happened_at);

      /* Translators: the first %s is a customer's name, the second a date */
      title = g_strdup_printf (_("Touch with %s planned for %s"),
                               tp_customer_get_name (self->customer), date);
    }
  else if (count == 1)
    {
      /* Translators: %s is a customer's name */
      title = g_strdup_printf (_("Touch with %s logged"), tp_customer_get_name (self->customer));
    }
  else
    {
      /* Translators: touches logged one after another; %s is a customer's name */
      title = g_strdup_printf (ngettext ("%u touch with %s logged", "%u touches with %s logged", count),
                               count, tp_customer_get_name (self->customer));
    }
  _tp_toast_show_kind (GTK_WIDGET (self), adw_toast_new (title), kind);

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tp_log_touch_dialog_save (TP_LOG_TOUCH_DIALOG (widget));
}

static GListModel *
enum_labels (guint         n_values,
             const char *(*get_label) (int value))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_values; i++)
    gtk_string_list_append (list, get_label ((int)i));

  return G_LIST_MODEL (list);
}

static const char *
channel_label (int value)
{
  return tp_channel_get_label (value);
}

static const char *
direction_label (int value)
{
  return tp_direction_get_label (value);
}

static void
fill_tactics (TpLogTouchDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) tactics = NULL;
  gint64 none = 0;

  g_array_set_size (self->tactic_ids, 0);
  gtk_string_list_append (names, C_("tactic", "None"));
  g_array_append_val (self->tactic_ids, none);

  if (self->store != NULL)
    {
      tactics = tp_store_list_tactics (self->store);
      for (guint i = 0; i < g_list_model_get_n_items (tactics); i++)
        {
          g_autoptr(TpTactic) tactic = g_list_model_get_item (tactics, i);
          gint64 id = tp_record_get_id (TP_RECORD (tactic));

          gtk_string_list_append (names, tp_tactic_get_name (tactic));
          g_array_append_val (self->tactic_ids, id);
        }
    }

  adw_combo_row_set_model (self->tactic_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->tactic_row, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tactic_row),
                            g_list_model_get_n_items (G_LIST_MODEL (names)) > 1);
}

/* The places of the chosen tactic's audience, or else of the customer's */
static void
fill_places (TpLogTouchDialog *self)
{
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GListModel) places = NULL;
  gint64 audience_id = 0;
  gint64 none = 0;
  guint tactic;

  if (self->store == NULL || self->place_ids == NULL)
    return;

  tactic = adw_combo_row_get_selected (self->tactic_row);
  if (tactic != GTK_INVALID_LIST_POSITION && tactic > 0 && tactic < self->tactic_ids->len)
    {
      g_autoptr(TpTactic) chosen = NULL;

      chosen = tp_store_get_tactic (self->store, g_array_index (self->tactic_ids, gint64, tactic),
                                    NULL);
      if (chosen != NULL)
        audience_id = tp_tactic_get_audience_id (chosen);
    }
  if (audience_id == 0 && self->customer != NULL)
    audience_id = tp_customer_get_audience_id (self->customer);

  if (audience_id == self->places_of && self->place_ids->len > 0)
    return;
  self->places_of = audience_id;

  names = gtk_string_list_new (NULL);
  g_array_set_size (self->place_ids, 0);
  gtk_string_list_append (names, C_("place", "None"));
  g_array_append_val (self->place_ids, none);

  if (audience_id > 0)
    {
      places = tp_store_list_places (self->store, audience_id);
      for (guint i = 0; i < g_list_model_get_n_items (places); i++)
        {
          g_autoptr(TpPlace) place = g_list_model_get_item (places, i);
          gint64 id = tp_record_get_id (TP_RECORD (place));

          gtk_string_list_append (names, tp_place_get_name (place));
          g_array_append_val (self->place_ids, id);
        }
    }

  adw_combo_row_set_model (self->place_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->place_row, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->place_row),
                            g_list_model_get_n_items (G_LIST_MODEL (names)) > 1);
}

static void
on_tactic_row_selected_cb (TpLogTouchDialog *self)
{
  fill_places (self);
}

/**
 * tp_log_touch_dialog_new:
 * @store: the store to log into
 * @customer: (nullable): the customer the touch was with, or %NULL to
 *   ask for one
 *
 * Returns: (transfer full): a new dialog; set its transient parent and
 *   present it
 */
TpLogTouchDialog *
tp_log_touch_dialog_new (TpStore    *store,
                         TpCustomer *customer)
{
  g_return_val_if_fail (TP_IS_STORE (store), NULL);
  g_return_val_if_fail (customer == NULL || TP_IS_CUSTOMER (customer), NULL);

  return g_object_new (TP_TYPE_LOG_TOUCH_DIALOG,
                       "store", store,
                       "customer", customer,
                       NULL);
}

TpStore *
tp_log_touch_dialog_get_store (TpLogTouchDialog *self)
{
  g_return_val_if_fail (TP_IS_LOG_TOUCH_DIALOG (self), NULL);

  return self->store;
}

TpCustomer *
tp_log_touch_dialog_get_customer (TpLogTouchDialog *self)
{
  g_return_val_if_fail (TP_IS_LOG_TOUCH_DIALOG (self), NULL);

  return self->customer;
}

static void
tp_log_touch_dialog_constructed (GObject *object)
{
  TpLogTouchDialog *self = TP_LOG_TOUCH_DIALOG (object);

  G_OBJECT_CLASS (tp_log_touch_dialog_parent_class)->constructed (object);

  fill_tactics (self);
  fill_places (self);

  if (self->customer != NULL)
    {
      adw_window_title_set_subtitle (self->window_title, tp_customer_get_name (self->customer));
    }
  else if (self->store != NULL)
    {
      gint64 last_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self->store), LAST_CUSTOMER_KEY));
      g_autoptr(TpCustomer) last = NULL;

      gtk_widget_set_visible (GTK_WIDGET (self->customer_group), TRUE);
      if (last_id > 0)
        last = tp_store_get_customer (self->store, last_id, NULL);

      if (last != NULL)
        {
          self->picking = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->customer_row), tp_customer_get_name (last));
          self->picking = FALSE;
          set_customer (self, last);
        }

      /* Typing replaces the customer offered. */
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->customer_row));
      gtk_editable_select_region (GTK_EDITABLE (self->customer_row), 0, -1);
    }
}

static void
tp_log_touch_dialog_dispose (GObject *object)
{
  TpLogTouchDialog *self = TP_LOG_TOUCH_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_LOG_TOUCH_DIALOG);

  if (self->matches != NULL)
    g_signal_handlers_disconnect_by_data (self->matches, self);
  g_clear_object (&self->matches);
  g_clear_object (&self->store);
  g_clear_object (&self->customer);

  G_OBJECT_CLASS (tp_log_touch_dialog_parent_class)->dispose (object);
}

static void
tp_log_touch_dialog_finalize (GObject *object)
{
  TpLogTouchDialog *self = TP_LOG_TOUCH_DIALOG (object);

  g_clear_pointer (&self->tactic_ids, g_array_unref);
  g_clear_pointer (&self->place_ids, g_array_unref);

  G_OBJECT_CLASS (tp_log_touch_dialog_parent_class)->finalize (object);
}

static void
tp_log_touch_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TpLogTouchDialog *self = TP_LOG_TOUCH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_log_touch_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TpLogTouchDialog *self = TP_LOG_TOUCH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CUSTOMER:
      self->customer = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_log_touch_dialog_class_init (TpLogTouchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tp_log_touch_dialog_constructed;
  object_class->dispose = tp_log_touch_dialog_dispose;
  object_class->finalize = tp_log_touch_dialog_finalize;
  object_class->get_property = tp_log_touch_dialog_get_property;
  object_class->set_property = tp_log_touch_dialog_set_property;

  /**
   * TpLogTouchDialog:store:
   *
   * The store the touch goes into.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TpLogTouchDialog:customer:
   *
   * The customer the touch was with: when it was %NULL at construction,
   * the one chosen in the dialog's search.
   */
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         TP_TYPE_CUSTOMER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-log-touch-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TpLogTouchDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TpLogTouchDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TpLogTouchDialog, customer_group);
  gtk_widget_class_bind_template_child (widget_class, TpLogTouchDialog, customer_row);
  gtk_widget_class_bind_template_child (widget_class, TpLogTouchDialog, matches_list);
  gtk_widget_class_bind_template_child (widget_class, TpLogTouchDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, TpLogTouchDialog, when_row);
  gtk_widget_class_bind_template_child (widget_class, TpLogTouchDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, TpLogTouchDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, TpLogTouchDialog, tactic_row);
  gtk_widget_class_bind_template_child (widget_class, TpLogTouchDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, TpLogTouchDialog, planned_label);
  gtk_widget_class_bind_template_child (widget_class, TpLogTouchDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_when_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tactic_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_matches_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "touch.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tp_log_touch_dialog_init (TpLogTouchDialog *self)
{
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(GListModel) directions = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *now_text = _tp_format_entry_time (now);

  self->tactic_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->place_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->places_of = -1;

  /* A dialog to a screen reader, not a "filler": the role must be in
   * place before the template creates the accessible. */
  g_object_set (self, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  channels = enum_labels (TP_CHANNEL_OTHER + 1, channel_label);
  adw_combo_row_set_model (self->channel_row, channels);
  adw_combo_row_set_selected (self->channel_row, get_last_channel ());

  directions = enum_labels (TP_DIRECTION_INBOUND + 1, direction_label);
  adw_combo_row_set_model (self->direction_row, directions);
  adw_combo_row_set_selected (self->direction_row, TP_DIRECTION_OUTBOUND);

  _tp_setup_date_row (self->when_row);
  gtk_editable_set_text (GTK_EDITABLE (self->when_row), now_text);

  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->note_row));
}
