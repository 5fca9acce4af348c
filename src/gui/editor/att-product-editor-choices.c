/* att-product-editor-choices.c: the fields whose values come from the
 * server's lists: category, size and the eco-score countries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-after-paint.h"
#include "att-category.h"
#include "att-context.h"
#include "att-country.h"
#include "att-higg-client.h"
#include "att-product-editor-private.h"

static void
new_choices (GtkStringList **labels,
             GPtrArray     **values)
{
  *labels = gtk_string_list_new (NULL);
  *values = g_ptr_array_new_with_free_func (att_product_editor_node_free);
  gtk_string_list_append (*labels, _ ("Not set"));
  g_ptr_array_add (*values, NULL);
}

/* A value the list does not hold (an old category, a country the server
 * no longer lists) is still shown, not silently replaced. */
static void
add_current (AttProductEditor *self,
             const char       *path,
             GtkStringList    *labels,
             GPtrArray        *values)
{
  JsonNode   *current = att_product_edit_get (self->edit, path);
  const char *label = NULL;

  if (current == NULL || JSON_NODE_HOLDS_NULL (current))
    return;
  if (JSON_NODE_HOLDS_VALUE (current) && json_node_get_value_type (current) == G_TYPE_STRING)
    label = json_node_get_string (current);
  else if (JSON_NODE_HOLDS_OBJECT (current))
    label = json_object_get_string_member_with_default (json_node_get_object (current), "name", NULL);
  if (label == NULL)
    return;
  for (guint i = 1; i < values->len; i++)
    if (json_node_equal (g_ptr_array_index (values, i), current))
      return;
  gtk_string_list_append (labels, label);
  g_ptr_array_add (values, json_node_copy (current));
}

/* Sizes */

static const char *const *
sizes_of_selected_category (AttProductEditor *self)
{
  const char *id = att_product_edit_get_string (self->edit, "categoryExpansionId");

  for (guint i = 0; self->categories != NULL && i < g_list_model_get_n_items (self->categories); i++)
    {
      g_autoptr(AttCategory) category = g_list_model_get_item (self->categories, i);

      if (g_strcmp0 (att_category_get_id (category), id) == 0)
        return att_category_get_sizes (category);
    }
  return NULL;
}

/* The sizes valid for the chosen category. */
void
att_product_editor_update_sizes (AttProductEditor *self)
{
  AttEditorField    *field = att_product_editor_find_field (self, "size");
  const char *const *sizes = sizes_of_selected_category (self);
  GtkStringList     *labels;
  GPtrArray         *values;

  if (field == NULL)
    return;
  new_choices (&labels, &values);
  for (guint i = 0; sizes != NULL && sizes[i] != NULL; i++)
    {
      gtk_string_list_append (labels, sizes[i]);
      g_ptr_array_add (values, json_node_init_string (json_node_alloc (), sizes[i]));
    }
  add_current (self, "size", labels, values);
  att_product_editor_set_choices (self, field, labels, values);
}

/* Categories */

static void
fill_categories (AttProductEditor *self)
{
  AttEditorField *field = att_product_editor_find_field (self, "categoryExpansionId");
  GtkStringList  *labels;
  GPtrArray      *values;

  new_choices (&labels, &values);
  for (guint i = 0; self->categories != NULL && i < g_list_model_get_n_items (self->categories); i++)
    {
      g_autoptr(AttCategory) category = g_list_model_get_item (self->categories, i);

      gtk_string_list_append (labels, att_category_get_name (category));
      g_ptr_array_add (values, json_node_init_string (json_node_alloc (), att_category_get_id (category)));
    }
  add_current (self, "categoryExpansionId", labels, values);
  att_product_editor_set_choices (self, field, labels, values);
  att_product_editor_update_sizes (self);
}

static void
categories_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AttProductEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) categories = NULL;

  categories = att_higg_client_list_categories_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (categories == NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("The categories could not be loaded: %s"), error->message);

      /* The category stays as it is; the row says why it cannot change. */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row), message);
      return;
    }
  g_set_object (&self->categories, categories);
  fill_categories (self);
}

/* Countries */

static void
fill_countries (AttProductEditor *self,
                const char       *path)
{
  AttEditorField *field = att_product_editor_find_field (self, path);
  GtkStringList  *labels;
  GPtrArray      *values;

  new_choices (&labels, &values);
  for (guint i = 0; i < g_list_model_get_n_items (self->countries); i++)
    {
      g_autoptr(AttCountry) country = g_list_model_get_item (self->countries, i);

      gtk_string_list_append (labels, att_country_get_name (country));
      g_ptr_array_add (values, att_country_to_request_json (country));
    }
  if (strchr (path, '.') == NULL)
    add_current (self, path, labels, values);
  att_product_editor_set_choices (self, field, labels, values);
}

static void
countries_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  static const char *paths[] = {
    "frenchLabelCountry", "frenchLabelDyeingCountry", "frenchLabelFabricCountry",
    "frenchLabelOptionalFields.countrySpinning"
  };
  g_autoptr(AttProductEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) countries = NULL;

  countries = att_higg_client_list_countries_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (countries == NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("The countries could not be loaded: %s"), error->message);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->country_row), message);
      return;
    }
  g_set_object (&self->countries, countries);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    fill_countries (self, paths[i]);
}

static void
add_choice (AttProductEditor *self,
            const char       *path,
            AdwComboRow      *row)
{
  AttEditorField *field = att_product_editor_add_field (self, path, ATT_FIELD_CHOICE,
                                                        GTK_WIDGET (row), GTK_WIDGET (row));
  GtkStringList  *labels;
  GPtrArray      *values;

  /* Until the list comes, the current value is the only choice. */
  new_choices (&labels, &values);
  if (strchr (path, '.') == NULL)
    add_current (self, path, labels, values);
  att_product_editor_set_choices (self, field, labels, values);
}

static void
request_lists (GtkWidget *widget,
               gpointer   user_data)
{
  AttProductEditor *self = ATT_PRODUCT_EDITOR (widget);
  AttHiggClient    *client = self->context != NULL ? att_context_get_higg_client (self->context) : NULL;

  if (client == NULL)
    return;
  att_higg_client_list_categories_async (client, self->cancellable, categories_cb, g_object_ref (self));
  att_higg_client_list_countries_async (client, self->cancellable, countries_cb, g_object_ref (self));
}

void
att_product_editor_choices_init (AttProductEditor *self)
{
  add_choice (self, "categoryExpansionId", self->category_row);
  add_choice (self, "size", self->size_row);
  add_choice (self, "frenchLabelCountry", self->country_row);
  add_choice (self, "frenchLabelDyeingCountry", self->dyeing_row);
  add_choice (self, "frenchLabelFabricCountry", self->fabric_row);
  add_choice (self, "frenchLabelOptionalFields.countrySpinning", self->spinning_row);

  /* The lists are asked for once the form is on screen: a combo row given
   * a list makes a row widget per item for its popover at once, which the
   * first frame need not wait for (a server on this machine answers
   * before it). */
  att_widget_idle_after_next_paint (GTK_WIDGET (self), request_lists, NULL);
}
