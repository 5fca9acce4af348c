/* att-product-details.c: read-only details of one product
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "att-accessible.h"
#include "att-closient-product-group.h"
#include "att-component-use.h"
#include "att-country.h"
#include "att-eco-score-page.h"
#include "att-eco-score.h"
#include "att-format.h"
#include "att-material-use.h"
#include "att-packaging-use.h"
#include "att-context.h"
#include "att-product-certificates.h"
#include "att-product.h"
#include "att-product-details.h"
#include "att-purchase-order.h"

struct _AttProductDetails
{
  GtkWidget                parent_instance;

  AttContext              *context;
  AttProduct              *product;
  GPtrArray               *rows; /* (element-type GtkWidget): rows added to the groups */

  GtkStack                *stack;
  GtkScrolledWindow       *scrolled_window;
  GtkLabel                *name_label;
  GtkLabel                *summary_label;
  GtkWidget               *score_card;
  GtkLabel                *score_label;
  GtkLabel                *score_status_label;
  GtkLabel                *score_detail_label;
  AdwPreferencesGroup     *overview_group;
  AttProductCertificates  *certificates;
  AttClosientProductGroup *closient;
  AdwPreferencesGroup     *materials_group;
  AdwPreferencesGroup     *packaging_group;
  AdwPreferencesGroup     *components_group;
  AdwPreferencesGroup     *orders_group;
  AdwPreferencesGroup     *locations_group;
  GtkWindow               *eco_window; /* (nullable) (unowned): the open eco-score page's window */
};

G_DEFINE_FINAL_TYPE (AttProductDetails, att_product_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PRODUCT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ECO_SCORE_OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_rows (AttProductDetails *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
add_row (AttProductDetails   *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, g_object_ref (row));
  return row;
}

/* A property row: the name on the left, its value on the right. */
static void
add_value_row (AttProductDetails   *self,
               AdwPreferencesGroup *group,
               const char          *title,
               const char          *value)
{
  GtkWidget *row = add_row (self, group, title, NULL);
  GtkWidget *label = gtk_label_new (value != NULL && *value != '\0' ? value : _ ("Not set"));

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);
}

static void
add_none_row (AttProductDetails   *self,
              AdwPreferencesGroup *group,
              const char          *text)
{
  GtkWidget *row = add_row (self, group, text, NULL);

  gtk_widget_add_css_class (row, "dim-label");
}

static char *
join_parts (const char *const *parts,
            guint              n_parts)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (str->len > 0)
        g_string_append (str, " · ");
      g_string_append (str, parts[i]);
    }
  return g_string_free (str, FALSE);
}

static void
fill_overview (AttProductDetails *self,
               AttProduct        *product)
{
  g_autofree char   *category = att_format_category (att_product_get_category (product));
  g_autofree char   *weight = att_product_format_weight (product);
  g_autofree char   *identifier = NULL;
  const char        *id_type = att_product_get_identifier_type (product);
  const char        *id = att_product_get_identifier (product);
  const char *const *tags = att_product_get_tags (product);

  if (id != NULL && id_type != NULL)
    identifier = g_strdup_printf ("%s %s", id_type, id);
  else
    identifier = g_strdup (id);

  add_value_row (self, self->overview_group, _ ("Identifier"), identifier);
  add_value_row (self, self->overview_group, _ ("Category"), category);
  add_value_row (self, self->overview_group, _ ("Size"), att_product_get_size (product));
  add_value_row (self, self->overview_group, _ ("Weight"), weight);
  add_value_row (self, self->overview_group, _ ("Weight Source"),
                 att_product_get_weight_is_primary_data (product)
                   ? _ ("Measured (primary data)")
                   : _ ("Estimated"));
  if (tags != NULL && tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) tags);
      add_value_row (self, self->overview_group, _ ("Tags"), joined);
    }
  add_value_row (self, self->overview_group, _ ("Higg ID"), att_product_get_id (product));
}

