/* tp-chart-layout.c
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

#define G_LOG_DOMAIN "tp-chart-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tp-chart-layout.h"

/*
 * The touches chart in two steps (STYLE.md §7):
 *
 * TpChartData holds the input as plain arrays and everything that only changes
 * with the data: the customers in each sort order (sorted once, then kept in
 * order by tp_chart_data_update_item()), the band counts, the histogram and
 * its median, the channels in order. It costs O(n log n) when the data changes.
 *
 * TpChartLayout is one frame: from the prepared data, a size, a scroll offset
 * and the focus it computes in pixels where every bar, tick, label, the band
 * and the legend go, and the hit area of each bar. Its cost grows with the
 * number of visible bars only, so it can run on every frame of a scroll.
 * tp_chart_paint() (tp-chart-paint.c) draws it on any cairo_t.
 */

#define PADDING            12.0
#define GAP                8.0
#define NAME_MAX_WIDTH     110.0
#define MIN_PITCH          22.0
#define MAX_PITCH          64.0
#define BAR_RATIO          0.64
#define HISTOGRAM_RATIO    0.8
#define TICK_SPACING       48.0
#define CHANNEL_LABEL_MAX  160.0
#define CHANNEL_ROW_MAX    36.0
#define MIN_BAR_HEIGHT     2.0
#define COS45              0.70710678118654752

/* Enum types */

GType
tp_chart_mode_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { TP_CHART_MODE_TOUCHES, "TP_CHART_MODE_TOUCHES", "touches" },
        { TP_CHART_MODE_BEFORE_PURCHASE, "TP_CHART_MODE_BEFORE_PURCHASE", "before-purchase" },
        { TP_CHART_MODE_CHANNELS, "TP_CHART_MODE_CHANNELS", "channels" },
        { 0, NULL, NULL }
      };

      g_once_init_leave (&type, g_enum_register_static ("TpChartMode", values));
    }

  return type;
}

GType
tp_chart_sort_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { TP_CHART_SORT_TOUCHES, "TP_CHART_SORT_TOUCHES", "touches" },
        { TP_CHART_SORT_NAME, "TP_CHART_SORT_NAME", "name" },
        { TP_CHART_SORT_LAST_TOUCH, "TP_CHART_SORT_LAST_TOUCH", "last-touch" },
        { 0, NULL, NULL }
      };

      g_once_init_leave (&type, g_enum_register_static ("TpChartSort", values));
    }

  return type;
}

/* TpChartData */

#define N_SORTS (TP_CHART_SORT_LAST_TOUCH + 1)

typedef struct
{
  TpChartItem  item;     /* item.name points at name */
  char        *name;
  char        *collate;  /* built with the name order */
} Entry;

struct _TpChartData
{
  gatomicrefcount  ref_count;
  guint            generation;

  TpChartBand      band;

  GArray          *entries;           /* Entry */
  GHashTable      *index_by_id;       /* gint64 id → entry index + 1 */
  guint           *order[N_SORTS];    /* position → entry index, built lazily */
  guint           *inverse[N_SORTS];  /* entry index → position */
  guint            max_touches;
  guint            n_bought;
  guint            under;
  guint            inside;
  guint            over;

  guint           *histogram;
  guint            n_histogram;
  guint            n_first_purchases;

  GArray          *channels;          /* TpChartChannelCount, most touches first */
  guint            channel_total;
};

G_DEFINE_BOXED_TYPE (TpChartData, tp_chart_data, tp_chart_data_ref, tp_chart_data_unref)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->name, g_free);
  g_clear_pointer (&entry->collate, g_free);
}

static void
drop_orders (TpChartData *self)
{
  for (guint i = 0; i < N_SORTS; i++)
    {
      g_clear_pointer (&self->order[i], g_free);
      g_clear_pointer (&self->inverse[i], g_free);
    }
}

/**
 * tp_chart_data_new:
 *
 * Creates empty chart data with the default band of 5–12 touches.
 *
 * Returns: (transfer full): the new data
 */
TpChartData *
tp_chart_data_new (void)
{
  TpChartData *self = g_new0 (TpChartData, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->band.low = 5;
  self->band.high = 12;
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->index_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->channels = g_array_new (FALSE, FALSE, sizeof (TpChartChannelCount));

  return self;
}

TpChartData *
tp_chart_data_ref (TpChartData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
tp_chart_data_unref (TpChartData *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  drop_orders (self);
  g_hash_table_unref (self->index_by_id);
  g_array_unref (self->entries);
  g_array_unref (self->channels);
  g_free (self->histogram);
  g_free (self);
}

static int
band_side (const TpChartBand *band,
           guint              touches)
{
  if (touches < band->low)
    return -1;
  if (touches > band->high)
    return 1;
  return 0;
}

static void
count_entry (TpChartData *self,
             const Entry *entry,
             int          sign)
{
  int side = band_side (&self->band, entry->item.touches);

  if (entry->item.bought)
    self->n_bought += sign;
  if (side < 0)
    self->under += sign;
  else if (side > 0)
    self->over += sign;
  else
    self->inside += sign;
}

static void
recount (TpChartData *self)
{
  self->n_bought = self->under = self->inside = self->over = 0;
  self->max_touches = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      count_entry (self, entry, 1);
      self->max_touches = MAX (self->max_touches, entry->item.touches);
    }
}

/**
 * tp_chart_data_set_band:
 * @self: the data
 * @low: the fewest recommended touches
 * @high: the most recommended touches, at least @low
 *
 * Sets the band that the chart shades, usually 5–12 touches.
 */
void
tp_chart_data_set_band (TpChartData *self,
                        guint        low,
                        guint        high)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (low <= high);

  if (self->band.low == low && self->band.high == high)
    return;

  self->band.low = low;
  self->band.high = high;
  self->generation++;
  recount (self);
}

TpChartBand
tp_chart_data_get_band (TpChartData *self)
{
  TpChartBand none = { 0, 0 };

  g_return_val_if_fail (self != NULL, none);

  return self->band;
}

static void
entry_set (Entry             *entry,
           const TpChartItem *item)
{
  const char *name = item->name != NULL ? item->name : "";

  if (entry->name == NULL || strcmp (entry->name, name) != 0)
    {
      g_free (entry->name);
      entry->name = g_strdup (name);
      g_clear_pointer (&entry->collate, g_free);
    }

  entry->item = *item;
  entry->item.name = entry->name;
}

/**
 * tp_chart_data_set_items:
 * @self: the data
 * @items: (array length=n_items): the customers, in any order
 * @n_items: the number of @items
 *
 * Replaces the customers. The names are copied. Sorting happens once per sort
 * order, when a layout first needs it.
 */
void
tp_chart_data_set_items (TpChartData       *self,
                         const TpChartItem *items,
                         gsize              n_items)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (items != NULL || n_items == 0);
  g_return_if_fail (n_items <= G_MAXUINT / 2);

  drop_orders (self);
  g_hash_table_remove_all (self->index_by_id);
  g_array_set_size (self->entries, 0);
  g_array_set_size (self->entries, n_items);
  /* An empty array may have no data at all, which memset() must not get */
  if (n_items > 0)
    memset (self->entries->data, 0, n_items * sizeof (Entry));

  for (gsize i = 0; i < n_items; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      entry_set (entry, &items[i]);
      g_hash_table_insert (self->index_by_id, &entry->item.customer_id, GUINT_TO_POINTER (i + 1));
    }

  self->generation++;
  recount (self);
}

static int
compare_entries (const Entry *a,
                 const Entry *b,
                 TpChartSort  sort)
{
  switch (sort)
    {
    case TP_CHART_SORT_TOUCHES:
      if (a->item.touches != b->item.touches)
        return a->item.touches > b->item.touches ? -1 : 1;
      break;

    case TP_CHART_SORT_NAME:
      {
        int cmp = strcmp (a->collate, b->collate);

        if (cmp != 0)
          return cmp;
      }
      break;

    case TP_CHART_SORT_LAST_TOUCH:
      if (a->item.last_touch_unix != b->item.last_touch_unix)
        return a->item.last_touch_unix > b->item.last_touch_unix ? -1 : 1;
      break;

    default:
      g_assert_not_reached ();
    }

  if (a->item.customer_id != b->item.customer_id)
    return a->item.customer_id < b->item.customer_id ? -1 : 1;

  return 0;
}

typedef struct
{
  const Entry *entries;
  TpChartSort  sort;
} SortContext;

static int
compare_indices_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const SortContext *ctx = user_data;

  return compare_entries (&ctx->entries[*(const guint *) a],
                          &ctx->entries[*(const guint *) b],
                          ctx->sort);
}

static void
ensure_collate_key (Entry *entry)
{
  if (entry->collate == NULL)
    entry->collate = g_utf8_collate_key (entry->name, -1);
}

