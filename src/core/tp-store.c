/* tp-store.c
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

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tp-core-enum-types.h"
#include "tp-schema.h"
#include "tp-store.h"
#include "tp-store-private.h"

/*
 * TpStore is the one door to the data: every read and write of the views
 * goes through it, and it is the only place with SQL for single rows.
 *
 * Each table is described once (its columns, how they map onto the
 * properties of its model, which rules a value must pass, what a delete
 * takes with it); loading, saving, deleting and undoing are written once
 * against those descriptions.
 *
 * Live objects: for each table the store keeps a weak map from id to the
 * model object the views hold. Whatever changes a row, the store reloads
 * that object after the commit, so every view of the row updates through
 * property notification, and then emits ::changed so that lists can move,
 * add or remove rows.
 *
 * Changes are queued while a transaction is open and emitted only after
 * the outermost commit; a rolled-back level drops its changes (and
 * reloads objects it had touched), so no view ever shows what is not in
 * the file.
 */

/* Above this many changes to one table in one transaction, lists are
 * told to re-read the table instead of being told row by row. */
#define MAX_ROW_CHANGES 64

/* The columns, their types and rules come from tp-schema.c; the store
 * adds which model object holds a row and what a delete takes with it
 * (read from the references of the other tables). */
typedef TpSchemaColumn Column;

typedef enum
{
  T_AUDIENCES,
  T_PLACES,
  T_BRAND,
  T_BRAND_WORDS,
  T_COMPETITORS,
  T_TACTICS,
  T_TACTIC_LOG,
  T_CUSTOMERS,
  T_TOUCHES,
  T_ORDERS,
  N_TABLES
} TableId;

#define MAX_DEPENDENTS 4

typedef struct
{
  TableId     table;
  const char *column;
  gboolean    cascade;  /* ON DELETE CASCADE; otherwise SET NULL */
} Dependent;

typedef struct
{
  const char      *name;
  GType          (*get_type) (void);
  const char      *title_column;
  /* Filled in from the schema by build_table_sql() */
  const Column    *columns;
  guint            n_columns;
  Dependent        dependents[MAX_DEPENDENTS];
  guint            n_dependents;
} Table;

#define N_ROW_TIMES 2

static Table tables[N_TABLES] = {
  [T_AUDIENCES] = { "audiences", tp_audience_get_type, "name" },
  [T_PLACES] = { "audience_places", tp_place_get_type, "name" },
  [T_BRAND] = { "brand", tp_brand_get_type, NULL },
  [T_BRAND_WORDS] = { "brand_words", tp_brand_word_get_type, "word" },
  [T_COMPETITORS] = { "competitors", tp_competitor_get_type, "name" },
  [T_TACTICS] = { "tactics", tp_tactic_get_type, "name" },
  [T_TACTIC_LOG] = { "tactic_log", tp_tactic_log_entry_get_type, NULL },
  [T_CUSTOMERS] = { "customers", tp_customer_get_type, "name" },
  [T_TOUCHES] = { "touches", tp_touch_get_type, NULL },
  [T_ORDERS] = { "orders", tp_order_get_type, "item" },
};

/* The SQL of each table, built once from its columns. */
typedef struct
{
  char *select_row;     /* every column, WHERE id = ?1 */
  char *select_by;      /* every column, WHERE <column> = ?1, per dependent */
  char *insert_row;     /* the writable columns, ?1 is the id (NULL for a new one) */
  char *restore_row;    /* every column, for undo */
  char *update_row;     /* the writable columns but created_at, WHERE id = ?1 */
  char *exists;
  char *delete_row;
  char *max_id;
} TableSql;

static TableSql table_sql[N_TABLES];

typedef struct
{
  TableId        table;
  gint64         id;
  TpStoreChange  kind;
  guint          depth;
  GObject       *object;  /* the object given to an add or save */
} Pending;

struct _TpStore
{
  GObject      parent_instance;

  TpDatabase  *database;
  GHashTable  *live[N_TABLES];   /* id → weak model object */
  GHashTable  *dead[N_TABLES];   /* id → weak object of a deleted row, for its undo */
  gint64       high_water[N_TABLES];
  GArray      *pending;          /* Pending */

  guint        band_low;
  guint        band_high;
  guint        followup_days;
  char        *currency;
  char        *business_name;
};

G_DEFINE_FINAL_TYPE (TpStore, tp_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_BAND_LOW,
  PROP_BAND_HIGH,
  PROP_FOLLOWUP_DAYS,
  PROP_CURRENCY,
  PROP_BUSINESS_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload_settings (TpStore *self);
static void transaction_ended_cb (TpStore    *self,
                                  guint       depth,
                                  gboolean    committed,
                                  TpDatabase *database);

/* Undo records */

typedef struct
{
  TableId    table;
  GPtrArray *rows;  /* GPtrArray of GVariant (NULL for NULL), in column order */
} UndoGroup;

typedef struct
{
  TableId     table;
  const char *column;
  gint64      value;
  GArray     *ids;
} UndoRelink;

struct _TpUndo
{
  gatomicrefcount  ref_count;
  TableId          table;
  gint64           id;
  char            *title;
  GArray          *groups;   /* UndoGroup, parents first */
  GArray          *relinks;  /* UndoRelink */
  gboolean         done;
};

G_DEFINE_BOXED_TYPE (TpUndo, tp_undo, tp_undo_ref, tp_undo_unref)

static void
variant_unref0 (gpointer data)
{
  if (data != NULL)
    g_variant_unref (data);
}

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
undo_new (TableId table,
          gint64  id)
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

  return tables[self->table].name;
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

/* SQL of the tables */

static gboolean
column_is_written (const Column *column)
{
  return column->kind != TP_SCHEMA_ID && !(column->flags & TP_SCHEMA_DERIVED);
}

static int
table_from_name (const char *name)
{
  for (guint t = 0; t < N_TABLES; t++)
    if (g_strcmp0 (tables[t].name, name) == 0)
      return t;

  return -1;
}

/* The table a reference points to */
static TableId
ref_table (const Column *column)
{
  int t = table_from_name (column->ref_table);

  g_assert (column->kind == TP_SCHEMA_REF && t >= 0);
  return (TableId)t;
}

/* Takes the columns of each table from the schema, and the rows a delete
 * takes with it (or unlinks) from the references of the others. */
static void
load_schema (void)
{
  for (guint t = 0; t < N_TABLES; t++)
    {
      const TpSchemaTable *schema = tp_schema_find_table (tables[t].name);

      g_assert (schema != NULL);
      tables[t].columns = schema->columns;
      tables[t].n_columns = schema->n_columns;
    }

  for (guint t = 0; t < N_TABLES; t++)
    for (guint c = 0; c < tables[t].n_columns; c++)
      {
        const Column *column = &tables[t].columns[c];
        Table *parent;

        if (column->kind != TP_SCHEMA_REF)
          continue;

        parent = &tables[ref_table (column)];
        g_assert (parent->n_dependents < MAX_DEPENDENTS);
        parent->dependents[parent->n_dependents++] = (Dependent) {
          (TableId)t, column->name, (column->flags & TP_SCHEMA_CASCADE) != 0
        };
      }
}

static void
build_table_sql (void)
{
  load_schema ();

  for (guint t = 0; t < N_TABLES; t++)
    {
      const Table *table = &tables[t];
      g_autoptr(GString) all = g_string_new (NULL);
      g_autoptr(GString) ins_cols = g_string_new ("id");
      g_autoptr(GString) ins_vals = g_string_new ("?1");
      g_autoptr(GString) upd = g_string_new (NULL);
      g_autoptr(GString) restore_vals = g_string_new (NULL);
      guint n_ins = 1;
      guint n_upd = 1;

      for (guint c = 0; c < table->n_columns; c++)
        {
          const Column *column = &table->columns[c];

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

      table_sql[t].select_row = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1",
                                                 all->str, table->name);
      table_sql[t].select_by = g_strdup_printf ("SELECT %s FROM %s WHERE ", all->str, table->name);
      table_sql[t].insert_row = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                                 table->name, ins_cols->str, ins_vals->str);
      table_sql[t].restore_row = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                                  table->name, all->str, restore_vals->str);
      table_sql[t].update_row = g_strdup_printf ("UPDATE %s SET %s WHERE id = ?1",
                                                 table->name, upd->str);
      table_sql[t].exists = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table->name);
      table_sql[t].delete_row = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table->name);
      table_sql[t].max_id = g_strdup_printf ("SELECT coalesce(max(id), 0) FROM %s", table->name);
    }
}

/* Times */

/**
 * tp_store_now:
 *
 * Returns: (transfer full): the current time as the database stores it
 */
char *
tp_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return tp_schema_format_time (now);
}

