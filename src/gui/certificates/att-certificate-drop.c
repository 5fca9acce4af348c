/* att-certificate-drop.c: a drop zone for certificate files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-certificate-drop.h"

/* A zone accepts a file manager's file list, a single file, and image data
 * as a browser drags it (a texture).  While a drag hovers, the widget gets
 * the "drop-zone" style class (a dashed outline, see style.css) and a label
 * over it says what dropping will do: people see where to let go before
 * they do.
 *
 * The label is drawn over the widget's other children.  That needs the
 * widget to be a GtkOverlay (the label is one of its overlays), or a
 * widget laid out by GtkBinLayout, as AdwBin and most templates are (the
 * label is one more child, allocated over the others, and taken away when
 * the widget is disposed). */

#define ZONE_KEY "att-certificate-drop-zone"

typedef struct
{
  GtkWidget             *widget; /* not owned: it owns the target, which owns the zone */
  GtkWidget             *label;  /* owned */
  AttCertificateDropFunc func;
  gpointer               user_data;
} AttDropZone;

static void
zone_free (gpointer data)
{
  AttDropZone *zone = data;

  g_clear_object (&zone->label);
  g_free (zone);
}

static void
set_hovering (AttDropZone *zone,
              gboolean     hovering)
{
  if (hovering)
    gtk_widget_add_css_class (zone->widget, "drop-zone");
  else
    gtk_widget_remove_css_class (zone->widget, "drop-zone");
  if (zone->label != NULL)
    gtk_widget_set_visible (zone->label, hovering);
}

static GdkDragAction
on_enter (GtkDropTarget *target,
          double         x,
          double         y,
          AttDropZone   *zone)
{
  set_hovering (zone, TRUE);
  return GDK_ACTION_COPY;
}

static void
on_leave (GtkDropTarget *target,
          AttDropZone   *zone)
{
  set_hovering (zone, FALSE);
}

/* The files of a GdkFileList, or the one GFile, as a list. */
static GListModel *
files_from_value (const GValue *value)
{
  GListStore *store = g_list_store_new (G_TYPE_FILE);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GdkFileList *list = g_value_get_boxed (value);
      GSList      *files = list != NULL ? gdk_file_list_get_files (list) : NULL;

      for (GSList *l = files; l != NULL; l = l->next)
        g_list_store_append (store, l->data);
      g_slist_free (files);
    }
  else if (g_value_get_object (value) != NULL)
    g_list_store_append (store, g_value_get_object (value));
  return G_LIST_MODEL (store);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AttDropZone   *zone)
{
  set_hovering (zone, FALSE);

  if (G_VALUE_HOLDS (value, GDK_TYPE_TEXTURE))
    {
      GdkTexture *texture = g_value_get_object (value);

      if (texture == NULL)
        return FALSE;
      zone->func (zone->widget, NULL, texture, zone->user_data);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      g_autoptr(GListModel) files = files_from_value (value);

      if (g_list_model_get_n_items (files) == 0)
        return FALSE;
      zone->func (zone->widget, files, NULL, zone->user_data);
      return TRUE;
    }
  return FALSE;
}

/* A child the widget does not know of must be gone before the widget is
 * finalized: weak references are told during its dispose. */
static void
on_widget_disposed (gpointer data,
                    GObject *where_the_object_was)
{
  GtkWidget *label = data;

  if (gtk_widget_get_parent (label) != NULL)
    gtk_widget_unparent (label);
  g_object_unref (label);
}

static GtkWidget *
label_new (const char *action_text)
{
  GtkWidget *label = gtk_label_new (action_text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_halign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_can_target (label, FALSE);
  gtk_widget_set_can_focus (label, FALSE);
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_add_css_class (label, "drop-zone-label");
  return label;
}

static void
add_label (AttDropZone *zone,
           const char  *action_text)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (zone->widget);
  GtkWidget        *label = label_new (action_text);

  if (GTK_IS_OVERLAY (zone->widget))
    {
      zone->label = g_object_ref (label);
      gtk_overlay_add_overlay (GTK_OVERLAY (zone->widget), label);
    }
  else if (GTK_IS_BIN_LAYOUT (layout))
    {
      zone->label = g_object_ref (label);
      gtk_widget_set_parent (label, zone->widget);
      g_object_weak_ref (G_OBJECT (zone->widget), on_widget_disposed, g_object_ref (label));
    }
  else
    {
      g_warning ("%s is neither a GtkOverlay nor laid out by a GtkBinLayout: "
                 "its drop zone shows no label",
                 G_OBJECT_TYPE_NAME (zone->widget));
      g_object_ref_sink (label);
      g_object_unref (label);
    }
}

/**
 * att_certificate_drop_install:
 * @widget: a GtkOverlay, or a widget laid out by a GtkBinLayout
 * @action_text: what dropping does, as the label over @widget says it
 *   ("Drop to attach these files")
 * @func: called with what was dropped
 *
 * Makes @widget a drop zone for certificate files: a GtkDropTarget for
 * GDK_TYPE_FILE_LIST, G_TYPE_FILE and GDK_TYPE_TEXTURE that copies.
 */
void
att_certificate_drop_install (GtkWidget             *widget,
                              const char            *action_text,
                              AttCertificateDropFunc func,
                              gpointer               user_data)
{
  GType          types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE, GDK_TYPE_TEXTURE };
  GtkDropTarget *target;
  AttDropZone   *zone;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (action_text != NULL);
  g_return_if_fail (func != NULL);
  g_return_if_fail (g_object_get_data (G_OBJECT (widget), ZONE_KEY) == NULL);

  zone = g_new0 (AttDropZone, 1);
  zone->widget = widget;
  zone->func = func;
  zone->user_data = user_data;
  add_label (zone, action_text);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_object_set_data_full (G_OBJECT (target), ZONE_KEY, zone, zone_free);
  g_signal_connect (target, "enter", G_CALLBACK (on_enter), zone);
  g_signal_connect (target, "leave", G_CALLBACK (on_leave), zone);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), zone);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
  g_object_set_data (G_OBJECT (widget), ZONE_KEY, zone);
}

/**
 * att_certificate_drop_set_hovering:
 * @widget: a widget made a drop zone by att_certificate_drop_install()
 *
 * Shows @widget as a drag hovering over it shows it, or as it is
 * otherwise; for screenshots and tests, since a real drag needs a person.
 */
void
att_certificate_drop_set_hovering (GtkWidget *widget,
                                   gboolean   hovering)
{
  AttDropZone *zone;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  zone = g_object_get_data (G_OBJECT (widget), ZONE_KEY);
  g_return_if_fail (zone != NULL);
  set_hovering (zone, hovering);
}
