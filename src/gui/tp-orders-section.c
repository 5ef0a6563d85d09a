/* tp-orders-section.c
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

#define G_LOG_DOMAIN "tp-orders-section"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tp-order-dialog.h"
#include "tp-orders-section.h"
#include "tp-read-only-private.h"
#include "tp-reset-list-model.h"
#include "tp-sales-util-private.h"
#include "tp-toast-private.h"

/*
 * TpOrdersSection lists every order, newest first, for a chosen period
 * (this month, last month, this year, all time), with the period's totals:
 * how many orders, what they came to (cancelled ones left out), and how
 * many are still open.
 *
 * The store's list of all orders holds only ids, newest first, so a
 * period is one stretch of it: two binary searches find where it starts
 * and ends, and a slice of the list shows it. Adding the period up means
 * reading each of its orders; that happens in small steps when the main
 * loop is idle, so that 20,000 orders never freeze the window.
 */

#define TOTALS_STEP 200

typedef enum
{
  COLUMN_DATE,
  COLUMN_CUSTOMER,
  COLUMN_ITEM,
  COLUMN_AMOUNT,
  COLUMN_STATUS,
  COLUMN_FULFILLED,
  N_COLUMNS
} Column;

/* The narrowest each column gets before the list scrolls sideways. */
static const int column_width_chars[N_COLUMNS] = { 11, 12, 14, 10, 8, 11 };

typedef struct
{
  struct _TpOrdersSection *self;
  Column                   column;
} CellData;

struct _TpOrdersSection
{
  GtkWidget            parent_instance;

  GtkWidget           *box;
  GtkDropDown         *period_dropdown;
  GtkLabel            *totals_label;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];

  TpStore             *store;
  GListModel          *all;
  GtkSliceListModel   *period_orders;
  TpResetListModel    *rows;
  GtkSingleSelection  *selection;
  CellData             cells[N_COLUMNS];

  /* Adding up, a step at a time */
  guint                totals_id;
  guint                totals_position;
  guint                totals_end;
  guint                n_orders;
  guint                n_open;
  GHashTable          *sums;  /* currency → gint64 *, cancelled orders left out */
  char                *totals;
};

G_DEFINE_FINAL_TYPE (TpOrdersSection, tp_orders_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERIOD,
  PROP_TOTALS,
  PROP_COUNTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Cells */

typedef struct
{
  TpCustomer *customer;
  gulong      handler;
} CustomerCell;

static void
customer_cell_free (gpointer data)
{
  CustomerCell *cell = data;

  g_clear_signal_handler (&cell->handler, cell->customer);
  g_clear_object (&cell->customer);
  g_free (cell);
}

static void
customer_name_cb (GtkListItem *list_item,
                  GParamSpec  *pspec,
                  TpCustomer  *customer)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), tp_customer_get_name (customer));
}

static void
update_customer_cell (CellData    *cell,
                      GtkListItem *list_item,
                      TpOrder     *order)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  CustomerCell *current = g_object_get_data (G_OBJECT (list_item), "tp-customer-cell");
  gint64 id = tp_order_get_customer_id (order);
  g_autoptr(TpCustomer) customer = NULL;
  CustomerCell *new_cell;

  if (current != NULL && tp_record_get_id (TP_RECORD (current->customer)) == id)
    return;

  g_object_set_data (G_OBJECT (list_item), "tp-customer-cell", NULL);

  if (cell->self->store != NULL)
    customer = tp_store_get_customer (cell->self->store, id, NULL);

  if (customer == NULL)
    {
      gtk_label_set_label (label, "");
      return;
    }

  new_cell = g_new0 (CustomerCell, 1);
  new_cell->customer = g_object_ref (customer);
  new_cell->handler = g_signal_connect_object (customer, "notify::name",
                                               G_CALLBACK (customer_name_cb), list_item,
                                               G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (list_item), "tp-customer-cell", new_cell, customer_cell_free);
  gtk_label_set_label (label, tp_customer_get_name (customer));
}

