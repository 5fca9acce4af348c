/* att-certificate-read-back.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-certificate-read-back.h"
#include "att-higg-client.h"
#include "att-page.h"
#include "att-pm-product.h"

/* The answer to a create or an update has the certificate's fields and its
 * products, but not its large files: the client drops the answer's echo of
 * them as it arrives (att_higg_client_update_certificate_finish()).  PM
 * search has the files, in each covering product's `certifications`, but
 * not the product ids.  The two together are the certificate as the server
 * has it; a certificate that covers no product is found by no search, and
 * the answer is all there is. */

static AttCertificate *
find_certificate (AttPmProduct *product,
                  const char   *id)
{
  GListModel *certificates = att_pm_product_get_certificates (product);

  for (guint i = 0; i < g_list_model_get_n_items (certificates); i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (certificates, i);

      if (g_strcmp0 (att_certificate_get_id (certificate), id) == 0)
        return g_steal_pointer (&certificate);
    }
  return NULL;
}

static void
searched (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AttCertificate *answer = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;
  g_autoptr(AttCertificate) found = NULL;
  const char *const *ids = att_certificate_get_product_ids (answer);
  GListModel        *hits;

  page = att_higg_client_search_pm_products_finish (ATT_HIGG_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  hits = att_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (hits) && found == NULL; i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (hits, i);

      if (att_page_get_row_error (page, i) == NULL)
        found = find_certificate (product, att_certificate_get_id (answer));
    }
  if (found == NULL)
    {
      g_task_return_pointer (task, g_object_ref (answer), g_object_unref);
      return;
    }

  /* The answer names every product; the page, the first hundred. */
  for (guint i = 0; ids[i] != NULL; i++)
    att_certificate_add_product_id (found, ids[i]);
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (hits, i);

      if (att_page_get_row_error (page, i) == NULL)
        att_certificate_add_product_id (found, att_pm_product_get_id (product));
    }
  g_task_return_pointer (task, g_steal_pointer (&found), g_object_unref);
}

/**
 * att_certificate_read_back_async:
 * @client: the Higg client
 * @answer: the certificate a create or an update answered
 *
 * Reads @answer back through PM search, for its files.
 */
void
att_certificate_read_back_async (AttHiggClient      *client,
                                 AttCertificate     *answer,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  const char       *ids[] = { att_certificate_get_id (answer), NULL };
  AttPmSearchFilter filter = { .certifications = ids };
  GTask            *task;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (client));
  g_return_if_fail (ATT_IS_CERTIFICATE (answer));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_certificate_read_back_async));
  g_task_set_task_data (task, g_object_ref (answer), g_object_unref);
  att_higg_client_search_pm_products_async (client, &filter, 0, ATT_PM_SEARCH_MAX_PAGE_SIZE, cancellable,
                                            searched, task);
}

/**
 * att_certificate_read_back_finish:
 *
 * Returns: (transfer full) (nullable): the certificate with its files and
 *   products, or the answer if no search finds it; %NULL with @error set
 *   if the search failed
 */
AttCertificate *
att_certificate_read_back_finish (GAsyncResult *result,
                                  GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
