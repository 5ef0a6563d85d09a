/* tp-enum-choices.c
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

#define G_LOG_DOMAIN "tp-enum-choices"

#include "config.h"

#include "tp-core-enum-types.h"
#include "tp-enum-choices-private.h"
#include "tp-enums.h"

/*
 * A combo row that offers the values of one of the enumerations of
 * tp-enums.h: an AdwEnumListModel of the type (a position is a value,
 * because the values run from 0 in order), each shown by its label.
 */

typedef const char *(*LabelFunc) (int value);

static LabelFunc
label_func_for (GType enum_type)
{
  if (enum_type == TP_TYPE_CHANNEL)
    return (LabelFunc) tp_channel_get_label;
  if (enum_type == TP_TYPE_DIRECTION)
    return (LabelFunc) tp_direction_get_label;
  if (enum_type == TP_TYPE_CADENCE_PERIOD)
    return (LabelFunc) tp_cadence_period_get_label;
  if (enum_type == TP_TYPE_PLACE_KIND)
    return (LabelFunc) tp_place_kind_get_label;
  if (enum_type == TP_TYPE_STAGE)
    return (LabelFunc) tp_stage_get_label;
  if (enum_type == TP_TYPE_ORDER_STATUS)
    return (LabelFunc) tp_order_status_get_label;

  g_return_val_if_reached (NULL);
}

static char *
item_label_cb (AdwEnumListItem *item,
               gpointer         user_data)
{
  LabelFunc label_func = user_data;

  return g_strdup (label_func (adw_enum_list_item_get_value (item)));
}

/**
 * _tp_enum_choices_bind:
 * @row: a combo row
 * @enum_type: one of the enumerations of tp-enums.h
 *
 * Offers the values of @enum_type in @row, by their labels, in value
 * order: the row's selected position is the value.
 */
void
_tp_enum_choices_bind (AdwComboRow *row,
                       GType        enum_type)
{
  g_autoptr(AdwEnumListModel) model = NULL;
  GtkExpression *expression;
  LabelFunc label_func = label_func_for (enum_type);

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (label_func != NULL);

  model = adw_enum_list_model_new (enum_type);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    g_assert (adw_enum_list_model_find_position (model, (int) i) == i);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (item_label_cb), label_func, NULL);
  adw_combo_row_set_expression (row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

/**
 * _tp_enum_choices_label:
 * @row: a combo row set up by _tp_enum_choices_bind()
 * @position: a position in it
 *
 * Returns: (transfer full) (nullable): what @row shows for @position
 */
char *
_tp_enum_choices_label (AdwComboRow *row,
                        guint        position)
{
  g_autoptr(GObject) item = g_list_model_get_item (adw_combo_row_get_model (row), position);
  g_auto(GValue) value = G_VALUE_INIT;

  if (item == NULL || !gtk_expression_evaluate (adw_combo_row_get_expression (row), item, &value))
    return NULL;

  return g_value_dup_string (&value);
}
