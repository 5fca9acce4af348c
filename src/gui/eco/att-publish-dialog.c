/* att-publish-dialog.c: publishing products to the French portal, batch
 * by batch, and what happened to each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-context.h"
#include "att-higg-client.h"
#include "att-publish-dialog.h"
#include "att-publish-dialog-private.h"
#include "att-publish-outcome.h"
#include "att-publish-results.h"

G_DEFINE_FINAL_TYPE (AttPublishDialog, att_publish_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
name_of (AttPublishDialog *self,
         const char       *id)
{
  const char *name = self->names != NULL ? g_hash_table_lookup (self->names, id) : NULL;

  return name != NULL && *name != '\0' ? name : id;
}

static guint
n_remaining (AttPublishDialog *self)
{
  return g_strv_length (self->ids) - g_hash_table_size (self->answered);
}

static void
update_actions (AttPublishDialog *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean   has_outcomes = self->outcomes->len > 0;

  gtk_widget_action_set_enabled (widget, "publish.cancel", self->running);
  gtk_widget_action_set_enabled (widget, "publish.retry", !self->running && n_remaining (self) > 0);
  gtk_widget_action_set_enabled (widget, "publish.copy", !self->running && has_outcomes);
  gtk_widget_action_set_enabled (widget, "publish.export", !self->running && has_outcomes);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), self->running);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), !self->running && n_remaining (self) > 0);
}

static void
set_running (AttPublishDialog *self,
             gboolean          running)
{
  self->running = running;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
update_progress (AttPublishDialog *self)
{
  guint            n_total = g_strv_length (self->ids);
  guint            n_batches = (n_total + ATT_HIGG_LABEL_BATCH_SIZE - 1) / ATT_HIGG_LABEL_BATCH_SIZE;
  guint            n_answered = g_hash_table_size (self->answered);
  guint            batch = MIN (n_answered / ATT_HIGG_LABEL_BATCH_SIZE + 1, n_batches);
  g_autofree char *text = NULL;

  /* Translators: the batches of at most 50 products sent to the portal. */
  text = g_strdup_printf (_ ("Publishing batch %u of %u…"), batch, n_batches);
  gtk_label_set_label (self->status_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, n_total > 0 ? (double) n_answered / n_total : 0);
  g_free (text);
  text = g_strdup_printf (_ ("%u of %u products answered"), n_answered, n_total);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
add_outcome (AttPublishDialog  *self,
             AttPublishOutcome *outcome)
{
  const char *id = att_publish_outcome_get_product_id (outcome);

  if (id == NULL || g_hash_table_contains (self->answered, id))
    return;
  g_hash_table_add (self->answered, g_strdup (id));
  g_ptr_array_add (self->outcomes, g_object_ref (outcome));
  gtk_list_box_append (self->list, att_publish_dialog_row_new (outcome, name_of (self, id)));
}

static void
on_progress (GPtrArray *outcomes,
             guint      n_done,
             guint      n_total,
             gpointer   user_data)
{
  AttPublishDialog *self = user_data;

  if (self->disposed)
    return;
  for (guint i = 0; i < outcomes->len; i++)
    add_outcome (self, g_ptr_array_index (outcomes, i));
  update_progress (self);
}

/* What was done, and why the rest was not. */
static void
show_stopped (AttPublishDialog *self,
              const GError     *error)
{
  g_autofree char *summary = att_publish_results_summary (self->outcomes);
  g_autofree char *rest = NULL;
  g_autofree char *text = NULL;

  rest = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product was not sent.",
                                       "%u products were not sent.", n_remaining (self)),
                          n_remaining (self));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: a summary of outcomes, then how many were not sent. */
    text = g_strdup_printf (_ ("Cancelled. %s. %s"), summary, rest);
  else
    {
      /* Translators: an error, a summary of outcomes, how many were not sent. */
      text = g_strdup_printf (_ ("Publishing stopped: %s\n%s. %s"), error->message, summary, rest);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
  gtk_label_set_label (self->status_label, text);
}

static void
on_published (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AttPublishDialog) self = user_data;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;

  outcomes = att_higg_client_publish_french_labels_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (self->disposed)
    return;
  for (guint i = 0; outcomes != NULL && i < outcomes->len; i++)
    add_outcome (self, g_ptr_array_index (outcomes, i));
  set_running (self, FALSE);
  if (error != NULL)
    show_stopped (self, error);
  else
    {
      g_autofree char *summary = att_publish_results_summary (self->outcomes);

      gtk_label_set_label (self->status_label, summary);
    }
}

