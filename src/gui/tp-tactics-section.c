/* tp-tactics-section.c
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

#define G_LOG_DOMAIN "tp-tactics-section"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-marketing-util.h"
#include "tp-tactic-row.h"
#include "tp-tactics-section.h"
#include "tp-toast-private.h"

/*
 * TpTacticsSection lists the tactics, each with how consistently it was
 * done, beside the editor of the selected one (see TpListSection). Over
 * them, the focus
 * banner counts the active tactics: 3 or 4 is good focus, fewer gets a
 * gentle nudge, more a warning that names the least consistently done.
 *
 * Actions: tactic.done (Ctrl+D), and TpListSection's tactics.add,
 * tactic.delete, tactic.move-up and tactic.move-down, tactics.show-list
 * and tactics.show-editor.
 */

#define FOCUS_LOW  3
#define FOCUS_HIGH 4

struct _TpTacticsSection
{
  TpListSection   parent_instance;

  GtkWidget      *banner;
  GtkImage       *banner_icon;
  GtkLabel       *banner_label;
  TpTacticEditor *editor;

  TpStore        *watched;
  TpFocusState    focus_state;
};

G_DEFINE_FINAL_TYPE (TpTacticsSection, tp_tactics_section, TP_TYPE_LIST_SECTION)

static GtkListBoxRow *
create_row (TpListSection *section,
            gpointer       item)
{
  return GTK_LIST_BOX_ROW (tp_tactic_row_new (tp_list_section_get_store (section), item));
}

typedef struct
{
  TpTactic *tactic;
  double    ratio;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;

  if (ra->ratio != rb->ratio)
    return ra->ratio < rb->ratio ? -1 : 1;

  return g_utf8_collate (tp_tactic_get_name (ra->tactic), tp_tactic_get_name (rb->tactic));
}

