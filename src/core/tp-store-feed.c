/* tp-store-feed.c
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

#define G_LOG_DOMAIN "tp-store"

#include "config.h"

#include <string.h>

#include <glib-unix.h>

#include "tp-database-private.h"
#include "tp-store-private.h"

/*
 * The change feed of a team database (overview in tp-store.c): several
 * desktops on one database see each other's changes as they happen.
 *
 * Sending: just before the COMMIT of a transaction that changed rows
 * (TpDatabase::before-commit), the store announces its queued changes
 * (the same ones it emits after the commit) with NOTIFY, inside the
 * transaction: the server delivers them with the commit and drops them
 * with a rollback. Each change is one word, `table:kind:id`, with kind
 * `a` (added), `u` (updated), `d` (deleted) or `r` (re-read the whole
 * table, id 0); the settings are `settings:u:0`, everything `*:r:0`.
 * Words are joined by spaces into payloads under the server's 8000
 * bytes. More than TP_STORE_MAX_ROW_CHANGES changes to one table in one
 * transaction are one `r`, as the store's own ::changed says; bulk loads
 * (tp_database_announce_reload(): an import, a restore) send `r` only.
 *
 * Receiving: the store's connection LISTENs, and a GSource watches its
 * socket on the main loop (no thread, no timer). When it is readable,
 * libpq reads what came; every main-loop turn also takes what libpq read
 * while answering a query. Announcements of this connection itself are
 * skipped (by the server process that sent them): its changes were
 * emitted at its commit. The others are queued, a repeat of the same
 * row merged into its first place; more than FEED_MAX_ROWS rows of one
 * table waiting make one re-read of the table instead. Each turn of
 * the main loop handles at most FEED_BATCH of them, or FEED_BUDGET_US,
 * at idle priority (drawing and input come first), exactly as the
 * store's own changes: the live objects read their rows again and
 * ::changed is emitted, so every view updates the rows concerned.
 * Nothing is handled while the connection is inside a transaction.
 *
 * After a lost connection comes back (TpDatabase::reconnected), the
 * store listens again and every view reads everything again: what
 * others changed meanwhile was never announced to it.
 *
 * A file, and a worker's second connection to a team database, have no
 * feed to listen to; a store on a worker still announces what it writes.
 */

#define FEED_BATCH     64
#define FEED_BUDGET_US 4000
#define FEED_MAX_ROWS  256

/* What the feed treats as a table besides the store's */
#define FEED_SETTINGS  ((int) TP_STORE_N_TABLES)

typedef struct
{
  int            table;
  gint64         id;
  TpStoreChange  kind;
} Entry;

typedef struct
{
  GSource      source;
  TpStoreFeed *feed;
} FeedSource;

struct _TpStoreFeed
{
  TpStore     *store;       /* owns the feed */
  TpDatabase  *database;    /* the store's */
  GSource     *source;      /* NULL when it does not listen */
  gpointer     fd_tag;
  gulong       before_commit_id;
  gulong       reconnected_id;

  GQueue       entries;     /* Entry, in the order they came */
  GHashTable  *index;       /* Entry → its GList in entries */
  guint        queued[TP_STORE_N_TABLES];
  gboolean     reload[TP_STORE_N_TABLES];
  gboolean     settings;
  gboolean     everything;
};

/* Sending ---------------------------------------------------------------- */

static char
kind_letter (TpStoreChange kind)
{
  switch (kind)
    {
    case TP_STORE_CHANGE_ADDED:
      return 'a';
    case TP_STORE_CHANGE_UPDATED:
      return 'u';
    case TP_STORE_CHANGE_REMOVED:
      return 'd';
    case TP_STORE_CHANGE_RELOADED:
    default:
      return 'r';
    }
}

static gboolean
send_word (TpStoreFeed  *feed,
           GString      *payload,
           const char   *word,
           GError      **error)
{
  if (payload->len > 0 && payload->len + 1 + strlen (word) > TP_PG_FEED_MAX_PAYLOAD)
    {
      if (!tp_database_announce_changes (feed->database, payload->str, error))
        return FALSE;
      g_string_truncate (payload, 0);
    }

  if (payload->len > 0)
    g_string_append_c (payload, ' ');
  g_string_append (payload, word);

  return TRUE;
}

