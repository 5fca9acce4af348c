/* att-certificate-file-list.c: the files of a certificate form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-certificate-file-list-private.h"
#include "att-types.h"

/* The files a certificate is sent with, in the order they are sent.  A
 * file chosen or dropped is checked by its content in a worker thread
 * (att_certificate_file_load_async()): while that runs its row spins; then
 * it becomes its image, a PDF becomes its pages, and a file that cannot be
 * sent stays on the list with its reason until dismissed, and is never
 * sent.  The rows are in att-certificate-file-list-rows.c. */

G_DEFINE_FINAL_TYPE (AttCertificateFileList, att_certificate_file_list, GTK_TYPE_WIDGET)

/* --- Adding files --------------------------------------------------------- */

/* A check under way: its entry, and the list, which a cancelled check
 * (the list is being disposed) does not touch. */
typedef struct
{
  AttCertificateFileList *self;
  AttCertificateFileItem *item;
} Check;

static Check *
check_new (AttCertificateFileList *self,
           const char             *display_name)
{
  Check *check = g_new0 (Check, 1);

  check->self = self;
  check->item = att_certificate_file_item_new_checking (display_name);
  g_list_store_append (self->items, check->item);
  return check;
}

static void
check_free (Check *check)
{
  g_object_unref (check->item);
  g_free (check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Check, check_free)

/* The checked entry becomes its images, or the reason it was refused. */
static void
check_done (Check     *check,
            GPtrArray *files,
            GError    *error)
{
  AttCertificateFileList *self = check->self;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint position;

  if (files == NULL)
    g_ptr_array_add (items, att_certificate_file_item_new_refused (att_certificate_file_item_get_display_name (check->item),
                                                                   error->message));
  for (guint i = 0; files != NULL && i < files->len; i++)
    g_ptr_array_add (items, att_certificate_file_item_new_ready (g_ptr_array_index (files, i), -1));

  if (!g_list_store_find (self->items, check->item, &position))
    return;
  g_list_store_splice (self->items, position, 1, items->pdata, items->len);
  for (guint i = 0; files != NULL && i < items->len; i++)
    att_certificate_file_list_queue_thumbnail (self, g_ptr_array_index (items, i));
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Check) check = user_data;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  files = att_certificate_file_load_finish (result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    check_done (check, files, error);
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename != NULL && g_utf8_validate (basename, -1, NULL))
    return g_steal_pointer (&basename);
  return g_file_get_parse_name (file);
}

/**
 * att_certificate_file_list_add_files:
 * @files: (element-type GFile): files chosen or dropped
 *
 * Adds @files at the end, each checked in the background.
 */
void
att_certificate_file_list_add_files (AttCertificateFileList *self,
                                     GListModel             *files)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_FILE_LIST (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *name = NULL;

      if (!G_IS_FILE (file))
        continue;
      name = file_display_name (file);
      att_certificate_file_load_async (file, self->cancellable, file_loaded_cb, check_new (self, name));
    }
}

/* Image data dropped from a browser becomes a PNG file in memory, in a
 * worker thread: a large picture takes a while to compress. */
typedef struct
{
  GdkTexture *texture;
  char       *name;
} TextureData;

static void
texture_data_free (TextureData *data)
{
  g_object_unref (data->texture);
  g_free (data->name);
  g_free (data);
}

static void
texture_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TextureData *data = task_data;
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (data->texture);
  GError             *error = NULL;
  AttCertificateFile *file = att_certificate_file_new_for_bytes (png, data->name, &error);
  GPtrArray          *files;

  if (file == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  files = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (files, file);
  g_task_return_pointer (task, files, (GDestroyNotify) g_ptr_array_unref);
}

static void
texture_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Check) check = user_data;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  files = g_task_propagate_pointer (G_TASK (result), &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    check_done (check, files, error);
}

/**
 * att_certificate_file_list_add_texture:
 * @texture: image data, as a browser drops it
 *
 * Adds @texture at the end as a PNG image.
 */
