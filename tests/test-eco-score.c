/* test-eco-score.c: the eco-score's figures, status, indicators and
 * eligibility, and a product's life-cycle carbon
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-eco-eligibility.h"
#include "att-eco-impact.h"
#include "att-eco-score.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-impacts.h"
#include "att-life-cycle.h"
#include "att-page.h"
#include "att-product.h"
#include "att-sandbox.h"
#include "att-test-utils.h"

/* Higg's own example of a computed score (the French eco-scores page of
 * its API reference, quoted in api-higg.md §7.1), with an invented
 * contribution map. */
static const char higg_example[] =
  "{\"status\": \"Complete\", \"score\": 8175,"
  " \"createdAt\": 1718000000000, \"updatedAt\": 1718000500000,"
  " \"apiVersion\": \"6.1.0\", \"apiResponseError\": null,"
  " \"impacts\": {\"acd\": 0.431822, \"cch\": 68.2559, \"etf\": 268.461,"
  "  \"fru\": 770.965, \"fwe\": 0.00765121, \"htc\": 5.99377e-8, \"htn\": 2.31041e-7,"
  "  \"ior\": 32.4764, \"ldu\": 258.354, \"mru\": 0.000055508, \"ozd\": 6.23619e-7,"
  "  \"pco\": 0.241269, \"pma\": 0.00000327648, \"swe\": 0.124849, \"tre\": 1.16466,"
  "  \"wtu\": 11.6014, \"ecs\": 8175.06, \"pef\": 5475.1, \"etfC\": 1295.93,"
  "  \"htcC\": 2.07951e-8, \"htnC\": 3.00744e-8},"
  " \"impactsPercentageContribution\": {\"cch\": 23.3, \"etfC\": 34.1, \"ecs\": 100}}";

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static AttEcoScore *
parse_score (const char *text)
{
  g_autoptr(JsonObject) object = parse_object (text);
  g_autoptr(GError) error = NULL;
  AttEcoScore *score = att_eco_score_new_from_json (object, "frenchLabelEcoScore", &error);

  g_assert_no_error (error);
  g_assert_nonnull (score);
  return score;
}

static AttEcoImpact *
find_impact (AttEcoScore *score,
             const char  *key)
{
  GListModel *impacts = att_eco_score_get_impacts (score);

  for (guint i = 0; i < g_list_model_get_n_items (impacts); i++)
    {
      g_autoptr(AttEcoImpact) impact = g_list_model_get_item (impacts, i);

      if (g_str_equal (att_eco_impact_get_key (impact), key))
        return impact;
    }
  return NULL;
}

static void
test_every_field (void)
{
  g_autoptr(AttEcoScore) score = parse_score (higg_example);
  GListModel   *impacts = att_eco_score_get_impacts (score);
  AttEcoImpact *cch;
  AttEcoImpact *acd;
  guint         n_known;

  g_assert_cmpstr (att_eco_score_get_status (score), ==, "Complete");
  g_assert_cmpint (att_eco_score_get_status_kind (score), ==, ATT_ECO_SCORE_STATUS_COMPLETE);
  g_assert_cmpfloat (att_eco_score_get_score (score), ==, 8175);
  g_assert_cmpfloat (att_eco_score_get_ecs (score), ==, 8175.06);
  g_assert_cmpfloat (att_eco_score_get_pef (score), ==, 5475.1);
  g_assert_cmpint (att_eco_score_get_created_at (score), ==, 1718000000000);
  g_assert_cmpint (att_eco_score_get_updated_at (score), ==, 1718000500000);
  g_assert_cmpstr (att_eco_score_get_api_version (score), ==, "6.1.0");
  g_assert_null (att_eco_score_get_api_response_error (score));

  /* All 21 indicators, in the table's order, each with its figure. */
  att_impacts_get_all (&n_known);
  g_assert_cmpuint (g_list_model_get_n_items (impacts), ==, n_known);
  for (guint i = 0; i < n_known; i++)
    {
      g_autoptr(AttEcoImpact) impact = g_list_model_get_item (impacts, i);
      const AttImpactInfo *info = &att_impacts_get_all (NULL)[i];

      g_assert_cmpstr (att_eco_impact_get_key (impact), ==, info->key);
      g_assert_cmpstr (att_eco_impact_get_label (impact), ==, info->label);
      g_assert_cmpstr (att_eco_impact_get_unit (impact), ==, info->unit);
      g_assert_true (att_eco_impact_get_value_known (impact));
      g_assert_cmpfloat (att_eco_impact_get_value (impact), ==, att_eco_score_get_impact (score, info->key));
      g_assert_cmpint (att_eco_impact_get_aggregate (impact), ==, info->aggregate);
    }

  cch = find_impact (score, "cch");
  g_assert_cmpfloat (att_eco_impact_get_value (cch), ==, 68.2559);
  g_assert_cmpfloat (att_eco_impact_get_share (cch), ==, 23.3);
  /* A share the server left out is missing, not zero. */
  acd = find_impact (score, "acd");
  g_assert_false (att_eco_impact_get_share_known (acd));
  g_assert_true (isnan (att_eco_impact_get_share (acd)));
}

