/* test-closient-assignment-page.c: a Closient certification's page against
 * the sandbox's demo data, under Xvfb: edits saved as a minimal PATCH,
 * dates cleared, Closient's refusals on their fields, a failed save kept
 * and retried, the draft offered back, Remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <zlib.h>

#include "att-closient-assignment-page.h"
#include "att-closient-assignment.h"
#include "att-closient-client.h"
#include "att-closient-key.h"
#include "att-closient-metadata-row.h"
#include "att-closient-metadata.h"
#include "att-closient-patch.h"
#include "att-closient-metadata-rows.h"
#include "att-context.h"
#include "att-country-chooser.h"
#include "att-date-row.h"
#include "att-draft-store.h"
#include "att-draft.h"
#include "att-http.h"
#include "att-sandbox.h"
#include "att-test-utils.h"
#include "att-test-widgets.h"

/* The demo product with sixty certifications. */
#define GTIN "09506000134352"

/* A demo metadata key of the verified, active assignments. */
#define SUPPLIER_KEY "supplier_id"

typedef struct
{
  AttSandbox            *sandbox;
  AttHttp               *http;
  AttHiggClient         *client;
  AttClosientClient     *closient;
  AttContext            *context;
  AttDraftStore         *drafts;
  char                  *drafts_dir;
  GtkWindow             *window;
  GtkWidget             *page;
  AttClosientAssignment *assignment;
  AttClosientAssignment *saved;
  guint                  n_saved;
  guint                  n_removed;
  GString               *patch_body; /* the last PATCH's body, as sent */
  gboolean               in_patch;
} Fixture;

/* --- What was sent --------------------------------------------------------- */

/* The logger sees every request; the test keeps only the body of the last
 * PATCH, in memory (the headers carry the API key: never printed). */
static void
log_printer (SoupLogger        *logger,
             SoupLoggerLogLevel level,
             char               direction,
             const char        *data,
             gpointer           user_data)
{
  Fixture *f = user_data;

  if (direction == '>' && level == SOUP_LOGGER_LOG_MINIMAL && strstr (data, " HTTP/1.") != NULL)
    {
      f->in_patch = g_str_has_prefix (data, "PATCH ");
      if (f->in_patch)
        g_string_truncate (f->patch_body, 0);
    }
  else if (direction == '>' && level == SOUP_LOGGER_LOG_BODY && f->in_patch)
    g_string_append (f->patch_body, data);
  else if (direction == '<')
    f->in_patch = FALSE;
}

static void
watch_requests (Fixture *f)
{
  g_autoptr(SoupLogger) logger = soup_logger_new (SOUP_LOGGER_LOG_BODY);

  soup_logger_set_max_body_size (logger, 64 * 1024);
  soup_logger_set_printer (logger, log_printer, f, NULL);
  soup_session_add_feature (att_http_get_session (f->http), SOUP_SESSION_FEATURE (logger));
}

/* The last PATCH's body, compared as JSON. */
static void
assert_patch_body (Fixture    *f,
                   const char *expected)
{
  g_autoptr(JsonNode) sent = NULL;
  g_autoptr(JsonNode) wanted = att_test_parse_value (expected);

  if (f->patch_body->len == 0)
    g_error ("no PATCH was sent; %s was expected", expected);
  sent = att_test_parse_value (f->patch_body->str);
  if (!json_node_equal (sent, wanted))
    g_error ("the PATCH sent %s, not %s", f->patch_body->str, expected);
}

/* --- Set-up ---------------------------------------------------------------- */

static GListModel *
list_directly (Fixture *f)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;

  att_closient_client_list_certifications_async (f->closient, GTIN, NULL, NULL, att_test_store_result, &result);
  list = att_closient_client_list_certifications_finish (f->closient, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  return list;
}

/* The assignment of @id as the sandbox has it now, or %NULL. */
static AttClosientAssignment *
read_back (Fixture    *f,
           const char *id)
{
  g_autoptr(GListModel) list = list_directly (f);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AttClosientAssignment) assignment = g_list_model_get_item (list, i);

      if (g_str_equal (att_closient_assignment_get_id (assignment), id))
        return g_steal_pointer (&assignment);
    }
  return NULL;
}

