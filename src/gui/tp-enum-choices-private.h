/* tp-enum-choices-private.h
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

G_BEGIN_DECLS

void  _tp_enum_choices_bind  (AdwComboRow *row,
                              GType        enum_type);
char *_tp_enum_choices_label (AdwComboRow *row,
                              guint        position);

G_END_DECLS
