/* tp-store.h
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

#pragma once

#include <gio/gio.h>

#include "tp-database.h"
#include "tp-enums.h"
#include "tp-models.h"
#include "tp-schema.h"

G_BEGIN_DECLS

/* Keys of the settings table (its value column holds text). */
#define TP_SETTING_BAND_LOW      "band_low"
#define TP_SETTING_BAND_HIGH     "band_high"
#define TP_SETTING_FOLLOWUP_DAYS "followup_days"
#define TP_SETTING_CURRENCY      "currency"

#define TP_STORE_DEFAULT_BAND_LOW      5
#define TP_STORE_DEFAULT_BAND_HIGH     12
#define TP_STORE_DEFAULT_FOLLOWUP_DAYS 14
#define TP_STORE_DEFAULT_CURRENCY      "EUR"

/* The longest text a field accepts, in characters. */
#define TP_STORE_MAX_TEXT_LENGTH TP_SCHEMA_MAX_TEXT_LENGTH

typedef enum
{
  TP_STORE_CHANGE_ADDED,
  TP_STORE_CHANGE_UPDATED,
  TP_STORE_CHANGE_REMOVED,
  TP_STORE_CHANGE_RELOADED,  /* many rows (or another connection) changed: re-read the table */
} TpStoreChange;

/* TpUndo: what a delete took away, to put it back exactly. */
typedef struct _TpUndo TpUndo;

#define TP_TYPE_UNDO (tp_undo_get_type ())
GType       tp_undo_get_type   (void);
TpUndo     *tp_undo_ref        (TpUndo *self);
void        tp_undo_unref      (TpUndo *self);
const char *tp_undo_get_title  (TpUndo *self);
const char *tp_undo_get_table  (TpUndo *self);
gint64      tp_undo_get_id     (TpUndo *self);
guint       tp_undo_get_n_rows (TpUndo *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpUndo, tp_undo_unref)

#define TP_TYPE_STORE (tp_store_get_type ())

G_DECLARE_FINAL_TYPE (TpStore, tp_store, TP, STORE, GObject)

TpStore          *tp_store_new                     (TpDatabase        *database);
TpStore          *tp_store_open                    (const char        *path,
                                                    GError           **error);
