/* test-pm-match.c: PIC products and Product Module products matched by
 * barcode (GTIN/UPC, however many leading zeros), then style number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-higg-client.h"
#include "att-http.h"
#include "att-json.h"
#include "att-page.h"
#include "att-pm-match-search.h"
#include "att-pm-match.h"
#include "att-pm-product.h"
#include "att-product.h"
#include "att-sandbox.h"
#include "att-test-utils.h"

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

/* Against the sandbox's demo data: a PM product per PIC demo product, with
 * its GTIN as barcode (or, for those with a SKU, its style number), and PM
 * products that match no PIC product. */

typedef struct
{
  AttSandbox    *sandbox;
  AttHttp       *http;
  AttHiggClient *client;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (f->sandbox, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (f->sandbox, &f->http, &f->client, NULL);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  att_test_sandbox_disconnect (&f->sandbox, &f->http, &f->client);
}

/* The first demo PIC product whose identifier is of @type. */
static AttProduct *
pic_product_of_type (Fixture    *f,
                     const char *type)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;
  GListModel *products;

  att_higg_client_search_products_async (f->client, NULL, NULL, 0, 100, NULL, att_test_store_result, &result);
  page = att_higg_client_search_products_finish (f->client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  products = att_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (products, i);

      if (g_strcmp0 (att_product_get_identifier_type (product), type) == 0)
        return g_steal_pointer (&product);
    }
  g_error ("no demo product has a %s", type);
}

static GListModel *
find_pm (Fixture        *f,
         AttProduct     *product,
         AttPmMatchKind *kind)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *found;

  att_pm_match_find_pm_products_async (f->client, product, NULL, att_test_store_result, &result);
  found = att_pm_match_find_pm_products_finish (att_test_await_result (&result), kind, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  return found;
}

static AttProduct *
find_pic (Fixture        *f,
          AttPmProduct   *product,
          AttPmMatchKind *kind)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  AttProduct *found;

  att_pm_match_find_pic_product_async (f->client, product, NULL, att_test_store_result, &result);
  found = att_pm_match_find_pic_product_finish (att_test_await_result (&result), kind, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  return found;
}

static AttPmProduct *
pm_product_named (Fixture    *f,
                  const char *name)
{
  GAsyncResult     *result = NULL;
  AttPmSearchFilter filter = { .name = name };
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;

  att_higg_client_search_pm_products_async (f->client, &filter, 0, 10, NULL, att_test_store_result, &result);
  page = att_higg_client_search_pm_products_finish (f->client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (page)), ==, 1);
  return g_list_model_get_item (att_page_get_items (page), 0);
}

static void
test_round_trip (Fixture      *f,
                 gconstpointer data)
{
  const char *type = data;
  g_autoptr(AttProduct) pic = pic_product_of_type (f, type);
  g_autoptr(GListModel) pms = NULL;
  g_autoptr(AttPmProduct) pm = NULL;
  g_autoptr(AttProduct) back = NULL;
  AttPmMatchKind expected = g_str_equal (type, "GTIN") ? ATT_PM_MATCH_BARCODE : ATT_PM_MATCH_STYLE_NUMBER;
  AttPmMatchKind kind = ATT_PM_MATCH_NONE;

  /* The PIC product's one PM product, found by its barcode or its SKU... */
  pms = find_pm (f, pic, &kind);
  g_assert_cmpint (kind, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (pms), ==, 1);
  pm = g_list_model_get_item (pms, 0);
  g_assert_cmpstr (att_pm_product_get_name (pm), ==, att_product_get_name (pic));

  /* ...and back again. */
  back = find_pic (f, pm, &kind);
  g_assert_nonnull (back);
  g_assert_cmpint (kind, ==, expected);
  g_assert_cmpstr (att_product_get_id (back), ==, att_product_get_id (pic));
}

static void
test_unmatched (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(AttPmProduct) pm = pm_product_named (f, "Mohair Blend Throw");
  g_autoptr(AttProduct) pic = NULL;
  g_autoptr(JsonObject) body = att_test_parse_object ("{\"name\": \"Unlisted Scarf\", \"weight\": 90,"
                                                       " \"weightMeasureUnit\": \"grams\","
                                                       " \"materials\": [{\"materialId\": \"MatTX0001\", \"netUse\": 75, \"composition\": 100}],"
                                                       " \"identifier\": \"4006381333931\","
                                                       " \"identifierType\": \"GTIN\"}");
  g_autoptr(GListModel) pms = NULL;
  g_autoptr(GError) error = NULL;
  AttPmMatchKind kind = ATT_PM_MATCH_BARCODE;

  /* A PM product no PIC product is: no product, no error. */
  pic = find_pic (f, pm, &kind);
  g_assert_null (pic);
  g_assert_cmpint (kind, ==, ATT_PM_MATCH_NONE);

  /* A PIC product with a barcode no PM product has. */
  pic = att_test_create_product (f->client, body, &error);
  g_assert_no_error (error);
  kind = ATT_PM_MATCH_BARCODE;
  pms = find_pm (f, pic, &kind);
  g_assert_cmpint (kind, ==, ATT_PM_MATCH_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (pms), ==, 0);
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

  g_test_add ("/pm-match/search/gtin", Fixture, "GTIN", fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/pm-match/search/sku", Fixture, "SKU", fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/pm-match/search/unmatched", Fixture, NULL, fixture_setup, test_unmatched, fixture_teardown);

  return g_test_run ();
}
