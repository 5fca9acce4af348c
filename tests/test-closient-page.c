/* test-closient-page.c: the Closient view, its catalogue and a product's
 * Closient group against the sandbox's demo data, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "att-closient-assignment.h"
#include "att-account-store.h"
#include "att-account.h"
#include "att-closient-catalogue.h"
#include "att-closient-connect.h"
#include "att-closient-client.h"
#include "att-closient-key.h"
#include "att-closient-logos.h"
#include "att-closient-page.h"
#include "att-closient-product-group.h"
#include "att-closient-product.h"
#include "att-closient-wait-bar.h"
#include "att-context.h"
#include "att-gtin.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-page.h"
#include "att-paged-model.h"
#include "att-product-certificates.h"
#include "att-product-details.h"
#include "att-product.h"
#include "att-sandbox.h"
#include "att-secret-store.h"
#include "att-settings.h"
#include "att-test-utils.h"
#include "att-test-widgets.h"

/* A demo product on Closient (Merino Hiking Socks, with a Higg certificate
 * too), one that is not (its GTIN answers 404), and the one with sixty
 * certifications. */
#define SOCKS_NAME   "Merino Hiking Socks"
#define UNKNOWN_NAME "Oxford Cotton Shirt"
#define LONG_GTIN    "09506000134352"
#define LONG_LENGTH  60

typedef struct
{
  AttSandbox        *sandbox;
  AttHttp           *http;
  AttHiggClient     *client;
  AttClosientClient *closient;
  AttContext        *context;
  GtkWindow         *window;
  AttClosientPage   *page;
  char              *shown_gtin;
} Fixture;

/* What the window would do: record the GTIN a product's group shows. */
static void
record_gtin (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  Fixture *f = user_data;

  g_free (f->shown_gtin);
  f->shown_gtin = g_variant_dup_string (parameter, NULL);
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  const GActionEntry entries[] = {
    { "show-closient-gtin", record_gtin, "s", NULL, NULL, { 0 } },
  };
  g_autoptr(GSettings) settings = att_settings_new ();

  /* Each test starts with no recent GTINs. */
  g_assert_nonnull (settings);
  g_settings_reset (settings, "closient-recent-gtins");

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (f->sandbox, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (f->sandbox, &f->http, &f->client, &f->context);
  /* A failure injected must be seen, not retried away. */
  att_http_set_retry_policy (f->http, 0, 0);
  f->closient = att_closient_client_new (f->http, att_sandbox_get_base_url (f->sandbox),
                                         att_sandbox_get_closient_api_key (f->sandbox, ATT_CLOSIENT_KEY_BUSINESS));
  if (g_strcmp0 (data, "no-account") != 0)
    att_context_set_closient_client (f->context, f->closient);

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), f);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 900);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (group));
  if (g_strcmp0 (data, "product") != 0)
    {
      f->page = ATT_CLOSIENT_PAGE (att_closient_page_new (f->context));
      gtk_window_set_child (f->window, GTK_WIDGET (f->page));
    }
  gtk_window_present (f->window);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_free (f->shown_gtin);
  g_clear_object (&f->context);
  g_clear_object (&f->closient);
  att_test_sandbox_disconnect (&f->sandbox, &f->http, &f->client);
}

/* Helpers */

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static AttProduct *
demo_product_named (Fixture    *f,
                    const char *name)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;
  GListModel *products;

  att_higg_client_search_products_async (f->client, name, NULL, 0, 10, NULL, att_test_store_result, &result);
  page = att_higg_client_search_products_finish (f->client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  products = att_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (products, i);

      if (g_strcmp0 (att_product_get_name (product), name) == 0)
        return g_steal_pointer (&product);
    }
  g_error ("no demo product %s", name);
}

static char *
demo_gtin (Fixture    *f,
           const char *name)
{
  g_autoptr(AttProduct) product = demo_product_named (f, name);
  char *gtin14 = NULL;

  g_assert_cmpstr (att_product_get_identifier_type (product), ==, "GTIN");
  g_assert_true (att_gtin_normalize (att_product_get_identifier (product), &gtin14, NULL));
  return gtin14;
}