static void
update_cell (CellData    *cell,
             GtkListItem *list_item)
{
  TpOrder *order = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *text = NULL;

  if (order == NULL)
    return;

  switch (cell->column)
    {
    case COLUMN_DATE:
      text = _tp_format_date (tp_order_get_ordered_at (order));
      gtk_label_set_label (label, text);
      break;

    case COLUMN_CUSTOMER:
      update_customer_cell (cell, list_item, order);
      break;

    case COLUMN_ITEM:
      gtk_label_set_label (label, tp_order_get_item (order));
      break;

    case COLUMN_AMOUNT:
      text = _tp_format_money (tp_order_get_amount_minor (order), tp_order_get_currency (order));
      gtk_label_set_label (label, text);
      break;

    case COLUMN_STATUS:
      gtk_label_set_label (label, tp_order_status_get_label (tp_order_get_status (order)));
      break;

    case COLUMN_FULFILLED:
      text = _tp_format_date (tp_order_get_fulfilled_at (order));
      gtk_label_set_label (label, text[0] != '\0' ? text : "—");
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  if (tp_order_get_status (order) == TP_ORDER_STATUS_CANCELLED)
    gtk_widget_add_css_class (GTK_WIDGET (label), "tp-cancelled");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "tp-cancelled");
}

static void
cell_item_notify_cb (GtkListItem *list_item,
                     GParamSpec  *pspec,
                     TpOrder     *order)
{
  update_cell (g_object_get_data (G_OBJECT (list_item), "tp-cell"), list_item);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CellData                 *cell)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), cell->column == COLUMN_AMOUNT ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), column_width_chars[cell->column]);
  if (cell->column == COLUMN_AMOUNT)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
  g_object_set_data (G_OBJECT (list_item), "tp-cell", cell);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CellData                 *cell)
{
  TpOrder *order = gtk_list_item_get_item (list_item);
  gulong handler;

  update_cell (cell, list_item);

  handler = g_signal_connect_object (order, "notify", G_CALLBACK (cell_item_notify_cb),
                                     list_item, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (list_item), "tp-handler", GSIZE_TO_POINTER (handler));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                CellData                 *cell)
{
  TpOrder *order = gtk_list_item_get_item (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "tp-handler"));

  if (order != NULL && handler != 0)
    g_signal_handler_disconnect (order, handler);
  g_object_set_data (G_OBJECT (list_item), "tp-handler", NULL);
  g_object_set_data (G_OBJECT (list_item), "tp-customer-cell", NULL);
}

/* The period */

static char *
utc_text (GDateTime *local)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (local);

  return tp_schema_format_time (utc);
}

/* The bounds of the period, as stored times; NULL for open-ended. */
static void
period_bounds (TpOrdersPeriod   period,
               char           **start,
               char           **end)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) month = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now), 1, 0, 0, 0);
  g_autoptr(GDateTime) year = g_date_time_new_local (g_date_time_get_year (now), 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  switch (period)
    {
    case TP_ORDERS_PERIOD_THIS_MONTH:
      from = g_date_time_ref (month);
      to = g_date_time_add_months (month, 1);
      break;

    case TP_ORDERS_PERIOD_LAST_MONTH:
      from = g_date_time_add_months (month, -1);
      to = g_date_time_ref (month);
      break;

    case TP_ORDERS_PERIOD_THIS_YEAR:
      from = g_date_time_ref (year);
      to = g_date_time_add_years (year, 1);
      break;

    case TP_ORDERS_PERIOD_ALL:
    default:
      break;
    }

  *start = from != NULL ? utc_text (from) : NULL;
  *end = to != NULL ? utc_text (to) : NULL;
}

/* The first position whose order is older than @bound; the list is
 * newest first. */
static guint
first_older_than (TpOrdersSection *self,
                  const char      *bound)
{
  guint lo = 0;
  guint hi = g_list_model_get_n_items (self->all);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(TpOrder) order = g_list_model_get_item (self->all, mid);

      if (g_strcmp0 (tp_order_get_ordered_at (order), bound) >= 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Totals */

static void
set_totals (TpOrdersSection *self,
            const char      *totals)
{
  if (g_strcmp0 (self->totals, totals) == 0)
    return;

  g_free (self->totals);
  self->totals = g_strdup (totals);
  gtk_label_set_label (self->totals_label, totals);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTALS]);
}

