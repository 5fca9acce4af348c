/* test-materials-page.c: the Materials view against a sandbox, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "att-catalog-item.h"
#include "att-context.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-json.h"
#include "att-materials-page-details.h"
#include "att-materials-page.h"
#include "att-page.h"
#include "att-product.h"
#include "att-sandbox.h"
#include "att-test-utils.h"
#include "att-test-widgets.h"

typedef struct
{
  AttSandbox       *sandbox;
  AttHttp          *http;
  AttHiggClient    *client;
  AttContext       *context;
  GtkWindow        *window;
  AttMaterialsPage *page;
  char             *product_ids[3];
  char             *shown_product;
  char             *added;
} Fixture;

/* Products made over HTTP, as any client would. */
static char *
create_product (Fixture    *f,
                const char *name,
                const char *json_materials)
{
  g_autofree char *text = g_strdup_printf ("{\"name\": \"%s\", \"weight\": 200, \"weightMeasureUnit\": \"grams\","
                                           " \"materials\": %s}",
                                           name, json_materials);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = att_json_parse_object (text, -1, &error);
  g_autoptr(AttProduct) product = NULL;

  g_assert_no_error (error);
  product = att_test_create_product (f->client, body, &error);
  g_assert_no_error (error);
  return g_strdup (att_product_get_id (product));
}

/* What the window would do: record the actions the page activates. */
static void
show_product_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  Fixture *f = user_data;

  g_free (f->shown_product);
  f->shown_product = g_variant_dup_string (parameter, NULL);
}

static void
add_to_product_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  Fixture *f = user_data;

  g_free (f->added);
  f->added = g_variant_print (parameter, FALSE);
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  const GActionEntry entries[] = {
    { "show-product", show_product_activated, "s", NULL, NULL, { 0 } },
    { "add-to-product", add_to_product_activated, "(sss)", NULL, NULL, { 0 } },
  };

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (f->sandbox, &f->http, &f->client, &f->context);

  /* Two products use cotton (MatTX0001), one does not. */
  f->product_ids[0] = create_product (f, "Cotton tee",
                                      "[{\"materialId\": \"MatTX0001\", \"netUse\": 75, \"composition\": 100}]");
  f->product_ids[1] = create_product (f, "Blend hoodie",
                                      "[{\"materialId\": \"MatTX0002\", \"netUse\": 80, \"composition\": 40},"
                                      " {\"materialId\": \"MatTX0001\", \"netUse\": 75, \"composition\": 60}]");
  f->product_ids[2] = create_product (f, "Linen shirt",
                                      "[{\"materialId\": \"MatTX0005\", \"netUse\": 75, \"composition\": 100}]");

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (group));
  f->page = ATT_MATERIALS_PAGE (att_materials_page_new (f->context));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  gtk_window_destroy (f->window);
  for (guint i = 0; i < G_N_ELEMENTS (f->product_ids); i++)
    g_free (f->product_ids[i]);
  g_free (f->shown_product);
  g_free (f->added);
  g_clear_object (&f->context);
  att_test_sandbox_disconnect (&f->sandbox, &f->http, &f->client);
}

/* The list has loaded, and its first entry is of the wanted catalogue and
 * matches the wanted text. */
typedef struct
{
  const char *id_prefix;
  const char *text;
  GListModel *not_model; /* a list replaced since */
} Wanted;

static gboolean
list_shows (Fixture      *f,
            gconstpointer data)
{
  const Wanted *wanted = data;
  GListModel   *model = att_materials_page_get_model (f->page);
  gboolean      loaded = FALSE;
  g_autoptr(AttCatalogItem) first = NULL;
  g_autofree char *name = NULL;

  if (model == NULL || model == wanted->not_model)
    return FALSE;
  g_object_get (model, "loaded", &loaded, NULL);
  if (!loaded || g_list_model_get_n_items (model) == 0)
    return FALSE;
  first = g_list_model_get_item (model, 0);
  if (att_catalog_item_get_id (first) == NULL ||
      !g_str_has_prefix (att_catalog_item_get_id (first), wanted->id_prefix))
    return FALSE;
  name = g_utf8_strdown (att_catalog_item_get_name (first), -1);
  return wanted->text == NULL || strstr (name, wanted->text) != NULL;
}

static guint
find_position (Fixture    *f,
               const char *id)
{
  GListModel *model = att_materials_page_get_model (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AttCatalogItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (att_catalog_item_get_id (item), id) == 0)
        return i;
    }
  g_error ("%s is not in the list", id);
}

static gboolean
is_label_showing (GtkWidget    *widget,
                  gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return att_test_find_widget (root, is_label_showing, text);
}

/* An AdwActionRow with @title and a value label (suffix) or subtitle
 * @value, under @root. */
