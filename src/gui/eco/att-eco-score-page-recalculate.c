/* att-eco-score-page-recalculate.c: the score shown, computed again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-context.h"
#include "att-eco-score-page-private.h"
#include "att-higg-client.h"
#include "att-product.h"

/* Recalculate asks the server (products/recalculate) to compute the score
 * again, then fetches the product: its score is Pending until computed,
 * and the page follows it as for any Pending score.  A product the server
 * could not recalculate, or a request that failed, is said under the
 * status, and Recalculate can be tried again. */

static void
show_problem (AttEcoScorePage *self,
              const char      *problem)
{
  gtk_label_set_label (self->error_label, problem);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "eco-score.recalculate", TRUE);
}

static void
recalculated_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AttEcoScorePage) self = user_data;
  g_auto(GStrv) failures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!att_higg_client_recalculate_finish (ATT_HIGG_CLIENT (object), result, NULL, &failures, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s says why the request failed */
      message = g_strdup_printf (_ ("Could not recalculate: %s"), error->message);
      show_problem (self, message);
      return;
    }
  if (failures != NULL && failures[0] != NULL)
    {
      show_problem (self, _ ("The server could not recalculate this product’s eco-score."));
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "eco-score.recalculate", TRUE);
  _att_eco_score_page_refresh_now (self);
}

void
_att_eco_score_page_recalculate (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  AttEcoScorePage *self = ATT_ECO_SCORE_PAGE (widget);
  AttHiggClient   *client = self->context != NULL ? att_context_get_higg_client (self->context) : NULL;
  const char      *ids[] = { self->product != NULL ? att_product_get_id (self->product) : NULL, NULL };

  if (client == NULL || ids[0] == NULL)
    return;

  gtk_widget_action_set_enabled (widget, "eco-score.recalculate", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  _att_eco_score_page_set_status (self, _ ("Asking the server to recalculate…"), TRUE);
  att_higg_client_recalculate_async (client, ids, self->cancellable, recalculated_cb, g_object_ref (self));
}
