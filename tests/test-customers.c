/* test-customers.c
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

#define G_LOG_DOMAIN "test-customers"

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>

#include "tp-customer-detail.h"
#include "tp-customer-header.h"
#include "tp-customer-list-private.h"
#include "tp-customer-row.h"
#include "tp-customers-section.h"
#include "tp-log-touch-dialog.h"
#include "tp-order-dialog.h"
#include "tp-orders-section.h"
#include "tp-reset-list-model.h"
#include "tp-sales-util-private.h"

/* The Customers and Orders sections of the Sales tab, each in a window
 * of its own over a temporary database, driven as the owner would: through
 * their actions, their entries and their dialogs. Each test checks what
 * the widgets show and what the database file holds (read with a
 * connection of its own). */

typedef struct
{
  char               *dir;
  char               *path;
  TpStore            *store;
  sqlite3            *db;
  GtkWidget          *window;
  AdwToastOverlay    *overlay;
  TpCustomersSection *section;
  TpOrdersSection    *orders;
  TpCustomerDetail   *detail;
} Fixture;

/* Main loop */

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  drain ();
}

/* Runs the loop until @check holds, for at most two seconds. */
#define WAIT_UNTIL(check) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + 2 * G_USEC_PER_SEC; \
    while (!(check) && g_get_monotonic_time () < deadline_) \
      wait_ms (20); \
    g_assert_true (check); \
  } G_STMT_END

/* Runs the loop until the customer list's query on its worker has landed. */
#define WAIT_LOADED(f) \
  WAIT_UNTIL (!tp_customer_list_get_loading (tp_customers_section_get_list ((f)->section)))

/* The database, through a connection of the test's own */

static gint64
sql_int (Fixture    *f,
         const char *sql,
         gint64      param)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
sql_text (Fixture    *f,
          const char *sql,
          gint64      param)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
text_is (Fixture    *f,
         const char *sql,
         gint64      param,
         const char *expected)
{
  g_autofree char *text = sql_text (f, sql, param);

  return g_strcmp0 (text, expected) == 0;
}

/* Widgets */

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  name)
{
  return TP_IS_CUSTOMER_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (tp_customer_row_get_text (TP_CUSTOMER_ROW (widget), TP_CUSTOMER_COLUMN_NAME), name) == 0;
}

/* The customer list's row that shows @name, if one is on screen. */
static TpCustomerRow *
row_of (Fixture    *f,
        const char *name)
{
  return (TpCustomerRow *) find_widget (GTK_WIDGET (f->section), is_row_of, name);
}

static gboolean
is_text (GtkWidget     *widget,
         gconstpointer  data)
{
  return GTK_IS_TEXT (widget);
}

/* Presses Enter in an entry row, as the owner would. (A button activated
 * by Enter clicks a moment later, as it shows itself pressed.) */
static void
press_enter (gpointer row)
{
  GtkWidget *text = find_widget (GTK_WIDGET (row), is_text, NULL);

  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
  drain ();
}

static void
click_undo (Fixture *f)
{
  GtkWidget *button = NULL;

  /* No one clicks within the toast's first frames; libadwaita 1.2 cannot
   * take a toast dismissed while the one it replaced is still fading. */
  wait_ms (400);
  WAIT_UNTIL ((button = find_widget (GTK_WIDGET (f->overlay), is_button_labelled, "_Undo")) != NULL);
  g_signal_emit_by_name (button, "clicked");
  drain ();
}

static gboolean
toast_says (Fixture    *f,
            const char *text)
{
  return find_widget (GTK_WIDGET (f->overlay), is_label_containing, text) != NULL;
}

/* The names of the first @n rows the customer list shows, "Ada,Bob". */
static char *
shown_names (Fixture *f,
             guint    n)
{
  GtkListView *view = child (f->section, TP_TYPE_CUSTOMERS_SECTION, "list_view");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < n && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TpCustomer) customer = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (names, ',');
      g_string_append (names, tp_customer_get_name (customer));
    }

  return g_string_free (names, FALSE);
}

/* Compares shown_names() with @expected and frees it */
#define assert_shown(f, n, expected) \
  G_STMT_START { \
    g_autofree char *shown_ = shown_names ((f), (n)); \
    g_assert_cmpstr (shown_, ==, (expected)); \
  } G_STMT_END

static guint
n_shown (Fixture *f)
{
  GtkListView *view = child (f->section, TP_TYPE_CUSTOMERS_SECTION, "list_view");

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view)));
}

static const char *
list_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (child (f->section, TP_TYPE_CUSTOMERS_SECTION, "list_stack"));
}

/* Data */

static char *
days_from_now (double days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, days * 86400.0);

  return tp_schema_format_time (then);
}

static gint64
add_audience (Fixture    *f,
              const char *name)
{
  g_autoptr(TpAudience) audience = tp_audience_new ();
  g_autoptr(GError) error = NULL;

  tp_audience_set_name (audience, name);
  g_assert_true (tp_store_add_audience (f->store, audience, &error));
  g_assert_no_error (error);

  return tp_record_get_id (TP_RECORD (audience));
}

static gint64
add_primary_audience (Fixture    *f,
                      const char *name)
{
  g_autoptr(TpAudience) audience = tp_audience_new ();
  g_autoptr(GError) error = NULL;

  tp_audience_set_name (audience, name);
  tp_audience_set_is_primary (audience, TRUE);
  g_assert_true (tp_store_add_audience (f->store, audience, &error));
  g_assert_no_error (error);

  return tp_record_get_id (TP_RECORD (audience));
}

static gint64
add_customer (Fixture    *f,
              const char *name,
              const char *email,
              const char *phone,
              const char *notes,
              TpStage     stage,
              gint64      audience_id)
{
  g_autoptr(TpCustomer) customer = tp_customer_new ();
  g_autoptr(GError) error = NULL;

  tp_customer_set_name (customer, name);
  tp_customer_set_email (customer, email);
  tp_customer_set_phone (customer, phone);
  tp_customer_set_notes (customer, notes);
  tp_customer_set_stage (customer, stage);
  tp_customer_set_audience_id (customer, audience_id);
  g_assert_true (tp_store_add_customer (f->store, customer, &error));
  g_assert_no_error (error);

  return tp_record_get_id (TP_RECORD (customer));
}

static void
add_touch (Fixture *f,
           gint64   customer_id,
           double   days_ago)
{
  g_autoptr(TpTouch) touch = tp_touch_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *when = days_from_now (-days_ago);

  tp_touch_set_customer_id (touch, customer_id);
  tp_touch_set_happened_at (touch, when);
  tp_touch_set_channel (touch, TP_CHANNEL_EMAIL);
  tp_touch_set_done (touch, TRUE);
  g_assert_true (tp_store_add_touch (f->store, touch, &error));
  g_assert_no_error (error);
}

static gint64
add_order (Fixture       *f,
           gint64         customer_id,
           gint64         amount,
           double         days_ago,
           TpOrderStatus  status)
{
  g_autoptr(TpOrder) order = tp_order_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *when = days_from_now (-days_ago);

  tp_order_set_customer_id (order, customer_id);
  tp_order_set_ordered_at (order, when);
  tp_order_set_item (order, "Treats");
  tp_order_set_amount_minor (order, amount);
  tp_order_set_status (order, status);
  g_assert_true (tp_store_add_order (f->store, order, &error));
  g_assert_no_error (error);

  return tp_record_get_id (TP_RECORD (order));
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean orders = data != NULL && g_str_equal (data, "orders");

  f->dir = g_dir_make_tmp ("touchpoint-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "touchpoint.db", NULL);
  f->store = tp_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  f->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->overlay));

  if (orders)
    {
      f->orders = g_object_new (TP_TYPE_ORDERS_SECTION, "store", f->store, NULL);
      adw_toast_overlay_set_child (f->overlay, GTK_WIDGET (f->orders));
    }
  else
    {
      f->section = g_object_new (TP_TYPE_CUSTOMERS_SECTION, "store", f->store, NULL);
      f->detail = tp_customers_section_get_detail (f->section);
      adw_toast_overlay_set_child (f->overlay, GTK_WIDGET (f->section));
    }

  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
  drain ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();

  sqlite3_close (f->db);
  g_assert_finalize_object (f->store);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);
      g_remove (file);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Amounts, times and the band, as the owner types and reads them */

