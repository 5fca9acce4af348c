/* att-sandbox-store.h: the sandbox's SQLite store: PIC products, Product
 * Module products and certificates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_SANDBOX_STORE (att_sandbox_store_get_type ())

G_DECLARE_FINAL_TYPE (AttSandboxStore, att_sandbox_store, ATT, SANDBOX_STORE, GObject)

/* One stored product: its columns and its state document (the normalised
 * request fields, see att-sandbox-product.c). */
typedef struct
{
  char  *id;
  char  *name;
  char  *identifier;
  char  *search_text;
  gint64 created_on;
  gint64 modified_on;
  gint64 score_ready_at;
  char  *state;
  char  *uses; /* {"material": [ids], "component": [...], "packaging": [...]}:
                * what the state uses, for "Used by"; only written */
} AttSandboxRow;

void att_sandbox_row_free (AttSandboxRow *row);

/* A product search; every filter is optional (%NULL or empty).  @words
 * must be case-folded already.  @materials, @components and @packaging are
 * catalogue ids: a product matches when its list uses any of them. */
typedef struct
{
  const char *const *ids;
  const char *const *names;
  const char *const *identifiers;
  const char *const *words;
  const char *const *materials;
  const char *const *components;
  const char *const *packaging;
  guint              from;
  guint              size;
} AttSandboxQuery;

AttSandboxStore *att_sandbox_store_new (const char *path,
                                        GError    **error);
gboolean         att_sandbox_store_begin (AttSandboxStore *self,
                                          GError         **error);
gboolean         att_sandbox_store_commit (AttSandboxStore *self,
                                           GError         **error);
void             att_sandbox_store_rollback (AttSandboxStore *self);
gboolean         att_sandbox_store_insert (AttSandboxStore     *self,
                                           const AttSandboxRow *row,
                                           gboolean            *out_inserted,
                                           GError             **error);
gboolean         att_sandbox_store_update (AttSandboxStore     *self,
                                           const AttSandboxRow *row,
                                           GError             **error);
AttSandboxRow   *att_sandbox_store_get (AttSandboxStore *self,
                                        const char      *id,
                                        GError         **error);
gboolean         att_sandbox_store_search (AttSandboxStore       *self,
                                           const AttSandboxQuery *query,
                                           gint64                *out_total,
                                           GPtrArray            **out_rows,
                                           GError               **error);

char            *att_sandbox_store_get_meta (AttSandboxStore *self,
                                             const char      *key);
gboolean         att_sandbox_store_set_meta (AttSandboxStore *self,
                                             const char      *key,
                                             const char      *value,
                                             GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttSandboxRow, att_sandbox_row_free)

/* Product Module products (att-sandbox-store-pm.c) -------------------------- */

/* One PM product.  Its certificates are the certificates linked to it. */
typedef struct
{
  char  *id;
  char  *name;
  char  *model_number;
  char  *product_type;
  char **barcodes;
  gint64 sac_id;
} AttSandboxPmProduct;

void att_sandbox_pm_product_free (AttSandboxPmProduct *product);

/* A PM search; every filter is optional (%NULL or empty).  @name_folded is
 * a case-folded substring of the name; @certifications are certificate
 * ids, of which a product must have any. */
typedef struct
{
  const char *const *ids;
  const char *const *barcodes;
  const char        *name_folded;
  const char *const *style_numbers;
  const char *const *certifications;
  guint              from;
  guint              size; /* G_MAXUINT for all */
} AttSandboxPmQuery;

gboolean att_sandbox_store_insert_pm_product (AttSandboxStore           *self,
                                              const AttSandboxPmProduct *product,
                                              GError                   **error);
gboolean att_sandbox_store_has_pm_product (AttSandboxStore *self,
                                           const char      *id,
                                           gboolean        *out_exists,
                                           GError         **error);
gboolean att_sandbox_store_search_pm (AttSandboxStore         *self,
                                      const AttSandboxPmQuery *query,
                                      gint64                  *out_total,
                                      GPtrArray              **out_products,
                                      GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttSandboxPmProduct, att_sandbox_pm_product_free)

/* Certificates (att-sandbox-store-certificate.c) ---------------------------- */

/* One certificate.  Dates are Unix milliseconds.  @files (base64 strings)
 * and @product_ids (PM product ids, ordered by product name; a
 * %NULL-terminated array) are %NULL when not read. */
typedef struct
{
  char      *id;
  char      *authority_id;
  char      *standard_id;
  char      *assertion_id;
  char      *name;
  char      *proof_body;
  double     date_issued;
  double     date_expires;
  JsonArray *files;
  GPtrArray *product_ids;
} AttSandboxCertificate;

void                   att_sandbox_certificate_free (AttSandboxCertificate *certificate);
const char *const     *att_sandbox_certificate_product_ids (const AttSandboxCertificate *certificate);

gboolean               att_sandbox_store_insert_certificate (AttSandboxStore       *self,
                                                             AttSandboxCertificate *certificate,
                                                             GError               **error);
AttSandboxCertificate *att_sandbox_store_get_certificate (AttSandboxStore *self,
                                                          const char      *id,
                                                          gboolean         with_files,
                                                          GError         **error);
gboolean               att_sandbox_store_read_certificate_products (AttSandboxStore       *self,
                                                                    AttSandboxCertificate *certificate,
                                                                    GError               **error);
