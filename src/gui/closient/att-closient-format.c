/* att-closient-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-closient-format.h"
#include "att-format.h"
#include "att-json.h"
#include "att-status-pill.h"

/* The colour says it at a glance, the word to everyone (as a certificate's
 * status does): verified is good, unverified asks for a look, an expired
 * verification is a problem. */
/**
 * att_closient_pill_show_verification:
 * @in_column: whether the pill is under a "Verification" heading, which
 *   lets an expired verification say only "Expired"
 */
void
att_closient_pill_show_verification (GtkWidget              *pill,
                                     AttClosientVerification status,
                                     gboolean                in_column)
{
  const char *css_class = status == ATT_CLOSIENT_VERIFIED               ? "success"
                          : status == ATT_CLOSIENT_UNVERIFIED           ? "warning"
                          : status == ATT_CLOSIENT_VERIFICATION_EXPIRED ? "error"
                                                                        : "dim-label";

  att_status_pill_set (pill,
                       in_column && status == ATT_CLOSIENT_VERIFICATION_EXPIRED ? C_ ("verification", "Expired")
                                                                                : att_closient_verification_get_label (status),
                       css_class);
}

/* Whether the certification is in force today, as the server says. */
void
att_closient_pill_show_active (GtkWidget *pill,
                               gboolean   active)
{
  att_status_pill_set (pill, active ? C_ ("certification", "Active") : C_ ("certification", "Inactive"),
                       active ? "success" : "dim-label");
}

/**
 * att_closient_format_date:
 * @date: (nullable): a `YYYY-MM-DD` date
 *
 * Returns: (transfer full) (nullable): the date, short, for a column; the
 *   text itself if it is not a date
 */
char *
att_closient_format_date (const char *date)
{
  g_autoptr(GDateTime) date_time = NULL;

  if (date == NULL || *date == '\0')
    return NULL;
  date_time = att_json_date_time_from_string (date);
  return date_time != NULL ? att_format_date_short (date_time) : g_strdup (date);
}

/**
 * att_closient_format_validity:
 * @valid_from: (nullable): the first day, or %NULL for no bound
 * @valid_until: (nullable): the last day, or %NULL for no bound
 *
 * Returns: (transfer full): the window in which the certification holds
 */
char *
att_closient_format_validity (const char *valid_from,
                              const char *valid_until)
{
  g_autofree char *from = att_closient_format_date (valid_from);
  g_autofree char *until = att_closient_format_date (valid_until);

  if (from != NULL && until != NULL)
    /* Translators: a validity window, from one date to another */
    return g_strdup_printf (_ ("%s – %s"), from, until);
  if (from != NULL)
    /* Translators: a validity window with no end; %s is a date */
    return g_strdup_printf (_ ("From %s"), from);
  if (until != NULL)
    /* Translators: a validity window with no start; %s is a date */
    return g_strdup_printf (_ ("Until %s"), until);
  return g_strdup (_ ("No dates"));
}

/**
 * att_closient_format_details:
 *
 * Returns: (transfer full) (nullable): what the certification says of the
 *   product beyond its name: its code, its scope, its value and its
 *   countries, for a second line
 */
char *
att_closient_format_details (AttClosientAssignment *assignment)
{
  const char *const *countries = att_closient_assignment_get_certificate_countries (assignment);
  const char        *value = att_closient_assignment_get_certification_value (assignment);
  g_autofree char   *value_text = NULL;
  g_autofree char   *countries_text = NULL;
  const char        *parts[4];
  GString           *str = g_string_new (NULL);

  if (value != NULL && *value != '\0')
    /* Translators: the value achieved for a certification, e.g. "Grade A" */
    value_text = g_strdup_printf (_ ("Value %s"), value);
  if (countries[0] != NULL)
    countries_text = g_strjoinv (", ", (char **) countries);
  parts[0] = att_closient_assignment_get_code (assignment);
  parts[1] = att_closient_assignment_get_scope (assignment);
  parts[2] = value_text;
  parts[3] = countries_text;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (str->len > 0)
        g_string_append (str, " · ");
      g_string_append (str, parts[i]);
    }
  if (str->len == 0)
    {
      g_string_free (str, TRUE);
      return NULL;
    }
  return g_string_free (str, FALSE);
}