/* What the client itself reads of @gtin14's certifications, to compare. */
static GListModel *
list_directly (Fixture                 *f,
               const char              *gtin14,
               const AttClosientFilter *filter)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;

  att_closient_client_list_certifications_async (f->closient, gtin14, filter, NULL, att_test_store_result, &result);
  list = att_closient_client_list_certifications_finish (f->closient, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  return list;
}

static gboolean
in_state (Fixture      *f,
          gconstpointer state)
{
  return g_strcmp0 (att_closient_page_get_state (f->page), state) == 0;
}

static gboolean
list_loaded (Fixture      *f,
             gconstpointer data)
{
  GListModel *model = att_closient_page_get_model (f->page);

  return in_state (f, "product") && model != NULL && att_paged_model_get_loaded (ATT_PAGED_MODEL (model));
}

static void
look_up (Fixture    *f,
         const char *text)
{
  g_assert_true (att_closient_page_look_up (f->page, text));
  att_test_wait_until (ATT_TEST_PREDICATE (list_loaded), f, NULL, "the product's certifications");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

/* Asks for every row, and waits until each has come. */
static gboolean
all_rows_loaded (Fixture      *f,
                 gconstpointer data)
{
  GListModel *rows = att_closient_page_get_model (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AttClosientAssignment) assignment = g_list_model_get_item (rows, i);

      if (att_closient_assignment_get_id (assignment) == NULL)
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
shown_ids (Fixture *f)
{
  GListModel *rows = att_closient_page_get_model (f->page);
  GPtrArray  *ids = g_ptr_array_new_with_free_func (g_free);

  att_test_wait_until (ATT_TEST_PREDICATE (all_rows_loaded), f, NULL, "every row");
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AttClosientAssignment) assignment = g_list_model_get_item (rows, i);

      g_ptr_array_add (ids, g_strdup (att_closient_assignment_get_id (assignment)));
    }
  return ids;
}

static gboolean
is_label_showing (GtkWidget    *widget,
                  gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_pill (GtkWidget    *widget,
         gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "status-pill") &&
         gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_inscription_showing (GtkWidget    *widget,
                        gconstpointer text)
{
  return GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0;
}

static char *
corrupt_check_digit (const char *gtin,
                     int        *expected)
{
  char *bad = g_strdup (gtin);
  gsize n = strlen (bad);

  *expected = bad[n - 1] - '0';
  bad[n - 1] = '0' + (*expected + 3) % 10;
  return bad;
}

/* The GTIN entry */

static void
test_check_digit (Fixture      *f,
                  gconstpointer data)
{
  g_autofree char *socks = demo_gtin (f, SOCKS_NAME);
  g_autofree char *gtin13 = g_strdup (socks + 1);
  g_autofree char *bad = NULL;
  g_autofree char *expected_text = NULL;
  g_autofree char *grouped = NULL;
  int              expected;

  /* Any request to Closient's products app fails once: if a bad GTIN were
   * sent, it would use the failure up, and the good lookup after it would
   * succeed. */
  att_sandbox_inject_failure_path (f->sandbox, 500, 1, "/products/api/v1/");

  bad = corrupt_check_digit (gtin13, &expected);
  expected_text = g_strdup_printf ("expected %d", expected);
  g_assert_false (att_closient_page_look_up (f->page, bad));
  g_assert_nonnull (strstr (att_closient_page_get_check_message (f->page), expected_text));
  g_assert_cmpstr (att_closient_page_get_state (f->page), ==, "start");

  /* Letters, and lengths that no GTIN has, are refused as well. */
  g_assert_false (att_closient_page_look_up (f->page, "40063813339A1"));
  g_assert_nonnull (strstr (att_closient_page_get_check_message (f->page), "digits"));
  g_assert_false (att_closient_page_look_up (f->page, "123456789"));
  g_assert_false (att_closient_page_look_up (f->page, "123456789012345"));
  g_assert_null (att_closient_page_get_gtin (f->page));
  spin ();
  g_assert_cmpstr (att_closient_page_get_state (f->page), ==, "start");

  /* The good one is sent, and meets the failure nobody used. */
  g_assert_true (att_closient_page_look_up (f->page, gtin13));
  att_test_wait_until (ATT_TEST_PREDICATE (in_state), f, "error", "the injected failure");

  /* Pasted in groups, it is cleaned, padded and found. */
  grouped = g_strdup_printf ("%.1s-%.6s %.6s", gtin13, gtin13 + 1, gtin13 + 7);
  look_up (f, grouped);
  g_assert_cmpstr (att_closient_page_get_gtin (f->page), ==, socks);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (att_test_find_of_type (GTK_WIDGET (f->page), GTK_TYPE_ENTRY))),
                   ==, socks);
}

