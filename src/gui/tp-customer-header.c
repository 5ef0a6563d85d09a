/* tp-customer-header.c
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

#define G_LOG_DOMAIN "tp-customer-header"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-core-enum-types.h"
#include "tp-customer-header.h"

/*
 * TpCustomerHeader is the row of column titles over the customer list.
 * Each title is a button that sorts the list by its column; the same
 * button again turns the order round. An arrow beside the title says
 * which column sorts, and which way.
 *
 * The titles go where TpCustomerColumns puts the rows' cells, and make
 * their columns at least as wide as themselves.
 */

struct _TpCustomerHeader
{
  GtkWidget          parent_instance;

  TpCustomerColumns *columns;
  GtkWidget         *buttons[TP_N_CUSTOMER_COLUMNS];
  GtkWidget         *arrows[TP_N_CUSTOMER_COLUMNS];

  TpCustomerSort     sort_key;
  gboolean           sort_descending;
};

G_DEFINE_FINAL_TYPE (TpCustomerHeader, tp_customer_header, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SORT_KEY,
  PROP_SORT_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
column_title (TpCustomerColumn column)
{
  switch (column)
    {
    case TP_CUSTOMER_COLUMN_NAME:
      return _("Name");
    case TP_CUSTOMER_COLUMN_AUDIENCE:
      return _("Audience");
    case TP_CUSTOMER_COLUMN_STAGE:
      return _("Stage");
    case TP_CUSTOMER_COLUMN_TOUCHES:
      return _("Touches");
    case TP_CUSTOMER_COLUMN_LAST_TOUCH:
      return _("Last Touch");
    case TP_CUSTOMER_COLUMN_ORDERS:
      return _("Orders");
    case TP_CUSTOMER_COLUMN_TOTAL_SPENT:
      return _("Total Spent");
    case TP_N_CUSTOMER_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
update_arrows (TpCustomerHeader *self)
{
  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    {
      gboolean sorted = (guint) self->sort_key == i;

      gtk_widget_set_visible (self->arrows[i], sorted);
      if (sorted)
        gtk_image_set_from_icon_name (GTK_IMAGE (self->arrows[i]),
                                      self->sort_descending ? "pan-down-symbolic" : "pan-up-symbolic");

      /* The tooltip, "Sort by …", is the description of the others. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      !sorted ? gtk_widget_get_tooltip_text (self->buttons[i])
                                      : self->sort_descending ? _("Sorted in descending order")
                                                              : _("Sorted in ascending order"),
                                      -1);
    }
}

/**
 * tp_customer_header_set_sort:
 * @self: a #TpCustomerHeader
 * @sort_key: the column the list sorts by
 * @descending: whether it sorts from last to first
 *
 * Shows the list sorted by @sort_key.
 */
void
tp_customer_header_set_sort (TpCustomerHeader *self,
                             TpCustomerSort    sort_key,
                             gboolean          descending)
{
  g_return_if_fail (TP_IS_CUSTOMER_HEADER (self));
  g_return_if_fail ((guint) sort_key < TP_N_CUSTOMER_COLUMNS);

  descending = !!descending;
  if (self->sort_key == sort_key && self->sort_descending == descending)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->sort_key != sort_key)
    {
      self->sort_key = sort_key;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_KEY]);
    }
  if (self->sort_descending != descending)
    {
      self->sort_descending = descending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
    }
  update_arrows (self);
  g_object_thaw_notify (G_OBJECT (self));
}

TpCustomerSort
tp_customer_header_get_sort_key (TpCustomerHeader *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_HEADER (self), TP_CUSTOMER_SORT_NAME);

  return self->sort_key;
}

gboolean
tp_customer_header_get_sort_descending (TpCustomerHeader *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_HEADER (self), FALSE);

  return self->sort_descending;
}

/**
 * tp_customer_header_get_button:
 * @self: a #TpCustomerHeader
 * @column: a #TpCustomerColumn
 *
 * Returns: (transfer none): the button that sorts by @column
 */
GtkWidget *
tp_customer_header_get_button (TpCustomerHeader *self,
                               TpCustomerColumn  column)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_HEADER (self), NULL);
  g_return_val_if_fail (column < TP_N_CUSTOMER_COLUMNS, NULL);

  return self->buttons[column];
}

/**
 * tp_customer_header_read_titles:
 * @self: a #TpCustomerHeader
 *
 * Makes each column at least as wide as its title. Call it when the
 * header shows, and when the font changes.
 */
