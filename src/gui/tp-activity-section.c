/* tp-activity-section.c
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

#define G_LOG_DOMAIN "tp-activity-section"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-activity-item.h"
#include "tp-activity-section.h"
#include "tp-models.h"
#include "tp-sales-util-private.h"

/*
 * The timeline across all customers: the latest done touches and orders,
 * newest first, a page at a time (scrolling to the end loads the next),
 * filtered by channel or to orders only. Clicking a line opens its
 * customer.
 *
 * Who did what: once the rows name more than one person (a team, or a
 * file shared by name), each line shows its person and a second
 * dropdown shows one person's activity alone. A one-person file shows
 * neither. The people are read when the store is set, and again when a
 * line names someone not yet known.
 *
 * The store lists the latest touches (tp_store_list_latest_touches) and
 * every order newest first; the section merges the two by time. Both
 * lists follow the store's changes, and the merge follows them.
 */

#define PAGE_SIZE   50
/* A channel's touches are looked for among this many times the page of
 * latest touches, at most MAX_SCAN. */
#define SCAN_FACTOR 10
#define MAX_SCAN    20000

/* TpActivitySection */

struct _TpActivitySection
{
  GtkWidget          parent_instance;

  /* Template children */
  GtkStack          *stack;
  GtkStack          *list_stack;
  GtkDropDown       *filter_dropdown;
  GtkDropDown       *person_dropdown;
  GtkScrolledWindow *scrolled_window;
  GtkListView       *list_view;

  TpStore           *store;
  GListModel        *touches;     /* the latest done touches, newest first */
  guint              window;      /* how many of them */
  GListModel        *orders;      /* every order, newest first */
  GListStore        *items;       /* TpActivityItem: what the list shows */
  int                filter;
  GStrv              people;      /* the people the rows name, sorted */
  char              *person;      /* (nullable): the one whose activity shows */
  gboolean           updating_people;
  guint              limit;
  gboolean           has_more;
  guint              rebuild_id;
};

G_DEFINE_FINAL_TYPE (TpActivitySection, tp_activity_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_LIMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_rebuild (TpActivitySection *self);

/* People */

static const char *
item_person (GObject *object)
{
  if (TP_IS_TOUCH (object))
    return tp_touch_get_person (TP_TOUCH (object));

  return tp_order_get_person (TP_ORDER (object));
}

static gboolean
shows_people (TpActivitySection *self)
{
  return self->people != NULL && g_strv_length (self->people) > 1;
}

static gboolean
person_passes (TpActivitySection *self,
               GObject           *object)
{
  return self->person == NULL || g_strcmp0 (item_person (object), self->person) == 0;
}

/* Reads the people again; the dropdown lists them after "Everyone" and
 * shows only when there is more than one. A filter on someone no longer
 * named is dropped. */
static void
update_people (TpActivitySection *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = NULL;
  gboolean showed = shows_people (self);
  guint selected = 0;

  g_clear_pointer (&self->people, g_strfreev);
  if (self->store != NULL)
    {
      self->people = tp_store_list_people (self->store, &error);
      if (error != NULL)
        g_warning ("Could not list the people: %s", error->message);
    }

  /* Translators: the first choice of the Activity's filter by person */
  names = gtk_string_list_new ((const char * const []) { _("Everyone"), NULL });
  for (guint i = 0; self->people != NULL && self->people[i] != NULL; i++)
    {
      gtk_string_list_append (names, self->people[i]);
      if (g_strcmp0 (self->people[i], self->person) == 0)
        selected = i + 1;
    }
  if (selected == 0 || !shows_people (self))
    g_clear_pointer (&self->person, g_free);

  self->updating_people = TRUE;
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->person_dropdown, self->person != NULL ? selected : 0);
  self->updating_people = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->person_dropdown), shows_people (self));

  /* Names now show, or no longer do: every row binds again. GTK 4.12
   * and later keep the row of an item that stays, as it was bound. */
  if (showed != shows_people (self))
    {
      g_autoptr(GtkSelectionModel) model = NULL;

      g_set_object (&model, gtk_list_view_get_model (self->list_view));
      gtk_list_view_set_model (self->list_view, NULL);
      gtk_list_view_set_model (self->list_view, model);
    }
}