static void
test_recent (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(GSettings) settings = att_settings_new ();
  g_autofree char *socks = demo_gtin (f, SOCKS_NAME);
  g_auto(GStrv) recent = NULL;
  g_auto(GStrv) after = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) many = NULL;

  /* Ten already, the socks not among them: they come first, the oldest
   * goes. */
  for (guint i = 0; i < ATT_CLOSIENT_PAGE_MAX_RECENT; i++)
    {
      g_autofree char *digits = g_strdup_printf ("%013u", i + 1);
      g_autofree char *gtin = g_strdup_printf ("%s%d", digits, att_gtin_check_digit (digits, 13));

      g_strv_builder_add (builder, gtin);
    }
  many = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "closient-recent-gtins", (const char *const *) many);

  look_up (f, socks);
  recent = g_settings_get_strv (settings, "closient-recent-gtins");
  g_assert_cmpuint (g_strv_length (recent), ==, ATT_CLOSIENT_PAGE_MAX_RECENT);
  g_assert_cmpstr (recent[0], ==, socks);
  g_assert_cmpstr (recent[1], ==, many[0]);

  /* Once only, however often it is looked up. */
  look_up (f, LONG_GTIN);
  look_up (f, socks);
  after = g_settings_get_strv (settings, "closient-recent-gtins");
  g_assert_cmpstr (after[0], ==, socks);
  g_assert_cmpstr (after[1], ==, LONG_GTIN);
  g_assert_cmpuint (g_strv_length (after), ==, ATT_CLOSIENT_PAGE_MAX_RECENT);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "closient.clear-recent", NULL);
  g_strfreev (after);
  after = g_settings_get_strv (settings, "closient-recent-gtins");
  g_assert_cmpuint (g_strv_length (after), ==, 0);
}

/* The list */

static void
test_lookup (Fixture      *f,
             gconstpointer data)
{
  g_autofree char *socks = demo_gtin (f, SOCKS_NAME);
  g_autofree char *unknown = demo_gtin (f, UNKNOWN_NAME);
  g_autoptr(GListModel) expected = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  AttClosientFilter   all = { ATT_CLOSIENT_VERIFICATION_UNKNOWN, -1, "expiry_date" };
  AttClosientProduct *product;

  look_up (f, socks);
  product = att_closient_page_get_product (f->page);
  g_assert_nonnull (product);
  g_assert_cmpstr (att_closient_product_get_gtin (product), ==, socks);
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->page), is_label_showing,
                                          att_closient_product_get_product_name (product)));

  /* The rows are the server's, in its order. */
  expected = list_directly (f, socks, &all);
  g_assert_cmpuint (g_list_model_get_n_items (expected), >, 0);
  ids = shown_ids (f);
  g_assert_cmpuint (ids->len, ==, g_list_model_get_n_items (expected));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AttClosientAssignment) assignment = g_list_model_get_item (expected, i);

      g_assert_cmpstr (g_ptr_array_index (ids, i), ==, att_closient_assignment_get_id (assignment));
    }

  /* Each row shows its label and its verification in words. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  {
    g_autoptr(AttClosientAssignment) first = g_list_model_get_item (expected, 0);

    g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->page), is_inscription_showing,
                                            att_closient_assignment_get_label (first)));
    AttClosientVerification status = att_closient_assignment_get_verification_status (first);

    /* Under its "Verification" heading, an expired one says "Expired". */
    g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->page), is_pill,
                                            status == ATT_CLOSIENT_VERIFICATION_EXPIRED
                                              ? "Expired"
                                              : att_closient_verification_get_label (status)));
  }

  /* A GTIN Closient does not know says so. */
  g_assert_true (att_closient_page_look_up (f->page, unknown));
  att_test_wait_until (ATT_TEST_PREDICATE (in_state), f, "not-found", "not on Closient");
}