static void
test_parse_money (void)
{
  static const struct {
    const char *text;
    const char *currency;
    gint64      minor;
  } good[] = {
    { "12,50", "EUR", 1250 },
    { "12.50", "EUR", 1250 },
    { "12", "EUR", 1200 },
    { "12.5", "EUR", 1250 },
    { "0,99", "EUR", 99 },
    { "1.234,50", "EUR", 123450 },
    { "1,234.50", "EUR", 123450 },
    { "1 234,50", "EUR", 123450 },
    { "1.234", "EUR", 123400 },
    { "€12.50", "EUR", 1250 },
    { "12,50 EUR", "EUR", 1250 },
    { "eur 7", "EUR", 700 },
    { "1.234", "JPY", 1234 },
    { "1500", "JPY", 1500 },
  };
  static const struct {
    const char *text;
    const char *says;
  } bad[] = {
    { "", "Enter an amount" },
    { "-5", "negative" },
    { "−5,00", "negative" },
    { "EUR -5", "negative" },
    { "twelve", "not an amount" },
    { "12,5x", "not an amount" },
    { "1.2345", "at most 2 digits" },
    { "99999999999999999999", "too large" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -1;

      g_test_message ("%s %s", good[i].text, good[i].currency);
      g_assert_true (_tp_parse_money (good[i].text, good[i].currency, &minor, &error));
      g_assert_no_error (error);
      g_assert_cmpint (minor, ==, good[i].minor);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -1;

      g_test_message ("%s", bad[i].text);
      g_assert_false (_tp_parse_money (bad[i].text, "EUR", &minor, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, bad[i].says));
    }
}

static void
test_format_money (void)
{
  g_autofree char *euros = _tp_format_money (1250, "EUR");
  g_autofree char *yen = _tp_format_money (1500, "JPY");
  g_autofree char *entry = _tp_format_amount_entry (123405, "EUR");

  g_assert_cmpstr (euros, ==, "12.50 EUR");
  g_assert_cmpstr (yen, ==, "1500 JPY");
  g_assert_cmpstr (entry, ==, "1234.05");
}

static void
test_parse_time (void)
{
  g_autoptr(GDateTime) iso = _tp_parse_entry_time ("2026-11-28 14:05", NULL);
  g_autoptr(GDateTime) day = _tp_parse_entry_time ("2026-02-03", NULL);
  g_autoptr(GDateTime) german = _tp_parse_entry_time ("28.11.2026 9:30", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) bad = _tp_parse_entry_time ("2026-02-30 10:00", &error);

  g_assert_nonnull (iso);
  g_assert_cmpint (g_date_time_get_hour (iso), ==, 14);
  g_assert_cmpint (g_date_time_get_minute (iso), ==, 5);
  g_assert_cmpint (g_date_time_get_day_of_month (day), ==, 3);
  g_assert_cmpint (g_date_time_get_hour (day), ==, 0);
  g_assert_cmpint (g_date_time_get_month (german), ==, 11);
  g_assert_cmpint (g_date_time_get_hour (german), ==, 9);
  g_assert_null (bad);
  g_assert_nonnull (strstr (error->message, "is not a date"));
}

static void
test_band_text (void)
{
  static const struct {
    guint       touches;
    const char *text;
  } cases[] = {
    { 0, "0 touches — under 5–12" },
    { 1, "1 touch — under 5–12" },
    { 5, "5 touches — inside 5–12" },
    { 7, "7 touches — inside 5–12" },
    { 12, "12 touches — inside 5–12" },
    { 13, "13 touches — over 5–12" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = _tp_band_text (cases[i].touches, 5, 12);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Customers */

static void
test_customers_empty (Fixture       *f,
                      gconstpointer  data)
{
  g_assert_cmpstr (list_page (f), ==, "empty");
  g_assert_null (tp_customer_detail_get_customer (f->detail));

  /* The actions that need a customer do nothing without one. */
  gtk_widget_activate_action (GTK_WIDGET (f->detail), "customer.delete", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->section), "customers.log-touch", NULL);
  drain ();
  g_assert_null (tp_customer_detail_get_customer (f->detail));
  g_assert_null (tp_customer_detail_log_touch (f->detail));
  g_assert_cmpstr (list_page (f), ==, "empty");
}

static void
test_customers_add_edit_delete (Fixture       *f,
                                gconstpointer  data)
{
  AdwEntryRow *name_row = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "name_row");
  AdwEntryRow *email_row = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "email_row");
  AdwEntryRow *phone_row = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "phone_row");
  AdwComboRow *stage_row = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "stage_row");
  AdwComboRow *audience_row = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "audience_row");
  GtkTextView *notes_view = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "notes_view");
  GtkLabel *name_label = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "name_label");
  gint64 audience = add_audience (f, "Dog owners");
  g_autofree char *name = NULL;
  GtkWidget *focus;
  gint64 id;

  /* Ctrl+N's action: a new customer, shown, its name ready to type over. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->section), "customers.add", NULL));
  drain ();

  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM customers", 0), ==, 1);
  id = sql_int (f, "SELECT id FROM customers", 0);
  g_assert_nonnull (tp_customer_detail_get_customer (f->detail));
  g_assert_cmpint (tp_record_get_id (TP_RECORD (tp_customer_detail_get_customer (f->detail))), ==, id);
  g_assert_cmpstr (list_page (f), ==, "list");
  g_assert_cmpuint (n_shown (f), ==, 1);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (name_row)));

  /* Typing saves after a short pause, in one write. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Ada Lovelace");
  gtk_editable_set_text (GTK_EDITABLE (email_row), "ada@example.com");
  gtk_editable_set_text (GTK_EDITABLE (phone_row), "+44 20 7946 0001");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes_view), "Prefers letters.", -1);
  drain ();
  g_assert_cmpstr (gtk_label_get_label (name_label), ==, "Ada Lovelace");
  name = sql_text (f, "SELECT name FROM customers WHERE id = ?", id);
  g_assert_cmpstr (name, ==, "New Customer");
  g_clear_pointer (&name, g_free);

  WAIT_UNTIL (text_is (f, "SELECT name FROM customers WHERE id = ?", id, "Ada Lovelace"));
  name = sql_text (f, "SELECT email || '|' || phone || '|' || notes FROM customers WHERE id = ?", id);
  g_assert_cmpstr (name, ==, "ada@example.com|+44 20 7946 0001|Prefers letters.");
  g_clear_pointer (&name, g_free);
  assert_shown (f, 1, "Ada Lovelace");

  /* A blank name is refused and the stored one kept. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "  ");
  tp_customer_detail_save_now (f->detail);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name_row), "error"));
  name = sql_text (f, "SELECT name FROM customers WHERE id = ?", id);
  g_assert_cmpstr (name, ==, "Ada Lovelace");
  g_clear_pointer (&name, g_free);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Ada Lovelace");
  tp_customer_detail_save_now (f->detail);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (name_row), "error"));

  /* So is an address half typed, while the other fields still save; a
   * whole one is stored without the spaces around it. */
  gtk_editable_set_text (GTK_EDITABLE (email_row), "ada@");
  gtk_editable_set_text (GTK_EDITABLE (phone_row), "+44 20 7946 0002");
  tp_customer_detail_save_now (f->detail);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (email_row), "error"));
  name = sql_text (f, "SELECT email || '|' || phone FROM customers WHERE id = ?", id);
  g_assert_cmpstr (name, ==, "ada@example.com|+44 20 7946 0002");
  g_clear_pointer (&name, g_free);
  gtk_editable_set_text (GTK_EDITABLE (email_row), " ada@lovelace.example ");
  tp_customer_detail_save_now (f->detail);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (email_row), "error"));
  name = sql_text (f, "SELECT email FROM customers WHERE id = ?", id);
  g_assert_cmpstr (name, ==, "ada@lovelace.example");
  g_clear_pointer (&name, g_free);

  /* Stage and audience save at once. */
  adw_combo_row_set_selected (stage_row, TP_STAGE_PROSPECT);
  name = sql_text (f, "SELECT stage FROM customers WHERE id = ?", id);
  g_assert_cmpstr (name, ==, "prospect");
  g_clear_pointer (&name, g_free);
  adw_combo_row_set_selected (audience_row, 1);
  g_assert_cmpint (sql_int (f, "SELECT audience_id FROM customers WHERE id = ?", id), ==, audience);

  /* Delete, then undo from the toast. */
  add_touch (f, id, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->detail), "customer.delete", NULL));
  drain ();
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM customers", 0), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM touches", 0), ==, 0);
  g_assert_null (tp_customer_detail_get_customer (f->detail));
  g_assert_cmpstr (list_page (f), ==, "empty");
  g_assert_true (toast_says (f, "Customer “Ada Lovelace” deleted"));

  click_undo (f);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM customers", 0), ==, 1);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM touches", 0), ==, 1);
  name = sql_text (f, "SELECT name || '|' || stage FROM customers WHERE id = ?", id);
  g_assert_cmpstr (name, ==, "Ada Lovelace|prospect");
  g_assert_cmpstr (list_page (f), ==, "list");
  assert_shown (f, 1, "Ada Lovelace");
}

static void
test_customers_primary_audience (Fixture       *f,
                                 gconstpointer  data)
{
  AdwComboRow *audience_row = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "audience_row");
  gint64 primary, id;

  /* With no primary audience, a new customer has none. */
  add_audience (f, "Dog owners");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->section), "customers.add", NULL));
  drain ();
  id = tp_record_get_id (TP_RECORD (tp_customer_detail_get_customer (f->detail)));
  g_assert_cmpint (sql_int (f, "SELECT audience_id IS NULL FROM customers WHERE id = ?", id), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (audience_row), ==, 0);

  /* With one, the new customer belongs to it from the start. */
  primary = add_primary_audience (f, "Cat owners");
  drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->section), "customers.add", NULL));
  drain ();
  id = tp_record_get_id (TP_RECORD (tp_customer_detail_get_customer (f->detail)));
  g_assert_cmpint (sql_int (f, "SELECT audience_id FROM customers WHERE id = ?", id), ==, primary);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (audience_row)), ==,
                   "Cat owners");
}

static void
test_customers_delete_key (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *view = child (f->section, TP_TYPE_CUSTOMERS_SECTION, "list_view");
  AdwEntryRow *email_row = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "email_row");
  gint64 ada = add_customer (f, "Ada", "", "", "", TP_STAGE_LEAD, 0);

  add_customer (f, "Bob", "", "", "", TP_STAGE_LEAD, 0);
  g_assert_true (tp_customers_section_show_customer (f->section, ada));

  /* Delete in a field of the detail edits the field, not the customer. */
  gtk_widget_grab_focus (GTK_WIDGET (email_row));
  gtk_widget_activate_action (GTK_WIDGET (f->section), "customers.delete", NULL);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM customers", 0), ==, 2);

  /* Delete in the list deletes the selected customer. */
  gtk_widget_grab_focus (view);
  drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->section), "customers.delete", NULL));
  drain ();
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM customers", 0), ==, 1);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM customers WHERE id = ?", ada), ==, 0);
  assert_shown (f, 5, "Bob");

  click_undo (f);
  assert_shown (f, 5, "Ada,Bob");
}

