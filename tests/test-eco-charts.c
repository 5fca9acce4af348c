/* test-eco-charts.c: the eco-score page, its charts, table and label,
 * against a sandbox under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "att-carbon-chart.h"
#include "att-context.h"
#include "att-eco-impact.h"
#include "att-eco-label-view.h"
#include "att-eco-score-page.h"
#include "att-eco-score.h"
#include "att-format.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-impact-chart.h"
#include "att-impact-table.h"
#include "att-life-cycle.h"
#include "att-page.h"
#include "att-product-details.h"
#include "att-product.h"
#include "att-sandbox.h"
#include "att-test-utils.h"
#include "att-test-widgets.h"

typedef struct
{
  AttSandbox    *sandbox;
  AttHttp       *http;
  AttHiggClient *client;
  AttContext    *context;
  GtkWindow     *window;
  AttProduct    *product; /* one with a Complete score */
} Fixture;

static AttProduct *
first_complete (AttPage *page)
{
  GListModel *items = att_page_get_items (page);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (items, i);
      AttEcoScore *score = att_product_get_eco_score (product);

      if (score != NULL && att_eco_score_get_status_kind (score) == ATT_ECO_SCORE_STATUS_COMPLETE)
        return g_steal_pointer (&product);
    }
  return NULL;
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AttPage) page = NULL;

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_add_generated_products (f->sandbox, 20, 5, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (f->sandbox, &f->http, &f->client, &f->context);

  att_higg_client_search_products_async (f->client, NULL, NULL, 0, 20, NULL, att_test_store_result, &result);
  page = att_higg_client_search_products_finish (f->client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  f->product = first_complete (page);
  g_assert_nonnull (f->product);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 900);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->product);
  g_clear_object (&f->context);
  att_test_sandbox_disconnect (&f->sandbox, &f->http, &f->client);
}

static gboolean
has_size (GtkWidget    *widget,
          gconstpointer data)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

static void
show (Fixture   *f,
      GtkWidget *child)
{
  gtk_window_set_child (f->window, child);
  gtk_window_present (f->window);
  att_test_wait_until (ATT_TEST_PREDICATE (has_size), child, NULL, "the widget on screen");
}

/* Renders @widget alone (no window background) and counts the pixels it
 * painted. */
static guint
painted_pixels (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  guint              painted = 0;

  if (width == 0 || height == 0)
    return 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return 0;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4);
  gdk_texture_download (texture, pixels, (gsize) gdk_texture_get_width (texture) * 4);
  for (gsize i = 0; i < (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture); i++)
    painted += pixels[i * 4 + 3] != 0;
  return painted;
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return strstr (haystack, needle) != NULL;
}

/* The chart paints the sandbox's figures, and its text alternative names
 * every indicator with its share as the table formats it. */
static void
test_impact_chart (Fixture      *f,
                   gconstpointer data)
{
  AttEcoScore    *score = att_product_get_eco_score (f->product);
  GListModel     *impacts = att_eco_score_get_impacts (score);
  AttImpactChart *chart = ATT_IMPACT_CHART (att_impact_chart_new ());
  guint           n_shares = 0;
  guint           with_data;

  show (f, GTK_WIDGET (chart));
  g_assert_cmpuint (painted_pixels (GTK_WIDGET (chart)), ==, 0);

  att_impact_chart_set_score (chart, score);
  att_test_run_for (100);
  with_data = painted_pixels (GTK_WIDGET (chart));
  g_assert_cmpuint (with_data, >, 2000);

  for (guint i = 0; i < g_list_model_get_n_items (impacts); i++)
    {
      g_autoptr(AttEcoImpact) impact = g_list_model_get_item (impacts, i);
      g_autofree char *label = att_impact_table_format_label (impact);
      g_autofree char *share = att_impact_table_format_share (impact);
      g_autofree char *entry = g_strdup_printf ("%s: %s", label, share);

      if (att_eco_impact_get_aggregate (impact))
        {
          g_assert_false (contains (att_impact_chart_get_text_alternative (chart), entry));
          continue;
        }
      g_assert_true (contains (att_impact_chart_get_text_alternative (chart), entry));
      n_shares += att_eco_impact_get_share (impact) > 0;
    }
  g_assert_cmpuint (att_impact_chart_get_n_drawn (chart), ==, n_shares);
  g_assert_cmpuint (n_shares, >, 10);
}

