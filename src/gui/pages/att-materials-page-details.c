/* att-materials-page-details.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-catalog-item.h"
#include "att-catalog-kind.h"
#include "att-context.h"
#include "att-field-rows.h"
#include "att-format.h"
#include "att-higg-client.h"
#include "att-materials-page-details.h"
#include "att-page.h"
#include "att-product.h"

/* Products asked for at a time for "Used By": a screenful, then Show More. */
#define USED_BY_PAGE_SIZE 20

/**
 * AttMaterialsPageDetails:
 *
 * Everything the catalogue search said about one entry, known members
 * first under their names and any other member after them, as the server
 * spelt it; and the products that use the entry, from the products search
 * filtered by it (api-higg.md §3.3), each opening the product.
 */
struct _AttMaterialsPageDetails
{
  GtkWidget            parent_instance;

  AttContext          *context;
  char                *kind;
  AttCatalogItem      *item;
  GPtrArray           *field_rows;
  GCancellable        *cancellable;
  GListStore          *used_by;
  guint                used_by_total;
  gboolean             used_by_loaded;

  /* template widgets */
  GtkStack            *stack;
  GtkLabel            *name_label;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *fields_group;
  AdwPreferencesGroup *used_by_group;
  GtkListBox          *used_by_list;
  GtkWidget           *used_by_status;
  GtkSpinner          *used_by_spinner;
  GtkLabel            *used_by_label;
  GtkButton           *used_by_button;
};

G_DEFINE_FINAL_TYPE (AttMaterialsPageDetails, att_materials_page_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_USED_BY_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The members the API documents, in the order a reader wants them; the
 * name is the title above. */
typedef struct
{
  const char *key;
  const char *label;
} FieldLabel;

static const FieldLabel field_labels[] = {
  { "description", NC_ ("catalogue field", "Description") },
  { "type", NC_ ("catalogue field", "Type") },
  { "packagingType", NC_ ("catalogue field", "Packaging type") },
  { "group", NC_ ("catalogue field", "Group") },
  { "code", NC_ ("catalogue field", "Code") },
  { "dataSource", NC_ ("catalogue field", "Data source") },
  { "_id", NC_ ("catalogue field", "ID") },
  { "materialMsiId", NC_ ("catalogue field", "MSI material ID") },
  { "packagingMsiId", NC_ ("catalogue field", "MSI packaging ID") },
  { "isCustomMaterial", NC_ ("catalogue field", "Custom material") },
  { "imported", NC_ ("catalogue field", "Imported") },
  { "vendor", NC_ ("catalogue field", "Vendor") },
  { "version", NC_ ("catalogue field", "Version") },
};

/* Fields */

static void
clear_fields (AttMaterialsPageDetails *self)
{
  att_field_rows_clear (self->fields_group, self->field_rows);
}

static gboolean
is_documented (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].key, key))
      return TRUE;
  return g_str_equal (key, "name");
}

static void
add_member (AttMaterialsPageDetails *self,
            const char              *title,
            JsonNode                *node)
{
  att_field_rows_add_member (self->fields_group, self->field_rows, title, node);
}

static void
fill_fields (AttMaterialsPageDetails *self)
{
  JsonObject *json = att_catalog_item_get_json (self->item);
  g_autoptr(GList) members = json_object_get_members (json);

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (json_object_has_member (json, field_labels[i].key))
      add_member (self, g_dpgettext2 (GETTEXT_PACKAGE, "catalogue field", field_labels[i].label),
                  json_object_get_member (json, field_labels[i].key));

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *title = NULL;

      if (is_documented (l->data))
        continue;
      title = att_field_rows_humanize_key (l->data);
      add_member (self, title, json_object_get_member (json, l->data));
    }
}

static void
fill_header (AttMaterialsPageDetails *self)
{
  g_autofree char *summary = att_catalog_kind_describe_item (self->item);
  const char      *name = att_catalog_item_get_name (self->item);

  gtk_label_set_label (self->name_label, name != NULL ? name : att_catalog_item_get_id (self->item));
  gtk_label_set_label (self->summary_label, summary);
}

/* Used by */

static void
set_used_by_loaded (AttMaterialsPageDetails *self,
                    gboolean                 loaded)
{
  if (self->used_by_loaded == loaded)
    return;
  self->used_by_loaded = loaded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USED_BY_LOADED]);
}

static void
clear_used_by (AttMaterialsPageDetails *self)
{
  GtkWidget *row;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_list_store_remove_all (self->used_by);
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->used_by_list))) != NULL)
    gtk_list_box_remove (self->used_by_list, row);
  self->used_by_total = 0;
  adw_preferences_group_set_description (self->used_by_group, NULL);
  set_used_by_loaded (self, FALSE);
}

