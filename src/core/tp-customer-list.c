/* tp-customer-list.c
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

#define G_LOG_DOMAIN "tp-customer-list"

#include "config.h"

#include <string.h>

#include "tp-core-enum-types.h"
#include "tp-customer-list-private.h"
#include "tp-store-private.h"

/*
 * TpCustomerList is the customer list of the Sales tab, built to open
 * with 100,000 customers: it keeps only the ordered ids that SQLite
 * returns (800 kB for 100,000 rows, read through an index for the usual
 * sorts) and loads a TpCustomer when a view asks for that row. Filtering
 * and sorting happen in SQL, with the typed text bound as a parameter.
 *
 * When one customer changes, the list does not run its query again: it
 * asks SQLite for that row's sort key and whether it still passes the
 * filter, and finds its new place by binary search over the ids, reading
 * the keys of about 17 neighbours. The comparison below must order rows
 * exactly as the ORDER BY does: NULL first, NOCASE folding ASCII letters
 * only, then the id.
 *
 * Its filter is a TpCustomerFilter, which others can copy with
 * tp_customer_list_dup_filter() to pick the same customers in their own
 * queries (the touches chart does so on a worker thread).
 *
 * A new filter or sort runs its query on a worker thread with its own
 * read-only connection (a search over 100,000 customers takes up to
 * 200 ms), while the list keeps showing the rows of the last query and
 * :loading is TRUE. A newer filter cancels the query in flight (SQLite's
 * progress handler stops it within a few thousand steps) and a generation
 * counter drops whatever an older query still returns. The ids arrive on
 * the main thread in one items-changed. Customers that change meanwhile
 * are moved in the rows shown as usual, and their ids are kept: once the
 * new ids arrive, those rows are placed again by probing, so the list is
 * as true as if the query had run after the last change. The first query,
 * one for an in-memory database (which no other connection can open) and
 * a reload of the whole store run on the main thread, as before.
 *
 * A query that walks an index hands out its rows as it finds them, and
 * finding all of them can take long: one letter matches nearly every
 * customer, and checking 100,000 of them takes 80 ms. So the worker sends
 * the first rows ahead, a screenful and more (FIRST_ROWS), and the list
 * shows them at once, with :partial TRUE, while the rest is read; the
 * rest then only adds rows below them. While the list is partial it ends
 * where the first rows ended (last_key, last_id): a customer who changes
 * and now sorts past that is left for the whole result to place, so the
 * rows shown are always the top of the true list.
 */

#define CACHE_SIZE 256

/* A screenful on a tall screen, and about as many rows as a list view
 * keeps ready around it. */
#define FIRST_ROWS 200

/* A search of one or two characters looks for its first rows among this
 * many times FIRST_ROWS customers at the top of the sort index */
#define FIRST_ROWS_WINDOW 50

typedef enum
{
  COLLATE_INTEGER,
  COLLATE_BINARY,
  COLLATE_NOCASE,
} Collation;

typedef struct
{
  const char *sql;
  Collation   collation;
  gboolean    indexed;  /* an index of customers holds the rows in this order */
} SortKey;

static const SortKey sort_keys[] = {
  [TP_CUSTOMER_SORT_NAME] = { "c.name COLLATE NOCASE", COLLATE_NOCASE, TRUE },
  [TP_CUSTOMER_SORT_AUDIENCE] = {
    "(SELECT a.name FROM audiences a WHERE a.id = c.audience_id) COLLATE NOCASE",
    COLLATE_NOCASE },
  [TP_CUSTOMER_SORT_STAGE] = {
    "CASE c.stage WHEN 'lead' THEN 0 WHEN 'prospect' THEN 1 WHEN 'customer' THEN 2 "
    "WHEN 'repeat' THEN 3 ELSE 4 END",
    COLLATE_INTEGER },
  [TP_CUSTOMER_SORT_TOUCHES] = { "c.touch_count", COLLATE_INTEGER, TRUE },
  [TP_CUSTOMER_SORT_LAST_TOUCH] = { "c.last_touch_at", COLLATE_BINARY, TRUE },
  [TP_CUSTOMER_SORT_ORDERS] = { "c.order_count", COLLATE_INTEGER },
  [TP_CUSTOMER_SORT_TOTAL_SPENT] = { "c.total_spent_minor", COLLATE_INTEGER },
  [TP_CUSTOMER_SORT_CREATED] = { "c.created_at", COLLATE_BINARY },
};

/* The parameters every query binds, whether its filter uses them or not. */
enum {
  PARAM_SEARCH = 1,
  PARAM_STAGE,
  PARAM_AUDIENCE,
  PARAM_QUIET_SINCE,
  PARAM_ID,
  PARAM_MATCH,   /* the list's own query only */
};

struct _TpCustomerFilter
{
  char   *search_text;     /* NULL for none, never empty */
  int     stage;           /* a TpStage, or -1 */
  gint64  audience_id;     /* 0 for all */
  guint   quiet_days;      /* 0 for all */

  /* Made from the above by filter_prepare() */
  char   *search_pattern;  /* the LIKE pattern of search_text */
  char   *search_match;    /* its FTS5 phrase, for 3 characters and more */
  char   *quiet_since;     /* the time quiet_days before the query was made */
  char   *where;           /* the SQL condition over "customers c" */
};

struct _TpCustomerList
{
  GObject           parent_instance;

  TpStore          *store;

  /* What the owner asked for, and the query that lists it */
  TpCustomerFilter  filter;
  TpCustomerSort    sort_key;
  gboolean          sort_descending;
  char             *ids_sql;
  char             *first_sql;      /* NULL, or how to find the first rows quickly */

  /* What the ids follow: the filter and sort of the last query applied */
  TpCustomerFilter *shown_filter;
  TpCustomerSort    shown_sort_key;
  gboolean          shown_sort_descending;
  char             *probe_sql;

  /* The query on the worker */
  guint             start_id;       /* idle that starts it */
  GCancellable     *cancellable;
  guint             generation;
  GHashTable       *changed_ids;    /* customers changed while it runs */
  guint             first_rows;     /* sent ahead of the rest */
  guint             in_flight : 1;
  guint             query_pending : 1;
  guint             loading : 1;
  guint             partial : 1;     /* the ids are the first rows only */

  /* While partial: every row up to this one (in the shown sort) is in
   * the ids, and no row after it; 0 for none. */
  GVariant         *last_key;
  gint64            last_id;

