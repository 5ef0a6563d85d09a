/* tp-follow-up-row.c
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

#define G_LOG_DOMAIN "tp-follow-up-row"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-follow-up-row.h"

/*
 * One line of the follow-up queue: who, why and for how long, and the one
 * click that answers it: Log Touch, or Mark Done for a planned touch (the
 * buttons' actions, follow-ups.log-touch and follow-ups.mark-done, are
 * the section's). Narrow, the buttons go under the text.
 */

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

struct _TpFollowUpRow
{
  GtkGrid         parent_instance;

  /* Template children */
  AdwAvatar      *avatar;
  GtkLabel       *name_label;
  GtkLabel       *reason_label;
  GtkLabel       *touches_label;
  GtkLabel       *detail_label;
  GtkWidget      *buttons;
  GtkWidget      *mark_done_button;
  GtkWidget      *log_button;

  TpFollowUpItem *item;
  gboolean        narrow;
};

G_DEFINE_FINAL_TYPE (TpFollowUpRow, tp_follow_up_row, GTK_TYPE_GRID)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_reason (TpFollowUpItem *item,
            GDateTime      *now)
{
  guint days_quiet = tp_follow_up_item_get_days_quiet (item);

  if (tp_follow_up_item_get_planned (item))
    {
      gint64 late = g_date_time_to_unix (now) - tp_follow_up_item_get_due_at (item);
      guint days = late > 0 ? (guint) (late / SECONDS_PER_DAY) : 0;

      if (days == 0)
        return g_strdup (_("A planned touch is due today"));

      /* Translators: a planned touch should have happened this many days ago */
      return g_strdup_printf (ngettext ("A planned touch was due %u day ago",
                                        "A planned touch was due %u days ago",
                                        days),
                              days);
    }

  if (tp_follow_up_item_get_touch_count (item) == 0)
    {
      /* Translators: a customer who was added this many days ago and never touched */
      return g_strdup_printf (ngettext ("Added %u day ago and not touched yet",
                                        "Added %u days ago and not touched yet",
                                        days_quiet),
                              days_quiet);
    }

  /* Translators: how long a customer who has not bought has had no touch */
  return g_strdup_printf (ngettext ("Quiet for %u day", "Quiet for %u days", days_quiet),
                          days_quiet);
}

/**
 * tp_follow_up_row_new:
 *
 * Returns: (transfer floating): a new row, showing nothing yet
 */
GtkWidget *
tp_follow_up_row_new (void)
{
  return g_object_new (TP_TYPE_FOLLOW_UP_ROW, NULL);
}

/**
 * tp_follow_up_row_get_item:
 * @self: a #TpFollowUpRow
 *
 * Returns: (transfer none) (nullable): the follow-up shown
 */
TpFollowUpItem *
tp_follow_up_row_get_item (TpFollowUpRow *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ROW (self), NULL);

  return self->item;
}

/**
 * tp_follow_up_row_set_item:
 * @self: a #TpFollowUpRow
 * @item: the follow-up to show
 * @now: the time the row says "how long ago" against
 *
 * Shows @item, and points the buttons at it.
 */
