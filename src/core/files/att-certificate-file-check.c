/* att-certificate-file-check.c: the checks a certificate file passes,
 * shared by files read from disk and files held in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "att-certificate-file-private.h"

/* Each check looks at no more than the file's size, its first
 * ATT_CERTIFICATE_FILE_HEAD_LENGTH bytes and its last
 * ATT_CERTIFICATE_FILE_TAIL_LENGTH, so that a file of any size is checked
 * without being read, and each error names the file and says what to do. */

/**
 * att_certificate_file_check_size:
 *
 * Returns: whether a file of @size bytes may be a certificate's image
 *   (or PDF); if not, @error says it is empty or too large
 */
gboolean
att_certificate_file_check_size (guint64     size,
                                 const char *name,
                                 GError    **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;

  if (size == 0)
    {
      g_set_error (error, ATT_FILE_ERROR, ATT_FILE_ERROR_EMPTY, _ ("“%s” is empty."), name);
      return FALSE;
    }
  if (size <= ATT_CERTIFICATE_MAX_FILE_SIZE)
    return TRUE;

  size_text = g_format_size (size);
  limit_text = g_format_size (ATT_CERTIFICATE_MAX_FILE_SIZE);
  g_set_error (error, ATT_FILE_ERROR, ATT_FILE_ERROR_TOO_LARGE,
               _ ("“%s” is %s; Higg takes images up to %s each. Scan it at a lower resolution "
                  "or split it."),
               name, size_text, limit_text);
  return FALSE;
}

/* Whether @head is printable UTF-8 text, which may end in the middle of
 * a character where the head was cut from the file. */
static gboolean
looks_like_text (const guint8 *head,
                 gsize         length)
{
  const char *text = (const char *) head;
  const char *end;

  if (length == 0)
    return FALSE;
  if (!g_utf8_validate_len (text, length, &end) &&
      g_utf8_get_char_validated (end, (gssize) (length - (gsize) (end - text))) != (gunichar) -2)
    return FALSE;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isprint (c) && c != '\n' && c != '\r' && c != '\t')
        return FALSE;
    }
  return TRUE;
}

/* A RIFF file says how long it is: a WebP shorter than that lost its end. */
static gboolean
webp_is_complete (const guint8 *head,
                  gsize         length,
                  guint64       size)
{
  guint32 riff_size;

  if (length < 8)
    return FALSE;
  riff_size = (guint32) head[4] | (guint32) head[5] << 8 | (guint32) head[6] << 16 |
              (guint32) head[7] << 24;
  return (guint64) riff_size + 8 <= size;
}

static void
set_truncated (GError    **error,
               const char *name)
{
  g_set_error (error, ATT_FILE_ERROR, ATT_FILE_ERROR_TRUNCATED,
               _ ("“%s” is cut short: its end is missing, so part of the picture would be lost. "
                  "Copy or download it again."),
               name);
}

/**
 * att_certificate_file_check_head:
 * @head: the first bytes of the file (up to %ATT_CERTIFICATE_FILE_HEAD_LENGTH)
 * @size: the size of the whole file
 *
 * Returns: what the file is by its content: an image type or
 *   %ATT_FILE_TYPE_PDF; or %ATT_FILE_TYPE_UNKNOWN with @error set for a
 *   file that is neither (or a WebP shorter than its header says)
 */
AttFileType
att_certificate_file_check_head (const guint8 *head,
                                 gsize         length,
                                 guint64       size,
                                 const char   *name,
                                 GError      **error)
{
  AttFileType type = att_file_type_sniff (head, length);

  if (type == ATT_FILE_TYPE_UNKNOWN && looks_like_text (head, length))
    g_set_error (error, ATT_FILE_ERROR, ATT_FILE_ERROR_NOT_SUPPORTED,
                 _ ("“%s” is not an image or a PDF: its content looks like text, whatever its "
                    "name says."),
                 name);
  else if (type == ATT_FILE_TYPE_UNKNOWN)
    g_set_error (error, ATT_FILE_ERROR, ATT_FILE_ERROR_NOT_SUPPORTED,
                 _ ("“%s” is not an image or a PDF (its content is not PNG, JPEG, WebP or TIFF, "
                    "whatever its name says)."),
                 name);
  else if (type == ATT_FILE_TYPE_WEBP && !webp_is_complete (head, length, size))
    {
      set_truncated (error, name);
      type = ATT_FILE_TYPE_UNKNOWN;
    }
  return type;
}

/* Where the last @marker of @length bytes starts in @data, or -1. */
static gssize
find_last (const guint8 *data,
           gsize         length,
           const char   *marker,
           gsize         marker_length)
{
  for (gsize i = length; i >= marker_length; i--)
    if (memcmp (data + i - marker_length, marker, marker_length) == 0)
      return (gssize) (i - marker_length);
  return -1;
}

/**
 * att_certificate_file_check_tail:
 * @type: the file's type, from att_certificate_file_check_head()
 * @tail: its last bytes (up to %ATT_CERTIFICATE_FILE_TAIL_LENGTH)
 *
 * A JPEG ends with its End Of Image marker (FF D9) and a PNG with its
 * IEND chunk.  Either may be followed by bytes that are not part of the
 * image: zeros where a scanner padded the file to a block size, or the
 * data some phones append after the picture; so the marker is looked for
 * in the whole tail, not only in its last bytes.  A file cut short ends
 * in the middle of its compressed data, where FF D9 cannot occur (a JPEG
 * escapes every FF there) and IEND would be a coincidence.
 *
 * Returns: whether the file is complete; if not, @error says it is cut
 *   short
 */
gboolean
att_certificate_file_check_tail (AttFileType   type,
                                 const guint8 *tail,
                                 gsize         length,
                                 const char   *name,
                                 GError      **error)
{
  static const char jpeg_end[] = "\xff\xd9";
  static const char png_end[] = "\0\0\0\0IEND\xae\x42\x60\x82";
  gboolean          complete = TRUE;

  if (type == ATT_FILE_TYPE_JPEG)
    complete = find_last (tail, length, jpeg_end, sizeof jpeg_end - 1) >= 0;
  else if (type == ATT_FILE_TYPE_PNG)
    complete = find_last (tail, length, png_end, sizeof png_end - 1) >= 0;

  if (!complete)
    set_truncated (error, name);
  return complete;
}
