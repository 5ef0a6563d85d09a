/* tp-chart-section.c
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

#define G_LOG_DOMAIN "tp-chart-section"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tp-chart-figures.h"
#include "tp-core-enum-types.h"
#include "tp-chart-section.h"
#include "tp-models.h"

/*
 * The Touches Chart section of the Sales tab: TpTouchesChart with its
 * three views (touches per customer, touches before the first purchase,
 * first-purchase channels), the order of the customers' bars, and
 * "Save Chart As…".
 *
 * The figures are read on a worker thread with its own connection
 * (tp_chart_figures_load()), which also sorts the customers in every
 * order (tp_chart_data_prepare()): the main thread only swaps the new
 * TpChartData in and draws, however many customers there are. Once
 * loaded, a logged touch moves its customer's bar at once (the store
 * announces the customer's new figures, and the chart moves that one
 * entry); the two other views are computed again on the worker.
 *
 * The chart follows the Sales filters: given the customer list of the
 * Customers section, it charts the customers that list shows. A change of
 * its search, stage, audience or quiet-days filter loads the figures again
 * (after a short pause, so that typing does not start a load per key),
 * and a line above the chart, which also opens the chart's accessible
 * description, says which filter is applied.
 */

/* How long the filter must stay put before the chart loads again */
#define FILTER_DELAY_MS 250

typedef enum
{
  LOAD_STATS = 1 << 0,  /* histogram and channels */
  LOAD_ITEMS = 1 << 1,  /* every customer's bar */
} LoadFlags;

struct _TpChartSection
{
  GtkWidget       parent_instance;

  /* Template children */
  GtkStack         *stack;
  GtkDropDown      *mode_dropdown;
  GtkDropDown      *sort_dropdown;
  GtkWidget        *filter_box;
  GtkLabel         *filter_label;
  TpTouchesChart   *chart;

  TpStore          *store;
  GCancellable     *cancellable;
  guint             reload_id;
  LoadFlags         pending;   /* what the next load must fetch */
  LoadFlags         in_flight; /* what the running load fetches */
  gboolean          loading;

  TpCustomerList   *customer_list;
  TpCustomerFilter *filter;        /* (nullable): what the next load follows */
  TpCustomerFilter *shown_filter;  /* (nullable): what the chart's bars follow */
  guint             filter_serial; /* counts the changes of filter */
  guint             filter_timeout_id;
};

