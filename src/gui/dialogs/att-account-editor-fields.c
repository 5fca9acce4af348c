/* att-account-editor-fields.c: the account editor's fields: reading them,
 * validating them with a message under each field that is wrong, and
 * loading the Higg developer public key from a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "att-account.h"
#include "att-account-editor-private.h"
#include "att-closient-key.h"
#include "att-higg-token.h"

/* A public key file is a few hundred bytes; anything much larger is the
 * wrong file, and is not loaded into a text view. */
#define MAX_PUBLIC_KEY_FILE_SIZE (16 * 1024)

/* Translators: the servers offered for an account: the live service, and
 * Closient's test environment ("Test"). */
static const Preset higg_presets[] = {
  { N_ ("Production"), "https://api-v2.production.higg.org" },
};

static const Preset closient_presets[] = {
  { N_ ("Production"), "https://www.closient.com" },
  { N_ ("Test"), "https://www.closient.dev" },
};

const Preset *
_att_account_editor_get_presets (AttService service,
                                 guint     *n_presets)
{
  if (service == ATT_SERVICE_HIGG)
    {
      *n_presets = G_N_ELEMENTS (higg_presets);
      return higg_presets;
    }

  *n_presets = G_N_ELEMENTS (closient_presets);
  return closient_presets;
}

/* The address without surrounding blanks or trailing slashes: the API
 * paths are appended to it. */
char *
_att_account_editor_normalize_url (const char *text)
{
  char *url = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize len = strlen (url);

  while (len > 0 && url[len - 1] == '/')
    url[--len] = '\0';
  return url;
}

gboolean
_att_account_editor_is_custom_server (AttAccountEditor *self)
{
  return adw_combo_row_get_selected (self->server_row) >= self->n_presets;
}

