/* tp-customer-row.c
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

#define G_LOG_DOMAIN "tp-customer-row"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-customer-row.h"
#include "tp-sales-util-private.h"

/*
 * TpCustomerRow is one row of the customer list: one widget that sets the
 * seven cells' texts itself, where TpCustomerColumns places them.
 *
 * A list view keeps up to 200 rows, and a new search replaces them all.
 * With a label per cell, each row was fifteen widgets and list items to
 * make and to throw away; this is one. Its height is one line of the
 * font, known without setting any text, and its texts are set into Pango
 * layouts only when the row is painted.
 *
 * For assistive technologies the row is one label that reads the
 * customer out: “Ada Lovelace, Lead, 6 touches, …”.
 */

struct _TpCustomerRow
{
  GtkWidget          parent_instance;

  TpCustomerColumns *columns;
  TpStore           *store;
  TpCustomer        *customer;
  TpAudience        *audience;
  gulong             customer_handler;
  gulong             audience_handler;

  char              *texts[TP_N_CUSTOMER_COLUMNS];
  PangoLayout       *layouts[TP_N_CUSTOMER_COLUMNS];
};

G_DEFINE_FINAL_TYPE (TpCustomerRow, tp_customer_row, GTK_TYPE_WIDGET)

static void
clear_layouts (TpCustomerRow *self)
{
  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    g_clear_object (&self->layouts[i]);
}

static void
set_text (TpCustomerRow    *self,
          TpCustomerColumn  column,
          char             *text)
{
  if (g_strcmp0 (self->texts[column], text) == 0)
    {
      g_free (text);
      return;
    }

  g_free (self->texts[column]);
  self->texts[column] = text;
  if (self->layouts[column] != NULL)
    pango_layout_set_text (self->layouts[column], text != NULL ? text : "", -1);
}

