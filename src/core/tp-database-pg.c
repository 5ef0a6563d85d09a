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

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "tp-database-private.h"
#include "tp-migrations-private.h"
#include "tp-schema.h"

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
 */

#define PG_TYPE_BOOL    16
#define PG_TYPE_BYTEA   17
#define PG_TYPE_INT8    20
#define PG_TYPE_INT2    21
#define PG_TYPE_INT4    23
#define PG_TYPE_TEXT    25
#define PG_TYPE_FLOAT4  700
#define PG_TYPE_FLOAT8  701
#define PG_TYPE_NUMERIC 1700

/* pg_advisory_xact_lock key while the schema is created: "TchP" */
#define SCHEMA_LOCK_KEY "1415800912"

struct _TpPgDatabase
{
  PGconn *conn;
  char   *display_name;  /* the URI without its password */
  char   *password;      /* to scrub from the server's messages */
  gint64  last_insert_id;
  gint64  changes;
  gboolean can_write;    /* the role may change rows, the server takes writes */
  GPtrArray *load_creates; /* inside a load: what makes the dropped indexes and keys again */
};

struct _TpPgStatement
{
  TpPgDatabase *db;
  char         *sql;          /* PostgreSQL's */
  guint         n_params;
  GVariant    **params;       /* n_params, NULL for NULL */
  GByteArray   *referenced;   /* whether the SQL uses each parameter */
  PGresult     *result;
  int           row;          /* the current row of result, -1 before the first */
  guint         executed : 1;
  guint         returns_id : 1;  /* an INSERT given RETURNING id here */
  char         *copy_sql;     /* inside a load: the COPY … FROM STDIN that takes its rows */
  guint         copy_columns; /* the columns of each of its rows */
};

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
static char *
scrub (TpPgDatabase *db,
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
static void
set_result_error (TpPgDatabase  *db,
                  PGresult      *result,
                  GError       **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  g_autofree char *detail = scrub (db, primary != NULL ? primary : PQerrorMessage (db->conn));
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
static gboolean
run (TpPgDatabase  *db,
     const char    *sql,
     GError       **error)
{
  PGresult *result = PQexec (db->conn, sql);
  ExecStatusType status = PQresultStatus (result);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;

  if (!ok)
    set_result_error (db, result, error);
  PQclear (result);

  return ok;
}

static void
run_quietly (TpPgDatabase *db,
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
static PGresult *
run_guarded (TpPgDatabase  *db,
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

  if (guarded && !run (db, "SAVEPOINT tp_statement", error))
    return NULL;

  if (n_params == 0 && values == NULL)
    result = PQexec (db->conn, sql);
  else
    result = PQexecParams (db->conn, sql, n_params, types, values, lengths, formats, 0);

  status = PQresultStatus (result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      g_debug ("%s: %s", sql, PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY));
      set_result_error (db, result, error);
      PQclear (result);
      if (guarded)
        run_quietly (db, "ROLLBACK TO SAVEPOINT tp_statement; RELEASE SAVEPOINT tp_statement");
      return NULL;
    }

  if (guarded && !run (db, "RELEASE SAVEPOINT tp_statement", error))
    {
      PQclear (result);
      return NULL;
    }

  return result;
}

/* SQL translation ------------------------------------------------------ */

static gboolean
is_word_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static const char *
skip_space (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

static gboolean
word_is (const char *p,
         const char *word)
{
  gsize n = strlen (word);

  return g_ascii_strncasecmp (p, word, n) == 0 && !is_word_char (p[n]);
}

/* Whether an ORDER BY term is a row's id ("id", "t.id", with ASC or
 * DESC): a primary key, never NULL (callers never sort by the id of an
 * outer-joined row). */
static gboolean
is_id_term (const char *term)
{
  const char *p = term;

  while (is_word_char (*p))
    p++;
  if (*p == '.')
    {
      term = ++p;
      while (is_word_char (*p))
        p++;
    }
  if (p - term != 2 || g_ascii_strncasecmp (term, "id", 2) != 0)
    return FALSE;
  p = skip_space (p);
  if (word_is (p, "ASC"))
    p = skip_space (p + 3);
  else if (word_is (p, "DESC"))
    p = skip_space (p + 4);

  return *p == '\0';
}

/* Ends an ORDER BY term: SQLite sorts NULL below every value, PostgreSQL
 * above, so each term says where NULLs go unless it says so itself. An
 * id, never NULL, says nothing: the primary key's index (which cannot be
 * built NULLS FIRST) then serves ORDER BY id, and the other indexes end
 * with id in its default order (translate_index ()). */
static void
end_order_term (GString  *out,
                gsize     term_start,
                gboolean *in_term,
                gboolean  desc,
                gboolean  has_nulls)
{
  if (!*in_term)
    return;
  *in_term = FALSE;
  if (has_nulls)
    return;

  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  if (term_start < out->len && is_id_term (out->str + term_start))
    return;
  g_string_append (out, desc ? " NULLS LAST" : " NULLS FIRST");
}

/* If @p (after the word IN) goes on with SQLite's search through the
 * FTS5 table of step 6, "(SELECT rowid FROM customers_search WHERE
 * customers_search MATCH ?N)", returns where that ends; else NULL. */
static const char *
skip_search_match (const char *p)
{
  static const char * const words[] = {
    "SELECT", "rowid", "FROM", "customers_search", "WHERE", "customers_search", "MATCH",
  };

  p = skip_space (p);
  if (*p != '(')
    return NULL;
  p++;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      p = skip_space (p);
      if (!word_is (p, words[i]))
        return NULL;
      p += strlen (words[i]);
    }
  p = skip_space (p);
  if (*p != '?')
    return NULL;
  p++;
  while (g_ascii_isdigit (*p))
    p++;
  p = skip_space (p);

  return *p == ')' ? p + 1 : NULL;
}

/* Translates @sql; sets (*referenced)[N - 1] for each parameter ?N the
 * statement uses. */
static char *
translate (const char  *sql,
           guint       *n_params,
           GByteArray **referenced)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (sql) + 16);
  g_autoptr(GByteArray) refs = g_byte_array_new ();
  guint max_param = 0;
  const char *p = sql;
  int depth = 0;
  int order_depth = -1;     /* the depth of the ORDER BY being read, or -1 */
  gboolean in_term = FALSE; /* inside an ORDER BY term */
  gboolean term_desc = FALSE;
  gboolean term_nulls = FALSE;
  gsize term_start = 0;     /* where the term begins in @out */

  while (*p != '\0')
    {
      if (order_depth >= 0 && (*p == ',' || *p == ';' || (*p == ')' && depth == order_depth)) &&
          depth == order_depth)
        {
          end_order_term (out, term_start, &in_term, term_desc, term_nulls);
          if (*p != ',')
            order_depth = -1;
        }

      if (*p == '\'' || *p == '"')
        {
          char quote = *p;
          const char *start = p++;

          while (*p != '\0' && !(*p == quote && p[1] != quote))
            p += (*p == quote) ? 2 : 1;
          if (*p != '\0')
            p++;
          if (order_depth >= 0 && !in_term)
            {
              term_start = out->len;
              in_term = TRUE;
            }
          g_string_append_len (out, start, p - start);
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          end = end != NULL ? end : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (*p == '?')
        {
          guint n;

          p++;
          if (g_ascii_isdigit (*p))
            n = (guint) strtoul (p, (char **) &p, 10);
          else
            n = max_param + 1;
          max_param = MAX (max_param, n);
          if (refs->len < n)
            {
              guint len = refs->len;

              g_byte_array_set_size (refs, n);
              memset (refs->data + len, 0, n - len);
            }
          refs->data[n - 1] = 1;
          g_string_append_printf (out, "$%u", n);
        }
      else if (is_word_start (*p) && (p == sql || !is_word_char (p[-1])))
        {
          const char *start = p;

          while (is_word_char (*p))
            p++;

          if (order_depth >= 0 && depth == order_depth &&
              (word_is (start, "LIMIT") || word_is (start, "OFFSET") ||
               word_is (start, "UNION") || word_is (start, "RETURNING")))
            {
              end_order_term (out, term_start, &in_term, term_desc, term_nulls);
              g_string_append_c (out, ' ');
              order_depth = -1;
            }

          if (word_is (start, "ORDER") && word_is (skip_space (p), "BY"))
            {
              p = skip_space (skip_space (p) + 2);
              g_string_append (out, "ORDER BY ");
              order_depth = depth;
              in_term = FALSE;
              term_desc = FALSE;
              term_nulls = FALSE;
              continue;
            }

          if (order_depth >= 0 && depth == order_depth)
            {
              if (!in_term)
                {
                  term_desc = FALSE;
                  term_nulls = FALSE;
                  term_start = out->len;
                }
              in_term = TRUE;
              if (word_is (start, "DESC"))
                term_desc = TRUE;
              else if (word_is (start, "NULLS"))
                term_nulls = TRUE;
            }

          /* `id IN (SELECT rowid FROM customers_search …)`: the server
           * has no FTS5 table, and its trigram indexes serve the LIKE
           * that the search condition holds beside it: every row passes */
          if (word_is (start, "IN"))
            {
              const char *end = skip_search_match (p);

              if (end != NULL)
                {
                  g_string_append (out, "IS NOT NULL");
                  p = end;
                  continue;
                }
            }

          /* SQLite's index hints: the planner of the server decides */
          if (word_is (start, "NOT") && word_is (skip_space (p), "INDEXED"))
            {
              p = skip_space (skip_space (p) + 7);
              continue;
            }
          /* SQLite's CROSS JOIN … ON fixes the order of the loops; the
           * callers write it only with ON (a plain product is a comma) */
          if (word_is (start, "CROSS") && word_is (skip_space (p), "JOIN"))
            {
              p = skip_space (p);
              continue;
            }
          if (word_is (start, "INDEXED") && word_is (skip_space (p), "BY"))
            {
              p = skip_space (skip_space (p) + 2);
              while (is_word_char (*p))
                p++;
              continue;
            }

          /* A sort by NOCASE is SQLite's: ASCII letters folded, then
           * the bytes (the lists place changed rows by that order).
           * lower() under "C" folds only ASCII. */
          if (order_depth >= 0 && depth == order_depth && in_term &&
              word_is (start, "COLLATE") && word_is (skip_space (p), "NOCASE"))
            {
              while (out->len > term_start && g_ascii_isspace (out->str[out->len - 1]))
                g_string_truncate (out, out->len - 1);
              g_string_insert (out, term_start, "lower(");
              g_string_append (out, " COLLATE \"C\") COLLATE \"C\"");
              p = skip_space (p) + strlen ("NOCASE");
              continue;
            }

          if (word_is (start, "NOCASE"))
            g_string_append (out, "tp_nocase");
          else if (word_is (start, "rowid"))
            /* the order rows were added to a table without an id (a
             * temporary table that only grows) */
            g_string_append (out, "ctid");
          else if (word_is (start, "temp") && *p == '.')
            /* SQLite's schema of temporary tables */
            g_string_append (out, "pg_temp");
          else if (word_is (start, "LIKE"))
            g_string_append (out, "ILIKE");
          else if (word_is (start, "IS"))
            {
              const char *next = skip_space (p);
              gboolean negated = word_is (next, "NOT");
              const char *operand = negated ? skip_space (next + 3) : next;

              if (word_is (operand, "NULL") || word_is (operand, "TRUE") ||
                  word_is (operand, "FALSE") || word_is (operand, "DISTINCT"))
                g_string_append_len (out, start, p - start);
              else
                {
                  g_string_append (out, negated ? "IS DISTINCT FROM" : "IS NOT DISTINCT FROM");
                  p = negated ? next + 3 : p;
                }
            }
          else
            g_string_append_len (out, start, p - start);
        }
      else
        {
          if (*p == '(')
            depth++;
          else if (*p == ')')
            depth--;
          if (order_depth >= 0 && depth >= order_depth && !g_ascii_isspace (*p) && *p != ',')
            {
              if (!in_term)
                {
                  term_desc = FALSE;
                  term_nulls = FALSE;
                  term_start = out->len;
                }
              in_term = TRUE;
            }
          g_string_append_c (out, *p);
          p++;
        }
    }

  if (order_depth >= 0)
    end_order_term (out, term_start, &in_term, term_desc, term_nulls);

  if (n_params != NULL)
    *n_params = max_param;
  if (referenced != NULL)
    {
      *referenced = g_steal_pointer (&refs);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * _tp_pg_translate_sql:
 * @sql: SQLite's SQL
 * @n_params: (out) (optional): the number of parameters
 *
 * Returns: (transfer full): PostgreSQL's SQL for the same
 */
char *
_tp_pg_translate_sql (const char *sql,
                      guint      *n_params)
{
  return translate (sql, n_params, NULL);
}

/* The schema ------------------------------------------------------------ */

static void
append_literal (GString    *s,
                const char *text)
{
  g_string_append_c (s, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (s, '\'');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '\'');
}

static void
append_column (GString              *s,
               const TpSchemaTable  *table,
               const TpSchemaColumn *column)
{
  gboolean nullable = (column->flags & TP_SCHEMA_NULLABLE) != 0;
  const char *name = column->name;

  g_string_append_printf (s, "  %s ", name);

  switch (column->kind)
    {
    case TP_SCHEMA_ID:
      g_string_append (s, "bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
      if (column->min != 1 || column->max != G_MAXINT64)
        g_string_append_printf (s, " CHECK (%s BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT ")",
                                name, column->min, column->max);
      return;

    case TP_SCHEMA_INT:
      g_string_append (s, "bigint");
      break;

    case TP_SCHEMA_BOOL:
      g_string_append (s, "bigint");
      break;

    case TP_SCHEMA_REF:
      g_string_append_printf (s, "bigint REFERENCES %s (id) ON DELETE %s", column->ref_table,
                              (column->flags & TP_SCHEMA_CASCADE) != 0 ? "CASCADE" : "SET NULL");
      break;

    case TP_SCHEMA_TEXT:
    case TP_SCHEMA_TIME:
    case TP_SCHEMA_ENUM:
    default:
      g_string_append (s, "text");
      break;
    }

  if (!nullable)
    g_string_append (s, " NOT NULL");

  if (column->default_value != NULL)
    {
      g_string_append (s, " DEFAULT ");
      if (column->kind == TP_SCHEMA_INT || column->kind == TP_SCHEMA_BOOL)
        g_string_append (s, column->default_value);
      else
        append_literal (s, column->default_value);
    }

  if ((column->flags & TP_SCHEMA_UNIQUE) != 0)
    g_string_append (s, " UNIQUE");

  switch (column->kind)
    {
    case TP_SCHEMA_INT:
      if (column->min != G_MININT64 || column->max != G_MAXINT64)
        g_string_append_printf (s, " CHECK (%s BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT ")",
                                name, column->min, column->max);
      break;

    case TP_SCHEMA_BOOL:
      g_string_append_printf (s, " CHECK (%s IN (0, 1))", name);
      break;

    case TP_SCHEMA_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (column->enum_type ());

        g_string_append_printf (s, " CHECK (%s IN (", name);
        for (guint i = 0; i < klass->n_values; i++)
          {
            if (i > 0)
              g_string_append (s, ", ");
            append_literal (s, klass->values[i].value_nick);
          }
        g_string_append (s, "))");
      }
      break;

    case TP_SCHEMA_TEXT:
      if ((column->flags & TP_SCHEMA_REQUIRED) != 0)
        g_string_append_printf (s, " CHECK (length(btrim(%s)) > 0)", name);
      if ((column->flags & TP_SCHEMA_CURRENCY) != 0)
        g_string_append_printf (s, " CHECK (length(%s) = 3 AND %s = upper(%s))", name, name, name);
      break;

    case TP_SCHEMA_ID:
    case TP_SCHEMA_REF:
    case TP_SCHEMA_TIME:
    default:
      break;
    }

  (void) table;
}

static gboolean has_word (const char *sql,
                          const char *word);

/* SQLite's CREATE TRIGGER name … ON table BEGIN body END, as a PL/pgSQL
 * function and a row trigger that runs it. */
static gboolean
append_trigger (GString     *s,
                const char  *name,
                const char  *sql)
{
  const char *p = sql;
  const char *begin = NULL;
  const char *end = NULL;
  g_autofree char *head = NULL;
  g_autofree char *body = NULL;

  for (; *p != '\0'; p++)
    if (is_word_start (*p) && (p == sql || !is_word_char (p[-1])))
      {
        if (begin == NULL && word_is (p, "BEGIN"))
          begin = p;
        else if (begin != NULL && word_is (p, "END"))
          end = p;
        while (is_word_char (p[1]))
          p++;
      }
  if (begin == NULL || end == NULL)
    return FALSE;

  head = g_strndup (sql, begin - sql);
  body = g_strndup (begin + 5, end - begin - 5);
  g_strstrip (head);
  g_strstrip (body);

  /* A row trigger that runs before the change returns the row to go
   * on with it (NULL would skip it); one that runs after returns NULL */
  g_string_append_printf (s,
                          "CREATE FUNCTION %s_row () RETURNS trigger LANGUAGE plpgsql AS $tp$\n"
                          "BEGIN\n  %s\n  %s\nEND\n$tp$;\n"
                          "%s FOR EACH ROW EXECUTE FUNCTION %s_row ();\n",
                          name, body,
                          has_word (head, "BEFORE")
                          ? "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW;"
                          : "RETURN NULL;",
                          head, name);
  return TRUE;
}

/* Appends one column of an index as SQLite orders it: NULL below every
 * value, and a NOCASE text by its ASCII-folded bytes when the index is
 * there to sort (the translated ORDER BY says the same words, so the
 * planner can walk the index instead of sorting). */
static void
append_index_term (GString    *s,
                   GString    *include,
                   const char *term,
                   gboolean    keep_nocase)
{
  g_autofree char *t = g_strstrip (g_strdup (term));
  char *collate = NULL;

  for (char *p = t; *p != '\0' && collate == NULL; p++)
    if (is_word_start (*p) && (p == t || !is_word_char (p[-1])) && word_is (p, "COLLATE") &&
        word_is (skip_space (p + 7), "NOCASE"))
      collate = p;

  if (collate != NULL && !keep_nocase)
    {
      *collate = '\0';
      g_strchomp (t);
      g_string_append_printf (s, "lower(%s COLLATE \"C\") COLLATE \"C\"", t);
      g_string_append_printf (include, "%s%s", include->len > 0 ? ", " : "", t);
    }
  else
    g_string_append (s, t);
  if (!has_word (term, "NULLS") && !g_str_equal (t, "id"))
    g_string_append (s, has_word (term, "DESC") ? " NULLS LAST" : " NULLS FIRST");
}

/* SQLite's CREATE INDEX, for PostgreSQL. Each column sorts NULL first,
 * as the translated ORDER BY terms do (a B-tree serves ORDER BY x NULLS
 * FIRST only if it was built so; walked backwards it serves DESC NULLS
 * LAST). An index that may hold a value twice ends with the row's id, as
 * every SQLite index ends with the rowid: the lists' tie-breaking
 * "…, id DESC" then comes from the index too (the id, never NULL, in
 * its default order, as the translated ORDER BY leaves it). An index
 * that names id itself (last, or before the columns it only carries)
 * is there to sort: a NOCASE column of it sorts as the lists do (ASCII
 * folded, then bytes), its own value included so that a list of ids in
 * that order is read from the index alone, and the equality look-ups
 * get a second index (the name with the suffix _eq) that compares with
 * tp_nocase. Any other NOCASE index (a unique one, an index to look up
 * by email) keeps tp_nocase. */
static char *
translate_index (const char *sql)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GString) eq = NULL;
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) include = g_string_new (NULL);
  g_autofree char *table_name = NULL;
  const TpSchemaTable *table;
  gboolean unique = has_word (sql, "UNIQUE");
  gboolean nocase = FALSE;
  gboolean sorts;
  const char *open, *close, *p, *term_start, *on = NULL;
  int depth = 0;

  for (p = sql; *p != '\0' && on == NULL; p++)
    if (is_word_start (*p) && (p == sql || !is_word_char (p[-1])) && word_is (p, "ON"))
      on = p;
  open = strchr (on != NULL ? on : sql, '(');
  if (on == NULL || open == NULL)
    return _tp_pg_translate_sql (sql, NULL);

  p = skip_space (on + 2);
  term_start = p;
  while (is_word_char (*p))
    p++;
  table_name = g_strndup (term_start, p - term_start);
  table = tp_schema_find_table (table_name);

  term_start = open + 1;
  for (close = open + 1; *close != '\0'; close++)
    {
      if (*close == '(')
        depth++;
      else if (*close == ')' && depth-- == 0)
        break;
      if ((*close == ',' && depth == 0) || (*close == ')' && depth < 0))
        {
          g_ptr_array_add (terms, g_strndup (term_start, close - term_start));
          term_start = close + 1;
        }
    }
  if (*close == '\0')
    return _tp_pg_translate_sql (sql, NULL);
  g_ptr_array_add (terms, g_strndup (term_start, close - term_start));

  sorts = FALSE;
  for (guint i = 0; !unique && i < terms->len; i++)
    {
      g_autofree char *term = g_strstrip (g_strdup (g_ptr_array_index (terms, i)));

      sorts = sorts || g_str_equal (term, "id");
    }

  g_string_append_len (s, sql, open + 1 - sql);
  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = g_ptr_array_index (terms, i);

      if (i > 0)
        g_string_append (s, ", ");
      append_index_term (s, include, term, !sorts);
      nocase = nocase || (has_word (term, "NOCASE") && sorts);
    }
  if (!unique && !sorts &&
      table != NULL && tp_schema_table_find_column (table, "id") != NULL)
    g_string_append (s, ", id");
  g_string_append_c (s, ')');
  if (include->len > 0)
    g_string_append_printf (s, " INCLUDE (%s)", include->str);
  g_string_append (s, close + 1);

  if (nocase)
    {
      /* The same index again, with the name _eq and tp_nocase */
      const char *name_end;

      for (p = sql; !word_is (p, "INDEX"); p++)
        ;
      p = skip_space (p + 5);
      for (name_end = p; is_word_char (*name_end); name_end++)
        ;
      eq = g_string_new (NULL);
      g_string_append_len (eq, sql, name_end - sql);
      g_string_append (eq, "_eq");
      g_string_append (eq, name_end);
    }

  {
    g_autofree char *translated = _tp_pg_translate_sql (s->str, NULL);
    g_autofree char *translated_eq = eq != NULL ? _tp_pg_translate_sql (eq->str, NULL) : NULL;

    if (translated_eq == NULL)
      return g_steal_pointer (&translated);
    return g_strconcat (translated, ";\n", translated_eq, NULL);
  }
}

