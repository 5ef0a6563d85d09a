/* tp-csv-formats.c
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

#define G_LOG_DOMAIN "tp-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-csv-private.h"

/*
 * Where a file comes from and what its columns hold: the headers of
 * Touchpoint's own export and of the programs people export from
 * (known_headers[]), the exports of shops and address books recognised
 * from their header (formats[]), and the field each column is guessed
 * to hold.
 */

#define C (1 << TP_CSV_TABLE_CUSTOMERS)
#define T (1 << TP_CSV_TABLE_TOUCHES)
#define O (1 << TP_CSV_TABLE_ORDERS)

/* Headers as they are after normalize_header(): lower-case letters and
 * digits only. */
static const struct
{
  guint       tables;
  const char *header;
  TpCsvField  field;
} known_headers[] = {
  /* Touchpoint, and names everyone uses */
  { C | T | O, "id", TP_CSV_FIELD_ID },
  { C | T | O, "createdat", TP_CSV_FIELD_CREATED_AT },
  { C | T | O, "updatedat", TP_CSV_FIELD_UPDATED_AT },
  { C, "name", TP_CSV_FIELD_NAME },
  { C, "fullname", TP_CSV_FIELD_NAME },
  { C, "displayname", TP_CSV_FIELD_NAME },
  { C, "contactname", TP_CSV_FIELD_NAME },
  { C, "customername", TP_CSV_FIELD_NAME },
  { C, "email", TP_CSV_FIELD_EMAIL },
  { C, "phone", TP_CSV_FIELD_PHONE },
  { C, "audience", TP_CSV_FIELD_AUDIENCE },
  { C, "sourcechannel", TP_CSV_FIELD_SOURCE_CHANNEL },
  { C, "stage", TP_CSV_FIELD_STAGE },
  { C, "notes", TP_CSV_FIELD_NOTES },
  { C, "note", TP_CSV_FIELD_NOTES },
  /* Derived by Touchpoint from touches and orders: recomputed */
  { C, "touchcount", TP_CSV_FIELD_IGNORE },
  { C, "lasttouchat", TP_CSV_FIELD_IGNORE },
  { C, "firstorderat", TP_CSV_FIELD_IGNORE },
  { C, "ordercount", TP_CSV_FIELD_IGNORE },
  { C, "totalspentminor", TP_CSV_FIELD_IGNORE },
  /* Google Contacts (both the old and the 2023 layout) */
  { C, "givenname", TP_CSV_FIELD_FIRST_NAME },
  { C, "additionalname", TP_CSV_FIELD_MIDDLE_NAME },
  { C, "familyname", TP_CSV_FIELD_LAST_NAME },
  { C, "email1value", TP_CSV_FIELD_EMAIL },
  { C, "phone1value", TP_CSV_FIELD_PHONE },
  /* HubSpot */
  { C, "firstname", TP_CSV_FIELD_FIRST_NAME },
  { C, "lastname", TP_CSV_FIELD_LAST_NAME },
  { C, "phonenumber", TP_CSV_FIELD_PHONE },
  { C, "mobilephonenumber", TP_CSV_FIELD_PHONE },
  { C, "lifecyclestage", TP_CSV_FIELD_STAGE },
  { C, "createdate", TP_CSV_FIELD_CREATED_AT },
  { C, "lastmodifieddate", TP_CSV_FIELD_UPDATED_AT },
  /* Outlook */
  { C, "middlename", TP_CSV_FIELD_MIDDLE_NAME },
  { C, "emailaddress", TP_CSV_FIELD_EMAIL },
  { C, "mobilephone", TP_CSV_FIELD_PHONE },
  { C, "primaryphone", TP_CSV_FIELD_PHONE },
  { C, "businessphone", TP_CSV_FIELD_PHONE },
  { C, "homephone", TP_CSV_FIELD_PHONE },
  /* Monica */
  { C, "nickname", TP_CSV_FIELD_IGNORE },
  { C, "description", TP_CSV_FIELD_NOTES },
  /* Outlook in German */
  { C, "vorname", TP_CSV_FIELD_FIRST_NAME },
  { C, "weiterevornamen", TP_CSV_FIELD_MIDDLE_NAME },
  { C, "nachname", TP_CSV_FIELD_LAST_NAME },
  { C, "emailadresse", TP_CSV_FIELD_EMAIL },
  { C, "mobiltelefon", TP_CSV_FIELD_PHONE },
  { C, "telefon", TP_CSV_FIELD_PHONE },
  { C, "notizen", TP_CSV_FIELD_NOTES },
  /* Touches and orders */
  { T | O, "customerid", TP_CSV_FIELD_CUSTOMER_ID },
  { T | O, "customername", TP_CSV_FIELD_CUSTOMER_NAME },
  { T | O, "customer", TP_CSV_FIELD_CUSTOMER_NAME },
  { T | O, "name", TP_CSV_FIELD_CUSTOMER_NAME },
  { T | O, "contact", TP_CSV_FIELD_CUSTOMER_NAME },
  { T | O, "contactname", TP_CSV_FIELD_CUSTOMER_NAME },
  { T | O, "customeremail", TP_CSV_FIELD_CUSTOMER_EMAIL },
  { T | O, "email", TP_CSV_FIELD_CUSTOMER_EMAIL },
  { T | O, "emailaddress", TP_CSV_FIELD_CUSTOMER_EMAIL },
  { T, "happenedat", TP_CSV_FIELD_HAPPENED_AT },
  { T, "date", TP_CSV_FIELD_HAPPENED_AT },
  { T, "activitydate", TP_CSV_FIELD_HAPPENED_AT },
  { T, "channel", TP_CSV_FIELD_CHANNEL },
  { T, "activitytype", TP_CSV_FIELD_CHANNEL },
  { T, "type", TP_CSV_FIELD_CHANNEL },
  { T, "direction", TP_CSV_FIELD_DIRECTION },
  { T, "note", TP_CSV_FIELD_NOTE },
  { T, "notes", TP_CSV_FIELD_NOTE },
  { T, "subject", TP_CSV_FIELD_NOTE },
  { T, "tactic", TP_CSV_FIELD_TACTIC },
  { T, "place", TP_CSV_FIELD_PLACE },
  { T, "done", TP_CSV_FIELD_DONE },
  { O, "orderedat", TP_CSV_FIELD_ORDERED_AT },
  { O, "orderdate", TP_CSV_FIELD_ORDERED_AT },
  { O, "date", TP_CSV_FIELD_ORDERED_AT },
  { O, "item", TP_CSV_FIELD_ITEM },
  { O, "product", TP_CSV_FIELD_ITEM },
  { O, "productname", TP_CSV_FIELD_ITEM },
  { O, "lineitemname", TP_CSV_FIELD_ITEM },
  { O, "amountminor", TP_CSV_FIELD_AMOUNT_MINOR },
  { O, "amount", TP_CSV_FIELD_AMOUNT },
  { O, "total", TP_CSV_FIELD_AMOUNT },
  { O, "price", TP_CSV_FIELD_AMOUNT },
  { O, "currency", TP_CSV_FIELD_CURRENCY },
  { O, "status", TP_CSV_FIELD_STATUS },
  { O, "orderstatus", TP_CSV_FIELD_STATUS },
  { O, "fulfilledat", TP_CSV_FIELD_FULFILLED_AT },
  { O, "fulfillmentdate", TP_CSV_FIELD_FULFILLED_AT },
};

