/* tp-toast.c
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

#define G_LOG_DOMAIN "tp-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "tp-toast-private.h"
#include "tp-window.h"

/*
 * Every toast of the window's sections and dialogs goes through here: the
 * window's overlay shows one toast at a time, the newest, because only
 * the latest delete can be undone and the newest message is the one that
 * matters; doing the same thing again while its toast shows (a kind)
 * retitles that toast instead of stacking another.
 *
 * libadwaita before 1.4 (Debian 12 has 1.2) frees a toast dismissed in its
 * first 200 ms while it is still sliding in (500 ms when it replaced
 * another, against a 300 ms fade), and the end of that slide then crashes
 * the app (a SIGSEGV in adw_animation_skip). So a toast stays until it has
 * been on screen TOAST_SETTLED_MS; a newer one waits for that moment (a
 * still newer one takes its place) and then replaces it. A toast is never
 * pushed back into the overlay's queue either: libadwaita 1.2 fails an
 * assertion when it shows a toast again whose widget is still hiding
 * (only a toast of high priority goes in front of an unsettled one, which
 * waits in the overlay's queue meanwhile). Newer libadwaita replaces at
 * once. Tests press a toast's button after
 * 700 ms, as a person would.
 */
#define TOAST_SETTLED_MS 600

typedef struct
{
  GtkWidget *overlay;   /* not owned: this struct is the overlay's data */
  GWeakRef   current;   /* the toast on screen */
  gint64     shown_at;  /* when it was put there */
  AdwToast  *pending;   /* owned: the toast that waits for it to settle */
  guint      source;
  char      *kind;      /* (nullable): what the newest toast says */
  guint      count;     /* how many of that kind it sums up */
} Presenter;

static void
presenter_free (gpointer data)
{
  Presenter *presenter = data;

  g_clear_handle_id (&presenter->source, g_source_remove);
  g_clear_object (&presenter->pending);
  g_weak_ref_clear (&presenter->current);
  g_free (presenter->kind);
  g_free (presenter);
}

static gboolean
replace_at_once (void)
{
  return adw_get_major_version () > 1 || adw_get_minor_version () >= 4;
}

static void
on_toast_dismissed_cb (AdwToast  *toast,
                       GtkWidget *overlay)
{
  Presenter *presenter = g_object_get_data (G_OBJECT (overlay), "tp-toast-presenter");
  g_autoptr(AdwToast) current = NULL;

  if (presenter == NULL)
    return;

  current = g_weak_ref_get (&presenter->current);

  /* Gone by its timeout or its close button: the next starts afresh. */
  if (current == toast && presenter->pending == NULL)
    {
      g_weak_ref_set (&presenter->current, NULL);
      g_clear_pointer (&presenter->kind, g_free);
    }
}

/* Shows @toast (transfer full) in place of the toast on screen, which is
 * dismissed, or put back into the overlay's queue unless @dismiss. */
static void
presenter_show (Presenter *presenter,
                AdwToast  *toast,
                gboolean   dismiss)
{
  g_autoptr(AdwToast) current = g_weak_ref_get (&presenter->current);

  g_clear_handle_id (&presenter->source, g_source_remove);
  g_clear_object (&presenter->pending);

  g_weak_ref_set (&presenter->current, toast);
  if (current != NULL && dismiss)
    adw_toast_dismiss (current);

  presenter->shown_at = g_get_monotonic_time ();
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), presenter->overlay, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (presenter->overlay), toast);
}

static gboolean
show_pending_cb (gpointer user_data)
{
  Presenter *presenter = user_data;

  presenter->source = 0;
  presenter_show (presenter, g_steal_pointer (&presenter->pending), TRUE);

  return G_SOURCE_REMOVE;
}

static void
on_overlay_unrealize_cb (GtkWidget *overlay,
                         Presenter *presenter)
{
  /* A window that closes shows nothing more. */
  g_clear_handle_id (&presenter->source, g_source_remove);
  g_clear_object (&presenter->pending);
}

static GtkWidget *
find_toast_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_overlay (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The overlay over the window that holds @widget; a dialog shows its
 * toasts over the window it belongs to. */
static GtkWidget *
toast_overlay_for (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (overlay == NULL && GTK_IS_WINDOW (root))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (root));

      overlay = find_toast_overlay (parent != NULL ? GTK_WIDGET (parent) : GTK_WIDGET (root));
    }

  return overlay;
}

