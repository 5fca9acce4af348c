/* test-accounts-page.c: Preferences › Accounts against a sandbox and a real
 * keyring, under Xvfb
 *
 * Run through tests/run-with-keyring-gui.sh: a private session bus with an
 * unlocked gnome-keyring, and DISPLAY kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <zlib.h>

#include "att-account.h"
#include "att-account-editor.h"
#include "att-account-row.h"
#include "att-account-store.h"
#include "att-closient-key.h"
#include "att-connection-test.h"
#include "att-context.h"
#include "att-http.h"
#include "att-preferences-window.h"
#include "att-sandbox.h"
#include "att-secret-store.h"
#include "att-test-utils.h"
#include "att-test-widgets.h"


typedef struct
{
  AttSandbox           *sandbox;
  AttHttp              *http;
  AttSecretStore       *secrets;
  AttAccountStore      *store;
  AttContext           *context;
  char                 *dir;
  char                 *accounts_path;
  AttPreferencesWindow *prefs;
} Fixture;

/* What the keyring itself holds, asked without Attest's code: the schema
 * name is not matched, only the attributes Attest documents. */
static const SecretSchema keyring_schema = {
  "io.github.attestapp.Attest.ApiKey",
  SECRET_SCHEMA_DONT_MATCH_NAME,
  {
    { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
  0,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
};

static char *
keyring_lookup (const char *account_id,
                const char *kind)
{
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = secret_password_lookup_sync (&keyring_schema, NULL, &error,
                                        "account", account_id,
                                        "kind", kind,
                                        NULL);
  g_assert_no_error (error);
  return secret;
}

static void
assert_keyring_holds (const char *account_id,
                      const char *kind,
                      const char *expected)
{
  char *secret = keyring_lookup (account_id, kind);

  /* Never print a secret, even in a failed assertion. */
  if (expected == NULL)
    g_assert_true (secret == NULL);
  else
    g_assert_true (secret != NULL && strcmp (secret, expected) == 0);
  secret_password_free (secret);
}

/* Main loop */

static gboolean
pointer_is_null (gpointer      fixture,
                 gconstpointer data)
{
  gpointer const *pointer = data;

  return *pointer == NULL;
}

static gboolean
editor_idle (gpointer      fixture,
             gconstpointer data)
{
  return !att_account_editor_get_busy (ATT_ACCOUNT_EDITOR ((gpointer) data));
}

/* Screenshots, when asked for: ATTEST_SCREENSHOT_DIR=/some/dir */

static void
maybe_screenshot (GtkWidget  *window,
                  const char *name)
{
  const char *dir = g_getenv ("ATTEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer     *renderer;
  int              width, height;

  if (dir == NULL || *dir == '\0')
    return;

  /* Let the rows' animations end. */
  att_test_run_for (600);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);

  /* And the whole X screen, as ImageMagick sees it, if asked for. */
  if (g_getenv ("ATTEST_SCREENSHOT_ROOT") != NULL)
    {
      g_autofree char *root_path = g_strdup_printf ("%s/%s-screen.png", dir, name);
      const char      *argv[] = { "import", "-window", "root", root_path, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                    NULL, NULL, NULL, NULL);
    }
}

/* Finding widgets as a user would: by what they show */

static gboolean
match_row_title (GtkWidget    *widget,
                 gconstpointer data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
match_button_label (GtkWidget    *widget,
                    gconstpointer data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

typedef struct
{
  const char *action;
  const char *target;
} ActionMatch;

static gboolean
match_action (GtkWidget    *widget,
              gconstpointer data)
{
  const ActionMatch *m = data;
  GVariant          *target;

  if (!GTK_IS_ACTIONABLE (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), m->action) != 0)
    return FALSE;

  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  if (m->target == NULL)
    return target == NULL;
  return target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING) &&
         g_strcmp0 (g_variant_get_string (target, NULL), m->target) == 0;
}

static gboolean
match_type (GtkWidget    *widget,
            gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
match_account_row (GtkWidget    *widget,
                   gconstpointer data)
{
  return ATT_IS_ACCOUNT_ROW (widget) &&
         g_strcmp0 (att_account_get_id (att_account_row_get_account (ATT_ACCOUNT_ROW (widget))),
                    data) == 0;
}

static gboolean
match_label_text (GtkWidget    *widget,
                  gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

/* The same, scrolled to the end of the editor's form. */
static void
maybe_screenshot_end (GtkWidget  *window,
                      const char *name)
{
  GtkWidget     *page;
  GtkWidget     *scroller;
  GtkAdjustment *adjustment;

  if (g_getenv ("ATTEST_SCREENSHOT_DIR") == NULL)
    return;

  page = att_test_find_widget (window, match_type, GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_PAGE));
  g_assert_nonnull (page);
  scroller = att_test_find_widget (page, match_type, GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW));
  g_assert_nonnull (scroller);

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  maybe_screenshot (window, name);
}

static gboolean
match_label_prefix (GtkWidget    *widget,
                    gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

static GtkWidget *
get_row (GtkWidget  *root,
         const char *title)
{
  GtkWidget *row = att_test_find_widget (root, match_row_title, title);

  if (row == NULL)
    g_error ("No row “%s”", title);
  return row;
}

static GtkWidget *
get_button (GtkWidget  *root,
            const char *label)
{
  GtkWidget *button = att_test_find_widget (root, match_button_label, label);

  if (button == NULL)
    g_error ("No button “%s”", label);
  return button;
}

static GtkWidget *
get_action_widget (GtkWidget  *root,
                   const char *action,
                   const char *target)
{
  ActionMatch m = { action, target };
  GtkWidget  *widget = att_test_find_widget (root, match_action, &m);

  if (widget == NULL)
    g_error ("Nothing activates %s(%s)", action, target != NULL ? target : "");
  return widget;
}

/* Clicks @button as a user would; fails if it is not on screen or
 * insensitive.  (gtk_widget_activate() would click only after the 250 ms
 * of the button's pressed look.) */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
set_text (GtkWidget  *root,
          const char *row_title,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_row (root, row_title)), text);
}

/* Enter in an entry row: the field has the focus, and its text emits
 * "activate". */
static void
press_enter_in (GtkWidget *row)
{
  GtkWidget *text = att_test_find_widget (row, match_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT));

  g_assert_nonnull (text);
  g_assert_true (gtk_widget_grab_focus (text));
  g_signal_emit_by_name (text, "activate");
}

