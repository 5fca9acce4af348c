/* att-report-pdf-heading.c: the heading on a PDF report's first page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "att-report-pdf-heading.h"

/*
 * The title, the account(s), the date, the filters and the counts, then
 * the parts missing from the report (a service that could not be reached)
 * in a framed box, so that an incomplete report cannot pass for a whole
 * one.
 */

#define TITLE_FONT   "Sans Bold 18"
#define TEXT_FONT    "Sans 10"
#define BOLD_FONT    "Sans Bold 10"
#define LINE_SPACING 4.0
#define BOX_PADDING  6.0
/* The accounts named before "…". */
#define MAX_ACCOUNTS 5

typedef struct
{
  cairo_t *cr;
  double   x;
  double   y;
  double   width;
  gboolean draw;
} Pen;

/* Lays @text out at the pen's place, draws it if the pen draws, and moves
 * the pen below it. */
static void
pen_write (Pen        *pen,
           const char *font,
           const char *text)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pen->cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  cairo_font_options_t *options = cairo_font_options_create ();
  int                   height;

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, pen->width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, NULL, &height);
  if (pen->draw)
    {
      cairo_move_to (pen->cr, pen->x, pen->y);
      pango_cairo_show_layout (pen->cr, layout);
    }
  pen->y += (double) height / PANGO_SCALE + LINE_SPACING;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

/* The accounts of the rows, when the filter names none (the filter's
 * description names it). */
static char *
dup_accounts (AttReport *report)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **names = NULL;
  guint                   n;

  for (guint i = 0; i < att_report_get_n_rows (report); i++)
    g_hash_table_add (seen, (gpointer) att_report_row_get_account (att_report_get_row (report, i)));
  g_hash_table_remove (seen, "");
  names = (const char **) g_hash_table_get_keys_as_array (seen, &n);
  qsort (names, n, sizeof (char *), compare_strings);
  if (n > MAX_ACCOUNTS)
    names[MAX_ACCOUNTS] = "…";
  names[MIN (n, MAX_ACCOUNTS + 1)] = NULL;
  return g_strjoinv (", ", (char **) names);
}

static void
write_accounts (Pen       *pen,
                AttReport *report)
{
  g_autofree char *accounts = NULL;
  g_autofree char *line = NULL;

  if (att_report_get_filter (report)->account != NULL)
    return;
  accounts = dup_accounts (report);
  if (accounts[0] == '\0')
    return;
  /* Translators: %s is a list of accounts */
  line = g_strdup_printf (C_ ("report", "Accounts: %s"), accounts);
  pen_write (pen, TEXT_FONT, line);
}

static void
write_date_and_filters (Pen       *pen,
                        AttReport *report)
{
  g_auto(GStrv) filters = att_report_filter_describe (att_report_get_filter (report));
  g_autoptr(GDateTime) now = g_date_time_to_utc (att_report_get_now (report));
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M UTC");
  g_autofree char *joined = g_strjoinv ("; ", filters);
  g_autofree char *line = NULL;

  /* Translators: %s is a date and time, such as 2026-06-01 09:30 UTC */
  line = g_strdup_printf (C_ ("report", "Generated on %s"), date);
  pen_write (pen, TEXT_FONT, line);
  g_clear_pointer (&line, g_free);
  /* Translators: %s is the filters a report was made with */
  line = g_strdup_printf (C_ ("report", "Filters: %s"), filters[0] != NULL ? joined : C_ ("report", "Every certificate"));
  pen_write (pen, TEXT_FONT, line);
}

static char *
dup_count (const char *label,
           guint       count)
{
  /* Translators: a label and its count, such as “Expired: 3” */
  return g_strdup_printf (C_ ("report", "%s: %u"), label, count);
}

/* "Label: count · Label: count", for each status or each standard. */
static char *
dup_status_counts (AttReport *report)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_null_terminated (4, g_free, TRUE);

  for (AttCertificateStatus status = ATT_CERTIFICATE_STATUS_UNKNOWN; status <= ATT_CERTIFICATE_STATUS_EXPIRED;
       status++)
    g_ptr_array_add (parts, dup_count (att_certificate_status_get_label (status), att_report_count_status (report, status)));
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static char *
dup_standard_counts (AttReport *report)
{
  g_auto(GStrv) standards = att_report_dup_standards (report);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_null_terminated (8, g_free, TRUE);

  for (guint i = 0; standards[i] != NULL; i++)
    g_ptr_array_add (parts, dup_count (standards[i], att_report_count_standard (report, standards[i])));
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
write_counts (Pen       *pen,
              AttReport *report)
{
  g_autofree char *rows = dup_count (C_ ("report", "Rows"), att_report_get_n_rows (report));
  g_autofree char *statuses = dup_status_counts (report);
  g_autofree char *standards = dup_standard_counts (report);

  pen_write (pen, BOLD_FONT, rows);
  pen_write (pen, TEXT_FONT, statuses);
  if (standards[0] != '\0')
    pen_write (pen, TEXT_FONT, standards);
}

static void
write_missing (Pen       *pen,
               AttReport *report)
{
  const char *const *parts = att_report_get_missing_parts (report);
  double             top = pen->y + LINE_SPACING;
  Pen                inner = { pen->cr, pen->x + BOX_PADDING, top + BOX_PADDING, pen->width - 2 * BOX_PADDING,
                               pen->draw };

  if (parts == NULL || parts[0] == NULL)
    return;
  if (pen->draw)
    cairo_set_source_rgb (pen->cr, 0.6, 0.1, 0.1);
  pen_write (&inner, BOLD_FONT, C_ ("report", "Missing from this report"));
  for (guint i = 0; parts[i] != NULL; i++)
    pen_write (&inner, TEXT_FONT, parts[i]);
  if (pen->draw)
    {
      cairo_set_line_width (pen->cr, 1.5);
      cairo_rectangle (pen->cr, pen->x, top, pen->width, inner.y - top + BOX_PADDING - LINE_SPACING);
      cairo_stroke (pen->cr);
      cairo_set_source_rgb (pen->cr, 0, 0, 0);
    }
  pen->y = inner.y + BOX_PADDING;
}

/**
 * att_report_pdf_heading_draw:
 * @x: @y: the heading's top left corner, in points
 * @width: its width, in points
 * @draw: %FALSE to only measure it
 *
 * Draws @report's heading, or measures it.
 *
 * Returns: its height, with the space below it
 */
double
att_report_pdf_heading_draw (AttReport *report,
                             cairo_t   *cr,
                             double     x,
                             double     y,
                             double     width,
                             gboolean   draw)
{
  Pen pen = { cr, x, y, width, draw };

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  pen_write (&pen, TITLE_FONT, C_ ("report", "Certificate report"));
  write_accounts (&pen, report);
  write_date_and_filters (&pen, report);
  write_counts (&pen, report);
  write_missing (&pen, report);
  cairo_restore (cr);
  return pen.y - y + 2 * LINE_SPACING;
}
