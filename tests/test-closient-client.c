/* test-closient-client.c: AttClosientClient against the sandbox over
 * loopback HTTP: lists, filters, sort, pages, the product lookup, PATCH of
 * each field, DELETE, and the errors of both shapes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-closient-body.h"
#include "att-closient-certification.h"
#include "att-closient-client.h"
#include "att-closient-key.h"
#include "att-closient-product.h"
#include "att-gtin.h"
#include "att-paged-model.h"
#include "att-sandbox-account.h"
#include "att-shortuuid.h"
#include "att-test-utils.h"

/* The sandbox's demo product with sixty certifications (issue9.md). */
#define LONG_GTIN   "09506000134352"
#define LONG_GTIN13 "9506000134352"
#define LONG_LENGTH 60
/* A GTIN with a right check digit that no demo product has. */
#define UNKNOWN_GTIN "4006381333931"

typedef struct
{
  AttSandbox        *sandbox;
  AttHttp           *http;
  AttHiggClient     *higg;
  AttClosientClient *client;
} Fixture;

static const char *
sandbox_key (Fixture           *fixture,
             AttClosientKeyKind kind)
{
  return att_sandbox_get_closient_api_key (fixture->sandbox, kind);
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (fixture->sandbox, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (fixture->sandbox, &fixture->http, &fixture->higg, NULL);
  att_http_set_retry_policy (fixture->http, 2, 10);
  fixture->client = att_test_closient_client_new (fixture->http, fixture->sandbox);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_clear_object (&fixture->client);
  att_test_sandbox_disconnect (&fixture->sandbox, &fixture->http, &fixture->higg);
}

static AttClosientClient *
client_with_key (Fixture    *fixture,
                 const char *key)
{
  return att_closient_client_new (fixture->http, att_sandbox_get_base_url (fixture->sandbox), key);
}

static void
configure (Fixture    *fixture,
           const char *settings)
{
  g_autoptr(GError) error = NULL;

  att_sandbox_configure_closient (fixture->sandbox, settings, &error);
  g_assert_no_error (error);
}

/* --- Calls, waited for ------------------------------------------------- */

static GListModel *
list_bare (AttClosientClient       *client,
           const char              *gtin,
           const AttClosientFilter *filter,
           GError                 **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_closient_client_list_certifications_async (client, gtin, filter, NULL, att_test_store_result, &result);
  return att_closient_client_list_certifications_finish (client, att_test_await_result (&result), error);
}

static GListModel *
list_ok (Fixture                 *fixture,
         const char              *gtin,
         const AttClosientFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = list_bare (fixture->client, gtin, filter, &error);

  g_assert_no_error (error);
  return list;
}

static AttClosientProduct *
get_product (AttClosientClient *client,
             const char        *gtin,
             GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_closient_client_get_product_async (client, gtin, NULL, att_test_store_result, &result);
  return att_closient_client_get_product_finish (client, att_test_await_result (&result), error);
}

static AttClosientAssignment *
update (AttClosientClient *client,
        const char        *gtin,
        const char        *id,
        AttClosientPatch  *patch,
        GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_closient_client_update_assignment_async (client, gtin, id, patch, NULL, att_test_store_result, &result);
  return att_closient_client_update_assignment_finish (client, att_test_await_result (&result), error);
}

static gboolean
remove_assignment (AttClosientClient *client,
                   const char        *gtin,
                   const char        *id,
                   GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_closient_client_remove_assignment_async (client, gtin, id, NULL, att_test_store_result, &result);
  return att_closient_client_remove_assignment_finish (client, att_test_await_result (&result), error);
}

static gboolean
contains_folded (const char *text,
                 const char *part)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *folded_part = g_utf8_casefold (part, -1);

  return strstr (folded, folded_part) != NULL;
}

/* Whether @a and @b hold the same strings, order aside. */
static gboolean
same_set (const char *const *a,
          const char *const *b)
{
  if (g_strv_length ((char **) a) != g_strv_length ((char **) b))
    return FALSE;
  for (guint i = 0; a[i] != NULL; i++)
    if (!g_strv_contains (b, a[i]))
      return FALSE;
  return TRUE;
}

