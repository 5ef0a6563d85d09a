/* tp-tactic-editor.c
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

#define G_LOG_DOMAIN "tp-tactic-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-core-enum-types.h"
#include "tp-form.h"
#include "tp-marketing-util.h"
#include "tp-read-only-private.h"
#include "tp-stable-list.h"
#include "tp-tactic-editor.h"
#include "tp-text-area.h"
#include "tp-toast-private.h"

/*
 * TpTacticEditor edits one tactic (name, channel, audience, cadence,
 * active, notes), marks it done on a chosen day with an optional note,
 * and shows how consistently it was done and its log, newest first.
 */

/* The log shows this many of its latest entries. */
#define HISTORY_LENGTH 50

struct _TpTacticEditor
{
  GtkWidget           parent_instance;

  GtkScrolledWindow  *scroller;
  GtkMenuButton      *date_button;
  GtkPopover         *date_popover;
  GtkCalendar        *calendar;
  AdwEntryRow        *note_row;
  AdwExpanderRow     *reached_row;
  GtkLabel           *done_error_label;
  AdwActionRow       *consistency_row;
  TpConsistencyCells *cells;
  GtkLabel           *streak_label;
  AdwEntryRow        *name_row;
  AdwComboRow        *channel_row;
  AdwComboRow        *audience_row;
  GtkSpinButton      *count_spin;
  GtkDropDown        *period_dropdown;
  GtkSwitch          *active_switch;
  GtkLabel           *error_label;
  TpTextArea         *notes_area;
  GtkListBox         *history_list;
  GtkLabel           *more_label;

  TpStore            *store;
  TpTactic           *tactic;
  TpForm             *form;
  GListModel         *audiences;
  GArray             *audience_ids;     /* gint64, one per choice of audience_row */
  GPtrArray          *reached_rows;     /* AdwActionRow, with a "customer-id" */
  gboolean            rebuilding;
  TpStableList       *log;
  GtkSliceListModel  *history;
  GDateTime          *done_day;         /* local midnight, NULL for today */
};

G_DEFINE_FINAL_TYPE (TpTacticEditor, tp_tactic_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TACTIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The audience choices: none, then each audience. */

static gboolean
audience_to_object (const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  TpTacticEditor *self = user_data;
  guint selected = g_value_get_uint (from);

  if (self->rebuilding || selected >= self->audience_ids->len)
    return FALSE;

  g_value_set_int64 (to, g_array_index (self->audience_ids, gint64, selected));
  return TRUE;
}

static gboolean
audience_to_widget (const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  TpTacticEditor *self = user_data;
  gint64 id = g_value_get_int64 (from);

  for (guint i = 0; i < self->audience_ids->len; i++)
    {
      if (g_array_index (self->audience_ids, gint64, i) == id)
        {
          g_value_set_uint (to, i);
          return TRUE;
        }
    }

  g_value_set_uint (to, 0);
  return TRUE;
}

static void
rebuild_audiences (TpTacticEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = self->audiences != NULL ? g_list_model_get_n_items (self->audiences) : 0;
  gint64 none = 0;

  g_array_set_size (self->audience_ids, 0);
  gtk_string_list_append (names, C_("audience", "None"));
  g_array_append_val (self->audience_ids, none);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpAudience) audience = g_list_model_get_item (self->audiences, i);
      gint64 id = tp_record_get_id (TP_RECORD (audience));

      gtk_string_list_append (names, tp_audience_get_name (audience));
      g_array_append_val (self->audience_ids, id);
    }

  self->rebuilding = TRUE;
  adw_combo_row_set_model (self->audience_row, G_LIST_MODEL (names));
  self->rebuilding = FALSE;

  tp_form_reload_field (self->form, GTK_WIDGET (self->audience_row));
}

static void
on_audiences_changed_cb (TpTacticEditor *self)
{
  rebuild_audiences (self);
}

/* Consistency */

