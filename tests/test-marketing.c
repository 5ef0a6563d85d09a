/* test-marketing.c
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

#define G_LOG_DOMAIN "test-marketing"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "tp-application.h"
#include "tp-audiences-section.h"
#include "tp-brand-section.h"
#include "tp-competitors-section.h"
#include "tp-form.h"
#include "tp-marketing-page.h"
#include "tp-place-row.h"
#include "tp-plan-section.h"
#include "tp-results-section.h"
#include "tp-tactic-row.h"
#include "tp-tactics-section.h"
#include "tp-text-area.h"
#include "tp-text-chips.h"
#include "tp-window-private.h"

/* One application for the whole program, as in the real app; each test
 * opens its own window on its own database file, and checks what the
 * owner sees and what the file holds (through a second connection). */
static TpApplication *app;

typedef struct
{
  char            *dir;
  char            *path;
  TpWindow        *window;
  TpMarketingPage *page;
  TpStore         *store;
  TpDatabase      *check;  /* a connection of its own, to read the file */
} Fixture;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Lets the window show a frame or two: a field that just appeared takes
 * the focus once it is shown. */
static void
settle (Fixture *f)
{
  for (guint i = 0; i < 2; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      drain ();
    }
}

/* Waits, a frame at a time, until the focus is in @within (a field that
 * just appeared takes the focus once it is shown), and returns it. */
static GtkWidget *
wait_for_focus (Fixture   *f,
                GtkWidget *within)
{
  gint64 end = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;

  while (g_get_monotonic_time () < end)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

      if (focus != NULL && (focus == within || gtk_widget_is_ancestor (focus, within)))
        return focus;

      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      drain ();
    }

  return NULL;
}

/* Runs the main loop for a while: long enough for typing to be saved. */
static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("touchpoint-marketing-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "touchpoint.db", NULL);

  tp_application_set_database_path (app, f->path);
  f->window = tp_window_new (app);
  if (data != NULL)
    gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  drain ();

  f->page = f->window->marketing_page;
  f->store = tp_window_get_store (f->window);
  g_assert_nonnull (f->store);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "marketing");

  f->check = tp_database_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->check);
  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();

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

/* What the file holds */

static char *
db_text (Fixture    *f,
         const char *sql,
         gint64      arg)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt = tp_database_prepare (f->check, sql, &error);
  char *text = NULL;

  g_assert_no_error (error);
  if (strstr (sql, "?1") != NULL)
    tp_statement_bind_int64 (stmt, 1, arg);
  if (tp_statement_step (stmt, &error))
    text = g_strdup (tp_statement_get_text (stmt, 0));
  g_assert_no_error (error);
  tp_statement_reset (stmt);

  return text;
}

static gint64
db_int (Fixture    *f,
        const char *sql,
        gint64      arg)
{
  g_autofree char *text = db_text (f, sql, arg);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

/* Finding widgets as a person would: by what they say */

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *title)
{
  if (!gtk_widget_get_visible (root))
    return NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *text = NULL;

      if (title == NULL)
        return root;
      if (ADW_IS_PREFERENCES_ROW (root))
        text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      else if (TP_IS_TEXT_AREA (root))
        text = tp_text_area_get_title (TP_TEXT_AREA (root));
      else if (GTK_IS_BUTTON (root))
        text = gtk_button_get_label (GTK_BUTTON (root));
      else if (GTK_IS_LABEL (root))
        text = gtk_label_get_label (GTK_LABEL (root));

      if (g_strcmp0 (text, title) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
section (Fixture    *f,
         const char *name)
{
  AdwViewStack *stack = tp_marketing_page_get_stack (f->page);

  adw_view_stack_set_visible_child_name (stack, name);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  drain ();

  return adw_view_stack_get_child_by_name (stack, name);
}

static void
type_into (GtkWidget  *root,
           GType       type,
           const char *title,
           const char *text)
{
  GtkWidget *field = find_widget (root, type, title);

  g_assert_nonnull (field);
  if (TP_IS_TEXT_AREA (field))
    tp_text_area_set_text (TP_TEXT_AREA (field), text);
  else
    gtk_editable_set_text (GTK_EDITABLE (field), text);
}

/* Presses the Undo button of the newest toast (an older one may still be
 * on its way out). */
static gboolean
set_true_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;

  return G_SOURCE_REMOVE;
}

static void
press_undo (Fixture *f)
{
  GtkWidget *button = NULL;
  gboolean waited = FALSE;

  /* On libadwaita 1.2 the newest toast replaces one that came less than
   * 600 ms before it only then (see _tp_toast_show_kind()); nobody
   * clicks faster than that either. */
  g_timeout_add (700, set_true_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  drain ();
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->window->toast_overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, GTK_TYPE_BUTTON, "_Undo");

      if (found != NULL)
        button = found;
    }
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  drain ();
}

