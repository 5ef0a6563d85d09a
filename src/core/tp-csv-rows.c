/* tp-csv-rows.c
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

#define G_LOG_DOMAIN "tp-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tp-core-enum-types.h"
#include "tp-csv-private.h"
#include "tp-enums.h"
#include "tp-schema.h"

/*
 * The rows of an import written to the database, one table each: a
 * customer (found again by email, or by id and name, and merged or left
 * as it is), a touch or an order (its customer found by id, email or a
 * name only one customer has, or added from a shop's export; an order of
 * several rows joined into one).
 */

/* A row left out by choice: already there */
#define skip_row(self, row, ...) \
  G_STMT_START { \
    (self)->report->skipped++; \
    _tp_csv_note_row ((self), (row), __VA_ARGS__); \
  } G_STMT_END

static gboolean
run_statement (TpStatement  *stmt,
               GError      **error)
{
  GError *local_error = NULL;

  tp_statement_step (stmt, &local_error);
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/* The first id a query gives, 0 for none, -1 on error */
gint64
_tp_csv_query_id (TpDatabase  *db,
                  const char  *sql,
                  const char  *text,
                  gint64       number,
                  GError     **error)
{
  GError *local_error = NULL;
  TpStatement *stmt;
  gint64 id = 0;

  stmt = tp_database_prepare (db, sql, error);
  if (stmt == NULL)
    return -1;

  if (text != NULL)
    tp_statement_bind_text (stmt, 1, text);
  else
    tp_statement_bind_int64 (stmt, 1, number);

  if (tp_statement_step (stmt, &local_error))
    id = tp_statement_get_int64 (stmt, 0);
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return -1;
    }

  return id;
}

static gboolean
fail_database (TpCsvImport  *self,
               TpCsvRow     *row,
               GError       *local_error,
               GError      **error)
{
  g_set_error (error, local_error->domain, local_error->code,
               "%s: line %u: %s", self->name, row->line, local_error->message);
  g_error_free (local_error);
  return FALSE;
}

/* The end of writing a customer, a touch or an order: binds when it was
 * created (?9, for a new row) and last changed (?10), runs @stmt and
 * counts the row as imported or merged */
static gboolean
write_row (TpCsvImport  *self,
           TpCsvRow     *row,
           TpStatement  *stmt,
           gboolean      merge,
           const char   *created_at,
           const char   *updated_at,
           GError      **error)
{
  GError *local_error = NULL;

  if (!merge)
    tp_statement_bind_text (stmt, 9, created_at != NULL ? created_at : self->now);
  tp_statement_bind_text (stmt, 10, updated_at != NULL ? updated_at
                                    : created_at != NULL && !merge ? created_at : self->now);
  if (!run_statement (stmt, &local_error))
    return fail_database (self, row, local_error, error);

  if (merge)
    self->report->merged++;
  else
    self->report->imported++;

  return TRUE;
}

static gint64
find_customer_by_email (TpCsvImport  *self,
                        const char   *email,
                        GError      **error)
{
  return _tp_csv_query_id (self->db,
                           "SELECT id FROM customers"
                           " WHERE email = ?1 COLLATE NOCASE AND email != '' ORDER BY id LIMIT 1",
                           email, 0, error);
}

/* A customer an order export names and the database does not have yet:
 * they bought, so they come in at the "customer" stage. Returns the id,
 * 0 if the row was refused, -1 on error. */
static gint64
add_customer (TpCsvImport  *self,
              TpCsvRow     *row,
              const char   *name,
              const char   *email,
              GError      **error)
{
  const TpSchemaTable *customers = tp_schema_find_table ("customers");
  g_autofree char *stripped = g_strstrip (g_strdup (!_tp_csv_is_blank (name) ? name : email));
  GError *local_error = NULL;
  TpStatement *stmt;

  if (!tp_schema_column_check_text (tp_schema_table_find_column (customers, "name"), stripped,
                                    &local_error))
    return _tp_csv_fail_schema (self, row, TP_CSV_FIELD_CUSTOMER_NAME, &local_error,
                                error) ? 0 : -1;
  if (email != NULL &&
      !tp_schema_column_check_text (tp_schema_table_find_column (customers, "email"), email,
                                    &local_error))
    return _tp_csv_fail_schema (self, row, TP_CSV_FIELD_CUSTOMER_EMAIL, &local_error,
                                error) ? 0 : -1;

  stmt = tp_database_prepare (self->db,
                              "INSERT INTO customers (name, email, phone, stage, notes,"
                              " created_at, updated_at) VALUES (?1, ?2, '', ?3, '', ?4, ?4)",
                              error);
  if (stmt == NULL)
    return -1;
  tp_statement_bind_text (stmt, 1, stripped);
  tp_statement_bind_text (stmt, 2, email != NULL ? email : "");
  tp_statement_bind_text (stmt, 3, tp_enum_to_nick (TP_TYPE_STAGE, TP_STAGE_CUSTOMER));
  tp_statement_bind_text (stmt, 4, self->now);
  if (!run_statement (stmt, &local_error))
    return fail_database (self, row, local_error, error), -1;

  self->report->customers_added++;
  return tp_database_last_insert_id (self->db);
}

