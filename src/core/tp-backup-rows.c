/* tp-backup-rows.c
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

#define G_LOG_DOMAIN "tp-backup"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tp-backup-private.h"
#include "tp-core-enum-types.h"

/*
 * One table of a backup (overview in tp-backup.c): its rows read, each
 * value checked against the schema (types, required fields, ranges, enum
 * values, times, unique values, ids and references), the figures the
 * customer triggers keep worked out; on the second pass the rows are
 * inserted, in batches.
 */

static gboolean
fail_field (TpBackupRestore  *self,
            guint             line,
            TpBackupColumn   *column,
            GError          **error,
            const char       *format,
            ...) G_GNUC_PRINTF (5, 6);

static int
compare_id_lines (gconstpointer a,
                  gconstpointer b)
{
  const TpBackupIdLine *x = a;
  const TpBackupIdLine *y = b;

  if (x->id != y->id)
    return x->id < y->id ? -1 : 1;
  return x->line < y->line ? -1 : x->line > y->line;
}

/* The index of @id in the sorted ids of a finished table, or -1 */
static gssize
find_id (TpBackupTableState *state,
         gint64              id)
{
  gsize low = 0;
  gsize high = state->ids->len;

  while (low < high)
    {
      gsize middle = low + (high - low) / 2;
      gint64 here = g_array_index (state->ids, TpBackupIdLine, middle).id;

      if (here == id)
        return (gssize)middle;
      if (here < id)
        low = middle + 1;
      else
        high = middle;
    }

  return -1;
}

static gboolean
fail_field (TpBackupRestore  *self,
            guint             line,
            TpBackupColumn   *column,
            GError          **error,
            const char       *format,
            ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  return _tp_backup_fail (&self->reader, line, error, TP_BACKUP_ERROR_INVALID,
                          /* Translators: the first %s is the name of a field, the second says
                           * what is wrong with its value */
                          _("field “%s”: %s"), column->name, what);
}

/* Refuses a value with the schema's message, which every path gives */
static gboolean
fail_schema (TpBackupRestore  *self,
             guint             line,
             TpBackupColumn   *column,
             GError          **schema_error,
             GError          **error)
{
  g_autoptr(GError) cause = g_steal_pointer (schema_error);

  return fail_field (self, line, column, error, "%s", cause->message);
}

