/* tp-database-pg.c
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

#include "tp-database-pg-private.h"

/*
 * The PostgreSQL engine: a team database on a server, through libpq.
 *
 * Callers write SQLite's SQL; this file is the one place that knows how
 * PostgreSQL says the same:
 * - parameters: `?N` and `?` become `$N`; values are sent as text with
 *   their type (bigint, double precision, or unknown for text and NULL,
 *   which the server then infers);
 * - SQLite's hints go: NOT INDEXED, INDEXED BY, CROSS JOIN (a JOIN);
 *   so does the search through SQLite's FTS5 table (`x IN (SELECT rowid
 *   FROM customers_search WHERE customers_search MATCH ?N)` becomes
 *   `x IS NOT NULL`): trigram indexes serve the LIKE beside it;
 *   rowid, which callers use only for the order rows were added to a
 *   temporary table, is the row's place (ctid); the schema `temp.` of
 *   temporary tables is `pg_temp.`;
 *   ORDER BY terms say NULLS FIRST (ascending) or LAST, as SQLite sorts;
 * - `COLLATE NOCASE` becomes the collation tp_nocase (ICU, case folded),
 *   except in an ORDER BY term, which sorts as SQLite does (ASCII
 *   folded, then bytes: `lower(term COLLATE "C") COLLATE "C"`),
 *   `LIKE` becomes `ILIKE` (SQLite's LIKE ignores the case of ASCII),
 *   `a IS b` and `a IS NOT b` become `IS [NOT] DISTINCT FROM`;
 * - the id of an inserted row comes from `RETURNING id`, added to each
 *   INSERT that has no RETURNING of its own;
 * - a failed statement inside a transaction is undone alone (a savepoint
 *   around it), as in SQLite, instead of aborting the whole transaction;
 * - the schema: tables and their constraints are generated from the
 *   description in tp-schema.c; indexes and the triggers that keep the
 *   customer figures come from the SQL of tp-migrations.c, built in an
 *   in-memory SQLite database and translated, so that a new step shows
 *   up here without a second copy; each index sorts as the translated
 *   ORDER BY terms do (translate_index ()). The version lives in the table
 *   touchpoint_schema (PostgreSQL has no user_version).
 *
 * The password (from the URI, PGPASSWORD or ~/.pgpass) is never part of
 * a message: errors name the database by its URI without it.
 *
 * The engine's files, sharing tp-database-pg-private.h:
 *   tp-database-pg.c            the connection (this file): passwords,
 *                               opening, errors, running SQL with a
 *                               savepoint around a statement
 *   tp-database-pg-sql.c        SQLite's SQL translated
 *   tp-database-pg-schema.c     the schema generated, created, upgraded
 *                               from an earlier version, checked
 *   tp-database-pg-load.c       a bulk load: indexes and keys dropped and
 *                               made again, INSERTs sent as COPY
 *   tp-database-pg-statement.c  a statement: bound, run, its rows read
 *   tp-database-pg-feed.c       the change feed (LISTEN/NOTIFY)
 */

/* Passwords the team database dialog gave, by URI: in this process's
 * memory only, for the window's connection and its workers'. */
static GMutex passwords_lock;
static GHashTable *passwords;

static void
free_password (gpointer data)
{
  char *password = data;

  memset (password, 0, strlen (password));
  g_free (password);
}

void
_tp_pg_set_password (const char *uri,
                     const char *password)
{
  g_mutex_lock (&passwords_lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_password);
  if (password != NULL && password[0] != '\0')
    g_hash_table_replace (passwords, g_strdup (uri), g_strdup (password));
  else
    g_hash_table_remove (passwords, uri);
  g_mutex_unlock (&passwords_lock);
}

static char *
dup_password (const char *uri)
{
  char *password = NULL;

  g_mutex_lock (&passwords_lock);
  if (passwords != NULL)
    password = g_strdup (g_hash_table_lookup (passwords, uri));
  g_mutex_unlock (&passwords_lock);

  return password;
}

