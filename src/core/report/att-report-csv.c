/* att-report-csv.c: a report as CSV, for spreadsheets and scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-report-columns.h"
#include "att-report-writer.h"

/*
 * RFC 4180: CRLF line ends, a header row, fields with a comma, a quote, a
 * CR or an LF between quotes and their quotes doubled.  UTF-8 with a byte
 * order mark: Excel reads a CSV file as the system's legacy code page
 * unless it starts with one, and LibreOffice, Python's "utf-8-sig" and
 * most tools skip it.
 *
 * A cell that a spreadsheet would run as a formula (one starting with =,
 * +, -, @, a tab or a carriage return: CSV injection) is neutralised as
 * OWASP recommends: a single quote goes before it, and the field is
 * quoted, so that it shows as text and its first character stays visible.
 */

#define UTF8_BOM "\xEF\xBB\xBF"

/* Progress is told this many times at most. */
#define PROGRESS_STEPS 100

static gboolean
is_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

static void
append_cell (GString    *line,
             const char *text)
{
  gboolean formula = is_formula (text);

  if (!formula && strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }

  g_string_append_c (line, '"');
  if (formula)
    g_string_append_c (line, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static void
append_header (GString *line)
{
  for (guint column = 0; column < ATT_REPORT_N_COLUMNS; column++)
    {
      if (column > 0)
        g_string_append_c (line, ',');
      append_cell (line, att_report_column_get_title (column));
    }
  g_string_append (line, "\r\n");
}

static void
append_row (GString      *line,
            AttReportRow *row)
{
  for (guint column = 0; column < ATT_REPORT_N_COLUMNS; column++)
    {
      g_autofree char *text = att_report_row_dup_text (row, column);

      if (column > 0)
        g_string_append_c (line, ',');
      append_cell (line, text);
    }
  g_string_append (line, "\r\n");
}

static gboolean
flush_line (GOutputStream *stream,
            GString       *line,
            GCancellable  *cancellable,
            GError       **error)
{
  gboolean written = g_output_stream_write_all (stream, line->str, line->len, NULL, cancellable, error);

  g_string_truncate (line, 0);
  return written;
}

/**
 * att_report_write_csv:
 *
 * Writes @report as CSV (see above): the header row, then one line per
 * row.  The missing parts and counts are not in the file: CSV has no
 * place for them that every reader skips.
 *
 * Returns: whether it was written
 */
gboolean
att_report_write_csv (AttReport      *report,
                      GOutputStream  *stream,
                      AttProgressFunc progress,
                      gpointer        progress_data,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(GString) line = g_string_new (UTF8_BOM);
  guint n = att_report_get_n_rows (report);
  guint step = MAX (n / PROGRESS_STEPS, 1);

  append_header (line);
  for (guint i = 0; i < n; i++)
    {
      append_row (line, att_report_get_row (report, i));
      if ((i + 1) % step != 0 && i + 1 < n)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !flush_line (stream, line, cancellable, error))
        return FALSE;
      if (progress != NULL)
        progress (i + 1, n, progress_data);
    }
  return flush_line (stream, line, cancellable, error);
}
