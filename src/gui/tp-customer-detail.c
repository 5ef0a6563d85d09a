/* tp-customer-detail.c
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

#define G_LOG_DOMAIN "tp-customer-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-customer-detail.h"
#include "tp-form.h"
#include "tp-head-list-model.h"
#include "tp-log-touch-dialog.h"
#include "tp-order-dialog.h"
#include "tp-read-only-private.h"
#include "tp-results.h"
#include "tp-sales-util-private.h"
#include "tp-toast-private.h"

/*
 * TpCustomerDetail shows one customer: the contact fields, saved as they
 * are typed (a short pause after the last key, then one transaction), the
 * stage, the touch count against the band, the touch timeline newest
 * first, with planned touches marked and a Mark Done button, and the
 * customer's orders.
 *
 * It holds the store's live TpCustomer, so that whatever changes the row
 * (a logged touch, an order that moves the stage) shows here at once.
 * Edits are written from a copy, so that the live object only ever holds
 * what the file holds.
 *
 * The timeline shows the newest TOUCHES_PAGE touches and grows on request:
 * opening a customer with 1,000 touches builds a page of rows, not 1,000.
 * A TpHeadListModel gives it the page, so that a new touch builds one row
 * rather than the whole page again.
 */

#define SAVE_DELAY_MS 400
#define TOUCHES_PAGE  10

struct _TpCustomerDetail
{
  GtkWidget          parent_instance;

  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkLabel          *name_label;
  GtkLabel          *stage_label;
  GtkLabel          *band_label;
  AdwEntryRow       *name_row;
  AdwEntryRow       *email_row;
  AdwEntryRow       *phone_row;
  AdwComboRow       *stage_row;
  AdwComboRow       *audience_row;
  AdwComboRow       *source_row;
  GtkTextView       *notes_view;
  GtkListBox        *touches_list;
  GtkButton         *more_touches_button;
  GtkListBox        *orders_list;

  TpStore           *store;
  GStrv              people;      /* (nullable): the people the rows name, once read */
  TpCustomer        *customer;
  TpForm            *form;      /* name, email and phone */
  GListModel        *touches;
  TpHeadListModel   *touches_page;
  GtkFilterListModel *touches_by;   /* the touches of timeline_person, or all */
  GtkCustomFilter   *person_filter;
  GtkDropDown       *person_dropdown; /* shows once the rows name two people */
  char              *timeline_person;
  GListModel        *orders;
  GListModel        *audiences;
  GArray            *audience_ids;  /* gint64 per audience row item; 0 is none */

  guint              save_id;
  guint              lists_id;
  gboolean           loading;
};

G_DEFINE_FINAL_TYPE (TpCustomerDetail, tp_customer_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_fields (TpCustomerDetail *self);

static char *
get_notes_text (TpCustomerDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Labels */

/* "Came through": the first touch's tactic, place and channel, as Results
 * counts it */
static void
update_came_through (TpCustomerDetail *self)
{
  g_auto(TpCameThrough) first = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *channel;

  if (self->customer == NULL || self->store == NULL)
    return;

  if (!tp_results_came_through (tp_store_get_database (self->store),
                                tp_record_get_id (TP_RECORD (self->customer)), &first, &error))
    g_debug ("No first touch: %s", error->message);

  channel = tp_channel_get_label (first.channel);
  if (first.touch_id == 0)
    text = g_strdup (_("The channel that first brought them"));
  else if (first.tactic != NULL && first.place != NULL)
    /* Translators: how a customer came through: their first touch's tactic,
     * its place and its channel: “First touch: Market stall, at Riverside
     * Market (Event)” */
    text = g_strdup_printf (_("First touch: %s, at %s (%s)"), first.tactic, first.place, channel);
  else if (first.tactic != NULL)
    /* Translators: how a customer came through: their first touch's tactic
     * and its channel */
    text = g_strdup_printf (_("First touch: %s (%s)"), first.tactic, channel);
  else if (first.place != NULL)
    /* Translators: how a customer came through: their first touch's place
     * and its channel */
    text = g_strdup_printf (_("First touch: at %s (%s)"), first.place, channel);
  else
    /* Translators: how a customer came through: their first touch's channel */
    text = g_strdup_printf (_("First touch: %s"), channel);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->source_row), text);
}

