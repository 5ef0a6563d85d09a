/* tp-vcard-private.h
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

G_BEGIN_DECLS

/* Called with the names of the columns (line 1), then with each card;
 * returns FALSE to stop, with @error set on error */
typedef gboolean (*TpVcardRecordFunc) (GPtrArray  *fields,
                                       guint       line,
                                       gpointer    data,
                                       GError    **error);

gboolean _tp_vcard_is_vcard (const char         *data,
                             gsize               len);
gboolean _tp_vcard_read     (GFile              *file,
                             const char         *name,
                             TpVcardRecordFunc   func,
                             gpointer            data,
                             GCancellable       *cancellable,
                             GError            **error);

G_END_DECLS
