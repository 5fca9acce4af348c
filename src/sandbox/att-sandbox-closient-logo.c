/* att-sandbox-closient-logo.c: the logos of the demo catalogue, drawn with
 * cairo when first asked for, and served at /_sandbox/closient-logos/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "att-sandbox-closient-logo.h"
#include "att-sandbox-closient-private.h"
#include "att-sandbox-json.h"
#include "att-sandbox-png.h"
#include "att-sandbox-private.h"

/*
 * No real mark is copied: each logo is a seal in the colour of its
 * certification, with its short name in white, so that the list's logo
 * column has something to load (and to cache) without a trademark in the
 * repository.  A seal is one ink on white, which the sandbox's palette
 * PNG writer (att-sandbox-png.c) stores in two or three kilobytes.  The
 * seed stores what each logo shows; the first request draws it (2-3 ms)
 * and keeps it in the store, so the sandbox's start does not pay for
 * 34 logos that a session may never show.
 */

#define SIZE 128

/* Shows @text centred at (@x, @y), as large as fits @width. */
static void
show_fitted (cairo_t    *cr,
             const char *text,
             double      x,
             double      y,
             double      width)
{
  cairo_text_extents_t extents;
  double               size = 44;

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, size);
  cairo_text_extents (cr, text, &extents);
  if (extents.width > width)
    {
      size *= width / extents.width;
      cairo_set_font_size (cr, size);
      cairo_text_extents (cr, text, &extents);
    }
  cairo_move_to (cr, x - extents.x_bearing - extents.width / 2, y - extents.y_bearing - extents.height / 2);
  cairo_show_text (cr, text);
}

/**
 * att_sandbox_closient_logo_draw:
 * @text: the short name to show, e.g. "GOTS"
 * @rgb: the seal's colour, each channel in [0, 1]
 *
 * Returns: (transfer full): a 128 × 128 PNG
 */
GBytes *
att_sandbox_closient_logo_draw (const char   *text,
                                const double *rgb)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, SIZE, SIZE);
  cairo_t         *cr = cairo_create (surface);
  AttSandboxPngInk ink = { { rgb[0], rgb[1], rgb[2] } };
  GBytes          *png;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_arc (cr, SIZE / 2.0, SIZE / 2.0, SIZE / 2.0 - 4, 0, 2 * G_PI);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 3);
  cairo_arc (cr, SIZE / 2.0, SIZE / 2.0, SIZE / 2.0 - 12, 0, 2 * G_PI);
  cairo_stroke (cr);
  show_fitted (cr, text, SIZE / 2.0, SIZE / 2.0, SIZE - 44);

  cairo_destroy (cr);
  png = att_sandbox_png_encode (surface, &ink, 1);
  cairo_surface_destroy (surface);
  return png;
}

/**
 * att_sandbox_closient_logo_parse_colour:
 * @text: `#rrggbb`
 * @rgb: (out caller-allocates) (array fixed-size=3): the colour
 *
 * Returns: whether @text is such a colour
 */
gboolean
att_sandbox_closient_logo_parse_colour (const char *text,
                                        double     *rgb)
{
  guint64 value;

  if (text == NULL || text[0] != '#' || strlen (text) != 7 ||
      !g_ascii_string_to_unsigned (text + 1, 16, 0, 0xffffff, &value, NULL))
    return FALSE;

  rgb[0] = ((value >> 16) & 0xff) / 255.0;
  rgb[1] = ((value >> 8) & 0xff) / 255.0;
  rgb[2] = (value & 0xff) / 255.0;
  return TRUE;
}

/* The PNG of the logo @key, drawn (and kept) if it was not yet; %NULL if
 * there is no such logo, or on error. */
static GBytes *
find_logo (AttSandboxStore *store,
           const char      *key,
           GError         **error)
{
  g_autoptr(JsonObject) spec = NULL;
  GBytes     *png = NULL;
  const char *text;
  double      rgb[3];

  if (!att_sandbox_store_get_closient_logo (store, key, &spec, &png, error) || spec == NULL || png != NULL)
    return png;

  if (!att_sandbox_closient_logo_parse_colour (att_sandbox_json_string (spec, "colour"), rgb))
    return NULL;
  text = att_sandbox_json_string (spec, "text");
  png = att_sandbox_closient_logo_draw (text != NULL ? text : "", rgb);
  if (!att_sandbox_store_set_closient_logo_png (store, key, png, error))
    g_clear_pointer (&png, g_bytes_unref);
  return png;
}

/**
 * att_sandbox_closient_serve_logo:
 * @key: the logo's key, from the path `/_sandbox/closient-logos/{key}.png`
 *
 * Answers the logo's PNG, or 404.
 */
void
att_sandbox_closient_serve_logo (AttSandboxClosient *self,
                                 SoupServerMessage  *msg,
                                 const char         *key)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ATT_IS_SANDBOX_CLOSIENT (self));

  if (g_str_has_suffix (key, ".png"))
    {
      g_autofree char *name = g_strndup (key, strlen (key) - strlen (".png"));

      png = find_logo (self->store, name, &error);
    }

  if (error != NULL)
    {
      g_warning ("Closient logo: %s", error->message);
      _att_sandbox_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, _ ("The logo could not be read"), NULL);
      return;
    }
  if (png == NULL)
    {
      _att_sandbox_respond_error (msg, SOUP_STATUS_NOT_FOUND, _ ("There is no such logo"), NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "max-age=86400");
  soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (png, NULL), g_bytes_get_size (png));
}
