/* att-uses-section-problems.c: the problems of a list, under their rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-error.h"
#include "att-uses-section-private.h"

/* A problem's path, e.g. `materials[2].composition`, split into the row
 * (G_MAXUINT for the list as a whole) and the member (NULL for the row as
 * a whole).  FALSE when the path is not about this list. */
static gboolean
parse_path (AttUsesSection *self,
            const char     *path,
            guint          *out_index,
            const char    **out_member)
{
  gsize       len = strlen (self->list);
  const char *rest;
  char       *end = NULL;
  guint64     index;

  if (path == NULL || strncmp (path, self->list, len) != 0)
    return FALSE;
  rest = path + len;
  *out_index = G_MAXUINT;
  *out_member = NULL;
  if (*rest == '\0')
    return TRUE;
  if (*rest == '.')
    {
      *out_member = rest + 1;
      return TRUE;
    }
  if (*rest != '[')
    return FALSE;

  index = g_ascii_strtoull (rest + 1, &end, 10);
  if (end == rest + 1 || *end != ']' || index >= G_MAXUINT)
    return FALSE;
  *out_index = (guint) index;
  if (end[1] == '.')
    *out_member = end + 2;
  return TRUE;
}

#define MARK_KEY "att-uses-mark"

/* Whether @spin shows this mark already.  The checks run after every
 * burst of typing, and a spin button's accessible state and style set
 * again, even to the same values, cost each of a hundred spin buttons a
 * restyle and its accessible object an update, for nothing. */
static gboolean
mark_unchanged (GtkWidget  *spin,
                gboolean    is_error,
                gboolean    is_warning,
                const char *message)
{
  g_autofree char *mark = g_strdup_printf ("%d%d%s", is_error, is_warning, message != NULL ? message : "");
  const char      *shown = g_object_get_data (G_OBJECT (spin), MARK_KEY);

  if (g_strcmp0 (shown, mark) == 0)
    return TRUE;
  g_object_set_data_full (G_OBJECT (spin), MARK_KEY, g_steal_pointer (&mark), g_free);
  return FALSE;
}

static void
mark_field (GtkWidget  *spin,
            gboolean    is_error,
            gboolean    is_warning,
            const char *message)
{
  if (mark_unchanged (spin, is_error, is_warning, message))
    return;
  if (is_error)
    gtk_widget_add_css_class (spin, "error");
  else
    gtk_widget_remove_css_class (spin, "error");
  if (is_warning && !is_error)
    gtk_widget_add_css_class (spin, "warning");
  else
    gtk_widget_remove_css_class (spin, "warning");

  gtk_accessible_update_state (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_STATE_INVALID,
                               is_error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
append_line (GString    *text,
             const char *line)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* The messages of @problems about row @index (G_MAXUINT: the whole list)
 * into @text, and those about a field also into its @field_texts. */
static void
collect (AttUsesSection *self,
         GPtrArray      *problems,
         guint           index,
         GString        *text,
         GString       **field_texts)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      AttFieldError *problem = g_ptr_array_index (problems, i);
      guint          problem_index;
      const char    *member;

      if (!parse_path (self, problem->path, &problem_index, &member) || problem_index != index)
        continue;
      append_line (text, problem->message);
      for (guint f = 0; field_texts != NULL && member != NULL && f < self->n_fields; f++)
        if (g_str_equal (self->fields[f].member, member))
          append_line (field_texts[f], problem->message);
    }
}

static void
show_label (GtkLabel   *label,
            const char *text,
            gboolean    is_error)
{
  /* Setting a label's text, even the same, queues a relayout. */
  if (g_strcmp0 (gtk_label_get_label (label), text != NULL ? text : "") != 0)
    gtk_label_set_label (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
    }
}

static void
show_row_problems (AttUsesSection *self,
                   AttUsesRow     *row)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GString) warnings = g_string_new (NULL);
  GString *field_errors[ATT_USES_MAX_FIELDS] = { NULL };
  GString *field_warnings[ATT_USES_MAX_FIELDS] = { NULL };

  for (guint f = 0; f < ATT_USES_MAX_FIELDS; f++)
    {
      field_errors[f] = g_string_new (NULL);
      field_warnings[f] = g_string_new (NULL);
    }

  collect (self, self->errors, row->index, errors, field_errors);
  collect (self, self->warnings, row->index, warnings, field_warnings);

  for (guint f = 0; f < self->n_fields; f++)
    mark_field (row->spins[f], field_errors[f]->len > 0, field_warnings[f]->len > 0,
                field_errors[f]->len > 0     ? field_errors[f]->str
                : field_warnings[f]->len > 0 ? field_warnings[f]->str
                                             : NULL);

  if (errors->len > 0 && warnings->len > 0)
    append_line (errors, warnings->str);
  g_free (row->problems);
  row->problems = errors->len > 0     ? g_strdup (errors->str)
                  : warnings->len > 0 ? g_strdup (warnings->str)
                                      : NULL;
  show_label (GTK_LABEL (row->problem_label), row->problems, errors->len > 0);

  for (guint f = 0; f < ATT_USES_MAX_FIELDS; f++)
    {
      g_string_free (field_errors[f], TRUE);
      g_string_free (field_warnings[f], TRUE);
    }
}

/**
 * att_uses_section_show_problems:
 *
 * Puts the problems last given to att_uses_section_set_problems() on the
 * rows built now: under a row what is about it, its field marked; under
 * the list what is about the list as a whole (such as the composition not
 * adding up to 100 %).
 */
void
att_uses_section_show_problems (AttUsesSection *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GString) warnings = g_string_new (NULL);

  for (guint i = 0; i < self->rows->len; i++)
    show_row_problems (self, g_ptr_array_index (self->rows, i));

  collect (self, self->errors, G_MAXUINT, errors, NULL);
  collect (self, self->warnings, G_MAXUINT, warnings, NULL);
  if (errors->len > 0 && warnings->len > 0)
    append_line (errors, warnings->str);

  g_free (self->list_problems);
  self->list_problems = errors->len > 0     ? g_strdup (errors->str)
                        : warnings->len > 0 ? g_strdup (warnings->str)
                                            : NULL;
  show_label (self->problems_label, self->list_problems, errors->len > 0);
}
