/* tp-database-pg-feed.c
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

#define G_LOG_DOMAIN "tp-database"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>

#include "tp-database-private.h"

/*
 * The change feed of a team database, on the server's side: LISTEN and
 * NOTIFY on one channel. What a change says (the payload) is written
 * and read by TpStore (tp-store-feed.c); this file only sends it inside
 * the writer's transaction (the server delivers it at the commit, and
 * drops it with a rollback, a rolled-back savepoint's too) and hands
 * over what other connections sent, never this connection's own.
 */

/* The server refuses a payload of 8000 bytes or more */
G_STATIC_ASSERT (TP_PG_FEED_MAX_PAYLOAD < 8000);

/* Runs @sql, with @payload as its one parameter ($1) if not NULL */
static gboolean
feed_run (TpPgDatabase  *db,
          const char    *sql,
          const char    *payload,
          GError       **error)
{
  PGconn *conn = _tp_pg_get_conn (db);
  PGresult *result = payload != NULL
    ? PQexecParams (conn, sql, 1, NULL, &payload, NULL, NULL, 0)
    : PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;

  if (!ok)
    {
      g_autofree char *detail = g_strchomp (g_strdup (PQerrorMessage (conn)));

      g_set_error (error, TP_DATABASE_ERROR,
                   PQstatus (conn) == CONNECTION_OK ? TP_DATABASE_ERROR_FAILED
                                                    : TP_DATABASE_ERROR_UNREACHABLE,
                   /* Translators: the first %s is a database address, the second what the server said */
                   _("Could not use the database “%s”: %s"),
                   _tp_pg_get_display_name (db), detail);
    }
  PQclear (result);

  return ok;
}

gboolean
_tp_pg_feed_listen (TpPgDatabase  *db,
                    GError       **error)
{
  return feed_run (db, "LISTEN " TP_PG_FEED_CHANNEL, NULL, error);
}

/* @payload goes as a bound parameter of pg_notify(), as NOTIFY itself
 * takes none */
gboolean
_tp_pg_feed_notify (TpPgDatabase  *db,
                    const char    *payload,
                    GError       **error)
{
  g_return_val_if_fail (strlen (payload) <= TP_PG_FEED_MAX_PAYLOAD, FALSE);

  return feed_run (db, "SELECT pg_notify('" TP_PG_FEED_CHANNEL "', $1)", payload, error);
}

/* The next payload another connection sent that libpq has already read,
 * or NULL; reads nothing from the socket (_tp_pg_check_connection ()
 * does). */
char *
_tp_pg_feed_take (TpPgDatabase *db)
{
  PGconn *conn = _tp_pg_get_conn (db);
  int own_pid = PQbackendPID (conn);
  PGnotify *notify;

  while ((notify = PQnotifies (conn)) != NULL)
    {
      char *payload = NULL;

      if (notify->be_pid != own_pid && g_str_equal (notify->relname, TP_PG_FEED_CHANNEL))
        payload = g_strdup (notify->extra);
      PQfreemem (notify);

      if (payload != NULL)
        return payload;
    }

  return NULL;
}