/* api-higg.md §7.1: Σ PEF weight × impact / normalisation × 10⁶ over the 16
 * PEF indicators gives 5475.09 for the reported 5475.1. */
static void
test_check_pef (void)
{
  g_autoptr(AttEcoScore) score = parse_score (higg_example);
  double recomputed = att_eco_score_check_pef (score);

  g_assert_cmpfloat_with_epsilon (recomputed, 5475.09, 0.01);
  g_assert_cmpfloat_with_epsilon (recomputed, att_eco_score_get_pef (score), 0.05);
}

/* A missing PEF indicator makes the check impossible, not wrong. */
static void
test_check_pef_missing (void)
{
  g_autoptr(AttEcoScore) score = parse_score ("{\"impacts\": {\"cch\": 68.2559, \"pef\": 5475.1}}");

  g_assert_true (isnan (att_eco_score_check_pef (score)));
}

static void
test_unknown_code_kept (void)
{
  g_autoptr(AttEcoScore) score = parse_score ("{\"status\": \"Complete\", \"score\": 12,"
                                               " \"impacts\": {\"cch\": 2.5, \"bvi\": 7.25},"
                                               " \"impactsPercentageContribution\": {\"bvi\": 4.5, \"zzz\": 1}}");
  GListModel   *impacts = att_eco_score_get_impacts (score);
  guint         n_known;
  AttEcoImpact *bvi;
  AttEcoImpact *zzz;

  att_impacts_get_all (&n_known);
  g_assert_cmpuint (g_list_model_get_n_items (impacts), ==, n_known + 2);

  bvi = find_impact (score, "bvi");
  g_assert_nonnull (bvi);
  g_assert_null (att_eco_impact_get_label (bvi));
  g_assert_null (att_eco_impact_get_unit (bvi));
  g_assert_cmpfloat (att_eco_impact_get_value (bvi), ==, 7.25);
  g_assert_cmpfloat (att_eco_impact_get_share (bvi), ==, 4.5);
  g_assert_false (att_eco_impact_get_aggregate (bvi));

  /* A key only in the contributions is kept too. */
  zzz = find_impact (score, "zzz");
  g_assert_nonnull (zzz);
  g_assert_false (att_eco_impact_get_value_known (zzz));
  g_assert_cmpfloat (att_eco_impact_get_share (zzz), ==, 1);
}

static void
test_missing_values (void)
{
  g_autoptr(AttEcoScore) score = parse_score ("{\"status\": \"Complete\", \"score\": 12,"
                                               " \"impacts\": {\"cch\": -3, \"acd\": null, \"fru\": 0},"
                                               " \"impactsPercentageContribution\": {\"cch\": -1}}");
  g_autoptr(AttEcoImpact) nan_impact = att_eco_impact_new ("cch", NAN, INFINITY);

  /* Negative, null and absent values are missing; zero is a value. */
  g_assert_false (att_eco_impact_get_value_known (find_impact (score, "cch")));
  g_assert_false (att_eco_impact_get_share_known (find_impact (score, "cch")));
  g_assert_false (att_eco_impact_get_value_known (find_impact (score, "acd")));
  g_assert_false (att_eco_impact_get_value_known (find_impact (score, "wtu")));
  g_assert_true (att_eco_impact_get_value_known (find_impact (score, "fru")));
  g_assert_cmpfloat (att_eco_impact_get_value (find_impact (score, "fru")), ==, 0);

  g_assert_false (att_eco_impact_get_value_known (nan_impact));
  g_assert_false (att_eco_impact_get_share_known (nan_impact));
}

static void
test_status_kinds (void)
{
  g_autoptr(AttEcoScore) pending = parse_score ("{\"status\": \"Pending\"}");
  g_autoptr(AttEcoScore) error = parse_score ("{\"status\": \"Complete\", \"apiResponseError\": \"Unknown material\"}");
  g_autoptr(AttEcoScore) failed = parse_score ("{\"status\": \"Failed\"}");
  g_autoptr(AttEcoScore) none = parse_score ("{}");
  g_autoptr(AttEcoScore) other = parse_score ("{\"status\": \"Queued\"}");

  g_assert_cmpint (att_eco_score_get_status_kind (pending), ==, ATT_ECO_SCORE_STATUS_PENDING);
  g_assert_cmpint (att_eco_score_get_status_kind (error), ==, ATT_ECO_SCORE_STATUS_ERROR);
  g_assert_cmpstr (att_eco_score_get_api_response_error (error), ==, "Unknown material");
  g_assert_cmpint (att_eco_score_get_status_kind (failed), ==, ATT_ECO_SCORE_STATUS_ERROR);
  g_assert_cmpint (att_eco_score_get_status_kind (none), ==, ATT_ECO_SCORE_STATUS_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (att_eco_score_get_impacts (none)), ==, 0);
  /* An unknown status is kept as the server spelled it. */
  g_assert_cmpint (att_eco_score_get_status_kind (other), ==, ATT_ECO_SCORE_STATUS_UNKNOWN);
  g_assert_cmpstr (att_eco_score_get_status (other), ==, "Queued");
}

