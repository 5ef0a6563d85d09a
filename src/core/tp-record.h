/* tp-record.h
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

G_BEGIN_DECLS

#define TP_TYPE_RECORD (tp_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (TpRecord, tp_record, TP, RECORD, GObject)

struct _TpRecordClass
{
  GObjectClass parent_class;
};

gint64      tp_record_get_id         (TpRecord   *self);
void        tp_record_set_id         (TpRecord   *self,
                                      gint64      id);
const char *tp_record_get_created_at (TpRecord   *self);
void        tp_record_set_created_at (TpRecord   *self,
                                      const char *created_at);
const char *tp_record_get_updated_at (TpRecord   *self);
void        tp_record_set_updated_at (TpRecord   *self,
                                      const char *updated_at);
gint64      tp_record_get_version    (TpRecord   *self);
void        tp_record_set_version    (TpRecord   *self,
                                      gint64      version);
gpointer    tp_record_copy           (TpRecord   *self);

G_END_DECLS
