/* tp-test-engine.h — which engine a test program runs on
 *
 * Copyright 2026 The Touchpoint authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether TP_TEST_ENGINE=postgresql: the test runs under tests/pg-cluster
 * against its server. */
gboolean  tp_test_engine_is_pg        (void);

/* Where a test's new database lives: ":memory:" on SQLite, a new empty
 * database on the throwaway server on PostgreSQL. Aborts the test when
 * the server is not there: it is never skipped. */
char     *tp_test_engine_new_database (void);

/* A database a second connection can open too: the file @name in @dir
 * on SQLite, a new database on the server on PostgreSQL. */
char     *tp_test_engine_new_shared_database (const char *dir,
                                              const char *name);

/* A new empty database on the throwaway server (any engine setting). */
char     *tp_test_pg_new_database     (void);

/* Runs SQL as the cluster's superuser on the database of @uri (NULL: the
 * first test database). Aborts the test on an error. */
void      tp_test_pg_admin            (const char *uri,
                                       const char *sql);

/* The first column of the first row of @sql, or NULL */
char     *tp_test_pg_query            (const char *uri,
                                       const char *sql);

G_END_DECLS
