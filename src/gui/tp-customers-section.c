/* tp-customers-section.c
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

#define G_LOG_DOMAIN "tp-customers-section"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-customer-header.h"
#include "tp-customer-row.h"
#include "tp-customers-section.h"
#include "tp-read-only-private.h"
#include "tp-reset-list-model.h"
#include "tp-sales-util-private.h"
#include "tp-toast-private.h"

/*
 * TpCustomersSection is the customer list of the Sales tab beside the
 * customer's detail (an AdwLeaflet: side by side when wide, the detail
 * pushed over the list when narrow).
 *
 * The list has to stay quick with 100,000 customers, so nothing here
 * grows with them: TpCustomerList filters and sorts in SQLite and loads a
 * customer only when the list view binds its row, and the list view binds
 * only the rows near the screen. Each row is one TpCustomerRow, which
 * sets its seven cells itself; TpCustomerHeader's titles sort the list
 * and TpCustomerColumns lines them up with the cells.
 *
 * A new search replaces most rows at once; TpResetListModel announces
 * that as "all gone, all new", so that neither the view nor the selection
 * reads every new row to look for one it followed (GTK 4.8 does, and on a
 * lazy list that loads every customer). The selection is then lost, and
 * the section selects the same customer again, found by id in the list's
 * id array.
 */

/* Each column sorts by the sort key of the same number. */
G_STATIC_ASSERT ((int)TP_CUSTOMER_COLUMN_NAME == (int)TP_CUSTOMER_SORT_NAME);
G_STATIC_ASSERT ((int)TP_CUSTOMER_COLUMN_AUDIENCE == (int)TP_CUSTOMER_SORT_AUDIENCE);
G_STATIC_ASSERT ((int)TP_CUSTOMER_COLUMN_STAGE == (int)TP_CUSTOMER_SORT_STAGE);
G_STATIC_ASSERT ((int)TP_CUSTOMER_COLUMN_TOUCHES == (int)TP_CUSTOMER_SORT_TOUCHES);
G_STATIC_ASSERT ((int)TP_CUSTOMER_COLUMN_LAST_TOUCH == (int)TP_CUSTOMER_SORT_LAST_TOUCH);
G_STATIC_ASSERT ((int)TP_CUSTOMER_COLUMN_ORDERS == (int)TP_CUSTOMER_SORT_ORDERS);
G_STATIC_ASSERT ((int)TP_CUSTOMER_COLUMN_TOTAL_SPENT == (int)TP_CUSTOMER_SORT_TOTAL_SPENT);

/* The choices of the quiet filter, as in the template. */
static const guint quiet_choices[] = { 0, 7, 14, 30, 60, 90 };

struct _TpCustomersSection
{
  GtkWidget            parent_instance;

  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *stage_dropdown;
  GtkDropDown         *audience_dropdown;
  GtkDropDown         *quiet_dropdown;
  GtkStack            *list_stack;
  GtkWidget           *list_box;
  GtkListView         *list_view;
  TpCustomerHeader    *header;
  TpCustomerColumns   *columns;
  GtkLabel            *count_label;
  GtkWidget           *count_box;
  GtkSpinner          *loading_spinner;
  TpCustomerDetail    *detail;

  TpStore             *store;
  TpCustomerList      *list;
  TpResetListModel    *rows;
  GtkSingleSelection  *selection;
  GListModel          *audiences;
  GArray              *audience_ids;  /* gint64 per audience filter item; 0 is all */

  gint64               current_id;
  gboolean             scroll_to_current;  /* once their row comes */
  guint                metrics_id;         /* idle that reads the font's measures */
  gboolean             updating_filters;
};

