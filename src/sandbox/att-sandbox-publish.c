/* att-sandbox-publish.c: POST /pic-api/v1/french-label/publish
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
#include "att-sandbox-util.h"

/*
 * Declaring to the French portal (§3.10), as the sandbox plays it: each id
 * is checked in turn (known, outside the three-month lock, eligible with a
 * Complete score), then "sent to the portal", which refuses a product
 * without a GTIN.  A declaration stores its time in the meta table, so the
 * lock holds across requests and restarts.
 */

#define PUBLISHED_KEY_PREFIX "french-label-published:"

typedef struct
{
  const AttSandboxApiContext *context;
  char                       *reference; /* shared by the batch */
  JsonArray                  *succeeded;
  JsonArray                  *failed;
  JsonArray                  *skipped;
} Batch;

static gint64
published_at (AttSandboxStore *store,
              const char      *id)
{
  g_autofree char *key = g_strconcat (PUBLISHED_KEY_PREFIX, id, NULL);
  g_autofree char *value = att_sandbox_store_get_meta (store, key);

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

/* Three calendar months after @unix_ms, in UTC. */
static gint64
lock_end (gint64 unix_ms)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (unix_ms / 1000);
  g_autoptr(GDateTime) end = g_date_time_add_months (start, 3);

  return g_date_time_to_unix (end) * 1000 + unix_ms % 1000;
}

static JsonObject *
reason_new (const char *message)
{
  JsonObject *reason = json_object_new ();

  json_object_set_string_member (reason, "message", message);
  return reason;
}

static void
add_skipped (Batch      *batch,
             const char *id,
             JsonArray  *reasons,
             gint64      next_eligible_at)
{
  JsonObject *entry = json_object_new ();

  json_object_set_string_member (entry, "productId", id);
  json_object_set_array_member (entry, "reasons", reasons);
  if (next_eligible_at > 0)
    json_object_set_int_member (entry, "nextEligibleAt", next_eligible_at);
  else
    json_object_set_null_member (entry, "nextEligibleAt");
  json_object_set_null_member (entry, "driftedPeer");
  json_array_add_object_element (batch->skipped, entry);
}

static void
add_failed (Batch      *batch,
            const char *id)
{
  JsonObject *entry = json_object_new ();

  json_object_set_string_member (entry, "productId", id);
  json_object_set_string_member (entry, "error",
                                 _ ("The portal refused the declaration: the product has no GTIN"));
  json_object_set_int_member (entry, "httpStatus", SOUP_STATUS_UNPROCESSABLE_ENTITY);
  json_object_set_string_member (entry, "code", "MissingGtin");
  json_array_add_object_element (batch->failed, entry);
}

static gboolean
add_succeeded (Batch      *batch,
               const char *id,
               GError    **error)
{
  gint64           now = batch->context->now;
  g_autofree char *key = g_strconcat (PUBLISHED_KEY_PREFIX, id, NULL);
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  JsonObject      *entry;

  if (!att_sandbox_store_set_meta (batch->context->store, key, value, error))
    return FALSE;

  entry = json_object_new ();
  json_object_set_string_member (entry, "productId", id);
  json_object_set_string_member (entry, "internalReference", batch->reference);
  json_object_set_int_member (entry, "publishedAt", now);
  json_object_set_int_member (entry, "nextEligibleAt", lock_end (now));
  json_object_set_int_member (entry, "httpStatus", SOUP_STATUS_CREATED);
  json_array_add_object_element (batch->succeeded, entry);
  return TRUE;
}

static gboolean
has_gtin (JsonObject *state)
{
  const char *identifier = att_sandbox_json_string (state, "identifier");

  return identifier != NULL && *identifier != '\0' &&
         g_strcmp0 (att_sandbox_json_string (state, "identifierType"), "GTIN") == 0;
}

/* The skip reasons of @product, or an empty array when it may be sent;
 * @out_next is set when the lock is why. */
