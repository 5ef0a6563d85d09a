/* tp-window-private.h
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

#include "tp-database.h"
#include "tp-store.h"
#include "tp-marketing-page.h"
#include "tp-sales-page.h"
#include "tp-window.h"

G_BEGIN_DECLS

struct _TpWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;        /* over the pages, above the switcher bar */
  AdwToastOverlay      *error_toast_overlay;  /* over the page that says why not */
  GtkStack             *main_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  TpMarketingPage      *marketing_page;
  TpSalesPage          *sales_page;
  AdwStatusPage        *error_page;
  AdwStatusPage        *connecting_page;      /* a team database connecting on a worker */
  GtkSpinner           *connecting_spinner;
  GtkWidget            *retry_button;
  GtkWidget            *choose_button;
  GtkWidget            *new_database_button;
  GtkRevealer          *sample_banner;
  GtkRevealer          *team_banner;        /* read-only role, or connection lost */
  GtkWidget            *team_banner_box;
  GtkLabel             *team_banner_label;
  GtkRevealer          *guide_bar;
  GtkLabel             *guide_title;
  GtkLabel             *guide_description;
  GtkButton            *guide_next_button;
  AdwStatusPage        *welcome_page;

  GSettings            *settings;
  TpStore              *store;
  char                 *database_path;
  GError               *database_error;
  GCancellable         *pages_check;  /* the deferred check of a large file */
  guint                 retry_source;       /* while another program holds the file */
  GCancellable         *retry_cancellable;  /* the probe on a worker */
  char                 *real_database_path; /* (nullable): while the sample shows */
  guint                 guide_step;         /* 0: no guide; 1–3: the plan's steps */
  guint                 attention_source;   /* the banner stands out until then */
  guint                 connection_watch;   /* a team database's socket */
  guint                 reconnect_source;   /* the next try after the connection was lost */
  guint                 reconnect_delay_s;
  GCancellable         *reconnecting;
  gboolean              offline;            /* the team database's connection was lost */
};

void _tp_window_class_actions_init (TpWindowClass *klass);
void _tp_window_actions_update     (TpWindow      *self);
gboolean _tp_window_can_change     (TpWindow      *self);
void _tp_window_team_update        (TpWindow      *self);
void _tp_window_team_stop          (TpWindow      *self);
void _tp_window_retry_server       (TpWindow      *self);
char *_tp_window_dup_sample_path   (void);
void _tp_window_show_guide_step    (TpWindow      *self,
                                    guint          step);

/* Starts Copy Business To… into @target, as its dialogs do */
void _tp_window_copy_business_to   (TpWindow      *self,
                                    const char    *target);

G_END_DECLS