  GArray         *ids;
  GObject        *cache[CACHE_SIZE];
  guint           cache_next;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TpCustomerList, tp_customer_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_TEXT,
  PROP_STAGE_FILTER,
  PROP_AUDIENCE_FILTER,
  PROP_QUIET_DAYS,
  PROP_SORT_KEY,
  PROP_SORT_DESCENDING,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_PARTIAL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Queries */

static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

/* @text as one FTS5 phrase: its trigrams in a row, which every text
 * that holds @text holds (and some more: the trigram index folds the
 * case of every letter, LIKE only of ASCII's) */
static char *
match_phrase (const char *text)
{
  GString *phrase = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');

  return g_string_free (phrase, FALSE);
}

static void
filter_clear_derived (TpCustomerFilter *filter)
{
  g_clear_pointer (&filter->search_pattern, g_free);
  g_clear_pointer (&filter->search_match, g_free);
  g_clear_pointer (&filter->quiet_since, g_free);
  g_clear_pointer (&filter->where, g_free);
}

/* Makes the condition and the values to bind from the filter's settings;
 * a quiet-days filter counts back from now. */
static void
filter_prepare (TpCustomerFilter *filter)
{
  GString *where = g_string_new (NULL);

  filter_clear_derived (filter);

  /* Only fixed fragments go into the SQL; the values are bound. */
  if (filter->search_text != NULL && filter->search_text[0] != '\0')
    {
      filter->search_pattern = like_pattern (filter->search_text);
      if (g_utf8_strlen (filter->search_text, -1) >= 3)
        filter->search_match = match_phrase (filter->search_text);
      g_string_append (where,
                       "(c.name LIKE ?1 ESCAPE '\\' OR c.email LIKE ?1 ESCAPE '\\' "
                       "OR c.phone LIKE ?1 ESCAPE '\\' OR c.notes LIKE ?1 ESCAPE '\\')");
    }

  if (filter->stage >= 0)
    g_string_append_printf (where, "%sc.stage = ?2", where->len > 0 ? " AND " : "");

  if (filter->audience_id > 0)
    g_string_append_printf (where, "%sc.audience_id = ?3", where->len > 0 ? " AND " : "");

  if (filter->quiet_days > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) since = g_date_time_add_days (now, -(int)filter->quiet_days);

      filter->quiet_since = tp_schema_format_time (since);
      g_string_append_printf (where, "%scoalesce(c.last_touch_at, c.created_at) < ?4",
                              where->len > 0 ? " AND " : "");
    }

  if (where->len == 0)
    g_string_append (where, "1 = 1");

  filter->where = g_string_free (where, FALSE);
}

static void
build_queries (TpCustomerList *self)
{
  const char *dir = self->sort_descending ? "DESC" : "ASC";
  const SortKey *key = &sort_keys[self->sort_key];
  const TpCustomerFilter *filter = &self->filter;

  filter_prepare (&self->filter);

  /* A search of three characters or more reads the customers that may
   * match from the trigram index of schema step 6 (customers_search), and
   * the LIKE of the filter keeps those that do: the same rows as reading
   * them all, in the same order, without reading them all (on the team
   * engine, the server's trigram indexes serve the LIKE itself).
   *
   * A shorter search reads every row. When it keeps few of them, one pass
   * over the table and a sort of the matches beats walking a sort index
   * and jumping to each row (22 ms against 100 ms for 100,000 customers);
   * a single character keeps nearly everyone, and then sorting them all
   * costs more than the walk (60 ms against 35 ms). The index search,
   * too, sorts what it finds rather than walk a sort index. */
  g_free (self->ids_sql);
  self->ids_sql = g_strdup_printf ("SELECT c.id FROM customers c%s WHERE %s%s "
                                   "ORDER BY %s %s, c.id %s",
                                   filter->search_pattern != NULL &&
                                   g_utf8_strlen (filter->search_text, -1) > 1 ? " NOT INDEXED" : "",
                                   filter->search_match != NULL
                                   ? "c.id IN (SELECT rowid FROM customers_search "
                                     "WHERE customers_search MATCH ?6) AND "
                                   : "",
                                   filter->where, key->sql, dir, dir);

  /* One or two characters: no trigram to look up, and nearly every
   * customer may hold them. Walking the sort index until the first rows
   * are found is then quick, but walking all of it, when few hold them,
   * takes several times a pass over the table (1 s against 0.2 s for a
   * million customers). So the first rows are looked for only among the
   * top of the index: when enough of those match, they are the first
   * rows of the whole list, since every row beyond sorts after them, and
   * they go ahead while the query above reads the rest. */
  g_clear_pointer (&self->first_sql, g_free);
  if (filter->search_pattern != NULL && filter->search_match == NULL && key->indexed)
    self->first_sql = g_strdup_printf ("SELECT c.id FROM (SELECT * FROM customers c "
                                       "ORDER BY %s %s, c.id %s LIMIT %u) AS c "
                                       "WHERE %s ORDER BY %s %s, c.id %s LIMIT %u",
                                       key->sql, dir, dir,
                                       self->first_rows * FIRST_ROWS_WINDOW,
                                       filter->where, key->sql, dir, dir, self->first_rows);
}

/* Makes the ids follow @filter (transfer full) and the sort: the single
 * row updates probe with them. */
static void
set_shown (TpCustomerList   *self,
           TpCustomerFilter *filter,
           TpCustomerSort    sort_key,
           gboolean          sort_descending)
{
  tp_customer_filter_free (self->shown_filter);
  self->shown_filter = filter;
  self->shown_sort_key = sort_key;
  self->shown_sort_descending = sort_descending;

  g_free (self->probe_sql);
  self->probe_sql = g_strdup_printf ("SELECT %s, (%s) FROM customers c WHERE c.id = ?5",
                                     sort_keys[sort_key].sql, filter->where);
}

typedef void (*FirstRowsFunc) (GArray   *ids,
                               gpointer  user_data);

/* Runs on any thread, with any connection to the database. Once it has
 * @first_rows ids and more may follow, it hands them to @first_rows_func. */