static guint
n_items (GListModel *model)
{
  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

/* Audiences */

static void
test_audiences_create_edit (Fixture       *f,
                            gconstpointer  data)
{
  TpAudiencesSection *audiences = TP_AUDIENCES_SECTION (section (f, "audiences"));
  TpListPane *list = tp_list_section_get_list_pane (TP_LIST_SECTION (audiences));
  GtkWidget *editor = GTK_WIDGET (tp_audiences_section_get_editor (audiences));
  GtkWidget *focus, *row, *primary, *error_label;
  g_autofree char *name = NULL;
  gint64 first, second;

  /* An empty section explains itself and offers to add the first one. */
  g_assert_nonnull (find_widget (GTK_WIDGET (audiences), ADW_TYPE_STATUS_PAGE, NULL));
  g_assert_nonnull (find_widget (GTK_WIDGET (audiences), GTK_TYPE_BUTTON, "_Add Audience"));

  /* Ctrl+N's action adds one and puts the cursor in its name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "marketing.add", NULL));
  settle (f);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM audiences", 0), ==, 1);
  first = tp_list_pane_get_selected_id (list);
  g_assert_cmpint (first, >, 0);

  row = find_widget (editor, ADW_TYPE_ENTRY_ROW, "Name");
  focus = wait_for_focus (f, row);
  g_assert_nonnull (focus);

  /* Typing saves once typing pauses, without any Save button. */
  gtk_editable_set_text (GTK_EDITABLE (row), "Dog owners with allergies");
  type_into (editor, TP_TYPE_TEXT_AREA, "_Who They Are", "Careful readers of labels");
  type_into (editor, TP_TYPE_TEXT_AREA, "What They _Need", "Treats they can trust");
  g_assert_cmpstr ((name = db_text (f, "SELECT name FROM audiences WHERE id = ?1", first)), ==,
                   "New Audience");
  g_clear_pointer (&name, g_free);
  wait_ms (700);
  name = db_text (f, "SELECT name FROM audiences WHERE id = ?1", first);
  g_assert_cmpstr (name, ==, "Dog owners with allergies");
  g_clear_pointer (&name, g_free);
  name = db_text (f, "SELECT who || '|' || needs FROM audiences WHERE id = ?1", first);
  g_assert_cmpstr (name, ==, "Careful readers of labels|Treats they can trust");
  g_clear_pointer (&name, g_free);

  /* The list shows the new name. */
  g_assert_nonnull (find_widget (GTK_WIDGET (list), GTK_TYPE_LABEL, "Dog owners with allergies"));

  /* The first audience is the primary one; choosing another moves the flag. */
  g_assert_cmpint (db_int (f, "SELECT is_primary FROM audiences WHERE id = ?1", first), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (audiences), "audiences.add", NULL));
  settle (f);
  second = tp_list_pane_get_selected_id (list);
  g_assert_cmpint (second, !=, first);
  g_assert_cmpint (db_int (f, "SELECT is_primary FROM audiences WHERE id = ?1", second), ==, 0);
  primary = find_widget (editor, GTK_TYPE_SWITCH, NULL);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (primary)));
  gtk_switch_set_active (GTK_SWITCH (primary), TRUE);
  drain ();
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM audiences WHERE is_primary = 1", 0), ==, 1);
  g_assert_cmpint (db_int (f, "SELECT is_primary FROM audiences WHERE id = ?1", second), ==, 1);

  /* A blank name is refused in place; the stored name stays. */
  type_into (editor, ADW_TYPE_ENTRY_ROW, "Name", "   ");
  wait_ms (700);
  error_label = find_widget (editor, GTK_TYPE_LABEL, "An audience needs a name.");
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_has_css_class (find_widget (editor, ADW_TYPE_ENTRY_ROW, "Name"), "error"));
  name = db_text (f, "SELECT name FROM audiences WHERE id = ?1", second);
  g_assert_cmpstr (name, ==, "New Audience");
  g_clear_pointer (&name, g_free);
  type_into (editor, ADW_TYPE_ENTRY_ROW, "Name", "Premium food parents");
  wait_ms (700);
  g_assert_false (gtk_widget_get_visible (error_label));

  /* Choosing the other audience shows it, and saves what was pending. */
  type_into (editor, TP_TYPE_TEXT_AREA, "What to _Say to Them", "Real food, no fillers");
  tp_list_pane_select_id (list, first);
  drain ();
  name = db_text (f, "SELECT message FROM audiences WHERE id = ?1", second);
  g_assert_cmpstr (name, ==, "Real food, no fillers");
  g_clear_pointer (&name, g_free);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (editor, ADW_TYPE_ENTRY_ROW, "Name"))),
                   ==, "Dog owners with allergies");

  /* Reordering moves the selected audience and stores the order. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (audiences), "audience.move-down", NULL));
  drain ();
  g_assert_cmpint (db_int (f, "SELECT id FROM audiences ORDER BY position, id LIMIT 1", 0), ==, second);
  {
    g_autoptr(TpAudience) top = g_list_model_get_item (tp_list_pane_get_model (list), 0);

    g_assert_cmpint (tp_record_get_id (TP_RECORD (top)), ==, second);
    g_assert_cmpint (tp_list_pane_get_selected_id (list), ==, first);
  }
}

static GtkWidget *
find_place_row (GtkWidget *root,
                gint64     id)
{
  if (TP_IS_PLACE_ROW (root) && tp_record_get_id (TP_RECORD (tp_place_row_get_place (TP_PLACE_ROW (root)))) == id)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_place_row (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gint64
newest_place (GListModel *places)
{
  gint64 newest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(TpPlace) place = g_list_model_get_item (places, i);

      newest = MAX (newest, tp_record_get_id (TP_RECORD (place)));
    }

  return newest;
}

static void
test_audiences_places (Fixture       *f,
                       gconstpointer  data)
{
  TpAudiencesSection *audiences = TP_AUDIENCES_SECTION (section (f, "audiences"));
  TpAudienceEditor *editor = tp_audiences_section_get_editor (audiences);
  GListModel *places;
  GtkWidget *row, *focus;
  gint64 audience, first_place, second_place;
  g_autofree char *text = NULL;

  gtk_widget_activate_action (GTK_WIDGET (audiences), "audiences.add", NULL);
  settle (f);
  audience = tp_record_get_id (TP_RECORD (tp_audience_editor_get_audience (editor)));

  /* Adding a place opens it with its name selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "audience.add-place", NULL));
  settle (f);
  places = tp_audience_editor_get_places (editor);
  g_assert_cmpuint (n_items (places), ==, 1);
  row = find_place_row (GTK_WIDGET (editor), newest_place (places));
  g_assert_nonnull (row);
  focus = wait_for_focus (f, find_widget (row, ADW_TYPE_ENTRY_ROW, "Name"));
  g_assert_nonnull (focus);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  first_place = tp_record_get_id (TP_RECORD (tp_place_row_get_place (TP_PLACE_ROW (row))));

  type_into (row, ADW_TYPE_ENTRY_ROW, "Name", "Dogs with Allergies forum");
  type_into (row, ADW_TYPE_ENTRY_ROW, "Link", "https://forum.example");
  wait_ms (700);
  text = db_text (f, "SELECT name || '|' || link || '|' || kind FROM audience_places WHERE id = ?1",
                  first_place);
  g_assert_cmpstr (text, ==, "Dogs with Allergies forum|https://forum.example|online-group");
  g_clear_pointer (&text, g_free);
  /* The row kept the focus while its place was saved. */
  g_assert_true (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                          TP_TYPE_PLACE_ROW) == row);

  /* The kind is a choice. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (row, ADW_TYPE_COMBO_ROW, "Kind")),
                              TP_PLACE_KIND_FORUM);
  drain ();
  text = db_text (f, "SELECT kind FROM audience_places WHERE id = ?1", first_place);
  g_assert_cmpstr (text, ==, "forum");
  g_clear_pointer (&text, g_free);

  gtk_widget_activate_action (GTK_WIDGET (editor), "audience.add-place", NULL);
  settle (f);
  g_assert_cmpuint (n_items (places), ==, 2);
  second_place = newest_place (places);
  row = find_place_row (GTK_WIDGET (editor), second_place);
  g_assert_nonnull (wait_for_focus (f, find_widget (row, ADW_TYPE_ENTRY_ROW, "Name")));
  type_into (row, ADW_TYPE_ENTRY_ROW, "Name", "Hillside Vet");

  /* Moving up saves the pending name, stores the order and keeps the focus on the place. */
  g_assert_true (gtk_widget_activate_action (row, "place.move-up", NULL));
  settle (f);
  g_assert_cmpint (db_int (f, "SELECT id FROM audience_places WHERE audience_id = ?1 "
                              "ORDER BY position, id LIMIT 1", audience), ==, second_place);
  text = db_text (f, "SELECT name FROM audience_places WHERE id = ?1", second_place);
  g_assert_cmpstr (text, ==, "Hillside Vet");
  g_clear_pointer (&text, g_free);
  {
    g_autoptr(TpPlace) top = g_list_model_get_item (places, 0);

    g_assert_cmpint (tp_record_get_id (TP_RECORD (top)), ==, second_place);
  }
  row = find_place_row (GTK_WIDGET (editor), second_place);
  g_assert_nonnull (row);
  g_assert_nonnull (wait_for_focus (f, row));

  /* Deleting shows a toast whose Undo puts the place back as it was. */
  g_assert_true (gtk_widget_activate_action (row, "place.delete", NULL));
  drain ();
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM audience_places", 0), ==, 1);
  g_assert_cmpuint (n_items (places), ==, 1);
  press_undo (f);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM audience_places", 0), ==, 2);
  text = db_text (f, "SELECT name FROM audience_places WHERE audience_id = ?1 "
                     "ORDER BY position, id LIMIT 1", audience);
  g_assert_cmpstr (text, ==, "Hillside Vet");
  g_assert_cmpuint (n_items (places), ==, 2);
}

