/* att-report-xlsx.c: a report as an Excel workbook, with typed cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "att-report-columns.h"
#include "att-report-file.h"
#include "att-report-writer.h"

/*
 * Two sheets: "Certificates", the rows with a bold frozen header row, an
 * autofilter, dates as Excel dates and column widths that fit (capped);
 * "Summary", the counts by status and by standard, the filters and the
 * missing parts.  Every text is written with worksheet_write_string(), so
 * that a name such as "=SUM(A1)" stays text and never becomes a formula.
 *
 * libxlsxwriter writes to a file name, not to a stream: the workbook is
 * written to a private temporary folder (in constant-memory mode, rows
 * streamed to its own temporary files), then copied into the stream the
 * writer table gives, so that att_report_file_write() still writes the
 * target whole or not at all.
 */

#define PROGRESS_STEPS 100
/* Column widths, in characters. */
#define MIN_WIDTH 8
#define MAX_WIDTH 60
/* Excel's limit on a cell's text, in characters. */
#define MAX_CELL_CHARS 32767

typedef struct
{
  lxw_workbook  *book;
  lxw_worksheet *sheet;
  lxw_format    *bold;
  lxw_format    *date;
  guint          widths[ATT_REPORT_N_COLUMNS];
} Xlsx;

static gboolean
check (lxw_error error_code,
       GError  **error)
{
  if (error_code == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "XLSX: %s", lxw_strerror (error_code));
  return FALSE;
}

/* Closes the workbook: its files are zipped and written then.  When the
 * system refused a write (a full disk, a size limit), errno says why
 * better than libxlsxwriter's "Zip generic error". */
static gboolean
close_workbook (lxw_workbook *book,
                GError      **error)
{
  lxw_error result;
  int       saved;

  errno = 0;
  result = workbook_close (book);
  saved = errno;
  if (result != LXW_NO_ERROR && saved != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return FALSE;
    }
  return check (result, error);
}

static lxw_error
write_text (lxw_worksheet *sheet,
            guint          row,
            guint          column,
            const char    *text,
            lxw_format    *format)
{
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (text, -1) > MAX_CELL_CHARS)
    text = cut = g_utf8_substring (text, 0, MAX_CELL_CHARS);
  return worksheet_write_string (sheet, row, column, text, format);
}

static lxw_error
write_date (lxw_worksheet *sheet,
            guint          row,
            guint          column,
            GDateTime     *date,
            lxw_format    *format)
{
  g_autoptr(GDateTime) utc = NULL;
  lxw_datetime cell = { 0 };

  if (date == NULL)
    return LXW_NO_ERROR;
  utc = g_date_time_to_utc (date);
  cell.year = g_date_time_get_year (utc);
  cell.month = g_date_time_get_month (utc);
  cell.day = g_date_time_get_day_of_month (utc);
  return worksheet_write_datetime (sheet, row, column, &cell, format);
}

static void
fit_width (Xlsx       *xlsx,
           guint       column,
           const char *text)
{
  glong length = g_utf8_strlen (text, -1);

  xlsx->widths[column] = CLAMP ((guint) MIN (length, MAX_WIDTH), xlsx->widths[column], MAX_WIDTH);
}

static GDateTime *
row_date (AttReportRow   *row,
          AttReportColumn column)
{
  if (column == ATT_REPORT_COLUMN_DATE_ISSUED)
    return att_report_row_get_date_issued (row);
  return att_report_row_get_date_expires (row);
}

static lxw_error
write_row (Xlsx         *xlsx,
           guint         line,
           AttReportRow *row)
{
  lxw_error result = LXW_NO_ERROR;

  for (guint column = 0; column < ATT_REPORT_N_COLUMNS && result == LXW_NO_ERROR; column++)
    {
      g_autofree char *text = NULL;

      if (att_report_column_is_date (column))
        {
          result = write_date (xlsx->sheet, line, column, row_date (row, column), xlsx->date);
          continue;
        }
      text = att_report_row_dup_text (row, column);
      fit_width (xlsx, column, text);
      result = write_text (xlsx->sheet, line, column, text, NULL);
    }
  return result;
}