static void
set_public_key (GtkWidget  *editor,
                const char *pem)
{
  GtkWidget *view = att_test_find_widget (editor, match_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW));

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), pem, -1);
}

static void
choose_custom_server (GtkWidget  *editor,
                      const char *url)
{
  AdwComboRow *server = ADW_COMBO_ROW (get_row (editor, "Server"));
  GListModel  *model = adw_combo_row_get_model (server);
  guint        n = g_list_model_get_n_items (model);
  g_autoptr(GtkStringObject) last = g_list_model_get_item (model, n - 1);

  g_assert_cmpstr (gtk_string_object_get_string (last), ==, "Custom");
  adw_combo_row_set_selected (server, n - 1);
  g_assert_true (gtk_widget_get_visible (get_row (editor, "Server Address")));
  set_text (editor, "Server Address", url);
}

static GtkWidget *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ATT_IS_ACCOUNT_EDITOR (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static GtkWidget *
get_editor (void)
{
  GtkWidget *editor = find_editor ();

  g_assert_nonnull (editor);
  return editor;
}

static GtkWidget *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
match_selectable_label (GtkWidget    *widget,
                        gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget));
}

/* The result line of "Test Connection", as shown, or NULL if none is: the
 * one selectable label of the row's group. */
static const char *
shown_test_result (GtkWidget *editor)
{
  GtkWidget *row = get_row (editor, "Test Connection");
  GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *label;

  g_assert_nonnull (group);
  label = att_test_find_widget (group, match_selectable_label, NULL);
  g_assert_nonnull (label);

  if (!gtk_widget_get_mapped (label))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (label));
}

