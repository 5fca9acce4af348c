/* att-closient-assignment-page.c: one certification of a product on
 * Closient: the widget, its two modes (reading, editing), its actions and
 * keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-closient-assignment-page-private.h"
#include "att-context.h"
#include "att-iso-countries.h"

/**
 * AttClosientAssignmentPage:
 *
 * What Closient says about one certification of one product (GTIN), every
 * field, and an Edit mode whose Save sends a PATCH of only what changed.
 * The page keeps the assignment as the server last answered it: a save
 * replaces it with the server's answer and emits "saved"; Remove asks,
 * sends the DELETE and emits "removed".  The page is meant to be pushed
 * on a leaflet: its Back button goes back on the nearest one.
 */

G_DEFINE_FINAL_TYPE (AttClosientAssignmentPage, att_closient_assignment_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_GTIN,
  PROP_ASSIGNMENT,
  PROP_EDITING,
  PROP_BUSY,
  N_PROPS
};

enum {
  SIGNAL_SAVED,
  SIGNAL_REMOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* --- State ----------------------------------------------------------------- */

static void
update_actions (AttClosientAssignmentPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "assignment.edit", !self->editing && !self->busy);
  gtk_widget_action_set_enabled (widget, "assignment.save", self->editing && !self->busy);
  gtk_widget_action_set_enabled (widget, "assignment.cancel", self->editing && !self->busy);
  gtk_widget_action_set_enabled (widget, "assignment.remove", !self->editing && !self->busy);
  gtk_widget_action_set_enabled (widget, "assignment.retry", !self->busy);
  gtk_widget_action_set_enabled (widget, "assignment.restore-draft", !self->busy);
}

