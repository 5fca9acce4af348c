/* att-sandbox-png.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <zlib.h>

#include "att-sandbox-png.h"

/*
 * cairo's own PNG writer takes 65 ms for an 800 x 1100 certificate and
 * makes 140 kB of it: it writes 24-bit colour and lets libpng try every
 * row filter.  The demo's images are a few inks on white, so they are
 * written here as 8-bit palette PNGs instead: each pixel becomes white or
 * one of TINTS tints of the ink it is closest to (antialiased edges are
 * tints), which looks the same.  Every row is filtered "Up" (the
 * difference with the row above: zero for most of a page, whose rows
 * repeat) and deflated with the run-length strategy, which suits runs of
 * zeros: 3 ms and 25-35 kB a page, where zlib's default strategy takes 9 ms
 * for 25 kB and its best compression 50 ms.
 */

/* Tints per ink, white excluded: enough for smooth antialiasing. */
#define TINTS 16

#define WHITE 0xffffff

typedef struct
{
  const AttSandboxPngInk *inks;
  guint                   n_inks;
  GHashTable             *indexes; /* pixel (0xRRGGBB) -> palette index + 1 */
} Quantizer;

static guint8
channel (double value)
{
  return (guint8) CLAMP (lround (value * 255.0), 0, 255);
}

/* The palette: white, then each ink's tints from the faintest to the ink
 * itself. */
static GByteArray *
make_palette (const AttSandboxPngInk *inks,
              guint                   n_inks)
{
  GByteArray *palette = g_byte_array_new ();
  guint8      white[3] = { 255, 255, 255 };

  g_byte_array_append (palette, white, 3);
  for (guint k = 0; k < n_inks; k++)
    for (guint t = 1; t <= TINTS; t++)
      for (guint c = 0; c < 3; c++)
        {
          guint8 value = channel (1.0 - (1.0 - inks[k].rgb[c]) * t / TINTS);

          g_byte_array_append (palette, &value, 1);
        }
  return palette;
}

/* The palette index of @pixel: the tint of the ink that explains it best
 * (least squares over the three channels of "white minus pixel"). */
static guint8
classify (const Quantizer *quantizer,
          guint32          pixel)
{
  double p[3] = { 255 - ((pixel >> 16) & 0xff), 255 - ((pixel >> 8) & 0xff), 255 - (pixel & 0xff) };
  double best_error = G_MAXDOUBLE;
  guint  best = 0;

  for (guint k = 0; k < quantizer->n_inks; k++)
    {
      double b[3], dot = 0, norm = 0, alpha, error = 0;
      guint  tint;

      for (guint c = 0; c < 3; c++)
        {
          b[c] = 255.0 * (1.0 - quantizer->inks[k].rgb[c]);
          dot += p[c] * b[c];
          norm += b[c] * b[c];
        }
      alpha = norm > 0 ? CLAMP (dot / norm, 0.0, 1.0) : 0.0;
      for (guint c = 0; c < 3; c++)
        error += (p[c] - alpha * b[c]) * (p[c] - alpha * b[c]);

      tint = (guint) lround (alpha * TINTS);
      if (error < best_error)
        {
          best_error = error;
          best = tint == 0 ? 0 : 1 + k * TINTS + (tint - 1);
        }
    }

  return (guint8) best;
}

static guint8
lookup (Quantizer *quantizer,
        guint32    pixel)
{
  gpointer value;

  if (g_hash_table_lookup_extended (quantizer->indexes, GUINT_TO_POINTER (pixel), NULL, &value))
    return (guint8) (GPOINTER_TO_UINT (value) - 1);

  value = GUINT_TO_POINTER ((guint) classify (quantizer, pixel) + 1);
  g_hash_table_insert (quantizer->indexes, GUINT_TO_POINTER (pixel), value);
  return (guint8) (GPOINTER_TO_UINT (value) - 1);
}

/* The rows of palette indexes, each after its filter byte, "Up" (2): each
 * index minus the one above it (the first row is unfiltered, 0). */