/* A verified, active assignment of the demo: it has metadata and dates. */
static AttClosientAssignment *
pick_assignment (Fixture *f)
{
  g_autoptr(GListModel) list = list_directly (f);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AttClosientAssignment) assignment = g_list_model_get_item (list, i);

      if (g_hash_table_contains (att_closient_assignment_get_metadata (assignment), SUPPLIER_KEY) &&
          att_closient_assignment_get_valid_from (assignment) != NULL &&
          att_closient_assignment_get_expiration_date (assignment) != NULL)
        return g_steal_pointer (&assignment);
    }
  g_error ("no demo assignment of %s has %s and dates", GTIN, SUPPLIER_KEY);
}

static void
on_saved (GtkWidget             *page,
          AttClosientAssignment *updated,
          Fixture               *f)
{
  g_set_object (&f->saved, updated);
  f->n_saved++;
}

static void
on_removed (GtkWidget *page,
            Fixture   *f)
{
  f->n_removed++;
}

/* A page's draft is written a moment after the last edit, even once the
 * page is gone: write it now, so that it does not land in the drafts
 * directory after the test has removed it. */
static void
flush_page (Fixture *f)
{
  GAsyncResult *result = NULL;

  att_closient_assignment_page_flush_draft_async (ATT_CLOSIENT_ASSIGNMENT_PAGE (f->page), NULL, att_test_store_result,
                                                  &result);
  att_closient_assignment_page_flush_draft_finish (ATT_CLOSIENT_ASSIGNMENT_PAGE (f->page),
                                                   att_test_await_result (&result), NULL);
  g_object_unref (result);
}

static void
open_page (Fixture *f)
{
  if (f->page != NULL)
    {
      flush_page (f);
      gtk_window_set_child (f->window, NULL);
    }
  f->page = att_closient_assignment_page_new (f->context, GTIN, f->assignment);
  g_signal_connect (f->page, "saved", G_CALLBACK (on_saved), f);
  g_signal_connect (f->page, "removed", G_CALLBACK (on_removed), f);
  gtk_window_set_child (f->window, f->page);
  gtk_test_widget_wait_for_draw (f->page);
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (f->sandbox, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (f->sandbox, &f->http, &f->client, &f->context);
  /* A failure injected must be seen, not retried away. */
  att_http_set_retry_policy (f->http, 0, 0);
  f->closient = att_closient_client_new (f->http, att_sandbox_get_base_url (f->sandbox),
                                         att_sandbox_get_closient_api_key (f->sandbox, ATT_CLOSIENT_KEY_BUSINESS));
  att_context_set_closient_client (f->context, f->closient);
  f->drafts_dir = g_dir_make_tmp ("attest-assignment-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  f->drafts = att_draft_store_new_for_path (f->drafts_dir);
  att_context_set_draft_store (f->context, f->drafts);
  att_context_set_account_id (f->context, "test");
  f->patch_body = g_string_new (NULL);
  watch_requests (f);

  f->assignment = pick_assignment (f);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 1000);
  gtk_window_present (f->window);
  open_page (f);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  flush_page (f);
  gtk_window_destroy (f->window);
  g_clear_object (&f->assignment);
  g_clear_object (&f->saved);
  g_clear_object (&f->context);
  g_clear_object (&f->closient);
  /* Let the drafts' writes in flight finish before their store goes. */
  att_test_run_for (50);
  g_clear_object (&f->drafts);
  att_test_sandbox_disconnect (&f->sandbox, &f->http, &f->client);
  att_test_remove_dir (f->drafts_dir);
  g_free (f->drafts_dir);
  g_string_free (f->patch_body, TRUE);
}

/* --- Finding what is on screen ------------------------------------------- */

static gboolean
is_row_titled (GtkWidget    *widget,
               gconstpointer title)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
find_row (Fixture    *f,
          const char *title)
{
  return att_test_find_widget (f->page, is_row_titled, title);
}

static GtkWidget *
row (Fixture    *f,
     const char *title)
{
  GtkWidget *found = find_row (f, title);

  if (found == NULL)
    g_error ("no row “%s” on screen", title);
  return found;
}

static gboolean
is_label_containing (GtkWidget    *widget,
                     gconstpointer part)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), part) != NULL;
}

static gboolean
label_shown (GtkWidget  *root,
             const char *part)
{
  return att_test_find_widget (root, is_label_containing, part) != NULL;
}

