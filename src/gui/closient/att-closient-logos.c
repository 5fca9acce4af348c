/* att-closient-logos.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-closient-logos.h"
#include "att-context.h"
#include "att-http.h"

/**
 * AttClosientLogos:
 *
 * The logos of certifications (and the pictures of products) that Closient
 * links to, for lists that show dozens of them and ask again as they
 * scroll.  Each address is fetched once a session, however many rows ask
 * at the same time; the pictures are kept in memory as textures, and the
 * downloaded files in the user's cache directory for a week, so that the
 * next session shows them without the network.  Files are read, decoded
 * (to a small size: a server could send a huge picture) and written in a
 * worker thread.  An address that failed is not asked for again this
 * session: the row keeps its icon.
 */
struct _AttClosientLogos
{
  GObject       parent_instance;

  AttHttp      *http;
  GFile        *cache_dir;
  GCancellable *cancellable;
  GHashTable   *textures; /* url -> GdkTexture */
  GHashTable   *failed;   /* url set */
  GHashTable   *waiting;  /* url -> GPtrArray of GTask */
};

G_DEFINE_FINAL_TYPE (AttClosientLogos, att_closient_logos, G_TYPE_OBJECT)

/* Long enough that a logo is downloaded about once a week; a certification
 * rarely changes its logo, and a stale one is still the right one. */
#define CACHE_MAX_AGE_SECONDS (7 * 24 * 3600)
/* No logo is this large; anything larger is not a logo. */
#define MAX_DOWNLOAD_BYTES (2 * 1024 * 1024)

/* Worker threads */

typedef struct
{
  GFile  *file;
  GBytes *bytes; /* downloaded, to decode and store; NULL to read the file */
} ThreadData;

static void
thread_data_free (ThreadData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

static GdkTexture *
decode (GBytes  *bytes,
        GError **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, ATT_CLOSIENT_LOGO_PIXELS, ATT_CLOSIENT_LOGO_PIXELS, TRUE,
                                                NULL, error);
  return pixbuf != NULL ? gdk_texture_new_for_pixbuf (pixbuf) : NULL;
}

static gboolean
is_fresh (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                                                  NULL, NULL);
  guint64 modified;

  if (info == NULL)
    return FALSE;
  modified = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  return (guint64) g_get_real_time () / G_USEC_PER_SEC < modified + CACHE_MAX_AGE_SECONDS;
}

/* Returns the cached picture, or %NULL with no error when there is none. */
static void
read_cached_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ThreadData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  if (!is_fresh (data->file) || (bytes = g_file_load_bytes (data->file, NULL, NULL, NULL)) == NULL ||
      (texture = decode (bytes, NULL)) == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_return_pointer (task, texture, g_object_unref);
}

/* The cache is a convenience: a failure to keep the file costs a download
 * next time, nothing else. */
static void
store (GFile  *file,
       GBytes *bytes)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;

  if (!g_file_make_directory_with_parents (dir, NULL, &error) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_debug ("Could not make the logo cache: %s", error->message);
      return;
    }
  g_clear_error (&error);
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE, NULL, NULL, &error))
    g_debug ("Could not keep a logo in the cache: %s", error->message);
}

static void
decode_and_store_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  ThreadData *data = task_data;
  GdkTexture *texture;
  GError     *error = NULL;

  texture = decode (data->bytes, &error);
  if (texture == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  store (data->file, data->bytes);
  g_task_return_pointer (task, texture, g_object_unref);
}

static void
run_in_thread (AttClosientLogos   *self,
               GFile              *file,
               GBytes             *bytes,
               GTaskThreadFunc     func,
               GAsyncReadyCallback callback,
               char               *url)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, callback, url);
  ThreadData *data = g_new0 (ThreadData, 1);

  data->file = g_object_ref (file);
  data->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) thread_data_free);
  g_task_run_in_thread (task, func);
}

/* Loading */

static GFile *
cache_file (AttClosientLogos *self,
            const char       *url)
{
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);

  return g_file_get_child (self->cache_dir, name);
}

/* Every request for @url gets the texture, or the error. */
static void
finish_waiting (AttClosientLogos *self,
                const char       *url,
                GdkTexture       *texture,
                const GError     *error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *key = NULL;

  if (!g_hash_table_steal_extended (self->waiting, url, (gpointer *) &key, (gpointer *) &tasks))
    return;
  if (texture != NULL)
    g_hash_table_insert (self->textures, g_strdup (url), g_object_ref (texture));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_hash_table_add (self->failed, g_strdup (url));

  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (texture != NULL)
        g_task_return_pointer (task, g_object_ref (texture), g_object_unref);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

static void
decoded_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AttClosientLogos *self = ATT_CLOSIENT_LOGOS (source);
  g_autofree char  *url = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    g_debug ("Could not read the picture at %s: %s", url, error->message);
  finish_waiting (self, url, texture, error);
}

