/* test-sales-sections.c
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

#define G_LOG_DOMAIN "test-sales-sections"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "tp-activity-section.h"
#include "tp-analytics.h"
#include "tp-application.h"
#include "tp-chart-section.h"
#include "tp-customers-section.h"
#include "tp-followups-section.h"
#include "tp-models.h"
#include "tp-preferences-window.h"
#include "tp-sales-page.h"
#include "tp-test-records.h"
#include "tp-window-private.h"

/* The follow-ups, activity, touches chart and preferences of the Sales
 * tab, each in a window of its own on a temporary database, with a
 * "sales" action group standing in for the Sales page that opens
 * customers; and the path from a follow-up notification to the customer
 * through the real application window. */

static TpApplication *app;

typedef struct
{
  char    *title;
  char    *body;
  char    *id;
  char    *action;
  gint64   customer_id;
} Notice;

typedef struct
{
  char         *dir;
  char         *path;
  TpStore      *store;
  GtkWidget    *window;
  AdwViewStack *stack;
  GtkWidget    *section;

  gint64        shown_customer;
  guint         n_shown;
  GPtrArray    *notices;
} Fixture;

static void
notice_free (gpointer data)
{
  Notice *notice = data;

  g_free (notice->title);
  g_free (notice->body);
  g_free (notice->id);
  g_free (notice->action);
  g_free (notice);
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
give_up_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Drops the last reference the test holds to @object and waits until the
 * widgets' workers let go of theirs: a chart or a queue still loading when
 * its window closes holds the store until its worker is done. */
static void
wait_for_finalize (gpointer object)
{
  gpointer weak = object;
  gboolean timed_out = FALSE;
  guint source;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);

  source = g_timeout_add_seconds (10, give_up_cb, &timed_out);
  while (weak != NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (source);
  g_assert_null (weak);
}

static void
show_customer_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Fixture *f = user_data;

  f->shown_customer = g_variant_get_int64 (parameter);
  f->n_shown++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const GActionEntry entries[] = {
    { "show-customer", show_customer_cb, "x" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("touchpoint-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "touchpoint.db", NULL);
  f->store = tp_store_open (f->path, &error);
  g_assert_no_error (error);
  f->notices = g_ptr_array_new_with_free_func (notice_free);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  f->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->stack));

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (f->window, "sales", G_ACTION_GROUP (group));
}

static void
add_section (Fixture    *f,
             GType       type,
             const char *name)
{
  f->section = g_object_new (type, NULL);
  adw_view_stack_add_titled (f->stack, f->section, name, name);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();
  wait_for_finalize (f->store);
  g_ptr_array_unref (f->notices);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);
      g_remove (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Data */

static gint64
add_order (TpStore    *store,
           gint64      customer_id,
           const char *ordered_at,
           const char *item,
           gint64      amount)
{
  g_autoptr(TpOrder) order = tp_order_new ();
  g_autoptr(GError) error = NULL;

  tp_order_set_customer_id (order, customer_id);
  tp_order_set_ordered_at (order, ordered_at);
  tp_order_set_item (order, item);
  tp_order_set_amount_minor (order, amount);
  tp_order_set_currency (order, "EUR");
  g_assert_true (tp_store_add_order (store, order, &error));
  g_assert_no_error (error);

  return tp_record_get_id (TP_RECORD (order));
}

/* Follow-ups */

typedef struct
{
  gint64 anna;     /* quiet: three calls, the last on 1 June */
  gint64 ben;      /* touched on 25 June: not quiet yet */
  gint64 cara;     /* bought */
  gint64 dora;     /* added on 2 June, never touched */
  gint64 emil;     /* twelve touches: at the band's top */
  gint64 finn;     /* a planned touch due on 29 June */
  gint64 finn_planned;
  gint64 gus;      /* a planned touch on 5 July, not due yet */
  gint64 hana;     /* lost */
} Business;

static void
fill_business (TpStore  *store,
               Business *b)
{
  b->anna = tp_test_add_customer (store, "Anna Adams", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  tp_test_add_touch (store, b->anna, "2026-05-20T09:00:00Z", TP_CHANNEL_EMAIL, TRUE, NULL);
  tp_test_add_touch (store, b->anna, "2026-05-25T09:00:00Z", TP_CHANNEL_EMAIL, TRUE, NULL);
  tp_test_add_touch (store, b->anna, "2026-06-01T09:00:00Z", TP_CHANNEL_CALL, TRUE, NULL);

  b->ben = tp_test_add_customer (store, "Ben Brook", "2026-05-01T09:00:00Z", TP_STAGE_PROSPECT);
  tp_test_add_touch (store, b->ben, "2026-06-25T09:00:00Z", TP_CHANNEL_EMAIL, TRUE, NULL);

  b->cara = tp_test_add_customer (store, "Cara Cole", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  tp_test_add_touch (store, b->cara, "2026-06-01T09:00:00Z", TP_CHANNEL_MEETING, TRUE, NULL);
  add_order (store, b->cara, "2026-06-02T10:00:00Z", "Ring", 120000);

  b->dora = tp_test_add_customer (store, "Dora Dent", "2026-06-02T09:00:00Z", TP_STAGE_LEAD);

  b->emil = tp_test_add_customer (store, "Emil Ek", "2026-05-01T09:00:00Z", TP_STAGE_PROSPECT);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *when = g_strdup_printf ("2026-05-%02uT09:00:00Z", 2 + i);

      tp_test_add_touch (store, b->emil, when, TP_CHANNEL_SOCIAL_POST, TRUE, NULL);
    }

  b->finn = tp_test_add_customer (store, "Finn Fox", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  tp_test_add_touch (store, b->finn, "2026-06-01T09:00:00Z", TP_CHANNEL_EMAIL, TRUE, NULL);
  b->finn_planned = tp_test_add_touch (store, b->finn, "2026-06-29T10:00:00Z", TP_CHANNEL_CALL, FALSE,
                               "Ask about the fitting");

  b->gus = tp_test_add_customer (store, "Gus Gray", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  tp_test_add_touch (store, b->gus, "2026-07-05T10:00:00Z", TP_CHANNEL_EMAIL, FALSE, NULL);

  b->hana = tp_test_add_customer (store, "Hana Hill", "2026-05-01T09:00:00Z", TP_STAGE_LOST);
  tp_test_add_touch (store, b->hana, "2026-05-10T09:00:00Z", TP_CHANNEL_EMAIL, TRUE, NULL);
}

static void
wait_for_follow_ups (TpFollowupsSection *section)
{
  drain ();
  while (tp_followups_section_get_loading (section))
    g_main_context_iteration (NULL, TRUE);
  drain ();
}

static TpFollowUpItem *
queue_item (TpFollowupsSection *section,
            guint               position)
{
  GListModel *queue = tp_followups_section_get_queue (section);
  TpFollowUpItem *item = g_list_model_get_item (queue, position);

  g_assert_nonnull (item);
  g_object_unref (item);  /* the queue keeps it */

  return item;
}

static guint
badge (Fixture *f)
{
  return adw_view_stack_page_get_badge_number (adw_view_stack_get_page (f->stack, f->section));
}

static void
set_now (TpFollowupsSection *section,
         const char         *text)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (now);
  tp_followups_section_set_now (section, now);
}

static void
record_notice_cb (GNotification          *notification,
                  const TpFollowUpNotice *notice,
                  gpointer                user_data)
{
  Fixture *f = user_data;
  Notice *copy = g_new0 (Notice, 1);

  g_assert_true (G_IS_NOTIFICATION (notification));
  copy->id = g_strdup (notice->id);
  copy->title = g_strdup (notice->title);
  copy->body = g_strdup (notice->body);
  copy->action = g_strdup (notice->action);
  copy->customer_id = notice->customer_id;
  g_ptr_array_add (f->notices, copy);
}

static TpFollowupsSection *
follow_ups_with_business (Fixture  *f,
                          Business *b)
{
  TpFollowupsSection *section;

  add_section (f, TP_TYPE_FOLLOWUPS_SECTION, "follow-ups");
  section = TP_FOLLOWUPS_SECTION (f->section);
  tp_followups_section_set_notify_func (section, record_notice_cb, f);
  set_now (section, "2026-06-30T12:00:00Z");
  tp_followups_section_set_store (section, f->store);
  wait_for_follow_ups (section);

  /* An empty database: nothing is due, no badge, no notification. */
  g_assert_cmpuint (tp_followups_section_get_n_follow_ups (section), ==, 0);
  g_assert_cmpuint (badge (f), ==, 0);

  fill_business (f->store, b);
  wait_for_follow_ups (section);

  return section;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_followups_queue (Fixture       *f,
                      gconstpointer  data)
{
  Business b;
  TpFollowupsSection *section = follow_ups_with_business (f, &b);
  TpFollowUpItem *item;
  guint n_notify = 0;
  gulong handler;

  /* Anna went quiet first (due 15 June), then Dora (added 2 June, due
   * 16 June), then Finn's planned call (due 29 June). Ben is not quiet
   * yet, Cara bought, Emil is at the band's top, Gus's planned touch is
   * not due, Hana is lost. */
  g_assert_cmpuint (tp_followups_section_get_n_follow_ups (section), ==, 3);

  item = queue_item (section, 0);
  g_assert_cmpint (tp_follow_up_item_get_customer_id (item), ==, b.anna);
  g_assert_cmpstr (tp_follow_up_item_get_name (item), ==, "Anna Adams");
  g_assert_false (tp_follow_up_item_get_planned (item));
  g_assert_cmpuint (tp_follow_up_item_get_days_quiet (item), ==, 29);
  g_assert_cmpuint (tp_follow_up_item_get_touch_count (item), ==, 3);

  item = queue_item (section, 1);
  g_assert_cmpint (tp_follow_up_item_get_customer_id (item), ==, b.dora);
  g_assert_false (tp_follow_up_item_get_planned (item));
  g_assert_cmpuint (tp_follow_up_item_get_days_quiet (item), ==, 28);
  g_assert_cmpuint (tp_follow_up_item_get_touch_count (item), ==, 0);

  item = queue_item (section, 2);
  g_assert_cmpint (tp_follow_up_item_get_customer_id (item), ==, b.finn);
  g_assert_true (tp_follow_up_item_get_planned (item));
  g_assert_cmpint (tp_follow_up_item_get_planned_touch_id (item), ==, b.finn_planned);
  g_assert_cmpuint (tp_follow_up_item_get_days_quiet (item), ==, 29);

  /* The sidebar's badge shows the count. */
  g_assert_cmpuint (badge (f), ==, 3);

  /* A shorter interval brings Ben (quiet since 25 June) in too. */
  handler = g_signal_connect (section, "notify::n-follow-ups", G_CALLBACK (count_notify_cb), &n_notify);
  g_assert_true (tp_store_set_followup_days (f->store, 5, NULL));
  wait_for_follow_ups (section);
  g_signal_handler_disconnect (section, handler);
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_cmpuint (tp_followups_section_get_n_follow_ups (section), ==, 4);
  g_assert_cmpuint (badge (f), ==, 4);
  g_assert_cmpint (tp_follow_up_item_get_customer_id (queue_item (section, 3)), ==, b.ben);
}

static void
test_followups_log_touch (Fixture       *f,
                          gconstpointer  data)
{
  Business b;
  TpFollowupsSection *section = follow_ups_with_business (f, &b);
  g_autoptr(GListModel) touches = NULL;
  g_autoptr(TpTouch) newest = NULL;

  g_assert_cmpuint (tp_followups_section_get_n_follow_ups (section), ==, 3);

  /* One click logs a touch now, through the channel Anna was last
   * touched by, and she leaves the queue. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "follow-ups.log-touch", "(xx)",
                                             b.anna, G_GINT64_CONSTANT (0)));
  wait_for_follow_ups (section);

  g_assert_cmpuint (tp_followups_section_get_n_follow_ups (section), ==, 2);
  g_assert_cmpuint (badge (f), ==, 2);
  g_assert_cmpint (tp_follow_up_item_get_customer_id (queue_item (section, 0)), ==, b.dora);
  g_assert_cmpint (tp_follow_up_item_get_customer_id (queue_item (section, 1)), ==, b.finn);

  touches = tp_store_list_touches (f->store, b.anna);
  g_assert_cmpuint (g_list_model_get_n_items (touches), ==, 4);
  newest = g_list_model_get_item (touches, 0);
  g_assert_cmpstr (tp_touch_get_happened_at (newest), ==, "2026-06-30T12:00:00Z");
  g_assert_cmpint (tp_touch_get_channel (newest), ==, TP_CHANNEL_CALL);
  g_assert_true (tp_touch_get_done (newest));

  /* Dora was never touched: her touch goes out by email. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "follow-ups.log-touch", "(xx)",
                                             b.dora, G_GINT64_CONSTANT (0)));
  wait_for_follow_ups (section);
  g_assert_cmpuint (tp_followups_section_get_n_follow_ups (section), ==, 1);
  g_assert_cmpuint (badge (f), ==, 1);
}

static void
test_followups_mark_done (Fixture       *f,
                          gconstpointer  data)
{
  Business b;
  TpFollowupsSection *section = follow_ups_with_business (f, &b);
  g_autoptr(TpTouch) planned = NULL;
  g_autoptr(TpCustomer) finn = NULL;

  g_assert_cmpuint (tp_followups_section_get_n_follow_ups (section), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "follow-ups.mark-done", "x",
                                             b.finn_planned));
  wait_for_follow_ups (section);

  /* The planned call is done, now, and counts as Finn's second touch. */
  planned = tp_store_get_touch (f->store, b.finn_planned, NULL);
  g_assert_true (tp_touch_get_done (planned));
  g_assert_cmpstr (tp_touch_get_happened_at (planned), ==, "2026-06-30T12:00:00Z");
  finn = tp_store_get_customer (f->store, b.finn, NULL);
  g_assert_cmpint (tp_customer_get_touch_count (finn), ==, 2);

  g_assert_cmpuint (tp_followups_section_get_n_follow_ups (section), ==, 2);
  g_assert_cmpuint (badge (f), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (tp_follow_up_item_get_customer_id (queue_item (section, i)), !=, b.finn);

  /* Gus's planned touch comes due on 5 July, and shows up then. */
  set_now (section, "2026-07-06T12:00:00Z");
  wait_for_follow_ups (section);
  {
    guint n = tp_followups_section_get_n_follow_ups (section);
    TpFollowUpItem *last = queue_item (section, n - 1);

    g_assert_cmpint (tp_follow_up_item_get_customer_id (last), ==, b.gus);
    g_assert_true (tp_follow_up_item_get_planned (last));
  }
}

static void
test_followups_row_opens_customer (Fixture       *f,
                                   gconstpointer  data)
{
  Business b;
  TpFollowupsSection *section = follow_ups_with_business (f, &b);
  GtkListView *list;

  list = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (section),
                                                        TP_TYPE_FOLLOWUPS_SECTION, "list_view"));
  g_signal_emit_by_name (list, "activate", 1);
  drain ();

  g_assert_cmpuint (f->n_shown, ==, 1);
  g_assert_cmpint (f->shown_customer, ==, b.dora);
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* Behind another page the section counts its queue for the badge, once,
 * but makes no rows (GTK 4.8 would make up to 200, a stall for a large
 * business); they come when it is shown. */
static void
test_followups_rows_when_shown (Fixture       *f,
                                gconstpointer  data)
{
  Business b;
  TpFollowupsSection *section;
  GtkWidget *list;
  guint n_loading = 0;

  adw_view_stack_add_titled (f->stack, gtk_label_new ("In front"), "front", "Front");
  add_section (f, TP_TYPE_FOLLOWUPS_SECTION, "follow-ups");
  section = TP_FOLLOWUPS_SECTION (f->section);
  list = GTK_WIDGET (gtk_widget_get_template_child (f->section, TP_TYPE_FOLLOWUPS_SECTION, "list_view"));
  g_assert_false (gtk_widget_get_mapped (f->section));

  tp_followups_section_set_notify_func (section, record_notice_cb, f);
  set_now (section, "2026-06-30T12:00:00Z");
  g_signal_connect (section, "notify::loading", G_CALLBACK (count_notify_cb), &n_loading);
  tp_followups_section_set_store (section, f->store);
  fill_business (f->store, &b);
  wait_for_follow_ups (section);
  g_assert_cmpuint (tp_followups_section_get_n_follow_ups (section), ==, 3);

  /* One load, after the first frame, reads the business added meanwhile:
   * loading goes on once and off once. */
  g_assert_cmpuint (n_loading, ==, 2);
  g_assert_cmpuint (badge (f), ==, 3);
  g_assert_cmpuint (n_children (list), ==, 0);

  adw_view_stack_set_visible_child (f->stack, f->section);
  gtk_test_widget_wait_for_draw (f->window);
  g_assert_cmpuint (n_children (list), ==, 3);
}

static void
test_followups_notifications (Fixture       *f,
                              gconstpointer  data)
{
  Business b;
  TpFollowupsSection *section = follow_ups_with_business (f, &b);
  Notice *notice;

  /* What came due raised one notification each, saying who and why, whose
   * default action opens that customer. */
  g_assert_cmpuint (f->notices->len, ==, 3);

  notice = g_ptr_array_index (f->notices, 0);
  g_assert_cmpstr (notice->title, ==, "Follow up with Anna Adams");
  g_assert_cmpstr (notice->body, ==, "No touch for 29 days, and no purchase yet.");
  g_assert_cmpstr (notice->action, ==, "app.show-customer");
  g_assert_cmpint (notice->customer_id, ==, b.anna);

  notice = g_ptr_array_index (f->notices, 1);
  g_assert_cmpstr (notice->title, ==, "Follow up with Dora Dent");
  g_assert_cmpstr (notice->body, ==, "Added 28 days ago and not touched yet.");
  g_assert_cmpint (notice->customer_id, ==, b.dora);

  notice = g_ptr_array_index (f->notices, 2);
  g_assert_cmpstr (notice->title, ==, "Follow up with Finn Fox");
  g_assert_cmpstr (notice->body, ==, "A planned touch is due — Call: Ask about the fitting");
  g_assert_cmpstr (notice->action, ==, "app.show-customer");
  g_assert_cmpint (notice->customer_id, ==, b.finn);

  /* Checking again, as the timer does, notifies nothing twice. */
  tp_followups_section_refresh (section);
  wait_for_follow_ups (section);
  tp_test_add_customer (f->store, "Ivo Ide", "2026-06-29T09:00:00Z", TP_STAGE_LEAD);
  wait_for_follow_ups (section);
  g_assert_cmpuint (f->notices->len, ==, 3);

  /* Another interval changes when they came due, not who is due. */
  g_assert_true (tp_store_set_followup_days (f->store, 10, NULL));
  wait_for_follow_ups (section);
  g_assert_true (tp_store_set_followup_days (f->store, 14, NULL));
  wait_for_follow_ups (section);
  g_assert_cmpuint (f->notices->len, ==, 3);

  /* Time passes: Gus's planned touch comes due, and only it is new. */
  set_now (section, "2026-07-06T12:00:00Z");
  wait_for_follow_ups (section);
  g_assert_cmpuint (f->notices->len, ==, 4);
  notice = g_ptr_array_index (f->notices, 3);
  g_assert_cmpstr (notice->title, ==, "Follow up with Gus Gray");
  g_assert_cmpstr (notice->body, ==, "A planned touch is due — Email");
  g_assert_cmpint (notice->customer_id, ==, b.gus);

  /* Many at once (an import, a first start) are summed up in one. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Lead %u", i + 1);

      tp_test_add_customer (f->store, name, "2026-01-01T09:00:00Z", TP_STAGE_LEAD);
    }
  wait_for_follow_ups (section);
  g_assert_cmpuint (f->notices->len, ==, 5);
  notice = g_ptr_array_index (f->notices, 4);
  g_assert_cmpstr (notice->id, ==, "follow-ups");
  g_assert_cmpstr (notice->title, ==, "5 follow-ups are due");
  g_assert_cmpstr (notice->body, ==, "Lead 1, Lead 2, Lead 3 and 2 more");
  g_assert_cmpstr (notice->action, ==, "app.show-follow-ups");
  g_assert_cmpint (notice->customer_id, ==, 0);
}

/* The notification's action, through the application and its window. */

static void
test_followups_notification_opens_customer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("touchpoint-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "touchpoint.db", NULL);
  Fixture f = { 0 };
  GtkWidget *customers, *follow_ups;
  TpWindow *window;
  TpStore *store;
  gint64 ben;
  const char *name;

  g_assert_no_error (error);
  f.notices = g_ptr_array_new_with_free_func (notice_free);
  tp_application_set_database_path (app, path);
  window = tp_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Both customers are due for a follow-up: their notifications are
   * recorded rather than sent. */
  follow_ups = adw_view_stack_get_child_by_name (tp_sales_page_get_stack (window->sales_page), "follow-ups");
  tp_followups_section_set_notify_func (TP_FOLLOWUPS_SECTION (follow_ups), record_notice_cb, &f);

  store = tp_window_get_store (window);
  tp_test_add_customer (store, "Anna Adams", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  ben = tp_test_add_customer (store, "Ben Brook", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  drain ();

  wait_for_follow_ups (TP_FOLLOWUPS_SECTION (follow_ups));
  g_assert_cmpuint (f.notices->len, ==, 2);

  adw_view_stack_set_visible_child_name (window->view_stack, "marketing");
  drain ();

  /* What clicking the notification does: app.show-customer with its id. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-customer", g_variant_new_int64 (ben));
  drain ();

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "sales");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (tp_sales_page_get_stack (window->sales_page)),
                   ==, "customers");
  customers = adw_view_stack_get_child_by_name (tp_sales_page_get_stack (window->sales_page), "customers");
  g_assert_cmpint (tp_record_get_id (TP_RECORD (tp_customer_detail_get_customer (tp_customers_section_get_detail (TP_CUSTOMERS_SECTION (customers))))),
                   ==, ben);

  /* The summary's action opens the Follow-ups section. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-follow-ups", NULL);
  drain ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (tp_sales_page_get_stack (window->sales_page)),
                   ==, "follow-ups");

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_ptr_array_unref (f.notices);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_remove (file);
      }
    g_rmdir (dir);
  }
}

/* Activity */

static void
test_activity_newest_first (Fixture       *f,
                            gconstpointer  data)
{
  TpActivitySection *section;
  GListModel *items;
  gint64 anna, ben, order;
  g_autoptr(TpActivityItem) first = NULL;
  g_autoptr(TpActivityItem) second = NULL;
  g_autoptr(TpActivityItem) third = NULL;
  g_autoptr(TpActivityItem) fourth = NULL;

  add_section (f, TP_TYPE_ACTIVITY_SECTION, "activity");
  section = TP_ACTIVITY_SECTION (f->section);
  tp_activity_section_set_store (section, f->store);
  g_assert_cmpuint (g_list_model_get_n_items (tp_activity_section_get_items (section)), ==, 0);

  anna = tp_test_add_customer (f->store, "Anna Adams", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  ben = tp_test_add_customer (f->store, "Ben Brook", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  tp_test_add_touch (f->store, anna, "2026-06-01T09:00:00Z", TP_CHANNEL_EMAIL, TRUE, "Catalogue");
  tp_test_add_touch (f->store, ben, "2026-06-03T09:00:00Z", TP_CHANNEL_CALL, TRUE, NULL);
  order = add_order (f->store, anna, "2026-06-02T12:00:00Z", "Ring", 120000);
  tp_test_add_touch (f->store, anna, "2026-06-04T09:00:00Z", TP_CHANNEL_CALL, TRUE, NULL);
  /* A planned touch is a to-do, not activity. */
  tp_test_add_touch (f->store, ben, "2026-06-05T09:00:00Z", TP_CHANNEL_MEETING, FALSE, NULL);
  drain ();

  items = tp_activity_section_get_items (section);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 4);
  first = g_list_model_get_item (items, 0);
  second = g_list_model_get_item (items, 1);
  third = g_list_model_get_item (items, 2);
  fourth = g_list_model_get_item (items, 3);
  g_assert_cmpstr (tp_activity_item_get_time (first), ==, "2026-06-04T09:00:00Z");
  g_assert_cmpstr (tp_activity_item_get_time (second), ==, "2026-06-03T09:00:00Z");
  g_assert_true (TP_IS_ORDER (tp_activity_item_get_object (third)));
  g_assert_cmpint (tp_record_get_id (TP_RECORD (tp_activity_item_get_object (third))), ==, order);
  g_assert_cmpstr (tp_activity_item_get_time (fourth), ==, "2026-06-01T09:00:00Z");
  g_assert_cmpint (tp_activity_item_get_customer_id (second), ==, ben);

  /* Filtered by channel: the calls only, newest first. */
  tp_activity_section_set_filter (section, TP_CHANNEL_CALL);
  items = tp_activity_section_get_items (section);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TpActivityItem) item = g_list_model_get_item (items, i);

      g_assert_true (TP_IS_TOUCH (tp_activity_item_get_object (item)));
      g_assert_cmpint (tp_touch_get_channel (TP_TOUCH (tp_activity_item_get_object (item))), ==, TP_CHANNEL_CALL);
    }

  /* The drop-down says so too, and a new call joins at the top. */
  {
    GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (section),
                                                                          TP_TYPE_ACTIVITY_SECTION,
                                                                          "filter_dropdown"));
    g_autoptr(TpActivityItem) top = NULL;

    g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 2 + TP_CHANNEL_CALL);

    tp_test_add_touch (f->store, ben, "2026-06-06T09:00:00Z", TP_CHANNEL_CALL, TRUE, NULL);
    tp_test_add_touch (f->store, ben, "2026-06-07T09:00:00Z", TP_CHANNEL_EMAIL, TRUE, NULL);
    drain ();
    items = tp_activity_section_get_items (section);
    g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
    top = g_list_model_get_item (items, 0);
    g_assert_cmpstr (tp_activity_item_get_time (top), ==, "2026-06-06T09:00:00Z");

    /* Orders only. */
    gtk_drop_down_set_selected (dropdown, 1);
    g_assert_cmpint (tp_activity_section_get_filter (section), ==, TP_ACTIVITY_FILTER_ORDERS);
    items = tp_activity_section_get_items (section);
    g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  }

  /* A click opens the customer. */
  tp_activity_section_set_filter (section, TP_ACTIVITY_FILTER_ALL);
  drain ();
  {
    GtkListView *list = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (section),
                                                                      TP_TYPE_ACTIVITY_SECTION,
                                                                      "list_view"));

    g_signal_emit_by_name (list, "activate", 0);
    g_assert_cmpuint (f->n_shown, ==, 1);
    g_assert_cmpint (f->shown_customer, ==, ben);
  }
}

/* The visible labels under @widget that say @text */
static guint
count_visible_labels (GtkWidget  *widget,
                      const char *text)
{
  guint n = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_visible_labels (child, text);

  return n;
}

/* One person's file shows no names and no filter by person; once a
 * second person logs something, each line shows its person and the
 * filter shows one person's touches and orders alone. */
static void
test_activity_people (Fixture       *f,
                      gconstpointer  data)
{
  TpActivitySection *section;
  GtkDropDown *people;
  GtkWidget *list;
  GListModel *items;
  gint64 anna, ben;
  g_autofree char *me = g_strdup (tp_store_get_person (f->store));

  add_section (f, TP_TYPE_ACTIVITY_SECTION, "activity");
  section = TP_ACTIVITY_SECTION (f->section);
  people = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (section),
                                                         TP_TYPE_ACTIVITY_SECTION,
                                                         "person_dropdown"));
  list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (section),
                                                    TP_TYPE_ACTIVITY_SECTION, "list_view"));
  tp_activity_section_set_store (section, f->store);

  anna = tp_test_add_customer (f->store, "Anna Adams", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  ben = tp_test_add_customer (f->store, "Ben Brook", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  tp_test_add_touch (f->store, anna, "2026-06-01T09:00:00Z", TP_CHANNEL_EMAIL, TRUE, NULL);
  add_order (f->store, anna, "2026-06-02T12:00:00Z", "Ring", 120000);
  drain ();
  gtk_test_widget_wait_for_draw (f->window);

  items = tp_activity_section_get_items (section);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (people)));
  g_assert_cmpuint (count_visible_labels (list, me), ==, 0);

  /* Someone else on the same file */
  tp_store_set_person (f->store, "Zoe Zimmer");
  tp_test_add_touch (f->store, ben, "2026-06-03T09:00:00Z", TP_CHANNEL_CALL, TRUE, NULL);
  add_order (f->store, ben, "2026-06-04T12:00:00Z", "Chain", 5000);
  tp_test_add_touch (f->store, anna, "2026-06-05T09:00:00Z", TP_CHANNEL_CALL, TRUE, NULL);
  drain ();
  gtk_test_widget_wait_for_draw (f->window);

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 5);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (people)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (people)), ==, 3);
  g_assert_cmpuint (count_visible_labels (list, "Zoe Zimmer"), ==, 3);
  g_assert_cmpuint (count_visible_labels (list, me), ==, 2);

  /* Zoe's alone, through the drop-down ("Everyone", then by name) */
  gtk_drop_down_set_selected (people, g_strcmp0 (me, "Zoe Zimmer") < 0 ? 2 : 1);
  g_assert_cmpstr (tp_activity_section_get_person (section), ==, "Zoe Zimmer");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TpActivityItem) item = g_list_model_get_item (items, i);
      GObject *object = tp_activity_item_get_object (item);

      g_assert_cmpstr (TP_IS_TOUCH (object) ? tp_touch_get_person (TP_TOUCH (object))
                                            : tp_order_get_person (TP_ORDER (object)),
                       ==, "Zoe Zimmer");
    }

  /* Zoe's calls only: both filters at once */
  tp_activity_section_set_filter (section, TP_CHANNEL_CALL);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);

  tp_activity_section_set_filter (section, TP_ACTIVITY_FILTER_ALL);
  gtk_drop_down_set_selected (people, 0);
  g_assert_null (tp_activity_section_get_person (section));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 5);
}

