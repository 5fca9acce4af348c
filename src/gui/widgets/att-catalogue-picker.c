/* att-catalogue-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-catalog-item.h"
#include "att-catalog-kind.h"
#include "att-catalogue-picker.h"
#include "att-context.h"
#include "att-paged-model.h"
#include "att-paged-state.h"
#include "att-spinner.h"

/**
 * AttCataloguePicker:
 *
 * A popover over one catalogue (materials, components or packaging): the
 * server is searched as the user types, the results page in as they are
 * scrolled to, and the keyboard never has to leave the search entry: Down
 * and Up move through the results, Enter picks one, Escape closes.  Items
 * the product already uses are marked and cannot be picked again.
 */
struct _AttCataloguePicker
{
  GtkPopover          parent_instance;

  AttContext         *context;
  char               *kind;
  AttPagedModel      *model;
  GtkSingleSelection *selection;
  char               *search_text;
  GHashTable         *used_ids;
  GPtrArray          *rows;

  /* template widgets */
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *error_page;
  GtkLabel           *status_label;
};

G_DEFINE_FINAL_TYPE (AttCataloguePicker, att_catalogue_picker, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_KIND,
  N_PROPS
};

enum {
  ITEM_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* How far Page Down and Page Up move. */
#define PAGE_STEP 8

static const char *
search_placeholder (AttCataloguePicker *self)
{
  if (g_str_equal (self->kind, ATT_CATALOG_KIND_COMPONENT))
    return _ ("Search components");
  if (g_str_equal (self->kind, ATT_CATALOG_KIND_PACKAGING))
    return _ ("Search packaging");
  return _ ("Search materials");
}

static void
show_hint (AttCataloguePicker *self)
{
  gtk_label_set_label (self->status_label, _ ("Up and Down choose, Enter adds."));
}

/* States */

static void
update_state (AttCataloguePicker *self)
{
  g_autofree char *description = NULL;

  if (self->model == NULL)
    return;

  if (att_paged_state_show (self->model, self->stack, self->spinner, self->error_page) ==
      ATT_PAGED_STATE_EMPTY)
    {
      description = att_catalog_kind_describe_no_match (self->kind, self->search_text);
      adw_status_page_set_description (self->empty_page, description);
    }
}

static void
set_model (AttCataloguePicker *self,
           AttPagedModel      *model)
{
  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->model, self);
      att_paged_model_cancel (self->model);
    }
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      g_signal_connect_object (model, "notify::loaded", G_CALLBACK (update_state), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "notify::error", G_CALLBACK (update_state), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "items-changed", G_CALLBACK (update_state), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (model));
  update_state (self);
}

static void
search (AttCataloguePicker *self)
{
  AttHiggClient *client = att_context_get_higg_client (self->context);
  g_autoptr(AttPagedModel) model = NULL;

  if (client == NULL)
    return;
  model = att_catalog_kind_create_model (self->kind, client, self->search_text);
  set_model (self, model);
  show_hint (self);
}

/* Rows */

static gboolean
is_placeholder (AttCatalogItem *item)
{
  return item == NULL || att_catalog_item_get_id (item) == NULL;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  AttCataloguePicker *self = user_data;
  GtkWidget          *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget          *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget          *name = gtk_label_new (NULL);
  GtkWidget          *detail = gtk_label_new (NULL);
  GtkWidget          *used = gtk_label_new (_ ("Added"));

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), detail);
  gtk_widget_add_css_class (used, "caption");
  gtk_widget_add_css_class (used, "dim-label");
  gtk_widget_set_visible (used, FALSE);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), used);
  gtk_list_item_set_child (list_item, box);
  g_ptr_array_add (self->rows, list_item);
}

static void
teardown_row (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  AttCataloguePicker *self = user_data;

  g_ptr_array_remove_fast (self->rows, list_item);
}

