/* att-certificate-file.c: one image to send with a certificate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-certificate-file-private.h"

/* An image checked by its content, ready to be encoded into a request.
 * One from disk keeps only its GFile and size: it is read when it is
 * sent, streamed through the base64 encoder, so that a 60 MB scan is
 * never held in memory besides its encoding.  One made in memory (a PDF
 * page rendered to PNG, an image dropped from a browser) keeps its bytes.
 * Immutable once made, so it may be handed between threads. */
struct _AttCertificateFile
{
  GObject     parent_instance;

  char       *display_name;
  AttFileType type;
  guint64     size;
  GFile      *source;
  GBytes     *bytes;
};

G_DEFINE_FINAL_TYPE (AttCertificateFile, att_certificate_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DISPLAY_NAME,
  PROP_SIZE,
  PROP_SOURCE,
  PROP_BYTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_certificate_file_finalize (GObject *object)
{
  AttCertificateFile *self = (AttCertificateFile *) object;

  g_clear_pointer (&self->display_name, g_free);
  g_clear_object (&self->source);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (att_certificate_file_parent_class)->finalize (object);
}

static void
att_certificate_file_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AttCertificateFile *self = ATT_CERTIFICATE_FILE (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME: g_value_set_string (value, self->display_name); break;
    case PROP_SIZE: g_value_set_uint64 (value, self->size); break;
    case PROP_SOURCE: g_value_set_object (value, self->source); break;
    case PROP_BYTES: g_value_set_boxed (value, self->bytes); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_certificate_file_class_init (AttCertificateFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_certificate_file_finalize;
  object_class->get_property = att_certificate_file_get_property;

  /* "scan.png", or "scan.pdf, page 2" for a PDF's page. */
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BYTES] =
    g_param_spec_boxed ("bytes", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_certificate_file_init (AttCertificateFile *self)
{
}

/* For files that passed the checks: @source or @bytes, not both. */
AttCertificateFile *
att_certificate_file_new_checked (GFile      *source,
                                  GBytes     *bytes,
                                  AttFileType type,
                                  guint64     size,
                                  const char *display_name)
{
  AttCertificateFile *self = g_object_new (ATT_TYPE_CERTIFICATE_FILE, NULL);

  g_assert ((source == NULL) != (bytes == NULL));
  g_assert (att_file_type_is_image (type));

  self->source = source != NULL ? g_object_ref (source) : NULL;
  self->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  self->type = type;
  self->size = size;
  self->display_name = g_strdup (display_name);
  return self;
}

static void
refuse_pdf (const char *name,
            GError    **error)
{
  g_set_error (error, ATT_FILE_ERROR, ATT_FILE_ERROR_PDF,
               _ ("“%s” is a PDF, not an image: save it as a file and add the file, so that its "
                  "pages become images."),
               name);
}

/**
 * att_certificate_file_new_for_bytes:
 * @bytes: an image's content
 * @display_name: what to call it, in messages too
 *
 * Checks @bytes as a file from disk would be: not empty, not too large,
 * a PNG, JPEG, WebP or TIFF image by its content, and not cut short.
 * A PDF is refused here: att_certificate_file_load_async() turns one into
 * images of its pages.
 *
 * Returns: (transfer full) (nullable): the file, or %NULL with an error
 *   of %ATT_FILE_ERROR naming @display_name
 */
AttCertificateFile *
att_certificate_file_new_for_bytes (GBytes     *bytes,
                                    const char *display_name,
                                    GError    **error)
{
  gsize         size;
  const guint8 *data;
  gsize         tail_length;
  AttFileType   type;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!att_certificate_file_check_size (size, display_name, error))
    return NULL;
  type = att_certificate_file_check_head (data, MIN (size, ATT_CERTIFICATE_FILE_HEAD_LENGTH),
                                          size, display_name, error);
  if (type == ATT_FILE_TYPE_UNKNOWN)
    return NULL;
  if (type == ATT_FILE_TYPE_PDF)
    {
      refuse_pdf (display_name, error);
      return NULL;
    }
  tail_length = MIN (size, ATT_CERTIFICATE_FILE_TAIL_LENGTH);
  if (!att_certificate_file_check_tail (type, data + size - tail_length, tail_length,
                                        display_name, error))
    return NULL;

  return att_certificate_file_new_checked (NULL, bytes, type, size, display_name);
}

/**
 * att_certificate_file_get_display_name:
 *
 * Returns: its name for people: the file's display name, or
 *   "scan.pdf, page 2" for a page of a PDF
 */
const char *
att_certificate_file_get_display_name (AttCertificateFile *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE (self), NULL);

  return self->display_name;
}

/**
 * att_certificate_file_get_file_type:
 *
 * Returns: the image's type, told by its content
 */
AttFileType
att_certificate_file_get_file_type (AttCertificateFile *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE (self), ATT_FILE_TYPE_UNKNOWN);

  return self->type;
}

/**
 * att_certificate_file_get_size:
 *
 * Returns: its size in bytes (before base64), as checked
 */
guint64
att_certificate_file_get_size (AttCertificateFile *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE (self), 0);

  return self->size;
}

/**
 * att_certificate_file_get_source:
 *
 * Returns: (transfer none) (nullable): the file on disk it is read from,
 *   or %NULL for one held in memory
 */
GFile *
att_certificate_file_get_source (AttCertificateFile *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE (self), NULL);

  return self->source;
}

/**
 * att_certificate_file_get_bytes:
 *
 * Returns: (transfer none) (nullable): its content if it is held in
 *   memory, or %NULL for one on disk
 */
GBytes *
att_certificate_file_get_bytes (AttCertificateFile *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE (self), NULL);

  return self->bytes;
}

/**
 * att_certificate_file_open:
 * @cancellable: (nullable): for the open
 *
 * Opens its content for reading, to encode it (see
 * att_base64_append_stream()).  Blocks for a file on disk: for worker
 * threads.  The file is read as it is then: one changed since it was
 * checked is sent as it now is.
 *
 * Returns: (transfer full) (nullable): a stream of its content, or %NULL
 *   if the file cannot be opened any more
 */
GInputStream *
att_certificate_file_open (AttCertificateFile *self,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->bytes != NULL)
    return g_memory_input_stream_new_from_bytes (self->bytes);
  return G_INPUT_STREAM (g_file_read (self->source, cancellable, error));
}
