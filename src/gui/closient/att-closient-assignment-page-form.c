/* att-closient-assignment-page-form.c: the form, the patch it makes, and
 * the problems it shows, each under its field and, once Save was pressed,
 * all of them in the banner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "att-closient-assignment-page-private.h"
#include "att-field-message.h"
#include "att-format.h"
#include "att-json.h"

/* The form's fields by their names in Closient's JSON, which are also the
 * paths of the problems Closient and the patch report. */
#define FIELD_COUNTRIES "certificate_countries"
#define FIELD_METADATA  "metadata"
#define FIELD_STATUS    "verification_status"

/* Keystrokes closer than this are checked once. */
#define CHECK_DELAY_MS 30

/* How many problems the banner lists before "and N more". */
#define MAX_LISTED_PROBLEMS 5

/* The verification statuses the form offers, in the order shown. */
static const AttClosientVerification statuses[] = {
  ATT_CLOSIENT_UNVERIFIED,
  ATT_CLOSIENT_VERIFIED,
  ATT_CLOSIENT_VERIFICATION_EXPIRED,
};

static void
field_free (AttAssignmentField *field)
{
  g_free (field);
}

static void
add_field (AttClosientAssignmentPage *self,
           const char                *name,
           gpointer                   row)
{
  AttAssignmentField *field = g_new0 (AttAssignmentField, 1);

  field->name = name;
  field->row = GTK_WIDGET (row);
  if (GTK_IS_LIST_BOX_ROW (row))
    field->message = att_field_message_add (field->row);
  g_ptr_array_add (self->fields, field);
}

/* The field @path is about: its name, or its name followed by `.` or `[`
 * (`metadata.batch`, `certificate_countries[2]`). */
static AttAssignmentField *
find_field (AttClosientAssignmentPage *self,
            const char                *path)
{
  for (guint i = 0; path != NULL && i < self->fields->len; i++)
    {
      AttAssignmentField *field = g_ptr_array_index (self->fields, i);
      gsize               length = strlen (field->name);

      if (strncmp (path, field->name, length) == 0 &&
          (path[length] == '\0' || path[length] == '.' || path[length] == '['))
        return field;
    }
  return NULL;
}

static const char *
entry_field (AttClosientAssignmentPage *self,
             AdwEntryRow               *row)
{
  if (row == self->number_row)
    return "certificate_number";
  if (row == self->issuing_body_row)
    return "issuing_body";
  if (row == self->verification_url_row)
    return "verification_url";
  if (row == self->scope_row)
    return "scope";
  return "certification_value";
}

static const char *
date_field (AttClosientAssignmentPage *self,
            AttDateRow                *row)
{
  if (row == self->valid_from_row)
    return "valid_from";
  if (row == self->expiration_row)
    return "expiration_date";
  if (row == self->audit_row)
    return "audit_date";
  return "initial_certification_date";
}

#define N_ENTRIES 5
#define N_DATES   4

static void
entry_rows (AttClosientAssignmentPage *self,
            AdwEntryRow               *rows[N_ENTRIES])
{
  rows[0] = self->number_row;
  rows[1] = self->issuing_body_row;
  rows[2] = self->verification_url_row;
  rows[3] = self->scope_row;
  rows[4] = self->value_row;
}

static void
date_rows (AttClosientAssignmentPage *self,
           AttDateRow                *rows[N_DATES])
{
  rows[0] = self->valid_from_row;
  rows[1] = self->expiration_row;
  rows[2] = self->audit_row;
  rows[3] = self->initial_row;
}

/* --- The patch --------------------------------------------------------------- */

static void
set_status (AttClosientAssignmentPage *self,
            AttClosientPatch          *patch)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  /* A status this version does not know stays as the server has it. */
  if (selected < G_N_ELEMENTS (statuses))
    att_closient_patch_set_verification_status (patch, statuses[selected]);
}