/* The row's box holds the texts (name, detail) and the "Added" mark. */
static void
update_used_mark (AttCataloguePicker *self,
                  GtkListItem        *list_item)
{
  GtkWidget      *box = gtk_list_item_get_child (list_item);
  GtkWidget      *used = gtk_widget_get_last_child (box);
  AttCatalogItem *item = gtk_list_item_get_item (list_item);
  gboolean        is_used = !is_placeholder (item) &&
                     att_catalogue_picker_is_used (self, att_catalog_item_get_id (item));

  gtk_widget_set_visible (used, is_used);
  gtk_widget_set_opacity (gtk_widget_get_first_child (box), is_used ? 0.55 : 1.0);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  AttCataloguePicker *self = user_data;
  AttCatalogItem     *item = gtk_list_item_get_item (list_item);
  GtkWidget          *texts = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkLabel           *name = GTK_LABEL (gtk_widget_get_first_child (texts));
  GtkLabel           *detail = GTK_LABEL (gtk_widget_get_last_child (texts));
  g_autofree char    *description = NULL;

  if (is_placeholder (item))
    {
      gtk_label_set_label (name, att_paged_state_placeholder_text (self->model, gtk_list_item_get_position (list_item)));
      gtk_label_set_label (detail, "");
    }
  else
    {
      description = att_catalog_kind_describe_item (item);
      gtk_label_set_label (name, att_catalog_item_get_name (item) != NULL
                                   ? att_catalog_item_get_name (item)
                                   : att_catalog_item_get_id (item));
      gtk_label_set_label (detail, description);
    }
  update_used_mark (self, list_item);
}

/* Choosing */