G_DEFINE_FINAL_TYPE (TpCustomersSection, tp_customers_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DETAIL_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows */

static void
row_setup_cb (TpCustomersSection *self,
              GtkListItem        *list_item)
{
  gtk_list_item_set_child (list_item, tp_customer_row_new (self->columns));
}

static void
row_bind_cb (TpCustomersSection *self,
             GtkListItem        *list_item)
{
  tp_customer_row_bind (TP_CUSTOMER_ROW (gtk_list_item_get_child (list_item)),
                        self->store, gtk_list_item_get_item (list_item));
}

static void
row_unbind_cb (TpCustomersSection *self,
               GtkListItem        *list_item)
{
  tp_customer_row_bind (TP_CUSTOMER_ROW (gtk_list_item_get_child (list_item)), NULL, NULL);
}

/* The columns follow the font of the rows: read it when the list shows,
 * and again when the font or the text size changes. The same font (the
 * list showing again) costs nothing. */
static void
update_column_metrics (TpCustomersSection *self)
{
  if (tp_customer_columns_update_metrics (self->columns,
                                          gtk_widget_get_pango_context (GTK_WIDGET (self->list_view))))
    tp_customer_header_read_titles (self->header);
}

static gboolean
update_column_metrics_idle_cb (gpointer data)
{
  TpCustomersSection *self = data;

  self->metrics_id = 0;
  update_column_metrics (self);

  return G_SOURCE_REMOVE;
}

static void
font_settings_changed_cb (TpCustomersSection *self)
{
  /* After the widgets have taken the new font; once for a font and a
   * text size changed together. */
  if (self->metrics_id == 0)
    self->metrics_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_column_metrics_idle_cb, self, NULL);
}

/* Sorting */

static void
apply_sort (TpCustomersSection *self)
{
  if (self->list == NULL)
    return;

  tp_customer_list_set_sort_key (self->list, tp_customer_header_get_sort_key (self->header));
  tp_customer_list_set_sort_descending (self->list, tp_customer_header_get_sort_descending (self->header));
}

/* Selection */

static TpCustomer *
selected_customer (TpCustomersSection *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
scroll_to (TpCustomersSection *self,
           guint               position)
{
  /* GTK 4.8 has no gtk_list_view_scroll_to(); it has an action. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
show_detail (TpCustomersSection *self,
             TpCustomer         *customer)
{
  self->current_id = tp_record_get_id (TP_RECORD (customer));
  tp_customer_detail_set_customer (self->detail, customer);

  /* Unfolded, this only says which page shows once folded. */
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
selection_changed_cb (TpCustomersSection *self)
{
  TpCustomer *customer = selected_customer (self);

  /* A dropped selection keeps the detail; a new one shows it beside the
   * list. When narrow, the detail is pushed on activation instead, so that
   * moving through the list does not push it. */
  if (customer == NULL || adw_leaflet_get_folded (self->leaflet))
    return;

  self->current_id = tp_record_get_id (TP_RECORD (customer));
  tp_customer_detail_set_customer (self->detail, customer);
}

static void
on_list_view_activate_cb (TpCustomersSection *self,
                            guint               position)
{
  g_autoptr(TpCustomer) customer = NULL;

  if (self->list == NULL)
    return;

  customer = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (customer != NULL)
    show_detail (self, customer);
}

static gboolean
filters_active (TpCustomersSection *self)
{
  return self->list != NULL &&
         (tp_customer_list_get_search_text (self->list) != NULL ||
          tp_customer_list_get_stage_filter (self->list) >= 0 ||
          tp_customer_list_get_audience_filter (self->list) != 0 ||
          tp_customer_list_get_quiet_days (self->list) != 0);
}

static void
update_state (TpCustomersSection *self)
{
  guint n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  /* The first rows of a long search come before the count is known. */
  gboolean counted = n > 0 && !tp_customer_list_get_partial (self->list);
  g_autofree char *count = NULL;

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (filters_active (self))
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");

  if (counted)
    /* Translators: how many customers the list shows */
    count = g_strdup_printf (ngettext ("%'u customer", "%'u customers", n), n);

  gtk_label_set_label (self->count_label, count != NULL ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), counted);
  gtk_widget_set_visible (self->count_box,
                          counted || gtk_widget_get_visible (GTK_WIDGET (self->loading_spinner)));
}

/* A new filter or sort runs on the list's worker: the rows shown until it
 * lands are the old ones, or the first rows of a long query, and a spinner
 * beside the count says so. */
static void
on_list_loading_cb (TpCustomersSection *self)
{
  gboolean loading = self->list != NULL && tp_customer_list_get_loading (self->list);

  gtk_spinner_set_spinning (self->loading_spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), loading);
  update_state (self);
}