static void
test_audiences_delete_undo (Fixture       *f,
                            gconstpointer  data)
{
  TpAudiencesSection *audiences = TP_AUDIENCES_SECTION (section (f, "audiences"));
  TpAudienceEditor *editor = tp_audiences_section_get_editor (audiences);
  TpListPane *list = tp_list_section_get_list_pane (TP_LIST_SECTION (audiences));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *dump = "SELECT group_concat(a.id || a.name || a.who || a.is_primary || a.created_at "
                     "|| p.id || p.name || p.position, ';') FROM audiences a "
                     "JOIN audience_places p ON p.audience_id = a.id";
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (audiences), "audiences.add", NULL);
  settle (f);
  id = tp_list_pane_get_selected_id (list);
  type_into (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Name", "Bridal couples");
  type_into (GTK_WIDGET (editor), TP_TYPE_TEXT_AREA, "_Who They Are", "About to marry");
  gtk_widget_activate_action (GTK_WIDGET (editor), "audience.add-place", NULL);
  settle (f);
  gtk_widget_activate_action (GTK_WIDGET (editor), "audience.add-place", NULL);
  settle (f);
  tp_audience_editor_flush (editor);
  before = db_text (f, dump, 0);
  g_assert_nonnull (before);

  /* The editor's Delete button and the Delete key share this action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "audience.delete", NULL));
  drain ();
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM audiences", 0), ==, 0);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM audience_places", 0), ==, 0);
  /* The empty state is back. */
  g_assert_nonnull (find_widget (GTK_WIDGET (audiences), GTK_TYPE_BUTTON, "_Add Audience"));

  press_undo (f);
  after = db_text (f, dump, 0);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (tp_list_pane_get_selected_id (list), ==, id);
  g_assert_cmpuint (n_items (tp_audience_editor_get_places (editor)), ==, 2);
}

/* Brand */

static void
test_brand (Fixture       *f,
            gconstpointer  data)
{
  TpBrandSection *brand = TP_BRAND_SECTION (section (f, "brand"));
  TpWordChips *chips = tp_brand_section_get_chips (brand);
  GtkEditable *entry = tp_word_chips_get_entry (chips);
  g_autofree char *text = NULL;
  GtkWidget *remove;

  /* Each field teaches its method in a line. */
  g_assert_nonnull (find_widget (GTK_WIDGET (brand), GTK_TYPE_LABEL,
                                 "For [audience] who [need], [business] is the [kind of business] "
                                 "that [what sets you apart]."));

  type_into (GTK_WIDGET (brand), ADW_TYPE_ENTRY_ROW, "Business Name", "Good Boy Bakery");
  type_into (GTK_WIDGET (brand), TP_TYPE_TEXT_AREA, "_Positioning Statement", "For dog owners who read labels");
  type_into (GTK_WIDGET (brand), ADW_TYPE_ENTRY_ROW, "Tagline", "Treats that love them back");
  wait_ms (700);
  text = db_text (f, "SELECT business_name || '|' || positioning || '|' || tagline FROM brand", 0);
  g_assert_cmpstr (text, ==, "Good Boy Bakery|For dog owners who read labels|Treats that love them back");
  g_clear_pointer (&text, g_free);

  /* Ctrl+N in Brand goes to the word entry; Enter adds the word as a chip. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "marketing.add", NULL));
  settle (f);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (entry)));
  for (guint i = 0; i < 3; i++)
    {
      const char *words[] = { "Playful", " bold ", "Warm" };

      gtk_editable_set_text (entry, words[i]);
      g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
      drain ();
      g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
    }
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM brand_words", 0), ==, 3);
  text = db_text (f, "SELECT group_concat(word, ',') FROM (SELECT word FROM brand_words ORDER BY position)", 0);
  g_assert_cmpstr (text, ==, "Playful,bold,Warm");
  g_clear_pointer (&text, g_free);
  g_assert_nonnull (find_widget (GTK_WIDGET (chips), GTK_TYPE_LABEL, "bold"));

  /* A word already there, in any case, is refused with a message. */
  gtk_editable_set_text (entry, "BOLD");
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
  drain ();
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM brand_words", 0), ==, 3);
  g_assert_cmpstr (tp_word_chips_get_error (chips), ==, "“BOLD” is already one of your words.");
  g_assert_nonnull (find_widget (GTK_WIDGET (chips), GTK_TYPE_LABEL, "“BOLD” is already one of your words."));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "BOLD");
  gtk_editable_set_text (entry, "");
  g_assert_null (tp_word_chips_get_error (chips));

  /* A click on a chip's button removes it, and Undo brings it back. */
  remove = NULL;
  for (GtkWidget *w = find_widget (GTK_WIDGET (chips), GTK_TYPE_FLOW_BOX, NULL); w != NULL; w = NULL)
    {
      GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (w), 1);

      remove = find_widget (GTK_WIDGET (child), GTK_TYPE_BUTTON, NULL);
    }
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  drain ();
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM brand_words WHERE word = 'bold'", 0), ==, 0);
  g_assert_null (find_widget (GTK_WIDGET (chips), GTK_TYPE_LABEL, "bold"));
  press_undo (f);
  text = db_text (f, "SELECT group_concat(word, ',') FROM (SELECT word FROM brand_words ORDER BY position)", 0);
  g_assert_cmpstr (text, ==, "Playful,bold,Warm");
  g_assert_nonnull (find_widget (GTK_WIDGET (chips), GTK_TYPE_LABEL, "bold"));
}

/* With TP_TEST_PICTURES=DIR, saves what the window shows as DIR/NAME.png,
 * for a person to look at (light or dark as ADW_DEBUG_COLOR_SCHEME says) */
static void
save_picture (Fixture    *f,
              GtkWidget  *show,
              const char *name)
{
  const char *dir = g_getenv ("TP_TEST_PICTURES");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (f->window));
  int height = gtk_widget_get_height (GTK_WIDGET (f->window));

  GtkWidget *scrolled = gtk_widget_get_ancestor (show, GTK_TYPE_SCROLLED_WINDOW);

  if (dir == NULL)
    return;

  /* @show near the top */
  if (scrolled != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      graphene_point_t point;

      if (gtk_widget_compute_point (show, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                    &GRAPHENE_POINT_INIT (0, 0), &point))
        gtk_adjustment_set_value (adjustment, point.y - 150);
    }
  settle (f);
  paintable = gtk_widget_paintable_new (GTK_WIDGET (f->window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Another desktop changes the brand while the owner edits it: a field
 * only the owner changed is saved over their version, a field both
 * changed shows their value and offers the choice, and each button does
 * what it says, in the file too. */
static void
test_brand_conflict (Fixture       *f,
                     gconstpointer  data)
{
  TpBrandSection *brand = TP_BRAND_SECTION (section (f, "brand"));
  GtkWidget *tagline;
  GtkWidget *button;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  tagline = find_widget (GTK_WIDGET (brand), ADW_TYPE_ENTRY_ROW, "Tagline");
  g_assert_nonnull (tagline);
  type_into (GTK_WIDGET (brand), ADW_TYPE_ENTRY_ROW, "Tagline", "Treats");
  wait_ms (700);
  g_assert_cmpint (db_int (f, "SELECT version FROM brand", 0), ==, 1);

  /* The other desktop (a connection of its own) changes the tagline */
  g_assert_true (tp_database_exec (f->check, "UPDATE brand SET tagline = 'Theirs', "
                                             "version = version + 1", &error));
  g_assert_no_error (error);

  type_into (GTK_WIDGET (brand), ADW_TYPE_ENTRY_ROW, "Tagline", "Mine");
  type_into (GTK_WIDGET (brand), ADW_TYPE_ENTRY_ROW, "Business Name", "Good Boy Bakery");
  wait_ms (700);
  text = db_text (f, "SELECT business_name || '|' || tagline FROM brand", 0);
  g_assert_cmpstr (text, ==, "Good Boy Bakery|Theirs");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tagline)), ==, "Theirs");
  g_assert_nonnull (find_widget (GTK_WIDGET (brand), GTK_TYPE_LABEL,
                                 "Someone else changed this while you were editing. "
                                 "Yours was “Mine”."));
  save_picture (f, tagline, data != NULL ? "brand-conflict-narrow" : "brand-conflict");

  button = find_widget (GTK_WIDGET (brand), GTK_TYPE_BUTTON, "Put Back Mine");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  drain ();
  text = db_text (f, "SELECT business_name || '|' || tagline FROM brand", 0);
  g_assert_cmpstr (text, ==, "Good Boy Bakery|Mine");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tagline)), ==, "Mine");
  g_assert_null (find_widget (GTK_WIDGET (brand), GTK_TYPE_BUTTON, "Put Back Mine"));
  g_assert_null (find_widget (GTK_WIDGET (brand), GTK_TYPE_BUTTON, "Keep Theirs"));

  /* Again, and this time theirs stays */
  g_assert_true (tp_database_exec (f->check, "UPDATE brand SET tagline = 'Theirs again', "
                                             "version = version + 1", &error));
  g_assert_no_error (error);
  type_into (GTK_WIDGET (brand), ADW_TYPE_ENTRY_ROW, "Tagline", "Mine again");
  wait_ms (700);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tagline)), ==, "Theirs again");
  button = find_widget (GTK_WIDGET (brand), GTK_TYPE_BUTTON, "Keep Theirs");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_ms (700);
  text = db_text (f, "SELECT tagline FROM brand", 0);
  g_assert_cmpstr (text, ==, "Theirs again");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tagline)), ==, "Theirs again");
  g_assert_null (find_widget (GTK_WIDGET (brand), GTK_TYPE_BUTTON, "Keep Theirs"));
}

