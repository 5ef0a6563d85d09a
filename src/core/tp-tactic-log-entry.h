/* tp-tactic-log-entry.h
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

#include <glib-object.h>

#include "tp-enums.h"
#include "tp-record.h"

G_BEGIN_DECLS

#define TP_TYPE_TACTIC_LOG_ENTRY (tp_tactic_log_entry_get_type ())

G_DECLARE_FINAL_TYPE (TpTacticLogEntry, tp_tactic_log_entry, TP, TACTIC_LOG_ENTRY, TpRecord)

TpTacticLogEntry *tp_tactic_log_entry_new            (void);
gint64            tp_tactic_log_entry_get_tactic_id  (TpTacticLogEntry *self);
void              tp_tactic_log_entry_set_tactic_id  (TpTacticLogEntry *self,
                                                      gint64            tactic_id);
const char *      tp_tactic_log_entry_get_done_at    (TpTacticLogEntry *self);
void              tp_tactic_log_entry_set_done_at    (TpTacticLogEntry *self,
                                                      const char       *done_at);
const char *      tp_tactic_log_entry_get_note       (TpTacticLogEntry *self);
void              tp_tactic_log_entry_set_note       (TpTacticLogEntry *self,
                                                      const char       *note);
const char *      tp_tactic_log_entry_get_person     (TpTacticLogEntry *self);
void              tp_tactic_log_entry_set_person     (TpTacticLogEntry *self,
                                                      const char       *person);

G_END_DECLS