/* The indexes and triggers the migration steps make, built in memory. */
static gboolean
append_indexes_and_triggers (GString  *s,
                             GError  **error)
{
  const char * const *steps;
  sqlite3 *model = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_steps;
  int rc;

  steps = _tp_migrations_get (&n_steps);
  rc = sqlite3_open_v2 (":memory:", &model, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < n_steps; i++)
    rc = sqlite3_exec (model, steps[i], NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (model,
                             "SELECT type, name, sql FROM sqlite_schema "
                             "WHERE type IN ('index', 'trigger') AND sql IS NOT NULL "
                             "ORDER BY type = 'trigger', name",
                             -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *model_sql = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *sql = g_str_equal (type, "index") ? translate_index (model_sql)
                                                         : _tp_pg_translate_sql (model_sql, NULL);

      /* SQLite's search index (step 6) is a table of its own that
       * triggers fill; the server's are the trigram indexes below */
      if (has_word (sql, "customers_search"))
        ;
      else if (g_str_equal (type, "index"))
        g_string_append_printf (s, "%s;\n", sql);
      else if (!append_trigger (s, name, sql))
        rc = SQLITE_ERROR;
      if (rc == SQLITE_ROW)
        rc = SQLITE_OK;
    }
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;

  if (rc != SQLITE_OK)
    g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_FAILED,
                 "the schema could not be derived: %s", sqlite3_errmsg (model));
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (model);

  return rc == SQLITE_OK;
}

