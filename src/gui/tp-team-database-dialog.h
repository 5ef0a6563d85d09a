/* tp-team-database-dialog.h
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

#include <adwaita.h>
#include <libsecret/secret.h>

#include "tp-window.h"

G_BEGIN_DECLS

#define TP_TYPE_TEAM_DATABASE_DIALOG (tp_team_database_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TpTeamDatabaseDialog, tp_team_database_dialog, TP, TEAM_DATABASE_DIALOG, AdwWindow)

TpTeamDatabaseDialog *tp_team_database_dialog_new (TpWindow *window);

/* The keyring item of a team database's password (for the tests) */
const SecretSchema   *_tp_team_database_secret_schema     (void);
GHashTable           *_tp_team_database_secret_attributes (const char *host,
                                                          const char *port,
                                                          const char *database,
                                                          const char *user);
char                 *_tp_team_database_build_uri         (const char *host,
                                                          const char *port,
                                                          const char *database,
                                                          const char *user,
                                                          const char *sslmode);

G_END_DECLS