#undef C
#undef T
#undef O

/* Exports of other programs, recognised from their header. Each names the
 * headers (as normalize_header() leaves them) that all appear in such a
 * file, and the field of each column it knows; its other columns are not
 * imported. The columns are those the platforms document:
 *
 * - Google Contacts: "Export > Google CSV" (both the old layout with
 *   "Given Name" and the 2023 one with "First Name"), "E-mail 1 - Value";
 * - Outlook: "Export contacts" of Outlook.com and Outlook for Windows,
 *   "E-mail Address", "Business Phone"…;
 * - Shopify: orders_export.csv ("Name" is the order number, "#1001"; an
 *   order of several items is a row per item, the later ones without the
 *   totals) and customers_export.csv;
 * - Etsy: EtsySoldOrderItems.csv (a row per item, dates MM/DD/YY);
 * - WooCommerce: the Orders and Customers reports of WooCommerce Analytics;
 * - Square: the Item Sales export (date and time of day in two columns)
 *   and the customer directory export.
 *
 * An order export also brings in the customers it names that are not
 * there yet. */

typedef struct
{
  const char *header;
  TpCsvField  field;
} FormatHeader;

static const FormatHeader shopify_order_headers[] = {
  { "name", TP_CSV_FIELD_ORDER_REF },
  { "email", TP_CSV_FIELD_CUSTOMER_EMAIL },
  { "billingname", TP_CSV_FIELD_CUSTOMER_NAME },
  { "shippingname", TP_CSV_FIELD_CUSTOMER_NAME },
  { "createdat", TP_CSV_FIELD_ORDERED_AT },
  { "lineitemname", TP_CSV_FIELD_ITEM },
  { "total", TP_CSV_FIELD_AMOUNT },
  { "currency", TP_CSV_FIELD_CURRENCY },
  { "fulfillmentstatus", TP_CSV_FIELD_STATUS },
  { "fulfilledat", TP_CSV_FIELD_FULFILLED_AT },
  { NULL, 0 }
};

