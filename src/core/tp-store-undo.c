/* tp-store-undo.c
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

#include "tp-store-private.h"

/*
 * Deleting a row and undoing it (overview in tp-store.c): a delete takes
 * a copy of everything it takes away and of the links it unsets, in the
 * same transaction, as a TpUndo; tp_store_undo() puts all of it back with
 * the same ids and values.
 */

typedef struct
{
  TpStoreTableId  table;
  GPtrArray      *rows;  /* GPtrArray of GVariant (NULL for NULL), in column order */
} UndoGroup;

typedef struct
{
  TpStoreTableId  table;
  const char     *column;
  gint64          value;
  GArray         *ids;
} UndoRelink;

struct _TpUndo
{
  gatomicrefcount  ref_count;
  TpStoreTableId   table;
  gint64           id;
  char            *title;
  GArray          *groups;   /* UndoGroup, parents first */
  GArray          *relinks;  /* UndoRelink */
  gboolean         done;
};

G_DEFINE_BOXED_TYPE (TpUndo, tp_undo, tp_undo_ref, tp_undo_unref)

static void
undo_group_clear (gpointer data)
{
  UndoGroup *group = data;

  g_clear_pointer (&group->rows, g_ptr_array_unref);
}

static void
undo_relink_clear (gpointer data)
{
  UndoRelink *relink = data;

  g_clear_pointer (&relink->ids, g_array_unref);
}

static TpUndo *
undo_new (TpStoreTableId table,
          gint64         id)
{
  TpUndo *self = g_new0 (TpUndo, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->table = table;
  self->id = id;
  self->groups = g_array_new (FALSE, TRUE, sizeof (UndoGroup));
  g_array_set_clear_func (self->groups, undo_group_clear);
  self->relinks = g_array_new (FALSE, TRUE, sizeof (UndoRelink));
  g_array_set_clear_func (self->relinks, undo_relink_clear);

  return self;
}

/**
 * tp_undo_ref:
 * @self: a #TpUndo
 *
 * Returns: (transfer full): @self
 */
TpUndo *
tp_undo_ref (TpUndo *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * tp_undo_unref:
 * @self: (transfer full): a #TpUndo
 */
void
tp_undo_unref (TpUndo *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->groups);
      g_array_unref (self->relinks);
      g_free (self->title);
      g_free (self);
    }
}

/**
 * tp_undo_get_title:
 * @self: a #TpUndo
 *
 * Gets a sentence for the toast that offers the undo, such as
 * ““Ada Lovelace” deleted”.
 *
 * Returns: the title
 */
const char *
tp_undo_get_title (TpUndo *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/**
 * tp_undo_get_table:
 * @self: a #TpUndo
 *
 * Returns: the table of the deleted row, such as "customers"
 */
const char *
tp_undo_get_table (TpUndo *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return _tp_store_tables[self->table].name;
}

/**
 * tp_undo_get_id:
 * @self: a #TpUndo
 *
 * Returns: the id of the deleted row
 */
gint64
tp_undo_get_id (TpUndo *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->id;
}

/**
 * tp_undo_get_n_rows:
 * @self: a #TpUndo
 *
 * Returns: how many rows the undo puts back: the deleted one and those
 *   that went with it
 */
guint
tp_undo_get_n_rows (TpUndo *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->groups->len; i++)
    n += g_array_index (self->groups, UndoGroup, i).rows->len;

  return n;
}

/* Deleting */

static gboolean
snapshot_rows (TpStore         *self,
               TpUndo          *undo,
               TpStoreTableId   table,
               const char      *column,
               gint64           value,
               GArray          *ids,
               GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("%s%s = ?1 ORDER BY id",
                                          _tp_store_table_sql[table].select_by, column);
  g_autoptr(GError) local_error = NULL;
  UndoGroup group = { table, NULL };
  TpStatement *stmt;

  stmt = tp_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return FALSE;

  group.rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);

  tp_statement_bind_int64 (stmt, 1, value);
  while (tp_statement_step (stmt, &local_error))
    {
      GPtrArray *row = g_ptr_array_new_full (_tp_store_tables[table].n_columns,
                                             _tp_store_variant_unref0);
      gint64 id = tp_statement_get_int64 (stmt, 0);

      for (guint c = 0; c < _tp_store_tables[table].n_columns; c++)
        g_ptr_array_add (row, tp_statement_dup_value (stmt, c));
      g_ptr_array_add (group.rows, row);
      g_array_append_val (ids, id);
    }
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_ptr_array_unref (group.rows);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (group.rows->len > 0)
    g_array_append_val (undo->groups, group);
  else
    g_ptr_array_unref (group.rows);

  return TRUE;
}

