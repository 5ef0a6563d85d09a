/* tp-followups-section.c
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

#define G_LOG_DOMAIN "tp-followups-section"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-application.h"
#include "tp-follow-up-actions.h"
#include "tp-follow-up-row.h"
#include "tp-followups-section.h"
#include "tp-models.h"
#include "tp-notifier.h"
#include "tp-read-only-private.h"
#include "tp-toast-private.h"

/*
 * The follow-up queue of the Sales tab: a list of TpFollowUpRow over a
 * TpFollowUpQueue, which computes who is due on a worker and keeps itself
 * up to date. Each row offers the one click that answers a follow-up
 * (the section's actions follow-ups.log-touch and follow-ups.mark-done,
 * which tp-follow-up-actions.c carries out, with an Undo toast);
 * whatever came due since the last look goes to the application's
 * TpNotifier, which raises a desktop notification once per session (and
 * watches the database itself once no window shows it).
 */

/* Below this width, a row's buttons go under its text. */
#define NARROW_WIDTH     560
#define NARROW_MIN_WIDTH 300

/*
 * The first count of a new store waits a moment when the section is not
 * in view: at start the window's first frame needs both cores more than
 * the badge does. It counts as loading meanwhile.
 */
#define FIRST_LOAD_DELAY_MS 1000

struct _TpFollowupsSection
{
  GtkWidget             parent_instance;

  /* Template children */
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkLabel             *summary_label;
  GtkLabel             *rule_label;
  GtkListView          *list_view;

  TpFollowUpQueue      *queue;
  gboolean              loading;      /* as last notified */

  TpNotifier           *notifier;     /* the application's, or one of its own */
  char                 *notify_key;   /* the database, as the notifier knows it */
  TpFollowUpNotifyFunc  notify_func;
  gpointer              notify_data;

  gboolean              narrow;       /* as allocated */
  gboolean              rows_narrow;  /* as the rows are laid out */
  guint                 relayout_id;
};

G_DEFINE_FINAL_TYPE (TpFollowupsSection, tp_followups_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_NOW,
  PROP_N_FOLLOW_UPS,
  PROP_LOADING,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows */

static gboolean
relayout_rows_cb (gpointer user_data)
{
  TpFollowupsSection *self = user_data;

  self->relayout_id = 0;
  if (self->rows_narrow != self->narrow)
    {
      self->rows_narrow = self->narrow;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
    }

  return G_SOURCE_REMOVE;
}

static void
on_factory_setup_cb (TpFollowupsSection       *self,
                     GtkListItem              *list_item,
                     GtkSignalListItemFactory *factory)
{
  GtkWidget *row = tp_follow_up_row_new ();

  g_object_bind_property (self, "narrow", row, "narrow", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (list_item, row);
}

static void
on_factory_bind_cb (TpFollowupsSection       *self,
                    GtkListItem              *list_item,
                    GtkSignalListItemFactory *factory)
{
  g_autoptr(GDateTime) now = tp_follow_up_queue_dup_now (self->queue);

  tp_follow_up_row_set_item (TP_FOLLOW_UP_ROW (gtk_list_item_get_child (list_item)),
                             gtk_list_item_get_item (list_item), now);
}

/* The rows are made when the section is first shown: GTK 4.8's list view
 * makes up to 200 of them at once, hidden or not, and the first queue of a
 * large business would otherwise cost the main loop 60 ms behind whatever
 * is in front, a second after start. */
static void
attach_rows (TpFollowupsSection *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (gtk_list_view_get_model (self->list_view) != NULL)
    return;

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->queue)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

static void
on_map_cb (TpFollowupsSection *self)
{
  attach_rows (self);

  if (tp_follow_up_queue_get_load_pending (self->queue))
    tp_follow_up_queue_load (self->queue);
}

/* Badge and labels */

static void
update_badge (TpFollowupsSection *self)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);
  AdwViewStackPage *page;

  if (stack == NULL)
    return;

  page = adw_view_stack_get_page (ADW_VIEW_STACK (stack), GTK_WIDGET (self));
  if (page != NULL)
    adw_view_stack_page_set_badge_number (page, tp_followups_section_get_n_follow_ups (self));
}

