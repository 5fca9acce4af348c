/* att-closient-assignment-page-summary.c: every field of the assignment,
 * read only, as Closient last answered it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "att-closient-assignment-page-private.h"
#include "att-closient-logos.h"
#include "att-country.h"
#include "att-field-rows.h"
#include "att-format.h"
#include "att-iso-countries.h"
#include "att-json.h"

/* A day in words ("3 March 2027"), or a dash for none. */
static char *
format_day (const char *date)
{
  g_autoptr(GDateTime) day = date != NULL ? att_json_date_time_from_string (date) : NULL;

  if (date == NULL)
    return NULL;
  return day != NULL ? att_format_date (day) : g_strdup (date);
}

static GtkWidget *
add_text (AttClosientAssignmentPage *self,
          AdwPreferencesGroup       *group,
          const char                *title,
          const char                *value)
{
  return att_field_rows_add_text (group, self->summary_rows, title, value);
}

static void
add_day (AttClosientAssignmentPage *self,
         AdwPreferencesGroup       *group,
         const char                *title,
         const char                *date)
{
  g_autofree char *text = format_day (date);

  add_text (self, group, title, text);
}

static void
load_certificate (AttClosientAssignmentPage *self)
{
  AttClosientAssignment *assignment = self->assignment;
  AdwPreferencesGroup   *group = self->summary_certificate_group;

  add_text (self, group, _ ("Certificate Number"), att_closient_assignment_get_certificate_number (assignment));
  add_text (self, group, _ ("Issuing Body"), att_closient_assignment_get_issuing_body (assignment));
  add_text (self, group, _ ("Verification Page"), att_closient_assignment_get_verification_url (assignment));
  add_text (self, group, _ ("Verification Status"),
            att_closient_verification_get_label (att_closient_assignment_get_verification_status (assignment)));
  add_text (self, group, _ ("Scope"), att_closient_assignment_get_scope (assignment));
  add_text (self, group, _ ("Certification Value"), att_closient_assignment_get_certification_value (assignment));
}

static void
load_validity (AttClosientAssignmentPage *self)
{
  AttClosientAssignment *assignment = self->assignment;
  AdwPreferencesGroup   *group = self->summary_validity_group;
  g_autofree char       *expiry_text = NULL;
  GtkWidget             *expiry;
  GtkWidget             *active;

  add_day (self, group, _ ("Valid From"), att_closient_assignment_get_valid_from (assignment));
  add_day (self, group, _ ("Valid Until"), att_closient_assignment_get_expiration_date (assignment));
  expiry_text = format_day (att_closient_assignment_get_expiry_date (assignment));
  expiry = add_text (self, group, _ ("Expiry on the Certificate"), expiry_text);
  gtk_widget_set_tooltip_text (expiry, gtk_widget_get_tooltip_text (GTK_WIDGET (self->expiry_row)));
  active = add_text (self, group, _ ("Active Now"),
                     att_closient_assignment_get_is_active (assignment) ? C_ ("active", "Yes") : C_ ("active", "No"));
  gtk_widget_set_tooltip_text (active, _ ("As Closient says today: active when today is within the validity dates."));
  add_day (self, group, _ ("Audited On"), att_closient_assignment_get_audit_date (assignment));
  add_day (self, group, _ ("First Certified On"), att_closient_assignment_get_initial_certification_date (assignment));
}

static void
load_countries (AttClosientAssignmentPage *self)
{
  const char *const *codes = att_closient_assignment_get_certificate_countries (self->assignment);

  if (codes[0] == NULL)
    add_text (self, self->summary_countries_group, _ ("None recorded"), NULL);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      AttCountry *country = self->countries != NULL ? att_iso_countries_find (self->countries, codes[i]) : NULL;

      add_text (self, self->summary_countries_group, country != NULL ? att_country_get_name (country) : codes[i],
                codes[i]);
    }
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static void
load_metadata (AttClosientAssignmentPage *self)
{
  GHashTable          *metadata = att_closient_assignment_get_metadata (self->assignment);
  g_autofree gpointer *keys = NULL;
  guint                n_keys = 0;

  keys = g_hash_table_get_keys_as_array (metadata, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_keys);
  if (n_keys == 0)
    add_text (self, self->summary_metadata_group, _ ("No metadata"), NULL);
  for (guint i = 0; i < n_keys; i++)
    add_text (self, self->summary_metadata_group, keys[i], g_hash_table_lookup (metadata, keys[i]));
}

static void
show_label (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
load_header (AttClosientAssignmentPage *self)
{
  AttClosientAssignment *assignment = self->assignment;
  const char            *url = att_closient_assignment_get_url (assignment);
  /* Translators: what a screen reader says of a certification's logo, "GOTS logo" */
  g_autofree char       *logo_name = g_strdup_printf (_ ("%s logo"), att_closient_assignment_get_label (assignment));

  att_closient_logo_show (self->logo_image, att_closient_logos_get_for_context (self->context),
                          att_closient_assignment_get_logo_url (assignment), "security-high-symbolic", logo_name);
  show_label (self->label_label, att_closient_assignment_get_label (assignment));
  show_label (self->code_label, att_closient_assignment_get_code (assignment));
  show_label (self->description_label, att_closient_assignment_get_description (assignment));
  if (url != NULL && *url != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (url, -1);
      g_autofree char *markup = g_strdup_printf ("<a href=\"%s\">%s</a>", escaped, escaped);

      gtk_label_set_markup (self->url_label, markup);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->url_label), url != NULL && *url != '\0');
}

static void
clear_rows (AttClosientAssignmentPage *self)
{
  for (guint i = 0; i < self->summary_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->summary_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->summary_rows, 0);
}

/**
 * att_closient_assignment_page_summary_load:
 *
 * Shows the page's assignment, every field; again when it changes, or
 * when the countries' names have been read.
 */
void
att_closient_assignment_page_summary_load (AttClosientAssignmentPage *self)
{
  if (self->summary_rows == NULL || self->assignment == NULL)
    return;
  clear_rows (self);
  load_header (self);
  load_certificate (self);
  load_validity (self);
  load_countries (self);
  load_metadata (self);
}

void
att_closient_assignment_page_summary_dispose (AttClosientAssignmentPage *self)
{
  if (self->summary_rows != NULL)
    g_ptr_array_set_size (self->summary_rows, 0);
}
