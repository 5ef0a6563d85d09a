/* tp-order-dialog.c
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

#define G_LOG_DOMAIN "tp-order-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-customer-list.h"
#include "tp-order-dialog.h"
#include "tp-sales-util-private.h"
#include "tp-toast-private.h"

/*
 * TpOrderDialog records an order or changes one: who ordered, what, for
 * how much (typed as the owner writes it, "12,50" or "12.50"), when, and
 * whether it is open, fulfilled or cancelled. Opened from a customer, the
 * customer is fixed; opened from the Orders section, the owner types a
 * name and picks from the matching customers, which the customer list
 * finds in SQLite, so that it stays quick with 100,000 of them.
 *
 * The store moves a lead or prospect to customer on a first order, and a
 * customer to repeat on a second; the dialog says so in a toast.
 */

#define N_MATCHES 5

struct _TpOrderDialog
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  AdwActionRow      *customer_row;
  AdwEntryRow       *customer_entry;
  AdwPreferencesGroup *matches_group;
  GtkListBox        *matches_list;
  AdwEntryRow       *item_row;
  AdwEntryRow       *amount_row;
  GtkLabel          *currency_label;
  AdwEntryRow       *date_row;
  AdwComboRow       *status_row;
  AdwEntryRow       *fulfilled_row;
  GtkLabel          *error_label;

  TpStore           *store;
  TpCustomer        *customer;
  TpOrder           *order;
  char              *currency;
  TpCustomerList    *matches;
  gboolean           choosing;
};

G_DEFINE_FINAL_TYPE (TpOrderDialog, tp_order_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (TpOrderDialog *self,
            const char    *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_customer (TpOrderDialog *self)
{
  const char *name = self->customer != NULL ? tp_customer_get_name (self->customer) : NULL;

  adw_action_row_set_subtitle (self->customer_row, name != NULL ? name : "");
  adw_window_title_set_subtitle (self->window_title, name != NULL ? name : "");
}

/* Choosing the customer */

static GtkWidget *
create_match_row (gpointer item,
                  gpointer user_data)
{
  TpCustomer *customer = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tp_customer_get_name (customer));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), tp_customer_get_email (customer));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "customer", g_object_ref (customer), g_object_unref);

  return row;
}

static void
choose (TpOrderDialog *self,
        TpCustomer    *customer)
{
  tp_order_dialog_set_customer (self, customer);

  self->choosing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->customer_entry), tp_customer_get_name (customer));
  gtk_editable_set_position (GTK_EDITABLE (self->customer_entry), -1);
  self->choosing = FALSE;

  gtk_widget_remove_css_class (GTK_WIDGET (self->customer_entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->matches_group), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->item_row));
}

static void
on_customer_entry_changed_cb (TpOrderDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->customer_entry));

  if (self->choosing || self->matches == NULL)
    return;

  if (self->customer != NULL)
    tp_order_dialog_set_customer (self, NULL);

  tp_customer_list_set_search_text (self->matches, text);
  gtk_widget_set_visible (GTK_WIDGET (self->matches_group), text[0] != '\0');
}

static void
on_customer_entry_activated_cb (TpOrderDialog *self)
{
  g_autoptr(TpCustomer) first = NULL;

  if (self->matches == NULL || self->customer != NULL)
    return;

  first = g_list_model_get_item (G_LIST_MODEL (self->matches), 0);
  if (first != NULL)
    choose (self, first);
}

static void
on_matches_list_row_activated_cb (TpOrderDialog *self,
                                  GtkListBoxRow *row)
{
  TpCustomer *customer = g_object_get_data (G_OBJECT (row), "customer");

  if (customer != NULL)
    choose (self, customer);
}

/* Fields */

