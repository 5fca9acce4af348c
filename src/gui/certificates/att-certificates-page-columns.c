/* att-certificates-page-columns.c: the columns of the certificate table,
 * and how each sorts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-certificates-page-private.h"
#include "att-context.h"
#include "att-format.h"
#include "att-status-pill.h"

/* The status and the expiry first, which a manager scans for; then what
 * tells certificates apart; the rest scrolls in on a narrow window. */
typedef enum {
  COLUMN_STATUS,
  COLUMN_EXPIRES,
  COLUMN_STANDARD,
  COLUMN_NUMBER,
  COLUMN_NAME,
  COLUMN_PRODUCTS,
  COLUMN_BODY,
  COLUMN_AUTHORITY,
  COLUMN_ISSUED,
  N_COLUMNS
} Column;

typedef struct
{
  const char *title;
  int         min_chars;   /* a column is given its minimum in a narrow view */
  int         fixed_width; /* or a width, for values of one size */
  gboolean    expand;
} ColumnInfo;

static const ColumnInfo columns[N_COLUMNS] = {
  { NC_ ("certificate column", "Status"), 0, 132, FALSE },
  { NC_ ("certificate column", "Expires"), 0, 112, FALSE },
  { NC_ ("certificate column", "Standard"), 22, -1, TRUE },
  { NC_ ("certificate column", "Number"), 17, -1, FALSE },
  { NC_ ("certificate column", "Name"), 20, -1, TRUE },
  { NC_ ("certificate column", "Products"), 0, 88, FALSE },
  { NC_ ("certificate column", "Issuing Body"), 18, -1, FALSE },
  { NC_ ("certificate column", "Authority"), 14, -1, FALSE },
  { NC_ ("certificate column", "Issued"), 0, 112, FALSE },
};

/* Cells */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Column     column = GPOINTER_TO_INT (user_data);
  GtkWidget *cell;

  if (column == COLUMN_STATUS)
    cell = att_status_pill_new ();
  else
    {
      cell = gtk_inscription_new (NULL);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), column == COLUMN_PRODUCTS ? 1.0 : 0.0);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), columns[column].min_chars);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), columns[column].min_chars);
      gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
      if (column == COLUMN_PRODUCTS || column == COLUMN_ISSUED || column == COLUMN_EXPIRES)
        gtk_widget_add_css_class (cell, "numeric");
    }
  gtk_list_item_set_child (item, cell);
}