/* The customer a touch or an order belongs to: by Touchpoint id (when
 * the name and email agree), by email, or by a name only one customer
 * has. Returns the id, 0 if the row was skipped, -1 on error. */
static gint64
find_customer (TpCsvImport  *self,
               TpCsvRow     *row,
               GError      **error)
{
  const char *name = VALUE (row, CUSTOMER_NAME);
  g_autofree char *email = NULL;
  GError *local_error = NULL;
  TpStatement *stmt;
  gint64 id;
  gint64 found = 0;
  guint n_found = 0;

  if (!_tp_csv_is_blank (VALUE (row, CUSTOMER_EMAIL)))
    email = g_strstrip (g_strdup (VALUE (row, CUSTOMER_EMAIL)));

  if (!_tp_csv_parse_id (self, row, TP_CSV_FIELD_CUSTOMER_ID, &id, error))
    return -1;

  if (id > 0)
    {
      char **known = g_hash_table_lookup (self->customers, &id);
      gboolean same = FALSE;

      /* A file names the same customer on many rows: looked up once */
      if (known == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          stmt = tp_database_prepare (self->db, "SELECT name, email FROM customers WHERE id = ?1",
                                      error);
          if (stmt == NULL)
            {
              g_free (key);
              return -1;
            }
          tp_statement_bind_int64 (stmt, 1, id);
          /* { name, email } or { } for no such customer */
          known = g_new0 (char *, 3);
          if (tp_statement_step (stmt, &local_error))
            {
              known[0] = g_strdup (tp_statement_get_text (stmt, 0));
              known[1] = g_strdup (tp_statement_get_text (stmt, 1));
            }
          tp_statement_reset (stmt);
          if (local_error != NULL)
            {
              g_free (key);
              g_strfreev (known);
              return fail_database (self, row, local_error, error), -1;
            }
          *key = id;
          g_hash_table_insert (self->customers, key, known);
        }

      if (known[0] != NULL)
        same = (email == NULL || g_ascii_strcasecmp (email, known[1]) == 0) &&
               (_tp_csv_is_blank (name) || g_ascii_strcasecmp (name, known[0]) == 0);
      if (same)
        return id;
    }

  if (email != NULL)
    {
      found = find_customer_by_email (self, email, error);
      if (found != 0)
        return found;
    }

  if (!_tp_csv_is_blank (name))
    {
      g_autofree char *shown = _tp_schema_excerpt (name);

      stmt = tp_database_prepare (self->db,
                                  "SELECT id FROM customers WHERE name = ?1 COLLATE NOCASE "
                                  "ORDER BY id LIMIT 2",
                                  error);
      if (stmt == NULL)
        return -1;
      tp_statement_bind_text (stmt, 1, name);
      while (tp_statement_step (stmt, &local_error))
        {
          if (n_found++ == 0)
            found = tp_statement_get_int64 (stmt, 0);
        }
      tp_statement_reset (stmt);
      if (local_error != NULL)
        return fail_database (self, row, local_error, error), -1;

      if (n_found == 1)
        return found;

      if (n_found == 0 && self->adds_customers)
        return add_customer (self, row, name, email, error);

      if (n_found > 1)
        /* Translators: %s is a name */
        _tp_csv_reject_row (self, row, TP_CSV_FIELD_CUSTOMER_NAME,
                            _("more than one customer is called “%s”; add a column with "
                                       "their email to tell them apart"), shown);
      else
        /* Translators: %s is a name */
        _tp_csv_reject_row (self, row, TP_CSV_FIELD_CUSTOMER_NAME,
                            _("there is no customer “%s”"), shown);
      return 0;
    }

  if (email != NULL && self->adds_customers)
    return add_customer (self, row, NULL, email, error);

  if (email != NULL)
    {
      g_autofree char *shown = _tp_schema_excerpt (email);

      /* Translators: %s is an email address */
      _tp_csv_reject_row (self, row, TP_CSV_FIELD_CUSTOMER_EMAIL,
                          _("there is no customer with the email “%s”"), shown);
      return 0;
    }

  _tp_csv_reject_row (self, row,
                      _tp_csv_first_mapped (row, TP_CSV_FIELD_CUSTOMER_NAME,
                                            TP_CSV_FIELD_CUSTOMER_EMAIL, TP_CSV_FIELD_CUSTOMER_ID),
                      "%s", _("no customer"));
  return 0;
}

