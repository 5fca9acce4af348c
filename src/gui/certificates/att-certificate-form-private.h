/* att-certificate-form-private.h: what the parts of AttCertificateForm
 * share: att-certificate-form.c (the window, its modes, actions and drop
 * zone), att-certificate-form-lists.c (authorities and standards),
 * att-certificate-form-fields.c (fields, dates, products and the messages
 * under them), att-certificate-form-files.c (the files: dropped, chosen,
 * or the certificate's own), att-certificate-form-checks.c (what is checked before
 * sending) and att-certificate-form-save.c (the upload)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-certificate-file-list.h"
#include "att-certificate-form.h"
#include "att-date-row.h"
#include "att-error.h"
#include "att-higg-client.h"

G_BEGIN_DECLS

/* The request members the form's fields stand for; problems are put
 * under the field their path starts with. */
#define ATT_FORM_AUTHORITY "assertionAuthorityId"
#define ATT_FORM_STANDARD  "assertionStandardId"
#define ATT_FORM_NUMBER    "assertionId"
#define ATT_FORM_NAME      "certificateName"
#define ATT_FORM_BODY      "proofBody"
#define ATT_FORM_ISSUED    "dateIssued"
#define ATT_FORM_EXPIRES   "dateExpires"
#define ATT_FORM_PRODUCTS  "productModuleIds"
#define ATT_FORM_FILES     "certificationFiles"

/* A field of the form and the message row under it. */
typedef struct
{
  const char *path;
  GtkWidget  *row;
  GtkWidget  *message_row;
  GtkLabel   *message;
  const char *note; /* shown when there is no problem (nullable) */
} AttFormField;

struct _AttCertificateForm
{
  AdwWindow               parent_instance;

  AttContext             *context;
  AttCertificate         *certificate; /* the one updated; NULL when creating */
  AttPmProduct           *attach_to;
  GCancellable           *cancellable;      /* the lists */
  GCancellable           *save_cancellable; /* the upload under way */
  GListModel             *authorities;      /* of AttAssertionItem */
  GListModel             *standards;
  GtkCustomFilter        *standard_filter;
  GtkFilterListModel     *standards_shown;
  guint                   lists_pending;
  char                   *lists_error;
  GDateTime              *date_issued; /* midnight UTC of the day chosen */
  GDateTime              *date_expires;
  GPtrArray              *products;      /* of AttPmProduct, to attach */
  GPtrArray              *fields;        /* of AttFormField */
  GPtrArray              *server_errors; /* the last 400's, until the next edit */
  gboolean                checked;       /* Save was pressed: keep checking */
  gboolean                saving;
  gboolean                sending; /* the body has started to go out */
  gboolean                closed;  /* disposed: an answer still on its way is dropped */
  guint                   updating;

  /* template widgets */
  GtkOverlay             *drop_overlay;
  GtkWidget              *save_button;
  GtkRevealer            *progress_revealer;
  GtkLabel               *progress_label;
  GtkProgressBar         *progress_bar;
  GtkRevealer            *error_revealer;
  GtkLabel               *error_label;
  GtkWidget              *retry_button;
  GtkRevealer            *problems_revealer;
  GtkLabel               *problems_title;
  GtkBox                 *problems_box;
  GtkScrolledWindow      *scroller;
  GtkWidget              *form_box;
  AdwPreferencesGroup    *certificate_group;
  AdwActionRow           *lists_row;
  GtkSpinner             *lists_spinner;
  GtkWidget              *lists_retry_button;
  AdwComboRow            *authority_row;
  AdwComboRow            *standard_row;
  AdwActionRow           *fixed_standard_row;
  AdwEntryRow            *number_row;
  AdwActionRow           *fixed_number_row;
  AdwEntryRow            *name_row;
  AdwEntryRow            *body_row;
  AttDateRow             *issued_row;
  AttDateRow             *expires_row;
  AdwPreferencesGroup    *products_group;
  AdwActionRow           *products_row;
  AttCertificateFileList *file_list;
};

/* att-certificate-form.c */
void        att_certificate_form_emit_saved (AttCertificateForm *self,
                                             AttCertificate     *certificate);

/* att-certificate-form-lists.c */
void        att_certificate_form_lists_init (AttCertificateForm *self);
void        att_certificate_form_lists_load (AttCertificateForm *self);
const char *att_certificate_form_get_authority_id (AttCertificateForm *self);
const char *att_certificate_form_get_standard_id (AttCertificateForm *self);

/* att-certificate-form-fields.c */
void        att_certificate_form_fields_init (AttCertificateForm *self);
void        att_certificate_form_fields_load (AttCertificateForm *self);
char       *att_certificate_form_get_text (AttCertificateForm *self,
                                           AdwEntryRow        *row);
void        att_certificate_form_set_date (AttCertificateForm *self,
                                           const char         *path,
                                           GDateTime          *date);
void        att_certificate_form_set_products (AttCertificateForm *self,
                                               GListModel         *products);
void        att_certificate_form_choose_products (AttCertificateForm *self);
void        att_certificate_form_show_problems (AttCertificateForm *self,
                                                GPtrArray          *problems);
void        att_certificate_form_focus_path (AttCertificateForm *self,
                                             const char         *path);
void        att_certificate_form_changed (AttCertificateForm *self);
void        att_certificate_form_field_free (AttFormField *field);

/* att-certificate-form-files.c */
void        att_certificate_form_files_init (AttCertificateForm *self);
void        att_certificate_form_files_load (AttCertificateForm *self);

/* att-certificate-form-checks.c */
GPtrArray  *att_certificate_form_check (AttCertificateForm *self);
char       *att_certificate_form_describe_file (AttCertificateForm *self,
                                                guint               index);

/* att-certificate-form-save.c */
void        att_certificate_form_save (AttCertificateForm *self);
void        att_certificate_form_cancel_upload (AttCertificateForm *self);

G_END_DECLS
