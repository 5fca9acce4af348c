/* att-eco-score-page-refresh.c: a Pending score fetched again until it is
 * computed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-context.h"
#include "att-eco-score-page-private.h"
#include "att-eco-score.h"
#include "att-higg-client.h"
#include "att-product.h"

/* While the server computes a score it answers `Pending`; the page asks
 * again every few seconds by itself, so the figures appear without the user
 * doing anything.  With a context it fetches the product itself; owners
 * without one get "refresh-needed" and call set_product() with the fresh
 * product. */

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AttEcoScorePage) self = user_data;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(GError) error = NULL;

  product = att_higg_client_get_product_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (product != NULL)
    att_eco_score_page_set_product (self, product);
  else
    /* A failed poll is tried again; the page keeps what it shows. */
    _att_eco_score_page_schedule_refresh (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  AttEcoScorePage *self = user_data;
  AttHiggClient   *client = self->context != NULL ? att_context_get_higg_client (self->context) : NULL;

  self->refresh_source = 0;
  if (client != NULL)
    att_higg_client_get_product_async (client, att_product_get_id (self->product), self->cancellable,
                                       fetched_cb, g_object_ref (self));
  else
    g_signal_emit (self, att_eco_score_page_signals[ATT_ECO_SCORE_PAGE_SIGNAL_REFRESH_NEEDED], 0);

  return G_SOURCE_REMOVE;
}

/* The product fetched again at once (after a recalculation, say). */
void
_att_eco_score_page_refresh_now (AttEcoScorePage *self)
{
  _att_eco_score_page_stop_refresh (self);
  refresh_cb (self);
}

static gboolean
is_pending (AttProduct *product)
{
  AttEcoScore *score = product != NULL ? att_product_get_eco_score (product) : NULL;

  return score != NULL && att_eco_score_get_status_kind (score) == ATT_ECO_SCORE_STATUS_PENDING;
}

void
_att_eco_score_page_schedule_refresh (AttEcoScorePage *self)
{
  if (self->refresh_source != 0 || !is_pending (self->product))
    return;

  self->refresh_source = g_timeout_add (self->refresh_interval, refresh_cb, self);
}

void
_att_eco_score_page_stop_refresh (AttEcoScorePage *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
}