/* Reads one row object into the slots. */
static gboolean
read_row (TpBackupRestore  *self,
          TpBackupTable    *table,
          guint            *row_line,
          GError          **error)
{
  TpBackupReader *r = &self->reader;
  int c;

  for (guint i = 0; i < table->n_columns; i++)
    self->row[i].kind = TP_BACKUP_VALUE_MISSING;

  c = _tp_backup_peek (r);
  if (c < 0)
    return _tp_backup_fail_truncated (r, error);
  if (c != '{')
    return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                            /* Translators: %s is the name of a table */
                            _("each row of “%s” must be an object in braces"), table->name);

  *row_line = r->line;
  r->pos++;

  if (_tp_backup_peek (r) == '}')
    {
      r->pos++;
      return TRUE;
    }

  for (guint n_keys = 0;; n_keys++)
    {
      TpBackupColumn *column;
      TpBackupSlot *slot;
      TpBackupScalarKind kind;
      guint line;
      int index;

      /* Backups list the columns in order, with names that need no
       * unescaping: check for that first */
      _tp_backup_skip_space (r);
      index = -1;
      if (n_keys < table->n_columns && r->pos < r->len && r->data[r->pos] == '"')
        {
          const char *name = table->columns[n_keys].name;
          gsize len = strlen (name);

          if (r->len - r->pos > len + 1 && memcmp (r->data + r->pos + 1, name, len) == 0 &&
              r->data[r->pos + 1 + len] == '"')
            {
              r->pos += len + 2;
              if (!_tp_backup_expect (r, ':', error))
                return FALSE;
              index = (int)n_keys;
            }
        }

      if (index < 0)
        {
          if (!_tp_backup_read_key (r, self->key, error))
            return FALSE;

          if (n_keys < table->n_columns && g_str_equal (table->columns[n_keys].name, self->key->str))
            index = (int)n_keys;
          else
            index = _tp_backup_table_find_column (table, self->key->str);
        }
      if (index < 0)
        {
          g_autofree char *name = _tp_backup_excerpt (self->key->str);

          return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                                  /* Translators: the first %s is a field name, the second a
                                   * table */
                                  _("unknown field “%s” in table “%s”"), name, table->name);
        }

      column = &table->columns[index];
      slot = &self->row[index];
      if (slot->kind != TP_BACKUP_VALUE_MISSING)
        return fail_field (self, r->line, column, error, "%s",
                           _("appears twice in the same row"));

      _tp_backup_skip_space (r);
      line = r->line;
      if (!_tp_backup_read_scalar (r, slot->text, &slot->integer, &kind, error))
        return FALSE;

      slot->line = line;
      switch (kind)
        {
        case TP_BACKUP_SCALAR_NULL:
          slot->kind = TP_BACKUP_VALUE_NULL;
          break;

        case TP_BACKUP_SCALAR_INTEGER:
          if (!column->is_integer)
            return fail_field (self, line, column, error, "%s",
                               _("expected text in quotes, found a number"));
          slot->kind = TP_BACKUP_VALUE_INT;
          break;

        case TP_BACKUP_SCALAR_STRING:
          if (column->is_integer)
            return fail_field (self, line, column, error, "%s",
                               _("expected a whole number, found text"));
          slot->kind = TP_BACKUP_VALUE_TEXT;
          break;

        case TP_BACKUP_SCALAR_TOO_LARGE:
          return fail_field (self, line, column, error, "%s", _("the number is too large"));

        case TP_BACKUP_SCALAR_FRACTION:
          return fail_field (self, line, column, error, "%s",
                             column->is_integer ? _("expected a whole number")
                                                : _("expected text in quotes, found a number"));

        case TP_BACKUP_SCALAR_BOOLEAN:
          return fail_field (self, line, column, error, "%s",
                             column->is_integer ? _("expected a whole number, found true or false")
                                                : _("expected text in quotes, found true or false"));

        case TP_BACKUP_SCALAR_CONTAINER:
        default:
          return fail_field (self, line, column, error, "%s",
                             column->is_integer ? _("expected a whole number, found a list or an object")
                                                : _("expected text in quotes, found a list or an object"));
        }

      c = _tp_backup_peek (r);
      if (c < 0)
        return _tp_backup_fail_truncated (r, error);
      r->pos++;
      if (c == '}')
        return TRUE;
      if (c != ',')
        {
          r->pos--;
          return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                  _("broken JSON: expected “,” or “}” here"));
        }
    }
}

/* Checks the values of the row in the slots against the schema, fills in
 * defaults, and during validation records ids, references and figures. */
