/* tp-sample.c
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

#define G_LOG_DOMAIN "tp-sample"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tp-analytics.h"
#include "tp-core-enum-types.h"
#include "tp-enums.h"
#include "tp-sample-filler.h"
#include "tp-sample-private.h"
#include "tp-schema.h"

/*
 * Sample businesses: Good Boy Bakery, a small shop that bakes gluten-free
 * dog treats and sells them online, with its audiences, brand, competitors
 * and three tactics; then either its forty customers (small) or a
 * generated crowd of 100,000 customers, a million touches and 20,000
 * orders for the benchmarks (large).
 *
 * Everything is deterministic: the random draws come from GRands with fixed
 * seeds, and only the dates move, relative to "now". The row counts are
 * the ones tp-sample.h documents.
 *
 * The small sample leaves the customer figures (touch_count,
 * last_touch_at, first_order_at, order_count, total_spent_minor) to the
 * schema's triggers. A generated business is loaded instead
 * (tp_database_begin_load()): no trigger and no index is kept up row by
 * row, which made the huge sample take most of an hour. Each customer's
 * orders are drawn first, so that it goes in with the figures the
 * triggers would keep; its touches follow, in time order, then its
 * orders; and what Results reads (results_customers, results_days) is
 * counted as they go in (tp-sample-generated.c). Only the indexes and
 * the search index are made at the end. A file is written without its
 * write-ahead log meanwhile (tuning_begin()).
 */

#define MARKETING_SEED 0x600DB0E5
#define CUSTOMER_SEED  0x7EA75

G_DEFINE_QUARK (tp-sample-error-quark, tp_sample_error)


/* The marketing side */


typedef struct
{
  const char *name;
  const char *who;
  const char *looks_like;
  const char *needs;
  const char *message;
} SampleAudience;

static const SampleAudience audiences[N_AUDIENCES] = {
  [AUDIENCE_ALLERGY] = {
    "Allergy-aware dog owners",
    "Owners of dogs with food sensitivities, often after months of vet visits and "
    "elimination diets; mostly 30 to 55, careful readers of labels.",
    "Asks about ingredients before the price, keeps a list of what upset the dog, "
    "shares vet advice in online groups, and buys the same food for years once it works.",
    "Treats they can trust completely, every ingredient named, and someone who answers "
    "questions quickly.",
    "Every ingredient named, nothing hidden: treats your sensitive dog can finally enjoy.",
  },
  [AUDIENCE_PREMIUM] = {
    "Premium-food dog parents",
    "Urban couples and young families who treat the dog as one of the family and already "
    "buy premium or fresh food.",
    "Shops at the farmers' market on Saturdays, follows dog accounts on Instagram, buys "
    "the dog a birthday present.",
    "Treats that match the quality of the food they chose, look good as a gift, and "
    "arrive quickly.",
    "Small-batch treats, baked this week, as good as the food in their bowl.",
  },
};

typedef struct
{
  guint        audience;
  TpPlaceKind  kind;
  const char  *name;
  const char  *link;
  const char  *notes;
} SamplePlace;

static const SamplePlace places[] = {
  { AUDIENCE_ALLERGY, TP_PLACE_KIND_FORUM, "Dogs with Allergies forum",
    "https://forum.example.org/dogs-with-allergies",
    "Answer questions on the food sensitivities board; no selling in threads." },
  { AUDIENCE_ALLERGY, TP_PLACE_KIND_ONLINE_GROUP, "Gluten-Free Pups (Facebook group)",
    "https://groups.example.com/gluten-free-pups",
    "About 12,000 members; the admin allows one promotional post a week." },
  { AUDIENCE_ALLERGY, TP_PLACE_KIND_PARTNER_BUSINESS, "Hillside Veterinary Clinic",
    "https://hillside-vets.example.com",
    "Leaflets at reception; the vet nurse suggests us for elimination diets." },
  { AUDIENCE_PREMIUM, TP_PLACE_KIND_SOCIAL_NETWORK, "#rawfeeding on Instagram",
    "https://social.example.com/tags/rawfeeding",
    "Reels of baking days; reply to every comment the same day." },
  { AUDIENCE_PREMIUM, TP_PLACE_KIND_EVENT, "Riverside Farmers' Market",
    "https://riverside-market.example.org",
    "Saturday stall, 8:00 to 13:00; bring the tasting jar and the sign-up sheet." },
  { AUDIENCE_PREMIUM, TP_PLACE_KIND_PARTNER_BUSINESS, "The Muddy Paw grooming salon",
    "https://muddypaw.example.com",
    "Every groomed dog goes home with a sample bag and a 10% code." },
};

G_STATIC_ASSERT (G_N_ELEMENTS (places) == TP_SAMPLE_N_PLACES);

static const char * const brand_words[] = {
  "Playful", "Wholesome", "Honest", "Warm", "Homemade",
};

G_STATIC_ASSERT (G_N_ELEMENTS (brand_words) == TP_SAMPLE_N_BRAND_WORDS);

typedef struct
{
  const char *name;
  const char *positioning;
  const char *strengths;
  const char *weaknesses;
  const char *link;
} SampleCompetitor;