/* Every item of @model, fetching its pages one by one. */
static GPtrArray *
load_all (AttPagedModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  while (!att_paged_model_get_loaded (model) && att_paged_model_get_error (model) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (att_paged_model_get_error (model));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      /* Asking for a row fetches its page. */
      g_autoptr(GObject) placeholder = g_list_model_get_item (G_LIST_MODEL (model), i);

      while (!att_paged_model_is_item_loaded (model, i))
        {
          g_assert_cmpint (att_paged_model_get_item_state (model, i), !=, ATT_PAGED_ITEM_FAILED);
          g_main_context_iteration (NULL, TRUE);
        }
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (model), i));
    }
  return items;
}

static AttClosientAssignment *
item (GListModel *list,
      guint       position)
{
  AttClosientAssignment *assignment = g_list_model_get_item (list, position);

  g_object_unref (assignment); /* the list keeps it */
  return assignment;
}

/* --- The demo key ------------------------------------------------------ */

static void
test_demo_key (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AttHiggAuth) auth = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char   *key = NULL;
  AttClosientKeyKind kind;

  att_sandbox_account_fetch_async (fixture->http, att_sandbox_get_base_url (fixture->sandbox), NULL,
                                   att_test_store_result, &result);
  auth = att_sandbox_account_fetch_finish (att_test_await_result (&result), &key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (auth);
  g_assert_cmpstr (key, ==, sandbox_key (fixture, ATT_CLOSIENT_KEY_BUSINESS));
  g_assert_true (att_closient_key_check (key, &kind, NULL));
  g_assert_cmpint (kind, ==, ATT_CLOSIENT_KEY_BUSINESS);
}

/* --- Lists ------------------------------------------------------------- */

static void
test_list (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr(GListModel) list = list_ok (fixture, LONG_GTIN, NULL);
  /* The same product by its GTIN-13: the client pads it. */
  g_autoptr(GListModel) list13 = list_ok (fixture, LONG_GTIN13, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, LONG_LENGTH);
  g_assert_cmpuint (g_list_model_get_n_items (list13), ==, LONG_LENGTH);
  for (guint i = 0; i < LONG_LENGTH; i++)
    {
      AttClosientAssignment *assignment = item (list, i);

      g_assert_true (att_shortuuid_check (att_closient_assignment_get_id (assignment), NULL));
      g_assert_cmpstr (att_closient_assignment_get_label (assignment), !=, "");
      g_assert_cmpstr (att_closient_assignment_get_id (assignment), ==,
                       att_closient_assignment_get_id (item (list13, i)));
    }
}

static guint
count_matching (GListModel             *list,
                AttClosientVerification status,
                int                     is_active)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      AttClosientAssignment *assignment = item (list, i);

      n += (status == ATT_CLOSIENT_VERIFICATION_UNKNOWN ||
            att_closient_assignment_get_verification_status (assignment) == status) &&
           (is_active < 0 || att_closient_assignment_get_is_active (assignment) == is_active);
    }
  return n;
}

/* Each filter gives what the whole list holds of it, no more, no less; on
 * the bare route and on the paged one. */
static void
test_filters (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr(GListModel) all = list_ok (fixture, LONG_GTIN, NULL);
  guint total_by_status = 0;

  for (int status = ATT_CLOSIENT_UNVERIFIED; status <= ATT_CLOSIENT_VERIFICATION_UNKNOWN; status++)
    for (int active = -1; active <= 1; active++)
      {
        AttClosientFilter filter = { status, active, NULL };
        g_autoptr(GListModel) list = list_ok (fixture, LONG_GTIN, &filter);
        g_autoptr(AttPagedModel) model = att_closient_client_create_certification_model (fixture->client,
                                                                                          LONG_GTIN, &filter);
        g_autoptr(GPtrArray) paged = load_all (model);
        guint n = g_list_model_get_n_items (list);

        g_assert_cmpuint (n, ==, count_matching (all, status, active));
        g_assert_cmpuint (count_matching (list, status, active), ==, n);
        g_assert_cmpuint (paged->len, ==, n);
        for (guint i = 0; i < n; i++)
          g_assert_cmpstr (att_closient_assignment_get_id (paged->pdata[i]), ==,
                           att_closient_assignment_get_id (item (list, i)));
        if (status != ATT_CLOSIENT_VERIFICATION_UNKNOWN && active < 0)
          {
            /* The demo has some of each. */
            g_assert_cmpuint (n, >, 0);
            total_by_status += n;
          }
      }

  g_assert_cmpuint (total_by_status, ==, LONG_LENGTH);
}