static void
test_activity_pages (Fixture       *f,
                     gconstpointer  data)
{
  TpActivitySection *section;
  GListModel *items;
  gint64 anna;

  anna = tp_test_add_customer (f->store, "Anna Adams", "2026-01-01T09:00:00Z", TP_STAGE_LEAD);
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *when = g_strdup_printf ("2026-06-%02uT%02u:%02u:00Z", 1 + i / 60, 8 + (i % 60) / 10, (i % 10) * 5);

      tp_test_add_touch (f->store, anna, when, i % 3 == 0 ? TP_CHANNEL_CALL : TP_CHANNEL_EMAIL, TRUE, NULL);
    }

  add_section (f, TP_TYPE_ACTIVITY_SECTION, "activity");
  section = TP_ACTIVITY_SECTION (f->section);
  tp_activity_section_set_store (section, f->store);

  /* A page at a time: scrolling to the end loads the next. */
  items = tp_activity_section_get_items (section);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 50);
  tp_activity_section_load_more (section);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 100);
  tp_activity_section_load_more (section);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 120);
  tp_activity_section_load_more (section);
  g_assert_cmpuint (tp_activity_section_get_limit (section), ==, 150);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 120);

  /* Newest first all the way down. */
  for (guint i = 1; i < 120; i++)
    {
      g_autoptr(TpActivityItem) before = g_list_model_get_item (items, i - 1);
      g_autoptr(TpActivityItem) item = g_list_model_get_item (items, i);

      g_assert_cmpstr (tp_activity_item_get_time (before), >, tp_activity_item_get_time (item));
    }

  /* The calls (40 of them) are found beyond the first page of touches. */
  tp_activity_section_set_filter (section, TP_CHANNEL_CALL);
  items = tp_activity_section_get_items (section);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 40);
}