G_DEFINE_FINAL_TYPE (TpChartSection, tp_chart_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_LIST,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_load (TpChartSection *self);

/* Loading */

typedef struct
{
  TpChartSection   *self;    /* (nullable): the section, while the worker reads */
  TpCustomerFilter *filter;  /* (nullable) */
  TpChartBand       band;
  LoadFlags         flags;
  guint             filter_serial;

  TpChartData      *data;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_clear_object (&load->self);
  g_clear_pointer (&load->filter, tp_customer_filter_free);
  g_clear_pointer (&load->data, tp_chart_data_unref);
  g_free (load);
}

static TpChartFigures
load_figures (Load *load)
{
  TpChartFigures figures = TP_CHART_FIGURES_STATS;

  if (load->flags & LOAD_ITEMS)
    figures |= TP_CHART_FIGURES_ITEMS;

  return figures;
}

static void
set_loading (TpChartSection *self,
             gboolean        loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The sentence above the chart: how many customers it shows, and which
 * filter of the customer list they pass. */
static char *
describe_filter (TpChartSection         *self,
                 const TpCustomerFilter *filter,
                 guint                   n_customers)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *count = g_strdup_printf ("%'u", n_customers);
  g_autofree char *joined = NULL;
  const char *search = tp_customer_filter_get_search_text (filter);
  int stage = tp_customer_filter_get_stage (filter);
  gint64 audience_id = tp_customer_filter_get_audience (filter);
  guint quiet_days = tp_customer_filter_get_quiet_days (filter);

  if (search != NULL)
    /* Translators: a part of the sentence above a filtered chart; %s is
     * the text searched for */
    g_ptr_array_add (parts, g_strdup_printf (C_("chart filter", "matching “%s”"), search));

  if (stage >= 0)
    /* Translators: a part of the sentence above a filtered chart; %s is
     * a stage, such as “Lead” */
    g_ptr_array_add (parts, g_strdup_printf (C_("chart filter", "at the stage “%s”"),
                                             tp_stage_get_label (stage)));

  if (audience_id > 0 && self->store != NULL)
    {
      g_autoptr(TpAudience) audience = tp_store_get_audience (self->store, audience_id, NULL);

      /* Translators: a part of the sentence above a filtered chart; %s is
       * an audience's name */
      g_ptr_array_add (parts, g_strdup_printf (C_("chart filter", "in the audience “%s”"),
                                               audience != NULL ? tp_audience_get_name (audience) : "…"));
    }

  if (quiet_days > 0)
    /* Translators: a part of the sentence above a filtered chart: the
     * customers' last touch is more than %u days ago */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("quiet for %u day", "quiet for %u days", quiet_days),
                                             quiet_days));

  g_ptr_array_add (parts, NULL);
  /* Translators: what separates the parts of the sentence above a
   * filtered chart */
  joined = g_strjoinv (C_("chart filter", ", "), (char **) parts->pdata);

  /* Translators: the sentence above a chart that follows the customer
   * list's filter; the first %s is a number of customers, the second the
   * filter's parts, such as: matching “anna”, at the stage “Lead” */
  return g_strdup_printf (ngettext ("Showing %s customer %s.", "Showing %s customers %s.", n_customers),
                          count, joined);
}

static void
update_caption (TpChartSection *self)
{
  g_autofree char *caption = NULL;

  if (self->shown_filter != NULL)
    caption = describe_filter (self, self->shown_filter,
                               tp_chart_data_get_n_items (tp_touches_chart_get_data (self->chart)));

  gtk_label_set_label (self->filter_label, caption != NULL ? caption : "");
  gtk_widget_set_visible (self->filter_box, caption != NULL);
  tp_touches_chart_set_caption (self->chart, caption);
}

static void
update_page (TpChartSection *self)
{
  guint n = tp_chart_data_get_n_items (tp_touches_chart_get_data (self->chart));
  const char *page;

  if (self->store != NULL && n > 0)
    page = "chart";
  else if (self->store != NULL && self->shown_filter != NULL)
    page = "no-match";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
  update_caption (self);
}

static void
release_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  tp_chart_data_unref (task_data);
  g_task_return_boolean (task, TRUE);
}

/* Freeing 100,000 customers takes milliseconds: the worker does it. */
static void
release_on_worker (TpChartData *data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_source_tag (task, release_on_worker);
  g_task_set_name (task, "[touchpoint] touches chart release");
  g_task_set_task_data (task, data, NULL);
  g_task_run_in_thread (task, release_thread);
}

static void
apply_load (TpChartSection *self,
            Load           *load)
{
  /* Figures for a filter the owner has since changed: the next load
   * brings the right ones. */
  if (load->filter_serial != self->filter_serial)
    return;

  if (load->flags & LOAD_ITEMS)
    {
      /* The customers, sorted in every order, and the other views: only
       * a pointer changes hands. */
      TpChartData *old = tp_chart_data_ref (tp_touches_chart_get_data (self->chart));

      tp_touches_chart_set_data (self->chart, load->data);
      release_on_worker (old);
      g_clear_pointer (&self->shown_filter, tp_customer_filter_free);
      if (load->filter != NULL)
        self->shown_filter = tp_customer_filter_copy (load->filter);
    }
  else
    {
      const guint *counts;
      const TpChartChannelCount *channels;
      gsize n_counts, n_channels;

      counts = tp_chart_data_get_purchase_histogram (load->data, &n_counts);
      channels = tp_chart_data_get_channels (load->data, &n_channels);
      tp_touches_chart_set_purchase_histogram (self->chart, counts, n_counts);
      tp_touches_chart_set_channels (self->chart, channels, n_channels);
    }

  update_page (self);
}

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(TpChartSection) self = g_steal_pointer (&load->self);
  g_autoptr(GError) error = NULL;

  load->data = tp_chart_figures_load_finish (result, &error);
  if (load->data == NULL)
    {
      load_free (load);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("Could not load the chart's figures: %s", error->message);
    }
  else
    {
      apply_load (self, load);
      load_free (load);
    }

  self->in_flight = 0;
  set_loading (self, FALSE);

  if (self->pending != 0)
    start_load (self);
}

