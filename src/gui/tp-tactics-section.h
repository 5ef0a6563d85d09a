/* tp-tactics-section.h
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

#include "tp-list-section.h"
#include "tp-tactic-editor.h"

G_BEGIN_DECLS

typedef enum
{
  TP_FOCUS_NONE,      /* no tactic yet */
  TP_FOCUS_TOO_FEW,   /* fewer than 3 active */
  TP_FOCUS_GOOD,      /* 3 or 4 active */
  TP_FOCUS_TOO_MANY,  /* more than 4 active */
} TpFocusState;

#define TP_TYPE_TACTICS_SECTION (tp_tactics_section_get_type ())

G_DECLARE_FINAL_TYPE (TpTacticsSection, tp_tactics_section, TP, TACTICS_SECTION, TpListSection)

TpTacticEditor *tp_tactics_section_get_editor      (TpTacticsSection *self);
TpFocusState    tp_tactics_section_get_focus_state (TpTacticsSection *self);
const char     *tp_tactics_section_get_focus_text  (TpTacticsSection *self);

G_END_DECLS