static GArray *
run_ids_query (TpDatabase              *db,
               const char              *sql,
               const TpCustomerFilter  *filter,
               guint                    first_rows,
               FirstRowsFunc            first_rows_func,
               gpointer                 user_data,
               GError                 **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;

  stmt = tp_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  tp_customer_filter_bind (filter, stmt);
  if (filter->search_match != NULL)
    tp_statement_bind_text (stmt, PARAM_MATCH, filter->search_match);
  while (tp_statement_step (stmt, &local_error))
    {
      gint64 id = tp_statement_get_int64 (stmt, 0);

      if (ids->len == first_rows && first_rows_func != NULL)
        first_rows_func (ids, user_data);

      g_array_append_val (ids, id);
    }
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static GArray *
query_ids (TpCustomerList *self)
{
  g_autoptr(GError) error = NULL;
  GArray *ids;

  ids = run_ids_query (tp_store_get_database (self->store), self->ids_sql, &self->filter,
                       0, NULL, NULL, &error);
  if (ids == NULL)
    {
      g_debug ("Could not list the customers: %s", error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  return ids;
}

/* Reads the sort key of one customer and whether it passes the filter.
 * Returns FALSE if the customer does not exist. */
static gboolean
probe (TpCustomerList  *self,
       gint64           id,
       GVariant       **key,
       gboolean        *matches)
{
  g_autoptr(GError) error = NULL;
  TpStatement *stmt;
  gboolean found;

  stmt = tp_database_prepare (tp_store_get_database (self->store), self->probe_sql, &error);
  if (stmt == NULL)
    {
      g_debug ("Could not read a customer: %s", error->message);
      return FALSE;
    }

  tp_customer_filter_bind (self->shown_filter, stmt);
  tp_statement_bind_int64 (stmt, PARAM_ID, id);
  found = tp_statement_step (stmt, &error);
  if (found)
    {
      if (key != NULL)
        *key = tp_statement_dup_value (stmt, 0);
      if (matches != NULL)
        *matches = tp_statement_get_int64 (stmt, 1) != 0;
    }
  tp_statement_reset (stmt);

  if (error != NULL)
    g_debug ("Could not read customer %" G_GINT64_FORMAT ": %s", id, error->message);

  return found;
}

/* Comparing as SQLite does */

static int
nocase_compare (const char *a,
                const char *b)
{
  gsize la = strlen (a);
  gsize lb = strlen (b);
  gsize n = MIN (la, lb);

  for (gsize i = 0; i < n; i++)
    {
      int ca = (guchar)g_ascii_tolower (a[i]);
      int cb = (guchar)g_ascii_tolower (b[i]);

      if (ca != cb)
        return ca - cb;
    }

  return (la > lb) - (la < lb);
}

static int
value_compare (GVariant  *a,
               GVariant  *b,
               Collation  collation)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  if (g_variant_is_of_type (a, G_VARIANT_TYPE_INT64) &&
      g_variant_is_of_type (b, G_VARIANT_TYPE_INT64))
    {
      gint64 x = g_variant_get_int64 (a);
      gint64 y = g_variant_get_int64 (b);

      return (x > y) - (x < y);
    }

  if (g_variant_is_of_type (a, G_VARIANT_TYPE_STRING) &&
      g_variant_is_of_type (b, G_VARIANT_TYPE_STRING))
    {
      const char *x = g_variant_get_string (a, NULL);
      const char *y = g_variant_get_string (b, NULL);
      int c = collation == COLLATE_NOCASE ? nocase_compare (x, y) : strcmp (x, y);

      return (c > 0) - (c < 0);
    }

  /* SQLite orders numbers before text. */
  return g_variant_is_of_type (a, G_VARIANT_TYPE_STRING) ? 1 : -1;
}

static int
row_compare (TpCustomerList *self,
             GVariant       *key_a,
             gint64          id_a,
             GVariant       *key_b,
             gint64          id_b)
{
  int c = value_compare (key_a, key_b, sort_keys[self->shown_sort_key].collation);

  if (c == 0)
    c = (id_a > id_b) - (id_a < id_b);

  return self->shown_sort_descending ? -c : c;
}

/* The position in @ids where a row with @key and @id belongs. */
static guint
find_position (TpCustomerList *self,
               GArray         *ids,
               GVariant       *key,
               gint64          id)
{
  guint lo = 0;
  guint hi = ids->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 mid_id = g_array_index (ids, gint64, mid);
      g_autoptr(GVariant) mid_key = NULL;

      probe (self, mid_id, &mid_key, NULL);

      if (row_compare (self, key, id, mid_key, mid_id) > 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static guint
find_id (GArray *ids,
         gint64  id)
{
  const gint64 *data = (const gint64 *)(gpointer)ids->data;

  for (guint i = 0; i < ids->len; i++)
    if (data[i] == id)
      return i;

  return G_MAXUINT;
}

/* Whether a row with @key and @id belongs to the first rows shown while
 * the list is partial. */
static gboolean
within_first_rows (TpCustomerList *self,
                   GVariant       *key,
                   gint64          id)
{
  return self->last_id != 0 && row_compare (self, key, id, self->last_key, self->last_id) <= 0;
}

/* Updating */

static void
set_loading (TpCustomerList *self,
             gboolean        loading)
{
  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Replaces the ids with @new_ids (transfer full), telling views of the
 * rows that differ in one items-changed; @partial says whether they are
 * only the first rows of the query. */
static void
replace_ids (TpCustomerList *self,
             GArray         *new_ids,
             gboolean        partial)
{
  g_autoptr(GArray) old_ids = NULL;
  guint old_n, new_n, prefix = 0, suffix = 0;
  gboolean partial_changed = self->partial != !!partial;

  /* Set before the views hear of the rows, told after. */
  self->partial = !!partial;
  if (!partial)
    {
      g_clear_pointer (&self->last_key, g_variant_unref);
      self->last_id = 0;
    }

  old_ids = g_steal_pointer (&self->ids);
  self->ids = new_ids;
  if (old_ids == NULL)
    return;

  old_n = old_ids->len;
  new_n = self->ids->len;

  while (prefix < old_n && prefix < new_n &&
         g_array_index (old_ids, gint64, prefix) == g_array_index (self->ids, gint64, prefix))
    prefix++;

  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_array_index (old_ids, gint64, old_n - 1 - suffix) ==
         g_array_index (self->ids, gint64, new_n - 1 - suffix))
    suffix++;

  if (prefix < old_n || prefix < new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_n - prefix - suffix, new_n - prefix - suffix);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (partial_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTIAL]);
}

/* Runs the query on the main thread, with the filter and sort asked for
 * now; a query in flight is dropped when it lands. */
static void
reload (TpCustomerList *self)
{
  GArray *ids;

  self->generation++;
  self->query_pending = FALSE;
  g_clear_handle_id (&self->start_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->changed_ids != NULL)
    g_hash_table_remove_all (self->changed_ids);

  ids = query_ids (self);
  set_shown (self, tp_customer_filter_copy (&self->filter), self->sort_key, self->sort_descending);
  replace_ids (self, ids, FALSE);

  /* A query in flight still lands, and says when. */
  if (!self->in_flight)
    set_loading (self, FALSE);
}

static void
update_row (TpCustomerList *self,
            gint64          id)
{
  g_autoptr(GVariant) key = NULL;
  gboolean matches = FALSE;
  guint old_position;
  guint new_position = G_MAXUINT;

  /* The ids on their way from the worker may not know of this change. */
  if (self->in_flight)
    g_hash_table_add (self->changed_ids, g_memdup2 (&id, sizeof id));

  old_position = find_id (self->ids, id);
  if (old_position != G_MAXUINT)
    g_array_remove_index (self->ids, old_position);

  if (probe (self, id, &key, &matches) && matches)
    {
      new_position = find_position (self, self->ids, key, id);

      /* Past the first rows: the rest of the query will place them. */
      if (self->partial && !within_first_rows (self, key, id))
        new_position = G_MAXUINT;
    }

  if (old_position == G_MAXUINT && new_position == G_MAXUINT)
    return;

  if (old_position == new_position)
    {
      g_array_insert_val (self->ids, new_position, id);
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 1, 1);
      return;
    }

  if (old_position != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);

  if (new_position != G_MAXUINT)
    {
      g_array_insert_val (self->ids, new_position, id);
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
    }

  if ((old_position == G_MAXUINT) != (new_position == G_MAXUINT))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void reload_async (TpCustomerList *self);

static void
customers_changed_cb (TpCustomerList *self,
                      const char     *table,
                      gint64          id,
                      TpStoreChange   kind,
                      TpStore        *store)
{
  /* Another desktop changed many customers (an import): the list comes
   * from a worker, as the server sorting them all takes frames */
  if (kind == TP_STORE_CHANGE_RELOADED && _tp_store_applying_feed (self->store))
    reload_async (self);
  else if (kind == TP_STORE_CHANGE_RELOADED)
    reload (self);
  else
    update_row (self, id);
}

static void
audiences_changed_cb (TpCustomerList *self,
                      const char     *table,
                      gint64          id,
                      TpStoreChange   kind,
                      TpStore        *store)
{
  /* Renaming an audience moves its customers when sorting by audience. */
  if ((self->sort_key == TP_CUSTOMER_SORT_AUDIENCE ||
       self->shown_sort_key == TP_CUSTOMER_SORT_AUDIENCE) &&
      kind != TP_STORE_CHANGE_ADDED)
    reload (self);
}

/* The query on a worker */

typedef struct
{
  guint             generation;
  char             *path;
  char             *sql;
  char             *first_sql;
  TpCustomerFilter *filter;
  TpCustomerSort    sort_key;
  gboolean          sort_descending;
  guint             first_rows;
  GWeakRef          list;           /* weakly, so that dropping it cancels the query */
} Query;

static void
query_free (Query *query)
{
  g_free (query->path);
  g_free (query->sql);
  g_free (query->first_sql);
  tp_customer_filter_free (query->filter);
  g_weak_ref_clear (&query->list);
  g_free (query);
}


static int
query_progress_cb (gpointer user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

/* The first rows on their way to the main thread, with the task whose
 * query found them. */
typedef struct
{
  GTask  *task;
  GArray *ids;
} FirstRows;

static void
first_rows_free (FirstRows *first)
{
  g_object_unref (first->task);
  g_clear_pointer (&first->ids, g_array_unref);
  g_free (first);
}

static void apply_first_rows (TpCustomerList *self,
                              Query          *query,
                              GArray         *ids);

static gboolean
first_rows_cb (gpointer user_data)
{
  FirstRows *first = user_data;
  Query *query = g_task_get_task_data (first->task);
  g_autoptr(TpCustomerList) self = g_weak_ref_get (&query->list);

  /* Only for the query the list waits for, before its whole result. */
  if (self != NULL && self->store != NULL && self->in_flight &&
      query->generation == self->generation && !self->query_pending)
    apply_first_rows (self, query, g_steal_pointer (&first->ids));

  return G_SOURCE_REMOVE;
}

/* On the worker: sends a copy of the first @ids to the main thread. They
 * arrive before the task's result, which comes the same way: an idle
 * source of the same priority, attached later. (Not by
 * g_main_context_invoke(), which would run the callback here on the
 * worker whenever the main thread happens not to hold its context.) */
static void
send_first_rows (GArray   *ids,
                 gpointer  user_data)
{
  GTask *task = user_data;
  FirstRows *first = g_new0 (FirstRows, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  first->task = g_object_ref (task);
  first->ids = g_array_copy (ids);
  g_source_set_priority (source, g_task_get_priority (task));
  g_source_set_callback (source, first_rows_cb, first, (GDestroyNotify) first_rows_free);
  g_source_set_static_name (source, "[touchpoint] customer list, first rows");
  g_source_attach (source, g_task_get_context (task));
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Query *query = task_data;
  g_autoptr(TpDatabase) db = NULL;
  GError *error = NULL;
  gboolean sent = FALSE;
  GArray *ids;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = tp_database_open_full (query->path, TP_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL || !tp_database_exec (db, "PRAGMA query_only = 1", &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* A newer filter stops the query between two steps of SQLite. */
  if (!tp_database_is_server (db))
    sqlite3_progress_handler (tp_database_get_handle (db), 1000, query_progress_cb, cancellable);
  if (query->first_sql != NULL)
    {
      /* The first rows from the top of the sort index, when they are
       * all there; otherwise the query below finds them */
      g_autoptr(GArray) first = run_ids_query (db, query->first_sql, query->filter, 0, NULL, NULL,
                                               NULL);

      if (first != NULL && first->len == query->first_rows)
        {
          send_first_rows (first, task);
          sent = TRUE;
        }
    }
  ids = run_ids_query (db, query->sql, query->filter,
                       query->first_rows, sent ? NULL : send_first_rows, task, &error);
  if (!tp_database_is_server (db))
    sqlite3_progress_handler (tp_database_get_handle (db), 0, NULL, NULL);

  if (g_task_return_error_if_cancelled (task))
    {
      g_clear_pointer (&ids, g_array_unref);
      g_clear_error (&error);
      return;
    }

  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

/* Places the customers that changed while the query ran by probing them
 * again in @ids, its rows. In the first rows only, a customer who now
 * sorts past the last of them is left out for the whole result to place. */
static void
place_changed (TpCustomerList *self,
               GArray         *ids,
               gboolean        partial)
{
  GHashTableIter iter;
  gpointer key;

  /* Out first, so that the binary searches below see sorted rows. */
  g_hash_table_iter_init (&iter, self->changed_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint position = find_id (ids, *(gint64 *) key);

      if (position != G_MAXUINT)
        g_array_remove_index (ids, position);
    }

  /* The first rows hold every row up to their last unchanged one, as the
   * query read it: that is where the list ends until the rest comes. */
  g_clear_pointer (&self->last_key, g_variant_unref);
  self->last_id = 0;
  if (partial && ids->len > 0)
    {
      gint64 last = g_array_index (ids, gint64, ids->len - 1);

      if (probe (self, last, &self->last_key, NULL))
        self->last_id = last;
    }

  g_hash_table_iter_init (&iter, self->changed_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = *(gint64 *) key;
      g_autoptr(GVariant) sort_value = NULL;
      gboolean matches = FALSE;

      if (probe (self, id, &sort_value, &matches) && matches)
        {
          if (!partial || within_first_rows (self, sort_value, id))
            g_array_insert_val (ids, find_position (self, ids, sort_value, id), id);
        }
    }
}

/* Shows the first rows of @query (transfer full) while the rest is read. */
static void
apply_first_rows (TpCustomerList *self,
                  Query          *query,
                  GArray         *ids)
{
  set_shown (self, tp_customer_filter_copy (query->filter), query->sort_key, query->sort_descending);
  place_changed (self, ids, TRUE);
  replace_ids (self, ids, TRUE);
}

/* Takes the ids of @query (transfer full) as the list's rows. */
static void
apply_query (TpCustomerList *self,
             Query          *query,
             GArray         *ids)
{
  set_shown (self, g_steal_pointer (&query->filter), query->sort_key, query->sort_descending);
  place_changed (self, ids, FALSE);
  g_hash_table_remove_all (self->changed_ids);
  replace_ids (self, ids, FALSE);
}

static void start_query (TpCustomerList *self);

static void
query_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  /* The store, whose file the worker read, is let go only here. */
  g_autoptr(TpStore) store = user_data;
  Query *query = g_task_get_task_data (G_TASK (result));
  g_autoptr(TpCustomerList) self = g_weak_ref_get (&query->list);
  g_autoptr(GError) error = NULL;
  GArray *ids;

  ids = g_task_propagate_pointer (G_TASK (result), &error);

  /* The list is gone (or disposed, without its store): its query was
   * cancelled. */
  if (self == NULL || self->store != store)
    {
      g_clear_pointer (&ids, g_array_unref);
      return;
    }

  self->in_flight = FALSE;

  if (query->generation == self->generation && !self->query_pending)
    {
      if (ids != NULL)
        {
          apply_query (self, query, g_steal_pointer (&ids));
        }
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Could not list the customers on a worker: %s", error->message);
          reload (self);
        }
    }
  g_clear_pointer (&ids, g_array_unref);

  if (self->query_pending)
    start_query (self);
  else if (self->start_id == 0)
    set_loading (self, FALSE);
}

static void
start_query (TpCustomerList *self)
{
  g_autoptr(GTask) task = NULL;
  Query *query;

  if (self->store == NULL)
    return;

  /* One query at a time: the one in flight stops soon, and the newest
   * filter runs when it has landed. */
  if (self->in_flight)
    {
      g_cancellable_cancel (self->cancellable);
      self->query_pending = TRUE;
      return;
    }

  query = g_new0 (Query, 1);
  query->generation = self->generation;
  query->path = g_strdup (tp_database_get_path (tp_store_get_database (self->store)));
  query->sql = g_strdup (self->ids_sql);
  query->first_sql = g_strdup (self->first_sql);
  query->filter = tp_customer_filter_copy (&self->filter);
  query->sort_key = self->sort_key;
  query->sort_descending = self->sort_descending;
  query->first_rows = self->first_rows;
  g_weak_ref_init (&query->list, self);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* What changed before now, the query reads. */
  g_hash_table_remove_all (self->changed_ids);
  self->in_flight = TRUE;
  self->query_pending = FALSE;

  task = g_task_new (NULL, self->cancellable, query_done_cb, g_object_ref (self->store));
  g_task_set_source_tag (task, start_query);
  g_task_set_name (task, "[touchpoint] customer list");
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  g_task_run_in_thread (task, query_thread);

  set_loading (self, TRUE);
}

static gboolean
start_query_cb (gpointer user_data)
{
  TpCustomerList *self = user_data;

  self->start_id = 0;
  start_query (self);

  return G_SOURCE_REMOVE;
}

/* Runs the query for the filter and sort asked for now: on a worker if
 * the database is a file. The worker starts at the next turn of the main
 * loop, so that changing several settings at once (a title that changes
 * both the sort column and its direction, clearing every filter) runs one
 * query, not one per setting. */
static void
reload_async (TpCustomerList *self)
{
  build_queries (self);

  if (!tp_database_path_can_reopen (tp_database_get_path (tp_store_get_database (self->store))))
    {
      reload (self);
      return;
    }

  self->generation++;
  set_loading (self, TRUE);
  if (self->start_id == 0)
    self->start_id = g_idle_add_full (G_PRIORITY_HIGH, start_query_cb, self, NULL);
}

/* GListModel */

static GType
tp_customer_list_get_item_type (GListModel *model)
{
  return TP_TYPE_CUSTOMER;
}

static guint
tp_customer_list_get_n_items (GListModel *model)
{
  TpCustomerList *self = TP_CUSTOMER_LIST (model);

  return self->ids->len;
}

static gpointer
tp_customer_list_get_item (GListModel *model,
                           guint       position)
{
  TpCustomerList *self = TP_CUSTOMER_LIST (model);
  g_autoptr(GError) error = NULL;
  TpCustomer *customer;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  customer = tp_store_get_customer (self->store, id, &error);
  if (customer == NULL)
    {
      g_debug ("Could not load customer %" G_GINT64_FORMAT ": %s", id, error->message);
      return _tp_store_placeholder ("customers", id);
    }

  g_set_object (&self->cache[self->cache_next], G_OBJECT (customer));
  self->cache_next = (self->cache_next + 1) % CACHE_SIZE;

  return customer;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tp_customer_list_get_item_type;
  iface->get_n_items = tp_customer_list_get_n_items;
  iface->get_item = tp_customer_list_get_item;
}

/* GObject */

static void
tp_customer_list_constructed (GObject *object)
{
  TpCustomerList *self = (TpCustomerList *)object;

  G_OBJECT_CLASS (tp_customer_list_parent_class)->constructed (object);

  g_assert (TP_IS_STORE (self->store));

  g_signal_connect_object (self->store, "changed::customers",
                           G_CALLBACK (customers_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::audiences",
                           G_CALLBACK (audiences_changed_cb), self, G_CONNECT_SWAPPED);

  self->changed_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  build_queries (self);
  reload (self);
}

static void
tp_customer_list_dispose (GObject *object)
{
  TpCustomerList *self = (TpCustomerList *)object;

  for (guint i = 0; i < CACHE_SIZE; i++)
    g_clear_object (&self->cache[i]);

  g_clear_handle_id (&self->start_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->query_pending = FALSE;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_customer_list_parent_class)->dispose (object);
}

static void
tp_customer_list_finalize (GObject *object)
{
  TpCustomerList *self = (TpCustomerList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self->filter.search_text);
  filter_clear_derived (&self->filter);
  g_free (self->ids_sql);
  g_free (self->first_sql);
  g_free (self->probe_sql);
  tp_customer_filter_free (self->shown_filter);
  g_clear_pointer (&self->changed_ids, g_hash_table_unref);
  g_clear_pointer (&self->last_key, g_variant_unref);

  G_OBJECT_CLASS (tp_customer_list_parent_class)->finalize (object);
}

static void
tp_customer_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TpCustomerList *self = TP_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->filter.search_text);
      break;

    case PROP_STAGE_FILTER:
      g_value_set_int (value, self->filter.stage);
      break;

    case PROP_AUDIENCE_FILTER:
      g_value_set_int64 (value, self->filter.audience_id);
      break;

    case PROP_QUIET_DAYS:
      g_value_set_uint (value, self->filter.quiet_days);
      break;

    case PROP_SORT_KEY:
      g_value_set_enum (value, self->sort_key);
      break;

    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->sort_descending);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, TP_TYPE_CUSTOMER);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids != NULL ? self->ids->len : 0);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_PARTIAL:
      g_value_set_boolean (value, self->partial);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_customer_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TpCustomerList *self = TP_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SEARCH_TEXT:
      tp_customer_list_set_search_text (self, g_value_get_string (value));
      break;

    case PROP_STAGE_FILTER:
      tp_customer_list_set_stage_filter (self, g_value_get_int (value));
      break;

    case PROP_AUDIENCE_FILTER:
      tp_customer_list_set_audience_filter (self, g_value_get_int64 (value));
      break;

    case PROP_QUIET_DAYS:
      tp_customer_list_set_quiet_days (self, g_value_get_uint (value));
      break;

    case PROP_SORT_KEY:
      tp_customer_list_set_sort_key (self, g_value_get_enum (value));
      break;

    case PROP_SORT_DESCENDING:
      tp_customer_list_set_sort_descending (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_customer_list_class_init (TpCustomerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tp_customer_list_constructed;
  object_class->dispose = tp_customer_list_dispose;
  object_class->finalize = tp_customer_list_finalize;
  object_class->get_property = tp_customer_list_get_property;
  object_class->set_property = tp_customer_list_set_property;

  /**
   * TpCustomerList:store:
   *
   * The store the list reads.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomerList:search-text:
   *
   * Text to find in the name, email, phone or notes (ASCII letters match
   * either case); %NULL or empty shows everyone.
   */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomerList:stage-filter:
   *
   * A #TpStage to show only customers at that stage, or -1 for all.
   */
  properties[PROP_STAGE_FILTER] =
    g_param_spec_int ("stage-filter", NULL, NULL,
                      -1, TP_STAGE_LOST, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomerList:audience-filter:
   *
   * An audience id to show only its customers, or 0 for all.
   */
  properties[PROP_AUDIENCE_FILTER] =
    g_param_spec_int64 ("audience-filter", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomerList:quiet-days:
   *
   * Shows only customers whose last touch (or, never touched, their
   * creation) is more than this many days ago; 0 for all.
   */
  properties[PROP_QUIET_DAYS] =
    g_param_spec_uint ("quiet-days", NULL, NULL,
                       0, 36500, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomerList:sort-key:
   *
   * The column the list is sorted by; rows with the same value are in
   * order of their id.
   */
  properties[PROP_SORT_KEY] =
    g_param_spec_enum ("sort-key", NULL, NULL,
                       TP_TYPE_CUSTOMER_SORT, TP_CUSTOMER_SORT_NAME,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomerList:sort-descending:
   *
   * Whether the order is reversed (largest, latest or Z first).
   */
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomerList:item-type:
   *
   * The type of the items, #TpCustomer.
   */
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomerList:n-items:
   *
   * The number of customers in the list.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomerList:loading:
   *
   * Whether a query for a new filter or sort is running on a worker; the
   * list shows the rows of the previous one meanwhile.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TpCustomerList:partial:
   *
   * Whether the list holds only the first rows of the query running on
   * its worker (a screenful and more, sent ahead of a long query): the
   * rest will be added below them, and #GListModel:n-items is not yet the
   * number of customers found. :loading is %TRUE meanwhile.
   */
  properties[PROP_PARTIAL] =
    g_param_spec_boolean ("partial", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_customer_list_init (TpCustomerList *self)
{
  self->filter.stage = -1;
  self->sort_key = TP_CUSTOMER_SORT_NAME;
  self->first_rows = FIRST_ROWS;
}

/**
 * tp_customer_list_new:
 * @store: a #TpStore
 *
 * Creates the list of every customer, sorted by name.
 *
 * Returns: (transfer full): a new #TpCustomerList
 */
TpCustomerList *
tp_customer_list_new (TpStore *store)
{
  g_return_val_if_fail (TP_IS_STORE (store), NULL);

  return g_object_new (TP_TYPE_CUSTOMER_LIST, "store", store, NULL);
}

/**
 * tp_customer_list_get_store:
 * @self: a #TpCustomerList
 *
 * Returns: (transfer none): the store
 */
TpStore *
tp_customer_list_get_store (TpCustomerList *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_LIST (self), NULL);

  return self->store;
}

static void
requery (TpCustomerList *self,
         GParamSpec     *pspec)
{
  reload_async (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/**
 * tp_customer_list_get_loading:
 * @self: a #TpCustomerList
 *
 * Returns: whether a query for a new filter or sort is running
 */
gboolean
tp_customer_list_get_loading (TpCustomerList *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_LIST (self), FALSE);

  return self->loading;
}

/**
 * tp_customer_list_get_partial:
 * @self: a #TpCustomerList
 *
 * Returns: whether the list holds only the first rows of its query
 */
gboolean
tp_customer_list_get_partial (TpCustomerList *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_LIST (self), FALSE);

  return self->partial;
}

/* For tests: how many rows the worker sends ahead of the rest. */
void
_tp_customer_list_set_first_rows (TpCustomerList *self,
                                  guint           first_rows)
{
  g_return_if_fail (TP_IS_CUSTOMER_LIST (self));
  g_return_if_fail (first_rows > 0);

  self->first_rows = first_rows;
  build_queries (self);
}

/**
 * _tp_customer_list_find_first_rows:
 * @self: a #TpCustomerList
 * @error: return location for a #GError
 *
 * Looks for the first rows of the list's search of one or two characters
 * among the top of the sort index, as the worker does before it reads
 * the whole list. For tests, which compare them with the whole list.
 *
 * Returns: (transfer full) (nullable): the ids found there (the first
 *   rows when there are as many as the list sends ahead), or %NULL when
 *   the search is not looked up so (@error unset) or on error
 */
GArray *
_tp_customer_list_find_first_rows (TpCustomerList  *self,
                                   GError         **error)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_LIST (self), NULL);

  if (self->first_sql == NULL || self->store == NULL)
    return NULL;

  return run_ids_query (tp_store_get_database (self->store), self->first_sql, &self->filter,
                        0, NULL, NULL, error);
}

/**
 * tp_customer_list_get_search_text:
 * @self: a #TpCustomerList
 *
 * Returns: (nullable): the text searched for
 */
const char *
tp_customer_list_get_search_text (TpCustomerList *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_LIST (self), NULL);

  return self->filter.search_text;
}

/**
 * tp_customer_list_set_search_text:
 * @self: a #TpCustomerList
 * @search_text: (nullable): text to find
 *
 * Sets #TpCustomerList:search-text.
 */
void
tp_customer_list_set_search_text (TpCustomerList *self,
                                  const char     *search_text)
{
  g_return_if_fail (TP_IS_CUSTOMER_LIST (self));

  if (search_text != NULL && search_text[0] == '\0')
    search_text = NULL;

  if (g_strcmp0 (self->filter.search_text, search_text) == 0)
    return;

  g_free (self->filter.search_text);
  self->filter.search_text = g_strdup (search_text);
  requery (self, properties[PROP_SEARCH_TEXT]);
}

/**
 * tp_customer_list_get_stage_filter:
 * @self: a #TpCustomerList
 *
 * Returns: the #TpStage shown, or -1 for all
 */
int
tp_customer_list_get_stage_filter (TpCustomerList *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_LIST (self), -1);

  return self->filter.stage;
}

/**
 * tp_customer_list_set_stage_filter:
 * @self: a #TpCustomerList
 * @stage_filter: a #TpStage, or -1 for all
 *
 * Sets #TpCustomerList:stage-filter.
 */
void
tp_customer_list_set_stage_filter (TpCustomerList *self,
                                   int             stage_filter)
{
  g_return_if_fail (TP_IS_CUSTOMER_LIST (self));
  g_return_if_fail (stage_filter >= -1 && stage_filter <= TP_STAGE_LOST);

  if (self->filter.stage == stage_filter)
    return;

  self->filter.stage = stage_filter;
  requery (self, properties[PROP_STAGE_FILTER]);
}

/**
 * tp_customer_list_get_audience_filter:
 * @self: a #TpCustomerList
 *
 * Returns: the audience shown, or 0 for all
 */
gint64
tp_customer_list_get_audience_filter (TpCustomerList *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_LIST (self), 0);

  return self->filter.audience_id;
}

/**
 * tp_customer_list_set_audience_filter:
 * @self: a #TpCustomerList
 * @audience_filter: an audience id, or 0 for all
 *
 * Sets #TpCustomerList:audience-filter.
 */
void
tp_customer_list_set_audience_filter (TpCustomerList *self,
                                      gint64          audience_filter)
{
  g_return_if_fail (TP_IS_CUSTOMER_LIST (self));
  g_return_if_fail (audience_filter >= 0);

  if (self->filter.audience_id == audience_filter)
    return;

  self->filter.audience_id = audience_filter;
  requery (self, properties[PROP_AUDIENCE_FILTER]);
}

/**
 * tp_customer_list_get_quiet_days:
 * @self: a #TpCustomerList
 *
 * Returns: the quiet days filter, 0 for all
 */
guint
tp_customer_list_get_quiet_days (TpCustomerList *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_LIST (self), 0);

  return self->filter.quiet_days;
}

/**
 * tp_customer_list_set_quiet_days:
 * @self: a #TpCustomerList
 * @quiet_days: days, or 0 for all
 *
 * Sets #TpCustomerList:quiet-days.
 */
void
tp_customer_list_set_quiet_days (TpCustomerList *self,
                                 guint           quiet_days)
{
  g_return_if_fail (TP_IS_CUSTOMER_LIST (self));
  g_return_if_fail (quiet_days <= 36500);

  if (self->filter.quiet_days == quiet_days)
    return;

  self->filter.quiet_days = quiet_days;
  requery (self, properties[PROP_QUIET_DAYS]);
}

/**
 * tp_customer_list_get_sort_key:
 * @self: a #TpCustomerList
 *
 * Returns: the sort column
 */
TpCustomerSort
tp_customer_list_get_sort_key (TpCustomerList *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_LIST (self), TP_CUSTOMER_SORT_NAME);

  return self->sort_key;
}

/**
 * tp_customer_list_set_sort_key:
 * @self: a #TpCustomerList
 * @sort_key: the sort column
 *
 * Sets #TpCustomerList:sort-key.
 */
void
tp_customer_list_set_sort_key (TpCustomerList *self,
                               TpCustomerSort  sort_key)
{
  g_return_if_fail (TP_IS_CUSTOMER_LIST (self));
  g_return_if_fail (sort_key <= TP_CUSTOMER_SORT_CREATED);

  if (self->sort_key == sort_key)
    return;

  self->sort_key = sort_key;
  requery (self, properties[PROP_SORT_KEY]);
}

/**
 * tp_customer_list_get_sort_descending:
 * @self: a #TpCustomerList
 *
 * Returns: whether the order is reversed
 */
gboolean
tp_customer_list_get_sort_descending (TpCustomerList *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_LIST (self), FALSE);

  return self->sort_descending;
}

/**
 * tp_customer_list_set_sort_descending:
 * @self: a #TpCustomerList
 * @sort_descending: whether to reverse the order
 *
 * Sets #TpCustomerList:sort-descending.
 */
void
tp_customer_list_set_sort_descending (TpCustomerList *self,
                                      gboolean        sort_descending)
{
  g_return_if_fail (TP_IS_CUSTOMER_LIST (self));

  sort_descending = !!sort_descending;
  if (self->sort_descending == sort_descending)
    return;

  self->sort_descending = sort_descending;
  requery (self, properties[PROP_SORT_DESCENDING]);
}

/**
 * tp_customer_list_get_id:
 * @self: a #TpCustomerList
 * @position: a position
 *
 * Gets the id of the customer at @position without loading the customer.
 *
 * Returns: the id, or 0 if @position is past the end
 */
gint64
tp_customer_list_get_id (TpCustomerList *self,
                         guint           position)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

/**
 * tp_customer_list_find:
 * @self: a #TpCustomerList
 * @id: a customer id
 *
 * Returns: the position of the customer, or %G_MAXUINT if the list does
 *   not show them
 */
guint
tp_customer_list_find (TpCustomerList *self,
                       gint64          id)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_LIST (self), G_MAXUINT);

  return find_id (self->ids, id);
}

