/* tp-tactic-log-entry.c
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

#define G_LOG_DOMAIN "tp-tactic-log-entry"

#include "config.h"

#include "tp-tactic-log-entry.h"
#include "tp-core-enum-types.h"

/**
 * TpTacticLogEntry:
 *
 * One time a tactic was done.
 *
 * Each property is a column of the `tactic_log` table. Times are ISO 8601
 * UTC text ("2026-11-28T12:00:00Z"); a reference to another row is its
 * id, 0 for none. TpStore loads, saves and keeps the object up to date,
 * so every view showing the same row sees its changes.
 */

struct _TpTacticLogEntry
{
  TpRecord parent_instance;

  gint64  tactic_id;
  char   *done_at;
  char   *note;
  char   *person;
};

G_DEFINE_FINAL_TYPE (TpTacticLogEntry, tp_tactic_log_entry, TP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TACTIC_ID,
  PROP_DONE_AT,
  PROP_NOTE,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * tp_tactic_log_entry_new:
 *
 * Creates an empty TpTacticLogEntry with the column defaults, not yet stored.
 *
 * Returns: (transfer full): a new #TpTacticLogEntry
 */
TpTacticLogEntry *
tp_tactic_log_entry_new (void)
{
  return g_object_new (TP_TYPE_TACTIC_LOG_ENTRY, NULL);
}

static void
tp_tactic_log_entry_finalize (GObject *object)
{
  TpTacticLogEntry *self = (TpTacticLogEntry *)object;

  g_free (self->done_at);
  g_free (self->note);
  g_free (self->person);

  G_OBJECT_CLASS (tp_tactic_log_entry_parent_class)->finalize (object);
}

static void
tp_tactic_log_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TpTacticLogEntry *self = TP_TACTIC_LOG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TACTIC_ID:
      g_value_set_int64 (value, self->tactic_id);
      break;

    case PROP_DONE_AT:
      g_value_set_string (value, self->done_at);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_PERSON:
      g_value_set_string (value, self->person);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_tactic_log_entry_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TpTacticLogEntry *self = TP_TACTIC_LOG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TACTIC_ID:
      tp_tactic_log_entry_set_tactic_id (self, g_value_get_int64 (value));
      break;

    case PROP_DONE_AT:
      tp_tactic_log_entry_set_done_at (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      tp_tactic_log_entry_set_note (self, g_value_get_string (value));
      break;

    case PROP_PERSON:
      tp_tactic_log_entry_set_person (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_tactic_log_entry_class_init (TpTacticLogEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_tactic_log_entry_finalize;
  object_class->get_property = tp_tactic_log_entry_get_property;
  object_class->set_property = tp_tactic_log_entry_set_property;

  /**
   * TpTacticLogEntry:tactic-id:
   *
   * The tactic that was done.
   */
  properties[PROP_TACTIC_ID] =
    g_param_spec_int64 ("tactic-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTacticLogEntry:done-at:
   *
   * When it was done, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ".
   */
  properties[PROP_DONE_AT] =
    g_param_spec_string ("done-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTacticLogEntry:note:
   *
   * A note.
   */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTacticLogEntry:person:
   *
   * Who did it: the name the desktop that added it recorded, or "" for
   * a row from before names were kept.
   */
  properties[PROP_PERSON] =
    g_param_spec_string ("person", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_tactic_log_entry_init (TpTacticLogEntry *self)
{
  self->note = g_strdup ("");
  self->person = g_strdup ("");
}

/**
 * tp_tactic_log_entry_get_tactic_id:
 * @self: a #TpTacticLogEntry
 *
 * Returns: the tactic that was done
 */
gint64
tp_tactic_log_entry_get_tactic_id (TpTacticLogEntry *self)
{
  g_return_val_if_fail (TP_IS_TACTIC_LOG_ENTRY (self), 0);

  return self->tactic_id;
}

/**
 * tp_tactic_log_entry_set_tactic_id:
 * @self: a #TpTacticLogEntry
 * @tactic_id: the tactic that was done
 *
 * Sets #TpTacticLogEntry:tactic-id. This changes only the object: TpStore saves it.
 */
void
tp_tactic_log_entry_set_tactic_id (TpTacticLogEntry *self,
                                   gint64            tactic_id)
{
  g_return_if_fail (TP_IS_TACTIC_LOG_ENTRY (self));
  g_return_if_fail (tactic_id >= 0);

  if (self->tactic_id == tactic_id)
    return;

  self->tactic_id = tactic_id;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TACTIC_ID]);
}

/**
 * tp_tactic_log_entry_get_done_at:
 * @self: a #TpTacticLogEntry
 *
 * Returns: (nullable): when it was done, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ"
 */
const char *
tp_tactic_log_entry_get_done_at (TpTacticLogEntry *self)
{
  g_return_val_if_fail (TP_IS_TACTIC_LOG_ENTRY (self), NULL);

  return self->done_at;
}

/**
 * tp_tactic_log_entry_set_done_at:
 * @self: a #TpTacticLogEntry
 * @done_at: (nullable): when it was done, as ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ"
 *
 * Sets #TpTacticLogEntry:done-at. This changes only the object: TpStore saves it.
 */
void
tp_tactic_log_entry_set_done_at (TpTacticLogEntry *self,
                                 const char       *done_at)
{
  g_return_if_fail (TP_IS_TACTIC_LOG_ENTRY (self));

  if (g_strcmp0 (self->done_at, done_at) == 0)
    return;

  g_free (self->done_at);
  self->done_at = g_strdup (done_at);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_AT]);
}

/**
 * tp_tactic_log_entry_get_note:
 * @self: a #TpTacticLogEntry
 *
 * Returns: a note
 */
const char *
tp_tactic_log_entry_get_note (TpTacticLogEntry *self)
{
  g_return_val_if_fail (TP_IS_TACTIC_LOG_ENTRY (self), NULL);

  return self->note;
}

/**
 * tp_tactic_log_entry_set_note:
 * @self: a #TpTacticLogEntry
 * @note: a note
 *
 * Sets #TpTacticLogEntry:note. This changes only the object: TpStore saves it.
 */
void
tp_tactic_log_entry_set_note (TpTacticLogEntry *self,
                              const char       *note)
{
  g_return_if_fail (TP_IS_TACTIC_LOG_ENTRY (self));

  if (note == NULL)
    note = "";

  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * tp_tactic_log_entry_get_person:
 * @self: a #TpTacticLogEntry
 *
 * Returns: who did it, or "" if unknown
 */
const char *
tp_tactic_log_entry_get_person (TpTacticLogEntry *self)
{
  g_return_val_if_fail (TP_IS_TACTIC_LOG_ENTRY (self), NULL);

  return self->person;
}

/**
 * tp_tactic_log_entry_set_person:
 * @self: a #TpTacticLogEntry
 * @person: who did it
 *
 * Sets #TpTacticLogEntry:person. This changes only the object: TpStore saves it,
 * and fills it in with its person when a new row has none.
 */
void
tp_tactic_log_entry_set_person (TpTacticLogEntry *self,
                                const char       *person)
{
  g_return_if_fail (TP_IS_TACTIC_LOG_ENTRY (self));

  if (person == NULL)
    person = "";

  if (g_strcmp0 (self->person, person) == 0)
    return;

  g_free (self->person);
  self->person = g_strdup (person);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}
