/* tp-audiences-section.h
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

#include "tp-audience-editor.h"
#include "tp-list-section.h"

G_BEGIN_DECLS

#define TP_TYPE_AUDIENCES_SECTION (tp_audiences_section_get_type ())

G_DECLARE_FINAL_TYPE (TpAudiencesSection, tp_audiences_section, TP, AUDIENCES_SECTION, TpListSection)

TpAudienceEditor *tp_audiences_section_get_editor (TpAudiencesSection *self);

G_END_DECLS
