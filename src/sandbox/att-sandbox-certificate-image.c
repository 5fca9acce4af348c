/* att-sandbox-certificate-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "att-sandbox-certificate-image.h"
#include "att-sandbox-png.h"

/*
 * A demo certificate looks like the scans users attach: an A4-ish page
 * (800 x 1100) with the scheme's colour in its border, the standard as
 * title, the certificate number, the holder (the demo brand), the issuing
 * body, the dates, a seal and a signature, and a line saying it is a
 * demo.  Certificates that cover several products get a second page, the
 * annex that lists them.  Three inks only (text, the scheme's colour, the
 * signature's blue), so that att-sandbox-png.c writes them small and fast.
 */

#define WIDTH  800
#define HEIGHT 1100
#define MARGIN 90

#define HOLDER         "Attest Demo Brand"
#define HOLDER_ADDRESS "12 Rue de l’Exemple, 75011 Paris, France"

enum { INK_TEXT,
       INK_ACCENT,
       INK_SIGNATURE,
       N_INKS };

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  AttSandboxPngInk inks[N_INKS];
} Page;

static void
page_init (Page                             *page,
           const AttSandboxCertificateImage *image)
{
  const AttSandboxPngInk text = { { 0.12, 0.14, 0.18 } };
  const AttSandboxPngInk signature = { { 0.10, 0.20, 0.58 } };

  page->inks[INK_TEXT] = text;
  memcpy (page->inks[INK_ACCENT].rgb, image->colour, sizeof page->inks[INK_ACCENT].rgb);
  page->inks[INK_SIGNATURE] = signature;

  page->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  page->cr = cairo_create (page->surface);
  cairo_set_source_rgb (page->cr, 1, 1, 1);
  cairo_paint (page->cr);
}

static GBytes *
page_finish (Page *page)
{
  GBytes *png;

  cairo_destroy (page->cr);
  png = att_sandbox_png_encode (page->surface, page->inks, N_INKS);
  cairo_surface_destroy (page->surface);
  return png;
}

static void
use_ink (Page  *page,
         guint  ink,
         double alpha)
{
  const double *rgb = page->inks[ink].rgb;

  cairo_set_source_rgba (page->cr, rgb[0], rgb[1], rgb[2], alpha);
}

static void
use_font (Page       *page,
          const char *family,
          gboolean    bold,
          gboolean    italic,
          double      size)
{
  cairo_select_font_face (page->cr, family,
                          italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (page->cr, size);
}

/* Shows @text centred on the page, its baseline at @y. */
static void
show_centred (Page       *page,
              const char *text,
              double      y)
{
  cairo_text_extents_t extents;

  cairo_text_extents (page->cr, text, &extents);
  cairo_move_to (page->cr, (WIDTH - extents.x_advance) / 2, y);
  cairo_show_text (page->cr, text);
}

/* Shows @text centred, broken into lines no wider than the text column;
 * returns the baseline of the line after. */
static double
show_wrapped (Page       *page,
              const char *text,
              double      y,
              double      line_height)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char     *candidate = line->len > 0 ? g_strconcat (line->str, " ", words[i], NULL) : g_strdup (words[i]);
      cairo_text_extents_t extents;

      cairo_text_extents (page->cr, candidate, &extents);
      if (extents.x_advance > WIDTH - 2 * MARGIN && line->len > 0)
        {
          show_centred (page, line->str, y);
          y += line_height;
          g_string_assign (line, words[i]);
        }
      else
        g_string_assign (line, candidate);
    }

  if (line->len > 0)
    show_centred (page, line->str, y);
  return y + line_height;
}

/* "12 March 2024", in English whatever the locale: certificates are. */
static char *
format_date (gint64 ms)
{
  static const char *const months[] = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  };
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (ms / 1000);

  if (date == NULL)
    return g_strdup ("?");
  return g_strdup_printf ("%d %s %d", g_date_time_get_day_of_month (date),
                          months[g_date_time_get_month (date) - 1], g_date_time_get_year (date));
}