static void
ensure_order (TpChartData *self,
              TpChartSort  sort)
{
  guint n = self->entries->len;
  SortContext ctx = { (const Entry *) (gpointer) self->entries->data, sort };
  guint *order;
  guint *inverse;

  if (self->order[sort] != NULL)
    return;

  if (sort == TP_CHART_SORT_NAME)
    {
      for (guint i = 0; i < n; i++)
        ensure_collate_key (&g_array_index (self->entries, Entry, i));
    }

  order = g_new (guint, MAX (n, 1));
  inverse = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;

  g_qsort_with_data (order, n, sizeof (guint), compare_indices_cb, &ctx);

  for (guint i = 0; i < n; i++)
    inverse[order[i]] = i;

  self->order[sort] = order;
  self->inverse[sort] = inverse;
}

/* Moves entry @index to its new place in an order that was sorted before the
 * entry changed: O(distance moved), no re-sort. */
static void
reposition (TpChartData *self,
            TpChartSort  sort,
            guint        index,
            gboolean     is_new)
{
  const Entry *entries = (const Entry *) (gpointer) self->entries->data;
  guint *order = self->order[sort];
  guint *inverse = self->inverse[sort];
  guint n = self->entries->len;
  guint pos, lo, hi, target;

  if (is_new)
    {
      pos = n - 1;
      order[pos] = index;
    }
  else
    {
      pos = inverse[index];
    }

  /* Take the entry out, then find where it goes among the others. */
  memmove (&order[pos], &order[pos + 1], (n - 1 - pos) * sizeof (guint));

  lo = 0;
  hi = n - 1;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_entries (&entries[order[mid]], &entries[index], sort) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  target = lo;

  memmove (&order[target + 1], &order[target], (n - 1 - target) * sizeof (guint));
  order[target] = index;

  for (guint i = MIN (pos, target); i <= MAX (pos, target) && i < n; i++)
    inverse[order[i]] = i;
}

/**
 * tp_chart_data_update_item:
 * @self: the data
 * @item: a customer, new or changed
 *
 * Adds the customer, or updates the one with the same id, for example after a
 * touch was logged. The sort orders are kept by moving the one entry, which is
 * much cheaper than tp_chart_data_set_items() on a large business.
 */
void
tp_chart_data_update_item (TpChartData       *self,
                           const TpChartItem *item)
{
  gpointer found;
  Entry *entry;
  guint index;
  guint old_touches = 0;
  gboolean is_new;

  g_return_if_fail (self != NULL);
  g_return_if_fail (item != NULL);

  found = g_hash_table_lookup (self->index_by_id, &item->customer_id);
  is_new = found == NULL;

  if (is_new)
    {
      Entry blank = { { 0 }, NULL, NULL };
      guint *old_data = (guint *) (gpointer) self->entries->data;

      g_array_append_val (self->entries, blank);
      index = self->entries->len - 1;

      /* The array may have moved: the hash keys point into it. */
      if ((guint *) (gpointer) self->entries->data != old_data)
        {
          g_hash_table_remove_all (self->index_by_id);
          for (guint i = 0; i < index; i++)
            {
              Entry *other = &g_array_index (self->entries, Entry, i);

              g_hash_table_insert (self->index_by_id, &other->item.customer_id,
                                   GUINT_TO_POINTER (i + 1));
            }
        }

      for (guint s = 0; s < N_SORTS; s++)
        {
          if (self->order[s] == NULL)
            continue;
          self->order[s] = g_renew (guint, self->order[s], self->entries->len);
          self->inverse[s] = g_renew (guint, self->inverse[s], self->entries->len);
        }
    }
  else
    {
      index = GPOINTER_TO_UINT (found) - 1;
      count_entry (self, &g_array_index (self->entries, Entry, index), -1);
      old_touches = g_array_index (self->entries, Entry, index).item.touches;
    }

  entry = &g_array_index (self->entries, Entry, index);
  entry_set (entry, item);

  if (is_new)
    g_hash_table_insert (self->index_by_id, &entry->item.customer_id, GUINT_TO_POINTER (index + 1));

  count_entry (self, entry, 1);

  if (item->touches >= self->max_touches)
    {
      self->max_touches = item->touches;
    }
  else if (old_touches == self->max_touches)
    {
      self->max_touches = 0;
      for (guint i = 0; i < self->entries->len; i++)
        self->max_touches = MAX (self->max_touches,
                                 g_array_index (self->entries, Entry, i).item.touches);
    }

  for (guint s = 0; s < N_SORTS; s++)
    {
      if (self->order[s] == NULL)
        continue;
      if (s == TP_CHART_SORT_NAME)
        ensure_collate_key (entry);
      reposition (self, s, index, is_new);
    }

  self->generation++;
}

/**
 * tp_chart_data_remove_item:
 * @self: the data
 * @customer_id: a customer's id
 *
 * Removes a customer, for example one that no longer passes the filter the
 * chart follows. Like tp_chart_data_update_item(), it keeps the sort orders
 * without sorting again.
 *
 * Returns: whether the customer was there
 */
gboolean
tp_chart_data_remove_item (TpChartData *self,
                           gint64       customer_id)
{
  gpointer found;
  guint index, last, n;
  guint old_touches;
  Entry *entry;

  g_return_val_if_fail (self != NULL, FALSE);

  found = g_hash_table_lookup (self->index_by_id, &customer_id);
  if (found == NULL)
    return FALSE;

  index = GPOINTER_TO_UINT (found) - 1;
  n = self->entries->len;
  last = n - 1;
  entry = &g_array_index (self->entries, Entry, index);
  old_touches = entry->item.touches;
  count_entry (self, entry, -1);

  /* Take its position out of every order: the later ones move up. */
  for (guint s = 0; s < N_SORTS; s++)
    {
      guint *order = self->order[s];
      guint *inverse = self->inverse[s];
      guint pos;

      if (order == NULL)
        continue;

      pos = inverse[index];
      memmove (&order[pos], &order[pos + 1], (n - 1 - pos) * sizeof (guint));
      for (guint i = pos; i < n - 1; i++)
        inverse[order[i]] = i;
    }

  /* The last entry fills the hole, so that the others keep their index.
   * The hash table's keys point into the entries. */
  g_hash_table_remove (self->index_by_id, &customer_id);
  if (index != last)
    {
      Entry *moved = &g_array_index (self->entries, Entry, last);

      g_hash_table_remove (self->index_by_id, &moved->item.customer_id);
      entry_clear (entry);
      *entry = *moved;
      moved->name = NULL;
      moved->collate = NULL;
      g_hash_table_insert (self->index_by_id, &entry->item.customer_id, GUINT_TO_POINTER (index + 1));

      for (guint s = 0; s < N_SORTS; s++)
        {
          if (self->order[s] == NULL)
            continue;

          self->order[s][self->inverse[s][last]] = index;
          self->inverse[s][index] = self->inverse[s][last];
        }
    }
  g_array_set_size (self->entries, last);

  if (old_touches == self->max_touches)
    {
      self->max_touches = 0;
      for (guint i = 0; i < self->entries->len; i++)
        self->max_touches = MAX (self->max_touches,
                                 g_array_index (self->entries, Entry, i).item.touches);
    }

  self->generation++;

  return TRUE;
}

/**
 * tp_chart_data_prepare:
 * @self: the data
 *
 * Sorts the customers in every order now, names in the user's collation
 * included, instead of when a layout first needs an order. With 100,000
 * customers this takes about a tenth of a second: call it on the worker
 * thread that made the data, before handing it to the main thread (the data
 * is not locked; one thread uses it at a time).
 */
void
tp_chart_data_prepare (TpChartData *self)
{
  g_return_if_fail (self != NULL);

  for (guint s = 0; s < N_SORTS; s++)
    ensure_order (self, s);
}

/**
 * tp_chart_data_is_prepared:
 * @self: the data
 *
 * Returns: whether every sort order is ready, so that no layout sorts
 */
gboolean
tp_chart_data_is_prepared (TpChartData *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint s = 0; s < N_SORTS; s++)
    if (self->order[s] == NULL)
      return FALSE;

  return TRUE;
}

/**
 * tp_chart_data_set_purchase_histogram:
 * @self: the data
 * @counts: (array length=n_counts): @counts[k] is the number of customers whose
 *   first purchase came after exactly k touches
 * @n_counts: the number of @counts
 *
 * Sets the input of the "touches before first purchase" view.
 */
void
tp_chart_data_set_purchase_histogram (TpChartData *self,
                                      const guint *counts,
                                      gsize        n_counts)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (counts != NULL || n_counts == 0);

  g_clear_pointer (&self->histogram, g_free);
  self->n_first_purchases = 0;

  /* Trailing empty buckets carry nothing. */
  while (n_counts > 0 && counts[n_counts - 1] == 0)
    n_counts--;

  self->n_histogram = n_counts;
  self->histogram = g_memdup2 (counts, n_counts * sizeof (guint));

  for (gsize i = 0; i < n_counts; i++)
    self->n_first_purchases += counts[i];

  self->generation++;
}

static int
compare_channels_cb (gconstpointer a,
                     gconstpointer b)
{
  const TpChartChannelCount *ca = a;
  const TpChartChannelCount *cb = b;

  if (ca->touches != cb->touches)
    return ca->touches > cb->touches ? -1 : 1;

  return (int) ca->channel - (int) cb->channel;
}

