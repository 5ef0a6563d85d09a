/* tp-results-section.c
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

#define G_LOG_DOMAIN "tp-results-section"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-marketing-util.h"
#include "tp-results-chart-view.h"
#include "tp-results-section.h"
#include "tp-sales-util-private.h"
#include "tp-schema.h"
#include "tp-toast-private.h"

/*
 * TpResultsSection answers "is my marketing working?": for this month,
 * quarter or year (against the one before), the findings, a bar per
 * tactic, the weekly touches, the funnel, and the tables per tactic,
 * place and audience. The figures come from tp_results_compute_async()
 * on a worker with its own connection: the first frame shows at once,
 * with the last figures or "Adding up…", and the figures follow.
 */

struct _TpResultsSection
{
  GtkWidget     parent_instance;

  GtkStack     *stack;
  GtkSpinner   *spinner;
  GtkDropDown  *period_dropdown;
  GtkListBox   *custom_list;
  AdwEntryRow  *from_row;
  AdwEntryRow  *to_row;
  GtkLabel     *period_label;
  GtkBox       *content_box;

  TpStore      *store;
  TpResults    *results;
  GCancellable *cancellable;
  GDateTime    *now;            /* for tests; NULL: the clock */
  guint         refresh_source;
  gboolean      loading;
  GtkNativeDialog *chooser;
};