/**
 * tp_customer_list_reload:
 * @self: a #TpCustomerList
 *
 * Runs the query again, for a quiet-days filter whose "now" has moved on;
 * on a worker, as for a new filter.
 */
void
tp_customer_list_reload (TpCustomerList *self)
{
  g_return_if_fail (TP_IS_CUSTOMER_LIST (self));

  reload_async (self);
}

/* TpCustomerFilter */

/**
 * tp_customer_list_dup_filter:
 * @self: a #TpCustomerList
 *
 * Copies the list's filter as it is now: a search, stage, audience and
 * quiet-days filter, with the moment its quiet days count back from. Other
 * code can then pick exactly the customers the list shows, on any thread
 * and any connection to the same database.
 *
 * Returns: (transfer full): the filter; free it with tp_customer_filter_free()
 */
TpCustomerFilter *
tp_customer_list_dup_filter (TpCustomerList *self)
{
  g_return_val_if_fail (TP_IS_CUSTOMER_LIST (self), NULL);

  return tp_customer_filter_copy (&self->filter);
}

/**
 * tp_customer_filter_copy:
 * @filter: a filter
 *
 * Returns: (transfer full): a copy of @filter
 */
TpCustomerFilter *
tp_customer_filter_copy (const TpCustomerFilter *filter)
{
  TpCustomerFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_new0 (TpCustomerFilter, 1);
  copy->search_text = g_strdup (filter->search_text);
  copy->stage = filter->stage;
  copy->audience_id = filter->audience_id;
  copy->quiet_days = filter->quiet_days;

  if (filter->where == NULL)
    {
      filter_prepare (copy);
    }
  else
    {
      copy->search_pattern = g_strdup (filter->search_pattern);
      copy->search_match = g_strdup (filter->search_match);
      copy->quiet_since = g_strdup (filter->quiet_since);
      copy->where = g_strdup (filter->where);
    }

  return copy;
}