/* Touches chart */

static void
wait_for_chart (TpChartSection *section)
{
  drain ();
  while (tp_chart_section_get_loading (section))
    g_main_context_iteration (NULL, TRUE);
  drain ();
}

/* Runs the loop until the customer list's query on its worker has landed. */
static void
wait_for_list (TpCustomerList *list)
{
  while (tp_customer_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
}

/* The chart's accessible description: its counts, the focused bar, then
 * the first 20 bars in the chart's order. */
static char *
expected_description (TpChartData *data,
                      TpChartSort  sort,
                      int          focus)
{
  g_autofree char *counts = tp_chart_data_describe (data, TP_CHART_MODE_TOUCHES);
  GString *text = g_string_new (counts);
  guint n = tp_chart_data_get_n_items (data);

  if (n == 0)
    return g_string_free (text, FALSE);

  if (focus >= 0)
    {
      const TpChartItem *item = tp_chart_data_get_item (data, sort, focus);

      g_string_append_printf (text, " Focused bar: %s: %u %s, %s.", item->name, item->touches,
                              item->touches == 1 ? "touch" : "touches",
                              item->bought ? "bought" : "not yet bought");
    }
  g_string_append (text, " Bars:");
  for (guint i = 0; i < MIN (n, 20); i++)
    {
      const TpChartItem *item = tp_chart_data_get_item (data, sort, i);

      g_string_append_printf (text, "%s%s: %u %s, %s", i == 0 ? " " : "; ", item->name, item->touches,
                              item->touches == 1 ? "touch" : "touches",
                              item->bought ? "bought" : "not yet bought");
    }
  if (n > 20)
    g_string_append_printf (text, "; and %u more.", n - 20);
  else
    g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

static void
test_chart_bars (Fixture       *f,
                 gconstpointer  data)
{
  TpChartSection *section;
  TpTouchesChart *chart;
  TpChartData *chart_data;
  const TpChartItem *item;
  g_autofree char *description = NULL;
  g_autofree char *problem = NULL;
  gint64 anna, ben, cara;

  anna = tp_test_add_customer (f->store, "Anna Adams", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  ben = tp_test_add_customer (f->store, "Ben Brook", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  cara = tp_test_add_customer (f->store, "Cara Cole", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *when = g_strdup_printf ("2026-05-%02uT09:00:00Z", 2 + i);

      tp_test_add_touch (f->store, anna, when, i < 4 ? TP_CHANNEL_EMAIL : TP_CHANNEL_CALL, TRUE, NULL);
    }
  add_order (f->store, anna, "2026-05-20T09:00:00Z", "Ring", 120000);
  tp_test_add_touch (f->store, ben, "2026-05-02T09:00:00Z", TP_CHANNEL_EMAIL, TRUE, NULL);
  tp_test_add_touch (f->store, ben, "2026-05-03T09:00:00Z", TP_CHANNEL_EMAIL, TRUE, NULL);

  add_section (f, TP_TYPE_CHART_SECTION, "chart");
  section = TP_CHART_SECTION (f->section);
  tp_chart_section_set_store (section, f->store);
  wait_for_chart (section);

  chart = tp_chart_section_get_chart (section);
  chart_data = tp_touches_chart_get_data (chart);
  g_assert_cmpuint (tp_chart_data_get_n_items (chart_data), ==, 3);
  item = tp_chart_data_get_item (chart_data, TP_CHART_SORT_TOUCHES, 0);
  g_assert_cmpint (item->customer_id, ==, anna);
  g_assert_cmpuint (item->touches, ==, 6);
  g_assert_true (item->bought);
  item = tp_chart_data_get_item (chart_data, TP_CHART_SORT_TOUCHES, 1);
  g_assert_cmpint (item->customer_id, ==, ben);
  g_assert_cmpuint (item->touches, ==, 2);
  g_assert_false (item->bought);

  /* The other views: Anna's first purchase came after six touches,
   * four emails and two calls. */
  g_assert_cmpuint (tp_chart_data_get_n_first_purchases (chart_data), ==, 1);
  g_assert_cmpuint (tp_chart_data_get_purchase_band_percent (chart_data), ==, 100);

  /* The chart says in words what it shows. */
  gtk_test_widget_wait_for_draw (f->window);
  description = expected_description (chart_data, TP_CHART_SORT_TOUCHES,
                                      tp_touches_chart_get_focus_position (chart));
  g_assert_nonnull (strstr (description, " Bars: "));
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_null (problem);

  /* A logged touch moves Cara's bar at once. */
  g_assert_nonnull (tp_store_log_touch (f->store, cara, TP_CHANNEL_CALL, NULL, NULL, NULL));
  item = tp_chart_data_get_item (chart_data, TP_CHART_SORT_TOUCHES,
                                 tp_chart_data_find_item (chart_data, TP_CHART_SORT_TOUCHES, cara));
  g_assert_cmpuint (item->touches, ==, 1);
  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (tp_store_log_touch (f->store, cara, TP_CHANNEL_CALL, NULL, NULL, NULL));
  g_assert_cmpint (tp_chart_data_get_item (chart_data, TP_CHART_SORT_TOUCHES, 1)->customer_id, ==, cara);
  wait_for_chart (section);
  g_assert_cmpuint (tp_chart_data_get_n_items (chart_data), ==, 3);
  g_assert_cmpuint (tp_chart_data_get_item (chart_data, TP_CHART_SORT_TOUCHES, 1)->touches, ==, 4);

  /* Choosing the first bar and pressing Enter opens Anna. */
  tp_touches_chart_set_focus_position (chart, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.activate", NULL));
  drain ();
  g_assert_cmpuint (f->n_shown, ==, 1);
  g_assert_cmpint (f->shown_customer, ==, anna);

  /* The view and the order follow the drop-downs. */
  {
    GtkDropDown *mode = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (section),
                                                                      TP_TYPE_CHART_SECTION,
                                                                      "mode_dropdown"));
    GtkDropDown *sort = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (section),
                                                                      TP_TYPE_CHART_SECTION,
                                                                      "sort_dropdown"));

    g_auto(GValue) shown = G_VALUE_INIT;

    /* Each offers every value, under its name. */
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (mode)), ==, 3);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (sort)), ==, 3);
    gtk_drop_down_set_selected (sort, TP_CHART_SORT_NAME);
    g_assert_true (gtk_expression_evaluate (gtk_drop_down_get_expression (sort),
                                            gtk_drop_down_get_selected_item (sort), &shown));
    g_assert_cmpstr (g_value_get_string (&shown), ==, "By Name");
    g_assert_cmpint (tp_touches_chart_get_sort (chart), ==, TP_CHART_SORT_NAME);
    gtk_drop_down_set_selected (mode, TP_CHART_MODE_CHANNELS);
    g_assert_cmpint (tp_touches_chart_get_mode (chart), ==, TP_CHART_MODE_CHANNELS);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sort)));
  }

  /* "Save Chart As…" asks where, for a PNG or an SVG. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *chooser = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "chart-section.save-as", NULL));
    drain ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (GTK_IS_FILE_CHOOSER (toplevel))
          chooser = toplevel;
      }
    g_assert_nonnull (chooser);
    g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    drain ();
  }

  /* The band follows the settings. */
  g_assert_true (tp_store_set_band (f->store, 2, 5, NULL));
  g_assert_cmpuint (tp_touches_chart_get_band_low (chart), ==, 2);
  g_assert_cmpuint (tp_touches_chart_get_band_high (chart), ==, 5);
}

