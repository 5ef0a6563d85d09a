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
#include "tp-read-only-private.h"
#include "tp-stable-list.h"
#include "tp-tactic-row.h"
#include "tp-tactics-section.h"
#include "tp-toast-private.h"

/*
 * TpTacticsSection lists the tactics, each with how consistently it was
 * done, beside the editor of the selected one. Over them, the focus
 * banner counts the active tactics: 3 or 4 is good focus, fewer gets a
 * gentle nudge, more a warning that names the least consistently done.
 *
 * Actions: tactics.add (Ctrl+N through the page), tactic.done (Ctrl+D),
 * tactic.delete (Delete in the list), tactic.move-up and tactic.move-down
 * (Alt+Up, Alt+Down in the list), tactics.show-list and tactics.show-editor
 * (which side shows, when folded).
 */

#define FOCUS_LOW  3
#define FOCUS_HIGH 4

struct _TpTacticsSection
{
  GtkWidget       parent_instance;

  GtkStack       *stack;
  GtkWidget      *banner;
  GtkImage       *banner_icon;
  GtkLabel       *banner_label;
  AdwLeaflet     *leaflet;
  TpListPane     *list_pane;
  GtkLabel       *editor_title;
  TpTacticEditor *editor;

  TpStore        *store;
  GListModel     *tactics;
  TpTactic       *titled;
  GBinding       *title_binding;
  TpFocusState    focus_state;
};

