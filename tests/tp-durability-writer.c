/* tp-durability-writer.c
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

#define G_LOG_DOMAIN "tp-durability-writer"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "tp-store.h"

/*
 * The victim of test-durability: it writes customers, each with a touch,
 * one transaction per customer, and prints the id of each customer once
 * its transaction has committed, until it is killed.
 */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpStore) store = NULL;
  TpDatabase *db;

  if (argc != 2)
    {
      g_printerr ("Usage: %s DATABASE\n", argv[0]);
      return 2;
    }

  store = tp_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  db = tp_store_get_database (store);

  for (guint i = 0; ; i++)
    {
      g_autoptr(TpCustomer) customer = tp_customer_new ();
      g_autoptr(TpTouch) touch = NULL;
      g_autofree char *name = g_strdup_printf ("Customer %u of process %d", i, (int)getpid ());

      if (!tp_database_begin (db, &error))
        break;

      tp_customer_set_name (customer, name);
      tp_customer_set_notes (customer, "Written to be killed. ");
      if (!tp_store_add_customer (store, customer, &error))
        {
          tp_database_rollback (db);
          break;
        }

      touch = tp_store_log_touch (store, tp_record_get_id (TP_RECORD (customer)), TP_CHANNEL_EMAIL,
                                  NULL, name, &error);
      if (touch == NULL)
        {
          tp_database_rollback (db);
          break;
        }

      if (!tp_database_commit (db, &error))
        break;

      /* Only now is the customer promised to be in the file. */
      printf ("%" G_GINT64_FORMAT "\n", tp_record_get_id (TP_RECORD (customer)));
      fflush (stdout);
    }

  g_printerr ("%s\n", error->message);
  return 1;
}
