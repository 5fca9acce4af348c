/* att-report-pdf-layout.c: a report laid out on pages, drawn onto any
 * cairo context (a PDF surface, or a GtkPrintContext's)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "att-report-columns.h"
#include "att-report-pdf-heading.h"
#include "att-report-pdf-layout.h"
#include "att-report-row-private.h"

/*
 * Page 1 starts with the heading (att-report-pdf-heading.c); every page
 * then has the table's header row, as many whole rows as fit, and "Page N
 * of M" at the foot.  A row is never split across pages: a cell wraps,
 * and stops with an ellipsis after MAX_CELL_LINES lines, so that every
 * row fits on a page.  Text is laid out by Pango (right-to-left, accents,
 * fallback fonts) at 72 units per inch with unhinted metrics, so that the
 * pages are the same whatever context measures them.
 */

#define MARGIN         36.0
#define FOOTER_HEIGHT  20.0
#define CELL_PADDING   3.0
#define MAX_CELL_LINES 6
#define TABLE_FONT     "Sans 8"
#define HEADER_FONT    "Sans Bold 8"
/* The pictures' column, first, when the report shows them: a row with a
 * picture is at least as high as the column is wide. */
#define PICTURE_COLUMN 40.0
#define PICTURE_BOX    (PICTURE_COLUMN - 2 * CELL_PADDING)

static const AttReportColumn table_columns[] = {
  ATT_REPORT_COLUMN_PRODUCT_NAME,
  ATT_REPORT_COLUMN_GTIN,
  ATT_REPORT_COLUMN_STANDARD,
  ATT_REPORT_COLUMN_AUTHORITY,
  ATT_REPORT_COLUMN_CERTIFICATE_NUMBER,
  ATT_REPORT_COLUMN_DATE_ISSUED,
  ATT_REPORT_COLUMN_DATE_EXPIRES,
  ATT_REPORT_COLUMN_STATUS,
};

#define N_TABLE_COLUMNS G_N_ELEMENTS (table_columns)

/* Each column's share of the table's width. */
static const double column_shares[N_TABLE_COLUMNS] = { 0.25, 0.12, 0.13, 0.15, 0.13, 0.075, 0.075, 0.075 };

/* The PangoLayout of each column's current cell, set up for the column's
 * width.  The table's cells keep the layouts they made by text (standards,
 * issuing bodies, dates and statuses repeat), so that measuring the pages
 * then drawing them lays most texts out once. */
/* Layouts kept by text, at most, in each column. */
#define MAX_CACHED 2048

typedef struct
{
  PangoContext *context;
  PangoLayout  *cells[N_TABLE_COLUMNS];
  GHashTable   *cache[N_TABLE_COLUMNS];
} Cells;

struct _AttReportLayout
{
  GObject              parent_instance;

  AttReport           *report;
  AttReportThumbnails *thumbnails;
  double               picture_width;
  double               width;
  double               height;
  /* Each page's end: the index after its last row. */
  GArray              *page_ends;
  /* Each row's height, in points, as laid out. */
  GArray              *row_heights;
  Cells                table;
  Cells                header;
  double               heading_height;
  double               header_height;
  /* Pagination so far: the next row to lay out, and where it goes. */
  gboolean             started;
  guint                next_row;
  double               y;
};

G_DEFINE_FINAL_TYPE (AttReportLayout, att_report_layout, G_TYPE_OBJECT)


static PangoContext *
context_new (cairo_t *cr)
{
  PangoContext         *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_destroy (options);
  return context;
}

static double
table_width (AttReportLayout *self)
{
  return self->width - 2 * MARGIN;
}

/* The width the text columns share. */
static double
text_width (AttReportLayout *self)
{
  return table_width (self) - self->picture_width;
}

static double
column_x (AttReportLayout *self,
          guint            column)
{
  double x = MARGIN + self->picture_width;

  for (guint i = 0; i < column; i++)
    x += column_shares[i] * text_width (self);
  return x;
}

static void
cells_init (Cells           *cells,
            AttReportLayout *self,
            cairo_t         *cr,
            const char      *font)
{
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  cells->context = context_new (cr);
  for (guint i = 0; i < N_TABLE_COLUMNS; i++)
    {
      PangoLayout *layout = pango_layout_new (cells->context);

      pango_layout_set_font_description (layout, description);
      pango_layout_set_width (layout,
                              (column_shares[i] * text_width (self) - 2 * CELL_PADDING) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -MAX_CELL_LINES);
      cells->cells[i] = layout;
    }
}

static void
cells_clear (Cells *cells)
{
  for (guint i = 0; i < N_TABLE_COLUMNS; i++)
    {
      g_clear_object (&cells->cells[i]);
      g_clear_pointer (&cells->cache[i], g_hash_table_unref);
    }
  g_clear_object (&cells->context);
}

