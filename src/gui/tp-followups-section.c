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

#include "tp-analytics.h"
#include "tp-followups-section.h"
#include "tp-application.h"
#include "tp-models.h"
#include "tp-notifier.h"
#include "tp-window.h"

/*
 * The follow-up queue of the Sales tab: customers who have gone quiet
 * before buying, and planned touches that have come due (the data core's
 * tp_analytics_follow_ups() decides who). Each row says who, why and for
 * how long, and offers the one click that answers it: Log Touch, or Mark
 * Done for a planned touch.
 *
 * The queue is computed on a worker thread with its own connection,
 * because its cost grows with the number of customers; it is computed
 * again when the store changes, when the settings change, and every
 * minute, because time alone brings follow-ups due. Whatever came due
 * since the last look goes to the application's TpNotifier, which raises
 * a desktop notification once per session (and watches the database
 * itself once no window shows it).
 */

#define SECONDS_PER_DAY          G_GINT64_CONSTANT (86400)
#define CHECK_INTERVAL_SECONDS   60
/* How many of a customer's latest touches to look through for a channel. */
#define CHANNEL_LOOKBACK         20

/* TpFollowUpItem */

struct _TpFollowUpItem
{
  GObject   parent_instance;

  gint64    customer_id;
  char     *name;
  gboolean  planned;
  gint64    planned_touch_id;
  guint     days_quiet;
  guint     touch_count;
  gint64    due_at;
  gint64    quiet_since;  /* the last done touch, or when the customer was added */
};

G_DEFINE_FINAL_TYPE (TpFollowUpItem, tp_follow_up_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_CUSTOMER_ID,
  ITEM_PROP_NAME,
  ITEM_PROP_PLANNED,
  ITEM_PROP_PLANNED_TOUCH_ID,
  ITEM_PROP_DAYS_QUIET,
  ITEM_PROP_TOUCH_COUNT,
  ITEM_PROP_DUE_AT,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static TpFollowUpItem *
tp_follow_up_item_new (const TpFollowUp *entry,
                       guint             followup_days)
{
  TpFollowUpItem *self = g_object_new (TP_TYPE_FOLLOW_UP_ITEM, NULL);

  self->customer_id = entry->customer_id;
  self->name = g_strdup (entry->name);
  self->planned = entry->reason == TP_FOLLOW_UP_REASON_PLANNED_DUE;
  self->planned_touch_id = entry->planned_touch_id;
  self->days_quiet = entry->days_quiet;
  self->touch_count = entry->touch_count;
  self->due_at = entry->due_at;
  self->quiet_since = self->planned ? 0 : entry->due_at - followup_days * SECONDS_PER_DAY;

  return self;
}

gint64
tp_follow_up_item_get_customer_id (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), 0);

  return self->customer_id;
}

const char *
tp_follow_up_item_get_name (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), NULL);

  return self->name;
}

gboolean
tp_follow_up_item_get_planned (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), FALSE);

  return self->planned;
}

gint64
tp_follow_up_item_get_planned_touch_id (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), 0);

  return self->planned_touch_id;
}

guint
tp_follow_up_item_get_days_quiet (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), 0);

  return self->days_quiet;
}

guint
tp_follow_up_item_get_touch_count (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), 0);

  return self->touch_count;
}

gint64
tp_follow_up_item_get_due_at (TpFollowUpItem *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ITEM (self), 0);

  return self->due_at;
}

static gboolean
tp_follow_up_item_equal (TpFollowUpItem *a,
                         TpFollowUpItem *b)
{
  return a->customer_id == b->customer_id &&
         a->planned == b->planned &&
         a->planned_touch_id == b->planned_touch_id &&
         a->days_quiet == b->days_quiet &&
         a->touch_count == b->touch_count &&
         a->due_at == b->due_at &&
         g_strcmp0 (a->name, b->name) == 0;
}

static gboolean
tp_follow_up_item_same (TpFollowUpItem *a,
                        TpFollowUpItem *b)
{
  return a->customer_id == b->customer_id && a->planned_touch_id == b->planned_touch_id;
}

/* The queue's order, as tp_analytics_follow_ups() sorts it: when it came
 * due, then the name (ASCII letters folded, as SQLite's NOCASE does), the
 * customer and the planned touch. */
static int
tp_follow_up_item_compare (TpFollowUpItem *a,
                           TpFollowUpItem *b)
{
  int cmp;

  if (a->due_at != b->due_at)
    return a->due_at < b->due_at ? -1 : 1;

  cmp = g_ascii_strcasecmp (a->name != NULL ? a->name : "", b->name != NULL ? b->name : "");
  if (cmp != 0)
    return cmp;

  if (a->customer_id != b->customer_id)
    return a->customer_id < b->customer_id ? -1 : 1;

  if (a->planned_touch_id != b->planned_touch_id)
    return a->planned_touch_id < b->planned_touch_id ? -1 : 1;

  return 0;
}

