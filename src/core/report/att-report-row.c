/* att-report-row.c: one line of a certificate report: a certificate on
 * one product
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-report-row-private.h"

/**
 * AttReportRow:
 *
 * A certificate on one product, as every writer prints it: a certificate
 * covering three products is three rows, one covering none is one row with
 * an empty product.  Rows come from Higg certificates or from Closient
 * certifications and read the same; the fields a source lacks are empty
 * strings (never %NULL), and the dates are %NULL when missing.  Rows are
 * made by #AttReport and never change afterwards, so they may be read from
 * any thread.  Every field is also a read-only property, for views.
 */

struct _AttReportRow
{
  GObject                 parent_instance;

  AttReportSource         source;
  char                   *fields[ATT_REPORT_N_FIELDS];
  GDateTime              *date_issued;
  GDateTime              *date_expires;
  AttCertificateStatus    status;
  AttClosientVerification verification;
  /* The certificate's first image file, as the server sent it, and the
   * certificate that holds it (shared by the rows of a certificate), or
   * NULL. */
  AttCertificate         *picture_certificate;
  guint                   picture_index;
};

G_DEFINE_FINAL_TYPE (AttReportRow, att_report_row, G_TYPE_OBJECT)

G_DEFINE_FLAGS_TYPE (AttReportSource, att_report_source,
                     G_DEFINE_ENUM_VALUE (ATT_REPORT_SOURCE_HIGG, "higg"),
                     G_DEFINE_ENUM_VALUE (ATT_REPORT_SOURCE_CLOSIENT, "closient"))

/* The string properties, in the order of AttReportField. */
static const char *const field_names[ATT_REPORT_N_FIELDS] = {
  "account",
  "product-name",
  "product-id",
  "gtin",
  "style-number",
  "certificate-id",
  "standard",
  "authority",
  "certificate-number",
  "certificate-name",
  "certification-value",
  "scope",
  "verification-url",
};

enum {
  PROP_0,
  PROP_SOURCE = ATT_REPORT_N_FIELDS + 1,
  PROP_DATE_ISSUED,
  PROP_DATE_EXPIRES,
  PROP_STATUS,
  PROP_VERIFICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * att_report_source_get_label:
 *
 * Returns: the service's name, as a column shows it
 */
const char *
att_report_source_get_label (AttReportSource source)
{
  return source == ATT_REPORT_SOURCE_CLOSIENT ? "Closient" : "Higg";
}

static void
att_report_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AttReportRow *self = ATT_REPORT_ROW (object);