typedef struct
{
  GtkWidget  *editor;
  const char *text;
} ResultWait;

static gboolean
test_result_shown (gconstpointer data)
{
  const ResultWait *wait = data;
  const char       *shown = shown_test_result (wait->editor);

  return shown != NULL && g_strcmp0 (shown, wait->text) == 0;
}

static void
click_test_and_wait (GtkWidget  *editor,
                     const char *expected)
{
  ResultWait wait = { editor, expected };

  click (get_button (editor, "_Test"));
  g_assert_true (att_account_editor_get_busy (ATT_ACCOUNT_EDITOR (editor)));
  att_test_wait_until (editor_idle, NULL, editor, "the connection test");
  if (!test_result_shown (&wait))
    g_error ("The editor shows “%s”, expected “%s”",
             shown_test_result (editor) != NULL ? shown_test_result (editor) : "(nothing)",
             expected);
}

/* What the connection test itself answers for these values. */
typedef struct
{
  gboolean            done;
  AttConnectionStatus status;
  char               *message;
} DirectTest;

static void
direct_test_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DirectTest *test = user_data;
  g_autoptr(GError) error = NULL;

  test->status = att_connection_test_finish (result, &test->message, &error);
  g_assert_no_error (error);
  test->done = TRUE;
}

static gboolean
direct_test_done (gpointer      fixture,
                  gconstpointer data)
{
  const DirectTest *test = data;

  return test->done;
}

static AttConnectionStatus
direct_test (Fixture    *f,
             AttService  service,
             const char *base_url,
             const char *api_key,
             const char *integration_key,
             const char *public_key,
             char      **message)
{
  DirectTest test = { FALSE, ATT_CONNECTION_FAILED, NULL };

  att_connection_test_async (f->http, service, base_url, api_key, integration_key, public_key,
                             NULL, direct_test_cb, &test);
  att_test_wait_until (direct_test_done, NULL, &test, "a direct connection test");
  *message = test.message;
  return test.status;
}

/* Closient keys, built as the Closient documentation describes */

static char *
make_closient_key (const char *prefix,
                   const char *body)
{
  uLong crc = crc32 (0L, (const Bytef *) body, (uInt) strlen (body));

  g_assert_cmpuint (strlen (body), ==, ATT_CLOSIENT_KEY_BODY_LENGTH);
  return g_strdup_printf ("%s_%s_%08lx", prefix, body, crc & 0xffffffffUL);
}

/* A loopback port where nothing listens. */
static guint
unused_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* Fixture */

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_test_sandbox_use_test_secrets (f->sandbox);
  att_sandbox_listen (f->sandbox, 0, &error);
  g_assert_no_error (error);

  f->dir = g_dir_make_tmp ("attest-accounts-page-XXXXXX", &error);
  g_assert_no_error (error);
  f->accounts_path = g_build_filename (f->dir, "accounts.ini", NULL);

  f->http = att_http_new ();
  /* Refused connections are final here: no need to wait for retries. */
  att_http_set_retry_policy (f->http, 0, 0);
  f->secrets = att_secret_store_new ();
  f->store = att_account_store_new (f->accounts_path, f->secrets);
  att_account_store_load (f->store, &error);
  g_assert_no_error (error);
  f->context = att_context_new_full (f->http, f->store, NULL);

  f->prefs = att_preferences_window_new (f->context);
  g_object_add_weak_pointer (G_OBJECT (f->prefs), (gpointer *) &f->prefs);
  gtk_window_present (GTK_WINDOW (f->prefs));
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  GtkWidget *editor;

  while ((editor = find_editor ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (editor));
  if (f->prefs != NULL)
    gtk_window_destroy (GTK_WINDOW (f->prefs));
  att_test_wait_until (pointer_is_null, NULL, &f->prefs, "the Preferences to close");

  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_clear_object (&f->secrets);
  g_clear_object (&f->http);
  g_clear_object (&f->sandbox);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (f->dir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (f->dir);
  g_free (f->accounts_path);
  g_free (f->dir);
}

static AttAccount *
only_account (Fixture *f)
{
  g_autoptr(AttAccount) account = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 1);
  account = g_list_model_get_item (G_LIST_MODEL (f->store), 0);
  return account; /* the store keeps its reference */
}