/* What identifies one follow-up for notifications (see _tp_notifier_dup_key()). */
static char *
tp_follow_up_item_dup_key (TpFollowUpItem *self)
{
  return _tp_notifier_dup_key (self->planned, self->planned_touch_id, self->customer_id,
                               self->quiet_since);
}

static void
tp_follow_up_item_finalize (GObject *object)
{
  TpFollowUpItem *self = TP_FOLLOW_UP_ITEM (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (tp_follow_up_item_parent_class)->finalize (object);
}

static void
tp_follow_up_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TpFollowUpItem *self = TP_FOLLOW_UP_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case ITEM_PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case ITEM_PROP_PLANNED:
      g_value_set_boolean (value, self->planned);
      break;

    case ITEM_PROP_PLANNED_TOUCH_ID:
      g_value_set_int64 (value, self->planned_touch_id);
      break;

    case ITEM_PROP_DAYS_QUIET:
      g_value_set_uint (value, self->days_quiet);
      break;

    case ITEM_PROP_TOUCH_COUNT:
      g_value_set_uint (value, self->touch_count);
      break;

    case ITEM_PROP_DUE_AT:
      g_value_set_int64 (value, self->due_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_follow_up_item_class_init (TpFollowUpItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_follow_up_item_finalize;
  object_class->get_property = tp_follow_up_item_get_property;

  item_properties[ITEM_PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_PLANNED] =
    g_param_spec_boolean ("planned", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_PLANNED_TOUCH_ID] =
    g_param_spec_int64 ("planned-touch-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_DAYS_QUIET] =
    g_param_spec_uint ("days-quiet", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_TOUCH_COUNT] =
    g_param_spec_uint ("touch-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_DUE_AT] =
    g_param_spec_int64 ("due-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
tp_follow_up_item_init (TpFollowUpItem *self)
{
}

/* TpFollowupsSection */

struct _TpFollowupsSection
{
  GtkWidget             parent_instance;

  /* Template children */
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkLabel             *summary_label;
  GtkLabel             *rule_label;
  GtkListView          *list_view;

  TpStore              *store;
  GDateTime            *now;          /* (nullable): a fixed "now" for tests */
  GListStore           *queue;        /* TpFollowUpItem, most urgent first */
  GPtrArray            *current;      /* the same, as the last load found it */
  GCancellable         *cancellable;
  guint                 refresh_id;
  guint                 first_load_id;
  guint                 timer_id;
  gboolean              loading;
  gboolean              dirty;        /* asked to refresh while loading */

  TpNotifier           *notifier;     /* the application's, or one of its own */
  char                 *notify_key;   /* the database, as the notifier knows it */
  TpFollowUpNotifyFunc  notify_func;
  gpointer              notify_data;

  GPtrArray            *rows;         /* Row, of the list's widgets */
  gboolean              narrow;
  guint                 relayout_id;
};

G_DEFINE_FINAL_TYPE (TpFollowupsSection, tp_followups_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_NOW,
  PROP_N_FOLLOW_UPS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_refresh (TpFollowupsSection *self);

static GDateTime *
dup_now (TpFollowupsSection *self)
{
  if (self->now != NULL)
    return g_date_time_ref (self->now);

  return g_date_time_new_now_utc ();
}

static void
set_loading (TpFollowupsSection *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Rows */

/* Below this width, a row's buttons go under its text. */
#define NARROW_WIDTH 560
#define NARROW_MIN_WIDTH 300

typedef struct
{
  TpFollowupsSection *section;  /* (nullable): the section that lays rows out */
  GtkGrid            *grid;
  GtkWidget          *buttons;
  gboolean            narrow;
  AdwAvatar          *avatar;
  GtkLabel           *name_label;
  GtkLabel           *reason_label;
  GtkLabel           *touches_label;
  GtkLabel           *detail_label;
  GtkWidget          *mark_done_button;
  GtkWidget          *log_button;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  if (row->section != NULL)
    g_ptr_array_remove_fast (row->section->rows, row);
  g_free (row);
}

static void
layout_row (Row      *row,
            gboolean  narrow)
{
  if (gtk_widget_get_parent (row->buttons) != NULL)
    {
      if (row->narrow == narrow)
        return;
      g_object_ref (row->buttons);
      gtk_grid_remove (row->grid, row->buttons);
    }
  else
    {
      g_object_ref_sink (row->buttons);
    }

  row->narrow = narrow;
  if (narrow)
    {
      gtk_widget_set_halign (row->buttons, GTK_ALIGN_START);
      gtk_grid_attach (row->grid, row->buttons, 1, 1, 1, 1);
    }
  else
    {
      gtk_widget_set_halign (row->buttons, GTK_ALIGN_END);
      gtk_grid_attach (row->grid, row->buttons, 2, 0, 1, 1);
    }
  g_object_unref (row->buttons);
}

static gboolean
relayout_rows_cb (gpointer user_data)
{
  TpFollowupsSection *self = user_data;

  self->relayout_id = 0;
  for (guint i = 0; i < self->rows->len; i++)
    layout_row (g_ptr_array_index (self->rows, i), self->narrow);

  return G_SOURCE_REMOVE;
}

static GtkLabel *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return GTK_LABEL (label);
}

static void
on_factory_setup_cb (TpFollowupsSection       *self,
                     GtkListItem              *list_item,
                     GtkSignalListItemFactory *factory)
{
  GtkWidget *text, *details;
  Row *row = g_new0 (Row, 1);

  row->section = self;
  row->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (row->grid, 12);
  gtk_grid_set_row_spacing (row->grid, 6);
  gtk_widget_add_css_class (GTK_WIDGET (row->grid), "tp-follow-up-row");

  row->avatar = ADW_AVATAR (adw_avatar_new (36, NULL, TRUE));
  gtk_widget_set_valign (GTK_WIDGET (row->avatar), GTK_ALIGN_START);
  gtk_grid_attach (row->grid, GTK_WIDGET (row->avatar), 0, 0, 1, 1);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_grid_attach (row->grid, text, 1, 0, 1, 1);

  row->name_label = new_label ("heading");
  gtk_label_set_ellipsize (row->name_label, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (row->name_label));

  row->reason_label = new_label (NULL);
  gtk_label_set_wrap (row->reason_label, TRUE);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (row->reason_label));

  details = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (text), details);

  row->touches_label = new_label (NULL);
  gtk_box_append (GTK_BOX (details), GTK_WIDGET (row->touches_label));

  row->detail_label = new_label (NULL);
  gtk_label_set_ellipsize (row->detail_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (row->detail_label), TRUE);
  gtk_box_append (GTK_BOX (details), GTK_WIDGET (row->detail_label));

  row->buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (row->buttons, GTK_ALIGN_CENTER);

  row->mark_done_button = gtk_button_new_with_mnemonic (_("Mark _Done"));
  /* The target before the name: a name without its target type warns. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row->mark_done_button), "x", G_GINT64_CONSTANT (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row->mark_done_button), "follow-ups.mark-done");
  gtk_box_append (GTK_BOX (row->buttons), row->mark_done_button);

  row->log_button = gtk_button_new_with_mnemonic (_("_Log Touch"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row->log_button), "(xx)",
                                    G_GINT64_CONSTANT (0), G_GINT64_CONSTANT (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row->log_button), "follow-ups.log-touch");
  gtk_box_append (GTK_BOX (row->buttons), row->log_button);

  layout_row (row, self->narrow);
  g_ptr_array_add (self->rows, row);

  g_object_set_data_full (G_OBJECT (list_item), "tp-row", row, row_free);
  gtk_list_item_set_child (list_item, GTK_WIDGET (row->grid));
}

static char *
dup_reason (TpFollowUpItem *item,
            GDateTime      *now)
{
  if (item->planned)
    {
      gint64 late = g_date_time_to_unix (now) - item->due_at;
      guint days = late > 0 ? (guint) (late / SECONDS_PER_DAY) : 0;

      if (days == 0)
        return g_strdup (_("A planned touch is due today"));

      /* Translators: a planned touch should have happened this many days ago */
      return g_strdup_printf (ngettext ("A planned touch was due %u day ago",
                                        "A planned touch was due %u days ago",
                                        days),
                              days);
    }

  if (item->touch_count == 0)
    {
      /* Translators: a customer who was added this many days ago and never touched */
      return g_strdup_printf (ngettext ("Added %u day ago and not touched yet",
                                        "Added %u days ago and not touched yet",
                                        item->days_quiet),
                              item->days_quiet);
    }

  /* Translators: how long a customer who has not bought has had no touch */
  return g_strdup_printf (ngettext ("Quiet for %u day", "Quiet for %u days", item->days_quiet),
                          item->days_quiet);
}

static char *
dup_planned_detail (TpFollowupsSection *self,
                    TpFollowUpItem     *item)
{
  if (self->store == NULL)
    return NULL;

  return _tp_notifier_dup_planned_detail (self->store, item->planned_touch_id);
}

static void
on_factory_bind_cb (TpFollowupsSection       *self,
                    GtkListItem              *list_item,
                    GtkSignalListItemFactory *factory)
{
  TpFollowUpItem *item = gtk_list_item_get_item (list_item);
  Row *row = g_object_get_data (G_OBJECT (list_item), "tp-row");
  g_autoptr(GDateTime) now = dup_now (self);
  g_autofree char *reason = dup_reason (item, now);
  g_autofree char *touches = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *log_label = NULL;
  g_autofree char *done_label = NULL;

  adw_avatar_set_text (row->avatar, item->name);
  gtk_label_set_label (row->name_label, item->name);
  gtk_label_set_label (row->reason_label, reason);

  /* Translators: how many touches a customer has had */
  touches = g_strdup_printf (ngettext ("%u touch", "%u touches", item->touch_count), item->touch_count);
  gtk_label_set_label (row->touches_label, touches);

  if (item->planned)
    detail = dup_planned_detail (self, item);
  gtk_label_set_label (row->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (row->detail_label), detail != NULL);

  gtk_widget_set_visible (row->mark_done_button, item->planned);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row->mark_done_button), "x", item->planned_touch_id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row->log_button), "(xx)",
                                    item->customer_id, item->planned_touch_id);

  /* Translators: the accessible name of a follow-up's Log Touch button; %s is a customer */
  log_label = g_strdup_printf (_("Log a touch for %s"), item->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->log_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, log_label,
                                  -1);
  /* Translators: the accessible name of a follow-up's Mark Done button; %s is a customer */
  done_label = g_strdup_printf (_("Mark the planned touch for %s done"), item->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->mark_done_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, done_label,
                                  -1);
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
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));
  g_autofree char *summary = NULL;
  g_autofree char *rule = NULL;

  /* Translators: the heading of the follow-up queue */
  summary = g_strdup_printf (ngettext ("%u Follow-Up Due", "%u Follow-Ups Due", n), n);
  gtk_label_set_label (self->summary_label, summary);

  if (self->store != NULL)
    {
      guint days = tp_store_get_followup_days (self->store);
      guint high = tp_store_get_band_high (self->store);

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

/* Loading the queue
 *
 * A load runs on a worker with its own connection. Besides the queue, it
 * works out what the main thread would otherwise have to walk the whole
 * queue for, which with a large business is tens of thousands of
 * entries: how the new queue differs from the one shown, which
 * follow-ups came due that were not notified before, and which notified
 * ones are no longer due. The main thread then only splices and sends.
 */

/* One g_list_store_splice() that turns the queue shown into the new one:
 * at @position, @n_removed entries go and @n_added of the new queue, from
 * @added, come in. Positions count the splices before. */
typedef struct
{
  guint position;
  guint n_removed;
  guint added;
  guint n_added;
} Splice;

typedef struct
{
  GPtrArray *items;    /* TpFollowUpItem: the whole new queue */
  GArray    *splices;  /* Splice, in order */
  GPtrArray *fresh;    /* TpFollowUpItem: due, and not notified before */
  GPtrArray *gone;     /* char *: keys of shown notifications no longer due */
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->items, g_ptr_array_unref);
  g_clear_pointer (&result->splices, g_array_unref);
  g_clear_pointer (&result->fresh, g_ptr_array_unref);
  g_clear_pointer (&result->gone, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

typedef struct
{
  char                *path;
  TpAnalyticsSettings  settings;
  GDateTime           *now;
  GPtrArray           *old;        /* the queue shown when the load started */
  TpNotifier          *notifier;   /* claims what came due, once per session */
  char                *notify_key; /* the database, as the notifier knows it */
  GStrv                sent_keys;  /* keys whose notifications still show */
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_pointer (&load->path, g_free);
  g_clear_pointer (&load->now, g_date_time_unref);
  g_clear_pointer (&load->old, g_ptr_array_unref);
  g_clear_object (&load->notifier);
  g_clear_pointer (&load->notify_key, g_free);
  g_clear_pointer (&load->sent_keys, g_strfreev);
  g_free (load);
}

static GPtrArray *
build_items (TpDatabase                 *db,
             const TpAnalyticsSettings  *settings,
             GDateTime                  *now,
             GError                    **error)
{
  g_autoptr(GArray) queue = tp_analytics_follow_ups (db, settings, now, error);
  GPtrArray *items;

  if (queue == NULL)
    return NULL;

  items = g_ptr_array_new_full (queue->len, g_object_unref);
  for (guint i = 0; i < queue->len; i++)
    g_ptr_array_add (items, tp_follow_up_item_new (&g_array_index (queue, TpFollowUp, i),
                                                   settings->followup_days));

  return items;
}

/* Adds one step to the splices: removing the old entry at @position,
 * inserting the new entry @added there, or both. */
static void
add_step (GArray *splices,
          guint   position,
          guint   n_removed,
          guint   added,
          guint   n_added)
{
  Splice *last = splices->len > 0 ? &g_array_index (splices, Splice, splices->len - 1) : NULL;

  if (last != NULL && last->position + last->n_added == position)
    {
      last->n_removed += n_removed;
      if (last->n_added == 0)
        last->added = added;
      last->n_added += n_added;
      return;
    }

  g_array_append_val (splices, ((Splice) { position, n_removed, added, n_added }));
}

/*
 * Compares the old queue with the new one as two sorted lists, so that
 * each change is its own small splice: logging a touch removes one row,
 * and a quiet spell that passes midnight redraws one row, even with tens
 * of thousands of entries in between. Whatever the order, applying the
 * splices gives the new queue: the first @position entries of the list
 * are always the new queue's.
 */
static GArray *
diff_queues (GPtrArray *old,
             GPtrArray *items)
{
  GArray *splices = g_array_new (FALSE, FALSE, sizeof (Splice));
  guint i = 0, j = 0;

  while (i < old->len || j < items->len)
    {
      TpFollowUpItem *a = i < old->len ? g_ptr_array_index (old, i) : NULL;
      TpFollowUpItem *b = j < items->len ? g_ptr_array_index (items, j) : NULL;

      if (a != NULL && b != NULL && tp_follow_up_item_same (a, b))
        {
          if (!tp_follow_up_item_equal (a, b))
            add_step (splices, j, 1, j, 1);
          else
            {
              /* Keep the shown object, and drop the new one here on the
               * worker rather than on the main thread later. */
              items->pdata[j] = g_object_ref (a);
              g_object_unref (b);
            }
          i++;
          j++;
        }
      else if (b == NULL || (a != NULL && tp_follow_up_item_compare (a, b) < 0))
        {
          add_step (splices, j, 1, 0, 0);
          i++;
        }
      else
        {
          add_step (splices, j, 0, j, 1);
          j++;
        }
    }

  return splices;
}

static LoadResult *
run_load (LoadData    *load,
          TpDatabase  *db,
          GError     **error)
{
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);
  g_autoptr(GHashTable) current = NULL;
  guint new_n;

  result->items = build_items (db, &load->settings, load->now, error);
  if (result->items == NULL)
    return NULL;

  result->splices = diff_queues (load->old, result->items);
  new_n = result->items->len;

  result->fresh = g_ptr_array_new_with_free_func (g_object_unref);
  result->gone = g_ptr_array_new_with_free_func (g_free);
  if (load->sent_keys != NULL && load->sent_keys[0] != NULL)
    current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < new_n; i++)
    {
      TpFollowUpItem *item = g_ptr_array_index (result->items, i);
      g_autofree char *key = tp_follow_up_item_dup_key (item);

      if (_tp_notifier_claim (load->notifier, load->notify_key, key))
        g_ptr_array_add (result->fresh, g_object_ref (item));

      if (current != NULL)
        g_hash_table_add (current, g_steal_pointer (&key));
    }

  for (guint i = 0; current != NULL && load->sent_keys[i] != NULL; i++)
    {
      if (!g_hash_table_contains (current, load->sent_keys[i]))
        g_ptr_array_add (result->gone, g_strdup (load->sent_keys[i]));
    }

  return g_steal_pointer (&result);
}

