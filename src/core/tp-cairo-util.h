/* tp-cairo-util.h
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

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

void _tp_cairo_rounded_rectangle (cairo_t *cr,
                                  double   x,
                                  double   y,
                                  double   width,
                                  double   height,
                                  double   radius);

G_END_DECLS
