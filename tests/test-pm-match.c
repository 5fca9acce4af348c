/* test-pm-match.c: PIC products and Product Module products matched by
 * barcode (GTIN/UPC, however many leading zeros), then style number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-json.h"
#include "att-pm-match.h"
#include "att-product.h"

static AttProduct *
product_from (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = att_json_parse_object (json, -1, &error);
  AttProduct *product;

  g_assert_no_error (error);
  product = att_product_new_from_json (object, NULL, &error);
  g_assert_no_error (error);
  return product;
}

static void
test_barcode_key (void)
{
  struct
  {
    const char *barcode;
    const char *key;
  } cases[] = {
    { "3760123451024", "03760123451024" },  /* GTIN-13 */
    { "03760123451024", "03760123451024" }, /* the same as GTIN-14 */
    { " 036000291452 ", "00036000291452" }, /* a UPC-A, spaces around */
    { "96385074", "00000096385074" },       /* GTIN-8 */
    { "1234567", NULL },                    /* too short */
    { "123456789012345", NULL },            /* too long */
    { "376012345102X", NULL },              /* not digits */
    { "ATT-1004-AP", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = att_pm_match_barcode_key (cases[i].barcode);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

static void
test_barcode (void)
{
  g_assert_true (att_pm_match_barcode ("3760123451024", "03760123451024"));
  g_assert_true (att_pm_match_barcode ("036000291452", "0036000291452"));
  g_assert_false (att_pm_match_barcode ("3760123451024", "3760123451031"));
  g_assert_false (att_pm_match_barcode (NULL, NULL));
  g_assert_false (att_pm_match_barcode ("ATT-1004-AP", "ATT-1004-AP"));
}

static void
test_style_number (void)
{
  g_assert_true (att_pm_match_style_number ("ATT-1004-AP", "att-1004-ap "));
  g_assert_false (att_pm_match_style_number ("ATT-1004-AP", "ATT-1009-AP"));
  g_assert_false (att_pm_match_style_number ("", ""));
  g_assert_false (att_pm_match_style_number (NULL, "ATT-1004-AP"));
}

static void
test_spellings (void)
{
  const char *barcodes[] = { "3760123451024", "036000291452", "not a barcode", "03760123451024", NULL };
  g_auto(GStrv) spellings = att_pm_match_barcode_spellings (barcodes);
  g_autofree char *joined = g_strjoinv (" ", spellings);

  /* Each once, every length its leading zeros allow. */
  g_assert_cmpstr (joined, ==,
                   "03760123451024 3760123451024 00036000291452 0036000291452 036000291452");

  g_strfreev (g_steal_pointer (&spellings));
  spellings = att_pm_match_barcode_spellings (NULL);
  g_assert_nonnull (spellings);
  g_assert_null (spellings[0]);
}

static void
test_product_keys (void)
{
  g_autoptr(AttProduct) gtin = product_from ("{\"_id\": \"p1\", \"name\": \"Tee\", \"identifier\": \"3760123451024\","
                                              " \"identifierType\": \"GTIN\", \"modelNumber\": null,"
                                              " \"barcodes\": [\"3760123451024\", \"4006381333931\", 7]}");
  g_autoptr(AttProduct) sku = product_from ("{\"_id\": \"p2\", \"name\": \"Hoodie\", \"identifier\": \"ATT-1004-AP\","
                                             " \"identifierType\": \"SKU\"}");
  g_autoptr(AttProduct) model = product_from ("{\"_id\": \"p3\", \"name\": \"Dress\", \"identifier\": \"036000291452\","
                                               " \"identifierType\": \"UPC\", \"modelNumber\": \" DR-77 \"}");
  g_autoptr(AttProduct) none = product_from ("{\"_id\": \"p4\", \"name\": \"Scarf\"}");
  g_auto(GStrv) keys = att_pm_match_product_barcodes (gtin);
  g_autofree char *joined = g_strjoinv (" ", keys);
  g_autofree char *style = NULL;

  /* A barcodes member that is not all strings adds nothing. */
  g_assert_cmpstr (joined, ==, "03760123451024");
  style = att_pm_match_product_style_number (gtin);
  g_assert_null (style);

  style = att_pm_match_product_style_number (sku);
  g_assert_cmpstr (style, ==, "ATT-1004-AP");
  g_strfreev (keys);
  keys = att_pm_match_product_barcodes (sku);
  g_assert_null (keys[0]);

  g_free (style);
  style = att_pm_match_product_style_number (model);
  g_assert_cmpstr (style, ==, "DR-77");
  g_strfreev (keys);
  keys = att_pm_match_product_barcodes (model);
  g_assert_cmpstr (keys[0], ==, "00036000291452");

  g_free (style);
  style = att_pm_match_product_style_number (none);
  g_assert_null (style);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pm-match/barcode-key", test_barcode_key);
  g_test_add_func ("/pm-match/barcode", test_barcode);
  g_test_add_func ("/pm-match/style-number", test_style_number);
  g_test_add_func ("/pm-match/spellings", test_spellings);
  g_test_add_func ("/pm-match/product-keys", test_product_keys);

  return g_test_run ();
}