static void
start_load (TpChartSection *self)
{
  TpDatabase *db;
  Load *load;

  if (self->store == NULL || self->loading || self->pending == 0)
    return;

  db = tp_store_get_database (self->store);

  load = g_new0 (Load, 1);
  load->flags = self->pending;
  load->band.low = tp_touches_chart_get_band_low (self->chart);
  load->band.high = tp_touches_chart_get_band_high (self->chart);
  load->filter = self->filter != NULL ? tp_customer_filter_copy (self->filter) : NULL;
  load->filter_serial = self->filter_serial;
  self->pending = 0;

  if (!tp_database_path_can_reopen (tp_database_get_path (db)))
    {
      g_autoptr(GError) error = NULL;

      load->data = tp_chart_figures_load_new (db, &load->band, load->filter,
                                              load_figures (load), &error);
      if (load->data != NULL)
        apply_load (self, load);
      else
        g_debug ("Could not load the chart's figures: %s", error->message);

      load_free (load);
      return;
    }

  self->in_flight = load->flags;
  set_loading (self, TRUE);

  /* The task holds no widget: the worker may drop it last, and a widget
   * must not be finalized on a worker thread. The section is released in
   * the callback. */
  load->self = g_object_ref (self);
  tp_chart_figures_load_async (tp_database_get_path (db), &load->band, load->filter,
                               load_figures (load), self->cancellable, load_done_cb, load);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  TpChartSection *self = user_data;

  self->reload_id = 0;
  start_load (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_load (TpChartSection *self,
               LoadFlags       flags)
{
  self->pending |= flags;

  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

/* Live updates */

static void
update_customer_bar (TpChartSection *self,
                     gint64          customer_id)
{
  g_autoptr(TpCustomer) customer = NULL;
  g_autoptr(GDateTime) last_touch = NULL;
  g_autoptr(GError) error = NULL;
  TpChartItem item = { 0 };
  const char *last_touch_at;

  /* A customer who no longer passes the filter leaves the chart; one who
   * now passes it joins. */
  if (self->shown_filter != NULL)
    {
      TpDatabase *db = tp_store_get_database (self->store);

      if (!tp_customer_filter_matches (self->shown_filter, db, customer_id, &error))
        {
          if (error != NULL)
            schedule_load (self, LOAD_ITEMS);
          else
            tp_touches_chart_remove_item (self->chart, customer_id);
          update_page (self);
          return;
        }
    }

  customer = tp_store_get_customer (self->store, customer_id, &error);
  if (customer == NULL)
    {
      schedule_load (self, LOAD_ITEMS);
      return;
    }

  last_touch_at = tp_customer_get_last_touch_at (customer);
  if (last_touch_at != NULL && last_touch_at[0] != '\0')
    last_touch = tp_schema_parse_time (last_touch_at);

  item.customer_id = customer_id;
  item.name = tp_customer_get_name (customer);
  item.touches = (guint) tp_customer_get_touch_count (customer);
  item.bought = tp_customer_get_order_count (customer) > 0;
  item.last_touch_unix = last_touch != NULL ? g_date_time_to_unix (last_touch) : 0;

  tp_touches_chart_update_item (self->chart, &item);
  update_page (self);
}

static void
on_customers_changed_cb (TpChartSection *self,
                         const char     *table,
                         gint64          id,
                         TpStoreChange   kind,
                         TpStore        *store)
{
  /* A load of every bar that is running may have read the customer
   * before this change: then another one follows it. */
  if (kind == TP_STORE_CHANGE_ADDED || kind == TP_STORE_CHANGE_UPDATED)
    {
      update_customer_bar (self, id);
      if (self->loading && (self->in_flight & LOAD_ITEMS))
        schedule_load (self, LOAD_ITEMS);
    }
  else
    {
      schedule_load (self, LOAD_ITEMS);
    }

  schedule_load (self, LOAD_STATS);
}

static void
on_figures_changed_cb (TpChartSection *self,
                       const char     *table,
                       gint64          id,
                       TpStoreChange   kind,
                       TpStore        *store)
{
  schedule_load (self, kind == TP_STORE_CHANGE_RELOADED ? LOAD_ITEMS | LOAD_STATS : LOAD_STATS);
}

static void
on_store_band_changed_cb (TpChartSection *self)
{
  tp_touches_chart_set_band (self->chart,
                             tp_store_get_band_low (self->store),
                             tp_store_get_band_high (self->store));
  schedule_load (self, LOAD_STATS);
}

/* Following the customer list's filter */

static void
take_filter (TpChartSection *self)
{
  g_autoptr(TpCustomerFilter) filter = NULL;

  g_clear_handle_id (&self->filter_timeout_id, g_source_remove);

  if (self->customer_list != NULL)
    filter = tp_customer_list_dup_filter (self->customer_list);
  if (tp_customer_filter_is_empty (filter))
    g_clear_pointer (&filter, tp_customer_filter_free);

  if (tp_customer_filter_equal (self->filter, filter))
    return;

  g_clear_pointer (&self->filter, tp_customer_filter_free);
  self->filter = g_steal_pointer (&filter);
  self->filter_serial++;
  schedule_load (self, LOAD_ITEMS | LOAD_STATS);
}

static gboolean
filter_timeout_cb (gpointer user_data)
{
  TpChartSection *self = user_data;

  self->filter_timeout_id = 0;
  take_filter (self);

  return G_SOURCE_REMOVE;
}

static void
on_list_filter_changed_cb (TpChartSection *self)
{
  g_clear_handle_id (&self->filter_timeout_id, g_source_remove);
  self->filter_timeout_id = g_timeout_add (FILTER_DELAY_MS, filter_timeout_cb, self);
}

/* Controls */

/* The drop-downs offer the values of TpChartMode and TpChartSort. */

static char *
mode_label (AdwEnumListItem *item)
{
  return g_strdup (tp_chart_mode_get_label (adw_enum_list_item_get_value (item)));
}

static char *
sort_label (AdwEnumListItem *item)
{
  return g_strdup (tp_chart_sort_get_label (adw_enum_list_item_get_value (item)));
}

/* The values of @enum_type as a list, one for every section: libadwaita
 * 1.2 does not release a finished model's items, so each type's model is
 * made once and kept. */
static AdwEnumListModel *
get_enum_model (GType enum_type)
{
  static GHashTable *models;
  AdwEnumListModel *model;

  if (models == NULL)
    models = g_hash_table_new (g_direct_hash, g_direct_equal);

  model = g_hash_table_lookup (models, GSIZE_TO_POINTER (enum_type));
  if (model == NULL)
    {
      model = adw_enum_list_model_new (enum_type);
      g_hash_table_insert (models, GSIZE_TO_POINTER (enum_type), model);
    }

  return model;
}

/* Offers each value of @enum_type, named by @label, and selects @value. */
static void
set_enum_choices (GtkDropDown *drop_down,
                  GType        enum_type,
                  GCallback    label,
                  int          value)
{
  AdwEnumListModel *model = get_enum_model (enum_type);
  g_autoptr(GtkExpression) expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL,
                                                                     0, NULL, label, NULL,
                                                                     NULL);

  /* The drop-down takes its own reference */
  gtk_drop_down_set_expression (drop_down, expression);
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (drop_down, adw_enum_list_model_find_position (model, value));
}

static int
selected_value (GtkDropDown *drop_down)
{
  AdwEnumListItem *item = gtk_drop_down_get_selected_item (drop_down);

  return item != NULL ? adw_enum_list_item_get_value (item) : 0;
}

static void
on_mode_dropdown_selected_cb (TpChartSection *self)
{
  TpChartMode mode = selected_value (self->mode_dropdown);

  if (mode > TP_CHART_MODE_CHANNELS)
    return;

  tp_touches_chart_set_mode (self->chart, mode);
  gtk_widget_set_visible (GTK_WIDGET (self->sort_dropdown), mode == TP_CHART_MODE_TOUCHES);
}

static void
on_sort_dropdown_selected_cb (TpChartSection *self)
{
  TpChartSort sort = selected_value (self->sort_dropdown);

  if (sort > TP_CHART_SORT_LAST_TOUCH)
    return;

  tp_touches_chart_set_sort (self->chart, sort);
}

static void
on_chart_customer_activated_cb (TpChartSection *self,
                                gint64          customer_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sales.show-customer", "x", customer_id);
}

static void
on_show_customers_clicked_cb (TpChartSection *self)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "customers");
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TpChartSection *self = TP_CHART_SECTION (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->chart), "chart.save-as", NULL);
}

