/* att-closient-catalogue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-closient-body.h"
#include "att-closient-catalogue.h"
#include "att-closient-certification.h"
#include "att-closient-client.h"
#include "att-closient-logos.h"
#include "att-context.h"
#include "att-paged-footer.h"
#include "att-paged-model.h"
#include "att-paged-state.h"

/**
 * AttClosientCatalogue:
 *
 * What Closient knows beyond one product: the certifications of its
 * catalogue (with their codes, bodies and standards) and the bodies that
 * issue them (with their websites), as the Materials view shows the Higg
 * catalogues: a view switcher over one list, the server searched as the
 * user types, the list paged in as it scrolls.  It is pushed over the
 * Closient view, whose `closient.back` action its back button activates.
 */
struct _AttClosientCatalogue
{
  GtkWidget         parent_instance;

  AttContext       *context;
  AttClosientLogos *logos;
  AttPagedModel    *model;
  char             *kind;
  char             *search_text;

  /* template widgets */
  GtkSearchEntry   *search_entry;
  AdwViewStack     *view_stack;
  GtkStack         *list_stack;
  GtkSpinner       *spinner;
  GtkListView      *list_view;
  AdwStatusPage    *empty_page;
  AdwStatusPage    *error_page;
  GtkLabel         *count_label;
  AttPagedFooter   *paged_footer;
};

G_DEFINE_FINAL_TYPE (AttClosientCatalogue, att_closient_catalogue, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_bodies (AttClosientCatalogue *self)
{
  return g_strcmp0 (self->kind, "bodies") == 0;
}

/* States */

static void
update_state (AttClosientCatalogue *self)
{
  g_autofree char *text = NULL;
  guint            n;

  if (self->model == NULL)
    return;

  gtk_label_set_label (self->count_label, "");
  switch (att_paged_state_show (self->model, self->list_stack, self->spinner, self->error_page))
    {
    case ATT_PAGED_STATE_EMPTY:
      if (*self->search_text != '\0')
        /* Translators: %s is what the user searched for */
        text = g_strdup_printf (is_bodies (self) ? _ ("No certification body’s name contains “%s”.")
                                                 : _ ("No certification’s name contains “%s”."),
                                self->search_text);
      adw_status_page_set_description (self->empty_page, text != NULL ? text : _ ("The catalogue is empty."));
      break;

    case ATT_PAGED_STATE_LIST:
      n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
      text = g_strdup_printf (is_bodies (self)
                                ? g_dngettext (GETTEXT_PACKAGE, "%u certification body", "%u certification bodies", n)
                                : g_dngettext (GETTEXT_PACKAGE, "%u certification", "%u certifications", n),
                              n);
      gtk_label_set_label (self->count_label, text);
      break;

    case ATT_PAGED_STATE_LOADING:
    case ATT_PAGED_STATE_ERROR:
    default:
      break;
    }
}

static void
reload (AttClosientCatalogue *self)
{
  AttClosientClient *client = self->context != NULL ? att_context_get_closient_client (self->context) : NULL;
  g_autoptr(AttPagedModel) model = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  if (client == NULL)
    return;
  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->model, self);
      att_paged_model_cancel (self->model);
    }
  model = is_bodies (self) ? att_closient_client_create_body_model (client, self->search_text)
                           : att_closient_client_create_catalogue_model (client, self->search_text);
  g_set_object (&self->model, model);
  g_signal_connect_object (model, "notify::loaded", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "notify::error", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (model)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  att_paged_footer_set_model (self->paged_footer, model);
  update_state (self);
}

/* Rows: a logo, a name and, below it, what tells entries apart. */

static GtkWidget *
new_inscription (const char *css_class)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (cell), 1);
  if (css_class != NULL)
    {
      gtk_widget_add_css_class (cell, css_class);
      gtk_widget_add_css_class (cell, "dim-label");
    }
  return cell;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *logo = gtk_image_new ();

  gtk_image_set_pixel_size (GTK_IMAGE (logo), 32);
  gtk_widget_add_css_class (logo, "closient-logo");
  gtk_box_append (GTK_BOX (text), new_inscription (NULL));
  gtk_box_append (GTK_BOX (text), new_inscription ("caption"));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), logo);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static char *