gboolean
_tp_csv_import_customer (TpCsvImport  *self,
                         TpCsvRow     *row,
                         GError      **error)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *updated_at = NULL;
  const char *source_channel = NULL;
  const char *stage = NULL;
  const char *phone = NULL;
  const char *notes = NULL;
  GError *local_error = NULL;
  TpStatement *stmt;
  gint64 audience = 0;
  gint64 existing = 0;
  gboolean same_email = FALSE;
  gint64 id;

  if (!_tp_csv_is_blank (VALUE (row, NAME)))
    {
      name = g_strdup (VALUE (row, NAME));
    }
  else
    {
      const char *parts[] = { VALUE (row, FIRST_NAME), VALUE (row, MIDDLE_NAME),
                              VALUE (row, LAST_NAME) };
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          if (!_tp_csv_is_blank (parts[i]))
            {
              g_autofree char *part = g_strstrip (g_strdup (parts[i]));

              g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "", part);
            }
        }

      if (joined->len > 0)
        name = g_string_free (g_steal_pointer (&joined), FALSE);
    }

  if (name == NULL)
    {
      _tp_csv_reject_row (self, row,
                          _tp_csv_first_mapped (row, TP_CSV_FIELD_NAME, TP_CSV_FIELD_FIRST_NAME,
                                                TP_CSV_FIELD_LAST_NAME),
                          "%s", _("no name"));
      return TRUE;
    }

  /* Kept as written: only an empty cell is no value */
  if (VALUE (row, PHONE) != NULL && VALUE (row, PHONE)[0] != '\0')
    phone = VALUE (row, PHONE);
  if (VALUE (row, NOTES) != NULL && VALUE (row, NOTES)[0] != '\0')
    notes = VALUE (row, NOTES);

  if (!_tp_csv_check_text (self, row, TP_CSV_FIELD_NAME, name, error) ||
      !_tp_csv_check_text (self, row, TP_CSV_FIELD_PHONE, phone, error) ||
      !_tp_csv_check_text (self, row, TP_CSV_FIELD_NOTES, notes, error))
    return FALSE;

  if (!_tp_csv_is_blank (VALUE (row, EMAIL)))
    {
      email = g_strstrip (g_strdup (VALUE (row, EMAIL)));
      if (!_tp_csv_check_text (self, row, TP_CSV_FIELD_EMAIL, email, error))
        return FALSE;
    }

  if (!_tp_csv_parse_choice (self, row, TP_CSV_FIELD_SOURCE_CHANNEL, TP_TYPE_CHANNEL,
                             _tp_csv_channel_aliases, &source_channel, error) ||
      !_tp_csv_parse_choice (self, row, TP_CSV_FIELD_STAGE, TP_TYPE_STAGE, _tp_csv_stage_aliases,
                             &stage, error) ||
      !_tp_csv_parse_id (self, row, TP_CSV_FIELD_ID, &id, error) ||
      !_tp_csv_parse_time (self, row, TP_CSV_FIELD_CREATED_AT, &created_at, error) ||
      !_tp_csv_parse_time (self, row, TP_CSV_FIELD_UPDATED_AT, &updated_at, error))
    return FALSE;

  if (!_tp_csv_is_blank (VALUE (row, AUDIENCE)))
    {
      audience = _tp_csv_query_id (self->db,
                                   "SELECT id FROM audiences WHERE name = ?1 COLLATE NOCASE "
                                   "ORDER BY id LIMIT 1",
                                   VALUE (row, AUDIENCE), 0, &local_error);
      if (audience < 0)
        return fail_database (self, row, local_error, error);
      if (audience == 0)
        {
          g_autofree char *shown = _tp_schema_excerpt (VALUE (row, AUDIENCE));

          /* Translators: %s is the name of an audience */
          _tp_csv_note_row (self, row, _("there is no audience “%s”; the customer was imported "
                                         "without one"), shown);
        }
    }

  /* Already there: the same email, or the same id and name */
  if (email != NULL)
    {
      existing = find_customer_by_email (self, email, &local_error);
      if (existing < 0)
        return fail_database (self, row, local_error, error);
      same_email = existing > 0;
    }

  if (existing == 0 && id > 0)
    {
      stmt = tp_database_prepare (self->db, "SELECT name FROM customers WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      tp_statement_bind_int64 (stmt, 1, id);
      if (tp_statement_step (stmt, &local_error) &&
          g_ascii_strcasecmp (tp_statement_get_text (stmt, 0), name) == 0)
        existing = id;
      tp_statement_reset (stmt);
      if (local_error != NULL)
        return fail_database (self, row, local_error, error);
    }

  if (existing > 0 && self->duplicates == TP_CSV_DUPLICATES_SKIP)
    {
      g_autofree char *shown = _tp_schema_excerpt (name);

      /* Translators: %s is a name */
      skip_row (self, row, _("“%s” is already there and was left as it is"), shown);
      return TRUE;
    }

  if (existing > 0)
    {
      /* Fill in what the row says; keep the rest */
      stmt = tp_database_prepare (self->db,
                                  "UPDATE customers SET name = ?2, email = coalesce (?3, email),"
                                  " phone = coalesce (?4, phone),"
                                  " audience_id = coalesce (?5, audience_id),"
                                  " source_channel = coalesce (?6, source_channel),"
                                  " stage = coalesce (?7, stage), notes = coalesce (?8, notes),"
                                  " updated_at = ?9, version = version + 1"
                                  " WHERE id = ?1 AND (name IS NOT ?2"
                                  " OR email IS NOT coalesce (?3, email)"
                                  " OR phone IS NOT coalesce (?4, phone)"
                                  " OR audience_id IS NOT coalesce (?5, audience_id)"
                                  " OR source_channel IS NOT coalesce (?6, source_channel)"
                                  " OR stage IS NOT coalesce (?7, stage)"
                                  " OR notes IS NOT coalesce (?8, notes))",
                                  error);
      if (stmt == NULL)
        return FALSE;
      tp_statement_bind_int64 (stmt, 1, existing);
      tp_statement_bind_text (stmt, 2, name);
      /* The email that found the customer stays as written there */
      tp_statement_bind_text (stmt, 3, same_email ? NULL : email);
      tp_statement_bind_text (stmt, 4, phone);
      if (audience > 0)
        tp_statement_bind_int64 (stmt, 5, audience);
      tp_statement_bind_text (stmt, 6, source_channel);
      tp_statement_bind_text (stmt, 7, stage);
      tp_statement_bind_text (stmt, 8, notes);
      tp_statement_bind_text (stmt, 9, updated_at != NULL ? updated_at : self->now);
      if (!run_statement (stmt, &local_error))
        return fail_database (self, row, local_error, error);

      self->report->merged++;
      return TRUE;
    }

  if (id > 0)
    {
      gint64 taken = _tp_csv_query_id (self->db, "SELECT id FROM customers WHERE id = ?1", NULL, id,
                                       &local_error);

      if (taken < 0)
        return fail_database (self, row, local_error, error);
      if (taken > 0)
        id = 0;
    }

  stmt = tp_database_prepare (self->db,
                              "INSERT INTO customers (id, name, email, phone, audience_id,"
                              " source_channel, stage, notes, created_at, updated_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                              error);
  if (stmt == NULL)
    return FALSE;
  if (id > 0)
    tp_statement_bind_int64 (stmt, 1, id);
  tp_statement_bind_text (stmt, 2, name);
  tp_statement_bind_text (stmt, 3, email != NULL ? email : "");
  tp_statement_bind_text (stmt, 4, phone != NULL ? phone : "");
  if (audience > 0)
    tp_statement_bind_int64 (stmt, 5, audience);
  tp_statement_bind_text (stmt, 6, source_channel);
  tp_statement_bind_text (stmt, 7, stage != NULL ? stage : tp_enum_to_nick (TP_TYPE_STAGE,
                                                                            TP_STAGE_LEAD));
  tp_statement_bind_text (stmt, 8, notes != NULL ? notes : "");

  return write_row (self, row, stmt, FALSE, created_at, updated_at, error);
}

/* For touches and orders: is the row's id that of a row already there
 * for the same customer? Clears *id when it belongs to another row. */
static gboolean
check_duplicate_id (TpCsvImport  *self,
                    TpCsvRow     *row,
                    const char   *sql,
                    gint64        customer,
                    gint64       *id,
                    gboolean     *duplicate,
                    GError      **error)
{
  GError *local_error = NULL;
  TpStatement *stmt;

  *duplicate = FALSE;
  if (*id <= 0)
    return TRUE;

  /* Above every id there is, as an export's ids are in a new database */
  if (*id > self->max_id)
    {
      self->max_id = *id;
      return TRUE;
    }

  stmt = tp_database_prepare (self->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  tp_statement_bind_int64 (stmt, 1, *id);
  if (tp_statement_step (stmt, &local_error))
    {
      if (tp_statement_get_int64 (stmt, 0) == customer)
        *duplicate = TRUE;
      else
        *id = 0;
    }
  tp_statement_reset (stmt);

  if (local_error != NULL)
    return fail_database (self, row, local_error, error);

  return TRUE;
}

gboolean
_tp_csv_import_touch (TpCsvImport  *self,
                      TpCsvRow     *row,
                      GError      **error)
{
  g_autofree char *happened_at = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *updated_at = NULL;
  const char *channel = NULL;
  const char *direction = NULL;
  const char *note = VALUE (row, NOTE) != NULL ? VALUE (row, NOTE) : "";
  GError *local_error = NULL;
  TpStatement *stmt;
  gboolean duplicate;
  gboolean staged = FALSE;
  gint64 customer;
  gint64 tactic = 0;
  gint64 max_before;
  gint64 place = 0;
  gint64 id;
  int done;

  customer = find_customer (self, row, error);
  if (customer <= 0)
    return customer == 0;

  if (_tp_csv_is_blank (VALUE (row, HAPPENED_AT)))
    {
      _tp_csv_reject_row (self, row, TP_CSV_FIELD_HAPPENED_AT, "%s", _("no date"));
      return TRUE;
    }

  if (_tp_csv_is_blank (VALUE (row, CHANNEL)))
    {
      _tp_csv_reject_row (self, row, TP_CSV_FIELD_CHANNEL, "%s", _("no channel"));
      return TRUE;
    }

  if (!_tp_csv_parse_time (self, row, TP_CSV_FIELD_HAPPENED_AT, &happened_at, error) ||
      !_tp_csv_parse_choice (self, row, TP_CSV_FIELD_CHANNEL, TP_TYPE_CHANNEL,
                             _tp_csv_channel_aliases, &channel, error) ||
      !_tp_csv_parse_choice (self, row, TP_CSV_FIELD_DIRECTION, TP_TYPE_DIRECTION,
                             _tp_csv_direction_aliases, &direction, error) ||
      !_tp_csv_parse_done (self, row, &done, error) ||
      !_tp_csv_parse_id (self, row, TP_CSV_FIELD_ID, &id, error) ||
      !_tp_csv_parse_time (self, row, TP_CSV_FIELD_CREATED_AT, &created_at, error) ||
      !_tp_csv_parse_time (self, row, TP_CSV_FIELD_UPDATED_AT, &updated_at, error) ||
      !_tp_csv_check_text (self, row, TP_CSV_FIELD_NOTE, note, error))
    return FALSE;

  /* Without a "done" column, a touch in the future is a planned one */
  if (done < 0)
    done = strcmp (happened_at, self->now) > 0 ? 0 : 1;

  if (!_tp_csv_is_blank (VALUE (row, TACTIC)))
    {
      gpointer cached;

      if (g_hash_table_lookup_extended (self->tactics, VALUE (row, TACTIC), NULL, &cached))
        {
          tactic = *(gint64 *)cached;
        }
      else
        {
          tactic = _tp_csv_query_id (self->db,
                                     "SELECT id FROM tactics WHERE name = ?1 COLLATE NOCASE "
                                     "ORDER BY id LIMIT 1",
                                     VALUE (row, TACTIC), 0, &local_error);
          if (tactic < 0)
            return fail_database (self, row, local_error, error);
          g_hash_table_insert (self->tactics, g_strdup (VALUE (row, TACTIC)),
                               g_memdup2 (&tactic, sizeof tactic));
        }
      if (tactic == 0)
        {
          g_autofree char *shown = _tp_schema_excerpt (VALUE (row, TACTIC));

          /* Translators: %s is the name of a tactic */
          _tp_csv_note_row (self, row, _("there is no tactic “%s”; the touch was imported "
                                         "without one"), shown);
        }
    }

  max_before = self->max_id;
  if (!_tp_csv_is_blank (VALUE (row, PLACE)))
    {
      /* Places of different audiences may share a name: the one of the
       * tactic's audience first, then the oldest. */
      stmt = tp_database_prepare (self->db,
                                  "SELECT p.id FROM audience_places AS p"
                                  " WHERE p.name = ?1 COLLATE NOCASE"
                                  " ORDER BY p.audience_id IS"
                                  " (SELECT audience_id FROM tactics WHERE id = ?2) DESC, p.id"
                                  " LIMIT 1",
                                  error);
      if (stmt == NULL)
        return FALSE;
      tp_statement_bind_text (stmt, 1, VALUE (row, PLACE));
      tp_statement_bind_int64 (stmt, 2, tactic);
      if (tp_statement_step (stmt, &local_error))
        place = tp_statement_get_int64 (stmt, 0);
      tp_statement_reset (stmt);
      if (local_error != NULL)
        return fail_database (self, row, local_error, error);
      if (place == 0)
        {
          g_autofree char *shown = _tp_schema_excerpt (VALUE (row, PLACE));

          /* Translators: %s is the name of a place (a forum, a group, an event) */
          _tp_csv_note_row (self, row, _("there is no place “%s”; the touch was imported "
                                         "without one"), shown);
        }
    }

  if (!check_duplicate_id (self, row, "SELECT customer_id FROM touches WHERE id = ?1",
                           customer, &id, &duplicate, error))
    return FALSE;

  /* Or a row of this file, waiting in the staging table */
  if (!duplicate && id > 0 && id <= max_before)
    {
      if (!check_duplicate_id (self, row, "SELECT customer_id FROM temp.tp_import_touches"
                                          " WHERE id = ?1",
                               customer, &id, &staged, error))
        return FALSE;
      duplicate = staged;
    }

  if (duplicate && self->duplicates == TP_CSV_DUPLICATES_SKIP)
    {
      /* Translators: %s is a Touchpoint id */
      skip_row (self, row, _("touch %s is already there and was left as it is"),
                VALUE (row, ID));
      return TRUE;
    }

  if (duplicate)
    stmt = tp_database_prepare (self->db,
                                staged
                                ? "UPDATE temp.tp_import_touches SET customer_id = ?2,"
                                  " happened_at = ?3, channel = ?4, direction = ?5, note = ?6,"
                                  " tactic_id = ?7, done = ?8, updated_at = ?10, place_id = ?11"
                                  " WHERE id = ?1"
                                : "UPDATE touches SET customer_id = ?2, happened_at = ?3,"
                                  " channel = ?4, direction = ?5, note = ?6, tactic_id = ?7,"
                                  " done = ?8, updated_at = ?10, place_id = ?11,"
                                  " version = version + 1"
                                  " WHERE id = ?1 AND (happened_at IS NOT ?3 OR channel IS NOT ?4"
                                  " OR direction IS NOT ?5 OR note IS NOT ?6"
                                  " OR tactic_id IS NOT ?7 OR done IS NOT ?8 OR place_id IS NOT ?11)",
                                error);
  else
    /* Into the staging table: the rows move into touches with one
     * statement at the end (move_staged_touches(), tp-csv-import.c) */
    stmt = tp_database_prepare (self->db,
                                "INSERT INTO temp.tp_import_touches (id, customer_id, happened_at,"
                                " channel, direction, note, tactic_id, done, created_at,"
                                " updated_at, place_id)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    tp_statement_bind_int64 (stmt, 1, id);
  tp_statement_bind_int64 (stmt, 2, customer);
  tp_statement_bind_text (stmt, 3, happened_at);
  tp_statement_bind_text (stmt, 4, channel);
  tp_statement_bind_text (stmt, 5, direction != NULL ? direction
                                   : tp_enum_to_nick (TP_TYPE_DIRECTION, TP_DIRECTION_OUTBOUND));
  tp_statement_bind_text (stmt, 6, note);
  if (tactic > 0)
    tp_statement_bind_int64 (stmt, 7, tactic);
  tp_statement_bind_int64 (stmt, 8, done);
  if (place > 0)
    tp_statement_bind_int64 (stmt, 11, place);

  return write_row (self, row, stmt, duplicate, created_at, updated_at, error);
}

/* A row with the order number of the row before: another item of the
 * same order (Shopify and Etsy write a row per item). Its item joins the
 * order's, and its amount, if it has one, adds to the order's. */
static gboolean
add_to_order (TpCsvImport  *self,
              TpCsvRow     *row,
              GError      **error)
{
  g_autofree char *item = NULL;
  g_autofree char *added = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *currency = NULL;
  GError *local_error = NULL;
  TpStatement *stmt;
  gint64 amount = 0;

  /* The order was left out, and so is the rest of it */
  if (self->last_order <= 0 || _tp_csv_is_blank (VALUE (row, ITEM)))
    return TRUE;

  stmt = tp_database_prepare (self->db, "SELECT item, currency FROM orders WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  tp_statement_bind_int64 (stmt, 1, self->last_order);
  if (tp_statement_step (stmt, &local_error))
    {
      item = g_strdup (tp_statement_get_text (stmt, 0));
      currency = g_strdup (tp_statement_get_text (stmt, 1));
    }
  tp_statement_reset (stmt);
  if (local_error != NULL)
    return fail_database (self, row, local_error, error);
  if (item == NULL)
    return TRUE;

  if (!_tp_csv_is_blank (VALUE (row, AMOUNT)) &&
      _tp_csv_parse_amount (VALUE (row, AMOUNT), _tp_csv_currency_exponent (currency),
                            &amount) != TP_CSV_AMOUNT_OK)
    {
      g_autofree char *shown = _tp_schema_excerpt (VALUE (row, AMOUNT));

      return _tp_csv_fail_field (self, row, TP_CSV_FIELD_AMOUNT, error,
                                 /* Translators: %s is the value found */
                                 _("“%s” is not an amount such as 12.50"), shown);
    }

  added = g_strstrip (g_strdup (VALUE (row, ITEM)));
  joined = g_strdup_printf ("%s, %s", item, added);
  if (!_tp_csv_check_text (self, row, TP_CSV_FIELD_ITEM, joined, error))
    return FALSE;

  stmt = tp_database_prepare (self->db,
                              "UPDATE orders SET item = ?2, amount_minor = amount_minor + ?3,"
                              " version = version + 1 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  tp_statement_bind_int64 (stmt, 1, self->last_order);
  tp_statement_bind_text (stmt, 2, joined);
  tp_statement_bind_int64 (stmt, 3, amount);
  if (!run_statement (stmt, &local_error))
    return fail_database (self, row, local_error, error);

  return TRUE;
}

gboolean
_tp_csv_import_order (TpCsvImport  *self,
                      TpCsvRow     *row,
                      GError      **error)
{
  g_autofree char *ref = NULL;
  g_autofree char *ordered_at = NULL;
  g_autofree char *fulfilled_at = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *updated_at = NULL;
  g_autofree char *currency = NULL;
  const char *status = NULL;
  const char *item = VALUE (row, ITEM);
  GError *local_error = NULL;
  TpStatement *stmt;
  gboolean duplicate;
  gint64 customer;
  gint64 amount = 0;
  gint64 id;

  if (!_tp_csv_is_blank (VALUE (row, ORDER_REF)))
    {
      ref = g_strstrip (g_strdup (VALUE (row, ORDER_REF)));
      if (g_strcmp0 (ref, self->last_ref) == 0)
        return add_to_order (self, row, error);
    }

  g_free (self->last_ref);
  self->last_ref = g_strdup (ref);
  self->last_order = 0;

  customer = find_customer (self, row, error);
  if (customer <= 0)
    return customer == 0;

  if (_tp_csv_is_blank (VALUE (row, ORDERED_AT)))
    {
      _tp_csv_reject_row (self, row, TP_CSV_FIELD_ORDERED_AT, "%s", _("no date"));
      return TRUE;
    }

  if (_tp_csv_is_blank (item))
    {
      _tp_csv_reject_row (self, row, TP_CSV_FIELD_ITEM, "%s", _("no item"));
      return TRUE;
    }

  if (_tp_csv_is_blank (VALUE (row, AMOUNT_MINOR)) && _tp_csv_is_blank (VALUE (row, AMOUNT)))
    {
      _tp_csv_reject_row (self, row,
                          _tp_csv_first_mapped (row, TP_CSV_FIELD_AMOUNT, TP_CSV_FIELD_AMOUNT_MINOR,
                                                TP_CSV_FIELD_AMOUNT),
                          "%s", _("no amount"));
      return TRUE;
    }

  if (!_tp_csv_is_blank (VALUE (row, CURRENCY)))
    {
      currency = g_strstrip (g_strdup (VALUE (row, CURRENCY)));
      for (char *p = currency; *p != '\0'; p++)
        *p = g_ascii_toupper (*p);
      if (!_tp_csv_check_text (self, row, TP_CSV_FIELD_CURRENCY, currency, error))
        return FALSE;
    }
  else
    {
      currency = g_strdup (self->currency);
    }

  if (!_tp_csv_is_blank (VALUE (row, AMOUNT_MINOR)))
    {
      g_autofree char *text = g_strstrip (g_strdup (VALUE (row, AMOUNT_MINOR)));

      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &amount, NULL))
        {
          g_autofree char *shown = _tp_schema_excerpt (text);

          return _tp_csv_fail_field (self, row, TP_CSV_FIELD_AMOUNT_MINOR, error,
                                     /* Translators: %s is the value found */
                                     _("“%s” is not a whole number of cents (or the smallest "
                                       "unit of the currency) of 0 or more"),
                                     shown);
        }
    }
  else
    {
      g_autofree char *shown = _tp_schema_excerpt (VALUE (row, AMOUNT));

      switch (_tp_csv_parse_amount (VALUE (row, AMOUNT), _tp_csv_currency_exponent (currency),
                                    &amount))
        {
        case TP_CSV_AMOUNT_OK:
          break;

        case TP_CSV_AMOUNT_NEGATIVE:
          return _tp_csv_fail_field (self, row, TP_CSV_FIELD_AMOUNT, error,
                                     /* Translators: %s is the value found */
                                     _("“%s” is below zero"), shown);

        case TP_CSV_AMOUNT_TOO_PRECISE:
          return _tp_csv_fail_field (self, row, TP_CSV_FIELD_AMOUNT, error,
                                     /* Translators: the first %s is the value found, the second a
                                      * currency code */
                                     _("“%s” has more decimals than %s has"), shown, currency);

        case TP_CSV_AMOUNT_TOO_LARGE:
          return _tp_csv_fail_field (self, row, TP_CSV_FIELD_AMOUNT, error,
                                     /* Translators: %s is the value found */
                                     _("“%s” is too large"), shown);

        case TP_CSV_AMOUNT_INVALID:
        default:
          return _tp_csv_fail_field (self, row, TP_CSV_FIELD_AMOUNT, error,
                                     /* Translators: %s is the value found */
                                     _("“%s” is not an amount such as 12.50"), shown);
        }
    }

  if (!tp_schema_column_check_int (_tp_csv_field_column (self, TP_CSV_FIELD_AMOUNT_MINOR), amount,
                                   &local_error))
    return _tp_csv_fail_schema (self, row,
                                _tp_csv_is_blank (VALUE (row, AMOUNT_MINOR))
                                ? TP_CSV_FIELD_AMOUNT : TP_CSV_FIELD_AMOUNT_MINOR,
                                &local_error, error);

  if (!_tp_csv_parse_time (self, row, TP_CSV_FIELD_ORDERED_AT, &ordered_at, error) ||
      !_tp_csv_parse_time (self, row, TP_CSV_FIELD_FULFILLED_AT, &fulfilled_at, error) ||
      !_tp_csv_parse_choice (self, row, TP_CSV_FIELD_STATUS, TP_TYPE_ORDER_STATUS,
                             _tp_csv_status_aliases, &status, error) ||
      !_tp_csv_parse_id (self, row, TP_CSV_FIELD_ID, &id, error) ||
      !_tp_csv_parse_time (self, row, TP_CSV_FIELD_CREATED_AT, &created_at, error) ||
      !_tp_csv_parse_time (self, row, TP_CSV_FIELD_UPDATED_AT, &updated_at, error) ||
      !_tp_csv_check_text (self, row, TP_CSV_FIELD_ITEM, item, error))
    return FALSE;

  if (!check_duplicate_id (self, row, "SELECT customer_id FROM orders WHERE id = ?1",
                           customer, &id, &duplicate, error))
    return FALSE;

  /* An order of a shop, imported before: the same customer, time and
   * first item (the schema has no column for the shop's order number) */
  if (ref != NULL && !duplicate)
    {
      g_autofree char *first_item = g_strstrip (g_strdup (item));
      gint64 existing = 0;

      stmt = tp_database_prepare (self->db,
                                  "SELECT id FROM orders WHERE customer_id = ?1"
                                  " AND ordered_at = ?2 AND (item = ?3"
                                  " OR substr (item, 1, length (?3) + 2) = ?3 || ', ')"
                                  " ORDER BY id LIMIT 1",
                                  error);
      if (stmt == NULL)
        return FALSE;
      tp_statement_bind_int64 (stmt, 1, customer);
      tp_statement_bind_text (stmt, 2, ordered_at);
      tp_statement_bind_text (stmt, 3, first_item);
      if (tp_statement_step (stmt, &local_error))
        existing = tp_statement_get_int64 (stmt, 0);
      tp_statement_reset (stmt);
      if (local_error != NULL)
        return fail_database (self, row, local_error, error);

      if (existing > 0)
        {
          g_autofree char *shown = _tp_schema_excerpt (ref);

          /* Translators: %s is the order number of a shop, such as #1001 */
          skip_row (self, row, _("order %s is already there and was left as it is"), shown);
          return TRUE;
        }
    }

  if (duplicate && self->duplicates == TP_CSV_DUPLICATES_SKIP)
    {
      /* Translators: %s is a Touchpoint id */
      skip_row (self, row, _("order %s is already there and was left as it is"),
                VALUE (row, ID));
      return TRUE;
    }

  if (duplicate)
    stmt = tp_database_prepare (self->db,
                                "UPDATE orders SET customer_id = ?2, ordered_at = ?3, item = ?4,"
                                " amount_minor = ?5, currency = ?6, status = ?7,"
                                " fulfilled_at = ?8, updated_at = ?10, version = version + 1"
                                " WHERE id = ?1 AND (ordered_at IS NOT ?3 OR item IS NOT ?4"
                                " OR amount_minor IS NOT ?5 OR currency IS NOT ?6"
                                " OR status IS NOT ?7 OR fulfilled_at IS NOT ?8)",
                                error);
  else
    stmt = tp_database_prepare (self->db,
                                "INSERT INTO orders (id, customer_id, ordered_at, item,"
                                " amount_minor, currency, status, fulfilled_at, created_at,"
                                " updated_at)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    tp_statement_bind_int64 (stmt, 1, id);
  tp_statement_bind_int64 (stmt, 2, customer);
  tp_statement_bind_text (stmt, 3, ordered_at);
  tp_statement_bind_text (stmt, 4, item);
  tp_statement_bind_int64 (stmt, 5, amount);
  tp_statement_bind_text (stmt, 6, currency);
  tp_statement_bind_text (stmt, 7, status != NULL ? status
                                   : tp_enum_to_nick (TP_TYPE_ORDER_STATUS, TP_ORDER_STATUS_OPEN));
  tp_statement_bind_text (stmt, 8, fulfilled_at);

  if (!write_row (self, row, stmt, duplicate, created_at, updated_at, error))
    return FALSE;
  if (!duplicate)
    self->max_id = MAX (self->max_id, tp_database_last_insert_id (self->db));

  if (ref != NULL)
    self->last_order = duplicate ? id : tp_database_last_insert_id (self->db);

  return TRUE;
}

