/* tp-store-rows.c
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

#include <glib/gi18n-lib.h>

#include "tp-core-enum-types.h"
#include "tp-schema.h"
#include "tp-schema-private.h"
#include "tp-store-private.h"

/*
 * The rows of TpStore (overview in tp-store.c): the tables as the store
 * sees them (their columns from tp-schema.c, the model object of a row,
 * what a delete takes with it) and their SQL, built once; a row read into
 * its model object; an object checked and written as its row, with the
 * rules that span rows (one primary audience, brand words unique, the
 * stage an order moves its customer to).
 */

TpStoreTable _tp_store_tables[TP_STORE_N_TABLES] = {
  [TP_STORE_TABLE_AUDIENCES] = { "audiences", tp_audience_get_type, "name" },
  [TP_STORE_TABLE_PLACES] = { "audience_places", tp_place_get_type, "name" },
  [TP_STORE_TABLE_BRAND] = { "brand", tp_brand_get_type, NULL },
  [TP_STORE_TABLE_BRAND_WORDS] = { "brand_words", tp_brand_word_get_type, "word" },
  [TP_STORE_TABLE_COMPETITORS] = { "competitors", tp_competitor_get_type, "name" },
  [TP_STORE_TABLE_TACTICS] = { "tactics", tp_tactic_get_type, "name" },
  [TP_STORE_TABLE_TACTIC_LOG] = { "tactic_log", tp_tactic_log_entry_get_type, NULL },
  [TP_STORE_TABLE_CUSTOMERS] = { "customers", tp_customer_get_type, "name" },
  [TP_STORE_TABLE_TOUCHES] = { "touches", tp_touch_get_type, NULL },
  [TP_STORE_TABLE_ORDERS] = { "orders", tp_order_get_type, "item" },
};

TpStoreTableSql _tp_store_table_sql[TP_STORE_N_TABLES];

/* SQL of the tables */

static gboolean
column_is_written (const TpSchemaColumn *column)
{
  return column->kind != TP_SCHEMA_ID &&
         !(column->flags & (TP_SCHEMA_DERIVED | TP_SCHEMA_VERSIONED));
}

int
_tp_store_table_from_name (const char *name)
{
  for (guint t = 0; t < TP_STORE_N_TABLES; t++)
    if (g_strcmp0 (_tp_store_tables[t].name, name) == 0)
      return t;

  return -1;
}

/* The table a reference points to */
TpStoreTableId
_tp_store_ref_table (const TpSchemaColumn *column)
{
  int t = _tp_store_table_from_name (column->ref_table);

  g_assert (column->kind == TP_SCHEMA_REF && t >= 0);
  return (TpStoreTableId)t;
}

/* Takes the columns of each table from the schema, and the rows a delete
 * takes with it (or unlinks) from the references of the others. */
static void
load_schema (void)
{
  for (guint t = 0; t < TP_STORE_N_TABLES; t++)
    {
      const TpSchemaTable *schema = tp_schema_find_table (_tp_store_tables[t].name);

      g_assert (schema != NULL);
      _tp_store_tables[t].columns = schema->columns;
      _tp_store_tables[t].n_columns = schema->n_columns;
    }

  for (guint t = 0; t < TP_STORE_N_TABLES; t++)
    for (guint c = 0; c < _tp_store_tables[t].n_columns; c++)
      {
        const TpSchemaColumn *column = &_tp_store_tables[t].columns[c];
        TpStoreTable *parent;

        if (column->kind != TP_SCHEMA_REF)
          continue;

        parent = &_tp_store_tables[_tp_store_ref_table (column)];
        g_assert (parent->n_dependents < TP_STORE_MAX_DEPENDENTS);
        parent->dependents[parent->n_dependents++] = (TpStoreDependent) {
          (TpStoreTableId)t, column->name, (column->flags & TP_SCHEMA_CASCADE) != 0
        };
      }
}

