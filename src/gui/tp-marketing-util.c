/* tp-marketing-util.c
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

#define G_LOG_DOMAIN "tp-marketing"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tp-core-enum-types.h"
#include "tp-marketing-util.h"
#include "tp-toast-private.h"
#include "tp-window.h"

/**
 * _tp_marketing_clear_box:
 * @box: a #GtkBox or a #GtkListBox
 *
 * Removes every child of @box, before a section fills it anew.
 */
void
_tp_marketing_clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

/**
 * _tp_marketing_new_label:
 * @text: (nullable): the text
 * @style: (nullable): a CSS class
 *
 * Returns: (transfer floating): a label that starts at the left and
 *   wraps, even inside long words, as the Plan Overview and Results
 *   sections write their text
 */
GtkWidget *
_tp_marketing_new_label (const char *text,
                         const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);

  return label;
}

/**
 * _tp_marketing_error_text:
 * @error: what the store said
 *
 * Returns: (transfer full): a sentence for the owner: the store's own
 *   message for a refused value, the message after a short explanation
 *   for anything else
 */
char *
_tp_marketing_error_text (const GError *error)
{
  if (g_error_matches (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID))
    return g_strdup (error->message);

  /* Translators: %s says what went wrong */
  return g_strdup_printf (_("The change was not saved. %s"), error->message);
}

/**
 * _tp_marketing_show_error:
 * @widget: a widget inside the window
 * @error: what went wrong
 *
 * Shows @error in a toast.
 */
void
_tp_marketing_show_error (GtkWidget    *widget,
                          const GError *error)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  /* The window's banner already says why (a role that may only read) */
  if (_tp_window_refuse_quietly (widget, error))
    return;

  text = _tp_marketing_error_text (error);
  toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 8);
  _tp_toast_show (widget, toast);
}

/* A widget just added, or on a page that slides in, is shown from the
 * next frame on; until then it cannot take the focus. */
#define MAX_FRAMES_TO_WAIT 120

static gboolean
edit_when_shown_tick_cb (GtkWidget     *widget,
                         GdkFrameClock *frame_clock,
                         gpointer       user_data)
{
  guint frames = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "tp-frames")) + 1;

  if (!gtk_widget_get_mapped (widget) && frames < MAX_FRAMES_TO_WAIT)
    {
      g_object_set_data (G_OBJECT (widget), "tp-frames", GUINT_TO_POINTER (frames));
      return G_SOURCE_CONTINUE;
    }

  g_object_set_data (G_OBJECT (widget), "tp-frames", NULL);
  gtk_widget_grab_focus (widget);
  if (user_data != NULL && GTK_IS_EDITABLE (widget))
    gtk_editable_select_region (GTK_EDITABLE (widget), 0, -1);

  return G_SOURCE_REMOVE;
}

static void
focus_when_shown (GtkWidget *widget,
                  gboolean   select_all)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (gtk_widget_get_mapped (widget) && gtk_widget_grab_focus (widget))
    {
      if (select_all && GTK_IS_EDITABLE (widget))
        gtk_editable_select_region (GTK_EDITABLE (widget), 0, -1);
      return;
    }

  /* Meanwhile the focus must not stay on a widget that went away. */
  if (root != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (root);

      if (focus != NULL && gtk_widget_get_root (focus) != root)
        gtk_root_set_focus (root, NULL);
    }

  gtk_widget_add_tick_callback (widget, edit_when_shown_tick_cb,
                                select_all ? GINT_TO_POINTER (TRUE) : NULL, NULL);
}

/**
 * _tp_marketing_edit_when_shown:
 * @widget: a field, usually a name
 *
 * Puts the cursor in @widget, all of its text selected so that typing
 * replaces it, now or as soon as it shows.
 */
void
_tp_marketing_edit_when_shown (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  focus_when_shown (widget, TRUE);
}

/**
 * _tp_marketing_focus_when_shown:
 * @widget: a widget that takes the focus
 *
 * Gives @widget the focus, now or as soon as it shows: a row the list
 * made again after a move, say.
 */
void
_tp_marketing_focus_when_shown (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  focus_when_shown (widget, FALSE);
}