static void
update_band (TpCustomerDetail *self)
{
  static const char * const classes[] = { "tp-band-under", "tp-band-inside", "tp-band-over" };
  g_autofree char *text = NULL;
  guint touches, low, high, which;

  if (self->customer == NULL || self->store == NULL)
    return;

  touches = (guint)tp_customer_get_touch_count (self->customer);
  low = tp_store_get_band_low (self->store);
  high = tp_store_get_band_high (self->store);
  which = touches < low ? 0 : touches <= high ? 1 : 2;

  text = _tp_band_text (touches, low, high);
  gtk_label_set_label (self->band_label, text);
  update_came_through (self);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (i == which)
        gtk_widget_add_css_class (GTK_WIDGET (self->band_label), classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->band_label), classes[i]);
    }
}

static gboolean shows_person (TpCustomerDetail *self,
                              const char       *person);

/* Who set the stage, once the rows name more than one person */
static void
update_stage_person (TpCustomerDetail *self)
{
  const char *person = tp_customer_get_stage_person (self->customer);
  g_autofree char *text = NULL;

  if (shows_person (self, person))
    /* Translators: under a customer's stage; %s is the person who set it */
    text = g_strdup_printf (_("Set by %s"), person);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->stage_row), text != NULL ? text : "");
}

static void
update_labels (TpCustomerDetail *self)
{
  const char *typed;

  if (self->customer == NULL)
    return;

  /* The heading follows the name as it is typed. */
  typed = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  gtk_label_set_label (self->name_label,
                       typed[0] != '\0' ? typed : tp_customer_get_name (self->customer));
  gtk_label_set_label (self->stage_label, tp_stage_get_label (tp_customer_get_stage (self->customer)));
  update_stage_person (self);
  update_band (self);
}

/* Saving */

static gboolean
email_is_valid (const char *email)
{
  const TpSchemaColumn *column;

  column = tp_schema_table_find_column (tp_schema_find_table ("customers"), "email");
  return tp_schema_column_check_text (column, email, NULL);
}

/* The name and the address are saved without the spaces around them; an
 * address being typed is kept back until it is one. */
static gboolean
stripped_text (const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  g_autofree char *text = g_strstrip (g_strdup (g_value_get_string (from) != NULL
                                                ? g_value_get_string (from) : ""));

  if (user_data != NULL && !email_is_valid (text))
    return FALSE;

  g_value_set_string (to, text);
  return TRUE;
}

/**
 * tp_customer_detail_save_now:
 * @self: a #TpCustomerDetail
 *
 * Writes what was typed and not saved yet, in one transaction.
 */
void
tp_customer_detail_save_now (TpCustomerDetail *self)
{
  g_autoptr(TpCustomer) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *email = NULL;
  g_autofree char *notes = NULL;
  guint audience, source;
  gboolean changed = FALSE;

  g_return_if_fail (TP_IS_CUSTOMER_DETAIL (self));

  g_clear_handle_id (&self->save_id, g_source_remove);

  if (self->customer == NULL || self->store == NULL)
    return;

  /* The contact fields save through the form, which offers the choice
   * when someone else changed one of them meanwhile */
  tp_form_flush (self->form);

  /* An address being typed is kept back, marked, until it is one */
  email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
  if (email_is_valid (email))
    gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->email_row), "error");

  copy = tp_record_copy (TP_RECORD (self->customer));

  notes = get_notes_text (self);
  if (g_strcmp0 (notes, tp_customer_get_notes (self->customer)) != 0)
    {
      tp_customer_set_notes (copy, notes);
      changed = TRUE;
    }

  audience = adw_combo_row_get_selected (self->audience_row);
  if (audience < self->audience_ids->len &&
      g_array_index (self->audience_ids, gint64, audience) != tp_customer_get_audience_id (self->customer))
    {
      tp_customer_set_audience_id (copy, g_array_index (self->audience_ids, gint64, audience));
      changed = TRUE;
    }

  source = adw_combo_row_get_selected (self->source_row);
  if (source != GTK_INVALID_LIST_POSITION)
    {
      gboolean has_source = source > 0;

      if (has_source != tp_customer_get_has_source_channel (self->customer) ||
          (has_source && (TpChannel)(source - 1) != tp_customer_get_source_channel (self->customer)))
        {
          tp_customer_set_has_source_channel (copy, has_source);
          if (has_source)
            tp_customer_set_source_channel (copy, source - 1);
          changed = TRUE;
        }
    }

  if (!changed)
    return;

  /* Refused (the team database's connection lost, a rule broken): the
   * fields show what is stored again, so that nothing looks saved that
   * is not */
  if (!tp_store_save_customer (self->store, copy, &error))
    {
      _tp_toast_show_error (GTK_WIDGET (self), error);
      load_fields (self);
    }
}

