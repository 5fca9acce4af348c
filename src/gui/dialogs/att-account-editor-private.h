/* att-account-editor-private.h: the instance struct of AttAccountEditor and
 * the helpers its parts share: att-account-editor.c (the GObject, its state,
 * building the form and reacting to edits), att-account-editor-fields.c
 * (reading and validating the fields, the public key file),
 * att-account-editor-test.c (the connection test) and
 * att-account-editor-save.c (saving)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "att-account-editor.h"

G_BEGIN_DECLS

struct _AttAccountEditor
{
  AdwWindow             parent_instance;

  AttContext           *context;
  AttService            service;
  AttAccount           *account; /* the original; NULL when adding */
  AttAccount           *draft;
  GtkStringList        *servers;
  guint                 n_presets;

  GCancellable         *cancellable;      /* saving, reading a key file */
  GCancellable         *test_cancellable; /* the running connection test */
  GtkFileChooserNative *chooser;
  guint                 secret_step;         /* the next key to store while saving */
  GtkWidget            *focus_before_saving; /* weak */

  gboolean              valid;
  gboolean              can_test;
  gboolean              saving;
  gboolean              loading_file;
  gboolean              closed; /* no more answers wanted */
  gboolean              name_touched;
  gboolean              address_touched;
  gboolean              api_key_touched;
  gboolean              integration_key_touched;
  gboolean              public_key_touched;

  /* template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  GtkSpinner           *save_spinner;
  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *error_group;
  GtkLabel             *error_label;
  AdwEntryRow          *name_row;
  AdwComboRow          *server_row;
  AdwEntryRow          *address_row;
  GtkLabel             *name_message;
  GtkLabel             *address_message;
  AdwPreferencesGroup  *keys_group;
  AdwEntryRow          *api_key_row;
  AdwEntryRow          *integration_key_row;
  GtkLabel             *api_key_message;
  GtkLabel             *integration_key_message;
  AdwPreferencesGroup  *public_key_group;
  GtkTextView          *public_key_view;
  GtkLabel             *public_key_message;
  AdwPreferencesGroup  *test_group;
  GtkSpinner           *test_spinner;
  GtkButton            *test_button;
  GtkWidget            *test_result_box;
  GtkImage             *test_result_icon;
  GtkLabel             *test_result_label;
};

typedef struct
{
  const char *label;
  const char *url;
} Preset;

/* A copy of a key, wiped before it is freed. */
typedef char *SecretText;

static inline void
secret_text_free (char *text)
{
  if (text == NULL)
    return;
  explicit_bzero (text, strlen (text));
  g_free (text);
}

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (SecretText, secret_text_free, NULL)

/* att-account-editor.c */
AttSecretStore *_att_account_editor_get_secret_store (AttAccountEditor *self);
gboolean        _att_account_editor_is_editing (AttAccountEditor *self);
void            _att_account_editor_update_actions (AttAccountEditor *self);
void            _att_account_editor_notify_busy (AttAccountEditor *self);
void            _att_account_editor_show_error (AttAccountEditor *self,
                                                const char       *message);
void            _att_account_editor_set_saving (AttAccountEditor *self,
                                                gboolean          saving);

/* att-account-editor-fields.c */
const Preset   *_att_account_editor_get_presets (AttService service,
                                                 guint     *n_presets);
char           *_att_account_editor_normalize_url (const char *text);
gboolean        _att_account_editor_is_custom_server (AttAccountEditor *self);
char           *_att_account_editor_get_base_url (AttAccountEditor *self);
char           *_att_account_editor_get_name (AttAccountEditor *self);
char           *_att_account_editor_dup_key (AdwEntryRow *row);
char           *_att_account_editor_get_public_key (AttAccountEditor *self);
void            _att_account_editor_validate (AttAccountEditor *self);
void            _att_account_editor_load_public_key_action (GtkWidget  *widget,
                                                            const char *action_name,
                                                            GVariant   *parameter);
void            _att_account_editor_choose_public_key_action (GtkWidget  *widget,
                                                              const char *action_name,
                                                              GVariant   *parameter);

/* att-account-editor-test.c */
void            _att_account_editor_hide_test_result (AttAccountEditor *self);
void            _att_account_editor_cancel_test (AttAccountEditor *self);
void            _att_account_editor_test_connection_action (GtkWidget  *widget,
                                                            const char *action_name,
                                                            GVariant   *parameter);

/* att-account-editor-save.c */
void            _att_account_editor_save_action (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *parameter);

G_END_DECLS