static GStrv
remaining_ids (AttPublishDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; self->ids[i] != NULL; i++)
    if (!g_hash_table_contains (self->answered, self->ids[i]))
      g_strv_builder_add (builder, self->ids[i]);
  return g_strv_builder_end (builder);
}

static void
publish_remaining (AttPublishDialog *self)
{
  AttHiggClient *client = att_context_get_higg_client (self->context);
  g_auto(GStrv) ids = remaining_ids (self);

  if (client == NULL || ids[0] == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  set_running (self, TRUE);
  update_progress (self);
  att_higg_client_publish_french_labels_async (client, (const char *const *) ids, on_progress, self, NULL,
                                               self->cancellable, on_published, g_object_ref (self));
}

/* Actions */

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttPublishDialog *self = ATT_PUBLISH_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  publish_remaining (ATT_PUBLISH_DIALOG (widget));
}

/* GObject */

static void
att_publish_dialog_dispose (GObject *object)
{
  AttPublishDialog *self = (AttPublishDialog *) object;

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  att_publish_dialog_export_dispose (self);

  G_OBJECT_CLASS (att_publish_dialog_parent_class)->dispose (object);
}

static void
att_publish_dialog_finalize (GObject *object)
{
  AttPublishDialog *self = (AttPublishDialog *) object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->ids, g_strfreev);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->answered, g_hash_table_unref);
  g_clear_pointer (&self->outcomes, g_ptr_array_unref);

  G_OBJECT_CLASS (att_publish_dialog_parent_class)->finalize (object);
}

static void
att_publish_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AttPublishDialog *self = ATT_PUBLISH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_publish_dialog_class_init (AttPublishDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_publish_dialog_dispose;
  object_class->finalize = att_publish_dialog_finalize;
  object_class->get_property = att_publish_dialog_get_property;

  /* Whether batches are being sent. */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "publish.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "publish.retry", NULL, retry_action);
  att_publish_dialog_install_export_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "publish.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
att_publish_dialog_init (AttPublishDialog *self)
{
  self->answered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->outcomes = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _ ("Publish to French Portal"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  att_publish_dialog_build (self);
}

/**
 * att_publish_dialog_new:
 * @parent: (nullable): the window it is modal for
 * @product_ids: the products to publish
 * @names: (nullable): product id -> name, for the rows
 *
 * Returns: (transfer none): a modal window, owned by GTK like every
 *   toplevel; present it and call
 *   att_publish_dialog_start()
 */
AttPublishDialog *
att_publish_dialog_new (GtkWindow         *parent,
                        AttContext        *context,
                        const char *const *product_ids,
                        GHashTable        *names)
{
  AttPublishDialog *self;

  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (product_ids != NULL, NULL);

  self = g_object_new (ATT_TYPE_PUBLISH_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->context = g_object_ref (context);
  self->ids = g_strdupv ((GStrv) product_ids);
  self->names = names != NULL ? g_hash_table_ref (names) : NULL;
  update_actions (self);
  return self;
}

/* Sends the products in batches of at most 50, one after the other. */
void
att_publish_dialog_start (AttPublishDialog *self)
{
  g_return_if_fail (ATT_IS_PUBLISH_DIALOG (self));
  g_return_if_fail (!self->running);

  publish_remaining (self);
}

gboolean
att_publish_dialog_get_running (AttPublishDialog *self)
{
  g_return_val_if_fail (ATT_IS_PUBLISH_DIALOG (self), FALSE);

  return self->running;
}

/**
 * att_publish_dialog_get_outcomes:
 *
 * Returns: (transfer none) (element-type AttPublishOutcome): the outcomes
 *   received so far, in the order they came
 */
GPtrArray *
att_publish_dialog_get_outcomes (AttPublishDialog *self)
{
  g_return_val_if_fail (ATT_IS_PUBLISH_DIALOG (self), NULL);

  return self->outcomes;
}

/**
 * att_publish_dialog_to_text:
 *
 * Returns: (transfer full): what Copy puts on the clipboard
 */
char *
att_publish_dialog_to_text (AttPublishDialog *self)
{
  g_return_val_if_fail (ATT_IS_PUBLISH_DIALOG (self), NULL);

  return att_publish_results_to_text (self->outcomes, self->names);
}