static void
assert_sorted (GListModel *list,
               const char *ordering)
{
  gboolean descending = ordering[0] == '-';
  gboolean by_label = strstr (ordering, "label") != NULL;

  for (guint i = 1; i < g_list_model_get_n_items (list); i++)
    {
      AttClosientAssignment *a = item (list, i - 1);
      AttClosientAssignment *b = item (list, i);
      int                    cmp;

      if (by_label)
        cmp = g_ascii_strcasecmp (att_closient_assignment_get_label (a), att_closient_assignment_get_label (b));
      else
        {
          const char *da = att_closient_assignment_get_expiry_date (a);
          const char *db = att_closient_assignment_get_expiry_date (b);

          /* Unset dates last going up, first going down. */
          if (da == NULL || db == NULL)
            cmp = (da == NULL) - (db == NULL);
          else
            cmp = strcmp (da, db);
        }
      if (descending)
        cmp = -cmp;
      g_assert_cmpint (cmp, <=, 0);
    }
}

static void
test_sort (Fixture      *fixture,
           gconstpointer user_data)
{
  static const char *const orderings[] = { "label", "-label", "expiry_date", "-expiry_date" };

  for (guint i = 0; i < G_N_ELEMENTS (orderings); i++)
    {
      AttClosientFilter filter = { ATT_CLOSIENT_VERIFICATION_UNKNOWN, -1, orderings[i] };
      g_autoptr(GListModel) list = list_ok (fixture, LONG_GTIN, &filter);
      g_autoptr(AttPagedModel) model = att_closient_client_create_certification_model (fixture->client,
                                                                                        LONG_GTIN, &filter);
      g_autoptr(GPtrArray) paged = load_all (model);

      g_assert_cmpuint (g_list_model_get_n_items (list), ==, LONG_LENGTH);
      assert_sorted (list, orderings[i]);
      g_assert_cmpuint (paged->len, ==, LONG_LENGTH);
      for (guint j = 0; j < paged->len; j++)
        g_assert_cmpstr (att_closient_assignment_get_id (paged->pdata[j]), ==,
                         att_closient_assignment_get_id (item (list, j)));
    }
}

/* Pages of 25 (three, the last short) and of 7: every row once, in the
 * bare list's order. */
static void
test_pagination (Fixture      *fixture,
                 gconstpointer user_data)
{
  AttClosientFilter filter = { ATT_CLOSIENT_VERIFICATION_UNKNOWN, -1, "label" };
  g_autoptr(GListModel) list = list_ok (fixture, LONG_GTIN, &filter);
  static const guint sizes[] = { 25, 7, 100 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(AttPagedModel) model = NULL;
      g_autoptr(GPtrArray) paged = NULL;

      att_closient_client_set_page_size (fixture->client, sizes[s]);
      model = att_closient_client_create_certification_model (fixture->client, LONG_GTIN, &filter);
      g_assert_cmpuint (att_paged_model_get_page_size (model), ==, sizes[s]);
      paged = load_all (model);
      g_assert_cmpuint (att_paged_model_get_total (model), ==, LONG_LENGTH);
      g_assert_cmpuint (paged->len, ==, LONG_LENGTH);
      for (guint i = 0; i < LONG_LENGTH; i++)
        g_assert_cmpstr (att_closient_assignment_get_id (paged->pdata[i]), ==,
                         att_closient_assignment_get_id (item (list, i)));
    }
}

static void
test_catalogue (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(AttPagedModel) all = att_closient_client_create_catalogue_model (fixture->client, NULL);
  g_autoptr(AttPagedModel) gots = att_closient_client_create_catalogue_model (fixture->client, "organic");
  g_autoptr(AttPagedModel) bodies = att_closient_client_create_body_model (fixture->client, NULL);
  g_autoptr(AttPagedModel) union_bodies = att_closient_client_create_body_model (fixture->client, "UNION");
  g_autoptr(GPtrArray) all_items = load_all (all);
  g_autoptr(GPtrArray) gots_items = load_all (gots);
  g_autoptr(GPtrArray) body_items = load_all (bodies);
  g_autoptr(GPtrArray) union_items = load_all (union_bodies);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AttClosientCertification) one = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  g_assert_cmpuint (all_items->len, >=, 25);
  g_assert_cmpuint (gots_items->len, >, 0);
  g_assert_cmpuint (gots_items->len, <, all_items->len);
  for (guint i = 0; i < gots_items->len; i++)
    g_assert_true (contains_folded (att_closient_certification_get_label (gots_items->pdata[i]), "organic"));
  g_assert_cmpuint (body_items->len, >=, 10);
  g_assert_cmpuint (union_items->len, >, 0);
  for (guint i = 0; i < union_items->len; i++)
    g_assert_true (contains_folded (att_closient_body_get_name (union_items->pdata[i]), "union"));

  /* One certification by its id, given as the UUID it encodes. */
  uuid = att_shortuuid_to_uuid (att_closient_certification_get_id (all_items->pdata[0]), NULL);
  att_closient_client_get_certification_async (fixture->client, uuid, NULL, att_test_store_result, &result);
  one = att_closient_client_get_certification_finish (fixture->client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_closient_certification_get_label (one), ==,
                   att_closient_certification_get_label (all_items->pdata[0]));
}