/* Missing shares are listed, not drawn: a score with one share draws one
 * bar and says "missing" for the rest. */
static void
test_impact_chart_missing (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"impacts\": {\"cch\": 5, \"acd\": 1},"
                                                " \"impactsPercentageContribution\": {\"cch\": 60, \"acd\": -2}}",
                                                NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttEcoScore) score = att_eco_score_new_from_json (json_node_get_object (node), NULL, &error);
  AttImpactChart  *chart = ATT_IMPACT_CHART (att_impact_chart_new ());
  g_autofree char *cch = att_format_percent (60);
  g_autofree char *cch_entry = g_strdup_printf ("Climate change: %s", cch);
  g_autofree char *acd = NULL;

  g_assert_no_error (error);
  att_impact_chart_set_score (chart, score);
  show (f, GTK_WIDGET (chart));
  g_assert_cmpuint (att_impact_chart_get_n_drawn (chart), ==, 1);
  g_assert_true (contains (att_impact_chart_get_text_alternative (chart), cch_entry));
  acd = g_strdup_printf ("Acidification: %s", "missing");
  g_assert_true (contains (att_impact_chart_get_text_alternative (chart), acd));
  g_assert_cmpuint (painted_pixels (GTK_WIDGET (chart)), >, 500);
}

static void
test_carbon_chart (Fixture      *f,
                   gconstpointer data)
{
  JsonObject *json = att_product_get_json (f->product);
  g_autoptr(AttLifeCycle) cycle = att_life_cycle_new_from_product_json (json);
  AttCarbonChart *chart = ATT_CARBON_CHART (att_carbon_chart_new ());
  guint           positive = 0;

  att_carbon_chart_set_life_cycle (chart, cycle);
  show (f, GTK_WIDGET (chart));
  g_assert_cmpuint (painted_pixels (GTK_WIDGET (chart)), >, 2000);

  /* Every stage the server sent, read straight from its JSON, is in the
   * text alternative with its value. */
  for (AttLifeCycleStage stage = 0; stage < ATT_LIFE_CYCLE_N_STAGES; stage++)
    {
      double           value = json_object_get_double_member (json, att_life_cycle_stage_get_key (stage));
      g_autofree char *number = att_format_number (value, 3);
      g_autofree char *entry = g_strdup_printf ("%s: %s kg CO₂e", att_life_cycle_stage_get_label (stage), number);

      g_assert_true (contains (att_carbon_chart_get_text_alternative (chart), entry));
      positive += value > 0;
    }
  g_assert_cmpuint (att_carbon_chart_get_n_drawn (chart), ==, positive);
  g_assert_cmpuint (positive, >, 3);
}

static gboolean
shows_text (GtkWidget    *widget,
            gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static gboolean
text_on_screen (GtkWidget    *root,
                gconstpointer text)
{
  return att_test_find_widget (root, shows_text, text) != NULL;
}

/* An indicator this code does not know is a row with its code and value;
 * the share column sorts with missing shares last. */
static void
test_table_unknown_code (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"impacts\": {\"cch\": 5, \"bvi\": 7.25},"
                                                " \"impactsPercentageContribution\": {\"cch\": 60, \"bvi\": 12}}",
                                                NULL);
  g_autoptr(AttEcoScore) score = att_eco_score_new_from_json (json_node_get_object (node), NULL, NULL);
  AttImpactTable *table = ATT_IMPACT_TABLE (att_impact_table_new ());
  GtkColumnView  *view = att_impact_table_get_column_view (table);
  GListModel     *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) share_column = g_list_model_get_item (columns, 3);
  g_autoptr(AttEcoImpact) first = NULL;
  g_autoptr(AttEcoImpact) second = NULL;
  g_autoptr(AttEcoImpact) last = NULL;
  GListModel *rows;

  att_impact_table_set_score (table, score);
  show (f, GTK_WIDGET (table));
  att_test_wait_until (ATT_TEST_PREDICATE (text_on_screen), table, "bvi", "the unknown code in the table");
  g_assert_true (text_on_screen (GTK_WIDGET (table), "7.25"));

  gtk_column_view_sort_by_column (view, share_column, GTK_SORT_DESCENDING);
  rows = att_impact_table_get_model (table);
  first = g_list_model_get_item (rows, 0);
  second = g_list_model_get_item (rows, 1);
  last = g_list_model_get_item (rows, g_list_model_get_n_items (rows) - 1);
  g_assert_cmpstr (att_eco_impact_get_key (first), ==, "cch");
  g_assert_cmpstr (att_eco_impact_get_key (second), ==, "bvi");
  g_assert_false (att_eco_impact_get_share_known (last));
}