/* Competitors */

static void
test_brand_friends_words (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpBrand) brand = tp_store_get_brand (f->store, &error);
  TpTextChips *chips;
  GListModel *model;
  GtkEditable *entry;
  GtkWidget *remove;
  g_autofree char *text = NULL;

  /* What was written before there were chips shows as chips, unchanged. */
  g_assert_no_error (error);
  tp_brand_set_friends_words (brand, "Patient, never pushy\nAlways on time");
  g_assert_true (tp_store_save_brand (f->store, brand, &error));
  g_assert_no_error (error);
  chips = TP_TEXT_CHIPS (find_widget (section (f, "brand"), TP_TYPE_TEXT_CHIPS, NULL));
  g_assert_nonnull (chips);
  model = tp_text_chips_get_chips (chips);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_nonnull (find_widget (GTK_WIDGET (chips), GTK_TYPE_LABEL, "Patient"));
  g_assert_nonnull (find_widget (GTK_WIDGET (chips), GTK_TYPE_LABEL, "never pushy"));
  g_assert_nonnull (find_widget (GTK_WIDGET (chips), GTK_TYPE_LABEL, "Always on time"));
  wait_ms (700);
  text = db_text (f, "SELECT friends_words FROM brand", 0);
  g_assert_cmpstr (text, ==, "Patient, never pushy\nAlways on time");
  g_clear_pointer (&text, g_free);

  /* Enter adds a chip; the chips are stored one a line. */
  entry = tp_text_chips_get_entry (chips);
  gtk_editable_set_text (entry, " Knows every dog by name ");
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
  drain ();
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_nonnull (find_widget (GTK_WIDGET (chips), GTK_TYPE_LABEL, "Knows every dog by name"));
  wait_ms (700);
  text = db_text (f, "SELECT friends_words FROM brand", 0);
  g_assert_cmpstr (text, ==, "Patient\nnever pushy\nAlways on time\nKnows every dog by name");
  g_clear_pointer (&text, g_free);

  /* The same again, in any case, is refused. */
  gtk_editable_set_text (entry, "PATIENT");
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
  drain ();
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "PATIENT");
  g_assert_nonnull (find_widget (GTK_WIDGET (chips), GTK_TYPE_LABEL, "“PATIENT” is already there"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  gtk_editable_set_text (entry, "");

  /* A chip's button removes it. */
  remove = find_widget (GTK_WIDGET (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (find_widget (GTK_WIDGET (chips),
                                                                                                 GTK_TYPE_FLOW_BOX,
                                                                                                 NULL)), 1)),
                        GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  drain ();
  g_assert_null (find_widget (GTK_WIDGET (chips), GTK_TYPE_LABEL, "never pushy"));
  wait_ms (700);
  text = db_text (f, "SELECT friends_words FROM brand", 0);
  g_assert_cmpstr (text, ==, "Patient\nAlways on time\nKnows every dog by name");
}

static void
test_competitors (Fixture       *f,
                  gconstpointer  data)
{
  TpCompetitorsSection *competitors;
  TpCompetitorEditor *editor;
  TpListPane *list;
  g_autoptr(TpBrand) brand = tp_store_get_brand (f->store, NULL);
  g_autofree char *text = NULL;
  gint64 first, second;

  tp_brand_set_positioning (brand, "The dog-treat bakery that names every ingredient");
  g_assert_true (tp_store_save_brand (f->store, brand, NULL));

  competitors = TP_COMPETITORS_SECTION (section (f, "competitors"));
  editor = tp_competitors_section_get_editor (competitors);
  list = tp_list_section_get_list_pane (TP_LIST_SECTION (competitors));
  g_assert_nonnull (find_widget (GTK_WIDGET (competitors), GTK_TYPE_BUTTON, "_Add Competitor"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "marketing.add", NULL));
  settle (f);
  first = tp_list_pane_get_selected_id (list);
  g_assert_nonnull (wait_for_focus (f, find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Name")));
  type_into (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Name", "Barkers' Best");
  type_into (GTK_WIDGET (editor), TP_TYPE_TEXT_AREA, "How _They Position Themselves", "A treat for every day");
  type_into (GTK_WIDGET (editor), TP_TYPE_TEXT_AREA, "_Strengths", "Everywhere");
  type_into (GTK_WIDGET (editor), TP_TYPE_TEXT_AREA, "W_eaknesses", "Wheat in everything");
  type_into (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Link", "https://barkers.example");
  wait_ms (700);
  text = db_text (f, "SELECT name || '|' || positioning || '|' || strengths || '|' || weaknesses "
                     "|| '|' || link FROM competitors WHERE id = ?1", first);
  g_assert_cmpstr (text, ==, "Barkers' Best|A treat for every day|Everywhere|Wheat in everything|"
                             "https://barkers.example");
  g_clear_pointer (&text, g_free);

  /* The owner's own positioning stands beside theirs, and follows the brand. */
  g_assert_cmpstr (tp_competitor_editor_get_own_positioning (editor), ==,
                   "The dog-treat bakery that names every ingredient");
  tp_brand_set_positioning (brand, "Five ingredients or fewer");
  g_assert_true (tp_store_save_brand (f->store, brand, NULL));
  drain ();
  g_assert_cmpstr (tp_competitor_editor_get_own_positioning (editor), ==, "Five ingredients or fewer");

  /* Reorder */
  gtk_widget_activate_action (GTK_WIDGET (competitors), "competitors.add", NULL);
  settle (f);
  second = tp_list_pane_get_selected_id (list);
  type_into (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Name", "Paws & Purity");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (competitors), "competitor.move-up", NULL));
  drain ();
  g_assert_cmpint (db_int (f, "SELECT id FROM competitors ORDER BY position, id LIMIT 1", 0), ==, second);
  text = db_text (f, "SELECT name FROM competitors WHERE id = ?1", second);
  g_assert_cmpstr (text, ==, "Paws & Purity");
  g_clear_pointer (&text, g_free);

  /* Delete and undo */
  tp_list_pane_select_id (list, first);
  drain ();
  /* Delete in the list is the pane's list.delete, which deletes the competitor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.delete", NULL));
  drain ();
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM competitors", 0), ==, 1);
  g_assert_cmpint (tp_list_pane_get_selected_id (list), ==, second);
  press_undo (f);
  text = db_text (f, "SELECT name || '|' || weaknesses || '|' || position FROM competitors WHERE id = ?1",
                  first);
  g_assert_cmpstr (text, ==, "Barkers' Best|Wheat in everything|1");
  g_assert_cmpint (tp_list_pane_get_selected_id (list), ==, first);
}

/* Tactics */

static gint64
add_tactic (Fixture    *f,
            const char *name,
            gboolean    active,
            gint64      count)
{
  g_autoptr(TpTactic) tactic = tp_tactic_new ();
  g_autoptr(GError) error = NULL;
  static gint64 position = 0;

  tp_tactic_set_name (tactic, name);
  tp_tactic_set_channel (tactic, TP_CHANNEL_SOCIAL_POST);
  tp_tactic_set_cadence_count (tactic, count);
  tp_tactic_set_cadence_period (tactic, TP_CADENCE_PERIOD_WEEK);
  tp_tactic_set_active (tactic, active);
  tp_tactic_set_position (tactic, position++);
  tp_store_add_tactic (f->store, tactic, &error);
  g_assert_no_error (error);

  return tp_record_get_id (TP_RECORD (tactic));
}

static void
log_done (Fixture   *f,
          gint64     tactic_id,
          GDateTime *when)
{
  g_autoptr(TpTacticLogEntry) entry = tp_tactic_log_entry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = tp_schema_format_time (when);

  tp_tactic_log_entry_set_tactic_id (entry, tactic_id);
  tp_tactic_log_entry_set_done_at (entry, text);
  tp_store_add_tactic_log_entry (f->store, entry, &error);
  g_assert_no_error (error);
}

static void
test_tactics_focus_banner (Fixture       *f,
                           gconstpointer  data)
{
  TpTacticsSection *tactics = TP_TACTICS_SECTION (section (f, "tactics"));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *text;
  gint64 ids[5];

  g_assert_nonnull (find_widget (GTK_WIDGET (tactics), GTK_TYPE_BUTTON, "_Add Tactic"));

  ids[0] = add_tactic (f, "Weekly post", TRUE, 1);
  ids[1] = add_tactic (f, "Newsletter", TRUE, 1);
  add_tactic (f, "Old flyers", FALSE, 1);
  drain ();

  /* Under 3: a gentle nudge. */
  g_assert_cmpint (tp_tactics_section_get_focus_state (tactics), ==, TP_FOCUS_TOO_FEW);
  g_assert_true (g_str_has_prefix (tp_tactics_section_get_focus_text (tactics), "2 active — "));

  /* 3 or 4: good focus. */
  ids[2] = add_tactic (f, "Market stall", TRUE, 1);
  drain ();
  g_assert_cmpint (tp_tactics_section_get_focus_state (tactics), ==, TP_FOCUS_GOOD);
  g_assert_cmpstr (tp_tactics_section_get_focus_text (tactics), ==, "3 active — good focus");
  ids[3] = add_tactic (f, "Vet partnership", TRUE, 1);
  drain ();
  g_assert_cmpstr (tp_tactics_section_get_focus_text (tactics), ==, "4 active — good focus");

  /* Over 4: a warning that names the least consistently done. */
  for (guint i = 0; i < 4; i++)
    if (i != 1)
      log_done (f, ids[i], now);
  ids[4] = add_tactic (f, "Podcast ads", TRUE, 1);
  drain ();
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM tactics WHERE active = 1", 0), ==, 5);
  g_assert_cmpint (tp_tactics_section_get_focus_state (tactics), ==, TP_FOCUS_TOO_MANY);
  text = tp_tactics_section_get_focus_text (tactics);
  g_assert_true (g_str_has_prefix (text, "5 active — "));
  g_assert_nonnull (strstr (text, "“Newsletter”"));
  g_assert_null (strstr (text, "Weekly post"));
  g_assert_null (strstr (text, "Podcast ads"));

  /* Pausing one from the editor brings it back to good focus. */
  tp_list_pane_select_id (tp_list_section_get_list_pane (TP_LIST_SECTION (tactics)), ids[1]);
  drain ();
  gtk_switch_set_active (GTK_SWITCH (find_widget (GTK_WIDGET (tp_tactics_section_get_editor (tactics)),
                                                  GTK_TYPE_SWITCH, NULL)), FALSE);
  drain ();
  g_assert_cmpint (db_int (f, "SELECT active FROM tactics WHERE id = ?1", ids[1]), ==, 0);
  g_assert_cmpint (tp_tactics_section_get_focus_state (tactics), ==, TP_FOCUS_GOOD);
}

/* Monday 00:00 UTC of the week that holds @time, plus @weeks weeks and @hours hours. */
static GDateTime *
week_time (GDateTime *time,
           int        weeks,
           int        hours)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_utc (g_date_time_get_year (time),
                                                       g_date_time_get_month (time),
                                                       g_date_time_get_day_of_month (time), 0, 0, 0);
  g_autoptr(GDateTime) monday = g_date_time_add_days (midnight, 1 - g_date_time_get_day_of_week (midnight));
  g_autoptr(GDateTime) week = g_date_time_add_weeks (monday, weeks);

  return g_date_time_add_hours (week, hours);
}

static GtkWidget *
find_tactic_row (GtkWidget *root,
                 gint64     id)
{
  if (TP_IS_TACTIC_ROW (root) && tp_record_get_id (TP_RECORD (tp_tactic_row_get_tactic (TP_TACTIC_ROW (root)))) == id)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tactic_row (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_tactics_consistency (Fixture       *f,
                          gconstpointer  data)
{
  TpTacticsSection *tactics = TP_TACTICS_SECTION (section (f, "tactics"));
  TpTacticEditor *editor = tp_tactics_section_get_editor (tactics);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) just_now = g_date_time_add_seconds (now, -1);
  const TpTacticConsistency *shown;
  GtkWidget *row;
  gint64 id;

  /* Twice a week: this week twice (done), last week once (partly), the
   * week before nothing (missed), three weeks ago twice (done). */
  id = add_tactic (f, "Helpful post", TRUE, 2);
  log_done (f, id, just_now);
  log_done (f, id, just_now);
  for (guint i = 0; i < 3; i++)
    {
      const int weeks[] = { -1, -3, -3 };
      g_autoptr(GDateTime) when = week_time (now, weeks[i], 36);

      log_done (f, id, when);
    }
  drain ();

  row = find_tactic_row (GTK_WIDGET (tactics), id);
  g_assert_nonnull (row);
  shown = tp_consistency_cells_get_consistency (tp_tactic_row_get_cells (TP_TACTIC_ROW (row)));
  g_assert_nonnull (shown);
  g_assert_cmpint (shown->periods[7].state, ==, TP_PERIOD_STATE_DONE);
  g_assert_cmpint (shown->periods[6].state, ==, TP_PERIOD_STATE_PARTLY);
  g_assert_cmpint (shown->periods[5].state, ==, TP_PERIOD_STATE_MISSED);
  g_assert_cmpint (shown->periods[4].state, ==, TP_PERIOD_STATE_DONE);
  /* Before its first log entry, three weeks ago, nothing was planned. */
  g_assert_cmpint (shown->periods[3].state, ==, TP_PERIOD_STATE_BEFORE);
  g_assert_cmpint (shown->periods[0].state, ==, TP_PERIOD_STATE_BEFORE);
  g_assert_cmpuint (shown->streak, ==, 1);
  g_assert_cmpuint (shown->done_total, ==, 5);
  g_assert_cmpuint (shown->planned_total, ==, 8);
  {
    g_autofree char *description = tp_consistency_cells_describe (shown);

    g_assert_cmpstr (description, ==, "The last 4 weeks: 2 done, 1 partly done, 1 missed");
  }
  g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, "1 week in a row"));

  /* The editor shows the same, larger. */
  tp_list_pane_select_id (tp_list_section_get_list_pane (TP_LIST_SECTION (tactics)), id);
  drain ();
  shown = tp_consistency_cells_get_consistency (tp_tactic_editor_get_cells (editor));
  g_assert_cmpint (shown->periods[6].state, ==, TP_PERIOD_STATE_PARTLY);
  g_assert_nonnull (find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Done 5 of 8 planned times"));

  /* A new cadence counts again: once a week makes last week done. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_widget (GTK_WIDGET (editor), GTK_TYPE_SPIN_BUTTON, NULL)), 1);
  drain ();
  g_assert_cmpint (db_int (f, "SELECT cadence_count FROM tactics WHERE id = ?1", id), ==, 1);
  shown = tp_consistency_cells_get_consistency (tp_tactic_row_get_cells (TP_TACTIC_ROW (row)));
  g_assert_cmpint (shown->periods[6].state, ==, TP_PERIOD_STATE_DONE);
  g_assert_cmpuint (shown->streak, ==, 2);

  /* A tactic created a second ago has missed nothing. */
  id = add_tactic (f, "Forum answers", TRUE, 3);
  drain ();
  tp_list_pane_select_id (tp_list_section_get_list_pane (TP_LIST_SECTION (tactics)), id);
  drain ();
  shown = tp_consistency_cells_get_consistency (tp_tactic_editor_get_cells (editor));
  g_assert_cmpuint (shown->planned_total, ==, 3);
  g_assert_cmpint (shown->periods[6].state, ==, TP_PERIOD_STATE_BEFORE);
  g_assert_nonnull (find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Done 0 of 3 planned times"));
  {
    g_autofree char *description = tp_consistency_cells_describe (shown);

    g_assert_cmpstr (description, ==, "The last 1 week: 0 done, 0 partly done, 0 missed");
  }
}

static double
y_in (GtkWidget  *widget,
      GtkWidget  *ancestor)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, ancestor, &bounds));
  return bounds.origin.y;
}

static void
test_tactics_editor_order (Fixture       *f,
                           gconstpointer  data)
{
  TpTacticsSection *tactics = TP_TACTICS_SECTION (section (f, "tactics"));
  GtkWidget *editor = GTK_WIDGET (tp_tactics_section_get_editor (tactics));
  const char * const own[] = { "name_row", "channel_row", "audience_row", "count_spin", "active_switch" };
  const char * const use[] = { "date_button", "note_row", "cells", "streak_label" };
  gint64 id = add_tactic (f, "Forum answers", TRUE, 1);
  double last = -1;

  drain ();
  tp_list_pane_select_id (tp_list_section_get_list_pane (TP_LIST_SECTION (tactics)), id);
  for (guint i = 0; i < 100 && !(gtk_widget_get_mapped (editor) && gtk_widget_get_height (editor) > 0); i++)
    wait_ms (20);
  g_assert_true (gtk_widget_get_mapped (editor));

  /* From the top as a person fills it in: the tactic's own fields, then
   * Mark Done and Consistency below them. */
  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (editor, TP_TYPE_TACTIC_EDITOR, own[i]));
      double y = y_in (widget, editor);

      g_assert_cmpfloat (y, >, last);
      last = y;
    }
  for (guint i = 0; i < G_N_ELEMENTS (use); i++)
    {
      GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (editor, TP_TYPE_TACTIC_EDITOR, use[i]));
      double y = y_in (widget, editor);

      g_assert_cmpfloat (y, >, last);
      last = y;
    }

  /* A forum tactic is filed as one, as the audience's places are. */
  {
    AdwComboRow *channel_row = ADW_COMBO_ROW (gtk_widget_get_template_child (editor, TP_TYPE_TACTIC_EDITOR,
                                                                             "channel_row"));
    GListModel *channels = adw_combo_row_get_model (channel_row);
    guint forum = GTK_INVALID_LIST_POSITION;
    g_autofree char *stored = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
      {
        g_autoptr(GtkStringObject) item = g_list_model_get_item (channels, i);

        if (g_str_equal (gtk_string_object_get_string (item), "Forum"))
          forum = i;
      }
    g_assert_cmpuint (forum, !=, GTK_INVALID_LIST_POSITION);
    adw_combo_row_set_selected (channel_row, forum);
    for (guint i = 0; i < 100 && db_int (f, "SELECT channel = 'forum' FROM tactics WHERE id = ?1", id) != 1; i++)
      wait_ms (20);
    stored = db_text (f, "SELECT channel FROM tactics WHERE id = ?1", id);
    g_assert_cmpstr (stored, ==, "forum");
  }
}

/* Marking a tactic done can log a touch with the people it reached: those
 * picked, and nobody else */
static void
test_tactics_done_reached (Fixture       *f,
                           gconstpointer  data)
{
  TpTacticsSection *tactics = TP_TACTICS_SECTION (section (f, "tactics"));
  TpTacticEditor *editor = tp_tactics_section_get_editor (tactics);
  g_autoptr(TpCustomer) ada = tp_customer_new ();
  g_autoptr(TpCustomer) bob = tp_customer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *reached;
  gint64 id;

  tp_customer_set_name (ada, "Ada");
  g_assert_true (tp_store_add_customer (f->store, ada, &error));
  tp_customer_set_name (bob, "Bob");
  g_assert_true (tp_store_add_customer (f->store, bob, &error));
  g_assert_no_error (error);
  id = add_tactic (f, "Market stall", TRUE, 1);
  settle (f);
  tp_list_pane_select_id (tp_list_section_get_list_pane (TP_LIST_SECTION (tactics)), id);
  settle (f);

  reached = find_widget (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW, "People It Reached");
  g_assert_nonnull (reached);
  g_assert_true (gtk_widget_get_sensitive (reached));

  /* None picked: only the log */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tactics), "tactic.done", NULL));
  drain ();
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM tactic_log WHERE tactic_id = ?1", id), ==, 1);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM touches", 0), ==, 0);

  /* Ada picked: a done touch with her, through the tactic, on its channel */
  g_assert_true (tp_tactic_editor_pick_reached (editor, tp_record_get_id (TP_RECORD (ada)), TRUE));
  type_into (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Note (Optional)", "Tasting jar");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tactics), "tactic.done", NULL));
  drain ();
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM tactic_log WHERE tactic_id = ?1", id), ==, 2);
  text = db_text (f, "SELECT c.name || '|' || t.channel || '|' || t.tactic_id || '|' || t.done || '|' || t.note"
                     " FROM touches AS t JOIN customers AS c ON c.id = t.customer_id WHERE ?1 > 0", 1);
  {
    g_autofree char *expected = g_strdup_printf ("Ada|social-post|%" G_GINT64_FORMAT "|1|Tasting jar", id);

    g_assert_cmpstr (text, ==, expected);
  }
  g_assert_cmpint (db_int (f, "SELECT touch_count FROM customers WHERE id = ?1", tp_record_get_id (TP_RECORD (ada))), ==, 1);

  /* The pick does not carry over to the next time */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tactics), "tactic.done", NULL));
  drain ();
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM touches", 0), ==, 1);
}