static void
fill_materials (AttProductDetails *self,
                AttProduct        *product)
{
  GListModel *materials = att_product_get_materials (product);
  guint       n = g_list_model_get_n_items (materials);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttMaterialUse) use = g_list_model_get_item (materials, i);
      g_autofree char *composition = NULL;
      g_autofree char *net_use = NULL;
      g_autofree char *subtitle = NULL;
      const char      *name = att_catalog_use_get_name (ATT_CATALOG_USE (use));
      g_autofree char *composition_pct = att_format_percent (att_material_use_get_composition (use));
      g_autofree char *net_use_pct = att_format_percent (att_material_use_get_net_use (use));
      const char      *parts[2];

      if (composition_pct != NULL)
        /* Translators: %s is a percentage such as "60 %" */
        composition = g_strdup_printf (_ ("Composition %s"), composition_pct);
      if (net_use_pct != NULL)
        /* Translators: %s is a percentage; net use is the cutting efficiency */
        net_use = g_strdup_printf (_ ("Net use %s"), net_use_pct);
      parts[0] = composition;
      parts[1] = net_use;
      subtitle = join_parts (parts, G_N_ELEMENTS (parts));

      add_row (self, self->materials_group,
               name != NULL ? name : att_material_use_get_material_id (use),
               subtitle);
    }
  if (n == 0)
    add_none_row (self, self->materials_group, _ ("No materials"));
}

static void
fill_packaging (AttProductDetails *self,
                AttProduct        *product)
{
  GListModel *packaging = att_product_get_packaging (product);
  guint       n = g_list_model_get_n_items (packaging);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttPackagingUse) use = g_list_model_get_item (packaging, i);
      g_autofree char *amount = att_format_number (att_packaging_use_get_amount (use), 3);
      g_autofree char *subtitle = NULL;
      const char      *name = att_catalog_use_get_name (ATT_CATALOG_USE (use));

      if (amount != NULL)
        /* Translators: %s is a number of packaging items */
        subtitle = g_strdup_printf (_ ("Amount %s"), amount);
      add_row (self, self->packaging_group,
               name != NULL ? name : att_packaging_use_get_packaging_id (use),
               subtitle);
    }
  if (n == 0)
    add_none_row (self, self->packaging_group, _ ("No packaging"));
}

static void
fill_components (AttProductDetails *self,
                 AttProduct        *product)
{
  GListModel *components = att_product_get_components (product);
  guint       n = g_list_model_get_n_items (components);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttComponentUse) use = g_list_model_get_item (components, i);
      g_autofree char *units = att_format_number (att_component_use_get_unit (use), 3);
      g_autofree char *subtitle = NULL;
      const char      *name = att_catalog_use_get_name (ATT_CATALOG_USE (use));

      if (units != NULL)
        /* Translators: %s is a number of units, e.g. buttons */
        subtitle = g_strdup_printf (_ ("%s per product"), units);
      add_row (self, self->components_group,
               name != NULL ? name : att_component_use_get_component_id (use),
               subtitle);
    }
  if (n == 0)
    add_none_row (self, self->components_group, _ ("No components"));
}

static void
fill_orders (AttProductDetails *self,
             AttProduct        *product)
{
  GListModel *orders = att_product_get_purchase_orders (product);
  guint       n = g_list_model_get_n_items (orders);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttPurchaseOrder) order = g_list_model_get_item (orders, i);
      g_autofree char *amount = att_format_number (att_purchase_order_get_amount_purchase (order), 2);
      g_autofree char *amount_text = NULL;
      g_autofree char *subtitle = NULL;
      const char      *title = att_purchase_order_get_purchase_order_id (order);
      const char      *parts[3];

      if (amount != NULL)
        /* Translators: %s is the number of units bought */
        amount_text = g_strdup_printf (_ ("%s units"), amount);
      parts[0] = att_purchase_order_get_purchase_date (order);
      parts[1] = amount_text;
      parts[2] = att_purchase_order_get_facility_name (order);
      subtitle = join_parts (parts, G_N_ELEMENTS (parts));

      add_row (self, self->orders_group,
               title != NULL ? title : _ ("Purchase order"),
               subtitle);
    }
  if (n == 0)
    add_none_row (self, self->orders_group, _ ("No purchase orders"));
}

static void
fill_locations (AttProductDetails *self,
                AttProduct        *product)
{
  g_autofree char *assembly = att_format_country (att_product_get_manufacturing_country (product));
  g_autofree char *dyeing = att_format_country (att_product_get_dyeing_country (product));
  g_autofree char *fabric = att_format_country (att_product_get_fabric_country (product));

  add_value_row (self, self->locations_group, _ ("Final Assembly"), assembly);
  add_value_row (self, self->locations_group, _ ("Dyeing and Finishing"), dyeing);
  add_value_row (self, self->locations_group, _ ("Fabric Formation"), fabric);
}