static gboolean
store_is_empty (gpointer      fixture,
                gconstpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL ((gpointer) data)) == 0;
}

/* Tests */

static void
test_add_test_edit_higg (Fixture      *f,
                         gconstpointer data)
{
  const char      *url = att_sandbox_get_base_url (f->sandbox);
  const char      *pem = att_sandbox_get_public_key_pem (f->sandbox);
  g_autofree char *unauthorized = NULL;
  g_autofree char *file_text = NULL;
  GtkWidget       *editor;
  AttAccount      *account;
  GtkWidget       *row;

  /* The empty page says so. */
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->prefs), match_label_text,
                                          "No Higg accounts yet. Add one with the keys of your Higg "
                                          "developer account."));
  maybe_screenshot (GTK_WIDGET (f->prefs), "prefs-empty");

  click (get_action_widget (GTK_WIDGET (f->prefs), "prefs.add-account", "higg"));
  editor = get_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_false (gtk_widget_is_sensitive (get_button (editor, "_Save")));

  set_text (editor, "Name", "Sandbox Higg");
  choose_custom_server (editor, url);
  set_text (editor, "API Key", att_sandbox_get_api_key (f->sandbox));
  set_text (editor, "Integration Key", att_sandbox_get_integration_key (f->sandbox));
  g_assert_false (gtk_widget_is_sensitive (get_button (editor, "_Save")));
  set_public_key (editor, pem);
  g_assert_true (gtk_widget_is_sensitive (get_button (editor, "_Save")));

  /* The values of the form work before anything is saved. */
  click_test_and_wait (editor, "Connected to Higg");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 0);
  maybe_screenshot (editor, "editor-higg-connected");
  maybe_screenshot_end (editor, "editor-higg-connected-end");

  click (get_button (editor, "_Save"));
  att_test_wait_until (pointer_is_null, NULL, &editor, "the editor to close after saving");

  /* In the store, in use, and in the accounts file without its keys. */
  account = only_account (f);
  g_assert_cmpstr (att_account_get_display_name (account), ==, "Sandbox Higg");
  g_assert_cmpstr (att_account_get_base_url (account), ==, url);
  g_assert_cmpstr (att_account_get_public_key_pem (account), ==, pem);
  g_assert_true (att_account_store_get_active (f->store, ATT_SERVICE_HIGG) == account);
  g_file_get_contents (f->accounts_path, &file_text, NULL, NULL);
  g_assert_nonnull (file_text);
  g_assert_nonnull (strstr (file_text, att_account_get_id (account)));
  g_assert_null (strstr (file_text, att_sandbox_get_api_key (f->sandbox)));
  g_assert_null (strstr (file_text, att_sandbox_get_integration_key (f->sandbox)));

  /* The keys are in the keyring itself. */
  assert_keyring_holds (att_account_get_id (account), "higg-api-key",
                        att_sandbox_get_api_key (f->sandbox));
  assert_keyring_holds (att_account_get_id (account), "higg-integration-key",
                        att_sandbox_get_integration_key (f->sandbox));

  /* The page shows it, selected as the account in use. */
  row = att_test_find_widget (GTK_WIDGET (f->prefs), match_account_row, att_account_get_id (account));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Sandbox Higg");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, url);
  g_assert_true (att_account_row_get_active (ATT_ACCOUNT_ROW (row)));
  maybe_screenshot (GTK_WIDGET (f->prefs), "prefs-one-account");

  /* Editing: the key fields start empty and mean "keep the stored keys",
   * which the test then uses. */
  click (get_action_widget (row, "prefs.edit-account", att_account_get_id (account)));
  editor = get_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_row (editor, "Name"))), ==,
                   "Sandbox Higg");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_row (editor, "New API Key"))), ==, "");
  g_assert_true (gtk_widget_is_sensitive (get_button (editor, "_Save")));
  click_test_and_wait (editor, "Connected to Higg");

  /* A wrong API key: the server refuses it, and the editor says which key
   * to check, in the words of the connection test. */
  set_text (editor, "New API Key", "not-the-sandbox-api-key");
  g_assert_null (shown_test_result (editor));
  g_assert_cmpint (direct_test (f, ATT_SERVICE_HIGG, url, "not-the-sandbox-api-key",
                                att_sandbox_get_integration_key (f->sandbox), pem,
                                &unauthorized),
                   ==, ATT_CONNECTION_UNAUTHORIZED);
  g_assert_nonnull (strstr (unauthorized, "API key"));
  click_test_and_wait (editor, unauthorized);
  maybe_screenshot (editor, "editor-higg-edit");
  maybe_screenshot_end (editor, "editor-higg-unauthorized");

  /* Saving replaces the stored key, and keeps the integration key.  Enter
   * in a field saves, as Save is the default button. */
  set_text (editor, "Name", "Sandbox Higg (old key)");
  press_enter_in (get_row (editor, "Name"));
  att_test_wait_until (pointer_is_null, NULL, &editor, "the editor to close after saving");
  account = only_account (f);
  g_assert_cmpstr (att_account_get_display_name (account), ==, "Sandbox Higg (old key)");
  assert_keyring_holds (att_account_get_id (account), "higg-api-key", "not-the-sandbox-api-key");
  assert_keyring_holds (att_account_get_id (account), "higg-integration-key",
                        att_sandbox_get_integration_key (f->sandbox));
  row = att_test_find_widget (GTK_WIDGET (f->prefs), match_account_row, att_account_get_id (account));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Sandbox Higg (old key)");
}

