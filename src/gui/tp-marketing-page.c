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
};

G_DEFINE_FINAL_TYPE (TpMarketingPage, tp_marketing_page, GTK_TYPE_WIDGET)

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
  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_MARKETING_PAGE);

  G_OBJECT_CLASS (tp_marketing_page_parent_class)->dispose (object);
}

static void
tp_marketing_page_class_init (TpMarketingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_marketing_page_dispose;

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