static void
rows_changed_cb (TpCustomersSection *self,
                             guint               position,
                             guint               removed,
                             guint               added,
                             GListModel         *list)
{
  if (self->current_id != 0 &&
      gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    {
      guint found = tp_customer_list_find (self->list, self->current_id);

      if (found != G_MAXUINT)
        {
          gtk_single_selection_set_selected (self->selection, found);
          if (self->scroll_to_current)
            scroll_to (self, found);
          self->scroll_to_current = FALSE;
        }
    }

  if (self->list != NULL && !tp_customer_list_get_loading (self->list))
    self->scroll_to_current = FALSE;

  update_state (self);
}

static void
on_detail_customer_cb (TpCustomersSection *self)
{
  if (tp_customer_detail_get_customer (self->detail) != NULL)
    return;

  /* The customer was deleted. */
  self->current_id = 0;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

/**
 * tp_customers_section_get_detail_shown:
 * @self: a #TpCustomersSection
 *
 * Returns: whether the section, folded, shows a customer in place of the
 *   list, with its own way back to the list
 */
gboolean
tp_customers_section_get_detail_shown (TpCustomersSection *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMERS_SECTION (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet) &&
         g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0;
}

static void
on_leaflet_visible_child_cb (TpCustomersSection *self)
{
  TpCustomer *customer;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL_SHOWN]);

  /* Unfolding shows the detail again: let it show the selected row. */
  if (adw_leaflet_get_folded (self->leaflet))
    return;

  customer = selected_customer (self);
  if (customer != NULL)
    tp_customer_detail_set_customer (self->detail, customer);
}