void              tp_store_open_async              (const char        *path,
                                                    TpDatabaseOpenFlags flags,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
void              tp_store_open_server_async       (const char        *uri,
                                                    const char        *password,
                                                    TpDatabaseOpenFlags flags,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
TpStore          *tp_store_open_finish             (GAsyncResult      *result,
                                                    GError           **error);
TpDatabase       *tp_store_get_database            (TpStore           *self);
void              tp_store_notify_external_change  (TpStore           *self);
gboolean          tp_store_change_is_remote        (TpStore           *self);
gboolean          tp_store_refresh                 (TpStore           *self,
                                                    gpointer           record,
                                                    GError           **error);

/* Times */
char             *tp_store_now                     (void);

/* Settings */
guint             tp_store_get_band_low            (TpStore           *self);
guint             tp_store_get_band_high           (TpStore           *self);
gboolean          tp_store_set_band                (TpStore           *self,
                                                    guint              low,
                                                    guint              high,
                                                    GError           **error);
guint             tp_store_get_followup_days       (TpStore           *self);
gboolean          tp_store_set_followup_days       (TpStore           *self,
                                                    guint              days,
                                                    GError           **error);
const char       *tp_store_get_currency            (TpStore           *self);
gboolean          tp_store_set_currency            (TpStore           *self,
                                                    const char        *currency,
                                                    GError           **error);
const char       *tp_store_get_business_name       (TpStore           *self);
gboolean          tp_store_set_business_name       (TpStore           *self,
                                                    const char        *name,
                                                    GError           **error);

/* Who did what */
const char       *tp_store_default_person          (TpDatabase        *database);
const char       *tp_store_get_person              (TpStore           *self);
void              tp_store_set_person              (TpStore           *self,
                                                    const char        *person);
gboolean          tp_store_claim_notice_on         (TpDatabase        *database,
                                                    const char        *person,
                                                    const char        *key,
                                                    const char        *day,
                                                    gboolean          *claimed,
                                                    GError           **error);
GStrv             tp_store_list_people             (TpStore           *self,
                                                    GError           **error);
gboolean          tp_store_claim_notice            (TpStore           *self,
                                                    const char        *key,
                                                    const char        *day,
                                                    gboolean          *claimed,
                                                    GError           **error);

/* Audiences and their places */
TpAudience       *tp_store_get_audience            (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);
gboolean          tp_store_add_audience            (TpStore           *self,
                                                    TpAudience        *audience,
                                                    GError           **error);
gboolean          tp_store_save_audience           (TpStore           *self,
                                                    TpAudience        *audience,
                                                    GError           **error);
TpUndo           *tp_store_delete_audience         (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);
TpPlace          *tp_store_get_place               (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);
gboolean          tp_store_add_place               (TpStore           *self,
                                                    TpPlace           *place,
                                                    GError           **error);
gboolean          tp_store_save_place              (TpStore           *self,
                                                    TpPlace           *place,
                                                    GError           **error);
TpUndo           *tp_store_delete_place            (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);

/* Brand */
TpBrand          *tp_store_get_brand               (TpStore           *self,
                                                    GError           **error);
gboolean          tp_store_save_brand              (TpStore           *self,
                                                    TpBrand           *brand,
                                                    GError           **error);
TpBrandWord      *tp_store_get_brand_word          (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);
gboolean          tp_store_add_brand_word          (TpStore           *self,
                                                    TpBrandWord       *word,
                                                    GError           **error);
gboolean          tp_store_save_brand_word         (TpStore           *self,
                                                    TpBrandWord       *word,
                                                    GError           **error);
TpUndo           *tp_store_delete_brand_word       (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);

/* Competitors */
TpCompetitor     *tp_store_get_competitor          (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);
gboolean          tp_store_add_competitor          (TpStore           *self,
                                                    TpCompetitor      *competitor,
                                                    GError           **error);
gboolean          tp_store_save_competitor         (TpStore           *self,
                                                    TpCompetitor      *competitor,
                                                    GError           **error);
TpUndo           *tp_store_delete_competitor       (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);

/* Tactics and their log */
TpTactic         *tp_store_get_tactic              (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);
gboolean          tp_store_add_tactic              (TpStore           *self,
                                                    TpTactic          *tactic,
                                                    GError           **error);
gboolean          tp_store_save_tactic             (TpStore           *self,
                                                    TpTactic          *tactic,
                                                    GError           **error);
TpUndo           *tp_store_delete_tactic           (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);
TpTacticLogEntry *tp_store_get_tactic_log_entry    (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);
gboolean          tp_store_add_tactic_log_entry    (TpStore           *self,
                                                    TpTacticLogEntry  *entry,
                                                    GError           **error);
gboolean          tp_store_save_tactic_log_entry   (TpStore           *self,
                                                    TpTacticLogEntry  *entry,
                                                    GError           **error);
TpUndo           *tp_store_delete_tactic_log_entry (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);
guint             tp_store_count_active_tactics    (TpStore           *self);

/* Customers, touches and orders */
TpCustomer       *tp_store_get_customer            (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);
gboolean          tp_store_add_customer            (TpStore           *self,
                                                    TpCustomer        *customer,
                                                    GError           **error);
gboolean          tp_store_save_customer           (TpStore           *self,
                                                    TpCustomer        *customer,
                                                    GError           **error);
gboolean          tp_store_set_customer_stage      (TpStore           *self,
                                                    gint64             id,
                                                    TpStage            stage,
                                                    GError           **error);
TpUndo           *tp_store_delete_customer         (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);
TpTouch          *tp_store_get_touch               (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);
gboolean          tp_store_add_touch               (TpStore           *self,
                                                    TpTouch           *touch,
                                                    GError           **error);
TpTouch          *tp_store_log_touch               (TpStore           *self,
                                                    gint64             customer_id,
                                                    TpChannel          channel,
                                                    const char        *happened_at,
                                                    const char        *note,
                                                    GError           **error);
gboolean          tp_store_save_touch              (TpStore           *self,
                                                    TpTouch           *touch,
                                                    GError           **error);
TpUndo           *tp_store_delete_touch            (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);
TpOrder          *tp_store_get_order               (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);
gboolean          tp_store_add_order               (TpStore           *self,
                                                    TpOrder           *order,
                                                    GError           **error);
gboolean          tp_store_save_order              (TpStore           *self,
                                                    TpOrder           *order,
                                                    GError           **error);
TpUndo           *tp_store_delete_order            (TpStore           *self,
                                                    gint64             id,
                                                    GError           **error);

/* Undo */
gboolean          tp_store_undo                    (TpStore           *self,
                                                    TpUndo            *undo,
                                                    GError           **error);

/* Lists for the views: each is a GListModel of the models above that
 * updates itself when anything changes through this store. */
GListModel       *tp_store_list_audiences          (TpStore           *self);
GListModel       *tp_store_list_places             (TpStore           *self,
                                                    gint64             audience_id);
GListModel       *tp_store_list_reachable_customers (TpStore          *self,
                                                    gint64             audience_id,
                                                    guint              limit);
GListModel       *tp_store_list_brand_words        (TpStore           *self);
GListModel       *tp_store_list_competitors        (TpStore           *self);
GListModel       *tp_store_list_tactics            (TpStore           *self);
GListModel       *tp_store_list_tactic_log         (TpStore           *self,
                                                    gint64             tactic_id);
GListModel       *tp_store_list_touches            (TpStore           *self,
                                                    gint64             customer_id);
GListModel       *tp_store_list_latest_touches     (TpStore           *self,
                                                    guint              limit);
GListModel       *tp_store_list_orders             (TpStore           *self,
                                                    gint64             customer_id);

G_END_DECLS