static lxw_error
write_header (Xlsx *xlsx)
{
  lxw_error result = LXW_NO_ERROR;

  for (guint column = 0; column < ATT_REPORT_N_COLUMNS && result == LXW_NO_ERROR; column++)
    {
      const char *title = att_report_column_get_title (column);

      xlsx->widths[column] = att_report_column_is_date (column) ? 12 : MIN_WIDTH;
      fit_width (xlsx, column, title);
      result = write_text (xlsx->sheet, 0, column, title, xlsx->bold);
    }
  return result;
}

static gboolean
write_rows (Xlsx           *xlsx,
            AttReport      *report,
            AttProgressFunc progress,
            gpointer        progress_data,
            GCancellable   *cancellable,
            GError        **error)
{
  guint n = att_report_get_n_rows (report);
  guint step = MAX (n / PROGRESS_STEPS, 1);

  for (guint i = 0; i < n; i++)
    {
      if (!check (write_row (xlsx, i + 1, att_report_get_row (report, i)), error))
        return FALSE;
      if ((i + 1) % step != 0 && i + 1 < n)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (progress != NULL)
        progress (i + 1, n, progress_data);
    }
  return TRUE;
}

static gboolean
finish_table (Xlsx      *xlsx,
              AttReport *report,
              GError   **error)
{
  guint last = MAX (att_report_get_n_rows (report), 1);

  for (guint column = 0; column < ATT_REPORT_N_COLUMNS; column++)
    if (!check (worksheet_set_column (xlsx->sheet, column, column, xlsx->widths[column] + 2, NULL), error))
      return FALSE;
  worksheet_freeze_panes (xlsx->sheet, 1, 0);
  return check (worksheet_autofilter (xlsx->sheet, 0, 0, last, ATT_REPORT_N_COLUMNS - 1), error);
}

static gboolean
write_table (Xlsx           *xlsx,
             AttReport      *report,
             AttProgressFunc progress,
             gpointer        progress_data,
             GCancellable   *cancellable,
             GError        **error)
{
  /* Translators: the name of a spreadsheet's sheet (at most 31 characters) */
  xlsx->sheet = workbook_add_worksheet (xlsx->book, C_ ("report", "Certificates"));
  if (xlsx->sheet == NULL)
    return check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);
  return check (write_header (xlsx), error) &&
         write_rows (xlsx, report, progress, progress_data, cancellable, error) &&
         finish_table (xlsx, report, error);
}

/* The summary, as lines of a label and a value; a label alone is bold. */
typedef struct
{
  lxw_worksheet *sheet;
  lxw_format    *bold;
  guint          line;
  lxw_error      result;
} Summary;

static void
summary_heading (Summary    *summary,
                 const char *heading)
{
  if (summary->line > 0)
    summary->line++;
  if (summary->result == LXW_NO_ERROR)
    summary->result = write_text (summary->sheet, summary->line++, 0, heading, summary->bold);
}

static void
summary_count (Summary    *summary,
               const char *label,
               guint       count)
{
  if (summary->result == LXW_NO_ERROR)
    summary->result = write_text (summary->sheet, summary->line, 0, label, NULL);
  if (summary->result == LXW_NO_ERROR)
    summary->result = worksheet_write_number (summary->sheet, summary->line, 1, count, NULL);
  summary->line++;
}

static void
summary_lines (Summary           *summary,
               const char *const *lines,
               const char        *none)
{
  if ((lines == NULL || lines[0] == NULL) && summary->result == LXW_NO_ERROR)
    summary->result = write_text (summary->sheet, summary->line++, 0, none, NULL);
  for (guint i = 0; lines != NULL && lines[i] != NULL && summary->result == LXW_NO_ERROR; i++)
    summary->result = write_text (summary->sheet, summary->line++, 0, lines[i], NULL);
}

