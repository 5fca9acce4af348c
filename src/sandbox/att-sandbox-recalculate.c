/* att-sandbox-recalculate.c: POST /pic-api/v1/products/recalculate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "att-error.h"

#include "att-sandbox-api.h"
#include "att-sandbox-eco-batch.h"
#include "att-sandbox-json.h"
#include "att-sandbox-product.h"

/* Puts the score of @id back to Pending for the sandbox's score delay, as a
 * real recalculation would while Ecobalyse answers.  Returns whether there
 * was such a product. */
static gboolean
recalculate_one (const AttSandboxApiContext *context,
                 const char                 *id,
                 GError                    **error)
{
  g_autoptr(AttSandboxRow) row = NULL;
  g_autoptr(JsonObject) state = NULL;
  GError *local_error = NULL;

  row = att_sandbox_store_get (context->store, id, &local_error);
  if (row == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return FALSE;
    }

  /* A row read back lacks the columns only writes need: the state gives
   * them again. */
  state = att_sandbox_json_parse_object (row->state, error);
  if (state == NULL)
    return FALSE;
  att_sandbox_product_fill_row (context->catalogue, state, row);
  row->score_ready_at = context->now + context->score_delay_ms;
  return att_sandbox_store_update (context->store, row, error);
}

/* {productId: [...]} -> {successIds, failureIds} (§3.4): an id the sandbox
 * does not know fails; the others are recalculated. */
void
att_sandbox_api_products_recalculate (const AttSandboxApiContext *context,
                                      JsonObject                 *body,
                                      AttSandboxReply            *reply)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();
  g_auto(GStrv) ids = att_sandbox_eco_read_ids (body, "productId", 0, FALSE, errors);
  JsonObject *result;
  JsonArray  *successes, *failures;

  if (ids == NULL)
    {
      att_sandbox_reply_set_error (reply, SOUP_STATUS_BAD_REQUEST, _ ("Validation failed"), errors);
      return;
    }

  successes = json_array_new ();
  failures = json_array_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (recalculate_one (context, ids[i], &error))
        json_array_add_string_element (successes, ids[i]);
      else
        json_array_add_string_element (failures, ids[i]);
      if (error != NULL)
        g_warning ("Sandbox recalculation failed: %s", error->message);
    }

  result = json_object_new ();
  json_object_set_array_member (result, "successIds", successes);
  json_object_set_array_member (result, "failureIds", failures);
  att_sandbox_reply_set_json (reply, att_sandbox_json_node_take_object (result));
}
