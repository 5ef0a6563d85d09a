/* tp-sales-util-private.h
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

#include <adwaita.h>

#include "tp-store.h"

G_BEGIN_DECLS

/* Shared by the Sales widgets: how times and amounts look on screen and
 * how typed ones are read back, and how a result reaches the owner. */

char      *_tp_format_date         (const char  *utc);
char      *_tp_format_date_time    (const char  *utc);
char      *_tp_format_entry_time   (GDateTime   *time);
char      *_tp_format_entry_utc    (const char  *utc);
GDateTime *_tp_parse_entry_time    (const char  *text,
                                    GError     **error);
gboolean   _tp_is_future           (const char  *utc);

guint      _tp_currency_digits     (const char  *currency);
char      *_tp_format_money        (gint64       minor,
                                    const char  *currency);
char      *_tp_format_amount_entry (gint64       minor,
                                    const char  *currency);
gboolean   _tp_parse_money         (const char  *text,
                                    const char  *currency,
                                    gint64      *minor,
                                    GError     **error);

char      *_tp_band_text           (guint        touches,
                                    guint        band_low,
                                    guint        band_high);

void       _tp_setup_date_row      (AdwEntryRow *row);

char      *_tp_currency_from_symbol (const char *symbol);
char      *_tp_locale_currency      (void);

G_END_DECLS