static gboolean
knows_person (TpActivitySection *self,
              const char        *person)
{
  return person[0] == '\0' ||
         (self->people != NULL && g_strv_contains ((const char * const *) self->people, person));
}

/* Rows */

typedef struct
{
  GtkImage *icon;
  GtkLabel *name_label;
  GtkLabel *kind_label;
  GtkLabel *detail_label;
  GtkLabel *time_label;
  GtkLabel *person_label;
} Row;

static const char *
channel_icon_name (TpChannel channel)
{
  switch (channel)
    {
    case TP_CHANNEL_EMAIL: return "mail-unread-symbolic";
    case TP_CHANNEL_SOCIAL_POST: return "user-available-symbolic";
    case TP_CHANNEL_AD: return "tp-marketing-symbolic";
    case TP_CHANNEL_DIRECT_MESSAGE: return "chat-message-new-symbolic";
    case TP_CHANNEL_CALL: return "call-start-symbolic";
    case TP_CHANNEL_MEETING: return "system-users-symbolic";
    case TP_CHANNEL_EVENT: return "x-office-calendar-symbolic";
    case TP_CHANNEL_WEBSITE: return "web-browser-symbolic";
    case TP_CHANNEL_MAIL: return "mail-send-symbolic";
    case TP_CHANNEL_PARTNER: return "insert-link-symbolic";
    case TP_CHANNEL_FORUM: return "emoji-people-symbolic";
    case TP_CHANNEL_ONLINE_GROUP: return "network-workgroup-symbolic";
    case TP_CHANNEL_OTHER:
    default:
      return "view-more-horizontal-symbolic";
    }
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
on_factory_setup_cb (TpActivitySection        *self,
                     GtkListItem              *list_item,
                     GtkSignalListItemFactory *factory)
{
  GtkWidget *box, *text, *top, *middle;
  Row *row = g_new0 (Row, 1);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "tp-activity-row");

  row->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (row->icon), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row->icon), "tp-activity-icon");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->icon));

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (text), top);

  row->name_label = new_label ("heading");
  gtk_label_set_ellipsize (row->name_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (row->name_label), TRUE);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (row->name_label));

  row->time_label = new_label ("dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->time_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->time_label), "numeric");
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (row->time_label));

  /* The kind, and who logged it (beside the kind rather than the name,
   * which needs the room in a narrow window) */
  middle = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (text), middle);

  row->kind_label = new_label (NULL);
  gtk_label_set_ellipsize (row->kind_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (row->kind_label), TRUE);
  gtk_box_append (GTK_BOX (middle), GTK_WIDGET (row->kind_label));

  row->person_label = new_label ("dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->person_label), "caption");
  gtk_label_set_ellipsize (row->person_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (row->person_label, 20);
  gtk_box_append (GTK_BOX (middle), GTK_WIDGET (row->person_label));

  row->detail_label = new_label ("dim-label");
  gtk_label_set_ellipsize (row->detail_label, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (row->detail_label));

  g_object_set_data_full (G_OBJECT (list_item), "tp-row", row, g_free);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_touch (Row     *row,
            TpTouch *touch)
{
  TpChannel channel = tp_touch_get_channel (touch);
  g_autofree char *kind = NULL;
  const char *note = tp_touch_get_note (touch);

  gtk_image_set_from_icon_name (row->icon, channel_icon_name (channel));

  /* Translators: a touch in the activity list: its channel, then its direction,
   * as in "Call, outbound" */
  kind = g_strdup_printf (_("%s, %s"),
                          tp_channel_get_label (channel),
                          tp_direction_get_label (tp_touch_get_direction (touch)));
  gtk_label_set_label (row->kind_label, kind);

  gtk_label_set_label (row->detail_label, note);
  gtk_widget_set_visible (GTK_WIDGET (row->detail_label), note != NULL && note[0] != '\0');
}

static void
bind_order (Row     *row,
            TpOrder *order)
{
  g_autofree char *money = _tp_format_money (tp_order_get_amount_minor (order),
                                             tp_order_get_currency (order));
  g_autofree char *kind = NULL;
  g_autofree char *detail = NULL;

  gtk_image_set_from_icon_name (row->icon, "tp-sales-symbolic");

  /* Translators: an order in the activity list, with its amount, as in "Order, €120.00" */
  kind = g_strdup_printf (_("Order, %s"), money);
  gtk_label_set_label (row->kind_label, kind);

  /* Translators: an order's item and its status, as in "Wedding ring (open)" */
  detail = g_strdup_printf (_("%s (%s)"),
                            tp_order_get_item (order),
                            tp_order_status_get_label (tp_order_get_status (order)));
  gtk_label_set_label (row->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (row->detail_label), TRUE);
}

static void
on_factory_bind_cb (TpActivitySection        *self,
                    GtkListItem              *list_item,
                    GtkSignalListItemFactory *factory)
{
  TpActivityItem *item = gtk_list_item_get_item (list_item);
  Row *row = g_object_get_data (G_OBJECT (list_item), "tp-row");
  g_autoptr(TpCustomer) customer = NULL;
  g_autofree char *when = _tp_format_date_time (tp_activity_item_get_time (item));

  if (self->store != NULL)
    customer = tp_store_get_customer (self->store, tp_activity_item_get_customer_id (item), NULL);

  gtk_label_set_label (row->name_label, customer != NULL ? tp_customer_get_name (customer) : "");
  gtk_label_set_label (row->time_label, when);

  if (TP_IS_TOUCH (tp_activity_item_get_object (item)))
    bind_touch (row, TP_TOUCH (tp_activity_item_get_object (item)));
  else
    bind_order (row, TP_ORDER (tp_activity_item_get_object (item)));

  {
    const char *person = item_person (tp_activity_item_get_object (item));
    gboolean show = shows_people (self) && person[0] != '\0';

    gtk_label_set_label (row->person_label, show ? person : "");
    gtk_widget_set_visible (GTK_WIDGET (row->person_label), show);
  }
}

/* Merging touches and orders */

static gboolean
same_item (TpActivityItem *a,
           GObject        *b)
{
  if (G_OBJECT_TYPE (tp_activity_item_get_object (a)) != G_OBJECT_TYPE (b))
    return FALSE;

  /* A touch and an order are both records: the same row has the same id. */
  return tp_record_get_id (TP_RECORD (tp_activity_item_get_object (a))) ==
         tp_record_get_id (TP_RECORD (b));
}

static gboolean
is_channel_filter (int filter)
{
  return filter >= 0;
}

static guint
wanted_window (TpActivitySection *self)
{
  if (is_channel_filter (self->filter) || self->person != NULL)
    return MIN (self->limit * SCAN_FACTOR, MAX_SCAN);

  return self->limit;
}

static void
on_source_items_changed_cb (TpActivitySection *self)
{
  schedule_rebuild (self);
}

static void
set_sources (TpActivitySection *self)
{
  guint window = wanted_window (self);

  if (self->store == NULL)
    {
      if (self->touches != NULL)
        g_signal_handlers_disconnect_by_data (self->touches, self);
      if (self->orders != NULL)
        g_signal_handlers_disconnect_by_data (self->orders, self);
      g_clear_object (&self->touches);
      g_clear_object (&self->orders);
      self->window = 0;
      return;
    }

  if (self->touches == NULL || self->window != window)
    {
      if (self->touches != NULL)
        g_signal_handlers_disconnect_by_data (self->touches, self);
      g_clear_object (&self->touches);

      self->touches = tp_store_list_latest_touches (self->store, window);
      self->window = window;
      g_signal_connect_object (self->touches, "items-changed",
                               G_CALLBACK (on_source_items_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (self->orders == NULL)
    {
      self->orders = tp_store_list_orders (self->store, 0);
      g_signal_connect_object (self->orders, "items-changed",
                               G_CALLBACK (on_source_items_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

/* The next touch at or after *position that the filter lets through. */
static TpTouch *
next_touch (TpActivitySection *self,
            guint             *position)
{
  guint n;

  if (self->filter == TP_ACTIVITY_FILTER_ORDERS)
    return NULL;

  n = g_list_model_get_n_items (self->touches);
  while (*position < n)
    {
      g_autoptr(TpTouch) touch = g_list_model_get_item (self->touches, *position);

      if ((!is_channel_filter (self->filter) || (int) tp_touch_get_channel (touch) == self->filter) &&
          person_passes (self, G_OBJECT (touch)))
        return g_steal_pointer (&touch);

      (*position)++;
    }

  return NULL;
}

static TpOrder *
next_order (TpActivitySection *self,
            guint             *position)
{
  guint n;

  if (is_channel_filter (self->filter))
    return NULL;

  n = g_list_model_get_n_items (self->orders);
  while (*position < n)
    {
      g_autoptr(TpOrder) order = g_list_model_get_item (self->orders, *position);

      if (person_passes (self, G_OBJECT (order)))
        return g_steal_pointer (&order);

      (*position)++;
    }

  return NULL;
}

static void
rebuild (TpActivitySection *self)
{
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (self->items);
  guint t = 0, o = 0;
  guint old_n, new_n, prefix = 0, suffix = 0;
  gboolean any;

  set_sources (self);

  if (self->store != NULL)
    {
      while (merged->len < self->limit)
        {
          g_autoptr(TpTouch) touch = next_touch (self, &t);
          g_autoptr(TpOrder) order = next_order (self, &o);

          if (touch == NULL && order == NULL)
            break;

          /* Stored times are UTC text of one format: they sort as text. */
          if (order == NULL ||
              (touch != NULL && g_strcmp0 (tp_touch_get_happened_at (touch),
                                           tp_order_get_ordered_at (order)) >= 0))
            {
              g_ptr_array_add (merged, g_steal_pointer (&touch));
              t++;
            }
          else
            {
              g_ptr_array_add (merged, g_steal_pointer (&order));
              o++;
            }
        }
    }

  /* Someone new logged something: the people to show and filter by */
  for (guint i = 0; self->store != NULL && i < merged->len; i++)
    if (!knows_person (self, item_person (g_ptr_array_index (merged, i))))
      {
        update_people (self);
        break;
      }

  /* More to show: something was left over, or older touches lie beyond
   * those looked through. */
  if (self->store == NULL)
    self->has_more = FALSE;
  else if (self->filter == TP_ACTIVITY_FILTER_ORDERS)
    self->has_more = o < g_list_model_get_n_items (self->orders);
  else
    self->has_more = t < g_list_model_get_n_items (self->touches) ||
                     (!is_channel_filter (self->filter) && o < g_list_model_get_n_items (self->orders)) ||
                     (g_list_model_get_n_items (self->touches) >= self->window && self->window < MAX_SCAN);

  old_n = g_list_model_get_n_items (model);
  new_n = merged->len;

  while (prefix < old_n && prefix < new_n)
    {
      g_autoptr(TpActivityItem) old = g_list_model_get_item (model, prefix);

      if (!same_item (old, g_ptr_array_index (merged, prefix)))
        break;
      prefix++;
    }

  while (suffix < old_n - prefix && suffix < new_n - prefix)
    {
      g_autoptr(TpActivityItem) old = g_list_model_get_item (model, old_n - 1 - suffix);

      if (!same_item (old, g_ptr_array_index (merged, new_n - 1 - suffix)))
        break;
      suffix++;
    }

  if (prefix + suffix < old_n || prefix + suffix < new_n)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = prefix; i < new_n - suffix; i++)
        g_ptr_array_add (added, tp_activity_item_new (g_ptr_array_index (merged, i)));

      g_list_store_splice (self->items, prefix, old_n - prefix - suffix, added->pdata, added->len);
    }

  any = self->store != NULL &&
        (g_list_model_get_n_items (self->touches) > 0 || g_list_model_get_n_items (self->orders) > 0);
  gtk_stack_set_visible_child_name (self->stack, any ? "activity" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, new_n > 0 ? "list" : "none");
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  TpActivitySection *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (TpActivitySection *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_idle_cb, self, NULL);
}

/* Callbacks */

static void
on_list_view_activate_cb (TpActivitySection *self,
                          guint              position)
{
  g_autoptr(TpActivityItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "sales.show-customer", "x",
                                tp_activity_item_get_customer_id (item));
}

static void
on_scrolled_window_edge_reached_cb (TpActivitySection *self,
                                    GtkPositionType    position)
{
  if (position == GTK_POS_BOTTOM)
    tp_activity_section_load_more (self);
}

/* The dropdown: all activity, orders only, then each channel. */
static int
filter_from_position (guint position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return TP_ACTIVITY_FILTER_ALL;
  if (position == 1)
    return TP_ACTIVITY_FILTER_ORDERS;

  return (int) position - 2;
}

static guint
position_from_filter (int filter)
{
  if (filter == TP_ACTIVITY_FILTER_ALL)
    return 0;
  if (filter == TP_ACTIVITY_FILTER_ORDERS)
    return 1;

  return (guint) filter + 2;
}

static void
on_filter_dropdown_selected_cb (TpActivitySection *self)
{
  tp_activity_section_set_filter (self, filter_from_position (gtk_drop_down_get_selected (self->filter_dropdown)));
}

static void
on_person_dropdown_selected_cb (TpActivitySection *self)
{
  guint selected = gtk_drop_down_get_selected (self->person_dropdown);
  const char *person = NULL;

  if (self->updating_people)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->people != NULL &&
      selected <= g_strv_length (self->people))
    person = self->people[selected - 1];

  tp_activity_section_set_person (self, person);
}

static void
on_show_customers_clicked_cb (TpActivitySection *self)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "customers");
}

/* Public API */

/**
 * tp_activity_section_get_store:
 * @self: a #TpActivitySection
 *
 * Returns: (transfer none) (nullable): the store whose activity is shown
 */
TpStore *
tp_activity_section_get_store (TpActivitySection *self)
{
  g_return_val_if_fail (TP_IS_ACTIVITY_SECTION (self), NULL);

  return self->store;
}

void
tp_activity_section_set_store (TpActivitySection *self,
                               TpStore           *store)
{
  g_return_if_fail (TP_IS_ACTIVITY_SECTION (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  /* The lists belong to the old store. */
  g_clear_object (&self->store);
  g_clear_pointer (&self->people, g_strfreev);
  g_clear_pointer (&self->person, g_free);
  set_sources (self);

  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->limit = PAGE_SIZE;
  g_clear_pointer (&self->person, g_free);
  update_people (self);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
}

/**
 * tp_activity_section_get_person:
 * @self: a #TpActivitySection
 *
 * Returns: (nullable): the person whose activity alone shows, or %NULL
 *   for everyone's
 */
const char *
tp_activity_section_get_person (TpActivitySection *self)
{
  g_return_val_if_fail (TP_IS_ACTIVITY_SECTION (self), NULL);

  return self->person;
}

/**
 * tp_activity_section_set_person:
 * @self: a #TpActivitySection
 * @person: (nullable): a person the rows name, or %NULL for everyone
 *
 * Shows the activity of @person alone.
 */
void
tp_activity_section_set_person (TpActivitySection *self,
                                const char        *person)
{
  guint selected = 0;

  g_return_if_fail (TP_IS_ACTIVITY_SECTION (self));

  if (g_strcmp0 (self->person, person) == 0)
    return;

  g_free (self->person);
  self->person = g_strdup (person);
  self->limit = PAGE_SIZE;

  for (guint i = 0; person != NULL && self->people != NULL && self->people[i] != NULL; i++)
    if (g_str_equal (self->people[i], person))
      selected = i + 1;
  self->updating_people = TRUE;
  gtk_drop_down_set_selected (self->person_dropdown, selected);
  self->updating_people = FALSE;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);
}

/**
 * tp_activity_section_get_filter:
 * @self: a #TpActivitySection
 *
 * Returns: %TP_ACTIVITY_FILTER_ALL, %TP_ACTIVITY_FILTER_ORDERS, or the
 *   #TpChannel whose touches are shown
 */
int
tp_activity_section_get_filter (TpActivitySection *self)
{
  g_return_val_if_fail (TP_IS_ACTIVITY_SECTION (self), TP_ACTIVITY_FILTER_ALL);

  return self->filter;
}

void
tp_activity_section_set_filter (TpActivitySection *self,
                                int                filter)
{
  g_return_if_fail (TP_IS_ACTIVITY_SECTION (self));
  g_return_if_fail (filter >= TP_ACTIVITY_FILTER_ORDERS && filter <= TP_CHANNEL_OTHER);

  if (self->filter == filter)
    return;

  self->filter = filter;
  self->limit = PAGE_SIZE;

  if (gtk_drop_down_get_selected (self->filter_dropdown) != position_from_filter (filter))
    gtk_drop_down_set_selected (self->filter_dropdown, position_from_filter (filter));

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
}

/**
 * tp_activity_section_get_limit:
 * @self: a #TpActivitySection
 *
 * Returns: how many lines the section shows at most, a page more for
 *   each time the list was scrolled to its end
 */
guint
tp_activity_section_get_limit (TpActivitySection *self)
{
  g_return_val_if_fail (TP_IS_ACTIVITY_SECTION (self), 0);

  return self->limit;
}

/**
 * tp_activity_section_load_more:
 * @self: a #TpActivitySection
 *
 * Shows the next page of older activity, if there is one.
 */
void
tp_activity_section_load_more (TpActivitySection *self)
{
  g_return_if_fail (TP_IS_ACTIVITY_SECTION (self));

  if (!self->has_more)
    return;

  self->limit += PAGE_SIZE;
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
}

/**
 * tp_activity_section_get_items:
 * @self: a #TpActivitySection
 *
 * Returns: (transfer none): the #TpActivityItem shown, newest first
 */
GListModel *
tp_activity_section_get_items (TpActivitySection *self)
{
  g_return_val_if_fail (TP_IS_ACTIVITY_SECTION (self), NULL);

  if (self->rebuild_id != 0)
    {
      g_clear_handle_id (&self->rebuild_id, g_source_remove);
      rebuild (self);
    }

  return G_LIST_MODEL (self->items);
}

/* GObject */

static void
tp_activity_section_dispose (GObject *object)
{
  TpActivitySection *self = TP_ACTIVITY_SECTION (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_ACTIVITY_SECTION);

  g_clear_object (&self->touches);
  g_clear_object (&self->orders);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_clear_pointer (&self->people, g_strfreev);
  g_clear_pointer (&self->person, g_free);

  G_OBJECT_CLASS (tp_activity_section_parent_class)->dispose (object);
}

static void
tp_activity_section_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TpActivitySection *self = TP_ACTIVITY_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILTER:
      g_value_set_int (value, self->filter);
      break;

    case PROP_LIMIT:
      g_value_set_uint (value, self->limit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_activity_section_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TpActivitySection *self = TP_ACTIVITY_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_activity_section_set_store (self, g_value_get_object (value));
      break;

    case PROP_FILTER:
      tp_activity_section_set_filter (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_activity_section_class_init (TpActivitySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_activity_section_dispose;
  object_class->get_property = tp_activity_section_get_property;
  object_class->set_property = tp_activity_section_set_property;

  /**
   * TpActivitySection:store:
   *
   * The store whose activity the section shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpActivitySection:filter:
   *
   * %TP_ACTIVITY_FILTER_ALL, %TP_ACTIVITY_FILTER_ORDERS, or the #TpChannel
   * whose touches are shown.
   */
  properties[PROP_FILTER] =
    g_param_spec_int ("filter", NULL, NULL,
                      TP_ACTIVITY_FILTER_ORDERS, TP_CHANNEL_OTHER, TP_ACTIVITY_FILTER_ALL,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpActivitySection:limit:
   *
   * How many lines the section shows at most.
   */
  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL,
                       0, G_MAXUINT, PAGE_SIZE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-activity-section.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, TpActivitySection, stack);
  gtk_widget_class_bind_template_child (widget_class, TpActivitySection, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TpActivitySection, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TpActivitySection, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TpActivitySection, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, TpActivitySection, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_scrolled_window_edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_customers_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tp-activity-section");
}

static void
tp_activity_section_init (TpActivitySection *self)
{
  g_autoptr(GtkStringList) filters = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  self->filter = TP_ACTIVITY_FILTER_ALL;
  self->limit = PAGE_SIZE;
  self->items = g_list_store_new (TP_TYPE_ACTIVITY_ITEM);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (filters, _("All Activity"));
  gtk_string_list_append (filters, _("Orders"));
  for (int channel = TP_CHANNEL_EMAIL; channel <= TP_CHANNEL_OTHER; channel++)
    gtk_string_list_append (filters, tp_channel_get_label (channel));
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (filters));
  gtk_drop_down_set_selected (self->filter_dropdown, 0);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  rebuild (self);
}
