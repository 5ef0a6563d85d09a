/* tp-enums.h
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

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of each value (lead, social-post, …) is what the database stores. */

typedef enum
{
  TP_STAGE_LEAD,
  TP_STAGE_PROSPECT,
  TP_STAGE_CUSTOMER,
  TP_STAGE_REPEAT,
  TP_STAGE_LOST,
} TpStage;

typedef enum
{
  TP_CHANNEL_EMAIL,
  TP_CHANNEL_SOCIAL_POST,
  TP_CHANNEL_AD,
  TP_CHANNEL_DIRECT_MESSAGE,
  TP_CHANNEL_CALL,
  TP_CHANNEL_MEETING,
  TP_CHANNEL_EVENT,
  TP_CHANNEL_WEBSITE,
  TP_CHANNEL_MAIL,
  TP_CHANNEL_PARTNER,
  TP_CHANNEL_FORUM,         /* the place kinds' forum and online group */
  TP_CHANNEL_ONLINE_GROUP,
  TP_CHANNEL_OTHER,
} TpChannel;

typedef enum
{
  TP_DIRECTION_OUTBOUND,
  TP_DIRECTION_INBOUND,
} TpDirection;

typedef enum
{
  TP_ORDER_STATUS_OPEN,
  TP_ORDER_STATUS_FULFILLED,
  TP_ORDER_STATUS_CANCELLED,
} TpOrderStatus;

typedef enum
{
  TP_CADENCE_PERIOD_DAY,
  TP_CADENCE_PERIOD_WEEK,
  TP_CADENCE_PERIOD_MONTH,
} TpCadencePeriod;

typedef enum
{
  TP_PLACE_KIND_FORUM,
  TP_PLACE_KIND_ONLINE_GROUP,
  TP_PLACE_KIND_SOCIAL_NETWORK,
  TP_PLACE_KIND_AD_PLATFORM,
  TP_PLACE_KIND_EVENT,
  TP_PLACE_KIND_PARTNER_BUSINESS,
  TP_PLACE_KIND_EMAIL_LIST,
  TP_PLACE_KIND_OTHER,
} TpPlaceKind;

const char *tp_enum_to_nick      (GType        enum_type,
                                  int          value);
gboolean    tp_enum_from_nick    (GType        enum_type,
                                  const char  *nick,
                                  int         *value);

const char *tp_stage_get_label   (TpStage          stage);
const char *tp_channel_get_label (TpChannel        channel);
const char *tp_direction_get_label (TpDirection    direction);
const char *tp_order_status_get_label (TpOrderStatus status);
const char *tp_cadence_period_get_label (TpCadencePeriod period);
const char *tp_place_kind_get_label (TpPlaceKind   kind);

G_END_DECLS