static void
refresh_consistency (TpTacticEditor *self)
{
  TpTacticConsistency consistency;
  g_autofree char *streak = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *done = NULL;

  if (self->tactic == NULL || self->store == NULL)
    return;

  _tp_marketing_consistency (self->store, tp_record_get_id (TP_RECORD (self->tactic)), &consistency);
  tp_consistency_cells_set_consistency (self->cells, &consistency);

  summary = tp_consistency_cells_describe (&consistency);
  /* Translators: how often a tactic was done in its last periods, against the plan */
  done = g_strdup_printf (ngettext ("Done %u of %u planned time", "Done %u of %u planned times",
                                    consistency.planned_total),
                          consistency.done_total, consistency.planned_total);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->consistency_row), done);
  adw_action_row_set_subtitle (self->consistency_row, summary);

  streak = _tp_marketing_streak_text (consistency.streak, consistency.period);
  gtk_label_set_text (self->streak_label, streak);
}

static void
on_log_changed_cb (TpTacticEditor *self)
{
  refresh_consistency (self);
}

static void
on_tactics_changed_cb (TpTacticEditor *self,
                       const char     *table,
                       gint64          id,
                       TpStoreChange   change)
{
  /* After the commit: a new cadence counts the log again. */
  if (self->tactic != NULL &&
      (id == tp_record_get_id (TP_RECORD (self->tactic)) || change == TP_STORE_CHANGE_RELOADED))
    refresh_consistency (self);
}

/* History */

static void
on_delete_entry_clicked_cb (GtkButton      *button,
                            TpTacticEditor *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "tp-id");
  g_autoptr(GError) error = NULL;
  g_autoptr(TpUndo) undo = NULL;

  undo = tp_store_delete_tactic_log_entry (self->store, id, &error);
  if (undo == NULL)
    {
      _tp_marketing_show_error (GTK_WIDGET (self), error);
      return;
    }

  _tp_toast_show_undo_delete (GTK_WIDGET (self), self->store, undo, NULL);
}

static gboolean
note_or_nothing (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char *note = g_value_get_string (from);

  g_value_set_string (to, _tp_marketing_is_blank (note) ? NULL : note);
  return TRUE;
}

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  TpTacticEditor *self = user_data;
  TpTacticLogEntry *entry = item;
  g_autofree char *day = _tp_marketing_format_day (tp_tactic_log_entry_get_done_at (entry));
  GtkWidget *row, *button;
  gint64 *id = g_new (gint64, 1);

  *id = tp_record_get_id (TP_RECORD (entry));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day);
  g_object_bind_property_full (entry, "note", row, "subtitle", G_BINDING_SYNC_CREATE,
                               note_or_nothing, NULL, NULL, NULL);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete Log Entry"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Log Entry"),
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "tp-id", id, g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_entry_clicked_cb), self, 0);
  gtk_widget_set_sensitive (button, _tp_store_can_write (self->store));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
update_more_label (TpTacticEditor *self)
{
  guint n = self->log != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->log)) : 0;

  if (n > HISTORY_LENGTH)
    {
      g_autofree char *text = NULL;

      /* Translators: under the latest entries of a tactic's log */
      text = g_strdup_printf (ngettext ("And %u earlier time", "And %u earlier times",
                                        n - HISTORY_LENGTH),
                              n - HISTORY_LENGTH);
      gtk_label_set_text (self->more_label, text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->more_label), n > HISTORY_LENGTH);
}

static void
on_log_items_changed_cb (TpTacticEditor *self)
{
  update_more_label (self);
}

static void
load_history (TpTacticEditor *self)
{
  if (self->log != NULL)
    g_signal_handlers_disconnect_by_func (self->log, on_log_items_changed_cb, self);
  g_clear_object (&self->history);
  g_clear_object (&self->log);

  if (self->store != NULL && self->tactic != NULL)
    {
      gint64 id = tp_record_get_id (TP_RECORD (self->tactic));

      self->log = tp_stable_list_new (tp_store_list_tactic_log (self->store, id));
      self->history = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->log)),
                                                0, HISTORY_LENGTH);
      g_signal_connect_object (self->log, "items-changed",
                               G_CALLBACK (on_log_items_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (self->history),
                               create_history_row, self, NULL);
    }
  else
    {
      gtk_list_box_bind_model (self->history_list, NULL, NULL, NULL, NULL);
    }

  update_more_label (self);
}

/* The people a "done" can log a touch with: the tactic's audience, the
 * ones touched last first */
#define REACHED_LENGTH 25

