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

#include "tp-accessible-private.h"
#include "tp-audiences-section.h"
#include "tp-brand-section.h"
#include "tp-competitors-section.h"
#include "tp-marketing-page.h"
#include "tp-plan-section.h"
#include "tp-read-only-private.h"
#include "tp-results-section.h"
#include "tp-section-sidebar.h"
#include "tp-tactics-section.h"

/*
 * TpMarketingPage is the Marketing tab: a sidebar of five sections
 * (audiences, brand, competitors, tactics, plan overview) beside the
 * section shown, folding into one column when narrow.
 *
 * Actions: marketing.add (Ctrl+N) adds to the list of the section shown;
 * marketing.show-section (a section name) shows a section.
 *
 * For screenshots and debugging, TOUCHPOINT_MARKETING_SECTION=<name> in the
 * environment chooses the section shown at start, and <name>:editor
 * shows the editor of its first item when the window is narrow.
 */

struct _TpMarketingPage
{
  GtkWidget             parent_instance;

  AdwLeaflet           *leaflet;
  TpSectionSidebar     *sidebar;
  AdwViewStack         *stack;
  GtkWidget            *back_bar;
  TpAudiencesSection   *audiences_section;
  TpBrandSection       *brand_section;
  TpCompetitorsSection *competitors_section;
  TpTacticsSection     *tactics_section;
  TpPlanSection        *plan_section;
  TpResultsSection     *results_section;

  TpStore              *store;
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

/**
 * tp_marketing_page_set_store:
 * @self: a #TpMarketingPage
 * @store: (nullable): the store to show
 *
 * Shows the marketing side of @store in every section.
 */
void
tp_marketing_page_set_store (TpMarketingPage *self,
                             TpStore         *store)
{
  g_return_if_fail (TP_IS_MARKETING_PAGE (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  tp_list_section_set_store (TP_LIST_SECTION (self->audiences_section), store);
  tp_brand_section_set_store (self->brand_section, store);
  tp_list_section_set_store (TP_LIST_SECTION (self->competitors_section), store);
  tp_list_section_set_store (TP_LIST_SECTION (self->tactics_section), store);
  tp_plan_section_set_store (self->plan_section, store);
  tp_results_section_set_store (self->results_section, store);

  /* A role that may only read adds nothing */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "marketing.add", _tp_store_can_write (store));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tp_marketing_page_get_stack:
 * @self: a #TpMarketingPage
 *
 * Returns: (transfer none): the stack of sections, named as in DESIGN.md
 */
/**
 * tp_marketing_page_show_section:
 * @self: a #TpMarketingPage
 * @name: a section: audiences, brand, competitors, tactics or plan
 *
 * Shows the section @name, also on a narrow window.
 */
void
tp_marketing_page_show_section (TpMarketingPage *self,
                                const char      *name)
{
  g_return_if_fail (TP_IS_MARKETING_PAGE (self));

  adw_view_stack_set_visible_child_name (self->stack, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

AdwViewStack *
tp_marketing_page_get_stack (TpMarketingPage *self)
{
  g_return_val_if_fail (TP_IS_MARKETING_PAGE (self), NULL);

  return self->stack;
}

/* Narrow, the bar that leads back to the sections shows, unless the
 * section shows an editor with a back button of its own. */
static void
update_back_bar (TpMarketingPage *self)
{
  const char *section = adw_view_stack_get_visible_child_name (self->stack);
  gboolean editing = FALSE;

  if (g_strcmp0 (section, "audiences") == 0)
    editing = tp_list_section_get_editing (TP_LIST_SECTION (self->audiences_section));
  else if (g_strcmp0 (section, "competitors") == 0)
    editing = tp_list_section_get_editing (TP_LIST_SECTION (self->competitors_section));
  else if (g_strcmp0 (section, "tactics") == 0)
    editing = tp_list_section_get_editing (TP_LIST_SECTION (self->tactics_section));

  gtk_widget_set_visible (self->back_bar, adw_leaflet_get_folded (self->leaflet) && !editing);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TpMarketingPage *self = TP_MARKETING_PAGE (widget);
  const char *section = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (section, "plan") == 0 || g_strcmp0 (section, "results") == 0)
    return;

  /* From the list of sections, narrow: go to the section first. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");

  /* Each section adds to its own list; the plan only shows. */
  if (g_strcmp0 (section, "audiences") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->audiences_section), "audiences.add", NULL);
  else if (g_strcmp0 (section, "brand") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->brand_section), "brand.add-word", NULL);
  else if (g_strcmp0 (section, "competitors") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->competitors_section), "competitors.add", NULL);
  else if (g_strcmp0 (section, "tactics") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->tactics_section), "tactics.add", NULL);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TpMarketingPage *self = TP_MARKETING_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->stack, name);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
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
  gtk_widget_class_bind_template_child (widget_class, TpMarketingPage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, TpMarketingPage, audiences_section);
  gtk_widget_class_bind_template_child (widget_class, TpMarketingPage, brand_section);
  gtk_widget_class_bind_template_child (widget_class, TpMarketingPage, competitors_section);
  gtk_widget_class_bind_template_child (widget_class, TpMarketingPage, tactics_section);
  gtk_widget_class_bind_template_child (widget_class, TpMarketingPage, plan_section);
  gtk_widget_class_bind_template_child (widget_class, TpMarketingPage, results_section);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_back_button_clicked_cb",
                                                G_CALLBACK (tp_section_sidebar_show_sections));

  gtk_widget_class_install_action (widget_class, "marketing.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "marketing.show-section", "s", show_section_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "marketing.add", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_marketing_page_init (TpMarketingPage *self)
{
  const char *debug_section = g_getenv ("TOUCHPOINT_MARKETING_SECTION");
  g_auto(GStrv) section = debug_section != NULL ? g_strsplit (debug_section, ":", 2) : NULL;

  g_type_ensure (TP_TYPE_SECTION_SIDEBAR);
  g_type_ensure (TP_TYPE_AUDIENCES_SECTION);
  g_type_ensure (TP_TYPE_BRAND_SECTION);
  g_type_ensure (TP_TYPE_COMPETITORS_SECTION);
  g_type_ensure (TP_TYPE_TACTICS_SECTION);
  g_type_ensure (TP_TYPE_PLAN_SECTION);
  g_type_ensure (TP_TYPE_RESULTS_SECTION);

  gtk_widget_init_template (GTK_WIDGET (self));
  _tp_accessible_name_view_stack_pages (self->stack);

  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (update_back_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (update_back_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->audiences_section, "notify::editing",
                           G_CALLBACK (update_back_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->competitors_section, "notify::editing",
                           G_CALLBACK (update_back_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tactics_section, "notify::editing",
                           G_CALLBACK (update_back_bar), self, G_CONNECT_SWAPPED);
  update_back_bar (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "marketing.add", FALSE);

  if (section != NULL && section[0] != NULL &&
      adw_view_stack_get_child_by_name (self->stack, section[0]) != NULL)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (self->stack, section[0]);
      g_autofree char *action = g_strconcat (section[0], ".show-editor", NULL);

      adw_view_stack_set_visible_child_name (self->stack, section[0]);
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
      if (g_strcmp0 (section[1], "editor") == 0)
        gtk_widget_activate_action (child, action, NULL);
    }
}