static void
before_commit_cb (TpDatabase  *database,
                  TpStoreFeed *feed)
{
  GArray *pending = feed->store->pending;
  guint counts[TP_STORE_N_TABLES] = { 0, };
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GString) payload = NULL;
  g_autoptr(GError) error = NULL;

  if (pending->len == 0)
    return;

  for (guint i = 0; i < pending->len; i++)
    {
      TpStorePending *p = &g_array_index (pending, TpStorePending, i);

      if ((int) p->table != FEED_SETTINGS)
        counts[p->table]++;
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  payload = g_string_new (NULL);

  for (guint i = 0; i < pending->len; i++)
    {
      TpStorePending *p = &g_array_index (pending, TpStorePending, i);
      g_autofree char *word = NULL;

      if ((int) p->table == FEED_SETTINGS)
        word = g_strdup ("settings:u:0");
      else if (counts[p->table] > TP_STORE_MAX_ROW_CHANGES)
        word = g_strdup_printf ("%s:r:0", _tp_store_tables[p->table].name);
      else
        word = g_strdup_printf ("%s:%c:%" G_GINT64_FORMAT, _tp_store_tables[p->table].name,
                                kind_letter (p->kind), p->id);

      /* The same word twice says nothing new (the receiver merges an
       * update after an add itself) */
      if (g_hash_table_contains (seen, word))
        continue;
      if (!send_word (feed, payload, word, &error))
        break;
      g_hash_table_add (seen, g_steal_pointer (&word));
    }

  if (error == NULL && payload->len > 0)
    tp_database_announce_changes (feed->database, payload->str, &error);

  /* The transaction is failed now, and its commit says why */
  if (error != NULL)
    g_debug ("Could not announce the changes: %s", error->message);
}

/* Receiving -------------------------------------------------------------- */

static guint
entry_hash (gconstpointer key)
{
  const Entry *entry = key;

  return g_int64_hash (&entry->id) ^ (guint) entry->table;
}

static gboolean
entry_equal (gconstpointer a,
             gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  return x->table == y->table && x->id == y->id;
}

static void
clear_queue (TpStoreFeed *feed)
{
  g_hash_table_remove_all (feed->index);
  g_queue_clear_full (&feed->entries, g_free);
  memset (feed->queued, 0, sizeof feed->queued);
  memset (feed->reload, 0, sizeof feed->reload);
  feed->settings = FALSE;
  feed->everything = FALSE;
}

/* The rows of @table waiting go: the table is read again instead. */
static void
queue_reload (TpStoreFeed *feed,
              int          table)
{
  GList *link = feed->entries.head;

  feed->reload[table] = TRUE;
  while (link != NULL && feed->queued[table] > 0)
    {
      GList *next = link->next;
      Entry *entry = link->data;

      if (entry->table == table)
        {
          g_hash_table_remove (feed->index, entry);
          g_queue_delete_link (&feed->entries, link);
          g_free (entry);
          feed->queued[table]--;
        }
      link = next;
    }
  feed->queued[table] = 0;
}

static void
queue_row (TpStoreFeed   *feed,
           int            table,
           gint64         id,
           TpStoreChange  kind)
{
  Entry key = { table, id, kind };
  GList *link;

  if (feed->reload[table])
    return;

  link = g_hash_table_lookup (feed->index, &key);
  if (link != NULL)
    {
      Entry *entry = link->data;

      /* A row added and then changed is still new here */
      if (!(entry->kind == TP_STORE_CHANGE_ADDED && kind == TP_STORE_CHANGE_UPDATED))
        entry->kind = kind;
      return;
    }

  if (feed->queued[table] >= FEED_MAX_ROWS)
    {
      queue_reload (feed, table);
      return;
    }

  g_queue_push_tail (&feed->entries, g_memdup2 (&key, sizeof key));
  g_hash_table_insert (feed->index, feed->entries.tail->data, feed->entries.tail);
  feed->queued[table]++;
}

