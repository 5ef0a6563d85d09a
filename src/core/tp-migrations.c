/* tp-migrations.c
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

#define G_LOG_DOMAIN "tp-migrations"

#include "config.h"

#include "tp-migrations-private.h"

/*
 * The schema, one step per version. Step N takes a database from
 * user_version N-1 to N and runs in one transaction. Released steps are
 * never edited: a change is a new step.
 *
 * Times are ISO 8601 UTC text ("2026-11-28T12:00:00Z"), so that they sort
 * as text. Amounts are integer minor units with a currency code.
 *
 * customers carries the figures the customer list sorts and filters by
 * (touch_count, last_touch_at, first_order_at, order_count,
 * total_spent_minor). Triggers keep them equal to what touches and orders
 * say, so that SQLite can sort 100,000 customers by an index instead of
 * aggregating a million touches per query. Only done touches count;
 * planned touches (done = 0) are the follow-up to-do list.
 */

static const char step_1[] =
  "CREATE TABLE settings ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE CHECK (length(key) > 0),"
  "  value TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"

  "CREATE TABLE audiences ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  who TEXT NOT NULL DEFAULT '',"
  "  looks_like TEXT NOT NULL DEFAULT '',"
  "  needs TEXT NOT NULL DEFAULT '',"
  "  message TEXT NOT NULL DEFAULT '',"
  "  is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE UNIQUE INDEX audiences_one_primary ON audiences (is_primary) WHERE is_primary = 1;"

  "CREATE TABLE audience_places ("
  "  id INTEGER PRIMARY KEY,"
  "  audience_id INTEGER NOT NULL REFERENCES audiences (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('forum', 'online-group', 'social-network',"
  "    'ad-platform', 'event', 'partner-business', 'email-list', 'other')),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  link TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX audience_places_by_audience ON audience_places (audience_id, position);"

  "CREATE TABLE brand ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  business_name TEXT NOT NULL DEFAULT '',"
  "  friends_words TEXT NOT NULL DEFAULT '',"
  "  positioning TEXT NOT NULL DEFAULT '',"
  "  differentiators TEXT NOT NULL DEFAULT '',"
  "  tagline TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"

  "CREATE TABLE brand_words ("
  "  id INTEGER PRIMARY KEY,"
  "  word TEXT NOT NULL CHECK (length(trim(word)) > 0),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE UNIQUE INDEX brand_words_unique ON brand_words (word COLLATE NOCASE);"

  "CREATE TABLE competitors ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  positioning TEXT NOT NULL DEFAULT '',"
  "  strengths TEXT NOT NULL DEFAULT '',"
  "  weaknesses TEXT NOT NULL DEFAULT '',"
  "  link TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"

  "CREATE TABLE tactics ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  channel TEXT NOT NULL CHECK (channel IN ('email', 'social-post', 'ad', 'direct-message',"
  "    'call', 'meeting', 'event', 'website', 'mail', 'partner', 'other')),"
  "  audience_id INTEGER REFERENCES audiences (id) ON DELETE SET NULL,"
  "  cadence_count INTEGER NOT NULL DEFAULT 1 CHECK (cadence_count BETWEEN 1 AND 1000),"
  "  cadence_period TEXT NOT NULL DEFAULT 'week' CHECK (cadence_period IN ('day', 'week', 'month')),"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX tactics_by_audience ON tactics (audience_id);"

  "CREATE TABLE tactic_log ("
  "  id INTEGER PRIMARY KEY,"
  "  tactic_id INTEGER NOT NULL REFERENCES tactics (id) ON DELETE CASCADE,"
  "  done_at TEXT NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX tactic_log_by_tactic ON tactic_log (tactic_id, done_at);"

  "CREATE TABLE customers ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  audience_id INTEGER REFERENCES audiences (id) ON DELETE SET NULL,"
  "  source_channel TEXT CHECK (source_channel IS NULL OR source_channel IN ('email',"
  "    'social-post', 'ad', 'direct-message', 'call', 'meeting', 'event', 'website', 'mail',"
  "    'partner', 'other')),"
  "  stage TEXT NOT NULL DEFAULT 'lead' CHECK (stage IN ('lead', 'prospect', 'customer',"
  "    'repeat', 'lost')),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  touch_count INTEGER NOT NULL DEFAULT 0,"
  "  last_touch_at TEXT,"
  "  first_order_at TEXT,"
  "  order_count INTEGER NOT NULL DEFAULT 0,"
  "  total_spent_minor INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE, id);"
  "CREATE INDEX customers_by_last_touch ON customers (last_touch_at, id);"
  "CREATE INDEX customers_by_touch_count ON customers (touch_count, id);"
  "CREATE INDEX customers_by_stage ON customers (stage, id);"
  "CREATE INDEX customers_by_audience ON customers (audience_id);"
  "CREATE INDEX customers_by_email ON customers (email COLLATE NOCASE) WHERE email != '';"

  "CREATE TABLE touches ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  happened_at TEXT NOT NULL,"
  "  channel TEXT NOT NULL CHECK (channel IN ('email', 'social-post', 'ad', 'direct-message',"
  "    'call', 'meeting', 'event', 'website', 'mail', 'partner', 'other')),"
  "  direction TEXT NOT NULL DEFAULT 'outbound' CHECK (direction IN ('outbound', 'inbound')),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  tactic_id INTEGER REFERENCES tactics (id) ON DELETE SET NULL,"
  "  done INTEGER NOT NULL DEFAULT 1 CHECK (done IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX touches_by_customer ON touches (customer_id, happened_at);"
  "CREATE INDEX touches_by_time ON touches (happened_at);"
  "CREATE INDEX touches_planned ON touches (happened_at) WHERE done = 0;"
  "CREATE INDEX touches_by_tactic ON touches (tactic_id) WHERE tactic_id IS NOT NULL;"

  "CREATE TABLE orders ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  ordered_at TEXT NOT NULL,"
  "  item TEXT NOT NULL CHECK (length(trim(item)) > 0),"
  "  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),"
  "  currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fulfilled', 'cancelled')),"
  "  fulfilled_at TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX orders_by_customer ON orders (customer_id, ordered_at);"
  "CREATE INDEX orders_by_time ON orders (ordered_at);"

  /* Keep the customer figures true. Cancelled orders do not count. */
  "CREATE TRIGGER touches_ai AFTER INSERT ON touches BEGIN"
  "  UPDATE customers SET"
  "    touch_count = (SELECT count(*) FROM touches WHERE customer_id = NEW.customer_id AND done = 1),"
  "    last_touch_at = (SELECT max(happened_at) FROM touches WHERE customer_id = NEW.customer_id AND done = 1)"
  "  WHERE id = NEW.customer_id;"
  "END;"
  "CREATE TRIGGER touches_ad AFTER DELETE ON touches BEGIN"
  "  UPDATE customers SET"
  "    touch_count = (SELECT count(*) FROM touches WHERE customer_id = OLD.customer_id AND done = 1),"
  "    last_touch_at = (SELECT max(happened_at) FROM touches WHERE customer_id = OLD.customer_id AND done = 1)"
  "  WHERE id = OLD.customer_id;"
  "END;"
  "CREATE TRIGGER touches_au AFTER UPDATE OF customer_id, happened_at, done ON touches BEGIN"
  "  UPDATE customers SET"
  "    touch_count = (SELECT count(*) FROM touches WHERE customer_id = customers.id AND done = 1),"
  "    last_touch_at = (SELECT max(happened_at) FROM touches WHERE customer_id = customers.id AND done = 1)"
  "  WHERE id IN (OLD.customer_id, NEW.customer_id);"
  "END;"
  "CREATE TRIGGER orders_ai AFTER INSERT ON orders BEGIN"
  "  UPDATE customers SET"
  "    order_count = (SELECT count(*) FROM orders WHERE customer_id = NEW.customer_id AND status != 'cancelled'),"
  "    first_order_at = (SELECT min(ordered_at) FROM orders WHERE customer_id = NEW.customer_id AND status != 'cancelled'),"
  "    total_spent_minor = (SELECT coalesce(sum(amount_minor), 0) FROM orders WHERE customer_id = NEW.customer_id AND status != 'cancelled')"
  "  WHERE id = NEW.customer_id;"
  "END;"
  "CREATE TRIGGER orders_ad AFTER DELETE ON orders BEGIN"
  "  UPDATE customers SET"
  "    order_count = (SELECT count(*) FROM orders WHERE customer_id = OLD.customer_id AND status != 'cancelled'),"
  "    first_order_at = (SELECT min(ordered_at) FROM orders WHERE customer_id = OLD.customer_id AND status != 'cancelled'),"
  "    total_spent_minor = (SELECT coalesce(sum(amount_minor), 0) FROM orders WHERE customer_id = OLD.customer_id AND status != 'cancelled')"
  "  WHERE id = OLD.customer_id;"
  "END;"
  "CREATE TRIGGER orders_au AFTER UPDATE OF customer_id, ordered_at, amount_minor, status ON orders BEGIN"
  "  UPDATE customers SET"
  "    order_count = (SELECT count(*) FROM orders WHERE customer_id = customers.id AND status != 'cancelled'),"
  "    first_order_at = (SELECT min(ordered_at) FROM orders WHERE customer_id = customers.id AND status != 'cancelled'),"
  "    total_spent_minor = (SELECT coalesce(sum(amount_minor), 0) FROM orders WHERE customer_id = customers.id AND status != 'cancelled')"
  "  WHERE id IN (OLD.customer_id, NEW.customer_id);"
  "END;";