static void
test_chart_empty (Fixture       *f,
                  gconstpointer  data)
{
  TpChartSection *section;
  GtkStack *stack;

  add_section (f, TP_TYPE_CHART_SECTION, "chart");
  section = TP_CHART_SECTION (f->section);
  tp_chart_section_set_store (section, f->store);
  wait_for_chart (section);

  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (section), TP_TYPE_CHART_SECTION, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* The first customer brings the chart. */
  tp_test_add_customer (f->store, "Anna Adams", "2026-05-01T09:00:00Z", TP_STAGE_LEAD);
  drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "chart");
  wait_for_chart (section);
}

/* The chart's customers, and the bars it lays out, are exactly the list's. */
static void
assert_chart_shows_list (TpChartSection *section,
                         TpCustomerList *list)
{
  TpTouchesChart *chart = tp_chart_section_get_chart (section);
  TpChartData *chart_data = tp_touches_chart_get_data (chart);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  const TpChartBar *bars;
  guint n_bars;

  g_assert_cmpuint (tp_chart_data_get_n_items (chart_data), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (tp_chart_data_find_item (chart_data, TP_CHART_SORT_TOUCHES,
                                              tp_customer_list_get_id (list, i)), >=, 0);

  if (n == 0)
    return;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (chart));
  bars = tp_chart_layout_get_bars (tp_touches_chart_get_layout (chart), &n_bars);
  g_assert_cmpuint (n_bars, ==, n);
  for (guint i = 0; i < n_bars; i++)
    g_assert_cmpuint (tp_customer_list_find (list, bars[i].customer_id), !=, G_MAXUINT);
}

