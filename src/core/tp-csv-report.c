/* tp-csv-report.c
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

#define G_LOG_DOMAIN "tp-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-csv-private.h"

/*
 * TpCsvReport: the outcome of an import, as counts (imported, merged,
 * skipped, customers added) and the messages of its rows in the order of
 * the file, of which the first TP_CSV_MAX_MESSAGES are kept; and the one
 * line that sums it up. The import (tp-csv-import.c, tp-csv-rows.c) fills
 * it in.
 */

G_DEFINE_BOXED_TYPE (TpCsvReport, tp_csv_report, tp_csv_report_ref, tp_csv_report_unref)

TpCsvReport *
_tp_csv_report_new (TpCsvTable table)
{
  TpCsvReport *self = g_new0 (TpCsvReport, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->table = table;
  self->messages = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->messages, NULL);

  return self;
}

/**
 * tp_csv_report_ref:
 * @self: a #TpCsvReport
 *
 * Returns: (transfer full): @self
 */
TpCsvReport *
tp_csv_report_ref (TpCsvReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * tp_csv_report_unref:
 * @self: (transfer full): a #TpCsvReport
 */
void
tp_csv_report_unref (TpCsvReport *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_ptr_array_unref (self->messages);
      g_free (self);
    }
}

/**
 * tp_csv_report_get_table:
 * @self: a #TpCsvReport
 *
 * Returns: the table that was imported
 */
TpCsvTable
tp_csv_report_get_table (TpCsvReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->table;
}

/**
 * tp_csv_report_get_imported:
 * @self: a #TpCsvReport
 *
 * Returns: how many rows were added
 */
guint
tp_csv_report_get_imported (TpCsvReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->imported;
}

/**
 * tp_csv_report_get_merged:
 * @self: a #TpCsvReport
 *
 * Returns: how many rows were merged into rows already there
 */
guint
tp_csv_report_get_merged (TpCsvReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->merged;
}

/**
 * tp_csv_report_get_skipped:
 * @self: a #TpCsvReport
 *
 * Returns: how many rows were left out
 */
guint
tp_csv_report_get_skipped (TpCsvReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->skipped;
}

/**
 * tp_csv_report_get_messages:
 * @self: a #TpCsvReport
 *
 * Gets what the import has to say, such as "line 17: no name", in the
 * order of the file. Only the first 200 are kept.
 *
 * Returns: (transfer none) (array zero-terminated=1): the messages
 */
const char * const *
tp_csv_report_get_messages (TpCsvReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *)self->messages->pdata;
}

/**
 * tp_csv_report_get_n_messages:
 * @self: a #TpCsvReport
 *
 * Returns: how many messages there were, including those not kept
 */
guint
tp_csv_report_get_n_messages (TpCsvReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_messages;
}

void
_tp_csv_report_add (TpCsvReport *self,
                   char        *message)
{
  self->n_messages++;

  if (self->messages->len - 1 < TP_CSV_MAX_MESSAGES)
    {
      g_ptr_array_index (self->messages, self->messages->len - 1) = message;
      g_ptr_array_add (self->messages, NULL);
    }
  else
    {
      g_free (message);
    }
}

/**
 * tp_csv_report_to_string:
 * @self: a #TpCsvReport
 *
 * Sums up the import in one line, such as "412 customers imported,
 * 3 rows skipped — line 17: no name; …".
 *
 * Returns: (transfer full): the summary
 */
char *
tp_csv_report_to_string (TpCsvReport *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint shown = 0;

  g_return_val_if_fail (self != NULL, NULL);

  switch (self->table)
    {
    case TP_CSV_TABLE_CUSTOMERS:
      g_string_append_printf (out, ngettext ("%u customer imported", "%u customers imported",
                                             self->imported),
                              self->imported);
      break;

    case TP_CSV_TABLE_TOUCHES:
      g_string_append_printf (out, ngettext ("%u touch imported", "%u touches imported",
                                             self->imported),
                              self->imported);
      break;

    case TP_CSV_TABLE_ORDERS:
    default:
      g_string_append_printf (out, ngettext ("%u order imported", "%u orders imported",
                                             self->imported),
                              self->imported);
      break;
    }

  if (self->merged > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, ngettext ("%u merged into one already there",
                                             "%u merged into ones already there",
                                             self->merged),
                              self->merged);
    }

  if (self->customers_added > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, ngettext ("%u new customer added from them",
                                             "%u new customers added from them",
                                             self->customers_added),
                              self->customers_added);
    }

  if (self->skipped > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, ngettext ("%u row skipped", "%u rows skipped", self->skipped),
                              self->skipped);
    }

  for (guint i = 0; i + 1 < self->messages->len; i++)
    {
      g_string_append (out, i == 0 ? " — " : "; ");
      g_string_append (out, g_ptr_array_index (self->messages, i));
      if (++shown == 10)
        break;
    }

  if (self->n_messages > shown)
    {
      g_string_append (out, "; ");
      g_string_append_printf (out, ngettext ("and %u more", "and %u more",
                                             self->n_messages - shown),
                              self->n_messages - shown);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