void
tp_customer_header_read_titles (TpCustomerHeader *self)
{
  g_return_if_fail (TP_IS_CUSTOMER_HEADER (self));

  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    {
      int natural;

      /* As if sorted: the arrow must fit too. */
      gboolean visible = gtk_widget_get_visible (self->arrows[i]);

      gtk_widget_set_visible (self->arrows[i], TRUE);
      gtk_widget_measure (self->buttons[i], GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      gtk_widget_set_visible (self->arrows[i], visible);
      tp_customer_columns_set_title_width (self->columns, i, natural);
    }
}

static void
button_clicked_cb (GtkButton        *button,
                   TpCustomerHeader *self)
{
  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    if (self->buttons[i] == GTK_WIDGET (button))
      tp_customer_header_set_sort (self, i, (guint) self->sort_key == i && !self->sort_descending);
}

/* GtkWidget */

static void
tp_customer_header_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  TpCustomerHeader *self = TP_CUSTOMER_HEADER (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = tp_customer_columns_get_min_width (self->columns, TP_CUSTOMER_COLUMN_NAME);
      *natural = tp_customer_columns_get_natural_width (self->columns);
      return;
    }

  *minimum = *natural = 0;
  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    {
      int child_min, child_nat;

      gtk_widget_measure (self->buttons[i], orientation, -1, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
tp_customer_header_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  TpCustomerHeader *self = TP_CUSTOMER_HEADER (widget);
  int x[TP_N_CUSTOMER_COLUMNS], widths[TP_N_CUSTOMER_COLUMNS];

  tp_customer_columns_place (self->columns, width,
                             gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL, x, widths);

  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    {
      gtk_widget_set_child_visible (self->buttons[i], widths[i] > 0);
      if (widths[i] > 0)
        gtk_widget_size_allocate (self->buttons[i], &(GtkAllocation) { x[i], 0, widths[i], height }, -1);
    }
}

static void
columns_changed_cb (TpCustomerHeader *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* GObject */

static void
tp_customer_header_dispose (GObject *object)
{
  TpCustomerHeader *self = TP_CUSTOMER_HEADER (object);

  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    g_clear_pointer (&self->buttons[i], gtk_widget_unparent);
  g_clear_object (&self->columns);

  G_OBJECT_CLASS (tp_customer_header_parent_class)->dispose (object);
}

static void
tp_customer_header_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TpCustomerHeader *self = TP_CUSTOMER_HEADER (object);

  switch (prop_id)
    {
    case PROP_SORT_KEY:
      g_value_set_enum (value, self->sort_key);
      break;

    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->sort_descending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_customer_header_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TpCustomerHeader *self = TP_CUSTOMER_HEADER (object);

  switch (prop_id)
    {
    case PROP_SORT_KEY:
      tp_customer_header_set_sort (self, g_value_get_enum (value), self->sort_descending);
      break;

    case PROP_SORT_DESCENDING:
      tp_customer_header_set_sort (self, self->sort_key, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_customer_header_class_init (TpCustomerHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_customer_header_dispose;
  object_class->get_property = tp_customer_header_get_property;
  object_class->set_property = tp_customer_header_set_property;

  widget_class->measure = tp_customer_header_measure;
  widget_class->size_allocate = tp_customer_header_size_allocate;

  /**
   * TpCustomerHeader:sort-key:
   *
   * The column the list sorts by.
   */
  properties[PROP_SORT_KEY] =
    g_param_spec_enum ("sort-key", NULL, NULL,
                       TP_TYPE_CUSTOMER_SORT, TP_CUSTOMER_SORT_NAME,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpCustomerHeader:sort-descending:
   *
   * Whether the list sorts from last to first.
   */
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "customerheader");
}

static void
tp_customer_header_init (TpCustomerHeader *self)
{
  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *label = gtk_label_new (column_title (i));
      /* Translators: the tooltip of a column title of the customer list;
       * %s is the title, such as “Last Touch” */
      g_autofree char *tooltip = g_strdup_printf (_("Sort by %s"), column_title (i));

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), label);
      self->arrows[i] = gtk_image_new ();
      gtk_box_append (GTK_BOX (box), self->arrows[i]);
      gtk_widget_set_halign (box, tp_customer_column_is_numeric (i) ? GTK_ALIGN_END : GTK_ALIGN_START);

      self->buttons[i] = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->buttons[i]), box);
      gtk_widget_set_tooltip_text (self->buttons[i], tooltip);
      gtk_widget_set_focus_on_click (self->buttons[i], FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, column_title (i), -1);
      gtk_widget_add_css_class (self->buttons[i], "flat");
      g_signal_connect (self->buttons[i], "clicked", G_CALLBACK (button_clicked_cb), self);
      gtk_widget_set_parent (self->buttons[i], GTK_WIDGET (self));
    }

  update_arrows (self);
}

/**
 * tp_customer_header_new:
 * @columns: where the list's columns go
 *
 * Returns: (transfer floating): a header sorted by name, from A to Z
 */
GtkWidget *
tp_customer_header_new (TpCustomerColumns *columns)
{
  TpCustomerHeader *self;

  g_return_val_if_fail (TP_IS_CUSTOMER_COLUMNS (columns), NULL);

  self = g_object_new (TP_TYPE_CUSTOMER_HEADER, NULL);
  self->columns = g_object_ref (columns);
  g_signal_connect_object (columns, "changed", G_CALLBACK (columns_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