static void
queue_word (TpStoreFeed *feed,
            const char  *word)
{
  const char *kind_part = strchr (word, ':');
  const char *id_part = kind_part != NULL ? strchr (kind_part + 1, ':') : NULL;
  g_autofree char *name = NULL;
  TpStoreChange kind;
  guint64 id;
  int table;

  if (id_part == NULL || id_part != kind_part + 2 ||
      !g_ascii_string_to_unsigned (id_part + 1, 10, 0, G_MAXINT64, &id, NULL))
    {
      g_debug ("Ignoring the change “%s”", word);
      return;
    }

  switch (kind_part[1])
    {
    case 'a':
      kind = TP_STORE_CHANGE_ADDED;
      break;
    case 'u':
      kind = TP_STORE_CHANGE_UPDATED;
      break;
    case 'd':
      kind = TP_STORE_CHANGE_REMOVED;
      break;
    case 'r':
      kind = TP_STORE_CHANGE_RELOADED;
      break;
    default:
      g_debug ("Ignoring the change “%s”", word);
      return;
    }

  name = g_strndup (word, kind_part - word);
  if (g_str_equal (name, "*"))
    {
      clear_queue (feed);
      feed->everything = TRUE;
      return;
    }
  if (feed->everything)
    return;
  if (g_str_equal (name, "settings"))
    {
      feed->settings = TRUE;
      return;
    }

  /* A table of a newer version, say */
  table = _tp_store_table_from_name (name);
  if (table < 0)
    return;

  if (kind == TP_STORE_CHANGE_RELOADED)
    queue_reload (feed, table);
  else
    queue_row (feed, table, (gint64) id, kind);
}

/* Takes what libpq has read for the feed, without waiting. */
static void
take_changes (TpStoreFeed *feed)
{
  char *payload;

  while ((payload = tp_database_take_changes (feed->database)) != NULL)
    {
      char *word = payload;

      while (word != NULL && *word != '\0')
        {
          char *space = strchr (word, ' ');

          if (space != NULL)
            *space = '\0';
          if (*word != '\0')
            queue_word (feed, word);
          word = space != NULL ? space + 1 : NULL;
        }
      g_free (payload);
    }
}

static gboolean
has_work (TpStoreFeed *feed)
{
  if (tp_database_get_depth (feed->database) > 0)
    return FALSE;

  if (feed->everything || feed->settings || feed->entries.length > 0)
    return TRUE;

  for (guint t = 0; t < TP_STORE_N_TABLES; t++)
    if (feed->reload[t])
      return TRUE;

  return FALSE;
}

/* Emits a bounded part of what waits, as the store does its own changes */
static void
handle_changes (TpStoreFeed *feed)
{
  gint64 deadline = g_get_monotonic_time () + FEED_BUDGET_US;
  TpStore *store = feed->store;
  guint handled = 0;

  g_object_ref (store);
  store->applying_feed = TRUE;

  if (feed->everything)
    {
      clear_queue (feed);
      tp_store_notify_external_change (store);
      goto out;
    }

  if (feed->settings)
    {
      feed->settings = FALSE;
      _tp_store_apply_settings (store);
      handled++;
    }

  for (guint t = 0; t < TP_STORE_N_TABLES; t++)
    {
      if (!feed->reload[t])
        continue;
      if (handled >= FEED_BATCH || g_get_monotonic_time () >= deadline)
        goto out;

      feed->reload[t] = FALSE;
      _tp_store_apply_reload (store, t);
      handled++;
    }

  while (feed->entries.length > 0 && handled < FEED_BATCH &&
         g_get_monotonic_time () < deadline)
    {
      Entry *entry = g_queue_pop_head (&feed->entries);

      g_hash_table_remove (feed->index, entry);
      feed->queued[entry->table]--;
      _tp_store_apply_change (store, entry->table, entry->id, entry->kind);
      g_free (entry);
      handled++;

      /* A handler may have opened a transaction and left it to the
       * main loop; wait for it */
      if (tp_database_get_depth (feed->database) > 0)
        break;
    }

out:
  store->applying_feed = FALSE;
  g_object_unref (store);
}

/* Anything on the socket: data, its end, or (libpq closed it after the
 * server went) an invalid descriptor, which GLib then reports at every
 * turn until it is no longer watched */
static gboolean
fd_readable (TpStoreFeed *feed)
{
  return feed->fd_tag != NULL && g_source_query_unix_fd (feed->source, feed->fd_tag) != 0;
}

static gboolean
feed_source_prepare (GSource *source,
                     int     *timeout)
{
  TpStoreFeed *feed = ((FeedSource *) source)->feed;

  *timeout = -1;
  if (feed->fd_tag == NULL)
    return FALSE;

  take_changes (feed);

  return has_work (feed);
}

static gboolean
feed_source_check (GSource *source)
{
  TpStoreFeed *feed = ((FeedSource *) source)->feed;

  return fd_readable (feed) || (feed->fd_tag != NULL && has_work (feed));
}

