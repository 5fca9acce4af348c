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

  GPtrArray       *rows; /* of AttReportRow, in order */
  guint            status_counts[ATT_CERTIFICATE_STATUS_EXPIRED + 1];
  GHashTable      *standard_counts; /* standard -> count */
  GPtrArray       *missing_parts;   /* NULL-terminated */
  gboolean         thumbnails;
};

static void att_report_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AttReport, att_report, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, att_report_list_model_init))

static GType
att_report_get_item_type (GListModel *model)
{
  return ATT_TYPE_REPORT_ROW;
}

static guint
att_report_get_n_items (GListModel *model)
{
  return ATT_REPORT (model)->rows->len;
}

static gpointer
att_report_get_item (GListModel *model,
                     guint       position)
{
  AttReport *self = ATT_REPORT (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
att_report_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = att_report_get_item_type;
  iface->get_n_items = att_report_get_n_items;
  iface->get_item = att_report_get_item;
}

static void
att_report_finalize (GObject *object)
{
  AttReport *self = ATT_REPORT (object);

  g_clear_pointer (&self->filter, att_report_filter_free);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
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
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
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
 * att_report_set_thumbnails:
 * @thumbnails: whether the PDF and the printout show a small picture of
 *   each Higg certificate's first image file
 *
 * A choice of how the report is written, not of what it holds: it may be
 * set once the report is built, before it is written.
 */
void
att_report_set_thumbnails (AttReport *self,
                           gboolean   thumbnails)
{
  g_return_if_fail (ATT_IS_REPORT (self));
  self->thumbnails = !!thumbnails;
}

/**
 * att_report_get_thumbnails:
 *
 * Returns: whether the PDF and the printout show pictures (%FALSE unless
 *   att_report_set_thumbnails() said so)
 */
gboolean
att_report_get_thumbnails (AttReport *self)
{
  g_return_val_if_fail (ATT_IS_REPORT (self), FALSE);
  return self->thumbnails;
}

/**
 * att_report_get_rows:
 *
 * The report is itself the list of its rows; this says so in the type.
 *
 * Returns: (transfer none): the rows, of #AttReportRow, in their order
 */
GListModel *
att_report_get_rows (AttReport *self)
{
  g_return_val_if_fail (ATT_IS_REPORT (self), NULL);
  return G_LIST_MODEL (self);
}

guint
att_report_get_n_rows (AttReport *self)
{
  g_return_val_if_fail (ATT_IS_REPORT (self), 0);
  return self->rows->len;
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
  g_return_val_if_fail (ATT_IS_REPORT (self), NULL);

  if (position >= self->rows->len)
    return NULL;
  return g_ptr_array_index (self->rows, position);
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

/* Merges @added (sorted) into the rows (sorted), in one pass, so that a
 * report filled one product at a time is not sorted again each time. */
static void
merge_rows (AttReport *self,
            GPtrArray *added)
{
  GPtrArray *merged = g_ptr_array_new_full (self->rows->len + added->len, g_object_unref);
  guint      i = 0, j = 0;

  while (i < self->rows->len || j < added->len)
    {
      gboolean take_old = j == added->len ||
                          (i < self->rows->len &&
                           att_report_row_compare (self->rows->pdata[i], added->pdata[j], NULL) <= 0);

      g_ptr_array_add (merged, g_object_ref (take_old ? self->rows->pdata[i++] : added->pdata[j++]));
    }
  g_ptr_array_unref (self->rows);
  self->rows = merged;
}

/* Judges @rows (of new AttReportRow), keeps those the filter accepts, and
 * puts them in order among the others. */
void
_att_report_take_rows (AttReport *self,
                       GPtrArray *rows)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old = self->rows->len;

  for (guint i = 0; i < rows->len; i++)
    {
      AttReportRow *row = g_ptr_array_index (rows, i);

      _att_report_row_set (row, ATT_REPORT_FIELD_ACCOUNT, self->filter->account);
      _att_report_row_judge (row, self->now, self->lead_days);
      if (!att_report_filter_accepts (self->filter, row, self->now))
        continue;
      count_row (self, row);
      g_ptr_array_add (added, g_object_ref (row));
    }
  if (added->len == 0)
    return;

  g_ptr_array_sort_with_data (added, compare_rows, NULL);
  merge_rows (self, added);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, self->rows->len);
}