static void
fill_reached (TpTacticEditor *self)
{
  g_autoptr(GListModel) customers = NULL;

  for (guint i = 0; i < self->reached_rows->len; i++)
    adw_expander_row_remove (self->reached_row, g_ptr_array_index (self->reached_rows, i));
  g_ptr_array_set_size (self->reached_rows, 0);

  if (self->store == NULL || self->tactic == NULL)
    return;

  customers = tp_store_list_reachable_customers (self->store,
                                                 tp_tactic_get_audience_id (self->tactic),
                                                 REACHED_LENGTH);
  for (guint i = 0; i < g_list_model_get_n_items (customers); i++)
    {
      g_autoptr(TpCustomer) customer = g_list_model_get_item (customers, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tp_customer_get_name (customer));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_object_set_data (G_OBJECT (row), "customer-id",
                         GSIZE_TO_POINTER ((gsize) tp_record_get_id (TP_RECORD (customer))));
      adw_expander_row_add_row (self->reached_row, row);
      g_ptr_array_add (self->reached_rows, row);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->reached_row), self->reached_rows->len > 0);
  adw_expander_row_set_expanded (self->reached_row, FALSE);
}

/**
 * tp_tactic_editor_pick_reached:
 * @self: a #TpTacticEditor
 * @customer_id: a customer offered under People It Reached
 * @picked: whether the next "done" logs a touch with them
 *
 * Returns: %FALSE when @customer_id is not offered
 */
gboolean
tp_tactic_editor_pick_reached (TpTacticEditor *self,
                               gint64          customer_id,
                               gboolean        picked)
{
  g_return_val_if_fail (TP_IS_TACTIC_EDITOR (self), FALSE);

  for (guint i = 0; i < self->reached_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->reached_rows, i);

      if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (row, "customer-id")) == customer_id)
        {
          gtk_check_button_set_active (g_object_get_data (row, "check"), picked);
          return TRUE;
        }
    }

  return FALSE;
}

/* Marking done */

static gboolean
is_today (GDateTime *day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return day == NULL ||
         (g_date_time_get_year (day) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (day) == g_date_time_get_day_of_year (now));
}

static void
set_done_error (TpTacticEditor *self,
                const char     *error)
{
  gtk_label_set_text (self->done_error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->done_error_label), error != NULL);
}

static void
update_date_button (TpTacticEditor *self)
{
  g_autofree char *label = NULL;

  if (is_today (self->done_day))
    label = g_strdup (_("Today"));
  else
    /* Translators: the day a tactic was done, see g_date_time_format() */
    label = g_date_time_format (self->done_day, _("%a, %-d %b %Y"));

  gtk_menu_button_set_label (self->date_button, label);
}

/**
 * tp_tactic_editor_get_done_day:
 * @self: a #TpTacticEditor
 *
 * Returns: (transfer full): local midnight of the day that Mark Done logs
 */
GDateTime *
tp_tactic_editor_get_done_day (TpTacticEditor *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (TP_IS_TACTIC_EDITOR (self), NULL);

  if (self->done_day != NULL)
    return g_date_time_ref (self->done_day);

  now = g_date_time_new_now_local ();
  return g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now), 0, 0, 0);
}

/**
 * tp_tactic_editor_set_done_day:
 * @self: a #TpTacticEditor
 * @day: (nullable): a local day, %NULL for today
 *
 * Chooses the day that Mark Done logs.
 */
void
tp_tactic_editor_set_done_day (TpTacticEditor *self,
                               GDateTime      *day)
{
  g_return_if_fail (TP_IS_TACTIC_EDITOR (self));

  g_clear_pointer (&self->done_day, g_date_time_unref);
  if (day != NULL && !is_today (day))
    self->done_day = g_date_time_new_local (g_date_time_get_year (day),
                                            g_date_time_get_month (day),
                                            g_date_time_get_day_of_month (day), 0, 0, 0);

  set_done_error (self, NULL);
  update_date_button (self);
}

static void
on_calendar_day_selected_cb (TpTacticEditor *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

  tp_tactic_editor_set_done_day (self, day);
  gtk_popover_popdown (self->date_popover);
}

static void
on_note_row_entry_activated_cb (TpTacticEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "tactic.done", NULL);
}