/**
 * _tp_marketing_save_object:
 * @store: a #TpStore
 * @object: a stored audience, place, brand, brand word, competitor, tactic,
 *   tactic log entry, customer or order
 * @error: return location for an error
 *
 * Saves @object with the store call of its type, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
_tp_marketing_save_object (TpStore  *store,
                           GObject  *object,
                           GError  **error)
{
  if (TP_IS_AUDIENCE (object))
    return tp_store_save_audience (store, TP_AUDIENCE (object), error);
  if (TP_IS_PLACE (object))
    return tp_store_save_place (store, TP_PLACE (object), error);
  if (TP_IS_BRAND (object))
    return tp_store_save_brand (store, TP_BRAND (object), error);
  if (TP_IS_BRAND_WORD (object))
    return tp_store_save_brand_word (store, TP_BRAND_WORD (object), error);
  if (TP_IS_COMPETITOR (object))
    return tp_store_save_competitor (store, TP_COMPETITOR (object), error);
  if (TP_IS_TACTIC (object))
    return tp_store_save_tactic (store, TP_TACTIC (object), error);
  if (TP_IS_TACTIC_LOG_ENTRY (object))
    return tp_store_save_tactic_log_entry (store, TP_TACTIC_LOG_ENTRY (object), error);
  if (TP_IS_CUSTOMER (object))
    return tp_store_save_customer (store, TP_CUSTOMER (object), error);
  if (TP_IS_ORDER (object))
    return tp_store_save_order (store, TP_ORDER (object), error);

  g_return_val_if_reached (FALSE);
}

/**
 * _tp_marketing_get_id:
 * @object: a model object
 *
 * Returns: its id, 0 when it was never stored
 */
gint64
_tp_marketing_get_id (gpointer object)
{
  gint64 id = 0;

  g_object_get (object, "id", &id, NULL);

  return id;
}

static gint64
get_position (gpointer object)
{
  gint64 position = 0;

  g_object_get (object, "position", &position, NULL);

  return position;
}

/**
 * _tp_marketing_next_position:
 * @list: a list of objects with a :position property
 *
 * Returns: a position after every item of @list
 */
gint64
_tp_marketing_next_position (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  gint64 next = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      next = MAX (next, get_position (item) + 1);
    }

  return next;
}

/**
 * _tp_marketing_move_item:
 * @store: a #TpStore
 * @list: a list of objects with a :position property, in position order
 * @from: where the item is
 * @to: where it goes
 * @error: return location for an error
 *
 * Moves an item of @list, numbering the positions 0, 1, 2… in one
 * transaction (older rows may share a position).
 *
 * Returns: %TRUE on success
 */
gboolean
_tp_marketing_move_item (TpStore     *store,
                         GListModel  *list,
                         guint        from,
                         guint        to,
                         GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  TpDatabase *database = tp_store_get_database (store);
  guint n = g_list_model_get_n_items (list);
  gpointer moved;

  g_return_val_if_fail (from < n && to < n, FALSE);

  if (from == to)
    return TRUE;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));

  moved = g_ptr_array_steal_index (items, from);
  g_ptr_array_insert (items, to, moved);

  if (!tp_database_begin (database, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_ptr_array_index (items, i);

      if (get_position (item) == (gint64) i)
        continue;

      g_object_set (item, "position", (gint64) i, NULL);
      if (!_tp_marketing_save_object (store, item, error))
        {
          tp_database_rollback (database);
          return FALSE;
        }
    }

  return tp_database_commit (database, error);
}

/**
 * _tp_marketing_find_position:
 * @list: a list of model objects
 * @id: an id
 *
 * Returns: the position of the item with @id, or %GTK_INVALID_LIST_POSITION
 */