static void
notify_changes (TpFollowupsSection *self,
                LoadResult         *result)
{
  g_autoptr(GArray) due = g_array_sized_new (FALSE, TRUE, sizeof (TpFollowUpDue), result->fresh->len);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  gboolean single = result->fresh->len <= TP_NOTIFIER_MAX_SINGLE;

  for (guint i = 0; i < result->fresh->len; i++)
    {
      TpFollowUpItem *item = g_ptr_array_index (result->fresh, i);
      char *key = tp_follow_up_item_dup_key (item);
      char *detail = single && item->planned ? dup_planned_detail (self, item) : NULL;
      TpFollowUpDue entry = {
        item->customer_id, item->name, key, item->planned, detail,
        item->touch_count, item->days_quiet,
      };

      g_ptr_array_add (strings, key);
      if (detail != NULL)
        g_ptr_array_add (strings, detail);
      g_array_append_val (due, entry);
    }

  for (guint i = 0; i < result->gone->len; i++)
    g_ptr_array_add (gone, g_ptr_array_index (result->gone, i));
  g_ptr_array_add (gone, NULL);

  _tp_notifier_announce (self->notifier, self->notify_key,
                         (const TpFollowUpDue *) (gpointer) due->data, due->len,
                         (const char * const *) gone->pdata,
                         self->notify_func, self->notify_data);
}