static void
test_closient_key_check (Fixture      *f,
                         gconstpointer data)
{
  const char      *body = "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z";
  g_autofree char *good = make_closient_key ("csu", body);
  g_autofree char *publishable = make_closient_key ("cpk", body);
  g_autofree char *bad = g_strdup (good);
  g_autofree char *unreachable_url = g_strdup_printf ("http://127.0.0.1:%u", unused_port ());
  g_autofree char *not_closient_url = g_strconcat (att_sandbox_get_base_url (f->sandbox), "/elsewhere", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;
  GtkWidget *key_row;
  GtkWidget *save;

  /* One wrong checksum digit. */
  bad[strlen (bad) - 1] = bad[strlen (bad) - 1] == '0' ? '1' : '0';
  g_assert_false (att_closient_key_check (bad, NULL, &error));

  click (get_action_widget (GTK_WIDGET (f->prefs), "prefs.add-account", "closient"));
  editor = get_editor ();
  save = get_button (editor, "_Save");
  key_row = get_row (editor, "API Key");
  g_assert_false (gtk_widget_get_visible (get_row (editor, "Integration Key")));

  set_text (editor, "API Key", bad);
  g_assert_true (gtk_widget_has_css_class (key_row, "error"));
  g_assert_nonnull (att_test_find_widget (editor, match_label_text, error->message));
  g_assert_false (gtk_widget_is_sensitive (save));
  maybe_screenshot (editor, "editor-closient-bad-key");

  set_text (editor, "API Key", good);
  g_assert_false (gtk_widget_has_css_class (key_row, "error"));
  g_assert_null (att_test_find_widget (editor, match_label_text, error->message));
  g_assert_true (gtk_widget_is_sensitive (save));

  /* A publishable key is accepted, with the warning. */
  set_text (editor, "API Key", publishable);
  g_assert_false (gtk_widget_has_css_class (key_row, "error"));
  g_assert_nonnull (att_test_find_widget (editor, match_label_text,
                                          att_closient_key_kind_warning (ATT_CLOSIENT_KEY_PUBLISHABLE)));
  g_assert_true (gtk_widget_is_sensitive (save));
  maybe_screenshot (editor, "editor-closient-publishable-key");

  /* http:// is refused except on loopback. */
  choose_custom_server (editor, "http://closient.example.com");
  g_assert_true (gtk_widget_has_css_class (get_row (editor, "Server Address"), "error"));
  g_assert_false (gtk_widget_is_sensitive (save));

  /* A server that does not serve Closient there: reached, but not the
   * API (the sandbox serves Closient at its root, not under /elsewhere). */
  set_text (editor, "Server Address", not_closient_url);
  g_assert_true (gtk_widget_is_sensitive (save));
  g_assert_cmpint (direct_test (f, ATT_SERVICE_CLOSIENT, not_closient_url, good, NULL, NULL, &expected),
                   ==, ATT_CONNECTION_NOT_A_SERVER);
  set_text (editor, "API Key", good);
  click_test_and_wait (editor, expected);
  g_clear_pointer (&expected, g_free);

  /* The sandbox's Closient refuses a well-formed key it does not know, and
   * accepts its own. */
  set_text (editor, "Server Address", att_sandbox_get_base_url (f->sandbox));
  g_assert_cmpint (direct_test (f, ATT_SERVICE_CLOSIENT, att_sandbox_get_base_url (f->sandbox),
                                good, NULL, NULL, &expected),
                   ==, ATT_CONNECTION_UNAUTHORIZED);
  set_text (editor, "API Key", good);
  click_test_and_wait (editor, expected);
  g_clear_pointer (&expected, g_free);
  g_assert_cmpint (direct_test (f, ATT_SERVICE_CLOSIENT, att_sandbox_get_base_url (f->sandbox),
                                att_sandbox_get_closient_api_key (f->sandbox, ATT_CLOSIENT_KEY_BUSINESS),
                                NULL, NULL, &expected),
                   ==, ATT_CONNECTION_OK);
  g_clear_pointer (&expected, g_free);

  /* Nothing listens there. */
  set_text (editor, "Server Address", unreachable_url);
  g_assert_cmpint (direct_test (f, ATT_SERVICE_CLOSIENT, unreachable_url, good, NULL, NULL,
                                &expected),
                   ==, ATT_CONNECTION_UNREACHABLE);
  g_assert_true (g_str_has_prefix (expected, "Could not reach the server"));
  click_test_and_wait (editor, expected);
  maybe_screenshot (editor, "editor-closient-unreachable");

  /* Closing the editor saved nothing. */
  gtk_window_close (GTK_WINDOW (editor));
  att_test_run_for (50);
  g_assert_null (find_editor ());
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 0);
}