static void
test_customers_search (Fixture       *f,
                       gconstpointer  data)
{
  GtkSearchEntry *entry = child (f->section, TP_TYPE_CUSTOMERS_SECTION, "search_entry");
  GtkLabel *count = child (f->section, TP_TYPE_CUSTOMERS_SECTION, "count_label");
  static const struct {
    const char *text;
    const char *names;
  } searches[] = {
    { "garbo", "Greta Garbo" },                 /* the name, whatever the case */
    { "clock.example", "Harold Lloyd" },        /* the email */
    { "0303", "Buster Keaton" },                /* the phone */
    { "silent", "Greta Garbo" },                /* the notes */
    { "555", "Buster Keaton,Greta Garbo,Harold Lloyd" },
    { "50%", "" },                              /* typed text is never SQL */
    { "", "Buster Keaton,Greta Garbo,Harold Lloyd" },
  };

  add_customer (f, "Greta Garbo", "greta@film.example", "555-0101", "likes silent films", TP_STAGE_LEAD, 0);
  add_customer (f, "Harold Lloyd", "harold@clock.example", "555-0202", "hangs from clocks", TP_STAGE_LEAD, 0);
  add_customer (f, "Buster Keaton", "buster@train.example", "555-0303", "stone face", TP_STAGE_LEAD, 0);
  drain ();
  g_assert_cmpstr (gtk_label_get_label (count), ==, "3 customers");

  /* Ctrl+F's action puts the cursor in the search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->section), "customers.search", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (entry)) ||
                 gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (entry));

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *names = NULL;

      g_test_message ("searching for “%s”", searches[i].text);
      gtk_editable_set_text (GTK_EDITABLE (entry), searches[i].text);
      WAIT_UNTIL (g_strcmp0 (tp_customer_list_get_search_text (tp_customers_section_get_list (f->section)),
                             searches[i].text[0] != '\0' ? searches[i].text : NULL) == 0);
      WAIT_LOADED (f);
      names = shown_names (f, 10);
      g_assert_cmpstr (names, ==, searches[i].names);
      g_assert_cmpstr (list_page (f), ==, searches[i].names[0] != '\0' ? "list" : "no-results");
    }

  /* The empty result offers to clear the search. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody");
  WAIT_UNTIL (g_strcmp0 (list_page (f), "no-results") == 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->section), "customers.clear-filters", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  WAIT_LOADED (f);
  g_assert_cmpuint (n_shown (f), ==, 3);
}

static void
test_customers_filters (Fixture       *f,
                        gconstpointer  data)
{
  GtkDropDown *stage = child (f->section, TP_TYPE_CUSTOMERS_SECTION, "stage_dropdown");
  GtkDropDown *audience = child (f->section, TP_TYPE_CUSTOMERS_SECTION, "audience_dropdown");
  GtkDropDown *quiet = child (f->section, TP_TYPE_CUSTOMERS_SECTION, "quiet_dropdown");
  GListModel *audiences;
  gint64 walkers = add_audience (f, "Dog walkers");
  gint64 groomers = add_audience (f, "Groomers");
  gint64 ada = add_customer (f, "Ada", "", "", "", TP_STAGE_LEAD, walkers);
  gint64 bob = add_customer (f, "Bob", "", "", "", TP_STAGE_PROSPECT, groomers);
  gint64 cy = add_customer (f, "Cy", "", "", "", TP_STAGE_PROSPECT, walkers);
  g_autofree char *names = NULL;

  add_customer (f, "Dee", "", "", "", TP_STAGE_LOST, 0);
  add_touch (f, ada, 40);  /* quiet for 40 days */
  add_touch (f, bob, 45);
  add_touch (f, bob, 2);   /* touched lately */
  add_touch (f, cy, 10);
  drain ();

  audiences = gtk_drop_down_get_model (audience);
  g_assert_cmpuint (g_list_model_get_n_items (audiences), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (audiences), 2), ==, "Groomers");

  /* Stage: the dropdown lists "All Stages", then each stage. A spinner
   * shows while the list's worker finds them. */
  gtk_drop_down_set_selected (stage, 1 + TP_STAGE_PROSPECT);
  g_assert_true (gtk_widget_get_visible (child (f->section, TP_TYPE_CUSTOMERS_SECTION, "loading_spinner")));
  WAIT_LOADED (f);
  g_assert_false (gtk_widget_get_visible (child (f->section, TP_TYPE_CUSTOMERS_SECTION, "loading_spinner")));
  g_assert_cmpstr ((names = shown_names (f, 10)), ==, "Bob,Cy");
  g_clear_pointer (&names, g_free);

  /* With the audience too. */
  gtk_drop_down_set_selected (audience, 1);
  WAIT_LOADED (f);
  g_assert_cmpstr ((names = shown_names (f, 10)), ==, "Cy");
  g_clear_pointer (&names, g_free);
  gtk_drop_down_set_selected (stage, 0);
  WAIT_LOADED (f);
  g_assert_cmpstr ((names = shown_names (f, 10)), ==, "Ada,Cy");
  g_clear_pointer (&names, g_free);
  gtk_drop_down_set_selected (audience, 2);
  WAIT_LOADED (f);
  g_assert_cmpstr ((names = shown_names (f, 10)), ==, "Bob");
  g_clear_pointer (&names, g_free);
  gtk_drop_down_set_selected (audience, 0);
  WAIT_LOADED (f);

  /* Quiet for 30 days: the last touch counts, whatever came before. */
  gtk_drop_down_set_selected (quiet, 3);
  WAIT_LOADED (f);
  g_assert_cmpuint (tp_customer_list_get_quiet_days (tp_customers_section_get_list (f->section)), ==, 30);
  g_assert_cmpstr ((names = shown_names (f, 10)), ==, "Ada");
  g_clear_pointer (&names, g_free);
  gtk_drop_down_set_selected (quiet, 1);
  WAIT_LOADED (f);
  g_assert_cmpstr ((names = shown_names (f, 10)), ==, "Ada,Cy");
  g_clear_pointer (&names, g_free);

  /* Nothing matches: say so, and offer to clear. */
  gtk_drop_down_set_selected (stage, 1 + TP_STAGE_REPEAT);
  WAIT_LOADED (f);
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpstr (list_page (f), ==, "no-results");
  tp_customers_section_clear_filters (f->section);
  WAIT_LOADED (f);
  g_assert_cmpstr ((names = shown_names (f, 10)), ==, "Ada,Bob,Cy,Dee");
}

/* The columns share out the list's width: every shown column gets its
 * minimum, the name takes the rest, and the least needed columns give
 * way, one at a time, while the others do not fit. */
static void
log_items_changed_cb (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u ", position, removed, added);
}

static void
splice_strings (GtkStringList *strings,
                guint          position,
                guint          removed,
                guint          added)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) additions = NULL;

  for (guint i = 0; i < added; i++)
    {
      g_autofree char *text = g_strdup_printf ("new %u", i);

      g_strv_builder_add (builder, text);
    }
  additions = g_strv_builder_end (builder);
  gtk_string_list_splice (strings, position, removed, (const char * const *) additions);
}

/* Many rows in place of others reach the list view as "all gone, all
 * new"; a few rows, or rows added below the rest (of a long search), as
 * they are, so that the rows on screen, the focus and the selection stay. */