/**
 * tp_customer_filter_free:
 * @filter: (nullable): a filter
 *
 * Frees @filter.
 */
void
tp_customer_filter_free (TpCustomerFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->search_text);
  filter_clear_derived (filter);
  g_free (filter);
}

/**
 * tp_customer_filter_equal:
 * @a: (nullable): a filter
 * @b: (nullable): another
 *
 * Compares what two filters ask for: the search, stage, audience and
 * quiet days. %NULL is the same as an empty filter.
 *
 * Returns: whether they pick the same customers, given the same moment
 */
gboolean
tp_customer_filter_equal (const TpCustomerFilter *a,
                          const TpCustomerFilter *b)
{
  if (a == NULL || b == NULL)
    return tp_customer_filter_is_empty (a) && tp_customer_filter_is_empty (b);

  return g_strcmp0 (a->search_text, b->search_text) == 0 &&
         a->stage == b->stage &&
         a->audience_id == b->audience_id &&
         a->quiet_days == b->quiet_days;
}

/**
 * tp_customer_filter_is_empty:
 * @filter: (nullable): a filter
 *
 * Returns: whether @filter lets every customer through
 */
gboolean
tp_customer_filter_is_empty (const TpCustomerFilter *filter)
{
  return filter == NULL ||
         (filter->search_text == NULL && filter->stage < 0 &&
          filter->audience_id == 0 && filter->quiet_days == 0);
}

