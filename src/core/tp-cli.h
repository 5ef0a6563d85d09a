/* tp-cli.h
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

const GOptionEntry *tp_cli_get_option_entries (void);
char               *tp_cli_get_default_database_path (void);
int                 tp_cli_run                (GVariantDict *options);

G_END_DECLS