/* Errors */

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_invalid (GError     **error,
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

/* Refuses a value, naming its field in a format with one %s. */
#define set_invalid_field(error, column, format) \
  set_invalid ((error), (format), _((column)->label))

/* The currency setting follows the rule of the orders' currency */
static gboolean
check_currency (const char  *currency,
                GError     **error)
{
  const Column *column = tp_schema_table_find_column (tp_schema_find_table ("orders"), "currency");

  return currency != NULL && tp_schema_column_check_text (column, currency, error);
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
apply_row (GObject      *object,
           const Table  *table,
           TpStatement  *stmt)
{
  g_object_freeze_notify (object);

  for (guint c = 0; c < table->n_columns; c++)
    {
      const Column *column = &table->columns[c];
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

static gboolean
load_row (TpStore  *self,
          TableId   table,
          gint64    id,
          GObject  *object,
          gboolean *found,
          GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;

  *found = FALSE;

  stmt = tp_database_prepare (self->database, table_sql[table].select_row, error);
  if (stmt == NULL)
    return FALSE;

  tp_statement_bind_int64 (stmt, 1, id);
  if (tp_statement_step (stmt, &local_error))
    {
      apply_row (object, &tables[table], stmt);
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

/* Live objects */

static void
live_object_finalized_cb (gpointer  data,
                          GObject  *where_the_object_was)
{
  GHashTable *map = data;
  GHashTableIter iter;
  gpointer value;

  /* The key is not known here; the maps are small (only what views hold). */
  g_hash_table_iter_init (&iter, map);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (value == (gpointer)where_the_object_was)
        {
          g_hash_table_iter_remove (&iter);
          break;
        }
    }
}

static GObject *
live_lookup (TpStore *self,
             TableId  table,
             gint64   id)
{
  return g_hash_table_lookup (self->live[table], &id);
}

static void
live_remove (TpStore *self,
             TableId  table,
             gint64   id)
{
  GObject *object = live_lookup (self, table, id);

  if (object != NULL)
    {
      g_object_weak_unref (object, live_object_finalized_cb, self->live[table]);
      g_hash_table_remove (self->live[table], &id);
    }
}

/* Moves the object of a deleted row aside, so that an undo puts the row
 * back into the very object the views still hold. */
static void
bury (TpStore *self,
      TableId  table,
      gint64   id)
{
  GObject *object = live_lookup (self, table, id);
  GObject *old;

  if (object == NULL)
    return;

  g_object_ref (object);
  live_remove (self, table, id);

  old = g_hash_table_lookup (self->dead[table], &id);
  if (old != NULL)
    {
      g_object_weak_unref (old, live_object_finalized_cb, self->dead[table]);
      g_hash_table_remove (self->dead[table], &id);
    }

  g_hash_table_insert (self->dead[table], g_memdup2 (&id, sizeof id), object);
  g_object_weak_ref (object, live_object_finalized_cb, self->dead[table]);
  g_object_unref (object);
}

static void
live_insert (TpStore *self,
             TableId  table,
             gint64   id,
             GObject *object)
{
  GObject *old = live_lookup (self, table, id);

  if (old == object)
    return;

  if (old != NULL)
    live_remove (self, table, id);

  g_hash_table_insert (self->live[table], g_memdup2 (&id, sizeof id), object);
  g_object_weak_ref (object, live_object_finalized_cb, self->live[table]);
}

/* Gets the live object of a row, loading it if no view holds it yet. */
static GObject *
dup_object (TpStore  *self,
            TableId   table,
            gint64    id,
            GError  **error)
{
  g_autoptr(GObject) object = NULL;
  GObject *live;
  gboolean found;

  live = live_lookup (self, table, id);
  if (live != NULL)
    return g_object_ref (live);

  object = g_object_new (tables[table].get_type (), NULL);
  if (!load_row (self, table, id, object, &found, error))
    return NULL;

  if (!found)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_INVALID,
                   /* Translators: %s is the number of a row */
                   _("Item %s no longer exists: it may have been deleted."),
                   id_text);
      return NULL;
    }

  live_insert (self, table, id, object);

  return g_steal_pointer (&object);
}

GObject *
_tp_store_dup_object (TpStore     *self,
                      const char  *table,
                      gint64       id,
                      GError     **error)
{
  int t = table_from_name (table);

  g_return_val_if_fail (TP_IS_STORE (self), NULL);
  g_return_val_if_fail (t >= 0, NULL);

  return dup_object (self, t, id, error);
}

/* An empty object of the right type, for a list position whose row went
 * away under another connection. */
GObject *
_tp_store_placeholder (const char *table,
                       gint64      id)
{
  int t = table_from_name (table);

  g_return_val_if_fail (t >= 0, NULL);

  return g_object_new (tables[t].get_type (), "id", id, NULL);
}

/* Brings back the object of a row that an undo restored. */
static void
resurrect (TpStore *self,
           TableId  table,
           gint64   id)
{
  GObject *object = g_hash_table_lookup (self->dead[table], &id);

  if (object == NULL)
    return;

  g_object_weak_unref (object, live_object_finalized_cb, self->dead[table]);
  g_hash_table_remove (self->dead[table], &id);

  if (live_lookup (self, table, id) == NULL)
    live_insert (self, table, id, object);
}

static void
reload_live (TpStore *self,
             TableId  table,
             gint64   id)
{
  GObject *object = live_lookup (self, table, id);
  g_autoptr(GError) error = NULL;
  gboolean found;

  if (object == NULL)
    return;

  g_object_ref (object);
  if (!load_row (self, table, id, object, &found, &error))
    g_debug ("Could not reload %s %" G_GINT64_FORMAT ": %s",
             tables[table].name, id, error->message);
  g_object_unref (object);
}

static GArray *
map_ids (GHashTable *map)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, map);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *)key);

  return ids;
}

/* After many changes to a table: every live object is read again (and
 * put aside if its row went), and every object put aside whose row came
 * back is live again. */
static void
reload_all_live (TpStore *self,
                 TableId  table)
{
  g_autoptr(GArray) live_ids = map_ids (self->live[table]);
  g_autoptr(GArray) dead_ids = map_ids (self->dead[table]);

  for (guint i = 0; i < live_ids->len; i++)
    {
      gint64 id = g_array_index (live_ids, gint64, i);
      g_autoptr(GObject) object = g_object_ref (live_lookup (self, table, id));
      gboolean found = FALSE;

      if (load_row (self, table, id, object, &found, NULL) && !found)
        bury (self, table, id);
    }

  for (guint i = 0; i < dead_ids->len; i++)
    {
      gint64 id = g_array_index (dead_ids, gint64, i);
      g_autoptr(GObject) object = g_object_ref (g_hash_table_lookup (self->dead[table], &id));
      gboolean found = FALSE;

      if (load_row (self, table, id, object, &found, NULL) && found)
        resurrect (self, table, id);
    }
}

/* Change queue */

static void
pending_clear (gpointer data)
{
  Pending *pending = data;

  g_clear_object (&pending->object);
}

static void
record_change (TpStore       *self,
               TableId        table,
               gint64         id,
               TpStoreChange  kind,
               GObject       *object)
{
  Pending pending = { table, id, kind, tp_database_get_depth (self->database), NULL };

  g_assert (pending.depth > 0);

  if (object != NULL)
    pending.object = g_object_ref (object);

  g_array_append_val (self->pending, pending);
}

static void
emit_change (TpStore       *self,
             TableId        table,
             gint64         id,
             TpStoreChange  kind)
{
  g_signal_emit (self, signals[CHANGED],
                 g_quark_from_static_string (tables[table].name),
                 tables[table].name, id, kind);
}

static void
refresh_brand_cache (TpStore *self)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt;
  g_autofree char *name = NULL;

  stmt = tp_database_prepare (self->database, "SELECT business_name FROM brand WHERE id = 1", &error);
  if (stmt != NULL)
    {
      if (tp_statement_step (stmt, &error))
        name = g_strdup (tp_statement_get_text (stmt, 0));
      tp_statement_reset (stmt);
    }

  if (name == NULL)
    name = g_strdup ("");

  if (g_strcmp0 (name, self->business_name) != 0)
    {
      g_free (self->business_name);
      self->business_name = g_steal_pointer (&name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSINESS_NAME]);
    }
}

/* Emits what the committed transaction changed. */
static void
flush_changes (TpStore *self)
{
  g_autoptr(GArray) pending = NULL;
  g_autoptr(GHashTable) seen = NULL;
  guint counts[N_TABLES] = { 0, };
  gboolean reloaded[N_TABLES] = { FALSE, };
  gboolean settings_changed = FALSE;

  if (self->pending->len == 0)
    return;

  pending = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_array_set_clear_func (self->pending, pending_clear);

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);

      if ((int)p->table == N_TABLES)
        settings_changed = TRUE;
      else
        counts[p->table]++;
    }

  g_object_ref (self);

  if (settings_changed)
    {
      reload_settings (self);
      g_signal_emit (self, signals[CHANGED], g_quark_from_static_string ("settings"),
                     "settings", (gint64)0, TP_STORE_CHANGE_UPDATED);
    }

  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);
      g_autofree char *key = NULL;

      if ((int)p->table == N_TABLES)
        continue;

      if (p->table == T_BRAND)
        refresh_brand_cache (self);

      if (counts[p->table] > MAX_ROW_CHANGES)
        {
          if (!reloaded[p->table])
            {
              reloaded[p->table] = TRUE;
              reload_all_live (self, p->table);
              emit_change (self, p->table, 0, TP_STORE_CHANGE_RELOADED);
            }
          continue;
        }

      /* An update right after an add or another update of the same row
       * says nothing new. */
      key = g_strdup_printf ("%u:%" G_GINT64_FORMAT, p->table, p->id);
      if (p->kind == TP_STORE_CHANGE_UPDATED && g_hash_table_contains (seen, key))
        continue;
      if (p->kind != TP_STORE_CHANGE_REMOVED)
        g_hash_table_add (seen, g_steal_pointer (&key));
      else
        g_hash_table_remove (seen, key);

      if (p->kind == TP_STORE_CHANGE_REMOVED)
        bury (self, p->table, p->id);
      else if (p->kind == TP_STORE_CHANGE_ADDED)
        resurrect (self, p->table, p->id);

      if (p->kind != TP_STORE_CHANGE_REMOVED)
        reload_live (self, p->table, p->id);

      emit_change (self, p->table, p->id, p->kind);
    }

  g_object_unref (self);
}

