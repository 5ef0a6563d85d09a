/* tp-sample.h
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

#include "tp-database.h"

G_BEGIN_DECLS

#define TP_SAMPLE_ERROR (tp_sample_error_quark ())

typedef enum
{
  TP_SAMPLE_ERROR_NOT_EMPTY,  /* the database already holds data */
} TpSampleError;

typedef enum
{
  TP_SAMPLE_SIZE_SMALL,  /* Good Boy Bakery: a believable small shop */
  TP_SAMPLE_SIZE_LARGE,  /* the benchmark business */
  TP_SAMPLE_SIZE_HUGE,   /* the benchmark business grown ten times */
} TpSampleSize;

/* Both sizes: the marketing side of Good Boy Bakery */
#define TP_SAMPLE_N_AUDIENCES        2
#define TP_SAMPLE_N_PLACES           6
#define TP_SAMPLE_N_BRAND_WORDS      5
#define TP_SAMPLE_N_COMPETITORS      2
#define TP_SAMPLE_N_TACTICS          3  /* all active */

/* Small: the customers of Good Boy Bakery */
#define TP_SAMPLE_SMALL_N_CUSTOMERS  40
#define TP_SAMPLE_SMALL_N_TOUCHES    271  /* 263 done, 8 planned */
#define TP_SAMPLE_SMALL_N_PLANNED    8
#define TP_SAMPLE_SMALL_N_ORDERS     27   /* 2 of them cancelled */
#define TP_SAMPLE_SMALL_N_CANCELLED  2

/* Large: the benchmark business of DESIGN.md §8 */
#define TP_SAMPLE_LARGE_N_CUSTOMERS  100000
#define TP_SAMPLE_LARGE_N_TOUCHES    1000000  /* planned ones included */
#define TP_SAMPLE_LARGE_N_ORDERS     20000    /* cancelled ones included */

/* Huge: ten times the large business, with the same distributions */
#define TP_SAMPLE_HUGE_N_CUSTOMERS   1000000
#define TP_SAMPLE_HUGE_N_TOUCHES     10000000  /* planned ones included */
#define TP_SAMPLE_HUGE_N_ORDERS      200000    /* cancelled ones included */

/* In the large sample, customer 1 has exactly this many done touches */
#define TP_SAMPLE_BENCHMARK_CUSTOMER_NAME "Benchmark Customer"
#define TP_SAMPLE_BENCHMARK_TOUCHES       1000

GQuark   tp_sample_error_quark      (void);

gboolean tp_sample_size_from_string (const char    *text,
                                     TpSampleSize  *size);
gboolean tp_sample_fill             (TpDatabase    *db,
                                     TpSampleSize   size,
                                     GError       **error);
gboolean tp_sample_database_is_empty (TpDatabase   *db,
                                      gboolean     *empty,
                                      GError      **error);

G_END_DECLS