static gboolean
check_row (TpBackupRestore  *self,
           int               table_index,
           guint             row_line,
           GError          **error)
{
  TpBackupSchema *schema = self->schema;
  TpBackupTable *table = g_ptr_array_index (schema->tables, table_index);
  TpBackupTableState *state = &self->states[table_index];
  GError *local_error = NULL;
  gssize customer = -1;

  for (guint i = 0; i < table->n_columns; i++)
    {
      TpBackupColumn *column = &table->columns[i];
      TpBackupSlot *slot = &self->row[i];
      const char *text = slot->text->str;

      if (column->rule == TP_BACKUP_RULE_DERIVED)
        {
          slot->kind = TP_BACKUP_VALUE_MISSING;
          continue;
        }

      if (slot->kind == TP_BACKUP_VALUE_MISSING)
        {
          if (column->default_kind == TP_BACKUP_VALUE_MISSING)
            return fail_field (self, row_line, column, error, "%s", _("is missing"));

          slot->kind = column->default_kind;
          slot->integer = column->default_int;
          g_string_assign (slot->text, column->default_text != NULL ? column->default_text : "");
          slot->line = row_line;
          text = slot->text->str;
        }

      if (slot->kind == TP_BACKUP_VALUE_NULL)
        {
          if (column->schema != NULL && !tp_schema_column_check_null (column->schema, &local_error))
            return fail_schema (self, slot->line, column, &local_error, error);
          if (column->not_null)
            return fail_field (self, slot->line, column, error, "%s",
                               _("must have a value, not null"));
          continue;
        }

      /* Times are stored in UTC in one form: another program's offsets
       * are converted (in both passes, cheaply when there is nothing to
       * do) */
      if (column->schema != NULL && column->schema->kind == TP_SCHEMA_TIME &&
          !tp_schema_time_is_canonical (text, slot->text->len))
        {
          g_autofree char *normal = tp_schema_column_normalize (column->schema, text, &local_error);

          if (normal == NULL)
            return fail_schema (self, slot->line, column, &local_error, error);
          g_string_assign (slot->text, normal);
          text = slot->text->str;
        }

      /* The first pass checked the rest */
      if (self->loading)
        continue;

      if (column->schema != NULL &&
          !(slot->kind == TP_BACKUP_VALUE_INT
            ? tp_schema_column_check_int (column->schema, slot->integer, &local_error)
            : tp_schema_column_check_text (column->schema, text, &local_error)))
        return fail_schema (self, slot->line, column, &local_error, error);

      if (column->ref_table >= 0)
        {
          TpBackupTableState *parent = &self->states[column->ref_table];
          gssize index = find_id (parent, slot->integer);

          if (index < 0)
            {
              TpBackupTable *parent_table = g_ptr_array_index (schema->tables, column->ref_table);
              g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, slot->integer);

              return fail_field (self, slot->line, column, error,
                                 /* Translators: the first %s is a number, the second the
                                  * name of a table */
                                 _("there is no row with id %s in “%s”"),
                                 id, parent_table->name);
            }

          if (column->ref_table == schema->customers)
            customer = index;
        }

      if (column->unique != TP_BACKUP_UNIQUE_NONE)
        {
          g_autofree char *unique_key = NULL;
          guint earlier;

          if (column->unique == TP_BACKUP_UNIQUE_WHEN_ONE)
            {
              if (slot->integer == 1)
                {
                  if (self->primary_line != 0)
                    return fail_field (self, slot->line, column, error,
                                       /* Translators: %u is a line number */
                                       _("only one row may have 1 here (line %u has it too)"),
                                       self->primary_line);
                  self->primary_line = slot->line;
                }
              continue;
            }

          unique_key = column->unique == TP_BACKUP_UNIQUE_NOCASE ? g_ascii_strdown (text, -1)
                                                       : g_strdup (text);
          earlier = GPOINTER_TO_UINT (g_hash_table_lookup (state->uniques[i], unique_key));
          if (earlier != 0)
            {
              g_autofree char *shown = _tp_backup_excerpt (text);

              return fail_field (self, slot->line, column, error,
                                 /* Translators: %s is a value, %u a line number */
                                 _("“%s” appears twice (also on line %u)"), shown, earlier);
            }
          g_hash_table_insert (state->uniques[i], g_steal_pointer (&unique_key),
                               GUINT_TO_POINTER (slot->line));
        }

      if (column->rule == TP_BACKUP_RULE_ID)
        {
          TpBackupIdLine entry = { slot->integer, slot->line };

          if (state->ids->len > 0 &&
              g_array_index (state->ids, TpBackupIdLine, state->ids->len - 1).id >= slot->integer)
            state->ascending = FALSE;
          g_array_append_val (state->ids, entry);
        }
    }

  /* The figures the customer triggers of schema step 1 keep: done touches
   * count and date the last touch; orders that are not cancelled count,
   * date the first order and add up. */
  if (!self->loading && customer >= 0 && table_index == schema->touches)
    {
      TpBackupFigures *figures = &self->figures[customer];
      TpBackupSlot *happened = &self->row[schema->t_happened_at];

      if (self->row[schema->t_done].integer == 1)
        {
          figures->touch_count++;
          if (strcmp (happened->text->str, figures->last_touch_at) > 0)
            memcpy (figures->last_touch_at, happened->text->str, TP_SCHEMA_TIME_LENGTH + 1);
        }
    }
  else if (!self->loading && customer >= 0 && table_index == schema->orders)
    {
      TpBackupFigures *figures = &self->figures[customer];
      TpBackupSlot *ordered = &self->row[schema->o_ordered_at];

      if (!g_str_equal (self->row[schema->o_status].text->str, "cancelled"))
        {
          figures->order_count++;
          if (self->row[schema->o_amount].integer > G_MAXINT64 - figures->total_spent)
            return fail_field (self, self->row[schema->o_amount].line,
                               &table->columns[schema->o_amount], error, "%s",
                               _("the orders of this customer add up to more than can be stored"));
          figures->total_spent += self->row[schema->o_amount].integer;
          if (figures->first_order_at[0] == '\0' ||
              strcmp (ordered->text->str, figures->first_order_at) < 0)
            memcpy (figures->first_order_at, ordered->text->str, TP_SCHEMA_TIME_LENGTH + 1);
        }
    }

  return TRUE;
}

