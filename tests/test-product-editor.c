/* test-product-editor.c: the product editor against a sandbox, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "att-catalog-item.h"
#include "att-context.h"
#include "att-draft-store.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-page.h"
#include "att-product.h"
#include "att-product-edit.h"
#include "att-product-editor.h"
#include "att-products-page.h"
#include "att-sandbox.h"
#include "att-test-utils.h"

typedef struct
{
  AttSandbox    *sandbox;
  AttHttp       *http;
  AttHiggClient *client;
  AttContext    *context;
  AttDraftStore *drafts;
  char          *drafts_dir;
  GtkWindow     *window;
  char          *material_ids[2];
} Fixture;

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @condition holds, failing after 20 s. */
#define WAIT_UNTIL(condition, what)                                     \
  G_STMT_START                                                          \
  {                                                                     \
    gboolean timed_out_ = FALSE;                                        \
    guint    id_ = g_timeout_add_seconds (20, timeout_cb, &timed_out_); \
    while (!(condition) && !timed_out_)                                 \
      g_main_context_iteration (NULL, TRUE);                            \
    if (timed_out_)                                                     \
      g_error ("Timed out waiting for %s", what);                       \
    g_source_remove (id_);                                              \
  }                                                                     \
  G_STMT_END

/* Lets idles (the checks, the draft copy) run. */
static void
settle (void)
{
  for (int i = 0; i < 3; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_label_with_prefix (GtkWidget    *widget,
                      gconstpointer prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

static gboolean
label_shown (GtkWidget  *root,
             const char *prefix)
{
  return find_widget (root, is_label_with_prefix, prefix) != NULL;
}

/* The entry row of the form whose title is @title. */
static gboolean
is_entry_row_titled (GtkWidget    *widget,
                     gconstpointer title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkEditable *
entry_row (GtkWidget  *root,
           const char *title)
{
  GtkWidget *row = find_widget (root, is_entry_row_titled, title);

  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

static AttPage *
search_materials (Fixture *f)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  AttPage *page;

  att_higg_client_search_materials_async (f->client, NULL, 0, 10, NULL, att_test_store_result, &result);
  page = att_higg_client_search_materials_finish (f->client, att_test_await_result (&result), &error);
  g_object_unref (result);
  g_assert_no_error (error);
  return page;
}

static AttProduct *
server_product (Fixture    *f,
                const char *id)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  AttProduct *product;

  att_higg_client_get_product_async (f->client, id, NULL, att_test_store_result, &result);
  product = att_higg_client_get_product_finish (f->client, att_test_await_result (&result), &error);
  g_object_unref (result);
  g_assert_no_error (error);
  return product;
}

static JsonObject *
material (const char *id,
          double      composition)
{
  JsonObject *item = json_object_new ();

  json_object_set_string_member (item, "materialId", id);
  json_object_set_double_member (item, "netUse", 75);
  json_object_set_double_member (item, "composition", composition);
  return item;
}

/* A product made on the server directly, with two materials 60/40. */
static AttProduct *
create_on_server (Fixture    *f,
                  const char *name)
{
  g_autoptr(JsonObject) body = json_object_new ();
  JsonArray    *materials = json_array_new ();
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  AttProduct *product;

  json_object_set_string_member (body, "name", name);
  json_object_set_double_member (body, "weight", 300);
  json_object_set_string_member (body, "weightMeasureUnit", "grams");
  json_array_add_object_element (materials, material (f->material_ids[0], 60));
  json_array_add_object_element (materials, material (f->material_ids[1], 40));
  json_object_set_array_member (body, "materials", materials);
  att_higg_client_create_product_async (f->client, body, NULL, att_test_store_result, &result);
  product = att_higg_client_create_product_finish (f->client, att_test_await_result (&result), &error);
  g_object_unref (result);
  g_assert_no_error (error);
  return product;
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (f->sandbox, &error);
  g_assert_no_error (error);
  att_sandbox_listen (f->sandbox, 0, &error);
  g_assert_no_error (error);

  f->http = att_http_new ();
  f->client = att_test_higg_client_new (f->http, f->sandbox);
  f->context = att_context_new (f->client);
  att_context_set_account_id (f->context, "test");
  f->drafts_dir = g_dir_make_tmp ("attest-editor-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  f->drafts = att_draft_store_new_for_path (f->drafts_dir);
  att_context_set_draft_store (f->context, f->drafts);

  page = search_materials (f);
  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (page)), >=, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AttCatalogItem) item = g_list_model_get_item (att_page_get_items (page), i);

      f->material_ids[i] = g_strdup (att_catalog_item_get_id (item));
    }

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 900);
}

