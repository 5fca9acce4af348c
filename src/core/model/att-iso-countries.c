/* att-iso-countries.c: the ISO 3166-1 countries from iso-codes, named in
 * the user's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "att-country.h"
#include "att-iso-countries.h"

/* iso-codes ships the list as JSON and the names' translations as the
 * gettext domain of the same name, under its own prefix (which is not
 * Attest's in a Flatpak or a local build). */
#define ISO_3166_DOMAIN "iso_3166-1"

/**
 * att_iso_countries_get_default_path:
 *
 * Returns: where iso-codes keeps the ISO 3166-1 list on this system
 */
const char *
att_iso_countries_get_default_path (void)
{
  return ISO_CODES_PREFIX "/share/iso-codes/json/iso_3166-1.json";
}

static void
bind_domain (void)
{
  static gsize bound = 0;

  if (g_once_init_enter (&bound))
    {
      bindtextdomain (ISO_3166_DOMAIN, ISO_CODES_PREFIX "/share/locale");
      bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");
      g_once_init_leave (&bound, 1);
    }
}

/* The everyday name where iso-codes has one ("Bolivia" rather than
 * "Bolivia, Plurinational State of"), translated. */
static AttCountry *
country_from_entry (JsonNode *node)
{
  JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *code = entry != NULL ? json_object_get_string_member_with_default (entry, "alpha_2", NULL) : NULL;
  const char *name;

  if (code == NULL || strlen (code) != 2)
    return NULL;
  name = json_object_get_string_member_with_default (entry, "common_name", NULL);
  if (name == NULL)
    name = json_object_get_string_member_with_default (entry, "name", code);
  return att_country_new (code, g_dgettext (ISO_3166_DOMAIN, name));
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      keys)
{
  return g_strcmp0 (g_hash_table_lookup (keys, a), g_hash_table_lookup (keys, b));
}

/* By name in the user's language, as a person looks a country up. */
static void
sort_by_name (GListStore *store)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(AttCountry) country = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_hash_table_insert (keys, country, g_utf8_collate_key (att_country_get_name (country), -1));
    }
  g_list_store_sort (store, compare_names, keys);
}

/**
 * att_iso_countries_read:
 * @path: (nullable): the iso-codes JSON file; %NULL for the system's
 *
 * Reads the list, blocking: call it from a worker thread.
 *
 * Returns: (transfer full): the countries (#AttCountry), by name
 */
GListModel *
att_iso_countries_read (const char   *path,
                        GCancellable *cancellable,
                        GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GListStore) store = g_list_store_new (ATT_TYPE_COUNTRY);
  JsonNode  *root;
  JsonNode  *list = NULL;
  JsonArray *entries;

  bind_domain ();
  if (path == NULL)
    path = att_iso_countries_get_default_path ();
  if (!json_parser_load_from_mapped_file (parser, path, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    list = json_object_get_member (json_node_get_object (root), "3166-1");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _ ("%s has no list of countries"), path);
      return NULL;
    }
  entries = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      g_autoptr(AttCountry) country = country_from_entry (json_array_get_element (entries, i));

      if (country != NULL)
        g_list_store_append (store, country);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  sort_by_name (store);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError     *error = NULL;
  GListModel *countries = att_iso_countries_read (task_data, cancellable, &error);

  if (countries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, countries, g_object_unref);
}

/**
 * att_iso_countries_load_async:
 * @path: (nullable): the iso-codes JSON file; %NULL for the system's
 *
 * Reads the list in a worker thread.
 */
void
att_iso_countries_load_async (const char         *path,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_iso_countries_load_async));
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, read_in_thread);
}

/**
 * att_iso_countries_load_finish:
 *
 * Returns: (transfer full): the countries (#AttCountry), by name
 */
GListModel *
att_iso_countries_load_finish (GAsyncResult *result,
                               GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * att_iso_countries_find:
 *
 * Returns: (transfer none) (nullable): the country of @code in
 *   @countries
 */
AttCountry *
att_iso_countries_find (GListModel *countries,
                        const char *code)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (countries), NULL);

  for (guint i = 0; code != NULL && i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(AttCountry) country = g_list_model_get_item (countries, i);

      if (g_strcmp0 (att_country_get_code (country), code) == 0)
        return country; /* the list keeps it */
    }
  return NULL;
}