static void
test_tactics_done (Fixture       *f,
                   gconstpointer  data)
{
  TpTacticsSection *tactics = TP_TACTICS_SECTION (section (f, "tactics"));
  TpTacticEditor *editor = tp_tactics_section_get_editor (tactics);
  TpListPane *list = tp_list_section_get_list_pane (TP_LIST_SECTION (tactics));
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) earlier = g_date_time_add_days (today, -3);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gint64 id;

  /* A new tactic starts with its name to type, for the primary audience. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "marketing.add", NULL));
  settle (f);
  id = tp_list_pane_get_selected_id (list);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM tactics WHERE active = 1", 0), ==, 1);
  type_into (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Name", "Helpful post");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Channel")),
                              TP_CHANNEL_EMAIL);
  drain ();
  text = db_text (f, "SELECT name || '|' || channel FROM tactics WHERE id = ?1", id);
  g_assert_cmpstr (text, ==, "Helpful post|email");
  g_clear_pointer (&text, g_free);

  /* Ctrl+D's action logs today with the note typed. */
  type_into (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Note (Optional)", "Answered a question");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tactics), "tactic.done", NULL));
  drain ();
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM tactic_log WHERE tactic_id = ?1", id), ==, 1);
  text = db_text (f, "SELECT note FROM tactic_log WHERE tactic_id = ?1", id);
  g_assert_cmpstr (text, ==, "Answered a question");
  g_clear_pointer (&text, g_free);
  text = db_text (f, "SELECT date(done_at, 'localtime') FROM tactic_log WHERE tactic_id = ?1", id);
  expected = g_date_time_format (today, "%Y-%m-%d");
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                                     "Note (Optional)"))), ==, "");
  g_assert_cmpuint (n_items (tp_tactic_editor_get_log (editor)), ==, 1);
  g_assert_nonnull (find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Today"));

  /* Undo in the toast takes the mark back. */
  press_undo (f);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM tactic_log WHERE tactic_id = ?1", id), ==, 0);
  g_assert_cmpuint (n_items (tp_tactic_editor_get_log (editor)), ==, 0);

  /* A chosen earlier day. */
  tp_tactic_editor_set_done_day (editor, earlier);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tactics), "tactic.done", NULL));
  drain ();
  text = db_text (f, "SELECT date(done_at, 'localtime') FROM tactic_log WHERE tactic_id = ?1", id);
  expected = g_date_time_format (earlier, "%Y-%m-%d");
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);

  /* Not a day to come. */
  {
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 2);
    g_autoptr(GError) error = NULL;
    g_autoptr(TpTacticLogEntry) entry = NULL;

    tp_tactic_editor_set_done_day (editor, tomorrow);
    entry = tp_tactic_editor_log_done (editor, &error);
    g_assert_null (entry);
    g_assert_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID);
    g_assert_nonnull (find_widget (GTK_WIDGET (editor), GTK_TYPE_LABEL, error->message));
    g_assert_cmpint (db_int (f, "SELECT count(*) FROM tactic_log", 0), ==, 1);
  }

  /* Deleting the tactic takes its log; Undo puts both back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tactics), "tactic.delete", NULL));
  drain ();
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM tactics", 0), ==, 0);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM tactic_log", 0), ==, 0);
  press_undo (f);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM tactic_log WHERE tactic_id = ?1", id), ==, 1);
  g_assert_cmpint (tp_list_pane_get_selected_id (list), ==, id);
}

static void
test_tactics_reorder (Fixture       *f,
                      gconstpointer  data)
{
  TpTacticsSection *tactics = TP_TACTICS_SECTION (section (f, "tactics"));
  TpListPane *list = tp_list_section_get_list_pane (TP_LIST_SECTION (tactics));
  gint64 a, b, c;

  a = add_tactic (f, "A", TRUE, 1);
  b = add_tactic (f, "B", TRUE, 1);
  c = add_tactic (f, "C", TRUE, 1);
  drain ();

  /* Alt+Down in the list, then the section's own action. */
  tp_list_pane_select_id (list, a);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.move-down", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tactics), "tactic.move-down", NULL));
  drain ();
  {
    g_autofree char *order = db_text (f, "SELECT group_concat(id, ',') FROM (SELECT id FROM tactics "
                                         "ORDER BY position, id)", 0);
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%"
                                                 G_GINT64_FORMAT, b, c, a);

    g_assert_cmpstr (order, ==, expected);
  }
  g_assert_cmpint (tp_list_pane_get_selected_id (list), ==, a);
  {
    g_autoptr(TpTactic) last = g_list_model_get_item (tp_list_pane_get_model (list), 2);

    g_assert_cmpint (tp_record_get_id (TP_RECORD (last)), ==, a);
  }
}

