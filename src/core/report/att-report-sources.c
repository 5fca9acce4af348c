/* att-report-sources.c: rows from Higg certificates, PM products and
 * Closient certifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "att-certificate.h"
#include "att-closient-assignment.h"
#include "att-gtin.h"
#include "att-pm-product.h"
#include "att-report-private.h"

static const char *
first_of (const char *preferred,
          const char *fallback)
{
  return preferred != NULL && *preferred != '\0' ? preferred : fallback;
}

/* The first file of @certificate that is the image itself (not a link,
 * not an answer's empty echo), or NULL. */
/* The index of @certificate's first file that is an image (or a PDF),
 * not a link nor empty; -1 when it has none. */
static int
first_picture_file (AttCertificate *certificate)
{
  guint n = att_certificate_get_n_files (certificate);

  for (guint i = 0; i < n; i++)
    if (*att_certificate_get_file (certificate, i) != '\0' && !att_certificate_file_is_url (certificate, i))
      return (int) i;
  return -1;
}

static void
unref_holder (gpointer certificate)
{
  if (certificate != NULL)
    g_object_unref (certificate);
}

/* Certificate id -> the certificate whose picture file its rows show
 * (the first seen), or NULL for one without: PM search repeats a
 * certificate, files and all, in each product it covers, and the rows of
 * a certificate keep one copy. */
static GHashTable *
pictures_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_holder);
}

static AttCertificate *
pictures_lookup (GHashTable     *pictures,
                 AttCertificate *certificate)
{
  const char     *id = att_certificate_get_id (certificate);
  AttCertificate *holder;

  if (g_hash_table_lookup_extended (pictures, id, NULL, (gpointer *) &holder))
    return holder;
  holder = first_picture_file (certificate) >= 0 ? g_object_ref (certificate) : NULL;
  g_hash_table_insert (pictures, g_strdup (id), holder);
  return holder;
}

/* A row of @certificate with no product yet. */
static AttReportRow *
row_new_higg (AttCertificate *certificate,
              GHashTable     *pictures)
{
  AttReportRow   *row = _att_report_row_new (ATT_REPORT_SOURCE_HIGG);
  AttCertificate *holder;

  _att_report_row_set (row, ATT_REPORT_FIELD_CERTIFICATE_ID, att_certificate_get_id (certificate));
  _att_report_row_set (row, ATT_REPORT_FIELD_STANDARD,
                       first_of (att_certificate_get_standard_name (certificate),
                                 att_certificate_get_standard_id (certificate)));
  _att_report_row_set (row, ATT_REPORT_FIELD_AUTHORITY,
                       first_of (att_certificate_get_proof_body (certificate),
                                 att_certificate_get_authority_name (certificate)));
  _att_report_row_set (row, ATT_REPORT_FIELD_CERTIFICATE_NUMBER, att_certificate_get_assertion_id (certificate));
  _att_report_row_set (row, ATT_REPORT_FIELD_CERTIFICATE_NAME,
                       att_certificate_get_certificate_name (certificate));
  _att_report_row_set_dates (row, att_certificate_get_date_issued (certificate),
                             att_certificate_get_date_expires (certificate));
  holder = pictures_lookup (pictures, certificate);
  _att_report_row_set_picture (row, holder, holder != NULL ? (guint) first_picture_file (holder) : 0);
  return row;
}

/**
 * att_report_add_higg_certificates:
 * @certificates: (element-type AttCertificate): Higg certificates, as
 *   #AttCertificateList holds them
 *
 * Adds one row per product a certificate covers, named by its PM id only
 * (a certificate knows no more of its products; att_report_add_pm_products()
 * gives names), and one row with no product for a certificate that covers
 * none.
 */
void
att_report_add_higg_certificates (AttReport  *self,
                                  GListModel *certificates)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) pictures = pictures_new ();
  guint n;

  g_return_if_fail (ATT_IS_REPORT (self));
  g_return_if_fail (G_IS_LIST_MODEL (certificates));

  n = g_list_model_get_n_items (certificates);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (certificates, i);
      const char *const *ids = att_certificate_get_product_ids (certificate);

      if (ids == NULL || ids[0] == NULL)
        g_ptr_array_add (rows, row_new_higg (certificate, pictures));
      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          AttReportRow *row = row_new_higg (certificate, pictures);

          _att_report_row_set (row, ATT_REPORT_FIELD_PRODUCT_ID, ids[j]);
          g_ptr_array_add (rows, row);
        }
    }
  _att_report_take_rows (self, rows);
}

/* A barcode as a GTIN-14 when it is a GTIN, else as it is. */
static char *
dup_gtin (const char *barcode)
{
  char *gtin14 = NULL;

  if (barcode == NULL)
    return NULL;
  if (att_gtin_normalize (barcode, &gtin14, NULL))
    return gtin14;
  return g_strdup (barcode);
}