/* --- The product, and GTINs that are not sent -------------------------- */

static void
test_product (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr(AttClosientProduct) product = NULL;
  g_autoptr(AttClosientProduct) unknown = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  product = get_product (fixture->client, LONG_GTIN13, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_closient_product_get_gtin (product), ==, LONG_GTIN);
  g_assert_cmpstr (att_closient_product_get_product_name (product), !=, "");

  /* 404 for a GTIN Closient does not know, on either app. */
  unknown = get_product (fixture->client, UNKNOWN_GTIN, &error);
  g_assert_null (unknown);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, 404);
  g_clear_error (&error);
  list = list_bare (fixture->client, UNKNOWN_GTIN, NULL, &error);
  g_assert_null (list);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND);
  g_assert_cmpstr (att_api_error_get_server_code (error), ==, "NOT_FOUND");
}

/* A client of a dead address: whatever it reports, it did not send. */
static void
test_bad_gtins_not_sent (Fixture      *fixture,
                         gconstpointer user_data)
{
  static const char *const bad[] = { "4006381333932", "400638133393", "4006381333931x", "40063813339310", "" };
  g_autoptr(AttClosientClient) dead = att_closient_client_new (fixture->http, "http://127.0.0.1:9",
                                                                sandbox_key (fixture, ATT_CLOSIENT_KEY_BUSINESS));
  g_autoptr(GError) network_error = NULL;
  g_autoptr(GListModel) none = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) product_error = NULL;
      g_autoptr(GListModel) list = list_bare (dead, bad[i], NULL, &error);
      g_autoptr(AttClosientProduct) product = get_product (dead, bad[i], &product_error);

      g_assert_null (list);
      g_assert_null (product);
      g_assert_true (error->domain == ATT_GTIN_ERROR);
      g_assert_true (product_error->domain == ATT_GTIN_ERROR);
    }

  /* And a good one is sent, and fails as a dead address does. */
  att_http_set_retry_policy (fixture->http, 0, 10);
  none = list_bare (dead, UNKNOWN_GTIN, NULL, &network_error);
  g_assert_error (network_error, ATT_API_ERROR, ATT_API_ERROR_NETWORK);
}

/* --- PATCH ------------------------------------------------------------- */

/* The first certification of @gtin with no metadata key @key... any will
 * do: the first one. */
