/* att-paged-footer.c: what went wrong in a paged list, below the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-error.h"
#include "att-paged-model.h"
#include "att-paged-footer.h"

/**
 * AttPagedFooter:
 *
 * The problems of an #AttPagedModel that has rows to show, in words a user
 * understands, with the technical detail on a second line: pages that
 * could not be loaded, with a Retry button that fetches them all again, and
 * rows the server sent that could not be read.  Hidden when there is none.
 * A failure of the first page is the list's own error state, not this.
 */
struct _AttPagedFooter
{
  GtkWidget      parent_instance;

  AttPagedModel *model;
  char          *failed_text;

  /* template widgets */
  GtkWidget     *failed_box;
  GtkLabel      *failed_label;
  GtkLabel      *failed_detail;
  GtkWidget     *unreadable_box;
  GtkLabel      *unreadable_label;
  GtkLabel      *unreadable_detail;
};

G_DEFINE_FINAL_TYPE (AttPagedFooter, att_paged_footer, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_FAILED_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The failing path a developer needs, kept out of the sentence a user reads. */
static const char *
error_detail (const GError *error)
{
  GPtrArray *details = att_api_error_get_field_errors (error);

  if (details == NULL || details->len == 0)
    return "";
  return ((AttFieldError *) g_ptr_array_index (details, 0))->message;
}

static gboolean
update_failed (AttPagedFooter *self)
{
  const GError *error = att_paged_model_get_error (self->model);

  if (error == NULL || !att_paged_model_get_loaded (self->model))
    return FALSE;

  gtk_label_set_label (self->failed_label, self->failed_text != NULL
                                             ? self->failed_text
                                             : _ ("Some rows could not be loaded."));
  gtk_label_set_label (self->failed_detail, error->message);
  return TRUE;
}

static gboolean
update_unreadable (AttPagedFooter *self)
{
  guint            n = att_paged_model_get_n_unreadable (self->model);
  const GError    *error = att_paged_model_get_unreadable_error (self->model);
  g_autofree char *text = NULL;

  if (n == 0 || error == NULL)
    return FALSE;

  /* Translators: %s says what could not be read, e.g. "The server sent a
   * product Attest cannot read"; %u is how many rows it is about. */
  text = n > 1 ? g_strdup_printf (ngettext ("%s (%u row)", "%s (%u rows)", n), error->message, n)
               : g_strdup (error->message);
  gtk_label_set_label (self->unreadable_label, text);
  gtk_label_set_label (self->unreadable_detail, error_detail (error));
  return TRUE;
}

static void
update (AttPagedFooter *self)
{
  gboolean failed = self->model != NULL && update_failed (self);
  gboolean unreadable = self->model != NULL && update_unreadable (self);

  gtk_widget_set_visible (self->failed_box, failed);
  gtk_widget_set_visible (self->unreadable_box, unreadable);
  gtk_widget_set_visible (GTK_WIDGET (self), failed || unreadable);
}

static void
on_retry_clicked (AttPagedFooter *self)
{
  if (self->model != NULL)
    att_paged_model_retry (self->model);
}

static void
att_paged_footer_dispose (GObject *object)
{
  AttPagedFooter *self = (AttPagedFooter *) object;
  GtkWidget      *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_PAGED_FOOTER);
  /* The template's root has no id, so unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (att_paged_footer_parent_class)->dispose (object);
}

static void
att_paged_footer_finalize (GObject *object)
{
  AttPagedFooter *self = (AttPagedFooter *) object;

  g_free (self->failed_text);

  G_OBJECT_CLASS (att_paged_footer_parent_class)->finalize (object);
}

static void
att_paged_footer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AttPagedFooter *self = ATT_PAGED_FOOTER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_FAILED_TEXT:
      g_value_set_string (value, self->failed_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_failed_text (AttPagedFooter *self,
                 const char     *text)
{
  if (g_strcmp0 (self->failed_text, text) == 0)
    return;

  g_free (self->failed_text);
  self->failed_text = g_strdup (text);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED_TEXT]);
}

static void
att_paged_footer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AttPagedFooter *self = ATT_PAGED_FOOTER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      att_paged_footer_set_model (self, g_value_get_object (value));
      break;

    case PROP_FAILED_TEXT:
      set_failed_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_paged_footer_class_init (AttPagedFooterClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_paged_footer_dispose;
  object_class->finalize = att_paged_footer_finalize;
  object_class->get_property = att_paged_footer_get_property;
  object_class->set_property = att_paged_footer_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         ATT_TYPE_PAGED_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AttPagedFooter:failed-text:
   *
   * What to say when pages failed, in the list's own words, e.g. "Some
   * products could not be loaded."; the failure itself follows below it.
   */
  properties[PROP_FAILED_TEXT] =
    g_param_spec_string ("failed-text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-paged-footer.ui");
  gtk_widget_class_bind_template_child (widget_class, AttPagedFooter, failed_box);
  gtk_widget_class_bind_template_child (widget_class, AttPagedFooter, failed_label);
  gtk_widget_class_bind_template_child (widget_class, AttPagedFooter, failed_detail);
  gtk_widget_class_bind_template_child (widget_class, AttPagedFooter, unreadable_box);
  gtk_widget_class_bind_template_child (widget_class, AttPagedFooter, unreadable_label);
  gtk_widget_class_bind_template_child (widget_class, AttPagedFooter, unreadable_detail);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);

  gtk_widget_class_set_css_name (widget_class, "pagedfooter");
}

static void
att_paged_footer_init (AttPagedFooter *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
att_paged_footer_new (void)
{
  return g_object_new (ATT_TYPE_PAGED_FOOTER, NULL);
}

/**
 * att_paged_footer_get_model:
 *
 * Returns: (transfer none) (nullable): the list whose problems are shown
 */
AttPagedModel *
att_paged_footer_get_model (AttPagedFooter *self)
{
  g_return_val_if_fail (ATT_IS_PAGED_FOOTER (self), NULL);

  return self->model;
}

/**
 * att_paged_footer_set_model:
 * @model: (nullable): the list whose problems to show
 */
void
att_paged_footer_set_model (AttPagedFooter *self,
                            AttPagedModel  *model)
{
  g_return_if_fail (ATT_IS_PAGED_FOOTER (self));
  g_return_if_fail (model == NULL || ATT_IS_PAGED_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);

  /* The unreadable rows change only along with items-changed. */
  if (model != NULL)
    {
      g_signal_connect_object (model, "notify::error", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "notify::loaded", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "items-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}