/**
 * tp_chart_data_set_channels:
 * @self: the data
 * @channels: (array length=n_channels): touches before first purchases per channel
 * @n_channels: the number of @channels
 *
 * Sets the input of the "first-purchase channels" view. Channels without
 * touches are left out; the others are shown with the most touches first.
 */
void
tp_chart_data_set_channels (TpChartData               *self,
                            const TpChartChannelCount *channels,
                            gsize                      n_channels)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (channels != NULL || n_channels == 0);

  g_array_set_size (self->channels, 0);
  self->channel_total = 0;

  for (gsize i = 0; i < n_channels; i++)
    {
      if (channels[i].touches == 0)
        continue;
      if ((guint) channels[i].channel > TP_CHANNEL_OTHER)
        {
          g_critical ("Unknown channel %d", (int) channels[i].channel);
          continue;
        }
      g_array_append_val (self->channels, channels[i]);
      self->channel_total += channels[i].touches;
    }

  g_array_sort (self->channels, compare_channels_cb);
  self->generation++;
}

/**
 * tp_chart_data_get_purchase_histogram:
 * @self: the data
 * @n_counts: (out): the number of counts
 *
 * Gets the input of the "touches before first purchase" view, without its
 * trailing empty buckets.
 *
 * Returns: (array length=n_counts) (transfer none) (nullable): the counts
 */
const guint *
tp_chart_data_get_purchase_histogram (TpChartData *self,
                                      gsize       *n_counts)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_counts != NULL, NULL);

  *n_counts = self->n_histogram;

  return self->histogram;
}

/**
 * tp_chart_data_get_channels:
 * @self: the data
 * @n_channels: (out): the number of channels
 *
 * Gets the input of the "first-purchase channels" view: the channels with
 * touches, most touches first.
 *
 * Returns: (array length=n_channels) (transfer none): the channels
 */
const TpChartChannelCount *
tp_chart_data_get_channels (TpChartData *self,
                            gsize       *n_channels)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_channels != NULL, NULL);

  *n_channels = self->channels->len;

  return (const TpChartChannelCount *) (gpointer) self->channels->data;
}

guint
tp_chart_data_get_n_items (TpChartData *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

/**
 * tp_chart_data_get_item:
 * @self: the data
 * @sort: a sort order
 * @position: a position in that order
 *
 * Returns: (transfer none) (nullable): the customer at @position, or %NULL
 */
const TpChartItem *
tp_chart_data_get_item (TpChartData *self,
                        TpChartSort  sort,
                        guint        position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) sort < N_SORTS, NULL);

  if (position >= self->entries->len)
    return NULL;

  ensure_order (self, sort);

  return &g_array_index (self->entries, Entry, self->order[sort][position]).item;
}

/**
 * tp_chart_data_find_item:
 * @self: the data
 * @sort: a sort order
 * @customer_id: a customer's id
 *
 * Returns: the position of the customer in @sort, or -1
 */
int
tp_chart_data_find_item (TpChartData *self,
                         TpChartSort  sort,
                         gint64       customer_id)
{
  gpointer found;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail ((guint) sort < N_SORTS, -1);

  found = g_hash_table_lookup (self->index_by_id, &customer_id);
  if (found == NULL)
    return -1;

  ensure_order (self, sort);

  return (int) self->inverse[sort][GPOINTER_TO_UINT (found) - 1];
}

/**
 * tp_chart_data_count_band:
 * @self: the data
 * @under: (out) (optional): customers with fewer touches than the band
 * @inside: (out) (optional): customers inside the band
 * @over: (out) (optional): customers with more touches than the band
 *
 * Counts the customers against the band.
 */
void
tp_chart_data_count_band (TpChartData *self,
                          guint       *under,
                          guint       *inside,
                          guint       *over)
{
  g_return_if_fail (self != NULL);

  if (under != NULL)
    *under = self->under;
  if (inside != NULL)
    *inside = self->inside;
  if (over != NULL)
    *over = self->over;
}

guint
tp_chart_data_get_n_first_purchases (TpChartData *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_first_purchases;
}

static guint
histogram_value_at (TpChartData *self,
                    guint        rank)
{
  guint seen = 0;

  for (guint k = 0; k < self->n_histogram; k++)
    {
      seen += self->histogram[k];
      if (seen > rank)
        return k;
    }

  g_assert_not_reached ();
  return 0;
}

/**
 * tp_chart_data_get_purchase_median:
 * @self: the data
 * @median: (out): the median number of touches before a first purchase
 *
 * Returns: %TRUE if any customer bought
 */
gboolean
tp_chart_data_get_purchase_median (TpChartData *self,
                                   double      *median)
{
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (median != NULL, FALSE);

  n = self->n_first_purchases;
  if (n == 0)
    return FALSE;

  if (n % 2 == 1)
    *median = histogram_value_at (self, n / 2);
  else
    *median = (histogram_value_at (self, n / 2 - 1) + histogram_value_at (self, n / 2)) / 2.0;

  return TRUE;
}

/**
 * tp_chart_data_get_purchase_band_percent:
 * @self: the data
 *
 * Returns: the share of first purchases that came after a number of touches
 *   inside the band, in whole percent (rounded), 0 when nobody bought
 */
guint
tp_chart_data_get_purchase_band_percent (TpChartData *self)
{
  guint64 inside = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->n_first_purchases == 0)
    return 0;

  for (guint k = self->band.low; k <= self->band.high && k < self->n_histogram; k++)
    inside += self->histogram[k];

  return (guint) ((inside * 100 + self->n_first_purchases / 2) / self->n_first_purchases);
}

/* Numbers in the user's locale: digit grouping as the locale has it. */
static char *
format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

static char *
format_median (double median)
{
  if (median == floor (median))
    return format_count ((guint64) median);

  return g_strdup_printf ("%.1f", median);
}

static char *
format_band (const TpChartBand *band)
{
  /* Translators: the band of recommended touches, as in "5–12 touches" */
  return g_strdup_printf (ngettext ("%u–%u touch", "%u–%u touches", band->high),
                          band->low, band->high);
}

