/* att-publish-results.c: the outcomes of a publish to the French portal
 * in words, as plain text and as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "att-format.h"
#include "att-publish-results.h"

#define LOCK_REASON "WithinThreeMonthLock"

/**
 * att_publish_outcome_kind_to_words:
 *
 * Returns: what happened to a product, in a word the user reads
 */
const char *
att_publish_outcome_kind_to_words (AttPublishOutcomeKind kind)
{
  switch (kind)
    {
    case ATT_PUBLISH_OUTCOME_SUCCEEDED:
      return _ ("Published");

    case ATT_PUBLISH_OUTCOME_FAILED:
      return _ ("Failed");

    case ATT_PUBLISH_OUTCOME_SKIPPED:
      return _ ("Skipped");

    default:
      g_return_val_if_reached (NULL);
    }
}

/* The icon beside those words: the words, not the icon or its colour,
 * carry the meaning. */
const char *
att_publish_outcome_kind_icon_name (AttPublishOutcomeKind kind)
{
  switch (kind)
    {
    case ATT_PUBLISH_OUTCOME_SUCCEEDED:
      return "emblem-ok-symbolic";

    case ATT_PUBLISH_OUTCOME_FAILED:
      return "dialog-error-symbolic";

    case ATT_PUBLISH_OUTCOME_SKIPPED:
      return "action-unavailable-symbolic";

    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
again_on (gint64 next_eligible_at)
{
  g_autofree char *date = NULL;

  if (next_eligible_at <= 0)
    return NULL;
  date = att_format_date_ms (next_eligible_at);
  /* Translators: %s is a date. */
  return g_strdup_printf (_ ("Can be published again on %s"), date);
}

static char *
describe_succeeded (AttPublishOutcome *outcome)
{
  const char      *reference = att_publish_outcome_get_internal_reference (outcome);
  g_autofree char *again = again_on (att_publish_outcome_get_next_eligible_at (outcome));
  g_autofree char *first = NULL;

  if (reference != NULL)
    /* Translators: %s is the portal's reference of the declaration. */
    first = g_strdup_printf (_ ("Reference %s"), reference);
  if (first != NULL && again != NULL)
    return g_strdup_printf ("%s\n%s", first, again);
  return g_strdup (first != NULL ? first : again);
}

static char *
describe_failed (AttPublishOutcome *outcome)
{
  const char *error = att_publish_outcome_get_error (outcome);
  guint       status = att_publish_outcome_get_http_status (outcome);

  if (error == NULL || *error == '\0')
    error = _ ("The portal gave no reason.");
  if (status == 0)
    return g_strdup (error);
  /* Translators: %s is the portal's error, %u its HTTP status. */
  return g_strdup_printf (_ ("%s (HTTP status %u)"), error, status);
}

static char *
describe_reason (AttPublishOutcome *outcome,
                 const char        *reason)
{
  g_autofree char *date = NULL;

  if (g_strcmp0 (reason, LOCK_REASON) != 0)
    return g_strdup (reason);
  if (att_publish_outcome_get_next_eligible_at (outcome) <= 0)
    return g_strdup (_ ("Published less than three months ago"));
  date = att_format_date_ms (att_publish_outcome_get_next_eligible_at (outcome));
  /* Translators: %s is a date. */
  return g_strdup_printf (_ ("Published less than three months ago: can be published again on %s"), date);
}

static char *
describe_skipped (AttPublishOutcome *outcome)
{
  const char *const *reasons = att_publish_outcome_get_reasons (outcome);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; reasons != NULL && reasons[i] != NULL; i++)
    {
      g_autofree char *line = describe_reason (outcome, reasons[i]);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  if (text->len == 0)
    g_string_append (text, _ ("The portal gave no reason."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * att_publish_outcome_describe:
 *
 * Returns: (transfer full): the details of an outcome in words, a line
 *   each: the reference and the next date, the portal's error, or the
 *   reasons a product was skipped
 */
char *
att_publish_outcome_describe (AttPublishOutcome *outcome)
{
  g_return_val_if_fail (ATT_IS_PUBLISH_OUTCOME (outcome), NULL);

  switch (att_publish_outcome_get_kind (outcome))
    {
    case ATT_PUBLISH_OUTCOME_SUCCEEDED:
      return describe_succeeded (outcome);

    case ATT_PUBLISH_OUTCOME_FAILED:
      return describe_failed (outcome);

    case ATT_PUBLISH_OUTCOME_SKIPPED:
      return describe_skipped (outcome);

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * att_publish_results_summary:
 *
 * Returns: (transfer full): e.g. "118 published, 1 failed, 1 skipped"
 */
char *
att_publish_results_summary (GPtrArray *outcomes)
{
  guint            n[3] = { 0 };
  g_autofree char *published = NULL;
  g_autofree char *failed = NULL;
  g_autofree char *skipped = NULL;

  g_return_val_if_fail (outcomes != NULL, NULL);

  for (guint i = 0; i < outcomes->len; i++)
    n[att_publish_outcome_get_kind (g_ptr_array_index (outcomes, i))]++;

  published = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u published", "%u published",
                                            n[ATT_PUBLISH_OUTCOME_SUCCEEDED]),
                               n[ATT_PUBLISH_OUTCOME_SUCCEEDED]);
  failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed", "%u failed",
                                         n[ATT_PUBLISH_OUTCOME_FAILED]),
                            n[ATT_PUBLISH_OUTCOME_FAILED]);
  skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped",
                                          n[ATT_PUBLISH_OUTCOME_SKIPPED]),
                             n[ATT_PUBLISH_OUTCOME_SKIPPED]);
  /* Translators: joins the counts: "118 published, 1 failed, 1 skipped". */
  return g_strdup_printf (_ ("%s, %s, %s"), published, failed, skipped);
}

static const char *
name_of (GHashTable *names,
         const char *id)
{
  const char *name = names != NULL ? g_hash_table_lookup (names, id) : NULL;

  return name != NULL ? name : id;
}

/**
 * att_publish_results_to_text:
 * @names: (nullable): product id -> name
 *
 * Returns: (transfer full): the summary, then a paragraph per product:
 *   its name, id, outcome and details
 */
char *
att_publish_results_to_text (GPtrArray  *outcomes,
                             GHashTable *names)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *summary = NULL;

  g_return_val_if_fail (outcomes != NULL, NULL);

  summary = att_publish_results_summary (outcomes);
  g_string_append_printf (text, "%s\n", summary);
  for (guint i = 0; i < outcomes->len; i++)
    {
      AttPublishOutcome *outcome = g_ptr_array_index (outcomes, i);
      const char        *id = att_publish_outcome_get_product_id (outcome);
      g_autofree char   *details = att_publish_outcome_describe (outcome);

      g_string_append_printf (text, "\n%s (%s): %s\n%s\n", name_of (names, id), id,
                              att_publish_outcome_kind_to_words (att_publish_outcome_get_kind (outcome)),
                              details != NULL ? details : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* RFC 4180: a field with a separator, a quote or a line break is quoted,
 * its quotes doubled. */
static void
append_csv_field (GString    *csv,
                  const char *field,
                  gboolean    last)
{
  if (field == NULL)
    field = "";
  if (strpbrk (field, ",\"\r\n") == NULL)
    g_string_append (csv, field);
  else
    {
      g_autofree char *escaped = NULL;
      g_auto(GStrv) parts = g_strsplit (field, "\"", -1);

      escaped = g_strjoinv ("\"\"", parts);
      g_string_append_printf (csv, "\"%s\"", escaped);
    }
  g_string_append (csv, last ? "\r\n" : ",");
}

/* Dates in the CSV are for spreadsheets and scripts: ISO 8601, UTC. */
static char *
csv_date (gint64 unix_ms)
{
  g_autoptr(GDateTime) date = NULL;

  if (unix_ms <= 0)
    return NULL;
  date = g_date_time_new_from_unix_utc (unix_ms / 1000);
  return date != NULL ? g_date_time_format_iso8601 (date) : NULL;
}

static const char *
csv_outcome (AttPublishOutcomeKind kind)
{
  static const char *const words[] = { "succeeded", "failed", "skipped" };

  return words[kind];
}

static char *
csv_details (AttPublishOutcome *outcome)
{
  const char *const *reasons = att_publish_outcome_get_reasons (outcome);
  const char        *error = att_publish_outcome_get_error (outcome);
  guint              status = att_publish_outcome_get_http_status (outcome);

  switch (att_publish_outcome_get_kind (outcome))
    {
    case ATT_PUBLISH_OUTCOME_FAILED:
      if (status == 0)
        return g_strdup (error);
      return g_strdup_printf ("%s (HTTP %u)", error != NULL ? error : "", status);

    case ATT_PUBLISH_OUTCOME_SKIPPED:
      return reasons != NULL ? g_strjoinv ("; ", (GStrv) reasons) : NULL;

    case ATT_PUBLISH_OUTCOME_SUCCEEDED:
    default:
      return NULL;
    }
}

static void
append_csv_row (GString           *csv,
                AttPublishOutcome *outcome,
                GHashTable        *names)
{
  const char      *id = att_publish_outcome_get_product_id (outcome);
  g_autofree char *published_at = csv_date (att_publish_outcome_get_published_at (outcome));
  g_autofree char *next_at = csv_date (att_publish_outcome_get_next_eligible_at (outcome));
  g_autofree char *details = csv_details (outcome);

  append_csv_field (csv, id, FALSE);
  append_csv_field (csv, name_of (names, id), FALSE);
  append_csv_field (csv, csv_outcome (att_publish_outcome_get_kind (outcome)), FALSE);
  append_csv_field (csv, att_publish_outcome_get_internal_reference (outcome), FALSE);
  append_csv_field (csv, published_at, FALSE);
  append_csv_field (csv, next_at, FALSE);
  append_csv_field (csv, details, TRUE);
}

/**
 * att_publish_results_to_csv:
 * @names: (nullable): product id -> name
 *
 * Returns: (transfer full): a header, then a row per product: id, name,
 *   outcome, reference, published at, next eligible at, error or reasons
 */
char *
att_publish_results_to_csv (GPtrArray  *outcomes,
                            GHashTable *names)
{
  g_autoptr(GString) csv = g_string_new (NULL);

  g_return_val_if_fail (outcomes != NULL, NULL);

  /* The header names columns for scripts: it is not translated. */
  g_string_append (csv, "id,name,outcome,reference,published_at,next_eligible_at,details\r\n");
  for (guint i = 0; i < outcomes->len; i++)
    append_csv_row (csv, g_ptr_array_index (outcomes, i), names);
  return g_string_free (g_steal_pointer (&csv), FALSE);
}

static void
on_csv_written (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * att_publish_results_write_csv_async:
 * @names: (nullable): product id -> name
 *
 * Writes att_publish_results_to_csv() to @file, replacing it.
 */
void
att_publish_results_write_csv_async (GPtrArray          *outcomes,
                                     GHashTable         *names,
                                     GFile              *file,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *csv;

  g_return_if_fail (outcomes != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_publish_results_write_csv_async));
  csv = att_publish_results_to_csv (outcomes, names);
  bytes = g_bytes_new_take (csv, strlen (csv));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, on_csv_written, g_steal_pointer (&task));
}

gboolean
att_publish_results_write_csv_finish (GAsyncResult *result,
                                      GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