typedef struct
{
  gboolean done;
  GError  *error;
} Done;

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Done *done = user_data;

  att_secret_store_store_finish (ATT_SECRET_STORE (object), result, &done->error);
  done->done = TRUE;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Done *done = user_data;

  att_account_store_save_finish (ATT_ACCOUNT_STORE (object), result, &done->error);
  done->done = TRUE;
}

static gboolean
is_done (gpointer      fixture,
         gconstpointer data)
{
  const Done *done = data;

  return done->done;
}

static void
store_secret (Fixture      *f,
              const char   *id,
              AttSecretKind kind,
              const char   *secret)
{
  Done done = { FALSE, NULL };

  att_secret_store_store_async (f->secrets, id, kind, secret, NULL, stored_cb, &done);
  att_test_wait_until (is_done, NULL, &done, "a key to be stored");
  g_assert_no_error (done.error);
}

static void
test_remove_clears_keys (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(AttAccount) account = att_account_new (ATT_SERVICE_HIGG, "To Remove",
                                                    att_sandbox_get_base_url (f->sandbox));
  const char *id = att_account_get_id (account);
  Done        done = { FALSE, NULL };
  GtkWidget  *row;
  GtkWidget  *dialog;

  att_account_set_public_key_pem (account, att_sandbox_get_public_key_pem (f->sandbox));
  store_secret (f, id, ATT_SECRET_HIGG_API_KEY, "remove-me-api-key");
  store_secret (f, id, ATT_SECRET_HIGG_INTEGRATION_KEY, "remove-me-integration-key");
  att_account_store_add (f->store, account);
  att_account_store_set_active (f->store, ATT_SERVICE_HIGG, id);
  att_account_store_save_async (f->store, NULL, saved_cb, &done);
  att_test_wait_until (is_done, NULL, &done, "the accounts to be saved");
  g_assert_no_error (done.error);
  assert_keyring_holds (id, "higg-api-key", "remove-me-api-key");

  row = att_test_find_widget (GTK_WIDGET (f->prefs), match_account_row, id);
  g_assert_nonnull (row);
  g_assert_true (att_account_row_get_active (ATT_ACCOUNT_ROW (row)));

  /* Cancelling the confirmation keeps everything. */
  click (get_action_widget (row, "prefs.remove-account", id));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "keyring"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                                               "remove"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  maybe_screenshot (dialog, "prefs-remove-confirmation");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  att_test_run_for (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 1);
  assert_keyring_holds (id, "higg-api-key", "remove-me-api-key");

  /* Removing clears the keys from the keyring. */
  click (get_action_widget (row, "prefs.remove-account", id));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  att_test_wait_until (store_is_empty, NULL, f->store, "the account to be removed");
  att_test_run_for (50);

  assert_keyring_holds (id, "higg-api-key", NULL);
  assert_keyring_holds (id, "higg-integration-key", NULL);
  g_assert_null (att_account_store_get_active (f->store, ATT_SERVICE_HIGG));
  g_assert_null (att_test_find_widget (GTK_WIDGET (f->prefs), match_account_row, id));
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->prefs), match_label_text,
                                          "No Higg accounts yet. Add one with the keys of your Higg "
                                          "developer account."));
}