void
att_certificate_file_list_add_texture (AttCertificateFileList *self,
                                       GdkTexture             *texture)
{
  g_autoptr(GTask) task = NULL;
  TextureData *data;

  g_return_if_fail (ATT_IS_CERTIFICATE_FILE_LIST (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  data = g_new0 (TextureData, 1);
  data->texture = g_object_ref (texture);
  /* Translators: the name of an image dropped from a web browser */
  data->name = g_strdup_printf (_ ("Dropped image %u.png"), ++self->n_dropped_images);
  task = g_task_new (NULL, self->cancellable, texture_saved_cb, check_new (self, data->name));
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_certificate_file_list_add_texture));
  g_task_set_task_data (task, data, (GDestroyNotify) texture_data_free);
  g_task_run_in_thread (task, texture_thread);
}

/**
 * att_certificate_file_list_add_existing:
 * @file: an image the certificate has
 * @original_index: its position in the certificate's files
 *
 * Adds an image of the certificate being updated, at the end.
 */
void
att_certificate_file_list_add_existing (AttCertificateFileList *self,
                                        AttCertificateFile     *file,
                                        guint                   original_index)
{
  g_autoptr(AttCertificateFileItem) item = NULL;

  g_return_if_fail (ATT_IS_CERTIFICATE_FILE_LIST (self));
  g_return_if_fail (ATT_IS_CERTIFICATE_FILE (file));

  item = att_certificate_file_item_new_ready (file, (int) original_index);
  self->n_original = MAX (self->n_original, original_index + 1);
  g_list_store_append (self->items, item);
  att_certificate_file_list_queue_thumbnail (self, item);
}

/**
 * att_certificate_file_list_add_refused:
 * @message: why it cannot be shown or sent
 *
 * Adds an entry that is never sent: an image of the certificate that
 * cannot be read back, for one.
 */
void
att_certificate_file_list_add_refused (AttCertificateFileList *self,
                                       const char             *display_name,
                                       const char             *message)
{
  g_autoptr(AttCertificateFileItem) item = NULL;

  g_return_if_fail (ATT_IS_CERTIFICATE_FILE_LIST (self));

  item = att_certificate_file_item_new_refused (display_name, message);
  g_list_store_append (self->items, item);
}

/* --- Reading the list ----------------------------------------------------- */

/**
 * att_certificate_file_list_get_items:
 *
 * Returns: (transfer none): the entries (of #AttCertificateFileItem), in
 *   order, whatever their state
 */
GListModel *
att_certificate_file_list_get_items (AttCertificateFileList *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE_LIST (self), NULL);

  return G_LIST_MODEL (self->items);
}

/**
 * att_certificate_file_list_get_files:
 *
 * Returns: (transfer container) (element-type AttCertificateFile): the
 *   images to send, in order
 */
GPtrArray *
att_certificate_file_list_get_files (AttCertificateFileList *self)
{
  GPtrArray *files;
  guint      n;

  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE_LIST (self), NULL);

  files = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttCertificateFileItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (att_certificate_file_item_get_state (item) == ATT_FILE_ITEM_READY)
        g_ptr_array_add (files, g_object_ref (att_certificate_file_item_get_file (item)));
    }
  return files;
}

static guint
count_state (AttCertificateFileList *self,
             AttFileItemState        state)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttCertificateFileItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      count += att_certificate_file_item_get_state (item) == state;
    }
  return count;
}

guint
att_certificate_file_list_get_n_checking (AttCertificateFileList *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE_LIST (self), 0);

  return count_state (self, ATT_FILE_ITEM_CHECKING);
}

/**
 * att_certificate_file_list_get_changed:
 *
 * Returns: whether the images to send differ from the certificate's (any
 *   added, removed or moved)
 */
gboolean
att_certificate_file_list_get_changed (AttCertificateFileList *self)
{
  guint n;
  int   ready = 0;

  g_return_val_if_fail (ATT_IS_CERTIFICATE_FILE_LIST (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttCertificateFileItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (att_certificate_file_item_get_state (item) == ATT_FILE_ITEM_CHECKING)
        return TRUE;
      if (att_certificate_file_item_get_state (item) != ATT_FILE_ITEM_READY)
        continue;
      if (att_certificate_file_item_get_original_index (item) != ready)
        return TRUE;
      ready++;
    }
  return (guint) ready != self->n_original;
}

/* --- Changing the order --------------------------------------------------- */

/**
 * att_certificate_file_list_move:
 * @delta: -1 to move the entry at @position up, 1 down
 */
void
att_certificate_file_list_move (AttCertificateFileList *self,
                                guint                   position,
                                int                     delta)
{
  guint n;
  g_autoptr(GObject) item = NULL;

  g_return_if_fail (ATT_IS_CERTIFICATE_FILE_LIST (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  if (position >= n || (delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  g_list_store_remove (self->items, position);
  g_list_store_insert (self->items, (guint) ((int) position + delta), item);
}

void
att_certificate_file_list_remove (AttCertificateFileList *self,
                                  guint                   position)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_FILE_LIST (self));

  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->items)))
    g_list_store_remove (self->items, position);
}