char *
_att_account_editor_get_base_url (AttAccountEditor *self)
{
  guint         selected = adw_combo_row_get_selected (self->server_row);
  guint         n_presets;
  const Preset *presets = _att_account_editor_get_presets (self->service, &n_presets);

  if (selected < n_presets)
    return g_strdup (presets[selected].url);

  return _att_account_editor_normalize_url (gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
}

char *
_att_account_editor_get_name (AttAccountEditor *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

/* Returns: (transfer full): the key typed in @row, or %NULL if it is empty */
char *
_att_account_editor_dup_key (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  SecretText  key;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return NULL;

  key = g_strdup (text);
  g_strchomp (key);
  return key;
}

static gboolean
row_is_empty (AdwEntryRow *row)
{
  g_auto(SecretText) key = _att_account_editor_dup_key (row);

  return key == NULL;
}

char *
_att_account_editor_get_public_key (AttAccountEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->public_key_view);
  GtkTextIter    start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* Marks @row (and shows @message under its group) if @message is set and
 * the user has had a chance to fill the field in. */
static void
show_field_message (GtkWidget  *row,
                    GtkLabel   *label,
                    const char *message,
                    const char *style)
{
  gboolean is_error = message != NULL && g_strcmp0 (style, "error") == 0;

  if (row != NULL)
    {
      if (is_error)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
    }

  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  if (message == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }

  gtk_widget_add_css_class (GTK_WIDGET (label), style);
  gtk_label_set_label (GTK_LABEL (label), message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

/* A key field: empty means "required" when adding and "keep the stored
 * key" when editing. */
static gboolean
validate_required_key (AttAccountEditor *self,
                       AdwEntryRow      *row,
                       GtkLabel         *label,
                       gboolean          touched,
                       const char       *required_message)
{
  if (!row_is_empty (row) || _att_account_editor_is_editing (self))
    {
      show_field_message (GTK_WIDGET (row), label, NULL, NULL);
      return TRUE;
    }

  show_field_message (GTK_WIDGET (row), label, touched ? required_message : NULL, "error");
  return FALSE;
}

static gboolean
validate_closient_key (AttAccountEditor *self)
{
  g_auto(SecretText) key = _att_account_editor_dup_key (self->api_key_row);
  g_autoptr(GError) error = NULL;
  AttClosientKeyKind kind;

  if (key == NULL)
    return validate_required_key (self, self->api_key_row, self->api_key_message,
                                  self->api_key_touched, _ ("Enter the API key"));

  if (!att_closient_key_check (key, &kind, &error))
    {
      show_field_message (GTK_WIDGET (self->api_key_row), self->api_key_message,
                          error->message, "error");
      return FALSE;
    }

  /* A publishable key passes, with a warning that it may be read-only. */
  show_field_message (GTK_WIDGET (self->api_key_row), self->api_key_message,
                      att_closient_key_kind_warning (kind), "warning");
  return TRUE;
}

static gboolean
validate_public_key (AttAccountEditor *self)
{
  g_autofree char *pem = _att_account_editor_get_public_key (self);
  g_autoptr(GError) error = NULL;

  if (*pem == '\0')
    {
      if (self->public_key_touched)
        show_field_message (GTK_WIDGET (self->public_key_view), self->public_key_message,
                            _ ("Choose the public.pem file or paste its text"), "error");
      else
        show_field_message (GTK_WIDGET (self->public_key_view), self->public_key_message,
                            _ ("Choose the public.pem file or paste its text"), "dim-label");
      return FALSE;
    }

  if (!att_higg_public_key_check (pem, &error))
    {
      show_field_message (GTK_WIDGET (self->public_key_view), self->public_key_message,
                          error->message, "error");
      return FALSE;
    }

  show_field_message (GTK_WIDGET (self->public_key_view), self->public_key_message,
                      _ ("A valid RSA public key"), "dim-label");
  return TRUE;
}

void
_att_account_editor_validate (AttAccountEditor *self)
{
  g_autofree char *name = _att_account_editor_get_name (self);
  g_autofree char *url = _att_account_editor_get_base_url (self);
  g_autoptr(GError) url_error = NULL;
  gboolean name_ok, url_ok, api_key_ok, integration_key_ok = TRUE, public_key_ok = TRUE;

  name_ok = *name != '\0';
  show_field_message (GTK_WIDGET (self->name_row), self->name_message,
                      !name_ok && self->name_touched
                        ? _ ("Enter a name, for example the brand or “Test”")
                        : NULL,
                      "error");

  url_ok = att_account_check_base_url (url, &url_error);
  if (url_ok)
    show_field_message (GTK_WIDGET (self->address_row), self->address_message, NULL, NULL);
  else if (*url == '\0')
    show_field_message (GTK_WIDGET (self->address_row), self->address_message,
                        self->address_touched ? _ ("Enter the address of the server") : NULL,
                        "error");
  else
    show_field_message (GTK_WIDGET (self->address_row), self->address_message,
                        url_error->message, "error");

  if (self->service == ATT_SERVICE_CLOSIENT)
    api_key_ok = validate_closient_key (self);
  else
    {
      api_key_ok = validate_required_key (self, self->api_key_row, self->api_key_message,
                                          self->api_key_touched, _ ("Enter the API key"));
      integration_key_ok = validate_required_key (self, self->integration_key_row,
                                                  self->integration_key_message,
                                                  self->integration_key_touched,
                                                  _ ("Enter the integration key"));
      public_key_ok = validate_public_key (self);
    }

  self->can_test = url_ok && api_key_ok && integration_key_ok && public_key_ok;
  self->valid = name_ok && self->can_test;
  _att_account_editor_update_actions (self);
}

/* The public key file */

static void
load_public_key_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AttAccountEditor) self = user_data;
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gsize            length = 0;

  if (!g_file_load_contents_finish (file, result, &contents, &length, NULL, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->closed)
    return;

  self->loading_file = FALSE;
  _att_account_editor_update_actions (self);
  _att_account_editor_notify_busy (self);

  name = g_file_get_parse_name (file);
  if (error != NULL)
    message = g_strdup_printf (_ ("Could not read “%s”: %s"), name, error->message);
  else if (length > MAX_PUBLIC_KEY_FILE_SIZE)
    message = g_strdup_printf (_ ("“%s” is too large to be a public key"), name);
  else if (!g_utf8_validate (contents, (gssize) length, NULL) || memchr (contents, 0, length) != NULL)
    message = g_strdup_printf (_ ("“%s” is not a text file: choose the public.pem file"), name);

  if (message != NULL)
    {
      show_field_message (GTK_WIDGET (self->public_key_view), self->public_key_message,
                          message, "error");
      return;
    }

  self->public_key_touched = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->public_key_view),
                            contents, (int) length);
}

void
_att_account_editor_load_public_key_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  AttAccountEditor *self = ATT_ACCOUNT_EDITOR (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  if (self->loading_file || self->saving)
    return;

  self->loading_file = TRUE;
  _att_account_editor_update_actions (self);
  _att_account_editor_notify_busy (self);
  g_file_load_contents_async (file, self->cancellable, load_public_key_cb, g_object_ref (self));
}

static void
on_chooser_response (AttAccountEditor     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    return;

  uri = g_file_get_uri (file);
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.load-public-key", "s", uri);
}

void
_att_account_editor_choose_public_key_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  AttAccountEditor *self = ATT_ACCOUNT_EDITOR (widget);

  if (self->chooser == NULL)
    {
      g_autoptr(GtkFileFilter) pem_filter = gtk_file_filter_new ();

      self->chooser = gtk_file_chooser_native_new (_ ("Choose the Developer Public Key"),
                                                   GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_OPEN,
                                                   _ ("_Open"),
                                                   _ ("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
      gtk_file_filter_set_name (pem_filter, _ ("PEM Files"));
      gtk_file_filter_add_suffix (pem_filter, "pem");
      gtk_file_filter_add_mime_type (pem_filter, "application/x-pem-file");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pem_filter);
      g_signal_connect_object (self->chooser, "response",
                               G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
    }

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}
