/* tp-store-marketing.c
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
 * The Marketing tab's records in TpStore (overview in tp-store.c):
 * audiences and their places, the brand (and the business name it
 * holds), brand words, competitors, tactics and their log; each read,
 * added, saved, deleted and listed.
 */

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

  return (TpAudience *)_tp_store_dup_live (self, TP_STORE_TABLE_AUDIENCES, id, error);
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

  return _tp_store_save_row (self, TP_STORE_TABLE_AUDIENCES, G_OBJECT (audience), TRUE, error);
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

  return _tp_store_save_row (self, TP_STORE_TABLE_AUDIENCES, G_OBJECT (audience), FALSE, error);
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

  return _tp_store_delete_row (self, TP_STORE_TABLE_AUDIENCES, id, error);
}

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

  return (TpPlace *)_tp_store_dup_live (self, TP_STORE_TABLE_PLACES, id, error);
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

  return _tp_store_save_row (self, TP_STORE_TABLE_PLACES, G_OBJECT (place), TRUE, error);
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

  return _tp_store_save_row (self, TP_STORE_TABLE_PLACES, G_OBJECT (place), FALSE, error);
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

  return _tp_store_delete_row (self, TP_STORE_TABLE_PLACES, id, error);
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

  live = _tp_store_live_lookup (self, TP_STORE_TABLE_BRAND, 1);
  if (live != NULL)
    return g_object_ref (TP_BRAND (live));

  brand = tp_brand_new ();
  if (!_tp_store_load_row (self, TP_STORE_TABLE_BRAND, 1, G_OBJECT (brand), &found, error))
    return NULL;

  tp_record_set_id (TP_RECORD (brand), 1);
  _tp_store_live_insert (self, TP_STORE_TABLE_BRAND, 1, G_OBJECT (brand));

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

  tp_record_set_id (TP_RECORD (brand), 1);

  if (!tp_database_begin (self->database, error))
    return FALSE;

  if (!_tp_store_row_exists (self, TP_STORE_TABLE_BRAND, 1, &exists, error) ||
      !_tp_store_write_row (self, TP_STORE_TABLE_BRAND, G_OBJECT (brand), !exists, error))
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

  return (TpBrandWord *)_tp_store_dup_live (self, TP_STORE_TABLE_BRAND_WORDS, id, error);
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

  return _tp_store_save_row (self, TP_STORE_TABLE_BRAND_WORDS, G_OBJECT (word), TRUE, error);
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

  return _tp_store_save_row (self, TP_STORE_TABLE_BRAND_WORDS, G_OBJECT (word), FALSE, error);
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

  return _tp_store_delete_row (self, TP_STORE_TABLE_BRAND_WORDS, id, error);
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

  return (TpCompetitor *)_tp_store_dup_live (self, TP_STORE_TABLE_COMPETITORS, id, error);
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

  return _tp_store_save_row (self, TP_STORE_TABLE_COMPETITORS, G_OBJECT (competitor), TRUE, error);
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

  return _tp_store_save_row (self, TP_STORE_TABLE_COMPETITORS, G_OBJECT (competitor), FALSE, error);
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

  return _tp_store_delete_row (self, TP_STORE_TABLE_COMPETITORS, id, error);
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

  return (TpTactic *)_tp_store_dup_live (self, TP_STORE_TABLE_TACTICS, id, error);
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

  return _tp_store_save_row (self, TP_STORE_TABLE_TACTICS, G_OBJECT (tactic), TRUE, error);
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

  return _tp_store_save_row (self, TP_STORE_TABLE_TACTICS, G_OBJECT (tactic), FALSE, error);
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

  return _tp_store_delete_row (self, TP_STORE_TABLE_TACTICS, id, error);
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

  if (!_tp_store_query_int64 (self, "SELECT count(*) FROM tactics WHERE active = ?1", 1, &n,
                              &error))
    g_debug ("Could not count the active tactics: %s", error->message);

  return n;
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

  return (TpTacticLogEntry *)_tp_store_dup_live (self, TP_STORE_TABLE_TACTIC_LOG, id, error);
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

  return _tp_store_save_row (self, TP_STORE_TABLE_TACTIC_LOG, G_OBJECT (entry), TRUE, error);
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

  return _tp_store_save_row (self, TP_STORE_TABLE_TACTIC_LOG, G_OBJECT (entry), FALSE, error);
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

  return _tp_store_delete_row (self, TP_STORE_TABLE_TACTIC_LOG, id, error);
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