static void
set_metadata (AttClosientAssignmentPage *self,
              AttClosientPatch          *patch)
{
  g_autoptr(GHashTable) after = att_closient_metadata_rows_get_metadata (self->metadata_rows);

  /* "Clear everything" is sent only when Clear All was chosen and nothing
   * added since; otherwise the merge says which keys go. */
  if (att_closient_metadata_rows_get_cleared (self->metadata_rows) && g_hash_table_size (after) == 0)
    att_closient_patch_clear_metadata (patch);
  else
    att_closient_patch_set_metadata (patch, after);
}

/**
 * att_closient_assignment_page_form_get_patch:
 *
 * Returns: (transfer full): what the form changes in the page's
 *   assignment
 */
AttClosientPatch *
att_closient_assignment_page_form_get_patch (AttClosientAssignmentPage *self)
{
  g_autoptr(AttClosientPatch) patch = att_closient_patch_new (self->assignment);
  g_auto(GStrv) codes = att_country_chooser_get_codes (self->country_chooser);
  AdwEntryRow *entries[N_ENTRIES];
  AttDateRow  *dates[N_DATES];

  entry_rows (self, entries);
  for (guint i = 0; i < N_ENTRIES; i++)
    att_closient_patch_set_string (patch, entry_field (self, entries[i]),
                                   gtk_editable_get_text (GTK_EDITABLE (entries[i])));
  date_rows (self, dates);
  for (guint i = 0; i < N_DATES; i++)
    att_closient_patch_set_date (patch, date_field (self, dates[i]), att_date_row_get_date (dates[i]));
  set_status (self, patch);
  att_closient_patch_set_countries (patch, (const char *const *) codes);
  set_metadata (self, patch);
  return g_steal_pointer (&patch);
}

/* --- Loading ----------------------------------------------------------------- */

static void
load_status (AttClosientAssignmentPage *self,
             AttClosientVerification    status)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = G_N_ELEMENTS (statuses);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      gtk_string_list_append (labels, att_closient_verification_get_label (statuses[i]));
      if (statuses[i] == status)
        selected = i;
    }
  if (selected == G_N_ELEMENTS (statuses))
    gtk_string_list_append (labels, att_closient_verification_get_label (status));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->status_row, selected);
}

static void
load_expiry (AttClosientAssignmentPage *self)
{
  const char *expiry = att_closient_assignment_get_expiry_date (self->assignment);
  g_autoptr(GDateTime) day = expiry != NULL ? att_json_date_time_from_string (expiry) : NULL;
  g_autofree char *text = day != NULL ? att_format_date (day) : g_strdup (expiry);

  gtk_label_set_label (self->expiry_label, text != NULL ? text : "—");
}

/**
 * att_closient_assignment_page_form_load:
 * @patch: (nullable): an edit to show, as a restored draft's; %NULL for
 *   the assignment as it is
 */
void
att_closient_assignment_page_form_load (AttClosientAssignmentPage *self,
                                        AttClosientPatch          *patch)
{
  g_autoptr(AttClosientPatch) shown = patch != NULL ? g_object_ref (patch) : att_closient_patch_new (self->assignment);
  AdwEntryRow *entries[N_ENTRIES];
  AttDateRow  *dates[N_DATES];

  self->updating++;
  entry_rows (self, entries);
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      const char *text = att_closient_patch_get_string (shown, entry_field (self, entries[i]));

      gtk_editable_set_text (GTK_EDITABLE (entries[i]), text != NULL ? text : "");
    }
  date_rows (self, dates);
  for (guint i = 0; i < N_DATES; i++)
    att_date_row_set_date (dates[i], att_closient_patch_get_date (shown, date_field (self, dates[i])));
  load_status (self, att_closient_patch_get_verification_status (shown));
  att_country_chooser_set_codes (self->country_chooser, att_closient_patch_get_countries (shown));
  att_closient_metadata_rows_set_metadata (self->metadata_rows, att_closient_patch_get_metadata (shown));
  if (att_closient_patch_get_metadata_cleared (shown))
    att_closient_metadata_rows_clear (self->metadata_rows);
  load_expiry (self);
  self->updating--;
  g_clear_pointer (&self->server_errors, g_ptr_array_unref);
  self->checked = FALSE;
  att_closient_assignment_page_form_queue_check (self);
}

/* --- Problems ------------------------------------------------------------- */

