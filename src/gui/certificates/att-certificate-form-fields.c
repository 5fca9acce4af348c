/* att-certificate-form-fields.c: the form's fields, the message under
 * each, the banner that lists every problem, and the certificate shown
 * when updating
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-certificate-form-private.h"
#include "att-date-row.h"
#include "att-pm-product-picker.h"

/* A problem is shown under its field (the field its path starts with:
 * `certificationFiles[1]` belongs to the files) and in the banner above
 * the form, each a link to its field: Save says why it cannot save.  Once
 * Save has been pressed the checks run again at every change, so that a
 * message goes away as soon as its problem is fixed. */

void
att_certificate_form_field_free (AttFormField *field)
{
  g_free (field);
}

char *
att_certificate_form_get_text (AttCertificateForm *self,
                               AdwEntryRow        *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* A row of its own under the field's row, in the same list, for its
 * message; screen readers read it as the field's description. */
static void
add_message_row (AttFormField *field)
{
  GtkWidget *list = gtk_widget_get_parent (field->row);
  GtkWidget *label = gtk_label_new (NULL);

  field->message_row = adw_preferences_row_new ();
  field->message = GTK_LABEL (label);
  gtk_label_set_xalign (field->message, 0.0);
  gtk_label_set_wrap (field->message, TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->message_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->message_row), FALSE);
  gtk_widget_set_focusable (field->message_row, FALSE);
  gtk_widget_set_visible (field->message_row, FALSE);
  gtk_widget_add_css_class (field->message_row, "field-message");
  gtk_list_box_insert (GTK_LIST_BOX (list), field->message_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field->row)) + 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field->row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
}

static AttFormField *
add_field (AttCertificateForm *self,
           const char         *path,
           gpointer            row,
           const char         *note)
{
  AttFormField *field = g_new0 (AttFormField, 1);

  field->path = path;
  field->row = GTK_WIDGET (row);
  field->note = note;
  if (GTK_IS_LIST_BOX_ROW (row))
    add_message_row (field);
  g_ptr_array_add (self->fields, field);
  return field;
}

static AttFormField *
find_field (AttCertificateForm *self,
            const char         *path)
{
  for (guint i = 0; path != NULL && i < self->fields->len; i++)
    {
      AttFormField *field = g_ptr_array_index (self->fields, i);
      gsize         length = strlen (field->path);

      if (strncmp (path, field->path, length) == 0 &&
          (path[length] == '\0' || path[length] == '[' || path[length] == '.'))
        return field;
    }
  return NULL;
}

/* --- Messages and the banner ---------------------------------------------- */

/* How many problems the banner lists before "and N more", as the product
 * editor's does. */
#define MAX_LISTED_PROBLEMS 5

static void
show_message (AttFormField *field,
              const char   *problem)
{
  const char *shown = problem != NULL ? problem : field->note;

  if (field->message_row == NULL)
    {
      att_certificate_file_list_set_error (ATT_CERTIFICATE_FILE_LIST (field->row), problem);
      return;
    }
  gtk_label_set_label (field->message, shown != NULL ? shown : "");
  gtk_widget_set_visible (field->message_row, shown != NULL);
  if (problem != NULL)
    {
      gtk_widget_add_css_class (field->row, "error");
      gtk_widget_add_css_class (GTK_WIDGET (field->message), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (field->message), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (field->row, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (field->message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (field->message), "dim-label");
    }
}

static void
on_problem_clicked (GtkButton          *button,
                    AttCertificateForm *self)
{
  att_certificate_form_focus_path (self, g_object_get_data (G_OBJECT (button), "att-path"));
}

static char *
field_title (AttFormField *field)
{
  g_autoptr(GString) title = NULL;

  if (!ADW_IS_PREFERENCES_ROW (field->row))
    return g_strdup (_ ("Files"));
  title = g_string_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field->row)));
  g_string_replace (title, "_", "", 0);
  return g_string_free (g_steal_pointer (&title), FALSE);
}