static Presenter *
presenter_for (GtkWidget *overlay)
{
  Presenter *presenter = g_object_get_data (G_OBJECT (overlay), "tp-toast-presenter");

  if (presenter == NULL)
    {
      presenter = g_new0 (Presenter, 1);
      presenter->overlay = overlay;
      g_weak_ref_init (&presenter->current, NULL);
      g_object_set_data_full (G_OBJECT (overlay), "tp-toast-presenter", presenter, presenter_free);
      g_signal_connect (overlay, "unrealize", G_CALLBACK (on_overlay_unrealize_cb), presenter);
    }

  return presenter;
}

/* The newest toast: the one that waits, or the one on screen. */
static AdwToast *
dup_newest (Presenter *presenter)
{
  if (presenter->pending != NULL)
    return g_object_ref (presenter->pending);

  return g_weak_ref_get (&presenter->current);
}

/**
 * _tp_toast_show_kind:
 * @widget: the widget whose action this was
 * @toast: (transfer full): the toast
 * @kind: (nullable): what the toast says, such as "touch-logged:12"
 *
 * Shows @toast over the window that holds @widget, in place of the toast
 * shown before (once that one has settled). While the newest toast is of
 * the same @kind, it takes the title of @toast instead: doing the same
 * thing six times in a row shows one toast, not six. The title should sum
 * them up, with _tp_toast_count().
 */