/* Step 6 on the server: the customer list's search (LIKE over name,
 * email, phone and notes, which becomes ILIKE) read from trigram indexes
 * (pg_trgm, a trusted extension any user who may create in the database
 * can add). SQLite's FTS5 table customers_search has no counterpart: the
 * translator lets the LIKE alone pick the rows (see translate()).
 * Without fastupdate: rows added in bulk (a restore, a copy) would wait
 * in the index's pending list until a vacuum, and the planner, counting
 * that list, then reads the whole table instead (0.1 s against 1 s for a
 * search of 100,000 customers). */
static const char search_indexes[] =
  "CREATE EXTENSION IF NOT EXISTS pg_trgm;\n"
  "CREATE INDEX customers_search_name ON customers USING gin (name gin_trgm_ops)"
  " WITH (fastupdate = off);\n"
  "CREATE INDEX customers_search_email ON customers USING gin (email gin_trgm_ops)"
  " WITH (fastupdate = off);\n"
  "CREATE INDEX customers_search_phone ON customers USING gin (phone gin_trgm_ops)"
  " WITH (fastupdate = off);\n"
  "CREATE INDEX customers_search_notes ON customers USING gin (notes gin_trgm_ops)"
  " WITH (fastupdate = off);\n";

/**
 * _tp_pg_schema_sql:
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the SQL that sets up an empty
 *   PostgreSQL database at %TP_SCHEMA_VERSION
 */