/**
 * tp_tactic_editor_log_done:
 * @self: a #TpTacticEditor
 * @error: return location for an error
 *
 * Logs the tactic done on the chosen day (now, for today) with the note
 * typed, then clears the note and goes back to today. An error also
 * shows under the fields.
 *
 * Returns: (transfer full) (nullable): the new log entry
 */
TpTacticLogEntry *
tp_tactic_editor_log_done (TpTacticEditor  *self,
                           GError         **error)
{
  g_autoptr(TpTacticLogEntry) entry = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *done_at = NULL;

  g_return_val_if_fail (TP_IS_TACTIC_EDITOR (self), NULL);
  g_return_val_if_fail (self->tactic != NULL, NULL);

  tp_form_flush (self->form);

  if (!is_today (self->done_day) && g_date_time_compare (self->done_day, now) > 0)
    {
      g_set_error_literal (&local_error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID,
                           _("A tactic can only be marked done today or on an earlier day."));
    }
  else
    {
      if (is_today (self->done_day))
        {
          done_at = tp_store_now ();
        }
      else
        {
          g_autoptr(GDateTime) noon = g_date_time_add_hours (self->done_day, 12);
          g_autoptr(GDateTime) utc = g_date_time_to_utc (noon);

          done_at = tp_schema_format_time (utc);
        }

      note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));

      entry = tp_tactic_log_entry_new ();
      tp_tactic_log_entry_set_tactic_id (entry, tp_record_get_id (TP_RECORD (self->tactic)));
      tp_tactic_log_entry_set_done_at (entry, done_at);
      tp_tactic_log_entry_set_note (entry, note);

      /* The entry and a touch with each person picked: one action, one
       * transaction */
      if (tp_database_begin (tp_store_get_database (self->store), &local_error))
        {
          gboolean ok = tp_store_add_tactic_log_entry (self->store, entry, &local_error);

          for (guint i = 0; ok && i < self->reached_rows->len; i++)
            {
              GObject *row = g_ptr_array_index (self->reached_rows, i);
              g_autoptr(TpTouch) touch = NULL;

              if (!gtk_check_button_get_active (g_object_get_data (row, "check")))
                continue;

              touch = tp_touch_new ();
              tp_touch_set_customer_id (touch, (gint64) GPOINTER_TO_SIZE (g_object_get_data (row, "customer-id")));
              tp_touch_set_happened_at (touch, done_at);
              tp_touch_set_channel (touch, tp_tactic_get_channel (self->tactic));
              tp_touch_set_tactic_id (touch, tp_record_get_id (TP_RECORD (self->tactic)));
              tp_touch_set_note (touch, note);
              ok = tp_store_add_touch (self->store, touch, &local_error);
            }

          if (ok)
            ok = tp_database_commit (tp_store_get_database (self->store), &local_error);
          else
            tp_database_rollback (tp_store_get_database (self->store));

          if (ok)
            {
              gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
              tp_tactic_editor_set_done_day (self, NULL);
              for (guint i = 0; i < self->reached_rows->len; i++)
                gtk_check_button_set_active (g_object_get_data (g_ptr_array_index (self->reached_rows, i),
                                                                "check"), FALSE);
              return g_steal_pointer (&entry);
            }
        }
    }

  {
    g_autofree char *text = _tp_marketing_error_text (local_error);

    set_done_error (self, text);
  }
  g_propagate_error (error, g_steal_pointer (&local_error));

  return NULL;
}

/* Properties */

TpStore *
tp_tactic_editor_get_store (TpTacticEditor *self)
{
  g_return_val_if_fail (TP_IS_TACTIC_EDITOR (self), NULL);

  return self->store;
}