static GtkWidget *
problem_button_new (AttCertificateForm  *self,
                    const AttFieldError *problem)
{
  AttFormField    *field = find_field (self, problem->path);
  g_autofree char *where = field != NULL ? field_title (field) : NULL;
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
show_banner (AttCertificateForm *self,
             GPtrArray          *problems)
{
  GtkWidget       *child;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_box))) != NULL)
    gtk_box_remove (self->problems_box, child);
  gtk_revealer_set_reveal_child (self->problems_revealer, problems->len > 0);
  if (problems->len == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Cannot save: %u problem to fix",
                                        "Cannot save: %u problems to fix",
                                        problems->len),
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
 * att_certificate_form_show_problems:
 * @problems: (element-type AttFieldError): every problem, or none
 *
 * Shows each problem under its field, the first of a field only, and all
 * of them in the banner.
 */
void
att_certificate_form_show_problems (AttCertificateForm *self,
                                    GPtrArray          *problems)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      AttFormField *field = g_ptr_array_index (self->fields, i);
      const char   *first = NULL;

      for (guint j = 0; j < problems->len && first == NULL; j++)
        {
          AttFieldError *problem = g_ptr_array_index (problems, j);

          if (find_field (self, problem->path) == field)
            first = problem->message;
        }
      show_message (field, first);
    }
  show_banner (self, problems);
}

void
att_certificate_form_focus_path (AttCertificateForm *self,
                                 const char         *path)
{
  AttFormField *field = find_field (self, path);

  if (field == NULL)
    return;
  if (!gtk_widget_grab_focus (field->row))
    gtk_widget_child_focus (field->row, GTK_DIR_TAB_FORWARD);
}

/* Every change: the server's word was about what was sent, and once Save
 * was pressed the checks follow the edits. */
void
att_certificate_form_changed (AttCertificateForm *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (self->updating > 0 || self->fields == NULL)
    return;
  g_clear_pointer (&self->server_errors, g_ptr_array_unref);
  if (!self->checked)
    return;
  problems = att_certificate_form_check (self);
  att_certificate_form_show_problems (self, problems);
}

/* --- Dates ------------------------------------------------------------------ */

/* A certificate's dates are days: the day chosen is kept as its midnight
 * in UTC, so that it reads back as the same day everywhere. */
static GDateTime *
day_of (const char *date)
{
  int year, month, day;

  if (!att_date_row_parse (date, &year, &month, &day))
    return NULL;
  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

/**
 * att_certificate_form_set_date:
 * @path: %ATT_FORM_ISSUED or %ATT_FORM_EXPIRES
 * @date: (nullable): the day, in any time zone
 */
void
att_certificate_form_set_date (AttCertificateForm *self,
                               const char         *path,
                               GDateTime          *date)
{
  AttDateRow      *row = g_str_equal (path, ATT_FORM_ISSUED) ? self->issued_row : self->expires_row;
  g_autofree char *day = date != NULL ? g_date_time_format (date, "%Y-%m-%d") : NULL;

  att_date_row_set_date (row, day);
}

static void
on_date_changed (AttDateRow         *row,
                 GParamSpec         *pspec,
                 AttCertificateForm *self)
{
  GDateTime **slot = row == self->issued_row ? &self->date_issued : &self->date_expires;

  g_clear_pointer (slot, g_date_time_unref);
  *slot = day_of (att_date_row_get_date (row));
  att_certificate_form_changed (self);
}

/* --- Products to attach ----------------------------------------------------- */

static void
show_products (AttCertificateForm *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint shown = MIN (self->products->len, 3);

  if (self->products->len == 0)
    {
      adw_action_row_set_subtitle (self->products_row,
                                   _ ("None yet (optional: products can be attached later)"));
      return;
    }
  for (guint i = 0; i < shown; i++)
    {
      const char *name = att_pm_product_get_name (g_ptr_array_index (self->products, i));

      if (i > 0)
        g_string_append (names, _ (", "));
      g_string_append (names, name != NULL ? name : att_pm_product_get_id (g_ptr_array_index (self->products, i)));
    }
  if (self->products->len > shown)
    g_string_append_printf (names,
                            g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more",
                                         self->products->len - shown),
                            self->products->len - shown);
  adw_action_row_set_subtitle (self->products_row, names->str);
}

/**
 * att_certificate_form_set_products:
 * @products: (element-type AttPmProduct): the products to attach
 */
void
att_certificate_form_set_products (AttCertificateForm *self,
                                   GListModel         *products)
{
  g_ptr_array_set_size (self->products, 0);
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    g_ptr_array_add (self->products, g_list_model_get_item (products, i));
  show_products (self);
  att_certificate_form_changed (self);
}

