/* tp-tactic-row.c
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

#define G_LOG_DOMAIN "tp-tactic-row"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-marketing-util.h"
#include "tp-tactic-row.h"

/*
 * TpTacticRow is a tactic in the list: its name, channel and cadence, a
 * tag when it is paused, and how consistently it was done (the cells of
 * the last periods and the current streak). It follows the tactic and its
 * log as they change.
 */

struct _TpTacticRow
{
  GtkListBoxRow       parent_instance;

  GtkLabel           *name_label;
  GtkWidget          *paused_label;
  GtkLabel           *detail_label;
  TpConsistencyCells *cells;
  GtkLabel           *streak_label;

  TpStore            *store;
  TpTactic           *tactic;
};

G_DEFINE_FINAL_TYPE (TpTacticRow, tp_tactic_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TACTIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * tp_tactic_row_new:
 * @store: the store
 * @tactic: the tactic the row shows
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
tp_tactic_row_new (TpStore  *store,
                   TpTactic *tactic)
{
  return g_object_new (TP_TYPE_TACTIC_ROW,
                       "store", store,
                       "tactic", tactic,
                       NULL);
}

/**
 * tp_tactic_row_get_tactic:
 * @self: a #TpTacticRow
 *
 * Returns: (transfer none): the tactic
 */
TpTactic *
tp_tactic_row_get_tactic (TpTacticRow *self)
{
  g_return_val_if_fail (TP_IS_TACTIC_ROW (self), NULL);

  return self->tactic;
}

/**
 * tp_tactic_row_get_cells:
 * @self: a #TpTacticRow
 *
 * Returns: (transfer none): the consistency cells
 */
TpConsistencyCells *
tp_tactic_row_get_cells (TpTacticRow *self)
{
  g_return_val_if_fail (TP_IS_TACTIC_ROW (self), NULL);

  return self->cells;
}

static void
update_labels (TpTacticRow *self)
{
  g_autofree char *cadence = _tp_marketing_cadence_text (tp_tactic_get_cadence_count (self->tactic),
                                                         tp_tactic_get_cadence_period (self->tactic));
  g_autofree char *detail = NULL;
  gboolean active = tp_tactic_get_active (self->tactic);

  gtk_label_set_text (self->name_label, tp_tactic_get_name (self->tactic));
  /* Translators: a tactic's channel, then its cadence: “Social post · 3× a week” */
  detail = g_strdup_printf (_("%s · %s"), tp_channel_get_label (tp_tactic_get_channel (self->tactic)),
                            cadence);
  gtk_label_set_text (self->detail_label, detail);
  gtk_widget_set_visible (self->paused_label, !active);

  if (active)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "tp-paused");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "tp-paused");
}

/**
 * tp_tactic_row_refresh:
 * @self: a #TpTacticRow
 *
 * Reads the tactic's consistency again.
 */
void
tp_tactic_row_refresh (TpTacticRow *self)
{
  TpTacticConsistency consistency;
  g_autofree char *streak = NULL;

  g_return_if_fail (TP_IS_TACTIC_ROW (self));

  if (tp_record_get_id (TP_RECORD (self->tactic)) == 0)
    return;

  _tp_marketing_consistency (self->store, tp_record_get_id (TP_RECORD (self->tactic)), &consistency);
  tp_consistency_cells_set_consistency (self->cells, &consistency);

  streak = _tp_marketing_streak_text (consistency.streak, consistency.period);
  gtk_label_set_text (self->streak_label, consistency.streak > 0 ? streak : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->streak_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, streak,
                                  -1);
}

static void
on_tactic_notify_cb (TpTacticRow *self)
{
  update_labels (self);
}

static void
on_tactics_changed_cb (TpTacticRow   *self,
                       const char    *table,
                       gint64         id,
                       TpStoreChange  change)
{
  /* After the commit: a new cadence counts the log again. */
  if (id == tp_record_get_id (TP_RECORD (self->tactic)) || change == TP_STORE_CHANGE_RELOADED)
    tp_tactic_row_refresh (self);
}

static void
on_log_changed_cb (TpTacticRow *self)
{
  tp_tactic_row_refresh (self);
}

static void
tp_tactic_row_constructed (GObject *object)
{
  TpTacticRow *self = TP_TACTIC_ROW (object);

  G_OBJECT_CLASS (tp_tactic_row_parent_class)->constructed (object);

  g_assert (TP_IS_STORE (self->store));
  g_assert (TP_IS_TACTIC (self->tactic));

  g_signal_connect_object (self->tactic, "notify",
                           G_CALLBACK (on_tactic_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::tactic_log",
                           G_CALLBACK (on_log_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::tactics",
                           G_CALLBACK (on_tactics_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->name_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->detail_label,
                                  self->streak_label, NULL,
                                  -1);

  update_labels (self);
  tp_tactic_row_refresh (self);
}

static void
tp_tactic_row_dispose (GObject *object)
{
  TpTacticRow *self = TP_TACTIC_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_TACTIC_ROW);

  g_clear_object (&self->tactic);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_tactic_row_parent_class)->dispose (object);
}

static void
tp_tactic_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TpTacticRow *self = TP_TACTIC_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TACTIC:
      g_value_set_object (value, self->tactic);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_tactic_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TpTacticRow *self = TP_TACTIC_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_TACTIC:
      self->tactic = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_tactic_row_class_init (TpTacticRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tp_tactic_row_constructed;
  object_class->dispose = tp_tactic_row_dispose;
  object_class->get_property = tp_tactic_row_get_property;
  object_class->set_property = tp_tactic_row_set_property;

  /**
   * TpTacticRow:store:
   *
   * The store the tactic's log comes from.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TpTacticRow:tactic:
   *
   * The tactic the row shows.
   */
  properties[PROP_TACTIC] =
    g_param_spec_object ("tactic", NULL, NULL,
                         TP_TYPE_TACTIC,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-tactic-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TpTacticRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, TpTacticRow, paused_label);
  gtk_widget_class_bind_template_child (widget_class, TpTacticRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, TpTacticRow, cells);
  gtk_widget_class_bind_template_child (widget_class, TpTacticRow, streak_label);
}

static void
tp_tactic_row_init (TpTacticRow *self)
{
  g_type_ensure (TP_TYPE_CONSISTENCY_CELLS);

  gtk_widget_init_template (GTK_WIDGET (self));
}