static void
update_title (AttClosientAssignmentPage *self)
{
  g_autofree char *subtitle = NULL;

  adw_window_title_set_title (self->window_title, att_closient_assignment_get_label (self->assignment));
  if (self->product_name != NULL)
    /* Translators: the page's subtitle: a product's name and its GTIN */
    subtitle = g_strdup_printf (_ ("%s · GTIN %s"), self->product_name, self->gtin14);
  else
    /* Translators: the page's subtitle */
    subtitle = g_strdup_printf (_ ("GTIN %s"), self->gtin14);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

void
att_closient_assignment_page_set_editing (AttClosientAssignmentPage *self,
                                          gboolean                   editing)
{
  if (self->editing == editing)
    return;
  self->editing = editing;
  gtk_stack_set_visible_child_name (self->stack, editing ? "form" : "summary");
  gtk_widget_set_visible (self->back_button, !editing);
  gtk_widget_set_visible (self->cancel_button, editing);
  gtk_widget_set_visible (self->edit_button, !editing);
  gtk_widget_set_visible (self->remove_button, !editing);
  gtk_widget_set_visible (self->save_button, editing);
  if (!editing)
    {
      self->checked = FALSE;
      g_clear_pointer (&self->server_errors, g_ptr_array_unref);
      gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
    }
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

static gboolean
focus_is_in (AttClosientAssignmentPage *self,
             GtkWidget                 *ancestor)
{
  GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

void
att_closient_assignment_page_set_busy (AttClosientAssignmentPage *self,
                                       gboolean                   busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  /* The form stays as it is while Closient answers: what is sent is
   * what is shown.  The focus leaves it first: a text entry made
   * insensitive while focused never hears that it lost the focus. */
  if (busy && focus_is_in (self, GTK_WIDGET (self->stack)))
    gtk_root_set_focus (gtk_widget_get_root (GTK_WIDGET (self)), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !busy);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * att_closient_assignment_page_show_error:
 * @can_retry: whether Retry is offered (the edits are kept either way)
 * @offer_accounts: whether a button opens the accounts in Preferences
 */
void
att_closient_assignment_page_show_error (AttClosientAssignmentPage *self,
                                         const char                *message,
                                         gboolean                   can_retry,
                                         gboolean                   offer_accounts)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (self->retry_button, can_retry);
  gtk_widget_set_visible (self->accounts_button, offer_accounts);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

void
att_closient_assignment_page_hide_error (AttClosientAssignmentPage *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

/* The server's answer becomes the page's assignment. */
void
att_closient_assignment_page_set_assignment (AttClosientAssignmentPage *self,
                                             AttClosientAssignment     *assignment)
{
  if (!g_set_object (&self->assignment, assignment))
    return;
  update_title (self);
  att_closient_assignment_page_summary_load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNMENT]);
}

/**
 * att_closient_assignment_page_describe:
 *
 * Returns: (transfer full): the certification and the product, for
 *   sentences: "“GOTS” from “Organic Tee” (00012345678905)", or with the
 *   GTIN alone when the product's name is not known
 */
char *
att_closient_assignment_page_describe (AttClosientAssignmentPage *self)
{
  const char *label = att_closient_assignment_get_label (self->assignment);

  if (self->product_name != NULL)
    /* Translators: a certification and the product it is on, "“GOTS” from “Organic Tee” (00012345678905)" */
    return g_strdup_printf (_ ("“%s” from “%s” (%s)"), label, self->product_name, self->gtin14);
  /* Translators: a certification and the GTIN of the product it is on */
  return g_strdup_printf (_ ("“%s” from %s"), label, self->gtin14);
}

/* --- Actions --------------------------------------------------------------- */

/* Back is the Closient view's (`closient.back`) when the page is in it;
 * elsewhere, a step back on the nearest leaflet. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkWidget *leaflet;

  if (gtk_widget_activate_action (widget, "closient.back", NULL))
    return;
  leaflet = gtk_widget_get_ancestor (widget, ADW_TYPE_LEAFLET);
  if (leaflet != NULL)
    adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

/**
 * att_closient_assignment_page_edit:
 *
 * Opens the form on the assignment as it is.
 */
void
att_closient_assignment_page_edit (AttClosientAssignmentPage *self)
{
  g_return_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT_PAGE (self));

  if (self->editing || self->busy)
    return;
  att_closient_assignment_page_hide_error (self);
  /* Editing afresh is choosing not to restore the draft offered: the new
   * edits replace it on disk. */
  g_clear_object (&self->offered_draft);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  att_closient_assignment_page_form_load (self, NULL);
  att_closient_assignment_page_set_editing (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  att_closient_assignment_page_edit (ATT_CLOSIENT_ASSIGNMENT_PAGE (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  att_closient_assignment_page_save (ATT_CLOSIENT_ASSIGNMENT_PAGE (widget));
}

static void
stop_editing (AttClosientAssignmentPage *self)
{
  att_closient_assignment_page_drafts_discard (self);
  att_closient_assignment_page_hide_error (self);
  att_closient_assignment_page_set_editing (self, FALSE);
  gtk_widget_grab_focus (self->edit_button);
}

static void
on_cancel_response (AdwMessageDialog          *dialog,
                    const char                *response,
                    AttClosientAssignmentPage *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    stop_editing (self);
}

/* Escape and Cancel: edits are not thrown away without asking; the draft
 * goes with them, as an explicit Discard. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttClosientAssignmentPage *self = ATT_CLOSIENT_ASSIGNMENT_PAGE (widget);
  g_autofree char           *body = NULL;
  GtkWidget                 *dialog;

  if (!self->editing)
    return;
  if (!att_closient_assignment_page_form_get_modified (self))
    {
      stop_editing (self);
      return;
    }
  body = g_strdup_printf (_ ("The changes to “%s” are not saved. Discarding them deletes their draft too."),
                          att_closient_assignment_get_label (self->assignment));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _ ("Discard the Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _ ("_Keep Editing"), "discard",
                                    _ ("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  att_accessible_fix_mnemonics (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  att_closient_assignment_page_remove (ATT_CLOSIENT_ASSIGNMENT_PAGE (widget));
}

/* Retry repeats what failed: a save when editing, else the removal,
 * already confirmed. */
static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AttClosientAssignmentPage *self = ATT_CLOSIENT_ASSIGNMENT_PAGE (widget);

  if (self->editing)
    att_closient_assignment_page_save (self);
  else
    att_closient_assignment_page_remove_confirmed (self);
}

static void
restore_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  att_closient_assignment_page_drafts_restore (ATT_CLOSIENT_ASSIGNMENT_PAGE (widget));
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  att_closient_assignment_page_drafts_discard_offered (ATT_CLOSIENT_ASSIGNMENT_PAGE (widget));
}

/* --- Countries ------------------------------------------------------------- */

static void
countries_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AttClosientAssignmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) countries = att_iso_countries_load_finish (result, &error);

  if (countries == NULL)
    {
      /* The codes are still shown, and can still be chosen from the
       * assignment's own; only the names are missing. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the list of countries: %s", error->message);
      return;
    }
  g_set_object (&self->countries, countries);
  att_country_chooser_set_countries (self->country_chooser, countries);
  att_closient_assignment_page_summary_load (self);
}

/* --- GObject --------------------------------------------------------------- */

static void
att_closient_assignment_page_constructed (GObject *object)
{
  AttClosientAssignmentPage *self = ATT_CLOSIENT_ASSIGNMENT_PAGE (object);

  G_OBJECT_CLASS (att_closient_assignment_page_parent_class)->constructed (object);

  update_title (self);
  att_closient_assignment_page_form_init (self);
  att_closient_assignment_page_summary_load (self);
  att_iso_countries_load_async (NULL, self->cancellable, countries_cb, g_object_ref (self));
  att_closient_assignment_page_drafts_init (self);
  update_actions (self);
}

static void
att_closient_assignment_page_dispose (GObject *object)
{
  AttClosientAssignmentPage *self = ATT_CLOSIENT_ASSIGNMENT_PAGE (object);
  GtkWidget                 *child;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->save_cancellable);
  g_clear_handle_id (&self->check_idle, g_source_remove);
  att_closient_assignment_page_drafts_dispose (self);
  att_closient_assignment_page_summary_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_CLOSIENT_ASSIGNMENT_PAGE);
  /* The template's root has no id, so unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (att_closient_assignment_page_parent_class)->dispose (object);
}

static void
att_closient_assignment_page_finalize (GObject *object)
{
  AttClosientAssignmentPage *self = ATT_CLOSIENT_ASSIGNMENT_PAGE (object);

  g_clear_object (&self->context);
  g_clear_object (&self->assignment);
  g_clear_object (&self->countries);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->save_cancellable);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->server_errors, g_ptr_array_unref);
  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  g_free (self->gtin14);
  g_free (self->product_name);

  G_OBJECT_CLASS (att_closient_assignment_page_parent_class)->finalize (object);
}

static void
att_closient_assignment_page_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  AttClosientAssignmentPage *self = ATT_CLOSIENT_ASSIGNMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_GTIN:
      g_value_set_string (value, self->gtin14);
      break;

    case PROP_ASSIGNMENT:
      g_value_set_object (value, self->assignment);
      break;

    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_closient_assignment_page_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  AttClosientAssignmentPage *self = ATT_CLOSIENT_ASSIGNMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_GTIN:
      self->gtin14 = g_value_dup_string (value);
      break;

    case PROP_ASSIGNMENT:
      self->assignment = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GTIN] =
    g_param_spec_string ("gtin", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * AttClosientAssignmentPage:assignment:
   *
   * The assignment as Closient last answered it.
   */
  properties[PROP_ASSIGNMENT] =
    g_param_spec_object ("assignment", NULL, NULL, ATT_TYPE_CLOSIENT_ASSIGNMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AttClosientAssignmentPage:busy:
   *
   * Whether a PATCH or a DELETE is waiting for Closient's answer.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
install_signals (GObjectClass *object_class)
{
  /**
   * AttClosientAssignmentPage::saved:
   * @updated: the assignment as Closient answered the PATCH
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST, 0, NULL,
                                        NULL, NULL, G_TYPE_NONE, 1, ATT_TYPE_CLOSIENT_ASSIGNMENT);
  /**
   * AttClosientAssignmentPage::removed:
   *
   * The assignment is no longer on the product in Closient.
   */
  signals[SIGNAL_REMOVED] = g_signal_new ("removed", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-closient-assignment-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AttClosientAssignmentPage, name)
  BIND (window_title);
  BIND (back_button);
  BIND (cancel_button);
  BIND (edit_button);
  BIND (save_button);
  BIND (remove_button);
  BIND (busy_spinner);
  BIND (draft_revealer);
  BIND (draft_label);
  BIND (error_revealer);
  BIND (error_label);
  BIND (accounts_button);
  BIND (retry_button);
  BIND (problems_revealer);
  BIND (problems_title);
  BIND (problems_box);
  BIND (stack);
  BIND (logo_image);
  BIND (label_label);
  BIND (code_label);
  BIND (description_label);
  BIND (url_label);
  BIND (summary_certificate_group);
  BIND (summary_validity_group);
  BIND (summary_countries_group);
  BIND (summary_metadata_group);
  BIND (form_scroller);
  BIND (number_row);
  BIND (issuing_body_row);
  BIND (verification_url_row);
  BIND (status_row);
  BIND (scope_row);
  BIND (value_row);
  BIND (valid_from_row);
  BIND (expiration_row);
  BIND (expiry_row);
  BIND (expiry_label);
  BIND (audit_row);
  BIND (initial_row);
  BIND (country_chooser);
  BIND (metadata_rows);
#undef BIND
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "assignment.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assignment.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "assignment.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "assignment.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "assignment.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "assignment.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "assignment.restore-draft", NULL, restore_draft_action);
  gtk_widget_class_install_action (widget_class, "assignment.discard-draft", NULL, discard_draft_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "assignment.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "assignment.cancel", NULL);
}

static void
att_closient_assignment_page_class_init (AttClosientAssignmentPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = att_closient_assignment_page_constructed;
  object_class->dispose = att_closient_assignment_page_dispose;
  object_class->finalize = att_closient_assignment_page_finalize;
  object_class->get_property = att_closient_assignment_page_get_property;
  object_class->set_property = att_closient_assignment_page_set_property;
  install_properties (object_class);
  install_signals (object_class);

  g_type_ensure (ATT_TYPE_DATE_ROW);
  g_type_ensure (ATT_TYPE_COUNTRY_CHOOSER);
  g_type_ensure (ATT_TYPE_CLOSIENT_METADATA_ROWS);
  bind_template (widget_class);
  install_actions (widget_class);
  gtk_widget_class_set_css_name (widget_class, "closientassignmentpage");
}

static void
att_closient_assignment_page_init (AttClosientAssignmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->summary_rows = g_ptr_array_new ();
}

/**
 * att_closient_assignment_page_new:
 * @context: the services; its Closient client is the one used
 * @gtin14: the product's GTIN, 14 digits
 * @assignment: the certification on it, as Closient answered it
 *
 * Returns: (transfer floating): the page, showing @assignment
 */
GtkWidget *
att_closient_assignment_page_new (AttContext            *context,
                                  const char            *gtin14,
                                  AttClosientAssignment *assignment)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (gtin14 != NULL, NULL);
  g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT (assignment), NULL);

  return g_object_new (ATT_TYPE_CLOSIENT_ASSIGNMENT_PAGE, "context", context, "gtin", gtin14, "assignment",
                       assignment, NULL);
}

/**
 * att_closient_assignment_page_get_assignment:
 *
 * Returns: (transfer none): the assignment as Closient last answered it
 */
AttClosientAssignment *
att_closient_assignment_page_get_assignment (AttClosientAssignmentPage *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT_PAGE (self), NULL);

  return self->assignment;
}

const char *
att_closient_assignment_page_get_gtin (AttClosientAssignmentPage *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT_PAGE (self), NULL);

  return self->gtin14;
}

/**
 * att_closient_assignment_page_set_product_name:
 * @name: (nullable): the product's name, when the caller knows it, for
 *   the subtitle and the confirmation of Remove
 */
void
att_closient_assignment_page_set_product_name (AttClosientAssignmentPage *self,
                                               const char                *name)
{
  g_return_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT_PAGE (self));

  g_free (self->product_name);
  self->product_name = name != NULL && *name != '\0' ? g_strdup (name) : NULL;
  update_title (self);
}

gboolean
att_closient_assignment_page_get_editing (AttClosientAssignmentPage *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT_PAGE (self), FALSE);

  return self->editing;
}

gboolean
att_closient_assignment_page_get_busy (AttClosientAssignmentPage *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT_PAGE (self), FALSE);

  return self->busy;
}

/* Emitted from -save.c and -remove.c. */
void
att_closient_assignment_page_emit_saved (AttClosientAssignmentPage *self,
                                         AttClosientAssignment     *updated)
{
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, updated);
}

void
att_closient_assignment_page_emit_removed (AttClosientAssignmentPage *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVED], 0);
}