/* Drops the changes of a rolled-back level and puts the objects they
 * touched back to what the file holds. */
static void
drop_changes (TpStore *self,
              guint    depth)
{
  guint i = 0;

  while (i < self->pending->len)
    {
      Pending *p = &g_array_index (self->pending, Pending, i);

      if (p->depth < depth)
        {
          i++;
          continue;
        }

      if ((int)p->table != N_TABLES && p->object != NULL)
        {
          gboolean found = FALSE;

          if (p->kind == TP_STORE_CHANGE_ADDED)
            {
              if (live_lookup (self, p->table, p->id) == p->object)
                live_remove (self, p->table, p->id);
              g_object_set (p->object, "id", (gint64)0, NULL);
            }
          else if (!load_row (self, p->table, p->id, p->object, &found, NULL))
            {
              g_debug ("Could not reload %s %" G_GINT64_FORMAT " after a rollback",
                       tables[p->table].name, p->id);
            }
        }

      if ((int)p->table != N_TABLES && p->kind == TP_STORE_CHANGE_UPDATED)
        reload_live (self, p->table, p->id);

      g_array_remove_index (self->pending, i);
    }
}

static void
transaction_ended_cb (TpStore    *self,
                      guint       depth,
                      gboolean    committed,
                      TpDatabase *database)
{
  if (!committed)
    {
      drop_changes (self, depth);
      return;
    }

  if (depth > 1)
    {
      /* A released savepoint hands its changes to the level around it. */
      for (guint i = 0; i < self->pending->len; i++)
        {
          Pending *p = &g_array_index (self->pending, Pending, i);

          if (p->depth >= depth)
            p->depth = depth - 1;
        }
      return;
    }

  flush_changes (self);
}

/* Settings */

static char *
read_setting (TpStore    *self,
              const char *key)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt;
  char *value = NULL;

  stmt = tp_database_prepare (self->database, "SELECT value FROM settings WHERE key = ?1", &error);
  if (stmt == NULL)
    return NULL;

  tp_statement_bind_text (stmt, 1, key);
  if (tp_statement_step (stmt, &error))
    value = g_strdup (tp_statement_get_text (stmt, 0));
  tp_statement_reset (stmt);

  return value;
}

static guint
read_setting_uint (TpStore    *self,
                   const char *key,
                   guint       fallback,
                   guint       min,
                   guint       max)
{
  g_autofree char *text = read_setting (self, key);
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    return fallback;

  return value;
}

static void
reload_settings (TpStore *self)
{
  guint band_low, band_high, followup_days;
  g_autofree char *currency = NULL;

  band_low = read_setting_uint (self, TP_SETTING_BAND_LOW, TP_STORE_DEFAULT_BAND_LOW, 0, 1000);
  band_high = read_setting_uint (self, TP_SETTING_BAND_HIGH, TP_STORE_DEFAULT_BAND_HIGH, 0, 1000);
  if (band_high < band_low)
    {
      band_low = TP_STORE_DEFAULT_BAND_LOW;
      band_high = TP_STORE_DEFAULT_BAND_HIGH;
    }
  followup_days = read_setting_uint (self, TP_SETTING_FOLLOWUP_DAYS,
                                     TP_STORE_DEFAULT_FOLLOWUP_DAYS, 1, 3650);
  currency = read_setting (self, TP_SETTING_CURRENCY);
  if (currency == NULL || !check_currency (currency, NULL))
    {
      g_free (currency);
      currency = g_strdup (TP_STORE_DEFAULT_CURRENCY);
    }

  g_object_freeze_notify (G_OBJECT (self));

  if (band_low != self->band_low)
    {
      self->band_low = band_low;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BAND_LOW]);
    }
  if (band_high != self->band_high)
    {
      self->band_high = band_high;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BAND_HIGH]);
    }
  if (followup_days != self->followup_days)
    {
      self->followup_days = followup_days;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOWUP_DAYS]);
    }
  if (g_strcmp0 (currency, self->currency) != 0)
    {
      g_free (self->currency);
      self->currency = g_steal_pointer (&currency);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
write_setting (TpStore     *self,
               const char  *key,
               const char  *value,
               GError     **error)
{
  g_autofree char *now = tp_store_now ();
  TpStatement *stmt;
  gboolean ok;

  if (!tp_database_begin (self->database, error))
    return FALSE;

  stmt = tp_database_prepare (self->database,
                              "INSERT INTO settings (key, value, created_at, updated_at) "
                              "VALUES (?1, ?2, ?3, ?3) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                              "updated_at = excluded.updated_at "
                              "WHERE settings.value IS NOT excluded.value",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      tp_statement_bind_text (stmt, 1, key);
      tp_statement_bind_text (stmt, 2, value);
      tp_statement_bind_text (stmt, 3, now);
      tp_statement_step (stmt, error);
      ok = error == NULL || *error == NULL;
      tp_statement_reset (stmt);
    }

  if (!ok)
    {
      tp_database_rollback (self->database);
      return FALSE;
    }

  record_change (self, N_TABLES, 0, TP_STORE_CHANGE_UPDATED, NULL);

  return tp_database_commit (self->database, error);
}

/**
 * tp_store_get_band_low:
 * @self: a #TpStore
 *
 * Returns: the fewest touches inside the touch band (5 unless changed)
 */
guint
tp_store_get_band_low (TpStore *self)
{
  g_return_val_if_fail (TP_IS_STORE (self), 0);

  return self->band_low;
}

/**
 * tp_store_get_band_high:
 * @self: a #TpStore
 *
 * Returns: the most touches inside the touch band (12 unless changed)
 */
guint
tp_store_get_band_high (TpStore *self)
{
  g_return_val_if_fail (TP_IS_STORE (self), 0);

  return self->band_high;
}

/**
 * tp_store_set_band:
 * @self: a #TpStore
 * @low: the fewest touches inside the band
 * @high: the most touches inside the band, at least @low
 * @error: return location for a #GError
 *
 * Sets the touch band, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_set_band (TpStore  *self,
                   guint     low,
                   guint     high,
                   GError  **error)
{
  g_autofree char *low_text = NULL;
  g_autofree char *high_text = NULL;

  g_return_val_if_fail (TP_IS_STORE (self), FALSE);

  if (low < 1 || high > 1000 || high < low)
    return set_invalid (error,
                        _("“Touch band” must run from at least 1 touch up to at most 1000, "
                          "and its top must not be below its bottom."));

  low_text = g_strdup_printf ("%u", low);
  high_text = g_strdup_printf ("%u", high);

  if (!tp_database_begin (self->database, error))
    return FALSE;

  if (!write_setting (self, TP_SETTING_BAND_LOW, low_text, error) ||
      !write_setting (self, TP_SETTING_BAND_HIGH, high_text, error))
    {
      tp_database_rollback (self->database);
      return FALSE;
    }

  return tp_database_commit (self->database, error);
}

/**
 * tp_store_get_followup_days:
 * @self: a #TpStore
 *
 * Returns: after how many quiet days a customer needs a follow-up (14
 *   unless changed)
 */
guint
tp_store_get_followup_days (TpStore *self)
{
  g_return_val_if_fail (TP_IS_STORE (self), 0);

  return self->followup_days;
}

/**
 * tp_store_set_followup_days:
 * @self: a #TpStore
 * @days: from 1 to 3650
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_set_followup_days (TpStore  *self,
                            guint     days,
                            GError  **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (TP_IS_STORE (self), FALSE);

  if (days < 1 || days > 3650)
    return set_invalid (error, _("“Follow-up interval” must be between 1 and 3650 days."));

  text = g_strdup_printf ("%u", days);
  return write_setting (self, TP_SETTING_FOLLOWUP_DAYS, text, error);
}

/**
 * tp_store_get_currency:
 * @self: a #TpStore
 *
 * Returns: the ISO 4217 code new orders use ("EUR" unless changed)
 */
const char *
tp_store_get_currency (TpStore *self)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return self->currency;
}

/**
 * tp_store_set_currency:
 * @self: a #TpStore
 * @currency: a three-letter code in capitals, such as "EUR"
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_set_currency (TpStore     *self,
                       const char  *currency,
                       GError     **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);

  if (currency == NULL || !check_currency (currency, error))
    {
      if (error != NULL && *error == NULL)
        set_invalid (error, _("“Currency” must be a three-letter currency code in capitals, "
                              "such as EUR."));
      return FALSE;
    }

  return write_setting (self, TP_SETTING_CURRENCY, currency, error);
}

/* Writing rows */