G_DEFINE_FINAL_TYPE (TpResultsSection, tp_results_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
new_heading (GtkWidget  *box,
             const char *text)
{
  GtkWidget *label = _tp_marketing_new_label (text, "heading");

  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static char *
figure_text (guint now,
             guint before)
{
  /* Translators: a figure of the period, then the one of the period before */
  return g_strdup_printf (_("%u (%u)"), now, before);
}

static void
grid_cell (GtkGrid    *grid,
           int         column,
           int         row,
           const char *text,
           gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), column == 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  if (column == 0)
    {
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_width_chars (GTK_LABEL (label), 14);
      gtk_widget_set_hexpand (label, TRUE);
    }
  if (heading)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

/* The table view of one kind of row */
static GtkWidget *
new_table (TpResults  *results,
           GArray     *rows,
           gboolean    with_plan,
           const char *name)
{
  const char *headings[] = {
    name,
    _("Done / planned"),
    _("Touches"),
    _("Reached"),
    _("First touch"),
    _("Last touch"),
    _("Revenue"),
    _("Median touches"),
  };
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  int column = 0;
  int line = 1;

  gtk_grid_set_column_spacing (grid, 18);
  gtk_grid_set_row_spacing (grid, 6);
  gtk_widget_add_css_class (GTK_WIDGET (grid), "card");
  gtk_widget_add_css_class (GTK_WIDGET (grid), "tp-results-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
    {
      if (h == 1 && !with_plan)
        continue;
      grid_cell (grid, column++, 0, headings[h], TRUE);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const TpResultsRow *row = &g_array_index (rows, TpResultsRow, i);
      const TpResultsFigures *a = &row->current;
      const TpResultsFigures *b = &row->previous;
      g_autofree char *done = NULL;
      g_autofree char *touches = figure_text (a->touches, b->touches);
      g_autofree char *reached = figure_text (a->reached, b->reached);
      g_autofree char *first = figure_text (a->first_touch, b->first_touch);
      g_autofree char *last = figure_text (a->last_touch, b->last_touch);
      g_autofree char *revenue = _tp_format_money (a->revenue_minor, results->currency);
      g_autofree char *median = g_strdup_printf ("%.1f", a->median_touches);

      if (a->touches + a->reached + a->first_touch + a->last_touch + a->done + a->planned +
          b->touches + b->first_touch == 0 && !row->active)
        continue;

      column = 0;
      grid_cell (grid, column++, line, row->name, FALSE);
      if (with_plan)
        {
          /* Translators: how often a tactic was done, and how often its cadence asked for */
          done = row->id != 0 ? g_strdup_printf (_("%u of %u"), a->done, a->planned) : g_strdup ("–");
          grid_cell (grid, column++, line, done, FALSE);
        }
      grid_cell (grid, column++, line, touches, FALSE);
      grid_cell (grid, column++, line, reached, FALSE);
      grid_cell (grid, column++, line, first, FALSE);
      grid_cell (grid, column++, line, last, FALSE);
      grid_cell (grid, column++, line, revenue, FALSE);
      grid_cell (grid, column++, line, a->first_touch > 0 ? median : "–", FALSE);
      line++;
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (grid));

  return scroller;
}

static void
add_chart (GtkWidget          *box,
           TpResults          *results,
           TpResultsChartKind  kind)
{
  GtkWidget *chart = tp_results_chart_view_new (kind);

  tp_results_chart_view_set_results (TP_RESULTS_CHART_VIEW (chart), results);
  gtk_box_append (GTK_BOX (box), chart);
}

static gboolean
is_empty (TpResults *results)
{
  return results->touches == 0 && results->previous_touches == 0 &&
         results->new_customers == 0 && results->previous_new_customers == 0 &&
         results->funnels->len == 0;
}

static void
fill (TpResultsSection *self)
{
  TpResults *results = self->results;
  GtkWidget *box = GTK_WIDGET (self->content_box);
  GtkWidget *findings;
  char start_utc[TP_SCHEMA_TIME_LENGTH + 1];
  char last_utc[TP_SCHEMA_TIME_LENGTH + 1];
  char previous_utc[TP_SCHEMA_TIME_LENGTH + 1];
  g_autofree char *start_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *previous_text = NULL;
  g_autofree char *period = NULL;
  g_autofree char *revenue = NULL;
  g_autofree char *summary = NULL;

  _tp_marketing_clear_box (box);

  if (is_empty (results))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "results");

  /* Noon, so that the local date is the day meant in any time zone */
  tp_schema_format_unix_time (results->start + 12 * 3600, start_utc);
  tp_schema_format_unix_time (results->end - 12 * 3600, last_utc);
  tp_schema_format_unix_time (results->previous_start + 12 * 3600, previous_utc);
  start_text = _tp_format_date (start_utc);
  last_text = _tp_format_date (last_utc);
  previous_text = _tp_format_date (previous_utc);

  /* Translators: the period shown, its first and last day, then the first
   * day of the period before, whose figures are in brackets */
  period = g_strdup_printf (_("%s to %s; in brackets, the period from %s"),
                            start_text, last_text, previous_text);
  gtk_label_set_text (self->period_label, period);

  findings = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (findings), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (findings, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (findings),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Findings"), -1);
  for (guint i = 0; i < results->findings->len; i++)
    {
      const TpResultsFinding *finding = g_ptr_array_index (results->findings, i);
      GtkWidget *label = _tp_marketing_new_label (finding->text, NULL);

      gtk_widget_set_margin_top (label, 10);
      gtk_widget_set_margin_bottom (label, 10);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (GTK_LIST_BOX (findings), label);
      gtk_widget_set_focusable (gtk_widget_get_parent (label), FALSE);
    }
  gtk_widget_set_visible (findings, results->findings->len > 0);
  gtk_box_append (GTK_BOX (box), findings);

  revenue = _tp_format_money (results->revenue_minor, results->currency);
  /* Translators: the period's totals: done touches, then revenue from new customers */
  summary = g_strdup_printf (ngettext ("%u touch; %s from new customers",
                                       "%u touches; %s from new customers", results->touches),
                             results->touches, revenue);
  gtk_box_append (GTK_BOX (box), _tp_marketing_new_label (summary, "dim-label"));

  new_heading (box, _("Tactics: first purchases they were the first touch for"));
  add_chart (box, results, TP_RESULTS_CHART_TACTICS);
  gtk_box_append (GTK_BOX (box), new_table (results, results->tactics, TRUE, _("Tactic")));

  new_heading (box, _("Touches per week"));
  add_chart (box, results, TP_RESULTS_CHART_SPARKLINE);

  if (results->funnels->len > 0)
    {
      GtkWidget *list = gtk_list_box_new ();

      new_heading (box, _("Funnel: people first reached in the period"));
      add_chart (box, results, TP_RESULTS_CHART_FUNNEL);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 0; i < results->funnels->len; i++)
        {
          const TpResultsFunnel *funnel = &g_array_index (results->funnels, TpResultsFunnel, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *stages = NULL;
          g_autofree char *days = NULL;

          /* Translators: the funnel of an audience: leads, prospects,
           * customers, repeat customers */
          stages = g_strdup_printf (_("%u leads → %u prospects → %u customers → %u repeat"),
                                    funnel->leads, funnel->prospects, funnel->customers,
                                    funnel->repeats);
          if (funnel->customers > 0)
            /* Translators: median days and touches from the first touch to the first purchase */
            days = g_strdup_printf (_("Median %.1f days and %.1f touches from first touch to first purchase"),
                                    funnel->median_days, funnel->median_touches);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), funnel->name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), stages);
          if (days != NULL)
            {
              GtkWidget *suffix = _tp_marketing_new_label (days, "dim-label");

              gtk_label_set_max_width_chars (GTK_LABEL (suffix), 28);
              gtk_label_set_xalign (GTK_LABEL (suffix), 1);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
            }
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      gtk_box_append (GTK_BOX (box), list);
    }

  new_heading (box, _("Places"));
  gtk_box_append (GTK_BOX (box), new_table (results, results->places, FALSE, _("Place")));
  new_heading (box, _("Audiences"));
  gtk_box_append (GTK_BOX (box), new_table (results, results->audiences, FALSE, _("Audience")));
}

static void
set_loading (TpResultsSection *self,
             gboolean          loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TpResultsSection) self = user_data;
  g_autoptr(GError) error = NULL;
  TpResults *results = tp_results_compute_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      tp_results_free (results);
      return;
    }

  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);

  if (results == NULL)
    {
      _tp_marketing_show_error (GTK_WIDGET (self), error);
      return;
    }

  /* The charts borrow the figures: take them away before freeing them. */
  _tp_marketing_clear_box (GTK_WIDGET (self->content_box));
  g_clear_pointer (&self->results, tp_results_free);
  self->results = results;
  fill (self);
}