static guint8 *
make_rows (cairo_surface_t *surface,
           Quantizer       *quantizer,
           gsize           *out_size)
{
  int                width = cairo_image_surface_get_width (surface);
  int                height = cairo_image_surface_get_height (surface);
  int                stride = cairo_image_surface_get_stride (surface);
  const guint8      *data = cairo_image_surface_get_data (surface);
  gsize              size = (gsize) height * (gsize) (width + 1);
  guint8            *rows = g_malloc (size);
  guint8            *out = rows;
  g_autofree guint8 *above = g_malloc0 (width);
  guint32            last = WHITE;
  guint8             last_index = 0;

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * (gsize) stride);

      *out++ = y == 0 ? 0 : 2;
      for (int x = 0; x < width; x++)
        {
          guint32 pixel = row[x] & 0xffffff;

          /* Most pixels repeat the one before (runs of white, of ink). */
          if (pixel != last)
            {
              last = pixel;
              last_index = lookup (quantizer, pixel);
            }
          *out++ = (guint8) (last_index - above[x]);
          above[x] = last_index;
        }
    }

  *out_size = size;
  return rows;
}

/* Deflates @data into a zlib stream, with the run-length strategy. */
static guint8 *
deflate_rle (const guint8 *data,
             gsize         size,
             gsize        *out_size)
{
  z_stream stream = { 0 };
  uLong    bound;
  guint8  *out;

  if (deflateInit2 (&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK)
    g_error ("zlib could not start compressing an image");
  bound = deflateBound (&stream, size);
  out = g_malloc (bound);
  stream.next_in = (Bytef *) data;
  stream.avail_in = (uInt) size;
  stream.next_out = out;
  stream.avail_out = (uInt) bound;
  if (deflate (&stream, Z_FINISH) != Z_STREAM_END)
    g_error ("zlib could not compress an image");
  *out_size = stream.total_out;
  deflateEnd (&stream);
  return out;
}

static void
put_u32 (GByteArray *array,
         guint32     value)
{
  guint8 bytes[4] = { value >> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };

  g_byte_array_append (array, bytes, 4);
}

static void
put_chunk (GByteArray   *png,
           const char   *type,
           const guint8 *data,
           gsize         size)
{
  uLong crc = crc32 (0, (const Bytef *) type, 4);

  /* Not with no data: crc32() answers its initial value to a NULL buffer. */
  if (size > 0)
    crc = crc32 (crc, data, (uInt) size);
  put_u32 (png, (guint32) size);
  g_byte_array_append (png, (const guint8 *) type, 4);
  g_byte_array_append (png, data, (guint) size);
  put_u32 (png, (guint32) crc);
}

/**
 * att_sandbox_png_encode:
 * @surface: a %CAIRO_FORMAT_RGB24 image surface, drawn in @inks on white
 * @inks: at most 15 inks
 *
 * Returns: (transfer full): the PNG file
 */
GBytes *
att_sandbox_png_encode (cairo_surface_t        *surface,
                        const AttSandboxPngInk *inks,
                        guint                   n_inks)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  Quantizer           quantizer = { inks, n_inks, g_hash_table_new (NULL, NULL) };
  g_autoptr(GByteArray) palette = make_palette (inks, n_inks);
  g_autoptr(GByteArray) header = g_byte_array_new ();
  GByteArray        *png = g_byte_array_new ();
  g_autofree guint8 *rows = NULL;
  g_autofree guint8 *compressed = NULL;
  gsize              rows_size;
  gsize              compressed_size;
  guint8             ihdr_tail[5] = { 8, 3, 0, 0, 0 }; /* 8-bit palette, no interlace */

  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24, NULL);
  g_return_val_if_fail (n_inks > 0 && 1 + n_inks * TINTS <= 256, NULL);

  cairo_surface_flush (surface);
  rows = make_rows (surface, &quantizer, &rows_size);
  g_hash_table_unref (quantizer.indexes);

  compressed = deflate_rle (rows, rows_size, &compressed_size);

  put_u32 (header, (guint32) cairo_image_surface_get_width (surface));
  put_u32 (header, (guint32) cairo_image_surface_get_height (surface));
  g_byte_array_append (header, ihdr_tail, sizeof ihdr_tail);

  g_byte_array_append (png, signature, sizeof signature);
  put_chunk (png, "IHDR", header->data, header->len);
  put_chunk (png, "PLTE", palette->data, palette->len);
  put_chunk (png, "IDAT", compressed, compressed_size);
  put_chunk (png, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (png);
}