void
tp_tactic_editor_set_store (TpTacticEditor *self,
                            TpStore        *store)
{
  gboolean read_only;

  g_return_if_fail (TP_IS_TACTIC_EDITOR (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  tp_tactic_editor_set_tactic (self, NULL);

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, on_log_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->store, on_tactics_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->store, on_audiences_changed_cb, self);
    }
  if (self->audiences != NULL)
    g_signal_handlers_disconnect_by_func (self->audiences, on_audiences_changed_cb, self);
  g_clear_object (&self->audiences);

  g_set_object (&self->store, store);
  tp_form_set_store (self->form, store);

  /* A role that may only read logs nothing (Mark Done is the section's
   * tactic.done, off for it) */
  read_only = store != NULL && !_tp_store_can_write (store);
  _tp_field_set_read_only (GTK_WIDGET (self->date_button), read_only);
  _tp_field_set_read_only (GTK_WIDGET (self->note_row), read_only);
  _tp_field_set_read_only (GTK_WIDGET (self->reached_row), read_only);

  if (store != NULL)
    {
      self->audiences = G_LIST_MODEL (tp_stable_list_new (tp_store_list_audiences (store)));
      g_signal_connect_object (self->audiences, "items-changed",
                               G_CALLBACK (on_audiences_changed_cb), self, G_CONNECT_SWAPPED);
      /* A renamed audience keeps its place in the list. */
      g_signal_connect_object (store, "changed::audiences",
                               G_CALLBACK (on_audiences_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::tactic_log",
                               G_CALLBACK (on_log_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::tactics",
                               G_CALLBACK (on_tactics_changed_cb), self, G_CONNECT_SWAPPED);
    }

  rebuild_audiences (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tp_tactic_editor_get_tactic:
 * @self: a #TpTacticEditor
 *
 * Returns: (transfer none) (nullable): the tactic being edited
 */
TpTactic *
tp_tactic_editor_get_tactic (TpTacticEditor *self)
{
  g_return_val_if_fail (TP_IS_TACTIC_EDITOR (self), NULL);

  return self->tactic;
}

void
tp_tactic_editor_set_tactic (TpTacticEditor *self,
                             TpTactic       *tactic)
{
  g_return_if_fail (TP_IS_TACTIC_EDITOR (self));
  g_return_if_fail (tactic == NULL || TP_IS_TACTIC (tactic));

  if (self->tactic == tactic)
    return;

  tp_form_set_object (self->form, G_OBJECT (tactic));
  g_set_object (&self->tactic, tactic);

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  tp_tactic_editor_set_done_day (self, NULL);
  load_history (self);
  refresh_consistency (self);
  fill_reached (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TACTIC]);
}

/**
 * tp_tactic_editor_edit_name:
 * @self: a #TpTacticEditor
 *
 * Puts the cursor in the name, all of it selected.
 */
void
tp_tactic_editor_edit_name (TpTacticEditor *self)
{
  g_return_if_fail (TP_IS_TACTIC_EDITOR (self));

  _tp_marketing_edit_when_shown (GTK_WIDGET (self->name_row));
}

/**
 * tp_tactic_editor_flush:
 * @self: a #TpTacticEditor
 *
 * Saves now what is being typed.
 *
 * Returns: %FALSE when it could not be saved
 */
gboolean
tp_tactic_editor_flush (TpTacticEditor *self)
{
  g_return_val_if_fail (TP_IS_TACTIC_EDITOR (self), FALSE);

  return tp_form_flush (self->form);
}

/**
 * tp_tactic_editor_get_log:
 * @self: a #TpTacticEditor
 *
 * Returns: (transfer none) (nullable): the whole log, newest first
 */
GListModel *
tp_tactic_editor_get_log (TpTacticEditor *self)
{
  g_return_val_if_fail (TP_IS_TACTIC_EDITOR (self), NULL);

  return G_LIST_MODEL (self->log);
}

/**
 * tp_tactic_editor_get_cells:
 * @self: a #TpTacticEditor
 *
 * Returns: (transfer none): the consistency cells
 */
TpConsistencyCells *
tp_tactic_editor_get_cells (TpTacticEditor *self)
{
  g_return_val_if_fail (TP_IS_TACTIC_EDITOR (self), NULL);

  return self->cells;
}

static void
tp_tactic_editor_unmap (GtkWidget *widget)
{
  tp_tactic_editor_flush (TP_TACTIC_EDITOR (widget));

  GTK_WIDGET_CLASS (tp_tactic_editor_parent_class)->unmap (widget);
}

static void
tp_tactic_editor_dispose (GObject *object)
{
  TpTacticEditor *self = TP_TACTIC_EDITOR (object);

  if (self->form != NULL)
    tp_form_flush (self->form);
  g_clear_object (&self->form);

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, on_log_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->store, on_tactics_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->store, on_audiences_changed_cb, self);
    }
  if (self->audiences != NULL)
    g_signal_handlers_disconnect_by_func (self->audiences, on_audiences_changed_cb, self);
  if (self->log != NULL)
    g_signal_handlers_disconnect_by_func (self->log, on_log_items_changed_cb, self);
  if (self->history_list != NULL)
    gtk_list_box_bind_model (self->history_list, NULL, NULL, NULL, NULL);
  if (self->reached_rows != NULL)
    g_ptr_array_set_size (self->reached_rows, 0);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_TACTIC_EDITOR);

  g_clear_object (&self->history);
  g_clear_object (&self->log);
  g_clear_object (&self->audiences);
  g_clear_object (&self->tactic);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_tactic_editor_parent_class)->dispose (object);
}