static gboolean
collect_ids (TpStore         *self,
             TpStoreTableId   table,
             const char      *column,
             gint64           value,
             GArray          *ids,
             GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1 ORDER BY id",
                                          _tp_store_tables[table].name, column);
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;

  stmt = tp_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return FALSE;

  tp_statement_bind_int64 (stmt, 1, value);
  while (tp_statement_step (stmt, &local_error))
    {
      gint64 id = tp_statement_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static int
column_index (TpStoreTableId  table,
              const char     *name)
{
  for (guint c = 0; c < _tp_store_tables[table].n_columns; c++)
    if (g_str_equal (_tp_store_tables[table].columns[c].name, name))
      return c;

  return -1;
}

static gint64
row_int (GPtrArray  *row,
         int         column)
{
  GVariant *value = g_ptr_array_index (row, column);

  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64)
         ? g_variant_get_int64 (value) : 0;
}

static const char *
row_text (GPtrArray  *row,
          int         column)
{
  GVariant *value = column >= 0 ? g_ptr_array_index (row, column) : NULL;

  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)
         ? g_variant_get_string (value, NULL) : "";
}

static char *
undo_title (TpStoreTableId  table,
            const char     *name)
{
  switch (table)
    {
    /* Translators: %s is a name; this is shown in a toast with an Undo button */
    case TP_STORE_TABLE_AUDIENCES: return g_strdup_printf (_("Audience “%s” deleted"), name);
    /* Translators: %s is a name; this is shown in a toast with an Undo button */
    case TP_STORE_TABLE_PLACES: return g_strdup_printf (_("Place “%s” deleted"), name);
    /* Translators: %s is a word; this is shown in a toast with an Undo button */
    case TP_STORE_TABLE_BRAND_WORDS:
      return g_strdup_printf (_("Brand word “%s” deleted"), name);
    /* Translators: %s is a name; this is shown in a toast with an Undo button */
    case TP_STORE_TABLE_COMPETITORS:
      return g_strdup_printf (_("Competitor “%s” deleted"), name);
    /* Translators: %s is a name; this is shown in a toast with an Undo button */
    case TP_STORE_TABLE_TACTICS: return g_strdup_printf (_("Tactic “%s” deleted"), name);
    case TP_STORE_TABLE_TACTIC_LOG: return g_strdup (_("Log entry deleted"));
    /* Translators: %s is a name; this is shown in a toast with an Undo button */
    case TP_STORE_TABLE_CUSTOMERS: return g_strdup_printf (_("Customer “%s” deleted"), name);
    case TP_STORE_TABLE_TOUCHES: return g_strdup (_("Touch deleted"));
    /* Translators: %s is what was ordered; this is shown in a toast with an Undo button */
    case TP_STORE_TABLE_ORDERS: return g_strdup_printf (_("Order “%s” deleted"), name);
    case TP_STORE_TABLE_BRAND:
    case TP_STORE_N_TABLES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
raise_high_water (TpStore        *self,
                  TpStoreTableId  table,
                  GArray         *ids)
{
  for (guint i = 0; i < ids->len; i++)
    self->high_water[table] = MAX (self->high_water[table], g_array_index (ids, gint64, i));
}

/* For each row in @ids of @table that a delete takes with it, the rows
 * of other tables that lose their link to it (SET NULL), so that the undo
 * links them again. No table cascades two levels down. */
static gboolean
relink_dependents (TpStore         *self,
                   TpUndo          *undo,
                   TpStoreTableId   table,
                   GArray          *ids,
                   GError         **error)
{
  const TpStoreTable *t = &_tp_store_tables[table];

  for (guint d = 0; d < t->n_dependents; d++)
    {
      const TpStoreDependent *dep = &t->dependents[d];

      g_assert (!dep->cascade);

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          g_autoptr(GArray) dep_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          UndoRelink relink = { dep->table, dep->column, id, NULL };

          if (!collect_ids (self, dep->table, dep->column, id, dep_ids, error))
            return FALSE;
          if (dep_ids->len == 0)
            continue;

          for (guint j = 0; j < dep_ids->len; j++)
            _tp_store_record_change (self, dep->table, g_array_index (dep_ids, gint64, j),
                                     TP_STORE_CHANGE_UPDATED, NULL);
          relink.ids = g_steal_pointer (&dep_ids);
          g_array_append_val (undo->relinks, relink);
        }
    }

  return TRUE;
}

TpUndo *
_tp_store_delete_row (TpStore         *self,
                      TpStoreTableId   table,
                      gint64           id,
                      GError         **error)
{
  g_autoptr(TpUndo) undo = undo_new (table, id);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const TpStoreTable *t = &_tp_store_tables[table];
  TpStatement *stmt;
  UndoGroup *top;
  gint64 customer_id = 0;

  if (!tp_database_begin (self->database, error))
    return NULL;

  /* Take a copy of everything the delete will take away, in the same
   * transaction as the delete, so the copy is exactly what went. */
  if (!snapshot_rows (self, undo, table, "id", id, ids, error))
    goto fail;

  if (ids->len == 0)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      _tp_store_set_invalid (error,
                             /* Translators: %s is the number of a row */
                             _("Item %s no longer exists: it may have been deleted."), id_text);
      goto fail;
    }

  top = &g_array_index (undo->groups, UndoGroup, 0);
  undo->title = undo_title (table, row_text (g_ptr_array_index (top->rows, 0),
                                             t->title_column != NULL
                                             ? column_index (table, t->title_column) : -1));
  if (table == TP_STORE_TABLE_TOUCHES || table == TP_STORE_TABLE_ORDERS)
    customer_id = row_int (g_ptr_array_index (top->rows, 0), column_index (table, "customer_id"));

  for (guint d = 0; d < t->n_dependents; d++)
    {
      const TpStoreDependent *dep = &t->dependents[d];
      g_autoptr(GArray) dep_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (dep->cascade)
        {
          if (!snapshot_rows (self, undo, dep->table, dep->column, id, dep_ids, error))
            goto fail;
          raise_high_water (self, dep->table, dep_ids);
          for (guint i = 0; i < dep_ids->len; i++)
            _tp_store_record_change (self, dep->table, g_array_index (dep_ids, gint64, i),
                                     TP_STORE_CHANGE_REMOVED, NULL);

          /* The rows that go with it may be named elsewhere (a place of a
           * deleted audience by touches): keep those links for the undo. */
          if (!relink_dependents (self, undo, dep->table, dep_ids, error))
            goto fail;
        }
      else
        {
          UndoRelink relink = { dep->table, dep->column, id, NULL };

          if (!collect_ids (self, dep->table, dep->column, id, dep_ids, error))
            goto fail;
          if (dep_ids->len == 0)
            continue;

          for (guint i = 0; i < dep_ids->len; i++)
            _tp_store_record_change (self, dep->table, g_array_index (dep_ids, gint64, i),
                                     TP_STORE_CHANGE_UPDATED, NULL);
          relink.ids = g_steal_pointer (&dep_ids);
          g_array_append_val (undo->relinks, relink);
        }
    }

  stmt = tp_database_prepare (self->database, _tp_store_table_sql[table].delete_row, error);
  if (stmt == NULL)
    goto fail;
  tp_statement_bind_int64 (stmt, 1, id);
  if (!_tp_store_run_statement (stmt, error))
    goto fail;

  raise_high_water (self, table, ids);
  _tp_store_record_change (self, table, id, TP_STORE_CHANGE_REMOVED, NULL);
  if (customer_id != 0)
    _tp_store_record_change (self, TP_STORE_TABLE_CUSTOMERS, customer_id,
                             TP_STORE_CHANGE_UPDATED, NULL);

  if (!tp_database_commit (self->database, error))
    return NULL;

  return g_steal_pointer (&undo);

fail:
  tp_database_rollback (self->database);
  return NULL;
}