static void
stop_watching (TpStoreFeed *feed)
{
  if (feed->fd_tag != NULL)
    g_source_remove_unix_fd (feed->source, feed->fd_tag);
  feed->fd_tag = NULL;
  clear_queue (feed);
}

static gboolean
feed_source_dispatch (GSource     *source,
                      GSourceFunc  callback,
                      gpointer     user_data)
{
  TpStoreFeed *feed = ((FeedSource *) source)->feed;

  if (fd_readable (feed) && !tp_database_check_connection (feed->database))
    {
      /* Lost: the socket stays readable (or invalid) until the
       * connection is replaced (TpDatabase::reconnected) */
      g_debug ("The change feed stops with the lost connection");
      stop_watching (feed);
      return G_SOURCE_CONTINUE;
    }

  take_changes (feed);
  if (has_work (feed))
    handle_changes (feed);

  return G_SOURCE_CONTINUE;
}

static GSourceFuncs feed_source_funcs = {
  feed_source_prepare,
  feed_source_check,
  feed_source_dispatch,
  NULL, NULL, NULL,
};

static gboolean
start_watching (TpStoreFeed *feed)
{
  g_autoptr(GError) error = NULL;
  int fd;

  if (!tp_database_listen_changes (feed->database, &error))
    {
      if (error != NULL)
        g_debug ("No change feed: %s", error->message);
      return FALSE;
    }

  fd = tp_database_get_server_socket (feed->database);
  if (fd < 0)
    return FALSE;

  if (feed->source == NULL)
    {
      g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

      feed->source = g_source_new (&feed_source_funcs, sizeof (FeedSource));
      ((FeedSource *) feed->source)->feed = feed;
      /* Drawing and input come first */
      g_source_set_priority (feed->source, G_PRIORITY_DEFAULT_IDLE);
      g_source_set_name (feed->source, "[touchpoint] team database change feed");
      g_source_attach (feed->source, context);
    }

  feed->fd_tag = g_source_add_unix_fd (feed->source, fd, G_IO_IN | G_IO_HUP | G_IO_ERR);

  return TRUE;
}

static void
reconnected_cb (TpDatabase  *database,
                TpStoreFeed *feed)
{
  /* The old socket is closed already */
  stop_watching (feed);
  start_watching (feed);

  /* What others changed meanwhile was never announced here */
  tp_store_notify_external_change (feed->store);
}

/* Whether the change being emitted is another desktop's: a view may
 * then take its time (read on a worker) rather than the main loop's. */
gboolean
_tp_store_applying_feed (TpStore *store)
{
  return store->applying_feed;
}

/**
 * tp_store_change_is_remote:
 * @self: a #TpStore
 *
 * Inside a #TpStore::changed handler: whether the change was made on
 * another desktop (it came through the team database's change feed).
 * A view that closes because its row was deleted there says so, and
 * offers no Undo: the delete is not this desktop's to undo.
 *
 * Returns: %TRUE while another desktop's change is emitted
 */
gboolean
tp_store_change_is_remote (TpStore *self)
{
  g_return_val_if_fail (TP_IS_STORE (self), FALSE);

  return self->applying_feed;
}

TpStoreFeed *
_tp_store_feed_new (TpStore *store)
{
  TpStoreFeed *feed;

  if (!tp_database_is_server (store->database))
    return NULL;

  feed = g_new0 (TpStoreFeed, 1);
  feed->store = store;
  feed->database = store->database;
  feed->index = g_hash_table_new (entry_hash, entry_equal);
  g_queue_init (&feed->entries);

  feed->before_commit_id = g_signal_connect (feed->database, "before-commit",
                                             G_CALLBACK (before_commit_cb), feed);
  feed->reconnected_id = g_signal_connect (feed->database, "reconnected",
                                           G_CALLBACK (reconnected_cb), feed);
  start_watching (feed);

  return feed;
}

void
_tp_store_feed_free (TpStoreFeed *feed)
{
  if (feed == NULL)
    return;

  g_clear_signal_handler (&feed->before_commit_id, feed->database);
  g_clear_signal_handler (&feed->reconnected_id, feed->database);
  if (feed->source != NULL)
    {
      g_source_destroy (feed->source);
      g_source_unref (feed->source);
    }
  clear_queue (feed);
  g_hash_table_unref (feed->index);
  g_free (feed);
}