static void
update_labels (TpFollowupsSection *self)
{
  TpStore *store = tp_follow_up_queue_get_store (self->queue);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));
  g_autofree char *summary = NULL;
  g_autofree char *rule = NULL;

  /* Translators: the heading of the follow-up queue */
  summary = g_strdup_printf (ngettext ("%u Follow-Up Due", "%u Follow-Ups Due", n), n);
  gtk_label_set_label (self->summary_label, summary);

  if (store != NULL)
    {
      guint days = tp_store_get_followup_days (store);
      guint high = tp_store_get_band_high (store);

      /* Translators: the rule of the follow-up queue; %1$u is the follow-up interval in
       * days, %2$u the top of the touch band */
      rule = g_strdup_printf (ngettext ("Customers who have not bought, with fewer than %2$u touches "
                                        "and none for %1$u day or more, and planned touches that are due.",
                                        "Customers who have not bought, with fewer than %2$u touches "
                                        "and none for %1$u days or more, and planned touches that are due.",
                                        days),
                              days, high);
    }
  gtk_label_set_label (self->rule_label, rule);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "queue" : "empty");
}

/* The queue */

static void
on_queue_n_items_cb (TpFollowupsSection *self)
{
  update_labels (self);
  update_badge (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FOLLOW_UPS]);
}

