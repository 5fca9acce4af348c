/* att-closient-assignment-page-private.h: what the parts of
 * AttClosientAssignmentPage share: att-closient-assignment-page.c (the
 * widget, its modes, actions and keys), -summary.c (every field, read
 * only), -form.c (the form, its problems and the patch it makes),
 * -save.c (the PATCH, its errors, Retry) and -remove.c (the DELETE), and
 * -drafts.c (unsaved edits on disk, offered back)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-closient-assignment-page.h"
#include "att-closient-metadata-rows.h"
#include "att-closient-patch.h"
#include "att-country-chooser.h"
#include "att-date-row.h"
#include "att-draft-writer.h"
#include "att-error.h"

G_BEGIN_DECLS

/* A field of the form: its name in Closient's JSON (and in the problems
 * Closient and the patch report), its row, and the message row under it. */
typedef struct
{
  const char *name;
  GtkWidget  *row;
  GtkWidget  *message_row;
  GtkLabel   *message;
} AttAssignmentField;

struct _AttClosientAssignmentPage
{
  GtkWidget                parent_instance;

  AttContext              *context;
  char                    *gtin14;
  char                    *product_name;
  AttClosientAssignment   *assignment;
  GListModel              *countries;        /* of AttCountry; NULL until read */
  GCancellable            *cancellable;      /* the countries, the logo, the draft */
  GCancellable            *save_cancellable; /* the PATCH or DELETE under way */
  AttDraftWriter          *draft_writer;
  AttDraft                *offered_draft;
  GPtrArray               *fields;        /* of AttAssignmentField */
  GPtrArray               *server_errors; /* the last answer's, until the next edit */
  GPtrArray               *summary_rows;
  gboolean                 editing;
  gboolean                 busy;    /* a PATCH or DELETE is under way */
  gboolean                 checked; /* Save was pressed: the banner follows the edits */
  guint                    updating;
  guint                    check_idle;
  guint                    draft_timeout;

  /* template widgets */
  AdwWindowTitle          *window_title;
  GtkWidget               *back_button;
  GtkWidget               *cancel_button;
  GtkWidget               *edit_button;
  GtkWidget               *save_button;
  GtkWidget               *remove_button;
  GtkSpinner              *busy_spinner;
  GtkRevealer             *draft_revealer;
  GtkLabel                *draft_label;
  GtkRevealer             *error_revealer;
  GtkLabel                *error_label;
  GtkWidget               *accounts_button;
  GtkWidget               *retry_button;
  GtkRevealer             *problems_revealer;
  GtkLabel                *problems_title;
  GtkBox                  *problems_box;
  GtkStack                *stack;
  GtkImage                *logo_image;
  GtkLabel                *label_label;
  GtkLabel                *code_label;
  GtkLabel                *description_label;
  GtkLabel                *url_label;
  AdwPreferencesGroup     *summary_certificate_group;
  AdwPreferencesGroup     *summary_validity_group;
  AdwPreferencesGroup     *summary_countries_group;
  AdwPreferencesGroup     *summary_metadata_group;
  GtkScrolledWindow       *form_scroller;
  AdwEntryRow             *number_row;
  AdwEntryRow             *issuing_body_row;
  AdwEntryRow             *verification_url_row;
  AdwComboRow             *status_row;
  AdwEntryRow             *scope_row;
  AdwEntryRow             *value_row;
  AttDateRow              *valid_from_row;
  AttDateRow              *expiration_row;
  AdwActionRow            *expiry_row;
  GtkLabel                *expiry_label;
  AttDateRow              *audit_row;
  AttDateRow              *initial_row;
  AttCountryChooser       *country_chooser;
  AttClosientMetadataRows *metadata_rows;
};

/* att-closient-assignment-page.c */
void              att_closient_assignment_page_set_editing (AttClosientAssignmentPage *self,
                                                            gboolean                   editing);
void              att_closient_assignment_page_set_busy (AttClosientAssignmentPage *self,
                                                         gboolean                   busy);
void              att_closient_assignment_page_show_error (AttClosientAssignmentPage *self,
                                                           const char                *message,
                                                           gboolean                   can_retry,
                                                           gboolean                   offer_accounts);
void              att_closient_assignment_page_hide_error (AttClosientAssignmentPage *self);
void              att_closient_assignment_page_set_assignment (AttClosientAssignmentPage *self,
                                                               AttClosientAssignment     *assignment);
char             *att_closient_assignment_page_describe (AttClosientAssignmentPage *self);
void              att_closient_assignment_page_emit_saved (AttClosientAssignmentPage *self,
                                                           AttClosientAssignment     *updated);
void              att_closient_assignment_page_emit_removed (AttClosientAssignmentPage *self);

/* att-closient-assignment-page-summary.c */
void              att_closient_assignment_page_summary_load (AttClosientAssignmentPage *self);
void              att_closient_assignment_page_summary_dispose (AttClosientAssignmentPage *self);

/* att-closient-assignment-page-form.c */
void              att_closient_assignment_page_form_init (AttClosientAssignmentPage *self);
void              att_closient_assignment_page_form_load (AttClosientAssignmentPage *self,
                                                          AttClosientPatch          *patch);
AttClosientPatch *att_closient_assignment_page_form_get_patch (AttClosientAssignmentPage *self);
GPtrArray        *att_closient_assignment_page_form_check (AttClosientAssignmentPage *self,
                                                           AttClosientPatch          *patch);
void              att_closient_assignment_page_form_show_problems (AttClosientAssignmentPage *self,
                                                                   GPtrArray                 *problems,
                                                                   gboolean                   banner);
void              att_closient_assignment_page_form_queue_check (AttClosientAssignmentPage *self);
void              att_closient_assignment_page_form_focus (AttClosientAssignmentPage *self,
                                                           const char                *path);
gboolean          att_closient_assignment_page_form_get_modified (AttClosientAssignmentPage *self);

/* att-closient-assignment-page-save.c */
void              att_closient_assignment_page_save (AttClosientAssignmentPage *self);
char             *att_closient_assignment_page_describe_error (AttClosientAssignmentPage *self,
                                                               const GError              *error,
                                                               gboolean                  *can_retry,
                                                               gboolean                  *offer_accounts);

/* att-closient-assignment-page-remove.c */
void              att_closient_assignment_page_remove (AttClosientAssignmentPage *self);
void              att_closient_assignment_page_remove_confirmed (AttClosientAssignmentPage *self);

/* att-closient-assignment-page-drafts.c */
void              att_closient_assignment_page_drafts_init (AttClosientAssignmentPage *self);
void              att_closient_assignment_page_drafts_dispose (AttClosientAssignmentPage *self);
void              att_closient_assignment_page_drafts_changed (AttClosientAssignmentPage *self);
void              att_closient_assignment_page_drafts_discard (AttClosientAssignmentPage *self);
void              att_closient_assignment_page_drafts_set_save_error (AttClosientAssignmentPage *self,
                                                                      const char                *message);
void              att_closient_assignment_page_drafts_restore (AttClosientAssignmentPage *self);
void              att_closient_assignment_page_drafts_discard_offered (AttClosientAssignmentPage *self);

G_END_DECLS