static gboolean
save_timeout_cb (gpointer data)
{
  TpCustomerDetail *self = data;

  self->save_id = 0;
  tp_customer_detail_save_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (TpCustomerDetail *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
on_field_changed_cb (TpCustomerDetail *self)
{
  if (self->loading || self->customer == NULL)
    return;

  update_labels (self);
  schedule_save (self);
}

static void
notes_changed_cb (TpCustomerDetail *self)
{
  on_field_changed_cb (self);
}

static void
on_choice_changed_cb (TpCustomerDetail *self)
{
  if (self->loading || self->customer == NULL)
    return;

  tp_customer_detail_save_now (self);
}

static void
on_stage_row_selected_cb (TpCustomerDetail *self)
{
  g_autoptr(GError) error = NULL;
  guint stage = adw_combo_row_get_selected (self->stage_row);

  if (self->loading || self->customer == NULL || stage == GTK_INVALID_LIST_POSITION)
    return;

  if (stage == (guint)tp_customer_get_stage (self->customer))
    return;

  tp_customer_detail_save_now (self);

  if (!tp_store_set_customer_stage (self->store, tp_record_get_id (TP_RECORD (self->customer)),
                                    stage, &error))
    {
      _tp_toast_show_error (GTK_WIDGET (self), error);
      load_fields (self);
    }
}

/* Filling the fields */

static guint
audience_position (TpCustomerDetail *self,
                   gint64            id)
{
  for (guint i = 0; i < self->audience_ids->len; i++)
    if (g_array_index (self->audience_ids, gint64, i) == id)
      return i;

  return 0;
}

static void
load_fields (TpCustomerDetail *self)
{
  g_autofree char *notes = NULL;

  if (self->customer == NULL)
    return;

  self->loading = TRUE;


  adw_combo_row_set_selected (self->stage_row, tp_customer_get_stage (self->customer));
  adw_combo_row_set_selected (self->audience_row,
                              audience_position (self, tp_customer_get_audience_id (self->customer)));
  adw_combo_row_set_selected (self->source_row,
                              tp_customer_get_has_source_channel (self->customer)
                              ? (guint)tp_customer_get_source_channel (self->customer) + 1 : 0);

  notes = get_notes_text (self);
  if (g_strcmp0 (notes, tp_customer_get_notes (self->customer)) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                              tp_customer_get_notes (self->customer), -1);

  self->loading = FALSE;

  update_labels (self);
}

static void
customer_notify_cb (TpCustomerDetail *self,
                    GParamSpec       *pspec,
                    TpCustomer       *customer)
{
  /* While typed text waits to be saved, it wins over the stored one. */
  if (self->save_id == 0)
    load_fields (self);
  else
    update_labels (self);
}

static void
fill_audiences (TpCustomerDetail *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (self->audience_ids, 0);
  gtk_string_list_append (names, C_("audience", "None"));
  g_array_append_val (self->audience_ids, none);

  for (guint i = 0; self->audiences != NULL && i < g_list_model_get_n_items (self->audiences); i++)
    {
      g_autoptr(TpAudience) audience = g_list_model_get_item (self->audiences, i);
      gint64 id = tp_record_get_id (TP_RECORD (audience));

      gtk_string_list_append (names, tp_audience_get_name (audience));
      g_array_append_val (self->audience_ids, id);
    }

  self->loading = TRUE;
  adw_combo_row_set_model (self->audience_row, G_LIST_MODEL (names));
  if (self->customer != NULL)
    adw_combo_row_set_selected (self->audience_row,
                                audience_position (self, tp_customer_get_audience_id (self->customer)));
  self->loading = FALSE;
}

/* The timeline */

static void update_person_dropdown (TpCustomerDetail *self);

/* Whether the timeline names who logged @person's touch: only once the
 * business's rows name more than one person (see tp-activity-section.c) */
static gboolean
shows_person (TpCustomerDetail *self,
              const char       *person)
{
  if (self->store == NULL || person[0] == '\0')
    return FALSE;

  if (self->people == NULL ||
      !g_strv_contains ((const char * const *) self->people, person))
    {
      g_clear_pointer (&self->people, g_strfreev);
      self->people = tp_store_list_people (self->store, NULL);
      update_person_dropdown (self);
    }

  return self->people != NULL && g_strv_length (self->people) > 1;
}

static gboolean
person_filter_cb (gpointer item,
                  gpointer user_data)
{
  TpCustomerDetail *self = user_data;

  return self->timeline_person == NULL ||
         g_strcmp0 (tp_touch_get_person (TP_TOUCH (item)), self->timeline_person) == 0;
}

static GtkWidget *
create_touch_row (gpointer item,
                  gpointer user_data)
{
  TpCustomerDetail *self = user_data;
  TpTouch *touch = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *when = _tp_format_date_time (tp_touch_get_happened_at (touch));
  gboolean planned = !tp_touch_get_done (touch);
  gint64 id = tp_record_get_id (TP_RECORD (touch));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 tp_channel_get_label (tp_touch_get_channel (touch)));

  if (planned)
    /* Translators: %s is a date and time */
    g_string_append_printf (subtitle, _("Planned for %s"), when);
  else
    g_string_append (subtitle, when);

  g_string_append (subtitle, " · ");
  g_string_append (subtitle, tp_direction_get_label (tp_touch_get_direction (touch)));

  if (tp_touch_get_tactic_id (touch) != 0 && self->store != NULL)
    {
      g_autoptr(TpTactic) tactic = tp_store_get_tactic (self->store, tp_touch_get_tactic_id (touch), NULL);

      if (tactic != NULL)
        {
          g_string_append (subtitle, " · ");
          /* Translators: %s is the name of a marketing tactic a touch came from */
          g_string_append_printf (subtitle, _("Tactic: %s"), tp_tactic_get_name (tactic));
        }
    }

  if (shows_person (self, tp_touch_get_person (touch)))
    {
      g_string_append (subtitle, " · ");
      /* Translators: %s is the person who logged a touch */
      g_string_append_printf (subtitle, _("by %s"), tp_touch_get_person (touch));
    }

  if (tp_touch_get_note (touch)[0] != '\0')
    {
      g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, tp_touch_get_note (touch));
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  if (planned)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Planned"),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "tp-planned");

      button = gtk_button_new_with_mnemonic (_("Mark _Done"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "touch.mark-done");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete Touch"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Touch"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "touch.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* "Everyone", then the people the rows name; shown once there are two */
static void
update_person_dropdown (TpCustomerDetail *self)
{
  g_autoptr(GtkStringList) names = NULL;
  guint selected = 0;
  gboolean shown = self->people != NULL && g_strv_length (self->people) > 1;
  gboolean was_loading;

  /* Translators: the first choice of a customer's timeline's filter by person */
  names = gtk_string_list_new ((const char * const []) { _("Everyone"), NULL });
  for (guint i = 0; shown && self->people[i] != NULL; i++)
    {
      gtk_string_list_append (names, self->people[i]);
      if (g_strcmp0 (self->people[i], self->timeline_person) == 0)
        selected = i + 1;
    }

  was_loading = self->loading;
  self->loading = TRUE;
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->person_dropdown, selected);
  self->loading = was_loading;
  gtk_widget_set_visible (GTK_WIDGET (self->person_dropdown), shown);
}

static void
on_person_dropdown_selected_cb (TpCustomerDetail *self)
{
  guint selected = gtk_drop_down_get_selected (self->person_dropdown);
  GtkStringObject *name;

  if (self->loading)
    return;

  g_clear_pointer (&self->timeline_person, g_free);
  name = selected > 0 && selected != GTK_INVALID_LIST_POSITION
         ? GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (self->person_dropdown)) : NULL;
  if (name != NULL)
    self->timeline_person = g_strdup (gtk_string_object_get_string (name));
  gtk_filter_changed (GTK_FILTER (self->person_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_more_touches (TpCustomerDetail *self)
{
  guint n = self->touches_by != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->touches_by)) : 0;
  guint shown = self->touches_page != NULL ? tp_head_list_model_get_size (self->touches_page) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self->more_touches_button), n > shown);
}