static gboolean
is_visible_button (GtkWidget    *widget,
                   gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
button (Fixture    *f,
        const char *label)
{
  GtkWidget *found = att_test_find_widget (f->page, is_visible_button, label);

  if (found == NULL)
    g_error ("no button “%s” on screen", label);
  return found;
}

/* The message under a field's row: the label of the row after it. */
static const char *
message_under (Fixture    *f,
               const char *title)
{
  GtkWidget *next = gtk_widget_get_next_sibling (row (f, title));
  GtkWidget *label;

  if (next == NULL || !gtk_widget_get_visible (next))
    return NULL;
  label = att_test_find_of_type (next, GTK_TYPE_LABEL);
  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static AttClosientMetadataRows *
metadata_rows (Fixture *f)
{
  return ATT_CLOSIENT_METADATA_ROWS (att_test_find_of_type (f->page, ATT_TYPE_CLOSIENT_METADATA_ROWS));
}

/* The form's row of @key (the summary has a row of that title too). */
static AttClosientMetadataRow *
metadata_row (Fixture    *f,
              const char *key)
{
  GtkWidget *found = att_test_find_widget (GTK_WIDGET (metadata_rows (f)), is_row_titled, key);

  if (found == NULL)
    g_error ("no metadata row “%s” on screen", key);
  return ATT_CLOSIENT_METADATA_ROW (found);
}

/* The key's and the value's entries of a metadata row. */
static GtkEditable *
metadata_entry (Fixture    *f,
                const char *key,
                guint       which)
{
  GtkWidget *entry = att_test_find_of_type (GTK_WIDGET (metadata_row (f, key)), GTK_TYPE_ENTRY);

  for (guint i = 0; i < which; i++)
    entry = gtk_widget_get_next_sibling (entry);
  return GTK_EDITABLE (entry);
}

static gboolean
is_metadata_group_message (GtkWidget    *widget,
                           gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") && gtk_widget_is_drawable (widget) &&
         gtk_widget_get_ancestor (widget, ATT_TYPE_CLOSIENT_METADATA_ROWS) != NULL &&
         gtk_widget_get_ancestor (widget, ATT_TYPE_CLOSIENT_METADATA_ROW) == NULL;
}

/* --- Doing what a user does ------------------------------------------------ */

/* Lets the checks' and the drafts' timers run. */
static void
settle (void)
{
  att_test_run_for (150);
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (f->page, action, NULL));
}

static void
edit (Fixture *f)
{
  activate (f, "assignment.edit");
  g_assert_true (att_closient_assignment_page_get_editing (ATT_CLOSIENT_ASSIGNMENT_PAGE (f->page)));
  gtk_test_widget_wait_for_draw (f->page);
}

static gboolean
not_busy (Fixture      *f,
          gconstpointer data)
{
  return !att_closient_assignment_page_get_busy (ATT_CLOSIENT_ASSIGNMENT_PAGE (f->page));
}

/* Ctrl+S's action, and the answer waited for. */
static void
save (Fixture *f)
{
  settle ();
  activate (f, "assignment.save");
  att_test_wait_until (ATT_TEST_PREDICATE (not_busy), f, NULL, "Closient's answer");
  gtk_test_widget_wait_for_draw (f->page);
}

static void
set_metadata_value (Fixture    *f,
                    const char *key,
                    const char *value)
{
  gtk_editable_set_text (metadata_entry (f, key, 1), value);
}

static AttDateRow *
date_row (Fixture    *f,
          const char *title)
{
  return ATT_DATE_ROW (row (f, title));
}

/* The day after @date, so that an edit is always a change. */
static char *
next_day (const char *date)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) next = NULL;
  int year, month, mday;

  g_assert_true (att_date_row_parse (date, &year, &month, &mday));
  day = g_date_time_new_utc (year, month, mday, 0, 0, 0);
  next = g_date_time_add_days (day, 1);
  return g_date_time_format (next, "%Y-%m-%d");
}

/* --- Tests ------------------------------------------------------------------ */

