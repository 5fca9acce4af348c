/* att-certificate-file-list-rows.c: each file's row (thumbnail, name, size
 * and type, or the reason it was refused) and its thumbnail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-certificate-file-list-private.h"
#include "att-certificate-thumbnail.h"
#include "att-spinner.h"

/* --- Thumbnails, one at a time ------------------------------------------- */

/* Thumbnails are decoded one after another: twenty scans decoded at once
 * would hold twenty of them in memory. */
static void pump_thumbnails (AttCertificateFileList *self);

typedef struct
{
  AttCertificateFileList *self; /* not owned: a cancelled load does not touch it */
  AttCertificateFileItem *item;
} ThumbnailLoad;

static void
thumbnail_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ThumbnailLoad *load = user_data;
  g_autoptr(AttCertificateFileItem) item = load->item;
  AttCertificateFileList *self = load->self;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  g_free (load);
  texture = att_certificate_thumbnail_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (texture != NULL)
    att_certificate_file_item_set_thumbnail (item, texture);
  else
    g_debug ("No thumbnail for “%s”: %s", att_certificate_file_item_get_display_name (item),
             error->message);
  self->thumbnail_loading = FALSE;
  pump_thumbnails (self);
}

static void
pump_thumbnails (AttCertificateFileList *self)
{
  ThumbnailLoad *load;

  if (self->thumbnail_loading || g_queue_is_empty (&self->thumbnail_queue))
    return;
  load = g_new0 (ThumbnailLoad, 1);
  load->self = self;
  load->item = g_queue_pop_head (&self->thumbnail_queue);
  self->thumbnail_loading = TRUE;
  att_certificate_thumbnail_load_async (att_certificate_file_item_get_file (load->item),
                                        ATT_FILE_LIST_THUMBNAIL_SIZE * 2, self->cancellable,
                                        thumbnail_loaded_cb, load);
}

void
att_certificate_file_list_queue_thumbnail (AttCertificateFileList *self,
                                           AttCertificateFileItem *item)
{
  g_queue_push_tail (&self->thumbnail_queue, g_object_ref (item));
  pump_thumbnails (self);
}

/* --- Rows ----------------------------------------------------------------- */