static void
fill_score (AttProductDetails *self,
            AttProduct        *product)
{
  AttEcoScore       *score = att_product_get_eco_score (product);
  const char *const *reasons = att_product_get_eligibility_messages (product);
  g_autofree char   *value = att_format_eco_score_short (score);
  g_autofree char   *detail = NULL;
  const char        *status_text;

  gtk_widget_remove_css_class (self->score_card, "pending");
  gtk_widget_remove_css_class (self->score_card, "missing");

  if (score != NULL && g_strcmp0 (att_eco_score_get_status (score), "Pending") == 0)
    {
      gtk_label_set_label (self->score_label, "…");
      status_text = _ ("Being calculated");
      gtk_widget_add_css_class (self->score_card, "pending");
    }
  else if (score != NULL && !isnan (att_eco_score_get_score (score)))
    {
      g_autofree char *ecs = att_format_number (att_eco_score_get_ecs (score), 1);
      g_autofree char *pef = att_format_number (att_eco_score_get_pef (score), 1);

      gtk_label_set_label (self->score_label, value);
      status_text = _ ("Impact points: lower is better");
      if (ecs != NULL && pef != NULL)
        /* Translators: the two aggregated eco-score figures */
        detail = g_strdup_printf (_ ("Environmental cost %s points · PEF %s µPt"), ecs, pef);
    }
  else
    {
      gtk_label_set_label (self->score_label, "—");
      status_text = _ ("No eco-score yet");
      gtk_widget_add_css_class (self->score_card, "missing");
      if (reasons != NULL && reasons[0] != NULL)
        detail = g_strjoinv ("\n", (char **) reasons);
      else if (score != NULL && att_eco_score_get_api_response_error (score) != NULL)
        detail = g_strdup (att_eco_score_get_api_response_error (score));
    }

  gtk_label_set_label (self->score_status_label, status_text);
  gtk_label_set_label (self->score_detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->score_detail_label), detail != NULL);
}

static void
eco_window_destroyed_cb (AttProductDetails *self)
{
  self->eco_window = NULL;
}

/* The eco-score page opens in a window of its own beside the list, so it
 * can stay open while the user looks at other products. */
static GtkWindow *
new_eco_window (AttProductDetails *self,
                GtkWidget         *page)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_set_title (GTK_WINDOW (window), _ ("Eco-Score Details"));
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 820);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_signal_connect_object (window, "destroy", G_CALLBACK (eco_window_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  return GTK_WINDOW (window);
}

static AttEcoScorePage *
eco_page_of (GtkWindow *window)
{
  GtkWidget *box = adw_window_get_content (ADW_WINDOW (window));

  return ATT_ECO_SCORE_PAGE (gtk_widget_get_last_child (box));
}

/* The page fetched a Pending score again: the score card here shows the
 * newer figures too when it is about the same product. */
static void
eco_page_product_cb (AttProductDetails *self)
{
  AttProduct *shown = att_eco_score_page_get_product (eco_page_of (self->eco_window));

  if (shown != NULL && self->product != NULL &&
      g_strcmp0 (att_product_get_id (shown), att_product_get_id (self->product)) == 0)
    fill_score (self, shown);
}

/**
 * att_product_details_open_eco_score:
 *
 * Opens (or raises) the eco-score page of the product shown.
 *
 * Returns: (transfer none) (nullable): the #AttEcoScorePage, to feed it the
 *   official label with att_eco_score_page_set_label_svg()
 */
GtkWidget *
att_product_details_open_eco_score (AttProductDetails *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_DETAILS (self), NULL);

  if (self->product == NULL)
    return NULL;

  if (self->eco_window == NULL)
    {
      GtkWidget *page = att_eco_score_page_new (self->context);

      self->eco_window = new_eco_window (self, page);
      g_signal_connect_object (page, "notify::product", G_CALLBACK (eco_page_product_cb), self,
                               G_CONNECT_SWAPPED);
      /* Before the product is set, so that the owner hears the first
       * label-needed. */
      g_signal_emit (self, signals[ECO_SCORE_OPENED], 0, page);
    }

  att_eco_score_page_set_product (eco_page_of (self->eco_window), self->product);
  gtk_window_present (self->eco_window);
  return GTK_WIDGET (eco_page_of (self->eco_window));
}

/* A newer copy of the product the open page shows (after an edit, say)
 * goes to the page too. */