static gboolean
is_row_titled (GtkWidget    *widget,
               gconstpointer title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
shows_field (GtkWidget  *root,
             const char *title,
             const char *value)
{
  GtkWidget *row = att_test_find_widget (root, is_row_titled, title);

  return row != NULL && (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), value) == 0 ||
                         find_label (row, value) != NULL);
}

static gboolean
details_show (Fixture      *f,
              gconstpointer data)
{
  AttCatalogItem *item = att_materials_page_details_get_item (
    ATT_MATERIALS_PAGE_DETAILS (att_materials_page_get_details (f->page)));

  return item != NULL && g_strcmp0 (att_catalog_item_get_id (item), data) == 0;
}

static void
select_entry (Fixture    *f,
              const char *id)
{
  att_materials_page_select (f->page, find_position (f, id));
  att_test_wait_until (ATT_TEST_PREDICATE (details_show), f, id, "the details of the entry");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

/* Tests */

static void
test_search (Fixture      *f,
             gconstpointer data)
{
  const Wanted all = { "Mat", NULL, NULL };
  Wanted       cotton = { "Mat", "cotton", NULL };
  g_autoptr(GListModel) everything = NULL;
  GListModel *model;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AttPage) page = NULL;
  g_autoptr(GError) error = NULL;

  att_test_wait_until (ATT_TEST_PREDICATE (list_shows), f, &all, "the materials");
  g_assert_cmpstr (att_materials_page_get_kind (f->page), ==, "material");

  cotton.not_model = att_materials_page_get_model (f->page);
  everything = g_object_ref (att_materials_page_get_model (f->page));
  cotton.not_model = everything;
  att_materials_page_set_search_text (f->page, "cotton");
  att_test_wait_until (ATT_TEST_PREDICATE (list_shows), f, &cotton, "the search for cotton");
  model = att_materials_page_get_model (f->page);

  /* Exactly what the server finds. */
  att_higg_client_search_materials_async (f->client, "cotton", 0, 50, NULL,
                                          att_test_store_result, &result);
  att_test_await_result (&result);
  page = att_higg_client_search_materials_finish (f->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, att_page_get_total (page));
  g_assert_cmpuint (g_list_model_get_n_items (model), <, g_list_model_get_n_items (everything));
  g_assert_cmpuint (g_list_model_get_n_items (model), <, g_list_model_get_n_items (cotton.not_model));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AttCatalogItem) item = g_list_model_get_item (model, i);
      g_autoptr(AttCatalogItem) expected = g_list_model_get_item (att_page_get_items (page), i);

      g_assert_cmpstr (att_catalog_item_get_id (item), ==, att_catalog_item_get_id (expected));
    }
}

static void
test_switch_catalogue (Fixture      *f,
                       gconstpointer data)
{
  const Wanted materials = { "Mat", NULL, NULL };
  const Wanted packaging = { "Pkg", NULL, NULL };
  const Wanted zippers = { "Cmp", "zipper", NULL };

  att_test_wait_until (ATT_TEST_PREDICATE (list_shows), f, &materials, "the materials");
  att_materials_page_set_kind (f->page, "packaging");
  att_test_wait_until (ATT_TEST_PREDICATE (list_shows), f, &packaging, "the packaging");
  g_assert_cmpstr (att_materials_page_get_kind (f->page), ==, "packaging");

  /* The search carries over to the next catalogue. */
  att_materials_page_set_search_text (f->page, "zipper");
  att_materials_page_set_kind (f->page, "component");
  att_test_wait_until (ATT_TEST_PREDICATE (list_shows), f, &zippers, "the components matching zipper");
}

static void
test_details_fields (Fixture      *f,
                     gconstpointer data)
{
  const Wanted materials = { "Mat", NULL, NULL };
  const Wanted packaging = { "Pkg", NULL, NULL };
  GtkWidget   *details = att_materials_page_get_details (f->page);

  att_test_wait_until (ATT_TEST_PREDICATE (list_shows), f, &materials, "the materials");
  select_entry (f, "MatTX0001");
  g_assert_nonnull (find_label (details, "Cotton"));
  g_assert_true (shows_field (details, "ID", "MatTX0001"));
  g_assert_true (shows_field (details, "Code", "ei-coton"));
  g_assert_true (shows_field (details, "Type", "Textiles"));
  g_assert_true (shows_field (details, "Data source", "Ecobalyse"));
  g_assert_true (shows_field (details, "Description",
                              "Ecobalyse textile material \"Coton\" (natural, plant-based fibre; "
                              "geographic origin: Asie - Pacifique; default country: CN)."));

  /* Members nobody documented are shown too, under their own names. */
  att_materials_page_set_kind (f->page, "packaging");
  att_test_wait_until (ATT_TEST_PREDICATE (list_shows), f, &packaging, "the packaging");
  select_entry (f, "Pkg0001");
  g_assert_true (shows_field (details, "Packaging type", "bag"));
  g_assert_true (shows_field (details, "Defect rate", "0"));
  g_assert_true (shows_field (details, "Deleted", "No"));
  g_assert_true (shows_field (details, "Product number", "—"));
  g_assert_true (shows_field (details, "Weight information › Unit", "grams"));
}

