/* tp-application.h
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

#include "tp-notifier.h"

G_BEGIN_DECLS

#define TP_TYPE_APPLICATION (tp_application_get_type ())

G_DECLARE_FINAL_TYPE (TpApplication, tp_application, TP, APPLICATION, AdwApplication)

TpApplication *tp_application_new               (void);
const char    *tp_application_get_database_path (TpApplication *self);
void           tp_application_set_database_path (TpApplication *self,
                                                 const char    *path);
TpNotifier    *tp_application_get_notifier      (TpApplication *self);

G_END_DECLS