char *
_tp_pg_schema_sql (GError **error)
{
  g_autoptr(GString) s = g_string_new (NULL);
  const TpSchemaTable *tables;
  guint n_tables;

  /* SQLite's NOCASE: equal and sorted with case folded. */
  g_string_append (s,
                   "CREATE COLLATION tp_nocase (provider = icu, locale = 'und-u-ks-level2', "
                   "deterministic = false);\n");
  /* SQLite's time functions over stored times (and 'now'), with its
   * modifiers: start of day/month/year, weekday N (the next such day, or
   * the same), and intervals such as '-6 days'. */
  g_string_append (s,
                   "CREATE FUNCTION tp_sqlite_time (t text, modifiers text[]) RETURNS timestamp\n"
                   "LANGUAGE plpgsql STABLE STRICT AS $tp$\n"
                   "DECLARE\n"
                   "  ts timestamp;\n"
                   "  m text;\n"
                   "BEGIN\n"
                   "  IF t = 'now' THEN ts := now () AT TIME ZONE 'UTC';\n"
                   "  ELSE ts := t::timestamptz AT TIME ZONE 'UTC';\n"
                   "  END IF;\n"
                   "  FOREACH m IN ARRAY modifiers LOOP\n"
                   "    IF m = 'start of day' THEN ts := date_trunc ('day', ts);\n"
                   "    ELSIF m = 'start of month' THEN ts := date_trunc ('month', ts);\n"
                   "    ELSIF m = 'start of year' THEN ts := date_trunc ('year', ts);\n"
                   "    ELSIF m LIKE 'weekday %' THEN\n"
                   "      ts := ts + ((substr (m, 9)::int - extract (dow FROM ts)::int + 7) % 7)\n"
                   "                 * interval '1 day';\n"
                   "    ELSE ts := ts + m::interval;\n"
                   "    END IF;\n"
                   "  END LOOP;\n"
                   "  RETURN ts;\n"
                   "END\n"
                   "$tp$;\n"
                   "CREATE FUNCTION unixepoch (t text, VARIADIC modifiers text[]) RETURNS bigint\n"
                   "LANGUAGE sql STABLE STRICT AS $tp$\n"
                   "  SELECT floor (extract (epoch FROM tp_sqlite_time (t, modifiers)))::bigint\n"
                   "$tp$;\n"
                   "CREATE FUNCTION unixepoch (t text) RETURNS bigint LANGUAGE sql STABLE STRICT\n"
                   "AS $tp$ SELECT unixepoch (t, VARIADIC '{}'::text[]) $tp$;\n"
                   /* strftime: %Y %m %d %H %M %S %s %w %%, other text as it is */
                   "CREATE FUNCTION strftime (fmt text, t text, VARIADIC modifiers text[])\n"
                   "RETURNS text LANGUAGE plpgsql STABLE STRICT AS $tp$\n"
                   "DECLARE\n"
                   "  ts timestamp := tp_sqlite_time (t, modifiers);\n"
                   "  out text := '';\n"
                   "  i int := 1;\n"
                   "  c text;\n"
                   "BEGIN\n"
                   "  WHILE i <= length (fmt) LOOP\n"
                   "    c := substr (fmt, i, 1);\n"
                   "    IF c = '%' AND i < length (fmt) THEN\n"
                   "      i := i + 1;\n"
                   "      c := substr (fmt, i, 1);\n"
                   "      out := out || CASE c\n"
                   "        WHEN 'Y' THEN to_char (ts, 'YYYY') WHEN 'm' THEN to_char (ts, 'MM')\n"
                   "        WHEN 'd' THEN to_char (ts, 'DD') WHEN 'H' THEN to_char (ts, 'HH24')\n"
                   "        WHEN 'M' THEN to_char (ts, 'MI') WHEN 'S' THEN to_char (ts, 'SS')\n"
                   "        WHEN 's' THEN floor (extract (epoch FROM ts))::bigint::text\n"
                   "        WHEN 'w' THEN extract (dow FROM ts)::int::text\n"
                   "        ELSE c END;\n"
                   "    ELSE\n"
                   "      out := out || c;\n"
                   "    END IF;\n"
                   "    i := i + 1;\n"
                   "  END LOOP;\n"
                   "  RETURN out;\n"
                   "END\n"
                   "$tp$;\n"
                   "CREATE FUNCTION strftime (fmt text, t text) RETURNS text LANGUAGE sql STABLE\n"
                   "STRICT AS $tp$ SELECT strftime (fmt, t, VARIADIC '{}'::text[]) $tp$;\n");
  /* SQLite's scalar min() and max() of two values */
  g_string_append (s,
                   "CREATE FUNCTION min (a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE "
                   "AS $tp$ SELECT LEAST (a, b) $tp$;\n"
                   "CREATE FUNCTION max (a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE "
                   "AS $tp$ SELECT GREATEST (a, b) $tp$;\n");
  g_string_append_printf (s,
                          "CREATE TABLE touchpoint_schema (\n"
                          "  id integer PRIMARY KEY CHECK (id = 1),\n"
                          "  application_id bigint NOT NULL,\n"
                          "  version integer NOT NULL\n"
                          ");\n"
                          "INSERT INTO touchpoint_schema VALUES (1, %d, %d);\n",
                          TP_APPLICATION_ID, TP_SCHEMA_VERSION);

  /* SQLite's INTEGER PRIMARY KEY: a NULL id is the next free one, and
   * an explicit id (undo, restore) moves the next one past it. */
  g_string_append (s,
                   "CREATE FUNCTION tp_assign_id () RETURNS trigger LANGUAGE plpgsql AS $tp$\n"
                   "DECLARE\n"
                   "  seq text := pg_get_serial_sequence (quote_ident (TG_TABLE_SCHEMA) || '.' ||\n"
                   "                                      quote_ident (TG_TABLE_NAME), 'id');\n"
                   "BEGIN\n"
                   "  IF NEW.id IS NULL THEN\n"
                   "    NEW.id := nextval (seq);\n"
                   "  ELSIF NEW.id > coalesce (pg_sequence_last_value (seq::regclass), 0) THEN\n"
                   "    PERFORM setval (seq, NEW.id);\n"
                   "  END IF;\n"
                   "  RETURN NEW;\n"
                   "END\n"
                   "$tp$;\n");

  tables = tp_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    {
      g_string_append_printf (s, "CREATE TABLE %s (\n", tables[t].name);
      for (guint c = 0; c < tables[t].n_columns; c++)
        {
          append_column (s, &tables[t], &tables[t].columns[c]);
          g_string_append (s, c + 1 < tables[t].n_columns ? ",\n" : "\n");
        }
      g_string_append (s, ");\n");
      /* The tables the triggers keep are written by them alone, their
       * ids never restored: each row they write need not look up the
       * sequence */
      if (!tables[t].derived)
        g_string_append_printf (s, "CREATE TRIGGER %s_id BEFORE INSERT ON %s FOR EACH ROW "
                                   "EXECUTE FUNCTION tp_assign_id ();\n",
                                tables[t].name, tables[t].name);
    }

  if (!append_indexes_and_triggers (s, error))
    return NULL;
  g_string_append (s, search_indexes);
  g_string_append (s, _tp_migrations_server_step_8 ());

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Opening --------------------------------------------------------------- */

static void
ignore_notice (void       *data,
               const char *message)
{
  g_debug ("%s", message);
}

static gboolean
query_int (TpPgDatabase  *db,
           const char    *sql,
           gint64        *value,
           GError       **error)
{
  PGresult *result = PQexec (db->conn, sql);
  gboolean ok = PQresultStatus (result) == PGRES_TUPLES_OK;

  if (!ok)
    set_result_error (db, result, error);
  else
    *value = PQntuples (result) > 0 && !PQgetisnull (result, 0, 0)
             ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : -1;
  PQclear (result);

  return ok;
}

static void
set_foreign_error (TpPgDatabase  *db,
                   GError       **error)
{
  g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NOT_DATABASE,
               /* Translators: %s is a database address */
               _("“%s” holds another program's tables, not a Touchpoint database. "
                 "Choose an empty database or another one."),
               db->display_name);
}