static void
apply_result (TpFollowupsSection *self,
              LoadResult         *result)
{
  guint old_n = self->current->len;
  guint new_n = result->items->len;

  for (guint i = 0; i < result->splices->len; i++)
    {
      const Splice *splice = &g_array_index (result->splices, Splice, i);

      g_list_store_splice (self->queue, splice->position, splice->n_removed,
                           result->items->pdata + splice->added, splice->n_added);
    }
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (self->queue)) == new_n);

  g_clear_pointer (&self->current, g_ptr_array_unref);
  self->current = g_ptr_array_ref (result->items);

  update_labels (self);
  update_badge (self);

  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FOLLOW_UPS]);

  if (result->fresh != NULL)
    notify_changes (self, result);
}

static void
clear_queue (TpFollowupsSection *self)
{
  g_autoptr(LoadResult) empty = g_new0 (LoadResult, 1);

  empty->items = g_ptr_array_new ();
  empty->splices = diff_queues (self->current, empty->items);
  apply_result (self, empty);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(TpDatabase) db = NULL;
  GError *error = NULL;
  LoadResult *result;

  db = tp_database_open_full (load->path, TP_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = run_load (load, db, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, load_result_free);
}

static void start_load (TpFollowupsSection *self);
static void run_load_now (TpFollowupsSection *self);

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TpFollowupsSection) self = user_data;
  g_autoptr(LoadResult) load_result = NULL;
  g_autoptr(GError) error = NULL;

  load_result = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, FALSE);

  if (load_result != NULL)
    apply_result (self, load_result);
  else
    g_debug ("Could not build the follow-up queue: %s", error->message);

  if (self->dirty)
    {
      self->dirty = FALSE;
      start_load (self);
    }
}