/* Public API */

/**
 * tp_chart_section_get_store:
 * @self: a #TpChartSection
 *
 * Returns: (transfer none) (nullable): the store whose customers are charted
 */
TpStore *
tp_chart_section_get_store (TpChartSection *self)
{
  g_return_val_if_fail (TP_IS_CHART_SECTION (self), NULL);

  return self->store;
}

void
tp_chart_section_set_store (TpChartSection *self,
                            TpStore        *store)
{
  g_return_if_fail (TP_IS_CHART_SECTION (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->pending = 0;
  set_loading (self, FALSE);

  g_set_object (&self->store, store);

  /* The figures of the last store, and its loads, are no more. */
  self->filter_serial++;
  g_clear_pointer (&self->shown_filter, tp_customer_filter_free);
  tp_touches_chart_set_items (self->chart, NULL, 0);
  tp_touches_chart_set_purchase_histogram (self->chart, NULL, 0);
  tp_touches_chart_set_channels (self->chart, NULL, 0);

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::customers",
                               G_CALLBACK (on_customers_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::touches",
                               G_CALLBACK (on_figures_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::orders",
                               G_CALLBACK (on_figures_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::band-low",
                               G_CALLBACK (on_store_band_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::band-high",
                               G_CALLBACK (on_store_band_changed_cb), self, G_CONNECT_SWAPPED);

      tp_touches_chart_set_band (self->chart,
                                 tp_store_get_band_low (store),
                                 tp_store_get_band_high (store));
      self->pending = LOAD_ITEMS | LOAD_STATS;
      start_load (self);
    }

  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tp_chart_section_get_customer_list:
 * @self: a #TpChartSection
 *
 * Returns: (transfer none) (nullable): the customer list whose filter the
 *   chart follows
 */
TpCustomerList *
tp_chart_section_get_customer_list (TpChartSection *self)
{
  g_return_val_if_fail (TP_IS_CHART_SECTION (self), NULL);

  return self->customer_list;
}

/**
 * tp_chart_section_set_customer_list:
 * @self: a #TpChartSection
 * @customer_list: (nullable): the customer list of the Customers section
 *
 * Makes the chart follow the filter of @customer_list: it shows the
 * customers the list shows, and loads again when the filter changes.
 * Without a list, it shows every customer.
 */
void
tp_chart_section_set_customer_list (TpChartSection *self,
                                    TpCustomerList *customer_list)
{
  static const char * const signals[] = {
    "notify::search-text",
    "notify::stage-filter",
    "notify::audience-filter",
    "notify::quiet-days",
  };

  g_return_if_fail (TP_IS_CHART_SECTION (self));
  g_return_if_fail (customer_list == NULL || TP_IS_CUSTOMER_LIST (customer_list));

  if (self->customer_list == customer_list)
    return;

  if (self->customer_list != NULL)
    g_signal_handlers_disconnect_by_data (self->customer_list, self);

  g_set_object (&self->customer_list, customer_list);

  if (customer_list != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
        g_signal_connect_object (customer_list, signals[i],
                                 G_CALLBACK (on_list_filter_changed_cb), self, G_CONNECT_SWAPPED);
    }

  take_filter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_LIST]);
}

/**
 * tp_chart_section_get_chart:
 * @self: a #TpChartSection
 *
 * Returns: (transfer none): the chart
 */
TpTouchesChart *
tp_chart_section_get_chart (TpChartSection *self)
{
  g_return_val_if_fail (TP_IS_CHART_SECTION (self), NULL);

  return self->chart;
}

/**
 * tp_chart_section_get_loading:
 * @self: a #TpChartSection
 *
 * Returns: whether figures are being loaded, or are about to be
 */
gboolean
tp_chart_section_get_loading (TpChartSection *self)
{
  g_return_val_if_fail (TP_IS_CHART_SECTION (self), FALSE);

  return self->loading || self->reload_id != 0 || self->filter_timeout_id != 0;
}

/* GObject */

static void
tp_chart_section_dispose (GObject *object)
{
  TpChartSection *self = TP_CHART_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->filter_timeout_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_CHART_SECTION);

  g_clear_object (&self->store);
  g_clear_object (&self->customer_list);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->filter, tp_customer_filter_free);
  g_clear_pointer (&self->shown_filter, tp_customer_filter_free);

  G_OBJECT_CLASS (tp_chart_section_parent_class)->dispose (object);
}

static void
tp_chart_section_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TpChartSection *self = TP_CHART_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CUSTOMER_LIST:
      g_value_set_object (value, self->customer_list);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, tp_chart_section_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_chart_section_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TpChartSection *self = TP_CHART_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_chart_section_set_store (self, g_value_get_object (value));
      break;

    case PROP_CUSTOMER_LIST:
      tp_chart_section_set_customer_list (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_chart_section_class_init (TpChartSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_chart_section_dispose;
  object_class->get_property = tp_chart_section_get_property;
  object_class->set_property = tp_chart_section_set_property;

  /**
   * TpChartSection:store:
   *
   * The store whose customers the chart shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpChartSection:customer-list:
   *
   * The customer list whose filter the chart follows, or %NULL to chart
   * every customer.
   */
  properties[PROP_CUSTOMER_LIST] =
    g_param_spec_object ("customer-list", NULL, NULL,
                         TP_TYPE_CUSTOMER_LIST,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpChartSection:loading:
   *
   * Whether the chart's figures are being loaded on the worker.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-chart-section.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, TpChartSection, stack);
  gtk_widget_class_bind_template_child (widget_class, TpChartSection, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TpChartSection, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TpChartSection, filter_box);
  gtk_widget_class_bind_template_child (widget_class, TpChartSection, filter_label);
  gtk_widget_class_bind_template_child (widget_class, TpChartSection, chart);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_customer_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_customers_clicked_cb);

  gtk_widget_class_install_action (widget_class, "chart-section.save-as", NULL, save_as_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "chart-section.save-as", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tp-chart-section");
}

static void
tp_chart_section_init (TpChartSection *self)
{
  g_type_ensure (TP_TYPE_TOUCHES_CHART);

  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  set_enum_choices (self->mode_dropdown, TP_TYPE_CHART_MODE, G_CALLBACK (mode_label),
                    tp_touches_chart_get_mode (self->chart));
  set_enum_choices (self->sort_dropdown, TP_TYPE_CHART_SORT, G_CALLBACK (sort_label),
                    tp_touches_chart_get_sort (self->chart));

  update_page (self);
}
