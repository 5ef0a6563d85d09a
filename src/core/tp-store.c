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
 *
 * The store's files, sharing tp-store-private.h:
 *   tp-store.c             the object (this file): its properties (the
 *                          settings), ::changed and the queue of changes
 *                          emitted after the commit
 *   tp-store-rows.c        the tables and their SQL; a row read into its
 *                          object, an object checked and written as its row
 *   tp-store-live.c        the live objects of the rows
 *   tp-store-undo.c        TpUndo: a delete, and putting it back
 *   tp-store-marketing.c   audiences, places, the brand, brand words,
 *                          competitors, tactics and their log
 *   tp-store-customers.c   customers
 *   tp-store-activity.c    touches and orders
 *   tp-store-feed.c        a team database's change feed: this store's
 *                          changes announced to the other desktops, and
 *                          theirs emitted here as if they were local
 *   tp-store-open.c        a store opened on a worker
 */

#define MAX_ROW_CHANGES TP_STORE_MAX_ROW_CHANGES

typedef TpStorePending Pending;

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

/* The currency setting follows the rule of the orders' currency */
static gboolean
check_currency (const char  *currency,
                GError     **error)
{
  const TpSchemaColumn *column = tp_schema_table_find_column (tp_schema_find_table ("orders"),
                                                              "currency");

  return currency != NULL && tp_schema_column_check_text (column, currency, error);
}

/* Change queue */

static void
pending_clear (gpointer data)
{
  Pending *pending = data;

  g_clear_object (&pending->object);
}

void
_tp_store_record_change (TpStore        *self,
                         TpStoreTableId  table,
                         gint64          id,
                         TpStoreChange   kind,
                         GObject        *object)
{
  Pending pending = { table, id, kind, tp_database_get_depth (self->database), NULL };

  g_assert (pending.depth > 0);

  if (object != NULL)
    pending.object = g_object_ref (object);

  g_array_append_val (self->pending, pending);
}

static void
emit_change (TpStore        *self,
             TpStoreTableId  table,
             gint64          id,
             TpStoreChange   kind)
{
  g_signal_emit (self, signals[CHANGED],
                 g_quark_from_static_string (_tp_store_tables[table].name),
                 _tp_store_tables[table].name, id, kind);
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
  guint counts[TP_STORE_N_TABLES] = { 0, };
  gboolean reloaded[TP_STORE_N_TABLES] = { FALSE, };
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

      if ((int)p->table == TP_STORE_N_TABLES)
        settings_changed = TRUE;
      else
        counts[p->table]++;
    }

  g_object_ref (self);

  if (settings_changed)
    _tp_store_apply_settings (self);

  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);
      g_autofree char *key = NULL;

      if ((int)p->table == TP_STORE_N_TABLES)
        continue;

      if (counts[p->table] > MAX_ROW_CHANGES)
        {
          if (!reloaded[p->table])
            {
              reloaded[p->table] = TRUE;
              _tp_store_apply_reload (self, p->table);
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

      _tp_store_apply_change (self, p->table, p->id, p->kind);
    }

  g_object_unref (self);
}

/* One row changed (here or on another desktop, committed): its live
 * object reads it again, or is put aside, and ::changed says so. */
void
_tp_store_apply_change (TpStore        *self,
                        TpStoreTableId  table,
                        gint64          id,
                        TpStoreChange   kind)
{
  if (table == TP_STORE_TABLE_BRAND)
    refresh_brand_cache (self);

  if (kind == TP_STORE_CHANGE_REMOVED)
    _tp_store_bury (self, table, id);
  else if (kind == TP_STORE_CHANGE_ADDED)
    _tp_store_resurrect (self, table, id);

  if (kind != TP_STORE_CHANGE_REMOVED)
    _tp_store_reload_live (self, table, id);

  emit_change (self, table, id, kind);
}

/* Many rows of @table changed: every view reads it again. */
void
_tp_store_apply_reload (TpStore        *self,
                        TpStoreTableId  table)
{
  if (table == TP_STORE_TABLE_BRAND)
    refresh_brand_cache (self);

  _tp_store_reload_all_live (self, table);
  emit_change (self, table, 0, TP_STORE_CHANGE_RELOADED);
}

void
_tp_store_apply_settings (TpStore *self)
{
  reload_settings (self);
  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string ("settings"),
                 "settings", (gint64)0, TP_STORE_CHANGE_UPDATED);
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

      if ((int)p->table != TP_STORE_N_TABLES && p->object != NULL)
        {
          gboolean found = FALSE;

          if (p->kind == TP_STORE_CHANGE_ADDED)
            {
              if (_tp_store_live_lookup (self, p->table, p->id) == p->object)
                _tp_store_live_remove (self, p->table, p->id);
              g_object_set (p->object, "id", (gint64)0, NULL);
            }
          else if (!_tp_store_load_row (self, p->table, p->id, p->object, &found, NULL))
            {
              g_debug ("Could not reload %s %" G_GINT64_FORMAT " after a rollback",
                       _tp_store_tables[p->table].name, p->id);
            }
        }

      if ((int)p->table != TP_STORE_N_TABLES && p->kind == TP_STORE_CHANGE_UPDATED)
        _tp_store_reload_live (self, p->table, p->id);

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

  _tp_store_record_change (self, TP_STORE_N_TABLES, 0, TP_STORE_CHANGE_UPDATED, NULL);

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
    return _tp_store_set_invalid (error,
                                  _("“Touch band” must run from at least 1 touch up to at "
                                    "most 1000, and its top must not be below its bottom."));

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
    return _tp_store_set_invalid (error,
                                  _("“Follow-up interval” must be between 1 and 3650 days."));

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
        _tp_store_set_invalid (error,
                               _("“Currency” must be a three-letter currency code in "
                                 "capitals, such as EUR."));
      return FALSE;
    }

  return write_setting (self, TP_SETTING_CURRENCY, currency, error);
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

  /* Last: from here on, a store made on a worker (the window's) is the
   * main thread's */
  self->feed = _tp_store_feed_new (self);
}

static void
tp_store_dispose (GObject *object)
{
  TpStore *self = (TpStore *)object;

  g_clear_pointer (&self->feed, _tp_store_feed_free);

  for (guint t = 0; t < TP_STORE_N_TABLES; t++)
    {
      _tp_store_live_clear (&self->live[t]);
      _tp_store_live_clear (&self->dead[t]);
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
  g_free (self->person);

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

  _tp_store_tables_init ();

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
  for (guint t = 0; t < TP_STORE_N_TABLES; t++)
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

  for (guint t = 0; t < TP_STORE_N_TABLES; t++)
    {
      _tp_store_reload_all_live (self, t);
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