static void
draw_frame (Page *page)
{
  cairo_t *cr = page->cr;

  use_ink (page, INK_ACCENT, 1.0);
  cairo_set_line_width (cr, 14);
  cairo_rectangle (cr, 22, 22, WIDTH - 44, HEIGHT - 44);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, 40, 40, WIDTH - 80, HEIGHT - 80);
  cairo_stroke (cr);

  /* A faint band behind the header. */
  use_ink (page, INK_ACCENT, 0.12);
  cairo_rectangle (cr, 41, 41, WIDTH - 82, 88);
  cairo_fill (cr);
}

static void
draw_footer (Page *page)
{
  use_ink (page, INK_TEXT, 0.55);
  use_font (page, "sans-serif", FALSE, FALSE, 12);
  show_centred (page, "Demo certificate drawn by attest-sandbox for Attest’s tests and demo. Not a real certificate.",
                HEIGHT - 56);
}

static void
draw_seal (Page       *page,
           const char *year)
{
  cairo_t *cr = page->cr;
  double   x = WIDTH - 200, y = HEIGHT - 230;

  use_ink (page, INK_ACCENT, 0.15);
  cairo_arc (cr, x, y, 78, 0, 2 * G_PI);
  cairo_fill (cr);
  use_ink (page, INK_ACCENT, 1.0);
  cairo_set_line_width (cr, 5);
  cairo_arc (cr, x, y, 78, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_arc (cr, x, y, 66, 0, 2 * G_PI);
  cairo_stroke (cr);

  /* A twelve-pointed star, with the word and the year over it. */
  for (guint i = 0; i < 24; i++)
    {
      double angle = i * G_PI / 12 - G_PI / 2;
      double radius = i % 2 == 0 ? 22 : 11;

      cairo_line_to (cr, x + radius * cos (angle), y - 18 + radius * sin (angle));
    }
  cairo_close_path (cr);
  cairo_fill (cr);

  use_font (page, "sans-serif", TRUE, FALSE, 15);
  cairo_move_to (cr, x - 44, y + 26);
  cairo_show_text (cr, "CERTIFIED");
  use_font (page, "sans-serif", FALSE, FALSE, 13);
  cairo_move_to (cr, x - 16, y + 46);
  cairo_show_text (cr, year);
}

static void
draw_signature (Page       *page,
                const char *proof_body)
{
  cairo_t *cr = page->cr;
  double   x = MARGIN + 10, y = HEIGHT - 200;

  use_ink (page, INK_SIGNATURE, 1.0);
  cairo_set_line_width (cr, 2.2);
  cairo_move_to (cr, x, y);
  cairo_curve_to (cr, x + 30, y - 60, x + 50, y + 30, x + 80, y - 20);
  cairo_curve_to (cr, x + 100, y - 55, x + 110, y + 10, x + 150, y - 10);
  cairo_curve_to (cr, x + 170, y - 20, x + 190, y + 5, x + 230, y - 15);
  cairo_stroke (cr);

  use_ink (page, INK_TEXT, 1.0);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, y + 14);
  cairo_line_to (cr, x + 260, y + 14);
  cairo_stroke (cr);
  use_font (page, "serif", FALSE, TRUE, 14);
  cairo_move_to (cr, x, y + 34);
  cairo_show_text (cr, "Authorised signatory");
  cairo_move_to (cr, x, y + 52);
  cairo_show_text (cr, proof_body);
}

static double
draw_heading (Page                             *page,
              const AttSandboxCertificateImage *image,
              const char                       *title)
{
  g_autofree char *authority = g_utf8_strup (image->authority, -1);
  double           y;

  use_ink (page, INK_ACCENT, 1.0);
  use_font (page, "sans-serif", TRUE, FALSE, 17);
  show_centred (page, authority, 94);

  use_ink (page, INK_TEXT, 1.0);
  use_font (page, "serif", TRUE, FALSE, 44);
  show_centred (page, title, 205);

  use_ink (page, INK_ACCENT, 1.0);
  use_font (page, "sans-serif", TRUE, FALSE, 25);
  y = show_wrapped (page, image->standard, 258, 34);

  cairo_set_line_width (page->cr, 1.5);
  cairo_move_to (page->cr, MARGIN + 80, y - 12);
  cairo_line_to (page->cr, WIDTH - MARGIN - 80, y - 12);
  cairo_stroke (page->cr);
  return y + 26;
}