static gboolean
is_editor (GtkWidget    *widget,
           gconstpointer data)
{
  return ATT_IS_PRODUCT_EDITOR (widget);
}

/* An editor's draft is written a moment after the last edit, even once the
 * editor is gone: write it now, so that it does not land in the drafts
 * directory after the test has removed it. */
static void
flush_editor (Fixture *f)
{
  GtkWidget    *editor = find_widget (GTK_WIDGET (f->window), is_editor, NULL);
  GAsyncResult *result = NULL;

  if (editor == NULL)
    return;
  att_product_editor_flush_draft_async (ATT_PRODUCT_EDITOR (editor), NULL, att_test_store_result, &result);
  att_product_editor_flush_draft_finish (ATT_PRODUCT_EDITOR (editor), att_test_await_result (&result), NULL);
  g_object_unref (result);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  if (f->window != NULL)
    {
      flush_editor (f);
      gtk_window_destroy (f->window);
    }
  settle ();
  g_clear_object (&f->context);
  g_clear_object (&f->drafts);
  g_clear_object (&f->client);
  g_clear_object (&f->http);
  g_clear_object (&f->sandbox);
  att_test_remove_dir (f->drafts_dir);
  g_free (f->drafts_dir);
  g_free (f->material_ids[0]);
  g_free (f->material_ids[1]);
  settle ();
}

static AttProductEditor *
show_editor (Fixture        *f,
             AttProductEdit *edit)
{
  GtkWidget *editor = att_product_editor_new (f->context, edit, NULL);

  gtk_window_set_child (f->window, editor);
  gtk_window_present (f->window);
  settle ();
  return ATT_PRODUCT_EDITOR (editor);
}

static gboolean
is_save_button (GtkWidget    *widget,
                gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Save") == 0;
}

/* Save is enabled once the checks have run after the last edit: the
 * user presses it then. */
static void
save_when_enabled (AttProductEditor *editor)
{
  GtkWidget *button = find_widget (GTK_WIDGET (editor), is_save_button, NULL);

  g_assert_nonnull (button);
  WAIT_UNTIL (gtk_widget_is_sensitive (button) && gtk_widget_get_visible (button), "Save to be enabled");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
}

static void
on_saved (AttProductEditor *editor,
          AttProduct       *product,
          AttProduct      **out)
{
  g_set_object (out, product);
}

/* Save, as the user does, and wait for the server's answer. */
static AttProduct *
save (AttProductEditor *editor)
{
  AttProduct *saved = NULL;
  gulong      handler = g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);

  settle ();
  {
    g_autoptr(GPtrArray) warnings = NULL;
    g_autoptr(GPtrArray) errors = att_product_edit_validate (att_product_editor_get_edit (editor), &warnings);

    for (guint i = 0; i < errors->len; i++)
      g_test_message ("problem: %s: %s", ((AttFieldError *) g_ptr_array_index (errors, i))->path,
                      ((AttFieldError *) g_ptr_array_index (errors, i))->message);
    g_assert_cmpuint (errors->len, ==, 0);
  }
  save_when_enabled (editor);
  WAIT_UNTIL (saved != NULL, "the save");
  g_signal_handler_disconnect (editor, handler);
  return saved;
}

