/* att-file-type.c: what a certificate file is, told by its content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "att-file-type.h"

/* A file is what its first bytes say, never what its name says: a text file
 * renamed .png must be refused, and a scan saved without an extension must
 * still be accepted.  Each signature is the one its format's specification
 * fixes at offset 0 (WebP's also at offset 8, after the RIFF size). */
typedef struct
{
  AttFileType type;
  gsize       offset;
  const char *magic;
  gsize       length;
} Signature;

static const Signature signatures[] = {
  { ATT_FILE_TYPE_PNG, 0, "\x89PNG\r\n\x1a\n", 8 },
  { ATT_FILE_TYPE_JPEG, 0, "\xff\xd8\xff", 3 },
  { ATT_FILE_TYPE_TIFF, 0, "II*\0", 4 },
  { ATT_FILE_TYPE_TIFF, 0, "MM\0*", 4 },
  { ATT_FILE_TYPE_PDF, 0, "%PDF-", 5 },
};

static gboolean
has_bytes (const guint8 *data,
           gsize         length,
           gsize         offset,
           const char   *magic,
           gsize         magic_length)
{
  return length >= offset + magic_length && memcmp (data + offset, magic, magic_length) == 0;
}

static gboolean
is_webp (const guint8 *data,
         gsize         length)
{
  return has_bytes (data, length, 0, "RIFF", 4) && has_bytes (data, length, 8, "WEBP", 4);
}

/**
 * att_file_type_sniff:
 * @data: (array length=length): the first bytes of a file
 * @length: how many there are (%ATT_FILE_TYPE_SNIFF_LENGTH is enough)
 *
 * Returns: the type the bytes start, or %ATT_FILE_TYPE_UNKNOWN
 */
AttFileType
att_file_type_sniff (const guint8 *data,
                     gsize         length)
{
  g_return_val_if_fail (data != NULL || length == 0, ATT_FILE_TYPE_UNKNOWN);

  if (is_webp (data, length))
    return ATT_FILE_TYPE_WEBP;
  for (gsize i = 0; i < G_N_ELEMENTS (signatures); i++)
    {
      const Signature *s = &signatures[i];

      if (has_bytes (data, length, s->offset, s->magic, s->length))
        return s->type;
    }
  return ATT_FILE_TYPE_UNKNOWN;
}

/**
 * att_file_type_is_image:
 * @type: a file type
 *
 * Returns: whether the certification API takes files of @type as they are
 *   (a PDF must first become images of its pages)
 */
gboolean
att_file_type_is_image (AttFileType type)
{
  return type == ATT_FILE_TYPE_PNG || type == ATT_FILE_TYPE_JPEG || type == ATT_FILE_TYPE_WEBP ||
         type == ATT_FILE_TYPE_TIFF;
}

typedef struct
{
  const char *mime_type;
  const char *label;
} TypeInfo;

static const TypeInfo *
type_info (AttFileType type)
{
  static const TypeInfo infos[] = {
    [ATT_FILE_TYPE_UNKNOWN] = { "application/octet-stream", N_ ("Unknown file") },
    [ATT_FILE_TYPE_PNG] = { "image/png", N_ ("PNG image") },
    [ATT_FILE_TYPE_JPEG] = { "image/jpeg", N_ ("JPEG image") },
    [ATT_FILE_TYPE_WEBP] = { "image/webp", N_ ("WebP image") },
    [ATT_FILE_TYPE_TIFF] = { "image/tiff", N_ ("TIFF image") },
    [ATT_FILE_TYPE_PDF] = { "application/pdf", N_ ("PDF document") },
  };

  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (infos), &infos[0]);
  return &infos[type];
}

/**
 * att_file_type_get_mime_type:
 * @type: a file type
 *
 * Returns: its MIME type
 */
const char *
att_file_type_get_mime_type (AttFileType type)
{
  return type_info (type)->mime_type;
}

/**
 * att_file_type_get_label:
 * @type: a file type
 *
 * Returns: its name for people, translated ("PNG image")
 */
const char *
att_file_type_get_label (AttFileType type)
{
  return _ (type_info (type)->label);
}
