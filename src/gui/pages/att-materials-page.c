/* att-materials-page.c: the Materials view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-catalog-item.h"
#include "att-catalog-kind.h"
#include "att-context.h"
#include "att-materials-page-details.h"
#include "att-materials-page.h"
#include "att-paged-footer.h"
#include "att-paged-model.h"
#include "att-paged-state.h"
#include "att-spinner.h"

/**
 * AttMaterialsPage:
 *
 * The three catalogues side by side under a view switcher: the server is
 * searched as the user types, the list pages in as it scrolls (through
 * #AttPagedModel, 50 entries a page), and the selected entry's details sit
 * beside the list, or replace it on a narrow window.
 */
struct _AttMaterialsPage
{
  GtkWidget                parent_instance;

  AttContext              *context;
  char                    *kind;
  AttPagedModel           *model;
  GtkSingleSelection      *selection;
  char                    *search_text;
  gboolean                 folded;

  /* template widgets */
  AdwLeaflet              *leaflet;
  GtkWidget               *list_pane;
  GtkWidget               *details_pane;
  AdwHeaderBar            *list_header;
  AdwHeaderBar            *details_header;
  GtkSearchEntry          *search_entry;
  AdwViewStack            *view_stack;
  GtkStack                *list_stack;
  GtkSpinner              *spinner;
  GtkListView             *list_view;
  AdwStatusPage           *empty_page;
  AdwStatusPage           *error_page;
  GtkLabel                *count_label;
  AttPagedFooter          *paged_footer;
  AttMaterialsPageDetails *details;
};

G_DEFINE_FINAL_TYPE (AttMaterialsPage, att_materials_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* States */

static void
show_empty (AttMaterialsPage *self)
{
  g_autofree char *description = att_catalog_kind_describe_no_match (self->kind, self->search_text);

  adw_status_page_set_description (self->empty_page, description);
}

static void
show_count (AttMaterialsPage *self,
            guint             n_items)
{
  g_autofree char *count = NULL;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n_items),
                           n_items);
  gtk_label_set_label (self->count_label, count);
}

static void
update_state (AttMaterialsPage *self)
{
  if (self->model == NULL)
    return;

  gtk_label_set_label (self->count_label, "");
  switch (att_paged_state_show (self->model, self->list_stack, self->spinner, self->error_page))
    {
    case ATT_PAGED_STATE_EMPTY:
      show_empty (self);
      break;

    case ATT_PAGED_STATE_LIST:
      show_count (self, g_list_model_get_n_items (G_LIST_MODEL (self->model)));
      break;

    case ATT_PAGED_STATE_LOADING:
    case ATT_PAGED_STATE_ERROR:
    default:
      break;
    }
}

static void
show_selected (AttMaterialsPage *self)
{
  att_materials_page_details_set_item (self->details, self->kind,
                                       att_materials_page_get_selected (self));
}

static void
on_model_items_changed (AttMaterialsPage *self,
                        guint             position,
                        guint             removed,
                        guint             added,
                        GListModel       *model)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  update_state (self);
  /* The selected row was a placeholder until its page came. */
  if (selected != GTK_INVALID_LIST_POSITION && selected >= position && selected < position + added)
    show_selected (self);
}

static void
set_model (AttMaterialsPage *self,
           AttPagedModel    *model)
{
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      g_signal_connect_object (model, "notify::loaded", G_CALLBACK (update_state), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "notify::error", G_CALLBACK (update_state), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_items_changed),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (model));
  att_paged_footer_set_model (self->paged_footer, model);
  update_state (self);
  show_selected (self);
}

static void
reload (AttMaterialsPage *self)
{
  AttHiggClient *client;
  g_autoptr(AttPagedModel) model = NULL;

  if (self->context == NULL || (client = att_context_get_higg_client (self->context)) == NULL)
    return;

  model = att_catalog_kind_create_model (self->kind, client, self->search_text);
  set_model (self, model);
}

/* Rows: a name and, below it, code and type.  GtkInscriptions, as in the
 * Products view, so a row's size does not depend on its text. */

