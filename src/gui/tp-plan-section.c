/* tp-plan-section.c
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

#define G_LOG_DOMAIN "tp-plan-section"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-consistency-cells.h"
#include "tp-marketing-util.h"
#include "tp-plan-section.h"
#include "tp-results.h"

/*
 * TpPlanSection is the marketing plan on one page: the business and its
 * tagline, the primary audience and where they spend time, the brand
 * words and positioning, and the active tactics with their consistency.
 * It is the page the plan worksheet mirrors. It reads everything again
 * (once per burst of changes) whenever the store changes. What worked this
 * month (the Results section's findings) is added up on a worker and
 * follows the first frame.
 */

struct _TpPlanSection
{
  GtkWidget   parent_instance;

  GtkStack   *stack;
  GtkLabel   *title_label;
  GtkLabel   *tagline_label;
  GtkBox     *audience_box;
  GtkBox     *brand_box;
  GtkListBox *tactics_list;
  GtkListBox *results_list;

  TpStore      *store;
  guint         refresh_source;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (TpPlanSection, tp_plan_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A heading and its text, unless the text is blank. */
static void
add_block (GtkWidget  *box,
           const char *heading,
           const char *text)
{
  GtkWidget *block;

  if (_tp_marketing_is_blank (text))
    return;

  block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_box_append (GTK_BOX (block), _tp_marketing_new_label (heading, "tp-plan-heading"));
  gtk_box_append (GTK_BOX (block), _tp_marketing_new_label (text, NULL));
  gtk_box_append (GTK_BOX (box), block);
}

static GtkWidget *
new_card (void)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "tp-plan-card");

  return card;
}

static GtkWidget *
new_go_button (const char *label,
               const char *section)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "marketing.show-section");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", section);

  return button;
}

static TpAudience *
find_primary (GListModel *audiences)
{
  guint n = g_list_model_get_n_items (audiences);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpAudience) audience = g_list_model_get_item (audiences, i);

      if (tp_audience_get_is_primary (audience))
        return g_steal_pointer (&audience);
    }

  return NULL;
}

static void
fill_audience (TpPlanSection *self,
               GListModel    *audiences)
{
  g_autoptr(TpAudience) primary = find_primary (audiences);
  g_autoptr(GListModel) places = NULL;
  GtkWidget *card;
  guint n_places;

  _tp_marketing_clear_box (GTK_WIDGET (self->audience_box));

  if (primary == NULL)
    {
      gtk_box_append (self->audience_box,
                      _tp_marketing_new_label (_("No primary audience yet: the people you serve first."),
                                 "dim-label"));
      gtk_box_append (self->audience_box, new_go_button (_("Choose _Audience"), "audiences"));
      return;
    }

  card = new_card ();
  gtk_box_append (GTK_BOX (card), _tp_marketing_new_label (tp_audience_get_name (primary), "title-3"));
  add_block (card, _("Who they are"), tp_audience_get_who (primary));
  add_block (card, _("What they look like"), tp_audience_get_looks_like (primary));
  add_block (card, _("What they need"), tp_audience_get_needs (primary));
  add_block (card, _("What to say to them"), tp_audience_get_message (primary));

  places = tp_store_list_places (self->store, tp_record_get_id (TP_RECORD (primary)));
  n_places = g_list_model_get_n_items (places);
  if (n_places > 0)
    {
      GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

      gtk_box_append (GTK_BOX (block), _tp_marketing_new_label (_("Where they spend time"), "tp-plan-heading"));
      for (guint i = 0; i < n_places; i++)
        {
          g_autoptr(TpPlace) place = g_list_model_get_item (places, i);
          g_autofree char *line = NULL;

          /* Translators: a place in the plan: its kind, then its name: “Forum: Dog Lovers” */
          line = g_strdup_printf (_("%s: %s"), tp_place_kind_get_label (tp_place_get_kind (place)),
                                  tp_place_get_name (place));
          gtk_box_append (GTK_BOX (block), _tp_marketing_new_label (line, NULL));
        }
      gtk_box_append (GTK_BOX (card), block);
    }

  gtk_box_append (self->audience_box, card);
}