void
_tp_store_tables_init (void)
{
  load_schema ();

  for (guint t = 0; t < TP_STORE_N_TABLES; t++)
    {
      const TpStoreTable *table = &_tp_store_tables[t];
      TpStoreTableSql *sql = &_tp_store_table_sql[t];
      g_autoptr(GString) all = g_string_new (NULL);
      g_autoptr(GString) ins_cols = g_string_new ("id");
      g_autoptr(GString) ins_vals = g_string_new ("?1");
      g_autoptr(GString) upd = g_string_new (NULL);
      g_autoptr(GString) restore_vals = g_string_new (NULL);
      guint n_ins = 1;
      guint n_upd = 1;

      for (guint c = 0; c < table->n_columns; c++)
        {
          const TpSchemaColumn *column = &table->columns[c];

          g_string_append_printf (all, "%s%s", c > 0 ? ", " : "", column->name);
          g_string_append_printf (restore_vals, "%s?%u", c > 0 ? ", " : "", c + 1);

          if (!column_is_written (column))
            continue;

          n_ins++;
          g_string_append_printf (ins_cols, ", %s", column->name);
          g_string_append_printf (ins_vals, ", ?%u", n_ins);

          if (g_str_equal (column->name, "created_at"))
            continue;

          n_upd++;
          g_string_append_printf (upd, "%s%s = ?%u", upd->len > 0 ? ", " : "", column->name, n_upd);
        }

      sql->select_row = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1",
                                         all->str, table->name);
      sql->select_by = g_strdup_printf ("SELECT %s FROM %s WHERE ", all->str, table->name);
      sql->insert_row = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                         table->name, ins_cols->str, ins_vals->str);
      sql->restore_row = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                          table->name, all->str, restore_vals->str);
      /* The version the editor read, after the values; the row then
       * goes one version up */
      sql->update_row = g_strdup_printf ("UPDATE %s SET %s, version = version + 1 "
                                         "WHERE id = ?1 AND version = ?%u",
                                         table->name, upd->str, n_upd + 1);
      sql->exists = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table->name);
      sql->delete_row = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table->name);
      sql->max_id = g_strdup_printf ("SELECT coalesce(max(id), 0) FROM %s", table->name);
    }
}

/* Errors */

gboolean
_tp_store_set_invalid (GError     **error,
                       const char  *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID, message);

  return FALSE;
}

/* A save that found its row gone */
gboolean
_tp_store_set_gone (gint64   id,
                    GError **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID,
               /* Translators: %s is the number of a row */
               _("Item %s no longer exists: it may have been deleted."),
               id_text);
  return FALSE;
}

/* A save over a version of the row that is no longer the stored one:
 * someone else changed it since @object was read. */
gboolean
_tp_store_set_conflict (TpStore         *self,
                        TpStoreTableId   table,
                        GObject         *object,
                        GError         **error)
{
  const char *name_column = _tp_store_tables[table].title_column;
  g_autofree char *name = NULL;

  if (name_column != NULL)
    {
      g_autofree char *text = NULL;
      const TpSchemaColumn *column = NULL;

      for (guint c = 0; c < _tp_store_tables[table].n_columns; c++)
        if (g_str_equal (_tp_store_tables[table].columns[c].name, name_column))
          column = &_tp_store_tables[table].columns[c];
      g_assert (column != NULL);
      g_object_get (object, column->property, &text, NULL);
      if (text != NULL && g_utf8_validate (text, -1, NULL))
        name = _tp_schema_excerpt (text);
    }

  if (name != NULL && name[0] != '\0')
    g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONFLICT,
                 /* Translators: %s is the name of an item, like “Ada Lovelace” */
                 _("“%s” was changed by someone else meanwhile. Nothing of theirs was "
                   "overwritten."),
                 name);
  else
    g_set_error_literal (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONFLICT,
                         _("This item was changed by someone else meanwhile. Nothing of theirs "
                           "was overwritten."));
  return FALSE;
}