static gboolean
report_rows (TpBackupRestore  *self,
             gsize             table_offset,
             GError          **error)
{
  TpBackupReader *r = &self->reader;

  if (++self->rows_since_check < TP_BACKUP_ROWS_PER_CHECK)
    return TRUE;

  self->rows_since_check = 0;
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  if (self->loading)
    _tp_backup_progress_report (&self->progress,
                                (double)(self->bytes_done + (r->pos - table_offset)) /
                                (double)MAX (self->bytes_total, 1));
  else
    _tp_backup_progress_report (&self->progress, (double)r->pos / (double)MAX (r->len, 1));

  return TRUE;
}

static void
bind_row (TpBackupRestore *self,
          int              table_index,
          TpStatement     *stmt,
          int              first_param,
          TpBackupSlot    *row)
{
  TpBackupSchema *schema = self->schema;
  TpBackupTable *table = g_ptr_array_index (schema->tables, table_index);
  TpBackupFigures *figures = NULL;

  if (table_index == schema->customers)
    {
      int id_column = _tp_backup_table_find_column (table, "id");
      gssize index = find_id (&self->states[table_index], row[id_column].integer);

      g_assert (index >= 0);
      figures = &self->figures[index];
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      TpBackupSlot *slot = &row[i];
      int param = first_param + (int)i;

      if (figures != NULL && table->columns[i].rule == TP_BACKUP_RULE_DERIVED)
        {
          if ((int)i == schema->c_touch_count)
            tp_statement_bind_int64 (stmt, param, figures->touch_count);
          else if ((int)i == schema->c_order_count)
            tp_statement_bind_int64 (stmt, param, figures->order_count);
          else if ((int)i == schema->c_total_spent)
            tp_statement_bind_int64 (stmt, param, figures->total_spent);
          else if ((int)i == schema->c_last_touch_at && figures->last_touch_at[0] != '\0')
            tp_statement_bind_text (stmt, param, figures->last_touch_at);
          else if ((int)i == schema->c_first_order_at && figures->first_order_at[0] != '\0')
            tp_statement_bind_text (stmt, param, figures->first_order_at);
          else
            tp_statement_bind_null (stmt, param);
          continue;
        }

      switch (slot->kind)
        {
        case TP_BACKUP_VALUE_INT:
          tp_statement_bind_int64 (stmt, param, slot->integer);
          break;

        case TP_BACKUP_VALUE_TEXT:
          tp_statement_bind_text (stmt, param, slot->text->str);
          break;

        case TP_BACKUP_VALUE_NULL:
        case TP_BACKUP_VALUE_MISSING:
        default:
          tp_statement_bind_null (stmt, param);
          break;
        }
    }
}

/* Inserts the rows read so far: all at once when there is a full batch,
 * else (or if the batch fails, to find the row at fault) one by one. */
static gboolean
insert_pending (TpBackupRestore  *self,
                int               table_index,
                GError          **error)
{
  TpBackupTable *table = g_ptr_array_index (self->schema->tables, table_index);
  guint max_columns = self->schema->max_columns;

  if (self->pending == TP_BACKUP_BATCH_ROWS)
    {
      g_autoptr(GError) batch_error = NULL;

      for (guint k = 0; k < TP_BACKUP_BATCH_ROWS; k++)
        bind_row (self, table_index, self->insert_batch, (int)(k * table->n_columns) + 1,
                  &self->slots[k * max_columns]);

      tp_statement_step (self->insert_batch, &batch_error);
      tp_statement_reset (self->insert_batch);
      if (batch_error == NULL)
        {
          self->pending = 0;
          return TRUE;
        }
      /* Anything but a row the rules refuse (a lost connection, a full
       * disk) is the database's own problem, said as it is. */
      if (!g_error_matches (batch_error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONSTRAINT))
        {
          g_propagate_error (error, g_steal_pointer (&batch_error));
          return FALSE;
        }
    }

  for (guint k = 0; k < self->pending; k++)
    {
      g_autoptr(GError) row_error = NULL;

      bind_row (self, table_index, self->insert_one, 1, &self->slots[k * max_columns]);
      tp_statement_step (self->insert_one, &row_error);
      tp_statement_reset (self->insert_one);

      if (row_error != NULL &&
          !g_error_matches (row_error, TP_DATABASE_ERROR, TP_DATABASE_ERROR_CONSTRAINT))
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          return FALSE;
        }
      if (row_error != NULL)
        return _tp_backup_fail (&self->reader, self->row_lines[k], error, TP_BACKUP_ERROR_INVALID,
                                /* Translators: the first %s is a table, the second what the
                                 * database said */
                                _("the database refused this row of “%s”: %s"),
                                table->name, row_error->message);
    }

  self->pending = 0;
  return TRUE;
}