/* Plan */

static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  TpPlanSection *plan = TP_PLAN_SECTION (section (f, "plan"));
  g_autoptr(TpAudience) audience = tp_audience_new ();
  g_autoptr(TpBrandWord) word = tp_brand_word_new ();
  g_autoptr(TpBrand) brand = tp_store_get_brand (f->store, NULL);
  g_autofree char *text = NULL;

  /* Nothing yet: it says what it will show and where to start. */
  g_assert_nonnull (find_widget (GTK_WIDGET (plan), GTK_TYPE_BUTTON, "_Describe Your Audience"));

  tp_audience_set_name (audience, "Dog owners with allergies");
  tp_audience_set_needs (audience, "Treats they can trust");
  tp_audience_set_is_primary (audience, TRUE);
  g_assert_true (tp_store_add_audience (f->store, audience, NULL));
  tp_brand_word_set_word (word, "Playful");
  g_assert_true (tp_store_add_brand_word (f->store, word, NULL));
  tp_brand_set_positioning (brand, "Five ingredients or fewer");
  g_assert_true (tp_store_save_brand (f->store, brand, NULL));
  add_tactic (f, "Weekly post", TRUE, 1);
  add_tactic (f, "Old flyers", FALSE, 1);
  wait_ms (50);

  text = tp_plan_section_dup_text (plan);
  g_assert_nonnull (strstr (text, "Dog owners with allergies\n"));
  g_assert_nonnull (strstr (text, "Treats they can trust\n"));
  g_assert_nonnull (strstr (text, "Playful\n"));
  g_assert_nonnull (strstr (text, "Five ingredients or fewer\n"));
  g_assert_nonnull (strstr (text, "Weekly post\n"));
  g_assert_null (strstr (text, "Old flyers"));

  /* The buttons that lead to a section show it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan), "marketing.show-section", "s", "brand"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (tp_marketing_page_get_stack (f->page)), ==,
                   "brand");
  wait_ms (50);

  /* Hidden, it waits (its rebuilt rows would be measured in every frame
   * of the section in front); shown again, it has the change. */
  add_tactic (f, "Market stall", TRUE, 1);
  wait_ms (50);
  g_clear_pointer (&text, g_free);
  text = tp_plan_section_dup_text (plan);
  g_assert_null (strstr (text, "Market stall"));

  g_assert_true (TP_PLAN_SECTION (section (f, "plan")) == plan);
  g_clear_pointer (&text, g_free);
  text = tp_plan_section_dup_text (plan);
  g_assert_nonnull (strstr (text, "Market stall\n"));
  g_assert_nonnull (strstr (text, "Weekly post\n"));

  /* What worked this month follows the first frame, from a worker */
  {
    gint64 until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

    while (strstr (text, "Nothing to tell yet") == NULL && g_get_monotonic_time () < until)
      {
        g_main_context_iteration (NULL, FALSE);
        g_clear_pointer (&text, g_free);
        text = tp_plan_section_dup_text (plan);
      }
  }
  g_assert_nonnull (strstr (text, "What Worked This Month\n"));
  g_assert_nonnull (strstr (text, "Nothing to tell yet: log touches with their tactic and place, "
                                  "and the orders that follow.\n"));
}

