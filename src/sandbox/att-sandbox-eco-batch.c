/* att-sandbox-eco-batch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "att-sandbox-eco-batch.h"
#include "att-sandbox-eco-score.h"
#include "att-sandbox-json.h"
#include "att-sandbox-product.h"
#include "att-sandbox-request.h"

void
att_sandbox_eco_product_free (AttSandboxEcoProduct *product)
{
  g_clear_pointer (&product->row, att_sandbox_row_free);
  g_clear_pointer (&product->state, json_object_unref);
  g_clear_pointer (&product->reasons, json_array_unref);
  g_clear_pointer (&product->score, json_object_unref);
  g_free (product);
}

/* Where the score of @product stands at @now, as products/search would
 * show it (att_sandbox_eco_score_render()). */
static void
judge_score (const AttSandboxApiContext *context,
             AttSandboxEcoProduct       *product)
{
  product->reasons = att_sandbox_eco_score_reasons (product->state);
  if (json_array_get_length (product->reasons) > 0)
    product->score_state = ATT_SANDBOX_SCORE_INELIGIBLE;
  else if (context->now < product->row->score_ready_at)
    product->score_state = ATT_SANDBOX_SCORE_PENDING;
  else
    {
      product->score_state = ATT_SANDBOX_SCORE_COMPLETE;
      product->score = att_sandbox_eco_score_compute (context->catalogue, product->state,
                                                      att_sandbox_product_mass_kg (product->state));
    }
}

/**
 * att_sandbox_eco_product_load:
 * @id: a product id from a request
 *
 * Returns: (transfer full) (nullable): the product, with its score state
 *   %ATT_SANDBOX_SCORE_MISSING when there is none; %NULL only when the store
 *   fails, with @error set
 */
AttSandboxEcoProduct *
att_sandbox_eco_product_load (const AttSandboxApiContext *context,
                              const char                 *id,
                              GError                    **error)
{
  g_autoptr(AttSandboxEcoProduct) product = g_new0 (AttSandboxEcoProduct, 1);
  GError *local_error = NULL;

  product->row = att_sandbox_store_get (context->store, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (product->row == NULL)
    {
      product->score_state = ATT_SANDBOX_SCORE_MISSING;
      return g_steal_pointer (&product);
    }

  product->state = att_sandbox_json_parse_object (product->row->state, error);
  if (product->state == NULL)
    return NULL;

  judge_score (context, product);
  return g_steal_pointer (&product);
}

static gboolean
strv_has (char      **strv,
          guint       n,
          const char *value)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (strv[i], value))
      return TRUE;
  return FALSE;
}

/* Publish's rules for its list (§3.10): no blank id, none twice. */
static void
check_strict (char      **ids,
              const char *key,
              GPtrArray  *errors)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", key, i);
      g_autofree char *stripped = g_strstrip (g_strdup (ids[i]));

      if (*stripped == '\0')
        att_sandbox_add_error (errors, path, _ ("A product id must not be blank"));
      else if (strv_has (ids, i, ids[i]))
        att_sandbox_add_error (errors, path, _ ("This product id is given twice"));
    }
}

/**
 * att_sandbox_eco_read_ids:
 * @key: the member holding the ids
 * @max: the most ids allowed, or 0 for no limit
 * @strict: also refuse blank and repeated ids
 * @errors: where problems are added
 *
 * Reads a required, non-empty list of product ids.
 *
 * Returns: (transfer full) (nullable): the ids, or %NULL with @errors added to
 */
char **
att_sandbox_eco_read_ids (JsonObject *body,
                          const char *key,
                          guint       max,
                          gboolean    strict,
                          GPtrArray  *errors)
{
  guint before = errors->len;
  g_auto(GStrv) ids = NULL;

  if (!json_object_has_member (body, key) || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (body, key)))
    {
      att_sandbox_add_error (errors, key, _ ("Expected a list of product ids"));
      return NULL;
    }

  ids = att_sandbox_request_strings (body, key, FALSE, errors);
  if (ids == NULL || ids[0] == NULL)
    att_sandbox_add_error (errors, key, _ ("Give at least one product id"));
  else if (max > 0 && g_strv_length (ids) > max)
    {
      /* Translators: %u is the most ids one request may name (50). */
      g_autofree char *message = g_strdup_printf (_ ("At most %u product ids can be sent at once"), max);

      att_sandbox_add_error (errors, key, message);
    }
  else if (strict)
    check_strict (ids, key, errors);

  return errors->len == before ? g_steal_pointer (&ids) : NULL;
}

/**
 * att_sandbox_eco_not_found_message:
 *
 * Returns: (transfer full): what a batch says of an id it does not know
 */
char *
att_sandbox_eco_not_found_message (const char *id)
{
  /* Translators: %s is a product id sent by a client. */
  return g_strdup_printf (_ ("There is no product with the id “%s”"), id);
}