static const char *
filter_text (TpChartSection *section)
{
  GtkWidget *box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (section), TP_TYPE_CHART_SECTION,
                                                              "filter_box"));
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (section), TP_TYPE_CHART_SECTION,
                                                              "filter_label"));

  return gtk_widget_get_visible (box) ? gtk_label_get_label (label) : NULL;
}

/* The chart follows the customer list's filter: after a short pause the
 * worker loads the matching customers, prepared in every order, and the
 * main thread only swaps them in; the line above the chart and its
 * accessible description say which filter is applied; a customer who
 * changes leaves or joins at once. */
static void
test_chart_follows_filter (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(TpCustomerList) list = tp_customer_list_new (f->store);
  g_autoptr(GError) error = NULL;
  TpChartSection *section;
  TpTouchesChart *chart;
  GtkStack *stack;
  Business b;

  fill_business (f->store, &b);
  add_section (f, TP_TYPE_CHART_SECTION, "chart");
  section = TP_CHART_SECTION (f->section);
  chart = tp_chart_section_get_chart (section);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (section), TP_TYPE_CHART_SECTION, "stack"));
  tp_chart_section_set_store (section, f->store);
  tp_chart_section_set_customer_list (section, list);
  g_assert_true (tp_chart_section_get_customer_list (section) == list);
  wait_for_list (list);
  wait_for_chart (section);

  assert_chart_shows_list (section, list);
  g_assert_cmpuint (tp_chart_data_get_n_items (tp_touches_chart_get_data (chart)), ==, 8);
  g_assert_null (filter_text (section));
  g_assert_null (tp_touches_chart_get_caption (chart));

  /* A stage. */
  tp_customer_list_set_stage_filter (list, TP_STAGE_PROSPECT);
  g_assert_true (tp_chart_section_get_loading (section));
  wait_for_list (list);
  wait_for_chart (section);
  assert_chart_shows_list (section, list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_true (tp_chart_data_is_prepared (tp_touches_chart_get_data (chart)));
  g_assert_cmpstr (filter_text (section), ==, "Showing 2 customers at the stage “Prospect”.");
  {
    g_autofree char *description = expected_description (tp_touches_chart_get_data (chart),
                                                         TP_CHART_SORT_TOUCHES,
                                                         tp_touches_chart_get_focus_position (chart));
    g_autofree char *expected = g_strconcat (filter_text (section), " ", description, NULL);
    g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                   expected);

    g_assert_null (problem);
  }

  /* A search and another stage, set within the pause: the chart follows both. */
  tp_customer_list_set_stage_filter (list, TP_STAGE_LEAD);
  tp_customer_list_set_search_text (list, "nn");
  wait_for_list (list);
  wait_for_chart (section);
  assert_chart_shows_list (section, list);
  g_assert_cmpint (tp_customer_list_find (list, b.anna), !=, G_MAXUINT);
  g_assert_cmpint (tp_customer_list_find (list, b.finn), !=, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpstr (filter_text (section), ==, "Showing 2 customers matching “nn”, at the stage “Lead”.");

  /* Finn becomes a prospect: his bar goes at once, and comes back. */
  g_assert_true (tp_store_set_customer_stage (f->store, b.finn, TP_STAGE_PROSPECT, &error));
  g_assert_no_error (error);
  assert_chart_shows_list (section, list);
  g_assert_cmpint (tp_chart_data_find_item (tp_touches_chart_get_data (chart), TP_CHART_SORT_TOUCHES, b.finn),
                   ==, -1);
  g_assert_cmpstr (filter_text (section), ==, "Showing 1 customer matching “nn”, at the stage “Lead”.");
  g_assert_true (tp_store_set_customer_stage (f->store, b.finn, TP_STAGE_LEAD, &error));
  g_assert_no_error (error);
  assert_chart_shows_list (section, list);
  wait_for_list (list);
  wait_for_chart (section);
  assert_chart_shows_list (section, list);

  /* A logged touch moves Anna's bar at once. */
  g_assert_nonnull (tp_store_log_touch (f->store, b.anna, TP_CHANNEL_CALL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    TpChartData *chart_data = tp_touches_chart_get_data (chart);

    g_assert_cmpuint (tp_chart_data_get_item (chart_data, TP_CHART_SORT_TOUCHES,
                                              tp_chart_data_find_item (chart_data, TP_CHART_SORT_TOUCHES,
                                                                       b.anna))->touches, ==, 4);
  }
  wait_for_list (list);
  wait_for_chart (section);

  /* Nobody matches. */
  tp_customer_list_set_search_text (list, "no such customer");
  wait_for_list (list);
  wait_for_chart (section);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-match");
  g_assert_cmpuint (tp_chart_data_get_n_items (tp_touches_chart_get_data (chart)), ==, 0);

  /* Without a filter, everyone again, and no line. */
  tp_customer_list_set_search_text (list, NULL);
  tp_customer_list_set_stage_filter (list, -1);
  wait_for_list (list);
  wait_for_chart (section);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "chart");
  assert_chart_shows_list (section, list);
  g_assert_cmpuint (tp_chart_data_get_n_items (tp_touches_chart_get_data (chart)), ==, 8);
  g_assert_null (filter_text (section));
  g_assert_null (tp_touches_chart_get_caption (chart));

  /* Without the list, the chart stops following it. */
  tp_customer_list_set_stage_filter (list, TP_STAGE_LOST);
  tp_chart_section_set_customer_list (section, NULL);
  wait_for_list (list);
  wait_for_chart (section);
  g_assert_cmpuint (tp_chart_data_get_n_items (tp_touches_chart_get_data (chart)), ==, 8);
}