static const SampleCompetitor competitors[] = {
  { "Barkers' Best",
    "Cheap everyday biscuits in big bags at every supermarket: “A treat for every day.”",
    "Sold everywhere; low prices; a name everyone knows.",
    "Wheat in almost every product; long ingredient lists; nobody to ask.",
    "https://barkersbest.example.com" },
  { "Paws & Purity",
    "Premium grain-free subscription boxes for “modern pet parents”.",
    "A polished shop and unboxing; a strong Instagram following.",
    "Expensive; baked in a kitchen shared with wheat; slow to answer questions.",
    "https://pawsandpurity.example.com" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (competitors) == TP_SAMPLE_N_COMPETITORS);

typedef struct
{
  const char      *name;
  TpChannel        channel;
  int              audience;  /* -1: everyone */
  guint            cadence_count;
  TpCadencePeriod  cadence_period;
  const char      *notes;
  const char      *log_note;
} SampleTactic;

static const SampleTactic tactics[N_TACTICS] = {
  [TACTIC_GROUP_POST] = {
    "Helpful post in Gluten-Free Pups", TP_CHANNEL_SOCIAL_POST, AUDIENCE_ALLERGY,
    2, TP_CADENCE_PERIOD_WEEK,
    "One useful post (a recipe, a label-reading tip), then answer every reply.",
    "Posted in the group" },
  [TACTIC_NEWSLETTER] = {
    "Monthly newsletter", TP_CHANNEL_EMAIL, -1,
    1, TP_CADENCE_PERIOD_MONTH,
    "New flavours, the dog of the month, one offer. Goes out on the first Tuesday.",
    "Newsletter sent" },
  [TACTIC_MARKET] = {
    "Saturday stall at Riverside Farmers' Market", TP_CHANNEL_EVENT, AUDIENCE_PREMIUM,
    1, TP_CADENCE_PERIOD_WEEK,
    "Tasting jar, sign-up sheet for the newsletter, cards with the shop's address.",
    "Stall at the market" },
};

G_STATIC_ASSERT (N_TACTICS == TP_SAMPLE_N_TACTICS);

/* Where each tactic's touches happen (an index into places[]; -1: no
 * place, as for the newsletter), so that Results can tell the places
 * apart */
static const int tactic_places[N_TACTICS] = {
  [TACTIC_GROUP_POST] = 1,  /* Gluten-Free Pups */
  [TACTIC_NEWSLETTER] = -1,
  [TACTIC_MARKET] = 4,      /* Riverside Farmers' Market */
};

/* The customers' side */

typedef struct
{
  const char *item;
  gint64      price_minor;
} SampleProduct;

static const SampleProduct products[] = {
  { "Peanut Butter Pupcakes, box of 12", 1450 },
  { "Sweet Potato Chews, 250 g", 895 },
  { "Carob Bone Biscuits, 500 g", 1290 },
  { "Birthday Box", 3450 },
  { "Training Bites, 200 g", 750 },
  { "Monthly Treat Subscription", 2400 },
  { "Pumpkin & Apple Hearts, 300 g", 990 },
};

const SampleTouchKind _tp_sample_touch_kinds[N_TOUCH_KINDS] = {
  { TP_CHANNEL_SOCIAL_POST, TP_DIRECTION_OUTBOUND, "Replied to their comment under the group post" },
  { TP_CHANNEL_SOCIAL_POST, TP_DIRECTION_INBOUND, "Shared a photo of the dog with our treats" },
  { TP_CHANNEL_EMAIL, TP_DIRECTION_OUTBOUND, "Sent the monthly newsletter" },
  { TP_CHANNEL_EMAIL, TP_DIRECTION_INBOUND, "Asked whether the biscuits contain oats" },
  { TP_CHANNEL_DIRECT_MESSAGE, TP_DIRECTION_OUTBOUND, "Sent a sample-bag code" },
  { TP_CHANNEL_DIRECT_MESSAGE, TP_DIRECTION_INBOUND, "Asked about a birthday box" },
  { TP_CHANNEL_EVENT, TP_DIRECTION_OUTBOUND, "Tasted the sweet potato chews at the market stall" },
  { TP_CHANNEL_PARTNER, TP_DIRECTION_INBOUND, "Picked up a sample bag at a partner" },
  { TP_CHANNEL_WEBSITE, TP_DIRECTION_INBOUND, "Browsed the shop and left without buying" },
  { TP_CHANNEL_CALL, TP_DIRECTION_OUTBOUND, "Called about the dog's allergy test results" },
  { TP_CHANNEL_AD, TP_DIRECTION_OUTBOUND, "Clicked the Instagram ad for Pupcakes" },
};

/* Indexes into _tp_sample_touch_kinds, weighted by how each audience is reached */
const guint8 _tp_sample_allergy_kinds[N_WEIGHTED_KINDS] = { 0, 0, 1, 2, 2, 3, 4, 5, 7, 7, 8, 9 };
const guint8 _tp_sample_premium_kinds[N_WEIGHTED_KINDS] = { 0, 1, 1, 2, 5, 6, 6, 6, 7, 8, 10, 10 };

typedef struct
{
  const char *name;
  guint       audience;
  guint       touches;       /* done touches */
  int         planned_days;  /* 0: none; else one planned touch this many days from now */
  guint       orders;        /* orders, cancelled ones included */
  guint       cancelled;     /* the last this many orders are cancelled */
  gboolean    lost;
  guint       buy_after;     /* done touches before the first order */
} SmallCustomer;

#define A AUDIENCE_ALLERGY
#define B AUDIENCE_PREMIUM

static const SmallCustomer small_customers[] = {
  { "Hannah Becker",     A,  9,  0, 2, 0, FALSE,  6 },
  { "Oliver Schmidt",    A,  3,  4, 0, 0, FALSE,  0 },
  { "Sophie Martin",     B, 12,  0, 3, 0, FALSE,  7 },
  { "Lukas Weber",       A,  0,  0, 0, 0, FALSE,  0 },
  { "Mia Johansson",     B,  6,  0, 1, 0, FALSE,  5 },
  { "Noah Williams",     A, 15,  0, 1, 0, FALSE, 11 },
  { "Chloé Dubois",      B,  2,  0, 0, 0, TRUE,   0 },
  { "Emil Nowak",        A,  7, -2, 0, 0, FALSE,  0 },
  { "Isabella Rossi",    B,  5,  0, 1, 0, FALSE,  5 },
  { "Finn O'Connor",     A,  1,  0, 0, 0, FALSE,  0 },
  { "Lena Hoffmann",     A,  8,  0, 1, 0, FALSE,  8 },
  { "Jakub Novák",       B,  4,  7, 0, 0, FALSE,  0 },
  { "Amelia Clarke",     A, 11,  0, 2, 0, FALSE,  9 },
  { "Mateo García",      B, 13,  0, 0, 0, FALSE,  0 },
  { "Ella Svensson",     A,  6,  0, 1, 1, FALSE,  3 },
  { "Henry Thompson",    B, 10,  0, 1, 0, FALSE,  4 },
  { "Zoe Papadopoulos",  A,  3,  0, 0, 0, FALSE,  0 },
  { "Leon Kowalski",     A, 14,  0, 2, 0, FALSE, 12 },
  { "Ava Murphy",        B,  0,  2, 0, 0, FALSE,  0 },
  { "Ben Jansen",        A,  5,  0, 0, 0, TRUE,   0 },
  { "Clara Lindqvist",   B,  9,  0, 1, 0, FALSE,  9 },
  { "Elias Meyer",       A,  2, -1, 0, 0, FALSE,  0 },
  { "Grace Okafor",      B,  7,  0, 1, 0, FALSE,  6 },
  { "Theo Laurent",      A,  4,  0, 0, 0, FALSE,  0 },
  { "Maja Andersen",     B,  8,  0, 2, 1, FALSE,  5 },
  { "Samuel Cohen",      A,  1,  0, 0, 0, FALSE,  0 },
  { "Nora Haddad",       B, 12,  0, 1, 0, FALSE, 10 },
  { "Felix Wagner",      A,  6, 10, 0, 0, FALSE,  0 },
  { "Lily Chen",         B,  3,  0, 1, 0, FALSE,  3 },
  { "Anton Petrov",      A,  0,  0, 0, 0, FALSE,  0 },
  { "Freya Nielsen",     B, 10,  0, 0, 0, FALSE,  0 },
  { "Julian Richter",    A,  7,  0, 1, 0, FALSE,  7 },
  { "Sara Ahmed",        B,  5,  3, 0, 0, FALSE,  0 },
  { "Oscar Lund",        A, 15,  0, 3, 0, FALSE,  8 },
  { "Ida Berg",          B,  2,  0, 0, 0, FALSE,  0 },
  { "Max Keller",        A,  9, -4, 0, 0, FALSE,  0 },
  { "Paula Costa",       B, 11,  0, 1, 0, FALSE, 11 },
  { "Arthur Dupont",     A,  4,  0, 0, 0, TRUE,   0 },
  { "Rosa Jiménez",      B,  8,  0, 0, 0, FALSE,  0 },
  { "Tom Baker",         A,  6,  0, 1, 0, FALSE,  6 },
};

#undef A
#undef B

G_STATIC_ASSERT (G_N_ELEMENTS (small_customers) == TP_SAMPLE_SMALL_N_CUSTOMERS);

static const char * const dog_names[] = {
  "Biscuit", "Luna", "Pepper", "Milo", "Hazel", "Bruno", "Tilly", "Otto", "Mabel", "Rocket",
  "Nala", "Baxter", "Poppy", "Ziggy", "Juno", "Barney",
};

static const char * const dog_breeds[] = {
  "a beagle", "a border collie", "a cockapoo", "a rescue greyhound", "a dachshund",
  "a labrador", "a shih tzu", "a Staffordshire terrier", "a whippet", "a spaniel cross",
};

static const char * const dog_needs[] = {
  "wheat allergy", "sensitive tummy", "picky eater", "on an elimination diet",
  "loves anything with peanut butter", "needs low-fat treats",
};


static gboolean
run (TpStatement  *stmt,
     GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  tp_statement_step (stmt, &local_error);
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gint64
_tp_sample_random_between (GRand  *rand,
                           gint64  low,
                           gint64  high)
{
  if (high <= low)
    return low;

  return low + (gint64) (g_rand_double (rand) * (double) (high - low));
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 ta = *(const gint64 *) a;
  gint64 tb = *(const gint64 *) b;

  return ta < tb ? -1 : ta > tb;
}

/* Fills f->times with n distinct times in [low, high], sorted, most of
 * them in the daytime (08:00–20:00 UTC) as a small shop works */
void
_tp_sample_random_times (Filler *f,
                         guint   n,
                         gint64  low,
                         gint64  high)
{
  gint64 *times;

  if (high < low + (gint64) n)
    high = low + n;

  g_array_set_size (f->times, n);
  times = (gint64 *) (gpointer) f->times->data;

  for (guint i = 0; i < n; i++)
    {
      gint64 t = _tp_sample_random_between (f->rand, low, high);
      gint64 midnight = t - ((t % DAY) + DAY) % DAY;
      gint64 daytime = midnight + 8 * HOUR + (t - midnight) / 2;

      times[i] = daytime >= low && daytime <= high ? daytime : t;
    }

  if (n > 1)
    qsort (times, n, sizeof (gint64), compare_times);

  for (guint i = 1; i < n; i++)
    {
      if (times[i] <= times[i - 1])
        times[i] = times[i - 1] + 1;
    }
}

/**
 * tp_sample_database_is_empty:
 * @db: an open database
 * @empty: (out): whether it holds no business yet (settings aside)
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @empty was found out
 */
gboolean
tp_sample_database_is_empty (TpDatabase  *db,
                             gboolean    *empty,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  TpStatement *stmt;
  gboolean has_data = FALSE;

  /* settings is left out: it holds preferences, not a business */
  stmt = tp_database_prepare (db,
                              "SELECT EXISTS (SELECT 1 FROM audiences)"
                              " OR EXISTS (SELECT 1 FROM audience_places)"
                              " OR EXISTS (SELECT 1 FROM brand)"
                              " OR EXISTS (SELECT 1 FROM brand_words)"
                              " OR EXISTS (SELECT 1 FROM competitors)"
                              " OR EXISTS (SELECT 1 FROM tactics)"
                              " OR EXISTS (SELECT 1 FROM tactic_log)"
                              " OR EXISTS (SELECT 1 FROM customers)"
                              " OR EXISTS (SELECT 1 FROM touches)"
                              " OR EXISTS (SELECT 1 FROM orders)",
                              error);
  if (stmt == NULL)
    return FALSE;

  if (tp_statement_step (stmt, &local_error))
    has_data = tp_statement_get_int64 (stmt, 0) != 0;
  tp_statement_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *empty = !has_data;
  return TRUE;
}

static gboolean
check_empty (TpDatabase  *db,
             GError     **error)
{
  gboolean empty;

  if (!tp_sample_database_is_empty (db, &empty, error))
    return FALSE;

  if (!empty)
    {
      g_set_error (error, TP_SAMPLE_ERROR, TP_SAMPLE_ERROR_NOT_EMPTY,
                   /* Translators: %s is a file name */
                   _("“%s” already holds a business, and a sample business only fills an "
                     "empty database. Nothing was changed; choose a new file."),
                   tp_database_get_display_name (db));
      return FALSE;
    }

  return TRUE;
}

static int
day_of_month (gint64 day)
{
  char text[TIME_LEN];

  format_time (day * DAY, text);
  return atoi (text + 8);
}

static gboolean
fill_marketing (Filler  *f,
                GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (MARKETING_SEED);
  char created[TIME_LEN];
  char when[TIME_LEN];
  TpStatement *stmt;
  gint64 today;

  format_time (f->now - 150 * DAY, created);

  stmt = tp_database_prepare (f->db,
                              "INSERT INTO audiences (name, who, looks_like, needs, message,"
                              " is_primary, position, created_at, updated_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < N_AUDIENCES; i++)
    {
      tp_statement_bind_text (stmt, 1, audiences[i].name);
      tp_statement_bind_text (stmt, 2, audiences[i].who);
      tp_statement_bind_text (stmt, 3, audiences[i].looks_like);
      tp_statement_bind_text (stmt, 4, audiences[i].needs);
      tp_statement_bind_text (stmt, 5, audiences[i].message);
      tp_statement_bind_int64 (stmt, 6, i == AUDIENCE_ALLERGY);
      tp_statement_bind_int64 (stmt, 7, i);
      tp_statement_bind_text (stmt, 8, created);
      if (!run (stmt, error))
        return FALSE;
      f->audience_ids[i] = tp_database_last_insert_id (f->db);
    }

  stmt = tp_database_prepare (f->db,
                              "INSERT INTO audience_places (audience_id, kind, name, link, notes,"
                              " position, created_at, updated_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      tp_statement_bind_int64 (stmt, 1, f->audience_ids[places[i].audience]);
      tp_statement_bind_text (stmt, 2, tp_enum_to_nick (TP_TYPE_PLACE_KIND, places[i].kind));
      tp_statement_bind_text (stmt, 3, places[i].name);
      tp_statement_bind_text (stmt, 4, places[i].link);
      tp_statement_bind_text (stmt, 5, places[i].notes);
      tp_statement_bind_int64 (stmt, 6, i);
      tp_statement_bind_text (stmt, 7, created);
      if (!run (stmt, error))
        return FALSE;
      f->place_ids[i] = tp_database_last_insert_id (f->db);
    }

  stmt = tp_database_prepare (f->db,
                              "INSERT INTO brand (id, business_name, friends_words, positioning,"
                              " differentiators, tagline, created_at, updated_at)"
                              " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;

  tp_statement_bind_text (stmt, 1, "Good Boy Bakery");
  tp_statement_bind_text (stmt, 2,
                          "The dog-treat person who actually reads labels\n"
                          "Warm\n"
                          "A bit silly\n"
                          "Fussy about ingredients\n"
                          "Always happy to talk about dogs");
  tp_statement_bind_text (stmt, 3,
                          "For dog owners who read the label, Good Boy Bakery bakes "
                          "small-batch gluten-free treats with five ingredients or fewer, so "
                          "that sensitive tummies can join in the fun. Unlike supermarket "
                          "biscuits, every ingredient is named; unlike the premium boxes, "
                          "nothing shares a kitchen with wheat.");
  tp_statement_bind_text (stmt, 4,
                          "Baked in a certified gluten-free kitchen\n"
                          "Five ingredients or fewer, all named on the bag\n"
                          "Small batches, baked the week they ship\n"
                          "A vet nurse checks every new recipe");
  tp_statement_bind_text (stmt, 5, "Treats that love them back.");
  tp_statement_bind_text (stmt, 6, created);
  if (!run (stmt, error))
    return FALSE;

  stmt = tp_database_prepare (f->db,
                              "INSERT INTO brand_words (word, position, created_at, updated_at)"
                              " VALUES (?1, ?2, ?3, ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (brand_words); i++)
    {
      tp_statement_bind_text (stmt, 1, brand_words[i]);
      tp_statement_bind_int64 (stmt, 2, i);
      tp_statement_bind_text (stmt, 3, created);
      if (!run (stmt, error))
        return FALSE;
    }

  stmt = tp_database_prepare (f->db,
                              "INSERT INTO competitors (name, positioning, strengths, weaknesses,"
                              " link, position, created_at, updated_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (competitors); i++)
    {
      tp_statement_bind_text (stmt, 1, competitors[i].name);
      tp_statement_bind_text (stmt, 2, competitors[i].positioning);
      tp_statement_bind_text (stmt, 3, competitors[i].strengths);
      tp_statement_bind_text (stmt, 4, competitors[i].weaknesses);
      tp_statement_bind_text (stmt, 5, competitors[i].link);
      tp_statement_bind_int64 (stmt, 6, i);
      tp_statement_bind_text (stmt, 7, created);
      if (!run (stmt, error))
        return FALSE;
    }

  stmt = tp_database_prepare (f->db,
                              "INSERT INTO tactics (name, channel, audience_id, cadence_count,"
                              " cadence_period, active, notes, position, created_at, updated_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?8)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < N_TACTICS; i++)
    {
      tp_statement_bind_text (stmt, 1, tactics[i].name);
      tp_statement_bind_text (stmt, 2, f->channel_nicks[tactics[i].channel]);
      if (tactics[i].audience >= 0)
        tp_statement_bind_int64 (stmt, 3, f->audience_ids[tactics[i].audience]);
      else
        tp_statement_bind_null (stmt, 3);
      tp_statement_bind_int64 (stmt, 4, tactics[i].cadence_count);
      tp_statement_bind_text (stmt, 5, tp_enum_to_nick (TP_TYPE_CADENCE_PERIOD,
                                                        tactics[i].cadence_period));
      tp_statement_bind_text (stmt, 6, tactics[i].notes);
      tp_statement_bind_int64 (stmt, 7, i);
      tp_statement_bind_text (stmt, 8, created);
      if (!run (stmt, error))
        return FALSE;
      f->tactic_ids[i] = tp_database_last_insert_id (f->db);
    }

  /* The log of the last ten weeks: posts on Tuesdays and Fridays (now and
   * then an extra one on Sunday), the stall on Saturdays, the newsletter
   * on the first Tuesday of each month; some of them skipped, as happens. */
  stmt = tp_database_prepare (f->db,
                              "INSERT INTO tactic_log (tactic_id, done_at, note, created_at,"
                              " updated_at) VALUES (?1, ?2, ?3, ?2, ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;

  today = f->now >= 0 ? f->now / DAY : (f->now - DAY + 1) / DAY;
  for (gint64 day = today - 69; day <= today; day++)
    {
      int weekday = (int) (((day + 3) % 7 + 7) % 7);  /* 0 is Monday */
      gboolean first_week = day_of_month (day) <= 7;
      gint64 at = -1;
      guint tactic = 0;

      if (weekday == 1 || weekday == 4 || weekday == 6)
        {
          double chance = weekday == 6 ? 0.15 : 0.85;

          if (g_rand_double (rand) < chance)
            {
              tactic = TACTIC_GROUP_POST;
              at = day * DAY + 9 * HOUR + 30 * MINUTE;
            }
        }
      if (at >= 0 && at <= f->now)
        {
          format_time (at, when);
          tp_statement_bind_int64 (stmt, 1, f->tactic_ids[tactic]);
          tp_statement_bind_text (stmt, 2, when);
          tp_statement_bind_text (stmt, 3, tactics[tactic].log_note);
          if (!run (stmt, error))
            return FALSE;
        }

      at = -1;
      if (weekday == 5 && g_rand_double (rand) < 0.8)
        {
          tactic = TACTIC_MARKET;
          at = day * DAY + 8 * HOUR;
        }
      else if (weekday == 1 && first_week && g_rand_double (rand) < 0.9)
        {
          tactic = TACTIC_NEWSLETTER;
          at = day * DAY + 7 * HOUR;
        }
      if (at >= 0 && at <= f->now)
        {
          format_time (at, when);
          tp_statement_bind_int64 (stmt, 1, f->tactic_ids[tactic]);
          tp_statement_bind_text (stmt, 2, when);
          tp_statement_bind_text (stmt, 3, tactics[tactic].log_note);
          if (!run (stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
prepare_customer_statements (Filler    *f,
                             GError   **error)
{
  /* A loaded customer goes in with the figures the triggers would keep */
  f->insert_customer = tp_database_prepare (f->db,
                                            f->loading
                                            ? "INSERT INTO customers (name, email, phone, audience_id,"
                                              " source_channel, stage, notes, created_at, updated_at,"
                                              " touch_count, last_touch_at, order_count, first_order_at,"
                                              " total_spent_minor)"
                                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                                              " ?12, ?13, ?14)"
                                            : "INSERT INTO customers (name, email, phone, audience_id,"
                                              " source_channel, stage, notes, created_at, updated_at)"
                                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                            error);
  if (f->insert_customer == NULL)
    return FALSE;

  f->insert_touch = tp_database_prepare (f->db,
                                         "INSERT INTO touches (customer_id, happened_at, channel,"
                                         " direction, note, tactic_id, done, created_at, updated_at,"
                                         " place_id)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
                                         error);
  if (f->insert_touch == NULL)
    return FALSE;

  f->insert_order = tp_database_prepare (f->db,
                                         "INSERT INTO orders (customer_id, ordered_at, item,"
                                         " amount_minor, currency, status, fulfilled_at,"
                                         " created_at, updated_at)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?2, ?8)",
                                         error);
  if (f->insert_order == NULL)
    return FALSE;

  if (!f->loading)
    return TRUE;

  /* What Results reads, worked out as the rows go in (see
   * _tp_sample_fill_generated()) */
  f->insert_results_customer = tp_database_prepare (f->db,
                                                    "INSERT INTO results_customers (id, audience_id,"
                                                    " stage, order_count, first_touch_id,"
                                                    " first_touch_at, first_tactic_id, first_place_id,"
                                                    " first_channel, first_order_id, first_order_at,"
                                                    " touches_before_order, last_touch_id,"
                                                    " last_touch_at, last_tactic_id, last_place_id)"
                                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                                                    " ?11, ?12, ?13, ?14, ?15, ?16)",
                                                    error);
  if (f->insert_results_customer == NULL)
    return FALSE;

  f->insert_results_day = tp_database_prepare (f->db,
                                               "INSERT INTO results_days (day, tactic_id, place_id,"
                                               " audience_id, n_touches)"
                                               " VALUES (?1, ?2, ?3, ?4, ?5)",
                                               error);

  return f->insert_results_day != NULL;
}

gboolean
_tp_sample_insert_customer (Filler      *f,
                            const char  *name,
                            const char  *email,
                            const char  *phone,
                            gint64       audience_id,
                            int          source_channel,
                            TpStage      stage,
                            const char  *notes,
                            gint64       created,
                            gint64       updated,
                            gint64      *id,
                            GError     **error)
{
  char created_text[TIME_LEN];
  char updated_text[TIME_LEN];
  TpStatement *stmt = f->insert_customer;

  format_time (created, created_text);
  format_time (updated, updated_text);

  tp_statement_bind_text (stmt, 1, name);
  tp_statement_bind_text (stmt, 2, email);
  tp_statement_bind_text (stmt, 3, phone);
  if (audience_id > 0)
    tp_statement_bind_int64 (stmt, 4, audience_id);
  else
    tp_statement_bind_null (stmt, 4);
  if (source_channel >= 0)
    tp_statement_bind_text (stmt, 5, f->channel_nicks[source_channel]);
  else
    tp_statement_bind_null (stmt, 5);
  tp_statement_bind_text (stmt, 6, f->stage_nicks[stage]);
  tp_statement_bind_text (stmt, 7, notes);
  tp_statement_bind_text (stmt, 8, created_text);
  tp_statement_bind_text (stmt, 9, updated_text);
  if (f->loading)
    {
      char last_text[TIME_LEN];
      char first_order_text[TIME_LEN];

      tp_statement_bind_int64 (stmt, 10, f->touch_count);
      if (f->touch_count > 0)
        {
          format_time (f->last_touch_at, last_text);
          tp_statement_bind_text (stmt, 11, last_text);
        }
      else
        tp_statement_bind_null (stmt, 11);
      tp_statement_bind_int64 (stmt, 12, f->order_count);
      if (f->first_order_at >= 0)
        {
          format_time (f->first_order_at, first_order_text);
          tp_statement_bind_text (stmt, 13, first_order_text);
        }
      else
        tp_statement_bind_null (stmt, 13);
      tp_statement_bind_int64 (stmt, 14, f->total_spent);
    }
  if (!run (stmt, error))
    return FALSE;

  *id = tp_database_last_insert_id (f->db);
  return TRUE;
}

/* A done touch is logged when it happens (@logged_at is ignored); a
 * planned one at @logged_at */
gboolean
_tp_sample_insert_touch (Filler      *f,
                         gint64       customer_id,
                         gint64       at,
                         TpChannel    channel,
                         TpDirection  direction,
                         const char  *note,
                         gint64       tactic_id,
                         gboolean     done,
                         gint64       logged_at,
                         GError     **error)
{
  char at_text[TIME_LEN];
  char created_text[TIME_LEN];
  TpStatement *stmt = f->insert_touch;

  format_time (at, at_text);

  tp_statement_bind_int64 (stmt, 1, customer_id);
  tp_statement_bind_text (stmt, 2, at_text);
  tp_statement_bind_text (stmt, 3, f->channel_nicks[channel]);
  tp_statement_bind_text (stmt, 4, f->direction_nicks[direction]);
  tp_statement_bind_text (stmt, 5, note);
  tp_statement_bind_null (stmt, 9);
  if (tactic_id > 0)
    {
      gint64 place_id = _tp_sample_place_for (f, tactic_id);

      tp_statement_bind_int64 (stmt, 6, tactic_id);
      if (place_id > 0)
        tp_statement_bind_int64 (stmt, 9, place_id);
    }
  else
    {
      tp_statement_bind_null (stmt, 6);
    }
  tp_statement_bind_int64 (stmt, 7, done ? 1 : 0);

  if (done)
    {
      tp_statement_bind_text (stmt, 8, at_text);
    }
  else
    {
      format_time (logged_at, created_text);
      tp_statement_bind_text (stmt, 8, created_text);
    }

  return run (stmt, error);
}

/* Draws an order at @at of the customer being filled, and counts it
 * into the customer's figures (f->order_count …) */
void
_tp_sample_draw_order (Filler      *f,
                       gint64       at,
                       gboolean     cancelled,
                       SampleOrder *order)
{
  const SampleProduct *product = &products[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (products))];
  guint quantity = g_rand_int_range (f->rand, 0, 4) == 0 && product->price_minor < 1500 ? 2 : 1;

  order->at = at;
  order->cancelled = cancelled;
  order->fulfilled = -1;
  order->amount_minor = product->price_minor * quantity;

  if (cancelled)
    order->status = "cancelled";
  else if (f->now - at < 3 * DAY)
    order->status = "open";
  else
    {
      order->status = "fulfilled";
      order->fulfilled = at + _tp_sample_random_between (f->rand, 6 * HOUR, 3 * DAY);
      order->fulfilled = MIN (order->fulfilled, f->now);
    }

  if (quantity > 1)
    g_snprintf (order->item, sizeof order->item, "%s × %u", product->item, quantity);
  else
    g_strlcpy (order->item, product->item, sizeof order->item);

  if (!cancelled)
    {
      f->order_count++;
      f->total_spent += order->amount_minor;
      if (f->first_order_at < 0 || at < f->first_order_at)
        f->first_order_at = at;
    }
}

/* Writes an order drawn by _tp_sample_draw_order() */
gboolean
_tp_sample_write_order (Filler             *f,
                        gint64              customer_id,
                        const SampleOrder  *order,
                        GError            **error)
{
  char at_text[TIME_LEN];
  char fulfilled_text[TIME_LEN];
  char updated_text[TIME_LEN];
  TpStatement *stmt = f->insert_order;

  format_time (order->at, at_text);
  format_time (order->fulfilled >= 0 ? order->fulfilled : order->at, updated_text);

  tp_statement_bind_int64 (stmt, 1, customer_id);
  tp_statement_bind_text (stmt, 2, at_text);
  tp_statement_bind_text (stmt, 3, order->item);
  tp_statement_bind_int64 (stmt, 4, order->amount_minor);
  tp_statement_bind_text (stmt, 5, f->currency);
  tp_statement_bind_text (stmt, 6, order->status);
  if (order->fulfilled >= 0)
    {
      format_time (order->fulfilled, fulfilled_text);
      tp_statement_bind_text (stmt, 7, fulfilled_text);
    }
  else
    tp_statement_bind_null (stmt, 7);
  tp_statement_bind_text (stmt, 8, updated_text);

  return run (stmt, error);
}

gboolean
_tp_sample_insert_order (Filler      *f,
                         gint64       customer_id,
                         gint64       at,
                         gboolean     cancelled,
                         GError     **error)
{
  SampleOrder order;

  _tp_sample_draw_order (f, at, cancelled, &order);

  return _tp_sample_write_order (f, customer_id, &order, error);
}

/* The place where the touches of @tactic_id happen, or 0 */
gint64
_tp_sample_place_for (Filler *f,
                      gint64  tactic_id)
{
  for (guint i = 0; i < N_TACTICS; i++)
    {
      if (f->tactic_ids[i] == tactic_id && tactic_places[i] >= 0)
        return f->place_ids[tactic_places[i]];
    }

  return 0;
}

gint64
_tp_sample_tactic_for (Filler    *f,
                       TpChannel  channel)
{
  for (guint i = 0; i < N_TACTICS; i++)
    {
      if (tactics[i].channel == channel)
        return f->tactic_ids[i];
    }

  return 0;
}

TpStage
_tp_sample_stage_for (guint    done_touches,
                      guint    valid_orders,
                      gboolean lost)
{
  if (valid_orders >= 2)
    return TP_STAGE_REPEAT;
  if (valid_orders == 1)
    return TP_STAGE_CUSTOMER;
  if (lost)
    return TP_STAGE_LOST;
  if (done_touches >= 3)
    return TP_STAGE_PROSPECT;
  return TP_STAGE_LEAD;
}

/* The time of the first order, placed right after done touch number
 * @after (1-based; 0 for before any touch) and before the next one. */
gint64
_tp_sample_first_order_time (Filler *f,
                             gint64  created,
                             guint   after,
                             guint   n_done)
{
  const gint64 *times = (const gint64 *) (gpointer) f->times->data;
  gint64 low, high, at;

  if (after == 0)
    {
      low = created + HOUR;
      high = n_done > 0 ? times[0] - 1 : created + 3 * DAY;
    }
  else if (after < n_done)
    {
      low = times[after - 1] + 1;
      high = times[after] - 1;
    }
  else
    {
      low = times[after - 1] + 1;
      high = times[after - 1] + 2 * DAY;
    }

  at = _tp_sample_random_between (f->rand, low, high);

  return MIN (at, f->now - MINUTE);
}

char *
_tp_sample_make_email (const char *name,
                       guint       n)
{
  static const char * const domains[] = { "example.com", "example.org", "example.net" };
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autoptr(GString) local = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (local, g_ascii_tolower (*p));
      else if (*p == ' ')
        g_string_append_c (local, '.');
    }

  return g_strdup_printf ("%s@%s", local->str, domains[n % G_N_ELEMENTS (domains)]);
}

static gboolean
fill_small_customers (Filler  *f,
                      GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (small_customers); i++)
    {
      const SmallCustomer *c = &small_customers[i];
      const guint8 *kinds = c->audience == AUDIENCE_ALLERGY ? _tp_sample_allergy_kinds : _tp_sample_premium_kinds;
      guint n_kinds = c->audience == AUDIENCE_ALLERGY ? G_N_ELEMENTS (_tp_sample_allergy_kinds)
                                                      : G_N_ELEMENTS (_tp_sample_premium_kinds);
      g_autofree char *email = _tp_sample_make_email (c->name, i);
      g_autofree char *phone = NULL;
      g_autofree char *notes = NULL;
      g_autofree guint8 *touch_kind = g_new0 (guint8, c->touches + 1);
      gint64 created, last_activity, updated, customer_id, order_at;
      guint valid_orders = c->orders - c->cancelled;
      const char *dog_name, *dog_breed, *dog_need;
      int source = -1;

      created = f->now - _tp_sample_random_between (f->rand, 30 * DAY, 180 * DAY);
      last_activity = f->now - _tp_sample_random_between (f->rand, 2 * HOUR, 50 * DAY);
      if (last_activity < created + 2 * DAY)
        last_activity = MIN (created + 2 * DAY, f->now - HOUR);

      _tp_sample_random_times (f, c->touches, created + HOUR, last_activity);
      for (guint t = 0; t < c->touches; t++)
        {
          touch_kind[t] = kinds[g_rand_int_range (f->rand, 0, n_kinds)];

          /* the same thing twice in a row reads like a copy */
          if (t > 0 && touch_kind[t] == touch_kind[t - 1])
            touch_kind[t] = kinds[(g_rand_int_range (f->rand, 1, n_kinds) + t) % n_kinds];
        }
      if (c->touches > 0)
        source = _tp_sample_touch_kinds[touch_kind[0]].channel;

      if (g_rand_int_range (f->rand, 0, 3) != 0)
        phone = g_strdup_printf ("+44 7700 900%03d", g_rand_int_range (f->rand, 0, 1000));
      dog_name = dog_names[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (dog_names))];
      dog_breed = dog_breeds[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (dog_breeds))];
      dog_need = dog_needs[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (dog_needs))];
      notes = g_strdup_printf ("Dog: %s, %s (%s).", dog_name, dog_breed, dog_need);

      updated = c->touches > 0 ? ((gint64 *) (gpointer) f->times->data)[c->touches - 1] : created;
      if (!_tp_sample_insert_customer (f, c->name, email, phone != NULL ? phone : "",
                            f->audience_ids[c->audience], source,
                            _tp_sample_stage_for (c->touches, valid_orders, c->lost),
                            notes, created, updated, &customer_id, error))
        return FALSE;

      for (guint t = 0; t < c->touches; t++)
        {
          const SampleTouchKind *kind = &_tp_sample_touch_kinds[touch_kind[t]];
          gint64 at = g_array_index (f->times, gint64, t);
          gint64 tactic_id = kind->direction == TP_DIRECTION_OUTBOUND ? _tp_sample_tactic_for (f, kind->channel) : 0;

          if (!_tp_sample_insert_touch (f, customer_id, at, kind->channel, kind->direction, kind->note,
                             tactic_id, TRUE, 0, error))
            return FALSE;
        }

      if (c->planned_days != 0)
        {
          static const TpChannel planned_channels[] = {
            TP_CHANNEL_CALL, TP_CHANNEL_EMAIL, TP_CHANNEL_DIRECT_MESSAGE,
          };
          static const char * const planned_notes[] = {
            "Call to ask how the dog liked the samples",
            "Email the new flavours and a 10% code",
            "Message about the birthday box",
          };
          guint k = g_rand_int_range (f->rand, 0, G_N_ELEMENTS (planned_channels));
          gint64 at = f->now + c->planned_days * DAY + _tp_sample_random_between (f->rand, HOUR, 8 * HOUR);

          if (!_tp_sample_insert_touch (f, customer_id, at, planned_channels[k], TP_DIRECTION_OUTBOUND,
                             planned_notes[k], 0, FALSE,
                             MIN (f->now, MAX (updated, at - 7 * DAY)), error))
            return FALSE;
        }

      if (c->orders == 0)
        continue;

      order_at = _tp_sample_first_order_time (f, created, c->buy_after, c->touches);
      for (guint o = 0; o < c->orders; o++)
        {
          if (o > 0)
            order_at = _tp_sample_random_between (f->rand, order_at + DAY, MAX (order_at + DAY, f->now - HOUR));
          if (!_tp_sample_insert_order (f, customer_id, MIN (order_at, f->now - MINUTE),
                             o >= c->orders - c->cancelled, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The large sample */

/* Most touch rows and orders one generated customer gets */
static gboolean
fill (Filler               *f,
      const TpSampleShape  *shape,
      GError              **error)
{
  TpAnalyticsSettings settings;

  if (!check_empty (f->db, error))
    return FALSE;

  if (!tp_analytics_settings_load (&settings, f->db, error))
    return FALSE;
  g_strlcpy (f->currency, settings.currency, sizeof f->currency);

  if (!fill_marketing (f, error) ||
      !prepare_customer_statements (f, error))
    return FALSE;

  if (shape == NULL)
    return fill_small_customers (f, error);

  return _tp_sample_fill_generated (f, shape, error);
}

/* The large sample runs with a bigger page cache, and with temporary
 * tables and statement journals in memory: with SQLite's defaults, the
 * journal of each statement spills to a file and the fill spends more
 * time in write() than in SQLite. The connection's settings are put
 * back afterwards. */
typedef struct
{
  gint64   temp_store;
  gint64   cache_size;
  gboolean changed;
  gboolean journal_changed;
} Tuning;

static gboolean
query_pragma (TpDatabase *db,
              const char *sql,
              gint64     *value)
{
  TpStatement *stmt = tp_database_prepare (db, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;

  found = tp_statement_step (stmt, NULL);
  if (found)
    *value = tp_statement_get_int64 (stmt, 0);
  tp_statement_reset (stmt);

  return found;
}

static void
tuning_begin (Tuning     *tuning,
              TpDatabase *db)
{
  /* A new file is written straight, not through the write-ahead log,
   * which a load as big as the huge sample (2.7 GB) would fill, read
   * back and copy into the file once more. This needs the only
   * connection to the file; without it the log stays. */
  tuning->journal_changed = !tp_database_is_server (db) &&
                            tp_database_exec (db, "PRAGMA journal_mode = DELETE", NULL);
  tuning->changed = query_pragma (db, "PRAGMA temp_store", &tuning->temp_store) &&
                    query_pragma (db, "PRAGMA main.cache_size", &tuning->cache_size) &&
                    tp_database_exec (db, "PRAGMA temp_store = MEMORY", NULL) &&
                    tp_database_exec (db, "PRAGMA main.cache_size = -65536", NULL);
}

static void
tuning_end (Tuning     *tuning,
            TpDatabase *db)
{
  g_autofree char *sql = NULL;

  if (tuning->journal_changed)
    tp_database_exec (db, "PRAGMA journal_mode = WAL", NULL);

  if (!tuning->changed)
    return;

  /* Two integers SQLite gave us, not user text */
  sql = g_strdup_printf ("PRAGMA temp_store = %" G_GINT64_FORMAT ";"
                         "PRAGMA main.cache_size = %" G_GINT64_FORMAT,
                         tuning->temp_store, tuning->cache_size);
  tp_database_exec (db, sql, NULL);
}

/**
 * _tp_sample_fill_full:
 * @db: an empty database
 * @shape: (nullable): the size of a generated business, or %NULL for the
 *   small sample
 * @now: the time the sample's dates are relative to
 * @error: return location for an error
 *
 * Fills @db like tp_sample_fill(), with a chosen size and time.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
_tp_sample_fill_full (TpDatabase           *db,
                      const TpSampleShape  *shape,
                      GDateTime            *now,
                      GError              **error)
{
  g_autoptr(GArray) times = NULL;
  Tuning tuning = { 0 };
  Filler f = { 0 };
  gboolean ok;

  g_return_val_if_fail (TP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (shape == NULL || shape->n_customers > 0, FALSE);
  g_return_val_if_fail (shape == NULL || shape->benchmark_touches <= shape->n_touches, FALSE);
  g_return_val_if_fail (shape == NULL || shape->benchmark_touches <= G_MAXUINT16, FALSE);
  g_return_val_if_fail (shape == NULL ||
                        shape->n_touches - shape->benchmark_touches <=
                        (guint64) MAX_ROWS * (shape->n_customers - 1), FALSE);
  g_return_val_if_fail (shape == NULL || shape->n_orders <= (guint64) MAX_ORDERS * shape->n_customers,
                        FALSE);

  times = g_array_new (FALSE, FALSE, sizeof (gint64));

  f.db = db;
  f.rand = g_rand_new_with_seed (CUSTOMER_SEED);
  f.now = g_date_time_to_unix (now);
  f.times = times;
  for (int i = 0; i <= TP_CHANNEL_OTHER; i++)
    f.channel_nicks[i] = tp_enum_to_nick (TP_TYPE_CHANNEL, i);
  for (int i = 0; i <= TP_DIRECTION_INBOUND; i++)
    f.direction_nicks[i] = tp_enum_to_nick (TP_TYPE_DIRECTION, i);
  for (int i = 0; i <= TP_STAGE_LOST; i++)
    f.stage_nicks[i] = tp_enum_to_nick (TP_TYPE_STAGE, i);

  if (shape != NULL)
    tuning_begin (&tuning, db);

  /* A generated business is loaded: its rows go in without a trigger
   * or an index kept up row by row, and the indexes, the search index
   * and what Results reads are made once at the end (the customer
   * figures are set as the rows go in) */
  f.loading = shape != NULL;
  ok = f.loading ? tp_database_begin_load (db, error) : tp_database_begin (db, error);
  if (ok && f.loading)
    {
      /* A page cache to hold the touches' indexes while they are built
       * and read again for Results: about 48 bytes a touch, 64 MiB at
       * least (the load puts the cache it found back at its end) */
      g_autofree char *sql = g_strdup_printf ("PRAGMA main.cache_size = -%" G_GUINT64_FORMAT,
                                              MAX ((guint64) 65536,
                                                   (guint64) shape->n_touches * 48 / 1024));

      if (!tp_database_is_server (db))
        tp_database_exec (db, sql, NULL);
    }
  if (ok)
    {
      if (fill (&f, shape, error) &&
          (!f.loading || tp_database_end_load (db, error)))
        ok = tp_database_commit (db, error);
      else
        {
          tp_database_rollback (db);
          ok = FALSE;
        }
    }

  if (shape != NULL)
    tuning_end (&tuning, db);

  g_rand_free (f.rand);

  return ok;
}

/**
 * tp_sample_size_from_string:
 * @text: "small", "large" or "huge"
 * @size: (out): the size
 *
 * Returns: %TRUE if @text names a sample size
 */
gboolean
tp_sample_size_from_string (const char   *text,
                            TpSampleSize *size)
{
  g_return_val_if_fail (size != NULL, FALSE);

  if (g_strcmp0 (text, "small") == 0)
    *size = TP_SAMPLE_SIZE_SMALL;
  else if (g_strcmp0 (text, "large") == 0)
    *size = TP_SAMPLE_SIZE_LARGE;
  else if (g_strcmp0 (text, "huge") == 0)
    *size = TP_SAMPLE_SIZE_HUGE;
  else
    return FALSE;

  return TRUE;
}

/**
 * tp_sample_fill:
 * @db: an empty database
 * @size: which sample
 * @error: return location for an error
 *
 * Fills an empty database with a sample business, in one transaction:
 *
 * - both sizes: Good Boy Bakery, a small online shop of gluten-free dog
 *   treats, with two audiences and their places, its brand and brand
 *   words, two competitors, and three active tactics with a log of the
 *   last ten weeks;
 * - %TP_SAMPLE_SIZE_SMALL: its 40 customers, with 0–15 touches each over
 *   the last months (some planned ahead, some planned and overdue) and
 *   their orders;
 * - %TP_SAMPLE_SIZE_LARGE: the benchmark business: 100,000 customers,
 *   1,000,000 touches and 20,000 orders, customer 1 being
 *   “Benchmark Customer” with exactly 1,000 touches;
 * - %TP_SAMPLE_SIZE_HUGE: the same business grown ten times, to measure
 *   how the app scales: 1,000,000 customers, 10,000,000 touches and
 *   200,000 orders, customer 1 again with 1,000 touches.
 *
 * The counts are the TP_SAMPLE_* constants of tp-sample.h. Dates are
 * relative to now; everything else is the same on every run. Orders are
 * in the currency of the settings table.
 *
 * A database that already holds any audience, place, brand, brand word,
 * competitor, tactic, log entry, customer, touch or order is refused with
 * %TP_SAMPLE_ERROR_NOT_EMPTY and left unchanged.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
tp_sample_fill (TpDatabase    *db,
                TpSampleSize   size,
                GError       **error)
{
  static const TpSampleShape shapes[] = {
    [TP_SAMPLE_SIZE_LARGE] = {
      .n_customers = TP_SAMPLE_LARGE_N_CUSTOMERS,
      .n_touches = TP_SAMPLE_LARGE_N_TOUCHES,
      .n_orders = TP_SAMPLE_LARGE_N_ORDERS,
      .benchmark_touches = TP_SAMPLE_BENCHMARK_TOUCHES,
    },
    [TP_SAMPLE_SIZE_HUGE] = {
      .n_customers = TP_SAMPLE_HUGE_N_CUSTOMERS,
      .n_touches = TP_SAMPLE_HUGE_N_TOUCHES,
      .n_orders = TP_SAMPLE_HUGE_N_ORDERS,
      .benchmark_touches = TP_SAMPLE_BENCHMARK_TOUCHES,
    },
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (TP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (size >= TP_SAMPLE_SIZE_SMALL && size <= TP_SAMPLE_SIZE_HUGE, FALSE);

  return _tp_sample_fill_full (db, size == TP_SAMPLE_SIZE_SMALL ? NULL : &shapes[size], now, error);
}