static void
on_amount_row_changed_cb (TpOrderDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  gint64 minor;

  if (text[0] == '\0' || _tp_parse_money (text, self->currency, &minor, NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (self->amount_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->amount_row), "error");
}

static void
on_status_row_selected_cb (TpOrderDialog *self)
{
  gboolean fulfilled = adw_combo_row_get_selected (self->status_row) == TP_ORDER_STATUS_FULFILLED;

  gtk_widget_set_visible (GTK_WIDGET (self->fulfilled_row), fulfilled);

  if (fulfilled && gtk_editable_get_text (GTK_EDITABLE (self->fulfilled_row))[0] == '\0')
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *text = _tp_format_entry_time (now);

      gtk_editable_set_text (GTK_EDITABLE (self->fulfilled_row), text);
    }
}

static char *
read_time (TpOrderDialog  *self,
           AdwEntryRow    *row,
           GError        **error)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;

  local = _tp_parse_entry_time (gtk_editable_get_text (GTK_EDITABLE (row)), error);
  if (local == NULL)
    return NULL;

  utc = g_date_time_to_utc (local);
  return tp_schema_format_time (utc);
}

static gboolean
refuse (TpOrderDialog *self,
        AdwEntryRow   *row,
        const char    *message)
{
  show_error (self, message);
  if (row != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  return FALSE;
}

/**
 * tp_order_dialog_save:
 * @self: a #TpOrderDialog
 *
 * Stores the order as filled in and closes the dialog; when something is
 * wrong, says what inline and keeps the dialog open.
 *
 * Returns: whether the order was stored
 */
gboolean
tp_order_dialog_save (TpOrderDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpOrder) order = NULL;
  g_autoptr(TpCustomer) customer = NULL;
  g_autofree char *ordered_at = NULL;
  g_autofree char *fulfilled_at = NULL;
  g_autofree char *item = NULL;
  g_autofree char *title = NULL;
  TpOrderStatus status;
  TpStage stage_before;
  AdwToast *toast;
  gboolean high = FALSE;
  gint64 amount = 0;

  g_return_val_if_fail (TP_IS_ORDER_DIALOG (self), FALSE);

  if (self->customer == NULL)
    return refuse (self, self->customer_entry, _("Choose the customer who ordered."));

  item = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->item_row))));
  if (item[0] == '\0')
    return refuse (self, self->item_row, _("Say what was ordered."));

  if (!_tp_parse_money (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)),
                        self->currency, &amount, &error))
    return refuse (self, self->amount_row, error->message);

  ordered_at = read_time (self, self->date_row, &error);
  if (ordered_at == NULL)
    return refuse (self, self->date_row, error->message);

  status = adw_combo_row_get_selected (self->status_row);
  if (status == TP_ORDER_STATUS_FULFILLED)
    {
      fulfilled_at = read_time (self, self->fulfilled_row, &error);
      if (fulfilled_at == NULL)
        return refuse (self, self->fulfilled_row, error->message);
    }

  /* Work on a copy: the live order changes only once the row is stored. */
  order = tp_order_new ();
  if (self->order != NULL)
    tp_record_set_id (TP_RECORD (order), tp_record_get_id (TP_RECORD (self->order)));
  tp_order_set_customer_id (order, tp_record_get_id (TP_RECORD (self->customer)));
  tp_order_set_item (order, item);
  tp_order_set_amount_minor (order, amount);
  tp_order_set_currency (order, self->currency);
  tp_order_set_ordered_at (order, ordered_at);
  tp_order_set_status (order, status);
  tp_order_set_fulfilled_at (order, fulfilled_at);

  customer = g_object_ref (self->customer);
  stage_before = tp_customer_get_stage (customer);

  if (self->order != NULL
      ? !tp_store_save_order (self->store, order, &error)
      : !tp_store_add_order (self->store, order, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  if (tp_customer_get_stage (customer) != stage_before)
    {
      /* Translators: a customer's name, then the stage they were in and the
       * stage an order moved them to: "Ada moved from Lead to Customer" */
      title = g_strdup_printf (_("%s moved from %s to %s"),
                               tp_customer_get_name (customer),
                               tp_stage_get_label (stage_before),
                               tp_stage_get_label (tp_customer_get_stage (customer)));
      high = TRUE;
    }
  else if (self->order != NULL)
    {
      title = g_strdup (_("Order saved"));
    }
  else
    {
      /* Translators: %s is a customer's name */
      title = g_strdup_printf (_("Order from %s added"), tp_customer_get_name (customer));
    }
  /* A stage change is news: it does not wait behind other toasts. */
  toast = adw_toast_new (title);
  if (high)
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _tp_toast_show (GTK_WIDGET (self), toast);

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tp_order_dialog_save (TP_ORDER_DIALOG (widget));
}

/**
 * tp_order_dialog_new:
 * @store: the store to record into
 * @customer: (nullable): the customer who ordered, or %NULL to let the
 *   owner choose one
 * @order: (nullable): an order to change, or %NULL for a new one
 *
 * Returns: (transfer full): a new dialog; set its transient parent and
 *   present it
 */
TpOrderDialog *
tp_order_dialog_new (TpStore    *store,
                     TpCustomer *customer,
                     TpOrder    *order)
{
  g_return_val_if_fail (TP_IS_STORE (store), NULL);
  g_return_val_if_fail (customer == NULL || TP_IS_CUSTOMER (customer), NULL);
  g_return_val_if_fail (order == NULL || TP_IS_ORDER (order), NULL);

  return g_object_new (TP_TYPE_ORDER_DIALOG,
                       "store", store,
                       "customer", customer,
                       "order", order,
                       NULL);
}

TpStore *
tp_order_dialog_get_store (TpOrderDialog *self)
{
  g_return_val_if_fail (TP_IS_ORDER_DIALOG (self), NULL);

  return self->store;
}

TpCustomer *
tp_order_dialog_get_customer (TpOrderDialog *self)
{
  g_return_val_if_fail (TP_IS_ORDER_DIALOG (self), NULL);

  return self->customer;
}

void
tp_order_dialog_set_customer (TpOrderDialog *self,
                              TpCustomer    *customer)
{
  g_return_if_fail (TP_IS_ORDER_DIALOG (self));
  g_return_if_fail (customer == NULL || TP_IS_CUSTOMER (customer));

  if (g_set_object (&self->customer, customer))
    {
      update_customer (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
    }
}

TpOrder *
tp_order_dialog_get_order (TpOrderDialog *self)
{
  g_return_val_if_fail (TP_IS_ORDER_DIALOG (self), NULL);

  return self->order;
}

static void
tp_order_dialog_constructed (GObject *object)
{
  TpOrderDialog *self = TP_ORDER_DIALOG (object);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;

  G_OBJECT_CLASS (tp_order_dialog_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  if (self->order != NULL)
    {
      g_autofree char *amount = NULL;
      g_autofree char *fulfilled = NULL;

      if (self->customer == NULL)
        self->customer = tp_store_get_customer (self->store, tp_order_get_customer_id (self->order), NULL);

      self->currency = g_strdup (tp_order_get_currency (self->order));
      amount = _tp_format_amount_entry (tp_order_get_amount_minor (self->order), self->currency);
      date = _tp_format_entry_utc (tp_order_get_ordered_at (self->order));
      fulfilled = _tp_format_entry_utc (tp_order_get_fulfilled_at (self->order));

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Order"));
      adw_window_title_set_title (self->window_title, _("Edit Order"));
      gtk_button_set_label (self->save_button, _("_Save"));

      gtk_editable_set_text (GTK_EDITABLE (self->item_row), tp_order_get_item (self->order));
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
      gtk_editable_set_text (GTK_EDITABLE (self->fulfilled_row), fulfilled);
      adw_combo_row_set_selected (self->status_row, tp_order_get_status (self->order));
    }
  else
    {
      self->currency = g_strdup (tp_store_get_currency (self->store));
      date = _tp_format_entry_time (now);
      adw_combo_row_set_selected (self->status_row, TP_ORDER_STATUS_OPEN);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_label_set_label (self->currency_label, self->currency);
  on_status_row_selected_cb (self);

  if (self->customer == NULL)
    {
      g_autoptr(GtkSliceListModel) slice = NULL;

      /* Who ordered? The owner types, SQLite finds. */
      self->matches = tp_customer_list_new (self->store);
      slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->matches)), 0, N_MATCHES);
      gtk_list_box_bind_model (self->matches_list, G_LIST_MODEL (slice), create_match_row, NULL, NULL);

      gtk_widget_set_visible (GTK_WIDGET (self->customer_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->customer_entry), TRUE);
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->customer_entry));
    }
  else
    {
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->item_row));
    }

  update_customer (self);
}