static GtkWidget *
create_cell (const char *css_class)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (cell), 1);
  if (css_class != NULL)
    gtk_widget_add_css_class (cell, css_class);
  return cell;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *detail = create_cell ("caption");

  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), create_cell (NULL));
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  AttMaterialsPage *self = user_data;
  AttCatalogItem   *item = gtk_list_item_get_item (list_item);
  GtkWidget        *box = gtk_list_item_get_child (list_item);
  GtkInscription   *name = GTK_INSCRIPTION (gtk_widget_get_first_child (box));
  GtkInscription   *detail = GTK_INSCRIPTION (gtk_widget_get_last_child (box));
  g_autofree char  *description = NULL;
  g_autofree char  *spoken = NULL;
  const char       *title;

  if (item == NULL || att_catalog_item_get_id (item) == NULL)
    title = att_paged_state_placeholder_text (self->model, gtk_list_item_get_position (list_item));
  else
    {
      description = att_catalog_kind_describe_item (item);
      title = att_catalog_item_get_name (item) != NULL ? att_catalog_item_get_name (item)
                                                       : att_catalog_item_get_id (item);
    }
  gtk_inscription_set_text (name, title);
  gtk_inscription_set_text (detail, description);

  /* GtkInscription does not tell screen readers its text in GTK 4.8. */
  spoken = description != NULL ? g_strdup_printf ("%s, %s", title, description) : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

/* Template callbacks */

static void
on_search_changed (AttMaterialsPage *self,
                   GtkSearchEntry   *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (g_strcmp0 (text, self->search_text) == 0)
    return;
  g_free (self->search_text);
  self->search_text = g_steal_pointer (&text);
  reload (self);
}

static void
on_stop_search (AttMaterialsPage *self,
                GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_search_activate (AttMaterialsPage *self,
                    GtkSearchEntry   *entry)
{
  /* Enter moves on to the results, as in GNOME's other search lists. */
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_kind_changed (AttMaterialsPage *self,
                 GParamSpec       *pspec,
                 AdwViewStack     *stack)
{
  const char *kind = adw_view_stack_get_visible_child_name (stack);

  if (kind == NULL || g_strcmp0 (kind, self->kind) == 0)
    return;
  g_free (self->kind);
  self->kind = g_strdup (kind);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/* Activating a row on a narrow window goes to its details. */
static void
on_list_activate (AttMaterialsPage *self,
                  guint             position,
                  GtkListView      *list_view)
{
  if (att_materials_page_get_selected (self) == NULL)
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->details_pane);
}

/* The list's header bar has the window's close button when it fills the
 * view; the details' header bar has it otherwise; the window's leaflet
 * gives the start buttons to the first header bar showing. */
static void
update_title_buttons (AttMaterialsPage *self)
{
  gboolean inner_folded = adw_leaflet_get_folded (self->leaflet);

  adw_header_bar_set_show_start_title_buttons (self->list_header, self->folded);
  adw_header_bar_set_show_end_title_buttons (self->list_header, inner_folded);
  adw_header_bar_set_show_start_title_buttons (self->details_header, self->folded && inner_folded);
}

/* Actions */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (ATT_MATERIALS_PAGE (widget));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AttMaterialsPage *self = ATT_MATERIALS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  att_materials_page_focus_search (ATT_MATERIALS_PAGE (widget));
}

/* GObject */

static void
att_materials_page_constructed (GObject *object)
{
  AttMaterialsPage *self = (AttMaterialsPage *) object;

  G_OBJECT_CLASS (att_materials_page_parent_class)->constructed (object);

  g_object_set (self->details, "context", self->context, NULL);
  reload (self);
}

static void
att_materials_page_dispose (GObject *object)
{
  AttMaterialsPage *self = (AttMaterialsPage *) object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->view_stack, self);
  if (self->leaflet != NULL)
    g_signal_handlers_disconnect_by_data (self->leaflet, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_MATERIALS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_materials_page_parent_class)->dispose (object);
}

static void
att_materials_page_finalize (GObject *object)
{
  AttMaterialsPage *self = (AttMaterialsPage *) object;

  g_free (self->kind);
  g_free (self->search_text);

  G_OBJECT_CLASS (att_materials_page_parent_class)->finalize (object);
}