/* Refuses a value, naming its field in a format with one %s. */
#define set_invalid_field(error, column, format) \
  _tp_store_set_invalid ((error), (format), _((column)->label))

void
_tp_store_variant_unref0 (gpointer data)
{
  if (data != NULL)
    g_variant_unref (data);
}

/* Reading rows into objects */

static GParamSpec *
find_property (GObject    *object,
               const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);

  g_assert (pspec != NULL);
  return pspec;
}

/* Sets the properties of @object from the current row of @stmt, which
 * holds every column of @table in order. */
static void
apply_row (GObject            *object,
           const TpStoreTable *table,
           TpStatement        *stmt)
{
  g_object_freeze_notify (object);

  for (guint c = 0; c < table->n_columns; c++)
    {
      const TpSchemaColumn *column = &table->columns[c];
      GParamSpec *pspec = find_property (object, column->property);
      g_auto(GValue) value = G_VALUE_INIT;
      gboolean is_null = tp_statement_is_null (stmt, c);

      g_value_init (&value, pspec->value_type);

      switch (column->kind)
        {
        case TP_SCHEMA_ID:
        case TP_SCHEMA_INT:
        case TP_SCHEMA_REF:
          g_value_set_int64 (&value, tp_statement_get_int64 (stmt, c));
          break;

        case TP_SCHEMA_TEXT:
          g_value_set_string (&value, is_null ? "" : tp_statement_get_text (stmt, c));
          break;

        case TP_SCHEMA_TIME:
          g_value_set_string (&value, tp_statement_get_text (stmt, c));
          break;

        case TP_SCHEMA_BOOL:
          g_value_set_boolean (&value, tp_statement_get_int64 (stmt, c) != 0);
          break;

        case TP_SCHEMA_ENUM:
          {
            int v;

            if (column->has_property != NULL)
              g_object_set (object, column->has_property, !is_null, NULL);
            if (!tp_enum_from_nick (pspec->value_type, tp_statement_get_text (stmt, c), &v))
              continue;
            g_value_set_enum (&value, v);
          }
          break;

        default:
          g_assert_not_reached ();
        }

      g_object_set_property (object, column->property, &value);
    }

  g_object_thaw_notify (object);
}

gboolean
_tp_store_load_row (TpStore         *self,
                    TpStoreTableId   table,
                    gint64           id,
                    GObject         *object,
                    gboolean        *found,
                    GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;

  *found = FALSE;

  stmt = tp_database_prepare (self->database, _tp_store_table_sql[table].select_row, error);
  if (stmt == NULL)
    return FALSE;

  tp_statement_bind_int64 (stmt, 1, id);
  if (tp_statement_step (stmt, &local_error))
    {
      apply_row (object, &_tp_store_tables[table], stmt);
      *found = TRUE;
    }
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * tp_store_refresh:
 * @self: a #TpStore
 * @record: (type TpRecord): a stored object, the store's own or a copy
 * @error: return location for a #GError
 *
 * Reads the row of @record again into it: every column, its version
 * included. After a save failed with %TP_DATABASE_ERROR_CONFLICT this
 * shows what someone else stored meanwhile; a save of the object after
 * it goes over their version.
 *
 * Returns: %FALSE if the row could not be read or no longer exists
 */
gboolean
tp_store_refresh (TpStore   *self,
                  gpointer   record,
                  GError   **error)
{
  gint64 id;
  gboolean found = FALSE;

  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_RECORD (record), FALSE);

  id = tp_record_get_id (record);
  for (guint t = 0; t < TP_STORE_N_TABLES; t++)
    {
      if (!g_type_is_a (G_OBJECT_TYPE (record), _tp_store_tables[t].get_type ()))
        continue;

      if (!_tp_store_load_row (self, t, id, record, &found, error))
        return FALSE;
      if (!found)
        return _tp_store_set_gone (id, error);
      return TRUE;
    }

  g_return_val_if_reached (FALSE);
}

/* Writing rows */