static void
test_filters (Fixture      *f,
              gconstpointer data)
{
  AttClosientFilter        verified = { ATT_CLOSIENT_VERIFIED, -1, "expiry_date" };
  AttClosientFilter        active = { ATT_CLOSIENT_VERIFICATION_UNKNOWN, 1, "expiry_date" };
  AttClosientFilter        by_label = { ATT_CLOSIENT_VERIFICATION_UNKNOWN, -1, "-label" };
  const AttClosientFilter *filters[] = { &verified, &active, &by_label };
  guint                    all;

  look_up (f, LONG_GTIN);
  all = g_list_model_get_n_items (att_closient_page_get_model (f->page));
  g_assert_cmpuint (all, ==, LONG_LENGTH);

  /* Each filter is the server's: the rows are what the client reads with
   * it, and fewer than all for the filters. */
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autoptr(GListModel) expected = list_directly (f, LONG_GTIN, filters[i]);
      g_autoptr(GPtrArray) ids = NULL;

      att_closient_page_set_verification_filter (f->page, filters[i]->status);
      att_closient_page_set_active_filter (f->page, filters[i]->is_active);
      att_closient_page_set_ordering (f->page, filters[i]->ordering);
      att_test_wait_until (ATT_TEST_PREDICATE (list_loaded), f, NULL, "the filtered list");
      ids = shown_ids (f);
      g_assert_cmpuint (ids->len, ==, g_list_model_get_n_items (expected));
      if (filters[i] != &by_label)
        g_assert_cmpuint (ids->len, <, all);
      for (guint j = 0; j < ids->len; j++)
        {
          g_autoptr(AttClosientAssignment) assignment = g_list_model_get_item (expected, j);

          g_assert_cmpstr (g_ptr_array_index (ids, j), ==, att_closient_assignment_get_id (assignment));
          if (filters[i] == &verified)
            g_assert_cmpint (att_closient_assignment_get_verification_status (assignment), ==, ATT_CLOSIENT_VERIFIED);
          if (filters[i] == &active)
            g_assert_true (att_closient_assignment_get_is_active (assignment));
        }
    }
}

/* Sixty rows come in pages, as the table scrolls to them. */
static void
test_pages (Fixture      *f,
            gconstpointer data)
{
  GListModel *rows;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  look_up (f, LONG_GTIN);
  rows = att_closient_page_get_model (f->page);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, LONG_LENGTH);

  /* The list comes in pages smaller than it. */
  g_assert_cmpuint (att_paged_model_get_page_size (ATT_PAGED_MODEL (rows)), <, LONG_LENGTH);

  ids = shown_ids (f);
  for (guint i = 0; i < ids->len; i++)
    g_assert_true (g_hash_table_add (seen, g_ptr_array_index (ids, i)));
  g_assert_cmpuint (g_hash_table_size (seen), ==, LONG_LENGTH);
}

/* The rate limit */

static gboolean
waiting (AttClosientWaitBar *bar,
         gconstpointer       data)
{
  return att_closient_wait_bar_get_waiting (bar);
}

/* The bar shows what it says (its revealer has opened). */
static gboolean
wait_text_showing (AttClosientWaitBar *bar,
                   gconstpointer       data)
{
  const char *text = att_closient_wait_bar_get_text (bar);

  return text != NULL && att_test_find_widget (GTK_WIDGET (bar), is_label_showing, text) != NULL;
}

static gboolean
not_waiting (AttClosientWaitBar *bar,
             gconstpointer       data)
{
  return !att_closient_wait_bar_get_waiting (bar);
}

