/* tp-competitors-section.h
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

#include "tp-competitor-editor.h"
#include "tp-list-section.h"

G_BEGIN_DECLS

#define TP_TYPE_COMPETITORS_SECTION (tp_competitors_section_get_type ())

G_DECLARE_FINAL_TYPE (TpCompetitorsSection, tp_competitors_section, TP, COMPETITORS_SECTION, TpListSection)

TpCompetitorEditor *tp_competitors_section_get_editor (TpCompetitorsSection *self);

G_END_DECLS