static const char scored_product[] =
  "{\"name\": \"Eco Charts Pending Tee\","
  " \"weight\": 200, \"weightMeasureUnit\": \"grams\", \"weightIsPrimaryData\": true,"
  " \"categoryExpansionId\": \"ApparelAccessories-TopsBlouses-TShirts\", \"size\": \"Adult\","
  " \"materials\": [{\"materialId\": \"MatTX0053\", \"netUse\": 80, \"composition\": 100}],"
  " \"frenchLabelCountry\": {\"code\": \"FR\", \"name\": \"France\"},"
  " \"frenchLabelDyeingCountry\": {\"code\": \"CN\", \"name\": \"China\"},"
  " \"frenchLabelFabricCountry\": {\"code\": \"IN\", \"name\": \"India\"}}";

static void
count_label_cb (AttEcoScorePage *page,
                AttProduct      *product,
                guint           *count)
{
  g_assert_true (product == att_eco_score_page_get_product (page));
  (*count)++;
}

static gboolean
page_complete (AttEcoScorePage *page,
               gconstpointer    data)
{
  AttProduct  *product = att_eco_score_page_get_product (page);
  AttEcoScore *score = att_product_get_eco_score (product);

  return score != NULL && att_eco_score_get_status_kind (score) == ATT_ECO_SCORE_STATUS_COMPLETE;
}

static gboolean
label_shown (AttEcoScorePage *page,
             gconstpointer    data)
{
  GtkWidget *view = att_test_find_of_type (GTK_WIDGET (page), ATT_TYPE_ECO_LABEL_VIEW);

  return att_eco_label_view_get_texture (ATT_ECO_LABEL_VIEW (view)) != NULL;
}

static gboolean
page_pending (AttEcoScorePage *page,
              gconstpointer    data)
{
  AttEcoScore *score = att_product_get_eco_score (att_eco_score_page_get_product (page));

  return score != NULL && att_eco_score_get_status_kind (score) == ATT_ECO_SCORE_STATUS_PENDING;
}

#define RECALCULATE_PATH "/pic-api/v1/products/recalculate"
#define LABEL_PATH       "/pic-api/v1/french-label/image"

/* Recalculate asks the server, shows the score Pending, then computed
 * again with its label fetched anew, without the user doing more. */
static void
test_recalculate (Fixture      *f,
                  gconstpointer data)
{
  AttEcoScorePage *page = ATT_ECO_SCORE_PAGE (att_eco_score_page_new (f->context));
  guint            labels = att_sandbox_get_request_count (f->sandbox, LABEL_PATH);

  att_eco_score_page_set_refresh_interval (page, 100);
  att_eco_score_page_set_product (page, f->product);
  show (f, GTK_WIDGET (page));
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), page, NULL, "the official label");
  g_assert_cmpuint (att_sandbox_get_request_count (f->sandbox, LABEL_PATH), ==, labels + 1);

  att_sandbox_set_score_delay (f->sandbox, 600);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "eco-score.recalculate", NULL));
  g_assert_cmpstr (att_eco_score_page_get_status_text (page), ==, "Asking the server to recalculate…");
  att_test_wait_until (ATT_TEST_PREDICATE (page_pending), page, NULL, "the score Pending again");
  g_assert_cmpuint (att_sandbox_get_request_count (f->sandbox, RECALCULATE_PATH), ==, 1);
  g_assert_cmpstr (att_eco_score_page_get_status_text (page), ==, "Calculating…");
  att_test_wait_until (ATT_TEST_PREDICATE (page_complete), page, NULL, "the score computed again");
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), page, NULL, "the new label");
  g_assert_cmpuint (att_sandbox_get_request_count (f->sandbox, LABEL_PATH), ==, labels + 2);
}

