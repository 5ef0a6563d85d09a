/* tp-migrations-private.h
 *
 * Copyright 2026 The Touchpoint authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The schema version this build writes; PRAGMA user_version holds it. */
#define TP_SCHEMA_VERSION 9

/* PRAGMA application_id of a Touchpoint database: ASCII "TchP". Set when
 * a file is created and by step 2 on files from before it; a file that
 * carries another (non-zero) id belongs to another program. */
#define TP_APPLICATION_ID 0x54636850

/* The first version whose files carry TP_APPLICATION_ID. A file without
 * it is a Touchpoint file only if its user_version is below this and its
 * tables are those the steps up to that version make. */
#define TP_APPLICATION_ID_VERSION 2

const char * const *_tp_migrations_get (guint *n_steps);
int                 _tp_migrations_open_model (sqlite3 **model);
const char         *_tp_migrations_results_rebuild (void);
const char         *_tp_migrations_search_rebuild (void);
const char         *_tp_migrations_server_step_9 (void);

G_END_DECLS