/* Marks the file as Touchpoint's (see TP_APPLICATION_ID), so that
 * opening can tell it from another program's database without guessing
 * from its tables. */
static const char step_2[] =
  "PRAGMA application_id = 1415800912;";

G_STATIC_ASSERT (TP_APPLICATION_ID == 1415800912);
G_STATIC_ASSERT (TP_APPLICATION_ID_VERSION == 2);

/* Step 3: the channels get "forum" and "online-group", the place kinds of
 * the same names, so that a forum tactic need not be filed as a social
 * post. SQLite cannot change a CHECK constraint, so the three tables with
 * a channel are built anew, their rows copied with their ids, and their
 * indexes and triggers made again. migrate() runs steps with foreign keys
 * off, so dropping the old tables cascades nothing. */
#define CHANNELS_3 \
  "'email', 'social-post', 'ad', 'direct-message', 'call', 'meeting', 'event', 'website'," \
  " 'mail', 'partner', 'forum', 'online-group', 'other'"

static const char step_3[] =
  "PRAGMA legacy_alter_table = ON;"

  "CREATE TABLE tactics_3 ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  channel TEXT NOT NULL CHECK (channel IN (" CHANNELS_3 ")),"
  "  audience_id INTEGER REFERENCES audiences (id) ON DELETE SET NULL,"
  "  cadence_count INTEGER NOT NULL DEFAULT 1 CHECK (cadence_count BETWEEN 1 AND 1000),"
  "  cadence_period TEXT NOT NULL DEFAULT 'week' CHECK (cadence_period IN ('day', 'week', 'month')),"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "INSERT INTO tactics_3 (id, name, channel, audience_id, cadence_count, cadence_period, active,"
  "    notes, position, created_at, updated_at)"
  "  SELECT id, name, channel, audience_id, cadence_count, cadence_period, active,"
  "    notes, position, created_at, updated_at FROM tactics;"
  "DROP TABLE tactics;"
  "ALTER TABLE tactics_3 RENAME TO tactics;"
  "CREATE INDEX tactics_by_audience ON tactics (audience_id);"

  "CREATE TABLE customers_3 ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  audience_id INTEGER REFERENCES audiences (id) ON DELETE SET NULL,"
  "  source_channel TEXT CHECK (source_channel IS NULL OR source_channel IN (" CHANNELS_3 ")),"
  "  stage TEXT NOT NULL DEFAULT 'lead' CHECK (stage IN ('lead', 'prospect', 'customer',"
  "    'repeat', 'lost')),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  touch_count INTEGER NOT NULL DEFAULT 0,"
  "  last_touch_at TEXT,"
  "  first_order_at TEXT,"
  "  order_count INTEGER NOT NULL DEFAULT 0,"
  "  total_spent_minor INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "INSERT INTO customers_3 (id, name, email, phone, audience_id, source_channel, stage, notes,"
  "    touch_count, last_touch_at, first_order_at, order_count, total_spent_minor,"
  "    created_at, updated_at)"
  "  SELECT id, name, email, phone, audience_id, source_channel, stage, notes,"
  "    touch_count, last_touch_at, first_order_at, order_count, total_spent_minor,"
  "    created_at, updated_at FROM customers;"
  "DROP TABLE customers;"
  "ALTER TABLE customers_3 RENAME TO customers;"
  "CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE, id);"
  "CREATE INDEX customers_by_last_touch ON customers (last_touch_at, id);"
  "CREATE INDEX customers_by_touch_count ON customers (touch_count, id);"
  "CREATE INDEX customers_by_stage ON customers (stage, id);"
  "CREATE INDEX customers_by_audience ON customers (audience_id);"
  "CREATE INDEX customers_by_email ON customers (email COLLATE NOCASE) WHERE email != '';"

  "CREATE TABLE touches_3 ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  happened_at TEXT NOT NULL,"
  "  channel TEXT NOT NULL CHECK (channel IN (" CHANNELS_3 ")),"
  "  direction TEXT NOT NULL DEFAULT 'outbound' CHECK (direction IN ('outbound', 'inbound')),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  tactic_id INTEGER REFERENCES tactics (id) ON DELETE SET NULL,"
  "  done INTEGER NOT NULL DEFAULT 1 CHECK (done IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "INSERT INTO touches_3 (id, customer_id, happened_at, channel, direction, note, tactic_id, done,"
  "    created_at, updated_at)"
  "  SELECT id, customer_id, happened_at, channel, direction, note, tactic_id, done,"
  "    created_at, updated_at FROM touches;"
  "DROP TABLE touches;"
  "ALTER TABLE touches_3 RENAME TO touches;"
  "CREATE INDEX touches_by_customer ON touches (customer_id, happened_at);"
  "CREATE INDEX touches_by_time ON touches (happened_at);"
  "CREATE INDEX touches_planned ON touches (happened_at) WHERE done = 0;"
  "CREATE INDEX touches_by_tactic ON touches (tactic_id) WHERE tactic_id IS NOT NULL;"
  "CREATE TRIGGER touches_ai AFTER INSERT ON touches BEGIN"
  "  UPDATE customers SET"
  "    touch_count = (SELECT count(*) FROM touches WHERE customer_id = NEW.customer_id AND done = 1),"
  "    last_touch_at = (SELECT max(happened_at) FROM touches WHERE customer_id = NEW.customer_id AND done = 1)"
  "  WHERE id = NEW.customer_id;"
  "END;"
  "CREATE TRIGGER touches_ad AFTER DELETE ON touches BEGIN"
  "  UPDATE customers SET"
  "    touch_count = (SELECT count(*) FROM touches WHERE customer_id = OLD.customer_id AND done = 1),"
  "    last_touch_at = (SELECT max(happened_at) FROM touches WHERE customer_id = OLD.customer_id AND done = 1)"
  "  WHERE id = OLD.customer_id;"
  "END;"
  "CREATE TRIGGER touches_au AFTER UPDATE OF customer_id, happened_at, done ON touches BEGIN"
  "  UPDATE customers SET"
  "    touch_count = (SELECT count(*) FROM touches WHERE customer_id = customers.id AND done = 1),"
  "    last_touch_at = (SELECT max(happened_at) FROM touches WHERE customer_id = customers.id AND done = 1)"
  "  WHERE id IN (OLD.customer_id, NEW.customer_id);"
  "END;"

  "PRAGMA legacy_alter_table = OFF;";

/* Step 4: a touch names the audience's place where it happened (the
 * forum, the group, the event, the partner) beside its tactic, so that
 * Results can tell what each place produced. The column sits beside
 * tactic_id, so the table is built anew as in step 3 (rows copied with
 * their ids, place_id unset); deleting a place unsets it. An index of the
 * done touches by time, covering what Results reads, keeps a period's
 * figures off the table's pages. */
static const char step_4[] =
  "PRAGMA legacy_alter_table = ON;"

  "CREATE TABLE touches_4 ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  happened_at TEXT NOT NULL,"
  "  channel TEXT NOT NULL CHECK (channel IN (" CHANNELS_3 ")),"
  "  direction TEXT NOT NULL DEFAULT 'outbound' CHECK (direction IN ('outbound', 'inbound')),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  tactic_id INTEGER REFERENCES tactics (id) ON DELETE SET NULL,"
  "  place_id INTEGER REFERENCES audience_places (id) ON DELETE SET NULL,"
  "  done INTEGER NOT NULL DEFAULT 1 CHECK (done IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "INSERT INTO touches_4 (id, customer_id, happened_at, channel, direction, note, tactic_id, done,"
  "    created_at, updated_at)"
  "  SELECT id, customer_id, happened_at, channel, direction, note, tactic_id, done,"
  "    created_at, updated_at FROM touches;"
  "DROP TABLE touches;"
  "ALTER TABLE touches_4 RENAME TO touches;"
  "CREATE INDEX touches_by_customer ON touches (customer_id, happened_at);"
  "CREATE INDEX touches_by_time ON touches (happened_at);"
  "CREATE INDEX touches_planned ON touches (happened_at) WHERE done = 0;"
  "CREATE INDEX touches_by_tactic ON touches (tactic_id) WHERE tactic_id IS NOT NULL;"
  "CREATE INDEX touches_by_place ON touches (place_id) WHERE place_id IS NOT NULL;"
  /* Results reads a period's done touches from this index alone */
  "CREATE INDEX touches_results ON touches (happened_at, customer_id, tactic_id, place_id, done)"
  "  WHERE done = 1;"
  "CREATE TRIGGER touches_ai AFTER INSERT ON touches BEGIN"
  "  UPDATE customers SET"
  "    touch_count = (SELECT count(*) FROM touches WHERE customer_id = NEW.customer_id AND done = 1),"
  "    last_touch_at = (SELECT max(happened_at) FROM touches WHERE customer_id = NEW.customer_id AND done = 1)"
  "  WHERE id = NEW.customer_id;"
  "END;"
  "CREATE TRIGGER touches_ad AFTER DELETE ON touches BEGIN"
  "  UPDATE customers SET"
  "    touch_count = (SELECT count(*) FROM touches WHERE customer_id = OLD.customer_id AND done = 1),"
  "    last_touch_at = (SELECT max(happened_at) FROM touches WHERE customer_id = OLD.customer_id AND done = 1)"
  "  WHERE id = OLD.customer_id;"
  "END;"
  "CREATE TRIGGER touches_au AFTER UPDATE OF customer_id, happened_at, done ON touches BEGIN"
  "  UPDATE customers SET"
  "    touch_count = (SELECT count(*) FROM touches WHERE customer_id = customers.id AND done = 1),"
  "    last_touch_at = (SELECT max(happened_at) FROM touches WHERE customer_id = customers.id AND done = 1)"
  "  WHERE id IN (OLD.customer_id, NEW.customer_id);"
  "END;"

  "PRAGMA legacy_alter_table = OFF;";


/* Step 5: what Results reads, kept by triggers so that a period's
 * figures cost in proportion to the period, not to the whole business
 * (HACKING.md, "Attribution").
 *
 * results_customers: one row per customer who has a done touch or an
 * order that is not cancelled (id = the customer's id): their audience
 * (the one their touches are counted for below), stage and orders that
 * are not cancelled (copied, so that a period's people are read from an
 * index alone), their first done touch ever (by time, then id: its id,
 * time, tactic, place, channel), their first purchase (the first order
 * that is not cancelled, by time then id), how many done touches lie at
 * or before it, and the last of them (id, time, tactic, place).
 * Inserting a touch updates the row in place; any other change of a
 * touch that can move those figures, and any change of an order, works
 * the row out anew from the indexes by customer (which gives the same
 * whatever order the triggers of one statement run in: PostgreSQL runs
 * them at the end of the statement, after its cascades).
 *
 * results_days: done touches counted per day (the first ten characters
 * of a time in the form Touchpoint writes; '' for any other text), tactic,
 * place and the audience of the customer's row above (0 for none). A
 * customer's change of audience moves their counts; a deleted customer's
 * counts go before the cascade takes their touches (whose triggers then
 * find no row and do nothing), and so do those of a deleted audience's
 * customers, before its cascades unset the audience on them and the
 * place on its touches. A deleted tactic or place unsets it on its
 * touches, which moves their counts to 0. */
#define RESULTS_DAY(t) \
  "(CASE WHEN length (" t ") = 20 AND substr (" t ", 11, 1) = 'T'" \
  " AND substr (" t ", 20, 1) = 'Z' THEN substr (" t ", 1, 10) ELSE '' END)"

#define RESULTS_DAYS_ADD \
  " ON CONFLICT (day, tactic_id, place_id, audience_id)" \
  " DO UPDATE SET n_touches = results_days.n_touches + excluded.n_touches;"

/* The audience customer @c's touches are counted for */
#define RESULTS_COUNTED(c) \
  "(SELECT r.audience_id FROM results_customers AS r WHERE r.id = " c ")"

/* The done touches of customer @c (an expression), counted into the
 * days of @audience with @sign ("" or "-") */
#define RESULTS_DAYS_MOVE(c, audience, sign, cond) \
  "INSERT INTO results_days (day, tactic_id, place_id, audience_id, n_touches)" \
  " SELECT " RESULTS_DAY ("t.happened_at") ", coalesce (t.tactic_id, 0)," \
  " coalesce (t.place_id, 0), coalesce (" audience ", 0), " sign "count(*)" \
  " FROM touches AS t WHERE t.customer_id = " c " AND t.done = 1 AND " cond \
  " GROUP BY 1, 2, 3" \
  RESULTS_DAYS_ADD

/* Works out the row of the customer whose id is @c, when @cond holds;
 * the audience counted for stays (only a new row takes the customer's) */
#define RESULTS_CUSTOMER(c, cond) \
  "INSERT INTO results_customers (id, audience_id, stage, order_count, first_touch_id," \
  " first_touch_at, first_tactic_id, first_place_id, first_channel, first_order_id," \
  " first_order_at, touches_before_order, last_touch_id, last_touch_at, last_tactic_id," \
  " last_place_id)" \
  " SELECT c.id, c.audience_id, c.stage," \
  " (SELECT count(*) FROM orders AS z WHERE z.customer_id = c.id AND z.status != 'cancelled')," \
  " f.id, f.happened_at, f.tactic_id, f.place_id, f.channel, o.id, o.ordered_at," \
  " (SELECT count(*) FROM touches AS n WHERE n.customer_id = c.id AND n.done = 1" \
  "  AND n.happened_at <= o.ordered_at)," \
  " l.id, l.happened_at, l.tactic_id, l.place_id" \
  " FROM customers AS c" \
  " LEFT JOIN touches AS f ON f.id = (SELECT x.id FROM touches AS x" \
  "  WHERE x.customer_id = c.id AND x.done = 1 ORDER BY x.happened_at, x.id LIMIT 1)" \
  " LEFT JOIN orders AS o ON o.id = (SELECT y.id FROM orders AS y" \
  "  WHERE y.customer_id = c.id AND y.status != 'cancelled' ORDER BY y.ordered_at, y.id LIMIT 1)" \
  " LEFT JOIN touches AS l ON l.id = (SELECT x.id FROM touches AS x" \
  "  WHERE x.customer_id = c.id AND x.done = 1 AND x.happened_at <= o.ordered_at" \
  "  ORDER BY x.happened_at DESC, x.id DESC LIMIT 1)" \
  " WHERE c.id = " c " AND " cond \
  " ON CONFLICT (id) DO UPDATE SET" \
  " stage = excluded.stage, order_count = excluded.order_count," \
  " first_touch_id = excluded.first_touch_id," \
  " first_touch_at = excluded.first_touch_at, first_tactic_id = excluded.first_tactic_id," \
  " first_place_id = excluded.first_place_id, first_channel = excluded.first_channel," \
  " first_order_id = excluded.first_order_id, first_order_at = excluded.first_order_at," \
  " touches_before_order = excluded.touches_before_order," \
  " last_touch_id = excluded.last_touch_id, last_touch_at = excluded.last_touch_at," \
  " last_tactic_id = excluded.last_tactic_id, last_place_id = excluded.last_place_id;"

/* The touch @t (NEW or OLD) counted into its day with @n */
#define RESULTS_TOUCH_DAY(t, n, cond) \
  "INSERT INTO results_days (day, tactic_id, place_id, audience_id, n_touches)" \
  " SELECT " RESULTS_DAY (t ".happened_at") ", coalesce (" t ".tactic_id, 0)," \
  " coalesce (" t ".place_id, 0), coalesce (r.audience_id, 0), " n \
  " FROM results_customers AS r WHERE r.id = " t ".customer_id AND " t ".done = 1 AND " cond \
  RESULTS_DAYS_ADD

/* A touch later than the last one at or before the first purchase */
#define RESULTS_LATER \
  "(last_touch_id IS NULL OR NEW.happened_at > last_touch_at" \
  " OR (NEW.happened_at = last_touch_at AND NEW.id > last_touch_id))"

#define RESULTS_KEYS_CHANGED \
  "(OLD.customer_id != NEW.customer_id OR OLD.happened_at != NEW.happened_at" \
  " OR OLD.done != NEW.done)"

#define RESULTS_COUNT_CHANGED \
  "(" RESULTS_KEYS_CHANGED " OR OLD.tactic_id IS NOT NEW.tactic_id" \
  " OR OLD.place_id IS NOT NEW.place_id)"

#define RESULTS_REBUILD \
  "DELETE FROM results_days;" \
  "DELETE FROM results_customers;" \
  "INSERT INTO results_days (day, tactic_id, place_id, audience_id, n_touches)" \
  " SELECT " RESULTS_DAY ("t.happened_at") ", coalesce (t.tactic_id, 0)," \
  " coalesce (t.place_id, 0), coalesce (c.audience_id, 0), count(*)" \
  " FROM touches AS t JOIN customers AS c ON c.id = t.customer_id WHERE t.done = 1" \
  " GROUP BY 1, 2, 3, 4;" \
  RESULTS_CUSTOMER ("c.id", "(c.touch_count > 0 OR c.order_count > 0)")

static const char step_5[] =
  "CREATE TABLE results_customers ("
  "  id INTEGER PRIMARY KEY,"
  "  audience_id INTEGER,"
  "  stage TEXT,"
  "  order_count INTEGER NOT NULL DEFAULT 0,"
  "  first_touch_id INTEGER,"
  "  first_touch_at TEXT,"
  "  first_tactic_id INTEGER,"
  "  first_place_id INTEGER,"
  "  first_channel TEXT,"
  "  first_order_id INTEGER,"
  "  first_order_at TEXT,"
  "  touches_before_order INTEGER NOT NULL DEFAULT 0,"
  "  last_touch_id INTEGER,"
  "  last_touch_at TEXT,"
  "  last_tactic_id INTEGER,"
  "  last_place_id INTEGER"
  ");"
  /* Results reads the people of a period from these indexes alone */
  "CREATE INDEX results_customers_by_first_touch ON results_customers (first_touch_at,"
  "  first_tactic_id, first_place_id, audience_id, stage, order_count, first_order_at,"
  "  touches_before_order) WHERE first_touch_at IS NOT NULL;"
  "CREATE INDEX results_customers_by_first_order ON results_customers (first_order_at,"
  "  audience_id, touches_before_order, first_tactic_id, first_place_id, last_tactic_id,"
  "  last_place_id) WHERE first_order_at IS NOT NULL;"

  "CREATE TABLE results_days ("
  "  id INTEGER PRIMARY KEY,"
  "  day TEXT NOT NULL,"
  "  tactic_id INTEGER NOT NULL,"
  "  place_id INTEGER NOT NULL,"
  "  audience_id INTEGER NOT NULL,"
  "  n_touches INTEGER NOT NULL"
  ");"
  "CREATE UNIQUE INDEX results_days_key ON results_days (day, tactic_id, place_id, audience_id);"

  /* A period's revenue, read from this index alone */
  "CREATE INDEX orders_results ON orders (ordered_at, currency, customer_id, amount_minor,"
  "  status)"
  "  WHERE status != 'cancelled';"

  /* The funnel's people without a touch, by when they were added */
  "CREATE INDEX customers_untouched_by_created ON customers (created_at, audience_id, stage,"
  "  order_count) WHERE touch_count = 0;"

  "CREATE TRIGGER results_touches_ai AFTER INSERT ON touches BEGIN "
  "  INSERT INTO results_customers (id, audience_id, stage, first_touch_id, first_touch_at,"
  "   first_tactic_id, first_place_id, first_channel)"
  "  SELECT c.id, c.audience_id, c.stage, NEW.id, NEW.happened_at, NEW.tactic_id, NEW.place_id,"
  "   NEW.channel"
  "  FROM customers AS c WHERE c.id = NEW.customer_id AND NEW.done = 1"
  "  ON CONFLICT (id) DO UPDATE SET first_touch_id = excluded.first_touch_id,"
  "   first_touch_at = excluded.first_touch_at, first_tactic_id = excluded.first_tactic_id,"
  "   first_place_id = excluded.first_place_id, first_channel = excluded.first_channel"
  "  WHERE results_customers.first_touch_id IS NULL"
  "   OR excluded.first_touch_at < results_customers.first_touch_at"
  "   OR (excluded.first_touch_at = results_customers.first_touch_at"
  "    AND excluded.first_touch_id < results_customers.first_touch_id);"
  "  UPDATE results_customers SET touches_before_order = touches_before_order + 1,"
  "   last_touch_id = CASE WHEN " RESULTS_LATER " THEN NEW.id ELSE last_touch_id END,"
  "   last_touch_at = CASE WHEN " RESULTS_LATER " THEN NEW.happened_at ELSE last_touch_at END,"
  "   last_tactic_id = CASE WHEN " RESULTS_LATER " THEN NEW.tactic_id ELSE last_tactic_id END,"
  "   last_place_id = CASE WHEN " RESULTS_LATER " THEN NEW.place_id ELSE last_place_id END"
  "  WHERE id = NEW.customer_id AND NEW.done = 1 AND first_order_at IS NOT NULL"
  "   AND NEW.happened_at <= first_order_at;"
  RESULTS_TOUCH_DAY ("NEW", "1", "1 = 1")
  "END;"

  "CREATE TRIGGER results_touches_ad AFTER DELETE ON touches BEGIN "
  RESULTS_TOUCH_DAY ("OLD", "-1", "1 = 1")
  RESULTS_CUSTOMER ("OLD.customer_id",
                    "OLD.done = 1 AND EXISTS (SELECT 1 FROM results_customers AS r"
                    " WHERE r.id = c.id AND (r.first_touch_id = OLD.id OR r.last_touch_id = OLD.id"
                    " OR OLD.happened_at <= r.first_order_at))")
  "END;"

  "CREATE TRIGGER results_touches_au AFTER UPDATE OF customer_id, happened_at, done, tactic_id,"
  "  place_id, channel ON touches BEGIN "
  RESULTS_CUSTOMER ("OLD.customer_id", RESULTS_KEYS_CHANGED)
  RESULTS_CUSTOMER ("NEW.customer_id", "NEW.customer_id != OLD.customer_id")
  RESULTS_TOUCH_DAY ("OLD", "-1", RESULTS_COUNT_CHANGED)
  RESULTS_TOUCH_DAY ("NEW", "1", RESULTS_COUNT_CHANGED)
  "  UPDATE results_customers SET first_tactic_id = NEW.tactic_id, first_place_id = NEW.place_id,"
  "   first_channel = NEW.channel"
  "  WHERE id = NEW.customer_id AND first_touch_id = NEW.id;"
  "  UPDATE results_customers SET last_tactic_id = NEW.tactic_id, last_place_id = NEW.place_id"
  "  WHERE id = NEW.customer_id AND last_touch_id = NEW.id;"
  "END;"

  "CREATE TRIGGER results_orders_ai AFTER INSERT ON orders BEGIN "
  RESULTS_CUSTOMER ("NEW.customer_id", "1 = 1")
  "END;"
  "CREATE TRIGGER results_orders_ad AFTER DELETE ON orders BEGIN "
  RESULTS_CUSTOMER ("OLD.customer_id", "1 = 1")
  "END;"
  "CREATE TRIGGER results_orders_au AFTER UPDATE OF customer_id, ordered_at, status ON orders BEGIN "
  RESULTS_CUSTOMER ("OLD.customer_id", "1 = 1")
  RESULTS_CUSTOMER ("NEW.customer_id", "NEW.customer_id != OLD.customer_id")
  "END;"

  "CREATE TRIGGER results_customers_au AFTER UPDATE OF audience_id, stage ON customers BEGIN "
  RESULTS_DAYS_MOVE ("NEW.id", RESULTS_COUNTED ("NEW.id"), "-",
                     RESULTS_COUNTED ("NEW.id") " IS NOT NEW.audience_id")
  RESULTS_DAYS_MOVE ("NEW.id", "NEW.audience_id", "",
                     RESULTS_COUNTED ("NEW.id") " IS NOT NEW.audience_id")
  "  UPDATE results_customers SET audience_id = NEW.audience_id, stage = NEW.stage"
  "  WHERE id = NEW.id;"
  "END;"
  "CREATE TRIGGER results_customers_bd BEFORE DELETE ON customers BEGIN "
  RESULTS_DAYS_MOVE ("OLD.id", RESULTS_COUNTED ("OLD.id"), "-", "1 = 1")
  "  DELETE FROM results_customers WHERE id = OLD.id;"
  "END;"
  /* Before the cascades, which PostgreSQL runs before any of the
   * triggers they fire */
  "CREATE TRIGGER results_audiences_bd BEFORE DELETE ON audiences BEGIN "
  "  INSERT INTO results_days (day, tactic_id, place_id, audience_id, n_touches)"
  "  SELECT " RESULTS_DAY ("t.happened_at") ", coalesce (t.tactic_id, 0),"
  "   coalesce (t.place_id, 0), u.audience_id, u.sign * count(*)"
  "  FROM results_customers AS r JOIN touches AS t ON t.customer_id = r.id AND t.done = 1"
  "  JOIN (SELECT OLD.id AS audience_id, -1 AS sign UNION ALL SELECT 0, 1) AS u ON 1 = 1"
  "  WHERE r.audience_id = OLD.id GROUP BY 1, 2, 3, 4, u.sign"
  RESULTS_DAYS_ADD
  "  UPDATE results_customers SET audience_id = NULL WHERE audience_id = OLD.id;"
  "END;"

  RESULTS_REBUILD;

static const char results_rebuild[] = RESULTS_REBUILD;

/* Step 6: the customer list's search reads the customers whose name,
 * email, phone or notes may hold the typed text from a trigram index
 * instead of reading them all. customers_search is an FTS5 table over
 * those columns of customers (external content: it stores only the
 * index); the triggers keep it in step. A trigram match is a superset of
 * what LIKE finds (it folds case beyond ASCII), so the list checks the
 * LIKE on each row it reads from it. Nothing ranks by it, so it keeps no
 * sizes of columns (columnsize = 0). The index is derived: not backed
 * up, built again after a load (tp_database_end_load()). The team
 * engine makes trigram indexes of its own instead (tp-database-pg-schema.c). */
#define SEARCH_REBUILD \
  "INSERT INTO customers_search (customers_search) VALUES ('rebuild');"

static const char step_6[] =
  "CREATE VIRTUAL TABLE customers_search USING fts5 (name, email, phone, notes,"
  "  content = 'customers', content_rowid = 'id', tokenize = 'trigram', columnsize = 0);"
  "CREATE TRIGGER customers_search_ai AFTER INSERT ON customers BEGIN"
  "  INSERT INTO customers_search (rowid, name, email, phone, notes)"
  "  VALUES (NEW.id, NEW.name, NEW.email, NEW.phone, NEW.notes);"
  "END;"
  "CREATE TRIGGER customers_search_ad AFTER DELETE ON customers BEGIN"
  "  INSERT INTO customers_search (customers_search, rowid, name, email, phone, notes)"
  "  VALUES ('delete', OLD.id, OLD.name, OLD.email, OLD.phone, OLD.notes);"
  "END;"
  "CREATE TRIGGER customers_search_au AFTER UPDATE OF id, name, email, phone, notes ON customers"
  "  BEGIN"
  "  INSERT INTO customers_search (customers_search, rowid, name, email, phone, notes)"
  "  VALUES ('delete', OLD.id, OLD.name, OLD.email, OLD.phone, OLD.notes);"
  "  INSERT INTO customers_search (rowid, name, email, phone, notes)"
  "  VALUES (NEW.id, NEW.name, NEW.email, NEW.phone, NEW.notes);"
  "END;"
  SEARCH_REBUILD;

static const char search_rebuild[] = SEARCH_REBUILD;

/* Step 7: the follow-up queue reads its quiet customers (no purchase,
 * not lost) in the order it shows them, from these indexes alone,
 * instead of reading every customer and sorting: the touched by their
 * last touch, the never touched by when they were added, each then by
 * name and id. They hold the customer figures the triggers keep, so the
 * queue is as current as they are; a load makes them again at its end
 * (tp_database_end_load()). The id comes before the touch count, so
 * that the team engine sorts by the name as the queue does
 * (translate_index () in tp-database-pg-schema.c). */
static const char step_7[] =
  "CREATE INDEX customers_quiet ON customers (last_touch_at, name COLLATE NOCASE, id,"
  "  touch_count) WHERE order_count = 0 AND stage != 'lost' AND touch_count > 0;"
  "CREATE INDEX customers_quiet_untouched ON customers (created_at, name COLLATE NOCASE, id)"
  "  WHERE order_count = 0 AND stage != 'lost' AND touch_count = 0;";

/* Step 8: every row the store changes in place carries a version. It
 * starts at 1 and the store adds one on every update it makes; an update
 * names the version its editor read (… WHERE id = ? AND version = ?), so
 * that a row someone else changed meanwhile is not overwritten but
 * reported as a conflict. The triggers that keep the customer figures do
 * not count: a touch or an order added never conflicts with an edit of
 * its customer. */
#define VERSION_COLUMN(table) \
  "ALTER TABLE " table " ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"

static const char step_8[] =
  VERSION_COLUMN ("audiences")
  VERSION_COLUMN ("audience_places")
  VERSION_COLUMN ("brand")
  VERSION_COLUMN ("brand_words")
  VERSION_COLUMN ("competitors")
  VERSION_COLUMN ("tactics")
  VERSION_COLUMN ("tactic_log")
  VERSION_COLUMN ("customers")
  VERSION_COLUMN ("touches")
  VERSION_COLUMN ("orders");

/* Step 9: who did what. Touches, orders and tactic-log entries record
 * the person who added them (the name set in Preferences, else the
 * user's real name; on a team database the server role unless named),
 * customers the person who set their stage last.
 * Rows from before keep "" and show no name. The team engine also keeps
 * which person was told of which follow-up on which day
 * (step_9_server below), so that two windows of one person notify once. */
static const char step_9[] =
  "ALTER TABLE tactic_log ADD COLUMN person TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE touches ADD COLUMN person TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE orders ADD COLUMN person TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE customers ADD COLUMN stage_person TEXT NOT NULL DEFAULT '';";

/* Step 9 on the server, besides the columns of step_9 (which it makes
 * from the schema description when it sets up a database).
 *
 * follow_up_notices: one row per person, follow-up and day that person
 * was told of it. A window about to notify inserts the row with ON
 * CONFLICT DO NOTHING and notifies only if its insert made the row: the
 * server's unique key decides, atomically, which of a person's windows
 * notifies, whichever desktop it runs on, and the claim outlives the
 * window (a window opened later that day does not notify again). An
 * advisory lock would only last while its session does, and would let a
 * second window notify once the first had closed. A day's claims are of
 * no use the next day; a window deletes those older than a week. */
static const char step_9_server[] =
  "CREATE TABLE follow_up_notices ("
  "  person text NOT NULL,"
  "  follow_up_key text NOT NULL,"
  "  day text NOT NULL,"
  "  PRIMARY KEY (person, follow_up_key, day)"
  ");";

static const char * const migrations[] = {
  step_1,
  step_2,
  step_3,
  step_4,
  step_5,
  step_6,
  step_7,
  step_8,
  step_9,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TP_SCHEMA_VERSION);

/**
 * _tp_migrations_get:
 * @n_steps: (out): the number of steps, equal to %TP_SCHEMA_VERSION
 *
 * Returns: (transfer none): the SQL of each step; step N (1-based) is at
 *   index N - 1
 */
const char * const *
_tp_migrations_get (guint *n_steps)
{
  *n_steps = G_N_ELEMENTS (migrations);
  return migrations;
}

/**
 * _tp_migrations_results_rebuild:
 *
 * Returns: (transfer none): the SQL that works out what the triggers of
 *   step 5 keep for Results (results_customers, results_days) from the
 *   touches and orders, for a database loaded with its triggers off
 */
const char *
_tp_migrations_results_rebuild (void)
{
  return results_rebuild;
}

/**
 * _tp_migrations_search_rebuild:
 *
 * Returns: (transfer none): the SQL (SQLite only) that builds the search
 *   index of step 6 (customers_search) again from the customers, for a
 *   database loaded with its triggers off
 */
const char *
_tp_migrations_search_rebuild (void)
{
  return search_rebuild;
}

/*
 * _tp_migrations_open_model:
 * @model: (out): the new connection; close it with sqlite3_close_v2(),
 *   also on failure
 *
 * Opens a private in-memory database and runs every step in it: what the
 * schema of the current version is, to read it back (the backup's
 * tables, the server's indexes and triggers).
 *
 * Returns: SQLITE_OK, or the first step's error (sqlite3_errmsg() of
 *   @model says more)
 */
int
_tp_migrations_open_model (sqlite3 **model)
{
  const char * const *steps;
  guint n_steps;
  int rc;

  steps = _tp_migrations_get (&n_steps);
  *model = NULL;
  rc = sqlite3_open_v2 (":memory:", model, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < n_steps; i++)
    rc = sqlite3_exec (*model, steps[i], NULL, NULL, NULL);

  return rc;
}

/**
 * _tp_migrations_server_step_9:
 *
 * Returns: (transfer none): the PostgreSQL a team database gets with
 *   step 9 besides its columns: the follow-up notices of each person
 */
const char *
_tp_migrations_server_step_9 (void)
{
  return step_9_server;
}