/**
 * att_closient_assignment_page_form_check:
 *
 * Returns: (transfer full) (element-type AttFieldError): every problem
 *   of the form: its own (metadata rows half filled in), those the patch
 *   finds (Closient's limits and rules), and the last answer's, until
 *   the next edit
 */
GPtrArray *
att_closient_assignment_page_form_check (AttClosientAssignmentPage *self,
                                         AttClosientPatch          *patch)
{
  GPtrArray *problems = att_field_error_array_new ();

  att_closient_metadata_rows_check (self->metadata_rows, problems);
  att_closient_patch_check (patch, problems);
  for (guint i = 0; self->server_errors != NULL && i < self->server_errors->len; i++)
    g_ptr_array_add (problems, att_field_error_copy (g_ptr_array_index (self->server_errors, i)));
  return problems;
}

static const char *
first_problem (AttClosientAssignmentPage *self,
               GPtrArray                 *problems,
               AttAssignmentField        *field)
{
  for (guint i = 0; i < problems->len; i++)
    {
      AttFieldError *problem = g_ptr_array_index (problems, i);

      if (find_field (self, problem->path) == field)
        return problem->message;
    }
  return NULL;
}

static char *
field_title (AttClosientAssignmentPage *self,
             const char                *path)
{
  AttAssignmentField *field = find_field (self, path);
  g_autoptr(GString) title = NULL;

  if (field == NULL)
    return NULL;
  if (g_str_equal (field->name, FIELD_METADATA))
    return g_strdup (_ ("Metadata"));
  if (g_str_equal (field->name, FIELD_COUNTRIES))
    return g_strdup (_ ("Countries"));
  title = g_string_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field->row)));
  g_string_replace (title, "_", "", 0);
  return g_string_free (g_steal_pointer (&title), FALSE);
}

static void
on_problem_clicked (GtkButton                 *button,
                    AttClosientAssignmentPage *self)
{
  att_closient_assignment_page_form_focus (self, g_object_get_data (G_OBJECT (button), "att-path"));
}

static GtkWidget *
problem_button_new (AttClosientAssignmentPage *self,
                    const AttFieldError       *problem)
{
  g_autofree char *where = field_title (self, problem->path);
  /* Translators: a field's name and its problem, in the list of problems */
  g_autofree char *text = where != NULL ? g_strdup_printf (_ ("%s: %s"), where, problem->message)
                                        : g_strdup (problem->message);
  GtkWidget       *button = gtk_button_new ();
  GtkWidget       *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "problem-link");
  gtk_widget_set_tooltip_text (button, _ ("Go to the field"));
  g_object_set_data_full (G_OBJECT (button), "att-path", g_strdup (problem->path), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_problem_clicked), self, 0);
  return button;
}

static void
show_banner (AttClosientAssignmentPage *self,
             GPtrArray                 *problems)
{
  GtkWidget       *child;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_box))) != NULL)
    gtk_box_remove (self->problems_box, child);
  gtk_revealer_set_reveal_child (self->problems_revealer, problems->len > 0);
  if (problems->len == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Cannot save: %u problem to fix",
                                        "Cannot save: %u problems to fix", problems->len),
                           problems->len);
  gtk_label_set_label (self->problems_title, title);
  for (guint i = 0; i < problems->len && i < MAX_LISTED_PROBLEMS; i++)
    gtk_box_append (self->problems_box, problem_button_new (self, g_ptr_array_index (problems, i)));
  if (problems->len > MAX_LISTED_PROBLEMS)
    {
      g_autofree char *more = g_strdup_printf (_ ("and %u more, marked in the form"),
                                               problems->len - MAX_LISTED_PROBLEMS);
      GtkWidget       *label = gtk_label_new (more);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_box_append (self->problems_box, label);
    }
}

/**
 * att_closient_assignment_page_form_show_problems:
 * @problems: (element-type AttFieldError): every problem, or none
 * @banner: whether the banner lists them too (once Save was pressed)
 *
 * Shows the first problem of each field under it, as the user types.
 */