static void
test_rate_limit (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char    *socks = demo_gtin (f, SOCKS_NAME);
  AttClosientWaitBar *bar = ATT_CLOSIENT_WAIT_BAR (att_closient_page_get_wait_bar (f->page));
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) text = g_regex_new ("^Waiting [1-9][0-9]* s for Closient’s rate limit…$", 0, 0, NULL);
  AdwStatusPage *error_page;

  /* Two requests a window of six seconds: the lookup's two use it up, so
   * the next lookup's first request waits for the window to pass. */
  g_assert_true (att_sandbox_configure_closient (f->sandbox, "{\"perMinute\": 2, \"windowSeconds\": 6}", &error));
  g_assert_no_error (error);
  g_assert_true (att_closient_page_look_up (f->page, socks));
  att_test_wait_until (ATT_TEST_PREDICATE (list_loaded), f, NULL, "the product's certifications");
  g_assert_false (att_closient_wait_bar_get_waiting (bar));

  /* The bar counts the seconds down. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "closient.reload", NULL);
  att_test_wait_until (ATT_TEST_PREDICATE (waiting), bar, NULL, "the wait bar");
  g_assert_true (g_regex_match (text, att_closient_wait_bar_get_text (bar), 0, NULL));
  /* The window, and a second of margin the pipeline may take. */
  g_assert_cmpuint (att_closient_wait_bar_get_seconds_left (bar), <=, 7);
  att_test_wait_until (ATT_TEST_PREDICATE (wait_text_showing), bar, NULL, "the wait bar's text");

  /* Cancel stops waiting, and says so, with Retry. */
  g_signal_emit_by_name (bar, "cancel");
  att_test_wait_until (ATT_TEST_PREDICATE (in_state), f, "error", "the cancelled lookup");
  att_test_wait_until (ATT_TEST_PREDICATE (not_waiting), bar, NULL, "the bar to go");
  error_page = ADW_STATUS_PAGE (att_test_find_of_type (GTK_WIDGET (f->page), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (error_page);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->page), is_label_showing,
                                          "You stopped waiting for Closient’s rate limit."));

  /* Retry waits again if it must, then shows the list; the bar goes. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "closient.reload", NULL);
  att_test_wait_until (ATT_TEST_PREDICATE (list_loaded), f, NULL, "the list after the wait");
  g_assert_false (att_closient_wait_bar_get_waiting (bar));
  g_assert_cmpuint (g_list_model_get_n_items (att_closient_page_get_model (f->page)), >, 0);
}

/* No account, then one */

static void
test_no_account (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char *socks = demo_gtin (f, SOCKS_NAME);

  g_assert_cmpstr (att_closient_page_get_state (f->page), ==, "no-account");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->page), is_label_showing, "No Closient Account"));
  /* A GTIN typed meanwhile waits for the account. */
  g_assert_true (att_closient_page_look_up (f->page, socks));
  g_assert_cmpstr (att_closient_page_get_state (f->page), ==, "no-account");

  att_context_set_closient_client (f->context, f->closient);
  att_test_wait_until (ATT_TEST_PREDICATE (list_loaded), f, NULL, "the list with the account");
  g_assert_cmpstr (att_closient_page_get_gtin (f->page), ==, socks);
}

/* Edits from a certification's page */

