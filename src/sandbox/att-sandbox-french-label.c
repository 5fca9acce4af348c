/* att-sandbox-french-label.c: POST /pic-api/v1/french-label/image
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
#include "att-sandbox-label-svg.h"

/* Why @product has no label, or %NULL when it has one. */
static char *
label_error (AttSandboxEcoProduct *product,
             const char           *id)
{
  switch (product->score_state)
    {
    case ATT_SANDBOX_SCORE_MISSING:
      return att_sandbox_eco_not_found_message (id);
    case ATT_SANDBOX_SCORE_INELIGIBLE:
      return g_strdup (_ ("The product has no eco-score yet: it is not eligible"));
    case ATT_SANDBOX_SCORE_PENDING:
      return g_strdup (_ ("The eco-score is still being computed"));
    case ATT_SANDBOX_SCORE_COMPLETE:
    default:
      return NULL;
    }
}

/* One `{productId, svg, code, error}` (§3.9): a failure is the product's
 * own and leaves the others alone. */
static JsonObject *
label_entry (AttSandboxEcoProduct *product,
             const char           *id)
{
  JsonObject      *entry = json_object_new ();
  g_autofree char *error = label_error (product, id);

  json_object_set_string_member (entry, "productId", id);
  if (error != NULL)
    {
      json_object_set_null_member (entry, "svg");
      json_object_set_null_member (entry, "code");
      json_object_set_string_member (entry, "error", error);
    }
  else
    {
      gint64           score = json_object_get_int_member (product->score, "score");
      g_autofree char *svg = att_sandbox_label_svg (att_sandbox_json_string (product->state, "name"), score);

      json_object_set_string_member (entry, "svg", svg);
      json_object_set_int_member (entry, "code", score);
      json_object_set_string_member (entry, "error", "");
    }
  return entry;
}

void
att_sandbox_api_french_label_image (const AttSandboxApiContext *context,
                                    JsonObject                 *body,
                                    AttSandboxReply            *reply)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();
  g_auto(GStrv) ids = att_sandbox_eco_read_ids (body, "productIds", ATT_SANDBOX_LABEL_BATCH_MAX, FALSE, errors);
  g_autoptr(JsonArray) entries = NULL;

  if (ids == NULL)
    {
      att_sandbox_reply_set_error (reply, SOUP_STATUS_BAD_REQUEST, _ ("Validation failed"), errors);
      return;
    }

  entries = json_array_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AttSandboxEcoProduct) product = att_sandbox_eco_product_load (context, ids[i], &error);

      if (product == NULL)
        {
          g_warning ("Sandbox storage failed: %s", error->message);
          att_sandbox_reply_set_error (reply, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                       _ ("The sandbox could not read the products"), NULL);
          return;
        }
      json_array_add_object_element (entries, label_entry (product, ids[i]));
    }

  att_sandbox_reply_set_json (reply, att_sandbox_json_node_take_array (g_steal_pointer (&entries)));
}