static const TpResultsPeriod periods[] = {
  TP_RESULTS_PERIOD_MONTH, TP_RESULTS_PERIOD_QUARTER, TP_RESULTS_PERIOD_YEAR,
  TP_RESULTS_PERIOD_CUSTOM,
};

/* The local midnight that starts the day typed in @row, in Unix time */
static gboolean
parse_day (AdwEntryRow *row,
           gint64      *unix_time)
{
  g_autoptr(GDateTime) typed = NULL;
  g_autoptr(GDateTime) midnight = NULL;

  typed = _tp_parse_entry_time (gtk_editable_get_text (GTK_EDITABLE (row)), NULL);
  if (typed == NULL)
    return FALSE;

  midnight = g_date_time_new_local (g_date_time_get_year (typed), g_date_time_get_month (typed),
                                    g_date_time_get_day_of_month (typed), 0, 0, 0);
  *unix_time = g_date_time_to_unix (midnight);
  return TRUE;
}

/* From the first day to the last, both included */
static gboolean
custom_range (TpResultsSection *self,
              gint64           *start,
              gint64           *end)
{
  gboolean from_ok = parse_day (self->from_row, start);
  gboolean to_ok = parse_day (self->to_row, end);

  if (from_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->from_row), "error");
  if (to_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->to_row), "error");

  if (!from_ok || !to_ok)
    return FALSE;

  *end += 24 * 3600;
  if (*end <= *start)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->to_row), "error");
      return FALSE;
    }

  return TRUE;
}