static int
compare_currencies (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
finish_totals (TpOrdersSection *self)
{
  g_autoptr(GString) money = g_string_new (NULL);
  g_autofree char *orders = NULL;
  g_autofree char *open = NULL;
  g_autofree char *totals = NULL;
  g_autofree gpointer *currencies = NULL;
  guint n_currencies = 0;

  currencies = g_hash_table_get_keys_as_array (self->sums, &n_currencies);
  qsort (currencies, n_currencies, sizeof (gpointer), compare_currencies);

  for (guint i = 0; i < n_currencies; i++)
    {
      gint64 *sum = g_hash_table_lookup (self->sums, currencies[i]);
      g_autofree char *text = _tp_format_money (*sum, currencies[i]);

      if (money->len > 0)
        g_string_append (money, " + ");
      g_string_append (money, text);
    }

  if (money->len == 0)
    {
      g_autofree char *zero = _tp_format_money (0, self->store != NULL ? tp_store_get_currency (self->store)
                                                                       : TP_STORE_DEFAULT_CURRENCY);
      g_string_append (money, zero);
    }

  /* Translators: how many orders a period has */
  orders = g_strdup_printf (ngettext ("%'u order", "%'u orders", self->n_orders), self->n_orders);
  /* Translators: how many of a period's orders are open (not yet fulfilled) */
  open = g_strdup_printf (ngettext ("%'u open", "%'u open", self->n_open), self->n_open);
  /* Translators: a period's orders: "12 orders", their total "1,234.50 EUR", "3 open" */
  totals = g_strdup_printf (_("%s · %s · %s"), orders, money->str, open);

  set_totals (self, totals);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
}

static gboolean
totals_step_cb (gpointer data)
{
  TpOrdersSection *self = data;
  guint stop = MIN (self->totals_end, self->totals_position + TOTALS_STEP);

  for (; self->totals_position < stop; self->totals_position++)
    {
      g_autoptr(TpOrder) order = g_list_model_get_item (self->all, self->totals_position);
      gint64 *sum;

      if (order == NULL)
        continue;

      self->n_orders++;
      if (tp_order_get_status (order) == TP_ORDER_STATUS_OPEN)
        self->n_open++;
      if (tp_order_get_status (order) == TP_ORDER_STATUS_CANCELLED)
        continue;

      sum = g_hash_table_lookup (self->sums, tp_order_get_currency (order));
      if (sum == NULL)
        {
          sum = g_new0 (gint64, 1);
          g_hash_table_insert (self->sums, g_strdup (tp_order_get_currency (order)), sum);
        }
      *sum += tp_order_get_amount_minor (order);
    }

  if (self->totals_position < self->totals_end)
    return G_SOURCE_CONTINUE;

  self->totals_id = 0;
  finish_totals (self);

  return G_SOURCE_REMOVE;
}

static void
start_totals (TpOrdersSection *self)
{
  guint n = gtk_slice_list_model_get_offset (self->period_orders);
  guint size = g_list_model_get_n_items (G_LIST_MODEL (self->period_orders));
  g_autofree char *counting = NULL;
  gboolean was_counting = self->totals_id != 0;

  g_clear_handle_id (&self->totals_id, g_source_remove);
  g_hash_table_remove_all (self->sums);
  self->n_orders = 0;
  self->n_open = 0;
  self->totals_position = n;
  self->totals_end = n + size;

  if (size <= TOTALS_STEP)
    {
      totals_step_cb (self);
      return;
    }

  /* Translators: shown while the orders of a period are being added up */
  counting = g_strdup_printf (ngettext ("Adding up %'u order…", "Adding up %'u orders…", size), size);
  set_totals (self, counting);

  self->totals_id = g_idle_add_full (G_PRIORITY_LOW, totals_step_cb, self, NULL);
  if (!was_counting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
}

static void
update_period (TpOrdersSection *self)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  guint offset, stop, n;

  if (self->all == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_totals (self, "");
      return;
    }

  period_bounds (tp_orders_section_get_period (self), &start, &end);
  n = g_list_model_get_n_items (self->all);
  offset = end != NULL ? first_older_than (self, end) : 0;
  stop = start != NULL ? first_older_than (self, start) : n;

  gtk_slice_list_model_set_offset (self->period_orders, offset);
  gtk_slice_list_model_set_size (self->period_orders, stop - offset);

  if (n == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (stop == offset)
    gtk_stack_set_visible_child_name (self->stack, "none-in-period");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  start_totals (self);
}

static void
on_period_dropdown_selected_cb (TpOrdersSection *self)
{
  /* Another period is another list: the view hears of it once, not once
   * for the new start and again for the new length. */
  if (self->rows != NULL)
    tp_reset_list_model_set_model (self->rows, NULL);
  update_period (self);
  if (self->rows != NULL)
    tp_reset_list_model_set_model (self->rows, G_LIST_MODEL (self->period_orders));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

/* Actions */

static GtkWindow *
present_dialog (TpOrdersSection *self,
                GtkWindow       *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);

  return dialog;
}

/**
 * tp_orders_section_add_order:
 * @self: a #TpOrdersSection
 *
 * Opens the order dialog for a new order, whose customer the owner
 * chooses.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWindow *
tp_orders_section_add_order (TpOrdersSection *self)
{
  g_return_val_if_fail (TP_IS_ORDERS_SECTION (self), NULL);

  if (self->store == NULL)
    return NULL;

  return present_dialog (self, GTK_WINDOW (tp_order_dialog_new (self->store, NULL, NULL)));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  tp_orders_section_add_order (TP_ORDERS_SECTION (widget));
}

static void
edit (TpOrdersSection *self,
      TpOrder         *order)
{
  present_dialog (self, GTK_WINDOW (tp_order_dialog_new (self->store, NULL, order)));
}

static void
on_column_view_activate_cb (TpOrdersSection *self,
                            guint            position)
{
  g_autoptr(TpOrder) order = g_list_model_get_item (G_LIST_MODEL (self->period_orders), position);

  if (order != NULL && _tp_store_can_write (self->store))
    edit (self, order);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpOrdersSection *self = TP_ORDERS_SECTION (widget);
  TpOrder *order = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpUndo) undo = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Delete deletes an order only from the list. */
  if (order == NULL || self->store == NULL || focus == NULL ||
      (focus != GTK_WIDGET (self->column_view) &&
       !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view))))
    return;

  undo = tp_store_delete_order (self->store, tp_record_get_id (TP_RECORD (order)), &error);
  if (undo == NULL)
    _tp_toast_show_error (widget, error);
  else
    _tp_toast_show_undo_delete (widget, self->store, undo, NULL);
}