gboolean
_tp_store_row_exists (TpStore         *self,
                      TpStoreTableId   table,
                      gint64           id,
                      gboolean        *exists,
                      GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;

  stmt = tp_database_prepare (self->database, _tp_store_table_sql[table].exists, error);
  if (stmt == NULL)
    return FALSE;

  tp_statement_bind_int64 (stmt, 1, id);
  *exists = tp_statement_step (stmt, &local_error);
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
_tp_store_query_int64 (TpStore     *self,
                       const char  *sql,
                       gint64       arg,
                       gint64      *value,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;
  gboolean found;

  stmt = tp_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return FALSE;

  tp_statement_bind_int64 (stmt, 1, arg);
  found = tp_statement_step (stmt, &local_error);
  *value = found ? tp_statement_get_int64 (stmt, 0) : 0;
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
_tp_store_run_statement (TpStatement  *stmt,
                         GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  while (tp_statement_step (stmt, &local_error))
    ;
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static GVariant *
text_variant (const char *text)
{
  return g_variant_ref_sink (g_variant_new_string (text));
}

/* Reads, checks and converts the writable columns of @object. Returns
 * one value per column of the table (NULL for SQL NULL and for columns
 * that are not written). Times are normalised, and written back to the
 * object when they changed. */
static GPtrArray *
collect_values (TpStore         *self,
                TpStoreTableId   table,
                GObject         *object,
                gboolean         insert,
                const char      *now,
                GError         **error)
{
  const TpStoreTable *t = &_tp_store_tables[table];
  g_autoptr(GPtrArray) values = g_ptr_array_new_full (t->n_columns, _tp_store_variant_unref0);

  for (guint c = 0; c < t->n_columns; c++)
    {
      const TpSchemaColumn *column = &t->columns[c];
      GVariant *value = NULL;

      if (!column_is_written (column))
        {
          g_ptr_array_add (values, NULL);
          continue;
        }

      switch (column->kind)
        {
        case TP_SCHEMA_TEXT:
          {
            g_autofree char *text = NULL;

            g_object_get (object, column->property, &text, NULL);
            if (text == NULL)
              text = g_strdup ("");
            if (!tp_schema_column_check_text (column, text, error))
              return NULL;
            value = text_variant (text);
          }
          break;

        case TP_SCHEMA_TIME:
          {
            g_autofree char *text = NULL;
            g_autofree char *normal = NULL;

            g_object_get (object, column->property, &text, NULL);

            if ((column->flags & TP_SCHEMA_AUTO) &&
                (!insert || text == NULL || g_str_equal (column->name, "updated_at")))
              {
                g_clear_pointer (&text, g_free);
                text = g_strdup (now);
              }

            if (text == NULL && (column->flags & TP_SCHEMA_DEFAULT_NOW))
              text = g_strdup (now);

            if (text == NULL)
              {
                if (!tp_schema_column_check_null (column, error))
                  return NULL;
                g_ptr_array_add (values, NULL);
                continue;
              }

            normal = tp_schema_column_normalize (column, text, error);
            if (normal == NULL)
              return NULL;

            if (!(column->flags & TP_SCHEMA_AUTO) || insert)
              g_object_set (object, column->property, normal, NULL);
            value = text_variant (normal);
          }
          break;

        case TP_SCHEMA_INT:
          {
            gint64 v;

            g_object_get (object, column->property, &v, NULL);
            if (!tp_schema_column_check_int (column, v, error))
              return NULL;
            value = g_variant_ref_sink (g_variant_new_int64 (v));
          }
          break;

        case TP_SCHEMA_REF:
          {
            gint64 ref;
            gboolean exists = FALSE;

            g_object_get (object, column->property, &ref, NULL);
            if (ref == 0)
              {
                if (!tp_schema_column_check_null (column, error))
                  return NULL;
                g_ptr_array_add (values, NULL);
                continue;
              }

            if (!_tp_store_row_exists (self, _tp_store_ref_table (column), ref, &exists, error))
              return NULL;
            if (!exists)
              /* Translators: %s is the name of a field, like “Audience” */
              return set_invalid_field (error, column,
                                        _("“%s”: the chosen item no longer exists.")), NULL;
            value = g_variant_ref_sink (g_variant_new_int64 (ref));
          }
          break;

        case TP_SCHEMA_BOOL:
          {
            gboolean v;

            g_object_get (object, column->property, &v, NULL);
            value = g_variant_ref_sink (g_variant_new_int64 (v ? 1 : 0));
          }
          break;

        case TP_SCHEMA_ENUM:
          {
            GParamSpec *pspec = find_property (object, column->property);
            g_autofree char *number = NULL;
            const char *nick;
            gboolean has = TRUE;
            int v;

            if (column->has_property != NULL)
              g_object_get (object, column->has_property, &has, NULL);
            if (!has)
              {
                if (!tp_schema_column_check_null (column, error))
                  return NULL;
                g_ptr_array_add (values, NULL);
                continue;
              }

            g_object_get (object, column->property, &v, NULL);
            nick = tp_enum_to_nick (pspec->value_type, v);
            if (nick == NULL)
              nick = number = g_strdup_printf ("%d", v);
            if (!tp_schema_column_check_text (column, nick, error))
              return NULL;
            value = text_variant (nick);
          }
          break;

        case TP_SCHEMA_ID:
        default:
          g_assert_not_reached ();
        }

      g_ptr_array_add (values, value);
    }

  return g_steal_pointer (&values);
}

static gboolean
next_free_id (TpStore         *self,
              TpStoreTableId   table,
              gint64          *id,
              GError         **error)
{
  gint64 max = 0;

  *id = 0;
  if (self->high_water[table] == 0)
    return TRUE;

  if (!_tp_store_query_int64 (self, _tp_store_table_sql[table].max_id, 0, &max, error))
    return FALSE;

  *id = MAX (max, self->high_water[table]) + 1;
  return TRUE;
}

static gint64
object_get_id (GObject *object)
{
  gint64 id;

  g_object_get (object, "id", &id, NULL);
  return id;
}

static gboolean
get_customer_of (TpStore         *self,
                 TpStoreTableId   table,
                 gint64           id,
                 gint64          *customer_id,
                 GError         **error)
{
  const char *sql = table == TP_STORE_TABLE_TOUCHES
                    ? "SELECT customer_id FROM touches WHERE id = ?1"
                    : "SELECT customer_id FROM orders WHERE id = ?1";

  return _tp_store_query_int64 (self, sql, id, customer_id, error);
}

/* The first order moves a lead or prospect to customer, a second one to
 * repeat. Lost stays lost: only the owner changes that. */
static gboolean
apply_stage_rule (TpStore     *self,
                  gint64       customer_id,
                  const char  *person,
                  const char  *now,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;
  g_autofree char *stage = NULL;
  const char *new_stage = NULL;
  gint64 n_orders = 0;

  stmt = tp_database_prepare (self->database,
                              "SELECT stage, order_count FROM customers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  tp_statement_bind_int64 (stmt, 1, customer_id);
  if (tp_statement_step (stmt, &local_error))
    {
      stage = g_strdup (tp_statement_get_text (stmt, 0));
      n_orders = tp_statement_get_int64 (stmt, 1);
    }
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (stage == NULL)
    return TRUE;

  if ((g_str_equal (stage, "lead") || g_str_equal (stage, "prospect")) && n_orders >= 1)
    new_stage = n_orders >= 2 ? "repeat" : "customer";
  else if (g_str_equal (stage, "customer") && n_orders >= 2)
    new_stage = "repeat";

  if (new_stage == NULL)
    return TRUE;

  stmt = tp_database_prepare (self->database,
                              "UPDATE customers SET stage = ?2, updated_at = ?3, stage_person = ?4, "
                              "version = version + 1 "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  /* The stage moved with the order: its person moved it */
  tp_statement_bind_int64 (stmt, 1, customer_id);
  tp_statement_bind_text (stmt, 2, new_stage);
  tp_statement_bind_text (stmt, 3, now);
  tp_statement_bind_text (stmt, 4, person != NULL ? person : "");
  if (!_tp_store_run_statement (stmt, error))
    return FALSE;

  _tp_store_record_change (self, TP_STORE_TABLE_CUSTOMERS, customer_id,
                           TP_STORE_CHANGE_UPDATED, NULL);
  return TRUE;
}

/* Rules that span rows, checked or applied before the row is written. */
static gboolean
before_write (TpStore         *self,
              TpStoreTableId   table,
              GObject         *object,
              gint64           id,
              const char      *now,
              GError         **error)
{
  if (table == TP_STORE_TABLE_ORDERS)
    {
      g_autofree char *currency = NULL;

      g_object_get (object, "currency", &currency, NULL);
      if (currency == NULL || currency[0] == '\0')
        g_object_set (object, "currency", self->currency, NULL);
    }
  else if (table == TP_STORE_TABLE_BRAND_WORDS)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *word = NULL;
      TpStatement *stmt;
      gboolean taken;

      g_object_get (object, "word", &word, NULL);
      if (word == NULL || !g_utf8_validate (word, -1, NULL))
        return TRUE;

      stmt = tp_database_prepare (self->database,
                                  "SELECT 1 FROM brand_words WHERE word = ?1 COLLATE NOCASE "
                                  "AND id != ?2",
                                  error);
      if (stmt == NULL)
        return FALSE;
      tp_statement_bind_text (stmt, 1, word);
      tp_statement_bind_int64 (stmt, 2, id);
      taken = tp_statement_step (stmt, &local_error);
      tp_statement_reset (stmt);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (taken)
        /* Translators: %s is a word, like “playful” */
        return _tp_store_set_invalid (error, _("“%s” is already one of the brand words."),
                                      word);
    }
  else if (table == TP_STORE_TABLE_AUDIENCES)
    {
      gboolean primary;

      g_object_get (object, "is-primary", &primary, NULL);
      if (primary)
        {
          g_autoptr(GError) local_error = NULL;
          TpStatement *stmt;
          gint64 other = 0;

          /* One primary audience: choosing one unchooses the other. */
          stmt = tp_database_prepare (self->database,
                                      "UPDATE audiences SET is_primary = 0, updated_at = ?2, version = version + 1 "
                                      "WHERE is_primary = 1 AND id != ?1 RETURNING id",
                                      error);
          if (stmt == NULL)
            return FALSE;
          tp_statement_bind_int64 (stmt, 1, id);
          tp_statement_bind_text (stmt, 2, now);
          while (tp_statement_step (stmt, &local_error))
            {
              other = tp_statement_get_int64 (stmt, 0);
              _tp_store_record_change (self, TP_STORE_TABLE_AUDIENCES, other,
                                       TP_STORE_CHANGE_UPDATED, NULL);
            }
          tp_statement_reset (stmt);

          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Returns the number of the last parameter bound */
static int
bind_values (TpStatement    *stmt,
             TpStoreTableId  table,
             GPtrArray      *values,
             gboolean        insert)
{
  const TpStoreTable *t = &_tp_store_tables[table];
  int index = 1;

  for (guint c = 0; c < t->n_columns; c++)
    {
      const TpSchemaColumn *column = &t->columns[c];

      if (!column_is_written (column))
        continue;
      if (!insert && g_str_equal (column->name, "created_at"))
        continue;

      tp_statement_bind_value (stmt, ++index, g_ptr_array_index (values, c));
    }

  return index;
}

/* Inserts or updates the row of @object, inside the caller's transaction. */
gboolean
_tp_store_write_row (TpStore         *self,
                     TpStoreTableId   table,
                     GObject         *object,
                     gboolean         insert,
                     GError         **error)
{
  g_autofree char *now = tp_store_now ();
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;
  gint64 id = object_get_id (object);
  gint64 version = tp_record_get_version (TP_RECORD (object));
  gint64 old_customer = 0;
  gint64 new_customer = 0;

  if (insert && id != 0)
    {
      gboolean exists = FALSE;

      /* A given id (an import keeping its ids) must be free. */
      if (!_tp_store_row_exists (self, table, id, &exists, error))
        return FALSE;
      if (exists)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          return _tp_store_set_invalid (error,
                                        /* Translators: %s is the number of a row */
                                        _("Item %s already exists."), id_text);
        }
    }
  else if (insert && !next_free_id (self, table, &id, error))
    {
      return FALSE;
    }
  else if (!insert && id == 0)
    {
      return _tp_store_set_invalid (error,
                                    _("This item was never saved, so it cannot be changed."));
    }

  if (!before_write (self, table, object, id, now, error))
    return FALSE;
  if (insert)
    _tp_store_fill_person (self, table, object);

  values = collect_values (self, table, object, insert, now, error);
  if (values == NULL)
    return FALSE;

  if (!insert && (table == TP_STORE_TABLE_TOUCHES || table == TP_STORE_TABLE_ORDERS) &&
      !get_customer_of (self, table, id, &old_customer, error))
    return FALSE;

  stmt = tp_database_prepare (self->database,
                              insert ? _tp_store_table_sql[table].insert_row
                                     : _tp_store_table_sql[table].update_row,
                              error);
  if (stmt == NULL)
    return FALSE;

  if (id != 0)
    tp_statement_bind_int64 (stmt, 1, id);
  else
    tp_statement_bind_null (stmt, 1);
  if (insert)
    bind_values (stmt, table, values, insert);
  else
    tp_statement_bind_int64 (stmt, bind_values (stmt, table, values, insert) + 1, version);

  tp_statement_step (stmt, &local_error);
  tp_statement_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (insert)
    {
      id = tp_database_last_insert_id (self->database);
      g_object_set (object, "id", id, NULL);
    }
  else if (tp_database_changes (self->database) == 0)
    {
      gboolean exists = FALSE;

      if (!_tp_store_row_exists (self, table, id, &exists, error))
        return FALSE;
      if (exists)
        return _tp_store_set_conflict (self, table, object, error);

      return _tp_store_set_gone (id, error);
    }

  g_object_freeze_notify (object);
  g_object_set (object, "updated-at", now, "version", insert ? 1 : version + 1, NULL);
  g_object_thaw_notify (object);

  if (_tp_store_live_lookup (self, table, id) == NULL)
    _tp_store_live_insert (self, table, id, object);

  _tp_store_record_change (self, table, id,
                           insert ? TP_STORE_CHANGE_ADDED : TP_STORE_CHANGE_UPDATED,
                           object);

  if (table == TP_STORE_TABLE_TOUCHES || table == TP_STORE_TABLE_ORDERS)
    {
      g_object_get (object, "customer-id", &new_customer, NULL);

      if (old_customer != 0 && old_customer != new_customer)
        _tp_store_record_change (self, TP_STORE_TABLE_CUSTOMERS, old_customer,
                                 TP_STORE_CHANGE_UPDATED, NULL);
      _tp_store_record_change (self, TP_STORE_TABLE_CUSTOMERS, new_customer,
                               TP_STORE_CHANGE_UPDATED, NULL);

      if (table == TP_STORE_TABLE_ORDERS)
        {
          g_autofree char *person = NULL;

          g_object_get (object, "person", &person, NULL);
          if (!apply_stage_rule (self, new_customer, person, now, error))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
_tp_store_save_row (TpStore         *self,
                    TpStoreTableId   table,
                    GObject         *object,
                    gboolean         insert,
                    GError         **error)
{
  if (!tp_database_begin (self->database, error))
    return FALSE;

  if (!_tp_store_write_row (self, table, object, insert, error))
    {
      tp_database_rollback (self->database);
      return FALSE;
    }

  return tp_database_commit (self->database, error);
}