static void
test_reset_list_model (void)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(TpResetListModel) model = tp_reset_list_model_new (G_LIST_MODEL (strings));
  g_autoptr(GString) log = g_string_new (NULL);

  g_signal_connect (model, "items-changed", G_CALLBACK (log_items_changed_cb), log);

  splice_strings (strings, 0, 0, 200);
  splice_strings (strings, 200, 0, 1000);
  splice_strings (strings, 10, 5, 3);
  splice_strings (strings, 0, 1198, 100);
  g_assert_cmpstr (log->str, ==, "0-0+200 200-0+1000 10-5+3 0-1198+0 0-0+100 ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);

  /* Many rows above the others are a new list too (a filter cleared). */
  g_string_truncate (log, 0);
  splice_strings (strings, 0, 0, 500);
  g_assert_cmpstr (log->str, ==, "0-100+0 0-0+600 ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 600);
}

static void
test_columns_fit (void)
{
  static const int min[TP_N_CUSTOMER_COLUMNS] = { 100, 80, 70, 60, 90, 50, 90 };
  static const struct {
    int width;
    int widths[TP_N_CUSTOMER_COLUMNS];
  } cases[] = {
    { 1000, { 560, 80, 70, 60, 90, 50, 90 } },
    { 540, { 100, 80, 70, 60, 90, 50, 90 } },
    /* Orders go first, then the audience, then the total spent… */
    { 539, { 149, 80, 70, 60, 90, 0, 90 } },
    { 459, { 149, 0, 70, 60, 90, 0, 90 } },
    { 400, { 180, 0, 70, 60, 90, 0, 0 } },
    /* …then the last touch, the touches and the stage. */
    { 300, { 170, 0, 70, 60, 0, 0, 0 } },
    { 200, { 130, 0, 70, 0, 0, 0, 0 } },
    { 150, { 150, 0, 0, 0, 0, 0, 0 } },
    /* The name stays, even when it alone does not fit. */
    { 50, { 100, 0, 0, 0, 0, 0, 0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int widths[TP_N_CUSTOMER_COLUMNS];

      tp_customer_columns_fit (min, cases[i].width, widths);
      for (guint c = 0; c < TP_N_CUSTOMER_COLUMNS; c++)
        {
          g_test_message ("width %d, column %u", cases[i].width, c);
          g_assert_cmpint (widths[c], ==, cases[i].widths[c]);
        }
    }
}

/* Right to left, the columns run from the right edge. */
static void
test_columns_place_rtl (void)
{
  g_autoptr(TpCustomerColumns) columns = tp_customer_columns_new ();
  int ltr_x[TP_N_CUSTOMER_COLUMNS], rtl_x[TP_N_CUSTOMER_COLUMNS];
  int ltr_w[TP_N_CUSTOMER_COLUMNS], rtl_w[TP_N_CUSTOMER_COLUMNS];

  for (guint c = 0; c < TP_N_CUSTOMER_COLUMNS; c++)
    tp_customer_columns_set_title_width (columns, c, 40);

  tp_customer_columns_place (columns, 600, FALSE, ltr_x, ltr_w);
  tp_customer_columns_place (columns, 600, TRUE, rtl_x, rtl_w);

  g_assert_cmpint (ltr_x[TP_CUSTOMER_COLUMN_NAME], ==, 0);
  g_assert_cmpint (ltr_w[TP_CUSTOMER_COLUMN_NAME], ==, 600 - 6 * 40);
  for (guint c = 0; c < TP_N_CUSTOMER_COLUMNS; c++)
    {
      g_assert_cmpint (rtl_w[c], ==, ltr_w[c]);
      g_assert_cmpint (rtl_x[c], ==, 600 - ltr_x[c] - ltr_w[c]);
    }
  g_assert_cmpint (rtl_x[TP_CUSTOMER_COLUMN_TOTAL_SPENT], ==, 0);
}

/* Each row shows its customer's seven cells, reads them out as one
 * sentence, follows changes to the customer and the audience, and lines
 * up with the titles. */
static void
test_customers_rows (Fixture       *f,
                     gconstpointer  data)
{
  TpCustomerHeader *header = (TpCustomerHeader *) find_widget (GTK_WIDGET (f->section), is_of_type,
                                                                GSIZE_TO_POINTER (TP_TYPE_CUSTOMER_HEADER));
  gint64 dogs = add_audience (f, "Dog owners");
  gint64 ada = add_customer (f, "Ada Lovelace", "", "", "", TP_STAGE_LEAD, dogs);
  g_autoptr(TpCustomer) customer = NULL;
  g_autoptr(TpAudience) audience = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_touch = NULL;
  g_autofree char *spent = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;
  TpCustomerRow *row;
  graphene_rect_t bounds;
  GtkWidget *title, *box;

  add_customer (f, "Bob", "", "", "", TP_STAGE_LEAD, 0);
  add_touch (f, ada, 2);
  add_touch (f, ada, 1);
  add_order (f, ada, 2490, 1, TP_ORDER_STATUS_OPEN);
  drain ();
  WAIT_LOADED (f);

  customer = tp_store_get_customer (f->store, ada, &error);
  g_assert_no_error (error);
  last_touch = _tp_format_date (tp_customer_get_last_touch_at (customer));
  spent = _tp_format_money (2490, tp_store_get_currency (f->store));

  WAIT_UNTIL ((row = row_of (f, "Ada Lovelace")) != NULL);
  g_assert_cmpstr (tp_customer_row_get_text (row, TP_CUSTOMER_COLUMN_AUDIENCE), ==, "Dog owners");
  g_assert_cmpstr (tp_customer_row_get_text (row, TP_CUSTOMER_COLUMN_STAGE), ==, "Customer");
  g_assert_cmpstr (tp_customer_row_get_text (row, TP_CUSTOMER_COLUMN_TOUCHES), ==, "2");
  g_assert_cmpstr (tp_customer_row_get_text (row, TP_CUSTOMER_COLUMN_LAST_TOUCH), ==, last_touch);
  g_assert_cmpstr (tp_customer_row_get_text (row, TP_CUSTOMER_COLUMN_ORDERS), ==, "1");
  g_assert_cmpstr (tp_customer_row_get_text (row, TP_CUSTOMER_COLUMN_TOTAL_SPENT), ==, spent);
  expected = g_strdup_printf ("Ada Lovelace, Dog owners, Customer, 2 touches, last touch %s, 1 order, %s spent",
                              last_touch, spent);
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  g_assert_null (message);

  /* Every shown title sits over its cells: the name's starts where the
   * names do, the total's ends where the totals do. */
  gtk_test_widget_wait_for_draw (f->window);
  for (guint c = 0; c < TP_N_CUSTOMER_COLUMNS; c++)
    g_assert_true (gtk_widget_get_child_visible (tp_customer_header_get_button (header, c)));
  title = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (
            tp_customer_header_get_button (header, TP_CUSTOMER_COLUMN_NAME))));
  g_assert_true (gtk_widget_compute_bounds (title, GTK_WIDGET (row), &bounds));
  g_assert_cmpfloat_with_epsilon (bounds.origin.x, TP_CUSTOMER_CELL_PADDING, 0.5);
  box = gtk_button_get_child (GTK_BUTTON (tp_customer_header_get_button (header, TP_CUSTOMER_COLUMN_TOTAL_SPENT)));
  g_assert_true (gtk_widget_compute_bounds (box, GTK_WIDGET (row), &bounds));
  g_assert_cmpfloat_with_epsilon (bounds.origin.x + bounds.size.width,
                                  gtk_widget_get_width (GTK_WIDGET (row)) - TP_CUSTOMER_CELL_PADDING, 0.5);

  /* No touch yet reads as a dash, and is not read out. */
  WAIT_UNTIL ((row = row_of (f, "Bob")) != NULL);
  g_assert_cmpstr (tp_customer_row_get_text (row, TP_CUSTOMER_COLUMN_LAST_TOUCH), ==, "—");
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&message, g_free);
  g_clear_pointer (&spent, g_free);
  spent = _tp_format_money (0, tp_store_get_currency (f->store));
  expected = g_strdup_printf ("Bob, Lead, 0 touches, 0 orders, %s spent", spent);
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  g_assert_null (message);

  /* A new name and a new audience name show at once. */
  tp_customer_set_name (customer, "Ada King");
  g_assert_true (tp_store_save_customer (f->store, customer, &error));
  g_assert_no_error (error);
  drain ();
  WAIT_LOADED (f);
  WAIT_UNTIL ((row = row_of (f, "Ada King")) != NULL);

  audience = tp_store_get_audience (f->store, dogs, &error);
  g_assert_no_error (error);
  tp_audience_set_name (audience, "Dog people");
  g_assert_true (tp_store_save_audience (f->store, audience, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_cmpstr (tp_customer_row_get_text (row, TP_CUSTOMER_COLUMN_AUDIENCE), ==, "Dog people");

  /* A new currency shows in the totals at once. */
  g_clear_pointer (&spent, g_free);
  g_assert_true (tp_store_set_currency (f->store, "USD", &error));
  g_assert_no_error (error);
  spent = _tp_format_money (2490, "USD");
  g_assert_cmpstr (tp_customer_row_get_text (row, TP_CUSTOMER_COLUMN_TOTAL_SPENT), ==, spent);
  g_assert_nonnull (strstr (spent, "USD"));
}

/* Showing a customer far down a long list scrolls to their row. */
static void
test_customers_show_scrolls (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *view = child (f->section, TP_TYPE_CUSTOMERS_SECTION, "list_view");
  TpCustomerRow *row;
  graphene_rect_t bounds;
  gint64 last = 0;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %03u", i);

      last = add_customer (f, name, "", "", "", TP_STAGE_LEAD, 0);
    }
  drain ();
  WAIT_LOADED (f);
  gtk_test_widget_wait_for_draw (f->window);
  g_assert_null (row_of (f, "Customer 399"));

  g_assert_true (tp_customers_section_show_customer (f->section, last));
  gtk_test_widget_wait_for_draw (f->window);
  drain ();
  WAIT_UNTIL ((row = row_of (f, "Customer 399")) != NULL);
  gtk_test_widget_wait_for_draw (f->window);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (row), view, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (view));
}

/* Whether the header's title for @column shows the sort arrow. */
static gboolean
shows_arrow (TpCustomerHeader *header,
             TpCustomerColumn  column)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (tp_customer_header_get_button (header, column)));

  return gtk_widget_get_visible (gtk_widget_get_last_child (box));
}

static void
test_customers_sort (Fixture       *f,
                     gconstpointer  data)
{
  TpCustomerHeader *header = (TpCustomerHeader *) find_widget (GTK_WIDGET (f->section), is_of_type,
                                                                GSIZE_TO_POINTER (TP_TYPE_CUSTOMER_HEADER));
  TpCustomerList *list = tp_customers_section_get_list (f->section);
  static const struct {
    const char *ascending;
    const char *descending;
  } orders[TP_N_CUSTOMER_COLUMNS] = {
    { "Ada,Bob,Cy,Dee", "Dee,Cy,Bob,Ada" },
    { "Dee,Cy,Ada,Bob", "Bob,Ada,Cy,Dee" },
    { "Bob,Ada,Cy,Dee", "Dee,Cy,Ada,Bob" },
    { "Bob,Dee,Cy,Ada", "Ada,Cy,Dee,Bob" },
    { "Bob,Dee,Cy,Ada", "Ada,Cy,Dee,Bob" },
    { "Bob,Dee,Ada,Cy", "Cy,Ada,Dee,Bob" },
    { "Bob,Dee,Cy,Ada", "Ada,Cy,Dee,Bob" },
  };
  gint64 alpha = add_audience (f, "Alpha");
  gint64 middle = add_audience (f, "Middle");
  gint64 zeta = add_audience (f, "Zeta");
  gint64 cy = add_customer (f, "Cy", "", "", "", TP_STAGE_LEAD, alpha);
  gint64 ada = add_customer (f, "Ada", "", "", "", TP_STAGE_LEAD, middle);
  gint64 dee;

  g_assert_nonnull (header);
  add_customer (f, "Bob", "", "", "", TP_STAGE_PROSPECT, zeta);
  dee = add_customer (f, "Dee", "", "", "", TP_STAGE_LOST, 0);
  for (guint i = 0; i < 5; i++)
    add_touch (f, ada, 5 - i);
  add_touch (f, cy, 7);
  add_touch (f, cy, 6);
  add_touch (f, dee, 20);
  add_order (f, cy, 1000, 3, TP_ORDER_STATUS_FULFILLED);
  add_order (f, cy, 500, 2, TP_ORDER_STATUS_OPEN);
  add_order (f, ada, 2000, 1, TP_ORDER_STATUS_OPEN);
  drain ();

  /* The orders moved the stages: Cy is a repeat customer, Ada a customer.
   * The list starts sorted by name, from A to Z. */
  assert_shown (f, 4, "Ada,Bob,Cy,Dee");
  g_assert_true (shows_arrow (header, TP_CUSTOMER_COLUMN_NAME));

  for (guint i = 0; i < TP_N_CUSTOMER_COLUMNS; i++)
    {
      GtkWidget *button = tp_customer_header_get_button (header, i);
      g_autofree char *up = NULL;
      g_autofree char *down = NULL;

      g_test_message ("sorting by column %u", i);

      /* A new column's title sorts from first to last. */
      if (i > 0)
        {
          g_signal_emit_by_name (button, "clicked");
          drain ();
          WAIT_LOADED (f);
        }
      g_assert_cmpint (tp_customer_list_get_sort_key (list), ==, i);
      g_assert_false (tp_customer_list_get_sort_descending (list));
      up = shown_names (f, 4);
      g_assert_cmpstr (up, ==, orders[i].ascending);
      for (guint j = 0; j < TP_N_CUSTOMER_COLUMNS; j++)
        g_assert_true (shows_arrow (header, j) == (i == j));

      /* The same title again turns the order round. */
      g_signal_emit_by_name (button, "clicked");
      drain ();
      WAIT_LOADED (f);
      g_assert_true (tp_customer_list_get_sort_descending (list));
      down = shown_names (f, 4);
      g_assert_cmpstr (down, ==, orders[i].descending);
      g_assert_true (shows_arrow (header, i));

      /* A screen reader hears how the list is sorted on its title, and
       * what the others do. */
      for (guint j = 0; j < TP_N_CUSTOMER_COLUMNS; j++)
        {
          static const char * const titles[] = {
            "Name", "Audience", "Stage", "Touches", "Last Touch", "Orders", "Total Spent",
          };
          g_autofree char *sort_by = g_strdup_printf ("Sort by %s", titles[j]);
          g_autofree char *message = NULL;

          message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (tp_customer_header_get_button (header, j)),
                                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                        i == j ? "Sorted in descending order" : sort_by);
          g_assert_null (message);
        }
    }
}

