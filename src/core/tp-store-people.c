/* tp-store-people.c
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

#define G_LOG_DOMAIN "tp-store"

#include "config.h"

#include "tp-store-private.h"

/*
 * Who did what in TpStore (overview in tp-store.c). Each touch, order
 * and tactic-log entry a desktop adds records its person
 * (tp_store_get_person()): the name set in Preferences, else the server
 * role on a team database, else the user's real name. The views list
 * the people the rows name (tp_store_list_people()) and show names only
 * when there is more than one.
 *
 * On a team database, a follow-up's notification is claimed per person
 * and day (tp_store_claim_notice()), so that a person with two windows
 * open is told once.
 */

/* How long a claim is kept: a claim is of use on its day alone. */
#define NOTICE_DAYS 7

/**
 * tp_store_default_person:
 * @database: a database
 *
 * Returns: the name recorded when none is set: the server role on a team
 *   database, else the user's real name (or login name)
 */
const char *
tp_store_default_person (TpDatabase *database)
{
  const char *name;

  g_return_val_if_fail (TP_IS_DATABASE (database), NULL);

  name = tp_database_get_server_user (database);
  if (name != NULL && name[0] != '\0')
    return name;

  /* GLib says "Unknown" when the system has no real name */
  name = g_get_real_name ();
  if (name == NULL || name[0] == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();

  return name;
}

/**
 * tp_store_get_person:
 * @self: a #TpStore
 *
 * Returns: the name recorded with what this desktop adds
 */
const char *
tp_store_get_person (TpStore *self)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  if (self->person != NULL)
    return self->person;

  return tp_store_default_person (self->database);
}

/**
 * tp_store_set_person:
 * @self: a #TpStore
 * @person: (nullable): a name, or %NULL or blank for the default (the
 *   server role on a team database, the user's real name otherwise)
 *
 * Sets the name recorded with the touches, orders and tactic-log entries
 * this store adds from now on. It is the desktop's, not the business's:
 * the caller keeps it (Preferences).
 */
void
tp_store_set_person (TpStore    *self,
                     const char *person)
{
  g_autofree char *name = NULL;

  g_return_if_fail (TP_IS_STORE (self));

  if (person != NULL && g_utf8_validate (person, -1, NULL))
    name = g_strstrip (g_strdup (person));

  g_clear_pointer (&self->person, g_free);
  if (name != NULL && name[0] != '\0')
    self->person = g_steal_pointer (&name);
}

/* Fills in the person of a new touch, order or tactic-log entry, or
 * the stage's person of a new customer, that names none. */
void
_tp_store_fill_person (TpStore         *self,
                       TpStoreTableId   table,
                       GObject         *object)
{
  g_autofree char *person = NULL;
  const char *property = "person";

  /* A new customer's stage is set by whoever adds them */
  if (table == TP_STORE_TABLE_CUSTOMERS)
    property = "stage-person";
  else if (table != TP_STORE_TABLE_TOUCHES && table != TP_STORE_TABLE_ORDERS &&
           table != TP_STORE_TABLE_TACTIC_LOG)
    return;

  g_object_get (object, property, &person, NULL);
  if (person == NULL || person[0] == '\0')
    g_object_set (object, property, tp_store_get_person (self), NULL);
}

/**
 * tp_store_list_people:
 * @self: a #TpStore
 * @error: return location for a #GError
 *
 * Lists the people the touches, orders and tactic-log entries name.
 *
 * Returns: (transfer full) (nullable): the names, sorted, without
 *   duplicates or blanks; %NULL on error
 */
GStrv
tp_store_list_people (TpStore  *self,
                      GError  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;

  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  stmt = tp_database_prepare (self->database,
                              "SELECT person FROM touches WHERE person != '' "
                              "UNION SELECT person FROM orders WHERE person != '' "
                              "UNION SELECT person FROM tactic_log WHERE person != '' "
                              "ORDER BY 1",
                              error);
  if (stmt == NULL)
    return NULL;

  while (tp_statement_step (stmt, &local_error))
    g_strv_builder_add (builder, tp_statement_get_text (stmt, 0));
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/**
 * tp_store_claim_notice_on:
 * @database: a database, on any thread
 * @person: who would be told
 * @key: what the notice is about, such as "follow-up-12"
 * @day: the day, "YYYY-MM-DD"
 * @claimed: (out): whether the caller is the one to tell @person
 * @error: return location for a #GError
 *
 * On a team database, claims telling @person of @key on @day: of all
 * the windows of one person, on any desktop, the first to ask gets
 * %TRUE, the others %FALSE (see follow_up_notices in tp-migrations.c).
 * A file is one person's: always %TRUE.
 *
 * Returns: %TRUE on success, %FALSE on error (@claimed is then %FALSE)
 */
gboolean
tp_store_claim_notice_on (TpDatabase  *database,
                          const char  *person,
                          const char  *key,
                          const char  *day,
                          gboolean    *claimed,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) then = NULL;
  g_autofree char *oldest = NULL;
  TpStatement *stmt;

  g_return_val_if_fail (TP_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (person != NULL && key != NULL && day != NULL, FALSE);
  g_return_val_if_fail (claimed != NULL, FALSE);

  *claimed = FALSE;

  if (!tp_database_is_server (database))
    {
      *claimed = TRUE;
      return TRUE;
    }

  now = g_date_time_new_now_utc ();
  then = g_date_time_add_days (now, -NOTICE_DAYS);
  oldest = g_date_time_format (then, "%Y-%m-%d");

  if (!tp_database_begin (database, error))
    return FALSE;

  stmt = tp_database_prepare (database, "DELETE FROM follow_up_notices WHERE day < ?1",
                              &local_error);
  if (stmt != NULL)
    {
      tp_statement_bind_text (stmt, 1, oldest);
      tp_statement_step (stmt, &local_error);
      tp_statement_reset (stmt);
    }

  if (local_error == NULL)
    stmt = tp_database_prepare (database,
                                "INSERT INTO follow_up_notices (person, follow_up_key, day) "
                                "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                                &local_error);
  if (local_error == NULL)
    {
      tp_statement_bind_text (stmt, 1, person);
      tp_statement_bind_text (stmt, 2, key);
      tp_statement_bind_text (stmt, 3, day);
      tp_statement_step (stmt, &local_error);
      tp_statement_reset (stmt);
    }

  if (local_error != NULL)
    {
      tp_database_rollback (database);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *claimed = tp_database_changes (database) > 0;

  return tp_database_commit (database, error);
}

/**
 * tp_store_claim_notice:
 * @self: a #TpStore
 * @key: what the notice is about, such as "follow-up-12"
 * @day: the day, "YYYY-MM-DD"
 * @claimed: (out): whether this window is the one to tell its person
 * @error: return location for a #GError
 *
 * tp_store_claim_notice_on() for the store's person.
 *
 * Returns: %TRUE on success, %FALSE on error (@claimed is then %FALSE)
 */
gboolean
tp_store_claim_notice (TpStore     *self,
                       const char  *key,
                       const char  *day,
                       gboolean    *claimed,
                       GError     **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);

  return tp_store_claim_notice_on (self->database, tp_store_get_person (self), key, day,
                                   claimed, error);
}