gboolean
_tp_database_is_pg_uri (const char *path)
{
  return path != NULL &&
         (g_str_has_prefix (path, "postgresql://") || g_str_has_prefix (path, "postgres://"));
}

/* The server's words, without the password should they ever hold it. */
char *
_tp_pg_scrub (TpPgDatabase *db,
              const char   *text)
{
  g_autoptr(GString) s = g_string_new (text != NULL ? text : "");

  g_strchomp (s->str);
  s->len = strlen (s->str);
  if (db != NULL && db->password != NULL && db->password[0] != '\0')
    g_string_replace (s, db->password, "***", 0);

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const char *
conninfo_value (PQconninfoOption *options,
                const char       *keyword)
{
  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, keyword))
      return o->val;
  return NULL;
}

/* postgresql://user@host:port/dbname, never with the password or the
 * other parameters. */
static char *
make_display_name (PQconninfoOption *options)
{
  const char *user = conninfo_value (options, "user");
  const char *host = conninfo_value (options, "host");
  const char *port = conninfo_value (options, "port");
  const char *dbname = conninfo_value (options, "dbname");
  g_autoptr(GString) s = g_string_new ("postgresql://");

  if (user != NULL && user[0] != '\0')
    g_string_append_printf (s, "%s@", user);
  if (host != NULL && host[0] != '\0')
    g_string_append (s, host);
  if (port != NULL && port[0] != '\0')
    g_string_append_printf (s, ":%s", port);
  g_string_append_c (s, '/');
  if (dbname != NULL)
    g_string_append (s, dbname);

  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
_tp_pg_name_for_uri (const char *uri)
{
  PQconninfoOption *options = PQconninfoParse (uri, NULL);
  char *name;

  if (options == NULL)
    return g_strdup ("postgresql://");
  name = make_display_name (options);
  PQconninfoFree (options);

  return name;
}

/* Maps a failed statement's SQLSTATE to a TpDatabaseError whose message
 * names the database and what the server said. */
void
_tp_pg_set_result_error (TpPgDatabase  *db,
                         PGresult      *result,
                         GError       **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  g_autofree char *detail = _tp_pg_scrub (db, primary != NULL ? primary : PQerrorMessage (db->conn));
  gboolean lost;
  const char *name = db->display_name;

  if (state == NULL)
    state = "";

  /* An error with no SQLSTATE is libpq's own: the connection failed
   * before the server could answer (it may not know yet that it is bad) */
  lost = PQstatus (db->conn) == CONNECTION_BAD || state[0] == '\0' ||
         g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P");

  if (lost)
    {
      /* libpq's explanation of a lost connection runs over several lines:
       * the first one says it. */
      char *newline = strchr (detail, '\n');

      if (newline != NULL)
        *newline = '\0';
    }

  if (lost)
    g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_UNREACHABLE,
                 /* Translators: the first %s is a database address, the second what the server said */
                 _("The connection to “%s” was lost (%s). The last change was not saved; "
                   "check that the server is running and the network is up."),
                 name, detail);
  else if (g_str_has_prefix (state, "23"))
    g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONSTRAINT,
                 /* Translators: the first %s is a file name, the second what SQLite said */
                 _("A value was refused by a rule of “%s”: %s"),
                 name, detail);
  else if (g_str_equal (state, "42501") || g_str_equal (state, "25006"))
    g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION,
                 /* Translators: the first %s is a database address, the second what the server said */
                 _("The user of “%s” may not do this (%s). Ask the database's owner for the "
                   "rights Touchpoint needs."),
                 name, detail);
  else if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") ||
           g_str_equal (state, "55P03"))
    g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_BUSY,
                 /* Translators: %s is a database address */
                 _("Someone else's change to “%s” got in the way of this one. Nothing was "
                   "changed; try again."),
                 name);
  else if (g_str_equal (state, "53100"))
    g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FULL,
                 /* Translators: %s is a file name */
                 _("Could not save to “%s”: the disk is full. Nothing was changed; "
                   "free some space and try again."),
                 name);
  else
    g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FAILED,
                 /* Translators: the first %s is a file name, the second what SQLite said */
                 _("Could not use the database “%s”: %s"),
                 name, detail);
}