static void
test_customers_selection_kept (Fixture       *f,
                               gconstpointer  data)
{
  GtkListView *view = child (f->section, TP_TYPE_CUSTOMERS_SECTION, "list_view");
  GtkSelectionModel *selection = gtk_list_view_get_model (view);
  TpCustomerHeader *header = (TpCustomerHeader *) find_widget (GTK_WIDGET (f->section), is_of_type,
                                                                GSIZE_TO_POINTER (TP_TYPE_CUSTOMER_HEADER));
  gint64 ada = add_customer (f, "Ada", "", "", "", TP_STAGE_LEAD, 0);
  gint64 bob = add_customer (f, "Bob", "", "", "", TP_STAGE_LEAD, 0);

  add_customer (f, "Cy", "", "", "", TP_STAGE_LEAD, 0);
  add_touch (f, ada, 1);
  g_assert_true (tp_customers_section_show_customer (f->section, ada));

  /* Sorted anew, Ada stays selected wherever she lands. */
  tp_customer_header_set_sort (header, TP_CUSTOMER_SORT_TOUCHES, FALSE);
  drain ();
  WAIT_LOADED (f);
  g_assert_true (gtk_selection_model_is_selected (selection, 2));
  tp_customer_header_set_sort (header, TP_CUSTOMER_SORT_TOUCHES, TRUE);
  drain ();
  WAIT_LOADED (f);
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
  g_assert_cmpint (tp_record_get_id (TP_RECORD (tp_customer_detail_get_customer (f->detail))), ==, ada);

  /* Bob's touches move him above her: she stays selected, one row down. */
  add_touch (f, bob, 3);
  add_touch (f, bob, 2);
  drain ();
  assert_shown (f, 3, "Bob,Ada,Cy");
  g_assert_true (gtk_selection_model_is_selected (selection, 1));
  g_assert_cmpint (tp_record_get_id (TP_RECORD (tp_customer_detail_get_customer (f->detail))), ==, ada);

  /* A search that hides her keeps her detail; clearing it selects her again. */
  gtk_editable_set_text (child (f->section, TP_TYPE_CUSTOMERS_SECTION, "search_entry"), "Cy");
  WAIT_UNTIL (g_strcmp0 (tp_customer_list_get_search_text (tp_customers_section_get_list (f->section)), "Cy") == 0);
  WAIT_LOADED (f);
  assert_shown (f, 3, "Cy");
  g_assert_cmpint (tp_record_get_id (TP_RECORD (tp_customer_detail_get_customer (f->detail))), ==, ada);
  tp_customers_section_clear_filters (f->section);
  WAIT_LOADED (f);
  g_assert_true (gtk_selection_model_is_selected (selection, 1));
}

/* Showing a customer whom a search hides clears the search: its rows come
 * from the list's worker a moment later, but the detail shows them at once,
 * and their row is selected when it comes. So does a new customer. */
static void
test_customers_show_hidden (Fixture       *f,
                            gconstpointer  data)
{
  GtkListView *view = child (f->section, TP_TYPE_CUSTOMERS_SECTION, "list_view");
  GtkSelectionModel *selection = gtk_list_view_get_model (view);
  TpCustomerList *list = tp_customers_section_get_list (f->section);
  GtkEditable *entry = child (f->section, TP_TYPE_CUSTOMERS_SECTION, "search_entry");
  TpCustomer *added;
  gint64 bob;

  add_customer (f, "Ada", "", "", "", TP_STAGE_LEAD, 0);
  bob = add_customer (f, "Bob", "", "", "", TP_STAGE_LEAD, 0);
  gtk_editable_set_text (entry, "Ada");
  WAIT_UNTIL (g_strcmp0 (tp_customer_list_get_search_text (list), "Ada") == 0);
  WAIT_LOADED (f);
  g_assert_cmpuint (n_shown (f), ==, 1);

  g_assert_true (tp_customers_section_show_customer (f->section, bob));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpint (tp_record_get_id (TP_RECORD (tp_customer_detail_get_customer (f->detail))), ==, bob);
  WAIT_LOADED (f);
  g_assert_true (gtk_selection_model_is_selected (selection, 1));

  /* Add Customer while a search hides everyone. */
  gtk_editable_set_text (entry, "nobody");
  WAIT_UNTIL (g_strcmp0 (tp_customer_list_get_search_text (list), "nobody") == 0);
  WAIT_LOADED (f);
  added = tp_customers_section_add_customer (f->section);
  g_assert_nonnull (added);
  g_assert_cmpstr (tp_customer_get_name (added), ==, "New Customer");
  g_assert_true (tp_customer_detail_get_customer (f->detail) == added);
  WAIT_LOADED (f);
  g_assert_true (gtk_selection_model_is_selected (selection, 2));
}

/* The bounds of the text a node tree draws, in the tree's coordinates. */
static void
collect_text_bounds (GskRenderNode *node,
                     float          dx,
                     float          dy,
                     GArray        *bounds)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_text_bounds (gsk_container_node_get_child (node, i), dx, dy, bounds);
      break;

    case GSK_TRANSFORM_NODE:
      {
        GskTransform *transform = gsk_transform_node_get_transform (node);
        float tx, ty;

        g_assert_cmpint (gsk_transform_get_category (transform), >=, GSK_TRANSFORM_CATEGORY_2D_TRANSLATE);
        gsk_transform_to_translate (transform, &tx, &ty);
        collect_text_bounds (gsk_transform_node_get_child (node), dx + tx, dy + ty, bounds);
      }
      break;

    case GSK_TEXT_NODE:
      {
        graphene_rect_t rect;

        gsk_render_node_get_bounds (node, &rect);
        rect.origin.x += dx;
        rect.origin.y += dy;
        g_array_append_val (bounds, rect);
      }
      break;

    default:
      break;
    }
}

/* The bounds of the text that @row draws in @column's cell, whose place
 * the header's title for it shares. */
static graphene_rect_t
cell_text_bounds (TpCustomerHeader *header,
                  TpCustomerRow    *row,
                  TpCustomerColumn  column,
                  graphene_rect_t  *cell)
{
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  graphene_rect_t found = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  guint n_found = 0;

  g_assert_true (gtk_widget_compute_bounds (tp_customer_header_get_button (header, column),
                                            GTK_WIDGET (row), cell));
  GTK_WIDGET_GET_CLASS (row)->snapshot (GTK_WIDGET (row), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  collect_text_bounds (node, 0, 0, bounds);

  for (guint i = 0; i < bounds->len; i++)
    {
      graphene_rect_t *rect = &g_array_index (bounds, graphene_rect_t, i);
      float middle = rect->origin.x + rect->size.width / 2;

      if (middle > cell->origin.x && middle < cell->origin.x + cell->size.width)
        {
          found = *rect;
          n_found++;
        }
    }
  g_assert_cmpuint (n_found, ==, 1);

  return found;
}

/* A name starts where the widget's direction starts, a number ends where
 * it ends, left to right and right to left alike. */
static void
test_customers_cells_rtl (Fixture       *f,
                          gconstpointer  data)
{
  TpCustomerHeader *header = (TpCustomerHeader *) find_widget (GTK_WIDGET (f->section), is_of_type,
                                                                GSIZE_TO_POINTER (TP_TYPE_CUSTOMER_HEADER));
  gint64 ada = add_customer (f, "Ada Lovelace", "", "", "", TP_STAGE_LEAD, 0);

  add_touch (f, ada, 2);
  add_touch (f, ada, 1);
  drain ();
  WAIT_LOADED (f);

  for (guint rtl = 0; rtl <= 1; rtl++)
    {
      TpCustomerRow *row;
      graphene_rect_t cell, text;

      /* As a right-to-left locale sets it at start. */
      gtk_widget_set_default_direction (rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      gtk_test_widget_wait_for_draw (f->window);
      WAIT_UNTIL ((row = row_of (f, "Ada Lovelace")) != NULL);

      text = cell_text_bounds (header, row, TP_CUSTOMER_COLUMN_NAME, &cell);
      if (rtl)
        g_assert_cmpfloat_with_epsilon (text.origin.x + text.size.width,
                                        cell.origin.x + cell.size.width - TP_CUSTOMER_CELL_PADDING, 2.5);
      else
        g_assert_cmpfloat_with_epsilon (text.origin.x, cell.origin.x + TP_CUSTOMER_CELL_PADDING, 2.5);

      text = cell_text_bounds (header, row, TP_CUSTOMER_COLUMN_TOUCHES, &cell);
      if (rtl)
        g_assert_cmpfloat_with_epsilon (text.origin.x, cell.origin.x + TP_CUSTOMER_CELL_PADDING, 2.5);
      else
        g_assert_cmpfloat_with_epsilon (text.origin.x + text.size.width,
                                        cell.origin.x + cell.size.width - TP_CUSTOMER_CELL_PADDING, 2.5);
    }
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

typedef struct
{
  Fixture *f;
  guint    n_partial;
} FirstRowsSeen;

static void
first_rows_seen_cb (TpCustomerList *list,
                    GParamSpec     *pspec,
                    FirstRowsSeen  *seen)
{
  TpCustomersSection *section = seen->f->section;
  GtkLabel *count = child (section, TP_TYPE_CUSTOMERS_SECTION, "count_label");
  GtkWidget *spinner = child (section, TP_TYPE_CUSTOMERS_SECTION, "loading_spinner");

  if (!tp_customer_list_get_partial (list))
    return;

  /* The first rows show, the spinner turns, and no count is made up. */
  seen->n_partial++;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  assert_shown (seen->f, 3, "Ann 01,Ann 02,Ann 03");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (count)));
  g_assert_true (gtk_widget_get_visible (spinner));
}

/* A long search shows its first rows before the rest: the count waits for
 * the rest, and a customer selected further down is selected again when
 * their row comes. */
static void
test_customers_first_rows (Fixture       *f,
                           gconstpointer  data)
{
  GtkListView *view = child (f->section, TP_TYPE_CUSTOMERS_SECTION, "list_view");
  GtkSelectionModel *selection = gtk_list_view_get_model (view);
  GtkLabel *count = child (f->section, TP_TYPE_CUSTOMERS_SECTION, "count_label");
  TpCustomerList *list = tp_customers_section_get_list (f->section);
  FirstRowsSeen seen = { f, 0 };
  gint64 ann10 = 0;

  add_customer (f, "Bob", "", "", "", TP_STAGE_LEAD, 0);
  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Ann %02u", i);
      gint64 id = add_customer (f, name, "", "", "", TP_STAGE_LEAD, 0);

      if (i == 10)
        ann10 = id;
    }
  drain ();
  g_assert_true (tp_customers_section_show_customer (f->section, ann10));
  g_assert_true (gtk_selection_model_is_selected (selection, 9));

  _tp_customer_list_set_first_rows (list, 3);
  g_signal_connect (list, "notify::partial", G_CALLBACK (first_rows_seen_cb), &seen);
  gtk_editable_set_text (child (f->section, TP_TYPE_CUSTOMERS_SECTION, "search_entry"), "ann");
  WAIT_UNTIL (g_strcmp0 (tp_customer_list_get_search_text (list), "ann") == 0);
  WAIT_LOADED (f);
  g_signal_handlers_disconnect_by_func (list, first_rows_seen_cb, &seen);

  g_assert_cmpuint (seen.n_partial, ==, 1);
  g_assert_cmpstr (gtk_label_get_label (count), ==, "12 customers");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (count)));
  g_assert_true (gtk_selection_model_is_selected (selection, 9));
  g_assert_cmpint (tp_record_get_id (TP_RECORD (tp_customer_detail_get_customer (f->detail))), ==, ann10);
}