static AttClosientAssignment *
first_assignment (Fixture    *fixture,
                  const char *gtin)
{
  g_autoptr(GListModel) list = list_ok (fixture, gtin, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
  return g_list_model_get_item (list, 0);
}

/* The assignment as the bare list has it now. */
static AttClosientAssignment *
reread (Fixture    *fixture,
        const char *gtin,
        const char *id)
{
  g_autoptr(GListModel) list = list_ok (fixture, gtin, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    if (g_str_equal (att_closient_assignment_get_id (item (list, i)), id))
      return g_object_ref (item (list, i));
  return NULL;
}

typedef void (*Edit) (AttClosientPatch *patch);

static void
edit_certificate_number (AttClosientPatch *patch)
{
  att_closient_patch_set_string (patch, "certificate_number", "NOP-98765");
}

static void
edit_issuing_body (AttClosientPatch *patch)
{
  att_closient_patch_set_string (patch, "issuing_body", "Ökologische Prüfstelle");
}

static void
edit_verification_url (AttClosientPatch *patch)
{
  att_closient_patch_set_string (patch, "verification_url", "https://registry.example/NOP-98765");
}

static void
edit_scope (AttClosientPatch *patch)
{
  att_closient_patch_set_string (patch, "scope", "");
}

static void
edit_certification_value (AttClosientPatch *patch)
{
  att_closient_patch_set_string (patch, "certification_value", "Grade A");
}

static void
edit_dates (AttClosientPatch *patch)
{
  att_closient_patch_set_date (patch, "valid_from", "2020-02-29");
  att_closient_patch_set_date (patch, "expiration_date", "2099-12-31");
  att_closient_patch_set_date (patch, "audit_date", "2024-06-01");
  att_closient_patch_set_date (patch, "initial_certification_date", "2019-01-15");
}

static void
clear_dates (AttClosientPatch *patch)
{
  att_closient_patch_set_date (patch, "valid_from", NULL);
  att_closient_patch_set_date (patch, "expiration_date", NULL);
  att_closient_patch_set_date (patch, "audit_date", NULL);
  att_closient_patch_set_date (patch, "initial_certification_date", NULL);
}

static void
edit_status (AttClosientPatch *patch)
{
  AttClosientVerification now = att_closient_assignment_get_verification_status (att_closient_patch_get_before (patch));

  att_closient_patch_set_verification_status (patch, now == ATT_CLOSIENT_VERIFIED ? ATT_CLOSIENT_VERIFICATION_EXPIRED
                                                                                  : ATT_CLOSIENT_VERIFIED);
}

static void
edit_countries (AttClosientPatch *patch)
{
  const char *const codes[] = { "FR", "DE", "PT", NULL };

  att_closient_patch_set_countries (patch, codes);
}

static void
clear_countries (AttClosientPatch *patch)
{
  const char *const none[] = { NULL };

  att_closient_patch_set_countries (patch, none);
}

static void
edit_metadata (AttClosientPatch *patch)
{
  g_autoptr(GHashTable) after = att_closient_metadata_copy (att_closient_patch_get_metadata (patch));

  g_hash_table_insert (after, g_strdup ("lot"), g_strdup ("2024-A"));
  g_hash_table_insert (after, g_strdup ("note"), g_strdup ("été"));
  att_closient_patch_set_metadata (patch, after);
}

static void
clear_metadata (AttClosientPatch *patch)
{
  att_closient_patch_clear_metadata (patch);
}

/* What the edit was meant to give, field by field, against what came
 * back: the values after the edit are the patch's. */
static void
assert_applied (AttClosientPatch      *patch,
                AttClosientAssignment *answer)
{
  static const char *const strings[] = { "certificate_number", "issuing_body", "verification_url", "scope",
                                         "certification_value", NULL };
  static const char *const dates[] = { "valid_from", "expiration_date", "audit_date",
                                       "initial_certification_date", NULL };

  for (guint i = 0; strings[i] != NULL; i++)
    g_assert_cmpstr (att_closient_assignment_get_field (answer, strings[i]), ==,
                     att_closient_patch_get_string (patch, strings[i]));
  for (guint i = 0; dates[i] != NULL; i++)
    g_assert_cmpstr (att_closient_assignment_get_field (answer, dates[i]), ==,
                     att_closient_patch_get_date (patch, dates[i]));
  g_assert_cmpint (att_closient_assignment_get_verification_status (answer), ==,
                   att_closient_patch_get_verification_status (patch));
  g_assert_true (same_set (att_closient_assignment_get_certificate_countries (answer),
                           att_closient_patch_get_countries (patch)));
  g_assert_true (att_closient_metadata_equal (att_closient_assignment_get_metadata (answer),
                                              att_closient_patch_get_metadata (patch)));
  /* Read-only, and untouched. */
  g_assert_cmpstr (att_closient_assignment_get_expiry_date (answer), ==,
                   att_closient_assignment_get_expiry_date (att_closient_patch_get_before (patch)));
}

/* Each field alone, then cleared: the answer and a fresh read both show
 * the edit, and nothing else changed. */
static void
test_patch_each_field (Fixture      *fixture,
                       gconstpointer user_data)
{
  static const Edit edits[] = { edit_certificate_number, edit_issuing_body, edit_verification_url, edit_scope,
                                edit_certification_value, edit_dates, clear_dates, edit_status,
                                edit_countries, clear_countries, edit_metadata, clear_metadata };
  g_autoptr(AttClosientAssignment) current = first_assignment (fixture, LONG_GTIN);
  g_autofree char *id = g_strdup (att_closient_assignment_get_id (current));

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(AttClosientPatch) patch = att_closient_patch_new (current);
      g_autoptr(AttClosientAssignment) answer = NULL;
      g_autoptr(AttClosientAssignment) again = NULL;
      g_autoptr(GError) error = NULL;

      edits[i](patch);
      g_assert_false (att_closient_patch_is_empty (patch));
      answer = update (fixture->client, LONG_GTIN, id, patch, &error);
      g_assert_no_error (error);
      assert_applied (patch, answer);
      again = reread (fixture, LONG_GTIN, id);
      assert_applied (patch, again);
      g_set_object (&current, again);
    }
}

/* An edit that changes nothing, or that fails its checks, is not sent;
 * the server's 422 names the same fields as the local check. */
static void
test_patch_refused (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr(AttClosientAssignment) before = first_assignment (fixture, LONG_GTIN);
  g_autoptr(AttClosientPatch) empty = att_closient_patch_new (before);
  g_autoptr(AttClosientPatch) bad = att_closient_patch_new (before);
  g_autoptr(AttClosientAssignment) answer = NULL;
  g_autoptr(GHashTable) metadata = att_closient_metadata_copy (att_closient_assignment_get_metadata (before));
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) server_error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  const char *const countries[] = { "FR", "XX", NULL };
  g_autofree char  *long_number = g_strnfill (101, '9');
  g_autofree char  *long_key = g_strnfill (41, 'k');
  g_autofree char  *url = NULL;
  g_autofree char  *local_paths = NULL;
  g_autofree char  *server_paths = NULL;

  answer = update (fixture->client, LONG_GTIN, att_closient_assignment_get_id (before), empty, &error);
  g_assert_null (answer);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, 0);
  g_clear_error (&error);

  att_closient_patch_set_string (bad, "certificate_number", long_number);
  att_closient_patch_set_date (bad, "valid_from", "2030-01-01");
  att_closient_patch_set_date (bad, "expiration_date", "2029-12-31");
  att_closient_patch_set_date (bad, "audit_date", "2024-13-01");
  att_closient_patch_set_countries (bad, countries);
  g_hash_table_insert (metadata, g_strdup (long_key), g_strdup ("v"));
  att_closient_patch_set_metadata (bad, metadata);
  answer = update (fixture->client, LONG_GTIN, att_closient_assignment_get_id (before), bad, &error);
  g_assert_null (answer);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, 0);
  local_paths = att_test_field_error_paths (att_api_error_get_field_errors (error));

  /* The same body, sent anyway. */
  body = att_closient_patch_to_json (bad);
  url = g_strdup_printf ("%s/certifications/api/v1/products/%s/certifications/%s",
                         att_sandbox_get_base_url (fixture->sandbox), LONG_GTIN,
                         att_closient_assignment_get_id (before));
  soup_message_headers_replace (headers, "X-API-Key", sandbox_key (fixture, ATT_CLOSIENT_KEY_BUSINESS));
  att_http_send_json_async (fixture->http, "PATCH", url, body, headers, FALSE, NULL, att_test_store_result, &result);
  reply = att_http_send_json_finish (fixture->http, att_test_await_result (&result), &server_error);
  g_assert_null (reply);
  g_assert_error (server_error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_assert_cmpuint (att_api_error_get_http_status (server_error), ==, 422);
  g_assert_cmpstr (att_api_error_get_server_code (server_error), ==, "VALIDATION_ERROR");
  server_paths = att_test_field_error_paths (att_api_error_get_field_errors (server_error));
  g_test_message ("local: %s; server: %s", local_paths, server_paths);
  g_assert_cmpstr (local_paths, ==, server_paths);
}

