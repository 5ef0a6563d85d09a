/* main.c
 *
 * Copyright 2026 The Touchpoint authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "tp-cli.h"
int
main (int   argc,
      char *argv[])
{
  return 0;
}