/* In the Sales tab, the chart follows the list of the Customers section. */
static void
test_chart_in_sales_page (Fixture       *f,
                          gconstpointer  data)
{
  TpSalesPage *page = g_object_new (TP_TYPE_SALES_PAGE, NULL);
  TpChartSection *chart_section;
  TpCustomersSection *customers_section;

  adw_view_stack_add_titled (f->stack, GTK_WIDGET (page), "sales", "Sales");
  gtk_window_present (GTK_WINDOW (f->window));
  chart_section = TP_CHART_SECTION (adw_view_stack_get_child_by_name (tp_sales_page_get_stack (page), "chart"));
  customers_section = TP_CUSTOMERS_SECTION (adw_view_stack_get_child_by_name (tp_sales_page_get_stack (page),
                                                                              "customers"));

  tp_sales_page_set_store (page, f->store);
  g_assert_nonnull (tp_customers_section_get_list (customers_section));
  g_assert_true (tp_chart_section_get_customer_list (chart_section) ==
                 tp_customers_section_get_list (customers_section));
  wait_for_chart (chart_section);

  tp_sales_page_set_store (page, NULL);
  g_assert_null (tp_chart_section_get_customer_list (chart_section));
}

/* Preferences */

static GtkWidget *
child (TpPreferencesWindow *window,
       const char          *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), TP_TYPE_PREFERENCES_WINDOW, name));
}