void
tp_follow_up_row_set_item (TpFollowUpRow  *self,
                           TpFollowUpItem *item,
                           GDateTime      *now)
{
  const char *name;
  const char *detail;
  guint touch_count;
  gboolean planned;
  g_autofree char *reason = NULL;
  g_autofree char *touches = NULL;
  g_autofree char *log_label = NULL;
  g_autofree char *done_label = NULL;

  g_return_if_fail (TP_IS_FOLLOW_UP_ROW (self));
  g_return_if_fail (TP_IS_FOLLOW_UP_ITEM (item));
  g_return_if_fail (now != NULL);

  name = tp_follow_up_item_get_name (item);
  planned = tp_follow_up_item_get_planned (item);
  detail = planned ? tp_follow_up_item_get_planned_detail (item) : NULL;
  touch_count = tp_follow_up_item_get_touch_count (item);
  reason = dup_reason (item, now);

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->reason_label, reason);

  /* Translators: how many touches a customer has had */
  touches = g_strdup_printf (ngettext ("%u touch", "%u touches", touch_count), touch_count);
  gtk_label_set_label (self->touches_label, touches);

  gtk_label_set_label (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);

  gtk_widget_set_visible (self->mark_done_button, planned);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->mark_done_button), "x",
                                    tp_follow_up_item_get_planned_touch_id (item));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->log_button), "(xx)",
                                    tp_follow_up_item_get_customer_id (item),
                                    tp_follow_up_item_get_planned_touch_id (item));

  /* Translators: the accessible name of a follow-up's Log Touch button; %s is a customer */
  log_label = g_strdup_printf (_("Log a touch for %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->log_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, log_label,
                                  -1);
  /* Translators: the accessible name of a follow-up's Mark Done button; %s is a customer */
  done_label = g_strdup_printf (_("Mark the planned touch for %s done"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mark_done_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, done_label,
                                  -1);

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * tp_follow_up_row_get_narrow:
 * @self: a #TpFollowUpRow
 *
 * Returns: whether the buttons are under the text
 */
gboolean
tp_follow_up_row_get_narrow (TpFollowUpRow *self)
{
  g_return_val_if_fail (TP_IS_FOLLOW_UP_ROW (self), FALSE);

  return self->narrow;
}

/**
 * tp_follow_up_row_set_narrow:
 * @self: a #TpFollowUpRow
 * @narrow: whether to put the buttons under the text
 *
 * Lays the row out for a narrow window, or a wide one. Not while the row
 * is being allocated.
 */
void
tp_follow_up_row_set_narrow (TpFollowUpRow *self,
                             gboolean       narrow)
{
  GtkGrid *grid = GTK_GRID (self);

  g_return_if_fail (TP_IS_FOLLOW_UP_ROW (self));

  narrow = !!narrow;
  if (self->narrow == narrow)
    return;

  self->narrow = narrow;

  g_object_ref (self->buttons);
  gtk_grid_remove (grid, self->buttons);
  if (narrow)
    {
      gtk_widget_set_halign (self->buttons, GTK_ALIGN_START);
      gtk_grid_attach (grid, self->buttons, 1, 1, 1, 1);
    }
  else
    {
      gtk_widget_set_halign (self->buttons, GTK_ALIGN_END);
      gtk_grid_attach (grid, self->buttons, 2, 0, 1, 1);
    }
  g_object_unref (self->buttons);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

static void
tp_follow_up_row_dispose (GObject *object)
{
  TpFollowUpRow *self = TP_FOLLOW_UP_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_FOLLOW_UP_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (tp_follow_up_row_parent_class)->dispose (object);
}

static void
tp_follow_up_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TpFollowUpRow *self = TP_FOLLOW_UP_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_follow_up_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TpFollowUpRow *self = TP_FOLLOW_UP_ROW (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      tp_follow_up_row_set_narrow (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_follow_up_row_class_init (TpFollowUpRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_follow_up_row_dispose;
  object_class->get_property = tp_follow_up_row_get_property;
  object_class->set_property = tp_follow_up_row_set_property;

  /**
   * TpFollowUpRow:item:
   *
   * The follow-up the row shows.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         TP_TYPE_FOLLOW_UP_ITEM,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * TpFollowUpRow:narrow:
   *
   * Whether the buttons go under the text.
   */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-follow-up-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TpFollowUpRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, TpFollowUpRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, TpFollowUpRow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, TpFollowUpRow, touches_label);
  gtk_widget_class_bind_template_child (widget_class, TpFollowUpRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, TpFollowUpRow, buttons);
  gtk_widget_class_bind_template_child (widget_class, TpFollowUpRow, mark_done_button);
  gtk_widget_class_bind_template_child (widget_class, TpFollowUpRow, log_button);
}

static void
tp_follow_up_row_init (TpFollowUpRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