static void
add_pm_product (GPtrArray    *rows,
                AttPmProduct *product,
                GHashTable   *pictures)
{
  GListModel        *certificates = att_pm_product_get_certificates (product);
  const char *const *barcodes = att_pm_product_get_barcodes (product);
  g_autofree char   *gtin = dup_gtin (barcodes != NULL ? barcodes[0] : NULL);
  guint              n = g_list_model_get_n_items (certificates);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (certificates, i);
      AttReportRow *row = row_new_higg (certificate, pictures);

      _att_report_row_set (row, ATT_REPORT_FIELD_PRODUCT_ID, att_pm_product_get_id (product));
      _att_report_row_set (row, ATT_REPORT_FIELD_PRODUCT_NAME, att_pm_product_get_name (product));
      _att_report_row_set (row, ATT_REPORT_FIELD_STYLE_NUMBER, att_pm_product_get_model_number (product));
      _att_report_row_set (row, ATT_REPORT_FIELD_GTIN, gtin);
      g_ptr_array_add (rows, row);
    }
}

/**
 * att_report_add_pm_products:
 * @products: (element-type AttPmProduct): Product Module products, as PM
 *   search answers them, with their certificates
 *
 * Adds one row per certificate of each product, with the product's name,
 * PM id, style number (its model number) and GTIN (its first barcode).
 */
void
att_report_add_pm_products (AttReport  *self,
                            GListModel *products)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) pictures = pictures_new ();
  guint n;

  g_return_if_fail (ATT_IS_REPORT (self));
  g_return_if_fail (G_IS_LIST_MODEL (products));

  n = g_list_model_get_n_items (products);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (products, i);

      add_pm_product (rows, product, pictures);
    }
  _att_report_take_rows (self, rows);
}

/* A Closient date (YYYY-MM-DD) as midnight UTC, or NULL. */
static GDateTime *
parse_date (const char *text)
{
  int year, month, day;
  int end = 0;

  if (text == NULL ||
      sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &end) != 3 || text[end] != '\0' ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

static AttReportRow *
row_new_closient (AttClosientAssignment *assignment)
{
  AttReportRow *row = _att_report_row_new (ATT_REPORT_SOURCE_CLOSIENT);
  g_autoptr(GDateTime) issued = parse_date (
    first_of (att_closient_assignment_get_valid_from (assignment),
              att_closient_assignment_get_initial_certification_date (assignment)));
  g_autoptr(GDateTime) expires = parse_date (
    first_of (att_closient_assignment_get_expiration_date (assignment),
              att_closient_assignment_get_expiry_date (assignment)));

  _att_report_row_set (row, ATT_REPORT_FIELD_CERTIFICATE_ID, att_closient_assignment_get_id (assignment));
  _att_report_row_set (row, ATT_REPORT_FIELD_STANDARD, att_closient_assignment_get_label (assignment));
  _att_report_row_set (row, ATT_REPORT_FIELD_CERTIFICATE_NAME, att_closient_assignment_get_label (assignment));
  _att_report_row_set (row, ATT_REPORT_FIELD_AUTHORITY, att_closient_assignment_get_issuing_body (assignment));
  _att_report_row_set (row, ATT_REPORT_FIELD_CERTIFICATE_NUMBER,
                       att_closient_assignment_get_certificate_number (assignment));
  _att_report_row_set (row, ATT_REPORT_FIELD_CERTIFICATION_VALUE,
                       att_closient_assignment_get_certification_value (assignment));
  _att_report_row_set (row, ATT_REPORT_FIELD_SCOPE, att_closient_assignment_get_scope (assignment));
  _att_report_row_set (row, ATT_REPORT_FIELD_VERIFICATION_URL,
                       att_closient_assignment_get_verification_url (assignment));
  _att_report_row_set_dates (row, issued, expires);
  _att_report_row_set_verification (row, att_closient_assignment_get_verification_status (assignment));
  return row;
}

/**
 * att_report_add_closient_assignments:
 * @gtin: the product's GTIN (padded to 14 digits if it is a valid GTIN)
 * @product_name: (nullable): its name, when known
 * @assignments: (element-type AttClosientAssignment): its certifications,
 *   as Closient lists them
 *
 * Adds one row per certification of the product.  The expiry date is the
 * assignment's expiration_date, else its expiry_date; the issue date its
 * valid_from, else its initial_certification_date.
 */
void
att_report_add_closient_assignments (AttReport  *self,
                                     const char *gtin,
                                     const char *product_name,
                                     GListModel *assignments)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *gtin14 = NULL;
  guint            n;

  g_return_if_fail (ATT_IS_REPORT (self));
  g_return_if_fail (gtin != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (assignments));

  gtin14 = dup_gtin (gtin);
  n = g_list_model_get_n_items (assignments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttClosientAssignment) assignment = g_list_model_get_item (assignments, i);
      AttReportRow *row = row_new_closient (assignment);

      _att_report_row_set (row, ATT_REPORT_FIELD_GTIN, gtin14);
      _att_report_row_set (row, ATT_REPORT_FIELD_PRODUCT_NAME, product_name);
      g_ptr_array_add (rows, row);
    }
  _att_report_take_rows (self, rows);
}