/* Undoing */

static gboolean
restore_group (TpStore    *self,
               UndoGroup  *group,
               GError    **error)
{
  const TpStoreTable *t = &_tp_store_tables[group->table];
  int customer_column = -1;

  if (group->table == TP_STORE_TABLE_TOUCHES || group->table == TP_STORE_TABLE_ORDERS)
    customer_column = column_index (group->table, "customer_id");

  for (guint r = 0; r < group->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (group->rows, r);
      gint64 id = row_int (row, 0);
      gboolean exists = FALSE;
      TpStatement *stmt;

      if (!_tp_store_row_exists (self, group->table, id, &exists, error))
        return FALSE;
      if (exists)
        return _tp_store_set_invalid (error,
                                      _("The deleted item cannot be restored: a newer item "
                                        "now uses its number."));

      stmt = tp_database_prepare (self->database, _tp_store_table_sql[group->table].restore_row,
                                  error);
      if (stmt == NULL)
        return FALSE;

      for (guint c = 0; c < t->n_columns; c++)
        {
          const TpSchemaColumn *column = &t->columns[c];
          GVariant *value = g_ptr_array_index (row, c);

          if (column->kind == TP_SCHEMA_REF && value != NULL)
            {
              gboolean ref_exists = FALSE;

              if (!_tp_store_row_exists (self, _tp_store_ref_table (column),
                                         g_variant_get_int64 (value), &ref_exists, error))
                {
                  tp_statement_reset (stmt);
                  return FALSE;
                }

              if (!ref_exists)
                {
                  if (!(column->flags & TP_SCHEMA_NULLABLE))
                    {
                      tp_statement_reset (stmt);
                      return _tp_store_set_invalid (error,
                                                    _("The deleted item cannot be restored: "
                                                      "what it belonged to was deleted too."));
                    }
                  /* What it merely pointed at is gone: keep the row, without the link. */
                  value = NULL;
                }
            }

          tp_statement_bind_value (stmt, c + 1, value);
        }

      if (!_tp_store_run_statement (stmt, error))
        return FALSE;

      _tp_store_record_change (self, group->table, id, TP_STORE_CHANGE_ADDED, NULL);
      if (customer_column >= 0)
        _tp_store_record_change (self, TP_STORE_TABLE_CUSTOMERS, row_int (row, customer_column),
                                 TP_STORE_CHANGE_UPDATED, NULL);
    }

  return TRUE;
}