static gboolean
row_exists (TpStore  *self,
            TableId   table,
            gint64    id,
            gboolean *exists,
            GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;

  stmt = tp_database_prepare (self->database, table_sql[table].exists, error);
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

static gboolean
query_int64 (TpStore     *self,
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

static gboolean
run_statement (TpStatement  *stmt,
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
collect_values (TpStore     *self,
                TableId      table,
                GObject     *object,
                gboolean     insert,
                const char  *now,
                GError     **error)
{
  const Table *t = &tables[table];
  g_autoptr(GPtrArray) values = g_ptr_array_new_full (t->n_columns, variant_unref0);

  for (guint c = 0; c < t->n_columns; c++)
    {
      const Column *column = &t->columns[c];
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

            if (!row_exists (self, ref_table (column), ref, &exists, error))
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
next_free_id (TpStore  *self,
              TableId   table,
              gint64   *id,
              GError  **error)
{
  gint64 max = 0;

  *id = 0;
  if (self->high_water[table] == 0)
    return TRUE;

  if (!query_int64 (self, table_sql[table].max_id, 0, &max, error))
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
get_customer_of (TpStore  *self,
                 TableId   table,
                 gint64    id,
                 gint64   *customer_id,
                 GError  **error)
{
  const char *sql = table == T_TOUCHES ? "SELECT customer_id FROM touches WHERE id = ?1"
                                       : "SELECT customer_id FROM orders WHERE id = ?1";

  return query_int64 (self, sql, id, customer_id, error);
}

/* The first order moves a lead or prospect to customer, a second one to
 * repeat. Lost stays lost: only the owner changes that. */
static gboolean
apply_stage_rule (TpStore     *self,
                  gint64       customer_id,
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
                              "UPDATE customers SET stage = ?2, updated_at = ?3 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  tp_statement_bind_int64 (stmt, 1, customer_id);
  tp_statement_bind_text (stmt, 2, new_stage);
  tp_statement_bind_text (stmt, 3, now);
  if (!run_statement (stmt, error))
    return FALSE;

  record_change (self, T_CUSTOMERS, customer_id, TP_STORE_CHANGE_UPDATED, NULL);
  return TRUE;
}

/* Rules that span rows, checked or applied before the row is written. */
static gboolean
before_write (TpStore     *self,
              TableId      table,
              GObject     *object,
              gint64       id,
              const char  *now,
              GError     **error)
{
  if (table == T_ORDERS)
    {
      g_autofree char *currency = NULL;

      g_object_get (object, "currency", &currency, NULL);
      if (currency == NULL || currency[0] == '\0')
        g_object_set (object, "currency", self->currency, NULL);
    }
  else if (table == T_BRAND_WORDS)
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
        return set_invalid (error, _("“%s” is already one of the brand words."), word);
    }
  else if (table == T_AUDIENCES)
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
                                      "UPDATE audiences SET is_primary = 0, updated_at = ?2 "
                                      "WHERE is_primary = 1 AND id != ?1 RETURNING id",
                                      error);
          if (stmt == NULL)
            return FALSE;
          tp_statement_bind_int64 (stmt, 1, id);
          tp_statement_bind_text (stmt, 2, now);
          while (tp_statement_step (stmt, &local_error))
            {
              other = tp_statement_get_int64 (stmt, 0);
              record_change (self, T_AUDIENCES, other, TP_STORE_CHANGE_UPDATED, NULL);
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

static void
bind_values (TpStatement *stmt,
             TableId      table,
             GPtrArray   *values,
             gboolean     insert)
{
  const Table *t = &tables[table];
  int index = 1;

  for (guint c = 0; c < t->n_columns; c++)
    {
      const Column *column = &t->columns[c];

      if (!column_is_written (column))
        continue;
      if (!insert && g_str_equal (column->name, "created_at"))
        continue;

      tp_statement_bind_value (stmt, ++index, g_ptr_array_index (values, c));
    }
}

/* Inserts or updates the row of @object, inside the caller's transaction. */
static gboolean
write_row (TpStore   *self,
           TableId    table,
           GObject   *object,
           gboolean   insert,
           GError   **error)
{
  g_autofree char *now = tp_store_now ();
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;
  gint64 id = object_get_id (object);
  gint64 old_customer = 0;
  gint64 new_customer = 0;

  if (insert && id != 0)
    {
      gboolean exists = FALSE;

      /* A given id (an import keeping its ids) must be free. */
      if (!row_exists (self, table, id, &exists, error))
        return FALSE;
      if (exists)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          return set_invalid (error,
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
      return set_invalid (error, _("This item was never saved, so it cannot be changed."));
    }

  if (!before_write (self, table, object, id, now, error))
    return FALSE;

  values = collect_values (self, table, object, insert, now, error);
  if (values == NULL)
    return FALSE;

  if (!insert && (table == T_TOUCHES || table == T_ORDERS) &&
      !get_customer_of (self, table, id, &old_customer, error))
    return FALSE;

  stmt = tp_database_prepare (self->database,
                              insert ? table_sql[table].insert_row : table_sql[table].update_row,
                              error);
  if (stmt == NULL)
    return FALSE;

  if (id != 0)
    tp_statement_bind_int64 (stmt, 1, id);
  else
    tp_statement_bind_null (stmt, 1);
  bind_values (stmt, table, values, insert);

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
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      return set_invalid (error,
                          /* Translators: %s is the number of a row */
                          _("Item %s no longer exists: it may have been deleted."),
                          id_text);
    }

  g_object_set (object, "updated-at", now, NULL);

  if (live_lookup (self, table, id) == NULL)
    live_insert (self, table, id, object);

  record_change (self, table, id,
                 insert ? TP_STORE_CHANGE_ADDED : TP_STORE_CHANGE_UPDATED,
                 object);

  if (table == T_TOUCHES || table == T_ORDERS)
    {
      g_object_get (object, "customer-id", &new_customer, NULL);

      if (old_customer != 0 && old_customer != new_customer)
        record_change (self, T_CUSTOMERS, old_customer, TP_STORE_CHANGE_UPDATED, NULL);
      record_change (self, T_CUSTOMERS, new_customer, TP_STORE_CHANGE_UPDATED, NULL);

      if (table == T_ORDERS && !apply_stage_rule (self, new_customer, now, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
store_row (TpStore   *self,
           TableId    table,
           GObject   *object,
           gboolean   insert,
           GError   **error)
{
  if (!tp_database_begin (self->database, error))
    return FALSE;

  if (!write_row (self, table, object, insert, error))
    {
      tp_database_rollback (self->database);
      return FALSE;
    }

  return tp_database_commit (self->database, error);
}

/* Deleting and undoing */

static gboolean
snapshot_rows (TpStore     *self,
               TpUndo      *undo,
               TableId      table,
               const char  *column,
               gint64       value,
               GArray      *ids,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("%s%s = ?1 ORDER BY id",
                                          table_sql[table].select_by, column);
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
      GPtrArray *row = g_ptr_array_new_full (tables[table].n_columns, variant_unref0);
      gint64 id = tp_statement_get_int64 (stmt, 0);

      for (guint c = 0; c < tables[table].n_columns; c++)
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
collect_ids (TpStore     *self,
             TableId      table,
             const char  *column,
             gint64       value,
             GArray      *ids,
             GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1 ORDER BY id",
                                          tables[table].name, column);
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
column_index (TableId     table,
              const char *name)
{
  for (guint c = 0; c < tables[table].n_columns; c++)
    if (g_str_equal (tables[table].columns[c].name, name))
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
undo_title (TableId     table,
            const char *name)
{
  switch (table)
    {
    /* Translators: %s is a name; this is shown in a toast with an Undo button */
    case T_AUDIENCES: return g_strdup_printf (_("Audience “%s” deleted"), name);
    /* Translators: %s is a name; this is shown in a toast with an Undo button */
    case T_PLACES: return g_strdup_printf (_("Place “%s” deleted"), name);
    /* Translators: %s is a word; this is shown in a toast with an Undo button */
    case T_BRAND_WORDS: return g_strdup_printf (_("Brand word “%s” deleted"), name);
    /* Translators: %s is a name; this is shown in a toast with an Undo button */
    case T_COMPETITORS: return g_strdup_printf (_("Competitor “%s” deleted"), name);
    /* Translators: %s is a name; this is shown in a toast with an Undo button */
    case T_TACTICS: return g_strdup_printf (_("Tactic “%s” deleted"), name);
    case T_TACTIC_LOG: return g_strdup (_("Log entry deleted"));
    /* Translators: %s is a name; this is shown in a toast with an Undo button */
    case T_CUSTOMERS: return g_strdup_printf (_("Customer “%s” deleted"), name);
    case T_TOUCHES: return g_strdup (_("Touch deleted"));
    /* Translators: %s is what was ordered; this is shown in a toast with an Undo button */
    case T_ORDERS: return g_strdup_printf (_("Order “%s” deleted"), name);
    case T_BRAND:
    case N_TABLES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
raise_high_water (TpStore *self,
                  TableId  table,
                  GArray  *ids)
{
  for (guint i = 0; i < ids->len; i++)
    self->high_water[table] = MAX (self->high_water[table], g_array_index (ids, gint64, i));
}

/* For each row in @ids of @table that a delete takes with it, the rows
 * of other tables that lose their link to it (SET NULL), so that the undo
 * links them again. No table cascades two levels down. */
static gboolean
relink_dependents (TpStore  *self,
                   TpUndo   *undo,
                   TableId   table,
                   GArray   *ids,
                   GError  **error)
{
  const Table *t = &tables[table];

  for (guint d = 0; d < t->n_dependents; d++)
    {
      const Dependent *dep = &t->dependents[d];

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
            record_change (self, dep->table, g_array_index (dep_ids, gint64, j),
                           TP_STORE_CHANGE_UPDATED, NULL);
          relink.ids = g_steal_pointer (&dep_ids);
          g_array_append_val (undo->relinks, relink);
        }
    }

  return TRUE;
}

static TpUndo *
delete_row (TpStore  *self,
            TableId   table,
            gint64    id,
            GError  **error)
{
  g_autoptr(TpUndo) undo = undo_new (table, id);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const Table *t = &tables[table];
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

      set_invalid (error,
                   /* Translators: %s is the number of a row */
                   _("Item %s no longer exists: it may have been deleted."), id_text);
      goto fail;
    }

  top = &g_array_index (undo->groups, UndoGroup, 0);
  undo->title = undo_title (table, row_text (g_ptr_array_index (top->rows, 0),
                                             t->title_column != NULL
                                             ? column_index (table, t->title_column) : -1));
  if (table == T_TOUCHES || table == T_ORDERS)
    customer_id = row_int (g_ptr_array_index (top->rows, 0), column_index (table, "customer_id"));

  for (guint d = 0; d < t->n_dependents; d++)
    {
      const Dependent *dep = &t->dependents[d];
      g_autoptr(GArray) dep_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (dep->cascade)
        {
          if (!snapshot_rows (self, undo, dep->table, dep->column, id, dep_ids, error))
            goto fail;
          raise_high_water (self, dep->table, dep_ids);
          for (guint i = 0; i < dep_ids->len; i++)
            record_change (self, dep->table, g_array_index (dep_ids, gint64, i),
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
            record_change (self, dep->table, g_array_index (dep_ids, gint64, i),
                           TP_STORE_CHANGE_UPDATED, NULL);
          relink.ids = g_steal_pointer (&dep_ids);
          g_array_append_val (undo->relinks, relink);
        }
    }

  stmt = tp_database_prepare (self->database, table_sql[table].delete_row, error);
  if (stmt == NULL)
    goto fail;
  tp_statement_bind_int64 (stmt, 1, id);
  if (!run_statement (stmt, error))
    goto fail;

  raise_high_water (self, table, ids);
  record_change (self, table, id, TP_STORE_CHANGE_REMOVED, NULL);
  if (customer_id != 0)
    record_change (self, T_CUSTOMERS, customer_id, TP_STORE_CHANGE_UPDATED, NULL);

  if (!tp_database_commit (self->database, error))
    return NULL;

  return g_steal_pointer (&undo);

fail:
  tp_database_rollback (self->database);
  return NULL;
}

static gboolean
restore_group (TpStore    *self,
               UndoGroup  *group,
               GError    **error)
{
  const Table *t = &tables[group->table];
  int customer_column = -1;

  if (group->table == T_TOUCHES || group->table == T_ORDERS)
    customer_column = column_index (group->table, "customer_id");

  for (guint r = 0; r < group->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (group->rows, r);
      gint64 id = row_int (row, 0);
      gboolean exists = FALSE;
      TpStatement *stmt;

      if (!row_exists (self, group->table, id, &exists, error))
        return FALSE;
      if (exists)
        return set_invalid (error, _("The deleted item cannot be restored: a newer item now "
                                     "uses its number."));

      stmt = tp_database_prepare (self->database, table_sql[group->table].restore_row, error);
      if (stmt == NULL)
        return FALSE;

      for (guint c = 0; c < t->n_columns; c++)
        {
          const Column *column = &t->columns[c];
          GVariant *value = g_ptr_array_index (row, c);

          if (column->kind == TP_SCHEMA_REF && value != NULL)
            {
              gboolean ref_exists = FALSE;

              if (!row_exists (self, ref_table (column), g_variant_get_int64 (value),
                               &ref_exists, error))
                {
                  tp_statement_reset (stmt);
                  return FALSE;
                }

              if (!ref_exists)
                {
                  if (!(column->flags & TP_SCHEMA_NULLABLE))
                    {
                      tp_statement_reset (stmt);
                      return set_invalid (error, _("The deleted item cannot be restored: what it "
                                                   "belonged to was deleted too."));
                    }
                  /* What it merely pointed at is gone: keep the row, without the link. */
                  value = NULL;
                }
            }

          tp_statement_bind_value (stmt, c + 1, value);
        }

      if (!run_statement (stmt, error))
        return FALSE;

      record_change (self, group->table, id, TP_STORE_CHANGE_ADDED, NULL);
      if (customer_column >= 0)
        record_change (self, T_CUSTOMERS, row_int (row, customer_column),
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
                                          tables[relink->table].name,
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
      if (!run_statement (stmt, error))
        return FALSE;

      if (tp_database_changes (self->database) > 0)
        record_change (self, relink->table, id, TP_STORE_CHANGE_UPDATED, NULL);
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
    return set_invalid (error, _("This delete was already undone."));

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

/* TpStore */

static void
tp_store_constructed (GObject *object)
{
  TpStore *self = (TpStore *)object;

  G_OBJECT_CLASS (tp_store_parent_class)->constructed (object);

  g_assert (TP_IS_DATABASE (self->database));

  g_signal_connect_object (self->database, "transaction-ended",
                           G_CALLBACK (transaction_ended_cb), self,
                           G_CONNECT_SWAPPED);

  reload_settings (self);
  refresh_brand_cache (self);
}

static void
clear_map (GHashTable **map)
{
  GHashTableIter iter;
  gpointer value;

  if (*map == NULL)
    return;

  g_hash_table_iter_init (&iter, *map);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, live_object_finalized_cb, *map);
  g_clear_pointer (map, g_hash_table_unref);
}

static void
tp_store_dispose (GObject *object)
{
  TpStore *self = (TpStore *)object;

  for (guint t = 0; t < N_TABLES; t++)
    {
      clear_map (&self->live[t]);
      clear_map (&self->dead[t]);
    }

  if (self->pending != NULL)
    g_array_set_size (self->pending, 0);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (tp_store_parent_class)->dispose (object);
}

static void
tp_store_finalize (GObject *object)
{
  TpStore *self = (TpStore *)object;

  g_clear_pointer (&self->pending, g_array_unref);
  g_free (self->currency);
  g_free (self->business_name);

  G_OBJECT_CLASS (tp_store_parent_class)->finalize (object);
}

static void
tp_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TpStore *self = TP_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_BAND_LOW:
      g_value_set_uint (value, self->band_low);
      break;

    case PROP_BAND_HIGH:
      g_value_set_uint (value, self->band_high);
      break;

    case PROP_FOLLOWUP_DAYS:
      g_value_set_uint (value, self->followup_days);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_BUSINESS_NAME:
      g_value_set_string (value, self->business_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  TpStore *self = TP_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_store_class_init (TpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tp_store_constructed;
  object_class->dispose = tp_store_dispose;
  object_class->finalize = tp_store_finalize;
  object_class->get_property = tp_store_get_property;
  object_class->set_property = tp_store_set_property;

  build_table_sql ();

  /**
   * TpStore:database:
   *
   * The connection the store reads and writes through.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         TP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TpStore:band-low:
   *
   * The fewest touches inside the touch band.
   */
  properties[PROP_BAND_LOW] =
    g_param_spec_uint ("band-low", NULL, NULL,
                       0, 1000, TP_STORE_DEFAULT_BAND_LOW,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TpStore:band-high:
   *
   * The most touches inside the touch band.
   */
  properties[PROP_BAND_HIGH] =
    g_param_spec_uint ("band-high", NULL, NULL,
                       0, 1000, TP_STORE_DEFAULT_BAND_HIGH,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TpStore:followup-days:
   *
   * After how many quiet days a customer needs a follow-up.
   */
  properties[PROP_FOLLOWUP_DAYS] =
    g_param_spec_uint ("followup-days", NULL, NULL,
                       1, 3650, TP_STORE_DEFAULT_FOLLOWUP_DAYS,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TpStore:currency:
   *
   * The ISO 4217 code new orders use.
   */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         TP_STORE_DEFAULT_CURRENCY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TpStore:business-name:
   *
   * The name of the business, as the brand holds it.
   */
  properties[PROP_BUSINESS_NAME] =
    g_param_spec_string ("business-name", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpStore::changed:
   * @self: the store
   * @table: the table, such as "customers", or "settings"
   * @id: the row, or 0 for %TP_STORE_CHANGE_RELOADED and settings
   * @kind: what happened to the row
   *
   * Emitted after a transaction that changed a row commits; the detail is
   * the table, so `changed::customers` hears only about customers. By
   * then the live model object of the row holds its new values.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_INT64,
                  TP_TYPE_STORE_CHANGE);
}

static void
tp_store_init (TpStore *self)
{
  for (guint t = 0; t < N_TABLES; t++)
    {
      self->live[t] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      self->dead[t] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }

  self->pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_array_set_clear_func (self->pending, pending_clear);

  self->currency = g_strdup (TP_STORE_DEFAULT_CURRENCY);
  self->business_name = g_strdup ("");
}

/**
 * tp_store_new:
 * @database: an open database
 *
 * Returns: (transfer full): a store reading and writing through @database
 */
TpStore *
tp_store_new (TpDatabase *database)
{
  g_return_val_if_fail (TP_IS_DATABASE (database), NULL);

  return g_object_new (TP_TYPE_STORE, "database", database, NULL);
}

/**
 * tp_store_open:
 * @path: a file name, or ":memory:"
 * @error: return location for a #GError
 *
 * Opens the database at @path (see tp_database_open()) and a store on it.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL on error
 */
TpStore *
tp_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(TpDatabase) database = tp_database_open (path, error);

  if (database == NULL)
    return NULL;

  return tp_store_new (database);
}

/**
 * tp_store_get_database:
 * @self: a #TpStore
 *
 * Returns: (transfer none): the store's connection
 */
TpDatabase *
tp_store_get_database (TpStore *self)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return self->database;
}

/**
 * tp_store_notify_external_change:
 * @self: a #TpStore
 *
 * Tells the store that another connection (an import on a worker
 * thread, say) changed the database: every live object is reloaded and
 * every table announced as %TP_STORE_CHANGE_RELOADED.
 */
void
tp_store_notify_external_change (TpStore *self)
{
  g_return_if_fail (TP_IS_STORE (self));

  g_object_ref (self);

  reload_settings (self);
  refresh_brand_cache (self);

  for (guint t = 0; t < N_TABLES; t++)
    {
      reload_all_live (self, t);
      emit_change (self, t, 0, TP_STORE_CHANGE_RELOADED);
    }

  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string ("settings"),
                 "settings", (gint64)0, TP_STORE_CHANGE_RELOADED);

  g_object_unref (self);
}

/**
 * tp_store_get_business_name:
 * @self: a #TpStore
 *
 * Returns: the business name, which the brand row holds
 */
const char *
tp_store_get_business_name (TpStore *self)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return self->business_name;
}

/**
 * tp_store_get_audience:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Gets the live object of an audience: the same object every view of the
 * row holds, kept up to date by the store.
 *
 * Returns: (transfer full) (nullable): the audience, or %NULL if there is none
 */
TpAudience *
tp_store_get_audience (TpStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return (TpAudience *)dup_object (self, T_AUDIENCES, id, error);
}

/**
 * tp_store_add_audience:
 * @self: a #TpStore
 * @audience: a new #TpAudience, whose id is 0 (or an id that is free, to keep it)
 * @error: return location for a #GError
 *
 * Checks and stores @audience in one transaction. On success @audience has its
 * id and becomes the live object of the row. A value that breaks a rule
 * is refused with %TP_DATABASE_ERROR_INVALID and a message naming the
 * field.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_add_audience (TpStore     *self,
                       TpAudience  *audience,
                       GError     **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_AUDIENCE (audience), FALSE);

  return store_row (self, T_AUDIENCES, G_OBJECT (audience), TRUE, error);
}

/**
 * tp_store_save_audience:
 * @self: a #TpStore
 * @audience: a stored #TpAudience with changed properties
 * @error: return location for a #GError
 *
 * Checks and writes every column of @audience in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_save_audience (TpStore     *self,
                        TpAudience  *audience,
                        GError     **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_AUDIENCE (audience), FALSE);

  return store_row (self, T_AUDIENCES, G_OBJECT (audience), FALSE, error);
}

/**
 * tp_store_delete_audience:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Deletes an audience in one transaction. Its places go with it, and customers and tactics aimed at it lose the link (the undo puts both back).
 *
 * Returns: (transfer full) (nullable): what tp_store_undo() needs to put it
 *   back, or %NULL on error
 */
TpUndo *
tp_store_delete_audience (TpStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return delete_row (self, T_AUDIENCES, id, error);
}

/**
 * tp_store_get_place:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Gets the live object of a place of an audience: the same object every view of the
 * row holds, kept up to date by the store.
 *
 * Returns: (transfer full) (nullable): the place, or %NULL if there is none
 */
TpPlace *
tp_store_get_place (TpStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return (TpPlace *)dup_object (self, T_PLACES, id, error);
}

/**
 * tp_store_add_place:
 * @self: a #TpStore
 * @place: a new #TpPlace, whose id is 0 (or an id that is free, to keep it)
 * @error: return location for a #GError
 *
 * Checks and stores @place in one transaction. On success @place has its
 * id and becomes the live object of the row. A value that breaks a rule
 * is refused with %TP_DATABASE_ERROR_INVALID and a message naming the
 * field.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_add_place (TpStore  *self,
                    TpPlace  *place,
                    GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_PLACE (place), FALSE);

  return store_row (self, T_PLACES, G_OBJECT (place), TRUE, error);
}

/**
 * tp_store_save_place:
 * @self: a #TpStore
 * @place: a stored #TpPlace with changed properties
 * @error: return location for a #GError
 *
 * Checks and writes every column of @place in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_save_place (TpStore  *self,
                     TpPlace  *place,
                     GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_PLACE (place), FALSE);

  return store_row (self, T_PLACES, G_OBJECT (place), FALSE, error);
}

/**
 * tp_store_delete_place:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Deletes a place of an audience in one transaction.
 *
 * Returns: (transfer full) (nullable): what tp_store_undo() needs to put it
 *   back, or %NULL on error
 */
TpUndo *
tp_store_delete_place (TpStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return delete_row (self, T_PLACES, id, error);
}

/**
 * tp_store_get_brand_word:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Gets the live object of a brand word: the same object every view of the
 * row holds, kept up to date by the store.
 *
 * Returns: (transfer full) (nullable): the word, or %NULL if there is none
 */
TpBrandWord *
tp_store_get_brand_word (TpStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return (TpBrandWord *)dup_object (self, T_BRAND_WORDS, id, error);
}

/**
 * tp_store_add_brand_word:
 * @self: a #TpStore
 * @word: a new #TpBrandWord, whose id is 0 (or an id that is free, to keep it)
 * @error: return location for a #GError
 *
 * Checks and stores @word in one transaction. On success @word has its
 * id and becomes the live object of the row. A value that breaks a rule
 * is refused with %TP_DATABASE_ERROR_INVALID and a message naming the
 * field.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_add_brand_word (TpStore      *self,
                         TpBrandWord  *word,
                         GError      **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_BRAND_WORD (word), FALSE);

  return store_row (self, T_BRAND_WORDS, G_OBJECT (word), TRUE, error);
}

/**
 * tp_store_save_brand_word:
 * @self: a #TpStore
 * @word: a stored #TpBrandWord with changed properties
 * @error: return location for a #GError
 *
 * Checks and writes every column of @word in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_save_brand_word (TpStore      *self,
                          TpBrandWord  *word,
                          GError      **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_BRAND_WORD (word), FALSE);

  return store_row (self, T_BRAND_WORDS, G_OBJECT (word), FALSE, error);
}

/**
 * tp_store_delete_brand_word:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Deletes a brand word in one transaction.
 *
 * Returns: (transfer full) (nullable): what tp_store_undo() needs to put it
 *   back, or %NULL on error
 */
TpUndo *
tp_store_delete_brand_word (TpStore  *self,
                            gint64    id,
                            GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return delete_row (self, T_BRAND_WORDS, id, error);
}

/**
 * tp_store_get_competitor:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Gets the live object of a competitor: the same object every view of the
 * row holds, kept up to date by the store.
 *
 * Returns: (transfer full) (nullable): the competitor, or %NULL if there is none
 */
TpCompetitor *
tp_store_get_competitor (TpStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return (TpCompetitor *)dup_object (self, T_COMPETITORS, id, error);
}

/**
 * tp_store_add_competitor:
 * @self: a #TpStore
 * @competitor: a new #TpCompetitor, whose id is 0 (or an id that is free, to keep it)
 * @error: return location for a #GError
 *
 * Checks and stores @competitor in one transaction. On success @competitor has its
 * id and becomes the live object of the row. A value that breaks a rule
 * is refused with %TP_DATABASE_ERROR_INVALID and a message naming the
 * field.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_add_competitor (TpStore       *self,
                         TpCompetitor  *competitor,
                         GError       **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_COMPETITOR (competitor), FALSE);

  return store_row (self, T_COMPETITORS, G_OBJECT (competitor), TRUE, error);
}

/**
 * tp_store_save_competitor:
 * @self: a #TpStore
 * @competitor: a stored #TpCompetitor with changed properties
 * @error: return location for a #GError
 *
 * Checks and writes every column of @competitor in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_save_competitor (TpStore       *self,
                          TpCompetitor  *competitor,
                          GError       **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_COMPETITOR (competitor), FALSE);

  return store_row (self, T_COMPETITORS, G_OBJECT (competitor), FALSE, error);
}

/**
 * tp_store_delete_competitor:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Deletes a competitor in one transaction.
 *
 * Returns: (transfer full) (nullable): what tp_store_undo() needs to put it
 *   back, or %NULL on error
 */
TpUndo *
tp_store_delete_competitor (TpStore  *self,
                            gint64    id,
                            GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return delete_row (self, T_COMPETITORS, id, error);
}

/**
 * tp_store_get_tactic:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Gets the live object of a tactic: the same object every view of the
 * row holds, kept up to date by the store.
 *
 * Returns: (transfer full) (nullable): the tactic, or %NULL if there is none
 */
TpTactic *
tp_store_get_tactic (TpStore  *self,
                     gint64    id,
                     GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return (TpTactic *)dup_object (self, T_TACTICS, id, error);
}

/**
 * tp_store_add_tactic:
 * @self: a #TpStore
 * @tactic: a new #TpTactic, whose id is 0 (or an id that is free, to keep it)
 * @error: return location for a #GError
 *
 * Checks and stores @tactic in one transaction. On success @tactic has its
 * id and becomes the live object of the row. A value that breaks a rule
 * is refused with %TP_DATABASE_ERROR_INVALID and a message naming the
 * field.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_add_tactic (TpStore   *self,
                     TpTactic  *tactic,
                     GError   **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_TACTIC (tactic), FALSE);

  return store_row (self, T_TACTICS, G_OBJECT (tactic), TRUE, error);
}

/**
 * tp_store_save_tactic:
 * @self: a #TpStore
 * @tactic: a stored #TpTactic with changed properties
 * @error: return location for a #GError
 *
 * Checks and writes every column of @tactic in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_save_tactic (TpStore   *self,
                      TpTactic  *tactic,
                      GError   **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_TACTIC (tactic), FALSE);

  return store_row (self, T_TACTICS, G_OBJECT (tactic), FALSE, error);
}

/**
 * tp_store_delete_tactic:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Deletes a tactic in one transaction. Its log goes with it, and touches made through it lose the link (the undo puts both back).
 *
 * Returns: (transfer full) (nullable): what tp_store_undo() needs to put it
 *   back, or %NULL on error
 */
TpUndo *
tp_store_delete_tactic (TpStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return delete_row (self, T_TACTICS, id, error);
}

/**
 * tp_store_get_tactic_log_entry:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Gets the live object of an entry of a tactic's log: the same object every view of the
 * row holds, kept up to date by the store.
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL if there is none
 */
TpTacticLogEntry *
tp_store_get_tactic_log_entry (TpStore  *self,
                               gint64    id,
                               GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return (TpTacticLogEntry *)dup_object (self, T_TACTIC_LOG, id, error);
}

/**
 * tp_store_add_tactic_log_entry:
 * @self: a #TpStore
 * @entry: a new #TpTacticLogEntry, whose id is 0 (or an id that is free, to keep it)
 * @error: return location for a #GError
 *
 * Checks and stores @entry in one transaction. On success @entry has its
 * id and becomes the live object of the row. A value that breaks a rule
 * is refused with %TP_DATABASE_ERROR_INVALID and a message naming the
 * field.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_add_tactic_log_entry (TpStore           *self,
                               TpTacticLogEntry  *entry,
                               GError           **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_TACTIC_LOG_ENTRY (entry), FALSE);

  return store_row (self, T_TACTIC_LOG, G_OBJECT (entry), TRUE, error);
}

/**
 * tp_store_save_tactic_log_entry:
 * @self: a #TpStore
 * @entry: a stored #TpTacticLogEntry with changed properties
 * @error: return location for a #GError
 *
 * Checks and writes every column of @entry in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_save_tactic_log_entry (TpStore           *self,
                                TpTacticLogEntry  *entry,
                                GError           **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_TACTIC_LOG_ENTRY (entry), FALSE);

  return store_row (self, T_TACTIC_LOG, G_OBJECT (entry), FALSE, error);
}

/**
 * tp_store_delete_tactic_log_entry:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Deletes an entry of a tactic's log in one transaction.
 *
 * Returns: (transfer full) (nullable): what tp_store_undo() needs to put it
 *   back, or %NULL on error
 */
TpUndo *
tp_store_delete_tactic_log_entry (TpStore  *self,
                                  gint64    id,
                                  GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return delete_row (self, T_TACTIC_LOG, id, error);
}

/**
 * tp_store_get_customer:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Gets the live object of a customer: the same object every view of the
 * row holds, kept up to date by the store.
 *
 * Returns: (transfer full) (nullable): the customer, or %NULL if there is none
 */
TpCustomer *
tp_store_get_customer (TpStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return (TpCustomer *)dup_object (self, T_CUSTOMERS, id, error);
}

/**
 * tp_store_add_customer:
 * @self: a #TpStore
 * @customer: a new #TpCustomer, whose id is 0 (or an id that is free, to keep it)
 * @error: return location for a #GError
 *
 * Checks and stores @customer in one transaction. On success @customer has its
 * id and becomes the live object of the row. A value that breaks a rule
 * is refused with %TP_DATABASE_ERROR_INVALID and a message naming the
 * field.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_add_customer (TpStore     *self,
                       TpCustomer  *customer,
                       GError     **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_CUSTOMER (customer), FALSE);

  return store_row (self, T_CUSTOMERS, G_OBJECT (customer), TRUE, error);
}

/**
 * tp_store_save_customer:
 * @self: a #TpStore
 * @customer: a stored #TpCustomer with changed properties
 * @error: return location for a #GError
 *
 * Checks and writes every column of @customer in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_save_customer (TpStore     *self,
                        TpCustomer  *customer,
                        GError     **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_CUSTOMER (customer), FALSE);

  return store_row (self, T_CUSTOMERS, G_OBJECT (customer), FALSE, error);
}

/**
 * tp_store_delete_customer:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Deletes a customer in one transaction. Their touches and orders go with them (the undo puts them back).
 *
 * Returns: (transfer full) (nullable): what tp_store_undo() needs to put it
 *   back, or %NULL on error
 */
TpUndo *
tp_store_delete_customer (TpStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return delete_row (self, T_CUSTOMERS, id, error);
}

/**
 * tp_store_get_touch:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Gets the live object of a touch: the same object every view of the
 * row holds, kept up to date by the store.
 *
 * Returns: (transfer full) (nullable): the touch, or %NULL if there is none
 */
TpTouch *
tp_store_get_touch (TpStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return (TpTouch *)dup_object (self, T_TOUCHES, id, error);
}

/**
 * tp_store_add_touch:
 * @self: a #TpStore
 * @touch: a new #TpTouch, whose id is 0 (or an id that is free, to keep it)
 * @error: return location for a #GError
 *
 * Checks and stores @touch in one transaction. On success @touch has its
 * id and becomes the live object of the row. A value that breaks a rule
 * is refused with %TP_DATABASE_ERROR_INVALID and a message naming the
 * field.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_add_touch (TpStore  *self,
                    TpTouch  *touch,
                    GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_TOUCH (touch), FALSE);

  return store_row (self, T_TOUCHES, G_OBJECT (touch), TRUE, error);
}

/**
 * tp_store_save_touch:
 * @self: a #TpStore
 * @touch: a stored #TpTouch with changed properties
 * @error: return location for a #GError
 *
 * Checks and writes every column of @touch in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_save_touch (TpStore  *self,
                     TpTouch  *touch,
                     GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_TOUCH (touch), FALSE);

  return store_row (self, T_TOUCHES, G_OBJECT (touch), FALSE, error);
}

/**
 * tp_store_delete_touch:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Deletes a touch in one transaction.
 *
 * Returns: (transfer full) (nullable): what tp_store_undo() needs to put it
 *   back, or %NULL on error
 */
TpUndo *
tp_store_delete_touch (TpStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return delete_row (self, T_TOUCHES, id, error);
}

/**
 * tp_store_get_order:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Gets the live object of an order: the same object every view of the
 * row holds, kept up to date by the store.
 *
 * Returns: (transfer full) (nullable): the order, or %NULL if there is none
 */
TpOrder *
tp_store_get_order (TpStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return (TpOrder *)dup_object (self, T_ORDERS, id, error);
}

/**
 * tp_store_add_order:
 * @self: a #TpStore
 * @order: a new #TpOrder, whose id is 0 (or an id that is free, to keep it)
 * @error: return location for a #GError
 *
 * Checks and stores @order in one transaction. On success @order has its
 * id and becomes the live object of the row. A value that breaks a rule
 * is refused with %TP_DATABASE_ERROR_INVALID and a message naming the
 * field.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_add_order (TpStore  *self,
                    TpOrder  *order,
                    GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_ORDER (order), FALSE);

  return store_row (self, T_ORDERS, G_OBJECT (order), TRUE, error);
}

/**
 * tp_store_save_order:
 * @self: a #TpStore
 * @order: a stored #TpOrder with changed properties
 * @error: return location for a #GError
 *
 * Checks and writes every column of @order in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_save_order (TpStore  *self,
                     TpOrder  *order,
                     GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_ORDER (order), FALSE);

  return store_row (self, T_ORDERS, G_OBJECT (order), FALSE, error);
}

/**
 * tp_store_delete_order:
 * @self: a #TpStore
 * @id: the row id
 * @error: return location for a #GError
 *
 * Deletes an order in one transaction.
 *
 * Returns: (transfer full) (nullable): what tp_store_undo() needs to put it
 *   back, or %NULL on error
 */
TpUndo *
tp_store_delete_order (TpStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return delete_row (self, T_ORDERS, id, error);
}

/**
 * tp_store_get_brand:
 * @self: a #TpStore
 * @error: return location for a #GError
 *
 * Gets the live brand object. A database whose brand was never saved
 * gives an empty brand, which tp_store_save_brand() stores.
 *
 * Returns: (transfer full) (nullable): the brand, or %NULL on error
 */
TpBrand *
tp_store_get_brand (TpStore  *self,
                    GError  **error)
{
  g_autoptr(TpBrand) brand = NULL;
  GObject *live;
  gboolean found;

  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  live = live_lookup (self, T_BRAND, 1);
  if (live != NULL)
    return g_object_ref (TP_BRAND (live));

  brand = tp_brand_new ();
  if (!load_row (self, T_BRAND, 1, G_OBJECT (brand), &found, error))
    return NULL;

  tp_brand_set_id (brand, 1);
  live_insert (self, T_BRAND, 1, G_OBJECT (brand));

  return g_steal_pointer (&brand);
}

/**
 * tp_store_save_brand:
 * @self: a #TpStore
 * @brand: the brand
 * @error: return location for a #GError
 *
 * Checks and writes the brand in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_save_brand (TpStore  *self,
                     TpBrand  *brand,
                     GError  **error)
{
  gboolean exists = FALSE;

  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (TP_IS_BRAND (brand), FALSE);

  tp_brand_set_id (brand, 1);

  if (!tp_database_begin (self->database, error))
    return FALSE;

  if (!row_exists (self, T_BRAND, 1, &exists, error) ||
      !write_row (self, T_BRAND, G_OBJECT (brand), !exists, error))
    {
      tp_database_rollback (self->database);
      return FALSE;
    }

  return tp_database_commit (self->database, error);
}

/**
 * tp_store_set_business_name:
 * @self: a #TpStore
 * @name: the name of the business
 * @error: return location for a #GError
 *
 * Sets the business name, which the brand row holds.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_set_business_name (TpStore     *self,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(TpBrand) brand = NULL;
  g_autofree char *old = NULL;

  g_return_val_if_fail (TP_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  brand = tp_store_get_brand (self, error);
  if (brand == NULL)
    return FALSE;

  old = g_strdup (tp_brand_get_business_name (brand));
  tp_brand_set_business_name (brand, name);

  if (!tp_store_save_brand (self, brand, error))
    {
      tp_brand_set_business_name (brand, old);
      return FALSE;
    }

  return TRUE;
}

/**
 * tp_store_set_customer_stage:
 * @self: a #TpStore
 * @id: the customer
 * @stage: the new stage
 * @error: return location for a #GError
 *
 * Moves a customer to @stage in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
tp_store_set_customer_stage (TpStore  *self,
                             gint64    id,
                             TpStage   stage,
                             GError  **error)
{
  g_autofree char *now = tp_store_now ();
  const char *nick;
  TpStatement *stmt;

  g_return_val_if_fail (TP_IS_STORE (self), FALSE);

  nick = tp_enum_to_nick (TP_TYPE_STAGE, stage);
  if (nick == NULL)
    return set_invalid (error, _("“%s” has an unknown value."), _("Stage"));

  if (!tp_database_begin (self->database, error))
    return FALSE;

  stmt = tp_database_prepare (self->database,
                              "UPDATE customers SET stage = ?2, updated_at = ?3 "
                              "WHERE id = ?1 AND stage != ?2",
                              error);
  if (stmt == NULL)
    goto fail;

  tp_statement_bind_int64 (stmt, 1, id);
  tp_statement_bind_text (stmt, 2, nick);
  tp_statement_bind_text (stmt, 3, now);
  if (!run_statement (stmt, error))
    goto fail;

  if (tp_database_changes (self->database) > 0)
    {
      record_change (self, T_CUSTOMERS, id, TP_STORE_CHANGE_UPDATED, NULL);
    }
  else
    {
      gboolean exists = FALSE;

      if (!row_exists (self, T_CUSTOMERS, id, &exists, error))
        goto fail;
      if (!exists)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          set_invalid (error,
                       /* Translators: %s is the number of a row */
                       _("Item %s no longer exists: it may have been deleted."),
                       id_text);
          goto fail;
        }
    }

  return tp_database_commit (self->database, error);

fail:
  tp_database_rollback (self->database);
  return FALSE;
}

/**
 * tp_store_log_touch:
 * @self: a #TpStore
 * @customer_id: the customer touched
 * @channel: the channel
 * @happened_at: (nullable): when, as tp_schema_parse_time() reads it;
 *   %NULL for now
 * @note: (nullable): a note
 * @error: return location for a #GError
 *
 * Logs a done, outbound touch: the most frequent action, in one call.
 *
 * Returns: (transfer full) (nullable): the new touch, or %NULL on error
 */
TpTouch *
tp_store_log_touch (TpStore     *self,
                    gint64       customer_id,
                    TpChannel    channel,
                    const char  *happened_at,
                    const char  *note,
                    GError     **error)
{
  g_autoptr(TpTouch) touch = NULL;

  g_return_val_if_fail (TP_IS_STORE (self), NULL);
  g_return_val_if_fail (customer_id >= 0, NULL);

  if (tp_enum_to_nick (TP_TYPE_CHANNEL, channel) == NULL)
    {
      set_invalid (error, _("“%s” has an unknown value."), _("Channel"));
      return NULL;
    }

  touch = tp_touch_new ();
  tp_touch_set_customer_id (touch, customer_id);
  tp_touch_set_channel (touch, channel);
  tp_touch_set_happened_at (touch, happened_at);
  tp_touch_set_note (touch, note);

  if (!tp_store_add_touch (self, touch, error))
    return NULL;

  return g_steal_pointer (&touch);
}

/**
 * tp_store_count_active_tactics:
 * @self: a #TpStore
 *
 * Returns: how many tactics are active (the focus banner warns above 4)
 */
guint
tp_store_count_active_tactics (TpStore *self)
{
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  g_return_val_if_fail (TP_IS_STORE (self), 0);

  if (!query_int64 (self, "SELECT count(*) FROM tactics WHERE active = ?1", 1, &n, &error))
    g_debug ("Could not count the active tactics: %s", error->message);

  return n;
}

/* Lists */

/**
 * tp_store_list_audiences:
 * @self: a #TpStore
 *
 * Returns: (transfer full): a list of #TpAudience, by position
 */
GListModel *
tp_store_list_audiences (TpStore *self)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return G_LIST_MODEL (_tp_store_list_new (self, "audiences",
                                           "SELECT id FROM audiences ORDER BY position, id", 0));
}

/**
 * tp_store_list_places:
 * @self: a #TpStore
 * @audience_id: an audience
 *
 * Returns: (transfer full): a list of the #TpPlace of the audience, by position
 */
GListModel *
tp_store_list_places (TpStore *self,
                      gint64   audience_id)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return G_LIST_MODEL (_tp_store_list_new (self, "audience_places",
                                           "SELECT id FROM audience_places WHERE audience_id = ?1 "
                                           "ORDER BY position, id",
                                           audience_id));
}

/**
 * tp_store_list_reachable_customers:
 * @self: a #TpStore
 * @audience_id: an audience, or 0 for every customer
 * @limit: at most this many
 *
 * The customers a tactic aimed at @audience_id may have reached, the ones
 * touched last first (then the newest): those a "done" can log a touch
 * with.
 *
 * Returns: (transfer full): a list of #TpCustomer
 */
GListModel *
tp_store_list_reachable_customers (TpStore *self,
                                   gint64   audience_id,
                                   guint    limit)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  /* @limit is a number, not text: nothing typed reaches the SQL */
  if (audience_id > 0)
    sql = g_strdup_printf ("SELECT id FROM customers WHERE audience_id = ?1"
                           " ORDER BY last_touch_at DESC NULLS LAST, id DESC LIMIT %u", limit);
  else
    sql = g_strdup_printf ("SELECT id FROM customers WHERE ?1 = 0"
                           " ORDER BY last_touch_at DESC NULLS LAST, id DESC LIMIT %u", limit);

  return G_LIST_MODEL (_tp_store_list_new (self, "customers", sql, MAX (audience_id, 0)));
}

/**
 * tp_store_list_brand_words:
 * @self: a #TpStore
 *
 * Returns: (transfer full): a list of #TpBrandWord, by position
 */
GListModel *
tp_store_list_brand_words (TpStore *self)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return G_LIST_MODEL (_tp_store_list_new (self, "brand_words",
                                           "SELECT id FROM brand_words ORDER BY position, id", 0));
}

/**
 * tp_store_list_competitors:
 * @self: a #TpStore
 *
 * Returns: (transfer full): a list of #TpCompetitor, by position
 */
GListModel *
tp_store_list_competitors (TpStore *self)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return G_LIST_MODEL (_tp_store_list_new (self, "competitors",
                                           "SELECT id FROM competitors ORDER BY position, id", 0));
}

/**
 * tp_store_list_tactics:
 * @self: a #TpStore
 *
 * Returns: (transfer full): a list of #TpTactic, by position
 */
GListModel *
tp_store_list_tactics (TpStore *self)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return G_LIST_MODEL (_tp_store_list_new (self, "tactics",
                                           "SELECT id FROM tactics ORDER BY position, id", 0));
}

/**
 * tp_store_list_tactic_log:
 * @self: a #TpStore
 * @tactic_id: a tactic
 *
 * Returns: (transfer full): a list of the #TpTacticLogEntry of the
 *   tactic, newest first
 */
GListModel *
tp_store_list_tactic_log (TpStore *self,
                          gint64   tactic_id)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return G_LIST_MODEL (_tp_store_list_new (self, "tactic_log",
                                           "SELECT id FROM tactic_log WHERE tactic_id = ?1 "
                                           "ORDER BY done_at DESC, id DESC",
                                           tactic_id));
}

/**
 * tp_store_list_touches:
 * @self: a #TpStore
 * @customer_id: a customer
 *
 * Returns: (transfer full): a list of the #TpTouch of the customer,
 *   planned and done, newest first
 */
GListModel *
tp_store_list_touches (TpStore *self,
                       gint64   customer_id)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return G_LIST_MODEL (_tp_store_list_new (self, "touches",
                                           "SELECT id FROM touches WHERE customer_id = ?1 "
                                           "ORDER BY happened_at DESC, id DESC",
                                           customer_id));
}

/**
 * tp_store_list_latest_touches:
 * @self: a #TpStore
 * @limit: how many touches at most
 *
 * Returns: (transfer full): a list of the latest done #TpTouch across
 *   all customers, newest first
 */
GListModel *
tp_store_list_latest_touches (TpStore *self,
                              guint    limit)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  return G_LIST_MODEL (_tp_store_list_new (self, "touches",
                                           "SELECT id FROM touches WHERE done = 1 "
                                           "ORDER BY happened_at DESC, id DESC LIMIT ?1",
                                           limit));
}

/**
 * tp_store_list_orders:
 * @self: a #TpStore
 * @customer_id: a customer, or 0 for every order
 *
 * Returns: (transfer full): a list of #TpOrder, newest first
 */
GListModel *
tp_store_list_orders (TpStore *self,
                      gint64   customer_id)
{
  g_return_val_if_fail (TP_IS_STORE (self), NULL);

  if (customer_id == 0)
    return G_LIST_MODEL (_tp_store_list_new (self, "orders",
                                             "SELECT id FROM orders "
                                             "ORDER BY ordered_at DESC, id DESC", 0));

  return G_LIST_MODEL (_tp_store_list_new (self, "orders",
                                           "SELECT id FROM orders WHERE customer_id = ?1 "
                                           "ORDER BY ordered_at DESC, id DESC",
                                           customer_id));
}
