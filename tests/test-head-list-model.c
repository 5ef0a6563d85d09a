/* test-head-list-model.c — the first items of a list, with small changes
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tp-head-list-model.h"

/* What a GtkListBox bound to the head would hold: the items in order,
 * kept up to date only through items-changed, and how many it built. */
typedef struct
{
  GPtrArray *shown;
  guint      built;
} Mirror;

static void
mirror_changed_cb (GListModel *head,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->shown->len);
  g_ptr_array_remove_range (mirror->shown, position, removed);
  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (head, position + i);

      g_assert_nonnull (item);
      g_ptr_array_insert (mirror->shown, position + i, item);
      mirror->built++;
    }
  g_assert_cmpuint (mirror->shown->len, ==, g_list_model_get_n_items (head));
}

static void
assert_head (GListStore      *store,
             TpHeadListModel *head,
             Mirror          *mirror)
{
  guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (store)), tp_head_list_model_get_size (head));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (head)), ==, n);
  g_assert_cmpuint (mirror->shown->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) expected = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (head), i);

      g_assert_true (item == expected);
      g_assert_true (g_ptr_array_index (mirror->shown, i) == expected);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (head), n));
}

static GListStore *
new_store (guint n)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

      g_list_store_append (store, item);
    }

  return store;
}

static void
mirror_init (Mirror          *mirror,
             TpHeadListModel *head)
{
  mirror->shown = g_ptr_array_new_with_free_func (g_object_unref);
  mirror->built = 0;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (head)); i++)
    g_ptr_array_add (mirror->shown, g_list_model_get_item (G_LIST_MODEL (head), i));
  g_signal_connect (head, "items-changed", G_CALLBACK (mirror_changed_cb), mirror);
}

/* A new touch at the top of a long timeline builds one row, not ten. */
static void
test_insert_at_top (void)
{
  g_autoptr(GListStore) store = new_store (1000);
  g_autoptr(TpHeadListModel) head = tp_head_list_model_new (G_LIST_MODEL (store), 10);
  g_autoptr(GObject) fresh = g_object_new (G_TYPE_OBJECT, NULL);
  Mirror mirror;

  mirror_init (&mirror, head);
  g_list_store_insert (store, 0, fresh);
  assert_head (store, head, &mirror);
  g_assert_cmpuint (mirror.built, ==, 1);

  /* Deleting it brings the eleventh back: one row again. */
  g_list_store_remove (store, 0);
  assert_head (store, head, &mirror);
  g_assert_cmpuint (mirror.built, ==, 2);

  /* A change past the head is not seen at all. */
  g_list_store_remove (store, 500);
  assert_head (store, head, &mirror);
  g_assert_cmpuint (mirror.built, ==, 2);

  g_ptr_array_unref (mirror.shown);
}

static void
test_grow_and_shrink (void)
{
  g_autoptr(GListStore) store = new_store (25);
  g_autoptr(TpHeadListModel) head = tp_head_list_model_new (G_LIST_MODEL (store), 10);
  Mirror mirror;

  mirror_init (&mirror, head);
  tp_head_list_model_set_size (head, 20);
  assert_head (store, head, &mirror);
  g_assert_cmpuint (mirror.built, ==, 10);

  tp_head_list_model_set_size (head, 30);
  assert_head (store, head, &mirror);
  g_assert_cmpuint (mirror.built, ==, 15);

  tp_head_list_model_set_size (head, 5);
  assert_head (store, head, &mirror);

  g_list_store_remove_all (store);
  assert_head (store, head, &mirror);

  g_ptr_array_unref (mirror.shown);
}

/* Any splice, anywhere, of any size: the head is always the list's first
 * items, and what it announced adds up to it. */
static void
test_random_splices (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GListStore) store = new_store (g_rand_int_range (rand, 0, 30));
      g_autoptr(TpHeadListModel) head = tp_head_list_model_new (G_LIST_MODEL (store),
                                                                g_rand_int_range (rand, 0, 15));
      Mirror mirror;

      mirror_init (&mirror, head);
      for (guint step = 0; step < 40; step++)
        {
          guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
          guint position = g_rand_int_range (rand, 0, n + 1);
          guint removed = g_rand_int_range (rand, 0, n - position + 1);
          guint added = g_rand_int_range (rand, 0, 8);
          g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = 0; i < added; i++)
            g_ptr_array_add (items, g_object_new (G_TYPE_OBJECT, NULL));

          if (g_rand_int_range (rand, 0, 6) == 0)
            tp_head_list_model_set_size (head, g_rand_int_range (rand, 0, 15));
          else
            g_list_store_splice (store, position, removed, items->pdata, added);

          assert_head (store, head, &mirror);
        }
      g_ptr_array_unref (mirror.shown);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/head-list-model/insert-at-top", test_insert_at_top);
  g_test_add_func ("/touchpoint/head-list-model/grow-and-shrink", test_grow_and_shrink);
  g_test_add_func ("/touchpoint/head-list-model/random-splices", test_random_splices);

  return g_test_run ();
}