  if (prop_id >= 1 && prop_id <= ATT_REPORT_N_FIELDS)
    {
      g_value_set_string (value, self->fields[prop_id - 1]);
      return;
    }

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_flags (value, self->source);
      break;
    case PROP_DATE_ISSUED:
      g_value_set_boxed (value, self->date_issued);
      break;
    case PROP_DATE_EXPIRES:
      g_value_set_boxed (value, self->date_expires);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_VERIFICATION:
      g_value_set_enum (value, self->verification);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_report_row_finalize (GObject *object)
{
  AttReportRow *self = ATT_REPORT_ROW (object);

  for (guint i = 0; i < ATT_REPORT_N_FIELDS; i++)
    g_free (self->fields[i]);
  g_clear_pointer (&self->date_issued, g_date_time_unref);
  g_clear_pointer (&self->date_expires, g_date_time_unref);
  g_clear_object (&self->picture_certificate);

  G_OBJECT_CLASS (att_report_row_parent_class)->finalize (object);
}

static void
install_properties (void)
{
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  for (guint i = 0; i < ATT_REPORT_N_FIELDS; i++)
    properties[i + 1] = g_param_spec_string (field_names[i], NULL, NULL, "", flags);
  properties[PROP_SOURCE] = g_param_spec_flags ("source", NULL, NULL, ATT_TYPE_REPORT_SOURCE,
                                                ATT_REPORT_SOURCE_HIGG, flags);
  properties[PROP_DATE_ISSUED] = g_param_spec_boxed ("date-issued", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_DATE_EXPIRES] = g_param_spec_boxed ("date-expires", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, ATT_TYPE_CERTIFICATE_STATUS,
                                               ATT_CERTIFICATE_STATUS_UNKNOWN, flags);
  properties[PROP_VERIFICATION] = g_param_spec_enum ("verification", NULL, NULL,
                                                     ATT_TYPE_CLOSIENT_VERIFICATION,
                                                     ATT_CLOSIENT_VERIFICATION_UNKNOWN, flags);
}

static void
att_report_row_class_init (AttReportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = att_report_row_get_property;
  object_class->finalize = att_report_row_finalize;

  install_properties ();
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_report_row_init (AttReportRow *self)
{
  for (guint i = 0; i < ATT_REPORT_N_FIELDS; i++)
    self->fields[i] = g_strdup ("");
  self->verification = ATT_CLOSIENT_VERIFICATION_UNKNOWN;
}

/* --- Making rows (AttReport only) -------------------------------------- */

AttReportRow *
_att_report_row_new (AttReportSource source)
{
  AttReportRow *self = g_object_new (ATT_TYPE_REPORT_ROW, NULL);

  self->source = source;
  return self;
}

void
_att_report_row_set (AttReportRow  *self,
                     AttReportField field,
                     const char    *value)
{
  g_assert (field < ATT_REPORT_N_FIELDS);

  g_free (self->fields[field]);
  self->fields[field] = g_strdup (value != NULL ? value : "");
}

void
_att_report_row_set_dates (AttReportRow *self,
                           GDateTime    *issued,
                           GDateTime    *expires)
{
  g_clear_pointer (&self->date_issued, g_date_time_unref);
  g_clear_pointer (&self->date_expires, g_date_time_unref);
  self->date_issued = issued != NULL ? g_date_time_ref (issued) : NULL;
  self->date_expires = expires != NULL ? g_date_time_ref (expires) : NULL;
}

void
_att_report_row_set_verification (AttReportRow           *self,
                                  AttClosientVerification verification)
{
  self->verification = verification;
}

/* @certificate: (nullable): the certificate whose file @index is the
 *   row's picture
 *
 * Not decoded nor copied here, so that a report of thousands of rows is
 * made fast and holds each certificate's files once, as its JSON has
 * them. */
void
_att_report_row_set_picture (AttReportRow   *self,
                             AttCertificate *certificate,
                             guint           index)
{
  g_set_object (&self->picture_certificate, certificate);
  self->picture_index = index;
}

gboolean
_att_report_row_has_picture (AttReportRow *self)
{
  g_return_val_if_fail (ATT_IS_REPORT_ROW (self), FALSE);
  return self->picture_certificate != NULL;
}

/* The bytes of the row's picture file (blocks on a large one: for worker
 * threads). */
GBytes *
_att_report_row_decode_picture (AttReportRow *self,
                                GError      **error)
{
  g_return_val_if_fail (_att_report_row_has_picture (self), NULL);
  return att_certificate_decode_file (self->picture_certificate, self->picture_index, error);
}

/* The same rule as att_certificate_get_status(), for either source. */
void
_att_report_row_judge (AttReportRow *self,
                       GDateTime    *now,
                       guint         lead_days)
{
  GTimeSpan left;

  if (self->date_expires == NULL)
    {
      self->status = ATT_CERTIFICATE_STATUS_UNKNOWN;
      return;
    }

  left = g_date_time_difference (self->date_expires, now);
  if (left <= 0)
    self->status = ATT_CERTIFICATE_STATUS_EXPIRED;
  else if (left <= (GTimeSpan) lead_days * G_TIME_SPAN_DAY)
    self->status = ATT_CERTIFICATE_STATUS_EXPIRING;
  else
    self->status = ATT_CERTIFICATE_STATUS_VALID;
}

/* --- Reading rows ------------------------------------------------------ */

#define DEFINE_FIELD_GETTER(name, field)                     \
  const char *att_report_row_get_##name (AttReportRow *self) \
  {                                                          \
    g_return_val_if_fail (ATT_IS_REPORT_ROW (self), NULL);   \
    return self->fields[field];                              \
  }

DEFINE_FIELD_GETTER (account, ATT_REPORT_FIELD_ACCOUNT)
DEFINE_FIELD_GETTER (product_name, ATT_REPORT_FIELD_PRODUCT_NAME)
DEFINE_FIELD_GETTER (product_id, ATT_REPORT_FIELD_PRODUCT_ID)
DEFINE_FIELD_GETTER (gtin, ATT_REPORT_FIELD_GTIN)
DEFINE_FIELD_GETTER (style_number, ATT_REPORT_FIELD_STYLE_NUMBER)
DEFINE_FIELD_GETTER (certificate_id, ATT_REPORT_FIELD_CERTIFICATE_ID)
DEFINE_FIELD_GETTER (standard, ATT_REPORT_FIELD_STANDARD)
DEFINE_FIELD_GETTER (authority, ATT_REPORT_FIELD_AUTHORITY)
DEFINE_FIELD_GETTER (certificate_number, ATT_REPORT_FIELD_CERTIFICATE_NUMBER)
DEFINE_FIELD_GETTER (certificate_name, ATT_REPORT_FIELD_CERTIFICATE_NAME)
DEFINE_FIELD_GETTER (certification_value, ATT_REPORT_FIELD_CERTIFICATION_VALUE)
DEFINE_FIELD_GETTER (scope, ATT_REPORT_FIELD_SCOPE)
DEFINE_FIELD_GETTER (verification_url, ATT_REPORT_FIELD_VERIFICATION_URL)

AttReportSource
att_report_row_get_source (AttReportRow *self)
{
  g_return_val_if_fail (ATT_IS_REPORT_ROW (self), ATT_REPORT_SOURCE_HIGG);
  return self->source;
}

/**
 * att_report_row_get_date_issued:
 *
 * Returns: (transfer none) (nullable): when the certificate was issued
 */
GDateTime *
att_report_row_get_date_issued (AttReportRow *self)
{
  g_return_val_if_fail (ATT_IS_REPORT_ROW (self), NULL);
  return self->date_issued;
}

/**
 * att_report_row_get_date_expires:
 *
 * Returns: (transfer none) (nullable): when the certificate expires
 */
GDateTime *
att_report_row_get_date_expires (AttReportRow *self)
{
  g_return_val_if_fail (ATT_IS_REPORT_ROW (self), NULL);
  return self->date_expires;
}

/**
 * att_report_row_get_status:
 *
 * Returns: the status at the report's "now", with its lead time
 */
AttCertificateStatus
att_report_row_get_status (AttReportRow *self)
{
  g_return_val_if_fail (ATT_IS_REPORT_ROW (self), ATT_CERTIFICATE_STATUS_UNKNOWN);
  return self->status;
}

/**
 * att_report_row_get_verification:
 *
 * Returns: Closient's verification status;
 *   %ATT_CLOSIENT_VERIFICATION_UNKNOWN for a Higg row
 */
AttClosientVerification
att_report_row_get_verification (AttReportRow *self)
{
  g_return_val_if_fail (ATT_IS_REPORT_ROW (self), ATT_CLOSIENT_VERIFICATION_UNKNOWN);
  return self->verification;
}

/* --- Searching and sorting --------------------------------------------- */

static gboolean
contains_casefolded (const char *haystack,
                     const char *casefolded)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, casefolded) != NULL;
}

