/* att-report.c: the certificates of an account, as rows for the report
 * writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-report-private.h"

/**
 * AttReport:
 *
 * The one model every writer (CSV, JSON-LD, and later XLSX and PDF)
 * prints: rows (#AttReportRow) sorted by expiry, those with no expiry date
 * last; the counts by status and by standard; the filter it was made with;
 * and the parts it is missing, so that a report built while a service was
 * down says so instead of silently having fewer rows.
 *
 * Rows are judged at the report's "now" with its lead time, and only rows
 * the filter accepts are kept.  A report is filled by the att_report_add_*()
 * calls (or by att_report_build_async()), on one thread at a time, before
 * it is shown; afterwards it does not change and may be read from any
 * thread (a writer's worker thread, for one).
 */

struct _AttReport
{
  GObject          parent_instance;

  AttReportFilter *filter;
  GDateTime       *now;
  guint            lead_days;

  GListStore      *rows;
  guint            status_counts[ATT_CERTIFICATE_STATUS_EXPIRED + 1];
  GHashTable      *standard_counts; /* standard -> count */
  GPtrArray       *missing_parts;   /* NULL-terminated */
};

G_DEFINE_FINAL_TYPE (AttReport, att_report, G_TYPE_OBJECT)

static void
att_report_finalize (GObject *object)
{
  AttReport *self = ATT_REPORT (object);

  g_clear_pointer (&self->filter, att_report_filter_free);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->standard_counts, g_hash_table_unref);
  g_clear_pointer (&self->missing_parts, g_ptr_array_unref);

  G_OBJECT_CLASS (att_report_parent_class)->finalize (object);
}

static void
att_report_class_init (AttReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = att_report_finalize;
}