/* A product just created is Pending for the sandbox's score delay; the page
 * shows "Calculating…" and turns Complete by itself, charts and all. */
static void
test_pending_turns_complete (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr(JsonNode) body = json_from_string (scored_product, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttProduct) created = NULL;
  AttEcoScorePage *page;
  GtkWidget       *chart;
  guint            labels_needed = 0;

  att_sandbox_set_score_delay (f->sandbox, 1500);
  created = att_test_create_product (f->client, json_node_get_object (body), &error);
  g_assert_no_error (error);
  g_assert_cmpint (att_eco_score_get_status_kind (att_product_get_eco_score (created)), ==,
                   ATT_ECO_SCORE_STATUS_PENDING);

  page = ATT_ECO_SCORE_PAGE (att_eco_score_page_new (f->context));
  g_signal_connect (page, "label-needed", G_CALLBACK (count_label_cb), &labels_needed);
  att_eco_score_page_set_refresh_interval (page, 250);
  att_eco_score_page_set_product (page, created);
  g_assert_cmpuint (labels_needed, ==, 0);
  show (f, GTK_WIDGET (page));
  g_assert_cmpstr (att_eco_score_page_get_status_text (page), ==, "Calculating…");
  /* No figures yet, so no charts. */
  chart = att_test_find_of_type (GTK_WIDGET (page), ATT_TYPE_IMPACT_CHART);
  g_assert_nonnull (chart);
  g_assert_false (gtk_widget_get_mapped (chart));

  att_test_wait_until (ATT_TEST_PREDICATE (page_complete), page, NULL, "the score to complete");
  g_assert_cmpstr (att_eco_score_page_get_status_text (page), ==, "Impact points: lower is better");
  /* The label comes from the server once the score is computed; the
   * owner is not asked, since the page has a client to fetch it with. */
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), page, NULL, "the official label");
  g_assert_cmpuint (labels_needed, ==, 0);
  att_test_run_for (100);
  g_assert_true (gtk_widget_get_mapped (chart));
  g_assert_cmpuint (att_impact_chart_get_n_drawn (ATT_IMPACT_CHART (chart)), >, 0);
  g_assert_cmpuint (painted_pixels (chart), >, 2000);
}

static void
count_cb (AttEcoScorePage *page,
          guint           *count)
{
  (*count)++;
}

static gboolean
counted (guint        *count,
         gconstpointer data)
{
  return *count >= GPOINTER_TO_UINT (data);
}

/* Without a Higg client the page asks its owner, again and again while the
 * score stays Pending, and stops once it is not. */
static void
test_refresh_needed (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(JsonNode) pending = json_from_string ("{\"_id\": \"p2\", \"name\": \"Waiting\","
                                                   " \"weightInformation\": {\"convertedToKg\": 0.2},"
                                                   " \"frenchLabelEcoScore\": {\"status\": \"Pending\"}}",
                                                   NULL);
  g_autoptr(AttProduct) product = att_product_new_from_json (json_node_get_object (pending), NULL, NULL);
  AttEcoScorePage *page = ATT_ECO_SCORE_PAGE (att_eco_score_page_new (NULL));
  guint            count = 0;

  g_assert_nonnull (product);
  g_signal_connect (page, "refresh-needed", G_CALLBACK (count_cb), &count);
  att_eco_score_page_set_refresh_interval (page, 50);
  show (f, GTK_WIDGET (page));
  att_eco_score_page_set_product (page, product);
  att_test_wait_until (ATT_TEST_PREDICATE (counted), &count, GUINT_TO_POINTER (1), "a first refresh-needed");
  /* The owner answers with the same, still Pending product: asked again. */
  g_clear_object (&product);
  product = att_product_new_from_json (json_node_get_object (pending), NULL, NULL);
  att_eco_score_page_set_product (page, product);
  att_test_wait_until (ATT_TEST_PREDICATE (counted), &count, GUINT_TO_POINTER (2), "a second refresh-needed");

  att_eco_score_page_set_product (page, f->product);
  count = 0;
  att_test_run_for (300);
  g_assert_cmpuint (count, ==, 0);
}

