/* tp-store-private.h
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

/*
 * What the files of TpStore (tp-store*.c, map in tp-store.c) share among
 * themselves: the tables as the store sees them, the struct, and the
 * functions each file offers the others; and what the list models
 * (tp-store-list.c, tp-customer-list.c) take from the store.
 */

#pragma once

#include "tp-schema.h"
#include "tp-store.h"
#include "tp-store-list.h"

G_BEGIN_DECLS

/* The tables the store reads and writes (tp-store-rows.c) */

typedef enum
{
  TP_STORE_TABLE_AUDIENCES,
  TP_STORE_TABLE_PLACES,
  TP_STORE_TABLE_BRAND,
  TP_STORE_TABLE_BRAND_WORDS,
  TP_STORE_TABLE_COMPETITORS,
  TP_STORE_TABLE_TACTICS,
  TP_STORE_TABLE_TACTIC_LOG,
  TP_STORE_TABLE_CUSTOMERS,
  TP_STORE_TABLE_TOUCHES,
  TP_STORE_TABLE_ORDERS,
  TP_STORE_N_TABLES
} TpStoreTableId;

#define TP_STORE_MAX_DEPENDENTS 4

typedef struct
{
  TpStoreTableId  table;
  const char     *column;
  gboolean        cascade;  /* ON DELETE CASCADE; otherwise SET NULL */
} TpStoreDependent;

/* The columns, their types and rules come from tp-schema.c; the store
 * adds which model object holds a row and what a delete takes with it
 * (read from the references of the other tables). */
typedef struct
{
  const char            *name;
  GType                (*get_type) (void);
  const char            *title_column;
  /* Filled in from the schema by _tp_store_tables_init() */
  const TpSchemaColumn  *columns;
  guint                  n_columns;
  TpStoreDependent       dependents[TP_STORE_MAX_DEPENDENTS];
  guint                  n_dependents;
} TpStoreTable;

/* The SQL of each table, built once from its columns. */
typedef struct
{
  char *select_row;     /* every column, WHERE id = ?1 */
  char *select_by;      /* every column, WHERE <column> = ?1, per dependent */
  char *insert_row;     /* the writable columns, ?1 is the id (NULL for a new one) */
  char *restore_row;    /* every column, for undo */
  char *update_row;     /* the writable columns but created_at, WHERE id = ?1 and the
                         * version is the last parameter; the version goes one up */
  char *exists;
  char *delete_row;
  char *max_id;
} TpStoreTableSql;

extern TpStoreTable    _tp_store_tables[TP_STORE_N_TABLES];
extern TpStoreTableSql _tp_store_table_sql[TP_STORE_N_TABLES];

/* tp-store.c */

/* A change queued until the commit; table TP_STORE_N_TABLES is the
 * settings */
typedef struct
{
  TpStoreTableId  table;
  gint64          id;
  TpStoreChange   kind;
  guint           depth;
  GObject        *object;  /* the object given to an add or save */
} TpStorePending;

typedef struct _TpStoreFeed TpStoreFeed;

struct _TpStore
{
  GObject      parent_instance;

  TpDatabase  *database;
  GHashTable  *live[TP_STORE_N_TABLES];   /* id → weak model object */
  GHashTable  *dead[TP_STORE_N_TABLES];   /* id → weak object of a deleted row, for its undo */
  gint64       high_water[TP_STORE_N_TABLES];
  GArray      *pending;                   /* TpStorePending */
  TpStoreFeed *feed;                      /* a team database's change feed, or NULL */
  gboolean     applying_feed;             /* emitting another desktop's changes */

  guint        band_low;
  guint        band_high;
  guint        followup_days;
  char        *currency;
  char        *business_name;
  char        *person;                    /* set in Preferences, or NULL */
};

void            _tp_store_record_change   (TpStore               *self,
                                           TpStoreTableId         table,
                                           gint64                 id,
                                           TpStoreChange          kind,
                                           GObject               *object);

void            _tp_store_apply_change    (TpStore               *self,
                                           TpStoreTableId         table,
                                           gint64                 id,
                                           TpStoreChange          kind);
void            _tp_store_apply_reload    (TpStore               *self,
                                           TpStoreTableId         table);
