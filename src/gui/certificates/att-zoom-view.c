/* att-zoom-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-zoom-view.h"

/**
 * AttZoomView:
 *
 * A texture drawn to fit the view (zoom 0, never larger than its own size)
 * or at a zoom level, asking for the zoomed size so that a scrolled window
 * around it scrolls.  GtkPicture in GTK 4.8 asks for the image's own size
 * whatever it is drawn at, so it cannot show an image smaller than that
 * in a scrolled window.
 */
struct _AttZoomView
{
  GtkWidget   parent_instance;

  GdkTexture *texture;
  double      zoom;
  double      notified_scale;
  guint       notify_idle;
};

G_DEFINE_FINAL_TYPE (AttZoomView, att_zoom_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXTURE,
  PROP_ZOOM,
  PROP_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_zoom_view_measure (GtkWidget     *widget,
                       GtkOrientation orientation,
                       int            for_size,
                       int           *minimum,
                       int           *natural,
                       int           *minimum_baseline,
                       int           *natural_baseline)
{
  AttZoomView *self = ATT_ZOOM_VIEW (widget);
  int          size = 0;

  if (self->texture != NULL)
    size = orientation == GTK_ORIENTATION_HORIZONTAL ? gdk_texture_get_width (self->texture)
                                                     : gdk_texture_get_height (self->texture);
  /* Fitted, it takes what it is given; zoomed, exactly its zoomed size. */
  *minimum = self->zoom > 0 ? (int) (size * self->zoom + 0.5) : 0;
  *natural = self->zoom > 0 ? *minimum : size;
}

/**
 * att_zoom_view_get_scale:
 *
 * Returns: the factor the image is drawn at: the zoom, or when fitted the
 *   largest factor up to 1 at which all of it shows
 */
double
att_zoom_view_get_scale (AttZoomView *self)
{
  int width, height;

  g_return_val_if_fail (ATT_IS_ZOOM_VIEW (self), 1.0);

  if (self->zoom > 0)
    return self->zoom;
  if (self->texture == NULL)
    return 1.0;
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0)
    return 1.0;
  return MIN (1.0, MIN ((double) width / gdk_texture_get_width (self->texture),
                        (double) height / gdk_texture_get_height (self->texture)));
}

static void
att_zoom_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  AttZoomView *self = ATT_ZOOM_VIEW (widget);
  double       scale;
  float        width, height;

  if (self->texture == NULL)
    return;
  scale = att_zoom_view_get_scale (self);
  width = gdk_texture_get_width (self->texture) * scale;
  height = gdk_texture_get_height (self->texture) * scale;
  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT (MAX (0, (gtk_widget_get_width (widget) - width) / 2),
                                                    MAX (0, (gtk_widget_get_height (widget) - height) / 2),
                                                    width, height));
}

static gboolean
notify_scale_cb (gpointer user_data)
{
  AttZoomView *self = user_data;

  self->notify_idle = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
  return G_SOURCE_REMOVE;
}

/* The scale changes with the size of a fitted view: those who show it
 * hear of it after the allocation, when they may change their own size. */
static void
att_zoom_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  AttZoomView *self = ATT_ZOOM_VIEW (widget);
  double       scale = att_zoom_view_get_scale (self);

  if (scale == self->notified_scale || self->notify_idle != 0)
    return;
  self->notified_scale = scale;
  self->notify_idle = g_idle_add (notify_scale_cb, self);
}

static void
att_zoom_view_dispose (GObject *object)
{
  AttZoomView *self = (AttZoomView *) object;

  g_clear_handle_id (&self->notify_idle, g_source_remove);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (att_zoom_view_parent_class)->dispose (object);
}

static void
att_zoom_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AttZoomView *self = ATT_ZOOM_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_SCALE:
      g_value_set_double (value, att_zoom_view_get_scale (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_zoom_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AttZoomView *self = ATT_ZOOM_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXTURE:
      att_zoom_view_set_texture (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      att_zoom_view_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_zoom_view_class_init (AttZoomViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_zoom_view_dispose;
  object_class->get_property = att_zoom_view_get_property;
  object_class->set_property = att_zoom_view_set_property;
  widget_class->measure = att_zoom_view_measure;
  widget_class->snapshot = att_zoom_view_snapshot;
  widget_class->size_allocate = att_zoom_view_size_allocate;

  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL,
                         GDK_TYPE_TEXTURE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* 0 to fit the view, else the factor of the image's size. */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0, ATT_ZOOM_VIEW_MAX_ZOOM, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The factor the image is drawn at (att_zoom_view_get_scale()). */
  properties[PROP_SCALE] =
    g_param_spec_double ("scale", NULL, NULL,
                         0, ATT_ZOOM_VIEW_MAX_ZOOM, 1,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "zoomview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
att_zoom_view_init (AttZoomView *self)
{
}

GtkWidget *
att_zoom_view_new (void)
{
  return g_object_new (ATT_TYPE_ZOOM_VIEW, NULL);
}

/**
 * att_zoom_view_get_texture:
 *
 * Returns: (transfer none) (nullable): the texture shown
 */
GdkTexture *
att_zoom_view_get_texture (AttZoomView *self)
{
  g_return_val_if_fail (ATT_IS_ZOOM_VIEW (self), NULL);

  return self->texture;
}

void
att_zoom_view_set_texture (AttZoomView *self,
                           GdkTexture  *texture)
{
  g_return_if_fail (ATT_IS_ZOOM_VIEW (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));

  if (!g_set_object (&self->texture, texture))
    return;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
}

double
att_zoom_view_get_zoom (AttZoomView *self)
{
  g_return_val_if_fail (ATT_IS_ZOOM_VIEW (self), 0);

  return self->zoom;
}

/**
 * att_zoom_view_set_zoom:
 * @zoom: 0 to fit, else a factor, kept between %ATT_ZOOM_VIEW_MIN_ZOOM and
 *   %ATT_ZOOM_VIEW_MAX_ZOOM
 */
void
att_zoom_view_set_zoom (AttZoomView *self,
                        double       zoom)
{
  g_return_if_fail (ATT_IS_ZOOM_VIEW (self));

  if (zoom > 0)
    zoom = CLAMP (zoom, ATT_ZOOM_VIEW_MIN_ZOOM, ATT_ZOOM_VIEW_MAX_ZOOM);
  else
    zoom = 0;
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
}