static JsonArray *
skip_reasons (Batch                *batch,
              AttSandboxEcoProduct *product,
              const char           *id,
              gint64               *out_next)
{
  JsonArray *reasons = json_array_new ();
  gint64     last = 0;

  if (product->score_state == ATT_SANDBOX_SCORE_MISSING)
    {
      json_array_add_object_element (reasons, reason_new ("ProductNotFound"));
      return reasons;
    }

  last = published_at (batch->context->store, id);
  if (last > 0 && batch->context->now < lock_end (last))
    {
      *out_next = lock_end (last);
      json_array_add_object_element (reasons, reason_new ("WithinThreeMonthLock"));
    }
  else if (product->score_state == ATT_SANDBOX_SCORE_INELIGIBLE)
    {
      json_array_unref (reasons);
      reasons = json_array_ref (product->reasons);
    }
  else if (product->score_state == ATT_SANDBOX_SCORE_PENDING)
    json_array_add_object_element (reasons, reason_new ("ScoreNotComplete"));

  return reasons;
}

static gboolean
publish_one (Batch      *batch,
             const char *id,
             GError    **error)
{
  g_autoptr(AttSandboxEcoProduct) product = att_sandbox_eco_product_load (batch->context, id, error);
  g_autoptr(JsonArray) reasons = NULL;
  gint64 next = 0;

  if (product == NULL)
    return FALSE;

  reasons = skip_reasons (batch, product, id, &next);
  if (json_array_get_length (reasons) > 0)
    add_skipped (batch, id, g_steal_pointer (&reasons), next);
  else if (!has_gtin (product->state))
    add_failed (batch, id);
  else
    return add_succeeded (batch, id, error);
  return TRUE;
}

/* 200 when every product sent to the portal was declared, 207 when some
 * were and some not, 400 when none was (§3.10). */
static guint
batch_status (Batch *batch)
{
  guint n_succeeded = json_array_get_length (batch->succeeded);
  guint n_failed = json_array_get_length (batch->failed);

  if (n_failed == 0)
    return SOUP_STATUS_OK;
  return n_succeeded > 0 ? SOUP_STATUS_MULTI_STATUS : SOUP_STATUS_BAD_REQUEST;
}

static void
batch_reply (Batch           *batch,
             AttSandboxReply *reply)
{
  JsonObject *result = json_object_new ();
  guint       status = batch_status (batch);

  json_object_set_array_member (result, "succeeded", json_array_ref (batch->succeeded));
  json_object_set_array_member (result, "failed", json_array_ref (batch->failed));
  json_object_set_array_member (result, "skipped", json_array_ref (batch->skipped));
  att_sandbox_reply_set_json (reply, att_sandbox_json_node_take_object (result));
  reply->status = status;
}

static void
batch_clear (Batch *batch)
{
  g_free (batch->reference);
  json_array_unref (batch->succeeded);
  json_array_unref (batch->failed);
  json_array_unref (batch->skipped);
}

void
att_sandbox_api_french_label_publish (const AttSandboxApiContext *context,
                                      JsonObject                 *body,
                                      AttSandboxReply            *reply)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();
  g_auto(GStrv) ids = att_sandbox_eco_read_ids (body, "productIds", ATT_SANDBOX_LABEL_BATCH_MAX, TRUE, errors);
  g_autofree char *object_id = NULL;
  Batch            batch = { context, NULL, NULL, NULL, NULL };

  if (ids == NULL)
    {
      att_sandbox_reply_set_error (reply, SOUP_STATUS_BAD_REQUEST, _ ("Validation failed"), errors);
      return;
    }

  object_id = att_sandbox_new_object_id ();
  batch.reference = g_strconcat ("AE-", object_id, NULL);
  batch.succeeded = json_array_new ();
  batch.failed = json_array_new ();
  batch.skipped = json_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!publish_one (&batch, ids[i], &error))
        {
          g_warning ("Sandbox storage failed: %s", error->message);
          att_sandbox_reply_set_error (reply, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                       _ ("The sandbox could not read the products"), NULL);
          batch_clear (&batch);
          return;
        }
    }

  batch_reply (&batch, reply);
  batch_clear (&batch);
}