static void
on_back_button_clicked_cb (TpCustomersSection *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Filters */

static void
apply_filters (TpCustomersSection *self)
{
  guint stage, audience, quiet;

  if (self->list == NULL || self->updating_filters)
    return;

  stage = gtk_drop_down_get_selected (self->stage_dropdown);
  audience = gtk_drop_down_get_selected (self->audience_dropdown);
  quiet = gtk_drop_down_get_selected (self->quiet_dropdown);

  tp_customer_list_set_stage_filter (self->list,
                                     stage == GTK_INVALID_LIST_POSITION || stage == 0 ? -1 : (int)stage - 1);
  tp_customer_list_set_audience_filter (self->list,
                                        audience < self->audience_ids->len
                                        ? g_array_index (self->audience_ids, gint64, audience) : 0);
  tp_customer_list_set_quiet_days (self->list,
                                   quiet < G_N_ELEMENTS (quiet_choices) ? quiet_choices[quiet] : 0);
  tp_customer_list_set_search_text (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  update_state (self);
}

static void
on_filter_changed_cb (TpCustomersSection *self)
{
  apply_filters (self);
}

static void
on_search_entry_search_changed_cb (TpCustomersSection *self)
{
  apply_filters (self);
}

static void
on_search_entry_stop_search_cb (TpCustomersSection *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/**
 * tp_customers_section_clear_filters:
 * @self: a #TpCustomersSection
 *
 * Empties the search and sets every filter to show everyone.
 */
void
tp_customers_section_clear_filters (TpCustomersSection *self)
{
  g_return_if_fail (TP_IS_CUSTOMERS_SECTION (self));

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->stage_dropdown, 0);
  gtk_drop_down_set_selected (self->audience_dropdown, 0);
  gtk_drop_down_set_selected (self->quiet_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating_filters = FALSE;

  apply_filters (self);
}

static void
fill_audiences (TpCustomersSection *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->audience_dropdown);
  gint64 selected_id = selected < self->audience_ids->len
                       ? g_array_index (self->audience_ids, gint64, selected) : 0;
  guint new_selected = 0;
  gint64 all = 0;

  g_array_set_size (self->audience_ids, 0);
  gtk_string_list_append (names, _("All Audiences"));
  g_array_append_val (self->audience_ids, all);

  for (guint i = 0; self->audiences != NULL && i < g_list_model_get_n_items (self->audiences); i++)
    {
      g_autoptr(TpAudience) audience = g_list_model_get_item (self->audiences, i);
      gint64 id = tp_record_get_id (TP_RECORD (audience));

      if (id == selected_id)
        new_selected = self->audience_ids->len;
      gtk_string_list_append (names, tp_audience_get_name (audience));
      g_array_append_val (self->audience_ids, id);
    }

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->audience_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->audience_dropdown, new_selected);
  self->updating_filters = FALSE;

  apply_filters (self);
}

/* Actions */

/**
 * tp_customers_section_show_customer:
 * @self: a #TpCustomersSection
 * @id: a customer id
 *
 * Selects the customer and shows their detail, clearing the search and
 * filters if they hide the customer.
 *
 * Returns: whether the customer was found
 */
gboolean
tp_customers_section_show_customer (TpCustomersSection *self,
                                    gint64              id)
{
  g_autoptr(TpCustomer) customer = NULL;
  guint position;

  g_return_val_if_fail (TP_IS_CUSTOMERS_SECTION (self), FALSE);

  if (self->list == NULL)
    return FALSE;

  position = tp_customer_list_find (self->list, id);
  if (position == G_MAXUINT && filters_active (self))
    {
      tp_customers_section_clear_filters (self);
      position = tp_customer_list_find (self->list, id);
    }

  /* The rows without the filters (or below the first rows of a long
   * query) are still on their way from the list's worker: show the
   * detail now, and select and scroll to the row when it comes. */
  if (position != G_MAXUINT)
    customer = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  else if (tp_customer_list_get_loading (self->list))
    customer = tp_store_get_customer (self->store, id, NULL);
  if (customer == NULL)
    return FALSE;

  self->current_id = id;
  self->scroll_to_current = position == G_MAXUINT;
  gtk_single_selection_set_selected (self->selection,
                                     position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  show_detail (self, customer);
  if (position != G_MAXUINT)
    scroll_to (self, position);

  return TRUE;
}

static gint64
primary_audience_id (TpStore *store)
{
  g_autoptr(GListModel) audiences = tp_store_list_audiences (store);

  for (guint i = 0; i < g_list_model_get_n_items (audiences); i++)
    {
      g_autoptr(TpAudience) audience = g_list_model_get_item (audiences, i);

      if (tp_audience_get_is_primary (audience))
        return tp_record_get_id (TP_RECORD (audience));
    }

  return 0;
}

/**
 * tp_customers_section_add_customer:
 * @self: a #TpCustomersSection
 *
 * Adds a customer called “New Customer”, of the primary audience when
 * there is one, shows them and puts the cursor in their name, ready to be
 * typed over.
 *
 * Returns: (transfer none) (nullable): the new customer
 */
TpCustomer *
tp_customers_section_add_customer (TpCustomersSection *self)
{
  g_autoptr(TpCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TP_IS_CUSTOMERS_SECTION (self), NULL);

  if (self->store == NULL)
    return NULL;

  customer = tp_customer_new ();
  tp_customer_set_name (customer, _("New Customer"));
  tp_customer_set_stage (customer, TP_STAGE_LEAD);
  tp_customer_set_audience_id (customer, primary_audience_id (self->store));

  if (!tp_store_add_customer (self->store, customer, &error))
    {
      _tp_toast_show_error (GTK_WIDGET (self), error);
      return NULL;
    }

  if (!tp_customers_section_show_customer (self, tp_record_get_id (TP_RECORD (customer))))
    return NULL;

  tp_customer_detail_focus_name (self->detail);

  return tp_customer_detail_get_customer (self->detail);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  tp_customers_section_add_customer (TP_CUSTOMERS_SECTION (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpCustomersSection *self = TP_CUSTOMERS_SECTION (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  tp_customers_section_clear_filters (TP_CUSTOMERS_SECTION (widget));
}

static TpCustomer *
current_customer (TpCustomersSection *self)
{
  TpCustomer *customer = selected_customer (self);

  /* When narrow the detail may still show an older choice. */
  if (customer != NULL)
    tp_customer_detail_set_customer (self->detail, customer);

  return tp_customer_detail_get_customer (self->detail);
}

static void
log_touch_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpCustomersSection *self = TP_CUSTOMERS_SECTION (widget);

  /* With nobody chosen, the window's Log Touch asks for the customer. */
  if (current_customer (self) != NULL)
    tp_customer_detail_log_touch (self->detail);
  else
    gtk_widget_activate_action (widget, "window.log-touch", NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpCustomersSection *self = TP_CUSTOMERS_SECTION (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Delete deletes the customer only from the list, never while typing
   * or from a button of the detail. */
  if (focus == NULL ||
      (focus != GTK_WIDGET (self->list_view) &&
       !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view))))
    return;

  if (current_customer (self) != NULL)
    tp_customer_detail_delete (self->detail);
}

/* Store */

TpStore *
tp_customers_section_get_store (TpCustomersSection *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMERS_SECTION (self), NULL);

  return self->store;
}

void
tp_customers_section_set_store (TpCustomersSection *self,
                                TpStore            *store)
{
  g_return_if_fail (TP_IS_CUSTOMERS_SECTION (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  tp_customer_detail_set_store (self->detail, NULL);
  tp_reset_list_model_set_model (self->rows, NULL);
  if (self->audiences != NULL)
    g_signal_handlers_disconnect_by_data (self->audiences, self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  g_clear_object (&self->audiences);
  self->current_id = 0;

  g_set_object (&self->store, store);

  /* A role that may only read adds, logs and deletes nothing */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.add", _tp_store_can_write (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.log-touch",
                                 _tp_store_can_write (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.delete",
                                 _tp_store_can_write (store));

  if (store != NULL)
    {
      self->list = tp_customer_list_new (store);
      apply_sort (self);
      g_signal_connect_object (self->list, "notify::loading",
                               G_CALLBACK (on_list_loading_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "notify::partial",
                               G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);

      tp_reset_list_model_set_model (self->rows, G_LIST_MODEL (self->list));

      self->audiences = tp_store_list_audiences (store);
      g_signal_connect_object (self->audiences, "items-changed",
                               G_CALLBACK (fill_audiences), self, G_CONNECT_SWAPPED);
    }

  tp_customer_detail_set_store (self->detail, store);
  fill_audiences (self);
  on_list_loading_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tp_customers_section_get_list:
 * @self: a #TpCustomersSection
 *
 * Returns: (transfer none) (nullable): the list the section shows
 */
TpCustomerList *
tp_customers_section_get_list (TpCustomersSection *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMERS_SECTION (self), NULL);

  return self->list;
}

/**
 * tp_customers_section_get_detail:
 * @self: a #TpCustomersSection
 *
 * Returns: (transfer none): the customer detail
 */
TpCustomerDetail *
tp_customers_section_get_detail (TpCustomersSection *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMERS_SECTION (self), NULL);

  return self->detail;
}

/* GObject */

static void
tp_customers_section_dispose (GObject *object)
{
  TpCustomersSection *self = TP_CUSTOMERS_SECTION (object);

  g_signal_handlers_disconnect_by_func (gtk_settings_get_default (), font_settings_changed_cb, self);
  g_clear_handle_id (&self->metrics_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_CUSTOMERS_SECTION);

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->list);
  g_clear_object (&self->audiences);
  g_clear_object (&self->store);
  g_clear_object (&self->columns);

  G_OBJECT_CLASS (tp_customers_section_parent_class)->dispose (object);
}

static void
tp_customers_section_finalize (GObject *object)
{
  TpCustomersSection *self = TP_CUSTOMERS_SECTION (object);

  g_clear_pointer (&self->audience_ids, g_array_unref);

  G_OBJECT_CLASS (tp_customers_section_parent_class)->finalize (object);
}

static void
tp_customers_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TpCustomersSection *self = TP_CUSTOMERS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DETAIL_SHOWN:
      g_value_set_boolean (value, tp_customers_section_get_detail_shown (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_customers_section_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TpCustomersSection *self = TP_CUSTOMERS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_customers_section_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static const struct {
  guint           key;
  GdkModifierType modifiers;
  const char     *action;
} shortcuts[] = {
  { GDK_KEY_n, GDK_CONTROL_MASK, "customers.add" },
  { GDK_KEY_f, GDK_CONTROL_MASK, "customers.search" },
  { GDK_KEY_t, GDK_CONTROL_MASK, "customers.log-touch" },
};

static void
tp_customers_section_class_init (TpCustomersSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_customers_section_dispose;
  object_class->finalize = tp_customers_section_finalize;
  object_class->get_property = tp_customers_section_get_property;
  object_class->set_property = tp_customers_section_set_property;

  /**
   * TpCustomersSection:store:
   *
   * The store whose customers the section shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpCustomersSection:detail-shown:
   *
   * Whether the section, folded, shows a customer with its own back bar:
   * the page around it then hides its own, so that there is one.
   */
  properties[PROP_DETAIL_SHOWN] =
    g_param_spec_boolean ("detail-shown", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-customers-section.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, TpCustomersSection, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TpCustomersSection, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TpCustomersSection, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TpCustomersSection, audience_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TpCustomersSection, quiet_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TpCustomersSection, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TpCustomersSection, list_box);
  gtk_widget_class_bind_template_child (widget_class, TpCustomersSection, list_view);
  gtk_widget_class_bind_template_child (widget_class, TpCustomersSection, count_label);
  gtk_widget_class_bind_template_child (widget_class, TpCustomersSection, count_box);
  gtk_widget_class_bind_template_child (widget_class, TpCustomersSection, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, TpCustomersSection, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_customer_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "customers.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "customers.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "customers.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "customers.log-touch", NULL, log_touch_action);
  gtk_widget_class_install_action (widget_class, "customers.delete", NULL, delete_action);

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_widget_class_add_binding_action (widget_class, shortcuts[i].key, shortcuts[i].modifiers,
                                         shortcuts[i].action, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "customers.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "customers.delete", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_customers_section_init (TpCustomersSection *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  GtkEventController *controller;

  self->audience_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_type_ensure (TP_TYPE_CUSTOMER_DETAIL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = tp_reset_list_model_new (NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  /* After the selection has heard of a change. */
  g_signal_connect_object (self->rows, "items-changed",
                           G_CALLBACK (rows_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect_object (factory, "setup", G_CALLBACK (row_setup_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (factory, "bind", G_CALLBACK (row_bind_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (factory, "unbind", G_CALLBACK (row_unbind_cb), self, G_CONNECT_SWAPPED);
    gtk_list_view_set_factory (self->list_view, factory);
  }

  self->columns = tp_customer_columns_new ();
  self->header = TP_CUSTOMER_HEADER (tp_customer_header_new (self->columns));
  gtk_box_prepend (GTK_BOX (self->list_box), GTK_WIDGET (self->header));
  g_signal_connect_object (self->header, "notify::sort-descending",
                           G_CALLBACK (apply_sort), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->header, "notify::sort-key",
                           G_CALLBACK (apply_sort), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "map",
                           G_CALLBACK (update_column_metrics), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-font-name",
                           G_CALLBACK (font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi",
                           G_CALLBACK (font_settings_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_string_list_append (stages, _("All Stages"));
  for (guint i = 0; i <= TP_STAGE_LOST; i++)
    gtk_string_list_append (stages, tp_stage_get_label (i));
  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));
  self->updating_filters = FALSE;

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));

  /* The same shortcuts wherever the focus is, while the section shows. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].key,
                                                                                    shortcuts[i].modifiers),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  fill_audiences (self);
  update_state (self);
}