static void
on_more_touches_button_clicked_cb (TpCustomerDetail *self)
{
  if (self->touches_page == NULL)
    return;

  tp_head_list_model_set_size (self->touches_page,
                               tp_head_list_model_get_size (self->touches_page) + TOUCHES_PAGE);
  update_more_touches (self);
}

/* Orders */

static GtkWidget *create_order_row (gpointer item,
                                    gpointer user_data);

static gboolean
bind_lists_cb (gpointer data)
{
  TpCustomerDetail *self = data;

  self->lists_id = 0;

  if (self->touches_page != NULL)
    gtk_list_box_bind_model (self->touches_list, G_LIST_MODEL (self->touches_page),
                             create_touch_row, self, NULL);
  if (self->orders != NULL)
    gtk_list_box_bind_model (self->orders_list, self->orders, create_order_row, self, NULL);

  return G_SOURCE_REMOVE;
}

static GtkWidget *
create_order_row (gpointer item,
                  gpointer user_data)
{
  TpOrder *order = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *amount;
  GtkWidget *button;
  g_autofree char *date = _tp_format_date (tp_order_get_ordered_at (order));
  g_autofree char *money = _tp_format_money (tp_order_get_amount_minor (order),
                                             tp_order_get_currency (order));
  g_autofree char *subtitle = NULL;
  gint64 id = tp_record_get_id (TP_RECORD (order));

  if (tp_order_get_status (order) == TP_ORDER_STATUS_FULFILLED && tp_order_get_fulfilled_at (order) != NULL)
    {
      g_autofree char *fulfilled = _tp_format_date (tp_order_get_fulfilled_at (order));

      /* Translators: an order's date, then the date it was fulfilled on */
      subtitle = g_strdup_printf (_("%s · Fulfilled on %s"), date, fulfilled);
    }
  else
    {
      subtitle = g_strdup_printf ("%s · %s", date, tp_order_status_get_label (tp_order_get_status (order)));
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tp_order_get_item (order));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "order.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", id);

  if (tp_order_get_status (order) == TP_ORDER_STATUS_CANCELLED)
    gtk_widget_add_css_class (row, "tp-cancelled");

  amount = gtk_label_new (money);
  gtk_widget_add_css_class (amount, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete Order"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Order"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "order.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* Actions */

/**
 * tp_customer_detail_focus_name:
 * @self: a #TpCustomerDetail
 *
 * Puts the cursor in the name, all of it selected, ready to be typed over.
 */
void
tp_customer_detail_focus_name (TpCustomerDetail *self)
{
  g_return_if_fail (TP_IS_CUSTOMER_DETAIL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
}

static GtkWindow *
present_dialog (TpCustomerDetail *self,
                GtkWindow        *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);

  return dialog;
}

/**
 * tp_customer_detail_log_touch:
 * @self: a #TpCustomerDetail
 *
 * Opens the Log Touch dialog for the customer shown.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWindow *
tp_customer_detail_log_touch (TpCustomerDetail *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_DETAIL (self), NULL);

  if (self->customer == NULL || self->store == NULL)
    return NULL;

  tp_customer_detail_save_now (self);

  return present_dialog (self, GTK_WINDOW (tp_log_touch_dialog_new (self->store, self->customer)));
}

/**
 * tp_customer_detail_add_order:
 * @self: a #TpCustomerDetail
 *
 * Opens the order dialog for a new order of the customer shown.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWindow *
tp_customer_detail_add_order (TpCustomerDetail *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_DETAIL (self), NULL);

  if (self->customer == NULL || self->store == NULL)
    return NULL;

  tp_customer_detail_save_now (self);

  return present_dialog (self, GTK_WINDOW (tp_order_dialog_new (self->store, self->customer, NULL)));
}

/**
 * tp_customer_detail_delete:
 * @self: a #TpCustomerDetail
 *
 * Deletes the customer shown, with their touches and orders, and offers
 * to undo it.
 *
 * Returns: whether the customer was deleted
 */
gboolean
tp_customer_detail_delete (TpCustomerDetail *self)
{
  g_autoptr(TpUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpCustomer) customer = NULL;

  g_return_val_if_fail (TP_IS_CUSTOMER_DETAIL (self), FALSE);

  if (self->customer == NULL || self->store == NULL)
    return FALSE;

  tp_customer_detail_save_now (self);

  customer = g_object_ref (self->customer);
  undo = tp_store_delete_customer (self->store, tp_record_get_id (TP_RECORD (customer)), &error);
  if (undo == NULL)
    {
      _tp_toast_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  _tp_toast_show_undo_delete (GTK_WIDGET (self), self->store, undo, NULL);
  tp_customer_detail_set_customer (self, NULL);

  return TRUE;
}

static void
log_touch_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  tp_customer_detail_log_touch (TP_CUSTOMER_DETAIL (widget));
}

static void
add_order_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  tp_customer_detail_add_order (TP_CUSTOMER_DETAIL (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  tp_customer_detail_delete (TP_CUSTOMER_DETAIL (widget));
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpCustomerDetail *self = TP_CUSTOMER_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpTouch) touch = NULL;
  g_autoptr(TpTouch) copy = NULL;

  if (self->store == NULL)
    return;

  touch = tp_store_get_touch (self->store, g_variant_get_int64 (parameter), &error);
  if (touch == NULL)
    {
      _tp_toast_show_error (widget, error);
      return;
    }

  /* Done now: a touch planned for later happened today. */
  copy = tp_record_copy (TP_RECORD (touch));
  tp_touch_set_done (copy, TRUE);
  if (_tp_is_future (tp_touch_get_happened_at (copy)))
    {
      g_autofree char *now = tp_store_now ();

      tp_touch_set_happened_at (copy, now);
    }

  if (!tp_store_save_touch (self->store, copy, &error))
    _tp_toast_show_error (widget, error);
}

static void
delete_touch_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TpCustomerDetail *self = TP_CUSTOMER_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpUndo) undo = NULL;

  if (self->store == NULL)
    return;

  undo = tp_store_delete_touch (self->store, g_variant_get_int64 (parameter), &error);
  if (undo == NULL)
    _tp_toast_show_error (widget, error);
  else
    _tp_toast_show_undo_delete (widget, self->store, undo, NULL);
}