static void
show_used_by_status (AttMaterialsPageDetails *self,
                     gboolean                 loading,
                     const char              *text,
                     const char              *button_label)
{
  gtk_widget_set_visible (self->used_by_status, loading || text != NULL || button_label != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->used_by_spinner), loading);
  gtk_spinner_set_spinning (self->used_by_spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->used_by_label), text != NULL);
  gtk_label_set_label (self->used_by_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->used_by_button), button_label != NULL);
  if (button_label != NULL)
    {
      gtk_button_set_label (self->used_by_button, button_label);
      att_accessible_fix_mnemonics (GTK_WIDGET (self->used_by_button));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->used_by_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->used_by)) > 0);
}

static GtkWidget *
create_product_row (AttProduct *product)
{
  GtkWidget       *row = adw_action_row_new ();
  const char      *name = att_product_get_name (product);
  g_autofree char *category = att_format_category (att_product_get_category (product));
  const char      *parts[] = { att_product_get_identifier (product), category, NULL };
  g_autofree char *subtitle = NULL;

  parts[0] = parts[0] != NULL ? parts[0] : category;
  parts[1] = parts[0] == category ? NULL : category;
  subtitle = g_strjoinv (" · ", (char **) parts);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : att_product_get_id (product));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-product");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", att_product_get_id (product));
  return row;
}

static void
show_used_by_count (AttMaterialsPageDetails *self)
{
  guint            n = g_list_model_get_n_items (G_LIST_MODEL (self->used_by));
  g_autofree char *count = NULL;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product", "%u products",
                                        self->used_by_total),
                           self->used_by_total);
  adw_preferences_group_set_description (self->used_by_group, n > 0 ? count : NULL);

  if (n == 0)
    show_used_by_status (self, FALSE, _ ("No product uses it."), NULL);
  else if (n < self->used_by_total)
    show_used_by_status (self, FALSE, NULL, _ ("Show _More"));
  else
    show_used_by_status (self, FALSE, NULL, NULL);
}

static void
add_used_by_page (AttMaterialsPageDetails *self,
                  AttPage                 *page)
{
  GListModel *products = att_page_get_items (page);
  guint       n = g_list_model_get_n_items (products);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (products, i);

      g_list_store_append (self->used_by, product);
      gtk_list_box_append (self->used_by_list, create_product_row (product));
    }
  self->used_by_total = att_page_get_total (page);
  /* A page shorter than asked means the server has no more, whatever it
   * said the total was. */
  if (n < USED_BY_PAGE_SIZE)
    self->used_by_total = g_list_model_get_n_items (G_LIST_MODEL (self->used_by));
}

static void
used_by_fetched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AttMaterialsPageDetails) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;

  page = att_higg_client_search_products_filtered_finish (ATT_HIGG_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (page == NULL)
    {
      show_used_by_status (self, FALSE, error->message, _ ("_Retry"));
      return;
    }

  add_used_by_page (self, page);
  show_used_by_count (self);
  set_used_by_loaded (self, TRUE);
}

static void
fetch_used_by (AttMaterialsPageDetails *self)
{
  AttHiggClient *client = att_context_get_higg_client (self->context);
  const char    *ids[] = { att_catalog_item_get_id (self->item), NULL };

  if (client == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  show_used_by_status (self, TRUE, _ ("Looking for products…"), NULL);
  att_higg_client_search_products_filtered_async (client, NULL, self->kind, ids,
                                                  g_list_model_get_n_items (G_LIST_MODEL (self->used_by)),
                                                  USED_BY_PAGE_SIZE, self->cancellable,
                                                  used_by_fetched, g_object_ref (self));
}

/* Actions */

static void
add_to_product_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AttMaterialsPageDetails *self = ATT_MATERIALS_PAGE_DETAILS (widget);
  const char              *name;

  if (self->item == NULL)
    return;
  name = att_catalog_item_get_name (self->item);
  gtk_widget_activate_action (widget, "win.add-to-product", "(sss)", self->kind,
                              att_catalog_item_get_id (self->item), name != NULL ? name : "");
}

static void
load_used_by_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AttMaterialsPageDetails *self = ATT_MATERIALS_PAGE_DETAILS (widget);

  if (self->item != NULL)
    fetch_used_by (self);
}

/* GObject */

static void
att_materials_page_details_dispose (GObject *object)
{
  AttMaterialsPageDetails *self = (AttMaterialsPageDetails *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_MATERIALS_PAGE_DETAILS);
  g_clear_object (&self->item);
  g_clear_object (&self->used_by);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_materials_page_details_parent_class)->dispose (object);
}