/**
 * att_report_row_matches_search:
 * @casefolded: the search text, through g_utf8_casefold()
 *
 * Returns: whether the product's name, id, GTIN or style number contains
 *   @casefolded, ignoring case; an empty search matches every row
 */
gboolean
att_report_row_matches_search (AttReportRow *self,
                               const char   *casefolded)
{
  static const AttReportField searched[] = {
    ATT_REPORT_FIELD_PRODUCT_NAME,
    ATT_REPORT_FIELD_PRODUCT_ID,
    ATT_REPORT_FIELD_GTIN,
    ATT_REPORT_FIELD_STYLE_NUMBER,
  };

  g_return_val_if_fail (ATT_IS_REPORT_ROW (self), FALSE);

  if (casefolded == NULL || *casefolded == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (searched); i++)
    if (contains_casefolded (self->fields[searched[i]], casefolded))
      return TRUE;
  return FALSE;
}

static int
compare_expiry (GDateTime *a,
                GDateTime *b)
{
  /* No expiry date sorts last: there is nothing to renew. */
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return g_date_time_compare (a, b);
}

/**
 * att_report_row_compare:
 * @a: (type AttReportRow): a row
 * @b: (type AttReportRow): another
 * @user_data: unused
 *
 * A #GCompareDataFunc: the row that expires first comes first, rows with
 * no expiry date last; ties go by standard, product, certificate number
 * and certificate id, so that the order is stable.
 *
 * Returns: <0, 0 or >0 as @a comes before, with or after @b
 */
int
att_report_row_compare (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  static const AttReportField ties[] = {
    ATT_REPORT_FIELD_STANDARD,
    ATT_REPORT_FIELD_PRODUCT_NAME,
    ATT_REPORT_FIELD_PRODUCT_ID,
    ATT_REPORT_FIELD_GTIN,
    ATT_REPORT_FIELD_CERTIFICATE_NUMBER,
    ATT_REPORT_FIELD_CERTIFICATE_ID,
  };
  const AttReportRow *first = a;
  const AttReportRow *second = b;
  int                 result = compare_expiry (first->date_expires, second->date_expires);

  for (guint i = 0; result == 0 && i < G_N_ELEMENTS (ties); i++)
    result = g_strcmp0 (first->fields[ties[i]], second->fields[ties[i]]);
  if (result == 0)
    result = (int) first->source - (int) second->source;
  return result;
}