/* --- Set-up ------------------------------------------------------------------- */

void
att_certificate_form_fields_init (AttCertificateForm *self)
{
  gboolean updating = self->certificate != NULL;

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) att_certificate_form_field_free);
  add_field (self, ATT_FORM_AUTHORITY, self->authority_row, NULL);
  add_field (self, ATT_FORM_STANDARD, updating ? GTK_WIDGET (self->fixed_standard_row) : GTK_WIDGET (self->standard_row),
             NULL);
  add_field (self, ATT_FORM_NUMBER, updating ? GTK_WIDGET (self->fixed_number_row) : GTK_WIDGET (self->number_row),
             NULL);
  add_field (self, ATT_FORM_NAME, self->name_row,
             updating ? _ ("Higg’s documentation is unclear on whether a certificate’s name can be changed: "
                           "if Higg refuses a new name, the other changes are not saved either.")
                      : NULL);
  add_field (self, ATT_FORM_BODY, self->body_row, NULL);
  add_field (self, ATT_FORM_ISSUED, self->issued_row, NULL);
  add_field (self, ATT_FORM_EXPIRES, self->expires_row, NULL);
  add_field (self, ATT_FORM_PRODUCTS, self->products_row, NULL);
  add_field (self, ATT_FORM_FILES, self->file_list, NULL);
  for (guint i = 0; i < self->fields->len; i++)
    show_message (g_ptr_array_index (self->fields, i), NULL);

  g_signal_connect_object (self->number_row, "changed", G_CALLBACK (att_certificate_form_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (att_certificate_form_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body_row, "changed", G_CALLBACK (att_certificate_form_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->issued_row, "notify::date", G_CALLBACK (on_date_changed), self, 0);
  g_signal_connect_object (self->expires_row, "notify::date", G_CALLBACK (on_date_changed), self, 0);
  g_signal_connect_object (att_certificate_file_list_get_items (self->file_list), "items-changed",
                           G_CALLBACK (att_certificate_form_changed), self, G_CONNECT_SWAPPED);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* Updating: the certificate as the server has it. */
void
att_certificate_form_fields_load (AttCertificateForm *self)
{
  AttCertificate  *certificate = self->certificate;
  const char      *authority = att_certificate_get_authority_name (certificate);
  const char      *standard = att_certificate_get_standard_name (certificate);
  g_autofree char *shown = NULL;

  if (standard == NULL)
    standard = att_certificate_get_standard_id (certificate);
  /* Translators: a standard and its authority, as "Global Recycled Standard (GRS), Textile Exchange" */
  shown = authority != NULL ? g_strdup_printf (_ ("%s, %s"), or_empty (standard), authority)
                            : g_strdup (or_empty (standard));

  self->updating++;
  adw_action_row_set_subtitle (self->fixed_standard_row, shown);
  adw_action_row_set_subtitle (self->fixed_number_row, or_empty (att_certificate_get_assertion_id (certificate)));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), or_empty (att_certificate_get_certificate_name (certificate)));
  gtk_editable_set_text (GTK_EDITABLE (self->body_row), or_empty (att_certificate_get_proof_body (certificate)));
  self->updating--;
  att_certificate_form_set_date (self, ATT_FORM_ISSUED, att_certificate_get_date_issued (certificate));
  att_certificate_form_set_date (self, ATT_FORM_EXPIRES, att_certificate_get_date_expires (certificate));
}

static void
on_products_chosen (AttCertificateForm *self,
                    GListModel         *products)
{
  att_certificate_form_set_products (self, products);
}

/* The products to attach, chosen with the PM product picker. */
void
att_certificate_form_choose_products (AttCertificateForm *self)
{
  g_autoptr(GListStore) current = g_list_store_new (ATT_TYPE_PM_PRODUCT);
  GtkWidget *picker;

  for (guint i = 0; i < self->products->len; i++)
    g_list_store_append (current, g_ptr_array_index (self->products, i));
  picker = att_pm_product_picker_new (self->context, GTK_WINDOW (self), _ ("Products to Attach"),
                                      _ ("_Done"), G_LIST_MODEL (current));
  g_signal_connect_object (picker, "chosen", G_CALLBACK (on_products_chosen), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}