/* An empty database gets the schema in one transaction: a failure (no
 * right to create tables, the connection lost) leaves it empty. Two
 * desktops opening it at once wait for each other. */
static gboolean
create_schema (TpPgDatabase  *db,
               GError       **error)
{
  g_autofree char *schema = NULL;
  gint64 exists = 0;
  gint64 n_tables = 0;
  PGresult *result;
  gboolean ok;

  schema = _tp_pg_schema_sql (error);
  if (schema == NULL)
    return FALSE;

  if (!run (db, "BEGIN", error))
    return FALSE;

  ok = run (db, "SELECT pg_advisory_xact_lock (" SCHEMA_LOCK_KEY ")", error) &&
       query_int (db, "SELECT count(*) FROM pg_catalog.pg_tables "
                      "WHERE schemaname = current_schema () AND tablename = 'touchpoint_schema'",
                  &exists, error);
  if (ok && exists > 0)
    {
      /* Someone else set it up meanwhile. */
      run_quietly (db, "ROLLBACK");
      return TRUE;
    }

  if (ok &&
      query_int (db, "SELECT count(*) FROM pg_catalog.pg_class c "
                     "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                     "WHERE n.nspname = current_schema ()",
                 &n_tables, error) && n_tables > 0)
    {
      set_foreign_error (db, error);
      ok = FALSE;
    }

  if (ok)
    {
      result = PQexec (db->conn, schema);
      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        {
          const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
          g_autofree char *detail = scrub (db, PQresultErrorField (result,
                                                                   PG_DIAG_MESSAGE_PRIMARY));

          if (g_strcmp0 (state, "42501") == 0)
            g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_PERMISSION,
                         /* Translators: the first %s is a database address, the second what the server said */
                         _("The user of “%s” may not create Touchpoint's tables there (%s). "
                           "Ask the database's owner to set it up, or to grant the rights "
                           "Touchpoint needs."),
                         db->display_name, detail);
          else
            set_result_error (db, result, error);
          ok = FALSE;
        }
      PQclear (result);
    }

  if (!ok)
    {
      run_quietly (db, "ROLLBACK");
      return FALSE;
    }

  return run (db, "COMMIT", error);
}