static void
forward_to_eco_page (AttProductDetails *self,
                     AttProduct        *product)
{
  AttEcoScorePage *page;
  AttProduct      *shown;

  if (self->eco_window == NULL)
    return;

  page = eco_page_of (self->eco_window);
  shown = att_eco_score_page_get_product (page);
  if (shown != NULL && g_strcmp0 (att_product_get_id (shown), att_product_get_id (product)) == 0)
    att_eco_score_page_set_product (page, product);
}

static void
open_eco_score_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  att_product_details_open_eco_score (ATT_PRODUCT_DETAILS (widget));
}

static void
update (AttProductDetails *self)
{
  AttProduct      *product = self->product;
  g_autofree char *category = NULL;
  g_autofree char *weight = NULL;
  const char      *parts[3];
  g_autofree char *summary = NULL;

  clear_rows (self);
  att_product_certificates_set_product (self->certificates, product);
  att_closient_product_group_set_product (self->closient, product);

  if (product == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  category = att_format_category (att_product_get_category (product));
  weight = att_product_format_weight (product);
  parts[0] = category;
  parts[1] = att_product_get_size (product);
  parts[2] = weight;
  summary = join_parts (parts, G_N_ELEMENTS (parts));

  gtk_label_set_label (self->name_label, att_product_get_name (product));
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), *summary != '\0');

  fill_score (self, product);
  forward_to_eco_page (self, product);
  fill_overview (self, product);
  fill_materials (self, product);
  fill_packaging (self, product);
  fill_components (self, product);
  fill_orders (self, product);
  fill_locations (self, product);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_stack_set_visible_child_name (self->stack, "product");
}

static void
att_product_details_dispose (GObject *object)
{
  GtkWidget         *child;
  AttProductDetails *self = (AttProductDetails *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_PRODUCT_DETAILS);
  /* The template's root has no id, so unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (self->eco_window != NULL)
    gtk_window_destroy (self->eco_window);
  g_clear_object (&self->product);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_product_details_parent_class)->dispose (object);
}

static void
att_product_details_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AttProductDetails *self = ATT_PRODUCT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PRODUCT:
      g_value_set_object (value, self->product);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_product_details_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AttProductDetails *self = ATT_PRODUCT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      if (g_set_object (&self->context, g_value_get_object (value)))
        {
          g_object_set (self->certificates, "context", self->context, NULL);
          g_object_set (self->closient, "context", self->context, NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_PRODUCT:
      att_product_details_set_product (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_product_details_class_init (AttProductDetailsClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_product_details_dispose;
  object_class->get_property = att_product_details_get_property;
  object_class->set_property = att_product_details_set_property;

  /* The services, for the certificates of the product, from Higg and
   * Closient (optional). */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PRODUCT] =
    g_param_spec_object ("product", NULL, NULL,
                         ATT_TYPE_PRODUCT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATT_TYPE_PRODUCT_CERTIFICATES);
  g_type_ensure (ATT_TYPE_CLOSIENT_PRODUCT_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-product-details.ui");
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, name_label);
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, score_card);
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, score_label);
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, score_status_label);
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, score_detail_label);
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, overview_group);
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, certificates);
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, closient);
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, materials_group);
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, packaging_group);
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, components_group);
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, orders_group);
  gtk_widget_class_bind_template_child (widget_class, AttProductDetails, locations_group);

  /**
   * AttProductDetails::eco-score-opened:
   * @page: the new #AttEcoScorePage
   *
   * Eco-Score Details opened a page; connect to its
   * #AttEcoScorePage::label-needed to give it the official label.
   */
  signals[ECO_SCORE_OPENED] =
    g_signal_new ("eco-score-opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATT_TYPE_ECO_SCORE_PAGE);

  gtk_widget_class_install_action (widget_class, "details.open-eco-score", NULL, open_eco_score_action);

  gtk_widget_class_set_css_name (widget_class, "productdetails");
}

static void
att_product_details_init (AttProductDetails *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
}

GtkWidget *
att_product_details_new (void)
{
  return g_object_new (ATT_TYPE_PRODUCT_DETAILS, NULL);
}

/**
 * att_product_details_get_product:
 *
 * Returns: (transfer none) (nullable): the product shown
 */
AttProduct *
att_product_details_get_product (AttProductDetails *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_DETAILS (self), NULL);

  return self->product;
}

void
att_product_details_set_product (AttProductDetails *self,
                                 AttProduct        *product)
{
  g_return_if_fail (ATT_IS_PRODUCT_DETAILS (self));
  g_return_if_fail (product == NULL || ATT_IS_PRODUCT (product));

  if (!g_set_object (&self->product, product))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);
}
