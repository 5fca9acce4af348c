/* att-certificates-page-filter.c: the status, standard and search filters
 * of the Certificates view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-assertion-item.h"
#include "att-certificates-page-private.h"
#include "att-context.h"
#include "att-higg-client.h"

/* Every certificate is in memory (the list reads them all), so the filters
 * run here, as the user types: the status as of now with the lead time of
 * the Preferences, the standard chosen from the server's list of standards,
 * and words found in the number, the name, the standard, the authority or
 * the issuing body. */

/* The status dropdown's rows, after "All Statuses". */
static const AttCertificateStatus status_rows[] = {
  ATT_CERTIFICATE_STATUS_VALID,
  ATT_CERTIFICATE_STATUS_EXPIRING,
  ATT_CERTIFICATE_STATUS_EXPIRED,
};

guint
att_certificates_page_lead_days (AttCertificatesPage *self)
{
  return self->context != NULL ? att_context_get_expiry_lead_days (self->context)
                               : ATT_CERTIFICATE_DEFAULT_LEAD_DAYS;
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
matches_text (AttCertificate *certificate,
              const char     *text)
{
  return contains (att_certificate_get_assertion_id (certificate), text) ||
         contains (att_certificate_get_certificate_name (certificate), text) ||
         contains (att_certificate_get_standard_name (certificate), text) ||
         contains (att_certificate_get_authority_name (certificate), text) ||
         contains (att_certificate_get_proof_body (certificate), text);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  AttCertificatesPage *self = user_data;
  AttCertificate      *certificate = item;
  guint                status_row = gtk_drop_down_get_selected (self->status_dropdown);
  guint                standard_row = gtk_drop_down_get_selected (self->standard_dropdown);
  const char          *standard_id = NULL;

  if (status_row > 0 && status_row <= G_N_ELEMENTS (status_rows) &&
      att_certificate_get_status (certificate, self->now, att_certificates_page_lead_days (self)) !=
        status_rows[status_row - 1])
    return FALSE;

  if (standard_row != GTK_INVALID_LIST_POSITION && standard_row < self->standard_ids->len)
    standard_id = g_ptr_array_index (self->standard_ids, standard_row);
  if (standard_id != NULL && g_strcmp0 (att_certificate_get_standard_id (certificate), standard_id) != 0)
    return FALSE;

  /* Every word must be found, in any of the fields. */
  if (self->search_text != NULL)
    {
      g_auto(GStrv) words = g_strsplit_set (self->search_text, " \t", -1);

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0' && !matches_text (certificate, words[i]))
          return FALSE;
    }
  return TRUE;
}

/**
 * att_certificates_page_refilter:
 *
 * Runs the filters again, the status as of now: after a filter changed, or
 * the lead time.
 */
void
att_certificates_page_refilter (AttCertificatesPage *self)
{
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_new_now_utc ();
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Standards */

static void
standards_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AttCertificatesPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) standards = NULL;
  guint n;

  standards = att_higg_client_list_assertion_standards_finish (ATT_HIGG_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (standards == NULL)
    {
      /* The list of certificates works without it; the filter waits for
       * the next reload. */
      g_debug ("Could not read the standards: %s", error->message);
      return;
    }

  n = g_list_model_get_n_items (standards);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttAssertionItem) standard = g_list_model_get_item (standards, i);
      const char *name = att_assertion_item_get_name (standard);

      gtk_string_list_append (self->standard_names, name != NULL ? name : att_assertion_item_get_id (standard));
      g_ptr_array_add (self->standard_ids, g_strdup (att_assertion_item_get_id (standard)));
    }
}

/**
 * att_certificates_page_load_standards:
 *
 * Fills the standard filter from the server's list (never hard-coded).
 */
void
att_certificates_page_load_standards (AttCertificatesPage *self)
{
  AttHiggClient *client = self->context != NULL ? att_context_get_higg_client (self->context) : NULL;
  guint          n = g_list_model_get_n_items (G_LIST_MODEL (self->standard_names));

  if (client == NULL || n > 1)
    return;
  att_higg_client_list_assertion_standards_async (client, self->cancellable, standards_loaded, self);
}

/**
 * att_certificates_page_setup_filters:
 *
 * The filter of the list, and the rows of the two dropdowns.
 */
void
att_certificates_page_setup_filters (AttCertificatesPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->now = g_date_time_new_now_utc ();
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);

  gtk_string_list_append (statuses, _ ("All Statuses"));
  for (guint i = 0; i < G_N_ELEMENTS (status_rows); i++)
    gtk_string_list_append (statuses, att_certificate_status_get_label (status_rows[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  self->standard_names = gtk_string_list_new (NULL);
  self->standard_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (self->standard_names, _ ("All Standards"));
  g_ptr_array_add (self->standard_ids, NULL);
  gtk_drop_down_set_model (self->standard_dropdown, G_LIST_MODEL (self->standard_names));
}

void
att_certificates_page_set_status_filter (AttCertificatesPage *self,
                                         AttCertificateStatus status)
{
  guint row = 0;

  g_return_if_fail (ATT_IS_CERTIFICATES_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (status_rows); i++)
    if (status_rows[i] == status)
      row = i + 1;
  gtk_drop_down_set_selected (self->status_dropdown, row);
}

/**
 * att_certificates_page_set_standard_filter:
 * @standard_id: (nullable): a standard's `_id`, or %NULL for all; one not
 *   in the server's list is all
 */
void
att_certificates_page_set_standard_filter (AttCertificatesPage *self,
                                           const char          *standard_id)
{
  guint row = 0;

  g_return_if_fail (ATT_IS_CERTIFICATES_PAGE (self));

  for (guint i = 1; standard_id != NULL && i < self->standard_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->standard_ids, i), standard_id))
      row = i;
  gtk_drop_down_set_selected (self->standard_dropdown, row);
}
