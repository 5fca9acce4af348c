/* att-pm-match.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-json.h"
#include "att-pm-match.h"
#include "att-product.h"

/*
 * A PIC product and a Product Module product are two records of one
 * article with no id in common: the issue matches them by identifier, the
 * GTIN or UPC barcode first, then the style number (the PIC product's
 * modelNumber, or its SKU, against the PM product's modelNumber).  Both
 * sides may spell a barcode with or without leading zeros (a UPC-A is a
 * GTIN-12, the same article as its GTIN-13 and GTIN-14 with zeros in
 * front), so barcodes are compared as 14 digits.  The check digit is not
 * checked: a barcode mistyped on both sides is still the same text.
 */

#define KEY_LENGTH 14

/* The lengths a GTIN is written in (GS1 General Specifications, 3.3). */
static const guint gtin_lengths[] = { 14, 13, 12, 8 };

/**
 * att_pm_match_barcode_key:
 * @barcode: (nullable): a barcode as either API spells it
 *
 * Returns: (transfer full) (nullable): @barcode as 14 digits, zeros in
 *   front, or %NULL if it is not 8 to 14 digits (surrounding spaces aside)
 */
char *
att_pm_match_barcode_key (const char *barcode)
{
  g_autofree char *digits = NULL;
  GString         *key;
  gsize            length;

  if (barcode == NULL)
    return NULL;
  digits = g_strstrip (g_strdup (barcode));
  length = strlen (digits);
  if (length < 8 || length > KEY_LENGTH)
    return NULL;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (digits[i]))
      return NULL;

  key = g_string_sized_new (KEY_LENGTH);
  for (gsize i = length; i < KEY_LENGTH; i++)
    g_string_append_c (key, '0');
  g_string_append (key, digits);
  return g_string_free (key, FALSE);
}

/**
 * att_pm_match_barcode:
 *
 * Returns: whether @a and @b are barcodes of the same article
 */
gboolean
att_pm_match_barcode (const char *a,
                      const char *b)
{
  g_autofree char *key_a = att_pm_match_barcode_key (a);
  g_autofree char *key_b = att_pm_match_barcode_key (b);

  return key_a != NULL && g_strcmp0 (key_a, key_b) == 0;
}

/**
 * att_pm_match_style_number:
 *
 * Returns: whether @a and @b are the same style number, spaces around
 *   and ASCII case aside (people type "att-1004-ap" for "ATT-1004-AP")
 */
gboolean
att_pm_match_style_number (const char *a,
                           const char *b)
{
  g_autofree char *trimmed_a = NULL;
  g_autofree char *trimmed_b = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  trimmed_a = g_strstrip (g_strdup (a));
  trimmed_b = g_strstrip (g_strdup (b));
  return *trimmed_a != '\0' && g_ascii_strcasecmp (trimmed_a, trimmed_b) == 0;
}

static void
add_unique (GPtrArray  *spellings,
            const char *text)
{
  for (guint i = 0; i < spellings->len; i++)
    if (g_str_equal (g_ptr_array_index (spellings, i), text))
      return;
  g_ptr_array_add (spellings, g_strdup (text));
}

/**
 * att_pm_match_barcode_spellings:
 * @barcodes: (nullable): barcodes
 *
 * A server compares barcodes as text: these are the ways each of
 * @barcodes can be written as a GTIN (14, 13, 12 and 8 digits, as far as
 * its leading zeros allow), for a search that finds it however the other
 * record spells it.
 *
 * Returns: (transfer full): the spellings, each once, or an empty list
 */
GStrv
att_pm_match_barcode_spellings (const char *const *barcodes)
{
  g_autoptr(GPtrArray) spellings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; barcodes != NULL && barcodes[i] != NULL; i++)
    {
      g_autofree char *key = att_pm_match_barcode_key (barcodes[i]);

      if (key == NULL)
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (gtin_lengths); j++)
        {
          gsize zeros = KEY_LENGTH - gtin_lengths[j];

          if (strspn (key, "0") >= zeros)
            add_unique (spellings, key + zeros);
        }
    }
  g_ptr_array_add (spellings, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&spellings), FALSE);
}

/**
 * att_pm_match_product_barcodes:
 * @product: a PIC product
 *
 * Returns: (transfer full): the 14-digit keys of @product's barcodes: its
 *   identifier when it is a GTIN or a UPC, then any `barcodes` the server
 *   sent; an empty list if it has none
 */
GStrv
att_pm_match_product_barcodes (AttProduct *product)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  const char *type;
  g_auto(GStrv) barcodes = NULL;
  g_autofree char *identifier = NULL;

  g_return_val_if_fail (ATT_IS_PRODUCT (product), NULL);

  type = att_product_get_identifier_type (product);
  if (g_strcmp0 (type, "GTIN") == 0 || g_strcmp0 (type, "UPC") == 0)
    identifier = att_pm_match_barcode_key (att_product_get_identifier (product));
  if (identifier != NULL)
    add_unique (keys, identifier);

  /* Defensive: a `barcodes` member that is not a list of strings is no
   * barcode, not an error. */
  barcodes = att_json_get_string_array (att_product_get_json (product), "barcodes", NULL, FALSE, NULL);
  for (guint i = 0; barcodes != NULL && barcodes[i] != NULL; i++)
    {
      g_autofree char *key = att_pm_match_barcode_key (barcodes[i]);

      if (key != NULL)
        add_unique (keys, key);
    }
  g_ptr_array_add (keys, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
}

/**
 * att_pm_match_product_style_number:
 * @product: a PIC product
 *
 * Returns: (transfer full) (nullable): @product's style number: its
 *   `modelNumber` if the server sent one, else its identifier when that is
 *   a SKU or of another kind (a GTIN or UPC is a barcode, not a style)
 */
char *
att_pm_match_product_style_number (AttProduct *product)
{
  const char      *model_number;
  const char      *type;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (ATT_IS_PRODUCT (product), NULL);

  model_number = att_json_get_string (att_product_get_json (product), "modelNumber", NULL, FALSE, NULL);
  type = att_product_get_identifier_type (product);
  if (model_number == NULL || *model_number == '\0')
    model_number = g_strcmp0 (type, "GTIN") != 0 && g_strcmp0 (type, "UPC") != 0
                     ? att_product_get_identifier (product)
                     : NULL;
  if (model_number == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (model_number));
  return *trimmed != '\0' ? g_steal_pointer (&trimmed) : NULL;
}