static gboolean
is_row_titled (GtkWidget    *widget,
               gconstpointer title)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* Each reason the server gives is a row, with what to change below it. */
static void
test_eligibility_reasons (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr(JsonNode) node = json_from_string (
    "{\"_id\": \"p3\", \"name\": \"Unfinished\", \"weightInformation\": {\"convertedToKg\": 0.2},"
    " \"frenchLabelEligibility\": {\"eligible\": false, \"reasons\": ["
    "  {\"category\": \"Weight\", \"message\": \"The product weight is missing\"},"
    "  {\"category\": \"Location\", \"message\": \"The country of dyeing and finishing is missing\"}]}}",
    NULL);
  g_autoptr(AttProduct) product = att_product_new_from_json (json_node_get_object (node), NULL, NULL);
  AttEcoScorePage *page = ATT_ECO_SCORE_PAGE (att_eco_score_page_new (NULL));
  GtkWidget       *weight;
  GtkWidget       *location;

  att_eco_score_page_set_product (page, product);
  show (f, GTK_WIDGET (page));
  weight = att_test_find_widget (GTK_WIDGET (page), is_row_titled, "The product weight is missing");
  location = att_test_find_widget (GTK_WIDGET (page), is_row_titled, "The country of dyeing and finishing is missing");
  g_assert_nonnull (weight);
  g_assert_nonnull (location);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (weight)), ==,
                   "Edit the product: enter its real weight and mark it as primary data.");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (location)), ==,
                   "Edit the product: choose the missing country in the French eco-score section.");
  g_assert_cmpstr (att_eco_score_page_get_status_text (page), ==, "No eco-score yet");

  /* Fixed on the server: the reasons go. */
  att_eco_score_page_set_product (page, f->product);
  att_test_run_for (50);
  g_assert_null (att_test_find_widget (GTK_WIDGET (page), is_row_titled, "The product weight is missing"));
}

/* Errors are shown as the server wrote them. */
static void
test_error_status (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"_id\": \"p1\", \"name\": \"Broken\","
                                                " \"weightInformation\": {\"convertedToKg\": 0.2, \"weight\": 200, \"unit\": \"grams\"},"
                                                " \"frenchLabelEcoScore\": {\"status\": \"Complete\","
                                                "  \"apiResponseError\": \"Material MatX is unknown to Ecobalyse\"}}",
                                                NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttProduct) product = att_product_new_from_json (json_node_get_object (node), NULL, &error);
  AttEcoScorePage *page = ATT_ECO_SCORE_PAGE (att_eco_score_page_new (NULL));

  g_assert_no_error (error);
  att_eco_score_page_set_product (page, product);
  show (f, GTK_WIDGET (page));
  g_assert_cmpstr (att_eco_score_page_get_status_text (page), ==, "The eco-score could not be calculated");
  g_assert_true (text_on_screen (GTK_WIDGET (page), "Material MatX is unknown to Ecobalyse"));
}

static const char label_svg[] =
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\" viewBox=\"0 0 200 100\">"
  "<rect width=\"200\" height=\"100\" fill=\"#1a5fb4\"/>"
  "<text x=\"20\" y=\"60\" font-size=\"30\" fill=\"white\">812</text></svg>";

