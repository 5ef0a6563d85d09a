/* tp-sales-page.c
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

#define G_LOG_DOMAIN "tp-sales-page"

#include "config.h"

#include "tp-accessible-private.h"
#include "tp-activity-section.h"
#include "tp-chart-section.h"
#include "tp-customers-section.h"
#include "tp-followups-section.h"
#include "tp-orders-section.h"
#include "tp-sales-page.h"
#include "tp-section-sidebar.h"

struct _TpSalesPage
{
  GtkWidget         parent_instance;

  AdwLeaflet         *leaflet;
  GtkWidget          *back_bar;
  TpSectionSidebar   *sidebar;
  AdwViewStack       *stack;
  TpCustomersSection *customers_section;
  TpOrdersSection    *orders_section;

  TpStore            *store;
};

G_DEFINE_FINAL_TYPE (TpSalesPage, tp_sales_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * tp_sales_page_get_store:
 * @self: a #TpSalesPage
 *
 * Returns: (transfer none) (nullable): the store the page shows
 */
TpStore *
tp_sales_page_get_store (TpSalesPage *self)
{
  g_return_val_if_fail (TP_IS_SALES_PAGE (self), NULL);

  return self->store;
}

/*
 * The Customers, Activity, Chart and Orders sections each load what grows
 * with the business (the customer list, the latest activity, the chart's
 * figures, the orders of a period). They get the store when they are first
 * shown, so that the window's first frame does not wait for sections nobody
 * looks at. Follow-Ups has it from the start (bound in the template): its
 * badge and its notifications count while it is hidden.
 */
static const char * const lazy_sections[] = { "customers", "activity", "chart", "orders", NULL };

static void
give_store_to_section (TpSalesPage *self,
                       const char  *name)
{
  GtkWidget *child = adw_view_stack_get_child_by_name (self->stack, name);
  g_autoptr(TpStore) current = NULL;

  if (self->store == NULL || child == NULL || !g_strv_contains (lazy_sections, name))
    return;

  g_object_get (child, "store", &current, NULL);
  if (current == self->store)
    return;

  g_object_set (child, "store", self->store, NULL);

  /* The touches chart follows the filter of the store's customer list. */
  if (child == GTK_WIDGET (self->customers_section))
    tp_chart_section_set_customer_list (TP_CHART_SECTION (adw_view_stack_get_child_by_name (self->stack, "chart")),
                                        tp_customers_section_get_list (self->customers_section));
}

static void
give_store_to_visible_section (TpSalesPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    give_store_to_section (self, adw_view_stack_get_visible_child_name (self->stack));
}

void
tp_sales_page_set_store (TpSalesPage *self,
                         TpStore     *store)
{
  const char *customer;

  g_return_if_fail (TP_IS_SALES_PAGE (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  /* The sections that load on demand drop the old store; the one in view
   * gets the new one now, the others when they are first shown. */
  for (guint i = 0; lazy_sections[i] != NULL; i++)
    g_object_set (adw_view_stack_get_child_by_name (self->stack, lazy_sections[i]), "store", NULL, NULL);
  tp_chart_section_set_customer_list (TP_CHART_SECTION (adw_view_stack_get_child_by_name (self->stack, "chart")),
                                      NULL);
  give_store_to_visible_section (self);

  /* For screenshots and tests: open a customer, by id, at start. */
  customer = g_getenv ("TOUCHPOINT_CUSTOMER");
  if (store != NULL && customer != NULL)
    tp_sales_page_show_customer (self, g_ascii_strtoll (customer, NULL, 10));
}

/**
 * tp_sales_page_show_customer:
 * @self: a #TpSalesPage
 * @id: a customer id
 *
 * Shows the Customers section with the customer chosen, as a click on a
 * follow-up notification does.
 *
 * Returns: whether the customer exists
 */
gboolean
tp_sales_page_show_customer (TpSalesPage *self,
                             gint64       id)
{
  g_return_val_if_fail (TP_IS_SALES_PAGE (self), FALSE);

  adw_view_stack_set_visible_child_name (self->stack, "customers");
  give_store_to_section (self, "customers");
  /* Folded, the customer in place of the list of sections. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  return tp_customers_section_show_customer (self->customers_section, id);
}

/**
 * tp_sales_page_get_stack:
 * @self: a #TpSalesPage
 *
 * Returns: (transfer none): the stack of sections, named as in DESIGN.md
 */
AdwViewStack *
tp_sales_page_get_stack (TpSalesPage *self)
{
  g_return_val_if_fail (TP_IS_SALES_PAGE (self), NULL);

  return self->stack;
}

static void
tp_sales_page_dispose (GObject *object)
{
  TpSalesPage *self = TP_SALES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_SALES_PAGE);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_sales_page_parent_class)->dispose (object);
}

static void
tp_sales_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TpSalesPage *self = TP_SALES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_sales_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TpSalesPage *self = TP_SALES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_sales_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Folded, the content has a bar back to the sections, but not while the
 * customers section shows a customer with its own bar back to the list:
 * two back bars stacked would be one too many. */
static void
update_back_bar (TpSalesPage *self)
{
  gboolean own;

  /* While the template is being built */
  if (self->back_bar == NULL || self->stack == NULL || self->customers_section == NULL)
    return;

  own = adw_view_stack_get_visible_child (self->stack) == GTK_WIDGET (self->customers_section) &&
        tp_customers_section_get_detail_shown (self->customers_section);

  gtk_widget_set_visible (self->back_bar, adw_leaflet_get_folded (self->leaflet) && !own);
}

/* "sales.show-customer": what the follow-ups, the activity and the chart
 * activate to open a customer. */
static void
show_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  tp_sales_page_show_customer (TP_SALES_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
tp_sales_page_class_init (TpSalesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_sales_page_dispose;
  object_class->get_property = tp_sales_page_get_property;
  object_class->set_property = tp_sales_page_set_property;

  /**
   * TpSalesPage:store:
   *
   * The store whose data the page shows and edits.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-sales-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TpSalesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TpSalesPage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, TpSalesPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TpSalesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TpSalesPage, customers_section);
  gtk_widget_class_bind_template_child (widget_class, TpSalesPage, orders_section);
  gtk_widget_class_bind_template_callback (widget_class, update_back_bar);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_back_button_clicked_cb",
                                                G_CALLBACK (tp_section_sidebar_show_sections));

  gtk_widget_class_install_action (widget_class, "sales.show-customer", "x", show_customer_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_sales_page_init (TpSalesPage *self)
{
  g_type_ensure (TP_TYPE_ACTIVITY_SECTION);
  g_type_ensure (TP_TYPE_CHART_SECTION);
  g_type_ensure (TP_TYPE_CUSTOMERS_SECTION);
  g_type_ensure (TP_TYPE_FOLLOWUPS_SECTION);
  g_type_ensure (TP_TYPE_ORDERS_SECTION);
  g_type_ensure (TP_TYPE_SECTION_SIDEBAR);

  gtk_widget_init_template (GTK_WIDGET (self));
  _tp_accessible_name_view_stack_pages (self->stack);
  update_back_bar (self);

  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (give_store_to_visible_section), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (give_store_to_visible_section), NULL);

  /* For screenshots and tests: open on a given section. */
  if (g_getenv ("TOUCHPOINT_SECTION") != NULL)
    {
      adw_view_stack_set_visible_child_name (self->stack, g_getenv ("TOUCHPOINT_SECTION"));
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
    }
}
