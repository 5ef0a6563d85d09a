/* tp-read-only-private.h
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

#include <gtk/gtk.h>

#include "tp-store.h"

G_BEGIN_DECLS

/* A role that may only read (a team database without write rights) gets
 * a window whose ways to change the business are off: the sections ask
 * _tp_store_can_write() when they enable their actions, and the editors'
 * fields show their values without taking typing. */

gboolean _tp_store_can_write        (TpStore   *store);
void     _tp_field_set_read_only    (GtkWidget *field,
                                     gboolean   read_only);

G_END_DECLS