/**
 * tp_customer_filter_get_search_text:
 * @filter: a filter
 *
 * Returns: (nullable): the text searched for, never empty
 */
const char *
tp_customer_filter_get_search_text (const TpCustomerFilter *filter)
{
  g_return_val_if_fail (filter != NULL, NULL);

  return filter->search_text;
}

/**
 * tp_customer_filter_get_stage:
 * @filter: a filter
 *
 * Returns: the #TpStage the filter keeps, or -1 for all
 */
int
tp_customer_filter_get_stage (const TpCustomerFilter *filter)
{
  g_return_val_if_fail (filter != NULL, -1);

  return filter->stage;
}

/**
 * tp_customer_filter_get_audience:
 * @filter: a filter
 *
 * Returns: the id of the audience the filter keeps, or 0 for all
 */
gint64
tp_customer_filter_get_audience (const TpCustomerFilter *filter)
{
  g_return_val_if_fail (filter != NULL, 0);

  return filter->audience_id;
}

/**
 * tp_customer_filter_get_quiet_days:
 * @filter: a filter
 *
 * Returns: the days without a touch the filter asks for, or 0 for all
 */
guint
tp_customer_filter_get_quiet_days (const TpCustomerFilter *filter)
{
  g_return_val_if_fail (filter != NULL, 0);

  return filter->quiet_days;
}

