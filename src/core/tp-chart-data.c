/* tp-chart-data.c
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

#define G_LOG_DOMAIN "tp-chart-data"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tp-chart-data-private.h"

/*
 * TpChartData: the touches chart's input as plain arrays, and everything
 * that only changes with the data: the customers in each sort order
 * (sorted once, then kept in order by tp_chart_data_update_item()), the
 * band counts, the histogram and its median, the channels in order, and
 * the sentences that describe the chart to a screen reader. It costs
 * O(n log n) when the data changes; TpChartLayout (tp-chart-layout.c)
 * then lays out frames from it.
 */

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

void
_tp_chart_data_ensure_order (TpChartData *self,
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
    _tp_chart_data_ensure_order (self, s);
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

  _tp_chart_data_ensure_order (self, sort);

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

  _tp_chart_data_ensure_order (self, sort);

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
char *
_tp_chart_format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

char *
_tp_chart_format_median (double median)
{
  if (median == floor (median))
    return _tp_chart_format_count ((guint64) median);

  return g_strdup_printf ("%.1f", median);
}

/* What a customer is called in the chart: a nameless one still has a label. */
const char *
_tp_chart_item_name (const TpChartItem *item)
{
  return item->name[0] != '\0' ? item->name : _("Unnamed customer");
}

char *
_tp_chart_format_band (const TpChartBand *band)
{
  /* Translators: the band of recommended touches, as in "5–12 touches" */
  return g_strdup_printf (ngettext ("%u–%u touch", "%u–%u touches", band->high),
                          band->low, band->high);
}

static char *
describe_touches (TpChartData *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *n = _tp_chart_format_count (self->entries->len);
  g_autofree char *under = _tp_chart_format_count (self->under);
  g_autofree char *inside = _tp_chart_format_count (self->inside);
  g_autofree char *over = _tp_chart_format_count (self->over);
  g_autofree char *bought = _tp_chart_format_count (self->n_bought);

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
  figure = _tp_chart_format_median (median);

  /* Translators: %s is a number, possibly with a decimal, as in "7.5" */
  return g_strdup_printf (ngettext ("The median is %s touch before the first purchase.",
                                    "The median is %s touches before the first purchase.",
                                    (gulong) ceil (median)), figure);
}

char *
_tp_chart_data_share_sentence (TpChartData *self)
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
  g_autofree char *n = _tp_chart_format_count (self->n_first_purchases);
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
  share = _tp_chart_data_share_sentence (self);

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
      g_autofree char *figure = _tp_chart_format_count (c->touches);

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

/**
 * tp_chart_mode_get_label:
 * @mode: a #TpChartMode
 *
 * Returns: the view's name, as the chart's drop-down offers it
 */
const char *
tp_chart_mode_get_label (TpChartMode mode)
{
  switch (mode)
    {
    case TP_CHART_MODE_TOUCHES: return _("Touches per Customer");
    case TP_CHART_MODE_BEFORE_PURCHASE: return _("Touches Before First Purchase");
    case TP_CHART_MODE_CHANNELS: return _("First-Purchase Channels");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * tp_chart_sort_get_label:
 * @sort: a #TpChartSort
 *
 * Returns: the order's name, as the chart's drop-down offers it
 */
const char *
tp_chart_sort_get_label (TpChartSort sort)
{
  switch (sort)
    {
    case TP_CHART_SORT_TOUCHES: return _("Most Touches First");
    case TP_CHART_SORT_NAME: return _("By Name");
    case TP_CHART_SORT_LAST_TOUCH: return _("Latest Touch First");
    default: g_return_val_if_reached (NULL);
    }
}