/* Every field is shown, expiry_date read only with the reason. */
static void
test_summary (Fixture      *f,
              gconstpointer data)
{
  const char *number = att_closient_assignment_get_certificate_number (f->assignment);
  GtkWidget  *expiry;

  g_assert_true (label_shown (f->page, att_closient_assignment_get_label (f->assignment)));
  g_assert_true (label_shown (f->page, number));
  g_assert_true (label_shown (f->page, "SUP-0042"));
  g_assert_nonnull (row (f, "Valid From"));
  g_assert_nonnull (row (f, "Active Now"));
  expiry = row (f, "Expiry on the Certificate");
  g_assert_true (strstr (gtk_widget_get_tooltip_text (expiry), "Read-only") != NULL);
  /* Countries with their names (the names are read in a worker). */
  if (att_closient_assignment_get_certificate_countries (f->assignment)[0] != NULL)
    {
      settle ();
      g_assert_nonnull (att_test_find_widget (f->page, is_label_containing,
                                              att_closient_assignment_get_certificate_countries (f->assignment)[0]));
    }

  edit (f);
  /* The form holds what Closient has. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (f, "Certificate _Number"))), ==, number);
  g_assert_cmpstr (att_date_row_get_date (date_row (f, "Valid _From")), ==,
                   att_closient_assignment_get_valid_from (f->assignment));
  g_assert_cmpstr (gtk_editable_get_text (metadata_entry (f, SUPPLIER_KEY, 1)), ==, "SUP-0042");

  /* Escape with nothing changed leaves the form at once. */
  activate (f, "assignment.cancel");
  g_assert_false (att_closient_assignment_page_get_editing (ATT_CLOSIENT_ASSIGNMENT_PAGE (f->page)));
}

/* A metadata value and a date edited: the PATCH carries those two alone,
 * the metadata as the merge of one key; the sandbox then has the edit, the
 * page shows the answer and says so with "saved". */
static void
test_edit_and_save (Fixture      *f,
                    gconstpointer data)
{
  const char      *id = att_closient_assignment_get_id (f->assignment);
  g_autofree char *until = next_day (att_closient_assignment_get_expiration_date (f->assignment));
  g_autofree char *expected = NULL;
  g_autoptr(AttClosientAssignment) after = NULL;
  GHashTable *metadata;

  edit (f);
  set_metadata_value (f, SUPPLIER_KEY, "SUP-0777");
  att_date_row_set_date (date_row (f, "Valid _Until"), until);
  save (f);

  g_assert_cmpuint (f->n_saved, ==, 1);
  expected = g_strdup_printf ("{\"expiration_date\": \"%s\", \"metadata\": {\"" SUPPLIER_KEY "\": \"SUP-0777\"}}",
                              until);
  assert_patch_body (f, expected);

  after = read_back (f, id);
  g_assert_nonnull (after);
  g_assert_cmpstr (att_closient_assignment_get_expiration_date (after), ==, until);
  metadata = att_closient_assignment_get_metadata (after);
  g_assert_cmpstr (g_hash_table_lookup (metadata, SUPPLIER_KEY), ==, "SUP-0777");
  /* The other key is untouched: a merge, not a replacement. */
  g_assert_cmpuint (g_hash_table_size (metadata), ==,
                    g_hash_table_size (att_closient_assignment_get_metadata (f->assignment)));
  g_assert_cmpstr (att_closient_assignment_get_certificate_number (after), ==,
                   att_closient_assignment_get_certificate_number (f->assignment));

  /* The page shows the server's answer, read only again. */
  g_assert_false (att_closient_assignment_page_get_editing (ATT_CLOSIENT_ASSIGNMENT_PAGE (f->page)));
  g_assert_cmpstr (att_closient_assignment_get_expiration_date (f->saved), ==, until);
  g_assert_true (att_closient_assignment_page_get_assignment (ATT_CLOSIENT_ASSIGNMENT_PAGE (f->page)) == f->saved);
  g_assert_true (label_shown (f->page, "SUP-0777"));
}

static gboolean
is_button_with_tooltip (GtkWidget    *widget,
                        gconstpointer tooltip)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* Clear sends null, and the sandbox's date is gone. */