gboolean               att_sandbox_store_update_certificate (AttSandboxStore             *self,
                                                             const AttSandboxCertificate *certificate,
                                                             gboolean                     replace_files,
                                                             const char *const           *add_products,
                                                             const char *const           *remove_products,
                                                             GError                     **error);
gboolean               att_sandbox_store_certificates_of (AttSandboxStore   *self,
                                                          const char *const *product_ids,
                                                          GPtrArray        **out_certificates,
                                                          GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttSandboxCertificate, att_sandbox_certificate_free)

/* Closient (att-sandbox-store-closient.c) ----------------------------------- */

/* A page of a Closient list: @limit rows (G_MAXUINT for all) from @offset. */
typedef struct
{
  guint offset;
  guint limit;
} AttSandboxClosientPage;

/* One assignment as stored: its certification's catalogue record (id,
 * label, code, description, url, logo key, ...) and the assignment's own
 * members. */
typedef struct
{
  JsonObject *certification;
  JsonObject *state;
} AttSandboxClosientAssignment;

void att_sandbox_closient_assignment_free (AttSandboxClosientAssignment *assignment);

/* The assignments of @gtin (14 digits), filtered: @verification_status
 * %NULL for any, @is_active -1 for any (else 0 or 1, on @today,
 * "YYYY-MM-DD"); @ordering one of `label`, `-label`, `expiry_date`,
 * `-expiry_date` or %NULL (by label). */
typedef struct
{
  const char            *gtin;
  const char            *today;
  const char            *verification_status;
  int                    is_active;
  const char            *ordering;
  AttSandboxClosientPage page;
} AttSandboxClosientAssignmentQuery;

/* A catalogue search; every filter is optional (%NULL).  @ordering is one
 * of `label`, `-label`, `code`, `-code` or %NULL (by label). */
typedef struct
{
  const char            *label_folded;
  const char            *code;
  const char            *body_id;
  const char            *ordering;
  AttSandboxClosientPage page;
} AttSandboxClosientCatalogueQuery;

gboolean                      att_sandbox_store_insert_closient_body (AttSandboxStore *self,
                                                                      JsonObject      *body,
                                                                      GError         **error);
gboolean                      att_sandbox_store_insert_closient_certification (AttSandboxStore *self,
                                                                               JsonObject      *certification,
                                                                               GError         **error);
gboolean                      att_sandbox_store_insert_closient_product (AttSandboxStore *self,
                                                                         JsonObject      *product,
                                                                         GError         **error);
gboolean                      att_sandbox_store_put_closient_assignment (AttSandboxStore *self,
                                                                         const char      *gtin,
                                                                         const char      *certification_id,
                                                                         JsonObject      *state,
                                                                         gboolean        *out_found,
                                                                         GError         **error);
gboolean                      att_sandbox_store_delete_closient_assignment (AttSandboxStore *self,
                                                                            const char      *gtin,
                                                                            const char      *certification_id,
                                                                            gboolean        *out_deleted,
                                                                            GError         **error);
JsonObject                   *att_sandbox_store_get_closient_product (AttSandboxStore *self,
                                                                      const char      *gtin,
                                                                      GError         **error);
JsonObject                   *att_sandbox_store_get_closient_certification (AttSandboxStore *self,
                                                                            const char      *id,
                                                                            GError         **error);
JsonObject                   *att_sandbox_store_get_closient_body (AttSandboxStore *self,
                                                                   const char      *id,
                                                                   GError         **error);
AttSandboxClosientAssignment *att_sandbox_store_get_closient_assignment (AttSandboxStore *self,
                                                                         const char      *gtin,
                                                                         const char      *certification_id,
                                                                         GError         **error);
gboolean                      att_sandbox_store_search_closient_assignments (AttSandboxStore                         *self,
                                                                             const AttSandboxClosientAssignmentQuery *query,
                                                                             gint64                                  *out_total,
                                                                             GPtrArray                              **out_assignments,
                                                                             GError                                 **error);
gboolean                      att_sandbox_store_search_closient_certifications (AttSandboxStore                        *self,
                                                                                const AttSandboxClosientCatalogueQuery *query,
                                                                                gint64                                 *out_total,
                                                                                GPtrArray                             **out_certifications,
                                                                                GError                                **error);
gboolean                      att_sandbox_store_search_closient_bodies (AttSandboxStore              *self,
                                                                        const char                   *search_folded,
                                                                        const AttSandboxClosientPage *page,
                                                                        gint64                       *out_total,
                                                                        GPtrArray                   **out_bodies,
                                                                        GError                      **error);
gboolean                      att_sandbox_store_insert_closient_logo (AttSandboxStore *self,
                                                                      const char      *key,
                                                                      JsonObject      *spec,
                                                                      GError         **error);
gboolean                      att_sandbox_store_set_closient_logo_png (AttSandboxStore *self,
                                                                       const char      *key,
                                                                       GBytes          *png,
                                                                       GError         **error);
gboolean                      att_sandbox_store_get_closient_logo (AttSandboxStore *self,
                                                                   const char      *key,
                                                                   JsonObject     **out_spec,
                                                                   GBytes         **out_png,
                                                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttSandboxClosientAssignment, att_sandbox_closient_assignment_free)

G_END_DECLS