static void
on_queue_loading_cb (TpFollowupsSection *self)
{
  gboolean loading = tp_follow_up_queue_get_loading (self->queue);

  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_queue_now_cb (TpFollowupsSection *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

static void
on_queue_loaded_cb (TpFollowupsSection *self,
                    GPtrArray          *came_due)
{
  if (self->notify_key != NULL)
    _tp_notifier_announce (self->notifier, self->notify_key, self->queue, came_due,
                           self->notify_func, self->notify_data);
}

static void
on_store_settings_changed_cb (TpFollowupsSection *self)
{
  update_labels (self);
}

/* Actions */

typedef struct
{
  TpStore *store;
  gint64   touch_id;
  char    *happened_at;  /* (nullable): for a planned touch made done */
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  g_clear_object (&undo->store);
  g_clear_pointer (&undo->happened_at, g_free);
  g_free (undo);
}

static void
undo_log_cb (gpointer user_data)
{
  UndoData *undo = user_data;
  g_autoptr(TpUndo) deleted = NULL;
  g_autoptr(GError) error = NULL;

  deleted = tp_store_delete_touch (undo->store, undo->touch_id, &error);
  if (deleted == NULL)
    g_debug ("Could not take back the touch: %s", error->message);
}

static void
undo_done_cb (gpointer user_data)
{
  UndoData *undo = user_data;
  g_autoptr(GError) error = NULL;

  if (!tp_follow_up_unmark_done (undo->store, undo->touch_id, undo->happened_at, &error))
    g_debug ("Could not take back marking the touch done: %s", error->message);
}

static void
show_undo_toast (TpFollowupsSection *self,
                 const char         *title,
                 TpToastUndoFunc     undo_func,
                 gint64              touch_id,
                 const char         *happened_at)
{
  UndoData *undo = g_new0 (UndoData, 1);

  undo->store = g_object_ref (tp_follow_up_queue_get_store (self->queue));
  undo->touch_id = touch_id;
  undo->happened_at = g_strdup (happened_at);

  _tp_toast_show_undo (GTK_WIDGET (self), title, undo_func, undo, undo_data_free);
}

static void
log_touch_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpFollowupsSection *self = TP_FOLLOWUPS_SECTION (widget);
  TpStore *store = tp_follow_up_queue_get_store (self->queue);
  g_autoptr(TpTouch) touch = NULL;
  g_autoptr(TpCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 customer_id, planned_touch_id;

  if (store == NULL)
    return;

  g_variant_get (parameter, "(xx)", &customer_id, &planned_touch_id);

  touch = tp_follow_up_log_touch (store, customer_id, planned_touch_id,
                                  tp_follow_up_queue_get_now (self->queue), &error);
  if (touch == NULL)
    {
      _tp_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  customer = tp_store_get_customer (store, customer_id, NULL);
  /* Translators: a toast; the first %s is a channel, such as "Call", the second a customer */
  title = g_strdup_printf (_("Logged a touch (%s) for %s"),
                           tp_channel_get_label (tp_touch_get_channel (touch)),
                           customer != NULL ? tp_customer_get_name (customer) : "");
  show_undo_toast (self, title, undo_log_cb, tp_record_get_id (TP_RECORD (touch)), NULL);

  tp_follow_up_queue_refresh (self->queue);
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpFollowupsSection *self = TP_FOLLOWUPS_SECTION (widget);
  TpStore *store = tp_follow_up_queue_get_store (self->queue);
  g_autoptr(TpTouch) touch = NULL;
  g_autoptr(TpCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *planned_at = NULL;
  g_autofree char *title = NULL;
  gint64 touch_id = g_variant_get_int64 (parameter);

  if (store == NULL)
    return;

  touch = tp_follow_up_mark_done (store, touch_id, tp_follow_up_queue_get_now (self->queue),
                                  &planned_at, &error);
  if (touch == NULL)
    {
      _tp_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  customer = tp_store_get_customer (store, tp_touch_get_customer_id (touch), NULL);
  /* Translators: a toast; %s is a customer */
  title = g_strdup_printf (_("Planned touch for %s done"),
                           customer != NULL ? tp_customer_get_name (customer) : "");
  show_undo_toast (self, title, undo_done_cb, touch_id, planned_at);

  tp_follow_up_queue_refresh (self->queue);
}

static void
on_list_view_activate_cb (TpFollowupsSection *self,
                          guint               position)
{
  g_autoptr(TpFollowUpItem) item = g_list_model_get_item (G_LIST_MODEL (self->queue), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "sales.show-customer", "x",
                                tp_follow_up_item_get_customer_id (item));
}

static void
on_show_customers_clicked_cb (TpFollowupsSection *self)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "customers");
}

/* Public API */

/**
 * tp_followups_section_get_store:
 * @self: a #TpFollowupsSection
 *
 * Returns: (transfer none) (nullable): the store whose follow-ups are shown
 */
TpStore *
tp_followups_section_get_store (TpFollowupsSection *self)
{
  g_return_val_if_fail (TP_IS_FOLLOWUPS_SECTION (self), NULL);

  return tp_follow_up_queue_get_store (self->queue);
}

/**
 * tp_followups_section_set_store:
 * @self: a #TpFollowupsSection
 * @store: (nullable): a store
 *
 * Shows the follow-ups of @store, and keeps them up to date.
 */
void
tp_followups_section_set_store (TpFollowupsSection *self,
                                TpStore            *store)
{
  TpStore *old;

  g_return_if_fail (TP_IS_FOLLOWUPS_SECTION (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  old = tp_follow_up_queue_get_store (self->queue);
  if (old == store)
    return;

  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);

  /* What the notifier knows a database by: its file, so that the window
   * and the notifier announce each follow-up once; a database in memory
   * is one of its own. */
  g_clear_pointer (&self->notify_key, g_free);
  if (store != NULL)
    {
      static guint n_memory = 0;
      const char *path = tp_database_get_path (tp_store_get_database (store));

      if (tp_database_path_can_reopen (path))
        self->notify_key = g_strdup (path);
      else
        self->notify_key = g_strdup_printf ("memory:%u", ++n_memory);
      _tp_notifier_attach (self->notifier, self->queue, self->notify_key);
    }
  else
    {
      tp_follow_up_queue_set_claim_func (self->queue, NULL, NULL, NULL);
    }

  tp_follow_up_queue_set_store (self->queue, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "notify::band-high",
                               G_CALLBACK (on_store_settings_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::followup-days",
                               G_CALLBACK (on_store_settings_changed_cb), self, G_CONNECT_SWAPPED);

      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        tp_follow_up_queue_load (self->queue);
      else
        tp_follow_up_queue_load_later (self->queue, FIRST_LOAD_DELAY_MS);
    }

  /* A role that may only read logs no touch and marks none done */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "follow-ups.log-touch",
                                 store == NULL || _tp_store_can_write (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "follow-ups.mark-done",
                                 store == NULL || _tp_store_can_write (store));

  update_labels (self);
  on_queue_loading_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tp_followups_section_get_now:
 * @self: a #TpFollowupsSection
 *
 * Returns: (transfer none) (nullable): the fixed time the queue is
 *   computed for, or %NULL for the clock's
 */
GDateTime *
tp_followups_section_get_now (TpFollowupsSection *self)
{
  g_return_val_if_fail (TP_IS_FOLLOWUPS_SECTION (self), NULL);

  return tp_follow_up_queue_get_now (self->queue);
}

/**
 * tp_followups_section_set_now:
 * @self: a #TpFollowupsSection
 * @now: (nullable): a fixed time, or %NULL to follow the clock
 *
 * Computes the queue, and logs one-click touches, as if it were @now:
 * what tests use to build a queue from fixed dates.
 */
void
tp_followups_section_set_now (TpFollowupsSection *self,
                              GDateTime          *now)
{
  g_return_if_fail (TP_IS_FOLLOWUPS_SECTION (self));

  /* The queue notifies :now when it changes, and the section with it. */
  tp_follow_up_queue_set_now (self->queue, now);
}

/**
 * tp_followups_section_get_n_follow_ups:
 * @self: a #TpFollowupsSection
 *
 * Returns: how many follow-ups are due: the badge of the section
 */
guint
tp_followups_section_get_n_follow_ups (TpFollowupsSection *self)
{
  g_return_val_if_fail (TP_IS_FOLLOWUPS_SECTION (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->queue));
}

/**
 * tp_followups_section_get_loading:
 * @self: a #TpFollowupsSection
 *
 * Returns: whether the queue is being computed, or is about to be
 */
gboolean
tp_followups_section_get_loading (TpFollowupsSection *self)
{
  g_return_val_if_fail (TP_IS_FOLLOWUPS_SECTION (self), FALSE);

  return tp_follow_up_queue_get_loading (self->queue);
}

/**
 * tp_followups_section_get_queue:
 * @self: a #TpFollowupsSection
 *
 * Returns: (transfer none): the #TpFollowUpItem of the queue, most urgent first
 */
GListModel *
tp_followups_section_get_queue (TpFollowupsSection *self)
{
  g_return_val_if_fail (TP_IS_FOLLOWUPS_SECTION (self), NULL);

  return G_LIST_MODEL (self->queue);
}

/**
 * tp_followups_section_refresh:
 * @self: a #TpFollowupsSection
 *
 * Computes the queue again soon, and notifies what came due.
 */
void
tp_followups_section_refresh (TpFollowupsSection *self)
{
  g_return_if_fail (TP_IS_FOLLOWUPS_SECTION (self));

  tp_follow_up_queue_refresh (self->queue);
}

/**
 * tp_followups_section_set_notify_func:
 * @self: a #TpFollowupsSection
 * @func: (nullable): what sends a notification, or %NULL for the application
 * @user_data: data for @func
 *
 * Replaces how follow-up notifications are sent; tests record them.
 */
void
tp_followups_section_set_notify_func (TpFollowupsSection   *self,
                                      TpFollowUpNotifyFunc  func,
                                      gpointer              user_data)
{
  g_return_if_fail (TP_IS_FOLLOWUPS_SECTION (self));

  self->notify_func = func;
  self->notify_data = user_data;
}

/* GObject */

static void
tp_followups_section_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  TpFollowupsSection *self = TP_FOLLOWUPS_SECTION (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);

  /* Below NARROW_WIDTH the rows put their buttons under the text, which
   * needs less than NARROW_MIN_WIDTH. Ask for no more than that even while
   * the rows are still laid out wide, or the wide layout's minimum would
   * keep the window from ever becoming narrow enough to switch. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL && !self->narrow)
    *minimum = MIN (*minimum, NARROW_MIN_WIDTH);
}

static void
tp_followups_section_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  TpFollowupsSection *self = TP_FOLLOWUPS_SECTION (widget);
  gboolean narrow = width < NARROW_WIDTH;

  /* The rows change their layout after this allocation, not during it. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->relayout_id == 0)
        self->relayout_id = g_idle_add (relayout_rows_cb, self);
    }

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
}

static void
tp_followups_section_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tp_followups_section_parent_class)->root (widget);

  update_badge (TP_FOLLOWUPS_SECTION (widget));
}

static void
tp_followups_section_dispose (GObject *object)
{
  TpFollowupsSection *self = TP_FOLLOWUPS_SECTION (object);

  g_clear_handle_id (&self->relayout_id, g_source_remove);

  if (self->queue != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->queue, self);
      tp_follow_up_queue_set_store (self->queue, NULL);
      tp_follow_up_queue_set_claim_func (self->queue, NULL, NULL, NULL);
    }
  g_clear_object (&self->queue);
  g_clear_object (&self->notifier);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_FOLLOWUPS_SECTION);

  G_OBJECT_CLASS (tp_followups_section_parent_class)->dispose (object);
}

static void
tp_followups_section_finalize (GObject *object)
{
  TpFollowupsSection *self = TP_FOLLOWUPS_SECTION (object);

  g_clear_pointer (&self->notify_key, g_free);

  G_OBJECT_CLASS (tp_followups_section_parent_class)->finalize (object);
}

static void
tp_followups_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TpFollowupsSection *self = TP_FOLLOWUPS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, tp_followups_section_get_store (self));
      break;

    case PROP_NOW:
      g_value_set_boxed (value, tp_followups_section_get_now (self));
      break;

    case PROP_N_FOLLOW_UPS:
      g_value_set_uint (value, tp_followups_section_get_n_follow_ups (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, tp_followups_section_get_loading (self));
      break;

    case PROP_NARROW:
      g_value_set_boolean (value, self->rows_narrow);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_followups_section_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TpFollowupsSection *self = TP_FOLLOWUPS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_followups_section_set_store (self, g_value_get_object (value));
      break;

    case PROP_NOW:
      tp_followups_section_set_now (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_followups_section_class_init (TpFollowupsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_followups_section_dispose;
  object_class->finalize = tp_followups_section_finalize;
  object_class->get_property = tp_followups_section_get_property;
  object_class->set_property = tp_followups_section_set_property;

  widget_class->measure = tp_followups_section_measure;
  widget_class->size_allocate = tp_followups_section_size_allocate;
  widget_class->root = tp_followups_section_root;

  /**
   * TpFollowupsSection:store:
   *
   * The store whose follow-ups the section shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpFollowupsSection:now:
   *
   * A fixed time to compute the queue for, or %NULL for the clock's.
   */
  properties[PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpFollowupsSection:n-follow-ups:
   *
   * How many follow-ups are due.
   */
  properties[PROP_N_FOLLOW_UPS] =
    g_param_spec_uint ("n-follow-ups", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * TpFollowupsSection:loading:
   *
   * Whether the queue is being computed on the worker.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * TpFollowupsSection:narrow:
   *
   * Whether the rows put their buttons under the text; the rows follow it.
   */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-followups-section.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, TpFollowupsSection, stack);
  gtk_widget_class_bind_template_child (widget_class, TpFollowupsSection, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TpFollowupsSection, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TpFollowupsSection, rule_label);
  gtk_widget_class_bind_template_child (widget_class, TpFollowupsSection, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_customers_clicked_cb);

  gtk_widget_class_install_action (widget_class, "follow-ups.log-touch", "(xx)", log_touch_action);
  gtk_widget_class_install_action (widget_class, "follow-ups.mark-done", "x", mark_done_action);

  gtk_widget_class_set_css_name (widget_class, "tp-followups-section");
}

static void
tp_followups_section_init (TpFollowupsSection *self)
{
  GtkListItemFactory *factory;

  g_type_ensure (TP_TYPE_FOLLOW_UP_ROW);

  self->queue = tp_follow_up_queue_new ();
  g_signal_connect_object (self->queue, "notify::n-items",
                           G_CALLBACK (on_queue_n_items_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->queue, "notify::loading",
                           G_CALLBACK (on_queue_loading_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->queue, "notify::now",
                           G_CALLBACK (on_queue_now_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->queue, "loaded",
                           G_CALLBACK (on_queue_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);

  /* The application's notifier; a section on its own (in a test) has one
   * of its own. */
  if (TP_IS_APPLICATION (g_application_get_default ()))
    self->notifier = g_object_ref (tp_application_get_notifier (TP_APPLICATION (g_application_get_default ())));
  else
    self->notifier = tp_notifier_new (g_application_get_default ());

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  update_labels (self);
}