join (const char *const *parts,
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

/* The name, the detail and the logo's address of @item, either kind. */
static const char *
describe (GObject     *item,
          char       **detail,
          const char **logo_url)
{
  if (ATT_IS_CLOSIENT_BODY (item))
    {
      AttClosientBody *body = ATT_CLOSIENT_BODY (item);
      const char      *parts[] = { att_closient_body_get_website (body), att_closient_body_get_description (body) };

      *detail = join (parts, G_N_ELEMENTS (parts));
      *logo_url = att_closient_body_get_logo_url (body);
      return att_closient_body_get_id (body) != NULL ? att_closient_body_get_name (body) : NULL;
    }
  else
    {
      AttClosientCertification *certification = ATT_CLOSIENT_CERTIFICATION (item);
      const char               *parts[] = {
                      att_closient_certification_get_code (certification),
                      att_closient_certification_get_certification_body_name (certification),
                      att_closient_certification_get_standard (certification),
      };

      *detail = join (parts, G_N_ELEMENTS (parts));
      *logo_url = att_closient_certification_get_logo_url (certification);
      return att_closient_certification_get_id (certification) != NULL
               ? att_closient_certification_get_label (certification)
               : NULL;
    }
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  AttClosientCatalogue *self = user_data;
  GtkWidget            *box = gtk_list_item_get_child (list_item);
  GtkWidget            *logo = gtk_widget_get_first_child (box);
  GtkWidget            *text = gtk_widget_get_last_child (box);
  g_autofree char      *detail = NULL;
  g_autofree char      *logo_label = NULL;
  g_autofree char      *spoken = NULL;
  const char           *logo_url = NULL;
  const char           *title = describe (gtk_list_item_get_item (list_item), &detail, &logo_url);

  if (title == NULL)
    {
      title = att_paged_state_placeholder_text (self->model, gtk_list_item_get_position (list_item));
      g_clear_pointer (&detail, g_free);
      logo_url = NULL;
    }
  else
    /* Translators: what a screen reader says of a logo; %s is a name */
    logo_label = g_strdup_printf (_ ("Logo of %s"), title);
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_widget_get_first_child (text)), title);
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_widget_get_last_child (text)), detail);
  att_closient_logo_show (GTK_IMAGE (logo), self->logos, logo_url,
                          logo_label != NULL ? (is_bodies (self) ? "network-workgroup-symbolic"
                                                                 : "application-certificate-symbolic")
                                             : NULL,
                          logo_label);

  /* GtkInscription does not tell screen readers its text in GTK 4.8. */
  spoken = detail != NULL && *detail != '\0' ? g_strdup_printf ("%s, %s", title, detail) : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

/* Template callbacks */

static void
on_search_changed (AttClosientCatalogue *self,
                   GtkSearchEntry       *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (g_strcmp0 (text, self->search_text) == 0)
    return;
  g_free (self->search_text);
  self->search_text = g_steal_pointer (&text);
  reload (self);
}