static gboolean
restore_relink (TpStore     *self,
                UndoRelink  *relink,
                GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2 AND %s IS NULL",
                                          _tp_store_tables[relink->table].name,
                                          relink->column, relink->column);

  for (guint i = 0; i < relink->ids->len; i++)
    {
      gint64 id = g_array_index (relink->ids, gint64, i);
      TpStatement *stmt;

      stmt = tp_database_prepare (self->database, sql, error);
      if (stmt == NULL)
        return FALSE;

      tp_statement_bind_int64 (stmt, 1, relink->value);
      tp_statement_bind_int64 (stmt, 2, id);
      if (!_tp_store_run_statement (stmt, error))
        return FALSE;

      if (tp_database_changes (self->database) > 0)
        _tp_store_record_change (self, relink->table, id, TP_STORE_CHANGE_UPDATED, NULL);
    }

  return TRUE;
}

/**
 * tp_store_undo:
 * @self: a #TpStore
 * @undo: what a delete returned
 * @error: return location for a #GError
 *
 * Puts back, in one transaction, the deleted row and everything that went
 * with it, with the same ids and values: a customer's touches and orders,
 * an audience's places and its links from customers and tactics, a
 * tactic's log and its links from touches. An undo works once.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_undo (TpStore  *self,
               TpUndo   *undo,
               GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (undo->done)
    return _tp_store_set_invalid (error, _("This delete was already undone."));

  if (!tp_database_begin (self->database, error))
    return FALSE;

  for (guint i = 0; i < undo->groups->len; i++)
    {
      if (!restore_group (self, &g_array_index (undo->groups, UndoGroup, i), error))
        {
          tp_database_rollback (self->database);
          return FALSE;
        }
    }

  for (guint i = 0; i < undo->relinks->len; i++)
    {
      if (!restore_relink (self, &g_array_index (undo->relinks, UndoRelink, i), error))
        {
          tp_database_rollback (self->database);
          return FALSE;
        }
    }

  if (!tp_database_commit (self->database, error))
    return FALSE;

  undo->done = TRUE;
  return TRUE;
}