static void
update_accessible_label (TpCustomerRow *self)
{
  GString *label;
  int touches, orders;

  if (self->customer == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  touches = (int) CLAMP (tp_customer_get_touch_count (self->customer), 0, G_MAXINT);
  orders = (int) CLAMP (tp_customer_get_order_count (self->customer), 0, G_MAXINT);

  label = g_string_new (self->texts[TP_CUSTOMER_COLUMN_NAME]);
  if (self->texts[TP_CUSTOMER_COLUMN_AUDIENCE] != NULL && self->texts[TP_CUSTOMER_COLUMN_AUDIENCE][0] != '\0')
    g_string_append_printf (label, ", %s", self->texts[TP_CUSTOMER_COLUMN_AUDIENCE]);
  g_string_append_printf (label, ", %s, ", self->texts[TP_CUSTOMER_COLUMN_STAGE]);
  /* Translators: read out for a row of the customer list */
  g_string_append_printf (label, ngettext ("%'d touch", "%'d touches", (gulong) touches), touches);
  if (tp_customer_get_last_touch_at (self->customer) != NULL)
    {
      g_string_append (label, ", ");
      /* Translators: read out for a row of the customer list; %s is a date */
      g_string_append_printf (label, _("last touch %s"), self->texts[TP_CUSTOMER_COLUMN_LAST_TOUCH]);
    }
  g_string_append (label, ", ");
  /* Translators: read out for a row of the customer list */
  g_string_append_printf (label, ngettext ("%'d order", "%'d orders", (gulong) orders), orders);
  g_string_append (label, ", ");
  /* Translators: read out for a row of the customer list; %s is an amount of money */
  g_string_append_printf (label, _("%s spent"), self->texts[TP_CUSTOMER_COLUMN_TOTAL_SPENT]);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
  g_string_free (label, TRUE);
}

static void
audience_name_cb (TpCustomerRow *self)
{
  set_text (self, TP_CUSTOMER_COLUMN_AUDIENCE, g_strdup (tp_audience_get_name (self->audience)));
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_audience (TpCustomerRow *self)
{
  gint64 id = tp_customer_get_audience_id (self->customer);

  if (self->audience != NULL && tp_audience_get_id (self->audience) == id)
    return;

  g_clear_signal_handler (&self->audience_handler, self->audience);
  g_clear_object (&self->audience);

  if (id != 0 && self->store != NULL)
    self->audience = tp_store_get_audience (self->store, id, NULL);

  /* Renaming the audience renames it here. */
  if (self->audience != NULL)
    self->audience_handler = g_signal_connect_object (self->audience, "notify::name",
                                                      G_CALLBACK (audience_name_cb), self,
                                                      G_CONNECT_SWAPPED);

  set_text (self, TP_CUSTOMER_COLUMN_AUDIENCE,
            g_strdup (self->audience != NULL ? tp_audience_get_name (self->audience) : ""));
}

static void
update_texts (TpCustomerRow *self)
{
  TpCustomer *customer = self->customer;
  char *date;

  if (customer == NULL)
    {
      for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
        set_text (self, i, NULL);
      update_accessible_label (self);
      return;
    }

  set_text (self, TP_CUSTOMER_COLUMN_NAME, g_strdup (tp_customer_get_name (customer)));
  update_audience (self);
  set_text (self, TP_CUSTOMER_COLUMN_STAGE, g_strdup (tp_stage_get_label (tp_customer_get_stage (customer))));
  set_text (self, TP_CUSTOMER_COLUMN_TOUCHES,
            g_strdup_printf ("%" G_GINT64_FORMAT, tp_customer_get_touch_count (customer)));

  date = _tp_format_date (tp_customer_get_last_touch_at (customer));
  if (date[0] == '\0')
    {
      g_free (date);
      date = g_strdup ("—");
    }
  set_text (self, TP_CUSTOMER_COLUMN_LAST_TOUCH, date);

  set_text (self, TP_CUSTOMER_COLUMN_ORDERS,
            g_strdup_printf ("%" G_GINT64_FORMAT, tp_customer_get_order_count (customer)));
  set_text (self, TP_CUSTOMER_COLUMN_TOTAL_SPENT,
            _tp_format_money (tp_customer_get_total_spent_minor (customer),
                              self->store != NULL ? tp_store_get_currency (self->store)
                                                  : TP_STORE_DEFAULT_CURRENCY));
  update_accessible_label (self);
}

static void
customer_notify_cb (TpCustomerRow *self)
{
  update_texts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tp_customer_row_bind:
 * @self: a #TpCustomerRow
 * @store: (nullable): the store of @customer
 * @customer: (nullable): the customer to show, or %NULL for none
 *
 * Shows @customer, and follows its changes until bound to another.
 */
void
tp_customer_row_bind (TpCustomerRow *self,
                      TpStore       *store,
                      TpCustomer    *customer)
{
  g_return_if_fail (TP_IS_CUSTOMER_ROW (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));
  g_return_if_fail (customer == NULL || TP_IS_CUSTOMER (customer));

  g_clear_signal_handler (&self->customer_handler, self->customer);
  g_set_object (&self->store, store);
  g_set_object (&self->customer, customer);

  /* The item is the store's live customer: follow its changes. */
  if (customer != NULL)
    self->customer_handler = g_signal_connect_object (customer, "notify",
                                                      G_CALLBACK (customer_notify_cb), self,
                                                      G_CONNECT_SWAPPED);
  else
    {
      g_clear_signal_handler (&self->audience_handler, self->audience);
      g_clear_object (&self->audience);
    }

  update_texts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tp_customer_row_get_text:
 * @self: a #TpCustomerRow
 * @column: a #TpCustomerColumn
 *
 * Returns: (nullable): the text the row shows in @column
 */
const char *
tp_customer_row_get_text (TpCustomerRow    *self,
                          TpCustomerColumn  column)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_ROW (self), NULL);
  g_return_val_if_fail (column < TP_N_CUSTOMER_COLUMNS, NULL);

  return self->texts[column];
}

/* GtkWidget */

static void
columns_changed_cb (TpCustomerRow *self)
{
  /* A new font: the layouts are made again with it. */
  clear_layouts (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static PangoLayout *
ensure_layout (TpCustomerRow    *self,
               TpCustomerColumn  column,
               int               width)
{
  PangoLayout *layout = self->layouts[column];

  if (layout == NULL)
    {
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->texts[column]);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);

      if (tp_customer_column_is_numeric (column))
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
          pango_layout_set_attributes (layout, attrs);
          pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
          pango_attr_list_unref (attrs);
        }

      self->layouts[column] = layout;
    }

  if (pango_layout_get_width (layout) != width * PANGO_SCALE)
    pango_layout_set_width (layout, width * PANGO_SCALE);

  return layout;
}

static void
tp_customer_row_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  TpCustomerRow *self = TP_CUSTOMER_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = tp_customer_columns_get_min_width (self->columns, TP_CUSTOMER_COLUMN_NAME);
      *natural = tp_customer_columns_get_natural_width (self->columns);
    }
  else
    {
      *minimum = *natural = tp_customer_columns_get_line_height (self->columns);
    }
}