/**
 * att_certificate_file_list_set_error:
 * @message: (nullable): a problem of the files as a whole (none, too
 *   many, too large together, the server's word), or %NULL
 */
void
att_certificate_file_list_set_error (AttCertificateFileList *self,
                                     const char             *message)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_FILE_LIST (self));

  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* --- Keyboard and file chooser -------------------------------------------- */

static void
move_focused (AttCertificateFileList *self,
              int                     delta)
{
  GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  int        position;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list_box))
    return;
  position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  att_certificate_file_list_move (self, (guint) position, delta);
  att_certificate_file_list_focus_row (self, (guint) MAX (0, position + delta), NULL);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_focused (ATT_CERTIFICATE_FILE_LIST (widget), g_variant_get_int32 (parameter));
}

static void
on_chooser_response (AttCertificateFileList *self,
                     int                     response,
                     GtkFileChooserNative   *chooser)
{
  g_autoptr(GListModel) files = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  att_certificate_file_list_add_files (self, files);
}

static GtkFileChooserNative *
chooser_new (AttCertificateFileList *self)
{
  static const char    *mime_types[] = { "image/png", "image/jpeg", "image/webp", "image/tiff", "application/pdf" };
  GtkRoot              *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_ ("Add Certificate Files"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Add"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (images, _ ("Images and PDF"));
  for (guint i = 0; i < G_N_ELEMENTS (mime_types); i++)
    gtk_file_filter_add_mime_type (images, mime_types[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), images);
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), images);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  return chooser;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AttCertificateFileList *self = ATT_CERTIFICATE_FILE_LIST (widget);

  if (self->chooser == NULL)
    self->chooser = chooser_new (self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* --- The GObject ---------------------------------------------------------- */

static void
on_items_changed (AttCertificateFileList *self)
{
  att_certificate_file_list_update_move_buttons (self);
}

static void
att_certificate_file_list_dispose (GObject *object)
{
  AttCertificateFileList *self = ATT_CERTIFICATE_FILE_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->thumbnail_queue, g_object_unref);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_CERTIFICATE_FILE_LIST);

  G_OBJECT_CLASS (att_certificate_file_list_parent_class)->dispose (object);
}

static void
att_certificate_file_list_finalize (GObject *object)
{
  AttCertificateFileList *self = ATT_CERTIFICATE_FILE_LIST (object);

  g_clear_object (&self->items);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (att_certificate_file_list_parent_class)->finalize (object);
}

static void
att_certificate_file_list_class_init (AttCertificateFileListClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_certificate_file_list_dispose;
  object_class->finalize = att_certificate_file_list_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-certificate-file-list.ui");
  gtk_widget_class_bind_template_child (widget_class, AttCertificateFileList, group);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateFileList, list_box);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateFileList, error_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "files.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "files.move", "i", move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "files.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "files.move", "i", 1);
}

static void
att_certificate_file_list_init (AttCertificateFileList *self)
{
  g_autofree char *limit = g_format_size (ATT_CERTIFICATE_MAX_FILE_SIZE);
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->items = g_list_store_new (ATT_TYPE_CERTIFICATE_FILE_ITEM);
  g_queue_init (&self->thumbnail_queue);

  /* Translators: the limits of a certificate's files; the first %s is a
   * size ("67.1 MB"), %u a number of images */
  description = g_strdup_printf (_ ("PNG, JPEG, WebP or TIFF images, or PDF (each page becomes an image); "
                                    "up to %s per image, %u images"),
                                 limit, ATT_CERTIFICATE_MAX_FILES);
  adw_preferences_group_set_description (self->group, description);

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->items),
                           att_certificate_file_list_create_row, self, NULL);
  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);
}

/**
 * att_certificate_file_list_new:
 *
 * Returns: (transfer full): a new, empty list of files
 */
GtkWidget *
att_certificate_file_list_new (void)
{
  return g_object_new (ATT_TYPE_CERTIFICATE_FILE_LIST, NULL);
}
