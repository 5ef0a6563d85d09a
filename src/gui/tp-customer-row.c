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
  gulong             store_handler;
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

/* Takes @text (transfer full); returns whether it differs from before. */
static gboolean
set_text (TpCustomerRow    *self,
          TpCustomerColumn  column,
          char             *text)
{
  if (g_strcmp0 (self->texts[column], text) == 0)
    {
      g_free (text);
      return FALSE;
    }

  g_free (self->texts[column]);
  self->texts[column] = text;
  if (self->layouts[column] != NULL)
    pango_layout_set_text (self->layouts[column], text != NULL ? text : "", -1);

  return TRUE;
}

/* The list view puts the keyboard focus on the list item around the row,
 * which has no name of its own: it gets the row's, or a screen reader says
 * nothing as Tab or an arrow key reaches a customer. */
static void
set_accessible_label (TpCustomerRow *self,
                      const char    *label)
{
  GtkWidget *widgets[] = { GTK_WIDGET (self), gtk_widget_get_parent (GTK_WIDGET (self)) };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      if (widgets[i] == NULL)
        continue;
      if (i > 0 && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widgets[i])) != GTK_ACCESSIBLE_ROLE_LIST_ITEM)
        continue;

      if (label != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widgets[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (widgets[i]), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

static void
update_accessible_label (TpCustomerRow *self)
{
  const char * const *texts = (const char * const *) self->texts;
  g_autofree char *touches = NULL;
  g_autofree char *orders = NULL;
  g_autofree char *label = NULL;
  gboolean audience, touched;
  int n;

  if (self->customer == NULL)
    {
      set_accessible_label (self, NULL);
      return;
    }

  n = (int) CLAMP (tp_customer_get_touch_count (self->customer), 0, G_MAXINT);
  /* Translators: read out for a row of the customer list */
  touches = g_strdup_printf (ngettext ("%'d touch", "%'d touches", (gulong) n), n);
  n = (int) CLAMP (tp_customer_get_order_count (self->customer), 0, G_MAXINT);
  /* Translators: read out for a row of the customer list */
  orders = g_strdup_printf (ngettext ("%'d order", "%'d orders", (gulong) n), n);

  audience = texts[TP_CUSTOMER_COLUMN_AUDIENCE] != NULL && texts[TP_CUSTOMER_COLUMN_AUDIENCE][0] != '\0';
  touched = tp_customer_get_last_touch_at (self->customer) != NULL;

  if (audience && touched)
    /* Translators: read out for a row of the customer list: the name, the
     * audience, the stage, “2 touches”, the date of the last touch,
     * “1 order” and an amount of money */
    label = g_strdup_printf (_("%1$s, %2$s, %3$s, %4$s, last touch %5$s, %6$s, %7$s spent"),
                             texts[TP_CUSTOMER_COLUMN_NAME], texts[TP_CUSTOMER_COLUMN_AUDIENCE],
                             texts[TP_CUSTOMER_COLUMN_STAGE], touches,
                             texts[TP_CUSTOMER_COLUMN_LAST_TOUCH], orders,
                             texts[TP_CUSTOMER_COLUMN_TOTAL_SPENT]);
  else if (audience)
    /* Translators: read out for a row of the customer list: the name, the
     * audience, the stage, “0 touches”, “0 orders” and an amount of money */
    label = g_strdup_printf (_("%1$s, %2$s, %3$s, %4$s, %5$s, %6$s spent"),
                             texts[TP_CUSTOMER_COLUMN_NAME], texts[TP_CUSTOMER_COLUMN_AUDIENCE],
                             texts[TP_CUSTOMER_COLUMN_STAGE], touches, orders,
                             texts[TP_CUSTOMER_COLUMN_TOTAL_SPENT]);
  else if (touched)
    /* Translators: read out for a row of the customer list: the name, the
     * stage, “2 touches”, the date of the last touch, “1 order” and an
     * amount of money */
    label = g_strdup_printf (_("%1$s, %2$s, %3$s, last touch %4$s, %5$s, %6$s spent"),
                             texts[TP_CUSTOMER_COLUMN_NAME], texts[TP_CUSTOMER_COLUMN_STAGE], touches,
                             texts[TP_CUSTOMER_COLUMN_LAST_TOUCH], orders,
                             texts[TP_CUSTOMER_COLUMN_TOTAL_SPENT]);
  else
    /* Translators: read out for a row of the customer list: the name, the
     * stage, “0 touches”, “0 orders” and an amount of money */
    label = g_strdup_printf (_("%1$s, %2$s, %3$s, %4$s, %5$s spent"),
                             texts[TP_CUSTOMER_COLUMN_NAME], texts[TP_CUSTOMER_COLUMN_STAGE], touches,
                             orders, texts[TP_CUSTOMER_COLUMN_TOTAL_SPENT]);

  set_accessible_label (self, label);
}

static void
audience_name_cb (TpCustomerRow *self)
{
  if (!set_text (self, TP_CUSTOMER_COLUMN_AUDIENCE, g_strdup (tp_audience_get_name (self->audience))))
    return;

  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
update_audience (TpCustomerRow *self)
{
  gint64 id = tp_customer_get_audience_id (self->customer);

  if (self->audience != NULL && tp_record_get_id (TP_RECORD (self->audience)) == id)
    return FALSE;

  g_clear_signal_handler (&self->audience_handler, self->audience);
  g_clear_object (&self->audience);

  if (id != 0 && self->store != NULL)
    self->audience = tp_store_get_audience (self->store, id, NULL);

  /* Renaming the audience renames it here. */
  if (self->audience != NULL)
    self->audience_handler = g_signal_connect_object (self->audience, "notify::name",
                                                      G_CALLBACK (audience_name_cb), self,
                                                      G_CONNECT_SWAPPED);

  return set_text (self, TP_CUSTOMER_COLUMN_AUDIENCE,
                   g_strdup (self->audience != NULL ? tp_audience_get_name (self->audience) : ""));
}

/* Sets the texts from the customer; if any changed, tells assistive
 * technologies and paints again. */
static void
update_texts (TpCustomerRow *self)
{
  TpCustomer *customer = self->customer;
  gboolean changed = FALSE;
  char *date;

  if (customer == NULL)
    {
      for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
        changed |= set_text (self, i, NULL);
    }
  else
    {
      date = _tp_format_date (tp_customer_get_last_touch_at (customer));
      if (date[0] == '\0')
        {
          g_free (date);
          date = g_strdup ("—");
        }

      changed |= set_text (self, TP_CUSTOMER_COLUMN_NAME, g_strdup (tp_customer_get_name (customer)));
      changed |= update_audience (self);
      changed |= set_text (self, TP_CUSTOMER_COLUMN_STAGE,
                           g_strdup (tp_stage_get_label (tp_customer_get_stage (customer))));
      changed |= set_text (self, TP_CUSTOMER_COLUMN_TOUCHES,
                           g_strdup_printf ("%" G_GINT64_FORMAT, tp_customer_get_touch_count (customer)));
      changed |= set_text (self, TP_CUSTOMER_COLUMN_LAST_TOUCH, date);
      changed |= set_text (self, TP_CUSTOMER_COLUMN_ORDERS,
                           g_strdup_printf ("%" G_GINT64_FORMAT, tp_customer_get_order_count (customer)));
      changed |= set_text (self, TP_CUSTOMER_COLUMN_TOTAL_SPENT,
                           _tp_format_money (tp_customer_get_total_spent_minor (customer),
                                             self->store != NULL ? tp_store_get_currency (self->store)
                                                                 : TP_STORE_DEFAULT_CURRENCY));
    }

  if (!changed)
    return;

  update_accessible_label (self);
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
  g_set_object (&self->customer, customer);

  /* The store's currency is the total's. */
  if (self->store != store)
    {
      g_clear_signal_handler (&self->store_handler, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->store_handler = g_signal_connect_object (store, "notify::currency",
                                                       G_CALLBACK (update_texts), self,
                                                       G_CONNECT_SWAPPED);
    }

  /* The item is the store's live customer: follow its changes. */
  if (customer != NULL)
    self->customer_handler = g_signal_connect_object (customer, "notify",
                                                      G_CALLBACK (update_texts), self,
                                                      G_CONNECT_SWAPPED);
  else
    {
      g_clear_signal_handler (&self->audience_handler, self->audience);
      g_clear_object (&self->audience);
    }

  update_texts (self);
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
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  tp_customer_columns_place (self->columns, width, rtl, x, widths);

  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    {
      int inner = widths[i] - 2 * TP_CUSTOMER_CELL_PADDING;
      PangoLayout *layout;
      PangoRectangle text;
      int dx;

      if (inner <= 0 || self->texts[i] == NULL || self->texts[i][0] == '\0')
        continue;

      /* A cell's text starts where the widget's direction starts, and a
       * number ends where it ends, whatever script the text is in (Pango
       * would align a right-to-left name by its own direction). */
      layout = ensure_layout (self, i, inner);
      pango_layout_get_pixel_extents (layout, NULL, &text);
      dx = (tp_customer_column_is_numeric (i) != rtl ? inner - text.width : 0) - text.x;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x[i] + TP_CUSTOMER_CELL_PADDING + dx, top));
      gtk_snapshot_append_layout (snapshot, layout, &color);
      gtk_snapshot_restore (snapshot);
    }
}

/* GObject */

static void
tp_customer_row_dispose (GObject *object)
{
  TpCustomerRow *self = TP_CUSTOMER_ROW (object);

  g_clear_signal_handler (&self->store_handler, self->store);
  g_clear_signal_handler (&self->customer_handler, self->customer);
  g_clear_signal_handler (&self->audience_handler, self->audience);
  g_clear_object (&self->store);
  g_clear_object (&self->customer);
  g_clear_object (&self->audience);
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
  /* New measures of the font or the titles. (The layouts follow the
   * widget's font and direction themselves.) */
  g_signal_connect_object (columns, "changed", G_CALLBACK (gtk_widget_queue_resize), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