static GPtrArray *
list_drafts (Fixture *f)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts;

  att_draft_store_list_async (f->drafts, "test", NULL, att_test_store_result, &result);
  drafts = att_draft_store_list_finish (f->drafts, att_test_await_result (&result), &error);
  g_object_unref (result);
  g_assert_no_error (error);
  return drafts;
}

static guint
count_drafts (Fixture *f)
{
  g_autoptr(GPtrArray) drafts = list_drafts (f);

  return drafts->len;
}

/* A product made in the editor is on the server, as typed. */
static void
test_create (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(AttProductEdit) edit = att_product_edit_new ();
  g_autoptr(AttProduct) saved = NULL;
  g_autoptr(AttProduct) remote = NULL;
  AttProductEditor *editor = show_editor (f, edit);

  /* Without a name and a material the form says why it cannot save. */
  settle ();
  WAIT_UNTIL (label_shown (GTK_WIDGET (editor), "Cannot save"), "Cannot save");

  gtk_editable_set_text (entry_row (GTK_WIDGET (editor), "_Name"), "Editor Test Parka");
  gtk_editable_set_text (entry_row (GTK_WIDGET (editor), "_Weight"), "812.5");
  att_product_editor_add_item (editor, "material", f->material_ids[0], NULL);
  att_product_edit_set_item_member (edit, ATT_PRODUCT_EDIT_MATERIALS, 0, "netUse",
                                    json_node_init_double (json_node_alloc (), 80));
  att_product_edit_set_item_member (edit, ATT_PRODUCT_EDIT_MATERIALS, 0, "composition",
                                    json_node_init_double (json_node_alloc (), 100));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-order", NULL);
  settle ();
  g_assert_cmpuint (att_product_edit_get_n_items (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS), ==, 1);
  att_product_edit_remove_item (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS, 0);

  /* The draft is on disk while the edits are unsaved. */
  WAIT_UNTIL (count_drafts (f) == 1, "the draft");

  saved = save (editor);
  g_assert_cmpstr (att_product_get_name (saved), ==, "Editor Test Parka");

  remote = server_product (f, att_product_get_id (saved));
  g_assert_cmpstr (att_product_get_name (remote), ==, "Editor Test Parka");
  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_materials (remote)), ==, 1);
  g_assert_false (att_product_edit_get_modified (edit));

  /* Saved: the draft is gone. */
  WAIT_UNTIL (count_drafts (f) == 0, "the draft to go");
}

static double
composition_of (AttProduct *product,
                guint       index)
{
  g_autoptr(GObject) use = g_list_model_get_item (att_product_get_materials (product), index);
  double composition = 0;

  g_object_get (use, "composition", &composition, NULL);
  return composition;
}

/* One material's composition changed in the editor is the server's. */
static void
test_edit_material (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(AttProduct) product = create_on_server (f, "Editor Test Shirt");
  g_autoptr(AttProductEdit) edit = att_product_edit_new_for_product (product);
  g_autoptr(AttProduct) saved = NULL;
  g_autoptr(AttProduct) remote = NULL;
  AttProductEditor *editor = show_editor (f, edit);

  g_assert_cmpstr (gtk_editable_get_text (entry_row (GTK_WIDGET (editor), "_Name")), ==, "Editor Test Shirt");
  att_product_edit_set_item_member (edit, ATT_PRODUCT_EDIT_MATERIALS, 0, "composition",
                                    json_node_init_double (json_node_alloc (), 70));
  settle ();
  /* 70 + 40: the checks refuse it, and Save says so. */
  WAIT_UNTIL (label_shown (GTK_WIDGET (editor), "Cannot save"), "Cannot save");
  att_product_edit_set_item_member (edit, ATT_PRODUCT_EDIT_MATERIALS, 1, "composition",
                                    json_node_init_double (json_node_alloc (), 30));
  saved = save (editor);

  remote = server_product (f, att_product_get_id (product));
  g_assert_cmpfloat (composition_of (remote, 0), ==, 70);
  g_assert_cmpfloat (composition_of (remote, 1), ==, 30);
}

