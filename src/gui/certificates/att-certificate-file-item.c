/* att-certificate-file-item.c: one entry of a certificate form's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-certificate-file-item.h"

/* An entry is a file being checked, an image ready to send, or a file
 * that was refused with its reason (shown until dismissed, never sent).
 * An image the certificate already had remembers its position there, so
 * that an update can tell whether the images changed. */

struct _AttCertificateFileItem
{
  GObject             parent_instance;

  AttFileItemState    state;
  char               *display_name;
  AttCertificateFile *file;
  char               *message;
  int                 original_index;
  GdkTexture         *thumbnail;
};

G_DEFINE_FINAL_TYPE (AttCertificateFileItem, att_certificate_file_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_THUMBNAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_certificate_file_item_finalize (GObject *object)
{
  AttCertificateFileItem *self = ATT_CERTIFICATE_FILE_ITEM (object);

  g_free (self->display_name);
  g_clear_object (&self->file);
  g_free (self->message);
  g_clear_object (&self->thumbnail);

  G_OBJECT_CLASS (att_certificate_file_item_parent_class)->finalize (object);
}

static void
att_certificate_file_item_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  AttCertificateFileItem *self = ATT_CERTIFICATE_FILE_ITEM (object);

  switch (prop_id)
    {
    case PROP_THUMBNAIL:
      g_value_set_object (value, self->thumbnail);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_certificate_file_item_class_init (AttCertificateFileItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_certificate_file_item_finalize;
  object_class->get_property = att_certificate_file_item_get_property;

  properties[PROP_THUMBNAIL] =
    g_param_spec_object ("thumbnail", NULL, NULL, GDK_TYPE_TEXTURE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_certificate_file_item_init (AttCertificateFileItem *self)
{
  self->original_index = -1;
}

static AttCertificateFileItem *
item_new (AttFileItemState state,
          const char      *display_name)
{
  AttCertificateFileItem *self = g_object_new (ATT_TYPE_CERTIFICATE_FILE_ITEM, NULL);

  self->state = state;
  self->display_name = g_strdup (display_name);
  return self;
}

/**
 * att_certificate_file_item_new_checking:
 *
 * Returns: (transfer full): an entry for a file whose checks are under way
 */
AttCertificateFileItem *
att_certificate_file_item_new_checking (const char *display_name)
{
  g_return_val_if_fail (display_name != NULL, NULL);

  return item_new (ATT_FILE_ITEM_CHECKING, display_name);
}

/**
 * att_certificate_file_item_new_ready:
 * @original_index: the image's position in the certificate being updated,
 *   or -1 for an image added in the form
 *
 * Returns: (transfer full): an entry for an image to send
 */
AttCertificateFileItem *
att_certificate_file_item_new_ready (AttCertificateFile *file,
                                     int                 original_index)
{
  AttCertificateFileItem *self;

  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE (file), NULL);

  self = item_new (ATT_FILE_ITEM_READY, att_certificate_file_get_display_name (file));
  self->file = g_object_ref (file);
  self->original_index = original_index;
  return self;
}

/**
 * att_certificate_file_item_new_refused:
 * @message: why, naming the file and saying what to do
 *
 * Returns: (transfer full): an entry for a file that cannot be sent
 */
AttCertificateFileItem *
att_certificate_file_item_new_refused (const char *display_name,
                                       const char *message)
{
  AttCertificateFileItem *self;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = item_new (ATT_FILE_ITEM_REFUSED, display_name);
  self->message = g_strdup (message);
  return self;
}

AttFileItemState
att_certificate_file_item_get_state (AttCertificateFileItem *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE_ITEM (self), ATT_FILE_ITEM_REFUSED);

  return self->state;
}

const char *
att_certificate_file_item_get_display_name (AttCertificateFileItem *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE_ITEM (self), NULL);

  return self->display_name;
}

/**
 * att_certificate_file_item_get_file:
 *
 * Returns: (transfer none) (nullable): the image, for a ready entry
 */
AttCertificateFile *
att_certificate_file_item_get_file (AttCertificateFileItem *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE_ITEM (self), NULL);

  return self->file;
}

/**
 * att_certificate_file_item_get_message:
 *
 * Returns: (nullable): why the file was refused
 */
const char *
att_certificate_file_item_get_message (AttCertificateFileItem *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE_ITEM (self), NULL);

  return self->message;
}

int
att_certificate_file_item_get_original_index (AttCertificateFileItem *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE_ITEM (self), -1);

  return self->original_index;
}

/**
 * att_certificate_file_item_get_thumbnail:
 *
 * Returns: (transfer none) (nullable): a small picture of the image, once
 *   decoded
 */
GdkTexture *
att_certificate_file_item_get_thumbnail (AttCertificateFileItem *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE_ITEM (self), NULL);

  return self->thumbnail;
}

void
att_certificate_file_item_set_thumbnail (AttCertificateFileItem *self,
                                         GdkTexture             *thumbnail)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_FILE_ITEM (self));
  g_return_if_fail (thumbnail == NULL || GDK_IS_TEXTURE (thumbnail));

  if (g_set_object (&self->thumbnail, thumbnail))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THUMBNAIL]);
}