static void
test_cancel_and_close (Fixture      *f,
                       gconstpointer data)
{
  GtkWidget *editor;
  GtkWidget *test_button;

  /* A slow server, so that the test is still running when it is stopped. */
  att_sandbox_set_latency (f->sandbox, 3000);

  click (get_action_widget (GTK_WIDGET (f->prefs), "prefs.add-account", "higg"));
  editor = get_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  choose_custom_server (editor, att_sandbox_get_base_url (f->sandbox));
  set_text (editor, "API Key", att_sandbox_get_api_key (f->sandbox));
  set_text (editor, "Integration Key", att_sandbox_get_integration_key (f->sandbox));
  set_public_key (editor, att_sandbox_get_public_key_pem (f->sandbox));

  /* While it runs, the button cancels it. */
  test_button = get_button (editor, "_Test");
  click (test_button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (test_button)), ==, "_Cancel");
  g_assert_true (att_account_editor_get_busy (ATT_ACCOUNT_EDITOR (editor)));
  att_test_run_for (100);
  click (test_button);
  g_assert_false (att_account_editor_get_busy (ATT_ACCOUNT_EDITOR (editor)));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (test_button)), ==, "_Test");
  att_test_run_for (100);
  g_assert_null (shown_test_result (editor));

  /* Closing the editor in the middle of a test cancels it; the editor goes
   * away once the cancelled request has let go of it. */
  click (test_button);
  att_test_run_for (100);
  gtk_window_close (GTK_WINDOW (editor));
  att_test_wait_until (pointer_is_null, NULL, &editor, "the editor to be finalized");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 0);
}