static void
test_label (Fixture      *f,
            gconstpointer data)
{
  AttEcoLabelView   *view = ATT_ECO_LABEL_VIEW (att_eco_label_view_new ());
  int                scale;
  GdkTexture        *texture;
  GdkContentFormats *formats;
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "test-eco-label-XXXXXX.svg", NULL);
  int              fd = g_mkstemp (path);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  saved = g_file_new_for_path (path);

  show (f, GTK_WIDGET (view));
  g_assert_cmpstr (att_eco_label_view_get_message (view), ==, "The official label has not been fetched yet.");

  att_eco_label_view_set_svg (view, label_svg, NULL);
  texture = att_eco_label_view_get_texture (view);
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (view));
  g_assert_nonnull (texture);
  /* Rasterised at the size shown times the scale, keeping the 2:1 shape. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 280 * scale);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 140 * scale);
  g_assert_cmpstr (att_eco_label_view_get_message (view), ==, "");

  /* Copy offers the picture and the SVG itself. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "label.copy", NULL));
  formats = gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (view)));
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8"));
  g_assert_cmpstr (att_eco_label_view_get_message (view), ==, "Label copied");

  /* Saved as the server sent it. */
  g_file_delete (saved, NULL, NULL);
  att_eco_label_view_save_async (view, saved, NULL, att_test_store_result, &result);
  g_assert_true (att_eco_label_view_save_finish (view, att_test_await_result (&result), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (g_file_peek_path (saved), &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, label_svg);
  g_file_delete (saved, NULL, NULL);

  att_eco_label_view_set_svg (view, "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect", NULL);
  g_assert_null (att_eco_label_view_get_texture (view));
  g_assert_true (g_str_has_prefix (att_eco_label_view_get_message (view), "The label could not be read: "));

  att_eco_label_view_set_svg (view, NULL, "HTTP 404");
  g_assert_cmpstr (att_eco_label_view_get_message (view), ==, "The label could not be fetched: HTTP 404");
}

static void
opened_cb (AttProductDetails *details,
           AttEcoScorePage   *page,
           guint             *opened)
{
  (*opened)++;
}

/* Eco-Score Details in the product details opens the page on the product
 * (its owner hears of it), which fetches the product's label. */
static void
test_details_entry (Fixture      *f,
                    gconstpointer data)
{
  GtkWidget       *details = g_object_new (ATT_TYPE_PRODUCT_DETAILS, "context", f->context, NULL);
  GtkWidget       *page;
  AttEcoLabelView *label_view;
  guint            opened = 0;

  g_signal_connect (details, "eco-score-opened", G_CALLBACK (opened_cb), &opened);
  att_product_details_set_product (ATT_PRODUCT_DETAILS (details), f->product);
  show (f, details);
  g_assert_true (gtk_widget_activate_action (details, "details.open-eco-score", NULL));
  page = att_product_details_open_eco_score (ATT_PRODUCT_DETAILS (details));
  g_assert_true (ATT_IS_ECO_SCORE_PAGE (page));
  g_assert_true (att_eco_score_page_get_product (ATT_ECO_SCORE_PAGE (page)) == f->product);
  att_test_wait_until (ATT_TEST_PREDICATE (has_size), page, NULL, "the eco-score page");
  g_assert_cmpuint (opened, ==, 1);
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), page, NULL, "the official label");
  label_view = ATT_ECO_LABEL_VIEW (att_test_find_of_type (page, ATT_TYPE_ECO_LABEL_VIEW));
  g_assert_nonnull (att_eco_label_view_get_texture (label_view));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/eco-charts/impact-chart", Fixture, NULL, fixture_setup, test_impact_chart, fixture_teardown);
  g_test_add ("/eco-charts/impact-chart-missing", Fixture, NULL, fixture_setup, test_impact_chart_missing,
              fixture_teardown);
  g_test_add ("/eco-charts/carbon-chart", Fixture, NULL, fixture_setup, test_carbon_chart, fixture_teardown);
  g_test_add ("/eco-charts/table-unknown-code", Fixture, NULL, fixture_setup, test_table_unknown_code,
              fixture_teardown);
  g_test_add ("/eco-charts/pending-turns-complete", Fixture, NULL, fixture_setup, test_pending_turns_complete,
              fixture_teardown);
  g_test_add ("/eco-charts/recalculate", Fixture, NULL, fixture_setup, test_recalculate, fixture_teardown);
  g_test_add ("/eco-charts/refresh-needed", Fixture, NULL, fixture_setup, test_refresh_needed, fixture_teardown);
  g_test_add ("/eco-charts/eligibility-reasons", Fixture, NULL, fixture_setup, test_eligibility_reasons,
              fixture_teardown);
  g_test_add ("/eco-charts/error-status", Fixture, NULL, fixture_setup, test_error_status, fixture_teardown);
  g_test_add ("/eco-charts/label", Fixture, NULL, fixture_setup, test_label, fixture_teardown);
  g_test_add ("/eco-charts/details-entry", Fixture, NULL, fixture_setup, test_details_entry, fixture_teardown);

  return g_test_run ();
}