static char *
cell_text (AttCertificate *certificate,
           Column          column)
{
  switch (column)
    {
    case COLUMN_STANDARD:
      return g_strdup (att_certificate_get_standard_name (certificate));
    case COLUMN_AUTHORITY:
      return g_strdup (att_certificate_get_authority_name (certificate));
    case COLUMN_NUMBER:
      return g_strdup (att_certificate_get_assertion_id (certificate));
    case COLUMN_NAME:
      return g_strdup (att_certificate_get_certificate_name (certificate));
    case COLUMN_BODY:
      return g_strdup (att_certificate_get_proof_body (certificate));
    case COLUMN_ISSUED:
      return att_format_date_short (att_certificate_get_date_issued (certificate));
    case COLUMN_EXPIRES:
      return att_format_date_short (att_certificate_get_date_expires (certificate));
    case COLUMN_PRODUCTS:
      return g_strdup_printf ("%u", att_certificate_get_n_products (certificate));
    case COLUMN_STATUS:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* A status cell follows the lead time of the Preferences while bound. */
static void
refresh_status (GtkListItem *item)
{
  AttCertificatesPage *self = g_object_get_data (G_OBJECT (item), "certificates-page");

  att_status_pill_show (gtk_list_item_get_child (item), gtk_list_item_get_item (item),
                        att_certificates_page_lead_days (self));
}

/* A product count follows the certificate list's scan while bound: the
 * scan finds more of a certificate's products as it goes. */
static void
refresh_count (GtkListItem *item)
{
  AttCertificate  *certificate = gtk_list_item_get_item (item);
  gboolean         none = att_certificate_get_n_products (certificate) == 0;
  g_autofree char *text = cell_text (certificate, COLUMN_PRODUCTS);
  const char      *label = none ? _ ("Not attached to any product") : text;
  GtkWidget       *cell = gtk_list_item_get_child (item);

  /* A certificate attached to nothing (created so, or detached from all)
   * says so, where "0" would read as a count still to come. */
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), none ? C_ ("certificate products", "None") : text);
  gtk_widget_set_tooltip_text (cell, none ? label : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  Column           column = GPOINTER_TO_INT (user_data);
  AttCertificate  *certificate = gtk_list_item_get_item (item);
  GtkWidget       *cell = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (column == COLUMN_STATUS)
    {
      AttCertificatesPage *self = g_object_get_data (G_OBJECT (factory), "certificates-page");

      g_object_set_data (G_OBJECT (item), "certificates-page", self);
      refresh_status (item);
      if (self->context != NULL)
        g_signal_connect_object (self->context, "notify::expiry-lead-days", G_CALLBACK (refresh_status),
                                 item, G_CONNECT_SWAPPED);
      return;
    }

  if (column == COLUMN_PRODUCTS)
    {
      refresh_count (item);
      g_signal_connect_object (certificate, "notify::n-products", G_CALLBACK (refresh_count), item,
                               G_CONNECT_SWAPPED);
      return;
    }

  text = cell_text (certificate, column);
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  /* GtkInscription does not tell screen readers its text in GTK 4.8. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  AttCertificatesPage *self = g_object_get_data (G_OBJECT (factory), "certificates-page");
  AttCertificate      *certificate = gtk_list_item_get_item (item);

  if (GPOINTER_TO_INT (user_data) == COLUMN_STATUS && self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, item);
  if (GPOINTER_TO_INT (user_data) == COLUMN_PRODUCTS && certificate != NULL)
    g_signal_handlers_disconnect_by_data (certificate, item);
}

/* Sorters: each column sorts by its value, ties by expiry (the order the
 * view opens in). */

static int
compare_strings (const char *a,
                 const char *b)
{
  /* Missing values sort last. */
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return g_utf8_collate (a, b);
}

static int
compare_dates (GDateTime *a,
               GDateTime *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return g_date_time_compare (a, b);
}

static int
compare_column (AttCertificate *a,
                AttCertificate *b,
                Column          column)
{
  switch (column)
    {
    case COLUMN_STANDARD:
      return compare_strings (att_certificate_get_standard_name (a), att_certificate_get_standard_name (b));
    case COLUMN_AUTHORITY:
      return compare_strings (att_certificate_get_authority_name (a), att_certificate_get_authority_name (b));
    case COLUMN_NUMBER:
      return compare_strings (att_certificate_get_assertion_id (a), att_certificate_get_assertion_id (b));
    case COLUMN_NAME:
      return compare_strings (att_certificate_get_certificate_name (a), att_certificate_get_certificate_name (b));
    case COLUMN_BODY:
      return compare_strings (att_certificate_get_proof_body (a), att_certificate_get_proof_body (b));
    case COLUMN_ISSUED:
      return compare_dates (att_certificate_get_date_issued (a), att_certificate_get_date_issued (b));
    case COLUMN_PRODUCTS:
      return (int) att_certificate_get_n_products (a) - (int) att_certificate_get_n_products (b);
    case COLUMN_EXPIRES:
    case COLUMN_STATUS: /* the status follows from the expiry date */
    case N_COLUMNS:
    default:
      return 0;
    }
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  int result = compare_column ((AttCertificate *) a, (AttCertificate *) b, GPOINTER_TO_INT (user_data));

  return result != 0 ? result : att_certificate_compare_expiry (a, b, NULL);
}

static GtkColumnViewColumn *
add_column (AttCertificatesPage *self,
            Column               column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (sort_func, GINT_TO_POINTER (column), NULL));

  g_object_set_data (G_OBJECT (factory), "certificates-page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "certificate column", columns[column].title),
                                            factory);
  gtk_column_view_column_set_expand (view_column, columns[column].expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_fixed_width (view_column, columns[column].fixed_width);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_append_column (self->column_view, view_column);
  return view_column;
}

/**
 * att_certificates_page_setup_columns:
 *
 * The columns the issue lists, sortable, the table sorted by expiry.
 */
void
att_certificates_page_setup_columns (AttCertificatesPage *self)
{
  GtkColumnViewColumn *expires = NULL;

  for (Column column = 0; column < N_COLUMNS; column++)
    {
      GtkColumnViewColumn *view_column = add_column (self, column);

      if (column == COLUMN_EXPIRES)
        expires = view_column;
    }
  gtk_column_view_sort_by_column (self->column_view, expires, GTK_SORT_ASCENDING);
}