static void
test_clear_date (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(AttClosientAssignment) after = NULL;
  GtkWidget *clear;

  edit (f);
  clear = att_test_find_widget (row (f, "Valid _From"), is_button_with_tooltip, "Clear the Date");
  g_assert_nonnull (clear);
  g_signal_emit_by_name (clear, "clicked");
  g_assert_null (att_date_row_get_date (date_row (f, "Valid _From")));
  save (f);

  g_assert_cmpuint (f->n_saved, ==, 1);
  assert_patch_body (f, "{\"valid_from\": null}");
  after = read_back (f, att_closient_assignment_get_id (f->assignment));
  g_assert_null (att_closient_assignment_get_valid_from (after));
  g_assert_cmpstr (att_closient_assignment_get_expiration_date (after), ==,
                   att_closient_assignment_get_expiration_date (f->assignment));
}

/* Changes Closient's copy behind the page's back, as another user would. */
static void
patch_directly (Fixture          *f,
                AttClosientPatch *patch)
{
  g_autoptr(AttClosientAssignment) updated = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  att_closient_client_update_assignment_async (f->closient, GTIN, att_closient_assignment_get_id (f->assignment), patch,
                                               NULL, att_test_store_result, &result);
  updated = att_closient_client_update_assignment_finish (f->closient, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
}

/* The draft of the page's assignment, if it is on disk. */
static AttDraft *
load_draft (Fixture *f)
{
  g_autofree char *id = g_strdup_printf ("%s/%s", GTIN, att_closient_assignment_get_id (f->assignment));
  GAsyncResult    *result = NULL;
  AttDraft        *draft;

  att_draft_store_load_async (f->drafts, "closient-assignment", "test", id, NULL, att_test_store_result, &result);
  draft = att_draft_store_load_finish (f->drafts, att_test_await_result (&result), NULL);
  g_clear_object (&result);
  return draft;
}

static gboolean
draft_with_error (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(AttDraft) draft = load_draft (f);

  return draft != NULL && att_draft_get_save_error (draft) != NULL;
}

/* A 422 on the metadata: Closient had 50 keys already (added meanwhile,
 * which the page could not know), so a 51st is refused; the message is
 * on the metadata, the edit stays, and so does its draft, with the
 * reason. */
static void
test_refused_metadata (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(AttClosientPatch) fill = att_closient_patch_new (f->assignment);
  g_autoptr(GHashTable) fifty = att_closient_metadata_copy (att_closient_assignment_get_metadata (f->assignment));
  GtkWidget *new_row;
  GtkWidget *group_message;

  for (guint i = 0; g_hash_table_size (fifty) < 50; i++)
    g_hash_table_insert (fifty, g_strdup_printf ("k%02u", i), g_strdup ("v"));
  att_closient_patch_set_metadata (fill, fifty);
  patch_directly (f, fill);

  edit (f);
  new_row = att_closient_metadata_rows_add_row (metadata_rows (f), "batch", "B-17");
  g_signal_emit_by_name (new_row, "changed");
  save (f);

  g_assert_cmpuint (f->n_saved, ==, 0);
  assert_patch_body (f, "{\"metadata\": {\"batch\": \"B-17\"}}");
  group_message = att_test_find_widget (f->page, is_metadata_group_message, NULL);
  g_assert_nonnull (group_message);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (group_message)), !=, "");
  g_assert_true (label_shown (f->page, "the fields it refused are marked"));
  g_assert_true (att_closient_assignment_page_get_editing (ATT_CLOSIENT_ASSIGNMENT_PAGE (f->page)));
  g_assert_cmpstr (att_closient_metadata_row_get_value (metadata_row (f, "batch")), ==, "B-17");
  att_test_wait_until (ATT_TEST_PREDICATE (draft_with_error), f, NULL, "the draft with the reason");

  /* The next edit is the user's answer: the server's word goes. */
  gtk_editable_set_text (metadata_entry (f, "batch", 1), "B-18");
  settle ();
  g_assert_null (att_test_find_widget (f->page, is_metadata_group_message, NULL));
}

/* A 422 on a date: Closient's start moved past the end typed meanwhile,
 * so the end is refused, under Valid Until. */