void            _tp_store_apply_settings  (TpStore               *self);

/* tp-store-feed.c */

/* Above this many changes to one table in one transaction, lists are
 * told to re-read the table instead of being told row by row. */
#define TP_STORE_MAX_ROW_CHANGES 64

TpStoreFeed    *_tp_store_feed_new        (TpStore               *self);
gboolean        _tp_store_applying_feed   (TpStore               *self);
void            _tp_store_feed_free       (TpStoreFeed           *feed);

/* tp-store-people.c */

void            _tp_store_fill_person     (TpStore               *self,
                                           TpStoreTableId         table,
                                           GObject               *object);

/* tp-store-rows.c */

void            _tp_store_tables_init     (void);
int             _tp_store_table_from_name (const char            *name);
TpStoreTableId  _tp_store_ref_table       (const TpSchemaColumn  *column);
gboolean        _tp_store_set_invalid     (GError               **error,
                                           const char            *format,
                                           ...) G_GNUC_PRINTF (2, 3);
gboolean        _tp_store_set_gone        (gint64                 id,
                                           GError               **error);
gboolean        _tp_store_set_conflict    (TpStore               *self,
                                           TpStoreTableId         table,
                                           GObject               *object,
                                           GError               **error);
void            _tp_store_variant_unref0  (gpointer               data);
gboolean        _tp_store_load_row        (TpStore               *self,
                                           TpStoreTableId         table,
                                           gint64                 id,
                                           GObject               *object,
                                           gboolean              *found,
                                           GError               **error);
gboolean        _tp_store_row_exists      (TpStore               *self,
                                           TpStoreTableId         table,
                                           gint64                 id,
                                           gboolean              *exists,
                                           GError               **error);
gboolean        _tp_store_query_int64     (TpStore               *self,
                                           const char            *sql,
                                           gint64                 arg,
                                           gint64                *value,
                                           GError               **error);
gboolean        _tp_store_run_statement   (TpStatement           *stmt,
                                           GError               **error);
gboolean        _tp_store_write_row       (TpStore               *self,
                                           TpStoreTableId         table,
                                           GObject               *object,
                                           gboolean               insert,
                                           GError               **error);
gboolean        _tp_store_save_row        (TpStore               *self,
                                           TpStoreTableId         table,
                                           GObject               *object,
                                           gboolean               insert,
                                           GError               **error);

/* tp-store-live.c */

GObject        *_tp_store_live_lookup     (TpStore               *self,
                                           TpStoreTableId         table,
                                           gint64                 id);
void            _tp_store_live_insert     (TpStore               *self,
                                           TpStoreTableId         table,
                                           gint64                 id,
                                           GObject               *object);
void            _tp_store_live_remove     (TpStore               *self,
                                           TpStoreTableId         table,
                                           gint64                 id);
void            _tp_store_live_clear      (GHashTable           **map);
GObject        *_tp_store_dup_live        (TpStore               *self,
                                           TpStoreTableId         table,
                                           gint64                 id,
                                           GError               **error);
void            _tp_store_bury            (TpStore               *self,
                                           TpStoreTableId         table,
                                           gint64                 id);
void            _tp_store_resurrect       (TpStore               *self,
                                           TpStoreTableId         table,
                                           gint64                 id);
void            _tp_store_reload_live     (TpStore               *self,
                                           TpStoreTableId         table,
                                           gint64                 id);
void            _tp_store_reload_all_live (TpStore               *self,
                                           TpStoreTableId         table);
GObject        *_tp_store_dup_object      (TpStore               *self,
                                           const char            *table,
                                           gint64                 id,
                                           GError               **error);
GObject        *_tp_store_placeholder     (const char            *table,
                                           gint64                 id);

/* tp-store-undo.c */

TpUndo         *_tp_store_delete_row      (TpStore               *self,
                                           TpStoreTableId         table,
                                           gint64                 id,
                                           GError               **error);

/* tp-store-list.c */

TpStoreList    *_tp_store_list_new        (TpStore               *store,
                                           const char            *table,
                                           const char            *ids_sql,
                                           gint64                 parent_id);

G_END_DECLS