static guint
row_position (GtkWidget *child)
{
  GtkWidget *row = gtk_widget_get_ancestor (child, GTK_TYPE_LIST_BOX_ROW);

  return (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

/* A moved file's row is a new one: the focus goes to the same button in
 * it, so that pressing it again moves the file further. */
static void
move_and_refocus (AttCertificateFileList *self,
                  GtkWidget              *button,
                  int                     delta,
                  const char             *button_key)
{
  guint position = row_position (button);

  att_certificate_file_list_move (self, position, delta);
  att_certificate_file_list_focus_row (self, (guint) ((int) position + delta), button_key);
}

static void
on_move_up_clicked (GtkWidget              *button,
                    AttCertificateFileList *self)
{
  move_and_refocus (self, button, -1, "att-up");
}

static void
on_move_down_clicked (GtkWidget              *button,
                      AttCertificateFileList *self)
{
  move_and_refocus (self, button, 1, "att-down");
}

static void
on_remove_clicked (GtkWidget              *button,
                   AttCertificateFileList *self)
{
  att_certificate_file_list_remove (self, row_position (button));
}

static GtkWidget *
icon_button_new (AttCertificateFileList *self,
                 const char             *icon_name,
                 const char             *tooltip,
                 GCallback               callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static void
on_thumbnail_changed (AttCertificateFileItem *item,
                      GParamSpec             *pspec,
                      GtkImage               *image)
{
  GdkTexture *thumbnail = att_certificate_file_item_get_thumbnail (item);

  if (thumbnail != NULL)
    gtk_image_set_from_paintable (image, GDK_PAINTABLE (thumbnail));
}

static GtkWidget *
thumbnail_new (AttCertificateFileItem *item)
{
  GtkWidget *image = gtk_image_new_from_icon_name ("image-x-generic-symbolic");

  gtk_image_set_pixel_size (GTK_IMAGE (image), ATT_FILE_LIST_THUMBNAIL_SIZE);
  gtk_widget_add_css_class (image, "certificate-thumbnail");
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Thumbnail"), -1);
  on_thumbnail_changed (item, NULL, GTK_IMAGE (image));
  g_signal_connect_object (item, "notify::thumbnail", G_CALLBACK (on_thumbnail_changed), image, 0);
  return image;
}

static void
fill_ready (AttCertificateFileList *self,
            AdwActionRow           *row,
            AttCertificateFileItem *item)
{
  AttCertificateFile *file = att_certificate_file_item_get_file (item);
  g_autofree char    *size = g_format_size (att_certificate_file_get_size (file));
  /* Translators: a file's size and type, as "1.2 MB · PNG image" */
  g_autofree char    *subtitle = g_strdup_printf (_ ("%s · %s"), size,
                                                  att_file_type_get_label (att_certificate_file_get_file_type (file)));
  GtkWidget          *up = icon_button_new (self, "go-up-symbolic", _ ("Move Up (Alt+Up)"),
                                            G_CALLBACK (on_move_up_clicked));
  GtkWidget          *down = icon_button_new (self, "go-down-symbolic", _ ("Move Down (Alt+Down)"),
                                              G_CALLBACK (on_move_down_clicked));

  adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_add_prefix (row, thumbnail_new (item));
  adw_action_row_add_suffix (row, up);
  adw_action_row_add_suffix (row, down);
  adw_action_row_add_suffix (row, icon_button_new (self, "user-trash-symbolic", _ ("Remove"),
                                                   G_CALLBACK (on_remove_clicked)));
  g_object_set_data (G_OBJECT (row), "att-up", up);
  g_object_set_data (G_OBJECT (row), "att-down", down);
}

static void
fill_checking (AdwActionRow *row)
{
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_widget_set_size_request (spinner, ATT_FILE_LIST_THUMBNAIL_SIZE, ATT_FILE_LIST_THUMBNAIL_SIZE);
  att_spinner_start_delayed (GTK_SPINNER (spinner), ATT_SPINNER_DELAY_MS);
  adw_action_row_add_prefix (row, spinner);
  adw_action_row_set_subtitle (row, _ ("Checking…"));
}

static void
fill_refused (AttCertificateFileList *self,
              AdwActionRow           *row,
              AttCertificateFileItem *item)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *dismiss = gtk_button_new_with_mnemonic (_ ("_Dismiss"));

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 24);
  gtk_widget_set_size_request (icon, ATT_FILE_LIST_THUMBNAIL_SIZE, -1);
  gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (row, icon);
  adw_action_row_set_subtitle (row, att_certificate_file_item_get_message (item));
  adw_action_row_set_subtitle_lines (row, 0);
  gtk_widget_add_css_class (GTK_WIDGET (row), "refused-file");
  gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dismiss, _ ("Take this file off the list"));
  g_signal_connect_object (dismiss, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  adw_action_row_add_suffix (row, dismiss);
  att_accessible_fix_mnemonics (dismiss);
}

/* The GtkListBoxCreateWidgetFunc of the list's rows. */
GtkWidget *
att_certificate_file_list_create_row (gpointer item,
                                      gpointer user_data)
{
  AttCertificateFileList *self = user_data;
  AttCertificateFileItem *file_item = item;
  GtkWidget              *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 att_certificate_file_item_get_display_name (file_item));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  switch (att_certificate_file_item_get_state (file_item))
    {
    case ATT_FILE_ITEM_READY:
      fill_ready (self, ADW_ACTION_ROW (row), file_item);
      break;

    case ATT_FILE_ITEM_CHECKING:
      fill_checking (ADW_ACTION_ROW (row));
      break;

    case ATT_FILE_ITEM_REFUSED:
      fill_refused (self, ADW_ACTION_ROW (row), file_item);
      break;

    default:
      g_assert_not_reached ();
    }
  return row;
}

/**
 * att_certificate_file_list_focus_row:
 * @button_key: (nullable): "att-up" or "att-down" to focus that button of
 *   the row when it can be pressed, %NULL for the row itself
 */
void
att_certificate_file_list_focus_row (AttCertificateFileList *self,
                                     guint                   position,
                                     const char             *button_key)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) position);
  GtkWidget     *button;

  if (row == NULL)
    return;
  button = button_key != NULL ? g_object_get_data (G_OBJECT (row), button_key) : NULL;
  if (button != NULL && gtk_widget_get_sensitive (button))
    gtk_widget_grab_focus (button);
  else
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Up is greyed out on the first row, down on the last. */
void
att_certificate_file_list_update_move_buttons (AttCertificateFileList *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) i);
      GtkWidget     *up = row != NULL ? g_object_get_data (G_OBJECT (row), "att-up") : NULL;
      GtkWidget     *down = row != NULL ? g_object_get_data (G_OBJECT (row), "att-down") : NULL;

      if (up != NULL)
        gtk_widget_set_sensitive (up, i > 0);
      if (down != NULL)
        gtk_widget_set_sensitive (down, i + 1 < n);
    }
}