static gboolean
is_message_dialog (GtkWidget    *widget,
                   gconstpointer data)
{
  return ADW_IS_MESSAGE_DIALOG (widget);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (is_message_dialog (window, NULL) && gtk_widget_get_visible (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Someone else's change is shown before it is overwritten. */
static void
test_changed_on_server (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(AttProduct) product = create_on_server (f, "Editor Test Scarf");
  g_autoptr(AttProductEdit) edit = att_product_edit_new_for_product (product);
  g_autoptr(JsonObject) command = json_object_new ();
  g_autoptr(AttProduct) other = NULL;
  g_autoptr(AttProduct) saved = NULL;
  GAsyncResult     *result = NULL;
  AttProductEditor *editor = show_editor (f, edit);
  AdwMessageDialog *dialog;
  gulong            handler;

  json_object_set_double_member (command, "weight", 999);
  att_higg_client_update_product_async (f->client, att_product_get_id (product), command, NULL,
                                        att_test_store_result, &result);
  other = att_higg_client_update_product_finish (f->client, att_test_await_result (&result), NULL);
  g_object_unref (result);
  g_assert_nonnull (other);

  gtk_editable_set_text (entry_row (GTK_WIDGET (editor), "_Name"), "Editor Test Scarf, Long");
  settle ();
  handler = g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);
  save_when_enabled (editor);
  WAIT_UNTIL ((dialog = find_dialog ()) != NULL, "the changed-on-server dialog");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "999"));
  adw_message_dialog_response (dialog, "overwrite");
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL (saved != NULL, "the save");
  g_signal_handler_disconnect (editor, handler);
  g_assert_cmpstr (att_product_get_name (saved), ==, "Editor Test Scarf, Long");
}

static gboolean
is_visible_retry (GtkWidget    *widget,
                  gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Retry") == 0;
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  att_test_store_result (object, result, user_data);
}

/* The draft of @id, if it is on disk with a save error. */
static AttDraft *
load_failed_draft (Fixture    *f,
                   const char *id)
{
  GAsyncResult *result = NULL;
  AttDraft     *draft;

  att_draft_store_load_async (f->drafts, "product", "test", id, NULL, load_cb, &result);
  draft = att_draft_store_load_finish (f->drafts, att_test_await_result (&result), NULL);
  g_object_unref (result);
  if (draft != NULL && att_draft_get_save_error (draft) == NULL)
    g_clear_object (&draft);
  return draft;
}

/* A save the server fails keeps the edits and the draft, with the error;
 * Retry saves them once the server is back. */
static void
test_failed_save_keeps_draft (Fixture      *f,
                              gconstpointer data)
{
  g_autoptr(AttProduct) product = create_on_server (f, "Editor Test Coat");
  g_autoptr(AttProductEdit) edit = att_product_edit_new_for_product (product);
  g_autoptr(AttDraft) draft = NULL;
  g_autoptr(AttProduct) remote = NULL;
  AttProductEditor *editor = show_editor (f, edit);
  AttProduct       *saved = NULL;
  gulong            handler;

  gtk_editable_set_text (entry_row (GTK_WIDGET (editor), "_Name"), "Editor Test Coat, Warm");
  settle ();

  /* Saves fail; searches (the server's copy, compared first) do not. */
  att_sandbox_inject_failure_path (f->sandbox, 503, 1000, "/pic-api/v1/products/update/");
  save_when_enabled (editor);
  WAIT_UNTIL (find_widget (GTK_WIDGET (editor), is_visible_retry, NULL) != NULL, "the Retry");
  WAIT_UNTIL (label_shown (GTK_WIDGET (editor), "Could not save"), "Could not save");
  g_assert_true (att_product_edit_get_modified (edit));
  g_assert_cmpstr (gtk_editable_get_text (entry_row (GTK_WIDGET (editor), "_Name")), ==, "Editor Test Coat, Warm");

  /* The draft on disk has the edits and the error. */
  WAIT_UNTIL ((draft = load_failed_draft (f, att_product_get_id (product))) != NULL, "the draft with its error");
  {
    g_autoptr(AttProductEdit) restored = att_product_edit_new_from_draft (att_draft_get_payload (draft), NULL);

    g_assert_cmpstr (att_product_edit_get_string (restored, "name"), ==, "Editor Test Coat, Warm");
  }

  /* The server is back: Retry. */
  att_sandbox_inject_failure (f->sandbox, 0, 0);
  handler = g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);
  settle ();
  save_when_enabled (editor);
  WAIT_UNTIL (saved != NULL, "the retried save");
  g_signal_handler_disconnect (editor, handler);
  g_clear_object (&saved);
  remote = server_product (f, att_product_get_id (product));
  g_assert_cmpstr (att_product_get_name (remote), ==, "Editor Test Coat, Warm");
}