static void
tp_customer_row_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  TpCustomerRow *self = TP_CUSTOMER_ROW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int x[TP_N_CUSTOMER_COLUMNS], widths[TP_N_CUSTOMER_COLUMNS];
  int top = (height - tp_customer_columns_get_line_height (self->columns)) / 2;
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  tp_customer_columns_place (self->columns, width,
                             gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL, x, widths);

  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    {
      int inner = widths[i] - 2 * TP_CUSTOMER_CELL_PADDING;

      if (inner <= 0 || self->texts[i] == NULL || self->texts[i][0] == '\0')
        continue;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x[i] + TP_CUSTOMER_CELL_PADDING, top));
      gtk_snapshot_append_layout (snapshot, ensure_layout (self, i, inner), &color);
      gtk_snapshot_restore (snapshot);
    }
}

static void
tp_customer_row_direction_changed (GtkWidget        *widget,
                                   GtkTextDirection  previous_direction)
{
  clear_layouts (TP_CUSTOMER_ROW (widget));

  GTK_WIDGET_CLASS (tp_customer_row_parent_class)->direction_changed (widget, previous_direction);
}

/* GObject */

static void
tp_customer_row_dispose (GObject *object)
{
  TpCustomerRow *self = TP_CUSTOMER_ROW (object);

  tp_customer_row_bind (self, NULL, NULL);
  if (self->columns != NULL)
    g_signal_handlers_disconnect_by_func (self->columns, columns_changed_cb, self);
  g_clear_object (&self->columns);
  clear_layouts (self);

  G_OBJECT_CLASS (tp_customer_row_parent_class)->dispose (object);
}

static void
tp_customer_row_finalize (GObject *object)
{
  TpCustomerRow *self = TP_CUSTOMER_ROW (object);

  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (tp_customer_row_parent_class)->finalize (object);
}

static void
tp_customer_row_class_init (TpCustomerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_customer_row_dispose;
  object_class->finalize = tp_customer_row_finalize;

  widget_class->measure = tp_customer_row_measure;
  widget_class->snapshot = tp_customer_row_snapshot;
  widget_class->direction_changed = tp_customer_row_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "customerrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
tp_customer_row_init (TpCustomerRow *self)
{
}

/**
 * tp_customer_row_new:
 * @columns: where the row's cells go
 *
 * Returns: (transfer floating): a new, empty row
 */
GtkWidget *
tp_customer_row_new (TpCustomerColumns *columns)
{
  TpCustomerRow *self;

  g_return_val_if_fail (TP_IS_CUSTOMER_COLUMNS (columns), NULL);

  self = g_object_new (TP_TYPE_CUSTOMER_ROW, NULL);
  self->columns = g_object_ref (columns);
  g_signal_connect_object (columns, "changed", G_CALLBACK (columns_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
