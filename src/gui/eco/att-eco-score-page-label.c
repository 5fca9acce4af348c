/* att-eco-score-page-label.c: the official label, fetched for the score
 * shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-context.h"
#include "att-eco-score-page-private.h"
#include "att-french-label.h"
#include "att-higg-client.h"
#include "att-product.h"

/* With a context the page fetches its label itself (french-label/image,
 * one id); owners without one hear "label-needed" and call
 * att_eco_score_page_set_label_svg(). */

static void
show_label (AttEcoScorePage *self,
            AttFrenchLabel  *label)
{
  const char *svg = att_french_label_get_svg (label);
  const char *error = att_french_label_get_error (label);

  if (svg == NULL && error == NULL)
    error = _ ("The server sent no label for this product");
  att_eco_label_view_set_svg (self->label_view, svg, error);
}

static void
label_fetched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AttEcoScorePage) self = user_data;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) error = NULL;

  labels = att_higg_client_fetch_french_labels_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (labels != NULL && labels->len == 1)
    show_label (self, g_ptr_array_index (labels, 0));
  else
    att_eco_label_view_set_svg (self->label_view, NULL, error != NULL ? error->message : NULL);
}

void
_att_eco_score_page_fetch_label (AttEcoScorePage *self)
{
  AttHiggClient *client = self->context != NULL ? att_context_get_higg_client (self->context) : NULL;
  const char    *ids[] = { att_product_get_id (self->product), NULL };

  if (client == NULL)
    {
      g_signal_emit (self, att_eco_score_page_signals[ATT_ECO_SCORE_PAGE_SIGNAL_LABEL_NEEDED], 0, self->product);
      return;
    }
  att_higg_client_fetch_french_labels_async (client, ids, self->cancellable, label_fetched_cb, g_object_ref (self));
}