static void
att_materials_page_details_finalize (GObject *object)
{
  AttMaterialsPageDetails *self = (AttMaterialsPageDetails *) object;

  g_free (self->kind);
  g_ptr_array_unref (self->field_rows);

  G_OBJECT_CLASS (att_materials_page_details_parent_class)->finalize (object);
}

static void
att_materials_page_details_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AttMaterialsPageDetails *self = ATT_MATERIALS_PAGE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_USED_BY_LOADED:
      g_value_set_boolean (value, self->used_by_loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_materials_page_details_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AttMaterialsPageDetails *self = ATT_MATERIALS_PAGE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_materials_page_details_class_init (AttMaterialsPageDetailsClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_materials_page_details_dispose;
  object_class->finalize = att_materials_page_details_finalize;
  object_class->get_property = att_materials_page_details_get_property;
  object_class->set_property = att_materials_page_details_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* Whether the first page of "Used By" has arrived for the item shown. */
  properties[PROP_USED_BY_LOADED] =
    g_param_spec_boolean ("used-by-loaded", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-materials-page-details.ui");
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPageDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPageDetails, name_label);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPageDetails, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPageDetails, fields_group);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPageDetails, used_by_group);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPageDetails, used_by_list);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPageDetails, used_by_status);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPageDetails, used_by_spinner);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPageDetails, used_by_label);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPageDetails, used_by_button);

  gtk_widget_class_install_action (widget_class, "details.add-to-product", NULL,
                                   add_to_product_action);
  gtk_widget_class_install_action (widget_class, "details.load-used-by", NULL,
                                   load_used_by_action);
}

static void
att_materials_page_details_init (AttMaterialsPageDetails *self)
{
  self->field_rows = g_ptr_array_new ();
  self->used_by = g_list_store_new (ATT_TYPE_PRODUCT);
  self->kind = g_strdup (ATT_CATALOG_KIND_MATERIAL);

  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.add-to-product", FALSE);
}

GtkWidget *
att_materials_page_details_new (AttContext *context)
{
  return g_object_new (ATT_TYPE_MATERIALS_PAGE_DETAILS,
                       "context", context,
                       NULL);
}

/**
 * att_materials_page_details_set_item:
 * @kind: "material", "component" or "packaging"
 * @item: (nullable): the entry to show, or %NULL for none
 */
void
att_materials_page_details_set_item (AttMaterialsPageDetails *self,
                                     const char              *kind,
                                     AttCatalogItem          *item)
{
  g_return_if_fail (ATT_IS_MATERIALS_PAGE_DETAILS (self));
  g_return_if_fail (att_catalog_kind_is_valid (kind));

  if (item != NULL && att_catalog_item_get_id (item) == NULL)
    item = NULL;
  if (item == self->item && g_strcmp0 (kind, self->kind) == 0)
    return;

  g_set_object (&self->item, item);
  g_free (self->kind);
  self->kind = g_strdup (kind);
  clear_fields (self);
  clear_used_by (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.add-to-product", item != NULL);

  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  fill_header (self);
  fill_fields (self);
  gtk_stack_set_visible_child_name (self->stack, "item");
  fetch_used_by (self);
}

/**
 * att_materials_page_details_get_item:
 *
 * Returns: (transfer none) (nullable): the entry shown
 */
AttCatalogItem *
att_materials_page_details_get_item (AttMaterialsPageDetails *self)
{
  g_return_val_if_fail (ATT_IS_MATERIALS_PAGE_DETAILS (self), NULL);

  return self->item;
}

/**
 * att_materials_page_details_get_used_by:
 *
 * Returns: (transfer none): the #AttProduct list shown under "Used By",
 *   as far as it has been loaded
 */
GListModel *
att_materials_page_details_get_used_by (AttMaterialsPageDetails *self)
{
  g_return_val_if_fail (ATT_IS_MATERIALS_PAGE_DETAILS (self), NULL);

  return G_LIST_MODEL (self->used_by);
}

gboolean
att_materials_page_details_get_used_by_loaded (AttMaterialsPageDetails *self)
{
  g_return_val_if_fail (ATT_IS_MATERIALS_PAGE_DETAILS (self), FALSE);

  return self->used_by_loaded;
}

/**
 * att_materials_page_details_get_used_by_total:
 *
 * Returns: how many products use the entry, as the server counted them
 */
guint
att_materials_page_details_get_used_by_total (AttMaterialsPageDetails *self)
{
  g_return_val_if_fail (ATT_IS_MATERIALS_PAGE_DETAILS (self), 0);

  return self->used_by_total;
}