static gboolean
used_by_loaded (Fixture      *f,
                gconstpointer data)
{
  return att_materials_page_details_get_used_by_loaded (
    ATT_MATERIALS_PAGE_DETAILS (att_materials_page_get_details (f->page)));
}

static gboolean
is_product_row (GtkWidget    *widget,
                gconstpointer name)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), name) == 0 &&
         gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL;
}

static GtkWidget *
find_product_row (GtkWidget  *root,
                  const char *name)
{
  return att_test_find_widget (root, is_product_row, name);
}

static void
test_used_by (Fixture      *f,
              gconstpointer data)
{
  const Wanted             materials = { "Mat", NULL, NULL };
  AttMaterialsPageDetails *details = ATT_MATERIALS_PAGE_DETAILS (att_materials_page_get_details (f->page));
  GListModel              *used_by = att_materials_page_details_get_used_by (details);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *row;

  att_test_wait_until (ATT_TEST_PREDICATE (list_shows), f, &materials, "the materials");
  select_entry (f, "MatTX0001");
  att_test_wait_until (ATT_TEST_PREDICATE (used_by_loaded), f, NULL, "the products that use cotton");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* Exactly the two products that use it, as the sandbox says. */
  g_assert_cmpuint (g_list_model_get_n_items (used_by), ==, 2);
  g_assert_cmpuint (att_materials_page_details_get_used_by_total (details), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (used_by, i);

      g_hash_table_add (ids, (gpointer) att_product_get_id (product));
    }
  g_assert_true (g_hash_table_contains (ids, f->product_ids[0]));
  g_assert_true (g_hash_table_contains (ids, f->product_ids[1]));
  g_assert_false (g_hash_table_contains (ids, f->product_ids[2]));
  g_assert_nonnull (find_product_row (GTK_WIDGET (details), "Cotton tee"));
  g_assert_nonnull (find_product_row (GTK_WIDGET (details), "Blend hoodie"));
  g_assert_null (find_product_row (GTK_WIDGET (details), "Linen shirt"));

  /* A row opens its product. */
  row = find_product_row (GTK_WIDGET (details), "Blend hoodie");
  g_signal_emit_by_name (row, "activate");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (f->shown_product, ==, f->product_ids[1]);

  /* Add to Product names the kind, the id and the name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "details.add-to-product", NULL));
  g_assert_cmpstr (f->added, ==, "('material', 'MatTX0001', 'Cotton')");

  /* Linen: only the third. */
  select_entry (f, "MatTX0005");
  att_test_wait_until (ATT_TEST_PREDICATE (used_by_loaded), f, NULL, "the products that use linen");
  g_assert_cmpuint (g_list_model_get_n_items (used_by), ==, 1);
  {
    g_autoptr(AttProduct) product = g_list_model_get_item (used_by, 0);

    g_assert_cmpstr (att_product_get_id (product), ==, f->product_ids[2]);
  }

  /* Organic cotton's row is empty of products but for the hoodie; a
   * material nobody uses says so. */
  select_entry (f, "MatTX0003");
  att_test_wait_until (ATT_TEST_PREDICATE (used_by_loaded), f, NULL, "the products that use recycled cotton");
  g_assert_cmpuint (g_list_model_get_n_items (used_by), ==, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (find_label (GTK_WIDGET (details), "No product uses it."));
}

static void
test_narrow_folds (Fixture      *f,
                   gconstpointer data)
{
  const Wanted materials = { "Mat", NULL, NULL };
  GtkWidget   *leaflet;

  gtk_window_set_default_size (f->window, 500, 700);
  att_test_wait_until (ATT_TEST_PREDICATE (list_shows), f, &materials, "the materials");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  leaflet = gtk_widget_get_first_child (GTK_WIDGET (f->page));
  g_assert_true (ADW_IS_LEAFLET (leaflet));
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/materials-page/search", Fixture, NULL,
              fixture_setup, test_search, fixture_teardown);
  g_test_add ("/materials-page/switch-catalogue", Fixture, NULL,
              fixture_setup, test_switch_catalogue, fixture_teardown);
  g_test_add ("/materials-page/details-fields", Fixture, NULL,
              fixture_setup, test_details_fields, fixture_teardown);
  g_test_add ("/materials-page/used-by", Fixture, NULL,
              fixture_setup, test_used_by, fixture_teardown);
  g_test_add ("/materials-page/narrow-folds", Fixture, NULL,
              fixture_setup, test_narrow_folds, fixture_teardown);

  return g_test_run ();
}