static void
test_refused_date (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(AttClosientPatch) move = att_closient_patch_new (f->assignment);
  g_autofree char *end = next_day (att_closient_assignment_get_expiration_date (f->assignment));
  g_autofree char *start = next_day (end);
  g_autofree char *later_end = next_day (start);

  att_closient_patch_set_date (move, "valid_from", start);
  att_closient_patch_set_date (move, "expiration_date", later_end);
  patch_directly (f, move);

  edit (f);
  g_assert_null (message_under (f, "Valid _Until"));
  att_date_row_set_date (date_row (f, "Valid _Until"), end);
  save (f);

  g_assert_cmpuint (f->n_saved, ==, 0);
  g_assert_nonnull (message_under (f, "Valid _Until"));
  g_assert_true (gtk_widget_has_css_class (row (f, "Valid _Until"), "error"));
  g_assert_cmpstr (att_date_row_get_date (date_row (f, "Valid _Until")), ==, end);
}

/* Injects a failure of the next @count requests to the assignment. */
static void
fail_assignment_route (Fixture *f,
                       guint    status,
                       guint    count)
{
  g_autofree char *path = g_strdup_printf ("/certifications/api/v1/products/%s/certifications/%s", GTIN,
                                           att_closient_assignment_get_id (f->assignment));

  att_sandbox_inject_failure_path (f->sandbox, status, count, path);
}

/* A 500: a clear message and Retry, the edits kept in the form and on
 * disk; Retry then saves them. */
static void
test_server_error_then_retry (Fixture      *f,
                              gconstpointer data)
{
  g_autoptr(AttClosientAssignment) after = NULL;

  fail_assignment_route (f, 500, 1);
  edit (f);
  gtk_editable_set_text (GTK_EDITABLE (row (f, "Sco_pe")), "Organic T-shirts, all sizes");
  save (f);

  g_assert_cmpuint (f->n_saved, ==, 0);
  g_assert_true (label_shown (f->page, "Closient had a problem"));
  g_assert_true (label_shown (f->page, "Your changes are kept"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (f, "Sco_pe"))), ==, "Organic T-shirts, all sizes");
  att_test_wait_until (ATT_TEST_PREDICATE (draft_with_error), f, NULL, "the draft with the reason");
  after = read_back (f, att_closient_assignment_get_id (f->assignment));
  g_assert_cmpstr (att_closient_assignment_get_scope (after), ==, att_closient_assignment_get_scope (f->assignment));

  g_signal_emit_by_name (button (f, "_Retry"), "clicked");
  att_test_wait_until (ATT_TEST_PREDICATE (not_busy), f, NULL, "Closient's answer");
  g_assert_cmpuint (f->n_saved, ==, 1);
  assert_patch_body (f, "{\"scope\": \"Organic T-shirts, all sizes\"}");
  g_clear_object (&after);
  after = read_back (f, att_closient_assignment_get_id (f->assignment));
  g_assert_cmpstr (att_closient_assignment_get_scope (after), ==, "Organic T-shirts, all sizes");
}

static gboolean
draft_on_disk (Fixture      *f,
               gconstpointer wanted)
{
  g_autoptr(AttDraft) draft = load_draft (f);

  return (draft != NULL) == GPOINTER_TO_INT (wanted);
}

static gboolean
draft_offered (Fixture      *f,
               gconstpointer data)
{
  return label_shown (f->page, "Unsaved changes from");
}

/* Edits are written to a draft as they are typed; a new page of the same
 * assignment offers them back; Restore brings them into the form, and
 * Discard deletes the draft. */
static void
test_draft_offered_back (Fixture      *f,
                         gconstpointer data)
{
  edit (f);
  set_metadata_value (f, SUPPLIER_KEY, "SUP-DRAFT");
  gtk_editable_set_text (GTK_EDITABLE (row (f, "Certification _Value")), "Draft value");
  att_test_wait_until (ATT_TEST_PREDICATE (draft_on_disk), f, GINT_TO_POINTER (TRUE), "the draft on disk");

  /* The page goes, unsaved (the window closed, Attest quit). */
  open_page (f);
  att_test_wait_until (ATT_TEST_PREDICATE (draft_offered), f, NULL, "the draft offered");
  g_assert_false (att_closient_assignment_page_get_editing (ATT_CLOSIENT_ASSIGNMENT_PAGE (f->page)));
  g_signal_emit_by_name (button (f, "_Restore"), "clicked");
  gtk_test_widget_wait_for_draw (f->page);
  g_assert_true (att_closient_assignment_page_get_editing (ATT_CLOSIENT_ASSIGNMENT_PAGE (f->page)));
  g_assert_cmpstr (gtk_editable_get_text (metadata_entry (f, SUPPLIER_KEY, 1)), ==, "SUP-DRAFT");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (f, "Certification _Value"))), ==, "Draft value");

  /* Once more, and Discard: the draft goes. */
  open_page (f);
  att_test_wait_until (ATT_TEST_PREDICATE (draft_offered), f, NULL, "the draft offered again");
  g_signal_emit_by_name (button (f, "_Discard"), "clicked");
  att_test_wait_until (ATT_TEST_PREDICATE (draft_on_disk), f, GINT_TO_POINTER (FALSE), "the draft deleted");
  g_assert_false (draft_offered (f, NULL));
}