/**
 * tp_results_section_refresh:
 * @self: a #TpResultsSection
 *
 * Computes the figures again, on a worker; the page keeps showing the
 * last ones (or "Adding up…") until they are ready.
 */
void
tp_results_section_refresh (TpResultsSection *self)
{
  g_autoptr(GDateTime) now = NULL;
  TpDatabase *db;
  TpResultsPeriod period;
  guint selected;
  gint64 start, end;

  g_return_if_fail (TP_IS_RESULTS_SECTION (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL)
    {
      set_loading (self, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  now = self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_utc ();
  selected = gtk_drop_down_get_selected (self->period_dropdown);
  period = periods[MIN (selected, G_N_ELEMENTS (periods) - 1)];
  gtk_widget_set_visible (GTK_WIDGET (self->custom_list), period == TP_RESULTS_PERIOD_CUSTOM);
  if (period != TP_RESULTS_PERIOD_CUSTOM)
    tp_results_period_range (period, now, &start, &end);
  else if (!custom_range (self, &start, &end))
    {
      set_loading (self, FALSE);
      return;
    }

  if (self->results == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  set_loading (self, TRUE);

  db = tp_store_get_database (self->store);
  self->cancellable = g_cancellable_new ();
  if (tp_database_path_can_reopen (tp_database_get_path (db)))
    {
      tp_results_compute_async (tp_database_get_path (db), period, start, end, now,
                                self->cancellable, computed_cb, g_object_ref (self));
    }
  else
    {
      /* An in-memory database has no second connection: a small one
       * (tests) is added up here. */
      g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, computed_cb, g_object_ref (self));
      g_autoptr(GError) error = NULL;
      TpResults *results = tp_results_compute (db, period, start, end, now, &error);

      if (results != NULL)
        g_task_return_pointer (task, results, (GDestroyNotify)tp_results_free);
      else
        g_task_return_error (task, g_steal_pointer (&error));
    }
}

static gboolean
refresh_idle_cb (gpointer data)
{
  TpResultsSection *self = data;

  self->refresh_source = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    tp_results_section_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (TpResultsSection *self)
{
  /* Hidden, the section waits to be shown: map computes again. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->refresh_source != 0)
    return;

  self->refresh_source = g_timeout_add (300, refresh_idle_cb, self);
  g_source_set_name_by_id (self->refresh_source, "[touchpoint] refresh results");
}

static void
on_period_dropdown_selected_cb (TpResultsSection *self)
{
  if (self->store != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    tp_results_section_refresh (self);
}

static void
on_custom_row_apply_cb (TpResultsSection *self)
{
  if (self->store != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    tp_results_section_refresh (self);
}

static void
chooser_response_cb (TpResultsSection *self,
                     int               response,
                     GtkNativeDialog  *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->results != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      csv = tp_results_to_csv (self->results);
      if (!g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        _tp_marketing_show_error (GTK_WIDGET (self), error);
      else
        _tp_toast_show (GTK_WIDGET (self), adw_toast_new (_("Results exported")));
    }

  gtk_native_dialog_destroy (chooser);
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpResultsSection *self = TP_RESULTS_SECTION (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("results-%s.csv", date);
  GtkFileChooserNative *native;

  if (self->results == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export Results To"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->chooser);
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }
  else if (TP_IS_RESULTS_CHART_VIEW (widget))
    {
      g_string_append_printf (text, "[%s]\n",
                              tp_results_chart_view_get_text (TP_RESULTS_CHART_VIEW (widget)));
    }
  else if (ADW_IS_ACTION_ROW (widget))
    {
      g_string_append_printf (text, "%s\n%s\n",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!ADW_IS_ACTION_ROW (widget) || GTK_IS_BOX (child))
      collect_text (child, text);
}

/**
 * tp_results_section_dup_text:
 * @self: a #TpResultsSection
 *
 * Returns: (transfer full): every text the page shows, a line each, with
 *   each chart's words in brackets
 */
char *
tp_results_section_dup_text (TpResultsSection *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (TP_IS_RESULTS_SECTION (self), NULL);

  collect_text (gtk_stack_get_visible_child (self->stack), text);

  return g_string_free (text, FALSE);
}

TpResults *
tp_results_section_get_results (TpResultsSection *self)
{
  g_return_val_if_fail (TP_IS_RESULTS_SECTION (self), NULL);

  return self->results;
}

gboolean
tp_results_section_get_loading (TpResultsSection *self)
{
  g_return_val_if_fail (TP_IS_RESULTS_SECTION (self), FALSE);

  return self->loading;
}

/**
 * tp_results_section_set_now:
 * @self: a #TpResultsSection
 * @now: (nullable): the time whose period shows; %NULL for the clock
 */
void
tp_results_section_set_now (TpResultsSection *self,
                            GDateTime        *now)
{
  g_return_if_fail (TP_IS_RESULTS_SECTION (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
}

TpStore *
tp_results_section_get_store (TpResultsSection *self)
{
  g_return_val_if_fail (TP_IS_RESULTS_SECTION (self), NULL);

  return self->store;
}

void
tp_results_section_set_store (TpResultsSection *self,
                              TpStore          *store)
{
  g_return_if_fail (TP_IS_RESULTS_SECTION (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);

  g_set_object (&self->store, store);
  _tp_marketing_clear_box (GTK_WIDGET (self->content_box));
  g_clear_pointer (&self->results, tp_results_free);

  if (store != NULL)
    g_signal_connect_object (store, "changed",
                             G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || store == NULL)
    tp_results_section_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
tp_results_section_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tp_results_section_parent_class)->map (widget);

  /* Only shown, the figures are worth their work. */
  tp_results_section_refresh (TP_RESULTS_SECTION (widget));
}

static void
tp_results_section_dispose (GObject *object)
{
  TpResultsSection *self = TP_RESULTS_SECTION (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_RESULTS_SECTION);

  g_clear_object (&self->store);
  g_clear_pointer (&self->results, tp_results_free);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (tp_results_section_parent_class)->dispose (object);
}

static void
tp_results_section_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TpResultsSection *self = TP_RESULTS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_results_section_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TpResultsSection *self = TP_RESULTS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_results_section_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_results_section_class_init (TpResultsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_results_section_dispose;
  object_class->get_property = tp_results_section_get_property;
  object_class->set_property = tp_results_section_set_property;

  widget_class->map = tp_results_section_map;

  /**
   * TpResultsSection:store:
   *
   * The store whose results show.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpResultsSection:loading:
   *
   * Whether figures are being added up on the worker.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-results-section.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, TpResultsSection, stack);
  gtk_widget_class_bind_template_child (widget_class, TpResultsSection, spinner);
  gtk_widget_class_bind_template_child (widget_class, TpResultsSection, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TpResultsSection, custom_list);
  gtk_widget_class_bind_template_child (widget_class, TpResultsSection, from_row);
  gtk_widget_class_bind_template_child (widget_class, TpResultsSection, to_row);
  gtk_widget_class_bind_template_child (widget_class, TpResultsSection, period_label);
  gtk_widget_class_bind_template_child (widget_class, TpResultsSection, content_box);
  gtk_widget_class_bind_template_callback (widget_class, on_period_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_row_apply_cb);

  gtk_widget_class_install_action (widget_class, "results.export", NULL, export_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_results_section_init (TpResultsSection *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) month_ago = g_date_time_add_days (today, -30);
  g_autofree char *from = g_date_time_format (month_ago, "%Y-%m-%d");
  g_autofree char *to = g_date_time_format (today, "%Y-%m-%d");

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A custom period starts as the last 30 days */
  _tp_setup_date_row (self->from_row);
  _tp_setup_date_row (self->to_row);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);

  gtk_stack_set_visible_child_name (self->stack, "loading");
  /* A quarter (about 90 days) holds enough touches to tell tactics apart */
  gtk_drop_down_set_selected (self->period_dropdown, 1);
}