static char *
get_public_key (GtkWidget *editor)
{
  GtkWidget     *view = att_test_find_widget (editor, match_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter    start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
load_public_key_file (GtkWidget  *editor,
                      const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  /* What the file chooser does with the file picked. */
  g_assert_true (gtk_widget_activate_action (editor, "editor.load-public-key", "s", uri));
  g_assert_true (att_account_editor_get_busy (ATT_ACCOUNT_EDITOR (editor)));
  att_test_wait_until (editor_idle, NULL, editor, "the key file to be read");
}

static void
test_public_key_file (Fixture      *f,
                      gconstpointer data)
{
  const char      *pem = att_sandbox_get_public_key_pem (f->sandbox);
  g_autofree char *good_path = g_build_filename (f->dir, "public.pem", NULL);
  g_autofree char *binary_path = g_build_filename (f->dir, "binary.pem", NULL);
  g_autofree char *missing_path = g_build_filename (f->dir, "missing.pem", NULL);
  g_autofree char *text = NULL;
  g_autofree char *binary_message = NULL;
  g_autofree char *missing_start = NULL;
  g_autoptr(GError) error = NULL;
  const char binary[] = { 'P', 'K', 3, 4, 0, 0, (char) 0xff, (char) 0xfe };
  GtkWidget *editor;
  GtkWidget *message;

  g_file_set_contents (good_path, pem, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (binary_path, binary, sizeof binary, &error);
  g_assert_no_error (error);

  click (get_action_widget (GTK_WIDGET (f->prefs), "prefs.add-account", "higg"));
  editor = get_editor ();

  load_public_key_file (editor, good_path);
  text = get_public_key (editor);
  g_assert_cmpstr (text, ==, pem);
  g_assert_nonnull (att_test_find_widget (editor, match_label_text, "A valid RSA public key"));

  /* A file that is not text is refused, and the key stays. */
  load_public_key_file (editor, binary_path);
  binary_message = g_strdup_printf ("“%s” is not a text file: choose the public.pem file",
                                    binary_path);
  message = att_test_find_widget (editor, match_label_text, binary_message);
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_has_css_class (message, "error"));
  g_clear_pointer (&text, g_free);
  text = get_public_key (editor);
  g_assert_cmpstr (text, ==, pem);

  /* So is a file that is not there. */
  load_public_key_file (editor, missing_path);
  g_assert_null (att_test_find_widget (editor, match_label_text, binary_message));
  missing_start = g_strdup_printf ("Could not read “%s”: ", missing_path);
  message = att_test_find_widget (editor, match_label_prefix, missing_start);
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_has_css_class (message, "error"));
}

static gboolean
is_spin_button (GtkWidget    *widget,
                gconstpointer data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

/* The expiry lead time of the Certificates page is the context's: a value
 * typed in the spin button reaches the views, and the setting shows. */
static void
test_expiry_lead_days (Fixture      *f,
                       gconstpointer data)
{
  GtkWidget *spin = att_test_find_widget (GTK_WIDGET (f->prefs), is_spin_button, NULL);

  g_assert_nonnull (spin);
  g_assert_cmpuint (att_context_get_expiry_lead_days (f->context), ==, 60);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 60);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 90);
  g_assert_cmpuint (att_context_get_expiry_lead_days (f->context), ==, 90);

  att_context_set_expiry_lead_days (f->context, 30);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 30);

  /* Out of range: the spin button keeps to 1-365. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1000);
  g_assert_cmpuint (att_context_get_expiry_lead_days (f->context), ==, 365);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/accounts-page/add-test-edit-higg", Fixture, NULL,
              fixture_setup, test_add_test_edit_higg, fixture_teardown);
  g_test_add ("/accounts-page/closient-key-check", Fixture, NULL,
              fixture_setup, test_closient_key_check, fixture_teardown);
  g_test_add ("/accounts-page/remove-clears-keys", Fixture, NULL,
              fixture_setup, test_remove_clears_keys, fixture_teardown);
  g_test_add ("/accounts-page/public-key-file", Fixture, NULL,
              fixture_setup, test_public_key_file, fixture_teardown);
  g_test_add ("/accounts-page/cancel-and-close", Fixture, NULL,
              fixture_setup, test_cancel_and_close, fixture_teardown);
  g_test_add ("/accounts-page/expiry-lead-days", Fixture, NULL,
              fixture_setup, test_expiry_lead_days, fixture_teardown);

  return g_test_run ();
}