void
_tp_toast_show_kind (GtkWidget  *widget,
                     AdwToast   *toast,
                     const char *kind)
{
  GtkWidget *overlay;
  Presenter *presenter;
  g_autoptr(AdwToast) newest = NULL;
  g_autoptr(AdwToast) current = NULL;
  gint64 shown_ms;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = toast_overlay_for (widget);
  if (overlay == NULL)
    {
      /* Not in a window: say it where a developer will see it. */
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  presenter = presenter_for (overlay);
  newest = dup_newest (presenter);
  if (kind != NULL && newest != NULL && g_strcmp0 (presenter->kind, kind) == 0)
    {
      presenter->count++;
      adw_toast_set_title (newest, adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  g_free (presenter->kind);
  presenter->kind = g_strdup (kind);
  presenter->count = 1;

  current = g_weak_ref_get (&presenter->current);
  shown_ms = (g_get_monotonic_time () - presenter->shown_at) / 1000;

  /* News that must not wait (a customer's new stage) goes in front at
   * once; the overlay puts the toast it shows back into its queue,
   * without dismissing it. */
  if (adw_toast_get_priority (toast) == ADW_TOAST_PRIORITY_HIGH &&
      current != NULL && shown_ms < TOAST_SETTLED_MS && !replace_at_once ())
    {
      presenter_show (presenter, toast, FALSE);
      return;
    }

  if (current == NULL || shown_ms >= TOAST_SETTLED_MS || replace_at_once ())
    {
      presenter_show (presenter, toast, TRUE);
      return;
    }

  g_clear_object (&presenter->pending);
  presenter->pending = toast;
  if (presenter->source == 0)
    {
      presenter->source = g_timeout_add ((guint) (TOAST_SETTLED_MS - shown_ms),
                                         show_pending_cb, presenter);
      g_source_set_name_by_id (presenter->source, "[touchpoint] next toast");
    }
}

/**
 * _tp_toast_show:
 * @widget: the widget the toast is about
 * @toast: (transfer full): the toast
 *
 * Shows @toast over the window that holds @widget, see _tp_toast_show_kind().
 */
void
_tp_toast_show (GtkWidget *widget,
                AdwToast  *toast)
{
  _tp_toast_show_kind (widget, toast, NULL);
}

/**
 * _tp_toast_count:
 * @widget: the widget that will show the toast
 * @kind: what the toast says, such as "touch-logged:12"
 *
 * Returns: how many toasts of @kind a new one sums up: 1, or one more
 *   than the toast of @kind that still shows
 */
guint
_tp_toast_count (GtkWidget  *widget,
                 const char *kind)
{
  GtkWidget *overlay = toast_overlay_for (widget);
  Presenter *presenter;
  g_autoptr(AdwToast) newest = NULL;

  if (overlay == NULL)
    return 1;

  presenter = presenter_for (overlay);
  newest = dup_newest (presenter);

  return newest != NULL && g_strcmp0 (presenter->kind, kind) == 0 ? presenter->count + 1 : 1;
}

/**
 * _tp_toast_show_error:
 * @widget: the widget whose action failed
 * @error: what went wrong
 *
 * Shows the message of @error in a toast that stays until it is closed.
 */
void
_tp_toast_show_error (GtkWidget    *widget,
                      const GError *error)
{
  AdwToast *toast;

  /* The window's banner already says why (a role that may only read) */
  if (_tp_window_refuse_quietly (widget, error))
    return;

  toast = adw_toast_new (error->message);
  adw_toast_set_timeout (toast, 0);
  _tp_toast_show (widget, toast);
}

typedef struct
{
  TpToastUndoFunc func;
  gpointer        user_data;
  GDestroyNotify  destroy;
} UndoData;

static void
undo_data_free (gpointer  data,
                GClosure *closure)
{
  UndoData *undo = data;

  if (undo->destroy != NULL)
    undo->destroy (undo->user_data);
  g_free (undo);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    UndoData *undo)
{
  undo->func (undo->user_data);
}

/**
 * _tp_toast_show_undo:
 * @widget: the widget whose action this was
 * @title: what was done, such as "Customer “Ada” deleted"
 * @undo_func: what the toast's Undo button does
 * @user_data: for @undo_func
 * @destroy: (nullable): frees @user_data with the toast
 *
 * Shows @title with an Undo button: the one undo toast of the app.
 */
void
_tp_toast_show_undo (GtkWidget       *widget,
                     const char      *title,
                     TpToastUndoFunc  undo_func,
                     gpointer         user_data,
                     GDestroyNotify   destroy)
{
  AdwToast *toast;
  UndoData *undo;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (undo_func != NULL);

  undo = g_new0 (UndoData, 1);
  undo->func = undo_func;
  undo->user_data = user_data;
  undo->destroy = destroy;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb),
                         undo, undo_data_free, 0);

  _tp_toast_show (widget, toast);
}

typedef struct
{
  TpStore      *store;
  TpUndo       *undo;
  GWeakRef      widget;
  GWeakRef      overlay;
  TpUndoneFunc  undone_func;
} DeleteUndo;

static void
delete_undo_free (gpointer data)
{
  DeleteUndo *delete_undo = data;

  g_clear_object (&delete_undo->store);
  g_clear_pointer (&delete_undo->undo, tp_undo_unref);
  g_weak_ref_clear (&delete_undo->widget);
  g_weak_ref_clear (&delete_undo->overlay);
  g_free (delete_undo);
}

static void
undo_delete_cb (gpointer user_data)
{
  DeleteUndo *delete_undo = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&delete_undo->widget);
  g_autoptr(GtkWidget) overlay = g_weak_ref_get (&delete_undo->overlay);

  if (!tp_store_undo (delete_undo->store, delete_undo->undo, &error))
    {
      if (overlay != NULL)
        _tp_toast_show_error (overlay, error);
      return;
    }

  if (widget != NULL && delete_undo->undone_func != NULL)
    delete_undo->undone_func (widget, tp_undo_get_id (delete_undo->undo));
}

/**
 * _tp_toast_show_undo_delete:
 * @widget: the widget that deleted (it is told when the delete is undone)
 * @store: the store that deleted
 * @undo: what the delete returned
 * @undone_func: (nullable): called with @widget and the restored id
 *
 * Shows the toast of a delete, whose Undo button puts back exactly what
 * the delete took away (tp_store_undo()).
 */
void
_tp_toast_show_undo_delete (GtkWidget    *widget,
                            TpStore      *store,
                            TpUndo       *undo,
                            TpUndoneFunc  undone_func)
{
  DeleteUndo *delete_undo;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (TP_IS_STORE (store));
  g_return_if_fail (undo != NULL);

  delete_undo = g_new0 (DeleteUndo, 1);
  delete_undo->store = g_object_ref (store);
  delete_undo->undo = tp_undo_ref (undo);
  delete_undo->undone_func = undone_func;
  g_weak_ref_init (&delete_undo->widget, widget);
  g_weak_ref_init (&delete_undo->overlay, toast_overlay_for (widget));

  _tp_toast_show_undo (widget, tp_undo_get_title (undo), undo_delete_cb,
                       delete_undo, delete_undo_free);
}