static gboolean
is_revealed_drafts_banner (GtkWidget    *widget,
                           gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_child_visible (widget) &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_REVEALER) != NULL &&
         gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (widget, GTK_TYPE_REVEALER))) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), text);
}

/* Edits left unsaved are offered back by the next Products view. */
static void
test_restart_offers_draft (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr(AttProduct) product = create_on_server (f, "Editor Test Hat");
  g_autoptr(AttProductEdit) edit = att_product_edit_new_for_product (product);
  GAsyncResult     *result = NULL;
  AttProductEditor *editor = show_editor (f, edit);
  GtkWidget        *page;
  GtkWidget        *restored;

  gtk_editable_set_text (entry_row (GTK_WIDGET (editor), "_Name"), "Editor Test Hat, Red");
  settle ();
  att_product_editor_flush_draft_async (editor, NULL, att_test_store_result, &result);
  g_assert_true (att_product_editor_flush_draft_finish (editor, att_test_await_result (&result), NULL));
  g_clear_object (&result);

  /* "Restart": a new Products view on the same drafts. */
  gtk_window_destroy (f->window);
  settle ();
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 900);
  page = att_products_page_new (f->context);
  gtk_window_set_child (f->window, page);
  gtk_window_present (f->window);

  WAIT_UNTIL (find_widget (page, is_revealed_drafts_banner, "Unsaved edits of “Editor Test Hat, Red”") != NULL,
              "the draft offered back");
  g_assert_true (gtk_widget_activate_action (page, "products.restore-draft", NULL));
  restored = att_products_page_get_editor (ATT_PRODUCTS_PAGE (page));
  g_assert_nonnull (restored);
  g_assert_cmpstr (att_product_edit_get_product_id (att_product_editor_get_edit (ATT_PRODUCT_EDITOR (restored))), ==,
                   att_product_get_id (product));
  g_assert_cmpstr (gtk_editable_get_text (entry_row (restored, "_Name")), ==, "Editor Test Hat, Red");
  g_assert_true (att_product_editor_get_modified (ATT_PRODUCT_EDITOR (restored)));
}