/* The names of the @n active tactics least consistently done. */
static char *
least_consistent (TpTacticsSection *self,
                  guint             n)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr(GString) names = g_string_new (NULL);
  GListModel *tactics = tp_list_section_get_items (TP_LIST_SECTION (self));
  guint count = g_list_model_get_n_items (tactics);

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(TpTactic) tactic = g_list_model_get_item (tactics, i);
      TpTacticConsistency consistency;
      Ranked r;

      if (!tp_tactic_get_active (tactic))
        continue;

      _tp_marketing_consistency (tp_list_section_get_store (TP_LIST_SECTION (self)), tp_record_get_id (TP_RECORD (tactic)), &consistency);
      r.tactic = tactic;
      r.ratio = consistency.planned_total > 0
                ? (double) consistency.done_total / consistency.planned_total : 0;
      g_array_append_val (ranked, r);
    }

  g_array_sort (ranked, compare_ranked);

  for (guint i = 0; i < MIN (n, ranked->len); i++)
    {
      const char *name = tp_tactic_get_name (g_array_index (ranked, Ranked, i).tactic);

      if (i > 0)
        /* Translators: between the names of tactics in a list */
        g_string_append (names, _(", "));
      /* Translators: a tactic's name, quoted */
      g_string_append_printf (names, _("“%s”"), name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
update_banner (TpTacticsSection *self)
{
  g_autofree char *text = NULL;
  const char *icon = "dialog-information-symbolic";
  const char *style = "tp-nudge";
  guint active = tp_list_section_get_store (TP_LIST_SECTION (self)) != NULL ? tp_store_count_active_tactics (tp_list_section_get_store (TP_LIST_SECTION (self))) : 0;

  gtk_widget_remove_css_class (self->banner, "tp-good");
  gtk_widget_remove_css_class (self->banner, "tp-nudge");
  gtk_widget_remove_css_class (self->banner, "tp-warning");

  if (active >= FOCUS_LOW && active <= FOCUS_HIGH)
    {
      self->focus_state = TP_FOCUS_GOOD;
      icon = "object-select-symbolic";
      style = "tp-good";
      /* Translators: the focus banner of the tactics; %u is 3 or 4 */
      text = g_strdup_printf (ngettext ("%u active — good focus", "%u active — good focus", active),
                              active);
    }
  else if (active > FOCUS_HIGH)
    {
      g_autofree char *names = least_consistent (self, active - FOCUS_HIGH);

      self->focus_state = TP_FOCUS_TOO_MANY;
      icon = "dialog-warning-symbolic";
      style = "tp-warning";
      /* Translators: the focus banner of the tactics; %u is more than 4, %s names
       * the tactics least consistently done */
      text = g_strdup_printf (ngettext ("%u active — more than you can repeat well. Consider pausing "
                                        "the least consistently done: %s.",
                                        "%u active — more than you can repeat well. Consider pausing "
                                        "the least consistently done: %s.",
                                        active),
                              active, names);
    }
  else if (active == 0)
    {
      self->focus_state = TP_FOCUS_NONE;
      text = g_strdup (_("No active tactic. Pick 3 or 4 and repeat them on a steady cadence."));
    }
  else
    {
      self->focus_state = TP_FOCUS_TOO_FEW;
      /* Translators: the focus banner of the tactics; %u is 1 or 2 */
      text = g_strdup_printf (ngettext ("%u active — room for one or two more: 3 or 4 tactics, "
                                        "repeated steadily, reach people best.",
                                        "%u active — room for one or two more: 3 or 4 tactics, "
                                        "repeated steadily, reach people best.",
                                        active),
                              active);
    }

  gtk_widget_add_css_class (self->banner, style);
  gtk_image_set_from_icon_name (self->banner_icon, icon);
  gtk_label_set_text (self->banner_label, text);
}

static void
update (TpListSection *section,
        gboolean       has_selection)
{
  TpTacticsSection *self = TP_TACTICS_SECTION (section);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tactic.done", has_selection);
  update_banner (self);
}

static void
on_store_changed_cb (TpTacticsSection *self)
{
  update_banner (self);
}

/* Follows the store's tactics and their log, which change the banner. */
static void
on_notify_store_cb (TpTacticsSection *self)
{
  TpStore *store = tp_list_section_get_store (TP_LIST_SECTION (self));

  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_func (self->watched, on_store_changed_cb, self);
  g_set_object (&self->watched, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::tactics",
                               G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::tactic_log",
                               G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
    }

  update_banner (self);
}

static gint64
primary_audience (TpStore *store)
{
  g_autoptr(GListModel) audiences = tp_store_list_audiences (store);
  guint n = g_list_model_get_n_items (audiences);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpAudience) audience = g_list_model_get_item (audiences, i);

      if (tp_audience_get_is_primary (audience))
        return tp_record_get_id (TP_RECORD (audience));
    }

  return 0;
}

static gpointer
new_item (TpListSection *section,
          gint64         position)
{
  TpTactic *tactic = tp_tactic_new ();

  tp_tactic_set_name (tactic, _("New Tactic"));
  tp_tactic_set_channel (tactic, TP_CHANNEL_SOCIAL_POST);
  tp_tactic_set_audience_id (tactic, primary_audience (tp_list_section_get_store (section)));
  tp_tactic_set_cadence_count (tactic, 1);
  tp_tactic_set_cadence_period (tactic, TP_CADENCE_PERIOD_WEEK);
  tp_tactic_set_active (tactic, TRUE);
  tp_tactic_set_position (tactic, position);

  return tactic;
}

static gboolean
add (TpStore  *store,
     gpointer  item,
     GError  **error)
{
  return tp_store_add_tactic (store, item, error);
}

static void
set_item (TpListSection *section,
          gpointer       item)
{
  tp_tactic_editor_set_tactic (TP_TACTICS_SECTION (section)->editor, item);
}

static void
flush (TpListSection *section)
{
  tp_tactic_editor_flush (TP_TACTICS_SECTION (section)->editor);
}

static void
edit_name (TpListSection *section)
{
  tp_tactic_editor_edit_name (TP_TACTICS_SECTION (section)->editor);
}

typedef struct
{
  TpStore *store;
  gint64   id;
} DoneData;

static void
done_data_free (gpointer data)
{
  DoneData *done = data;

  g_clear_object (&done->store);
  g_free (done);
}