static char *
describe_touches (TpChartData *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *n = format_count (self->entries->len);
  g_autofree char *under = format_count (self->under);
  g_autofree char *inside = format_count (self->inside);
  g_autofree char *over = format_count (self->over);
  g_autofree char *bought = format_count (self->n_bought);

  if (self->entries->len == 0)
    return g_strdup (_("Touches per customer. There are no customers yet."));

  /* Translators: the description of the chart for screen readers; %s is a number */
  g_string_append_printf (text, ngettext ("Touches per customer, for %s customer.",
                                          "Touches per customer, for %s customers.",
                                          self->entries->len), n);
  g_string_append_c (text, ' ');
  /* Translators: %s is a number of customers, %u the first number of the band */
  g_string_append_printf (text, ngettext ("%s customer has fewer than %u touches.",
                                          "%s customers have fewer than %u touches.",
                                          self->under), under, self->band.low);
  g_string_append_c (text, ' ');
  /* Translators: %s is a number of customers, then the band as in "5–12" */
  g_string_append_printf (text, ngettext ("%s customer is inside the band of %u–%u touches.",
                                          "%s customers are inside the band of %u–%u touches.",
                                          self->inside), inside, self->band.low, self->band.high);
  g_string_append_c (text, ' ');
  /* Translators: %s is a number of customers, %u the last number of the band */
  g_string_append_printf (text, ngettext ("%s customer has more than %u touches.",
                                          "%s customers have more than %u touches.",
                                          self->over), over, self->band.high);
  g_string_append_c (text, ' ');
  /* Translators: %s is a number of customers */
  g_string_append_printf (text, ngettext ("%s customer has bought.",
                                          "%s customers have bought.",
                                          self->n_bought), bought);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
median_sentence (TpChartData *self)
{
  double median = 0;
  g_autofree char *figure = NULL;

  tp_chart_data_get_purchase_median (self, &median);
  figure = format_median (median);

  /* Translators: %s is a number, possibly with a decimal, as in "7.5" */
  return g_strdup_printf (ngettext ("The median is %s touch before the first purchase.",
                                    "The median is %s touches before the first purchase.",
                                    (gulong) ceil (median)), figure);
}

static char *
share_sentence (TpChartData *self)
{
  /* Translators: the summary of the chart, as in "62 % of first purchases came
   * after 5–12 touches"; the first %u is a percentage, %% is a percent sign */
  return g_strdup_printf (ngettext ("%u %% of first purchases came after %u–%u touch.",
                                    "%u %% of first purchases came after %u–%u touches.",
                                    self->band.high),
                          tp_chart_data_get_purchase_band_percent (self),
                          self->band.low, self->band.high);
}

static char *
describe_before_purchase (TpChartData *self)
{
  g_autofree char *n = format_count (self->n_first_purchases);
  g_autofree char *median = NULL;
  g_autofree char *share = NULL;
  g_autofree char *intro = NULL;

  if (self->n_first_purchases == 0)
    return g_strdup (_("Touches before the first purchase. No customer has bought yet."));

  /* Translators: the description of the chart for screen readers; %s is a number */
  intro = g_strdup_printf (ngettext ("Touches before the first purchase, for %s customer who bought.",
                                     "Touches before the first purchase, for %s customers who bought.",
                                     self->n_first_purchases), n);
  median = median_sentence (self);
  share = share_sentence (self);

  return g_strjoin (" ", intro, median, share, NULL);
}

static char *
describe_channels (TpChartData *self)
{
  g_autoptr(GString) text = NULL;

  if (self->channels->len == 0)
    return g_strdup (_("Channels of the touches before a first purchase. No customer has bought yet."));

  text = g_string_new (_("Channels of the touches before a first purchase."));

  for (guint i = 0; i < self->channels->len; i++)
    {
      const TpChartChannelCount *c = &g_array_index (self->channels, TpChartChannelCount, i);
      g_autofree char *figure = format_count (c->touches);

      g_string_append_c (text, ' ');
      /* Translators: a channel and its number of touches, as in "Email: 12 touches." */
      g_string_append_printf (text, ngettext ("%s: %s touch.", "%s: %s touches.", c->touches),
                              tp_channel_get_label (c->channel), figure);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * tp_chart_data_describe:
 * @self: the data
 * @mode: the view
 *
 * Describes what the chart shows in words, for its accessible description:
 * the counts under, inside and over the band, the median, or the channels.
 *
 * Returns: (transfer full): the description
 */
char *
tp_chart_data_describe (TpChartData *self,
                        TpChartMode  mode)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (mode)
    {
    case TP_CHART_MODE_TOUCHES:
      return describe_touches (self);
    case TP_CHART_MODE_BEFORE_PURCHASE:
      return describe_before_purchase (self);
    case TP_CHART_MODE_CHANNELS:
      return describe_channels (self);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* TpChartParams */

/**
 * tp_chart_params_init:
 * @params: (out caller-allocates): the parameters to set
 * @mode: the view
 * @width: the width, in pixels or points
 * @height: the height
 *
 * Sets @params to a chart of @mode sorted by touches, scrolled to the start,
 * without focus or hover, with the default fonts.
 */
void
tp_chart_params_init (TpChartParams *params,
                      TpChartMode    mode,
                      double         width,
                      double         height)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  params->mode = mode;
  params->sort = TP_CHART_SORT_TOUCHES;
  params->width = width;
  params->height = height;
  params->focus = -1;
  params->hover = -1;
}

/* TpChartLayout */

struct _TpChartLayout
{
  gatomicrefcount       ref_count;

  TpChartData          *data;
  guint                 generation;
  TpChartParams         params;

  PangoFontDescription *font;
  PangoFontDescription *small_font;
  PangoFontDescription *bold_font;
  double                small_line;

  gboolean              empty;
  gboolean              horizontal;
  TpChartRect           plot;
  double                axis_max;
  guint                 n_positions;
  double                pitch;
  double                lead;
  double                content_width;
  double                scroll_x;

  gboolean              has_band;
  TpChartRect           band;
  gboolean              has_median;
  double                median_x;
  guint                 histogram_cap;   /* last bucket, holding "cap or more" */
  gboolean              histogram_overflow;

  GArray               *bars;      /* TpChartBar */
  GArray               *ticks;     /* TpChartTick */
  GArray               *labels;    /* TpChartLabel */
  GArray               *legend;    /* TpChartLegendEntry */
};

G_DEFINE_BOXED_TYPE (TpChartLayout, tp_chart_layout, tp_chart_layout_ref, tp_chart_layout_unref)

static void
label_clear (gpointer data)
{
  TpChartLabel *label = data;

  g_clear_object (&label->layout);
}

static PangoContext *
create_default_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *desc;

  /* Metrics independent of the scale, so that exports at 2× look the same. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96.0);
  cairo_font_options_destroy (options);

  desc = pango_font_description_from_string ("Cantarell, Sans 11");
  pango_context_set_font_description (context, desc);
  pango_font_description_free (desc);

  return context;
}

static void
setup_fonts (TpChartLayout *self)
{
  const PangoFontDescription *base = pango_context_get_font_description (self->params.context);
  int size;
  g_autoptr(PangoLayout) probe = NULL;
  PangoRectangle logical;

  self->font = base != NULL ? pango_font_description_copy (base)
                            : pango_font_description_from_string ("Sans 11");

  size = pango_font_description_get_size (self->font);
  if (size <= 0)
    {
      size = 11 * PANGO_SCALE;
      pango_font_description_set_size (self->font, size);
    }

  self->small_font = pango_font_description_copy (self->font);
  if (pango_font_description_get_size_is_absolute (self->font))
    pango_font_description_set_absolute_size (self->small_font, size * 0.82);
  else
    pango_font_description_set_size (self->small_font, (int) (size * 0.82));

  self->bold_font = pango_font_description_copy (self->font);
  pango_font_description_set_weight (self->bold_font, PANGO_WEIGHT_BOLD);

  probe = pango_layout_new (self->params.context);
  pango_layout_set_font_description (probe, self->small_font);
  pango_layout_set_text (probe, "0", -1);
  pango_layout_get_pixel_extents (probe, NULL, &logical);
  self->small_line = logical.height;
}

static PangoLayout *
make_text (TpChartLayout              *self,
           const char                 *text,
           const PangoFontDescription *font,
           double                      max_width,
           double                     *width,
           double                     *height)
{
  PangoLayout *layout = pango_layout_new (self->params.context);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  /* An ellipsizing layout reports its full width; the ink is what counts. */
  if (width != NULL)
    *width = max_width > 0 ? MIN (logical.width, max_width) : logical.width;
  if (height != NULL)
    *height = logical.height;

  return layout;
}

static double
measure_text (TpChartLayout              *self,
              const char                 *text,
              const PangoFontDescription *font)
{
  g_autoptr(PangoLayout) layout = NULL;
  double width;

  layout = make_text (self, text, font, -1, &width, NULL);

  return width;
}

static TpChartLabel *
add_label (TpChartLayout    *self,
           PangoLayout      *layout,  /* transfer full */
           TpChartLabelRole  role,
           guint             index,
           double            x,
           double            y,
           double            angle)
{
  TpChartLabel label = { layout, role, index, x, y, angle, { 0 } };
  PangoRectangle logical;
  double w, h;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  w = logical.width;
  h = logical.height;
  if (pango_layout_get_width (layout) > 0)
    w = MIN (w, pango_layout_get_width (layout) / (double) PANGO_SCALE);

  if (angle == 0)
    {
      label.extents = (TpChartRect) { x, y, w, h };
    }
  else
    {
      double c = cos (angle), s = sin (angle);
      double xs[4] = { 0, w, w, 0 };
      double ys[4] = { 0, 0, h, h };
      double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

      for (guint i = 0; i < 4; i++)
        {
          double px = x + xs[i] * c - ys[i] * s;
          double py = y + xs[i] * s + ys[i] * c;

          min_x = MIN (min_x, px);
          max_x = MAX (max_x, px);
          min_y = MIN (min_y, py);
          max_y = MAX (max_y, py);
        }
      label.extents = (TpChartRect) { min_x, min_y, max_x - min_x, max_y - min_y };
    }

  g_array_append_val (self->labels, label);

  return &g_array_index (self->labels, TpChartLabel, self->labels->len - 1);
}

static void
add_text (TpChartLayout              *self,
          const char                 *text,
          const PangoFontDescription *font,
          TpChartLabelRole            role,
          double                      x,
          double                      y)
{
  add_label (self, make_text (self, text, font, -1, NULL, NULL), role, 0, x, y, 0);
}

/* Chooses the step of the value axis from 1, 2 and 5 times a power of ten, so
 * that about @target ticks span @max, and returns the axis maximum. */
static double
nice_axis (double  max,
           int     target,
           double *step_out)
{
  double raw, magnitude, residual, step;

  max = MAX (max, 1);
  target = MAX (target, 1);
  raw = max / target;
  magnitude = pow (10, floor (log10 (raw)));
  residual = raw / magnitude;

  if (residual <= 1)
    step = 1;
  else if (residual <= 2)
    step = 2;
  else if (residual <= 5)
    step = 5;
  else
    step = 10;

  step = MAX (step * magnitude, 1);
  *step_out = step;

  return ceil (max / step - 1e-9) * step;
}

static double
value_to_y (TpChartLayout *self,
            double         value)
{
  return self->plot.y + self->plot.height - value / self->axis_max * self->plot.height;
}

static double
value_to_x (TpChartLayout *self,
            double         value)
{
  return self->plot.x + value / self->axis_max * self->plot.width;
}

/* The value axis: ticks, grid positions and their labels. Vertical for the
 * column charts (labels right-aligned left of the plot), horizontal for the
 * channel bars (labels centred below it). Returns the widest tick label. */
static double
measure_ticks (TpChartLayout *self,
               double         max,
               double         length,
               GPtrArray     *texts)
{
  double step, widest = 0;
  int target = (int) CLAMP (length / (self->horizontal ? TICK_SPACING * 2 : TICK_SPACING), 2, 8);

  self->axis_max = nice_axis (max, target, &step);

  for (double v = 0; v <= self->axis_max + step / 2; v += step)
    {
      TpChartTick tick = { v, 0 };
      double w;
      PangoLayout *layout;
      char *text = format_count ((guint64) v);

      layout = make_text (self, text, self->small_font, -1, &w, NULL);
      g_free (text);
      widest = MAX (widest, w);
      g_array_append_val (self->ticks, tick);
      g_ptr_array_add (texts, layout);
    }

  return widest;
}

static void
place_ticks (TpChartLayout *self,
             GPtrArray     *texts)
{
  for (guint i = 0; i < self->ticks->len; i++)
    {
      TpChartTick *tick = &g_array_index (self->ticks, TpChartTick, i);
      PangoLayout *layout = g_ptr_array_steal_index (texts, 0);
      PangoRectangle logical;

      pango_layout_get_pixel_extents (layout, NULL, &logical);

      if (self->horizontal)
        {
          tick->position = round (value_to_x (self, tick->value));
          add_label (self, layout, TP_CHART_LABEL_TICK, 0,
                     tick->position - logical.width / 2.0,
                     self->plot.y + self->plot.height + GAP / 2, 0);
        }
      else
        {
          tick->position = round (value_to_y (self, tick->value));
          add_label (self, layout, TP_CHART_LABEL_TICK, 0,
                     self->plot.x - GAP - logical.width,
                     tick->position - logical.height / 2.0, 0);
        }
    }
}

/* The header row: a summary at the left and the legend at the right, or the
 * legend on its own row when both do not fit. Returns the header's height. */
typedef struct
{
  TpChartBarKind  kind;
  const char     *text;
} LegendSpec;

static double
lay_out_header (TpChartLayout    *self,
                const char       *summary,
                const LegendSpec *legend,
                guint             n_legend)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_object_unref);
  double summary_w = 0, summary_h = 0, legend_w = 0, legend_h = 0;
  double available = self->params.width - 2 * PADDING;
  double swatch = round (self->small_line * 0.75);
  double x, y, row_h;
  PangoLayout *summary_layout = NULL;

  if (summary != NULL)
    summary_layout = make_text (self, summary, self->bold_font, available, &summary_w, &summary_h);

  for (guint i = 0; i < n_legend; i++)
    {
      double w, h;

      g_ptr_array_add (texts, make_text (self, legend[i].text, self->small_font, -1, &w, &h));
      legend_w += (i > 0 ? 2 * GAP : 0) + swatch + GAP / 2 + w;
      legend_h = MAX (legend_h, h);
    }

  if (summary_layout != NULL)
    add_label (self, summary_layout, TP_CHART_LABEL_SUMMARY, 0, PADDING, PADDING, 0);

  if (n_legend == 0)
    return summary_h;

  if (summary_layout == NULL || summary_w + 3 * GAP + legend_w <= available)
    {
      row_h = MAX (summary_h, legend_h);
      y = PADDING + (row_h - legend_h) / 2;
      x = summary_layout == NULL ? PADDING : PADDING + available - legend_w;
    }
  else
    {
      y = PADDING + summary_h + GAP / 2;
      row_h = summary_h + GAP / 2 + legend_h;
      x = PADDING;
    }

  for (guint i = 0; i < n_legend; i++)
    {
      PangoLayout *layout = g_ptr_array_steal_index (texts, 0);
      TpChartLegendEntry entry;
      PangoRectangle logical;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      if (i > 0)
        x += 2 * GAP;
      entry.kind = legend[i].kind;
      entry.swatch = (TpChartRect) { round (x), round (y + (legend_h - swatch) / 2), swatch, swatch };
      g_array_append_val (self->legend, entry);
      x += swatch + GAP / 2;
      add_label (self, layout, TP_CHART_LABEL_LEGEND, i, round (x), round (y), 0);
      x += logical.width;
    }

  return row_h;
}