typedef struct
{
  AttClosientLogos *self;
  char             *url;
} Download;

static void
download_free (Download *download)
{
  g_object_unref (download->self);
  g_free (download->url);
  g_free (download);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Download, download_free)

static void
downloaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Download) download = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes != NULL && soup_message_get_status (message) != SOUP_STATUS_OK)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("The server answered %u"),
                 soup_message_get_status (message));
  else if (bytes != NULL && g_bytes_get_size (bytes) > MAX_DOWNLOAD_BYTES)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, _ ("The picture is too large"));
  if (error != NULL)
    {
      g_debug ("Could not download %s: %s", download->url, error->message);
      finish_waiting (download->self, download->url, NULL, error);
      return;
    }
  file = cache_file (download->self, download->url);
  run_in_thread (download->self, file, bytes, decode_and_store_thread, decoded_cb, g_steal_pointer (&download->url));
}

/* Pictures carry no secret, but a plain http:// address off this computer
 * would still tell the network which products are looked at: as for the
 * API calls, only https, or http to the sandbox on loopback. */
static gboolean
is_allowed (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL || g_ascii_strcasecmp (scheme, "https") == 0)
    return host != NULL;
  if (g_ascii_strcasecmp (scheme, "http") != 0)
    return FALSE;
  address = g_inet_address_new_from_string (host);
  return g_ascii_strcasecmp (host, "localhost") == 0 || (address != NULL && g_inet_address_get_is_loopback (address));
}

static void
download (AttClosientLogos *self,
          char             *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(SoupMessage) message = NULL;
  Download *download;

  if (uri == NULL || !is_allowed (uri))
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                      _ ("Pictures are only loaded from https:// addresses"));

      finish_waiting (self, url, NULL, error);
      g_free (url);
      return;
    }
  message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  download = g_new0 (Download, 1);
  download->self = g_object_ref (self);
  download->url = url;
  soup_session_send_and_read_async (att_http_get_session (self->http), message, G_PRIORITY_LOW, self->cancellable,
                                    downloaded_cb, download);
}

static void
cached_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AttClosientLogos *self = ATT_CLOSIENT_LOGOS (source);
  g_autofree char  *url = user_data;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");

      finish_waiting (self, url, NULL, error);
      return;
    }
  if (texture != NULL)
    finish_waiting (self, url, texture, NULL);
  else
    download (self, g_steal_pointer (&url));
}

/* GObject */

static void
att_closient_logos_dispose (GObject *object)
{
  AttClosientLogos *self = (AttClosientLogos *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->http);

  G_OBJECT_CLASS (att_closient_logos_parent_class)->dispose (object);
}

static void
att_closient_logos_finalize (GObject *object)
{
  AttClosientLogos *self = (AttClosientLogos *) object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->cache_dir);
  g_hash_table_unref (self->textures);
  g_hash_table_unref (self->failed);
  g_hash_table_unref (self->waiting);

  G_OBJECT_CLASS (att_closient_logos_parent_class)->finalize (object);
}

static void
att_closient_logos_class_init (AttClosientLogosClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = att_closient_logos_dispose;
  object_class->finalize = att_closient_logos_finalize;
}

static void
att_closient_logos_init (AttClosientLogos *self)
{
  self->cancellable = g_cancellable_new ();
  self->textures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->failed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * att_closient_logos_new:
 * @http: the pipeline whose connections to use
 * @cache_dir: where to keep the downloaded files
 *
 * Returns: (transfer full): an empty cache
 */
AttClosientLogos *
att_closient_logos_new (AttHttp *http,
                        GFile   *cache_dir)
{
  AttClosientLogos *self;

  g_return_val_if_fail (ATT_IS_HTTP (http), NULL);
  g_return_val_if_fail (G_IS_FILE (cache_dir), NULL);

  self = g_object_new (ATT_TYPE_CLOSIENT_LOGOS, NULL);
  self->http = g_object_ref (http);
  self->cache_dir = g_object_ref (cache_dir);
  return self;
}

/**
 * att_closient_logos_get_for_context:
 *
 * The views of one context share one cache, kept with the context, whose
 * files are in `$XDG_CACHE_HOME/attest/closient-logos`.
 *
 * Returns: (transfer none): the cache of @context's pictures
 */
AttClosientLogos *
att_closient_logos_get_for_context (AttContext *context)
{
  AttClosientLogos *self;

  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);

  self = g_object_get_data (G_OBJECT (context), "att-closient-logos");
  if (self == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "attest", "closient-logos", NULL);
      g_autoptr(GFile) dir = g_file_new_for_path (path);

      self = att_closient_logos_new (att_context_get_http (context), dir);
      g_object_set_data_full (G_OBJECT (context), "att-closient-logos", self, g_object_unref);
    }
  return self;
}

