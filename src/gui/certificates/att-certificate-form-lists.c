/* att-certificate-form-lists.c: the assertion authorities and standards to
 * choose from, as the server lists them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-assertion-item.h"
#include "att-certificate-form-private.h"
#include "att-context.h"
#include "att-spinner.h"

/* Both lists come from the server (never a list written here: Higg adds
 * standards).  The standards shown are the chosen authority's; a standard
 * that is its authority's only one is chosen with it.  Nothing is chosen
 * at first, so that a certificate is never filed under a standard nobody
 * picked. */

static const char *
selected_id (AdwComboRow *row)
{
  AttAssertionItem *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? att_assertion_item_get_id (item) : NULL;
}

const char *
att_certificate_form_get_authority_id (AttCertificateForm *self)
{
  return selected_id (self->authority_row);
}

const char *
att_certificate_form_get_standard_id (AttCertificateForm *self)
{
  return selected_id (self->standard_row);
}

static gboolean
standard_matches (gpointer item,
                  gpointer user_data)
{
  AttCertificateForm *self = user_data;
  const char         *authority_id = att_certificate_form_get_authority_id (self);

  return authority_id != NULL &&
         g_strcmp0 (att_assertion_item_get_authority_id (item), authority_id) == 0;
}

static void
on_authority_changed (AttCertificateForm *self)
{
  guint n;

  if (self->standard_filter == NULL)
    return;
  self->updating++;
  gtk_filter_changed (GTK_FILTER (self->standard_filter), GTK_FILTER_CHANGE_DIFFERENT);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->standards_shown));
  adw_combo_row_set_selected (self->standard_row, n == 1 ? 0 : GTK_INVALID_LIST_POSITION);
  /* The standards are the authority's: none until it is chosen. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->standard_row), att_certificate_form_get_authority_id (self) != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->standard_row),
                               att_certificate_form_get_authority_id (self) == NULL
                                 ? _ ("Choose the authority first")
                                 : NULL);
  self->updating--;
  att_certificate_form_changed (self);
}

void
att_certificate_form_lists_init (AttCertificateForm *self)
{
  GtkExpression *name = gtk_property_expression_new (ATT_TYPE_ASSERTION_ITEM, NULL, "name");

  adw_combo_row_set_expression (self->authority_row, name);
  adw_combo_row_set_expression (self->standard_row, name);
  gtk_expression_unref (name);
  g_signal_connect_object (self->authority_row, "notify::selected",
                           G_CALLBACK (on_authority_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->standard_row, "notify::selected",
                           G_CALLBACK (att_certificate_form_changed), self, G_CONNECT_SWAPPED);
}

static void
show_lists (AttCertificateForm *self)
{
  self->standard_filter = gtk_custom_filter_new (standard_matches, self, NULL);
  self->standards_shown = gtk_filter_list_model_new (g_object_ref (self->standards),
                                                     g_object_ref (GTK_FILTER (self->standard_filter)));
  self->updating++;
  adw_combo_row_set_model (self->authority_row, self->authorities);
  adw_combo_row_set_selected (self->authority_row, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_model (self->standard_row, G_LIST_MODEL (self->standards_shown));
  adw_combo_row_set_selected (self->standard_row, GTK_INVALID_LIST_POSITION);
  self->updating--;
  gtk_widget_set_visible (GTK_WIDGET (self->lists_row), FALSE);
}

static void
lists_done (AttCertificateForm *self)
{
  g_autofree char *title = NULL;

  att_spinner_stop (self->lists_spinner);
  if (self->lists_error == NULL)
    {
      show_lists (self);
      return;
    }
  title = g_strdup_printf (_ ("Could not load the authorities and standards: %s"), self->lists_error);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->lists_row), title);
  gtk_widget_set_visible (self->lists_retry_button, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->lists_row), "error");
}

static void
list_loaded (AttCertificateForm *self,
             GListModel        **slot,
             GListModel         *list,
             GError             *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (list != NULL)
    g_set_object (slot, list);
  else if (self->lists_error == NULL)
    self->lists_error = g_strdup (error->message);
  if (--self->lists_pending == 0)
    lists_done (self);
}

static void
authorities_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  list = att_higg_client_list_assertion_authorities_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    list_loaded (user_data, &ATT_CERTIFICATE_FORM (user_data)->authorities, list, error);
}

static void
standards_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  list = att_higg_client_list_assertion_standards_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    list_loaded (user_data, &ATT_CERTIFICATE_FORM (user_data)->standards, list, error);
}

/**
 * att_certificate_form_lists_load:
 *
 * Asks the server for both lists, again after a failure.
 */
void
att_certificate_form_lists_load (AttCertificateForm *self)
{
  AttHiggClient *client = att_context_get_higg_client (self->context);

  if (self->lists_pending > 0)
    return;
  g_clear_pointer (&self->lists_error, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->lists_row), TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->lists_row), "error");
  gtk_widget_set_visible (self->lists_retry_button, FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->lists_row),
                                 _ ("Loading the authorities and standards…"));
  if (client == NULL)
    {
      self->lists_error = g_strdup (_ ("no account is connected"));
      lists_done (self);
      return;
    }

  att_spinner_start_delayed (self->lists_spinner, 0);
  self->lists_pending = 2;
  att_higg_client_list_assertion_authorities_async (client, self->cancellable, authorities_cb, self);
  att_higg_client_list_assertion_standards_async (client, self->cancellable, standards_cb, self);
}