/*
 * The first count of a new store waits a moment when the section is not
 * in view: at start the window's first frame needs both cores more than
 * the badge does. It counts as loading meanwhile.
 */
#define FIRST_LOAD_DELAY_MS 1000

static gboolean
first_load_cb (gpointer user_data)
{
  TpFollowupsSection *self = user_data;

  self->first_load_id = 0;

  /* This load reads the changes made while it waited: they need no other. */
  self->dirty = FALSE;
  run_load_now (self);

  return G_SOURCE_REMOVE;
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

  if (self->first_load_id != 0)
    {
      g_clear_handle_id (&self->first_load_id, g_source_remove);
      first_load_cb (self);
    }
}

static void
start_first_load (TpFollowupsSection *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      start_load (self);
      return;
    }

  set_loading (self, TRUE);
  self->first_load_id = g_timeout_add (FIRST_LOAD_DELAY_MS, first_load_cb, self);
}

/* Builds the queue again, on a worker for a file, unless a build is
 * running: then once more when it is done. */
static void
start_load (TpFollowupsSection *self)
{
  if (self->store == NULL)
    return;

  if (self->loading)
    {
      self->dirty = TRUE;
      return;
    }

  run_load_now (self);
}

/* Builds the queue again now. The first count, which waited while
 * counting as loading, goes on loading without a blink of "not loading". */