static const FormatHeader shopify_customer_headers[] = {
  { "firstname", TP_CSV_FIELD_FIRST_NAME },
  { "lastname", TP_CSV_FIELD_LAST_NAME },
  { "email", TP_CSV_FIELD_EMAIL },
  { "phone", TP_CSV_FIELD_PHONE },
  { "defaultaddressphone", TP_CSV_FIELD_PHONE },
  { "note", TP_CSV_FIELD_NOTES },
  { NULL, 0 }
};

static const FormatHeader etsy_order_headers[] = {
  { "saledate", TP_CSV_FIELD_ORDERED_AT },
  { "itemname", TP_CSV_FIELD_ITEM },
  { "shipname", TP_CSV_FIELD_CUSTOMER_NAME },
  { "itemtotal", TP_CSV_FIELD_AMOUNT },
  { "currency", TP_CSV_FIELD_CURRENCY },
  { "orderid", TP_CSV_FIELD_ORDER_REF },
  { "dateshipped", TP_CSV_FIELD_FULFILLED_AT },
  { NULL, 0 }
};

static const FormatHeader woocommerce_order_headers[] = {
  { "date", TP_CSV_FIELD_ORDERED_AT },
  { "order", TP_CSV_FIELD_ORDER_REF },
  { "status", TP_CSV_FIELD_STATUS },
  { "customer", TP_CSV_FIELD_CUSTOMER_NAME },
  { "products", TP_CSV_FIELD_ITEM },
  { "netsales", TP_CSV_FIELD_AMOUNT },
  { NULL, 0 }
};

static const FormatHeader woocommerce_customer_headers[] = {
  { "name", TP_CSV_FIELD_NAME },
  { "email", TP_CSV_FIELD_EMAIL },
  { "dateregistered", TP_CSV_FIELD_CREATED_AT },
  { NULL, 0 }
};

static const FormatHeader square_order_headers[] = {
  { "date", TP_CSV_FIELD_ORDERED_AT },
  { "time", TP_CSV_FIELD_ORDER_TIME },
  { "item", TP_CSV_FIELD_ITEM },
  { "netsales", TP_CSV_FIELD_AMOUNT },
  { "transactionid", TP_CSV_FIELD_ORDER_REF },
  { "customername", TP_CSV_FIELD_CUSTOMER_NAME },
  { NULL, 0 }
};

static const FormatHeader square_customer_headers[] = {
  { "firstname", TP_CSV_FIELD_FIRST_NAME },
  { "lastname", TP_CSV_FIELD_LAST_NAME },
  { "emailaddress", TP_CSV_FIELD_EMAIL },
  { "phonenumber", TP_CSV_FIELD_PHONE },
  { "memo", TP_CSV_FIELD_NOTES },
  { NULL, 0 }
};

