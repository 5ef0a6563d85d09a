/* tp-database-pg-sql.c
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


#include "tp-database-pg-private.h"
#include "tp-schema.h"

/*
 * SQLite's SQL said as PostgreSQL says it (overview in tp-database-pg.c):
 * parameters, NOCASE, LIKE, IS [NOT], SQLite's hints and its search
 * table, the order of NULLs, RETURNING id.
 */

/* SQL translation ------------------------------------------------------ */

gboolean
_tp_pg_is_word_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

gboolean
_tp_pg_is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

const char *
_tp_pg_skip_space (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

gboolean
_tp_pg_word_is (const char *p,
                const char *word)
{
  gsize n = strlen (word);

  return g_ascii_strncasecmp (p, word, n) == 0 && !_tp_pg_is_word_char (p[n]);
}

/* Whether an ORDER BY term is a row's id ("id", "t.id", with ASC or
 * DESC): a primary key, never NULL (callers never sort by the id of an
 * outer-joined row). */
static gboolean
is_id_term (const char *term)
{
  const char *p = term;

  while (_tp_pg_is_word_char (*p))
    p++;
  if (*p == '.')
    {
      term = ++p;
      while (_tp_pg_is_word_char (*p))
        p++;
    }
  if (p - term != 2 || g_ascii_strncasecmp (term, "id", 2) != 0)
    return FALSE;
  p = _tp_pg_skip_space (p);
  if (_tp_pg_word_is (p, "ASC"))
    p = _tp_pg_skip_space (p + 3);
  else if (_tp_pg_word_is (p, "DESC"))
    p = _tp_pg_skip_space (p + 4);

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

  p = _tp_pg_skip_space (p);
  if (*p != '(')
    return NULL;
  p++;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      p = _tp_pg_skip_space (p);
      if (!_tp_pg_word_is (p, words[i]))
        return NULL;
      p += strlen (words[i]);
    }
  p = _tp_pg_skip_space (p);
  if (*p != '?')
    return NULL;
  p++;
  while (g_ascii_isdigit (*p))
    p++;
  p = _tp_pg_skip_space (p);

  return *p == ')' ? p + 1 : NULL;
}

/* Translates @sql; sets (*referenced)[N - 1] for each parameter ?N the
 * statement uses. */
char *
_tp_pg_translate (const char  *sql,
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
      else if (_tp_pg_is_word_start (*p) && (p == sql || !_tp_pg_is_word_char (p[-1])))
        {
          const char *start = p;

          while (_tp_pg_is_word_char (*p))
            p++;

          if (order_depth >= 0 && depth == order_depth &&
              (_tp_pg_word_is (start, "LIMIT") || _tp_pg_word_is (start, "OFFSET") ||
               _tp_pg_word_is (start, "UNION") || _tp_pg_word_is (start, "RETURNING")))
            {
              end_order_term (out, term_start, &in_term, term_desc, term_nulls);
              g_string_append_c (out, ' ');
              order_depth = -1;
            }

          if (_tp_pg_word_is (start, "ORDER") && _tp_pg_word_is (_tp_pg_skip_space (p), "BY"))
            {
              p = _tp_pg_skip_space (_tp_pg_skip_space (p) + 2);
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
              if (_tp_pg_word_is (start, "DESC"))
                term_desc = TRUE;
              else if (_tp_pg_word_is (start, "NULLS"))
                term_nulls = TRUE;
            }

          /* `id IN (SELECT rowid FROM customers_search …)`: the server
           * has no FTS5 table, and its trigram indexes serve the LIKE
           * that the search condition holds beside it: every row passes */
          if (_tp_pg_word_is (start, "IN"))
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
          if (_tp_pg_word_is (start, "NOT") && _tp_pg_word_is (_tp_pg_skip_space (p), "INDEXED"))
            {
              p = _tp_pg_skip_space (_tp_pg_skip_space (p) + 7);
              continue;
            }
          /* SQLite's CROSS JOIN … ON fixes the order of the loops; the
           * callers write it only with ON (a plain product is a comma) */
          if (_tp_pg_word_is (start, "CROSS") && _tp_pg_word_is (_tp_pg_skip_space (p), "JOIN"))
            {
              p = _tp_pg_skip_space (p);
              continue;
            }
          if (_tp_pg_word_is (start, "INDEXED") && _tp_pg_word_is (_tp_pg_skip_space (p), "BY"))
            {
              p = _tp_pg_skip_space (_tp_pg_skip_space (p) + 2);
              while (_tp_pg_is_word_char (*p))
                p++;
              continue;
            }

          /* A sort by NOCASE is SQLite's: ASCII letters folded, then
           * the bytes (the lists place changed rows by that order).
           * lower() under "C" folds only ASCII. */
          if (order_depth >= 0 && depth == order_depth && in_term &&
              _tp_pg_word_is (start, "COLLATE") && _tp_pg_word_is (_tp_pg_skip_space (p), "NOCASE"))
            {
              while (out->len > term_start && g_ascii_isspace (out->str[out->len - 1]))
                g_string_truncate (out, out->len - 1);
              g_string_insert (out, term_start, "lower(");
              g_string_append (out, " COLLATE \"C\") COLLATE \"C\"");
              p = _tp_pg_skip_space (p) + strlen ("NOCASE");
              continue;
            }

          if (_tp_pg_word_is (start, "NOCASE"))
            g_string_append (out, "tp_nocase");
          else if (_tp_pg_word_is (start, "rowid"))
            /* the order rows were added to a table without an id (a
             * temporary table that only grows) */
            g_string_append (out, "ctid");
          else if (_tp_pg_word_is (start, "temp") && *p == '.')
            /* SQLite's schema of temporary tables */
            g_string_append (out, "pg_temp");
          else if (_tp_pg_word_is (start, "LIKE"))
            g_string_append (out, "ILIKE");
          else if (_tp_pg_word_is (start, "IS"))
            {
              const char *next = _tp_pg_skip_space (p);
              gboolean negated = _tp_pg_word_is (next, "NOT");
              const char *operand = negated ? _tp_pg_skip_space (next + 3) : next;

              if (_tp_pg_word_is (operand, "NULL") || _tp_pg_word_is (operand, "TRUE") ||
                  _tp_pg_word_is (operand, "FALSE") || _tp_pg_word_is (operand, "DISTINCT"))
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
  return _tp_pg_translate (sql, n_params, NULL);
}

/* Statements ------------------------------------------------------------ */

/* Whether @sql inserts into a table of the schema, which all have an id */
gboolean
_tp_pg_is_insert (const char *sql)
{
  const char *p = _tp_pg_skip_space (sql);
  const char *start;
  g_autofree char *table = NULL;

  if (!_tp_pg_word_is (p, "INSERT"))
    return FALSE;
  p = _tp_pg_skip_space (p + 6);
  if (!_tp_pg_word_is (p, "INTO"))
    return FALSE;
  start = p = _tp_pg_skip_space (p + 4);
  while (_tp_pg_is_word_char (*p))
    p++;
  table = g_strndup (start, p - start);

  return tp_schema_find_table (table) != NULL;
}

gboolean
_tp_pg_has_word (const char *sql,
                 const char *word)
{
  for (const char *p = sql; *p != '\0'; p++)
    if (_tp_pg_is_word_start (*p) && (p == sql || !_tp_pg_is_word_char (p[-1])) && _tp_pg_word_is (p, word))
      return TRUE;
  return FALSE;
}