void
_tp_pg_set_transaction_error (TpPgDatabase  *db,
                              const char    *detail,
                              GError       **error)
{
  if (db->conn != NULL && PQstatus (db->conn) == CONNECTION_BAD)
    {
      /* Only the first line of libpq's explanation, as for a statement */
      g_autofree char *line = g_strndup (detail, strcspn (detail, "\n"));

      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_UNREACHABLE,
                   /* Translators: the first %s is a database address, the second what the server said */
                   _("The connection to “%s” was lost (%s). The last change was not saved; "
                     "check that the server is running and the network is up."),
                   db->display_name, line);
      return;
    }

  g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FAILED,
               /* Translators: the first %s is a file name, the second what SQLite said */
               _("Could not use the database “%s”: %s"),
               db->display_name, detail);
}

/* Runs fixed SQL, as it is. */
gboolean
_tp_pg_run (TpPgDatabase  *db,
            const char    *sql,
            GError       **error)
{
  PGresult *result = PQexec (db->conn, sql);
  ExecStatusType status = PQresultStatus (result);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;

  if (!ok)
    _tp_pg_set_result_error (db, result, error);
  PQclear (result);

  return ok;
}

void
_tp_pg_run_quietly (TpPgDatabase *db,
                    const char   *sql)
{
  PQclear (PQexec (db->conn, sql));
}

gboolean
_tp_pg_in_transaction (TpPgDatabase *db)
{
  PGTransactionStatusType status = PQtransactionStatus (db->conn);

  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

gboolean
_tp_pg_in_failed_transaction (TpPgDatabase *db)
{
  return PQtransactionStatus (db->conn) == PQTRANS_INERROR;
}

/* Runs one of the caller's statements. Inside a transaction it is undone
 * alone when it fails, as SQLite does, so that the transaction goes on. */
PGresult *
_tp_pg_run_guarded (TpPgDatabase  *db,
                    const char    *sql,
                    int            n_params,
                    const Oid     *types,
                    const char * const *values,
                    const int     *lengths,
                    const int     *formats,
                    GError       **error)
{
  gboolean guarded = PQtransactionStatus (db->conn) == PQTRANS_INTRANS;
  PGresult *result;
  ExecStatusType status;

  if (guarded && !_tp_pg_run (db, "SAVEPOINT tp_statement", error))
    return NULL;

  if (n_params == 0 && values == NULL)
    result = PQexec (db->conn, sql);
  else
    result = PQexecParams (db->conn, sql, n_params, types, values, lengths, formats, 0);

  status = PQresultStatus (result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      g_debug ("%s: %s", sql, PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY));
      _tp_pg_set_result_error (db, result, error);
      PQclear (result);
      if (guarded)
        _tp_pg_run_quietly (db, "ROLLBACK TO SAVEPOINT tp_statement; RELEASE SAVEPOINT tp_statement");
      return NULL;
    }

  if (guarded && !_tp_pg_run (db, "RELEASE SAVEPOINT tp_statement", error))
    {
      PQclear (result);
      return NULL;
    }

  return result;
}

/* Opening --------------------------------------------------------------- */

static void
ignore_notice (void       *data,
               const char *message)
{
  g_debug ("%s", message);
}

