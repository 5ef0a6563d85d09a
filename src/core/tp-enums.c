/* tp-enums.c
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

#define G_LOG_DOMAIN "tp-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-enums.h"
#include "tp-core-enum-types.h"

/**
 * tp_enum_to_nick:
 * @enum_type: a registered enum type
 * @value: a value of @enum_type
 *
 * Gets the nick of @value, which is how the database stores it.
 *
 * Returns: (nullable): the nick, or %NULL if @value is not in @enum_type
 */
const char *
tp_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

/**
 * tp_enum_from_nick:
 * @enum_type: a registered enum type
 * @nick: (nullable): a stored nick
 * @value: (out): where to put the value
 *
 * Parses a nick as stored in the database.
 *
 * Returns: %TRUE if @nick names a value of @enum_type
 */
gboolean
tp_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

const char *
tp_stage_get_label (TpStage stage)
{
  switch (stage)
    {
    case TP_STAGE_LEAD: return C_("stage", "Lead");
    case TP_STAGE_PROSPECT: return C_("stage", "Prospect");
    case TP_STAGE_CUSTOMER: return C_("stage", "Customer");
    case TP_STAGE_REPEAT: return C_("stage", "Repeat");
    case TP_STAGE_LOST: return C_("stage", "Lost");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
tp_channel_get_label (TpChannel channel)
{
  switch (channel)
    {
    case TP_CHANNEL_EMAIL: return C_("channel", "Email");
    case TP_CHANNEL_SOCIAL_POST: return C_("channel", "Social post");
    case TP_CHANNEL_AD: return C_("channel", "Ad");
    case TP_CHANNEL_DIRECT_MESSAGE: return C_("channel", "Direct message");
    case TP_CHANNEL_CALL: return C_("channel", "Call");
    case TP_CHANNEL_MEETING: return C_("channel", "Meeting");
    case TP_CHANNEL_EVENT: return C_("channel", "Event");
    case TP_CHANNEL_WEBSITE: return C_("channel", "Website");
    case TP_CHANNEL_MAIL: return C_("channel", "Mail");
    case TP_CHANNEL_PARTNER: return C_("channel", "Partner");
    case TP_CHANNEL_FORUM: return C_("channel", "Forum");
    case TP_CHANNEL_ONLINE_GROUP: return C_("channel", "Online group");
    case TP_CHANNEL_OTHER: return C_("channel", "Other");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
tp_direction_get_label (TpDirection direction)
{
  switch (direction)
    {
    case TP_DIRECTION_OUTBOUND: return C_("direction", "Outbound");
    case TP_DIRECTION_INBOUND: return C_("direction", "Inbound");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
tp_order_status_get_label (TpOrderStatus status)
{
  switch (status)
    {
    case TP_ORDER_STATUS_OPEN: return C_("order status", "Open");
    case TP_ORDER_STATUS_FULFILLED: return C_("order status", "Fulfilled");
    case TP_ORDER_STATUS_CANCELLED: return C_("order status", "Cancelled");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
tp_cadence_period_get_label (TpCadencePeriod period)
{
  switch (period)
    {
    case TP_CADENCE_PERIOD_DAY: return C_("cadence", "Day");
    case TP_CADENCE_PERIOD_WEEK: return C_("cadence", "Week");
    case TP_CADENCE_PERIOD_MONTH: return C_("cadence", "Month");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
tp_place_kind_get_label (TpPlaceKind kind)
{
  switch (kind)
    {
    case TP_PLACE_KIND_FORUM: return C_("place kind", "Forum");
    case TP_PLACE_KIND_ONLINE_GROUP: return C_("place kind", "Online group");
    case TP_PLACE_KIND_SOCIAL_NETWORK: return C_("place kind", "Social network");
    case TP_PLACE_KIND_AD_PLATFORM: return C_("place kind", "Ad platform");
    case TP_PLACE_KIND_EVENT: return C_("place kind", "Event");
    case TP_PLACE_KIND_PARTNER_BUSINESS: return C_("place kind", "Partner business");
    case TP_PLACE_KIND_EMAIL_LIST: return C_("place kind", "Email list");
    case TP_PLACE_KIND_OTHER: return C_("place kind", "Other");
    default: g_return_val_if_reached (NULL);
    }
}