/* The indexes step 7 adds (the follow-up queue's), for the server */
static char *
step_7_indexes (void)
{
  const char * const *steps;
  g_auto(GStrv) statements = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  guint n_steps;

  steps = _tp_migrations_get (&n_steps);
  statements = g_strsplit (steps[6], ";", -1);
  for (guint i = 0; statements[i] != NULL; i++)
    {
      g_autofree char *sql = NULL;

      if (tp_schema_is_blank (statements[i]))
        continue;
      sql = translate_index (statements[i]);
      g_string_append_printf (s, "%s;\n", sql);
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A team database of version 5 gets step 6 (its search indexes), one of
 * version 6 step 7 (the follow-up queue's indexes), one of version 7
 * step 8 (who did what, and the follow-up notices), in one transaction;
 * two desktops doing so at once wait for each other. */
static gboolean
upgrade_schema (TpPgDatabase  *db,
                gint64        *version,
                GError       **error)
{
  g_autofree char *indexes_7 = step_7_indexes ();
  gboolean ok;

  G_STATIC_ASSERT (TP_SCHEMA_VERSION == 8);

  if (!run (db, "BEGIN", error))
    return FALSE;
  ok = run (db, "SELECT pg_advisory_xact_lock (" SCHEMA_LOCK_KEY ")", error) &&
       query_int (db, "SELECT version FROM touchpoint_schema WHERE id = 1", version, error);
  if (ok && *version == 5)
    {
      ok = run (db, search_indexes, error);
      *version = 6;
    }
  if (ok && *version == 6)
    {
      ok = run (db, indexes_7, error);
      *version = 7;
    }
  if (ok && *version == 7)
    {
      guint n_steps;

      ok = run (db, _tp_migrations_get (&n_steps)[7], error) &&
           run (db, _tp_migrations_server_step_8 (), error);
      *version = 8;
    }
  if (ok)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE touchpoint_schema SET version = %d "
                                              "WHERE id = 1", (int) *version);

      ok = run (db, sql, error);
    }
  if (!ok)
    {
      run_quietly (db, "ROLLBACK");
      return FALSE;
    }

  return run (db, "COMMIT", error);
}

static gboolean
check_schema (TpPgDatabase         *db,
              TpDatabaseOpenFlags   flags,
              GError              **error)
{
  gint64 exists = 0;
  gint64 version = 0;
  gint64 application_id = 0;

  if (!query_int (db, "SELECT count(*) FROM pg_catalog.pg_tables "
                      "WHERE schemaname = current_schema () AND tablename = 'touchpoint_schema'",
                  &exists, error))
    return FALSE;

  if (exists == 0)
    {
      if ((flags & (TP_DATABASE_OPEN_EXISTING | TP_DATABASE_OPEN_READ_ONLY)) != 0)
        {
          set_foreign_error (db, error);
          return FALSE;
        }
      if ((flags & TP_DATABASE_OPEN_NO_SETUP) != 0)
        {
          gint64 n_objects = 0;

          if (!query_int (db, "SELECT count(*) FROM pg_catalog.pg_class c "
                              "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                              "WHERE n.nspname = current_schema ()",
                          &n_objects, error))
            return FALSE;
          if (n_objects > 0)
            set_foreign_error (db, error);
          else
            g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_EMPTY,
                         /* Translators: %s is a database address */
                         _("“%s” is empty: Touchpoint has not been set up in it yet."),
                         db->display_name);
          return FALSE;
        }
      if (!create_schema (db, error))
        return FALSE;
    }

  if (!query_int (db, "SELECT application_id FROM touchpoint_schema WHERE id = 1",
                  &application_id, error) ||
      !query_int (db, "SELECT version FROM touchpoint_schema WHERE id = 1", &version, error))
    return FALSE;

  if (application_id != TP_APPLICATION_ID)
    {
      set_foreign_error (db, error);
      return FALSE;
    }

  if (version > TP_SCHEMA_VERSION)
    {
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NEWER,
                   /* Translators: %s is a file name; the numbers are database versions */
                   _("“%s” was saved by a newer version of Touchpoint (database version "
                     "%d; this version reads up to %d). Open it with a "
                     "newer Touchpoint, or choose another file."),
                   db->display_name, (int) version, TP_SCHEMA_VERSION);
      return FALSE;
    }

  if (version >= 5 && version < TP_SCHEMA_VERSION && (flags & TP_DATABASE_OPEN_READ_ONLY) == 0 &&
      !upgrade_schema (db, &version, error))
    return FALSE;

  if (version < TP_SCHEMA_VERSION)
    {
      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_NEWER,
                   /* Translators: %s is a database address; the numbers are database versions */
                   _("“%s” was set up by an older version of Touchpoint (database version %d; "
                     "this version writes %d), and upgrading a team database is not possible "
                     "yet. Open it with the Touchpoint that set it up."),
                   db->display_name, (int) version, TP_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* Why the connection failed, in words a person can act on. */
static void
set_connect_error (TpPgDatabase  *db,
                   GError       **error)
{
  g_autofree char *detail = scrub (db, PQerrorMessage (db->conn));
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
      !run (db, "SET client_min_messages = warning", error) ||
      !run (db, "SET TIME ZONE 'UTC'", error))
    return NULL;

  if (!check_schema (db, flags, error))
    return NULL;

  if ((flags & TP_DATABASE_OPEN_READ_ONLY) != 0 &&
      !run (db, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", error))
    return NULL;

  /* A role that may change no table of the business, or a server that
   * takes no writes (a standby, a read-only default): the window says so
   * once instead of refusing each change. (A worker that only reads
   * does not ask.) */
  if ((flags & TP_DATABASE_OPEN_READ_ONLY) == 0)
    {
      gint64 writable = 0;

      if (!query_int (db, "SELECT (current_setting ('transaction_read_only') = 'off' AND "
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

/* Loading a whole business (tp_database_begin_load()) ---------------- */

/* The tables' own triggers (the customer figures, the ids) are off while
 * the rows go in with their ids and figures. The foreign keys and the
 * indexes that refuse nothing are dropped, and made again at the end, as
 * SQLite's load does: a key checked row by row and an index kept up row
 * by row cost several times what one pass over the loaded table costs
 * (on the large sample, 1,000,000 touches with three keys and eight
 * indexes). The unique indexes stay, they are rules. A reference to a
 * missing row is still refused, when its key is made again. ALTER TABLE
 * takes each table's exclusive lock: other desktops wait until the load
 * is committed or rolled back, and every change is undone with the
 * transaction. */
gboolean
_tp_pg_begin_load (TpPgDatabase  *db,
                   GError       **error)
{
  const TpSchemaTable *tables;
  guint n_tables;
  PGresult *result;
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);

  g_clear_pointer (&db->load_creates, g_ptr_array_unref);
  db->load_creates = g_ptr_array_new_with_free_func (g_free);
  result = PQexec (db->conn,
                   "SELECT 'ALTER TABLE ' || c.conrelid::regclass::text || "
                   "       ' DROP CONSTRAINT ' || quote_ident (c.conname), "
                   "       'ALTER TABLE ' || c.conrelid::regclass::text || "
                   "       ' ADD CONSTRAINT ' || quote_ident (c.conname) || ' ' || "
                   "       pg_get_constraintdef (c.oid) "
                   "FROM pg_catalog.pg_constraint c "
                   "JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace "
                   "WHERE c.contype = 'f' AND n.nspname = current_schema () "
                   "UNION ALL "
                   "SELECT 'DROP INDEX ' || i.indexrelid::regclass::text, "
                   "       pg_get_indexdef (i.indexrelid) "
                   "FROM pg_catalog.pg_index i "
                   "JOIN pg_catalog.pg_class t ON t.oid = i.indrelid "
                   "JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace "
                   "WHERE NOT i.indisunique AND n.nspname = current_schema () "
                   "AND t.relname <> 'touchpoint_schema'");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      set_result_error (db, result, error);
      PQclear (result);
      return FALSE;
    }
  for (int r = 0; r < PQntuples (result); r++)
    {
      gboolean is_index = g_str_has_prefix (PQgetvalue (result, r, 0), "DROP INDEX");

      g_ptr_array_add (drops, g_strdup (PQgetvalue (result, r, 0)));
      /* The indexes first: the keys are checked faster with them */
      g_ptr_array_insert (db->load_creates, is_index ? 0 : -1,
                          g_strdup (PQgetvalue (result, r, 1)));
    }
  PQclear (result);

  for (guint i = 0; i < drops->len; i++)
    if (!run (db, g_ptr_array_index (drops, i), error))
      return FALSE;

  tables = tp_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    {
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE %s DISABLE TRIGGER USER",
                                              tables[t].name);

      if (!run (db, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* The triggers back on, and each id sequence past the highest id, so
 * that the next row gets a new one (as tp_assign_id () would have).
 * Each table is analysed too: the planner's figures still say what was
 * there before the load (nothing, for a new database), and the
 * statements that follow in the same transaction (the Results tables
 * worked out again) and right after it would be planned for that. */
gboolean
_tp_pg_end_load (TpPgDatabase  *db,
                 GError       **error)
{
  const TpSchemaTable *tables;
  guint n_tables;

  /* The indexes, then the keys, which check every row once */
  for (guint i = 0; db->load_creates != NULL && i < db->load_creates->len; i++)
    if (!run (db, g_ptr_array_index (db->load_creates, i), error))
      return FALSE;
  g_clear_pointer (&db->load_creates, g_ptr_array_unref);

  tables = tp_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    {
      const char *name = tables[t].name;
      g_autofree char *sql = NULL;

      sql = g_strdup_printf ("ALTER TABLE %s ENABLE TRIGGER USER;"
                             "ANALYZE %s;"
                             "SELECT setval (seq, v) FROM ("
                             "  SELECT seq, GREATEST ((SELECT max (id) FROM %s),"
                             "                        pg_sequence_last_value (seq::regclass)) AS v"
                             "  FROM (SELECT pg_get_serial_sequence ('%s', 'id') AS seq) s) q "
                             "WHERE v IS NOT NULL",
                             name, name, name, name);
      if (!run (db, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* After a load's transaction: once committed, the planner's figures
 * for the tables the triggers keep, which were worked out again after
 * _tp_pg_end_load () analysed the rest. A failure here changes nothing
 * that was saved. */
void
_tp_pg_after_load (TpPgDatabase *db,
                   gboolean      committed)
{
  const TpSchemaTable *tables;
  guint n_tables;

  /* Rolled back: the dropped indexes and keys are back with the rest */
  g_clear_pointer (&db->load_creates, g_ptr_array_unref);
  if (!committed)
    return;

  tables = tp_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    if (tables[t].derived)
      {
        g_autofree char *sql = g_strdup_printf ("ANALYZE %s", tables[t].name);

        run_quietly (db, sql);
      }
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
  if (word_is (skip_space (sql), "PRAGMA"))
    return TRUE;

  /* The engine's own transaction control, not the caller's SQL */
  if (g_str_has_prefix (sql, "BEGIN") || g_str_has_prefix (sql, "SAVEPOINT tp_") ||
      g_str_has_prefix (sql, "RELEASE tp_") || g_str_has_prefix (sql, "ROLLBACK") ||
      g_str_equal (sql, "COMMIT"))
    return run (db, sql, error);

  result = run_guarded (db, translated, 0, NULL, NULL, NULL, NULL, error);
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

/* Statements ------------------------------------------------------------ */

/* Whether @sql inserts into a table of the schema, which all have an id */
static gboolean
is_insert (const char *sql)
{
  const char *p = skip_space (sql);
  const char *start;
  g_autofree char *table = NULL;

  if (!word_is (p, "INSERT"))
    return FALSE;
  p = skip_space (p + 6);
  if (!word_is (p, "INTO"))
    return FALSE;
  start = p = skip_space (p + 4);
  while (is_word_char (*p))
    p++;
  table = g_strndup (start, p - start);

  return tp_schema_find_table (table) != NULL;
}

static gboolean
has_word (const char *sql,
          const char *word)
{
  for (const char *p = sql; *p != '\0'; p++)
    if (is_word_start (*p) && (p == sql || !is_word_char (p[-1])) && word_is (p, word))
      return TRUE;
  return FALSE;
}

/* Loads through COPY ---------------------------------------------------- */

/* Inside a load (a restore, a copy), rows are inserted by
 * `INSERT INTO t (c1, …, cN) VALUES (?1, …, ?N), (?N+1, …), …` with every
 * value a parameter in order, and nothing after the values: such an
 * insert sends its rows as one COPY t (c1, …, cN) FROM STDIN instead, in
 * COPY's text format, which the server takes several times faster than
 * the VALUES it would parse and plan. The rules are the same (keys,
 * checks, NOT NULL; the tables' triggers are off in a load) and so are
 * the errors: a refused row refuses the statement, which is undone alone
 * (a savepoint, as for any statement), and the caller finds the row by
 * inserting the batch one by one. Only an insert that sets the id
 * column goes by COPY, since COPY gives no id of the last row. Returns
 * the COPY for @sql, or NULL. */
static char *
copy_for_insert (const char *translated,
                 guint       n_params,
                 guint      *n_columns)
{
  const char *values = strstr (translated, " VALUES ");
  const char *open;
  guint columns = 1;
  guint next = 1;

  if (values == NULL || n_params == 0 || !g_str_has_prefix (translated, "INSERT INTO "))
    return NULL;
  open = strchr (translated, '(');
  if (open == NULL || open > values)
    return NULL;
  for (const char *c = open; c < values; c++)
    if (*c == ',')
      columns++;

  /* Only when the caller sets the ids: COPY tells nobody the id of the
   * last row (a generated sample reads it after each customer) */
  {
    g_autofree char *list = g_strndup (open + 1, values - open - 1);
    g_auto(GStrv) names = NULL;
    gboolean has_id = FALSE;

    g_strdelimit (list, ")\"", ' ');
    names = g_strsplit (list, ",", -1);
    for (guint i = 0; names[i] != NULL && !has_id; i++)
      has_id = g_strcmp0 (g_strstrip (names[i]), "id") == 0;
    if (!has_id)
      return NULL;
  }

  /* Only parameters in order: $1, …, $N between parentheses and commas */
  for (const char *p = values + 8; *p != '\0'; )
    {
      if (*p == '$')
        {
          char *end;
          guint64 n = g_ascii_strtoull (p + 1, &end, 10);

          if (end == p + 1 || n != next)
            return NULL;
          next++;
          p = end;
        }
      else if (*p == '(' || *p == ')' || *p == ',' || g_ascii_isspace (*p))
        p++;
      else
        return NULL;
    }
  if (next - 1 != n_params || n_params % columns != 0)
    return NULL;

  *n_columns = columns;
  return g_strdup_printf ("COPY%.*s FROM STDIN",
                          (int) (values - (translated + 11)), translated + 11);
}

static char *bytea_hex (GVariant *value);

/* @text as a value of COPY's text format */
static void
append_copy_text (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '\t': g_string_append (out, "\\t"); break;
      default: g_string_append_c (out, *p); break;
      }
}

static gboolean
execute_copy (TpPgStatement  *stmt,
              GError        **error)
{
  TpPgDatabase *db = stmt->db;
  g_autoptr(GString) data = g_string_sized_new (64 * stmt->n_params);
  g_autofree char *sql = NULL;
  gboolean guarded = PQtransactionStatus (db->conn) == PQTRANS_INTRANS;
  gint64 rows = stmt->n_params / stmt->copy_columns;
  PGresult *result;
  PGresult *next;
  gboolean ok;

  for (guint i = 0; i < stmt->n_params; i++)
    {
      GVariant *v = stmt->params[i];

      if (v == NULL)
        g_string_append (data, "\\N");
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
        g_string_append_printf (data, "%" G_GINT64_FORMAT, g_variant_get_int64 (v));
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append (data, g_ascii_dtostr (buffer, sizeof buffer, g_variant_get_double (v)));
        }
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
        append_copy_text (data, g_variant_get_string (v, NULL));
      else
        {
          g_autofree char *hex = bytea_hex (v);

          append_copy_text (data, hex);
        }
      g_string_append_c (data, (i + 1) % stmt->copy_columns == 0 ? '\n' : '\t');
    }

  /* The savepoint and the COPY in one round trip */
  sql = g_strconcat (guarded ? "SAVEPOINT tp_statement; " : "", stmt->copy_sql, NULL);
  stmt->executed = TRUE;
  result = PQexec (db->conn, sql);
  ok = PQresultStatus (result) == PGRES_COPY_IN;
  if (ok)
    {
      PQclear (result);
      ok = PQputCopyData (db->conn, data->str, (int) data->len) == 1;
      ok = PQputCopyEnd (db->conn, ok ? NULL : "not sent") == 1 && ok;
      result = PQgetResult (db->conn);
      ok = ok && PQresultStatus (result) == PGRES_COMMAND_OK;
    }
  if (!ok)
    set_result_error (db, result, error);
  PQclear (result);
  while ((next = PQgetResult (db->conn)) != NULL)
    PQclear (next);

  if (!ok)
    {
      if (guarded)
        run_quietly (db, "ROLLBACK TO SAVEPOINT tp_statement; RELEASE SAVEPOINT tp_statement");
      return FALSE;
    }
  if (guarded && !run (db, "RELEASE SAVEPOINT tp_statement", error))
    return FALSE;

  db->changes = rows;
  return TRUE;
}

TpPgStatement *
_tp_pg_prepare (TpPgDatabase  *db,
                const char    *sql,
                GError       **error)
{
  TpPgStatement *stmt = g_new0 (TpPgStatement, 1);
  g_autofree char *translated = translate (sql, &stmt->n_params, &stmt->referenced);

  stmt->db = db;
  stmt->row = -1;
  stmt->params = g_new0 (GVariant *, MAX (stmt->n_params, 1));
  if (db->load_creates != NULL)
    stmt->copy_sql = copy_for_insert (translated, stmt->n_params, &stmt->copy_columns);
  if (is_insert (sql) && !has_word (sql, "RETURNING"))
    {
      g_strchomp (translated);
      if (g_str_has_suffix (translated, ";"))
        translated[strlen (translated) - 1] = '\0';
      stmt->sql = g_strconcat (translated, " RETURNING id", NULL);
      stmt->returns_id = TRUE;
    }
  else
    stmt->sql = g_steal_pointer (&translated);

  (void) error;

  return stmt;
}

void
_tp_pg_statement_reset (TpPgStatement *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  stmt->row = -1;
  stmt->executed = FALSE;
  for (guint i = 0; i < stmt->n_params; i++)
    g_clear_pointer (&stmt->params[i], g_variant_unref);
}

void
_tp_pg_statement_free (TpPgStatement *stmt)
{
  _tp_pg_statement_reset (stmt);
  g_free (stmt->params);
  g_byte_array_unref (stmt->referenced);
  g_free (stmt->sql);
  g_free (stmt->copy_sql);
  g_free (stmt);
}

void
_tp_pg_statement_bind (TpPgStatement *stmt,
                       int            index,
                       GVariant      *value)
{
  /* SQLite ignores a value for a parameter the statement does not have */
  if (index < 1 || (guint) index > stmt->n_params)
    {
      if (value != NULL)
        g_variant_unref (g_variant_ref_sink (value));
      return;
    }

  g_clear_pointer (&stmt->params[index - 1], g_variant_unref);
  if (value != NULL)
    stmt->params[index - 1] = g_variant_ref_sink (value);
}

static char *
bytea_hex (GVariant *value)
{
  gsize len;
  const guint8 *data = g_variant_get_fixed_array (value, &len, 1);
  GString *s = g_string_sized_new (2 + 2 * len);

  g_string_append (s, "\\x");
  for (gsize i = 0; i < len; i++)
    g_string_append_printf (s, "%02x", data[i]);

  return g_string_free (s, FALSE);
}

static gboolean
execute (TpPgStatement  *stmt,
         GError        **error)
{
  guint n = stmt->n_params;
  g_autofree Oid *types = g_new0 (Oid, MAX (n, 1));
  g_autofree const char **values = g_new0 (const char *, MAX (n, 1));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  TpPgDatabase *db = stmt->db;

  for (guint i = 0; i < n; i++)
    {
      GVariant *v = stmt->params[i];
      char *text = NULL;

      /* A parameter the SQL does not use (SQLite numbers them freely)
       * still needs a type. */
      if (!stmt->referenced->data[i])
        {
          types[i] = PG_TYPE_TEXT;
          continue;
        }
      if (v == NULL)
        continue;
      if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
        {
          types[i] = PG_TYPE_INT8;
          text = g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (v));
        }
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
        {
          types[i] = PG_TYPE_FLOAT8;
          text = g_malloc (G_ASCII_DTOSTR_BUF_SIZE);
          g_ascii_dtostr (text, G_ASCII_DTOSTR_BUF_SIZE, g_variant_get_double (v));
        }
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
        {
          values[i] = g_variant_get_string (v, NULL);
          continue;
        }
      else
        {
          types[i] = PG_TYPE_BYTEA;
          text = bytea_hex (v);
        }
      g_ptr_array_add (texts, text);
      values[i] = text;
    }

  stmt->executed = TRUE;
  stmt->result = run_guarded (db, stmt->sql, (int) n, types,
                              (const char * const *) values, NULL, NULL, error);
  if (stmt->result == NULL)
    return FALSE;

  db->changes = g_ascii_strtoll (PQcmdTuples (stmt->result), NULL, 10);
  if (stmt->returns_id)
    {
      int n_rows = PQntuples (stmt->result);

      if (n_rows > 0)
        db->last_insert_id = g_ascii_strtoll (PQgetvalue (stmt->result, n_rows - 1, 0), NULL, 10);
      g_clear_pointer (&stmt->result, PQclear);
    }

  return TRUE;
}

gboolean
_tp_pg_statement_step (TpPgStatement  *stmt,
                       GError        **error)
{
  /* An insert sends no rows back */
  if (!stmt->executed && stmt->copy_sql != NULL)
    {
      execute_copy (stmt, error);
      return FALSE;
    }
  if (!stmt->executed && !execute (stmt, error))
    return FALSE;

  if (stmt->result == NULL)
    return FALSE;

  stmt->row++;
  return stmt->row < PQntuples (stmt->result);
}

static gboolean
has_row (TpPgStatement *stmt,
         int            column)
{
  return stmt->result != NULL && stmt->row >= 0 && stmt->row < PQntuples (stmt->result) &&
         column >= 0 && column < PQnfields (stmt->result);
}

gboolean
_tp_pg_statement_is_null (TpPgStatement *stmt,
                          int            column)
{
  return !has_row (stmt, column) || PQgetisnull (stmt->result, stmt->row, column);
}

const char *
_tp_pg_statement_get_text (TpPgStatement *stmt,
                           int            column)
{
  if (_tp_pg_statement_is_null (stmt, column))
    return NULL;

  return PQgetvalue (stmt->result, stmt->row, column);
}

gint64
_tp_pg_statement_get_int64 (TpPgStatement *stmt,
                            int            column)
{
  const char *text = _tp_pg_statement_get_text (stmt, column);

  if (text == NULL)
    return 0;
  if (PQftype (stmt->result, column) == PG_TYPE_BOOL)
    return text[0] == 't';
  if (strchr (text, '.') != NULL || strchr (text, 'e') != NULL)
    return (gint64) g_ascii_strtod (text, NULL);

  return g_ascii_strtoll (text, NULL, 10);
}

double
_tp_pg_statement_get_double (TpPgStatement *stmt,
                             int            column)
{
  const char *text = _tp_pg_statement_get_text (stmt, column);

  if (text == NULL)
    return 0;
  if (PQftype (stmt->result, column) == PG_TYPE_BOOL)
    return text[0] == 't';

  return g_ascii_strtod (text, NULL);
}

int
_tp_pg_statement_get_n_columns (TpPgStatement *stmt)
{
  /* Known once it ran, as the callers ask after stepping. */
  return stmt->result != NULL ? PQnfields (stmt->result) : 0;
}

const char *
_tp_pg_statement_get_column_name (TpPgStatement *stmt,
                                  int            column)
{
  return stmt->result != NULL ? PQfname (stmt->result, column) : NULL;
}

GVariant *
_tp_pg_statement_dup_value (TpPgStatement *stmt,
                            int            column)
{
  const char *text = _tp_pg_statement_get_text (stmt, column);

  if (text == NULL)
    return NULL;

  switch (PQftype (stmt->result, column))
    {
    case PG_TYPE_INT2:
    case PG_TYPE_INT4:
    case PG_TYPE_INT8:
    case PG_TYPE_BOOL:
      return g_variant_ref_sink (g_variant_new_int64 (_tp_pg_statement_get_int64 (stmt, column)));

    case PG_TYPE_NUMERIC:
      if (strchr (text, '.') == NULL)
        return g_variant_ref_sink (g_variant_new_int64 (g_ascii_strtoll (text, NULL, 10)));
      G_GNUC_FALLTHROUGH;

    case PG_TYPE_FLOAT4:
    case PG_TYPE_FLOAT8:
      return g_variant_ref_sink (g_variant_new_double (g_ascii_strtod (text, NULL)));

    case PG_TYPE_BYTEA:
      {
        size_t len = 0;
        guchar *data = PQunescapeBytea ((const guchar *) text, &len);
        GVariant *v = g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE,
                                                                     data, len, 1));

        PQfreemem (data);
        return v;
      }

    default:
      return g_variant_ref_sink (g_variant_new_string (text));
    }
}