static AttClosientAssignment *
update_directly (Fixture               *f,
                 const char            *gtin14,
                 AttClosientAssignment *assignment,
                 const char            *number)
{
  g_autoptr(AttClosientPatch) patch = att_closient_patch_new (assignment);
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  AttClosientAssignment *updated;

  att_closient_patch_set_string (patch, "certificate_number", number);
  att_closient_client_update_assignment_async (f->closient, gtin14, att_closient_assignment_get_id (assignment), patch,
                                               NULL, att_test_store_result, &result);
  updated = att_closient_client_update_assignment_finish (f->closient, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  return updated;
}

static void
test_saved_and_removed (Fixture      *f,
                        gconstpointer data)
{
  g_autofree char *socks = demo_gtin (f, SOCKS_NAME);
  g_autoptr(AttClosientAssignment) first = NULL;
  g_autoptr(AttClosientAssignment) updated = NULL;
  g_autoptr(AttClosientAssignment) shown = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *opened;

  look_up (f, socks);
  before = shown_ids (f);
  first = g_list_model_get_item (att_closient_page_get_model (f->page), 0);

  /* Activating the row opens its page over the view. */
  opened = att_closient_page_open_assignment (f->page, 0);
  g_assert_nonnull (opened);
  g_assert_true (att_closient_page_get_visible_page (f->page) == opened);

  /* Saved: the row shows what the server saved. */
  updated = update_directly (f, socks, first, "SAVED-0001");
  g_signal_emit_by_name (opened, "saved", updated);
  shown = att_closient_page_get_assignment (f->page, 0);
  g_assert_cmpstr (att_closient_assignment_get_certificate_number (shown), ==, "SAVED-0001");
  att_closient_page_go_back (f->page);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  att_test_run_for (500);
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->page), is_inscription_showing, "SAVED-0001"));

  /* Removed: the page goes, and the list is read again without it. */
  opened = att_closient_page_open_assignment (f->page, 0);
  att_closient_client_remove_assignment_async (f->closient, socks, att_closient_assignment_get_id (first), NULL,
                                               att_test_store_result, &result);
  g_assert_true (att_closient_client_remove_assignment_finish (f->closient, att_test_await_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_signal_emit_by_name (opened, "removed");
  att_test_wait_until (ATT_TEST_PREDICATE (list_loaded), f, NULL, "the list without it");
  after = shown_ids (f);
  g_assert_cmpuint (after->len, ==, before->len - 1);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpstr (g_ptr_array_index (after, i), !=, att_closient_assignment_get_id (first));
}

/* Logos: loaded once, kept in memory and on disk. */

static gboolean
logo_in_memory (AttClosientLogos *logos,
                gconstpointer     url)
{
  return att_closient_logos_lookup (logos, url) != NULL;
}

static void
test_logos (Fixture      *f,
            gconstpointer data)
{
  AttClosientLogos *logos = att_closient_logos_get_for_context (f->context);
  g_autoptr(GPtrArray) ids = NULL;
  const char      *url = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;

  look_up (f, LONG_GTIN);
  ids = shown_ids (f);
  for (guint i = 0; url == NULL && i < ids->len; i++)
    {
      g_autoptr(AttClosientAssignment) assignment = g_list_model_get_item (att_closient_page_get_model (f->page), i);

      url = att_closient_assignment_get_logo_url (assignment);
      if (url != NULL)
        url = g_intern_string (url);
    }
  g_assert_nonnull (url);
  att_test_wait_until (ATT_TEST_PREDICATE (logo_in_memory), logos, url, "a logo");
  name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  file = g_file_get_child (att_closient_logos_get_cache_dir (logos), name);
  g_assert_true (g_file_query_exists (file, NULL));
}

/* The catalogue */

static gboolean
catalogue_loaded (AttClosientCatalogue *catalogue,
                  gconstpointer         data)
{
  GListModel *model = att_closient_catalogue_get_model (catalogue);
  gboolean    loaded = FALSE;

  if (model == NULL)
    return FALSE;
  g_object_get (model, "loaded", &loaded, NULL);
  return loaded;
}

static void
test_catalogue (Fixture      *f,
                gconstpointer data)
{
  AttClosientCatalogue *catalogue = ATT_CLOSIENT_CATALOGUE (att_closient_page_show_catalogue (f->page));
  guint                 all, organic;

  g_assert_nonnull (catalogue);
  att_test_wait_until (ATT_TEST_PREDICATE (catalogue_loaded), catalogue, NULL, "the catalogue");
  all = g_list_model_get_n_items (att_closient_catalogue_get_model (catalogue));
  g_assert_cmpuint (all, >=, 20);

  att_closient_catalogue_set_search_text (catalogue, "organic");
  att_test_run_for (300);
  att_test_wait_until (ATT_TEST_PREDICATE (catalogue_loaded), catalogue, NULL, "the search");
  organic = g_list_model_get_n_items (att_closient_catalogue_get_model (catalogue));
  g_assert_cmpuint (organic, >, 0);
  g_assert_cmpuint (organic, <, all);

  att_closient_catalogue_set_search_text (catalogue, "");
  att_closient_catalogue_set_kind (catalogue, "bodies");
  att_test_run_for (300);
  att_test_wait_until (ATT_TEST_PREDICATE (catalogue_loaded), catalogue, NULL, "the bodies");
  g_assert_cmpuint (g_list_model_get_n_items (att_closient_catalogue_get_model (catalogue)), >=, 8);

  att_closient_page_go_back (f->page);
  att_test_run_for (500);
  g_assert_true ((gpointer) att_closient_page_get_visible_page (f->page) != (gpointer) catalogue);
}

/* A product's details: its Higg certificates and its Closient
 * certifications. */

static gboolean
details_loaded (GtkWidget    *details,
                gconstpointer data)
{
  AttProductCertificates  *certificates = ATT_PRODUCT_CERTIFICATES (att_test_find_of_type (details, ATT_TYPE_PRODUCT_CERTIFICATES));
  AttClosientProductGroup *closient = ATT_CLOSIENT_PRODUCT_GROUP (att_test_find_of_type (details, ATT_TYPE_CLOSIENT_PRODUCT_GROUP));

  return att_product_certificates_get_loaded (certificates) && att_closient_product_group_get_loaded (closient);
}

static gboolean
is_row_titled (GtkWidget    *widget,
               gconstpointer title)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static void
test_product_details (Fixture      *f,
                      gconstpointer data)
{
  GtkWidget *details = g_object_new (ATT_TYPE_PRODUCT_DETAILS, "context", f->context, NULL);
  g_autoptr(AttProduct) socks = demo_product_named (f, SOCKS_NAME);
  g_autoptr(AttProduct) unknown = demo_product_named (f, UNKNOWN_NAME);
  g_autofree char *socks_gtin = demo_gtin (f, SOCKS_NAME);
  g_autoptr(GListModel) expected = list_directly (f, socks_gtin, NULL);
  AttClosientProductGroup *group;
  GListModel              *higg;
  GtkWidget               *row;

  gtk_window_set_child (f->window, details);
  group = ATT_CLOSIENT_PRODUCT_GROUP (att_test_find_of_type (details, ATT_TYPE_CLOSIENT_PRODUCT_GROUP));

  /* Both services for one product. */
  att_product_details_set_product (ATT_PRODUCT_DETAILS (details), socks);
  att_test_wait_until (ATT_TEST_PREDICATE (details_loaded), details, NULL, "both services");
  higg = att_product_certificates_get_certificates (
    ATT_PRODUCT_CERTIFICATES (att_test_find_of_type (details, ATT_TYPE_PRODUCT_CERTIFICATES)));
  g_assert_cmpuint (g_list_model_get_n_items (higg), >, 0);
  g_assert_cmpstr (att_closient_product_group_get_gtin (group), ==, socks_gtin);
  g_assert_cmpuint (g_list_model_get_n_items (att_closient_product_group_get_assignments (group)), ==,
                    g_list_model_get_n_items (expected));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  {
    g_autoptr(AttClosientAssignment) first = g_list_model_get_item (expected, 0);

    row = att_test_find_widget (details, is_row_titled, att_closient_assignment_get_label (first));
    g_assert_nonnull (row);
  }

  /* A row opens the Closient view on the GTIN. */
  g_signal_emit_by_name (row, "activate");
  spin ();
  g_assert_cmpstr (f->shown_gtin, ==, socks_gtin);

  /* Not on Closient, said plainly. */
  att_product_details_set_product (ATT_PRODUCT_DETAILS (details), unknown);
  att_test_wait_until (ATT_TEST_PREDICATE (details_loaded), details, NULL, "the unknown product");
  g_assert_cmpuint (g_list_model_get_n_items (att_closient_product_group_get_assignments (group)), ==, 0);
  g_assert_nonnull (strstr (att_closient_product_group_get_status_text (group), "not on Closient"));

  /* No Closient account, said plainly too. */
  att_context_set_closient_client (f->context, NULL);
  att_test_wait_until (ATT_TEST_PREDICATE (details_loaded), details, NULL, "no account");
  g_assert_nonnull (strstr (att_closient_product_group_get_status_text (group), "No Closient account"));
}

/* An account's client: the first Closient account, its key from the
 * secret store (in memory here, as when the keyring is not there). */

static AttClosientClient *
connect_account (Fixture         *f,
                 AttAccountStore *accounts,
                 GError         **error)
{
  GAsyncResult      *result = NULL;
  AttClosientClient *client;

  att_closient_connect_account_async (f->http, accounts, NULL, att_test_store_result, &result);
  client = att_closient_connect_account_finish (att_test_await_result (&result), error);
  g_clear_object (&result);
  return client;
}

static void
test_connect_account (Fixture      *f,
                      gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("attest-closient-accounts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "accounts.ini", NULL);
  g_autoptr(AttSecretStore) secrets = att_secret_store_new ();
  g_autoptr(AttAccountStore) accounts = NULL;
  g_autoptr(AttAccount) higg = att_account_new (ATT_SERVICE_HIGG, "Higg", att_sandbox_get_base_url (f->sandbox));
  g_autoptr(AttAccount) closient = NULL;
  g_autoptr(AttClosientClient) client = NULL;
  g_autoptr(AttClosientProduct) product = NULL;
  g_autofree char *socks = demo_gtin (f, SOCKS_NAME);
  GAsyncResult    *result = NULL;
  g_autoptr(GError) error = NULL;

  att_secret_store_set_session_only (secrets, TRUE);
  accounts = att_account_store_new (path, secrets);
  att_account_store_add (accounts, higg);

  /* No Closient account: no client, and nothing wrong. */
  client = connect_account (f, accounts, &error);
  g_assert_no_error (error);
  g_assert_null (client);

  /* One, whose key is in the store: a client on its address. */
  closient = att_account_new (ATT_SERVICE_CLOSIENT, "Closient", att_sandbox_get_base_url (f->sandbox));
  att_account_store_add (accounts, closient);
  att_secret_store_store_async (secrets, att_account_get_id (closient), ATT_SECRET_CLOSIENT_API_KEY,
                                att_sandbox_get_closient_api_key (f->sandbox, ATT_CLOSIENT_KEY_BUSINESS), NULL,
                                att_test_store_result, &result);
  g_assert_true (att_secret_store_store_finish (secrets, att_test_await_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  client = connect_account (f, accounts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (client);
  g_assert_cmpstr (att_closient_client_get_base_url (client), ==, att_sandbox_get_base_url (f->sandbox));

  /* The key is the one the server takes. */
  att_closient_client_get_product_async (client, socks, NULL, att_test_store_result, &result);
  product = att_closient_client_get_product_finish (client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (att_closient_product_get_gtin (product), ==, socks);

  att_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/closient-page/check-digit", Fixture, NULL, fixture_setup, test_check_digit, fixture_teardown);
  g_test_add ("/closient-page/recent", Fixture, NULL, fixture_setup, test_recent, fixture_teardown);
  g_test_add ("/closient-page/lookup", Fixture, NULL, fixture_setup, test_lookup, fixture_teardown);
  g_test_add ("/closient-page/filters", Fixture, NULL, fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/closient-page/pages", Fixture, NULL, fixture_setup, test_pages, fixture_teardown);
  g_test_add ("/closient-page/rate-limit", Fixture, NULL, fixture_setup, test_rate_limit, fixture_teardown);
  g_test_add ("/closient-page/no-account", Fixture, "no-account", fixture_setup, test_no_account, fixture_teardown);
  g_test_add ("/closient-page/saved-and-removed", Fixture, NULL, fixture_setup, test_saved_and_removed,
              fixture_teardown);
  g_test_add ("/closient-page/logos", Fixture, NULL, fixture_setup, test_logos, fixture_teardown);
  g_test_add ("/closient-page/catalogue", Fixture, NULL, fixture_setup, test_catalogue, fixture_teardown);
  g_test_add ("/closient-page/product-details", Fixture, "product", fixture_setup, test_product_details,
              fixture_teardown);
  g_test_add ("/closient-page/connect-account", Fixture, "no-account", fixture_setup, test_connect_account,
              fixture_teardown);

  return g_test_run ();
}
