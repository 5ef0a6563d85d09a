/* tp-test-engine.c — which engine a test program runs on
 *
 * Copyright 2026 The Touchpoint authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>
#include <string.h>
#include <unistd.h>

#include "tp-test-engine.h"

gboolean
tp_test_engine_is_pg (void)
{
  return g_strcmp0 (g_getenv ("TP_TEST_ENGINE"), "postgresql") == 0;
}

static const char *
base_uri (void)
{
  const char *uri = g_getenv ("TP_TEST_PG_URI");

  if (uri == NULL || uri[0] == '\0')
    g_error ("TP_TEST_PG_URI is not set: run this test under tests/pg-cluster "
             "(meson test does)");

  return uri;
}

static PGconn *
connect_admin (const char *uri)
{
  PGconn *conn = PQconnectdb (uri != NULL ? uri : base_uri ());

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect to the test server: %s", PQerrorMessage (conn));
  PQclear (PQexec (conn, "SET client_min_messages = warning"));

  return conn;
}

void
tp_test_pg_admin (const char *uri,
                  const char *sql)
{
  PGconn *conn = connect_admin (uri);
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
}

char *
tp_test_pg_query (const char *uri,
                  const char *sql)
{
  PGconn *conn = connect_admin (uri);
  PGresult *result = PQexec (conn, sql);
  char *value = NULL;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);

  return value;
}

char *
tp_test_pg_new_database (void)
{
  static guint counter;
  const char *uri = base_uri ();
  g_autofree char *name = g_strdup_printf ("tp_%u_%u", (guint) getpid (), ++counter);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", name);
  const char *slash = strrchr (uri, '/');

  tp_test_pg_admin (NULL, sql);

  return g_strdup_printf ("%.*s/%s", (int) (slash - uri), uri, name);
}

char *
tp_test_engine_new_shared_database (const char *dir,
                                    const char *name)
{
  if (tp_test_engine_is_pg ())
    return tp_test_pg_new_database ();

  return g_build_filename (dir, name, NULL);
}

char *
tp_test_engine_new_database (void)
{
  if (tp_test_engine_is_pg ())
    return tp_test_pg_new_database ();

  return g_strdup (":memory:");
}