/* What the client never sends, the server refuses too: read-only fields,
 * a null string. */
static void
test_patch_server_422 (Fixture      *fixture,
                       gconstpointer user_data)
{
  static const struct
  {
    const char *body;
    const char *paths;
  } cases[] = {
    { "{\"expiry_date\": \"2030-01-01\"}", "expiry_date" },
    { "{\"label\": \"Mine\", \"is_active\": false}", "is_active label" },
    { "{\"scope\": null}", "scope" },
    { "{\"verification_status\": \"approved\"}", "verification_status" },
    { "{\"metadata\": {\"k\": 3}}", "metadata.k" },
    { "{\"metadata\": [\"k\"]}", "metadata" },
  };
  g_autoptr(AttClosientAssignment) before = first_assignment (fixture, LONG_GTIN);
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autofree char *url = g_strdup_printf ("%s/certifications/api/v1/products/%s/certifications/%s",
                                          att_sandbox_get_base_url (fixture->sandbox), LONG_GTIN,
                                          att_closient_assignment_get_id (before));

  soup_message_headers_replace (headers, "X-API-Key", sandbox_key (fixture, ATT_CLOSIENT_KEY_BUSINESS));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) body = att_test_parse_value (cases[i].body);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) reply = NULL;
      g_autofree char *paths = NULL;

      att_http_send_json_async (fixture->http, "PATCH", url, body, headers, FALSE, NULL, att_test_store_result,
                                &result);
      reply = att_http_send_json_finish (fixture->http, att_test_await_result (&result), &error);
      g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
      g_assert_cmpuint (att_api_error_get_http_status (error), ==, 422);
      paths = att_test_field_error_paths (att_api_error_get_field_errors (error));
      g_assert_cmpstr (paths, ==, cases[i].paths);
    }
}