static void
edit_order_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TpCustomerDetail *self = TP_CUSTOMER_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpOrder) order = NULL;

  if (self->store == NULL)
    return;

  order = tp_store_get_order (self->store, g_variant_get_int64 (parameter), &error);
  if (order == NULL)
    {
      _tp_toast_show_error (widget, error);
      return;
    }

  present_dialog (self, GTK_WINDOW (tp_order_dialog_new (self->store, self->customer, order)));
}

static void
delete_order_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TpCustomerDetail *self = TP_CUSTOMER_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpUndo) undo = NULL;

  if (self->store == NULL)
    return;

  undo = tp_store_delete_order (self->store, g_variant_get_int64 (parameter), &error);
  if (undo == NULL)
    _tp_toast_show_error (widget, error);
  else
    _tp_toast_show_undo_delete (widget, self->store, undo, NULL);
}

static void
update_actions (TpCustomerDetail *self)
{
  /* A role that may only read sees the customer but changes nothing */
  gboolean read_only = self->store != NULL && !_tp_store_can_write (self->store);
  gboolean enabled = self->customer != NULL && self->store != NULL && !read_only;
  GtkWidget *fields[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->email_row), GTK_WIDGET (self->phone_row),
    GTK_WIDGET (self->stage_row), GTK_WIDGET (self->audience_row),
    GTK_WIDGET (self->source_row), GTK_WIDGET (self->notes_view),
  };

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.log-touch", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.add-order", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.delete", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "touch.mark-done", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "touch.delete", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.edit", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.delete", !read_only);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    _tp_field_set_read_only (fields[i], read_only);
}