/* Results */

static void
test_results (Fixture       *f,
              gconstpointer  data)
{
  TpResultsSection *results = TP_RESULTS_SECTION (section (f, "results"));
  g_autoptr(TpAudience) audience = tp_audience_new ();
  g_autoptr(TpPlace) place = tp_place_new ();
  g_autoptr(TpCustomer) ada = tp_customer_new ();
  g_autoptr(TpTouch) touch = tp_touch_new ();
  g_autoptr(TpOrder) order = tp_order_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 stall;
  gint64 until;

  /* A new owner: what the section will show, and where to start */
  until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (tp_results_section_get_loading (results) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (tp_results_section_get_loading (results));
  g_assert_nonnull (find_widget (GTK_WIDGET (results), GTK_TYPE_BUTTON, "_Plan Your Tactics"));
  text = tp_results_section_dup_text (results);
  g_assert_nonnull (strstr (text, "See What Works"));
  g_clear_pointer (&text, g_free);

  tp_audience_set_name (audience, "Dog owners");
  g_assert_true (tp_store_add_audience (f->store, audience, &error));
  tp_place_set_audience_id (place, tp_record_get_id (TP_RECORD (audience)));
  tp_place_set_name (place, "Farmers market");
  g_assert_true (tp_store_add_place (f->store, place, &error));
  stall = add_tactic (f, "Market stall", TRUE, 1);
  add_tactic (f, "Instagram post", TRUE, 1);
  tp_customer_set_name (ada, "Ada");
  tp_customer_set_audience_id (ada, tp_record_get_id (TP_RECORD (audience)));
  g_assert_true (tp_store_add_customer (f->store, ada, &error));
  tp_touch_set_customer_id (touch, tp_record_get_id (TP_RECORD (ada)));
  tp_touch_set_tactic_id (touch, stall);
  tp_touch_set_place_id (touch, tp_record_get_id (TP_RECORD (place)));
  g_assert_true (tp_store_add_touch (f->store, touch, &error));
  tp_order_set_customer_id (order, tp_record_get_id (TP_RECORD (ada)));
  tp_order_set_item (order, "Treats");
  tp_order_set_amount_minor (order, 1250);
  tp_order_set_currency (order, "EUR");
  g_assert_true (tp_store_add_order (f->store, order, &error));
  g_assert_no_error (error);

  /* The first frame does not wait: the figures are added up on a worker */
  tp_results_section_refresh (results);
  g_assert_true (tp_results_section_get_loading (results));
  until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (tp_results_section_get_loading (results) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (tp_results_section_get_loading (results));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* Which tactic and place brought the customer in, in words and in the
   * chart's words for screen readers */
  text = tp_results_section_dup_text (results);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "1 new customer in this period, 0 in the one before\n"));
  g_assert_nonnull (strstr (text, "first touch for 1 of the 1 new customer\n"));
  g_assert_nonnull (strstr (text, "Farmers market: first touch for 1 of the 1 new customer\n"));
  g_assert_nonnull (strstr (text, "[First purchases per tactic, as first touch: Market stall: 1; "
                                  "Instagram post: 0]"));
  g_assert_nonnull (strstr (text, "[Funnel of the people first reached in the period: Leads: 1; "
                                  "Prospects: 1 (100%); Customers: 1 (100%); Repeat customers: 0 (0%)]"));
  g_assert_nonnull (strstr (text, "12.50 EUR"));
  g_assert_nonnull (strstr (text, "Dog owners\n1 leads → 1 prospects → 1 customers → 0 repeat\n"));
  g_clear_pointer (&text, g_free);

  /* A custom period: from a day to a day, both included */
  {
    GtkDropDown *period = GTK_DROP_DOWN (find_widget (GTK_WIDGET (results), GTK_TYPE_DROP_DOWN, NULL));
    GtkWidget *from, *to;
    g_autoptr(GDateTime) today = g_date_time_new_now_local ();
    g_autoptr(GDateTime) later = g_date_time_add_days (today, 5);
    g_autofree char *today_text = g_date_time_format (today, "%Y-%m-%d");
    g_autofree char *later_text = g_date_time_format (later, "%Y-%m-%d");

    gtk_drop_down_set_selected (period, 3);
    from = find_widget (GTK_WIDGET (results), ADW_TYPE_ENTRY_ROW, "_From");
    to = find_widget (GTK_WIDGET (results), ADW_TYPE_ENTRY_ROW, "_To");
    g_assert_nonnull (from);
    g_assert_nonnull (to);
    gtk_editable_set_text (GTK_EDITABLE (from), later_text);
    gtk_editable_set_text (GTK_EDITABLE (to), later_text);
    g_signal_emit_by_name (to, "apply");
    until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
    while (tp_results_section_get_loading (results) && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
    text = tp_results_section_dup_text (results);
    g_assert_nonnull (strstr (text, "See What Works"));
    g_clear_pointer (&text, g_free);

    gtk_editable_set_text (GTK_EDITABLE (from), today_text);
    g_signal_emit_by_name (from, "apply");
    until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
    while (tp_results_section_get_loading (results) && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
    text = tp_results_section_dup_text (results);
    g_assert_nonnull (strstr (text, "first touch for 1 of the 1 new customer\n"));

    /* A day that is not one says so, and keeps the figures */
    gtk_editable_set_text (GTK_EDITABLE (to), "soon");
    g_signal_emit_by_name (to, "apply");
    g_assert_true (gtk_widget_has_css_class (to, "error"));
    g_assert_false (tp_results_section_get_loading (results));
  }
}

/* Narrow */

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  TpAudiencesSection *audiences = TP_AUDIENCES_SECTION (section (f, "audiences"));
  AdwLeaflet *leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (audiences), ADW_TYPE_LEAFLET, NULL));
  GtkWidget *editor = GTK_WIDGET (tp_audiences_section_get_editor (audiences));
  const char *names[] = { "audiences", "brand", "competitors", "tactics", "plan", "results" };
  int width;

  /* Every section fits a phone-sized window. */
  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  g_assert_cmpint (width, <=, 360);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (tp_marketing_page_get_stack (f->page), names[i]);

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      g_assert_cmpint (width, <=, 360);
    }

  /* Adding goes straight to the editor; Back shows the list. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "marketing.add", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  drain ();
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "editor");
  g_assert_nonnull (wait_for_focus (f, find_widget (editor, ADW_TYPE_ENTRY_ROW, "Name")));
  g_assert_cmpint (gtk_widget_get_width (editor), <, 500);

  g_assert_true (gtk_widget_activate_action (editor, "audiences.show-list", NULL));
  drain ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
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
  g_test_add ("/touchpoint/marketing/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("audiences/create-edit", test_audiences_create_edit);
  ADD ("audiences/places", test_audiences_places);
  ADD ("audiences/delete-undo", test_audiences_delete_undo);
  ADD ("brand", test_brand);
  ADD ("brand/friends-words", test_brand_friends_words);
  ADD ("brand-conflict", test_brand_conflict);
  ADD ("competitors", test_competitors);
  ADD ("tactics/focus-banner", test_tactics_focus_banner);
  ADD ("tactics/consistency", test_tactics_consistency);
  ADD ("tactics/editor-order", test_tactics_editor_order);
  ADD ("tactics/done", test_tactics_done);
  ADD ("tactics/done-reached", test_tactics_done_reached);
  ADD ("tactics/reorder", test_tactics_reorder);
  ADD ("plan", test_plan);
  ADD ("results", test_results);
  g_test_add ("/touchpoint/marketing/brand-conflict-narrow", Fixture, "narrow", fixture_set_up,
              test_brand_conflict, fixture_tear_down);
  g_test_add ("/touchpoint/marketing/narrow", Fixture, "narrow", fixture_set_up, test_narrow,
              fixture_tear_down);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