/* The columns tp-vcard.c makes of each card */
static const FormatHeader vcard_headers[] = {
  { "fn", TP_CSV_FIELD_NAME },
  { "ngiven", TP_CSV_FIELD_FIRST_NAME },
  { "nfamily", TP_CSV_FIELD_LAST_NAME },
  { "email", TP_CSV_FIELD_EMAIL },
  { "tel", TP_CSV_FIELD_PHONE },
  { "note", TP_CSV_FIELD_NOTES },
  { NULL, 0 }
};

static const struct
{
  const char         *label;
  TpCsvTable          table;
  const char         *signature[4];  /* all present */
  const FormatHeader *headers;       /* NULL: the known headers */
  TpCsvDateOrder      date_order;
  gboolean            adds_customers;
} formats[TP_CSV_N_FORMATS] = {
  [TP_CSV_FORMAT_GENERIC] = { N_("CSV file"), TP_CSV_TABLE_CUSTOMERS, { NULL }, NULL,
                              TP_CSV_DATE_ORDER_UNKNOWN, FALSE },
  [TP_CSV_FORMAT_TOUCHPOINT] = { N_("Touchpoint export"), TP_CSV_TABLE_CUSTOMERS,
                                 { "id", "createdat", "updatedat" }, NULL,
                                 TP_CSV_DATE_ORDER_UNKNOWN, FALSE },
  [TP_CSV_FORMAT_GOOGLE_CONTACTS] = { N_("Google Contacts"), TP_CSV_TABLE_CUSTOMERS,
                                      { "email1value" }, NULL, TP_CSV_DATE_ORDER_UNKNOWN, FALSE },
  [TP_CSV_FORMAT_OUTLOOK_CONTACTS] = { N_("Outlook contacts"), TP_CSV_TABLE_CUSTOMERS,
                                       { "emailaddress", "email2address", "businessphone" },
                                       NULL, TP_CSV_DATE_ORDER_UNKNOWN, FALSE },
  [TP_CSV_FORMAT_SHOPIFY_ORDERS] = { N_("Shopify orders"), TP_CSV_TABLE_ORDERS,
                                     { "financialstatus", "lineitemname" },
                                     shopify_order_headers, TP_CSV_DATE_ORDER_UNKNOWN, TRUE },
  [TP_CSV_FORMAT_SHOPIFY_CUSTOMERS] = { N_("Shopify customers"), TP_CSV_TABLE_CUSTOMERS,
                                        { "totalspent", "totalorders" },
                                        shopify_customer_headers, TP_CSV_DATE_ORDER_UNKNOWN,
                                        FALSE },
  [TP_CSV_FORMAT_ETSY_ORDERS] = { N_("Etsy sold items"), TP_CSV_TABLE_ORDERS,
                                  { "saledate", "itemname", "orderid" }, etsy_order_headers,
                                  TP_CSV_DATE_ORDER_MDY, TRUE },
  [TP_CSV_FORMAT_WOOCOMMERCE_ORDERS] = { N_("WooCommerce orders"), TP_CSV_TABLE_ORDERS,
                                         { "order", "products", "netsales" },
                                         woocommerce_order_headers, TP_CSV_DATE_ORDER_UNKNOWN,
                                         TRUE },
  [TP_CSV_FORMAT_WOOCOMMERCE_CUSTOMERS] = { N_("WooCommerce customers"), TP_CSV_TABLE_CUSTOMERS,
                                            { "totalspend", "aov", "dateregistered" },
                                            woocommerce_customer_headers,
                                            TP_CSV_DATE_ORDER_UNKNOWN, FALSE },
  [TP_CSV_FORMAT_SQUARE_ORDERS] = { N_("Square item sales"), TP_CSV_TABLE_ORDERS,
                                    { "transactionid", "grosssales", "item" },
                                    square_order_headers, TP_CSV_DATE_ORDER_UNKNOWN, TRUE },
  [TP_CSV_FORMAT_SQUARE_CUSTOMERS] = { N_("Square customers"), TP_CSV_TABLE_CUSTOMERS,
                                       { "squarecustomerid" }, square_customer_headers,
                                       TP_CSV_DATE_ORDER_UNKNOWN, FALSE },
  /* Recognised from BEGIN:VCARD, not from a header */
  [TP_CSV_FORMAT_VCARD] = { N_("vCard contacts"), TP_CSV_TABLE_CUSTOMERS, { "" },
                            vcard_headers, TP_CSV_DATE_ORDER_UNKNOWN, FALSE },
};