static void
summary_counts (Summary   *summary,
                AttReport *report)
{
  g_auto(GStrv) standards = att_report_dup_standards (report);

  summary_heading (summary, C_ ("report", "Certificates by status"));
  for (AttCertificateStatus status = ATT_CERTIFICATE_STATUS_UNKNOWN; status <= ATT_CERTIFICATE_STATUS_EXPIRED;
       status++)
    summary_count (summary, att_certificate_status_get_label (status), att_report_count_status (report, status));
  summary_heading (summary, C_ ("report", "Certificates by standard"));
  for (guint i = 0; standards[i] != NULL; i++)
    summary_count (summary, standards[i], att_report_count_standard (report, standards[i]));
}

static gboolean
write_summary (Xlsx      *xlsx,
               AttReport *report,
               GError   **error)
{
  g_auto(GStrv) filters = att_report_filter_describe (att_report_get_filter (report));
  Summary summary = { NULL, xlsx->bold, 0, LXW_NO_ERROR };

  /* Translators: the name of a spreadsheet's sheet (at most 31 characters) */
  summary.sheet = workbook_add_worksheet (xlsx->book, C_ ("report", "Summary"));
  if (summary.sheet == NULL)
    return check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);
  summary_heading (&summary, C_ ("report", "Certificate report"));
  summary_count (&summary, C_ ("report", "Rows"), att_report_get_n_rows (report));
  summary_counts (&summary, report);
  summary_heading (&summary, C_ ("report", "Filters"));
  summary_lines (&summary, (const char *const *) filters, C_ ("report", "Every certificate"));
  summary_heading (&summary, C_ ("report", "Missing parts"));
  summary_lines (&summary, att_report_get_missing_parts (report), C_ ("report", "None: the report is complete"));
  if (summary.result == LXW_NO_ERROR)
    summary.result = worksheet_set_column (summary.sheet, 0, 0, MAX_WIDTH, NULL);
  return check (summary.result, error);
}

static void
add_formats (Xlsx *xlsx)
{
  xlsx->bold = workbook_add_format (xlsx->book);
  format_set_bold (xlsx->bold);
  xlsx->date = workbook_add_format (xlsx->book);
  format_set_num_format (xlsx->date, "yyyy-mm-dd");
}

static gboolean
write_workbook (const char     *path,
                const char     *tmpdir,
                AttReport      *report,
                AttProgressFunc progress,
                gpointer        progress_data,
                GCancellable   *cancellable,
                GError        **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = (char *) tmpdir };
  Xlsx                 xlsx = { workbook_new_opt (path, &options) };

  if (xlsx.book == NULL)
    return check (LXW_ERROR_CREATING_XLSX_FILE, error);
  add_formats (&xlsx);
  if (!write_table (&xlsx, report, progress, progress_data, cancellable, error) ||
      !write_summary (&xlsx, report, error))
    {
      lxw_workbook_free (xlsx.book);
      return FALSE;
    }
  return close_workbook (xlsx.book, error);
}

static gboolean
copy_to_stream (const char    *path,
                GOutputStream *stream,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) input = g_file_read (file, cancellable, error);

  return input != NULL && g_output_stream_splice (stream, G_INPUT_STREAM (input), G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE,
                                                  cancellable, error) >= 0;
}

/**
 * att_report_write_xlsx:
 *
 * Writes @report as an XLSX workbook (see above).
 *
 * Returns: whether it was written
 */
gboolean
att_report_write_xlsx (AttReport      *report,
                       GOutputStream  *stream,
                       AttProgressFunc progress,
                       gpointer        progress_data,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autofree char *dir = g_dir_make_tmp ("attest-xlsx-XXXXXX", error);
  g_autofree char *path = NULL;
  gboolean         written;

  if (dir == NULL)
    return FALSE;
  path = g_build_filename (dir, "report.xlsx", NULL);
  written = write_workbook (path, dir, report, progress, progress_data, cancellable, error) &&
            copy_to_stream (path, stream, cancellable, error);
  g_unlink (path);
  g_rmdir (dir);
  return written;
}