static void
lay_out_empty (TpChartLayout *self,
               const char    *title,
               const char    *detail)
{
  g_autoptr(PangoFontDescription) title_font = pango_font_description_copy (self->bold_font);
  double w, h, detail_h, max_w = MAX (self->params.width - 4 * PADDING, 1);
  PangoLayout *title_layout, *detail_layout;
  double top;

  pango_font_description_set_size (title_font, pango_font_description_get_size (self->font) * 1.4);

  self->empty = TRUE;
  self->plot = (TpChartRect) { 0, 0, self->params.width, self->params.height };

  title_layout = make_text (self, title, title_font, max_w, &w, &h);
  detail_layout = pango_layout_new (self->params.context);
  pango_layout_set_font_description (detail_layout, self->font);
  pango_layout_set_width (detail_layout, (int) (max_w * PANGO_SCALE));
  pango_layout_set_wrap (detail_layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (detail_layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (detail_layout, detail, -1);

  {
    PangoRectangle logical;

    pango_layout_get_pixel_extents (detail_layout, NULL, &logical);
    detail_h = logical.height;
  }

  top = round ((self->params.height - h - GAP - detail_h) / 2);
  add_label (self, title_layout, TP_CHART_LABEL_EMPTY_TITLE, 0,
             round ((self->params.width - w) / 2), top, 0);
  /* A centred, wrapped layout spans its whole width: place that width. */
  add_label (self, detail_layout, TP_CHART_LABEL_EMPTY_DETAIL, 0,
             round ((self->params.width - max_w) / 2), top + h + GAP, 0);
}

static const char *
item_name (const TpChartItem *item)
{
  return item->name[0] != '\0' ? item->name : _("Unnamed customer");
}

/* Where the right end of a name label sits under its bar, and the label's top
 * left corner once turned by -45°, text reading up towards the bar. */
static void
name_origin (double  anchor_x,
             double  anchor_y,
             double  w,
             double  h,
             double *x,
             double *y)
{
  *x = anchor_x - COS45 * (w + h / 2);
  *y = anchor_y + COS45 * (w - h / 2);
}

static void
lay_out_touches (TpChartLayout *self)
{
  TpChartData *data = self->data;
  TpChartBand band = data->band;
  g_autoptr(GPtrArray) tick_texts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *band_text = format_band (&band);
  g_autofree char *total = NULL;
  g_autofree char *inside = NULL;
  g_autofree char *summary = NULL;
  PangoLayout *band_layout;
  double header_h, band_w, band_h, tick_w, names_h, name_w, right, scroll, max_scroll;
  double overhang, bar_w;
  guint n = data->entries->len;
  guint first, last, extra;
  const LegendSpec legend[] = {
    { TP_CHART_BAR_BOUGHT, C_("chart legend", "Bought") },
    { TP_CHART_BAR_NOT_BOUGHT, C_("chart legend", "Not yet bought") },
  };

  if (n == 0)
    {
      g_autofree char *detail = NULL;

      /* Translators: the text of the empty chart; the %u are the band's ends, as in 5 and 12 */
      detail = g_strdup_printf (ngettext ("Each customer’s touches show here against the band of %u to %u touch.",
                                          "Each customer’s touches show here against the band of %u to %u touches.",
                                          band.high),
                                band.low, band.high);
      lay_out_empty (self, _("No Customers Yet"), detail);
      return;
    }

  ensure_order (data, self->params.sort);

  total = format_count (n);
  inside = format_count (data->inside);
  /* Translators: the chart's summary, as in "20 of 40 customers are within 5–12
   * touches"; the %s are numbers, %u the ends of the band */
  summary = g_strdup_printf (ngettext ("%s of %s customer is within %u–%u touches.",
                                       "%s of %s customers are within %u–%u touches.", n),
                             inside, total, band.low, band.high);
  header_h = lay_out_header (self, summary, legend, G_N_ELEMENTS (legend));

  /* The name labels hang below the plot at -45°, ellipsized; on a short chart
   * they get shorter. */
  name_w = CLAMP (self->params.height * 0.3 / COS45 - self->small_line, 40, NAME_MAX_WIDTH);
  names_h = ceil (COS45 * (name_w + self->small_line)) + GAP;

  self->plot.y = PADDING + header_h + GAP + self->small_line + GAP;
  self->plot.height = MAX (self->params.height - PADDING - names_h - self->plot.y, 1);

  tick_w = measure_ticks (self, MAX (data->max_touches, band.high + 1), self->plot.height, tick_texts);

  band_layout = make_text (self, band_text, self->small_font, -1, &band_w, &band_h);
  right = self->params.width - PADDING - band_w - GAP;

  self->plot.x = PADDING + tick_w + GAP;
  self->plot.width = MAX (right - self->plot.x, 1);
  place_ticks (self, tick_texts);

  /* Title of the value axis, above its labels. */
  add_text (self, C_("chart axis", "Touches"), self->small_font, TP_CHART_LABEL_AXIS_TITLE,
            PADDING, self->plot.y - GAP - self->small_line);

  /* The band: across the plot, its label in the right margin. */
  self->has_band = TRUE;
  {
    double top = round (value_to_y (self, MIN (band.high, self->axis_max)));
    double bottom = round (value_to_y (self, MIN (band.low, self->axis_max)));
    double label_y = (top + bottom - band_h) / 2;

    self->band = (TpChartRect) { self->plot.x, top, self->plot.width, bottom - top };
    label_y = CLAMP (label_y, self->plot.y - band_h / 2, self->plot.y + self->plot.height - band_h / 2);
    add_label (self, band_layout, TP_CHART_LABEL_BAND, 0, right + GAP, round (label_y), 0);
  }

  /* Columns: as wide as fits between MIN_PITCH and MAX_PITCH, scrolling when
   * they do not all fit. */
  self->n_positions = n;
  self->pitch = CLAMP (floor (self->plot.width / n), MIN_PITCH, MAX_PITCH);
  bar_w = MAX (round (self->pitch * BAR_RATIO), 1);
  overhang = COS45 * (name_w + self->small_line);

  /* A lead-in so that the first names do not run out of the plot at the left. */
  self->lead = 0;
  for (guint i = 0; i < n && i * self->pitch < overhang; i++)
    {
      const TpChartItem *item = tp_chart_data_get_item (data, self->params.sort, i);
      g_autoptr(PangoLayout) probe = NULL;
      double w, h;

      probe = make_text (self, item_name (item), self->small_font, name_w, &w, &h);
      self->lead = MAX (self->lead, COS45 * (w + h / 2) + GAP / 2 - (i + 0.5) * self->pitch);
    }
  self->lead = ceil (self->lead);

  self->content_width = self->lead + n * self->pitch;
  max_scroll = MAX (self->content_width - self->plot.width, 0);
  scroll = CLAMP (round (self->params.scroll_x), 0, max_scroll);
  self->scroll_x = scroll;

  /* Only the visible columns, and the few to the right whose names reach back
   * into view. */
  first = (guint) CLAMP (floor ((scroll - self->lead) / self->pitch), 0, n - 1);
  last = (guint) CLAMP (floor ((scroll + self->plot.width - self->lead) / self->pitch), 0, n - 1);
  extra = (guint) ceil (overhang / self->pitch);
  last = MIN (n - 1, last + extra);

  for (guint i = first; i <= last; i++)
    {
      const TpChartItem *item = tp_chart_data_get_item (data, self->params.sort, i);
      double column_x = self->plot.x + self->lead + i * self->pitch - scroll;
      double x = round (column_x + (self->pitch - bar_w) / 2);
      double top = round (value_to_y (self, item->touches));
      double bottom = self->plot.y + self->plot.height;
      double hit_x0 = MAX (column_x, self->plot.x);
      double hit_x1 = MIN (column_x + self->pitch, self->plot.x + self->plot.width);
      TpChartBar bar = { { 0 } };
      PangoLayout *name;
      double w, h, lx, ly;

      bar.rect = (TpChartRect) { x, MIN (top, bottom - MIN_BAR_HEIGHT), bar_w, MAX (bottom - top, MIN_BAR_HEIGHT) };
      bar.hit = (TpChartRect) { hit_x0, self->plot.y, MAX (hit_x1 - hit_x0, 0), self->plot.height + names_h };
      bar.kind = item->bought ? TP_CHART_BAR_BOUGHT : TP_CHART_BAR_NOT_BOUGHT;
      bar.position = i;
      bar.customer_id = item->customer_id;
      bar.value = item->touches;
      if (x + bar_w > self->plot.x && x < self->plot.x + self->plot.width)
        bar.flags |= TP_CHART_BAR_VISIBLE;
      if ((int) i == self->params.focus)
        bar.flags |= TP_CHART_BAR_FOCUSED;
      if ((int) i == self->params.hover)
        bar.flags |= TP_CHART_BAR_HOVERED;
      g_array_append_val (self->bars, bar);

      name = make_text (self, item_name (item), self->small_font, name_w, &w, &h);
      name_origin (x + bar_w / 2.0, bottom + GAP / 2 + COS45 * h / 2, w, h, &lx, &ly);
      add_label (self, name, TP_CHART_LABEL_ITEM, self->bars->len - 1, lx, ly, -G_PI / 4);
    }
}

static void
lay_out_before_purchase (TpChartLayout *self)
{
  TpChartData *data = self->data;
  TpChartBand band = data->band;
  g_autoptr(GPtrArray) tick_texts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *band_text = format_band (&band);
  g_autofree char *summary = NULL;
  g_autofree char *median_text = NULL;
  g_autofree char *median_figure = NULL;
  double header_h, tick_w, bar_w, bottom, label_every_w = 0, median = 0;
  guint max_count = 0, label_every = 1;
  guint n;
  LegendSpec legend[2];

  if (data->n_first_purchases == 0)
    {
      lay_out_empty (self, _("No First Purchases Yet"),
                     _("When customers buy, the touches that came before their first purchase show here."));
      return;
    }

  /* Buckets 0…cap; the last one holds "cap or more" when some customers needed
   * many more touches, so that one outlier does not squash the chart. */
  self->histogram_cap = MAX (band.high * 2, 20);
  if (data->n_histogram - 1 > self->histogram_cap)
    {
      self->histogram_overflow = TRUE;
      n = self->histogram_cap + 1;
    }
  else
    {
      n = MAX (data->n_histogram, band.high + 3);
      self->histogram_cap = n - 1;
    }
  self->n_positions = n;

  for (guint k = 0; k < n; k++)
    {
      guint count = 0;

      if (k < self->histogram_cap || !self->histogram_overflow)
        count = k < data->n_histogram ? data->histogram[k] : 0;
      else
        for (guint j = k; j < data->n_histogram; j++)
          count += data->histogram[j];
      max_count = MAX (max_count, count);
    }

  tp_chart_data_get_purchase_median (data, &median);
  median_figure = format_median (median);
  summary = share_sentence (data);
  /* Translators: a legend entry; %s is a number, possibly with a decimal */
  median_text = g_strdup_printf (ngettext ("Median: %s touch", "Median: %s touches",
                                           (gulong) ceil (median)), median_figure);
  legend[0] = (LegendSpec) { TP_CHART_BAR_BAND, band_text };
  legend[1] = (LegendSpec) { TP_CHART_BAR_MEDIAN, median_text };
  header_h = lay_out_header (self, summary, legend, G_N_ELEMENTS (legend));

  /* Rows from the bottom: x-axis title, bucket labels; above the plot a row
   * with the value-axis title. */
  bottom = self->params.height - PADDING - self->small_line - GAP / 2 - self->small_line - GAP / 2;
  self->plot.y = PADDING + header_h + GAP + self->small_line + GAP;
  self->plot.height = MAX (bottom - self->plot.y, 1);

  tick_w = measure_ticks (self, max_count, self->plot.height, tick_texts);
  self->plot.x = PADDING + tick_w + GAP;
  self->plot.width = MAX (self->params.width - PADDING - self->plot.x, 1);
  place_ticks (self, tick_texts);

  add_text (self, C_("chart axis", "Customers"), self->small_font, TP_CHART_LABEL_AXIS_TITLE,
            PADDING, self->plot.y - GAP - self->small_line);
  {
    double w;
    PangoLayout *title = make_text (self, _("Touches before the first purchase"), self->small_font,
                                    self->plot.width, &w, NULL);

    add_label (self, title, TP_CHART_LABEL_AXIS_TITLE, 0,
               round (self->plot.x + (self->plot.width - w) / 2),
               self->params.height - PADDING - self->small_line, 0);
  }

  self->pitch = self->plot.width / n;
  self->content_width = self->plot.width;
  bar_w = MAX (floor (self->pitch * HISTOGRAM_RATIO), 1);

  /* Label every bucket, or every 2nd, 5th, 10th… when they would crowd. */
  {
    g_autofree char *widest = g_strdup_printf ("%u+", self->histogram_cap);
    const guint steps[] = { 1, 2, 5, 10, 20, 50, 100 };

    label_every_w = measure_text (self, widest, self->small_font);
    for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
      {
        label_every = steps[s];
        if (self->pitch * label_every >= label_every_w + GAP)
          break;
      }
  }

  for (guint k = 0; k < n; k++)
    {
      double column_x = self->plot.x + k * self->pitch;
      double x = round (column_x + (self->pitch - bar_w) / 2);
      double plot_bottom = self->plot.y + self->plot.height;
      gboolean overflow = self->histogram_overflow && k == self->histogram_cap;
      guint count = 0;
      TpChartBar bar = { { 0 } };
      double top;

      if (!overflow)
        count = k < data->n_histogram ? data->histogram[k] : 0;
      else
        for (guint j = k; j < data->n_histogram; j++)
          count += data->histogram[j];

      top = round (value_to_y (self, count));
      bar.rect = (TpChartRect) { x, top, bar_w, plot_bottom - top };
      bar.hit = (TpChartRect) { column_x, self->plot.y, self->pitch,
                                self->plot.height + GAP / 2 + self->small_line };
      bar.kind = k >= band.low && k <= band.high ? TP_CHART_BAR_IN_BAND : TP_CHART_BAR_OUT_OF_BAND;
      bar.flags = TP_CHART_BAR_VISIBLE;
      if ((int) k == self->params.focus)
        bar.flags |= TP_CHART_BAR_FOCUSED;
      if ((int) k == self->params.hover)
        bar.flags |= TP_CHART_BAR_HOVERED;
      bar.position = k;
      bar.value = count;
      g_array_append_val (self->bars, bar);

      if (k % label_every == 0 || overflow)
        {
          g_autofree char *text = NULL;
          PangoLayout *label;
          double w;

          if (overflow)
            /* Translators: the last bucket of the histogram, as in "24+" touches */
            text = g_strdup_printf (C_("chart bucket", "%u+"), k);
          else
            text = format_count (k);

          label = make_text (self, text, self->small_font, -1, &w, NULL);
          add_label (self, label, TP_CHART_LABEL_ITEM, self->bars->len - 1,
                     round (x + (bar_w - w) / 2), plot_bottom + GAP / 2, 0);
        }
    }

  /* The band spans the buckets low…high; the median line sits in the middle of
   * its bucket (between two when the median falls between them). */
  if (band.low < n)
    {
      double x0 = round (self->plot.x + band.low * self->pitch);
      double x1 = round (self->plot.x + MIN (band.high + 1, n) * self->pitch);

      self->has_band = TRUE;
      self->band = (TpChartRect) { x0, self->plot.y, x1 - x0, self->plot.height };
    }

  self->has_median = TRUE;
  self->median_x = round (self->plot.x + (MIN (median, self->histogram_cap) + 0.5) * self->pitch) + 0.5;
}

static void
lay_out_channels (TpChartLayout *self)
{
  TpChartData *data = self->data;
  g_autoptr(GPtrArray) tick_texts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *widest_value = NULL;
  double header_h, label_col = 0, value_w, row_h, bar_h, top, bottom;
  guint n = data->channels->len;
  guint max_value;

  if (n == 0)
    {
      lay_out_empty (self, _("No First Purchases Yet"),
                     _("When customers buy, the channels of the touches that came first show here."));
      return;
    }

  self->horizontal = TRUE;
  self->n_positions = n;
  max_value = g_array_index (data->channels, TpChartChannelCount, 0).touches;

  header_h = lay_out_header (self, _("Touches before a first purchase, by channel"), NULL, 0);

  for (guint i = 0; i < n; i++)
    {
      const TpChartChannelCount *c = &g_array_index (data->channels, TpChartChannelCount, i);
      double w;

      g_ptr_array_add (names, make_text (self, tp_channel_get_label (c->channel), self->small_font,
                                         CHANNEL_LABEL_MAX, &w, NULL));
      label_col = MAX (label_col, w);
    }

  widest_value = format_count (max_value);
  value_w = measure_text (self, widest_value, self->small_font);

  top = PADDING + header_h + 2 * GAP;
  bottom = self->params.height - PADDING - self->small_line - GAP / 2 - self->small_line - GAP / 2;
  row_h = CLAMP (floor ((bottom - top) / n), 1, CHANNEL_ROW_MAX);
  bar_h = MAX (round (row_h * 0.6), 1);

  self->plot.x = PADDING + label_col + GAP;
  self->plot.y = top;
  self->plot.width = MAX (self->params.width - PADDING - value_w - GAP - self->plot.x, 1);
  self->plot.height = row_h * n;
  self->pitch = row_h;
  self->content_width = self->plot.width;

  measure_ticks (self, max_value, self->plot.width, tick_texts);
  place_ticks (self, tick_texts);

  {
    double w;
    PangoLayout *title = make_text (self, C_("chart axis", "Touches"), self->small_font, -1, &w, NULL);

    add_label (self, title, TP_CHART_LABEL_AXIS_TITLE, 0,
               round (self->plot.x + (self->plot.width - w) / 2),
               self->plot.y + self->plot.height + GAP / 2 + self->small_line + GAP / 2, 0);
  }

  for (guint i = 0; i < n; i++)
    {
      const TpChartChannelCount *c = &g_array_index (data->channels, TpChartChannelCount, i);
      double row_y = self->plot.y + i * row_h;
      double y = round (row_y + (row_h - bar_h) / 2);
      double right = round (value_to_x (self, c->touches));
      TpChartBar bar = { { 0 } };
      PangoLayout *label = g_ptr_array_steal_index (names, 0);
      g_autofree char *figure = format_count (c->touches);
      double w, h;

      bar.rect = (TpChartRect) { self->plot.x, y, MAX (right - self->plot.x, MIN_BAR_HEIGHT), bar_h };
      bar.hit = (TpChartRect) { PADDING, row_y, MAX (self->params.width - 2 * PADDING, 0), row_h };
      bar.kind = TP_CHART_BAR_CHANNEL;
      bar.flags = TP_CHART_BAR_VISIBLE;
      if ((int) i == self->params.focus)
        bar.flags |= TP_CHART_BAR_FOCUSED;
      if ((int) i == self->params.hover)
        bar.flags |= TP_CHART_BAR_HOVERED;
      bar.position = i;
      bar.value = c->touches;
      g_array_append_val (self->bars, bar);

      {
        PangoRectangle logical;

        pango_layout_get_pixel_extents (label, NULL, &logical);
        w = MIN (logical.width, CHANNEL_LABEL_MAX);
        h = logical.height;
      }
      add_label (self, label, TP_CHART_LABEL_ITEM, i,
                 self->plot.x - GAP - w, round (row_y + (row_h - h) / 2), 0);

      label = make_text (self, figure, self->small_font, -1, &w, &h);
      add_label (self, label, TP_CHART_LABEL_VALUE, i,
                 bar.rect.x + bar.rect.width + GAP / 2, round (row_y + (row_h - h) / 2), 0);
    }
}

/**
 * tp_chart_layout_new:
 * @data: the prepared data
 * @params: what to lay out
 *
 * Lays out one frame of the chart. The work grows with the number of bars
 * that are visible, not with the number of customers. The layout keeps a
 * reference on @data; lay out again whenever @data changes.
 *
 * Returns: (transfer full): the layout
 */
TpChartLayout *
tp_chart_layout_new (TpChartData         *data,
                     const TpChartParams *params)
{
  TpChartLayout *self;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail ((guint) params->sort < N_SORTS, NULL);

  self = g_new0 (TpChartLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->data = tp_chart_data_ref (data);
  self->generation = data->generation;
  self->params = *params;
  self->params.width = MAX (params->width, 1);
  self->params.height = MAX (params->height, 1);
  self->params.context = params->context != NULL ? g_object_ref (params->context)
                                                 : create_default_context ();
  self->axis_max = 1;
  self->bars = g_array_new (FALSE, FALSE, sizeof (TpChartBar));
  self->ticks = g_array_new (FALSE, FALSE, sizeof (TpChartTick));
  self->labels = g_array_new (FALSE, FALSE, sizeof (TpChartLabel));
  g_array_set_clear_func (self->labels, label_clear);
  self->legend = g_array_new (FALSE, FALSE, sizeof (TpChartLegendEntry));

  setup_fonts (self);

  switch (params->mode)
    {
    case TP_CHART_MODE_TOUCHES:
      lay_out_touches (self);
      break;
    case TP_CHART_MODE_BEFORE_PURCHASE:
      lay_out_before_purchase (self);
      break;
    case TP_CHART_MODE_CHANNELS:
      lay_out_channels (self);
      break;
    default:
      g_critical ("Unknown chart mode %d", (int) params->mode);
      lay_out_empty (self, "", "");
      break;
    }

  return self;
}

TpChartLayout *
tp_chart_layout_ref (TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
tp_chart_layout_unref (TpChartLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->bars);
  g_array_unref (self->ticks);
  g_array_unref (self->labels);
  g_array_unref (self->legend);
  pango_font_description_free (self->font);
  pango_font_description_free (self->small_font);
  pango_font_description_free (self->bold_font);
  g_object_unref (self->params.context);
  tp_chart_data_unref (self->data);
  g_free (self);
}

/**
 * tp_chart_layout_get_params:
 * @self: a layout
 *
 * Returns: (transfer none): the parameters the layout was made with; the
 *   context is the one it used
 */
const TpChartParams *
tp_chart_layout_get_params (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->params;
}

/**
 * tp_chart_layout_is_empty:
 * @self: a layout
 *
 * Returns: %TRUE if there is nothing to chart: the layout then holds only
 *   the empty-state title and text
 */
gboolean
tp_chart_layout_is_empty (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->empty;
}

/**
 * tp_chart_layout_get_plot_area:
 * @self: a layout
 *
 * Returns: (transfer none): the area of the bars, between the axes
 */
const TpChartRect *
tp_chart_layout_get_plot_area (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->plot;
}

/**
 * tp_chart_layout_is_horizontal:
 * @self: a layout
 *
 * Returns: %TRUE if the bars grow to the right (channels), %FALSE if they grow
 *   upwards
 */
gboolean
tp_chart_layout_is_horizontal (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->horizontal;
}

double
tp_chart_layout_get_axis_max (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->axis_max;
}

/**
 * tp_chart_layout_get_n_positions:
 * @self: a layout
 *
 * Returns: the number of bars of the whole chart, laid out or not: the number
 *   of customers, buckets or channels
 */
guint
tp_chart_layout_get_n_positions (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_positions;
}

/**
 * tp_chart_layout_get_content_width:
 * @self: a layout
 *
 * Returns: the width of all the columns; when it is larger than the plot's
 *   width, the chart scrolls by up to the difference
 */
double
tp_chart_layout_get_content_width (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->content_width;
}

double
tp_chart_layout_get_scroll_x (const TpChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->scroll_x;
}

/**
 * tp_chart_layout_get_position_span:
 * @self: a layout
 * @position: a bar's position
 * @start: (out): where its column starts, in content coordinates
 * @end: (out): where it ends
 *
 * Finds where a bar lies in the scrolled content, for scrolling it into view.
 *
 * Returns: %FALSE if @position is out of range
 */
gboolean
tp_chart_layout_get_position_span (const TpChartLayout *self,
                                   guint                position,
                                   double              *start,
                                   double              *end)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  if (position >= self->n_positions)
    return FALSE;

  *start = self->lead + position * self->pitch;
  *end = *start + self->pitch;

  return TRUE;
}

const TpChartBar *
tp_chart_layout_get_bars (const TpChartLayout *self,
                          guint               *n_bars)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_bars != NULL, NULL);

  *n_bars = self->bars->len;

  return (const TpChartBar *) (gconstpointer) self->bars->data;
}