void
att_closient_assignment_page_form_show_problems (AttClosientAssignmentPage *self,
                                                 GPtrArray                 *problems,
                                                 gboolean                   banner)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      AttAssignmentField *field = g_ptr_array_index (self->fields, i);
      const char         *problem = first_problem (self, problems, field);

      if (field->message != NULL)
        att_field_message_show (field->row, field->message, problem, NULL);
      else if (field->row == GTK_WIDGET (self->country_chooser))
        att_country_chooser_set_message (self->country_chooser, problem);
    }
  att_closient_metadata_rows_show_problems (self->metadata_rows, problems);
  if (banner)
    show_banner (self, problems);
  else
    gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
}

void
att_closient_assignment_page_form_focus (AttClosientAssignmentPage *self,
                                         const char                *path)
{
  AttAssignmentField *field = find_field (self, path);

  if (field == NULL)
    return;
  if (field->row == GTK_WIDGET (self->metadata_rows))
    att_closient_metadata_rows_focus (self->metadata_rows, path);
  else if (field->row == GTK_WIDGET (self->country_chooser))
    att_country_chooser_focus (self->country_chooser);
  else if (!gtk_widget_grab_focus (field->row))
    gtk_widget_child_focus (field->row, GTK_DIR_TAB_FORWARD);
}

/**
 * att_closient_assignment_page_form_get_modified:
 *
 * Returns: whether the form holds anything the assignment does not: a
 *   change, or a row half filled in
 */
gboolean
att_closient_assignment_page_form_get_modified (AttClosientAssignmentPage *self)
{
  g_autoptr(AttClosientPatch) patch = NULL;
  g_autoptr(GPtrArray) own = att_field_error_array_new ();

  if (!self->editing)
    return FALSE;
  patch = att_closient_assignment_page_form_get_patch (self);
  att_closient_metadata_rows_check (self->metadata_rows, own);
  return !att_closient_patch_is_empty (patch) || own->len > 0;
}

/* --- Changes ------------------------------------------------------------------ */

static gboolean
check_cb (gpointer user_data)
{
  AttClosientAssignmentPage *self = user_data;
  g_autoptr(AttClosientPatch) patch = att_closient_assignment_page_form_get_patch (self);
  g_autoptr(GPtrArray) problems = att_closient_assignment_page_form_check (self, patch);

  self->check_idle = 0;
  att_closient_assignment_page_form_show_problems (self, problems, self->checked);
  return G_SOURCE_REMOVE;
}

void
att_closient_assignment_page_form_queue_check (AttClosientAssignmentPage *self)
{
  if (self->check_idle == 0)
    self->check_idle = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
}

/* Every edit: the server's word was about what was sent; the checks and
 * the draft follow the form. */
static void
on_changed (AttClosientAssignmentPage *self)
{
  if (self->updating > 0)
    return;
  g_clear_pointer (&self->server_errors, g_ptr_array_unref);
  att_closient_assignment_page_form_queue_check (self);
  att_closient_assignment_page_drafts_changed (self);
}

static void
connect_changes (AttClosientAssignmentPage *self)
{
  AdwEntryRow *entries[N_ENTRIES];
  AttDateRow  *dates[N_DATES];

  entry_rows (self, entries);
  for (guint i = 0; i < N_ENTRIES; i++)
    g_signal_connect_object (entries[i], "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  date_rows (self, dates);
  for (guint i = 0; i < N_DATES; i++)
    g_signal_connect_object (dates[i], "notify::date", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (on_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_chooser, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->metadata_rows, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}

void
att_closient_assignment_page_form_init (AttClosientAssignmentPage *self)
{
  AdwEntryRow *entries[N_ENTRIES];
  AttDateRow  *dates[N_DATES];

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  entry_rows (self, entries);
  for (guint i = 0; i < N_ENTRIES; i++)
    add_field (self, entry_field (self, entries[i]), entries[i]);
  add_field (self, FIELD_STATUS, self->status_row);
  date_rows (self, dates);
  for (guint i = 0; i < N_DATES; i++)
    add_field (self, date_field (self, dates[i]), dates[i]);
  add_field (self, FIELD_COUNTRIES, self->country_chooser);
  add_field (self, FIELD_METADATA, self->metadata_rows);
  adw_combo_row_set_expression (self->status_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  connect_changes (self);
}