G_DEFINE_FINAL_TYPE (TpTacticsSection, tp_tactics_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkListBoxRow *
create_row (gpointer item,
            gpointer user_data)
{
  TpTacticsSection *self = user_data;

  return GTK_LIST_BOX_ROW (tp_tactic_row_new (self->store, item));
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
  guint count = g_list_model_get_n_items (self->tactics);

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(TpTactic) tactic = g_list_model_get_item (self->tactics, i);
      TpTacticConsistency consistency;
      Ranked r;

      if (!tp_tactic_get_active (tactic))
        continue;

      _tp_marketing_consistency (self->store, tp_record_get_id (TP_RECORD (tactic)), &consistency);
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
  guint active = self->store != NULL ? tp_store_count_active_tactics (self->store) : 0;

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
update_page (TpTacticsSection *self)
{
  gboolean empty = self->tactics == NULL || g_list_model_get_n_items (self->tactics) == 0;
  /* A role that may only read adds, deletes and moves nothing */
  gboolean can_write = _tp_store_can_write (self->store);
  gboolean has_selection = can_write && tp_list_pane_get_selected_id (self->list_pane) != 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tactics.add", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tactic.delete", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tactic.done", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tactic.move-up", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tactic.move-down", has_selection);
}

static void
on_tactics_changed_cb (TpTacticsSection *self)
{
  update_page (self);
  update_banner (self);
}

static void
on_store_changed_cb (TpTacticsSection *self)
{
  update_banner (self);
}

static void
on_list_pane_selected_id_cb (TpTacticsSection *self)
{
  g_autoptr(TpTactic) tactic = tp_list_pane_dup_selected (self->list_pane);

  g_clear_pointer (&self->title_binding, g_binding_unbind);
  g_clear_object (&self->titled);

  tp_tactic_editor_set_tactic (self->editor, tactic);

  if (tactic != NULL)
    {
      self->titled = g_object_ref (tactic);
      self->title_binding = g_object_bind_property (tactic, "name",
                                                    self->editor_title, "label",
                                                    G_BINDING_SYNC_CREATE);
    }
  else
    {
      gtk_label_set_label (self->editor_title, "");
    }

  update_page (self);
}

static void
on_list_pane_activated_cb (TpTacticsSection *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

static void
tactic_undone_cb (GtkWidget *widget,
                  gint64     id)
{
  TpTacticsSection *self = TP_TACTICS_SECTION (widget);

  tp_list_pane_select_id (self->list_pane, id);
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

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TpTacticsSection *self = TP_TACTICS_SECTION (widget);
  g_autoptr(TpTactic) tactic = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  tp_tactic_editor_flush (self->editor);

  tactic = tp_tactic_new ();
  tp_tactic_set_name (tactic, _("New Tactic"));
  tp_tactic_set_channel (tactic, TP_CHANNEL_SOCIAL_POST);
  tp_tactic_set_audience_id (tactic, primary_audience (self->store));
  tp_tactic_set_cadence_count (tactic, 1);
  tp_tactic_set_cadence_period (tactic, TP_CADENCE_PERIOD_WEEK);
  tp_tactic_set_active (tactic, TRUE);
  tp_tactic_set_position (tactic, _tp_marketing_next_position (self->tactics));

  if (!tp_store_add_tactic (self->store, tactic, &error))
    {
      _tp_marketing_show_error (widget, error);
      return;
    }

  tp_list_pane_select_id (self->list_pane, tp_record_get_id (TP_RECORD (tactic)));
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
  tp_tactic_editor_edit_name (self->editor);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpTacticsSection *self = TP_TACTICS_SECTION (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpUndo) undo = NULL;
  gint64 id = tp_list_pane_get_selected_id (self->list_pane);
  gboolean had_focus = tp_list_pane_has_focus (self->list_pane);

  if (self->store == NULL || id == 0)
    return;

  tp_tactic_editor_flush (self->editor);

  undo = tp_store_delete_tactic (self->store, id, &error);
  if (undo == NULL)
    {
      _tp_marketing_show_error (widget, error);
      return;
    }

  _tp_toast_show_undo_delete (widget, self->store, undo, tactic_undone_cb);

  if (had_focus)
    tp_list_pane_focus_selected (self->list_pane);
  else if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
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
  done->store = g_object_ref (self->store);
  done->id = tp_record_get_id (TP_RECORD (entry));
  g_signal_connect_data (toast, "button-clicked",
                         G_CALLBACK (on_done_toast_button_clicked_cb),
                         done, (GClosureNotify) done_data_free, 0);

  _tp_toast_show (widget, toast);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TpTacticsSection *self = TP_TACTICS_SECTION (widget);

  tp_tactic_editor_flush (self->editor);
  tp_list_pane_move_selected (self->list_pane,
                              g_str_equal (action_name, "tactic.move-up") ? -1 : 1);
}

static void
show_editor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TpTacticsSection *self = TP_TACTICS_SECTION (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpTacticsSection *self = TP_TACTICS_SECTION (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  tp_list_pane_focus_selected (self->list_pane);
}

TpStore *
tp_tactics_section_get_store (TpTacticsSection *self)
{
  g_return_val_if_fail (TP_IS_TACTICS_SECTION (self), NULL);

  return self->store;
}

void
tp_tactics_section_set_store (TpTacticsSection *self,
                              TpStore          *store)
{
  g_return_if_fail (TP_IS_TACTICS_SECTION (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  tp_tactic_editor_set_tactic (self->editor, NULL);
  if (self->tactics != NULL)
    g_signal_handlers_disconnect_by_func (self->tactics, on_tactics_changed_cb, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_clear_object (&self->tactics);

  g_set_object (&self->store, store);

  tp_tactic_editor_set_store (self->editor, store);
  tp_list_pane_set_store (self->list_pane, store);

  if (store != NULL)
    {
      self->tactics = G_LIST_MODEL (tp_stable_list_new (tp_store_list_tactics (store)));
      g_signal_connect_object (self->tactics, "items-changed",
                               G_CALLBACK (on_tactics_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::tactics",
                               G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::tactic_log",
                               G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
    }

  tp_list_pane_set_model (self->list_pane, self->tactics, create_row, self);
  update_page (self);
  update_banner (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tp_tactics_section_get_editing:
 * @self: a #TpTacticsSection
 *
 * Returns: whether the section is folded into one column and shows the
 *   editor, with a back button of its own
 */
gboolean
tp_tactics_section_get_editing (TpTacticsSection *self)
{
  g_return_val_if_fail (TP_IS_TACTICS_SECTION (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet) &&
         g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "editor") == 0;
}

static void
on_leaflet_changed_cb (TpTacticsSection *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

/**
 * tp_tactics_section_get_list:
 * @self: a #TpTacticsSection
 *
 * Returns: (transfer none): the list of tactics
 */
TpListPane *
tp_tactics_section_get_list (TpTacticsSection *self)
{
  g_return_val_if_fail (TP_IS_TACTICS_SECTION (self), NULL);

  return self->list_pane;
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

  g_clear_pointer (&self->title_binding, g_binding_unbind);
  g_clear_object (&self->titled);
  if (self->tactics != NULL)
    g_signal_handlers_disconnect_by_func (self->tactics, on_tactics_changed_cb, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_TACTICS_SECTION);

  g_clear_object (&self->tactics);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_tactics_section_parent_class)->dispose (object);
}

static void
tp_tactics_section_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TpTacticsSection *self = TP_TACTICS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_EDITING:
      g_value_set_boolean (value, tp_tactics_section_get_editing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_tactics_section_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TpTacticsSection *self = TP_TACTICS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_tactics_section_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_tactics_section_class_init (TpTacticsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_tactics_section_dispose;
  object_class->get_property = tp_tactics_section_get_property;
  object_class->set_property = tp_tactics_section_set_property;

  /**
   * TpTacticsSection:store:
   *
   * The store whose tactics show.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TpTacticsSection:editing:
   *
   * Whether the section is folded into one column and shows the editor.
   */
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-tactics-section.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, TpTacticsSection, stack);
  gtk_widget_class_bind_template_child (widget_class, TpTacticsSection, banner);
  gtk_widget_class_bind_template_child (widget_class, TpTacticsSection, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, TpTacticsSection, banner_label);
  gtk_widget_class_bind_template_child (widget_class, TpTacticsSection, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TpTacticsSection, list_pane);
  gtk_widget_class_bind_template_child (widget_class, TpTacticsSection, editor_title);
  gtk_widget_class_bind_template_child (widget_class, TpTacticsSection, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_selected_id_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_activated_cb);

  gtk_widget_class_install_action (widget_class, "tactics.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "tactics.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "tactics.show-editor", NULL, show_editor_action);
  gtk_widget_class_install_action (widget_class, "tactic.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "tactic.done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "tactic.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "tactic.move-down", NULL, move_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "tactic.done", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_tactics_section_init (TpTacticsSection *self)
{
  g_type_ensure (TP_TYPE_LIST_PANE);
  g_type_ensure (TP_TYPE_TACTIC_EDITOR);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (on_leaflet_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (on_leaflet_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->banner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Focus"),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->banner),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->banner_label, NULL,
                                  -1);

  update_page (self);
  update_banner (self);
}