const TpChartTick *
tp_chart_layout_get_ticks (const TpChartLayout *self,
                           guint               *n_ticks)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_ticks != NULL, NULL);

  *n_ticks = self->ticks->len;

  return (const TpChartTick *) (gconstpointer) self->ticks->data;
}

const TpChartLabel *
tp_chart_layout_get_labels (const TpChartLayout *self,
                            guint               *n_labels)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_labels != NULL, NULL);

  *n_labels = self->labels->len;

  return (const TpChartLabel *) (gconstpointer) self->labels->data;
}

const TpChartLegendEntry *
tp_chart_layout_get_legend (const TpChartLayout *self,
                            guint               *n_entries)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_entries != NULL, NULL);

  *n_entries = self->legend->len;

  return (const TpChartLegendEntry *) (gconstpointer) self->legend->data;
}

/**
 * tp_chart_layout_get_band:
 * @self: a layout
 * @rect: (out) (optional): the shaded band
 *
 * Returns: %TRUE if the layout shades a band
 */
gboolean
tp_chart_layout_get_band (const TpChartLayout *self,
                          TpChartRect         *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (rect != NULL && self->has_band)
    *rect = self->band;

  return self->has_band;
}

/**
 * tp_chart_layout_get_median:
 * @self: a layout
 * @x: (out) (optional): the x of the median line, in the middle of a pixel
 *
 * Returns: %TRUE if the layout draws a median line
 */
