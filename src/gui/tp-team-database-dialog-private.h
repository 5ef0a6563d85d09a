/* tp-team-database-dialog-private.h
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

#include "tp-team-database-dialog.h"

G_BEGIN_DECLS

struct _TpTeamDatabaseDialog
{
  AdwWindow             parent_instance;

  AdwEntryRow          *host_row;
  AdwEntryRow          *port_row;
  AdwEntryRow          *database_row;
  AdwEntryRow          *user_row;
  AdwEntryRow          *password_row;
  GtkSwitch            *remember_switch;
  AdwComboRow          *sslmode_row;
  GtkWidget            *fields_group;
  GtkWidget            *advanced_group;
  GtkWidget            *status_box;
  GtkWidget            *progress_box;
  GtkSpinner           *spinner;
  GtkLabel             *progress_label;
  GtkLabel             *message_label;
  GtkWidget            *setup_button;
  GtkWidget            *connect_button;
  GtkWidget            *cancel_button;

  TpWindow             *window;
  GSettings            *settings;
  GCancellable         *connecting;    /* while a worker connects */
  GCancellable         *lookup;        /* the keyring's answer */
  gboolean              had_secret;    /* the keyring held this database's password */
};

G_END_DECLS