/* Why the connection failed, in words a person can act on. */
static void
set_connect_error (TpPgDatabase  *db,
                   GError       **error)
{
  g_autofree char *detail = _tp_pg_scrub (db, PQerrorMessage (db->conn));
  char *newline = strchr (detail, '\n');

  /* The first line says what failed; libpq's hints follow on others. */
  if (newline != NULL)
    *newline = '\0';

  if (strstr (detail, "password authentication failed") != NULL ||
      strstr (detail, "no password supplied") != NULL ||
      strstr (detail, "fe_sendauth") != NULL)
    g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PASSWORD,
                 /* Translators: %s is a database address */
                 _("The server of “%s” did not accept the password. Check the user name and "
                   "the password, then try again."),
                 db->display_name);
  else if (strstr (detail, "does not exist") != NULL ||
           strstr (detail, "not allowed to connect") != NULL ||
           strstr (detail, "permission denied") != NULL ||
           strstr (detail, "no pg_hba.conf entry") != NULL)
    g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION,
                 /* Translators: the first %s is a database address, the second what the server said */
                 _("The server of “%s” refused the connection: %s. Check the database and "
                   "user names, and that the user may connect."),
                 db->display_name, detail);
  else
    g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_UNREACHABLE,
                 /* Translators: the first %s is a database address, the second what libpq said */
                 _("Could not reach the database server of “%s”: %s. Check the address and "
                   "that the server is running."),
                 db->display_name, detail);
}

void
_tp_pg_close (TpPgDatabase *db)
{
  if (db == NULL)
    return;

  if (db->conn != NULL)
    PQfinish (db->conn);
  g_free (db->display_name);
  g_clear_pointer (&db->load_creates, g_ptr_array_unref);
  if (db->password != NULL)
    memset (db->password, 0, strlen (db->password));
  g_free (db->password);
  g_free (db);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpPgDatabase, _tp_pg_close)

/* @password: NULL for the one tp_database_set_server_password() keeps,
 * "" for none (libpq's PGPASSWORD or ~/.pgpass), or the one to try */