/* Touches */

/* Whether a window of @type is open. */
static gboolean
window_open (GType type)
{
  GList *list = gtk_window_list_toplevels ();
  gboolean found = FALSE;

  for (GList *l = list; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = TRUE;
  g_list_free (list);

  return found;
}

static TpLogTouchDialog *
open_log_touch (Fixture *f)
{
  TpLogTouchDialog *dialog = NULL;
  GList *list;

  /* Ctrl+T's action, from the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->section), "customers.log-touch", NULL));
  drain ();

  list = gtk_window_list_toplevels ();
  for (GList *l = list; l != NULL; l = l->next)
    if (TP_IS_LOG_TOUCH_DIALOG (l->data))
      dialog = l->data;
  g_list_free (list);

  g_assert_nonnull (dialog);
  return dialog;
}

/* The channel logged last is offered first, also after a restart: it is
 * kept in the settings, not in the process. */
static void
test_touches_last_channel (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  gint64 ada = add_customer (f, "Ada", "", "", "", TP_STAGE_LEAD, 0);
  TpLogTouchDialog *dialog;
  g_autofree char *last = NULL;

  g_settings_set_string (settings, "last-channel", "meeting");
  g_assert_true (tp_customers_section_show_customer (f->section, ada));
  dialog = open_log_touch (f);
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "channel_row")),
                    ==, TP_CHANNEL_MEETING);

  adw_combo_row_set_selected (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "channel_row"), TP_CHANNEL_EVENT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "touch.save", NULL));
  WAIT_UNTIL (!window_open (TP_TYPE_LOG_TOUCH_DIALOG));
  last = g_settings_get_string (settings, "last-channel");
  g_assert_cmpstr (last, ==, "event");

  g_settings_reset (settings, "last-channel");
}

static void
test_touches_log (Fixture       *f,
                  gconstpointer  data)
{
  GtkLabel *band = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "band_label");
  GtkListBox *timeline = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "touches_list");
  gint64 ada = add_customer (f, "Ada", "", "", "", TP_STAGE_LEAD, 0);
  TpLogTouchDialog *dialog;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) past = g_date_time_add_days (now, -2);
  g_autoptr(GDateTime) ahead = g_date_time_add_days (now, 3);
  g_autofree char *past_text = _tp_format_entry_time (past);
  g_autofree char *ahead_text = _tp_format_entry_time (ahead);
  g_autoptr(GDateTime) default_time = NULL;
  g_autofree char *text = NULL;
  GtkListBoxRow *row;
  gint64 planned;

  g_assert_true (tp_customers_section_show_customer (f->section, ada));
  g_assert_cmpstr (gtk_label_get_label (band), ==, "0 touches — under 5–12");

  /* The time defaults to now; a past one logs a done touch. Enter saves. */
  dialog = open_log_touch (f);
  g_assert_true (tp_log_touch_dialog_get_customer (dialog) == tp_customer_detail_get_customer (f->detail));
  default_time = _tp_parse_entry_time (gtk_editable_get_text (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "when_row")), NULL);
  g_assert_nonnull (default_time);
  g_assert_cmpint (ABS (g_date_time_difference (now, default_time)), <, 2 * G_TIME_SPAN_MINUTE);
  adw_combo_row_set_selected (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "channel_row"), TP_CHANNEL_CALL);
  gtk_editable_set_text (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "when_row"), past_text);
  gtk_editable_set_text (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "note_row"), "Called about the order");
  press_enter (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "note_row"));
  WAIT_UNTIL (!window_open (TP_TYPE_LOG_TOUCH_DIALOG));

  text = sql_text (f, "SELECT channel || '|' || direction || '|' || note || '|' || done FROM touches", 0);
  g_assert_cmpstr (text, ==, "call|outbound|Called about the order|1");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (sql_int (f, "SELECT touch_count FROM customers WHERE id = ?", ada), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (band), ==, "1 touch — under 5–12");
  g_assert_true (toast_says (f, "Touch with Ada logged"));
  row = gtk_list_box_get_row_at_index (timeline, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Call");

  /* A time ahead makes it a planned touch: not counted, shown first. */
  dialog = open_log_touch (f);
  gtk_editable_set_text (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "when_row"), ahead_text);
  g_assert_true (gtk_widget_get_visible (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "planned_label")));
  g_assert_cmpstr (gtk_button_get_label (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "save_button")), ==, "_Plan");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "touch.save", NULL));
  drain ();
  g_assert_false (window_open (TP_TYPE_LOG_TOUCH_DIALOG));

  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM touches WHERE done = 0", 0), ==, 1);
  planned = sql_int (f, "SELECT id FROM touches WHERE done = 0", 0);
  g_assert_cmpint (sql_int (f, "SELECT touch_count FROM customers WHERE id = ?", ada), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (band), ==, "1 touch — under 5–12");
  row = gtk_list_box_get_row_at_index (timeline, 0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "tp-planned"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Planned for"));
  g_assert_nonnull (find_widget (GTK_WIDGET (row), is_button_labelled, "Mark _Done"));

  /* Mark Done: it happened now, and counts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "touch.mark-done", "x", planned));
  drain ();
  g_assert_cmpint (sql_int (f, "SELECT done FROM touches WHERE id = ?", planned), ==, 1);
  text = sql_text (f, "SELECT happened_at FROM touches WHERE id = ?", planned);
  g_assert_false (_tp_is_future (text));
  g_assert_cmpint (sql_int (f, "SELECT touch_count FROM customers WHERE id = ?", ada), ==, 2);
  g_assert_cmpstr (gtk_label_get_label (band), ==, "2 touches — under 5–12");
  row = gtk_list_box_get_row_at_index (timeline, 0);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "tp-planned"));

  /* A date that is not one is refused inline, and nothing is stored. */
  dialog = open_log_touch (f);
  gtk_editable_set_text (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "when_row"), "next Tuesday");
  g_assert_false (tp_log_touch_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "error_label")));
  g_assert_nonnull (strstr (gtk_label_get_label (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "error_label")),
                            "is not a date"));
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM touches", 0), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Deleting a touch has its undo too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (gtk_list_box_get_row_at_index (timeline, 0)),
                                             "touch.delete", "x", planned));
  drain ();
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM touches", 0), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (band), ==, "1 touch — under 5–12");
  click_undo (f);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM touches", 0), ==, 2);
  g_assert_cmpstr (gtk_label_get_label (band), ==, "2 touches — under 5–12");
}

/* The Log Touch dialog offers the places of the chosen tactic's audience,
 * and the touch keeps the one picked. */
static void
test_touches_log_place (Fixture       *f,
                        gconstpointer  data)
{
  gint64 owners = add_audience (f, "Dog owners");
  gint64 ada = add_customer (f, "Ada", "", "", "", TP_STAGE_LEAD, 0);
  g_autoptr(TpTactic) tactic = tp_tactic_new ();
  g_autoptr(TpPlace) forum = tp_place_new ();
  g_autoptr(TpPlace) market = tp_place_new ();
  g_autoptr(GError) error = NULL;
  GtkListBox *timeline = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "touches_list");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) ahead = g_date_time_add_days (now, 3);
  g_autofree char *ahead_text = _tp_format_entry_time (ahead);
  TpLogTouchDialog *dialog;
  AdwComboRow *place_row;
  GListModel *names;
  GtkListBoxRow *row;
  gint64 planned;

  tp_place_set_audience_id (forum, owners);
  tp_place_set_name (forum, "Dog forum");
  g_assert_true (tp_store_add_place (f->store, forum, &error));
  tp_place_set_audience_id (market, owners);
  tp_place_set_name (market, "Farmers market");
  g_assert_true (tp_store_add_place (f->store, market, &error));
  tp_tactic_set_name (tactic, "Market stall");
  tp_tactic_set_channel (tactic, TP_CHANNEL_EVENT);
  tp_tactic_set_audience_id (tactic, owners);
  g_assert_true (tp_store_add_tactic (f->store, tactic, &error));
  g_assert_no_error (error);

  g_assert_true (tp_customers_section_show_customer (f->section, ada));
  dialog = open_log_touch (f);
  place_row = child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "place_row");

  /* Ada has no audience: without a tactic there is no place to pick. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (place_row)));

  adw_combo_row_set_selected (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "tactic_row"), 1);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (place_row)));
  names = adw_combo_row_get_model (place_row);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "None");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, "Dog forum");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 2), ==, "Farmers market");
  adw_combo_row_set_selected (place_row, 2);
  adw_combo_row_set_selected (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "channel_row"), TP_CHANNEL_EVENT);
  g_assert_true (tp_log_touch_dialog_save (dialog));
  drain ();

  /* Ada came through that tactic, place and channel */
  g_assert_cmpstr (adw_action_row_get_subtitle (child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "source_row")),
                   ==, "First touch: Market stall, at Farmers market (Event)");

  g_assert_cmpint (sql_int (f, "SELECT place_id FROM touches", 0), ==, tp_record_get_id (TP_RECORD (market)));
  g_assert_cmpint (sql_int (f, "SELECT tactic_id FROM touches", 0), ==, tp_record_get_id (TP_RECORD (tactic)));

  /* A planned touch marked done keeps its tactic and place. */
  dialog = open_log_touch (f);
  gtk_editable_set_text (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "when_row"), ahead_text);
  adw_combo_row_set_selected (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "tactic_row"), 1);
  adw_combo_row_set_selected (child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "place_row"), 1);
  g_assert_true (tp_log_touch_dialog_save (dialog));
  drain ();
  planned = sql_int (f, "SELECT id FROM touches WHERE done = 0", 0);
  g_assert_cmpint (sql_int (f, "SELECT place_id FROM touches WHERE id = ?", planned), ==,
                   tp_record_get_id (TP_RECORD (forum)));

  row = gtk_list_box_get_row_at_index (timeline, 0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "tp-planned"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "touch.mark-done", "x", planned));
  drain ();
  g_assert_cmpint (sql_int (f, "SELECT done FROM touches WHERE id = ?", planned), ==, 1);
  g_assert_cmpint (sql_int (f, "SELECT place_id FROM touches WHERE id = ?", planned), ==,
                   tp_record_get_id (TP_RECORD (forum)));
  g_assert_cmpint (sql_int (f, "SELECT tactic_id FROM touches WHERE id = ?", planned), ==,
                   tp_record_get_id (TP_RECORD (tactic)));
}

