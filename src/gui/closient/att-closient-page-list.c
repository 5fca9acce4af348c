/* att-closient-page-list.c: the certifications of the product in the
 * Closient view: filters, order, columns, and the rows that edits change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-closient-format.h"
#include "att-closient-page-private.h"
#include "att-paged-model.h"
#include "att-paged-state.h"
#include "att-status-pill.h"

/* The list can be long (a product with dozens of certifications), so it
 * comes from the paginated endpoint a page at a time, and the server
 * filters and sorts it: changing a filter asks for a new list.  Whether a
 * certification is active is the server's word for today, asked for again
 * with every list and never kept beyond it.  A certification saved in its
 * page replaces its row at once; one removed makes the list be read
 * again, since the server's pages shift. */

/* Filters */

static const AttClosientVerification verification_rows[] = {
  ATT_CLOSIENT_VERIFICATION_UNKNOWN, /* any */
  ATT_CLOSIENT_VERIFIED,
  ATT_CLOSIENT_UNVERIFIED,
  ATT_CLOSIENT_VERIFICATION_EXPIRED,
};

static const int active_rows[] = { -1, 1, 0 };

static const struct
{
  const char *ordering;
  const char *label;
} sort_rows[] = {
  { "expiry_date", N_ ("Expiry, Soonest First") },
  { "-expiry_date", N_ ("Expiry, Latest First") },
  { "label", N_ ("Name, A to Z") },
  { "-label", N_ ("Name, Z to A") },
};

static void
get_filter (AttClosientPage   *self,
            AttClosientFilter *filter)
{
  guint verification = gtk_drop_down_get_selected (self->verification_dropdown);
  guint active = gtk_drop_down_get_selected (self->active_dropdown);
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);

  filter->status = verification < G_N_ELEMENTS (verification_rows) ? verification_rows[verification]
                                                                   : ATT_CLOSIENT_VERIFICATION_UNKNOWN;
  filter->is_active = active < G_N_ELEMENTS (active_rows) ? active_rows[active] : -1;
  filter->ordering = sort < G_N_ELEMENTS (sort_rows) ? sort_rows[sort].ordering : NULL;
}

static gboolean
is_filtered (AttClosientPage *self)
{
  AttClosientFilter filter;

  get_filter (self, &filter);
  return filter.status != ATT_CLOSIENT_VERIFICATION_UNKNOWN || filter.is_active != -1;
}

static void
on_filter_changed (AttClosientPage *self)
{
  if (self->product != NULL)
    att_closient_page_load_list (self);
}

static void
setup_filters (AttClosientPage *self)
{
  g_autoptr(GtkStringList) verifications = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) actives = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sorts = gtk_string_list_new (NULL);

  gtk_string_list_append (verifications, _ ("Any Verification"));
  for (guint i = 1; i < G_N_ELEMENTS (verification_rows); i++)
    gtk_string_list_append (verifications, att_closient_verification_get_label (verification_rows[i]));
  gtk_string_list_append (actives, _ ("Active or Not"));
  gtk_string_list_append (actives, _ ("Active Today"));
  gtk_string_list_append (actives, _ ("Not Active Today"));
  for (guint i = 0; i < G_N_ELEMENTS (sort_rows); i++)
    gtk_string_list_append (sorts, _ (sort_rows[i].label));

  gtk_drop_down_set_model (self->verification_dropdown, G_LIST_MODEL (verifications));
  gtk_drop_down_set_model (self->active_dropdown, G_LIST_MODEL (actives));
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sorts));
  att_accessible_label_drop_down (self->verification_dropdown, _ ("Show certifications of verification status"));
  att_accessible_label_drop_down (self->active_dropdown, _ ("Show certifications active today or not"));
  att_accessible_label_drop_down (self->sort_dropdown, _ ("Order the certifications by"));
  g_signal_connect_object (self->verification_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->active_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self,
                           G_CONNECT_SWAPPED);
}

/* States */