static void
on_stop_search (AttClosientCatalogue *self,
                GtkSearchEntry       *entry)
{
  /* Escape on an empty search goes back to the product. */
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0')
    gtk_widget_activate_action (GTK_WIDGET (self), "closient.back", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_search_activate (AttClosientCatalogue *self)
{
  /* Enter moves on to the results, as in GNOME's other search lists. */
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_kind_changed (AttClosientCatalogue *self,
                 GParamSpec           *pspec,
                 AdwViewStack         *stack)
{
  const char *kind = adw_view_stack_get_visible_child_name (stack);

  if (kind == NULL || g_strcmp0 (kind, self->kind) == 0)
    return;
  g_free (self->kind);
  self->kind = g_strdup (kind);
  g_object_set (self->search_entry, "placeholder-text",
                is_bodies (self) ? _ ("Search certification bodies") : _ ("Search certifications"), NULL);
  reload (self);
}

/* Actions */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (ATT_CLOSIENT_CATALOGUE (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  att_closient_catalogue_focus_search (ATT_CLOSIENT_CATALOGUE (widget));
}

/* GObject */

static void
att_closient_catalogue_constructed (GObject *object)
{
  AttClosientCatalogue *self = (AttClosientCatalogue *) object;

  G_OBJECT_CLASS (att_closient_catalogue_parent_class)->constructed (object);

  self->logos = g_object_ref (att_closient_logos_get_for_context (self->context));
  reload (self);
}

static void
att_closient_catalogue_dispose (GObject *object)
{
  AttClosientCatalogue *self = (AttClosientCatalogue *) object;
  GtkWidget            *child;

  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->model, self);
      att_paged_model_cancel (self->model);
    }
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->view_stack, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_CLOSIENT_CATALOGUE);
  /* The template's root has no id, so unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  g_clear_object (&self->logos);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_closient_catalogue_parent_class)->dispose (object);
}

static void
att_closient_catalogue_finalize (GObject *object)
{
  AttClosientCatalogue *self = (AttClosientCatalogue *) object;

  g_free (self->kind);
  g_free (self->search_text);

  G_OBJECT_CLASS (att_closient_catalogue_parent_class)->finalize (object);
}

static void
att_closient_catalogue_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AttClosientCatalogue *self = ATT_CLOSIENT_CATALOGUE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_closient_catalogue_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AttClosientCatalogue *self = ATT_CLOSIENT_CATALOGUE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_closient_catalogue_class_init (AttClosientCatalogueClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = att_closient_catalogue_constructed;
  object_class->dispose = att_closient_catalogue_dispose;
  object_class->finalize = att_closient_catalogue_finalize;
  object_class->get_property = att_closient_catalogue_get_property;
  object_class->set_property = att_closient_catalogue_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATT_TYPE_PAGED_FOOTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-closient-catalogue.ui");
  gtk_widget_class_bind_template_child (widget_class, AttClosientCatalogue, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AttClosientCatalogue, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AttClosientCatalogue, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AttClosientCatalogue, spinner);
  gtk_widget_class_bind_template_child (widget_class, AttClosientCatalogue, list_view);
  gtk_widget_class_bind_template_child (widget_class, AttClosientCatalogue, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AttClosientCatalogue, error_page);
  gtk_widget_class_bind_template_child (widget_class, AttClosientCatalogue, count_label);
  gtk_widget_class_bind_template_child (widget_class, AttClosientCatalogue, paged_footer);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);

  gtk_widget_class_install_action (widget_class, "catalogue.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "catalogue.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "catalogue.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "catalogue.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "catalogue.reload", NULL);

  gtk_widget_class_set_css_name (widget_class, "closientcatalogue");
}

static void
att_closient_catalogue_init (AttClosientCatalogue *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->kind = g_strdup ("certifications");
  /* The same as the entry's empty text, so that the entry's first
   * search-changed does not repeat the first search. */
  self->search_text = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));

  g_object_set (self->search_entry, "placeholder-text", _ ("Search certifications"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Search Closient’s catalogue by name"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Catalogue entries"), -1);
  gtk_search_entry_set_search_delay (self->search_entry, 250);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}

GtkWidget *
att_closient_catalogue_new (AttContext *context)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);

  return g_object_new (ATT_TYPE_CLOSIENT_CATALOGUE,
                       "context", context,
                       NULL);
}

/**
 * att_closient_catalogue_get_kind:
 *
 * Returns: the list shown: "certifications" or "bodies"
 */
const char *
att_closient_catalogue_get_kind (AttClosientCatalogue *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_CATALOGUE (self), NULL);

  return self->kind;
}

/**
 * att_closient_catalogue_set_kind:
 * @kind: "certifications" or "bodies"
 *
 * Shows that list, as its button in the view switcher does.
 */
void
att_closient_catalogue_set_kind (AttClosientCatalogue *self,
                                 const char           *kind)
{
  g_return_if_fail (ATT_IS_CLOSIENT_CATALOGUE (self));
  g_return_if_fail (g_strcmp0 (kind, "certifications") == 0 || g_strcmp0 (kind, "bodies") == 0);

  adw_view_stack_set_visible_child_name (self->view_stack, kind);
}

void
att_closient_catalogue_focus_search (AttClosientCatalogue *self)
{
  g_return_if_fail (ATT_IS_CLOSIENT_CATALOGUE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
att_closient_catalogue_set_search_text (AttClosientCatalogue *self,
                                        const char           *text)
{
  g_return_if_fail (ATT_IS_CLOSIENT_CATALOGUE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
}

/**
 * att_closient_catalogue_get_model:
 *
 * Returns: (transfer none) (nullable): the entries of the current search
 *   (#AttClosientCertification or #AttClosientBody)
 */
GListModel *
att_closient_catalogue_get_model (AttClosientCatalogue *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_CATALOGUE (self), NULL);

  return G_LIST_MODEL (self->model);
}
