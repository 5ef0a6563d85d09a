/* tp-notifier.h
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

#pragma once

#include <gio/gio.h>

#include "tp-follow-up-queue.h"

G_BEGIN_DECLS

/* What a follow-up notification says; the GNotification itself keeps it
 * out of reach, so the notifier hands it to a test's sender alongside. */
typedef struct
{
  const char *id;             /* the GApplication notification id */
  const char *title;
  const char *body;
  const char *action;         /* the default action, "app.show-customer" or "app.show-follow-ups" */
  gint64      customer_id;    /* the default action's target; 0 for app.show-follow-ups */
} TpFollowUpNotice;

/* Sends @notification; the default sends it through the GApplication. */
typedef void (*TpFollowUpNotifyFunc) (GNotification          *notification,
                                      const TpFollowUpNotice *notice,
                                      gpointer                user_data);

/* Past this many follow-ups at once, one notification sums them up. */
#define TP_NOTIFIER_MAX_SINGLE 3

#define TP_TYPE_NOTIFIER (tp_notifier_get_type ())

G_DECLARE_FINAL_TYPE (TpNotifier, tp_notifier, TP, NOTIFIER, GObject)

TpNotifier *tp_notifier_new              (GApplication          *application);
void        tp_notifier_set_watching     (TpNotifier            *self,
                                          const char            *database_path);
void        tp_notifier_check            (TpNotifier            *self);

void        _tp_notifier_attach          (TpNotifier            *self,
                                          TpFollowUpQueue       *queue,
                                          const char            *database_path);
void        _tp_notifier_announce        (TpNotifier            *self,
                                          const char            *database_path,
                                          TpFollowUpQueue       *queue,
                                          GPtrArray             *came_due,
                                          TpFollowUpNotifyFunc   func,
                                          gpointer               user_data);

G_END_DECLS