guint
_tp_marketing_find_position (GListModel *list,
                             gint64      id)
{
  guint n;

  if (list == NULL || id == 0)
    return GTK_INVALID_LIST_POSITION;

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (_tp_marketing_get_id (item) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

typedef const char *(*LabelFunc) (int value);

/**
 * _tp_marketing_enum_labels:
 * @enum_type: one of the enumerations of tp-enums.h
 *
 * Returns: (transfer full): a #GtkStringList of the labels of its values,
 *   in value order, so that a position is a value
 */
GListModel *
_tp_marketing_enum_labels (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *labels = gtk_string_list_new (NULL);
  LabelFunc label_func = NULL;

  if (enum_type == TP_TYPE_CHANNEL)
    label_func = (LabelFunc) tp_channel_get_label;
  else if (enum_type == TP_TYPE_CADENCE_PERIOD)
    label_func = (LabelFunc) tp_cadence_period_get_label;
  else if (enum_type == TP_TYPE_PLACE_KIND)
    label_func = (LabelFunc) tp_place_kind_get_label;
  else
    g_return_val_if_reached (G_LIST_MODEL (labels));

  for (guint i = 0; i < klass->n_values; i++)
    {
      g_assert ((guint) klass->values[i].value == i);
      gtk_string_list_append (labels, label_func (klass->values[i].value));
    }

  return G_LIST_MODEL (labels);
}

/**
 * _tp_marketing_format_day:
 * @utc_time: an ISO 8601 UTC time, as stored
 *
 * Returns: (transfer full): the local day of @utc_time: “Today”,
 *   “Yesterday” or a date
 */
char *
_tp_marketing_format_day (const char *utc_time)
{
  g_autoptr(GDateTime) utc = tp_schema_parse_time (utc_time);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year, month, day, now_year, now_month, now_day;
  g_autoptr(GDateTime) yesterday = NULL;
  int y_year, y_month, y_day;

  if (utc == NULL)
    return g_strdup (utc_time != NULL ? utc_time : "");

  local = g_date_time_to_local (utc);
  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_time_get_ymd (now, &now_year, &now_month, &now_day);
  yesterday = g_date_time_add_days (now, -1);
  g_date_time_get_ymd (yesterday, &y_year, &y_month, &y_day);

  if (year == now_year && month == now_month && day == now_day)
    return g_strdup (_("Today"));
  if (year == y_year && month == y_month && day == y_day)
    return g_strdup (_("Yesterday"));

  /* Translators: a day in the tactic log, as in g_date_time_format():
   * “Mon, 3 Nov 2026” */
  return g_date_time_format (local, _("%a, %-d %b %Y"));
}

/**
 * _tp_marketing_cadence_text:
 * @count: how many times
 * @period: per which period
 *
 * Returns: (transfer full): “3× per week”
 */
char *
_tp_marketing_cadence_text (gint64          count,
                            TpCadencePeriod period)
{
  switch (period)
    {
    case TP_CADENCE_PERIOD_DAY:
      /* Translators: a tactic's cadence, %d is a number of times */
      return g_strdup_printf (ngettext ("%d× a day", "%d× a day", (gulong) count), (int) count);

    case TP_CADENCE_PERIOD_WEEK:
      /* Translators: a tactic's cadence, %d is a number of times */
      return g_strdup_printf (ngettext ("%d× a week", "%d× a week", (gulong) count), (int) count);

    case TP_CADENCE_PERIOD_MONTH:
      /* Translators: a tactic's cadence, %d is a number of times */
      return g_strdup_printf (ngettext ("%d× a month", "%d× a month", (gulong) count), (int) count);

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * _tp_marketing_streak_text:
 * @n: how many periods in a row were done
 * @period: which period
 *
 * Returns: (transfer full): “3 weeks in a row”
 */
char *
_tp_marketing_streak_text (guint           n,
                           TpCadencePeriod period)
{
  if (n == 0)
    return g_strdup (_("No streak yet"));

  switch (period)
    {
    case TP_CADENCE_PERIOD_DAY:
      /* Translators: a tactic's streak */
      return g_strdup_printf (ngettext ("%u day in a row", "%u days in a row", n), n);

    case TP_CADENCE_PERIOD_WEEK:
      /* Translators: a tactic's streak */
      return g_strdup_printf (ngettext ("%u week in a row", "%u weeks in a row", n), n);

    case TP_CADENCE_PERIOD_MONTH:
      /* Translators: a tactic's streak */
      return g_strdup_printf (ngettext ("%u month in a row", "%u months in a row", n), n);

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * _tp_marketing_consistency:
 * @store: a #TpStore
 * @tactic_id: a tactic
 * @consistency: (out caller-allocates): its consistency now
 *
 * Returns: %TRUE on success; otherwise @consistency shows every period
 *   missed
 */
gboolean
_tp_marketing_consistency (TpStore             *store,
                           gint64               tactic_id,
                           TpTacticConsistency *consistency)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (!tp_analytics_tactic_consistency (tp_store_get_database (store), tactic_id, now,
                                        consistency, &error))
    {
      g_debug ("No consistency for tactic %" G_GINT64_FORMAT ": %s", tactic_id, error->message);
      memset (consistency, 0, sizeof *consistency);
      consistency->tactic_id = tactic_id;
      return FALSE;
    }

  return TRUE;
}

/**
 * _tp_marketing_is_blank:
 * @text: (nullable): a text
 *
 * Returns: whether @text holds nothing but white space
 */
gboolean
_tp_marketing_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}