static void
test_eligibility (void)
{
  g_autoptr(JsonObject) product = parse_object (
    "{\"frenchLabelEligibility\": {\"eligible\": false, \"reasons\": ["
    "  {\"category\": \"Weight\", \"message\": \"The product weight is missing\"},"
    "  {\"category\": \"Location\"}, 42,"
    "  {\"message\": \"Materials must add up to 100 %\"}]}}");
  g_autoptr(JsonObject) eligible_product = parse_object ("{\"frenchLabelEligibility\": {\"eligible\": true, \"reasons\": []}}");
  g_autoptr(JsonObject) bare = parse_object ("{}");
  g_autoptr(AttEcoEligibility) eligibility = att_eco_eligibility_new_from_product_json (product);
  g_autoptr(AttEcoEligibility) eligible = att_eco_eligibility_new_from_product_json (eligible_product);
  g_autoptr(AttEcoEligibility) unknown = att_eco_eligibility_new_from_product_json (bare);

  g_assert_true (att_eco_eligibility_get_known (eligibility));
  g_assert_false (att_eco_eligibility_get_eligible (eligibility));
  g_assert_cmpuint (att_eco_eligibility_get_n_reasons (eligibility), ==, 3);
  g_assert_cmpstr (att_eco_eligibility_get_reason_category (eligibility, 0), ==, "Weight");
  g_assert_cmpstr (att_eco_eligibility_get_reason_message (eligibility, 0), ==, "The product weight is missing");
  g_assert_cmpstr (att_eco_eligibility_get_reason_category (eligibility, 1), ==, "Location");
  g_assert_null (att_eco_eligibility_get_reason_message (eligibility, 1));
  g_assert_null (att_eco_eligibility_get_reason_category (eligibility, 2));
  g_assert_cmpstr (att_eco_eligibility_get_reason_message (eligibility, 2), ==, "Materials must add up to 100 %");

  g_assert_true (att_eco_eligibility_get_eligible (eligible));
  g_assert_cmpuint (att_eco_eligibility_get_n_reasons (eligible), ==, 0);
  g_assert_false (att_eco_eligibility_get_known (unknown));
  g_assert_false (att_eco_eligibility_get_eligible (unknown));
}

static void
test_life_cycle_flat (void)
{
  g_autoptr(JsonObject) product = parse_object (
    "{\"materialImpact\": 2.5, \"tier1Impact\": 1.25, \"packagingImpact\": 0.5,"
    " \"componentImpact\": 0, \"logisticsImpactsUpstreamTD\": 0.25,"
    " \"logisticsImpactsDTImpact\": 0.125, \"logisticsImpactsDCImpact\": -1,"
    " \"logisticsImpactsRetailImpact\": \"x\", \"productCareImpacts\": 3,"
    " \"endOfUseImpact\": null}");
  g_autoptr(AttLifeCycle) cycle = att_life_cycle_new_from_product_json (product);

  g_assert_cmpfloat (att_life_cycle_get_value (cycle, ATT_LIFE_CYCLE_MATERIALS), ==, 2.5);
  g_assert_cmpfloat (att_life_cycle_get_value (cycle, ATT_LIFE_CYCLE_TIER1), ==, 1.25);
  g_assert_cmpfloat (att_life_cycle_get_value (cycle, ATT_LIFE_CYCLE_PACKAGING), ==, 0.5);
  g_assert_cmpfloat (att_life_cycle_get_value (cycle, ATT_LIFE_CYCLE_COMPONENTS), ==, 0);
  g_assert_cmpfloat (att_life_cycle_get_value (cycle, ATT_LIFE_CYCLE_LOGISTICS_UPSTREAM), ==, 0.25);
  g_assert_cmpfloat (att_life_cycle_get_value (cycle, ATT_LIFE_CYCLE_LOGISTICS_TRANSPORT), ==, 0.125);
  g_assert_true (isnan (att_life_cycle_get_value (cycle, ATT_LIFE_CYCLE_LOGISTICS_DISTRIBUTION)));
  g_assert_true (isnan (att_life_cycle_get_value (cycle, ATT_LIFE_CYCLE_LOGISTICS_RETAIL)));
  g_assert_cmpfloat (att_life_cycle_get_value (cycle, ATT_LIFE_CYCLE_PRODUCT_CARE), ==, 3);
  g_assert_true (isnan (att_life_cycle_get_value (cycle, ATT_LIFE_CYCLE_END_OF_USE)));
  g_assert_cmpuint (att_life_cycle_get_n_known (cycle), ==, 7);
  g_assert_cmpfloat (att_life_cycle_get_total (cycle), ==, 7.625);
}