/* The store */

static void
customers_changed_cb (TpCustomerDetail *self,
                      const char       *table,
                      gint64            id,
                      TpStoreChange     kind,
                      TpStore          *store)
{
  if (self->customer == NULL || kind != TP_STORE_CHANGE_REMOVED ||
      id != tp_record_get_id (TP_RECORD (self->customer)))
    return;

  /* Deleted on another desktop: it is not ours to undo, so the toast
   * only says what happened */
  if (tp_store_change_is_remote (store))
    {
      g_autofree char *title = NULL;
      AdwToast *toast;

      /* Translators: %s is the name of a customer, like “Ada Lovelace” */
      title = g_strdup_printf (_("“%s” was deleted on another desktop"),
                               tp_customer_get_name (self->customer));
      toast = adw_toast_new (title);
      /* Nothing here said it would go: it stays until read */
      adw_toast_set_timeout (toast, 0);
      _tp_toast_show (GTK_WIDGET (self), toast);
    }

  /* Deleted elsewhere: what was typed has nowhere to go. */
  g_clear_handle_id (&self->save_id, g_source_remove);
  tp_customer_detail_set_customer (self, NULL);
}

static void
band_changed_cb (TpCustomerDetail *self)
{
  update_band (self);
}

TpStore *
tp_customer_detail_get_store (TpCustomerDetail *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_DETAIL (self), NULL);

  return self->store;
}

