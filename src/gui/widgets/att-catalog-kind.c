/* att-catalog-kind.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-catalog-item.h"
#include "att-catalog-kind.h"
#include "att-higg-client.h"
#include "att-page.h"
#include "att-paged-model.h"
#include "att-product-edit.h"

/* The catalogue searches accept at most 50 items a page (§3.5, V15). */
#define CATALOG_PAGE_SIZE 50

typedef struct
{
  const char *kind;
  const char *list;
  const char *id_member;
  void (*search) (AttHiggClient *, const char *, guint, guint, GCancellable *,
                  GAsyncReadyCallback, gpointer);
  AttPage *(*finish) (AttHiggClient *, GAsyncResult *, GError **);
} KindInfo;

static const KindInfo kinds[] = {
  { ATT_CATALOG_KIND_MATERIAL, ATT_PRODUCT_EDIT_MATERIALS, "materialId",
    att_higg_client_search_materials_async, att_higg_client_search_materials_finish },
  { ATT_CATALOG_KIND_COMPONENT, ATT_PRODUCT_EDIT_COMPONENTS, "componentId",
    att_higg_client_search_components_async, att_higg_client_search_components_finish },
  { ATT_CATALOG_KIND_PACKAGING, ATT_PRODUCT_EDIT_PACKAGING, "packagingId",
    att_higg_client_search_packaging_async, att_higg_client_search_packaging_finish },
};

static const KindInfo *
lookup (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return &kinds[i];
  return NULL;
}

gboolean
att_catalog_kind_is_valid (const char *kind)
{
  return lookup (kind) != NULL;
}

/**
 * att_catalog_kind_from_list:
 * @list: %ATT_PRODUCT_EDIT_MATERIALS, _PACKAGING or _COMPONENTS
 *
 * Returns: (nullable): the kind whose items that list holds
 */
const char *
att_catalog_kind_from_list (const char *list)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].list, list) == 0)
      return kinds[i].kind;
  return NULL;
}

const char *
att_catalog_kind_get_list (const char *kind)
{
  const KindInfo *info = lookup (kind);

  g_return_val_if_fail (info != NULL, NULL);
  return info->list;
}

/**
 * att_catalog_kind_get_id_member:
 *
 * Returns: the member of a list item that holds the catalogue id, e.g.
 *   `materialId`
 */
const char *
att_catalog_kind_get_id_member (const char *kind)
{
  const KindInfo *info = lookup (kind);

  g_return_val_if_fail (info != NULL, NULL);
  return info->id_member;
}

/**
 * att_catalog_kind_describe_item:
 *
 * Returns: (transfer full): "code · type", either alone, or the id when
 *   the item has neither
 */
char *
att_catalog_kind_describe_item (AttCatalogItem *item)
{
  const char *code = att_catalog_item_get_code (item);
  const char *type = att_catalog_item_get_item_type (item);

  g_return_val_if_fail (ATT_IS_CATALOG_ITEM (item), NULL);

  if (code != NULL && type != NULL)
    return g_strdup_printf ("%s · %s", code, type);
  if (code != NULL || type != NULL)
    return g_strdup (code != NULL ? code : type);
  return g_strdup (att_catalog_item_get_id (item));
}

/* The paged model */

typedef struct
{
  const KindInfo *info;
  AttHiggClient  *client;
  char           *text;
} ModelData;

static void
model_data_free (ModelData *data)
{
  g_clear_object (&data->client);
  g_free (data->text);
  g_free (data);
}

static void
model_fetch (guint               from,
             guint               size,
             GCancellable       *cancellable,
             GAsyncReadyCallback callback,
             gpointer            callback_data,
             gpointer            user_data)
{
  ModelData *data = user_data;

  data->info->search (data->client, data->text, from, size, cancellable, callback,
                      callback_data);
}

static AttPage *
model_finish (GAsyncResult *result,
              GError      **error,
              gpointer      user_data)
{
  ModelData *data = user_data;

  return data->info->finish (data->client, result, error);
}

/**
 * att_catalog_kind_create_model:
 * @text: (nullable): words to look for; %NULL or empty for the whole
 *   catalogue
 *
 * Returns: (transfer full): a list of #AttCatalogItem that fetches pages as
 *   they are shown; its placeholders have no id
 */
AttPagedModel *
att_catalog_kind_create_model (const char    *kind,
                               AttHiggClient *client,
                               const char    *text)
{
  const KindInfo *info = lookup (kind);
  ModelData      *data;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (client), NULL);

  data = g_new0 (ModelData, 1);
  data->info = info;
  data->client = g_object_ref (client);
  data->text = g_strdup (text);

  return att_paged_model_new (ATT_TYPE_CATALOG_ITEM, CATALOG_PAGE_SIZE, model_fetch,
                              model_finish, data, (GDestroyNotify) model_data_free);
}

/**
 * att_catalog_kind_describe_no_match:
 * @text: (nullable): what was searched for
 *
 * Returns: (transfer full): the description of an empty result
 */
char *
att_catalog_kind_describe_no_match (const char *kind,
                                    const char *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup (_ ("This catalogue is empty."));
  if (g_str_equal (kind, ATT_CATALOG_KIND_COMPONENT))
    return g_strdup_printf (_ ("No component matches “%s”."), text);
  if (g_str_equal (kind, ATT_CATALOG_KIND_PACKAGING))
    return g_strdup_printf (_ ("No packaging matches “%s”."), text);
  return g_strdup_printf (_ ("No material matches “%s”."), text);
}