static void
tp_order_dialog_dispose (GObject *object)
{
  TpOrderDialog *self = TP_ORDER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_ORDER_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->customer);
  g_clear_object (&self->order);
  g_clear_object (&self->matches);

  G_OBJECT_CLASS (tp_order_dialog_parent_class)->dispose (object);
}

static void
tp_order_dialog_finalize (GObject *object)
{
  TpOrderDialog *self = TP_ORDER_DIALOG (object);

  g_free (self->currency);

  G_OBJECT_CLASS (tp_order_dialog_parent_class)->finalize (object);
}

static void
tp_order_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TpOrderDialog *self = TP_ORDER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;

    case PROP_ORDER:
      g_value_set_object (value, self->order);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_order_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TpOrderDialog *self = TP_ORDER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CUSTOMER:
      tp_order_dialog_set_customer (self, g_value_get_object (value));
      break;

    case PROP_ORDER:
      self->order = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_order_dialog_class_init (TpOrderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tp_order_dialog_constructed;
  object_class->dispose = tp_order_dialog_dispose;
  object_class->finalize = tp_order_dialog_finalize;
  object_class->get_property = tp_order_dialog_get_property;
  object_class->set_property = tp_order_dialog_set_property;

  /**
   * TpOrderDialog:store:
   *
   * The store the order goes into.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TpOrderDialog:customer:
   *
   * The customer who ordered, or %NULL until the owner chooses one.
   */
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         TP_TYPE_CUSTOMER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TpOrderDialog:order:
   *
   * The order being changed, or %NULL for a new one.
   */
  properties[PROP_ORDER] =
    g_param_spec_object ("order", NULL, NULL,
                         TP_TYPE_ORDER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-order-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TpOrderDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TpOrderDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TpOrderDialog, customer_row);
  gtk_widget_class_bind_template_child (widget_class, TpOrderDialog, customer_entry);
  gtk_widget_class_bind_template_child (widget_class, TpOrderDialog, matches_group);
  gtk_widget_class_bind_template_child (widget_class, TpOrderDialog, matches_list);
  gtk_widget_class_bind_template_child (widget_class, TpOrderDialog, item_row);
  gtk_widget_class_bind_template_child (widget_class, TpOrderDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, TpOrderDialog, currency_label);
  gtk_widget_class_bind_template_child (widget_class, TpOrderDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, TpOrderDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, TpOrderDialog, fulfilled_row);
  gtk_widget_class_bind_template_child (widget_class, TpOrderDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_matches_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "order.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tp_order_dialog_init (TpOrderDialog *self)
{
  GtkStringList *statuses = gtk_string_list_new (NULL);

  /* A dialog to a screen reader, not a "filler": the role must be in
   * place before the template creates the accessible. */
  g_object_set (self, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i <= TP_ORDER_STATUS_CANCELLED; i++)
    gtk_string_list_append (statuses, tp_order_status_get_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  g_object_unref (statuses);

  _tp_setup_date_row (self->date_row);
  _tp_setup_date_row (self->fulfilled_row);
}