static TpOrderDialog *find_order_dialog (void);

/* Picks @day in the calendar beside @row, as a click on it would. */
static void
pick_day (AdwEntryRow *row,
          int          year,
          int          month,
          int          day)
{
  GtkWidget *button = find_widget (GTK_WIDGET (row), is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 0, 0, 0);
  GtkPopover *popover;
  GtkCalendar *calendar;

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Choose a Day");
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  drain ();
  calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  gtk_calendar_select_day (calendar, date);
  drain ();
}

static void
test_dates_calendar (Fixture       *f,
                     gconstpointer  data)
{
  gint64 ada = add_customer (f, "Ada", "", "", "", TP_STAGE_LEAD, 0);
  TpLogTouchDialog *dialog;
  TpOrderDialog *order;
  AdwEntryRow *row;

  g_assert_true (tp_customers_section_show_customer (f->section, ada));

  /* Log Touch: a day picked keeps the time typed; typing still works. */
  dialog = open_log_touch (f);
  row = child (dialog, TP_TYPE_LOG_TOUCH_DIALOG, "when_row");
  gtk_editable_set_text (GTK_EDITABLE (row), "2026-03-02 09:15");
  pick_day (row, 2026, 2, 14);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-02-14 09:15");
  g_assert_true (tp_log_touch_dialog_save (dialog));
  drain ();
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM touches WHERE happened_at LIKE '2026-02-14T09:15%'", 0),
                   ==, 1);

  /* Add Order: the order's date and the fulfilled one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->detail), "customer.add-order", NULL));
  drain ();
  order = find_order_dialog ();
  row = child (order, TP_TYPE_ORDER_DIALOG, "date_row");
  gtk_editable_set_text (GTK_EDITABLE (row), "2026-03-02 16:40");
  pick_day (row, 2026, 1, 31);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-01-31 16:40");
  row = child (order, TP_TYPE_ORDER_DIALOG, "fulfilled_row");
  g_assert_nonnull (find_widget (GTK_WIDGET (row), is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON)));
  gtk_window_destroy (GTK_WINDOW (order));
  drain ();
}

static void
test_touches_toasts (Fixture       *f,
                     gconstpointer  data)
{
  gint64 jo = add_customer (f, "Jo Walker", "", "", "", TP_STAGE_LEAD, 0);
  gint64 quiet_since;

  g_assert_true (tp_customers_section_show_customer (f->section, jo));

  /* Six touches logged in a row say so in one toast, not six queued. */
  for (guint i = 0; i < 6; i++)
    {
      TpLogTouchDialog *dialog = open_log_touch (f);

      g_assert_true (tp_log_touch_dialog_save (dialog));
      drain ();
      /* No one logs the next touch within a toast's first frames. */
      wait_ms (100);
    }
  g_assert_cmpint (sql_int (f, "SELECT touch_count FROM customers WHERE id = ?", jo), ==, 6);
  WAIT_UNTIL (toast_says (f, "6 touches with Jo Walker logged"));
  g_assert_false (toast_says (f, "Touch with Jo Walker logged"));
  g_assert_false (toast_says (f, "5 touches with Jo Walker logged"));

  /* It times out, and none waits behind it. */
  quiet_since = 0;
  for (gint64 end = g_get_monotonic_time () + 12 * G_USEC_PER_SEC;
       g_get_monotonic_time () < end && (quiet_since == 0 || g_get_monotonic_time () - quiet_since < 2 * G_USEC_PER_SEC);
       wait_ms (50))
    {
      if (toast_says (f, "with Jo Walker logged"))
        quiet_since = 0;
      else if (quiet_since == 0)
        quiet_since = g_get_monotonic_time ();
    }
  g_assert_cmpint (quiet_since, !=, 0);
  g_assert_false (toast_says (f, "with Jo Walker logged"));
}

/* The number of rows of @list */
static guint
count_rows (GtkListBox *list)
{
  guint rows = 0;

  while (gtk_list_box_get_row_at_index (list, rows) != NULL)
    rows++;

  return rows;
}

/* One person's file names nobody in the timeline and offers no filter;
 * once a second person logs touches, each row says who, and the filter
 * shows one person's touches alone. */
static void
test_touches_people (Fixture       *f,
                     gconstpointer  data)
{
  GtkListBox *timeline = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "touches_list");
  GtkDropDown *people = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "person_dropdown");
  gint64 ada = add_customer (f, "Ada", "", "", "", TP_STAGE_LEAD, 0);
  g_autofree char *me = g_strdup (tp_store_get_person (f->store));
  g_autofree char *by_zoe = NULL;
  AdwActionRow *row;

  add_touch (f, ada, 3);
  add_touch (f, ada, 2);
  g_assert_true (tp_customers_section_show_customer (f->section, ada));
  drain ();
  g_assert_cmpuint (count_rows (timeline), ==, 2);
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (timeline, 0));
  g_assert_null (strstr (adw_action_row_get_subtitle (row), me));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (people)));
  g_assert_cmpstr (adw_action_row_get_subtitle (child (f->detail, TP_TYPE_CUSTOMER_DETAIL,
                                                       "stage_row")), ==, "");

  tp_store_set_person (f->store, "Zoe Zimmer");
  add_touch (f, ada, 1);
  drain ();
  g_assert_cmpuint (count_rows (timeline), ==, 3);
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (timeline, 0));
  by_zoe = g_strdup_printf ("by %s", "Zoe Zimmer");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), by_zoe));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (people)));

  /* Zoe sets the stage: it says so */
  g_assert_true (tp_store_set_customer_stage (f->store, ada, TP_STAGE_PROSPECT, NULL));
  drain ();
  g_assert_cmpstr (adw_action_row_get_subtitle (child (f->detail, TP_TYPE_CUSTOMER_DETAIL,
                                                       "stage_row")), ==, "Set by Zoe Zimmer");

  /* Zoe's touches alone ("Everyone", then by name) */
  gtk_drop_down_set_selected (people, g_strcmp0 (me, "Zoe Zimmer") < 0 ? 2 : 1);
  drain ();
  g_assert_cmpuint (count_rows (timeline), ==, 1);
  gtk_drop_down_set_selected (people, 0);
  drain ();
  g_assert_cmpuint (count_rows (timeline), ==, 3);
}

static void
test_touches_band (Fixture       *f,
                   gconstpointer  data)
{
  GtkLabel *band = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "band_label");
  GtkListBox *timeline = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "touches_list");
  GtkWidget *more = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "more_touches_button");
  gint64 ada = add_customer (f, "Ada", "", "", "", TP_STAGE_LEAD, 0);
  g_autoptr(GError) error = NULL;
  GtkWidget *first;
  guint rows = 0;

  for (guint i = 0; i < 7; i++)
    add_touch (f, ada, 30 - i);
  g_assert_true (tp_customers_section_show_customer (f->section, ada));
  g_assert_cmpstr (gtk_label_get_label (band), ==, "7 touches — inside 5–12");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (band), "tp-band-inside"));

  /* The band comes from the database's settings. */
  g_assert_true (tp_store_set_band (f->store, 3, 6, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_cmpstr (gtk_label_get_label (band), ==, "7 touches — over 3–6");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (band), "tp-band-over"));

  /* A long timeline shows a page of rows and a button for more. */
  for (guint i = 0; i < 30; i++)
    add_touch (f, ada, 60 + i);
  drain ();
  g_assert_cmpstr (gtk_label_get_label (band), ==, "37 touches — over 3–6");
  while (gtk_list_box_get_row_at_index (timeline, rows) != NULL)
    rows++;
  g_assert_cmpuint (rows, ==, 10);

  /* A new touch builds its own row at the top and keeps the others. */
  first = GTK_WIDGET (gtk_list_box_get_row_at_index (timeline, 0));
  add_touch (f, ada, 0);
  drain ();
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (timeline, 1)) == first);
  g_assert_nonnull (gtk_list_box_get_row_at_index (timeline, 9));
  g_assert_null (gtk_list_box_get_row_at_index (timeline, 10));

  for (guint clicks = 0; clicks < 3; clicks++)
    {
      g_assert_true (gtk_widget_get_visible (more));
      g_signal_emit_by_name (more, "clicked");
      drain ();
    }
  rows = 0;
  while (gtk_list_box_get_row_at_index (timeline, rows) != NULL)
    rows++;
  g_assert_cmpuint (rows, ==, 38);
  g_assert_false (gtk_widget_get_visible (more));
}

/* Orders */