/**
 * tp_csv_format_get_label:
 * @format: a format
 *
 * Returns: the translated name of @format, such as "Shopify orders"
 */
const char *
tp_csv_format_get_label (TpCsvFormat format)
{
  g_return_val_if_fail (format < TP_CSV_N_FORMATS, NULL);

  return _(formats[format].label);
}

/**
 * tp_csv_format_get_table:
 * @format: a format
 *
 * Returns: the table a file of @format fills
 */
TpCsvTable
tp_csv_format_get_table (TpCsvFormat format)
{
  g_return_val_if_fail (format < TP_CSV_N_FORMATS, TP_CSV_TABLE_CUSTOMERS);

  return formats[format].table;
}

static char *
normalize_header (const char *header)
{
  GString *out = g_string_new (NULL);

  for (const char *p = header; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
    }

  return g_string_free (out, FALSE);
}

TpCsvField
_tp_csv_guess_field (TpCsvTable  table,
                     const char *header)
{
  g_autofree char *normal = normalize_header (header);

  for (guint i = 0; i < G_N_ELEMENTS (known_headers); i++)
    {
      if ((known_headers[i].tables & (1u << table)) != 0 &&
          g_str_equal (known_headers[i].header, normal))
        return known_headers[i].field;
    }

  return TP_CSV_FIELD_IGNORE;
}

static gboolean
has_header (GPtrArray  *normal_headers,
            const char *header)
{
  for (guint i = 0; i < normal_headers->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (normal_headers, i), header))
        return TRUE;
    }

  return FALSE;
}

/* The format whose signature the header has: the exports of the shops
 * first, whose headers are the most particular */
TpCsvFormat
_tp_csv_detect_format (GPtrArray *headers)
{
  static const TpCsvFormat order[] = {
    TP_CSV_FORMAT_SHOPIFY_ORDERS, TP_CSV_FORMAT_SHOPIFY_CUSTOMERS, TP_CSV_FORMAT_ETSY_ORDERS,
    TP_CSV_FORMAT_WOOCOMMERCE_ORDERS, TP_CSV_FORMAT_WOOCOMMERCE_CUSTOMERS,
    TP_CSV_FORMAT_SQUARE_ORDERS, TP_CSV_FORMAT_SQUARE_CUSTOMERS, TP_CSV_FORMAT_GOOGLE_CONTACTS,
    TP_CSV_FORMAT_OUTLOOK_CONTACTS, TP_CSV_FORMAT_TOUCHPOINT,
  };
  g_autoptr(GPtrArray) normal = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < headers->len; i++)
    g_ptr_array_add (normal, normalize_header (g_ptr_array_index (headers, i)));

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char * const *signature = formats[order[i]].signature;
      gboolean all = TRUE;

      for (guint j = 0; j < G_N_ELEMENTS (formats[order[i]].signature) && signature[j] != NULL; j++)
        all = all && has_header (normal, signature[j]);

      if (all)
        return order[i];
    }

  return TP_CSV_FORMAT_GENERIC;
}

/* The field a column of a file of @format has, if the format knows the
 * columns of @table */
gboolean
_tp_csv_format_field (TpCsvFormat  format,
                      TpCsvTable   table,
                      const char  *header,
                      TpCsvField  *field)
{
  const FormatHeader *headers = formats[format].headers;
  g_autofree char *normal = NULL;

  if (headers == NULL || formats[format].table != table)
    return FALSE;

  normal = normalize_header (header);
  *field = TP_CSV_FIELD_IGNORE;
  for (guint i = 0; headers[i].header != NULL; i++)
    {
      if (g_str_equal (headers[i].header, normal))
        {
          *field = headers[i].field;
          break;
        }
    }

  return TRUE;
}

/* The order of dates in a file of @format, if the format says */
TpCsvDateOrder
_tp_csv_format_get_date_order (TpCsvFormat format)
{
  return formats[format].date_order;
}

/* Whether a file of @format brings in the customers it names */
gboolean
_tp_csv_format_adds_customers (TpCsvFormat format)
{
  return formats[format].adds_customers;
}
