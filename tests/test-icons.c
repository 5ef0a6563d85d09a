/* test-icons.c
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

#define G_LOG_DOMAIN "test-icons"

#include "config.h"

#include <gtk/gtk.h>

#include "tp-application.h"

/* Every icon the app names, in ui/ and src/, is found by the icon theme
 * of the display and loads as a picture: an icon that is missing from the
 * installed Adwaita, or an SVG that no loader can read, is drawn as a
 * broken-image placeholder in front of the user. */

static TpApplication *app;

static void
add_matches (GHashTable *names,
             GRegex     *regex,
             const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_hash_table_add (names, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
}

/* Reads every file below @dir whose name ends in @suffix. */
static void
scan (GHashTable *names,
      GRegex     *regex,
      const char *dir,
      const char *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          scan (names, regex, path, suffix);
          continue;
        }
      if (!g_str_has_suffix (name, suffix))
        continue;
      g_assert_true (g_file_get_contents (path, &text, NULL, &error));
      g_assert_no_error (error);
      add_matches (names, regex, text);
    }
}

/* The icon names of the sources: icon-name properties of the templates,
 * and every "…-symbolic" string of the C sources. */
static GPtrArray *
icon_names (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) ui_regex = g_regex_new ("<property name=\"[a-z-]*icon-name\">([^<]+)</property>", 0, 0, NULL);
  g_autoptr(GRegex) c_regex = g_regex_new ("\"([a-z0-9-]+-symbolic)\"", 0, 0, NULL);
  g_autofree char *ui_dir = g_test_build_filename (G_TEST_DIST, "..", "ui", NULL);
  g_autofree char *src_dir = g_test_build_filename (G_TEST_DIST, "..", "src", NULL);
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  scan (names, ui_regex, ui_dir, ".ui");
  scan (names, c_regex, src_dir, ".c");
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_ptr_array_add (array, key);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (array, (GCompareFunc) g_strcmp0);

  return array;
}

static gboolean
contains (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;

  return FALSE;
}

static void
test_icons_resolve (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GPtrArray) names = icon_names ();
  g_autoptr(GString) missing = g_string_new (NULL);

  /* The scan finds what the app shows: its own icons and the theme's. */
  g_assert_true (contains (names, "tp-marketing-symbolic"));
  g_assert_true (contains (names, "tp-sales-symbolic"));
  g_assert_true (contains (names, "tp-chart-symbolic"));
  g_assert_true (contains (names, "tp-competitors-symbolic"));
  g_assert_true (contains (names, "system-users-symbolic"));
  g_assert_true (contains (names, "user-trash-symbolic"));
  g_assert_cmpuint (names->len, >=, 30);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GtkIconPaintable) icon = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *basename = NULL;
      g_autofree char *uri = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", name);
      if (!gtk_icon_theme_has_icon (theme, name))
        {
          g_string_append_printf (missing, " %s (not in the theme)", name);
          continue;
        }

      /* The file the theme picks is that icon's, not a fallback's. */
      icon = gtk_icon_theme_lookup_icon (theme, name, NULL, 16, 1, GTK_TEXT_DIR_LTR, 0);
      file = gtk_icon_paintable_get_file (icon);
      g_assert_nonnull (file);
      basename = g_file_get_basename (file);
      uri = g_file_get_uri (file);
      if (!g_str_has_prefix (basename, name) || strstr (basename, "image-missing") != NULL)
        {
          g_string_append_printf (missing, " %s (found as %s)", name, uri);
          continue;
        }

      /* The app's own icons come from its GResource, nowhere else. */
      if (g_str_has_prefix (name, "tp-"))
        g_assert_true (g_str_has_prefix (uri, "resource:///io/github/touchpoint/Touchpoint/icons/"));

      /* And it loads: an SVG needs gdk-pixbuf's SVG loader (librsvg2-common). */
      texture = gdk_texture_new_from_file (file, &error);
      if (texture == NULL)
        {
          g_string_append_printf (missing, " %s (%s: %s)", name, uri, error->message);
          continue;
        }
      g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
      g_assert_cmpint (gdk_texture_get_height (texture), >, 0);
    }

  /* Each icon that would be drawn as a placeholder, and why. */
  g_assert_cmpstr (missing->str, ==, "");
}

/* The check above would pass on a name the theme lacks if the theme made
 * one up: it does not. */
static void
test_icons_missing_is_missing (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  g_assert_false (gtk_icon_theme_has_icon (theme, "tp-no-such-icon-symbolic"));
  g_assert_true (gtk_icon_theme_has_icon (theme, "tp-sales-symbolic"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Registered as in the real app: GtkApplication adds the icons of the
   * resource base path to the display's icon theme at start-up. */
  app = tp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/touchpoint/icons/resolve", test_icons_resolve);
  g_test_add_func ("/touchpoint/icons/missing-is-missing", test_icons_missing_is_missing);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
