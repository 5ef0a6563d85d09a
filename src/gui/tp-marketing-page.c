/* tp-marketing-page.c
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

#define G_LOG_DOMAIN "tp-marketing-page"

#include "config.h"

#include "tp-marketing-page.h"
#include "tp-section-sidebar.h"

struct _TpMarketingPage
{
  GtkWidget         parent_instance;

  AdwLeaflet       *leaflet;
  TpSectionSidebar *sidebar;
  AdwViewStack     *stack;

  TpStore          *store;
};

G_DEFINE_FINAL_TYPE (TpMarketingPage, tp_marketing_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * tp_marketing_page_get_store:
 * @self: a #TpMarketingPage
 *
 * Returns: (transfer none) (nullable): the store the page shows
 */
TpStore *
tp_marketing_page_get_store (TpMarketingPage *self)
{
  g_return_val_if_fail (TP_IS_MARKETING_PAGE (self), NULL);

  return self->store;
}

void
tp_marketing_page_set_store (TpMarketingPage *self,
                          TpStore *store)
{
  g_return_if_fail (TP_IS_MARKETING_PAGE (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tp_marketing_page_get_stack:
 * @self: a #TpMarketingPage
 *
 * Returns: (transfer none): the stack of sections, named as in DESIGN.md
 */
AdwViewStack *
tp_marketing_page_get_stack (TpMarketingPage *self)
{
  g_return_val_if_fail (TP_IS_MARKETING_PAGE (self), NULL);

  return self->stack;
}

static void
tp_marketing_page_dispose (GObject *object)
{
  TpMarketingPage *self = TP_MARKETING_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_MARKETING_PAGE);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_marketing_page_parent_class)->dispose (object);
}

static void
tp_marketing_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TpMarketingPage *self = TP_MARKETING_PAGE (object);

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
tp_marketing_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TpMarketingPage *self = TP_MARKETING_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_marketing_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_marketing_page_class_init (TpMarketingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_marketing_page_dispose;
  object_class->get_property = tp_marketing_page_get_property;
  object_class->set_property = tp_marketing_page_set_property;

  /**
   * TpMarketingPage:store:
   *
   * The store whose data the page shows and edits.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-marketing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TpMarketingPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TpMarketingPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TpMarketingPage, stack);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_back_button_clicked_cb",
                                                G_CALLBACK (tp_section_sidebar_show_sections));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_marketing_page_init (TpMarketingPage *self)
{
  g_type_ensure (TP_TYPE_SECTION_SIDEBAR);

  gtk_widget_init_template (GTK_WIDGET (self));
}