/* Whether to remind with the window closed: a setting of the computer,
 * on by default, shown and changed by its row. */
static void
test_preferences_remind (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  TpPreferencesWindow *preferences;
  GtkSwitch *remind;

  g_settings_reset (settings, "remind-when-closed");
  preferences = tp_preferences_window_new (GTK_WINDOW (f->window), f->store);
  gtk_window_present (GTK_WINDOW (preferences));
  drain ();

  remind = GTK_SWITCH (child (preferences, "remind_switch"));
  g_assert_true (gtk_switch_get_active (remind));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child (preferences, "remind_row"))),
                   ==, "_Remind Me When Touchpoint Is Closed");

  /* Switching it off is kept. */
  gtk_switch_set_active (remind, FALSE);
  drain ();
  g_assert_false (gtk_switch_get_active (remind));
  g_assert_false (g_settings_get_boolean (settings, "remind-when-closed"));

  /* And the row follows the setting. */
  g_settings_set_boolean (settings, "remind-when-closed", TRUE);
  drain ();
  g_assert_true (gtk_switch_get_active (remind));

  gtk_window_destroy (GTK_WINDOW (preferences));
  drain ();
}

static void
test_preferences_settings (Fixture       *f,
                           gconstpointer  data)
{
  TpPreferencesWindow *preferences;
  GtkSpinButton *low, *high, *days;
  AdwComboRow *currency;
  TpChartSection *section;
  TpAnalyticsSettings stored;
  g_autoptr(TpDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *names;
  guint usd = GTK_INVALID_LIST_POSITION;

  add_section (f, TP_TYPE_CHART_SECTION, "chart");
  section = TP_CHART_SECTION (f->section);
  tp_chart_section_set_store (section, f->store);
  wait_for_chart (section);

  preferences = tp_preferences_window_new (GTK_WINDOW (f->window), f->store);
  gtk_window_present (GTK_WINDOW (preferences));
  drain ();

  low = GTK_SPIN_BUTTON (child (preferences, "band_low_spin"));
  high = GTK_SPIN_BUTTON (child (preferences, "band_high_spin"));
  days = GTK_SPIN_BUTTON (child (preferences, "followup_spin"));
  currency = ADW_COMBO_ROW (child (preferences, "currency_row"));

  /* The defaults. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (low), ==, 5);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (high), ==, 12);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (days), ==, 14);

  gtk_spin_button_set_value (low, 3);
  gtk_spin_button_set_value (high, 8);
  gtk_spin_button_set_value (days, 21);

  names = adw_combo_row_get_model (currency);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);

      if (g_str_has_suffix (gtk_string_object_get_string (name), "(USD)"))
        usd = i;
    }
  g_assert_cmpuint (usd, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (currency, usd);

  /* The store holds them, and the chart's band follows. */
  g_assert_cmpuint (tp_store_get_band_low (f->store), ==, 3);
  g_assert_cmpuint (tp_store_get_band_high (f->store), ==, 8);
  g_assert_cmpuint (tp_store_get_followup_days (f->store), ==, 21);
  g_assert_cmpstr (tp_store_get_currency (f->store), ==, "USD");
  g_assert_cmpuint (tp_touches_chart_get_band_low (tp_chart_section_get_chart (section)), ==, 3);
  g_assert_cmpuint (tp_touches_chart_get_band_high (tp_chart_section_get_chart (section)), ==, 8);

  /* So does the database's settings table, as another connection reads it. */
  other = tp_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (tp_analytics_settings_load (&stored, other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stored.band_low, ==, 3);
  g_assert_cmpuint (stored.band_high, ==, 8);
  g_assert_cmpuint (stored.followup_days, ==, 21);
  g_assert_cmpstr (stored.currency, ==, "USD");

  /* A band whose top is not above its bottom is refused, and said so. */
  gtk_spin_button_set_value (high, 3);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (high), "error"));
  g_assert_cmpuint (tp_store_get_band_high (f->store), ==, 8);
  gtk_spin_button_set_value (high, 10);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (high), "error"));
  g_assert_cmpuint (tp_store_get_band_high (f->store), ==, 10);

  /* A change made elsewhere shows in the window. */
  g_assert_true (tp_store_set_followup_days (f->store, 30, NULL));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (days), ==, 30);

  gtk_window_destroy (GTK_WINDOW (preferences));
  drain ();
}