void
tp_customer_detail_set_store (TpCustomerDetail *self,
                              TpStore          *store)
{
  g_return_if_fail (TP_IS_CUSTOMER_DETAIL (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  tp_customer_detail_set_customer (self, NULL);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->audiences != NULL)
    g_signal_handlers_disconnect_by_data (self->audiences, self);
  g_clear_object (&self->audiences);

  g_set_object (&self->store, store);
  tp_form_set_store (self->form, store);
  g_clear_pointer (&self->people, g_strfreev);
  g_clear_pointer (&self->timeline_person, g_free);
  if (self->person_dropdown != NULL)
    update_person_dropdown (self);

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::customers",
                               G_CALLBACK (customers_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::band-low",
                               G_CALLBACK (band_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::band-high",
                               G_CALLBACK (band_changed_cb), self, G_CONNECT_SWAPPED);

      self->audiences = tp_store_list_audiences (store);
      g_signal_connect_object (self->audiences, "items-changed",
                               G_CALLBACK (fill_audiences), self, G_CONNECT_SWAPPED);
    }

  fill_audiences (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

TpCustomer *
tp_customer_detail_get_customer (TpCustomerDetail *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_DETAIL (self), NULL);

  return self->customer;
}

/**
 * tp_customer_detail_set_customer:
 * @self: a #TpCustomerDetail
 * @customer: (nullable): a live customer of the store, or %NULL
 *
 * Shows @customer, after saving what was typed for the one shown before.
 */
void
tp_customer_detail_set_customer (TpCustomerDetail *self,
                                 TpCustomer       *customer)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (TP_IS_CUSTOMER_DETAIL (self));
  g_return_if_fail (customer == NULL || TP_IS_CUSTOMER (customer));

  if (self->customer == customer)
    return;

  tp_customer_detail_save_now (self);

  if (self->customer != NULL)
    g_signal_handlers_disconnect_by_func (self->customer, customer_notify_cb, self);

  g_set_object (&self->customer, customer);
  tp_form_set_object (self->form, G_OBJECT (customer));

  g_clear_handle_id (&self->lists_id, g_source_remove);
  gtk_list_box_bind_model (self->touches_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->orders_list, NULL, NULL, NULL, NULL);
  if (self->touches != NULL)
    g_signal_handlers_disconnect_by_data (self->touches, self);
  if (self->touches_by != NULL)
    g_signal_handlers_disconnect_by_data (self->touches_by, self);
  g_clear_object (&self->touches_page);
  g_clear_object (&self->touches_by);
  g_clear_object (&self->touches);
  g_clear_object (&self->orders);

  if (customer != NULL && self->store != NULL)
    {
      gint64 id = tp_record_get_id (TP_RECORD (customer));

      g_signal_connect_object (customer, "notify",
                               G_CALLBACK (customer_notify_cb), self, G_CONNECT_SWAPPED);

      self->touches = tp_store_list_touches (self->store, id);
      self->touches_by = gtk_filter_list_model_new (g_object_ref (self->touches),
                                                    g_object_ref (GTK_FILTER (self->person_filter)));
      self->touches_page = tp_head_list_model_new (G_LIST_MODEL (self->touches_by), TOUCHES_PAGE);
      g_signal_connect_object (self->touches_by, "items-changed",
                               G_CALLBACK (update_more_touches), self, G_CONNECT_SWAPPED);
      self->orders = tp_store_list_orders (self->store, id);

      /* The fields show in the next frame; the timeline and the orders,
       * below them, are built just after it. */
      g_clear_handle_id (&self->lists_id, g_source_remove);
      self->lists_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, bind_lists_cb, self, NULL);

      load_fields (self);
      update_more_touches (self);

      adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
      gtk_adjustment_set_value (adjustment, 0);
      gtk_stack_set_visible_child_name (self->stack, "customer");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
}

/* GObject */

static void
tp_customer_detail_dispose (GObject *object)
{
  TpCustomerDetail *self = TP_CUSTOMER_DETAIL (object);

  if (self->save_id != 0 || (self->form != NULL && tp_form_get_pending (self->form)))
    tp_customer_detail_save_now (self);
  g_clear_handle_id (&self->lists_id, g_source_remove);
  if (self->form != NULL)
    tp_form_set_object (self->form, NULL);
  g_clear_object (&self->form);

  if (self->customer != NULL)
    g_signal_handlers_disconnect_by_func (self->customer, customer_notify_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_CUSTOMER_DETAIL);

  g_clear_object (&self->customer);
  g_clear_object (&self->touches_page);
  g_clear_object (&self->touches_by);
  g_clear_object (&self->person_filter);
  g_clear_pointer (&self->timeline_person, g_free);
  g_clear_object (&self->touches);
  g_clear_object (&self->orders);
  g_clear_object (&self->audiences);
  g_clear_object (&self->store);
  g_clear_pointer (&self->people, g_strfreev);

  G_OBJECT_CLASS (tp_customer_detail_parent_class)->dispose (object);
}

static void
tp_customer_detail_finalize (GObject *object)
{
  TpCustomerDetail *self = TP_CUSTOMER_DETAIL (object);

  g_clear_pointer (&self->audience_ids, g_array_unref);

  G_OBJECT_CLASS (tp_customer_detail_parent_class)->finalize (object);
}

static void
tp_customer_detail_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TpCustomerDetail *self = TP_CUSTOMER_DETAIL (object);

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
tp_customer_detail_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TpCustomerDetail *self = TP_CUSTOMER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_customer_detail_set_store (self, g_value_get_object (value));
      break;

    case PROP_CUSTOMER:
      tp_customer_detail_set_customer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_customer_detail_class_init (TpCustomerDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_customer_detail_dispose;
  object_class->finalize = tp_customer_detail_finalize;
  object_class->get_property = tp_customer_detail_get_property;
  object_class->set_property = tp_customer_detail_set_property;

  /**
   * TpCustomerDetail:store:
   *
   * The store the customer lives in.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpCustomerDetail:customer:
   *
   * The customer shown, or %NULL.
   */
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         TP_TYPE_CUSTOMER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-customer-detail.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, stage_label);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, band_label);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, name_row);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, email_row);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, phone_row);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, stage_row);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, audience_row);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, source_row);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, notes_view);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, touches_list);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, more_touches_button);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, orders_list);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stage_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_more_touches_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_dropdown_selected_cb);
  gtk_widget_class_bind_template_child (widget_class, TpCustomerDetail, person_dropdown);

  gtk_widget_class_install_action (widget_class, "customer.log-touch", NULL, log_touch_action);
  gtk_widget_class_install_action (widget_class, "customer.add-order", NULL, add_order_action);
  gtk_widget_class_install_action (widget_class, "customer.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "touch.mark-done", "x", mark_done_action);
  gtk_widget_class_install_action (widget_class, "touch.delete", "x", delete_touch_action);
  gtk_widget_class_install_action (widget_class, "order.edit", "x", edit_order_action);
  gtk_widget_class_install_action (widget_class, "order.delete", "x", delete_order_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "customer.log-touch", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* The store refused the contact fields' save: a toast says why */
static void
on_form_save_failed_cb (TpCustomerDetail *self,
                        const GError     *error)
{
  _tp_toast_show_error (GTK_WIDGET (self), error);
}

static void
tp_customer_detail_init (TpCustomerDetail *self)
{
  GtkStringList *stages = gtk_string_list_new (NULL);
  GtkStringList *sources = gtk_string_list_new (NULL);
  GtkWidget *placeholder;

  self->audience_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->person_filter = gtk_custom_filter_new (person_filter_cb, self, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->form = tp_form_new ();
  tp_form_add_field_full (self->form, GTK_WIDGET (self->name_row), "text", "name",
                          _("A customer needs a name."), stripped_text, NULL, NULL);
  tp_form_add_field_full (self->form, GTK_WIDGET (self->email_row), "text", "email", NULL,
                          stripped_text, NULL, GINT_TO_POINTER (TRUE));
  tp_form_add_field (self->form, GTK_WIDGET (self->phone_row), "text", "phone", NULL);
  g_signal_connect_object (self->form, "save-failed", G_CALLBACK (on_form_save_failed_cb), self,
                           G_CONNECT_SWAPPED);

  self->loading = TRUE;

  for (guint i = 0; i <= TP_STAGE_LOST; i++)
    gtk_string_list_append (stages, tp_stage_get_label (i));
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (stages));
  g_object_unref (stages);

  gtk_string_list_append (sources, C_("channel", "Not known"));
  for (guint i = 0; i <= TP_CHANNEL_OTHER; i++)
    gtk_string_list_append (sources, tp_channel_get_label (i));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (sources));
  g_object_unref (sources);

  self->loading = FALSE;

  fill_audiences (self);

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);

  placeholder = gtk_label_new (_("No touches yet. Log the first one with Ctrl+T."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "tp-placeholder");
  gtk_list_box_set_placeholder (self->touches_list, placeholder);

  placeholder = gtk_label_new (_("No orders yet."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "tp-placeholder");
  gtk_list_box_set_placeholder (self->orders_list, placeholder);

  update_actions (self);
}