TpPgDatabase *
_tp_pg_open (const char           *uri,
             const char           *password_given,
             TpDatabaseOpenFlags   flags,
             GError              **error)
{
  g_autoptr(TpPgDatabase) db = g_new0 (TpPgDatabase, 1);
  PQconninfoOption *options;
  char *parse_error = NULL;
  const char *password;

  options = PQconninfoParse (uri, &parse_error);
  if (options == NULL)
    {
      g_autofree char *detail = g_strchomp (g_strdup (parse_error != NULL ? parse_error : ""));

      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID,
                   /* Translators: %s is what libpq said about the address */
                   _("The database address is not one Touchpoint understands: %s. Write it "
                     "as postgresql://user@host:port/database."),
                   detail);
      PQfreemem (parse_error);
      return NULL;
    }
  db->display_name = make_display_name (options);
  password = conninfo_value (options, "password");
  db->password = g_strdup (password);
  PQconninfoFree (options);

  if (db->password == NULL && password_given == NULL)
    db->password = dup_password (uri);
  else if (db->password == NULL && password_given[0] != '\0')
    db->password = g_strdup (password_given);

  {
    /* Defaults that the URI's own parameters override: a server that
     * does not answer is given up after 10 s rather than the system's
     * TCP timeout, and the server's views name the program. A password
     * the dialog gave (never part of the URI) comes last; without one,
     * libpq looks in PGPASSWORD and ~/.pgpass. */
    static const char * const keywords[] = { "connect_timeout", "application_name", "dbname",
                                             "password", NULL };
    const char * const values[] = { "10", "Touchpoint", uri, db->password, NULL };

    db->conn = PQconnectdbParams (keywords, values, 1);
  }
  if (db->conn != NULL && PQpass (db->conn) != NULL && db->password == NULL)
    db->password = g_strdup (PQpass (db->conn));

  if (db->conn == NULL || PQstatus (db->conn) != CONNECTION_OK)
    {
      if (db->conn == NULL)
        g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FAILED,
                     /* Translators: the first %s is a file name, the second what SQLite said */
                     _("Could not use the database “%s”: %s"),
                     db->display_name, g_strerror (ENOMEM));
      else
        set_connect_error (db, error);
      return NULL;
    }

  PQsetNoticeProcessor (db->conn, ignore_notice, NULL);

  if (PQsetClientEncoding (db->conn, "UTF8") != 0 ||
      !_tp_pg_run (db, "SET client_min_messages = warning", error) ||
      !_tp_pg_run (db, "SET TIME ZONE 'UTC'", error))
    return NULL;

  if (!_tp_pg_check_schema (db, flags, error))
    return NULL;

  if ((flags & TP_DATABASE_OPEN_READ_ONLY) != 0 &&
      !_tp_pg_run (db, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", error))
    return NULL;

  /* A role that may change no table of the business, or a server that
   * takes no writes (a standby, a read-only default): the window says so
   * once instead of refusing each change. (A worker that only reads
   * does not ask.) */
  if ((flags & TP_DATABASE_OPEN_READ_ONLY) == 0)
    {
      gint64 writable = 0;

      if (!_tp_pg_query_int (db, "SELECT (current_setting ('transaction_read_only') = 'off' AND "
                                 "coalesce (bool_or (has_table_privilege (c.oid, "
                                 "'INSERT, UPDATE, DELETE')), false))::int "
                                 "FROM pg_catalog.pg_class c "
                                 "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                 "WHERE n.nspname = current_schema () AND c.relkind = 'r' "
                                 "AND c.relname <> 'touchpoint_schema'",
                             &writable, error))
        return NULL;
      db->can_write = writable == 1;
    }

  return g_steal_pointer (&db);
}

gboolean
_tp_pg_can_write (TpPgDatabase *db)
{
  return db->can_write;
}

const char *
_tp_pg_get_user (TpPgDatabase *db)
{
  return PQuser (db->conn);
}

/* Reads what the server sent while the connection was idle, without
 * waiting: a server that shut down has said so (57P01) and closed it. */
gboolean
_tp_pg_check_connection (TpPgDatabase *db)
{
  if (PQstatus (db->conn) != CONNECTION_OK)
    return FALSE;
  if (!PQconsumeInput (db->conn))
    {
      g_debug ("Connection to %s lost: %s", db->display_name, PQerrorMessage (db->conn));
      return FALSE;
    }
  /* What the change feed was sent stays in libpq's queue for
   * _tp_pg_feed_take () */

  return PQstatus (db->conn) == CONNECTION_OK;
}

struct pg_conn *
_tp_pg_get_conn (TpPgDatabase *db)
{
  return db->conn;
}

int
_tp_pg_get_socket (TpPgDatabase *db)
{
  return PQsocket (db->conn);
}

const char *
_tp_pg_get_display_name (TpPgDatabase *db)
{
  return db->display_name;
}

/* Runs fixed SQL: one statement or several. */
gboolean
_tp_pg_exec (TpPgDatabase  *db,
             const char    *sql,
             GError       **error)
{
  g_autofree char *translated = _tp_pg_translate_sql (sql, NULL);
  PGresult *result;

  /* SQLite's settings (foreign_keys, query_only, synchronous …) mean
   * nothing to the server, which always checks foreign keys and is
   * opened read-only for a worker that only reads. */
  if (_tp_pg_word_is (_tp_pg_skip_space (sql), "PRAGMA"))
    return TRUE;

  /* The engine's own transaction control, not the caller's SQL */
  if (g_str_has_prefix (sql, "BEGIN") || g_str_has_prefix (sql, "SAVEPOINT tp_") ||
      g_str_has_prefix (sql, "RELEASE tp_") || g_str_has_prefix (sql, "ROLLBACK") ||
      g_str_equal (sql, "COMMIT"))
    return _tp_pg_run (db, sql, error);

  result = _tp_pg_run_guarded (db, translated, 0, NULL, NULL, NULL, NULL, error);
  if (result == NULL)
    return FALSE;
  db->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  PQclear (result);

  return TRUE;
}

gint64
_tp_pg_last_insert_id (TpPgDatabase *db)
{
  return db->last_insert_id;
}

gint64
_tp_pg_changes (TpPgDatabase *db)
{
  return db->changes;
}