static gboolean
finish_table (TpBackupRestore  *self,
              int               table_index,
              GError          **error)
{
  TpBackupTable *table = g_ptr_array_index (self->schema->tables, table_index);
  TpBackupTableState *state = &self->states[table_index];

  if (!state->ascending)
    {
      g_array_sort (state->ids, compare_id_lines);

      for (guint i = 1; i < state->ids->len; i++)
        {
          TpBackupIdLine *here = &g_array_index (state->ids, TpBackupIdLine, i);
          TpBackupIdLine *before = &g_array_index (state->ids, TpBackupIdLine, i - 1);

          if (here->id == before->id)
            {
              g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, here->id);

              return _tp_backup_fail (&self->reader, here->line, error, TP_BACKUP_ERROR_INVALID,
                                      /* Translators: the first %s is a number, the second a
                                       * table, %u a line number */
                                      _("field “id”: %s is used twice in “%s” "
                                        "(also on line %u)"),
                                      id, table->name, before->line);
            }
        }
    }

  if (table_index == self->schema->customers)
    self->figures = g_new0 (TpBackupFigures, MAX (state->ids->len, 1));

  return TRUE;
}

/* Reads the list of rows of one table at the reader's position. */
gboolean
_tp_backup_process_table (TpBackupRestore  *self,
                          int               table_index,
                          GError          **error)
{
  TpBackupReader *r = &self->reader;
  TpBackupTable *table = g_ptr_array_index (self->schema->tables, table_index);
  TpBackupTableState *state = &self->states[table_index];
  gsize offset;
  guint row_line = 0;
  int c;

  c = _tp_backup_peek (r);
  if (c < 0)
    return _tp_backup_fail_truncated (r, error);
  if (c != '[')
    return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID,
                            /* Translators: %s is the name of a table */
                            _("table “%s” must be a list of rows in brackets"), table->name);

  offset = r->pos;
  if (!self->loading)
    {
      state->offset = r->pos;
      state->line = r->line;
    }
  r->pos++;

  if (self->loading)
    {
      g_autoptr(GString) batch = g_string_new (table->insert_sql);

      for (guint k = 1; k < TP_BACKUP_BATCH_ROWS; k++)
        {
          g_string_append (batch, ", (");
          for (guint i = 0; i < table->n_columns; i++)
            g_string_append_printf (batch, "%s?%u", i > 0 ? ", " : "",
                                    k * table->n_columns + i + 1);
          g_string_append_c (batch, ')');
        }

      self->pending = 0;
      self->insert_one = tp_database_prepare (self->db, table->insert_sql, error);
      if (self->insert_one == NULL)
        return FALSE;
      self->insert_batch = tp_database_prepare (self->db, batch->str, error);
      if (self->insert_batch == NULL)
        return FALSE;
    }

  if (_tp_backup_peek (r) == ']')
    {
      r->pos++;
    }
  else
    {
      for (;;)
        {
          self->row = &self->slots[self->pending * self->schema->max_columns];

          if (!read_row (self, table, &row_line, error) ||
              !check_row (self, table_index, row_line, error))
            return FALSE;

          if (self->loading)
            {
              self->row_lines[self->pending++] = row_line;
              if (self->pending == TP_BACKUP_BATCH_ROWS &&
                  !insert_pending (self, table_index, error))
                return FALSE;
            }

          if (!report_rows (self, offset, error))
            return FALSE;

          c = _tp_backup_peek (r);
          if (c < 0)
            return _tp_backup_fail_truncated (r, error);
          if (c == ']')
            {
              r->pos++;
              break;
            }
          if (c != ',')
            return _tp_backup_fail (r, r->line, error, TP_BACKUP_ERROR_INVALID, "%s",
                                    _("broken JSON: expected “,” or “]” here"));
          r->pos++;
        }
    }

  self->row = self->slots;

  if (self->loading)
    {
      gboolean ok = insert_pending (self, table_index, error);

      g_clear_pointer (&self->insert_one, tp_statement_reset);
      g_clear_pointer (&self->insert_batch, tp_statement_reset);
      self->bytes_done += r->pos - offset;
      return ok;
    }

  state->end = r->pos;
  state->done = TRUE;

  return finish_table (self, table_index, error);
}
