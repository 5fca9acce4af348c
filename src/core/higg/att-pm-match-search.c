/* att-pm-match-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-higg-client.h"
#include "att-page.h"
#include "att-pm-match-search.h"
#include "att-pm-match.h"
#include "att-product.h"

/* The match itself is att-pm-match.c's; this is how the candidates are
 * found.  The PIC products search filters on exact identifiers
 * (api-higg.md §3.3 `identifier`), so a barcode is asked for in each of
 * its spellings and the answers are checked again as 14 digits; a style
 * number is a PIC product's SKU identifier.  A handful of candidates is
 * enough: one article has one or two records. */

#define CANDIDATES 10

typedef struct
{
  AttHiggClient *client;
  AttPmProduct  *product;
  AttPmMatchKind kind; /* the step under way */
} FindPic;

static void
find_pic_free (FindPic *find)
{
  g_clear_object (&find->client);
  g_clear_object (&find->product);
  g_free (find);
}

static gboolean
barcodes_match (AttPmProduct *pm,
                AttProduct   *pic)
{
  const char *const *pm_barcodes = att_pm_product_get_barcodes (pm);
  g_auto(GStrv) pic_barcodes = att_pm_match_product_barcodes (pic);

  for (guint i = 0; pm_barcodes != NULL && pm_barcodes[i] != NULL; i++)
    for (guint j = 0; pic_barcodes[j] != NULL; j++)
      if (att_pm_match_barcode (pm_barcodes[i], pic_barcodes[j]))
        return TRUE;
  return FALSE;
}

static gboolean
style_numbers_match (AttPmProduct *pm,
                     AttProduct   *pic)
{
  g_autofree char *style = att_pm_match_product_style_number (pic);

  return att_pm_match_style_number (att_pm_product_get_model_number (pm), style);
}

static AttProduct *
first_match (FindPic *find,
             AttPage *page)
{
  GListModel *products = att_page_get_items (page);

  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(AttProduct) pic = g_list_model_get_item (products, i);

      if (find->kind == ATT_PM_MATCH_BARCODE ? barcodes_match (find->product, pic)
                                             : style_numbers_match (find->product, pic))
        return g_steal_pointer (&pic);
    }
  return NULL;
}

static void search_next (GTask *task);

static void
searched (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FindPic *find = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;
  AttProduct *match;

  page = att_higg_client_search_products_filtered_finish (ATT_HIGG_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  match = first_match (find, page);
  if (match != NULL)
    {
      g_task_return_pointer (task, match, g_object_unref);
      return;
    }
  search_next (g_steal_pointer (&task));
}

/* Barcodes first, then the style number; an empty key skips its step. */
static void
search_next (GTask *task)
{
  FindPic *find = g_task_get_task_data (task);
  g_auto(GStrv) identifiers = NULL;

  while (identifiers == NULL && find->kind != ATT_PM_MATCH_STYLE_NUMBER)
    {
      find->kind++;
      if (find->kind == ATT_PM_MATCH_BARCODE)
        identifiers = att_pm_match_barcode_spellings (att_pm_product_get_barcodes (find->product));
      else if (att_pm_product_get_model_number (find->product) != NULL)
        {
          identifiers = g_new0 (char *, 2);
          identifiers[0] = g_strstrip (g_strdup (att_pm_product_get_model_number (find->product)));
        }
      if (identifiers != NULL && (identifiers[0] == NULL || *identifiers[0] == '\0'))
        g_clear_pointer (&identifiers, g_strfreev);
    }

  if (identifiers == NULL)
    {
      find->kind = ATT_PM_MATCH_NONE;
      g_task_return_pointer (task, NULL, NULL);
      g_object_unref (task);
      return;
    }
  att_higg_client_search_products_filtered_async (find->client, NULL, "identifier",
                                                  (const char *const *) identifiers, 0, CANDIDATES,
                                                  g_task_get_cancellable (task), searched, task);
}

/**
 * att_pm_match_find_pic_product_async:
 * @client: the PIC client
 * @product: a Product Module product
 *
 * Looks for the PIC product that is @product: by barcode, then by style
 * number (`modelNumber` against the PIC product's style number).
 */
void
att_pm_match_find_pic_product_async (AttHiggClient      *client,
                                     AttPmProduct       *product,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  GTask   *task;
  FindPic *find;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (client));
  g_return_if_fail (ATT_IS_PM_PRODUCT (product));

  find = g_new0 (FindPic, 1);
  find->client = g_object_ref (client);
  find->product = g_object_ref (product);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_pm_match_find_pic_product_async));
  g_task_set_task_data (task, find, (GDestroyNotify) find_pic_free);
  search_next (task);
}

/**
 * att_pm_match_find_pic_product_finish:
 * @out_kind: (out) (optional): how it matched
 *
 * Returns: (transfer full) (nullable): the PIC product, or %NULL if none
 *   matches (@error unset) or on error
 */