static void
on_done_toast_button_clicked_cb (AdwToast *toast,
                                 DoneData *done)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpUndo) undo = NULL;

  /* Taking back a mark is deleting its log entry. */
  undo = tp_store_delete_tactic_log_entry (done->store, done->id, &error);
  if (undo == NULL)
    g_debug ("Could not take back log entry %" G_GINT64_FORMAT ": %s", done->id, error->message);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TpTacticsSection *self = TP_TACTICS_SECTION (widget);
  g_autoptr(TpTacticLogEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  TpTactic *tactic = tp_tactic_editor_get_tactic (self->editor);
  AdwToast *toast;
  DoneData *done;

  if (tactic == NULL)
    return;

  /* The editor says what went wrong under its fields. */
  entry = tp_tactic_editor_log_done (self->editor, &error);
  if (entry == NULL)
    return;

  /* Translators: %s is the name of a tactic; shown in a toast with an Undo button */
  title = g_strdup_printf (_("“%s” marked done"), tp_tactic_get_name (tactic));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));

  done = g_new0 (DoneData, 1);
  done->store = g_object_ref (tp_list_section_get_store (TP_LIST_SECTION (self)));
  done->id = tp_record_get_id (TP_RECORD (entry));
  g_signal_connect_data (toast, "button-clicked",
                         G_CALLBACK (on_done_toast_button_clicked_cb),
                         done, (GClosureNotify) done_data_free, 0);

  _tp_toast_show (widget, toast);
}

/**
 * tp_tactics_section_get_editor:
 * @self: a #TpTacticsSection
 *
 * Returns: (transfer none): the editor of the selected tactic
 */
TpTacticEditor *
tp_tactics_section_get_editor (TpTacticsSection *self)
{
  g_return_val_if_fail (TP_IS_TACTICS_SECTION (self), NULL);

  return self->editor;
}

/**
 * tp_tactics_section_get_focus_state:
 * @self: a #TpTacticsSection
 *
 * Returns: what the focus banner says of the number of active tactics
 */
TpFocusState
tp_tactics_section_get_focus_state (TpTacticsSection *self)
{
  g_return_val_if_fail (TP_IS_TACTICS_SECTION (self), TP_FOCUS_NONE);

  return self->focus_state;
}

/**
 * tp_tactics_section_get_focus_text:
 * @self: a #TpTacticsSection
 *
 * Returns: the text of the focus banner
 */
const char *
tp_tactics_section_get_focus_text (TpTacticsSection *self)
{
  g_return_val_if_fail (TP_IS_TACTICS_SECTION (self), NULL);

  return gtk_label_get_text (self->banner_label);
}

static void
tp_tactics_section_dispose (GObject *object)
{
  TpTacticsSection *self = TP_TACTICS_SECTION (object);

  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_func (self->watched, on_store_changed_cb, self);
  g_clear_object (&self->watched);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_TACTICS_SECTION);

  G_OBJECT_CLASS (tp_tactics_section_parent_class)->dispose (object);
}

static void
tp_tactics_section_class_init (TpTacticsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TpListSectionClass *section_class = TP_LIST_SECTION_CLASS (klass);

  object_class->dispose = tp_tactics_section_dispose;

  section_class->list = tp_store_list_tactics;
  section_class->create_row = create_row;
  section_class->new_item = new_item;
  section_class->add = add;
  section_class->delete = tp_store_delete_tactic;
  section_class->set_item = set_item;
  section_class->flush = flush;
  section_class->edit_name = edit_name;
  section_class->update = update;
  tp_list_section_class_set_actions (section_class, "tactics", "tactic");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-tactics-section.ui");
  gtk_widget_class_bind_template_child (widget_class, TpTacticsSection, banner);
  gtk_widget_class_bind_template_child (widget_class, TpTacticsSection, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, TpTacticsSection, banner_label);
  gtk_widget_class_bind_template_child (widget_class, TpTacticsSection, editor);

  gtk_widget_class_install_action (widget_class, "tactic.done", NULL, done_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "tactic.done", NULL);
}

static void
tp_tactics_section_init (TpTacticsSection *self)
{
  g_type_ensure (TP_TYPE_TACTIC_EDITOR);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::store", G_CALLBACK (on_notify_store_cb), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->banner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Focus"),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->banner),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->banner_label, NULL,
                                  -1);

  update_banner (self);
}