static void
update_state (AttClosientPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  guint            n;

  if (self->model == NULL)
    return;

  gtk_label_set_label (self->count_label, "");
  switch (att_paged_state_show (self->model, self->list_stack, self->list_spinner, self->list_error_page))
    {
    case ATT_PAGED_STATE_EMPTY:
      adw_status_page_set_description (self->empty_page,
                                       is_filtered (self) ? _ ("No certification of the product matches the filters.")
                                                          : _ ("Closient lists no certification for this product."));
      break;

    case ATT_PAGED_STATE_LIST:
      n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certification", "%u certifications", n), n);
      gtk_label_set_label (self->count_label, count);
      break;

    case ATT_PAGED_STATE_ERROR:
      g_object_get (self->model, "error", &error, NULL);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_status_page_set_description (self->list_error_page, _ ("You stopped waiting for Closient’s rate limit."));
      break;

    case ATT_PAGED_STATE_LOADING:
    default:
      break;
    }
}

/* Rows: saved edits in place of the server's rows.  (A GtkMapListModel
 * would swap them in the model, but GTK 4.8's keeps stale placeholders when
 * a page arrives for rows it has mapped; the cells swap them instead.) */

/**
 * att_closient_page_resolve:
 * @item: a row of the server's list
 *
 * Returns: (transfer none): @item, or what a certification's page saved of
 *   it since the list was read
 */
AttClosientAssignment *
att_closient_page_resolve (AttClosientPage       *self,
                           AttClosientAssignment *item)
{
  const char            *id = att_closient_assignment_get_id (item);
  AttClosientAssignment *updated = id != NULL ? g_hash_table_lookup (self->updated, id) : NULL;

  return updated != NULL ? updated : item;
}

/**
 * att_closient_page_clear_list:
 *
 * Drops the list, cancelling what it fetches.
 */
void
att_closient_page_clear_list (AttClosientPage *self)
{
  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->model, self);
      att_paged_model_cancel (self->model);
    }
  g_clear_object (&self->model);
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  if (self->paged_footer != NULL)
    att_paged_footer_set_model (self->paged_footer, NULL);
  g_hash_table_remove_all (self->updated);
}

/**
 * att_closient_page_cancel_list:
 *
 * Stops what the list fetches (Cancel in the rate-limit bar); Retry asks
 * again.
 */
void
att_closient_page_cancel_list (AttClosientPage *self)
{
  if (self->model != NULL)
    att_paged_model_cancel (self->model);
}

/**
 * att_closient_page_load_list:
 *
 * Asks the server for the product's certifications, as the filters say.
 */
void
att_closient_page_load_list (AttClosientPage *self)
{
  g_autoptr(AttPagedModel) model = NULL;
  AttClosientFilter filter;

  if (self->client == NULL || self->gtin == NULL)
    return;

  att_closient_page_clear_list (self);
  get_filter (self, &filter);
  model = att_closient_client_create_certification_model (self->client, self->gtin, &filter);
  self->model = g_steal_pointer (&model);
  g_signal_connect_object (self->model, "notify::loaded", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::error", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  att_paged_footer_set_model (self->paged_footer, self->model);
  update_state (self);
}

/**
 * att_closient_page_show_saved:
 * @updated: a certification as the server saved it
 *
 * Shows @updated in its row; with a filter on, the list is read again,
 * since it may no longer match.
 */
void
att_closient_page_show_saved (AttClosientPage       *self,
                              AttClosientAssignment *updated)
{
  if (is_filtered (self))
    {
      att_closient_page_load_list (self);
      return;
    }
  g_hash_table_insert (self->updated, g_strdup (att_closient_assignment_get_id (updated)), g_object_ref (updated));
  g_signal_emit_by_name (self, "assignment-saved", updated);
}

/* Columns */

typedef enum {
  COLUMN_CERTIFICATION,
  COLUMN_NUMBER,
  COLUMN_BODY,
  COLUMN_VALIDITY,
  COLUMN_EXPIRES,
  COLUMN_VERIFICATION,
  COLUMN_ACTIVE,
  N_COLUMNS
} Column;

typedef struct
{
  const char *title;
  int         min_chars;
  int         fixed_width;
  gboolean    expand;
} ColumnInfo;

static const ColumnInfo columns[N_COLUMNS] = {
  { NC_ ("certification column", "Certification"), 24, -1, TRUE },
  { NC_ ("certification column", "Certificate"), 11, -1, FALSE },
  { NC_ ("certification column", "Issuing Body"), 13, -1, FALSE },
  { NC_ ("certification column", "Valid"), 0, 200, FALSE },
  { NC_ ("certification column", "Expires"), 0, 100, FALSE },
  { NC_ ("certification column", "Verification"), 0, 112, FALSE },
  { NC_ ("certification column", "Active"), 0, 100, FALSE },
};

static GtkWidget *
new_inscription (int min_chars)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), min_chars);
  gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
  return cell;
}

