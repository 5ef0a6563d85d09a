/* tp-follow-up-queue.h
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

#include "tp-follow-up-item.h"
#include "tp-store.h"

G_BEGIN_DECLS

/**
 * TpFollowUpClaimFunc:
 * @item: a follow-up of the queue just computed
 * @key: what identifies @item, tp_follow_up_item_dup_key()
 * @user_data: the data given to tp_follow_up_queue_set_claim_func()
 *
 * Called on the worker thread, for each entry of each load.
 *
 * Returns: %TRUE to hand @item to #TpFollowUpQueue::loaded as come due
 */
typedef gboolean (*TpFollowUpClaimFunc) (TpFollowUpItem *item,
                                         const char     *key,
                                         gpointer        user_data);

#define TP_TYPE_FOLLOW_UP_QUEUE (tp_follow_up_queue_get_type ())

G_DECLARE_FINAL_TYPE (TpFollowUpQueue, tp_follow_up_queue, TP, FOLLOW_UP_QUEUE, GObject)

TpFollowUpQueue *tp_follow_up_queue_new              (void);
TpFollowUpQueue *tp_follow_up_queue_new_for_path     (const char          *database_path);
TpStore         *tp_follow_up_queue_get_store        (TpFollowUpQueue     *self);
void             tp_follow_up_queue_set_store        (TpFollowUpQueue     *self,
                                                      TpStore             *store);
GDateTime       *tp_follow_up_queue_get_now          (TpFollowUpQueue     *self);
void             tp_follow_up_queue_set_now          (TpFollowUpQueue     *self,
                                                      GDateTime           *now);
GDateTime       *tp_follow_up_queue_dup_now          (TpFollowUpQueue     *self);
gboolean         tp_follow_up_queue_get_loading      (TpFollowUpQueue     *self);
void             tp_follow_up_queue_refresh          (TpFollowUpQueue     *self);
void             tp_follow_up_queue_load             (TpFollowUpQueue     *self);
void             tp_follow_up_queue_load_later       (TpFollowUpQueue     *self,
                                                      guint                delay_ms);
gboolean         tp_follow_up_queue_get_load_pending (TpFollowUpQueue     *self);
void             tp_follow_up_queue_set_claim_func   (TpFollowUpQueue     *self,
                                                      TpFollowUpClaimFunc  func,
                                                      gpointer             user_data,
                                                      GDestroyNotify       destroy);
gboolean         tp_follow_up_queue_contains_key     (TpFollowUpQueue     *self,
                                                      const char          *key);

G_END_DECLS
