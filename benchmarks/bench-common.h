/* bench-common.h
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

#include <glib.h>

G_BEGIN_DECLS

/* Samples of one measure, in milliseconds. */
typedef struct
{
  const char *name;
  double      budget_ms;   /* 0 when the figure has no budget */
  GArray     *samples;
} BenchMeasure;

static inline BenchMeasure *
bench_measure_new (const char *name,
                   double      budget_ms)
{
  BenchMeasure *m = g_new0 (BenchMeasure, 1);

  m->name = name;
  m->budget_ms = budget_ms;
  m->samples = g_array_new (FALSE, FALSE, sizeof (double));
  return m;
}

static inline void
bench_measure_add (BenchMeasure *m,
                   gint64        start_us,
                   gint64        end_us)
{
  double ms = (end_us - start_us) / 1000.0;

  g_array_append_val (m->samples, ms);
}

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* One JSON line: name, median, min, max, runs, budget. benchmarks/run
 * collects these lines into RESULTS.md. */
static inline void
bench_measure_report (BenchMeasure *m)
{
  double *v;
  guint n = m->samples->len;
  double median;

  g_array_sort (m->samples, bench_compare_doubles);
  v = (double *) (void *) m->samples->data;
  median = n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);

  g_print ("{\"name\": \"%s\", \"median_ms\": %.3f, \"min_ms\": %.3f, \"max_ms\": %.3f, "
           "\"runs\": %u, \"budget_ms\": %.1f}\n",
           m->name, median, n ? v[0] : 0, n ? v[n - 1] : 0, n, m->budget_ms);

  g_array_unref (m->samples);
  g_free (m);
}

G_END_DECLS
