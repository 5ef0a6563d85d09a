/* tp-list-section.h
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

#include <adwaita.h>

#include "tp-list-pane.h"
#include "tp-store.h"

G_BEGIN_DECLS

#define TP_TYPE_LIST_SECTION (tp_list_section_get_type ())

G_DECLARE_DERIVABLE_TYPE (TpListSection, tp_list_section, TP, LIST_SECTION, GtkWidget)

/**
 * TpListSectionClass:
 * @collection: the prefix of the section's own actions: "tactics" makes
 *   tactics.add, tactics.show-list and tactics.show-editor
 * @item: the prefix of the selected item's actions: "tactic" makes
 *   tactic.delete, tactic.move-up and tactic.move-down
 * @list: the store's list of the items, in their order
 * @create_row: makes an item's row in the list
 * @new_item: makes the item Add stores, named and placed at @position
 * @add: stores a new item
 * @delete: deletes a stored item, for the undo toast to put back
 * @set_item: shows @item (or nothing) in the editor
 * @flush: writes what the editor holds and has not written yet
 * @edit_name: puts the editor's focus on the name, to type a new one
 * @update: after the section has enabled or disabled its actions, for the
 *   subclass to do the same with its own
 */
struct _TpListSectionClass
{
  GtkWidgetClass parent_class;

  const char    *collection;
  const char    *item;

  GListModel    *(*list)       (TpStore        *store);
  GtkListBoxRow *(*create_row) (TpListSection  *self,
                                gpointer        item);
  gpointer       (*new_item)   (TpListSection  *self,
                                gint64          position);
  gboolean       (*add)        (TpStore        *store,
                                gpointer        item,
                                GError        **error);
  TpUndo        *(*delete)     (TpStore        *store,
                                gint64          id,
                                GError        **error);
  void           (*set_item)   (TpListSection  *self,
                                gpointer        item);
  void           (*flush)      (TpListSection  *self);
  void           (*edit_name)  (TpListSection  *self);
  void           (*update)     (TpListSection  *self,
                                gboolean        has_selection);
};

void        tp_list_section_class_set_actions (TpListSectionClass *klass,
                                               const char         *collection,
                                               const char         *item);
TpStore    *tp_list_section_get_store         (TpListSection      *self);
void        tp_list_section_set_store         (TpListSection      *self,
                                               TpStore            *store);
GListModel *tp_list_section_get_items         (TpListSection      *self);
TpListPane *tp_list_section_get_list_pane     (TpListSection      *self);
GtkWidget  *tp_list_section_get_editor        (TpListSection      *self);
gboolean    tp_list_section_get_editing       (TpListSection      *self);

G_END_DECLS