static void
test_preferences_action (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("touchpoint-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "touchpoint.db", NULL);
  g_auto(GStrv) accels = NULL;
  GListModel *toplevels;
  TpPreferencesWindow *found = NULL;
  TpWindow *window;
  const char *name;

  g_assert_no_error (error);
  tp_application_set_database_path (app, path);
  window = tp_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  drain ();

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.preferences");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>comma"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.preferences", NULL));
  drain ();

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (TP_IS_PREFERENCES_WINDOW (toplevel))
        found = TP_PREFERENCES_WINDOW (toplevel);
    }
  g_assert_nonnull (found);
  g_assert_true (tp_preferences_window_get_store (found) == tp_window_get_store (window));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (found)) == GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (found));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_remove (file);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = tp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/touchpoint/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("followups/queue", test_followups_queue);
  ADD ("followups/log-touch", test_followups_log_touch);
  ADD ("followups/mark-done", test_followups_mark_done);
  ADD ("followups/row-opens-customer", test_followups_row_opens_customer);
  ADD ("followups/rows-when-shown", test_followups_rows_when_shown);
  ADD ("followups/notifications", test_followups_notifications);
  g_test_add_func ("/touchpoint/followups/notification-opens-customer",
                   test_followups_notification_opens_customer);
  ADD ("activity/newest-first", test_activity_newest_first);
  ADD ("activity/pages", test_activity_pages);
  ADD ("activity/people", test_activity_people);
  ADD ("chart/bars", test_chart_bars);
  ADD ("chart/empty", test_chart_empty);
  ADD ("chart/follows-filter", test_chart_follows_filter);
  ADD ("chart/in-sales-page", test_chart_in_sales_page);
  ADD ("preferences/settings", test_preferences_settings);
  ADD ("preferences/remind-when-closed", test_preferences_remind);
  g_test_add_func ("/touchpoint/preferences/action", test_preferences_action);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