static void
fill_brand (TpPlanSection *self,
            TpBrand       *brand,
            GListModel    *words)
{
  guint n_words = g_list_model_get_n_items (words);
  const char *positioning = brand != NULL ? tp_brand_get_positioning (brand) : NULL;
  gboolean no_positioning = _tp_marketing_is_blank (positioning);
  GtkWidget *card;

  _tp_marketing_clear_box (GTK_WIDGET (self->brand_box));

  if (n_words == 0 && no_positioning)
    {
      gtk_box_append (self->brand_box,
                      _tp_marketing_new_label (_("No brand words or positioning yet."), "dim-label"));
      gtk_box_append (self->brand_box, new_go_button (_("Work on Your _Brand"), "brand"));
      return;
    }

  card = new_card ();

  if (n_words > 0)
    {
      GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *flow = gtk_flow_box_new ();

      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 30);
      gtk_widget_add_css_class (flow, "tp-chips");
      gtk_accessible_update_property (GTK_ACCESSIBLE (flow),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Personality Words"),
                                      -1);

      for (guint i = 0; i < n_words; i++)
        {
          g_autoptr(TpBrandWord) word = g_list_model_get_item (words, i);
          GtkWidget *chip = gtk_label_new (tp_brand_word_get_word (word));

          gtk_widget_add_css_class (chip, "tp-chip");
          gtk_flow_box_append (GTK_FLOW_BOX (flow), chip);
          gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
        }

      gtk_box_append (GTK_BOX (block), _tp_marketing_new_label (_("Personality words"), "tp-plan-heading"));
      gtk_box_append (GTK_BOX (block), flow);
      gtk_box_append (GTK_BOX (card), block);
    }
  else
    {
      gtk_box_append (GTK_BOX (card), _tp_marketing_new_label (_("No brand words yet."), "dim-label"));
    }

  if (!no_positioning)
    add_block (card, _("Positioning"), positioning);
  else
    gtk_box_append (GTK_BOX (card), _tp_marketing_new_label (_("No positioning statement yet."), "dim-label"));

  gtk_box_append (self->brand_box, card);

  if (n_words == 0 || no_positioning)
    gtk_box_append (self->brand_box, new_go_button (_("Work on Your _Brand"), "brand"));
}

static void
fill_tactics (TpPlanSection *self,
              GListModel    *tactics)
{
  guint n = g_list_model_get_n_items (tactics);
  guint shown = 0;

  _tp_marketing_clear_box (GTK_WIDGET (self->tactics_list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpTactic) tactic = g_list_model_get_item (tactics, i);
      g_autofree char *cadence = NULL;
      g_autofree char *streak = NULL;
      g_autofree char *subtitle = NULL;
      TpTacticConsistency consistency;
      GtkWidget *row, *cells;

      if (!tp_tactic_get_active (tactic))
        continue;

      _tp_marketing_consistency (self->store, tp_record_get_id (TP_RECORD (tactic)), &consistency);
      cadence = _tp_marketing_cadence_text (tp_tactic_get_cadence_count (tactic),
                                            tp_tactic_get_cadence_period (tactic));
      streak = _tp_marketing_streak_text (consistency.streak, consistency.period);
      /* Translators: a tactic in the plan: channel, cadence, streak:
       * “Social post · 3× a week · 2 weeks in a row” */
      subtitle = g_strdup_printf (_("%s · %s · %s"),
                                  tp_channel_get_label (tp_tactic_get_channel (tactic)),
                                  cadence, streak);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tp_tactic_get_name (tactic));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

      cells = tp_consistency_cells_new ();
      tp_consistency_cells_set_consistency (TP_CONSISTENCY_CELLS (cells), &consistency);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), cells);

      gtk_list_box_append (self->tactics_list, row);
      shown++;
    }

  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No active tactics yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Pick 3 or 4 and repeat them on a steady cadence."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->tactics_list, row);
    }
}

static void
add_result_row (TpPlanSection *self,
                const char    *text)
{
  GtkWidget *label = _tp_marketing_new_label (text, NULL);

  gtk_widget_set_margin_top (label, 10);
  gtk_widget_set_margin_bottom (label, 10);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_append (self->results_list, label);
  gtk_widget_set_focusable (gtk_widget_get_parent (label), FALSE);
}

static void
fill_results (TpPlanSection *self,
              TpResults     *results)
{
  _tp_marketing_clear_box (GTK_WIDGET (self->results_list));

  if (results == NULL || results->findings->len == 0)
    {
      add_result_row (self, _("Nothing to tell yet: log touches with their tactic and place, "
                              "and the orders that follow."));
      return;
    }

  for (guint i = 0; i < results->findings->len; i++)
    add_result_row (self, ((TpResultsFinding *) g_ptr_array_index (results->findings, i))->text);
}

static void
results_computed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TpPlanSection) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpResults) results = tp_results_compute_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  g_clear_object (&self->cancellable);
  if (results == NULL)
    g_debug ("No results for the plan: %s", error->message);
  fill_results (self, results);
}

/* This month's findings, from a worker with its own connection (an
 * in-memory database has none: its small figures are added up here) */
static void
refresh_results (TpPlanSection *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  TpDatabase *db = tp_store_get_database (self->store);
  gint64 start, end;

  /* Hidden, it waits: map refreshes it */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  tp_results_period_range (TP_RESULTS_PERIOD_MONTH, now, &start, &end);
  if (tp_database_path_can_reopen (tp_database_get_path (db)))
    {
      tp_results_compute_async (tp_database_get_path (db), TP_RESULTS_PERIOD_MONTH, start, end,
                                now, self->cancellable, results_computed_cb, g_object_ref (self));
    }
  else
    {
      g_autoptr(TpResults) results = tp_results_compute (db, TP_RESULTS_PERIOD_MONTH, start, end,
                                                         now, NULL);

      g_clear_object (&self->cancellable);
      fill_results (self, results);
    }
}