static void
choose (AttCataloguePicker *self,
        guint               position)
{
  g_autoptr(AttCatalogItem) item = NULL;
  g_autofree char *message = NULL;

  if (self->model == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (is_placeholder (item))
    return;

  if (att_catalogue_picker_is_used (self, att_catalog_item_get_id (item)))
    {
      message = g_strdup_printf (_ ("“%s” is already in this product."),
                                 att_catalog_item_get_name (item));
      gtk_label_set_label (self->status_label, message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[ITEM_CHOSEN], 0, item);
}

static void
move_selection (AttCataloguePicker *self,
                int                 delta)
{
  guint n_items, selected;
  int   target;

  if (self->model == NULL)
    return;
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  if (n_items == 0)
    return;

  selected = gtk_single_selection_get_selected (self->selection);
  target = selected == GTK_INVALID_LIST_POSITION ? 0 : (int) selected + delta;
  target = CLAMP (target, 0, (int) n_items - 1);
  gtk_single_selection_set_selected (self->selection, target);
  /* Scrolls without taking the focus from the entry. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              (guint) target);
  show_hint (self);
}

static gboolean
on_entry_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      gpointer               user_data)
{
  AttCataloguePicker *self = user_data;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return TRUE;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_selection (self, PAGE_STEP);
      return TRUE;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_selection (self, -PAGE_STEP);
      return TRUE;

    default:
      return FALSE;
    }
}

/* Template callbacks */

static void
on_search_changed (AttCataloguePicker *self,
                   GtkSearchEntry     *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (self->model != NULL && g_strcmp0 (text, self->search_text) == 0)
    return;
  g_free (self->search_text);
  self->search_text = g_steal_pointer (&text);
  /* A closed picker asks the server nothing: an editor has three of them,
   * and opening one is when the results are wanted. */
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    search (self);
  else
    set_model (self, NULL);
}

static void
on_search_activate (AttCataloguePicker *self,
                    GtkSearchEntry     *entry)
{
  choose (self, gtk_single_selection_get_selected (self->selection));
}

static void
on_stop_search (AttCataloguePicker *self,
                GtkSearchEntry     *entry)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_list_activate (AttCataloguePicker *self,
                  guint               position,
                  GtkListView        *list_view)
{
  choose (self, position);
}

static void
on_retry_clicked (AttCataloguePicker *self,
                  GtkButton          *button)
{
  search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Opening starts the first search, and the keys go to the entry. */
static void
att_catalogue_picker_show (GtkWidget *widget)
{
  AttCataloguePicker *self = ATT_CATALOGUE_PICKER (widget);

  GTK_WIDGET_CLASS (att_catalogue_picker_parent_class)->show (widget);

  if (self->model == NULL || att_paged_model_get_error (self->model) != NULL)
    search (self);
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    {
      /* Each opening starts from the top of the results. */
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0u);
    }
  show_hint (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* GObject */

static void
att_catalogue_picker_constructed (GObject *object)
{
  AttCataloguePicker *self = (AttCataloguePicker *) object;
  const char         *placeholder = search_placeholder (self);

  G_OBJECT_CLASS (att_catalogue_picker_parent_class)->constructed (object);

  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
}

static void
att_catalogue_picker_dispose (GObject *object)
{
  AttCataloguePicker *self = (AttCataloguePicker *) object;

  set_model (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_CATALOGUE_PICKER);
  g_clear_object (&self->selection);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_catalogue_picker_parent_class)->dispose (object);
}

static void
att_catalogue_picker_finalize (GObject *object)
{
  AttCataloguePicker *self = (AttCataloguePicker *) object;

  g_free (self->kind);
  g_free (self->search_text);
  g_hash_table_unref (self->used_ids);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (att_catalogue_picker_parent_class)->finalize (object);
}

static void
att_catalogue_picker_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AttCataloguePicker *self = ATT_CATALOGUE_PICKER (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_catalogue_picker_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AttCataloguePicker *self = ATT_CATALOGUE_PICKER (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_KIND:
      g_free (self->kind);
      self->kind = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_catalogue_picker_class_init (AttCataloguePickerClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = att_catalogue_picker_constructed;
  object_class->dispose = att_catalogue_picker_dispose;
  object_class->finalize = att_catalogue_picker_finalize;
  object_class->get_property = att_catalogue_picker_get_property;
  object_class->set_property = att_catalogue_picker_set_property;
  widget_class->show = att_catalogue_picker_show;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* "material", "component" or "packaging". */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         ATT_CATALOG_KIND_MATERIAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AttCataloguePicker::item-chosen:
   * @item: the #AttCatalogItem picked, never one already used
   *
   * The popover has closed by the time this is emitted.
   */
  signals[ITEM_CHOSEN] =
    g_signal_new ("item-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATT_TYPE_CATALOG_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-catalogue-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, AttCataloguePicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AttCataloguePicker, stack);
  gtk_widget_class_bind_template_child (widget_class, AttCataloguePicker, spinner);
  gtk_widget_class_bind_template_child (widget_class, AttCataloguePicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, AttCataloguePicker, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AttCataloguePicker, error_page);
  gtk_widget_class_bind_template_child (widget_class, AttCataloguePicker, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);
}

static void
att_catalogue_picker_init (AttCataloguePicker *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->used_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));

  gtk_search_entry_set_search_delay (self->search_entry, 250);

  /* The capture phase sees Up and Down before the entry's text does. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

/**
 * att_catalogue_picker_new:
 * @kind: "material", "component" or "packaging"
 *
 * Returns: (transfer floating): a new picker, to attach to a button
 */
GtkWidget *
att_catalogue_picker_new (AttContext *context,
                          const char *kind)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (att_catalog_kind_is_valid (kind), NULL);

  return g_object_new (ATT_TYPE_CATALOGUE_PICKER,
                       "context", context,
                       "kind", kind,
                       NULL);
}

const char *
att_catalogue_picker_get_kind (AttCataloguePicker *self)
{
  g_return_val_if_fail (ATT_IS_CATALOGUE_PICKER (self), NULL);

  return self->kind;
}

/**
 * att_catalogue_picker_set_used_ids:
 * @ids: (nullable) (array zero-terminated=1): the catalogue ids the product
 *   already uses
 *
 * Marks those items in the results; they can no longer be chosen.
 */
void
att_catalogue_picker_set_used_ids (AttCataloguePicker *self,
                                   const char *const  *ids)
{
  g_return_if_fail (ATT_IS_CATALOGUE_PICKER (self));

  g_hash_table_remove_all (self->used_ids);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (self->used_ids, g_strdup (ids[i]));

  for (guint i = 0; i < self->rows->len; i++)
    update_used_mark (self, g_ptr_array_index (self->rows, i));
}

gboolean
att_catalogue_picker_is_used (AttCataloguePicker *self,
                              const char         *id)
{
  g_return_val_if_fail (ATT_IS_CATALOGUE_PICKER (self), FALSE);

  return id != NULL && g_hash_table_contains (self->used_ids, id);
}

/**
 * att_catalogue_picker_get_model:
 *
 * Returns: (transfer none) (nullable): the results of the current search
 */
GListModel *
att_catalogue_picker_get_model (AttCataloguePicker *self)
{
  g_return_val_if_fail (ATT_IS_CATALOGUE_PICKER (self), NULL);

  return G_LIST_MODEL (self->model);
}

/**
 * att_catalogue_picker_get_selected:
 *
 * Returns: the position Enter would pick, or %GTK_INVALID_LIST_POSITION
 */
guint
att_catalogue_picker_get_selected (AttCataloguePicker *self)
{
  g_return_val_if_fail (ATT_IS_CATALOGUE_PICKER (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->selection);
}