/* A layout of @text (taken) for @column, from the cache or new. */
static PangoLayout *
cells_cache_lookup (Cells *cells,
                    guint  column,
                    char  *text)
{
  GHashTable  *cache = cells->cache[column];
  PangoLayout *layout = g_hash_table_lookup (cache, text);

  if (layout != NULL)
    {
      g_free (text);
      return layout;
    }
  layout = pango_layout_copy (cells->cells[column]);
  pango_layout_set_text (layout, text, -1);
  if (g_hash_table_size (cache) >= MAX_CACHED)
    g_hash_table_remove_all (cache);
  g_hash_table_insert (cache, text, layout);
  return layout;
}

/* Sets a cell's text (taking it); returns its height in Pango units. */
static int
cells_set_cell (Cells *cells,
                guint  column,
                char  *text)
{
  int height;

  if (cells->cache[column] != NULL)
    g_set_object (&cells->cells[column], cells_cache_lookup (cells, column, text));
  else
    {
      pango_layout_set_text (cells->cells[column], text, -1);
      g_free (text);
    }
  pango_layout_get_size (cells->cells[column], NULL, &height);
  return height;
}

/* Sets each cell's text; returns the row's height. */
static double
cells_set_row (Cells        *cells,
               AttReportRow *row)
{
  int height = 0;

  for (guint i = 0; i < N_TABLE_COLUMNS; i++)
    height = MAX (height, cells_set_cell (cells, i, att_report_row_dup_text (row, table_columns[i])));
  return (double) height / PANGO_SCALE + 2 * CELL_PADDING;
}

static double
cells_set_header (Cells *cells)
{
  int height = 0;

  for (guint i = 0; i < N_TABLE_COLUMNS; i++)
    {
      int cell_height;

      pango_layout_set_text (cells->cells[i], att_report_column_get_title (table_columns[i]), -1);
      pango_layout_get_size (cells->cells[i], NULL, &cell_height);
      height = MAX (height, cell_height);
    }
  return (double) height / PANGO_SCALE + 2 * CELL_PADDING;
}

/* Draws the first @n_columns cells. */
static void
cells_show (Cells           *cells,
            AttReportLayout *self,
            cairo_t         *cr,
            double           y,
            guint            n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      cairo_move_to (cr, column_x (self, i) + CELL_PADDING, y + CELL_PADDING);
      pango_cairo_show_layout (cr, cells->cells[i]);
    }
}

/* The header row's cells, made and measured on first use. */
static Cells *
header_cells (AttReportLayout *self,
              cairo_t         *cr)
{
  if (self->header.context == NULL)
    {
      cells_init (&self->header, self, cr, HEADER_FONT);
      self->header_height = cells_set_header (&self->header);
    }
  return &self->header;
}

static double
table_bottom (AttReportLayout *self)
{
  return self->height - MARGIN - FOOTER_HEIGHT;
}