/**
 * tp_plan_section_refresh:
 * @self: a #TpPlanSection
 *
 * Reads the plan again now.
 */
void
tp_plan_section_refresh (TpPlanSection *self)
{
  g_autoptr(GListModel) audiences = NULL;
  g_autoptr(GListModel) words = NULL;
  g_autoptr(GListModel) tactics = NULL;
  g_autoptr(TpBrand) brand = NULL;
  g_autoptr(GError) error = NULL;
  const char *business;
  const char *tagline;
  gboolean empty;

  g_return_if_fail (TP_IS_PLAN_SECTION (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  audiences = tp_store_list_audiences (self->store);
  words = tp_store_list_brand_words (self->store);
  tactics = tp_store_list_tactics (self->store);
  brand = tp_store_get_brand (self->store, &error);
  if (brand == NULL)
    g_debug ("No brand for the plan: %s", error->message);

  empty = g_list_model_get_n_items (audiences) == 0 &&
          g_list_model_get_n_items (words) == 0 &&
          g_list_model_get_n_items (tactics) == 0 &&
          (brand == NULL || _tp_marketing_is_blank (tp_brand_get_positioning (brand)));
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "plan");

  business = brand != NULL ? tp_brand_get_business_name (brand) : NULL;
  tagline = brand != NULL ? tp_brand_get_tagline (brand) : NULL;
  gtk_label_set_text (self->title_label, _tp_marketing_is_blank (business)
                                         ? _("Your Marketing Plan") : business);
  gtk_label_set_text (self->tagline_label, tagline != NULL ? tagline : "");
  gtk_widget_set_visible (GTK_WIDGET (self->tagline_label), !_tp_marketing_is_blank (tagline));

  fill_audience (self, audiences);
  fill_brand (self, brand, words);
  fill_tactics (self, tactics);
  refresh_results (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  TpPlanSection *self = data;

  self->refresh_source = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    tp_plan_section_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (TpPlanSection *self)
{
  /* Hidden, the overview waits to be shown (map refreshes it): rebuilt
   * behind another tab, its new labels would be measured in every frame
   * of the tab in front, as a logged touch is on the Sales tab. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (self->refresh_source == 0)
    {
      self->refresh_source = g_idle_add (refresh_idle_cb, self);
      g_source_set_name_by_id (self->refresh_source, "[touchpoint] refresh plan");
    }
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

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

/**
 * tp_plan_section_dup_text:
 * @self: a #TpPlanSection
 *
 * Returns: (transfer full): every text the page shows, a line each
 */
char *
tp_plan_section_dup_text (TpPlanSection *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (TP_IS_PLAN_SECTION (self), NULL);

  collect_text (gtk_stack_get_visible_child (self->stack), text);

  return g_string_free (text, FALSE);
}

TpStore *
tp_plan_section_get_store (TpPlanSection *self)
{
  g_return_val_if_fail (TP_IS_PLAN_SECTION (self), NULL);

  return self->store;
}

void
tp_plan_section_set_store (TpPlanSection *self,
                           TpStore       *store)
{
  g_return_if_fail (TP_IS_PLAN_SECTION (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);

  g_set_object (&self->store, store);

  if (store != NULL)
    g_signal_connect_object (store, "changed",
                             G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  tp_plan_section_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
tp_plan_section_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tp_plan_section_parent_class)->map (widget);

  /* Consistency moves with the days. */
  tp_plan_section_refresh (TP_PLAN_SECTION (widget));
}

static void
tp_plan_section_dispose (GObject *object)
{
  TpPlanSection *self = TP_PLAN_SECTION (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_PLAN_SECTION);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_plan_section_parent_class)->dispose (object);
}

static void
tp_plan_section_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TpPlanSection *self = TP_PLAN_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_plan_section_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TpPlanSection *self = TP_PLAN_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_plan_section_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_plan_section_class_init (TpPlanSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_plan_section_dispose;
  object_class->get_property = tp_plan_section_get_property;
  object_class->set_property = tp_plan_section_set_property;

  widget_class->map = tp_plan_section_map;

  /**
   * TpPlanSection:store:
   *
   * The store whose plan shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-plan-section.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, TpPlanSection, stack);
  gtk_widget_class_bind_template_child (widget_class, TpPlanSection, title_label);
  gtk_widget_class_bind_template_child (widget_class, TpPlanSection, tagline_label);
  gtk_widget_class_bind_template_child (widget_class, TpPlanSection, audience_box);
  gtk_widget_class_bind_template_child (widget_class, TpPlanSection, brand_box);
  gtk_widget_class_bind_template_child (widget_class, TpPlanSection, tactics_list);
  gtk_widget_class_bind_template_child (widget_class, TpPlanSection, results_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_plan_section_init (TpPlanSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_stack_set_visible_child_name (self->stack, "empty");
}
