/* tp-models.h
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

/* Every model of the data core: one final TpRecord per table, whose
 * properties are its columns (see each type's documentation; the id and
 * the times are TpRecord's). */

#include "tp-audience.h"
#include "tp-brand.h"
#include "tp-brand-word.h"
#include "tp-competitor.h"
#include "tp-customer.h"
#include "tp-order.h"
#include "tp-place.h"
#include "tp-tactic.h"
#include "tp-tactic-log-entry.h"
#include "tp-touch.h"