/* The table's cells, made on first use with @cr's context. */
static Cells *
table_cells (AttReportLayout *self,
             cairo_t         *cr)
{
  if (self->table.context != NULL)
    return &self->table;
  cells_init (&self->table, self, cr, TABLE_FONT);
  for (guint i = 0; i < N_TABLE_COLUMNS; i++)
    self->table.cache[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return &self->table;
}

static void
paginate_start (AttReportLayout *self,
                cairo_t         *cr)
{
  self->heading_height = att_report_pdf_heading_draw (self->report, cr, MARGIN, MARGIN, table_width (self), FALSE);
  header_cells (self, cr);
  self->y = MARGIN + self->heading_height + self->header_height;
  self->started = TRUE;
}

/* Lays out the next row, starting a page if it does not fit. */
static void
paginate_row (AttReportLayout *self,
              Cells           *cells)
{
  guint         i = self->next_row++;
  AttReportRow *row = att_report_get_row (self->report, i);
  float         height = cells_set_row (cells, row);
  guint         page_start = self->page_ends->len > 0 ? g_array_index (self->page_ends, guint, self->page_ends->len - 1) : 0;

  /* Known without decoding: whether the row's certificate has a file. */
  if (self->thumbnails != NULL && _att_report_row_has_picture (row))
    height = MAX (height, PICTURE_BOX + 2 * CELL_PADDING);
  if (self->y + height > table_bottom (self) && i > page_start)
    {
      g_array_append_val (self->page_ends, i);
      self->y = MARGIN + self->header_height;
    }
  self->y += height;
  g_array_append_val (self->row_heights, height);
}

static gboolean
paginated (AttReportLayout *self)
{
  return self->started && self->next_row == G_MAXUINT;
}

/**
 * att_report_layout_paginate:
 * @measure_cr: a context to measure text with, such as the one the pages
 *   will be drawn on
 * @max_rows: how many rows to lay out at most in this call
 *
 * Lays out the next @max_rows rows, so that a caller on the main thread
 * (printing) can lay a long report out in steps.
 *
 * Returns: %TRUE when every row is laid out
 */
gboolean
att_report_layout_paginate (AttReportLayout *self,
                            cairo_t         *measure_cr,
                            guint            max_rows)
{
  guint  n;
  Cells *cells;

  g_return_val_if_fail (ATT_IS_REPORT_LAYOUT (self), TRUE);
  g_return_val_if_fail (measure_cr != NULL, TRUE);

  if (paginated (self))
    return TRUE;
  if (!self->started)
    paginate_start (self, measure_cr);
  n = att_report_get_n_rows (self->report);
  cells = table_cells (self, measure_cr);
  for (guint done = 0; done < max_rows && self->next_row < n; done++)
    paginate_row (self, cells);
  if (self->next_row < n)
    return FALSE;
  g_array_append_val (self->page_ends, n);
  self->next_row = G_MAXUINT;
  return TRUE;
}

/**
 * att_report_layout_get_n_pages:
 * @measure_cr: a context to measure text with, such as the one the pages
 *   will be drawn on
 *
 * Lays the rest of the report out, once.
 *
 * Returns: the number of pages, at least one
 */
guint
att_report_layout_get_n_pages (AttReportLayout *self,
                               cairo_t         *measure_cr)
{
  g_return_val_if_fail (ATT_IS_REPORT_LAYOUT (self), 0);
  g_return_val_if_fail (measure_cr != NULL, 0);

  att_report_layout_paginate (self, measure_cr, G_MAXUINT);
  return self->page_ends->len;
}

/**
 * att_report_layout_get_page_end:
 *
 * Returns: the index after the last row on @page (so the rows drawn up
 *   to it), once att_report_layout_get_n_pages() has laid them out
 */
guint
att_report_layout_get_page_end (AttReportLayout *self,
                                guint            page)
{
  g_return_val_if_fail (ATT_IS_REPORT_LAYOUT (self), 0);
  g_return_val_if_fail (page < self->page_ends->len, 0);

  return g_array_index (self->page_ends, guint, page);
}

static void
draw_header (AttReportLayout *self,
             cairo_t         *cr,
             double           y)
{
  Cells *header = header_cells (self, cr);

  cairo_set_source_rgb (cr, 0.86, 0.89, 0.93);
  cairo_rectangle (cr, MARGIN, y, table_width (self), self->header_height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cells_show (header, self, cr, y, N_TABLE_COLUMNS);
}

static void
set_status_color (cairo_t             *cr,
                  AttCertificateStatus status)
{
  if (status == ATT_CERTIFICATE_STATUS_EXPIRED)
    cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
  else if (status == ATT_CERTIFICATE_STATUS_EXPIRING)
    cairo_set_source_rgb (cr, 0.6, 0.35, 0.0);
  else
    cairo_set_source_rgb (cr, 0, 0, 0);
}

static float
row_height (AttReportLayout *self,
            guint            index)
{
  return g_array_index (self->row_heights, float, index);
}

/* Every other row's background, as one path: one fill a page. */
static void
draw_stripes (AttReportLayout *self,
              cairo_t         *cr,
              guint            start,
              guint            end,
              double           y)
{
  for (guint i = start; i < end; i++)
    {
      if (i % 2 == 1)
        cairo_rectangle (cr, MARGIN, y, table_width (self), row_height (self, i));
      y += row_height (self, i);
    }
  cairo_set_source_rgb (cr, 0.96, 0.96, 0.97);
  cairo_fill (cr);
}

/* @picture scaled into the row's picture cell, centred, with a thin
 * border. */
static void
draw_picture (AttReportLayout *self,
              cairo_t         *cr,
              cairo_surface_t *picture,
              double           y,
              double           height)
{
  double width_px = cairo_image_surface_get_width (picture);
  double height_px = cairo_image_surface_get_height (picture);
  double scale = MIN (PICTURE_BOX / width_px, PICTURE_BOX / height_px);
  double x = MARGIN + (PICTURE_COLUMN - width_px * scale) / 2;

  y += (height - height_px * scale) / 2;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, width_px, height_px);
  cairo_set_source_surface (cr, picture, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_rectangle (cr, x, y, width_px * scale, height_px * scale);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
}

static void
draw_row (AttReportLayout *self,
          Cells           *cells,
          cairo_t         *cr,
          guint            index,
          double           y)
{
  AttReportRow    *row = att_report_get_row (self->report, index);
  cairo_surface_t *picture;

  cells_set_row (cells, row);
  cairo_set_source_rgb (cr, 0, 0, 0);
  /* The status last, in its colour. */
  cells_show (cells, self, cr, y, N_TABLE_COLUMNS - 1);
  set_status_color (cr, att_report_row_get_status (row));
  cairo_move_to (cr, column_x (self, N_TABLE_COLUMNS - 1) + CELL_PADDING, y + CELL_PADDING);
  pango_cairo_show_layout (cr, cells->cells[N_TABLE_COLUMNS - 1]);
  if (self->thumbnails != NULL && (picture = att_report_thumbnails_get (self->thumbnails, row)) != NULL)
    draw_picture (self, cr, picture, y, row_height (self, index));
}

static void
draw_footer (AttReportLayout *self,
             cairo_t         *cr,
             guint            page)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (table_cells (self, cr)->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (TABLE_FONT);
  /* Translators: at the foot of each page of a report */
  g_autofree char *text = g_strdup_printf (C_ ("report", "Page %u of %u"), page + 1, self->page_ends->len);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, table_width (self) * PANGO_SCALE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, MARGIN, self->height - MARGIN - FOOTER_HEIGHT / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_rows (AttReportLayout *self,
           cairo_t         *cr,
           guint            page,
           double           y)
{
  Cells *cells = table_cells (self, cr);
  guint  start = page > 0 ? g_array_index (self->page_ends, guint, page - 1) : 0;
  guint  end = g_array_index (self->page_ends, guint, page);

  draw_stripes (self, cr, start, end, y);
  for (guint i = start; i < end; i++)
    {
      draw_row (self, cells, cr, i, y);
      y += row_height (self, i);
    }
}

/**
 * att_report_layout_draw_page:
 * @cr: the context to draw on, its origin at the page's top left corner,
 *   in points
 * @page: the page, from 0
 *
 * Draws @page, laying the report out first if need be.
 */
void
att_report_layout_draw_page (AttReportLayout *self,
                             cairo_t         *cr,
                             guint            page)
{
  double y = MARGIN;

  g_return_if_fail (ATT_IS_REPORT_LAYOUT (self));
  g_return_if_fail (cr != NULL);

  if (page >= att_report_layout_get_n_pages (self, cr))
    return;
  cairo_save (cr);
  if (page == 0)
    y += att_report_pdf_heading_draw (self->report, cr, MARGIN, MARGIN, table_width (self), TRUE);
  draw_header (self, cr, y);
  draw_rows (self, cr, page, y + self->header_height);
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

static void
att_report_layout_finalize (GObject *object)
{
  AttReportLayout *self = ATT_REPORT_LAYOUT (object);

  g_object_unref (self->report);
  g_clear_object (&self->thumbnails);
  g_array_unref (self->page_ends);
  g_array_unref (self->row_heights);
  cells_clear (&self->table);
  cells_clear (&self->header);

  G_OBJECT_CLASS (att_report_layout_parent_class)->finalize (object);
}

static void
att_report_layout_class_init (AttReportLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = att_report_layout_finalize;
}

static void
att_report_layout_init (AttReportLayout *self)
{
  self->page_ends = g_array_new (FALSE, FALSE, sizeof (guint));
  self->row_heights = g_array_new (FALSE, FALSE, sizeof (float));
}

/**
 * att_report_layout_new:
 * @page_width_pt: the page's width, in points
 * @page_height_pt: the page's height, in points
 *
 * Returns: (transfer full): @report's layout on pages of that size
 */
AttReportLayout *
att_report_layout_new (AttReport *report,
                       double     page_width_pt,
                       double     page_height_pt)
{
  AttReportLayout *self;

  g_return_val_if_fail (ATT_IS_REPORT (report), NULL);
  g_return_val_if_fail (page_width_pt > 4 * MARGIN && page_height_pt > 4 * MARGIN, NULL);

  self = g_object_new (ATT_TYPE_REPORT_LAYOUT, NULL);
  self->report = g_object_ref (report);
  self->width = page_width_pt;
  self->height = page_height_pt;
  return self;
}

/**
 * att_report_layout_set_thumbnails:
 * @thumbnails: (nullable): the pictures of the report's certificates, or
 *   %NULL for none
 *
 * Gives the table a narrow first column with each Higg certificate's
 * picture, and each row with a picture file the height of one, so that
 * laying the pages out decodes nothing.  Call it before the layout is
 * measured; load the pictures of a page's rows
 * (att_report_thumbnails_load_rows() or att_report_thumbnails_load_async())
 * before drawing it: a picture not loaded is an empty cell.
 */
void
att_report_layout_set_thumbnails (AttReportLayout     *self,
                                  AttReportThumbnails *thumbnails)
{
  g_return_if_fail (ATT_IS_REPORT_LAYOUT (self));
  g_return_if_fail (thumbnails == NULL || ATT_IS_REPORT_THUMBNAILS (thumbnails));
  g_return_if_fail (!self->started && self->table.context == NULL && self->header.context == NULL);

  g_set_object (&self->thumbnails, thumbnails);
  self->picture_width = thumbnails != NULL ? PICTURE_COLUMN : 0;
}