static void
test_patch_unknown (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr(AttClosientAssignment) before = first_assignment (fixture, LONG_GTIN);
  g_autoptr(AttClosientPatch) patch = att_closient_patch_new (before);
  g_autoptr(AttClosientAssignment) answer = NULL;
  g_autoptr(GError) error = NULL;

  edit_scope (patch);
  /* A well-formed id of no certification. */
  answer = update (fixture->client, LONG_GTIN, "2222222222222222222222", patch, &error);
  g_assert_null (answer);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An id that is not one is not sent. */
  answer = update (fixture->client, LONG_GTIN, "not-an-id", patch, &error);
  g_assert_null (answer);
  g_assert_true (error->domain == ATT_SHORTUUID_ERROR);
}

/* --- DELETE ------------------------------------------------------------ */

static void
test_delete (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr(AttClosientAssignment) doomed = first_assignment (fixture, LONG_GTIN);
  g_autoptr(AttClosientAssignment) gone = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = att_shortuuid_to_uuid (att_closient_assignment_get_id (doomed), NULL);

  g_assert_true (remove_assignment (fixture->client, LONG_GTIN, att_closient_assignment_get_id (doomed), &error));
  g_assert_no_error (error);
  after = list_ok (fixture, LONG_GTIN, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, LONG_LENGTH - 1);
  gone = reread (fixture, LONG_GTIN, att_closient_assignment_get_id (doomed));
  g_assert_null (gone);

  /* Again, by the UUID it encodes: 404, in DELETE's flat shape. */
  g_assert_false (remove_assignment (fixture->client, LONG_GTIN, uuid, &error));
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND);
  g_assert_cmpstr (att_api_error_get_server_code (error), ==, "NOT_FOUND");
}

/* --- Errors ------------------------------------------------------------ */

/* The same failures in either shape give the same errors. */
static void
test_error_shapes (Fixture      *fixture,
                   gconstpointer user_data)
{
  static const char *const shapes[] = { "{\"errorShape\": \"A\"}", "{\"errorShape\": \"B\"}" };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(GError) not_found = NULL;
      g_autoptr(GError) unauthorized = NULL;
      g_autoptr(GError) gone = NULL;
      g_autoptr(GListModel) none = NULL;
      g_autoptr(GListModel) refused = NULL;
      g_autoptr(AttClosientClient) stranger = NULL;

      configure (fixture, shapes[i]);
      none = list_bare (fixture->client, UNKNOWN_GTIN, NULL, &not_found);
      g_assert_error (not_found, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND);
      g_assert_cmpstr (att_api_error_get_server_code (not_found), ==, "NOT_FOUND");
      /* The server's message is part of it. */
      g_assert_nonnull (strchr (not_found->message, ':'));

      stranger = client_with_key (fixture, "csb_AbCdEfGhIjKlMnOpQrStUvWxYz012345_45ffccd2");
      refused = list_bare (stranger, LONG_GTIN, NULL, &unauthorized);
      g_assert_error (unauthorized, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED);
      g_assert_cmpstr (att_api_error_get_server_code (unauthorized), ==, "UNAUTHORIZED");

      g_assert_false (remove_assignment (fixture->client, LONG_GTIN, "2222222222222222222222", &gone));
      g_assert_error (gone, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND);
    }
}

/* A publishable key may read but not write; a read-only user key is told
 * to ask an owner. */
