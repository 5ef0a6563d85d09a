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

#include <glib/gi18n.h>

#include "tp-analytics.h"
#include "tp-chart-section.h"
#include "tp-models.h"

/*
 * The Touches Chart section of the Sales tab: TpTouchesChart with its
 * three views (touches per customer, touches before the first purchase,
 * first-purchase channels), the order of the customers' bars, and
 * "Save Chart As…".
 *
 * The figures come from tp-analytics on a worker thread with its own
 * connection: they cover every customer. Once loaded, a logged touch
 * moves its customer's bar at once (the store announces the customer's
 * new figures, and the chart moves that one entry); the two other views
 * are computed again on the worker.
 */

typedef enum
{
  LOAD_STATS = 1 << 0,  /* histogram and channels */
  LOAD_ITEMS = 1 << 1,  /* every customer's bar */
} LoadFlags;

struct _TpChartSection
{
  GtkWidget       parent_instance;

  /* Template children */
  GtkStack       *stack;
  GtkDropDown    *mode_dropdown;
  GtkDropDown    *sort_dropdown;
  TpTouchesChart *chart;

  TpStore        *store;
  GCancellable   *cancellable;
  guint           reload_id;
  LoadFlags       pending;   /* what the next load must fetch */
  LoadFlags       in_flight; /* what the running load fetches */
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (TpChartSection, tp_chart_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_load (TpChartSection *self);

/* Loading */

typedef struct
{
  char                 *path;
  TpAnalyticsSettings   settings;
  LoadFlags             flags;

  GArray               *customers;  /* TpCustomerTouches */
  TpFirstPurchaseStats *stats;
  GArray               *channels;   /* TpChannelCount */
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_clear_pointer (&load->path, g_free);
  g_clear_pointer (&load->customers, g_array_unref);
  g_clear_pointer (&load->stats, tp_first_purchase_stats_free);
  g_clear_pointer (&load->channels, g_array_unref);
  g_free (load);
}

static gboolean
run_load (Load        *load,
          TpDatabase  *db,
          GError     **error)
{
  if (load->flags & LOAD_ITEMS)
    {
      load->customers = tp_analytics_touches_per_customer (db, TP_TOUCHES_ORDER_BY_TOUCHES, error);
      if (load->customers == NULL)
        return FALSE;
    }

  load->stats = tp_analytics_touches_before_first_purchase (db, &load->settings, error);
  if (load->stats == NULL)
    return FALSE;

  load->channels = tp_analytics_first_purchase_channels (db, error);

  return load->channels != NULL;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(TpDatabase) db = NULL;
  GError *error = NULL;

  db = tp_database_open (load->path, &error);
  if (db == NULL || !run_load (load, db, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
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

static void
update_page (TpChartSection *self)
{
  guint n = tp_chart_data_get_n_items (tp_touches_chart_get_data (self->chart));

  gtk_stack_set_visible_child_name (self->stack, self->store != NULL && n > 0 ? "chart" : "empty");
}

static void
apply_load (TpChartSection *self,
            Load           *load)
{
  if (load->customers != NULL)
    {
      g_autofree TpChartItem *items = g_new0 (TpChartItem, MAX (load->customers->len, 1));

      for (guint i = 0; i < load->customers->len; i++)
        {
          const TpCustomerTouches *entry = &g_array_index (load->customers, TpCustomerTouches, i);

          items[i].customer_id = entry->customer_id;
          items[i].name = entry->name;
          items[i].touches = entry->touch_count;
          items[i].bought = entry->bought;
          items[i].last_touch_unix = entry->last_touch_at;
        }

      tp_touches_chart_set_items (self->chart, items, load->customers->len);
    }

  tp_touches_chart_set_purchase_histogram (self->chart,
                                           (const guint *) (gpointer) load->stats->histogram->data,
                                           load->stats->histogram->len);

  {
    g_autofree TpChartChannelCount *channels = g_new0 (TpChartChannelCount, MAX (load->channels->len, 1));

    for (guint i = 0; i < load->channels->len; i++)
      {
        const TpChannelCount *entry = &g_array_index (load->channels, TpChannelCount, i);

        channels[i].channel = entry->channel;
        channels[i].touches = entry->count;
      }

    tp_touches_chart_set_channels (self->chart, channels, load->channels->len);
  }

  update_page (self);
}

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TpChartSection) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("Could not load the chart's figures: %s", error->message);
    }
  else
    {
      apply_load (self, g_task_get_task_data (G_TASK (result)));
    }

  self->in_flight = 0;
  set_loading (self, FALSE);

  if (self->pending != 0)
    start_load (self);
}

static gboolean
can_use_worker (const char *path)
{
  return path != NULL && path[0] != '\0' &&
         g_strcmp0 (path, ":memory:") != 0 &&
         !g_str_has_prefix (path, "file:");
}

static void
start_load (TpChartSection *self)
{
  g_autoptr(GTask) task = NULL;
  TpDatabase *db;
  Load *load;

  if (self->store == NULL || self->loading || self->pending == 0)
    return;

  db = tp_store_get_database (self->store);

  load = g_new0 (Load, 1);
  load->path = g_strdup (tp_database_get_path (db));
  load->flags = self->pending;
  tp_analytics_settings_init_defaults (&load->settings);
  load->settings.band_low = tp_store_get_band_low (self->store);
  load->settings.band_high = tp_store_get_band_high (self->store);
  load->settings.followup_days = tp_store_get_followup_days (self->store);
  self->pending = 0;

  if (!can_use_worker (load->path))
    {
      g_autoptr(GError) error = NULL;

      if (run_load (load, db, &error))
        apply_load (self, load);
      else
        g_debug ("Could not load the chart's figures: %s", error->message);

      load_free (load);
      return;
    }

  self->in_flight = load->flags;
  set_loading (self, TRUE);

  /* The task holds no widget: the worker may drop it last, and a widget
   * must not be finalized on a worker thread. */
  task = g_task_new (NULL, self->cancellable, load_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_load);
  g_task_set_name (task, "[touchpoint] touches chart");
  g_task_set_task_data (task, load, load_free);
  g_task_run_in_thread (task, load_thread);
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

  customer = tp_store_get_customer (self->store, customer_id, &error);
  if (customer == NULL)
    {
      schedule_load (self, LOAD_ITEMS);
      return;
    }

  last_touch_at = tp_customer_get_last_touch_at (customer);
  if (last_touch_at != NULL && last_touch_at[0] != '\0')
    last_touch = tp_store_parse_time (last_touch_at);

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

/* Controls */

static void
on_mode_dropdown_selected_cb (TpChartSection *self)
{
  TpChartMode mode = (TpChartMode) gtk_drop_down_get_selected (self->mode_dropdown);

  if (mode > TP_CHART_MODE_CHANNELS)
    return;

  tp_touches_chart_set_mode (self->chart, mode);
  gtk_widget_set_visible (GTK_WIDGET (self->sort_dropdown), mode == TP_CHART_MODE_TOUCHES);
}

static void
on_sort_dropdown_selected_cb (TpChartSection *self)
{
  TpChartSort sort = (TpChartSort) gtk_drop_down_get_selected (self->sort_dropdown);

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

  return self->loading || self->reload_id != 0;
}

/* GObject */

static void
tp_chart_section_dispose (GObject *object)
{
  TpChartSection *self = TP_CHART_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_CHART_SECTION);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

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
  gtk_widget_class_bind_template_child (widget_class, TpChartSection, stack);
  gtk_widget_class_bind_template_child (widget_class, TpChartSection, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TpChartSection, sort_dropdown);
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

/* The drop-downs list the views and the orders in the order of
 * TpChartMode and TpChartSort: a position is a value. */
static void
tp_chart_section_init (TpChartSection *self)
{
  g_autoptr(GtkStringList) modes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sorts = gtk_string_list_new (NULL);

  g_type_ensure (TP_TYPE_TOUCHES_CHART);

  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (modes, _("Touches per Customer"));
  gtk_string_list_append (modes, _("Touches Before First Purchase"));
  gtk_string_list_append (modes, _("First-Purchase Channels"));
  gtk_drop_down_set_model (self->mode_dropdown, G_LIST_MODEL (modes));
  gtk_drop_down_set_selected (self->mode_dropdown, tp_touches_chart_get_mode (self->chart));

  gtk_string_list_append (sorts, _("Most Touches First"));
  gtk_string_list_append (sorts, _("By Name"));
  gtk_string_list_append (sorts, _("Latest Touch First"));
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sorts));
  gtk_drop_down_set_selected (self->sort_dropdown, tp_touches_chart_get_sort (self->chart));

  update_page (self);
}