/* The logo, the name and, below it, the code and what the certification
 * says of the product (scope, value, countries): the code is an
 * identifier, read less often than the name, so it has no column. */
static GtkWidget *
new_certification_cell (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *logo = gtk_image_new ();
  GtkWidget *details = new_inscription (0);

  gtk_image_set_pixel_size (GTK_IMAGE (logo), 32);
  gtk_widget_add_css_class (logo, "closient-logo");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (text), new_inscription (columns[COLUMN_CERTIFICATION].min_chars));
  gtk_box_append (GTK_BOX (text), details);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), logo);
  gtk_box_append (GTK_BOX (box), text);
  return box;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Column     column = GPOINTER_TO_INT (user_data);
  GtkWidget *cell;

  if (column == COLUMN_CERTIFICATION)
    cell = new_certification_cell ();
  else if (column == COLUMN_VERIFICATION || column == COLUMN_ACTIVE)
    cell = att_status_pill_new ();
  else
    {
      cell = new_inscription (columns[column].min_chars);
      if (column == COLUMN_EXPIRES || column == COLUMN_VALIDITY)
        gtk_widget_add_css_class (cell, "numeric");
    }
  gtk_list_item_set_child (item, cell);
}

static char *
cell_text (AttClosientAssignment *assignment,
           Column                 column)
{
  switch (column)
    {
    case COLUMN_NUMBER:
      return g_strdup (att_closient_assignment_get_certificate_number (assignment));
    case COLUMN_BODY:
      return g_strdup (att_closient_assignment_get_issuing_body (assignment));
    case COLUMN_VALIDITY:
      return att_closient_format_validity (att_closient_assignment_get_valid_from (assignment),
                                           att_closient_assignment_get_expiration_date (assignment));
    case COLUMN_EXPIRES:
      return att_closient_format_date (att_closient_assignment_get_expiry_date (assignment));
    case COLUMN_CERTIFICATION:
    case COLUMN_VERIFICATION:
    case COLUMN_ACTIVE:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* GtkInscription does not tell screen readers its text in GTK 4.8; a
 * tooltip shows what a narrow column cuts. */
static void
set_text (GtkWidget  *inscription,
          const char *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  gtk_widget_set_tooltip_text (inscription, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (inscription), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
}

static void
bind_certification (AttClosientPage       *self,
                    GtkWidget             *box,
                    AttClosientAssignment *assignment,
                    guint                  position)
{
  GtkWidget       *logo = gtk_widget_get_first_child (box);
  GtkWidget       *text = gtk_widget_get_last_child (box);
  const char      *label = att_closient_assignment_get_label (assignment);
  g_autofree char *details = NULL;
  g_autofree char *logo_label = NULL;

  if (att_closient_assignment_get_id (assignment) == NULL)
    {
      set_text (gtk_widget_get_first_child (text), att_paged_state_placeholder_text (self->model, position));
      set_text (gtk_widget_get_last_child (text), NULL);
      att_closient_logo_show (GTK_IMAGE (logo), NULL, NULL, NULL, NULL);
      return;
    }
  details = att_closient_format_details (assignment);
  /* Translators: what a screen reader says of a certification's logo */
  logo_label = g_strdup_printf (_ ("Logo of %s"), label);
  set_text (gtk_widget_get_first_child (text), label);
  set_text (gtk_widget_get_last_child (text), details);
  gtk_widget_set_visible (gtk_widget_get_last_child (text), details != NULL);
  att_closient_logo_show (GTK_IMAGE (logo), self->logos, att_closient_assignment_get_logo_url (assignment),
                          "application-certificate-symbolic", logo_label);
}

/* Shows the row's certification, or what its page saved of it. */
static void
show_cell (GtkListItem *item)
{
  AttClosientPage       *self = g_object_get_data (G_OBJECT (item), "closient-page");
  Column                 column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "column"));
  AttClosientAssignment *assignment = att_closient_page_resolve (self, gtk_list_item_get_item (item));
  GtkWidget             *cell = gtk_list_item_get_child (item);
  gboolean               loaded = att_closient_assignment_get_id (assignment) != NULL;
  g_autofree char       *text = NULL;

  /* Placeholders cannot be opened. */
  gtk_list_item_set_activatable (item, loaded);
  if (column == COLUMN_CERTIFICATION)
    bind_certification (self, cell, assignment, gtk_list_item_get_position (item));
  else if (column == COLUMN_VERIFICATION && loaded)
    att_closient_pill_show_verification (cell, att_closient_assignment_get_verification_status (assignment), TRUE);
  else if (column == COLUMN_ACTIVE && loaded)
    att_closient_pill_show_active (cell, att_closient_assignment_get_is_active (assignment));
  else if (column == COLUMN_VERIFICATION || column == COLUMN_ACTIVE)
    att_status_pill_set (cell, NULL, NULL);
  else
    {
      text = loaded ? cell_text (assignment, column) : NULL;
      set_text (cell, text);
    }
}

static void
on_saved (GtkListItem           *item,
          AttClosientAssignment *updated)
{
  AttClosientAssignment *shown = gtk_list_item_get_item (item);

  if (shown != NULL &&
      g_strcmp0 (att_closient_assignment_get_id (shown), att_closient_assignment_get_id (updated)) == 0)
    show_cell (item);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  AttClosientPage *self = g_object_get_data (G_OBJECT (factory), "closient-page");

  g_object_set_data (G_OBJECT (item), "closient-page", self);
  g_object_set_data (G_OBJECT (item), "column", user_data);
  show_cell (item);
  g_signal_connect_object (self, "assignment-saved", G_CALLBACK (on_saved), item, G_CONNECT_SWAPPED);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  AttClosientPage *self = g_object_get_data (G_OBJECT (factory), "closient-page");

  g_signal_handlers_disconnect_by_data (self, item);
}

static void
add_column (AttClosientPage *self,
            Column           column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "closient-page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "certification column", columns[column].title),
                                            factory);
  gtk_column_view_column_set_expand (view_column, columns[column].expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_fixed_width (view_column, columns[column].fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* Enter or a double click opens the certification's page. */
static void
on_row_activated (AttClosientPage *self,
                  guint            position)
{
  att_closient_page_open_assignment (self, position);
}

/**
 * att_closient_page_setup_list:
 *
 * The filters, the columns and the models under the table, with no list
 * yet.
 */
void
att_closient_page_setup_list (AttClosientPage *self)
{
  setup_filters (self);
  for (Column column = 0; column < N_COLUMNS; column++)
    add_column (self, column);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
}

/* Setting the filters, as the drop-downs do */

void
att_closient_page_set_verification_filter (AttClosientPage        *self,
                                           AttClosientVerification status)
{
  g_return_if_fail (ATT_IS_CLOSIENT_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (verification_rows); i++)
    if (verification_rows[i] == status)
      gtk_drop_down_set_selected (self->verification_dropdown, i);
}

/**
 * att_closient_page_set_active_filter:
 * @is_active: 1 for active today, 0 for not, -1 for either
 */
void
att_closient_page_set_active_filter (AttClosientPage *self,
                                     int              is_active)
{
  g_return_if_fail (ATT_IS_CLOSIENT_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (active_rows); i++)
    if (active_rows[i] == is_active)
      gtk_drop_down_set_selected (self->active_dropdown, i);
}

/**
 * att_closient_page_set_ordering:
 * @ordering: `expiry_date`, `-expiry_date`, `label` or `-label`
 */
void
att_closient_page_set_ordering (AttClosientPage *self,
                                const char      *ordering)
{
  g_return_if_fail (ATT_IS_CLOSIENT_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (sort_rows); i++)
    if (g_strcmp0 (sort_rows[i].ordering, ordering) == 0)
      gtk_drop_down_set_selected (self->sort_dropdown, i);
}