gboolean
tp_chart_layout_get_median (const TpChartLayout *self,
                            double              *x)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (x != NULL && self->has_median)
    *x = self->median_x;

  return self->has_median;
}

static gboolean
rect_contains (const TpChartRect *rect,
               double             x,
               double             y)
{
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

/**
 * tp_chart_layout_hit_test:
 * @self: a layout
 * @x: a point's x
 * @y: its y
 *
 * Finds the bar whose column (or row) holds the point: the same areas serve
 * the pointer, the click and the tooltip.
 *
 * Returns: (transfer none) (nullable): the bar, or %NULL
 */
const TpChartBar *
tp_chart_layout_hit_test (const TpChartLayout *self,
                          double               x,
                          double               y)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const TpChartBar *bar = &g_array_index (self->bars, TpChartBar, i);

      if ((bar->flags & TP_CHART_BAR_VISIBLE) != 0 && rect_contains (&bar->hit, x, y))
        return bar;
    }

  return NULL;
}

/**
 * tp_chart_layout_find_bar:
 * @self: a layout
 * @position: a bar's position
 *
 * Returns: (transfer none) (nullable): the laid-out bar at @position, or %NULL
 *   if it is scrolled out of view
 */
const TpChartBar *
tp_chart_layout_find_bar (const TpChartLayout *self,
                          guint                position)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const TpChartBar *bar = &g_array_index (self->bars, TpChartBar, i);

      if (bar->position == position)
        return bar;
    }

  return NULL;
}