/**
 * att_closient_logos_get_cache_dir:
 *
 * Returns: (transfer none): where the downloaded files are kept
 */
GFile *
att_closient_logos_get_cache_dir (AttClosientLogos *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_LOGOS (self), NULL);

  return self->cache_dir;
}

/**
 * att_closient_logos_lookup:
 *
 * Returns: (transfer none) (nullable): the picture at @url, if it is in
 *   memory already
 */
GdkTexture *
att_closient_logos_lookup (AttClosientLogos *self,
                           const char       *url)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_LOGOS (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  return g_hash_table_lookup (self->textures, url);
}

/**
 * att_closient_logos_load_async:
 * @url: the picture's address
 *
 * Gets the picture from memory, the cache directory or the network, in
 * that order.  Cancelling @cancellable ends this call, not the download
 * that other calls may wait for.
 */
void
att_closient_logos_load_async (AttClosientLogos   *self,
                               const char         *url,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) file = NULL;
  GPtrArray  *tasks;
  GdkTexture *texture;

  g_return_if_fail (ATT_IS_CLOSIENT_LOGOS (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_closient_logos_load_async));

  if ((texture = g_hash_table_lookup (self->textures, url)) != NULL)
    {
      g_task_return_pointer (task, g_object_ref (texture), g_object_unref);
      return;
    }
  if (g_hash_table_contains (self->failed, url))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("The picture could not be loaded"));
      return;
    }
  if ((tasks = g_hash_table_lookup (self->waiting, url)) != NULL)
    {
      g_ptr_array_add (tasks, g_steal_pointer (&task));
      return;
    }

  tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (tasks, g_steal_pointer (&task));
  g_hash_table_insert (self->waiting, g_strdup (url), tasks);
  file = cache_file (self, url);
  run_in_thread (self, file, NULL, read_cached_thread, cached_cb, g_strdup (url));
}

/**
 * att_closient_logos_load_finish:
 *
 * Returns: (transfer full): the picture, or %NULL with @error set
 */
GdkTexture *
att_closient_logos_load_finish (AttClosientLogos *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Showing a logo in an image */

static void
logo_loaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkImage) image = user_data;
  g_autoptr(GdkTexture) texture = NULL;

  /* A recycled row that shows another logo by now cancelled this one. */
  texture = att_closient_logos_load_finish (ATT_CLOSIENT_LOGOS (source), result, NULL);
  if (texture == NULL)
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (image), "dim-label");
  gtk_image_set_from_paintable (image, GDK_PAINTABLE (texture));
}

/**
 * att_closient_logo_show:
 * @image: where to show it
 * @logos: (nullable): the cache
 * @url: (nullable): the logo's address
 * @fallback_icon: the icon to show until it comes, or without one
 * @accessible_label: what a screen reader says of it ("GOTS logo")
 *
 * Shows the logo at @url in @image: at once if it is in memory, else the
 * icon first and the logo when it has come, unless @image was asked to
 * show another logo meanwhile (a list's rows are recycled).
 */
void
att_closient_logo_show (GtkImage         *image,
                        AttClosientLogos *logos,
                        const char       *url,
                        const char       *fallback_icon,
                        const char       *accessible_label)
{
  GCancellable *cancellable;
  GdkTexture   *texture = NULL;

  g_return_if_fail (GTK_IS_IMAGE (image));
  g_return_if_fail (logos == NULL || ATT_IS_CLOSIENT_LOGOS (logos));

  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label != NULL ? accessible_label : "", -1);
  if ((cancellable = g_object_get_data (G_OBJECT (image), "att-logo-cancellable")) != NULL)
    g_cancellable_cancel (cancellable);

  if (logos != NULL && url != NULL)
    texture = att_closient_logos_lookup (logos, url);
  /* The icon stands in for a picture: dimmed, it does not outweigh the
   * logos beside it. */
  if (texture != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (image), "dim-label");
      gtk_image_set_from_paintable (image, GDK_PAINTABLE (texture));
      return;
    }
  gtk_widget_add_css_class (GTK_WIDGET (image), "dim-label");
  gtk_image_set_from_icon_name (image, fallback_icon);
  if (logos == NULL || url == NULL)
    return;

  cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (image), "att-logo-cancellable", cancellable, g_object_unref);
  att_closient_logos_load_async (logos, url, cancellable, logo_loaded, g_object_ref (image));
}