static void
run_load_now (TpFollowupsSection *self)
{
  g_autoptr(GTask) task = NULL;
  TpDatabase *db;
  LoadData *load;

  if (self->store == NULL)
    {
      set_loading (self, FALSE);
      return;
    }

  db = tp_store_get_database (self->store);

  load = g_new0 (LoadData, 1);
  load->path = g_strdup (tp_database_get_path (db));
  load->now = dup_now (self);
  tp_analytics_settings_init_defaults (&load->settings);
  load->settings.band_low = tp_store_get_band_low (self->store);
  load->settings.band_high = tp_store_get_band_high (self->store);
  load->settings.followup_days = tp_store_get_followup_days (self->store);
  load->old = g_ptr_array_ref (self->current);
  load->notifier = g_object_ref (self->notifier);
  load->notify_key = g_strdup (self->notify_key);
  load->sent_keys = _tp_notifier_dup_sent_keys (self->notifier, self->notify_key);

  if (!tp_database_path_can_reopen (load->path))
    {
      g_autoptr(LoadResult) result = NULL;
      g_autoptr(GError) error = NULL;

      result = run_load (load, db, &error);
      load_data_free (load);

      if (result != NULL)
        apply_result (self, result);
      else
        g_debug ("Could not build the follow-up queue: %s", error->message);
      set_loading (self, FALSE);
      return;
    }

  set_loading (self, TRUE);

  /* The task holds no widget: the worker may drop it last, and a widget
   * must not be finalized on a worker thread. */
  task = g_task_new (NULL, self->cancellable, load_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_load);
  g_task_set_name (task, "[touchpoint] follow-up queue");
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  TpFollowupsSection *self = user_data;

  self->refresh_id = 0;
  start_load (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (TpFollowupsSection *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  TpFollowupsSection *self = user_data;

  start_load (self);

  return G_SOURCE_CONTINUE;
}

static void
on_store_changed_cb (TpFollowupsSection *self,
                     const char         *table,
                     gint64              id,
                     TpStoreChange       kind,
                     TpStore            *store)
{
  schedule_refresh (self);
}

static void
on_store_settings_changed_cb (TpFollowupsSection *self)
{
  update_labels (self);
  schedule_refresh (self);
}

/* Actions */

static void
show_toast (TpFollowupsSection *self,
            AdwToast           *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (TP_IS_WINDOW (root))
    tp_window_add_toast (TP_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

static void
show_error (TpFollowupsSection *self,
            const GError       *error)
{
  show_toast (self, adw_toast_new (error->message));
}

typedef struct
{
  TpStore *store;
  gint64   touch_id;
  char    *happened_at;  /* (nullable): for a planned touch made done */
} UndoData;

static void
undo_data_free (gpointer data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_clear_object (&undo->store);
  g_clear_pointer (&undo->happened_at, g_free);
  g_free (undo);
}

static void
on_undo_log_clicked_cb (AdwToast *toast,
                        UndoData *undo)
{
  g_autoptr(TpUndo) deleted = NULL;
  g_autoptr(GError) error = NULL;

  deleted = tp_store_delete_touch (undo->store, undo->touch_id, &error);
  if (deleted == NULL)
    g_debug ("Could not take back the touch: %s", error->message);
}

static void
on_undo_done_clicked_cb (AdwToast *toast,
                         UndoData *undo)
{
  g_autoptr(TpTouch) touch = NULL;
  g_autoptr(GError) error = NULL;

  touch = tp_store_get_touch (undo->store, undo->touch_id, &error);
  if (touch != NULL)
    {
      tp_touch_set_done (touch, FALSE);
      tp_touch_set_happened_at (touch, undo->happened_at);
      tp_store_save_touch (undo->store, touch, &error);
    }

  if (error != NULL)
    g_debug ("Could not take back marking the touch done: %s", error->message);
}

static void
show_undo_toast (TpFollowupsSection *self,
                 const char         *title,
                 GCallback           callback,
                 gint64              touch_id,
                 const char         *happened_at)
{
  AdwToast *toast = adw_toast_new (title);
  UndoData *undo = g_new0 (UndoData, 1);

  undo->store = g_object_ref (self->store);
  undo->touch_id = touch_id;
  undo->happened_at = g_strdup (happened_at);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", callback, undo, undo_data_free, 0);

  show_toast (self, toast);
}

/* The channel the customer was last touched through: what "the usual"
 * means for a one-click touch. */
static TpChannel
usual_channel (TpFollowupsSection *self,
               gint64              customer_id,
               gint64              planned_touch_id)
{
  g_autoptr(GListModel) touches = tp_store_list_touches (self->store, customer_id);
  g_autoptr(TpCustomer) customer = NULL;
  guint n = MIN (g_list_model_get_n_items (touches), CHANNEL_LOOKBACK);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpTouch) touch = g_list_model_get_item (touches, i);

      if (tp_touch_get_done (touch))
        return tp_touch_get_channel (touch);
    }

  if (planned_touch_id > 0)
    {
      g_autoptr(TpTouch) planned = tp_store_get_touch (self->store, planned_touch_id, NULL);

      if (planned != NULL)
        return tp_touch_get_channel (planned);
    }

  customer = tp_store_get_customer (self->store, customer_id, NULL);
  if (customer != NULL && tp_customer_get_has_source_channel (customer))
    return tp_customer_get_source_channel (customer);

  return TP_CHANNEL_EMAIL;
}

static char *
dup_now_text (TpFollowupsSection *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->now == NULL)
    return NULL;

  now = g_date_time_to_utc (self->now);
  return tp_schema_format_time (now);
}

static void
log_touch_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpFollowupsSection *self = TP_FOLLOWUPS_SECTION (widget);
  g_autoptr(TpTouch) touch = NULL;
  g_autoptr(TpCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *happened_at = NULL;
  g_autofree char *title = NULL;
  gint64 customer_id, planned_touch_id;
  TpChannel channel;

  if (self->store == NULL)
    return;

  g_variant_get (parameter, "(xx)", &customer_id, &planned_touch_id);

  channel = usual_channel (self, customer_id, planned_touch_id);
  happened_at = dup_now_text (self);

  touch = tp_store_log_touch (self->store, customer_id, channel, happened_at, NULL, &error);
  if (touch == NULL)
    {
      show_error (self, error);
      return;
    }

  customer = tp_store_get_customer (self->store, customer_id, NULL);
  /* Translators: a toast; the first %s is a channel, such as "Call", the second a customer */
  title = g_strdup_printf (_("Logged a touch (%s) for %s"),
                           tp_channel_get_label (channel),
                           customer != NULL ? tp_customer_get_name (customer) : "");
  show_undo_toast (self, title, G_CALLBACK (on_undo_log_clicked_cb), tp_touch_get_id (touch), NULL);

  schedule_refresh (self);
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpFollowupsSection *self = TP_FOLLOWUPS_SECTION (widget);
  g_autoptr(TpTouch) touch = NULL;
  g_autoptr(TpCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *planned_at = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *title = NULL;
  gint64 touch_id = g_variant_get_int64 (parameter);

  if (self->store == NULL)
    return;

  touch = tp_store_get_touch (self->store, touch_id, &error);
  if (touch == NULL)
    {
      show_error (self, error);
      return;
    }

  planned_at = g_strdup (tp_touch_get_happened_at (touch));
  now_text = dup_now_text (self);
  if (now_text == NULL)
    now_text = tp_store_now ();

  /* It happened now, which is when the owner says it was done. */
  tp_touch_set_done (touch, TRUE);
  tp_touch_set_happened_at (touch, now_text);
  if (!tp_store_save_touch (self->store, touch, &error))
    {
      show_error (self, error);
      return;
    }

  customer = tp_store_get_customer (self->store, tp_touch_get_customer_id (touch), NULL);
  /* Translators: a toast; %s is a customer */
  title = g_strdup_printf (_("Planned touch for %s done"),
                           customer != NULL ? tp_customer_get_name (customer) : "");
  show_undo_toast (self, title, G_CALLBACK (on_undo_done_clicked_cb), touch_id, planned_at);

  schedule_refresh (self);
}

static void
on_list_view_activate_cb (TpFollowupsSection *self,
                          guint               position)
{
  g_autoptr(TpFollowUpItem) item = g_list_model_get_item (G_LIST_MODEL (self->queue), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "sales.show-customer", "x", item->customer_id);
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

  return self->store;
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
  g_return_if_fail (TP_IS_FOLLOWUPS_SECTION (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_loading (self, FALSE);
  self->dirty = FALSE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->first_load_id, g_source_remove);

  g_set_object (&self->store, store);

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
    }

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::customers",
                               G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::touches",
                               G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::orders",
                               G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::band-high",
                               G_CALLBACK (on_store_settings_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::followup-days",
                               G_CALLBACK (on_store_settings_changed_cb), self, G_CONNECT_SWAPPED);

      self->timer_id = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, check_timeout_cb, self);
      start_first_load (self);
    }
  else
    {
      clear_queue (self);
    }

  update_labels (self);
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

  return self->now;
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

  if (self->now == now ||
      (self->now != NULL && now != NULL && g_date_time_equal (self->now, now)))
    return;

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);

  schedule_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
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

  return self->loading || self->refresh_id != 0;
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

  schedule_refresh (self);
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

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_clear_handle_id (&self->first_load_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_FOLLOWUPS_SECTION);

  g_clear_object (&self->store);
  g_clear_object (&self->queue);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->notifier);

  G_OBJECT_CLASS (tp_followups_section_parent_class)->dispose (object);
}

static void
tp_followups_section_finalize (GObject *object)
{
  TpFollowupsSection *self = TP_FOLLOWUPS_SECTION (object);

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->notify_key, g_free);
  g_clear_pointer (&self->current, g_ptr_array_unref);

  /* Rows that outlive the section no longer report to it. */
  for (guint i = 0; i < self->rows->len; i++)
    ((Row *) g_ptr_array_index (self->rows, i))->section = NULL;
  g_clear_pointer (&self->rows, g_ptr_array_unref);

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
      g_value_set_object (value, self->store);
      break;

    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;

    case PROP_N_FOLLOW_UPS:
      g_value_set_uint (value, tp_followups_section_get_n_follow_ups (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, tp_followups_section_get_loading (self));
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

  self->queue = g_list_store_new (TP_TYPE_FOLLOW_UP_ITEM);
  self->current = g_ptr_array_new ();
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();

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