static char *
format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_time);

  if (when == NULL)
    return g_strdup ("");

  return g_date_time_format (when, "%x");
}

static char *
tooltip_for_customer (const TpChartLayout *self,
                      const TpChartBar    *bar)
{
  const TpChartItem *item = tp_chart_data_get_item (self->data, self->params.sort, bar->position);
  TpChartBand band = self->data->band;
  g_autofree char *touches = format_count (item->touches);
  g_autofree char *figures = NULL;
  g_autofree char *last = NULL;
  g_autofree char *advice = NULL;

  if (item->bought)
    /* Translators: a tooltip line; %s is a number */
    figures = g_strdup_printf (ngettext ("%s touch · bought", "%s touches · bought", item->touches), touches);
  else
    /* Translators: a tooltip line; %s is a number */
    figures = g_strdup_printf (ngettext ("%s touch · not yet bought", "%s touches · not yet bought",
                                         item->touches), touches);

  if (item->last_touch_unix != 0)
    {
      g_autofree char *date = format_date (item->last_touch_unix);

      /* Translators: a tooltip line; %s is a date */
      last = g_strdup_printf (_("Last touch on %s"), date);
    }
  else
    {
      last = g_strdup (_("No touch yet"));
    }

  if (item->touches < band.low)
    /* Translators: a tooltip line; %u is a number of touches, then the band's bottom */
    advice = g_strdup_printf (ngettext ("%u more touch to reach %u", "%u more touches to reach %u",
                                        band.low - item->touches),
                              band.low - item->touches, band.low);
  else if (item->touches <= band.high)
    /* Translators: a tooltip line, as in "Inside the band of 5–12" */
    advice = g_strdup_printf (_("Inside the band of %u–%u"), band.low, band.high);
  else
    /* Translators: a tooltip line, as in "Over the band of 5–12" */
    advice = g_strdup_printf (_("Over the band of %u–%u"), band.low, band.high);

  return g_strjoin ("\n", item_name (item), figures, last, advice, NULL);
}

static char *
tooltip_for_bucket (const TpChartLayout *self,
                    const TpChartBar    *bar)
{
  g_autofree char *touches = format_count (bar->position);
  g_autofree char *customers = format_count (bar->value);
  g_autofree char *title = NULL;
  g_autofree char *figure = NULL;

  if (self->histogram_overflow && bar->position == self->histogram_cap)
    /* Translators: a tooltip title; %s is a number of touches */
    title = g_strdup_printf (_("After %s touches or more"), touches);
  else
    /* Translators: a tooltip title; %s is a number of touches */
    title = g_strdup_printf (ngettext ("After %s touch", "After %s touches", bar->position), touches);

  /* Translators: a tooltip line; %s is a number of customers */
  figure = g_strdup_printf (ngettext ("%s first purchase", "%s first purchases", bar->value), customers);

  return g_strjoin ("\n", title, figure, NULL);
}

static char *
tooltip_for_channel (const TpChartLayout *self,
                     const TpChartBar    *bar)
{
  const TpChartChannelCount *c = &g_array_index (self->data->channels, TpChartChannelCount, bar->position);
  g_autofree char *touches = format_count (c->touches);
  g_autofree char *figure = NULL;
  guint percent = (guint) ((c->touches * 100ull + self->data->channel_total / 2) / self->data->channel_total);

  /* Translators: a tooltip line; %s is a number of touches, %u a percentage */
  figure = g_strdup_printf (ngettext ("%s touch before a first purchase (%u %%)",
                                      "%s touches before a first purchase (%u %%)", c->touches),
                            touches, percent);

  return g_strjoin ("\n", tp_channel_get_label (c->channel), figure, NULL);
}

/**
 * tp_chart_layout_dup_tooltip:
 * @self: a layout
 * @bar: one of its bars
 *
 * Writes what a tooltip on @bar says: the customer and their figures, the
 * bucket's first purchases, or the channel's touches.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if the data changed
 *   since the layout was made
 */
char *
tp_chart_layout_dup_tooltip (const TpChartLayout *self,
                             const TpChartBar    *bar)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (bar != NULL, NULL);

  if (self->generation != self->data->generation || self->empty)
    return NULL;

  switch (self->params.mode)
    {
    case TP_CHART_MODE_TOUCHES:
      return tooltip_for_customer (self, bar);
    case TP_CHART_MODE_BEFORE_PURCHASE:
      return tooltip_for_bucket (self, bar);
    case TP_CHART_MODE_CHANNELS:
      return tooltip_for_channel (self, bar);
    default:
      g_return_val_if_reached (NULL);
    }
}