static void
tp_tactic_editor_finalize (GObject *object)
{
  TpTacticEditor *self = TP_TACTIC_EDITOR (object);

  g_clear_pointer (&self->audience_ids, g_array_unref);
  g_clear_pointer (&self->reached_rows, g_ptr_array_unref);
  g_clear_pointer (&self->done_day, g_date_time_unref);

  G_OBJECT_CLASS (tp_tactic_editor_parent_class)->finalize (object);
}

static void
tp_tactic_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TpTacticEditor *self = TP_TACTIC_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TACTIC:
      g_value_set_object (value, self->tactic);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_tactic_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TpTacticEditor *self = TP_TACTIC_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_tactic_editor_set_store (self, g_value_get_object (value));
      break;

    case PROP_TACTIC:
      tp_tactic_editor_set_tactic (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_tactic_editor_class_init (TpTacticEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_tactic_editor_dispose;
  object_class->finalize = tp_tactic_editor_finalize;
  object_class->get_property = tp_tactic_editor_get_property;
  object_class->set_property = tp_tactic_editor_set_property;

  widget_class->unmap = tp_tactic_editor_unmap;

  /**
   * TpTacticEditor:store:
   *
   * The store that saves the tactic and its log.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpTacticEditor:tactic:
   *
   * The tactic being edited.
   */
  properties[PROP_TACTIC] =
    g_param_spec_object ("tactic", NULL, NULL,
                         TP_TYPE_TACTIC,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-tactic-editor.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, date_popover);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, reached_row);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, done_error_label);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, consistency_row);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, cells);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, streak_label);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, audience_row);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, count_spin);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, active_switch);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, notes_area);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, history_list);
  gtk_widget_class_bind_template_child (widget_class, TpTacticEditor, more_label);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_row_entry_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_tactic_editor_init (TpTacticEditor *self)
{
  g_autoptr(GListModel) channels = NULL;
  GtkWidget *placeholder;

  g_type_ensure (TP_TYPE_TEXT_AREA);
  g_type_ensure (TP_TYPE_CONSISTENCY_CELLS);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->audience_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->reached_rows = g_ptr_array_new ();

  channels = _tp_marketing_enum_labels (TP_TYPE_CHANNEL);
  adw_combo_row_set_model (self->channel_row, channels);

  placeholder = gtk_label_new (_("Not done yet. Mark it done each time you do it."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "tp-list-placeholder");
  gtk_list_box_set_placeholder (self->history_list, placeholder);

  self->form = tp_form_new ();
  tp_form_set_error_label (self->form, self->error_label);
  tp_form_add_field (self->form, GTK_WIDGET (self->name_row), "text", "name",
                     _("A tactic needs a name."));
  tp_form_add_field (self->form, GTK_WIDGET (self->channel_row), "selected", "channel", NULL);
  tp_form_add_field_full (self->form, GTK_WIDGET (self->audience_row), "selected", "audience-id",
                          NULL, audience_to_object, audience_to_widget, self);
  tp_form_add_field (self->form, GTK_WIDGET (self->count_spin), "value", "cadence-count", NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->period_dropdown), "selected",
                     "cadence-period", NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->active_switch), "active", "active", NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->notes_area), "text", "notes", NULL);

  rebuild_audiences (self);
  update_date_button (self);
}