/**
 * tp_customer_filter_get_where:
 * @filter: a filter
 *
 * Gets the filter as an SQL condition over the customers table, which the
 * query must name `c` ("FROM customers c"): the condition of the list's own
 * queries. It uses the parameters ?1 to ?4, which
 * tp_customer_filter_bind() binds; the query may use ?5 and up. It holds
 * no user text.
 *
 * Returns: (transfer none): the condition, "1 = 1" for an empty filter
 */
const char *
tp_customer_filter_get_where (const TpCustomerFilter *filter)
{
  g_return_val_if_fail (filter != NULL, NULL);

  return filter->where;
}

/**
 * tp_customer_filter_bind:
 * @filter: a filter
 * @stmt: a statement whose SQL holds tp_customer_filter_get_where()
 *
 * Binds the values of the filter's condition to @stmt.
 */
void
tp_customer_filter_bind (const TpCustomerFilter *filter,
                         TpStatement            *stmt)
{
  g_return_if_fail (filter != NULL);
  g_return_if_fail (stmt != NULL);

  tp_statement_bind_text (stmt, PARAM_SEARCH, filter->search_pattern);
  if (filter->stage >= 0)
    tp_statement_bind_text (stmt, PARAM_STAGE, tp_enum_to_nick (TP_TYPE_STAGE, filter->stage));
  else
    tp_statement_bind_null (stmt, PARAM_STAGE);
  tp_statement_bind_int64 (stmt, PARAM_AUDIENCE, filter->audience_id);
  tp_statement_bind_text (stmt, PARAM_QUIET_SINCE, filter->quiet_since);
}

/**
 * tp_customer_filter_matches:
 * @filter: a filter
 * @db: the database
 * @id: a customer id
 * @error: return location for an error
 *
 * Checks one customer against the filter, for example after the customer
 * changed. It reads one row.
 *
 * Returns: whether the customer exists and passes the filter; %FALSE with
 *   @error set on failure
 */
gboolean
tp_customer_filter_matches (const TpCustomerFilter  *filter,
                            TpDatabase              *db,
                            gint64                   id,
                            GError                 **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;
  gboolean matches = FALSE;

  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (TP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sql = g_strdup_printf ("SELECT (%s) FROM customers c WHERE c.id = ?5", filter->where);
  stmt = tp_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  tp_customer_filter_bind (filter, stmt);
  tp_statement_bind_int64 (stmt, PARAM_ID, id);
  if (tp_statement_step (stmt, &local_error))
    matches = tp_statement_get_int64 (stmt, 0) != 0;
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return matches;
}