/* Ctrl+Z and Ctrl+Shift+Z are the editor's, not the entry's. */
static void
test_undo_redo (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(AttProduct) product = create_on_server (f, "Editor Test Sock");
  g_autoptr(AttProductEdit) edit = att_product_edit_new_for_product (product);
  AttProductEditor *editor = show_editor (f, edit);
  GtkEditable      *name = entry_row (GTK_WIDGET (editor), "_Name");
  GtkEditable      *weight = entry_row (GTK_WIDGET (editor), "_Weight");

  /* Replacing a field's text is a deletion and an insertion: changes to
   * one member within a second are one step, as when typing. */
  gtk_editable_set_text (name, "Editor Test Sock, Blue");
  gtk_editable_set_text (weight, "120");
  settle ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (weight), ==, "300");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Editor Test Sock");
  g_assert_false (att_product_editor_get_modified (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.redo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Editor Test Sock, Blue");
  g_assert_true (att_product_editor_get_modified (editor));
}

/* Text that is not a number stays, with its message, and blocks Save. */
static void
test_bad_input (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(AttProduct) product = create_on_server (f, "Editor Test Glove");
  g_autoptr(AttProductEdit) edit = att_product_edit_new_for_product (product);
  AttProductEditor *editor = show_editor (f, edit);
  g_autofree char  *long_name = g_strnfill (10000, 'x');

  gtk_editable_set_text (entry_row (GTK_WIDGET (editor), "_Weight"), "NaN");
  settle ();
  WAIT_UNTIL (label_shown (GTK_WIDGET (editor), "Enter a number"), "Enter a number");
  WAIT_UNTIL (label_shown (GTK_WIDGET (editor), "Cannot save"), "Cannot save");
  gtk_editable_set_text (entry_row (GTK_WIDGET (editor), "_Weight"), "-5");
  settle ();
  WAIT_UNTIL (!label_shown (GTK_WIDGET (editor), "Enter a number"), "no "
                                                                    "Enter a number");
  WAIT_UNTIL (label_shown (GTK_WIDGET (editor), "Cannot save"), "Cannot save");
  gtk_editable_set_text (entry_row (GTK_WIDGET (editor), "_Weight"), "5");
  gtk_editable_set_text (entry_row (GTK_WIDGET (editor), "_Name"), long_name);
  settle ();
  WAIT_UNTIL (label_shown (GTK_WIDGET (editor), "Cannot save"), "Cannot save");
  gtk_editable_set_text (entry_row (GTK_WIDGET (editor), "_Name"), "Tab\there");
  settle ();
  WAIT_UNTIL (label_shown (GTK_WIDGET (editor), "Cannot save"), "Cannot save");
  gtk_editable_set_text (entry_row (GTK_WIDGET (editor), "_Name"), "Editor Test Glove, Fine");
  settle ();
  WAIT_UNTIL (!label_shown (GTK_WIDGET (editor), "Cannot save"), "no "
                                                                 "Cannot save");
}

static gboolean
is_window_title (GtkWidget    *widget,
                 gconstpointer data)
{
  return ADW_IS_WINDOW_TITLE (widget);
}

/* The title follows the name as typed, but not the editor's width: a
 * natural width that grew with each key made the window lay out and paint
 * everything again per keystroke. */
static void
test_name_keeps_width (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(AttProduct) product = create_on_server (f, "Editor Test Scarf");
  g_autoptr(AttProductEdit) edit = att_product_edit_new_for_product (product);
  AttProductEditor *editor = show_editor (f, edit);
  GtkWidget        *title = find_widget (GTK_WIDGET (editor), is_window_title, NULL);
  g_autofree char  *long_name = g_strnfill (120, 'W');
  int               before, after;

  gtk_widget_measure (GTK_WIDGET (editor), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &before, NULL, NULL);
  gtk_editable_set_text (entry_row (GTK_WIDGET (editor), "_Name"), long_name);
  settle ();
  gtk_widget_measure (GTK_WIDGET (editor), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &after, NULL, NULL);

  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, long_name);
  g_assert_cmpint (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/product-editor/create", Fixture, NULL, fixture_setup, test_create, fixture_teardown);
  g_test_add ("/product-editor/edit-material", Fixture, NULL, fixture_setup, test_edit_material, fixture_teardown);
  g_test_add ("/product-editor/changed-on-server", Fixture, NULL, fixture_setup, test_changed_on_server, fixture_teardown);
  g_test_add ("/product-editor/failed-save-keeps-draft", Fixture, NULL, fixture_setup, test_failed_save_keeps_draft,
              fixture_teardown);
  g_test_add ("/product-editor/restart-offers-draft", Fixture, NULL, fixture_setup, test_restart_offers_draft,
              fixture_teardown);
  g_test_add ("/product-editor/undo-redo", Fixture, NULL, fixture_setup, test_undo_redo, fixture_teardown);
  g_test_add ("/product-editor/bad-input", Fixture, NULL, fixture_setup, test_bad_input, fixture_teardown);
  g_test_add ("/product-editor/name-keeps-width", Fixture, NULL, fixture_setup, test_name_keeps_width,
              fixture_teardown);

  return g_test_run ();
}
