/* att-sandbox-label-svg.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-sandbox-label-svg.h"

/*
 * The real label is drawn by Ecobalyse.  The sandbox draws a small one in
 * the same spirit: the cost in points, its unit and the product's name, on a
 * card whose accent shade darkens as the cost grows, so that two products'
 * labels differ at a glance.  The words are the label's own, in French
 * whatever the locale, as on the garment.
 */

#define LABEL_WIDTH  240
#define LABEL_HEIGHT 120

/* A green to brown accent for @score points: a few hundred points is a
 * light garment, several thousand a heavy one. */
static void
accent_colour (gint64 score,
               char  *out,
               gsize  size)
{
  double t = CLAMP ((double) score / 6000.0, 0.0, 1.0);
  int    red = (int) (46 + t * (139 - 46));
  int    green = (int) (125 - t * (125 - 69));
  int    blue = (int) (50 - t * (50 - 19));

  g_snprintf (out, size, "#%02x%02x%02x", red, green, blue);
}

/* @name cut to what fits on the card, on a character boundary. */
static char *
short_name (const char *name)
{
  const glong max = 34;

  if (name == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (name, -1) <= max)
    return g_strdup (name);
  {
    g_autofree char *head = g_utf8_substring (name, 0, max - 1);

    return g_strconcat (head, "…", NULL);
  }
}

/**
 * att_sandbox_label_svg:
 * @product_name: (nullable): shown under the cost, escaped for XML
 * @score: the environmental cost, in points d'impact
 *
 * Returns: (transfer full): a standalone SVG document
 */
char *
att_sandbox_label_svg (const char *product_name,
                       gint64      score)
{
  g_autofree char *name = short_name (product_name);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  char             accent[8];

  accent_colour (score, accent, sizeof accent);

  return g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
    " role=\"img\" aria-label=\"Coût environnemental : %" G_GINT64_FORMAT " points d'impact\">\n"
    "<rect x=\"1\" y=\"1\" width=\"%d\" height=\"%d\" rx=\"10\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"2\"/>\n"
    "<rect x=\"1\" y=\"1\" width=\"%d\" height=\"26\" rx=\"10\" fill=\"%s\"/>\n"
    "<rect x=\"1\" y=\"14\" width=\"%d\" height=\"13\" fill=\"%s\"/>\n"
    "<text x=\"%d\" y=\"19\" font-family=\"sans-serif\" font-size=\"13\" font-weight=\"bold\""
    " fill=\"#ffffff\" text-anchor=\"middle\">Coût environnemental</text>\n"
    "<text x=\"%d\" y=\"66\" font-family=\"sans-serif\" font-size=\"30\" font-weight=\"bold\""
    " fill=\"%s\" text-anchor=\"middle\">%" G_GINT64_FORMAT "</text>\n"
    "<text x=\"%d\" y=\"84\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#333333\""
    " text-anchor=\"middle\">points d'impact</text>\n"
    "<text x=\"%d\" y=\"106\" font-family=\"sans-serif\" font-size=\"10\" fill=\"#555555\""
    " text-anchor=\"middle\">%s</text>\n"
    "</svg>\n",
    LABEL_WIDTH, LABEL_HEIGHT, LABEL_WIDTH, LABEL_HEIGHT, score,
    LABEL_WIDTH - 2, LABEL_HEIGHT - 2, accent,
    LABEL_WIDTH - 2, accent,
    LABEL_WIDTH - 2, accent,
    LABEL_WIDTH / 2,
    LABEL_WIDTH / 2, accent, score,
    LABEL_WIDTH / 2,
    LABEL_WIDTH / 2, escaped);
}
