/* tp-migrations-private.h
 *
 * Copyright 2026 The Touchpoint authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The schema version this build writes; PRAGMA user_version holds it. */
#define TP_SCHEMA_VERSION 2

const char * const *_tp_migrations_get (guint *n_steps);

G_END_DECLS