/* The documented nested form of the logistics stages. */
static void
test_life_cycle_nested (void)
{
  g_autoptr(JsonObject) product = parse_object (
    "{\"logisticsImpacts\": {\"UpstreamTD\": 1, \"DTImpact\": 2, \"DCImpact\": 3, \"RetailImpact\": 4}}");
  g_autoptr(JsonObject) bare = parse_object ("{}");
  g_autoptr(AttLifeCycle) cycle = att_life_cycle_new_from_product_json (product);
  g_autoptr(AttLifeCycle) empty = att_life_cycle_new_from_product_json (bare);

  g_assert_cmpfloat (att_life_cycle_get_value (cycle, ATT_LIFE_CYCLE_LOGISTICS_UPSTREAM), ==, 1);
  g_assert_cmpfloat (att_life_cycle_get_value (cycle, ATT_LIFE_CYCLE_LOGISTICS_TRANSPORT), ==, 2);
  g_assert_cmpfloat (att_life_cycle_get_value (cycle, ATT_LIFE_CYCLE_LOGISTICS_DISTRIBUTION), ==, 3);
  g_assert_cmpfloat (att_life_cycle_get_value (cycle, ATT_LIFE_CYCLE_LOGISTICS_RETAIL), ==, 4);
  g_assert_true (isnan (att_life_cycle_get_value (cycle, ATT_LIFE_CYCLE_MATERIALS)));
  g_assert_cmpfloat (att_life_cycle_get_total (cycle), ==, 10);
  g_assert_cmpuint (att_life_cycle_get_n_known (empty), ==, 0);
  g_assert_true (isnan (att_life_cycle_get_total (empty)));
  g_assert_cmpstr (att_life_cycle_stage_get_key (ATT_LIFE_CYCLE_END_OF_USE), ==, "endOfUseImpact");
  g_assert_nonnull (att_life_cycle_stage_get_label (ATT_LIFE_CYCLE_MATERIALS));
}

/* The sandbox's scores over HTTP: pef recomputed from the indicators it
 * sends agrees with the pef it sends, and the stages are all there. */
static void
test_sandbox_scores (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttSandbox) sandbox = att_test_sandbox_new (NULL, &error);
  g_autoptr(AttHttp) http = NULL;
  g_autoptr(AttHiggClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AttPage) page = NULL;
  GListModel *items;
  guint       n_checked = 0;

  g_assert_no_error (error);
  att_sandbox_add_generated_products (sandbox, 30, 11, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (sandbox, &http, &client, NULL);

  att_higg_client_search_products_async (client, NULL, NULL, 0, 30, NULL, att_test_store_result, &result);
  page = att_higg_client_search_products_finish (client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  items = att_page_get_items (page);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (items, i);
      g_autoptr(AttLifeCycle) cycle = att_life_cycle_new_from_product_json (att_product_get_json (product));
      AttEcoScore *score = att_product_get_eco_score (product);

      if (score == NULL || att_eco_score_get_status_kind (score) != ATT_ECO_SCORE_STATUS_COMPLETE)
        continue;
      g_assert_cmpfloat_with_epsilon (att_eco_score_check_pef (score), att_eco_score_get_pef (score),
                                      0.01 + att_eco_score_get_pef (score) * 1e-6);
      g_assert_cmpuint (att_life_cycle_get_n_known (cycle), ==, ATT_LIFE_CYCLE_N_STAGES);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 0);

  g_clear_object (&page);
  att_test_sandbox_disconnect (&sandbox, &http, &client);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eco-score/every-field", test_every_field);
  g_test_add_func ("/eco-score/check-pef", test_check_pef);
  g_test_add_func ("/eco-score/check-pef-missing", test_check_pef_missing);
  g_test_add_func ("/eco-score/unknown-code-kept", test_unknown_code_kept);
  g_test_add_func ("/eco-score/missing-values", test_missing_values);
  g_test_add_func ("/eco-score/status-kinds", test_status_kinds);
  g_test_add_func ("/eco-score/eligibility", test_eligibility);
  g_test_add_func ("/eco-score/life-cycle-flat", test_life_cycle_flat);
  g_test_add_func ("/eco-score/life-cycle-nested", test_life_cycle_nested);
  g_test_add_func ("/eco-score/sandbox-scores", test_sandbox_scores);

  return g_test_run ();
}