static void
att_materials_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AttMaterialsPage *self = ATT_MATERIALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_materials_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AttMaterialsPage *self = ATT_MATERIALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          update_title_buttons (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_KIND:
      att_materials_page_set_kind (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_materials_page_class_init (AttMaterialsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = att_materials_page_constructed;
  object_class->dispose = att_materials_page_dispose;
  object_class->finalize = att_materials_page_finalize;
  object_class->get_property = att_materials_page_get_property;
  object_class->set_property = att_materials_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Whether the window's sidebar is folded away. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The catalogue shown: "material", "component" or "packaging". */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         ATT_CATALOG_KIND_MATERIAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATT_TYPE_MATERIALS_PAGE_DETAILS);
  g_type_ensure (ATT_TYPE_PAGED_FOOTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-materials-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPage, details_pane);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPage, list_header);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPage, details_header);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPage, paged_footer);
  gtk_widget_class_bind_template_child (widget_class, AttMaterialsPage, details);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, update_title_buttons);

  gtk_widget_class_install_action (widget_class, "materials.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "materials.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "materials.focus-search", NULL,
                                   focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "materials.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "materials.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "materials.reload", NULL);

  gtk_widget_class_set_css_name (widget_class, "materialspage");
}

static void
att_materials_page_init (AttMaterialsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->kind = g_strdup (ATT_CATALOG_KIND_MATERIAL);
  /* The same as the entry's empty text, so that the entry's first
   * search-changed does not repeat the first search. */
  self->search_text = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));

  g_object_set (self->search_entry, "placeholder-text", _ ("Search the catalogue"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Search the catalogue"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Catalogue entries"), -1);
  gtk_search_entry_set_search_delay (self->search_entry, 250);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (show_selected), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_title_buttons (self);
}

GtkWidget *
att_materials_page_new (AttContext *context)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);

  return g_object_new (ATT_TYPE_MATERIALS_PAGE,
                       "context", context,
                       NULL);
}

const char *
att_materials_page_get_kind (AttMaterialsPage *self)
{
  g_return_val_if_fail (ATT_IS_MATERIALS_PAGE (self), NULL);

  return self->kind;
}

/**
 * att_materials_page_set_kind:
 * @kind: "material", "component" or "packaging"
 *
 * Shows that catalogue, as its button in the view switcher does.
 */
void
att_materials_page_set_kind (AttMaterialsPage *self,
                             const char       *kind)
{
  g_return_if_fail (ATT_IS_MATERIALS_PAGE (self));
  g_return_if_fail (att_catalog_kind_is_valid (kind));

  adw_view_stack_set_visible_child_name (self->view_stack, kind);
}

void
att_materials_page_focus_search (AttMaterialsPage *self)
{
  g_return_if_fail (ATT_IS_MATERIALS_PAGE (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
att_materials_page_set_search_text (AttMaterialsPage *self,
                                    const char       *text)
{
  g_return_if_fail (ATT_IS_MATERIALS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
}

/**
 * att_materials_page_get_model:
 *
 * Returns: (transfer none) (nullable): the entries of the current search
 */
GListModel *
att_materials_page_get_model (AttMaterialsPage *self)
{
  g_return_val_if_fail (ATT_IS_MATERIALS_PAGE (self), NULL);

  return G_LIST_MODEL (self->model);
}

void
att_materials_page_select (AttMaterialsPage *self,
                           guint             position)
{
  g_return_if_fail (ATT_IS_MATERIALS_PAGE (self));

  gtk_single_selection_set_selected (self->selection, position);
}

/**
 * att_materials_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the entry whose details are shown
 */
AttCatalogItem *
att_materials_page_get_selected (AttMaterialsPage *self)
{
  AttCatalogItem *item;

  g_return_val_if_fail (ATT_IS_MATERIALS_PAGE (self), NULL);

  item = gtk_single_selection_get_selected_item (self->selection);
  return item != NULL && att_catalog_item_get_id (item) != NULL ? item : NULL;
}

/**
 * att_materials_page_get_details:
 *
 * Returns: (transfer none): the #AttMaterialsPageDetails pane
 */
GtkWidget *
att_materials_page_get_details (AttMaterialsPage *self)
{
  g_return_val_if_fail (ATT_IS_MATERIALS_PAGE (self), NULL);

  return GTK_WIDGET (self->details);
}