/* Properties */

TpStore *
tp_orders_section_get_store (TpOrdersSection *self)
{
  g_return_val_if_fail (TP_IS_ORDERS_SECTION (self), NULL);

  return self->store;
}

void
tp_orders_section_set_store (TpOrdersSection *self,
                             TpStore         *store)
{
  g_return_if_fail (TP_IS_ORDERS_SECTION (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  g_clear_handle_id (&self->totals_id, g_source_remove);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_slice_list_model_set_model (self->period_orders, NULL);
  if (self->all != NULL)
    g_signal_handlers_disconnect_by_data (self->all, self);
  g_clear_object (&self->all);

  g_set_object (&self->store, store);

  /* A role that may only read adds, edits and deletes no order */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.add", _tp_store_can_write (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.delete", _tp_store_can_write (store));

  if (store != NULL)
    {
      self->all = tp_store_list_orders (store, 0);
      gtk_slice_list_model_set_model (self->period_orders, self->all);
      /* After the slice has heard of the change. */
      g_signal_connect_object (self->all, "items-changed",
                               G_CALLBACK (update_period), self, G_CONNECT_SWAPPED);
    }

  update_period (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

TpOrdersPeriod
tp_orders_section_get_period (TpOrdersSection *self)
{
  guint selected;

  g_return_val_if_fail (TP_IS_ORDERS_SECTION (self), TP_ORDERS_PERIOD_THIS_MONTH);

  selected = gtk_drop_down_get_selected (self->period_dropdown);
  return selected <= TP_ORDERS_PERIOD_ALL ? selected : TP_ORDERS_PERIOD_THIS_MONTH;
}

void
tp_orders_section_set_period (TpOrdersSection *self,
                              TpOrdersPeriod   period)
{
  g_return_if_fail (TP_IS_ORDERS_SECTION (self));
  g_return_if_fail (period <= TP_ORDERS_PERIOD_ALL);

  gtk_drop_down_set_selected (self->period_dropdown, period);
}

/**
 * tp_orders_section_get_orders:
 * @self: a #TpOrdersSection
 *
 * Returns: (transfer none): the orders of the period, newest first
 */
GListModel *
tp_orders_section_get_orders (TpOrdersSection *self)
{
  g_return_val_if_fail (TP_IS_ORDERS_SECTION (self), NULL);

  return G_LIST_MODEL (self->period_orders);
}

/**
 * tp_orders_section_get_totals:
 * @self: a #TpOrdersSection
 *
 * Returns: what the totals line says, such as "12 orders · 1,234.50 EUR · 3 open"
 */
const char *
tp_orders_section_get_totals (TpOrdersSection *self)
{
  g_return_val_if_fail (TP_IS_ORDERS_SECTION (self), NULL);

  return self->totals;
}

/**
 * tp_orders_section_get_counting:
 * @self: a #TpOrdersSection
 *
 * Returns: whether the period's orders are still being added up
 */
gboolean
tp_orders_section_get_counting (TpOrdersSection *self)
{
  g_return_val_if_fail (TP_IS_ORDERS_SECTION (self), FALSE);

  return self->totals_id != 0;
}

/* GObject */

static void
tp_orders_section_dispose (GObject *object)
{
  TpOrdersSection *self = TP_ORDERS_SECTION (object);

  g_clear_handle_id (&self->totals_id, g_source_remove);
  if (self->all != NULL)
    g_signal_handlers_disconnect_by_data (self->all, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_ORDERS_SECTION);

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->period_orders);
  g_clear_object (&self->all);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_orders_section_parent_class)->dispose (object);
}

static void
tp_orders_section_finalize (GObject *object)
{
  TpOrdersSection *self = TP_ORDERS_SECTION (object);

  g_clear_pointer (&self->sums, g_hash_table_unref);
  g_free (self->totals);

  G_OBJECT_CLASS (tp_orders_section_parent_class)->finalize (object);
}

static void
tp_orders_section_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TpOrdersSection *self = TP_ORDERS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PERIOD:
      g_value_set_uint (value, tp_orders_section_get_period (self));
      break;

    case PROP_TOTALS:
      g_value_set_string (value, self->totals);
      break;

    case PROP_COUNTING:
      g_value_set_boolean (value, tp_orders_section_get_counting (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_orders_section_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TpOrdersSection *self = TP_ORDERS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_orders_section_set_store (self, g_value_get_object (value));
      break;

    case PROP_PERIOD:
      tp_orders_section_set_period (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_orders_section_class_init (TpOrdersSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char * const column_ids[N_COLUMNS] = {
    "date_column", "customer_column", "item_column", "amount_column",
    "status_column", "fulfilled_column",
  };

  object_class->dispose = tp_orders_section_dispose;
  object_class->finalize = tp_orders_section_finalize;
  object_class->get_property = tp_orders_section_get_property;
  object_class->set_property = tp_orders_section_set_property;

  /**
   * TpOrdersSection:store:
   *
   * The store whose orders the section lists.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpOrdersSection:period:
   *
   * The #TpOrdersPeriod listed and added up.
   */
  properties[PROP_PERIOD] =
    g_param_spec_uint ("period", NULL, NULL,
                       TP_ORDERS_PERIOD_THIS_MONTH, TP_ORDERS_PERIOD_ALL, TP_ORDERS_PERIOD_THIS_MONTH,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpOrdersSection:totals:
   *
   * What the totals line says.
   */
  properties[PROP_TOTALS] =
    g_param_spec_string ("totals", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * TpOrdersSection:counting:
   *
   * Whether the period's orders are still being added up.
   */
  properties[PROP_COUNTING] =
    g_param_spec_boolean ("counting", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-orders-section.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, TpOrdersSection, box);
  gtk_widget_class_bind_template_child (widget_class, TpOrdersSection, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TpOrdersSection, totals_label);
  gtk_widget_class_bind_template_child (widget_class, TpOrdersSection, stack);
  gtk_widget_class_bind_template_child (widget_class, TpOrdersSection, column_view);
  for (guint i = 0; i < N_COLUMNS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, column_ids[i], FALSE,
                                               G_STRUCT_OFFSET (TpOrdersSection, columns) +
                                               i * sizeof (GtkColumnViewColumn *));
  gtk_widget_class_bind_template_callback (widget_class, on_period_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "order.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "order.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "order.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "order.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "order.delete", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_orders_section_init (TpOrdersSection *self)
{
  GtkEventController *controller;

  self->sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* See tp-reset-list-model.c: a new period is a new list. */
  self->period_orders = gtk_slice_list_model_new (NULL, 0, 0);
  self->rows = tp_reset_list_model_new (G_LIST_MODEL (self->period_orders));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      self->cells[i].self = self;
      self->cells[i].column = i;
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), &self->cells[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), &self->cells[i]);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), &self->cells[i]);
      gtk_column_view_column_set_factory (self->columns[i], factory);
    }

  /* Ctrl+N adds an order wherever the focus is, while the section shows. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("order.add")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_period (self);
}