/* A save deletes the draft. */
static void
test_saved_draft_deleted (Fixture      *f,
                          gconstpointer data)
{
  edit (f);
  gtk_editable_set_text (GTK_EDITABLE (row (f, "_Issuing Body")), "Control Union Certifications");
  att_test_wait_until (ATT_TEST_PREDICATE (draft_on_disk), f, GINT_TO_POINTER (TRUE), "the draft on disk");
  save (f);
  g_assert_cmpuint (f->n_saved, ==, 1);
  att_test_wait_until (ATT_TEST_PREDICATE (draft_on_disk), f, GINT_TO_POINTER (FALSE), "the draft deleted");
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer      data,
              gconstpointer unused)
{
  return find_dialog () != NULL;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  att_test_wait_until (dialog_shown, NULL, NULL, "a dialog");
  return find_dialog ();
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
removed_once (Fixture      *f,
              gconstpointer data)
{
  return f->n_removed == 1;
}

/* Remove asks first, naming the certification and the GTIN; Cancel keeps
 * it; Remove deletes it, and "removed" says so. */
static void
test_remove (Fixture      *f,
             gconstpointer data)
{
  const char      *id = att_closient_assignment_get_id (f->assignment);
  g_autofree char *heading = g_strdup_printf ("Remove “%s” from %s?", att_closient_assignment_get_label (f->assignment),
                                              GTIN);
  g_autoptr(AttClosientAssignment) still = NULL;
  g_autoptr(AttClosientAssignment) gone = NULL;
  AdwMessageDialog *dialog;

  activate (f, "assignment.remove");
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "stays in Closient’s catalogue") != NULL);
  respond (dialog, "cancel");
  settle ();
  still = read_back (f, id);
  g_assert_nonnull (still);
  g_assert_cmpuint (f->n_removed, ==, 0);

  activate (f, "assignment.remove");
  respond (wait_for_dialog (), "remove");
  att_test_wait_until (ATT_TEST_PREDICATE (removed_once), f, NULL, "the removal");
  gone = read_back (f, id);
  g_assert_null (gone);
}

/* A 401: the key is refused, and a button opens the accounts. */
static void
test_key_refused (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(AttClosientClient) stranger = NULL;
  g_autofree char *key = NULL;

  /* A well-formed key (its checksum right) that the sandbox never issued. */
  key = g_strdup (att_sandbox_get_closient_api_key (f->sandbox, ATT_CLOSIENT_KEY_BUSINESS));
  key[4] = key[4] == 'A' ? 'B' : 'A';
  {
    guint32          crc = (guint32) crc32 (0L, (const Bytef *) key + 4, 32);
    g_autofree char *tail = g_strdup_printf ("%08x", crc);

    memcpy (key + 37, tail, 8);
  }
  stranger = att_closient_client_new (f->http, att_sandbox_get_base_url (f->sandbox), key);
  att_context_set_closient_client (f->context, stranger);

  edit (f);
  gtk_editable_set_text (GTK_EDITABLE (row (f, "Sco_pe")), "Any");
  save (f);
  g_assert_true (label_shown (f->page, "Closient refused the API key"));
  g_assert_nonnull (button (f, "_Open Accounts"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button (f, "_Open Accounts"))), ==,
                   "app.preferences");
}

/* A key that may not write, of a user whose organisation's owner must act:
 * the page says to ask an owner, and offers no Retry. */