static void
test_forbidden (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(AttClosientClient) publishable = client_with_key (fixture, sandbox_key (fixture, ATT_CLOSIENT_KEY_PUBLISHABLE));
  g_autoptr(AttClosientClient) user = client_with_key (fixture, sandbox_key (fixture, ATT_CLOSIENT_KEY_USER));
  g_autoptr(AttClosientAssignment) before = first_assignment (fixture, LONG_GTIN);
  g_autoptr(AttClosientPatch) patch = att_closient_patch_new (before);
  g_autoptr(GListModel) readable = NULL;
  g_autoptr(AttClosientAssignment) answer = NULL;
  g_autoptr(GError) error = NULL;

  edit_certification_value (patch);
  readable = list_bare (publishable, LONG_GTIN, NULL, &error);
  g_assert_no_error (error);
  answer = update (publishable, LONG_GTIN, att_closient_assignment_get_id (before), patch, &error);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_FORBIDDEN);
  g_assert_false (att_api_error_get_owner_action_required (error));
  g_clear_error (&error);

  configure (fixture, "{\"readOnlyKeys\": true}");
  g_assert_false (remove_assignment (user, LONG_GTIN, att_closient_assignment_get_id (before), &error));
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_FORBIDDEN);
  g_assert_true (att_api_error_get_owner_action_required (error));
  g_clear_error (&error);
  answer = update (user, LONG_GTIN, att_closient_assignment_get_id (before), patch, &error);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_FORBIDDEN);
  g_assert_true (att_api_error_get_owner_action_required (error));
}

/* --- The key never shows ----------------------------------------------- */

static GString *captured_log;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; captured_log != NULL && i < n_fields; i++)
    {
      if (fields[i].length < 0)
        g_string_append (captured_log, fields[i].value);
      else
        g_string_append_len (captured_log, fields[i].value, fields[i].length);
      g_string_append_c (captured_log, '\n');
    }
  if ((log_level & G_LOG_LEVEL_DEBUG) != 0)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Every call and failure with debug logging on: neither the key nor a
 * wrong key shows in the log or in an error message. */
static void
test_key_not_logged (Fixture      *fixture,
                     gconstpointer user_data)
{
  const char *key = sandbox_key (fixture, ATT_CLOSIENT_KEY_BUSINESS);
  const char *wrong = "csu_ZyXwVuTsRqPoNmLkJiHgFeDcBa987654_00000000";
  g_autoptr(AttClosientClient) stranger = client_with_key (fixture, wrong);
  g_autoptr(AttClosientAssignment) before = first_assignment (fixture, LONG_GTIN);
  g_autoptr(AttClosientPatch) patch = att_closient_patch_new (before);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) refused = NULL;
  g_autoptr(AttClosientAssignment) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) wrong_error = NULL;
  g_autofree char *log = NULL;

  g_log_set_debug_enabled (TRUE);
  captured_log = g_string_new (NULL);

  edit_metadata (patch);
  list = list_bare (fixture->client, LONG_GTIN, NULL, NULL);
  answer = update (fixture->client, LONG_GTIN, att_closient_assignment_get_id (before), patch, NULL);
  g_assert_nonnull (answer);
  g_assert_false (remove_assignment (fixture->client, UNKNOWN_GTIN, "2222222222222222222222", &error));
  refused = list_bare (stranger, LONG_GTIN, NULL, &wrong_error);
  g_assert_error (wrong_error, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED);

  log = g_string_free (g_steal_pointer (&captured_log), FALSE);
  g_log_set_debug_enabled (FALSE);
  /* The log did see the calls... */
  g_assert_nonnull (strstr (log, "/certifications/api/v1/products/" LONG_GTIN "/certifications"));
  /* ...and none of the keys. */
  g_assert_null (strstr (log, key));
  g_assert_null (strstr (log, wrong));
  g_assert_null (strstr (error->message, key));
  g_assert_null (strstr (wrong_error->message, wrong));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

#define ADD(path, func) \
  g_test_add ("/closient-client/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("demo-key", test_demo_key);
  ADD ("list", test_list);
  ADD ("filters", test_filters);
  ADD ("sort", test_sort);
  ADD ("pagination", test_pagination);
  ADD ("catalogue", test_catalogue);
  ADD ("product", test_product);
  ADD ("bad-gtins-not-sent", test_bad_gtins_not_sent);
  ADD ("patch/each-field", test_patch_each_field);
  ADD ("patch/refused", test_patch_refused);
  ADD ("patch/server-422", test_patch_server_422);
  ADD ("patch/unknown", test_patch_unknown);
  ADD ("delete", test_delete);
  ADD ("error-shapes", test_error_shapes);
  ADD ("forbidden", test_forbidden);
  ADD ("key-not-logged", test_key_not_logged);

#undef ADD

  return g_test_run ();
}