static void
att_report_init (AttReport *self)
{
  self->rows = g_list_store_new (ATT_TYPE_REPORT_ROW);
  self->standard_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->missing_parts = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

/**
 * att_report_new:
 * @filter: (nullable): the rows to keep; %NULL keeps all
 * @now: (nullable): the time statuses are judged at; %NULL for now (a
 *   fixed time in tests)
 * @lead_days: how many days before its expiry a certificate counts as
 *   expiring (%ATT_CERTIFICATE_DEFAULT_LEAD_DAYS by default)
 *
 * Returns: (transfer full): an empty report
 */
AttReport *
att_report_new (const AttReportFilter *filter,
                GDateTime             *now,
                guint                  lead_days)
{
  AttReport *self = g_object_new (ATT_TYPE_REPORT, NULL);

  self->filter = filter != NULL ? att_report_filter_copy (filter) : att_report_filter_new ();
  self->now = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  self->lead_days = lead_days;
  return self;
}

/**
 * att_report_get_filter:
 *
 * Returns: (transfer none): the filter the report was made with
 */
const AttReportFilter *
att_report_get_filter (AttReport *self)
{
  g_return_val_if_fail (ATT_IS_REPORT (self), NULL);
  return self->filter;
}

/**
 * att_report_get_now:
 *
 * Returns: (transfer none): the time the statuses were judged at
 */
GDateTime *
att_report_get_now (AttReport *self)
{
  g_return_val_if_fail (ATT_IS_REPORT (self), NULL);
  return self->now;
}

guint
att_report_get_lead_days (AttReport *self)
{
  g_return_val_if_fail (ATT_IS_REPORT (self), 0);
  return self->lead_days;
}

/**
 * att_report_get_rows:
 *
 * Returns: (transfer none): the rows, of #AttReportRow, in their order
 */
GListModel *
att_report_get_rows (AttReport *self)
{
  g_return_val_if_fail (ATT_IS_REPORT (self), NULL);
  return G_LIST_MODEL (self->rows);
}

guint
att_report_get_n_rows (AttReport *self)
{
  g_return_val_if_fail (ATT_IS_REPORT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

/**
 * att_report_get_row:
 *
 * Returns: (transfer none) (nullable): the row at @position, which the
 *   report keeps as long as it lives
 */
AttReportRow *
att_report_get_row (AttReport *self,
                    guint      position)
{
  g_autoptr(AttReportRow) row = NULL;

  g_return_val_if_fail (ATT_IS_REPORT (self), NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  return row; /* the store holds a reference */
}

/**
 * att_report_count_status:
 *
 * Returns: how many rows have @status
 */
guint
att_report_count_status (AttReport           *self,
                         AttCertificateStatus status)
{
  g_return_val_if_fail (ATT_IS_REPORT (self), 0);
  g_return_val_if_fail (status <= ATT_CERTIFICATE_STATUS_EXPIRED, 0);
  return self->status_counts[status];
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/**
 * att_report_dup_standards:
 *
 * Returns: (transfer full): the standards of the rows, each once, sorted;
 *   "" stands for rows with no standard
 */
char **
att_report_dup_standards (AttReport *self)
{
  g_autofree const char **keys = NULL;
  char                  **standards;

  g_return_val_if_fail (ATT_IS_REPORT (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->standard_counts, NULL);
  standards = g_strdupv ((char **) keys);
  g_qsort_with_data (standards, g_strv_length (standards), sizeof (char *), compare_strings, NULL);
  return standards;
}

/**
 * att_report_count_standard:
 * @standard: a standard as att_report_dup_standards() gives it
 *
 * Returns: how many rows are of @standard
 */
guint
att_report_count_standard (AttReport  *self,
                           const char *standard)
{
  g_return_val_if_fail (ATT_IS_REPORT (self), 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->standard_counts, standard != NULL ? standard : ""));
}

/**
 * att_report_add_missing_part:
 * @part: what is missing and why, in a sentence for the user
 *
 * Records a part of the report that could not be built (a service that did
 * not answer), for every writer to print.
 */
void
att_report_add_missing_part (AttReport  *self,
                             const char *part)
{
  g_return_if_fail (ATT_IS_REPORT (self));
  g_return_if_fail (part != NULL);

  g_ptr_array_add (self->missing_parts, g_strdup (part));
}

/**
 * att_report_get_missing_parts:
 *
 * Returns: (transfer none): the parts missing, in the order recorded; empty
 *   when the report is complete
 */
const char *const *
att_report_get_missing_parts (AttReport *self)
{
  static const char *const none[] = { NULL };

  g_return_val_if_fail (ATT_IS_REPORT (self), NULL);

  /* An empty array may have no storage yet. */
  if (self->missing_parts->pdata == NULL)
    return none;
  return (const char *const *) self->missing_parts->pdata;
}

static void
count_row (AttReport    *self,
           AttReportRow *row)
{
  const char *standard = att_report_row_get_standard (row);
  guint       count = GPOINTER_TO_UINT (g_hash_table_lookup (self->standard_counts, standard));

  self->status_counts[att_report_row_get_status (row)]++;
  g_hash_table_replace (self->standard_counts, g_strdup (standard), GUINT_TO_POINTER (count + 1));
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return att_report_row_compare (*(AttReportRow *const *) a, *(AttReportRow *const *) b, NULL);
}

/* Judges @rows (of new AttReportRow), keeps those the filter accepts, and
 * puts every row in order again. */
void
_att_report_take_rows (AttReport *self,
                       GPtrArray *rows)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (all, g_list_model_get_item (G_LIST_MODEL (self->rows), i));

  for (guint i = 0; i < rows->len; i++)
    {
      AttReportRow *row = g_ptr_array_index (rows, i);

      _att_report_row_set (row, ATT_REPORT_FIELD_ACCOUNT, self->filter->account);
      _att_report_row_judge (row, self->now, self->lead_days);
      if (!att_report_filter_accepts (self->filter, row, self->now))
        continue;
      count_row (self, row);
      g_ptr_array_add (all, g_object_ref (row));
    }

  g_ptr_array_sort_with_data (all, compare_rows, NULL);
  g_list_store_splice (self->rows, 0, n_old, all->pdata, all->len);
}