AttProduct *
att_pm_match_find_pic_product_finish (GAsyncResult   *result,
                                      AttPmMatchKind *out_kind,
                                      GError        **error)
{
  FindPic *find;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  find = g_task_get_task_data (G_TASK (result));
  if (out_kind != NULL)
    *out_kind = find->kind;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- The PM products of a PIC product ------------------------------------ */

typedef struct
{
  AttHiggClient *client;
  AttProduct    *product;
  AttPmMatchKind kind; /* the step under way */
  GStrv          barcodes;
  char          *style_number;
} FindPm;

static void
find_pm_free (FindPm *find)
{
  g_clear_object (&find->client);
  g_clear_object (&find->product);
  g_strfreev (find->barcodes);
  g_free (find->style_number);
  g_free (find);
}

static gboolean
pm_matches (FindPm       *find,
            AttPmProduct *pm)
{
  const char *const *barcodes = att_pm_product_get_barcodes (pm);

  if (find->kind == ATT_PM_MATCH_STYLE_NUMBER)
    return att_pm_match_style_number (att_pm_product_get_model_number (pm), find->style_number);
  for (guint i = 0; barcodes != NULL && barcodes[i] != NULL; i++)
    for (guint j = 0; find->barcodes[j] != NULL; j++)
      if (att_pm_match_barcode (barcodes[i], find->barcodes[j]))
        return TRUE;
  return FALSE;
}

static void search_pm_next (GTask *task);

static void
searched_pm (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FindPm *find = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;
  g_autoptr(GListStore) matches = g_list_store_new (ATT_TYPE_PM_PRODUCT);
  GListModel *hits;

  page = att_higg_client_search_pm_products_finish (ATT_HIGG_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The server's answer is checked again: it compares text, and a row it
   * sent that could not be read has no id. */
  hits = att_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(AttPmProduct) pm = g_list_model_get_item (hits, i);

      if (att_page_get_row_error (page, i) == NULL && pm_matches (find, pm))
        g_list_store_append (matches, pm);
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (matches)) > 0)
    {
      g_task_return_pointer (task, g_steal_pointer (&matches), g_object_unref);
      return;
    }
  search_pm_next (g_steal_pointer (&task));
}

static void
search_pm_next (GTask *task)
{
  FindPm           *find = g_task_get_task_data (task);
  AttPmSearchFilter filter = { 0 };
  g_auto(GStrv) spellings = NULL;

  if (find->kind == ATT_PM_MATCH_NONE && find->barcodes[0] != NULL)
    {
      find->kind = ATT_PM_MATCH_BARCODE;
      spellings = att_pm_match_barcode_spellings ((const char *const *) find->barcodes);
      filter.barcodes = (const char *const *) spellings;
    }
  else if (find->kind != ATT_PM_MATCH_STYLE_NUMBER && find->style_number != NULL)
    {
      find->kind = ATT_PM_MATCH_STYLE_NUMBER;
      filter.style_number = find->style_number;
    }
  else
    {
      find->kind = ATT_PM_MATCH_NONE;
      g_task_return_pointer (task, g_list_store_new (ATT_TYPE_PM_PRODUCT), g_object_unref);
      g_object_unref (task);
      return;
    }
  att_higg_client_search_pm_products_async (find->client, &filter, 0, ATT_PM_SEARCH_MAX_PAGE_SIZE,
                                            g_task_get_cancellable (task), searched_pm, task);
}

/**
 * att_pm_match_find_pm_products_async:
 * @client: the Higg client (PM search)
 * @product: a PIC product
 *
 * Looks for the Product Module products that are @product: those with one
 * of its barcodes, or if none has, those with its style number.
 */
void
att_pm_match_find_pm_products_async (AttHiggClient      *client,
                                     AttProduct         *product,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  GTask  *task;
  FindPm *find;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (client));
  g_return_if_fail (ATT_IS_PRODUCT (product));

  find = g_new0 (FindPm, 1);
  find->client = g_object_ref (client);
  find->product = g_object_ref (product);
  find->barcodes = att_pm_match_product_barcodes (product);
  find->style_number = att_pm_match_product_style_number (product);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_pm_match_find_pm_products_async));
  g_task_set_task_data (task, find, (GDestroyNotify) find_pm_free);
  search_pm_next (task);
}

/**
 * att_pm_match_find_pm_products_finish:
 * @out_kind: (out) (optional): how they matched; %ATT_PM_MATCH_NONE when
 *   the list is empty
 *
 * Returns: (transfer full) (nullable): the #AttPmProduct list, empty if
 *   none matches, or %NULL with @error set
 */
GListModel *
att_pm_match_find_pm_products_finish (GAsyncResult   *result,
                                      AttPmMatchKind *out_kind,
                                      GError        **error)
{
  FindPm *find;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  find = g_task_get_task_data (G_TASK (result));
  if (out_kind != NULL)
    *out_kind = find->kind;
  return g_task_propagate_pointer (G_TASK (result), error);
}