static void
test_owner_action_required (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(AttClosientClient) user = att_closient_client_new (
    f->http, att_sandbox_get_base_url (f->sandbox), att_sandbox_get_closient_api_key (f->sandbox, ATT_CLOSIENT_KEY_USER));
  g_autoptr(GError) error = NULL;

  g_assert_true (att_sandbox_configure_closient (f->sandbox, "{\"readOnlyKeys\": true}", &error));
  g_assert_no_error (error);
  att_context_set_closient_client (f->context, user);

  edit (f);
  gtk_editable_set_text (GTK_EDITABLE (row (f, "Sco_pe")), "Any");
  save (f);
  g_assert_true (label_shown (f->page, "Ask an organisation owner"));
  g_assert_null (att_test_find_widget (f->page, is_visible_button, "_Retry"));
}

/* Closient's limits are checked as the user types, each message on its
 * row; Save then says why it cannot save, and sends nothing. */
static void
test_live_limits (Fixture      *f,
                  gconstpointer data)
{
  g_autofree char *long_value = g_strnfill (501, 'x');
  g_autofree char *key41 = g_strnfill (41, 'k');
  GtkWidget       *new_row;

  edit (f);
  g_string_assign (f->patch_body, "");
  set_metadata_value (f, SUPPLIER_KEY, long_value);
  settle ();
  g_assert_nonnull (att_closient_metadata_row_get_message (metadata_row (f, SUPPLIER_KEY)));

  new_row = att_closient_metadata_rows_add_row (metadata_rows (f), key41, "v");
  g_signal_emit_by_name (new_row, "changed");
  settle ();
  g_assert_nonnull (att_closient_metadata_row_get_message (ATT_CLOSIENT_METADATA_ROW (new_row)));

  activate (f, "assignment.save");
  settle ();
  g_assert_false (att_closient_assignment_page_get_busy (ATT_CLOSIENT_ASSIGNMENT_PAGE (f->page)));
  g_assert_true (label_shown (f->page, "Cannot save: 2 problems to fix"));
  g_assert_cmpstr (f->patch_body->str, ==, "");

  /* Fixed, the messages go as the user types. */
  set_metadata_value (f, SUPPLIER_KEY, "SUP-0042");
  gtk_editable_set_text (metadata_entry (f, key41, 0), "short_key");
  settle ();
  g_assert_null (att_closient_metadata_row_get_message (metadata_row (f, SUPPLIER_KEY)));
  g_assert_null (att_closient_metadata_row_get_message (ATT_CLOSIENT_METADATA_ROW (new_row)));
  g_assert_false (label_shown (f->page, "Cannot save"));
}

/* Escape with changes asks before throwing them away. */
static void
test_escape_asks (Fixture      *f,
                  gconstpointer data)
{
  edit (f);
  gtk_editable_set_text (GTK_EDITABLE (row (f, "Sco_pe")), "Changed");
  att_test_wait_until (ATT_TEST_PREDICATE (draft_on_disk), f, GINT_TO_POINTER (TRUE), "the draft on disk");
  activate (f, "assignment.cancel");
  respond (wait_for_dialog (), "keep");
  g_assert_true (att_closient_assignment_page_get_editing (ATT_CLOSIENT_ASSIGNMENT_PAGE (f->page)));
  activate (f, "assignment.cancel");
  respond (wait_for_dialog (), "discard");
  g_assert_false (att_closient_assignment_page_get_editing (ATT_CLOSIENT_ASSIGNMENT_PAGE (f->page)));
  /* An explicit Discard: the draft goes too. */
  att_test_wait_until (ATT_TEST_PREDICATE (draft_on_disk), f, GINT_TO_POINTER (FALSE), "the draft deleted");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Banners and pages appear at once: what is on screen is what the
   * page chose, not a frame of a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(name, func) \
  g_test_add ("/closient-assignment-page/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("summary", test_summary);
  ADD ("edit-and-save", test_edit_and_save);
  ADD ("clear-date", test_clear_date);
  ADD ("refused-metadata", test_refused_metadata);
  ADD ("refused-date", test_refused_date);
  ADD ("server-error-then-retry", test_server_error_then_retry);
  ADD ("draft-offered-back", test_draft_offered_back);
  ADD ("saved-draft-deleted", test_saved_draft_deleted);
  ADD ("remove", test_remove);
  ADD ("key-refused", test_key_refused);
  ADD ("owner-action-required", test_owner_action_required);
  ADD ("live-limits", test_live_limits);
  ADD ("escape-asks", test_escape_asks);
#undef ADD

  return g_test_run ();
}