/**
 * att_sandbox_certificate_image_page:
 *
 * Returns: (transfer full): the certificate page, as a PNG file
 */
GBytes *
att_sandbox_certificate_image_page (const AttSandboxCertificateImage *image)
{
  g_autofree char *number = g_strdup_printf ("Certificate number: %s", image->assertion_id);
  g_autofree char *issued = format_date (image->date_issued_ms);
  g_autofree char *expires = format_date (image->date_expires_ms);
  g_autofree char *issued_line = g_strdup_printf ("Date of issue: %s", issued);
  g_autofree char *expires_line = g_strdup_printf ("Valid until: %s", expires);
  g_autofree char *year = g_strndup (issued + strlen (issued) - 4, 4);
  Page             page;
  double           y;

  page_init (&page, image);
  draw_frame (&page);
  y = draw_heading (&page, image, "CERTIFICATE");

  use_ink (&page, INK_TEXT, 1.0);
  use_font (&page, "serif", TRUE, FALSE, 20);
  show_centred (&page, number, y);
  use_font (&page, "serif", FALSE, TRUE, 18);
  show_centred (&page, "This is to certify that", y + 56);
  use_font (&page, "serif", TRUE, FALSE, 34);
  show_centred (&page, HOLDER, y + 104);
  use_font (&page, "serif", FALSE, FALSE, 16);
  show_centred (&page, HOLDER_ADDRESS, y + 132);
  use_font (&page, "serif", FALSE, TRUE, 18);
  show_centred (&page, "has been assessed by", y + 180);
  use_font (&page, "serif", TRUE, FALSE, 22);
  show_centred (&page, image->proof_body, y + 214);
  use_font (&page, "serif", FALSE, TRUE, 18);
  show_centred (&page, "and found to comply with the standard above for", y + 262);
  use_font (&page, "serif", TRUE, FALSE, 20);
  y = show_wrapped (&page, image->certificate_name, y + 296, 28);

  use_font (&page, "serif", FALSE, FALSE, 18);
  cairo_move_to (page.cr, MARGIN + 10, y + 40);
  cairo_show_text (page.cr, issued_line);
  cairo_move_to (page.cr, MARGIN + 10, y + 68);
  cairo_show_text (page.cr, expires_line);

  draw_seal (&page, year);
  draw_signature (&page, image->proof_body);
  draw_footer (&page);
  return page_finish (&page);
}

/**
 * att_sandbox_certificate_image_annex:
 *
 * Returns: (transfer full): the annex page listing the products, as a PNG
 *   file
 */
GBytes *
att_sandbox_certificate_image_annex (const AttSandboxCertificateImage *image)
{
  g_autofree char *title = g_strdup_printf ("Annex 1 to certificate %s", image->assertion_id);
  Page             page;
  double           y;

  page_init (&page, image);
  draw_frame (&page);
  y = draw_heading (&page, image, "ANNEX");

  use_ink (&page, INK_TEXT, 1.0);
  use_font (&page, "serif", TRUE, FALSE, 20);
  show_centred (&page, title, y);
  use_font (&page, "serif", FALSE, TRUE, 17);
  show_centred (&page, "Products of " HOLDER " covered by this certificate", y + 34);

  y += 84;
  use_font (&page, "serif", FALSE, FALSE, 17);
  for (guint i = 0; image->products != NULL && image->products[i] != NULL && y < HEIGHT - 120; i++, y += 38)
    {
      g_autofree char *line = g_strdup_printf ("%u.  %s", i + 1, image->products[i]);

      use_ink (&page, INK_ACCENT, 0.35);
      cairo_set_line_width (page.cr, 1);
      cairo_move_to (page.cr, MARGIN, y + 13);
      cairo_line_to (page.cr, WIDTH - MARGIN, y + 13);
      cairo_stroke (page.cr);
      use_ink (&page, INK_TEXT, 1.0);
      cairo_move_to (page.cr, MARGIN + 10, y);
      cairo_show_text (page.cr, line);
    }

  draw_footer (&page);
  return page_finish (&page);
}