static TpOrderDialog *
find_order_dialog (void)
{
  TpOrderDialog *dialog = NULL;
  GList *list = gtk_window_list_toplevels ();

  for (GList *l = list; l != NULL; l = l->next)
    if (TP_IS_ORDER_DIALOG (l->data))
      dialog = l->data;
  g_list_free (list);

  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_orders_change_stage (Fixture       *f,
                          gconstpointer  data)
{
  GtkLabel *stage = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "stage_label");
  AdwComboRow *stage_row = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "stage_row");
  GtkListBox *orders = child (f->detail, TP_TYPE_CUSTOMER_DETAIL, "orders_list");
  gint64 ada = add_customer (f, "Ada", "", "", "", TP_STAGE_LEAD, 0);
  TpOrderDialog *dialog;
  g_autofree char *text = NULL;

  g_assert_true (tp_customers_section_show_customer (f->section, ada));
  g_assert_cmpstr (gtk_label_get_label (stage), ==, "Lead");

  /* A negative amount is refused with a message, and nothing stored. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->detail), "customer.add-order", NULL));
  dialog = find_order_dialog ();
  g_assert_true (tp_order_dialog_get_customer (dialog) == tp_customer_detail_get_customer (f->detail));
  gtk_editable_set_text (child (dialog, TP_TYPE_ORDER_DIALOG, "item_row"), "Gift box");
  gtk_editable_set_text (child (dialog, TP_TYPE_ORDER_DIALOG, "amount_row"), "-3");
  g_assert_true (gtk_widget_has_css_class (child (dialog, TP_TYPE_ORDER_DIALOG, "amount_row"), "error"));
  g_assert_false (tp_order_dialog_save (dialog));
  g_assert_nonnull (strstr (gtk_label_get_label (child (dialog, TP_TYPE_ORDER_DIALOG, "error_label")),
                            "cannot be negative"));
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM orders", 0), ==, 0);

  /* The first order, typed with a decimal comma, makes a lead a customer. */
  gtk_editable_set_text (child (dialog, TP_TYPE_ORDER_DIALOG, "amount_row"), "12,50");
  press_enter (child (dialog, TP_TYPE_ORDER_DIALOG, "amount_row"));
  WAIT_UNTIL (!window_open (TP_TYPE_ORDER_DIALOG));
  text = sql_text (f, "SELECT item || '|' || amount_minor || '|' || currency || '|' || status FROM orders", 0);
  g_assert_cmpstr (text, ==, "Gift box|1250|EUR|open");
  g_clear_pointer (&text, g_free);
  text = sql_text (f, "SELECT stage FROM customers WHERE id = ?", ada);
  g_assert_cmpstr (text, ==, "customer");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (gtk_label_get_label (stage), ==, "Customer");
  g_assert_cmpuint (adw_combo_row_get_selected (stage_row), ==, TP_STAGE_CUSTOMER);
  g_assert_true (toast_says (f, "Ada moved from Lead to Customer"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (orders, 0));

  /* A second, fulfilled, makes them a repeat customer. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->detail), "customer.add-order", NULL));
  dialog = find_order_dialog ();
  gtk_editable_set_text (child (dialog, TP_TYPE_ORDER_DIALOG, "item_row"), "Treat tin");
  gtk_editable_set_text (child (dialog, TP_TYPE_ORDER_DIALOG, "amount_row"), "1.234,05");
  adw_combo_row_set_selected (child (dialog, TP_TYPE_ORDER_DIALOG, "status_row"), TP_ORDER_STATUS_FULFILLED);
  g_assert_true (gtk_widget_get_visible (child (dialog, TP_TYPE_ORDER_DIALOG, "fulfilled_row")));
  g_assert_true (tp_order_dialog_save (dialog));
  drain ();
  g_assert_cmpint (sql_int (f, "SELECT amount_minor FROM orders WHERE item = 'Treat tin'", 0), ==, 123405);
  g_assert_cmpint (sql_int (f, "SELECT fulfilled_at IS NOT NULL FROM orders WHERE item = 'Treat tin'", 0), ==, 1);
  text = sql_text (f, "SELECT stage FROM customers WHERE id = ?", ada);
  g_assert_cmpstr (text, ==, "repeat");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (gtk_label_get_label (stage), ==, "Repeat");
  g_assert_true (toast_says (f, "Ada moved from Customer to Repeat"));
  g_assert_cmpint (sql_int (f, "SELECT total_spent_minor FROM customers WHERE id = ?", ada), ==, 124655);

  /* The owner can override the stage. */
  adw_combo_row_set_selected (stage_row, TP_STAGE_LOST);
  text = sql_text (f, "SELECT stage FROM customers WHERE id = ?", ada);
  g_assert_cmpstr (text, ==, "lost");
}

static void
test_orders_section (Fixture       *f,
                     gconstpointer  data)
{
  GtkStack *stack = child (f->orders, TP_TYPE_ORDERS_SECTION, "stack");
  GListModel *shown = tp_orders_section_get_orders (f->orders);
  gint64 ada = add_customer (f, "Ada Lovelace", "", "", "", TP_STAGE_LEAD, 0);
  TpOrderDialog *dialog;
  gint64 old;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  add_order (f, ada, 1000, 0, TP_ORDER_STATUS_OPEN);
  add_order (f, ada, 250, 0, TP_ORDER_STATUS_FULFILLED);
  add_order (f, ada, 999, 0, TP_ORDER_STATUS_CANCELLED);
  old = add_order (f, ada, 5000, 400, TP_ORDER_STATUS_FULFILLED);
  drain ();

  /* This month: three orders; the cancelled one adds nothing. */
  g_assert_cmpint (tp_orders_section_get_period (f->orders), ==, TP_ORDERS_PERIOD_THIS_MONTH);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  g_assert_cmpstr (tp_orders_section_get_totals (f->orders), ==, "3 orders · 12.50 EUR · 1 open");

  tp_orders_section_set_period (f->orders, TP_ORDERS_PERIOD_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
  g_assert_cmpstr (tp_orders_section_get_totals (f->orders), ==, "4 orders · 62.50 EUR · 1 open");

  tp_orders_section_set_period (f->orders, TP_ORDERS_PERIOD_THIS_YEAR);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  /* A new order from this section: type a name, Enter picks the match. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->orders), "order.add", NULL));
  dialog = find_order_dialog ();
  g_assert_null (tp_order_dialog_get_customer (dialog));
  g_assert_false (tp_order_dialog_save (dialog));
  g_assert_nonnull (strstr (gtk_label_get_label (child (dialog, TP_TYPE_ORDER_DIALOG, "error_label")),
                            "Choose the customer"));
  gtk_editable_set_text (child (dialog, TP_TYPE_ORDER_DIALOG, "customer_entry"), "lovel");
  g_assert_true (gtk_widget_get_visible (child (dialog, TP_TYPE_ORDER_DIALOG, "matches_group")));
  press_enter (child (dialog, TP_TYPE_ORDER_DIALOG, "customer_entry"));
  g_assert_nonnull (tp_order_dialog_get_customer (dialog));
  g_assert_cmpint (tp_record_get_id (TP_RECORD (tp_order_dialog_get_customer (dialog))), ==, ada);
  gtk_editable_set_text (child (dialog, TP_TYPE_ORDER_DIALOG, "item_row"), "Collar");
  gtk_editable_set_text (child (dialog, TP_TYPE_ORDER_DIALOG, "amount_row"), "20");
  g_assert_true (tp_order_dialog_save (dialog));
  drain ();
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM orders WHERE item = 'Collar' AND amount_minor = 2000", 0), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
  g_assert_cmpstr (tp_orders_section_get_totals (f->orders), ==, "4 orders · 32.50 EUR · 2 open");

  /* Deleting an order from the list, and undoing it. */
  tp_orders_section_set_period (f->orders, TP_ORDERS_PERIOD_ALL);
  gtk_widget_grab_focus (child (f->orders, TP_TYPE_ORDERS_SECTION, "column_view"));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_column_view_get_model (child (f->orders, TP_TYPE_ORDERS_SECTION, "column_view"))),
                                   4, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->orders), "order.delete", NULL));
  drain ();
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM orders WHERE id = ?", old), ==, 0);
  g_assert_cmpstr (tp_orders_section_get_totals (f->orders), ==, "4 orders · 32.50 EUR · 2 open");
  click_undo (f);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM orders WHERE id = ?", old), ==, 1);
  g_assert_cmpstr (tp_orders_section_get_totals (f->orders), ==, "5 orders · 82.50 EUR · 2 open");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) style = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The application's style, as AdwApplication loads it. */
  style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style, "/io/github/touchpoint/Touchpoint/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func, data) \
  g_test_add ("/touchpoint/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/touchpoint/sales/parse-money", test_parse_money);
  g_test_add_func ("/touchpoint/sales/format-money", test_format_money);
  g_test_add_func ("/touchpoint/sales/parse-time", test_parse_time);
  g_test_add_func ("/touchpoint/sales/band-text", test_band_text);
  g_test_add_func ("/touchpoint/customers/columns-fit", test_columns_fit);
  g_test_add_func ("/touchpoint/customers/reset-list-model", test_reset_list_model);
  g_test_add_func ("/touchpoint/customers/columns-place-rtl", test_columns_place_rtl);
  ADD ("customers/empty", test_customers_empty, NULL);
  ADD ("customers/add-edit-delete", test_customers_add_edit_delete, NULL);
  ADD ("customers/primary-audience", test_customers_primary_audience, NULL);
  ADD ("customers/delete-key", test_customers_delete_key, NULL);
  ADD ("customers/search", test_customers_search, NULL);
  ADD ("customers/filters", test_customers_filters, NULL);
  ADD ("customers/sort", test_customers_sort, NULL);
  ADD ("customers/rows", test_customers_rows, NULL);
  ADD ("customers/show-scrolls", test_customers_show_scrolls, NULL);
  ADD ("customers/selection-kept", test_customers_selection_kept, NULL);
  ADD ("customers/first-rows", test_customers_first_rows, NULL);
  ADD ("customers/show-hidden", test_customers_show_hidden, NULL);
  ADD ("customers/cells-rtl", test_customers_cells_rtl, NULL);
  ADD ("touches/log", test_touches_log, NULL);
  ADD ("touches/last-channel", test_touches_last_channel, NULL);
  ADD ("touches/log-place", test_touches_log_place, NULL);
  ADD ("touches/toasts", test_touches_toasts, NULL);
  ADD ("dates/calendar", test_dates_calendar, NULL);
  ADD ("touches/band", test_touches_band, NULL);
  ADD ("touches/people", test_touches_people, NULL);
  ADD ("orders/change-stage", test_orders_change_stage, NULL);
  ADD ("orders/section", test_orders_section, "orders");

#undef ADD

  return g_test_run ();
}
